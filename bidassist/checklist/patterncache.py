"""The compiled rule-pack patterns kept between processes, so a fresh `bidassist check` does not
parse and compile 1,700 regexes again.

What a check of one contract cost before (CPU, one idle core, the shipped packs): loading the packs
4.6 s, of which `re.compile` 2.85 s (483 KB of pattern source: parsing is two thirds, code
generation the rest), then the scanner of each language the contract has ~1.1 s, nearly all of it
parsing every pattern twice more for its gate strings and match starts (literals.py). Both are
pure functions of the pattern source and flags, so both are kept in a file:

- per pattern, what `_sre.compile` is given (flags, code, groups, group names) and what
  literals.py derives from the parse tree (pattern_literals, match_starts): `literals.Parts`;
- the code of every pattern concatenated, zlib-compressed (6.5 MB of code words -> 0.8 MB) and
  base64'd inside the JSON: JSON lists of 1.6 million integers take 0.22 s to read, the blob 0.03 s;
- each pack file's parsed YAML (its data and line map, core/yamlfile.py), when JSON holds it
  exactly (mappings with text keys, lists, text, numbers, booleans, null): 0.24 s of parsing.

A warm load builds each pattern with `_sre.compile` from its code (no parse, no code generation).
Measured warm (CPU, a loaded 2-core machine): the shipped packs load in 0.5 s instead of 4.6 s, and
the scanner of a language is built in 0.05 s instead of 1.1 s (a cold load parses each pattern once
for its code and its gate, literals.compile_parts, so it too builds the scanners in 0.05 s, and
pays 0.2 s to write the file). Compiling each pattern lazily, on its first search, was the other
option; it saves less: the scanner of a language needs the gate and start strings of each of its
patterns up front, so every pattern would still be parsed, and parsing is two thirds of a compile.

The file is JSON, never pickle: reading it cannot run code, and every entry is checked (types,
bounds, `_sre.compile`'s own code validation, the flags and group count of the result); an entry
that does not fit is compiled with re.compile's machinery instead. It lives in
`$XDG_CACHE_HOME/bidassist` (default `~/.cache/bidassist`), one file per set of pack files (their
sha256), its name and header holding the Python version, `_sre.MAGIC`, the code word size and the
sha256 of literals.py and this module (whose analysis it stores); a file with another header is
stale and ignored, entries are looked up by their exact source and flags, so a pattern the file
lacks is compiled and the file rewritten. Writes are atomic (a temporary file renamed); a folder
that cannot be written, or a file that cannot be read, only means no cache. The newest
MAX_FILES files are kept.
"""

from __future__ import annotations

import _sre  # type: ignore[import-not-found]
import base64
import binascii
import contextlib
import hashlib
import json
import os
import re
import sys
import tempfile
import zlib
from array import array
from pathlib import Path
from typing import Any

from bidassist.core.cachedir import cache_dir
from bidassist.core.yamlfile import YamlDoc

from . import literals
from .literals import Parts

FORMAT = 1
#: pattern files kept in the cache folder (one per set of pack files)
MAX_FILES = 8
#: a larger file is not read (the shipped packs' file is under 1 MB)
MAX_BYTES = 64 * 1024 * 1024
_CODE_TYPE = next((t for t in "IL" if array(t).itemsize == _sre.CODESIZE), None)


def _analysis_hash() -> str:
    """sha256 of the code whose results the file stores (literals.py, this module)."""
    h = hashlib.sha256()
    for mod in (literals.__file__, __file__):
        try:
            h.update(Path(mod).read_bytes())
        except OSError:
            h.update(b"?")
    return h.hexdigest()


def header(key: object) -> dict[str, Any]:
    """What a file must hold to be read: the format, the interpreter's regex engine and the
    pack files (`key`, JSON-able)."""
    return {
        "format": FORMAT,
        "python": sys.version,
        "magic": _sre.MAGIC,
        "codesize": _sre.CODESIZE,
        "byteorder": sys.byteorder,
        "analysis": _analysis_hash(),
        "packs": json.loads(json.dumps(key)),  # as read back from the file (lists, not tuples)
    }


