"""Password strength rules (法办〔2019〕243号 第22项：杜绝弱口令).

>>> [w.code for w in find_password_weaknesses("Court2019!")]
['password.common_word']
>>> find_password_weaknesses("Tq7#rW2m9!xL")
()
"""

from smartcourt.engines.credentials._passwords import MIN_LENGTH, PasswordWeakness, find_password_weaknesses

__all__ = ["MIN_LENGTH", "PasswordWeakness", "find_password_weaknesses"]
