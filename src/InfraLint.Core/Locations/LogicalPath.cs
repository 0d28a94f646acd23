using InfraLint.Core.Tree;

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
            _base = SharedStrings.Of(basePath ?? throw new System.ArgumentNullException(nameof(basePath)));
            _keys = keys is string key ? SharedStrings.Of(key) : keys ?? throw new System.ArgumentNullException(nameof(keys));
        }

        /// <summary><paramref name="keys"/> below <paramref name="basePath"/>; the array is kept, not copied, so it must not change.</summary>
        public static LogicalPath Below(string basePath, string[] keys) => Shared(basePath ?? throw new System.ArgumentNullException(nameof(basePath)), keys ?? throw new System.ArgumentNullException(nameof(keys)));

        public static LogicalPath Below(string basePath, string key) => Shared(basePath ?? throw new System.ArgumentNullException(nameof(basePath)), key ?? throw new System.ArgumentNullException(nameof(key)));

        // A path is a value: every container's `securityContext.privileged` below `spec.template.spec.containers[0]` is one
        // instance, of which a 10,000-file scan otherwise kept 130,000 until its end.
        private static readonly SharedValues<(string Base, object Keys), LogicalPath> Pool =
            new SharedValues<(string Base, object Keys), LogicalPath>(32_768, PathKey.Instance);

        private static LogicalPath Shared(string basePath, object keys) => Pool.For((basePath, keys), key => new LogicalPath(key.Base, key.Keys));

        private sealed class PathKey : System.Collections.Generic.IEqualityComparer<(string Base, object Keys)>
        {
            public static readonly PathKey Instance = new PathKey();

            public bool Equals((string Base, object Keys) x, (string Base, object Keys) y) =>
                string.Equals(x.Base, y.Base, System.StringComparison.Ordinal)
                && (x.Keys is string one ? y.Keys is string other && string.Equals(one, other, System.StringComparison.Ordinal)
                    : y.Keys is string[] otherKeys && OrdinalSequenceComparer.Instance.Equals((string[])x.Keys, otherKeys));

            public int GetHashCode((string Base, object Keys) key) => unchecked(System.StringComparer.Ordinal.GetHashCode(key.Base) * 31
                + (key.Keys is string one ? System.StringComparer.Ordinal.GetHashCode(one) : OrdinalSequenceComparer.Instance.GetHashCode((string[])key.Keys)));
        }

        public override string ToString()
        {
            string rest = _keys as string ?? string.Join(".", (string[])_keys);
            return _base.Length == 0 ? rest : _base + "." + rest;
        }
    }
}
