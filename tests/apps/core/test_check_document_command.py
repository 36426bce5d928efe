"""``smartcourt check-document``: JSON lines per defect, exit 0 with or without defects, 2 when unreadable."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.engines.defects.documents import civil_judgment, docx_bytes


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "smartcourt", "check-document", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env={"DJANGO_SETTINGS_MODULE": "smartcourt.config.settings.test", "PATH": "/usr/bin:/bin"},
    )


def test_defects_as_json_lines_and_exit_codes(tmp_path):
    judgment = civil_judgment(21)
    clean = tmp_path / "clean.docx"
    clean.write_bytes(docx_bytes(judgment.paragraphs))
    result = _run(str(clean), "--case-number", judgment.context.case_number, "--date", "2024-03-01")
    assert (result.returncode, result.stdout) == (0, "")

    faulty = tmp_path / "faulty.docx"
    faulty.write_bytes(docx_bytes([p.replace("辩称", "辨称") for p in judgment.paragraphs]))
    result = _run(str(faulty), "--case-number", "（2024）浙0102民初99999号", "--date", "2024-03-08")
    assert result.returncode == 0
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["kind"] for line in lines] == ["case_number", "typo", "date"]
    assert lines[1]["location"]["paragraph"] == 8 and lines[1]["suggestion"] == "辩称" and lines[1]["rule"]

    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"not a docx")
    result = _run(str(broken))
    assert result.returncode == 2 and "不是有效的 .docx" in result.stderr and result.stdout == ""
    assert _run(str(clean), "--date", "2024-13-01").returncode == 2
