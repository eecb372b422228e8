"""Safe file I/O: size and zip-bomb limits for untrusted inputs, atomic writes for outputs.

Outputs are written to a temporary file in the target folder and renamed into place, so a crash
or Ctrl-C never leaves half a file; an existing file is never replaced unless the caller says
`force`. Output rules (issue 18): a file the same process has read as an input is never
overwritten (not even with `force`); a symbolic link is never written through; the folder must
exist (a command's output folder is created only by `output_dir`, one level, when its parent
exists); the file gets the permissions of the umask (0644 under 022), not mkstemp's 0600; a full
disk or a permission problem is an `OutputError` naming the file.
"""

from __future__ import annotations

import contextlib
import os
import signal
import threading
from collections.abc import Iterator
from pathlib import Path

from bidassist.core.errors import InputError, OutputError, OutputExistsError

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
    st = path.stat()
    size = st.st_size
    if size > max_bytes:
        raise InputError(f"{what} is {size / MiB:.1f} MB, over the {max_bytes / MiB:.0f} MB limit", str(path))
    remember_input(path)
    return size


# --------------------------------------------------------------------------- inputs of this process

#: identities (device, inode, mtime, size) of the files read as inputs by this process
_inputs: set[tuple[int, int, int, int]] = set()


def _identity(path: Path) -> tuple[int, int, int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_dev, st.st_ino, st.st_mtime_ns, st.st_size)


def remember_input(path: Path) -> None:
    """Record `path` as an input: no output of this process may replace it."""
    ident = _identity(Path(path))
    if ident is not None:
        _inputs.add(ident)


def forget_inputs() -> None:
    """Start a new command (the CLI calls this before each run)."""
    _inputs.clear()


def is_input(path: Path) -> bool:
    """True when `path` is (the same file as) an input this process has read."""
    ident = _identity(Path(path))
    return ident is not None and ident in _inputs


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
    import zipfile  # deferred: not needed to print --help (#17)

    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        raise InputError(f"{what} is corrupt or truncated ({exc})", where) from None
    if len(infos) > max_entries:
        raise InputError(f"{what} has {len(infos)} zip entries, over the limit of {max_entries}", where)
    total = 0
    for info in infos:
        if info.flag_bits & 0x1:
            raise InputError(f"{what} is encrypted (password-protected); remove the password", where)
        total += info.file_size
        if (
            info.compress_size
            and info.file_size / max(info.compress_size, 1) > max_ratio
            and info.file_size > 10 * MiB
        ):
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
    import zipfile  # deferred: not needed to print --help (#17)

    from bidassist.core.xmlsafe import check_package

    try:
        with zipfile.ZipFile(path) as zf:
            check_package(zf, where, path.suffix)
    except (zipfile.BadZipFile, OSError, EOFError, RuntimeError, NotImplementedError) as exc:
        raise InputError(f"{what} is corrupt or truncated ({exc})", where) from None


def _utf16(data: bytes) -> str | None:
    """UTF-16 text (with a BOM, or without one when every other byte of the start is zero)."""
    head = data[:4096]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        encoding = "utf-16"
    elif len(head) >= 4 and head[1::2].count(0) > len(head) // 4 and 0 not in head[0::2][:64]:
        encoding = "utf-16-le"
    elif len(head) >= 4 and head[0::2].count(0) > len(head) // 4 and 0 not in head[1::2][:64]:
        encoding = "utf-16-be"
    else:
        return None
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def read_text(path: Path, *, max_bytes: int = MAX_INPUT_BYTES, what: str = "text file") -> str:
    """Read a text file in UTF-8 (with or without BOM), UTF-16 or GB18030, within the size limit."""
    return read_text_encoding(path, max_bytes=max_bytes, what=what)[0]


def read_text_encoding(
    path: Path, *, max_bytes: int = MAX_INPUT_BYTES, what: str = "text file", strict_utf8: bool = False
) -> tuple[str, str]:
    """(text, encoding) of a text file in UTF-8 (with or without BOM), UTF-16 or GB18030.
    `strict_utf8`: a file that is UTF-8 up to a bad byte (Chinese already written in UTF-8 before
    it) is refused naming the line, never decoded as GB18030 into other characters."""
    check_input_file(path, max_bytes=max_bytes, what=what)
    data = Path(path).read_bytes()
    utf16 = _utf16(data)
    if utf16 is not None:
        return utf16, "utf-16"
    if b"\x00" in data[:4096]:
        raise InputError(f"{what} is binary, not text", str(path))
    try:
        return data.decode("utf-8-sig"), ("utf-8-sig" if data.startswith(b"\xef\xbb\xbf") else "utf-8")
    except UnicodeDecodeError as exc:
        bad = exc.start
    line = data[:bad].count(b"\n") + 1
    if strict_utf8 and sum(ord(ch) >= 0x800 for ch in data[:bad].decode("utf-8-sig")) >= 2:
        raise InputError(
            f"{what} is UTF-8 text with a byte that is not UTF-8 on line {line} (byte {bad + 1}); "
            f"fix: save the file again as UTF-8 (文件为 UTF-8 编码，但第 {line} 行有无法识别的字节)",
            str(path),
        )
    try:
        return data.decode("gb18030"), "gb18030"
    except UnicodeDecodeError as exc:
        gb_line = data[: exc.start].count(b"\n") + 1
    raise InputError(
        f"{what} is neither UTF-8 nor GB18030 text (line {line} is not UTF-8, line {gb_line} is not "
        "GB18030); fix: save it as UTF-8 or GBK/GB18030 (请另存为 UTF-8 或 GBK 编码)",
        str(path),
    )


