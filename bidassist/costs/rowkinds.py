"""What each row below a cost table's header is, before any of its cells is read as a number.

Kinds, in the order they are recognised (a real sheet mixes all of them):
- `blank`, `hidden` (skipped; a hidden row with a warning);
- `header`: the header repeated on every printed page (one or two rows), `page`: the title block
  repeated (表名, 工程名称, 第 1 页 共 3 页), `numbering`: a column-numbering row (1 2 3 4 …);
- `end`: a signature or note block after the last priced row (编制人, 审核, 注：…) ends the table;
  before it, a note row is `note` (skipped);
- `example`: the template's example line (refused until deleted);
- `total` (小计 level 1, 合计/Total 2, 总计/Grand total 3) and `page total` (本页小计, carried
  forward), whatever column holds the label (merged cells included), and `brought` (承上页,
  brought forward: an amount repeated from the previous page);
- `info`: 「其中：…」 rows (an amount already inside another);
- `markup`: 管理费, 规费, 税金, 措施费, 利润, 暂列金额 … as a rate or a lump;
- `section`: a heading in any text column (a merged 序号 column included), with or without its
  section's amount; `continuation`: the rest of the previous line's description; `prefix`: the first
  part of the next line's description;
- `unlabelled`: an amount with no text at all (a total when it equals the lines above it);
- `line`: a cost line.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import accumulate
from operator import itemgetter
from typing import TypeGuard

from bidassist.costs.headers import Layout, classify_header, normalize_header
from bidassist.costs.rows import SheetRows
from bidassist.costs.values import cell_text
from bidassist.costs.workbook import RawSheet

SECTION = re.compile(
    r"^(?:(?P<part>第[一二三四五六七八九十百零〇\d]+[部分章节篇项])"
    r"|(?P<cn>[一二三四五六七八九十百]+)\s*[、.．,，]"
    r"|(?P<paren>[（(]\s*[一二三四五六七八九十\d]+\s*[)）])"
    r"|(?P<roman>[IVX]+)\s*[.、]"
    r"|(?P<letter>[A-Z])\s*[.、)]"
    r"|(?P<dotted>\d+\.\d+(?:\.\d+)*)\s*[、.．]?"
    r"|(?P<arabic>\d+)\s*[、.．)]"
    r")\s*(?P<rest>.*)$"
)
ENUM_ONLY = re.compile(
    r"^(?:[一二三四五六七八九十百]+|[IVX]+|[A-Z]|\d+(?:\.\d+)*|[（(][一二三四五六七八九十\d]+[)）])"
    r"[、.．]?$"
)
_LINK = re.compile(r"(?:https?://|www\.)\S+$", re.I)
_NOTE = re.compile(r"^(?:注|说明|备注|附注|附注说明|note|notes|remark|remarks)\s*[:：.、\d]", re.I)
_SIGN = re.compile(
    r"^(?:编制人|编制|审核人|审核|复核人|复核|审定|校对|负责人|项目负责人|技术负责人|法定代表人|"
    r"授权代表|签字|签章|盖章|报价单位|投标人|投标单位|日期|prepared by|checked by|"
    r"approved by|signature|signed|for and on behalf|date\s*[:：])",
    re.I,
)
_PAGE = re.compile(r"第\s*\d+\s*页|共\s*\d+\s*页|^工程名称|^标段|^表-?\s*\d|^page\s*\d|^sheet\s*\d", re.I)
_PAGE_TOTAL = re.compile(
    r"^(?:本页小计|本页合计|页小计|page\s*total|total\s*this\s*page|carried\s*forward|"
    r"carried\s*to\s*(?:collection|summary)|c/f|转下页|过次页|转次页)",
    re.I,
)
_BROUGHT = re.compile(r"^(?:承上页|承前页|上页合计|上页小计|接上页|brought\s*forward|b/f)", re.I)
_OF_WHICH = re.compile(
    r"^其中\s*[:：]?|^含\s*[:：]|^say\b|^大写|^小写|^人民币大写|^(?:ps|provisional\s*sums?)\s*amount\b", re.I
)
_EXAMPLE = re.compile(r"示例\s*example", re.I)
_GRAND = re.compile(
    r"^(?:含税|不含税|投标|报价)?(?:总价|造价|总造价|工程造价|投标总价|投标报价|报价总额|总报价)$"
    # 总参考价 / 总估价 / 总预算价: 总 … 价 in one short label
    r"|^总[\u4e00-\u9fff]{1,3}价$"
)
_MARKUPS = (
    (
        "vat",
        re.compile(
            r"^(?:增值税|销项税|税金|税费|税额|税率|vat(?![a-z])|tax(?![a-z])|gst(?![a-z])|sales\s*tax)", re.I
        ),
    ),
    ("overhead", re.compile(r"^(?:企业管理费|管理费|间接费|overheads?\b|mark\s*-?\s*ups?\b)", re.I)),
    ("fees", re.compile(r"^(?:规费|社会保险费|住房公积金|工程排污费)")),
    ("measures", re.compile(r"^(?:措施费|措施项目费)|安全文明施工|文明施工费|安全防护措施费")),
    ("profit", re.compile(r"^(?:利润|profit\b)", re.I)),
    # shipping added at the foot of a purchase list (Shipping fees (Approx) 100): on top of the items
    (
        "other",
        re.compile(
            r"^(?:shipping(?:\s*(?:fees?|costs?|charges?|&\s*handling))?\b|s\s*&\s*h\b|"
            r"(?:logistics?|delivery)\s*(?:fees?|costs?|charges?)\b|postage\b|"
            r"freight(?:\s*(?:fees?|costs?|charges?|&\s*insurance))?\s*$|carriage\s*$|courier\s*(?:fees?|charges?)?\s*$|"
            r"delivery\s*$|"
            r"(?:运费|快递费|邮费|物流费|配送费)(?:[（(].*[)）])?$)",
            re.I,
        ),
    ),
    # a duty on the purchase at the foot of the list (Import tax 35.20, 关税, Duties & taxes): added
    # to the items
    (
        "other",
        re.compile(
            r"^(?:import\s*(?:tax|taxes|dut(?:y|ies)|charges?|fees?)|customs?(?:\s*(?:dut(?:y|ies)|tax|taxes|fees?|"
            r"charges?|clearance))?|(?:import\s*)?dut(?:y|ies)(?:\s*(?:&|and)\s*tax(?:es)?)?|tax(?:es)?\s*(?:&|and)\s*"
            r"dut(?:y|ies)|tariffs?)(?:\s*[(@:（].*|\s*\d+(?:\.\d+)?\s*%)?\s*$|"
            r"^(?:进口关税|关税|进口税|进口环节税|海关税费?|清关费)[^\d]{0,10}(?:\d+(?:\.\d+)?\s*[%％])?$",
            re.I,
        ),
    ),
    # Special DC / Volume D/C: the discount abbreviated, as Korean and Japanese quotations write it
    (
        "discount",
        re.compile(
            r"^(?:优惠|折扣|让利|下浮|[a-z]{0,20}discount\b|rebate\b|(?:special|extra|volume|cash)d/?c$)",
            re.I,
        ),
    ),
    (
        "provisional",
        re.compile(
            r"^(?:暂列金额|暂估价|不可预见费|预备费|基本预备费|风险金|contingenc|provisional\s*sum|"
            r"(?:management\s*)?reserves?\b|reserve(?:buffer|fund)|fudge\s*factor|unpredictable\s*factor|unforeseen)",
            re.I,
        ),
    ),
)
_CONTINGENCY = re.compile(r"contingenc|(?:^|[^a-z])reserves?$")
_ADD = re.compile(r"^(?:加|另加|add|plus)\s*[:：]?\s*", re.I)
_MARKUP_UNITS = {"", "%", "项", "元", "-", "—", "/", "ls", "l.s.", "lump sum", "sum"}
#: KEYWORDS' English words (ASCII labels are matched against these alone, lowercased: see _ascii_keyword)
_ASCII_WORDS = (
    r"total|carried|brought|c/f|b/f|overhead|vat|contingenc|provisional|reserve|profit|shipping|fudge|logistic|"
    r"delivery|postage|unpredictable|freight|carriage|courier|customs?|dut(?:y|ies)|tariff|tax|gst|unforeseen"
)
#: labels worth a closer look on a row that otherwise looks like a line
KEYWORDS = re.compile(
    r"计|示例|其中|管理费|规费|税|措施|利润|暂列|暂估|预备费|不可预见|"
    + _ASCII_WORDS
    + r"|^sum$|^注|^说明|^编制|^审核|签|承上页",
    re.I,
)


#: the Chinese keywords above as plain substrings (cheaper than the regex on every line)
_KEY_WORDS = (
    "计",
    "示例",
    "其中",
    "管理费",
    "规费",
    "税",
    "措施",
    "利润",
    "暂列",
    "暂估",
    "预备费",
    "不可预见",
    "签",
    "承上页",
    "运费",
    "快递费",
    "邮费",
    "物流费",
    "配送费",
    "注",
    "说明",
    "编制",
    "审核",
    "otal",
    "OTAL",
)
_KEY_RE = re.compile("|".join(_KEY_WORDS))

#: _ASCII_WORDS matched against lowercased ASCII text: the same answer as KEYWORDS there (its Chinese
#: words cannot match; `^sum$` is `_ascii_keyword`'s equality test), about a tenth of the cost
#: (KEYWORDS with re.I tries each word at each place)
_ASCII_KEYS = re.compile(_ASCII_WORDS)


def _ascii_keyword(text: str) -> bool:
    """`KEYWORDS.search(text)` for ASCII text (a test holds the two together)."""
    low = text.lower()
    return _ASCII_KEYS.search(low) is not None or low in ("sum", "sum\n")


def suspicious(text: str) -> bool:
    """Could this label be a total, markup, note or example (worth the slow path)?"""
    if text.isascii():
        return _ascii_keyword(text)
    return _KEY_RE.search(text) is not None


def _norm(label: str) -> str:
    return unicodedata.normalize("NFKC", label).lower().replace(" ", "").replace("\u3000", "")


#: a row labelled with the sum alone (sum | 297.68, 总和): the sheet's total
_SUM_WORDS = frozenset({"sum", "thesum", "sumtotal", "总和", "求和", "总数"})


#: the words an English money total is written with around "total" (Original Total Amount, Total
#: Project Cost, Net Total): only these, so an item named with the word (Total station) stays an item
_MONEY_TOTAL_WORDS = frozenset(
    "original final net nett gross overall project contract quotation quote estimated estimate "
    "amount cost costs price sum value of the all items eur usd rmb cny".split()
)
#: an English grand total written without "total" (Final Amount, Net Price, Amount Payable)
_GRAND_EN = re.compile(
    r"^(?:final|net|nett|overall)(?:amount|price|sum|value)$|^(?:amount|sum|balance)(?:payable|due)$"
)


def _money_total(label: str) -> int:
    """2 for Original Total Amount, 3 for Final Total / Overall Total Cost, else 0."""
    words = re.findall(r"[a-z]+", label.lower())
    if "total" not in words or not all(w == "total" or w in _MONEY_TOTAL_WORDS for w in words):
        return 0
    return 3 if words[0] in ("final", "overall") else 2


#: how a total is summed, written after its label (投标报价合计＝1+2+3+4+5)
_HOW_SUMMED = re.compile(r"=[\d.+\-*/×()（）]+$")


def how_summed(label: str) -> bool:
    """The label says how its total is summed (合计=1+2+3)."""
    return _HOW_SUMMED.search(_norm(label)) is not None


def total_level(label: str) -> int:
    """0 for a normal label; 1 subtotal (小计), 2 total (合计), 3 grand total (总计/共计/含税总价)."""
    if not label or len(label) > 40:
        return 0
    s = _norm(label)
    s = SECTION.sub(lambda m: m.group("rest"), s, count=1) if s[:1] in "一二三四五六七八九十(（第" else s
    if _HOW_SUMMED.search(s):
        # 投标报价合计＝1+2+3+4+5: the total of the numbered top entries, the grand total
        level = total_level(_HOW_SUMMED.sub("", s))
        return 3 if level >= 2 else level
    s = s.strip("：:。.、()（）")
    if _GRAND.match(s) or _GRAND_EN.match(s):
        return 3
    if s in _SUM_WORDS:
        return 2
    if "计" not in s and "total" not in s:
        return 0
    if "小计" in s or s.startswith(("subtotal", "sub-total")) or s.endswith(("subtotal", "sub-total")):
        return 1
    if s.startswith(("总计", "共计", "grandtotal", "总价合计", "g.total", "gtotal")) or s.endswith(
        ("总计", "共计", "grandtotal")
    ):
        return 3
    if s.startswith(("合计", "total")) or s.endswith(("合计", "total")):
        return 2
    return _money_total(label)


_KIND_WORDS = (
    ("provisional", re.compile(r"contingenc|provisional|reserve|不可预见|预备费|暂列")),
    ("vat", re.compile(r"vat|gst|tax|税")),
    ("overhead", re.compile(r"overhead|管理费")),
    ("profit", re.compile(r"profit|利润")),
    ("fees", re.compile(r"规费")),
    ("measures", re.compile(r"措施")),
)
_RATE_WORDS = re.compile(r"\d\s*%.*(?:for|of|on|charge|费)|@|charges?\b|prorata", re.I)


def markup_kind(label: str) -> str | None:
    """The markup a label names (税金 9% -> vat; Add 3% for contingencies -> provisional;
    Add 1% for quality control -> other), or None."""
    norm = _norm(label)
    added = _ADD.match(norm) is not None
    s = _ADD.sub("", norm)
    for kind, pattern in _MARKUPS:
        if pattern.search(s) if kind == "measures" else pattern.match(s):
            return kind
    if (added or "%" in s) and _RATE_WORDS.search(label):
        return next((kind for kind, pattern in _KIND_WORDS if pattern.search(s)), "other")
    m = SECTION.match(s)
    if m and m.group("rest"):
        s = m.group("rest")
    for kind, pattern in _MARKUPS:
        if pattern.search(s) if kind == "measures" else pattern.match(s):
            return kind
    if _CONTINGENCY.search(s):
        return "provisional"  # Project Contingencies, Management reserve
    return None


def blank(v: object) -> bool:
    return v == "" or v is None or (type(v) is str and not v.strip())


def _is_number(v: object) -> TypeGuard[float | int]:
    t = type(v)
    return t is float or t is int


@dataclass
class RowKind:
    kind: str
    label: str = ""
    level: int = 0
    markup: str | None = None


LINE = RowKind("line")
BLANK = RowKind("blank")


@dataclass
class SheetView:
    """One sheet's rows as the classifier sees them (the sheet is never modified)."""

    raw: RawSheet
    layout: Layout
    cols: dict[str, int] = field(init=False)
    width: int = field(init=False)
    last_numeric_row: int = field(init=False)
    continued_rows: dict[int, int] = field(init=False)

    def __post_init__(self) -> None:
        self.cols = self.layout.columns
        self.width = max(self.cols.values()) + 1
        get = self.cols.get
        self.ci, self.di, self.ui = get("code", -1), self.cols["description"], get("unit", -1)
        self.qi, self.pi, self.ai = get("quantity", -1), get("price", -1), get("amount", -1)
        self.ki = get("likely", -1)
        numeric = [
            c for f, c in self.cols.items() if f in ("quantity", "price", "amount", "low", "likely", "high")
        ]
        self.number_cols = frozenset(numeric)
        self.core = [c for c in (self.qi, self.pi, self.ki) if c >= 0]
        self.all_of = itemgetter(*sorted(set(self.cols.values())), -1)
        self.nums_of = itemgetter(*numeric, -1)
        self.core_of = itemgetter(*self.core, -1) if self.core else None
        self.last_numeric_row = self._last_numeric(numeric)
        self.name_span, self.group_rows, self.grouped = self._name_span()
        self.continued_rows = self._vertical_merges()
        self.merged_names = self._merged_names()
        self.in_group = self._in_group()
        self.gi = self.cols.get("category", -1)
        self.category_from = self._category_merges()
        #: rows whose amount is the sum of the rows below but read as items (`_item_like_head`), with
        #: the note the import carries for each
        self.item_heads: dict[int, str] = {}

    def row(self, r: int) -> list:
        """Row r padded to the table's width, plus a blank sentinel that a missing column (-1) reads."""
        rows = self.raw.rows
        out = rows[r]
        if type(rows) is not SheetRows:
            out = list(out)  # the sheet's own list (compact rows give a new list each time)
        if len(out) < self.width:
            out += [""] * (self.width - len(out))
        out.append("")
        if self.name_span is not None:
            self._shift_name(r, out)
        c0 = self.merged_names.get(r)
        if c0 is not None and blank(out[self.di]):
            out[self.di] = out[c0]
        r0 = self.category_from.get(r)
        if r0 is not None and blank(out[self.gi]):
            top = self.raw.rows[r0]
            out[self.gi] = top[self.gi] if self.gi < len(top) else ""
        return out

    def rows(self, start: int, stop: int) -> list[list]:
        """Rows start..stop-1 as `row` gives each, read as one slice where no merge or name span
        changes a row."""
        if (
            self.name_span is not None
            or self.merged_names
            or self.category_from
            or type(self.raw.rows) is not SheetRows
        ):
            return [self.row(r) for r in range(start, stop)]
        out = self.raw.rows[start:stop]
        width = self.width
        for row in out:
            if len(row) < width:
                row += [""] * (width - len(row))
            row.append("")
        return out

    def _category_merges(self) -> dict[int, int]:
        """Row -> the first row of a merge down the category column that covers it (品类 前期大项
        over its items): the items below the first carry the merged category."""
        if self.gi < 0:
            return {}
        return {
            k: r0
            for (r0, c0), (r1, c1) in self.raw.merged
            if r1 > r0 and c0 <= self.gi <= c1 and r0 >= self.layout.data_start
            for k in range(r0 + 1, min(r1, r0 + 500) + 1)
        }

    def _in_group(self) -> frozenset[int]:
        """Rows under the first of a group merged down a column left of the description (品类 or
        项目 over several items): items of that group, never a heading."""
        return frozenset(
            k
            for (r0, c0), (r1, c1) in self.raw.merged
            if r1 > r0 and c1 < self.di and r0 >= self.layout.data_start
            for k in range(r0 + 1, min(r1, r0 + 200) + 1)
        )

    def _merged_names(self) -> dict[int, int]:
        """Row -> the first column of a merge across the row that covers the description cell from
        its left (其他物资 merged over A:D): the merged text is the row's name."""
        out: dict[int, int] = {}
        for (r0, c0), (r1, c1) in self.raw.merged:
            if r1 == r0 and c0 < self.di <= c1 and r0 >= self.layout.data_start:
                out[r0] = c0
        return out

    def _name_span(self) -> tuple[tuple[int, int] | None, frozenset[int], frozenset[int]]:
        """The description header merged over two columns (名称 over A:B, a home-renovation budget):
        ((left, right), rows whose left cell starts a vertical merge (a group name), the rows such a
        merge covers below its first)."""
        h = self.layout.header_row
        for (r0, c0), (_r1, c1) in self.raw.merged:
            if r0 == h and c0 == self.di and c1 == c0 + 1 and c1 not in self.cols.values():
                spans = [
                    (a, e)
                    for (a, b), (e, f) in self.raw.merged
                    if b == c0 and f == c0 and e > a and a > (h or 0)
                ]
                covered = frozenset(k for a, e in spans for k in range(a + 1, e + 1))
                return (c0, c1), frozenset(a for a, _ in spans), covered
        return None, frozenset(), frozenset()

    def _shift_name(self, r: int, out: list) -> None:
        """Under a description header merged over two columns the item's name is the right cell when
        it is filled and the left one is empty or a group name merged down the rows."""
        left, right = self.name_span  # type: ignore[misc]
        if right < len(out) - 1 and not blank(out[right]) and (blank(out[left]) or r in self.group_rows):
            out[left], out[right] = out[right], ""

    def _last_numeric(self, numeric: list[int]) -> int:
        rows = self.raw.rows
        for r in range(len(rows) - 1, self.layout.data_start - 1, -1):
            row = rows[r]
            if any(c < len(row) and _is_number(row[c]) for c in numeric):
                return r
        return -1

    def _vertical_merges(self) -> dict[int, int]:
        """Row -> the top row of a merge (in the code or description column) that covers it."""
        out: dict[int, int] = {}
        key_cols = {self.ci, self.di}
        if self.name_span is not None:  # a merge down the left name column is a group, not one item
            key_cols.discard(self.di)
        for (r0, c0), (r1, c1) in self.raw.merged:
            if r1 > r0 and r0 >= self.layout.data_start and any(c0 <= c <= c1 for c in key_cols):
                for r in range(r0 + 1, min(r1, r0 + 50) + 1):
                    out[r] = r0
        return out


