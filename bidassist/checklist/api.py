"""The library entry points: check a text or a contract file (optionally against the tender)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bidassist.core.errors import InputError

if TYPE_CHECKING:
    from bidassist.core.bidfile import Bid

from .dockind import in_contract_setting
from .doclevel import apply_document_rules
from .engine import TEXT_LIMIT, Unit, check_units, languages_of, stated_price
from .options import not_on_unselected
from .parties import (
    Parties,
    Party,
    choose_we,
    defined_parties,
    drafter_of,
    find_parties,
    head_counterparty,
    head_first,
    named_pair,
    parties_from_usage,
    preamble_parties,
    roles,
    with_abbreviations,
    with_duty_party,
    with_first_person_party,
    with_name_heads,
    with_name_tails,
    with_named_other_side,
    with_named_party,
    with_pronoun_parties,
    with_public_body,
    with_we_named,
)
from .result import CheckResult
from .rules import RuleSet, load_packs
from .scope import ContractContext, apply_scope
from .truecase import case_forms, shouts_somewhere, truecase
from .units import clause_key, once_per_clause, units_from_clauses

__all__ = [
    "check_bid_contract",
    "check_contract",
    "check_text",
    "run_units",
    "units_from_clauses",
    "contract_parties",
]

#: units read from each end of a contract for its parties (definitions and signature blocks)
PARTY_HEAD, PARTY_TAIL = 40, 25


def _languages(lang: str | None) -> set[str] | None:
    if lang is None:
        return None
    if lang not in ("zh", "en"):
        raise InputError(f"unknown language {lang!r}; use zh or en", "--lang")
    return {lang}


def contract_parties(units: list[Unit], we: str | None = None, *, we_strict: bool = True) -> Parties:
    """The parties named at either end of the contract, and which of them we are (`we_strict`:
    a `we` that names no party is an error, else a note). Shouted lines are read with their case
    given back (truecase.py)."""
    units = _with_case(units)
    head = [(u.text, u.location) for u in units[:PARTY_HEAD]]
    found = find_parties(
        head + [(u.text, u.location) for u in units[max(PARTY_HEAD, len(units) - PARTY_TAIL) :]]
    )
    head_parties = find_parties(head)
    if _both_sides(head_parties) and _head_roles_changed(found, head_parties):
        found = head_first(found, head_parties)
    text = "\n".join(u.text[u.lead_chars :] for u in units)  # a list's lead-in once, not once per item
    if not _both_sides(found):
        found = found + _new_parties(found, defined_parties((u.text, u.location) for u in units))
    if not _both_sides(found):
        inner = [(u.text, u.location) for u in units[PARTY_HEAD : max(PARTY_HEAD, len(units) - PARTY_TAIL)]]
        found = found + _new_parties(found, preamble_parties(inner, _both_sides))
    if not _both_sides(found):
        found = found + _new_parties(found, named_pair(text, we))
    if not _both_sides(found):
        found = found + _unseen(found, parties_from_usage(text))
    found = with_name_tails(with_pronoun_parties(with_named_party(found, text), text), text)
    found = with_name_heads(found, text)
    found = with_abbreviations(found, text)
    found = with_duty_party(with_first_person_party(found, text), text)
    found = with_named_other_side(with_public_body(found, text), text)
    if not _both_sides(found):
        found = found + _new_parties(found, head_counterparty(found, text))
    out = choose_we(with_we_named(found, text, we), we, strict=we_strict)
    out.drafter = drafter_of(out.parties)
    return out


def _with_case(units: list[Unit]) -> list[Unit]:
    """The units with their shouted lines in their usual case (the same units where none shouts)."""
    shouting = [shouts_somewhere(u.text) for u in units]
    if not any(shouting):
        return units
    forms = case_forms("\n".join(u.text for u in units))
    return [
        replace(u, text=truecase(u.text, forms), _norm=None, _langs=None) if shouts else u
        for u, shouts in zip(units, shouting, strict=True)
    ]


def _head_roles_changed(found: list[Party], head: list[Party]) -> bool:
    """Did reading the end of the document change the role of a party the head names (an owner
    turned third party by a guarantee form's Company)?"""
    in_head = {lab: p.role for p in head for lab in p.labels}
    return any(in_head.get(lab, p.role) != p.role for p in found for lab in p.labels)


def _both_sides(parties: list[Party]) -> bool:
    return any(p.role == "buyer" for p in parties) and any(p.role == "supplier" for p in parties)


def _unseen(found: list[Party], more: list[Party]) -> list[Party]:
    """The parties of `more` that share no label with one already found."""
    return [p for p in more if not any(set(p.labels) & set(q.labels) for q in found)]


def _new_parties(found: list[Party], more: list[Party]) -> list[Party]:
    """The parties of `more` of a side not found yet that share no label with one already found."""
    sides = {p.role for p in found}
    return [p for p in _unseen(found, more) if p.role in ("buyer", "supplier") and p.role not in sides]


def once_per_bilingual_clause(findings: list) -> list:
    """A bilingual contract states each clause twice (中文 then English, same number, written
    第七条 / Article 7): a category flagged on both is reported once, in the language of the
    first text."""
    first_lang: dict[tuple[str, str], str] = {}
    out = []
    for f in findings:
        key = (f.category, clause_key(f.clause))
        if f.clause and key in first_lang and first_lang[key] != f.language:
            continue
        first_lang.setdefault(key, f.language)
        out.append(f)
    return out


def not_from_lead_in(findings: list, units: list[Unit]) -> list:
    """Findings less those on a list item read after its lead-in (units.py) whose category the
    lead-in itself was flagged for: the lead-in's trap is reported once, on the lead-in."""
    items = {(u.clause, u.text[:TEXT_LIMIT]): u.lead_of for u in units if u.lead_of}
    if not items:
        return findings
    flagged = {(f.clause, f.category) for f in findings}
    return [
        f
        for f in findings
        if (lead := items.get((f.clause, f.text))) is None or (lead, f.category) not in flagged
    ]


def _drafted_by(ruleset: RuleSet, rule_id: str) -> str:
    try:
        return ruleset.rule(rule_id).rule.drafted_by
    except KeyError:  # a document-level or comparison finding
        return "any"


def no_model_on_lead_in(findings: list, units: list[Unit]) -> list:
    """Findings less the clause model's on a lead-in that list items complete ("The Authority may
    terminate the Contract:"): the items are read with it, and the model would judge half a sentence."""
    leads = {u.lead_of for u in units if u.lead_of}
    return [f for f in findings if getattr(f, "source", "rule") != "model" or f.clause not in leads]


def _with_model(units, ruleset, findings, terms, lang, model) -> None:
    """Add the clause model's findings and key terms (model: True for the shipped layer, or a
    ClauseLayer; False: rules only)."""
    if model is False or model is None:
        return
    from .model import default_layer, model_findings, model_types, vectors_kept

    layer = default_layer() if model is True else model
    with vectors_kept():  # each clause's vector computed once for both models
        more, more_terms = model_findings(units, ruleset, findings, _languages(lang), layer)
        findings.extend(more)
        terms.extend(more_terms)
        terms[:] = model_types(units, terms, ruleset, _languages(lang), layer)


def run_units(
    units: list[Unit],
    rules: RuleSet,
    *,
    name: str,
    lang: str | None = None,
    we: str | None = None,
    model=True,
    we_strict: bool = True,
) -> CheckResult:
    """Check the clauses: rules, then the clause model (unless `model` is False), then the
    document-level rules over both. `we_strict`: a `we` naming no party is an InputError (a name
    the user typed), else a note (the bid file's bidder, a corpus label)."""
    parties = contract_parties(units, we, we_strict=we_strict)
    price = stated_price(u.text for u in units)
    for u in units:  # a bond, retention or deposit stated as an amount is read as a share of it
        u.price = price
    ruleset = rules.for_roles(roles(parties, rules.vocabulary))
    findings, terms, n = check_units(units, ruleset, languages=_languages(lang))
    findings = not_from_lead_in(once_per_clause(findings), units)
    _with_model(units, ruleset, findings, terms, lang, model)
    findings = not_on_unselected(no_model_on_lead_in(findings, units), units)
    if parties.drafter == parties.we:  # our own terms: the other side's drafting traps do not apply
        findings = [f for f in findings if _drafted_by(ruleset, f.rule) != "buyer"]
    doc_langs = _languages(lang) or languages_of("".join(u.text for u in units[:200]))
    findings = once_per_bilingual_clause(apply_document_rules(findings, units, ruleset, doc_langs, parties))
    findings = in_contract_setting(findings, lambda: "\n".join(u.text for u in units), ruleset.rule_settings)
    result = CheckResult(
        name=name,
        findings=findings,
        clauses=terms,
        clause_count=n,
        rule_count=len(rules.rules),
        parties=parties.to_json(),
    )
    result.notes.extend(parties.notes)
    result.lang = lang or _main_language(units)
    return result


def _main_language(units: list[Unit]) -> str:
    from .engine import languages_of

    sample = "".join(u.text for u in units[:50])
    langs = languages_of(sample)
    return "zh" if "zh" in langs else "en"


def check_text(
    text: str,
    rules: RuleSet,
    *,
    name: str = "text",
    lang: str | None = None,
    we: str | None = None,
    model: bool = True,
    we_strict: bool = True,
) -> CheckResult:
    """Split `text` into clauses by its numbering and check every clause."""
    from bidassist.reading import split_clauses
    from bidassist.reading.text import text_blocks_and_headings

    # each heading detected once; plain rows, not models: the blocks and clauses stay inside
    blocks, headings = text_blocks_and_headings(text, name, rows=True)
    clauses = split_clauses(blocks, headings=headings, rows=True)
    return run_units(
        units_from_clauses(clauses), rules, name=name, lang=lang, we=we, model=model, we_strict=we_strict
    )


def check_contract(
    path: Path,
    rules: RuleSet | None = None,
    *,
    against: Path | None = None,
    waivers: Path | None = None,
    lang: str | None = None,
    we: str | None = None,
    bid_price=None,
    context: ContractContext | None = None,
    model: bool = True,
    we_strict: bool = True,
) -> CheckResult:
    """Read a contract (.docx/.doc/.txt/.md/.pdf), check it with the packs (default: all shipped
    packs), compare it with the tender terms or bid file `against`, and drop waived findings.
    `we` names our party (supplier by default, or a party's name); `bid_price` is the price the
    bid uses when `against` is a bid file that does not write offer.price; `context` (who pays whom)
    downgrades findings whose legal basis does not bind this contract (checklist/scope.py).
    `model`: False checks with the rules only (no clause model); `we_strict`: see run_units."""
    from bidassist.reading import read_contract

    path = Path(path)
    rules = rules if rules is not None else load_packs()
    contract = read_contract(path)
    units = units_from_clauses(contract.clauses)
    if not units:
        raise InputError(
            "no text found in the contract (is it empty, or a scan without a text layer?)", str(path)
        )
    result = run_units(units, rules, name=path.name, lang=lang, we=we, model=model, we_strict=we_strict)
    result.findings = apply_scope(result.findings, context)
    result.notes.extend(contract.notes or [])
    if against is not None:
        from .compare import compare_with

        result.against = Path(against).name
        result.findings.extend(compare_with(units, Path(against), rules, lang=lang, bid_price=bid_price))
    from .waivers import apply_waivers, waiver_key

    for f in result.findings:
        f.waiver_key = waiver_key(f.rule, f.text)
    if waivers is not None:
        apply_waivers(result, Path(waivers))
    return result


def check_bid_contract(bid: Bid, rules: RuleSet | None = None, **options: Any) -> CheckResult:
    """The bid file's draft contract checked with its settings: compared with `contract.against`
    (else the tender's `terms_file`), its waivers, and who pays whom for the rules' legal scope."""
    section = bid.contract
    if section is None:
        raise InputError("the bid file has no contract: section", str(bid.source or "bid file"))
    return check_contract(
        section.file,
        rules,
        against=section.against or bid.tender.terms_file,
        waivers=section.waivers,
        context=ContractContext.of(section, bidder_sme=bid.bidder.sme),
        **options,
    )
