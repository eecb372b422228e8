"""Excel workbook of a pricing result, for finance: inputs, percentiles, the price curve as a table
and as native Excel charts (cost S-curve, P(win) and expected profit against price), the tornado."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference, ScatterChart, Series
from openpyxl.styles import Font
from openpyxl.worksheet.worksheet import Worksheet

from bidassist.core.celltext import protect_workbook
from bidassist.core.xlsxout import new_workbook, save_workbook
from bidassist.pricing.result import PriceResult

_MONEY = "#,##0.00"
_PCT = "0.0%"


def _scatter(title: str, x_title: str, y_title: str) -> ScatterChart:
    ch = ScatterChart()
    ch.title = title
    ch.style = 13
    ch.x_axis.title = x_title
    ch.y_axis.title = y_title
    ch.height, ch.width = 9, 18
    ch.x_axis.delete = False
    ch.y_axis.delete = False
    return ch


def _mark_prices(cv, result: PriceResult, charts: list[ScatterChart], n: int) -> None:
    """Vertical lines on each chart at the recommended price, the band's edges and the ceiling."""
    marks = [
        ("建议报价 Recommended", result.recommended.price),
        ("近优下限 Band low", result.band.low),
        ("近优上限 Band high", result.band.high),
    ]
    ceiling = result.inputs.get("ceiling_price")
    if ceiling is not None:
        marks.append(("最高限价 Ceiling", ceiling))
    top_p = 1.0
    top_e = max([float(c.expected_profit) for c in result.curve] + [0.0])
    low_e = min([float(c.expected_profit) for c in result.curve] + [0.0])
    col = 8 + 12  # marker table to the right of the charts
    cv.cell(1, col, "标记 Marks")
    for i, (name, x) in enumerate(marks):
        r0 = 2 + 3 * i
        cv.cell(r0, col, name)
        for j, (yp, ye) in enumerate(((0.0, low_e), (top_p, top_e))):
            cv.cell(r0 + 1 + j, col, float(x))
            cv.cell(r0 + 1 + j, col + 1, yp)
            cv.cell(r0 + 1 + j, col + 2, ye)
        xs = Reference(cv, min_col=col, min_row=r0 + 1, max_row=r0 + 2)
        for chart, ycol in zip(charts, (col + 1, col + 2), strict=True):
            s = Series(Reference(cv, min_col=ycol, min_row=r0 + 1, max_row=r0 + 2), xs, title=name)
            s.marker.symbol = "none"
            chart.series.append(s)


def build_price_workbook(result: PriceResult) -> Workbook:
    wb, ws = new_workbook("Summary")
    _summary_sheet(ws, result)
    _curve_sheet(wb.create_sheet("Curve"), result)
    _s_curve_sheet(wb.create_sheet("S-curve"), result)
    _tornado_sheet(wb.create_sheet("Tornado"), result)
    if result.scenarios:
        _scenario_sheet(wb, result)
    protect_workbook(wb)  # risk names, descriptions and notes are user text: never formulas
    return wb


def _summary_rows(result: PriceResult) -> list[tuple[str, Any, str | None]]:
    """(label, value, number format) of the summary sheet."""
    r = result.recommended
    return [
        ("建议报价 Recommended price", r.price, _MONEY),
        ("中标概率 P(win)", r.p_win, _PCT),
        ("期望利润 Expected profit", r.expected_profit, _MONEY),
        ("利润率 Margin", r.margin, _PCT),
        ("中标后亏损概率 P(loss if won)", r.p_loss_if_won, _PCT),
        ("P(win) 标准误 SE", r.p_win_se, "0.0000"),
        ("期望利润标准误 Expected profit SE", r.expected_profit_se, _MONEY),
        ("P(loss if won) 标准误 SE", r.p_loss_if_won_se, "0.0000"),
        ("近优区间下限 Near-optimal band low", result.band.low, _MONEY),
        ("近优区间上限 Near-optimal band high", result.band.high, _MONEY),
        ("分析结论 Decision", result.decision.status, None),
        ("理由 Reason", result.decision.reason, None),
        (
            "收敛 Converged",
            "yes"
            if result.convergence.converged
            else f"no: about {result.convergence.iterations_needed:,} iterations needed",
            None,
        ),
        ("区间下限 Range low", result.range.low, _MONEY),
        ("区间上限 Range high", result.range.high, _MONEY),
        ("成本均值 Cost mean", result.cost.mean, _MONEY),
        ("成本 P10", result.cost.p10, _MONEY),
        ("成本 P50", result.cost.p50, _MONEY),
        ("成本 P80", result.cost.p80, _MONEY),
        ("成本 P90", result.cost.p90, _MONEY),
        ("基准估算 Likely estimate", result.cost.likely, _MONEY),
        ("不可预见费 Contingency (P80 − likely)", result.contingency, _MONEY),
        ("成本口径 Cost basis", result.cost.basis, None),
    ]


