"""Money and number parsers under hostile input (issue 18, item 9): every function raises only the
project's own error, within documented bounds, and the capitals grammar accepts only well-ordered
units with 零 where places are skipped."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bidassist.core.money import (
    AMOUNT_LIMIT,
    AmountError,
    amount_words,
    format_money,
    parse_amount,
    parse_number,
    parse_rmb_upper,
    rmb_upper,
    round_money,
    to_decimal,
)
from bidassist.core.numbers import CHINESE_LIMIT, chinese_numeral, int_to_chinese

MONEY_FUNCTIONS = [round_money, format_money, rmb_upper, amount_words, to_decimal]
HOSTILE_VALUES = [
    Decimal("NaN"),
    Decimal("sNaN"),
    Decimal("Infinity"),
    Decimal("-Infinity"),
    Decimal("1e26"),
    Decimal("1e400"),
    Decimal("12345678901234567890123456789"),
    float("nan"),
    float("inf"),
    float("-inf"),
    1e308,
    10**26,
    10**400,
    "1" * 27,
    "1" * 30000,
    "NaN",
    "inf",
    "1e400",
    "-1e400",
    "1E+26",
]


@pytest.mark.parametrize("func", MONEY_FUNCTIONS)
@pytest.mark.parametrize("value", HOSTILE_VALUES, ids=lambda v: repr(v)[:24])
def test_money_functions_refuse_with_amount_error(func, value):
    with pytest.raises(AmountError):
        func(value)


def test_bound_is_named_in_the_message():
    with pytest.raises(AmountError, match=r"10\^15"):
        parse_amount("1" * 27)
    with pytest.raises(AmountError, match=r"10\^15"):
        to_decimal(Decimal("1e26"))
    assert parse_amount(format_money(AMOUNT_LIMIT)) == AMOUNT_LIMIT


@pytest.mark.slow
@settings(max_examples=1500, deadline=None)
@given(st.text(max_size=80))
def test_parse_amount_raises_only_amount_error(text):
    for parse in (parse_amount, parse_number):
        try:
            value = parse(text)
        except AmountError:
            continue
        assert value.is_finite() and abs(value) <= AMOUNT_LIMIT
        round_money(value)  # whatever is accepted can be rounded


@pytest.mark.slow
@settings(max_examples=1500, deadline=None)
@given(st.text(alphabet="0123456789.,-()¥%万亿元 e", max_size=40))
def test_parse_amount_digits_raise_only_amount_error(text):
    try:
        value = parse_amount(text)
    except AmountError:
        return
    assert abs(value) <= AMOUNT_LIMIT
    format_money(value)


@pytest.mark.slow
@settings(max_examples=1500, deadline=None)
@given(st.decimals(allow_nan=True, allow_infinity=True) | st.floats() | st.integers())
def test_money_functions_total(value):
    for func in MONEY_FUNCTIONS:
        try:
            func(value)
        except AmountError:
            pass


@pytest.mark.parametrize(
    "text",
    [
        "壹佰壹仟元整",
        "壹拾壹拾元整",
        "壹仟壹万元整",
        "壹万壹万元整",
        "壹亿壹亿元整",
        "壹佰伍元整",
        "壹仟壹拾元整",
        "壹万伍元整",
        "壹仟零伍佰元整",
        "壹仟零零伍元整",
        "零壹佰元整",
        "壹佰零元整",
        "壹拾零万元整",
        "壹万零伍仟元整",
        "拾元整",
        "伍佰万壹亿元整",
        "壹" * 200 + "元整",
    ],
)
def test_capitals_out_of_order_or_misplaced_zero_are_refused(text):
    with pytest.raises(AmountError):
        parse_rmb_upper(text)


CAPITAL_CHARS = "零壹贰叁肆伍陆柒捌玖拾佰仟万亿元角分整正"


def _skeleton(text: str) -> str:
    """Capitals without 零, 人民币 and the closing 整/正: the digits and units in order."""
    text = text.removeprefix("人民币")
    if text.startswith("零元") and len(text) > 2:
        text = text[2:]  # 零元伍角 is an accepted form of 伍角
    return text.replace("零", "").rstrip("整正")


@pytest.mark.slow
@settings(max_examples=4000, deadline=None)
@given(st.text(alphabet=CAPITAL_CHARS, max_size=24))
def test_capitals_grammar_accepts_only_well_ordered_forms(text):
    try:
        value = parse_rmb_upper(text)
    except AmountError:
        return
    assert 0 <= value < Decimal("1e12")
    assert _skeleton(text) == _skeleton(rmb_upper(value)), (text, rmb_upper(value))


@pytest.mark.slow
@settings(max_examples=2000, deadline=None)
@given(st.integers(min_value=1, max_value=10**12 - 1))
def test_capitals_without_optional_zero_still_read(n):
    upper = rmb_upper(Decimal(n))
    assert parse_rmb_upper(upper) == n
    # 零 after 万/亿 may be left out only when the next digit is in the 仟 place (PBoC)
    for unit in ("万零", "亿零"):
        at = upper.find(unit)
        if at >= 0:
            variant = upper[: at + 1] + upper[at + 2 :]
            if variant[at + 2 : at + 3] == "仟":
                assert parse_rmb_upper(variant) == n
            else:
                with pytest.raises(AmountError):
                    parse_rmb_upper(variant)


@pytest.mark.slow
@settings(max_examples=2000, deadline=None)
@given(st.integers(min_value=0, max_value=CHINESE_LIMIT - 1))
def test_chinese_numerals_round_trip_below_the_limit(n):
    assert chinese_numeral(int_to_chinese(n)) == n
    assert chinese_numeral(int_to_chinese(n, legal=True)) == n


def test_chinese_numerals_refuse_beyond_the_limit():
    with pytest.raises(ValueError, match="10\\^16"):
        int_to_chinese(CHINESE_LIMIT)
    with pytest.raises(ValueError):
        chinese_numeral("1" * 30000)
    with pytest.raises(ValueError):
        chinese_numeral("一" * 30000)


@pytest.mark.slow
@settings(max_examples=2000, deadline=None)
@given(st.text(alphabet="零一二三四五六七八九十百千万亿两廿〇壹贰拾佰仟萬億0123456789", max_size=50))
def test_chinese_numeral_raises_only_value_error(text):
    try:
        n = chinese_numeral(text)
    except ValueError:
        return
    assert n >= 0
