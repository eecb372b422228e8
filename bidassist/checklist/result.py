"""What a check returns: findings, key terms (recognised clause types), a summary."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from .categories import CATEGORIES, SEVERITY_RANK


def json_number(value: Any) -> Any:
    """Decimals as JSON numbers (int when whole); other values unchanged."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, dict):
        return {k: json_number(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [json_number(v) for v in value]
    return value


@dataclass
class Finding:
    rule: str
    category: str
    severity: str
    clause: str | None
    location: str | None
    text: str
    message: dict[str, str]  # {"zh": ..., "en": ...}
    basis: str | None = None
    fallback: dict[str, str] | None = None
    value: Any = None  # the number that decided it (normalised)
    threshold: Any = None
    matched: str | None = None  # the words that matched
    scope: list[str] = field(default_factory=list)
    language: str = "zh"
    block_indices: list[int] = field(default_factory=list)
    waiver_key: str | None = None
    # compare mode
    from_value: Any = None
    to_value: Any = None
    from_location: str | None = None
    from_clause: str | None = None
    term: str | None = None  # compare mode: which key term changed
    #: "rule" (a rule pack matched) or "model" (the clause model; the rule explains it)
    source: str = "rule"
    confidence: float | None = None  # the model's calibrated probability (source: model)

    def message_in(self, lang: str) -> str:
        return self.message.get(lang) or self.message.get("zh") or next(iter(self.message.values()))

    def fallback_in(self, lang: str) -> str | None:
        if not self.fallback:
            return None
        return self.fallback.get(lang) or self.fallback.get("zh")

    def category_name(self, lang: str) -> str:
        zh, en = CATEGORIES.get(self.category, (self.category, self.category))
        return en if lang == "en" else zh

    def to_json(self, lang: str = "zh") -> dict:
        out: dict[str, Any] = {
            "rule": self.rule,
            "category": self.category,
            "severity": self.severity,
            "clause": self.clause,
            "location": self.location,
            "text": self.text,
            "matched": self.matched,
            "message": self.message_in(lang),
            "messages": dict(self.message),
            "basis": self.basis,
            "fallback": self.fallback_in(lang),
            "fallbacks": dict(self.fallback) if self.fallback else None,
            "scope": list(self.scope),
            "waiver_key": self.waiver_key,
            "source": self.source,
        }
        if self.confidence is not None:
            out["confidence"] = self.confidence
        if self.value is not None or self.threshold is not None:
            out["value"] = json_number(self.value)
            out["threshold"] = json_number(self.threshold)
        if self.term is not None:
            out.update(
                term=self.term,
                **{"from": json_number(self.from_value), "to": json_number(self.to_value)},
                from_location=self.from_location,
                from_clause=self.from_clause,
            )
        return out


@dataclass
class KeyTerm:
    type: str
    clause: str | None
    location: str | None
    text: str
    values: dict[str, list] = field(default_factory=dict)
    language: str = "zh"
    source: str = "rule"  # "model": recognised by the clause model

    def to_json(self) -> dict:
        return {
            "type": self.type,
            "clause": self.clause,
            "location": self.location,
            "text": self.text,
            "values": json_number(self.values),
        }


@dataclass
class CheckResult:
    name: str
    findings: list[Finding] = field(default_factory=list)
    clauses: list[KeyTerm] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    clause_count: int = 0
    rule_count: int = 0
    against: str | None = None
    waived: list[Finding] = field(default_factory=list)
    lang: str = "zh"
    parties: dict = field(default_factory=dict)  # parties.Parties.to_json()

    @property
    def clause_types(self) -> set[str]:
        """Every clause type recognised in the document (KeyTerm.type values)."""
        return {k.type for k in self.clauses}

    @property
    def summary(self) -> dict:
        by_sev = {s: 0 for s in SEVERITY_RANK}
        by_cat: dict[str, int] = {}
        for f in self.findings:
            by_sev[f.severity] = by_sev.get(f.severity, 0) + 1
            by_cat[f.category] = by_cat.get(f.category, 0) + 1
        return {
            "document": self.name,
            "against": self.against,
            "clauses": self.clause_count,
            "rules": self.rule_count,
            "findings": len(self.findings),
            "by_severity": by_sev,
            "by_category": dict(sorted(by_cat.items())),
            "waived": len(self.waived),
            "clause_types": sorted(self.clause_types),
            "notes": list(self.notes),
        }

    def worst(self) -> str | None:
        if not self.findings:
            return None
        return max(self.findings, key=lambda f: SEVERITY_RANK[f.severity]).severity

    def has_at_least(self, severity: str) -> bool:
        need = SEVERITY_RANK[severity]
        return any(SEVERITY_RANK[f.severity] >= need for f in self.findings)

    def to_json(self, lang: str | None = None) -> dict:
        lang = lang or self.lang
        return {
            "findings": [f.to_json(lang) for f in self.findings],
            "summary": self.summary,
            "parties": self.parties,
            "clauses": [k.to_json() for k in self.clauses],
        }
