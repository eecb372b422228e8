"""The command line: a thin layer; each command parses options, calls one library function and
prints its result.

`main` is the entry point: it takes Ctrl-C over before the (slow) import of the commands, so an
interruption at any moment ends with one line and exit status 130; the top-level `--help` is printed
from the cache when it can be (`helpcache.py`), without importing the commands at all."""

from __future__ import annotations

import signal
import sys


def _interrupt(signum: int, frame: object) -> None:
    from bidassist.core.errors import Interrupted

    raise Interrupted


def main(argv: list[str] | None = None) -> None:
    from bidassist.cli import helpcache

    if helpcache.wants_help(sys.argv[1:] if argv is None else argv):
        helpcache.print_help(["--help"], _run)
    try:
        _run(argv)
    finally:
        if argv is None:  # the process's own command: its exit follows, and a late Ctrl-C must not
            signal.signal(signal.SIGINT, signal.SIG_IGN)  # turn a reported outcome into a kill


def _run(argv: list[str] | None) -> None:
    previous = signal.signal(signal.SIGINT, _interrupt)
    try:
        from bidassist.cli.app import main as run_app
    except BaseException as exc:
        if type(exc).__name__ in ("Interrupted", "KeyboardInterrupt"):
            sys.stderr.write("interrupted (已中断); no partial output was written\n")
            sys.exit(130)
        raise
    finally:
        signal.signal(signal.SIGINT, previous)
    run_app(argv)
