"""Words that say an absentee had no leave or no reason, shared by the absentee readers."""

from __future__ import annotations

import re

from extractors.fields.places import ELSEWHERE

# a leave or a reason taken back, as a correction says it: 不是请了假的 / 不晓得什么原因 / 没跟我们说
TAKEN_BACK = r"不是请了?假|(?:不晓得|不知道|不清楚)(?:是)?(?:什么|啥)?原因|没跟[^,;。]{0,8}说"
# words after an absentee's name that say there was no leave or no reason: what a reader takes for
# a reason there (未 of 未请假, 请假 of 没有请假, 系无故, 擅自, 不明) is none (a false pass)
DENIED = re.compile(
    r"无故|擅自|无正当理由|不明|未经?请假|没有?请假|不请假|未履行|未办理|未向[^,。;]{0,8}请假|"
    r"没有?(?:跟|向|和)[^,。;]{0,8}(?:请假|讲明|说明|告知)|没有?(?:讲明|说明|告知)|(?:没|未)有?打(?:过)?招呼|"
    # 没跟我请假 / 这次没打招呼 / 会前没有向支部讲明情况
    rf"{TAKEN_BACK}|"  # a correction taking it back
    r"未(?:说明|告知|讲明|写明|注明|作说明|做说明|提交)|原因不详|未请示|"
    r"(?:原因|事由)?待补|(?:原因|事由)待(?:查|核实)|"  # 孔某(原因待补): to be supplied, not supplied
    r"(?:未|没有?|没能)能?联系上|(?<!外出)(?<!在外)(?<!务工)(?<!打工)联系不上|无法联系|(?:电话)?联系未果|失联|(?:未|没有?|没能)(?:回复|回应|回音|回话)|"  # 甲(电话一直未联系上): the branch's doing, no reason
    r"\((?:电话)?(?:一直)?(?:未|没有?|没能)(?:能)?接通\)|\((?:电话)?(?:一直)?无人接听?\)|\(未接电话\)|"  # 甲(电话未接通)
    r"(?:^|[,(])(?:已|均已)?(?:电话|微信|短信)?(?:通知|告知)(?:过|到)?(?:本人)?\)?[、,;。]?$|"  # 甲(已通知): told of it, no why
    r"\((?:电话|微信)?已(?:打|拨打?|联系|沟通)(?:过)?(?:电话)?\)|"  # 甲(电话已打): the branch's call, no why
    r"\((?:会后|另行|将另行|事后|随后|已安排|安排)?补学\)"  # 甲(会后补学): the remedy, no why
)
# a clause saying the person could not get away from what they were doing (…在地里飞防,走不开)
CANNOT = re.compile(r"走不开|脱不开身|抽不开身|离不开|来不了|回不来|赶不回来|顾不上")
# a clause saying only that leave was asked (都提前跟组长请了假 / 提前在群里请了假 / 已向书记告假)
LEAVE_ASKED = re.compile(r"请了?(?:[病事产婚丧年]|会)?假|告了?假")
# a reason cell of a table left empty on purpose
NO_REASON_CELLS = frozenset({"/", "无", "-", "—", "--", "——", "空", "(/)", "(无)"})

# a leave register's filing of a leave: who approved it, its dates (批准人乙 / 5月25日至27日 / 5月26日下午)
LEAVE_FILED = (
    r"(?:(?:批准|审批|准假|签批|经办|登记)人[:：]?[\u4e00-\u9fff]{2,4}"
    r"|(?:\d{4}[年.\-/])?\d{1,2}[月.\-/]\d{1,2}[日号]?(?:(?:至|到|-|—|~)(?:\d{1,2}[月.\-/])?\d{1,2}[日号]?)?"
    r"(?:上午|下午|晚上|全天)?)"
)

