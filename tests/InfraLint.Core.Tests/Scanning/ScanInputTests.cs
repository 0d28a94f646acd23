using InfraLint.Core.Scanning;

namespace InfraLint.Core.Tests.Scanning;

/// <summary>An input keeps its full path as a shared prefix and its display path where it can: what it gives back must be the path it was given.</summary>
public class ScanInputTests
{
    [Theory]
    [InlineData("/work/repo/k8s/deploy.yaml", "k8s/deploy.yaml")]
    [InlineData("/work/repo/deploy.yaml", "deploy.yaml")]
    [InlineData("/elsewhere/deploy.yaml", "/elsewhere/deploy.yaml")]
    [InlineData("/work/repo/other.yaml", "../repo/other.yaml")]
    [InlineData(@"C:\work\repo\k8s\deploy.yaml", "k8s/deploy.yaml")]
    [InlineData(@"C:\work\repo\deploy.yaml", "deploy.yaml")]
    [InlineData("/work/repo/k8s/deploy.yaml", "")]
    public void The_full_and_display_paths_are_the_ones_given(string full, string display)
    {
        var input = new ScanInput(full, display);

        Assert.Equal(full, input.FullPath);
        Assert.Equal(display, input.DisplayPath);
        var (fullAgain, displayAgain) = input;
        Assert.Equal((full, display), (fullAgain, displayAgain));
    }

    [Fact]
    public void Inputs_under_one_folder_share_the_part_before_their_display_path()
    {
        var first = new ScanInput("/work/repo/a/one.yaml", "a/one.yaml");
        var second = new ScanInput(string.Concat("/work/repo/", "b/two.yaml"), "b/two.yaml");

        Assert.Same(Prefix(first), Prefix(second));
    }

    [Fact]
    public void Inputs_are_equal_when_their_paths_are()
    {
        Assert.Equal(new ScanInput("/r/a.yaml", "a.yaml"), new ScanInput("/r/a.yaml", "a.yaml"));
        Assert.Equal(new ScanInput("/r/a.yaml", "a.yaml").GetHashCode(), new ScanInput("/r/a.yaml", "a.yaml").GetHashCode());
        Assert.NotEqual(new ScanInput("/r/a.yaml", "a.yaml"), new ScanInput("/s/a.yaml", "a.yaml"));
        Assert.NotEqual(new ScanInput("/r/a.yaml", "a.yaml"), new ScanInput("/r/a.yaml", "/r/a.yaml"));
    }

    private static object? Prefix(ScanInput input) =>
        typeof(ScanInput).GetField("_prefix", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!.GetValue(input);
}
