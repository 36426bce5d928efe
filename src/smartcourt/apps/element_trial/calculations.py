"""The calculation for each cause, from the figures the judge enters (prefilled from the table where a row holds
the value, never guessed where the engine needs a figure the table does not give).

Per cause: 民间借贷 — interest under the 4×LPR cap (``lending_interest``); 劳动争议 — economic compensation
(and the double wage when the judge gives the date a written contract was signed or the employment ended);
离婚 — child support and, when the judge lists the property with who keeps it, the division; 交通事故 — the
damage items split after 交强险 by the liability share the judge sets. An engine refusal — a missing statistic
(:class:`FigureRequiredError`), a bad number or date — becomes an :class:`InvalidInputError` naming the field,
with the engine's Chinese message.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from smartcourt.apps.core.errors import InvalidInputError
from smartcourt.apps.element_trial.error_codes import ElementTrialErrorCode
from smartcourt.apps.element_trial.models import ElementEntry
from smartcourt.engines import elements as eng


@dataclass(frozen=True)
class Figure:
    """One input of a cause's calculation form."""

    key: str
    label: str
    kind: str  # amount | percent | date | int | bool | lines
    required: bool = False
    hint: str = ""
    row: str = ""  # the element whose adopted value prefills it


_TRAFFIC_ITEMS = (
    ("medical", "medical"),
    ("hospital_food", "hospital_food"),
    ("lost_income", "lost_income"),
    ("nursing", "nursing"),
    ("transport", "transport"),
    ("disability", "disability_death"),
    ("mental", "mental"),
)

FIGURES: dict[eng.Cause, tuple[Figure, ...]] = {
    eng.Cause.PRIVATE_LENDING: (
        Figure("principal", "借款本金（元）", "amount", True, row="amount"),
        Figure("start", "计息起算日", "date", True, "通常为出借日或约定的起息日", row="delivery"),
        Figure("end", "计息截止日", "date", True, "如实际清偿之日或主张计算至之日"),
        Figure("contract_date", "合同成立日", "date", False, "不填按计息起算日"),
        Figure("annual_rate", "约定年利率（%）", "percent", True, "月利率请换算为年利率（×12）", row="rate"),
        Figure("lpr", "合同成立时一年期LPR（%）", "percent", False, "不填按内置LPR表（未经核对）"),
    ),
    eng.Cause.LABOR_DISPUTE: (
        Figure("monthly_wage", "离职前十二个月平均工资（元/月）", "amount", True, row="wage"),
        Figure("start", "入职日期", "date", True, row="start_date"),
        Figure("end", "劳动合同解除/终止日期", "date", True, row="termination"),
        Figure(
            "local_average_monthly_wage", "当地上年度职工月平均工资（元）", "amount", False, "用于三倍封顶"
        ),
        Figure("unlawful", "违法解除（按二倍支付赔偿金）", "bool"),
        Figure(
            "no_contract_until", "签订书面合同或用工终止之日", "date", False, "填写则计算未签合同二倍工资"
        ),
    ),
    eng.Cause.DIVORCE: (
        Figure("monthly_income", "支付方月收入（元）", "amount", True),
        Figure("children", "子女人数", "int", False, "默认1"),
        Figure("percent_of_income", "抚养费比例（%）", "percent", False, "不填按20%，步骤中给出区间"),
        Figure("assets", "共同财产", "lines", False, "每行：名称，价值，归属（原告/被告）"),
        Figure("debts", "共同债务", "lines", False, "每行：名称，数额，承担方（原告/被告）"),
        Figure("plaintiff_share_percent", "原告分得比例（%）", "percent", False, "默认50"),
    ),
    eng.Cause.TRAFFIC_ACCIDENT: (
        *(
            Figure(f"item_{item}", f"{eng.ITEM_LABELS[item]}（元）", "amount", False, row=row)
            for item, row in _TRAFFIC_ITEMS
        ),
        Figure("liability_percent", "被告方责任比例（%）", "percent", True, "由法官依责任认定确定"),
        Figure("compulsory_insured", "肇事车辆投保交强险", "bool"),
        Figure("commercial_limit", "商业三者险限额（元）", "amount", False, "默认0"),
        Figure("paid", "已付款项（元）", "amount", False, row="paid"),
    ),
}


