"""`bidassist` command: the Typer application and its error boundary."""

from __future__ import annotations

import signal
import sys
from importlib import import_module
from typing import TYPE_CHECKING

import typer

from bidassist import __version__
from bidassist.cli.consoles import lazy_console
from bidassist.cli.helpfmt import plain_typer
from bidassist.core.errors import BidassistError, Interrupted
from bidassist.core.safeio import forget_inputs

if TYPE_CHECKING:
    pass

app = plain_typer(
    name="bidassist",
    help=(
        "Bid-and-contract risk assistant for suppliers bidding for large customers.\n\n"
        "投标与合同风险助手：成本导入、无标底报价区间、投标文件生成、合同条款审查。"
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

err_console = lazy_console(
    stderr=True, highlight=False, soft_wrap=True, emoji=False
)  # `bid.yaml:100:` is a place, not 💯
_state = {"debug": False}

#: command modules, each with `register(app)`; order is the order of `--help`.
COMMAND_MODULES = (
    "demo",
    "bid",
    "costs",
    "price",
    "render",
    "check",
    "rules",
    "history",
    "history_store",
    "db",
    "ledger",
    "accounts",
    "decide",
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"bidassist {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Show the version and exit."
    ),
    debug: bool = typer.Option(False, "--debug", help="Show a traceback on errors."),
) -> None:
    _state["debug"] = debug


for _name in COMMAND_MODULES:
    import_module(f"bidassist.cli.{_name}").register(app)
#: the web page comes last in `--help`
import_module("bidassist.cli.serve").register(app)


def report_error(exc: BidassistError) -> None:
    """Print every problem on its own line: `error: place: message`."""
    from rich.markup import escape

    for problem in exc.problems:
        err_console.print(f"[bold red]error:[/] {escape(str(problem))}", markup=True, highlight=False)


def _interrupt(signum: int, frame: object) -> None:
    raise Interrupted


def main(argv: list[str] | None = None) -> None:
    """Entry point: runs the app; user mistakes end with one line each and exit status 2, Ctrl-C
    with one line and exit status 130 (outputs are atomic: no partial file is left)."""
    if "--debug" in (argv if argv is not None else sys.argv[1:]):
        _state["debug"] = True
    forget_inputs()
    previous = signal.signal(signal.SIGINT, _interrupt)
    try:
        _run(argv)
    finally:  # a caller in the same process gets its own handler back
        signal.signal(signal.SIGINT, previous)


def _run(argv: list[str] | None) -> None:
    try:
        try:
            app(args=argv, standalone_mode=True)
        finally:  # the outcome is settled: a late Ctrl-C must not cut its report short
            signal.signal(signal.SIGINT, signal.SIG_IGN)
    except BidassistError as exc:
        if _state["debug"]:
            raise
        report_error(exc)
        sys.exit(2)
    except (Interrupted, KeyboardInterrupt):
        err_console.print("interrupted (已中断); no partial output was written", markup=False)
        sys.exit(130)
    except OSError as exc:  # a file the checks could not foresee (permissions, a vanished file)
        if _state["debug"]:
            raise
        where = f"{exc.filename}: " if exc.filename else ""
        err_console.print(f"error: {where}{exc.strerror or exc}", markup=False, highlight=False)
        sys.exit(2)
    except (MemoryError, RecursionError) as exc:
        if _state["debug"]:
            raise
        err_console.print(
            f"error: the input is too large or too deeply nested ({type(exc).__name__})",
            markup=False,
            highlight=False,
        )
        sys.exit(2)
