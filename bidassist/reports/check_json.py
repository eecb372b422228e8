"""`bidassist check --format json`: {"findings": [...], "summary": {...}, "clauses": [...]}."""

from __future__ import annotations

import json

from bidassist.checklist.result import CheckResult


def render_json(result: CheckResult, lang: str | None = None) -> str:
    return json.dumps(result.to_json(lang), ensure_ascii=False, indent=2, default=str) + "\n"
