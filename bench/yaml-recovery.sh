#!/usr/bin/env bash
# One syntax error at the top of a file followed by COUNT small documents: the loader must salvage every
# document after the error in time linear in the file's size (it used to re-parse a blanked copy of everything
# before each document: 100,000 documents took 569 s). Times one whole-process `infralint scan` of that file.
# Usage: bench/yaml-recovery.sh [COUNT=100000]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
count=${1:-100000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

dotnet build "$root/src/InfraLint.Cli" -c Release --nologo -v quiet >/dev/null

file="$work/recovery.yaml"
{
    echo 'broken: [unclosed'
    awk -v n="$count" 'BEGIN { for (i = 0; i < n; i++) printf "---\nk: v%d\n", i }'
} >"$file"
echo "$count documents after one error, $(wc -c <"$file") bytes"

cd "$work"
cli="$root/src/InfraLint.Cli/bin/Release/net10.0/infralint.dll"
# The same as `dotnet run --project src/InfraLint.Cli -c Release -- scan FILE --fail-on none`, without timing the build.
time dotnet "$cli" scan recovery.yaml --fail-on none >"$work/report.txt"
tail -n 3 "$work/report.txt"
