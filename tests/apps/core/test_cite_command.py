"""``smartcourt cite``: one JSON line per citation on stdin, dated checks, undecodable input exits 2."""

from __future__ import annotations

import io
import json
import sys
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError


def _cite(monkeypatch: pytest.MonkeyPatch, data: bytes, *args: str) -> list[dict[str, object]]:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))
    out = StringIO()
    call_command("cite", *args, stdout=out)
    return [json.loads(line) for line in out.getvalue().splitlines()]


def test_prints_one_json_line_per_citation_with_span_law_and_status(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "依照《中华人民共和国刑法》第二百六十四条、第六十七条第三款，刑法第133条之二"
    lines = _cite(monkeypatch, text.encode("utf-8"), "--date", "2020-06-01")
    assert [(line["span"], line["raw"]) for line in lines] == [
        ([13, 20], "第二百六十四条"),
        ([21, 29], "第六十七条第三款"),
        ([32, 39], "第133条之二"),
    ]
    assert lines[1]["law"] == {
        "as_written": "《中华人民共和国刑法》",
        "id": "刑法",
        "title": "中华人民共和国刑法",
        "version": "2023-12-29",
    }
    assert (lines[1]["article"], lines[1]["paragraph"], lines[1]["exists"], lines[1]["in_force"]) == (
        67,
        3,
        True,
        True,
    )
    assert (lines[2]["article_chinese"], lines[2]["in_force"], lines[2]["reason"]) == (
        "第一百三十三条之二",
        False,
        "not_yet_in_force",
    )
    assert (
        lines[2]["detail"]
        == "第一百三十三条之二由《中华人民共和国刑法修正案（十一）》增加，自2021-03-01起施行"
    )


def test_unknown_law_and_article_are_reported_not_raised(monkeypatch: pytest.MonkeyPatch) -> None:
    lines = _cite(
        monkeypatch, "《中华人民共和国不存在法》第三条；刑法第五百条".encode(), "--date", "2024-01-01"
    )
    assert [(line["law"]["id"], line["exists"], line["reason"]) for line in lines] == [
        (None, False, "unknown_law"),
        ("刑法", False, "no_such_article"),
    ]


def test_text_without_citations_prints_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    assert _cite(monkeypatch, "本院认为，被告人的行为构成犯罪。".encode()) == []
    assert _cite(monkeypatch, b"") == []


def test_undecodable_input_exits_2_with_a_clear_message(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        sys, "stdin", io.TextIOWrapper(io.BytesIO("刑法第一条".encode("gbk")), encoding="utf-8")
    )
    with pytest.raises(CommandError) as caught:
        call_command("cite", stdout=StringIO())
    assert caught.value.returncode == 2
    assert "不是 UTF-8" in str(caught.value)


def test_a_bad_date_exits_2(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b""), encoding="utf-8"))
    with pytest.raises(CommandError) as caught:
        call_command("cite", "--date", "2024-13-01", stdout=StringIO())
    assert caught.value.returncode == 2
