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
