"""`bidassist check DIR [--record] [--jobs N]`: review a folder of contracts in parallel, with a
progress bar and a summary per customer."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    pass


def run_batch(
    folder: Path,
    *,
    record: bool,
    jobs: int,
    db: str | None,
    customer: str | None,
    lang: str | None,
    fmt: str,
    fail_on: str,
) -> int:
    """Review every contract; print failures, the per-customer table (or JSON); the exit status."""
    from rich.console import Console
    from rich.markup import escape
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn
    from rich.table import Table

    from bidassist.checklist.categories import SEVERITY_RANK
    from bidassist.store.review import contract_files, customer_summary, review_folder

    err = Console(stderr=True, highlight=False, soft_wrap=True, emoji=False)
    total = len(contract_files(folder))
    with Progress(
        TextColumn("审查 / reviewing"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.description}"),
        console=err,
        transient=True,
    ) as bar:
        task = bar.add_task("", total=total)
        items = review_folder(
            folder,
            db=db,
            record=record,
            jobs=jobs,
            customer=customer,
            lang=lang,
            progress=lambda item: bar.update(task, advance=1, description=item.path.name),
        )
    failed = [i for i in items if i.error]
    for item in failed:
        err.print(f"[red]error:[/] {escape(item.error or str(item.path))} (skipped)")
    summary = customer_summary(items)
    if fmt == "json":
        print(
            json.dumps(
                {
                    "files": [
                        {
                            "file": str(i.path),
                            "customer": i.customer,
                            "findings": i.findings,
                            "by_severity": i.by_severity,
                            "error": i.error,
                        }
                        for i in items
                    ],
                    "customers": summary,
                },
                ensure_ascii=False,
                indent=2,
            )
        )
    else:
        table = Table(
            "customer 客户",
            "contracts 合同",
            "findings 问题",
            "high 高",
            "medium 中",
            "low 低",
            "failed 失败",
            title=f"{len(items)} contracts in {folder}",
        )
        for r in summary:
            table.add_row(
                r["customer"],
                str(r["contracts"]),
                str(r["findings"]),
                str(r["high"]),
                str(r["medium"]),
                str(r["low"]),
                str(r["failed"]),
            )
        Console(highlight=False).print(table)
        if record and items:
            err.print(f"recorded {len(items) - len(failed)} reviews")
    need = SEVERITY_RANK[fail_on]
    worst = any(
        SEVERITY_RANK.get(s, 0) >= need and n for i in items for s, n in (i.by_severity or {}).items()
    )
    return 2 if failed and len(failed) == len(items) else (1 if worst else 0)
