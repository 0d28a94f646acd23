#!/usr/bin/env python3
"""Reads the logs bench/analyzer/run.sh wrote and prints the results as Markdown.

Usage: summarize.py LOG_DIR RUNS ANALYZER_FROM
"""
import datetime
import os
import re
import statistics
import subprocess
import sys

logs, runs, analyzer_from = sys.argv[1], int(sys.argv[2]), sys.argv[3]


def median(values):
    return statistics.median(values) if values else float("nan")


def p90(values):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.9 * (len(ordered) - 1)))] if ordered else float("nan")


def build(variant, run):
    text = open(os.path.join(logs, f"{variant}-{run}.log")).read()
    wall = open(os.path.join(logs, f"{variant}-{run}.wall")).read()
    total = re.search(r"Total analyzer execution time: ([\d.]+) seconds", text)
    ours = re.search(r"^\s+([\d.]+)\s+\d+\s+InfraLint\.Analyzers, Version=", text, re.M)
    csc = re.search(r"^\s+(\d+) ms\s+Csc\s+\d+ calls", text, re.M)
    warnings = len(set(re.findall(r"warning (IL\d{4}):", text)))
    findings = len(set(re.findall(r"^.*: warning IL\d{4}:.*$", text, re.M)))
    if "Build succeeded." not in text:
        sys.exit(f"{variant} build {run} failed: see {variant}-{run}.log")
    cpu = re.search(r"cpu_user_s=([\d.]+) cpu_sys_s=([\d.]+)", wall)
    return {
        "cpu": float(cpu.group(1)) + float(cpu.group(2)) if cpu else float("nan"),
        "wall": float(re.search(r"wall_s=([\d.]+)", wall).group(1)),
        "load": float(re.search(r"load=([\d.]+)", wall).group(1)),
        "analyzers": float(total.group(1)) if total else 0.0,
        "ours": float(ours.group(1)) if ours else 0.0,
        "csc": int(csc.group(1)) / 1000 if csc else float("nan"),
        "rules": warnings,
        "findings": findings,
    }


plain = [build("plain", r) for r in range(1, runs + 1)]
ours = [build("infralint", r) for r in range(1, runs + 1)]
out = []
cores = os.cpu_count()
sdk = subprocess.run(["dotnet", "--version"], capture_output=True, text=True).stdout.strip()
loads = [b["load"] for b in plain + ours]
out.append(f"Run {datetime.date.today().isoformat()}: {cores} cores, .NET SDK {sdk}, load average {min(loads):.1f}–{max(loads):.1f} "
           f"during the builds (other builds running); analyzer from the {analyzer_from.strip()}.")
out.append("")
out.append("Builds (`dotnet build -c Release --no-restore --no-incremental -nr:false -p:ReportAnalyzer=true -p:UseSharedCompilation=false -v:d -clp:PerformanceSummary`):")
out.append("")
out.append("| run | analyzer | build wall | build CPU | Csc task | all analyzers | InfraLint | InfraLint / all analyzers | InfraLint findings | load |")
out.append("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|")
for r in range(runs):
    for name, b in (("without", plain[r]), ("with InfraLint", ours[r])):
        share = f"{100 * b['ours'] / b['analyzers']:.0f}%" if b["ours"] else "–"
        found = f"{b['findings']} ({b['rules']} rules)" if b["ours"] else "–"
        out.append(f"| {r + 1} | {name} | {b['wall']:.1f} s | {b['cpu']:.1f} s | {b['csc']:.1f} s | {b['analyzers']:.2f} s | {b['ours']:.2f} s | {share} | {found} | {b['load']:.1f} |")
out.append("")
wall_without, wall_with = median([b["wall"] for b in plain]), median([b["wall"] for b in ours])
csc_without, csc_with = median([b["csc"] for b in plain]), median([b["csc"] for b in ours])
ours_time, all_time = median([b["ours"] for b in ours]), median([b["analyzers"] for b in ours])
out.append("Medians:")
out.append("")
out.append("| measure | value |")
out.append("|---|---:|")
out.append(f"| build wall without / with InfraLint | {wall_without:.1f} s / {wall_with:.1f} s |")
out.append(f"| build wall added by InfraLint | {wall_with - wall_without:+.1f} s ({100 * (wall_with - wall_without) / wall_without:+.1f}%) |")
cpu_without, cpu_with = median([b["cpu"] for b in plain]), median([b["cpu"] for b in ours])
out.append(f"| build CPU (user + system) without / with InfraLint | {cpu_without:.1f} s / {cpu_with:.1f} s |")
out.append(f"| build CPU added by InfraLint | {cpu_with - cpu_without:+.1f} s ({100 * (cpu_with - cpu_without) / cpu_without:+.1f}%) |")
out.append(f"| Csc task without / with InfraLint | {csc_without:.1f} s / {csc_with:.1f} s ({100 * (csc_with - csc_without) / csc_without:+.1f}%) |")
out.append(f"| InfraLint's reported analyzer time / all analyzers | {ours_time:.2f} s / {all_time:.2f} s = {100 * ours_time / all_time:.0f}% |")
out.append(f"| InfraLint's reported analyzer time / build wall with it (target <= 3%) | {100 * ours_time / wall_with:.1f}% |")
out.append("")

