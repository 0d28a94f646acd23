using System.Text;
using System.Text.Json.Nodes;
using InfraLint.Cli.Tests.Support;
using InfraLint.Core.Locations;
using InfraLint.Core.Tree;
using InfraLint.Tests;
using InfraLint.Yaml.Parsing;
using InfraLint.Yaml.Syntax;

namespace InfraLint.Cli.Tests;

/// <summary>
/// Issue 8: CloudFormation templates written in JSON (<c>*.json</c>, <c>*.template</c>), read by nobody before, go
/// through the JSON front end into the same tree and the same mapper as YAML, so they get every CloudFormation rule.
/// </summary>
public sealed class JsonTemplateTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    public static TheoryData<string> YamlTemplates() =>
        new(Directory.GetFiles(Path.Combine(Repo.Examples, "cloudformation"), "*.yaml").Select(Path.GetFileName).Order(StringComparer.Ordinal)!);

    [Theory]
    [MemberData(nameof(YamlTemplates))]
    public void A_template_in_JSON_gets_the_same_findings_as_in_YAML(string name)
    {
        var yaml = File.ReadAllText(Path.Combine(Repo.Examples, "cloudformation", name));
        _dir.Write("yaml/template.yaml", yaml);
        _dir.Write("json/template.json", ToJson(yaml));

        var fromYaml = Findings(Bounded.Run(_dir.Path, "scan", "yaml", "--format", "json", "--fail-on", "none"), "yaml/template.yaml");
        var fromJson = Findings(Bounded.Run(_dir.Path, "scan", "json", "--format", "json", "--fail-on", "none"), "json/template.json");

        Assert.NotEmpty(fromYaml);
        Assert.Equal(fromYaml, fromJson);
    }

    /// <summary>Issue 10, items 6 and 8 in JSON: a NoEcho parameter's Default, a URI password in a model's environment, a SageMaker domain without a KMS key.</summary>
    [Fact]
    public void Secrets_and_domain_encryption_are_reported_in_JSON_templates_at_their_values()
    {
        _dir.Write("stack.json", """
            {
              "AWSTemplateFormatVersion": "2010-09-09",
              "Parameters": {
                "DbSecret": { "Type": "String", "NoEcho": true, "Default": "Vq9rT2xLw8-json" },
                "DbUser": { "Type": "String", "Default": "admin" },
                "Placeholder": { "Type": "String", "NoEcho": true, "Default": "changeme" }
              },
              "Resources": {
                "Model": {
                  "Type": "AWS::SageMaker::Model",
                  "Properties": {
                    "ExecutionRoleArn": "arn:aws:iam::111122223333:role/sm",
                    "PrimaryContainer": {
                      "Image": "763104351884.dkr.ecr.eu-west-1.amazonaws.com/pytorch-inference:2.1.0-cpu-py310",
                      "Environment": { "FEATURE_STORE_URL": "postgresql://fs:Vq9rT2xLw8-json@db.internal:5432/fs", "PUBLIC": "https://example.org/x" }
                    }
                  }
                },
                "Studio": {
                  "Type": "AWS::SageMaker::Domain",
                  "Properties": { "AuthMode": "IAM", "DomainName": "studio", "SubnetIds": ["subnet-0abc"], "VpcId": "vpc-0abc" }
                },
                "Keyed": {
                  "Type": "AWS::SageMaker::Domain",
                  "Properties": { "AuthMode": "IAM", "DomainName": "keyed", "KmsKeyId": "arn:aws:kms:eu-west-1:111122223333:key/1234", "SubnetIds": ["subnet-0abc"], "VpcId": "vpc-0abc" }
                }
              }
            }
            """);

        var run = Bounded.Run(_dir.Path, "scan", "stack.json", "--fail-on", "none", "--rule-set", "all");

        Assert.Equal(
            new[]
            {
                "stack.json:4:64: error IL2009: Parameter 'DbSecret' has a literal Default for a NoEcho value",
                "stack.json:15:49: error IL2009: Environment variable 'FEATURE_STORE_URL' of the container 'Model' of AWS::SageMaker::Model 'Model' holds a URI with a literal password",
            },
            Manifests.LinesOf(run.Out, "IL2009").Select(l => l.Substring(0, l.IndexOf(';'))).ToArray());
        Assert.Single(Manifests.LinesOf(run.Out, "IL2002"), l => l.StartsWith("stack.json:19:5: note IL2002: AWS::SageMaker::Domain 'Studio' names no KMS key", StringComparison.Ordinal));
        Assert.DoesNotContain("Vq9rT2xLw8", run.Out + run.Error);
    }

    [Fact]
    public void A_template_in_JSON_is_reported_at_its_own_lines_and_a_broken_one_at_the_error()
    {
        _dir.Write("stack.template", """
            {
              "Resources": {
                "Files": {
                  "Type": "AWS::EFS::FileSystem",
                  "Properties": { "PerformanceMode": "generalPurpose" }
                }
              }
            }
            """);
        _dir.Write("broken.template", "{\n  \"Resources\": {\n    \"A\": 1,\n  }\n}\n");
        _dir.Write("package.json", "{ \"name\": \"not a template\", }");

        var run = Bounded.Run(_dir.Path, "scan", ".");

        Assert.Contains("stack.template:3:5: error IL2001: AWS::EFS::FileSystem 'Files' is not encrypted at rest", run.Out);
        Assert.Single(Manifests.LinesOf(run.Out, "IL0001"), l => l.StartsWith("broken.template:3:11: error IL0001: ", StringComparison.Ordinal));
        Assert.DoesNotContain("package.json", run.Out);
    }

    [Fact]
    public void A_huge_or_non_UTF8_json_file_is_not_ours_and_reports_nothing_but_a_template_is_reported()
    {
        _dir.Write("package-lock.json", "{\"Resources\": \"" + new string('x', 9 * 1024 * 1024) + "\"}");
        _dir.WriteBytes("latin1.json", new byte[] { (byte)'{', (byte)'"', 0xE9, (byte)'"', (byte)':', (byte)'1', (byte)'}' });
        _dir.WriteBytes("latin1.template", new byte[] { (byte)'{', (byte)'"', 0xE9, (byte)'"', (byte)':', (byte)'1', (byte)'}' });

        var run = Bounded.Run(_dir.Path, "scan", ".");

        Assert.Equal(new[] { "latin1.template:1:3: error IL0001: File is not valid UTF-8 (byte offset 2)." }, Manifests.LinesOf(run.Out, "IL0001"));
    }

    [Fact]
    public void A_long_form_intrinsic_in_JSON_is_unknown_and_fires_nothing()
    {
        _dir.Write("stack.json", """
            {
              "Resources": {
                "Files": {
                  "Type": "AWS::EFS::FileSystem",
                  "Properties": { "Encrypted": { "Fn::If": ["Prod", true, false] }, "FileSystemTags": [{ "Key": "team", "Value": "ml" }] }
                },
                "Logs": {
                  "Type": "AWS::Logs::LogGroup",
                  "Properties": { "RetentionInDays": { "Ref": "RetentionDays" } }
                }
              }
            }
            """);

        var run = Bounded.Run(_dir.Path, "scan", ".", "--fail-on", "none");

        Assert.Empty(Manifests.LinesOf(run.Out, "IL2001"));
        Assert.Empty(Manifests.LinesOf(run.Out, "IL4002"));
        Assert.Contains("in 1 file", run.Out);
    }

    [Fact]
    public void Fix_edits_a_JSON_template_and_the_result_is_still_JSON()
    {
        _dir.Write("stack.json", """
            {
              "AWSTemplateFormatVersion": "2010-09-09",
              "Resources": {
                "Logs": {
                  "Type": "AWS::Logs::LogGroup",
                  "Properties": { "RetentionInDays": 30 }
                }
              }
            }
            """);

        var fix = Bounded.Run(_dir.Path, "fix", ".", "--rule", "IL4002");
        var again = Bounded.Run(_dir.Path, "fix", ".", "--rule", "IL4002");

        Assert.True(fix.ExitCode == 0, fix.ToString());
        var json = JsonNode.Parse(_dir.Read("stack.json"))!;
        Assert.Equal(180, json["Resources"]!["Logs"]!["Properties"]!["RetentionInDays"]!.GetValue<int>());
        Assert.Contains("0 fixes applied", again.Out);
    }

    /// <summary>(rule, logical path without the file name, message without the file name) of each finding.</summary>
    private static string[] Findings(CliRun run, string file)
    {
        Assert.True(run.ExitCode == 0, run.ToString());
        return JsonNode.Parse(run.Out)!["findings"]!.AsArray()
            .Select(f => $"{f!["ruleId"]} {f["logicalPath"]!.GetValue<string>().Replace(file, "FILE")} {f["message"]!.GetValue<string>().Replace(file, "FILE")}")
            .Order(StringComparer.Ordinal)
            .ToArray();
    }

    /// <summary>The YAML template as JSON, short-form intrinsics (<c>!Ref X</c>) written in their long form (<c>{"Ref": "X"}</c>).</summary>
    private static string ToJson(string yaml)
    {
        var (documents, failures) = YamlDocumentLoader.Load(new SourceText("t.yaml", yaml));
        Assert.Empty(failures);
        var tree = YamlTree.Build(documents.Single().RootNode, new SourceText("t.yaml", yaml));
        return Convert(tree)!.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });
    }

    private static JsonNode? Convert(TreeNode node)
    {
        JsonNode? value = node switch
        {
            TreeMapping m => new JsonObject(m.Entries.Select(e => KeyValuePair.Create(e.Key.Value!, Convert(e.Value)))),
            TreeSequence s => new JsonArray(s.Items.Select(Convert).ToArray()),
            TreeScalar { IsPlain: true, Value: "true" or "false" } b => JsonValue.Create(b.Value == "true"),
            TreeScalar { IsPlain: true } n when long.TryParse(n.Value, out var number) => JsonValue.Create(number),
            TreeScalar sc => JsonValue.Create(sc.Value),
            _ => null,
        };
        if (node.Tag is not { } tag) return value;
        string function = tag.TrimStart('!');
        if (function == "Ref") return new JsonObject { ["Ref"] = value };
        if (function == "GetAtt" && value is JsonValue dotted)
            return new JsonObject { ["Fn::GetAtt"] = new JsonArray(dotted.GetValue<string>().Split('.', 2).Select(p => (JsonNode?)JsonValue.Create(p)).ToArray()) };
        return new JsonObject { ["Fn::" + function] = value };
    }
}
