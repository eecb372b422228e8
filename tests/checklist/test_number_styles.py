"""The number-style check's rewriting (benchmarks/number_styles.py) changes how a figure is written,
never the figure: written in words and back in digits, a period or a percentage is what it was."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parents[2]


def _load():
    sys.path.insert(0, str(ROOT / "benchmarks"))
    spec = importlib.util.spec_from_file_location("number_styles", ROOT / "benchmarks" / "number_styles.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


NS = _load()
_EN_UNITS = st.sampled_from(["days", "calendar days", "months", "weeks", "years", "business days"])
_ZH_UNITS = st.sampled_from(["日", "天", "个月", "年", "个工作日", "小时"])


def test_english_figures_in_words_keep_their_digits() -> None:
    text = "The Buyer shall pay within 45 days and may retain 10% of each invoice for 12 months."
    assert NS.en_words(text) == (
        "The Buyer shall pay within forty-five (45) days and may retain ten percent (10%) of each invoice for "
        "twelve (12) months."
    )


def test_dates_amounts_and_decimals_are_left_alone() -> None:
    text = "Dated 12.05.2024, USD 1,250 and 0.5% a day; 2024年3月15日，单价12.5元。"
    assert NS.en_words(text) == text
    assert NS.zh_words("2024年3月15日，单价12.5元，每日0.5%。") == "2024年3月15日，单价12.5元，每日0.5%。"


@given(st.integers(min_value=2, max_value=999), _EN_UNITS)
def test_english_words_then_digits_is_the_same_text(n: int, unit: str) -> None:
    text = f"Payment is due within {n} {unit} of receipt; the retention is {n}% of the price."
    assert NS.en_digits(NS.en_words(text)) == text


@given(st.integers(min_value=2, max_value=999), _ZH_UNITS)
def test_chinese_words_then_digits_is_the_same_text(n: int, unit: str) -> None:
    text = f"甲方应在收到发票后{n}{unit}内付款，违约金为合同总价的{n}%。"
    assert NS.zh_digits(NS.zh_words(text)) == text
