"""Every engine's docstring examples run and pass, and every public function of an engine shows one.

One runner for all engines (STYLE.md: public names get docstrings that start with an example). Build scripts
(``_build*.py``) are not imported: they read ../shared when run by hand.
"""

from __future__ import annotations

import doctest
import importlib
import inspect
import pkgutil
from types import ModuleType

import pytest

import smartcourt.engines as engines

ENGINES = sorted(info.name for info in pkgutil.iter_modules(engines.__path__) if info.ispkg)


def _modules() -> list[str]:
    names = []
    for engine in ENGINES:
        package = importlib.import_module(f"smartcourt.engines.{engine}")
        names.append(package.__name__)
        for info in pkgutil.iter_modules(package.__path__):
            if not info.name.startswith("_build"):
                names.append(f"{package.__name__}.{info.name}")
    return names


@pytest.mark.parametrize("name", _modules())
def test_docstring_examples_pass(name: str) -> None:
    module: ModuleType = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0


@pytest.mark.parametrize("engine", ENGINES)
def test_every_public_function_has_an_example(engine: str) -> None:
    package = importlib.import_module(f"smartcourt.engines.{engine}")
    missing = [
        name
        for name in getattr(package, "__all__", ())
        if inspect.isfunction(getattr(package, name)) and ">>>" not in (getattr(package, name).__doc__ or "")
    ]
    assert missing == []
