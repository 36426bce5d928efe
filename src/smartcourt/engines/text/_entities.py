"""Rule-based entities: persons with roles, organisations, places, times, numbers, goods and tools."""

from __future__ import annotations

import re

from stdnum import luhn
from stdnum.cn import ric

from ._types import Entity, EntityKind
from ._width import NormalizedText

# 百家姓: the common single surnames and the compound ones.
_SINGLE_SURNAMES = (
    "赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜戚谢邹喻柏水窦章云苏潘葛奚范彭郎鲁韦昌马苗凤花方"
    "俞任袁柳酆鲍史唐费廉岑薛雷贺倪汤滕殷罗毕郝邬安常乐于时傅皮卞齐康伍余元卜顾孟平黄和穆萧尹姚邵湛汪祁毛禹狄米贝明臧"
    "计伏成戴谈宋茅庞熊纪舒屈项祝董梁杜阮蓝闵席季麻强贾路娄危江童颜郭梅盛林刁钟徐邱骆高夏蔡田樊胡凌霍虞万支柯昝管卢莫"
    "经房裘缪干解应宗丁宣贲邓郁单杭洪包诸左石崔吉钮龚程嵇邢滑裴陆荣翁荀羊於惠甄曲家封芮羿储靳汲邴糜松井段富巫乌焦巴弓"
    "牧隗山谷车侯宓蓬全郗班仰秋仲伊宫宁仇栾暴甘钭厉戎祖武符刘景詹束龙叶幸司韶郜黎蓟薄印宿白怀蒲邰从鄂索咸籍赖卓蔺屠蒙"
    "池乔阴胥能苍双闻莘党翟谭贡劳逄姬申扶堵冉宰郦雍却璩桑桂濮牛寿通边扈燕冀郏浦尚农温别庄晏柴瞿阎充慕连茹习宦艾鱼容向"
    "古易慎戈廖庾终暨居衡步都耿满弘匡国文寇广禄阙东欧殳沃利蔚越夔隆师巩厍聂晁勾敖融冷訾辛阚那简饶空曾毋沙乜养鞠须丰巢"
    "关蒯相查后荆红游竺权逯盖益桓公覃阿仝岳帅缑亢况郈有琴归海晋楚闫法汝鄢涂钦商牟佘佴伯赏墨哈谯笪年爱阳佟练付代银肖"
)
_COMPOUND_SURNAMES = "欧阳|司马|诸葛|上官|东方|皇甫|慕容|令狐|夏侯|尉迟|公孙|长孙|宇文|司徒|轩辕|端木|独孤|南宫|西门|万俟|澹台|申屠|呼延|完颜"
SURNAME = f"(?:{_COMPOUND_SURNAMES}|[{_SINGLE_SURNAMES}])"
#: A name masked in published judgments: 张某, 张某某, 王某1, 周某甲, 郭X, 徐XX.
MASKED_NAME = rf"{SURNAME}(?:某[某甲乙丙丁戊己庚辛]|某\d(?![\d年月日号时分元个])|某|[XＸ×]{{1,3}}某?(?:\d(?![\d年月日号时分元个]))?)"
# Characters that end a real (unmasked) name: prepositions, verbs and particles that follow names.
_NAME_STOP = set(
    "在于因的将从与和及、，。；：,.;:（）()等系被到来窜趁用采驾携伙以经向对把已曾均即为是也又还并共先后再所之其"
    "盗窃偷抢骗拿取发称认供犯涉持骑开住于家因现年男女生出该此上下中内外里前非"
)
ROLES = (
    "附带民事诉讼原告人|原审被告人|原审原告|原审被告|犯罪嫌疑人|被告人|被害人|被害单位|被上诉人|上诉人|委托诉讼代理人|"
    "诉讼代理人|法定代理人|辩护人|申请执行人|被执行人|再审申请人|被申请人|申请人|第三人|原告|被告|证人|公诉人|审判长|"
    "审判员|人民陪审员|书记员|法官助理|失主|车主|店主|报案人"
)
_ROLE_RE = re.compile(rf"(?P<role>{ROLES})")
_MASKED_RE = re.compile(MASKED_NAME)
_REAL_NAME_RE = re.compile(rf"{SURNAME}[\u4e00-\u9fa5]{{1,2}}")
_LIST_JOIN = "、和与及"

