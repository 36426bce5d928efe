"""The laws the platform's own documents and element-based trial cite, and the common ones in judgments, are in
the corpus under their short names; bare short names resolve; 同法/该法 keep meaning the last law named."""

from __future__ import annotations

import json
from datetime import date
from importlib import resources

import pytest

from smartcourt.engines.laws import find_citations, load_corpus, lookup_law

ADDED = {
    "劳动合同法": ("中华人民共和国劳动合同法", [98]),
    "劳动法": ("中华人民共和国劳动法", [107]),
    "劳动争议调解仲裁法": ("中华人民共和国劳动争议调解仲裁法", [54]),
    "社会保险法": ("中华人民共和国社会保险法", [98]),
    "道路交通安全法": ("中华人民共和国道路交通安全法", [124]),
    "保险法": ("中华人民共和国保险法", [185]),
    "民间借贷规定": ("最高人民法院关于审理民间借贷案件适用法律若干问题的规定", [31]),
    "人身损害赔偿解释": ("最高人民法院关于审理人身损害赔偿案件适用法律若干问题的解释", [24, 24]),
    "道路交通事故损害赔偿解释": ("最高人民法院关于审理道路交通事故损害赔偿案件适用法律若干问题的解释", [26]),
    "婚姻家庭编解释（一）": ("最高人民法院关于适用《中华人民共和国民法典》婚姻家庭编的解释（一）", [91]),
    "劳动争议解释（一）": ("最高人民法院关于审理劳动争议案件适用法律问题的解释（一）", [54]),
    "公司法": ("中华人民共和国公司法", [218, 266]),
    "消费者权益保护法": ("中华人民共和国消费者权益保护法", [63]),
}


@pytest.mark.parametrize("law_id", sorted(ADDED))
def test_the_added_laws_are_shipped_with_their_article_counts(law_id: str) -> None:
    title, counts = ADDED[law_id]
    law = lookup_law(law_id)
    assert law.id == law_id and law.title == title
    assert [len(v.articles) for v in law.versions] == counts
    assert lookup_law(f"《{title}》").id == law_id


def test_the_corpus_has_its_laws_and_stays_small() -> None:
    assert len(load_corpus().laws) == 52
    size = resources.files("smartcourt.engines.laws").joinpath("data/laws.json.xz").read_bytes()
    assert len(size) < 600_000


def test_the_new_texts_are_checked_on_their_dates() -> None:
    (old, new) = find_citations(
        "《中华人民共和国公司法》第二百一十六条，公司法第二百六十六条", on=date(2023, 5, 1)
    )
    assert old.status.exists and old.status.in_force
    assert new.status.exists and new.status.in_force is False and new.status.reason == "not_yet_in_force"
    (before,) = find_citations("劳动合同法第八十二条", on=date(2012, 1, 1))
    assert before.status.reason == "no_version_on_date"


def test_bare_short_names_resolve_and_same_law_is_the_last_named() -> None:
    cites = find_citations(
        "劳动合同法第七条、劳动合同法第十条，同法第十四条；民间借贷规定第二十五条，该规定第二十八条"
    )
    assert [(c.raw, c.law_id, c.status.exists) for c in cites] == [
        ("第七条", "劳动合同法", True),
        ("第十条", "劳动合同法", True),
        ("第十四条", "劳动合同法", True),
        ("第二十五条", "民间借贷规定", True),
        ("第二十八条", "民间借贷规定", True),
    ]
    # 同法 inside 合同法, 本法 inside 基本法 are names, not back-references.
    assert find_citations("《中华人民共和国刑法》第一条，合同法第五十二条，基本法第十八条") == find_citations(
        "《中华人民共和国刑法》第一条"
    )
    (unknown, same) = find_citations(
        "《中华人民共和国民法典》第五条、《中华人民共和国工会法》第三条、同法第四条"
    )[1:]
    assert unknown.law_id is None and same.law_id is None
    assert (
        same.status.reason == "unknown_law" and same.status.detail == "法律库未收录《中华人民共和国工会法》"
    )


def _platform_citations() -> list[str]:
    text = resources.files("smartcourt.engines.elements").joinpath("data/schemas.json").read_text("utf-8")
    causes = json.loads(text)["causes"].values()
    basis = [b for cause in causes for e in cause["elements"] for b in e.get("basis", [])]
    return sorted(set(basis))


def test_every_article_the_element_based_trial_cites_exists() -> None:
    cited = _platform_citations()
    assert cited
    for text in cited:
        (citation,) = find_citations(text)
        assert citation.law_id is not None and citation.status.exists, (text, citation.status)


def test_every_article_the_drafting_templates_cite_exists() -> None:
    root = resources.files("smartcourt.engines.drafting")
    texts = [f.read_text("utf-8") for f in root.iterdir() if f.name.endswith((".py", ".json"))]
    cites = [c for text in texts for c in find_citations(text)]
    assert len(cites) > 20
    assert [(c.law_text, c.raw) for c in cites if not c.status.exists] == []
