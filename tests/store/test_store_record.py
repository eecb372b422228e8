"""Filling the store from work bidassist already does: the demo, render --record, check --record,
and the batch review of a folder (a broken file is reported and skipped)."""

from __future__ import annotations

import json
import shutil

import pytest
from rich.console import Console

from bidassist.cli.main_job import run_main_job_printed as run_main_job
from bidassist.store import open_store
from bidassist.store.admin import export_json, table_counts
from bidassist.workflow import default_example

from .conftest import ROOT, bidassist

pytestmark = pytest.mark.slow  # CLI subprocesses and PostgreSQL round trips: .ci/run's slow step

EXAMPLE = ROOT / "bidassist" / "examples" / "hospital"


def test_demo_records_bid_and_contract_review_in_out(tmp_path):
    out = tmp_path / "out"
    run_main_job(default_example(), out, console=Console(file=open("/dev/null", "w")))
    with open_store(out / "bidassist.db") as store:
        data = json.loads(export_json(store))
    assert [o["kind"] for o in data["our_bids"]] == ["price", "render"]
    assert len(json.loads(data["our_bids"][1]["documents"])) == len(list((out / "documents").glob("*.docx")))
    priced = json.loads((out / "price.json").read_text(encoding="utf-8"))
    assert data["our_bids"][0]["price"] == priced["recommended"]["price"]
    assert data["tenders"][0]["number"] == "BJZC-2026-0417"
    review = json.loads((out / "contract_review.json").read_text(encoding="utf-8"))
    [contract] = data["contracts"]
    assert contract["findings_count"] == len(review["findings"]) == len(data["contract_findings"])
    assert data["customers"][0]["name"] == "滨江市第一人民医院" and contract["customer_id"] == 1


def price_of(db: str) -> str:
    with open_store(db) as store:
        return json.loads(export_json(store))["our_bids"][0]["price"]


def test_render_record_keeps_document_hashes_and_is_idempotent(tmp_path):
    db = str(tmp_path / "s.db")
    args = (
        "render",
        "bid-letter",
        "--data",
        str(EXAMPLE / "bid.yaml"),
        "-o",
        str(tmp_path / "letter.docx"),
        "--record",
        "--db",
        db,
        "--force",
    )
    r = bidassist(*args)
    assert r.returncode == 0, r.stderr
    assert "recorded our render bid" in r.stderr
    from decimal import Decimal

    from bidassist.core.bidfile import load_bid
    from bidassist.store.record import record_render

    again = record_render(
        db, load_bid(EXAMPLE / "bid.yaml"), Decimal(price_of(db)), [tmp_path / "letter.docx"]
    )
    assert again.status == "unchanged"
    with open_store(db) as store:
        data = json.loads(export_json(store))
    [ours] = data["our_bids"]
    docs = json.loads(ours["documents"])
    import hashlib

    assert docs == [
        {"file": "letter.docx", "sha256": hashlib.sha256((tmp_path / "letter.docx").read_bytes()).hexdigest()}
    ]


def test_check_folder_records_each_contract_and_skips_a_broken_one(tmp_path):
    folder = tmp_path / "contracts"
    folder.mkdir()
    shutil.copy(EXAMPLE / "contract.docx", folder / "hospital.docx")
    (folder / "grid.txt").write_text(
        "甲方（采购人）：国网某省电力有限公司\n第一条 付款\n甲方在收到业主款项后支付。\n", encoding="utf-8"
    )
    (folder / "broken.docx").write_bytes(b"PK\x03\x04 not really a docx")
    db = str(tmp_path / "s.db")
    r = bidassist("check", str(folder), "--record", "--jobs", "2", "--db", db, "--format", "json")
    assert r.returncode == 1, r.stderr  # high findings; the broken file did not abort the batch
    assert "broken.docx" in r.stderr and "skipped" in r.stderr and "Traceback" not in r.stderr
    result = json.loads(r.stdout)
    customers = {c["customer"]: c for c in result["customers"]}
    assert customers["滨江市第一人民医院"]["contracts"] == 1 and customers["滨江市第一人民医院"]["high"] > 0
    assert customers["国网某省电力有限公司"]["contracts"] == 1
    assert customers["(customer unknown)"]["failed"] == 1
    with open_store(db) as store:
        assert table_counts(store)["contracts"] == 2
    r2 = bidassist("check", str(folder), "--record", "--jobs", "2", "--db", db, "--format", "json")
    assert r2.returncode == 1
    with open_store(db) as store:
        assert table_counts(store)["contracts"] == 2
