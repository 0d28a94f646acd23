#!/usr/bin/env bash
# Issue 12's scale benchmark, side by side in one run: for each size it generates a repository-like tree
# (CorpusGen --repository: 50 directories, 20 namespaces, every fifth file multi-document; Kubernetes, CloudFormation
# YAML/JSON, compose, KubernetesClient/CDK C#) and times, each as a whole process under /usr/bin/time -v:
#   - infralint scan as packaged (dotnet publish -c Release: ReadyToRun on linux-x64) with --format json --output FILE:
#     output formatting included, the terminal not;
#   - the YAML parse floor (bench/InfraLint.Bench.ParseFloor: YamlDotNet representation model, files in parallel,
#     every node visited) on the YAML and JSON files of the same tree;
#   - Spectral 6.16.3 with the 4 rules of bench/scale/spectral-ruleset.yaml, when npm is available. Spectral refuses
#     multi-document YAML ("Expected a single document in the stream"), so it lints a copy of the YAML/JSON files
#     with every multi-document file split into one file per document (made before timing, not timed).
# Then one file (examples/kubernetes/llm-capacity.yaml), 10 runs each of the Release build, the packaged layout and a
# full ReadyToRun publish, round-robin: median wall and the engine build the tool reports (INFRALINT_TIMINGS=1).
# InfraLint and the floor run --repeat times (default 5; at most 3 above 10,000 files), alternating, and the table keeps
# the median wall (user and sys likewise; peak RSS is the largest of the runs): on a shared machine one run of either
# can be 30% off, and each ratio compares two such runs. Spectral runs once.
# Then prints wall, user, sys and peak RSS per size and the ratios of issue 12's targets; --write puts the table into
# bench/README.md (its own section, replaced on each --write). Nothing here runs in CI.
#
# Usage: bench/scale/run.sh [--sizes 1000,10000,100000] [--seed 42] [--repeat 5] [--write] [--keep DIR]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
sizes=1000,10000,100000
seed=42
repeat=5
write=false
keep=
while [ $# -gt 0 ]; do
    case $1 in
        --sizes) sizes=$2; shift 2 ;;
        --seed) seed=$2; shift 2 ;;
        --repeat) repeat=$2; shift 2 ;;
        --write) write=true; shift ;;
        --keep) keep=$2; shift 2 ;;
        -h | --help) sed -n '2,19p' "$0"; exit 0 ;;
        *) echo "unknown argument: $1 (see --help)" >&2; exit 2 ;;
    esac
done
if ! /usr/bin/time -v true >/dev/null 2>&1; then
    echo "bench/scale/run.sh needs GNU time at /usr/bin/time (Debian: apt-get install time)" >&2
    exit 1
fi
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

if [ -n "$keep" ]; then
    work=$(mkdir -p "$keep" && cd "$keep" && pwd)
else
    work=$(mktemp -d)
    trap 'rm -rf "$work"' EXIT
fi

echo "Building (Release): infralint, CorpusGen, ParseFloor" >&2
for project in src/InfraLint.Cli bench/InfraLint.Bench.CorpusGen bench/InfraLint.Bench.ParseFloor; do
    dotnet build "$root/$project" -c Release --nologo -v quiet >/dev/null
done
jit_cli="$root/src/InfraLint.Cli/bin/Release/net10.0/infralint.dll"
# What the tool package holds (a portable publish with linux-x64 ReadyToRun runtime assets, README "Install the tool"):
# the scans below time the tool as users run it, not the JIT-compiled bin/ build.
echo "Publishing the packaged layout (dotnet publish -c Release)" >&2
dotnet publish "$root/src/InfraLint.Cli" -c Release -o "$work/tool" --nologo -v quiet >/dev/null
cli="$work/tool/infralint.dll"
gen="$root/bench/InfraLint.Bench.CorpusGen/bin/Release/net10.0/InfraLint.Bench.CorpusGen.dll"
floor="$root/bench/InfraLint.Bench.ParseFloor/bin/Release/net10.0/InfraLint.Bench.ParseFloor.dll"

# Spectral goes to a cache folder outside the repository, installed once with npm's ordinary client.
spectral=
spectral_note=
spectral_dir="${XDG_CACHE_HOME:-$HOME/.cache}/infralint-bench/spectral-6.16.3"
if [ -x "$spectral_dir/node_modules/.bin/spectral" ]; then
    spectral="$spectral_dir/node_modules/.bin/spectral"
