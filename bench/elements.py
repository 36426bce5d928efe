"""Element tables and calculations per second on generated cases (issue 9 item 2; no stated target).

    .venv/bin/python bench/elements.py [--cases 400] [--seed 1] [--repeat 3]

Generated complaints/answers for the four causes (Faker zh_CN names, random figures). Figures:

- baseline: the text engine alone — ``extract_money`` + ``extract_dates`` + ``extract_percentages`` over the whole
  complaint and answer once (the least an element table needs);
- ``build_element_table`` (cause detected) + ``trial_outline`` + ``judgment_skeleton`` per case;
- the calculators (interest with cap, overdue interest, economic compensation, traffic split, child support) per call.

Each figure is the best and the median of ``--repeat`` runs.
"""

from __future__ import annotations

import argparse
import platform
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from faker import Faker  # noqa: E402

from smartcourt.engines.elements import (  # noqa: E402
    build_element_table,
    child_support,
    economic_compensation,
    judgment_skeleton,
    lending_interest,
    overdue_interest,
    traffic_damages,
    trial_outline,
)
from smartcourt.engines.text import extract_dates, extract_money, extract_percentages  # noqa: E402


def cases(count: int, seed: int) -> list[tuple[str, str]]:
    rng = random.Random(seed)
    Faker.seed(seed)
    fake = Faker("zh_CN")
    out = []
    for i in range(count):
        p, d = fake.name(), fake.name()
        y, m = rng.randrange(2020, 2025), rng.randrange(1, 13)
        kind = i % 4
        if kind == 0:
            c = (
                f"原告{p}与被告{d}系朋友。{y}年{m}月5日被告向原告借款并出具借条。原告通过银行转账交付借款"
                f"{rng.randrange(1, 500) * 1000}元。约定年利率{rng.choice([8, 12, 24])}%，借期一年。被告仅偿还2000元。"
            )
            a = "对借款事实无异议。对利率有异议。"
        elif kind == 1:
            c = (
                f"{y}年{m}月3日，被告{d}驾驶轿车与原告{p}相撞。交通事故认定书认定被告负主要责任。原告构成十级伤残，"
                f"支出医疗费{rng.randrange(1000, 90000)}元，护理费3000元，误工费8000元。被告已垫付5000元。"
            )
            a = "对责任认定无异议。医疗费过高，不予认可。误工费不认可。"
        elif kind == 2:
            c = (
                f"原告{p}与被告{d}于{y - 8}年{m}月1日登记结婚，婚后育有一女。因长期分居，感情确已破裂。"
                f"婚生女随原告生活，被告每月支付抚养费{rng.randrange(10, 40) * 100}元。共同财产有房屋一套，价值900000元。"
            )
            a = "结婚登记属实。感情并未破裂。抚养费过高。"
        else:
            c = (
                f"原告{p}于{y - 5}年{m}月1日入职被告公司，月工资{rng.randrange(30, 200) * 100}元。{y}年{m}月1日被告解除劳动合同。"
                "被告未签订书面劳动合同，未缴纳社会保险。"
            )
            a = "认可劳动关系及入职时间。解除系因原告严重违纪，不应支付赔偿金。"
        out.append((c, a))
    return out


def timed(fn: Callable[[], object], repeat: int) -> tuple[float, float]:
    runs = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - t0)
    return min(runs), statistics.median(runs)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=400)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    data = cases(args.cases, args.seed)
    print("command: .venv/bin/python bench/elements.py " + " ".join(sys.argv[1:]))
    print(f"python {platform.python_version()}, {args.cases} generated cases, seed {args.seed}")

    def baseline() -> None:
        for c, a in data:
            for t in (c, a):
                extract_money(t)
                extract_dates(t)
                extract_percentages(t)

    def tables() -> None:
        for c, a in data:
            t = build_element_table(c, a)
            trial_outline(t)
            judgment_skeleton(t)

    calls = 2000

    def calculators() -> None:
        for i in range(calls // 5):
            lending_interest(
                100000 + i, "2021-03-05", "2022-03-05", contract_date="2021-03-05", annual_rate="24"
            )
            overdue_interest(
                100000 + i, "2022-03-05", "2023-03-05", contract_date="2021-03-05", term_rate="10"
            )
            economic_compensation(8000 + i, "2015-01-01", "2023-06-30", local_average_monthly_wage="10000")
            traffic_damages(
                {"medical": 30000 + i, "disability": 100000}, liability_percent="70", commercial_limit=10**6
            )
            child_support(10000 + i)

    rows = [
        ("baseline: text engine money+dates+percentages", baseline, len(data), "case"),
        ("element table + outline + skeleton", tables, len(data), "case"),
        ("calculators (5 kinds, mixed)", calculators, calls, "call"),
    ]
    print("| measure | best ms/unit | median ms/unit | units/s (best) |")
    print("|---|---|---|---|")
    for label, fn, n, unit in rows:
        best, median = timed(fn, args.repeat)
        print(f"| {label} | {best * 1000 / n:.3f} per {unit} | {median * 1000 / n:.3f} | {n / best:,.0f} |")


if __name__ == "__main__":
    main()
