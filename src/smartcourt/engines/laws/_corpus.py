"""The shipped corpus: loading the data file, looking laws up by name, and article status on a date."""

from __future__ import annotations

import json
import lzma
import re
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from ._numbers import format_article_number
from ._types import Article, ArticleStatus, Change, Law, LawVersion, Paragraph
from .errors import ArticleNumberError, CorpusError

DATA_FILE = "laws.json.xz"
FORMAT = 1
_NAME_NOISE = re.compile(r"[《》〈〉<>“”\"'‘’\s\u3000]|中华人民共和国")
_ISSUERS = re.compile(r"^(?:最高人民法院|最高人民检察院|、)+")


def normalize_law_name(name: str) -> str:
    """The lookup key of a law name: no book-title marks, spaces, ``中华人民共和国``, leading issuers
    (``最高人民法院``, ``最高人民检察院``, both for a joint interpretation), nor the ``的`` of ``…的解释``/``…的规定``
    (judgments cite these titles all ways).

    >>> normalize_law_name("《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》")
    '关于适用民事诉讼法解释'
    >>> normalize_law_name("关于适用《民事诉讼法》的解释")
    '关于适用民事诉讼法解释'
    >>> normalize_law_name("《最高人民法院、最高人民检察院关于办理盗窃刑事案件适用法律若干问题的解释》")
    '关于办理盗窃刑事案件适用法律若干问题解释'
    """
    key = _NAME_NOISE.sub("", name)
    key = _ISSUERS.sub("", key)
    return key.replace("的解释", "解释").replace("的规定", "规定")


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def article_to_json(article: Article) -> dict[str, Any]:
    """The compact JSON form of an article (the data file's)."""
    data: dict[str, Any] = {
        "n": article.number,
        "c": article.chapter,
        "p": [[p.text, list(p.items)] if p.items else [p.text] for p in article.paragraphs],
    }
    if article.suffix:
        data["s"] = article.suffix
    if article.history:
        data["h"] = [[c.event, c.by, _iso(c.effective), c.wording] for c in article.history]
    if article.deleted:
        data["d"] = 1
    if article.moved_to:
        data["m"] = list(article.moved_to)
    return data


def _article(data: dict[str, Any]) -> Article:
    moved = data.get("m")
    return Article(
        number=int(data["n"]),
        suffix=int(data.get("s", 0)),
        chapter=str(data.get("c", "")),
        paragraphs=tuple(Paragraph(p[0], tuple(p[1]) if len(p) > 1 else ()) for p in data["p"]),
        history=tuple(Change(h[0], h[1], _day(h[2]), h[3] if len(h) > 3 else "") for h in data.get("h", ())),
        deleted=bool(data.get("d")),
        moved_to=(str(moved[0]), int(moved[1]), int(moved[2])) if moved else None,
    )


def law_from_json(data: dict[str, Any]) -> Law:
    """A :class:`Law` from its data-file form."""
    versions = tuple(
        LawVersion(
            label=v["label"],
            issued=_day(v.get("issued")),
            effective=_day(v.get("effective")),
            source_file=v.get("file", ""),
            articles=tuple(_article(a) for a in v["articles"]),
            note=v.get("note", ""),
            text_as_of=_day(v.get("text_as_of")),
        )
        for v in data["versions"]
    )
    return Law(
        id=data["id"],
        title=data["title"],
        kind=data.get("kind", ""),
        aliases=tuple(data.get("aliases", ())),
        versions=versions,
        repealed_on=_day(data.get("repealed_on")),
        repealed_by=data.get("repealed_by", ""),
    )


