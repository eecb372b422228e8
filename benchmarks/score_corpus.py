"""Score the rule packs on a labelled clause corpus: recall on traps and false-positive rate on
their harmless twins, per category.

    .venv/bin/python benchmarks/score_corpus.py [CORPUS_DIR_OR_FILE ...] [--packs DIR]

Default corpora: tests/checklist/corpus_zh and tests/checklist/corpus_en (when present).
A corpus file is YAML:

    language: zh                      # optional: force the packs' language (default: by script)
    items:
      - {category: retention.excessive, label: trap, text: 甲方预留结算总价的百分之十作为质量保证金。}
      - {category: retention.excessive, label: twin, text: 甲方预留结算总价的百分之三作为质量保证金。}

(`label` is trap or twin; `categories: [...]` may replace `category`; `.jsonl` files with the same
fields per line are read too.) Each item is checked as one clause.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bidassist.checklist import load_packs  # noqa: E402
from bidassist.checklist.engine import Unit, check_unit  # noqa: E402
from bidassist.core.yamlfile import load_yaml  # noqa: E402

DEFAULT = [ROOT / "tests" / "checklist" / "corpus_zh", ROOT / "tests" / "checklist" / "corpus_en"]


def read_items(path: Path) -> list[dict]:
    files = (
        sorted(p for p in path.rglob("*") if p.suffix in (".yaml", ".yml", ".jsonl"))
        if path.is_dir()
        else [path]
    )
    items: list[dict] = []
    for f in files:
        if f.suffix == ".jsonl":
            rows = [json.loads(line) for line in f.read_text(encoding="utf-8").splitlines() if line.strip()]
            lang = None
        else:
            data = load_yaml(f).data or {}
            if not isinstance(data, dict) or not isinstance(data.get("items"), list):
                continue  # not a labelled clause corpus (e.g. another tool's file)
            rows, lang = data["items"], data.get("language")
        for i, row in enumerate(rows):
            if not isinstance(row, dict) or "text" not in row or row.get("label") not in ("trap", "twin"):
                continue
            cats = row.get("categories") or [row.get("category")]
            items.append(
                {
                    "text": row["text"],
                    "label": row["label"],
                    "categories": [c for c in cats if c],
                    "language": row.get("language", lang),
                    "where": f"{f.name}#{i}",
                }
            )
    return items


def score(items: list[dict], rules) -> dict[str, dict]:
    table: dict[str, dict] = defaultdict(
        lambda: {"traps": 0, "hit": 0, "twins": 0, "fp": 0, "misses": [], "false": []}
    )
    for item in items:
        langs = {item["language"]} if item["language"] in ("zh", "en") else None
        findings, _ = check_unit(Unit(text=item["text"]), rules, languages=langs)
        found = {f.category for f in findings}
        for cat in item["categories"]:
            row = table[cat]
            if item["label"] == "trap":
                row["traps"] += 1
                if cat in found:
                    row["hit"] += 1
                else:
                    row["misses"].append(item["where"])
            else:
                row["twins"] += 1
                if cat in found:
                    row["fp"] += 1
                    row["false"].append(item["where"])
    return table


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="*", type=Path)
    ap.add_argument("--packs", type=Path, action="append")
    ap.add_argument("-v", "--verbose", action="store_true", help="list missed traps and flagged twins")
    args = ap.parse_args(argv)
    rules = load_packs(args.packs)
    paths = args.corpus or [p for p in DEFAULT if p.exists()]
    for path in paths:
        items = read_items(path)
        if not items:
            print(f"{path}: no labelled items")
            continue
        table = score(items, rules)
        print(f"\n{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}: {len(items)} items")
        print(f"{'category':32} {'traps':>5} {'recall':>7} {'twins':>5} {'FP rate':>7}")
        tot = {"traps": 0, "hit": 0, "twins": 0, "fp": 0}
        for cat in sorted(table):
            r = table[cat]
            for k in tot:
                tot[k] += r[k]
            recall = f"{r['hit'] / r['traps']:.2f}" if r["traps"] else "—"
            fpr = f"{r['fp'] / r['twins']:.2f}" if r["twins"] else "—"
            print(f"{cat:32} {r['traps']:>5} {recall:>7} {r['twins']:>5} {fpr:>7}")
            if args.verbose:
                for w in r["misses"]:
                    print(f"    missed: {w}")
                for w in r["false"]:
                    print(f"    false positive: {w}")
        recall = tot["hit"] / tot["traps"] if tot["traps"] else 0.0
        fpr = tot["fp"] / tot["twins"] if tot["twins"] else 0.0
        print(f"{'TOTAL':32} {tot['traps']:>5} {recall:>7.2f} {tot['twins']:>5} {fpr:>7.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
