using InfraLint.Rules.Tests.Infrastructure;

namespace InfraLint.Rules.Tests.DataPipelines;

public sealed class IL5001NoSchemaValidationTests
{
    private const string Id = "IL5001";

    [Fact]
    public void Ingest_and_stream_stages_without_a_schema_check_are_reported_at_their_name()
    {
        var findings = Verify.Findings(Id, """
            apiVersion: infralint.dev/v1alpha1
            kind: AIWorkload
            metadata:
              name: clicks
            spec:
              role: training
              pipeline:
                stages:
                  - name: {|IL5001:ingest-clicks|}
                    type: ingest
                    source: s3://raw/clicks/
                  - name: ingest-views
                    type: ingest
                    source: s3://raw/views/
                    schema: schemas/views.avsc
                  - name: {|IL5001:click-stream|}
                    type: transform
                    source: kafka://events/clicks
                  - name: profile-events
                    type: ingest
                    schemaCheck: great-expectations
                  - name: features
                    type: transform
                    source: s3://curated/clicks/
            """);
        Assert.Equal(("IL5001", 9, 15), (findings[0].RuleId, findings[0].Location.StartLine, findings[0].Location.StartColumn));
        Assert.Contains("consumes a stream from 'kafka://events/clicks'", findings.Single(f => f.Location.StartLine == 16).Message);
    }

    [Fact]
    public void A_later_validate_stage_that_checks_the_schema_covers_the_stages_before_it()
    {
        Verify.Findings(Id, """
            apiVersion: infralint.dev/v1alpha1
            kind: AIWorkload
            metadata:
              name: clicks
            spec:
              pipeline:
                stages:
                  - name: ingest-clicks
                    type: ingest
                    source: s3://raw/clicks/
                  - name: validate
                    type: validate
                    schemaCheck: pandera
                  - name: {|IL5001:ingest-late|}
                    type: ingest
                    source: s3://raw/late/
            """);
    }

    [Fact]
    public void Specs_without_a_pipeline_and_kubernetes_workloads_are_not_judged()
    {
        Verify.NoFindings(Id, """
            apiVersion: infralint.dev/v1alpha1
            kind: AIWorkload
            metadata:
              name: chat
            spec:
              role: inference
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: kafka-consumer
            spec:
              template:
                spec:
                  containers:
                    - name: consumer
                      image: ghcr.io/acme/consumer:1.0
            """);
    }
}
