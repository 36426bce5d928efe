"""Property tests: the public API never raises, and every span indexes into the input and reproduces it."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from smartcourt.engines.text import (
    analyze,
    extract_dates,
    extract_entities,
    extract_money,
    extract_penalties,
    extract_quantities,
    parse_judgment,
    parse_number,
    segment,
)

# Text drawn from the characters legal text is made of, plus anything at all.
LEGAL_ALPHABET = (
    "零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟余多许约年月日号时分元整人民币共计价值有期徒刑拘役管制缓刑"
    "罚金个克次部被告人害张王李某XＸ、，。；：（）０１２３４５６７８９0123456789.,%％&ldquo;amp湘A市县区公安局在至窃得用"
)
legal_text = st.text(alphabet=LEGAL_ALPHABET, max_size=120)
any_text = st.one_of(legal_text, st.text(max_size=80))


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(any_text)
def test_analyze_never_raises_and_spans_reproduce_the_text(text: str) -> None:
    result = analyze(text)
    assert result.notes == ()
    for m in result.money:
        assert text[m.span[0] : m.span[1]] == m.text
    for d in result.dates:
        assert text[d.span[0] : d.span[1]] == d.text
    for p in result.penalties:
        assert text[p.span[0] : p.span[1]] == p.text
    for q in result.quantities:
        assert text[q.span[0] : q.span[1]] == q.text
    for e in result.entities:
        assert text[e.span[0] : e.span[1]] == e.text
    for t in result.tokens:
        assert text[t.start : t.end] == t.word
    ends = [0] + [t.end for t in result.tokens]
    assert all(t.start >= end for t, end in zip(result.tokens, ends, strict=False))


@settings(max_examples=200, deadline=None)
@given(any_text)
def test_each_extractor_never_raises(text: str) -> None:
    for extractor in (
        extract_money,
        extract_dates,
        extract_penalties,
        extract_quantities,
        extract_entities,
        segment,
    ):
        for item in extractor(text):  # type: ignore[operator]
            assert item is not None
    parse_number(text)
    judgment = parse_judgment(text)
    assert judgment.text == text


def test_huge_text_is_cut_with_a_reason() -> None:
    text = "被告人张某盗窃人民币1000元。" * 70_000  # about 1.1 million characters
    result = analyze(text, tokens=False)
    assert result.notes == ("text cut to the first 1000000 of 1120000 characters",)
    assert result.money[0].amount == 1000


def test_non_text_input_gives_an_empty_result_with_a_reason() -> None:
    result = analyze(None)  # type: ignore[arg-type]
    assert (result.money, result.notes) == ((), ("input is NoneType, not text",))
    assert extract_money(b"1200\xe5\x85\x83") == []  # type: ignore[arg-type]


def test_adversarial_runs_stay_fast() -> None:
    import time

    for text in (
        "1" * 5000 + "x",
        "一" * 5000 + "1" * 5000 + "x",
        "1," * 3000,
        "被告人" + "张" * 5000,
        "在" * 5000,
    ):
        start = time.perf_counter()
        analyze(text)
        assert time.perf_counter() - start < 2.0


spans = st.lists(
    st.tuples(st.integers(0, 60), st.integers(1, 8)).map(lambda t: (t[0], t[0] + t[1])), max_size=12
)


@given(spans, spans)
def test_overlap_filter_agrees_with_the_quadratic_reference(
    taken: list[tuple[int, int]], items: list[tuple[int, int]]
) -> None:
    from smartcourt.engines.text._api import _drop_overlapping

    reference = [i for i in items if not any(i[0] < s[1] and s[0] < i[1] for s in taken)]
    assert _drop_overlapping(taken, items, lambda i: i) == reference
