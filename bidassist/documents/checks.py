"""Consistency checks: on the data before rendering, and on each rendered document read back.

Data: the schedule adds up and every line total is unit price × quantity; price within the ceiling;
bid validity, period and warranty meet the tender; price not below expected cost; no negative
deviation on a ★ item; forms not dated after the deadline.
Rendered (read back from the .docx bytes or the text): every amount in capitals (大写) reads back to
a figure beside it, every English amount in words matches its figure, the bid total appears in
capitals/words and figures on the documents that show it, the schedule table's rows are priced
right, add up to the total and number one per cost line, and no Jinja tag is left unrendered.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from decimal import Decimal
from typing import Literal, NamedTuple

from lxml import etree

from bidassist.core.bidfile import Bid
from bidassist.core.errors import Problem
from bidassist.core.money import (
    AmountError,
    amount_words,
    format_money,
    parse_rmb_upper,
    rmb_upper,
    round_money,
)
from bidassist.costs.model import CostModel
from bidassist.documents.context import DocumentData

Severity = Literal["ok", "warning", "error"]


@dataclass(frozen=True)
class DocumentCheck:
    check: str
    severity: Severity
    where: str
    message: str

    def problem(self) -> Problem:
        return Problem(self.where, self.message)

    def to_dict(self) -> dict[str, str]:
        return asdict(self)


def _r(check: str, severity: Severity, where: str, message: str) -> DocumentCheck:
    return DocumentCheck(check, severity, where, message)


# --------------------------------------------------------------------------- data checks


def expected_cost(bid: Bid, costs: CostModel) -> Decimal:
    """Expected cost on the bids' basis: the floor under which the bid loses money on average.
    One definition with pricing (`bidassist.pricing.breakeven`)."""
    from bidassist.pricing.breakeven import expected_cost_bb

    return expected_cost_bb(bid, costs)


def check_data(bid: Bid, costs: CostModel, data: DocumentData) -> list[DocumentCheck]:
    """The bid's figures and terms against the tender's: ceiling, validity, duration, warranty,
    cost, deviations and the forms' date (the priced schedule first)."""
    out: list[DocumentCheck] = list(schedule_checks(data))
    out += _ceiling_check(bid, data.price)
    out += _offer_terms_checks(bid)
    out += _cost_check(bid, costs, data.price)
    out += _deviation_checks(bid)
    out += _date_check(bid, data)
    return out


def _ceiling_check(bid: Bid, price: Decimal) -> list[DocumentCheck]:
    out: list[DocumentCheck] = []
    t = bid.tender
    if t.ceiling_price is not None:
        if price > t.ceiling_price:
            out.append(
                _r(
                    "ceiling",
                    "error",
                    "offer.price",
                    f"{format_money(price)} is above the ceiling price {format_money(t.ceiling_price)} "
                    "(最高投标限价): the bid would be rejected",
                )
            )
        else:
            out.append(
                _r(
                    "ceiling",
                    "ok",
                    "offer.price",
                    f"within the ceiling price {format_money(t.ceiling_price)}",
                )
            )
    return out


def _offer_terms_checks(bid: Bid) -> list[DocumentCheck]:
    """Validity, duration and warranty offered against what the tender requires."""
    out: list[DocumentCheck] = []
    t, o = bid.tender, bid.offer
    validity = o.bid_validity_days or t.bid_validity_days
    if validity < t.bid_validity_days:
        out.append(
            _r(
                "validity",
                "error",
                "offer.bid_validity_days",
                f"{validity} days is shorter than the {t.bid_validity_days} days the tender requires",
            )
        )
    else:
        out.append(
            _r(
                "validity",
                "ok",
                "offer.bid_validity_days",
                f"{validity} days ≥ {t.bid_validity_days} required",
            )
        )
    if o.duration_days is not None and t.duration_days is not None and o.duration_days > t.duration_days:
        out.append(
            _r(
                "duration",
                "error",
                "offer.duration_days",
                f"{o.duration_days} days is longer than the {t.duration_days} days the tender allows",
            )
        )
    if (
        o.warranty_months is not None
        and t.warranty_months is not None
        and o.warranty_months < t.warranty_months
    ):
        out.append(
            _r(
                "warranty",
                "error",
                "offer.warranty_months",
                f"{o.warranty_months} months is shorter than the {t.warranty_months} months required",
            )
        )
    return out


