"""YAML data files (bid files, rule packs, manifests) validated by pydantic models, with errors
that name the file, the line and the key path: `bid.yaml:14: pricing.seed: ...`.

The files shipped under `bidassist/checklists` (rule packs, vocabulary: 800 KB read by every
check) are parsed by libyaml when PyYAML has it (yaml.CSafeLoader: 0.16 s against 1.57 s for the
pure parser), with the same constructors (duplicate keys refused, lenient scalars), the same line
map and the same alias, depth and size limits, checked on the composed tree. Every other file is
read by the pure parser: libyaml's composer recurses in C without Python's recursion limit, so a
deeply nested file from a user could crash the process instead of being refused."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError
from yaml.constructor import SafeConstructor

from bidassist.core.errors import InputError, Problem, ProblemsError
from bidassist.core.resources import package_path
from bidassist.core.safeio import read_text

M = TypeVar("M", bound=BaseModel)

#: Largest YAML file read (a bid file or rule pack is a few KB).
MAX_YAML_BYTES = 5 * 1024 * 1024
#: Aliases (`*name`) in one document, nesting depth, and nodes after aliases are expanded: an
#: alias bomb ("billion laughs") or a document nested hundreds deep is refused before it is used.
MAX_ALIASES = 100
MAX_DEPTH = 64
MAX_NODES = 200_000


class _Loader(yaml.SafeLoader):
    """Safe loader that refuses duplicate keys (a typo'd second `price:` must not win silently),
    more than MAX_ALIASES aliases and nesting deeper than MAX_DEPTH."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._aliases = 0
        self._depth = 0

    def _line(self) -> str:
        return f"line {self.peek_event().start_mark.line + 1}"

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            self._aliases += 1
            if self._aliases > MAX_ALIASES:
                raise InputError(
                    f"more than {MAX_ALIASES} aliases (*name); alias bombs are refused", self._line()
                )
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                raise InputError(f"nested more than {MAX_DEPTH} levels deep", self._line())
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


def _construct_mapping(loader: _Loader, node: yaml.MappingNode, deep: bool = False) -> dict:
    seen: dict[Any, int] = {}
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise InputError(
                f"duplicate key {key!r} (first at line {seen[key] + 1})",
                f"line {key_node.start_mark.line + 1}",
            )
        seen[key] = key_node.start_mark.line
    return loader.construct_mapping(node, deep=deep)


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def _lenient(construct: Any) -> Any:
    """A scalar that is not what its form says (2026-02-30, an integer of 30,000 digits) stays
    text, so the model rejects it with its key path and line instead of a traceback here."""

    def build(loader: _Loader, node: yaml.ScalarNode) -> Any:
        if len(node.value) > 40 and construct is not SafeConstructor.construct_yaml_timestamp:
            return node.value
        try:
            return construct(loader, node)
        except (ValueError, OverflowError):
            return node.value

    return build


for _tag, _construct in (
    ("timestamp", SafeConstructor.construct_yaml_timestamp),
    ("int", SafeConstructor.construct_yaml_int),
    ("float", SafeConstructor.construct_yaml_float),
):
    _Loader.add_constructor(f"tag:yaml.org,2002:{_tag}", _lenient(_construct))

#: libyaml's safe loader with _Loader's constructors (None: PyYAML was built without libyaml)
_CLoader: Any = None
if getattr(yaml, "CSafeLoader", None) is not None:

    class _CLoader(yaml.CSafeLoader):  # type: ignore[no-redef]
        """_Loader's constructors on libyaml's parser and composer (trusted files only)."""

    _CLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
    for _tag, _construct in (
        ("timestamp", SafeConstructor.construct_yaml_timestamp),
        ("int", SafeConstructor.construct_yaml_int),
        ("float", SafeConstructor.construct_yaml_float),
    ):
        _CLoader.add_constructor(f"tag:yaml.org,2002:{_tag}", _lenient(_construct))


def _check_tree(root: yaml.Node) -> None:
    """_Loader's limits on a tree libyaml composed: more than MAX_ALIASES aliases (a node
    referred to again) or nesting deeper than MAX_DEPTH is refused. Iterative: no recursion."""
    seen: set[int] = set()
    aliases = 0
    stack: list[tuple[yaml.Node, int]] = [(root, 1)]
    while stack:
        node, depth = stack.pop()
        if id(node) in seen:
            aliases += 1
            if aliases > MAX_ALIASES:
                raise InputError(
                    f"more than {MAX_ALIASES} aliases (*name); alias bombs are refused",
                    f"line {node.start_mark.line + 1}",
                )
            continue
        seen.add(id(node))
        if depth > MAX_DEPTH:
            raise InputError(f"nested more than {MAX_DEPTH} levels deep", f"line {node.start_mark.line + 1}")
        if isinstance(node, yaml.MappingNode):
            for key_node, value_node in reversed(node.value):
                stack.append((value_node, depth + 1))
                stack.append((key_node, depth + 1))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend((item, depth + 1) for item in reversed(node.value))


def _line_map(
    node: yaml.Node, path: tuple = (), out: dict | None = None, seen: list[int] | None = None
) -> dict[tuple, int]:
    """Map each key path to the 1-based line where its key (or item) starts. Aliases are walked
    as they expand: more than MAX_NODES nodes is an alias bomb and refused."""
    out = {} if out is None else out
    seen = [0] if seen is None else seen
    seen[0] += 1
    if seen[0] > MAX_NODES:
        raise InputError(
            f"expands to more than {MAX_NODES:,} values (alias bomb?)", f"line {node.start_mark.line + 1}"
        )
    out.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = key_node.value
            out[path + (key,)] = key_node.start_mark.line + 1
            _line_map(value_node, path + (key,), out, seen)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _line_map(item, path + (i,), out, seen)
    return out


class YamlDoc:
    """A parsed YAML document: its data and where each key path stands."""

    def __init__(self, data: Any, lines: dict[tuple, int], name: str) -> None:
        self.data = data
        self.lines = lines
        self.name = name

    def where(self, path: tuple) -> str:
        """`bid.yaml:14` for the nearest known line of `path`."""
        p = tuple(path)
        while p and p not in self.lines:
            p = p[:-1]
        line = self.lines.get(p)
        return f"{self.name}:{line}" if line else self.name


def parse_yaml(text: str, name: str, *, trusted: bool = False) -> YamlDoc:
    """Parse YAML text; syntax errors name file and line. `trusted`: text shipped with bidassist,
    parsed by libyaml when there (see the module's docstring); never for a user's file."""
    fast = trusted and _CLoader is not None
    try:
        loader = _CLoader(text) if fast else _Loader(text)
        try:
            node = loader.get_single_node()
            if node is None:
                return YamlDoc(None, {}, name)
            if fast:
                _check_tree(node)
            data = loader.construct_document(node)
        finally:
            loader.dispose()
    except InputError as exc:
        line = (exc.where or "").removeprefix("line ")
        raise InputError(exc.message, f"{name}:{line}") from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f"{name}:{mark.line + 1}" if mark else name
        raise InputError(f"YAML syntax: {exc.problem or exc}", where) from None
    except yaml.YAMLError as exc:
        raise InputError(f"YAML syntax: {exc}", name) from None
    except RecursionError:
        raise InputError(f"nested more than {MAX_DEPTH} levels deep", name) from None
    try:
        lines = _line_map(node)
    except InputError as exc:
        raise InputError(exc.message, f"{name}:{(exc.where or '').removeprefix('line ')}") from None
    return YamlDoc(data, lines, name)


@cache
def _shipped_folder() -> Path:
    return package_path("checklists").resolve()


def shipped(path: Path) -> bool:
    """The file is one of the rule packs or vocabulary files shipped inside bidassist."""
    try:
        return Path(path).resolve().is_relative_to(_shipped_folder())
    except (OSError, RuntimeError):  # pragma: no cover - a symlink loop: not ours
        return False


def load_yaml(path: Path) -> YamlDoc:
    path = Path(path)
    text = read_text(path, max_bytes=MAX_YAML_BYTES, what="YAML file")
    return parse_yaml(text, str(path), trusted=shipped(path))


def _message(err: Mapping[str, Any]) -> str:
    kind = err.get("type", "")
    if kind == "missing":
        return "field required"
    if kind == "extra_forbidden":
        return "unknown key (check the spelling)"
    msg = str(err.get("msg", "invalid"))
    msg = msg.removeprefix("Value error, ").removeprefix("Assertion failed, ")
    return msg[:1].lower() + msg[1:]


def _clean_loc(loc: tuple, data: Any) -> tuple:
    """Drop the tags pydantic inserts for unions (`function-after[...]`, a discriminator value)
    so the path is the one the user wrote."""
    out: list = []
    node = data
    for i, part in enumerate(loc):
        if isinstance(part, int):
            out.append(part)
            node = node[part] if isinstance(node, list) and part < len(node) else None
        elif isinstance(node, dict) and part in node:
            out.append(part)
            node = node[part]
        elif (
            "[" in str(part)
            or str(part).startswith(("function-", "constrained-"))
            or (isinstance(node, dict) and part in node.values())
        ):
            continue  # a pydantic union / discriminator tag, not a key the user wrote
        elif i == len(loc) - 1 or not isinstance(node, dict):
            out.append(part)  # a missing or unknown key, or below a wrong-typed value
            node = None
        # else: a discriminator tag that is not a key of the data: skip it
    return tuple(out)


def validation_problems(exc: ValidationError, doc: YamlDoc, prefix: tuple = ()) -> list[Problem]:
    """Turn pydantic's errors into `file:line: a.b.c: message` problems, one per error."""
    problems: list[Problem] = []
    base = doc.data
    for part in prefix:
        base = base[part] if isinstance(base, (dict, list)) else None
    for err in exc.errors():
        full = prefix + _clean_loc(tuple(err.get("loc", ())), base)
        dotted = ".".join(f"[{x}]" if isinstance(x, int) else str(x) for x in full).replace(".[", "[")
        where = f"{doc.where(full)}: {dotted}" if dotted else doc.where(full)
        problem = Problem(where, _message(err))
        if problem not in problems:
            problems.append(problem)
    return problems


def validate(model: type[M], doc: YamlDoc, *, context: dict | None = None) -> M:
    """Validate a parsed document against a model; every problem is reported with its line."""
    if doc.data is None:
        raise InputError("file is empty", doc.name)
    try:
        return model.model_validate(doc.data, context=context)
    except ValidationError as exc:
        raise ProblemsError(validation_problems(exc, doc), f"{doc.name} is not valid") from None