elif command -v npm >/dev/null 2>&1; then
    echo "Installing @stoplight/spectral-cli@6.16.3 into $spectral_dir" >&2
    mkdir -p "$spectral_dir"
    if (cd "$spectral_dir" && npm install --no-audit --no-fund --loglevel=error @stoplight/spectral-cli@6.16.3 >&2); then
        spectral="$spectral_dir/node_modules/.bin/spectral"
    else
        spectral_note="Spectral skipped: npm install @stoplight/spectral-cli@6.16.3 failed"
    fi
else
    spectral_note="Spectral skipped: npm is not available on this machine"
fi
[ -n "$spectral_note" ] && echo "$spectral_note" >&2

results="$work/results.tsv"
: >"$results"
# One row per timed run; rows of repeated runs are folded into one row of $results by fold_runs.
runs="$work/runs.tsv"

# seconds from /usr/bin/time's "h:mm:ss" or "m:ss.ss"
to_seconds() { awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; printf "%.2f", s }' <<<"$1"; }

# timed SIZE TOOL RESULT_COMMAND -- COMMAND...: runs COMMAND under /usr/bin/time -v in $dir, appends a row to $runs.
timed() {
    local size=$1 tool=$2 describe=$3
    shift 4
    local t="$dir/time-$tool.txt" load status=0
    load=$(cut -d' ' -f1 /proc/loadavg)
    echo "  $tool ($size files), load average $load ..." >&2
    (cd "$dir" && /usr/bin/time -v -o "$t" "$@" >"$dir/stdout-$tool.txt" 2>"$dir/stderr-$tool.txt") || status=$?
    local wall user sys rss
    wall=$(to_seconds "$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$t")")
    user=$(sed -n 's/.*User time (seconds): //p' "$t")
    sys=$(sed -n 's/.*System time (seconds): //p' "$t")
    rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$t")
    local result
    result=$($describe "$status")
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$size" "$tool" "$wall" "$user" "$sys" "$rss" "$load" "$result" >>"$runs"
    printf '    wall %s s, user %s s, sys %s s, peak RSS %d MiB: %s\n' "$wall" "$user" "$sys" $((rss / 1024)) "$result" >&2
}

# fold_runs: one row per (size, tool) of $runs into $results: the median wall, user and sys, the largest peak RSS, the
# first load average, the last result, and every wall when there was more than one run.
fold_runs() {
    awk -F'\t' '
        function median(list,    v, n, i, j, t) {
            n = split(list, v, " ")
            for (i = 2; i <= n; i++) for (j = i; j > 1 && v[j - 1] + 0 > v[j] + 0; j--) { t = v[j]; v[j] = v[j - 1]; v[j - 1] = t }
            return n % 2 ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2
        }
        {
            k = $1 SUBSEP $2
            if (!(k in count)) { order[++keys] = k; size[k] = $1; tool[k] = $2; load[k] = $7 }
            count[k]++; walls[k] = walls[k] " " $3; users[k] = users[k] " " $4; syss[k] = syss[k] " " $5
            if ($6 + 0 > rss[k] + 0) rss[k] = $6
            result[k] = $8
        }
        END {
            for (i = 1; i <= keys; i++) {
                k = order[i]
                note = result[k]
                if (count[k] > 1) note = note "; median of " count[k] " runs, walls" walls[k] " s"
                printf "%s\t%s\t%.2f\t%.2f\t%.2f\t%s\t%s\t%s\n", size[k], tool[k], median(walls[k]), median(users[k]), median(syss[k]), rss[k], load[k], note
            }
        }' "$runs" >>"$results"
    : >"$runs"
}

describe_infralint() {
    if [ -s "$dir/report.json" ]; then
        grep -m1 -o '"findings": *[0-9]*' "$dir/report.json" | sed 's/.*: */findings: /'
    else
        echo "exit $1, no report: $(tail -c 200 "$dir/stderr-infralint.txt" | tr '\n\t' '  ')"
    fi
}
describe_floor() {
    if [ "$1" = 0 ]; then cat "$dir/stdout-floor.txt"; else echo "exit $1: $(tail -c 200 "$dir/stderr-floor.txt" | tr '\n\t' '  ')"; fi
}
describe_spectral() {
    # Spectral exits 1 when it reports an error-severity problem; only a missing or cut report is a failure.
    if [ -s "$dir/spectral.json" ] && [ "$(tail -c 2 "$dir/spectral.json" | tr -d '\n')" = "]" ]; then
        echo "problems: $(grep -o '"code":' "$dir/spectral.json" | wc -l) in $(find "$dir/spectral" -type f | wc -l) single-document files"
    else
        echo "exit $1, no report: $(tail -c 200 "$dir/stderr-spectral.txt" | tr '\n\t' '  ')"
    fi
}

