"""The labelled Chinese corpus (clauses written apart from the pack examples) is scored by
benchmarks/score_corpus.py; the packs must keep recall high without crying wolf at the twins."""

from __future__ import annotations

from pathlib import Path

from script_loader import load_script

from bidassist.checklist import load_packs
from bidassist.checklist.categories import CATEGORIES

ROOT = Path(__file__).resolve().parents[2]
score_corpus = load_script(ROOT / "benchmarks" / "score_corpus.py")


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
