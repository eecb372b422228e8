"""`bidassist bid` commands: validate a bid file and show what it says."""

from __future__ import annotations

from pathlib import Path

import typer

from bidassist.cli.helpfmt import plain_typer

bid_app = plain_typer(
    help="Check a bid file (bid.yaml) and show its summary. 校验投标文件数据。", no_args_is_help=True
)


@bid_app.command("validate")
def validate_cmd(
    bid_file: Path = typer.Argument(..., help="The bid file (bid.yaml)."),
) -> None:
    """Validate BID_FILE and print its summary; exit 2 with every problem if it is not valid."""
    from bidassist.core.bidfile import load_bid
    from bidassist.reports.summary import print_bid_summary

    print_bid_summary(load_bid(bid_file))


@bid_app.command("doc")
def doc_cmd(
    out: Path = typer.Option(None, "-o", "--output", help="Write the reference here (e.g. docs/bidfile.md)."),
    force: bool = typer.Option(False, "--force", help="Overwrite an existing file."),
) -> None:
    """Print or write the bid-file reference generated from the models (docs/bidfile.md). 投标数据文件说明。"""
    from bidassist.core.bidfile_doc import render_markdown

    text = render_markdown()
    if out is None:
        typer.echo(text, nl=False)
        return
    from bidassist.core.safeio import atomic_write_text

    atomic_write_text(out, text, force=force)


def register(app: typer.Typer) -> None:
    app.add_typer(bid_app, name="bid")
