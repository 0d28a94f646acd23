using System;
using System.Globalization;
using System.Text;

namespace InfraLint.Core.Scanning
{
    /// <summary>
    /// One of <see cref="Count"/> parts of a scan (<c>--shard K/N</c>, K from 0 as Kubernetes' <c>JOB_COMPLETION_INDEX</c>
    /// and a CI matrix index count). A shard reads every file, since scopes are known only once every file is read, then
    /// evaluates the <see cref="EvaluationScope"/>s whose key hashes to it and reports only findings homed there. Never
    /// file by file: a scope holds whatever a cross-resource rule may join, so the shards' findings together are exactly
    /// the whole scan's.
    /// </summary>
    public sealed class ScanShard
    {
        public ScanShard(int index, int count)
        {
            if (count < 1) throw new ArgumentOutOfRangeException(nameof(count), count, "a scan has at least one shard");
            if (index < 0 || index >= count) throw new ArgumentOutOfRangeException(nameof(index), index, $"a shard index is from 0 to {count - 1}");
            Index = index;
            Count = count;
        }

        public int Index { get; }

        public int Count { get; }

        /// <summary>
        /// Whether this shard evaluates a scope. The global scope (parse failures, configuration problems, suppression
        /// directives, facts about no resource) is shard 0's, so what is about the input is reported once.
        /// </summary>
        public bool Owns(EvaluationScope scope) => scope.Index == 0 ? Index == 0 : Takes(scope.Key);

        /// <summary>
        /// Whether a key (a scope's, or a repository's name with <c>--shard-by repository</c>) hashes to this shard:
        /// <see cref="StableHash"/> mod <see cref="Count"/> is <see cref="Index"/>.
        /// </summary>
        public bool Takes(string key) => (int)(StableHash(key) % (uint)Count) == Index;

        /// <summary>
        /// FNV-1a over the key's UTF-8 bytes: the same in every process, on every machine and in every .NET version
        /// (<see cref="string.GetHashCode()"/> is randomised per process), and independent of the order files were read in.
        /// </summary>
        public static uint StableHash(string key)
        {
            uint hash = 2166136261;
            foreach (byte b in Encoding.UTF8.GetBytes(key))
            {
                hash ^= b;
                hash *= 16777619;
            }
            return hash;
        }

        /// <summary>Reads <c>K/N</c>; null with the reason when the text is not one.</summary>
        public static ScanShard? Parse(string text, out string? error)
        {
            error = null;
            var parts = text.Split('/');
            if (parts.Length != 2
                || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int index)
                || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int count))
            {
                error = $"--shard takes K/N (shard K of N, K from 0 to N-1), not '{text}'";
                return null;
            }
            if (count < 1)
            {
                error = $"--shard {text}: N must be at least 1";
                return null;
            }
            if (index >= count)
            {
                error = $"--shard {text}: K must be from 0 to {count - 1}";
                return null;
            }
            return new ScanShard(index, count);
        }

        public override string ToString() => $"{Index}/{Count}";
    }
}
