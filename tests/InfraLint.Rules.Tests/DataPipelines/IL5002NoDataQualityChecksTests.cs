using InfraLint.Rules.Tests.Infrastructure;

namespace InfraLint.Rules.Tests.DataPipelines;

public sealed class IL5002NoDataQualityChecksTests
{
    private const string Id = "IL5002";

    private const string Spec = """
        apiVersion: infralint.dev/v1alpha1
        kind: AIWorkload
        metadata:
          name: clicks
        spec:
          role: training
          pipeline:
            stages:
              - name: ingest-clicks
                type: ingest
                source: s3://raw/clicks/
                schema: schemas/clicks.avsc
              - name: {|IL5002:train-ranker|}
                type: train
                source: s3://features/clicks/v3/
        """;

    [Fact]
    public void Pipeline_feeding_training_without_a_gate_is_reported_once_at_the_first_feeding_stage()
    {
        var finding = Assert.Single(Verify.Findings(Id, Spec));
        Assert.Equal((Id, 13, 15), (finding.RuleId, finding.Location.StartLine, finding.Location.StartColumn));
        Verify.Findings(Id, Spec.Replace("schema: schemas/clicks.avsc", "schema: schemas/clicks.avsc\n        feedsTraining: true")
            .Replace("{|IL5002:train-ranker|}", "train-ranker").Replace("- name: ingest-clicks", "- name: {|IL5002:ingest-clicks|}"));
    }

    [Theory]
    [InlineData("        qualityChecks: [row-count, null-rate]")]
    [InlineData("      - name: validate\n        type: validate\n        schemaCheck: great-expectations")]
    public void Quality_checks_on_a_stage_or_a_validate_stage_are_a_gate(string gate)
    {
        Verify.NoFindings(Id, Plain(Spec).Replace("        schema: schemas/clicks.avsc\n", "        schema: schemas/clicks.avsc\n" + gate + "\n"));
    }

    [Fact]
    public void Empty_quality_checks_are_no_gate()
    {
        Verify.Findings(Id, Spec.Replace("        schema: schemas/clicks.avsc\n", "        schema: schemas/clicks.avsc\n        qualityChecks: []\n"));
    }

    [Fact]
    public void Pipelines_that_do_not_feed_training_are_not_judged()
    {
        Verify.NoFindings(Id, Plain(Spec).Replace("type: train", "type: transform"));
    }

    private static string Plain(string markup) => Markup.Parse("x.yaml", markup).Text;
}
