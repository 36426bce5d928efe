"""交通事故 damage items by the statutory standards of 人身损害赔偿解释(2022-04-24) and the split after 交强险."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal

from ._data import load
from ._labor import _regional
from ._num import amount, cents, fmt, percent
from ._types import Calculation, Step
from .errors import ElementsDataError, InvalidValueError

_EXAMPLE = "取自示例数据（未经核对），请以受诉法院所在地统计部门公布的上一年度数据为准"

# Which 交强险 sub-limit each damage item falls under (条例第二十三条; grouping per the insurers' clauses — practice,
# unverified against the clause text).
MEDICAL_ITEMS = ("medical", "hospital_food", "nutrition")
DEATH_DISABILITY_ITEMS = (
    "lost_income",
    "nursing",
    "transport",
    "disability",
    "death",
    "funeral",
    "mental",
    "dependants",
    "assistive_devices",
)
PROPERTY_ITEMS = ("property",)
ITEM_LABELS = {
    "medical": "医疗费",
    "hospital_food": "住院伙食补助费",
    "nutrition": "营养费",
    "lost_income": "误工费",
    "nursing": "护理费",
    "transport": "交通费",
    "disability": "残疾赔偿金",
    "death": "死亡赔偿金",
    "funeral": "丧葬费",
    "mental": "精神损害抚慰金",
    "dependants": "被扶养人生活费",
    "assistive_devices": "残疾辅助器具费",
    "property": "财产损失",
}


def compensation_years(age: int) -> Decimal:
    """Years of 残疾赔偿金/死亡赔偿金 (人身损害赔偿解释第十二条、第十五条): 20; from 60 one year less per year of
    age; 75 and over, 5.

    >>> [compensation_years(a) for a in (30, 60, 61, 74, 75, 90)]
    [Decimal('20'), Decimal('20'), Decimal('19'), Decimal('6'), Decimal('5'), Decimal('5')]
    """
    if isinstance(age, bool) or not isinstance(age, int):
        raise InvalidValueError(field="age", reason="年龄须为整数")
    if age < 0:
        amount("age", str(age))
    if age > 150:
        raise InvalidValueError(field="age", reason=f"年龄不合理：{age}")
    if age >= 75:
        return Decimal(5)
    if age > 60:
        return Decimal(20 - (age - 60))
    return Decimal(20)


def _income(
    urban_disposable_income: object | None, province: str | None, warnings: list[str]
) -> tuple[Decimal, str]:
    if urban_disposable_income is not None:
        value = amount("urban_disposable_income", urban_disposable_income, allow_zero=False)
        return value, f"城镇居民人均可支配收入{fmt(value)}元（调用方提供）"
    if province is None:
        raise InvalidValueError(field="urban_disposable_income", reason="须提供城镇居民人均可支配收入或省份")
    value = _regional(province, "urban_disposable_income")
    warnings.append(f"{province}城镇居民人均可支配收入{_EXAMPLE}")
    return value, f"{province}城镇居民人均可支配收入{fmt(value)}元（示例数据）"


def disability_compensation(
    age: int,
    grade: int,
    *,
    urban_disposable_income: object | None = None,
    province: str | None = None,
) -> Calculation:
    """残疾赔偿金 (人身损害赔偿解释第十二条): income × years × the grade coefficient, with age at 定残.

    The coefficient (一级100% … 十级10%, 10 points per grade) follows the grading standard used in practice
    (人体损伤致残程度分级); it is not in the interpretation's text.

    >>> disability_compensation(40, 10, urban_disposable_income="50000").figure
    Decimal('100000.00')
    >>> disability_compensation(65, 8, urban_disposable_income="50000").figure
    Decimal('225000.00')
    """
    warnings: list[str] = []
    if isinstance(grade, bool) or not isinstance(grade, int) or not 1 <= grade <= 10:
        raise InvalidValueError(field="grade", reason="伤残等级须为一级至十级（1-10）")
    income, said = _income(urban_disposable_income, province, warnings)
    years = compensation_years(age)
    coefficient = Decimal(110 - grade * 10)
    figure = cents(income * years * coefficient / 100)
    steps = (
        Step("赔偿标准", said, income, "人身损害赔偿解释第十二条、第二十二条"),
        Step("赔偿年限", f"定残时{age}周岁，计{fmt(years)}年", years, "人身损害赔偿解释第十二条"),
        Step(
            "伤残系数",
            f"{grade}级伤残，{fmt(coefficient)}%",
            coefficient,
            "人体损伤致残程度分级（实务，未核对）",
        ),
        Step(
            "残疾赔偿金",
            f"{fmt(income)} × {fmt(years)} × {fmt(coefficient)}% = {figure}",
            figure,
            "人身损害赔偿解释第十二条",
        ),
    )
    return Calculation("残疾赔偿金", figure, steps, ("人身损害赔偿解释第十二条",), tuple(warnings))


def death_compensation(
    age: int, *, urban_disposable_income: object | None = None, province: str | None = None
) -> Calculation:
    """死亡赔偿金 (人身损害赔偿解释第十五条): income × years by age.

    >>> death_compensation(70, urban_disposable_income="50000").figure
    Decimal('500000.00')
    """
    warnings: list[str] = []
    income, said = _income(urban_disposable_income, province, warnings)
    years = compensation_years(age)
    figure = cents(income * years)
    steps = (
        Step("赔偿标准", said, income, "人身损害赔偿解释第十五条、第二十二条"),
        Step("赔偿年限", f"死亡时{age}周岁，计{fmt(years)}年", years, "人身损害赔偿解释第十五条"),
        Step("死亡赔偿金", f"{fmt(income)} × {fmt(years)} = {figure}", figure, "人身损害赔偿解释第十五条"),
    )
    return Calculation("死亡赔偿金", figure, steps, ("人身损害赔偿解释第十五条",), tuple(warnings))


def dependants_living_expenses(
    dependants: Sequence[tuple[int, bool, int]],
    *,
    urban_consumption_expenditure: object,
    disability_percent: object = 100,
) -> Calculation:
    """被扶养人生活费 (人身损害赔偿解释第十七条): per dependant ``(age, minor, supporters)`` — a minor to 18, an
    adult without capacity 20 years (60+ one year less per year, 75+ five) — at the local 城镇居民人均消费支出 ×
    the victim's loss of capacity (``disability_percent``, 100 for death) ÷ the number of supporters; with several
    dependants the yearly total is capped at one 人均消费支出 (第二款). The result goes into 残疾赔偿金 or
    死亡赔偿金 (第十六条).

    >>> dependants_living_expenses([(10, True, 2)], urban_consumption_expenditure="30000").figure
    Decimal('120000.00')
    """
    consumption = amount("urban_consumption_expenditure", urban_consumption_expenditure, allow_zero=False)
    share = percent("disability_percent", disability_percent)
    if not dependants:
        raise InvalidValueError(field="dependants", reason="未列明被扶养人")
    article = "人身损害赔偿解释第十七条"
    steps: list[Step] = []
    plans: list[tuple[int, Decimal]] = []
    for index, row in enumerate(dependants):
        try:
            age, minor, supporters = row
        except (TypeError, ValueError) as exc:
            raise InvalidValueError(
                field=f"dependants[{index}]", reason="须为（年龄, 是否未成年人, 扶养人数）"
            ) from exc
        if isinstance(supporters, bool) or not isinstance(supporters, int) or supporters < 1:
            raise InvalidValueError(field=f"dependants[{index}]", reason="扶养人数须为正整数")
        if minor:
            if isinstance(age, bool) or not isinstance(age, int) or not 0 <= age < 18:
                raise InvalidValueError(field=f"dependants[{index}]", reason="未成年人年龄须在0至17周岁之间")
            years = 18 - age
        else:
            years = int(compensation_years(age))
        yearly = consumption * share / 100 / supporters
        plans.append((years, yearly))
        steps.append(
            Step(
                f"被扶养人{index + 1}",
                f"{age}周岁，计{years}年；每年{fmt(consumption)} × {fmt(share)}% ÷ {supporters} = {cents(yearly)}",
                cents(yearly),
                article,
            )
        )
    total = Decimal(0)
    capped_years = 0
    for year in range(1, max(y for y, _ in plans) + 1):
        owed = sum((v for y, v in plans if y >= year), Decimal(0))
        if owed > consumption:
            owed, capped_years = consumption, capped_years + 1
        total += owed
    if capped_years:
        steps.append(
            Step(
                "数人年赔偿总额封顶",
                f"{capped_years}年的年合计超过{fmt(consumption)}，按{fmt(consumption)}计",
                consumption,
                article + "第二款",
            )
        )
    figure = cents(total)
    steps.append(Step("被扶养人生活费", f"逐年合计 = {figure}", figure, article))
    return Calculation("被扶养人生活费", figure, tuple(steps), (article, "人身损害赔偿解释第十六条"))


def funeral_expenses(
    *, average_monthly_wage: object | None = None, province: str | None = None
) -> Calculation:
    """丧葬费 (人身损害赔偿解释第十四条): six months of the local average monthly wage.

    >>> funeral_expenses(average_monthly_wage="9000").figure
    Decimal('54000.00')
    """
    warnings: list[str] = []
    if average_monthly_wage is not None:
        wage = amount("average_monthly_wage", average_monthly_wage, allow_zero=False)
        said = f"职工月平均工资{fmt(wage)}元（调用方提供）"
    elif province is not None:
        wage = _regional(province, "average_monthly_wage")
        warnings.append(f"{province}职工月平均工资{_EXAMPLE}")
        said = f"{province}职工月平均工资{fmt(wage)}元（示例数据）"
    else:
        raise InvalidValueError(field="average_monthly_wage", reason="须提供职工月平均工资或省份")
    figure = cents(wage * 6)
    steps = (
        Step("标准", said, wage, "人身损害赔偿解释第十四条、第二十二条"),
        Step("丧葬费", f"{fmt(wage)} × 6 = {figure}", figure, "人身损害赔偿解释第十四条"),
    )
    return Calculation("丧葬费", figure, steps, ("人身损害赔偿解释第十四条",), tuple(warnings))


def daily_item(item: str, daily: object, days: object, *, persons: int = 1) -> Calculation:
    """A per-day item: 误工费 (第七条), 护理费 (第八条, ``persons`` carers), 住院伙食补助费 (第十条), 营养费
    (第十一条): daily amount × days × persons.

    >>> daily_item("nursing", "150", "30", persons=2).figure
    Decimal('9000.00')
    """
    articles = {
        "lost_income": "人身损害赔偿解释第七条",
        "nursing": "人身损害赔偿解释第八条",
        "hospital_food": "人身损害赔偿解释第十条",
        "nutrition": "人身损害赔偿解释第十一条",
    }
    if item not in articles:
        raise InvalidValueError(
            field="item", reason=f"按日计算的项目只能为{'、'.join(articles)}，收到 {item}"
        )
    if isinstance(persons, bool) or not isinstance(persons, int) or persons < 1:
        raise InvalidValueError(field="persons", reason="护理人数须为正整数")
    rate, n = amount("daily", daily), amount("days", days)
    figure = cents(rate * n * persons)
    formula = f"{fmt(rate)} × {fmt(n)}天" + (f" × {persons}人" if persons > 1 else "") + f" = {figure}"
    step = Step(ITEM_LABELS[item], formula, figure, articles[item])
    return Calculation(ITEM_LABELS[item], figure, (step,), (articles[item],))


def compulsory_limits(at_fault: bool = True) -> Mapping[str, Decimal]:
    """交强险 limits (条例第二十三条; 2020-09-19 amounts, unverified — data/compulsory_insurance.json).

    >>> compulsory_limits()["death_disability"], compulsory_limits(False)["medical"]
    (Decimal('180000'), Decimal('1800'))
    """
    raw = load("compulsory_insurance.json")
    try:
        table = raw["at_fault" if at_fault else "not_at_fault"]
        return {k: Decimal(table[k]) for k in ("death_disability", "medical", "property")}
    except (KeyError, ValueError, ArithmeticError) as exc:
        raise ElementsDataError(reason=f"compulsory_insurance.json: {exc}") from exc


def traffic_damages(
    items: Mapping[str, object],
    *,
    liability_percent: object,
    insured_at_fault: bool = True,
    compulsory_insured: bool = True,
    commercial_limit: object = 0,
    paid: object = 0,
) -> Calculation:
    """The split of the damages (道路交通安全法第七十六条, 民法典第一千二百一十三条): the 交强险 insurer pays
    each group up to its limit (medical / death-disability / property); the rest is borne by the liable side in
    proportion to ``liability_percent``, first by the commercial third-party insurer up to ``commercial_limit``,
    then by the defendant; ``paid`` (已付款项) is deducted from the defendant's share last.

    ``items`` maps item keys (``ITEM_LABELS``: medical, hospital_food, lost_income, nursing, disability …) to the
    amounts found (computed by the other functions or given). The figure is the total still owed to the victim.

    >>> c = traffic_damages({"medical": "30000", "disability": "100000", "nursing": "9000"}, liability_percent="70",
    ...                     commercial_limit="1000000", paid="5000")
    >>> c.figure
    Decimal('130400.00')
    >>> [s.label for s in c.steps][-4:]
    ['超出交强险部分', '按责任比例承担', '商业三者险承担', '扣除已付款项']
    """
    ratio = percent("liability_percent", liability_percent)
    commercial = amount("commercial_limit", commercial_limit)
    already = amount("paid", paid)
    if not items:
        raise InvalidValueError(field="items", reason="未提供任何损失项目")
    values: dict[str, Decimal] = {}
    for key, value in items.items():
        if key not in ITEM_LABELS:
            raise InvalidValueError(field="items", reason=f"未知的损失项目：{key}")
        values[key] = amount(f"items.{key}", value)
    steps = [Step(ITEM_LABELS[k], f"{fmt(v)}", v) for k, v in values.items()]
    total = sum(values.values(), Decimal(0))
    steps.append(Step("损失合计", " + ".join(fmt(v) for v in values.values()) + f" = {fmt(total)}", total))
    warnings = ["交强险限额取自数据文件（未经核对，见 data/compulsory_insurance.json）"]
    compulsory = Decimal(0)
    if compulsory_insured:
        limits = compulsory_limits(insured_at_fault)
        for group, keys, label in (
            ("medical", MEDICAL_ITEMS, "医疗费用赔偿限额"),
            ("death_disability", DEATH_DISABILITY_ITEMS, "死亡伤残赔偿限额"),
            ("property", PROPERTY_ITEMS, "财产损失赔偿限额"),
        ):
            sub = sum((values.get(k, Decimal(0)) for k in keys), Decimal(0))
            if sub:
                pay = min(sub, limits[group])
                compulsory += pay
                steps.append(
                    Step(
                        f"交强险{label}内",
                        f"min({fmt(sub)}, {fmt(limits[group])}) = {fmt(pay)}",
                        pay,
                        "机动车交通事故责任强制保险条例第二十三条",
                    )
                )
    rest = total - compulsory
    steps.append(
        Step(
            "超出交强险部分",
            f"{fmt(total)} - {fmt(compulsory)} = {fmt(rest)}",
            rest,
            "道路交通安全法第七十六条",
        )
    )
    share = cents(rest * ratio / 100)
    steps.append(
        Step(
            "按责任比例承担",
            f"{fmt(rest)} × {fmt(ratio)}% = {share}",
            share,
            "道路交通安全法第七十六条第一款",
        )
    )
    by_commercial = min(share, commercial)
    steps.append(
        Step(
            "商业三者险承担",
            f"min({share}, {fmt(commercial)}) = {fmt(by_commercial)}",
            by_commercial,
            "民法典第一千二百一十三条",
        )
    )
    owed = cents(compulsory + share - already)
    if owed < 0:
        warnings.append(f"已付款项{fmt(already)}超过应赔总额，超付部分不在本计算中处理")
        owed = Decimal("0.00")
    steps.append(Step("扣除已付款项", f"{fmt(compulsory)} + {share} - {fmt(already)} = {owed}", owed))
    return Calculation(
        "交通事故损害赔偿",
        owed,
        tuple(steps),
        ("道路交通安全法第七十六条", "民法典第一千二百一十三条", "机动车交通事故责任强制保险条例第二十三条"),
        tuple(warnings),
    )
