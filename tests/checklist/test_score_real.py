"""The real-corpus scorer's per-severity recall: each trap counted under its labelled severity,
caught only by a finding of its category on its clause."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import SimpleNamespace

ROOT = Path(__file__).resolve().parents[2]


def _load_script():
    spec = importlib.util.spec_from_file_location("score_real", ROOT / "benchmarks" / "score_real.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["score_real"] = module
    spec.loader.exec_module(module)
    return module


def test_recall_is_counted_per_severity() -> None:
    script = _load_script()
    labels = {
        "traps": [
            {
                "category": "payment.set_off",
                "quote": "the Buyer may deduct any sum owed under any other contract",
                "severity": "high",
            },
            {
                "category": "rights.waiver",
                "quote": "claims not notified within seven days are waived",
                "severity": "medium",
            },
            {
                "category": "renewal.auto",
                "quote": "this agreement renews automatically each year",
                "severity": "low",
            },
        ]
    }
    unit = SimpleNamespace(
        text="12.3 the Buyer may deduct any sum owed under any other contract from any payment."
    )
    other = SimpleNamespace(text="14.1 claims not notified within seven days are waived.")
    found = [
        (
            unit,
            SimpleNamespace(category="payment.set_off", source="rule", rule="r1", clause="12.3", matched=""),
        ),
        # right clause, wrong category: the medium trap is not caught
        (
            other,
            SimpleNamespace(
                category="liability.uncapped", source="rule", rule="r2", clause="14.1", matched=""
            ),
        ),
    ]
    table = script.score_document(labels, found, "doc")
    total = script.Tally()
    for row in table.values():
        total.add(row)
    assert dict(total.by_severity) == {"high": 1, "medium": 1, "low": 1}
    assert dict(total.caught_by_severity) == {"high": 1}
    assert script.severity_line(total) == "high 1/1 = 1.00; medium 0/1 = 0.00; low 0/1 = 0.00"


def test_findings_on_look_alikes_are_listed_apart_from_false_alarms() -> None:
    script = _load_script()
    labels = {
        "traps": [],
        "lookalikes": [
            {
                "category": "liability.uncapped",
                "quote": "shall indemnify Buyer against claims of infringement",
            }
        ],
    }
    look = SimpleNamespace(
        text="9.1 Supplier shall indemnify Buyer against claims of infringement of any patent."
    )
    stray = SimpleNamespace(text="10.2 Supplier shall be liable for all losses whatsoever.")
    found = [
        (
            look,
            SimpleNamespace(
                category="liability.uncapped", source="rule", rule="r1", clause="9.1", matched=""
            ),
        ),
        (
            stray,
            SimpleNamespace(
                category="liability.uncapped", source="rule", rule="r2", clause="10.2", matched=""
            ),
        ),
    ]
    row = script.score_document(labels, found, "doc")["liability.uncapped"]
    assert (row.lookalike_fp, row.false_alarms) == (1, 1)
    assert [a.split(" [")[0] for a in row.look_hits] == ["doc r1"]
    assert [a.split(" [")[0] for a in row.alarms] == ["doc r2"]


def test_a_finding_on_a_lead_in_covers_the_trap_labelled_on_its_item() -> None:
    script = _load_script()
    labels = {
        "traps": [
            {
                "category": "liability.uncapped",
                "quote": "any claim made against PACCA by a third party arising out of the supply",
                "severity": "high",
            }
        ],
    }
    lead = SimpleNamespace(
        text="10.1 The Supplier shall indemnify PACCA against all liabilities arising out of:",
        clause="10.1",
        lead_of=None,
    )
    item = SimpleNamespace(
        text="10.1 The Supplier shall indemnify PACCA against all liabilities arising out of: (c) any claim made "
        "against PACCA by a third party arising out of the supply of the Goods.",
        clause="10.1 (c)",
        lead_of="10.1",
    )
    found = [
        (
            lead,
            SimpleNamespace(
                category="liability.uncapped", source="rule", rule="r1", clause="10.1", matched=""
            ),
        )
    ]
    row = script.score_document(labels, found, "doc", [lead, item])["liability.uncapped"]
    assert (row.caught, row.correct, row.false_alarms) == (1, 1, 0)
    # without the document's units the item is not known: a miss and a false alarm, as before
    row = script.score_document(labels, found, "doc")["liability.uncapped"]
    assert (row.caught, row.correct, row.false_alarms) == (0, 0, 1)
