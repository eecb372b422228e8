"""Repairs for text converted from PDF or Word: ligatures the text layer dropped ("speci ed",
" ve (5)"), ligature characters (ﬁ), and page footers/headers on lines of their own."""

from __future__ import annotations

import re
from typing import Any

from bidassist.core.automaton import new_automaton

_LIGATURE_CHARS = str.maketrans(
    {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl"}
)
#: a ligature character (str.translate with a table costs a dict look-up per character)
_LIGATURE_CHAR = re.compile("[\ufb00-\ufb04]")
#: words of contracts that carry fi/fl/ff/ffi/ffl; their broken forms are unambiguous
_WORDS = (
    "specified specification specifications specific specifically first five fifteen fifty final finally "
    "finance financial fixed field figure figures define defined definition definitions benefit benefits "
    "certificate certificates certification certified modified modification modifications notified "
    "notification notifications profit profits sufficient insufficient efficient office offices officer "
    "officers official effective effect effects affect affected affiliate affiliates staff tariff traffic "
    "difference different differ offer offered suffer suffered flow floor conflict conflicts reflect "
    "inflation fluctuation fluctuations confidential confidentiality identified justified qualified "
    "verified satisfied satisfactory clarified classified specifies signified significant identification "
    "rectification indemnification ratification beneficiary fire fines finish finished finishing "
    "official effort efforts afford sufficiently off effected"
).split()
_LIGATURES = ("ffi", "ffl", "fi", "fl", "ff")


def _broken_forms() -> dict[str, str]:
    out: dict[str, str] = {}
    for word in _WORDS:
        for lig in _LIGATURES:
            i = word.find(lig)
            if i < 0:
                continue
            head, tail = word[:i], word[i + len(lig) :]
            if head and tail:
                out[f"{head} {tail}"] = word
            elif tail and len(tail) >= 3:  # " ve (5)", " nal": the word lost its first letters
                out[f" {tail}"] = " " + word
            break
    return out


_BROKEN = _broken_forms()
_BROKEN_RE = re.compile(
    r"(?<![A-Za-z])("
    + "|".join(sorted((re.escape(k) for k in _BROKEN), key=len, reverse=True))
    + r")(?![A-Za-z])",
    re.IGNORECASE,
)
#: a line that is only a page number or a running footer/header
FOOTER = re.compile(
    r"^\s*(?:[-–—]\s*\d{1,4}\s*[-–—]|第\s*\d{1,4}\s*页(?:\s*[,，/／]?\s*共\s*\d{1,4}\s*页)?|"
    r"(?:共\s*\d{1,4}\s*页\s*)?第\s*\d{1,4}\s*页|(?:page|Page|PAGE)\s+\d{1,4}(?:\s+of\s+\d{1,4})?|"
    r"\d{1,4}\s*/\s*\d{1,4})\s*$"
)


def _fix(m: re.Match[str]) -> str:
    raw = m.group(0)
    word = _BROKEN.get(raw.lower())
    if word is None:  # matched through Unicode case folding (ſ for s): not a broken form
        return raw
    if raw.strip()[:1].isupper():
        word = word.replace(word.strip()[0], word.strip()[0].upper(), 1)
    return word


#: " ve (5)": "five" lost its "fi"; only before a bracketed figure, where it cannot be another word
_LATIN = re.compile(r"[A-Za-z]{2}")
_FIVE = re.compile(r"\s(ve)(?=\s+\(\s*5\s*\))", re.IGNORECASE)


def _broken_automaton() -> Any:
    auto = new_automaton()
    for key in _BROKEN:
        auto.add_word(key, key)
    for space in " \t\n\r\x0b\x0c":  # _FIVE: any ASCII whitespace before "ve"
        auto.add_word(space + "ve", "ve")
    auto.make_automaton()
    return auto


#: every broken form (and " ve"), to skip the two regexes on the many ASCII lines that have none
_BROKEN_SCAN = _broken_automaton()


def _may_be_broken(line: str) -> bool:
    """False only when neither regex can match: an ASCII line without any broken form in its
    lower case (non-ASCII lines always go to the regexes, whose case folding is Unicode's)."""
    if not line.isascii():
        return True
    return next(_BROKEN_SCAN.iter(line.lower()), None) is not None


def repair_line(line: str) -> str:
    """One line with its ligatures restored."""
    if _LIGATURE_CHAR.search(line) is not None:
        line = line.translate(_LIGATURE_CHARS)
    if " " not in line or not _LATIN.search(line) or not _may_be_broken(line):
        return line
    return regex_repair(line)


def regex_repair(line: str) -> str:
    """The two ligature regexes on a line (repair_line runs them only when they can match)."""
    line = _FIVE.sub(lambda m: " Five" if m.group(1)[0].isupper() else " five", line)
    return _BROKEN_RE.sub(_fix, line)


def is_footer(line: str) -> bool:
    return len(line) < 40 and bool(FOOTER.match(line))


#: a securities filing's redaction legend, repeated on every page and often glued into the clause text
#: around a page break ("*** Confidential treatment has been requested for redacted portions of this
#: exhibit. … Omissions are designated as [***]. … Securities and Exchange Commission. 4"): its sentences
#: (one or more in a row, each naming the confidential treatment, the filing or the omission marks) and
#: the page number after them
_LEGEND_WORDS = (
    r"confidential\s+treatment\s+(?:has\s+been\s+|was\s+|is\s+being\s+)?requested|requests?\s+for\s+confidential\s+treatment|"
    r"confidential\s+treatment\s+request|confidentiality\s+request|"
    r"(?:omitted|redacted)\s+and\s+(?:have\s+been\s+|has\s+been\s+)?(?:separately\s+)?filed|filed\s+separately|"
    r"(?:provided|submitted)\s+separately\s+to\s+the\s+(?:securities|commission)|"
    r"omissions\s+(?:are|have\s+been)\s+(?:designated|marked|indicated)|omitted\s+pursuant\s+to\s+a\s+request|"
    r"(?:been|are|is)\s+(?:marked|designated|indicated|denoted)\s+(?:with|by)\s+[\"“'(]*[\[*]"
)
_LEGEND_SENTENCE = (
    rf"(?:\[?\s*\*[\s*]*\]?\s*)?[^.!?\n]*?(?:{_LEGEND_WORDS})[^.!?\n]*(?:[.!?]+(?=\s|$)|$)(?:\s*\*+)?"
)
_LEGEND = re.compile(rf"(?:{_LEGEND_SENTENCE}\s*)+(?:\d{{1,4}}(?=\s|$))?", re.IGNORECASE)
#: the legend's own words (a plain "confidential" is in every confidentiality clause: the full pattern runs only on
#: lines with one of these)
_LEGEND_GATE = re.compile(
    r"confidential\s+treatment|confidentiality\s+request|filed\s+separately|separately\s+filed|omitted\s+and"
    r"|omissions\s+(?:are|have)|omitted\s+pursuant|(?:provided|submitted)\s+separately",
    re.IGNORECASE,
)
#: what makes the sentences a legend and not a clause on confidentiality or filings
_LEGEND_SIGN = re.compile(r"omi(?:t|ssion)|redact|portions|filed|exhibit|\*", re.IGNORECASE)


def _legend(m: re.Match[str]) -> str:
    return " " if _LEGEND_SIGN.search(m.group(0)) else m.group(0)


def strip_legends(line: str) -> str:
    """The line without a filing's redaction legend (see _LEGEND); "" when the line was only that."""
    if _LEGEND_GATE.search(line) is None:
        return line
    out = _LEGEND.sub(_legend, line)
    return out.strip() if out != line else line


_PAGE_NUMBER = re.compile(r"^\d{1,4}$")


def is_page_number(line: str) -> bool:
    """A line that is only a number of at most 4 digits. After a blank line, in a text converted
    from PDF, it is the page number between two pages (a sentence that runs on to the next page
    must not take it in: 「…确\n\n76\n认无误后…」)."""
    return bool(_PAGE_NUMBER.match(line))


#: a filled-in form field around a figure: 「每逾期[ 1 ]日」「总额的【 3 】%」「［ 三十 ］日内」
_FILL = re.compile(r"[\[［【]([ \u3000]*[0-9０-９.．一二三四五六七八九十百千万两]+[ \u3000]*)[\]］】]")
_FILL_OPEN = ("[", "［", "【")


def blank_fill_brackets(text: str) -> str:
    """The text with the brackets of filled-in form fields around a figure turned into spaces
    (same length, so positions in it are positions in the text): 「每逾期[ 1 ]日」 is read as
    「每逾期  1  日」, a number the rules and the number readers take."""
    if not any(ch in text for ch in _FILL_OPEN):
        return text
    return _FILL.sub(lambda m: " " + m.group(1) + " ", text)
