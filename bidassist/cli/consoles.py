"""Consoles that import rich when first used: `bidassist --help` and the commands that print
nothing through rich do not pay for it (tests/cli/test_startup_imports.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

if TYPE_CHECKING:
    from rich.console import Console


class _LazyConsole:
    def __init__(self, settings: dict[str, Any]) -> None:
        self._settings = settings
        self._console: Console | None = None

    def __getattr__(self, name: str) -> Any:
        if self._console is None:
            from rich.console import Console

            self._console = Console(**self._settings)
        return getattr(self._console, name)


def lazy_console(**settings: Any) -> Console:
    """A rich Console with these settings, created on first use."""
    return cast("Console", _LazyConsole(settings))
