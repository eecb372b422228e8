"""`bidassist history`: past tenders and bids (the store's commands are added by history_store)."""

from __future__ import annotations

import typer

history_app = typer.Typer(help="Past tenders, bids and outcomes: import, record, list, fit. 投标历史。",
                          no_args_is_help=True)


def register(app: typer.Typer) -> None:
    """Add this module's commands to the app."""
    app.add_typer(history_app, name="history")
