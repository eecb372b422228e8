"""Case given back to shouted lines before the parties are read.

Contracts print their weightiest clauses in capitals ("CONTRACTOR SHALL INDEMNIFY AND HOLD HARMLESS
VIA …", "IN NO EVENT SHALL THE COMPANY BE LIABLE …"), and some print their whole head so. The party
reading tells a name from a word by its case ("Acme shall" is a party acting, "the Company" a role
word), so in a shouted line every word looks like a name and the modal verbs are not seen. The rules
read lower case and are not affected; only the text the parties are read from is given its case back.

Each word of a shouted line (one with no lower-case letter and a few words) takes the form the same
word has most often in the document's other lines ("CCS", "Supplier", "shall"); a word met only in
capitals keeps them (a name, an acronym), unless it is one of the function words and modal verbs
below, which are lower case wherever a contract uses them. The text keeps its length, so places found
in it are places in the contract.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*")
#: a line of at least this many words of two letters or more, none of them with a lower-case letter
_SHOUT_WORDS = 3
_LOWER = re.compile(r"[a-z]")
_LONG_WORD = re.compile(r"[A-Za-z]{2,}")
#: words lower case wherever a contract uses them: what a shouted line needs to read as a sentence
FUNCTION_WORDS = frozenset(
    """a an the this that these those such any all each every no not nor or and but if unless
    until upon on in at by to of for from with without within into under over as than then so
    shall may will must can could should would might is are was were be been being has have had
    do does did agrees agree undertakes reserves retains hereby herein thereof its his her their
    our your it he she they we you who which whose whom where when whether other same said
    right rights entitled liable responsible""".split()
)


def _shouts(line: str) -> bool:
    return _LOWER.search(line) is None and len(_LONG_WORD.findall(line)) >= _SHOUT_WORDS


def shouts_somewhere(text: str) -> bool:
    """Does any line of `text` shout?"""
    return any(_shouts(line) for line in text.splitlines())


def case_forms(text: str) -> dict[str, str]:
    """Each word's most frequent form in the lines that do not shout (lower-case key)."""
    counts: defaultdict[str, Counter[str]] = defaultdict(Counter)
    for line in text.splitlines():
        if not _shouts(line):
            for word in _WORD.findall(line):
                counts[word.lower()][word] += 1
    return {key: forms.most_common(1)[0][0] for key, forms in counts.items()}


def _word_form(word: str, forms: dict[str, str]) -> str:
    key = word.lower()
    form = forms.get(key)
    if form is None:
        form = key if key in FUNCTION_WORDS else word
    return form if len(form) == len(word) else word


def truecase(text: str, forms: dict[str, str] | None = None) -> str:
    """`text` with each shouted line's words in their usual form (`forms`: case_forms of the whole
    document, by default of `text` itself). Same length; lines that do not shout are unchanged."""
    if forms is None:
        if not shouts_somewhere(text):
            return text
        forms = case_forms(text)
    return "".join(
        _WORD.sub(lambda m: _word_form(m.group(0), forms), line) if _shouts(line) else line
        for line in text.splitlines(keepends=True)
    )
