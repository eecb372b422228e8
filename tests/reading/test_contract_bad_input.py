"""Bad contract files: every one raises InputError naming the file; memory stays bounded."""

from __future__ import annotations

import io
import tracemalloc
import zipfile
from pathlib import Path

import docx
import openpyxl
import pytest

from bidassist.core.errors import InputError
from bidassist.reading import read_contract

PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00\x90wS"
    b"\xde\x00\x00\x00\x0cIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82"
)


def error_of(path: Path) -> str:
    with pytest.raises(InputError) as info:
        read_contract(path)
    err = info.value
    assert err.where == str(path), "the error must name the file"
    return err.message


def test_png_renamed_docx(tmp_path: Path):
    path = tmp_path / "scan.docx"
    path.write_bytes(PNG)
    assert "not a zip-based Office file" in error_of(path)


def test_png_renamed_txt(tmp_path: Path):
    path = tmp_path / "scan.txt"
    path.write_bytes(PNG)
    assert "binary" in error_of(path)


def test_xlsx_renamed_docx(tmp_path: Path):
    wb = openpyxl.Workbook()
    wb.active["A1"] = "第一条 付款"
    path = tmp_path / "costs.docx"
    wb.save(path)
    assert "Excel workbook" in error_of(path)


def test_empty_docx_is_an_error(tmp_path: Path):
    path = tmp_path / "empty.docx"
    d = docx.Document()
    d.add_paragraph("   ")
    d.sections[0].header.paragraphs[0].text = "only a header"
    d.save(str(path))
    assert "no text" in error_of(path)


def test_empty_text_file(tmp_path: Path):
    path = tmp_path / "empty.txt"
    path.write_text("\n \n\t\n", encoding="utf-8")
    assert "no text" in error_of(path)


def test_password_protected_ole2(tmp_path: Path):
    path = tmp_path / "locked.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 4096)
    assert "password-protected" in error_of(path)


def test_truncated_docx(tmp_path: Path):
    good = tmp_path / "good.docx"
    d = docx.Document()
    d.add_paragraph("第一条 付款")
    d.save(str(good))
    data = good.read_bytes()
    path = tmp_path / "truncated.docx"
    path.write_bytes(data[: len(data) // 2])
    assert "corrupt or truncated" in error_of(path)


def _zip_with(path: Path, parts: dict[str, bytes], *, compress=zipfile.ZIP_DEFLATED) -> Path:
    with zipfile.ZipFile(path, "w", compress) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    return path


def _docx_parts(document_xml: bytes) -> dict[str, bytes]:
    good = io.BytesIO()
    d = docx.Document()
    d.add_paragraph("x")
    d.save(good)
    with zipfile.ZipFile(good) as zf:
        parts = {n: zf.read(n) for n in zf.namelist()}
    parts["word/document.xml"] = document_xml
    return parts


def test_corrupt_document_xml(tmp_path: Path):
    path = _zip_with(tmp_path / "broken.docx", _docx_parts(b"<w:document><w:body><w:p>"))
    assert "not valid XML" in error_of(path)


def test_dtd_with_entities_is_refused(tmp_path: Path):
    lol = (
        b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]>'
        b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
        b"<w:p><w:r><w:t>&b;\xe7\xac\xac\xe4\xb8\x80\xe6\x9d\xa1</w:t></w:r></w:p></w:body></w:document>"
    )
    path = _zip_with(tmp_path / "entities.docx", _docx_parts(lol))
    assert "DTD" in error_of(path)


def test_zip_bomb(tmp_path: Path):
    parts = _docx_parts(b"<x/>")
    parts["word/media/bomb.bin"] = b"\x00" * (24 * 1024 * 1024)
    path = _zip_with(tmp_path / "bomb.docx", parts)
    assert path.stat().st_size < 200_000
    assert "zip bomb" in error_of(path)


def test_missing_file_and_unsupported_suffix(tmp_path: Path):
    assert "not found" in error_of(tmp_path / "nothing.docx")
    other = tmp_path / "contract.odt"
    other.write_bytes(b"PK")
    assert "unsupported contract format" in error_of(other)
    stub = tmp_path / "contract.doc"  # a .doc is read (test_contract_doc_reading.py); four bytes are not one
    stub.write_bytes(b"\xd0\xcf\x11\xe0")
    assert "not a Word 97-2003 document" in error_of(stub)
    xlsx = tmp_path / "contract.xlsx"
    xlsx.write_bytes(b"PK")
    assert "unsupported contract format" in error_of(xlsx)


def test_50_mb_text_file_is_refused_with_bounded_memory(tmp_path: Path):
    path = tmp_path / "huge.txt"
    line = ("第一条 甲方应在验收合格后30日内支付合同价款的95%。" * 4 + "\n").encode("utf-8")
    with open(path, "wb") as fh:
        for _ in range(50 * 1024 * 1024 // len(line) + 1):
            fh.write(line)
    assert path.stat().st_size >= 50 * 1024 * 1024
    tracemalloc.start()
    try:
        message = error_of(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert "over the 16 MB limit" in message
    assert peak < 5 * 1024 * 1024  # refused before reading


@pytest.mark.slow
def test_large_text_within_limit_reads_with_bounded_memory(tmp_path: Path):
    path = tmp_path / "big.txt"
    para = "甲方应在验收合格后30日内支付合同价款的95%，乙方应提供发票。"
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(1, 20_001):
            fh.write(f"第{i}条 付款\n{para}\n")
    size = path.stat().st_size
    tracemalloc.start()
    try:
        contract = read_contract(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(contract.clauses) == 20_000
    # linear in the number of blocks: about 1.5 KB per block with its clause (60,000 objects here)
    assert peak < 100 * size and peak / (len(contract.blocks) + len(contract.clauses)) < 3000


def test_too_many_lines_is_refused(tmp_path: Path):
    path = tmp_path / "lines.txt"
    path.write_text("x\n" * 100_001, encoding="utf-8")
    assert "more than 100,000 paragraphs" in error_of(path)
