"""The rule audit's verdicts: a finding is right on a labelled trap of its category, a look-alike
hit on a labelled look-alike of its category, false otherwise (a trap of another category on the
same clause does not make it right) — as score_real.py judges findings."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import SimpleNamespace

ROOT = Path(__file__).resolve().parents[2]


def _load(name: str):
    spec = importlib.util.spec_from_file_location(name, ROOT / "benchmarks" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def _finding(rule: str, category: str, clause: str) -> SimpleNamespace:
    return SimpleNamespace(rule=rule, category=category, clause=clause, source="rule", matched="")


def test_each_finding_is_judged_against_its_own_category() -> None:
    _load("score_real")
    audit = _load("rule_audit")
    labels = {
        "traps": [
            {
                "category": "payment.set_off",
                "quote": "the Buyer may deduct any sum owed under any other contract",
            }
        ],
        "lookalikes": [{"category": "bond.performance_excessive", "quote": "没收履约保证金"}],
    }
    setoff = SimpleNamespace(
        text="12.3 the Buyer may deduct any sum owed under any other contract from any payment."
    )
    bond = SimpleNamespace(text="24、甲方有权终止合同并没收履约保证金。")
    found = [
        (setoff, _finding("en.payment.set_off", "payment.set_off", "12.3")),
        # the same clause, another category: not made right by the set-off trap
        (setoff, _finding("en.liability.uncapped", "liability.uncapped", "12.3")),
        (bond, _finding("zh.bond.performance_excessive", "bond.performance_excessive", "24、")),
    ]
    assert audit.judge(labels, found, None) == [
        ("en.payment.set_off", "right"),
        ("en.liability.uncapped", "false"),
        ("zh.bond.performance_excessive", "look"),
    ]
