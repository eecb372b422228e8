"""The labelled Chinese corpus (clauses written apart from the pack examples) is scored by
benchmarks/score_corpus.py; the packs must keep recall high without crying wolf at the twins."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from bidassist.checklist import load_packs
from bidassist.checklist.categories import CATEGORIES

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("score_corpus", ROOT / "benchmarks" / "score_corpus.py")
score_corpus = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(score_corpus)


def test_zh_corpus_recall_and_false_positives() -> None:
    items = score_corpus.read_items(ROOT / "tests" / "checklist" / "corpus_zh")
    assert {c for i in items for c in i["categories"]} == set(CATEGORIES)
    table = score_corpus.score(items, load_packs(languages={"zh"}))
    traps = sum(r["traps"] for r in table.values())
    hits = sum(r["hit"] for r in table.values())
    twins = sum(r["twins"] for r in table.values())
    fps = [w for r in table.values() for w in r["false"]]
    assert hits / traps >= 0.9, {c: r["misses"] for c, r in table.items() if r["misses"]}
    assert len(fps) / twins <= 0.05, fps
