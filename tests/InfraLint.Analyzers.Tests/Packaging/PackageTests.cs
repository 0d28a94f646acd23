using System.IO.Compression;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using InfraLint.Tests;

namespace InfraLint.Analyzers.Tests.Packaging;

/// <summary>
/// The package as a user gets it (issue 11's acceptance): <c>dotnet pack</c> of src/InfraLint.Analyzers.Package with a
/// version no cache has seen, the assemblies it carries, and a plain <c>dotnet build</c> of a consumer project that
/// takes it from a local folder feed next to its real packages (Amazon.CDK.Lib, KubernetesClient) and prints InfraLint's
/// findings as compiler diagnostics, with <c>.editorconfig</c> severities, <c>#pragma</c>, <c>[SuppressMessage]</c>,
/// <c>.infralint.yaml</c> and the opt-in YAML manifests all taking effect.
/// </summary>
public sealed class PackageTests : IDisposable
{
    private static readonly Regex Diagnostic = new(
        @"^(?<file>.+?)\((?<line>\d+),(?<column>\d+)\): (?<severity>warning|error) (?<id>[A-Z]+\d+): ",
        RegexOptions.Multiline | RegexOptions.CultureInvariant);

    private readonly string _root = Path.Combine(Path.GetTempPath(), "infralint-tests", "package-" + Guid.NewGuid().ToString("N"));

    // A fresh version on every run: NuGet never re-extracts a version already in the global packages folder, so a
    // fixed one would test whatever was packed first.
    private readonly string _version = "0.1.0-test." + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", System.Globalization.CultureInfo.InvariantCulture);

    public void Dispose()
    {
        TryDelete(_root);
        TryDelete(Path.Combine(GlobalPackagesFolder(), "infralint.analyzers", _version));
    }

    [SkippableFact]
    public void The_package_carries_the_analyzer_and_its_dependencies_and_a_consumer_build_reports_its_findings()
    {
        var dotnet = DotnetProcess.Find();
        if (dotnet is null)
        {
            Assert.False(Repo.IsCi, "CI must have the dotnet command on PATH or in DOTNET_ROOT.");
            throw new SkipException("The dotnet command is not on PATH or in DOTNET_ROOT, so the package cannot be packed.");
        }

        var feed = Path.Combine(_root, "feed");
        var project = Path.Combine(Repo.Root, "src", "InfraLint.Analyzers.Package", "InfraLint.Analyzers.Package.csproj");
        // The solution (or this test project, which references the packing project) built it already: pack only.
        var pack = DotnetProcess.Run(dotnet, Repo.Root, TimeSpan.FromMinutes(5),
            "pack", project, "--no-build", "-c", Configuration, "-o", feed, "-p:PackageVersion=" + _version, "-nologo");
        Assert.True(pack.ExitCode == 0, $"dotnet pack failed:\n{pack}");
        var package = Path.Combine(feed, $"InfraLint.Analyzers.{_version}.nupkg");
        Assert.True(File.Exists(package), $"dotnet pack wrote no {package}:\n{pack}");

        using (var zip = ZipFile.OpenRead(package))
        {
            var analyzers = zip.Entries.Where(e => e.FullName.StartsWith("analyzers/", StringComparison.Ordinal))
                .Select(e => e.FullName).OrderBy(n => n, StringComparer.Ordinal).ToArray();
            // Everything the analyzer and the fixes load, and nothing the compiler or the IDE provides (Roslyn, System.*).
            var expected = new[]
            {
                "InfraLint.Analyzers.dll", "InfraLint.CSharp.dll", "InfraLint.CodeFixes.dll", "InfraLint.Core.dll",
                "InfraLint.Json.dll", "InfraLint.Platforms.dll", "InfraLint.Rules.dll", "InfraLint.Yaml.dll",
                "Microsoft.Extensions.FileSystemGlobbing.dll", "NRules.Fluent.dll", "NRules.RuleModel.dll", "NRules.dll", "YamlDotNet.dll",
            }.Select(n => "analyzers/dotnet/cs/" + n).OrderBy(n => n, StringComparer.Ordinal).ToArray();
            Assert.Equal(expected, analyzers);
            Assert.NotNull(zip.GetEntry("build/InfraLint.Analyzers.props"));
            Assert.NotNull(zip.GetEntry("README.md"));
            Assert.DoesNotContain(zip.Entries, e => e.FullName.StartsWith("lib/", StringComparison.Ordinal));

            using var nuspecStream = zip.Entries.Single(e => e.FullName == "InfraLint.Analyzers.nuspec").Open();
            var metadata = XDocument.Load(nuspecStream).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
            Assert.Equal("true", metadata.Elements().Single(e => e.Name.LocalName == "developmentDependency").Value);
            Assert.DoesNotContain(metadata.Elements(), e => e.Name.LocalName == "dependencies");
        }

        var consumer = WriteConsumer(feed);
        var build = DotnetProcess.Run(dotnet, consumer, TimeSpan.FromMinutes(10),
            "build", "-nologo", "-v", "q", "-p:UseSharedCompilation=false");
        Assert.DoesNotMatch(new Regex(@"(error|warning) (CS|NU|MSB|NETSDK)\d+", RegexOptions.CultureInvariant), build.Out);
        var reported = Diagnostic.Matches(build.Out)
            .Select(m => (File: Path.GetRelativePath(consumer, m.Groups["file"].Value).Replace('\\', '/'),
                Line: int.Parse(m.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture),
                Column: int.Parse(m.Groups["column"].Value, System.Globalization.CultureInfo.InvariantCulture),
                Severity: m.Groups["severity"].Value, Id: m.Groups["id"].Value))
            .ToHashSet();

        var expectedFindings = new HashSet<(string File, int Line, int Column, string Severity, string Id)>
        {
            // The rule's default severity, error, in C# and in the manifest the opt-in property added.
            At("Pods/Privileged.cs", Pod("Privileged"), "Privileged = ", "error", "IL2006"),
            At("deploy/pod.yaml", Manifest, "privileged: ", "error", "IL2006"),
            // .editorconfig lowers it for one file (and Pods/Silenced.cs turns it off: no line there).
            At("Pods/Warned.cs", Pod("Warned"), "Privileged = ", "warning", "IL2006"),
            // A warning by default, raised to an error by .editorconfig.
            At("Stack.cs", Stack, "ClusterLogging = ", "error", "IL4001"),
            At("Stack.cs", Stack, "Actions = new[] { ", "warning", "IL2005"),
        };
        Assert.True(expectedFindings.SetEquals(reported),
            "Expected:\n" + string.Join("\n", expectedFindings.Order()) + "\nReported:\n" + string.Join("\n", reported.Order()) + "\n" + build);
        // The build fails because of the two IL2006 errors and the raised IL4001, as an error diagnostic should make it.
        Assert.NotEqual(0, build.ExitCode);
    }

