"""Layout that holds: a width model for text in the document fonts, and tables whose columns are
wide enough that no figure and no header wraps.

Width model: each character's advance is the widest over the fonts the document may be shown in
(Times New Roman / Liberation Serif, DejaVu, Noto CJK; regular and bold — templates/font_metrics.yaml,
built by templates/build_font_metrics.py); CJK ideographs and full-width forms are 1 em. A figure is
one unbreakable token; Latin words are unbreakable; CJK text may break between characters.
A cell's text area is its width less the cell margins (108 twips each side, Word's default).
"""

from __future__ import annotations

import functools
import itertools
import re
from dataclasses import dataclass
from xml.sax.saxutils import escape

import yaml

from bidassist.core.resources import package_path

TWIPS_PER_PT = 20
CELL_MARGIN = 108  # twips, left and right: Word's default cell margins, set on every table bidassist writes
SAFETY = 40  # twips of slack per cell, for kerning and rounding in the renderer
LATIN, EAST_ASIA = "Times New Roman", "宋体"
#: the text width of a page: A4 with 2.5 cm side margins, portrait and landscape (twips)
PORTRAIT_WIDTH = 9071
LANDSCAPE_WIDTH = 14003


@functools.cache
def _metrics() -> dict[str, int]:
    with open(package_path("templates") / "font_metrics.yaml", encoding="utf-8") as fh:
        doc = yaml.safe_load(fh)
    return {str(k): int(v) for k, v in doc["widths"].items()}


def char_em(ch: str) -> float:
    """Advance of one character in em (the widest over the fonts of the model)."""
    w = _metrics().get(ch)
    if w is not None:
        return w / 1000
    return 1.0  # CJK, full-width forms and anything unknown: a full em, the conservative answer


def text_width(text: str, size_pt: float) -> float:
    """Width of `text` on one line, in points."""
    return sum(char_em(ch) for ch in text) * size_pt


_TOKEN = re.compile(r"[^\s\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]+|\S")


def unbreakable_width(text: str, size_pt: float) -> float:
    """Width of the widest piece of `text` that a renderer cannot break (a figure, a Latin word,
    one CJK character), in points."""
    return max((text_width(t, size_pt) for t in _TOKEN.findall(text)), default=0.0)


def fits_one_line(text: str, width_twips: int, size_pt: float) -> bool:
    """Does `text` fit on one line of a cell `width_twips` wide (margins taken off)?"""
    room = width_twips - 2 * CELL_MARGIN - SAFETY
    return text_width(text, size_pt) * TWIPS_PER_PT <= room


def cell_need(text: str, size_pt: float, *, whole: bool) -> int:
    """Twips a cell needs so that `text` (whole = on one line; else its widest unbreakable piece)
    does not wrap."""
    w = text_width(text, size_pt) if whole else unbreakable_width(text, size_pt)
    return int(w * TWIPS_PER_PT + 0.999) + 2 * CELL_MARGIN + SAFETY


@dataclass(frozen=True)
class Column:
    header: str
    align: str = "left"  # left, center, right
    flexible: bool = False  # a text column that takes the spare width and may wrap between words
    numeric: bool = False  # figures: never wrap


def column_widths(
    columns: list[Column], rows: list[list[str]], total: int, size_pt: float, header_pt: float
) -> list[int] | None:
    """Widths (twips) adding up to `total` so that no header, figure or code wraps; flexible
    columns share what is left in proportion to their text. None when they cannot fit."""
    needs = []
    for c_i, col in enumerate(columns):
        need = cell_need(col.header, header_pt, whole=True)
        for row in rows:
            if c_i < len(row) and row[c_i]:
                need = max(need, cell_need(row[c_i], size_pt, whole=not col.flexible))
        needs.append(need)
    spare = total - sum(needs)
    if spare < 0:
        return None
    flex = [i for i, c in enumerate(columns) if c.flexible] or list(range(len(columns)))
    weight = {i: max(1.0, sum(text_width(r[i], size_pt) for r in rows if i < len(r))) for i in flex}
    whole = sum(weight.values())
    widths = list(needs)
    for i in flex:
        widths[i] += int(spare * weight[i] / whole)
    widths[flex[0]] += total - sum(widths)
    return widths


