"""Build ``data/charges.json``, the criminal charge (罪名) catalogue, from the official texts.

Run once by hand when a new 补充规定 is published (never at import time or in tests)::

    .venv/bin/python -m smartcourt.engines.catalogs._build_charges \\
        --laws ../shared/data/laws/司法解释

The base list is the 最高人民检察院《关于适用刑法分则规定的犯罪的罪名的意见》(1997-12-25, 414 names). The
最高人民法院《关于执行〈中华人民共和国刑法〉确定罪名的规定》(法释〔1997〕9号, 413 names) is not in the corpus;
the two 1997 lists differ in a few names, which 补充规定（一）(2002) reconciled, so every difference is
abolished or confirmed by 2002. The supplements (一)–(八) are then applied in date order:

- a table row ``| 刑法条文 | 罪名（取消X罪名） |`` adds the names and abolishes X, recording the new names
  as X's replacements;
- a row that lists a name already present updates its provisions;
- (八) is prose: ``将…第一百六十九条…的罪名由“X”修改为“Y”``;
- two typos in the corpus copy of the SPP list are corrected (``CORRECTIONS``);
- 补充规定（一）renamed six charges by re-listing the article without a 取消 clause; those are in
  ``IMPLICIT_REPLACEMENTS`` below, checked by hand against the SPP list.

Abolished names that the SPP list never had (they were SPC-only names, e.g. 枉法裁判罪) are kept in the
output's ``abolished_names_without_entry`` so nothing is silently dropped.
"""

from __future__ import annotations

import argparse
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import cn2an

OUTPUT = Path(__file__).with_name("data") / "charges.json"
BASE_FILE = "最高人民检察院关于适用刑法分则规定的犯罪的罪名的意见(1997-12-25).md"
SUPPLEMENT_GLOB = "*确定罪名的补充规定*.md"
BASE_TITLE = "最高人民检察院关于适用刑法分则规定的犯罪的罪名的意见"

# 补充规定（一）re-listed these articles with a widened name and no 取消 clause: new name -> old name.
IMPLICIT_REPLACEMENTS = {
    "盗窃、抢夺枪支、弹药、爆炸物、危险物质罪": "盗窃、抢夺枪支、弹药、爆炸物罪",
    "抢劫枪支、弹药、爆炸物、危险物质罪": "抢劫枪支、弹药、爆炸物罪",
    "伪造、变造、转让金融机构经营许可证、批准文件罪": "伪造、变造、转让金融机构经营许可证罪",
    "编造并传播证券、期货交易虚假信息罪": "编造并传播证券交易虚假信息罪",
    "诱骗投资者买卖证券、期货合约罪": "诱骗投资者买卖证券罪",
    "操纵证券、期货交易价格罪": "操纵证券交易价格罪",
}

# Typos in the corpus transcription of the SPP list, corrected to the official names.
CORRECTIONS = {
    "为境外窃取、剌探、收买、非法提供军事秘密罪": "为境外窃取、刺探、收买、非法提供军事秘密罪",
    "伪造变造国家有价证券罪": "伪造、变造国家有价证券罪",
}

_PROTECTED = {"（边）": "\x01", "（境）": "\x02"}
_NUMBER = r"(?:\d+|[零一二三四五六七八九十百]+)"
_PROVISION = re.compile(
    rf"(?:第(?P<article>{_NUMBER})条(?:之(?P<suffix>[一二三四五六七八九十]+))?)?"
    rf"(?:第(?P<paragraph>{_NUMBER})[款条])?(?:第(?P<item>{_NUMBER})项)?"
)
_AMENDMENT = re.compile(r"（(《[^》]*》[^）]*)）")


@dataclass
class Entry:
    """One charge while the catalogue is being built."""

    name: str
    provisions: list[dict[str, Any]]
    provision_text: str
    introduced_by: str
    introduced_on: str
    basis: str | None = None
    abolished_by: str | None = None
    abolished_on: str | None = None
    abolished_basis: str | None = None
    replaced_by: list[str] = field(default_factory=list)


