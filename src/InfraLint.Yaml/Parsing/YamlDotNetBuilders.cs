using System;
using System.Reflection;
using System.Text;
using YamlDotNet.Core;

namespace InfraLint.Yaml.Parsing
{
    /// <summary>
    /// YamlDotNet 18 rents a <see cref="StringBuilder"/> for nearly every token it scans, from one pool all threads share
    /// (<c>YamlDotNet.Core.ObjectPool.StringBuilderPool</c>: a compare-and-swap slot in front of a concurrent queue). Two
    /// threads scanning at once spend most of their time passing those cache lines between cores: on the 2-core bench
    /// machine the events of the 8,220 YAML files of the 10,000-file tree took 0.27–0.30 s on one thread and 0.29–0.78 s (with
    /// 0.5–1.5 s of processor time) on two (bench/README.md, Session 17). The pool asks two delegates of its own to make a
    /// builder and to take one back; pointed at a cache per thread, each thread reuses its own builders and the shared
    /// pool holds none. The pool's members are private to YamlDotNet: where a version lays them out differently nothing is
    /// changed (a scan is as correct either way, only slower) and <see cref="PerThread"/> says so, which a test checks for
    /// the version this project pins.
    /// </summary>
    public static class YamlDotNetBuilders
    {
        private const int BuildersKeptPerThread = 8;

        // What YamlDotNet 18.1's pool asks of its builders; read from its policy when it has these members.
        private static int _initialCapacity = 16;
        private static int _maximumRetainedCapacity = 1024;

        [ThreadStatic]
        private static StringBuilder?[]? _kept;

        [ThreadStatic]
        private static int _keptCount;

        /// <summary>Whether YamlDotNet's shared builder pool now hands each thread its own builders (decided once, on first use).</summary>
        public static bool PerThread { get; } = UsePerThread();

        private static bool UsePerThread()
        {
            try
            {
                const BindingFlags Instance = BindingFlags.NonPublic | BindingFlags.Instance;
                var pool = typeof(Parser).Assembly.GetType("YamlDotNet.Core.ObjectPool.StringBuilderPool")
                    ?.GetField("Pool", BindingFlags.NonPublic | BindingFlags.Static)
                    ?.GetValue(null);
                if (pool is null) return false;
                var create = pool.GetType().GetField("createFunc", Instance);
                var release = pool.GetType().GetField("returnFunc", Instance);
                if (create?.FieldType != typeof(Func<StringBuilder>) || release?.FieldType != typeof(Func<StringBuilder, bool>)) return false;
                var policy = (release.GetValue(pool) as Delegate)?.Target;
                _initialCapacity = Capacity(policy, "InitialCapacity", _initialCapacity);
                _maximumRetainedCapacity = Capacity(policy, "MaximumRetainedCapacity", _maximumRetainedCapacity);
                create.SetValue(pool, new Func<StringBuilder>(Create));
                release.SetValue(pool, new Func<StringBuilder, bool>(Return));
                return true;
            }
            catch (Exception e) when (e is MemberAccessException || e is TargetException || e is ArgumentException || e is NotSupportedException || e is InvalidOperationException)
            {
                return false;
            }
        }

        private static int Capacity(object? policy, string name, int otherwise) =>
            policy?.GetType().GetProperty(name)?.GetValue(policy) is int value && value > 0 ? value : otherwise;

        /// <summary>One of the thread's own builders, empty, or a new one.</summary>
        private static StringBuilder Create()
        {
            var kept = _kept;
            if (kept is not null && _keptCount > 0)
            {
                var builder = kept[--_keptCount]!;
                kept[_keptCount] = null;
                return builder;
            }
            return new StringBuilder(_initialCapacity);
        }

        /// <summary>
        /// Keeps the builder for this thread, emptied, as the pool's own policy would (not one grown past its limit), and
        /// tells the pool it was not taken back, so the shared slot and queue are never written.
        /// </summary>
        private static bool Return(StringBuilder builder)
        {
            if (builder.Capacity > _maximumRetainedCapacity) return false;
            var kept = _kept ??= new StringBuilder?[BuildersKeptPerThread];
            if (_keptCount < kept.Length)
            {
                builder.Clear();
                kept[_keptCount++] = builder;
            }
            return false;
        }
    }
}
