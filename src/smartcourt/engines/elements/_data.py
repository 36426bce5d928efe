"""Loading the data files beside the code."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

from .errors import ElementsDataError


@cache
def load(name: str) -> dict[str, Any]:
    try:
        text = (
            resources.files("smartcourt.engines.elements").joinpath("data").joinpath(name).read_text("utf-8")
        )
        data: dict[str, Any] = json.loads(text)
    except (OSError, ValueError) as exc:
        raise ElementsDataError(reason=f"{name}: {exc}") from exc
    return data
