"""The main job, end to end, on a bid file: each step is one library call."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console

from bidassist.core.bidfile import load_bid
from bidassist.reports.summary import print_bid_summary


def default_example() -> Path:
    """The bundled example bid (examples/hospital/bid.yaml in a source checkout)."""
    return Path(__file__).resolve().parent.parent / "examples" / "hospital" / "bid.yaml"


def run_main_job(bid_file: Path, out_dir: Path, *, force: bool = False,
                 console: Console | None = None) -> None:
    console = console or Console()
    bid = load_bid(bid_file)
    print_bid_summary(bid, console)