def is_plain_line(view: SheetView, row: list) -> bool:
    """The common row, decided cheaply: a description without any keyword and a number in the
    quantity or price column (most rows of a big sheet)."""
    desc = row[view.di]
    if type(desc) is not str or not desc or view.core_of is None:
        return False
    core = view.core_of(row)
    if type(core[0]) is not float and not any(t is float or t is int for t in map(type, core)):
        return False
    if _KEY_RE.search(desc) if not desc.isascii() else _ascii_keyword(desc):
        return False
    code = row[view.ci]
    return not (type(code) is str and not code.isdigit() and suspicious(code))


def plain_lines(view: SheetView, rows: Sequence[list]) -> list[bool]:
    """`is_plain_line` of each row of a block, the keyword search of the non-ASCII names made once
    over them joined (`_keyword_free`): one search a block where no name holds a keyword, not
    one a row."""
    out = [False] * len(rows)
    core_of = view.core_of
    if core_of is None:
        return out
    di, ci = view.di, view.ci
    wide: list[int] = []  # rows left to the keyword search of their non-ASCII names
    for i, row in enumerate(rows):
        desc = row[di]
        if type(desc) is not str or not desc:
            continue
        core = core_of(row)
        if type(core[0]) is not float and not any(t is float or t is int for t in map(type, core)):
            continue
        code = row[ci]
        if type(code) is str and not code.isdigit() and suspicious(code):
            continue
        if not desc.isascii():
            wide.append(i)
        elif not _ascii_keyword(desc):
            out[i] = True
    if wide:
        for i, free in zip(wide, _keyword_free([rows[i][di] for i in wide]), strict=True):
            out[i] = free
    return out


