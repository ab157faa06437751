"""Person names: titles stripped, roster names found with spaCy, a surname fallback.

spaCy's ``blank("zh")`` uses the character segmenter (no download; jieba would
split names such as 由于洋 wrongly). The branch roster becomes PERSON patterns
for an EntityRuler, one token per character, so a roster name is found wherever
it stands. Without a roster, a name is cut from a phrase by stripping titles and
anchoring on a known surname.

OCR misreads about one character in ten to twenty of handwriting, so for OCR text
(``fuzzy=True``) a name one character away from exactly one roster name resolves to
it with ``FUZZY_CONFIDENCE``; near two roster names it stays as read, with
``AMBIGUOUS_CONFIDENCE``. Typed text is never matched fuzzily: there a name one
character off a roster name is another person (or a typo the branch should fix).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.pipeline import EntityRuler

from core.meta import COMMITTEE_TITLES
from extractors.layout.lines import TRANSCRIBED_CHARS
from extractors.text.names import one_slip

_RANKED_POSTS = ("警长", "警员", "警司", "警督", "消防长", "消防员", "指挥长", "主任科员", "调研员", "科员")
# Titles and honorifics that may stand before or after a name (longest first).
TITLES = sorted(
    {
        "党支部书记",
        "支部书记",
        "村支书",
        "老支书",
        "支书",
        "研究员",
        "副研究员",
        "副教授",
        "讲师",
        "主任医师",
        "副主任医师",
        "医师",
        "高级工程师",
        "副总工程师",
        "备课组长",
        "教研组长",
        "总工程师",
        "护士",
        "党总支书记",
        "副书记",
        "书记",
        "组织委员",
        "宣传委员",
        "纪检委员",
        "青年委员",
        "统战委员",
        "保密委员",
        "支部委员",
        "支委",
        "委员",
        "党小组长",
        "组长",
        "班长",
        "书记员",
        "审判员",
        "法官助理",
        "检验员",
        "技术员",
        "质检员",
        "预备党员",
        "党员",
        "同志",
        "主任",
        "副主任",
        "院长",
        "副院长",
        "科长",
        "处长",
        "局长",
        "所长",
        "校长",
        "老师",
        "教授",
        "医生",
        "教师",
        "园长",
        "检察官",
        "一级检察官",
        "法官",
        "干部",
        "馆员",
        "科员",
        "年级组长",
        "副园长",
        "驾驶员",
        "队员",
        "护士长",
        "调度员",
        "党员教师",
        "经理",
        "支部",
        "党支部",
        "检察长",
        "副检察长",
        "董事长",
        "总经理",
        "副总经理",
        "主席",
        "部长",
        "队长",
        "站长",
        "社长",
        "行长",
        "馆长",
        "厂长",
        "镇长",
        "村长",
        "区长",
        "县长",
        "市长",
        "党委书记",
        "总支书记",
        "干事",
        "党务干事",
        "专干",
        "党建专干",
        "辅导员",
        "班主任",
        "秘书长",
        "负责人",
        "工程师",
        "同学",
        "博士",
        "组委",
        "宣委",
        "纪委",
        "党总支",
        "总支",
        "副校长",
        "副所长",
        "副局长",
        "副主席",
        "代表",
        "成员",
        "领导",
        "教导员",
        "指导员",
        "民警",
        "辅警",
        "法警",
        "警长",
        "网格员",
        "组织员",
        "会计",
        "出纳",
        "文书",
        "主管",
        "护师",
        "药师",
        "技师",
        "乡长",
        "村主任",
        "副队长",
        "副站长",
        "副行长",
        "副厂长",
        "副镇长",
        "副乡长",
        "副部长",
        "副科长",
        "副处长",
        "总经理助理",
        "助理",
        "工段长",
        "消防长",
        # a civil servant's post or rank, written before or after the name (公文 style: 甲股长, 乙四级主任科员)
        "股长",
        "副股长",
        "厅长",
        "副厅长",
        "司长",
        "副司长",
        "主任科员",
        "调研员",
        "巡视员",
        "副巡视员",
        # trades and posts of the non-public firms and of the service trades (律师甲, 骑手甲, 月嫂甲)
        "律师",
        "实习律师",
        "会计师",
        "注册会计师",
        "审计师",
        "设计师",
        "博士后",
        "研究生",
        "硕士生",
        "博士生",
        "本科生",
        "规培生",
        "司机",
        "骑手",
        "外卖员",
        "快递员",
        "配送员",
        "月嫂",
        "育婴师",
        "保洁员",
        "保安员",
        "店长",
        "总监",
        "副总监",
        "副总",
        "总工",
        "班组长",
        "电工",
        "焊工",
        "厨师",
        "营业员",
        "业务员",
        "安全员",
        "施工员",
        "资料员",
        "项目经理",
        "副经理",
        "护工",
        "护理员",
        "药剂师",
        "康复师",
        "社工",
        "网格长",
        "楼栋长",
        "专员",
        # a trainee of a training class's temporary branch (学员祁晚舟)
        "学员",
        # posts of hospitals, transport, forests and shops written before a name (助产士甲, 列车长乙)
        "助产士",
        "主治医师",
        "住院医师",
        "检验师",
        "村医",
        "列车长",
        # a shift worker's post (车长 of a train, a station's 值班员, a fire brigade's 消防员)
        "车长",
        "值班员",
        "值班长",
        "副司机",
        "检车员",
        "列检员",
        "线路工",
        "信号工",
        "巡道工",
        "消防员",
        "协警",
        "乘务员",
        "乘务长",
        "主任乘务长",
        "副驾驶",
        "飞行员",
        "机械师",
        "教员",
        "船长",
        "机长",
        "交警",
        "保管员",
        "炊事员",
        "售票员",
        "化验员",
        "操作员",
        "分拣员",
        "巡逻员",
        "护林员",
        "管护员",
        "讲解员",
        "导游",
        "教练",
        "主播",
    }
    # a rank of the police, the fire service and the civil service: 三级警长, 一级消防长, 四级主任科员
    | {f"{rank}级{post}" for rank in "一二三四" for post in _RANKED_POSTS},
    key=lambda title: (-len(title), title),  # longest first; ties in a fixed order, not the hash seed's
)
AUTHORIZED_TITLES = COMMITTEE_TITLES

# Single-character surnames (the common ones) and compound surnames.
SURNAMES = set(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任"
    "沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴"
    "莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯"
    "纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉"
    "缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇"
    "桑郎甄丛仲虞敖巩明佘池查麻苑迟邝傅"
    # less common ones (Hundred Family Surnames)
    "芮邴暴蔺厉戈鞠阚钮裘巴弓牧隗宓蓬郗班仰秋伊钭戎祖幸韶郜蓟薄印宿怀邰鄂索咸籍赖屠郁胥苍闻莘"
    "贡逄扶堵宰郦雍璩濮寿扈燕冀郏浦慕茹宦鱼庾暨衡弘匡寇禄阙殳沃蔚夔隆厍晁勾訾毋乜巢蒯荆竺逯桓眭"
    "揭颛仝亢况帅缑钦曹"
    # more modern ones (and Cantonese/Hakka ones: 冼 谌 植 湛 禤)
    "计伏荀惠封储井富乌阎冼谌邸昝雒酆茅滑麴汲糜郇植湛禤贲粟练旷晋仉续尧凤禚郄笪亓沐贝权杭花习官鄢居言容奚廉萧禹狄谈洪诸嵇羿昌皮束慎满丰於海"
    "栗危乐檀庹冶郤谯辜菅闭丘姒盖尉鹿佴蒉楚苻郈鄞郯邗虢琚"
    # Korean-Chinese ones
    "朴玄"
    # rare ones that open no everyday word
    "闾杞甫侍靖卯"
    # regional ones (蹇 of Sichuan and Guizhou)
    "漆綦汝喇俸贠蹇甯茆"
)
# surnames that are also everyday characters (普通, 木工, 记者, 来了): a name only after a title
# (支部书记普发荣, 所长母德全), never guessed from running text
RARE_SURNAMES = frozenset(
    "母普者木锁来寸豆都保字是过能要纳撒哈虎相从信门巨双刀宣羊云那衣原占代盘展冒税渠步妥线拓区元干"
    "敬但阴黑达战开逢鲜水楼修朗初经"
)
# ... of which those also read glued to a reason in an absence statement: the ones opening no word that starts a
# clause (not 都 保 来 要 是 过 能 豆 相 从 信 门 双 …: 都按时参加, 要求大家…, 相关, 从事, 信息, 门口, 双休)
GLUED_RARE_SURNAMES = frozenset("母普者木锁寸字纳撒哈虎巨")
assert GLUED_RARE_SURNAMES <= RARE_SURNAMES


def named_alone(chunk: str) -> str | None:
    """``chunk`` when it is, by itself, a three-character name whose surname is an everyday
    character (由母德全主持: the whole of what names the presider), or whose given name ends in a
    character that ends words of running text (主持:党支部书记 龙慧中; 会议中 is no name), else None."""
    text = _particles(chunk.removesuffix("同志"))
    if len(text) != 3 or not _NAME_CHARS.match(text) or text[:2] in _RARE_SURNAME_WORDS:
        return None
    if text[0] in RARE_SURNAMES and _given_ok(text[1:]):
        return text
    ends_words = text[0] in SURNAMES and text[2] in ALONE_LAST and text[1] not in NOT_GIVEN
    return text if ends_words else None


# characters that end a given name only where the name stands alone (龙慧中, 王建中: not 方案中)
ALONE_LAST = frozenset("中")


# rare surnames that open no everyday function word: a three-character chunk opening with one is
# that name as a whole (not 都是, 来自, 要求 …)
_WHOLE_RARE_SURNAMES = GLUED_RARE_SURNAMES | frozenset("云刀羊")

# everyday words opening with a rare surname (母亲做手术 is no 母亲做)
_RARE_SURNAME_WORDS = frozenset(
    {
        "干部",
        "干事",
        "干活",
        "干净",
        "干旱",
        "干警",
        "干线",
        "干啥",
        "干什",
        "干劲",
        "干预",
        "干群",
        "干校",
        "干燥",
        "干完",
        "干好",
        "元旦",
        "元月",
        "元宵",
        "元素",
        "元年",
        "元老",
        "元件",
        "区委",
        "区里",
        "区域",
        "区别",
        "区分",
        "区县",
        "区级",
        "区长",
        "区直",
        "区内",
        "区外",
        "区政",
        "区划",
        "母亲",
        "母女",
        "母子",
        "母婴",
        "普通",
        "普遍",
        "普查",
        "普及",
        "木工",
        "木材",
        "木匠",
        "纳入",
        "纳税",
        "锁定",
    }
    | {"者的", "虎年", "字号", "都是", "都在", "保持", "保障", "来自", "要求", "是否", "过去", "能够"}
    | {"云南", "云端", "云上", "云计", "云平", "羊肉", "羊毛", "羊群", "刀具", "刀片", "哈密", "撒网", "巨大"}
    | {
        "盘点",
        "展开",
        "展示",
        "展览",
        "冒雨",
        "税务",
        "税收",
        "渠道",
        "步行",
        "妥善",
        "线上",
        "线下",
        "拓展",
        "拓宽",
    }
    | {
        "衣服",
        "衣物",
        "衣着",
        "原来",
        "原则",
        "原因",
        "原有",
        "原定",
        "原计",
        "原先",
        "原本",
        "原地",
        "原文",
        "原件",
    }
    | {"占用", "占比", "占到", "占地", "代表", "代替", "代为", "代理", "代课", "代班", "代缴", "代收"}
    | {
        "水利",
        "水库",
        "水电",
        "水泥",
        "水果",
        "水管",
        "水井",
        "水田",
        "水渠",
        "水源",
        "水费",
        "水务",
        "水文",
        "水产",
    }
    | {
        "水稻",
        "水毁",
        "水位",
        "水灾",
        "水质",
        "水表",
        "水平",
        "水池",
        "水塘",
        "水厂",
        "水站",
        "水上",
        "水下",
        "水里",
    }
    | {"朗读", "朗诵", "朗朗"}
    | {
        "初步",
        "初心",
        "初中",
        "初次",
        "初期",
        "初级",
        "初稿",
        "初审",
        "初选",
        "初始",
        "初衷",
        "初春",
        "初夏",
        "初秋",
    }
    | {"初冬", "初一", "初二", "初三", "初四", "初五", "初六", "初七", "初八", "初九", "初十"}
    | {
        "经过",
        "经常",
        "经济",
        "经验",
        "经费",
        "经营",
        "经理",
        "经历",
        "经典",
        "经商",
        "经办",
        "经销",
        "经手",
        "经查",
    }
    | {
        "经研",
        "经讨",
        "经会",
        "经大",
        "经党",
        "经支",
        "经全",
        "经村",
        "经镇",
        "经组",
        "经群",
        "经民",
        "经充",
        "经认",
        "经批",
        "经审",
        "经同",
        "经申",
        "经报",
    }
    | {
        "修改",
        "修订",
        "修理",
        "修建",
        "修缮",
        "修路",
        "修好",
        "修复",
        "修正",
        "修整",
        "修剪",
        "修养",
        "修身",
        "修补",
    }
    | {
        "楼栋",
        "楼道",
        "楼长",
        "楼上",
        "楼下",
        "楼里",
        "楼前",
        "楼后",
        "楼房",
        "楼宇",
        "楼层",
        "楼顶",
        "楼梯",
        "楼盘",
    }
    | {"那个", "那天", "那些", "那里", "那么", "那时", "那位", "那次", "那边", "那样", "那儿", "那年", "那段"}
)


YI_FAMILIES = (
    "吉克",
    "阿木",
    "阿说",
    "沙马",
    "俄底",
    "曲比",
    "海来",
    "阿苏",
    "吉木",
    "勒格",
    "倮伍",
    "瓦扎",
    "木乃",
    "果基",
    "巴莫",
    "吉狄",
    "阿尔",
    "阿约",
    "阿克",
    "阿侯",
    "阿鲁",
    "曲木",
    "曲别",
    "吉伍",
    "吉史",
    "吉尔",
    "洛古",
    "布约",
    "尔古",
    "俄木",
    "巫莫",
    "莫色",
    "马黑",
    "拉马",
    "阿育",
    "阿牛",
    "罗洪",
    "阿合",
    "日火",
    "比布",
    "阿比",
    "吉则",
    "吉吉",
    "阿西",
    "加拉",
    "木苦",
)
COMPOUND_SURNAMES = (
    # the rarer ones of the 百家姓 too (not 第五 or 东门: 第五项, 东门口 are no names)
    "独孤",
    "贺兰",
    "百里",
    "谷梁",
    "羊舌",
    "微生",
    "段干",
    "漆雕",
    "壤驷",
    "仲孙",
    "叔孙",
    "亓官",
    "公西",
    "子车",
    "归海",
    "即墨",
    "欧阳",
    "司马",
    "诸葛",
    "上官",
    "东方",
    "皇甫",
    "令狐",
    "夏侯",
    "慕容",
    "尉迟",
    "长孙",
    "宇文",
    "公孙",
    "南宫",
    "闻人",
    "端木",
    "宰父",
    "西门",
    "司徒",
    "司空",
    "申屠",
    "澹台",
    "公羊",
    "公冶",
    "太史",
    "轩辕",
    "呼延",
    "钟离",
    "宗政",
    "濮阳",
    "淳于",
    "赫连",
    "拓跋",
    "鲜于",
    "闾丘",
    "东郭",
    "左丘",
    "梁丘",
    "万俟",
    "乐正",
    "公良",
    "司寇",
    "巫马",
    "颛孙",
    "单于",
    # Yi family names (家支) of Liangshan and Yunnan, written before a two-character given name
    # (吉克阿木, 阿说日火; not 马海: 马海峰 is 马 and 海峰)
    *YI_FAMILIES,
)
_NAME_CHARS = re.compile(r"^[\u4e00-\u9fff·]{2,4}$")
# Characters of units, bodies and roles that a given name (the part after the surname) never is.
NOT_GIVEN = set(
    "部会员委组支总党们体家议上中下后时间各本该全集团院校局处科室队站所司厂区县市省乡镇村社面式我你他她咱誓值了"
)
NOT_NAMES = {"全体", "全体党员", "大家", "支部", "会议", "本次", "党员", "同志们", "项目", "程序", "班子"}
# words of party life that open with the surname 党 (不能参加…的党课,特此请假: no person 党课)
NOT_NAMES |= {
    "党课",
    "党费",
    "党日",
    "党旗",
    "党建",
    "党章",
    "党史",
    "党性",
    "党纪",
    "党规",
    "党风",
    "党务",
    "党龄",
    "党徽",
}
# ... and words of a record and a shift with a surname's first character (纪要正文 / 夜班连班 / 对重点段落逐句作了讲解)
NOT_NAMES |= {"纪要", "连班", "段落"}
# ... and with the surname 时 (时差原因请假: no person 时差)
NOT_NAMES |= {"时差", "时间", "时候", "时期", "时段", "时长", "时效"}
# ... and with the surname 尚 (…转院至省人民医院,尚未返回: no person 尚未返)
NOT_NAMES |= {"尚未", "尚在", "尚无", "尚需", "尚且", "尚不"}
# ... and kin words with a surname's first character (照顾住院的孙子: no person 孙子)
NOT_NAMES |= {"孙子", "孙女", "孙儿", "孙辈", "孙媳", "孙女婿", "外孙", "外孙女", "毛孩子", "童年", "童鞋"}
# ... and a side of the body with the surname 左 (工伤休养,左手指骨折: no person 左手指)
NOT_NAMES |= {f"{side}{part}" for side in "左右" for part in "手脚腿臂膝肩眼耳腕踝髋腰胸肋"}
# ... and illnesses that open with a surname (县医院住院,白内障手术: no person 白内障)
NOT_NAMES |= {"白内障", "白血病", "高血压", "高血糖", "高血脂", "高烧", "房颤", "黄疸", "甲亢", "甲减"}
# everyday words that open with a surname (关于领誓人:… / 领誓人:当天没有安排)
NOT_NAMES |= {
    "关于",
    "对于",
    "至于",
    "安排",
    "方面",
    "方案",
    "方法",
    "方式",
    "方便",
    "方向",
    "方针",
    "通过",
    "经过",
    "余下",
    "明确",
    "商定",
    "商量",
    "商议",
    "商讨",
    "商谈",
}
# ... and of work and the road (尚红英,车辆当天年检: no person 车辆)
NOT_NAMES |= {"车辆", "车间", "车队", "车上", "高速", "高温", "单位", "单据", "路上", "家里", "家中", "段里"}
NOT_NAMES |= {"车子"}  # 车子坏在半路没赶回来
NOT_NAMES |= {"齐声", "齐心", "齐唱", "齐读", "齐诵"}  # 与会党员齐声跟读: in unison, no person 齐声
# the tail of a campaign's or a study's name read as a surname's guess (党纪学习教育: no 习教育)
NOT_NAMES |= {"习教育", "习贯彻", "习宣传", "习领会", "习研讨"}
NOT_NAMES |= {"段长"}  # 工段长: a post, no 段 named 长 (but 段长庚 is a name)
# a person referred to by surname and title (褚书记) read as the name written elsewhere: one step
# removed from what is written (a name read as written is 1.0), still above the trust line
REFERRED_CONFIDENCE = 0.9


def strip_titles_front_only(chunk: str) -> str:
    """``chunk`` without 同志, particles and the titles before a surname-and-title reference
    (组织委员乜委员 -> 乜委员); the reference's own title stays."""
    text = _particles(chunk.removesuffix("同志"))
    while (m := re.match(rf"^(?:{SHORT_TITLES}|支部|党支部|组织|宣传|纪检)", text)) and len(text) > len(
        m.group()
    ) + 2:
        text = text[m.end() :]
    return text


