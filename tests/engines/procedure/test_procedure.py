"""The procedure engine against its vectors, with properties over every (status, action) pair."""

from __future__ import annotations

import json
from itertools import product
from pathlib import Path

import pytest

from smartcourt.engines import calendar
from smartcourt.engines.procedure import (
    TRANSITIONS,
    CaseAction,
    CaseStatus,
    ClosureMethodError,
    IllegalTransitionError,
    PartyRoleError,
    ProcedureChoiceError,
    allowed_actions,
    check_closure_method,
    check_party_roles,
    check_procedure,
    next_transition,
    time_limit_rule_for,
)

VECTORS = json.loads((Path(__file__).parent / "vectors" / "transitions.json").read_text(encoding="utf-8"))
LEGAL = {(s, a): t for s, a, t in VECTORS["legal"]}


@pytest.mark.parametrize(("status", "action"), list(product(CaseStatus, CaseAction)))
def test_every_pair_is_either_the_vector_target_or_refused(status, action):
    expected = LEGAL.get((status.value, action.value))
    if expected is None:
        with pytest.raises(IllegalTransitionError) as caught:
            next_transition(status, action)
        assert caught.value.message == f"案件处于「{status.label}」状态，不能「{action.label}」"
        assert caught.value.allowed == tuple(a.value for a in allowed_actions(status))
        assert caught.value.code == "case.illegal_transition"
    else:
        transition = next_transition(status, action)
        assert transition.target.value == expected
        assert transition.rule  # every legal move cites its basis


def test_the_table_has_no_duplicate_moves_and_archived_is_terminal():
    keys = [(t.source, t.action) for t in TRANSITIONS]
    assert len(keys) == len(set(keys))
    assert allowed_actions(CaseStatus.ARCHIVED) == ()
    assert len(TRANSITIONS) == len(VECTORS["legal"])


@pytest.mark.parametrize(("category", "method", "ok"), VECTORS["closure"])
def test_closure_methods(category, method, ok):
    if ok:
        assert check_closure_method(category, method).value == method
    else:
        with pytest.raises(ClosureMethodError):
            check_closure_method(category, method)


def test_unknown_values_are_refused_not_guessed():
    with pytest.raises(ValueError):
        next_transition("FLYING", "ASSIGN")
    with pytest.raises(ClosureMethodError):
        check_closure_method("CIVIL", "COIN_TOSS")
    with pytest.raises(ProcedureChoiceError):
        check_procedure("CIVIL", "FIRST_INSTANCE", "TELEPATHY", court_level="BASIC")


@pytest.mark.parametrize(("category", "procedure_class", "procedure", "rule"), VECTORS["time_limit_rules"])
def test_time_limit_rule_keys_exist_in_the_calendar_engine(category, procedure_class, procedure, rule):
    assert time_limit_rule_for(category, procedure_class, procedure) == rule
    if rule is not None:
        assert calendar.time_limit_rule(rule).key == rule


@pytest.mark.parametrize(
    ("category", "procedure_class", "roles", "ok"),
    [
        ("CIVIL", "FIRST_INSTANCE", ["PLAINTIFF", "DEFENDANT"], True),
        ("CIVIL", "FIRST_INSTANCE", ["DEFENDANT"], False),
        ("CIVIL", "FIRST_INSTANCE", ["PLAINTIFF", "DEFENDANT", "ACCUSED"], False),
        ("CIVIL", "SECOND_INSTANCE", ["APPELLANT", "APPELLEE"], True),
        ("CRIMINAL", "FIRST_INSTANCE", ["PROSECUTOR", "ACCUSED", "VICTIM"], True),
        ("CRIMINAL", "FIRST_INSTANCE", ["PROSECUTOR"], False),
        ("ENFORCEMENT", "ENFORCEMENT", ["ENFORCEMENT_APPLICANT", "JUDGMENT_DEBTOR"], True),
        ("ENFORCEMENT", "ENFORCEMENT", ["PLAINTIFF", "JUDGMENT_DEBTOR"], False),
        ("CIVIL", "SPECIAL_PROCEDURE", ["APPLICANT"], True),
    ],
)
def test_party_roles(category, procedure_class, roles, ok):
    if ok:
        check_party_roles(category, procedure_class, roles)
    else:
        with pytest.raises(PartyRoleError):
            check_party_roles(category, procedure_class, roles)


@pytest.mark.parametrize(
    ("category", "procedure_class", "procedure", "level", "ok"),
    [
        ("CIVIL", "FIRST_INSTANCE", "SIMPLE", "BASIC", True),
        ("CIVIL", "FIRST_INSTANCE", "SIMPLE", "INTERMEDIATE", False),
        ("CIVIL", "FIRST_INSTANCE", "FAST_TRACK", "BASIC", False),
        ("CRIMINAL", "FIRST_INSTANCE", "FAST_TRACK", "BASIC", True),
        ("CRIMINAL", "SECOND_INSTANCE", "SIMPLE", "INTERMEDIATE", False),
        ("ADMINISTRATIVE", "FIRST_INSTANCE", "SIMPLE", "BASIC", True),
        ("ENFORCEMENT", "ENFORCEMENT", "ORDINARY", "HIGH", True),
    ],
)
def test_procedure_choice(category, procedure_class, procedure, level, ok):
    if ok:
        check_procedure(category, procedure_class, procedure, court_level=level)
    else:
        with pytest.raises(ProcedureChoiceError):
            check_procedure(category, procedure_class, procedure, court_level=level)