def _keyword_free(names: list[str]) -> list[bool]:
    """`_KEY_RE.search(name) is None` for each name, searched over the names joined by newlines:
    no keyword holds a newline, so each match lies in one name."""
    out = [True] * len(names)
    text = "\n".join(names)
    if _KEY_RE.search(text) is None:
        return out
    starts = list(accumulate([len(name) + 1 for name in names[:-1]], initial=0))
    for m in _KEY_RE.finditer(text):
        out[bisect_right(starts, m.start()) - 1] = False
    return out


def classify(view: SheetView, r: int, row: list, prev: str) -> RowKind:
    """The kind of row r (`row` is view.row(r)); `prev` is the kind of the previous non-blank row."""
    if is_plain_line(view, row):
        return LINE
    if not any(view.all_of(row)) and all(blank(v) for v in view.all_of(row)):
        if not any(type(v) is str and v.strip() for v in row):
            return BLANK
    return _classify_slow(view, r, row, prev)


def _texts(view: SheetView, row: list) -> list[tuple[int, str]]:
    return [(c, v.strip()) for c, v in enumerate(row[:-1]) if type(v) is str and v.strip()]


def _zero_form_row(view: SheetView, row: list) -> bool:
    """A template row whose formulas copy empty cells: the name is the number 0 and every other
    figure is 0 (RFPView's `0 | 0 | 0 | 0.00`, scope notes beside): no item, no cost."""
    desc = row[view.di]
    if (type(desc) is not float and type(desc) is not int) or desc != 0:
        return False
    return not any((type(v) is float or type(v) is int) and v != 0 for v in row)