# words of time that open with a surname (上夜班,白天补休: no person 白天)
TIME_WORDS = frozenset(
    {"白天", "明天", "明早", "明晚", "明年", "全天", "全年", "常年", "时常", "晚上", "早上"}
    | {"当天", "当日", "当晚", "那天", "那日", "周末", "周日", "周六", "后天", "年底", "年初", "年后"}
    | {"凌晨", "清晨", "傍晚", "深夜", "半夜", "午夜", "晚间", "夜间"}  # (凌晨做完升级后调休: no person 凌晨)
)
NOT_NAMES |= TIME_WORDS | {"班子", "班组", "班长", "应到", "应出", "应参"}  # (支委班子带头学: no person 班子)
# ... except in the middle of a three-character name (尤家旺, 李中华, 晁镇岳), never at its end (王家, 李中)
GIVEN_MIDDLE = set("家中镇")
# ... and 全 or 本 at the end of a two-character given name (母德全, 李文全, 乔立本)
GIVEN_LAST = set("全本")


# what 本 opens a word with (本人, 本次, 本月 …): no given name 本X
_AFTER_BEN = frozenset("人次月周年届期季单科地级职身来着想应能是就已也都")

# the first characters of the given names that end in 中 (振中, 建中, 国中 …)
_BEFORE_ZHONG = frozenset("振建国卫志兴正宏立保伟忠守永明文世庆锦耀泽培广延秉致")


