"""Uploads: checked for size and type, written into the server's private temporary area (mode 0700)
and deleted with the area; the library's own safe readers then open them."""

from __future__ import annotations

import re
import secrets
import shutil
import tempfile
import threading
from collections import OrderedDict
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Literal, TypeVar, overload

from pydantic import BaseModel
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException

from bidassist.core.errors import InputError
from bidassist.core.safeio import MiB

#: a .doc may also hold a .docx or a PDF saved under that name (reading/__init__.py reads it as such)
CONTRACT_TYPES = {
    ".docx": b"PK",
    ".doc": (b"\xd0\xcf\x11\xe0", b"PK", b"%PDF"),
    ".pdf": b"%PDF",
    ".txt": None,
    ".md": None,
}
SHEET_TYPES = {
    ".xlsx": b"PK",
    ".xlsm": b"PK",
    ".xls": b"\xd0\xcf\x11\xe0",
    ".xlsb": b"PK",
    ".ods": b"PK",
    ".csv": None,
}
_T = TypeVar("_T")

BID_TYPES: dict[str, bytes | None] = {".yaml": None, ".yml": None}
_SAFE = re.compile(r"[^\w.\-\u4e00-\u9fff]+")
_ID = re.compile(r"^[0-9a-f]{32}$")
_CHUNK = 256 * 1024


def safe_name(filename: str | None, default: str) -> str:
    """The upload's base name with anything but word characters, dots and dashes replaced."""
    base = Path((filename or "").replace("\\", "/")).name
    base = _SAFE.sub("_", base).lstrip(".")[:120]
    return base or default


def is_id(value: str) -> bool:
    return bool(_ID.match(value))


class PrivateArea:
    """One private temporary folder for the server; each unit of work (a review, a pricing run, a
    document set) gets its own sub-folder and an object describing it, kept while its result is
    shown (at most `keep`; the oldest is dropped with its files) and all removed at shutdown."""

    def __init__(self, keep: int = 64) -> None:
        self._root: Path | None = None  # made on first use
        self._keep = keep
        self._items: OrderedDict[str, tuple[Path, object]] = OrderedDict()
        self._lock = threading.Lock()

    @property
    def root(self) -> Path:
        if self._root is None:
            self._root = Path(tempfile.mkdtemp(prefix="bidassist-web-"))
            self._root.chmod(0o700)
        return self._root

    def new(self) -> tuple[str, Path]:
        key = secrets.token_hex(16)
        folder = self.root / key
        folder.mkdir(mode=0o700)
        with self._lock:
            self._items[key] = (folder, None)
            while len(self._items) > self._keep:
                _, (old, _obj) = self._items.popitem(last=False)
                shutil.rmtree(old, ignore_errors=True)
        return key, folder

    @contextmanager
    def building(self) -> Iterator[tuple[str, Path]]:
        """A new private folder for work that may fail: dropped again when the block raises."""
        key, folder = self.new()
        try:
            yield key, folder
        except BaseException:
            self.drop(key)
            raise

    def stored(self, key: str, kind: type[_T], missing: str) -> _T:
        """The object of type `kind` stored under `key`; a 404 saying `missing` when there is none."""
        found = self.get(key, kind)
        if found is None:
            raise HTTPException(404, missing)
        return found

    def attach(self, key: str, obj: object) -> None:
        with self._lock:
            if key in self._items:
                self._items[key] = (self._items[key][0], obj)

    @overload
    def get(self, key: str, kind: type[_T]) -> _T | None: ...
    @overload
    def get(self, key: str, kind: None = None) -> Any: ...
    def get(self, key: str, kind: type | None = None) -> Any:
        """The object stored under `key` (of type `kind` when given), or None."""
        if not is_id(key):
            return None
        with self._lock:
            item = self._items.get(key)
        if item is None or (kind is not None and not isinstance(item[1], kind)):
            return None
        return item[1]

    def folder(self, key: str) -> Path | None:
        if not is_id(key):
            return None
        with self._lock:
            item = self._items.get(key)
        return item[0] if item else None

    def drop(self, key: str) -> None:
        with self._lock:
            item = self._items.pop(key, None)
        if item is not None:
            shutil.rmtree(item[0], ignore_errors=True)

    def __len__(self) -> int:
        return len(self._items)

    def close(self) -> None:
        with self._lock:
            self._items.clear()
        if self._root is not None:
            shutil.rmtree(self._root, ignore_errors=True)


@overload
def upload_field(form: Any, name: str, what: str, *, required: Literal[True] = True) -> UploadFile: ...
@overload
def upload_field(form: Any, name: str, what: str, *, required: bool) -> UploadFile | None: ...
def upload_field(form: Any, name: str, what: str, *, required: bool = True) -> UploadFile | None:
    """The form's file field `name`, or an InputError naming it when it is missing."""
    value = form.get(name)
    if isinstance(value, UploadFile) and value.filename:
        return value
    if required:
        raise InputError(f"no {what} uploaded (missing field)", name)
    return None


async def save_upload(
    upload: UploadFile,
    folder: Path,
    types: Mapping[str, bytes | tuple[bytes, ...] | None],
    *,
    what: str,
    max_bytes: int,
    default: str,
) -> Path:
    """Write the upload into `folder` after checking its extension, size and first bytes."""
    name = safe_name(upload.filename, default)
    suffix = Path(name).suffix.lower()
    if suffix not in types:
        raise InputError(
            f"{what} must be one of {', '.join(sorted(types))}, got {suffix or 'no extension'}", name
        )
    dest = folder / name
    size = 0
    with open(dest, "wb") as out:
        while chunk := await upload.read(_CHUNK):
            size += len(chunk)
            if size > max_bytes:
                raise InputError(f"{what} is over the {max_bytes / MiB:.0f} MB upload limit", name)
            out.write(chunk)
    if size == 0:
        raise InputError(f"{what} is empty", name)
    magic = types[suffix]
    with open(dest, "rb") as fh:
        head = fh.read(8)
    if magic is not None and not head.startswith(magic):  # one magic or a tuple of them
        raise InputError(f"{what} is not a {suffix} file (its content does not match the extension)", name)
    if magic is None and b"\x00" in head:
        raise InputError(f"{what} is not a text file", name)
    return dest


def _paths(value: Any):
    """Every file path inside a (pydantic) bid."""
    if isinstance(value, Path):
        yield value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _paths(getattr(value, name))
    elif isinstance(value, (list, tuple)):
        for v in value:
            yield from _paths(v)
    elif isinstance(value, dict):
        for v in value.values():
            yield from _paths(v)


def confine_bid(bid, folder: Path) -> None:
    """An uploaded bid file may name only files uploaded with it."""
    root = folder.resolve()
    for path in _paths(bid):
        if not Path(path).resolve().is_relative_to(root):
            raise InputError(
                f"an uploaded bid file may only name files uploaded with it (it names {Path(path).name})",
                "bid file",
            )
