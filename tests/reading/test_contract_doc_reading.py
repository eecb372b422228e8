"""Legacy Word 97-2003 contracts (.doc): read as the .docx they were made from.

The fixtures in files/ are real Word binaries written by LibreOffice from .docx files built by
files/make_doc_fixtures.py (our own text): the bundled example contract, and a contract with automatic
numbering (第%1条 / %1.%2 / （%3） in chineseCounting), a table with a two-paragraph cell, a tracked
deletion, hidden text and a field. Damaged and misnamed files are refused or read with a clear message.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bidassist.checklist.api import check_contract
from bidassist.core.errors import InputError
from bidassist.reading import read_contract

FILES = Path(__file__).parent / "files"
EXAMPLE = Path(__file__).parents[2] / "bidassist" / "examples" / "hospital" / "contract.docx"


def _texts(path: Path) -> list[tuple[str | None, str]]:
    return [(b.number, b.text) for b in read_contract(path).blocks]


def test_the_example_contract_reads_as_its_docx_and_gives_the_same_findings() -> None:
    doc = read_contract(FILES / "hospital.doc")
    assert doc.kind == "doc"
    assert _texts(FILES / "hospital.doc") == _texts(EXAMPLE)
    assert [c.number for c in doc.clauses] == [c.number for c in read_contract(EXAMPLE).clauses]
    found = sorted((f.category, f.clause) for f in check_contract(FILES / "hospital.doc").findings)
    assert found == sorted((f.category, f.clause) for f in check_contract(EXAMPLE).findings)
    assert found  # the example has traps


def test_automatic_numbering_is_rebuilt_as_in_the_docx() -> None:
    doc, docx = _texts(FILES / "numbered.doc"), _texts(FILES / "numbered.docx")
    assert doc[:-1] == docx[:-1]  # the last paragraph holds a DATE field, which LibreOffice refreshed
    numbers = [n for n, _ in doc if n]
    assert numbers == ["第一条", "一.1", "一.2", "第二条", "二.1", "（一）", "（二）", "第三条"]


def test_rows_cells_revisions_hidden_text_and_fields() -> None:
    blocks = read_contract(FILES / "numbered.doc").blocks
    by_text = {b.text: b for b in blocks}
    row = by_text["验收合格后 | 60% | 经甲方审计后 支付至审定金额的95%"]  # a two-paragraph cell in one row
    assert row.location == "table 1 row 2"
    assert by_text["付款节点 | 比例 | 条件"].location == "table 1 row 1"
    assert blocks[0].location == "paragraph 1"
    text = "\n".join(b.text for b in blocks)
    assert "乙方逾期交货的，每逾期一日按合同总价的1%支付违约金。" in text  # the tracked deletion dropped
    assert "千分之一" not in text and "内部备注" not in text  # deleted and hidden text are not read
    assert "DATE" not in text and "合同签订日期：" in text  # a field shows its result, not its code


def _patched(tmp_path: Path, name: str, find: bytes, replace: bytes, *, at: int = 0) -> Path:
    data = bytearray((FILES / "numbered.doc").read_bytes())
    i = data.find(find)
    assert i >= 0
    data[i + at : i + at + len(replace)] = replace
    path = tmp_path / name
    path.write_bytes(bytes(data))
    return path


def _fib_offset(data: bytes) -> int:
    """The WordDocument stream's first byte: the FIB's magic at a 512-byte sector boundary."""
    i = data.find(b"\xec\xa5")
    while i % 512:
        i = data.find(b"\xec\xa5", i + 1)
    return i


def _with_fib(tmp_path: Path, name: str, offset: int, value: bytes) -> Path:
    data = bytearray((FILES / "numbered.doc").read_bytes())
    at = _fib_offset(bytes(data)) + offset
    data[at : at + len(value)] = value
    path = tmp_path / name
    path.write_bytes(bytes(data))
    return path


def _error(path: Path) -> str:
    with pytest.raises(InputError) as info:
        read_contract(path)
    return str(info.value)


def test_encrypted_old_and_foreign_compound_files_are_refused_by_name(tmp_path: Path) -> None:
    flags = (FILES / "numbered.doc").read_bytes()[_fib_offset((FILES / "numbered.doc").read_bytes()) + 10]
    assert "password" in _error(_with_fib(tmp_path, "locked.doc", 10, bytes([flags | 0x01]) + b"\x01"))
    assert "Word 95" in _error(_with_fib(tmp_path, "old.doc", 2, b"\x65\x00"))
    # the directory entry renamed: a compound file that holds no Word document (an .xls, a .ppt)
    other = _patched(
        tmp_path, "sheet.doc", "WordDocument".encode("utf-16-le"), "WordDocumenX".encode("utf-16-le")
    )
    assert "no Word document" in _error(other)
    assert "save it as .docx" in _error(other)


def test_truncated_and_random_files_are_refused(tmp_path: Path) -> None:
    data = (FILES / "numbered.doc").read_bytes()
    cut = tmp_path / "cut.doc"
    cut.write_bytes(data[: len(data) // 3])
    assert "cut.doc" in _error(cut)
    noise = tmp_path / "noise.doc"
    noise.write_bytes(b"\x00\x01not a word file" * 50)
    assert "not a Word 97-2003 document" in _error(noise)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(
        st.tuples(st.integers(min_value=0, max_value=20479), st.integers(0, 255)), min_size=1, max_size=8
    )
)
def test_a_damaged_doc_is_read_or_refused_never_a_crash(tmp_path: Path, flips: list[tuple[int, int]]) -> None:
    data = bytearray((FILES / "numbered.doc").read_bytes())
    for at, value in flips:
        data[at % len(data)] = value
    path = tmp_path / "damaged.doc"
    path.write_bytes(bytes(data))
    try:
        read_contract(path)
    except InputError as exc:
        assert "damaged.doc" in str(exc)


def test_files_saved_under_a_doc_name_are_read_as_what_they_are(tmp_path: Path) -> None:
    misnamed = tmp_path / "contract.doc"
    shutil.copy(EXAMPLE, misnamed)
    read = read_contract(misnamed)
    assert read.kind == "docx" and any(".docx file named .doc" in n for n in read.notes)
    assert [b.text for b in read.blocks] == [b.text for b in read_contract(EXAMPLE).blocks]
    rtf = tmp_path / "rtf.doc"
    rtf.write_bytes(b"{\\rtf1\\ansi hello}")
    assert "RTF" in _error(rtf)
    page = tmp_path / "page.doc"
    page.write_bytes(b"<html><body>contract</body></html>")
    assert "web page" in _error(page)
