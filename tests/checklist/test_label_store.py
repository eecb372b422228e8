"""benchmarks/corpora/contracts/label_store.py: the fetched contracts' labels kept as positions survive a
rebuilt machine (freeze, then thaw beside the rebuilt texts, gives the same labels back)."""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "benchmarks" / "corpora" / "contracts"


def _module():
    spec = importlib.util.spec_from_file_location("label_store", CORPUS / "label_store.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _copy(ids: list[str], into: Path, labels: bool) -> None:
    for doc in ids:
        lang = doc.split("-")[0]
        (into / lang).mkdir(parents=True, exist_ok=True)
        shutil.copy(CORPUS / lang / f"{doc}.txt", into / lang)
        if labels:
            shutil.copy(CORPUS / lang / f"{doc}.labels.yaml", into / lang)


def _items(path: Path) -> dict:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return {
        kind: [(t["category"], t["quote"], t.get("severity")) for t in data.get(kind) or []]
        for kind in ("traps", "lookalikes")
    } | {"split": data["split"], "supplier_party": data["supplier_party"]}


def test_freeze_then_thaw_gives_the_labels_back_and_commits_no_quote(tmp_path: Path) -> None:
    store = _module()
    ids = ["zh-611", "en-801"]
    _copy(ids, tmp_path / "before", labels=True)
    _copy(ids, tmp_path / "after", labels=False)
    assert store.freeze(tmp_path / "before", tmp_path / "store") == 0
    frozen = (tmp_path / "store" / "zh" / "zh-611.yaml").read_text(encoding="utf-8")
    original = yaml.safe_load((CORPUS / "zh" / "zh-611.labels.yaml").read_text(encoding="utf-8"))
    assert all(t["quote"] not in frozen for t in original["traps"] + original["lookalikes"])
    assert store.thaw(tmp_path / "after", False, tmp_path / "store") == 0
    for doc in ids:
        lang = doc.split("-")[0]
        assert _items(tmp_path / "after" / lang / f"{doc}.labels.yaml") == _items(
            tmp_path / "before" / lang / f"{doc}.labels.yaml"
        )


def test_thaw_refuses_a_text_that_changed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store = _module()
    _copy(["zh-611"], tmp_path / "before", labels=True)
    _copy(["zh-611"], tmp_path / "after", labels=False)
    store.freeze(tmp_path / "before", tmp_path / "store")
    text = tmp_path / "after" / "zh" / "zh-611.txt"
    text.write_text(text.read_text(encoding="utf-8") + "\n附件", encoding="utf-8")
    assert store.thaw(tmp_path / "after", False, tmp_path / "store") == 1
    assert "differs from the text the labels were made on" in capsys.readouterr().out
    assert not (tmp_path / "after" / "zh" / "zh-611.labels.yaml").exists()


def test_a_bad_label_file_is_reported_and_the_others_are_stored(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = _module()
    _copy(["zh-611", "en-801"], tmp_path / "corpus", labels=True)
    bad = tmp_path / "corpus" / "en" / "en-801.labels.yaml"
    bad.write_text(bad.read_text(encoding="utf-8").replace("quote: ", "quote: XX", 1), encoding="utf-8")
    assert store.freeze(tmp_path / "corpus", tmp_path / "store") == 1
    assert "en-801.labels.yaml: not stored" in capsys.readouterr().out
    assert (tmp_path / "store" / "zh" / "zh-611.yaml").exists()
    assert not (tmp_path / "store" / "en" / "en-801.yaml").exists()
