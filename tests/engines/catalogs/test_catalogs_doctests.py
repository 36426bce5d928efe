"""The examples in the public docstrings of the catalogs engine are run as tests."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import smartcourt.engines.catalogs as package

MODULES = [
    importlib.import_module(f"{package.__name__}.{info.name}")
    for info in pkgutil.iter_modules(package.__path__)
    if not info.name.startswith("_build")
] + [package]


@pytest.mark.parametrize("module", MODULES, ids=lambda module: module.__name__)
def test_docstring_examples(module: object) -> None:
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)  # type: ignore[arg-type]
    assert result.failed == 0
