"""The tables of a GB50500 清单计价 export (招标控制价 / 投标报价, 广联达-style), by their names.

Such a workbook holds, beside the 分部分项 detail (表-08): the unit project's summary (表-04
单位工程…汇总表, the reconciliation target), the unit-rate analyses (表-09), the markup tables
(表-11 总价措施, 表-12 其他项目, 表-13 规费、税金: what the summary adds to the detail), the
details of those entries (表-12-1 暂列金额明细表 …) and resource lists (主材表, 人材机汇总表, which
repeat what the unit rates contain). Only the detail is cost lines; the markup tables' top-level
entries (序号 1, 2, 3 …) are the markups the summary's total adds up.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from bidassist.core.errors import Problem
from bidassist.core.money import format_money
from bidassist.costs.headers import Layout, normalize_header
from bidassist.costs.model import Markup
from bidassist.costs.rowkinds import markup_kind
from bidassist.costs.values import CellError, cell_text, to_number
from bidassist.costs.workbook import RawSheet, col_letter, sheet_ref

#: resource lists: the materials, labour and plant inside the lines' unit rates (表-12-2 暂估单价
#: materials and 表-20/21/22 材料和工程设备一览表 with their risk percentages and price indices too)
RESOURCES = re.compile(r"主材表|人材机|工料机|(?:发包人|承包人)提供.{0,4}材料")
#: the provisional prices of materials (表-12-2 材料暂估单价及调整表): inside the unit rates of the
#: 分部分项 detail when that is in the workbook (a priced list of its own otherwise)
PROVISIONAL_MATERIALS = re.compile(r"材料.{0,8}暂估单价")
#: the lists of the main materials and equipment (主要材料、设备明细表, 主要材料价格表): the
#: quantities and prices of what the detail's unit rates contain, beside the 分部分项 detail
MATERIAL_LISTS = re.compile(r"主要材料.{0,8}(?:明细|一览|汇总|价格)表")
#: the VAT worked out for the summary's 税金 (材料、机械、设备增值税计算表, 增值税进项税额计算汇总表)
VAT_WORKINGS = re.compile(r"进项税|销项税|增值税.{0,8}计算")
#: the details of a summary entry that is a fee (规费明细表, 安全文明施工费明细表)
FEE_DETAILS = re.compile(r"(?:规费|安全文明施工费?|安全生产、?文明施工费?).{0,8}明细")
#: the GB detail table (表-08 分部分项工程和单价措施项目清单与计价表)
GB_DETAIL = re.compile(r"分部分项")
#: a payment schedule of the price (表-16 总价项目进度款支付分解表): when money is paid, not costs
PAYMENTS = re.compile(r"进度款支付|支付分解")
#: the summary of a unit project, single project or construction project
GB_SUMMARY = re.compile(r"(?:单位|单项)工程.{0,12}汇总表|建设项目.{0,12}汇总表")
#: markup tables: 总价措施项目, 其他项目, 规费、税金 (and the details of their entries)
_MARKUP_TABLES = (
    ("measures", re.compile(r"总价措施")),
    ("other", re.compile(r"其他项目")),
    ("provisional", re.compile(r"暂列金额|暂估价|专业工程暂估")),
    ("fees", re.compile(r"规费")),
    ("other", re.compile(r"计日工|总承包服务费")),
)
_DETAIL = re.compile(r"明细表|明细")
#: the summary of the other items (表-12 其他项目清单与计价汇总表) and the tables of its entries
#: (表-12-1 … 表-12-5: 暂列金额, 专业工程暂估价, 计日工, 总承包服务费), which it already adds up
_OTHER_SUMMARY = re.compile(r"其他项目")
_OTHER_PART = re.compile(r"暂列金额|暂估价|专业工程暂估|计日工|总承包服务费")
_TOP = re.compile(r"^\d+$")
_NUMBER = re.compile(r"^\d+(?:\.\d+)*$")


def markup_table(hint: str) -> str | None:
    """The markup kind of a GB markup table named in `hint` (sheet name and title), else None."""
    if "分部分项" in hint:
        return None  # 分部分项工程和单价措施项目清单与计价表: the detail
    for kind, pattern in _MARKUP_TABLES:
        if pattern.search(hint):
            return kind
    return None


def entries_counted(tables: list[tuple[str, list[Markup]]]) -> list[Markup]:
    """The entries the summary's total adds up, of markup tables given as (hint, entries): with a
    其他项目 summary table (表-12) among them, the tables of its entries (表-12-3 专业工程暂估价,
    表-12-4 计日工 …) are already in its own and are not added again."""
    other = any(_OTHER_SUMMARY.search(hint) and entries for hint, entries in tables)
    return [
        m
        for hint, entries in tables
        if not (other and not _OTHER_SUMMARY.search(hint) and _OTHER_PART.search(hint))
        for m in entries
    ]


def is_entry_detail(hint: str) -> bool:
    """A table that details one entry of another (暂列金额明细表): already in that entry."""
    return _DETAIL.search(hint) is not None


def top_entries(raw: RawSheet, layout: Layout, default: str) -> list[Markup]:
    """The rows numbered 1, 2, 3 … (not 1.1) with an amount: the table's entries, as markups."""
    ai = layout.columns.get("amount")
    if ai is None or layout.header_row is None:
        return []
    head = raw.rows[layout.header_row]
    seq = next(
        (c for c, v in enumerate(head) if normalize_header(v) == "序号"), layout.columns.get("code", 0)
    )
    di = layout.columns["description"]
    out = []
    for r in range(layout.data_start, len(raw.rows)):
        row = raw.rows[r]
        number = cell_text(row[seq]) if seq < len(row) else ""
        if not _TOP.match(number.removesuffix(".0")):
            continue
        try:
            amount = to_number(row[ai] if ai < len(row) else "", "amount")
        except CellError:
            amount = None
        if amount is None:
            continue
        label = cell_text(row[di]) if di < len(row) else ""
        out.append(
            Markup(
                kind=markup_kind(label) or default,
                label=label or number,
                amount=amount,
                source=f"{sheet_ref(raw.name)}!{col_letter(ai)}{r + 1}",
            )
        )
    return out


