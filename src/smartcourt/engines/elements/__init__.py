"""Element-based trial (要素式审判) for 民间借贷纠纷, 机动车交通事故责任纠纷, 离婚纠纷 and 劳动争议.

Per-cause element schemas (``data/schemas.json``, each element with its articles and cues); the element table
built from the complaint, the answer and the evidence with spans (agreed / disputed / not mentioned); the trial
outline (庭审提纲) and the judgment's facts/reasoning skeleton as plain data; and the calculations with their
steps and basis: interest under the 4×LPR cap, overdue interest, economic compensation and the double wage,
traffic-accident damage items and their split after 交强险, child support and property division. How values and
citations read in a judgment (dates 年月日, amounts 元, full law titles, the ordered 依照 list) is ``_court.py``,
the one mapping from the schemas' short law names to titles.

Statistics (LPR, regional incomes and wages, 交强险 limits) ship as data marked unverified; every calculator
takes the figure from the caller instead, and refuses with :class:`FigureRequiredError` rather than guess.

>>> from smartcourt.engines.elements import build_element_table, trial_outline
>>> table = build_element_table("原告于2023年1月10日入职被告公司，月工资6000元，双方未签订书面劳动合同。",
...                             "被告认可入职时间。对工资标准有异议。")
>>> [(r.label, r.status.value) for r in table.rows][:3]
[('劳动关系', 'agreed'), ('入职时间', 'agreed'), ('工资标准', 'disputed')]
"""

from ._court import (
    LAW_RANKS,
    bare_law_names,
    cite_in_text,
    court_date,
    court_value,
    full_citation,
    law_rank,
    law_title,
    ordered_citations,
    step_text,
)
from ._divorce import child_support, property_division
from ._extract import build_element_table, property_items
from ._labor import double_wage, economic_compensation, regional_average_wage, service_years
from ._lending import lending_balance, lending_interest, lpr_on, overdue_interest
from ._outline import judgment_skeleton, trial_outline
from ._schema import cause_schema, detect_cause
from ._traffic import (
    ITEM_LABELS,
    compensation_years,
    compulsory_limits,
    daily_item,
    death_compensation,
    dependants_living_expenses,
    disability_compensation,
    funeral_expenses,
    traffic_damages,
)
from ._types import (
    Calculation,
    Cause,
    CauseSchema,
    ElementRow,
    ElementSpec,
    ElementTable,
    JudgmentSkeleton,
    OutlineItem,
    Source,
    Status,
    Step,
    TrialOutline,
)
from .errors import (
    DateOrderError,
    ElementsDataError,
    ElementsError,
    FigureRequiredError,
    InvalidValueError,
    NegativeAmountError,
    UnknownCauseError,
)

__all__ = [
    "ITEM_LABELS",
    "LAW_RANKS",
    "Calculation",
    "Cause",
    "CauseSchema",
    "DateOrderError",
    "ElementRow",
    "ElementSpec",
    "ElementTable",
    "ElementsDataError",
    "ElementsError",
    "FigureRequiredError",
    "InvalidValueError",
    "JudgmentSkeleton",
    "NegativeAmountError",
    "OutlineItem",
    "Source",
    "Status",
    "Step",
    "TrialOutline",
    "UnknownCauseError",
    "bare_law_names",
    "build_element_table",
    "cause_schema",
    "child_support",
    "cite_in_text",
    "compensation_years",
    "compulsory_limits",
    "court_date",
    "court_value",
    "daily_item",
    "death_compensation",
    "dependants_living_expenses",
    "detect_cause",
    "disability_compensation",
    "double_wage",
    "economic_compensation",
    "full_citation",
    "law_rank",
    "law_title",
    "funeral_expenses",
    "judgment_skeleton",
    "lending_balance",
    "lending_interest",
    "lpr_on",
    "ordered_citations",
    "overdue_interest",
    "property_division",
    "property_items",
    "regional_average_wage",
    "service_years",
    "step_text",
    "traffic_damages",
    "trial_outline",
]
