"""Attack cases on cost sheets (`bidassist costs import`)."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from builders import (
    LAUGHS,
    XXE,
    contract_docx,
    cost_book,
    header_and,
    member,
    number_row,
    patch_zip,
    sheet_xml,
    with_prolog,
)
from hostile_kit import assert_refused, run, run_limited, snapshot

SHEET = "xl/worksheets/sheet1.xml"


def _book(work: Path, name: str = "c.xlsx") -> Path:
    return cost_book(work / f"base-{name}")


def _part(work: Path, part: str, data: bytes, name: str = "evil.xlsx") -> str:
    patch_zip(_book(work), work / name, {part: data})
    return name


def _dtd(part: str, prolog: str):
    def make(work: Path) -> str:
        return _part(work, part, with_prolog(member(_book(work), part), prolog))

    return make


def _sheet(cells: str, dimension: str | None = None):
    def make(work: Path) -> str:
        return _part(work, SHEET, sheet_xml(cells, dimension))

    return make


def _bytes(name: str, data: bytes):
    def make(work: Path) -> str:
        (work / name).write_bytes(data)
        return name

    return make


def _text(name: str, text: str, encoding: str = "utf-8"):
    def make(work: Path) -> str:
        (work / name).write_text(text, encoding=encoding)
        return name

    return make


def _docx_renamed(work: Path) -> str:
    contract_docx(work / "c.docx")
    (work / "c.docx").rename(work / "evil.xlsx")
    return "evil.xlsx"


def _truncated(work: Path) -> str:
    data = _book(work).read_bytes()
    (work / "evil.xlsx").write_bytes(data[: len(data) // 2])
    return "evil.xlsx"


def _bomb(work: Path) -> str:
    with zipfile.ZipFile(work / "evil.xlsx", "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/workbook.xml", "<workbook/>")
        z.writestr("xl/worksheets/sheet1.xml", b"\0" * (64 * 1024 * 1024))
    return "evil.xlsx"


def _entries(work: Path) -> str:
    with zipfile.ZipFile(work / "evil.xlsx", "w") as z:
        z.writestr("xl/workbook.xml", "<workbook/>")
        for i in range(10_001):
            z.writestr(f"x/{i}", b"")
    return "evil.xlsx"


def _rels(target: str):
    def make(work: Path) -> str:
        book = _book(work)
        rels = member(book, "xl/_rels/workbook.xml.rels").replace(
            b'Target="/xl/worksheets/sheet1.xml"', f'Target="{target}"'.encode()
        )
        assert target.encode() in rels
        return _part(work, "xl/_rels/workbook.xml.rels", rels)

    return make


def _encrypted_entry(work: Path) -> str:
    data = bytearray(_book(work).read_bytes())
    # set the "encrypted" flag of the first local header and central directory entry
    data[6] |= 1
    cd = data.rfind(b"PK\x01\x02")
    while cd > 0:
        data[cd + 8] |= 1
        cd = data.rfind(b"PK\x01\x02", 0, cd)
    (work / "evil.xlsx").write_bytes(bytes(data))
    return "evil.xlsx"


def _directory(work: Path) -> str:
    (work / "dir.xlsx").mkdir()
    return "dir.xlsx"


def _csv_rows(rows: int, cols: int = 3) -> str:
    return (
        "名称,数量,单价\n" + "".join(f"风管{i},1,{i + 1}\n" for i in range(rows))
        if cols == 3
        else ",".join(f"c{i}" for i in range(cols)) + "\n"
    )


BAD_NUMBERS = ["NaN", "INF", "-INF", "1e308", "1e400", "-1e400", "12345678901234567890123456789", "1" * 400]

#: (id, builder, place in the error line, words in stderr)
CASES = [
    *[
        (f"dtd-{part.rsplit('/', 1)[-1]}", _dtd(part, LAUGHS), "evil.xlsx", "DTD")
        for part in (
            SHEET,
            "xl/workbook.xml",
            "xl/styles.xml",
            "[Content_Types].xml",
            "xl/_rels/workbook.xml.rels",
            "docProps/core.xml",
            "_rels/.rels",
        )
    ],
    *[
        (f"xxe-{part.rsplit('/', 1)[-1]}", _dtd(part, XXE), "evil.xlsx", "DTD")
        for part in (SHEET, "xl/workbook.xml", "xl/styles.xml")
    ],
    (
        "dtd-behind-comment",
        _dtd(SHEET, "<?xml version='1.0'?><!-- x --><?pi x?>\n" + XXE.split("\n", 1)[1]),
        "evil.xlsx",
        "DTD",
    ),
    (
        "dtd-utf16",
        lambda w: _part(
            w,
            SHEET,
            ("\ufeff" + XXE.replace('<?xml version="1.0"?>\n', "") + "<worksheet/>").encode("utf-16-le"),
        ),
        "evil.xlsx",
        "DTD",
    ),
    (
        "sparse-A1-XFD1048576",
        _sheet(header_and('<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>')),
        "evil.xlsx",
        "1,048,576",
    ),
    ("dimension-whole-sheet", _sheet(header_and(number_row("1")), "A1:XFD1048576"), "evil.xlsx", "limit"),
    (
        "row-beyond-limit",
        _sheet(header_and('<row r="900000"><c r="A900000"><v>1</v></c></row>')),
        "evil.xlsx",
        "900,000",
    ),
    (
        "column-beyond-limit",
        _sheet(header_and('<row r="2"><c r="ZZZ2"><v>1</v></c></row>')),
        "evil.xlsx",
        "column",
    ),
    (
        "extent-cells",
        _sheet(header_and('<row r="150000"><c r="AZ150000"><v>1</v></c></row>')),
        "evil.xlsx",
        "cells",
    ),
    # refused at the cell, or (a cell the reader takes as text) as a sheet with no prices
    *[(f"cell-{v[:12]}", _sheet(header_and(number_row(v))), "Costs", None) for v in BAD_NUMBERS],
    *[
        (
            f"text-cell-{v[:12]}",
            _sheet(
                header_and(
                    f'<row r="2"><c r="A2" t="inlineStr"><is><t>风管</t></is></c><c r="B2"><v>1</v></c>'
                    f'<c r="C2" t="inlineStr"><is><t>{v}</t></is></c></row>'
                )
            ),
            "Costs",
            None,
        )
        for v in ("12345678901234567890123456789", "1" * 30000, "nan", "inf", "1e999", "¥" + "9" * 40)
    ],
    ("docx-renamed-xlsx", _docx_renamed, "evil.xlsx", "Word"),
    ("text-renamed-xlsx", _text("evil.xlsx", "名称,数量\n"), "evil.xlsx", "zip"),
    ("pdf-renamed-xlsx", _bytes("evil.xlsx", b"%PDF-1.7\n%\xe2\xe3\n1 0 obj<<>>endobj\n"), "evil.xlsx", None),
    ("truncated-zip", _truncated, "evil.xlsx", "corrupt"),
    (
        "ole2-encrypted",
        _bytes("evil.xlsx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 4096),
        "evil.xlsx",
        "password",
    ),
    ("zip-encrypted-entry", _encrypted_entry, "evil.xlsx", None),
    ("zip-bomb", _bomb, "evil.xlsx", "bomb"),
    ("zip-entries", _entries, "evil.xlsx", "entries"),
    ("empty-xlsx", _bytes("evil.xlsx", b""), "evil.xlsx", None),
    ("directory", _directory, "dir.xlsx", None),
    ("missing", lambda w: "nope.xlsx", "nope.xlsx", "not found"),
    ("rels-outside", _rels("../../../etc/passwd"), "evil.xlsx", "outside"),
    ("rels-absolute", _rels("/etc/passwd"), "evil.xlsx", None),
    ("rels-missing-part", _rels("worksheets/sheet9.xml"), "evil.xlsx", "not in the file"),
    ("xls-garbage", _bytes("evil.xls", b"this is not a workbook" * 10), "evil.xls", None),
    ("xlsb-garbage", _bytes("evil.xlsb", b"PK\x03\x04garbage"), "evil.xlsb", None),
    ("ods-garbage", _bytes("evil.ods", b"PK\x05\x06" + b"\0" * 18), "evil.ods", None),
    ("numbers-file", _bytes("evil.numbers", b"x"), "evil.numbers", ".xlsx"),
    ("unknown-suffix", _bytes("evil.bin", b"x"), "evil.bin", None),
    ("csv-binary", _bytes("evil.csv", b"\x00\x01\x02" * 100), "evil.csv", "binary"),
    ("csv-zip-inside", _bytes("evil.csv", b"PK\x03\x04" + b"\0" * 100), "evil.csv", None),
    ("csv-too-wide", _text("evil.csv", _csv_rows(0, cols=1500)), "evil.csv", "columns"),
    ("csv-too-long", _text("evil.csv", _csv_rows(200_001)), "evil.csv", "rows"),
    ("csv-huge-field", _text("evil.csv", "名称,数量,单价\n" + "x" * 200_000 + ",1,1\n"), "evil.csv", None),
    ("csv-latin1-garbage", _bytes("evil.csv", bytes(range(128, 256)) * 40), "evil.csv", None),
    ("csv-only-header", _text("evil.csv", "名称,数量,单价\n"), "evil", None),
    ("csv-nan-price", _text("evil.csv", "名称,数量,单价\n风管,1,nan\n"), "evil", None),
    ("csv-inf-qty", _text("evil.csv", "名称,数量,单价\n风管,inf,1\n"), "B2", None),
    (
        "csv-29-digits",
        _text("evil.csv", "名称,数量,单价\n风管,1,12345678901234567890123456789\n"),
        "evil",
        None,
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_hostile_spreadsheet_is_refused(case, work):
    _id, build, place, words = case
    name = build(work)
    before = snapshot(work)
    res = run(["costs", "import", name, "-o", "out.json"], work)
    assert_refused(res, place, words=words, lines=None)
    assert not (work / "out.json").exists()
    assert snapshot(work) == before


def test_sparse_sheet_under_limits(work):
    """The sheet that aborted the Rust reader (signal 6): refused inside 1 GiB and 60 s."""
    name = _sheet(header_and('<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'))(work)
    res = run_limited(["costs", "import", name], work)
    assert_refused(res, name, lines=None)


def test_million_row_sheet_under_limits(work):
    rows = "".join(f'<row r="{r}"><c r="A{r}"><v>{r}</v></c></row>' for r in range(2, 250_002))
    name = _part(work, SHEET, sheet_xml(header_and(rows)))
    res = run_limited(["costs", "import", name], work)
    assert_refused(res, name, lines=None, words="rows")


@pytest.mark.slow
def test_95_mb_csv_under_limits(work):
    line = "风管风管风管风管,1,196.50," + "x" * 60 + "\n"
    with open(work / "big.csv", "w", encoding="utf-8") as fh:
        fh.write("名称,数量,单价,备注\n")
        fh.write(line * (95 * 1024 * 1024 // len(line.encode())))
    res = run_limited(["costs", "import", "big.csv"], work)
    assert_refused(res, "big.csv", lines=None, words="rows")


@pytest.mark.parametrize(
    "quote,value",
    [("'", "1"), ('"', "&#49;"), ("'", "true"), ('"', " 1 ")],
    ids=["single-quote", "char-ref", "true", "spaces"],
)
def test_hidden_row_scan_survives_quoting_and_references(quote, value, work):
    rows = header_and(
        number_row("100") + f'<row r="3" hidden={quote}{value}{quote}>'
        '<c r="A3" t="inlineStr"><is><t>隐藏行</t></is></c><c r="B3"><v>1</v></c>'
        '<c r="C3"><v>999</v></c></row>'
    )
    name = _part(work, SHEET, sheet_xml(rows))
    res = run(["costs", "import", name, "--format", "json"], work)
    assert res.code == 0, res.err
    assert "隐藏行" not in res.out and "hidden" in res.err.lower()


@pytest.mark.parametrize("text", ["[/]", "[bold red]alarm[/]", "[link=http://x]x[/link]", "[/bold]"])
def test_rich_markup_in_a_cell_is_shown_as_written(text, work):
    cost_book(work / "m.xlsx", [["A1", text, "m", 1, 10]])
    res = run(["costs", "import", "m.xlsx"], work)
    assert res.code == 0 and "Traceback" not in res.err, res.err
    assert "[" in res.out  # shown, not swallowed as markup
    res = run(["costs", "import", "m.xlsx", "--format", "json"], work)
    assert res.code == 0 and text in res.out.encode().decode("unicode_escape", "ignore") or text in res.out
