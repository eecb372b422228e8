"""Reading real files: dropped ligatures, page footers, full-width and OCR numbering, lines
wrapped inside a sentence, sub-clause labels with their parent, long unnumbered text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from bidassist.checklist.units import MAX_UNIT_CHARS, units_from_clauses
from bidassist.reading import repair, split_clauses, text_blocks
from bidassist.reading.repair import is_footer, repair_line


def _units(text: str):
    return units_from_clauses(split_clauses(text_blocks(text, "c.txt")))


def test_dropped_ligatures_are_restored():
    assert (
        repair_line("the speci ed goods within  ve (5) days") == "the specified goods within  five (5) days"
    )
    assert (
        repair_line("The  rst payment is de ned in the O ce") == "The  first payment is defined in the Office"
    )
    assert repair_line("the \ufb01nal price") == "the final price"


def test_ordinary_words_are_left_alone():
    line = "we have five (5) days to file the offer and the office of the first officer"
    assert repair_line(line) == line


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=80))
def test_repair_never_touches_text_without_broken_words(s: str):
    if " " not in s and not any(ch in s for ch in "\ufb00\ufb01\ufb02\ufb03\ufb04"):
        assert repair_line(s) == s


def test_page_footers_are_dropped():
    for line in ("第 3 页 共 10 页", "- 3 -", "Page 3 of 10", "3/10", "共10页 第3页"):
        assert is_footer(line), line
    assert not is_footer("3. Payment shall be made within 30 days.")
    units = _units("第一条 付款\n甲方在验收合格后30日内付款。\n第 1 页 共 2 页\n第二条 质保\n质保期12个月。")
    assert all("页" not in u.text for u in units)


def test_full_width_and_ocr_numbers_open_clauses():
    units = _units("７．违约罚款：乙方每天按总价的１％支付。\n８．其他：无。\n十—、附则\n本合同一式两份。")
    assert [u.clause for u in units] == ["７", "８", "十一、"]  # the OCR dash read as 一


def test_wrapped_line_is_read_with_its_sentence():
    units = _units("第七条 违约责任\n乙方逾期交货的，每逾期一日应按合同总价的千分\n之五向甲方支付违约金。")
    assert "千分之五" in units[0].text


def test_sub_clause_labels_carry_their_parent():
    units = _units("第三条 付款\n1、预付款30%。\n2、到货款60%。\n第四条 质保\n1、质保期12个月。")
    labels = [u.clause for u in units]
    assert "第三条 1、" in labels and "第四条 1、" in labels and len(set(labels)) == len(labels)


def test_long_unnumbered_text_is_cut_at_line_breaks():
    text = "第一条 总则\n" + "\n".join(
        f"这是没有编号的第{i}段合同文字，内容较长，用于测试切分。" * 3 for i in range(200)
    )
    units = _units(text)
    assert len(units) > 1 and all(len(u.text) <= MAX_UNIT_CHARS + 200 for u in units)
    assert {u.clause for u in units} == {"第一条"}


# --------------------------------------------------------------------------- prefilter identity

_PIECES = sorted(repair._BROKEN) + [
    " ve (5)",
    " VE ( 5 )",
    "\tve (5)",
    "Speci ed",
    "OF ce",
    "K",
    "ſ",
    "é",
    "合同",
]
_FILLER = ["the ", "Supplier ", "shall ", "of ", "ce", "ve", " ", "(5)", ",", "x", "\t", "A"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES + _FILLER), min_size=1, max_size=12))
def test_prefilter_never_skips_a_line_the_regexes_would_change(parts: list[str]) -> None:
    line = "".join(parts).translate(repair._LIGATURE_CHARS)
    assert repair._may_be_broken(line) or repair.regex_repair(line) == line
    if " " in line and repair._LATIN.search(line):
        assert repair_line(line) == repair.regex_repair(line)


@given(st.text(alphabet=st.sampled_from("abc fi\ufb00\ufb01\ufb02\ufb03\ufb04 合同ſ"), max_size=30))
def test_ligature_characters_are_replaced_wherever_they_stand(s: str) -> None:
    """repair_line translates only lines holding a ligature character: the same as translating all."""
    translated = s.translate(repair._LIGATURE_CHARS)
    assert repair_line(s) == repair_line(translated)
    assert not any(ch in repair_line(s) for ch in "\ufb00\ufb01\ufb02\ufb03\ufb04")


@given(st.text(alphabet=st.sampled_from("第一条 .．·…\t0123456789٣３²\n\u3000页 x"), max_size=40))
def test_a_table_of_contents_line_ends_in_a_digit(s: str) -> None:
    """detect_heading tries the TOC pattern only on lines ending in a digit: every TOC line does."""
    from bidassist.reading.clauses import _TOC_LINE

    assert not _TOC_LINE.search(s) or s.rstrip()[-1:].isdigit()


def test_a_bullet_before_a_clause_number_in_plain_text_is_dropped():
    """Terms exported from a web page as "* 9. Limitation of Liability: …" (heldout25 en-2504): the
    bullet is no part of the number; a bullet before words stays a list item."""
    text = "* 9. Limitation of Liability: none.\n* 10. Amendments: Karya may amend.\n* the other items\n"
    clauses = split_clauses(text_blocks(text, "terms.txt"))
    assert [c.number for c in clauses[:2]] == ["9", "10"]
    assert "* the other items" in clauses[-1].text


# session 53: a securities filing's redaction legend (CUAD texts: the legend repeats on every page, on a
# line of its own between two halves of a sentence, or glued into the clause text with the page number)
_LEGEND = (
    "*** Confidential treatment has been requested for redacted portions of this exhibit. This copy omits the "
    "information subject to the confidentiality request. Omissions are designated as [***]. A complete version "
    "of this exhibit has been provided separately to the Securities and Exchange Commission. 4"
)


def test_a_filing_legend_on_its_own_line_is_dropped_and_the_sentence_joins_across_it():
    text = (
        "3.2 The Buyer's rights will be exclusive in the sense that the Supplier shall not manufacture, supply\n\n"
        f"{_LEGEND}\n\n"
        "or sell the Material for any product which competes with the Product. 4. Prices\n"
    )
    units = _units(text)
    assert not any("Confidential treatment" in u.text for u in units)
    first = next(u for u in units if u.text.startswith("3.2"))
    assert "supply" in first.text and "or sell the Material" in first.text
    assert repair.strip_legends(_LEGEND) == ""
    assert repair.strip_legends("***Confidential Treatment Requested   12") == ""


def test_a_legend_glued_into_clause_text_is_cut_out_with_its_page_number():
    line = (
        "Only conforming Products may be shipped. * Confidential treatment has been requested for certain portions "
        "of this Exhibit. The confidential portions of this Exhibit have been omitted and filed separately with the "
        'Securities and Exchange Commission. Such portions have been marked with "****" at the exact place where '
        "material has been omitted. 4 2.5 Packaging The Manufacturer shall pack the Products."
    )
    out = repair.strip_legends(line)
    assert out.startswith("Only conforming Products may be shipped.")
    assert out.endswith("2.5 Packaging The Manufacturer shall pack the Products.")
    assert "onfidential" not in out and " 4 " not in out


def test_clauses_about_confidentiality_or_filings_are_not_legends():
    for line in (
        "Each party shall keep the terms confidential. The Buyer may request confidential treatment of this "
        "Agreement in its filings.",
        "Either party may make a request for confidential treatment of pricing.",
        "The Supplier shall not disclose information that has been omitted from the public record.",
        "The Supplier shall keep all Confidential Information separately from its own records.",
    ):
        assert repair.strip_legends(line) == line
