"""The states of a filing and every transition between them, in one place.

Each action names the states it may start from and the state it leads to. ``advance`` refuses an illegal
transition with a :class:`ConflictError` naming the current state and the action (the caller holds the row
lock and has changed nothing yet), so an illegal request changes nothing.

跨域立案 (cross-region filing, 法办〔2019〕243号 第3项 as cited by the issue; the SPC's opinion on 跨域立案
服务 is not in ../shared/data/laws and is not cited here — unverified): a filing naming a receiving court
(收件法院) other than the competent court (管辖法院) first waits at the receiving court
(``AT_RECEIVING_COURT``); its filing officer checks the materials and forwards them (the filing becomes
``SUBMITTED`` at the competent court, whose 7-day clock starts on arrival) or returns them with reasons
(``RETURNED``, editable by the filer, who may send them again).
"""

from __future__ import annotations

from dataclasses import dataclass

from smartcourt.apps.core.errors import ConflictError
from smartcourt.apps.filing.error_codes import FilingErrorCode as E
from smartcourt.apps.filing.models import Filing, FilingStatus

S = FilingStatus


@dataclass(frozen=True)
class Transition:
    action: str
    label: str
    sources: frozenset[str]
    target: str


TRANSITIONS: dict[str, Transition] = {
    t.action: t
    for t in (
        # filer
        Transition("SUBMIT", "提交立案申请", frozenset({S.DRAFT, S.RETURNED}), S.SUBMITTED),
        Transition(
            "SUBMIT_CROSS_REGION",
            "向收件法院提交跨域立案申请",
            frozenset({S.DRAFT, S.RETURNED}),
            S.AT_RECEIVING_COURT,
        ),
        Transition("CORRECT", "补正后重新提交", frozenset({S.CORRECTION_REQUESTED}), S.SUBMITTED),
        # receiving court's filing officer (跨域立案)
        Transition("FORWARD", "核对材料并转交管辖法院", frozenset({S.AT_RECEIVING_COURT}), S.SUBMITTED),
        Transition("RETURN", "退回材料", frozenset({S.AT_RECEIVING_COURT}), S.RETURNED),
        # competent court's filing officer (立案审查)
        Transition("REQUEST_CORRECTION", "一次性告知补正", frozenset({S.SUBMITTED}), S.CORRECTION_REQUESTED),
        Transition("ACCEPT", "登记立案", frozenset({S.SUBMITTED}), S.ACCEPTED),
        Transition("REFUSE", "裁定不予受理", frozenset({S.SUBMITTED}), S.REFUSED),
    )
}


def allowed(filing: Filing, action: str) -> bool:
    """Whether ``action`` may be taken on the filing in its current state."""
    return filing.status in TRANSITIONS[action].sources


def check(filing: Filing, action: str) -> Transition:
    """The transition of ``action`` from the filing's state, or a ConflictError that changes nothing."""
    transition = TRANSITIONS.get(action)
    if transition is None:
        raise ConflictError(E.BAD_STATUS, f"未知的操作「{action}」", {"action": action})
    if filing.status not in transition.sources:
        raise ConflictError(
            E.BAD_STATUS,
            f"该立案申请当前状态为「{filing.get_status_display()}」，不能{transition.label}",
            {"status": filing.status, "action": action},
        )
    return transition


def advance(filing: Filing, action: str) -> str:
    """Move the (locked, unsaved) filing along ``action``; the caller saves it in the same transaction."""
    transition = check(filing, action)
    filing.status = transition.target
    return transition.target
