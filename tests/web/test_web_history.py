"""The history page over the bid-history store (filled with the CLI's `history import`)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from bidassist.web import WebConfig, create_app


def test_history_without_a_store_says_how_to_make_one(client):
    r = client.get("/history")
    assert r.status_code == 200
    assert "no store here; run `bidassist db init`" in r.text and "Traceback" not in r.text


@pytest.mark.slow
def test_history_lists_tenders_competitors_and_a_customers_history(workspace: Path, tmp_path: Path):
    db = tmp_path / "s.db"
    f = tmp_path / "bids.csv"
    f.write_text(
        "tender,buyer,bidder,price\nG1,国网浙江省电力有限公司,甲公司,100\nG1,国网浙江省电力有限公司,乙公司,101\n"
        "H1,滨江市第一人民医院,甲公司,90\nH1,滨江市第一人民医院,丙公司,95\n",
        encoding="utf-8",
    )
    r = subprocess.run(
        [sys.executable, "-m", "bidassist", "history", "import", str(f), "--db", str(db)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert r.returncode == 0, r.stderr
    with TestClient(create_app(WebConfig(workspace=workspace, db=str(db)))) as c:
        page = c.get("/history").text
        assert page.count("<td>G1</td>") == 1 and page.count("<td>H1</td>") == 1
        assert "甲公司" in page and "丙公司" in page
        one = c.get("/history", params={"buyer": "滨江市第一人民医院"}).text
        assert "<td>H1</td>" in one and "<td>G1</td>" not in one
        unknown = c.get("/history", params={"buyer": "nobody"})
        assert unknown.status_code == 200 and "no customer &#39;nobody&#39; in the store" in unknown.text


@pytest.mark.slow
def test_accounts_page_tiers_flags_and_one_customer(workspace: Path):
    import shutil

    from web_helpers import EXAMPLE

    from bidassist.workflow import import_bid_ledger

    shutil.copytree(EXAMPLE / "ledger", workspace / "ledger")
    assert import_bid_ledger(workspace / "bid.yaml", workspace / "bidassist.db")
    with TestClient(create_app(WebConfig(workspace=workspace))) as c:
        page = c.get("/accounts")
        assert page.status_code == 200 and 'id="tiers"' in page.text
        assert "滨江市第一人民医院" in page.text
        one = c.get("/accounts", params={"customer": "滨江市第一人民医院"})
        assert 'id="account"' in one.text and "/history?buyer=" in one.text
        from bidassist.accounts.api import assess_store

        expected = assess_store(None, beside=workspace).accounts
        assert one.text.count('<tr><td class="num">') == len(expected)
        missing = c.get("/accounts", params={"customer": "nobody"})
        assert missing.status_code == 200 and "no customer or group &#39;nobody&#39;" in missing.text


def test_accounts_without_a_store(client):
    r = client.get("/accounts")
    assert r.status_code == 200 and "no store here" in r.text
