"""Which party roles a case takes, by category and procedure class."""

from __future__ import annotations

from smartcourt.engines.procedure._procedures import Procedure
from smartcourt.engines.procedure.errors import ProcedureError


class PartyRoleError(ProcedureError):
    code = "case.party_roles"


class ProcedureChoiceError(ProcedureError):
    code = "case.bad_procedure"


# 民事诉讼法第一百二十二条: 起诉须有明确的被告 — so a first-instance civil case names both sides.
# 刑事诉讼法第一百八十六条: 公诉案件由人民检察院提起公诉; the accused is named in the indictment.
# 民事诉讼法第一百七十一条 et seq.: the appellant and the appellee of a second instance.
# 民事诉讼法第二百四十七条: 申请执行人 against 被执行人.
_REQUIRED: dict[tuple[str, str], tuple[frozenset[str], ...]] = {
    ("CIVIL", "FIRST_INSTANCE"): (frozenset({"PLAINTIFF"}), frozenset({"DEFENDANT"})),
    ("CIVIL", "SECOND_INSTANCE"): (frozenset({"APPELLANT"}), frozenset({"APPELLEE"})),
    ("ADMINISTRATIVE", "FIRST_INSTANCE"): (frozenset({"PLAINTIFF"}), frozenset({"DEFENDANT"})),
    ("ADMINISTRATIVE", "SECOND_INSTANCE"): (frozenset({"APPELLANT"}), frozenset({"APPELLEE"})),
    ("CRIMINAL", "FIRST_INSTANCE"): (frozenset({"ACCUSED"}),),
    ("CRIMINAL", "SECOND_INSTANCE"): (frozenset({"ACCUSED", "APPELLANT"}),),
    ("ENFORCEMENT", "ENFORCEMENT"): (frozenset({"ENFORCEMENT_APPLICANT"}), frozenset({"JUDGMENT_DEBTOR"})),
}

_ALLOWED: dict[str, frozenset[str]] = {
    "CIVIL": frozenset(
        {"PLAINTIFF", "DEFENDANT", "THIRD_PARTY", "APPELLANT", "APPELLEE", "APPLICANT", "RESPONDENT"}
    ),
    "ADMINISTRATIVE": frozenset(
        {"PLAINTIFF", "DEFENDANT", "THIRD_PARTY", "APPELLANT", "APPELLEE", "APPLICANT", "RESPONDENT"}
    ),
    "CRIMINAL": frozenset(
        {
            "ACCUSED",
            "VICTIM",
            "PROSECUTOR",
            "PRIVATE_PROSECUTOR",
            "APPELLANT",
            "APPELLEE",
            "PLAINTIFF",
            "DEFENDANT",
        }
    ),
    "ENFORCEMENT": frozenset({"ENFORCEMENT_APPLICANT", "JUDGMENT_DEBTOR", "THIRD_PARTY"}),
}

_ROLE_LABELS = {
    "PLAINTIFF": "原告",
    "DEFENDANT": "被告",
    "APPELLANT": "上诉人",
    "APPELLEE": "被上诉人",
    "ACCUSED": "被告人",
    "ENFORCEMENT_APPLICANT": "申请执行人",
    "JUDGMENT_DEBTOR": "被执行人",
}


def check_party_roles(category: str, procedure_class: str, roles: list[str]) -> None:
    """Raise :class:`PartyRoleError` unless ``roles`` fit a case of this category and procedure class.

    >>> check_party_roles("CIVIL", "FIRST_INSTANCE", ["PLAINTIFF", "DEFENDANT", "THIRD_PARTY"])
    >>> check_party_roles("CIVIL", "FIRST_INSTANCE", ["PLAINTIFF"])
    Traceback (most recent call last):
    ...
    smartcourt.engines.procedure._parties.PartyRoleError: 缺少当事人：被告（民事诉讼法第一百二十二条等）
    """
    allowed = _ALLOWED.get(category)
    if allowed is not None:
        for role in roles:
            if role not in allowed:
                raise PartyRoleError(f"该类案件的当事人不能是「{_ROLE_LABELS.get(role, role)}」")
    for group in _REQUIRED.get((category, procedure_class), ()):
        if not group.intersection(roles):
            names = "或".join(sorted(_ROLE_LABELS.get(r, r) for r in group))
            raise PartyRoleError(f"缺少当事人：{names}（民事诉讼法第一百二十二条等）")


