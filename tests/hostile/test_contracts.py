"""Attack cases on contracts (`bidassist check`, `--annotate`, `--against`)."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from builders import LAUGHS, XXE, contract_docx, member, patch_zip, with_prolog
from hostile_kit import assert_refused, run, run_limited, snapshot

DOC = "word/document.xml"
COMMENTS = (
    '<?xml version="1.0" encoding="UTF-8"?>\n<w:comments xmlns:w="http://schemas.openxmlformats.org/'
    'wordprocessingml/2006/main"><w:comment w:id="0" w:author="x"><w:p><w:r><w:t>&lol9;</w:t></w:r>'
    "</w:p></w:comment></w:comments>"
)


def _docx(work: Path) -> Path:
    return contract_docx(work / "base.docx")


def _part(part: str, prolog: str):
    def make(work: Path) -> str:
        base = _docx(work)
        patch_zip(base, work / "evil.docx", {part: with_prolog(member(base, part), prolog)})
        return "evil.docx"

    return make


def _comments_bomb(work: Path) -> str:
    base = _docx(work)
    rels = member(base, "word/_rels/document.xml.rels").replace(
        b"</Relationships>",
        b'<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        b'relationships/comments" Target="comments.xml"/></Relationships>',
    )
    patch_zip(
        base,
        work / "evil.docx",
        {"word/_rels/document.xml.rels": rels},
        {"word/comments.xml": with_prolog(COMMENTS.encode(), LAUGHS)},
    )
    return "evil.docx"


def _rels_target(target: str):
    def make(work: Path) -> str:
        base = _docx(work)
        rels = member(base, "word/_rels/document.xml.rels").replace(
            b'Target="styles.xml"', f'Target="{target}"'.encode()
        )
        assert target.encode() in rels
        patch_zip(base, work / "evil.docx", {"word/_rels/document.xml.rels": rels})
        return "evil.docx"

    return make


def _bytes(name: str, data: bytes):
    def make(work: Path) -> str:
        (work / name).write_bytes(data)
        return name

    return make


def _xlsx_renamed(work: Path) -> str:
    import openpyxl

    openpyxl.Workbook().save(work / "evil.docx")
    return "evil.docx"


def _bomb(work: Path) -> str:
    with zipfile.ZipFile(work / "evil.docx", "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(DOC, b" " * (48 * 1024 * 1024))
    return "evil.docx"


def _encrypted_pdf(work: Path) -> str:
    from pypdf import PdfWriter

    w = PdfWriter()
    w.add_blank_page(200, 200)
    w.encrypt(user_password="secret", owner_password="owner", algorithm="RC4-128")
    with open(work / "evil.pdf", "wb") as fh:
        w.write(fh)
    return "evil.pdf"


#: (id, builder, place, words)
CASES = [
    ("docx-dtd-document", _part(DOC, LAUGHS), "evil.docx", "DTD"),
    ("docx-xxe-document", _part(DOC, XXE), "evil.docx", "DTD"),
    ("docx-dtd-styles", _part("word/styles.xml", LAUGHS), "evil.docx", "DTD"),
    ("docx-xxe-settings", _part("word/settings.xml", XXE), "evil.docx", "DTD"),
    ("docx-dtd-content-types", _part("[Content_Types].xml", LAUGHS), "evil.docx", "DTD"),
    ("docx-dtd-core-props", _part("docProps/core.xml", XXE), "evil.docx", "DTD"),
    ("docx-comments-laughs", _comments_bomb, "evil.docx", "DTD"),
    ("docx-rels-passwd", _rels_target("../../etc/passwd"), "evil.docx", "outside"),
    ("docx-rels-absolute", _rels_target("/../../etc/passwd"), "evil.docx", None),
    ("docx-rels-encoded", _rels_target("%2e%2e/%2e%2e/etc/passwd"), "evil.docx", "outside"),
    ("docx-rels-missing", _rels_target("nothere.xml"), "evil.docx", "not in the file"),
    ("xlsx-renamed-docx", _xlsx_renamed, "evil.docx", "Excel"),
    ("docx-zip-bomb", _bomb, "evil.docx", None),
    ("docx-truncated", lambda w: (_bytes("evil.docx", _docx(w).read_bytes()[:500]))(w), "evil.docx", None),
    ("docx-empty", _bytes("evil.docx", b""), "evil.docx", None),
    (
        "docx-ole2",
        _bytes("evil.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 2048),
        "evil.docx",
        "password",
    ),
    ("pdf-encrypted", _encrypted_pdf, "evil.pdf", "password"),
    ("pdf-garbage", _bytes("evil.pdf", b"%PDF-1.7\n" + b"\xff" * 500), "evil.pdf", None),
    ("pdf-not-pdf", _bytes("evil.pdf", b"hello"), "evil.pdf", "not a PDF"),
    ("txt-binary", _bytes("evil.txt", b"\x00\x01\x02\x03" * 1000), "evil.txt", "binary"),
    ("txt-empty", _bytes("evil.txt", b""), "evil.txt", None),
    ("txt-latin1-garbage", _bytes("evil.txt", bytes(range(128, 256)) * 50), "evil.txt", None),
    ("unknown-suffix", _bytes("evil.rtf", b"{\\rtf1 x}"), "evil.rtf", None),
    ("missing", lambda w: "nope.docx", "nope.docx", "not found"),
    (
        "link-to-dev-zero",
        lambda w: ((w / "zero.docx").symlink_to("/dev/zero"), "zero.docx")[1],
        "zero.docx",
        None,
    ),
    ("fifo", lambda w: (__import__("os").mkfifo(w / "pipe.txt"), "pipe.txt")[1], "pipe.txt", None),
]


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_hostile_contract_is_refused(case, work):
    _id, build, place, words = case
    name = build(work)
    before = snapshot(work)
    res = run(["check", name, "--format", "json", "-o", "out.json", "--annotate", "annotated.docx"], work)
    assert_refused(res, place, words=words, lines=None)
    assert not (work / "out.json").exists() and not (work / "annotated.docx").exists()
    assert snapshot(work) == before


@pytest.mark.parametrize("case", CASES[:8], ids=[c[0] for c in CASES[:8]])
def test_hostile_tender_for_against_is_refused(case, work):
    _id, build, place, words = case
    name = build(work)
    res = run(["check", "contract.docx", "--against", name], work)
    assert_refused(res, place, words=words, lines=None)


def _numbering(start: str, ilvl: str = "0", fmt: str = "upperLetter"):
    def make(work: Path) -> str:
        from docx import Document
        from docx.oxml import parse_xml

        doc = Document()
        for i in range(3):
            p = doc.add_paragraph(f"条款 {i} 甲方在验收合格后30日内支付合同价款的95%。")
            p._p.get_or_add_pPr().append(
                parse_xml(
                    '<w:numPr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
                    f'<w:ilvl w:val="{ilvl}"/><w:numId w:val="1"/></w:numPr>'
                )
            )
        doc.save(str(work / "base.docx"))
        numbering = (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:numbering xmlns:w='
            '"http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:abstractNum w:abstractNumId="0">'
            f'<w:lvl w:ilvl="0"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="%1."/>'
            '</w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>'
        )
        base = work / "base.docx"
        names = zipfile.ZipFile(base).namelist()
        rels = member(base, "word/_rels/document.xml.rels")
        extra = {}
        if "word/numbering.xml" not in names:
            rels = rels.replace(
                b"</Relationships>",
                b'<Relationship Id="rId98" Type="http://schemas.openxmlformats.'
                b'org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/></Relationships>',
            )
            extra["word/numbering.xml"] = numbering.encode()
            ct = member(base, "[Content_Types].xml").replace(
                b"</Types>",
                b'<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-'
                b'officedocument.wordprocessingml.numbering+xml"/></Types>',
            )
            patch_zip(
                base,
                work / "num.docx",
                {"word/_rels/document.xml.rels": rels, "[Content_Types].xml": ct},
                extra,
            )
        else:
            patch_zip(base, work / "num.docx", {"word/numbering.xml": numbering.encode()})
        return "num.docx"

    return make


@pytest.mark.parametrize(
    "start,ilvl,fmt",
    [
        ("1000000000000", "0", "upperLetter"),
        ("999999999999999999999", "0", "chineseCounting"),
        ("-5", "0", "upperRoman"),
        ("32767", "0", "upperLetter"),
        ("1", "99", "decimal"),
        ("x", "-1", "decimal"),
        ("1" * 5000, "0", "ordinalText"),
    ],
    ids=[
        "1e12-letters",
        "21-digits-chinese",
        "negative-roman",
        "max-letters",
        "ilvl-99",
        "garbage",
        "5000-digits",
    ],
)
def test_crafted_numbering_is_bounded(start, ilvl, fmt, work):
    name = _numbering(start, ilvl, fmt)(work)
    limited = start == "1000000000000"  # one under the memory limit, the rest in-process
    res = (run_limited if limited else run)(["check", name, "--format", "json"], work)
    assert res.code in (0, 1), res.err[-2000:]
    assert "Traceback" not in res.err


N = 50_000
ADVERSARIAL_TEXTS = {
    "daily-penalty": ("乙方每日按合同总价的0.5%支付违约金，" * 3000)[:N],
    "retention": ("保留合同价款的5%作为质保金，质保期满后" * 2000)[:N],
    "en-run": ("the supplier shall pay the buyer liquidated damages " * 1200)[:N],
    "digits": "1" * 30_000,
    "digits-percent": "第一条 " + "1" * 30_000 + "%",
    "cn-numerals": "一" * N,
    "capitals": "人民币" + "壹佰" * 20_000 + "元整",
    "parentheses": "(" * 20_000 + "1" + ")" * 20_000,
    "number-words": ("one hundred and " * 4000)[:N],
    "headings": "".join(f"第{i}条 付款\n" for i in range(20_000)),
    "one-line-15k-clauses": "。".join("甲方付款" for _ in range(15_000)),
}


@pytest.mark.parametrize("name", list(ADVERSARIAL_TEXTS))
def test_adversarial_contract_text_is_checked_within_bounds(name, work):
    (work / f"{name}.txt").write_text(ADVERSARIAL_TEXTS[name], encoding="utf-8")
    limited = name in ("daily-penalty", "digits-percent")  # under the limits; the rest in-process
    res = (run_limited if limited else run)(["check", f"{name}.txt", "--format", "json"], work)
    assert res.code in (0, 1, 2), res.err[-2000:]
    assert "Traceback" not in res.err
    if res.code == 2:
        assert_refused(res, f"{name}.txt", lines=None)


@pytest.mark.slow
def test_15_mb_contract_within_memory_and_time(work):
    para = "第{}条 甲方应在验收合格后30日内支付合同价款的95%，乙方每日按合同总价的千分之五支付违约金。\n"
    with open(work / "big.txt", "w", encoding="utf-8") as fh:
        i = 0
        while fh.tell() < 15 * 1024 * 1024:
            fh.write(para.format(i))
            i += 1
    res = run_limited(["check", "big.txt", "--format", "json"], work)
    assert "Traceback" not in res.err and res.code in (0, 1, 2), res.err[-2000:]
    if res.code == 2:
        assert_refused(res, "big.txt", lines=None)


def test_utf16_contract_text_is_read(work):
    (work / "c16.txt").write_text("第一条 付款\n甲方在收到业主支付的款项后支付。\n", encoding="utf-16")
    res = run(["check", "c16.txt", "--format", "json"], work)
    assert res.code in (0, 1) and "back_to_back" in res.out, res.err
