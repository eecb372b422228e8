"""`structure.apply_checks` runs a check only where some line holds the text the check needs (a
dotted outline number, a % sign, a charge word): the gates must never hide a finding. Property:
on generated lines, every check that finds something is let through by its gate, and the gated
charge search finds exactly what the ungated one does."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from bidassist.costs import charges
from bidassist.costs.charges import _ENDINGS, any_ending, item_charges
from bidassist.costs.model import CostLine
from bidassist.costs.structure import apply_checks, hierarchy_parents, percent_rows
from bidassist.costs.table import SheetResult

CODES = ["", "1", "1.1", "1.2", "2", " 2.1", "030101001001", "A-3", "１.１"]
NAMES = [
    "Motor",
    "Motor shipping",
    "MOTOR  TAX ）",
    "电机",
    "电机运费",
    "Motor duties\u3000",
    " 1.1 Project manager",
    "2. Hardware",
    "Testing (10 %)",
    "税率：13％",
    "3.5寸屏",
    "cable\x00tray",
]


def _line(code: str, name: str, qty: int, amount: int, row: int) -> CostLine:
    q, a = Decimal(qty), Decimal(amount)
    price = a / q if q else a
    return CostLine.trusted(
        code or None, name, None, q or Decimal(1), price, price, price, "fixed", None, False, f"S!B{row}"
    )


lines_st = st.lists(
    st.tuples(st.sampled_from(CODES), st.sampled_from(NAMES), st.sampled_from([1, 2]), st.integers(1, 500)),
    min_size=2,
    max_size=12,
).map(lambda rows: [_line(c, n, q, a, k) for k, (c, n, q, a) in enumerate(rows, start=2)])


@settings(max_examples=300, deadline=None)
@given(lines_st)
def test_no_gate_hides_a_finding(lines: list[CostLine]) -> None:
    names = "\n".join(ln.description for ln in lines)
    assert item_charges(lines, names) == item_charges(lines)
    if hierarchy_parents(lines):
        assert any("." in (ln.code or ln.description) for ln in lines)
    if percent_rows(lines):
        assert "%" in names or "％" in names


@settings(max_examples=100, deadline=None)
@given(lines_st)
def test_the_lines_set_aside_are_those_the_ungated_checks_find(lines: list[CostLine]) -> None:
    """Subtotal parents, rate rows and charges leave the lines, whichever gate let them through."""
    result = SheetResult()
    result.lines[:] = lines
    apply_checks(result)
    kept = {ln.source for ln in result.lines}
    dropped = {ln.source for ln in lines} - kept
    expected = (
        {lines[p.index].source for p in hierarchy_parents(lines) if p.rollup}
        | {lines[r.index].source for r in percent_rows(lines)}
        | {lines[i].source for i, _ in item_charges(lines)}
    )
    assert dropped == expected


def test_the_charge_words_need_no_lowering_but_of_ascii_letters():
    """What `any_ending` relies on: the Chinese words' characters lower to themselves and no other
    character lowers to one of them; only İ and the Kelvin sign lower to an ASCII letter."""
    wide = "".join(charges._LEAST_WIDE)
    every = map(chr, range(0x110000))
    assert all(c.lower() == c for c in wide)
    to_ascii, to_wide = [], []
    for c in every:
        low = c.lower()
        if not c.isascii() and any("a" <= x <= "z" or "A" <= x <= "Z" for x in low):
            to_ascii.append(c)
        if c not in wide and any(x in wide for x in low):
            to_wide.append(c)
    assert tuple(to_ascii) == charges._LOWER_TO_ASCII and not to_wide


@given(st.text(alphabet="abTAXvatİΣςK\u212a项目运费税 \nDUTIESshipping", max_size=80), st.integers(1, 12))
@settings(max_examples=300, deadline=None)
def test_the_charge_words_are_found_piece_by_piece_as_in_the_whole_lowered_text(text, piece):
    """The joined names are lowered a piece at a time (not 12 bytes a character at once): a word
    across two pieces (运|费, Fr|EIGHT) is still found, and a text without one finds none."""
    saved = charges._PIECE
    charges._PIECE = piece
    try:
        assert any_ending(text) == any(w in text.lower() for w in _ENDINGS)
        assert any_ending("钢管\n电机运费") and any_ending("x\nOrder FrEIGHT")
        assert not any_ending("钢管\n电机\nFREIGH")
    finally:
        charges._PIECE = saved
