"""Finding the header row of a cost table and what each column holds.

Headers are matched by Chinese and English synonyms after removing units in brackets
(`单价(元)`, `Amount (USD)`). A header may span two rows (a merged `单价` over `最低 | 最可能 | 最高`).
An explicit column map (`code=A,description=B,...`) overrides or replaces the matching.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from bidassist.core.bidfile import COST_FIELDS, COST_MAP_ROWS
from bidassist.core.errors import InputError, Problem
from bidassist.core.money import AmountError, parse_amount
from bidassist.costs.values import CellError, cell_text, money_per_unit, parse_distribution, plain_number
from bidassist.costs.workbook import RawSheet, col_index, col_letter, sheet_ref

FIELDS = COST_FIELDS  # the columns a cost sheet can have (core.bidfile: the bid file's map names them)
#: components of a 综合单价 (all-in unit rate), kept as a breakdown on the line
BREAKDOWN_FIELDS = ("labour", "material", "machinery", "overhead_profit")
NUMERIC_FIELDS = ("quantity", "price", "amount", "low", "likely", "high", *BREAKDOWN_FIELDS)
ROW_KEYS = COST_MAP_ROWS
#: How many rows from the top are searched for the header.
HEADER_SEARCH_ROWS = 40

#: the Chinese headers of a column that holds the total quantity (合计工程量 beside per-floor columns)
_TOTAL_QTY_ZH = ("合计工程量", "总工程量", "工程量合计", "总数量", "数量合计", "合计用量", "总用量")

# Synonyms, most specific first within a field. Chinese match as substrings, English as whole words
# (a unit such as `r/min` is one token: it is not `min`).
SYNONYMS: dict[str, tuple[str, ...]] = {
    "low": ("最低", "乐观", "最小", "低值", "low", "min", "minimum", "optimistic", "best case"),
    "likely": ("最可能", "最可能值", "可能值", "likely", "most likely", "mode", "base", "expected"),
    "high": ("最高", "悲观", "最大", "高值", "high", "max", "maximum", "pessimistic", "worst case"),
    "distribution": ("分布", "分布类型", "distribution", "dist"),
    "category": (
        "费用类别",
        "费用类型",
        "大类",
        "品类",
        "成本类别",
        "类别",
        "部门",
        "分类",
        "category",
        "cost type",
        "type",
        "class",
    ),
    "risk": ("风险", "风险项", "risk"),
    "price": (
        "综合单价",
        "含税单价",
        "不含税单价",
        "单价",
        "均价",
        "价格",
        "unit price",
        "unit cost",
        "unit rate",
        "rate",
        "price",
        "cost per unit",
        "cost ea",
        "cost ea.",
        "cost each",
        "price ea",
        "price ea.",
        "price each",
        "each",
    ),
    "amount": (
        "合价",
        "金额",
        "合计",
        "总价",
        "小计",
        "费用",
        "成本",
        "amount",
        "total",
        "extended",
        "line total",
        "line price",
        "line amount",
        "line cost",
        "total price",
        "total cost",
        "extended price",
        "extended cost",
        "ext. price",
        "ext price",
        "ext. cost",
        "ext cost",
        "cost total",
        "sum",
        "cost",
        "costs",
        "subtotal",
        "subtotals",
        "sub-total",
        "paid",
        "amount paid",
        "total paid",
        "price paid",
        "cost paid",
        "实付",
        "实付金额",
        "付款金额",
    ),
    "quantity": (
        *_TOTAL_QTY_ZH,
        "工程量",
        "工程数量",
        "数量",
        "用量",
        "面积",
        "人数",
        "total quantity",
        "total qty",
        "quantity",
        "qty",
        "qty.",
        "count",
        "cnt",
        "cnt.",
        "#units",
        "no. of units",
        "hours",
        "hrs",
        "man-hours",
        "man hours",
        "effort",
    ),
    "labour": ("人工费", "人工单价", "labour", "labor", "lab."),
    "material": ("材料费", "主材费", "材料单价", "material", "materials", "mat."),
    "machinery": ("机械费", "机械使用费", "施工机具使用费", "机具费", "machinery"),
    "overhead_profit": (
        "管理费和利润",
        "管理费及利润",
        "企业管理费和利润",
        "管理费与利润",
        "overhead and profit",
        "overheads and profit",
    ),
    "unit": ("计量单位", "单位", "unit", "uom", "units"),
    "description": (
        "项目名称",
        "清单项目名称",
        "费用名称",
        "设备名称",
        "材料名称",
        "分区分类描述",
        "具体设备",
        "工作项目",
        "名称",
        "品名",
        "项目",
        "description",
        "item description",
        "description of item",
        "description of work",
        "item of work",
        "particulars",
        "activity",
        "task",
        "wbs items",
        "work item",
        "item",
        "name",
    ),
    # recognised so that they are not mistaken for another field, then not imported
    "notes": (
        "备注",
        "项目特征",
        "特征描述",
        "规格型号",
        "规格",
        "型号",
        "品牌",
        "产地",
        "暂估价",
        "其中",
        "工程量计算规则",
        "计算规则",
        "计算式",
        "计算公式",
        "工作内容",
        "定额人工费",
        "转速",
        "功率",
        "重量",
        "单位重量",
        "小计重量",
        "单位体积",
        "体积",
        "尺寸",
        "外形尺寸",
        "附注",
        "采购地",
        "购买地",
        "链接",
        "remarks",
        "remark",
        "note",
        "notes",
        "distributor",
        "supplier",
        "vendor",
        "specification",
        "spec",
        "brand",
        "model",
        "comment",
        "comments",
    ),
    "code": (
        "项目编码",
        "清单编码",
        "编码",
        "编号",
        "代码",
        "序号",
        "项目号",
        "code",
        "cost code",
        "item no",
        "item no.",
        "no",
        "no.",
        "ref",
        "#",
        "id",
        "wbs",
    ),
}
#: A lower rank wins when two columns match the same field (项目编码 beats 序号).
_CODE_RANK = {
    "项目编码": 0,
    "清单编码": 0,
    "编码": 1,
    "代码": 1,
    "code": 1,
    "cost code": 1,
    "编号": 2,
    "项目号": 2,
    "item no": 2,
    "item no.": 2,
    "ref": 2,
    "wbs": 2,
    "id": 3,
    "序号": 4,
    "no": 4,
    "no.": 4,
    "#": 4,
}
_ORDER = (
    "low",
    "likely",
    "high",
    "distribution",
    "category",
    "risk",
    "price",
    "amount",
    "quantity",
    *BREAKDOWN_FIELDS,
    "unit",
    "description",
    "notes",
    "code",
)
#: a quantity column that says it is the total one wins over per-floor/per-zone quantity columns
_TOTAL_QTY = (*_TOTAL_QTY_ZH, "total quantity", "total qty")
#: among several amount columns the one headed as the row's total (合计 after 租费合价 | 一次性合价 |
#: 物流运输费) wins over the partial ones
_TOTAL_AMOUNT = ("合计", "总价", "总计")
#: amount headers that lose to 金额/合价/amount (小计 over a count of trucks, 物流运输费 beside 合计)
_WEAK_AMOUNT = (
    "小计",
    "费",
    "成本",
    "sum",
    "cost",
    "costs",
    "subtotal",
    "subtotals",
    "sub-total",
    "预计",
    "预算",
    "budget",
    "budgeted",
    "estimated",
)
#: a Chinese header naming a fee (设计费, 物流运输费) that no synonym knows: an amount column
_FEE = re.compile(r"^[\u3400-\u9fff]{1,6}费$")

#: headers that name the description only when nothing better does (`Item | Description`: Item is
#: then the item's number)
_WEAK_DESCRIPTION = ("item", "name", "项目")

#: `Rate/Nos.`, `Rate / cum`: a rate per unit is the rate (while `r/min` stays one word)
_PER_UNIT = re.compile(r"^(rate|unit rate|price|unit price|unit cost)\s*/\s*[a-z][a-z.\d]*\.?\s*$")
#: `Cost/Unit`, `Cost/Unit/Hrs`, `Cost / hr`, `Cost/piece`, `Cost per piece`: a cost per unit, piece
#: or hour is the unit price; `#Units/Hrs`, `Hours / units`: a count of units or hours is the quantity
_COST_PER = re.compile(
    r"^(?:cost|price)\s*(?:/|per\s)\s*(?:unit|units|piece|pieces|pc|pcs|hr|hrs|hour|hours|day|days|item|items|each|ea)\b"
)
_COST_BY = re.compile(r"^(?:cost|costs|amount|total)\s+(?:per|by|for)\s+\w")
_COUNT_OF = re.compile(r"^#?\s*(?:units?|hours?|hrs)\s*/\s*(?:units?|hours?|hrs)$")
#: `# of Units to Purchase`, `No. of pieces`, `Number of items`: a count, the quantity; a count
#: per pack or package (`# of Units in Package`) is the pack's size, not the quantity
_NUMBER_OF = re.compile(r"^(?:#|no\.?|number)\s*of\s+[a-z]")
#: `Q*C`, `Qty x Price`, `P × Q`, `数量×单价`: a header written as the product of the quantity and the
#: unit price heads the line's amount, not its price (normalize_header has made `*` a space)
_Q = r"(?:q|qty\.?|quantity|数量)"
_P = r"(?:c|p|cost|price|rate|unit\s*(?:cost|price|rate)|单价)"
_PRODUCT = re.compile(rf"^(?:{_Q}\s*[x×]\s*{_P}|{_P}\s*[x×]\s*{_Q}|q\s+[cp]|[cp]\s+q)$")
_PER_PACK = re.compile(r"\b(?:in|per)\s+(?:a\s+)?(?:package|pack|box|bag|case|set|carton)\b|\bpack\s*size\b")
#: a header that states the money unit of its column: 单位：万/月, 单位:元
_UNIT_OF_MONEY = re.compile(r"^单位\s*[:：]\s*(?:万元?|元|千元)\s*(?:/\s*\S{1,2})?$")
#: a money column whose header says its figures are in 万 (金额（万元）, 单位：万/月): × 10,000
_WAN = re.compile(r"[（(【\[]\s*万元?\s*(?:/\s*\S{1,2})?\s*[)）】\]]|单位\s*[:：]\s*万元?|[:：/]\s*万元\s*$")
_THOUSAND = re.compile(r"[（(【\[]\s*千元\s*[)）】\]]|单位\s*[:：]\s*千元")
#: a physical unit in a header's brackets: the column is not money
_PHYSICAL = re.compile(r"^(?:立方米?|方|千克|公斤|吨|kg|t|m|m2|m3|㎡|㎥|平方米?|米|cbm|cum|sqm|tons?)$", re.I)
#: a header naming a share of a total (% of Total Cost per Phase, 占比, 百分比): figures are fractions
_SHARE = re.compile(r"^\s*%|%\s*of\b|\bpercent(?:age)?\b|\bshare\s+of\b|占比|百分比|比例|比重")
_BRACKETS = re.compile(r"[\(\[（【〔][^\)\]）】〕]*[\)\]）】〕]")
_SPACE = re.compile(r"\s+")
_CJK = re.compile(r"[\u3400-\u9fff]")


def normalize_header(text: object) -> str:
    """Lower case, NFKC, units in brackets and trailing `/元` removed, spaces collapsed."""
    if text is None:
        return ""
    s = unicodedata.normalize("NFKC", str(text)).lower()
    s = _BRACKETS.sub(" ", s)
    s = re.sub(r"[/:：]\s*(元|万元|rmb|cny|usd|eur)\s*$", " ", s)
    s = _PER_UNIT.sub(r"\1", s)
    s = s.replace("*", " ").replace("：", " ").replace(":", " ")
    return _SPACE.sub(" ", s).strip()


#: headers that name a field only as the whole header: a budget's 预计 | 实际 | 差异 (Budget |
#: Actual | Variance) - the budgeted figure is the amount, what was spent and the difference are
#: not - and the expense list's own name (每月支出 over its items); inside longer headers these
#: words mean other things (预计工期, 实际工程量, 支出金额)
_WHOLE_HEADER = {
    "预计": "amount",
    "预算": "amount",
    "budget": "amount",
    "budgeted": "amount",
    "estimated": "amount",
    "实际": "notes",
    "实际支出": "notes",
    "实际金额": "notes",
    "实际花费": "notes",
    "actual": "notes",
    "actuals": "notes",
    "差异": "notes",
    "差额": "notes",
    "variance": "notes",
    "difference": "notes",
    "支出": "description",
    "每月支出": "description",
    "支出项目": "description",
    "费用项目": "description",
    "费用明细": "description",
    "费用内容": "description",
    "开支项目": "description",
    "支出明细": "description",
    "cost item": "description",
    "cost items": "description",
    "cost element": "description",
    "cost elements": "description",
    "expense item": "description",
    "expense items": "description",
    "expense": "description",
    "expenses": "description",
    "monthly expenses": "description",
}


def _shaped_header(norm: str, compact: str) -> tuple[str, str] | None:
    """Headers known as a whole (预计, Actual) or by their shape (Cost/Unit, # of Units)."""
    if compact in _WHOLE_HEADER or norm in _WHOLE_HEADER:
        key = norm if norm in _WHOLE_HEADER else compact
        return _WHOLE_HEADER[key], key
    if _PRODUCT.match(norm):
        return "amount", "q*p"
    if _COST_PER.match(norm):
        return "price", "cost/unit"
    if _COST_BY.match(norm) and norm not in SYNONYMS["price"]:
        return "amount", "cost"  # Cost per Activity, Cost per Phase: money, not the activity's name
    if _COUNT_OF.match(norm):
        return "quantity", "units/hours"
    if _NUMBER_OF.match(norm):
        return ("notes", "pack size") if _PER_PACK.search(norm) else ("quantity", "number of")
    return None


#: _match_one's answers by header text (headers repeat: every sheet's header rows and the rows
#: tried as headers), bounded as the cache outlives an import
_MATCHED: dict[str, tuple[str, str] | None] = {}
_MATCHED_MAX = 4096


def _match_one(norm: str) -> tuple[str, str] | None:
    """(field, synonym) a normalized header names, or None."""
    if not norm:
        return None
    try:
        return _MATCHED[norm]
    except KeyError:
        pass
    found = _match_text(norm)
    if len(_MATCHED) < _MATCHED_MAX:
        _MATCHED[norm] = found
    return found


def _match_text(norm: str) -> tuple[str, str] | None:
    compact = norm.replace(" ", "")
    shaped = _shaped_header(norm, compact)
    if shaped is not None:
        return shaped
    for fld in _ORDER:
        for syn in SYNONYMS[fld]:
            if norm == syn or compact == syn:
                return fld, syn
    best: tuple[int, int, str, str] | None = None  # (length, -priority, field, synonym)
    for prio, fld, syn, word in _SYNONYM_TESTS:
        hit = syn in compact if word is None else word.search(norm) is not None
        if hit and (best is None or (len(syn), -prio) > best[:2]):
            best = (len(syn), -prio, fld, syn)
    if best is None:
        if _FEE.match(compact):
            return "amount", "费"
        return _near_miss(norm)
    return best[2], best[3]


_NEVER = re.compile(r"(?!)")


def _synonym_tests() -> list[tuple[int, str, str, re.Pattern[str] | None]]:
    """(priority, field, synonym, its word pattern) in _match_one's order: None for a CJK synonym
    (looked for in the compact text), _NEVER for a one-letter Latin one (only ever whole)."""
    out = []
    for prio, fld in enumerate(_ORDER):
        for syn in SYNONYMS[fld]:
            if _CJK.search(syn):
                word = None
            elif len(syn) > 1:
                word = re.compile(rf"(?<![a-z/]){re.escape(syn)}(?![a-z/])")
            else:
                word = _NEVER
            out.append((prio, fld, syn, word))
    return out


_SYNONYM_TESTS = _synonym_tests()


#: English header words long enough that a typo (Particualrs, Quantitiy) still names them
_LONG_WORDS = {
    syn: fld
    for fld in ("description", "quantity", "amount", "price", "unit")
    for syn in SYNONYMS[fld]
    if syn.isalpha() and len(syn) >= 8
}


def _near_miss(norm: str) -> tuple[str, str] | None:
    word = norm.replace(".", "").strip()
    if not (word.isascii() and word.isalpha() and len(word) >= 8):
        return None
    close = difflib.get_close_matches(word, list(_LONG_WORDS), n=1, cutoff=0.85)
    return (_LONG_WORDS[close[0]], close[0]) if close else None


def _match_header(text: object) -> tuple[str, str] | None:
    """Like _match_one on a raw header; a bracketed low/likely/high (`Unit cost (low)`) counts."""
    if text is None or text == "":
        return None
    raw = unicodedata.normalize("NFKC", str(text)).lower()
    if _UNIT_OF_MONEY.match(raw.strip()):
        return "amount", "单位：万"  # 单位：万/月 over a column of figures: amounts in that unit
    inners = re.findall(r"[\(\[（【〔]([^\)\]）】〕]*)[\)\]）】〕]", raw)
    for inner in inners:
        word = _SPACE.sub(" ", inner).strip()
        for fld in ("low", "likely", "high"):
            if word in SYNONYMS[fld]:  # the whole bracket, never a part of a unit such as r/min
                return fld, word
    found = _match_one(normalize_header(text))
    if found is not None and found[0] in ("amount", "price") and _SHARE.search(raw):
        return "notes", found[1]  # % of Total Cost, 占总价比例: a share of a total, not money
    if (
        found is not None
        and found[0] in ("amount", "price")
        and any(_PHYSICAL.match(_SPACE.sub("", i)) for i in inners)
    ):
        return "notes", found[1]  # 小计（立方）, Total (kg): a sum of volumes or weights, not money
    return found


def classify_header(top: object, bottom: object = None) -> tuple[str, str] | None:
    """The field a (possibly two-row) header names: `单价(元)` over `最低` is `low`;
    `合价` over `最低` is an amount range, which is not imported (None)."""
    t = _match_header(top)
    b = _match_header(bottom) if bottom not in (None, "") else None
    if b is None:
        return t
    if t is None:
        return b
    if b[0] in ("low", "likely", "high") and t[0] == "amount":
        return None
    if t[0] == "price" and b[0] == "amount":
        return t  # 综合单价 over 合计/小计: the all-in unit rate itself
    if t[0] == "description" and b[1] == "费":
        return t  # 项目 over 简餐费: the first item's name under the header, not a fee column
    if t[0] == "quantity" and b[0] == "amount":
        return "quantity", "合计工程量"  # 工程量 over 合计: the total of per-floor quantities
    return b


@dataclass
class Layout:
    """Where the table is: the header row(s), the first (and last) data row, and field -> column."""

    columns: dict[str, int]
    header_row: int | None  # 0-based, None when only a map was given and no header found
    data_start: int
    header_text: dict[int, str] = field(default_factory=dict)
    warnings: list[Problem] = field(default_factory=list)
    #: 0-based last data row (from the map's last=ROW), None: to the end of the sheet
    last_row: int | None = None
    #: normalized texts of the header row(s) and of the title block above: a page header repeated
    #: further down is recognised by them
    header_words: frozenset[str] = frozenset()
    title_words: frozenset[str] = frozenset()
    #: the amount column is a generic value column (预算项目 | 数据): a row is money only when its
    #: label states a currency unit (人力总成本（元）), else a parameter (人数, 工期（人月）)
    unit_labels: bool = False
    #: in a sheet of lump amounts, a row whose amount is the sum of the rows below may be read as a
    #: heading with its section's amount (False: every such row is an item, `sheets.heads_as_items`)
    lump_heads: bool = True
    #: stacked blocks (Labor | Equipment | Materials, each with its header repeated under the same
    #: columns): a renamed header below a reconciled total is read through (`sheets.read_blocks`)
    blocks: bool = False
    #: the fields the user mapped (messages about them name the mapped cells)
    mapped: frozenset[str] = frozenset()
    #: number field -> the other columns headed as that field (ignored; checked against the one used)
    rivals: dict[str, list[int]] = field(default_factory=dict)
    #: a second description column (项目 beside 具体设备): the line's name when the first is empty
    alt_description: int = -1
    #: money field -> the factor its header states (金额（万元）: 10,000), and the header cell
    scales: dict[str, tuple[Decimal, str]] = field(default_factory=dict)
    #: a column headed as the total (Total Cost) holding a figure on one or two rows only, beside a
    #: full amount column: the sheet's total written beside the lines (`beside.total_column`)
    total_column: int = -1

    def letter(self, fld: str) -> str:
        return col_letter(self.columns[fld])


def _is_blank(v: object) -> bool:
    return v is None or v == "" or (isinstance(v, str) and not v.strip())


def _merged_origin(raw: RawSheet) -> dict[tuple[int, int], tuple[int, int]]:
    """Cell -> top-left cell of its merged range, for the rows where headers can be."""
    out: dict[tuple[int, int], tuple[int, int]] = {}
    for (r0, c0), (r1, c1) in raw.merged:
        if r0 > HEADER_SEARCH_ROWS + 1:
            continue
        for r in range(r0, min(r1, r0 + 3) + 1):
            for c in range(c0, min(c1, c0 + 60) + 1):
                out[(r, c)] = (r0, c0)
    return out


def _cell(rows: Sequence[list], r: int, c: int) -> object:
    if r < len(rows):
        row = rows[r]
        if c < len(row):
            return row[c]
    return ""


def _header_text(raw: RawSheet, origin: dict, r: int, c: int) -> object:
    v = _cell(raw.rows, r, c)
    if _is_blank(v) and (r, c) in origin:
        r0, c0 = origin[(r, c)]
        v = _cell(raw.rows, r0, c0)
    return v


def _row_fields(raw: RawSheet, origin: dict, r: int, below: int | None) -> dict[int, tuple[str, str]]:
    width = len(raw.rows[r]) if r < len(raw.rows) else 0
    if below is not None and below < len(raw.rows):
        width = max(width, len(raw.rows[below]))
    out = {}
    numbers = 0
    for c in range(width):
        if c in raw.hidden_cols:
            continue
        top = _header_text(raw, origin, r, c)
        bottom = _header_text(raw, origin, below, c) if below is not None else None
        if below is not None and (r, c) in origin and origin.get((below, c)) == origin[(r, c)]:
            bottom = None  # a cell merged down over both header rows
        if isinstance(top, (int, float)) and not isinstance(top, bool):
            numbers += 1
            continue
        m = classify_header(top, bottom)
        if m is not None:
            out[c] = m
    if numbers and (len(out) < 4 or numbers * 4 > len(out)):
        return {}  # numbers: a data row, not a header (one figure beside a wide header is a note)
    return out


def _usable(fields: set[str]) -> bool:
    return "description" in fields and bool(fields & {"quantity", "price", "likely", "amount"})


def _looks_like_subheader(raw: RawSheet, origin: dict, r: int) -> bool:
    """The row below a header that names more columns (最低/最可能/最高, 综合单价/合价/其中：暂估价,
    人工费/材料费/...) and holds no numbers: most of its texts are header words."""
    if r >= len(raw.rows):
        return False
    matched = unmatched = 0
    for c, v in enumerate(raw.rows[r]):
        if _is_blank(v) or c in raw.hidden_cols:
            continue
        if (isinstance(v, (int, float)) and not isinstance(v, bool)) or (
            type(v) is str and plain_number(v.strip()) is not None
        ):
            return False  # a figure (a CSV's figures are text): a data row
        if _match_header(v) is None:
            unmatched += 1
        else:
            matched += 1
    if matched == 0:
        return False
    # a group header merged across columns (工程量 over -1层 | -2层 | 合计工程量) has sub-headers
    # that need not be header words
    grouped = any(r0 == r - 1 and c1 > c0 for (r0, c0), (_r1, c1) in raw.merged)
    return matched >= unmatched or grouped


def _rank(fld: str, syn: str) -> int:
    if fld == "code":
        return _CODE_RANK.get(syn, 5)
    if fld == "quantity":
        return 0 if syn in _TOTAL_QTY else 1
    if fld == "amount":
        return 0 if syn in _TOTAL_AMOUNT else 2 if syn in _WEAK_AMOUNT else 1
    if fld == "description":
        return 1 if syn in _WEAK_DESCRIPTION else 0
    return 0


def _table_end(raw: RawSheet, r: int, start: int) -> int:
    """The row (0-based, exclusive) where another header like row `r` starts below the table (a
    报价明细表 under a quotation, a page header repeated): what a column holds is judged above it."""
    own = {normalize_header(v) for v in raw.rows[r] if isinstance(v, str) and v.strip()}
    if len(own) < 2:
        return start + 400
    for k in range(start, min(len(raw.rows), start + 400)):
        texts = [v for v in raw.rows[k] if isinstance(v, str) and v.strip()]
        if len(texts) >= 2 and sum(normalize_header(v) in own for v in texts) >= 2:
            return k
    return start + 400


def _distribution_columns(
    raw: RawSheet, cols: list[int], span: tuple[int, int, int], warnings: list[Problem]
) -> list[int]:
    """The columns headed as the distribution (Dist, 分布) that hold distribution names: a column
    of other words (a BOM's Dist = distributor: Mouser, Digi-Key) is named in a warning and not
    read."""
    r, start, end = span
    out = []
    for c in cols:
        values = [row[c] for row in raw.rows[start:end] if c < len(row) and not _is_blank(row[c])][:60]
        wrong = [v for v in values if not _names_distribution(v)]
        if len(wrong) * 2 > len(values) and len(wrong) >= 2:
            warnings.append(
                Problem(
                    f"{sheet_ref(raw.name)}!{col_letter(c)}{r + 1}",
                    f"column {col_letter(c)} holds no distribution names ({cell_text(wrong[0])} …); "
                    "not read as the distribution",
                )
            )
        else:
            out.append(c)
    return out


def _names_distribution(value: object) -> bool:
    try:
        return parse_distribution(value) is not None
    except CellError:
        return False


def _is_text_only(raw: RawSheet, c: int, start: int, end: int, others: Sequence[int] = ()) -> bool:
    """A column whose cells below the header are words (工程量计算规则, 项目特征): never a number column.
    With `others` (the table's other columns), words on a row where none of them holds anything
    are prose under the table (terms and conditions, a signature block), not the column's own."""
    numbers = words = 0
    for row in raw.rows[start:end]:
        v = row[c] if c < len(row) else ""
        if others and isinstance(v, str) and all(_is_blank(row[o]) for o in others if o < len(row)):
            continue
        if isinstance(v, (int, float)) and not isinstance(v, bool):
            numbers += 1
        elif isinstance(v, str) and v.strip():
            t = v.strip().replace(",", "").replace("，", "")
            if any(ch.isdigit() for ch in t[:1]) or t[:1] in "-.¥￥$" or _reads_as_money(t):
                numbers += 1
            elif len(t) >= 4:  # rule text, not a typo such as 「工」 in a quantity cell
                words += 1
        if numbers + words >= 60:
            break
    return words >= 3 and words > 2 * numbers


def _reads_as_money(text: str) -> bool:
    """Text that is a figure with its currency before it (`KSH 4,000`, `Rs.75000`)."""
    if not any(ch.isdigit() for ch in text):
        return False
    try:
        parse_amount(text)
    except AmountError:
        return money_per_unit(text) is not None  # ￥0.73/h, US$0.02/GB: a price per unit
    return True


def _resolve(
    raw: RawSheet,
    fields: dict[int, tuple[str, str]],
    r: int,
    start: int,
    warnings: list[Problem],
    rivals: dict[str, list[int]],
) -> dict[str, int]:
    """Field -> column: the best-ranked candidate of each field (项目编码 beats 序号, a total quantity
    column beats per-floor ones); a column of words is never a number column; a second column naming
    the same field is reported and ignored."""
    candidates: dict[str, list[tuple[int, int]]] = {}
    for c in sorted(fields):
        fld, syn = fields[c]
        if fld != "notes":
            candidates.setdefault(fld, []).append((_rank(fld, syn), c))
    _side_tables(raw, candidates, r, warnings)
    _component_rates(raw, candidates, start)
    _row_total_first(raw, candidates, start)
    _product_of_quantity(raw, candidates, start)
    _amount_as_quantity(raw, candidates, start)
    _unnamed_quantity(raw, candidates, fields, (r, start), warnings)
    _unnamed_amount(raw, candidates, fields, (r, start), warnings)
    end = _table_end(raw, r, start)
    _sparse_total(raw, candidates, fields, (start, end), rivals)
    chosen: dict[str, int] = {}
    where = f"{sheet_ref(raw.name)}!"
    for fld, cands in candidates.items():
        cands.sort()
        table = sorted({c for cs in candidates.values() for _, c in cs})
        usable = [
            c
            for _, c in cands
            if fld not in NUMERIC_FIELDS
            or not _is_text_only(raw, c, start, end, [o for o in table if o != c])
        ]
        for _, c in cands:
            if c not in usable:
                warnings.append(
                    Problem(
                        f"{where}{col_letter(c)}{r + 1}",
                        f"column {col_letter(c)} holds words, not numbers; not read as {fld}",
                    )
                )
        if fld == "distribution":
            usable = _distribution_columns(raw, usable, (r, start, end), warnings)
        if not usable:
            continue
        chosen[fld] = usable[0]
        best_rank = cands[0][0]
        for c in [c for rank, c in cands if rank == best_rank and c in usable][1:]:
            if fld in NUMERIC_FIELDS:
                rivals.setdefault(fld, []).append(c)
            warnings.append(
                Problem(
                    f"{where}{col_letter(c)}{r + 1}",
                    f"a second {fld} column (column {col_letter(usable[0])} is used); this one is ignored",
                )
            )
    weak = [c for rank, c in candidates.get("description", []) if rank and c != chosen.get("description")]
    if (
        "code" not in chosen
        and weak
        and chosen.get("description", -1) > weak[0]
        and _numbering_column(raw, weak[0], start)
    ):
        chosen["code"] = weak[0]  # `Item | Description`: the item column holds the numbers
    _restated_amounts(raw, (r, start, end), chosen, warnings, rivals)
    return chosen


#: an amount header that names the total of the lines (Total Cost, 合计), not a line's amount
_NAMES_TOTAL = re.compile(r"\btotal\b|\bsum\b|合计|总计|总价|总额")


def _figures_in(raw: RawSheet, c: int, start: int, end: int) -> int:
    count = 0
    for r in range(start, min(end, len(raw.rows))):
        row = raw.rows[r]
        v = row[c] if c < len(row) else None
        count += isinstance(v, (int, float)) and not isinstance(v, bool)
    return count


def _sparse_total(
    raw: RawSheet,
    candidates: dict[str, list[tuple[int, int]]],
    fields: dict[int, tuple[str, str]],
    rows: tuple[int, int],
    rivals: dict[str, list[int]],
) -> None:
    """Parts | Cost | Total Cost with figures in Cost on every line and one figure in Total Cost
    (=SUM(D2:D10) beside the first line): the column headed as a total is the sheet's total, never
    the lines' amount — it leaves the candidates and is kept (as `total_column`) to reconcile."""
    cands = candidates.get("amount", [])
    if len(cands) < 2:
        return
    start, end = rows
    counts = {c: _figures_in(raw, c, start, end) for _, c in cands}
    full = max(counts.values())
    for rank, c in list(cands):
        if full >= 3 and counts[c] <= 2 and counts[c] * 2 < full and _NAMES_TOTAL.search(fields[c][1]):
            cands.remove((rank, c))
            rivals.setdefault("total_column", []).append(c)


#: an amount column headed for a year (First 12 months total, Annual, 全年) and one headed for a
#: month (Monthly, 月费用): pricing-calculator exports state each line both ways
_LONG_PERIOD = re.compile(
    r"annual|yearly|per\s*(?:year|annum)|\b12\s*months?\b|twelve months|全年|年度|每年|年费|"
    r"(?<![\d.])(?:[2-9]|1[0-2])\s*个?月(?!\d)"
)
_SHORT_PERIOD = re.compile(r"\bmonthly\b|\bper\s*month\b|/\s*mo(?:nth)?\b|每月|单月|月度|月费|/\s*月")
#: the number of months a header states (6月运营工资成本, 3个月): a restatement factor of its own
_MONTHS = re.compile(r"(?<![\d.])([2-9]|1[0-2])\s*个?月(?!\d)")
_FACTORS = (12.0, 4.0, 52.0, 365.0)
#: an amount with tax (含税金额, Amount incl. VAT) beside the same amount before tax (不含税金额)
_BEFORE_TAX = re.compile(
    r"不含税|未税|除税|税前|不含增值税|excl(?:uding|\.)?\s*(?:of\s*)?(?:vat|tax|gst|hst)|before\s*tax|net\s*of\s*(?:vat|tax)"
)
_WITH_TAX = re.compile(
    r"含税|含增值税|价税合计|incl(?:uding|\.)?\s*(?:of\s*)?(?:vat|tax|gst|hst)|with\s*(?:vat|tax)"
)


@dataclass(frozen=True)
class _Restatement:
    """Two headers of one amount stated two ways: `base` is read, `restated` is `factor` × it."""

    base: re.Pattern[str]
    restated: re.Pattern[str]
    base_is: str  # what the rule reads, for the warning
    other_is: str


_RESTATEMENTS = (
    _Restatement(_SHORT_PERIOD, _LONG_PERIOD, "per month", "over the longer period"),
    _Restatement(_BEFORE_TAX, _WITH_TAX, "before tax", "with tax"),
)


def _header_kind(text: object, rule: _Restatement) -> str | None:
    t = unicodedata.normalize("NFKC", str(text)).lower()
    if rule.base.search(t):
        return "base"  # checked first: 不含税 contains 含税
    return "restated" if rule.restated.search(t) else None


def _restated_amounts(
    raw: RawSheet,
    rows: tuple[int, int, int],
    chosen: dict[str, int],
    warnings: list[Problem],
    rivals: dict[str, list[int]],
) -> None:
    """Two amount columns that state each line two ways (Monthly and First 12 months total = 12 ×
    it; 不含税金额 and 含税金额 = 1.13 × it): the base one is the lines' amount — the monthly one, as
    in the Azure exports whose Annual Total restates the monthly one; the one before tax, VAT
    being added in pricing — whichever column the headers ranked first, with a warning naming
    both columns, the factor and the `--map` that takes the other."""
    r, start, end = rows
    c = chosen.get("amount")
    head = raw.rows[r] if r < len(raw.rows) else []
    if c is None or c >= len(head):
        return
    for rule in _RESTATEMENTS:
        mine = _header_kind(head[c], rule)
        if mine is None:
            continue
        for m, text in enumerate(head):
            if (
                m == c
                or m in chosen.values()
                or _header_kind(text, rule) not in ({"base", "restated"} - {mine})
            ):
                continue
            base, other = (c, m) if mine == "base" else (m, c)
            months = _MONTHS.search(str(head[other])) if rule.base is _SHORT_PERIOD else None
            extra = (float(months.group(1)),) if months else ()
            factor = _restating_factor(raw, other, base, start, end, rule, extra)
            if factor is None:
                continue
            chosen["amount"] = base
            rivals["amount"] = [x for x in rivals.get("amount", []) if x not in (base, other)]
            stale = f"{sheet_ref(raw.name)}!{col_letter(m)}{r + 1}"
            warnings[:] = [w for w in warnings if not (w.where == stale and "second amount" in w.message)]
            warnings.append(_restated_warning(raw, r, head, base, other, factor, rule))
            return


def _restated_warning(
    raw: RawSheet, r: int, head: list, base: int, other: int, factor: float, rule: _Restatement
) -> Problem:
    b, o = col_letter(base), col_letter(other)
    return Problem(
        f"{sheet_ref(raw.name)}!{b}{r + 1}",
        f"column {o} ({str(head[other]).strip()}) is {factor:g} × column {b} ({str(head[base]).strip()}) "
        f"on every line, a restatement: the amount is read {rule.base_is} from {b}; "
        f"for the amount {rule.other_is} use --map amount={o}",
    )


def _restating_factor(
    raw: RawSheet,
    long: int,
    short: int,
    start: int,
    end: int,
    rule: _Restatement,
    extra: tuple[float, ...] = (),
) -> float | None:
    """The factor k with long = k × short on every row holding both figures (to the cent per unit
    of k), with at least two rows of non-zero figures: 12, 4, 52 or 365 for periods, a rate
    1.01–1.30 (to 0.01) for tax; None otherwise."""
    pairs = []
    for row in raw.rows[start:end]:
        a = row[long] if long < len(row) else None
        b = row[short] if short < len(row) else None
        if isinstance(a, (int, float)) and isinstance(b, (int, float)) and not isinstance(a, bool):
            pairs.append((float(a), float(b)))
    nonzero = [(a, b) for a, b in pairs if a and b]
    if len(nonzero) < 2:
        return None
    if rule.base is _BEFORE_TAX:
        a, b = max(nonzero, key=lambda p: abs(p[1]))
        rate = round(a / b, 2)
        factors: tuple[float, ...] = (rate,) if 1.0 < rate <= 1.3 else ()
    else:
        factors = (*_FACTORS, *extra)
    for k in factors:
        if all(abs(a - k * b) <= 0.01 * max(k, 1.0) for a, b in pairs):
            return k
    return None


def _numbering_column(raw: RawSheet, c: int, start: int) -> bool:
    """Most filled cells below the header are item numbers (1, 2, 1.1, A-3), not names."""
    numbers = names = 0
    for row in raw.rows[start : start + 200]:
        v = row[c] if c < len(row) else ""
        if isinstance(v, (int, float)) and not isinstance(v, bool):
            numbers += 1
        elif isinstance(v, str) and v.strip():
            t = v.strip()
            if len(t) <= 8 and any(ch.isdigit() for ch in t):
                numbers += 1
            else:
                names += 1
    return numbers >= names


def _component_rates(raw: RawSheet, candidates: dict[str, list[tuple[int, int]]], start: int) -> None:
    """An amount-headed column that holds the sum of the rate components on its row (MAT. | LAB. |
    TOTAL | AMOUNT: TOTAL = MAT. + LAB.) is the all-in unit rate, not the line's amount."""
    parts = [c for f in BREAKDOWN_FIELDS for _, c in candidates.get(f, [])]
    amounts = candidates.get("amount", [])
    if len(parts) < 2 or len(amounts) < 2 or "price" in candidates:
        return
    for rank, c in amounts:
        hits = tried = 0
        for row in raw.rows[start : start + 400]:
            v = row[c] if c < len(row) else ""
            cells = [row[p] if p < len(row) else "" for p in parts]
            if not isinstance(v, (int, float)) or not all(isinstance(x, (int, float)) for x in cells):
                continue
            tried += 1
            hits += abs(sum(float(x) for x in cells) - float(v)) <= 0.005
        if tried >= 3 and hits * 10 >= tried * 9:
            amounts.remove((rank, c))
            candidates["price"] = [(0, c)]
            return


def _row_total_first(raw: RawSheet, candidates: dict[str, list[tuple[int, int]]], start: int) -> None:
    """Among several amount columns (LABOR COST | MATERIAL COST | TRAVEL COST | OTHER COST | TOTAL
    PER TASK), the one that holds the sum of the other money columns on its rows is the line's
    amount: it outranks them whatever its header says; the others are its parts."""
    amounts = candidates.get("amount", [])
    if len(amounts) < 2:
        return
    money = [c for _, c in amounts] + [c for f in BREAKDOWN_FIELDS for _, c in candidates.get(f, [])]
    for rank, c in list(amounts):
        if _sums_others(raw, c, [m for m in money if m != c], start):
            amounts.remove((rank, c))
            amounts.append((min(r for r, _ in amounts) - 1, c))
            return


def _side_tables(
    raw: RawSheet, candidates: dict[str, list[tuple[int, int]]], r: int, warnings: list[Problem]
) -> None:
    """Columns under a title merged across them in the row above the header (3-5月 over 实发工资 |
    个税 | 合计, 计划招聘 over 目前金额 | 合计), beside a table whose description is under no such
    title: another table set beside this one. A number field is never read from it when the table
    has a column of that field of its own; each column set aside is named in a warning."""
    above = [(c0, c1) for (r0, c0), (r1, c1) in raw.merged if r0 < r and r1 == r - 1 and c1 > c0]
    groups = [(c0, c1) for c0, c1 in above if c1 - c0 >= 2 and _title_text(_cell(raw.rows, r - 1, c0))]
    names = candidates.get("description", [])
    if not groups or not names or any(c0 <= c <= c1 for _, c in names for c0, c1 in above):
        return
    where = f"{sheet_ref(raw.name)}!"
    for fld in NUMERIC_FIELDS:
        cands = candidates.get(fld, [])
        inside = [(k, c) for k, c in cands if any(c0 <= c <= c1 for c0, c1 in groups)]
        if not inside or len(inside) == len(cands):
            continue
        candidates[fld] = [x for x in cands if x not in inside]
        for _, c in inside:
            title = next(_cell(raw.rows, r - 1, c0) for c0, c1 in groups if c0 <= c <= c1)
            warnings.append(
                Problem(
                    f"{where}{col_letter(c)}{r + 1}",
                    f"column {col_letter(c)} is under 「{str(title).strip()}」, a table beside this one: "
                    f'not read as {fld} (--map "{raw.name}:{fld}={col_letter(c)}" reads it)',
                )
            )


def _title_text(v: object) -> bool:
    return isinstance(v, str) and bool(v.strip()) and _match_header(v) is None


def _product_of_quantity(raw: RawSheet, candidates: dict[str, list[tuple[int, int]]], start: int) -> None:
    """Two columns headed alike as the amount and no unit price column (Quantity | Cost | Line
    Cost): when one holds the quantity × the other on its rows (`_is_product`), the other is the
    unit price and the product the line's amount, whatever the headers' ranks."""
    amounts = candidates.get("amount", [])
    qty = candidates.get("quantity", [])
    if len(amounts) < 2 or "price" in candidates or not qty:
        return
    q = min(qty)[1]
    for rank, c in amounts:
        for other_rank, p in amounts:
            if p != c and _is_product(raw, c, q, p, start):
                amounts.remove((other_rank, p))
                amounts.remove((rank, c))
                amounts.append((min([r for r, _ in amounts] + [rank]) - 1, c))
                candidates["price"] = [(0, p)]
                return


def _amount_as_quantity(raw: RawSheet, candidates: dict[str, list[tuple[int, int]]], start: int) -> None:
    """No quantity column, two columns headed as the amount and a unit price column (Amount | Unit
    | Price(RM) | Total(RM)): when one amount column holds the other × the unit price on its rows
    (`_is_product`), the other is the quantity ("amount" as how many) and that price the unit
    price, whatever the headers' ranks."""
    amounts = candidates.get("amount", [])
    prices = candidates.get("price", [])
    if len(amounts) < 2 or not prices or "quantity" in candidates:
        return
    for _, c in amounts:
        for _, q in amounts:
            for _, p in prices:
                if q != c and _is_product(raw, c, q, p, start):
                    amounts[:] = [(min(r for r, _ in amounts) - 1, c)]
                    candidates["quantity"] = [(0, q)]
                    candidates["price"] = [(min(r for r, _ in prices) - 1, p)] + [
                        (r + 1, k) for r, k in prices if k != p
                    ]
                    return


def _unnamed_quantity(
    raw: RawSheet,
    candidates: dict[str, list[tuple[int, int]]],
    fields: dict[int, tuple[str, str]],
    rows: tuple[int, int],
    warnings: list[Problem],
) -> None:
    """No column headed as the quantity, a unit price and an amount column (Unit cost | Number |
    Total): a column whose header names no field and that the amount is the product of with the
    unit price on its rows (`_is_product`) is the quantity, said in a warning. Without that proof
    the column stays unread and each line is 1 × its amount."""
    if "quantity" in candidates or "amount" not in candidates or "price" not in candidates:
        return
    r, start = rows
    width = max((len(row) for row in raw.rows[start : start + 50]), default=0)
    taken = {c for cands in candidates.values() for _, c in cands}
    for q in range(width):
        if q in fields or q in taken or q in raw.hidden_cols:
            continue
        for _, a in sorted(candidates["amount"]):
            p = next((p for _, p in sorted(candidates["price"]) if _is_product(raw, a, q, p, start)), None)
            if p is None:
                continue
            candidates["quantity"] = [(0, q)]
            head = _cell(raw.rows, r, q)
            warnings.append(
                Problem(
                    f"{sheet_ref(raw.name)}!{col_letter(q)}{r + 1}",
                    f"column {col_letter(q)} ({cell_text(head) or 'no header'}) is read as the quantity: "
                    f"{col_letter(a)} = {col_letter(q)} × {col_letter(p)} (unit price) on its rows",
                )
            )
            return


def _unnamed_amount(
    raw: RawSheet,
    candidates: dict[str, list[tuple[int, int]]],
    fields: dict[int, tuple[str, str]],
    rows: tuple[int, int],
    warnings: list[Problem],
) -> None:
    """A quantity and a unit price column and none headed as the amount (数量K | 单价 | <blank>, the
    blank column =F3*G3): a column whose header names no field and that is the product of a
    quantity column with the unit price on its rows (`_is_product`) is the amount, said in a
    warning; the quantity column that proves it is the quantity, any other one is set aside (a
    warning names it). Without that proof the table has no amount column, as before."""
    if "amount" in candidates or "quantity" not in candidates or "price" not in candidates:
        return
    r, start = rows
    width = max((len(row) for row in raw.rows[start : start + 50]), default=0)
    taken = {c for cands in candidates.values() for _, c in cands}
    for a in range(width):
        if a in fields or a in taken or a in raw.hidden_cols:
            continue
        for _, q in sorted(candidates["quantity"]):
            p = next((p for _, p in sorted(candidates["price"]) if _is_product(raw, a, q, p, start)), None)
            if p is None:
                continue
            where = f"{sheet_ref(raw.name)}!"
            candidates["amount"] = [(0, a)]
            for _, other in candidates["quantity"]:
                if other != q:
                    warnings.append(
                        Problem(
                            f"{where}{col_letter(other)}{r + 1}",
                            f"column {col_letter(other)} is not the lines' quantity: the amount "
                            f"{col_letter(a)} = {col_letter(q)} × {col_letter(p)} on its rows",
                        )
                    )
            candidates["quantity"] = [(0, q)]
            warnings.append(
                Problem(
                    f"{where}{col_letter(a)}{r + 1}",
                    f"column {col_letter(a)} (no header) is read as the amount: "
                    f"{col_letter(a)} = {col_letter(q)} (quantity) × {col_letter(p)} (unit price) on its rows",
                )
            )
            return


def _is_product(raw: RawSheet, c: int, q: int, p: int, start: int) -> bool:
    """Column `c` equals column `q` × column `p` (to the cent) on at least 90 % of at least three
    rows holding all three figures with a non-zero product, two of them with a quantity other than 1
    (with quantities of 1 alone either column is the other's product)."""
    hits = tried = telling = 0
    for row in raw.rows[start : start + 400]:
        cells = [row[k] if k < len(row) else "" for k in (c, q, p)]
        if not all(isinstance(x, (int, float)) and not isinstance(x, bool) for x in cells):
            continue
        a, n, u = (float(x) for x in cells)
        if not (a and n and u):
            continue
        tried += 1
        hit = abs(n * u - a) <= 0.005 + 1e-9 * abs(a)
        hits += hit
        telling += hit and n != 1
    return tried >= 3 and hits * 10 >= tried * 9 and telling >= 2


def _sums_others(raw: RawSheet, c: int, parts: list[int], start: int) -> bool:
    """Column `c` equals the sum of `parts` (to the cent) on at least 90 % of at least three rows
    with figures in all of them, some of them non-zero."""
    hits = tried = nonzero = 0
    for row in raw.rows[start : start + 400]:
        cells = [row[p] if p < len(row) else "" for p in (c, *parts)]
        if not all(isinstance(x, (int, float)) and not isinstance(x, bool) for x in cells):
            continue
        figures = [float(x) for x in cells if isinstance(x, (int, float))]
        tried += 1
        nonzero += figures[0] != 0
        hits += abs(sum(figures[1:]) - figures[0]) <= 0.005
    return tried >= 3 and nonzero >= 2 and hits * 10 >= tried * 9


def _title_words(raw: RawSheet, top: int) -> frozenset[str]:
    words = set()
    for row in raw.rows[:top]:
        for v in row:
            if isinstance(v, str) and v.strip():
                words.add(normalize_header(v))
    return frozenset(words)


def _header_words(raw: RawSheet, rows: tuple[int, ...]) -> frozenset[str]:
    words = set()
    for r in rows:
        for v in raw.rows[r] if r < len(raw.rows) else ():
            if isinstance(v, str) and v.strip():
                words.add(normalize_header(v))
    return frozenset(words)


def _best_header(
    raw: RawSheet, origin: dict, mapping: dict[str, str] | None
) -> tuple[int, int | None, dict[int, tuple[str, str]]] | None:
    """(header row, sub-header row or None, column -> (field, synonym)) of the best header row."""
    best: tuple[tuple[int, bool], int, int | None, dict] | None = None
    for r in range(min(len(raw.rows), HEADER_SEARCH_ROWS)):
        below = _below_of(raw, origin, r)
        fields = _row_fields(raw, origin, r, below)
        kinds = {f for f, _ in fields.values()}
        named = "description" in kinds
        if "description" not in kinds and kinds & {"quantity", "price", "amount"}:
            found = _unnamed_text_column(raw, r, fields)
            if found is None:
                found = _names_in_category(raw, r, fields)
            if found is not None:
                fields = {**fields, found: ("description", "")}
                kinds.add("description")
        if kinds == {"description"} or kinds == {"description", "notes"}:
            found = _value_column(raw, r)
            if found is not None:
                fields = {**fields, found: ("amount", _VALUE)}
                kinds.add("amount")
        if not _usable(kinds) and mapping is None:
            continue
        # more fields win; with as many, a header naming its description column (每月支出 | 预计)
        # beats an earlier one whose description was only inferred (现金流量 | 预计)
        if kinds and (best is None or (len(kinds), named) > best[0]):
            best = ((len(kinds), named), r, below, fields)
    if best is None:
        return None
    return best[1], best[2], best[3]


#: a column headed only as "the figures" (预算项目 | 数据 | 备注): read only with `unit_labels`
_VALUE = "数据"
_VALUE_HEADERS = frozenset({"数据", "数值", "值", "value", "values", "figure", "figures"})


def _value_column(raw: RawSheet, r: int) -> int | None:
    """The column headed 数据/数值/value beside a description column and no number column."""
    row = raw.rows[r]
    return next(
        (c for c, v in enumerate(row) if isinstance(v, str) and normalize_header(v) in _VALUE_HEADERS),
        None,
    )


def _unnamed_text_column(raw: RawSheet, r: int, fields: dict[int, tuple[str, str]]) -> int | None:
    """A header row with number columns but no description synonym (明目 | 费用 | 小计): of the
    columns headed by words no synonym knows whose cells below are mostly text, the one with the
    most names (组别 merged down over its group's rows loses to 人员 beside it); else an unheaded
    such column left of the figures."""
    row = raw.rows[r]
    first = min(fields, default=0)
    numbers = {f for f, _ in fields.values()} & {"quantity", "price", "amount"}
    # an unheaded name column only beside two number columns (`Hours | Cost`), never beside one
    # word that may be a total's label (`TOTAL | RS. | 69382/-`)
    for named in (True, False) if len(numbers) >= 2 else (True,):
        best: tuple[int, int] | None = None
        for c, v in enumerate(row[: min(len(row), 6)]):
            headed = isinstance(v, str) and bool(v.strip())
            if c in fields or headed != named or not (named or _is_blank(v)) or (not named and c > first):
                continue
            below = [x[c] for x in raw.rows[r + 1 : r + 30] if c < len(x) and x[c] not in ("", None)]
            texts = [x for x in below if isinstance(x, str) and x.strip()]
            # an unheaded column (`| Start date | Hours | Cost` over task names) must hold names
            if len(below) >= (2 if named else 3) and len(texts) * 4 >= len(below) * 3:
                if best is None or len(texts) > best[0]:
                    best = (len(texts), c)
        if best is not None:
            return best[1]
    return None


def _names_in_category(raw: RawSheet, r: int, fields: dict[int, tuple[str, str]]) -> int | None:
    """`Category | Cost` and no name column: the category column names each row (text on most of
    them, no two alike), so it is the items' description, not a grouping of them."""
    for c, (fld, _) in fields.items():
        if fld != "category":
            continue
        below = [x[c] for x in raw.rows[r + 1 : r + 30] if c < len(x) and x[c] not in ("", None)]
        texts = [x.strip() for x in below if isinstance(x, str) and x.strip()]
        if len(texts) >= 2 and len(texts) * 4 >= len(below) * 3 and len(set(texts)) == len(texts):
            return c
    return None


def _below_of(raw: RawSheet, origin: dict, r: int) -> int | None:
    own = {f for f, _ in _row_fields(raw, origin, r, None).values()}
    if len(own) >= 2 and _looks_like_subheader(raw, origin, r + 1):
        return r + 1
    return None


def find_layout(raw: RawSheet, mapping: dict[str, str] | None = None) -> Layout | None:
    """Find the header and the columns; None when the sheet holds no recognisable cost table.
    `mapping` (field -> column letter, header/first/last -> row number) overrides what is found."""
    origin = _merged_origin(raw)
    mapping = mapping or None
    if mapping and "header" in mapping:
        r = int(mapping["header"]) - 1
        below = _below_of(raw, origin, r)
        found: tuple[int, int | None, dict[int, tuple[str, str]]] | None = (
            r,
            below,
            _row_fields(raw, origin, r, below),
        )
    else:
        found = _best_header(raw, origin, mapping)
    warnings: list[Problem] = []
    rivals: dict[str, list[int]] = {}
    columns: dict[str, int] = {}
    alt: list[int] = []
    header_row = below = None
    if found is not None:
        header_row, below, fields = found
        usable = _usable({f for f, _ in fields.values()})
        if mapping is not None and not usable and len(fields) < 2 and "header" not in mapping:
            header_row, below, fields = None, None, {}
        elif not usable and mapping is None:
            return None
        start = (below if below is not None else header_row) + 1 if header_row is not None else 0
        columns = _resolve(raw, fields, header_row if header_row is not None else 0, start, warnings, rivals)
        columns = _lump_prices(columns, fields, rivals)
        alt = [c for c, (f, _) in fields.items() if f == "description" and c not in columns.values()]
    data_start = ((below if below is not None else header_row) + 1) if header_row is not None else 0
    if mapping:
        columns, warnings = _apply_mapping(columns, warnings, mapping)
        if "first" in mapping:
            data_start = int(mapping["first"]) - 1
    if not columns or not _usable(set(columns)):
        return None
    head_rows = () if header_row is None else ((header_row,) if below is None else (header_row, below))
    return Layout(
        columns,
        header_row,
        data_start,
        warnings=warnings,
        last_row=int(mapping["last"]) - 1 if mapping and "last" in mapping else None,
        header_words=_header_words(raw, head_rows),
        title_words=_title_words(raw, header_row if header_row is not None else 0),
        mapped=frozenset(k for k in (mapping or {}) if k not in ROW_KEYS),
        rivals={f: cs for f, cs in rivals.items() if f in columns and f not in (mapping or {})},
        total_column=(rivals.get("total_column") or [-1])[0] if "amount" not in (mapping or {}) else -1,
        alt_description=next((c for c in alt if c not in columns.values()), -1),
        scales=_money_scales(raw, columns, head_rows),
        unit_labels=found is not None and found[2].get(columns.get("amount", -1), ("", ""))[1] == _VALUE,
    )


def _money_scales(
    raw: RawSheet, columns: dict[str, int], head_rows: tuple[int, ...]
) -> dict[str, tuple[Decimal, str]]:
    """Money columns whose header (either header row) states 万 or 千元: the factor to yuan."""
    out: dict[str, tuple[Decimal, str]] = {}
    for fld, c in columns.items():
        if fld not in ("price", "amount", "likely", "low", "high"):
            continue
        for r in head_rows:
            text = unicodedata.normalize("NFKC", str(_cell(raw.rows, r, c)))
            factor = (
                Decimal(10_000) if _WAN.search(text) else Decimal(1_000) if _THOUSAND.search(text) else None
            )
            if factor is not None:
                out[fld] = (factor, f"{sheet_ref(raw.name)}!{col_letter(c)}{r + 1}\t{text.strip()}")
                break
    return out


#: a column headed 价格 (预估价格, 实际价格) in a sheet with neither quantity nor amount holds each
#: row's whole price (a home-renovation budget: 木料 3,500), not a unit price
_LUMP_PRICE = frozenset({"价格"})


def _lump_prices(
    columns: dict[str, int], fields: dict[int, tuple[str, str]], rivals: dict[str, list[int]]
) -> dict[str, int]:
    c = columns.get("price")
    if (
        c is None
        or "quantity" in columns
        or "amount" in columns
        or fields.get(c, ("", ""))[1] not in _LUMP_PRICE
    ):
        return columns
    if "price" in rivals:
        rivals["amount"] = rivals.pop("price")
    return {("amount" if f == "price" else f): v for f, v in columns.items()}


def _apply_mapping(
    columns: dict[str, int], warnings: list[Problem], mapping: dict[str, str]
) -> tuple[dict[str, int], list[Problem]]:
    """The user's columns replace what the headers say; no message is left about a column the user
    chose or a field the user mapped."""
    out = dict(columns)
    for fld, letter in mapping.items():
        if fld in ROW_KEYS:
            continue
        c = col_index(letter)
        for other, oc in list(out.items()):
            if oc == c and other != fld:
                del out[other]
        out[fld] = c
    mapped_cols = {col_letter(c) for c in out.values()}
    kept = [
        w
        for w in warnings
        if not any(f" {f} column" in w.message or f"as {f}" in w.message for f in mapping)
        and not any(w.where and w.where.split("!")[-1].rstrip("0123456789") == col for col in mapped_cols)
    ]
    return out, kept


_SHEET_PREFIX = re.compile(r"^\s*(?P<sheet>[^=:：]+?)\s*[:：]\s*(?P<rest>[A-Za-z_]+\s*=.*)$")


def parse_sheet_mappings(spec: str | dict | None) -> dict[str | None, dict[str, str]] | None:
    """`--map` with sheet scopes: `清单:quantity=G,price=H;汇总:description=B` -> {sheet: map};
    items before any `SHEET:` apply to every sheet (key None). A dict is one map for every sheet,
    or {sheet: {...}} when its values are dicts."""
    if spec is None:
        return None
    if isinstance(spec, dict):
        if spec and all(isinstance(v, dict) for v in spec.values()):
            return {str(k): parse_mapping(v) for k, v in spec.items()}  # type: ignore[misc]
        return {None: parse_mapping(spec)}  # type: ignore[dict-item]
    scopes: dict[str | None, list[str]] = {}
    current: str | None = None
    for part in [p for p in re.split(r"[,;，；]", spec) if p.strip()]:
        m = _SHEET_PREFIX.match(part)
        if m:
            current, part = m.group("sheet").strip(), m.group("rest")
        scopes.setdefault(current, []).append(part)
    return {k: parse_mapping(",".join(v)) for k, v in scopes.items()}  # type: ignore[misc]


def parse_mapping(spec: str | dict[str, str] | None) -> dict[str, str] | None:
    """`code=A,description=B,quantity=D,likely=F[,header=4,first=5,last=80]` (or the same as a dict)
    -> a checked dict. Fields: code, description, unit, quantity, price, amount, low, likely, high,
    category, distribution, risk, labour, material, machinery, overhead_profit; `header` is the
    header's row number, `first`/`last` the first/last data row."""
    if spec is None:
        return None
    if isinstance(spec, str):
        items: list[tuple[str, str]] = []
        for part in [p for p in re.split(r"[,;，]", spec) if p.strip()]:
            if "=" not in part:
                raise InputError(f"--map: {part.strip()!r} should be field=COLUMN, e.g. quantity=D")
            k, _, v = part.partition("=")
            items.append((k.strip(), v.strip()))
    else:
        items = [(str(k).strip(), str(v).strip()) for k, v in spec.items()]
    out: dict[str, str] = {}
    problems = []
    for k, v in items:
        key = k.lower()
        problem = _map_item_problem(k, key, v)
        if problem is None and key in out:
            problem = f"{k} is mapped twice"
        if problem is not None:
            problems.append(problem)
            continue
        out[key] = v.upper()
    if problems:
        raise InputError("column map: " + "; ".join(problems))
    if not out:
        raise InputError("column map is empty; write it as code=A,description=B,quantity=D,likely=F")
    return out


def _map_item_problem(k: str, key: str, v: str) -> str | None:
    if key not in FIELDS and key not in ROW_KEYS:
        return f"unknown field {k!r} (use {', '.join(FIELDS)}, or header/first/last=ROW)"
    if key in ROW_KEYS:
        if not v.isdigit() or int(v) < 1:
            return f"{key}={v!r} should be a row number, e.g. {key}=4"
        return None
    try:
        col_index(v)
    except ValueError as exc:
        return f"{k}={v!r}: {exc}"
    return None
