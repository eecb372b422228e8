"""Write the .doc fixtures of tests/reading/test_contract_doc_reading.py (run by hand; needs LibreOffice).

    .venv/bin/python tests/reading/files/make_doc_fixtures.py

Each .doc is a real Word 97-2003 binary written by LibreOffice (`soffice --convert-to doc`) from a .docx
built here (our own text, no third-party content), and the .docx is kept beside it: the test reads both and
expects the same blocks. numbered.doc: automatic numbering (第%1条 / %1.%2 / （%3） in chineseCounting, a
restart), a table with a two-paragraph cell, a tracked deletion, hidden text, a field. The bundled example
contract is converted as it is (hospital.doc).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE.parents[2]))

from _reading_docx_helpers import add_abstract, add_num, new_document, numbered, raw_paragraph, run  # noqa: E402


def numbered_docx(path: Path) -> Path:
    doc = new_document()
    add_abstract(
        doc,
        90,
        [
            {"fmt": "chineseCounting", "text": "第%1条"},
            {"fmt": "decimal", "text": "%1.%2"},
            {"fmt": "chineseCounting", "text": "（%3）"},
        ],
    )
    add_num(doc, 90, 90)
    doc.add_paragraph("设备采购合同")
    doc.add_paragraph("甲方（采购人）：某某医院")
    doc.add_paragraph("乙方（供应商）：某某设备有限公司")
    numbered(doc, "合同价款", 90, 0)
    numbered(doc, "合同总价为人民币壹佰万元整（¥1,000,000.00）。", 90, 1)
    numbered(doc, "合同价格包含一切风险，不因任何因素调整。", 90, 1)
    numbered(doc, "付款方式", 90, 0)
    numbered(doc, "甲方在收到业主支付的工程款后，按比例支付乙方相应款项。", 90, 1)
    numbered(doc, "甲方有权从应付乙方的任何款项中直接扣除乙方应支付的违约金。", 90, 2)
    numbered(doc, "质保金为合同总价的10%，质保期满两年后无息返还。", 90, 2)
    table = doc.add_table(rows=2, cols=3)
    table.cell(0, 0).text, table.cell(0, 1).text, table.cell(0, 2).text = "付款节点", "比例", "条件"
    table.cell(1, 0).text, table.cell(1, 1).text = "验收合格后", "60%"
    table.cell(1, 2).text = "经甲方审计后"
    table.cell(1, 2).add_paragraph("支付至审定金额的95%")
    numbered(doc, "违约责任", 90, 0)
    raw_paragraph(
        doc,
        run("乙方逾期交货的，每逾期一日按合同总价的")
        + '<w:del w:id="1" w:author="A" w:date="2026-01-01T00:00:00Z"><w:r><w:delText>千分之一</w:delText></w:r></w:del>'
        + '<w:ins w:id="2" w:author="A" w:date="2026-01-01T00:00:00Z"><w:r><w:t>1%</w:t></w:r></w:ins>'
        + run("支付违约金。")
        + "<w:r><w:rPr><w:vanish/></w:rPr><w:t>（内部备注：不向乙方展示）</w:t></w:r>",
    )
    raw_paragraph(
        doc,
        run("合同签订日期：")
        + '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> DATE </w:instrText></w:r>'
        + '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        + run("2026年1月1日")
        + '<w:r><w:fldChar w:fldCharType="end"/></w:r>',
    )
    doc.save(str(path))
    return path


def to_doc(docx_path: Path, out: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            ["soffice", "--headless", "--convert-to", "doc", "--outdir", tmp, str(docx_path)],
            check=True,
            capture_output=True,
        )
        shutil.move(Path(tmp) / (docx_path.stem + ".doc"), out)


def main() -> None:
    source = numbered_docx(HERE / "numbered.docx")
    to_doc(source, HERE / "numbered.doc")
    example = HERE.parents[2] / "bidassist" / "examples" / "hospital" / "contract.docx"
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "hospital.docx"
        shutil.copy(example, copy)
        to_doc(copy, HERE / "hospital.doc")
    print("wrote", *(p.name for p in sorted(HERE.glob("*.doc*"))))


if __name__ == "__main__":
    main()
