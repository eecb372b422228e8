"""The buyer's bill of quantities (工程量清单), priced item by item (清单计价).

The bill is read with the cost importer in its "bill" role (the buyer's items: code, name, unit,
quantity, usually unpriced); the buyer's header row is kept so the priced bill shows the buyer's
columns in the buyer's order. Each bill item is mapped to our cost lines — by the same item code,
by `tender.bill_map` in bid.yaml, or by the mapping sheet from `bidassist bill map-template` — and
the bid total is spread over the items by their mapped cost:

- 综合单价 is rounded to the tender's precision (`rate_decimals`, cents by default);
- 合价 = 综合单价 × 工程量, rounded half-up to the cent, as evaluators recompute it;
- Σ 合价 = the bid total exactly where rates in that precision can reach it; otherwise the bid
  total moves to the nearest reachable figure and a note says so.

A cost line mapped to several items is shared equally among them; cost lines mapped to no item
are carried by all items in proportion (a note lists them). An unmapped item is an error.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from bidassist.core.bidfile import Bid, BillSection, GoodsOffer
from bidassist.core.errors import InputError, Problem, ProblemsError
from bidassist.core.money import format_money, round_money
from bidassist.costs.model import CostLine, CostModel
from bidassist.documents.schedule import Leftover, spread_cents

#: fields of the buyer's columns that the bidder fills
PRICE_FIELDS = ("price", "amount")
GOODS_HEADERS = {"brand": "品牌（制造商）", "model": "型号规格", "origin": "产地", "delivery": "交货期"}
_REF_SPLIT = re.compile(r"[,，;；、\s]+")


@dataclass(frozen=True)
class BillColumn:
    header: str  # the buyer's header text
    field: str  # code, description, unit, quantity, price, amount, text, or a goods field
    index: int  # the buyer's column (0-based); -1 for a column we add


@dataclass(frozen=True)
class BillItem:
    code: str | None
    description: str
    unit: str | None
    quantity: Decimal
    section: str | None
    source: str  # Sheet!A17
    texts: dict[int, str] = field(default_factory=dict)  # the buyer's other cells, by column


@dataclass
class Bill:
    items: list[BillItem]
    columns: list[BillColumn]
    source: str


@dataclass(frozen=True)
class PricedItem:
    no: int
    item: BillItem
    unit_price: Decimal
    total: Decimal
    cost: Decimal  # mapped likely cost
    goods: GoodsOffer | None = None

    @property
    def quantity(self) -> Decimal:
        return self.item.quantity

    @property
    def source(self) -> str:
        return self.item.source


@dataclass
class PricedBill:
    bill: Bill
    items: list[PricedItem]
    total: Decimal
    notes: list[str] = field(default_factory=list)


# --------------------------------------------------------------------------- reading the bill


def _text(v: object) -> str:
    if v is None:
        return ""
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v).strip()


def _row_of(source: str) -> int:
    m = re.search(r"(\d+)$", source)
    if not m:
        raise InputError("cannot tell the row of a bill item", source)
    return int(m.group(1)) - 1


def _headers(raw, header_row: int, data_start: int) -> dict[int, str]:
    """The buyer's header text of every column (the lowest non-empty header cell, e.g. 综合单价
    under a merged 金额（元）)."""
    width = max((len(raw.rows[r]) for r in range(header_row, data_start)), default=0)
    out: dict[int, str] = {}
    for c in range(width):
        parts = [_text(raw.rows[r][c]) for r in range(header_row, data_start) if c < len(raw.rows[r])]
        parts = [p for p in parts if p]
        if parts:
            out[c] = parts[-1]
    return out


def _heading_text(raw, start: int, end: int, name: str) -> str:
    """The buyer's own heading text (一、土石方工程) between two item rows; else the section name."""
    for r in range(end - 1, start - 1, -1):
        for v in raw.rows[r]:
            t = _text(v)
            if name in t:
                return t
    return name


