"""The command line as a user meets it: help, version, and one clear line per mistake."""

import subprocess
import sys
from pathlib import Path

import pytest

from bidassist import __version__

ROOT = Path(__file__).resolve().parents[2]


def bidassist(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "bidassist", *args], cwd=cwd, capture_output=True, text=True, timeout=300
    )


@pytest.mark.slow
def test_help_and_version():
    r = bidassist("--help")
    assert r.returncode == 0 and "Usage" in r.stdout
    for command in ("demo", "bid", "costs", "price", "render", "check"):
        assert command in r.stdout
    r = bidassist("--version")
    assert r.returncode == 0 and r.stdout.strip() == f"bidassist {__version__}"


@pytest.mark.slow
def test_console_script_is_installed():
    exe = Path(sys.executable).parent / "bidassist"
    r = subprocess.run([str(exe), "--help"], capture_output=True, text=True)
    assert r.returncode == 0 and "Usage" in r.stdout


@pytest.mark.slow
def test_bad_bid_file_one_line_per_problem_exit_2(tmp_path):
    bad = tmp_path / "bid.yaml"
    bad.write_text("tender:\n  name: x\n  numbr: 1\n", encoding="utf-8")
    r = bidassist("bid", "validate", str(bad))
    assert r.returncode == 2
    assert "Traceback" not in r.stderr
    lines = r.stderr.strip().splitlines()
    assert any("tender.numbr: unknown key" in ln for ln in lines)
    assert any("bidder: field required" in ln for ln in lines)
    assert all(ln.startswith("error: ") for ln in lines)


@pytest.mark.slow
def test_missing_file_exit_2_and_debug_shows_traceback(tmp_path):
    r = bidassist("bid", "validate", str(tmp_path / "none.yaml"))
    assert r.returncode == 2 and "not found" in r.stderr and "Traceback" not in r.stderr
    r = bidassist("--debug", "bid", "validate", str(tmp_path / "none.yaml"))
    assert r.returncode != 0 and "Traceback" in r.stderr


@pytest.mark.slow
def test_bid_validate_example_shows_capitals():
    r = bidassist("bid", "validate", "examples/hospital/bid.yaml")
    assert r.returncode == 0, r.stderr
    assert "捌万元整" in r.stdout  # bid bond 80,000 in capitals
