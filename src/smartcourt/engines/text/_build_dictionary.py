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

# Procedural and sentencing vocabulary of criminal, civil and enforcement judgments.
LEGAL_TERMS = """
并处罚金 罚金 缓刑 宣告缓刑 有期徒刑 无期徒刑 拘役 管制 死刑 死刑缓期执行 剥夺政治权利 没收个人财产 没收个人全部财产
取保候审 监视居住 指定居所监视居住 刑事拘留 行政拘留 逮捕 执行逮捕 批准逮捕 羁押 刑期 折抵 刑满释放 假释 减刑 暂予监外执行
累犯 自首 坦白 立功 重大立功 如实供述 认罪认罚 认罪悔罪 从轻处罚 减轻处罚 从重处罚 免予刑事处罚 免除处罚 酌情从轻 前科 初犯 偶犯
谅解 谅解书 退赃 退赔 赔偿损失 刑事和解 犯罪未遂 犯罪中止 犯罪预备 既遂 未遂 主犯 从犯 胁从犯 教唆犯 共同犯罪 数罪并罚
被告人 被害人 公诉机关 公诉人 辩护人 辩护律师 诉讼代理人 委托诉讼代理人 法定代理人 附带民事诉讼 附带民事诉讼原告人
原告 被告 第三人 上诉人 被上诉人 原审原告 原审被告 申请人 被申请人 申请执行人 被执行人 再审申请人 证人 鉴定人
审判长 审判员 人民陪审员 书记员 法官助理 合议庭 独任审判 简易程序 普通程序 速裁程序 小额诉讼 公开开庭 不公开开庭
经审理查明 本院认为 判决如下 裁定如下 起诉书 判决书 裁定书 调解书 决定书 指控 公诉 抗诉 上诉 申诉 再审 发回重审 维持原判
驳回上诉 驳回起诉 驳回诉讼请求 诉讼请求 诉讼费 案件受理费 诉讼费用 强制执行 执行标的 财产保全 先予执行 诉讼时效 举证责任
价格认证中心 价格认定 价格认定结论书 鉴定意见 司法鉴定 现场勘验 勘验笔录 辨认笔录 扣押清单 发还清单 户籍证明 抓获经过
到案经过 归案 投案 销赃 赃款 赃物 作案工具 盗窃 入户盗窃 扒窃 携带凶器盗窃 多次盗窃 诈骗 电信诈骗 抢劫 抢夺 敲诈勒索
非法获利 违法所得 犯罪所得 追缴 责令退赔 发还被害人 危险驾驶 醉酒驾驶 血液中乙醇含量 交通肇事 甲基苯丙胺 海洛因 氯胺酮
民间借贷 借款合同 买卖合同 租赁合同 劳动合同 违约金 逾期利息 连带责任 连带清偿责任 保证责任 抵押权 质押 担保
""".split()


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
                if full in ("市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划") or not _WORD_RE.fullmatch(full):
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
    for word in LEGAL_TERMS:
        entries[word] = (FREQ_TERM, "n")
    return [f"{word} {freq} {tag}" for word, (freq, tag) in sorted(entries.items())]


def main(argv: list[str] | None = None) -> None:
    """Command-line entry point: build and write the dictionary."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
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