def read_bill(section: BillSection) -> Bill:
    """The buyer's bill: items in the buyer's order, with the buyer's columns."""
    from bidassist.costs import import_cost_sheet
    from bidassist.costs.headers import find_layout
    from bidassist.costs.workbook import read_workbook, sheet_ref

    imported = import_cost_sheet(section.file, sheet=section.sheet, role="bill")
    lines = imported.model.lines
    sheets = {sheet_ref(r.name): r for r in read_workbook(section.file, sheet=section.sheet)}
    first = lines[0].source or ""
    raw = sheets.get(first.rsplit("!", 1)[0])
    layout = find_layout(raw) if raw is not None else None
    if raw is None or layout is None or layout.header_row is None:
        raise InputError("cannot find the bill's header row", str(section.file))
    headers = _headers(raw, layout.header_row, layout.data_start)
    by_col = {c: f for f, c in layout.columns.items()}
    columns = [BillColumn(h, by_col.get(c, "text"), c) for c, h in sorted(headers.items())]
    if not any(c.field == "price" for c in columns):
        columns.append(BillColumn("综合单价（元）", "price", -1))
    if not any(c.field == "amount" for c in columns):
        columns.append(BillColumn("合价（元）", "amount", -1))
    text_cols = [c.index for c in columns if c.field == "text"]
    items = []
    last_row, current, shown = layout.data_start - 1, None, None
    for ln in lines:
        if not (ln.source or "").startswith(first.rsplit("!", 1)[0] + "!"):
            raise InputError("a bill is one sheet: name it with tender.bill.sheet", ln.source or "")
        r = _row_of(ln.source or "")
        if ln.category != current:
            current = ln.category
            shown = _heading_text(raw, last_row + 1, r, current) if current else None
        row = raw.rows[r]
        texts = {c: _text(row[c]) for c in text_cols if c < len(row)}
        items.append(BillItem(ln.code, ln.description, ln.unit, ln.quantity, shown, ln.source or "", texts))
        last_row = r
    return Bill(items=items, columns=columns, source=str(section.file))


# --------------------------------------------------------------------------- mapping


def _mapping_header(rows: Sequence[list]) -> tuple[int, int, int] | None:
    for h, row in enumerate(rows[:10]):
        texts = [_text(v) for v in row]
        code_c = next((i for i, t in enumerate(texts) if "项目编码" in t or t.lower() == "item code"), None)
        ref_c = next((i for i, t in enumerate(texts) if "成本" in t or "cost" in t.lower()), None)
        if code_c is not None and ref_c is not None:
            return h, code_c, ref_c
    return None


def read_mapping_sheet(path: Path) -> dict[str, tuple[list[str], str]]:
    """The filled mapping sheet: item code -> (cost line codes or categories, cell)."""
    from bidassist.costs.workbook import col_letter, read_workbook, sheet_ref

    raws = [r for r in read_workbook(path) if r.visible]
    if not raws:
        raise InputError("the mapping workbook has no visible sheet", str(path))
    raw = raws[0]
    found = _mapping_header(raw.rows)
    if found is None:
        raise InputError(
            "no header with 项目编码 and 对应成本行 in the first 10 rows (use the sheet "
            "`bidassist bill map-template` writes)",
            str(path),
        )
    h, code_c, ref_c = found
    out: dict[str, tuple[list[str], str]] = {}
    for r in range(h + 1, len(raw.rows)):
        row = raw.rows[r]
        code = _text(row[code_c]) if code_c < len(row) else ""
        refs = _text(row[ref_c]) if ref_c < len(row) else ""
        if code and refs:
            out[code] = (
                [x for x in _REF_SPLIT.split(refs) if x],
                f"{Path(path).name}: {sheet_ref(raw.name)}!{col_letter(ref_c)}{r + 1}",
            )
    return out