# what follows 全 in a given name and opens no word with it (全胜, 全福, 全友…; not 全体, 全国, 全面)
_AFTER_QUAN = frozenset("胜福友喜林忠兴才德生有成海宝贵顺发礼义仁根山禄")


# the endings of everyday nouns, never a one-character given name (租的房子, 石头, 江边)
_NOUN_ENDINGS = frozenset("子头边")


def _given_ok(given: str) -> bool:
    """Whether ``given`` (the name after its surname) can be a given name."""
    bad = NOT_GIVEN & set(given)
    if given.endswith("没"):
        return False  # 周岚没(到): the negation of the act after the name ends no name
    if given in _NOUN_ENDINGS or re.match(r"第[一二三四五六七八九十\d]", given):
        return False  # 房子, 包子, 石头, 江边: a word; 司第一 (公司第一党支部): an ordinal, no given name
    if len(given) == 2 and given[-1] in GIVEN_LAST and given[0] not in NOT_GIVEN:
        return True  # 德全, 文全 (全 opens 全体, never ends a given name's first character's word)
    if len(given) == 2 and given[-1] == "中" and given[0] in _BEFORE_ZHONG:
        return True  # 房振中, 王建中 (not 活动中, 学习中: no name's first character before 中)
    if len(given) == 2 and given[0] == "本" and given[1] not in NOT_GIVEN | _AFTER_BEN:
        return True  # 姚本富, 李本善 (not 张三本人, 王某本次: 本 opening a word)
    if len(given) == 2 and given[0] == "全" and given[1] in _AFTER_QUAN:
        return True  # 邝全胜, 王全福 (not 全体, 全部, 全国: 全 opening a word)
    return not bad or (len(given) == 2 and bad <= GIVEN_MIDDLE and given[-1] not in NOT_GIVEN)


FUZZY_CONFIDENCE = 0.85  # one OCR slip away from exactly one roster name
AMBIGUOUS_CONFIDENCE = 0.5  # one slip away from several roster names: kept as read, not trusted


@dataclass(frozen=True)
class PersonHit:
    name: str
    start: int
    end: int
    on_roster: bool
    confidence: float = 1.0  # how sure the name is the one written (fuzzy roster matches < 1)


