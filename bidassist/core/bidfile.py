"""The bid file (`bid.yaml`): one pydantic model for a bid.

Sections: `tender` (what the buyer asks), `bidder` (who we are), `costs` (a cost sheet or lines),
`pricing` (simulation, competitors, evaluation, policy, payment terms), `offer` (what we put in
the envelope), `documents` (which forms to write), `contract` (the buyer's draft to check).
Unknown keys are errors; relative paths resolve against the bid file's folder.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, ValidationInfo, field_validator, model_validator

from bidassist.core.distributions import Dist
from bidassist.core.errors import InputError
from bidassist.core.types import DataPath, Money, Rate, StrictModel
from bidassist.core.yamlfile import YamlDoc, load_yaml, validate

#: Documented bounds of the numbers in a bid file (the bound is named in each error message).
MAX_ITERATIONS = 10_000_000
MAX_SEED = 2**63 - 1
MAX_DAYS = 36_500
MAX_MONTHS = 1_200
MAX_COMPETITORS = 200

# --------------------------------------------------------------------------- tender and bidder


class GoodsOffer(StrictModel):
    """What a goods tender's 分项报价表 shows for a bill item: 品牌 / 型号 / 产地 / 交货期."""

    brand: str | None = Field(default=None, description="品牌（制造商）")
    model: str | None = Field(default=None, description="型号规格")
    origin: str | None = Field(default=None, description="产地")
    delivery: str | None = Field(default=None, description="交货期")


class BillSection(StrictModel):
    """The buyer's bill of quantities (工程量清单 / 报价清单) that the bid must price item by item."""

    file: DataPath = Field(description="the buyer's bill (.xlsx/.xls/.ods/.csv)")
    sheet: str | None = Field(default=None, description="the sheet holding the bill")
    mapping: DataPath | None = Field(
        default=None, description="the mapping sheet from `bidassist bill map-template`, filled in"
    )
    rate_decimals: int = Field(default=2, ge=0, le=2, description="decimals of 综合单价 (2 = cents)")
    goods: dict[str, GoodsOffer] = Field(
        default_factory=dict, description="item code (or '*' for every item) -> brand/model/origin/delivery"
    )


class Tender(StrictModel):
    name: str = Field(min_length=1, description="project name (项目名称)")
    number: str = Field(min_length=1, description="tender / project number (招标编号)")
    buyer: str = Field(min_length=1, description="the buyer (招标人/采购人)")
    agency: str | None = Field(default=None, description="tendering agency (招标代理机构)")
    lot: str | None = Field(default=None, description="lot (标段/包号)")
    kind: Literal["goods", "works", "services"] = Field(
        default="goods",
        description="goods (货物), works (工程) or services (服务); works tenders get 投标函附录 by default",
    )
    currency: str = Field(
        description="ISO 4217 code of the tender's prices", default="CNY", pattern=r"^[A-Z]{3}$"
    )
    deadline: dt.datetime | dt.date = Field(description="bid submission deadline (投标截止时间)")
    bid_validity_days: int = Field(ge=1, le=MAX_DAYS, description="bid validity the tender requires (days)")
    duration_days: int | None = Field(
        default=None, ge=1, le=MAX_DAYS, description="工期/交货期 required (days)"
    )
    delivery_place: str | None = Field(default=None, description="交货地点 / place of performance")
    quality_standard: str | None = Field(default=None, description="质量标准 the tender requires")
    warranty_months: int | None = Field(
        description="质保期 the tender requires (months)", default=None, ge=0, le=MAX_MONTHS
    )
    bid_bond: Money | None = Field(
        description="投标保证金 (on the forms in figures and capitals)", default=None, ge=0
    )
    ceiling_price: Money | None = Field(default=None, gt=0, description="最高投标限价")
    terms_file: DataPath | None = Field(
        default=None,
        description="the tender's contract terms; `check` compares the contract with them when contract.against is not given",
    )
    bill: BillSection | None = Field(default=None, description="the buyer's bill to price (清单计价)")
    bill_map: dict[str, list[str]] = Field(
        default_factory=dict, description="bill item code -> our cost line codes or categories"
    )

    @field_validator("bill_map", mode="before")
    @classmethod
    def _one_or_many(cls, v: object) -> object:
        if isinstance(v, dict):
            return {str(k): [str(i) for i in (x if isinstance(x, list) else [x])] for k, x in v.items()}
        return v


