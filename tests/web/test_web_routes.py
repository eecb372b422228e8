"""Every page and every error path through Starlette's test client, on a workspace holding the
bundled example. Errors are one line per problem, never a traceback."""

from __future__ import annotations

import io
import json
import re
import time
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
import yaml
from web_helpers import csrf_of

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _token(client, path: str = "/contract") -> str:
    return csrf_of(client.get(path).text)


def _one_line_error(r, status: int, words: str) -> None:
    assert r.status_code == status, r.text[:500]
    assert words in r.text
    assert "Traceback" not in r.text and 'File "' not in r.text


def _review(client, workspace: Path, name: str = "contract.docx", against: str | None = None):
    files = {"contract": (name, (workspace / name).read_bytes(), DOCX)}
    if against:
        files["against"] = (against, (workspace / against).read_bytes(), DOCX)
    return client.post("/contract", data={"csrf": _token(client)}, files=files, follow_redirects=False)


def test_every_page_renders_with_a_csrf_token(client):
    for path in ("/", "/contract", "/pricing", "/pricing?bid=bid.yaml", "/costs", "/documents"):
        r = client.get(path)
        assert r.status_code == 200, path
        assert "bidassist" in r.text
        if path != "/":
            csrf_of(r.text)
    assert "bid.yaml" in client.get("/").text
    home = client.get("/")
    assert "default-src 'self'" in home.headers["content-security-policy"]
    assert home.headers["x-frame-options"] == "DENY"


def test_static_files_and_unknown_pages(client):
    assert "pollJob" in client.get("/static/app.js").text
    _one_line_error(client.get("/nowhere"), 404, "Not Found")
    assert client.get("/static/../../../../etc/passwd").status_code == 404
    _one_line_error(client.get("/contract/0123"), 404, "no such review")
    _one_line_error(client.get("/pricing/run/" + "a" * 32), 404, "no such pricing run")
    _one_line_error(client.get("/documents/" + "b" * 32 + "/download/zip"), 404, "no such document set")


def test_post_without_csrf_token_is_refused(client, workspace):
    client.get("/contract")
    files = {"contract": ("contract.docx", (workspace / "contract.docx").read_bytes(), DOCX)}
    _one_line_error(client.post("/contract", files=files), 403, "CSRF")
    _one_line_error(client.post("/contract", data={"csrf": "0" * 64}, files=files), 403, "CSRF")


@pytest.mark.slow
def test_contract_review_shows_findings_beside_clauses(client, workspace):
    r = _review(client, workspace, against="tender_terms.docx")
    assert r.status_code == 303
    page = client.get(r.headers["location"])
    assert page.status_code == 200
    html = page.text
    assert html.count('class="finding sev-') > 5
    assert 'id="key-terms"' in html and 'id="changes"' in html and "→" in html
    assert "建议措辞 fallback" in html and "依据 basis" in html
    high = client.get(r.headers["location"] + "?severity=high").text
    assert 'class="finding sev-medium' not in high and 'class="finding sev-high' in high


@pytest.mark.slow
def test_downloads_of_a_review(client, workspace):
    location = _review(client, workspace).headers["location"]
    data = client.get(location + "/download/report.json")
    assert data.status_code == 200
    report = json.loads(data.text)
    assert report["summary"]["findings"] == len(report["findings"]) > 0
    for name in ("report.md", "report.html"):
        assert client.get(f"{location}/download/{name}").status_code == 200
    annotated = client.get(location + "/download/annotated.docx")
    assert annotated.headers["content-type"] == DOCX
    with zipfile.ZipFile(io.BytesIO(annotated.content)) as zf:
        assert "word/comments.xml" in zf.namelist()
    _one_line_error(client.get(location + "/download/contract.docx"), 404, "no such download")
    _one_line_error(client.get(location + "/download/..%2F..%2Fetc%2Fpasswd"), 404, "Not Found")


