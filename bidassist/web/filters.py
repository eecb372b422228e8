"""Jinja filters for the pages: money, percentages, severity labels."""

from __future__ import annotations

from decimal import Decimal

from bidassist.core.money import format_money

SEVERITY = {"high": "高 high", "medium": "中 medium", "low": "低 low"}


def money(value) -> str:
    if value is None or value == "":
        return "—"
    return format_money(Decimal(str(value)))


def pct(value, digits: int = 1) -> str:
    if value is None:
        return "—"
    return f"{float(value) * 100:.{digits}f}%"


def register_filters(env) -> None:
    env.filters["money"] = money
    env.filters["pct"] = pct
    env.globals["SEVERITY"] = SEVERITY
