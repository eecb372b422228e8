"""The company profile (`profile.yaml`): tier cut-offs, margin policy per tier, the annual rate,
what counts as late, and the thresholds of the fake-key-account flags and of bid/no-bid. Data, not
code: the shipped default is `bidassist/profiles/default.yaml`."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

from pydantic import Field, model_validator

from bidassist.core.errors import InputError
from bidassist.core.resources import package_path
from bidassist.core.types import Rate, StrictModel
from bidassist.core.yamlfile import YamlDoc, load_yaml, validate

TIERS = ("A", "B", "C")


class Tiers(StrictModel):
    A: Rate = Field(gt=0, le=1)
    B: Rate = Field(gt=0, le=1)

    @model_validator(mode="after")
    def _ordered(self) -> Tiers:
        if self.B < self.A:
            raise ValueError(f"B ({self.B}) must be at least A ({self.A}): cut-offs are cumulative shares")
        return self


class MarginFloor(StrictModel):
    A: Rate = Field(ge=-1, le=1)
    B: Rate = Field(ge=-1, le=1)
    C: Rate = Field(ge=-1, le=1)

    def of(self, tier: str) -> Decimal:
        return Decimal(getattr(self, tier))


class OneOff(StrictModel):
    max_orders: int = Field(ge=1)
    p_alive_below: float = Field(gt=0, lt=1)


class Squeezer(StrictModel):
    min_tenders: int = Field(ge=2)
    margin_slope_below: float = Field(le=0)
    dso_slope_above: float = Field(ge=0)
    findings_at_least: int = Field(ge=1)
    penalties_share_above: float = Field(ge=0, le=1)
    signals_needed: int = Field(ge=1, le=4)


class Defection(StrictModel):
    gap_ratio: float = Field(gt=1)
    rate_drop_below: float = Field(gt=0, lt=1)
    lost_to_same_competitor: int = Field(ge=1)


class Flags(StrictModel):
    one_off: OneOff
    squeezer: Squeezer
    defection: Defection


class Decide(StrictModel):
    min_p_win: float = Field(ge=0, le=1)
    no_bid_flags: list[str] = Field(default_factory=list)
    max_high_findings: int = Field(ge=0)
    max_dso_days: int = Field(ge=0, le=3650)
    dso_over_terms_days: int = Field(ge=0)


class Profile(StrictModel):
    currency: str = "CNY"
    annual_rate: Rate = Field(ge=0, le=1)
    default_terms_days: int = Field(ge=0, le=3650)
    late_grace_days: int = Field(ge=0, le=3650)
    tiers: Tiers
    margin_floor: MarginFloor
    big_revenue_share: Rate = Field(gt=0, le=1)
    flags: Flags
    decide: Decide

    @model_validator(mode="after")
    def _known_flags(self) -> Profile:
        unknown = set(self.decide.no_bid_flags) - set(Flags.model_fields)
        if unknown:
            raise ValueError(
                f"decide.no_bid_flags: unknown flag(s) {', '.join(sorted(unknown))}; "
                f"use {', '.join(Flags.model_fields)}"
            )
        return self


DEFAULT_PROFILE = package_path("profiles") / "default.yaml"


def _overlay(base: Any, over: Any) -> Any:
    """`over` laid on `base`: mappings merged key by key, anything else (a list too) replaced."""
    if isinstance(base, dict) and isinstance(over, dict):
        return {**base, **{k: _overlay(base.get(k), v) for k, v in over.items()}}
    return over


def load_profile(path: Path | None = None) -> Profile:
    """The shipped default, with the profile at `path` laid over it (a profile gives only what it
    changes); every problem reported with the file and line where the user wrote it."""
    default = load_yaml(DEFAULT_PROFILE)
    if path is None:
        return validate(Profile, default)
    doc = load_yaml(path)
    if doc.data is not None and not isinstance(doc.data, dict):
        raise InputError("a profile is a mapping of settings (key: value)", doc.where(()))
    if doc.data is None:
        return validate(Profile, doc)  # "file is empty"
    return validate(Profile, YamlDoc(_overlay(default.data, doc.data), doc.lines, doc.name))