class Person(StrictModel):
    name: str = Field(description="姓名", min_length=1)
    title: str | None = Field(default=None, description="职务")
    sex: str | None = Field(default=None, description="性别")
    age: int | None = Field(description="年龄", default=None, ge=16, le=120)
    id_number: str | None = Field(default=None, description="身份证号码")
    phone: str | None = Field(default=None, description="联系电话")


class Bidder(StrictModel):
    company: str = Field(description="投标人名称 (company name as registered)", min_length=1)
    legal_representative: Person = Field(description="法定代表人 (法定代表人身份证明, 授权委托书)")
    authorised_agent: Person | None = Field(
        default=None, description="委托代理人; given: 授权委托书 is in the set"
    )
    address: str = Field(description="地址", min_length=1)
    phone: str = Field(description="电话", min_length=1)
    post_code: str | None = Field(default=None, description="邮政编码")
    email: str | None = Field(default=None, description="电子邮箱")
    fax: str | None = Field(default=None, description="传真")
    company_type: str | None = Field(default=None, description="企业性质, e.g. 有限责任公司")
    founded: dt.date | None = Field(default=None, description="成立日期")
    business_term: str | None = Field(default=None, description="营业期限, e.g. 长期")
    sme: bool = Field(default=False, description="small or micro enterprise (中小企业)")


# --------------------------------------------------------------------------- costs


class Spread(StrictModel):
    """Default three-point spread for single-price lines of a category: low = likely×(1+low),
    high = likely×(1+high), e.g. 材料: {low: -0.05, high: 0.12} or {low: "-5%", high: "12%"}."""

    low: Rate = Field(description='≤ 0: low unit cost = likely × (1 + low); also "-5%"', le=0)
    high: Rate = Field(description='≥ 0: high unit cost = likely × (1 + high); also "12%"', ge=0)


class CostLineInput(StrictModel):
    """A cost line written in the bid file (instead of a cost sheet)."""

    code: str | None = Field(
        default=None, description="line code (项目编码), used by correlation groups and bill_map"
    )
    description: str = Field(description="what the line is (项目名称)", min_length=1)
    unit: str | None = Field(default=None, description="计量单位")
    quantity: Decimal = Field(description="数量 / 工程量", ge=0)
    likely: Money = Field(description="most likely unit cost (ex VAT)")
    low: Money | None = Field(default=None, description="lowest unit cost; default: likely")
    high: Money | None = Field(default=None, description="highest unit cost; default: likely")
    distribution: Literal["fixed", "triangular", "pert", "uniform"] | None = Field(
        default=None, description="default: pert when low < high, else fixed"
    )
    category: str | None = Field(
        default=None, description="cost category (设备, 材料, 人工, …): spreads and correlation"
    )
    risk: bool = Field(default=False, description="a risk item (风险项); kept on the imported line")

    @model_validator(mode="after")
    def _order(self) -> CostLineInput:
        low = self.low if self.low is not None else self.likely
        high = self.high if self.high is not None else self.likely
        if not low <= self.likely <= high:
            raise ValueError(f"need low ≤ likely ≤ high, got {low}, {self.likely}, {high}")
        return self


#: fields a cost sheet column can hold. `price` is a single unit price; `low/likely/high` a three-point one
COST_FIELDS = (
    "code",
    "description",
    "unit",
    "quantity",
    "price",
    "amount",
    "low",
    "likely",
    "high",
    "category",
    "distribution",
    "risk",
    "labour",
    "material",
    "machinery",
    "overhead_profit",
)
#: map keys that are rows, not columns: the header row, the first and the last data row
COST_MAP_ROWS = ("header", "first", "last")
#: what `costs.map` may name (`map: {description: B, quantity: D, header: 3}`)
COST_MAP_FIELDS = (*COST_FIELDS, *COST_MAP_ROWS)


