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
            {"id": law_id, "title": title, "kind": kind, "aliases": aliases, "versions": versions, **extra}
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
