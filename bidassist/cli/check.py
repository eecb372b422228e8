"""`bidassist check`: the contract checklist (rule packs, key terms, comparison with the tender)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import typer

from bidassist.core.errors import InputError

if TYPE_CHECKING:
    pass

if TYPE_CHECKING:
    from bidassist.checklist.result import CheckResult
    from bidassist.checklist.scope import ContractContext

FORMATS = ("table", "json", "md", "html")
SEVERITIES = ("high", "medium", "low")


def register(app: typer.Typer) -> None:
    """Add this module's commands to the app."""

    @app.command("check")
    def check_cmd(
        contract: Path = typer.Argument(
            ..., help="The contract (.docx/.doc/.pdf/.txt/.md), or a bid.yaml with a contract: section."
        ),
        against: Path | None = typer.Option(
            None,
            "--against",
            help="Tender terms (.docx/.doc/.pdf/.txt) or bid.yaml to compare the contract with.",
        ),
        fmt: str = typer.Option("table", "--format", help="table, json, md or html."),
        out: Path | None = typer.Option(None, "-o", "--output", help="Write the json/md/html report here."),
        annotate: Path | None = typer.Option(
            None,
            "--annotate",
            help="Write a copy of the .docx contract with a Word comment on each flagged clause.",
        ),
        fail_on: str | None = typer.Option(
            None,
            "--fail-on",
            help="Exit 1 when a finding is at or above this severity: high, medium or low (default high).",
        ),
        waivers: Path | None = typer.Option(
            None, "--waivers", help="Waiver file (YAML) of accepted findings."
        ),
        lang: str | None = typer.Option(
            None,
            "--lang",
            help="Force the rule packs' language: zh or en (default: by each clause's script).",
        ),
        packs: list[Path] | None = typer.Option(
            None, "--packs", help="Rule pack folder or file (repeatable; default: the shipped checklists/)."
        ),
        force: bool = typer.Option(False, "--force", help="Overwrite existing output files."),
        we: str | None = typer.Option(
            None,
            "--we",
            help="Which party we are: supplier (default), buyer, or a "
            "party's name as the contract writes it.",
        ),
        record: bool = typer.Option(
            False, "--record", help="Record the review (key terms, findings) for its customer in the store."
        ),
        customer: str | None = typer.Option(
            None,
            "--customer",
            help="The customer for --record (default: the bid file's buyer, else the contract's 甲方/Buyer).",
        ),
        no_model: bool = typer.Option(
            False,
            "--no-model",
            help="Rules only: do not add the clause model's findings (source: model, with a confidence).",
        ),
        jobs: int = typer.Option(
            0, "--jobs", "-j", help="With a folder: contracts checked in parallel (default 0: all cores)."
        ),
        db: str | None = typer.Option(
            None,
            "--db",
            help="The store for --record (default: $BIDASSIST_DB, else bidassist.db beside the contract).",
        ),
    ) -> None:
        """Check a contract for supplier traps; compare it with the tender. Exit 0: nothing at or above
        --fail-on; 1: something; 2: error. 合同审查：背靠背、审计结算、质保金、违约金、单方变更等，并与招标文件比对。"""
        from rich.console import Console

        from bidassist.checklist import check_contract, load_packs

        _check_options(fmt, lang, fail_on, out, annotate, force)
        if contract.is_dir():
            from bidassist.cli.check_batch import run_batch

            raise typer.Exit(
                run_batch(
                    contract,
                    record=record,
                    jobs=jobs,
                    db=db,
                    customer=customer,
                    lang=lang,
                    fmt="json" if fmt == "json" else "table",
                    fail_on=fail_on or "high",
                )
            )
        context = None
        we_typed = we is not None  # the bid file's bidder may be absent from a template contract
        if contract.suffix.lower() in (".yaml", ".yml"):
            contract, against, waivers, fail_on, we, customer, context = _from_bid_file(
                contract, against, waivers, fail_on, we, customer
            )
        fail_on = fail_on or "high"
        if annotate is not None and annotate.resolve() == contract.resolve():
            raise InputError("--annotate must not overwrite the contract", str(annotate))
        rules = load_packs(list(packs) if packs else None)
        result = check_contract(
            contract,
            rules,
            against=against,
            waivers=waivers,
            lang=lang,
            we=we,
            bid_price=_bid_price(against),
            context=context,
            model=not no_model,
            we_strict=we_typed,
        )
        report_lang = lang or result.lang
        if record:
            from bidassist.store.review import record_review

            Console(stderr=True, highlight=False).print(
                str(record_review(db, contract, result.to_json(), customer=customer))
            )
        _write_report(result, fmt, report_lang, out, force=force)
        if annotate is not None:
            from bidassist.reports.check_docx import annotate_docx

            n = annotate_docx(contract, result, annotate, lang=report_lang, force=force)
            Console(stderr=True).print(f"{n} comments → {annotate}")
        if result.has_at_least(fail_on):
            raise typer.Exit(1)


