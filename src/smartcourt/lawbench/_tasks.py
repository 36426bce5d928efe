"""The registry of task predictors: a task id maps to a function from one item to its answer."""

from __future__ import annotations

from collections.abc import Callable, Mapping

Predictor = Callable[[Mapping[str, object]], str]

#: Task id (``"2-6"``) to its predictor; later tasks are added with :func:`register`.
TASKS: dict[str, Predictor] = {}


class UnknownTaskError(KeyError):
    """No predictor is registered for the task id.

    >>> isinstance(UnknownTaskError("9-9"), KeyError)
    True
    """


def register(task_id: str) -> Callable[[Predictor], Predictor]:
    """Decorator that registers a predictor under a task id.

    >>> @register("0-0")
    ... def echo(item): return str(item.get("question", ""))
    >>> TASKS.pop("0-0") is echo
    True
    """

    def decorate(predictor: Predictor) -> Predictor:
        TASKS[task_id] = predictor
        return predictor

    return decorate


def predictor_for(task_id: str) -> Predictor:
    """The predictor registered for ``task_id``; raise :class:`UnknownTaskError` if there is none."""
    from . import _amount, _civil, _criminal, _ner, _proofreading  # noqa: F401  (registers the predictors)

    try:
        return TASKS[task_id]
    except KeyError:
        raise UnknownTaskError(
            f"no predictor for LawBench task {task_id!r}; known: {sorted(TASKS)}"
        ) from None
