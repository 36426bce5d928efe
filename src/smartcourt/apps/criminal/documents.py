"""The sentencing table (量刑表) as a .docx, made with python-docx: every accused and every charge."""

from __future__ import annotations

import io
from datetime import datetime
from typing import TYPE_CHECKING, Any

from django.utils import timezone
from docx import Document
from docx.shared import Pt

from smartcourt.apps.cases.models import Case
from smartcourt.apps.criminal.assessment import (
    ARTICLE_69,
    STAGE_LABELS,
    AccusedAssessment,
    month_text,
    term_text,
)
from smartcourt.apps.criminal.models import SentencingOverride
from smartcourt.engines.sentencing import Recommendation

if TYPE_CHECKING:
    from smartcourt.apps.criminal.selectors import CaseSentencing

DISCLAIMER = (
    "本表由系统依据《最高人民法院 最高人民检察院关于常见犯罪的量刑指导意见（试行）》（法发〔2021〕21号）"
    "辅助生成，供合议庭（独任审判员）评议参考，不代替法官依法裁量。"
)


def _months(value: object) -> str:
    try:
        return f"{float(str(value)):.1f}"
    except ValueError:
        return str(value)


def override_subject(o: SentencingOverride, sentencing: CaseSentencing) -> str:
    """Whose charge an override concerns, as ``甲某·盗窃`` (empty for a single accused and charge)."""
    if sentencing.single:
        return ""
    item = o.charge_assessment
    found = sentencing.item(item.accused_id, item.charge_index)
    name = item.accused.name if item.accused else "—"
    return f"{name}·{found.charge if found else f'罪名{item.charge_index + 1}'}"


def _pairs(doc: Any, rows: list[tuple[str, str]]) -> None:
    table = doc.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    for label, value in rows:
        cells = table.add_row().cells
        cells[0].text, cells[1].text = label, value


def _grid(doc: Any, titles: tuple[str, ...], rows: list[list[str]]) -> None:
    table = doc.add_table(rows=1, cols=len(titles))
    table.style = "Table Grid"
    for cell, title in zip(table.rows[0].cells, titles, strict=True):
        cell.text = title
    for values in rows:
        for cell, value in zip(table.add_row().cells, values, strict=True):
            cell.text = value


def _steps_and_result(doc: Any, rec: Recommendation, probation_note: str = "") -> None:
    _grid(
        doc,
        ("序号", "步骤", "依据（法发〔2021〕21号）", "说明", "调节比例", "刑期（月）"),
        [
            [
                str(n),
                STAGE_LABELS.get(step.stage, step.stage),
                step.rule,
                step.description + (f"（事实：“{step.text}”）" if step.text else ""),
                f"{step.percent:+}%" if step.percent is not None else "",
                f"{_months(step.low)}—{_months(step.point)}—{_months(step.high)}",
            ]
            for n, step in enumerate(rec.steps, 1)
        ],
    )
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
        label = "缓刑（本罪单独评价）" if probation_note else "缓刑"
        lines.append((label, f"{verdict}：{'；'.join(rec.probation.reasons)}（{rec.probation.rule}）"))
        if probation_note:
            lines.append(("缓刑（复核）", f"本罪的缓刑建议不再适用：{probation_note}"))
    _pairs(doc, lines)


def _combined(doc: Any, person: AccusedAssessment) -> None:
    doc.add_heading(f"被告人{person.name}：数罪并罚（{ARTICLE_69}）", level=2)
    combined = person.combined
    if combined is None:
        doc.add_paragraph(f"无法数罪并罚：{person.combined_error}")
        return
    lines = [
        ("各罪宣告刑", "、".join(f"{c}罪{term_text(m, d)}" for c, m, d in combined.terms)),
        ("总和刑期", f"{combined.total}个月"),
        ("决定执行刑期幅度", f"{month_text(combined.low)}至{month_text(combined.high)}"),
        ("参考", combined.declared + "（幅度中点，由法院酌情决定）"),
        ("依据", combined.explanation),
    ]
    if combined.fine_low is not None:
        lines.append(("罚金", f"合并执行人民币{combined.fine_low}元至{combined.fine_high}元"))
    if combined.probation is not None:
        verdict = "可以考虑适用缓刑" if combined.probation.eligible else "不适用缓刑"
        lines.append(
            (
                "缓刑（数罪并罚后复核）",
                f"{verdict}：{'；'.join(combined.probation.reasons)}（{combined.probation.rule}）",
            )
        )
    _pairs(doc, lines)


