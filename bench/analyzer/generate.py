#!/usr/bin/env python3
"""Writes a 200-file C# project laid out like real infrastructure code, for bench/analyzer/run.sh.

About 40% of the files are infrastructure (KubernetesClient Deployments/Jobs/Services, some with GPUs, some privileged;
AWS CDK stacks with buckets, log groups and EKS node groups), the rest plain application code (records, services,
LINQ, async), as most projects are; plus ~20 YAML manifests given to the compiler as AdditionalFiles.
Deterministic: the same arguments write the same files.

Usage: generate.py OUT_DIR [FILES=200] [MANIFESTS=20]
"""
import os
import sys

out = sys.argv[1]
files = int(sys.argv[2]) if len(sys.argv) > 2 else 200
manifests = int(sys.argv[3]) if len(sys.argv) > 3 else 20
infra = files * 2 // 5
k8s = infra * 3 // 5
cdk = infra - k8s
plain = files - infra


def write(rel, text):
    path = os.path.join(out, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)


CSPROJ = """<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <OutputType>Library</OutputType>
    <Nullable>enable</Nullable>
    <ImplicitUsings>disable</ImplicitUsings>
    <LangVersion>latest</LangVersion>
    <!-- Amazon.CDK.Lib 2.103.0 asks for dependency versions nuget.org no longer serves exactly. -->
    <WarningsNotAsErrors>NU1603</WarningsNotAsErrors>
    <NoWarn>$(NoWarn);NU1603;CS8618</NoWarn>
    <TreatWarningsAsErrors>false</TreatWarningsAsErrors>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="KubernetesClient" Version="21.0.8" />
    <PackageReference Include="Amazon.CDK.Lib" Version="2.103.0" />
  </ItemGroup>
  <ItemGroup>
    <AdditionalFiles Include="deploy/**/*.yaml" />
  </ItemGroup>
  <!-- The analyzer straight from a build output folder (every DLL in it): -p:InfraLintAnalyzerDir=DIR. -->
  <ItemGroup Condition="'$(InfraLintAnalyzerDir)' != ''">
    <Analyzer Include="$(InfraLintAnalyzerDir)/*.dll" />
  </ItemGroup>
  <!-- The analyzer as a package from a folder feed: -p:InfraLintPackageVersion=X (restore with that feed as a source). -->
  <ItemGroup Condition="'$(InfraLintPackageVersion)' != ''">
    <PackageReference Include="InfraLint.Analyzers" Version="$(InfraLintPackageVersion)" PrivateAssets="all" />
  </ItemGroup>
  <!-- The per-file harness compiles the same sources against the same references. -->
  <Target Name="WriteReferencePaths" AfterTargets="FindReferenceAssembliesForReferences">
    <WriteLinesToFile File="$(MSBuildProjectDirectory)/obj/references.txt" Lines="@(ReferencePathWithRefAssemblies)" Overwrite="true" WriteOnlyWhenDifferent="true" />
  </Target>
</Project>
"""
write("Bench.csproj", CSPROJ)
# The rules whose findings are errors by default would fail the build, and a failed compilation emits nothing, so the
# builds with and without the analyzer would not do the same work. Both rules are on by default: only the severity changes.
write(".globalconfig", """is_global = true
dotnet_diagnostic.IL2003.severity = warning
dotnet_diagnostic.IL2006.severity = warning
""")

IMAGES = ["vllm/vllm-openai:v0.6.3", "nvcr.io/nvidia/tritonserver:24.08-py3", "ghcr.io/huggingface/text-generation-inference:2.3",
          "python:3.12-slim", "registry.example.com/api/gateway:1.4.2", "nginx:latest", "redis:7"]


def container(i, gpu, privileged):
    limits = '{ "nvidia.com/gpu", new ResourceQuantity("%d") }, ' % (i % 8 + 1) if gpu else ""
    probe = 'ReadinessProbe = new V1Probe { HttpGet = new V1HTTPGetAction { Path = "/health", Port = %d } },' % (8000 + i % 10) if i % 3 else ""
    return f"""new V1Container
                        {{
                            Name = "main",
                            Image = "{IMAGES[i % len(IMAGES)]}",
                            Args = new List<string> {{ "--port", "{8000 + i % 10}" }},
                            Ports = new List<V1ContainerPort> {{ new V1ContainerPort {{ ContainerPort = {8000 + i % 10}, Name = "http" }} }},
                            Env = new List<V1EnvVar> {{ new V1EnvVar {{ Name = "LOG_LEVEL", Value = "info" }} }},
                            Resources = new V1ResourceRequirements
                            {{
                                Requests = new Dictionary<string, ResourceQuantity> {{ {{ "cpu", new ResourceQuantity("{i % 4 + 1}") }}, {{ "memory", new ResourceQuantity("{(i % 8 + 1) * 4}Gi") }} }},
                                Limits = new Dictionary<string, ResourceQuantity> {{ {limits}{{ "memory", new ResourceQuantity("{(i % 8 + 1) * 4}Gi") }} }},
                            }},
                            SecurityContext = new V1SecurityContext {{ Privileged = {"true" if privileged else "false"}, AllowPrivilegeEscalation = {"true" if privileged else "false"} }},
                            {probe}
                        }}"""


