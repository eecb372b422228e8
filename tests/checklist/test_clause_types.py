"""The clause-type model: its settings are validated on load (file and line), its numpy scorer
equals scikit-learn's decision function, and on a clause it adds a type only at `add`, keeps a
rule's type only at `keep`, and never touches findings."""

from __future__ import annotations

import importlib.util
import sys
import textwrap
from pathlib import Path

import numpy as np
import pytest
from shipped_packs import RULES  # the shipped packs, loaded once for all checklist tests

from bidassist.checklist import check_text
from bidassist.checklist.model import (
    ClauseLayer,
    TypeModel,
    default_layer,
    load_layer,
    load_models,
    load_types,
    model_types,
    save_types,
)
from bidassist.checklist.result import KeyTerm
from bidassist.checklist.units import units_from_clauses
from bidassist.core.errors import ProblemsError
from bidassist.core.resources import package_path
from bidassist.reading import split_clauses, text_blocks

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = package_path("models")
MFN = "The prices charged to Distributor shall be no higher than the lowest prices charged by Company to any other distributor."
LAW = "This Agreement shall be governed by the laws of the State of New York."
CARRIER = "Goods shall be shipped by the lowest-cost carrier."


def _trainer():
    spec = importlib.util.spec_from_file_location(
        "train_clause_types", ROOT / "benchmarks" / "train_clause_types.py"
    )
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod
    spec.loader.exec_module(mod)
    return mod


def _units(text: str):
    return units_from_clauses(split_clauses(text_blocks(text, "t.txt")))


def _layer(intercept: float, add: float | None, keep: float | None) -> ClauseLayer:
    """The shipped English clause model with one type whose score is `intercept` on every clause."""
    base = default_layer().models["en"]
    tm = TypeModel(base, ["most_favored_nation"], np.zeros((1, len(base.vocab))), np.array([intercept]))
    return ClauseLayer({"en": base}, {}, {}, {}, {"en": (tm, [(add, keep)])})


def test_type_added_only_from_add_on_keyword_clauses_and_rule_type_kept_only_from_keep():
    units = _units(f"1. Pricing\n{MFN}\n\n2. Law\n{LAW}\n\n3. Carriage\n{CARRIER}\n")
    rule_term = KeyTerm(
        "most_favored_nation", units[0].clause, units[0].location, units[0].text, language="en"
    )
    # score 1.0 everywhere reaches add 0.5: the carriage clause (a keyword of the type, "lowest")
    # gains the type from the model; the law clause (no keyword) does not
    got = model_types(units, [rule_term], RULES, {"en"}, _layer(1.0, 0.5, None))
    assert [(t.clause, t.source) for t in got] == [(units[0].clause, "rule"), (units[2].clause, "model")]
    # add above the score: nothing added; keep above the score: the rule's type is not confirmed
    assert model_types(units, [rule_term], RULES, {"en"}, _layer(1.0, 2.0, None)) == [rule_term]
    assert model_types(units, [rule_term], RULES, {"en"}, _layer(1.0, None, 1.5)) == []
    assert model_types(units, [rule_term], RULES, {"en"}, _layer(1.0, None, 0.5)) == [rule_term]
    # a clause the rules typed keeps its type when the score reaches add, whatever keep says
    assert model_types(units, [rule_term], RULES, {"en"}, _layer(1.0, 0.8, 1.5)) == [rule_term, got[1]]


def test_findings_never_depend_on_the_type_model():
    text = f"1. Pricing\n{MFN}\n"
    with_types = check_text(text, RULES, lang="en")
    rules_only = check_text(text, RULES, lang="en", model=False)
    assert [f.rule for f in with_types.findings if f.source == "rule"] == [
        f.rule for f in rules_only.findings
    ]


def _settings(tmp_path: Path, body: str) -> Path:
    for name in ("clauses.npz", "clause_types.npz"):
        (tmp_path / name).write_bytes((SHIPPED / name).read_bytes())
    path = tmp_path / "clauses.yaml"
    path.write_text(textwrap.dedent(body), encoding="utf-8")
    return path


def test_settings_unknown_type_names_file_and_line(tmp_path: Path):
    path = _settings(
        tmp_path,
        """\
        model: clauses.npz
        types_model: clause_types.npz
        types:
          en:
            - {type: no_such_type, add: 1.0}
        """,
    )
    with pytest.raises(ProblemsError) as err:
        load_layer(path)
    assert "clauses.yaml:5" in str(err.value.problems[0]) and "no_such_type" in str(err.value.problems[0])


def test_settings_type_without_add_or_keep_names_file_and_line(tmp_path: Path):
    typ = load_types(SHIPPED / "clause_types.npz", load_models(SHIPPED / "clauses.npz"))["en"].types[0]
    path = _settings(
        tmp_path,
        f"""\
        model: clauses.npz
        types_model: clause_types.npz
        types:
          en:
            - {{type: {typ}, note: neither}}
        """,
    )
    with pytest.raises(ProblemsError) as err:
        load_layer(path)
    assert "clauses.yaml:5" in str(err.value.problems[0]) and "add, keep" in str(err.value.problems[0])


def test_shipped_type_scorer_equals_sklearn_decision_function(tmp_path: Path):
    """Fit one type with the training script's own fit on real clauses, save, load: the numpy scorer
    gives scikit-learn's decision values."""
    pytest.importorskip("sklearn")
    trainer = _trainer()
    base = load_models(SHIPPED / "clauses.npz")["en"]
    texts = [
        *(e for cr in RULES.rules if cr.language == "en" for e in cr.rule.examples.match),
        *(e for cr in RULES.rules if cr.language == "en" for e in cr.rule.examples.no_match),
    ]
    units = [u for t in texts for u in _units(t)]
    X = trainer.vectors(units, base)
    y = np.array(["pric" in u.text.lower() for u in units])
    clf = trainer.fit_type(X, y)
    save_types(tmp_path / "t.npz", "en", {"price_words": (clf.coef_[0], float(clf.intercept_[0]))})
    tm = load_types(tmp_path / "t.npz", {"en": base})["en"]
    got = np.array([tm.decision(u.norm)[0] for u in units[:60]])
    np.testing.assert_allclose(got, clf.decision_function(X[:60]), atol=2e-2)  # float16 weights


def test_shipped_models_stay_small():
    total = sum((SHIPPED / n).stat().st_size for n in ("clauses.npz", "clause_types.npz"))
    assert total < 5_000_000
