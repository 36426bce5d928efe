"""The sentencing table (量刑表) as a .docx, made with python-docx."""

from __future__ import annotations

import io
from datetime import datetime

from django.utils import timezone
from docx import Document
from docx.shared import Pt

from smartcourt.apps.cases.models import Case
from smartcourt.apps.criminal.assessment import STAGE_LABELS, Assessment, month_text
from smartcourt.apps.criminal.models import SentencingOverride

DISCLAIMER = (
    "本表由系统依据《最高人民法院 最高人民检察院关于常见犯罪的量刑指导意见（试行）》（法发〔2021〕21号）"
    "辅助生成，供合议庭（独任审判员）评议参考，不代替法官依法裁量。"
)


def _months(value: object) -> str:
    try:
        return f"{float(str(value)):.1f}"
    except ValueError:
        return str(value)


def sentencing_table_docx(
    *,
    case: Case,
    defendant: str,
    assessment: Assessment,
    overrides: list[SentencingOverride],
    generated_at: datetime | None = None,
) -> bytes:
    """The 量刑表 of ``case``: case number, court, defendant, charge, every step with its rule, the result and
    the judge's overrides with their reasons. Only called with a computed recommendation."""
    rec = assessment.recommendation
    if rec is None:
        raise ValueError("no recommendation")
    doc = Document()
    style = doc.styles["Normal"]
    style.font.size = Pt(10.5)
    doc.add_heading("量刑表", level=0)
    info = doc.add_table(rows=0, cols=2)
    info.style = "Table Grid"
    when = timezone.localtime(generated_at or timezone.now())
    for label, value in (
        ("案号", case.case_number),
        ("法院", case.court.name),
        ("被告人", defendant),
        ("罪名", f"{rec.charge}罪"),
        ("适用条文", f"{rec.article}（{rec.paragraph}）"),
        ("法定刑幅度", f"{month_text(rec.statutory.low)}至{month_text(rec.statutory.high)}"),
        ("生成时间", when.strftime("%Y-%m-%d %H:%M")),
    ):
        row = info.add_row().cells
        row[0].text, row[1].text = label, value
    doc.add_heading("量刑步骤", level=1)
    steps = doc.add_table(rows=1, cols=6)
    steps.style = "Table Grid"
    for cell, title in zip(
        steps.rows[0].cells,
        ("序号", "步骤", "依据（法发〔2021〕21号）", "说明", "调节比例", "刑期（月）"),
        strict=True,
    ):
        cell.text = title
    for n, step in enumerate(rec.steps, 1):
        cells = steps.add_row().cells
        cells[0].text = str(n)
        cells[1].text = STAGE_LABELS.get(step.stage, step.stage)
        cells[2].text = step.rule
        cells[3].text = step.description + (f"（事实：“{step.text}”）" if step.text else "")
        cells[4].text = f"{step.percent:+}%" if step.percent is not None else ""
        cells[5].text = f"{_months(step.low)}—{_months(step.point)}—{_months(step.high)}"
    doc.add_heading("量刑结果", level=1)
    result = doc.add_table(rows=0, cols=2)
    result.style = "Table Grid"
    lines = [
        ("量刑起点", f"{month_text(rec.starting_point.low)}至{month_text(rec.starting_point.high)}"),
        ("基准刑", f"{_months(rec.baseline)}个月"),
        ("建议刑期幅度", f"{month_text(rec.range.low)}至{month_text(rec.range.high)}"),
        ("建议宣告刑", rec.declared),
    ]
    if rec.fine is not None:
        lines.append(("罚金", f"人民币{rec.fine.low}元至{rec.fine.high}元（{rec.fine.rule}）"))
    if rec.probation is not None:
        verdict = "可以考虑适用缓刑" if rec.probation.eligible else "不适用缓刑"
        lines.append(("缓刑", f"{verdict}：{'；'.join(rec.probation.reasons)}（{rec.probation.rule}）"))
    for label, value in lines:
        row = result.add_row().cells
        row[0].text, row[1].text = label, value
    if rec.notes:
        doc.add_heading("说明", level=1)
        for note in rec.notes:
            doc.add_paragraph(note, style="List Bullet")
    doc.add_heading("法官修正记录", level=1)
    if overrides:
        table = doc.add_table(rows=1, cols=6)
        table.style = "Table Grid"
        for cell, title in zip(
            table.rows[0].cells, ("时间", "操作人", "对象", "修改前", "修改后", "理由"), strict=True
        ):
            cell.text = title
        for o in overrides:
            cells = table.add_row().cells
            cells[0].text = timezone.localtime(o.created_at).strftime("%Y-%m-%d %H:%M")
            cells[1].text = o.actor.full_name or o.actor.username
            cells[2].text = f"{o.get_target_display()}：{o.label}（{o.get_action_display()}）"
            cells[3].text = o.before
            cells[4].text = o.after
            cells[5].text = o.reason
    else:
        doc.add_paragraph("无（全部采用自动提取结果）")
    doc.add_paragraph(DISCLAIMER)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
