"""Build ``data/laws.json.xz`` from the LawRefBook markdown in ../shared/data/laws (run by hand).

    .venv/bin/python -m smartcourt.engines.laws._build_corpus [--laws ../shared/data/laws]

Never imported by the package or by tests (except a test that skips when ../shared is absent). The laws are
official state documents outside copyright (著作权法第五条); the data file records the source repository and
commit. 刑法 ships as its consolidated text, with each article's history (added / amended / deleted by which
修正案, in force from when) read from the 修正案 files. Where a file gives no effective date, the date below
comes from the amending act itself (cited beside it).
"""

from __future__ import annotations

import argparse
import json
import lzma
import re
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from ._corpus import DATA_FILE, FORMAT, article_to_json
from ._markdown import parse_date, parse_law_markdown
from ._numbers import NUMERAL, numeral_value
from ._types import Article, Change, ParsedLaw

ROOT = Path(__file__).resolve().parents[4]
DEFAULT_LAWS = ROOT.parent / "shared" / "data" / "laws"
OUT = Path(__file__).resolve().parent / "data" / DATA_FILE
SOURCE = {
    "repository": "github.com/LawRefBook/Laws",
    "commit": "2f4c5c23716267af9dbebbbbd6cbbf732b101981",
    "commit_date": "2025-04-19",
    "origin": "国家法律法规数据库 flk.npc.gov.cn (per the upstream README)",
    "copy": "../shared/data/laws (see its README, section 1)",
    "license": "official state documents, excluded from copyright by 著作权法第五条; upstream states no license",
}
D = date.fromisoformat
SPI = "司法解释/最高人民法院关于适用"
TWO = "司法解释/最高人民法院、最高人民检察院关于办理"
CIVIL_CODE_PARTS = ["总则", "物权编", "合同编", "人格权编", "婚姻家庭编", "继承编", "侵权责任编", "附则"]

