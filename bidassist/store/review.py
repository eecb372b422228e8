"""Contract reviews into the store: one contract (`check --record`) or a folder of them in
parallel processes (`check DIR --record --jobs N`). A file that fails is reported and skipped."""

from __future__ import annotations

import os
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bidassist.core.errors import BidassistError, InputError
from bidassist.store.connection import Store, open_store
from bidassist.store.parties import guess_customer
from bidassist.store.record import Recorded, record_contract
from bidassist.store.workers import (
    Outcome,
    chunked,
    largest_first,
    pool_context,
    review_chunk,
    shipped_rules,
    start_worker,
)

CONTRACT_SUFFIXES = (".docx", ".docm", ".doc", ".wps", ".pdf", ".txt", ".md")
UNKNOWN = "(customer unknown)"


def contract_customer(path: Path) -> str | None:
    """The buying party named at the top of the contract, if any."""
    from bidassist.reading import read_contract

    contract = read_contract(Path(path))
    text = "\n".join(c.text for c in contract.clauses[:5])
    return guess_customer(text)


def record_review(
    db: str | Path | None,
    contract: Path,
    check: dict[str, Any],
    *,
    customer: str | None = None,
    tender: str | None = None,
) -> Recorded:
    """`check --record`: store the review for its customer (given, else read from the contract)."""
    customer = customer or contract_customer(contract)
    return record_contract(db, contract, check, customer=customer, tender=tender)


@dataclass
class ReviewedFile:
    path: Path
    customer: str | None = None
    findings: int = 0
    by_severity: dict[str, int] | None = None
    recorded: str | None = None
    error: str | None = None


def contract_files(folder: Path) -> list[Path]:
    folder = Path(folder)
    if not folder.is_dir():
        raise InputError("not a folder", str(folder))
    return sorted(
        p
        for p in folder.rglob("*")
        if p.is_file() and p.suffix.lower() in CONTRACT_SUFFIXES and not p.name.startswith(("~$", "."))
    )


def available_cores() -> int:
    """The cores this process may run on (its CPU affinity, else the machine's count)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


def review_folder(
    folder: Path,
    *,
    db: str | Path | None,
    record: bool = True,
    jobs: int = 0,
    customer: str | None = None,
    lang: str | None = None,
    progress: Callable[[ReviewedFile], None] | None = None,
) -> list[ReviewedFile]:
    """Check every contract in `folder` with `jobs` processes (0: one per available core); record
    each in the store. Files that fail are returned with their error, never stop the batch."""
    files = contract_files(folder)
    if not files:
        suffixes = ", ".join(sorted(CONTRACT_SUFFIXES))
        raise InputError(
            f"no contracts in this folder (looked for {suffixes}) / 文件夹中没有合同", str(folder)
        )
    if jobs < 0:
        raise InputError(f"must be 0 (all cores) or more, got {jobs}", "--jobs")
    workers = min(jobs or available_cores(), len(files))
    context = pool_context()
    if context.get_start_method() == "fork":
        shipped_rules()  # loaded once here; the forked workers inherit it
    chunks = chunked(files, workers)
    chunks = largest_first(chunks) if workers > 1 else chunks  # one worker: in the folder's order
    out: dict[Path, ReviewedFile] = {}
    recorder = _Recorder(db, Path(folder)) if record else None
    try:
        with ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=start_worker) as pool:
            futures = {pool.submit(review_chunk, chunk, lang, customer): chunk for chunk in chunks}
            for future in as_completed(futures):
                chunk = futures.pop(future)  # a done chunk's results are not kept: memory stays flat
                for path, outcome in zip(chunk, _outcomes(future, len(chunk)), strict=True):
                    out[path] = item = _reviewed(path, outcome, recorder)
                    if progress is not None:
                        progress(item)
    finally:
        if recorder is not None:
            recorder.close()
    return [out[p] for p in files]


class _Recorder:
    """The folder's store, opened once on the first contract to record and kept for the batch (a
    store opened per contract checked its schema 200 times for 200 files); each contract is still
    its own transaction. A store that cannot be opened fails each file, as before."""

    def __init__(self, db: str | Path | None, folder: Path) -> None:
        self.db, self.folder = db, folder
        self.store: Store | None = None

    def record(self, path: Path, check: dict[str, Any], customer: str | None) -> Recorded:
        if self.store is None:
            self.store = open_store(self.db, beside=self.folder, create=True)
        return record_contract(self.db, path, check, customer=customer, store=self.store)

    def close(self) -> None:
        if self.store is not None:
            self.store.close()


def _outcomes(future: Future[list[Outcome]], count: int) -> list[Outcome]:
    """A chunk's outcomes; if its worker died, the same error for each of its files."""
    try:
        return future.result()
    except Exception as exc:  # noqa: BLE001 - a crashed worker fails its chunk, not the batch
        return [(None, None, f"{type(exc).__name__}: {exc}")] * count


def _reviewed(path: Path, outcome: Outcome, recorder: _Recorder | None) -> ReviewedFile:
    """One file's line of the batch, recorded in the store when asked."""
    who, check, error = outcome
    item = ReviewedFile(path, error=error)
    if check is None:
        return item
    item.customer, item.findings = who, len(check["findings"])
    item.by_severity = check["summary"]["by_severity"]
    if recorder is not None:
        try:
            item.recorded = str(recorder.record(path, check, who))
        except BidassistError as exc:
            item.error = "; ".join(str(p) for p in exc.problems)
        except Exception as exc:  # noqa: BLE001 - one file the store refuses must not abort the batch
            item.error = f"{type(exc).__name__}: {exc}"
    return item


def customer_summary(items: list[ReviewedFile]) -> list[dict[str, Any]]:
    """Per customer: contracts reviewed, findings by severity, files that failed."""
    rows: dict[str, dict[str, Any]] = {}
    for item in items:
        key = item.customer or UNKNOWN
        row = rows.setdefault(
            key,
            {"customer": key, "contracts": 0, "failed": 0, "findings": 0, "high": 0, "medium": 0, "low": 0},
        )
        if item.error:
            row["failed"] += 1
            continue
        row["contracts"] += 1
        row["findings"] += item.findings
        for sev in ("high", "medium", "low"):
            row[sev] += (item.by_severity or {}).get(sev, 0)
    return sorted(rows.values(), key=lambda r: (r["customer"] == UNKNOWN, -r["high"], r["customer"]))