def _cost_check(bid: Bid, costs: CostModel, price: Decimal) -> list[DocumentCheck]:
    """The price against the expected cost (an error below it when the policy says so) and the margin floor."""
    out: list[DocumentCheck] = []
    floor = expected_cost(bid, costs)
    if price < floor:
        strict = bid.documents.fail_below_cost
        if strict is None:
            strict = bid.pricing is not None and "policy" in bid.pricing.model_fields_set
        out.append(
            _r(
                "below-cost",
                "error" if strict else "warning",
                "offer.price",
                f"{format_money(price)} is below the expected cost {format_money(floor)} "
                "(低于成本价的投标将被否决)",
            )
        )
    else:
        margin = (price - floor) / floor if floor else Decimal(0)
        min_margin = Decimal(repr(bid.pricing.policy.min_margin)) if bid.pricing else Decimal(0)
        if margin < min_margin:
            out.append(
                _r(
                    "below-cost",
                    "warning",
                    "offer.price",
                    f"margin over expected cost is {margin:.1%}, below the policy's {min_margin:.1%}",
                )
            )
        else:
            out.append(
                _r(
                    "below-cost",
                    "ok",
                    "offer.price",
                    f"{format_money(price)} is above the expected cost {format_money(floor)}",
                )
            )
    return out


def _deviation_checks(bid: Bid) -> list[DocumentCheck]:
    out: list[DocumentCheck] = []
    o = bid.offer
    for i, d in enumerate(o.deviations):
        if d.deviation == "negative":
            where = f"offer.deviations[{i}] ({d.item})"
            if d.starred:
                out.append(
                    _r(
                        "deviation",
                        "error",
                        where,
                        "negative deviation on a ★ (substantive) requirement: the bid would be rejected",
                    )
                )
            else:
                out.append(_r("deviation", "warning", where, "negative deviation (负偏离)"))
    return out


def _date_check(bid: Bid, data: DocumentData) -> list[DocumentCheck]:
    out: list[DocumentCheck] = []
    t = bid.tender
    deadline = t.deadline.date() if isinstance(t.deadline, dt.datetime) else t.deadline
    if data.date > deadline:
        out.append(
            _r(
                "date",
                "error",
                "offer.date",
                f"the forms are dated {data.date}, after the submission deadline {deadline}",
            )
        )
    return out


def schedule_checks(data: DocumentData) -> list[DocumentCheck]:
    """The priced schedule adds up to the total, every line total is unit price × quantity, and a
    total the bill's rates could not reach is reported."""
    out: list[DocumentCheck] = []
    price = data.price
    lines_sum = sum((p.total for p in data.schedule), Decimal(0))
    if lines_sum == price:
        out.append(
            _r(
                "schedule-sum",
                "ok",
                "分项报价表",
                f"{len(data.schedule)} lines add up to {format_money(price)}",
            )
        )
    else:
        out.append(
            _r(
                "schedule-sum",
                "error",
                "分项报价表",
                f"lines add up to {format_money(lines_sum)}, not the total {format_money(price)}",
            )
        )
    bad = [p for p in data.schedule if round_money(p.unit_price * p.quantity) != p.total]
    for p in bad:
        out.append(
            _r(
                "schedule-line",
                "error",
                p.source or f"line {p.no}",
                f"{format_money(p.unit_price)} × {p.quantity} ≠ {format_money(p.total)}",
            )
        )
    if data.requested is not None:
        out.append(
            _r(
                "bill-total",
                "warning",
                "offer.price",
                f"the bid total {format_money(data.requested)} cannot be reached with the bill's "
                f"rates; it is moved to {format_money(price)} (see the notes)",
            )
        )
    return out