# id, kind, aliases, [(file, effective override or None, note)], extra law fields
LAWS: list[tuple[str, str, list[str], list[tuple[str, date | None, str]], dict[str, Any]]] = [
    (
        "民法典",
        "法律",
        ["民法典"],
        [("民法典/*", None, "")],
        {},
    ),
    (
        "民事诉讼法",
        "法律",
        ["民事诉讼法", "民诉法"],
        [
            # 《关于修改〈民事诉讼法〉的决定》(2021): 自2022年1月1日起施行
            ("诉讼与非诉讼程序法/民事诉讼法(2021-12-24).md", D("2022-01-01"), "第四次修正"),
            # 《关于修改〈民事诉讼法〉的决定》(2023): 自2024年1月1日起施行
            ("诉讼与非诉讼程序法/民事诉讼法(2023-09-01).md", D("2024-01-01"), "第五次修正"),
        ],
        {},
    ),
    (
        "刑事诉讼法",
        "法律",
        ["刑事诉讼法", "刑诉法"],
        # 《关于修改〈刑事诉讼法〉的决定》(2018): 自公布之日起施行
        [("诉讼与非诉讼程序法/刑事诉讼法(2018-10-26).md", D("2018-10-26"), "第三次修正")],
        {},
    ),
    (
        "行政诉讼法",
        "法律",
        ["行政诉讼法", "行诉法"],
        # 《关于修改〈民事诉讼法〉和〈行政诉讼法〉的决定》(2017): 自2017年7月1日起施行
        [("诉讼与非诉讼程序法/行政诉讼法(2017-06-27).md", D("2017-07-01"), "第二次修正")],
        {},
    ),
    (
        "民诉法解释",
        "司法解释",
        ["民诉法解释", "民事诉讼法解释", "民诉解释", "民诉法司法解释", "民事诉讼法司法解释"],
        [
            # 法释〔2020〕20号: 自2021年1月1日起施行
            (SPI + "《民事诉讼法》的解释(2020-12-29).md", D("2021-01-01"), "法释〔2020〕20号修正"),
            (SPI + "《民事诉讼法》的解释(2022-04-01).md", None, "法释〔2022〕11号修正"),
        ],
        {},
    ),
    (
        "刑诉法解释",
        "司法解释",
        ["刑诉法解释", "刑事诉讼法解释", "刑诉解释", "刑诉法司法解释", "刑事诉讼法司法解释"],
        [
            (SPI + "《刑事诉讼法》的解释(2012-12-20).md", None, "法释〔2012〕21号"),
            (SPI + "《刑事诉讼法》的解释(2021-01-26).md", None, "法释〔2021〕1号"),
        ],
        {},
    ),
    (
        "行诉法解释",
        "司法解释",
        ["行诉法解释", "行政诉讼法解释", "行诉解释", "行政诉讼法司法解释"],
        [(SPI + "《行政诉讼法》的解释(2018-02-06).md", None, "法释〔2018〕1号")],
        {},
    ),
    (
        "行诉法若干问题解释",
        "司法解释",
        ["行政诉讼法若干问题解释"],
        # 法释〔2015〕9号: 自2015年5月1日起施行
        [(SPI + "《行政诉讼法》若干问题的解释(2015-04-22).md", D("2015-05-01"), "法释〔2015〕9号")],
        # 《最高人民法院关于适用〈行政诉讼法〉的解释》第一百六十三条 repeals it from 2018-02-08
        {
            "repealed_on": "2018-02-08",
            "repealed_by": "《最高人民法院关于适用〈中华人民共和国行政诉讼法〉的解释》",
        },
    ),
    (
        "审判监督程序解释",
        "司法解释",
        ["民事审判监督程序解释", "审监解释"],
        # 法释〔2020〕20号: 自2021年1月1日起施行
        [(SPI + "《民事诉讼法》审判监督程序若干问题的解释(2020-12-29).md", D("2021-01-01"), "")],
        {},
    ),
    (
        "执行程序解释",
        "司法解释",
        ["民事诉讼法执行程序解释", "执行程序若干问题解释"],
        # 法释〔2020〕21号: 自2021年1月1日起施行
        [(SPI + "《民事诉讼法》执行程序若干问题的解释(2020-12-29).md", D("2021-01-01"), "")],
        {},
    ),
    (
        "民法典总则编解释",
        "司法解释",
        ["民法典总则编解释", "总则编解释"],
        [(SPI + "《民法典》总则编若干问题的解释(2022-02-24).md", None, "法释〔2022〕6号")],
        {},
    ),
    (
        "民法典担保制度解释",
        "司法解释",
        ["担保制度解释", "民法典担保制度解释", "民法典担保解释"],
        [(SPI + "《民法典》有关担保制度的解释(2020-12-31).md", None, "法释〔2020〕28号")],
        {},
    ),
    (
        "民法典合同编通则解释",
        "司法解释",
        ["合同编通则解释", "民法典合同编通则解释"],
        [(SPI + "《民法典》合同编通则若干问题的解释(2023-12-04).md", None, "法释〔2023〕13号")],
        {},
    ),
    (
        "诉讼费用交纳办法",
        "行政法规",
        ["诉讼费用交纳办法"],
        [("行政法规/诉讼费用交纳办法(2006-12-19).md", None, "国务院令第481号")],
        {},
    ),
    (
        "登记立案规定",
        "司法解释",
        ["登记立案规定", "立案登记规定", "登记立案若干问题的规定"],
        # 法释〔2015〕8号, issued 2015-04-15 (the file name), in force 2015-05-01 (its 第二十条)
        [("司法解释/最高人民法院关于人民法院登记立案若干问题的规定(2015-04-15).md", None, "法释〔2015〕8号")],
        {},
    ),
    # The laws the platform's documents and element-based trial cite, and the most common ones in civil,
    # labour, traffic, company, consumer and administrative judgments. Left out on purpose: 治安管理处罚法 and
    # 仲裁法 — the copy holds only their 2012 / 2017 texts, and both were revised after the source commit
    # (2025), so their article numbers would be checked against a superseded text.
    (
        "劳动合同法",
        "法律",
        ["劳动合同法"],
        # 《关于修改〈劳动合同法〉的决定》(2012): 自2013年7月1日起施行
        [("社会法/劳动合同法(2012-12-28).md", D("2013-07-01"), "修正")],
        {},
    ),
    (
        "劳动合同法实施条例",
        "行政法规",
        ["劳动合同法实施条例"],
        # 国务院令第535号: 自公布之日起施行
        [("行政法规/劳动合同法实施条例(2008-09-18).md", D("2008-09-18"), "国务院令第535号")],
        {},
    ),
    (
        "劳动法",
        "法律",
        ["劳动法"],
        # 《关于修改〈劳动法〉等七部法律的决定》(2018): 自公布之日起施行
        [("社会法/劳动法(2018-12-29).md", D("2018-12-29"), "第二次修正")],
        {},
    ),
    (
        "劳动争议调解仲裁法",
        "法律",
        ["劳动争议调解仲裁法", "调解仲裁法"],
        # 第五十四条: 自2008年5月1日起施行
        [("诉讼与非诉讼程序法/劳动争议调解仲裁法(2007-12-29).md", D("2008-05-01"), "")],
        {},
    ),
    (
        "劳动争议解释（一）",
        "司法解释",
        ["劳动争议解释（一）", "劳动争议司法解释（一）", "劳动争议解释一", "劳动争议司法解释一"],
        [
            (
                "司法解释/最高人民法院关于审理劳动争议案件适用法律问题的解释（一）(2020-12-29).md",
                None,
                "法释〔2020〕26号",
            )
        ],
        {},
    ),
    (
        "社会保险法",
        "法律",
        ["社会保险法", "社保法"],
        # 《关于修改〈社会保险法〉的决定》(2018): 自公布之日起施行
        [("社会法/社会保险法(2018-12-29).md", D("2018-12-29"), "修正")],
        {},
    ),
    (
        "工伤保险条例",
        "行政法规",
        ["工伤保险条例"],
        # 国务院令第586号: 自2011年1月1日起施行
        [("行政法规/工伤保险条例(2010-12-20).md", D("2011-01-01"), "修订")],
        {},
    ),
    (
        "道路交通安全法",
        "法律",
        ["道路交通安全法", "道交法"],
        # 《关于修改〈道路交通安全法〉等八部法律的决定》(2021): 自公布之日起施行
        [("行政法/道路交通安全法(2021-04-29).md", D("2021-04-29"), "第三次修正")],
        {},
    ),
    (
        "交强险条例",
        "行政法规",
        ["机动车交通事故责任强制保险条例", "交强险条例"],
        # 国务院令第709号: 自公布之日起施行
        [("行政法规/机动车交通事故责任强制保险条例(2019-03-02).md", D("2019-03-02"), "修订")],
        {},
    ),
    (
        "道路交通事故损害赔偿解释",
        "司法解释",
        ["道路交通事故损害赔偿解释", "道路交通事故司法解释", "交通事故损害赔偿解释", "道交解释"],
        # 法释〔2020〕17号: 自2021年1月1日起施行
        [
            (
                "司法解释/最高人民法院关于审理道路交通事故损害赔偿案件适用法律若干问题的解释(2020-12-29).md",
                D("2021-01-01"),
                "法释〔2020〕17号修正",
            )
        ],
        {},
    ),
    (
        "人身损害赔偿解释",
        "司法解释",
        ["人身损害赔偿解释", "人身损害赔偿司法解释", "人损解释"],
        [
            # 法释〔2020〕17号: 自2021年1月1日起施行
            (
                "司法解释/最高人民法院关于审理人身损害赔偿案件适用法律若干问题的解释(2020-12-29).md",
                D("2021-01-01"),
                "法释〔2020〕17号修正",
            ),
            # 法释〔2022〕14号: 自2022年5月1日起施行 (the file says so)
            (
                "司法解释/最高人民法院关于审理人身损害赔偿案件适用法律若干问题的解释(2022-04-24).md",
                None,
                "法释〔2022〕14号修正",
            ),
        ],
        {},
    ),
    (
        "保险法",
        "法律",
        ["保险法"],
        # 《关于修改〈计量法〉等五部法律的决定》(2015): 自公布之日起施行
        [("民法商法/保险法(2015-04-24).md", D("2015-04-24"), "第三次修正")],
        {},
    ),
    (
        "民间借贷规定",
        "司法解释",
        ["民间借贷规定", "民间借贷司法解释", "民间借贷解释", "民间借贷案件规定"],
        # 法释〔2020〕17号 (the second 2020 amendment): 自2021年1月1日起施行
        [
            (
                "司法解释/最高人民法院关于审理民间借贷案件适用法律若干问题的规定(2020-12-29).md",
                D("2021-01-01"),
                "法释〔2020〕17号修正",
            )
        ],
        {},
    ),
    (
        "婚姻家庭编解释（一）",
        "司法解释",
        [
            "婚姻家庭编解释（一）",
            "民法典婚姻家庭编解释（一）",
            "婚姻家庭编司法解释（一）",
            "婚姻家庭编解释一",
        ],
        [(SPI + "《民法典》婚姻家庭编的解释（一）(2020-12-29).md", None, "法释〔2020〕22号")],
        {},
    ),
    (
        "婚姻家庭编解释（二）",
        "司法解释",
        [
            "婚姻家庭编解释（二）",
            "民法典婚姻家庭编解释（二）",
            "婚姻家庭编司法解释（二）",
            "婚姻家庭编解释二",
        ],
        # 法释〔2025〕1号: 自2025年2月1日起施行
        [(SPI + "《民法典》婚姻家庭编的解释（二）(2025-01-15).md", D("2025-02-01"), "法释〔2025〕1号")],
        {},
    ),
    (
        "建设工程施工合同解释（一）",
        "司法解释",
        ["建设工程施工合同解释（一）", "建工解释（一）", "建设工程司法解释（一）", "建设工程施工合同解释一"],
        # 法释〔2020〕25号: 自2021年1月1日起施行
        [
            (
                "司法解释/最高人民法院关于审理建设工程施工合同纠纷案件适用法律问题的解释（一）(2020-12-29).md",
                D("2021-01-01"),
                "法释〔2020〕25号",
            )
        ],
        {},
    ),
    (
        "买卖合同解释",
        "司法解释",
        ["买卖合同解释", "买卖合同司法解释"],
        # 法释〔2020〕17号: 自2021年1月1日起施行
        [
            (
                "司法解释/最高人民法院关于审理买卖合同纠纷案件适用法律问题的解释(2020-12-29).md",
                D("2021-01-01"),
                "法释〔2020〕17号修正",
            )
        ],
        {},
    ),
    (
        "商品房买卖合同解释",
        "司法解释",
        ["商品房买卖合同解释", "商品房买卖合同司法解释"],
        # 法释〔2020〕17号: 自2021年1月1日起施行
        [
            (
                "司法解释/最高人民法院关于审理商品房买卖合同纠纷案件适用法律若干问题的解释(2020-12-29).md",
                D("2021-01-01"),
                "法释〔2020〕17号修正",
            )
        ],
        {},
    ),
    (
        "公司法",
        "法律",
        ["公司法"],
        [
            # 《关于修改〈公司法〉的决定》(2018): 自公布之日起施行
            ("民法商法/公司法(2018-10-26).md", D("2018-10-26"), "第四次修正"),
            # 2023年修订 (主席令第十五号): 自2024年7月1日起施行
            ("民法商法/公司法(2023-12-29).md", D("2024-07-01"), "第二次修订"),
        ],
        {},
    ),
    (
        "消费者权益保护法",
        "法律",
        ["消费者权益保护法", "消保法"],
        # 《关于修改〈消费者权益保护法〉的决定》(2013): 自2014年3月15日起施行
        [("民法商法/消费者权益保护法(2013-10-25).md", D("2014-03-15"), "第二次修正")],
        {},
    ),
    (
        "行政处罚法",
        "法律",
        ["行政处罚法"],
        # 2021年修订 (主席令第七十号): 自2021年7月15日起施行
        [("行政法/行政处罚法(2021-01-22).md", D("2021-07-15"), "修订")],
        {},
    ),
    (
        "行政许可法",
        "法律",
        ["行政许可法"],
        # 《关于修改〈建筑法〉等八部法律的决定》(2019): 自公布之日起施行
        [("行政法/行政许可法(2019-04-23).md", D("2019-04-23"), "修正")],
        {},
    ),
    (
        "行政强制法",
        "法律",
        ["行政强制法"],
        # 第七十一条: 自2012年1月1日起施行
        [("行政法/行政强制法(2011-06-30).md", D("2012-01-01"), "")],
        {},
    ),
    (
        "行政复议法",
        "法律",
        ["行政复议法"],
        [
            # 《关于修改〈法官法〉等八部法律的决定》(2017): 自2018年1月1日起施行
            ("诉讼与非诉讼程序法/行政复议法(2017-09-01).md", D("2018-01-01"), "第二次修正"),
            # 2023年修订 (主席令第九号): 自2024年1月1日起施行
            ("诉讼与非诉讼程序法/行政复议法(2023-09-01).md", D("2024-01-01"), "修订"),
        ],
        {},
    ),
    (
        "国家赔偿法",
        "法律",
        ["国家赔偿法"],
        # 《关于修改〈国家赔偿法〉的决定》(2012): 自2013年1月1日起施行
        [("宪法相关法/国家赔偿法(2012-10-26).md", D("2013-01-01"), "第二次修正")],
        {},
    ),
    (
        "政府信息公开条例",
        "行政法规",
        ["政府信息公开条例"],
        # 国务院令第711号: 自2019年5月15日起施行
        [("行政法规/政府信息公开条例(2019-04-03).md", D("2019-05-15"), "修订")],
        {},
    ),  # The criminal judicial interpretations judgments cite most (their files give the effective dates).
    (
        "盗窃解释",
        "司法解释",
        ["盗窃解释", "盗窃司法解释", "盗窃案件解释"],
        [(TWO + "盗窃刑事案件适用法律若干问题的解释(2013-04-02).md", None, "法释〔2013〕8号")],
        {},
    ),
    (
        "诈骗解释",
        "司法解释",
        ["诈骗解释", "诈骗司法解释", "诈骗案件解释"],
        [(TWO + "诈骗刑事案件具体应用法律若干问题的解释(2011-03-01).md", None, "法释〔2011〕7号")],
        {},
    ),
    (
        "贪污贿赂解释",
        "司法解释",
        ["贪污贿赂解释", "贪污贿赂司法解释"],
        [(TWO + "贪污贿赂刑事案件适用法律若干问题的解释(2016-04-18).md", None, "法释〔2016〕9号")],
        {},
    ),
    (
        "寻衅滋事解释",
        "司法解释",
        ["寻衅滋事解释", "寻衅滋事司法解释"],
        [(TWO + "寻衅滋事刑事案件适用法律若干问题的解释(2013-07-15).md", None, "法释〔2013〕18号")],
        {},
    ),
    (
        "交通肇事解释",
        "司法解释",
        ["交通肇事解释", "交通肇事司法解释"],
        [
            (
                "司法解释/最高人民法院关于审理交通肇事刑事案件具体应用法律若干问题的解释(2000-11-15).md",
                None,
                "法释〔2000〕33号",
            )
        ],
        {},
    ),
    (
        "毒品解释",
        "司法解释",
        ["毒品解释", "毒品犯罪解释", "毒品司法解释"],
        [
            (
                "司法解释/最高人民法院关于审理毒品犯罪案件适用法律若干问题的解释(2016-04-06).md",
                None,
                "法释〔2016〕8号",
            )
        ],
        {},
    ),
    (
        "掩饰隐瞒犯罪所得解释",
        "司法解释",
        ["掩饰隐瞒犯罪所得解释", "掩饰、隐瞒犯罪所得解释", "掩饰隐瞒解释"],
        # 法释〔2021〕8号: 该修正自2021年4月15日施行 (the file's header)
        [
            (
                "司法解释/最高人民法院关于审理掩饰、隐瞒犯罪所得、犯罪所得收益刑事案件适用法律若干问题的解释(2021-04-13).md",
                D("2021-04-15"),
                "法释〔2021〕8号修正",
            )
        ],
        {},
    ),
    (
        "自首立功解释",
        "司法解释",
        ["自首立功解释", "自首和立功解释"],
        [
            (
                "司法解释/最高人民法院关于处理自首和立功具体应用法律若干问题的解释(1998-04-17).md",
                None,
                "法释〔1998〕8号",
            )
        ],
        {},
    ),
    (
        "非法集资解释",
        "司法解释",
        ["非法集资解释", "非法集资司法解释"],
        [
            (
                "司法解释/最高人民法院关于审理非法集资刑事案件具体应用法律若干问题的解释(2010-12-13).md",
                None,
                "法释〔2010〕18号",
            ),
            (
                "司法解释/最高人民法院关于审理非法集资刑事案件具体应用法律若干问题的解释(2022-02-23).md",
                None,
                "法释〔2022〕5号修正",
            ),
        ],
        {},
    ),
    (
        "财产刑规定",
        "司法解释",
        ["财产刑规定", "最高人民法院关于适用财产刑若干问题的规定"],
        [("司法解释/最高人民法院于适用财产刑若干问题的规定(2000-12-13).md", None, "法释〔2000〕45号")],
        # the upstream file's title drops the 关 of 关于
        {"title": "最高人民法院关于适用财产刑若干问题的规定"},
    ),
]

