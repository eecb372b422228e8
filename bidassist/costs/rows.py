"""A sheet's rows kept compact in memory.

A row read from a spreadsheet is a list of Python objects, one per cell: about 570 bytes for a
cost line of 11 cells (the list, a float per number, a str per text). `SheetRows` keeps the rows
CHUNK at a time as one `marshal` record of their cell values instead (about 120 bytes a row: one
bytes object for 32 rows, not one a row) and makes them fresh lists when they are read: the
importer reads each row about once, and its cost lines hold only the values they use. A chunk
holding a value that marshal cannot write (a date, a time) is kept as a list of one record a
row, such a row as its list. Records are only ever made here, from cell values, and read back
here.
"""

from __future__ import annotations

import marshal
from collections.abc import Iterable, Iterator, Sequence
from itertools import chain, islice
from typing import Any, TypeAlias, overload

_dumps = marshal.dumps
_loads = marshal.loads
#: rows in one record (and held as lists at a time while it is made)
CHUNK = 32
#: chunks kept read by `rows[r]`, so that rows read one by one load each chunk about once
_CACHED = 4

#: a chunk as stored: one record of its rows, or (a value marshal does not write in it) a list of
#: one record a row, such a row kept as its list
Item: TypeAlias = bytes | list


def _record(row: list) -> bytes | list:
    try:
        return _dumps(row)
    except ValueError:  # a date, time or other value marshal does not write
        return list(row)


def _chunk(rows: list[list]) -> Item:
    try:
        return _dumps(rows)
    except ValueError:  # a date, time or other value marshal does not write: row by row
        return list(map(_record, rows))


def _rows_of(item: Item) -> list[list]:
    """A stored chunk's rows as new lists."""
    if isinstance(item, bytes):
        return _loads(item)
    return [_loads(x) if type(x) is bytes else list(x) for x in item]


class SheetRows(Sequence[list]):
    """Rows (lists of cell values) stored compactly; `rows[r]` is a new list each time, which the
    reader may change. Full chunks are records; the last rows appended (fewer than CHUNK) are
    held as lists until a chunk is full."""

    __slots__ = ("_items", "_tail", "_cache")

    def __init__(self, rows: Iterable[list] = ()) -> None:
        self._items: list[Item] = []
        self._tail: list[list] = []
        self._cache: dict[int, list[list]] = {}
        self.extend(rows)

    def extend(self, rows: Iterable[list]) -> None:
        """Rows appended a chunk at a time, each chunk one `marshal.dumps` (no Python call a row)."""
        items, read = self._items, iter(rows)
        if self._tail:
            read = chain(self._tail, read)
            self._tail = []
        while len(chunk := list(islice(read, CHUNK))) == CHUNK:
            items.append(_chunk(chunk))
        self._tail = [list(row) for row in chunk]

    def append(self, row: list) -> None:
        self._tail.append(list(row))
        if len(self._tail) == CHUNK:
            self._items.append(_chunk(self._tail))
            self._tail = []

    def prepend_blank(self, count: int, width: int) -> None:
        """`count` rows of `width` blank cells before the first row (the records made again, a
        chunk at a time)."""
        old = SheetRows()
        old._items, old._tail = self._items, self._tail
        self._items, self._tail, self._cache = [], [], {}
        self.extend(chain(([""] * width for _ in range(count)), old))

    def __len__(self) -> int:
        return len(self._items) * CHUNK + len(self._tail)

    @overload
    def __getitem__(self, index: int) -> list: ...

    @overload
    def __getitem__(self, index: slice) -> list[list]: ...

    def __getitem__(self, index: int | slice) -> Any:
        if isinstance(index, slice):
            return self._slice(index)
        n = len(self)
        r = index + n if index < 0 else index
        if not 0 <= r < n:
            raise IndexError("row index out of range")
        k, i = divmod(r, CHUNK)
        if k == len(self._items):
            return list(self._tail[i])
        rows = self._cache.get(k)
        if rows is None:
            if len(self._cache) >= _CACHED:
                del self._cache[next(iter(self._cache))]
            rows = self._cache[k] = _rows_of(self._items[k])
        return list(rows[i])

    def _slice(self, index: slice) -> list[list]:
        """The rows of a slice, each chunk it spans loaded once (the loaded lists handed out)."""
        start, stop, step = index.indices(len(self))
        if step != 1:
            return [self[r] for r in range(start, stop, step)]
        if start >= stop:
            return []
        first, last = start // CHUNK, (stop - 1) // CHUNK
        out: list[list] = []
        for k in range(first, min(last, len(self._items) - 1) + 1):
            out += _rows_of(self._items[k])
        if last >= len(self._items):
            out += [list(row) for row in self._tail]
        skip = start - first * CHUNK
        return out[skip : skip + stop - start]

    def __iter__(self) -> Iterator[list]:
        for item in self._items:
            yield from _rows_of(item)
        for row in self._tail:
            yield list(row)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, (SheetRows, list)):
            return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # mutable, compared by value like a list

    def __repr__(self) -> str:
        return f"SheetRows({len(self)} rows)"