class CostsSection(StrictModel):
    file: DataPath | None = Field(default=None, description="cost sheet (.xlsx/.xlsm/.xls/.ods/.csv)")
    sheet: str | None = Field(default=None, description="one sheet; default: every sheet with a cost table")
    map: dict[str, str] | None = Field(default=None, description="field -> column letter (header -> row)")
    spread: dict[str, Spread] = Field(default_factory=dict, description="category -> spread")
    lines: list[CostLineInput] | None = Field(
        default=None, description="cost lines written in the bid file, instead of file"
    )

    @field_validator("map", mode="before")
    @classmethod
    def _map(cls, v: object) -> object:
        if not isinstance(v, dict):
            return v
        out = {}
        for key, col in v.items():
            if key not in COST_MAP_FIELDS:
                raise ValueError(f"unknown field {key!r} (use {', '.join(COST_MAP_FIELDS)})")
            text = str(col).strip().upper()
            ok = (
                text.isdigit() and int(text) >= 1
                if key in COST_MAP_ROWS
                else (text.isascii() and text.isalpha() and 1 <= len(text) <= 3)
            )
            if not ok:
                raise ValueError(
                    f"{key}: {col!r} is not a "
                    + ("row number" if key in COST_MAP_ROWS else "column letter such as D")
                )
            out[key] = text
        return out

    @model_validator(mode="after")
    def _one_source(self) -> CostsSection:
        if (self.file is None) == (self.lines is None):
            raise ValueError("give either file (a cost sheet) or lines, not both or neither")
        if self.file is None and (self.sheet is not None or self.map is not None):
            raise ValueError("sheet and map apply to a cost sheet file, not to lines")
        return self


# --------------------------------------------------------------------------- pricing


class RiskEvent(StrictModel):
    name: str = Field(description="what may happen", min_length=1)
    probability: float = Field(description="chance it happens", ge=0, le=1)
    impact: Dist = Field(description="its cost when it happens")


class Correlation(StrictModel):
    within_category: float = Field(
        description="rank correlation between the lines of one category", default=0.3, ge=-1, le=1
    )
    groups: dict[str, list[str]] = Field(default_factory=dict, description="name -> line codes")
    within_group: float = Field(
        description="rank correlation inside a group (instead of the category's); a line is in one group only",
        default=0.5,
        ge=-1,
        le=1,
    )


class Vat(StrictModel):
    rate: Rate = Field(description='VAT rate, e.g. 0.13 or "13%"', ge=0, lt=1)
    included: bool = Field(
        default=True, description="bids are compared including VAT (true) or ex VAT (false)"
    )


class PaymentMilestone(StrictModel):
    share: Rate = Field(description="share of the price paid at this milestone", gt=0, le=1)
    days: int = Field(ge=0, le=MAX_DAYS, description="days after delivery/acceptance until paid")
    name: str | None = Field(default=None, description="e.g. 到货, 验收")


class Retention(StrictModel):
    share: Rate = Field(description="质保金 share of the price", ge=0, le=1)
    months: int = Field(description="paid this many months after delivery", ge=0, le=MAX_MONTHS)


class SpendPoint(StrictModel):
    share: Rate = Field(description="share of our cost spent on this day", gt=0, le=1)
    day: int = Field(ge=0, le=MAX_DAYS, description="days after contract signing")


class Bond(StrictModel):
    share: Rate = Field(gt=0, le=1, description="bond amount as a share of the price")
    annual_fee: Rate = Field(ge=0, le=1, description="bank fee a year, share of the bond amount")
    months: float = Field(description="how long the bond runs", gt=0, le=600)


class PaymentTerms(StrictModel):
    advance: Rate = Field(description="预付款 share, received at signing", default=Decimal(0), ge=0, le=1)
    milestones: list[PaymentMilestone] = Field(
        description="payments after delivery; with milestones every share adds up to 1", default_factory=list
    )
    retention: Retention | None = Field(
        default=None,
        description="质保金 withheld; without milestones the balance after advance and retention is paid at delivery",
    )
    annual_rate: Rate = Field(
        description="discount rate of the NPV at signing", default=Decimal("0.045"), ge=0, le=1
    )
    duration_days: int | None = Field(default=None, ge=0, le=MAX_DAYS, description="contract work period")
    spending: list[SpendPoint] = Field(
        default_factory=list, description="our spending profile; default: even over the duration"
    )
    bond: Bond | None = Field(default=None, description="a performance bond's bank fee (履约保函)")

    @model_validator(mode="after")
    def _shares_sum_to_one(self) -> PaymentTerms:
        ret = self.retention.share if self.retention else 0
        total = self.advance + sum(m.share for m in self.milestones) + ret
        if self.milestones and abs(total - 1) > Decimal("0.0001"):
            raise ValueError(
                f"advance {self.advance} + milestones {sum(m.share for m in self.milestones)} + "
                f"retention {ret} = {total}: the shares must add up to 1"
            )
        if not self.milestones and self.advance + ret > 1:
            raise ValueError(
                f"advance {self.advance} + retention {ret} = {self.advance + ret} leaves a negative "
                "balance at delivery: the shares must add up to at most 1"
            )
        spent = sum((s.share for s in self.spending), Decimal(0))
        if self.spending and abs(spent - 1) > Decimal("0.0001"):
            raise ValueError(f"spending shares add up to {spent}, not 1")
        return self


