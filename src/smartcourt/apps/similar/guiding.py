"""Guiding and typical cases (指导性案例、典型案例) published as markdown (the LawRefBook 案例 folders: a
``# title``, ``<!-- INFO END -->``, then ``## 基本案情``, ``## 裁判结果``, ``## 案例分析`` … sections), stored as
judgments marked ``is_guiding`` through the knowledge app, so that similar-case push shows them first when
they share the case's charge or cause."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

FACTS = ("基本案情", "简要案情", "案情回顾")
OUTCOME = ("裁判结果", "处理结果", "法院裁判")
REASONING = ("裁判理由", "案例分析", "裁判要旨", "裁判要点", "适用解析", "法官解读", "典型意义")
# The folder says the kind of case; the cause only where the folder fixes it (劳动争议 for 劳动人事).
FOLDERS = {
    "劳动人事": ("civil", "劳动争议"),
    "行政协议诉讼": ("administrative", "行政协议"),
    "消费购物": ("civil", ""),
}
_SECTION = re.compile(r"^##\s+(.+?)\s*$", re.M)


@dataclass
class GuidingImport:
    imported: int = 0
    duplicates: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)


def parse_case_markdown(text: str) -> dict[str, str]:
    """Title and sections of one case file; ``{}`` when it has no title or no facts section."""
    title = re.search(r"^#\s+(.+?)\s*$", text, re.M)
    body = text.split("<!-- INFO END -->", 1)[-1]
    parts = _SECTION.split(body)
    sections = {parts[i].strip(): parts[i + 1].strip() for i in range(1, len(parts) - 1, 2)}
    facts = next((sections[k] for k in FACTS if sections.get(k)), "")
    if title is None or not facts:
        return {}
    return {
        "title": title.group(1).strip(),
        "facts": facts,
        "outcome": next((sections[k] for k in OUTCOME if sections.get(k)), ""),
        "reasoning": "\n".join(sections[k] for k in REASONING if sections.get(k)),
    }


def _files(path: Path) -> Iterator[Path]:
    if path.is_file():
        yield path
    else:
        yield from sorted(p for p in path.rglob("*.md") if not p.name.startswith("_"))


def guiding_cases_import(*, path: Path) -> GuidingImport:
    """Store every case file under ``path`` as a guiding judgment (idempotent: the same text again is a
    duplicate), with its facts, reasoning and outcome in the parts the judgment parser reads."""
    from smartcourt.apps.core.errors import DomainError
    from smartcourt.apps.knowledge.judgment_services import judgment_create

    result = GuidingImport()
    for file in _files(path):
        try:
            case = parse_case_markdown(file.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError) as exc:
            result.failures.append((str(file), f"无法读取：{exc}"))
            continue
        if not case:
            result.failures.append((str(file), "缺少标题或基本案情"))
            continue
        case_type, cause = FOLDERS.get(file.parent.name, ("civil", ""))
        text = (
            f"{case['title']}\n经审理查明：{case['facts']}\n本院认为，{case['reasoning']}\n"
            f"判决如下：\n{case['outcome']}\n"
        )
        fields: dict[str, Any] = {
            "title": case["title"][:300],
            "is_guiding": True,
            "case_type": case_type,
            "cause": cause,
            "facts": case["facts"],
        }
        try:
            _, created = judgment_create(text=text, source=f"guiding:{file.name}", fields=fields)
        except DomainError as exc:
            result.failures.append((str(file), exc.message))
            continue
        if created:
            result.imported += 1
        else:
            result.duplicates += 1
    return result
