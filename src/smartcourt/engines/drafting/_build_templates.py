"""Builds the .docx templates in ``templates/`` with python-docx, so they are reproducible and reviewable here.

Run by hand after changing a template: ``.venv/bin/python -m smartcourt.engines.drafting._build_templates``.

Each template is a list of blocks: text with Jinja2 placeholders (docxtpl fills them), ``loop`` blocks that
repeat one paragraph per item (docxtpl's ``{%p for %}``), ``when`` blocks kept only if a condition holds, and
``table`` blocks of label/value rows. Wording follows 《民事诉讼文书样式》 (法〔2016〕221号, with
《人民法院民事裁判文书制作规范》) and 《法院刑事诉讼文书样式》 (样本, 1999); where the wording below is written
from memory of those styles rather than checked against their text it is marked "unverified".

Layout per the 规范 (unverified as to exact sizes): court name and title centred in 宋体 bold (二号, 一号), the
case number right-aligned, the body in 仿宋 三号 with a first-line indent of two characters, signatures and the
date right-aligned.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt

TEMPLATES = Path(__file__).parent / "templates"


@dataclass(frozen=True)
class Loop:
    items: str
    text: str = "{{ p }}"
    style: str = "body"


@dataclass(frozen=True)
class When:
    condition: str
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class Table:
    rows: tuple[tuple[str, str], ...]


Block = str | tuple[str, str] | Loop | When | Table  # a plain body paragraph, (style, text), …

HEADER: tuple[Block, ...] = (
    ("court", "{{ court }}"),
    ("title", "{{ title }}"),
    ("number", "{{ case_number }}"),
)
SIGNED: tuple[Block, ...] = (
    Loop("signatures", style="sign"),
    ("sign", "{{ signed_on }}"),
    Loop("clerks", style="sign"),
)
SEALED: tuple[Block, ...] = (("sign", "{{ signed_on }}"), ("sign", "（院印）"))
PARTIES = Loop("parties", style="plain")
CONTACT: tuple[Block, ...] = (
    ("plain", "联系人：{{ contact }}　联系电话：{{ court_phone }}"),
    ("plain", "本院地址：{{ court_address }}"),
)

TEMPLATE_BLOCKS: dict[str, tuple[Block, ...]] = {
    # 受理案件通知书 — 民事诉讼法第一百二十六条、第一百二十九条; 诉讼费用交纳办法第二十条、第二十二条 (unverified).
    "acceptance_notice": (
        *HEADER,
        ("plain", "{{ recipient }}："),
        "你（单位）诉{{ opponents }}{{ cause }}一案的起诉状已收到。经审查，起诉符合法定受理条件，本院决定立案审理，"
        "立案日期为{{ filing_date }}。现将有关事项通知如下：",
        "一、在诉讼过程中，当事人必须依法行使诉讼权利，有权行使《中华人民共和国民事诉讼法》第五十二条等规定的诉讼权利，"
        "同时必须遵守诉讼秩序，履行诉讼义务。",
        "二、应当在接到本通知书之日起七日内向本院预交案件受理费{{ fee }}。逾期不交也不提出缓交、减交、免交申请的，按撤诉处理。",
        "三、本案适用{{ procedure }}审理。",
        "四、当事人对自己提出的主张，有责任提供证据。",
        "五、委托他人代为诉讼的，应当向本院提交由委托人签名或者盖章的授权委托书，授权委托书必须记明委托事项和权限。",
        *CONTACT,
        *SEALED,
    ),
    # 应诉通知书 — 民事诉讼法第一百二十八条 (十五日内答辩), 第一百三十条 (管辖权异议), 第一百二十九条.
    "response_notice": (
        *HEADER,
        ("plain", "{{ recipient }}："),
        "{{ plaintiffs }}诉你（单位）{{ cause }}一案，本院已于{{ filing_date }}立案。现发送起诉状副本一份，并将有关事项通知如下：",
        "一、你（单位）应当在收到起诉状副本之日起十五日内向本院提交答辩状，并按对方当事人的人数提出副本。不提出答辩状的，不影响本院审理。",
        "二、当事人对管辖权有异议的，应当在提交答辩状期间提出。",
        "三、当事人对自己提出的主张，有责任提供证据。",
        "四、委托他人代为诉讼的，应当向本院提交由委托人签名或者盖章的授权委托书。",
        "五、本案适用{{ procedure }}审理。",
        *CONTACT,
        *SEALED,
    ),
    # 举证通知书 — 民事诉讼法第六十七条、第六十八条; 民诉法解释第九十九条 (普通程序不少于十五日),
    # 第二百六十六条 (简易程序不超过十五日).
    "evidence_notice": (
        *HEADER,
        ("plain", "{{ recipient }}："),
        "本院受理{{ case_title }}一案后，根据《中华人民共和国民事诉讼法》第六十七条、第六十八条和《最高人民法院关于适用〈中华人民共和国"
        "民事诉讼法〉的解释》第九十九条的规定，现将有关举证事项通知如下：",
        "一、当事人对自己提出的主张，有责任提供证据。没有证据或者证据不足以证明当事人的事实主张的，由负有举证证明责任的当事人承担不利的后果。",
        "二、本案举证期限为{{ evidence_period }}，自收到本通知书的第二日起计算。当事人应当在举证期限内向本院提交证据材料，"
        "逾期提供证据的，依照法律和司法解释的规定处理。",
        "三、当事人因客观原因不能自行收集的证据，可以在举证期限届满前书面申请本院调查收集。",
        "四、当事人提交证据应当编制证据目录，写明证据的名称、来源、证明对象和内容，并按对方当事人人数提交副本。",
        *CONTACT,
        *SEALED,
    ),
    # 传票 — 民事诉讼法第一百三十九条 (开庭三日前通知); the table layout of the 2016 style (unverified).
    "summons": (
        ("court", "{{ court }}"),
        ("title", "{{ title }}"),
        Table(
            (
                ("案号", "{{ case_number }}"),
                ("案由", "{{ cause }}"),
                ("被传唤人", "{{ recipient }}"),
                ("工作单位或者住址", "{{ recipient_address }}"),
                ("传唤事由", "开庭"),
                ("应到时间", "{{ appear_at }}"),
                ("应到处所", "{{ hearing_place }}"),
            )
        ),
        ("plain", "注意事项："),
        ("plain", "一、被传唤人必须准时到达应到处所。"),
        ("plain", "二、本传票由被传唤人携带来院报到。"),
        ("plain", "三、被传唤人收到传票后，应在送达回证上签名或者盖章。"),
        *SEALED,
    ),
    # 民事判决书 (第一审普通程序 / 简易程序) — 法〔2016〕221号; 民事诉讼法第一百五十五条 (contents),
    # 第一百七十一条 (十五日上诉期), 第二百六十四条 (迟延履行).
    "civil_judgment": (
        *HEADER,
        PARTIES,
        "{{ opening }}",
        "{{ claims_line }}",
        Loop("defences"),
        "当事人围绕诉讼请求依法提交了证据，本院组织当事人进行了证据交换和质证。对当事人无异议的证据，本院予以确认并在卷佐证。",
        Loop("facts"),
        Loop("reasoning"),
        "依照{{ basis }}规定，判决如下：",
        Loop("items"),
        When(
            "payment_order",
            (
                "如果未按本判决指定的期间履行给付金钱义务，应当依照《中华人民共和国民事诉讼法》第二百六十四条规定，"
                "加倍支付迟延履行期间的债务利息。",
            ),
        ),
        "{{ costs_line }}",
        "如不服本判决，可以在判决书送达之日起{{ appeal_days }}日内，向本院递交上诉状，并按照对方当事人或者代表人的人数提出副本，"
        "上诉于{{ appeal_court }}。",
        *SIGNED,
    ),
    # 民事调解书 — 民事诉讼法第一百条 (写明诉讼请求、案件的事实和调解结果), 诉讼费用交纳办法第十五条 (减半).
    "mediation_statement": (
        *HEADER,
        PARTIES,
        "{{ opening }}",
        "{{ claims_line }}",
        Loop("facts"),
        "本案审理过程中，经本院主持调解，当事人自愿达成如下协议：",
        Loop("items"),
        "{{ costs_line }}",
        "上述协议，不违反法律规定，本院予以确认。",
        "本调解书经各方当事人签收后，即具有法律效力。",
        *SIGNED,
    ),
    # 民事裁定书（对起诉不予受理用） — 民事诉讼法第一百二十二条、第一百二十六条, 第一百五十七条 (可以上诉),
    # 第一百七十一条 (十日).
    "refusal_ruling": (
        *HEADER,
        PARTIES,
        "{{ received_on }}，本院收到{{ plaintiffs }}的起诉状。{{ claims_line }}",
        Loop("reasoning"),
        "依照{{ basis }}规定，裁定如下：",
        Loop("items"),
        "如不服本裁定，可以在裁定书送达之日起{{ appeal_days }}日内，向本院递交上诉状，上诉于{{ appeal_court }}。",
        *SIGNED,
    ),
    # 民事裁定书（驳回起诉用） — 民事诉讼法第一百二十二条、第一百五十七条第一款第三项; 民诉法解释第二百零八条第三款.
    "dismissal_ruling": (
        *HEADER,
        PARTIES,
        "{{ opening }}",
        "{{ claims_line }}",
        Loop("reasoning"),
        "依照{{ basis }}规定，裁定如下：",
        Loop("items"),
        "{{ costs_line }}",
        "如不服本裁定，可以在裁定书送达之日起{{ appeal_days }}日内，向本院递交上诉状，并按照对方当事人或者代表人的人数提出副本，"
        "上诉于{{ appeal_court }}。",
        *SIGNED,
    ),
    # 民事裁定书（准许撤诉用） — 民事诉讼法第一百四十八条第一款、第一百五十七条第一款第五项; not appealable;
    # 诉讼费用交纳办法第十五条 (撤诉减半).
    "withdrawal_ruling": (
        *HEADER,
        PARTIES,
        "{{ opening }}",
        Loop("reasoning"),
        "依照{{ basis }}规定，裁定如下：",
        Loop("items"),
        "{{ costs_line }}",
        *SIGNED,
    ),
    # 刑事判决书（一审公诉案件用） — 《法院刑事诉讼文书样式》 (样本); 刑事诉讼法第二百三十条 (十日).
    "criminal_judgment": (
        *HEADER,
        ("plain", "公诉机关{{ prosecutor }}。"),
        PARTIES,
        "{{ opening }}",
        "{{ prosecutor }}指控，{{ indictment }}",
        "{{ defence_line }}",
        Loop("facts"),
        Loop("reasoning"),
        "依照{{ basis }}之规定，判决如下：",
        Loop("items"),
        "如不服本判决，可在接到判决书的第二日起{{ appeal_days }}日内，通过本院或者直接向{{ appeal_court }}提出上诉。"
        "书面上诉的，应当提交上诉状正本一份，副本{{ appeal_copies }}份。",
        *SIGNED,
    ),
    # 执行通知书 — 民事诉讼法第二百五十一条、第二百五十二条、第二百六十四条; 申请执行费: 诉讼费用交纳办法第十四条.
    "enforcement_notice": (
        *HEADER,
        ("plain", "{{ recipient }}："),
        "{{ opening }}",
        Loop("items"),
        "你（单位）未按本通知履行法律文书确定的义务的，应当依照《中华人民共和国民事诉讼法》第二百五十二条的规定，"
        "报告当前以及收到执行通知之日前一年的财产情况；拒绝报告或者虚假报告的，本院将依法予以罚款、拘留，并可依法采取强制执行措施。",
        *CONTACT,
        *SEALED,
    ),
    # 送达回证 — 民事诉讼法第八十七条; the table of the 2016 style (unverified as to row order).
    "proof_of_service": (
        ("court", "{{ court }}"),
        ("title", "{{ title }}"),
        Table(
            (
                ("案号", "{{ case_number }}"),
                ("案由", "{{ cause }}"),
                ("送达文书名称和件数", "{{ documents }}"),
                ("受送达人", "{{ recipient }}"),
                ("送达地址", "{{ recipient_address }}"),
                ("送达方式", "{{ service_method }}"),
                ("受送达人签名或者盖章", "　　　　年　　月　　日"),
                ("代收人及代收理由", ""),
                ("送达人", "{{ server }}"),
                ("备注", ""),
            )
        ),
        ("sign", "填发人：{{ clerk }}"),
        ("sign", "{{ signed_on }}"),
    ),
    # 庭审提纲 — an internal working document; its outline follows the order of 民事诉讼法第一百四十一条至第一百四十五条.
    "trial_outline": (
        *HEADER,
        ("heading", "一、案件基本情况"),
        "案由：{{ cause }}；审理程序：{{ procedure }}；审判组织：{{ panel_line }}。",
        PARTIES,
        ("heading", "二、诉讼请求、事实和理由"),
        "{{ claims_line }}",
        ("heading", "三、答辩意见"),
        Loop("defences"),
        ("heading", "四、争议焦点"),
        Loop("focuses"),
        ("heading", "五、证据及质证要点"),
        Loop("evidence"),
        ("heading", "六、法庭调查要点"),
        Loop("questions"),
        ("heading", "七、法庭辩论与最后陈述"),
        "围绕争议焦点组织辩论；辩论终结后，依次征询原告、被告的最后意见。",
        ("heading", "八、调解"),
        "法庭辩论终结后，询问当事人是否愿意调解（民事诉讼法第一百四十五条）。",
    ),
    # 庭审笔录 — 民事诉讼法第一百四十条至第一百四十五条, 第一百五十条 (笔录由当事人签名).
    "hearing_record": (
        ("title", "{{ title }}"),
        ("plain", "时间：{{ held_at }}"),
        ("plain", "地点：{{ hearing_place }}"),
        ("plain", "案号：{{ case_number }}"),
        ("plain", "案由：{{ cause }}"),
        ("plain", "审判人员：{{ panel_line }}"),
        ("plain", "书记员：{{ clerk }}"),
        Loop("lines", style="plain"),
        ("plain", "当事人及其他诉讼参与人签名："),
        Loop("signers", style="plain"),
        ("sign", "审判人员：{{ panel_line }}　书记员：{{ clerk }}"),
    ),
    # 合议庭评议笔录 — 民事诉讼法第四十条, 第四十五条 (少数人的意见应当如实记入笔录, unverified article number).
    "deliberation_record": (
        ("title", "{{ title }}"),
        ("plain", "时间：{{ held_at }}"),
        ("plain", "地点：{{ court }}"),
        ("plain", "主持人：{{ presiding }}"),
        ("plain", "合议庭成员：{{ panel_line }}"),
        ("plain", "书记员：{{ clerk }}"),
        ("plain", "评议案件：{{ case_number }}{{ case_title }}一案"),
        ("plain", "{{ presiding }}：现在对本案进行评议。请承办法官介绍案情。"),
        ("heading", "案件事实"),
        Loop("facts"),
        ("heading", "争议焦点"),
        Loop("focuses"),
        ("heading", "评议意见"),
        Loop("opinions", style="plain"),
        ("heading", "评议结论"),
        "{{ conclusion }}",
        Loop("items"),
        ("plain", "合议庭成员签名："),
        Loop("signers", style="plain"),
    ),
    # 审理报告 — an internal document; its parts follow the usual order (unverified: no national style text).
    "trial_report": (
        *HEADER,
        ("heading", "一、当事人及其他诉讼参加人的基本情况"),
        PARTIES,
        ("heading", "二、案件由来和审理经过"),
        "{{ opening }}",
        ("heading", "三、诉讼请求、事实和理由"),
        "{{ claims_line }}",
        ("heading", "四、答辩意见"),
        Loop("defences"),
        ("heading", "五、审理查明的事实"),
        Loop("facts"),
        ("heading", "六、争议焦点"),
        Loop("focuses"),
        ("heading", "七、处理意见及理由"),
        Loop("reasoning"),
        "依照{{ basis }}规定，建议判决如下：",
        Loop("items"),
        "{{ costs_line }}",
        ("sign", "承办法官：{{ reporter }}"),
        ("sign", "{{ signed_on }}"),
    ),
    # 民事判决书（二审维持原判或者改判用） — 法〔2016〕221号 (wording unverified); 民事诉讼法（2023年修正）
    # 第一百七十七条第一款第一项、第二项, 第一百八十二条 (终审: no appeal paragraph), 第二百六十四条 (迟延履行).
    "appeal_judgment": (
        *HEADER,
        PARTIES,
        "{{ opening }}",
        "{{ appeal_line }}",
        Loop("answers"),
        Loop("first_instance"),
        "本院二审期间，当事人围绕上诉请求依法提交了证据。本院组织当事人进行了证据交换和质证。",
        Loop("facts"),
        Loop("reasoning"),
        "{{ conclusion }}依照{{ basis }}规定，判决如下：",
        Loop("items"),
        When(
            "payment_order",
            (
                "如果未按本判决指定的期间履行给付金钱义务，应当依照《中华人民共和国民事诉讼法》第二百六十四条规定，"
                "加倍支付迟延履行期间的债务利息。",
            ),
        ),
        "{{ costs_line }}",
        "本判决为终审判决。",
        *SIGNED,
    ),
    # 民事裁定书（二审发回重审用） — 法〔2016〕221号 (wording unverified); 民事诉讼法（2023年修正）第一百七十七条
    # 第一款第三项、第四项; 诉讼费用交纳办法第二十七条 (二审案件受理费退还); final (第一百八十二条): no appeal paragraph.
    "remand_ruling": (
        *HEADER,
        PARTIES,
        "{{ opening }}",
        Loop("reasoning"),
        "依照{{ basis }}规定，裁定如下：",
        Loop("items"),
        "{{ refund_line }}",
        *SIGNED,
    ),
}

_FONTS = {"court": ("宋体", 22, True), "title": ("宋体", 26, True), "heading": ("黑体", 16, False)}
_BODY_FONT = ("仿宋", 16, False)


def _set_fonts(run_properties: object, font: str) -> None:
    fonts = run_properties.get_or_add_rFonts()  # type: ignore[attr-defined]
    for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia"):
        fonts.set(qn(attribute), font)


def _add(document: object, style: str, text: str) -> None:
    paragraph = document.add_paragraph()  # type: ignore[attr-defined]
    font, size, bold = _FONTS.get(style, _BODY_FONT)
    fmt = paragraph.paragraph_format
    fmt.space_after = Pt(0)
    fmt.line_spacing = Pt(28)
    if style in ("court", "title"):
        fmt.alignment = WD_ALIGN_PARAGRAPH.CENTER
    elif style in ("number", "sign"):
        fmt.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    elif style in ("body", "heading"):
        fmt.first_line_indent = Pt(32)
    run = paragraph.add_run(text)
    run.font.size = Pt(size)
    run.font.bold = bold
    _set_fonts(run._element.get_or_add_rPr(), font)


def _emit(document: object, blocks: tuple[Block, ...]) -> None:
    for block in blocks:
        if isinstance(block, str):
            _add(document, "body", block)
        elif isinstance(block, tuple):
            _add(document, block[0], block[1])
        elif isinstance(block, Loop):
            document.add_paragraph(f"{{%p for p in {block.items} %}}")  # type: ignore[attr-defined]
            _add(document, block.style, block.text)
            document.add_paragraph("{%p endfor %}")  # type: ignore[attr-defined]
        elif isinstance(block, When):
            document.add_paragraph(f"{{%p if {block.condition} %}}")  # type: ignore[attr-defined]
            _emit(document, block.blocks)
            document.add_paragraph("{%p endif %}")  # type: ignore[attr-defined]
        else:
            table = document.add_table(rows=0, cols=2)  # type: ignore[attr-defined]
            table.style = "Table Grid"
            for label, value in block.rows:
                cells = table.add_row().cells
                cells[0].text = label
                cells[1].text = value


def build(name: str) -> bytes:
    """The template ``name`` as .docx bytes (A4, margins of the 规范: 上3.7 下3.5 左2.8 右2.6 cm, unverified)."""
    import io

    from docx.shared import Cm

    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.top_margin, section.bottom_margin = Cm(3.7), Cm(3.5)
    section.left_margin, section.right_margin = Cm(2.8), Cm(2.6)
    normal = document.styles["Normal"]
    normal.font.size = Pt(16)
    _set_fonts(normal.element.get_or_add_rPr(), "仿宋")
    _emit(document, TEMPLATE_BLOCKS[name])
    document.core_properties.author = "smartcourt"
    out = io.BytesIO()
    document.save(out)
    return _fixed_zip(out.getvalue())


def _fixed_zip(data: bytes) -> bytes:
    """The same package with every member dated 1980-01-01, so rebuilding gives identical bytes."""
    import io
    import zipfile

    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(fixed, source.read(info.filename))
    return out.getvalue()


def main() -> None:
    TEMPLATES.mkdir(exist_ok=True)
    for name in TEMPLATE_BLOCKS:
        (TEMPLATES / f"{name}.docx").write_bytes(build(name))
        print(TEMPLATES / f"{name}.docx")


if __name__ == "__main__":
    main()