_FILE_DATE = re.compile(r"\((\d{4}-\d{2}-\d{2})\)")
_ITEM_HEAD = re.compile(r"^([一二三四五六七八九十百]+)、(.*)$")
_REF = re.compile(rf"第({NUMERAL})条(?:之({NUMERAL}))?(第({NUMERAL})[款项])?")
_NORMALIZE = re.compile(r"[\s\u3000，。；：、“”（）()]")


def _read(laws: Path, name: str) -> ParsedLaw:
    return parse_law_markdown((laws / name).read_text(encoding="utf-8"))


def _version(parsed: ParsedLaw, file: str, effective: date | None, note: str) -> dict[str, Any]:
    file_date = _FILE_DATE.search(file)
    issued = D(file_date.group(1)) if file_date else parsed.issued
    return {
        "label": issued.isoformat() if issued else "",
        "issued": issued.isoformat() if issued else None,
        "effective": (effective or parsed.effective or issued or date.min).isoformat(),
        "file": file,
        "note": note,
        "articles": list(parsed.articles),
    }


def _mark_renumbering(versions: list[dict[str, Any]]) -> None:
    """Where an article's exact text moved to another number in the next version, say so."""
    for old, new in zip(versions, versions[1:], strict=False):
        by_text: dict[str, tuple[int, int]] = {}
        for article in new["articles"]:
            by_text.setdefault(_NORMALIZE.sub("", article.text), (article.number, article.suffix))
        same = {(a.number, a.suffix): _NORMALIZE.sub("", a.text) for a in new["articles"]}
        moved: list[Article] = []
        for article in old["articles"]:
            text = _NORMALIZE.sub("", article.text)
            target = by_text.get(text)
            key = (article.number, article.suffix)
            if target is not None and target != key and same.get(key) != text:
                article = replace(article, moved_to=(new["label"], target[0], target[1]))
            moved.append(article)
        old["articles"] = moved


