"""The examples in the ledger engine's docstrings run and pass."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = [
    "smartcourt.engines.ledger",
    "smartcourt.engines.ledger._checkpoint",
    "smartcourt.engines.ledger._compact",
    "smartcourt.engines.ledger._cosignature",
    "smartcourt.engines.ledger._hashing",
    "smartcourt.engines.ledger._note",
    "smartcourt.engines.ledger._proof",
    "smartcourt.engines.ledger._receipt",
    "smartcourt.engines.ledger._witness",
    "smartcourt.engines.ledger.errors",
]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0
    assert result.attempted > 0


def test_every_public_name_has_an_example() -> None:
    ledger = importlib.import_module("smartcourt.engines.ledger")
    missing = [
        name
        for name in ledger.__all__
        if callable(getattr(ledger, name)) and ">>>" not in (getattr(ledger, name).__doc__ or "")
    ]
    assert missing == []