def _bad(key: str, message: str, code: str = ElementTrialErrorCode.BAD_FIGURE) -> InvalidInputError:
    return InvalidInputError(code, message, {"field": key})


_MONTHLY = re.compile(r"^月(\d+(?:\.\d+)?)%$")
_PLAIN_PERCENT = re.compile(r"^(\d+(?:\.\d+)?)%$")


def _prefill(figure: Figure, value: str) -> str:
    """A row's adopted value in the form's terms (月2% → 24 as a yearly rate), or "" if it does not fit."""
    value = value.strip()
    if not value:
        return ""
    if figure.kind == "percent":
        if m := _MONTHLY.match(value):
            return str(Decimal(m.group(1)) * 12)
        m = _PLAIN_PERCENT.match(value)
        return m.group(1) if m else ""
    if figure.kind == "amount":
        try:
            d = Decimal(value)
        except InvalidOperation:
            return ""
        return str(d) if d.is_finite() and d >= 0 else ""
    if figure.kind == "date":
        try:
            return date.fromisoformat(value).isoformat()
        except ValueError:
            return ""
    return ""


def default_figures(cause: eng.Cause, rows: list[ElementEntry], complaint: str = "") -> dict[str, str]:
    """The form's starting values: from the rows' adopted values, and for 离婚 the property listed in the
    complaint (holder left blank for the judge)."""
    by_key = {r.key: r.value for r in rows}
    out: dict[str, str] = {}
    for f in FIGURES[cause]:
        if f.row:
            out[f.key] = _prefill(f, by_key.get(f.row, ""))
    if cause is eng.Cause.PRIVATE_LENDING and out.get("start"):
        out["contract_date"] = out["start"]
    if cause is eng.Cause.DIVORCE and complaint:
        items = eng.property_items(complaint)
        out["assets"] = "\n".join(f"{name}，{value}，" for name, value, _ in items)
    if cause is eng.Cause.TRAFFIC_ACCIDENT:
        out["compulsory_insured"] = "on"
    return out


def clean_figures(cause: eng.Cause, raw: Mapping[str, Any]) -> dict[str, str]:
    """The judge's figures checked for form (numbers, dates) and stored as strings; unknown keys refused,
    empty values dropped, required ones named when missing."""
    specs = {f.key: f for f in FIGURES[cause]}
    for key in raw:
        if key not in specs:
            raise _bad(key, f"未知的计算参数：{key}")
    out: dict[str, str] = {}
    for f in FIGURES[cause]:
        value = raw.get(f.key)
        text = "" if value is None else str(value).strip()
        if f.kind == "bool":
            out[f.key] = "on" if text.lower() in ("on", "true", "1", "yes") else ""
            continue
        if not text:
            if f.required:
                raise _bad(f.key, f"请填写{f.label}", ElementTrialErrorCode.FIGURE_REQUIRED)
            continue
        if len(text) > 5000:
            raise _bad(f.key, f"{f.label}过长")
        if f.kind in ("amount", "percent"):
            try:
                d = Decimal(text.replace(",", "").replace("，", ""))
            except InvalidOperation:
                raise _bad(f.key, f"{f.label}应为数字") from None
            if not d.is_finite() or d < 0:
                raise _bad(f.key, f"{f.label}应为不小于零的数字")
            text = str(d)
        elif f.kind == "date":
            try:
                text = date.fromisoformat(text).isoformat()
            except ValueError:
                raise _bad(f.key, f"{f.label}格式应为 YYYY-MM-DD") from None
        elif f.kind == "int" and (not text.isdigit() or int(text) < 1):
            raise _bad(f.key, f"{f.label}应为正整数")
        out[f.key] = text
    return out


_HOLDERS = {"原告": "plaintiff", "被告": "defendant", "plaintiff": "plaintiff", "defendant": "defendant"}


def _property_lines(key: str, text: str) -> list[tuple[str, str, str]]:
    out = []
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        parts = [p.strip() for p in re.split(r"[，,、]", line)]
        if len(parts) != 3 or not parts[0] or not parts[1]:
            raise _bad(key, f"第{n}行格式应为：名称，价值，归属（原告/被告）")
        holder = _HOLDERS.get(parts[2])
        if holder is None:
            raise _bad(key, f"第{n}行（{parts[0]}）请写明归属：原告或被告")
        out.append((parts[0], parts[1], holder))
    return out