def _classify_slow(view: SheetView, r: int, row: list, prev: str) -> RowKind:
    if _zero_form_row(view, row):
        return BLANK
    texts = _texts(view, row)
    numbers = any(_is_number(v) for v in view.nums_of(row))
    if prev == "total" and not numbers and _another_header(view, row, texts):
        return RowKind("header")  # `table._header_again` ends the list if the total above agrees
    found = _page_furniture(view, r, row, texts, numbers)
    if found is None:
        found = _total_or_markup(view, row, texts)
    if found is not None:
        return found
    desc = cell_text(row[view.di])
    if _EXAMPLE.search(desc):
        return RowKind("example", desc)
    return _shape(view, r, row, texts, prev)


#: fields of a header that make it a table of figures
_NUMBER_FIELDS = frozenset({"quantity", "price", "amount", "low", "likely", "high"})


def _another_header(view: SheetView, row: list, texts: list[tuple[int, str]]) -> bool:
    """Under a total, a row of three short labels or more, two of them headers (one of a figure),
    that heads the table's amount column as something else or nothing (`Part | Weight | Quantity |
    Total` under the purchases' TOTAL, Quantity over Paid): a header again, so another table may
    start (`table._header_again` decides by the total above). A row that heads the amount column as an amount again (Materials | Quantity | Unit Price |
    Total under Total Labor) is a section of the same table."""
    if view.ai < 0 or len(texts) < 3 or any(len(t) > 24 or any(ch.isdigit() for ch in t) for _, t in texts):
        return False
    fields = [f[0] for _, t in texts if (f := classify_header(t)) is not None]
    if len(fields) < 2 or not any(f in _NUMBER_FIELDS for f in fields):
        return False
    over = classify_header(cell_text(row[view.ai])) if type(row[view.ai]) is str else None
    return over is None or over[0] != "amount"