Amendment = tuple[str, date | None, dict[tuple[int, int], tuple[str, str]]]


def _items(body: str) -> list[tuple[str, str]]:
    """The numbered items (``一、…``) of an amendment: (head, the item's whole text)."""
    items: list[tuple[str, list[str]]] = []
    for raw in body.splitlines():
        line = raw.strip()
        head_match = _ITEM_HEAD.match(line)
        if head_match is not None:
            items.append((head_match.group(2), [line]))
        elif line and items and not line.startswith("本修正案自"):
            items[-1][1].append(line)
    return [(head, "\n".join(lines)) for head, lines in items]


def _amendments(laws: Path) -> list[Amendment]:
    """Each 刑法修正案: title, effective date and {(number, suffix): (event, the item's text)}."""
    result: list[Amendment] = []
    for path in sorted((laws / "刑法").glob("刑法修正案*.md")):
        text = path.read_text(encoding="utf-8")
        parsed = parse_law_markdown(text)
        match = re.search(r"本修正案自(.+?)起施行", text)
        effective = (
            parsed.issued if match is None or match.group(1) == "公布之日" else parse_date(match.group(1))
        )
        events: dict[tuple[int, int], tuple[str, str]] = {}
        for item_head, item_text in _items(text.split("<!-- INFO END -->", 1)[1]):
            head = re.split(r"[“：]", item_head, maxsplit=1)[0]
            after = head.split("作为", 1)[1] if "增加" in head and "作为" in head else None
            for ref in _REF.finditer(after if after is not None else head):
                key = (numeral_value(ref.group(1)), numeral_value(ref.group(2)) if ref.group(2) else 0)
                if after is not None:
                    event = "added"
                elif "删去" in head and not ref.group(3):
                    event = "deleted"
                else:
                    event = "amended"
                events.setdefault(key, (event, item_text))
        result.append((f"《{parsed.title}》", effective, events))
    result.sort(key=lambda item: item[1] or date.min)
    return result


