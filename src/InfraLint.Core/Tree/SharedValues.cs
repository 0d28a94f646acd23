using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;

namespace InfraLint.Core.Tree
{
    /// <summary>
    /// One instance of each equal value a scan would otherwise keep many copies of (a folder prefix, a key path, a
    /// one-namespace array), for the life of the process. The values must never change. Up to a cap: past it a value is
    /// made afresh each time, so a tree that keeps producing new keys cannot grow the pool without bound.
    /// </summary>
    public sealed class SharedValues<TKey, TValue>
        where TKey : notnull
    {
        private readonly ConcurrentDictionary<TKey, TValue> _values;
        private readonly int _cap;

        // ConcurrentDictionary.Count takes every lock of the dictionary: the pool counts what it added itself.
        private int _count;

        public SharedValues(int cap, IEqualityComparer<TKey>? comparer = null)
        {
            _cap = cap;
            _values = new ConcurrentDictionary<TKey, TValue>(comparer ?? EqualityComparer<TKey>.Default);
        }

        /// <summary>The value shared for <paramref name="key"/>, when there is one already.</summary>
        public bool TryGet(TKey key, out TValue value) => _values.TryGetValue(key, out value!);

        /// <summary>The value shared for <paramref name="key"/>, made by <paramref name="make"/> the first time (or every time past the cap).</summary>
        public TValue For(TKey key, Func<TKey, TValue> make)
        {
            if (_values.TryGetValue(key, out var shared)) return shared;
            if (Volatile.Read(ref _count) >= _cap) return make(key);
            var value = make(key);
            if (_values.TryAdd(key, value))
            {
                Interlocked.Increment(ref _count);
                return value;
            }
            // Another thread added it first: theirs is the shared one.
            return _values.TryGetValue(key, out shared) ? shared : value;
        }
    }

    /// <summary>Equality of string arrays by their strings (ordinal), for <see cref="SharedValues{TKey, TValue}"/> of key paths.</summary>
    public sealed class OrdinalSequenceComparer : IEqualityComparer<string[]>
    {
        public static OrdinalSequenceComparer Instance { get; } = new OrdinalSequenceComparer();

        public bool Equals(string[]? x, string[]? y)
        {
            if (ReferenceEquals(x, y)) return true;
            if (x is null || y is null || x.Length != y.Length) return false;
            for (int i = 0; i < x.Length; i++)
                if (!string.Equals(x[i], y[i], StringComparison.Ordinal)) return false;
            return true;
        }

        public int GetHashCode(string[] keys)
        {
            int hash = keys.Length;
            foreach (var key in keys) hash = unchecked(hash * 31 + StringComparer.Ordinal.GetHashCode(key ?? string.Empty));
            return hash;
        }
    }
}
