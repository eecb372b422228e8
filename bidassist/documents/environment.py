"""The Jinja environment every template is rendered in: sandboxed, strict about missing fields,
escaping for Word's XML, with the money/date filters of bid forms.

Missing fields: a template that uses a field the data lacks gets `MissingField`, a StrictUndefined.
Inside `collect_missing()` it records the field's full path (`bidder.authorised_agent.id_number`)
and renders as empty text, so one render lists *every* missing field; the caller then refuses to
write. Outside it, it raises like StrictUndefined. Testing an absent optional field
(`{% if tender.agency %}`, `is defined`, `| default(...)`) is allowed and records nothing.
"""

# jinja2 declares StrictUndefined's dunders as `_fail_with_undefined_error(*args, **kwargs)`
# attributes, so every typed override below differs in signature from that alias.
# mypy: disable-error-code="override"

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import re
from collections.abc import Iterator
from contextvars import ContextVar
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from jinja2 import BaseLoader, StrictUndefined, Template, TemplateNotFound, nodes, pass_context
from jinja2.exceptions import TemplateRuntimeError, UndefinedError
from jinja2.runtime import Context
from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError
from jinja2.utils import missing
from markupsafe import Markup

from bidassist.core.money import AmountError, amount_words, format_money, rmb_upper, to_decimal
from bidassist.documents import budget


class Record(dict):
    """A mapping of template data that knows its path (`bidder`, `schedule.rows[3]`), so that a
    field it lacks is reported by its full name."""

    __slots__ = ("_path",)

    def __init__(self, path: str, data: dict[str, Any]) -> None:
        super().__init__(data)
        self._path = path


_collector: ContextVar[list[str] | None] = ContextVar("bidassist_missing_fields", default=None)


def _path_of(obj: Any, name: str | None) -> str:
    if isinstance(obj, MissingField):
        base: str | None = obj.field_path
    else:
        base = obj._path if isinstance(obj, Record) else None
    if name is None:
        return base or "?"
    if isinstance(name, int):
        return f"{base}[{name}]" if base else f"[{name}]"
    return f"{base}.{name}" if base else str(name)


class MissingField(StrictUndefined):
    """StrictUndefined that knows the full path of the missing field and, while a collector is
    active, records it instead of raising (so every missing field is reported at once)."""

    __slots__ = ("field_path",)

    def __init__(
        self,
        hint: str | None = None,
        obj: Any = missing,
        name: str | None = None,
        exc: type[TemplateRuntimeError] = UndefinedError,
    ) -> None:
        super().__init__(hint, obj, name, exc)
        self.field_path = _path_of(obj, name)

    # -- security errors always raise
    def _unsafe(self) -> bool:
        return self._undefined_exception is SecurityError

    def _record(self) -> bool:
        if self._unsafe():
            self._fail_with_undefined_error()
        sink = _collector.get()
        if sink is None:
            return False
        if self.field_path not in sink:
            sink.append(self.field_path)
        return True

    def __getattr__(self, name: str) -> Any:
        if name[:1] == "_" or self._unsafe():
            return super().__getattr__(name)
        return MissingField(obj=self, name=name)

    def __getitem__(self, key: Any) -> Any:
        if self._unsafe():
            self._fail_with_undefined_error()
        return MissingField(obj=self, name=key)

    def __str__(self) -> str:
        if self._record():
            return ""
        return super().__str__()

    def __html__(self) -> str:
        return str(self)

    def __iter__(self) -> Iterator[Any]:
        if self._record():
            return iter(())
        return super().__iter__()

    def __len__(self) -> int:
        if self._record():
            return 0
        return super().__len__()

    def __bool__(self) -> bool:
        if self._unsafe():
            self._fail_with_undefined_error()
        return False  # `{% if optional.field %}` is how templates test optional data

    def __eq__(self, other: object) -> bool:
        return (
            isinstance(other, MissingField)
            and type(self) is type(other)
            and self.field_path == other.field_path
        )

    def __ne__(self, other: object) -> bool:
        return not self.__eq__(other)

    def __hash__(self) -> int:
        return hash(self.field_path)


