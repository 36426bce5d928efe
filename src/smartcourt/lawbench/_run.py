"""Predict a whole task and write the predictions as JSON lines."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from pathlib import Path

from ._tasks import predictor_for


def predict(task_id: str, items: Sequence[Mapping[str, object]]) -> list[str]:
    """One answer per item; an item the rules cannot read gets the empty answer.

    Raises :class:`~smartcourt.lawbench.UnknownTaskError` for a task without a predictor.

    >>> predict("2-6", [{"question": "句子:被告人张某某如实供述。"}])
    ['犯罪嫌疑人:张某某']
    """
    predictor = predictor_for(task_id)
    answers: list[str] = []
    for item in items:
        try:
            answers.append(predictor(item))
        except Exception:  # one unreadable item must not lose the others' answers
            answers.append("")
    return answers


def run(task: str, data_path: str | Path, out_path: str | Path) -> int:
    """Read a LawBench task file (a JSON list of items), write ``{"index", "prediction"}`` lines; return the count.

    Raises :class:`~smartcourt.lawbench.UnknownTaskError` for an unknown task (before reading anything),
    :class:`OSError` for an unreadable file and :class:`ValueError` for a file that is not a JSON list.

    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / "t.json").write_text('[{"instruction": "", "question": "骗取现金3000元。"}]', encoding="utf-8")
    >>> run("3-7", d / "t.json", d / "p.jsonl"), (d / "p.jsonl").read_text(encoding="utf-8")
    (1, '{"index": 0, "prediction": "[金额]3000元<eoa>"}\\n')
    """
    predictor = predictor_for(task)  # an unknown task fails before any file is touched
    with Path(data_path).open(encoding="utf-8") as handle:
        items = json.load(handle)
    if not isinstance(items, list):
        raise ValueError(f"{data_path}: expected a JSON list of items")
    with Path(out_path).open("w", encoding="utf-8") as out:
        for index, item in enumerate(items):
            try:
                answer = predictor(item if isinstance(item, dict) else {})
            except Exception:  # one unreadable item must not lose the others' answers
                answer = ""
            out.write(json.dumps({"index": index, "prediction": answer}, ensure_ascii=False) + "\n")
    return len(items)
