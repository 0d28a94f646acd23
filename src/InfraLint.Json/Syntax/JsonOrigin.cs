namespace InfraLint.Json.Syntax
{
    /// <summary>
    /// What the editor needs beyond the tree: whether a scalar is a key (never replaced by a value), and where an
    /// object's or array's last member ends in the text. The tree drops a repeated key, so its last entry is not
    /// always the last member written, and a new member must follow the one that is.
    /// </summary>
    internal sealed class JsonOrigin
    {
        public static readonly JsonOrigin Value = new JsonOrigin(false, -1);
        public static readonly JsonOrigin Key = new JsonOrigin(true, -1);

        public JsonOrigin(bool isKey, int lastMemberEnd)
        {
            IsKey = isKey;
            LastMemberEnd = lastMemberEnd;
        }

        public bool IsKey { get; }

        /// <summary>Offset just past the last member's value; -1 for an empty container.</summary>
        public int LastMemberEnd { get; }
    }
}
