"""Loading of the data files beside the code: rules, holiday rules and Chinese phrases.

>>> phrase("deadline_level", "overdue")
'已超期'
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

__all__ = ["load_json", "phrase"]


@cache
def load_json(name: str) -> dict[str, Any]:
    """The parsed content of ``data/<name>``; a missing or malformed file raises ``RuleDataError``.

    >>> load_json("time_limits.json")["schema"]
    'smartcourt.calendar.time_limits/1'
    """
    try:
        text = (
            resources.files("smartcourt.engines.calendar").joinpath("data", name).read_text(encoding="utf-8")
        )
        content = json.loads(text)
    except (OSError, ValueError) as exc:
        from smartcourt.engines.calendar.errors import RuleDataError

        raise RuleDataError(reason=f"{name}: {exc}") from exc
    if not isinstance(content, dict):
        from smartcourt.engines.calendar.errors import RuleDataError

        raise RuleDataError(reason=f"{name}: top level is not an object")
    return content


def phrase(section: str, key: str) -> str:
    """The Chinese phrase ``key`` of ``section`` in ``data/phrases.json``.

    >>> phrase("day_kind", "rest_day")
    '周休息日'
    """
    value = load_json("phrases.json")[section][key]
    if not isinstance(value, str):
        raise TypeError(f"phrase {section}.{key} is not a string")
    return value