# 民事诉讼法第一百六十条、第一百六十五条: simple and small-claims procedure in basic courts' first instance;
# 刑事诉讼法第二百一十四条、第二百二十二条: simple and fast-track procedure in basic courts' first instance;
# 行政诉讼法第八十二条: simple procedure in first instance.
_PROCEDURES: dict[tuple[str, str], frozenset[str]] = {
    ("CIVIL", "FIRST_INSTANCE"): frozenset({"ORDINARY", "SIMPLE", "SMALL_CLAIMS"}),
    ("CRIMINAL", "FIRST_INSTANCE"): frozenset({"ORDINARY", "SIMPLE", "FAST_TRACK"}),
    ("ADMINISTRATIVE", "FIRST_INSTANCE"): frozenset({"ORDINARY", "SIMPLE"}),
}
_BASIC_ONLY = frozenset({"SIMPLE", "SMALL_CLAIMS", "FAST_TRACK"})


def check_procedure(category: str, procedure_class: str, procedure: str, *, court_level: str) -> None:
    """Raise :class:`ProcedureChoiceError` unless ``procedure`` may apply to this case in this court.

    >>> check_procedure("CIVIL", "FIRST_INSTANCE", "SMALL_CLAIMS", court_level="BASIC")
    >>> check_procedure("CIVIL", "SECOND_INSTANCE", "SIMPLE", court_level="INTERMEDIATE")
    Traceback (most recent call last):
    ...
    smartcourt.engines.procedure._parties.ProcedureChoiceError: 简易程序、小额诉讼程序和速裁程序只适用于基层人民法院审理的第一审案件
    """
    if procedure not in Procedure.__members__:
        raise ProcedureChoiceError(f"未知的适用程序「{procedure}」")
    if procedure == "ORDINARY":
        return
    allowed = _PROCEDURES.get((category, procedure_class), frozenset({"ORDINARY"}))
    if procedure not in allowed or (procedure in _BASIC_ONLY and court_level not in {"BASIC", "SPECIAL"}):
        raise ProcedureChoiceError("简易程序、小额诉讼程序和速裁程序只适用于基层人民法院审理的第一审案件")


class PanelError(ProcedureError):
    code = "case.bad_panel"


# 民事诉讼法第四十条第一款、第四十一条第一款: 合议庭的成员人数，必须是单数;
# 民事诉讼法第四十条第二款: 适用简易程序审理的民事案件，由审判员一人独任审理 (小额诉讼 is a simple procedure);
# 刑事诉讼法第二百二十二条: 速裁程序由审判员一人独任审判.
_SOLE_JUDGE_ONLY_CIVIL = frozenset({"SIMPLE", "SMALL_CLAIMS"})


def check_panel_size(category: str, procedure: str, size: int) -> None:
    """Raise :class:`PanelError` unless a bench of ``size`` judges may hear this case.

    ``size`` 1 is a sole judge (独任); a collegial panel (合议庭) has an odd number, at least three.

    >>> check_panel_size("CIVIL", "ORDINARY", 3)
    >>> check_panel_size("CIVIL", "SIMPLE", 3)
    Traceback (most recent call last):
    ...
    smartcourt.engines.procedure._parties.PanelError: 适用简易程序（含小额诉讼）的民事案件由审判员一人独任审理（民事诉讼法第四十条第二款）
    >>> check_panel_size("CIVIL", "ORDINARY", 4)
    Traceback (most recent call last):
    ...
    smartcourt.engines.procedure._parties.PanelError: 合议庭的成员人数必须是单数且不少于三人（民事诉讼法第四十条、第四十一条）
    """
    if size == 1:
        return
    if size < 3 or size % 2 == 0:
        raise PanelError("合议庭的成员人数必须是单数且不少于三人（民事诉讼法第四十条、第四十一条）")
    if category == "CIVIL" and procedure in _SOLE_JUDGE_ONLY_CIVIL:
        raise PanelError(
            "适用简易程序（含小额诉讼）的民事案件由审判员一人独任审理（民事诉讼法第四十条第二款）"
        )
    if category == "CRIMINAL" and procedure == "FAST_TRACK":
        raise PanelError("适用速裁程序的刑事案件由审判员一人独任审判（刑事诉讼法第二百二十二条）")