def to_int(text: str) -> int:
    """``"115"`` or ``"一百一十五"`` -> 115."""
    return int(text) if text.isdigit() else int(cn2an.cn2an(text, "smart"))


def article_text(number: int, suffix: int) -> str:
    """115, 0 -> ``第一百一十五条``; 120, 1 -> ``第一百二十条之一``."""
    text = f"第{cn2an.an2cn(number)}条"
    return text + (f"之{cn2an.an2cn(suffix)}" if suffix else "")


def parse_provisions(text: str, inherit: dict[str, Any] | None = None) -> list[dict[str, Any]]:
    """``第127条第1款、第2款`` -> two provisions of article 127; a bare ``第2款`` keeps the last article.

    ``inherit`` is the provision a bare leading ``第3款`` belongs to (a previous cell's article).
    """
    provisions: list[dict[str, Any]] = []
    article: int | None = inherit["article_number"] if inherit else None
    suffix: int = inherit["article_suffix"] if inherit else 0
    for part in re.split(r"[、，,\s]+", text.strip()):
        if not part:
            continue
        match = _PROVISION.fullmatch(part)
        if match is None or not any(match.groupdict().values()):
            raise ValueError(f"cannot read provision {part!r} in {text!r}")
        if match["article"]:
            article = to_int(match["article"])
            suffix = to_int(match["suffix"]) if match["suffix"] else 0
        if article is None:
            raise ValueError(f"provision {part!r} has no article in {text!r}")
        provisions.append(
            {
                "article": article_text(article, suffix),
                "article_number": article,
                "article_suffix": suffix,
                "paragraph": to_int(match["paragraph"]) if match["paragraph"] else None,
                "item": to_int(match["item"]) if match["item"] else None,
            }
        )
    return provisions


def protect(text: str) -> str:
    for plain, marker in _PROTECTED.items():
        text = text.replace(plain, marker)
    return text


def restore(text: str) -> str:
    for plain, marker in _PROTECTED.items():
        text = text.replace(marker, plain)
    return text


def split_names(chunk: str) -> list[str]:
    """Split a run of names: whitespace or ``；`` between names, ``罪、`` (not ``犯罪、``) too.

    A whitespace piece that does not end in 罪 is a line-wrap inside one name and is joined to the next.
    """
    names: list[str] = []
    pending = ""
    for piece in re.split(r"[\s；]+", chunk.strip()):
        if not piece:
            continue
        pending += piece
        if pending.endswith("罪"):
            names.extend(re.split(r"(?<=[^犯]罪)、", pending))
            pending = ""
    if pending:
        raise ValueError(f"name without 罪 in {chunk!r}")
    return names


def split_abolished(text: str) -> list[str]:
    """``取消X罪和Y罪罪名`` -> [X罪, Y罪] (also drops ``刑法原第…项`` prefixes)."""
    text = re.sub(r"罪名$", "", text.removeprefix("取消"))
    text = re.sub(r"^刑法原第\d+条第\d+项", "", text)
    return [name if name.endswith("罪") else name + "罪" for name in re.split(r"(?<=罪)和", text)]


def parse_name_cell(cell: str) -> list[tuple[list[str], list[str]]]:
    """A 罪名 cell -> [(new names, abolished names)], each abolition bound to the names before it."""
    cell = protect(cell.strip())
    parts = re.split(r"（(取消[^）]*)）", cell)
    groups: list[tuple[list[str], list[str]]] = []
    for index in range(0, len(parts), 2):
        chunk = parts[index].strip()
        abolished = split_abolished(parts[index + 1]) if index + 1 < len(parts) else []
        if chunk.startswith("取消"):
            groups.append(([], split_abolished(chunk)))
            continue
        names = split_names(chunk) if chunk else []
        if names or abolished:
            groups.append(([restore(name) for name in names], [restore(name) for name in abolished]))
    return groups


