"""`bidassist templates list|check` and `bidassist render`, through main() as a user runs them."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from conftest import EXAMPLE, PRICE, chinese_font
from docx import Document

from bidassist.cli.app import main
from bidassist.documents.pdf import soffice_path


@pytest.fixture
def bid_file(tmp_path, monkeypatch) -> Path:
    """A copy of the example bid (with its cost sheet and contract files) with offer.price."""
    for f in EXAMPLE.parent.iterdir():
        if f.suffix in (".xlsx", ".docx"):
            shutil.copy(f, tmp_path / f.name)
    text = EXAMPLE.read_text(encoding="utf-8").replace("offer:\n", f"offer:\n  price: {PRICE}\n", 1)
    path = tmp_path / "bid.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def run(capsys, *args: str) -> tuple[int, str, str]:
    try:
        main(list(args))
        code = 0
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def test_templates_list(capsys):
    code, out, _ = run(capsys, "templates", "list", "--format", "json")
    assert code == 0
    names = {t["name"]: t for t in json.loads(out)}
    assert "bid-letter" in names and names["bid-letter"]["title"] == "投标函"
    assert "price.total" in names["bid-letter"]["fields"]
    code, out, _ = run(capsys, "templates", "list")
    assert code == 0 and "开标一览表" in out


@pytest.mark.slow
def test_templates_check_lists_fields_and_what_the_data_lacks(capsys, bid_file):
    code, out, _ = run(capsys, "templates", "check", "投标函")
    assert code == 0 and "bidder.post_code" in out
    code, out, _ = run(capsys, "templates", "check", "投标函", "--data", str(bid_file))
    assert code == 0 and "every field" in out
    text = bid_file.read_text(encoding="utf-8").replace('  post_code: "310051"\n', "")
    bid_file.write_text(text, encoding="utf-8")
    code, out, _ = run(
        capsys, "templates", "check", "bid-letter", "--data", str(bid_file), "--format", "json"
    )
    assert code == 1 and json.loads(out)["missing"] == ["bidder.post_code"]


@pytest.mark.slow
def test_render_one_and_all(capsys, bid_file, tmp_path):
    out = tmp_path / "letter.docx"
    code, stdout, err = run(capsys, "render", "投标函", "--data", str(bid_file), "-o", str(out))
    assert code == 0, err
    assert any("9,876,543.21" in p.text for p in Document(str(out)).paragraphs)
    code, _, err = run(capsys, "render", "投标函", "--data", str(bid_file), "-o", str(out))
    assert code == 2 and "already exists" in err and "--force" in err
    code, _, err = run(capsys, "render", "投标函", "--data", str(bid_file), "-o", str(out), "--force")
    assert code == 0
    folder = tmp_path / "set"
    code, stdout, err = run(
        capsys, "render", "--all", "--data", str(bid_file), "-o", str(folder), "--format", "json"
    )
    assert code == 0, err
    report = json.loads(stdout)
    assert len(report["files"]) == 10 and Path(report["index"]).exists()
    assert report["price"] == "9876543.21"


@pytest.mark.slow
def test_render_user_errors_exit_2_with_one_line_each(capsys, bid_file, tmp_path):
    text = bid_file.read_text(encoding="utf-8")
    text = text.replace('  post_code: "310051"\n', "").replace("sex: 男, age: 52", "sex: 男")
    text = text.replace('id_number: "330102198807150026", ', "")
    bid_file.write_text(text, encoding="utf-8")
    folder = tmp_path / "set"
    code, _, err = run(capsys, "render", "--all", "--data", str(bid_file), "-o", str(folder))
    assert code == 2
    lines = [ln for ln in err.splitlines() if ln.startswith("error:")]
    assert len(lines) == 3
    assert not folder.exists()
    code, _, err = run(capsys, "render", "nope", "--data", str(bid_file), "-o", str(tmp_path / "x.docx"))
    assert code == 2 and "no template named" in err
    code, _, err = run(capsys, "render", "--data", str(bid_file), "-o", str(tmp_path / "x.docx"))
    assert code == 2 and "--all" in err


@pytest.mark.slow
def test_pdf_says_plainly_when_libreoffice_is_absent(capsys, bid_file, tmp_path, monkeypatch):
    import bidassist.documents.pdf as pdf
    import bidassist.documents.render as render

    monkeypatch.setattr(pdf, "soffice_path", lambda: None)
    monkeypatch.setattr(render, "soffice_path", lambda: None)
    out = tmp_path / "letter.docx"
    code, stdout, _ = run(capsys, "render", "投标函", "--data", str(bid_file), "-o", str(out), "--pdf")
    assert code == 0 and "LibreOffice is not installed" in stdout and out.exists()
    code, stdout, _ = run(
        capsys, "render", "--all", "--data", str(bid_file), "-o", str(tmp_path / "s"), "--pdf"
    )
    assert code == 0 and "LibreOffice is not installed" in stdout


@pytest.mark.slow
@pytest.mark.skipif(
    soffice_path() is None or not chinese_font(),
    reason="LibreOffice, or a font for Chinese, is not installed",
)
def test_pdf_conversion_with_libreoffice(capsys, bid_file, tmp_path):
    out = tmp_path / "报价表.docx"
    code, stdout, err = run(capsys, "render", "分项报价表", "--data", str(bid_file), "-o", str(out), "--pdf")
    assert code == 0, err
    pdf_file = out.with_suffix(".pdf")
    from pypdf import PdfReader

    text = "".join(page.extract_text() for page in PdfReader(str(pdf_file)).pages)
    assert "9,876,543.21" in text and "分项报价表" in text
    if shutil.which("pdftoppm"):
        import subprocess

        subprocess.run(
            ["pdftoppm", "-png", "-r", "40", "-f", "1", "-l", "1", str(pdf_file), str(tmp_path / "page")],
            check=True,
        )
        assert list(tmp_path.glob("page*.png"))


@pytest.mark.slow
def test_render_bound_and_price_source(capsys, bid_file, tmp_path):
    folder = tmp_path / "bound"
    code, stdout, err = run(
        capsys, "render", "--all", "--bound", "--copy", "副本", "--data", str(bid_file), "-o", str(folder)
    )
    assert code == 0, err
    assert (folder / "00_投标文件（副本）.docx").exists() and (folder / "index.html").exists()
    assert "offer.price in the bid file" in stdout and "analysis status" in stdout
    code, _, err = run(
        capsys, "render", "投标函", "--bound", "--data", str(bid_file), "-o", str(tmp_path / "x.docx")
    )
    assert code == 2 and "--bound" in err
    code, _, err = run(
        capsys,
        "render",
        "--all",
        "--data",
        str(bid_file),
        "-o",
        str(tmp_path / "y"),
        "--price-result",
        str(tmp_path / "missing.json"),
    )
    assert code == 2 and "price result not found" in err


def test_bill_map_template_cli(capsys, bid_file, tmp_path):
    from openpyxl import Workbook, load_workbook

    code, _, err = run(
        capsys, "bill", "map-template", "--data", str(bid_file), "-o", str(tmp_path / "m.xlsx")
    )
    assert code == 2 and "tender.bill" in err
    wb = Workbook()
    ws = wb.active
    ws.append(["序号", "项目编码", "项目名称", "计量单位", "工程量", "综合单价", "合价"])
    ws.append([1, "030701001001", "空调机组", "台", 4, None, None])
    ws.append([2, "030702001001", "风管", "m²", 5230.5, None, None])
    wb.save(tmp_path / "招标清单.xlsx")
    text = bid_file.read_text(encoding="utf-8").replace(
        "tender:\n", 'tender:\n  bill: {file: 招标清单.xlsx}\n  bill_map: {"030701001001": [设备]}\n', 1
    )
    bid_file.write_text(text, encoding="utf-8")
    out = tmp_path / "map.xlsx"
    code, stdout, err = run(capsys, "bill", "map-template", "--data", str(bid_file), "-o", str(out))
    assert code == 0, err
    rows = list(load_workbook(out)["清单映射"].iter_rows(min_row=2, values_only=True))
    assert [r[1] for r in rows] == ["030701001001", "030702001001"]
    assert rows[0][5] == "设备" and not rows[1][5]
    # the second item is unmapped: render lists it and writes nothing
    code, _, err = run(capsys, "render", "--all", "--data", str(bid_file), "-o", str(tmp_path / "set"))
    assert code == 2 and "030702001001" in err and "mapped to no cost line" in err
    assert not (tmp_path / "set").exists()
