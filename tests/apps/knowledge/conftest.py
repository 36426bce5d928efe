"""Synthetic markdown laws in the LawRefBook format, written into a temporary folder by each test."""

from __future__ import annotations

from pathlib import Path

import pytest

EXAMPLE_LAW = """# 中华人民共和国示例法

2020年1月2日 第十三届全国人民代表大会常务委员会第一次会议通过

2020年3月1日 施行

<!-- INFO END -->

## 第一章 总则

第一条 为了示例，制定本法。

第二条 本法适用于示例。

## 第二章 责任

### 第一节 一般规定

第三条 有下列情形之一的，处罚款：

（一）甲；

（二）乙。

前款规定以外的，不予处罚。

第三条之一 违反本法第三条的，依法处理。
"""

CODE_PART_ONE = """# 示例法典

# 第一编 总则

2021年5月1日 通过

2022年1月1日 施行

<!-- INFO END -->

## 第一章 基本规定

第一条 本法典的第一编。

第二条 第一编的第二条。
"""

CODE_PART_TWO = """# 示例法典

# 第二编 分则

2021年5月1日 通过

2022年1月1日 施行

<!-- INFO END -->

## 第一章 分则规定

第三条 本法典的第二编。
"""

MALFORMED = """# 缺少信息结束行的法

2020年1月2日 通过

第一条 没有 INFO END 行。
"""

AMENDMENT = """# 示例法修正案

2021年1月1日 通过

<!-- INFO END -->

一、将示例法第一条修改为：“……”
"""


@pytest.fixture
def laws_dir(tmp_path: Path) -> Path:
    root = tmp_path / "laws"
    (root / "法律").mkdir(parents=True)
    (root / "法典").mkdir()
    (root / "法律" / "示例法.md").write_text(EXAMPLE_LAW, encoding="utf-8")
    (root / "法律" / "坏文件.md").write_text(MALFORMED, encoding="utf-8")
    (root / "法律" / "示例法修正案.md").write_text(AMENDMENT, encoding="utf-8")
    (root / "法典" / "总则.md").write_text(CODE_PART_ONE, encoding="utf-8")
    (root / "法典" / "分则.md").write_text(CODE_PART_TWO, encoding="utf-8")
    (root / "法典" / "_index.md").write_text("# 目录\n", encoding="utf-8")
    return root
