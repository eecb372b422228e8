"""Plain text and Markdown contracts: one block per non-empty line."""

from __future__ import annotations

import re
from pathlib import Path

from bidassist.core.errors import InputError
from bidassist.core.safeio import MiB, read_text
from bidassist.reading.clauses import Heading, heading_block
from bidassist.reading.inline import split_inline_items
from bidassist.reading.model import MAX_BLOCKS, Block, too_many_blocks_message
from bidassist.reading.repair import is_footer, is_page_number, repair_line, strip_legends
from bidassist.reading.runon import split_run_on

#: Largest text contract read. A 300-page contract is about 1 MB of text; 16 MB leaves room for
#: exports with layout spaces while keeping memory bounded (about 10x the file at most).
MAX_TEXT_BYTES = 16 * MiB

_MD_PREFIX = re.compile(r"^\s{0,3}(?:#{1,6}\s+|>\s?|[-*+]\s+(?=\S))")
_MD_EMPHASIS = re.compile(r"(\*\*|__)(.+?)\1")
#: a word or phrase in Markdown emphasis left in a plain-text export ("_Developer_", "*Company*"):
#: the marks are not part of the words (a fill-in line "______", a figure on a blank "_1%_" and "a * b"
#: are left alone)
_EMPHASIS_MARKS = re.compile(
    r"(?<![\w*_])(\*\*|__|[*_])(?=[A-Za-z])([^*_\n]{1,200}?)(?<=[^\s*_])\1(?![\w*_])"
)
#: a list bullet before a clause number in plain text ("* 9. Limitation of Liability: …", text
#: exported from Markdown or a web page): the number is the clause's
_BULLET_BEFORE_NUMBER = re.compile(r"^\s{0,3}[-*+•]\s+(?=\d{1,3}(?:[.．]\d{1,3})*[.．]\s)")
_BULLETS = frozenset("-*+•")
_ZERO_WIDTH = ("\u200b", "\ufeff", "\u200e", "\u200f")


def _clean_markdown(line: str) -> str:
    line = _MD_PREFIX.sub("", line, count=1)
    return _MD_EMPHASIS.sub(r"\2", line)


def text_blocks(text: str, name: str, *, markdown: bool | None = None) -> list[Block]:
    """Plain text -> blocks, one per non-empty line (a long line with clause headings running
    inside it is cut at them, reading/runon.py; a line of numbered items run together is cut
    into its items, reading/inline.py); location "line N" (1-based). `markdown`
    (default: `name` ends with .md) strips heading marks, quotes, list bullets and bold."""
    return text_blocks_and_headings(text, name, markdown=markdown)[0]


def text_blocks_and_headings(
    text: str, name: str, *, markdown: bool | None = None, rows: bool = False
) -> tuple[list[Block], list[Heading | None]]:
    """text_blocks plus the clause-number detection of each block (for split_clauses); `rows`:
    BlockRows (the same fields, not validated) instead of Block models."""
    if markdown is None:
        markdown = name.lower().endswith((".md", ".markdown"))
    blocks: list[Block] = []
    headings: list[Heading | None] = []
    for ch in _ZERO_WIDTH:
        if ch in text:
            text = text.replace(ch, "")
    if text.count("\n") > MAX_BLOCKS and sum(1 for line in text.splitlines() if line.strip()) > MAX_BLOCKS:
        raise InputError(too_many_blocks_message(), name)
    after_gap = True  # the line follows a blank line (or starts the text)
    for lineno, raw in enumerate(text.splitlines(), start=1):
        line = raw
        if markdown:
            line = _clean_markdown(line)
        elif line[:4].lstrip()[:1] in _BULLETS:
            line = _BULLET_BEFORE_NUMBER.sub("", line, count=1)
        if "_" in line or "*" in line:
            line = _EMPHASIS_MARKS.sub(r"\2", line)
        line = strip_legends(repair_line(line.strip()))
        gap, after_gap = after_gap, not line
        if not line or is_footer(line) or (gap and is_page_number(line)):
            continue
        for part in split_run_on(line, headings):
            for piece in split_inline_items(part):
                blocks.append(heading_block(len(blocks), piece, f"line {lineno}", headings, rows=rows))
    return blocks, headings


def read_text_contract(path: Path) -> str:
    """The text of a .txt/.md contract (UTF-8 or GB18030), at most MAX_TEXT_BYTES."""
    path = Path(path)
    try:
        return read_text(path, max_bytes=MAX_TEXT_BYTES, what="contract text")
    except InputError:
        raise
    except OSError as exc:
        raise InputError(f"cannot read the contract: {exc.strerror or exc}", str(path)) from None
