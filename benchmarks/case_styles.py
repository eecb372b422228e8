"""A metamorphic check of English letter case: print each labelled development contract's paragraphs in
capitals and see whether the findings' categories stay.

Contracts print their weightiest clauses in capitals (indemnities, limits of liability, a shouted head),
and some print everything so; what a clause does to the supplier does not change with its case. The
rules read lower case, so what is lost shows where the reading leans on case: the party reading (names
are told from words by their capitals; checklist/truecase.py gives shouted lines their case back) and
the clause splitting (a line in capitals looks like a heading).

    .venv/bin/python benchmarks/case_styles.py CORPUS [--mode upper|halfupper] [--ids REGEX] [-v]

Modes: `upper` puts the whole text in capitals; `halfupper` every other paragraph (chosen at random,
seeded by the text's length, so runs repeat). Prints documents rewritten, findings kept (category and
clause: a clause's label may read differently once its heading is in capitals), and categories kept
per document (each category counted as often as the document reports it, kept up to that count).
"""

from __future__ import annotations

import random
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from _metamorphic import (  # noqa: E402
    Tally,
    arguments,
    changes,
    corpus_error,
    dev_documents,
    fail,
    findings_before_after,
)

from bidassist.checklist import load_packs  # noqa: E402


def upper(text: str) -> str:
    return text.upper()


def halfupper(text: str) -> str:
    rnd = random.Random(len(text))
    parts = re.split(r"(\n[ \t]*\n)", text)
    if len(parts) < 20:  # few blank lines: a paragraph a line
        parts = re.split(r"(\n)", text)
    return "".join(p.upper() if i % 2 == 0 and rnd.random() < 0.5 else p for i, p in enumerate(parts))


REWRITE = {"upper": upper, "halfupper": halfupper}


def main(argv: list[str] | None = None) -> int:
    args = arguments(__doc__, tuple(REWRITE), argv)
    if args.lang != "en":
        return fail("error: case_styles.py is for English contracts (--lang en)")
    if error := corpus_error(args.corpus, args.lang):
        return fail(error)
    rules = load_packs()
    tally = Tally()
    categories = categories_kept = 0
    for meta, text in dev_documents(args.corpus, args.lang, args.ids):
        made = REWRITE[args.mode](text)
        if made == text:
            continue
        one, two = findings_before_after(rules, meta, text, made)
        tally.add(one, two)
        before, after = Counter(c for c, _ in one), Counter(c for c, _ in two)
        categories += sum(before.values())
        categories_kept += sum((before & after).values())
        if args.verbose and one != two:
            print(f"{meta['id']}: {changes(one, two)}")
    tally.report(f"en case {args.mode}")
    print(
        f"categories kept per document: {categories_kept}/{categories} ({categories_kept / max(categories, 1):.3f})"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