@lru_cache(maxsize=8192)
def strip_titles(chunk: str) -> str:
    """Remove titles, 同志 and particles around a name: '支部书记李光振同志' -> '李光振'."""
    text = _particles(chunk)
    while text and (stripped := _one_title_off(text)) != text:
        text = _particles(stripped)
    return text


# a student's cohort or year written before the name: 2021级喻蓁 / 2022级制药工程专业诸晴川 / 研二X / 博三X
# (not 大三班陈雪: a kindergarten class)
COHORT_WORDS = (
    r"(?:(?:(?:19|20)?\d{2}|[〇零一二三四五六七八九]{2,4})级(?:[\u4e00-\u9fff]{2,10}?专业)?|研[一二三]|博[一二三四五]|大[一二三四](?![班级]))"
    r"(?:本科生|研究生|博士生|硕士生|学生)?"
)
COHORT = re.compile(rf"^{COHORT_WORDS}")


def _one_title_off(text: str) -> str:
    """``text`` less the longest title it opens or ends with (主任会计师X: 主任, then 会计师, never
    会计), with more than the title left; or less the student's cohort it opens with."""
    if (m := COHORT.match(text)) and len(text) > m.end() + 1:
        return text[m.end() :]
    if numbered := numbered_head_end(text):  # 一班长黄志强 / 三排长X: a numbered unit's head
        return text[numbered:]
    for title in TITLES:
        if len(text) > len(title) and text.startswith(title):
            return text[len(title) :]
        if len(text) > len(title) and text.endswith(title):
            rest = text[: -len(title)]
            unit = next((u for u in _UNITS_BEFORE_TITLE if rest.endswith(u) and len(rest) - len(u) >= 2), "")
            return rest[: len(rest) - len(unit)]  # 蒲德茂村党支部书记: the village's, not the name's
    return text


_ORDINALS = frozenset("一二三四五六七八九十")


def numbered_head_end(text: str) -> int:
    """Where a numbered unit's head (一班长, 三排长) opening ``text`` before more than one character
    ends; 0 when it opens with none."""
    if text[:1] not in _ORDINALS:
        return 0
    title = next((t for t in TITLES if text.startswith(t, 1) and len(text) > len(t) + 2), None)
    return 1 + len(title) if title else 0


# the unit a title written after a name opens with: 蒲德茂 村党支部书记 / 韦某 社区党委书记
_UNITS_BEFORE_TITLE = ("社区", "街道", "村", "镇", "乡")


def _particles(text: str) -> str:
    """``text`` without the particles around it; a 和 ending it stays when it ends a name
    (聂万和, 聂清和, 诸葛清和: no second name follows it)."""
    text = text.strip("由在与及、,:的了")
    if text.startswith("和") and (len(text) != 3 or text[1:2] in SURNAMES or text[1:3] in COMPOUND_SURNAMES):
        text = text[1:]  # 和李四 (and 李四), not the name 和建华 alone
    if (
        text.endswith("和")
        and not _ENDS_IN_HE.search(text)
        and not _ends_in_parts_name(text)
        and len(transcribed_run(text, None) or "") < 5  # 斯琴额日和: the last of a long transcribed name
        and text[-4:-2] not in COMPOUND_SURNAMES  # 诸葛清和: a compound surname's given name
    ):
        text = text[:-1].strip("由在与及、,:的了")
    return text


def _ends_in_parts_name(text: str) -> bool:
    """Whether ``text`` ends in a name of common name parts ending in 和 (组织委员巴图孟和)."""
    return any(_parts_name(text[i:]) for i in range(max(0, len(text) - 8), len(text) - 2))


# a given name ending in 和 (万和, 清和, 春和): a surname, one character, 和, nothing after
_ENDS_IN_HE = re.compile(r"(?:^|[^\u4e00-\u9fff]|(?<=员|长|记|师|任|志))[\u4e00-\u9fff]{2}和$")


