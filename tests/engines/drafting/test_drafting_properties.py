"""Property: any well-typed context with dates in order drafts every document without an exception, and every
missing field it needs shows as a placeholder in the text."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from smartcourt.engines.drafting import (
    Claim,
    Costs,
    Counsel,
    CounselKind,
    Court,
    DocumentType,
    DraftContext,
    InvalidContextError,
    Panel,
    Party,
    PartyKind,
    Procedure,
    Statement,
    render,
)
from smartcourt.engines.drafting._validate import ROLES

cjk = st.text(alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5), min_size=0, max_size=12)
text = st.one_of(cjk, st.text(max_size=20))
maybe = lambda strategy: st.one_of(st.none(), strategy)  # noqa: E731
amounts = st.decimals(min_value=0, max_value=Decimal("1e9"), places=2, allow_nan=False, allow_infinity=False)
roles = st.sampled_from(ROLES)


@st.composite
def parties(draw: st.DrawFn) -> Party:
    return Party(
        role=draw(roles),
        name=draw(cjk),
        kind=draw(st.sampled_from(PartyKind)),
        sex=draw(maybe(st.sampled_from(("男", "女")))),
        birth_date=draw(maybe(st.dates(date(1930, 1, 1), date(2005, 12, 31)))),
        ethnicity=draw(maybe(cjk)),
        occupation=draw(maybe(cjk)),
        address=draw(maybe(text)),
        legal_representative=draw(maybe(cjk)),
        counsel=tuple(
            draw(
                st.lists(
                    st.builds(
                        Counsel,
                        name=cjk,
                        firm=maybe(cjk),
                        kind=st.sampled_from(CounselKind),
                        relation=maybe(cjk),
                    ),
                    max_size=2,
                )
            )
        ),
        appeared=draw(st.booleans()),
        custody=draw(maybe(text)),
    )


@st.composite
def contexts(draw: st.DrawFn) -> DraftContext:
    start = draw(st.dates(date(2010, 1, 1), date(2030, 1, 1)))
    steps = [timedelta(days=draw(st.integers(0, 60))) for _ in range(4)]
    received, filed = start, start + steps[0]
    hearing = filed + steps[1]
    judged = hearing + steps[2]
    procedure = draw(st.sampled_from(Procedure))
    return DraftContext(
        court=Court(
            draw(text), appeal_court=draw(maybe(text)), address=draw(maybe(text)), phone=draw(maybe(text))
        ),
        case_number=draw(
            st.sampled_from(
                (
                    "（2024）浙0102民初1号",
                    "（2024）浙0102刑初7号",
                    "",
                    "（2023）京01执12号",
                    "（2024）浙01民终3号",
                )
            )
        ),
        cause=draw(maybe(text)),
        procedure=procedure,
        public_hearing=draw(st.booleans()),
        received_date=draw(maybe(st.just(received))),
        filing_date=draw(maybe(st.just(filed))),
        hearing_date=draw(maybe(st.just(hearing))),
        judgment_date=draw(maybe(st.just(judged))),
        parties=tuple(draw(st.lists(parties(), max_size=4))),
        claims=tuple(draw(st.lists(st.builds(Claim, text=text, amount=maybe(amounts)), max_size=3))),
        facts_and_reasons=draw(maybe(text)),
        defences=tuple(draw(st.lists(st.builds(Statement, speaker=cjk, text=text), max_size=2))),
        facts_found=tuple(draw(st.lists(text, max_size=3))),
        reasoning=tuple(draw(st.lists(text, max_size=2))),
        legal_basis=tuple(draw(st.lists(text, max_size=3))),
        operative_items=tuple(draw(st.lists(text, max_size=3))),
        costs=draw(maybe(st.builds(Costs, bearer=text, fee=maybe(amounts)))),
        panel=draw(
            st.builds(
                Panel,
                presiding_judge=maybe(cjk),
                judges=st.lists(cjk, max_size=2).map(tuple),
                assessors=st.lists(cjk, max_size=2).map(tuple),
                clerk=maybe(cjk),
            )
        ),
        enforcement_amount=draw(maybe(amounts)),
        served_documents=tuple(draw(st.lists(cjk, max_size=2))),
    )


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(kind=st.sampled_from(DocumentType), ctx=contexts())
def test_any_generated_context_drafts_without_exception(kind: DocumentType, ctx: DraftContext) -> None:
    try:
        draft = render(kind, ctx)
    except InvalidContextError as error:
        # The only refusals a well-typed context with ordered dates can meet: a sole judge has no deliberation;
        # a second-instance document needs a 民终 number and a panel of judges only (民事诉讼法第四十一条).
        if kind.second_instance:
            assert error.field in ("case_number", "panel.assessors")
        else:
            assert kind is DocumentType.DELIBERATION_RECORD and error.field == "procedure"
        return
    assert draft.docx[:2] == b"PK"
    body = "\n".join(draft.paragraphs)
    for warning in draft.warnings:
        if not warning.field.startswith(("recipient.", "template.")):
            assert warning.placeholder in body or any(warning.placeholder in p for p in draft.paragraphs)