@pytest.mark.slow
def test_waiver_is_stored_and_applied_next_time(client, workspace):
    location = _review(client, workspace).headers["location"]
    report = json.loads(client.get(location + "/download/report.json").text)
    first = report["findings"][0]
    token = _token(client)
    r = client.post(
        location + "/waive",
        data={"csrf": token, "key": first["waiver_key"], "reason": "agreed with the buyer"},
        follow_redirects=False,
    )
    assert r.status_code == 303
    stored = yaml.safe_load((workspace / "waivers.yaml").read_text(encoding="utf-8"))["waivers"]
    assert stored[0]["key"] == first["waiver_key"] and stored[0]["rule"] == first["rule"]
    after = json.loads(client.get(location + "/download/report.json").text)
    assert after["summary"]["waived"] == 1 and len(after["findings"]) == len(report["findings"]) - 1
    # a new upload of the same contract: the stored waiver applies, as the CLI's --waivers does
    again = _review(client, workspace).headers["location"]
    fresh = json.loads(client.get(again + "/download/report.json").text)
    assert first["waiver_key"] not in {f["waiver_key"] for f in fresh["findings"]}
    from bidassist.checklist import check_contract

    cli_like = check_contract(workspace / "contract.docx", waivers=workspace / "waivers.yaml")
    assert len(cli_like.findings) == len(fresh["findings"])


@pytest.mark.slow
def test_waive_errors(client, workspace):
    location = _review(client, workspace).headers["location"]
    token = _token(client)
    _one_line_error(
        client.post(location + "/waive", data={"csrf": token, "key": "0" * 16, "reason": "x"}),
        400,
        "no such finding",
    )
    _one_line_error(
        client.post(location + "/waive", data={"csrf": token, "key": "nothex", "reason": "x"}),
        400,
        "not a finding key",
    )
    key = json.loads(client.get(location + "/download/report.json").text)["findings"][0]["waiver_key"]
    _one_line_error(
        client.post(location + "/waive", data={"csrf": token, "key": key}), 400, "reason: missing field"
    )
    assert not (workspace / "waivers.yaml").exists()


@pytest.mark.slow
def test_bad_uploads(client, workspace, tmp_path):
    token = _token(client)

    def post(name: str, content: bytes, field: str = "contract"):
        return client.post(
            "/contract", data={"csrf": token}, files={field: (name, content, "application/octet-stream")}
        )

    _one_line_error(
        client.post("/contract", data={"csrf": token}), 400, "contract: no contract uploaded (missing field)"
    )
    _one_line_error(
        post("setup.exe", b"MZ" + b"\0" * 64), 400, "contract must be one of .doc, .docx, .md, .pdf, .txt"
    )
    # a .doc is a Word 97-2003 compound file (or a .docx or PDF saved under that name); RTF is not
    _one_line_error(post("contract.doc", b"{\\rtf1 contract}"), 400, "does not match the extension")
    _one_line_error(post("contract.docx", b"%PDF-1.4 not a docx"), 400, "does not match the extension")
    _one_line_error(post("contract.docx", b"PK\x03\x04 truncated"), 400, "corrupt or truncated")
    _one_line_error(post("contract.txt", b""), 400, "contract is empty")
    _one_line_error(post("contract.txt", b"\x00\x01binary"), 400, "not a text file")
    _one_line_error(post("contract.pdf", b"%PDF-1.4\n%%EOF garbage"), 400, "contract.pdf")


@pytest.mark.slow
def test_zip_bomb_is_refused(client, tmp_path):
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", b"\0" * (40 * 2**20))
    assert bomb.tell() < 2**20
    r = client.post(
        "/contract", data={"csrf": _token(client)}, files={"contract": ("bomb.docx", bomb.getvalue(), DOCX)}
    )
    _one_line_error(r, 400, "zip bomb")


def test_too_large_upload_is_refused(client):
    token = _token(client)
    big = b"a" * (3 * 2**20)  # the test app allows 2 MB
    r = client.post("/contract", data={"csrf": token}, files={"contract": ("big.txt", big, "text/plain")})
    _one_line_error(r, 413, "upload limit")


def test_cost_sheet_import_and_error_cells(client, workspace, tmp_path):
    token = _token(client, "/costs")
    ok = client.post(
        "/costs",
        data={"csrf": token},
        files={"sheet": ("costs.xlsx", (workspace / "costs.xlsx").read_bytes(), "application/octet-stream")},
    )
    assert ok.status_code == 200
    assert 'id="lines"' in ok.text and 'id="totals"' in ok.text and "cell-error" not in ok.text
    assert re.search(r'id="currency"><span>[^<]*</span><b>CNY</b>', ok.text)  # the sheet's 元 columns
    bad = tmp_path / "bad.csv"
    bad.write_text("编码,名称,单位,数量,单价\nA1,风管,m2,120,85.5\nA2,阀门,个,十二,300\n", encoding="utf-8")
    r = client.post(
        "/costs", data={"csrf": token}, files={"sheet": ("bad.csv", bad.read_bytes(), "text/csv")}
    )
    assert r.status_code == 422
    assert 'class="cell-error" data-cell="D3"' in r.text
    _one_line_error(
        client.post("/costs", data={"csrf": token}, files={"sheet": ("x.docx", b"PK..", DOCX)}),
        400,
        "cost sheet must be one of",
    )
    _one_line_error(client.post("/costs", data={"csrf": token}), 400, "missing field")


