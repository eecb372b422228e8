"""The finding categories of shared/domain/findings.md, read from the data file
checklists/vocabulary/categories.yaml: stable ids that reports, waivers and tests key on,
with a short name for reports, and what the engine needs to judge any clause of the category:

- `party`: whose obligation, right or liability makes the clause a supplier trap (the buyer
  deducts, ends, pays late; the supplier pays the penalty, bears the loss, gives up the claim).
  A rule that says nothing takes it; a clause that binds the other party only, or both alike, or
  sits in an option left unselected, is not reported.
- `settings`: the kinds of contract the category exists in (the four construction deposits);
  empty: every kind.
- `for_cause_harmless`: a right of the category used to answer the other side's failure (If the
  Seller fails to deliver, the Buyer may at its sole discretion cancel; 乙方逾期交货的，甲方有权解除)
  is for cause and not reported (subject.for_cause), unless the sentence also says at will.
- `disclaimer_harmless`: the supplier's refusal or exclusion of the liability the category names
  (the Supplier does not accept liability for consequential loss; 乙方不承担间接损失) is its own
  protection and not reported (subject.disclaims).
- `agreed_amount_harmless`: a deduction of an amount the contract fixes or the supplier owes by
  agreement (a platform fee or commission, a tax withheld, the agreed deposit lodged by deduction),
  with nothing claimed or set by the buyer in its sentence, is not a set-off (subject.agreed_amount).

A new category is added to findings.md and the data file."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from bidassist.core.resources import package_path
from bidassist.core.types import StrictModel
from bidassist.core.yamlfile import load_yaml, validate

CATEGORY_FILE = package_path("checklists") / "vocabulary" / "categories.yaml"

Party = Literal["supplier", "buyer", "any"]
#: the kinds of contract a category can be confined to (checklist/dockind.py tells them)
Setting = Literal["construction"]


class Category(StrictModel):
    id: str = Field(pattern=r"^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$")
    zh: str = Field(min_length=1)
    en: str = Field(min_length=1)
    party: Party = "any"
    settings: list[Setting] = Field(default_factory=list)
    #: a match whose sentence answers a failure of the other side (If the Seller fails to deliver…,
    #: 乙方逾期…的) is for cause, not this category's trap (subject.for_cause)
    for_cause_harmless: bool = False
    #: a match in a refusal or exclusion of the liability by the party the category burdens ("the
    #: Supplier does not accept liability for…", 乙方不承担间接损失) is its protection (subject.disclaims)
    disclaimer_harmless: bool = False
    #: a deduction of an amount the contract fixes or the supplier owes by agreement (fees,
    #: commission, tax, the agreed deposit), with no claim in its sentence (subject.agreed_amount)
    agreed_amount_harmless: bool = False


class SettingWords(StrictModel):
    """How a contract of one kind shows itself: any of these words (regular expressions, read on
    the lower-cased text), used at least `min_uses` times in all."""

    zh: list[str] = Field(min_length=1)
    en: list[str] = Field(min_length=1)
    min_uses: int = Field(default=3, ge=1)


class CategoryFile(StrictModel):
    categories: list[Category] = Field(min_length=1)
    settings: dict[Setting, SettingWords] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _settings_defined(self) -> CategoryFile:
        for c in self.categories:
            for name in c.settings:
                if name not in self.settings:
                    raise ValueError(f"category {c.id}: setting {name!r} has no words under settings:")
        return self


def load_category_file() -> CategoryFile:
    """The categories and the words of each setting, validated with file and line on error."""
    return validate(CategoryFile, load_yaml(CATEGORY_FILE))


_FILE = load_category_file()


def load_category_data() -> dict[str, Category]:
    """category id -> its data."""
    return {c.id: c for c in _FILE.categories}


def load_categories() -> dict[str, tuple[str, str]]:
    """category id -> (Chinese name, English name)."""
    return {c.id: (c.zh, c.en) for c in CATEGORY_DATA.values()}


#: category id -> its data (names, party, settings)
CATEGORY_DATA: dict[str, Category] = load_category_data()
#: category id -> (Chinese name, English name)
CATEGORIES: dict[str, tuple[str, str]] = load_categories()
#: setting -> the words that show a contract is of that kind
SETTING_WORDS: dict[str, SettingWords] = {str(k): v for k, v in _FILE.settings.items()}


def category_party(category: str) -> Party:
    """Whose clause a finding of the category must be (`any` for an unknown id)."""
    data = CATEGORY_DATA.get(category)
    return data.party if data is not None else "any"


#: categories produced by the contract-vs-tender comparison (compare.py) as well as by rules
COMPARE_CATEGORIES = ("payment.schedule_changed", "deviation.price", "deviation.term")

SEVERITIES = ("high", "medium", "low")
SEVERITY_RANK = {"high": 3, "medium": 2, "low": 1}
