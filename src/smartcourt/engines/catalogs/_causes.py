"""Causes of action (民事案件案由) per 《民事案件案由规定》 as revised by 法〔2020〕347号."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from ._data import load
from .errors import UnknownCauseError

__all__ = ["Cause", "cause_path", "causes", "get_cause", "search_causes"]

_ID = re.compile(r"\d+(?:\.\d+){0,3}", flags=re.ASCII)


@dataclass(frozen=True, slots=True)
class Cause:
    """One cause of action: a stable dotted ``id``, its name, level 1–4 and parent id.

    >>> get_cause("民间借贷纠纷")
    Cause(id='4.1.25.3', name='民间借贷纠纷', level=4, parent_id='4.1.25')
    """

    id: str
    name: str
    level: int
    parent_id: str | None


@cache
def _index() -> tuple[dict[str, Cause], dict[str, tuple[Cause, ...]]]:
    by_id: dict[str, Cause] = {}

    def walk(nodes: list[Any], parent: Cause | None) -> None:
        for position, node in enumerate(nodes, start=1):
            name = node if isinstance(node, str) else node["name"]
            cause_id = f"{parent.id}.{position}" if parent else str(position)
            cause = Cause(cause_id, name, parent.level + 1 if parent else 1, parent.id if parent else None)
            by_id[cause_id] = cause
            if not isinstance(node, str):
                walk(node.get("children", []), cause)

    # 《民事案件案由规定》(法〔2020〕347号修改): 第一级案由为“部分”, 下设第二、三、四级案由.
    walk(load("causes_of_action.json")["parts"], None)
    by_name: dict[str, list[Cause]] = {}
    for cause in by_id.values():
        by_name.setdefault(cause.name, []).append(cause)
    return by_id, {name: tuple(found) for name, found in by_name.items()}


def causes(level: int | None = None) -> tuple[Cause, ...]:
    """All causes in catalogue order, or only those of one level (1–4).

    >>> [cause.name for cause in causes(level=1)][:3]
    ['人格权纠纷', '婚姻家庭、继承纠纷', '物权纠纷']
    >>> len(causes(level=1))
    11
    """
    every = tuple(_index()[0].values())
    return every if level is None else tuple(cause for cause in every if cause.level == level)


def get_cause(name_or_id: str) -> Cause:
    """Look a cause up by id (``"6.1.1.5"``) or exact name.

    A name used at several levels (``人格权纠纷`` is both a part and its only level-2 cause) resolves to the
    deepest one, the level at which a case records its cause.

    >>> get_cause("6.1.1.5").name
    '追索劳动报酬纠纷'
    >>> get_cause("人格权纠纷").level
    2
    >>> get_cause("借钱纠纷")
    Traceback (most recent call last):
    ...
    smartcourt.engines.catalogs.errors.UnknownCauseError: 案由“借钱纠纷”不在《民事案件案由规定》目录中
    """
    key = name_or_id.strip()
    by_id, by_name = _index()
    if _ID.fullmatch(key):
        cause = by_id.get(key)
        if cause is not None:
            return cause
    else:
        found = by_name.get(key)
        if found:
            return max(found, key=lambda cause: cause.level)
    raise UnknownCauseError(
        "cause.unknown", f"案由“{key}”不在《民事案件案由规定》目录中", field="cause_of_action"
    )


def cause_path(cause: Cause | str) -> tuple[Cause, ...]:
    """The chain from the level-1 part down to ``cause`` (a :class:`Cause`, a name or an id).

    >>> [step.name for step in cause_path("离婚纠纷")]
    ['婚姻家庭、继承纠纷', '婚姻家庭纠纷', '离婚纠纷']
    """
    current = get_cause(cause) if isinstance(cause, str) else cause
    by_id = _index()[0]
    path = [current]
    while current.parent_id is not None:
        current = by_id[current.parent_id]
        path.append(current)
    return tuple(reversed(path))


def search_causes(prefix: str) -> tuple[Cause, ...]:
    """Causes whose name starts with ``prefix``, in catalogue order (empty tuple if none).

    >>> [cause.name for cause in search_causes("建设工程施工")]
    ['建设工程施工合同纠纷']
    """
    key = prefix.strip()
    if not key:
        return ()
    return tuple(cause for cause in _index()[0].values() if cause.name.startswith(key))
