"""Matching names: the same company spelled three ways is one company.

`name_key` folds what spelling varies in: width (full-width letters), case, punctuation, spaces,
and the legal form at the end (有限公司, Co., Ltd., Inc.). Two names with the same key are the
same company; anything else is an explicit alias (`history alias`).
"""

from __future__ import annotations

import re
import unicodedata

_LEGAL_FORMS = (
    "股份有限公司",
    "有限责任公司",
    "有限公司",
    "集团公司",
    "公司",
    "coltd",
    "co",
    "ltd",
    "limited",
    "inc",
    "incorporated",
    "corp",
    "corporation",
    "llc",
    "plc",
    "gmbh",
    "ag",
    "sa",
    "bv",
)
_PUNCT = re.compile(r"[\W_]+", re.UNICODE)


def name_key(name: str) -> str:
    """The key two spellings of one name share ('' for a blank name)."""
    text = unicodedata.normalize("NFKC", name).casefold().strip()
    text = text.replace("（", "(").replace("）", ")")
    words = [w for w in _PUNCT.split(text) if w]
    while len(words) > 1 and words[-1] in _LEGAL_FORMS:
        words.pop()
    key = "".join(words)
    for form in _LEGAL_FORMS[:5]:
        if key.endswith(form) and len(key) > len(form):
            key = key[: -len(form)]
            break
    return key


def clean_name(name: str) -> str:
    """A name as it is shown: NFKC, inner spaces collapsed."""
    return " ".join(unicodedata.normalize("NFKC", name).split())
