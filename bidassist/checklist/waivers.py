"""Waivers: a reviewer accepts a finding so it is not reported again.

A waiver names the rule and the clause - by its text or by the `waiver_key` a report prints -
so it survives renumbering and reformatting, and lapses when the clause's wording changes.

```yaml
waivers:
  - rule: zh.retention.excessive
    text: 质保金为合同总价的5%，质保期满后无息退还。   # or key: 3f9a0c1d2e4b5a69
    reason: 已与甲方谈妥 / agreed with the buyer
    by: 王律师
```
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from pathlib import Path

from pydantic import Field, model_validator

from bidassist.core.errors import InputError
from bidassist.core.types import StrictModel
from bidassist.core.yamlfile import load_yaml, validate

from .result import CheckResult, Finding

_DROP = re.compile(r"[\s\W_]+", re.UNICODE)


def normalise_clause(text: str) -> str:
    """Clause text as waivers compare it: NFKC, lower case, no spaces or punctuation."""
    return _DROP.sub("", unicodedata.normalize("NFKC", text).lower())


def waiver_key(rule: str, text: str) -> str:
    digest = hashlib.sha1(f"{rule}\n{normalise_clause(text)}".encode()).hexdigest()
    return digest[:16]


class Waiver(StrictModel):
    rule: str = Field(min_length=1)
    text: str | None = None
    key: str | None = Field(default=None, pattern=r"^[0-9a-f]{16}$")
    #: an accepted risk is recorded with why: a waiver without a reason is refused
    reason: str = Field(min_length=1)
    by: str | None = None
    date: str | None = None

    @model_validator(mode="after")
    def _text_or_key(self) -> Waiver:
        if not self.text and not self.key:
            raise ValueError("give the clause text or the waiver key of the finding")
        return self

    @property
    def wanted_key(self) -> str:
        return self.key or waiver_key(self.rule, self.text or "")


class WaiverFile(StrictModel):
    waivers: list[Waiver] = Field(default_factory=list)


def load_waivers(path: Path) -> list[Waiver]:
    doc = load_yaml(Path(path))
    if doc.data is None:
        return []
    if not isinstance(doc.data, dict):
        raise InputError("a waiver file is a mapping with a `waivers:` list", str(path))
    return validate(WaiverFile, doc).waivers


def apply_waivers(result: CheckResult, path: Path) -> None:
    """Move waived findings from result.findings to result.waived."""
    keys = {w.wanted_key for w in load_waivers(path)}
    kept: list[Finding] = []
    for f in result.findings:
        key = f.waiver_key or waiver_key(f.rule, f.text)
        (result.waived if key in keys else kept).append(f)
    result.findings = kept
