"""The terminal report of `bidassist check` (rich)."""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from bidassist.checklist.result import CheckResult

from .check_common import HEAD, SEVERITY_LABEL, change_text, clause_label, lang_of, sorted_findings

_STYLE = {"high": "bold red", "medium": "yellow", "low": "cyan"}


def print_result(result: CheckResult, console: Console, lang: str | None = None) -> None:
    lang = lang_of(result, lang)
    h = HEAD[lang]
    s = result.summary
    head = f"[bold]{h['document']}:[/] {result.name}"
    if result.against:
        head += f"   [bold]{h['against']}:[/] {result.against}"
    console.print(head)
    for note in result.notes:
        console.print(f"[dim]{h['notes']}: {escape(str(note))}[/]")
    if not result.findings:
        console.print(f"[green]{h['none']}[/]  ({h['clauses']}: {s['clauses']})")
    else:
        table = Table(show_lines=True, expand=True)
        table.add_column(h["severity"], no_wrap=True)
        table.add_column(h["clause"], overflow="fold", ratio=2)
        table.add_column(h["category"], overflow="fold", ratio=2)
        table.add_column(h["message"], overflow="fold", ratio=3)
        table.add_column(h["matched"], overflow="fold", ratio=3)
        for f in sorted_findings(result):
            msg = f.message_in(lang)
            change = change_text(f, lang)
            if change:
                msg += f"\n[bold]{change}[/]"
            table.add_row(
                f"[{_STYLE[f.severity]}]{SEVERITY_LABEL[lang][f.severity]}[/]",
                clause_label(f, short=True),
                f"{f.category_name(lang)}\n[dim]{f.category}[/]",
                msg,
                escape(f.matched or f.text[:120]),
            )  # contract text is data, not markup
        console.print(table)
    sev = s["by_severity"]
    waived = f", {h['waived']} {s['waived']}" if s["waived"] else ""
    console.print(
        f"{h['findings']}: {s['findings']} (high {sev['high']}, medium {sev['medium']}, "
        f"low {sev['low']}{waived}); {h['clauses']}: {s['clauses']}; "
        f"{h['terms']}: {', '.join(s['clause_types']) or '—'}"
    )
