"""The render budget: what one template render may use before it is refused.

A template from a colleague or the internet runs in the sandbox (no files, no Python internals);
the budget keeps it from exhausting memory or time. Each limit is enforced where Jinja lets the
sandbox intercept: every call (`call` hook: call count, recursion depth, size arguments), every
`*`, `**`, `+`, `%` (intercepted binary operators: size of strings, lists and integers), every
`for` loop and `~` concatenation (a compile-time rewrite wraps them in budget filters), and the
output as it is produced. A breach raises `TemplateBudgetError`, a `SecurityError`, so the render
is refused with one line naming the template and its line.

| limit | value |
|---|---|
| loop iterations + calls per render | 1,000,000 |
| nesting of calls (macro recursion) | 64 |
| any one string | 10,000,000 characters |
| output | 10,000,000 characters + 4,000 per row of the data's schedule, at most 32,000,000 |
| any one list | 1,000,000 items |
| integers | 1,000 decimal digits |
| size arguments (widths, counts) | 100,000 |
| time per render | 30 s |

The output limit grows with the rows the document legitimately holds (a 10,000-row 分项报价表 is
about 21,000,000 characters of document XML): the caller names them with `table_rows(n)` around
the render; the ceiling keeps the worst case (a hostile template given a big schedule) within the
memory promise of docs/hostile.md.
"""

from __future__ import annotations

import contextlib
import operator
import re
import time
from collections.abc import Iterable, Iterator
from contextvars import ContextVar
from dataclasses import dataclass, field
from types import TracebackType
from typing import Any

from jinja2 import nodes
from jinja2.sandbox import SecurityError
from jinja2.visitor import NodeTransformer

MAX_STEPS = 1_000_000
MAX_DEPTH = 64
MAX_CHARS = 10_000_000
#: output allowance per row of the data's schedule, and the output ceiling whatever the rows
CHARS_PER_ROW = 4_000
MAX_OUTPUT = 32_000_000
MAX_ITEMS = 1_000_000
MAX_INT_DIGITS = 1_000
MAX_INT_BITS = int(MAX_INT_DIGITS * 3.33)
MAX_SIZE_ARG = 100_000
MAX_SECONDS = 30.0

#: names of the filters the compile-time rewrite inserts
LOOP_FILTER = "bidassist_budget_loop"
SIZE_FILTER = "bidassist_budget_size"


class TemplateBudgetError(SecurityError):
    """A template went over the render budget (模板超出渲染限额)."""


@dataclass
class Budget:
    steps: int = 0
    depth: int = 0
    chars: int = 0
    max_output: int = MAX_CHARS
    deadline: float = field(default_factory=lambda: time.monotonic() + MAX_SECONDS)

    def tick(self, n: int = 1) -> None:
        self.steps += n
        if self.steps > MAX_STEPS:
            raise TemplateBudgetError(
                f"more than {MAX_STEPS:,} loop iterations and calls (模板循环/调用次数超限)"
            )
        if self.steps % 1024 == 0 and time.monotonic() > self.deadline:
            raise TemplateBudgetError(f"rendering took more than {MAX_SECONDS:.0f} s (模板渲染超时)")


_current: ContextVar[Budget | None] = ContextVar("bidassist_render_budget", default=None)
_rows: ContextVar[int] = ContextVar("bidassist_render_rows", default=0)


def output_limit(rows: int) -> int:
    """Characters a render may output for data with `rows` schedule rows."""
    return min(MAX_OUTPUT, MAX_CHARS + CHARS_PER_ROW * max(rows, 0))


@contextlib.contextmanager
def table_rows(rows: int) -> Iterator[None]:
    """Renders inside the block may output `output_limit(rows)` characters."""
    token = _rows.set(rows)
    try:
        yield
    finally:
        _rows.reset(token)


def _budget() -> Budget:
    budget = _current.get()
    if budget is None:  # outside a render (a filter called directly): a fresh, unshared budget
        budget = Budget()
    return budget