# Engine parameter names that differ from the form's keys, for naming the field of an engine refusal.
_ENGINE_FIELDS = {"employment_start": "start", "until": "no_contract_until", "items": "item_medical"}


def _engine_call(figures: Mapping[str, str], run: Callable[[], eng.Calculation]) -> eng.Calculation:
    try:
        return run()
    except eng.FigureRequiredError as exc:
        field = "lpr" if "LPR" in exc.message else next(iter(figures), "figures")
        raise InvalidInputError(
            ElementTrialErrorCode.FIGURE_REQUIRED,
            f"{exc.message.removesuffix('，请由调用方提供')}：请在计算参数中填写该数据（系统不作推测）",
            {"field": field, **{k: str(v) for k, v in exc.detail.items()}},
        ) from exc
    except eng.ElementsError as exc:
        raw = str(exc.detail.get("field", ""))
        field = _ENGINE_FIELDS.get(raw, raw)
        raise InvalidInputError(exc.code, exc.message, {"field": field or "figures"}) from exc


def calculate(cause: eng.Cause, figures: Mapping[str, str]) -> list[eng.Calculation]:
    """The cause's calculations from cleaned figures (:func:`clean_figures`)."""
    f = figures
    if cause is eng.Cause.PRIVATE_LENDING:
        return [
            _engine_call(
                f,
                lambda: eng.lending_interest(
                    f["principal"],
                    f["start"],
                    f["end"],
                    contract_date=f.get("contract_date") or f["start"],
                    annual_rate=f["annual_rate"],
                    lpr=f.get("lpr") or None,
                ),
            )
        ]
    if cause is eng.Cause.LABOR_DISPUTE:
        out = [
            _engine_call(
                f,
                lambda: eng.economic_compensation(
                    f["monthly_wage"],
                    f["start"],
                    f["end"],
                    local_average_monthly_wage=f.get("local_average_monthly_wage") or None,
                    unlawful=bool(f.get("unlawful")),
                ),
            )
        ]
        if f.get("no_contract_until"):
            out.append(
                _engine_call(
                    f, lambda: eng.double_wage(f["monthly_wage"], f["start"], f["no_contract_until"])
                )
            )
        return out
    if cause is eng.Cause.DIVORCE:
        out = [
            _engine_call(
                f,
                lambda: eng.child_support(
                    f["monthly_income"],
                    children=int(f.get("children") or 1),
                    percent_of_income=f.get("percent_of_income") or None,
                ),
            )
        ]
        assets = _property_lines("assets", f.get("assets", ""))
        debts = _property_lines("debts", f.get("debts", ""))
        if assets:
            out.append(
                _engine_call(
                    f,
                    lambda: eng.property_division(
                        assets, debts=debts, plaintiff_share_percent=f.get("plaintiff_share_percent") or 50
                    ),
                )
            )
        return out
    items = {item: f[f"item_{item}"] for item, _ in _TRAFFIC_ITEMS if f.get(f"item_{item}")}
    if not items:
        raise _bad("item_medical", "请至少填写一项损失金额", ElementTrialErrorCode.FIGURE_REQUIRED)
    return [
        _engine_call(
            f,
            lambda: eng.traffic_damages(
                items,
                liability_percent=f["liability_percent"],
                compulsory_insured=bool(f.get("compulsory_insured")),
                commercial_limit=f.get("commercial_limit") or 0,
                paid=f.get("paid") or 0,
            ),
        )
    ]


def calculation_lines(calculations: list[eng.Calculation]) -> list[str]:
    """The calculations as 本院认为 sentences for the judgment draft: each step with its basis, then the figure;
    dates, amounts and citations as a judgment writes them (``eng.step_text``, ``eng.cite_in_text``)."""
    lines = []
    for c in calculations:
        steps = "；".join(eng.step_text(s) for s in c.steps)
        figure = eng.court_value("money", str(abs(c.figure)))
        if c.figure < 0 and c.label == "财产分割折价款":  # the engine's balance is what 被告 owes 原告
            result = f"原告应向被告支付{c.label}{figure}"
        else:
            result = f"{c.label}为{'-' if c.figure < 0 else ''}{figure}"
        lines.append(eng.cite_in_text(f"关于{c.label}：{steps}。据此，{result}。"))
    return lines