def _write_report(result: CheckResult, fmt: str, lang: str, out: Path | None, *, force: bool) -> None:
    """The review as a table on the terminal, or as JSON / Markdown / HTML to `out` or stdout."""
    from rich.console import Console

    if fmt == "table":
        from bidassist.reports.check_terminal import print_result

        print_result(result, Console(highlight=False, soft_wrap=False), lang)
        return
    if fmt == "json":
        from bidassist.reports.check_json import render_json as render
    elif fmt == "md":
        from bidassist.reports.check_md import render_md as render
    else:
        from bidassist.reports.check_html import render_html as render
    text = render(result, lang)
    if out is None:
        typer.echo(text, nl=False)
        return
    from bidassist.core.safeio import atomic_write_text

    atomic_write_text(out, text, force=force)


def _check_options(
    fmt: str, lang: str | None, fail_on: str | None, out: Path | None, annotate: Path | None, force: bool
) -> None:
    if fmt not in FORMATS:
        raise InputError(f"--format must be one of {', '.join(FORMATS)}, got {fmt!r}", "--format")
    if lang is not None and lang not in ("zh", "en"):
        raise InputError(f"--lang must be zh or en, got {lang!r}", "--lang")
    if fail_on is not None and fail_on not in SEVERITIES:
        raise InputError(f"--fail-on must be high, medium or low, got {fail_on!r}", "--fail-on")
    if out is not None and fmt == "table":
        raise InputError("-o needs --format json, md or html", "-o")
    from bidassist.core.safeio import check_output

    for path in (out, annotate):
        if path is not None:  # before the review runs: a refused output costs nothing
            check_output(path, force=force)


def _from_bid_file(
    path: Path,
    against: Path | None,
    waivers: Path | None,
    fail_on: str | None,
    we: str | None,
    customer: str | None,
) -> tuple[Path, Path | None, Path | None, str | None, str | None, str | None, ContractContext]:
    """The contract: section of a bid file (compared with `against`, else the tender's
    terms_file); options given on the command line win."""
    from bidassist.checklist.scope import ContractContext
    from bidassist.core.bidfile import load_bid

    bid = load_bid(path)
    if bid.contract is None:
        raise InputError("the bid file has no contract: section", str(path))
    return (
        bid.contract.file,
        against or bid.contract.against or bid.tender.terms_file,
        waivers or bid.contract.waivers,
        fail_on or bid.contract.fail_on,
        we or bid.bidder.company,
        customer or bid.tender.buyer,
        ContractContext.of(bid.contract, bidder_sme=bid.bidder.sme),
    )


def _bid_price(against: Path | None):
    """The price the bid uses when comparing with a bid file (offer.price or the recommended one)."""
    if against is None or against.suffix.lower() not in (".yaml", ".yml"):
        return None
    from bidassist.workflow import bid_file_price

    return bid_file_price(against)
