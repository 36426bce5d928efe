"""The procedure engine: the case state machine, closing methods and which time-limit rule applies.

>>> from smartcourt.engines.procedure import next_transition
>>> next_transition("ASSIGNED", "START_TRIAL").target.label
'审理中'
"""

from smartcourt.engines.procedure._parties import (
    PanelError,
    PartyRoleError,
    ProcedureChoiceError,
    check_panel_size,
    check_party_roles,
    check_procedure,
)
from smartcourt.engines.procedure._procedures import Procedure, time_limit_rule_for
from smartcourt.engines.procedure._states import (
    CLOSURE_METHODS,
    TRANSITIONS,
    CaseAction,
    CaseStatus,
    ClosureMethod,
    Transition,
    allowed_actions,
    check_closure_method,
    next_transition,
)
from smartcourt.engines.procedure.errors import ClosureMethodError, IllegalTransitionError, ProcedureError

__all__ = [
    "CLOSURE_METHODS",
    "TRANSITIONS",
    "CaseAction",
    "CaseStatus",
    "ClosureMethod",
    "ClosureMethodError",
    "IllegalTransitionError",
    "PanelError",
    "PartyRoleError",
    "Procedure",
    "ProcedureChoiceError",
    "ProcedureError",
    "Transition",
    "allowed_actions",
    "check_closure_method",
    "check_panel_size",
    "check_party_roles",
    "check_procedure",
    "next_transition",
    "time_limit_rule_for",
]
