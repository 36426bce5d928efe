"""Trial procedures (简易/普通/小额/速裁) and the statutory time-limit rule each case follows."""

from __future__ import annotations

from enum import StrEnum


class Procedure(StrEnum):
    ORDINARY = "ORDINARY"
    SIMPLE = "SIMPLE"
    SMALL_CLAIMS = "SMALL_CLAIMS"
    FAST_TRACK = "FAST_TRACK"

    @property
    def label(self) -> str:
        return _LABELS[self]


_LABELS = {
    Procedure.ORDINARY: "普通程序",
    Procedure.SIMPLE: "简易程序",
    Procedure.SMALL_CLAIMS: "小额诉讼程序",
    Procedure.FAST_TRACK: "速裁程序",
}

# (category, procedure class, procedure) -> rule key of engines.calendar; ``None`` as procedure matches any.
# The periods themselves, with their articles, live in engines/calendar/data/time_limits.json.
_RULES: dict[tuple[str, str, Procedure | None], str] = {
    ("CIVIL", "FIRST_INSTANCE", Procedure.ORDINARY): "civil_first_ordinary",
    ("CIVIL", "FIRST_INSTANCE", Procedure.SIMPLE): "civil_first_simple",
    ("CIVIL", "FIRST_INSTANCE", Procedure.SMALL_CLAIMS): "civil_small_claims",
    ("CIVIL", "FIRST_INSTANCE", Procedure.FAST_TRACK): "civil_first_simple",
    ("CIVIL", "SECOND_INSTANCE", None): "civil_second_judgment",
    ("CIVIL", "SPECIAL_PROCEDURE", None): "civil_special_procedure",
    ("CRIMINAL", "FIRST_INSTANCE", Procedure.FAST_TRACK): "criminal_fast_track",
    ("CRIMINAL", "FIRST_INSTANCE", None): "criminal_first",
    ("CRIMINAL", "SECOND_INSTANCE", None): "criminal_second",
    ("ADMINISTRATIVE", "FIRST_INSTANCE", Procedure.SIMPLE): "administrative_simple",
    ("ADMINISTRATIVE", "FIRST_INSTANCE", None): "administrative_first",
    ("ADMINISTRATIVE", "SECOND_INSTANCE", None): "administrative_second",
    ("ENFORCEMENT", "ENFORCEMENT", None): "enforcement",
}


def time_limit_rule_for(category: str, procedure_class: str, procedure: Procedure | str) -> str | None:
    """The calendar rule key for a case, or ``None`` when no statutory 审限 applies to its type.

    >>> time_limit_rule_for("CIVIL", "FIRST_INSTANCE", "SIMPLE")
    'civil_first_simple'
    >>> time_limit_rule_for("CRIMINAL", "SECOND_INSTANCE", "ORDINARY")
    'criminal_second'
    >>> time_limit_rule_for("CIVIL", "RETRIAL_REVIEW", "ORDINARY") is None
    True
    """
    proc = Procedure(procedure)
    return _RULES.get((category, procedure_class, proc)) or _RULES.get((category, procedure_class, None))