# The Spectral copy: YAML and JSON files only, multi-document files split at their "---" lines.
split_for_spectral() {
    local from=$1 to=$2
    (cd "$from" && find . -type d -print0 | (cd "$to" && xargs -0 mkdir -p))
    (cd "$from" && find . -type f \( -name '*.yaml' -o -name '*.yml' -o -name '*.json' \) -print0 | xargs -0 awk -v out="$to" '
        FNR == 1 { if (target != "") close(target); part = 0; lines = 0; target = out "/" FILENAME }
        /^---[ \t]*$/ {
            if (lines == 0) next
            close(target); part++; lines = 0
            target = out "/" FILENAME; sub(/\.(ya?ml)$/, "." part "&", target)
            next
        }
        { print > target; lines++ }')
}

IFS=, read -ra size_list <<<"$sizes"
for size in "${size_list[@]}"; do
    dir="$work/n$size"
    rm -rf "$dir"
    mkdir -p "$dir"
    echo "Generating $size files (seed $seed)" >&2
    dotnet "$gen" --repository "$dir/corpus" "$size" "$seed" >&2

    times=$repeat
    [ "$size" -gt 10000 ] && [ "$times" -gt 3 ] && times=3
    for run in $(seq "$times"); do
        timed "$size" infralint describe_infralint -- dotnet "$cli" scan corpus --format json --output report.json --fail-on none
        timed "$size" floor describe_floor -- dotnet "$floor" corpus
    done
    if [ -n "$spectral" ]; then
        mkdir -p "$dir/spectral"
        split_for_spectral "$dir/corpus" "$dir/spectral"
        # A larger V8 heap than Node's default, so that a large tree measures Spectral's memory rather than its limit.
        NODE_OPTIONS=--max-old-space-size=16384 timed "$size" spectral describe_spectral -- \
            "$spectral" lint --ruleset "$root/bench/scale/spectral-ruleset.yaml" --format json --output spectral.json \
            --quiet 'spectral/**/*.{yaml,yml,json}'
    fi
    fold_runs
    # The trees of a 100k run are large: keep only the numbers unless --keep asked for the files.
    [ -n "$keep" ] || rm -rf "$dir/corpus" "$dir/spectral" "$dir/report.json" "$dir/spectral.json"
done

# One file, as a whole process: the Release build (what `dotnet run` and the tests use), the packaged tool's layout and
# a full linux-x64 ReadyToRun publish (its entry assembly compiled too), 10 runs each, round-robin; the median wall and the engine build the tool reports under INFRALINT_TIMINGS=1.
one_file="$root/examples/kubernetes/llm-capacity.yaml"
echo "Publishing ReadyToRun for the one-file runs" >&2
dotnet publish "$root/src/InfraLint.Cli" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$work/r2r" --nologo -v quiet >/dev/null
declare -A one_walls one_engines last_time
for round in $(seq 10); do
    for build in jit tool r2r; do
        dll=$jit_cli
        [ "$build" = tool ] && dll=$cli
        [ "$build" = r2r ] && dll="$work/r2r/infralint.dll"
        t="$work/one-$build.txt"
        INFRALINT_TIMINGS=1 /usr/bin/time -f '%e %U %S %M' -o "$t" dotnet "$dll" scan "$one_file" --fail-on none >/dev/null 2>"$work/one-$build.err" || true
        one_walls[$build]+="$(cut -d' ' -f1 "$t") "
        one_engines[$build]+="$(sed -n 's/.*timing: engine build[^0-9]*[0-9]* rule classes) \([0-9.]*\) ms/\1/p' "$work/one-$build.err" | head -1) "
        last_time[$build]=$(cat "$t")
    done
done 2>/dev/null
median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{ v[NR] = $1 } END { if (NR == 0) print ""; else if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
for build in jit tool r2r; do
    wall=$(median <<<"${one_walls[$build]}")
    engine=$(median <<<"${one_engines[$build]}")
    read -r _ user sys rss <<<"${last_time[$build]}"
    load=$(cut -d' ' -f1 /proc/loadavg)
    label="infralint ($build)"
    [ "$build" = tool ] && label="infralint (packaged tool)"
    [ "$build" = r2r ] && label="infralint (ReadyToRun publish)"
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "1" "$label" "$wall" "$user" "$sys" "$rss" "$load" "median of 10 runs; engine build ${engine} ms (median)" >>"$results"
    printf '  one file, %s: median wall %s s, engine build %s ms\n' "$build" "$wall" "$engine" >&2
done

# The table and the ratios of issue 12's targets.
table=$(awk -F'\t' -v spectral_note="$spectral_note" '
    function mib(kb) { return sprintf("%d MiB", kb / 1024) }
    { wall[$1, $2] = $3; rss[$1, $2] = $6; rows[++n] = $0 }
    END {
        print "| files | tool | wall | user | sys | peak RSS | load avg | result |"
        print "|---:|---|---:|---:|---:|---:|---:|---|"
        for (i = 1; i <= n; i++) {
            split(rows[i], f, "\t")
            printf "| %s | %s | %.2f s | %.2f s | %.2f s | %s | %s | %s |\n", f[1], f[2], f[3], f[4], f[5], mib(f[6]), f[7], f[8]
        }
        print ""
        ratio("InfraLint / parse floor, wall, 10k files (target <= 1.5)", wall[10000, "infralint"], wall[10000, "floor"])
        ratio("Spectral / InfraLint, wall, 10k files (target >= 4)", wall[10000, "spectral"], wall[10000, "infralint"])
        ratio("InfraLint 100k / 10k, wall (target <= 11)", wall[100000, "infralint"], wall[10000, "infralint"])
        memory("InfraLint peak RSS, 10k files (target <= 250 MB)", rss[10000, "infralint"])
        memory("InfraLint peak RSS, 100k files (target <= 400 MB)", rss[100000, "infralint"])
        value("One file, Release build, median wall (target <= 0.35 s)", wall[1, "infralint (jit)"], "s", 1)
        value("One file, packaged tool, median wall (target <= 0.35 s)", wall[1, "infralint (packaged tool)"], "s", 1)
        value("One file, ReadyToRun publish, median wall (target <= 0.35 s)", wall[1, "infralint (ReadyToRun publish)"], "s", 1)
        if (spectral_note != "") print "\n" spectral_note
    }
    function value(label, v, unit, divisor) {
        if (v != "") printf "- %s: %.*f %s\n", label, unit == "s" ? 2 : 0, v / divisor, unit
        else printf "- %s: n/a (not measured in this run)\n", label
    }
    # /usr/bin/time reports KiB: both units, since the targets say MB (10^6 bytes) and the table MiB.
    function memory(label, kb) {
        if (kb != "") printf "- %s: %d MiB = %d MB\n", label, kb / 1024, kb * 1024 / 1000000
        else printf "- %s: n/a (not measured in this run)\n", label
    }
    function ratio(label, a, b) {
        if (a != "" && b != "" && b > 0) printf "- %s: %.2f\n", label, a / b
        else printf "- %s: n/a (not measured in this run)\n", label
    }' "$results")

header="$(nproc) cores, $(awk '/MemTotal/ { printf "%d GiB", $2 / 1048576 }' /proc/meminfo), $(date -u +%Y-%m-%d), seed $seed, \`bench/scale/run.sh --sizes $sizes\`"
echo
echo "$header"
echo
echo "$table"

if $write; then
    readme="$root/bench/README.md"
    section=$(
        echo "<!-- scale:begin (written by bench/scale/run.sh --write) -->"
        echo "## Scale: 1k / 10k / 100k files, InfraLint, the parse floor and Spectral side by side"
        echo
        echo "$header. Whole processes under \`/usr/bin/time -v\`; peak RSS is the maximum resident set of the process. InfraLint and the floor ran alternately, the number of times each row says: wall, user and sys are the medians of those runs, peak RSS the largest."
        echo
        echo "$table"
        echo "<!-- scale:end -->"
    )
    if grep -q '<!-- scale:begin' "$readme"; then
        awk -v section="$section" '
            /<!-- scale:begin/ { print section; skip = 1; next }
            /<!-- scale:end -->/ { skip = 0; next }
            !skip' "$readme" >"$readme.tmp"
    else
        { cat "$readme"; echo; echo "$section"; } >"$readme.tmp"
    fi
    mv "$readme.tmp" "$readme"
    echo "Written to $readme" >&2
fi
