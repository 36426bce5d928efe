"""The states of an appraisal request, the rules that move it, and each state's deadline, in one place.

REQUESTED ─approve+draw→ ENTRUSTED ─accept→ ACCEPTED ─start→ IN_PROGRESS ─issue→ OPINION_ISSUED
    └─refuse→ REFUSED          IN_PROGRESS ─supplement→ SUPPLEMENT ─resume→ IN_PROGRESS
ENTRUSTED/ACCEPTED/IN_PROGRESS/SUPPLEMENT ─return→ RETURNED (the institution declines or gives the case back;
the court may draw again, which moves RETURNED → ENTRUSTED).

Deadlines (days after the state is entered, rolled past holidays by engines.calendar):
- ENTRUSTED → the institution decides whether to accept within 7 working days (司法鉴定程序通则（司法部令第
  132号）第十三条, from memory: unverified — not in ../shared/data/laws); kept as 10 calendar days here.
- ACCEPTED/IN_PROGRESS → the period the court set (最高人民法院关于民事诉讼证据的若干规定（法释〔2019〕19号, number unverified; text in ../shared/data/laws）
  第三十二条第三款、第三十五条: 委托书载明鉴定期限，鉴定人应当在人民法院确定的期限内完成鉴定), counted from
  entrustment; default 30 days (司法鉴定程序通则第二十八条: 三十个工作日, unverified).
- SUPPLEMENT → materials within 15 days (the court's practice; no statutory period — configurable).
"""

from __future__ import annotations

from smartcourt.apps.appraisal.models import AppraisalStatus as S

TRANSITIONS: dict[str, dict[str, str]] = {
    "refuse": {S.REQUESTED: S.REFUSED},
    "entrust": {S.REQUESTED: S.ENTRUSTED, S.RETURNED: S.ENTRUSTED},
    "accept": {S.ENTRUSTED: S.ACCEPTED},
    "start": {S.ACCEPTED: S.IN_PROGRESS},
    "supplement": {S.IN_PROGRESS: S.SUPPLEMENT},
    "resume": {S.SUPPLEMENT: S.IN_PROGRESS},
    "issue": {S.IN_PROGRESS: S.OPINION_ISSUED},
    "return": {
        S.ENTRUSTED: S.RETURNED,
        S.ACCEPTED: S.RETURNED,
        S.IN_PROGRESS: S.RETURNED,
        S.SUPPLEMENT: S.RETURNED,
    },
}
ACTION_LABELS = {
    "refuse": "不予准许",
    "entrust": "委托",
    "accept": "受理",
    "start": "开始鉴定",
    "supplement": "要求补充材料",
    "resume": "材料已补充",
    "issue": "出具鉴定意见",
    "return": "退回",
}
# Actions the progress endpoint records (entrust and refuse have their own services).
PROGRESS_ACTIONS = ("accept", "start", "supplement", "resume", "issue", "return")

ACCEPT_DAYS = 10
SUPPLEMENT_DAYS = 15
DEFAULT_PERIOD_DAYS = 30
MAX_PERIOD_DAYS = 365
ACCEPT_BASIS = "司法鉴定程序通则第十三条（委托受理期限，未核验），本平台按10日计"
PERIOD_BASIS = "最高人民法院关于民事诉讼证据的若干规定第三十五条：鉴定人应当在人民法院确定的期限内完成鉴定"
SUPPLEMENT_BASIS = "补充材料期限（法院确定，默认15日）"

DRAW_ALGORITHM = "sha256(seed|request|ids) mod n / v1"


def next_status(status: str, action: str) -> str | None:
    return TRANSITIONS.get(action, {}).get(status)
