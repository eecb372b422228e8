"""The small vocabulary of probability distributions used everywhere in bid files:
fixed (value), uniform (low, high), triangular and pert (low, mode, high), normal (mean, sd),
lognormal (mean and sd of the value, or p10 and p90)."""

from __future__ import annotations

import math
from typing import Annotated, Literal

from pydantic import Field, model_validator

from bidassist.core.types import Num, StrictModel


class Fixed(StrictModel):
    dist: Literal["fixed"] = Field(description="always this value")
    value: Num = Field(description="the value")

    @property
    def mean(self) -> float:
        return self.value


class Uniform(StrictModel):
    dist: Literal["uniform"] = Field(description="any value between low and high alike")
    low: Num = Field(description="lowest value")
    high: Num = Field(description="highest value")

    @model_validator(mode="after")
    def _order(self) -> Uniform:
        if self.low > self.high:
            raise ValueError(f"low ({self.low}) must be ≤ high ({self.high})")
        return self

    @property
    def mean(self) -> float:
        return (self.low + self.high) / 2


class _ThreePoint(StrictModel):
    low: Num = Field(description="lowest value")
    mode: Num = Field(description="most likely value")
    high: Num = Field(description="highest value")

    @model_validator(mode="after")
    def _order(self) -> _ThreePoint:
        if not self.low <= self.mode <= self.high:
            raise ValueError(f"need low ≤ mode ≤ high, got {self.low}, {self.mode}, {self.high}")
        return self


class Triangular(_ThreePoint):
    dist: Literal["triangular"] = Field(description="triangular on low, mode, high")

    @property
    def mean(self) -> float:
        return (self.low + self.mode + self.high) / 3


class Pert(_ThreePoint):
    dist: Literal["pert"] = Field(description="PERT (beta) on low, mode, high")

    @property
    def mean(self) -> float:
        return (self.low + 4 * self.mode + self.high) / 6


class Normal(StrictModel):
    dist: Literal["normal"] = Field(description="normal")
    mean: Num = Field(description="mean")
    sd: float = Field(description="standard deviation", ge=0, le=1e15)


class Lognormal(StrictModel):
    """Lognormal given by the mean and sd of the value itself, or by its P10 and P90."""

    dist: Literal["lognormal"] = Field(description="lognormal: mean and sd of the value, or p10 and p90")
    mean: float | None = Field(description="mean of the value (with sd)", default=None, gt=0, le=1e15)
    sd: float | None = Field(description="sd of the value (with mean)", default=None, ge=0, le=1e15)
    p10: float | None = Field(description="10th percentile (with p90)", default=None, gt=0, le=1e15)
    p90: float | None = Field(description="90th percentile (with p10)", default=None, gt=0, le=1e15)

    @model_validator(mode="after")
    def _one_form(self) -> Lognormal:
        by_moments = self.mean is not None and self.sd is not None
        by_quantiles = self.p10 is not None and self.p90 is not None
        if by_moments == by_quantiles:
            raise ValueError("give either mean and sd, or p10 and p90")
        if self.p10 is not None and self.p90 is not None and not self.p10 < self.p90:
            raise ValueError("p10 must be below p90")
        return self

    def log_params(self) -> tuple[float, float]:
        """(mu, sigma) of the underlying normal."""
        if self.mean is not None and self.sd is not None:
            sigma2 = math.log1p((self.sd / self.mean) ** 2)
            return math.log(self.mean) - sigma2 / 2, math.sqrt(sigma2)
        z90 = 1.2815515655446004
        lo, hi = math.log(self.p10), math.log(self.p90)  # type: ignore[arg-type]
        return (lo + hi) / 2, (hi - lo) / (2 * z90)

    @property
    def expected(self) -> float:
        mu, sigma = self.log_params()
        return math.exp(mu + sigma**2 / 2)


Dist = Annotated[Fixed | Uniform | Triangular | Pert | Normal | Lognormal, Field(discriminator="dist")]
