"""Contract checklist: rule packs (checklists/<lang>/*.yaml) that flag supplier traps in Chinese
and English contracts, key terms, and the comparison of a contract with the tender or bid."""

from .api import check_bid_contract, check_contract, check_text
from .result import CheckResult, Finding, KeyTerm
from .rules import RuleSet, load_packs

__all__ = [
    "load_packs",
    "check_text",
    "check_bid_contract",
    "check_contract",
    "CheckResult",
    "Finding",
    "KeyTerm",
    "RuleSet",
]
