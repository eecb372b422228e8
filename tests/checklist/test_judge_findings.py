"""The judged-precision tool (benchmarks/judge_findings.py): a finding keeps its verdict across runs
(key by rule, clause and the clause text, spaces ignored), frozen verdicts hold no contract text, and a
verdict outside the scale is refused naming the file."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]


def _load_script():
    sys.path.insert(0, str(ROOT / "benchmarks"))
    spec = importlib.util.spec_from_file_location("judge_findings", ROOT / "benchmarks" / "judge_findings.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_a_finding_key_ignores_spacing_but_not_rule_or_clause() -> None:
    jf = _load_script()
    a = jf.finding_key("zh.payment.set_off", "5.3", "甲方有权从应付款中扣除 违约金。")
    assert a == jf.finding_key("zh.payment.set_off", "5.3", "甲方有权从应付款中扣除违约金。\n")
    assert a != jf.finding_key("zh.payment.set_off", "5.4", "甲方有权从应付款中扣除违约金。")
    assert a != jf.finding_key("zh.liability.uncapped", "5.3", "甲方有权从应付款中扣除违约金。")


def test_freeze_keeps_verdicts_without_text(tmp_path: Path) -> None:
    jf = _load_script()
    sheets, out = tmp_path / "sheets", tmp_path / "verdicts"
    sheets.mkdir()
    sheet = {
        "id": "zh-9999",
        "findings": [
            {
                "key": "r|1|abc",
                "category": "payment.set_off",
                "clause": "1",
                "text": "SECRET CLAUSE TEXT",
                "verdict": "right",
                "note": "",
            },
            {
                "key": "r|2|def",
                "category": "payment.set_off",
                "clause": "2",
                "text": "OTHER TEXT",
                "verdict": "",
                "note": "",
            },
        ],
    }
    (sheets / "zh-9999.findings.yaml").write_text(yaml.safe_dump(sheet, allow_unicode=True), "utf-8")
    assert jf.main(["freeze", str(sheets), "-o", str(out), "--judge", "test"]) == 0
    frozen = (out / "zh-9999.verdicts.yaml").read_text("utf-8")
    assert "SECRET" not in frozen and "OTHER" not in frozen
    assert jf.load_verdicts(out) == {"zh-9999": {"r|1|abc": "right"}}


def test_an_unknown_verdict_is_refused_with_its_file(tmp_path: Path) -> None:
    jf = _load_script()
    bad = {"id": "en-1", "findings": [{"key": "k", "verdict": "maybe"}]}
    (tmp_path / "en-1.verdicts.yaml").write_text(yaml.safe_dump(bad), "utf-8")
    with pytest.raises(SystemExit, match="en-1.verdicts.yaml: finding 1"):
        jf.load_verdicts(tmp_path)
