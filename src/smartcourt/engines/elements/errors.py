"""Errors of the elements engine (要素式审判).

Every error carries a machine ``code`` (stable, for the API's ``{"code", "message", "detail"}``), a Chinese
``message`` for the UI and a ``detail`` mapping with the values that caused it::

    ElementsError(ValueError)            elements_error
    ├── UnknownCauseError                unknown_cause: no supported cause named or recognised in the texts
    ├── NegativeAmountError              negative_amount: an amount, rate, age or period below zero
    ├── InvalidValueError                invalid_value: not a number, out of range, a contradictory option
    ├── DateOrderError                   date_order: an end date before its start date
    ├── FigureRequiredError              figure_required: a statistic (LPR, wage, income) not in the data and
    │                                    not given by the caller — never guessed
    └── ElementsDataError                elements_data_invalid: a data file beside the code is malformed

>>> err = DateOrderError(start="2024-05-01", end="2024-01-01")
>>> (err.code, err.message)
('date_order', '结束日期 2024-01-01 早于开始日期 2024-05-01')
>>> isinstance(err, ValueError)
True
"""

from __future__ import annotations

from typing import ClassVar

from smartcourt.engines._errors import TemplatedError

__all__ = [
    "DateOrderError",
    "ElementsDataError",
    "ElementsError",
    "FigureRequiredError",
    "InvalidValueError",
    "NegativeAmountError",
    "UnknownCauseError",
]


class ElementsError(TemplatedError):
    """Root of every error the elements engine raises; keyword arguments fill the Chinese message and ``detail``.

    >>> err = NegativeAmountError(field="principal", value="-1")
    >>> (err.code, err.message, err.detail["field"])
    ('negative_amount', '数额不能为负数：principal = -1', 'principal')
    """

    code: ClassVar[str] = "elements_error"
    template: ClassVar[str] = "要素式审判计算或提取失败"


class UnknownCauseError(ElementsError):
    """No supported cause (民间借贷纠纷, 机动车交通事故责任纠纷, 离婚纠纷, 劳动争议) was named or recognised.

    >>> UnknownCauseError(cause="合同纠纷").message
    '无法识别案由或暂不支持：合同纠纷（支持：民间借贷纠纷、机动车交通事故责任纠纷、离婚纠纷、劳动争议）'
    """

    code = "unknown_cause"
    template = (
        "无法识别案由或暂不支持：{cause}（支持：民间借贷纠纷、机动车交通事故责任纠纷、离婚纠纷、劳动争议）"
    )


class NegativeAmountError(ElementsError):
    """An amount, rate, age or period is below zero.

    >>> NegativeAmountError(field="wage", value="-5").code
    'negative_amount'
    """

    code = "negative_amount"
    template = "数额不能为负数：{field} = {value}"


class InvalidValueError(ElementsError):
    """A value is not a number, is out of its range, or options contradict each other.

    >>> InvalidValueError(field="ratio", reason="责任比例须在0至100%之间").message
    '参数无效（ratio）：责任比例须在0至100%之间'
    """

    code = "invalid_value"
    template = "参数无效（{field}）：{reason}"


class DateOrderError(ElementsError):
    """An end date lies before its start date.

    >>> DateOrderError(start="2024-02-01", end="2024-01-01").code
    'date_order'
    """

    code = "date_order"
    template = "结束日期 {end} 早于开始日期 {start}"


class FigureRequiredError(ElementsError):
    """A statistic the computation needs (LPR, an average wage, an income figure) is neither in the shipped data
    nor given by the caller; the engine never makes one up.

    >>> FigureRequiredError(figure="一年期LPR", key="2031-01-01").message
    '缺少计算所需数据：一年期LPR（2031-01-01），请由调用方提供'
    """

    code = "figure_required"
    template = "缺少计算所需数据：{figure}（{key}），请由调用方提供"


class ElementsDataError(ElementsError):
    """A data file beside the code is missing or malformed.

    >>> ElementsDataError(reason="no causes").code
    'elements_data_invalid'
    """

    code = "elements_data_invalid"
    template = "要素数据文件无效：{reason}"