# --------------------------------------------------------------------------- table XML

_BORDERS = "".join(
    f'<w:{e} w:val="single" w:sz="6" w:space="0" w:color="000000"/>'
    for e in ("top", "left", "bottom", "right", "insideH", "insideV")
)


def _run(text: str, size_pt: float, bold: bool) -> str:
    sz = int(round(size_pt * 2))
    return (
        f'<w:r><w:rPr><w:rFonts w:ascii="{LATIN}" w:hAnsi="{LATIN}" w:eastAsia="{EAST_ASIA}" '
        f'w:cs="{LATIN}"/>{"<w:b/>" if bold else ""}<w:sz w:val="{sz}"/><w:szCs w:val="{sz}"/></w:rPr>'
        f'<w:t xml:space="preserve">{_lines(text)}</w:t></w:r>'
    )


def _lines(text: str) -> str:
    """Escaped text, a line break for each newline (the buyer's multi-line 项目特征描述)."""
    return '</w:t><w:br/><w:t xml:space="preserve">'.join(escape(t) for t in text.split("\n"))


def _cell(
    text: str,
    width: int,
    align: str,
    size_pt: float,
    *,
    bold: bool = False,
    span: int = 1,
    no_wrap: bool = False,
) -> str:
    jc = {"left": "left", "center": "center", "right": "right"}[align]
    span_xml = f'<w:gridSpan w:val="{span}"/>' if span > 1 else ""
    wrap_xml = "<w:noWrap/>" if no_wrap else ""
    return (
        f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{span_xml}{wrap_xml}<w:vAlign w:val="center"/>'
        f'</w:tcPr><w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>'
        f'<w:jc w:val="{jc}"/></w:pPr>{_run(text, size_pt, bold)}</w:p></w:tc>'
    )


@dataclass(frozen=True)
class TableRow:
    kind: str  # item, heading (one cell across the table), total (label across, then figures)
    cells: list[str]