# names of the minority regions, which no surname anchors:
# a transcribed name with its middle dot (艾尼瓦尔·吐尔逊, 阿依古丽·买买提) …
NAME_DOT = "[·•・‧]"  # the middle dot between the parts of a transcribed name, as typed
_DOTTED = re.compile(rf"^[\u4e00-\u9fff]{{1,6}}{NAME_DOT}[\u4e00-\u9fff]{{1,8}}$")
# … and Tibetan, Mongolian and Dai names written without one, made of common name parts
# (旦增平措, 尼玛扎西, 额尔敦巴特尔, 图门吉日嘎拉, 岩罕, 玉香)
NAME_PARTS = frozenset(
    (
        # more Tibetan parts, common in the pastoral regions
        "朗加",
        "央拉",
        "旦达",
        "达娃",
        "央吉",
        "普琼",
        "索南",
        "丹珠",
        "欧珠",
        "边珍",
        "次珍",
        "德央",
        "央珍",
        "尼珍",
        "加央",
        "群宗",
        "曲吉",
        "旺久",
        "吉宗",
        "扎西",
        "次仁",
        "旦增",
        "丹增",
        "尼玛",
        "平措",
        "卓玛",
        "多吉",
        "格桑",
        "拉姆",
        "央宗",
        "白玛",
        "顿珠",
        "索朗",
        "洛桑",
        "达瓦",
        "普布",
        "德吉",
        "曲珍",
        "强巴",
        "桑珠",
        "边巴",
        "仁增",
        "群培",
        "次旦",
        "巴桑",
        "阿旺",
        "益西",
        "土登",
        "措姆",
        "拉巴",
        "米玛",
        "旺堆",
        "罗布",
        "央金",
        "次央",
        "琼达",
        "德庆",
        "卓嘎",
        "贡布",
        "嘎玛",
        "洛珠",
        "扎巴",
        "朗杰",
        "玉珍",
        "曲措",
        "桑杰",
        "才让",
        "才旦",
        "仁青",
        "拉珍",
        "旺姆",
        "加措",
        "嘉措",
        "巴特尔",
        "宝音",
        "图",
        "额尔敦",
        "图门",
        "吉日嘎拉",
        "其其格",
        "乌云",
        "斯琴",
        "娜仁",
        "托娅",
        "苏和",
        "朝鲁",
        "那日苏",
        "哈斯",
        "阿拉坦",
        "布和",
        "孟和",
        "额尔德尼",
        "格日勒",
        "格日乐",
        "萨仁",
        "高娃",
        "乌兰",
        "毕力格",
        "巴雅尔",
        "敖其尔",
        "呼和",
        "查干",
        "达来",
        "特木尔",
        "满都拉",
        "吉雅",
        "阿木尔",
        "其木格",
        "塔娜",
        "图雅",
        "巴图",
        "朝格图",
        "德力格尔",
        "乌日娜",
        "萨日娜",
        "阿古拉",
        "达古拉",
        "乌仁",
        "斯日古楞",
        "道尔吉",
        "仁钦",
        "陶格陶",
        # Amdo (Qinghai, Gansu) and Kham Tibetan spellings
        "多杰",
        "东智",
        "久美",
        "旦正",
        "拉毛",
        "更登",
        "公保",
        "贡保",
        "完玛",
        "万玛",
        "周毛",
        "华旦",
        "南加",
        "本加",
        "先巴",
        "尖措",
        "昂旺",
        "官却",
        "夏吾",
        "索南",
        "桑吉",
        "吉毛",
        "措毛",
        "尕藏",
        "才仁",
        "卓尕",
        "当周",
        "角巴",
        "坚赞",
        "旦巴",
        "才加",
        "拉加",
        # Mongolian
        "巴拉",
        "乌力吉",
        "格根",
        "特古斯",
        "宝力道",
        "那顺",
        "苏日娜",
        "乌恩",
        "朝鲁门",
        "苏布达",
        "朝克图",
        "那仁",
        "阿拉腾",
        "敖敦",
        "图布信",
        "孟克",
        "娜日苏",
        "赛音",
        "通拉嘎",
        "阿茹娜",
        "萨出拉",
        "其仁",
        # Tibetan
        "达娃",
        "央宗",
        "多吉",
        "格桑",
        "白玛",
        "索朗",
        "拉姆",
        "顿珠",
        "欧珠",
        "洛桑",
        "贡嘎",
        "加央",
        "德央",
        "桑姆",
        "萨日朗",
        "额日和木",
        "敖登",
        "陶格斯",
        "曲杰",
        "曲吉",
        "泽仁",
        "泽旺",
        "江村",
        "次珠",
        "旺久",
        "旺加",
        # Uyghur and Kazakh, written without the middle dot (阿不都沙拉木, 努尔兰)
        "阿不都",
        "阿布都",
        "阿卜杜",
        "买买提",
        "麦麦提",
        "艾买提",
        "艾合买提",
        "吐尔逊",
        "吐尔洪",
        "热合曼",
        "沙拉木",
        "艾力",
        "阿力木",
        "阿里木",
        "努尔",
        "古丽",
        "阿依",
        # Uyghur women's name parts (阿尔孜古丽, 米娜瓦尔, 布维阿依谢姆)
        "阿尔孜",
        "阿孜",
        "阿娜尔",
        "帕丽",
        "米娜",
        "再娜",
        "热娜",
        "布维",
        "谢姆",
        "瓦尔",
        "排孜",
        "帕提",
        "依明",
        "吾买尔",
        "艾尔肯",
        "艾则孜",
        "库尔班",
        "玉素甫",
        "亚森",
        "肉孜",
        "托合提",
        "塔依尔",
        "玉山",
        "艾山",
        "努尔兰",
        "叶尔兰",
        "别克",
        "哈力",
        "阿斯哈尔",
        "巴合提",
        "加娜尔",
        "娜尔",
        # more Kazakh and Uyghur given names and parts (吾尔肯, 木拉提, 叶尔 + 波拉提, 米热 + 古丽)
        "吾尔肯",
        "木拉提",
        "波拉提",
        "赛力克",
        "哈森",
        "沙吾列",
        "阿尔曼",
        "马合木提",
        "达吾提",
        "巴合达尔",
        "加依达尔",
        "阿依达娜",
        "哈力木",
        "迪丽",
        "米热",
        "玛依拉",
        "热依汗",
        "吾斯曼",
        "卡德尔",
        "帕尔哈提",
        "布仁",
        # Tibetan and Mongolian parts (才让 + 吉美, 卓玛 + 仓决, 额尔德尼 + 仓, 达来 + 扎布)
        "才让",
        "吉美",
        "仓决",
        "额尔德尼",
        "其布日",
        "达来",
        "扎布",
        "阿拉腾",
        "桑布",
        # common whole names and parts of the three scripts' naming (巴雅斯古朗 = joy, 艾克拜尔, 次旺)
        "巴雅斯古朗",
        "朝伦",
        "赛汗",
        "额尔登",
        "宝力德",
        "吉日木图",
        "毕力格图",
        "乌日图",
        "阿拉坦仓",
        "艾克拜尔",
        "阿迪力",
        "阿布力孜",
        "阿不力孜",
        "吐尔地",
        "司马义",
        "热依木",
        "阿西木",
        "伊力哈木",
        "麦尔丹",
        "阿不来提",
        "吾守尔",
        "买合木提",
        "努尔比亚",
        "祖丽胡玛尔",
        "热孜万",
        "次旺",
        "赤列",
        "赤烈",
        "赤来",
        "群觉",
        "晋美",
        "曲扎",
        "玉措",
        "央措",
        "普赤",
        "东知",
        "曲宗",
        "拉宗",
        "次珍",
        "巴珠",
    )
)
# the name parts by their first character (a split tries only the parts that can start the rest)
_PARTS_BY_FIRST = {
    first: tuple(p for p in sorted(NAME_PARTS) if p[0] == first) for first in {p[0] for p in NAME_PARTS}
}
# one character closing an Amdo Tibetan name after its parts (旦正加, 拉毛措, 卓玛吉)
_FINAL_PARTS = frozenset("加措吉毛草江仓")  # (and the Uyghur 江: 玉山江, 阿力木江)
# parts that are also everyday words or places: a name only with another part (乌云 = dark clouds)
_WORD_PARTS = frozenset({"乌云", "乌兰", "德庆", "呼和", "查干", "巴拉", "格根"})
# a Dai name: 岩 (a man) or 玉 (a woman) and one or two characters, maybe after 波 (a father) or 咪
# (a mother): 岩罕, 岩三, 玉坎, 波岩坎, 咪玉香 (not 玉米, 岩石 …)
_DAI = re.compile(
    r"^(?:波|咪)?(?:[岩玉](?![米石器层洞溶])|依(?![法据照次然旧靠托规约序稀]))[\u4e00-\u9fff]{1,2}$"
)


@lru_cache(maxsize=8192)
def _parts_name(text: str) -> bool:
    """``text`` is two or more common name parts end to end (旦增平措 = 旦增 + 平措), the last
    maybe one closing character (旦正加); or one part of two characters or more standing alone
    (久美, 更登), unless that part is also an everyday word."""

    def split(rest: str, n: int) -> bool:
        if not rest:
            return n >= 2
        if n >= 1 and rest in _FINAL_PARTS:
            return True
        parts = _PARTS_BY_FIRST.get(rest[0], ())
        return any(rest.startswith(part) and split(rest[len(part) :], n + 1) for part in parts)

    if len(text) == 2:
        return text in NAME_PARTS and text not in _WORD_PARTS
    return 3 <= len(text) <= 8 and (text in NAME_PARTS or split(text, 0))  # (宝力道 alone)


def _dotted_before(text: str, i: int) -> str | None:
    """The dotted name (热依拉·艾合买提) whose last part starts at ``i`` of ``text``, if it is one."""
    if i == 0 or re.fullmatch(NAME_DOT, text[i - 1]) is None:
        return None
    start = i - 1
    while start > 0 and "\u4e00" <= text[start - 1] <= "\u9fff":
        start -= 1
    whole = text[start:]
    return whole if _DOTTED.match(whole) else None


def cut_short_of(name: str, names: Iterable[str], texts: Iterable[str]) -> str | None:
    """The one name among ``names`` that is ``name`` and one character more, when ``name`` is never
    written in ``texts`` without that character (甄耀 of 甄耀先: 甄耀先领学 read with 先 as "first"), else None."""
    longer = {n for n in names if len(n) == len(name) + 1 and n.startswith(name)}
    if len(name) != 2 or len(longer) != 1:
        return None
    (whole,) = longer
    texts = list(texts)
    return whole if all(text.count(name) == text.count(whole) for text in texts) else None


def whole_of(name: str, names: Iterable[str]) -> str:
    """The one longer transcribed name among ``names`` that ``name`` is the first part of (热孜万古丽 of
    热孜万古丽·艾买提 or 热孜万古丽-艾买提, 艾克拜尔 of 艾克拜尔吐尔逊), a person called by the first
    part of their name after one full mention (``first_part_of``); else ``name``."""
    return first_part_of(name, names) or name


# a full stop typed for the middle dot of a transcribed name (艾则孜。麦麦提)
_STOP_IN_NAME = re.compile(r"(?<=[\u4e00-\u9fff])。(?=[\u4e00-\u9fff])")
MAX_PART = 6  # characters of one part of a transcribed name


def stops_as_dots(norm: str) -> str:
    """``norm`` with each full stop between two parts of a transcribed name read as its middle dot
    (请假人:阿依姆尼萨。吐尔地(…) / 主持人:…艾则孜。麦麦提): ``_parts_meet``."""
    if "。" not in norm:
        return norm
    return _STOP_IN_NAME.sub(lambda m: "·" if _parts_meet(m.string, m.start()) else "。", norm)


_WHOLE_PARTS = frozenset(part for part in NAME_PARTS if len(part) >= 2 and part not in _WORD_PARTS)