def _count_in_bounds(n: int) -> None:
    if n < 1:
        raise ValueError("must be ≥ 1")
    if n > MAX_COMPETITORS:
        raise ValueError(f"must be ≤ {MAX_COMPETITORS} (competitors in one tender)")


class CountChoice(StrictModel):
    values: list[int] = Field(description="possible numbers of competitors", min_length=1)
    weights: list[Annotated[float, Field(ge=0, le=1e6)]] | None = Field(
        default=None, description="their relative weights; default: equal"
    )

    @field_validator("values")
    @classmethod
    def _positive(cls, v: list[int]) -> list[int]:
        for x in v:
            _count_in_bounds(x)
        return v

    @model_validator(mode="after")
    def _weights(self) -> CountChoice:
        if self.weights is not None:
            if len(self.weights) != len(self.values):
                raise ValueError("weights must have one entry per value")
            if any(w < 0 for w in self.weights) or sum(self.weights) <= 0:
                raise ValueError("weights must be ≥ 0 and not all 0")
        return self


class History(StrictModel):
    file: DataPath | None = Field(default=None, description="past bids, CSV or XLSX (or `db`)")
    db: bool | str | None = Field(
        default=None,
        description="fit from the bid-history store instead of a file: true (BIDASSIST_DB or "
        "bidassist.db beside the bid file), or a store path / postgresql:// URL",
    )
    buyer: str | None = Field(default=None, description="db: only this buyer's tenders (and its group's)")
    category: str | None = Field(default=None, description="db: only tenders of this category")
    since: dt.date | int | None = Field(
        default=None, description="db: only tenders from this date or year on"
    )
    reference: Literal["estimate", "median", "lowest"] = Field(
        default="estimate",
        description="what a bid is divided by: the tender's cost estimate column, or the "
        "median / lowest bid of the tender when there is no estimate",
    )
    half_life_years: float | None = Field(default=None, gt=0, le=1000, description="weight recent tenders")
    us: str | None = Field(
        default=None, description="our own name in the file (our bids are not a competitor's)"
    )
    min_tenders: int = Field(
        default=2, ge=2, le=10_000, description="tenders a bidder needs to be fitted on its own"
    )
    p_lowest_not_awarded: float | None = Field(
        default=None,
        ge=0,
        lt=1,
        description="lowest price: the chance the lowest bid is not awarded (then one of the others is); "
        "default: estimated from the history's winners; 0 switches it off",
    )
    reference_price: Money | None = Field(
        default=None,
        gt=0,
        description="the reference (estimate / median / lowest bid) expected in this tender; "
        "default: our expected cost on the bids' basis",
    )
    base_dir: Path | None = Field(default=None, exclude=True, description="set from the bid file's folder")

    @model_validator(mode="before")
    @classmethod
    def _base(cls, data: object, info: ValidationInfo) -> object:
        if isinstance(data, dict) and "base_dir" in data:
            raise ValueError("unknown key base_dir")
        base = (info.context or {}).get("base_dir")
        return {**data, "base_dir": base} if isinstance(data, dict) and base is not None else data

    @model_validator(mode="after")
    def _one_source(self) -> History:
        if (self.file is None) == (self.db is None or self.db is False):
            raise ValueError("give either file (a past-bids file) or db (the bid-history store)")
        if self.file is not None and (self.buyer or self.category or self.since is not None):
            raise ValueError("buyer, category and since filter the store (db), not a file")
        return self

    @property
    def label(self) -> str:
        """Where the history comes from, as the result describes it."""
        if self.file is not None:
            return self.file.name
        filters = ", ".join(
            f"{k}={v}"
            for k, v in (("buyer", self.buyer), ("category", self.category), ("since", self.since))
            if v is not None
        )
        return "the bid-history store" + (f" ({filters})" if filters else "")


