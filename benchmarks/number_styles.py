"""A metamorphic check of how the rules read numbers: write each development contract's periods and
percentages the other common way and see whether the findings stay.

Contracts write the same figure several ways: "30 days" or "thirty (30) days", "10%" or "ten percent
(10%)"; 30日 or 三十日, 5% or 百分之五. A finding is about what a clause does, not about how its figures
are written, so rewriting every such figure one way should keep every finding on its clause. What is lost
shows a rule or a number reader that knows one way only.

    .venv/bin/python benchmarks/number_styles.py CORPUS [--lang en|zh] [--mode words|digits] [--ids REGEX] [-v]

Modes: `words` writes figures in words (English: "thirty (30) days", "ten percent (10%)"; Chinese: 三十日,
百分之五); `digits` writes worded figures as digits ("thirty (30) days" → "30 days", "10 percent" →
"10%"; 三十日 → 30日, 百分之五 → 5%). Periods and percentages of one to three digits only (not dates,
amounts or decimals). Each contract is checked with its label's supplier as `--we` before and after.
Documents the rewriting leaves unchanged are skipped.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from _metamorphic import (  # noqa: E402
    Tally,
    arguments,
    changes,
    corpus_error,
    dev_documents,
    fail,
    findings_before_after,
)

from bidassist.checklist import load_packs  # noqa: E402
from bidassist.core.numbers import chinese_numeral, english_numeral, int_to_chinese  # noqa: E402

_ONES = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen"
).split()
_TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()
_EN_UNIT = r"(?:calendar |business |working )?(?:days?|months?|years?|weeks?|hours?)"
_ZH_UNIT = r"(?:个工作日|个月|日|天|年|周|小时)"
_CN = "零一二两三四五六七八九十百"


def english_words(n: int) -> str:
    """1 … 999 in words: "thirty-five", "one hundred and twenty"."""
    if n < 20:
        return _ONES[n]
    if n < 100:
        return _TENS[n // 10] + ("" if n % 10 == 0 else "-" + _ONES[n % 10])
    return _ONES[n // 100] + " hundred" + ("" if n % 100 == 0 else " and " + english_words(n % 100))


def en_words(text: str) -> str:
    text = re.sub(
        rf"(?<![(\d.,/])\b(\d{{1,3}})\s+({_EN_UNIT})\b",
        lambda m: f"{english_words(int(m.group(1)))} ({m.group(1)}) {m.group(2)}",
        text,
    )
    return re.sub(
        r"(?<![(\d.,])\b(\d{1,3})\s?%",
        lambda m: f"{english_words(int(m.group(1)))} percent ({m.group(1)}%)",
        text,
    )


def _same_number(words: str, digits: str) -> bool:
    try:
        return english_numeral(words.lower()) == int(digits)
    except ValueError:
        return False


#: a figure in words: "forty-five", "one hundred and twenty"
_EN_WORDS = r"(?:[a-z]+ hundred(?: and [a-z]+(?:-[a-z]+)?)?|[a-z]+(?:-[a-z]+)?)"


def en_digits(text: str) -> str:
    text = re.sub(
        rf"\b({_EN_WORDS})\s+per\s?cent\s+\((\d{{1,3}})\s*%\)",
        lambda m: m.group(2) + "%" if _same_number(m.group(1), m.group(2)) else m.group(0),
        text,
        flags=re.I,
    )
    text = re.sub(
        rf"\b({_EN_WORDS})\s+\((\d{{1,3}})\)\s*",
        lambda m: m.group(2) + " " if _same_number(m.group(1), m.group(2)) else m.group(0),
        text,
        flags=re.I,
    )
    return re.sub(r"\b(\d{1,3})\s+per\s?cent\b", r"\1%", text, flags=re.I)


def zh_words(text: str) -> str:
    text = re.sub(
        rf"(?<![\d.年月])(\d{{1,3}})\s*({_ZH_UNIT})",
        lambda m: int_to_chinese(int(m.group(1))) + m.group(2),
        text,
    )
    return re.sub(r"(?<![\d.])(\d{1,3})\s*[%％]", lambda m: "百分之" + int_to_chinese(int(m.group(1))), text)


def _chinese(words: str) -> str | None:
    try:
        return str(chinese_numeral(words))
    except ValueError:
        return None


def zh_digits(text: str) -> str:
    text = re.sub(
        rf"百分之([{_CN}]+)(?![点.])",
        lambda m: (n + "%") if (n := _chinese(m.group(1))) else m.group(0),
        text,
    )
    # not 一 alone (一年, 一日: "a year" as often as "one year")
    return re.sub(
        rf"(?<![{_CN}])([{_CN}]{{2,}}|[二两三四五六七八九十])({_ZH_UNIT})",
        lambda m: (n + m.group(2)) if (n := _chinese(m.group(1))) else m.group(0),
        text,
    )


REWRITE: dict[tuple[str, str], Callable[[str], str]] = {
    ("en", "words"): en_words,
    ("en", "digits"): en_digits,
    ("zh", "words"): zh_words,
    ("zh", "digits"): zh_digits,
}


def main(argv: list[str] | None = None) -> int:
    args = arguments(__doc__, ("words", "digits"), argv)
    if error := corpus_error(args.corpus, args.lang):
        return fail(error)
    rules = load_packs()
    rewrite = REWRITE[(args.lang, args.mode)]
    tally = Tally()
    for meta, text in dev_documents(args.corpus, args.lang, args.ids):
        made = rewrite(text)
        if made == text:
            continue
        one, two = findings_before_after(rules, meta, text, made)
        tally.add(one, two)
        if args.verbose and one != two:
            print(f"{meta['id']}: {changes(one, two)}")
    tally.report(f"{args.lang} numbers in {args.mode}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
