using System.Formats.Tar;
using System.IO.Compression;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using Amazon.JSII.Runtime.Deputy;
using InfraLint.CSharp.Families.Aws;

namespace InfraLint.Rules.Tests.CSharp.Cdk;

/// <summary>
/// <see cref="CdkCfnNames"/> is generated from Amazon.CDK.Lib 2.103.0; this test generates it again from the package
/// (the .NET classes' <c>[JsiiProperty]</c> names, and the <c>*.generated.js</c> of the aws-cdk-lib tarball the assembly
/// embeds, whose <c>convertCfn…ToCloudFormation</c> functions name each property in CloudFormation) and compares.
/// On a difference it prints the table it expects, to paste into CdkCfnNames.cs.
/// </summary>
public sealed class CdkCfnNamesTests
{
    private static readonly Assembly Cdk = typeof(Amazon.CDK.AWS.S3.CfnBucket).Assembly;

    private static readonly Lazy<Dictionary<string, string>> Scripts = new(() =>
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        var name = Cdk.GetManifestResourceNames().Single(n => n.EndsWith(".tgz", StringComparison.Ordinal));
        using var gzip = new GZipStream(Cdk.GetManifestResourceStream(name)!, CompressionMode.Decompress);
        using var tar = new TarReader(gzip);
        while (tar.GetNextEntry() is { } entry)
        {
            if (entry.DataStream is null || !entry.Name.EndsWith(".generated.js", StringComparison.Ordinal)) continue;
            using var reader = new StreamReader(entry.DataStream, Encoding.UTF8);
            result[entry.Name] = reader.ReadToEnd();
        }
        return result;
    });

    [Fact]
    public void The_table_is_what_Amazon_CDK_Lib_2_103_0_says()
    {
        var expected = new StringBuilder();
        var problems = new List<string>();
        foreach (var (typeName, entry) in CdkCfnNames.Types.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            var type = Cdk.GetType(typeName);
            if (type is null)
            {
                problems.Add($"{typeName} is not a type of Amazon.CDK.Lib");
                continue;
            }
            var (cfnType, renames) = Generate(type);
            var line = $"            [\"{typeName}\"] = new CdkL1Type(\"{cfnType}\"{string.Concat(renames.Select(r => $", \"{r.Key}={r.Value}\""))}),";
            expected.AppendLine(line);
            var actualRenames = entry.Renames.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => r.Key + "=" + r.Value);
            if (entry.CloudFormationType != cfnType || !actualRenames.SequenceEqual(renames.Select(r => r.Key + "=" + r.Value)))
                problems.Add(typeName);
        }
        Assert.True(problems.Count == 0, $"CdkCfnNames differs from the package for {string.Join(", ", problems)}; expected:\n{expected}");
    }

    [Fact]
    public void The_table_renames_acronyms_as_CloudFormation_spells_them()
    {
        var bucket = CdkCfnNames.Types["Amazon.CDK.AWS.S3.CfnBucket"];
        Assert.Equal("AWS::S3::Bucket", bucket.CloudFormationType);
        Assert.Equal("SSEAlgorithm", bucket.Name("SseAlgorithm"));
        Assert.Equal("KMSMasterKeyID", bucket.Name("KmsMasterKeyId"));
        Assert.Equal("BucketEncryption", bucket.Name("BucketEncryption"));
        Assert.Equal("Equals", CdkCfnNames.Types["Amazon.CDK.AWS.CloudTrail.CfnTrail"].Name("EqualTo"));
    }

    /// <summary>The CloudFormation type of an L1 class and every .NET property (of its props and nested property types) named otherwise in CloudFormation.</summary>
    private static (string CfnType, SortedDictionary<string, string> Renames) Generate(Type type)
    {
        var fqn = type.GetCustomAttribute<JsiiClassAttribute>()!.FullyQualifiedName; // aws-cdk-lib.aws_s3.CfnBucket
        var module = fqn.Split('.')[1];
        var script = Scripts.Value[$"package/{module.Replace('_', '-')}/lib/{module.Substring(4)}.generated.js"];
        var cfnType = Regex.Match(script, Regex.Escape(type.Name) + @"\.CFN_RESOURCE_TYPE_NAME=""([^""]+)""").Groups[1].Value;
        var names = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var structs = new List<(Type Type, string Function)> { (Cdk.GetType(type.FullName + "Props")!, $"convert{type.Name}PropsToCloudFormation") };
        foreach (var nested in type.GetNestedTypes().Where(t => t.IsClass && t.GetCustomAttribute<JsiiByValueAttribute>() is not null))
            structs.Add((nested, $"convert{type.Name}{nested.Name}ToCloudFormation"));
        foreach (var (structType, function) in structs)
        {
            var body = Regex.Match(script, "function " + function + @"\(properties\)\{return cdk\(\)\.canInspect\(properties\)\?\(\w+\(properties\)\.assertSuccess\(\),\{(.*?)\}\):properties\}");
            Assert.True(body.Success, $"{function} not found for {structType}");
            var cfnNames = Regex.Matches(body.Groups[1].Value, @"(\w+):[^,]*?\(properties\.(\w+)\)").ToDictionary(m => m.Groups[2].Value, m => m.Groups[1].Value, StringComparer.Ordinal);
            foreach (var property in structType.GetProperties())
            {
                if (property.GetCustomAttribute<JsiiPropertyAttribute>() is not { } jsii) continue;
                Assert.True(cfnNames.TryGetValue(jsii.Name, out var cfnName), $"{structType}.{property.Name} ({jsii.Name}) is not converted by {function}");
                if (!names.TryGetValue(property.Name, out var set)) names[property.Name] = set = new HashSet<string>(StringComparer.Ordinal);
                set.Add(cfnName!);
            }
        }
        // One rename table per resource is enough only while a .NET name means one CloudFormation name throughout it.
        var ambiguous = names.Where(n => n.Value.Count > 1).Select(n => $"{n.Key}: {string.Join("/", n.Value)}").ToList();
        Assert.True(ambiguous.Count == 0, $"{type}: {string.Join(", ", ambiguous)}");
        var renames = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, set) in names)
            if (set.Single() != name) renames[name] = set.Single();
        return (cfnType, renames);
    }
}
