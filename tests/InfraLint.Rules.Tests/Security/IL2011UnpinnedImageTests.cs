using InfraLint.Core.Facts;
using InfraLint.Rules.Tests.Infrastructure;

namespace InfraLint.Rules.Tests.Security;

public sealed class IL2011UnpinnedImageTests
{
    private const string Id = "IL2011";

    [Fact]
    public void Missing_tag_and_latest_are_reported_at_the_image()
    {
        var findings = Verify.Findings(Id, """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: ollama
            spec:
              template:
                spec:
                  initContainers:
                    - name: pull
                      image: {|IL2011:ollama/ollama|}
                  containers:
                    - name: ollama
                      image: {|IL2011:"ollama/ollama:latest"|}
                    - name: proxy
                      image: {|IL2011:registry.local:5000/proxy|}
            """);
        Assert.Equal(new[] { (Id, 10, 18), (Id, 13, 18), (Id, 15, 18) }, findings.Positions());
        Assert.Contains("has no tag", findings[0].Message);
        Assert.Contains("':latest'", findings[1].Message);
    }

    [Fact]
    public void Version_tags_digests_and_templates_are_not_reported()
    {
        Verify.NoFindings(Id, """
            apiVersion: v1
            kind: Pod
            metadata:
              name: app
            spec:
              containers:
                - name: a
                  image: vllm/vllm-openai:v0.6.3
                - name: b
                  image: localhost:5000/vllm@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
                - name: c
                  image: "{{ .Values.image }}"
                - name: d
                  image: ${IMAGE}
            """);
    }

    [Fact]
    public void RequireImageDigests_also_reports_tags_without_digest()
    {
        var settings = new LintSettings { RequireImageDigests = true };
        var finding = Assert.Single(Verify.Findings(Id, """
            apiVersion: v1
            kind: Pod
            metadata:
              name: app
            spec:
              containers:
                - name: a
                  image: {|IL2011:vllm/vllm-openai:v0.6.3|}
                - name: b
                  image: vllm/vllm-openai:v0.6.3@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
            """, settings));
        Assert.Contains("requireImageDigests", finding.Message);
    }

    [Theory]
    [InlineData("FILLED BY THE OPERATOR")]
    [InlineData("IMAGE_NAME")]
    [InlineData("<image>")]
    [InlineData("$VLLM_IMAGE")]
    [InlineData("ko://github.com/kserve/kserve/cmd/localmodelnode")]
    [InlineData("us-central1-docker.pkg.dev/PROJECT_ID/repo/exporter")]
    public void Placeholders_that_are_not_image_references_are_not_reported(string image)
    {
        Verify.NoFindings(Id, $"""
            apiVersion: v1
            kind: Pod
            metadata:
              name: app
            spec:
              containers:
                - name: app
                  image: "{image}"
            """);
    }

    private const string Base = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: initializer
        spec:
          template:
            spec:
              containers:
                - name: model-initializer
                  image: {|IL2011:ghcr.io/kubeflow/trainer/model-initializer|}
        """;

    [Fact]
    public void A_kustomization_that_pins_the_image_rewrites_the_base_before_anything_runs()
    {
        Verify.Files(Id,
            ("base/initializer.yaml", Markup.Parse("x.yaml", Base).Text),
            ("overlays/release/kustomization.yaml", """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                resources: [../../base]
                images:
                  - name: ghcr.io/kubeflow/trainer/model-initializer
                    newTag: v2.0.0
                """));
        // An override to latest, or one for another image, pins nothing.
        Assert.Equal(new[] { (Id, 10, 18) }, Verify.Files(Id,
            ("base/initializer.yaml", Base),
            ("overlays/dev/kustomization.yaml", """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                images:
                  - name: ghcr.io/kubeflow/trainer/model-initializer
                    newTag: latest
                  - name: ghcr.io/kubeflow/trainer/dataset-initializer
                    newTag: v2.0.0
                """)).Positions());
    }
}