def _parts_meet(text: str, at: int) -> bool:
    """The words after the stop at ``at`` are a name part standing alone, and one ends the words before
    it or those words are one short item of a list or a label's value (请假人:阿依姆尼萨。吐尔地(…))."""
    before = text[max(0, at - MAX_PART) : at]
    item = re.search(r"(?:^|[:、])([\u4e00-\u9fff]{2,6})$", text[:at])  # (not 屋里坐不下。才让东智主持)
    whole = re.match(r"[\u4e00-\u9fff]+", text[at + 1 :])  # (the part an item of its own: not 。次仁领学)
    # (not 一、学习。沙吾列·努尔兰带领…: the words after the stop a dotted name of their own)
    opens = (
        whole is not None
        and whole.group() in _WHOLE_PARTS
        and not text[at + 1 + whole.end() :].startswith("·")
    )
    return opens and (item is not None or any(before.endswith(p) for p in _WHOLE_PARTS))


def minority_name(text: str) -> str | None:
    """``text`` (titles already stripped) as a name of the minority regions, else None."""
    if _DOTTED.match(text) or _parts_name(text) or _DAI.match(text):
        return text
    return None


TITLE_WORDS = frozenset(TITLES)


@lru_cache(maxsize=8192)
def guess_name(chunk: str) -> str | None:
    """A name at the end of ``chunk`` without a roster, anchored on a surname (or written as the
    minority regions write names: ``minority_name``), widened to the whole transcribed name it ends
    (``transcribed_run``)."""
    text = strip_titles(chunk)
    if not text or text in NOT_NAMES or text in TITLE_WORDS:  # (工程师 is no 程师)
        return None
    found = _anchored_name(chunk, text)
    return transcribed_run(after_last_title(text), found) or found


# the characters of transcribed names (the name parts' and more: 朝伦巴雅斯古朗, 艾克拜尔吐尔逊)
_TRANSCRIBED = frozenset("".join(NAME_PARTS)) | frozenset(TRANSCRIBED_CHARS) | frozenset("丁")
# words that open no name though they can be read in one (和 = and, 的, 由 …)
_RUN_OPENERS = frozenset("和与及同跟由在是的请让向对给把被等从")
MAX_TRANSCRIBED = 8  # characters of a transcribed name written without its dot


def transcribed_run(text: str, found: str | None) -> str | None:
    """The whole transcribed name ending ``text`` when the name read (``found``, maybe None) is only its
    tail: the run of transcription characters before it, three to eight long, holding a common name
    part (达瓦曲扎, not 曲扎; 土登晋美, not 晋美; 艾克拜尔吐尔逊, read by no surname)."""
    start = len(text)
    while start > 0 and text[start - 1] in _TRANSCRIBED and len(text) - start < MAX_TRANSCRIBED:
        start -= 1
    while start < len(text) and text[start] in _RUN_OPENERS:
        start += 1
    run = text[start:]
    longer = found is None or (run.endswith(found) and len(run) > len(found))
    return run if len(run) >= 3 and longer and _holds_part(run) else None


def transcribed(text: str) -> bool:
    """Whether ``text`` is a transcribed name: one the name parts make (``minority_name``), or three to
    eight transcription characters holding a common name part (宝力德尔)."""
    if minority_name(text) == text:
        return True
    return 3 <= len(text) <= MAX_TRANSCRIBED and all(c in _TRANSCRIBED for c in text) and _holds_part(text)


def first_part_of(chunk: str, texts: Iterable[str]) -> str | None:
    """The one transcribed name written in ``texts`` whose first part ``chunk`` is, its dot as typed
    (别尔克领学 after 主持人:…别尔克阿斯力别克, …别尔克·阿斯力别克 or …别尔克-阿斯力别克), else None."""
    if not 2 <= len(chunk) <= MAX_PART or any(c not in _TRANSCRIBED for c in chunk):
        return None
    found = set()
    opening = re.compile(
        rf"{re.escape(chunk)}(?P<dot>{_TYPED_DOT})?(?P<rest>[\u4e00-\u9fff]{{2,{MAX_TRANSCRIBED}}})"
    )
    for text in texts:
        for m in opening.finditer(text):
            if m.start() > 0 and text[m.start() - 1] in _TRANSCRIBED:
                continue  # (the words inside another name: 努尔买买提·依明 holds no 买买提·依明)
            rest = "".join(itertools.takewhile(_TRANSCRIBED.__contains__, m["rest"]))
            dotted = f"{chunk}·{rest}"
            # (without its dot, a part of two characters is a whole name of its own: 达瓦 is no 达瓦央宗)
            whole = (
                minority_name(dotted) == dotted if m["dot"] else len(chunk) >= 3 and transcribed(chunk + rest)
            )
            if len(rest) >= 2 and whole:
                found.add(chunk + (m["dot"] or "") + rest)
    return found.pop() if len(found) == 1 else None


# the dot between a transcribed name's parts, as typed
_TYPED_DOT = "[·•・‧.。\\-－‐]"


def _holds_part(run: str) -> bool:
    return any(part in run for part in _WHOLE_PARTS)


def _anchored_name(chunk: str, text: str) -> str | None:
    """The name ending ``chunk`` (``text``: its titles stripped) by its surname or its name parts."""
    rest = after_last_title(text)
    if (minority := minority_name(rest)) is not None:
        return minority
    if rest != text and (after := _name_after_title(rest)) is not None:
        return after  # 心内科主任沈蕴: the name after the title, not 任沈蕴
    if text[:1] in _WHOLE_RARE_SURNAMES and named_alone(text) == text:
        return text  # 云海燕 / 刀正华 by themselves: the rare surname's whole name, not 海燕 / 正华
    if (whole := _particles(chunk)) != text and whole.endswith(text) and _name_after_title(text) == text:
        return text  # 支部书记普发荣: a title before the name (not 普通党员: 普通 before a title)
    for i in range(len(text)):
        tail = text[i:]
        if len(tail) >= 4 and _parts_name(tail):  # 场长乌力吉巴雅尔: the whole name, not 巴雅尔 after 巴
            return _dotted_before(text, i) or tail  # (▲热依拉·艾合买提: the dotted name, not its tail)
        if tail[:2] in COMPOUND_SURNAMES and 3 <= len(tail) <= 4:
            return tail
        if tail[0] in SURNAMES and 2 <= len(tail) <= 3:
            if i > 0 and text[i - 1 : i + 1] in _WORDS_ENDING_IN_SURNAMES:
                continue  # 学习篇目, 身边案例: the surname closes a word, no name 习篇目 / 边案例 opens there
            ok = (
                _NAME_CHARS.match(tail)
                and _given_ok(tail[1:])
                and tail[:2] not in TIME_WORDS
                and tail not in NOT_NAMES
                and tail[:2] not in NOT_NAMES  # (单位派驻外地: no person 单位派)
            )
            return tail if ok else None  # (白天补休: no person 白天补)
    return None


# everyday words whose last character is a surname (学习, 身边 …): no name begins inside them
_WORDS_ENDING_IN_SURNAMES = frozenset(
    {"学习", "复习", "练习", "实习", "见习", "温习", "自习", "预习", "研习", "修习"}
    | {"身边", "旁边", "周边", "一边", "两边", "这边", "那边", "左边", "右边", "河边", "路边", "手边"}
)


def leading_guess(text: str, after: int = 0) -> str | None:
    """The longest surname-anchored name ``text`` opens with (four or three characters after a
    compound surname, else three or two), with at least ``after`` characters after it."""
    sizes = (4, 3) if text[:2] in COMPOUND_SURNAMES else (3, 2)
    return next(
        (
            text[:k]
            for k in sizes
            if len(text) >= k + after
            and not text[k - 1 :].startswith("同志")  # 赵雪同志: 赵雪, not 赵雪同
            and guess_name(text[:k]) == text[:k]
        ),
        None,
    )


# the first character of an errand said right after a name (万家旺出车 / 甲在… / 乙去…)
_ERRAND_FIRST = frozenset("出在去到回跟带陪送开跑拉")


