"""Authentication: loopback only without it; users with scrypt hashes or a token otherwise; and the
`bidassist serve` command's own checks."""

from __future__ import annotations

import base64
import subprocess
import sys
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from bidassist.core.errors import InputError
from bidassist.web import WebConfig, create_app
from bidassist.web.auth import hash_password, load_users, verify_password


def _basic(user: str, password: str) -> dict[str, str]:
    return {"Authorization": "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()}


def test_password_hashes_verify_and_differ():
    h = hash_password("correct horse")
    assert h.startswith("scrypt$") and verify_password("correct horse", h)
    assert not verify_password("wrong", h)
    assert hash_password("correct horse") != h  # salted
    assert not verify_password("x", "scrypt$bad")


def test_other_address_needs_authentication(workspace):
    with pytest.raises(InputError, match="needs authentication"):
        create_app(WebConfig(workspace=workspace, host="0.0.0.0"))
    create_app(WebConfig(workspace=workspace, host="::1"))
    create_app(WebConfig(workspace=workspace, host="0.0.0.0", token="t" * 20))


def test_users_file_login(workspace, tmp_path):
    users = tmp_path / "users.yaml"
    users.write_text(f'users:\n  reviewer: "{hash_password("s3cret-pass")}"\n', encoding="utf-8")
    app = create_app(WebConfig(workspace=workspace, host="0.0.0.0", users=load_users(users)))
    with TestClient(app) as c:
        r = c.get("/")
        assert r.status_code == 401 and r.headers["www-authenticate"].startswith("Basic")
        assert c.get("/", headers=_basic("reviewer", "wrong")).status_code == 401
        assert c.get("/", headers=_basic("nobody", "s3cret-pass")).status_code == 401
        ok = c.get("/contract", headers=_basic("reviewer", "s3cret-pass"))
        assert ok.status_code == 200 and "reviewer" in ok.text


def test_token_login(workspace):
    token = "a-long-shared-token-123"
    with TestClient(create_app(WebConfig(workspace=workspace, host="0.0.0.0", token=token))) as c:
        assert c.get("/").status_code == 401
        assert c.get("/", headers=_basic("", token)).status_code == 200
        assert c.get("/", headers={"Authorization": "Basic !!notbase64"}).status_code == 401


def test_bad_users_file(tmp_path):
    bad = tmp_path / "users.yaml"
    bad.write_text("users:\n  someone: plaintext\n", encoding="utf-8")
    with pytest.raises(InputError, match="not a scrypt hash"):
        load_users(bad)


def _cli(*args: str, stdin: str = "") -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "bidassist", "serve", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.slow
def test_serve_refuses_open_address_without_auth(tmp_path: Path):
    r = _cli(str(tmp_path), "--host", "0.0.0.0")
    assert r.returncode == 2
    assert r.stderr.strip().startswith("error: --host: listening on 0.0.0.0 needs authentication")
    assert "Traceback" not in r.stderr
    r = _cli(str(tmp_path / "missing"))
    assert r.returncode == 2 and "workspace folder not found" in r.stderr
    assert _cli(str(tmp_path), "--port", "0").returncode == 2


@pytest.mark.slow
def test_serve_hash_password(tmp_path: Path):
    r = _cli("--hash-password", stdin="pa55word\n")
    assert r.returncode == 0
    assert verify_password("pa55word", r.stdout.strip())
