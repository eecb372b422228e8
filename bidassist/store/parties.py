"""The customer of a contract, read from its opening lines (甲方（采购人）：…, Buyer: …)."""

from __future__ import annotations

import re

_PATTERNS = (
    re.compile(r"(?:甲方|采购人|买方|发包人|招标人)[^：:\n]{0,12}[：:]\s*([^\n，,；;]{2,80})"),
    re.compile(r"(?i)\b(?:buyer|purchaser|employer|client|customer|owner)\b[^:\n]{0,20}:\s*([^\n;]{2,120})"),
)


def guess_customer(text: str) -> str | None:
    """The buying party named in the first lines of a contract, or None."""
    head = text[:3000]
    for pattern in _PATTERNS:
        m = pattern.search(head)
        if m:
            name = m.group(1).strip().strip("（）()[]“”\"'")
            if name and not set(name) <= set("_ .·-—"):
                return name
    return None