def map_items(bill: Bill, costs: CostModel, bid: Bid) -> tuple[list[list[int]], list[str]]:
    """For each bill item the indices of its cost lines; notes. Raises ProblemsError listing
    every unmapped item and every reference to no cost line or category."""
    lines = costs.lines
    by_code: dict[str, list[int]] = {}
    by_cat: dict[str, list[int]] = {}
    for i, ln in enumerate(lines):
        if ln.code:
            by_code.setdefault(ln.code, []).append(i)
        if ln.category:
            by_cat.setdefault(ln.category, []).append(i)
    explicit: dict[str, tuple[list[str], str]] = {}
    section = bid.tender.bill
    if section is not None and section.mapping is not None:
        explicit.update(read_mapping_sheet(section.mapping))
    src = bid.source.name if bid.source else "bid.yaml"
    explicit.update({k: (v, f"{src}: tender.bill_map.{k}") for k, v in bid.tender.bill_map.items()})
    problems: list[Problem] = []
    unmapped: list[BillItem] = []
    mapped: list[list[int]] = []
    for item in bill.items:
        idx: list[int] = []
        if item.code and item.code in explicit:
            refs, where = explicit[item.code]
            for ref in refs:
                found = by_code.get(ref) or by_cat.get(ref)
                if not found:
                    problems.append(Problem(where, f"{ref!r} is neither a cost line code nor a category"))
                idx.extend(found or [])
        elif item.code and item.code in by_code:
            idx = list(by_code[item.code])
        if not idx and not problems:
            unmapped.append(item)
        mapped.append(list(dict.fromkeys(idx)))
    if unmapped:
        listed = "; ".join(f"{it.code or '(no code)'} {it.description} ({it.source})" for it in unmapped[:30])
        more = f" and {len(unmapped) - 30} more" if len(unmapped) > 30 else ""
        problems.append(
            Problem(
                f"{src}: tender.bill_map",
                f"{len(unmapped)} bill item(s) mapped to no cost line: {listed}{more}; map "
                "them in tender.bill_map or the sheet from `bidassist bill map-template`",
            )
        )
    if problems:
        raise ProblemsError(problems, "the bill cannot be priced")
    used = {i for idx in mapped for i in idx}
    notes = []
    left = [ln for i, ln in enumerate(lines) if i not in used]
    if left:
        names = ", ".join(ln.code or ln.description for ln in left[:10]) + (" …" if len(left) > 10 else "")
        notes.append(
            f"{len(left)} cost line(s) map to no bill item; their cost is carried by all items in "
            f"proportion: {names}"
        )
    return mapped, notes


def item_costs(mapped: list[list[int]], lines: list[CostLine]) -> list[Decimal]:
    """Each item's likely cost: its lines' cost, a line shared by k items counted 1/k each."""
    shares: dict[int, int] = {}
    for idx in mapped:
        for i in idx:
            shares[i] = shares.get(i, 0) + 1
    return [sum((lines[i].quantity * lines[i].likely / shares[i] for i in idx), Decimal(0)) for idx in mapped]


# --------------------------------------------------------------------------- pricing


def _goods(section: BillSection, item: BillItem) -> GoodsOffer | None:
    if item.code and item.code in section.goods:
        return section.goods[item.code]
    return section.goods.get("*")


