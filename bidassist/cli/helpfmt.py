"""`--help` without rich: click's plain layout, with each command's whole first paragraph (English
and Chinese) in the command list instead of its first sentence cut to the width. Start-up stays at
typer's own cost (rich and its markdown parser are not imported for help)."""

from __future__ import annotations

from typing import Any

import typer
from typer.core import TyperGroup


def first_paragraph(text: str | None) -> str:
    """The first paragraph of a help text as one line (click's \\b no-rewrap markers dropped)."""
    para = (text or "").strip().split("\n\n")[0]
    return " ".join(w for w in para.split() if w != "\b")


class PlainHelpGroup(TyperGroup):
    """A command group whose `--help` lists every command with its whole first paragraph."""

    def format_commands(self, ctx: Any, formatter: Any) -> None:
        rows = []
        for name in self.list_commands(ctx):
            cmd = self.get_command(ctx, name)
            if cmd is not None and not cmd.hidden:
                rows.append((name, cmd.short_help or first_paragraph(cmd.help)))
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)


def plain_typer(**settings: Any) -> typer.Typer:
    """A Typer application (or command group) with the plain help of this module."""
    return typer.Typer(rich_markup_mode=None, cls=PlainHelpGroup, **settings)
