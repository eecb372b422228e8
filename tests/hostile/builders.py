"""Hostile files built from scratch for the attack suite: workbooks, Word files, zips, YAML."""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl
from docx import Document

LAUGHS = (
    '<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10)
    )
    + "]>\n"
)
XXE = '<?xml version="1.0"?>\n<!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'


def cost_book(path: Path, rows: list[list] | None = None) -> Path:
    """A small, valid cost sheet."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Costs"
    ws.append(["编码", "名称", "单位", "数量", "单价"])
    for r in rows or [["A1", "风管", "m²", 10, 196], ["A2", "风机", "台", 2, 46800]]:
        ws.append(r)
    wb.save(path)
    return path


def patch_zip(
    src: Path, dst: Path, changes: dict[str, bytes | None], extra: dict[str, bytes] | None = None
) -> Path:
    """Copy a zip, replacing (or with None removing) members, adding `extra` members."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            if info.filename in changes:
                if changes[info.filename] is not None:
                    zout.writestr(info.filename, changes[info.filename])
            else:
                zout.writestr(info, zin.read(info.filename))
        for name, data in (extra or {}).items():
            zout.writestr(name, data)
    return dst


def member(path: Path, name: str) -> bytes:
    with zipfile.ZipFile(path) as z:
        return z.read(name)


def with_prolog(xml: bytes, prolog: str) -> bytes:
    """The part with a DTD prolog in front of its root element (its own declaration dropped)."""
    body = xml.split(b"?>", 1)[1] if xml.startswith(b"<?xml") else xml
    return prolog.encode() + body.lstrip()


def sheet_xml(cells: str, dimension: str | None = None) -> bytes:
    dim = f'<dimension ref="{dimension}"/>' if dimension else ""
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        f"{dim}<sheetData>{cells}</sheetData></worksheet>"
    ).encode()


def header_and(row2: str) -> str:
    head = (
        '<row r="1"><c r="A1" t="inlineStr"><is><t>名称</t></is></c>'
        '<c r="B1" t="inlineStr"><is><t>数量</t></is></c><c r="C1" t="inlineStr"><is><t>单价</t></is></c></row>'
    )
    return head + row2


def number_row(value: str, *, row: int = 2) -> str:
    return (
        f'<row r="{row}"><c r="A{row}" t="inlineStr"><is><t>风管</t></is></c>'
        f'<c r="B{row}"><v>1</v></c><c r="C{row}"><v>{value}</v></c></row>'
    )


def contract_docx(path: Path, paragraphs: list[str] | None = None) -> Path:
    doc = Document()
    for text in paragraphs or ["第一条 付款", "甲方在验收合格后30日内支付合同价款的95%。"]:
        doc.add_paragraph(text)
    doc.save(str(path))
    return path


def laughs_yaml(levels: int = 9, width: int = 10) -> str:
    lines = ["l0: &l0 [" + ",".join(["lol"] * width) + "]"]
    lines += [f"l{i}: &l{i} [" + ",".join([f"*l{i - 1}"] * width) + "]" for i in range(1, levels)]
    return "\n".join(lines) + "\n"