def _page_furniture(
    view: SheetView, r: int, row: list, texts: list[tuple[int, str]], numbers: bool
) -> RowKind | None:
    """Repeated page headers and titles, numbering rows, notes and signature blocks."""
    if not texts:
        return RowKind("numbering") if _is_numbering(row, view) else None
    words = [normalize_header(t) for _, t in texts]
    hw = view.layout.header_words
    if (
        not numbers
        and hw
        and sum(w in hw for w in words) >= min(2, len(words))
        and sum(w in hw for w in words) * 2 >= len(words)
    ):
        return RowKind("header")
    first = texts[0][1]
    if (_SIGN.match(first.lower()) and not numbers) or _NOTE.match(first):
        return RowKind("end" if r > view.last_numeric_row else "note", first)
    tw = view.layout.title_words
    if not numbers and all((w in tw) or _PAGE.search(t) for w, (_, t) in zip(words, texts, strict=True)):
        return RowKind("page", first)
    if _is_numbering(row, view):
        return RowKind("numbering")
    return None


_IN_WORDS = re.compile(
    r"^(?:总金额|合计金额|总价|合计|总计|报价总额|投标总价|投标报价|含税总价)\s*[（(]?\s*(?:人民币)?大写"
)
#: the figure written out beside the amount in words: 小写：213350 / ¥213,350.00
FIGURE_IN_TEXT = re.compile(r"(?:小写|¥|￥)\s*[:：]?\s*[¥￥]?\s*(\d[\d,]*(?:\.\d+)?)")


