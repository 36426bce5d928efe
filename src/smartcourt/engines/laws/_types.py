"""Value types of the laws engine (frozen dataclasses)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from ._numbers import format_article_number


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One 款: its lead text and its 项 (``（一）…``), in order."""

    text: str
    items: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Change:
    """One event in an article's history, as an amendment states it.

    ``event`` is ``"added"``, ``"amended"`` or ``"deleted"``; ``by`` the amending act's title; ``wording`` the
    amendment's item as enacted (``二、将刑法第一百六十八条修改为：“……”``), the text it gave the article.
    """

    event: str
    by: str
    effective: date | None
    wording: str = ""


@dataclass(frozen=True, slots=True)
class Article:
    """One 条: ``number`` and ``suffix`` (``第一百三十三条之一`` → 133, 1), its chapter path and 款."""

    number: int
    suffix: int
    chapter: str
    paragraphs: tuple[Paragraph, ...]
    history: tuple[Change, ...] = ()
    deleted: bool = False
    moved_to: tuple[str, int, int] | None = None  # (version label, number, suffix) of the same text later

    @property
    def chinese(self) -> str:
        """``第一百三十三条之一``."""
        return format_article_number(self.number, self.suffix)

    @property
    def text(self) -> str:
        """The whole article as one string, paragraphs on their own lines."""
        lines: list[str] = []
        for paragraph in self.paragraphs:
            lines.append(paragraph.text)
            lines.extend(paragraph.items)
        return "\n".join(lines)


@dataclass(frozen=True, slots=True)
class ParsedLaw:
    """What one markdown file holds: the title (and 编 for a 民法典 part), the issuance lines, the dates."""

    title: str
    part: str
    header: tuple[str, ...]
    issued: date | None
    effective: date | None
    articles: tuple[Article, ...]


@dataclass(frozen=True, slots=True)
class LawVersion:
    """One text of a law: ``label`` (its issue date, ISO), when issued and when in force, its articles."""

    label: str
    issued: date | None
    effective: date | None
    source_file: str
    articles: tuple[Article, ...]
    note: str = ""  # ends with "修正" when the text is an amended one (older texts not in the corpus)
    text_as_of: date | None = None  # a consolidated text: the date of its latest amendment

    def article(self, number: int, suffix: int = 0) -> Article | None:
        """The article with this number in this version, or ``None``."""
        for article in self.articles:
            if article.number == number and article.suffix == suffix:
                return article
        return None


@dataclass(frozen=True, slots=True)
class Law:
    """A law (or judicial interpretation, or regulation) with its names and its versions, oldest first."""

    id: str
    title: str
    kind: str
    aliases: tuple[str, ...]
    versions: tuple[LawVersion, ...]
    repealed_on: date | None = None
    repealed_by: str = ""

    @property
    def latest(self) -> LawVersion:
        """The newest version."""
        return self.versions[-1]


@dataclass(frozen=True, slots=True)
class ArticleStatus:
    """Whether a cited article exists (in any version) and was in force on a date, with the reason.

    ``reason`` is ``""`` when in force, else one of ``unknown_law``, ``no_such_article``,
    ``no_such_paragraph``, ``no_such_item``, ``law_not_yet_in_force``, ``not_yet_in_force``, ``repealed``,
    ``law_repealed``, ``renumbered``, ``no_version_on_date`` (the corpus holds only later texts of the law);
    ``detail`` says it in Chinese, ``version`` names the text judged against, ``note`` flags later changes.
    """

    exists: bool
    in_force: bool | None
    reason: str = ""
    detail: str = ""
    version: str = ""
    note: str = ""


@dataclass(frozen=True, slots=True)
class Citation:
    """One article cited in a text; ``text[span[0]:span[1]] == raw``.

    ``law_text`` is the law as written (``《中华人民共和国刑法》``, ``刑法``, ``同法``), ``law_id`` the corpus law it
    resolved to (``None`` if none; ``同法``/``该法`` take the last law named, so ``None`` when the corpus
    does not hold it). ``article_end`` is set for ranges (``第X条至第Y条``).
    """

    span: tuple[int, int]
    raw: str
    law_text: str
    law_span: tuple[int, int] | None
    law_id: str | None
    law_title: str | None
    article: int
    suffix: int = 0
    paragraph: int | None = None
    item: int | None = None
    article_end: int | None = None
    suffix_end: int = 0
    status: ArticleStatus = field(default_factory=lambda: ArticleStatus(exists=False, in_force=None))
