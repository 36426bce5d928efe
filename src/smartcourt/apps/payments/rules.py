"""The payment order's state machine, in one place: every allowed (state, action) and its rule.

Sources: 《诉讼费用交纳办法》（国务院令第481号）.

=====================  ==============  ====================  ==============================================
from                    action          to                    rule
=====================  ==============  ====================  ==============================================
PENDING, DEFERRED       pay             PAID                  第二十二条 (7 日内交纳), provider callback verified
PENDING                 defer           DEFERRED              第四十七条、第四十九条 (准予缓交)
PENDING, DEFERRED       reduce          (unchanged)           第四十六条 (减交比例不得低于30%)
PENDING, DEFERRED       exempt          EXEMPTED              第四十五条 (免交只适用于自然人, 第四十四条第二款)
PENDING, DEFERRED       cancel          CANCELLED             开单错误或案件不予受理
PAID, PART_REFUNDED     refund          PART_REFUNDED         第十五条 (调解/撤诉减半), 第二十一条第(二)项,
                                                              第二十七条, 第五十三条第二款 (15 日内退还)
PAID, PART_REFUNDED     refund (rest)   REFUNDED              第二十五条、第二十七条 (全额退还)
=====================  ==============  ====================  ==============================================
"""

from __future__ import annotations

from smartcourt.apps.core.errors import ConflictError
from smartcourt.apps.payments.error_codes import PaymentErrorCode
from smartcourt.apps.payments.models import OrderStatus

_S = OrderStatus

TRANSITIONS: dict[tuple[str, str], str] = {
    (_S.PENDING, "pay"): _S.PAID,
    (_S.DEFERRED, "pay"): _S.PAID,
    (_S.PENDING, "defer"): _S.DEFERRED,
    (_S.PENDING, "reduce"): _S.PENDING,
    (_S.DEFERRED, "reduce"): _S.DEFERRED,
    (_S.PENDING, "exempt"): _S.EXEMPTED,
    (_S.DEFERRED, "exempt"): _S.EXEMPTED,
    (_S.PENDING, "cancel"): _S.CANCELLED,
    (_S.DEFERRED, "cancel"): _S.CANCELLED,
    (_S.PAID, "refund_partial"): _S.PARTIALLY_REFUNDED,
    (_S.PARTIALLY_REFUNDED, "refund_partial"): _S.PARTIALLY_REFUNDED,
    (_S.PAID, "refund_full"): _S.REFUNDED,
    (_S.PARTIALLY_REFUNDED, "refund_full"): _S.REFUNDED,
}

ACTION_LABELS = {
    "pay": "缴费",
    "defer": "缓交",
    "reduce": "减交",
    "exempt": "免交",
    "cancel": "撤销",
    "refund_partial": "部分退费",
    "refund_full": "全额退费",
}

PAYABLE = (_S.PENDING, _S.DEFERRED)
REFUNDABLE = (_S.PAID, _S.PARTIALLY_REFUNDED)


def next_status(current: str, action: str) -> str:
    """The state after ``action``, or :class:`ConflictError` naming the state that forbids it."""
    to = TRANSITIONS.get((current, action))
    if to is None:
        raise ConflictError(
            PaymentErrorCode.ILLEGAL_TRANSITION,
            f"缴费单当前为“{OrderStatus(current).label}”，不能{ACTION_LABELS.get(action, action)}",
            {"status": current, "action": action},
        )
    return to
