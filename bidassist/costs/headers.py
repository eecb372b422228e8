"""Finding the header row of a cost table and what each column holds.

Headers are matched by Chinese and English synonyms after removing units in brackets
(`单价(元)`, `Amount (USD)`). A header may span two rows (a merged `单价` over `最低 | 最可能 | 最高`).
An explicit column map (`code=A,description=B,...`) overrides or replaces the matching.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from bidassist.core.errors import InputError, Problem
from bidassist.costs.workbook import RawSheet, col_index, col_letter, sheet_ref

#: Fields a column can hold. `price` is a single unit price; `low/likely/high` a three-point one.
FIELDS = ("code", "description", "unit", "quantity", "price", "amount", "low", "likely", "high",
          "category", "distribution", "risk")
NUMERIC_FIELDS = ("quantity", "price", "amount", "low", "likely", "high")
#: How many rows from the top are searched for the header.
HEADER_SEARCH_ROWS = 40

# Synonyms, most specific first within a field. Chinese match as substrings, English as words.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "low": ("最低", "乐观", "最小", "低值", "low", "min", "minimum", "optimistic", "best case"),
    "likely": ("最可能", "最可能值", "可能值", "likely", "most likely", "mode", "base", "expected"),
    "high": ("最高", "悲观", "最大", "高值", "high", "max", "maximum", "pessimistic", "worst case"),
    "distribution": ("分布", "分布类型", "distribution", "dist"),
    "category": ("费用类别", "费用类型", "成本类别", "类别", "分类", "category", "cost type", "type", "class"),
    "risk": ("风险", "风险项", "risk"),
    "price": ("综合单价", "含税单价", "不含税单价", "单价", "unit price", "unit cost", "unit rate", "rate",
              "price", "cost per unit"),
    "amount": ("合价", "金额", "合计", "总价", "小计", "amount", "total", "extended", "line total", "sum"),
    "quantity": ("工程量", "工程数量", "数量", "quantity", "qty", "qty.", "count"),
    "unit": ("计量单位", "单位", "unit", "uom", "units"),
    "description": ("项目名称", "清单项目名称", "费用名称", "设备名称", "材料名称", "名称", "品名", "项目",
                    "description", "item description", "item", "name"),
    # recognised so that they are not mistaken for another field, then not imported
    "notes": ("备注", "项目特征", "特征描述", "规格型号", "规格", "型号", "品牌", "产地", "remarks", "remark",
              "note", "notes", "specification", "spec", "brand", "model", "comment", "comments"),
    "code": ("项目编码", "清单编码", "编码", "编号", "代码", "序号", "code", "item no", "item no.", "no",
             "no.", "ref", "#", "id", "wbs"),
}
#: A lower rank wins when two columns match the same field (项目编码 beats 序号).
_CODE_RANK = {"项目编码": 0, "清单编码": 0, "编码": 1, "代码": 1, "code": 1, "编号": 2, "item no": 2,
              "item no.": 2, "ref": 2, "wbs": 2, "id": 3, "序号": 4, "no": 4, "no.": 4, "#": 4}
_ORDER = ("low", "likely", "high", "distribution", "category", "risk", "price", "amount", "quantity",
          "unit", "description", "notes", "code")

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
    s = s.replace("*", " ").replace("：", " ").replace(":", " ")
    return _SPACE.sub(" ", s).strip()


def _match_one(norm: str) -> tuple[str, str] | None:
    """(field, synonym) a normalized header names, or None."""
    if not norm:
        return None
    compact = norm.replace(" ", "")
    for fld in _ORDER:
        for syn in SYNONYMS[fld]:
            if norm == syn or compact == syn:
                return fld, syn
    best: tuple[int, int, str, str] | None = None  # (length, -priority, field, synonym)
    for prio, fld in enumerate(_ORDER):
        for syn in SYNONYMS[fld]:
            if _CJK.search(syn):
                hit = syn in compact
            else:
                hit = len(syn) > 1 and re.search(rf"(?<![a-z]){re.escape(syn)}(?![a-z])", norm) is not None
            if hit and (best is None or (len(syn), -prio) > best[:2]):
                best = (len(syn), -prio, fld, syn)
    return (best[2], best[3]) if best else None


def _match_header(text: object) -> tuple[str, str] | None:
    """Like _match_one on a raw header; a bracketed low/likely/high (`Unit cost (low)`) counts."""
    if text is None or text == "":
        return None
    raw = unicodedata.normalize("NFKC", str(text)).lower()
    for inner in re.findall(r"[\(\[（【〔]([^\)\]）】〕]*)[\)\]）】〕]", raw):
        m = _match_one(_SPACE.sub(" ", inner).strip())
        if m is not None and m[0] in ("low", "likely", "high"):
            return m
    return _match_one(normalize_header(text))


def classify_header(top: object, bottom: object = None) -> tuple[str, str] | None:
    """The field a (possibly two-row) header names: `单价(元)` over `最低` is `low`;
    `合价` over `最低` is an amount range, which is not imported (None)."""
    t = _match_header(top)
    b = _match_header(bottom) if bottom not in (None, "") else None
    if b is None:
        return t
    if b[0] in ("low", "likely", "high") and t is not None and t[0] == "amount":
        return None
    return b


@dataclass
class Layout:
    """Where the table is: the header row(s), the first data row, and field -> column."""

    columns: dict[str, int]
    header_row: int | None  # 0-based, None when only a map was given and no header found
    data_start: int
    header_text: dict[int, str] = field(default_factory=dict)
    warnings: list[Problem] = field(default_factory=list)

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


def _cell(rows: list[list], r: int, c: int) -> object:
    if r < len(rows) and c < len(rows[r]):
        return rows[r][c]
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
    for c in range(width):
        if c in raw.hidden_cols:
            continue
        top = _header_text(raw, origin, r, c)
        bottom = _header_text(raw, origin, below, c) if below is not None else None
        if below is not None and (r, c) in origin and origin.get((below, c)) == origin[(r, c)]:
            bottom = None  # a cell merged down over both header rows
        if isinstance(top, (int, float)) and not isinstance(top, bool):
            return {}  # a number: a data row, not a header
        m = classify_header(top, bottom)
        if m is not None:
            out[c] = m
    return out


def _usable(fields: set[str]) -> bool:
    return "description" in fields and bool(fields & {"quantity", "price", "likely", "amount"})


def _looks_like_subheader(raw: RawSheet, origin: dict, r: int) -> bool:
    """The row below a header that names more columns (最低/最可能/最高) and holds no numbers."""
    if r >= len(raw.rows):
        return False
    row = raw.rows[r]
    found = 0
    for c, v in enumerate(row):
        if _is_blank(v) or c in raw.hidden_cols:
            continue
        if isinstance(v, (int, float)) and not isinstance(v, bool):
            return False
        if _match_header(v) is None:
            return False
        found += 1
    return found > 0


def _resolve(raw: RawSheet, fields: dict[int, tuple[str, str]], r: int,
             warnings: list[Problem]) -> dict[str, int]:
    """Field -> column; a second column naming the same field is reported and ignored."""
    chosen: dict[str, tuple[int, int]] = {}
    for c in sorted(fields):
        fld, syn = fields[c]
        if fld == "notes":
            continue
        rank = _CODE_RANK.get(syn, 5) if fld == "code" else 0
        if fld not in chosen or rank < chosen[fld][1]:
            if fld in chosen:
                old = chosen[fld][0]
                warnings.append(Problem(f"{sheet_ref(raw.name)}!{col_letter(old)}{r + 1}",
                                        f"column {col_letter(c)} is a better {fld} column; this one is ignored"))
            chosen[fld] = (c, rank)
        else:
            warnings.append(Problem(
                f"{sheet_ref(raw.name)}!{col_letter(c)}{r + 1}",
                f"a second {fld} column (first is {col_letter(chosen[fld][0])}); this one is ignored"))
    return {fld: c for fld, (c, _) in chosen.items()}


def find_layout(raw: RawSheet, mapping: dict[str, str] | None = None) -> Layout | None:
    """Find the header and the columns; None when the sheet holds no recognisable cost table."""
    origin = _merged_origin(raw)
    limit = min(len(raw.rows), HEADER_SEARCH_ROWS)
    best: tuple[int, int, dict] | None = None  # (score, row, fields)
    def below_of(r: int) -> int | None:
        if _looks_like_subheader(raw, origin, r + 1) and len(_row_fields(raw, origin, r, None)) >= 2:
            return r + 1
        return None

    for r in range(limit):
        below = below_of(r)
        fields = _row_fields(raw, origin, r, below)
        kinds = {f for f, _ in fields.values()}
        if not _usable(kinds) and mapping is None:
            continue
        score = len(kinds)
        if score and (best is None or score > best[0]):
            best = (score, r, fields)
    warnings: list[Problem] = []
    columns: dict[str, int] = {}
    header_row = None
    data_start = 0
    if best is not None and (_usable({f for f, _ in best[2].values()}) or mapping):
        _, header_row, fields = best
        if mapping is not None and not _usable({f for f, _ in fields.values()}) and len(fields) < 2:
            header_row, fields = None, {}
        if header_row is not None:
            below = below_of(header_row)
            columns = _resolve(raw, fields, header_row, warnings)
            data_start = (below if below is not None else header_row) + 1
    if mapping:
        for fld, letter in mapping.items():
            if fld == "header":
                continue
            c = col_index(letter)
            for other, oc in list(columns.items()):
                if oc == c and other != fld:
                    del columns[other]
            columns[fld] = c
        if "header" in mapping:
            header_row = int(mapping["header"]) - 1
            data_start = header_row + 1
        elif header_row is None:
            data_start = 0
    if not columns or not _usable(set(columns)):
        return None
    return Layout(columns, header_row, data_start, warnings=warnings)


def parse_mapping(spec: str | dict[str, str] | None) -> dict[str, str] | None:
    """`code=A,description=B,quantity=D,likely=F[,header=4]` (or the same as a dict) -> a checked
    dict. Fields: code, description, unit, quantity, price, amount, low, likely, high, category,
    distribution, risk; `header` is the header's row number (data starts below it)."""
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
        if key not in FIELDS and key != "header":
            problems.append(f"unknown field {k!r} (use {', '.join(FIELDS)} or header)")
            continue
        if key == "header":
            if not v.isdigit() or int(v) < 1:
                problems.append(f"header={v!r} should be the header's row number, e.g. header=4")
                continue
        else:
            try:
                col_index(v)
            except ValueError as exc:
                problems.append(f"{k}={v!r}: {exc}")
                continue
        if key in out:
            problems.append(f"{k} is mapped twice")
            continue
        out[key] = v.upper()
    if problems:
        raise InputError("column map: " + "; ".join(problems))
    if not out:
        raise InputError("column map is empty; write it as code=A,description=B,quantity=D,likely=F")
    return out
