"""Parsing the LawRefBook markdown format: a small synthetic law, dates, chapters, 款 and 项, bad files."""

from __future__ import annotations

from datetime import date

import pytest

from smartcourt.engines.laws import LawParseError, Paragraph, parse_law_markdown

SYNTHETIC = """# 中华人民共和国示例法

2001年2月3日 第九届全国人民代表大会常务委员会第二十次会议通过

2010年6月30日 第十一届全国人民代表大会常务委员会第十五次会议《关于修改〈中华人民共和国示例法〉的决定》修正

<!-- INFO END -->

## 第一编 总则

### 第一章 一般规定

第一条 为了示例，制定本法。

第二条　本法适用于：

（一）甲；

（二）乙。

前款规定以外的情形，不适用本法。

### 第二章 特别规定

#### 第一节 其他

第二条之一 新增的条文。

第十条

条文在下一行。

## 附则

第一百零一条 本法自2011年1月1日起施行。
"""


def test_title_dates_and_article_numbers() -> None:
    law = parse_law_markdown(SYNTHETIC)
    assert (law.title, law.part) == ("中华人民共和国示例法", "")
    assert law.issued == date(2010, 6, 30)
    assert law.effective == date(2011, 1, 1)
    assert [(a.number, a.suffix, a.chinese) for a in law.articles] == [
        (1, 0, "第一条"),
        (2, 0, "第二条"),
        (2, 1, "第二条之一"),
        (10, 0, "第十条"),
        (101, 0, "第一百零一条"),
    ]


def test_chapters_paragraphs_and_items() -> None:
    articles = parse_law_markdown(SYNTHETIC).articles
    assert articles[1].chapter == "第一编 总则 / 第一章 一般规定"
    assert articles[1].paragraphs == (
        Paragraph("本法适用于：", ("（一）甲；", "（二）乙。")),
        Paragraph("前款规定以外的情形，不适用本法。"),
    )
    assert articles[2].chapter == "第一编 总则 / 第二章 特别规定 / 第一节 其他"
    assert articles[3].paragraphs == (Paragraph("条文在下一行。"),)
    assert articles[4].chapter == "附则"
    assert articles[1].text == "本法适用于：\n（一）甲；\n（二）乙。\n前款规定以外的情形，不适用本法。"


def test_effective_line_in_the_header_wins_and_an_old_in_force_line_does_not_date_an_amended_text() -> None:
    header = "# 规定\n\n2020年1月2日 通过\n\n2020年3月1日 施行\n\n<!-- INFO END -->\n\n第一条 自2000年1月1日起施行。\n"
    assert parse_law_markdown(header).effective == date(2020, 3, 1)
    amended = "# 法\n\n2017年6月27日 修正\n\n<!-- INFO END -->\n\n第一条 本法自1990年10月1日起施行。\n"
    assert parse_law_markdown(amended).effective is None
    on_issue = "# 法\n\n2018年10月26日 通过\n\n<!-- INFO END -->\n\n第一条 本法自公布之日起施行。\n"
    assert parse_law_markdown(on_issue).effective == date(2018, 10, 26)


def test_a_civil_code_part_keeps_its_part_name() -> None:
    law = parse_law_markdown(
        "# 中华人民共和国民法典\n\n# 合同编\n\n<!-- INFO END -->\n\n第四百六十三条 本编调整。\n"
    )
    assert (law.title, law.part, law.articles[0].number) == ("中华人民共和国民法典", "合同编", 463)


def test_a_stray_space_before_tiao_still_starts_an_article() -> None:
    law = parse_law_markdown("# 法\n\n<!-- INFO END -->\n\n第一百二十八 条侦查人员……\n")
    assert [(a.number, a.paragraphs[0].text) for a in law.articles] == [(128, "侦查人员……")]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("# 法\n\n第一条 没有信息结束行。\n", "markdown.no_info_end"),
        ("2020年1月1日 通过\n<!-- INFO END -->\n第一条 正文\n", "markdown.no_title"),
        ("", "markdown.no_info_end"),
    ],
)
def test_malformed_files_raise_a_parse_error_with_its_code(text: str, code: str) -> None:
    with pytest.raises(LawParseError) as caught:
        parse_law_markdown(text)
    assert caught.value.code == code
