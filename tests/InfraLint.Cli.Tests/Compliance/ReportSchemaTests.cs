using System.Text.Json.Nodes;
using InfraLint.Cli.Tests.Support;
using InfraLint.Tests;
using Json.Schema;

namespace InfraLint.Cli.Tests.Compliance;

/// <summary><c>report --format json</c> against its documented schema, docs/schemas/report.json.</summary>
public sealed class ReportSchemaTests
{
    /// <summary>Loaded once per process: JsonSchema.Net registers a schema by its $id and refuses a second registration.</summary>
    internal static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromFile(Path.Combine(Repo.Root, "docs", "schemas", "report.json")));

    [Fact]
    public void The_report_on_the_examples_and_a_waived_finding_follows_its_schema()
    {
        using var dir = new TempDir();
        dir.Write("waived/web.yaml", ComplianceReportTests.Privileged.Replace(
            "            privileged: true",
            "            # infralint-disable-next-line IL2006 -- reviewed\n            privileged: true",
            StringComparison.Ordinal));
        var report = ComplianceReportTests.Json(dir.Path, Repo.Examples, "waived");
        Assert.True((int)report["totals"]!["findings"]! > 0 && (int)report["totals"]!["waived"]! == 1, report["totals"]!.ToJsonString());

        var schema = Schema.Value;
        using var document = System.Text.Json.JsonDocument.Parse(report.ToJsonString());
        var result = schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });

        Assert.True(result.IsValid, string.Join("\n", (result.Details ?? new List<EvaluationResults>()).Where(d => d.Errors is { Count: > 0 }).Take(20)
            .Select(d => $"{d.InstanceLocation}: {string.Join("; ", d.Errors!.Values)}")));

        // The schema is strict enough to matter: a status it does not know is rejected.
        var cell = report["frameworks"]![0]!["controls"]![0]!["repositories"]![0]!.AsObject();
        cell["status"] = "passes";
        using var altered = System.Text.Json.JsonDocument.Parse(report.ToJsonString());
        Assert.False(schema.Evaluate(altered.RootElement).IsValid);
    }
}
