using InfraLint.Rules.Tests.Infrastructure;

namespace InfraLint.Rules.Tests.DataPipelines;

public sealed class IL5003StreamWithoutDeadLetterHandlingTests
{
    private const string Id = "IL5003";

    [Fact]
    public void Streaming_stages_without_a_dead_letter_are_reported_at_their_name()
    {
        var findings = Verify.Findings(Id, """
            apiVersion: infralint.dev/v1alpha1
            kind: AIWorkload
            metadata:
              name: clicks
            spec:
              pipeline:
                stages:
                  - name: {|IL5003:click-events|}
                    type: stream
                  - name: {|IL5003:views|}
                    type: ingest
                    source: kinesis://views
                  - name: orders
                    type: stream
                    source: kafka://events/orders
                    deadLetter: kafka://events/orders.dlq
                  - name: batch
                    type: ingest
                    source: s3://raw/batch/
            """);
        Assert.Equal((Id, 8, 15), (findings[0].RuleId, findings[0].Location.StartLine, findings[0].Location.StartColumn));
        Assert.Contains("(source 'kinesis://views')", findings.Single(f => f.Location.StartLine == 10).Message);
    }

    [Fact]
    public void An_empty_dead_letter_is_none()
    {
        Verify.Findings(Id, """
            apiVersion: infralint.dev/v1alpha1
            kind: AIWorkload
            metadata:
              name: clicks
            spec:
              pipeline:
                stages:
                  - name: {|IL5003:click-events|}
                    type: stream
                    deadLetter: ""
            """);
    }
}