@contextlib.contextmanager
def collect_missing() -> Iterator[list[str]]:
    """Record missing fields (full paths) used while rendering inside the block."""
    sink: list[str] = []
    token = _collector.set(sink)
    try:
        yield sink
    finally:
        _collector.reset(token)


# --------------------------------------------------------------------------- filters


def _missing(value: Any) -> bool:
    """True (and recorded) when a filter gets a missing field."""
    if isinstance(value, MissingField):
        value._record()  # raises outside a collector
        return True
    return False


def _amount(value: Any, what: str) -> Decimal:
    try:
        return to_decimal(value)
    except AmountError as exc:
        raise AmountError(f"{what}: {exc.message}") from None


def money_filter(value: Any, symbol: str = "") -> str:
    """`{{ 1234.5 | money }}` -> `1,234.50`; `{{ x | money('¥') }}` -> `¥1,234.50`."""
    if _missing(value):
        return ""
    return format_money(_amount(value, "money"), symbol=symbol)


def rmb_upper_filter(value: Any, prefix: bool = False) -> str:
    """`{{ 1409.5 | rmb_upper }}` -> `壹仟肆佰零玖元伍角`."""
    if _missing(value):
        return ""
    return rmb_upper(_amount(value, "rmb_upper"), prefix=prefix)


@pass_context
def amount_words_filter(context: Context, value: Any, currency: str | None = None) -> str:
    """`{{ 1409.5 | amount_words }}` -> `Renminbi One Thousand Four Hundred and Nine Yuan and Fifty
    Fen Only` (currency: the argument, else the template data's `currency`, else CNY)."""
    if _missing(value):
        return ""
    cur = currency or context.get("currency") or "CNY"
    if isinstance(cur, MissingField):
        cur = "CNY"
    return amount_words(_amount(value, "amount_words"), str(cur))


def _to_date(value: Any, what: str) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip()[:10])
        except ValueError:
            pass
    raise AmountError(f"{what}: {value!r} is not a date (YYYY-MM-DD)")


def date_cn_filter(value: Any) -> str:
    """`{{ offer.date | date_cn }}` -> `2026年11月22日` (no leading zeros)."""
    if _missing(value):
        return ""
    d = _to_date(value, "date_cn")
    return f"{d.year}年{d.month}月{d.day}日"


_MONTHS = ("January February March April May June July August September October November December").split()


def date_en_filter(value: Any) -> str:
    """`{{ offer.date | date_en }}` -> `22 November 2026`."""
    if _missing(value):
        return ""
    d = _to_date(value, "date_en")
    return f"{d.day} {_MONTHS[d.month - 1]} {d.year}"


def percent_filter(value: Any, digits: int | None = None) -> str:
    """`{{ 0.13 | percent }}` -> `13%`; `{{ 0.035 | percent }}` -> `3.5%`; `{{ x | percent(2) }}`
    -> `3.50%` (half-up)."""
    if _missing(value):
        return ""
    d = _amount(value, "percent") * 100
    if digits is not None:
        d = d.quantize(Decimal(1).scaleb(-int(digits)), rounding=ROUND_HALF_UP)
        return f"{d:f}%"
    d = d.quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP).normalize()
    text = f"{d:f}"
    return f"{text}%"


def number_filter(value: Any, digits: int | None = None) -> str:
    """`{{ 1200 | number }}` -> `1,200`; `{{ 12.50 | number }}` -> `12.5`; `{{ x | number(2) }}`
    -> `12.50` (quantities: no trailing zeros, no exponent)."""
    if _missing(value):
        return ""
    d = _amount(value, "number")
    if digits is not None:
        d = d.quantize(Decimal(1).scaleb(-int(digits)), rounding=ROUND_HALF_UP)
        return f"{d:,f}"
    text = f"{d:,f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


FILTERS = {
    "number": number_filter,
    "money": money_filter,
    "rmb_upper": rmb_upper_filter,
    "amount_words": amount_words_filter,
    "date_cn": date_cn_filter,
    "date_en": date_en_filter,
    "percent": percent_filter,
}

# Characters XML 1.0 forbids, and the ones docxtpl turns into page/paragraph breaks (\a \f \v).
# Also U+FFFE/U+FFFF and lone surrogates: not XML characters, and docxtpl's recovering re-parse of
# a document holding one silently drops `<`, `>` and `&` from other fields.
_BAD_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff\ud800-\udfff]")


