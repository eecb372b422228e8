"""`bidassist render` commands (being built; see the issue for this capability)."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    """Add this module's commands to the app."""
