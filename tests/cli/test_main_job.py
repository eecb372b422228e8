"""The main job on the bundled example: cost sheet → price range → documents → contract check."""

import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import docx
import pytest
from rich.console import Console

from bidassist.cli.main_job import run_main_job_printed as run_main_job
from bidassist.core.bidfile import load_bid
from bidassist.core.errors import OutputExistsError
from bidassist.core.money import rmb_upper
from bidassist.costs import load_costs
from bidassist.pricing import price_bid
from bidassist.workflow import default_example

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def job(tmp_path_factory):
    out = tmp_path_factory.mktemp("demo")
    console = Console(record=True, width=120)
    result = run_main_job(default_example(), out, console=console)
    return out, result, console.export_text()


def test_main_job_writes_every_output(job):
    out, result, text = job
    for name in (
        "price.json",
        "price_report.xlsx",
        "contract_review.json",
        "contract_review.md",
        "contract_annotated.docx",
    ):
        assert (out / name).is_file(), name
    docs = sorted((out / "documents").glob("*.docx"))
    assert len(docs) >= 10
    assert all(p.exists() for p in result.files)
    assert "36 cost lines" in text


def test_main_job_price_flows_into_documents(job):
    out, result, _ = job
    priced = json.loads((out / "price.json").read_text(encoding="utf-8"))
    price = Decimal(priced["recommended"]["price"])
    assert result.price == price
    letter = next((out / "documents").glob("*投标函.docx"))
    text = "\n".join(p.text for p in docx.Document(letter).paragraphs)
    assert rmb_upper(price) in text
    assert f"{price:,.2f}" in text


def test_main_job_contract_findings(job):
    out, result, _ = job
    review = json.loads((out / "contract_review.json").read_text(encoding="utf-8"))
    categories = {f["category"] for f in review["findings"]}
    for expected in (
        "payment.back_to_back",
        "payment.audit_settlement",
        "retention.excessive",
        "penalty.excessive",
        "penalty.uncapped",
        "liability.uncapped",
        "payment.schedule_changed",
        "deviation.term",
    ):
        assert expected in categories, expected
    assert result.findings == len(review["findings"])


def test_main_job_decides_with_the_customers_record(job):
    out, result, text = job
    assert result.decision == "bid_with_conditions"
    assert "6 · 投标决策 Bid / no-bid" in text and "BID WITH CONDITIONS" in text
    assert "invoices.csv: added 336" in text and "actual DSO" in text
    assert (out / "bidassist.db").is_file()


class _Steps:
    """Records which steps of the main job reported (any call is a step)."""

    def __init__(self):
        self.calls = []

    def __getattr__(self, name):
        return lambda *args, **kwargs: self.calls.append(name)


def test_main_job_never_overwrites_without_force(job):
    from bidassist.workflow import run_main_job as library_job

    out, _, _ = job
    steps = _Steps()
    with pytest.raises(OutputExistsError):
        library_job(default_example(), out, observer=steps)
    assert steps.calls == []  # refused before the costs were imported or anything was priced


@pytest.mark.slow
def test_seed_stability_on_bundled_example():
    bid = load_bid(default_example())
    costs = load_costs(bid).model
    a = price_bid(bid, costs, seed=7)
    b = price_bid(bid, costs, seed=7)
    c = price_bid(bid, costs, seed=2026)
    assert a.to_json() == b.to_json()
    drift = abs(a.recommended.price - c.recommended.price) / a.recommended.price
    assert drift < Decimal("0.005"), drift
    # the bundled example's optimum is interior, not pinned to the ceiling price
    assert a.recommended.price < bid.tender.ceiling_price
    assert a.range.low <= a.recommended.price <= a.range.high


@pytest.mark.slow
def test_demo_command_exit_status(tmp_path):
    r = subprocess.run(
        [sys.executable, "-m", "bidassist", "demo", "--out", str(tmp_path / "o")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert r.returncode == 0, r.stderr
    assert "Traceback" not in r.stderr
