"""The main job's terminal output: each step's result as the library reports it
(`bidassist.workflow.run_main_job`), printed under a numbered heading."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import ExitStack
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from bidassist.core.bidfile import Bid
from bidassist.core.money import format_money, rmb_upper
from bidassist.costs.model import CostImport
from bidassist.store.record import Recorded
from bidassist.workflow import MainJobResult, run_main_job

if TYPE_CHECKING:
    from rich.console import Console

if TYPE_CHECKING:
    from bidassist.accounts.bidding import BidDecision
    from bidassist.checklist.result import CheckResult
    from bidassist.documents.render import RenderReport
    from bidassist.pricing.result import PriceResult


class ConsoleSteps:
    """A `MainJobObserver` that prints each step to a rich console."""

    def __init__(self, console: Console, stack: ExitStack) -> None:
        self.console = console
        self._stack = stack  # holds the progress bar while the simulation runs

    def bid_loaded(self, bid: Bid) -> None:
        from rich.rule import Rule

        from bidassist.reports.summary import print_bid_summary

        self.console.print(Rule("1 · 投标信息 Bid file"))
        print_bid_summary(bid, self.console)

    def costs_imported(self, bid: Bid, costs: CostImport) -> None:
        from rich.markup import escape
        from rich.rule import Rule

        model, totals = costs.model, costs.model.totals
        self.console.print(Rule("2 · 成本 Cost sheet"))
        self.console.print(
            f"{len(model.lines)} cost lines from {model.source or 'the bid file'}; "
            f"likely direct cost {bid.tender.currency} {format_money(totals.likely)} "
            f"(low {format_money(totals.low)}, high {format_money(totals.high)})"
        )
        for w in costs.warnings:
            self.console.print(f"[yellow]warning:[/] {escape(str(w))}")

    def pricing_started(self, iterations: int) -> Callable[[int, int], None]:
        from rich.progress import Progress
        from rich.rule import Rule

        self.console.print(Rule("3 · 报价区间 Price range"))
        progress = self._stack.enter_context(Progress(console=self.console, transient=True))
        task = progress.add_task("simulating", total=iterations)
        return lambda done, total: progress.update(task, completed=done, total=total)

    def priced(self, bid: Bid, priced: PriceResult, recorded: Recorded) -> None:
        from bidassist.reports.price_table import print_price_table

        self._stack.close()  # the progress bar goes before the table
        print_price_table(priced, self.console, currency=bid.tender.currency)
        self.console.print(str(recorded))

    def rendering(self, bid: Bid, price: Decimal) -> None:
        from rich.rule import Rule

        self.console.print(Rule("4 · 投标文件 Tender documents"))
        self.console.print(
            f"bid price 投标报价: {bid.tender.currency} {format_money(price)}"
            + (f"  人民币{rmb_upper(price)}" if bid.tender.currency == "CNY" else "")
        )

    def rendered(self, report: RenderReport, recorded: Recorded) -> None:
        for check in report.checks:
            if check.severity != "ok":
                self.console.print(f"  [yellow]{check.severity}:[/] {check}")
        self.console.print(str(recorded))

    def checked(self, checked: CheckResult, recorded: Recorded, annotated: tuple[Path, int] | None) -> None:
        from rich.rule import Rule

        from bidassist.reports.check_terminal import print_result

        self.console.print(Rule("5 · 合同审查 Contract check"))
        print_result(checked, self.console)
        self.console.print(str(recorded))
        if annotated is not None:
            self.console.print(f"annotated copy with {annotated[1]} Word comments: {annotated[0]}")

    def deciding(self, ledger: list[str]) -> None:
        from rich.rule import Rule

        self.console.print(Rule("6 · 投标决策 Bid / no-bid"))
        for line in ledger:
            self.console.print(f"ledger 台账 {line}")

    def decided(self, decided: BidDecision) -> None:
        from bidassist.reports.decision_terminal import print_decision

        print_decision(decided, self.console)

    def done(self, result: MainJobResult) -> None:
        from rich.rule import Rule

        self.console.print(Rule("完成 Done"))
        for path in result.files:
            self.console.print(f"  {path}")


def run_main_job_printed(
    bid_file: Path, out_dir: Path, *, force: bool = False, console: Console | None = None
) -> MainJobResult:
    """The main job with its steps printed to `console` (default: the terminal)."""
    from rich.console import Console

    with ExitStack() as stack:
        return run_main_job(
            bid_file, out_dir, force=force, observer=ConsoleSteps(console or Console(), stack)
        )
