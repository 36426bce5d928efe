"""The states of a petition (申诉) and the rules that move it, in one place.

SUBMITTED ─register→ REGISTERED ─assign→ UNDER_REVIEW ─dismiss→ DISMISSED
    └─not_accept→ NOT_ACCEPTED                    └──transfer→ TRANSFERRED (转再审审查)
SUBMITTED/REGISTERED/UNDER_REVIEW ─withdraw→ WITHDRAWN

Only an effective judgment or ruling can be petitioned against (民事诉讼法（2023）第二百一十条: 对已经发生法律
效力的判决、裁定，认为有错误的); here: a case CLOSED or ARCHIVED. A petition does not stay enforcement (同条).
"""

from __future__ import annotations

from smartcourt.apps.petitions.models import PetitionStatus as S

TRANSITIONS: dict[str, dict[str, str]] = {
    "register": {S.SUBMITTED: S.REGISTERED},
    "not_accept": {S.SUBMITTED: S.NOT_ACCEPTED},
    "assign": {S.REGISTERED: S.UNDER_REVIEW, S.UNDER_REVIEW: S.UNDER_REVIEW},
    "dismiss": {S.UNDER_REVIEW: S.DISMISSED},
    "transfer": {S.UNDER_REVIEW: S.TRANSFERRED},
    "withdraw": {S.SUBMITTED: S.WITHDRAWN, S.REGISTERED: S.WITHDRAWN, S.UNDER_REVIEW: S.WITHDRAWN},
}
ACTION_LABELS = {
    "register": "登记",
    "not_accept": "不予登记",
    "assign": "指定审查人",
    "dismiss": "驳回申诉",
    "transfer": "转再审审查",
    "withdraw": "撤回",
}
EFFECTIVE_STATUSES = ("CLOSED", "ARCHIVED")
BASIS = "民事诉讼法（2023）第二百一十条"


def next_status(status: str, action: str) -> str | None:
    return TRANSITIONS.get(action, {}).get(status)