@contextlib.contextmanager
def render_budget() -> Iterator[Budget]:
    """One budget for the render inside the block (nested renders share the outer one)."""
    outer = _current.get()
    if outer is not None:
        yield outer
        return
    budget = Budget(max_output=output_limit(_rows.get()))
    token = _current.set(budget)
    try:
        yield budget
    finally:
        _current.reset(token)


# --------------------------------------------------------------------------- sizes


def check_size(value: Any) -> Any:
    """Refuse a string, list or integer over the limits; return the value."""
    if isinstance(value, str):
        if len(value) > MAX_CHARS:
            raise TemplateBudgetError(f"a text of more than {MAX_CHARS:,} characters (文本过长)")
    elif isinstance(value, (list, tuple, dict, set, frozenset)):
        if len(value) > MAX_ITEMS:
            raise TemplateBudgetError(f"a list of more than {MAX_ITEMS:,} items (列表过长)")
    elif isinstance(value, int) and not isinstance(value, bool):
        if value.bit_length() > MAX_INT_BITS:
            raise TemplateBudgetError(f"a number of more than {MAX_INT_DIGITS:,} digits (数字过大)")
    return value


def _length(value: Any) -> int | None:
    if isinstance(value, (str, list, tuple)):
        return len(value)
    return None


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _check_repeat(left: Any, right: Any) -> None:
    seq, count = (left, right) if _is_int(right) else (right, left)
    size = _length(seq)
    if size is None or not _is_int(count):
        return
    limit = MAX_CHARS if isinstance(seq, str) else MAX_ITEMS
    if size * max(count, 0) > limit:
        raise TemplateBudgetError(
            f"repeating a value {count:,} times makes more than {limit:,} characters or items (重复次数过多)"
        )


def _check_int_product(left: Any, right: Any) -> None:
    if _is_int(left) and _is_int(right) and left.bit_length() + right.bit_length() > MAX_INT_BITS:
        raise TemplateBudgetError(f"a product of more than {MAX_INT_DIGITS:,} digits (数字过大)")


def _check_power(left: Any, right: Any) -> None:
    if not isinstance(right, (int, float)) or isinstance(right, bool) or right <= 1:
        return
    if _is_int(left) and abs(left) > 1 and left.bit_length() * right > MAX_INT_BITS:
        raise TemplateBudgetError(f"a power of more than {MAX_INT_DIGITS:,} digits (数字过大)")


_HUGE_WIDTH = re.compile(r"\d{6,}|\*")


def check_format_string(fmt: Any) -> None:
    """Refuse `%` / `format` strings with a width or precision of 100,000 or more (or `*`)."""
    if isinstance(fmt, str) and _HUGE_WIDTH.search(re.sub(r"[^%{}:.\d*]", " ", fmt)):
        raise TemplateBudgetError("a format width or precision over the limit (格式宽度过大)")


BINOPS = {
    "*": operator.mul,
    "**": operator.pow,
    "+": operator.add,
    "%": operator.mod,
    "/": operator.truediv,
    "//": operator.floordiv,
    "-": operator.sub,
}


def binop(op: str, left: Any, right: Any) -> Any:
    """An intercepted binary operator, checked before (repeats, powers) and after (sizes)."""
    if op == "*":
        _check_repeat(left, right)
        _check_int_product(left, right)
    elif op == "**":
        _check_power(left, right)
    elif op == "%" and isinstance(left, str):
        check_format_string(left)
    return check_size(BINOPS[op](left, right))


# --------------------------------------------------------------------------- calls


_WIDTH_METHODS = {"ljust", "rjust", "center", "zfill", "expandtabs"}