def read_document(path: Path) -> tuple[str, str, str]:
    """Title, date (from the file name) and body of a corpus markdown file."""
    text = path.read_text(encoding="utf-8")
    title = text.splitlines()[0].removeprefix("# ").strip()
    date_match = re.search(r"\((\d{4}-\d{2}-\d{2})\)\.md$", path.name)
    if date_match is None:
        raise ValueError(f"no date in {path.name}")
    return re.sub(r"\s+", "", title), date_match.group(1), text


def parse_base(path: Path) -> dict[str, Entry]:
    """The SPP 1997 list: ``N．名称罪（第X条第Y款）`` items."""
    title, date, text = read_document(path)
    body = text.split("<!-- INFO END -->", 1)[1]
    entries: dict[str, Entry] = {}
    for line in body.splitlines():
        if not line.strip() or line.startswith("#") or "罪（第" not in line:
            continue
        for item in re.split(r"\s*\d+．", protect(line)):
            item = item.strip()
            if not item:
                continue
            match = re.fullmatch(r"(?P<name>.+?罪)（(?P<prov>第[^）]+)）", item)
            if match is None:
                raise ValueError(f"cannot read base item {item!r}")
            name = restore(match["name"])
            name = CORRECTIONS.get(name, name)
            entries[name] = Entry(name, parse_provisions(match["prov"]), match["prov"], title, date)
    return entries


def table_rows(text: str) -> list[tuple[str, str]]:
    """``(provision cell, name cell)`` for each data row of the markdown tables."""
    rows = []
    for line in text.splitlines():
        if not line.startswith("|") or set(line) <= set("|- "):
            continue
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if cells[:2] == ["刑法条文", "罪名"]:
            continue
        rows.append((cells[0], cells[1]))
    return rows


def apply_supplement(entries: dict[str, Entry], orphans: list[dict[str, str]], path: Path) -> None:
    """Apply one 补充规定 to the catalogue in place."""
    title, date, text = read_document(path)
    previous_provision = ""
    for provision_cell, name_cell in table_rows(text):
        amendment_match = _AMENDMENT.search(provision_cell)
        basis = amendment_match.group(1) if amendment_match else None
        provision_text = _AMENDMENT.sub("", provision_cell).strip()
        if not provision_text:
            provision_text = previous_provision
        previous_provision = provision_text
        groups = parse_name_cell(name_cell)
        provision_groups = provision_text.split()
        if len(provision_groups) != len(groups):
            provision_groups = [provision_text] * len(groups)
        inherit: dict[str, Any] | None = None
        for (names, abolished), group_provisions in zip(groups, provision_groups, strict=True):
            provisions = (
                parse_provisions(group_provisions, inherit) if group_provisions.startswith("第") else []
            )
            inherit = provisions[-1] if provisions else None
            for name in names:
                if name in entries and entries[name].abolished_by is None:
                    entries[name].provisions = provisions or entries[name].provisions
                    entries[name].provision_text = group_provisions
                    continue
                entries[name] = Entry(name, provisions, group_provisions, title, date, basis=basis)
                if group_provisions.startswith("《"):
                    entries[name].provision_text = group_provisions
                old = IMPLICIT_REPLACEMENTS.get(name)
                if old is not None and old not in abolished:
                    abolish(entries, orphans, old, names, title, date, basis)
            for old in abolished:
                abolish(entries, orphans, old, names, title, date, basis)
    renamed = re.search(
        r"第([零一二三四五六七八九十百]+)条（(《[^》]+》[^）]*)）的罪名由“([^”]+)”修改为“([^”]+)”", text
    )
    if renamed:
        article, basis, old, new = renamed.groups()
        provisions = parse_provisions(f"第{article}条")
        entries[new] = Entry(new, provisions, f"第{article}条", title, date, basis=basis)
        abolish(entries, orphans, old, [new], title, date, basis)