def _finalize(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, str) and not isinstance(value, Markup):
        return _BAD_CHARS.sub("", value)
    return value


class _NoFiles(BaseLoader):
    """Templates may not include, import or extend other files."""

    def get_source(self, environment: Any, template: str) -> Any:
        raise TemplateNotFound(f"{template} (a template cannot include, import or extend files)")


class BidSandbox(ImmutableSandboxedEnvironment):
    """The sandbox: no attribute starting with `_`, no unsafe callables, no loader (so no
    `include`/`import` of files), and no method that changes a list, dict or set (`rows.clear()`,
    `price.update(...)`), so one template cannot change the data the next one reads. The data
    itself is plain (see `context.plain`): no live Python object such as a path is reachable.

    Every render runs under a budget (see `budget`): calls, operators, loops, concatenations and
    the output are counted and bounded through the hooks the sandbox provides."""

    intercepted_binops = frozenset(budget.BINOPS)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._compiled: dict[str, Template] = {}

    def call(__self, __context: Context, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805
        budget.check_call_args(__obj, args, kwargs)
        with budget.call_frame():
            result = super().call(__context, __obj, *args, **kwargs)
        return budget.check_size(result)

    def call_binop(self, context: Context, operator: str, left: Any, right: Any) -> Any:
        return budget.binop(operator, left, right)

    def wrap_str_format(self, value: Any) -> Any:
        wrapped = super().wrap_str_format(value)
        if wrapped is not None:
            budget.check_format_string(value.__self__)
        return wrapped

    def _generate(
        self, source: nodes.Template, name: str | None, filename: str | None, defer_init: bool = False
    ) -> str:
        return super()._generate(budget.BudgetRewrite().visit(source), name, filename, defer_init=defer_init)

    def from_string(self, source: Any, globals: Any = None, template_class: Any = None) -> Template:  # noqa: A002
        """Jinja's from_string, with the compiled template kept for the same source (docxtpl
        compiles a template's body, headers and footers anew on every render)."""
        if globals is not None or template_class is not None or not isinstance(source, str):
            return super().from_string(source, globals, template_class)
        compiled = self._compiled.get(source)
        if compiled is None:
            compiled = super().from_string(source)
            if len(self._compiled) >= COMPILED_KEPT:
                self._compiled.pop(next(iter(self._compiled)))  # the oldest
            self._compiled[source] = compiled
        return compiled


class BudgetTemplate(Template):
    """A template whose render runs under one render budget and whose output is counted."""

    def render(self, *args: Any, **kwargs: Any) -> str:
        with budget.render_budget():
            ctx = self.new_context(dict(*args, **kwargs))
            try:
                return self.environment.concat(budget.bounded_output(self.root_render_func(ctx)))
            except Exception:
                self.environment.handle_exception()
        raise AssertionError("unreachable")  # pragma: no cover - handle_exception always raises


BidSandbox.template_class = BudgetTemplate


#: compiled templates an environment keeps (by source text)
COMPILED_KEPT = 32


@functools.lru_cache(maxsize=2)
def shared_environment(*, autoescape: bool) -> BidSandbox:
    """One environment per escaping mode for every render, so that a template's compiled form is
    reused (the environment is never changed after `make_environment`; budgets, missing-field
    collectors and table rows are per render, in context variables)."""
    return make_environment(autoescape=autoescape)


def make_environment(*, autoescape: bool) -> BidSandbox:
    """A fresh sandboxed environment with the bid filters. `autoescape=True` for Word XML and
    HTML (values with & < > " ' appear exactly as written), False for plain text / Markdown."""
    env = BidSandbox(
        loader=_NoFiles(),
        undefined=MissingField,
        autoescape=autoescape,
        finalize=_finalize,
        keep_trailing_newline=True,
    )
    env.filters.update(FILTERS)
    env.filters = {name: budget.wrap_filter(f) for name, f in env.filters.items()}
    env.filters[budget.LOOP_FILTER] = budget.loop_filter
    env.filters[budget.SIZE_FILTER] = budget.check_size
    return env
