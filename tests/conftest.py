"""Settings of the whole test suite."""

from __future__ import annotations

import os
import shutil
import tempfile

import pytest

_CACHE: list[str] = []


def pytest_configure(config: pytest.Config) -> None:
    """The user cache folder (the compiled rule patterns, checklist/patterncache.py) is a temporary
    folder for the whole run, for the tests and the commands they start: no test writes into the
    real ~/.cache, and every test starts from what earlier tests of this run cached."""
    folder = tempfile.mkdtemp(prefix="bidassist-test-cache-")
    _CACHE.append(folder)
    os.environ["XDG_CACHE_HOME"] = folder


def pytest_unconfigure(config: pytest.Config) -> None:
    while _CACHE:
        shutil.rmtree(_CACHE.pop(), ignore_errors=True)
