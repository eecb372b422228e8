"""Output rules (issue 18 item 7, issue 12 item 6): never overwrite an input of the same command,
never write through a symbolic link, never create a missing folder silently, the umask's
permissions, and a set of files written as one (all or none)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from bidassist.core.errors import OutputError, OutputExistsError
from bidassist.core.safeio import (
    atomic_path,
    atomic_write_set,
    atomic_write_text,
    check_input_file,
    forget_inputs,
    output_dir,
)


@pytest.fixture(autouse=True)
def _fresh_inputs():
    forget_inputs()
    yield
    forget_inputs()


def test_an_input_is_never_overwritten_even_with_force(tmp_path):
    src = tmp_path / "costs.csv"
    src.write_text("a,b\n")
    check_input_file(src)
    with pytest.raises(OutputError, match="input of this command"):
        atomic_write_text(src, "{}", force=True)
    assert src.read_text() == "a,b\n"
    link = tmp_path / "alias.csv"
    os.link(src, link)  # the same file under another name
    with pytest.raises(OutputError, match="input"):
        atomic_write_text(link, "{}", force=True)


def test_a_symlinked_output_is_not_followed(tmp_path):
    victim = tmp_path / "victim.txt"
    victim.write_text("keep")
    link = tmp_path / "out.txt"
    link.symlink_to(victim)
    with pytest.raises(OutputError, match="symbolic link"):
        atomic_write_text(link, "owned", force=True)
    dangling = tmp_path / "dangling.txt"
    dangling.symlink_to(tmp_path / "nowhere" / "x.txt")
    with pytest.raises(OutputError, match="symbolic link"):
        atomic_write_text(dangling, "owned")
    assert victim.read_text() == "keep" and link.is_symlink()


def test_a_missing_folder_is_an_error(tmp_path):
    with pytest.raises(OutputError, match="does not exist"):
        atomic_write_text(tmp_path / "no" / "such" / "out.json", "{}")
    assert not (tmp_path / "no").exists()
    with pytest.raises(OutputError, match="does not exist"):
        output_dir(tmp_path / "no" / "such")
    assert output_dir(tmp_path / "made").is_dir()  # one level, under a folder that exists


def test_a_folder_is_not_an_output_file(tmp_path):
    (tmp_path / "d").mkdir()
    with pytest.raises(OutputError, match="not a regular file"):
        atomic_write_text(tmp_path / "d", "x", force=True)


@pytest.mark.parametrize("mask,mode", [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_outputs_follow_the_umask(tmp_path, mask, mode):
    old = os.umask(mask)
    try:
        p = atomic_write_text(tmp_path / "out.txt", "x")
        with atomic_path(tmp_path / "book.xlsx") as tmp:
            tmp.write_bytes(b"x")
    finally:
        os.umask(old)
    assert p.stat().st_mode & 0o777 == mode
    assert (tmp_path / "book.xlsx").stat().st_mode & 0o777 == mode


def test_existing_output_needs_force(tmp_path):
    p = atomic_write_text(tmp_path / "o.txt", "1")
    with pytest.raises(OutputExistsError):
        atomic_write_text(p, "2")


def test_a_set_is_written_whole_or_not_at_all(tmp_path):
    files = [(tmp_path / f"{i}.txt", b"x" * 10) for i in range(3)]
    atomic_write_set(files)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["0.txt", "1.txt", "2.txt"]
    with pytest.raises(OutputExistsError):  # one exists: nothing is written
        atomic_write_set([(tmp_path / "new.txt", b"y"), (tmp_path / "1.txt", b"y")])
    assert not (tmp_path / "new.txt").exists()


FULL_DISK = """
import resource, signal, sys
from pathlib import Path
from bidassist.core.errors import OutputError
from bidassist.core.safeio import atomic_write_set
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
resource.setrlimit(resource.RLIMIT_FSIZE, (100_000, 100_000))
out = Path(sys.argv[1])
try:
    atomic_write_set([(out / "a.docx", b"a" * 50_000), (out / "b.docx", b"b" * 200_000),
                      (out / "index.md", b"i")])
except OutputError as exc:
    print(exc)
"""


def test_a_full_disk_leaves_no_part_of_the_set(tmp_path):
    run = subprocess.run(
        [sys.executable, "-c", FULL_DISK, str(tmp_path)], capture_output=True, text=True, timeout=60
    )
    assert "b.docx: cannot write" in run.stdout, run.stdout + run.stderr
    assert list(tmp_path.iterdir()) == []


INTERRUPT = """
import os, signal, sys, time
from pathlib import Path
from bidassist.core.safeio import atomic_path
out = Path(sys.argv[1]) / "report.xlsx"
with atomic_path(out) as tmp:
    tmp.write_bytes(b"half")
    os.kill(os.getpid(), signal.SIGINT)
    time.sleep(5)
"""


def test_ctrl_c_during_a_write_leaves_no_file(tmp_path):
    run = subprocess.run(
        [sys.executable, "-c", INTERRUPT, str(tmp_path)], capture_output=True, text=True, timeout=60
    )
    assert run.returncode != 0 and "KeyboardInterrupt" in run.stderr
    assert list(tmp_path.iterdir()) == []