def _total_or_markup(view: SheetView, row: list, texts: list[tuple[int, str]]) -> RowKind | None:
    # a label right of every column of the table over an empty amount cell (Total= of a cost-sharing
    # block beside the budget) belongs to another table
    edge = max(view.cols.values(), default=-1) if blank(row[view.ai]) or _item_beside(view, row) else len(row)
    for c, t in texts:
        if ("大写" in t or "小写" in t) and _IN_WORDS.match(_norm(t)):
            return RowKind("total", t, 3)  # 总金额（大写）：贰拾壹万… 小写：213350
        if len(t) > 40 or c > edge or c == view.layout.total_column:
            continue  # words in the column of the sheet's total (Total Weight) label other figures
        n = _norm(t)
        if _PAGE_TOTAL.match(n):
            return RowKind("page total", t)
        if _BROUGHT.match(n):
            return RowKind("brought", t)
        level = total_level(t)
        if level:
            return RowKind("total", t, level)
    label = cell_text(row[view.di]) or (texts[0][1] if texts else "")
    if _OF_WHICH.match(label):
        return RowKind("info", label)
    kind = markup_kind(label) if label else None
    rated = _rate_label(view, row, texts) if kind is None else None
    if rated is not None:
        return RowKind("markup", rated[1], markup=rated[0])
    if (
        kind is not None
        and (_norm(cell_text(row[view.ui])) in _MARKUP_UNITS or cell_text(row[view.ui]) == label)
        and not (kind == "measures" and _priced_item(view, row))
    ):
        return RowKind("markup", label, markup=kind)
    return None


def _item_beside(view: SheetView, row: list) -> bool:
    """A named, priced row: a total label right of the table's columns (`Laptop | 1,800 | Total |
    2,410`) states the list's total beside its first item (`beside.total_labelled_beside`), and the
    row stays an item."""
    desc = row[view.di]
    if type(desc) is not str or not desc.strip() or total_level(desc.strip()) or markup_kind(desc.strip()):
        return False
    return view.ai >= 0 and _is_number(row[view.ai])


def _rate_label(view: SheetView, row: list, texts: list[tuple[int, str]]) -> tuple[str, str] | None:
    """(kind, label) of a percentage mark-up labelled in a number column (`Mark Up | 0.15 |
    381.45`, `Subcontractor | 0.05 | 0` beside form fields such as `Working Days:` in the description
    column, or none): a word where a figure belongs, a rate between 0 and 1 right of it and an
    amount."""
    ai = view.ai
    if ai < 0 or blank(row[ai]) or not _is_number(row[ai]):
        return None
    desc = cell_text(row[view.di])
    if desc and not desc.endswith((":", "：")):
        return None  # a named row (Cement | LS | 0.75 | 1,000) is an item, whatever its cells say
    for c, t in texts:
        if c not in view.number_cols or c == ai or sum(ch.isalpha() for ch in t) < 4:
            continue
        if any(_is_number(v) and 0 < v < 1 for v in row[c + 1 : ai]):
            return markup_kind(t) or "other", t
    return None


def _priced_item(view: SheetView, row: list) -> bool:
    """A row with a quantity and a unit price, or its own category: a cost item (安全文明施工措施费
    1 项 × 80,000 in 其他), not a fee added on top."""
    gi = view.cols.get("category", -1)
    if gi >= 0 and not blank(row[gi]):
        return True
    prices = [row[c] for c in (view.pi, view.ki) if c >= 0]
    return view.qi >= 0 and _is_number(row[view.qi]) and any(_is_number(v) for v in prices)


def _shape(view: SheetView, r: int, row: list, texts: list[tuple[int, str]], prev: str) -> RowKind:
    """Headings, continuations and lines by what the row holds."""
    code, desc = cell_text(row[view.ci]), cell_text(row[view.di])
    alt = view.layout.alt_description
    if not desc and 0 <= alt < len(row) and type(row[alt]) is str and not total_level(row[alt].strip()):
        desc = row[alt].strip()  # the second name column (an outline's sub-item, 具体设备 beside 项目)
    if (
        not code
        and not desc
        and texts
        and not any(_is_number(v) for v in row)
        and all(c in view.number_cols or c == view.ui for c, _ in texts)
    ):
        # words only under number columns (`cum | per cum`, `Lacs`): the unit of the line above
        return RowKind("unit row", texts[0][1]) if prev == "line" else RowKind("info", texts[0][1])
    if prev == "start" and not code and not desc and _units_under_header(view, row, texts):
        return RowKind("header")  # `(+/- 3%) | In Nos. | In Rs.` under the header: its units
    core_cells = view.core_of(row) if view.core_of else ()
    gi = view.cols.get("category", -1)
    if (
        not desc
        and not (gi >= 0 and not blank(row[gi]))  # a row with its own category is an item
        and not blank(row[view.ai])
        and (not code or ENUM_ONLY.match(code))
        and (
            not any(_is_number(v) or not blank(v) for v in core_cells)
            # no words at all and only zeros beside it (| 0 | 0 | 185,442,382.50): a total
            or (not texts and not any(v != 0 if _is_number(v) else not blank(v) for v in core_cells))
        )
    ):
        # an amount with no name in a row that only carries the next 序号 (11 | | | 55.68)
        return RowKind("unlabelled")
    core = view.core_of(row) if view.core_of is not None else ()
    has_core = any(_is_number(v) or not blank(v) for v in core)
    amount = row[view.ai]
    has_amount = not blank(amount)
    unit_blank = blank(row[view.ui])
    if (
        not has_core
        and not has_amount
        and desc
        and not unit_blank
        and (not code or ENUM_ONLY.match(code))
        and _next_is_nameless_item(view, r)
    ):
        return RowKind("prefix", desc)  # 2 | 钢筋 merged over two rows | 吨 |  |  — the figures below
    if has_core or not unit_blank:
        return LINE
    label = desc or code or (texts[0][1] if texts else "")
    if not label:
        return RowKind("unlabelled") if has_amount else BLANK
    if not has_amount:
        return _text_row(view, r, row, code, desc, label, prev)
    parts = section_parts(code, desc) or ("none", label)
    if r in view.in_group and desc:
        return LINE  # an item of a group merged down the left column, with its amount only
    if parts[0] not in ("none", "arabic", "dotted") or (
        (view.layout.lump_heads or view.qi >= 0) and section_total_follows(view, r, amount)
    ):
        return RowKind("section", label)
    return LINE


