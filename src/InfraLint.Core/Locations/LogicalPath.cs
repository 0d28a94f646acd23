namespace InfraLint.Core.Locations
{
    /// <summary>
    /// A logical path not yet written out: the path of the mapping an attribute sits in and the keys below it, joined with
    /// dots when a finding first asks for it (<see cref="Located{T}.Path"/>). The base and the keys are shared with the
    /// attribute's neighbours and its edit target, so an attribute no finding names costs no string of its own.
    /// </summary>
    public sealed class LogicalPath
    {
        private readonly string _base;

        // One key (a string) or several (a string[]): a map's entries have one, an attribute below a mapping may have more.
        private readonly object _keys;

        private LogicalPath(string basePath, object keys)
        {
            _base = basePath ?? throw new System.ArgumentNullException(nameof(basePath));
            _keys = keys ?? throw new System.ArgumentNullException(nameof(keys));
        }

        /// <summary><paramref name="keys"/> below <paramref name="basePath"/>; the array is kept, not copied, so it must not change.</summary>
        public static LogicalPath Below(string basePath, string[] keys) => new LogicalPath(basePath, keys);

        public static LogicalPath Below(string basePath, string key) => new LogicalPath(basePath, key);

        public override string ToString()
        {
            string rest = _keys as string ?? string.Join(".", (string[])_keys);
            return _base.Length == 0 ? rest : _base + "." + rest;
        }
    }
}
