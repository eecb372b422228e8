"""What reading a contract produces: blocks (paragraphs / table rows) and clauses."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel

#: Most blocks (paragraphs, rows, lines) read from one contract. A 300-page contract has about 5,000;
#: the limit bounds memory (about 1.5 KB per block with its clause) whatever the input.
MAX_BLOCKS = 100_000


def too_many_blocks_message() -> str:
    return (
        f"the contract has more than {MAX_BLOCKS:,} paragraphs/lines; too large for a contract (合同段落过多)"
    )


class Block(BaseModel):
    """One paragraph or one table row, in document order."""

    index: int  #: body order, 0-based, over the blocks that have text
    text: str  #: includes the automatic number as displayed, e.g. "第七条 付款方式 ..."
    number: str | None = None  #: clause number as displayed ("第七条", "7.2", "(一)", "十二、", "1)")
    location: str  #: "paragraph 12", "table 2 row 3", "line 40", "page 3 line 7"
    style: str | None = None  #: paragraph style name (docx), e.g. "Heading 1"


class Clause(BaseModel):
    """A numbered clause (or an unnumbered run of blocks) with the blocks it spans."""

    number: str | None = None  #: as printed: "第七条", "7.2", "(一)", "Section 7.2"
    title: str | None = None  #: heading words after the number, when there are any
    text: str  #: the clause's full text (its blocks joined with newlines)
    location: str  #: location of its first block
    block_indices: list[int]
    level: int  #: 0 for text before the first numbered clause; 1 = top level, 2 = sub-clause, ...


@dataclass(slots=True)
class BlockRow:
    """A Block's fields without the model's validation: the form check_text reads a text in
    (pydantic models are for what the reading API returns; building one per line and per clause
    was about a tenth of the check's time)."""

    index: int
    text: str
    number: str | None
    location: str
    style: str | None = None


@dataclass(slots=True)
class ClauseRow:
    """A Clause's fields without the model's validation (see BlockRow)."""

    number: str | None
    title: str | None
    text: str
    location: str
    block_indices: list[int]
    level: int


class ContractText(BaseModel):
    name: str
    kind: Literal["docx", "doc", "pdf", "txt"]
    blocks: list[Block]
    clauses: list[Clause]
    notes: list[str]