def price_bill(total: Decimal, bill: Bill, costs: CostModel, bid: Bid) -> PricedBill:
    """Spread `total` over the bill's items by mapped cost (see the module's docstring)."""
    section = bid.tender.bill
    assert section is not None
    total = round_money(total)
    mapped, notes = map_items(bill, costs, bid)
    weights = item_costs(mapped, list(costs.lines))
    if sum(weights, Decimal(0)) <= 0:
        raise InputError("the mapped cost lines add up to 0: the total cannot be spread", "tender.bill_map")
    step = 10 ** (2 - section.rate_decimals)  # cents per step of 综合单价
    scaled = [it.quantity * step for it in bill.items]
    total_cents = int(total * 100)
    zero = [0] * len(bill.items)
    try:
        units, amounts = spread_cents(total_cents, scaled, weights, zero)
    except Leftover as exc:
        units, amounts = exc.units, exc.amounts
        reached = Decimal(sum(amounts)) / 100
        notes.append(
            f"no 综合单价 in steps of {format_money(Decimal(step) / 100)} makes the items add up to "
            f"{format_money(total)}: the bid total is moved to the nearest reachable figure "
            f"{format_money(reached)} ({format_money(reached - total)}) "
            f"（投标总价调整为可由综合单价×工程量精确得到的最接近金额）"
        )
        total = reached
    for it, w in zip(bill.items, weights, strict=True):
        if w == 0:
            notes.append(f"bill item {it.code or it.description} ({it.source}) maps to no cost: priced 0")
    items = [
        PricedItem(
            no=i + 1,
            item=it,
            unit_price=Decimal(units[i] * step) / 100,
            total=Decimal(amounts[i]) / 100,
            cost=weights[i],
            goods=_goods(section, it),
        )
        for i, it in enumerate(bill.items)
    ]
    if bid.tender.kind == "goods":
        _check_goods(items)
    return PricedBill(bill=bill, items=items, total=total, notes=notes)


def _check_goods(items: list[PricedItem]) -> None:
    lacking = [
        p for p in items if p.goods is None or not (p.goods.brand and p.goods.model and p.goods.origin)
    ]
    if lacking:
        codes = ", ".join(p.item.code or p.item.description for p in lacking[:20])
        raise InputError(
            f"a goods tender's 分项报价表 shows 品牌/型号/产地 for every item; "
            f"{len(lacking)} item(s) lack them: {codes}",
            "tender.bill.goods",
        )


def goods_columns(kind: str) -> list[BillColumn]:
    """The goods columns the bidder adds (before the price columns) in a goods tender."""
    if kind != "goods":
        return []
    return [BillColumn(h, f, -1) for f, h in GOODS_HEADERS.items()]


# --------------------------------------------------------------------------- the priced bill as a table

_GOODS_WORDS = (
    ("品牌", "brand"),
    ("制造商", "brand"),
    ("型号", "model"),
    ("规格", "model"),
    ("产地", "origin"),
    ("交货期", "delivery"),
    ("供货期", "delivery"),
)


def display_columns(bill: Bill, kind: str) -> list[BillColumn]:
    """The buyer's columns in the buyer's order; in a goods tender the goods columns the buyer
    left for the bidder are recognised, and those it lacks are added before the price column."""
    cols = []
    for c in bill.columns:
        fld = c.field
        if fld == "text" and kind == "goods":
            fld = next((f for word, f in _GOODS_WORDS if word in c.header), fld)
        cols.append(BillColumn(c.header, fld, c.index))
    if kind == "goods":
        have = {c.field for c in cols}
        extra = [c for c in goods_columns(kind) if c.field not in have]
        at = next(i for i, c in enumerate(cols) if c.field in PRICE_FIELDS)
        cols[at:at] = extra
    return cols


def quantity_text(q: Decimal) -> str:
    """A quantity as the buyer wrote it, with thousands separators (1,250.5; 12)."""
    text = f"{q.normalize():,f}" if q == q.to_integral_value() else f"{q:,f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def cell_texts(p: PricedItem, columns: list[BillColumn]) -> list[str]:
    it = p.item
    out = []
    for c in columns:
        f = c.field
        if f == "code":
            out.append(it.code or "")
        elif f == "description":
            out.append(it.description)
        elif f == "unit":
            out.append(it.unit or "")
        elif f == "quantity":
            out.append(quantity_text(it.quantity))
        elif f == "price":
            out.append(format_money(p.unit_price))
        elif f == "amount":
            out.append(format_money(p.total))
        elif f in GOODS_HEADERS:
            out.append((getattr(p.goods, f, None) or "") if p.goods else "")
        else:
            out.append(it.texts.get(c.index, ""))
    return out


