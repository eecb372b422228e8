"""Which data fields a template uses, found by reading its Jinja syntax tree (no rendering).

A field is *required* when the template prints or loops over it unguarded, *optional* when it is
only tested (`{% if tender.agency %}`, `is defined`), printed inside such a test's body, or given a
`| default(...)`. Loop variables map back to their list: `{% for row in schedule.rows %}{{ row.unit }}`
uses `schedule.rows[].unit`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from jinja2 import nodes

_GLOBALS = {
    "range",
    "dict",
    "lipsum",
    "cycler",
    "joiner",
    "namespace",
    "loop",
    "true",
    "false",
    "none",
    "True",
    "False",
    "None",
}


@dataclass(frozen=True)
class FieldUse:
    path: str
    required: bool


def _chain(node: nodes.Node) -> tuple[str, list[str]] | None:
    parts: list[str] = []
    while True:
        if isinstance(node, nodes.Getattr):
            parts.append(node.attr)
            node = node.node
        elif isinstance(node, nodes.Getitem) and isinstance(node.arg, nodes.Const):
            arg = node.arg.value
            parts.append(f"[{arg}]" if isinstance(arg, int) else str(arg))
            node = node.node
        elif isinstance(node, nodes.Name):
            return node.name, list(reversed(parts))
        else:
            return None


def _join(base: str, parts: list[str]) -> str:
    out = base
    for p in parts:
        out += p if p.startswith("[") else f".{p}"
    return out


def _names(node: nodes.Node) -> list[nodes.Name]:
    if isinstance(node, nodes.Name):
        return [node]
    return list(node.find_all(nodes.Name))


#: a template variable -> the data path it stands for (None: a local value, not data)
_Scope = dict[str, str | None]


class _Walker:
    def __init__(self) -> None:
        self.out: dict[str, bool] = {}

    def record(self, path: str, required: bool) -> None:
        self.out[path] = self.out.get(path, False) or required

    def paths_in(self, node: nodes.Node, scope: _Scope) -> set[str]:
        sub = _Walker()
        sub.visit(node, scope, frozenset(), True)
        return set(sub.out)

    def visit(self, node: Any, scope: _Scope, guarded: frozenset[str], optional: bool) -> None:
        if isinstance(node, list):
            for n in node:
                self.visit(n, scope, guarded, optional)
            return
        if not isinstance(node, nodes.Node):
            return
        for kinds, handler in self._HANDLERS:
            if isinstance(node, kinds) and handler(self, node, scope, guarded, optional):
                return
        for child in node.iter_child_nodes():
            self.visit(child, scope, guarded, optional)

    # Each handler returns True when it has visited the node (False: visit its children plainly).

    def _path(self, node: nodes.Expr, scope: _Scope, guarded: frozenset[str], optional: bool) -> bool:
        chain = _chain(node)
        if chain is None:
            return False
        name, parts = chain
        if isinstance(node, nodes.Name) and node.ctx != "load":
            return True
        if name in scope:
            base = scope[name]
            if base is None:
                return True
        elif name in _GLOBALS:
            return True
        else:
            base = name
        path = _join(base, parts)
        is_guarded = any(path == g or path.startswith((g + ".", g + "[")) for g in guarded)
        self.record(path, not optional and not is_guarded)
        return True

    def _for(self, node: nodes.For, scope: _Scope, guarded: frozenset[str], optional: bool) -> bool:
        self.visit(node.iter, scope, guarded, optional)
        chain = _chain(node.iter)
        inner = dict(scope)
        item_base = None
        if chain is not None and chain[0] not in _GLOBALS:
            base = scope.get(chain[0], chain[0]) if chain[0] in scope else chain[0]
            item_base = None if base is None else _join(base, chain[1]) + "[]"
        for target in _names(node.target):
            inner[target.name] = item_base if isinstance(node.target, nodes.Name) else None
        inner["loop"] = None
        if node.test is not None:
            self.visit(node.test, inner, guarded, True)
        self.visit(node.body, inner, guarded, optional)
        self.visit(node.else_, scope, guarded, optional)
        return True

    def _if(self, node: nodes.If, scope: _Scope, guarded: frozenset[str], optional: bool) -> bool:
        self.visit(node.test, scope, guarded, True)
        tested = guarded | self.paths_in(node.test, scope)
        self.visit(node.body, scope, frozenset(tested), optional)
        for elif_ in node.elif_:
            self.visit(elif_, scope, guarded, optional)
        self.visit(node.else_, scope, guarded, optional)
        return True

    def _cond(self, node: nodes.CondExpr, scope: _Scope, guarded: frozenset[str], optional: bool) -> bool:
        self.visit(node.test, scope, guarded, True)
        tested = guarded | self.paths_in(node.test, scope)
        self.visit(node.expr1, scope, frozenset(tested), optional)
        self.visit(node.expr2, scope, guarded, optional)
        return True

    def _test(
        self, node: nodes.Test | nodes.Filter, scope: _Scope, guarded: frozenset[str], optional: bool
    ) -> bool:
        if isinstance(node, nodes.Filter) and node.name not in ("default", "d"):
            return False
        self.visit(node.node, scope, guarded, True)  # `x is defined`, `x | default(...)`: x is optional
        self.visit(node.args, scope, guarded, optional)
        return True

    def _assign(
        self, node: nodes.Assign | nodes.AssignBlock, scope: _Scope, guarded: frozenset[str], optional: bool
    ) -> bool:
        for target in _names(node.target):
            scope[target.name] = None
        self.visit(node.node if isinstance(node, nodes.Assign) else node.body, scope, guarded, optional)
        return True

    def _macro(
        self, node: nodes.Macro | nodes.CallBlock, scope: _Scope, guarded: frozenset[str], optional: bool
    ) -> bool:
        inner = dict(scope)
        for arg in getattr(node, "args", []):
            inner[arg.name] = None
        inner["caller"] = None
        self.visit(node.body, inner, guarded, optional)
        return True

    def _with(self, node: nodes.With, scope: _Scope, guarded: frozenset[str], optional: bool) -> bool:
        inner = dict(scope)
        self.visit(node.values, scope, guarded, optional)
        for with_target in node.targets:
            for bound in _names(with_target):
                inner[bound.name] = None
        self.visit(node.body, inner, guarded, optional)
        return True

    _HANDLERS: tuple[tuple[type | tuple[type, ...], Callable[..., bool]], ...] = (
        ((nodes.Getattr, nodes.Getitem, nodes.Name), _path),
        (nodes.For, _for),
        (nodes.If, _if),
        (nodes.CondExpr, _cond),
        ((nodes.Test, nodes.Filter), _test),
        ((nodes.Assign, nodes.AssignBlock), _assign),
        ((nodes.Macro, nodes.CallBlock), _macro),
        (nodes.With, _with),
    )


def template_fields(ast: nodes.Template) -> list[FieldUse]:
    """Fields used by a parsed template, required ones first, each path once."""
    walker = _Walker()
    walker.visit(ast, {}, frozenset(), False)
    # a prefix of a longer path is implied by it
    paths = set(walker.out)
    uses = [
        FieldUse(p, walker.out[p])
        for p in paths
        if not any(q != p and q.startswith((p + ".", p + "[")) for q in paths)
    ]
    return sorted(uses, key=lambda u: (not u.required, u.path))


def _segments(path: str) -> list[str]:
    out: list[str] = []
    for part in path.replace("[", ".[").split("."):
        if part:
            out.append(part)
    return out


def missing_fields(context: dict[str, Any], uses: list[FieldUse]) -> list[str]:
    """Concrete paths of required fields the data lacks (`schedule.rows[3].unit`)."""
    missing: list[str] = []

    def resolve(value: Any, segs: list[str], done: str) -> None:
        if not segs:
            return
        seg, rest = segs[0], segs[1:]
        if seg == "[]":
            if isinstance(value, (list, tuple)):
                for i, item in enumerate(value):
                    resolve(item, rest, f"{done}[{i}]")
            return
        if seg.startswith("["):
            key: Any = seg[1:-1]
            key = int(key) if key.lstrip("-").isdigit() else key
            here = f"{done}{seg}"
            try:
                item = value[key]
            except (LookupError, TypeError):
                missing.append(here)
                return
        else:
            here = f"{done}.{seg}" if done else seg
            if isinstance(value, dict):
                if seg not in value or value[seg] is None:
                    missing.append(here)
                    return
                item = value[seg]
            elif hasattr(value, seg) and not seg.startswith("_"):
                item = getattr(value, seg)
            else:
                missing.append(here)
                return
        resolve(item, rest, here)

    for use in uses:
        if use.required:
            resolve(context, _segments(use.path), "")
    return list(dict.fromkeys(missing))
