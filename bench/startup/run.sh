#!/usr/bin/env bash
# Start-up of `infralint scan ONE_FILE` as a whole process (issue 12: <= 0.35 s wall, engine build <= 150 ms).
# Builds Release (JIT) and publishes Release ReadyToRun for linux-x64 (framework-dependent), then for each build, each
# expression compiler (INFRALINT_EXPRESSION_COMPILER) and each file runs `scan FILE --fail-on none` N times and prints the
# median wall time, CPU time (user + sys, under /usr/bin/time) and engine build the tool reports under INFRALINT_TIMINGS=1.
# Variants run round-robin (one run of each per round), so the load of a shared machine weighs on all of them alike.
# Files: a one-Deployment YAML written here, and examples/kubernetes/llm-serving.yaml. Nothing here runs in CI.
#
# Usage: bench/startup/run.sh [--runs 10] [--compilers "tiered fec-lazy lazy fec default"] [--builds "jit r2r"] [--keep DIR]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
runs=10
compilers="tiered fec-lazy lazy fec default"
builds="jit r2r"
keep=
while [ $# -gt 0 ]; do
    case $1 in
        --runs) runs=$2; shift 2 ;;
        --compilers) compilers=$2; shift 2 ;;
        --builds) builds=$2; shift 2 ;;
        --keep) keep=$2; shift 2 ;;
        -h | --help) sed -n '2,9p' "$0"; exit 0 ;;
        *) echo "unknown argument: $1 (see --help)" >&2; exit 2 ;;
    esac
done
if ! /usr/bin/time -f '%e' true >/dev/null 2>&1; then
    echo "bench/startup/run.sh needs GNU time at /usr/bin/time (Debian: apt-get install time)" >&2
    exit 1
fi
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

# Every variant once per round, round after round, so that the load of a shared machine drifts over all of them alike.
variants=()
for build in $builds; do
    for compiler in $compilers; do
        for file in $files; do variants+=("$build|$compiler|$file"); done
    done
done
for build in $builds; do $(command_of "$build") scan "$work/one-deployment.yaml" --fail-on none >/dev/null 2>&1 || true; done # warm the disk cache
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores, $runs rounds" >&2
for round in $(seq "$runs"); do
    for i in "${!variants[@]}"; do
        IFS='|' read -r build compiler file <<<"${variants[$i]}"
        INFRALINT_TIMINGS=1 INFRALINT_EXPRESSION_COMPILER=$compiler /usr/bin/time -f '%e %U %S' -o "$work/time" \
            $(command_of "$build") scan "$file" --fail-on none 2>"$work/stderr" >/dev/null || true
        read -r wall user sys <"$work/time"
        echo "$wall" >>"$work/wall.$i"
        echo "$user + $sys" | bc >>"$work/cpu.$i"
        sed -n 's/^infralint: timing: engine build\( ([0-9]* rule classes)\)\{0,1\} \([0-9.]*\) ms$/\2/p' "$work/stderr" >>"$work/engine.$i"
    done
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
printf '| build | expression compiler | file | wall, median | CPU (user + sys), median | engine build, median |\n|---|---|---|---:|---:|---:|\n'
for i in "${!variants[@]}"; do
    IFS='|' read -r build compiler file <<<"${variants[$i]}"
    printf '| %s | %s | %s | %s s | %s s | %s ms |\n' "$build" "$compiler" "$(basename "$file")" \
        "$(median <"$work/wall.$i")" "$(median <"$work/cpu.$i")" "$(median <"$work/engine.$i")"
done
