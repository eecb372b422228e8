"""The built wheel works anywhere: built from the checkout, installed with its dependencies in a fresh
virtual environment, and run in a folder outside the checkout — the main job on the bundled example,
the contract check on the bundled contract and the template list all find their package data.

Slow (a wheel build and a dependency install): run by `.ci/run` in its own step, or
`python3 run.py test tests/test_wheel.py -m slow`.
"""

from __future__ import annotations

import os
import subprocess
import sys
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BIN = "Scripts" if os.name == "nt" else "bin"


def _run(args: list[str], cwd: Path, timeout: float = 900) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV", "BIDASSIST_DB")}
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(the bidassist command of a fresh venv with the wheel installed, a work folder outside the checkout)."""
    base = tmp_path_factory.mktemp("wheel")
    assert not base.resolve().is_relative_to(ROOT)
    built = _run(
        [sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "-w", str(base / "dist")], base
    )
    assert built.returncode == 0, built.stderr[-3000:]
    wheels = list((base / "dist").glob("bidassist-*.whl"))
    assert len(wheels) == 1, wheels
    venv.EnvBuilder(with_pip=True).create(base / "venv")
    python = base / "venv" / BIN / "python"
    pip = _run(
        [str(python), "-m", "pip", "install", "-q", "--disable-pip-version-check", str(wheels[0])], base
    )
    assert pip.returncode == 0, pip.stderr[-3000:]
    work = base / "work"
    work.mkdir()
    return base / "venv" / BIN / "bidassist", work


@pytest.mark.slow
def test_the_wheel_carries_the_package_data(installed):
    command, work = installed
    where = _run(
        [
            str(command.parent / "python"),
            "-c",
            "import bidassist, pathlib; print(pathlib.Path(bidassist.__file__).parent)",
        ],
        work,
    )
    package = Path(where.stdout.strip())
    assert not package.resolve().is_relative_to(ROOT), (
        "the test must run the installed copy, not the checkout"
    )
    for data in ("checklists/zh/payment.yaml", "templates/manifest.yaml", "examples/hospital/bid.yaml"):
        assert (package / data).is_file(), data


@pytest.mark.slow
def test_templates_list_outside_the_checkout(installed):
    command, work = installed
    res = _run([str(command), "templates", "list"], work)
    assert res.returncode == 0, res.stderr
    assert "bid-letter" in res.stdout and "投标函" in res.stdout


@pytest.mark.slow
def test_check_on_the_bundled_contract_outside_the_checkout(installed):
    command, work = installed
    python = command.parent / "python"
    contract = _run(
        [
            str(python),
            "-c",
            "from bidassist.core.resources import package_path; "
            "print(package_path('examples') / 'hospital' / 'contract.docx')",
        ],
        work,
    ).stdout.strip()
    res = _run([str(command), "check", contract, "--format", "json", "-o", "review.json"], work)
    assert res.returncode in (0, 1), res.stderr  # 1: findings at or above --fail-on, as designed
    assert '"findings"' in (work / "review.json").read_text(encoding="utf-8")


@pytest.mark.slow
def test_demo_outside_the_checkout(installed):
    command, work = installed
    res = _run([str(command), "demo", "--out", "out"], work)
    assert res.returncode == 0, res.stdout[-2000:] + res.stderr[-2000:]
    for output in ("price.json", "contract_review.json", "documents/index.json", "bidassist.db"):
        assert (work / "out" / output).is_file(), output