    private string WriteConsumer(string feed)
    {
        var folder = Path.Combine(_root, "consumer");
        Write(folder, "nuget.config", $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="infralint-local" value="{feed}" />
              </packageSources>
            </configuration>
            """);
        // Nothing from the folders above (the temp folder is shared) may change this build.
        Write(folder, "Directory.Build.props", "<Project />\n");
        Write(folder, "Directory.Packages.props", "<Project />\n");
        Write(folder, "Consumer.csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
                <InfraLintManifests>true</InfraLintManifests>
                <!-- Amazon.CDK.Lib 2.103.0 asks for dependency versions that are not served; NuGet takes the nearest. -->
                <NoWarn>$(NoWarn);NU1603</NoWarn>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="InfraLint.Analyzers" Version="{_version}" PrivateAssets="all" />
                <PackageReference Include="Amazon.CDK.Lib" Version="2.103.0" />
                <PackageReference Include="Constructs" Version="[10.0.0,11.0.0)" />
                <PackageReference Include="KubernetesClient" Version="21.0.8" />
              </ItemGroup>
            </Project>
            """);
        Write(folder, ".editorconfig", """
            root = true

            [Pods/Warned.cs]
            dotnet_diagnostic.IL2006.severity = warning

            [Pods/Silenced.cs]
            dotnet_diagnostic.IL2006.severity = none

            [Stack.cs]
            dotnet_diagnostic.IL4001.severity = error
            """);
        // Read only if the package hands it to the analyzer: otherwise every pod below also has IL3004, IL3006 and IL2013.
        Write(folder, ".infralint.yaml", """
            rules:
              IL2013: off
              IL3004: off
              IL3006: off
            """);
        Write(folder, "Program.cs", """
            using Amazon.CDK;

            var app = new App();
            new Consumer.PlatformStack(app, "Platform");
            Console.WriteLine(Consumer.Pods.Privileged.Pod().Metadata.Name);
            app.Synth();
            """);
        Write(folder, "Stack.cs", Stack);
        foreach (var name in new[] { "Privileged", "Warned", "Silenced", "Pragma", "Attributed" })
            Write(folder, $"Pods/{name}.cs", Pod(name));
        Write(folder, "deploy/pod.yaml", Manifest);
        // Under bin/: the opt-in takes the project's manifests, not build output.
        Write(folder, "bin/copied/pod.yaml", Manifest);
        return folder;
    }