def abolish(
    entries: dict[str, Entry],
    orphans: list[dict[str, str]],
    old: str,
    replacements: list[str],
    title: str,
    date: str,
    basis: str | None,
) -> None:
    """Mark ``old`` abolished by ``title``; a name never in the catalogue goes to ``orphans``."""
    entry = entries.get(old)
    if entry is None:
        orphans.append({"name": old, "abolished_by": title, "abolished_on": date})
        return
    if entry.abolished_by is not None:
        raise ValueError(f"{old} abolished twice")
    entry.abolished_by = title
    entry.abolished_on = date
    entry.abolished_basis = basis
    entry.replaced_by = [name for name in replacements if name != old]


def build(laws: Path) -> dict[str, Any]:
    """The whole catalogue as a JSON-ready dict."""
    entries = parse_base(laws / BASE_FILE)
    orphans: list[dict[str, str]] = []
    supplements = sorted(laws.glob(SUPPLEMENT_GLOB), key=lambda path: read_document(path)[1])
    for path in supplements:
        apply_supplement(entries, orphans, path)
    documents = [read_document(laws / BASE_FILE)[:2]] + [read_document(path)[:2] for path in supplements]
    charges = []
    for entry in entries.values():
        first = entry.provisions[0] if entry.provisions else None
        charges.append(
            {
                "name": entry.name,
                "article": first["article"] if first else None,
                "article_number": first["article_number"] if first else None,
                "article_suffix": first["article_suffix"] if first else 0,
                "paragraph": first["paragraph"] if first else None,
                "provisions": entry.provisions,
                "provision_text": entry.provision_text,
                "introduced_by": entry.introduced_by,
                "introduced_on": entry.introduced_on,
                "basis": entry.basis,
                "abolished_by": entry.abolished_by,
                "abolished_on": entry.abolished_on,
                "abolished_basis": entry.abolished_basis,
                "replaced_by": entry.replaced_by,
            }
        )
    current = sum(1 for charge in charges if charge["abolished_by"] is None)
    return {
        "source": (
            f"《{BASE_TITLE}》(1997-12-25) 及最高人民法院、最高人民检察院《关于执行〈中华人民共和国刑法〉"
            "确定罪名的补充规定》（一）至（八）(法释〔2024〕3号为第八)，各条目注明刑法条文"
        ),
        "effective": _in_force_date(laws, supplements[-1]) if supplements else documents[0][1],
        "documents": [{"title": title, "date": date} for title, date in documents],
        "coverage": (
            "Built by _build_charges.py from the corpus texts. The SPC's own 1997 list (法释〔1997〕9号) is "
            "not in the corpus; the SPP list is the base. Names the SPC list alone had and a supplement "
            "abolished are in abolished_names_without_entry. 骗购外汇罪 rests on the 1998 NPCSC 决定, not on "
            f"a 刑法 article, so its article is null. {current} current names."
        ),
        "charges": sorted(charges, key=_sort_key),
        "abolished_names_without_entry": orphans,
    }


def _in_force_date(laws: Path, path: Path) -> str:
    """The ``自Y年M月D日起施行`` date of a document, else its publication date."""
    _title, date, text = read_document(path)
    match = re.search(r"自(\d{4})年(\d{1,2})月(\d{1,2})日起施行", text)
    if match is None:
        return date
    year, month, day = (int(group) for group in match.groups())
    return f"{year:04d}-{month:02d}-{day:02d}"


def _sort_key(charge: dict[str, Any]) -> tuple[int, int, int, str]:
    return (
        charge["article_number"] or 10_000,
        charge["article_suffix"],
        charge["paragraph"] or 0,
        charge["name"],
    )


def main(argv: list[str] | None = None) -> None:
    """Command-line entry point (see the module docstring)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--laws", type=Path, required=True, help="the 司法解释 folder of the law corpus")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args(argv)
    catalogue = build(args.laws)
    args.output.write_text(json.dumps(catalogue, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(args.output, catalogue["coverage"])


if __name__ == "__main__":
    main()