# --------------------------------------------------------------------------- reading back

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_P, _TBL, _TR, _TC, _T, _SDT = (f"{{{W}}}{n}" for n in ("p", "tbl", "tr", "tc", "t", "sdt"))


class TextUnit(NamedTuple):
    """A paragraph, or a table row (cells), of a rendered document."""

    text: str
    cells: tuple[str, ...] | None = None
    table: int | None = None


def docx_units(data: bytes) -> list[TextUnit]:
    """Paragraphs and table rows of word/document.xml, in order (text of w:t only: no field codes,
    no tracked deletions)."""
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        root = etree.fromstring(zf.read("word/document.xml"))
    return tree_units(root)


def tree_units(root: etree._Element, known: dict | None = None) -> list[TextUnit]:
    """docx_units of a parsed word/document.xml or its body (the rendered tree docxtpl writes out)."""
    body = root if root.tag == f"{{{W}}}body" else root.find(f"{{{W}}}body")
    units: list[TextUnit] = []
    if body is not None:
        _walk(body, units, known, 0)
    return units


def _walk(parent: etree._Element, units: list[TextUnit], known: dict | None, table_no: int) -> int:
    """Add the paragraphs and table rows under `parent` to `units` (the tables numbered on from
    `table_no`); the last table number. A plain function, not a closure calling itself: such a
    closure is a reference cycle that would keep `units` and `known` (every table cell of a
    10,000-row schedule) for the cyclic collector, 0.2 s of its time after the render."""
    add = units.append
    for child in parent:
        tag = child.tag
        if tag == _P:
            add(TextUnit("".join(child.itertext(_T))))
        elif tag == _TBL:
            table_no += 1
            if known is not None and child in known and child.find(f".//{_TBL}") is None:
                for row in known[child]:  # already read by the layout pass
                    texts = tuple(["".join(lines) for _tc, _span, lines in row])
                    add(TextUnit(" | ".join(texts), texts, table_no))
                continue
            for tr in child.iter(_TR):
                cells = tuple(["".join(tc.itertext(_T)) for tc in tr.iterchildren(_TC)])
                add(TextUnit(" | ".join(cells), cells, table_no))
        elif tag == _SDT:
            content = child.find(f"{{{W}}}sdtContent")
            if content is not None:
                table_no = _walk(content, units, known, table_no)
    return table_no


def text_units(text: str) -> list[TextUnit]:
    return [TextUnit(line) for line in text.splitlines()]


_CAPITALS = re.compile(r"[零壹贰叁肆伍陆柒捌玖拾佰仟万亿元角分整正圆貳陸萬億]+")
_CAP_DIGIT = re.compile(r"[壹贰叁肆伍陆柒捌玖貳陸]|零元整")
# A figure in any common form: 1,234,567.89 / 1234567.89 / 100700 / ¥100,700 / RMB 100700 / 100700元
# (the currency marks around it need no matching: every number in the line is a candidate).
_FIGURE = re.compile(r"(?<![\d.,])(\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?|\d+(?:\.\d{1,2})?)(?![\d]|[.,]\d)")
_FULL_WIDTH = {0xFF10 + d: 0x30 + d for d in range(10)} | {0xFF0E: 0x2E}
_WORDS = re.compile(
    r"\b(Renminbi|US Dollars|Euros|Hong Kong Dollars|Pounds Sterling|[A-Z]{3}) "
    r"([A-Za-z][A-Za-z\- ]*?) Only\b"
)
_TAG = re.compile(r"\{\{|\}\}|\{%|%\}")


def _figures(text: str) -> list[Decimal]:
    """Every figure in a line (full-width digits and point read as ASCII; a full-width comma is
    punctuation, not a thousands separator)."""
    if not text.isascii():
        text = text.translate(_FULL_WIDTH)
    return [Decimal(m.replace(",", "")) for m in _FIGURE.findall(text)]


