"""Errors of the search engine.

Every error carries a machine ``code``, a Chinese ``message`` and the ``field`` it concerns::

    SearchError(FieldError)            search.error
    ├── EmptyQueryError                search.empty_query: no words and no filter
    ├── QueryTooLongError              search.query_too_long: more characters than the limit
    ├── UnknownFilterError             search.unknown_filter: a filter name the index does not have
    ├── BadFilterValueError            search.bad_filter_value: a value of the wrong type or out of range
    ├── UnknownSortError               search.unknown_sort: a sort other than relevance or date
    └── IndexCorruptError              search.index_corrupt: the index on disk cannot be opened or read

>>> err = UnknownFilterError(name="colour")
>>> (err.code, err.field, err.message)
('search.unknown_filter', 'colour', '未知的筛选条件：colour')
"""

from __future__ import annotations

from smartcourt.engines._errors import FieldError

__all__ = [
    "BadFilterValueError",
    "EmptyQueryError",
    "IndexCorruptError",
    "QueryTooLongError",
    "SearchError",
    "UnknownFilterError",
    "UnknownSortError",
]


class SearchError(FieldError):
    """The root of the search engine's errors.

    >>> SearchError("search.error", "检索失败", field="q").code
    'search.error'
    """


class EmptyQueryError(SearchError):
    """Neither a word to look for nor a filter.

    >>> EmptyQueryError().message
    '请输入检索词或选择筛选条件'
    """

    def __init__(self) -> None:
        super().__init__("search.empty_query", "请输入检索词或选择筛选条件", field="q")


class QueryTooLongError(SearchError):
    """A query longer than the limit.

    >>> QueryTooLongError(length=100000, limit=2000).message
    '检索词过长（100000 字），最多 2000 字'
    """

    def __init__(self, *, length: int, limit: int) -> None:
        super().__init__("search.query_too_long", f"检索词过长（{length} 字），最多 {limit} 字", field="q")
        self.length = length
        self.limit = limit


class UnknownFilterError(SearchError):
    """A filter name that is not one of :data:`FILTER_FIELDS`.

    >>> UnknownFilterError(name="x").field
    'x'
    """

    def __init__(self, *, name: str) -> None:
        super().__init__("search.unknown_filter", f"未知的筛选条件：{name[:40]}", field=name[:40])


class BadFilterValueError(SearchError):
    """A filter value of the wrong type, too long, or out of range.

    >>> BadFilterValueError(name="year", value="abc").message
    '筛选条件 year 的取值无效：abc'
    """

    def __init__(self, *, name: str, value: object) -> None:
        shown = str(value)[:40]
        super().__init__("search.bad_filter_value", f"筛选条件 {name} 的取值无效：{shown}", field=name)


class UnknownSortError(SearchError):
    """A sort order other than ``relevance`` or ``date``.

    >>> UnknownSortError(sort="size").message
    '未知的排序方式：size（可选 relevance、date）'
    """

    def __init__(self, *, sort: str) -> None:
        super().__init__(
            "search.unknown_sort", f"未知的排序方式：{sort[:20]}（可选 relevance、date）", field="sort"
        )


class IndexCorruptError(SearchError):
    """The index directory cannot be opened or read; rebuild it from the database.

    >>> IndexCorruptError(reason="meta.json").message
    '检索索引已损坏，需要重建：meta.json'
    """

    def __init__(self, *, reason: str) -> None:
        super().__init__("search.index_corrupt", f"检索索引已损坏，需要重建：{reason[:200]}", field="index")
        self.reason = reason