def _wait(client, location: str, seconds: float = 120) -> dict:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        status = client.get(location + "/status").json()
        if status["state"] != "running":
            return status
        time.sleep(0.2)
    raise AssertionError("the pricing run did not finish")


def test_pricing_run_shows_curves(client):
    token = _token(client, "/pricing")
    r = client.post(
        "/pricing", data={"csrf": token, "bid": "bid.yaml", "iterations": "2000"}, follow_redirects=False
    )
    assert r.status_code == 303
    status = _wait(client, r.headers["location"])
    assert status["state"] == "done", status
    html = client.get(r.headers["location"]).text
    for label in ("win-profit-curve", "cost-s-curve", "tornado"):
        assert f'aria-label="{label}"' in html
    assert 'id="recommended"' in html
    data = client.get(r.headers["location"] + "/price.json").json()
    assert data["recommended"]["price"] and data["curve"]
    assert data["inputs"]["iterations"] == 2000


def test_pricing_errors(client, workspace):
    token = _token(client, "/pricing")
    _one_line_error(client.post("/pricing", data={"csrf": token}), 400, "missing field")
    _one_line_error(
        client.post("/pricing", data={"csrf": token, "bid": "../../etc/passwd"}),
        400,
        "no such bid file in the workspace",
    )
    _one_line_error(client.get("/pricing?bid=/etc/passwd"), 400, "no such bid file")
    _one_line_error(
        client.post("/pricing", data={"csrf": token, "bid": "bid.yaml", "iterations": "ten"}),
        400,
        "iterations: expected a whole number",
    )
    _one_line_error(
        client.post("/pricing", data={"csrf": token, "bid": "bid.yaml", "spread_low": "0.9"}),
        400,
        "low, most likely and high",
    )
    _one_line_error(
        client.post("/pricing", data={"csrf": token, "bid": "bid.yaml", "method": "bribe"}),
        400,
        "method: must be one of",
    )


def test_uploaded_bid_may_not_name_files_outside_its_upload(client, workspace, tmp_path):
    text = (
        (workspace / "bid.yaml")
        .read_text(encoding="utf-8")
        .replace("file: costs.xlsx", "file: /etc/passwd.xlsx")
    )
    assert "/etc/passwd.xlsx" in text
    token = _token(client, "/pricing")
    r = client.post(
        "/pricing",
        data={"csrf": token, "iterations": "500"},
        files={"bidfile": ("bid.yaml", text.encode(), "text/yaml")},
        follow_redirects=False,
    )
    assert r.status_code == 303
    status = _wait(client, r.headers["location"])
    assert status["state"] == "failed"
    _one_line_error(client.get(r.headers["location"]), 400, "may only name files uploaded with it")


def test_uploaded_bid_with_its_cost_sheet(client, workspace):
    text = (workspace / "bid.yaml").read_text(encoding="utf-8")
    token = _token(client, "/pricing")
    r = client.post(
        "/pricing",
        data={"csrf": token, "iterations": "1000"},
        follow_redirects=False,
        files={
            "bidfile": ("bid.yaml", text.encode(), "text/yaml"),
            "costsfile": ("costs.xlsx", (workspace / "costs.xlsx").read_bytes(), "application/octet-stream"),
        },
    )
    status = _wait(client, r.headers["location"])
    assert status["state"] in ("done", "failed")
    html = client.get(r.headers["location"]).text
    # the contract file it names was not uploaded: refused before anything is read
    assert ("may only name files uploaded with it" in html) or 'id="recommended"' in html