@dataclass(frozen=True)
class SummaryEntries:
    """A unit project's summary read by its numbered entries (`numbered_entries`)."""

    counted: list[Markup]  # the entries its total adds up (the 分部分项 entry among them)
    detail: list[Markup]  # those that are the 分部分项 detail's total (checked against the detail sheets)
    notes: list[Problem]  # the entries set aside, each with why


def _entries(raw: RawSheet, layout: Layout) -> list[tuple[int, str, Markup]]:
    """(row, number, entry) of every row numbered 1, 2, 2.1 … with a figure in the amount column."""
    ai, di = layout.columns.get("amount"), layout.columns.get("description")
    if ai is None or di is None or layout.header_row is None:
        return []
    head = raw.rows[layout.header_row]
    seq = next((c for c, v in enumerate(head) if normalize_header(v) == "序号"), layout.columns.get("code"))
    if seq is None:
        return []
    out = []
    for r in range(layout.data_start, len(raw.rows)):
        row = raw.rows[r]
        number = cell_text(row[seq]) if seq < len(row) else ""
        number = number.removesuffix(".0") if _TOP.match(number.removesuffix(".0")) else number
        if not _NUMBER.match(number):
            continue
        try:
            amount = to_number(row[ai] if ai < len(row) else "", "amount")
        except CellError:
            continue
        if amount is None:
            continue
        label = cell_text(row[di]) if di < len(row) else ""
        where = f"{sheet_ref(raw.name)}!{col_letter(ai)}{r + 1}"
        out.append(
            (
                r,
                number,
                Markup(
                    kind=markup_kind(label) or "other", label=label or number, amount=amount, source=where
                ),
            )
        )
    return out


def numbered_entries(raw: RawSheet, layout: Layout, stated: Decimal, tol: Decimal) -> SummaryEntries | None:
    """A summary numbered 1, 2, 2.1 … (单位工程费汇总表) whose total is its top-level entries, read
    as a cost engineer reads it: sub-entries (2.1, 4.1) break down their parent; an entry equal to
    the entries above it (税前工程造价 = 1 + … + 5) is a running total; and when the total is that
    running total plus the last entry (合计 = 税前工程造价 + 税金), the entries between them are the
    steps of the last one (销项税额, 增值税应纳税额, 附加税费 inside 税金). None unless the entries
    so read add up to `stated`."""
    top = [(r, e) for r, number, e in _entries(raw, layout) if "." not in number]
    counted: list[Markup] = []
    since = 0  # counted[since:] are the entries after the last running total
    running: list[tuple[Markup, int]] = []  # (running total, entries counted before it)
    notes: list[Problem] = []
    for _, e in top:
        assert e.amount is not None
        part = counted[since:]
        if len(part) >= 2 and abs(sum((m.amount or Decimal(0) for m in part), Decimal(0)) - e.amount) <= tol:
            running.append((e, len(counted)))
            since = len(counted)
            notes.append(
                Problem(
                    e.source or "",
                    f"{e.label} {format_money(e.amount)} is the sum of the entries above it: a running total, not added again",
                )
            )
            continue
        counted.append(e)

    def total(ms: list[Markup]) -> Decimal:
        return sum((m.amount or Decimal(0) for m in ms), Decimal(0))

    if len(counted) < 2:
        return None
    if abs(total(counted) - stated) > tol:
        if not running or running[-1][1] >= len(counted):
            return None
        sub, k = running[-1]
        last, steps = counted[-1], counted[k:-1]
        if sub.amount is None or abs(sub.amount + (last.amount or Decimal(0)) - stated) > tol:
            return None
        notes.extend(
            Problem(
                m.source or "",
                f"{m.label} {format_money(m.amount or Decimal(0))} is a step towards {last.label} (the total adds {sub.label} and {last.label}): inside it, not added again",
            )
            for m in steps
        )
        counted = counted[:k] + [last]
    detail = [m for m in counted if GB_DETAIL.search(m.label)]
    return SummaryEntries(counted, detail, notes)
