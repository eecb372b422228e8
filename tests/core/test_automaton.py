"""The pure-Python Aho–Corasick fallback finds exactly what pyahocorasick finds (the checklist
engine's findings with it: tests/checklist/test_check_fast_path.py)."""

from __future__ import annotations

import ahocorasick
from hypothesis import given, settings
from hypothesis import strategies as st

from bidassist.core.automaton import PyAutomaton

ALPHABET = "abcab乙方甲\x00 "


def _both(words: list[str]) -> tuple[ahocorasick.Automaton, PyAutomaton]:
    c, py = ahocorasick.Automaton(), PyAutomaton()
    for i, w in enumerate(words):
        c.add_word(w, (w, i))
        py.add_word(w, (w, i))
    c.make_automaton()
    py.make_automaton()
    return c, py


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.text(ALPHABET, min_size=1, max_size=4), min_size=1, max_size=12),
    st.text(ALPHABET, max_size=60),
)
def test_fallback_finds_what_pyahocorasick_finds(words: list[str], text: str) -> None:
    c, py = _both(words)
    got = list(py.iter(text))
    assert sorted(got) == sorted(c.iter(text))
    assert [end for end, _ in got] == sorted(end for end, _ in got)  # in order of position
    assert all(text[end - len(w) + 1 : end + 1] == w for end, (w, _) in got)


def test_a_word_added_again_keeps_its_new_value() -> None:
    c, py = _both(["ab", "b", "ab"])
    assert sorted(py.iter("xab")) == sorted(c.iter("xab")) == [(2, ("ab", 2)), (2, ("b", 1))]
