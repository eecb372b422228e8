"""The clause model: the shipped numpy scorer equals scikit-learn's predict_proba, the settings
file is validated on load (file and line), a model finding keeps the rules' party test, and
model findings on real development clauses carry the rule's explanation."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np
import pytest
from shipped_packs import RULES  # the shipped packs, loaded once for all checklist tests

from bidassist.checklist import check_text
from bidassist.checklist.api import contract_parties
from bidassist.checklist.model import (
    ClauseLayer,
    default_layer,
    features,
    load_layer,
    load_models,
    model_findings,
    save_model,
)
from bidassist.checklist.parties import roles
from bidassist.checklist.units import units_from_clauses
from bidassist.core.errors import ProblemsError
from bidassist.core.resources import package_path
from bidassist.reading import split_clauses, text_blocks

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "benchmarks" / "corpora" / "contracts"

SHIPPED = package_path("models")


def _trainer():
    spec = importlib.util.spec_from_file_location(
        "train_clause_model", ROOT / "benchmarks" / "train_clause_model.py"
    )
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod  # its dataclasses look their module up
    spec.loader.exec_module(mod)
    return mod


def test_features_are_the_ngrams_of_the_normalised_text():
    assert features("质保期 12 月", "zh")[:6] == ["质", "保", "期", "0", "0", "月"]
    grams = features("Net  90 Days", "en")
    assert grams[:3] == [" ne", "net", "et "] and "t 00" in grams and " day" in grams


def test_shipped_scorer_equals_sklearn_predict_proba(tmp_path: Path):
    """Train on real dev clauses with the training script's own fit, export, save, load: the numpy
    scorer gives scikit-learn's calibrated probabilities."""
    pytest.importorskip("sklearn")
    trainer = _trainer()
    docs = [d for d in trainer.real_docs(CORPUS) if d.lang == "zh"]
    texts, pos, weights, groups = trainer.training_set(docs, RULES, "zh")
    cats = ["payment.set_off", "penalty.uncapped"]
    vec, clfs = trainer.fit("zh", texts, pos, weights, groups, cats)
    save_model(tmp_path / "m.npz", [trainer.export("zh", vec, clfs)])
    model = load_models(tmp_path / "m.npz")["zh"]
    sample = texts[:40] + ["甲方有权从应付乙方的任何款项中直接扣除违约金。", ""]
    X = vec.transform(sample)
    for j, cat in enumerate(cats):
        want = clfs[cat].predict_proba(X)[:, 1]
        got = np.array([model.proba(t)[j] for t in sample])
        np.testing.assert_allclose(got, want, atol=1e-5)


def test_shipped_model_loads_and_is_small():
    layer = default_layer()
    assert (SHIPPED / "clauses.npz").stat().st_size < 5_000_000
    for lang, cats in layer.thresholds.items():
        model = layer.models[lang]
        assert model.coef.shape == (len(model.categories), len(model.vocab))
        assert set(cats) <= set(model.categories)
        assert all(0 < t < 1 for t in cats.values())


def test_shipped_settings_name_rules_of_their_category():
    layer = default_layer()
    for lang, named in layer.rules.items():
        for category, rule_id in named.items():
            assert RULES.rule(rule_id).rule.category == category and rule_id.startswith(lang)


def _settings(tmp_path: Path, body: str) -> Path:
    (tmp_path / "clauses.npz").write_bytes((SHIPPED / "clauses.npz").read_bytes())
    path = tmp_path / "clauses.yaml"
    path.write_text(textwrap.dedent(body), encoding="utf-8")
    return path


def test_settings_unknown_category_names_file_and_line(tmp_path: Path):
    path = _settings(
        tmp_path,
        """\
        model: clauses.npz
        enabled:
          en:
            - {category: termination.convenience, threshold: 0.8}
            - {category: no.such.category, threshold: 0.8}
        """,
    )
    with pytest.raises(ProblemsError) as err:
        load_layer(path)
    assert "clauses.yaml:5" in str(err.value.problems[0]) and "no.such.category" in str(err.value.problems[0])


def test_settings_threshold_out_of_range_names_file_and_line(tmp_path: Path):
    path = _settings(
        tmp_path,
        """\
        model: clauses.npz
        enabled:
          en:
            - category: termination.convenience
              threshold: 1.5
        """,
    )
    with pytest.raises(ProblemsError) as err:
        load_layer(path)
    assert "clauses.yaml:5" in str(err.value.problems[0])


def _layer_everything(lang: str, threshold: float) -> ClauseLayer:
    """The shipped model with every category it knows enabled at `threshold`."""
    model = default_layer().models[lang]
    return ClauseLayer(
        {lang: model},
        {lang: dict.fromkeys(model.categories, threshold)},
        {lang: list(range(len(model.categories)))},
    )