def k8s_file(i):
    kind = ["Deployment", "Job", "Service"][i % 3]
    name = f"workload-{i:03d}"
    gpu = i % 4 == 0
    privileged = i % 5 == 0
    ns = f"team-{i % 5}"
    head = f"""using System.Collections.Generic;
using k8s.Models;

namespace Bench.Infra.Kubernetes
{{
    public static class {kind}{i:03d}
    {{
"""
    meta = f"""new V1ObjectMeta {{ Name = "{name}", NamespaceProperty = "{ns}", Labels = new Dictionary<string, string> {{ {{ "app", "{name}" }}, {{ "team", "{ns}" }} }} }}"""
    restart = 'RestartPolicy = "Never",' if kind == "Job" else ""
    selector = 'NodeSelector = new Dictionary<string, string> { { "nvidia.com/gpu.product", "NVIDIA-A100-SXM4-80GB" } },' if gpu else ""
    if kind == "Service":
        body = f"""        public static V1Service Build() => new V1Service
        {{
            Metadata = {meta},
            Spec = new V1ServiceSpec
            {{
                Type = "{"LoadBalancer" if i % 2 else "ClusterIP"}",
                Selector = new Dictionary<string, string> {{ {{ "app", "{name}" }} }},
                Ports = new List<V1ServicePort> {{ new V1ServicePort {{ Port = 80, TargetPort = {8000 + i % 10}, Name = "http" }} }},
            }},
        }};
"""
    else:
        pod = f"""new V1PodTemplateSpec
            {{
                Metadata = new V1ObjectMeta {{ Labels = new Dictionary<string, string> {{ {{ "app", "{name}" }} }} }},
                Spec = new V1PodSpec
                {{
                    {restart}
                    {selector}
                    Containers = new List<V1Container>
                    {{
                        {container(i, gpu, privileged)},
                    }},
                }},
            }}"""
        if kind == "Deployment":
            body = f"""        public static V1Deployment Build() => new V1Deployment
        {{
            Metadata = {meta},
            Spec = new V1DeploymentSpec
            {{
                Replicas = {i % 4 + 1},
                Selector = new V1LabelSelector {{ MatchLabels = new Dictionary<string, string> {{ {{ "app", "{name}" }} }} }},
                Template = {pod},
            }},
        }};
"""
        else:
            body = f"""        public static V1Job Build() => new V1Job
        {{
            Metadata = {meta},
            Spec = new V1JobSpec
            {{
                BackoffLimit = {i % 6},
                Template = {pod},
            }},
        }};
"""
    return head + body + "    }\n}\n"


def cdk_file(i):
    return f"""using System.Collections.Generic;
using Amazon.CDK;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.EKS;
using Amazon.CDK.AWS.Logs;
using Amazon.CDK.AWS.S3;
using Constructs;

namespace Bench.Infra.Cdk
{{
    public sealed class Stack{i:03d} : Stack
    {{
        public Stack{i:03d}(Construct scope, string id, IStackProps? props = null) : base(scope, id, props)
        {{
            new Bucket(this, "Data", new BucketProps {{ Versioned = {"true" if i % 2 else "false"}{", Encryption = BucketEncryption.KMS_MANAGED" if i % 3 == 0 else ""} }});
            new LogGroup(this, "Logs", new LogGroupProps {{ Retention = RetentionDays.{["ONE_WEEK", "ONE_YEAR", "INFINITE", "ONE_MONTH"][i % 4]} }});
            var cluster = new Cluster(this, "Ml", new ClusterProps {{ Version = KubernetesVersion.V1_27{", ClusterLogging = new[] { ClusterLoggingTypes.AUDIT }" if i % 2 == 0 else ""} }});
            new Nodegroup(this, "Train", new NodegroupProps
            {{
                Cluster = cluster,
                InstanceTypes = new[] {{ new InstanceType("{["p4d.24xlarge", "g5.2xlarge", "m6i.xlarge", "p5.48xlarge"][i % 4]}") }},
                CapacityType = CapacityType.{"SPOT" if i % 3 == 0 else "ON_DEMAND"},
                MinSize = 0,
                MaxSize = {i % 8 + 2},
                Tags = new Dictionary<string, string> {{ ["infralint.dev/role"] = "{"training" if i % 2 else "inference"}", ["team"] = "team-{i % 5}" }},
            }});
        }}
    }}
}}
"""