def _capitals(text: str) -> list[str]:
    out = []
    for m in _CAPITALS.finditer(text):
        s = m.group(0)
        if len(s) >= 2 and _CAP_DIGIT.search(s) and re.search("[元角分圆]", s):
            out.append(s)
    return out


@dataclass
class _AmountTally:
    """What the capitals/words pass of check_units saw."""

    seen: int = 0
    total_shown: bool = False


def check_units(
    units: list[TextUnit],
    *,
    doc: str,
    currency: str,
    price: Decimal,
    checks: Iterable[str],
    schedule_count: int | None,
    headers: dict[str, str] | None = None,
) -> list[DocumentCheck]:
    out: list[DocumentCheck] = []
    checks = set(checks)
    tally = _AmountTally()
    for i, u in enumerate(units):
        if _TAG.search(u.text):
            out.append(
                _r(
                    "unrendered-tag",
                    "error",
                    f"{doc}: {u.text.strip()[:60]}",
                    "a template tag was left unrendered (a tag Word broke up, or a typo)",
                )
            )
        out += _check_amounts(units, i, doc=doc, currency=currency, price=price, tally=tally)
    if tally.seen and not any(c.check in ("capitals", "words") for c in out):
        out.append(
            _r("capitals", "ok", doc, f"{tally.seen} amount(s) in capitals/words agree with their figures")
        )
    if "total" in checks:
        out.append(_total_check(doc, price, tally.total_shown))
    if "schedule" in checks:
        out.extend(check_schedule_table(units, doc=doc, price=price, count=schedule_count, headers=headers))
    return out


def _check_amounts(
    units: list[TextUnit], i: int, *, doc: str, currency: str, price: Decimal, tally: _AmountTally
) -> list[DocumentCheck]:
    """Capitals and amounts in words of unit `i` against the figures on its line (or, when it has
    none, a neighbouring line without capitals of its own: 大写 on one line, 小写 on the next)."""
    text = units[i].text
    caps = _capitals(text)
    words = _WORDS.findall(text) if currency else []
    if not caps and not words:
        return []
    near = _figures(text)
    if not near:
        for j in (i + 1, i - 1):
            if 0 <= j < len(units) and not _capitals(units[j].text):
                near.extend(_figures(units[j].text))
    figs = ", ".join(format_money(f) for f in near) or "no figure"
    out: list[DocumentCheck] = []
    for cap in caps:
        tally.seen += 1
        try:
            value = parse_rmb_upper(cap)
        except AmountError as exc:
            out.append(_r("capitals", "error", f"{doc}: {cap}", f"capitals do not read: {exc.message}"))
            continue
        if value not in near:
            msg = f"capitals read {format_money(value)} but the figures beside them say {figs}"
            out.append(_r("capitals", "error", f"{doc}: {cap}", msg))
        elif value == price:
            tally.total_shown = True
    for name, body in words:
        tally.seen += 1
        phrase = f"{name} {body} Only"
        matched = [f for f in near if amount_words(f, currency) == phrase]
        if not matched:
            msg = f"amount in words does not match the figures beside it ({figs})"
            out.append(_r("words", "error", f"{doc}: {phrase[:60]}", msg))
        elif price in matched:
            tally.total_shown = True
    return out


def _total_check(doc: str, price: Decimal, shown: bool) -> DocumentCheck:
    if shown:
        return _r(
            "total", "ok", doc, f"shows the bid total {format_money(price)} in capitals/words and figures"
        )
    return _r(
        "total",
        "error",
        doc,
        f"does not show the bid total {format_money(price)} ({rmb_upper(price)}) in capitals/words with its figures",
    )


_HEAD = {
    "quantity": ("数量", "工程量", "quantity", "qty"),
    "unit_price": ("单价", "综合单价", "unit rate", "unit price", "rate"),
    "amount": ("合价", "金额", "amount", "total"),
}


