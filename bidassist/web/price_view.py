"""What the pricing page shows, from a PriceResult: figures, charts (SVG), tornado, scenarios."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from bidassist.web.charts import s_curve_chart, tornado_chart, win_profit_chart


@dataclass
class PriceView:
    result: Any
    json: dict
    curve_svg: str
    s_curve_svg: str
    tornado_svg: str
    rivals: list[dict] = field(default_factory=list)
    scenarios: list[dict] = field(default_factory=list)


def build_price_view(result) -> PriceView:
    data = result.to_json()
    band = data.get("near_optimal_band")
    curve = win_profit_chart(
        [float(c.price) for c in result.curve],
        [c.p_win for c in result.curve],
        [float(c.expected_profit) for c in result.curve],
        recommended=float(result.recommended.price),
        band=(float(band["low"]), float(band["high"])) if band else None,
    )
    s_curve = s_curve_chart([(float(p), float(c)) for p, c in result.s_curve])
    bars = [(s.name, s.share_of_variance or 0.0) for s in result.sensitivity if s.kind in ("line", "risk")]
    rivals = [d for d in data["sensitivity"] if d["kind"] not in ("line", "risk")]
    return PriceView(
        result=result,
        json=data,
        curve_svg=curve,
        s_curve_svg=s_curve,
        tornado_svg=tornado_chart(bars),
        rivals=rivals,
        scenarios=list(data.get("scenarios") or []),
    )
