"""Scenarios: overrides of the bid file's `pricing` section, priced side by side with the base.

A scenario file is a YAML mapping of pricing keys (plus an optional `name`), merged into the base
section key by key. Giving one of `competitors.price / ratio / history` replaces the others; an
`evaluation` with another `method` replaces the base evaluation. Errors name the scenario file and
the line of the key.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from bidassist.core.bidfile import Bid, PricingSection
from bidassist.core.errors import InputError, ProblemsError
from bidassist.core.yamlfile import YamlDoc, load_yaml, validation_problems
from bidassist.costs.model import CostModel
from bidassist.pricing.result import PriceResult

_COMPETITOR_MODELS = ("price", "ratio", "history")


def merge(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    """Deep merge of `over` into `base` (see the module docstring)."""
    out = dict(base)
    for key, value in over.items():
        old = out.get(key)
        if key == "competitors" and isinstance(old, dict) and isinstance(value, dict):
            if any(k in value for k in _COMPETITOR_MODELS):
                old = {k: v for k, v in old.items() if k not in _COMPETITOR_MODELS}
        if key == "evaluation" and isinstance(old, dict) and isinstance(value, dict):
            if value.get("method", old.get("method")) != old.get("method"):
                old = {}
        out[key] = merge(old, value) if isinstance(old, dict) and isinstance(value, dict) else value
    return out


def _plain(section: BaseModel) -> dict[str, Any]:
    """The section as the user would write it (only keys that were set or hold values)."""
    return section.model_dump(mode="python", exclude_unset=True)


def load_scenario(bid: Bid, path: Path) -> tuple[str, Bid]:
    """(name, bid with the scenario's pricing)."""
    doc = load_yaml(Path(path))
    if not isinstance(doc.data, dict):
        raise InputError(
            "a scenario is a mapping of pricing keys (competitors:, evaluation:, ...)", str(path)
        )
    if bid.pricing is None:
        raise InputError("the bid file has no pricing section to vary", str(path))
    data = dict(doc.data)
    name = str(data.pop("name", Path(path).stem))
    merged = merge(_plain(bid.pricing), data)
    try:
        section = PricingSection.model_validate(merged, context={"base_dir": Path(path).resolve().parent})
    except ValidationError as exc:
        raise ProblemsError(
            validation_problems(exc, YamlDoc(merged, doc.lines, doc.name)),
            f"{doc.name} is not a valid scenario",
        ) from None
    return name, bid.model_copy(update={"pricing": section})


def scenario_summary(name: str, path: Path, r: PriceResult) -> dict[str, Any]:
    """The compact JSON of one scenario, beside the base result."""
    j = r.to_json()
    return {
        "name": name,
        "file": str(path),
        "recommended": j["recommended"],
        "uncertainty": j["uncertainty"],
        "near_optimal_band": j["near_optimal_band"],
        "range": j["range"],
        "decision": j["decision"],
        "policy_satisfied": j["policy_satisfied"],
        "inputs_hash": j["inputs_hash"],
    }


def price_scenarios(
    bid: Bid, costs: CostModel, files: list[Path], price: Callable[[Bid], PriceResult]
) -> list[dict[str, Any]]:
    """Price each scenario with `price` (the same iterations and seed as the base)."""
    out = []
    for f in files:
        name, sbid = load_scenario(bid, f)
        out.append(scenario_summary(name, f, price(sbid)))
    return out
