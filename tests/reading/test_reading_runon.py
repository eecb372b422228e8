"""Contracts that lost their line breaks: clause headings running inside one long block
(bidassist/reading/runon.py), on real corpus contracts."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import example, given, settings
from hypothesis import strategies as st

from bidassist.reading import split_clauses, text_blocks
from bidassist.reading.runon import RUN_ON_MIN_CHARS, split_run_on

CORPUS = Path(__file__).resolve().parents[2] / "benchmarks" / "corpora" / "contracts"
_SPACE = re.compile(r"\s+")
_CJK_END = re.compile(r"[\u3400-\u9fff。；：，、）」】]$")
_CJK_START = re.compile(r"^[\u3400-\u9fff]")

#: real multi-line dev contracts whose numbering the one-line reading recovers in full: their
#: headings stand after a sentence end, a title, a table border, or continue the numbering
SEEDS = [
    "en/en-003.txt",
    "en/en-004.txt",
    "en/en-008.txt",
    "en/en-102.txt",
    "en/en-307.txt",
    "zh/zh-007.txt",
    "zh/zh-019.txt",
    "zh/zh-025.txt",
]


def _lines(rel: str) -> list[str]:
    return [line.strip() for line in (CORPUS / rel).read_text(encoding="utf-8").splitlines() if line.strip()]


def _join(lines: list[str], sep: str | None) -> str:
    """Lines as one line: `sep` between them, or (None) nothing between Chinese text and a space
    elsewhere, as a copy from a web page or a PDF text layer gives them."""
    if sep is not None:
        return sep.join(lines)
    out = ""
    for line in lines:
        if out and not (_CJK_END.search(out) or _CJK_START.match(line)):
            out += " "
        out += line
    return out


def _read(text: str) -> list[tuple[str | None, str]]:
    return [(c.number, _SPACE.sub("", c.text)) for c in split_clauses(text_blocks(text, "contract.txt"))]


def _numbered(read: list[tuple[str | None, str]]) -> list[tuple[str | None, str]]:
    return [c for c in read if c[0]]


@st.composite
def _joined_window(draw: st.DrawFn) -> tuple[list[str], str]:
    """A real seed contract, and the same contract with a run of its lines (long enough to be
    searched) joined into one line."""
    lines = _lines(draw(st.sampled_from(SEEDS)))
    sep = draw(st.sampled_from([None, " ", "\u3000"]))
    # a start with enough text after it: shorter lines are not searched (by design)
    starts = [i for i in range(len(lines)) if len(_join(lines[i:], sep)) >= RUN_ON_MIN_CHARS]
    start = draw(st.sampled_from(starts))
    end = start + 1
    while end < len(lines) and len(_join(lines[start:end], sep)) < RUN_ON_MIN_CHARS:
        end += 1
    end = min(len(lines), end + draw(st.integers(0, 40)))
    joined = [*lines[:start], _join(lines[start:end], sep), *lines[end:]]
    return lines, "\n".join(joined)


@settings(max_examples=60, deadline=None)
@given(_joined_window())
def test_joining_lines_of_a_real_contract_keeps_its_clause_labels_and_texts(case):
    lines, joined = case
    want = _read("\n".join(lines))
    got = _read(joined)
    assert _numbered(got) == _numbered(want)
    assert "".join(t for _n, t in got) == "".join(t for _n, t in want)


def test_real_contract_on_one_line_zh_405():
    """zh-405: a signed 12 KB contract on one line, 第X条 headings and x.y / x.y.z sub-clauses
    running into the text."""
    text = (CORPUS / "zh" / "zh-405.txt").read_text(encoding="utf-8")
    assert text.count("\n") <= 1
    clauses = split_clauses(text_blocks(text, "zh-405.txt"))
    numbers = [c.number for c in clauses]
    articles = [n for n in numbers if n and n.startswith("第")]
    assert articles == [
        f"第{n}条" for n in "一 二 三 四 五 六 七 八 九 十 十一 十二 十三 十四 十五 十六 十七 十八".split()
    ]
    for label in ("1.1", "2.4", "6.3.12.1", "7.1.6", "7.2.23", "10.2", "14.7", "18.5"):
        assert label in numbers
    assert max(len(c.text) for c in clauses) < RUN_ON_MIN_CHARS
    by_number = {c.number: c for c in clauses}
    # numbers inside sentences stay in their clause: a reference, an area, a distance
    assert "按第4.1条约定对乙方进行考核" in by_number["4.3"].text
    assert "养护面积5.86万平方米" in by_number["2.2"].text
    assert "严格履行本合同第六条规定的" in by_number["7.2.17"].text
    assert by_number["7.1"].level == by_number["7.2"].level == by_number["7.1"].level
    assert by_number["7.1.6"].level == by_number["7.1"].level + 1 == by_number["第七条"].level + 2
    # nothing lost or duplicated
    assert "".join(c.text for c in clauses) == text.strip()


_HEADINGS = ["第一条 总则", "1.1 ", "1.2 ", "第二条 价款", "2.1 ", "2.2 "]
#: numbers inside a sentence, several of them what the numbering would expect next
_INSIDE = [
    "按第二条规定的价款支付",
    "按第1.2条约定执行",
    "见第2.2条和第3条。",
    "按第1.2条和第二条",
    "合同价款5.86万元",
    "违约金为合同价款的1.2%",
    "每日按2.2‰计",
    "树穴直径1.2米范围内",
    "自2022年1月1日起至2022年6月30日止",
    "共计3.5吨",
    "符合第二条、第三条的约定",
    "as set out in clause 2.1 of the Order",
    "according to Article 2 and Section 2.2",
    "payable within 30 days at 1.5% per month",
]
_FILLER = st.text(alphabet="甲方乙方应当按照合同约定履行义务并承担责任", min_size=5, max_size=40)


@settings(max_examples=80, deadline=None)
@given(st.lists(st.tuples(_FILLER, st.sampled_from(_INSIDE), _FILLER), min_size=1, max_size=8))
@example([("约定义义义", "按第二条规定的价款支付", "义义义义义")])  # 「1.1 约定…」 is a heading
def test_numbers_inside_sentences_never_become_a_split(sentences):
    """A long line of numbered clauses, each full of sentences with references, amounts, rates
    and dates inside them: it is cut at its headings and nowhere else."""
    body = "".join(f"{a}{inside}{b}。" for a, inside, b in sentences)
    body = body * (RUN_ON_MIN_CHARS // len(body) + 1)
    line = "".join(f"{h}{body}" for h in _HEADINGS)
    pieces = split_run_on(line)
    assert [p[: len(h.strip())] for p, h in zip(pieces, _HEADINGS, strict=False)] == [
        h.strip() for h in _HEADINGS
    ]
    assert len(pieces) == len(_HEADINGS)


def test_english_run_on_line_is_cut_at_sentence_start_headings_only():
    sentence = (
        "The Supplier shall deliver the Goods as set out in clause 2.1 of the Order and according "
        "to Article 2 of the Framework Agreement, at 1.5% per month. "
    )
    body = sentence * 6
    line = (
        f"Conditions of Purchase 1. GENERAL {body}1.1 Scope. {body}1.2 Order. {body}"
        f"2. PRICE {body}2.1 Fixed. {body}3. DELIVERY {body}"
    )
    pieces = split_run_on(line)
    starts = [p.split(" ", 1)[0] for p in pieces]
    assert starts == ["Conditions", "1.", "1.1", "1.2", "2.", "2.1", "3."]


def test_short_lines_are_never_searched():
    line = "第一条 总则。1.1 甲方。1.2 乙方。"
    assert len(line) < RUN_ON_MIN_CHARS
    assert split_run_on(line) == [line]
