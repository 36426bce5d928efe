"""The case state machine: every legal transition in one place, each with the rule it comes from."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from smartcourt.engines.procedure.errors import ClosureMethodError, IllegalTransitionError


class CaseStatus(StrEnum):
    """Where a case stands. A filing that is not yet registered is not a case (see the glossary)."""

    REGISTERED = "REGISTERED"
    ASSIGNED = "ASSIGNED"
    IN_TRIAL = "IN_TRIAL"
    SUSPENDED = "SUSPENDED"
    CLOSED = "CLOSED"
    ARCHIVED = "ARCHIVED"

    @property
    def label(self) -> str:
        return _STATUS_LABELS[self]


_STATUS_LABELS = {
    CaseStatus.REGISTERED: "已立案",
    CaseStatus.ASSIGNED: "已分案",
    CaseStatus.IN_TRIAL: "审理中",
    CaseStatus.SUSPENDED: "中止",
    CaseStatus.CLOSED: "已结案",
    CaseStatus.ARCHIVED: "已归档",
}


class CaseAction(StrEnum):
    ASSIGN = "ASSIGN"
    REASSIGN = "REASSIGN"
    START_TRIAL = "START_TRIAL"
    SUSPEND = "SUSPEND"
    RESUME = "RESUME"
    CLOSE = "CLOSE"
    ARCHIVE = "ARCHIVE"

    @property
    def label(self) -> str:
        return _ACTION_LABELS[self]


_ACTION_LABELS = {
    CaseAction.ASSIGN: "分案",
    CaseAction.REASSIGN: "变更承办人",
    CaseAction.START_TRIAL: "开始审理",
    CaseAction.SUSPEND: "中止",
    CaseAction.RESUME: "恢复",
    CaseAction.CLOSE: "结案",
    CaseAction.ARCHIVE: "归档",
}


class ClosureMethod(StrEnum):
    """结案方式, the subset the platform distinguishes; the trial and enforcement issues refine it."""

    JUDGMENT = "JUDGMENT"
    MEDIATION = "MEDIATION"
    WITHDRAWAL = "WITHDRAWAL"
    DISMISSAL = "DISMISSAL"
    RULING = "RULING"
    TRANSFER = "TRANSFER"
    TERMINATION = "TERMINATION"
    ENFORCEMENT_COMPLETED = "ENFORCEMENT_COMPLETED"
    TERMINATE_CURRENT_ENFORCEMENT = "TERMINATE_CURRENT_ENFORCEMENT"

    @property
    def label(self) -> str:
        return _CLOSURE_LABELS[self]


_CLOSURE_LABELS = {
    ClosureMethod.JUDGMENT: "判决",
    ClosureMethod.MEDIATION: "调解",
    ClosureMethod.WITHDRAWAL: "撤诉",
    ClosureMethod.DISMISSAL: "驳回起诉",
    ClosureMethod.RULING: "裁定",
    ClosureMethod.TRANSFER: "移送",
    ClosureMethod.TERMINATION: "终结",
    ClosureMethod.ENFORCEMENT_COMPLETED: "执行完毕",
    ClosureMethod.TERMINATE_CURRENT_ENFORCEMENT: "终结本次执行程序",
}


@dataclass(frozen=True, slots=True)
class Transition:
    """One legal move: from ``source`` by ``action`` to ``target``, with the rule that allows it."""

    source: CaseStatus
    action: CaseAction
    target: CaseStatus
    rule: str


_CIVIL_SUSPEND = "《中华人民共和国民事诉讼法》第一百五十三条（中止诉讼）"
_CRIMINAL_SUSPEND = "《中华人民共和国刑事诉讼法》第二百零六条（中止审理）"
_ASSIGN = "《最高人民法院关于完善人民法院司法责任制的若干意见》（法发〔2015〕13号）第十八条：随机分案为主、指定分案为辅"
_ARCHIVE = "《人民法院档案管理办法》：结案后及时立卷归档"

TRANSITIONS: tuple[Transition, ...] = (
    Transition(CaseStatus.REGISTERED, CaseAction.ASSIGN, CaseStatus.ASSIGNED, _ASSIGN),
    Transition(CaseStatus.ASSIGNED, CaseAction.REASSIGN, CaseStatus.ASSIGNED, _ASSIGN),
    Transition(CaseStatus.IN_TRIAL, CaseAction.REASSIGN, CaseStatus.IN_TRIAL, _ASSIGN),
    Transition(
        CaseStatus.ASSIGNED,
        CaseAction.START_TRIAL,
        CaseStatus.IN_TRIAL,
        "承办法官接收案件后开始审理（审限自立案次日起计算，法释〔2000〕29号第八条）",
    ),
    Transition(
        CaseStatus.IN_TRIAL,
        CaseAction.SUSPEND,
        CaseStatus.SUSPENDED,
        f"{_CIVIL_SUSPEND}；{_CRIMINAL_SUSPEND}",
    ),
    Transition(
        CaseStatus.SUSPENDED,
        CaseAction.RESUME,
        CaseStatus.IN_TRIAL,
        "中止诉讼的原因消除后，恢复诉讼（民事诉讼法第一百五十三条第二款）；中止期间不计入审限（法释〔2000〕29号第九条）",
    ),
    Transition(CaseStatus.REGISTERED, CaseAction.CLOSE, CaseStatus.CLOSED, "立案后未分案即撤诉、移送等结案"),
    Transition(CaseStatus.ASSIGNED, CaseAction.CLOSE, CaseStatus.CLOSED, "分案后结案"),
    Transition(
        CaseStatus.IN_TRIAL, CaseAction.CLOSE, CaseStatus.CLOSED, "审理终结，依法作出裁判或以其他方式结案"
    ),
    Transition(
        CaseStatus.SUSPENDED,
        CaseAction.CLOSE,
        CaseStatus.CLOSED,
        "中止期间撤诉、终结诉讼（民事诉讼法第一百五十四条）",
    ),
    Transition(CaseStatus.CLOSED, CaseAction.ARCHIVE, CaseStatus.ARCHIVED, _ARCHIVE),
)

_BY_KEY = {(t.source, t.action): t for t in TRANSITIONS}

# Which closing methods fit which case category; a category not listed allows every method.
# Mediation in criminal cases only for private prosecutions and incidental civil claims
# (《中华人民共和国刑事诉讼法》第二百一十二条、第一百零三条), so public-prosecution cases refuse it.
CLOSURE_METHODS: dict[str, frozenset[ClosureMethod]] = {
    "CIVIL": frozenset(
        {
            ClosureMethod.JUDGMENT,
            ClosureMethod.MEDIATION,
            ClosureMethod.WITHDRAWAL,
            ClosureMethod.DISMISSAL,
            ClosureMethod.RULING,
            ClosureMethod.TRANSFER,
            ClosureMethod.TERMINATION,
        }
    ),
    "CRIMINAL": frozenset(
        {
            ClosureMethod.JUDGMENT,
            ClosureMethod.WITHDRAWAL,
            ClosureMethod.RULING,
            ClosureMethod.TRANSFER,
            ClosureMethod.TERMINATION,
        }
    ),
    "ADMINISTRATIVE": frozenset(
        {
            ClosureMethod.JUDGMENT,
            ClosureMethod.WITHDRAWAL,
            ClosureMethod.DISMISSAL,
            ClosureMethod.RULING,
            ClosureMethod.TRANSFER,
            ClosureMethod.TERMINATION,
            ClosureMethod.MEDIATION,  # 行政诉讼法第六十条: 赔偿、补偿及自由裁量权案件可以调解
        }
    ),
    "ENFORCEMENT": frozenset(
        {
            ClosureMethod.ENFORCEMENT_COMPLETED,
            ClosureMethod.TERMINATE_CURRENT_ENFORCEMENT,
            ClosureMethod.TERMINATION,
            ClosureMethod.WITHDRAWAL,
            ClosureMethod.RULING,
            ClosureMethod.TRANSFER,
        }
    ),
}


def next_transition(status: CaseStatus | str, action: CaseAction | str) -> Transition:
    """The legal transition for ``action`` in ``status``, or :class:`IllegalTransitionError`.

    >>> next_transition("REGISTERED", "ASSIGN").target
    <CaseStatus.ASSIGNED: 'ASSIGNED'>
    >>> next_transition("CLOSED", "ASSIGN")
    Traceback (most recent call last):
    ...
    smartcourt.engines.procedure.errors.IllegalTransitionError: 案件处于「已结案」状态，不能「分案」
    """
    source = CaseStatus(status)
    act = CaseAction(action)
    transition = _BY_KEY.get((source, act))
    if transition is None:
        raise IllegalTransitionError(
            f"案件处于「{source.label}」状态，不能「{act.label}」",
            allowed=tuple(t.action.value for t in TRANSITIONS if t.source is source),
        )
    return transition


def allowed_actions(status: CaseStatus | str) -> tuple[CaseAction, ...]:
    """The actions the state machine allows in ``status``.

    >>> [a.value for a in allowed_actions("SUSPENDED")]
    ['RESUME', 'CLOSE']
    """
    source = CaseStatus(status)
    return tuple(t.action for t in TRANSITIONS if t.source is source)


def check_closure_method(category: str, method: ClosureMethod | str) -> ClosureMethod:
    """Validate that a case of ``category`` may close by ``method``.

    >>> check_closure_method("CIVIL", "MEDIATION").label
    '调解'
    >>> check_closure_method("CRIMINAL", "MEDIATION")
    Traceback (most recent call last):
    ...
    smartcourt.engines.procedure.errors.ClosureMethodError: 公诉刑事案件不能以「调解」方式结案（刑事诉讼法第二百一十二条仅允许自诉案件调解）
    """
    try:
        closure = ClosureMethod(method)
    except ValueError:
        raise ClosureMethodError(f"未知的结案方式「{method}」") from None
    allowed = CLOSURE_METHODS.get(category)
    if allowed is not None and closure not in allowed:
        if category == "CRIMINAL" and closure is ClosureMethod.MEDIATION:
            raise ClosureMethodError(
                "公诉刑事案件不能以「调解」方式结案（刑事诉讼法第二百一十二条仅允许自诉案件调解）"
            )
        raise ClosureMethodError(f"该类案件不能以「{closure.label}」方式结案")
    return closure