class Competitors(StrictModel):
    count: int | CountChoice = Field(default=3, description="number of competitors, or {values, weights}")
    price: Dist | None = Field(
        default=None, description="each rival's bid in money (one of price, ratio, history)"
    )
    ratio: Dist | None = Field(
        default=None, description="each rival's bid as a multiple of our expected cost on the bids' basis"
    )
    history: History | None = Field(
        default=None, description="rivals fitted from past tenders (a file or the store)"
    )
    common_factor: float = Field(
        default=0.0, ge=0, le=1, description="share of bid variance common to all competitors"
    )
    combine: Literal["friedman", "gates"] = Field(
        default="friedman",
        description="friedman: simulate every rival independently; gates: P(win) = "
        "p/(p + n(1 − p)) from one rival's p (lowest price, price or ratio)",
    )

    @field_validator("count", mode="before")
    @classmethod
    def _count(cls, v: object) -> object:
        if isinstance(v, int) and not isinstance(v, bool):
            _count_in_bounds(v)
        return v

    @model_validator(mode="after")
    def _one_model(self) -> Competitors:
        given = [k for k in ("price", "ratio", "history") if getattr(self, k) is not None]
        if len(given) != 1:
            raise ValueError("give exactly one of price, ratio or history")
        if self.combine == "gates" and self.history is not None:
            raise ValueError("combine: gates needs rivals given as price or ratio, not history")
        return self


class LowestPrice(StrictModel):
    method: Literal["lowest_price"] = Field(description="最低评标价法: the lowest valid bid wins")
    abnormal_low_share: Rate | None = Field(
        default=None,
        gt=0,
        le=1,
        description="bids below this share of the average of valid bids are rejected",
    )


class WeightedScore(StrictModel):
    method: Literal["weighted_score"] = Field(
        description="综合评分法 (财政部令第87号 art. 55): price points + other points"
    )
    price_weight: float = Field(
        description="price points: lowest evaluated price / evaluated price × price_weight", gt=0, le=100
    )
    our_other_points: float = Field(description="our technical and commercial points", ge=0, le=1000)
    competitor_other_points: Dist = Field(description="a rival's technical and commercial points")
    sme_deduction: Rate = Field(
        description="price deduction for an SME when scoring (ours if bidder.sme)",
        default=Decimal(0),
        ge=0,
        lt=1,
    )
    competitor_sme_share: float = Field(
        default=0.0, ge=0, le=1, description="probability a competitor is an SME"
    )


class BenchmarkAverage(StrictModel):
    method: Literal["benchmark_average"] = Field(
        description="基准价法: points fall with the distance from a benchmark"
    )
    coefficients: list[Annotated[float, Field(gt=0, le=10)]] = Field(
        description="K drawn from these: benchmark = K × average of valid bids", default=[1.0], min_length=1
    )
    drop_extremes_from: int | None = Field(
        description="drop the highest and lowest bid when at least this many bids",
        default=None,
        ge=3,
        le=MAX_COMPETITORS,
    )
    points_per_pct_above: float = Field(
        description="points lost per 1 % above the benchmark", default=1.0, ge=0, le=100
    )
    points_per_pct_below: float = Field(
        description="points lost per 1 % below the benchmark", default=0.5, ge=0, le=100
    )
    full_points: float = Field(description="price points at the benchmark", default=100.0, gt=0, le=1000)
    our_other_points: float = Field(description="our other points", default=0.0, ge=0, le=1000)
    competitor_other_points: Dist | None = Field(
        default=None, description="a rival's other points; default: none"
    )


Evaluation = Annotated[LowestPrice | WeightedScore | BenchmarkAverage, Field(discriminator="method")]


