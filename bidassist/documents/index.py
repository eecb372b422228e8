"""The document set's index: HTML for people (opens in any browser, prints on one page) and JSON for
tools. Both list the files, the total, the price's source and its analysis status, and every check."""

from __future__ import annotations

import datetime as dt
import json
from html import escape
from typing import Any

from bidassist.core.bidfile import Bid
from bidassist.core.money import format_money

_MARK = {"ok": "✓", "warning": "⚠", "error": "✗"}
_STYLE = (
    "body{font-family:'Noto Sans CJK SC','Microsoft YaHei',SimSun,sans-serif;margin:2em;max-width:60em}"
    "table{border-collapse:collapse}td,th{border:1px solid #888;padding:.25em .6em;text-align:left}"
    ".num{text-align:right;white-space:nowrap}.warning{color:#a60}.error{color:#b00}"
)


def index_data(bid: Bid, report: Any, date: dt.date, currency: str) -> dict[str, Any]:
    out = {
        "tender": {"name": bid.tender.name, "number": bid.tender.number, "lot": bid.tender.lot},
        "bidder": bid.bidder.company,
        "currency": currency,
        "date": date.isoformat(),
        "generated": dt.datetime.now().replace(microsecond=0).isoformat(),
    }
    return out | report.to_dict()


def index_json(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def index_html(data: dict[str, Any]) -> str:
    t = data["tender"]
    src = data.get("price_source") or {}
    rows = "".join(
        f'<tr><td>{i}</td><td><a href="{escape(_name(f["path"]))}">{escape(_name(f["path"]))}</a>'
        + (f' (<a href="{escape(_name(f["pdf"]))}">PDF</a>)' if f.get("pdf") else "")
        + f"</td><td>{escape(f['title'])}</td><td>{escape(f['language'])}</td></tr>"
        for i, f in enumerate(data["files"], start=1)
    )
    checks = "".join(
        f'<li class="{c["severity"]}">{_MARK[c["severity"]]} {escape(c["check"])} — '
        f"{escape(c['where'])}: {escape(c['message'])}</li>"
        for c in data["checks"]
    )
    notes = "".join(f"<li>{escape(n)}</li>" for n in data["notes"])
    lot = f" ({escape(t['lot'])})" if t.get("lot") else ""
    price = format_money(data["price"]) if data.get("price") else "—"
    source = (
        (
            f"<li>价格来源 / Price source: {escape(src.get('source', ''))}</li>"
            f"<li>分析结论 / Analysis status: {escape(src.get('status', 'unknown'))}"
            + (f" — {escape(src['reason'])}" if src.get("reason") else "")
            + "</li>"
        )
        if src
        else ""
    )
    bound = (
        (
            f'<li>装订本 / Bound bid: <a href="{escape(_name(data["bound"]))}">{escape(_name(data["bound"]))}</a>'
            "</li>"
        )
        if data.get("bound")
        else ""
    )
    return (
        f'<!DOCTYPE html><html lang="zh"><head><meta charset="utf-8"><title>投标文件清单 — '
        f"{escape(t['name'])}</title><style>{_STYLE}</style></head><body>"
        f"<h1>投标文件清单 / Document index</h1><h2>{escape(t['name'])}</h2><ul>"
        f"<li>招标编号 / Tender No.: {escape(t['number'])}{lot}</li>"
        f"<li>投标人 / Bidder: {escape(data['bidder'])}</li>"
        f'<li>投标总价 / Total: {escape(data["currency"])} <span class="num">{price}</span></li>{source}'
        f"<li>日期 / Date on the forms: {data['date']}</li><li>生成时间 / Generated: {data['generated']}</li>"
        f"{bound}</ul><table><tr><th>#</th><th>文件 / File</th><th>标题 / Title</th><th>语言 / Language</th>"
        f"</tr>{rows}</table><h2>检查 / Checks</h2><ul>{checks}</ul>"
        + (f"<h2>说明 / Notes</h2><ul>{notes}</ul>" if notes else "")
        + "</body></html>\n"
    )


def _name(path: str) -> str:
    return path.replace("\\", "/").rsplit("/", 1)[-1]