def plain_file(i):
    kind = i % 4
    ns = ["Orders", "Billing", "Catalog", "Users"][kind]
    return f"""using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace Bench.App.{ns}
{{
    public sealed record Item{i:03d}(Guid Id, string Name, decimal Price, int Quantity, DateTimeOffset CreatedAt);

    public interface IRepository{i:03d}
    {{
        Task<Item{i:03d}?> FindAsync(Guid id, CancellationToken cancellationToken);
        Task<IReadOnlyList<Item{i:03d}>> ListAsync(int skip, int take, CancellationToken cancellationToken);
        Task SaveAsync(Item{i:03d} item, CancellationToken cancellationToken);
    }}

    public sealed class InMemoryRepository{i:03d} : IRepository{i:03d}
    {{
        private readonly Dictionary<Guid, Item{i:03d}> _items = new Dictionary<Guid, Item{i:03d}>();

        public Task<Item{i:03d}?> FindAsync(Guid id, CancellationToken cancellationToken) =>
            Task.FromResult(_items.TryGetValue(id, out var item) ? item : null);

        public Task<IReadOnlyList<Item{i:03d}>> ListAsync(int skip, int take, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<Item{i:03d}>>(_items.Values.OrderBy(v => v.CreatedAt).Skip(skip).Take(take).ToList());

        public Task SaveAsync(Item{i:03d} item, CancellationToken cancellationToken)
        {{
            _items[item.Id] = item;
            return Task.CompletedTask;
        }}
    }}

    public sealed class Service{i:03d}
    {{
        private readonly IRepository{i:03d} _repository;

        public Service{i:03d}(IRepository{i:03d} repository) => _repository = repository;

        public async Task<decimal> TotalAsync(int pageSize, CancellationToken cancellationToken)
        {{
            var total = 0m;
            for (var skip = 0; ; skip += pageSize)
            {{
                var page = await _repository.ListAsync(skip, pageSize, cancellationToken).ConfigureAwait(false);
                if (page.Count == 0) return total;
                total += page.Where(p => p.Quantity > 0).Sum(p => p.Price * p.Quantity);
            }}
        }}

        public async Task<Item{i:03d}> RenameAsync(Guid id, string name, CancellationToken cancellationToken)
        {{
            if (string.IsNullOrWhiteSpace(name)) throw new ArgumentException("A name is required.", nameof(name));
            var item = await _repository.FindAsync(id, cancellationToken).ConfigureAwait(false)
                ?? throw new KeyNotFoundException($"No item {{id}}.");
            var renamed = item with {{ Name = name.Trim() }};
            await _repository.SaveAsync(renamed, cancellationToken).ConfigureAwait(false);
            return renamed;
        }}

        public static string Describe(Item{i:03d} item) => item.Quantity switch
        {{
            0 => $"{{item.Name}}: out of stock",
            < 10 => $"{{item.Name}}: {{item.Quantity}} left at {{item.Price:C}}",
            _ => $"{{item.Name}}: in stock",
        }};
    }}
}}
"""


def manifest(i):
    name = f"manifest-{i:02d}"
    gpu = i % 2 == 0
    gpu_limit = '\n              nvidia.com/gpu: "1"' if gpu else ""
    return f"""apiVersion: apps/v1
kind: Deployment
metadata:
  name: {name}
  namespace: team-{i % 5}
spec:
  replicas: {i % 3 + 1}
  selector:
    matchLabels:
      app: {name}
  template:
    metadata:
      labels:
        app: {name}
    spec:
      containers:
        - name: server
          image: {IMAGES[i % len(IMAGES)]}
          resources:
            requests:
              cpu: "2"
              memory: 16Gi
            limits:
              memory: 16Gi{gpu_limit}
          securityContext:
            privileged: {"true" if i % 4 == 0 else "false"}
---
apiVersion: v1
kind: Service
metadata:
  name: {name}
  namespace: team-{i % 5}
spec:
  selector:
    app: {name}
  ports:
    - port: 80
      targetPort: 8000
"""


for i in range(k8s):
    kind = ["Deployment", "Job", "Service"][i % 3]
    write(f"Infra/Kubernetes/{kind}{i:03d}.cs", k8s_file(i))
for i in range(cdk):
    write(f"Infra/Cdk/Stack{i:03d}.cs", cdk_file(i))
for i in range(plain):
    write(f"App/{['Orders', 'Billing', 'Catalog', 'Users'][i % 4]}/Service{i:03d}.cs", plain_file(i))
for i in range(manifests):
    write(f"deploy/manifest-{i:02d}.yaml", manifest(i))
print(f"{files} C# files ({k8s} KubernetesClient, {cdk} CDK, {plain} plain), {manifests} YAML manifests in {out}")
