using InfraLint.Core.Tree;

namespace InfraLint.Core.Tests.Tree;

public class SharedValuesTests
{
    [Fact]
    public void Equal_keys_get_one_value_until_the_cap_then_a_fresh_one_each_time()
    {
        var pool = new SharedValues<string[], string[]>(1, OrdinalSequenceComparer.Instance);

        var first = pool.For(new[] { "spec", "replicas" }, k => (string[])k.Clone());
        var again = pool.For(new[] { "spec", "replicas" }, k => (string[])k.Clone());
        var past = pool.For(new[] { "metadata" }, k => (string[])k.Clone());

        Assert.Same(first, again);
        Assert.True(pool.TryGet(new[] { "spec", "replicas" }, out var kept) && ReferenceEquals(kept, first));
        Assert.Equal(new[] { "metadata" }, past);
        Assert.NotSame(past, pool.For(new[] { "metadata" }, k => (string[])k.Clone()));
        Assert.False(pool.TryGet(new[] { "metadata" }, out _));
    }
}
