"""Contract reviews into the store: one contract (`check --record`) or a folder of them in
parallel processes (`check DIR --record --jobs N`). A file that fails is reported and skipped."""

from __future__ import annotations

import os
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bidassist.core.errors import BidassistError, InputError
from bidassist.store.parties import guess_customer
from bidassist.store.record import Recorded, record_contract

CONTRACT_SUFFIXES = (".docx", ".docm", ".pdf", ".txt", ".md")
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


_RULES: Any = None


def available_cores() -> int:
    """The cores this process may run on (its CPU affinity, else the machine's count)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


def _review_worker(path: Path, lang: str | None, customer: str | None) -> tuple[str | None, dict[str, Any]]:
    """In a worker process: check one contract with the shipped packs (loaded once per process)."""
    global _RULES
    from bidassist.checklist import check_contract, load_packs

    if _RULES is None:
        _RULES = load_packs()
    result = check_contract(path, _RULES, lang=lang)
    return customer or contract_customer(path), result.to_json()


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
    jobs = jobs or available_cores()
    out: dict[Path, ReviewedFile] = {}
    with ProcessPoolExecutor(max_workers=min(jobs, max(len(files), 1))) as pool:
        futures = {pool.submit(_review_worker, p, lang, customer): p for p in files}
        for future in as_completed(futures):
            path = futures[future]
            item = ReviewedFile(path)
            try:
                who, check = future.result()
                item.customer, item.findings = who, len(check["findings"])
                item.by_severity = check["summary"]["by_severity"]
                if record:
                    item.recorded = str(record_contract(db, path, check, customer=who, beside=Path(folder)))
            except BidassistError as exc:
                item.error = "; ".join(str(p) for p in exc.problems)
            except Exception as exc:  # noqa: BLE001 - one broken file must not abort the batch
                item.error = f"{type(exc).__name__}: {exc}"
            out[path] = item
            if progress is not None:
                progress(item)
    return [out[p] for p in files]


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