@pytest.mark.slow
def test_documents_render_and_zip(client, workspace):
    bid = workspace / "bid.yaml"
    bid.write_text(
        bid.read_text(encoding="utf-8").replace("offer:\n", "offer:\n  price: 11200000\n", 1),
        encoding="utf-8",
    )
    token = _token(client, "/documents")
    r = client.post("/documents", data={"csrf": token, "bid": "bid.yaml"}, follow_redirects=False)
    assert r.status_code == 303, r.text[:400]
    html = client.get(r.headers["location"]).text
    assert "11,200,000.00" in html and "offer.price in the bid file" in html
    z = client.get(r.headers["location"] + "/download/zip")
    with zipfile.ZipFile(io.BytesIO(z.content)) as zf:
        assert any(n.endswith(".docx") for n in zf.namelist())
        assert "index.html" in zf.namelist() and any("投标文件" in n for n in zf.namelist())
    bound = client.get(r.headers["location"] + "/download/bound")
    assert bound.status_code == 200 and bound.content[:2] == b"PK"
    _one_line_error(
        client.post("/documents", data={"csrf": token, "bid": "../bid.yaml"}), 400, "no such bid file"
    )
    _one_line_error(client.post("/documents", data={"csrf": token}), 400, "bid: missing field")


@pytest.mark.slow
def test_private_area_is_private_and_removed_at_shutdown(workspace):
    from starlette.testclient import TestClient

    from bidassist.web import WebConfig, create_app

    app = create_app(WebConfig(workspace=workspace))
    with TestClient(app) as c:
        assert _review(c, workspace).status_code == 303
        root = app.state.web.area.root
        assert root.stat().st_mode & 0o777 == 0o700
        assert len(list(root.rglob("contract.docx"))) == 1
        token = _token(c, "/costs")
        c.post(
            "/costs",
            data={"csrf": token},
            files={
                "sheet": ("costs.xlsx", (workspace / "costs.xlsx").read_bytes(), "application/octet-stream")
            },
        )
        assert not list(root.rglob("costs.xlsx"))  # deleted as soon as it is imported
    assert not root.exists()
    assert sorted(p.name for p in workspace.iterdir()) == [
        "bid.yaml",
        "contract.docx",
        "costs.xlsx",
        "tender_terms.docx",
    ]


def test_cost_sheet_stated_total_difference_on_its_cell_and_accepted(client, tmp_path):
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "成本"
    ws.append(["编码", "名称", "单位", "数量", "单价", "合价"])
    ws.append(["A1", "风管", "m2", 120, 85.5, 10260])
    ws.append(["A2", "阀门", "个", 12, 300, 3600])
    ws.append(["", "合计", "", "", "", 99999])
    path = tmp_path / "diff.xlsx"
    wb.save(path)
    token = _token(client, "/costs")
    files = {"sheet": ("diff.xlsx", path.read_bytes(), "application/octet-stream")}
    refused = client.post("/costs", data={"csrf": token}, files=files)
    assert refused.status_code == 422
    assert 'class="cell-error" data-cell="F4"' in refused.text and "99,999.00" in refused.text
    accepted = client.post("/costs", data={"csrf": token, "accept": "1"}, files=files)
    assert accepted.status_code == 200
    assert 'class="cell-warning" data-cell="F4"' in accepted.text
    assert 'id="sheet-roles"' in accepted.text and "accepted" in accepted.text
    _one_line_error(
        client.post("/costs", data={"csrf": token, "accept": "yes"}, files=files), 400, "checkbox"
    )


@pytest.mark.slow
def test_review_as_the_buyer_and_against_an_uploaded_bid_file(client, workspace):
    token = _token(client)
    bid = (
        (workspace / "bid.yaml")
        .read_text(encoding="utf-8")
        .replace("offer:\n", "offer:\n  price: 9900000\n", 1)
    )
    files = {
        "contract": ("contract.docx", (workspace / "contract.docx").read_bytes(), DOCX),
        "against": ("bid.yaml", bid.encode(), "text/yaml"),
    }
    r = client.post("/contract", data={"csrf": token}, files=files, follow_redirects=False)
    assert r.status_code == 303
    report = json.loads(client.get(r.headers["location"] + "/download/report.json").text)
    from bidassist.checklist import check_contract

    (workspace / "bid_upload.yaml").write_text(bid, encoding="utf-8")
    cli_like = check_contract(
        workspace / "contract.docx", against=workspace / "bid_upload.yaml", bid_price=Decimal("9900000")
    )
    assert sorted(f["rule"] for f in report["findings"]) == sorted(f.rule for f in cli_like.findings)
    as_buyer = client.post(
        "/contract",
        data={"csrf": token, "we": "buyer"},
        follow_redirects=False,
        files={"contract": files["contract"]},
    )
    buyer = json.loads(client.get(as_buyer.headers["location"] + "/download/report.json").text)
    supplier = json.loads(
        client.get(_review(client, workspace).headers["location"] + "/download/report.json").text
    )
    assert {f["rule"] for f in buyer["findings"]} != {f["rule"] for f in supplier["findings"]}