def _units_under_header(view: SheetView, row: list, texts: list[tuple[int, str]]) -> bool:
    """Short words without figures, one under a number column at least: the header's unit row."""
    return (
        not any(_is_number(v) for v in row)
        and any(c in view.number_cols for c, _ in texts)
        and all(len(t) <= 12 and c not in (view.ci, view.di) for c, t in texts)
    )


def _text_row(view: SheetView, r: int, row: list, code: str, desc: str, label: str, prev: str) -> RowKind:
    if r in view.grouped and desc:
        return LINE  # an item of a group merged down the left name column, not priced (a zero line)
    if (
        desc
        and (not code or ENUM_ONLY.match(code))
        and (_next_is_nameless_item(view, r) or _figures_below(view, r))
    ):
        # the item's name on its own row, its figures on the next with no name or number of their own
        # (or on the last of the rows continuing its text in another column)
        return RowKind("prefix", desc)
    if prev == "prefix" and not desc and not code:
        return BLANK  # text continuing the named item's in another column, its figures further down
    if view.continued_rows.get(r) is not None and prev == "line":
        return RowKind("continuation", desc or label)
    parts = section_parts(code, desc)
    numbered = parts is not None and parts[0] != "none"
    if not numbered and not code and prev == "line" and desc and (_reads_on(desc) or _open_ended(view, r)):
        return RowKind("continuation", desc)
    if code and desc and not ENUM_ONLY.match(code) and not numbered and _next_needs_text(view, r):
        return RowKind("prefix", desc)
    if not desc and not code and _only_links_or_notes(view, row):
        return RowKind("note", label)  # a second link or a remark between the items: no heading
    if not desc and not code:
        # a heading written in another text column (a merged 序号 column, 项目特征)
        return RowKind("section", label)
    return RowKind("section", label)


def _only_links_or_notes(view: SheetView, row: list) -> bool:
    """The row's words are web links, or sit in the column headed as notes (Notes, 备注)."""
    notes = view.cols.get("notes", -1)
    texts = [(c, v.strip()) for c, v in enumerate(row) if isinstance(v, str) and v.strip()]
    return bool(texts) and all(c == notes or _LINK.match(t) for c, t in texts)


def _next_is_nameless_item(view: SheetView, r: int) -> bool:
    """The next row holds a quantity or a unit price and neither a description nor a code."""
    rows = view.raw.rows
    if r + 1 >= len(rows) or r + 1 in view.raw.hidden_rows or view.core_of is None:
        return False
    nxt = view.row(r + 1)
    return blank(nxt[view.di]) and blank(nxt[view.ci]) and any(_is_number(v) for v in view.core_of(nxt))


def _figures_below(view: SheetView, r: int) -> bool:
    """Rows of text in another column only (the item's description, written over rows) lead from
    this name to a row with an amount and no name or number of its own: that row is the item's."""
    rows = view.raw.rows
    for k in range(r + 1, min(r + 6, len(rows))):
        if k in view.raw.hidden_rows:
            return False
        nxt = view.row(k)
        if not blank(nxt[view.di]) or not blank(nxt[view.ci]):
            return False
        if any(_is_number(v) for v in nxt):
            # the item's figures, not a total row (Total | 41,146.69 under notes)
            return _is_number(nxt[view.ai]) and not any(
                type(v) is str and total_level(v.strip()) for v in nxt
            )
        if not any(type(v) is str and v.strip() for v in nxt):
            return False
    return False


def _reads_on(text: str) -> bool:
    """Text that continues a description rather than naming a section."""
    return (
        len(text) > 24
        or text[:1] in "（(,，、;；:：-–—/"
        or text[:1].islower()
        or bool(re.match(r"^\d+[.、)）]\s*\S", text))
        and len(text) > 10
    )


def _open_ended(view: SheetView, r: int) -> bool:
    """The row above ends mid-sentence (a comma, 、, 及 …): this row continues it."""
    above = view.raw.rows[r - 1] if r > 0 else []
    text = cell_text(above[view.di]) if view.di < len(above) else ""
    return bool(text) and text[-1] in "，,、;；:：及和与-–/"


