"""The finding categories of shared/domain/findings.md, read from the data file
checklists/vocabulary/categories.yaml: stable ids that reports, waivers and tests key on,
with a short name for reports. A new category is added to findings.md and the data file."""

from __future__ import annotations

from pydantic import Field

from bidassist.core.resources import package_path
from bidassist.core.types import StrictModel
from bidassist.core.yamlfile import load_yaml, validate

CATEGORY_FILE = package_path("checklists") / "vocabulary" / "categories.yaml"


class Category(StrictModel):
    id: str = Field(pattern=r"^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$")
    zh: str = Field(min_length=1)
    en: str = Field(min_length=1)


class CategoryFile(StrictModel):
    categories: list[Category] = Field(min_length=1)


def load_categories() -> dict[str, tuple[str, str]]:
    """category id -> (Chinese name, English name), validated with file and line on error."""
    parsed = validate(CategoryFile, load_yaml(CATEGORY_FILE))
    return {c.id: (c.zh, c.en) for c in parsed.categories}


#: category id -> (Chinese name, English name)
CATEGORIES: dict[str, tuple[str, str]] = load_categories()

#: categories produced by the contract-vs-tender comparison (compare.py) as well as by rules
COMPARE_CATEGORIES = ("payment.schedule_changed", "deviation.price", "deviation.term")

SEVERITIES = ("high", "medium", "low")
SEVERITY_RANK = {"high": 3, "medium": 2, "low": 1}