def sections(items: list[PricedItem]) -> list[tuple[str | None, list[PricedItem]]]:
    """Consecutive items of the same section, in the buyer's order."""
    out: list[tuple[str | None, list[PricedItem]]] = []
    for p in items:
        if out and out[-1][0] == p.item.section:
            out[-1][1].append(p)
        else:
            out.append((p.item.section, [p]))
    return out


def bill_table(priced: PricedBill, columns: list[BillColumn]) -> tuple[str, bool]:
    """The priced bill as a Word table (landscape A4 width): the buyer's columns, a heading row and
    a 小计 row per section, a 合计 row; widths from the widest figure. (xml, fits the page)."""
    from bidassist.documents.layout import Column, TableRow, table_xml

    flexible = {"description", "text"}
    cols = [
        Column(
            c.header,
            align="right"
            if c.field in ("quantity", *PRICE_FIELDS)
            else ("left" if c.field in flexible and "序号" not in c.header else "center"),
            flexible=c.field in flexible,
            numeric=c.field in ("quantity", *PRICE_FIELDS),
        )
        for c in columns
    ]
    amount_at = next(i for i, c in enumerate(columns) if c.field == "amount")
    rows: list[TableRow] = []
    groups = sections(priced.items)
    named = any(name for name, _ in groups)
    for name, items in groups:
        if named:
            rows.append(TableRow("heading", [name or "其他"]))
        rows.extend(TableRow("item", cell_texts(p, columns)) for p in items)
        if named and len(groups) > 1:
            sub = [""] * len(columns)
            sub[0] = "小计"
            sub[amount_at] = format_money(sum((p.total for p in items), Decimal(0)))
            rows.append(TableRow("total", sub))
    last = [""] * len(columns)
    last[0] = "合计"
    last[amount_at] = format_money(priced.total)
    rows.append(TableRow("total", last))
    xml, _size, fits = table_xml(cols, rows)
    return xml, fits


# --------------------------------------------------------------------------- the mapping sheet


def write_map_template(bid: Bid, costs: CostModel, out: Path, *, force: bool = False) -> Path:
    """A workbook for the estimator: sheet 清单映射 lists the bill's items with a column
    对应成本行 to fill (cost line codes or categories, separated by commas), prefilled from
    tender.bill_map and from equal codes; sheet 成本行 lists our cost lines. Name the filled file
    in tender.bill.mapping."""
    import io

    from openpyxl.styles import Font

    from bidassist.core.safeio import atomic_write_bytes
    from bidassist.core.xlsxout import new_workbook

    if bid.tender.bill is None:
        raise InputError("the bid file has no tender.bill (the buyer's bill to price)", "tender.bill")
    bill = read_bill(bid.tender.bill)
    codes = {ln.code for ln in costs.lines if ln.code}
    wb, ws = new_workbook("清单映射")
    ws.append(["序号", "项目编码", "项目名称", "计量单位", "工程量", "对应成本行（编码或类别，逗号分隔）"])
    for i, it in enumerate(bill.items, start=1):
        refs = bid.tender.bill_map.get(it.code or "") or ([it.code] if it.code in codes else [])
        ws.append([i, it.code, it.description, it.unit, float(it.quantity), ", ".join(refs)])
    lines = wb.create_sheet("成本行")
    lines.append(["编码", "名称", "类别", "单位", "数量", "最可能成本合计"])
    for ln in costs.lines:
        lines.append(
            [
                ln.code,
                ln.description,
                ln.category,
                ln.unit,
                float(ln.quantity),
                float(round_money(ln.quantity * ln.likely)),
            ]
        )
    for sheet in (ws, lines):
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for col, width in zip("ABCDEF", (6, 16, 30, 10, 12, 36), strict=True):
            sheet.column_dimensions[col].width = width
    buf = io.BytesIO()
    wb.save(buf)
    return atomic_write_bytes(Path(out), buf.getvalue(), force=force)