class PatternStore:
    """The patterns of one load: those in the file, and those compiled now (written by save)."""

    def __init__(self, path: Path | None, head: dict[str, Any]):
        self.path = path
        self.head = head
        #: (source, flags) -> entry read from the file: [source, flags, parts..., offset, length]
        self._entries: dict[tuple[str, int], list] = {}
        self._code: array | None = None
        #: (source, flags) -> Parts of every pattern compiled through the store, in order
        self.used: dict[tuple[str, int], Parts] = {}
        #: (source, flags) -> the pattern made (the same object for the same source, as re's cache)
        self._made: dict[tuple[str, int], re.Pattern] = {}
        self.hits = 0
        self.misses = 0
        #: file name -> [data, line map as [[path...], line] pairs] read from the file
        self._docs: dict[str, list] = {}
        #: file name -> the same, of every document read through the store (written by save)
        self.docs_used: dict[str, list] = {}

    # ------------------------------------------------------------------ reading
    def load(self) -> None:
        """Read the file when it is there, readable and current; else start empty."""
        if self.path is None or _CODE_TYPE is None:
            return
        try:
            with open(self.path, "rb") as fh:
                raw = fh.read(MAX_BYTES + 1)
            if len(raw) > MAX_BYTES:
                return
            doc = json.loads(raw)
            if not isinstance(doc, dict) or doc.get("header") != self.head:
                return
            code = array(_CODE_TYPE)
            code.frombytes(zlib.decompress(base64.b64decode(doc["code"], validate=True)))
            entries = doc["entries"]
            docs = doc.get("docs", {})
            if not isinstance(entries, list) or not isinstance(docs, dict):
                return
        except (OSError, ValueError, KeyError, TypeError, RecursionError, zlib.error, binascii.Error):
            return  # unreadable, corrupt or stale: no cache
        self._docs = {k: v for k, v in docs.items() if isinstance(v, list) and len(v) == 2}
        for e in entries:
            if isinstance(e, list) and len(e) == 9 and isinstance(e[0], str) and type(e[1]) is int:
                self._entries[(e[0], e[1])] = e
        self._code = code
        if self.path is not None:
            with contextlib.suppress(OSError):
                os.utime(self.path)  # recently used: kept when older files are pruned

    def _parts(self, e: list) -> Parts | None:
        """An entry's Parts when every field has its type and its code is in bounds, else None."""
        _src, _flags, full, groups, groupindex, indexgroup, gates, starts, span = e
        code = self._code
        if (
            code is None
            or type(full) is not int
            or type(groups) is not int
            or not isinstance(groupindex, dict)
            or not all(isinstance(k, str) and type(v) is int for k, v in groupindex.items())
            or not isinstance(indexgroup, list)
            or not all(x is None or isinstance(x, str) for x in indexgroup)
            or not (gates is None or _strings2(gates))
            or not (starts is None or _strings(starts))
            or not (isinstance(span, list) and len(span) == 2 and all(type(x) is int for x in span))
        ):
            return None
        start, length = span
        if start < 0 or length <= 0 or start + length > len(code):
            return None
        return (
            full,
            code[start : start + length].tolist(),
            groups,
            groupindex,
            tuple(indexgroup),
            tuple(frozenset(f) for f in gates) if gates is not None else None,
            frozenset(starts) if starts is not None else None,
        )

    # ------------------------------------------------------------------ parsed YAML
    def yaml_doc(self, name: str) -> YamlDoc | None:
        """The parsed pack file `name` (str(path)) as the file keeps it, or None. The file's key
        holds the sha256 of every pack file, so a document kept is that of the same bytes."""
        got = self._docs.get(name)
        if got is None:
            return None
        data, pairs = got
        lines: dict[tuple, int] = {}
        if not isinstance(pairs, list):
            return None
        for pair in pairs:
            if not (isinstance(pair, list) and len(pair) == 2 and type(pair[1]) is int):
                return None
            path = pair[0]
            if not (isinstance(path, list) and all(type(x) in (str, int) for x in path)):
                return None
            lines[tuple(path)] = pair[1]
        if not _exact_json(data):
            return None
        self.docs_used[name] = got
        return YamlDoc(data, lines, name)

    def keep_doc(self, doc: YamlDoc) -> None:
        """Keep a document read from its file, when JSON holds its data exactly."""
        if _exact_json(doc.data) and all(type(x) in (str, int) for path in doc.lines for x in path):
            self.misses += 1
            self.docs_used[doc.name] = [doc.data, [[list(k), v] for k, v in doc.lines.items()]]

    # ------------------------------------------------------------------ compiling
    def compile(self, source: str, flags: int) -> re.Pattern:
        """`re.compile(source, flags)`: from the file when it has the pattern, else compiled
        (literals.compile_parts) and kept for save()."""
        key = (source, int(flags))
        made = self._made.get(key)
        if made is not None:
            return made
        self._made[key] = made = self._make(key)
        return made

    def _make(self, key: tuple[str, int]) -> re.Pattern:
        source, flags = key
        e = self._entries.get(key)
        if e is not None:
            parts = self._parts(e)
            if parts is not None:
                try:
                    pattern = literals.from_parts(source, parts)
                except (TypeError, ValueError, RuntimeError, OverflowError):  # invalid code
                    pattern = None
                if pattern is not None and pattern.flags == parts[0] and pattern.groups == parts[2]:
                    self.hits += 1
                    self.used[key] = parts
                    return pattern
        self.misses += 1
        pattern, parts = literals.compile_parts(source, flags)
        if parts is not None:
            self.used[key] = parts
        return pattern

    # ------------------------------------------------------------------ writing
    def save(self) -> None:
        """Write the file when a pattern was compiled here (atomically; silently not at all when
        the folder cannot be written), then prune the oldest files beyond MAX_FILES."""
        if self.path is None or _CODE_TYPE is None or not self.misses:
            return
        code = array(_CODE_TYPE)
        entries = []
        for (source, flags), (
            full,
            words,
            groups,
            groupindex,
            indexgroup,
            gates,
            starts,
        ) in self.used.items():
            entries.append(
                [
                    source,
                    flags,
                    full,
                    groups,
                    groupindex,
                    list(indexgroup),
                    None if gates is None else [sorted(f) for f in gates],
                    None if starts is None else sorted(starts),
                    [len(code), len(words)],
                ]
            )
            code.extend(words)
        blob = base64.b64encode(zlib.compress(code.tobytes(), 1)).decode("ascii")
        data = json.dumps(
            {"header": self.head, "entries": entries, "code": blob, "docs": self.docs_used},
            ensure_ascii=False,
        )
        folder = self.path.parent
        tmp = None
        try:
            folder.mkdir(parents=True, exist_ok=True, mode=0o700)
            fd, tmp = tempfile.mkstemp(prefix=".patterns-", suffix=".tmp", dir=folder)
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(data)
            os.replace(tmp, self.path)
            tmp = None
            _prune(folder)
        except OSError:
            pass  # not writable: no cache
        finally:
            if tmp is not None:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)