engine = [float(m.group(1)) for m in re.finditer(r"build_ms=([\d.]+)", open(os.path.join(logs, "engine.txt")).read())]
rules = re.search(r"rules=(\d+)", open(os.path.join(logs, "engine.txt")).read()).group(1)
out.append(f"Rule engine build on a cold process (`new RuleEngine(new[] {{ RuleSet.Assembly }})`, {rules} rules, NRules' default "
           f"compiler, {len(engine)} processes): median {median(engine):.0f} ms, min {min(engine):.0f} ms, max {max(engine):.0f} ms.")
out.append("")

files = open(os.path.join(logs, "files.txt")).read()
by_kind = {}
for m in re.finditer(r"^file kind=(\w+) first=(\w+) bind_ms=([\d.]+) wall_ms=([\d.]+) analyzer_ms=(-?[\d.]+) diagnostics=(\d+)", files, re.M):
    kind, first = m.group(1), m.group(2) == "True"
    if first:
        continue  # the compilation-start action runs with the first file
    by_kind.setdefault(kind, []).append((float(m.group(5)), float(m.group(4)), int(m.group(6))))
warm = re.search(r"^warmup whole_ms=([\d.]+) analyzer_ms=([\d.]+) diagnostics=(\d+)", files, re.M)
end = re.search(r"^end wall_ms=([\d.]+) analyzer_ms=(-?[\d.]+) diagnostics=(\d+)", files, re.M)
total = re.search(r"^total analyzer_ms=([\d.]+)", files, re.M)
out.append("In-process, InfraLint alone (`InfraLint.Bench.Analyzer files`, CompilationWithAnalyzers on Roslyn 4.8, "
           "analyzer execution time from the analyzer telemetry, after a warm-up pass over the whole compilation; "
           "the first file, which also runs the compilation-start action, left out):")
out.append("")
out.append("| files | count | median | p90 | max | findings |")
out.append("|---|---:|---:|---:|---:|---:|")
for kind, label in (("kubernetes", "KubernetesClient (C#)"), ("cdk", "AWS CDK (C#)"), ("plain", "plain C#"), ("yaml", "YAML AdditionalFiles")):
    rows = by_kind.get(kind, [])
    times = [r[0] for r in rows]
    if rows:
        out.append(f"| {label} | {len(rows)} | {median(times):.2f} ms | {p90(times):.2f} ms | {max(times):.2f} ms | {sum(r[2] for r in rows)} |")
out.append("")
if warm and total:
    out.append(f"The same analyzer on the whole compilation: cold (first pass in the process, concurrent like a build) "
               f"{float(warm.group(2)) / 1000:.2f} s of analyzer time; warm, file by file, {float(total.group(1)) / 1000:.2f} s.")
split_path = os.path.join(logs, "split.txt")
if os.path.exists(split_path):
    rows = {}
    for m in re.finditer(r"^split kind=(\w+) facts=(\d+) read_ms=([\d.]+) evaluate_ms=([\d.]+) engine_run_ms=([\d.]+)", open(split_path).read(), re.M):
        rows.setdefault(m.group(1), []).append(tuple(float(m.group(i)) for i in range(2, 6)))
    out.append("")
    out.append("Where a warm infrastructure file's time goes (`InfraLint.Bench.Analyzer split`, outside the analyzer driver, third round; medians):")
    out.append("")
    out.append("| files | facts | read with the semantic model | scanner evaluation (one session) | of which the engine run |")
    out.append("|---|---:|---:|---:|---:|")
    for kind, label in (("kubernetes", "KubernetesClient (C#)"), ("cdk", "AWS CDK (C#)")):
        if kind in rows:
            r = rows[kind]
            out.append(f"| {label} | {median([x[0] for x in r]):.0f} | {median([x[1] for x in r]):.2f} ms | {median([x[2] for x in r]):.2f} ms | {median([x[3] for x in r]):.2f} ms |")
    across = re.search(r"^across files=(\d+) facts=(\d+) evaluate_ms=([\d.]+) findings=(\d+)", open(split_path).read(), re.M)
    if across:
        out.append(f"| all {across.group(1)} together, as the compilation-end pass evaluates them | {across.group(2)} | | {float(across.group(3)):.1f} ms | |")
cold_path = os.path.join(logs, "cold.txt")
if os.path.exists(cold_path):
    cold = {}
    for m in re.finditer(r"^cold concurrent=\w+ prebuilt_engine=(\w+) errors=\d+ bind_ms=(\d+) engine_ms=(\d+) pass_wall_ms=(\d+) analyzer_ms=(\d+)", open(cold_path).read(), re.M):
        cold.setdefault(m.group(1) == "True", []).append(tuple(int(m.group(i)) for i in range(2, 6)))
    out.append("")
    out.append("One concurrent analyzer pass over the whole compilation on a fresh process, binding done before (`cold` / `cold-prebuilt`; medians of 3 processes):")
    out.append("")
    out.append("| engine | engine build before the pass | pass wall | InfraLint's analyzer time |")
    out.append("|---|---:|---:|---:|")
    for prebuilt, label in ((False, "built lazily by the first callback that needs it (as in a build)"), (True, "built before the pass")):
        if prebuilt in cold:
            r = cold[prebuilt]
            out.append(f"| {label} | {median([x[1] for x in r]):.0f} ms | {median([x[2] for x in r]):.0f} ms | {median([x[3] for x in r]):.0f} ms |")
print("\n".join(out))