class Policy(StrictModel):
    min_margin: float = Field(default=0.0, ge=-1, le=10, description="over expected cost")
    max_loss_probability: float = Field(description="highest P(loss if won) allowed", default=0.2, ge=0, le=1)
    min_win_probability: float = Field(
        description="lowest P(win) worth bidding for", default=0.05, ge=0, le=1
    )
    max_cvar_loss: Money | None = Field(
        default=None,
        ge=0,
        description="risk limit: the mean loss if won in the worst (1 − cvar_level) of cases "
        "(CVaR, ex VAT) must not exceed this",
    )
    cvar_level: float = Field(description="the CVaR level of max_cvar_loss", default=0.95, gt=0, lt=1)


class SharedDriver(StrictModel):
    """A market index (e.g. material prices) that moves our cost and the rivals' bids together."""

    sd: float = Field(gt=0, le=2, description="sd of the index in logs (mean 1)")
    cost_share: float = Field(ge=0, le=1, description="share of our cost that follows the index")
    bid_share: float = Field(ge=0, le=1, description="share of the rivals' bids that follows the index")


class PricingSection(StrictModel):
    iterations: int = Field(
        description="Monte Carlo iterations (also --iterations)", default=100_000, ge=1, le=MAX_ITERATIONS
    )
    seed: int | None = Field(
        description="same seed → same output byte for byte; null → random", default=7, ge=0, le=MAX_SEED
    )
    overhead: Rate = Field(default=Decimal(0), ge=0, description="share of direct cost")
    management_fee: Rate = Field(description="share of direct cost", default=Decimal(0), ge=0)
    vat: Vat | None = Field(default=None, description="VAT; none: prices are compared as they are")
    risks: list[RiskEvent] = Field(description="risk register: probability × impact", default_factory=list)
    correlation: Correlation = Field(
        description="rank (Spearman) correlation between cost lines", default_factory=Correlation
    )
    payment_terms: PaymentTerms | None = Field(
        default=None, description="financing as NPV at contract signing (day 0)"
    )
    competitors: Competitors = Field(description="the rivals: how many and how they bid")
    evaluation: Evaluation = Field(
        description="the tender's evaluation method (by method:)",
        default_factory=lambda: LowestPrice(method="lowest_price"),
    )
    policy: Policy = Field(description="limits on the recommended price", default_factory=Policy)
    bid_cost: Money = Field(default=Decimal(0), ge=0, description="sunk cost of bidding")
    price_step: Money = Field(
        default=Decimal("0.01"),
        gt=0,
        description="the tender's price unit: prices are multiples of it (0.0001 for unit prices)",
    )
    shared_driver: SharedDriver | None = Field(
        default=None, description="an index moving our cost and the rivals' bids together"
    )
    sobol: bool | None = Field(
        default=None,
        description="rivals' bids and counts from scrambled Sobol points "
        "(randomised quasi-Monte Carlo); default: where it pays "
        "(lowest price, rivals as price or ratio)",
    )
    near_optimal_share: float = Field(
        default=0.01,
        gt=0,
        lt=1,
        description="the near-optimal band: expected profit within this share of the best",
    )


# --------------------------------------------------------------------------- offer, documents, contract


class Deviation(StrictModel):
    kind: Literal["commercial", "technical"] = Field(
        default="commercial", description="commercial (商务偏离表) or technical (技术偏离表)"
    )
    item: str = Field(description="tender clause number (招标文件条目号)")
    requirement: str = Field(description="the tender's requirement (招标要求)")
    response: str = Field(description="our response (投标响应)")
    deviation: Literal["none", "positive", "negative"] = Field(
        default="none", description="无偏离 / 正偏离 / 负偏离"
    )
    note: str | None = Field(default=None, description="说明")
    starred: bool = Field(default=False, description="★ substantive requirement")


class AppendixItem(StrictModel):
    """A row of 投标函附录 (bid letter appendix / contract data) that the offer agrees to."""

    name: str = Field(min_length=1, description="条款名称")
    clause: str | None = Field(default=None, description="合同条款号")
    content: str = Field(min_length=1, description="约定内容")
    note: str | None = Field(default=None, description="备注")


