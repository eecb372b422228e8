"""End to end in real headless Chromium (the distribution's, driven by Playwright): upload the
bundled contract, see the findings, waive one, download the annotated .docx; run a price and see
the curve; upload a bad cost sheet and see the error cell highlighted. Screenshots of each page go
to the test's tmp folder (screens/)."""

from __future__ import annotations

import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
import yaml
from web_helpers import CHROMIUM

pytestmark = pytest.mark.browser

ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture
def browser_page(tmp_path: Path):
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: .ci/run installs Debian's chromium (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        context = p.chromium.launch_persistent_context(
            str(tmp_path / "profile"),
            executable_path=str(CHROMIUM),
            headless=True,
            args=ARGS,
            accept_downloads=True,
            viewport={"width": 1360, "height": 900},
            locale="zh-CN",
        )
        page = context.new_page()
        page.set_default_timeout(90_000)
        try:
            yield page
        finally:
            context.close()


def shot(page, tmp_path: Path, name: str) -> Path:
    folder = tmp_path / "screens"
    folder.mkdir(exist_ok=True)
    path = folder / f"{name}.png"
    page.screenshot(path=str(path), full_page=False)
    assert path.stat().st_size > 10_000
    return path


def test_contract_review_waive_and_download(server, browser_page, workspace: Path, tmp_path: Path):
    base, _ = server
    page = browser_page
    page.goto(base + "/")
    assert "bidassist" in page.title()
    shot(page, tmp_path, "01-home")

    page.goto(base + "/contract")
    page.set_input_files("input[name=contract]", str(workspace / "contract.docx"))
    page.set_input_files("input[name=against]", str(workspace / "tender_terms.docx"))
    page.click("#contract-form button[type=submit]")
    page.wait_for_url("**/contract/*")
    findings = page.locator(".clauses .finding")
    before = findings.count()
    assert before > 0
    assert page.locator(".finding.sev-high").count() > 0
    assert page.locator("#changes tbody tr").count() > 0  # compared with the tender terms
    assert page.locator("#key-terms tbody tr").count() > 0
    shot(page, tmp_path, "02-contract-review")
    page.locator(".clauses .row.flagged").first.evaluate("e => e.scrollIntoView()")
    shot(page, tmp_path, "02b-contract-findings")

    first = findings.first
    rule = first.locator("code").first.inner_text()
    first.locator("details.waive summary").click()
    first.locator("input[name=reason]").fill("已与甲方谈妥 agreed with the buyer")
    first.locator("form.waive-form button").click()
    page.wait_for_load_state()
    assert page.locator(".clauses .finding").count() == before - 1
    assert page.locator("ul.waived li").count() == 1
    waivers = yaml.safe_load((workspace / "waivers.yaml").read_text(encoding="utf-8"))["waivers"]
    assert [w["rule"] for w in waivers] == [rule]
    assert waivers[0]["reason"] == "已与甲方谈妥 agreed with the buyer"
    shot(page, tmp_path, "03-contract-waived")

    page.select_option("select[name=severity]", "high")
    page.wait_for_url("**severity=high**")
    assert page.locator(".clauses .finding").count() == page.locator(".clauses .finding.sev-high").count()

    with page.expect_download() as info:
        page.click("a.download[href$='annotated.docx']")
    saved = tmp_path / "annotated.docx"
    info.value.save_as(saved)
    import docx

    document = docx.Document(str(saved))
    assert len(document.paragraphs) > 10
    with zipfile.ZipFile(saved) as zf:
        comments = zf.read("word/comments.xml").decode("utf-8")
    assert (
        comments.count("<w:comment ") == before - 1 + page.locator(".general .finding").count()
        or comments.count("<w:comment ") > 0
    )


