#!/usr/bin/env python3
"""Precision of InfraLint's findings on real files, measured by hand-judging a stratified sample.

  draw    SCAN.json OUT.tsv [--seed N] [--size N] [--min-per-rule N]
          Draws a stratified sample (strata = rules) from a `scan --format json` report and writes it as a TSV
          with empty verdict and reason columns for a person to fill in. Each rule that fires gets at least
          --min-per-rule findings (all of them when it has fewer); the rest of --size is shared in proportion to
          each rule's count. The same report and seed always give the same sample.
  render  FIRST.tsv BEFORE.json AFTER.json OUT.md [--second SECOND.tsv] [--notes NOTES.md]
          Writes the precision page: rates for both samples, the per-rule table, every judged finding, and
          corpus findings per rule before and after.

Verdicts: real (correct, and someone deploying this file should act on it: change it or record why not),
wrong (the finding says something false: a present setting called missing, a wrong role, a wrong number or term),
noise (true, but not worth anyone's time on this file).
"""
import argparse
import collections
import csv
import json
import random
import sys

FIELDS = ["rule", "file", "line", "column", "message", "verdict", "reason"]
VERDICTS = ("real", "wrong", "noise")


def findings(path):
    with open(path, encoding="utf-8") as f:
        report = json.load(f)
    return report["findings"] if isinstance(report, dict) else report


def corpus_relative(path):
    """Corpus paths are kept relative to the corpus folder, wherever the scan ran from."""
    marker = "corpus/"
    i = path.find(marker)
    return path[i + len(marker):] if i >= 0 else path


def allocation(counts, size, minimum):
    total = sum(counts.values())
    share = {rule: min(n, max(minimum, round(size * n / total))) for rule, n in counts.items()}
    # Rounding can leave the sample short of --size: top up the largest strata first, one at a time.
    for rule in sorted(counts, key=lambda r: (-counts[r], r)):
        if sum(share.values()) >= size:
            break
        if share[rule] < counts[rule]:
            share[rule] += 1
    return share


def draw(args):
    items = findings(args.scan)
    by_rule = collections.defaultdict(list)
    for f in items:
        by_rule[f["ruleId"]].append(f)
    share = allocation({r: len(v) for r, v in by_rule.items()}, args.size, args.min_per_rule)
    rng = random.Random(args.seed)
    rows = []
    for rule in sorted(by_rule):
        pool = sorted(by_rule[rule], key=lambda f: (f["file"], f["startLine"], f["startColumn"], f["message"]))
        for f in sorted(rng.sample(pool, share[rule]), key=lambda f: (f["file"], f["startLine"], f["startColumn"])):
            rows.append({
                "rule": rule,
                "file": corpus_relative(f["file"]),
                "line": f["startLine"],
                "column": f["startColumn"],
                "message": " ".join(f["message"].split()),
                "verdict": "",
                "reason": "",
            })
    with open(args.out, "w", encoding="utf-8", newline="") as out:
        w = csv.DictWriter(out, FIELDS, delimiter="\t", lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    print(f"{len(rows)} findings from {len(by_rule)} rules ({len(items)} in the report) -> {args.out}")


def read_sample(path):
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    bad = [r for r in rows if r["verdict"] not in VERDICTS or not r["reason"].strip()]
    if bad:
        sys.exit(f"{path}: {len(bad)} finding(s) without a verdict ({'/'.join(VERDICTS)}) and a reason, "
                 f"first: {bad[0]['rule']} {bad[0]['file']}:{bad[0]['line']}")
    return rows


def rates(rows):
    c = collections.Counter(r["verdict"] for r in rows)
    n = len(rows)
    return c, n, {v: (100.0 * c[v] / n if n else 0.0) for v in VERDICTS}


def weighted(rows, counts):
    """The rate over all findings, weighting each rule's stratum by how many findings the rule produced."""
    per_rule = collections.defaultdict(list)
    for r in rows:
        per_rule[r["rule"]].append(r)
    total = sum(counts.get(rule, 0) for rule in per_rule)
    out = {}
    for v in VERDICTS:
        s = sum(counts.get(rule, 0) * sum(1 for r in rs if r["verdict"] == v) / len(rs) for rule, rs in per_rule.items())
        out[v] = 100.0 * s / total if total else 0.0
    return out


def table_row(cells):
    return "| " + " | ".join(str(c).replace("|", "\\|") for c in cells) + " |"


def render(args):
    first = read_sample(args.first)
    second = read_sample(args.second) if args.second else []
    before = collections.Counter(f["ruleId"] for f in findings(args.before))
    after = collections.Counter(f["ruleId"] for f in findings(args.after))
    lines = ["# Precision on real files", ""]
    if args.notes:
        with open(args.notes, encoding="utf-8") as f:
            lines += [f.read().rstrip(), ""]
    lines += ["## Summary", "",
              "| sample | findings judged | real | wrong | noise | real, weighted by rule volume | wrong, weighted |",
              "|---|---:|---:|---:|---:|---:|---:|"]
    for name, rows, counts in (("first (before)", first, before), ("second (after)", second, after)):
        if not rows:
            continue
        c, n, p = rates(rows)
        w = weighted(rows, counts)
        lines.append(table_row([name, n, f"{c['real']} ({p['real']:.1f}%)", f"{c['wrong']} ({p['wrong']:.1f}%)",
                                f"{c['noise']} ({p['noise']:.1f}%)", f"{w['real']:.1f}%", f"{w['wrong']:.1f}%"]))
    lines += ["", "## Corpus findings per rule", "",
              "| rule | before | after | first sample: real / wrong / noise | second sample: real / wrong / noise |",
              "|---|---:|---:|---|---|"]
    for rule in sorted(set(before) | set(after)):
        def verdicts(rows):
            c = collections.Counter(r["verdict"] for r in rows if r["rule"] == rule)
            return f"{c['real']} / {c['wrong']} / {c['noise']}" if c else "–"
        lines.append(table_row([rule, before.get(rule, 0), after.get(rule, 0), verdicts(first), verdicts(second)]))
    lines.append(table_row(["total", sum(before.values()), sum(after.values()), "", ""]))
    for title, rows in (("First sample (before the changes)", first), ("Second sample (after the changes)", second)):
        if not rows:
            continue
        lines += ["", f"## {title}", "", "| # | finding | rule | verdict | reason | message |", "|---:|---|---|---|---|---|"]
        for i, r in enumerate(rows, 1):
            lines.append(table_row([i, f"`{r['file']}:{r['line']}:{r['column']}`", r["rule"], r["verdict"], r["reason"], r["message"]]))
    with open(args.out, "w", encoding="utf-8") as out:
        out.write("\n".join(lines) + "\n")
    print(f"wrote {args.out}")


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="command", required=True)
    d = sub.add_parser("draw")
    d.add_argument("scan")
    d.add_argument("out")
    d.add_argument("--seed", type=int, default=20261130)
    d.add_argument("--size", type=int, default=110)
    d.add_argument("--min-per-rule", type=int, default=3)
    r = sub.add_parser("render")
    for a in ("first", "before", "after", "out"):
        r.add_argument(a)
    r.add_argument("--second")
    r.add_argument("--notes")
    args = p.parse_args()
    draw(args) if args.command == "draw" else render(args)


if __name__ == "__main__":
    main()
