"""Build the legal user dictionary for jieba from the shared law corpus and charge catalogues.

Run from the repository root (the default paths assume ``../shared`` beside it)::

    .venv/bin/python -m smartcourt.engines.text._build_dictionary \\
        --laws ../shared/data/laws --charges ../shared/data/catalogs/charges \\
        --divisions ../shared/data/catalogs/divisions_stats2023

It writes ``data/legal_dict.txt`` beside this module: one ``word frequency tag`` per line, sorted, so that a
rebuild from the same sources gives the same file.

>>> sorted(_charge_words(["盗窃", "盗窃、侮辱尸体罪"]))
['盗窃', '盗窃罪']
"""

from __future__ import annotations

import argparse
import csv
import re
from collections.abc import Iterable
from pathlib import Path

from .errors import DictionaryError

OUTPUT = Path(__file__).with_name("data") / "legal_dict.txt"

# Tags follow jieba's part-of-speech set; "nz" other proper noun, "nt" organisation, "ns" place.
FREQ_TERM = 3000
FREQ_CHARGE = 3000
FREQ_LAW = 1000
FREQ_PLACE = 800

# Procedural and sentencing vocabulary of criminal, civil and enforcement judgments, kept by hand.
TERMS_FILE = Path(__file__).with_name("data") / "legal_terms.txt"


def _charge_words(names: Iterable[str]) -> set[str]:
    """Charge names, with and without the final 罪; names with 、 are left to the tokenizer."""
    words: set[str] = set()
    for raw in names:
        name = raw.strip()
        if not name:
            continue
        if "、" in name:
            continue  # jieba never joins across 、, and the last part alone (示威) is no charge
        stem = name[:-1] if name.endswith("罪") else name
        if len(stem) >= 2:
            words.add(stem)
            words.add(stem + "罪")
    return words


_WORD_RE = re.compile(r"[\u4e00-\u9fa5A-Za-z0-9]{2,24}")


def _law_words(laws: Path) -> set[str]:
    """Law titles and their short forms without 中华人民共和国."""
    words: set[str] = set()
    for path in sorted(laws.rglob("*.md")):
        if path.name.startswith("_") or path.parent == laws:
            continue
        with path.open(encoding="utf-8") as handle:
            first = handle.readline().lstrip("# ").strip()
        for title in (first, first.removeprefix("中华人民共和国")):
            if _WORD_RE.fullmatch(title):
                words.add(title)
    return words


_DIVISION_SUFFIX = re.compile(r"(?:自治州|自治县|自治旗|地区|特别行政区|盟|省|市|县|区|旗)$")


def _place_words(divisions: Path) -> set[str]:
    """Province, city and county names; provinces and cities also without their suffix (浙江, 杭州)."""
    words: set[str] = set()
    for name in ("provinces.csv", "cities.csv", "areas.csv"):
        with (divisions / name).open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                full = row["name"].strip()
                if full in (
                    "市辖区",
                    "县",
                    "省直辖县级行政区划",
                    "自治区直辖县级行政区划",
                ) or not _WORD_RE.fullmatch(full):
                    continue
                words.add(full)
                short = _DIVISION_SUFFIX.sub("", full)
                if name != "areas.csv" and len(short) >= 2:
                    words.add(short)
    return words


def build_dictionary(laws: Path, charges: Path, divisions: Path) -> list[str]:
    """Return the dictionary lines, sorted; raise :class:`DictionaryError` when a source is missing."""
    for source in (laws, charges, divisions):
        if not source.is_dir():
            raise DictionaryError(f"source folder not found: {source}")
    entries: dict[str, tuple[int, str]] = {}
    for word in _place_words(divisions):
        entries[word] = (FREQ_PLACE, "ns")
    for word in _law_words(laws):
        entries[word] = (FREQ_LAW, "nz")
    charge_names: list[str] = []
    for path in sorted(charges.glob("*accu*.txt")) + sorted(charges.glob("*charges*.txt")):
        charge_names.extend(path.read_text(encoding="utf-8").splitlines())
    for word in _charge_words(charge_names):
        entries[word] = (FREQ_CHARGE, "nz")
    for line in TERMS_FILE.read_text(encoding="utf-8").splitlines():
        word = line.strip()
        if word and not word.startswith("#"):
            entries[word] = (FREQ_TERM, "n")
    return [f"{word} {freq} {tag}" for word, (freq, tag) in sorted(entries.items())]


def main(argv: list[str] | None = None) -> None:
    """Command-line entry point: build and write the dictionary."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--laws", type=Path, default=Path("../shared/data/laws"))
    parser.add_argument("--charges", type=Path, default=Path("../shared/data/catalogs/charges"))
    parser.add_argument("--divisions", type=Path, default=Path("../shared/data/catalogs/divisions_stats2023"))
    parser.add_argument("--out", type=Path, default=OUTPUT)
    args = parser.parse_args(argv)
    lines = build_dictionary(args.laws, args.charges, args.divisions)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines)} words -> {args.out}")


if __name__ == "__main__":
    main()
