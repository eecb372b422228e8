"""Audit the checklist rule by rule on labelled contracts: for every rule, how many of its findings
land on a labelled trap of their category (right), on a labelled look-alike (look) or on neither
(false), worst first. Where `score_real.py` says which categories are weak, this says which rule
makes the noise: a rule whose development findings are mostly wrong is the first place to look for
a kind it misreads (session 32 found the bond rules reading a forfeiture's figures as the bond's size).

    .venv/bin/python benchmarks/rule_audit.py [CORPUS_DIR ...] [--split dev] [--lang zh|en] [--min 3] [--ids REGEX]

CORPUS_DIR: one or more corpora as score_real.py reads them (default: the in-repository corpus;
add /work/corpus/contracts for the fetched documents). Judged exactly as score_real.py judges a
finding (same documents, same `check --we`, same lead-in rule). Tune on `--split dev` only.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from score_real import DEFAULT, check_document, covers, documents, reach  # noqa: E402

from bidassist.checklist import load_packs  # noqa: E402


def judge(labels: dict, found, units) -> list[tuple[str, str]]:
    """(rule, verdict) for each finding of one document: right, look or false."""
    texts = reach(units)
    traps = labels.get("traps") or []
    looks = labels.get("lookalikes") or []
    out = []
    for u, f in found:

        def on(quote: str, u=u) -> bool:
            return any(covers(t, quote) for t in texts(u))

        if any(t["category"] == f.category and on(t["quote"]) for t in traps):
            verdict = "right"
        elif any(t["category"] == f.category and on(t["quote"]) for t in looks):
            verdict = "look"
        else:
            verdict = "false"
        out.append((f.rule, verdict))
    return out


def audit(corpora: list[Path], split: str, lang: str | None, ids: str | None) -> dict[str, Counter]:
    rules = load_packs()
    table: dict[str, Counter] = defaultdict(Counter)
    for corpus in corpora:
        for doc_lang, labels, path in documents(corpus, split):
            doc_id = labels.get("id") or path.stem
            if (lang and doc_lang != lang) or (ids and not re.search(ids, doc_id)):
                continue
            text = path.read_text(encoding="utf-8")
            found, units = check_document(text, path.name, rules, labels.get("supplier_party"))
            for rule, verdict in judge(labels, found, units):
                table[rule][verdict] += 1
    return table


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="*", type=Path)
    ap.add_argument("--split", default="dev")
    ap.add_argument("--lang", choices=("zh", "en"))
    ap.add_argument("--ids", help="only documents whose id matches this regex")
    ap.add_argument("--min", type=int, default=1, help="list only rules with at least this many findings")
    args = ap.parse_args(argv)
    table = audit(args.corpus or [DEFAULT], args.split, args.lang, args.ids)
    rows = [(rule, c) for rule, c in table.items() if sum(c.values()) >= args.min]
    rows.sort(key=lambda rc: (rc[1]["right"] / sum(rc[1].values()), -sum(rc[1].values())))
    print(f"{'rule':<48} {'findings':>8} {'right':>6} {'look':>5} {'false':>6} {'right share':>12}")
    for rule, c in rows:
        n = sum(c.values())
        print(f"{rule:<48} {n:>8} {c['right']:>6} {c['look']:>5} {c['false']:>6} {c['right'] / n:>12.2f}")
    total = Counter()
    for c in table.values():
        total.update(c)
    n = sum(total.values())
    if n:
        print(
            f"{'TOTAL':<48} {n:>8} {total['right']:>6} {total['look']:>5} {total['false']:>6} {total['right'] / n:>12.2f}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