@dataclass(frozen=True)
class Corpus:
    """The laws the engine knows, with the name index and the data's source."""

    laws: dict[str, Law]
    names: dict[str, str]
    source: dict[str, Any]

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Corpus:
        """Build from the data file's parsed JSON (``{"format", "source", "laws"}``)."""
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise CorpusError("corpus.bad_format", "法律数据文件格式不符")
        try:
            laws = {law.id: law for law in (law_from_json(item) for item in data["laws"])}
        except (KeyError, TypeError, ValueError, IndexError) as exc:
            raise CorpusError("corpus.bad_format", f"法律数据文件内容有误：{exc}") from None
        names: dict[str, str] = {}
        for law in laws.values():
            for name in (law.title, law.id, *law.aliases):
                names.setdefault(normalize_law_name(name), law.id)
        return cls(laws=laws, names=names, source=dict(data.get("source", {})))

    def lookup(self, name: str) -> Law | None:
        """The law with this title, short name or alias (book-title marks optional), or ``None``."""
        law_id = self.names.get(normalize_law_name(name))
        return self.laws[law_id] if law_id else None


def read_corpus_file(path: Path) -> Corpus:
    """Read a data file written by ``_build_corpus.py`` (xz-compressed JSON)."""
    try:
        raw = lzma.decompress(path.read_bytes())
        data = json.loads(raw.decode("utf-8"))
    except (OSError, lzma.LZMAError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise CorpusError("corpus.unreadable", f"无法读取法律数据文件 {path.name}：{exc}") from None
    return Corpus.from_json(data)


@cache
def default_corpus() -> Corpus:
    """The corpus shipped in ``data/laws.json.xz`` (read once)."""
    resource = resources.files(__package__).joinpath("data").joinpath(DATA_FILE)
    try:
        raw = lzma.decompress(resource.read_bytes())
        data = json.loads(raw.decode("utf-8"))
    except (OSError, lzma.LZMAError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise CorpusError("corpus.unreadable", f"无法读取法律数据文件 {DATA_FILE}：{exc}") from None
    return Corpus.from_json(data)


def _version_on(law: Law, on: date | None) -> LawVersion | None:
    if on is None:
        return law.latest
    in_force = [v for v in law.versions if v.effective is None or v.effective <= on]
    return in_force[-1] if in_force else None


def _fmt(day: date | None) -> str:
    return day.isoformat() if day else "日期不详"


def article_status(
    law: Law,
    number: int,
    suffix: int = 0,
    paragraph: int | None = None,
    item: int | None = None,
    *,
    on: date | None,
) -> ArticleStatus:
    """Whether 第number条(之suffix) (第paragraph款第item项) exists in ``law`` and was in force ``on`` that date.

    ``on=None`` judges against the newest version.
    """
    try:
        name = format_article_number(number, suffix)
    except (ArticleNumberError, ValueError, OverflowError):
        name = f"第{number}条" + (f"之{suffix}" if suffix else "")
    holders = [v for v in law.versions if v.article(number, suffix) is not None]
    if not holders:
        return ArticleStatus(False, None, "no_such_article", f"《{law.title}》没有{name}")
    version = _version_on(law, on)
    article: Article | None = version.article(number, suffix) if version else None
    shown = version if article is not None and version is not None else holders[-1]
    found = shown.article(number, suffix)
    assert found is not None
    amended = [c.by for c in found.history if c.event == "amended"]
    caveat = f"（该条经{amended[-1]}修改，修改前的文本未收录）" if amended else ""
    if paragraph is not None:
        if not 1 <= paragraph <= len(found.paragraphs):
            return ArticleStatus(
                False, None, "no_such_paragraph", f"{name}只有{len(found.paragraphs)}款{caveat}", shown.label
            )
        if item is not None and not 1 <= item <= len(found.paragraphs[paragraph - 1].items):
            return ArticleStatus(
                False, None, "no_such_item", f"{name}第{paragraph}款没有第{item}项{caveat}", shown.label
            )
    elif item is not None and not 1 <= item <= max(len(p.items) for p in found.paragraphs):
        return ArticleStatus(False, None, "no_such_item", f"{name}没有第{item}项{caveat}", shown.label)

    def status(in_force: bool, reason: str = "", detail: str = "", note: str = "") -> ArticleStatus:
        return ArticleStatus(True, in_force, reason, detail, shown.label, note)

    if version is None:
        first = law.versions[0]
        if first.note.endswith(
            ("修正", "修订")
        ):  # an amended text: older texts exist but are not in the corpus
            return status(
                False,
                "no_version_on_date",
                f"法律库所收《{law.title}》最早版本自{_fmt(first.effective)}起施行",
            )
        return status(False, "law_not_yet_in_force", f"《{law.title}》自{_fmt(first.effective)}起施行")
    if law.repealed_on is not None and on is not None and on >= law.repealed_on:
        by = f"，由{law.repealed_by}废止" if law.repealed_by else ""
        return status(False, "law_repealed", f"《{law.title}》自{_fmt(law.repealed_on)}起废止{by}")
    if article is None:
        later = [v for v in law.versions if v.label > version.label and v in holders]
        if later:
            return status(
                False,
                "not_yet_in_force",
                f"{name}见于{later[0].label}版本，自{_fmt(later[0].effective)}起施行",
            )
        old = holders[-1].article(number, suffix)
        if old is not None and old.moved_to is not None:
            label, new_number, new_suffix = old.moved_to
            return status(
                False,
                "renumbered",
                f"{holders[-1].label}版本的{name}在{label}版本中为{format_article_number(new_number, new_suffix)}",
            )
        return status(False, "repealed", f"{name}在{version.label}版本中已不存在")
    for change in article.history:
        pending = on is not None and change.effective is not None and change.effective > on
        if change.event == "added" and pending:
            return status(
                False, "not_yet_in_force", f"{name}由{change.by}增加，自{_fmt(change.effective)}起施行"
            )
        if change.event == "deleted" and not pending:
            return status(False, "repealed", f"{name}已由{change.by}删去（自{_fmt(change.effective)}起）")
    if article.deleted and not any(c.event == "deleted" for c in article.history):
        return status(False, "repealed", f"{name}已删去")
    if article.moved_to is not None:
        label, new_number, new_suffix = article.moved_to
        note = f"{label}版本中该条文改为{format_article_number(new_number, new_suffix)}"
    else:
        later_changes = [
            c
            for c in article.history
            if c.event == "amended" and on is not None and c.effective and c.effective > on
        ]
        note = f"此后经{later_changes[0].by}修改" if later_changes else ""
    return status(True, note=note)


_WHOLE_ARTICLE = re.compile(
    r"^[一二三四五六七八九十百]+、(?:将刑法|在刑法|在|将)?[^“]*?(修改为|作为第[^、“]+?条(?:之[一二三四五六七八九十]+)?)[：:]“"
)


def _enacted_text(change: Change) -> str | None:
    """The whole article text an amendment item enacts, or ``None`` if the item changes only part of it."""
    head = _WHOLE_ARTICLE.match(change.wording)
    if head is None or "款" in change.wording[: head.end()] or "项" in change.wording[: head.end()]:
        return None
    if change.event == "amended" and head.group(1) != "修改为":
        return None
    lines = change.wording[head.end() - 1 :].split("\n")
    return "\n".join(line.strip().removeprefix("“").removesuffix("”") for line in lines)


def article_text_on(article: Article, on: date | None) -> str | None:
    """The article's text in force on ``on`` where the corpus holds it (``None`` otherwise).

    The current text when nothing changed it after ``on``; else the whole text the last amendment in force on
    ``on`` enacted. ``None`` when the article was not yet added, or its text then is not in the corpus (the
    original 1997 text, or an amendment that rewrote only some 款).
    """
    later = [c for c in article.history if on is not None and c.effective is not None and c.effective > on]
    if not later:
        return None if article.deleted else article.text
    if any(c.event == "added" for c in later):
        return None
    earlier = [c for c in article.history if c not in later]
    return _enacted_text(earlier[-1]) if earlier else None
