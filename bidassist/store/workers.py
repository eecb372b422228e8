"""The worker processes of `check DIR --jobs N`: cheap to start, fed in chunks.

Loading and compiling the shipped packs, the clause model and the scanners costs about 1.8 s CPU
per process. On Linux the parent does it once and the pool forks, so every worker inherits them
(copy-on-write); where fork is not the platform's safe default (macOS, Windows) each spawned worker
does it once in its initializer. Files go to the workers a few at a time, the largest chunks first, so the per-task overhead
(pickling, a round trip) is shared by several contracts, while the last chunks stay small enough to
keep both cores busy to the end."""

from __future__ import annotations

import multiprocessing
import sys
from functools import lru_cache
from multiprocessing.context import BaseContext
from pathlib import Path
from typing import Any

from bidassist.core.errors import BidassistError

#: chunks per worker: enough to balance the tail, few enough to amortise the round trips; a chunk
#: of MAX_CHUNK 50 KB contracts is about 0.2 s of work, so the last one keeps a core busy briefly
CHUNKS_PER_WORKER = 8
MAX_CHUNK = 4

#: one file's outcome: (customer, check JSON, None) or (None, None, error text)
Outcome = tuple[str | None, dict[str, Any] | None, str | None]


def pool_context() -> BaseContext:
    """fork on Linux (workers inherit what the parent loaded), else the platform's spawn."""
    if sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


@lru_cache(maxsize=1)
def shipped_rules() -> Any:
    """The shipped packs, loaded once per process and warmed: one small check per language builds
    the scanners and loads the clause model, so the first real contract does not pay for them."""
    from bidassist.checklist import check_text, load_packs

    rules = load_packs()
    for lang in ("zh", "en"):
        examples = [ex for r in rules.rules if r.language == lang for ex in r.rule.examples.match[:1]]
        text = "\n".join(f"{i}. {ex}" for i, ex in enumerate(examples[:40], 1))
        if text:
            check_text(text, rules, name=f"warm-up.{lang}")
    return rules


def start_worker() -> None:
    """Pool initializer: a no-op after fork (the parent's rules are inherited), a load after spawn."""
    shipped_rules()


def chunked(files: list[Path], workers: int) -> list[list[Path]]:
    """The files in order, cut into chunks of equal size (at most MAX_CHUNK)."""
    size = max(1, min(MAX_CHUNK, -(-len(files) // (max(workers, 1) * CHUNKS_PER_WORKER))))
    return [files[i : i + size] for i in range(0, len(files), size)]


def largest_first(chunks: list[list[Path]]) -> list[list[Path]]:
    """The chunks with the most bytes first, so no large contract is left alone at the end."""
    return sorted(chunks, key=lambda c: -sum(_size(p) for p in c))


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:  # gone or unreadable: its worker reports it
        return 0


def review_chunk(paths: list[Path], lang: str | None, customer: str | None) -> list[Outcome]:
    """In a worker: check each contract of the chunk; a file that fails gives its error text."""
    return [_review_one(p, lang, customer) for p in paths]


def _review_one(path: Path, lang: str | None, customer: str | None) -> Outcome:
    from bidassist.checklist import check_contract
    from bidassist.store.review import contract_customer

    try:
        result = check_contract(path, shipped_rules(), lang=lang)
        return customer or contract_customer(path), result.to_json(), None
    except BidassistError as exc:
        return None, None, "; ".join(str(p) for p in exc.problems)
    except Exception as exc:  # noqa: BLE001 - one broken file must not abort the batch
        return None, None, f"{type(exc).__name__}: {exc}"
