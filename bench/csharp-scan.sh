#!/usr/bin/env bash
# Generates COUNT KubernetesClient Deployments in C# (one class per file, ~70 lines each, a few findings each) and the
# same COUNT Deployments as YAML, then measures one whole-process `infralint scan` (Release build) of each under
# /usr/bin/time -v: the C# folder (syntactic), the YAML folder, and the C# files as a restored project (semantic,
# through MSBuildWorkspace: design-time build, compilation, binding). Prints a table.
# Usage: bench/csharp-scan.sh [COUNT=1000]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
count=${1:-1000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

dotnet build "$root/src/InfraLint.Cli" -c Release --nologo -v quiet >/dev/null
cli="$root/src/InfraLint.Cli/bin/Release/net10.0/infralint.dll"

mkdir -p "$work/cs" "$work/yaml"
for ((i = 1; i <= count; i++)); do
    name=$(printf 'model-%04d' "$i")
    class=$(printf 'Deployment%04d' "$i")
    ns="team-$((i % 7))"
    replicas=$((i % 4 + 1))
    gpus=$((i % 8 + 1))
    privileged=$([ $((i % 5)) -eq 0 ] && echo true || echo false)
    hostnet=$([ $((i % 7)) -eq 0 ] && echo true || echo false)
    cat >"$work/cs/$class.cs" <<EOF
using System.Collections.Generic;
using k8s.Models;

namespace Bench;

public static class $class
{
    public static V1Deployment Build() => new V1Deployment
    {
        Metadata = new V1ObjectMeta
        {
            Name = "$name",
            NamespaceProperty = "$ns",
            Labels = new Dictionary<string, string> { { "app", "$name" }, { "tier", "inference" } },
        },
        Spec = new V1DeploymentSpec
        {
            Replicas = $replicas,
            Selector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { { "app", "$name" } } },
            Template = new V1PodTemplateSpec
            {
                Metadata = new V1ObjectMeta { Labels = new Dictionary<string, string> { { "app", "$name" } } },
                Spec = new V1PodSpec
                {
                    HostNetwork = $hostnet,
                    NodeSelector = new Dictionary<string, string> { { "nvidia.com/gpu.product", "NVIDIA-A100-SXM4-80GB" } },
                    Containers = new List<V1Container>
                    {
                        new V1Container
                        {
                            Name = "server",
                            Image = "vllm/vllm-openai:v0.6.$((i % 4))",
                            Args = new List<string> { "--model", "meta-llama/Llama-3.1-8B-Instruct", "--port", "8000" },
                            Ports = new List<V1ContainerPort> { new V1ContainerPort { ContainerPort = 8000, Name = "http" } },
                            Env = new List<V1EnvVar>
                            {
                                new V1EnvVar { Name = "LOG_LEVEL", Value = "info" },
                                new V1EnvVar { Name = "MAX_BATCH", Value = "$((i % 64 + 1))" },
                            },
                            Resources = new V1ResourceRequirements
                            {
                                Requests = new Dictionary<string, ResourceQuantity> { { "cpu", new ResourceQuantity("4") }, { "memory", new ResourceQuantity("32Gi") } },
                                Limits = new Dictionary<string, ResourceQuantity> { { "nvidia.com/gpu", new ResourceQuantity("$gpus") } },
                            },
                            SecurityContext = new V1SecurityContext { Privileged = $privileged, AllowPrivilegeEscalation = false },
                            ReadinessProbe = new V1Probe { HttpGet = new V1HTTPGetAction { Path = "/health", Port = 8000 } },
                        },
                    },
                },
            },
        },
    };
}
EOF
    cat >"$work/yaml/$name.yaml" <<EOF
apiVersion: apps/v1
kind: Deployment
metadata:
  name: $name
  namespace: $ns
  labels:
    app: $name
    tier: inference
spec:
  replicas: $replicas
  selector:
    matchLabels:
      app: $name
  template:
    metadata:
      labels:
        app: $name
    spec:
      hostNetwork: $hostnet
      nodeSelector:
        nvidia.com/gpu.product: NVIDIA-A100-SXM4-80GB
      containers:
        - name: server
          image: vllm/vllm-openai:v0.6.$((i % 4))
          args: ["--model", "meta-llama/Llama-3.1-8B-Instruct", "--port", "8000"]
          ports:
            - containerPort: 8000
              name: http
          env:
            - name: LOG_LEVEL
              value: info
            - name: MAX_BATCH
              value: "$((i % 64 + 1))"
          resources:
            requests:
              cpu: "4"
              memory: 32Gi
            limits:
              nvidia.com/gpu: "$gpus"
          securityContext:
            privileged: $privileged
            allowPrivilegeEscalation: false
          readinessProbe:
            httpGet:
              path: /health
              port: 8000
EOF
done
cat >"$work/cs/Bench.csproj" <<'EOF'
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="KubernetesClient" Version="21.0.8" />
  </ItemGroup>
</Project>
EOF
dotnet restore "$work/cs/Bench.csproj" -v quiet >/dev/null

measure() { # label, then the scan's arguments
    local label=$1
    shift
    (cd "$work" && /usr/bin/time -v -o "$work/time.txt" dotnet "$cli" scan "$@" --fail-on none >"$work/report.txt" 2>"$work/stderr.txt")
    local summary wall rss
    summary=$(tail -n 1 "$work/report.txt")
    wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$work/time.txt")
    rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/time.txt")
    printf '| %-28s | %9s | %8d MiB | %s |\n' "$label" "$wall" $((rss / 1024)) "$summary"
    if grep -q 'read syntactically' "$work/stderr.txt"; then cat "$work/stderr.txt" >&2; fi
}

cs_bytes=$(cat "$work"/cs/*.cs | wc -c)
yaml_bytes=$(cat "$work"/yaml/*.yaml | wc -c)
echo "$count Deployments: C# $((cs_bytes / 1024)) KiB, YAML $((yaml_bytes / 1024)) KiB; $(nproc) cores, load average $(cut -d' ' -f1 /proc/loadavg)"
echo
echo "| scan | wall | peak RSS | report summary |"
echo "|---|---:|---:|---|"
measure "YAML folder" yaml
measure "C# folder (syntactic)" cs
measure "C# project (semantic)" cs/Bench.csproj