def _exact_json(x: object, depth: int = 0) -> bool:
    """JSON gives back exactly this value: mappings with text keys, lists, text, int, float,
    bool, None (not a date, a set, a tuple or an integer key)."""
    if depth > 200:
        return False
    t = type(x)
    if t in (str, int, float, bool) or x is None:
        return True
    if t is list:
        return all(_exact_json(v, depth + 1) for v in x)  # type: ignore[attr-defined]
    if t is dict:
        return all(type(k) is str and _exact_json(v, depth + 1) for k, v in x.items())  # type: ignore[attr-defined]
    return False


def _strings(x: object) -> bool:
    return isinstance(x, list) and all(isinstance(s, str) for s in x)


def _strings2(x: object) -> bool:
    return isinstance(x, list) and all(_strings(f) for f in x)


def _prune(folder: Path) -> None:
    files = []
    for p in folder.glob("patterns-*.json"):
        with contextlib.suppress(OSError):
            files.append((p.stat().st_mtime, p))
    for _, p in sorted(files, reverse=True)[MAX_FILES:]:
        with contextlib.suppress(OSError):
            p.unlink()


def open_store(key: object) -> PatternStore:
    """The store of one set of pack files (`key`, JSON-able), read from the cache folder."""
    head = header(key)
    folder = cache_dir()
    digest = hashlib.sha256(json.dumps(head, sort_keys=True).encode()).hexdigest()[:24]
    tag = "py{}{}{}".format(*sys.version_info[:3])
    store = PatternStore(folder / f"patterns-{tag}-{digest}.json" if folder else None, head)
    store.load()
    return store