_ORG_SUFFIX = (
    "人民法院|人民检察院|检察院|公安局|公安分局|分局|派出所|公安机关|侦查机关|公安民警|价格认证中心|价格认定中心|"
    "价格认证和信息检测中心|司法鉴定中心|鉴定中心|鉴定所|有限责任公司|股份有限公司|有限公司|集团公司|公司|银行|支行|分行|"
    "信用社|看守所|监狱|戒毒所|委员会|人民政府|政府|管理局|税务局|交警大队|刑警大队|大队|中队"
)
_ORG_RE = re.compile(
    rf"(?:{_ORG_SUFFIX})(?:[\u4e00-\u9fa5]{{1,8}}?(?:分局|派出所|支行|分行|营业部|大队|中队|分公司|营业所))*"
)
_ORG_LEFT_STOP = set('被在由经向至到将的和与及并后了对给从已于把让为是系，。；：、,.;:（）()“”"《》 \n\t')
_ORG_PREFIX_CUT = re.compile(
    r".*(?:扭送|寄押|送往|送至|移送|押|得|该|其|害人|日|时|分|许|自首|投案|报案|报警|临时)"
)
_ORG_BARE = {"分局", "大队", "中队", "银行", "支行", "分行", "公司", "政府"}

_CN_NUM = "0-9零〇一二两三四五六七八九十"
_DATE_CORE = (
    rf"(?:\d{{4}}|[零〇一二三四五六七八九]{{4}})年(?:(?:[{_CN_NUM}]{{1,2}}、)?[{_CN_NUM}]{{1,2}}月(?:份)?(?:[{_CN_NUM}]{{1,3}}[日号])?)?"
    rf"|同年[{_CN_NUM}]{{1,2}}月(?:[{_CN_NUM}]{{1,3}}[日号])?|[{_CN_NUM}]{{1,2}}月[{_CN_NUM}]{{1,3}}[日号]"
)
_CLOCK = rf"[{_CN_NUM}]{{1,3}}[时点](?:[{_CN_NUM}]{{1,3}}分)?(?:[{_CN_NUM}]{{1,2}}秒)?"
_TIME_START = rf"(?:{_DATE_CORE}|当晚|当天|当日|次日|同日|翌日|案发当晚|{_CLOCK})"
_TIME_MOD = (
    rf"(?:{_DATE_CORE}|{_CLOCK}|初|中旬|上旬|下旬|底|末|份|间|期间|左右|前后|的一天|一天|某日|某天|的某天|的某日|某晚|"
    rf"凌晨|早上|早晨|上午|中午|下午|傍晚|晚上|晚间|晚|夜间|深夜|夜里|夜|许|多|之间|"
    rf"起?[至到](?={_DATE_CORE}|{_CLOCK}|同年|次日|[{_CN_NUM}]{{1,2}}[月日]|凌晨|晚|次日)|起|[{_CN_NUM}]{{1,2}}月份?|[{_CN_NUM}]{{1,2}}日)"
)
TIME_RE = re.compile(rf"{_TIME_START}{_TIME_MOD}*")

_PLACE_INTRO = "窜至|窜到|来到|走至|走到|行至|前往|位于|潜入|(?<![现所存放正实好还内外])在|(?<![以直乃甚截])至|(?<![看找遇得收受达直回])到"
_PLACE_RE = re.compile(rf"(?:{_PLACE_INTRO})(?=(?P<place>[^，。；：,;:！？\n]{{2,40}}))")
_PLACE_END = re.compile(
    r"(?:的(?=[\d一二两三四五六七八九十]|现金|人民币)|[（(](?=无法|经鉴定|价值|已判|另案|身份)|伺机|先后|投案|自首|布置|进行|附近被|"
    r"窜至|窜到|来到|走至|前往|进入|将|把|盗窃|盗走|窃取|窃得|盗得|偷|扒窃|趁|乘|利用|使用|采用|用|撬|从|被|对|向|与|跟|拿|见|发现|抓获|实施|"
    r"作案|寻找|等待|停放|购买|吸食|以|假冒|冒充|骑|驾驶|路过|遇见|看到|看见|找到|持|携带|盗|窃|偷走|抢|骗|时|后|期间|过程中)"
)
_PLACE_HINT = re.compile(
    r"[省市县区镇乡村路街道巷弄号楼栋店室场园院内里处口门旁边侧前后下上房屋寓舍厂库馆宾吧厅站台所湖河山桥庄屯组社队]"
)
_PLACE_REJECT = re.compile(r"过程|期间|审理|情况|时候|案发后|庭审|之后|以后|归案|到案|查获|期限|之前|网上")

