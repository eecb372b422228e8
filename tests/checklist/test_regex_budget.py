"""Regular expressions under hostile input (issue 18 item 3): the whole rule set over adversarial
clauses within a time budget, catastrophic patterns in a rule pack refused at load with file and
line, long clauses checked in windows."""

from __future__ import annotations

import time

import pytest
from shipped_packs import RULES  # the shipped packs, loaded once for all checklist tests

from bidassist.checklist.engine import Unit, check_unit
from bidassist.checklist.rules import DEFAULT_PACK_DIR, load_packs
from bidassist.core.errors import ProblemsError
from bidassist.core.regexsafe import MAX_CLAUSE_CHARS, catastrophic, windows

N = 50_000
#: (name, clause) — the texts that blew up before (issue 18 item 3) and relatives
ADVERSARIAL = [
    ("daily-penalty", ("乙方每日按合同总价的0.5%支付违约金，" * 3000)[:N]),
    ("meiri-qianfenzhi", ("每日" + "千分之五" * 10 + "%") * 1500),
    ("retention", ("保留合同价款的5%作为质保金，质保期满后" * 2000)[:N]),
    ("cn-days", ("自收到发票之日起三十日内支付" * 3000)[:N]),
    ("en-run", ("the supplier shall pay the buyer liquidated damages " * 1200)[:N]),
    ("en-no-punctuation", "a" * N),
    ("digits", "1" * 30_000),
    ("digits-percent", "1" * 30_000 + "%"),
    ("spaces", " " * N + "x"),
    ("cn-numerals", "一" * N),
    ("capitals", "壹佰" * 20_000 + "元"),
    ("mixed", ("付款 audit 审计 pay when paid 背靠背 " * 2000)[:N]),
    ("percents", ("10% " * 12_000)[:N]),
    ("newlines", "\n" * N),
    ("parentheses", "(" * 20_000 + "1" + ")" * 20_000),
    ("en-days", ("within thirty (30) days after " * 2000)[:N]),
    ("en-number-words", ("one hundred and " * 4000)[:N]),
    ("dots", "1." * 25_000),
    ("commas", "1," * 25_000 + "000元"),
    ("en-penalty", ("0.5% per day of delay " * 2500)[:N]),
    ("liability-words", ("liability of the supplier " * 2000)[:N]),
    ("long-word-s", "after " + ("a" * 5000 + "s ") * 3 + "x"),
    ("big-clause", ("甲方在收到业主支付的相应款项后十个工作日内向乙方支付。" * 12_000)),
]


@pytest.mark.slow
def test_whole_rule_set_over_adversarial_clauses_within_budget():
    slowest, total = ("", 0.0), 0.0
    for name, text in ADVERSARIAL:
        start = time.process_time()
        check_unit(Unit(text=text), RULES)
        took = time.process_time() - start
        total += took
        slowest = max(slowest, (name, took), key=lambda x: x[1])
    # a safety bound in CPU seconds (a loaded machine stretches wall time, and CPU time less), far above
    # the measured figures: a catastrophic pattern takes minutes, not seconds. Session 37 measured the
    # slowest case (big-clause, 336,000 characters) at 17.5-21.6 s on a loaded 2-core machine both with
    # the session's start and end rules, so the bound of 20 s no longer held the margin it was set for
    assert slowest[1] < 40 and total < 120, (slowest, total)


def test_long_clause_is_checked_in_windows_and_still_found():
    clause = "本条为说明。" * 5000 + "双方确认本合同实行背靠背付款。" + "其他约定。" * 5000
    assert len(clause) > MAX_CLAUSE_CHARS
    findings, _ = check_unit(Unit(text=clause), RULES, languages={"zh"})
    assert any(f.category == "payment.back_to_back" for f in findings)
    pieces = windows(clause)
    assert all(len(p) <= MAX_CLAUSE_CHARS for p in pieces)
    assert "".join(p[1000 if i else 0 :] for i, p in enumerate(pieces)) == clause


@pytest.mark.parametrize(
    "pattern",
    [
        "(a+)+$",
        r"(\w*)*x",
        "(.{0,100}){0,100}",
        r"(\s*,\s*)+$",
        r"^(\d+)*$",
        "(x+x+)+y",
        r"(付款|支付)?([^。]*)*后",
        "x" * 3000,
    ],
)
def test_catastrophic_patterns_are_named(pattern):
    assert catastrophic(pattern)


@pytest.mark.parametrize(
    "pattern",
    [
        r"\s*",
        r"[\s\S]{0,60}?",
        r"(?:a|b)+",
        r"pay[\s-]*(?:when|if)[\s-]*paid",
        r"(\d{1,3},)*\d{1,3}",
        r"(?:\w+\s+){0,12}(?:shall|will)",
        r"(收到|取得)[^。；;]{0,6}(业主|建设单位)",
    ],
)
def test_ordinary_patterns_pass(pattern):
    assert catastrophic(pattern) is None


def test_every_shipped_pattern_passes_the_check():
    """The shipped packs loaded by name get the backtracking analysis the default load skips."""
    named = load_packs([DEFAULT_PACK_DIR])  # raises ProblemsError on any catastrophic pattern
    assert [r.rule.id for r in named.rules] == [r.rule.id for r in RULES.rules]


def test_rule_pack_with_a_catastrophic_pattern_is_refused_at_load(tmp_path):
    pack = tmp_path / "evil.yaml"
    pack.write_text(
        "pack: evil\nlanguage: zh\ndescription: x\nrules:\n"
        "  - id: zh.evil.rule\n    category: payment.back_to_back\n    severity: high\n"
        "    keywords: [付款]\n    any:\n      - '(付款+)+$'\n"
        "    message: {zh: x, en: x}\n    basis: x\n    fallback: {zh: x, en: x}\n",
        encoding="utf-8",
    )
    with pytest.raises(ProblemsError) as info:
        load_packs([pack])
    text = str(info.value)
    assert "evil.yaml:10" in text and "rules[0].any[0]" in text and "catastrophic" in text, text