def _criminal_law(laws: Path) -> dict[str, Any]:
    parsed = _read(laws, "刑法/刑法.md")
    history: dict[tuple[int, int], list[Change]] = {}
    last: date | None = None
    for title, effective, events in _amendments(laws):
        last = effective
        for key, (event, wording) in events.items():
            history.setdefault(key, []).append(Change(event, title, effective, wording))
    articles = [
        replace(
            a,
            history=tuple(history.get((a.number, a.suffix), ())),
            deleted=a.text.strip() in {"（删去）", "(删去)"},
        )
        for a in parsed.articles
    ]
    return {
        "id": "刑法",
        "title": parsed.title,
        "kind": "法律",
        "aliases": ["刑法"],
        "versions": [
            {
                "label": (parsed.issued or date.min).isoformat(),
                "issued": (parsed.issued or date.min).isoformat(),
                # The 1997 revision (with its article numbering) is in force from 1997-10-01 (刑法第四百五十二条).
                "effective": "1997-10-01",
                "text_as_of": last.isoformat() if last else None,
                "file": "刑法/刑法.md",
                "note": "1997年修订后的现行文本（含修正案一至十二）；各条的增删改依修正案记载",
                "articles": articles,
            }
        ],
    }


def build(laws: Path) -> dict[str, Any]:
    """The data file's JSON for the laws folder ``laws``."""
    items: list[dict[str, Any]] = [_criminal_law(laws)]
    for law_id, kind, aliases, files, extra in LAWS:
        versions = []
        title = ""
        for file, effective, note in files:
            if file == "民法典/*":
                parts = [_read(laws, f"民法典/{part}.md") for part in CIVIL_CODE_PARTS]
                articles = tuple(
                    replace(a, chapter=f"{p.part} / {a.chapter}".rstrip(" /"))
                    for p in parts
                    for a in p.articles
                )
                parsed = replace(parts[0], articles=articles)
            else:
                parsed = _read(laws, file)
            title = parsed.title
            versions.append(_version(parsed, file, effective, note))
        versions.sort(key=lambda v: v["effective"])
        _mark_renumbering(versions)
        items.append(
            {"id": law_id, "title": title, "kind": kind, "aliases": aliases, "versions": versions} | extra
        )
    for item in items:
        for version in item["versions"]:
            version["articles"] = [article_to_json(a) for a in version["articles"]]
    return {"format": FORMAT, "source": SOURCE, "laws": items}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--laws", type=Path, default=DEFAULT_LAWS)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    data = build(args.laws)
    raw = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    args.out.write_bytes(lzma.compress(raw, preset=9 | lzma.PRESET_EXTREME))
    for law in data["laws"]:
        counts = ", ".join(f"{v['label']}→{v['effective']}: {len(v['articles'])}" for v in law["versions"])
        print(f"{law['id']}: {counts}")
    print(f"{args.out}: {args.out.stat().st_size:,} bytes ({len(raw):,} uncompressed)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
