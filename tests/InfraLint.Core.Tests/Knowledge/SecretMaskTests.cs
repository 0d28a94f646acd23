using InfraLint.Core.Knowledge;

namespace InfraLint.Core.Tests.Knowledge;

public sealed class SecretMaskTests
{
    [Theory]
    [InlineData("https://user:pw@host/x", "https://user:****@host/x")]
    [InlineData("redis://:s3cret@cache:6379/0", "redis://:****@cache:6379/0")]
    [InlineData("postgresql://app:a:b:c@db/app and more", "postgresql://app:****@db/app and more")]
    [InlineData("'mongodb+srv://u:p%40ss@cluster0/x'", "'mongodb+srv://u:****@cluster0/x'")]
    [InlineData("https://user@host/x", "https://user@host/x")]
    [InlineData("http://host:8080/path@v2", "http://host:8080/path@v2")]
    [InlineData("no uri here: a:b@c", "no uri here: a:b@c")]
    public void The_password_of_a_URI_is_masked_and_nothing_else(string text, string expected) =>
        Assert.Equal(expected, SecretMask.None.Apply(text));

    [Fact]
    public void Known_values_are_masked_wherever_they_appear_longest_first()
    {
        var mask = new SecretMask(new[] { "abc", "abcdef", "x" });

        Assert.Equal("value: **** and ****, x stays", mask.Apply("value: abcdef and abc, x stays"));
    }
}
