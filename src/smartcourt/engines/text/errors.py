"""Errors of the legal text engine.

The public functions of :mod:`smartcourt.engines.text` never raise on bad input: they return empty or partial
results that carry a reason. These errors are raised by the private layers and by the dictionary build script,
and caught at the public boundary::

    TextError
    ├── NumeralError         a numeral that cannot be read (``一千千``, ``1..2``)
    ├── DateError            a date that does not exist (``2019年2月30日``)
    └── DictionaryError      the legal user dictionary cannot be built or loaded

>>> issubclass(NumeralError, TextError)
True
"""

from __future__ import annotations

__all__ = ["DateError", "DictionaryError", "NumeralError", "TextError"]


class TextError(Exception):
    """Root of every error raised by the text engine.

    >>> str(TextError("bad"))
    'bad'
    """


class NumeralError(TextError):
    """A numeral cannot be converted to a number.

    >>> isinstance(NumeralError("一千千"), TextError)
    True
    """


class DateError(TextError):
    """A date mention names a day that does not exist.

    >>> isinstance(DateError("2019年2月30日"), TextError)
    True
    """


class DictionaryError(TextError):
    """The legal user dictionary cannot be built or loaded.

    >>> isinstance(DictionaryError("missing"), TextError)
    True
    """
