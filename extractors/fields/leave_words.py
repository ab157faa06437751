"""Words that say an absentee had no leave or no reason, shared by the absentee readers."""

from __future__ import annotations

import re

# words after an absentee's name that say there was no leave or no reason: what a reader takes for
# a reason there (未 of 未请假, 请假 of 没有请假, 系无故, 擅自, 不明) is none (a false pass)
DENIED = re.compile(
    r"无故|擅自|无正当理由|不明|未经?请假|没有?请假|不请假|未履行|未办理|未向[^,。;]{0,8}请假|"
    r"未(?:说明|告知|讲明|写明|注明|作说明|做说明|提交)|原因不详|未请示|"
    r"(?:原因|事由)?待补|(?:原因|事由)待(?:查|核实)|"  # 孔某(原因待补): to be supplied, not supplied
    r"(?:未|没有?|没能)能?联系上|联系不上|无法联系|失联|"  # 甲(电话一直未联系上): the branch's doing, no reason
    r"\((?:电话)?(?:一直)?(?:未|没有?|没能)(?:能)?接通\)|\((?:电话)?(?:一直)?无人接听?\)|\(未接电话\)|"  # 甲(电话未接通)
    r"(?:^|[,(])(?:已|均已)?(?:电话|微信|短信)?(?:通知|告知)(?:过|到)?(?:本人)?\)?[、,;。]?$|"  # 甲(已通知): told of it, no why
    r"\((?:电话|微信)?已(?:打|拨打?|联系|沟通)(?:过)?(?:电话)?\)|"  # 甲(电话已打): the branch's call, no why
    r"\((?:会后|另行|将另行|事后|随后|已安排|安排)?补学\)"  # 甲(会后补学): the remedy, no why
)
# a reason cell of a table left empty on purpose
NO_REASON_CELLS = frozenset({"/", "无", "-", "—", "--", "——", "空", "(/)", "(无)"})

# what a note beside an absentee may hold that is no reason: a tally of absences (本月第二次缺席), dues
# paid (已补交党费), a make-up (会后补学), a notice given (已电话通知本人), the absence itself (蓝德峰　缺)
_NOT_REASONS = re.compile(
    r"(?:本月|本季度|本年度?|今年|累计|连续|已经?)?第?[一二两三四五六七八九十\d]+次(?:缺席|缺会|请假|未到)?"
    r"|(?:已|均已|已经)?(?:补交|补缴|交纳|缴纳|交|缴)(?:了|过)?(?:本月|当月|全年|上月)?(?:的)?党费"
    r"|(?:会后|另行|将另行|将|事后|随后|已安排|安排)?(?:补学|补课)"
    r"|(?:已|均已|已经)?(?:电话|微信|短信)?(?:通知|告知|联系)(?:过|了|到)?(?:本人)?"
    r"|缺席|缺会|缺勤|缺|未到|没到|没来|未参加|未参会|未出席|本人|本次|此次|会议|活动"
)


def no_reason_left(reason: str) -> bool:
    """Whether ``reason`` says nothing once tallies, dues, make-ups, notices and absence words are
    taken out (麻玉芬(已补交党费), 应浩宇(本月第二次缺席)): a note, no reason."""
    if re.search(r"[\u4e00-\u9fff]", reason) is None:
        return False  # 〃 / ″: a ditto mark, the reason above (not this reader's to judge)
    rest = _NOT_REASONS.sub("", reason)
    return re.search(r"[\u4e00-\u9fff]", rest) is None
