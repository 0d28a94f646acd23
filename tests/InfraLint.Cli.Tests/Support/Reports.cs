using InfraLint.Cli.Output;
using InfraLint.Core.Findings;
using InfraLint.Core.Fixes;
using InfraLint.Core.Locations;
using InfraLint.Core.Scanning;
using InfraLint.Rules;
using InfraLint.Rules.Security;

namespace InfraLint.Cli.Tests.Support;

/// <summary>Reports built from hand-made findings, so output formats are tested on every feature (fixes, related locations, suppressions) whatever rules exist.</summary>
public static class Reports
{
    public const string File = "deploy/vllm.yaml";

    /// <summary>A finding on <paramref name="line"/> that sets hostNetwork; everything else about it is fixed.</summary>
    internal static Finding HostNetwork(int line, Suppression? suppression = null)
    {
        var span = new SourceSpan(File, line, 7, line, 22, 100 + line, 115 + line);
        var finding = new Finding(
            IL2008HostNamespacesShared.Descriptor,
            "Deployment 'vllm' sets hostNetwork: true; its containers share the node's network namespace",
            span,
            "Deployment/serving/vllm:spec.template.spec.hostNetwork",
            related: new[] { new RelatedLocation(new SourceSpan(File, 2, 1, 2, 11, 20, 30), "The Deployment is declared here") },
            fixes: new[] { new Fix("Set hostNetwork to false", new[] { new TextEdit(new SourceSpan(File, line, 20, line, 24, 113 + line, 117 + line), "false") }) },
            properties: new Dictionary<string, string> { ["flag"] = "hostNetwork" });
        finding.Suppression = suppression;
        return finding;
    }

    internal static ScanReport Of(string root, params Finding[] findings)
    {
        var env = new CliEnvironment { Out = TextWriter.Null, Error = TextWriter.Null, WorkingDirectory = root };
        var result = new ScanResult(findings, new[] { File, "deploy/other.yaml" }, TimeSpan.FromMilliseconds(12));
        return new ScanReport(result, RuleSet.Catalog, root, new Dictionary<string, string>(), Array.Empty<string>(), env);
    }
}