_THEFT_VERB = "窃得|盗得|盗走|窃走|窃取|偷走|偷得|扒窃|盗窃|骗得|骗取|抢走|抢得|抢劫|抢夺|拿走|偷取"
_GOODS_AFTER_RE = re.compile(rf"(?:{_THEFT_VERB})(?P<goods>[^，。；：,;:！？\n]{{1,40}})")
_GOODS_BEFORE_RE = re.compile(
    r"将(?P<goods>[^，。；：,;:！？\n将]{1,40}?)(?:盗走|窃走|偷走|骑走|开走|拿走|抢走|扛走|搬走|提走|盗窃|窃取)"
)
_GOODS_END = re.compile(
    r"(?:后|并|等物|等财物|，|（|\(|逃离|离开|得手|变卖|销赃|被|予以|用于|而|时|据为己有|占为己有|藏匿|转移|卖给|卖掉|出售|返回|离去|价值)"
)
_GOODS_PREFIX = re.compile(r"^(?:了|被害人|其|他人|别人)+")
_TOOL_RE = re.compile(
    r"(?:作案工具|使用|采用|利用|用|持|携带|拿)(?P<tool>[^，。；：,;:！？\n]{1,16}?)"
    r"(?=将|把|撬|打开|剪|割|砸|插|拨|开启|破坏|烧|扯|捅|刺|砍|打|击|划|钻|钩|钓|套|并|等工具|，|。|$)"
)
_TOOL_WORDS = re.compile(
    r"钥匙|扳手|起子|螺丝刀|改锥|钳|剪|刀|锯|锤|撬棍|撬杠|铁棍|棍|棒|打火机|钩|杆|竿|丝|卡片|卡|梯|绳|胶带|针|锥|电筒|手套|车"
    r"|工具|作弊器|解码器|万能|钢筋|砖|石头|铁锹|扫描器|干扰器"
)

_ID_RE = re.compile(r"(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])")
_PHONE_RE = re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)")
_CARD_RE = re.compile(r"(?<!\d)\d{16,19}(?!\d)")
_PLATE_RE = re.compile(
    r"[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼][A-Z][·•]?[A-Z0-9*×Xx]{4,6}(?![A-Za-z0-9])"
)


def _add(
    out: list[Entity], norm: NormalizedText, kind: EntityKind, start: int, end: int, role: str = ""
) -> None:
    s, e = norm.original_span(start, end)
    if e > s:
        out.append(Entity(kind, norm.original[s:e], (s, e), role))


def _real_name_end(text: str, start: int) -> int:
    """End of an unmasked name at ``start``: the surname and one or two more characters before a stop."""
    m = _REAL_NAME_RE.match(text, start)
    if m is None:
        return start
    end = m.end()
    while end > start + 2 and text[end - 1] in _NAME_STOP:
        end -= 1
    if text[end - 1] in _NAME_STOP:
        return start
    return end


def _name_at(text: str, pos: int) -> int:
    """End of the name that starts at ``pos``, or ``pos`` if none does."""
    m = _MASKED_RE.match(text, pos)
    if m is not None:
        return m.end()
    return _real_name_end(text, pos)


def find_persons(norm: NormalizedText) -> list[Entity]:
    """Persons after a role word (with coordinated names: 被告人张某、李某) and masked names anywhere."""
    text = norm.text
    found: list[Entity] = []
    covered: set[int] = set()
    for m in _ROLE_RE.finditer(text):
        role = m.group("role")
        pos = m.end()
        while True:
            end = _name_at(text, pos)
            if end == pos:
                break
            _add(found, norm, EntityKind.PERSON, pos, end, role)
            covered.add(pos)
            if end < len(text) and text[end] in _LIST_JOIN:
                pos = end + 1
                continue
            break
    for m in _MASKED_RE.finditer(text):
        if m.start() in covered:
            continue
        _add(found, norm, EntityKind.PERSON, m.start(), m.end())
    found.sort(key=lambda e: e.span)
    return found


def find_organizations(norm: NormalizedText) -> list[Entity]:
    """Courts, procuratorates, police, price-appraisal centres, companies and banks, with their place prefix."""
    text = norm.text
    found: list[Entity] = []
    last_end = -1
    for m in _ORG_RE.finditer(text):
        if m.group(0) == "公安民警":
            continue
        start = m.start()
        while (
            start > 0
            and m.end() - start < 30
            and text[start - 1] not in _ORG_LEFT_STOP
            and start - 1 >= last_end
        ):
            start -= 1
        prefix = text[start : m.start()]
        role = _ROLE_RE.search(prefix)
        if role is not None:
            start += role.end()
            prefix = text[start : m.start()]
        cut = _ORG_PREFIX_CUT.match(prefix)
        if cut is not None:
            start += cut.end()
        if start == m.start() and m.group(0) in _ORG_BARE:
            continue
        _add(found, norm, EntityKind.ORGANIZATION, start, m.end())
        last_end = m.end()
    return found


