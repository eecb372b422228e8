"""The top-level `--help` printed from the cache (cli/helpcache.py) is the text typer prints, is
printed without importing typer, follows the terminal width, and a cache folder that cannot be
written only means the slow way. Fresh interpreters, a cache folder of the test's own."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

CODE = (
    "import sys, atexit\n"
    "sys.argv = ['bidassist', '--help']\n"
    "atexit.register(lambda: sys.stderr.write('typer imported: %s' % ('typer' in sys.modules)))\n"
    "from bidassist.cli import main\n"
    "main()\n"
)


def _help(cache: Path, columns: int = 80) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "XDG_CACHE_HOME": str(cache), "COLUMNS": str(columns)}
    return subprocess.run([sys.executable, "-c", CODE], capture_output=True, text=True, env=env, check=False)


def test_the_kept_help_is_typers_and_needs_no_typer(tmp_path: Path) -> None:
    first, second = _help(tmp_path), _help(tmp_path)
    assert first.returncode == second.returncode == 0
    assert "typer imported: True" in first.stderr and "typer imported: False" in second.stderr
    assert second.stdout == first.stdout
    assert "Usage: bidassist" in first.stdout and "check" in first.stdout
    assert len(list((tmp_path / "bidassist").glob("help-*.txt"))) == 1


def test_each_width_has_its_own_text(tmp_path: Path) -> None:
    narrow, wide = _help(tmp_path, 60), _help(tmp_path, 140)
    assert narrow.stdout != wide.stdout
    assert _help(tmp_path, 60).stdout == narrow.stdout
    assert max(len(line) for line in narrow.stdout.splitlines()) <= 60


def test_an_unwritable_cache_only_means_the_slow_way(tmp_path: Path) -> None:
    kept = _help(tmp_path / "ok").stdout
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    for _ in range(2):
        out = _help(blocked)
        assert out.returncode == 0 and out.stdout == kept
        assert "typer imported: True" in out.stderr


def test_a_corrupt_file_is_never_shown_as_help(tmp_path: Path) -> None:
    kept = _help(tmp_path).stdout
    (path,) = (tmp_path / "bidassist").glob("help-*.txt")
    path.write_bytes(b"\xff\xfe not utf-8")
    out = _help(tmp_path)
    assert out.returncode == 0 and out.stdout == kept
