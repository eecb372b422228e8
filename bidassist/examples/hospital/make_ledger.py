"""Make examples/hospital/ledger/{invoices,receipts}.csv: the bidder's sales ledger as finance
exports it — three years of invoices (with the cost of each sale) and the receipts against them,
for the hospital of the bundled tender and 24 other customers. The main job imports them into its
store so that `decide` can see how the buyer really pays.

    .venv/bin/python examples/hospital/make_ledger.py [--force]

Deterministic (fixed seed). The companies are fictional.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import random
import sys
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[2]))  # the checkout root, for running without installing

from bidassist.core.safeio import atomic_write_text  # noqa: E402

START, END = dt.date(2023, 12, 1), dt.date(2026, 11, 20)
CENT = Decimal("0.01")
# name, days between orders, order size (yuan), gross margin, days to pay, ...
CUSTOMERS = [
    ("滨江市第一人民医院", 45, 420000, 0.24, 52),
    ("滨江市妇幼保健院", 75, 180000, 0.22, 48),
    ("滨江市中医院", 90, 150000, 0.23, 55),
    ("江北区人民医院", 70, 160000, 0.21, 61),
    ("滨江大学附属医院", 50, 260000, 0.20, 88),
    ("华康生物制药有限公司", 60, 230000, 0.26, 35),
    ("瑞丰医疗器械有限公司", 80, 120000, 0.25, 40),
    ("滨江市疾病预防控制中心", 120, 140000, 0.22, 45),
    ("东湖电子科技有限公司", 65, 210000, 0.19, 42),
    ("南山精密制造有限公司", 85, 130000, 0.24, 38),
    ("滨江市第二人民医院", 70, 170000, 0.22, 58),
    ("江南洁净实验室", 100, 90000, 0.27, 30),
    ("海川食品有限公司", 90, 110000, 0.23, 44),
    ("金桥半导体有限公司", 55, 280000, 0.15, 150),
    ("滨江市血液中心", 110, 95000, 0.24, 50),
    ("康宁药业集团", 75, 190000, 0.21, 62),
    ("西湖眼科医院", 95, 85000, 0.26, 33),
    ("滨江市口腔医院", 100, 80000, 0.25, 36),
    ("新城区社区卫生服务中心", 130, 60000, 0.24, 47),
    ("光明动物实验中心", 115, 70000, 0.28, 41),
    ("长江疫苗有限公司", 60, 240000, 0.22, 39),
    ("天元检测技术有限公司", 105, 75000, 0.25, 52),
    ("滨江市儿童医院", 80, 160000, 0.22, 57),
    ("北辰数据中心", 85, 200000, 0.18, 66),
]
ONE_OFF = ("远洋方舱医院建设指挥部", dt.date(2024, 4, 18), 5200000, 0.16, 75)


def money(x: float) -> Decimal:
    return Decimal(repr(x)).quantize(CENT, ROUND_HALF_UP)


def rows() -> tuple[list[list[str]], list[list[str]]]:
    rng = random.Random(7)
    invoices, receipts = [], []
    n = 0

    def sale(name: str, day: dt.date, size: float, margin: float, pay: int) -> None:
        nonlocal n
        n += 1
        amount = money(size * rng.uniform(0.7, 1.3))
        cost = money(float(amount) * (1 - margin + rng.uniform(-0.03, 0.03)))
        number = f"INV{day:%Y%m}{n:04d}"
        invoices.append(
            [name, number, day.isoformat(), (day + dt.timedelta(days=60)).isoformat(), str(amount), str(cost)]
        )
        paid = day + dt.timedelta(days=max(5, round(rng.gauss(pay, 8))))
        if paid <= END:
            receipts.append([name, f"HK{paid:%Y%m%d}{n:04d}", paid.isoformat(), str(amount), number])

    for name, gap, size, margin, pay in CUSTOMERS:
        day = START + dt.timedelta(days=rng.randrange(gap))
        while day <= END:
            sale(name, day, size, margin, pay)
            day += dt.timedelta(days=max(7, round(rng.gauss(gap, gap / 4))))
    sale(*ONE_OFF)
    invoices.sort(key=lambda r: (r[2], r[1]))
    receipts.sort(key=lambda r: (r[2], r[1]))
    return invoices, receipts


def _csv(header: list[str], data: list[list[str]]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(header)
    w.writerows(data)
    return buf.getvalue()


def main() -> None:
    force = "--force" in sys.argv
    invoices, receipts = rows()
    out = HERE / "ledger"
    out.mkdir(exist_ok=True)
    atomic_write_text(
        out / "invoices.csv",
        _csv(["客户名称", "发票号码", "开票日期", "到期日", "价税合计", "销售成本"], invoices),
        force=force,
    )
    atomic_write_text(
        out / "receipts.csv",
        _csv(["客户名称", "回款单号", "到账日期", "回款金额", "发票号码"], receipts),
        force=force,
    )
    print(f"{len(invoices)} invoices, {len(receipts)} receipts → {out}")


if __name__ == "__main__":
    main()
