"""Two processes write to one store at once: one imports the Texas file, the other records
openings and a ledger. Nothing is lost and no "database is locked" reaches the user."""

from __future__ import annotations

import subprocess
import sys
import time

import pytest

from bidassist.store import open_store
from bidassist.store.admin import table_counts

from .conftest import ROOT, TEXAS, TEXAS_ARGS, needs_texas

RECORDER = """
import sys, time
from decimal import Decimal
from pathlib import Path
from bidassist.store.record import record_result
go = Path(sys.argv[2])
while not go.exists():
    time.sleep(0.01)
for i in range(40):
    record_result(sys.argv[1], f"C-{i}", won=False, winner=f"RIVAL {i % 3}", price=Decimal("1000.50") + i)
"""

pytestmark = [needs_texas, pytest.mark.slow]  # CLI and PostgreSQL round trips: .ci/run's slow step


def test_two_writers_at_once_lose_nothing(db_url, tmp_path):
    with open_store(db_url, create=True):
        pass
    go = tmp_path / "go"
    importer = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time, pathlib\n"
            "while not pathlib.Path(sys.argv[1]).exists(): time.sleep(0.01)\n"
            "from bidassist.cli.app import main\nmain(sys.argv[2:])",
            str(go),
            "history",
            "import",
            str(TEXAS),
            *TEXAS_ARGS,
            "--db",
            db_url,
        ],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    recorder = subprocess.Popen(
        [sys.executable, "-c", RECORDER, db_url, str(go)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    time.sleep(1.0)  # both are imported and waiting
    go.touch()
    out_i, err_i = importer.communicate(timeout=300)
    out_r, err_r = recorder.communicate(timeout=300)
    assert importer.returncode == 0, err_i
    assert recorder.returncode == 0, err_r
    for text in (err_i, err_r):
        assert "locked" not in text and "Traceback" not in text
    assert "added 4226" in out_i
    with open_store(db_url) as store:
        counts = table_counts(store)
    assert counts["outcomes"] == 40
    assert counts["tenders"] == 1475 + 40
    assert counts["bids"] == 4226 + 40
    assert counts["competitors"] == 35 + 3
