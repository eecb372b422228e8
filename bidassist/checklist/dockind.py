"""The kinds of contract a category exists in (checklists/vocabulary/categories.yaml:
`settings`): a finding of a category confined to construction is not reported on a car lease,
a carriage contract or a platform agreement for goods."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from functools import lru_cache
from itertools import islice

from .categories import CATEGORY_DATA, SETTING_WORDS
from .result import Finding

#: characters of the contract read for its kind
KIND_CHARS = 60000
#: a text this long needs one use of a setting's words (a clause on its own); longer ones more,
#: up to the setting's min_uses
CHARS_PER_USE = 4000


@lru_cache(maxsize=8)
def _words(setting: str) -> re.Pattern:
    words = SETTING_WORDS[setting]
    return re.compile("|".join(f"(?:{w})" for w in words.zh + words.en))


def settings_of(text: str) -> frozenset[str]:
    """The settings (construction, …) whose words the contract uses often enough."""
    head = text[:KIND_CHARS].lower()
    out = []
    for name, words in SETTING_WORDS.items():
        need = min(words.min_uses, 1 + len(head) // CHARS_PER_USE)
        # the uses counted up to `need` (findall's matches, read no further than needed)
        if sum(1 for _ in islice(_words(name).finditer(head), max(need, 0))) >= need:
            out.append(name)
    return frozenset(out)


def in_contract_setting(
    findings: list[Finding], text: Callable[[], str], rule_settings: Mapping[str, list[str]] | None = None
) -> list[Finding]:
    """in_setting(findings, settings_of(text()), rule_settings), the contract's text read for its
    settings only when some finding's category or rule is confined to settings."""
    rule_settings = rule_settings or {}
    if not any(_confined(f, rule_settings) for f in findings):
        return list(findings)
    return in_setting(findings, settings_of(text()), rule_settings)


def _confined(f: Finding, rule_settings: Mapping[str, list[str]]) -> bool:
    data = CATEGORY_DATA.get(f.category)
    return bool(data is not None and data.settings) or bool(rule_settings.get(f.rule))


def in_setting(
    findings: Iterable[Finding], kinds: frozenset[str], rule_settings: Mapping[str, list[str]] | None = None
) -> list[Finding]:
    """Findings less those of a category, or of a rule (`rule_settings`: rule id -> its
    `settings`), confined to settings this contract is not of."""
    rule_settings = rule_settings or {}
    out = []
    for f in findings:
        data = CATEGORY_DATA.get(f.category)
        if data is not None and data.settings and not kinds.intersection(data.settings):
            continue
        if rule_settings.get(f.rule) and not kinds.intersection(rule_settings[f.rule]):
            continue
        out.append(f)
    return out
