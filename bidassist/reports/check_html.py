"""`bidassist check --format html`: a self-contained HTML report a reviewer can send."""

from __future__ import annotations

from html import escape

from bidassist.checklist.result import CheckResult, json_number

from .check_common import HEAD, SEVERITY_LABEL, change_text, clause_label, lang_of, sorted_findings

_CSS = """body{font-family:-apple-system,"Segoe UI","PingFang SC","Microsoft YaHei",sans-serif;margin:2em;
max-width:1100px;color:#222}table{border-collapse:collapse;width:100%;margin:1em 0}
th,td{border:1px solid #ccc;padding:6px 8px;vertical-align:top;text-align:left}th{background:#f3f3f3}
.high{color:#b00020;font-weight:bold}.medium{color:#a66400;font-weight:bold}.low{color:#2a6f97}
blockquote{margin:.5em 0;padding:.5em 1em;background:#f8f8f8;border-left:4px solid #ccc;white-space:pre-wrap}
.finding{border-top:1px solid #ddd;padding-top:.5em}code{background:#f3f3f3;padding:0 3px}"""


def render_html(result: CheckResult, lang: str | None = None) -> str:
    lang = lang_of(result, lang)
    h = HEAD[lang]
    s = result.summary
    e = escape
    sev = s["by_severity"]
    out = [
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">',
        f"<title>{e(h['title'])}: {e(result.name)}</title><style>{_CSS}</style></head><body>",
        f"<h1>{e(h['title'])}: {e(result.name)}</h1><ul>",
    ]
    if result.against:
        out.append(f"<li>{e(h['against'])}: {e(result.against)}</li>")
    out.append(
        f"<li>{e(h['clauses'])}: {s['clauses']}</li><li>{e(h['findings'])}: {s['findings']} "
        f"(high {sev['high']} / medium {sev['medium']} / low {sev['low']})</li>"
    )
    for note in result.notes:
        out.append(f"<li>{e(h['notes'])}: {e(note)}</li>")
    out.append("</ul>")
    ordered = sorted_findings(result)
    if not ordered:
        out.append(f"<p>{e(h['none'])}</p>")
    else:
        out.append(
            f"<table><tr><th>#</th><th>{e(h['severity'])}</th><th>{e(h['clause'])}</th>"
            f"<th>{e(h['category'])}</th><th>{e(h['message'])}</th></tr>"
        )
        for i, f in enumerate(ordered, 1):
            change = change_text(f, lang)
            msg = e(f.message_in(lang)) + (f"<br><b>{e(change)}</b>" if change else "")
            out.append(
                f'<tr><td><a href="#f{i}">{i}</a></td><td class="{f.severity}">'
                f"{e(SEVERITY_LABEL[lang][f.severity])}</td><td>{e(clause_label(f))}</td>"
                f"<td>{e(f.category_name(lang))}<br><code>{e(f.category)}</code></td><td>{msg}</td></tr>"
            )
        out.append("</table>")
        for i, f in enumerate(ordered, 1):
            out.append(
                f'<div class="finding" id="f{i}"><h3>{i}. {e(f.category_name(lang))} — '
                f'{e(clause_label(f))}</h3><p><span class="{f.severity}">'
                f"{e(SEVERITY_LABEL[lang][f.severity])}</span> · <code>{e(f.rule)}</code></p>"
                f"<p>{e(f.message_in(lang))}</p>"
            )
            change = change_text(f, lang)
            if change:
                out.append(f"<p><b>{e(h['change'])}:</b> {e(change)}</p>")
            if f.basis:
                out.append(f"<p><b>{e(h['basis'])}:</b> {e(f.basis)}</p>")
            fallback = f.fallback_in(lang)
            if fallback:
                out.append(f"<p><b>{e(h['fallback'])}:</b> {e(fallback)}</p>")
            if f.text:
                out.append(f"<blockquote>{e(f.text)}</blockquote>")
            out.append("</div>")
    if result.clauses:
        out.append(
            f"<h2>{e(h['terms'])}</h2><table><tr><th>{e(h['type'])}</th><th>{e(h['clause'])}</th>"
            f"<th>{e(h['values'])}</th><th>{e(h['matched'])}</th></tr>"
        )
        for k in result.clauses:
            values = ", ".join(f"{key}: {json_number(v)}" for key, v in k.values.items())
            out.append(
                f"<tr><td>{e(k.type)}</td><td>{e(k.clause or k.location or '')}</td>"
                f"<td>{e(values)}</td><td>{e(k.text[:120])}</td></tr>"
            )
        out.append("</table>")
    out.append("</body></html>\n")
    return "\n".join(out)
