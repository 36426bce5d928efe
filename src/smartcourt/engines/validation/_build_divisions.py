"""Build ``data/gb2260_codes.tsv.gz``: every county-level-and-above division code that ever existed.

Run once by hand when the sources change (not at import time, not in tests)::

    .venv/bin/python -m smartcourt.engines.validation._build_divisions \\
        --gb2260 ../shared/data/catalogs/gb2260/gb2260_all_codes_union.tsv \\
        --stats2023 ../shared/data/catalogs/divisions_stats2023

Sources (see ``data/gb2260_codes.source.json``):

- ``gb2260_all_codes_union.tsv``: the union of all GB/T 2260 revisions published by 民政部 (198012–201904),
  国家统计局 (200212–201810) and the GB/T 2260-2002/2007 editions, from github.com/cn/GB2260.
- ``divisions_stats2023/{provinces,cities,areas}.csv``: 国家统计局 2023年统计用区划代码 (as of 2023-06-30),
  from github.com/modood/Administrative-divisions-of-China (WTFPL). Codes created after 201904 come from
  here; for codes in both, the 2023 name wins and ``last_revision`` becomes ``202306``.

Output columns (tab-separated, header line first, sorted by code): ``code``, ``name`` (latest known name),
``first_revision`` and ``last_revision`` (``YYYYMM`` of the first and last source that lists the code).
The gzip header carries no timestamp, so a rebuild from the same sources is byte-identical.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
from pathlib import Path

STATS2023_REVISION = "202306"
OUTPUT = Path(__file__).with_name("data") / "gb2260_codes.tsv.gz"


def read_gb2260_union(path: Path) -> dict[str, tuple[str, str, str]]:
    """Read the union file into ``{code: (name, first_revision, last_revision)}``."""
    rows: dict[str, tuple[str, str, str]] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle, delimiter="\t")
        for row in reader:
            rows[row["code"]] = (row["latest_name"], row["first_revision"], row["last_revision"])
    return rows


def read_stats2023(folder: Path) -> dict[str, str]:
    """Read the 2023 statistical codes, widened to 6 digits, into ``{code: name}``."""
    codes: dict[str, str] = {}
    for filename, width in (("provinces.csv", 2), ("cities.csv", 4), ("areas.csv", 6)):
        with (folder / filename).open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                code = row["code"]
                if len(code) != width:
                    raise ValueError(f"{filename}: code {code!r} is not {width} digits")
                codes[code.ljust(6, "0")] = row["name"]
    return codes


def merge(
    union: dict[str, tuple[str, str, str]], stats2023: dict[str, str]
) -> dict[str, tuple[str, str, str]]:
    """Merge the 2023 codes into the GB/T 2260 union (the 2023 name is the latest name)."""
    merged = dict(union)
    for code, name in stats2023.items():
        if code in merged:
            _old_name, first, _last = merged[code]
            merged[code] = (name, first, STATS2023_REVISION)
        else:
            merged[code] = (name, STATS2023_REVISION, STATS2023_REVISION)
    return merged


def write_tsv_gz(rows: dict[str, tuple[str, str, str]], path: Path) -> None:
    """Write the rows sorted by code as a reproducible gzip file."""
    text = io.StringIO()
    text.write("code\tname\tfirst_revision\tlast_revision\n")
    for code in sorted(rows):
        name, first, last = rows[code]
        text.write(f"{code}\t{name}\t{first}\t{last}\n")
    with path.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as handle:
        handle.write(text.getvalue().encode("utf-8"))


def main(argv: list[str] | None = None) -> None:
    """Command-line entry point (see the module docstring)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gb2260", type=Path, required=True)
    parser.add_argument("--stats2023", type=Path, required=True)
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args(argv)
    rows = merge(read_gb2260_union(args.gb2260), read_stats2023(args.stats2023))
    write_tsv_gz(rows, args.output)
    print(f"wrote {len(rows)} codes to {args.output}")


if __name__ == "__main__":
    main()
