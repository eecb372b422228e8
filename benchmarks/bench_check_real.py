"""Contract check on the REAL dev contracts: MB/s with each contract's own party words, beside the
same contracts checked again with their rule-set variant already built (same run).

    .venv/bin/python benchmarks/bench_check_real.py [--rounds 3] [--limit N] [--no-model]
        [--profile N] [--json FILE]

The contracts are benchmarks/corpora/contracts/{zh,en}/*.txt whose labels say `split: dev`, each
checked with its labelled supplier_party as "we" (as `score_real.py` and `check --we` do). A
contract whose parties have their own words (甲方/乙方 renamed, "the Contractor") gets its own
rule-set variant (`RuleSet.for_roles`): the patterns naming a role are recompiled with those
words and a new keyword scanner is built for it. The generated corpus of `bench_check.py` shares one
set of party words, so it never pays for that; a user checking a folder of real contracts pays it
for nearly every file.

- `first check` (the figure): every contract checked once with the caches of earlier variants
  cleared, as a folder check meets it.
- `variant built` (the baseline): the same contract checked again at once, its variant and
  scanners cached: the cost the benchmark corpus sees. The ratio is what the per-contract
  variants cost. Both report the same findings (checked).
- `--profile N`: a cProfile of the first N contracts' first checks, by stage.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import statistics
import sys
import time
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

from _common import Figure, emit  # noqa: E402

from bidassist.checklist import load_packs  # noqa: E402
from bidassist.checklist import scan as scan_mod  # noqa: E402
from bidassist.checklist.api import check_text  # noqa: E402
from bidassist.checklist.rules import RuleSet  # noqa: E402

CORPUS = ROOT / "benchmarks" / "corpora" / "contracts"
#: cProfile stages: (name, function names whose cumulative time is the stage); inner stages first
STAGES = [
    ("variant: recompile role patterns", ("for_roles",)),
    ("variant: scanner build", ("scanner_for",)),
    ("parties", ("contract_parties",)),
    ("clause rules (less the scanner build)", ("check_units",)),
    ("clause model", ("_with_model",)),
    ("document rules", ("apply_document_rules",)),
    ("reading + splitting", ("text_blocks_and_headings", "split_clauses")),
]


def dev_contracts(limit: int | None = None) -> list[tuple[str, str, str | None]]:
    """(name, text, supplier_party) of every dev contract (.txt), sorted by path."""
    out: list[tuple[str, str, str | None]] = []
    for lang in ("en", "zh"):
        for labels_path in sorted((CORPUS / lang).glob("*.labels.yaml")):
            labels = yaml.safe_load(labels_path.read_text(encoding="utf-8")) or {}
            text_path = labels_path.with_name(labels_path.name.replace(".labels.yaml", ".txt"))
            if labels.get("split") != "dev" or not text_path.exists():
                continue
            out.append((text_path.name, text_path.read_text(encoding="utf-8"), labels.get("supplier_party")))
    return out[:limit] if limit else out


def clear_variants(rules: RuleSet) -> None:
    """Forget every built variant, its compiled patterns and scanners (the shared rule set's
    scanners are kept): each round meets the contracts as a fresh folder check does."""
    rules._variants.clear()
    getattr(rules, "_compiled", {}).clear()
    for key in [k for k, (rs, _) in scan_mod._SCANNERS.items() if rs is not rules]:
        del scan_mod._SCANNERS[key]


def one_round(rules: RuleSet, contracts, model: bool) -> tuple[float, float, int]:
    """CPU of the first checks, CPU of the repeated checks, findings (checked equal)."""
    first = again = 0.0
    findings = 0
    clear_variants(rules)
    for name, text, we in contracts:
        t = time.process_time()
        a = check_text(text, rules, name=name, we=we, model=model, we_strict=False)
        first += time.process_time() - t
        t = time.process_time()
        b = check_text(text, rules, name=name, we=we, model=model, we_strict=False)
        again += time.process_time() - t
        if json.dumps(a.to_json(), ensure_ascii=False) != json.dumps(
            b.to_json(), ensure_ascii=False
        ):  # pragma: no cover - a cache bug
            raise SystemExit(f"{name}: the second check differs from the first")
        findings += len(a.findings)
    return first, again, findings


def profile(rules: RuleSet, contracts, model: bool) -> None:
    clear_variants(rules)
    prof = cProfile.Profile(time.process_time)
    t = time.process_time()
    prof.enable()
    for name, text, we in contracts:
        check_text(text, rules, name=name, we=we, model=model)
    prof.disable()
    total = time.process_time() - t
    stats = pstats.Stats(prof).stats  # type: ignore[attr-defined]
    cum: dict[str, float] = {}
    for (_file, _line, func), (_cc, _nc, _tt, ct, _callers) in stats.items():
        cum[func] = max(cum.get(func, 0.0), ct)
    whole = sum(v[3] for k, v in stats.items() if k[2] == "check_text")
    print(f"profile  : {len(contracts)} contracts, {total:.2f} s CPU under cProfile; share of check_text:")
    scanner = cum.get("scanner_for", 0.0)
    for name, funcs in STAGES:
        sec = sum(cum.get(f, 0.0) for f in funcs)
        if name.startswith("clause rules"):
            sec -= scanner  # the scanner is built inside check_units
        print(f"  {name:40s} {sec:7.2f} s  {sec / whole * 100:5.1f} %")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=3, help="timed rounds; the median is reported")
    ap.add_argument("--limit", type=int, default=None, help="the first N dev contracts only")
    ap.add_argument("--no-model", action="store_true", help="rules only (as score_real.py --no-model)")
    ap.add_argument("--profile", type=int, default=0, help="cProfile the first N contracts by stage")
    ap.add_argument("--json", default=None, help="append the figure as a JSON line to this file (figures.py)")
    args = ap.parse_args(argv)
    rules = load_packs()
    contracts = dev_contracts(args.limit)
    mb = sum(len(t.encode("utf-8")) for _, t, _ in contracts) / 1e6
    model = not args.no_model
    print(
        f"{len(contracts)} real dev contracts, {mb:.2f} MB, each with its supplier party as --we; "
        f"{'rules + clause model' if model else 'rules only'}; CPU time, median of {args.rounds}"
    )
    for name, text, _we in contracts[:1] + [c for c in contracts if c[0].startswith("zh")][:1]:
        check_text(text, rules, name=name, model=model)  # the shared scanners and the model, once
    firsts, agains = [], []
    findings = 0
    for _ in range(args.rounds):
        first, again, findings = one_round(rules, contracts, model)
        firsts.append(first)
        agains.append(again)
    first_s, again_s = statistics.median(firsts), statistics.median(agains)
    n = len(contracts)
    print(
        f"first check   : {mb / first_s:6.2f} MB/s  ({first_s:.2f} s, {first_s / n * 1000:.0f} ms a contract)"
    )
    print(
        f"variant built : {mb / again_s:6.2f} MB/s  ({again_s:.2f} s, {again_s / n * 1000:.0f} ms a contract) "
        f"-> the variants cost {first_s / again_s:.2f}x; {findings} findings in both"
    )
    if args.profile:
        profile(rules, contracts[: args.profile], model)
    what = "rules + clause model" if model else "rules only"
    fig = Figure(
        work=f"real contracts check, {n} dev contracts ({mb:.1f} MB), each with its own party words, {what}: "
        f"{mb / first_s:.2f} MB/s (median of {args.rounds})",
        now=first_s,
        floor=again_s,
        floor_what=f"the same contracts checked again, their rule-set variant built: {mb / again_s:.2f} MB/s",
        target="the variant's cost ≈ 1×",
        command="benchmarks/bench_check_real.py" + (" --no-model" if args.no_model else ""),
    )
    emit([fig], args.json)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
