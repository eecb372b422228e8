"""Whose law a rule cites (its `scope`) against who signs this contract (the bid file's
`contract.payer`, `supplier_sme`, `construction`).

Many anchors bind only some payers paying some suppliers (shared/domain/legal.md): the SME payment
rules (保障中小企业款项支付条例) bind government bodies "G" and large enterprises "L" (state-owned
ones "SOE" included) paying an SME; construction anchors bind construction contracts "C"; tender
anchors bind tendered contracts "T". Where a rule's scope is known not to match this contract, the
clause is not unlawful here but a commercial risk: the finding says so and is one severity lower.
Unknown facts (the defaults) never downgrade.

Reading a scope: payer letters (G, L, SOE) are alternatives, and so are contract kinds (T, C); the
groups and SME must all hold. A bid's contract comes from a tender, so a scope naming T always
applies (e.g. [T, G]: the tendering law, or the procurement law for a public buyer).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Literal

from .result import Finding

if TYPE_CHECKING:
    from bidassist.core.bidfile import ContractSection

Payer = Literal["government", "soe", "large", "private", "unknown"]

#: the scope letters each kind of payer answers to
PAYER_LETTERS: dict[str, frozenset[str]] = {
    "government": frozenset({"G"}),
    "soe": frozenset({"SOE", "L"}),
    "large": frozenset({"L"}),
    "private": frozenset(),
}
_PAYER_SCOPES = frozenset({"G", "L", "SOE"})
#: a finding whose scope does not hold drops to the next severity
DOWNGRADE = {"high": "medium", "medium": "low", "low": "low"}


@dataclass(frozen=True)
class ContractContext:
    """Who signs: the buyer's kind, whether we are an SME, whether it is a construction contract
    (None / "unknown": not said)."""

    payer: Payer = "unknown"
    supplier_sme: bool | None = None
    construction: bool | None = None

    @classmethod
    def of(cls, section: ContractSection, *, bidder_sme: bool = False) -> ContractContext:
        """From the bid file's contract section; a bidder declared an SME (bidder.sme) is an SME
        supplier unless the section says otherwise."""
        sme = section.supplier_sme if section.supplier_sme is not None else (True if bidder_sme else None)
        return cls(section.payer, sme, section.construction)


def scope_mismatch(scope: list[str], ctx: ContractContext) -> str | None:
    """Why the rule's legal basis does not bind this contract, or None when it does (or may)."""
    letters = set(scope)
    if "T" in letters:
        return None
    payers = letters & _PAYER_SCOPES
    if payers and ctx.payer in PAYER_LETTERS and not payers & PAYER_LETTERS[ctx.payer]:
        return f"payer is {ctx.payer}, the basis binds {'/'.join(sorted(payers))} payers"
    if "SME" in letters and ctx.supplier_sme is False:
        return "the supplier is not an SME"
    if "C" in letters and ctx.construction is False:
        return "not a construction contract"
    return None


def apply_scope(findings: list[Finding], ctx: ContractContext | None) -> list[Finding]:
    """The findings with those whose legal basis does not bind this contract downgraded to a
    commercial risk (one severity lower, the reason in the message)."""
    if ctx is None or ctx == ContractContext():
        return findings
    out = []
    for f in findings:
        why = scope_mismatch(f.scope, ctx)
        if why is None:
            out.append(f)
            continue
        message = dict(f.message)
        message["zh"] = f"{f.message_in('zh')}（法律依据不适用于本合同：{why}；按商业风险谈判）"
        message["en"] = (
            f"{f.message_in('en')} (the legal basis does not bind this contract: {why}; a commercial risk to negotiate)"
        )
        out.append(replace(f, severity=DOWNGRADE[f.severity], message=message))
    return out
