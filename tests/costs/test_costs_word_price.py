"""A one-line sheet whose only price is a word (`abc`, `1O0` typed with a letter O): the refusal names the cell, so the
user sees which figure to correct (it is refused as a blank form either way: a word is no price;
a placeholder such as TBD is an unpriced item and says nothing more)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bidassist.core.errors import BidassistError
from bidassist.costs import import_cost_sheet


@pytest.mark.parametrize("word", ["abc", "1O0"])
def test_the_only_price_written_as_a_word_is_named_by_its_cell(tmp_path: Path, word: str) -> None:
    sheet = tmp_path / "quote.csv"
    sheet.write_text(f"item,unit,qty,unit_price\nconcrete,m3,10,{word}\n", encoding="utf-8")
    with pytest.raises(BidassistError) as err:
        import_cost_sheet(sheet)
    said = str(err.value)
    assert "quote!D2" in said and f'"{word}" is not a number' in said
    assert sheet.read_text(encoding="utf-8").endswith(f"{word}\n")  # the input is untouched


def test_a_blank_form_with_no_figures_is_still_called_blank(tmp_path: Path) -> None:
    sheet = tmp_path / "form.csv"
    sheet.write_text("item,unit,qty,unit_price\nconcrete,m3,10,\n", encoding="utf-8")
    with pytest.raises(BidassistError) as err:
        import_cost_sheet(sheet)
    assert "blank form" in str(err.value) and "is not a number" not in str(err.value)
