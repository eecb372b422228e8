"""Alternatives the contract offers and the one it selects, across clauses.

A 示范文本 lists its alternatives as numbered items under a lead-in that names the one chosen
(「双方同意按下列方式 1.1 予以解决：1.1 向…仲裁委员会申请仲裁；1.2 向甲方所在地人民法院提起诉讼」,
「按下列第（2）种方式解决」, 「选择第1种」). The items not chosen bind nobody: findings on them are
dropped. A choice left blank (「第＿种」) or naming no listed item changes nothing. Ticked boxes on
one line are read in subject.py (unselected_option)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from .engine import TEXT_LIMIT, Unit

_ZH_DIGITS = {
    "一": "1",
    "二": "2",
    "三": "3",
    "四": "4",
    "五": "5",
    "六": "6",
    "七": "7",
    "八": "8",
    "九": "9",
}
_LABEL = r"[（(]?\s*(\d+(?:\.\d+)*|[一二三四五六七八九])\s*[)）]?"
#: 按下列方式 1.1 予以解决 / 按下列第（2）种方式解决 / 选择第1种 / 采用以下第二项
_CHOICE = re.compile(
    r"(?:按|按照|采用|采取|选择|选定|适用|通过)\s*(?:下列|以下|如下)?\s*(?:第\s*)?(?:方式|办法)?\s*"
    + _LABEL
    + r"\s*(?:种|项|款)?\s*(?:方式|办法)?\s*(?:予以|进行)?\s*(?:解决|处理|执行|办理)?\s*[：:。；;]?\s*$"
)
#: a clause number whose last part is an item label (1.2, （2）, 2、)
_ITEM = re.compile(r"(?:^|\s)" + _LABEL + r"[、.．]?\s*$")
#: items read after a choice
ITEMS_MAX = 8


def _label(raw: str) -> str:
    return _ZH_DIGITS.get(raw, raw)


def _item_label(unit: Unit) -> str | None:
    m = _ITEM.search(unit.clause or "")
    return _label(m.group(1)) if m else None


def unselected_units(units: Sequence[Unit]) -> set[int]:
    """Indices of the units that are alternatives the contract did not select."""
    out: set[int] = set()
    for i, unit in enumerate(units):
        m = _CHOICE.search(unit.text.rstrip())
        if m is None:
            continue
        chosen = _label(m.group(1))
        items = []
        for j in range(i + 1, min(len(units), i + 1 + ITEMS_MAX)):
            label = _item_label(units[j])
            if label is None or label.count(".") != chosen.count("."):
                break  # not an item, or an item of another level (the next clause 2、)
            items.append((j, label))
        if chosen in {label for _j, label in items}:
            out.update(j for j, label in items if label != chosen)
    return out


def not_on_unselected(findings: list, units: Sequence[Unit]) -> list:
    """Findings less those on an alternative the contract did not select."""
    skipped = unselected_units(units)
    if not skipped:
        return findings
    keys = {(units[i].clause, units[i].text[:TEXT_LIMIT]) for i in skipped}
    return [f for f in findings if (f.clause, f.text) not in keys]
