"""Shared wording of the check reports (terminal, Markdown, HTML, Word comments)."""

from __future__ import annotations

from bidassist.checklist.compare import show
from bidassist.checklist.result import CheckResult, Finding

SEVERITY_LABEL = {
    "zh": {"high": "高", "medium": "中", "low": "低"},
    "en": {"high": "high", "medium": "medium", "low": "low"},
}
HEAD = {
    "zh": {
        "title": "合同审查报告",
        "document": "合同",
        "against": "对照",
        "clauses": "条款数",
        "findings": "发现",
        "severity": "风险",
        "clause": "条款",
        "category": "类别",
        "message": "说明",
        "matched": "原文",
        "basis": "依据",
        "fallback": "建议措辞",
        "change": "变化",
        "none": "未发现问题。",
        "terms": "关键条款",
        "type": "类型",
        "values": "数值",
        "notes": "提示",
        "waived": "已豁免",
        "location": "位置",
    },
    "en": {
        "title": "Contract review",
        "document": "Contract",
        "against": "Compared with",
        "clauses": "Clauses",
        "findings": "Findings",
        "severity": "Severity",
        "clause": "Clause",
        "category": "Category",
        "message": "Why",
        "matched": "Text",
        "basis": "Basis",
        "fallback": "Suggested wording",
        "change": "Change",
        "none": "No findings.",
        "terms": "Key terms",
        "type": "Type",
        "values": "Values",
        "notes": "Notes",
        "waived": "Waived",
        "location": "Location",
    },
}


def lang_of(result: CheckResult, lang: str | None) -> str:
    return lang if lang in ("zh", "en") else (result.lang if result.lang in ("zh", "en") else "zh")


#: a clause label longer than this (a section title reported as its label) is cut at a word in the
#: terminal table, where the column is narrow
SHORT_LABEL = 24


def clause_label(f: Finding, short: bool = False) -> str:
    clause = f.clause
    if short and clause and len(clause) > SHORT_LABEL:
        cut = clause[:SHORT_LABEL].rsplit(" ", 1)[0] if " " in clause[:SHORT_LABEL] else clause[:SHORT_LABEL]
        clause = cut.rstrip(" ,;:") + "…"
    if clause and f.location:
        return f"{clause} ({f.location})"
    return clause or f.location or "—"


def change_text(f: Finding, lang: str) -> str | None:
    if f.term is None:
        return None
    kind = {
        "price": "amount",
        "advance": "percent",
        "retention_share": "percent",
        "bond": "percent",
        "penalty_cap": "percent",
        "retention_months": "months",
        "warranty_months": "months",
        "duration_days": "days",
        "penalty_rate": "daily_rate",
    }.get(f.term)
    if kind is None:
        kind = "days" if f.term.endswith(".days") else "percent"
    where = f" [{f.from_location}]" if f.from_location else ""
    return f"{show(f.from_value, kind, lang)}{where} → {show(f.to_value, kind, lang)}"


def sorted_findings(result: CheckResult) -> list[Finding]:
    rank = {"high": 0, "medium": 1, "low": 2}
    return sorted(result.findings, key=lambda f: (rank[f.severity], f.block_indices[:1] or [10**9]))


def comment_text(f: Finding, lang: str) -> str:
    """The Word comment on a flagged clause: severity, category, why, basis, fallback."""
    other = "en" if lang == "zh" else "zh"
    parts = [
        f"[{SEVERITY_LABEL[lang][f.severity]}] {f.category_name(lang)} ({f.category})",
        f.message_in(lang),
        f.message_in(other),
    ]
    change = change_text(f, lang)
    if change:
        parts.append(("变化：" if lang == "zh" else "Change: ") + change)
    if f.basis:
        parts.append(("依据：" if lang == "zh" else "Basis: ") + f.basis)
    fb = f.fallback_in(lang)
    if fb:
        parts.append(("建议措辞：" if lang == "zh" else "Suggested wording: ") + fb)
    return "\n".join(parts)
