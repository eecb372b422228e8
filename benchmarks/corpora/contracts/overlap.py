"""Find held-out documents whose text is (nearly) a development document's: the same contract fetched twice from
different places (session 29: zh-1803 was the dev document zh-612, recorded in SOURCES.md only by a read_file id).

Usage: python benchmarks/corpora/contracts/overlap.py [CORPUS_DIR ...] [--min 0.6]
(default: the in-repository corpus and /work/corpus/contracts when it exists). For every held-out document (split
heldoutN), prints each document of another split that shares at least --min of its character 6-grams (containment: the
share of the smaller text's 6-grams found in the other), highest first; exit 1 if any pair reaches --min.
Measured in session 29: zh-1803 against zh-612 shares 0.94; every other held-out document at most 0.42 with any
document of another split (English boilerplate).
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
FETCHED = Path("/work/corpus/contracts")
N = 6


def grams(text: str) -> set[str]:
    squashed = re.sub(r"[\s|*#>_\-—＿]+", "", text)
    return {squashed[i : i + N] for i in range(max(0, len(squashed) - N + 1))}


def load(corpora: list[Path]) -> list[tuple[str, str, set[str]]]:
    """(id, split, 6-grams) of every labelled document."""
    out = []
    for root in corpora:
        for labels in sorted(root.rglob("*.labels.yaml")):
            stem = labels.name.removesuffix(".labels.yaml")
            text = next(
                (labels.with_name(stem + e) for e in (".txt", ".md") if labels.with_name(stem + e).exists()),
                None,
            )
            if text is None:
                continue
            split = str((yaml.safe_load(labels.read_text(encoding="utf-8")) or {}).get("split", "?")).split()[
                0
            ]
            out.append((stem, split, grams(text.read_text(encoding="utf-8"))))
    return out


def overlaps(docs: list[tuple[str, str, set[str]]], least: float) -> list[tuple[float, str, str, str, str]]:
    found = []
    for doc_id, split, g in docs:
        if not split.startswith("heldout") or not g:
            continue
        for other, osplit, og in docs:
            if other == doc_id or osplit == split or not og:
                continue
            share = len(g & og) / min(len(g), len(og))
            if share >= least:
                found.append((share, doc_id, split, other, osplit))
    return sorted(found, reverse=True)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpora", nargs="*", type=Path)
    ap.add_argument(
        "--min", type=float, default=0.6, help="the share of 6-grams that makes a pair (default 0.6)"
    )
    args = ap.parse_args(argv)
    corpora = args.corpora or [HERE, *([FETCHED] if FETCHED.exists() else [])]
    pairs = overlaps(load(corpora), args.min)
    for share, a, sa, b, sb in pairs:
        print(f"{a} ({sa}) ~ {b} ({sb}): {share:.2f} of the 6-grams shared")
    print(f"{len(pairs)} pair(s) at or above {args.min}")
    return 1 if pairs else 0


if __name__ == "__main__":
    sys.exit(main())
