using InfraLint.Core.Locations;

namespace InfraLint.Core.Tests.Locations;

public class LogicalPathTests
{
    private static readonly SourceSpan Span = new("k.yaml", 3, 5, 3, 9, 20, 24);

    [Theory]
    [InlineData("spec.template.spec.containers[0]", new[] { "securityContext", "privileged" }, "spec.template.spec.containers[0].securityContext.privileged")]
    [InlineData("", new[] { "metadata", "name" }, "metadata.name")]
    [InlineData("spec", new[] { "replicas" }, "spec.replicas")]
    public void An_attribute_below_a_mapping_has_the_path_a_string_would_have_given(string basePath, string[] keys, string expected)
    {
        Assert.Equal(expected, Located<bool?>.Present(true, Span, LogicalPath.Below(basePath, keys)).Path);
        Assert.Equal(expected, Located<bool?>.Missing(Span, LogicalPath.Below(basePath, keys)).Path);
        Assert.Equal(expected, Located<bool?>.Unknown(Span, LogicalPath.Below(basePath, keys)).Path);
    }

    [Fact]
    public void A_map_entry_is_its_key_below_the_map()
    {
        var entry = Located<string>.Present("ml", Span, LogicalPath.Below("metadata.labels", "app.kubernetes.io/name"));

        Assert.Equal("metadata.labels.app.kubernetes.io/name", entry.Path);
    }

    [Fact]
    public void A_renamed_attribute_keeps_its_path_and_is_named_as_told()
    {
        var located = Located<string>.Present("v1", Span, LogicalPath.Below("spec.data", new[] { "version" })).Named("infralint.dev/dataset-version");

        Assert.Equal(("spec.data.version", "infralint.dev/dataset-version"), (located.Path, located.Name));
    }

    [Fact]
    public void Equal_paths_are_one_instance_however_their_parts_were_made()
    {
        var first = LogicalPath.Below(new string("spec.template.spec.containers[0]".ToCharArray()), new[] { "securityContext", "privileged" });
        var again = LogicalPath.Below("spec.template.spec.containers[0]", new[] { new string("securityContext".ToCharArray()), "privileged" });
        var entry = LogicalPath.Below("metadata.labels", "app");

        Assert.Same(first, again);
        Assert.Same(entry, LogicalPath.Below("metadata.labels", new string("app".ToCharArray())));
        Assert.NotSame(first, LogicalPath.Below("spec.template.spec.containers[0]", new[] { "securityContext", "runAsNonRoot" }));
        Assert.NotSame(entry, LogicalPath.Below("metadata.labels", new[] { "app" }.Concat(new[] { "x" }).ToArray()));
    }
}

