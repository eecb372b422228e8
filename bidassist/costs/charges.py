"""A charge on one item, on a row of its own: `Digikey order | 415.95` then `Digikey order import
tax | 104`, `电机 | …` then `电机运费 | 80`.

The row's name is another line's name (above it) followed by a tax, duty or freight word, and it is
a lump smaller than that line: the charge is added to the item, not an item of its own, so it is a
markup (the sheet's total then reconciles as lines + markups). A name that is not another line's
(Property tax, 增值税) stays what the other rules make of it.
"""

from __future__ import annotations

import re
from decimal import Decimal

from bidassist.costs.model import CostLine

_CHARGE = re.compile(
    r"^(?P<base>.+?)[\s\-–:,(（]*(?P<word>import\s*(?:tax|taxes|vat|dut(?:y|ies))|customs(?:\s*dut(?:y|ies))?|"
    r"dut(?:y|ies)|tax(?:es)?|vat|gst|shipping|freight|delivery|postage|运费|运输费|关税|进口税|税费|税金|税)"
    r"[\s)）]*$",
    re.I,
)
_TAX = re.compile(r"tax|vat|gst|税", re.I)


def _key(name: str) -> str:
    return " ".join(name.lower().split()).strip(" -–:,(（")


#: the words a charge's name ends with (a cheap test before `_CHARGE`, which tries every split)
_ENDINGS = (
    "tax", "taxes", "vat", "gst", "duty", "duties", "customs", "shipping", "freight", "delivery", "postage",
    "运费", "运输费", "关税", "进口税", "税费", "税金", "税",
)  # fmt: skip


def _may_be_charge(name: str) -> bool:
    return name.rstrip(" \t\r\n\u3000\xa0)）").lower().endswith(_ENDINGS)


#: the joined names are lowered a piece at a time: `str.lower` of a non-ASCII text allocates 12
#: bytes a character at once (room for case mappings that lengthen), 20 MB at 100,000 lines
_PIECE = 1 << 16
_OVERLAP = max(map(len, _ENDINGS)) - 1


#: the words of _ENDINGS that hold no other one (taxes holds tax, 关税 holds 税): a text holds one of
#: _ENDINGS exactly when it holds one of these, and an ASCII one only where it has an ASCII letter
_LEAST = tuple(w for w in _ENDINGS if not any(o != w and o in w for o in _ENDINGS))
_LEAST_WIDE = tuple(w for w in _LEAST if not w.isascii())
_LEAST_ASCII = tuple(w for w in _LEAST if w.isascii())
#: the characters beyond ASCII that lower to an ASCII letter: İ to i and a dot, the Kelvin sign
#: to k (a test finds them among every character)
_LOWER_TO_ASCII = ("\u0130", "\u212a")


def any_ending(names: str) -> bool:
    """A charge word anywhere in `names`, case folded (`word in names.lower()` for a word of
    _ENDINGS; searched as `_LEAST`, the English words not in names with no ASCII letter): pieces
    overlap by a word's length less one, so a word across two pieces is found in one of them.
    The Chinese words are looked for in the piece as written (no character lowers to theirs, and
    they lower to themselves), a piece lowered only where it has an ASCII letter or a character
    that lowers to one (its ASCII part, a short text, compared in both cases: no pass of a pattern
    over the Chinese)."""
    for start in range(0, len(names), _PIECE):
        piece = names[start : start + _PIECE + _OVERLAP]
        if any(word in piece for word in _LEAST_WIDE):
            return True
        if not piece.isascii():
            ascii_part = piece.encode("ascii", "ignore")
            if ascii_part.lower() == ascii_part.upper() and not any(c in piece for c in _LOWER_TO_ASCII):
                continue  # no ASCII letter (bytes change case only there), none after lowering
        folded = piece.lower()
        if any(word in folded for word in _LEAST_ASCII):
            return True
    return False


def item_charges(lines: list[CostLine], names: str | None = None) -> list[tuple[int, str]]:
    """(index, markup kind) of each line that is a charge on a line above it (see the module).
    `names`: the lines' descriptions joined, when the caller has them: a charge word found nowhere
    in them (one substring search per word) makes the test per line unneeded."""
    if names is not None and not any_ending(names):
        return []
    if not any(_may_be_charge(ln.description) for ln in lines):
        return []
    seen: dict[str, int] = {}
    out: list[tuple[int, str]] = []
    for i, ln in enumerate(lines):
        m = _CHARGE.match(ln.description.strip())
        base = seen.get(_key(m.group("base"))) if m is not None else None
        if m is not None and base is not None and _lump_below(ln, lines[base]):
            out.append(
                (
                    i,
                    "vat"
                    if _TAX.search(m.group("word")) and "import" not in m.group("word").lower()
                    else "other",
                )
            )
            continue
        seen.setdefault(_key(ln.description), i)
    return out


def _lump_below(charge: CostLine, item: CostLine) -> bool:
    """One unit of a positive amount below the item's amount."""
    amount = charge.quantity * charge.likely
    return charge.quantity == 1 and Decimal(0) < amount < item.quantity * item.likely
