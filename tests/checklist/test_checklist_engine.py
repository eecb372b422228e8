"""The rule-pack loader and the engine: validation with file:line, prefilter = brute force,
numeric conditions, exceptions, language by script, key terms."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from shipped_packs import RULES  # the shipped packs, loaded once for all checklist tests

from bidassist.checklist import check_text, load_packs
from bidassist.checklist.engine import Unit, check_unit, evaluate_rule, languages_of
from bidassist.checklist.rules import normalise
from bidassist.core.errors import InputError, ProblemsError

PACK = """pack: t-pay
language: zh
rules:
  - id: zh.t.retention
    category: retention.excessive
    severity: high
    clause_type: retention
    keywords: [质保金]
    any: ['质保金']
    value: {kind: percent, near: '质保金', op: '>', threshold: 0.03}
    message: {zh: 质保金过高, en: retention too high}
    basis: test
    fallback: {zh: 3%, en: 3 %}
    examples: {match: [质保金为合同价的10%。], no_match: [质保金为合同价的3%。]}
"""


def _write(tmp_path: Path, text: str, name: str = "pack.yaml") -> Path:
    d = tmp_path / "packs"
    d.mkdir(exist_ok=True)
    (d / name).write_text(text, encoding="utf-8")
    return d


def test_custom_pack_loads_and_fires(tmp_path: Path) -> None:
    rules = load_packs([_write(tmp_path, PACK)])
    result = check_text("第一条 质保金\n质保金为合同价的10%。\n第二条 付款\n质保金为合同价的3%。", rules)
    assert [(f.rule, f.clause, f.value) for f in result.findings] == [
        ("zh.t.retention", "第一条", Decimal("0.1"))
    ]
    assert result.findings[0].threshold == Decimal("0.03")
    assert "retention" in result.clause_types


@pytest.mark.parametrize(
    ("edit", "where", "message"),
    [
        (("    severity: high\n", "    severity: high\n    colour: red\n"), "pack.yaml:7", "unknown key"),
        (("any: ['质保金']", "any: ['质保金(']"), "pack.yaml:9", "rules[0].any[0]: bad regular expression"),
        (
            ("category: retention.excessive", "category: retention.too_much"),
            "pack.yaml:5",
            "unknown category",
        ),
        (("op: '>'", "op: '=>'"), "pack.yaml:10", "rules[0].value.op"),
        (("    keywords: [质保金]\n", ""), "pack.yaml:4", "keywords"),
    ],
)
def test_bad_pack_names_file_and_line(
    tmp_path: Path, edit: tuple[str, str], where: str, message: str
) -> None:
    assert edit[0] in PACK
    d = _write(tmp_path, PACK.replace(*edit))
    with pytest.raises(ProblemsError) as info:
        load_packs([d])
    text = str(info.value)
    assert where in text and message in text, text


def test_duplicate_rule_id_and_yaml_syntax(tmp_path: Path) -> None:
    d = _write(tmp_path, PACK)
    (d / "b.yaml").write_text(PACK.replace("pack: t-pay", "pack: t-pay2"), encoding="utf-8")
    with pytest.raises(ProblemsError, match="also used"):
        load_packs([d])
    d2 = tmp_path / "bad"
    d2.mkdir()
    (d2 / "x.yaml").write_text("pack: [unclosed\n", encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_packs([d2])
    assert "x.yaml:" in str(info.value)


def test_missing_pack_folder() -> None:
    with pytest.raises(InputError, match="not found"):
        load_packs([Path("/nonexistent/packs")])


CONTRACT = """第一条 付款
甲方在收到业主支付的相应款项后十个工作日内向乙方支付。
第二条 付款期限
甲方在验收合格后30日内支付合同价款的97%。
第三条 质保金
剩余3%作为质保金，质保期满后返还。
第四条 违约责任
乙方每逾期一日，按合同总价的万分之五支付违约金，累计不超过合同总价的5%。
第五条 结算
本工程结算价以审计部门审定金额为准。
"""


def test_traps_found_and_twins_passed() -> None:
    result = check_text(CONTRACT, RULES, name="c.txt")
    cats = {(f.category, f.clause) for f in result.findings}
    assert ("payment.back_to_back", "第一条") in cats
    assert ("payment.audit_settlement", "第五条") in cats
    # the contract states no late-payment liability of the buyer: that absence is the one
    # document-level finding (findings.md penalty.asymmetric: "absent or far below")
    assert {f.rule for f in result.findings if f.clause == "第四条"} <= {"zh.doc.penalty.asymmetric.ratio"}
    flagged_clauses = {f.clause for f in result.findings if not f.rule.startswith("zh.doc.")}
    # 30 日内 payment, 3 % retention and a capped 万分之五 penalty are not findings
    assert not flagged_clauses & {"第二条", "第三条", "第四条"}, result.findings
    types = {(k.type, k.clause) for k in result.clauses}
    assert ("retention", "第三条") in types and ("payment", "第二条") in types
    data = result.to_json()
    assert set(data) == {"findings", "summary", "clauses", "parties"}
    f = data["findings"][0]
    for key in ("rule", "category", "severity", "clause", "location", "text", "message", "basis", "fallback"):
        assert key in f
    assert data["summary"]["findings"] == len(result.findings)


def test_numeric_value_and_threshold_reported() -> None:
    result = check_text("第一条 质保金\n甲方扣留合同总价的10%作为质保金。", RULES)
    f = next(f for f in result.findings if f.category == "retention.excessive")
    assert f.value == Decimal("0.1") and f.threshold == Decimal("0.05")
    assert f.to_json()["value"] == pytest.approx(0.1)


def test_language_by_script() -> None:
    assert languages_of("甲方在验收合格后30日内支付。") == {"zh"}
    assert languages_of("The Buyer shall pay within thirty days.") == {"en"}
    both = (
        "甲方应在验收合格后三十日内支付合同价款。" * 3
        + " The Buyer shall pay within thirty days of acceptance." * 3
    )
    assert languages_of(both) == {"zh", "en"}


def test_forced_language_skips_other_packs() -> None:
    text = "第一条 付款\n甲方在收到业主支付的相应款项后十个工作日内向乙方支付。"
    assert check_text(text, RULES, lang="zh").findings
    assert not check_text(text, RULES, lang="en").findings


def _brute_force(text: str) -> set[str]:
    """Every rule evaluated without the keyword prefilter (the slow reference)."""
    from bidassist.checklist.engine import _dedupe, _yielded

    norm = normalise(text)
    langs = languages_of(text)
    out = []
    yields: dict[str, list[str]] = {}
    for cr in RULES.rules:
        if cr.language in langs and any(k in norm for k in cr.keywords):
            f = evaluate_rule(cr, text, norm, Unit(text=text), RULES.role_patterns(cr.language))
            if f is not None:
                out.append(f)
                if cr.rule.yields_to:
                    yields[cr.id] = cr.rule.yields_to
    return {f.rule for f in _dedupe(_yielded(out, yields))}


_SNIPPETS = sorted(
    {ex for r in RULES.rules if r.language == "zh" for ex in r.rule.examples.match + r.rule.examples.no_match}
)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(_SNIPPETS), min_size=1, max_size=4))
def test_prefilter_equals_brute_force(parts: list[str]) -> None:
    text = "".join(parts)
    findings, _ = check_unit(Unit(text=text), RULES)
    assert {f.rule for f in findings} == _brute_force(text)


def test_full_width_digits_read() -> None:
    result = check_text("第一条 质保金\n甲方扣留合同总价的１０％作为质保金。", RULES)
    assert any(f.category == "retention.excessive" for f in result.findings)


def test_missing_only_condition() -> None:
    fired = check_text("第一条 付款\n货物经甲方验收合格后支付至合同总价的95%。", RULES)
    assert any(f.category == "payment.no_deadline" for f in fired.findings)
    quiet = check_text("第一条 付款\n货物经甲方验收合格后30日内支付至合同总价的95%。", RULES)
    assert not any(f.category == "payment.no_deadline" for f in quiet.findings)


def test_loading_the_same_packs_again_reuses_them_until_a_file_changes(tmp_path: Path) -> None:
    """A process that checks many contracts compiles the packs once (issue 17); an edited pack is
    read again, even when its size is unchanged."""
    assert load_packs() is load_packs()
    d = _write(tmp_path, PACK)
    first = load_packs([d])
    assert load_packs([d]) is first
    assert load_packs([d], languages={"zh"}) is not first
    (d / "pack.yaml").write_text(PACK.replace("0.03", "0.04"), encoding="utf-8")
    again = load_packs([d])
    assert again is not first
    result = check_text("第一条 质保金\n质保金为合同价的10%。", again)
    assert result.findings[0].threshold == Decimal("0.04")
