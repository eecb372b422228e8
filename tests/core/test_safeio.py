"""Safe I/O: zip limits before parsing, atomic writes, never overwrite without force."""

import zipfile
from pathlib import Path

import pytest

from bidassist.core.errors import InputError, OutputExistsError
from bidassist.core.safeio import atomic_path, atomic_write_text, check_zip, read_text


def test_atomic_write_refuses_existing(tmp_path):
    p = tmp_path / "out.txt"
    atomic_write_text(p, "one")
    with pytest.raises(OutputExistsError):
        atomic_write_text(p, "two")
    assert p.read_text() == "one"
    atomic_write_text(p, "two", force=True)
    assert p.read_text() == "two"


def test_atomic_path_leaves_nothing_on_failure(tmp_path):
    p = tmp_path / "out.docx"
    with pytest.raises(RuntimeError):
        with atomic_path(p) as tmp:
            tmp.write_text("half")
            raise RuntimeError("boom")
    assert not p.exists()
    assert list(tmp_path.iterdir()) == []


def make_zip(path: Path, entries: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in entries.items():
            zf.writestr(name, data)
    return path


def test_check_zip_refuses_bad_containers(tmp_path):
    with pytest.raises(InputError, match="not a zip"):
        check_zip(make_text(tmp_path / "a.xlsx", "hello"))
    ole = tmp_path / "enc.xlsx"
    ole.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100)
    with pytest.raises(InputError, match="password"):
        check_zip(ole)
    good = make_zip(tmp_path / "g.xlsx", {"xl/workbook.xml": b"<a/>"})
    truncated = tmp_path / "t.xlsx"
    truncated.write_bytes(good.read_bytes()[:-30])
    with pytest.raises(InputError, match="corrupt"):
        check_zip(truncated)
    bomb = make_zip(tmp_path / "bomb.xlsx", {"x.xml": b"\0" * (64 * 1024 * 1024)})
    with pytest.raises(InputError, match="zip bomb"):
        check_zip(bomb)
    many = make_zip(tmp_path / "many.docx", {f"{i}.xml": b"" for i in range(30)})
    with pytest.raises(InputError, match="entries"):
        check_zip(many, max_entries=20)
    check_zip(good)


def make_text(path: Path, text: str) -> Path:
    path.write_text(text)
    return path


def test_read_text_encodings(tmp_path):
    p = tmp_path / "gbk.txt"
    p.write_bytes("第七条 付款".encode("gb18030"))
    assert read_text(p) == "第七条 付款"
    p.write_bytes(b"\xef\xbb\xbf" + "第七条".encode())
    assert read_text(p) == "第七条"
    p.write_bytes(b"\x00\x01binary")
    with pytest.raises(InputError, match="binary"):
        read_text(p)
    with pytest.raises(InputError, match="limit"):
        read_text(p, max_bytes=3)