# what a note beside an absentee may hold that is no reason: a tally of absences (本月第二次缺席), dues
# paid (已补交党费), a make-up (会后补学), a notice given (已电话通知本人), the absence itself (蓝德峰　缺)
_NOT_REASONS = re.compile(
    r"(?:本月|本季度|本年度?|今年|累计|连续|已经?)?第?[一二两三四五六七八九十\d]+次(?:缺席|缺会|请假|未到)?"
    r"|(?:已|均已|已经)?(?:补交|补缴|交纳|缴纳|交|缴)(?:了|过)?(?:本月|当月|全年|上月)?(?:的)?党费"
    r"|(?:会后|另行|将另行|将|事后|随后|已安排|安排)?(?:补学|补课)"
    r"|(?:支部|党支部|小组|党小组)?(?:下周|下次|下月|近期|择期|会后|另行)(?:再)?(?:组织|安排|进行)?(?:集中)?(?:补学|补课)"
    # the branch's remedy, not why: 已送学习资料上门, 学习材料已送到家
    r"|(?:已|已经|会后)?(?:送|寄|发|带)(?:了|过|去)?(?:学习)?(?:资料|材料|笔记)(?:上门|到家(?:里|中)?|给本人)?"
    r"|(?:已|已经|会后)?把?(?:学习)?(?:资料|材料|笔记)(?:已|已经)?(?:送|寄|发|带)(?:了|过|去)?(?:上门|到家(?:里|中)?|给本人)"
    r"|(?:已|均已|已经)?(?:正在|仍在)?(?:电话|微信|短信)?(?:通知|告知|联系)(?:过|了|到)?(?:本人)?(?:未果|中)?"
    r"|缺席|缺会|缺勤|缺|未到|没到|没来|未参加|未参会|未出席|本人|本次|此次|会议|活动"
    # how the leave was asked, not why: 由其爱人代为请假, 本人口头请假, 请假条另附, 已履行请假手续, 会前已向书记说明,
    # 情况已报党委备案
    r"|(?:由|经)?(?:其|本人)?(?:爱人|家属|家人|妻子|丈夫|父亲|母亲|儿子|女儿|同事)?代为?(?:请(?:了)?假)?"
    r"|(?:本人)?(?:已|已经)?(?:口头|书面|电话|微信|短信|当面)请(?:了)?假"
    r"|(?:详见|见|附)?请?假(?:条|单|手续)(?:另附|已附|附后|(?:已交|已上交|已报)[^,;。()]{0,6}|见附件|已履行|已办理|齐全)?"
    r"|(?:已|已经)?(?:履行|办理)(?:了|过)?请假手续"
    # the leave's paperwork in a firm's system: 已提交请假审批 / 请假申请已通过
    r"|(?:已|已经)?(?:提交|递交|发起|报送)(?:了|过)?(?:请假|休假)(?:审批|申请|流程|单)?"
    r"|(?:请假|休假)(?:审批|申请|流程)(?:已|已经)?(?:提交|通过|批准|审批)?(?:了)?"
    r"|(?:会前|事前|提前|事先)?(?:已|已经)?向[^,;。()]{1,8}?(?:说明|报告|报备|请假)(?:过|了)?(?:情况)?"
    r"|(?:情况)?(?:已|已经)?报[^,;。()]{0,8}?(?:备案|报备)|(?:已|已经)报备|(?:已|已经)(?:报|上报)(?:党办|党委|支部|组织|办公室|科室)"
    # how the leave was filed or told, not why: 已走OA请假流程, 已在群内报备, 已在群里说了
    r"|(?:已|已经)?(?:走|提交|发起|提)(?:了|过)?[A-Za-z]{0,4}(?:线上|系统|网上)?请假(?:流程|申请|单)"
    r"|(?:已|已经)?在(?:微信|工作|支部|党员)?群(?:内|里|中)?(?:报备|说了|说过|讲了|说明|请假|请了假)(?:过|了)?"
    # who approved the leave or when it was asked, a number to reach them, a reason still to come
    # (经护士长同意, 科主任已批, 5月3日已请假, 工号20417, 联系中, 原因会后补报, 情况另行说明)
    rf"|{LEAVE_FILED}(?:已|已经)?(?:请假|请了假)?"  # 批准人乙 / 5月25日至27日 / 5月3日已请假
    r"|(?:经|已经|已由|由)?[^,;。()假病事休]{0,8}?(?:同意|批准|审批|签批|已批|批了|准假)"
    r"|(?:会前|会议前|开会前|前)(?:一|两|三)天(?:已|已经)?(?:请假|请了假)"
    r"|(?:工号|电话|手机|手机号|分机|内线|座机|编号|假条号|请假单号)[:：]?\d{3,}"
    r"|(?:正在|仍在)?联系中|(?:原因|情况|事由)?(?:会后|事后|另行|待[^,;。()]{0,8}?后)(?:补报|说明|补充|报告)"
    # the member's age, years in the party or honours: who they are, not why they were away (已86岁, 党龄50年)
    r"|(?:已|今年|现年|年满)?\d{2,3}(?:周岁|岁)|党龄\d{1,2}年|(?:全国|省|市|区|县)?(?:劳动模范|劳模|优秀共产党员)"
    # where the reason is told, not the reason: 原因见备注 / 详见说明 / 见文末
    r"|(?:原因|事由|理由|情况)?(?:详见|参见|见)(?:下文|后文|文末|备注|说明|附件|附表|后附|请假条)"
    # a reason left to be found out (待查, 不详, ？): none yet
    r"|(?:原因|情况)?(?:待查|待核实|待核查|待了解|待定|不详|不清楚|[?？])"
)
# a note that holds only who the absentee is or where they belong, or the meeting's own room: no
# reason (乔永福（生产副队长）, （第三党小组）, （掘进三队会议室）); a word of going, staying, duty or
# illness in it makes it one (在车间值班, 去段里)
_ONLY_WHO_OR_WHERE = re.compile(
    r"[\u4e00-\u9fffA-Za-z\d—\-~]{0,10}?的?(?:队长|组长|班长|主任|书记|委员|科长|股长|所长|站长|段长|经理|会计|出纳|"
    r"技术员|调度员|工程师|司机|医师|医生|护士长|护士|教师|老师|辅导员|院长|校长|干事|秘书|党员|同志|党小组|小组|"
    r"车间|工区|班组|队|科|股|室|所|站|中心|局长|处长|部长|厂长|乡长|镇长|县长|区长|"
    # a relation (其老伴, 郑老师的爱人) or a building (实验楼B座): whose or where, no why
    r"老伴|爱人|丈夫|妻子|家属|楼[A-Za-z\d]?座?|[A-Za-z\d]座|病区|病房|院区|\d+床|[A-Z]{2,5})"
)
_DOING = re.compile(
    r"在|去|赴|到|回|跟|随|援|值|休|病(?![区房])|卧|伤|痛|疼|术|孕|哺|住|陪|出|带|下|上|参|培训|学|开|驻|调|抽|派|守|陪护|看护|护理|照顾|照看|照料|伺候|看望|探望|接送|护路|护林|修|巡|忙|假|当班"
)
# a reason struck out and not replaced (原写“轮休”，后划去)
_STRUCK_OUT = re.compile(
    r"划去|划掉|删去|删掉|涂掉|涂去|抹去|涂黑|涂抹|划了(?![个一道口条下伤破])"
)  # (not 划了个口子: a cut)
_DITTO = re.compile(r"^[〃″\"々同上]+$")


