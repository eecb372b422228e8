"""The case check (benchmarks/case_styles.py) changes letter case only, the same way each run, and
reports what a development contract keeps when its paragraphs are printed in capitals."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parents[2]


def _load():
    sys.path.insert(0, str(ROOT / "benchmarks"))
    spec = importlib.util.spec_from_file_location("case_styles", ROOT / "benchmarks" / "case_styles.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


CS = _load()


@given(st.text(alphabet=st.sampled_from("ab Cd\n\n.x"), max_size=300))
def test_half_upper_changes_case_only_and_repeats(text: str) -> None:
    made = CS.halfupper(text)
    assert made.lower() == text.lower()
    assert CS.halfupper(text) == made


def test_a_development_contract_keeps_its_categories_in_capitals(capsys) -> None:
    assert (
        CS.main([str(ROOT / "benchmarks" / "corpora" / "contracts"), "--mode", "upper", "--ids", "^en-101$"])
        == 0
    )
    out = capsys.readouterr().out
    assert "en case upper: documents 1" in out
    assert "categories kept per document:" in out


def test_chinese_is_refused() -> None:
    assert CS.main([str(ROOT / "benchmarks" / "corpora" / "contracts"), "--lang", "zh"]) == 2
