"""Rule-based entities: persons with roles, organisations, places, times, numbers, goods and tools."""

from __future__ import annotations

import re
from pathlib import Path

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
MASKED_NAME = (
    rf"{SURNAME}(?:某[某甲乙丙丁戊己庚辛]|某\d(?![\d年月日号时分元个])|某|[XＸ×]{{1,3}}某?(?:\d(?![\d年月日号时分元个]))?)"
    r"(?![市县区镇乡村省路街州某])"  # 经某某市 is a place, not a person
)
# Characters that end a real (unmasked) name: prepositions, verbs and particles that follow names.
_NAME_STOP = set(
    "在于因的将从与和及、，。；：,.;:（）()等系被到来窜趁用采驾携伙以经向对把已曾均即为是也又还并共先后再所之其"
    "盗窃偷抢骗拿取发称认供犯涉持骑开住于家因现年男女生出该此上下中内外里前非"
)
ROLES = (
    "附带民事诉讼原告人|原审被告人|原审原告|原审被告|犯罪嫌疑人|被告人|被害人|被害单位|被上诉人|上诉人|委托诉讼代理人|"
    "诉讼代理人|法定代理人|辩护人|申请执行人|被执行人|再审申请人|被申请人|申请人|第三人|原告|被告|证人|公诉人|审判长|"
    "审判员|人民陪审员|书记员|法官助理|受害人|失主|车主|店主|报案人"
)
_ROLE_RE = re.compile(rf"(?P<role>{ROLES})(?!民)")
_MASKED_RE = re.compile(MASKED_NAME)
_REAL_NAME_RE = re.compile(rf"{SURNAME}[\u4e00-\u9fa5]{{1,2}}")
_LIST_JOIN = "、和与及"

