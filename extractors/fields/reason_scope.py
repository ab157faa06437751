"""Notes beside an absentee that say who or where, not why.

A note can hold words a reason is made of and still give none: an address (住女儿家,临江花园9栋2单元),
what a relative does for a living (爱人在县中医院当护士) or the member's own words that they could not
come, without why (在群里说"明天的会实在来不了"). :func:`not_why` finds such a note and quotes the
words that make it one; a note that says more (爱人在县医院当护士,当天值夜班要他带孩子) is a reason.
"""

from __future__ import annotations

import re

from extractors.fields.attendance import known_reason
from extractors.fields.leave_words import only_who_or_where

_KIN_WORDS = (
    r"爱人|妻子|丈夫|老伴|媳妇|老公|老婆|儿子|女儿|闺女|儿媳|女婿|父亲|母亲|父母|爸爸|妈妈|公公|婆婆|公婆|岳父|岳母"
    r"|孩子|小孩|子女|儿女|孙子|孙女|外孙女?|侄子|侄女|外甥女?|家属|亲戚|表姐|表哥|表妹|表弟|姐姐|哥哥|弟弟|妹妹"
    r"|嫂子|弟媳|姐夫|妹夫|舅舅|姑姑|叔叔|阿姨"
)
_KIN = rf"(?:其|他|她)?的?(?:{_KIN_WORDS})"
_JOB = (
    r"护士|医生|大夫|老师|教师|会计|出纳|司机|工人|干部|公务员|职工|员工|保安|厨师|村医|民警|警察|辅警|律师|"
    r"销售|经理|店长|营业员|收银员|导游|保洁|保姆|护工|技术员|工程师|科员|文员|个体户|老板|员|师"
)
# what a relative does for a living, and nothing else: 爱人在县中医院当护士, 她丈夫在镇上上班, 其女儿是小学老师
_KIN_JOB = re.compile(
    rf"{_KIN}(?:在[^,;。()]{{1,14}}?)?(?:(?:当|做|是|任|干)(?:一?名|一?个)?[^,;。()]{{0,4}}?(?:{_JOB})(?:工作)?|上班|工作)"
    # ... or where a child goes to school (外孙在县一中读书; not 陪孩子在县城读书: the member's own errand)
    rf"|(?<![陪送带接顾看])(?:{_KIN_WORDS})在[^,;。()]{{1,14}}?(?:读书|上学|念书|读大学|上大学|读高中|读初中|上幼儿园)"
)
# an address with its house number (临江花园9栋2单元, 幸福里12号楼302室) and the home it is (住女儿家, 家住城南):
# where, not why; a home alone (住在女儿家) may mean away and is left to the reader
_ADDRESS = re.compile(
    r"(?:[\u4e00-\u9fff]{1,6}?(?:小区|花园|公寓|新村|家园|苑|大院|里|路|街|巷))?"
    r"\d+(?:栋|幢|号楼|单元|室|弄|号院)(?:\d+(?:单元|室|号|层|楼))*"
)
_HOME = re.compile(
    rf"(?:家住|现住|居住在?|住在?)(?:{_KIN_WORDS}|[^,;。()]{{0,8}}?)家|(?:家住|现住|居住在?)[^,;。()]{{1,12}}"
)
# the member's own words that they could not come
_CANNOT_COME = re.compile(
    r"来不了|去不了|参加不了|到不了|来不成|去不成|参加不成|不能来|没法来|没办法来|不能参加|没法参加|无法参加|无法参会|无法到会"
)
# the frame around reported words and what is said only out of courtesy
_SAID = re.compile(
    r"[^,;。“”\"]{0,10}?(?:说|讲|表示|称|留言|回复|发消息|发微信|打电话)(?:了|过)?[:：]?"
    r"|[“”\"'‘’]|大家多担待|多担待|担待|请?(?:大家)?(?:谅解|见谅|原谅)|抱歉|不好意思|对不起"
    r"|明天|今天|今晚|明晚|头天晚上|前一天|昨晚|会前|的会议?|会议|这次|本次|实在|确实|真的|了|的"
)

# the name someone goes by online, quoted (网名“快乐老家”, 微信昵称"阳光"): who, not why
_NICKNAME = re.compile(
    r"(?:微信|QQ|抖音|群)?(?:网名|昵称|名片|账号|微信名)[:：]?[“\"'‘「][^”\"'’」]{1,16}[”\"'’」]"
)
# where the member works on an ordinary day (平时在城西分理处上班): where, not why
_USUAL_WORK = re.compile(r"^(?:平时|平常|平日|日常|一般|通常)在[^,;。()]{1,14}?(?:上班|工作|办公|坐班)$")

# the member was there to come and did not (在家但没来, 通知到了却没有参加): what did not keep them away
_CAME_NOT = re.compile(r"(?:但|却|结果|可是)(?:还是|也|仍然?)?(?:没有?|未)(?:来|到|参加|参会|到会|出席)")

# a tally of the member's duties or points (本月志愿服务时长已满8小时, 学习积分已达标): a record of them, not why
_TALLY = re.compile(
    r"[^,;。()]{0,10}?(?:时长|积分|学时|课时|次数)(?:已经?|均)?(?:满|达到?|完成|超过|达标)[^,;。()]{0,8}"
    r"|[^,;。()]{0,10}?(?:时长|积分|学时|课时)[^,;。()\d]{0,3}?\d+(?:\.\d+)?万?(?:分|小时|学时|课时)"
)

# the shifts a post works, after it (急诊科护士,三班倒): still who the member is, not why they were away
_SHIFTS = re.compile(r",?(?:三班倒|四班三倒|倒班|常白班|轮班)$")


def not_why(note: str) -> str | None:
    """The words of ``note`` that show it says who or where rather than why (an address, a
    relative's job, the member's own post alone, a tally of hours or points, "来不了" without a
    cause), or None when it may be a reason."""
    text = note.strip("()（） 。,;")
    if (job := _KIN_JOB.search(text)) and not _rest_says_why(_KIN_JOB.sub("", text)):
        return job.group()
    if (address := _ADDRESS.search(text)) and not _rest_says_why(_HOME.sub("", _ADDRESS.sub("", text))):
        return address.group()
    if only_who_or_where(_SHIFTS.sub("", text)):
        return text  # the member's own post (and its shifts) alone
    if (nickname := _NICKNAME.search(text)) and not _rest_says_why(_NICKNAME.sub("", text)):
        return nickname.group()
    if _USUAL_WORK.match(text):
        return text
    if came_not := _CAME_NOT.search(text):
        return came_not.group()
    if (tally := _TALLY.search(text)) and not _rest_says_why(_TALLY.sub("", text)):
        return tally.group()
    if (cannot := _CANNOT_COME.search(text)) and not _rest_says_why(
        _SAID.sub("", _CANNOT_COME.sub("", text))
    ):
        return cannot.group()
    return None


def _rest_says_why(rest: str) -> bool:
    """What is left of a note once the who-or-where words are out still holds a reason's words."""
    rest = rest.strip("()（） 。,;:：、")
    return bool(re.search(r"[\u4e00-\u9fff]", rest)) and known_reason(rest)