# what a reason is about, beside the acts of _DOING: a leave's code (公 / 事), a duty, a shift, an
# ailment, the family, the farm or the road (跑长途, 驾校考科目二, 老伴透析, 新冠阳性居家)
_CAUSE = re.compile(
    r"^[公事病产婚丧探休年]$|实习|结婚|婚|丧|监考|考(?:试|研|科目|证)|驾校|检查|产检|体检|年检|坐诊|门诊|会诊|急诊|阳性|隔离|"
    r"班(?!车)|一线|转场|规培|家访|跑(?:车|长途|运输|货|单|外卖|网约车|早|晚|夜|[\d一二三四五六七八九十])|长途|作业|赶|"
    r"出摊|守摊|摆摊|看店|看摊|盘点|发烧|发热|感冒|骨折|扭伤|崴|不便|年老|体弱|手术|分娩|坐月子|哺乳|"
    r"孩子|小孩|娃|老人|老伴|父亲|母亲|公公|婆婆|岳父|岳母|丈夫|妻子|爱人|儿子|女儿|孙子|孙女|外孙|外婆|奶奶|爷爷|"
    r"去世|病故|后事|酒席|喜事|搬家|装修|农忙|收割|插秧|播种|秋收|春耕|放牧|出海|捕鱼|务工|打工|加班|会议|开会|"
    r"比赛|竞赛|集训|演出|排练|执勤|出警|抢修|抢险|救援|防汛|巡逻|巡查|值守|出车|押运|运输|出差|公差|公出|出国|"
    r"探亲|返乡|回乡|老家|外地|外省|国外|省外"
    # errands, duties and ailments in everyday words (出野外, 上山割胶, 下沉社区, 在校医院挂水, 守窑, 车坏半路上)
    r"|野外|外业|上山|下山|割胶|采茶|采摘|授粉|虫草|甘蔗|开榨|杀青|炒茶|守窑|赶集|卖菜|喜酒|送货|拉货|批发|货车|网约车|"
    r"抢通|抢救|抢收|水毁|防洪|防汛|看守|抽调|借调|外派|下沉|驻点|驻站|驻厂|驻村|支援|帮扶|督查|督导|普查|审计|年审|"
    r"学习|进修|培训|答辩|竞赛|运动会|裁判|交流项目|上课|授课|讲课|代表|人代会|在岗|公休|轮休|离校|过冬|"
    r"输液|挂水|打针|留观|保胎|康复|休养|静养|中暑|摔|疫苗|年纪大|看不清|走不开|离不开|脱不开|停不得|不能离人|"
    r"工地|施工|检修|现场|车坏|抛锚|拖车|保养|分拣|到货|随(?:子女|女儿|儿子|老伴|家人)"
    # a teacher's, a researcher's or a sailor's errand: 送教下乡 / 给本科生上专业课 / 导师组会时间冲突 / 跑船
    r"|送教|支教|下乡|义诊|巡诊|(?:上|讲|代)[^,;。]{0,5}课|组会|调研|冲突|跑船|船上|出航|航行"
    # an infection kept at home, or sent to help elsewhere (新冠感染,居家 / 被抽去十一队帮助扶正倒伏胶树)
    r"|新冠|感染|居家|抽去|派去|被派|帮助|帮忙"
    # the trades' everyday work (跑…的货运, 放蜂, 入户安检回访, 夜间听漏, 白天补休)
    r"|货运|物流|配送|装卸|补休|调休|倒休|放蜂|养蜂|放羊|安检|回访|入户|抄表|巡线|听漏|检漏|维修|维护|勘察|勘测|监测|采样|检测|验收"
    # a duty named as a noun, its verb left out (市里学科教研活动 / 220千伏站夏季迎峰度夏特巡)
    r"|教研|特巡|巡检|巡视|保电|迎峰|出乘|值乘"
    # training and duty in a service's own words (采煤机司机复训 / 跨区增援火场,未归队 / 接警调度室值机 / 站门岗),
    # a stay abroad or a rotation home (作访问学者 / 轮换回国,离场), a courier's round (跑外环线派件 / 在客户家等)
    r"|复训|轮训|训练|增援|火场|归队|访问学者|值机|岗哨|站岗|门岗|回国|离场|轮换|派件|揽件|客户"
    # an illness's treatment kept at home, or the weather and the road keeping someone away (刚下了心脏支架,在家养着 /
    # 大雪封路,被困在牧民家中)
    r"|支架|搭桥|化疗|透析|养着|养病|养伤|封路|被困|困在|堵车|塌方|滑坡|暴雪|大雪|暴雨|洪水"
    # an ailment or old age in everyday words (哮喘犯了,在家吸氧 / 耳朵背,腿脚也走不动了 / 复查眼睛), or service
    # in the army (在部队服役)
    r"|哮喘|咳嗽|血压|心脏|糖尿病|中风|偏瘫|瘫痪|腰椎|颈椎|腰间盘|关节|吸氧|复查|复诊|耳朵背|耳背|眼花|腿脚|走不动|"
    r"走不了|行动不便|卧床|服役|部队|参军"
    # a family's wedding or birthday feast (闺女出嫁, 给老父亲做寿), or away in a named province or city (在青岛)
    r"|出嫁|嫁女|嫁闺女|娶亲|娶媳妇|做寿|过寿|祝寿|满月酒|"
    # another meeting attended (在场部参加秋粮收购调度会 / 列席县里的推进会)
    r"(?:参加|出席|列席|参会|开)[^,;。()]{0,12}?会(?![上后前])|"
    rf"{ELSEWHERE}"
)
# acts of one character that a note holds in any sentence (在, 上, 出, 带 …): a note that says why only
# through them is weak (常驻城东分院, 在群里说来不了); the others (值, 病, 陪 …) say a duty or a cause
_WEAK_ACTS = frozenset("在去到回跟随值休卧伤痛疼术孕哺住陪出带下上参学开驻调抽派守修巡忙假")


