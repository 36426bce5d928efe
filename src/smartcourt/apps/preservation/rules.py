"""The states of a preservation application and the rules that move it, in one place.

SUBMITTED ─accept→ ACCEPTED ─grant→ GRANTED
    │                  └──refuse→ REFUSED
    ├──withdraw→ WITHDRAWN
    └──refuse→ REFUSED        (e.g. no guarantee where one is required: 民事诉讼法第一百零四条第一款)

The ruling period starts at acceptance (人民法院接受申请后):
- 诉前保全: 48 hours (民事诉讼法（2023）第一百零四条第二款);
- 诉讼中保全, urgent: 48 hours (同法第一百零三条第三款);
- 诉讼中保全, not urgent: 5 days (最高人民法院关于人民法院办理财产保全案件若干问题的规定 第四条,
  法释〔2016〕22号 — the number from memory, unverified; text as amended 2020-12-29 in ../shared/data/laws).
Guarantee (同规定第五条): 诉前 equal to the amount requested; 诉讼中 at most 30% of it, which the court
requires here by default.
"""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from smartcourt.apps.preservation.models import PreservationStatus as S

TRANSITIONS: dict[str, dict[str, str]] = {
    "accept": {S.SUBMITTED: S.ACCEPTED},
    "grant": {S.ACCEPTED: S.GRANTED},
    "refuse": {S.SUBMITTED: S.REFUSED, S.ACCEPTED: S.REFUSED},
    "withdraw": {S.SUBMITTED: S.WITHDRAWN, S.ACCEPTED: S.WITHDRAWN},
}
ACTION_LABELS = {"accept": "受理", "grant": "裁定准予保全", "refuse": "裁定驳回", "withdraw": "撤回申请"}

PRE_SUIT_RULE = "民事诉讼法（2023）第一百零四条第二款：人民法院接受申请后，必须在四十八小时内作出裁定"
URGENT_RULE = "民事诉讼法（2023）第一百零三条第三款：对情况紧急的，必须在四十八小时内作出裁定"
ORDINARY_RULE = "最高人民法院关于人民法院办理财产保全案件若干问题的规定第四条：接受申请后应当在五日内作出裁定"
PRE_SUIT_GUARANTEE = Decimal("1")
IN_LITIGATION_GUARANTEE = Decimal("0.30")


def next_status(status: str, action: str) -> str | None:
    """The state after ``action``, or ``None`` if the action is not allowed from ``status``."""
    return TRANSITIONS.get(action, {}).get(status)


def ruling_period(*, stage: str, urgent: bool) -> tuple[timedelta, str]:
    if stage == "PRE_SUIT":
        return timedelta(hours=48), PRE_SUIT_RULE
    if urgent:
        return timedelta(hours=48), URGENT_RULE
    return timedelta(days=5), ORDINARY_RULE


def guarantee_required(*, stage: str, amount: Decimal) -> Decimal:
    ratio = PRE_SUIT_GUARANTEE if stage == "PRE_SUIT" else IN_LITIGATION_GUARANTEE
    return (amount * ratio).quantize(Decimal("0.01"))
