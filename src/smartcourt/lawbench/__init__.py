"""LawBench task predictors: rules on top of :mod:`smartcourt.engines.text`, offline and on the CPU.

``predict(task_id, items)`` returns one answer string per item, in the form the official metric reads;
``run(task, data_path, out_path)`` does the same for a task file and writes JSON lines
``{"index": i, "prediction": "..."}``. The items' ``answer`` field is never read.

>>> predict("3-7", [{"instruction": "", "question": "盗得现金500元，手机一部价值1200元。"}])
['[金额]1700元<eoa>']
"""

from ._run import predict, run
from ._tasks import TASKS, UnknownTaskError, register

__all__ = ["TASKS", "UnknownTaskError", "predict", "register", "run"]
