#!/usr/bin/env bash
# The Roslyn host's cost in a plain `dotnet build`: generates a 200-file C# project laid out like real infrastructure
# code (generate.py: ~40% KubernetesClient/CDK, ~60% plain C#, 20 YAML manifests as AdditionalFiles), builds it RUNS
# times with and without InfraLint's analyzer (Release, -p:ReportAnalyzer=true, no compiler server, a fresh csc per
# build, alternating the two so load from other processes hits both alike), then times the rule engine's build on a
# cold process and the analyzer on each file in-process (InfraLint.Bench.Analyzer). Prints a table (summarize.py) and,
# with --write, puts it into bench/analyzer/README.md. Nothing here runs under dotnet test.
#
# Usage: bench/analyzer/run.sh [--runs N=3] [--package FOLDER] [--keep DIR] [--write]
#   --package FOLDER  use InfraLint.Analyzers.<version>.nupkg from a folder feed instead of the build output
#   --keep DIR        generate into DIR and keep it (logs included), else a temp folder that is removed
#   --write           replace the results section of bench/analyzer/README.md with this run's table
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
runs=3 package="" keep="" write=false
while [ $# -gt 0 ]; do
    case $1 in
        --runs) runs=$2; shift 2 ;;
        --package) package=$(cd "$2" && pwd); shift 2 ;;
        --keep) keep=$2; shift 2 ;;
        --write) write=true; shift ;;
        *) echo "unknown argument $1" >&2; exit 2 ;;
    esac
done
if [ -n "$keep" ]; then mkdir -p "$keep"; work=$(cd "$keep" && pwd); else work=$(mktemp -d); trap 'rm -rf "$work"' EXIT; fi
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 MSBUILDDISABLENODEREUSE=1

echo "building InfraLint (Release) ..." >&2
dotnet build "$here/InfraLint.Bench.Analyzer" -c Release --nologo -v quiet >"$work/infralint-build.log" 2>&1 || { tail -20 "$work/infralint-build.log" >&2; exit 1; }
harness="$here/InfraLint.Bench.Analyzer/bin/Release/net10.0/InfraLint.Bench.Analyzer.dll"

# The analyzer as a build would load it: every InfraLint DLL of the build output, and every package DLL it needs at
# run time but the compiler does not provide (NRules, YamlDotNet; not Microsoft.CodeAnalysis.*, System.*).
analyzer_props=()
if [ -z "$package" ]; then
    rm -rf "$work/analyzer" && mkdir -p "$work/analyzer"
    cp "$root"/src/InfraLint.Analyzers/bin/Release/netstandard2.0/InfraLint.*.dll "$work/analyzer/"
    python3 - "$root/src/InfraLint.Analyzers/obj/project.assets.json" "$work/analyzer" <<'PY'
import json, os, shutil, sys
assets = json.load(open(sys.argv[1]))
folder = next(iter(assets["packageFolders"]))
target = next(t for t in assets["targets"] if "/" not in t)  # netstandard2.0 (no runtime identifier)
for name, lib in assets["targets"][target].items():
    if lib.get("type") != "package" or name.startswith(("Microsoft.CodeAnalysis", "System.", "Microsoft.CSharp")):
        continue
    for item in lib.get("runtime", {}):
        if not item.endswith("_._"):
            shutil.copy(os.path.join(folder, assets["libraries"][name]["path"], item), sys.argv[2])
PY
    analyzer_props=(-p:InfraLintAnalyzerDir="$work/analyzer")
    analyzer_from="build output: $(cd "$work/analyzer" && ls | tr '\n' ' ')"
else
    nupkg=$(ls "$package"/InfraLint.Analyzers.*.nupkg | sort -V | tail -1)
    version=$(basename "$nupkg" .nupkg); version=${version#InfraLint.Analyzers.}
    # A repacked package keeps its version: the extracted copy in the global packages folder would be stale.
    rm -rf "${NUGET_PACKAGES:-$HOME/.nuget/packages}/infralint.analyzers/$version"
    analyzer_props=(-p:InfraLintPackageVersion="$version" -p:RestoreAdditionalProjectSources="$package")
    analyzer_from="package $(basename "$nupkg")"
fi

for variant in plain infralint; do
    rm -rf "${work:?}/$variant"
    python3 "$here/generate.py" "$work/$variant" >&2
done
props() { if [ "$1" = infralint ]; then printf '%s\n' "${analyzer_props[@]}"; fi; }

echo "restore and warm-up build ..." >&2
for variant in plain infralint; do
    mapfile -t extra < <(props "$variant")
    dotnet restore "$work/$variant/Bench.csproj" -v quiet "${extra[@]}" >"$work/$variant-restore.log" 2>&1 || { cat "$work/$variant-restore.log" >&2; exit 1; }
    dotnet build "$work/$variant/Bench.csproj" -c Release --no-restore -v quiet "${extra[@]}" >"$work/$variant-warmup.log" 2>&1 || { tail -20 "$work/$variant-warmup.log" >&2; exit 1; }
done

mkdir -p "$work/logs"
for ((run = 1; run <= runs; run++)); do
    for variant in plain infralint; do
        mapfile -t extra < <(props "$variant")
        echo "build $run/$runs $variant ..." >&2
        # CPU time (user + system, the compiler's process included) does not grow with other processes' load as
        # wall time and the compiler's per-analyzer times do.
        /usr/bin/time -f "wall_s=%e cpu_user_s=%U cpu_sys_s=%S" -o "$work/logs/$variant-$run.wall" \
            dotnet build "$work/$variant/Bench.csproj" -c Release --no-restore --no-incremental -nr:false \
            -p:ReportAnalyzer=true -p:UseSharedCompilation=false -v:d -clp:PerformanceSummary "${extra[@]}" >"$work/logs/$variant-$run.log" 2>&1
        echo "load=$(cut -d' ' -f1 /proc/loadavg)" >>"$work/logs/$variant-$run.wall"
    done
done

echo "engine build on cold processes ..." >&2
for ((run = 1; run <= 5; run++)); do dotnet "$harness" engine; done >"$work/logs/engine.txt"
echo "per-file analyzer time in-process ..." >&2
dotnet "$harness" files "$work/infralint" >"$work/logs/files.txt"
echo "where a warm infrastructure file's time goes ..." >&2
dotnet "$harness" split "$work/infralint" >"$work/logs/split.txt"
echo "one cold pass, with and without the engine built beforehand (3 processes each) ..." >&2
for ((run = 1; run <= 3; run++)); do
    dotnet "$harness" cold "$work/infralint"
    dotnet "$harness" cold-prebuilt "$work/infralint"
done >"$work/logs/cold.txt"

table=$(python3 "$here/summarize.py" "$work/logs" "$runs" "$analyzer_from")
echo "$table"
if $write; then
    python3 - "$here/README.md" "$table" <<'PY'
import sys
path, table = sys.argv[1], sys.argv[2]
text = open(path).read()
start, end = "<!-- results: written by run.sh --write -->", "<!-- end of results -->"
head, rest = text.split(start, 1)
tail = rest.split(end, 1)[1]
open(path, "w").write(head + start + "\n" + table + "\n" + end + tail)
PY
fi
