#!/usr/bin/env bash
# Start-up of `infralint scan ONE_FILE` as a whole process (issue 12: <= 0.35 s wall, engine build <= 150 ms).
# Builds Release (JIT) and publishes Release ReadyToRun for linux-x64 (framework-dependent), then for each build, each
# expression compiler (INFRALINT_EXPRESSION_COMPILER) and each file runs `scan FILE --fail-on none` N times and prints the
# median wall time and the median engine build the tool reports under INFRALINT_TIMINGS=1 (which adds no measurable time).
# Files: a one-Deployment YAML written here, and examples/kubernetes/llm-serving.yaml. Nothing here runs in CI.
#
# Usage: bench/startup/run.sh [--runs 10] [--compilers "fec-lazy lazy fec default"] [--builds "jit r2r"] [--keep DIR]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
runs=10
compilers="fec-lazy lazy fec default"
builds="jit r2r"
keep=
while [ $# -gt 0 ]; do
    case $1 in
        --runs) runs=$2; shift 2 ;;
        --compilers) compilers=$2; shift 2 ;;
        --builds) builds=$2; shift 2 ;;
        --keep) keep=$2; shift 2 ;;
        -h | --help) sed -n '2,8p' "$0"; exit 0 ;;
        *) echo "unknown argument: $1 (see --help)" >&2; exit 2 ;;
    esac
done
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
if [ -n "$keep" ]; then
    work=$(mkdir -p "$keep" && cd "$keep" && pwd)
else
    work=$(mktemp -d)
    trap 'rm -rf "$work"' EXIT
fi

cat >"$work/one-deployment.yaml" <<'YAML'
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: default
spec:
  replicas: 2
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
        - name: web
          image: nginx:1.27
          resources:
            requests: {cpu: 100m, memory: 128Mi}
            limits: {memory: 128Mi}
YAML
files="$work/one-deployment.yaml $root/examples/kubernetes/llm-serving.yaml"

for build in $builds; do
    case $build in
        jit)
            echo "Building Release (JIT)" >&2
            dotnet build "$root/src/InfraLint.Cli" -c Release --nologo -v quiet >/dev/null
            ;;
        r2r)
            echo "Publishing Release ReadyToRun (linux-x64) to $work/r2r" >&2
            dotnet publish "$root/src/InfraLint.Cli" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$work/r2r" --nologo -v quiet >/dev/null
            ;;
        *) echo "unknown build: $build (jit or r2r)" >&2; exit 2 ;;
    esac
done

command_of() {
    case $1 in
        jit) echo "dotnet $root/src/InfraLint.Cli/bin/Release/net10.0/infralint.dll" ;;
        r2r) echo "$work/r2r/infralint" ;;
    esac
}

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR == 0) print "-"; else if (NR % 2) printf "%.3f\n", v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores, $runs runs each" >&2
printf '| build | expression compiler | file | wall, median of %s | engine build, median |\n|---|---|---|---:|---:|\n' "$runs"
for build in $builds; do
    cmd=$(command_of "$build")
    for compiler in $compilers; do
        for file in $files; do
            walls="$work/walls" engines="$work/engines"
            : >"$walls"; : >"$engines"
            $cmd scan "$file" --fail-on none >/dev/null 2>&1 # the first run after a build warms the disk cache
            for _ in $(seq "$runs"); do
                start=$(date +%s%N)
                INFRALINT_TIMINGS=1 INFRALINT_EXPRESSION_COMPILER=$compiler $cmd scan "$file" --fail-on none 2>"$work/stderr" >/dev/null
                end=$(date +%s%N)
                echo "scale=3; ($end - $start) / 1000000000" | bc >>"$walls"
                sed -n 's/^infralint: timing: engine build \([0-9.]*\) ms$/\1/p' "$work/stderr" >>"$engines"
            done
            printf '| %s | %s | %s | %s s | %s ms |\n' "$build" "$compiler" "$(basename "$file")" "$(median <"$walls")" "$(median <"$engines")"
        done
    done
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