_ORG_SUFFIX = (
    "人民法院|人民检察院|检察院|公安局|公安分局|分局|派出所|公安机关|侦查机关|公安民警|价格认证中心|价格认定中心|"
    "价格认证和信息检测中心|司法鉴定中心|鉴定中心|鉴定所|有限责任公司|股份有限公司|有限公司|集团公司|公司|银行(?!卡)|支行|分行|"
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

_PLACE_INTRO = (
    "窜至|窜到|蹿至|来到|走至|走到|行至|前往|位于|潜入|停放在|停在|进入|"
    "(?<![现所存放正实好还内外挂掉藏装停锁摆留])在(?!场)|(?<![以直乃甚截])至|(?<![看找遇得收受达直回])到|"
    "(?<![由关对至属等基鉴])于(?![是此该])"
)
_PLACE_RE = re.compile(rf"(?:{_PLACE_INTRO})(?=(?P<place>[^，。；：,;:！？\n]{{2,40}}))")
_PLACE_END = re.compile(
    r"(?:的(?=[\d一二两三四五六七八九十]|现金|人民币)|[（(](?=无法|经鉴定|价值|已判|另案|身份)|伺机|先后|投案|自首|布置|进行|附近被|"
    r"并|准备|入户|分别|巡逻|要求|查看|欲|打算|企图|"
    r"窜至|窜到|来到|走至|前往|进入|将|把|盗窃|盗走|窃取|窃得|盗得|偷|扒窃|趁|乘|利用|使用|采用|用(?![社卡户])|撬|从|被(?!害人)|对|向|与|跟|拿|见|发现|抓获|实施|"
    r"作案|寻找|等待|停放(?![处点区场])|购买|吸食|以|假冒|冒充|骑|驾驶|路过|遇见|看到|看见|找到|持|携带|盗|窃|偷走|抢|骗|时|"
    r"后(?![面方门侧院])|期间|过程中)"
)
_PLACE_HINT = re.compile(
    r"[省市县区镇乡村路街道巷弄号楼栋店室场园院内里处口门旁边侧前后下上房屋寓舍厂库馆宾吧厅站台所湖河山桥庄屯组社队]"
)
# 该处, 此地: a back reference; 抽屉内, 口袋里: where the goods lay, not where the act happened.
_PLACE_VAGUE = re.compile(r"^[该此那这].{0,4}$|抽屉|柜|桌|口袋|裤兜|衣兜|围裙|包内|包里|箱内")
_PLACE_REJECT = re.compile(r"过程|期间|审理|情况|时候|案发后|庭审|之后|以后|归案|到案|查获|期限|之前|网上")

_GOODS_FILE = Path(__file__).with_name("data") / "goods_nouns.txt"


def _load_goods_nouns() -> tuple[str, ...]:
    try:
        lines = _GOODS_FILE.read_text(encoding="utf-8").splitlines()
    except OSError:  # a missing data file loses the goods, never the other entities
        return ()
    words = {line.strip() for line in lines if line.strip() and not line.startswith("#")}
    return tuple(sorted(words, key=lambda w: (-len(w), w)))


#: Head nouns of commonly stolen property (``data/goods_nouns.txt``), longest first.
GOODS_NOUNS = _load_goods_nouns()
_CN_COUNT = "0-9零〇一二两三四五六七八九十百千几数"
_CLASSIFIER = "个只台辆部件条瓶包盒箱张块支把袋捆卷枚颗根套双桶头架幅副组串对斤公斤千克吨升米"
# The first-character class lets the scan skip positions where no noun can start (much faster than trying
# every alternative at every character).
GOODS_NOUN_RE = re.compile(
    f"(?=[{''.join(sorted({re.escape(w[0]) for w in GOODS_NOUNS}))}])(?:{'|'.join(re.escape(w) for w in GOODS_NOUNS)})"
    if GOODS_NOUNS
    else r"(?!)"
)
_COUNTED_RE = re.compile(rf"[{_CN_COUNT}]+(?:\.\d+)?余?[{_CLASSIFIER}]")
# Verbs after which the object is the property taken (or seized, or found in a container).
_TAKING_VERB = (
    "窃得|盗得|盗走|窃走|窃取|盗取|偷走|偷得|偷取|扒窃|盗窃了|盗窃(?![罪案作犯行手未既数价的来所得之])|骗得|骗取|抢走|"
    "抢得|拿走|拿了|偷了|搜查出|搜出|查获|起获|缴获|内有|内装|装有"
)
_TAKING_RE = re.compile(rf"(?:{_TAKING_VERB})(?P<rest>[^。；;\n！？]{{1,300}})")
# Between 将/把 and a verb of carrying off: 将被害人停放在此的电动车一辆盗走.
_CARRY_OFF = "盗走|窃走|偷走|骑走|开走|拿走|抢走|扛走|搬走|提走|推走|运走|盗窃走|带走|窃取|盗窃|偷"
_DISPOSE = "销赃|卖掉|卖给|卖至|卖到|变卖|藏匿|藏于|藏在|吊运|运至|运往"
_BEFORE_RE = re.compile(
    rf"[将把](?P<goods>(?:[^，。；;\n将把（(]|[（(][^）)]{{0,40}}[）)]){{1,300}}?)(?P<verb>{_CARRY_OFF}|{_DISPOSE})"
)
# X被…追回: the subject of a recovery is the property.
_RECOVERED_RE = re.compile(
    r"(?:^|[，。；：:\n])(?:案发后[，,]?|随后[，,]?)?(?P<goods>(?:[^，。；：:\n被]|被(?=[盗骗窃])){2,30})被[^，。；\n]{0,14}"
    r"(?:追回|缴获|查获|扣押|起获|收缴|追缴)"
)
# 经鉴定，X价值…: the subject of a valuation is the property.
_VALUED_RE = re.compile(
    r"(?:^|[，。；：:\n])(?:经[^，。；\n]{0,20}(?:鉴定|认定)[，,：:]?)?(?P<goods>[^，。；：:\n经]{2,60}?)"
    r"(?:共计|合计|均|的|共)?(?:价值|价格为|的价格)"
)
_PIECE_SPLIT = re.compile(r"[、，,]|以及|及(?!时)|和(?!田)")
# A clause that goes on listing goods has no verb of its own.
_CLAUSE_ACTION = re.compile(
    r"后|并|将|把|被|逃|离|销|卖|经|价值|用于|藏|携|骑|推|开走|回|送|到|至|在|于|共计|合计|总计|计|系|均|已|由|再|又|遂|"
    r"随后|然后|趁|发现|盗|窃|偷|抢|骗|拿|取|用|使|挥霍|报|抓|民警|公安|价格|鉴定|认定|查|供述|给|向|对|从|次|起|作案"
)
_GOODS_STOP = re.compile(
    r"(?<!等)(?:后(?![面方门座备])|并|逃离|离开|得手|变卖|销赃|被(?!害人|盗|骗|窃)|予以|用于|而|时|据为己有|占为己有|藏匿|转移|卖给|卖掉|出售|"
    r"返回|离去|价值共计|共计价值|合计价值|总价值|共计|合计|总计|以(?![上下])|[（(](?:经|价值|无法|鉴定|已|均|共)|"
    r"(?:[，,])(?:[^，,]*?)(?:后|逃|离开|挥霍)|的方式|的方法|采用|采取|作案(?!工具))"
)
_OWNER_RE = re.compile(
    r"^.*?(?:停放|放置|存放|放在|放于|挂在|停在|摆放|安装|晾晒|晾在|遗留|锁在|寄存|置于|放)"
    r"(?:[^的，,]{0,30}的(?:[^的，,]{0,8}的)?|[^的，,]{0,30}?(?=[0-9一两二三四五六七八九十]+[个只台辆部件条块双]))"
)
_ROLE_PREFIX = re.compile(
    r"^(?:了|被害人|被害单位|受害人|失主|车主|店主|其|他人|别人|内有|内装|装有|所?盗[得窃来]?的|窃得的|盗窃所得的?|"
    r"[^，。]{0,10}?价值[^，。]{0,14}?元的)+"
)
# 箱内30枚硬币, 配电箱内的电线: a container or spot in front of the goods is not part of their name.
_SPOT_PREFIX = re.compile(r"^.{1,16}?(?:内|里|中|上)的?")
_PLACE_PREFIX = re.compile(
    r"^(?:本市|本区|本县|该市|[\u4e00-\u9fa5]{2,8}?(?:省|市|自治区|自治州|州|县|区|镇|乡|街道))"
)
_PLACE_SPLIT = re.compile(r"楼顶|楼下|室内|屋内|房内|户室内|户|家中|家里|[内里上旁]|村|组|号|\*\*|的")


_PAREN_RE = re.compile(r"[（(][^（()）]*[）)]")
_MONEY_ITEM = re.compile(r"\d元|元$|人民币|现金|零钱|钱款|赃款|^现金")


def _has_goods(piece: str) -> bool:
    return bool(GOODS_NOUN_RE.search(piece) or _COUNTED_RE.search(piece) or "“" in piece)


def _split_place(piece: str) -> tuple[str, str]:
    """``(place, goods)`` when a goods phrase begins with a place: 盗窃某市某区某村楼顶蓄电池8个."""
    if _PLACE_PREFIX.match(piece) is None:
        return "", piece
    best = -1
    for m in _PLACE_SPLIT.finditer(piece):
        if _has_goods(piece[m.end() :]) and GOODS_NOUN_RE.search(piece[m.end() :]):
            best = m.end()
    if best <= 0:
        return "", piece
    place, goods = piece[:best], piece[best:]
    return place.removesuffix("的"), goods.lstrip("的")


def _trim_goods(piece: str) -> tuple[int, str]:
    """Strip owners, roles and prefixes off one listed item; return its offset in ``piece`` and its text."""
    offset = 0
    owner = _OWNER_RE.match(piece)
    if owner is not None and _has_goods(piece[owner.end() :]):
        offset = owner.end()
    role = _ROLE_PREFIX.match(piece, offset)
    if role is not None:
        offset = role.end()
    if _PLACE_PREFIX.match(piece, offset) is None:
        spot = _SPOT_PREFIX.match(piece[offset:])
        if spot is not None and GOODS_NOUN_RE.search(piece[offset + spot.end() :]):
            offset += spot.end()
    text = piece[offset:]
    trimmed = text.rstrip("的了，,均")
    return offset, trimmed


def _listed_goods(
    text: str, start: int, chunk: str, out: list[tuple[int, str, str]], tools_first: bool
) -> None:
    """Split a goods list into items; each item with a goods noun or a count is kept (kind 'goods' or 'place')."""
    in_tools = tools_first
    masked = _PAREN_RE.sub(lambda m: "\x00" * len(m.group(0)), chunk)
    for piece_match in re.finditer(rf"(?:(?!{_PIECE_SPLIT.pattern}).)+", masked):
        pos = piece_match.start()
        piece = chunk[pos : piece_match.end()]
        if "\x00" in piece_match.group(0):
            piece = piece[: piece_match.group(0).index("\x00")]
        if in_tools and _TOOL_WORDS.search(piece) and not _COUNTED_RE.search(piece):
            continue
        in_tools = False
        offset, item = _trim_goods(piece)
        if not item or not _has_goods(item) or _MONEY_ITEM.search(item) and not GOODS_NOUN_RE.search(item):
            continue
        if item.startswith(("罪", "犯罪", "作案", "未遂", "既遂", "数额")):
            continue
        place, goods = _split_place(item)
        item_start = start + pos + offset
        if place:
            out.append((item_start, place, "place"))
            item_start += item.index(goods)
            item = goods
        out.append((item_start, item, "goods"))


def _theft_objects(norm: NormalizedText) -> list[tuple[int, str, str]]:
    """Stolen goods (and places named inside the object phrase) as ``(start, text, kind)``."""
    text = norm.text
    out: list[tuple[int, str, str]] = []
    for m in _TAKING_RE.finditer(text):
        rest = m.group("rest")
        first, _, tail = rest.partition("，")
        chunk = first
        while tail:  # a following clause that only lists more goods continues the list
            nxt, _, after = tail.partition("，")
            body = re.sub(r"^(?:及|和|以及|还有|另有|内装|内有|装有)", "", nxt)
            listing = _has_goods(body) or (body != nxt and _MONEY_ITEM.search(body))
            if not body or _CLAUSE_ACTION.search(body) or not listing:
                break
            chunk += "，" + nxt
            tail = after
        masked = _PAREN_RE.sub(lambda p: "\x00" * len(p.group(0)), chunk)
        cut = _GOODS_STOP.search(masked)
        if cut is not None:
            chunk = chunk[: cut.start()]
        _listed_goods(text, m.start("rest"), chunk, out, chunk.startswith("作案工具"))
    for m in _BEFORE_RE.finditer(text):
        chunk = m.group("goods")
        if m.group("verb") in _DISPOSE and not GOODS_NOUN_RE.search(chunk):
            continue
        cut = re.search(r"以(?![上下])|采用|采取|用(?!户)|(?<!等)后|向|[（(]", chunk)
        if cut is not None:
            chunk = chunk[: cut.start()]
        _listed_goods(text, m.start("goods"), chunk, out, False)
    for regex in (_RECOVERED_RE, _VALUED_RE):
        for m in regex.finditer(text):
            chunk = m.group("goods")
            if not GOODS_NOUN_RE.search(chunk) or re.search(
                r"[将把（(]|被(?![盗骗窃])|看到|发现|\d元|人民币", chunk
            ):
                continue
            _listed_goods(text, m.start("goods"), chunk.removeprefix("上述"), out, False)
    unique: list[tuple[int, str, str]] = []
    reach: dict[str, int] = {}  # per kind, the end of the furthest item kept so far (items come sorted)
    for start, item, kind in sorted(out):
        if start < reach.get(kind, -1):
            continue
        reach[kind] = start + len(item)
        unique.append((start, item, kind))
    return unique


_TOOL_RE = re.compile(
    r"(?:作案工具|使用|采用|采取|利用|用|持|携带|拿)(?P<tool>[^，。；：,;:！？\n]{1,24}?)"
    r"(?=将|把|撬|打开|剪|割|切|砸|插|拨|开启|破坏|烧|扯|捅|刺|砍|打|击|划|钻|钩|钓|套|导|抽|吸|并|等(?:作案)?工具|，|。|$)"
)
_TOOL_TAIL = re.compile(r"等(?:作案)?工具")
_TOOL_REJECT = re.compile(r"(?:手段|方式|方法|办法)$|^工具$")
# 驾驶三轮车将…运走, 驾车行至…: the vehicle used for the theft.
_DRIVE_RE = re.compile(
    r"(?:驾驶|驾)(?P<tool>[^，。；,;、\n]{0,12}?车)(?=到|至|行至|来到|窜至|将|把|运|前往|，)"
)
_TOOL_WORDS = re.compile(
    r"钥匙|扳手|起子|启子|螺丝刀|管|改锥|钳|剪|刀|锯|锤|撬棍|撬杠|铁棍|棍|棒|打火机|钩|杆|竿|丝|卡片|卡|梯|绳|胶带|针|锥|电筒|手套|车"
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
        if TIME_RE.match(chunk) or _ROLE_RE.match(chunk) or _PLACE_VAGUE.search(chunk):
            continue
        if m.group(0) == "进入" and len(chunk) < 4:
            continue
        _add(found, norm, EntityKind.PLACE, start, start + len(chunk))
        last_end = start + len(chunk)
    return found


def find_goods(norm: NormalizedText) -> list[Entity]:
    """Stolen goods: objects of taking verbs (窃得…, 盗走…, 将…盗走), recovered or valued property, one per item."""
    return [e for e in _object_entities(norm) if e.kind is EntityKind.STOLEN_GOODS]


def find_object_places(norm: NormalizedText) -> list[Entity]:
    """Places written inside a taking verb's object: 盗窃某市某区某厂楼顶蓄电池 names 某市某区某厂楼顶."""
    return [e for e in _object_entities(norm) if e.kind is EntityKind.PLACE]


def _object_entities(norm: NormalizedText) -> list[Entity]:
    found: list[Entity] = []
    for start, item, kind in _theft_objects(norm):
        entity_kind = EntityKind.STOLEN_GOODS if kind == "goods" else EntityKind.PLACE
        _add(found, norm, entity_kind, start, start + len(item))
    return found


def find_tools(norm: NormalizedText) -> list[Entity]:
    """Tools of the offence (用扳手打开…, 作案工具螺丝刀, 驾驶三轮车将…运走), one entity per tool."""
    text = norm.text
    found: list[Entity] = []
    for m in _TOOL_RE.finditer(text):
        start = m.start("tool")
        chunk = m.group("tool")
        tail = _TOOL_TAIL.match(text, m.end("tool"))
        if tail is not None:  # 扳手、启子等工具: every listed item is a tool
            chunk += tail.group(0)
        elif not _TOOL_WORDS.search(chunk):
            continue
        pos = start
        for piece in re.split(r"([、和及与])", chunk):
            if piece and piece not in "、和及与":
                owner = piece.rfind("的")
                offset = owner + 1 if owner != -1 and owner < len(piece) - 1 else 0
                name = piece[offset:]
                if (tail is not None or _TOOL_WORDS.search(name)) and not _TOOL_REJECT.search(name):
                    _add(found, norm, EntityKind.TOOL, pos + offset, pos + len(piece))
            pos += len(piece)
    if _TAKING_RE.search(text):
        for m in _DRIVE_RE.finditer(text):
            tool = m.group("tool")
            if not re.search(r"盗|窃|骗|抢|被害人", tool):
                _add(found, norm, EntityKind.TOOL, m.start("tool"), m.end("tool"))
    found.sort(key=lambda e: e.span)
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
        + _object_entities(norm)
        + find_tools(norm)
        + find_numbers(norm)
    )
    found.sort(key=lambda e: (e.span, e.kind))
    return found