def name_then_errand(text: str) -> bool:
    """``text`` opens with a surname-anchored name and an errand of theirs (万家旺出一二零的车…): words
    before a 的 that hold a person and what they did describe no one after it."""
    name = leading_guess(text, 1)
    return name is not None and text[len(name)] in _ERRAND_FIRST


def name_before_act(text: str) -> str | None:
    """The longest name ``text`` opens with where an act, a mark or the end follows it (瞿书瑶先给… /
    王明强调…: 王明, 强调 being the act)."""
    sizes = (4, 3) if text[:2] in COMPOUND_SURNAMES else (3, 2)
    return next(
        (text[:k] for k in sizes if guess_name(text[:k]) == text[:k] and _ACT_NEXT.match(text[k:])), None
    )


# what follows a name: a mark, 同志, or the first character of an act (主持, 领学, 带领, 先…, 强调, 讲话, 把大家…,
# 走到, 召集 …)
_ACT_NEXT = re.compile(
    r"$|同志|[(,;:。、主领带在先给作做对为讲说强指同也还又就和表发介宣要首随结围从以把将走来召用拿]"
)


# a person called as neighbours call them, the full name after in brackets: 老宋(宋玉堂) / 韩老四(韩德旺) /
# 小周(周敏) / 曾师傅(曾广发) / 侯二嫂(侯桂芬)
_NICKNAMED = re.compile(r"(?P<nick>[\u4e00-\u9fff]{2,3})\((?P<name>[\u4e00-\u9fff]{2,4})\)")
_NICKNAME = re.compile(
    r"^(?:[老小阿大](?P<a>.)|(?P<b>.)(?:老|小)?[大二三四五六七八九十幺]|(?P<c>.)(?:师傅|大姐|大哥|阿婆|阿姨|大妈|大爷|大伯|[大二三四五六七八九幺]?(?:嫂|婶|叔|姐|哥|伯|姑|姨)|经理|主管|主任|老师|总|工))$"
)


# … or a full name with the nickname after it in brackets: 李卫星(大李) (no reason of an absentee)
_NAME_NICKNAMED = re.compile(r"(?P<run>[\u4e00-\u9fff]{2,6})\((?P<nick>[\u4e00-\u9fff]{2,3})\)")


# … or the full name after the nickname and 即 (吴老三即吴志和 / 田老幺 即田德寿): the full name where a
# separator ends it
_NICK_IS = re.compile(r"(?P<nick>[\u4e00-\u9fff]{2,3}?)即(?P<name>[\u4e00-\u9fff]{2,3})(?=[(,;、。:]|$)")


# … or the nickname glued before the full name it calls by its surname, an item of its own: 老魏魏春山,住县医院 /
# 食堂的小卞卞秀云,… / 钟师傅钟建明,腰扭了
_NICK_GLUED = re.compile(
    r"(?:(?<![\u4e00-\u9fff])|(?<=的))(?P<nick>[\u4e00-\u9fff]{2,3}?)(?P<name>[\u4e00-\u9fff]{2,3})(?=[(,;、。:]|$)"
)


def _glued_nickname_dropped(m: re.Match[str]) -> str:
    return m["name"] if _calls(m["nick"], m["name"]) else m.group()


def _calls(nick: str, name: str) -> bool:
    """``nick`` calls the person ``name`` by their surname (老宋 宋玉堂), and ``name`` is a name."""
    surname = nickname_surname(nick)
    return surname is not None and name.startswith(surname) and guess_name(name) == name


def nicknames_named(norm: str) -> str:
    """``norm`` with each nickname whose full name follows in brackets, after 即 or glued to it written
    as that name, and the bracketed nickname after a full name left out."""
    if "即" in norm:
        norm = _NICK_IS.sub(_nickname_before, norm)
    norm = _NICK_GLUED.sub(_glued_nickname_dropped, norm)
    if "(" not in norm:
        return norm
    return _NAME_NICKNAMED.sub(_nickname_dropped, _NICKNAMED.sub(_nickname_named, norm))


def _nickname_before(m: re.Match[str]) -> str:
    """The full name alone when the nickname before 即 calls that person by their surname."""
    return m["name"] if _calls(m["nick"].removesuffix("头"), m["name"]) else m.group()


def nickname_surname(nick: str) -> str | None:
    """The surname a nickname calls a person by (老宋, 韩老四, 大李, 曾师傅), else None."""
    m = _NICKNAME.match(nick)
    return (m["a"] or m["b"] or m["c"]) if m else None


def _nickname_dropped(m: re.Match[str]) -> str:
    """A surname the nickname confirms makes a name even of an everyday character (木正才(老木))."""
    surname = nickname_surname(m["nick"])
    at = m["run"].rfind(surname) if surname else -1
    name = m["run"][at:]
    guessed = guess_name(name) == name or (name[:1] in RARE_SURNAMES and name not in NOT_NAMES)
    named = at >= 0 and 2 <= len(name) <= 3 and guessed
    return m["run"] if named else m.group()


def _nickname_named(m: re.Match[str]) -> str:
    return m["name"] if _calls(m["nick"], m["name"]) else m.group()


# every title as one alternation, longest first (TITLES is sorted so)
TITLE_PATTERN = "|".join(re.escape(t) for t in TITLES)
_TITLE_ALT = re.compile(TITLE_PATTERN)


def holds_title(text: str) -> bool:
    """Whether ``text`` holds a title anywhere (支部书记, 副校长…)."""
    return _TITLE_ALT.search(text) is not None


def after_last_title(text: str) -> str:
    """The words after the last title in ``text`` (急诊科医生邬志刚值班 -> 邬志刚值班); ``text``
    itself when no title stands before some words."""
    ends = [m.end() for m in _TITLE_ALT.finditer(text)]
    return text[ends[-1] :] if ends and ends[-1] < len(text) else text


# titles and what qualifies them, all that stands before a name (支部书记、护士长 / 老党员 / 退伍军人党员)
_TITLES_BEFORE = re.compile(rf"(?:(?:老|优秀|退休|退伍|离休)?(?:{TITLE_PATTERN})|[、,·])+")


def name_after_titles(text: str) -> str | None:
    """The words after the last title of ``text`` when only titles stand before them (老党员俞水根 ->
    俞水根; not 请组织委员许德华同志领学), else None; whether they are a name is the caller's question."""
    rest = after_last_title(text)
    if rest == text or _TITLES_BEFORE.fullmatch(text[: -len(rest)]) is None:
        return None
    return rest


# words a title may stand before that 中 follows (支部书记方案中…: no 方案中)
_WORDS_BEFORE_ALONE_LAST = frozenset(
    {"方案", "计划", "过程", "会议", "讨论", "学习", "活动", "工作", "生活", "实践"}
)


def _name_after_title(rest: str) -> str | None:
    """``rest``, the words after the last title (``after_last_title``), when they are a name
    (心内科主任沈蕴 -> 沈蕴)."""
    rare = rest[0] in RARE_SURNAMES and rest[:2] not in _RARE_SURNAME_WORDS  # (not 元旦前, 区委会)
    surname = rest[:2] in COMPOUND_SURNAMES or rest[0] in SURNAMES or rare
    # a given name ending in 中 stands alone after its title (组织委员戴慧中), as in named_alone
    alone = len(rest) == 3 and rest[2] in ALONE_LAST and rest[:2] not in _WORDS_BEFORE_ALONE_LAST
    given = rest[1:-1] if alone else rest[1:]
    longest = 4 if rest[:2] in COMPOUND_SURNAMES or rest[-1] not in _SAID else 3  # (党员高有福说: who spoke)
    return (
        rest
        if surname and 2 <= len(rest) <= longest and _NAME_CHARS.match(rest) and _given_ok(given)
        else None
    )


# a verb of speaking right after a name, read with it as its last character (高有福说)
_SAID = frozenset("说讲")


@lru_cache(maxsize=1)
def _blank() -> Language:
    """The character tokenizer every roster's ruler runs on (made once: a blank pipeline costs ~15-30 ms)."""
    return spacy.blank("zh")


