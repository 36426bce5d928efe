"""Time the text engine's whole pipeline on a generated 4,000-character judgment-like text, and on the real
judgments in ../shared when they are there.

    taskset -c 0 .venv/bin/python bench/text_engine.py [--chars 4000] [--repeat 50] [--real PATH]

Prints the median time of ``analyze`` after warm-up, its characters per second, and bare jieba's
characters per second on the same text in the same run. The segmenter remembers the words of clauses it has
cut, so each timed run first forgets them ("unseen text"): the figure is that of a judgment the engine has
not read before; "seen text" (the same text again) is shown only as the upper bound. The generated text is
made of five masked-name templates (no real data); the real judgments (LeCaRDv2 queries, about 3,900
characters each) are read for timing only, and nothing of their text is printed.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import time
from pathlib import Path

import jieba

from smartcourt.engines.text import analyze
from smartcourt.engines.text._segment import forget_words, tokenizer

REAL = Path(__file__).resolve().parents[2] / "shared" / "data" / "judgments" / "lecardv2_queries.jsonl"

_SENTENCES = (
    "{date}{hour}时许，被告人{name}窜至{city}市{district}区{road}路{no}号{shop}，趁无人之机，用{tool}撬开卷闸门，"
    "窃得现金人民币{cash}元及{brand}手机{n}部（经鉴定价值人民币{value}元）。",
    "案发后，被盗手机被{city}市公安局{district}分局追回并发还被害人{victim}，被害人对被告人{name}表示谅解。",
    "经{city}市价格认证中心鉴定，被盗电动车价值{value}元，共计价值人民币{total}元。",
    "被告人{name}于{date}被抓获，到案后如实供述了自己的罪行，血液中乙醇含量为{bac}mg/100ml。",
    "判处被告人{name}有期徒刑{years}年{months}个月，并处罚金人民币{fine}元，宣告缓刑{years}年。",
)
_SURNAMES = "赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨"
_CN = "一二三四五六七八九"


def judgment_like(chars: int, seed: int = 7) -> str:
    rng = random.Random(seed)
    parts: list[str] = []
    size = 0
    while size < chars:
        template = rng.choice(_SENTENCES)
        sentence = template.format(
            date=f"{rng.randint(2015, 2023)}年{rng.randint(1, 12)}月{rng.randint(1, 28)}日",
            hour=rng.randint(0, 23),
            name=rng.choice(_SURNAMES) + "某某",
            victim=rng.choice(_SURNAMES) + "某",
            city=rng.choice(["某东", "某西", "某南", "某北"]),
            district=rng.choice(["城关", "新华", "高新"]),
            road=rng.choice(["人民", "解放", "建设"]),
            no=rng.randint(1, 300),
            shop=rng.choice(["超市", "手机店", "服装店", "小区车棚"]),
            tool=rng.choice(["扳手", "螺丝刀", "自制钥匙"]),
            cash=rng.randint(10, 9000),
            brand=rng.choice(["华为", "苹果", "小米"]),
            n=rng.choice(_CN[:3]),
            value=rng.randint(100, 9000),
            total=f"{rng.randint(1, 99)},{rng.randint(100, 999)}",
            bac=f"{rng.randint(80, 300)}.{rng.randint(0, 9)}",
            years=rng.choice(_CN[:5]),
            months=rng.choice(_CN),
            fine=rng.choice(["五千", "一万", "3000", "2万"]),
        )
        parts.append(sentence)
        size += len(sentence)
    return "".join(parts)[:chars]


def median_seconds(fn: object, repeat: int, *, unseen: bool = False) -> float:
    times = []
    for _ in range(repeat):
        if unseen:
            forget_words()
        start = time.perf_counter()
        fn()  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--chars", type=int, default=4000)
    parser.add_argument("--repeat", type=int, default=50)
    parser.add_argument("--real", type=Path, default=REAL, help="JSON lines with the judgment in 'query'")
    args = parser.parse_args()
    text = judgment_like(args.chars)
    tokenizer()  # load the dictionary before timing
    bare = jieba.Tokenizer()
    bare.initialize()
    for _ in range(3):
        analyze(text)
        list(bare.tokenize(text))
    pipeline = median_seconds(lambda: analyze(text), args.repeat, unseen=True)
    seen = median_seconds(lambda: analyze(text), args.repeat)
    without_tokens = median_seconds(lambda: analyze(text, tokens=False), args.repeat)
    jieba_only = median_seconds(lambda: list(bare.tokenize(text)), args.repeat)
    legal_jieba = median_seconds(lambda: list(tokenizer().tokenize(text)), args.repeat)
    result = analyze(text)
    print("command:", " ".join([".venv/bin/python", *sys.argv]))
    print(
        f"text: {len(text)} generated characters; found {len(result.tokens)} tokens, {len(result.money)} sums, "
        f"{len(result.dates)} dates, {len(result.penalties)} penalties, {len(result.entities)} entities"
    )
    print(
        f"analyze (whole pipeline):   {pipeline * 1000:7.2f} ms  {len(text) / pipeline:12,.0f} chars/s  (unseen text)"
    )
    print(
        f"analyze, seen text:         {seen * 1000:7.2f} ms  {len(text) / seen:12,.0f} chars/s  (upper bound)"
    )
    print(
        f"analyze without tokens:     {without_tokens * 1000:7.2f} ms  {len(text) / without_tokens:12,.0f} chars/s"
    )
    print(f"bare jieba Tokenizer:       {jieba_only * 1000:7.2f} ms  {len(text) / jieba_only:12,.0f} chars/s")
    print(
        f"jieba + legal dictionary:   {legal_jieba * 1000:7.2f} ms  {len(text) / legal_jieba:12,.0f} chars/s"
        "  (tokenize(), as the engine segmented before)"
    )
    print(
        f"median of {args.repeat} runs after warm-up, one process on CPUs {sorted(os.sched_getaffinity(0))}"
    )
    if args.real.is_file():
        real_texts(args.real, bare)


def real_texts(path: Path, bare: jieba.Tokenizer) -> None:
    """Each real judgment once, unseen, with bare jieba on the same texts; only figures are printed."""
    texts = [str(json.loads(line).get("query", "")) for line in path.open(encoding="utf-8") if line.strip()]
    for text in texts[:5]:  # warm-up
        analyze(text)
    forget_words()
    rates: list[float] = []
    chars = 0
    total = jieba_total = 0.0
    for text in texts:
        forget_words()
        start = time.perf_counter()
        analyze(text)
        elapsed = time.perf_counter() - start
        start = time.perf_counter()
        list(bare.tokenize(text))
        jieba_total += time.perf_counter() - start
        total += elapsed
        chars += len(text)
        rates.append(len(text) / elapsed)
    per_4000 = 4000 / statistics.median(rates)
    print(
        f"real judgments: {len(texts)} texts, {chars:,} characters (mean {chars / len(texts):,.0f}), each unseen: "
        f"analyze {chars / total:,.0f} chars/s (median {per_4000 * 1000:.2f} ms per 4,000 characters), "
        f"bare jieba {chars / jieba_total:,.0f} chars/s"
    )


if __name__ == "__main__":
    main()