def check_call_args(obj: Any, args: tuple, kwargs: dict) -> None:
    """Refuse size arguments that would build huge values (`'a'.ljust(10**9)`,
    `'a'.replace('', big)`, `x|batch(10**9, 0)`)."""
    for arg in (*args, *kwargs.values()):
        if _is_int(arg) and abs(arg) > MAX_SIZE_ARG:
            raise TemplateBudgetError(
                f"an argument of {arg:,} is over the limit of {MAX_SIZE_ARG:,} (参数过大)"
            )
    owner = getattr(obj, "__self__", None)
    name = getattr(obj, "__name__", "")
    if isinstance(owner, str) and name == "replace" and len(args) >= 2:
        new = args[1] if isinstance(args[1], str) else ""
        if (len(owner) + 1) * len(new) > MAX_CHARS:
            raise TemplateBudgetError(f"replace would make more than {MAX_CHARS:,} characters (文本过长)")
    if isinstance(owner, str) and name == "join" and args:
        _check_join(args[0])


def _check_join(items: Any) -> None:
    if isinstance(items, (list, tuple)):
        total = 0
        for x in items:
            total += len(x) if isinstance(x, str) else 16
            if total > MAX_CHARS:
                raise TemplateBudgetError(f"join would make more than {MAX_CHARS:,} characters (文本过长)")


@contextlib.contextmanager
def call_frame() -> Iterator[None]:
    """Count a call and its nesting depth (macro recursion)."""
    budget = _budget()
    budget.tick()
    budget.depth += 1
    try:
        if budget.depth > MAX_DEPTH:
            raise TemplateBudgetError(f"calls nested more than {MAX_DEPTH} deep (宏递归过深)")
        yield
    finally:
        budget.depth -= 1


def wrap_filter(func: Any) -> Any:
    """A filter with its size arguments checked before and its result checked after."""

    def bounded(*args: Any, **kwargs: Any) -> Any:
        check_call_args(func, args[1:] if args else (), kwargs)
        if getattr(func, "__name__", "") in ("do_format",) and args:
            check_format_string(args[1] if len(args) > 1 and not isinstance(args[0], str) else args[0])
        if getattr(func, "__name__", "") == "do_join" and len(args) > 1:
            _check_join(args[1] if not isinstance(args[1], str) else None)
        return check_size(func(*args, **kwargs))

    for attr in ("jinja_pass_arg", "__name__", "__doc__", "__wrapped__"):
        if hasattr(func, attr):
            setattr(bounded, attr, getattr(func, attr))
    return bounded


# --------------------------------------------------------------------------- loops, output


def loop_filter(iterable: Any) -> Iterator[Any]:
    """Every `for` loop iterates through this: one budget step per item."""
    budget = _budget()
    for item in iterable:
        budget.tick()
        yield item


def bounded_output(chunks: Iterable[str]) -> Iterator[str]:
    """The root render stream, counted: refused past the budget's output limit."""
    budget = _budget()
    limit = budget.max_output
    for chunk in chunks:
        budget.chars += len(chunk)
        if budget.chars > limit:
            raise TemplateBudgetError(f"output of more than {limit:,} characters (输出过大)")
        yield chunk


class BudgetRewrite(NodeTransformer):
    """Wrap every `for` iterable and every `~` concatenation in the budget filters."""

    def visit_For(self, node: nodes.For) -> nodes.Node:
        self.generic_visit(node)  # transforms the children in place
        node.iter = nodes.Filter(node.iter, LOOP_FILTER, [], [], None, None, lineno=node.lineno)
        return node

    def visit_Concat(self, node: nodes.Concat) -> nodes.Node:
        self.generic_visit(node)  # transforms the children in place
        return nodes.Filter(node, SIZE_FILTER, [], [], None, None, lineno=node.lineno)


def template_line(exc: BaseException) -> int | None:
    """The template line an exception was raised at (from Jinja's rewritten traceback)."""
    tb: TracebackType | None = exc.__traceback__
    line = None
    while tb is not None:
        code = tb.tb_frame.f_code
        if code.co_filename == "<template>" or code.co_name in ("template", "top-level template code"):
            line = tb.tb_lineno
        tb = tb.tb_next
    return line
