"""Every rule's and term's examples, in every shipped pack (zh and en), run as tests; every
category of findings.md has a Chinese and an English rule with a harmless twin."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from shipped_packs import RULES  # the shipped packs, loaded once for all checklist tests

from bidassist.checklist.categories import CATEGORIES
from bidassist.checklist.engine import rule_matches, term_matches

FINDINGS_MD = Path(__file__).resolve().parents[3] / "shared" / "domain" / "findings.md"

_RULE_CASES = [(r.id, "match", ex) for r in RULES.rules for ex in r.rule.examples.match] + [
    (r.id, "no_match", ex) for r in RULES.rules for ex in r.rule.examples.no_match
]
_TERM_CASES = [(i, "match", ex) for i, t in enumerate(RULES.terms) for ex in t.term.examples.match] + [
    (i, "no_match", ex) for i, t in enumerate(RULES.terms) for ex in t.term.examples.no_match
]


@pytest.mark.parametrize(
    ("rule_id", "kind", "text"), _RULE_CASES, ids=[f"{r}-{k}-{i}" for i, (r, k, _) in enumerate(_RULE_CASES)]
)
def test_rule_example(rule_id: str, kind: str, text: str) -> None:
    fired = rule_matches(RULES, rule_id, text)
    assert fired == (kind == "match"), f"{rule_id} ({RULES.rule(rule_id).where}) {kind}: {text}"


@pytest.mark.parametrize(
    ("index", "kind", "text"),
    _TERM_CASES,
    ids=[f"{RULES.terms[i].term.type}-{k}-{n}" for n, (i, k, _) in enumerate(_TERM_CASES)],
)
def test_term_example(index: int, kind: str, text: str) -> None:
    term = RULES.terms[index]
    assert term_matches(RULES, term, text) == (kind == "match"), f"{term.where} {kind}: {text}"


def test_every_rule_has_examples_both_ways() -> None:
    lacking = [r.where for r in RULES.rules if not r.rule.examples.match or not r.rule.examples.no_match]
    assert not lacking, f"rules without a match and a no_match example: {lacking}"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_category_has_a_rule_with_a_twin(lang: str) -> None:
    covered = {
        r.rule.category
        for r in RULES.rules
        if r.language == lang and r.rule.examples.match and r.rule.examples.no_match
    }
    missing = sorted(set(CATEGORIES) - covered)
    assert not missing, f"{lang}: categories without a rule and a harmless twin: {missing}"


@pytest.mark.skipif(not FINDINGS_MD.exists(), reason="shared domain notes not present")
def test_categories_match_findings_md() -> None:
    ids = set(re.findall(r"^\| `([a-z_.]+)` \|", FINDINGS_MD.read_text(encoding="utf-8"), re.M))
    assert ids == set(CATEGORIES)


def test_every_rule_has_message_basis_fallback() -> None:
    for r in RULES.rules:
        assert r.rule.message.zh and r.rule.message.en, r.where
        assert r.rule.basis, f"{r.where}: no basis"
        assert r.rule.fallback is not None, f"{r.where}: no fallback"
