"""The capitals check pairs each amount in capitals with a figure on the same line (or table row),
reads figures in every common form, and reports exactly the lines that disagree (issue 12 item 4)."""

from __future__ import annotations

from decimal import Decimal as D

import pytest
from conftest import PRICE
from hypothesis import given
from hypothesis import strategies as st

from bidassist.core.errors import ProblemsError
from bidassist.core.money import format_money, rmb_upper
from bidassist.documents import render_template
from bidassist.documents.checks import _figures, check_units, text_units

# 12 amounts as a bid manager writes them: plain, separated, with ¥ / RMB / 元, full-width
AMOUNTS = [
    ("设备购置费", D("100700"), "{v}"),
    ("安装工程费", D("20000010"), "{v}元"),
    ("材料费", D("1409.50"), "¥{s}"),
    ("调试费", D("6007.14"), "RMB {v}"),
    ("培训费", D("1680.32"), "（小写：{s}元）"),
    ("运输费", D("107000.53"), "¥{v}"),
    ("保险费", D("16409.02"), "RMB{s}"),
    ("检测费", D("325.04"), "{v}"),
    ("备品备件", D("101.50"), "￥{v}"),
    ("技术服务费", D("1004.56"), "{s}"),
    ("税金", D("532"), "{v}.00"),
    ("总价", D("1000000"), "人民币{s}元"),
]


def amount_lines(amounts=AMOUNTS) -> list[str]:
    lines = []
    for i, (name, value, form) in enumerate(amounts, start=1):
        figure = form.format(v=f"{value:f}", s=format_money(value))
        lines.append(f"{i}. {name}：人民币{rmb_upper(value)}，{figure}")
    return lines


def write_template(tmp_path, lines):
    folder = tmp_path / "mine"
    folder.mkdir(exist_ok=True)
    path = folder / "amounts.txt"
    path.write_text("项目：{{ tender.name }}\n" + "\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_twelve_amounts_one_per_line_pass(bid, costs, tmp_path):
    tpl = write_template(tmp_path, amount_lines())
    out = render_template(tpl, bid, costs, PRICE, tmp_path / "out.txt")
    text = out.read_text(encoding="utf-8")
    assert text.count("人民币") >= 12
    results = check_units(
        text_units(text), doc="amounts", currency="CNY", price=PRICE, checks=(), schedule_count=None
    )
    assert [(r.check, r.severity) for r in results] == [("capitals", "ok")]
    assert results[0].message.startswith("12 amount(s)")


def test_one_wrong_capital_and_one_wrong_figure_reported_exactly(bid, costs, tmp_path):
    lines = amount_lines()
    # line 4: the capitals say 6,007.41 (digits swapped); line 9: the figure says 110.50
    lines[3] = lines[3].replace(rmb_upper(D("6007.14")), rmb_upper(D("6007.41")))
    lines[8] = lines[8].replace("101.50", "110.50")
    tpl = write_template(tmp_path, lines)
    with pytest.raises(ProblemsError) as exc:
        render_template(tpl, bid, costs, PRICE, tmp_path / "out.txt")
    problems = exc.value.problems
    assert len(problems) == 2, [str(p) for p in problems]
    assert rmb_upper(D("6007.41")) in problems[0].where
    assert "6,007.41" in problems[0].message and "6,007.14" in problems[0].message
    assert rmb_upper(D("101.50")) in problems[1].where
    assert "110.50" in problems[1].message
    assert not (tmp_path / "out.txt").exists()


def test_capitals_never_paired_with_another_lines_figure():
    # each line has its own figure: a wrong capital is not rescued by the next line's figure
    text = f"甲：人民币{rmb_upper(D('425.03'))} 100700\n乙：人民币{rmb_upper(D('100700'))} 425.03\n"
    results = check_units(
        text_units(text), doc="t", currency="CNY", price=D(1), checks=(), schedule_count=None
    )
    assert [r.severity for r in results] == ["error", "error"]


def test_capitals_on_one_line_figure_on_the_next():
    text = f"大写：人民币{rmb_upper(D('1234567.89'))}\n小写：¥1,234,567.89\n"
    results = check_units(
        text_units(text), doc="t", currency="CNY", price=D(1), checks=(), schedule_count=None
    )
    assert [r.severity for r in results] == ["ok"]


@given(
    st.decimals(min_value=D("0.01"), max_value=D("99999999999.99"), places=2),
    st.sampled_from(["{v}", "{s}", "¥{s}", "RMB {v}", "{v}元", "￥{s}", "RMB{s}元"]),
)
def test_every_figure_form_is_read(value, form):
    text = "报价 " + form.format(v=f"{value:f}", s=format_money(value)) + " 整"
    assert value in _figures(text)


def test_schedule_table_rows_keyed_by_the_buyers_codes():
    """A priced bill whose first column is the buyer's code (A.1.1), with section and 小计 rows."""
    from bidassist.documents.checks import TextUnit, check_schedule_table

    rows = [
        ("项目编码", "项目名称", "工程量", "综合单价", "合价"),
        ("A.1 土石方工程", "A.1 土石方工程", "A.1 土石方工程", "A.1 土石方工程", "A.1 土石方工程"),
        ("A.1.1", "挖土方", "1,250.5", "12.34", "15,431.17"),
        ("A.1.2", "回填", "3", "100.00", "300.00"),
        ("小计", "小计", "", "", "15,731.17"),
        ("合计", "合计", "", "", "15,731.17"),
    ]
    units = [TextUnit(" | ".join(r), r, 1) for r in rows]
    ok = check_schedule_table(units, doc="清单", price=D("15731.17"), count=2)
    assert [(c.check, c.severity) for c in ok] == [("schedule", "ok")]
    bad = list(rows)
    bad[3] = ("A.1.2", "回填", "3", "100.00", "301.00")
    found = check_schedule_table(
        [TextUnit(" | ".join(r), r, 1) for r in bad], doc="清单", price=D("15731.17"), count=2
    )
    assert {c.check for c in found if c.severity == "error"} == {"schedule-line", "schedule-sum"}
