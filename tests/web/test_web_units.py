"""The web layer's own small pieces: SVG charts, the cell references of the grid, upload names."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from hypothesis import given
from hypothesis import strategies as st

from bidassist.web.charts import s_curve_chart, tornado_chart, win_profit_chart
from bidassist.web.grid import parse_cell
from bidassist.web.uploads import safe_name

SVG = "{http://www.w3.org/2000/svg}"
finite = st.floats(min_value=-1e9, max_value=1e9, allow_nan=False)


@given(st.lists(st.tuples(finite, st.floats(0, 1), finite), min_size=1, max_size=60))
def test_win_profit_chart_is_well_formed_with_one_vertex_per_point(points):
    prices, p_win, profit = (list(t) for t in zip(*points, strict=True))
    svg = ET.fromstring(
        win_profit_chart(prices, p_win, profit, recommended=prices[0], band=(min(prices), max(prices)))
    )
    paths = {p.get("class"): p.get("d") for p in svg.iter(SVG + "path")}
    assert paths["line pwin"].count("L") == len(points) - 1
    assert paths["line profit"].count("L") == len(points) - 1


@given(st.lists(st.tuples(st.text(max_size=40), st.floats(0, 1)), max_size=30))
def test_tornado_escapes_names_and_keeps_the_ten_largest(items):
    out = tornado_chart(items)
    if not items:
        assert out == ""
        return
    svg = ET.fromstring(out)
    assert len(list(svg.iter(SVG + "rect"))) == min(len(items), 10)


def test_s_curve_chart():
    svg = ET.fromstring(s_curve_chart([(0.1, 90.0), (0.5, 100.0), (0.9, 130.0)]))
    assert svg.get("aria-label") == "cost-s-curve"
    assert s_curve_chart([]) == ""


def test_parse_cell():
    assert parse_cell("Costs!E17") == ("Costs", 16, 4)
    assert parse_cell("'My costs'!$AA$3: value") == ("My costs", 2, 26)
    assert parse_cell("'O''Brien'!B2") == ("O'Brien", 1, 1)
    assert parse_cell("成本!F4: the stated total") == ("成本", 3, 5)
    assert parse_cell("costs.xlsx") is None and parse_cell(None) is None


@given(st.text(max_size=200))
def test_safe_name_never_leaves_the_folder(name):
    out = safe_name(name, "x.txt")
    assert out and "/" not in out and "\\" not in out and not out.startswith(".") and len(out) <= 120