@pytest.mark.parametrize(
    ("lang", "category", "buyer_clause", "supplier_clause"),
    [
        (
            "zh",
            "liability.uncapped",
            "甲方违约的，甲方应赔偿乙方因此遭受的一切损失，且不受合同金额限制。",
            "乙方违约的，乙方应赔偿甲方因此遭受的一切损失，且不受合同金额限制。",
        ),
        (
            "en",
            "liability.uncapped",
            "The Buyer shall indemnify the Supplier against all losses, damages, costs and expenses of any kind, without limit.",
            "The Supplier shall indemnify the Buyer against all losses, damages, costs and expenses of any kind, without limit.",
        ),
    ],
)
def test_buyer_obligation_scored_high_is_not_a_supplier_trap(lang, category, buyer_clause, supplier_clause):
    """The model scores the buyer's clause as it scores the supplier's; the party test keeps it
    out (the rule explaining the category binds the supplier)."""
    text = (
        f"甲方：某某公司\n乙方：某某供应商\n\n1. {buyer_clause}\n2. {supplier_clause}\n"
        if lang == "zh"
        else (
            f"Buyer: Example Corp\nSupplier: Example Supply Ltd\n\n1. {buyer_clause}\n2. {supplier_clause}\n"
        )
    )
    units = units_from_clauses(split_clauses(text_blocks(text, "t")))
    model = default_layer().models[lang]
    p_buyer = model.proba(buyer_clause.lower())[model.categories.index(category)]
    layer = _layer_everything(lang, min(0.5, p_buyer * 0.9))
    ruleset = RULES.for_roles(roles(contract_parties(units, None), RULES.vocabulary))
    found, _ = model_findings(units, ruleset, [], {lang}, layer)
    flagged = {f.text.strip()[3:] for f in found if f.category == category}
    assert p_buyer >= layer.thresholds[lang][category]
    assert not any(buyer_clause[:20] in t for t in flagged)
    assert any(supplier_clause[:20] in t for t in flagged)


def test_model_finding_on_a_real_dev_contract_is_explained_by_the_rule_and_deduped():
    """en-703 (dev): the supplier's indemnity against "any penalties, fines, or damages" for violations (15.6,
    uncapped liability) that no rule catches is reported by the model, with the rule's message, basis and fallback and a
    confidence at or above the threshold; the rule findings are those of a rules-only check, and no
    rule finding of the same category sits on the same clause."""
    import yaml

    category = "liability.uncapped"
    layer = default_layer()
    labels = yaml.safe_load((CORPUS / "en" / "en-703.labels.yaml").read_text(encoding="utf-8"))
    assert labels["split"] == "dev" and category in layer.thresholds["en"]
    text = (CORPUS / "en" / "en-703.txt").read_text(encoding="utf-8")
    with_model = check_text(text, RULES, name="en-703", we=labels["supplier_party"])
    rules_only = check_text(text, RULES, name="en-703", we=labels["supplier_party"], model=False)
    assert [f for f in with_model.findings if f.source == "rule"] == rules_only.findings
    model = [f for f in with_model.findings if f.source == "model"]
    trap = next(
        "".join(t["quote"].split())[:40]
        for t in labels["traps"]
        if t["category"] == category and "Indemnity for Violations" in t["quote"]
    )
    by_rule = any(f.category == category and trap in "".join(f.text.split()) for f in rules_only.findings)
    by_model = any(f.category == category and trap in "".join(f.text.split()) for f in model)
    # caught once: by the model while no rule catches it (if a later rule does, the model defers)
    assert by_rule != by_model
    for f in model:
        rule = RULES.rule(f.rule).rule
        assert f.category == rule.category and f.message == rule.message.model_dump()
        assert f.basis == rule.basis and f.fallback == rule.fallback.model_dump()
        assert f.confidence >= layer.thresholds[f.language][f.category]
        assert not any(
            g.source == "rule" and g.category == f.category and g.clause == f.clause and g.text == f.text
            for g in with_model.findings
        )
        js = f.to_json()
        assert js["source"] == "model" and js["confidence"] == f.confidence


def test_help_does_not_load_the_model():
    code = (
        "import sys\nfrom bidassist.cli import main\n"
        "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
        "print('bidassist.checklist.model' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert out.stdout.strip().splitlines()[-1] == "False"


def test_sentences_skip_bare_numbers_and_split_like_the_party_test():
    from bidassist.checklist.model import sentences

    norm = "1. the buyer shall pay. the supplier shall deliver；乙方应当交货"
    got = [norm[a:b].strip() for a, b in sentences(norm)]
    assert got == ["the buyer shall pay.", "the supplier shall deliver；", "乙方应当交货"]
    assert sentences("12.") == [(0, 3)]


def test_cv_folds_group_documents_by_source():
    """Cross-validation never splits a source: the labels' `source.repo`, else the stored file the
    text was read from (two documents of one file share it), else the document (with the pairs the
    corpus notes name as one source)."""
    trainer = _trainer()
    assert trainer.source_of({"id": "x", "source": {"repo": "owner/name"}}) == "owner/name"
    one_file = "unknown (found with find_string, read_file id 69496399279)"
    a = trainer.source_of({"id": "en-103", "source": {"repo": "—", "licence": one_file}})
    b = trainer.source_of({"id": "en-104", "source": {"repo": "—", "licence": one_file}})
    assert a == b == "read_file:69496399279"
    assert trainer.source_of({"id": "zh-027", "source": {"repo": None}}) == trainer.source_of(
        {"id": "zh-026", "source": {"repo": None}}
    )
    assert trainer.source_of({"id": "en-001", "source": {"repo": None}}) != trainer.source_of(
        {"id": "en-005", "source": {"repo": None}}
    )


def test_english_refit_keeps_the_shipped_vocabulary_and_idf():
    """The English coefficients are refitted over the shipped vocabulary and idf, which the
    clause-type weights (clause_types.npz) are over."""
    trainer = _trainer()
    shipped = load_models(SHIPPED / "clauses.npz")["en"]
    texts = [
        "The Buyer may terminate this Agreement at any time for its convenience.",
        "Payment is due in 30 days.",
    ]
    vec, X = trainer.vectorizer("en", texts)
    assert vec.vocabulary_ == shipped.vocab
    assert np.array_equal(vec.idf_, shipped.idf)
    idx, x = shipped.vector(texts[0])
    row = X[0].toarray()[0]
    assert np.allclose(row[idx], x) and np.isclose(row.sum(), x.sum())
