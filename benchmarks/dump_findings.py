"""Dump the findings and key terms of `check_text` over every in-repo contract (the real and the
synthetic corpus, each checked as is and, when its labels name one, with its supplier party as
`we`) and over bench_check.py's generated contracts, as JSON: the before/after record of an
engine change that must not change a finding.

    .venv/bin/python benchmarks/dump_findings.py OUT.json [--contracts 500] [--every 1] [--corpus DIR ...]
    .venv/bin/python benchmarks/dump_findings.py --compare A.json B.json
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

from bench_check import make_contracts  # noqa: E402

from bidassist.checklist import check_text, load_packs  # noqa: E402
from bidassist.checklist.result import CheckResult, json_number  # noqa: E402

CORPORA = [
    ROOT / "benchmarks" / "corpora" / "contracts",
    ROOT / "benchmarks" / "corpora" / "contracts_synthetic",
]


def record(result: CheckResult) -> dict:
    return {
        "findings": [
            [
                f.rule,
                f.category,
                f.clause,
                f.location,
                f.matched,
                f.text,
                f.severity,
                f.source,
                None if f.confidence is None else round(f.confidence, 6),
                json_number(f.value),
                json_number(f.threshold),
                f.language,
            ]
            for f in result.findings
        ],
        "terms": [[t.type, t.clause, t.location, t.language, json_number(t.values)] for t in result.clauses],
        "clauses": result.clause_count,
        "parties": result.parties,
        "notes": [str(n) for n in result.notes],
    }


def corpus_cases(extra: tuple[Path, ...] = ()) -> list[tuple[str, str, str | None]]:
    """Every contract of the in-repo corpora and of `extra` folders laid out the same way
    (zh/, en/: e.g. the fetched corpus /work/corpus/contracts, named by its full path)."""
    out: list[tuple[str, str, str | None]] = []
    for corpus in [*CORPORA, *extra]:
        for path in sorted(corpus.glob("*/*.txt")):
            text = path.read_text(encoding="utf-8")
            name = f"{corpus.name if corpus in CORPORA else corpus}/{path.parent.name}/{path.name}"
            out.append((name, text, None))
            labels = path.with_name(path.name.replace(".txt", ".labels.yaml"))
            if labels.exists():
                we = (yaml.safe_load(labels.read_text(encoding="utf-8")) or {}).get("supplier_party")
                if we:
                    out.append((f"{name} --we", text, we))
    return out


def dump(out: Path, contracts: int, every: int = 1, extra: tuple[Path, ...] = ()) -> None:
    rules = load_packs()
    cases = corpus_cases(extra)[::every]
    if contracts:
        gen = make_contracts(rules, contracts, 50_000, 1)
        cases += [(f"bench/c{i}", text, None) for i, text in enumerate(gen, 1)]
    got: dict[str, dict] = {}
    t0 = time.process_time()
    for name, text, we in cases:
        got[name] = record(check_text(text, rules, name=name, we=we, we_strict=False))
    cpu = time.process_time() - t0
    out.write_text(json.dumps(got, ensure_ascii=False, indent=0, sort_keys=True), encoding="utf-8")
    n = sum(len(v["findings"]) for v in got.values())
    print(f"{len(got)} checks, {n} findings, {cpu:.1f} s CPU -> {out}")


def compare(a: Path, b: Path) -> int:
    x = json.loads(a.read_text(encoding="utf-8"))
    y = json.loads(b.read_text(encoding="utf-8"))
    bad = sorted(k for k in x.keys() | y.keys() if x.get(k) != y.get(k))
    for k in bad[:20]:
        print(f"differs: {k}")
    print(f"{len(x)} vs {len(y)} checks; {len(bad)} differ")
    return 1 if bad else 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", nargs="?")
    ap.add_argument("--contracts", type=int, default=500)
    ap.add_argument("--every", type=int, default=1, help="every Nth corpus check only (a quick run)")
    ap.add_argument("--compare", nargs=2, default=None)
    ap.add_argument(
        "--corpus", type=Path, action="append", default=[], help="a further corpus folder (zh/, en/)"
    )
    args = ap.parse_args(argv)
    if args.compare:
        return compare(Path(args.compare[0]), Path(args.compare[1]))
    dump(Path(args.out), args.contracts, args.every, tuple(args.corpus))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
