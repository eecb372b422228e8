"""Key accounts as JSON for tools: every customer's value, tier and flags with their evidence,
and the ids of the store rows each figure comes from."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from bidassist.accounts.assess import Account, Assessment
from bidassist.accounts.bidding import BidDecision
from bidassist.accounts.decide import Decision


def _num(v: float | None, digits: int = 6) -> float | None:
    return None if v is None else round(v, digits)


def _money(v: Decimal) -> str:
    return f"{v:.2f}"


def account_json(a: Account) -> dict[str, Any]:
    v, p, pay = a.value, a.place, a.value.payments
    return {
        "key": v.key,
        "name": v.name,
        "members": list(v.members),
        "tier": p.tier,
        "rank": p.rank,
        "of": p.of,
        "explain": p.explain(),
        "profit_share": _num(p.profit_share),
        "revenue_share": _num(p.revenue_share),
        "revenue": _money(v.revenue),
        "direct_cost": _money(v.direct_cost),
        "uncosted_revenue": _money(v.uncosted_revenue),
        "cost_to_serve": _money(v.cost_to_serve),
        "penalties": _money(v.penalties),
        "financing_cost": _money(v.financing_cost),
        "profit": _money(v.profit),
        "margin": _num(v.margin),
        "by_year": [
            {"year": y.year, "revenue": _money(y.revenue), "gross_margin": _money(y.gross_margin)}
            for y in v.by_year
        ],
        "orders": v.orders,
        "first_order": v.first_order.isoformat() if v.first_order else None,
        "last_order": v.last_order.isoformat() if v.last_order else None,
        "tenure_days": v.tenure_days,
        "orders_per_year": _num(v.orders_per_year, 3),
        "gap_cv": _num(v.gap_cv, 3),
        "p_alive": _num(a.p_alive),
        "payments": {
            "dso": _num(pay.dso, 2),
            "share_late": _num(pay.share_late),
            "open": _money(pay.open_amount),
            "overdue": _money(pay.overdue_amount),
            "dso_slope_per_year": _num(pay.dso_slope_per_year, 2),
            "invoices": [
                {
                    "id": i.invoice_id,
                    "date": i.date.isoformat(),
                    "due": i.due.isoformat(),
                    "amount": _money(i.amount),
                    "open": _money(i.open),
                    "days": round(i.days, 2),
                    "late": i.late,
                    "financing_cost": _money(i.financing_cost),
                }
                for i in pay.invoices
            ],
        },
        "tenders": {
            "invited": v.tenders.invited,
            "bid": v.tenders.bid,
            "won": v.tenders.won,
            "lost": v.tenders.lost,
            "lost_to": v.tenders.lost_to,
        },
        "findings": v.findings,
        "high_findings": v.high_findings,
        "flags": [{"name": f.name, "evidence": list(f.evidence), "values": f.values} for f in a.flags],
        "ids": {k: list(ids) for k, ids in v.ids.items()},
    }


def assessment_json(result: Assessment) -> dict[str, Any]:
    m = result.repeat_model.model
    return {
        "by_group": result.by_group,
        "repeat_model": {
            "note": result.repeat_model.note,
            "params": None
            if m is None
            else {"r": m.r, "alpha": m.alpha, "a": m.a, "b": m.b, "variant": m.variant},
        },
        "accounts": [account_json(a) for a in result.ranked()],
    }


def decision_json(d: Decision) -> dict[str, Any]:
    return {
        "verdict": d.verdict,
        "reasons": list(d.reasons),
        "conditions": list(d.conditions),
        "notes": list(d.notes),
        "margin_floor": d.margin_floor,
        "min_price": _money(d.min_price) if d.min_price is not None else None,
    }


def bid_decision_json(d: BidDecision) -> dict[str, Any]:
    v = d.view
    return {
        "customer": d.customer,
        "account": account_json(d.account) if d.account else None,
        "decision": decision_json(d.decision),
        "pricing": {
            "price": _money(v.price),
            "p_win": _num(v.p_win),
            "expected_profit": _money(v.expected_profit),
            "margin": _num(v.margin),
            "break_even": _money(v.break_even),
            "nominal_days": _num(v.nominal_days, 2),
            "priced_days": _num(v.priced_days, 2),
            "status": v.status,
            "status_reason": v.status_reason,
        },
        "adjustments": list(d.adjustments),
        "traps": [
            {"category": t.category, "severity": t.severity, "clause": t.clause, "message": t.message}
            for t in d.traps
        ],
    }