def _next_needs_text(view: SheetView, r: int) -> bool:
    """The next row is a row with numbers and without a code: this row's code and text belong to it
    (or to the priced row its measurement rows lead to)."""
    rows = view.raw.rows
    if r + 1 >= len(rows):
        return False
    nxt = view.row(r + 1)
    return blank(nxt[view.ci]) and view.core_of is not None and any(_is_number(v) for v in view.core_of(nxt))


def section_total_follows(view: SheetView, r: int, amount: object) -> bool:
    """An un-numbered heading with an amount (「楼地面 … 5,000」): true when the lines right below it
    add up to that amount."""
    if not _is_number(amount) or view.ai < 0 or amount == 0:
        return False  # a nil amount proves no section: it is the sum of any nil rows below it
    target = Decimal(repr(float(amount)))
    total = Decimal(0)
    rows = view.raw.rows
    count = 0
    for k in range(r + 1, min(len(rows), r + 5000)):
        row = rows[k]
        v = row[view.ai] if view.ai < len(row) else ""
        if not _is_number(v) or _total_row(row):
            continue  # 本页小计 and other totals below the heading are not its lines
        total += Decimal(repr(float(v)))
        count += 1
        if abs(total - target) <= Decimal("0.01") + Decimal("0.005") * count:
            # in a sheet of lump amounts (no quantity column), one line of the same amount below a
            # long description is the next item at the same price (2,000 | 2,000 in a quote), not a
            # heading with its section total
            if _item_like_head(view, r, k, count, target):
                return False
            return count > 1 or view.qi >= 0 or not _long_text(view, r)
        if target >= 0 and total > target + 1:
            return False
    return False


def _filled(view: SheetView, row: list) -> frozenset[int]:
    """The columns a row fills, its figures left aside: how an item of the list is set out."""
    return frozenset(c for c, v in enumerate(row[: view.width]) if c not in view.number_cols and not blank(v))


def _item_like_head(view: SheetView, r: int, end: int, count: int, target: Decimal) -> bool:
    """A row whose amount happens to be the sum of the rows below it (0805 capacitor 0.04 over two
    0.02 resistors) but that is an item like them: set out as they are (the same columns filled,
    its name and at least one more), and the rows below run on past the sum into further items set
    out the same way (a heading's rows end where its sum does: at the next heading, a total or the
    end of the list). Recorded with a note naming the reading (`SheetView.item_heads`)."""
    rows = view.raw.rows
    mine = _filled(view, rows[r])
    if len(mine) < 2 or _filled(view, rows[r + 1]) != mine:
        return False
    after = next(
        (k for k in range(end + 1, min(len(rows), end + 50)) if any(not blank(v) for v in rows[k])), None
    )
    if after is None or _total_row(rows[after]) or _filled(view, rows[after]) != mine:
        return False
    v = rows[after][view.ai] if view.ai < len(rows[after]) else ""
    if not _is_number(v):
        return False
    if count == 1:
        return True  # the next item at the same price, set out as it is: no heading of one row
    name = cell_text(rows[r][view.di])[:30]
    view.item_heads[r] = (
        f"「{name}」 {target} is the sum of the {count} row(s) below it but is read as an item: it is set out "
        "like them and the list runs on past that sum (a heading's rows end where its sum does); if it heads "
        "those rows, number it as a heading (一、) or add the sheet's total row so that it decides"
    )
    return True


def _total_row(row: list) -> bool:
    """A row labelled as a total or page total in any of its first cells."""
    for x in row[:12]:
        if type(x) is str and x.strip() and len(x) <= 40:
            n = _norm(x)
            if total_level(x) or _PAGE_TOTAL.match(n) or _BROUGHT.match(n):
                return True
    return False


is_total_row = _total_row


def _long_text(view: SheetView, r: int) -> bool:
    row = view.raw.rows[r]
    text = row[view.di] if view.di < len(row) else ""
    return isinstance(text, str) and (len(text.strip()) > 16 or text.strip()[-1:] in ("。", "."))


def section_parts(code: str, desc: str) -> tuple[str, str] | None:
    """(numbering style, name) of a heading, or None when the text is empty."""
    text = desc or code
    if not text:
        return None
    if desc and code and ENUM_ONLY.match(code):
        m = SECTION.match(code + ("、" if code[-1] not in "、.．)）" else ""))
        style = _style(m) if m else "code"
        return style, desc
    m = SECTION.match(text)
    if m and m.group("rest"):
        return _style(m), m.group("rest").strip()
    return "none", text


def _style(m: re.Match) -> str:
    for name in ("part", "cn", "paren", "roman", "letter", "dotted", "arabic"):
        if m.group(name):
            return name
    return "none"


_COLUMN_TAG = re.compile(r"^(?:[A-Z]\d?|[A-Z]\d?\s*=.*|\(?\d+\)?\s*=.*|打印时隐藏)$")


def _is_numbering(row: list, view: SheetView) -> bool:
    """A row of column numbers or letters under the header: 1 2 3 4 ... ((1) (2) ..., A B C D=B-A)."""
    tags = [v.strip() for v in row[:-1] if type(v) is str and v.strip()]
    if len(tags) >= 3 and all(_COLUMN_TAG.match(t) for t in tags) and not any(type(v) is float for v in row):
        return True
    values = []
    for v in row[:-1]:
        if blank(v):
            continue
        t = cell_text(v).strip("()（）")
        if not (t.isascii() and t.isdecimal()):
            return False
        values.append(int(t))
    return len(values) >= 3 and values == list(range(values[0], values[0] + len(values)))
