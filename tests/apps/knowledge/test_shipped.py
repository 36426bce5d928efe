"""Importing the laws engine's shipped corpus: the core laws without ../shared, quickly, idempotently."""

from __future__ import annotations

import time
from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command

from smartcourt.apps.knowledge.models import Article, Law, LawVersion
from smartcourt.apps.knowledge.services import law_import_shipped
from smartcourt.engines.laws import load_corpus

pytestmark = pytest.mark.django_db


def test_shipped_import_has_the_core_laws_and_is_fast() -> None:
    corpus = load_corpus()
    started = time.perf_counter()

    result = law_import_shipped()

    assert time.perf_counter() - started < 10
    expected_articles = sum(len(v.articles) for law in corpus.laws.values() for v in law.versions)
    assert (result.imported, result.updated, result.failed, result.articles) == (
        len(corpus.laws),
        0,
        0,
        expected_articles,
    )
    assert Article.objects.count() == expected_articles
    assert LawVersion.objects.count() == sum(len(law.versions) for law in corpus.laws.values())
    for short in ("刑法", "民法典", "民事诉讼法", "刑事诉讼法", "行政诉讼法", "民诉法解释", "刑诉法解释"):
        assert Law.objects.filter(short_name=short).exists(), short
    theft = Article.objects.get(version__law__short_name="刑法", number=264, suffix=0)
    assert theft.number_chinese == "第二百六十四条"
    assert theft.text.startswith("盗窃公私财物，数额较大的，或者多次盗窃、入户盗窃、携带凶器盗窃、扒窃的，")
    assert (theft.chapter, theft.section) == ("第五章 侵犯财产罪", "")
    law = Law.objects.get(short_name="民事诉讼法")
    assert (law.title, law.kind, law.source) == (
        "中华人民共和国民事诉讼法",
        "法律",
        "github.com/LawRefBook/Laws@2f4c5c237162",
    )
    assert law.aliases == ["民事诉讼法", "民诉法"]
    # An older version ends when the next one takes effect.
    versions = list(law.versions.order_by("issued_on").values_list("label", "effective_on", "repealed_on"))
    assert versions[0][2] == versions[1][1]
    assert versions[1][2] is None
    assert Law.objects.get(short_name="行诉法若干问题解释").repealed_on == date(2018, 2, 8)


def test_shipped_import_twice_never_duplicates() -> None:
    law_import_shipped()
    before = list(Article.objects.order_by("pk").values_list("pk", "number", "suffix", "text"))

    again = law_import_shipped()

    assert (again.imported, again.failed) == (0, 0)
    assert again.updated == Law.objects.count()
    assert list(Article.objects.order_by("pk").values_list("pk", "number", "suffix", "text")) == before


def test_command_shipped() -> None:
    out = StringIO()
    call_command("import_laws", "--shipped", stdout=out)
    assert out.getvalue().startswith(f"新导入 {len(load_corpus().laws)}，更新 0，跳过 0，失败 0；")