# a reason only heard or guessed, not known: 听说是回河南老家了,没核实 / 估计在外地 / 据同事讲可能出差了
_HEARSAY = re.compile(
    r"听说|据说|好像|估计|大概是|(?<![不无])可能(?!性)|不确定|没核实|未核实|未经核实|有待核实|没有核实"
    r"|据[^,;。]{0,6}?(?:讲|说|称|反映)|似乎|貌似|或许|也许|说不定"
)


def says_why(note: str) -> bool:
    """Whether ``note`` holds something a reason is made of (an errand, a duty, a shift, an
    ailment, the family, a leave's code) and says it as known: a note with none of it (我表姐,
    微信名"山水有约", 手机停机了) or only heard (听说…,没核实) is not known to be a reason."""
    if heard_only(note):
        return False
    return _DOING.search(note) is not None or _CAUSE.search(note) is not None


def says_why_firmly(note: str) -> bool:
    """Whether ``note`` says why through a cause (a duty, an ailment, the family, an errand's word),
    a clause of not getting away (回不来) or an act of more than one character, not only through one
    of ``_WEAK_ACTS``."""
    if heard_only(note):
        return False
    if _CAUSE.search(note) is not None or CANNOT.search(note) is not None:  # (…,当晚回不来)
        return True
    return any(m.group() not in _WEAK_ACTS for m in _DOING.finditer(note))


