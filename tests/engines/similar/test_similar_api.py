"""Ranking, reasons, guiding cases, reports and bad input."""

from __future__ import annotations

import pytest

from smartcourt.engines.similar import (
    Candidate,
    EmptyFactsError,
    FactsTooLongError,
    InvalidOutcomeError,
    NoCandidatesError,
    TooFewOutcomesError,
    build_profile,
    check_deviation,
    class_case_report,
    rank_similar,
)

THEFT = "被告人赵某某入户盗窃，窃得现金人民币5000元。到案后如实供述，退赔被害人损失。"
THEFT_2 = "被告人钱某某窜入被害人家中，窃得手机一部，价值人民币4200元。到案后如实供述。"
DRUNK = "被告人孙某某醉酒驾驶机动车，血液乙醇含量为130mg/100ml。到案后如实供述。"
HURT = "被告人李某某持刀将被害人砍伤，经鉴定为轻伤二级。"


def _cand(i: str, text: str, charges: list[str], **kw: object) -> Candidate:
    return Candidate(i, build_profile(text, charges=charges), **kw)  # type: ignore[arg-type]


def test_same_charge_and_elements_rank_first_with_reasons() -> None:
    query = build_profile(THEFT)
    cands = [
        _cand("drunk", DRUNK, ["危险驾驶"]),
        _cand("theft", THEFT_2, ["盗窃"]),
        _cand("hurt", HURT, ["故意伤害"]),
    ]
    ranked = rank_similar(query, cands, top=3)
    assert ranked[0].candidate.id == "theft"
    kinds = [r.kind for r in ranked[0].reasons]
    assert kinds[:3] == ["charge", "element", "circumstance"]
    element = next(r for r in ranked[0].reasons if r.kind == "element")
    assert THEFT[element.query_span[0] : element.query_span[1]] == element.query_text  # type: ignore[index]
    assert THEFT_2[element.candidate_span[0] : element.candidate_span[1]] == element.candidate_text  # type: ignore[index]
    assert all(0.0 <= n.score <= 1.0 for n in ranked)


def test_matching_passages_carry_spans_in_both_texts() -> None:
    query = build_profile(THEFT)
    ranked = rank_similar(query, [_cand("t", "被告人周某某入户盗窃，窃得现金人民币3000元。", ["盗窃"])])
    passage = next(r for r in ranked[0].reasons if r.kind == "passage")
    assert THEFT[passage.query_span[0] : passage.query_span[1]] == passage.query_text  # type: ignore[index]


def test_relevant_guiding_case_comes_first_irrelevant_does_not() -> None:
    query = build_profile(THEFT)
    plain = _cand("plain", THEFT_2, ["盗窃"], lexical=10.0)
    guiding = _cand("guide", "被告人吴某某盗窃电动车一辆。", ["盗窃"], lexical=1.0, guiding=True)
    other_guiding = _cand("g2", DRUNK, ["危险驾驶"], lexical=9.0, guiding=True)
    ranked = rank_similar(query, [plain, guiding, other_guiding], top=3)
    assert [n.candidate.id for n in ranked][:2] == ["guide", "plain"]
    assert ranked[0].guiding_first and not ranked[-1].guiding_first


def test_given_lexical_scores_are_scaled_to_the_best() -> None:
    query = build_profile(THEFT)
    ranked = rank_similar(
        query, [_cand("a", DRUNK, ["危险驾驶"], lexical=50.0), _cand("b", HURT, ["故意伤害"], lexical=5.0)]
    )
    assert [n.lexical for n in ranked] == [1.0, 0.1]


def test_bad_input_is_refused_with_clear_messages() -> None:
    with pytest.raises(EmptyFactsError, match="案情事实为空"):
        build_profile("  ，。 ")
    with pytest.raises(FactsTooLongError, match="上限"):
        build_profile("盗" * 100_000)
    with pytest.raises(NoCandidatesError, match="没有可比对的类案"):
        rank_similar(build_profile(THEFT), [])
    with pytest.raises(NoCandidatesError):
        check_deviation(12, [])
    with pytest.raises(TooFewOutcomesError, match="仅2件"):
        check_deviation(12, [6, 8])
    for bad in (-1, float("nan"), float("inf"), "abc"):
        with pytest.raises(InvalidOutcomeError):
            check_deviation(bad, [1, 2, 3, 4, 5])  # type: ignore[arg-type]


def test_class_case_report_counts_what_neighbours_share() -> None:
    reasoning = "本院认为，被告人{}以非法占有为目的，入户盗窃他人财物，数额较大，其行为已构成盗窃罪。"
    cands = [
        Candidate(
            str(i),
            build_profile(THEFT_2, charges=["盗窃"], articles=["刑法第264条", "刑法第67条"]),
            outcome=float(m),
            reasoning=reasoning.format(name),
        )
        for i, (m, name) in enumerate([(6, "甲某"), (8, "乙某"), (10, "丙某")])
    ]
    report = class_case_report(rank_similar(build_profile(THEFT), cands))
    assert report.n == 3
    assert report.outcomes is not None and report.outcomes.median == 8.0
    assert report.charges[0].label == "盗窃" and report.charges[0].count == 3
    assert report.articles[0].count == 3
    assert report.reasoning and report.reasoning[0].count == 3


def test_report_without_outcomes_says_none() -> None:
    report = class_case_report(rank_similar(build_profile(THEFT), [_cand("a", THEFT_2, ["盗窃"])]))
    assert report.outcomes is None
