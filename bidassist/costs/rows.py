"""A sheet's rows kept compact in memory.

A row read from a spreadsheet is a list of Python objects, one per cell: about 570 bytes for a
cost line of 11 cells (the list, a float per number, a str per text). `SheetRows` keeps each row
as one `marshal` record of its cell values instead (about 150 bytes) and makes it a fresh list
when the row is read: the importer reads each row about once, and its cost lines hold only the
values they use. A row holding a value that marshal cannot write (a date, a time) is kept as
its list. Records are only ever made here, from cell values, and read back here.
"""

from __future__ import annotations

import marshal
from collections.abc import Iterable, Iterator, Sequence
from itertools import islice
from typing import Any, overload

_dumps = marshal.dumps
_loads = marshal.loads
#: rows held as lists at a time while their records are made
_CHUNK = 32


def _row(item: bytes | list) -> list:
    return _loads(item) if type(item) is bytes else list(item)


def _record(row: list) -> bytes | list:
    try:
        return _dumps(row)
    except ValueError:  # a date, time or other value marshal does not write
        return list(row)


class SheetRows(Sequence[list]):
    """Rows (lists of cell values) stored compactly; `rows[r]` is a new list each time (a row kept
    as its list is copied), which the reader may change."""

    __slots__ = ("_items",)

    def __init__(self, rows: Iterable[list] = ()) -> None:
        self._items: list[bytes | list] = []
        self.extend(rows)

    def extend(self, rows: Iterable[list]) -> None:
        """Rows appended a chunk at a time, each chunk's records made by `marshal.dumps` over it
        (no Python call a row); a chunk with a value marshal does not write, row by row."""
        items, read = self._items, iter(rows)
        while chunk := list(islice(read, _CHUNK)):
            records: list[bytes | list]
            try:
                records = list(map(_dumps, chunk))
            except ValueError:  # a date, time or other value marshal does not write
                records = list(map(_record, chunk))
            items.extend(records)

    def append(self, row: list) -> None:
        self._items.append(_record(row))

    def prepend_blank(self, count: int, width: int) -> None:
        """`count` rows of `width` blank cells before the first row."""
        blank = _dumps([""] * width)
        self._items[:0] = [blank] * count

    def __len__(self) -> int:
        return len(self._items)

    @overload
    def __getitem__(self, index: int) -> list: ...

    @overload
    def __getitem__(self, index: slice) -> list[list]: ...

    def __getitem__(self, index: int | slice) -> Any:
        if isinstance(index, slice):
            return [_loads(item) if type(item) is bytes else list(item) for item in self._items[index]]
        item = self._items[index]
        return _loads(item) if type(item) is bytes else list(item)  # `_row`, inline (once a row)

    def __iter__(self) -> Iterator[list]:
        return map(_row, self._items)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, (SheetRows, list)):
            return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # mutable, compared by value like a list

    def __repr__(self) -> str:
        return f"SheetRows({len(self)} rows)"
