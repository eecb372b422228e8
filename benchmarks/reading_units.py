"""Measure how contracts are READ into clause units (no rules run): unit sizes, units per document,
numbering recovered, and where the labelled traps sit in the units.

    .venv/bin/python benchmarks/reading_units.py [CORPUS_DIR ...] [--split dev] [--ids REGEX] [--by-doc]

Per group of documents (language and id range: en-0xx…8xx, zh repository, zh-7xx, zh-8xx, …):

- units per document (mean), unit length in characters (median, 90th percentile, largest);
- long units: units over LONG characters, and the share of the text that sits in them;
- numbering: the share of units with a clause number, and of the text in numbered units;
- duplicate labels: units whose reported clause label another unit of the document also has;
- traps: how many have a quote that no single unit holds ("split": the quote runs over two
  units), and how many sit in a unit over LONG characters ("in long").

The reading is the one `score_real.py` scores: text_blocks -> split_clauses -> units_from_clauses.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from score_real import DEFAULT, covers, documents  # noqa: E402

from bidassist.checklist.units import units_from_clauses  # noqa: E402
from bidassist.reading import split_clauses, text_blocks  # noqa: E402

#: a unit longer than this is "long": one finding on it stands for a page of text
LONG = 800


@dataclass
class Group:
    docs: int = 0
    units: list[int] = field(default_factory=list)  # unit lengths
    numbered: int = 0
    numbered_chars: int = 0
    dup_labels: int = 0
    traps: int = 0
    split_traps: int = 0
    long_traps: int = 0


def group_of(lang: str, doc_id: str, corpus: Path) -> str:
    m = re.search(r"-(\d)\d\d$", doc_id)
    hundreds = m.group(1) if m else "?"
    where = "repo" if corpus.resolve() == DEFAULT.resolve() else "outside"
    if where == "repo" and hundreds < "8":
        return f"{lang} {where} 0-7xx"
    return f"{lang} {where} {hundreds}xx"


def measure(text: str, name: str, labels: dict, g: Group) -> dict:
    units = units_from_clauses(split_clauses(text_blocks(text, name)))
    g.docs += 1
    sizes = [len(u.text) for u in units]
    g.units.extend(sizes)
    g.numbered += sum(1 for u in units if u.clause)
    g.numbered_chars += sum(len(u.text) for u in units if u.clause)
    labels_seen = Counter(u.clause for u in units if u.clause)
    g.dup_labels += sum(n for n in labels_seen.values() if n > 1)
    split = long = 0
    for t in labels.get("traps") or []:
        holders = [u for u in units if covers(u.text, t["quote"])]
        g.traps += 1
        if not holders:
            split += 1
        elif all(len(u.text) > LONG for u in holders):
            long += 1
    g.split_traps += split
    g.long_traps += long
    return {
        "units": len(units),
        "long": sum(1 for s in sizes if s > LONG),
        "numbered": sum(1 for u in units if u.clause) / max(1, len(units)),
        "split": split,
        "long_traps": long,
        "traps": len(labels.get("traps") or []),
        "max": max(sizes, default=0),
    }


def pct(values: list[int], q: float) -> int:
    if not values:
        return 0
    s = sorted(values)
    return s[min(len(s) - 1, int(q * len(s)))]


def print_group(name: str, g: Group) -> None:
    total = sum(g.units) or 1
    long_units = [s for s in g.units if s > LONG]
    print(
        f"{name:18} docs {g.docs:3}  units/doc {len(g.units) / max(1, g.docs):6.1f}  "
        f"len median {int(statistics.median(g.units)) if g.units else 0:4} p90 {pct(g.units, 0.9):5} "
        f"max {max(g.units, default=0):6}  long {len(long_units):4} ({sum(long_units) / total:4.0%} of text)  "
        f"numbered {g.numbered / max(1, len(g.units)):4.0%} ({g.numbered_chars / total:4.0%} of text)  "
        f"dup-labels {g.dup_labels:4}  traps {g.traps:4} split {g.split_traps:3} in-long {g.long_traps:3}"
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="*", type=Path)
    ap.add_argument("--split", default="dev")
    ap.add_argument("--ids", help="only documents whose id matches this regex (re.search)")
    ap.add_argument("--by-doc", action="store_true", help="one line per document too")
    args = ap.parse_args(argv)
    groups: dict[str, Group] = defaultdict(Group)
    for corpus in args.corpus or [DEFAULT]:
        for lang, labels, path in documents(corpus, args.split):
            doc_id = labels.get("id", path.stem)
            if args.ids and not re.search(args.ids, doc_id):
                continue
            name = group_of(lang, doc_id, corpus)
            row = measure(path.read_text(encoding="utf-8"), path.name, labels, groups[name])
            if args.by_doc:
                print(
                    f"  {doc_id}: units {row['units']} long {row['long']} max {row['max']} "
                    f"numbered {row['numbered']:.0%} traps {row['traps']} split {row['split']} "
                    f"in-long {row['long_traps']}"
                )
    for name in sorted(groups):
        print_group(name, groups[name])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
