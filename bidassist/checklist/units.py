"""Engine units from the clauses bidassist.reading found (shared by the check and the comparison).

- A sub-clause label that does not name its parent (「1、」, （一）, (a)) is reported with its
  parent's label in front (第七条 1、), so two different 「1、」 of one contract stay apart.
- A line wrapped inside a sentence is joined to the line before it, so a number or a party on
  the next line is read with its sentence; a table row (cells joined by " | ") is never joined.
- An English list item that only completes its lead-in (`(b) for convenience by giving … notice`
  under `PACCA may terminate the Contract:`) is read with the lead-in in front.
- A clause longer than MAX_UNIT_CHARS (text converted without its numbering) is cut at its line
  breaks into units of at most that size, so one finding does not stand for a whole chapter.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from bidassist.reading.clauses import title_only

from .engine import TEXT_LIMIT, Unit

#: longest unit when the clause has line breaks to cut at: a finding keeps its whole unit as its
#: text (engine.TEXT_LIMIT), so the words it quotes are in it
MAX_UNIT_CHARS = TEXT_LIMIT
#: a line shorter than this is a title, never joined to the next line
JOIN_MIN = 20
_ENDS_SENTENCE = re.compile(r"[。；;：:！？!?.)）”\"]\s*$")
_STARTS_ITEM = re.compile(r"^\s*(?:[（(]?[0-9０-９一二三四五六七八九十a-zA-Z]{1,3}[)）.．、]|[-•·*□☐■☑√]|第)")
_SELF_QUALIFIED = re.compile(r"^(?:第|article|art\.|section|sec\.|clause|§|\d+[.．]\d|[A-Z][.．]\d)", re.I)
_CJK = re.compile(r"[\u3400-\u9fff]")
#: the cell separator of a table row (reading/docx.py): a row is a record of its own, never a
#: sentence wrapped onto the next line (「签订地点：杭州市余杭区」 | next row 「签订日期：…」)
_CELLS = " | "


def join_wrapped(lines: list[str]) -> str:
    """Lines of one clause, with lines wrapped inside a sentence joined to the one before."""
    out: list[str] = []
    for line in lines:
        prev = out[-1] if out else ""
        if (
            prev
            and len(prev) >= JOIN_MIN
            and not _ENDS_SENTENCE.search(prev)
            and not _STARTS_ITEM.match(line)
            and _CELLS not in prev
            and _CELLS not in line
        ):
            glue = "" if _CJK.search(prev[-1:]) or _CJK.search(line[:1]) else " "
            out[-1] = prev.rstrip() + glue + line.lstrip()
        else:
            out.append(line)
    return "\n".join(out)


#: a list's lead-in line ("… may terminate your services without notice in the event of:") and an
#: item that the list goes on after ("Gross misconduct by you or your operatives;")
_LEADS_LIST = re.compile(r"[:：]\s*$")
_LIST_GOES_ON = re.compile(r"(?:[;；,，]|\b(?:and|or))\s*$")


def _chunks(lines: list[str], limit: int) -> list[list[str]]:
    """Lines grouped into chunks of at most `limit` characters (a longer line is a chunk of its own).
    A chunk that starts inside a list begins with the list's lead-in again, so that its items keep
    their subject and verb."""
    chunks: list[list[str]] = [[]]
    size = 0
    lead: str | None = None  # the lead-in of the list still open
    for line in lines:
        if chunks[-1] and size + len(line) > limit:
            carried = [lead] if lead is not None and len(lead) + len(line) < limit else []
            chunks.append(carried)
            size = sum(len(x) + 1 for x in carried)
        chunks[-1].append(line)
        size += len(line) + 1
        if _LEADS_LIST.search(line) and len(line) <= limit // 4:
            lead = line
        elif lead is not None and not _LIST_GOES_ON.search(line):
            lead = None
    return chunks


def qualified_numbers(clauses: list) -> list[str | None]:
    """Each clause's number as reported: a sub-clause label gets its parent's label in front. A
    section that lost its number but keeps its title ("RETAINAGE. All progress …", 「交货」 over
    its paragraphs) is reported by that title."""
    out: list[str | None] = []
    stack: list[tuple[int, str]] = []  # (level, reported number)
    for c in clauses:
        number, level = c.number or None, getattr(c, "level", 0) or 0
        by_title = number is None and level and c.title
        if by_title:
            number = c.title.rstrip("：: ")
        if number is None or level == 0:
            out.append(number)
            continue
        while stack and stack[-1][0] >= level:
            stack.pop()
        shown = number
        if stack and not by_title and not _SELF_QUALIFIED.match(number):
            shown = f"{stack[-1][1]} {number}"
        stack.append((level, shown))
        out.append(shown)
    return out


def heading_context(clauses: list) -> list[str]:
    """For each clause, the titles of the clauses above it (its section headings)."""
    out: list[str] = []
    stack: list[tuple[int, str]] = []
    for c in clauses:
        level = getattr(c, "level", 0) or 0
        while stack and stack[-1][0] >= level:
            stack.pop()
        out.append(" ".join(t for _l, t in stack))
        if level and (c.number or c.title):
            stack.append((level, c.title or ""))
    return out


#: a lead-in ends with a colon ("PACCA may terminate the Contract:") and is at most this long
LEAD_MAX_CHARS = 600
_LEAD_END = re.compile(r"[:：]\s*$")
#: an English list item that only completes its lead-in: its first word is lower case
_FRAGMENT = re.compile(r"^\s*(?:\(?[0-9a-zA-Z]{1,4}[.)]\s*)?[a-z]")
#: ... or that ends as a list item inside one sentence does ("(iii) Contoso's liabilities arising from any
#: indemnities;", "(b) If the Supplier fails to deliver; or"), whatever its first letter
_ITEM_END = re.compile(r"[;,]\s*(?:and|or|and/or)?\s*$")


def lead_ins(clauses: list, numbers: list[str | None]) -> list[tuple[str, str | None]]:
    """For each clause, the lead-in it completes and that lead-in's reported number, or ("", None):
    an English list item that starts in lower case (`(b) for convenience by giving … notice`), or
    ends with a semicolon or comma (`(iii) Contoso's liabilities arising from any indemnities;`) or
    follows a sibling item that completed the same lead-in (the list's last item),
    is read after its parent when the parent ends with a colon (`PACCA may terminate the
    Contract:`), so the item's words have their subject, verb and condition."""
    out: list[tuple[str, str | None]] = []
    stack: list[tuple[int, str, str | None]] = []  # (level, text, reported number)
    joined: tuple[int, str] | None = None  # (level, lead-in) the last item completed
    for c, number in zip(clauses, numbers, strict=True):
        level = getattr(c, "level", 0) or 0
        while stack and stack[-1][0] >= level:
            stack.pop()
        parent = stack[-1] if stack and level else None
        body = c.text[len(c.number) :] if c.number and c.text.startswith(c.number) else c.text
        if (
            parent is not None
            and _LEAD_END.search(parent[1])
            and len(parent[1]) <= LEAD_MAX_CHARS
            and (
                _FRAGMENT.match(body)
                or (not _CJK.search(body) and (_ITEM_END.search(body) or joined == (level, parent[1])))
            )
        ):
            out.append((parent[1].strip(), parent[2]))
            joined = (level, parent[1])
        else:
            out.append(("", None))
            joined = None
        if level:
            stack.append((level, c.text, number))
    return out


def heads_children(clauses: list, i: int) -> bool:
    """Clause i is only its number and title ("F.39. Termination for convenience") and the clauses
    after it are its children: it is read as their heading (the context of their units), not as a
    unit that a rule could match by its title alone."""
    c = clauses[i]
    if i + 1 >= len(clauses) or not title_only(c.number, c.title, c.text):
        return False
    return (getattr(clauses[i + 1], "level", 0) or 0) > (getattr(c, "level", 0) or 0)


def units_from_clauses(clauses: Iterable) -> list[Unit]:
    """Engine units of the clauses: non-empty, titled, joined and cut as the module says."""
    clauses = list(clauses)
    units = []
    contexts = heading_context(clauses)
    numbers = qualified_numbers(clauses)
    for i, (c, number, context, (lead, parent)) in enumerate(
        zip(clauses, numbers, contexts, lead_ins(clauses, numbers), strict=True)
    ):
        text = c.text if not c.title or c.title in c.text else f"{c.title} {c.text}"
        if not text.strip() or heads_children(clauses, i):
            continue
        if lead:
            text = f"{lead} {text}"  # one sentence: the item completes the lead-in
        indices = list(c.block_indices or [])
        location = None if c.location is None else str(c.location)
        lines = join_wrapped(text.split("\n")).split("\n")
        parts = _chunks(lines, MAX_UNIT_CHARS) if len(text) > MAX_UNIT_CHARS else [lines]
        for k, part in enumerate(parts):
            units.append(
                Unit(
                    text="\n".join(part),
                    clause=number,
                    location=location,
                    block_indices=indices,
                    title=c.title,
                    context=context,
                    lead_of=parent if lead else None,
                    lead_chars=len(lead) + 1 if lead and k == 0 else 0,
                )
            )
    return units


def once_per_clause(findings: list) -> list:
    """One finding per category per clause: the pieces a long clause was cut into (they share
    its label and blocks) do not report one category twice; the most severe, then the first, is
    kept."""
    from .categories import SEVERITY_RANK

    best: dict[tuple, object] = {}
    for f in findings:
        if not f.block_indices:
            continue
        key = (f.clause, f.category, tuple(f.block_indices))
        cur = best.get(key)
        if cur is None or SEVERITY_RANK[f.severity] > SEVERITY_RANK[cur.severity]:  # type: ignore[attr-defined]
            best[key] = f
    return [
        f
        for f in findings
        if not f.block_indices or best[(f.clause, f.category, tuple(f.block_indices))] is f
    ]


def clause_key(label: str | None) -> str:
    """The numbers a clause label stands for, whatever its language: 「第七条 （一）」, "Article 7 (1)"
    and "7.1" give "7.1"; a label that is not a clause number stays as it is."""
    from bidassist.reading.clauses import detect_heading
    from bidassist.reading.runon import heading_path

    if not label:
        return ""
    numbers: list[int] = []
    tokens = label.split()
    while tokens:
        token = tokens.pop(0)
        if token.lower().rstrip(".") in _LABEL_WORDS and tokens:
            token = f"{token} {tokens.pop(0)}"
        h = detect_heading(token + " x") or detect_heading(token + ". x")
        path = heading_path(h) if h is not None else None
        if path is None:
            return label
        numbers.extend(path)
    return ".".join(str(n) for n in numbers)


_LABEL_WORDS = {"article", "art", "section", "sec", "clause", "§"}
