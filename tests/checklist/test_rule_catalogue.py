"""The rule catalogue: `rules list/explain`, and docs/rules.md generated from the packs."""

from __future__ import annotations

from pathlib import Path

import pytest
from shipped_packs import RULES  # the shipped packs, loaded once for all checklist tests
from typer.testing import CliRunner

from bidassist.checklist.catalogue import explain, render_markdown, rows
from bidassist.checklist.categories import CATEGORIES
from bidassist.cli.app import app
from bidassist.core.errors import InputError

ROOT = Path(__file__).resolve().parents[2]


def test_docs_rules_md_is_current():
    """Regenerate with: bidassist rules doc -o docs/rules.md --force"""
    assert (ROOT / "docs" / "rules.md").read_text(encoding="utf-8") == render_markdown(RULES)


def test_list_filters_by_category_and_language():
    got = rows(RULES, category="payment.back_to_back", lang="en")
    assert got and all(r.category == "payment.back_to_back" and r.language == "en" for r in got)
    with pytest.raises(InputError):
        rows(RULES, category="no.such")


def test_explain_gives_what_a_reviewer_needs():
    info = explain(RULES, "zh.penalty.excessive")
    assert info["party"] == "supplier" and info["value"]["threshold"] == "0.001"
    assert info["basis"] and info["fallback"]["zh"] and info["examples"]["match"]
    assert info["defined_at"].endswith(tuple(f":{n}" for n in range(1, 2000)))


def test_every_rule_category_is_in_the_data_file():
    assert {cr.rule.category for cr in RULES.rules} <= set(CATEGORIES)


@pytest.mark.slow
def test_cli_list_and_explain():
    runner = CliRunner()
    res = runner.invoke(app, ["rules", "list", "--lang", "zh", "--category", "liability.uncapped"])
    assert res.exit_code == 0 and "zh.liability.uncapped" in res.output
    res = runner.invoke(app, ["rules", "explain", "en.payment.back_to_back", "--json"])
    assert res.exit_code == 0 and '"category": "payment.back_to_back"' in res.output