def _summary_sheet(ws: Worksheet, result: PriceResult) -> None:
    bold = Font(bold=True)
    ws.append(["项目 Item", "值 Value"])
    ws["A1"].font = ws["B1"].font = bold
    for label, value, fmt in _summary_rows(result):
        ws.append([label, value])
        if fmt:
            ws.cell(ws.max_row, 2).number_format = fmt
    ws.append([])
    ws.append(["输入 Inputs"])
    ws.cell(ws.max_row, 1).font = bold
    for k, v in result.inputs.items():
        ws.append(
            [k, v if isinstance(v, (int, float, str)) or v is None else json.dumps(v, ensure_ascii=False)]
        )
    ws.append([])
    for w in result.warnings:
        ws.append(["warning", w])
    for note in result.notes:
        ws.append(["note", note])
    ws.column_dimensions["A"].width = 40
    ws.column_dimensions["B"].width = 60


def _curve_sheet(cv: Worksheet, result: PriceResult) -> None:
    cv.append(
        [
            "报价 Price",
            "中标概率 P(win)",
            "期望利润 Expected profit",
            "中标后亏损概率 P(loss if won)",
            "中标利润 Profit if won",
        ]
    )
    for c in result.curve:
        cv.append([c.price, c.p_win, c.expected_profit, c.p_loss_if_won, c.profit_if_won])
        cv.cell(cv.max_row, 1).number_format = _MONEY
        cv.cell(cv.max_row, 2).number_format = _PCT
        cv.cell(cv.max_row, 3).number_format = _MONEY
    n = len(result.curve) + 1
    x = Reference(cv, min_col=1, min_row=2, max_row=n)
    ch = _scatter("中标概率 P(win) vs price", "Price", "P(win)")
    s = Series(Reference(cv, min_col=2, min_row=1, max_row=n), x, title_from_data=True)
    s.marker.symbol = "none"
    ch.series.append(s)
    cv.add_chart(ch, "G2")
    ch2 = _scatter("期望利润 Expected profit vs price", "Price", "Expected profit")
    s2 = Series(Reference(cv, min_col=3, min_row=1, max_row=n), x, title_from_data=True)
    s2.marker.symbol = "none"
    ch2.series.append(s2)
    _mark_prices(cv, result, [ch, ch2], n)
    cv.add_chart(ch2, "G21")


def _s_curve_sheet(sc: Worksheet, result: PriceResult) -> None:
    sc.append(["概率 Probability", "成本 Cost"])
    for pr, v in result.s_curve:
        sc.append([pr, v])
        sc.cell(sc.max_row, 2).number_format = _MONEY
    m = len(result.s_curve) + 1
    ch3 = _scatter("成本S曲线 Cost S-curve", "Cost", "P(cost ≤ x)")
    s3 = Series(
        Reference(sc, min_col=1, min_row=1, max_row=m),
        Reference(sc, min_col=2, min_row=2, max_row=m),
        title_from_data=True,
    )
    s3.marker.symbol = "none"
    ch3.series.append(s3)
    sc.add_chart(ch3, "D2")


def _tornado_sheet(tw: Worksheet, result: PriceResult) -> None:
    tw.append(["项目 Item", "方差占比 Share of variance", "标准差 SD"])
    items = [s for s in result.sensitivity if s.kind in ("line", "risk")]
    for s in items:
        tw.append([f"{s.code + ' ' if s.code else ''}{s.name}", s.share_of_variance, s.sd])
        tw.cell(tw.max_row, 2).number_format = _PCT
    if items:
        bar = BarChart()
        bar.type = "bar"
        bar.title = "龙卷风图 Tornado: share of cost variance"
        bar.height, bar.width = 10, 18
        bar.add_data(Reference(tw, min_col=2, min_row=1, max_row=len(items) + 1), titles_from_data=True)
        bar.set_categories(Reference(tw, min_col=1, min_row=2, max_row=len(items) + 1))
        bar.y_axis.delete = False
        bar.x_axis.delete = False
        bar.x_axis.scaling.orientation = "maxMin"
        tw.add_chart(bar, "E2")
    tw.append([])
    tw.append(["对手数量变化 Competitors", "建议报价 Recommended price", "中标概率 P(win)"])
    for s in result.sensitivity:
        if s.kind == "competitors":
            tw.append([s.count_change, s.recommended_price, s.p_win])
    tw.column_dimensions["A"].width = 36


def _scenario_sheet(wb: Workbook, result: PriceResult) -> None:
    ws = wb.create_sheet("Scenarios")
    ws.append(
        [
            "情景 Scenario",
            "建议报价 Price",
            "P(win)",
            "期望利润 Expected profit",
            "近优下限 Band low",
            "近优上限 Band high",
            "结论 Decision",
            "文件 File",
        ]
    )
    base = result.to_json()
    for name, row, file in [("base 基准", base, "")] + [(s["name"], s, s["file"]) for s in result.scenarios]:
        rec, band = row["recommended"], row["near_optimal_band"]
        ws.append(
            [
                name,
                float(rec["price"]),
                rec["p_win"],
                float(rec["expected_profit"]),
                float(band["low"]),
                float(band["high"]),
                row["decision"]["status"],
                file,
            ]
        )
        ws.cell(ws.max_row, 3).number_format = _PCT
    ws.column_dimensions["A"].width = 24


def write_price_xlsx(result: PriceResult, path: Path, *, force: bool = False) -> Path:
    """Write the workbook atomically; refuses to overwrite unless `force`."""
    return save_workbook(build_price_workbook(result), path, force=force)
