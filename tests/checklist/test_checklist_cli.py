"""`bidassist check` end to end: the bundled example with its tender terms, reports, the annotated
.docx, waivers, exit status, bad input."""

from __future__ import annotations

import json
import re
import zipfile
from decimal import Decimal
from pathlib import Path

import docx
import pytest
from shipped_packs import RULES  # the shipped packs, loaded once for all checklist tests

from bidassist.checklist import check_contract
from bidassist.checklist.compare import compare_terms, extract_key_terms, key_terms_from_bid
from bidassist.checklist.engine import Unit
from bidassist.cli.app import main

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "bidassist" / "examples" / "hospital"


def run(args: list[str], capsys) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as info:
        main(args)
    out, err = capsys.readouterr()
    return int(info.value.code or 0), out, err


@pytest.fixture(scope="module")
def example_docs(tmp_path_factory) -> tuple[Path, Path]:
    """Build the example documents fresh with the shipped script."""
    import importlib.util

    out = tmp_path_factory.mktemp("hospital")
    spec = importlib.util.spec_from_file_location("make_docs", EXAMPLE / "make_contract_docs.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    assert mod.main(["--out", str(out)]) == 0
    return out / "contract.docx", out / "tender_terms.docx"


EXPECTED = {
    "payment.back_to_back",
    "payment.audit_settlement",
    "retention.excessive",
    "penalty.uncapped",
    "penalty.excessive",
    "liability.uncapped",
    "change.unilateral",
    "termination.convenience",
    "bond.performance_excessive",
    "payment.schedule_changed",
    "deviation.term",
}


def test_example_findings(example_docs) -> None:
    contract, tender = example_docs
    result = check_contract(contract, RULES, against=tender)
    cats = {f.category for f in result.findings}
    assert EXPECTED <= cats, EXPECTED - cats
    changed = {f.term: (f.from_value, f.to_value) for f in result.findings if f.term}
    assert changed["advance"] == (Decimal("0.3"), Decimal("0.1"))
    assert changed["retention_share"] == (Decimal("0.03"), Decimal("0.1"))
    assert changed["milestone.delivery.days"] == (Decimal(30), Decimal(90))
    assert changed["bond"] == (Decimal("0.05"), Decimal("0.15"))
    # the harmless twins of the example are not reported
    flagged = {f.clause for f in result.findings if f.term is None}
    assert not flagged & {"6.1", "5.2", "10.1", "11.1", "12.1", "9.3"}, flagged
    # unchanged terms (the price is not in the tender terms; the delivery share is 40 % in both) are silent
    assert "milestone.delivery.share" not in changed
    assert all(f.from_location for f in result.findings if f.term)


def test_against_bid_file(example_docs) -> None:
    contract, _ = example_docs
    bid = key_terms_from_bid(EXAMPLE / "bid.yaml")
    assert bid.advance.value == Decimal("0.3") and [m.event for m in bid.milestones] == [
        "delivery",
        "acceptance",
    ]
    result = check_contract(contract, RULES, against=EXAMPLE / "bid.yaml")
    terms = {f.term for f in result.findings if f.term}
    assert {"advance", "retention_share", "milestone.delivery.days", "warranty_months"} <= terms


def test_identical_terms_report_nothing() -> None:
    text = (
        "预付款：合同签订后10日内支付合同总价的30%；到货后30日内支付合同总价的40%；验收合格后60日内支付合同总价的27%；"
        "剩余3%作为质保金，质保期满24个月后返还。质保期为24个月。履约保证金为合同价的5%。工期：120日历天。"
    )
    a = extract_key_terms([Unit(text=text, clause="1")])
    b = extract_key_terms([Unit(text=text, clause="7")])
    assert a.advance.value == Decimal("0.3") and len(a.milestones) == 2
    assert compare_terms(a, b) == []


@pytest.mark.slow
def test_cli_exit_codes_and_json(example_docs, capsys) -> None:
    contract, tender = example_docs
    code, out, _ = run(["check", str(contract), "--against", str(tender), "--format", "json"], capsys)
    assert code == 1
    data = json.loads(out)
    assert {"findings", "summary", "clauses"} <= set(data)
    assert any(f["category"] == "payment.schedule_changed" and "from" in f for f in data["findings"])
    clean = contract.parent / "clean.txt"
    clean.write_text(
        "第一条 付款\n甲方在验收合格后30日内支付合同价款的97%。\n第二条 质保金\n质保金为合同价的3%。\n",
        encoding="utf-8",
    )
    code, out, _ = run(["check", str(clean)], capsys)
    assert code == 0
    code, _, _ = run(["check", str(example_docs[0]), "--fail-on", "bogus"], capsys)
    assert code == 2


@pytest.mark.slow
def test_cli_reports_and_annotation(example_docs, tmp_path, capsys) -> None:
    contract, tender = example_docs
    md, html, annotated = tmp_path / "r.md", tmp_path / "r.html", tmp_path / "annotated.docx"
    before = contract.read_bytes()
    code, _, _ = run(
        [
            "check",
            str(contract),
            "--against",
            str(tender),
            "--format",
            "md",
            "-o",
            str(md),
            "--annotate",
            str(annotated),
        ],
        capsys,
    )
    assert code == 1
    report = md.read_text(encoding="utf-8")
    assert "背靠背" in report and re.search(r"30% \[[^]]*\] → 10%", report), report[:3000]
    code, _, _ = run(["check", str(contract), "--format", "html", "-o", str(html)], capsys)
    assert html.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert contract.read_bytes() == before
    with zipfile.ZipFile(annotated) as zf:
        assert "word/comments.xml" in zf.namelist()
        comments = zf.read("word/comments.xml").decode("utf-8")
    assert "payment.back_to_back" in comments and "建议措辞" in comments
    doc = docx.Document(str(annotated))
    assert len(list(doc.comments)) >= 10
    # refuses to overwrite without --force
    code, _, err = run(["check", str(contract), "--annotate", str(annotated)], capsys)
    assert code == 2 and "already exists" in err


@pytest.mark.slow
def test_waivers(example_docs, tmp_path, capsys) -> None:
    contract, _ = example_docs
    first = check_contract(contract, RULES)
    target = next(f for f in first.findings if f.category == "retention.excessive")
    waivers = tmp_path / "waivers.yaml"
    waivers.write_text(
        f"waivers:\n  - rule: {target.rule}\n    key: {target.waiver_key}\n    reason: agreed\n"
        f"  - rule: zh.payment.back_to_back\n    text: '3.1 预付款：合同签订且乙方提交履约保证金后，"
        f"甲方在财政资金到位后支付合同总价的10%作为预付款。'\n    reason: accepted by sales\n",
        encoding="utf-8",
    )
    second = check_contract(contract, RULES, waivers=waivers)
    cats = {f.category for f in second.findings}
    assert "retention.excessive" not in cats and "payment.back_to_back" not in cats
    assert len(second.waived) == 2
    bad = tmp_path / "bad.yaml"
    bad.write_text("waivers:\n  - rule: x\n    reasn: typo\n", encoding="utf-8")
    code, _, err = run(["check", str(contract), "--waivers", str(bad)], capsys)
    assert code == 2 and "bad.yaml:3" in err


@pytest.mark.slow
@pytest.mark.parametrize("kind", ["notzip", "corrupt", "empty", "encrypted", "missing", "suffix"])
def test_bad_input_exit_2(kind: str, tmp_path: Path, capsys) -> None:
    path = tmp_path / "c.docx"
    if kind == "notzip":
        path.write_text("just text", encoding="utf-8")
    elif kind == "corrupt":
        d = docx.Document()
        d.add_paragraph("第一条 付款")
        d.save(str(path))
        path.write_bytes(path.read_bytes()[:2000])
    elif kind == "empty":
        docx.Document().save(str(path))
    elif kind == "encrypted":
        path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 1000)
    elif kind == "suffix":
        path = tmp_path / "c.xyz"
        path.write_text("x", encoding="utf-8")
    code, _, err = run(["check", str(path)], capsys)
    assert code == 2 and err.startswith("error:"), err


def test_waiver_without_reason_is_refused(tmp_path: Path, capsys) -> None:
    contract = tmp_path / "c.txt"
    contract.write_text("第一条 乙方应按时交货。\n", encoding="utf-8")
    waivers = tmp_path / "w.yaml"
    waivers.write_text(
        "waivers:\n  - rule: zh.payment.back_to_back\n    text: 乙方应按时交货\n", encoding="utf-8"
    )
    code, _, err = run(["check", str(contract), "--waivers", str(waivers)], capsys)
    assert code == 2 and "w.yaml:2" in err and "reason" in err


def test_check_on_a_folder_without_contracts_fails(tmp_path: Path, capsys) -> None:
    (tmp_path / "notes.csv").write_text("a,b\n", encoding="utf-8")
    code, _, err = run(["check", str(tmp_path)], capsys)
    assert code == 2 and "no contracts in this folder" in err