def _refuse_existing(path: Path, force: bool) -> None:
    if path.exists() and not force:
        raise OutputExistsError("already exists; use --force to overwrite it", str(path))


def check_output(path: Path, *, force: bool = False) -> None:
    """Raise unless `path` may be written: not a link, not an input, not a folder, not existing
    (unless `force`), in a folder that exists."""
    path = Path(path)
    where = str(path)
    if path.is_symlink():
        raise OutputError(
            "is a symbolic link; outputs are never written through links (输出不跟随链接)", where
        )
    if path.exists() and not path.is_file():
        raise OutputError("exists and is not a regular file", where)
    if is_input(path):
        raise OutputError("is an input of this command; refusing to overwrite it (also with --force)", where)
    _refuse_existing(path, force)
    parent = path.parent
    if not parent.is_dir():
        raise OutputError(f"the folder {parent} does not exist (输出目录不存在); create it first", where)


def output_dir(path: Path) -> Path:
    """The folder of a command's outputs: created (one level) when its parent exists; a missing
    parent is an OutputError."""
    path = Path(path)
    if path.is_dir():
        return path
    if path.exists() or path.is_symlink():
        raise OutputError("the output must be a folder", str(path))
    if not path.parent.is_dir():
        raise OutputError(
            f"the folder {path.parent} does not exist (输出目录不存在); create it first", str(path)
        )
    try:
        path.mkdir()
    except OSError as exc:
        raise OutputError(f"cannot create the folder: {exc.strerror}", str(path)) from None
    return path


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


@contextlib.contextmanager
def atomic_path(path: Path, *, force: bool = False) -> Iterator[Path]:
    """Yield a temporary path beside `path`; when the block succeeds it is renamed onto `path`.

    On an exception (or Ctrl-C) the temporary file is removed and `path` is untouched."""
    path = Path(path)
    check_output(path, force=force)
    tmp = _temp_beside(path)
    try:
        yield tmp
        check_output(path, force=force)  # nothing changed while the block ran
        os.replace(tmp, path)
    except OSError as exc:
        raise OutputError(f"cannot write: {exc.strerror or exc}", str(path)) from None
    finally:
        if tmp.exists():
            tmp.unlink()


def atomic_write_bytes(path: Path, data: bytes, *, force: bool = False) -> Path:
    with atomic_path(path, force=force) as tmp:
        tmp.write_bytes(data)
    return Path(path)


def atomic_write_text(path: Path, text: str, *, force: bool = False) -> Path:
    return atomic_write_bytes(path, text.encode("utf-8"), force=force)


@contextlib.contextmanager
def _interrupts_deferred() -> Iterator[None]:
    """Hold Ctrl-C while the block runs (a few renames); re-raise it afterwards."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    caught: list[int] = []
    previous = signal.signal(signal.SIGINT, lambda signum, frame: caught.append(signum))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
    if caught:
        if callable(previous):
            previous(signal.SIGINT, None)
        raise KeyboardInterrupt


def _temp_beside(path: Path) -> Path:
    import tempfile  # deferred: not needed to print --help (#17)

    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        os.fchmod(fd, 0o666 & ~_umask())
        os.close(fd)
    except OSError as exc:
        raise OutputError(f"cannot write: {exc.strerror}", str(path)) from None
    return Path(tmp_name)


def atomic_write_set(files: list[tuple[Path, bytes]], *, force: bool = False) -> list[Path]:
    """Write several files as one: every file is written to a temporary file first, then all are
    renamed in one step with Ctrl-C held, so an interruption or a full disk leaves either the
    whole set or none of it (and no temporary file)."""
    paths = [Path(p) for p, _ in files]
    for path in paths:
        check_output(path, force=force)
    temps: list[Path] = []
    try:
        for path, (_, data) in zip(paths, files, strict=True):
            temps.append(_temp_beside(path))
            try:
                temps[-1].write_bytes(data)
            except OSError as exc:
                raise OutputError(f"cannot write: {exc.strerror or exc}", str(path)) from None
        with _interrupts_deferred():
            for path in paths:
                check_output(path, force=force)
            for tmp, path in zip(temps, paths, strict=True):
                os.replace(tmp, path)
    finally:
        for tmp in temps:
            if tmp.exists():
                tmp.unlink()
    return paths