class Offer(StrictModel):
    """What goes in the envelope."""

    price: Money | None = Field(default=None, gt=0, description="bid total; omitted: the recommended price")
    date: dt.date | None = Field(default=None, description="date on the forms; default: today")
    bid_validity_days: int | None = Field(
        description="投标有效期 offered; default: the tender's", default=None, ge=1, le=MAX_DAYS
    )
    duration_days: int | None = Field(
        description="工期/交货期 offered; default: the tender's", default=None, ge=1, le=MAX_DAYS
    )
    warranty_months: int | None = Field(
        description="质保期 offered; default: the tender's", default=None, ge=0, le=MAX_MONTHS
    )
    delivery_place: str | None = Field(default=None, description="default: the tender's")
    payment_terms: str | None = Field(default=None, description="payment terms as written on the forms")
    deviations: list[Deviation] = Field(description="rows of 商务/技术偏离表", default_factory=list)
    remarks: str | None = Field(default=None, description="备注 on the forms")
    project_manager: str | None = Field(default=None, description="项目经理 (投标函附录)")
    appendix: list[AppendixItem] = Field(
        default_factory=list, description="further 投标函附录 rows (delay penalty, price adjustment…)"
    )
    authority_term: str = Field(
        default="自本授权委托书签署之日起至投标有效期届满之日止",
        min_length=1,
        description="委托期限 on 授权委托书",
    )


class DocumentsSection(StrictModel):
    language: Literal["zh", "en", "both"] = Field(
        default="zh", description="which set: Chinese forms, English forms, or both"
    )
    templates: list[str] | None = Field(default=None, description="names; default: the set")
    template_dir: DataPath | None = Field(default=None, description="your own templates")
    appendix: bool | None = Field(
        default=None,
        description="include 投标函附录; default: for works tenders or when offer.appendix is given",
    )
    fail_below_cost: bool | None = Field(
        default=None,
        description="a price below expected cost is an error (true) or a warning (false); "
        "default: an error when pricing.policy is given",
    )


class ContractSection(StrictModel):
    file: DataPath = Field(description="the buyer's draft contract (.docx, .pdf, .txt, .md)")
    against: DataPath | None = Field(default=None, description="tender terms to compare with")
    payer: Literal["government", "soe", "large", "private", "unknown"] = Field(
        default="unknown",
        description="who pays: government (机关事业单位), soe (国有企业), large (大型企业), private, unknown; a rule whose legal basis binds other payers is a commercial risk, one severity lower",
    )
    supplier_sme: bool | None = Field(
        default=None,
        description="we are an SME (中小企业), for the rules' legal scope; default: true when bidder.sme",
    )
    construction: bool | None = Field(
        default=None,
        description="a construction contract (建设工程), for rules whose basis binds construction only",
    )
    fail_on: Literal["high", "medium", "low"] = Field(
        default="high", description="`check` exits 1 at a finding of this severity or above"
    )
    waivers: DataPath | None = Field(default=None, description="accepted findings (waivers.yaml)")


# --------------------------------------------------------------------------- the bid


class Bid(StrictModel):
    tender: Tender = Field(description="what the buyer asks")
    bidder: Bidder = Field(description="who we are")
    costs: CostsSection | None = Field(default=None, description="a cost sheet or lines")
    pricing: PricingSection | None = Field(
        default=None, description="simulation, competitors, evaluation, policy, payment terms"
    )
    offer: Offer = Field(description="what goes in the envelope", default_factory=Offer)
    documents: DocumentsSection = Field(description="which forms to write", default_factory=DocumentsSection)
    contract: ContractSection | None = Field(default=None, description="the buyer's draft contract to check")

    #: where the bid file is (set by load_bid; not part of the file)
    source: Path | None = Field(default=None, exclude=True)

    @property
    def base_dir(self) -> Path:
        return self.source.parent if self.source else Path.cwd()


def load_bid(path: Path) -> Bid:
    """Read and validate a bid file. Errors name the line and the key path."""
    path = Path(path)
    doc: YamlDoc = load_yaml(path)
    if doc.data is not None and not isinstance(doc.data, dict):
        raise InputError("a bid file is a mapping of sections (tender:, bidder:, ...)", str(path))
    if isinstance(doc.data, dict) and "source" in doc.data:
        raise InputError("unknown key (check the spelling)", f"{doc.where(('source',))}: source")
    bid = validate(Bid, doc, context={"base_dir": path.resolve().parent})
    bid.source = path.resolve()
    return bid
