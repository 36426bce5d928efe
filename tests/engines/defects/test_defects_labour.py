"""A labour-dispute judgment drafted in the platform: its citations and wording raise no false alerts; a law
outside the corpus is one warning, an article past a known law's end an error; Chinese labels for the UI."""

from __future__ import annotations

from smartcourt.engines.defects import DefectKind, Document, Severity, check_document
from smartcourt.engines.defects._check_typos import check_typos
from smartcourt.engines.laws import load_corpus

REASONING = (
    "本院认为，原告与被告自2022年3月1日起建立劳动关系，被告未与原告订立书面劳动合同。被告以经营困难为由"
    "主张不支付二倍工资差额，缺乏依据。依照《中华人民共和国劳动合同法》第七条、第十条、第八十二条第一款，"
    "劳动合同法第四十七条、劳动合同法第八十七条，《中华人民共和国劳动法》第五十条，"
    "《中华人民共和国劳动争议调解仲裁法》第二十七条，同法第四十八条，"
    "《最高人民法院关于审理劳动争议案件适用法律问题的解释（一）》第四十四条，"
    "《中华人民共和国社会保险法》第五十八条，《中华人民共和国民事诉讼法》第六十七条之规定，判决如下："
)


def _alerts(text: str) -> list[tuple[str, str, str]]:
    found = check_document(Document.from_text(text))
    return [
        (d.kind.value, d.severity.value, d.message)
        for d in found
        if d.kind in {DefectKind.CITATION, DefectKind.TYPO}
    ]


def test_the_labour_judgment_raises_no_citation_or_typo_alert() -> None:
    assert _alerts(REASONING + "\n二〇二四年六月三日") == []


def test_bare_short_names_resolve_and_same_law_means_the_last_named() -> None:
    text = "依照劳动合同法第九十九条、劳动法第一百零八条之规定。\n二〇二四年六月三日"
    assert _alerts(text) == [
        ("citation", "error", "引用的条文不存在：《中华人民共和国劳动合同法》没有第九十九条"),
        ("citation", "error", "引用的条文不存在：《中华人民共和国劳动法》没有第一百零八条"),
    ]
    # 同法 after a law outside the corpus does not fall back to an earlier law.
    text = "依照《中华人民共和国民法典》第五条、《中华人民共和国工会法》第三条、同法第四条之规定。"
    assert _alerts(text) == [("citation", "warning", "法律库未收录《中华人民共和国工会法》，无法核对条文")]


def test_a_law_outside_the_corpus_is_one_warning_per_law_not_an_error() -> None:
    text = "依照《某省劳动保障监察条例》第三条、第五条，《某省劳动保障监察条例》第九条之规定。"
    alerts = check_document(Document.from_text(text))
    assert [(d.kind, d.severity, d.message) for d in alerts] == [
        (DefectKind.CITATION, Severity.WARNING, "法律库未收录《某省劳动保障监察条例》，无法核对条文")
    ]
    assert alerts[0].text == "《某省劳动保障监察条例》第三条"


def test_typo_rules_do_not_fire_inside_common_words() -> None:
    for correct in (
        "以经营困难为由",
        "可以经营",
        "以经济补偿为限",
        "以经过公证的协议为准",
        "以经验判断",
        "自己经营",
    ):
        assert _alerts(correct) == [], correct
    assert [a[2] for a in _alerts("被告以经支付工资")] == ["疑似别字：“以经”应为“已经”"]


# The statutes quote the old form 帐户/帐号 (刑法, before the 账 standard); a judgment's own prose should not.
JUSTIFIED = {("刑法", "帐户"), ("刑法", "帐号")}


def test_typo_rules_fire_on_no_article_of_the_shipped_corpus() -> None:
    corpus = load_corpus()
    fired: set[tuple[str, str]] = set()
    for law in corpus.laws.values():
        for version in law.versions:
            paragraphs = [a.text for a in version.articles]
            fired |= {(law.id, d.text) for d in check_typos(Document.from_paragraphs(paragraphs))}
    assert fired == JUSTIFIED


def test_kinds_and_severities_have_chinese_labels() -> None:
    assert all(kind.label and not kind.label.isascii() for kind in DefectKind)
    assert [s.label for s in Severity] == ["错误", "注意", "提示"]