def _column(cells: tuple[str, ...], keys: tuple[str, ...]) -> int | None:
    for idx, c in enumerate(cells):
        low = c.strip().lower()
        if any(low.startswith(k) for k in keys):
            return idx
    return None


def _row_figures(cells: tuple[str, ...], cols: dict[str, int]) -> tuple[Decimal, Decimal, Decimal] | None:
    """(quantity, unit price, amount) of a table row, None when any of them is not a number."""
    try:
        return tuple(
            Decimal(cells[cols[k]].replace(",", "").strip())  # type: ignore[return-value]
            for k in ("quantity", "unit_price", "amount")
        )
    except (ArithmeticError, IndexError, ValueError):
        return None


def _find_header(units: list[TextUnit], headers: dict[str, str] | None) -> tuple[int | None, dict[str, int]]:
    """The priced table's header row and its quantity / unit price / amount columns: the exact
    headers when known (the buyer's bill: 合同工程量, 投标单价（元）…), else by the usual names."""
    for exact in ((headers,) if headers else ()) + (None,):
        for i, u in enumerate(units):
            if u.cells is None:
                continue
            if exact is not None:
                cells = [c.strip() for c in u.cells]
                found = {k: cells.index(h) if h in cells else None for k, h in exact.items()}
            else:
                found = {k: _column(u.cells, v) for k, v in _HEAD.items()}
            if all(v is not None for v in found.values()):
                return i, {k: v for k, v in found.items() if v is not None}
    return None, {}


def check_schedule_table(
    units: list[TextUnit],
    *,
    doc: str,
    price: Decimal,
    count: int | None,
    headers: dict[str, str] | None = None,
) -> list[DocumentCheck]:
    """Find the priced table (header with quantity, unit price and amount) and check its rows."""
    header_idx, cols = _find_header(units, headers)
    if header_idx is None:
        return [
            _r(
                "schedule",
                "error",
                doc,
                "no priced table found (a header with 数量/单价/合价 or Quantity/Unit rate/Amount)",
            )
        ]
    table = units[header_idx].table
    out: list[DocumentCheck] = []
    rows = 0
    total = Decimal(0)
    stated: Decimal | None = None
    for u in units[header_idx + 1 :]:
        if u.table != table or u.cells is None:
            break
        first = u.cells[0].strip()
        if first.startswith(("合计", "总计", "Total", "TOTAL")):
            figs = _figures(u.text)
            if figs:
                stated = figs[-1]
            continue
        figures = None if first.startswith(("小计", "Subtotal")) else _row_figures(u.cells, cols)
        if figures is None:
            if first.isdigit():  # a numbered row whose figures do not read
                rows += 1
                out.append(
                    _r("schedule", "error", f"{doc}: row {first}", f"cannot read the figures: {u.text}")
                )
            continue
        rows += 1  # an item row: numbered, or (the buyer's own codes first) with its three figures
        q, up, amt = figures
        if round_money(q * up) != amt:
            out.append(
                _r(
                    "schedule-line",
                    "error",
                    f"{doc}: row {first}",
                    f"{format_money(up)} × {q} = {format_money(q * up)}, the row says {format_money(amt)}",
                )
            )
        total += amt
    if count is not None and rows != count:
        out.append(_r("schedule-rows", "error", doc, f"{rows} priced rows, but {count} cost lines"))
    if total != price:
        out.append(
            _r(
                "schedule-sum",
                "error",
                doc,
                f"rows add up to {format_money(total)}, not the bid total {format_money(price)}",
            )
        )
    if stated is not None and stated != price:
        out.append(
            _r(
                "schedule-sum",
                "error",
                doc,
                f"the total row says {format_money(stated)}, the bid total is {format_money(price)}",
            )
        )
    if stated is None:
        out.append(_r("schedule-sum", "error", doc, "the priced table has no total row (合计/Total)"))
    if not any(c.severity == "error" for c in out):
        out.append(
            _r(
                "schedule",
                "ok",
                doc,
                f"{rows} rows priced at unit price × quantity, adding up to {format_money(price)}",
            )
        )
    return out
