"""`bidassist rules`: the rule catalogue (list, explain, doc)."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from bidassist.cli.helpfmt import plain_typer

rules_app = plain_typer(help="The contract rule catalogue. 合同审查规则目录。", no_args_is_help=True)


def register(app: typer.Typer) -> None:
    """Add the `rules` command group to the app."""
    app.add_typer(rules_app, name="rules")


@rules_app.command("list")
def list_cmd(
    category: str | None = typer.Option(None, "--category", help="Only this finding category."),
    lang: str | None = typer.Option(None, "--lang", help="Only zh or en rules."),
    packs: list[Path] | None = typer.Option(
        None, "--packs", help="Rule pack folder or file (default: shipped)."
    ),
) -> None:
    """List the rules: id, category, severity, party. 列出规则。"""
    from bidassist.checklist import load_packs
    from bidassist.checklist.catalogue import rows

    for r in rows(load_packs(list(packs) if packs else None), category=category, lang=lang):
        typer.echo(f"{r.id:42} {r.category:28} {r.severity:6} {r.party:8} {r.summary}")


@rules_app.command("explain")
def explain_cmd(
    rule_id: str = typer.Argument(..., help="A rule id from `rules list`."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
    packs: list[Path] | None = typer.Option(
        None, "--packs", help="Rule pack folder or file (default: shipped)."
    ),
) -> None:
    """Explain one rule: category, severity, party, thresholds, legal basis, fallback, examples."""
    from bidassist.checklist import load_packs
    from bidassist.checklist.catalogue import explain, markdown_rule

    info = explain(load_packs(list(packs) if packs else None), rule_id)
    typer.echo(json.dumps(info, ensure_ascii=False, indent=2) if as_json else "\n".join(markdown_rule(info)))


@rules_app.command("doc")
def doc_cmd(
    out: Path | None = typer.Option(
        None, "-o", "--output", help="Write the catalogue here (e.g. docs/rules.md)."
    ),
    force: bool = typer.Option(False, "--force", help="Overwrite an existing file."),
) -> None:
    """Print or write the Markdown rule catalogue of the shipped packs (docs/rules.md)."""
    from bidassist.checklist import load_packs
    from bidassist.checklist.catalogue import render_markdown

    text = render_markdown(load_packs())
    if out is None:
        typer.echo(text, nl=False)
        return
    from bidassist.core.safeio import atomic_write_text

    atomic_write_text(out, text, force=force)
