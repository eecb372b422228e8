"""Aho–Corasick string matching: pyahocorasick (C) when it is installed, else a pure-Python
automaton with the same interface and the same matches.

`new_automaton()` returns an object with `add_word(key, value)`, `make_automaton()` and
`iter(text)`, which yields `(end_index, value)` for every occurrence of every key in `text`
(`end_index`: the position of the key's last character), in the order of `end_index`.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator
from typing import Any

try:  # pragma: no cover - which branch runs depends on the installation
    import ahocorasick as _ahocorasick
except ImportError:  # pragma: no cover
    _ahocorasick = None


class PyAutomaton:
    """The pure-Python fallback: a trie with failure links, matches read from output lists."""

    def __init__(self) -> None:
        self._goto: list[dict[str, int]] = [{}]
        self._fail: list[int] = [0]
        self._out: list[list[tuple[int, Any]]] = [[]]  # (key length, value), longest first
        self._value: dict[int, tuple[int, Any]] = {}

    def add_word(self, key: str, value: Any) -> bool:
        """Add `key` with `value` (a key added again keeps the new value); True if it was new."""
        node = 0
        for ch in key:
            nxt = self._goto[node].get(ch)
            if nxt is None:
                nxt = len(self._goto)
                self._goto[node][ch] = nxt
                self._goto.append({})
                self._fail.append(0)
                self._out.append([])
            node = nxt
        new = node not in self._value
        self._value[node] = (len(key), value)
        return new

    def make_automaton(self) -> None:
        """Compute the failure links and output lists (breadth first)."""
        for node in range(len(self._out)):
            self._out[node] = [self._value[node]] if node in self._value else []
        queue: deque[int] = deque(self._goto[0].values())
        for child in queue:
            self._fail[child] = 0
        while queue:
            node = queue.popleft()
            for ch, child in self._goto[node].items():
                queue.append(child)
                f = self._fail[node]
                while f and ch not in self._goto[f]:
                    f = self._fail[f]
                target = self._goto[f].get(ch, 0)
                self._fail[child] = target if target != child else 0
                self._out[child] = self._out[child] + self._out[self._fail[child]]

    def iter(self, text: str) -> Iterator[tuple[int, Any]]:
        goto, fail, out = self._goto, self._fail, self._out
        node = 0
        for i, ch in enumerate(text):
            while node and ch not in goto[node]:
                node = fail[node]
            node = goto[node].get(ch, 0)
            for _length, value in out[node]:
                yield i, value


#: use PyAutomaton even where pyahocorasick is installed (the tests compare the two)
FORCE_PURE = False


def new_automaton(*, pure: bool = False) -> Any:
    """An empty automaton: pyahocorasick's when installed (unless `pure` or FORCE_PURE), else
    PyAutomaton."""
    if _ahocorasick is not None and not (pure or FORCE_PURE):
        return _ahocorasick.Automaton()
    return PyAutomaton()
