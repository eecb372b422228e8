"""Key accounts workbook for management: the tier table, a Pareto chart of profit, flags with their
evidence, and each customer's payment behaviour (days to pay by invoice, as a chart). Every row
carries the ids of the store rows it was computed from.

Text that comes from users (customer names, evidence quoting them) is written as text, never as a
formula (`core.celltext`)."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.chart import BarChart, LineChart, Reference, ScatterChart, Series
from openpyxl.styles import Font
from openpyxl.worksheet.worksheet import Worksheet

from bidassist.accounts.assess import Account, Assessment
from bidassist.core.celltext import protect_workbook
from bidassist.core.xlsxout import new_workbook, save_workbook

_MONEY = "#,##0.00"
_PCT = "0.0%"
#: customers given a payment chart of their own (the top of the ranking)
PAYMENT_CHARTS = 10


def _header(ws: Worksheet, names: list[str]) -> None:
    ws.append(names)
    for cell in ws[ws.max_row]:
        cell.font = Font(bold=True)
    ws.freeze_panes = "A2"


def _tiers_sheet(ws: Worksheet, accounts: list[Account]) -> None:
    _header(
        ws,
        [
            "排名 Rank",
            "客户 Customer",
            "层级 Tier",
            "利润 Profit",
            "利润占比 Profit share",
            "累计占比 Cumulative",
            "收入 Revenue",
            "毛利率后 Margin after financing",
            "融资成本 Financing",
            "DSO",
            "逾期占比 Late share",
            "P(alive)",
            "标记 Flags",
            "说明 Explanation",
            "ids",
        ],
    )
    cum = 0.0
    for a in accounts:
        v, p = a.value, a.place
        cum += p.profit_share
        ws.append(
            [
                p.rank,
                v.name,
                p.tier,
                v.profit,
                p.profit_share,
                cum,
                v.revenue,
                v.margin,
                v.financing_cost,
                v.payments.dso,
                v.payments.share_late,
                a.p_alive,
                ", ".join(f.name for f in a.flags),
                p.explain(),
                "; ".join(f"{k}: {','.join(ids)}" for k, ids in v.ids.items() if ids),
            ]
        )
        for col, fmt in ((4, _MONEY), (5, _PCT), (6, _PCT), (7, _MONEY), (8, _PCT), (9, _MONEY), (11, _PCT)):
            ws.cell(ws.max_row, col).number_format = fmt
    ws.column_dimensions["B"].width = 28
    ws.column_dimensions["N"].width = 50


def _pareto_chart(ws: Worksheet, n: int) -> None:
    bar = BarChart()
    bar.title = "帕累托 Pareto: profit by customer"
    bar.y_axis.title = "Profit"
    bar.add_data(Reference(ws, min_col=4, min_row=1, max_row=n + 1), titles_from_data=True)
    bar.set_categories(Reference(ws, min_col=2, min_row=2, max_row=n + 1))
    line = LineChart()
    line.add_data(Reference(ws, min_col=6, min_row=1, max_row=n + 1), titles_from_data=True)
    line.y_axis.axId = 200
    line.y_axis.title = "Cumulative share"
    line.y_axis.crosses = "max"
    bar.x_axis.delete = bar.y_axis.delete = line.y_axis.delete = False
    bar += line
    bar.height, bar.width = 10, 24
    ws.add_chart(bar, "Q2")


def _flags_sheet(ws: Worksheet, accounts: list[Account]) -> None:
    _header(ws, ["客户 Customer", "层级 Tier", "标记 Flag", "证据 Evidence", "ids"])
    for a in accounts:
        for f in a.flags:
            ws.append(
                [
                    a.value.name,
                    a.place.tier,
                    f.name,
                    "\n".join(f.evidence),
                    "; ".join(f"{k}: {','.join(ids)}" for k, ids in a.value.ids.items() if ids),
                ]
            )
    ws.column_dimensions["A"].width = 28
    ws.column_dimensions["D"].width = 90


def _payments_sheet(ws: Worksheet, accounts: list[Account]) -> None:
    _header(
        ws,
        [
            "客户 Customer",
            "发票 Invoice",
            "开票日 Date",
            "到期日 Due",
            "金额 Amount",
            "未收 Open",
            "天数 Days to pay",
            "逾期 Late",
            "融资成本 Financing",
        ],
    )
    anchor_row = 2
    for a in accounts[:PAYMENT_CHARTS]:
        rows = a.value.payments.invoices
        if not rows:
            continue
        first = ws.max_row + 1
        for i in rows:
            ws.append(
                [
                    a.value.name,
                    i.invoice_id,
                    i.date,
                    i.due,
                    i.amount,
                    i.open,
                    i.days,
                    "yes" if i.late else "",
                    i.financing_cost,
                ]
            )
        last = ws.max_row
        chart = ScatterChart()
        chart.title = f"{a.value.name}: days to pay"
        chart.x_axis.title, chart.y_axis.title = "Invoice date", "Days"
        chart.x_axis.number_format = "yyyy-mm"
        chart.x_axis.delete = chart.y_axis.delete = False
        series = Series(
            Reference(ws, min_col=7, min_row=first, max_row=last),
            Reference(ws, min_col=3, min_row=first, max_row=last),
            title="days",
        )
        series.marker.symbol = "circle"
        series.graphicalProperties.line.noFill = True
        chart.series.append(series)
        chart.height, chart.width = 7, 16
        ws.add_chart(chart, f"K{anchor_row}")
        anchor_row += 15
    ws.column_dimensions["A"].width = 28


def build_accounts_workbook(result: Assessment) -> Workbook:
    wb, tiers = new_workbook("Tiers")
    accounts = result.ranked()
    _tiers_sheet(tiers, accounts)
    if accounts:
        _pareto_chart(tiers, len(accounts))
    _flags_sheet(wb.create_sheet("Flags"), accounts)
    _payments_sheet(wb.create_sheet("Payments"), accounts)
    notes = wb.create_sheet("Notes")
    notes.append(["repeat-purchase model", result.repeat_model.note])
    notes.append(["by group", "yes" if result.by_group else "no"])
    protect_workbook(wb)
    return wb


def write_accounts_xlsx(result: Assessment, path: Path, *, force: bool = False) -> Path:
    return save_workbook(build_accounts_workbook(result), path, force=force)
