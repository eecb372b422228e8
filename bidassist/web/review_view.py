"""What the contract review page shows: clauses with their findings beside them, the filters,
the key terms and the changed terms (wording from the reports' shared module)."""

from __future__ import annotations

from dataclasses import dataclass, field

from bidassist.reports.check_common import change_text, clause_label

SEVERITIES = ("high", "medium", "low")
MAX_CLAUSE_CHARS = 3000


@dataclass
class FindingView:
    key: str | None
    rule: str
    severity: str
    category: str
    category_name: str
    clause: str
    message: str
    basis: str | None
    fallback: str | None
    matched: str | None
    change: str | None
    text: str


@dataclass
class ClauseView:
    number: str | None
    title: str | None
    text: str
    location: str
    findings: list[FindingView] = field(default_factory=list)

    @property
    def worst(self) -> str | None:
        for s in SEVERITIES:
            if any(f.severity == s for f in self.findings):
                return s
        return None


@dataclass
class ReviewView:
    name: str
    against: str | None
    lang: str
    summary: dict
    clauses: list[ClauseView]
    general: list[FindingView]
    categories: list[tuple[str, str]]
    key_terms: list[dict]
    changes: list[FindingView]
    waived: list[FindingView]
    notes: list[str]
    shown: int


def _finding(f, lang: str) -> FindingView:
    return FindingView(
        key=f.waiver_key,
        rule=f.rule,
        severity=f.severity,
        category=f.category,
        category_name=f.category_name(lang),
        clause=clause_label(f),
        message=f.message_in(lang),
        basis=f.basis,
        fallback=f.fallback_in(lang),
        matched=f.matched,
        change=change_text(f, lang),
        text=f.text,
    )


def _wanted(f, severity: str, category: str) -> bool:
    return (not severity or f.severity == severity) and (not category or f.category == category)


def _key_terms(result) -> list[dict]:
    rows = []
    for k in result.clauses:
        values = "; ".join(
            f"{name}: {', '.join(str(v) for v in vals)}" for name, vals in (k.values or {}).items()
        )
        rows.append(
            {"type": k.type, "clause": k.clause or k.location or "—", "values": values, "text": k.text[:240]}
        )
    return rows


def build_view(
    result, clauses, lang: str | None, *, severity: str = "", category: str = "", flagged_only: bool = False
) -> ReviewView:
    lang = lang or result.lang or "zh"
    severity = severity if severity in SEVERITIES else ""
    views = [
        ClauseView(
            number=c.number,
            title=c.title,
            location=c.location,
            text=c.text if len(c.text) <= MAX_CLAUSE_CHARS else c.text[:MAX_CLAUSE_CHARS] + "…",
        )
        for c in clauses
    ]
    owner = {i: n for n, c in enumerate(clauses) for i in (c.block_indices or [])}
    general: list[FindingView] = []
    changes: list[FindingView] = []
    shown = 0
    for f in sorted(result.findings, key=lambda f: SEVERITIES.index(f.severity)):
        fv = _finding(f, lang)
        if f.term is not None:
            changes.append(fv)
        if not _wanted(f, severity, category):
            continue
        shown += 1
        where = next((owner[i] for i in f.block_indices if i in owner), None)
        (views[where].findings if where is not None else general).append(fv)
    if flagged_only or severity or category:
        views = [v for v in views if v.findings]
    cats = sorted({(f.category, f.category_name(lang)) for f in result.findings})
    return ReviewView(
        name=result.name,
        against=result.against,
        lang=lang,
        summary=result.summary,
        clauses=views,
        general=general,
        categories=cats,
        key_terms=_key_terms(result),
        changes=changes,
        waived=[_finding(f, lang) for f in result.waived],
        notes=list(result.notes),
        shown=shown,
    )
