#!/usr/bin/env python3
"""Quick start on a fresh machine with only Python 3.11+: sets up `.venv`, installs bidassist
into it, and runs a task. Standard library only.

    python3 run.py demo     # the main job on the bundled example (outputs in ./out)
    python3 run.py serve    # the web page on the bundled example (http://127.0.0.1:8000)
    python3 run.py test     # the test suite
    python3 run.py lint     # ruff check and ruff format --check
    python3 run.py typecheck  # mypy over bidassist/ (settings in pyproject.toml)
    python3 run.py bench    # every benchmark under benchmarks/
    python3 run.py -- ARGS  # any bidassist command, e.g. python3 run.py -- price examples/hospital/bid.yaml
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PY = BIN / ("python.exe" if os.name == "nt" else "python")
STAMP = VENV / ".bidassist-installed"


def _say(msg: str) -> None:
    print(f"[run.py] {msg}", flush=True)


def setup() -> None:
    """Create the virtual environment and install bidassist with its test extras, once per
    change of pyproject.toml."""
    if sys.version_info < (3, 11):  # noqa: UP036 - run.py itself may meet an older Python
        sys.exit(f"bidassist needs Python 3.11 or newer; this is {sys.version.split()[0]}")
    want = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if PY.exists() and STAMP.exists() and STAMP.read_text().strip() == want:
        return
    if not PY.exists() or subprocess.run([str(PY), "-c", "import pip"], capture_output=True).returncode:
        _say(f"creating virtual environment in {VENV}")
        try:
            venv.EnvBuilder(with_pip=True, clear=VENV.exists()).create(VENV)
        except (OSError, subprocess.CalledProcessError) as exc:
            shutil.rmtree(VENV, ignore_errors=True)  # half-made: the next run starts clean
            sys.exit(
                f"[run.py] could not create the virtual environment in {VENV} ({exc}); run the command again"
            )
    _say("installing bidassist and its dependencies (first run only)")
    pip = [str(PY), "-m", "pip", "--disable-pip-version-check", "-q"]
    installed = subprocess.run([*pip, "install", "-e", f"{ROOT}[test]"], cwd=ROOT)
    if installed.returncode:
        sys.exit(
            f"[run.py] installing bidassist failed (pip exit {installed.returncode}, its message is above); run the command again"
        )
    STAMP.write_text(want)


def run(*args: str) -> int:
    return subprocess.call([str(PY), *args], cwd=ROOT)


def main(argv: list[str]) -> int:
    task = argv[0] if argv else "demo"
    if task in ("-h", "--help", "help"):
        print(__doc__)
        return 0
    setup()
    if task == "demo":
        return run("-m", "bidassist", "demo", "--out", "out", "--force", *argv[1:])
    if task == "serve":
        return run("-m", "bidassist", "serve", "out/web", "--example", *argv[1:])
    if task == "test":
        return run("-m", "pytest", *argv[1:])
    if task == "lint":
        paths = ("bidassist", "tests", "benchmarks", "run.py")
        return run("-m", "ruff", "check", *paths, *argv[1:]) or run("-m", "ruff", "format", "--check", *paths)
    if task == "typecheck":
        return run("-m", "mypy", *argv[1:])
    if task == "bench":
        status = 0
        for script in sorted((ROOT / "benchmarks").glob("bench_*.py")):
            _say(f"benchmark {script.name}")
            status |= run(str(script), *argv[1:])
        return status
    if task == "--":
        return run("-m", "bidassist", *argv[1:])
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
