"""The smaller store commands: db upgrade/info, history result with the opening's bids, check
--record of a bid file (its buyer is the customer), history alias."""

from __future__ import annotations

import json

import pytest

from bidassist.store.connection import Store, resolve_url
from bidassist.store.migrate import upgrade

from .conftest import ROOT, bidassist

pytestmark = pytest.mark.slow  # CLI subprocesses and PostgreSQL round trips: .ci/run's slow step

EXAMPLE = ROOT / "bidassist" / "examples" / "hospital"


def test_db_upgrade_and_info(tmp_path):
    db = str(tmp_path / "old.db")
    with Store(resolve_url(db)) as store:
        upgrade(store, "0001")
    r = bidassist("history", "tenders", "--db", db)
    assert r.returncode == 2 and "revision 0001" in r.stderr and "db upgrade" in r.stderr
    r = bidassist("db", "info", "--db", db, "--format", "json")
    assert json.loads(r.stdout)["revision"] == "0001"
    r = bidassist("db", "upgrade", "--db", db)
    assert r.returncode == 0 and "0001 → 0003" in r.stdout
    info = json.loads(bidassist("db", "info", "--db", db, "--format", "json").stdout)
    assert info["revision"] == info["head"] == "0003" and info["counts"]["bids"] == 0


def test_history_result_with_the_openings_bids(tmp_path):
    db = str(tmp_path / "s.db")
    opening = tmp_path / "opening.csv"
    opening.write_text(
        "投标人,投标报价,结果\n江南洁净空调工程有限公司,9800000,中标\n华东净化,9950000,未中标\n"
        "某某机电,8100000,废标\n",
        encoding="utf-8",
    )
    r = bidassist(
        "history",
        "result",
        "ZB-7",
        "--won",
        "--winner",
        "江南洁净空调工程有限公司",
        "--price",
        "9,800,000",
        "--bids",
        str(opening),
        "--buyer",
        "滨江市第一人民医院",
        "--db",
        db,
    )
    assert r.returncode == 0, r.stderr
    assert "added 3" in r.stdout
    tenders = json.loads(bidassist("history", "tenders", "--db", db, "--format", "json").stdout)
    assert tenders == [
        {
            "number": "ZB-7",
            "lot": None,
            "buyer": "滨江市第一人民医院",
            "date": None,
            "year": None,
            "category": None,
            "currency": None,
            "bids": 3,
            "valid_bids": 2,
            "lowest": "9800000",
            "winners": ["江南洁净空调工程有限公司"],
            "estimate": None,
            "ceiling": None,
        }
    ]
    show = json.loads(bidassist("history", "show", "--db", db, "--format", "json").stdout)
    assert show["outcomes"] == [
        {
            "tender": "ZB-7",
            "lot": None,
            "result": "won",
            "winner": "江南洁净空调工程有限公司",
            "winning_price": "9800000",
        }
    ]
    r = bidassist("history", "result", "ZB-7", "--lost", "--price", "1", "--db", db)
    assert r.returncode == 2 and "--winner" in r.stderr


def test_check_record_of_a_bid_file_uses_its_buyer(tmp_path):
    db = str(tmp_path / "s.db")
    r = bidassist("check", str(EXAMPLE / "bid.yaml"), "--record", "--db", db, "--format", "json")
    assert r.returncode == 1, r.stderr  # high findings
    assert "recorded the review of contract.docx for 滨江市第一人民医院" in r.stderr
    show = json.loads(bidassist("history", "show", "--db", db, "--format", "json").stdout)
    [contract] = show["contracts"]
    assert contract["customer"] == "滨江市第一人民医院" and contract["findings"] == len(
        json.loads(r.stdout)["findings"]
    )
    by_buyer = json.loads(
        bidassist("history", "show", "--buyer", "滨江市第一人民医院", "--db", db, "--format", "json").stdout
    )
    assert by_buyer["contracts"] == show["contracts"]


def test_history_alias_merges_spellings(tmp_path):
    db = str(tmp_path / "s.db")
    f = tmp_path / "b.csv"
    f.write_text(
        "tender,bidder,price\nT1,Acme Clean,100\nT1,Beta,110\nT2,ACME-Cleanrooms,105\nT2,Beta,99\n",
        encoding="utf-8",
    )
    assert bidassist("history", "import", str(f), "--db", db).returncode == 0
    r = bidassist("history", "alias", "Acme Clean", "ACME-Cleanrooms", "--db", db)
    assert r.returncode == 0 and "1 bids moved" in r.stdout
    rows = json.loads(bidassist("history", "competitors", "--db", db, "--format", "json").stdout)
    acme = next(c for c in rows if c["name"] == "Acme Clean")
    assert acme["tenders"] == 2 and acme["aliases"] == ["ACME-Cleanrooms"]


def test_customer_group_and_buyer_filter_takes_the_members(tmp_path):
    db = str(tmp_path / "s.db")
    f = tmp_path / "b.csv"
    f.write_text(
        "tender,buyer,bidder,price\nG1,国网浙江省电力有限公司,甲,100\nG1,国网浙江省电力有限公司,乙,101\n"
        "G2,国网江苏省电力有限公司,甲,102\nH1,滨江市第一人民医院,甲,90\n",
        encoding="utf-8",
    )
    assert bidassist("history", "import", str(f), "--db", db).returncode == 0
    for member in ("国网浙江省电力有限公司", "国网江苏省电力有限公司"):
        r = bidassist(
            "history",
            "customer",
            member,
            "--group",
            "国家电网有限公司",
            "--ownership",
            "国企",
            "--sector",
            "utility",
            "--db",
            db,
        )
        assert r.returncode == 0 and "ownership state_owned" in r.stdout
    tenders = json.loads(
        bidassist("history", "tenders", "--buyer", "国家电网", "--db", db, "--format", "json").stdout
    )
    assert [t["number"] for t in tenders] == ["G1", "G2"]
    r = bidassist("history", "customer", "X", "--ownership", "martian", "--db", db)
    assert r.returncode == 2 and "ownership 'martian'" in r.stderr
