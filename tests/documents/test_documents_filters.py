"""Filters and the strict, sandboxed environment."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

import pytest
from jinja2.exceptions import UndefinedError
from jinja2.sandbox import SecurityError

from bidassist.documents.environment import Record, collect_missing, make_environment


@pytest.fixture
def env():
    return make_environment(autoescape=False)


@pytest.mark.parametrize(
    "expr, value, expected",
    [
        ("x | money", D("1234.5"), "1,234.50"),
        ("x | money", D("0.005"), "0.01"),
        ("x | money('¥')", 9876543.21, "¥9,876,543.21"),
        ("x | rmb_upper", D("107000.53"), "壹拾万柒仟元零伍角叁分"),
        ("x | rmb_upper", D("16409.02"), "壹万陆仟肆佰零玖元零贰分"),
        ("x | rmb_upper(true)", D("532"), "人民币伍佰叁拾贰元整"),
        (
            "x | amount_words",
            D("1409.50"),
            "Renminbi One Thousand Four Hundred and Nine Yuan and Fifty Fen Only",
        ),
        ("x | amount_words('USD')", D("10"), "US Dollars Ten Only"),
        ("x | date_cn", dt.date(2026, 11, 22), "2026年11月22日"),
        ("x | date_cn", dt.datetime(2026, 1, 5, 9, 30), "2026年1月5日"),
        ("x | date_cn", "2026-03-04", "2026年3月4日"),
        ("x | date_en", dt.date(2026, 11, 22), "22 November 2026"),
        ("x | percent", D("0.13"), "13%"),
        ("x | percent", D("0.035"), "3.5%"),
        ("x | percent(1)", D("0.1"), "10.0%"),
        ("x | number", D("5230.50"), "5,230.5"),
        ("x | number", D("100"), "100"),
    ],
)
def test_filters(env, expr, value, expected):
    assert env.from_string("{{ " + expr + " }}").render(x=value) == expected


def test_amount_words_takes_the_currency_of_the_data(env):
    assert env.from_string("{{ x | amount_words }}").render(x=D(2), currency="EUR") == "Euros Two Only"


def test_filters_refuse_what_is_not_an_amount(env):
    from bidassist.core.money import AmountError

    with pytest.raises(AmountError, match="rmb_upper"):
        env.from_string("{{ x | rmb_upper }}").render(x="abc")
    with pytest.raises(AmountError, match="date_cn"):
        env.from_string("{{ x | date_cn }}").render(x="tomorrow")


def test_missing_fields_are_strict_outside_a_collector(env):
    with pytest.raises(UndefinedError):
        env.from_string("{{ nope }}").render()


def test_every_missing_field_is_collected_with_its_full_path(env):
    data = {
        "bidder": Record(
            "bidder",
            {"company": "X", "legal_representative": Record("bidder.legal_representative", {"name": "周"})},
        )
    }
    source = (
        "{{ bidder.company }}{{ bidder.post_code }}{{ bidder.legal_representative.age }}"
        "{{ bidder.authorised_agent.id_number }}{{ bidder.fax | money }}"
        "{% if tender.agency %}{{ tender.agency }}{% endif %}{{ bidder.email | default('-') }}"
        "{% for x in nothing %}{% endfor %}"
    )
    with collect_missing() as missing:
        text = env.from_string(source).render(data)
    assert text == "X-"
    assert missing == [
        "bidder.post_code",
        "bidder.legal_representative.age",
        "bidder.authorised_agent.id_number",
        "bidder.fax",
        "nothing",
    ]


def test_sandbox_refuses_internals_even_while_collecting(env):
    with collect_missing(), pytest.raises(SecurityError):
        env.from_string("{{ ''.__class__.__mro__ }}").render()
    with pytest.raises(SecurityError):
        env.from_string("{{ x.__class__ }}").render(x=D(1))


def test_word_escaping_and_control_characters():
    env = make_environment(autoescape=True)
    assert env.from_string("{{ x }}").render(x='A & B <Tech> "Q"') == "A &amp; B &lt;Tech&gt; &#34;Q&#34;"
    assert env.from_string("{{ x }}").render(x="a\x0cb\x07c\x00") == "abc"
    assert env.from_string("{{ x }}").render(x=None) == ""
