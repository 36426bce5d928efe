"""The case core's bridge to the engines: model rows in, engine values out.

Services call these few functions instead of reaching into several engines each time; every rule itself
stays in its engine (catalogs, validation, calendar, procedure) with its legal source.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any, NamedTuple

from smartcourt.engines import calendar, catalogs, validation
from smartcourt.engines.procedure import time_limit_rule_for

REGISTER_RULE = "《最高人民法院关于人民法院登记立案若干问题的规定》（法释〔2015〕8号）；案号依《关于人民法院案件案号的若干规定》（法〔2015〕137号）编定"
SUSPENSION_RULE = (
    "《最高人民法院关于严格执行案件审理期限制度的若干规定》（法释〔2000〕29号）第九条：不计入审理期限的期间"
)


def get_case_type(code: str) -> catalogs.CaseType:
    return catalogs.get_case_type((code or "").strip())


def format_number(*, year: int, court_code: str, case_type: str, sequence: int) -> str:
    return catalogs.format_case_number(
        catalogs.CaseNumber(year=year, court_code=court_code, case_type=case_type, sequence=sequence)
    )


def cause_name(value: str) -> str:
    """The catalogue name of a civil cause of action (by name or id); unknown ones are refused."""
    return catalogs.get_cause(value.strip()).name


def charge_name(value: str) -> str:
    """The catalogue name of a criminal charge, with or without the trailing 罪."""
    return catalogs.get_charge(value.strip()).name


class Identity(NamedTuple):
    """A checked identity document: the canonical number, and for ID cards the sex and birth date."""

    number: str
    sex: str
    birth_date: date | None


def check_identity(id_type: str, value: str, *, today: date) -> Identity:
    """Validate an identity document of ``id_type`` (an ``IdType`` name of the case models)."""
    info = validation.validate_identity(validation.IdType[id_type], value, today=today)
    if isinstance(info, validation.IdNumberInfo):
        return Identity(info.number, info.sex, info.birth_date)
    if isinstance(info, validation.CreditCodeInfo):
        return Identity(info.code, "", None)
    return Identity(info.number, "", None)


def check_phone(value: str) -> str:
    """The canonical form of a mobile or landline number."""
    return validation.validate_phone(value).number


def time_limit_rule(case_type: catalogs.CaseType, procedure: str) -> str | None:
    return time_limit_rule_for(case_type.category.value, case_type.procedure_class.value, procedure)


def compute_deadline(rule_key: str, *, registered_on: date, adjustments: Iterable[Any], today: date) -> Any:
    """The 审限 from the rule and the approved adjustments; an open suspension counts up to ``today``."""
    suspensions = []
    extensions = []
    for adj in adjustments:
        if adj.kind == "SUSPENSION":
            suspensions.append(
                calendar.DateRange(adj.start_on, max(adj.end_on or today, adj.start_on), adj.reason)
            )
        else:
            # Extensions are approved by the court's president (院长), see services.case_time_limit_extend.
            extensions.append(
                calendar.Extension(calendar.Approver.PRESIDENT, months=adj.months, days=adj.days)
            )
    return calendar.compute_time_limit(
        rule_key, registered_on=registered_on, suspensions=suspensions, extensions=extensions
    )


def deadline_level(deadline: date, *, today: date, warn_days: int) -> tuple[str, int]:
    """``(level name, days)``: days remaining, or days overdue when the level is ``OVERDUE``."""
    status = calendar.deadline_status(deadline, today=today, warn_days=warn_days)
    return status.level.name, status.days_overdue or status.days_remaining
