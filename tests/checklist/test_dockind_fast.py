"""`dockind.settings_of` counts a setting's words only up to the uses it needs, and
`in_contract_setting` reads the contract's text for its settings only when a finding's category is
confined to some: the same settings and findings as counting every use and always reading."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from bidassist.checklist import load_packs
from bidassist.checklist.categories import CATEGORY_DATA, SETTING_WORDS
from bidassist.checklist.dockind import (
    CHARS_PER_USE,
    KIND_CHARS,
    _words,
    in_contract_setting,
    in_setting,
    settings_of,
)
from bidassist.checklist.result import Finding

FREE = sorted(c for c, d in CATEGORY_DATA.items() if not d.settings)


def _counting_all(text: str) -> frozenset[str]:
    head = text[:KIND_CHARS].lower()
    return frozenset(
        name
        for name, words in SETTING_WORDS.items()
        if len(_words(name).findall(head)) >= min(words.min_uses, 1 + len(head) // CHARS_PER_USE)
    )


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "施工",
                "工程款",
                "竣工",
                "工期",
                "Construction ",
                "the Works ",
                "job site ",
                "租赁",
                "货物",
                " ",
                "。",
            ]
        ),
        max_size=40,
    ),
    st.integers(min_value=0, max_value=12_000),
)
def test_settings_of_equals_counting_every_use(words: list[str], pad: int) -> None:
    text = "".join(words) + "x" * pad  # the padding raises the uses a longer text needs
    assert settings_of(text) == _counting_all(text)


def _finding(category: str, rule: str = "r") -> Finding:
    return Finding(
        rule=rule, category=category, severity="high", clause=None, location=None, text="t", message={}
    )


def test_the_text_is_read_only_for_a_confined_category() -> None:
    rules = load_packs(None).rule_settings
    assert "zh.deposit.unlawful" in rules and FREE
    works = "本工程施工工期为180日，竣工验收后支付工程款。" * 3
    lease = "甲方将车辆出租给乙方使用，租金按月支付。" * 3
    free, confined = _finding(FREE[0]), _finding("deposit.unlawful", "zh.deposit.unlawful")

    def never() -> str:
        raise AssertionError("the text was read")

    assert in_contract_setting([free], never, rules) == [free]
    for text in (works, lease):
        want = in_setting([free, confined], settings_of(text), rules)
        assert in_contract_setting([free, confined], lambda t=text: t, rules) == want
    assert in_contract_setting([confined], lambda: works, rules) == [confined]  # a construction contract
    assert in_contract_setting([confined], lambda: lease, rules) == []  # the look-alike: a lease
