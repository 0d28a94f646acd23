using System.Text.Json;
using InfraLint.Cli.Tests.Support;

namespace InfraLint.Cli.Tests;

/// <summary>
/// Expiring suppressions through the CLI, on a day its environment gives: a YAML comment, a CloudFormation JSON
/// template's <c>Metadata.infralint.ignore</c> and a C# comment, in the JSON report (justification and <c>until</c>) and
/// in SARIF (<c>suppressions[].justification</c>, <c>properties.until</c>).
/// </summary>
public sealed class ExpiringSuppressionCliTests : IDisposable
{
    private static readonly DateTime LastDay = new(2027, 3, 31);

    private const string Pod = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: debug
        spec:
          containers:
            - name: shell
              image: busybox:1.36
              securityContext:
                # infralint-disable-next-line IL2006 -- node debugging podUNTIL
                privileged: true
        """;

    private const string Template = """
        {
          "AWSTemplateFormatVersion": "2010-09-09",
          "Resources": {
            "ModelCache": {
              "Type": "AWS::EFS::FileSystem",
              "Metadata": {
                "infralint": {
                  "ignore": [
                    { "id": "IL2001", "reason": "scratch space for public weights"UNTIL }
                  ]
                }
              },
              "Properties": { "PerformanceMode": "generalPurpose" }
            }
          }
        }
        """;

    private const string CSharp = """
        using System.Collections.Generic;
        using k8s.Models;

