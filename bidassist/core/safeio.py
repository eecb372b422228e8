"""Safe file I/O: size and zip-bomb limits for untrusted inputs, atomic writes for outputs.

Outputs are written to a temporary file in the target folder and renamed into place, so a crash
never leaves half a file; an existing file is never replaced unless the caller says `force`.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
import zipfile
from collections.abc import Iterator
from pathlib import Path

from bidassist.core.errors import InputError, OutputExistsError

MiB = 1024 * 1024
#: Largest input file read at all.
MAX_INPUT_BYTES = 100 * MiB
#: Zip containers (xlsx, docx): total uncompressed size, entries, and compression ratio.
MAX_ZIP_UNCOMPRESSED = 512 * MiB
MAX_ZIP_ENTRIES = 10_000
MAX_ZIP_RATIO = 200


def check_input_file(path: Path, *, max_bytes: int = MAX_INPUT_BYTES, what: str = "file") -> int:
    """Raise InputError unless `path` is a readable regular file within the size limit."""
    path = Path(path)
    if not path.exists():
        raise InputError(f"{what} not found", str(path))
    if not path.is_file():
        raise InputError(f"not a file ({what} expected)", str(path))
    size = path.stat().st_size
    if size > max_bytes:
        raise InputError(f"{what} is {size / MiB:.1f} MB, over the {max_bytes / MiB:.0f} MB limit",
                         str(path))
    return size


def check_zip(
    path: Path,
    *,
    what: str = "file",
    max_uncompressed: int = MAX_ZIP_UNCOMPRESSED,
    max_entries: int = MAX_ZIP_ENTRIES,
    max_ratio: int = MAX_ZIP_RATIO,
) -> None:
    """Inspect a zip container before any parser opens it: refuse non-zips, corrupt or truncated
    zips, encrypted entries, too many entries and zip bombs (declared size or ratio)."""
    path = Path(path)
    check_input_file(path, what=what)
    where = str(path)
    with open(path, "rb") as fh:
        head = fh.read(8)
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise InputError(
            f"{what} is an OLE2 compound file: a password-protected (encrypted) Office file or a "
            "legacy .xls/.doc; remove the password or save it as .xlsx/.docx and try again",
            where,
        )
    if not head.startswith(b"PK"):
        raise InputError(f"{what} is not a zip-based Office file (.xlsx/.docx)", where)
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        raise InputError(f"{what} is corrupt or truncated ({exc})", where) from None
    if len(infos) > max_entries:
        raise InputError(f"{what} has {len(infos)} zip entries, over the limit of {max_entries}",
                         where)
    total = 0
    for info in infos:
        if info.flag_bits & 0x1:
            raise InputError(f"{what} is encrypted (password-protected); remove the password", where)
        total += info.file_size
        if info.compress_size and info.file_size / max(info.compress_size, 1) > max_ratio \
                and info.file_size > 10 * MiB:
            raise InputError(
                f"{what} looks like a zip bomb: {info.filename} expands {info.file_size // max(info.compress_size, 1)}×",
                where,
            )
    if total > max_uncompressed:
        raise InputError(
            f"{what} expands to {total / MiB:.0f} MB, over the {max_uncompressed / MiB:.0f} MB limit "
            "(zip bomb?)",
            where,
        )


def read_text(path: Path, *, max_bytes: int = MAX_INPUT_BYTES, what: str = "text file") -> str:
    """Read a text file in UTF-8 (with or without BOM) or GB18030, within the size limit."""
    check_input_file(path, max_bytes=max_bytes, what=what)
    data = Path(path).read_bytes()
    if b"\x00" in data[:4096]:
        raise InputError(f"{what} is binary, not text", str(path))
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise InputError(f"{what} is neither UTF-8 nor GB18030 text", str(path))


def _refuse_existing(path: Path, force: bool) -> None:
    if path.exists() and not force:
        raise OutputExistsError("already exists; use --force to overwrite it", str(path))


@contextlib.contextmanager
def atomic_path(path: Path, *, force: bool = False) -> Iterator[Path]:
    """Yield a temporary path beside `path`; when the block succeeds it is renamed onto `path`.

    On an exception the temporary file is removed and `path` is untouched."""
    path = Path(path)
    _refuse_existing(path, force)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        yield tmp
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()


def atomic_write_bytes(path: Path, data: bytes, *, force: bool = False) -> Path:
    with atomic_path(path, force=force) as tmp:
        tmp.write_bytes(data)
    return Path(path)


def atomic_write_text(path: Path, text: str, *, force: bool = False) -> Path:
    return atomic_write_bytes(path, text.encode("utf-8"), force=force)
