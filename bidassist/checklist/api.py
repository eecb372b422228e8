"""The library entry points: check a text or a contract file (optionally against the tender)."""

from __future__ import annotations

from pathlib import Path

from bidassist.core.errors import InputError

from .engine import Unit, check_units
from .result import CheckResult
from .rules import RuleSet, load_packs


def units_from_clauses(clauses) -> list[Unit]:
    """Engine units from bidassist.reading Clause objects."""
    units = []
    for c in clauses:
        text = c.text if not c.title or c.title in c.text else f"{c.title} {c.text}"
        if not text.strip():
            continue
        units.append(Unit(text=text, clause=c.number or None,
                          location=None if c.location is None else str(c.location),
                          block_indices=list(c.block_indices or []), title=c.title))
    return units


def _languages(lang: str | None) -> set[str] | None:
    if lang is None:
        return None
    if lang not in ("zh", "en"):
        raise InputError(f"unknown language {lang!r}; use zh or en", "--lang")
    return {lang}


def run_units(units: list[Unit], rules: RuleSet, *, name: str, lang: str | None = None) -> CheckResult:
    findings, terms, n = check_units(units, rules, languages=_languages(lang))
    result = CheckResult(name=name, findings=findings, clauses=terms, clause_count=n,
                         rule_count=len(rules.rules))
    result.lang = lang or _main_language(units)
    return result


def _main_language(units: list[Unit]) -> str:
    from .engine import languages_of

    sample = "".join(u.text for u in units[:50])
    langs = languages_of(sample)
    return "zh" if "zh" in langs else "en"


def check_text(text: str, rules: RuleSet, *, name: str = "text", lang: str | None = None) -> CheckResult:
    """Split `text` into clauses by its numbering and check every clause."""
    from bidassist.reading import split_clauses, text_blocks

    clauses = split_clauses(text_blocks(text, name))
    return run_units(units_from_clauses(clauses), rules, name=name, lang=lang)


def check_contract(path: Path, rules: RuleSet | None = None, *, against: Path | None = None,
                   waivers: Path | None = None, lang: str | None = None) -> CheckResult:
    """Read a contract (.docx/.txt/.md/.pdf), check it with the packs (default: all shipped
    packs), compare it with the tender terms or bid file `against`, and drop waived findings."""
    from bidassist.reading import read_contract

    path = Path(path)
    rules = rules if rules is not None else load_packs()
    contract = read_contract(path)
    units = units_from_clauses(contract.clauses)
    if not units:
        raise InputError("no text found in the contract (is it empty, or a scan without a text layer?)",
                         str(path))
    result = run_units(units, rules, name=path.name, lang=lang)
    result.notes.extend(contract.notes or [])
    if against is not None:
        from .compare import compare_with

        result.against = Path(against).name
        result.findings.extend(compare_with(units, Path(against), rules, lang=lang))
    from .waivers import apply_waivers, waiver_key

    for f in result.findings:
        f.waiver_key = waiver_key(f.rule, f.text)
    if waivers is not None:
        apply_waivers(result, Path(waivers))
    return result
