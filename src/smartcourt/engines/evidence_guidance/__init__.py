"""Evidence guidance (证据指引) for criminal cases: what basic evidence each common crime needs at each of the
court's stages (立案审查, 庭前准备, 庭审), and which evidence items contradict each other.

The checklists live in ``data/checklists.json``: the general items of 最高人民法院关于适用《中华人民共和国
刑事诉讼法》的解释 (法释〔2021〕1号; 第七十二条, 第二百一十八条, 第二百二十一条 …) for every criminal case, then
each crime's own items with the judicial interpretation and article they come from; an item cited from memory
is marked ``verified=False``.

>>> from smartcourt.engines.evidence_guidance import checklist_for, detect_contradictions, EvidenceText
>>> [i.name for i in checklist_for("危险驾驶", "trial").mandatory if i.crime][:1]
['血液酒精含量检验鉴定意见']
>>> found = detect_contradictions([EvidenceText("a", "价格认定书", "价值人民币5000元"),
...                                 EvidenceText("b", "被害人陈述", "手机是我花8000元买的")])
>>> found[0].kind, found[0].first.value.value, found[0].second.value.value
('amount', '5000', '8000')
"""

from ._case import CaseChecklist, case_checklist, mandatory_up_to_trial, requirement_label
from ._checklist import checklist_for, covered_charges, stages
from ._contradictions import KIND_LABELS, detect_contradictions, extract_values
from ._types import Checklist, Contradiction, EvidenceRequirement, EvidenceText, ExtractedValue, Finding
from .errors import DuplicateItemError, EvidenceGuidanceError, RuleDataError, UnknownStageError

__all__ = [
    "KIND_LABELS",
    "CaseChecklist",
    "Checklist",
    "Contradiction",
    "DuplicateItemError",
    "EvidenceGuidanceError",
    "EvidenceRequirement",
    "EvidenceText",
    "ExtractedValue",
    "Finding",
    "RuleDataError",
    "UnknownStageError",
    "case_checklist",
    "checklist_for",
    "covered_charges",
    "detect_contradictions",
    "extract_values",
    "mandatory_up_to_trial",
    "requirement_label",
    "stages",
]
