#!/usr/bin/env bash
# Generates 10,000 realistic Kubernetes manifests and times one whole-process `infralint scan` of them
# (Release build, process start, rule compilation, reading, parsing, rules, console report).
# Usage: bench/scan-10k.sh [COUNT=10000]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
count=${1:-10000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

dotnet build "$root/src/InfraLint.Cli" -c Release --nologo -v quiet >/dev/null
dotnet build "$root/bench/InfraLint.Bench.CorpusGen" -c Release --nologo -v quiet >/dev/null
dotnet "$root/bench/InfraLint.Bench.CorpusGen/bin/Release/net10.0/InfraLint.Bench.CorpusGen.dll" "$work/corpus" "$count"

cli="$root/src/InfraLint.Cli/bin/Release/net10.0/infralint.dll"
cd "$work"
if [ -x /usr/bin/time ] && /usr/bin/time -v true >/dev/null 2>&1; then
    /usr/bin/time -v -o "$work/time.txt" dotnet "$cli" scan corpus --fail-on none >"$work/report.txt"
    tail -n 1 "$work/report.txt"
    grep -E 'Elapsed \(wall clock\)|Maximum resident set size|User time|System time' "$work/time.txt"
else
    time dotnet "$cli" scan corpus --fail-on none >"$work/report.txt"
    tail -n 1 "$work/report.txt"
fi
