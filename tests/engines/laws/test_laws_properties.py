"""Property tests: ``find_citations`` never raises, and every span indexes its raw text in the input."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from smartcourt.engines.laws import find_citations, format_article_number, load_corpus, parse_article_number
from smartcourt.engines.laws._citations import find_citations_in

PIECES = st.sampled_from(
    [
        "《中华人民共和国刑法》",
        "《民法典》",
        "刑法",
        "同法",
        "本法",
        "《",
        "》",
        "〈",
        "第",
        "条",
        "之",
        "款",
        "项",
        "（",
        "）",
        "、",
        "，",
        "至",
        "一",
        "十",
        "百",
        "千",
        "零",
        "两",
        "3",
        "０",
        "三百",
        "之一",
        "\n",
        " ",
        "。",
    ]
)
TEXT = st.one_of(st.text(max_size=80), st.lists(PIECES, max_size=40).map("".join))


@settings(max_examples=300, deadline=None)
@given(text=TEXT, on=st.one_of(st.none(), st.dates(min_value=date(1980, 1, 1), max_value=date(2030, 12, 31))))
def test_find_citations_never_raises_and_spans_index_the_input(text: str, on: date | None) -> None:
    # The unguarded scanner must not raise either (the public function also catches, as a last resort).
    citations = find_citations_in(text, load_corpus(), on=on)
    assert citations == find_citations(text, on=on)
    for citation in citations:
        start, end = citation.span
        assert 0 <= start < end <= len(text)
        assert text[start:end] == citation.raw
        assert citation.status.exists or citation.status.in_force is None


@settings(max_examples=200, deadline=None)
@given(number=st.integers(min_value=1, max_value=9999), suffix=st.integers(min_value=0, max_value=12))
def test_article_numbers_round_trip(number: int, suffix: int) -> None:
    assert parse_article_number(format_article_number(number, suffix)) == (number, suffix)
