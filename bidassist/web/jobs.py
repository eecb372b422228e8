"""Pricing runs in a background thread each, with progress and cancellation."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from bidassist.core.errors import BidassistError


class Cancelled(Exception):
    """Raised inside a run's progress callback when the user cancels it."""


@dataclass
class Job:
    """One background run: its state, progress, result or one-line error."""

    label: str
    state: str = "running"  # running | done | failed | cancelled
    done: int = 0
    total: int = 0
    result: Any = None
    errors: list[str] = field(default_factory=list)
    context: dict[str, Any] = field(default_factory=dict)
    started: float = field(default_factory=time.monotonic)
    finished: float | None = None
    _cancel: threading.Event = field(default_factory=threading.Event)

    def progress(self, done: int, total: int) -> None:
        if self._cancel.is_set():
            raise Cancelled()
        self.done, self.total = done, total

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def message(self) -> str:
        if self.state == "running":
            share = f" {self.done / self.total:.0%}" if self.total else ""
            return f"模拟中 simulating{share}"
        return {"done": "完成 done", "failed": "失败 failed", "cancelled": "已取消 cancelled"}[self.state]

    def status(self) -> dict[str, Any]:
        return {
            "state": self.state,
            "done": self.done,
            "total": self.total,
            "message": self.message,
            "seconds": round((self.finished or time.monotonic()) - self.started, 1),
        }


def start(job: Job, work: Callable[[Job], Any], log) -> threading.Thread:
    """Run `work(job)` in a daemon thread; a BidassistError becomes the job's one-line errors."""

    def run() -> None:
        try:
            job.result = work(job)
            job.state = "done"
        except Cancelled:
            job.state = "cancelled"
        except BidassistError as exc:
            job.errors = [str(p) for p in exc.problems]
            job.state = "failed"
        except Exception as exc:  # a bug: log it, show one line
            log.error("pricing run failed", exc_info=exc)
            job.errors = ["internal error: the server log has the details (内部错误)"]
            job.state = "failed"
        finally:
            job.finished = time.monotonic()

    thread = threading.Thread(target=run, name=f"bidassist-{job.label}", daemon=True)
    thread.start()
    return thread
