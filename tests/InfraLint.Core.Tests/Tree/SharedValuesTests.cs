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

    [Fact]
    public void Threads_racing_for_one_key_all_get_the_value_that_was_kept()
    {
        var pool = new SharedValues<string, string>(8, StringComparer.Ordinal);

        var got = Enumerable.Range(0, 64).AsParallel().Select(i => pool.For("spec.replicas", k => new string(k.ToCharArray()))).ToArray();

        Assert.True(pool.TryGet("spec.replicas", out var kept));
        Assert.All(got, value => Assert.Same(kept, value));
    }

    [Fact]
    public void Shared_strings_are_one_instance_per_text_and_long_texts_are_kept_as_given()
    {
        string path = new string("spec.template.spec.containers[0].name".ToCharArray());
        string same = new string(path.ToCharArray());
        string message = new string('x', 300);

        Assert.Same(SharedStrings.Of(path), SharedStrings.Of(same));
        Assert.Equal(path, SharedStrings.Of(same));
        Assert.Same(message, SharedStrings.Of(message));
    }
}
