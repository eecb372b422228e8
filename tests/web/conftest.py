"""Fixtures for the web tests: a workspace holding the bundled example, the app's test client, and
for the browser and load tests a real `bidassist serve` process on a free loopback port."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from web_helpers import EXAMPLE, free_port


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    ws = tmp_path / "workspace"
    ws.mkdir()
    for name in ("bid.yaml", "contract.docx", "costs.xlsx", "tender_terms.docx"):
        shutil.copy2(EXAMPLE / name, ws / name)
    return ws


@pytest.fixture
def client(workspace: Path):
    from starlette.testclient import TestClient

    from bidassist.web import WebConfig, create_app

    app = create_app(WebConfig(workspace=workspace, max_upload=2 * 2**20))
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c


@pytest.fixture
def server(workspace: Path, tmp_path: Path):
    """`bidassist serve` in its own process; yields (base URL, process); stopped at the end."""
    port = free_port()
    log = open(tmp_path / "server.log", "wb")
    proc = subprocess.Popen(
        [sys.executable, "-m", "bidassist", "serve", str(workspace), "--port", str(port)],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                break
        except OSError:
            if proc.poll() is not None:
                raise RuntimeError((tmp_path / "server.log").read_text()) from None
            time.sleep(0.1)
    else:
        proc.kill()
        raise RuntimeError("the server did not start in 30 s")
    try:
        yield f"http://127.0.0.1:{port}", proc
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()
