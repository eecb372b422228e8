"""The English rule packs: valid, every rule's examples behave, every finding category has an
English rule with a harmless twin, and the CUAD clause types the benchmark measures exist."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest

from bidassist.checklist import check_text, load_packs
from bidassist.checklist.engine import rule_matches, term_matches

ROOT = Path(__file__).resolve().parents[2]
EN = ROOT / "bidassist" / "checklists" / "en"
FINDINGS = Path(__file__).resolve().parents[3] / "shared" / "domain" / "findings.md"
COMPARE_ONLY = {"payment.schedule_changed", "deviation.price", "deviation.term"}
TERM_TYPES = {
    "payment",
    "advance_payment",
    "retention",
    "performance_bond",
    "warranty",
    "penalty",
    "acceptance",
    "price_adjustment",
    "dispute",
    "cap_on_liability",
    "uncapped_liability",
    "liquidated_damages",
    "termination_for_convenience",
    "renewal_term",
    "renewal_notice",
    "most_favored_nation",
    "exclusivity",
    "non_compete",
    "ip_ownership_assignment",
    "audit_rights",
    "warranty_duration",
    "governing_law",
    "anti_assignment",
    "insurance",
    "minimum_commitment",
}

RULES = load_packs([EN])


def _categories() -> set[str]:
    from bidassist.checklist.categories import CATEGORIES

    return set(CATEGORIES)


def test_packs_load_and_are_english():
    assert len(RULES.files) >= 5
    assert RULES.rules and all(r.language == "en" and r.id.startswith("en.") for r in RULES.rules)
    ids = [r.id for r in RULES.rules]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("rule", RULES.rules, ids=lambda r: r.id)
def test_rule_examples(rule):
    ex = rule.rule.examples
    assert len(ex.match) >= 2 and len(ex.no_match) >= 2, "every rule needs several examples each way"
    for text in ex.match:
        assert rule_matches(RULES, rule.id, text), f"{rule.id} should match: {text}"
    for text in ex.no_match:
        assert not rule_matches(RULES, rule.id, text), f"{rule.id} should not match: {text}"


@pytest.mark.parametrize("rule", RULES.rules, ids=lambda r: r.id)
def test_rule_has_bilingual_message_basis_and_fallback(rule):
    r = rule.rule
    assert r.message.en and re.search(r"[\u4e00-\u9fff]", r.message.zh)
    assert r.basis
    assert r.fallback is not None and r.fallback.en and re.search(r"[\u4e00-\u9fff]", r.fallback.zh)


@pytest.mark.parametrize("term", RULES.terms, ids=lambda t: t.term.type)
def test_term_examples(term):
    ex = term.term.examples
    assert ex.match and ex.no_match
    for text in ex.match:
        assert term_matches(RULES, term, text), f"{term.term.type} should match: {text}"
    for text in ex.no_match:
        assert not term_matches(RULES, term, text), f"{term.term.type} should not match: {text}"


def test_every_category_has_an_english_rule_with_a_twin():
    wanted = _categories() - COMPARE_ONLY
    covered = {r.rule.category for r in RULES.rules if r.rule.examples.no_match}
    assert wanted <= covered, f"categories without an English rule: {sorted(wanted - covered)}"


def test_findings_md_categories_known_to_engine():
    if not FINDINGS.exists():
        pytest.skip("shared findings.md not available")
    listed = set(re.findall(r"^\| `([a-z_.]+)`", FINDINGS.read_text(encoding="utf-8"), re.M))
    assert listed - COMPARE_ONLY <= {r.rule.category for r in RULES.rules}


def test_all_term_types_present():
    assert TERM_TYPES <= {t.term.type for t in RULES.terms}


def test_numeric_thresholds_decide():
    """The same wording flips on the number alone (value conditions, not keywords)."""
    pairs = [
        (
            "en.payment.long_term",
            "The Buyer shall pay within ninety (90) days of invoice.",
            "The Buyer shall pay within sixty (60) days of invoice.",
        ),
        (
            "en.retention.excessive",
            "The Buyer shall hold retention of 8% of the price.",
            "The Buyer shall hold retention of 4% of the price.",
        ),
        (
            "en.bond.performance_excessive",
            "A performance bond of 12% of the Contract Price is required.",
            "A performance bond of 8% of the Contract Price is required.",
        ),
        (
            "en.warranty.long",
            "Warranty period: 30 months from acceptance.",
            "Warranty period: 18 months from acceptance.",
        ),
        (
            "en.penalty.excessive",
            "Liquidated damages are 0.1% of the price per day of delay, capped at 10%.",
            "Liquidated damages are 0.09% of the price per day of delay, capped at 10%.",
        ),
    ]
    for rule_id, trap, twin in pairs:
        assert rule_matches(RULES, rule_id, trap), (rule_id, trap)
        assert not rule_matches(RULES, rule_id, twin), (rule_id, twin)


def test_findings_carry_value_threshold_and_clause():
    text = (
        "1. Payment\n1.1 The Buyer shall pay each invoice within ninety (90) days of receipt.\n"
        "1.2 Retention of ten percent (10%) of each payment shall be held by the Buyer.\n"
    )
    res = check_text(text, RULES, name="t.txt", lang="en")
    by_cat = {f.category: f for f in res.findings}
    assert by_cat["payment.long_term"].value == 90
    assert by_cat["payment.long_term"].threshold == 60
    assert by_cat["retention.excessive"].value == Decimal("0.1")
    assert {"payment", "retention"} <= {k.type for k in res.clauses}