def find_times(norm: NormalizedText) -> list[Entity]:
    """Points and periods of time: 2018年6月8日5时许, 同年8月28日期间, 当晚21时许."""
    found: list[Entity] = []
    for m in TIME_RE.finditer(norm.text):
        _add(found, norm, EntityKind.TIME, m.start(), m.end())
    return found


def find_places(norm: NormalizedText) -> list[Entity]:
    """Places after 在/至/窜至/来到 …, up to the action that happens there."""
    text = norm.text
    found: list[Entity] = []
    last_end = -1
    for m in _PLACE_RE.finditer(text):
        start = m.start("place")
        if start < last_end:
            continue
        chunk = m.group("place")
        cut = _PLACE_END.search(chunk, 1)
        if cut is not None:
            chunk = chunk[: cut.start()]
        chunk = chunk.rstrip("的了")
        if len(chunk) < 2 or not _PLACE_HINT.search(chunk) or _PLACE_REJECT.search(chunk):
            continue
        if TIME_RE.match(chunk) or _ROLE_RE.match(chunk):
            continue
        _add(found, norm, EntityKind.PLACE, start, start + len(chunk))
        last_end = start + len(chunk)
    return found


def find_goods(norm: NormalizedText) -> list[Entity]:
    """Stolen goods after a theft verb (窃得…, 盗走…) or between 将 and 盗走."""
    text = norm.text
    found: list[Entity] = []
    for regex in (_GOODS_AFTER_RE, _GOODS_BEFORE_RE):
        for m in regex.finditer(text):
            start, chunk = m.start("goods"), m.group("goods")
            if regex is _GOODS_AFTER_RE:
                cut = _GOODS_END.search(chunk)
                if cut is not None:
                    chunk = chunk[: cut.start()]
                if chunk.startswith("罪") or chunk.startswith("犯罪"):
                    continue
            prefix = _GOODS_PREFIX.match(chunk)
            if prefix is not None:
                start += prefix.end()
                chunk = chunk[prefix.end() :]
            chunk = chunk.rstrip("的了")
            if not chunk or chunk in ("的", "了"):
                continue
            _add(found, norm, EntityKind.STOLEN_GOODS, start, start + len(chunk))
    found.sort(key=lambda e: e.span)
    return found


def find_tools(norm: NormalizedText) -> list[Entity]:
    """Tools of the offence (用扳手打开…, 作案工具螺丝刀), one entity per tool."""
    text = norm.text
    found: list[Entity] = []
    for m in _TOOL_RE.finditer(text):
        start = m.start("tool")
        chunk = m.group("tool")
        if not _TOOL_WORDS.search(chunk):
            continue
        pos = start
        for piece in re.split(r"([、和及与])", chunk):
            if piece and piece not in "、和及与" and _TOOL_WORDS.search(piece):
                _add(found, norm, EntityKind.TOOL, pos, pos + len(piece))
            pos += len(piece)
    return found


def find_numbers(norm: NormalizedText) -> list[Entity]:
    """ID numbers (GB 11643 check digit), mobile phones, bank cards (Luhn) and licence plates."""
    text = norm.text
    found: list[Entity] = []
    ids: list[tuple[int, int]] = []
    for m in _ID_RE.finditer(text):
        if ric.is_valid(m.group(0)):
            ids.append(m.span())
            _add(found, norm, EntityKind.ID_NUMBER, m.start(), m.end())
    for m in _PHONE_RE.finditer(text):
        _add(found, norm, EntityKind.PHONE, m.start(), m.end())
    for m in _CARD_RE.finditer(text):
        if m.span() not in ids and luhn.is_valid(m.group(0)):
            _add(found, norm, EntityKind.BANK_CARD, m.start(), m.end())
    for m in _PLATE_RE.finditer(text):
        _add(found, norm, EntityKind.LICENSE_PLATE, m.start(), m.end())
    found.sort(key=lambda e: e.span)
    return found


def find_entities(norm: NormalizedText) -> list[Entity]:
    """All entity kinds, sorted by span."""
    found = (
        find_persons(norm)
        + find_organizations(norm)
        + find_times(norm)
        + find_places(norm)
        + find_goods(norm)
        + find_tools(norm)
        + find_numbers(norm)
    )
    found.sort(key=lambda e: (e.span, e.kind))
    return found
