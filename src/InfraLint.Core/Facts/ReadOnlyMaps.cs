using System;
using System.Collections;
using System.Collections.Generic;

namespace InfraLint.Core.Facts
{
    /// <summary>
    /// The string-keyed maps facts keep (labels, annotations, selectors, requests): most are empty, and a scan keeps every
    /// fact until its end, so the empty ones are one shared instance instead of a dictionary each (a 10,000-file scan kept
    /// 57,000 empty ones).
    /// </summary>
    public static class ReadOnlyMaps
    {
        public static IReadOnlyDictionary<string, TValue> Empty<TValue>() => EmptyMap<TValue>.Instance;

        /// <summary>What a fact keeps of <paramref name="map"/>: the shared empty map when it has no entry, otherwise the map itself (which its maker no longer changes).</summary>
        public static IReadOnlyDictionary<string, TValue> Kept<TValue>(IReadOnlyDictionary<string, TValue> map) =>
            (map ?? throw new ArgumentNullException(nameof(map))).Count == 0 ? EmptyMap<TValue>.Instance : map;

        private sealed class EmptyMap<TValue> : IReadOnlyDictionary<string, TValue>, IEnumerator<KeyValuePair<string, TValue>>
        {
            public static readonly EmptyMap<TValue> Instance = new EmptyMap<TValue>();

            public int Count => 0;

            public IEnumerable<string> Keys => Array.Empty<string>();

            public IEnumerable<TValue> Values => Array.Empty<TValue>();

            public TValue this[string key] => throw new KeyNotFoundException($"The key '{key}' was not present in the map.");

            public bool ContainsKey(string key) => false;

            public bool TryGetValue(string key, out TValue value)
            {
                value = default!;
                return false;
            }

            // The map is its own enumerator: it has nothing to enumerate, so nothing to keep per enumeration.
            public IEnumerator<KeyValuePair<string, TValue>> GetEnumerator() => this;

            IEnumerator IEnumerable.GetEnumerator() => this;

            public KeyValuePair<string, TValue> Current => default;

            object IEnumerator.Current => default(KeyValuePair<string, TValue>);

            public bool MoveNext() => false;

            public void Reset()
            {
            }

            public void Dispose()
            {
            }
        }
    }
}
