"""Fixtures of the attack suite (helpers are in hostile_kit.py)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hostile_kit import EXAMPLE

HERE = Path(__file__).resolve().parent


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every case of the attack suite is marked `hostile`: outside the default run, run by .ci/run
    on its own (`python3 run.py test tests/hostile -m "not slow"`, then `-m slow`)."""
    for item in items:
        if Path(item.path).resolve().is_relative_to(HERE):
            item.add_marker(pytest.mark.hostile)


@pytest.fixture(scope="session")
def example_dir(tmp_path_factory) -> Path:
    """A copy of the bundled example (bid.yaml, costs.xlsx, contract.docx, tender_terms.docx)."""
    d = tmp_path_factory.mktemp("example")
    for name in ("bid.yaml", "costs.xlsx", "contract.docx", "tender_terms.docx"):
        shutil.copy(EXAMPLE / name, d / name)
    return d


@pytest.fixture
def work(tmp_path, example_dir) -> Path:
    """A fresh folder with the example's files, for one case."""
    for p in example_dir.iterdir():
        shutil.copy(p, tmp_path / p.name)
    return tmp_path
