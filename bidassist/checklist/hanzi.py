"""Traditional Chinese characters read as simplified: the table in
checklists/vocabulary/traditional.yaml (one character for one, so every text offset is kept),
validated on load with file and line on error."""

from __future__ import annotations

import re
from functools import cache

from pydantic import Field, field_validator

from bidassist.core.resources import package_path
from bidassist.core.types import StrictModel
from bidassist.core.yamlfile import load_yaml, validate

TRADITIONAL_FILE = package_path("checklists") / "vocabulary" / "traditional.yaml"


class TraditionalFile(StrictModel):
    #: runs of pairs: a traditional character, then its simplified character
    traditional: list[str] = Field(min_length=1)

    @field_validator("traditional")
    @classmethod
    def _pairs(cls, runs: list[str]) -> list[str]:
        for run in runs:
            if len(run) % 2:
                raise ValueError(f"odd number of characters (pairs expected): {run[:20]}…")
        return runs


@cache
def _table() -> tuple[dict[int, str], re.Pattern[str]]:
    parsed = validate(TraditionalFile, load_yaml(TRADITIONAL_FILE))
    pairs = "".join(parsed.traditional)
    table = {ord(pairs[i]): pairs[i + 1] for i in range(0, len(pairs), 2)}
    chars = "".join(sorted(chr(c) for c in table))
    return table, re.compile(f"[{re.escape(chars)}]")


def simplified(text: str) -> str:
    """`text` with each traditional character of the table replaced by its simplified form
    (same length); text with none of them is returned as it is."""
    table, any_traditional = _table()
    if any_traditional.search(text) is None:
        return text
    return text.translate(table)
