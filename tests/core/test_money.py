"""Amounts: parsing as finance writes them, rounding, capitals (every vector of amounts.md), words."""

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bidassist.core.money import (
    AmountError,
    amount_words,
    format_money,
    parse_amount,
    parse_number,
    parse_rmb_upper,
    rmb_upper,
    round_money,
    upper_matches,
)

# (figures, generated capitals, other accepted forms) — shared/domain/amounts.md
VECTORS = [
    ("1409.50", "壹仟肆佰零玖元伍角", ["壹仟肆佰零玖元伍角整"]),
    ("6007.14", "陆仟零柒元壹角肆分", []),
    ("1680.32", "壹仟陆佰捌拾元零叁角贰分", ["壹仟陆佰捌拾元叁角贰分"]),
    ("107000.53", "壹拾万柒仟元零伍角叁分", ["壹拾万零柒仟元伍角叁分"]),
    ("16409.02", "壹万陆仟肆佰零玖元零贰分", []),
    ("325.04", "叁佰贰拾伍元零肆分", []),
    ("101.50", "壹佰零壹元伍角", ["壹佰零壹元伍角整"]),
    ("1004.56", "壹仟零肆元伍角陆分", []),
    ("532.00", "伍佰叁拾贰元整", ["伍佰叁拾贰元正"]),
    ("10.00", "壹拾元整", []),
    ("1000000.00", "壹佰万元整", []),
    ("100000000.00", "壹亿元整", []),
    ("0.50", "伍角", ["零元伍角"]),
    ("0.05", "伍分", ["零元伍分"]),
    ("10050000", "壹仟零伍万元整", []),
]


@pytest.mark.parametrize("figures,generated,accepted", VECTORS)
def test_capitals_vectors(figures, generated, accepted):
    assert rmb_upper(Decimal(figures)) == generated
    for form in [generated, *accepted, "人民币" + generated]:
        assert parse_rmb_upper(form) == Decimal(figures), form


def test_traditional_forms_are_read():
    assert parse_rmb_upper("貳萬陸仟圓整") == Decimal("26000")
    assert parse_rmb_upper("壹億元整") == Decimal("100000000")


@pytest.mark.parametrize(
    "text",
    [
        "人民币 壹拾元整",  # space after 人民币
        "两元整",
        "壹拾元另伍角",
        "伍毛",
        "念元整",
        "壹〇元整",
        "1拾元整",
        "一百元整",
        "壹拾元",  # whole amount without 整
        "壹拾元伍角叁分整",  # 整 after 分
        "伍元零角零分",
        "叁佰贰拾伍元肆分",  # missing 零 after 元
        "",
        "元整",
        "整",
    ],
)
def test_capitals_rejected(text):
    with pytest.raises(AmountError):
        parse_rmb_upper(text)


def test_capitals_round_half_up_never_truncate():
    assert rmb_upper(Decimal("1.999")) == "贰元整"
    assert rmb_upper(Decimal("0.005")) == "壹分"
    assert rmb_upper(Decimal("0.004")) == "零元整"


def test_capitals_refuse_negative_and_huge():
    with pytest.raises(AmountError, match="negative"):
        rmb_upper(Decimal("-1"))
    with pytest.raises(AmountError, match="too large"):
        rmb_upper(Decimal("1000000000000"))
    assert rmb_upper(Decimal("999999999999.99")).startswith("玖仟玖佰玖拾玖亿")


amounts = st.decimals(
    min_value=0, max_value=Decimal("999999999999.99"), places=2, allow_nan=False, allow_infinity=False
)


@pytest.mark.slow
@settings(max_examples=3000, deadline=None)
@given(amounts)
def test_capitals_round_trip(amount):
    upper = rmb_upper(amount)
    assert parse_rmb_upper(upper) == amount
    assert upper_matches(upper, amount)
    assert not any(ch in upper for ch in "两另毛念〇0123456789 ")
    assert upper.endswith(("整", "角", "分"))


@pytest.mark.slow
@settings(max_examples=1000, deadline=None)
@given(amounts)
def test_capitals_prefixed_round_trip(amount):
    assert parse_rmb_upper(rmb_upper(amount, prefix=True)) == amount


@pytest.mark.slow
@settings(max_examples=1000, deadline=None)
@given(st.decimals(min_value=-(10**9), max_value=10**9, places=6, allow_nan=False, allow_infinity=False))
def test_round_money_is_half_up_to_cents(value):
    r = round_money(value)
    assert r.as_tuple().exponent == -2
    assert abs(r - value) <= Decimal("0.005")
    # half-up: exactly halfway goes away from zero
    assert round_money(Decimal("0.125")) == Decimal("0.13")
    assert round_money(Decimal("-0.125")) == Decimal("-0.13")


@pytest.mark.slow
@settings(max_examples=1000, deadline=None)
@given(st.decimals(min_value=0, max_value=10**11, places=2, allow_nan=False, allow_infinity=False))
def test_format_then_parse_is_identity(value):
    assert parse_amount(format_money(value)) == value
    assert parse_amount("¥" + format_money(value)) == value


@pytest.mark.parametrize(
    "text,value",
    [
        ("1,234.50", "1234.50"),
        ("¥1,234.50", "1234.50"),
        ("￥1,234.50", "1234.50"),
        ("RMB 1 234.5", "1234.5"),
        ("12.5万", "125000"),
        ("12.5万元", "125000"),
        ("1.2亿", "120000000"),
        ("(1,234.00)", "-1234.00"),
        ("-5", "-5"),
        ("１２３４．５", "1234.5"),
        ("1,234,567", "1234567"),
        ("1234元", "1234"),
        ("USD 3.5", "3.5"),
    ],
)
def test_parse_amount(text, value):
    assert parse_amount(text) == Decimal(value)


@pytest.mark.parametrize("text", ["12,5O", "1.234,50", "12,5", "abc", "", "1,23,4", "15%", "1..2", "¥"])
def test_parse_amount_rejects_ambiguous(text):
    with pytest.raises(AmountError):
        parse_amount(text)


def test_parse_number_percent():
    assert parse_number("15%") == Decimal("0.15")
    assert parse_number("１５％") == Decimal("0.15")


def test_amount_words():
    assert amount_words(Decimal("1409.50")) == (
        "Renminbi One Thousand Four Hundred and Nine Yuan and Fifty Fen Only"
    )
    assert amount_words(Decimal("1000000"), "USD") == "US Dollars One Million Only"
    assert amount_words(Decimal("21.05"), "USD") == "US Dollars Twenty-One and Five Cents Only"
    assert amount_words(Decimal("0.05")) == "Renminbi Five Fen Only"
    with pytest.raises(AmountError):
        amount_words(Decimal("-3"))