def sentencing_table_docx(
    *,
    case: Case,
    defendant: str,
    sentencing: CaseSentencing,
    overrides: list[SentencingOverride],
    generated_at: datetime | None = None,
) -> bytes:
    """The 量刑表 of ``case``: case number, court, the accused and charges, then for every accused and each
    of their charges every step with its rule and the result (or why there is none), the combined
    punishment of an accused with several charges (刑法第六十九条), and the judge's overrides with their
    reasons. Requires at least one computed recommendation."""
    if not sentencing.computable:
        raise ValueError("no recommendation")
    doc = Document()
    style = doc.styles["Normal"]
    style.font.size = Pt(10.5)
    doc.add_heading("量刑表", level=0)
    when = timezone.localtime(generated_at or timezone.now())
    charges = list(dict.fromkeys(f"{i.charge}罪" for i in sentencing.items if i.charge))
    info = [
        ("案号", case.case_number),
        ("法院", case.court.name),
        ("被告人", defendant),
        ("罪名", "、".join(charges)),
    ]
    primary = sentencing.primary.recommendation
    if sentencing.single and primary is not None:
        info += [
            ("适用条文", f"{primary.article}（{primary.paragraph}）"),
            ("法定刑幅度", f"{month_text(primary.statutory.low)}至{month_text(primary.statutory.high)}"),
        ]
    info.append(("生成时间", when.strftime("%Y-%m-%d %H:%M")))
    _pairs(doc, info)
    if sentencing.single and primary is not None:
        doc.add_heading("量刑步骤", level=1)
        _steps_and_result(doc, primary)
        rec_notes = list(primary.notes)
    else:
        doc.add_heading("量刑汇总", level=1)
        summary: list[list[str]] = []
        for person in sentencing.accused:
            for item in person.items:
                rec = item.recommendation
                summary.append(
                    [
                        person.name,
                        f"{item.charge}罪" if item.charge else "—",
                        f"{rec.article}（{rec.paragraph}）" if rec else "—",
                        f"{month_text(rec.range.low)}至{month_text(rec.range.high)}" if rec else "—",
                        rec.declared if rec else f"无法计算：{item.error_message}",
                    ]
                )
            for _index, charge in person.excluded:
                summary.append(
                    [person.name, f"{charge}罪" if charge else "—", "—", "—", "不予评估（法官排除）"]
                )
            if person.several:
                combined = person.combined
                summary.append(
                    [
                        person.name,
                        f"数罪并罚（{ARTICLE_69}）",
                        ARTICLE_69,
                        f"{month_text(combined.low)}至{month_text(combined.high)}" if combined else "—",
                        combined.declared if combined else f"无法计算：{person.combined_error}",
                    ]
                )
        _grid(doc, ("被告人", "罪名", "适用条文", "建议刑期幅度", "建议宣告刑"), summary)
        rec_notes = []
        for person in sentencing.accused:
            for item in person.items:
                doc.add_heading(f"被告人{person.name}：{item.charge or '未列罪名'}罪", level=1)
                rec = item.recommendation
                if rec is None:
                    doc.add_paragraph(f"无法给出量刑建议：{item.error_message}")
                    continue
                doc.add_paragraph(
                    f"适用条文：{rec.article}（{rec.paragraph}）；法定刑幅度：{month_text(rec.statutory.low)}至"
                    f"{month_text(rec.statutory.high)}；量刑情节提取范围：{item.scope}"
                )
                _steps_and_result(doc, rec, item.probation_note)
                rec_notes += [n for n in rec.notes if n not in rec_notes]
            if person.several:
                _combined(doc, person)
    if rec_notes:
        doc.add_heading("说明", level=1)
        for note in rec_notes:
            doc.add_paragraph(note, style="List Bullet")
    doc.add_heading("法官修正记录", level=1)
    if overrides:
        rows = []
        for o in overrides:
            subject = override_subject(o, sentencing)
            rows.append(
                [
                    timezone.localtime(o.created_at).strftime("%Y-%m-%d %H:%M"),
                    o.actor.full_name or o.actor.username,
                    (f"{subject}｜" if subject else "")
                    + f"{o.get_target_display()}：{o.label}（{o.get_action_display()}）",
                    o.before,
                    o.after,
                    o.reason,
                ]
            )
        _grid(doc, ("时间", "操作人", "对象", "修改前", "修改后", "理由"), rows)
    else:
        doc.add_paragraph("无（全部采用自动提取结果）")
    doc.add_paragraph(DISCLAIMER)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
