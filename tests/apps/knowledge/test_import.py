"""Importing markdown law files: articles, versions, a malformed file failing alone, idempotence, the command."""

from __future__ import annotations

from datetime import date
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from smartcourt.apps.core.errors import InvalidInputError
from smartcourt.apps.knowledge.error_codes import KnowledgeErrorCode
from smartcourt.apps.knowledge.models import Article, Law, LawVersion
from smartcourt.apps.knowledge.services import FileFailure, law_import
from tests.apps.knowledge.conftest import EXAMPLE_LAW

pytestmark = pytest.mark.django_db


def _rows() -> list[tuple[int, str, int, int, str]]:
    return list(
        Article.objects.order_by("pk").values_list("pk", "version__law__title", "number", "suffix", "text")
    )


def test_import_writes_laws_versions_and_articles(laws_dir: Path) -> None:
    result = law_import(path=laws_dir)

    assert (result.imported, result.updated, result.articles) == (2, 1, 7)
    assert result.failures == [FileFailure("法律/坏文件.md", "缺少“<!-- INFO END -->”行")]
    assert result.skipped == [
        FileFailure("法律/示例法修正案.md", "文件中没有“第X条”条文（如修正案、决定），未导入")
    ]
    law = Law.objects.get(title="中华人民共和国示例法")
    assert (law.short_name, law.aliases, law.folder, law.source) == (
        "示例法",
        ["示例法"],
        "法律",
        "markdown:法律/示例法.md",
    )
    version = LawVersion.objects.get(law=law)
    assert (version.label, version.issued_on, version.effective_on, version.repealed_on) == (
        "2020-01-02",
        date(2020, 1, 2),
        date(2020, 3, 1),
        None,
    )
    assert version.source_file == "法律/示例法.md"
    article = Article.objects.get(version=version, number=3, suffix=0)
    assert article.number_chinese == "第三条"
    assert (article.chapter_path, article.chapter, article.section) == (
        "第二章 责任 / 第一节 一般规定",
        "第二章 责任",
        "第一节 一般规定",
    )
    assert article.paragraphs == [
        {"text": "有下列情形之一的，处罚款：", "items": ["（一）甲；", "（二）乙。"]},
        {"text": "前款规定以外的，不予处罚。", "items": []},
    ]
    assert article.text == "有下列情形之一的，处罚款：\n（一）甲；\n（二）乙。\n前款规定以外的，不予处罚。"
    suffixed = Article.objects.get(version=version, number=3, suffix=1)
    assert suffixed.number_chinese == "第三条之一"
    assert not Law.objects.filter(title="缺少信息结束行的法").exists()


def test_parts_of_a_code_share_one_version(laws_dir: Path) -> None:
    law_import(path=laws_dir)

    code = Law.objects.get(title="示例法典")
    version = LawVersion.objects.get(law=code)
    assert version.source_file == "法典/*"
    assert list(version.articles.values_list("number", "chapter_path")) == [
        (1, "第一编 总则 / 第一章 基本规定"),
        (2, "第一编 总则 / 第一章 基本规定"),
        (3, "第二编 分则 / 第一章 分则规定"),
    ]


def test_reimport_updates_in_place_and_never_duplicates(laws_dir: Path) -> None:
    law_import(path=laws_dir)
    before = _rows()

    again = law_import(path=laws_dir)

    assert (again.imported, again.updated, again.failed) == (0, 3, 1)
    assert _rows() == before
    assert Law.objects.count() == 2
    assert LawVersion.objects.count() == 2


def test_reimport_applies_a_changed_text_and_drops_a_removed_article(laws_dir: Path) -> None:
    law_import(path=laws_dir)
    first = Article.objects.get(version__law__title="中华人民共和国示例法", number=1)
    changed = EXAMPLE_LAW.replace("为了示例，制定本法。", "为了更好的示例，制定本法。").replace(
        "第二条 本法适用于示例。\n", ""
    )
    (laws_dir / "法律" / "示例法.md").write_text(changed, encoding="utf-8")

    result = law_import(path=laws_dir / "法律" / "示例法.md")

    assert (result.imported, result.updated, result.failed) == (0, 1, 0)
    numbers = Article.objects.filter(version__law__title="中华人民共和国示例法").values_list(
        "number", "suffix"
    )
    assert sorted(numbers) == [(1, 0), (3, 0), (3, 1)]
    first.refresh_from_db()
    assert first.text == "为了更好的示例，制定本法。"
    # A single file keeps the name it has when its folder is imported.
    assert LawVersion.objects.get(law__title="中华人民共和国示例法").source_file == "法律/示例法.md"
    # The other parts of the code are untouched by a one-part re-import.
    law_import(path=laws_dir / "法典" / "分则.md")
    assert Article.objects.filter(version__law__title="示例法典").count() == 3


def test_a_new_issue_date_is_a_new_version(laws_dir: Path) -> None:
    law_import(path=laws_dir)
    amended = EXAMPLE_LAW.replace("2020年3月1日 施行", "2023年6月1日 修正\n\n2023年7月1日 施行")
    (laws_dir / "法律" / "示例法(2023-06-01).md").write_text(amended, encoding="utf-8")

    result = law_import(path=laws_dir / "法律")

    assert (result.imported, result.updated) == (1, 1)
    labels = LawVersion.objects.filter(law__title="中华人民共和国示例法").order_by("issued_on")
    assert [(v.label, v.effective_on) for v in labels] == [
        ("2020-01-02", date(2020, 3, 1)),
        ("2023-06-01", date(2023, 7, 1)),
    ]


def test_missing_path_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InvalidInputError) as caught:
        law_import(path=tmp_path / "无此目录")
    assert caught.value.code == KnowledgeErrorCode.BAD_IMPORT_PATH
    assert caught.value.message == f"路径不存在：{tmp_path / '无此目录'}"


def test_folder_without_markdown_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InvalidInputError) as caught:
        law_import(path=tmp_path)
    assert caught.value.message == f"路径下没有 .md 法律文件：{tmp_path}"


def test_command_prints_counts_and_exits_1_when_a_file_failed(laws_dir: Path) -> None:
    out = StringIO()
    with pytest.raises(SystemExit) as caught:
        call_command("import_laws", str(laws_dir), stdout=out, stderr=StringIO())
    assert caught.value.code == 1
    lines = out.getvalue().splitlines()
    assert lines[0].startswith("新导入 2，更新 1，跳过 1，失败 1；条文 7 条；用时 ")
    assert lines[1:] == [
        "跳过：法律/示例法修正案.md：文件中没有“第X条”条文（如修正案、决定），未导入",
        "失败：法律/坏文件.md：缺少“<!-- INFO END -->”行",
    ]
    assert Law.objects.count() == 2


def test_command_on_good_files_exits_0(laws_dir: Path) -> None:
    out = StringIO()
    call_command("import_laws", str(laws_dir / "法典"), stdout=out)
    assert out.getvalue().startswith("新导入 1，更新 1，跳过 0，失败 0；条文 3 条；")
    # Named by its folder whatever folder the import starts from.
    assert LawVersion.objects.get(law__title="示例法典").source_file == "法典/*"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["/无此路径/laws"], "路径不存在：/无此路径/laws"),
        ([], "请给出 PATH（markdown 文件或目录）或 --shipped，二者选一"),
    ],
)
def test_command_bad_path_exits_2_with_chinese_error(args: list[str], message: str) -> None:
    err = StringIO()
    with pytest.raises(SystemExit) as caught:
        call_command("import_laws", *args, stdout=StringIO(), stderr=err)
    assert caught.value.code == 2
    assert message in err.getvalue()
    assert Law.objects.count() == 0
