"""The ASCII keyword check on the plain-line path gives KEYWORDS' answer on ASCII labels."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bidassist.costs.rowkinds import KEYWORDS, _ascii_keyword, suspicious

_WORDS = [
    "Total",
    "SUM",
    "sum",
    "C/F",
    "Duties",
    "duty",
    "Customs",
    "VAT",
    "tax",
    "Reserve",
    "Freight",
    "x",
    " ",
    "\n",
]
_ASCII = st.lists(
    st.one_of(st.sampled_from(_WORDS), st.text(st.characters(max_codepoint=127), max_size=6)), max_size=6
).map("".join)


@settings(max_examples=400, deadline=None)
@given(_ASCII)
def test_ascii_keyword_agrees_with_keywords(text: str) -> None:
    assert _ascii_keyword(text) == (KEYWORDS.search(text) is not None)


@pytest.mark.parametrize(
    ("label", "found"),
    [
        ("Sub-Total", True),
        ("Sum", True),
        ("SUM\n", True),
        ("VAT 5%", True),
        ("Import duties", True),
        ("Customs clearance", True),
        ("Summary of works", False),  # look-alike: `sum` only as the whole label
        ("sum of items", False),
        ("Concrete C30 pour", False),
        ("Dutch doors", False),
    ],
)
def test_ascii_labels(label: str, found: bool) -> None:
    assert suspicious(label) is found
    assert (KEYWORDS.search(label) is not None) is found