def table_xml(
    columns: list[Column],
    rows: list[TableRow],
    *,
    total: int = LANDSCAPE_WIDTH,
    sizes: tuple[float, ...] = (10.5, 9.0, 8.0, 7.5),
) -> tuple[str, float, bool]:
    """A bordered Word table (w:tbl) with a repeated header row: (xml, font size used, fits).
    The largest font size at which every figure and header fits on one line is chosen."""
    items = [r.cells for r in rows if r.kind == "item"]
    widths = None
    size = sizes[-1]
    for size in sizes:
        widths = column_widths(
            columns, items + [r.cells for r in rows if r.kind == "total"], total, size, size
        )
        if widths is not None:
            break
    fits = widths is not None
    if widths is None:  # too many columns for the page: equal shares, and the caller reports it
        widths = [total // len(columns)] * len(columns)
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    out = [
        f'<w:tbl><w:tblPr><w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:jc w:val="center"/>'
        f'<w:tblBorders>{_BORDERS}</w:tblBorders><w:tblLayout w:type="fixed"/>'
        f'<w:tblCellMar><w:left w:w="{CELL_MARGIN}" w:type="dxa"/><w:right w:w="{CELL_MARGIN}" w:type="dxa"/>'
        f"</w:tblCellMar></w:tblPr><w:tblGrid>{grid}</w:tblGrid>"
    ]
    out.append("<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>")
    out.extend(_cell(c.header, w, "center", size, bold=True) for c, w in zip(columns, widths, strict=True))
    out.append("</w:tr>")
    for row in rows:
        out.append("<w:tr><w:trPr><w:cantSplit/></w:trPr>")
        if row.kind == "heading":
            out.append(_cell(row.cells[0], sum(widths), "left", size, bold=True, span=len(widths)))
        elif row.kind == "total":
            label_span = next((i for i, t in enumerate(row.cells) if i and t), len(widths))
            out.append(
                _cell(row.cells[0], sum(widths[:label_span]), "center", size, bold=True, span=label_span)
            )
            for i in range(label_span, len(widths)):
                out.append(
                    _cell(
                        row.cells[i], widths[i], columns[i].align, size, bold=True, no_wrap=columns[i].numeric
                    )
                )
        else:
            out.extend(
                _cell(t, w, c.align, size, no_wrap=c.numeric)
                for t, w, c in zip(row.cells, widths, columns, strict=True)
            )
        out.append("</w:tr>")
    out.append("</w:tbl>")
    return "".join(out), size, fits


# --------------------------------------------------------------------------- fitting a rendered document's tables

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_q = "{%s}%s".__mod__
_TBL, _TR, _TC, _T, _GRIDCOL, _SZ = (_q((W, n)) for n in ("tbl", "tr", "tc", "t", "gridCol", "sz"))
_VAL, _WW = _q((W, "val")), _q((W, "w"))
DEFAULT_PT = 10.5


@dataclass
class FitReport:
    changed: int = 0  # tables whose columns were re-balanced
    overflows: list[str] = None  # type: ignore[assignment]
    #: each table's rows as read (tc, span, paragraph texts), by the table element, for reuse
    cells: dict = None  # type: ignore[assignment]

    def __post_init__(self) -> None:
        if self.overflows is None:
            self.overflows = []
        if self.cells is None:
            self.cells = {}


_P = _q((W, "p"))
_GRIDSPAN = _q((W, "gridSpan"))
_TEXTS = None


def _texts(p) -> list[str]:
    """The w:t texts of a paragraph (no field codes, no deleted text)."""
    global _TEXTS
    if _TEXTS is None:
        from lxml import etree

        _TEXTS = etree.XPath(".//w:t/text()", namespaces={"w": W}, smart_strings=False)
    return _TEXTS(p)


def _span(tc) -> int:
    pr = tc[0] if len(tc) and tc[0].tag == _q((W, "tcPr")) else None
    gs = pr.find(_GRIDSPAN) if pr is not None else None
    return int(gs.get(_VAL, "1")) if gs is not None else 1


def _table_size(tbl) -> float:
    """The largest font size in the table (points): a conservative size for all its cells."""
    sizes = [int(s.get(_VAL, "21")) for s in itertools.islice(tbl.iter(_SZ), 400)]
    return max(sizes) / 2 if sizes else DEFAULT_PT


def _table_cells(tbl) -> list[list[tuple[object, int, list[str]]]]:
    """Rows of (tc, grid span, its paragraphs' texts)."""
    grid = tbl.find(_q((W, "tblGrid")))
    ncols = len(grid) if grid is not None else -1
    rows = []
    for tr in tbl.iterchildren(_TR):
        tcs = list(tr.iterchildren(_TC))
        full = len(tcs) == ncols  # as many cells as grid columns: no cell spans two
        rows.append(
            [(tc, 1 if full else _span(tc), ["".join(_texts(p)) for p in tc.iterchildren(_P)]) for tc in tcs]
        )
    return rows


def column_needs(tbl, size: float | None = None, cells=None) -> list[int]:
    """Twips each grid column needs so that no figure, Latin word or header wraps (at the
    table's largest font size, or at `size` points)."""
    grid = tbl.find(_q((W, "tblGrid")))
    cols = len(grid.findall(_GRIDCOL)) if grid is not None else 0
    size = size or _table_size(tbl)
    needs = [0] * cols
    longest: list[dict[int, str]] = [{} for _ in range(cols)]
    for r_i, row in enumerate(cells if cells is not None else _table_cells(tbl)):
        c = 0
        for _tc, span, lines in row:
            if span == 1 and c < cols:
                for line in lines:
                    if not line:
                        continue
                    if r_i == 0:  # a header: whole on one line
                        needs[c] = max(needs[c], cell_need(line, size, whole=True))
                    else:  # keep the longest few texts: width grows with length
                        longest[c][len(line)] = line
            c += span
    for c, by_len in enumerate(longest):
        for n in sorted(by_len, reverse=True)[:6]:
            needs[c] = max(needs[c], cell_need(by_len[n], size, whole=False))
    return needs


def _rebalance(widths: list[int], needs: list[int]) -> list[int] | None:
    short = sum(max(0, n - w) for w, n in zip(widths, needs, strict=True))
    if short == 0:
        return widths
    slack = [max(0, w - n) for w, n in zip(widths, needs, strict=True)]
    if sum(slack) < short:
        return None
    out = []
    for w, n, s in zip(widths, needs, slack, strict=True):
        out.append(n if n > w else w - (short * s) // sum(slack))
    out[max(range(len(out)), key=lambda i: slack[i])] += sum(widths) - sum(out)
    return out


#: font sizes (points) a table steps down to when its figures do not fit at its own size
SMALLER_SIZES = (9.0, 8.0, 7.5)


def _set_size(tbl, size: float) -> None:
    """Every run of the table in `size` points."""
    val = str(int(round(size * 2)))
    for r in tbl.iter(_q((W, "r"))):
        rpr = r.find(_q((W, "rPr")))
        if rpr is None:
            rpr = r.makeelement(_q((W, "rPr")), {})
            r.insert(0, rpr)
        for tag in ("sz", "szCs"):
            el = rpr.find(_q((W, tag)))
            if el is None:
                el = rpr.makeelement(_q((W, tag)), {})
                rpr.append(el)
            el.set(_VAL, val)


_TCPR, _TCW, _TYPE = _q((W, "tcPr")), _q((W, "tcW")), _q((W, "type"))


def _set_cell_widths(cells, widths: list[int]) -> None:
    """Every cell's w:tcW to its columns' width (Word reads tcW, LibreOffice the grid). An
    attribute is written only where it differs: a read costs less than a write, and a column
    whose width is kept (or a type already dxa) needs none."""
    text = [str(w) for w in widths]
    for row in cells:
        c = 0
        for tc, span, _lines in row:
            pr = tc[0] if len(tc) and tc[0].tag == _TCPR else None
            if pr is not None:
                tcw = pr[0] if len(pr) and pr[0].tag == _TCW else pr.find(_TCW)
                if tcw is not None:
                    width = text[c] if span == 1 else str(sum(widths[c : c + span]))
                    if tcw.get(_WW) != width:
                        tcw.set(_WW, width)
                    if tcw.get(_TYPE) != "dxa":
                        tcw.set(_TYPE, "dxa")
            c += span


def fit_tables(xml_root) -> FitReport:
    """Widen the columns of every table where a figure, a Latin word or a header would wrap,
    taking the width from columns with room to spare (the table keeps its total width). Changes
    `xml_root` (word/document.xml) in place; lists the tables that cannot be fitted."""
    report = FitReport()
    for t_i, tbl in enumerate(xml_root.iter(_TBL), start=1):
        grid = tbl.find(_q((W, "tblGrid")))
        if grid is None:
            continue
        cols = grid.findall(_GRIDCOL)
        widths = [int(g.get(_WW, "0")) for g in cols]
        cells = _table_cells(tbl)
        report.cells[tbl] = cells
        needs = column_needs(tbl, cells=cells)
        fitted = _rebalance(widths, needs)
        for smaller in SMALLER_SIZES:
            if fitted is not None:
                break
            needs = column_needs(tbl, smaller, cells=cells)
            fitted = _rebalance(widths, needs)
            if fitted is not None:
                _set_size(tbl, smaller)
        if fitted is None:
            report.overflows.append(
                f"table {t_i}: the columns need {sum(needs) / 567:.1f} cm at "
                f"{SMALLER_SIZES[-1]} pt, the table is {sum(widths) / 567:.1f} cm wide"
            )
            continue
        if fitted == widths:
            continue
        report.changed += 1
        for g, w in zip(cols, fitted, strict=True):
            g.set(_WW, str(w))
        _set_cell_widths(cells, fitted)
    return report
