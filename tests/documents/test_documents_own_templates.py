"""A bid manager's own templates: Word's split runs, row tags, the sandbox, syntax errors,
text templates, and read-back checks that catch a wrong capital."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import PRICE
from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from bidassist.core.errors import InputError, ProblemsError
from bidassist.core.money import format_money, rmb_upper
from bidassist.documents import inspect_fields, render_documents, render_template
from bidassist.documents.manifest import find_template


def split_run_docx(
    path: Path, pieces: list[list[str]], table_rows: list[list[list[str]]] | None = None
) -> Path:
    """A .docx whose paragraphs are made of the given runs, as Word writes a tag it split (with a
    spell-check marker between runs); table rows are lists of cells, each a list of runs."""
    doc = Document()
    for runs in pieces:
        p = doc.add_paragraph()
        for i, text in enumerate(runs):
            if i:
                marker = OxmlElement("w:proofErr")
                marker.set(qn("w:type"), "spellStart")
                p._p.append(marker)
            r = p.add_run(text)
            r.bold = bool(i % 2)  # different run properties, as after editing in Word
    if table_rows:
        t = doc.add_table(rows=0, cols=max(len(r) for r in table_rows))
        t.style = doc.styles["Table Grid"]
        for row in table_rows:
            cells = t.add_row().cells
            for cell, runs in zip(cells, row, strict=False):
                for text in runs:
                    cell.paragraphs[0].add_run(text)
    doc.save(str(path))
    return path


def test_tags_split_across_runs_and_row_tags(bid, costs, tmp_path):
    bid.bidder.company = 'A & B <Tech> "Q"'
    tpl = split_run_docx(
        tmp_path / "mine.docx",
        [
            ["投标人：{", "{ bidder.", "comp", "any }", "}"],
            ["总价：{{ price.total | ", "rmb_upper }}（{{ price.total", " | money }}）"],
            ["{% if tender.agency %}代理机构：{{ tender", ".agency }}{% endif %}"],
        ],
        table_rows=[
            [["序号"], ["名称"], ["合价"]],
            [["{%tr for row in sche", "dule.rows %}"], [""], [""]],
            [["{{ row.no }}"], ["{{ row.", "description }}"], ["{{ row.total | mo", "ney }}"]],
            [["{%tr endfor %}"], [""], [""]],
        ],
    )
    out = render_template(tpl, bid, costs, PRICE, tmp_path / "out.docx")
    doc = Document(str(out))
    texts = [p.text for p in doc.paragraphs]
    assert texts[0] == 'A & B <Tech> "Q"'.join(["投标人：", ""])
    assert texts[1] == f"总价：{rmb_upper(PRICE)}（{format_money(PRICE)}）"
    assert texts[2] == "代理机构：滨江市政府采购中心"
    rows = doc.tables[0].rows
    assert len(rows) == 1 + len(costs.lines)
    assert [c.text for c in rows[1].cells][:2] == ["1", costs.lines[0].description]
    fields = {f.path for f in inspect_fields(find_template(tpl))}
    assert {"bidder.company", "price.total", "schedule.rows[].description"} <= fields


@pytest.mark.parametrize(
    "expr",
    [
        "{{ ''.__class__.__mro__ }}",
        "{{ ''.__class__.__mro__[1].__subclasses__() }}",
        "{{ bidder.__class__ }}",
        "{{ cycler.__init__.__globals__ }}",
        "{{ price.total.__class__.__name__ }}",
    ],
)
def test_sandbox_refuses_python_internals(expr, bid, costs, tmp_path):
    tpl = tmp_path / "evil.txt"
    tpl.write_text(f"hello {expr}", encoding="utf-8")
    with pytest.raises(InputError, match="sandbox|missing field"):
        render_template(tpl, bid, costs, PRICE, tmp_path / "evil_out.txt")
    assert not (tmp_path / "evil_out.txt").exists()
    docx = split_run_docx(tmp_path / "evil.docx", [[expr]])
    with pytest.raises(InputError, match="sandbox|missing field"):
        render_template(docx, bid, costs, PRICE, tmp_path / "evil_out.docx")


def test_sandbox_has_no_file_access(bid, costs, tmp_path):
    (tmp_path / "secret.txt").write_text("s3cret", encoding="utf-8")
    tpl = tmp_path / "inc.md"
    tpl.write_text("{% include 'secret.txt' %}", encoding="utf-8")
    with pytest.raises(InputError):
        render_template(tpl, bid, costs, PRICE, tmp_path / "inc_out.md")


def test_syntax_errors_report_file_and_line(bid, costs, tmp_path):
    tpl = tmp_path / "broken.md"
    tpl.write_text("# 投标函\n\n{{ bidder.company }}\n{% if tender.lot %}\nno end\n", encoding="utf-8")
    with pytest.raises(ProblemsError) as err:
        render_template(tpl, bid, costs, PRICE, tmp_path / "b.md")
    assert str(err.value.problems[0]).startswith("broken.md:")
    assert "syntax error" in str(err.value)
    docx = split_run_docx(tmp_path / "broken.docx", [["第一段"], ["第二段 {{ bidder.company }"], ["第三段"]])
    with pytest.raises(ProblemsError) as err:
        render_template(docx, bid, costs, PRICE, tmp_path / "b.docx")
    where = err.value.problems[0].where
    assert where.startswith("broken.docx: paragraph 2") and "第二段" in where


def test_text_templates_markdown_and_html(bid, costs, tmp_path):
    bid.bidder.company = "A & B <Tech>"
    md = tmp_path / "cover.md"
    md.write_text(
        "# {{ tender.name }}\n\n投标人：{{ bidder.company }}\n\n"
        "总价：人民币{{ price.total | rmb_upper }}（¥{{ price.total | money }}）\n"
        "日期：{{ date | date_cn }}，税率 {{ price.vat_rate | percent }}\n",
        encoding="utf-8",
    )
    out = render_template(md, bid, costs, PRICE, tmp_path / "cover_out.md")
    text = out.read_text(encoding="utf-8")
    assert "投标人：A & B <Tech>" in text and "2026年12月10日" in text and "税率 13%" in text
    html = tmp_path / "cover.html"
    html.write_text("<p>{{ bidder.company }}</p>", encoding="utf-8")
    out = render_template(html, bid, costs, PRICE, tmp_path / "cover_out.html")
    assert out.read_text(encoding="utf-8") == "<p>A &amp; B &lt;Tech&gt;</p>"


def test_readback_catches_capitals_that_disagree_with_figures(bid, costs, tmp_path):
    tpl = tmp_path / "wrong.md"
    # a hand-typed capital: the figure is the price, the capitals are not
    tpl.write_text("人民币（大写）壹佰元整（¥{{ price.total | money }}）\n", encoding="utf-8")
    with pytest.raises(ProblemsError, match="capitals read 100.00"):
        render_template(tpl, bid, costs, PRICE, tmp_path / "wrong_out.md")
    tpl.write_text("人民币（大写）叁佰贰拾伍元肆分（¥325.04）\n", encoding="utf-8")
    with pytest.raises(ProblemsError, match="capitals do not read"):
        render_template(tpl, bid, costs, PRICE, tmp_path / "wrong_out.md")
    tpl.write_text("{{ '{{' }} left over\n", encoding="utf-8")
    with pytest.raises(ProblemsError, match="unrendered"):
        render_template(tpl, bid, costs, PRICE, tmp_path / "wrong_out.md")
    assert not (tmp_path / "wrong_out.md").exists()


def test_own_template_folder_replaces_and_extends_the_set(bid, costs, tmp_path):
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "cover.md").write_text("{{ bidder.company }} {{ offer.date | date_cn }}\n", encoding="utf-8")
    (folder / "manifest.yaml").write_text(
        "templates:\n  - {name: cover, title: 封面, language: any, file: cover.md, output: 00_封面.md}\n",
        encoding="utf-8",
    )
    bid.documents.template_dir = folder
    bid.documents.language = "zh"
    report = render_documents(bid, costs, PRICE, tmp_path / "out")
    names = [f.path.name for f in report.files]
    assert "00_封面.md" in names and "01_投标函.docx" in names and "11_form_of_tender.docx" not in names
    assert (tmp_path / "out" / "00_封面.md").read_text(encoding="utf-8").startswith(bid.bidder.company)


def test_a_corrupt_template_is_refused(bid, costs, tmp_path):
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(InputError):
        render_template(bad, bid, costs, PRICE, tmp_path / "bad_out.docx")