def heard_only(note: str) -> bool:
    """Whether ``note`` gives its reason as heard or guessed (听说…, 估计…, 没核实)."""
    return _HEARSAY.search(note) is not None


def is_ditto(note: str) -> bool:
    """``note`` is only a ditto mark (〃, 同上): the reason written above it."""
    return _DITTO.match(note.strip("() ")) is not None


def only_who_or_where(text: str) -> bool:
    """Whether ``text`` names only a person's post, group or unit, or a room (呼吸科护士长, 心内科,
    第三党小组): no going, staying, duty or illness in it."""
    return _ONLY_WHO_OR_WHERE.fullmatch(text) is not None and _DOING.search(text) is None


def no_reason_left(reason: str) -> bool:
    """Whether ``reason`` says nothing once tallies, dues, make-ups, notices and absence words are
    taken out (麻玉芬(已补交党费), 应浩宇(本月第二次缺席), 岑宝华(待查), 黎大海(10.22)), names only the
    person's post, group or a room (乔永福(生产副队长)), or was struck out: a note, no reason."""
    if _DITTO.match(reason):
        return False  # 〃 / ″: a ditto mark, the reason above (not this reader's to judge)
    if _STRUCK_OUT.search(reason):
        return True
    if only_who_or_where(reason):
        return True
    rest = _NOT_REASONS.sub("", reason)
    if rest != reason and only_who_or_where(rest):
        return True  # 党小组长正在联系: who is calling them, no why
    return re.search(r"[\u4e00-\u9fff]", rest) is None  # (10.22): a date or a time is no reason
