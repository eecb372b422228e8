"""PDF contracts: a text layer is read page by page (wrapped lines joined, page numbers dropped);
a PDF without one gets a clear "no text layer" error."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfWriter

from bidassist.core.errors import InputError
from bidassist.reading import read_contract


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def write_text_pdf(path: Path, pages: list[list[str]]) -> Path:
    """A real PDF with Helvetica text lines (one content stream per page), correct xref table."""
    objects: list[bytes] = []
    page_ids = []
    font_id = 3
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objects.append(b"")  # pages, filled below
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    for lines in pages:
        ops = ["BT", "/F1 11 Tf", "14 TL", "50 780 Td"]
        for line in lines:
            ops.append(f"({_escape(line)}) Tj T*")
        ops.append("ET")
        stream = "\n".join(ops).encode("latin-1")
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        content_id = len(objects)
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents %d 0 R "
            b"/Resources << /Font << /F1 %d 0 R >> >> >>" % (content_id, font_id)
        )
        page_ids.append(len(objects))
    kids = " ".join(f"{i} 0 R" for i in page_ids).encode()
    objects[1] = b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % len(page_ids)
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    path.write_bytes(bytes(out))
    return path


def test_pdf_with_text_layer(tmp_path: Path):
    path = write_text_pdf(
        tmp_path / "agreement.pdf",
        [
            [
                "SUPPLY AGREEMENT",
                "ARTICLE 7 PAYMENT",
                "7.1 The Buyer shall pay each invoice within",
                "sixty (60) days of receipt.",
                "7.2 Late payment bears interest.",
                "1",
            ],
            ["8. Warranty", "The Supplier warrants the Goods for 24 months.", "Page 2 of 2"],
        ],
    )
    contract = read_contract(path)
    assert contract.kind == "pdf"
    texts = [b.text for b in contract.blocks]
    assert "7.1 The Buyer shall pay each invoice within sixty (60) days of receipt." in texts
    assert not any(t in ("1", "Page 2 of 2") for t in texts)
    by_number = {c.number: c for c in contract.clauses}
    assert by_number["7.1"].location == "page 1 line 3"
    assert by_number["8"].location == "page 2 line 1"
    assert by_number["8"].text == "8. Warranty\nThe Supplier warrants the Goods for 24 months."
    assert [c.level for c in contract.clauses if c.number] == [1, 2, 2, 2]


def test_scanned_pdf_has_no_text_layer(tmp_path: Path):
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    writer.add_blank_page(width=595, height=842)
    path = tmp_path / "scan.pdf"
    with open(path, "wb") as fh:
        writer.write(fh)
    with pytest.raises(InputError) as info:
        read_contract(path)
    assert "no text layer" in info.value.message and info.value.where == str(path)


def test_pdf_with_some_scanned_pages_gets_a_note(tmp_path: Path):
    path = write_text_pdf(tmp_path / "mixed.pdf", [["1. Payment within 30 days of invoice."], []])
    contract = read_contract(path)
    assert any("without a text layer" in n and "2" in n for n in contract.notes)


@pytest.mark.parametrize("data", [b"this is not a pdf", b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog"])
def test_not_a_pdf_or_corrupt(tmp_path: Path, data: bytes):
    path = tmp_path / "broken.pdf"
    path.write_bytes(data)
    with pytest.raises(InputError) as info:
        read_contract(path)
    assert info.value.where == str(path)


def test_encrypted_pdf(tmp_path: Path):
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    writer.encrypt(user_password="secret", owner_password="owner")
    path = tmp_path / "locked.pdf"
    with open(path, "wb") as fh:
        writer.write(fh)
    with pytest.raises(InputError) as info:
        read_contract(path)
    assert "password" in info.value.message
