"""Server-rendered SVG charts: P(win) and expected profit against price, the cost S-curve, the
tornado. Plain SVG elements (no script); every label is escaped."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

W, H = 640, 300
L, R, T, B = 70, 70, 20, 44


@dataclass
class Axis:
    lo: float
    hi: float
    a: float  # pixel of lo
    b: float  # pixel of hi

    def __call__(self, v: float) -> float:
        span = (self.hi - self.lo) or 1.0
        return self.a + (v - self.lo) / span * (self.b - self.a)


def _axis(values: list[float], a: float, b: float, *, zero: bool = False) -> Axis:
    lo, hi = min(values), max(values)
    if zero:
        lo, hi = min(lo, 0.0), max(hi, 0.0)
    if lo == hi:
        lo, hi = lo - 1, hi + 1
    return Axis(lo, hi, a, b)


_CONTROL = dict.fromkeys([*range(0x20), 0x7F, 0xFFFE, 0xFFFF])


def _label(text: str) -> str:
    """Text for an SVG label: escaped, without the control characters XML cannot hold."""
    return escape("".join(ch for ch in text.translate(_CONTROL) if not 0xD800 <= ord(ch) <= 0xDFFF))


def _short(v: float) -> str:
    a = abs(v)
    if a >= 1e8:
        return f"{v / 1e8:.2f}亿"
    if a >= 1e4:
        return f"{v / 1e4:.1f}万"
    return f"{v:.0f}"


def _ticks(axis: Axis, n: int = 5) -> list[float]:
    return [axis.lo + (axis.hi - axis.lo) * i / (n - 1) for i in range(n)]


def _path(xs: list[float], ys: list[float]) -> str:
    return " ".join(
        f"{'M' if i == 0 else 'L'}{x:.1f},{y:.1f}" for i, (x, y) in enumerate(zip(xs, ys, strict=True))
    )


def _frame(title: str, body: list[str], label: str) -> str:
    return (
        f'<svg class="chart" viewBox="0 0 {W} {H}" role="img" aria-label="{escape(label)}" '
        f'xmlns="http://www.w3.org/2000/svg"><title>{escape(title)}</title>'
        f'<rect x="{L}" y="{T}" width="{W - L - R}" height="{H - T - B}" class="plot"/>'
        + "".join(body)
        + "</svg>"
    )


def _x_ticks(x: Axis, fmt=_short) -> list[str]:
    out = []
    for v in _ticks(x):
        px = x(v)
        out.append(
            f'<line x1="{px:.1f}" y1="{H - B}" x2="{px:.1f}" y2="{H - B + 4}" class="tick"/>'
            f'<text x="{px:.1f}" y="{H - B + 16}" class="lbl" text-anchor="middle">{escape(fmt(v))}</text>'
        )
    return out


def _y_ticks(y: Axis, fmt, right: bool = False) -> list[str]:
    out = []
    for v in _ticks(y):
        py = y(v)
        xx, anchor = (W - R + 6, "start") if right else (L - 6, "end")
        out.append(
            f'<line x1="{L}" y1="{py:.1f}" x2="{W - R}" y2="{py:.1f}" class="grid"/>'
            f'<text x="{xx}" y="{py + 4:.1f}" class="lbl" text-anchor="{anchor}">{escape(fmt(v))}</text>'
        )
    return out


def win_profit_chart(
    prices: list[float],
    p_win: list[float],
    profit: list[float],
    *,
    recommended: float | None = None,
    band: tuple[float, float] | None = None,
) -> str:
    """P(win) (left axis) and expected profit (right axis) against the bid price."""
    if not prices:
        return ""
    x = _axis(prices, L, W - R)
    yp = Axis(0.0, 1.0, H - B, T)
    ye = _axis(profit, H - B, T, zero=True)
    body = _y_ticks(yp, lambda v: f"{v:.0%}") + _x_ticks(x)
    for v in _ticks(ye):
        body.append(
            f'<text x="{W - R + 6}" y="{ye(v) + 4:.1f}" class="lbl profit" text-anchor="start">'
            f"{escape(_short(v))}</text>"
        )
    if band is not None:
        body.append(
            f'<rect x="{x(band[0]):.1f}" y="{T}" width="{max(x(band[1]) - x(band[0]), 1):.1f}" '
            f'height="{H - T - B}" class="band"><title>near-optimal band 近优区间</title></rect>'
        )
    body.append(f'<line x1="{L}" y1="{ye(0):.1f}" x2="{W - R}" y2="{ye(0):.1f}" class="zero"/>')
    body.append(f'<path d="{_path([x(v) for v in prices], [yp(v) for v in p_win])}" class="line pwin"/>')
    body.append(f'<path d="{_path([x(v) for v in prices], [ye(v) for v in profit])}" class="line profit"/>')
    if recommended is not None:
        px = x(recommended)
        right = px > (L + W - R) / 2
        body.append(
            f'<line x1="{px:.1f}" y1="{T}" x2="{px:.1f}" y2="{H - B}" class="rec-line"/>'
            f'<text x="{px - 4 if right else px + 4:.1f}" y="{H - B - 8}" class="lbl rec" '
            f'text-anchor="{"end" if right else "start"}">建议 recommended {escape(_short(recommended))}</text>'
        )
    body.append(
        f'<text x="{L}" y="{H - 6}" class="lbl">投标价 bid price →</text>'
        f'<text x="{L + 4}" y="{T + 12}" class="lbl pwin">P(win) 中标概率</text>'
        f'<text x="{W - R - 4}" y="{T + 12}" class="lbl profit" text-anchor="end">E[profit] 期望利润</text>'
    )
    return _frame("P(win) and expected profit against price", body, "win-profit-curve")


def s_curve_chart(points: list[tuple[float, float]]) -> str:
    """Cumulative probability (y) of the total cost (x)."""
    if not points:
        return ""
    probs = [p for p, _ in points]
    costs = [c for _, c in points]
    x = _axis(costs, L, W - R)
    y = Axis(0.0, 1.0, H - B, T)
    body = _y_ticks(y, lambda v: f"{v:.0%}") + _x_ticks(x)
    body.append(f'<path d="{_path([x(c) for c in costs], [y(p) for p in probs])}" class="line cost"/>')
    body.append(f'<text x="{L}" y="{H - 6}" class="lbl">成本 total cost →</text>')
    return _frame("Cost S-curve", body, "cost-s-curve")


def tornado_chart(items: list[tuple[str, float]]) -> str:
    """Horizontal bars: each driver's share of the cost variance, largest on top."""
    items = sorted(items, key=lambda t: -t[1])[:10]
    if not items:
        return ""
    row = 24
    height = T + row * len(items) + 20
    left = 220
    top = max(v for _, v in items) or 1.0
    body = []
    for i, (name, v) in enumerate(items):
        y = T + i * row
        width = (W - left - 60) * v / top
        body.append(
            f'<text x="{left - 6}" y="{y + 15}" class="lbl" text-anchor="end">{_label(name[:28])}</text>'
            f'<rect x="{left}" y="{y + 3}" width="{width:.1f}" height="{row - 8}" class="bar"/>'
            f'<text x="{left + width + 4:.1f}" y="{y + 15}" class="lbl">{v:.0%}</text>'
        )
    return (
        f'<svg class="chart" viewBox="0 0 {W} {height}" role="img" aria-label="tornado" '
        f'xmlns="http://www.w3.org/2000/svg"><title>Share of cost variance</title>' + "".join(body) + "</svg>"
    )
