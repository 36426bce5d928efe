"""The class-case report (类案分析报告) as a .docx (python-docx), from the same data as the report page."""

from __future__ import annotations

import io
from typing import Any

from docx import Document
from docx.shared import Pt


def report_docx(*, title: str, context: dict[str, Any]) -> bytes:
    """A .docx of the report: the query profile, the similar judgments with reasons, the outcome distribution,
    the common circumstances, cited articles and reasoning."""
    doc = Document()
    style = doc.styles["Normal"]
    style.font.name = "SimSun"
    style.font.size = Pt(11)
    doc.add_heading(title, level=0)
    profile = context["profile"]
    what = "、".join(f"{c}罪" for c in profile["charges"]) or profile["cause"] or "未识别"
    source = {"record": "案件记录", "predicted": "根据事实预测"}.get(profile["charge_source"], "")
    doc.add_paragraph(f"本案罪名/案由：{what}" + (f"（{source}）" if source else ""))
    if profile["circumstances"]:
        doc.add_paragraph("本案情节：" + "、".join(c["label"] for c in profile["circumstances"]))
    if profile["elements"]:
        doc.add_paragraph("本案要素：" + "、".join(e["label"] for e in profile["elements"]))
    doc.add_paragraph(f"检索到类案 {len(context['rows'])} 件（候选 {context['pool']} 件）。")

    doc.add_heading("一、类案列表", level=1)
    table = doc.add_table(rows=1, cols=5)
    table.style = "Table Grid"
    for cell, text in zip(
        table.rows[0].cells, ("序号", "文书", "罪名/案由", "刑期（月）", "相似理由"), strict=True
    ):
        cell.text = text
    for row in context["rows"]:
        cells = table.add_row().cells
        cells[0].text = str(row["rank"])
        cells[1].text = (
            "【指导/典型】" if row["is_guiding"] else ""
        ) + f"{row['title']} {row['case_number']}"
        cells[2].text = "、".join(row["charges"]) or row["cause"]
        cells[3].text = "" if row["term_months"] is None else str(row["term_months"])
        cells[4].text = row["summary"]

    doc.add_heading("二、裁判结果分布", level=1)
    dist = context["outcomes"]
    if dist:
        doc.add_paragraph(
            f"有刑期的类案 {dist['n']} 件：最短 {dist['min']:g} 个月，第10百分位 {dist['p10']:g}，中位数 "
            f"{dist['median']:g}，第90百分位 {dist['p90']:g}，最长 {dist['max']:g} 个月，平均 {dist['mean']:.1f} 个月。"
        )
        for b in dist["bins"]:
            doc.add_paragraph(f"{b['low']:g}–{b['high']:g} 个月：{b['count']} 件", style="List Bullet")
    else:
        doc.add_paragraph("类案均未记录刑期，不作分布统计。")

    for heading, key in (
        ("三、常见量刑情节", "circumstances"),
        ("四、常见案件要素", "elements"),
        ("五、常引法条", "articles"),
    ):
        doc.add_heading(heading, level=1)
        items = context["report"][key]
        if not items:
            doc.add_paragraph("无")
        for item in items:
            doc.add_paragraph(f"{item['label']}（{item['count']} 件）", style="List Bullet")

    doc.add_heading("六、共同裁判说理", level=1)
    if not context["report"]["reasoning"]:
        doc.add_paragraph("类案说理中未发现两件以上共有的表述。")
    for item in context["report"]["reasoning"]:
        doc.add_paragraph(f"{item['label']}（{item['count']} 件）", style="List Bullet")
    doc.add_paragraph("说明：本报告由系统根据裁判文书库自动生成，供法官参考，不构成裁判依据。")
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
