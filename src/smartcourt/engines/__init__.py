"""Pure-Python domain engines.

Nothing below this package imports Django, Celery, ``smartcourt.apps`` or ``smartcourt.config``; an
import-linter contract checks it in CI. Each engine's public API is its ``__init__`` and ``__all__``;
implementation lives in private ``_module.py`` files, rule data in versioned files beside the code.
"""