@lru_cache(maxsize=64)
def _ruler(roster: tuple[str, ...]) -> EntityRuler:
    """An EntityRuler for one roster, built on the shared tokenizer (cheap: no config to fill)."""
    ruler = EntityRuler(_blank(), overwrite_ents=True)
    ruler.add_patterns([{"label": "PERSON", "pattern": [{"TEXT": ch} for ch in name]} for name in roster])
    return ruler


# a surname and a short title, the way a person is referred to after a first mention (蒋书记, 乜委员)
SHORT_TITLES = (
    "书记|副书记|主任|校长|院长|所长|局长|处长|科长|经理|部长|委员|组长|老师|检察长|董事长|主席|队长|站长"
    "|行长|厂长|镇长|村长|护士长|支书"
)
SURNAME_CHARS = "".join(sorted(SURNAMES))  # the single-character surnames, as a character class body
# (a compound surname first: 东方书记 is 东方雅琴's, not a 方书记's)
SURNAME_TITLE = re.compile(
    rf"^(?P<s>{'|'.join(sorted(COMPOUND_SURNAMES))}|[{SURNAME_CHARS}])(?P<t>{SHORT_TITLES})$"
)


def full_name(chunk: str, texts: tuple[str, ...], roster: tuple[str, ...]) -> str | None:
    """The person ``chunk`` (``蒋书记``: a surname and a title) refers to: the one name with that
    surname written in full with that title in ``texts`` (``蒋文斌书记`` / ``书记蒋文斌`` / ``蒋文斌(支部书记)``), else the
    one written in full after any title or a form label (``主持:支部书记 褚静怡(护士长)``), else the
    only member of the roster with that surname; None when there is none or more than one."""
    m = SURNAME_TITLE.match(chunk)
    if m is None:
        return _first_part_titled(chunk, texts)
    s, t = m["s"], m["t"]
    end = r"(?=同志|[(,;:。主领带在]|$)"
    same = re.compile(
        rf"{s}(?P<g>[\u4e00-\u9fff]{{1,2}}?)(?:同志)?{t}|{t}{s}(?P<h>[\u4e00-\u9fff]{{1,2}}){end}"
        rf"|{s}(?P<k>[\u4e00-\u9fff]{{1,2}})\([^()]{{0,10}}?{t}[^()]{{0,6}}\)"  # 韦明澈(支部书记)
    )
    any_title = re.compile(rf"(?:{SHORT_TITLES}|委员|:){s}(?P<h>[\u4e00-\u9fff]{{1,2}}){end}")
    for pattern in (same, any_title):
        names = {s + found[found.lastgroup or 0] for text in texts for found in pattern.finditer(text)}
        names = {n for n in names if strip_titles(n) == n and guess_name(n) == n}
        if names:
            return names.pop() if len(names) == 1 else None
    names = {n for n in roster if n.startswith(s) and (len(s) == 2 or n[:2] not in COMPOUND_SURNAMES)}
    return names.pop() if len(names) == 1 else None


# a transcribed name's first part and a title: 洛桑书记 (of 村党支部书记洛桑次旦)
_PART_TITLE = re.compile(rf"^(?P<p>[\u4e00-\u9fff]{{2,3}})(?P<t>{SHORT_TITLES})$")


def _first_part_titled(chunk: str, texts: tuple[str, ...]) -> str | None:
    """The one transcribed name written in full with the title ``chunk`` gives its first part
    (洛桑书记: 支部书记洛桑次旦 / 洛桑次旦书记), else None."""
    m = _PART_TITLE.match(chunk)
    if m is None or any(c not in _TRANSCRIBED for c in m["p"]):
        return None
    part, title = m["p"], m["t"]
    written = re.compile(
        rf"{title}[^,;。:]{{0,8}}?{part}(?P<a>[\u4e00-\u9fff]{{2,4}})|{part}(?P<b>[\u4e00-\u9fff]{{2,4}}?){title}"
    )
    names = set()
    for text in texts:
        for found in written.finditer(text):
            rest = "".join(itertools.takewhile(_TRANSCRIBED.__contains__, found["a"] or found["b"]))
            if len(rest) >= 2 and transcribed(part + rest):
                names.add(part + rest)
    return names.pop() if len(names) == 1 else None


class PersonFinder:
    """Finds people in normalised text: roster names first, then the surname guess. ``texts``
    (the account's normalised sentences) resolve a surname and a title (``褚书记``) to the name
    written in full elsewhere (``full_name``)."""

    def __init__(self, roster: list[str], texts: list[str] | None = None) -> None:
        self.roster = tuple(sorted({n for n in roster if n}, key=lambda n: (-len(n), n)))
        self.texts = tuple(texts or ())

    def find(self, text: str) -> list[PersonHit]:
        """Every roster name in ``text`` (spaCy EntityRuler), left to right."""
        if not self.roster or not text:
            return []
        doc = _ruler(self.roster)(_blank().make_doc(text))
        return [PersonHit(ent.text, ent.start_char, ent.end_char, True) for ent in doc.ents]

    def resolve(self, chunk: str, prefer: str = "last", fuzzy: bool = False) -> PersonHit | None:
        """The person named in a short phrase such as '支部书记李光振同志'.

        ``fuzzy`` (OCR text): a name one character off a single roster name is that name.
        """
        hits = self.find(chunk)
        if hits:
            return hits[-1] if prefer == "last" else hits[0]
        near = self.near(chunk) if fuzzy else None
        if near is not None and near.on_roster:
            return near
        referred = strip_titles_front_only(chunk)
        if (full := full_name(referred, self.texts, self.roster)) is not None:
            start = max(0, chunk.rfind(referred))
            return PersonHit(full, start, start + len(referred), full in self.roster, REFERRED_CONFIDENCE)
        name = guess_name(chunk)
        if name is None:
            return near
        start = chunk.rfind(name)
        confidence = near.confidence if near is not None else 1.0
        return PersonHit(name, start, start + len(name), False, confidence)

    def near(self, chunk: str) -> PersonHit | None:
        """The roster name one OCR slip (a substitution; for 3+ characters also an extra or missing
        character) away from the name in ``chunk``: on the roster when exactly one roster name is
        that near, else the name as read with ``AMBIGUOUS_CONFIDENCE``; None when none is near.

        The name is the whole phrase without titles, or the surname-anchored guess: never part
        of a longer name (赵海蒸 is not 赵六 one slip off).
        """
        candidates = [
            c
            for c in dict.fromkeys((strip_titles(chunk), guess_name(chunk), chunk.removesuffix("同志")))
            if c and _read_as_name(c)
        ]
        found = {name: c for c in candidates for name in self.roster if one_slip(c, name)}
        if not found:
            return None
        read = next(iter(found.values()))
        start = max(0, chunk.rfind(read))
        if len(found) == 1:
            return PersonHit(next(iter(found)), start, start + len(read), True, FUZZY_CONFIDENCE)
        return PersonHit(read, start, start + len(read), False, AMBIGUOUS_CONFIDENCE)

    def names_in_list(self, text: str, fuzzy: bool = False) -> list[str]:
        """Names from an enumeration such as '赵六、孙七、李四' (roster names or guesses)."""
        out: list[str] = []
        for part in re.split(r"[、,;，；\s]+", text):
            hit = self.resolve(part, fuzzy=fuzzy)
            if hit and hit.name not in out:
                out.append(hit.name)
        return out


def _read_as_name(text: str) -> bool:
    """A name as OCR read it: name-like, or 2–4 characters after a surname whose slip is a function
    word (姚与 for 姚兴); still only a roster name one slip away makes it a person."""
    return _name_like(text) or (
        2 <= len(text) <= 4 and text[0] in SURNAMES and re.fullmatch(r"[\u4e00-\u9fff]+", text) is not None
    )


def _name_like(text: str) -> bool:
    return bool(_NAME_CHARS.match(text)) and text not in NOT_NAMES