def test_price_curve_and_cancel(server, browser_page, tmp_path: Path):
    base, _ = server
    page = browser_page
    page.goto(base + "/pricing?bid=bid.yaml")
    page.fill("input[name=iterations]", "20000")
    page.fill("input[name=rivals]", "4")
    page.click("#run")
    page.wait_for_selector("#result", timeout=120_000)
    curve = page.locator("svg[aria-label=win-profit-curve] path.line.pwin")
    assert curve.count() == 1
    assert len(curve.get_attribute("d").split("L")) > 20
    assert page.locator("svg[aria-label=cost-s-curve] path.line.cost").count() == 1
    assert page.locator("svg[aria-label=tornado] rect.bar").count() > 2
    assert page.locator("#recommended").inner_text().strip()
    shot(page, tmp_path, "04-pricing")

    page.fill("input[name=iterations]", "2000000")
    page.click("#run")
    bar = page.locator("#job progress")
    deadline = time.monotonic() + 60
    while bar.evaluate("e => e.value") == 0 and time.monotonic() < deadline:  # the page's own script moves it
        time.sleep(0.2)
    assert bar.evaluate("e => e.value") > 0
    shot(page, tmp_path, "05-pricing-progress")
    page.click("#cancel")
    page.wait_for_selector("#cancelled", timeout=60_000)


def test_bad_sheet_error_cell_and_error_page(server, browser_page, tmp_path: Path):
    from openpyxl import Workbook

    bad = tmp_path / "bad_costs.xlsx"
    wb = Workbook()
    ws = wb.active
    ws.title = "成本"
    ws.append(["编码", "名称", "单位", "数量", "单价"])
    ws.append(["A1", "风管", "m2", 120, 85.5])
    ws.append(["A2", "阀门", "个", "十二", 300])
    ws.append(["A3", "水泵", "台", 2, 4200])
    wb.save(bad)
    base, _ = server
    page = browser_page
    page.goto(base + "/costs")
    page.set_input_files("input[name=sheet]", str(bad))
    page.click("#costs-form button")
    page.wait_for_selector("#errors")
    marked = page.locator("td.cell-error")
    assert marked.count() >= 1
    assert "D3" in [marked.nth(i).get_attribute("data-cell") for i in range(marked.count())]
    assert marked.first.inner_text() == "十二"
    shot(page, tmp_path, "06-costs-error-cell")

    not_a_contract = tmp_path / "virus.exe"
    not_a_contract.write_bytes(b"MZ" + b"\0" * 100)
    page.goto(base + "/contract")
    page.set_input_files("input[name=contract]", str(not_a_contract))
    page.click("#contract-form button[type=submit]")
    page.wait_for_selector("#errors")
    text = page.locator("#errors").inner_text()
    assert "contract must be one of" in text and "Traceback" not in page.content()
    shot(page, tmp_path, "07-error-page")


def test_documents_zip_and_history(server, browser_page, workspace: Path, tmp_path: Path):
    base, _ = server
    page = browser_page
    page.goto(base + "/documents")
    page.click("#render")
    page.wait_for_selector("#zip", timeout=180_000)
    with page.expect_download() as info:
        page.click("#zip")
    saved = tmp_path / "set.zip"
    info.value.save_as(saved)
    with zipfile.ZipFile(saved) as zf:
        names = zf.namelist()
    assert any(n.endswith(".docx") for n in names)
    shot(page, tmp_path, "08-documents")

    bids = tmp_path / "bids.csv"
    bids.write_text(
        "tender,buyer,bidder,price\nH1,滨江市第一人民医院,甲公司,90\nH1,滨江市第一人民医院,丙公司,95\n"
        "G1,国网浙江省电力有限公司,甲公司,100\n",
        encoding="utf-8",
    )
    subprocess.run(
        [
            sys.executable,
            "-m",
            "bidassist",
            "history",
            "import",
            str(bids),
            "--db",
            str(workspace / "bidassist.db"),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    page.goto(base + "/history")
    page.click("#tenders a")  # the first tender's buyer: that customer's history
    page.wait_for_url("**buyer=**")
    assert page.locator("#tenders tbody tr").count() == 1
    shot(page, tmp_path, "09-history")

    import shutil

    from web_helpers import EXAMPLE

    from bidassist.workflow import import_bid_ledger

    shutil.copytree(EXAMPLE / "ledger", workspace / "ledger")
    import_bid_ledger(workspace / "bid.yaml", workspace / "bidassist.db")
    page.goto(base + "/accounts")
    assert page.locator("#tiers tbody tr").count() >= 1
    page.click("#tiers tbody tr a")
    page.wait_for_selector("#account")
    shot(page, tmp_path, "10-accounts")
