"""Parties read from the form lines of real contracts (dev: zh-103, zh-105, zh-720, zh-914):
a role word given 甲方/乙方 as its short name is one party with both labels; 乙方 used but
defined nowhere is the one supplier party; two definitions on consecutive lines stay two parties;
a supplier word in a table is our side, not a counterparty. The look-alikes: a name that is the
other side's word, or 甲方/乙方 itself, is a misread form line and joins nothing."""

from __future__ import annotations

import pytest

from bidassist.checklist.parties import choose_we, find_parties


def _roles(text: str, we: str | None = None) -> dict[tuple[str, ...], str]:
    return {tuple(p.labels): p.role for p in choose_we(find_parties([(text, None)]), we).parties}


@pytest.mark.parametrize(
    ("text", "we", "expected"),
    [
        pytest.param(  # zh-103: 供货方（以下简称乙方） then 供货方：＿＿
            "购货合同\n需货方（以下简称甲方）\n需货方：＿＿\n\n供货方（以下简称乙方）\n供货方：＿＿\n",
            "乙方",
            {("供货方", "乙方"): "supplier", ("甲方",): "buyer"},
            id="defined-role-word",
        ),
        pytest.param(  # zh-105: 乙方 only in the body; 购货方 is 甲方
            "购货方：(以下称甲方)某鞋业有限公司　鉴定地点：\n供货方：＿＿　签约日：＿＿\n",
            "乙方",
            {("购货方", "甲方"): "buyer", ("供货方", "乙方"): "supplier"},
            id="undefined-yi",
        ),
        pytest.param(  # zh-720: two definitions on consecutive lines, both blank
            "发包方（以下称甲方）：\n承包方（以下称乙方）：\n根据《合同法》，订立本合同。",
            "乙方",
            {("发包方", "甲方"): "buyer", ("承包方", "乙方"): "supplier"},
            id="consecutive-definitions",
        ),
        pytest.param(  # look-alike: the other side's word as a "name" joins nothing
            "Buyer: Seller\nSeller: Acme Ltd\n",
            None,
            {("buyer",): "buyer", ("seller",): "supplier"},
            id="other-side-word-is-no-name",
        ),
        pytest.param(  # look-alike: 乙方 as the "name" of 甲方 (a misread form line)
            "甲方：乙方\n乙方：某设备公司\n",
            None,
            {("甲方",): "buyer", ("乙方",): "supplier"},
            id="jia-yi-is-no-name",
        ),
    ],
)
def test_form_lines(text: str, we: str | None, expected: dict) -> None:
    assert _roles(text, we) == expected


def test_a_supplier_word_in_a_table_is_our_side() -> None:
    """zh-914: 供应商： | 考核部门 | in an appraisal table, beside 甲方/乙方: not a buyer."""
    got = choose_we(find_parties([("甲方：成都市某医院\n乙方：＿＿\n供应商： | 考核部门 |\n", None)]), "乙方")
    assert all(p.role == "supplier" for p in got.parties if "供应商" in p.labels)
    assert "供应商" in next(p for p in got.parties if "乙方" in p.labels).labels


def test_a_third_party_beside_jia_is_still_a_counterparty() -> None:
    """The three-party case stays: 服务方（甲方） beside 供货方（丙方）, we are 丙方."""
    got = choose_we(
        find_parties([("服务方（甲方）：某平台\n采购方（乙方）：某医院\n供货方（丙方）：某工厂\n", None)]),
        "丙方",
    )
    assert next(p for p in got.parties if "丙方" in p.labels).role == "supplier"
    assert next(p for p in got.parties if "甲方" in p.labels).role == "buyer"


KEY_PERSONNEL = (
    "The Successful Offeror shall provide the Key Personnel named in its proposal. "
    "Key Personnel shall work on site. Key Personnel shall not be replaced without approval of the AOC. "
    "The AOC may reject any Key Personnel. Key Personnel may be removed by the AOC. "
    "The Successful Offeror shall invoice the AOC monthly. The AOC shall pay within 30 days. "
    "The AOC may terminate the contract. The Successful Offeror shall keep records for the AOC. "
    "Key Personnel shall keep time sheets. The AOC shall notify the Successful Offeror in writing. "
)


def test_a_person_of_a_party_is_no_party() -> None:
    """en-912: we are the "Successful Offeror"; "Key Personnel" (a defined term for the
    supplier's staff, used most) is not the buyer: the AOC is."""
    from bidassist.checklist.parties import with_we_named

    got = choose_we(with_we_named([], KEY_PERSONNEL, "Successful Offeror"), "Successful Offeror")
    buyers = [p.labels for p in got.parties if p.role == "buyer"]
    assert buyers == [["aoc"]]
