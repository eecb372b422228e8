"""`bidassist --help` at the interpreter's own start-up cost (issue 17: ≤ 0.15 s).

Typer and click take about 0.1 s to import, more than the help text is worth. The first `--help`
prints through them as always and keeps the text in the cache folder (`core/cachedir.py`); later
ones print the kept text without importing them. The text is keyed by everything it is made from:
bidassist's version, the modified time and size of every module of the command line, the typer and
click installed, the program name click shows and the terminal width it wraps to. A missing,
corrupt or unwritable cache only means the slow way; `tests/cli/test_help_cache.py` holds the kept
text to the text typer prints.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import shutil
import sys
from collections.abc import Callable
from importlib.util import find_spec
from pathlib import Path

from bidassist.core.cachedir import cache_dir, write_atomic

HELP_ARGS = (["--help"],)
#: a larger cache file is not a help text
MAX_BYTES = 256 * 1024
#: help files kept in the cache folder (one per program name, width and version of the commands)
MAX_FILES = 8


def wants_help(argv: list[str]) -> bool:
    return argv in HELP_ARGS


def _stamp(path: str | None) -> str:
    try:
        st = os.stat(path) if path else None
    except OSError:
        st = None
    return f"{path}:{st.st_mtime_ns}:{st.st_size}" if st else f"{path}:?"


def cache_key(prog: str, width: int) -> str:
    """What the help text is made from, hashed."""
    import bidassist

    cli = Path(__file__).parent
    parts = [bidassist.__version__, sys.version, prog, str(width)]
    parts += [_stamp(str(p)) for p in sorted(cli.glob("*.py"))]
    for lib in ("typer", "click"):
        spec = find_spec(lib)
        parts.append(_stamp(spec.origin if spec else None))
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:32]


def help_file(argv0: str) -> Path | None:
    folder = cache_dir()
    if folder is None:
        return None
    width = shutil.get_terminal_size().columns
    return folder / f"help-{cache_key(argv0, width)}.txt"


def print_help(argv: list[str], run: Callable[[list[str]], None]) -> None:
    """Print the top-level help from the cache, else through `run` (the app), keeping its text.
    Exits as click's help does (status 0)."""
    path = help_file(sys.argv[0])
    if path is not None:
        try:
            if path.stat().st_size <= MAX_BYTES:
                sys.stdout.write(path.read_text(encoding="utf-8"))
                sys.stdout.flush()
                sys.exit(0)
        except (OSError, UnicodeDecodeError):
            pass
    out = io.StringIO()
    status: str | int | None = 0
    with contextlib.redirect_stdout(out):
        try:
            run(argv)
        except SystemExit as exc:
            status = exc.code
    text = out.getvalue()
    sys.stdout.write(text)
    sys.stdout.flush()
    if path is not None and status in (0, None) and text and write_atomic(path, text.encode("utf-8")):
        _prune(path.parent)
    sys.exit(status)


def _prune(folder: Path) -> None:
    """Keep the MAX_FILES newest help files."""
    try:
        files = sorted(folder.glob("help-*.txt"), key=lambda p: p.stat().st_mtime_ns, reverse=True)
        for old in files[MAX_FILES:]:
            old.unlink()
    except OSError:
        pass
