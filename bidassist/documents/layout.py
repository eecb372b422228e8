"""Layout that holds: a width model for text in the document fonts, and tables whose columns are
wide enough that no figure and no header wraps.

Width model: each character's advance is the widest over the fonts the document may be shown in
(Times New Roman / Liberation Serif, DejaVu, Noto CJK; regular and bold — templates/font_metrics.yaml,
built by templates/build_font_metrics.py); CJK ideographs and full-width forms are 1 em. A figure is
one unbreakable token; Latin words are unbreakable; CJK text may break between characters.
A cell's text area is its width less the cell margins (85 twips each side, set on every table).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from xml.sax.saxutils import escape

import yaml

from bidassist.core.resources import package_path

TWIPS_PER_PT = 20
CELL_MARGIN = 85  # twips, left and right, on every table bidassist writes or fits
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


def is_wide(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in ("W", "F")


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


def column_widths(columns: list[Column], rows: list[list[str]], total: int, size_pt: float,
                  header_pt: float) -> list[int] | None:
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

_BORDERS = "".join(f'<w:{e} w:val="single" w:sz="6" w:space="0" w:color="000000"/>'
                   for e in ("top", "left", "bottom", "right", "insideH", "insideV"))


def _run(text: str, size_pt: float, bold: bool) -> str:
    sz = int(round(size_pt * 2))
    return (f'<w:r><w:rPr><w:rFonts w:ascii="{LATIN}" w:hAnsi="{LATIN}" w:eastAsia="{EAST_ASIA}" '
            f'w:cs="{LATIN}"/>{"<w:b/>" if bold else ""}<w:sz w:val="{sz}"/><w:szCs w:val="{sz}"/></w:rPr>'
            f'<w:t xml:space="preserve">{_lines(text)}</w:t></w:r>')


def _lines(text: str) -> str:
    """Escaped text, a line break for each newline (the buyer's multi-line 项目特征描述)."""
    return '</w:t><w:br/><w:t xml:space="preserve">'.join(escape(t) for t in text.split("\n"))


def _cell(text: str, width: int, align: str, size_pt: float, *, bold: bool = False, span: int = 1,
          no_wrap: bool = False) -> str:
    jc = {"left": "left", "center": "center", "right": "right"}[align]
    span_xml = f'<w:gridSpan w:val="{span}"/>' if span > 1 else ""
    wrap_xml = "<w:noWrap/>" if no_wrap else ""
    return (f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{span_xml}{wrap_xml}<w:vAlign w:val="center"/>'
            f'</w:tcPr><w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>'
            f'<w:jc w:val="{jc}"/></w:pPr>{_run(text, size_pt, bold)}</w:p></w:tc>')


@dataclass(frozen=True)
class TableRow:
    kind: str  # item, heading (one cell across the table), total (label across, then figures)
    cells: list[str]


def table_xml(columns: list[Column], rows: list[TableRow], *, total: int = LANDSCAPE_WIDTH,
              sizes: tuple[float, ...] = (10.5, 9.0, 8.0, 7.5)) -> tuple[str, float, bool]:
    """A bordered Word table (w:tbl) with a repeated header row: (xml, font size used, fits).
    The largest font size at which every figure and header fits on one line is chosen."""
    items = [r.cells for r in rows if r.kind == "item"]
    widths = None
    size = sizes[-1]
    for size in sizes:
        widths = column_widths(columns, items + [r.cells for r in rows if r.kind == "total"], total,
                               size, size)
        if widths is not None:
            break
    fits = widths is not None
    if widths is None:  # too many columns for the page: equal shares, and the caller reports it
        widths = [total // len(columns)] * len(columns)
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    out = [f'<w:tbl><w:tblPr><w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:jc w:val="center"/>'
           f'<w:tblBorders>{_BORDERS}</w:tblBorders><w:tblLayout w:type="fixed"/>'
           f'<w:tblCellMar><w:left w:w="{CELL_MARGIN}" w:type="dxa"/><w:right w:w="{CELL_MARGIN}" w:type="dxa"/>'
           f'</w:tblCellMar></w:tblPr><w:tblGrid>{grid}</w:tblGrid>']
    out.append('<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>')
    out.extend(_cell(c.header, w, "center", size, bold=True) for c, w in zip(columns, widths, strict=True))
    out.append("</w:tr>")
    for row in rows:
        out.append("<w:tr><w:trPr><w:cantSplit/></w:trPr>")
        if row.kind == "heading":
            out.append(_cell(row.cells[0], sum(widths), "left", size, bold=True, span=len(widths)))
        elif row.kind == "total":
            label_span = next((i for i, t in enumerate(row.cells) if i and t), len(widths))
            out.append(_cell(row.cells[0], sum(widths[:label_span]), "center", size, bold=True, span=label_span))
            for i in range(label_span, len(widths)):
                out.append(_cell(row.cells[i], widths[i], columns[i].align, size, bold=True,
                                 no_wrap=columns[i].numeric))
        else:
            out.extend(_cell(t, w, c.align, size, no_wrap=c.numeric)
                       for t, w, c in zip(row.cells, widths, columns, strict=True))
        out.append("</w:tr>")
    out.append("</w:tbl>")
    return "".join(out), size, fits