        var pod = new V1Pod
        {
            Metadata = new V1ObjectMeta { Name = "triton" },
            Spec = new V1PodSpec
            {
                Containers = new List<V1Container>
                {
                    new V1Container
                    {
                        Name = "triton",
                        Image = "nvcr.io/nvidia/tritonserver:24.08-py3",
                        // infralint-disable-next-line IL2006 -- the benchmark node is disposableUNTIL
                        SecurityContext = new V1SecurityContext { AllowPrivilegeEscalation = false, Privileged = true },
                    },
                },
            },
        };
        System.Console.WriteLine(pod);
        """;

    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    /// <summary>Writes the three files, each suppression ending with <paramref name="until"/> (a comment's text, or the template's <c>until</c> key).</summary>
    private void Write(string? until)
    {
        _dir.Write("pod.yaml", Pod.Replace("UNTIL", until is null ? "" : $" (until {until})"));
        _dir.Write("template.json", Template.Replace("UNTIL", until is null ? "" : $", \"until\": \"{until}\""));
        _dir.Write("Infra.cs", CSharp.Replace("UNTIL", until is null ? "" : $" (until {until})"));
    }

    /// <summary>Each form: its file, the rule it waives, where that finding is, where the directive is.</summary>
    private static readonly (string File, string Rule, (int, int) Finding, (int, int) Directive)[] Forms =
    {
        ("pod.yaml", "IL2006", (11, 21), (10, 9)),
        ("template.json", "IL2001", (4, 5), (9, 13)),
        ("Infra.cs", "IL2006", (16, 106), (15, 17)),
    };

    private static JsonElement[] Findings(CliRun run)
    {
        Assert.True(run.ExitCode == 0, run.ToString());
        return JsonDocument.Parse(run.Out).RootElement.GetProperty("findings").EnumerateArray().ToArray();
    }

    private static (int, int) At(JsonElement finding) => (finding.GetProperty("startLine").GetInt32(), finding.GetProperty("startColumn").GetInt32());

    private static JsonElement The(JsonElement[] findings, string file, string rule) =>
        Assert.Single(findings, f => f.GetProperty("file").GetString() == file && f.GetProperty("ruleId").GetString() == rule);

    [Fact]
    public void The_positions_the_tests_expect_are_where_the_texts_put_them()
    {
        // The C# finding is at the literal true of the line after the comment; the comment starts the directive.
        var text = CSharp.Replace("UNTIL", "");
        var lines = text.Split('\n');
        Assert.Equal(106, lines[15].IndexOf("true", StringComparison.Ordinal) + 1);
        Assert.Equal(17, lines[14].IndexOf("//", StringComparison.Ordinal) + 1);
    }

    [Fact]
    public void Without_an_expiry_every_form_suppresses_and_the_JSON_report_has_no_until()
    {
        Write(null);
        var findings = Findings(CliRunner.RunOn(new DateTime(2999, 1, 1), _dir.Path, "scan", ".", "--format", "json", "--fail-on", "none"));
        foreach (var (file, rule, at, _) in Forms)
        {
            var finding = The(findings, file, rule);
            Assert.Equal(at, At(finding));
            var suppression = finding.GetProperty("suppression");
            Assert.Equal("inSource", suppression.GetProperty("kind").GetString());
            Assert.Equal(JsonValueKind.Null, suppression.GetProperty("until").ValueKind);
        }
        Assert.DoesNotContain(findings, f => f.GetProperty("ruleId").GetString() is "IL0004" or "IL0002");
    }

    [Fact]
    public void Through_the_last_day_every_form_suppresses_with_its_justification_and_until()
    {
        Write("2027-03-31");
        var findings = Findings(CliRunner.RunOn(LastDay, _dir.Path, "scan", ".", "--format", "json", "--fail-on", "none"));
        var reasons = new[] { "node debugging pod", "scratch space for public weights", "the benchmark node is disposable" };
        foreach (var ((file, rule, at, _), reason) in Forms.Zip(reasons))
        {
            var finding = The(findings, file, rule);
            Assert.Equal(at, At(finding));
            var suppression = finding.GetProperty("suppression");
            Assert.Equal(reason, suppression.GetProperty("justification").GetString());
            Assert.Equal("2027-03-31", suppression.GetProperty("until").GetString());
        }
        Assert.DoesNotContain(findings, f => f.GetProperty("ruleId").GetString() is "IL0004" or "IL0002");
    }

    [Fact]
    public void The_day_after_every_finding_is_back_and_IL0004_is_at_each_directive()
    {
        Write("2027-03-31");
        var findings = Findings(CliRunner.RunOn(LastDay.AddDays(1), _dir.Path, "scan", ".", "--format", "json", "--fail-on", "none"));
        foreach (var (file, rule, at, directive) in Forms)
        {
            var finding = The(findings, file, rule);
            Assert.Equal(at, At(finding));
            Assert.Equal(JsonValueKind.Null, finding.GetProperty("suppression").ValueKind);
            var expired = The(findings, file, "IL0004");
            Assert.Equal(directive, At(expired));
            Assert.Equal("warning", expired.GetProperty("severity").GetString());
        }
    }

    [Fact]
    public void A_date_that_is_not_one_is_IL0002_at_each_directive_and_suppresses_nothing()
    {
        Write("2027-02-30");
        var findings = Findings(CliRunner.RunOn(new DateTime(2026, 11, 30), _dir.Path, "scan", ".", "--format", "json", "--fail-on", "none"));
        foreach (var (file, rule, _, directive) in Forms)
        {
            Assert.Equal(JsonValueKind.Null, The(findings, file, rule).GetProperty("suppression").ValueKind);
            Assert.Equal(directive, At(The(findings, file, "IL0002")));
        }
    }

    [Fact]
    public void SARIF_suppressions_carry_the_justification_and_the_until_date()
    {
        Write("2027-03-31");
        var run = CliRunner.RunOn(LastDay, _dir.Path, "scan", ".", "--format", "sarif", "--fail-on", "none");
        Assert.True(run.ExitCode == 0, run.ToString());
        var results = JsonDocument.Parse(run.Out).RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().ToArray();
        var suppressions = results
            .Where(r => r.TryGetProperty("suppressions", out _))
            .Select(r => r.GetProperty("suppressions")[0])
            .Select(s => (s.GetProperty("kind").GetString(), s.GetProperty("justification").GetString(), s.GetProperty("properties").GetProperty("until").GetString()))
            .OrderBy(s => s.Item2, StringComparer.Ordinal)
            .ToArray();
        Assert.Equal(
            new (string?, string?, string?)[]
            {
                ("inSource", "node debugging pod", "2027-03-31"),
                ("inSource", "scratch space for public weights", "2027-03-31"),
                ("inSource", "the benchmark node is disposable", "2027-03-31"),
            },
            suppressions);
    }
}