    private const string Stack = """
        using Amazon.CDK;
        using Amazon.CDK.AWS.EKS;
        using Amazon.CDK.AWS.IAM;
        using Constructs;

        namespace Consumer;

        public sealed class PlatformStack : Stack
        {
            public PlatformStack(Construct scope, string id)
                : base(scope, id)
            {
                new Cluster(this, "MlCluster", new ClusterProps
                {
                    Version = KubernetesVersion.V1_27,
                    DefaultCapacity = 0,
                    ClusterLogging = new[] { ClusterLoggingTypes.API },
                });

                var trainer = new Role(this, "Trainer", new RoleProps { AssumedBy = new ServicePrincipal("sagemaker.amazonaws.com") });
                trainer.AddToPolicy(new PolicyStatement(new PolicyStatementProps
                {
                    Actions = new[] { "s3:*" },
                    Resources = new[] { "arn:aws:s3:::training-data/*" },
                }));
            }
        }
        """;

    private const string Manifest = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: triton
        spec:
          securityContext:
            runAsNonRoot: true
          containers:
            - name: triton
              image: nvcr.io/nvidia/tritonserver:24.08-py3
              securityContext:
                allowPrivilegeEscalation: false
                privileged: true

        """;

    /// <summary>A KubernetesClient pod whose only finding is IL2006; Pragma and Attributed suppress it in the source.</summary>
    private static string Pod(string name)
    {
        var before = name switch
        {
            "Pragma" => "#pragma warning disable IL2006\n",
            "Attributed" => "    [System.Diagnostics.CodeAnalysis.SuppressMessage(\"InfraLint\", \"IL2006\", Justification = \"device plugin\")]\n",
            _ => string.Empty,
        };
        var after = name == "Pragma" ? "#pragma warning restore IL2006\n" : string.Empty;
        return "using k8s.Models;\n\nnamespace Consumer.Pods;\n\npublic static class " + name + "\n{\n" + before + """
                public static V1Pod Pod() => new V1Pod
                {
                    Metadata = new V1ObjectMeta { Name = "triton" },
                    Spec = new V1PodSpec
                    {
                        SecurityContext = new V1PodSecurityContext { RunAsNonRoot = true },
                        Containers = new List<V1Container>
                        {
                            new V1Container
                            {
                                Name = "triton",
                                Image = "nvcr.io/nvidia/tritonserver:24.08-py3",
                                SecurityContext = new V1SecurityContext { AllowPrivilegeEscalation = false, Privileged = true },
                            },
                        },
                    },
                };

            """ + after + "}\n";
    }

    /// <summary>The expected diagnostic just after the (only) occurrence of <paramref name="prefix"/> in <paramref name="text"/>, 1-based.</summary>
    private static (string File, int Line, int Column, string Severity, string Id) At(string file, string text, string prefix, string severity, string id)
    {
        var start = text.IndexOf(prefix, StringComparison.Ordinal);
        Assert.True(start >= 0 && text.IndexOf(prefix, start + 1, StringComparison.Ordinal) < 0, $"'{prefix}' must occur once in {file}.");
        var offset = start + prefix.Length;
        var line = text.AsSpan(0, offset).Count('\n') + 1;
        var column = offset - (text.LastIndexOf('\n', Math.Max(offset - 1, 0)) + 1) + 1;
        return (file, line, column, severity, id);
    }

    private static string Configuration =>
        AppContext.BaseDirectory.Replace('\\', '/').Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";

    private static string GlobalPackagesFolder() =>
        Environment.GetEnvironmentVariable("NUGET_PACKAGES")
        ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    private static void Write(string folder, string relativePath, string text)
    {
        var path = Path.Combine(folder, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    private static void TryDelete(string folder)
    {
        try
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder or cached test version is harmless: the next run uses another version.
        }
    }
}
