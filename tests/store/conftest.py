"""Store tests run on SQLite and on a real PostgreSQL server (see pgserver.py)."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from .pgserver import LocalServer

ROOT = Path(__file__).resolve().parents[2]
TEXAS = ROOT.parent.parent / "shared" / "bench" / "bids" / "tx_school_milk_bids.csv"
if not TEXAS.exists():
    TEXAS = Path("/work/shared/bench/bids/tx_school_milk_bids.csv")
if not TEXAS.exists():  # the CI clone has shared/ beside it
    TEXAS = ROOT.parent / "shared" / "bench" / "bids" / "tx_school_milk_bids.csv"
#: tests that need the Texas file are skipped (and say so) where shared/ is not beside the checkout
needs_texas = pytest.mark.skipif(not TEXAS.exists(), reason=f"bench data not present ({TEXAS})")
TEXAS_ARGS = ["--map", "buyer=district", "--set", "category=school milk", "--set", "currency=USD"]


@pytest.fixture(scope="session")
def pg_server_url():
    url = os.environ.get("BIDASSIST_TEST_PG_URL")
    if url:
        yield url
        return
    if os.environ.get("BIDASSIST_TEST_PG_SKIP"):
        pytest.skip(f"PostgreSQL tests skipped: {os.environ['BIDASSIST_TEST_PG_SKIP']}")
    server = LocalServer()
    try:
        url = server.start()
    except RuntimeError as exc:
        server.stop()
        pytest.skip(f"PostgreSQL tests skipped: {exc}")
    yield url
    server.stop()


def new_pg_database(server_url: str) -> str:
    import psycopg

    name = f"t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(server_url, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return server_url.rsplit("/", 1)[0] + "/" + name


def drop_pg_database(server_url: str, url: str) -> None:
    import psycopg

    name = url.rsplit("/", 1)[1]
    with psycopg.connect(server_url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.slow)])
def db_url(request, tmp_path):
    """A fresh, empty store location on each backend (PostgreSQL cases are `slow`: .ci/run's slow step
    runs them against its server; the default run needs no server)."""
    if request.param == "sqlite":
        yield str(tmp_path / "store.db")
        return
    server = request.getfixturevalue("pg_server_url")
    url = new_pg_database(server)
    yield url
    drop_pg_database(server, url)


@pytest.fixture
def pg_url(request):
    server = request.getfixturevalue("pg_server_url")
    url = new_pg_database(server)
    yield url
    drop_pg_database(server, url)


def bidassist(*args: str, cwd: Path | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    full_env = {**os.environ, **(env or {})}
    full_env.pop("BIDASSIST_DB", None) if env is None or "BIDASSIST_DB" not in env else None
    return subprocess.run(
        [sys.executable, "-m", "bidassist", *args],
        cwd=cwd or ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        env=full_env,
    )
