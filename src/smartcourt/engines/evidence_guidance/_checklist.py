"""Per-crime, per-stage checklists of basic evidence, from ``data/checklists.json``."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import Any

from ._data import load
from ._types import Checklist, EvidenceRequirement
from .errors import RuleDataError, UnknownStageError

__all__ = ["checklist_for", "covered_charges", "stages"]

_FILE = "checklists.json"


def stages() -> tuple[tuple[str, str], ...]:
    """The court's stages in order, as (key, Chinese label).

    >>> stages()
    (('filing_review', '立案审查'), ('pretrial', '庭前准备'), ('trial', '庭审'))
    """
    return tuple((k, str(v)) for k, v in load(_FILE)["stages"].items())


def _key(charge: str) -> str:
    """Compare charge names without the trailing 罪, the 、 between verbs, or spaces."""
    name = charge.strip().replace(" ", "").replace("、", "")
    return name[:-1] if name.endswith("罪") else name


@cache
def _crime_index() -> dict[str, str]:
    return {_key(name): name for name in load(_FILE)["crimes"]}


def covered_charges() -> tuple[str, ...]:
    """The charges with a crime-specific checklist, in the data file's order.

    >>> covered_charges()[:3]
    ('盗窃', '诈骗', '危险驾驶')
    >>> len(covered_charges())
    10
    """
    return tuple(load(_FILE)["crimes"])


def _requirement(raw: Mapping[str, Any], crime: str, default_stages: tuple[str, ...]) -> EvidenceRequirement:
    sources = load(_FILE)["sources"]
    try:
        source = sources[raw["source"]]
        return EvidenceRequirement(
            key=(f"{crime}:{raw['key']}" if crime else str(raw["key"])),
            name=str(raw["name"]),
            mandatory=bool(raw["mandatory"]),
            stages=tuple(raw.get("stages", default_stages)),
            source=str(source["number"]),
            article=str(raw["article"]),
            verified=bool(raw["verified"]) and bool(source["verified"]),
            crime=crime,
            source_title=str(source["title"]),
        )
    except KeyError as exc:
        raise RuleDataError(
            "evidence_guidance.rule_data", f"证据指引数据缺少字段 {exc}", field=str(raw.get("key", ""))
        ) from None


def checklist_for(charge: str, stage: str) -> Checklist:
    """The basic evidence for ``charge`` at ``stage``: the general items of 刑诉法解释, then the crime's.

    A charge without a crime-specific list gets the general items and a note saying so; an unknown stage
    is refused.

    >>> c = checklist_for("危险驾驶罪", "filing_review")
    >>> c.charge, c.covered, [i.name for i in c.items if i.crime][:2]
    ('危险驾驶', True, ['血液酒精含量检验鉴定意见', '呼气酒精含量检测结果（打印单据）'])
    >>> checklist_for("重婚", "trial").notes
    ('「重婚」暂无专门的证据指引，仅列刑事案件通用的证据要求（法释〔2021〕1号）',)
    >>> checklist_for("盗窃", "appeal")
    Traceback (most recent call last):
    ...
    smartcourt.engines.evidence_guidance.errors.UnknownStageError: 未知的审判阶段「appeal」，应为立案审查、庭前准备、庭审之一
    """
    known = dict(stages())
    if stage not in known:
        raise UnknownStageError(
            "evidence_guidance.unknown_stage",
            f"未知的审判阶段「{stage}」，应为{'、'.join(known.values())}之一",
            field="stage",
        )
    data = load(_FILE)
    all_stages = tuple(known)
    items = [_requirement(raw, "", all_stages) for raw in data["general"]]
    crime = _crime_index().get(_key(charge))
    notes: list[str] = []
    if crime is None:
        name = charge.strip()
        name = name[:-1] if name.endswith("罪") else name
        notes.append(f"「{name}」暂无专门的证据指引，仅列刑事案件通用的证据要求（法释〔2021〕1号）")
    else:
        items.extend(_requirement(raw, crime, all_stages) for raw in data["crimes"][crime]["items"])
    return Checklist(
        charge=crime or charge.strip(),
        stage=stage,
        items=tuple(i for i in items if stage in i.stages),
        covered=crime is not None,
        notes=tuple(notes),
    )
