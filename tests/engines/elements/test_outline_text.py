"""The judgment skeleton reads the defendant's position as a sentence of its own."""

from __future__ import annotations

from smartcourt.engines.elements import build_element_table, judgment_skeleton


def test_a_position_tied_to_the_previous_clause_stands_alone() -> None:
    table = build_element_table(
        "原告与被告于2015年登记结婚，婚后育有一子。原告请求判决离婚，孩子由原告抚养，被告每月支付抚养费2000元。",
        "被告同意离婚，同意孩子由原告抚养，但对抚养费数额有异议。",
    )
    reasoning = dict(judgment_skeleton(table).disputes)["抚养费"]
    assert "被告辩称：对抚养费数额有异议。" in reasoning
    assert "辩称：但" not in reasoning and "。。" not in reasoning
