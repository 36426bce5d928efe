"""Citation resolution on real judgments: the share of law citations resolved to an existing article.

    .venv/bin/python bench/citations.py [--data ../shared/data/judgments/lecardv2_queries.jsonl] [--field query]

Runs ``smartcourt.engines.laws.find_citations`` over every record's text and prints counts only: the texts
are real judgments with real names, so no excerpt is ever printed (README of ../shared/data, section 2).
"Law citations" are the citations the engine finds (a law named or referred to, then 第X条); the recall
line compares them with every ``第X条`` in the texts, most of which cite a law named earlier.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from datetime import date
from pathlib import Path

from smartcourt.engines.laws import find_citations

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "judgments" / "lecardv2_queries.jsonl"
_ANY_ARTICLE = re.compile(r"第[零〇一二三四五六七八九十百千两0-9]+条")
_CN_DATE = re.compile(
    r"([二〇○零一三四五六七八九0-9]{4})年([一二三四五六七八九十0-9]{1,3})月([一二三四五六七八九十0-9]{1,3})日"
)
_DIGITS = str.maketrans("〇○零一二三四五六七八九", "00012345678" + "9")


def _small(value: str) -> int:
    if value.isdigit():
        return int(value)
    tens, _, ones = value.partition("十")
    if "十" not in value:
        return int(value.translate(_DIGITS))
    return (int(tens.translate(_DIGITS)) if tens else 1) * 10 + (int(ones.translate(_DIGITS)) if ones else 0)


def judgment_date(text: str) -> date | None:
    """The last ``二〇一六年三月十日``-style date in the closing 300 characters (the signing date), or ``None``.

    Earlier dates are often birth dates, so they are never used.
    """
    for match in reversed(list(_CN_DATE.finditer(text, max(0, len(text) - 300)))):
        try:
            return date(
                int(match.group(1).translate(_DIGITS)), _small(match.group(2)), _small(match.group(3))
            )
        except ValueError:
            continue
    return None


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--field", default="query")
    args = parser.parse_args()
    print("command:", " ".join([".venv/bin/python", *sys.argv]))
    counts: Counter[str] = Counter()
    laws: Counter[str] = Counter()
    reasons: Counter[str] = Counter()
    not_in_force: Counter[str] = Counter()
    start = time.perf_counter()
    with args.data.open(encoding="utf-8") as lines:
        for line in lines:
            text = str(json.loads(line).get(args.field) or "")
            counts["documents"] += 1
            counts["characters"] += len(text)
            counts["article_mentions"] += len(_ANY_ARTICLE.findall(text))
            on = judgment_date(text)
            counts["dated"] += on is not None
            citations = find_citations(text, on=on)
            spans = {c.span for c in citations}
            counts["citation_articles"] += sum(len(_ANY_ARTICLE.findall(text[s:e])) for s, e in spans)
            for citation in citations:
                counts["citations"] += 1
                if citation.law_id is None:
                    counts["unknown_law"] += 1
                    continue
                counts["resolved_law"] += 1
                laws[citation.law_id] += 1
                if citation.status.exists:
                    counts["exists"] += 1
                    counts["in_force"] += bool(citation.status.in_force)
                    if not citation.status.in_force:
                        not_in_force[citation.status.reason] += 1
                else:
                    reasons[citation.status.reason] += 1
    elapsed = time.perf_counter() - start
    total, resolved = counts["citations"], counts["resolved_law"]
    print(f"documents {counts['documents']}, {counts['characters']:,} characters, {elapsed:.2f} s")
    print(f"law citations found: {total}")
    print(f"  law in the corpus: {resolved}; law not in the corpus: {counts['unknown_law']}")
    print(
        f"  resolved to an existing article: {counts['exists']} = {counts['exists'] / max(total, 1):.1%} of all"
    )
    print(f"  … of citations whose law is in the corpus: {counts['exists'] / max(resolved, 1):.1%}")
    print("  not existing, by reason:", dict(reasons))
    print(
        f"  in force on the judgment's date ({counts['dated']} documents dated, the others judged against the "
        f"newest text): {counts['in_force']} of {counts['exists']} existing"
    )
    print("  not in force, by reason:", dict(not_in_force))
    print("  by law:", dict(laws.most_common()))
    print(
        f"'第X条' mentions in the texts: {counts['article_mentions']}; inside found citations: "
        f"{counts['citation_articles']} ({counts['citation_articles'] / max(counts['article_mentions'], 1):.1%})"
    )


if __name__ == "__main__":
    main()
