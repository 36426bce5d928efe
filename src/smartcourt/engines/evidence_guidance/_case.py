"""The evidence checklist of a case with several charges: the engine's checklist of each charge at a stage,
merged.

Every charge gets the general items of 法释〔2021〕1号 and its own items
(:func:`checklist_for`); merged, a general item (起诉书, 被告人身份证明 …)
is listed once and labelled with every charge, a charge's own item with that charge. Two charges' own items
stay apart even when named alike (被害人陈述 of a theft and of an assault are statements about different
facts), so a material proves the item of one charge only; their keys (``盗窃:victim_statement``) already
differ.

>>> c = case_checklist(["盗窃", "诈骗"], "trial")
>>> c.charge, c.charges, c.covered
('盗窃', ('盗窃', '诈骗'), True)
>>> [i.key for i in c.items].count("defendant_identity"), c.item_charges["defendant_identity"]
(1, ('盗窃', '诈骗'))
>>> c.item_charges["诈骗:transfer_records"]
('诈骗',)
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ._checklist import checklist_for, stages
from ._types import Checklist, EvidenceRequirement


@dataclass(frozen=True)
class CaseChecklist:
    """The checklists of every charge of a case at one stage, merged (general items first, once each, then
    each charge's own items in the case's order of charges).

    ``checklists`` keeps the engine's checklist of each charge; ``item_charges`` maps an item's key to the
    charges it belongs to. ``charge``, ``covered`` and ``notes`` read as those of a single checklist: the
    first charge, whether every charge has a crime-specific list, every charge's notes.
    """

    stage: str
    checklists: tuple[Checklist, ...]
    items: tuple[EvidenceRequirement, ...]
    item_charges: dict[str, tuple[str, ...]]

    @property
    def charges(self) -> tuple[str, ...]:
        return tuple(c.charge for c in self.checklists)

    @property
    def charge(self) -> str:
        return self.checklists[0].charge

    @property
    def several(self) -> bool:
        return len(self.checklists) > 1

    @property
    def covered(self) -> bool:
        return all(c.covered for c in self.checklists)

    @property
    def notes(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(n for c in self.checklists for n in c.notes))

    @property
    def mandatory(self) -> tuple[EvidenceRequirement, ...]:
        return tuple(i for i in self.items if i.mandatory)


def _distinct(charges: Iterable[str], stage: str) -> tuple[Checklist, ...]:
    seen: dict[str, Checklist] = {}
    for charge in charges:
        checklist = checklist_for(charge or "", stage)
        seen.setdefault(checklist.charge, checklist)
    return tuple(seen.values())


def case_checklist(charges: Sequence[str], stage: str) -> CaseChecklist:
    """The merged checklist of ``charges`` (the case's, in the engine's form; ``[""]`` or ``[]`` when none
    is listed) at ``stage``; a charge listed twice counts once. Raises ``UnknownStageError``.

    >>> one = case_checklist(["危险驾驶"], "trial")
    >>> [i.key for i in one.items] == [i.key for i in checklist_for("危险驾驶", "trial").items]
    True
    >>> two = case_checklist(["盗窃罪", "故意伤害", "盗窃"], "trial")
    >>> two.charges, [i.key for i in two.items].count("defendant_identity")
    (('盗窃', '故意伤害'), 1)
    >>> [i.name for i in two.items if i.name == "被害人陈述"], two.item_charges["故意伤害:victim_statement"]
    (['被害人陈述', '被害人陈述'], ('故意伤害',))
    """
    checklists = _distinct(charges or [""], stage)
    names = tuple(c.charge for c in checklists)
    items: dict[str, EvidenceRequirement] = {}
    item_charges: dict[str, tuple[str, ...]] = {}
    for general in (True, False):
        for checklist in checklists:
            for item in checklist.items:
                if bool(item.crime) == general or item.key in items:
                    continue
                items[item.key] = item
                item_charges[item.key] = (item.crime,) if item.crime else names
    return CaseChecklist(stage, checklists, tuple(items.values()), item_charges)


def mandatory_up_to_trial(charges: Sequence[str]) -> list[EvidenceRequirement]:
    """Every mandatory item of every charge at every stage up to the trial (立案审查, 庭前准备, 庭审), once.

    >>> keys = [i.key for i in mandatory_up_to_trial(["盗窃", "危险驾驶"])]
    >>> keys.count("indictment"), "盗窃:price_assessment" in keys, "危险驾驶:blood_alcohol_report" in keys
    (1, True, True)
    """
    seen: dict[str, EvidenceRequirement] = {}
    for stage, _label in stages():
        for item in case_checklist(charges, stage).mandatory:
            seen.setdefault(item.key, item)
    return list(seen.values())


def requirement_label(item: EvidenceRequirement, *, several: bool) -> str:
    """The item's name, with its charge when the case has several (two charges may name an item alike).

    >>> item = next(i for i in checklist_for("盗窃", "trial").items if i.crime)
    >>> requirement_label(item, several=False), requirement_label(item, several=True)
    ('被害人陈述', '被害人陈述（盗窃）')
    """
    return f"{item.name}（{item.crime}）" if several and item.crime else item.name
