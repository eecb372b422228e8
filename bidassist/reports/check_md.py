"""`bidassist check --format md`: a Markdown report a reviewer can send."""

from __future__ import annotations

from bidassist.checklist.result import CheckResult, json_number

from .check_common import HEAD, SEVERITY_LABEL, change_text, clause_label, lang_of, sorted_findings


def _cell(text: str | None) -> str:
    return (text or "").replace("|", "\\|").replace("\n", " ").strip()


def render_md(result: CheckResult, lang: str | None = None) -> str:
    lang = lang_of(result, lang)
    h = HEAD[lang]
    s = result.summary
    out = [f"# {h['title']}: {result.name}", ""]
    if result.against:
        out += [f"- {h['against']}: {result.against}"]
    sev = s["by_severity"]
    out += [
        f"- {h['clauses']}: {s['clauses']}",
        f"- {h['findings']}: {s['findings']} (high {sev['high']} / medium {sev['medium']} / low {sev['low']})",
    ]
    if s["waived"]:
        out.append(f"- {h['waived']}: {s['waived']}")
    for note in result.notes:
        out.append(f"- {h['notes']}: {note}")
    out.append("")
    if not result.findings:
        out += [h["none"], ""]
    else:
        out += [
            f"| # | {h['severity']} | {h['clause']} | {h['category']} | {h['message']} |",
            "|---|---|---|---|---|",
        ]
        ordered = sorted_findings(result)
        for i, f in enumerate(ordered, 1):
            msg = f.message_in(lang)
            change = change_text(f, lang)
            if change:
                msg += f" ({change})"
            out.append(
                f"| {i} | {SEVERITY_LABEL[lang][f.severity]} | {_cell(clause_label(f))} | "
                f"{_cell(f.category_name(lang))} | {_cell(msg)} |"
            )
        out.append("")
        for i, f in enumerate(ordered, 1):
            out += [
                f"## {i}. {f.category_name(lang)} — {clause_label(f)}",
                "",
                f"- {h['severity']}: **{SEVERITY_LABEL[lang][f.severity]}**  ·  `{f.category}`  ·  `{f.rule}`",
                f"- {h['message']}: {f.message_in(lang)}",
            ]
            change = change_text(f, lang)
            if change:
                out.append(f"- {h['change']}: {change}")
            if f.basis:
                out.append(f"- {h['basis']}: {f.basis}")
            if f.fallback_in(lang):
                out.append(f"- {h['fallback']}: {f.fallback_in(lang)}")
            if f.text:
                out += ["", "> " + f.text.replace("\n", "\n> ")]
            out.append("")
    if result.clauses:
        out += [
            f"## {h['terms']}",
            "",
            f"| {h['type']} | {h['clause']} | {h['values']} | {h['matched']} |",
            "|---|---|---|---|",
        ]
        for k in result.clauses:
            values = ", ".join(f"{key}: {json_number(v)}" for key, v in k.values.items())
            out.append(
                f"| {k.type} | {_cell(k.clause or k.location)} | {_cell(values)} | {_cell(k.text[:80])} |"
            )
        out.append("")
    return "\n".join(out)
