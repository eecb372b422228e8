"""Helpers of the attack suite (issue 18): every hostile or broken input, through the real command line, ends
in the promise — exit status 2 (130 for Ctrl-C), one `error:` line naming the place, no traceback,
no partial or overwritten output — and, where it must be enforced, within time and memory bounds
(a subprocess under RLIMIT_AS = 1 GiB and a 60 s timeout).

Cases run in-process (`bidassist.cli.app.main`) unless they need the limits (`limited=True`)."""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import resource
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from bidassist.cli.app import main

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "bidassist" / "examples" / "hospital"
MEMORY_LIMIT = 1024 * 1024 * 1024  # 1 GiB of address space
TIME_LIMIT = 60.0


@dataclass
class Result:
    code: int
    out: str
    err: str
    seconds: float = 0.0
    late: bool = False  # the Ctrl-C was not sent: the command had already written its output

    @property
    def lines(self) -> list[str]:
        return [ln for ln in self.err.splitlines() if ln.strip()]


def run(args: list[str], cwd: Path) -> Result:
    """The command in this process (fast); stdout and stderr captured."""
    out, err = io.StringIO(), io.StringIO()
    old_cwd, old_sigint = Path.cwd(), signal.getsignal(signal.SIGINT)
    start = time.monotonic()
    code = 0
    try:
        os.chdir(cwd)
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                main([str(a) for a in args])
            except SystemExit as exc:
                code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    finally:
        os.chdir(old_cwd)
        signal.signal(signal.SIGINT, old_sigint)
    return Result(code, out.getvalue(), err.getvalue(), time.monotonic() - start)


def _limits() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        OPENBLAS_NUM_THREADS="1",
        OMP_NUM_THREADS="1",
        MKL_NUM_THREADS="1",
        COLUMNS="200",
        PYTHONPATH=str(ROOT),
    )
    return env


def run_limited(
    args: list[str],
    cwd: Path,
    *,
    sigint_after: float | None = None,
    wait_for: Path | None = None,
    unless_written: Path | None = None,
) -> Result:
    """The command in a subprocess under RLIMIT_AS = 1 GiB and a 60 s timeout; optionally Ctrl-C
    (SIGINT) once `wait_for` exists or after `sigint_after` seconds. The Ctrl-C is sent while the
    command is stopped (SIGSTOP), and not at all if `unless_written` exists by then: a test process
    woken late must not mistake a finished command for one that ignored the interruption."""
    cmd = [sys.executable, "-m", "bidassist", *[str(a) for a in args]]
    start = time.monotonic()
    proc = subprocess.Popen(
        cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, preexec_fn=_limits, env=_env()
    )
    late = False
    if sigint_after is not None:
        deadline = start + TIME_LIMIT
        while time.monotonic() < deadline and proc.poll() is None:
            if wait_for is not None and wait_for.exists():
                break
            if wait_for is None and time.monotonic() - start >= sigint_after:
                break
            time.sleep(0.05)
        time.sleep(sigint_after if wait_for is not None else 0)
        late = _interrupt(proc, unless_written)
    try:
        out, err = proc.communicate(timeout=TIME_LIMIT)
    except subprocess.TimeoutExpired:
        proc.kill()
        out, err = proc.communicate()
        pytest.fail(f"{args}: still running after {TIME_LIMIT:.0f} s")
    return Result(
        proc.returncode,
        out.decode("utf-8", "replace"),
        err.decode("utf-8", "replace"),
        time.monotonic() - start,
        late,
    )


def _interrupt(proc: subprocess.Popen, unless_written: Path | None) -> bool:
    """SIGINT to the running command, sent while it is stopped. True if it came too late: the
    command had written `unless_written` before it stopped (or ended)."""
    if proc.poll() is not None:
        return unless_written is not None and unless_written.exists()
    proc.send_signal(signal.SIGSTOP)
    try:
        _wait_stopped(proc.pid)
        if unless_written is not None and unless_written.exists():
            return True
        proc.send_signal(signal.SIGINT)
        return False
    finally:
        proc.send_signal(signal.SIGCONT)


def _wait_stopped(pid: int) -> None:
    """Until the kernel shows `pid` stopped (state T) or gone (SIGSTOP is delivered asynchronously)."""
    stat = Path(f"/proc/{pid}/stat")
    for _ in range(200):
        try:
            state = stat.read_text().rsplit(")", 1)[1].split()[0]
        except (OSError, IndexError):
            return
        if state in ("T", "t", "Z", "X"):
            return
        time.sleep(0.005)


def interrupted(args: list[str], cwd: Path, output: Path, *, after: float, tries: int = 3) -> Result:
    """Ctrl-C `after` seconds into the command, before it writes `output`: tried again (up to
    `tries` times) when the test process woke too late to interrupt it or the command was done
    by then, each time with the Ctrl-C sent in half the time (a faster machine finishes sooner)."""
    for _ in range(tries):
        res = run_limited(args, cwd, sigint_after=after, unless_written=output)
        if not res.late:
            return res
        output.unlink()
        after /= 2
    pytest.fail(f"{args}: finished before the Ctrl-C in {tries} tries (the last after {after * 2} s)")


def snapshot(folder: Path) -> dict[str, str]:
    """Every file under `folder` (links as their target) -> sha256, to prove nothing changed."""
    out = {}
    for p in sorted(folder.rglob("*")):
        if p.is_symlink():
            out[str(p.relative_to(folder))] = "link:" + os.readlink(p)
        elif p.is_file():
            out[str(p.relative_to(folder))] = hashlib.sha256(p.read_bytes()).hexdigest()
    return out


def assert_refused(
    res: Result, place: str | None, *, code: int = 2, lines: int | None = 1, words: str | None = None
) -> None:
    """The promise: exit status, error line(s) naming the place, no traceback."""
    shown = f"exit {res.code}\n--- stderr\n{res.err[-3000:]}\n--- stdout\n{res.out[-1500:]}"
    assert res.code == code, shown
    assert "Traceback" not in res.err + res.out, shown
    errors = [ln for ln in res.lines if ln.startswith("error:")]
    if code == 2:
        assert errors, shown
        if lines is not None:
            assert len(errors) == lines, shown
        if place is not None:
            assert place in errors[0], shown
        if words is not None:
            assert words in res.err, shown
    assert res.seconds < TIME_LIMIT, f"took {res.seconds:.1f} s"
