"""Attendance: expected / actual / absent counts, absentees with reasons, attendee lists.

Only phrases about *this meeting* count: 应到/实到/缺席/请假/参加. Membership
figures (``支部共有党员21名``) and vote tallies (``同意23票``) are not attendance.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections.abc import Callable
from functools import lru_cache

from core.models import Absentee, Evidence, Value
from extractors.fields.absence_among import among_reasons
from extractors.fields.absence_run_on import run_on_absences
from extractors.fields.absence_tables import (
    PRESENT_STATE,
    TabledAbsence,
    headless_roll,
    labelled_absences,
    name_cell_joined,
    row_cells,
    tabled_absences,
)
from extractors.fields.absence_unread import unread_absence, without_judged_notes
from extractors.fields.broken_lines import joined_broken
from extractors.fields.leave_marks import marks_as_reasons
from extractors.fields.leave_words import (
    DENIED,
    LEAVE_FILED,
    NO_REASON_CELLS,
    heard_only,
    is_ditto,
    no_reason_left,
    only_who_or_where,
    says_why,
    says_why_firmly,
)
from extractors.fields.list_reasons import bare_in_repeating_list, borrowed
from extractors.fields.numbers import NUM, to_int
from extractors.fields.people import (
    COHORT,
    COHORT_WORDS,
    COMPOUND_SURNAMES,
    GLUED_RARE_SURNAMES,
    MAX_TRANSCRIBED,
    NAME_DOT,
    NOT_NAMES,
    SURNAMES,
    TITLE_PATTERN,
    TITLE_WORDS,
    TITLES,
    PersonFinder,
    PersonHit,
    after_last_title,
    guess_name,
    leading_guess,
    minority_name,
    name_then_errand,
    named_alone,
    nickname_surname,
    numbered_head_end,
    strip_titles,
    transcribed,
)
from extractors.fields.placed_names import described_by_reason, named_by_place
from extractors.fields.reason_time import other_time
from extractors.fields.tick_lists import TICKS, TickedAway, ticked_away
from extractors.layout.lines import CELL_BARS, TABLE_CELL_GAP, Line, cells_as_pairs
from extractors.text.brackets import split_outside_brackets
from extractors.text.normalize import normalize, to_simplified

# (二十六个人 / 实到二十四个 / 应到二十八个党员 / 应到二十个实到十七个, said aloud)
# a clause's character that says nothing of attending (…5位老党员年纪大腿脚不便,…请了假)
_NOT_HERE_WORD = r"(?:(?!参加|出席|到会|参会|来了|到了|实到|应到)[^,;。:\d名位除])"
_U = r"(?:名|人|位|个(?=人|党员|同志|[,;。]|$|实到|实际|到会|出席|参加|来了|到了|请假|缺席|没来|没到))"
_PRESENT_VERB = r"(?:出席|参加|到会|参会)"  # the verbs of attending, in the count patterns added last
# not attending, in words: 未能参加 / 没有到场 / 未能前往
ATTEND_VERBS = r"(?:参加|参会|到会|出席|到场|前往)"
NOT_ATTEND = rf"(?:未能?|不能|无法|没有|没能|没)(?:随队|一同|一起|同去|赶回来|赶过来|赶来|回来|返回|过来|抽身)?(?:{ATTEND_VERBS}|参与(?!讨论|表决|投票|评议)|连线|接入|入会)"
# not attending in spoken words: 没来 / 没有来 / 没能来 / 来不了 (not 没来得及, 没来过)
NOT_COME = r"(?:没(?:有|能)?前?来(?![得过])|(?<![回起上下出进过])来不了)"
# a count without its unit ends there (实到21,/实到:21): digits not followed by a date or time, a
# Chinese numeral not by another character (到会党员一致同意: 一致 is no count)
_BARE_END = r"(?:(?<=\d)(?![\d年月日号点时:.家户个所次项])|(?<![\d])(?![\u4e00-\u9fff\d]))"
_VOTERS = r"(?:有(?:选举权|表决权|投票权)的?)?"  # an election: 应到会有选举权的党员32名
_WHO = r"(?:党员数|党员|同志|人员|人数|会议|会|正式党员|预备党员|支委|委员)?"
_IS = r"(?:人数)?(?:为|是|共|共计|有|:)?(?:(?<=:)(?:共计|共))?"  # (应到会党员:共20人)
# words that state attendance at this meeting (after a membership figure: 现有党员N名,本次出席M名)
_ATTEND = r"(?:本次|此次|实际|会议|今天|当天|这天)?(?:实到|出席|参加|到会|到场|参会|(?:来了|到了?)(?=\d|[一二三四五六七八九十两])|全部到会|全员|全体(?:党员)?(?:参加|出席|到会))"
# a membership figure: 支部现有党员N名 / 党员总数N人 / 全支部N名党员 / 本支部共有党员N名
_MEMBERS = (
    rf"(?:(?:全|本)?(?:支部|村|社区|所|院|局|校|公司|小组|党小组|组)|现有|共有|在册|党员总数|党员人数|支委)(?:共有|现有|有|共)?(?:有选举权的|有表决权的)?(?:正式|在职|在册)?(?:党员)?(?:教师|干部|职工)?(?:总数|人数)?"
    rf"(?:为|是|共|:)?(?P<n>{NUM}){_U}(?:党员)?(?:\((?:含|其中)?[^()]{{1,24}}\))?"
)

# nobody missing, said aloud: 12名党员一个不少 / 一个都没落下
# (not 19名党员一个不落都交了: all of them did something else)
NONE_MISSING = r"一(?:个|人|名)(?:也|都)?(?:不|没)(?:少|落下?|缺)(?=[,;。:)]|$|(?:都|全|全都)?(?:到|来|参加|参会|出席|在场))"
# everyone came: 支部8名党员无一缺席 / 全体35名党员悉数参加 / 12名党员全员到齐
_ALL_HERE = (
    rf"(?:无一缺席|无一人缺席|无人缺席|无一请假|无人请假|全员到齐|全部到齐|{NONE_MISSING}|"
    r"(?:悉数|全部|全员|均|都|全都)(?:按时|准时|如期)?(?:参加|出席|到会|参会|到场|到齐)了?(?:本次|此次|这次)?(?:会议|活动|主题党日|学习)?"
    r"(?=[,;。:)]|$)|(?:都|全|全都)(?:到了|来了)(?=[,;。:)]|$)|全到(?=[,;。)]|$))"
)
# everyone, counted: 全体党员19人参加 / 参会人员:支部全体党员(共16人) (both the expected and the actual)
_ALL_COUNTED = re.compile(
    rf"全体(?:党员|同志)\(?(?:共)?(?P<n>{NUM}){_U}\)?(?:均|都)?(?:参加|出席|到会|参会|$|[。;,])"
)
# everyone, in a field of those present: 参会党员:全体(11人) / 出席党员:6名(支部全体党员)
_ALL_LABELLED = [
    re.compile(
        rf"(?:参会|出席|参加|到会)(?:党员|人员|人数)?:(?:支部)?全体(?:党员|同志)?\((?:共)?(?P<n>{NUM}){_U}\)"
    ),
    re.compile(
        rf"(?:参会|出席|参加|到会)(?:党员|人员|人数)?:(?P<n>{NUM}){_U}\((?:本?支部)?全体(?:党员|同志)?\)"
    ),
]
# everyone of the committee: 支委5人全部到会 / (支委5人,全部到会) (both the expected and the actual)
_COMMITTEE_ALL_HERE = re.compile(rf"(?:支委|委员)(?P<n>{NUM})(?:{_U}|个),?{_ALL_HERE}")
# 在册党员14人全部到场: the members, all there (both the expected and the actual)
# (not 在职党员18名全部到会: a part of the members)
_MEMBERS_ALL_HERE = re.compile(
    rf"(?<![应共职休动家备式])(?<!其余)(?<!其他)(?<!其它)党员(?P<n>{NUM}){_U}(?:{_ALL_HERE}|,全到(?=[,;。)]|$))"
)
# 6名党员全部到会 / 12名党员全员到齐: the members counted, all there (both the expected and the actual)
_COUNTED_MEMBERS_ALL_HERE = re.compile(
    rf"(?<!其余)(?<!其他)(?<!其它)(?<![\d零〇一二三四五六七八九十两])(?P<n>{NUM}){_U}(?:正式)?党员(?:同志)?{_ALL_HERE}"
)
# …or the day's number, all there: 支部现有党员14名,当天14名全部到会
_DAY_ALL_HERE = re.compile(
    rf"(?:(?<=当天)|(?<=今天)|(?<=当日)|(?<=本次)|(?<=这次)|(?<=此次))(?P<n>{NUM}){_U}(?:全部|全员|全都|悉数|均)"
    r"(?:到会|参会|出席|参加|到齐)"
)
# …: 5名支委全员到会 / 3名支委都到了
_COUNTED_COMMITTEE_ALL_HERE = re.compile(rf"(?P<n>{NUM})(?:{_U}|个)(?:支委|支部委员|委员){_ALL_HERE}")


def _whole_then_part(role: str) -> re.Pattern[str]:
    """The whole, then the part that came, as said aloud: 应该来二十三个来了十九个 / 十一个党员来了
    十个 / 支部十五名党员,来了十三个 / 党员十二个,到了十个 / 五个支委来了四个 / 支委5人,到4人. ``role`` names the
    figure read as ``n``: ``e`` the whole (应到), ``a`` the part (实到)."""
    e, a = ("n", "_a") if role == "e" else ("_e", "n")
    return re.compile(
        rf"(?:应该?来|应到|一共|总共|共有|全?支部|全组|小组|全村)?(?:党员)?"
        # (not a shift's own, a part of the whole told elsewhere: 三班党员4人中到会2人)
        rf"(?<![一二三四五六七八九十\d甲乙丙丁]班党员)(?<![一二三四五六七八九十\d甲乙丙丁]班)"
        rf"(?P<{e}>{NUM})(?:个|名|位|人)"
        rf"(?:人|党员|同志|支委|委员)?(?:\([^()]{{1,30}}\))?(?:里|中|里头|当中)?,?\s?(?:这次|这回|本次|此次|今天|当天|这天|实际|结果|只)?"
        rf"(?:来了|到了|到会|出席|参会|(?:(?<=,)|(?<=[个名位人]))到(?={NUM}(?:个|名|位|人)(?:[,;。]|$)))(?P<{a}>{NUM})(?:个|名|位|人)"
    )


_E_WORD = r"(?:应到|应参会|应出席|应)(?:人数)?"
_A_WORD = r"(?:实到|实参会|实出席|实)(?:人数)?"
_X_WORD = r"(?:缺席|请假|缺勤|缺)(?:人数)?"
_LABEL_END = r"(?:\((?:人|名)\))?(?:人数)?[\]】]?[:;]?\s*"
# both counts under one label, in its order: 应到/实到(人):7/6 / 应/实 9/8
_PAIR_LABEL = rf"{_E_WORD}/{_A_WORD}{_LABEL_END}"
# the three under one label, in its order: 应/实/缺 10/9/1
_TRIPLE_LABEL = rf"{_E_WORD}/{_A_WORD}/{_X_WORD}{_LABEL_END}"
_ZH_DIGIT = "零〇一二两三四五六七八九十"
_ZH_FIG = rf"[{_ZH_DIGIT}百]{{1,4}}"
# both counts in shorthand, each after its one-character label: 支委 应5 实4
_SHORT_E = r"(?:^|(?<=[\s:;,])|(?<=支委)|(?<=党员)|(?<=组员)|(?<=委员))应"
_SHORT_A = r"\s*实"
# the pair labelled the other way round: 实到人数/应到人数:18/20
_PRESENT_FIRST_PAIR = r"实到(?:人数)?/应到(?:人数)?:?"
EXPECTED = [
    re.compile(rf"(?:^|(?<=[,;\s]))(?:应入会|邀请)人数:(?P<n>{NUM})"),  # a platform's online meeting
    re.compile(rf"{_PRESENT_FIRST_PAIR}\d{{1,3}}/(?P<n>\d{{1,3}})(?![\d/])"),
    re.compile(rf"{_SHORT_E}(?P<n>\d{{1,3}}){_SHORT_A}\d{{1,3}}(?![\d/])"),
    re.compile(rf"{_PAIR_LABEL}(?P<n>\d{{1,3}})/\d{{1,3}}(?![\d/])"),
    re.compile(rf"{_PAIR_LABEL}(?P<n>{_ZH_FIG})/{_ZH_FIG}(?![/{_ZH_DIGIT}])"),
    re.compile(rf"{_TRIPLE_LABEL}(?P<n>\d{{1,3}})/\d{{1,3}}/\d{{1,3}}(?![\d/])"),
    re.compile(rf"{_TRIPLE_LABEL}(?P<n>{_ZH_FIG})/{_ZH_FIG}/{_ZH_FIG}(?![/{_ZH_DIGIT}])"),  # 十九/十七/二
    # (not 应到18家: member units, not people)
    re.compile(
        rf"应(?:到|参会|参加|出席|到会|出勤|签到|签)(?:本次|此次)?(?:会议|活动)?的?{_VOTERS}:?{_WHO}{_WHO}(?:\((?:含|包括)[^()]{{1,10}}\))?{_IS}(?P<n>{NUM})"
        rf"(?:{_U}|(?![\d家户个所次项]))"
    ),
    # 全体党员19人参加 / 参会人员:支部全体党员(共16人): everyone, counted
    _ALL_COUNTED,
    *_ALL_LABELLED,
    # the whole after the count of those who came, in the bracket closing their list: (6人,全组7人)
    re.compile(rf"\({NUM}{_U}[,;](?:全组|全支部|全体党员|全组共|支部共|应到)(?P<n>{NUM}){_U}\)"),
    # a membership figure paired with this meeting's attendance later in the sentence
    # (not 共有23名党员参加: a figure the attendance verb follows directly is the attendance)
    # (本组党员:8人　到会:7人: the table's gap dropped, the attendance label right after)
    re.compile(
        rf"{_MEMBERS}(?:[,;][^。,;]{{0,8}}?|(?=本次|此次|实际|其中|到会:|出席:|实到:|参会:)){_ATTEND}"
    ),
    # 支部25名党员除2名请假外全部参会: the whole, those excepted, the rest attended
    re.compile(
        rf"(?P<n>{NUM}){_U}(?:正式)?党员(?:中)?,?除[^,;。]{{1,20}}?(?:以外|之外|外),?(?:其余|其他|其它)?(?:{NUM}{_U})?(?:党员|同志)?"
        rf"(?:均|都|全部|全都|悉数)?(?:按时)?(?:参加|出席|到会|参会|到场)"
    ),
    # 现有党员12名,除2名…外,其余10名党员全部参加
    re.compile(
        rf"党员(?P<n>{NUM}){_U},?除[^,;。]{{1,20}}?(?:以外|之外|外),?(?:(?:其余|其他|其它)(?:{NUM}{_U})?(?:党员|同志)?"
        rf"(?:均|都|全部|全都)?|均|都|全部|全都)(?:按时)?(?:参加|出席|到会|参会)"
    ),
    # 支部14名党员中,2名在外地驻场… / 14名党员中到了13名: the whole before the parts
    re.compile(
        rf"(?:支部|全支部|本支部|全村|全体)?(?<!\d)(?P<n>{NUM}){_U}(?:正式)?党员(?:中|里),?(?!有?{NUM}{_U}(?:缺席|请假|未))"
    ),
    # 现有党员29名,除值班…的以外,本次…22名: the whole, those excepted
    re.compile(rf"{_MEMBERS},除[^。;()]{{1,20}}?(?:\([^()]{{1,40}}\))?(?:以外|之外|外),"),
    # 支委5人全部到会: everyone of the committee
    _COMMITTEE_ALL_HERE,
    _COUNTED_COMMITTEE_ALL_HERE,
    _MEMBERS_ALL_HERE,
    # 党员12名,实到11名: a sentence (or form value) opening with the members, attendance after a comma
    re.compile(rf"(?:^|(?<=:))(?:党员|全体党员)(?:共)?(?P<n>{NUM}){_U}[,;][^。,;]{{0,4}}?{_ATTEND}"),
    _COUNTED_MEMBERS_ALL_HERE,
    _DAY_ALL_HERE,
    # 参会人数:27/30 / 参会28/31
    re.compile(
        r"(?:参会|参加|出席|到会|实到)(?:党员)?(?:人数)?:?\d{1,3}/(?P<n>\d{1,3})(?![\d/])"
    ),  # 到会党员18/22
    # 到会率90%(27/30): the rate, then those present over the whole
    re.compile(r"(?:到会|出席|参会|出勤)率[:为是]?[\d.]+%\(\d+/(?P<n>\d+)\)"),
    # 22名党员中有20名参加 / 在全支部32名党员中,30人到会: the whole, then the part that attended
    re.compile(
        rf"(?P<n>{NUM}){_U}(?:正式)?(?:党员|同志)?中[,]?(?:[^,;。\d]{{1,6}}?的)?(?:有|共有|共|其中)?{NUM}{_U}(?:党员|同志)?(?:参加|出席|到会|参会|与会)"
    ),
    # 共7人参加(支部党员8人) / 到会党员7名,支部现有党员8名: the membership figure after the attendance
    re.compile(
        rf"(?:{_ATTEND}[^。;,]{{0,8}}?{NUM}{_U}|{NUM}{_U}(?:党员|同志)?{_ATTEND})[^。;]{{0,4}}?[,;(]{_MEMBERS}"
        r"(?![\u4e00-\u9fff])"  # (not 社区6名楼栋长列席: others than the members)
    ),
    # 参会:全支部15人,请假1人(万晓燕,产假),其余到齐: the membership, the rest all there
    re.compile(
        rf"{_MEMBERS}[,;][^。]{{0,40}}?其余(?:党员|同志|人员)?(?:均|都|全部|全都)?(?:到齐|参加|出席|到会|参会)"
    ),
    # 人数:在册22 到场19 / 应20/实18/假2: a form's bare numbers
    re.compile(r"(?:^|[:,;])(?:在册|应)(?P<n>\d{1,3})(?=/|到场|实到|实\d)"),
    # 全村党员四十名,流动党员六名在外未回,另有三人请假,到会的三十一名: the membership, the count present
    # at the end of the sentence
    re.compile(
        rf"{_MEMBERS}[,;][^。]{{0,40}}?[,;](?:本次|此次|这次|实际|今天|当天)?(?:会议|活动)?(?:到场)?(?:实到|出席|参加|到会|参会)"
        rf"(?:活动|会议)?的?(?:党员)?(?:有|共)?{NUM}{_U}"
    ),
    _whole_then_part("e"),
    # a form's field of the whole, on its own (党员总数:26人; then 出席:24人; on the next row)
    re.compile(rf"^(?:支部)?(?:党员总数|党员人数|在册党员)(?:人数)?:(?P<n>{NUM}){_U}[;。]?$"),
]
# people at a meeting who are not its members (积极分子列席), and words picking some of a number out
_OTHER_PEOPLE = "积极分子|发展对象|群众|团员|学生|列席|嘉宾|代表|家属|职工|居民|村民|其中|另有|还有"
# words of a clause whose number is not the members present: absence, the whole, a part, others
_NOT_MEMBERS = (
    f"未|没|不|缺|请假|应|全|悉数|选|派|推荐|共有|{_OTHER_PEOPLE}|老师|干部|支委|委员|领导|专家|同学"
)
# the last resorts' clause: from a stop, holding none of those words
_MEMBERS_CLAUSE = rf"(?:^|(?<=[,;。:]))(?![^,;。:]*?(?:{_NOT_MEMBERS}))"
_ATTENDING = "(?:参加|出席|参会|到会|与会|听课|参学|到场)"
# the meeting held in sittings, those present at all of them: 两场合计到会32人 / 两场共到会10人 (not a bare
# 合计到会: a table's total row, read by totals_first)
_SITTINGS = r"(?:[两三四]|两个|三个)(?:场|批|批次|个?班次|轮)"
_SITTING_TOTALS = [
    re.compile(
        rf"(?:{_SITTINGS}(?:会议|次)?(?:合计|共计|总计|累计|共|一共|总共))(?:实际)?{_PRESENT_VERB}"
        rf"(?:党员|人员)?(?:人数)?(?:为|是|共)?:?(?P<n>{NUM}){_U}"
    ),
    # 两场共有19人听课 / 两个班次分别到会17名、12名,共29名
    re.compile(
        rf"{_SITTINGS}(?:合计|共计|总计|共|一共|总共)有?(?P<n>{NUM}){_U}(?:党员)?(?:{_PRESENT_VERB}|听课|参学)"
    ),
    re.compile(
        rf"{_SITTINGS}分别{_PRESENT_VERB}{NUM}{_U}(?:[、,和]{NUM}{_U}){{1,2}},?(?:合计|共计|总计|共|一共)(?P<n>{NUM}){_U}"
    ),
]
ACTUAL = [
    re.compile(rf"{_PRESENT_FIRST_PAIR}(?P<n>\d{{1,3}})/\d{{1,3}}(?![\d/])"),
    *_SITTING_TOTALS,
    # those who heard a 党课, counted in its form's field: 听课党员:20人
    re.compile(rf"听课(?:党员|人员|人数)(?:为|:)?(?P<n>{NUM}){_U}"),
    # 出席党课的党员和入党积极分子共42人,其中党员31人: the members of those present
    re.compile(rf"{_PRESENT_VERB}[^。]{{0,16}}?共{NUM}{_U},其中(?:正式)?党员(?P<n>{NUM}){_U}"),
    # the members counted apart from others with them under a label of those present: 参会人员:党员12名,入党
    # 积极分子3名 / 出席人数(党员):12名;列席人数:5名
    re.compile(rf"{_PRESENT_VERB}(?:会议|活动)?(?:人员|人数|对象)?\(党员\):(?P<n>{NUM}){_U}"),
    re.compile(
        rf"{_PRESENT_VERB}(?:会议|活动)?(?:人员|人数|对象)?:(?:支部)?(?:正式)?党员(?P<n>{NUM}){_U}"
        r"(?=[,;、](?:入党)?(?:积极分子|发展对象|群众|列席)|[,;]?(?:共|合计))"
    ),
    # the sum worked out in the record: 实到22－2＝20人 (the result, not the first term)
    re.compile(rf"(?:实到|实际到会|实际参加|到会|出席)(?:人数)?(?:为|是|:)?{NUM}-{NUM}=(?P<n>{NUM}){_U}"),
    re.compile(rf"{_SHORT_E}\d{{1,3}}{_SHORT_A}(?P<n>\d{{1,3}})(?![\d/])"),
    re.compile(rf"{_PAIR_LABEL}\d{{1,3}}/(?P<n>\d{{1,3}})(?![\d/])"),
    re.compile(rf"{_PAIR_LABEL}{_ZH_FIG}/(?P<n>{_ZH_FIG})(?![/{_ZH_DIGIT}])"),
    re.compile(rf"{_TRIPLE_LABEL}\d{{1,3}}/(?P<n>\d{{1,3}})/\d{{1,3}}(?![\d/])"),
    re.compile(rf"{_TRIPLE_LABEL}{_ZH_FIG}/(?P<n>{_ZH_FIG})/{_ZH_FIG}(?![/{_ZH_DIGIT}])"),
    # a header's label with its count in brackets: 出席(22人,应到24人): / 参会人员(共33人):…
    re.compile(
        rf"(?<![应未])(?:出席|参会|参加|到会|与会|实到)(?:人员|党员|同志)?\((?:共|共计|计)?(?P<n>{NUM}){_U}[,;)]"
    ),
    # 在职党员到会15名,退休党员到会32名,合计47名: the parts present, then their sum
    re.compile(
        rf"(?:到会|参加|出席|参会)[^。;]{{0,12}}?{NUM}{_U},[^。;]{{0,16}}?{NUM}{_U}[,;]?(?:合计|共计|总计)(?P<n>{NUM}){_U}"
    ),
    # a label's count of those who came, the whole in brackets after it: 参加:第二党小组党员7人(应到8人)
    re.compile(
        rf"^(?:参加|参会|出席|到会)(?:人员|党员)?:[^,;。:()\d]{{0,12}}?(?P<n>{NUM}){_U}\((?:应到|应参会|应出席|应参加|全组|共)"
    ),
    # a label's list of those who came, counted in the bracket closing it: 参会:甲、乙…(6人,全组7人)
    re.compile(
        rf"^(?:参加|参会|出席|到会)(?:人员|党员)?:[^():;。\d]{{4,160}}\((?:共|共计)?(?P<n>{NUM}){_U}[,;)]"
    ),
    # 10人中9人出席 / 22名党员中有20名参加: the part of the whole (before 出席:10人 is read as a count)
    re.compile(
        rf"{NUM}{_U}(?:正式)?(?:党员|同志)?中[,]?(?:[^,;。\d]{{1,6}}?的)?(?:有|共有|共|其中)?(?P<n>{NUM}){_U}(?:党员|同志)?(?:参加|出席|到会|参会|与会)"
    ),
    # a sign-in tally: 应签21人,已签18人 / 实签到19人
    re.compile(rf"(?:已|实)签(?:到)?(?:人数)?(?:为|是|共|:)?(?P<n>{NUM}){_U}"),
    # 实到74名 said outright, before another verb's figure in the same sentence (现场参会58名,…实到74名)
    re.compile(
        rf"(?<!应)(?:实到|实际到会|实际出席|实际参会|实出勤)(?:会议|会(?=党员|人员))?的?(?:党员|人员)?(?:人数)?(?:为|是|共|只有|仅有|仅|:)?(?P<n>{NUM})"
        r"(?!\d|[年月日号点时家户个所次项])"
    ),
    re.compile(
        rf"(?<!应)(?<!应参)(?<![未没不])(?<!没有)(?<!没能)(?<!未能)(?:实到会?|实际到会|实际参会|实际参加|实际出席|实际出勤|实参会|实参加|实出席|到会|到场|到课|出席|参加(?:会议|活动|党课|学习|主题党日)|参会)"
        rf"(?:会议|活动)?的?{_VOTERS}{_WHO}{_WHO}的?{_IS}[(]?(?:支委|委员)?(?P<n>{NUM})(?:{_U}|{_BARE_END})"
    ),
    re.compile(rf"(?<!应)(?<![未没不])(?:参会|与会){_WHO}{_IS}[(]?(?P<n>{NUM}){_U}"),  # (not 未参会:3人)
    # a platform's tally: 签到成功:22 / 合计签到:25 / 已签到:28
    re.compile(rf"(?:^|(?<=[,;\s]))(?:签到成功|合计签到|已签到|实签到)(?:人数)?:(?P<n>{NUM})(?!/)"),
    # 应到27,来了23: said aloud right after the expected count, the unit left out
    re.compile(rf"应到{NUM}{_U}?[,;]?(?:实际|今天)?(?:来了|到了)(?P<n>{NUM})(?:{_U}|个)?(?=[,;。]|$)"),
    # 今天来开会的是16名, said aloud
    re.compile(
        rf"(?<![没未不应该])来(?:开会|参会|参加会议|听课|学习)的(?:党员|同志|人)?(?:是|有|共|一共|共有)?(?P<n>{NUM})(?:{_U}|个)"
    ),
    re.compile(r"(?:参会|参加|出席|到会|实到)(?:党员)?(?:人数)?:?(?P<n>\d{1,3})/\d{1,3}(?![\d/])"),
    re.compile(r"(?:到会|出席|参会|出勤)率[:为是]?[\d.]+%\((?P<n>\d+)/\d+\)"),
    # a roll call: …,以上9人均到 / 以上12名同志都到会
    re.compile(
        rf"以上(?P<n>{NUM}){_U}(?:同志|党员)?(?:均|都|全部)?(?:已)?(?:到|到会|到齐|出席|参加)(?![\u4e00-\u9fff])"
    ),
    re.compile(rf"共(?:有)?(?P<n>{NUM}){_U}(?:党员|同志)?(?:参加|参会|出席|到会|参与|到场)"),
    # (not 推选两名党员参加…评比: those chosen to go elsewhere)
    re.compile(
        rf"(?<![应共选荐派排])(?<!共有)(?P<n>{NUM}){_U}(?:老|退休|离退休|在职)?(?:党员|同志)(?:教师|干部|职工|医生|医务人员|民警|学生|同学)?(?:及[^,;。]{{0,12}}?)?(?:参加|参会|出席|到会|参与|到场)"
    ),
    # the members who went to where the activity was held: 支部28名老党员走进新落成的住院楼,开展主题党日活动
    re.compile(
        rf"(?<![应共选荐派排有])(?P<n>{NUM}){_U}(?:老|退休|离退休|在职)?(?:党员|同志)"
        r"(?:走进|来到|前往|奔赴|齐聚|相聚|一同来到|一起来到)[^;。]{1,30}?(?:开展|举行|举办|召开)[^;。]{0,12}?(?:主题党日|活动|党课)"
    ),
    # 除去在外实习的3人,18名党员全部参加: the count after those excepted
    re.compile(
        rf"(?:除|去掉)[^。;]{{1,40}}?,(?P<n>{NUM}){_U}(?:党员|同志)?(?:全部|全都|均|都|悉数)?(?:参加|参会|出席|到会|到了?场|到齐)"
    ),
    re.compile(rf"(?<=有|中)(?<!另有)(?<!还有)(?P<n>{NUM}){_U}(?:参加|参会|出席|到会|参与|到场)"),
    re.compile(rf"(?:参加|出席|到会)人数(?:为|是|共|:)?(?P<n>{NUM}){_U}?(?![\d年月日号点时:.])"),
    re.compile(
        rf"(?:党员|同志)中[,]?(?:共|其中)?(?P<n>{NUM}){_U}(?:党员|同志)?(?:参加|参会|出席|到会|参与|到场)"
    ),
    # 在家党员27名参加 / 13名党员和2名入党积极分子参加: the members (others with them are not counted)
    re.compile(
        rf"(?<![应共])党员(?:干警|干部|职工|教师|民警|同志|代表)?(?P<n>{NUM}){_U}(?:参加|出席|到会|参会)"
    ),
    _MEMBERS_ALL_HERE,
    _COUNTED_MEMBERS_ALL_HERE,
    _DAY_ALL_HERE,
    re.compile(rf"(?<![应共\d])(?P<n>{NUM}){_U}党员(?:和|及|与)[^,;。]{{1,14}}?(?:参加|出席|到会|参会)"),
    # 其余10名党员全部参加: those left after the excepted, all there
    re.compile(
        rf"(?:其余|其他|其它)(?P<n>{NUM}){_U}(?:党员|同志)?(?:均|都|全部|全都|悉数)?(?:按时)?(?:参加|出席|到会|参会)"
    ),
    # 经举手表决,24名到会党员一致同意…: the number of members present, written before them
    re.compile(rf"(?<![应共])(?P<n>{NUM}){_U}(?:到会|出席|参会|与会|在场)的?(?:党员|同志)"),
    # 支部12名党员,10名到场: the membership figure, then the part that attended after a comma
    re.compile(
        rf"(?:支部|党员)[^,;。]{{0,6}}?{NUM}{_U}(?:党员)?[,;](?:本次|此次|其中|实际|共)?(?:有)?"
        rf"(?P<n>{NUM}){_U}(?:党员|同志)?(?:上线|线上|在线|现场|按时|准时)?(?:参加|参会|出席|到会|参与|到场)"
    ),
    # 当天到场的11名党员 / 本次听课的党员有22名 / 全村参加党员26人 / 到了13名 / 支委5人全部到会
    re.compile(rf"(?<![未没不])(?:到会|出席|参加|参会|到场|听课|与会)的(?P<n>{NUM}){_U}(?:党员|同志)"),
    re.compile(
        rf"(?<![未没不])(?:到会|出席|参加|参会|到场|听课|与会)的(?:党员|同志)(?:有|共)?(?P<n>{NUM}){_U}"
    ),
    re.compile(rf"(?<![未没不能])(?:全村|全支部|本次|共)?参加(?:的)?党员(?:共|有)?(?P<n>{NUM}){_U}"),
    re.compile(rf"(?:党员|同志)中,?(?:实际)?到了?(?P<n>{NUM}){_U}"),
    re.compile(rf"(?:党员|共)[^,;。]{{0,4}}?{NUM}{_U}[,;](?:实)?到了?(?P<n>{NUM}){_U}"),
    _COMMITTEE_ALL_HERE,
    _COUNTED_COMMITTEE_ALL_HERE,
    re.compile(
        rf"(?:一共|总共|共|这天|今天|当天|当日|本次|此次|这次|这回|实际)(?:党员大会|会议|活动|主题党日|党员活动日)?"
        rf"(?:来了|到了|到)(?P<n>{NUM})(?:{_U}|个)"
    ),
    # …为主,到了17个,还有3个…: those who came, said aloud at the head of a clause
    re.compile(rf"(?:^|(?<=[,;:]))(?:到了|来了)(?P<n>{NUM})(?:{_U}|个)(?:党员|同志|人)?(?=[,;。]|$)"),
    # 应到的是二十五,到了二十二,请假的是两个: said aloud after the expected count, no unit
    re.compile(rf"应到(?:的)?(?:是|有)?{NUM}{_U}?,(?:实际)?(?:到了|来了)(?P<n>{NUM})(?=[,;。]|$)"),
    # a platform's tally of an online meeting: 邀请人数:34 入会人数:31 未入会:3
    re.compile(rf"(?<![未没])入会人数:(?P<n>{NUM})"),
    _ALL_COUNTED,
    *_ALL_LABELLED,
    # 参加会议的有支部党员12名、入党积极分子3名: the members only
    re.compile(rf"参加(?:会议|活动)?的(?:有|是)?(?:支部)?(?:正式)?党员(?P<n>{NUM}){_U}"),
    # 支部党员全部到齐,一共15人
    re.compile(
        rf"(?:全部|全员|都)(?:到齐|参加|到会|出席)[^。]{{0,4}}?,?(?:一共|总共|共计|共)(?P<n>{NUM}){_U}"
    ),
    # 应20/实18/假2 / 在册22到场19 / 应12实11假1 / 支委5人,到5缺0: a form's bare numbers
    re.compile(r"(?:(?<=/)实|(?<=\d)到场|(?<=\d)实|(?<=[,;:])到)(?P<n>\d{1,3})(?=[缺假请/,;。]|$)"),
    # 参会人员:详见签到表(共23人) / 出席:党员15名(其中…)
    re.compile(rf"{_PRESENT_VERB}(?:人员)?:[^。;]{{0,8}}?\(共(?P<n>{NUM}){_U}\)"),
    re.compile(rf"(?:{_PRESENT_VERB}|实到):(?:党员|同志)(?P<n>{NUM}){_U}"),
    # 参会人员:邢立峰、曲婧雯…,共12人 / 出席:甲、乙、丙等15人: a list of those present closed by its count
    re.compile(
        rf"(?:^|(?<=[。;]))(?:出席|参会|参加|到会|与会)(?:人员|党员|同志)?:(?![^。]*?(?:{_OTHER_PEOPLE}))"
        rf"[^。:]{{2,400}}?[,、]?(?:共|共计|合计|计|等)(?P<n>{NUM}){_U}(?=[。;)]|$)"
    ),
    # 今天签到的一共23人 / 备注:签到27人: the sign-in count written in the minutes
    re.compile(rf"签到(?:的)?(?:党员|人数|人员)?(?:一共|总共|共计|共|有|为)?(?P<n>{NUM}){_U}"),
    # 实际入会36人 (an online meeting) / 本次参学党员14人
    re.compile(rf"(?:实际|实)(?:入会|上线|在线参会)(?P<n>{NUM}){_U}"),
    re.compile(rf"(?:本次|此次)?(?:参学|听课)(?:的)?(?:党员|同志)(?:有|共)?(?P<n>{NUM}){_U}"),
    # 参加情况:钉钉在线22人,联络处现场3人,合计25人: the total of the parts
    re.compile(rf"{_PRESENT_VERB}(?:情况|人数)?:[^。]*?(?:合计|共计|总计|一共)(?P<n>{NUM}){_U}"),
    # 参加本次主题党日15人 / 参加此次学习的党员12名
    re.compile(
        rf"(?<![未没不能应])(?:参加|出席)(?:本次|此次|这次)(?:主题党日|会议|活动|学习|党课|党员大会)(?:活动)?的?(?:党员|同志)?"
        rf"(?:有|共|为)?(?P<n>{NUM}){_U}"
    ),
    _whole_then_part("a"),
    # the last resort: a number of members and an attending verb in a clause that says nothing of
    # absence or of others (党员23名参加了本次活动 / 听课的有23人; not 两名入党积极分子参加)
    re.compile(
        rf"{_MEMBERS_CLAUSE}[^,;。:]{{0,16}}?(?<![\d零〇一二两三四五六七八九十百])(?P<n>{NUM})(?:{_U}|个)(?:党员|同志)?"
        rf"(?:均|都|按时|准时|一起|共同)?{_ATTENDING}(?!率)"  # (not 请假:3人参会率:88%: a rate's label after it)
    ),
    re.compile(
        rf"{_MEMBERS_CLAUSE}[^,;。:]{{0,8}}?{_ATTENDING}(?:的)?(?:党员|同志)?(?:有|共|为)?(?P<n>{NUM})(?:{_U}|个)(?![次项天])"
    ),
    # a platform's tally: 已签到 19 / 应签到 21
    re.compile(rf"已签到(?:人数)?:?(?P<n>{NUM}){_U}?/应签到"),
    # an online meeting's count after the expected one: 应到10人,在线9人
    re.compile(rf"应到{NUM}{_U}[,;](?:在线|线上|实际在线)(?:参会)?(?P<n>{NUM}){_U}"),
    # a label of those present counting the members alone: 参加人员:支部党员24人。
    re.compile(
        rf"{_PRESENT_VERB}(?:会议|活动)?(?:人员|人数):(?:支部|全体)?(?:正式)?党员(?P<n>{NUM}){_U}(?=[。;]|$)"
    ),
    # last, a platform's row, the sign-in count beside the expected one: 应到:26人　签到:23人　请假:3人
    re.compile(
        rf"应到(?:人数)?:?{NUM}{_U}?[,;]?签到(?:人数)?:?(?P<n>{NUM}){_U}?(?=[,;。]|请假|缺席|参会率|$)"
    ),
]
# an errand written between the count and the absence: 1人在外地跑销售请假 (not an attendance verb)
# (not 应到会党员一十四名 到会一十三名 甲…请了假: 到会 and another count are no errand)
_ERRAND = rf"(?:在|去|到(?!会|场)|赴)(?:(?!参加|出席|到会|参会|{NUM}{_U})[^,;。\d]){{1,10}}?"
# a form label's tail before the count: 缺席人员及原因:3人
_AND_WHY = r"(?:及(?:其)?(?:原因|事由|理由))?"
# words between a number and the absence verb: 2人事先请假 / 2名同志均已向支部请假
_ADVERBS = r"(?:均|都|也|已|已经|事先|提前|另行|按规定)*(?:向[^,;。()]{1,8}?)?(?:书面)?"
# the number is the count present or expected (实到十五人,请假的有两个), not of those away
_NOT_A_COUNT_OF_PRESENT = r"(?<![\d零〇○一二两三四五六七八九十百千廿卅])" + "".join(
    rf"(?<!{verb})"
    for verb in (
        *("实到", "应到", "到会", "出席", "参加", "参会", "来了", "到了", "实有", "应有"),
        *(
            "实到是",
            "应到是",
            "到会是",
            "出席是",
            "实到为",
            "应到为",
        ),  # (said aloud: 实到是二十四个请假的是四个)
        *("实到:", "应到:", "到会:", "出席:", "参会:"),  # (a form: 实到:4人,缺席:甲(住院))
    )
)
# an absent count written bare after the others: 应到9,实到8,缺1(李四,出差) / 参会28/31,缺3: / 请假4(…)
BARE_ABSENT = re.compile(r"(?<=[,;:])(?:缺(?:席|勤)?|请假)(?P<n>\d{1,3})(?=[(,;:。]|$)")
_CAPITALS = "壹贰叁肆伍陆柒捌玖拾佰仟"  # the numerals a form writes (陆 and 伍 are surnames too)
ABSENT = [
    # a platform's tally: 签到成功:22 请假:2 / 应签到:27 未签到:2
    re.compile(rf"(?:^|(?<=[,;\s]))未签到(?:人数)?:(?P<n>{NUM})"),
    re.compile(rf"(?:^|(?<=[,;\s]))未入会(?:人数)?:(?P<n>{NUM})"),  # 邀请人数:34 入会人数:31 未入会:3
    re.compile(rf"{_TRIPLE_LABEL}\d{{1,3}}/\d{{1,3}}/(?P<n>\d{{1,3}})(?![\d/])"),
    re.compile(rf"{_TRIPLE_LABEL}{_ZH_FIG}/{_ZH_FIG}/(?P<n>{_ZH_FIG})(?![/{_ZH_DIGIT}])"),
    # after the counts, the others away: 另有2人缺会 / 另有0人缺席
    re.compile(rf"(?:^|(?<=[,;]))另有(?P<n>{NUM}){_U}(?:党员|同志)?(?:缺会|缺席|未到会?|未参会)(?=[,;。]|$)"),
    # 另有3名党员甲、乙、丙因…未能参加: the count, the names, why, the act
    re.compile(
        rf"(?:^|(?<=[,;]))另有(?P<n>{NUM}){_U}(?:党员|同志)?[\u4e00-\u9fff·、]{{2,40}}?(?:因|由于)[^,;。]{{2,30}}?"
        r"(?:未能?参加|未能?到会|未参会|缺席|请假)"
    ),
    # a form row in Chinese figures, each after its label: 应到二十九实到二十五缺席四
    re.compile(rf"(?<=[{_ZH_DIGIT}])缺席(?P<n>{_ZH_FIG})(?=[,;。]|$)"),
    # (缺了三个 / 差两个: said aloud; not 出差2人)
    re.compile(
        rf"(?:缺席|请假|缺勤|缺会|缺了|(?<!出)差了?(?={NUM}(?![^,;。]{{0,16}}?(?:交|缴|党费)))|未到会?|未参会|未参加|没(?:有|能)?(?:参会|参加|到会)|没有?来(?={NUM})|没到(?={NUM}))(?:会议|活动)?的?{_WHO}(?:人数)?{_AND_WHY}(?:为|是|共|:)?(?P<n>{NUM}){_U}"
    ),
    # a form's short label: 应到:7人 实到:6人 缺:1人(…)
    re.compile(rf"(?:^|(?<=[\s,;。人名位]))缺:(?P<n>{NUM}){_U}"),
    # a header's label with its count in brackets: 缺席(2人):… / 请假人员(1人):…
    re.compile(rf"(?:缺席|请假|缺勤|未到会?|未参会|未出席)(?:人员|党员|同志)?\((?P<n>{NUM}){_U}\)"),
    # 4名请假党员中,甲… / 3名缺席同志分别是
    re.compile(
        rf"(?P<n>{NUM}){_U}(?:请假|缺席|未到会?|未参会|未参加)的?(?:党员|同志|人员)(?=中|里|,|:|分别|是|为)"
    ),
    # (not 缺席:05、11: the sheet's row numbers of those away; not 请假:陆碧莲, a surname that is a numeral)
    re.compile(
        rf"(?:缺席|请假|未到|缺勤)(?:人数)?(?:为|是|:)(?!0\d)(?![{_CAPITALS}][^\W\d_人名位个{_CAPITALS}])(?P<n>{NUM})"
        r"(?![\d年月日号级届、])"
    ),
    re.compile(rf"(?:缺席|请假)人数(?P<n>{NUM})(?![\d年月日号级届])"),
    re.compile(
        r"(?<=\d)(?:缺席|请假|缺|假)(?P<n>\d{1,3})(?![\d年月日号级届])"
    ),  # 应到25实到21请假4 / 实11假1
    re.compile(rf"(?:缺席|请假|缺勤)的?(?:党员|同志|人员)?(?:有|共)(?P<n>{NUM})(?:{_U}|个)"),
    re.compile(rf"(?<![空欠短还尚仍])缺(?P<n>{NUM}){_U}"),  # (not 排班还缺两人: a shortage)
    re.compile(r"(?:^|(?<=[,;]))缺(?P<n>\d{1,2})(?=:)"),  # a terse form's line: 缺1：甲 带毕业班体检
    re.compile(rf"(?:请假|没来|没到)(?P<n>{NUM})个(?=:)"),  # 请假两个：甲倒休，乙当班
    # those counted, described, then their leave: 甲、乙…5位老党员年纪大腿脚不便,事先打电话请了假 /
    # 4名正式党员井下当班请假:… (not 5名党员参加…,另2人请假: the description no attendance; not 有两名党员请假偏多)
    re.compile(
        rf"(?<![有共的])(?P<n>{NUM})(?:位|名|人)(?:老|正式|预备|流动|在职|退休)?(?:党员|同志)"
        rf"(?:{_NOT_HERE_WORD}{{0,14}},)?{_NOT_HERE_WORD}{{0,14}}?(?:事先|提前|已)?(?:打电话)?请[了过]?假(?!偏多|较多|太多)"
    ),
    re.compile(
        rf"(?:没来|没到|没有来|没回来|没能来|未回|没参加|未参加|请假|请了假)的(?P<n>{NUM})(?:个|人|名|位|(?<=仨)(?=[,;。:]))"
    ),
    # 除去在外实习的3人,18名党员全部参加 / 去掉…的3人(甲,乙,丙),其余16人全部到会
    re.compile(
        rf"(?:除去|去掉|除了?)[^,;。]{{0,30}}?的(?P<n>{NUM})(?:位|名|人|个)(?:同志|党员)?(?:\([^()]*\))?(?:以外|之外|外)?,"
        rf"(?:其余|其他|其它)?(?:{NUM}{_U})?(?:党员|同志)?(?:全部|均|都|全都|悉数)?(?:参加|出席|到会|参会|到场|到齐|实到)"
    ),
    BARE_ABSENT,
    # 除2名驻外地的党员外,其余…参加 / 参加活动36名,其余5名党员均在外地务工: those not there
    re.compile(
        rf"除(?P<n>{NUM}){_U}[^,;。]{{0,30}}?(?:\([^()]*\))?(?:以外|之外|外),?(?:其余|其他|其它|均|都|全部|{NUM}{_U}(?:党员|同志)?(?:均|都|全部))"
    ),
    re.compile(
        rf"除[^,;。]{{2,40}}?(?P<n>{NUM})(?:位|名|人)(?:同志|党员)?(?:以外|之外|外),?(?:支部)?(?:其余|其他|其它|均|都|全部)"
    ),
    re.compile(
        rf"(?:参加|出席|到会|参会|(?<![应该])到)[^。;]{{0,12}}?{NUM}{_U}[,;](?:其余|其他|其它)(?P<n>{NUM}){_U}(?:党员|同志)?"
        rf"(?![^,;。]*(?:参加|出席|到会|参会|到场))"
    ),
    re.compile(
        rf"(?<!预备党员)(?<!正式党员){_NOT_A_COUNT_OF_PRESENT}(?P<n>{NUM})(?:{_U}|个)(?:[^,;。\d]{{1,16}}?的(?=党员|同志))?(?:(?:正式|预备|老)?党员|老?同志|老师|同学)?(?:\([^()]{{1,20}}\))?(?:分别)?"
        rf"(?:因[^,;。]{{1,30}}?|{_ERRAND}[^,;。]{{0,20}}?|(?:外出|在外|出差|住院|生病|值班|务工|打工)[^,;。]{{0,16}}?)?,?"
        rf"(?:经[^,;。]{{0,6}}?(?:批准|同意))?{_ADVERBS}"
        rf"(?:请假|请了假(?!,其余|,其他)|缺席|未参加|未能参加|未到会|未参会|未能到会|未到|没来|没到|没能参加)"
    ),
    # 应20/实18/假2 / 实到12,应到14,差2个: / 缺的3个…
    re.compile(r"(?<=\d/)假(?P<n>\d{1,3})(?![\d年月日号级届])"),
    re.compile(
        rf"(?<=[,;])(?:就|只|还)?(?:差|缺的)(?P<n>{NUM})(?:个|人|名|位)(?![^,;。]{{0,16}}?(?:交|缴|党费))"
    ),  # (not 还差两名党员没在手机上交: dues still to pay)
    # 本组党员9名,到会8名,公出1名。: the one kind of absence closing the counts is their count
    re.compile(rf"(?<=[,;])(?:公出|出差|病假|事假|产假)(?P<n>{NUM}){_U}(?=[。;]|$)"),
    # 实际来了十七个差四个 (said aloud, the spaces gone): short of the whole by so many
    re.compile(rf"(?:来了|到了|实到)(?:{NUM})(?:个|人|名|位),?(?:差|少)(?P<n>{NUM})(?:个|人|名|位)"),
    # a platform's tally: 已签到 19 / 应签到 21(未签到 2)
    re.compile(rf"应签到(?:人数)?:?{NUM}{_U}?\(未签到(?P<n>{NUM}){_U}?\)"),
    # the count heading its list: 未出席的3名同志为:… / 缺席的3名同志是:… / 实签到15人,未签到2人(…)
    re.compile(
        rf"(?:未出席|缺席|未到会?|没到|没来|请假)的(?P<n>{NUM}){_U}(?:同志|党员)?(?:为|是|有|分别是)?:"
    ),
    re.compile(rf"(?<=[,;])未签到(?P<n>{NUM}){_U}"),
    # right after those present, the rest counted with their state: 实到22名,2名在外地出差 / 实到11人,1人休产假 /
    # 实到31人,两个人在外地工地没回来 / 来了十二个。三个身体不好在家
    re.compile(
        rf"(?:实到|实际到会|实际出席|到会|出席|来了|到了|实参会)[^,;。]{{0,4}}?{NUM}(?:{_U}|个)[,;。]"
        rf"(?P<n>{NUM})(?:个人|人|名|个|位)(?:\([^()]*\))?(?:同志)?(?:均|都)?"
        r"(?=(?:在外地|在外|外出)?(?:出差|公出|休产假|休假|病假|事假|请假|没来|未到|缺席))"
    ),
]
# 今天到7名,其余4名:夜班2(米晓、柏玲)…: those left after the count present, listed
_REST_LIST = re.compile(
    rf"(?:参加|出席|到会|参会|(?<![应该])到)[^。;]{{0,12}}?{NUM}{_U}[,;](?:其余|其他|其它)(?:的)?{NUM}{_U}(?:党员|同志)?"
    r":(?P<list>.*)"
)
_ABSENT_HEAD = (
    r"(?:会前|临时|会上|当天|事先|提前|事后|未请假|无故|(?:没有?|未)请假(?:也|又|而)?(?=没|未))?"  # 会前请假(2人): / 临时请假(1人): / 未请假缺席: / 没请假也没来:
    r"(?:缺席|请[了过]?假|未参会|未到会|未参加|未出席|缺会|缺勤|未签到|未到|没来|没到|没有来|未入会|未进会|未上线|缺|差|假)(?:的)?(?:在职|退休|离退休|正式|预备)?"
    r"(?:\(?[二两三四五六七八九十\d]{1,2}(?:人|名|位|个)?\)?)?(?:人员|党员|同志|同学|老师|支委|委员|成员|者|(?<![\d个名位一二两三四五六七八九十])人(?=:(?![\u4e00-\u9fff]{2,4}(?:\s?\d|$))))?"  # (请假3: typed in haste)
    r"(?:姓名|名单|明细(?:\([^()]{1,30}\))?)?(?:情况)?(?:说明|登记|记录|统计)?"  # 请假明细(…): / 请假说明: / 缺席登记:
    r"(?:及?(?:其)?(?:原因|事由|理由|去向))?"  # 缺席人员及原因: / 请假事由: / 缺席人员及去向:
    r"(?:如下)?"  # 缺席党员情况如下:
)
# the leave asked before the list, between its head and its colon: 没来的三位都提前打过招呼:…
_ASKED_BEFORE = (
    r"(?:(?:都|均|也)?(?:已|已经)?(?:提前|事先)?(?:在[^:,;。]{1,8}?)?(?:打过招呼|打了招呼|请了假|请过假|说明了情况|报备过)"
    r"|(?:都|均|全)(?:是|在)[^:,;。]{1,6}(?=:))"  # 没到的5名都在路上: / 缺席的都是外出务工的:
)
# a section's number before a head (五、缺席人员及原因: / (三)请假人员: / 4.缺席情况:)
_SECTION_NUMBER = r"(?:[一二三四五六七八九十]{1,3}、|\([一二三四五六七八九十\d]{1,3}\)|\d{1,2}[.、](?!\d))?"
# those missing from every sitting: 两批都没来的: / 两场均未参加的:
# (a table row's cells read as pairs open with their ;: ;缺席人员及原因:1.甲…)
_SITTINGS_ALL = r"(?:[两几三]?(?:批|场|次|班)(?:都|均|全)|都|均)?"
_ABSENT_LIST = re.compile(
    rf"^;?[•▪◦●○■□◆◇·*\-]*{_SECTION_NUMBER}{_SITTINGS_ALL}(?:备注|说明|注|另|附件|附)?:?{_ABSENT_HEAD}(?:是|有|为)?{_ASKED_BEFORE}?(?::|中,|——|(?<=[人名位个员志]),(?=[^,;。]{{2,4}}?(?:正在|在|因|赴|随|为)[^,;。]{{2,}}[,;])|(?<=[员志])(?=[\u4e00-\u9fff]{{2,4}},(?:正在|在|因|赴|随))|,(?=(?:一|其一)(?:位|人|名|个)?是)|(?<=为)(?=[\u4e00-\u9fff]{{2,4}}(?:同志)?、)|,(?=[\u4e00-\u9fff]{{2,4}}\([^()]{{2,}}\))"
    # the head's label glued to the first name and its bracket: 缺席人员及原因贡玉洁(夜班后补休)…
    rf"|(?<=[员志因由向])(?![名情原事理明去说登记统是有为])(?=[\u4e00-\u9fff]{{2,4}}\([^()]{{2,}}\))"
    # ... or to its first numbered item, the form's gap dropped: 缺席人员及原因　①甲　在…②乙　陪…
    rf"|(?<=[员志因由向])(?=1[.、][\u4e00-\u9fff]{{2,4}})"
    # a form's label of one character, then who: 缺 柯沅棠(下乡巡回医疗)
    rf"|(?<=^缺)(?![席勤会少乏])(?=[\u4e00-\u9fff]{{2,4}}\([^()]{{2,}}\)))(?P<list>.*)"
)
# the same head after the counts, in mid-sentence: 应到23实到20,缺的3个焦晓燕(跟台)… / 到会率90%,没到的是A和B /
# 应到10 实到9 缺1:甲(…) (a form's counts apart by gaps alone) / 缺1人 甲(…) (a space for the colon) /
# 应/实 9/8　缺:甲(病) (a shorthand label, no count, a name and its bracket after) / 缺4人:甲、乙(封控),丙(…)
# (two names sharing the first bracket)
_ABSENT_LIST_AFTER = re.compile(
    r"(?:(?<=[,;])|(?<=\d)|(?<=\d[人名位]))(?:缺的|没到的|没来的|未到的|差|(?:缺(?:席|勤)?|请假)(?=\d{1,2}(?:人|名|位|个)?(?::|——|—|[\u4e00-\u9fff]{2,4}\())"
    r"|缺(?:席|勤)?(?=:[\u4e00-\u9fff]{2,4}\())"
    r"(?:[二两三四五六七八九十\d]{1,2}(?:人|名|位|个)?)?(?:是|有)?(?::|——|—)?"
    r"(?P<list>(?=[^,;。]{2,4}\(|[^,;。、]{2,4}、[^,;。、]{2,4}\()[^。]+|(?<=是)[^。]+)"
)
# a terse form's counts, bare figures, the absentees after the count's colon or in the rows below it: 应9 实8
# 缺1：甲 在县城住院 / 应10 实7 缺3：(then a row each) (缺席2人: of a sentence has readers of its own)
_ABSENT_LIST_TERSE = re.compile(
    r"(?:(?<=\d)|(?<=[实到]\d,)|(?<=[实到]\d\d,))(?:缺|请假|未到)\d{1,2}:(?P<list>[^。:]*。?)$"
)
# the absentees told as a list in a sentence of its own: 闫秀芝先把请假的说了:甲…;乙… / 书记将缺席的3位同志情况
# 通报如下:
_ABSENT_LIST_TOLD = re.compile(
    r"(?:把|将)(?:请假|缺席|没来|没到|未到|未参会)的(?:[二两三四五六七八九十\d]{1,2}(?:人|名|位|个))?"
    r"(?:人|同志|党员)?(?:的?情况)?(?:都|先|一一|逐一)?(?:说了|讲了|说明了?|通报了?|介绍了?|交代了?)"
    r"(?:一下|一遍|如下)?:(?P<list>.+)"
)
# the count, then who they were: 缺席1人即甲 / 缺席2人,为甲、乙 / 请假1人,系甲
_ABSENT_LIST_NAMED = re.compile(
    rf"(?:^|(?<=[,;]))(?:缺席|缺勤|请假|未到会?|未参会){NUM}{_U},?(?:即|为|系)(?P<list>[^,;。]{{2,}}[^。]*)"
)
# the act, then two or more names, no colon: 缺席甲、乙,其中甲病假… / 未参加的有甲和乙
_ACT_THEN_NAMES = re.compile(
    r"(?:^|(?<=[,;。]))(?:缺席|请假|未到会?|未参会|未参加|未出席)(?:会议)?(?:的|人员|者)?(?:有|是|为)?"
    r"(?P<list>[\u4e00-\u9fff]{2,4}(?:同志)?(?:[、和][\u4e00-\u9fff]{2,4}(?:同志)?)+(?=[,;。(]|$)[^。]*)"
)
# those away, counted, then a colon: 没来的两个:甲还在广东厂里没回来,乙卧病在床
# / 缺4人,都提前跟网格员说过了——甲去海南过冬,乙…: a clause on how leave was asked, then a dash and the list
_AWAY_TOLD_THEN_LIST = re.compile(
    rf"(?:^|(?<=[,;]))(?:缺席|缺|请假|未到){NUM}{_U},(?=[^,;。—]{{0,20}}?(?:说过|请过|请了假|打过招呼|报备))"
    r"[^,;。—]{2,20}?(?:——|—)(?P<list>[^。]{4,})"
)
# (not 缺席的9名:跑船的4人(…);…: groups by reason, the grouped reader's)
_COUNTED_AWAY_LIST = re.compile(
    rf"(?:^|(?<=[,;]))(?:这回|这次|本次|今天)?(?:没来的|没到的|缺的)(?:是|有)?(?:{NUM}|几)(?:位|人|名|个)(?:同志|党员)?"
    rf"(?::|——)(?![^。]*?的{NUM}(?:位|人|名|个)\()(?P<list>[^。]{{4,}})"
)
# the count first, then the head: 两位没来:甲在休产假,乙去市里培训 / 3人请假——甲…
_COUNT_FIRST_LIST = re.compile(
    rf"(?:^|(?<=[。;,]))(?:另有|有)?{NUM}(?:位|人|名|个)(?:同志|党员)?(?:没来|没到|没有来|未到会?|未参加|未参会|未出席|缺席|请假)了?"
    rf"(?:,?{_ASKED_BEFORE})?(?::|——)(?P<list>.*)"  # 3人没来,都请过假:…
)
# the head of a list of those present: 参会人员: / 出席会议的有: / 实到8人: / 参会党员9名,分别是:
_PRESENT_HEAD = (
    rf"(?:^|(?<=[。:;,]))(?:本次|此次)?(?:会议|活动|大会|支部党员大会)?"
    rf"(?:(?:参会|参加|出席|到会|与会|到场|实到|实际参会|实际到会|实际出席)(?:本次|此次)?(?:会议|活动|学习)?的?"
    rf"(?:人员|党员|同志|对象|者|人)?|签到(?:情况|人员|记录)(?=:)|(?:签到)?(?=名单))(?:名单)?(?:\(?(?:共)?{NUM}{_U}\)?)?(?:名单)?(?:如下)?,?(?:分别)?"
)
_ATTENDEE_LIST = re.compile(rf"{_PRESENT_HEAD}(?:有|为|是)?:(?P<list>[^。:]*。?)")
_ITEM = re.compile(
    r"^(?P<name>[^()]+?)\((?P<reason>[^)]*)\)$|^(?P<name2>[^()]{2,4}?)(?P<reason2>因.+|病假|事假|公出|出差.*)$"
)
_NONE = {"无", "没有", "无缺席", "全到", "全部到会", "无人缺席", "无请假", "0人", "0"}


# a sentence about another time: 去年同期…共有11名党员参加 / 上个月到会18人 (not this meeting's count)
EARLIER = r"(?:去年|前年|往年|以往|历年|上个?月|上次|上一次|上季度|上年)"
_OTHER_TIME = re.compile(rf"^[^,;。]{{0,8}}?{EARLIER}")


# ... or said earlier in the sentence, with nothing since turning back to this meeting (回顾了二季度
# 工作:…6月份请假的3名同志均已补学 / 上次会议应到30人实到28人)
_OTHER_TIME_BEFORE = re.compile(
    rf"(?:{EARLIER}(?![^,;。]{{0,6}}?(?:组织生活会|民主评议|述职))|回顾)(?!.*(?:本次|此次|这次|今天|本月|当天))"
)  # (召开了去年一年的组织生活会,…应到22名: last year's review is this meeting)


# a form's figure written in brackets after its label: 应到人数(13) / 实到会党员人数:(35)人
_BRACKETED_FIGURE = re.compile(
    r"(?P<label>(?:应到|实到|缺席|请假|出席|参会|到会)(?:[^():;,。\d]{0,8}?(?:人数|党员数))?:?)\((?P<n>\d{1,3})\)"
)


_TOTAL_WORD = r"(?:加起来|合起来|汇总起来|全支部合计)"
_TOTAL_BEFORE = re.compile(rf"{_TOTAL_WORD}(?:是|为|一共|共)?[,:]?$")
_ABOUT = re.compile(r"(?:(?<![最附接临])近|将近|约|大约|逾|超过)$")


# a pause written after a count's label (voice typing): 应到,十四人 / 实到,十九人
_LABEL_PAUSE = re.compile(rf"(?:(?<=^应到)|(?<=^实到)|(?<=[,;。:]应到)|(?<=[,;。:]实到))[,、](?={NUM}{_U})")


def count(lines: list[Line], patterns: list[re.Pattern[str]]) -> Value[int] | None:
    read = [
        (line, _LABEL_PAUSE.sub("", _BRACKETED_FIGURE.sub(r"\g<label>\g<n>", line.norm)))
        for line in lines
        if not _OTHER_TIME.search(line.norm)
    ]
    totalled = [(line, norm) for line, norm in read if re.search(_TOTAL_WORD, norm)]
    for pattern in patterns:  # a figure told as the total of parts before it: …加起来应到29,实到27
        for line, norm in totalled:
            for m in pattern.finditer(norm):
                if _TOTAL_BEFORE.search(norm[: m.start()]) and (n := to_int(m["n"])) is not None:
                    return Value(n, [Evidence.of(line.span, line.text)], line.span.confidence)
    for pattern in patterns:
        for line, norm in read:
            for m in pattern.finditer(norm):
                if _OTHER_TIME_BEFORE.search(norm[: m.start()]) or _ABOUT.search(norm[: m.start("n")]):
                    continue  # (近40名党员参加: a figure given as about is no count)
                if norm[m.end("n") : m.end("n") + 1] in ("%", "％", "."):
                    continue  # (应到党员 21 100%: a table's figure and its share run together, no count)
                if (n := to_int(m["n"])) is not None:
                    return Value(n, [Evidence.of(line.span, line.text)], line.span.confidence)
    return None


# a table of counts pasted as text: a row of headings, then a row of numbers under them
# (应到　实到　请假　缺席 / 26　23　3　0), cells apart by tabs, bars or runs of spaces
_COUNT_HEADING = re.compile(
    r"应到|实到|应出席|实出席|出席|到会|参会|请假|缺席|缺勤|党员总数|总数|在册|应参会|实参会"
)


# attending in everyday words right after a number of people: 其余14名都到了 / 其余12名党员都在场
_COLLOQUIAL_ATTEND = re.compile(
    rf"(?P<who>{NUM}(?:{_U}|个)(?:党员|同志)?)(?:都|均|全部|全都)?(?:在场|到了会|到了(?:现场|会场)?|来了|到齐了?|都在)(?=[,;。]|$)"
)


# a table's total row, below its parts' rows: 合　计　应到24人　到会22人　请假2人 (per 党小组 above it)
_TOTAL_ROW = re.compile(r"^(?:合计|总计|共计|汇总|全支部合计|支部合计)[:]?")


def totals_first(lines: list[Line]) -> list[Line]:
    """``lines`` with a table's total rows of counts first, so the counts are read from the total
    rather than from the first part's row."""
    totals = [ln for ln in lines if _TOTAL_ROW.match(ln.norm) and any(p.search(ln.norm) for p in EXPECTED)]
    return [*totals, *(ln for ln in lines if all(ln is not t for t in totals))] if totals else lines


def with_count_rows(lines: list[Line]) -> list[Line]:
    """``lines`` for the counts: attending in everyday words after a number written as 参加
    (``其余14名都到了``), and each heading row and number row under it written as one counts line
    (``应到:26;实到:23;请假:3;缺席:0``), quoting the number row."""
    out = [_formal(_count_gaps(line)) for line in lines]
    for head, row in itertools.pairwise(lines):
        if (norm := _count_row(head.text, row.text)) is not None:
            out.append(dataclasses.replace(row, norm=norm))
    return out


# a gap after a count, before the next words (党员14名　到13名　请假1名): the gap parts the counts
_COUNT_GAP = re.compile(r"(?<=\d[人名个位])(?:\u3000+| {2,})(?=[\u4e00-\u9fff])")


def _count_gaps(line: Line) -> Line:
    """``line`` with the gaps after its counts read as commas (normalising drops them, gluing
    ``14名到13名`` into one figure's words)."""
    if not _COUNT_GAP.search(line.text) or normalize(line.text) != line.norm:
        return line
    return dataclasses.replace(line, norm=normalize(_COUNT_GAP.sub("，", line.text)))


def _count_row(head: str, row: str) -> str | None:
    """A heading row of counts and the number row under it as ``应到:26;实到:23``: a heading cell
    opening with a count word (应到有选举权党员: 应到); a remark column after the counts (备注) has no
    number. (A row label before the counts, 人数 | 应到 | 实到 over an empty cell, was tried and
    dropped: it put a count beside a reason list no reader parsed, measured on the realstyle halves.)"""
    names = [normalize(c) for c in TABLE_CELL_GAP.split(head.strip().strip(CELL_BARS)) if c.strip()]
    values = [normalize(c) for c in TABLE_CELL_GAP.split(row.strip().strip(CELL_BARS)) if c.strip()]
    words = [m[0] if (m := _COUNT_HEADING.match(n)) and len(n) <= MAX_COUNT_HEADING else None for n in names]
    counted = [(w, v) for w, v in zip(words, values, strict=False) if w]
    if (
        len(counted) < 2
        or len(names) - len(values) not in (0, 1)  # the last cell may be left empty (缺席 or 备注 with none)
        or not all(re.fullmatch(r"\d{1,3}", v) for _, v in counted)
        or any(w is None for w in words[: len(counted)])  # the counts first, a remark column after them
    ):
        return None
    return ";".join(f"{w}:{v}人" for w, v in counted)


MAX_COUNT_HEADING = 10  # characters of a heading cell opening with a count word (应到有选举权党员)


# those in the room, as 到会: 今天在场的党员30名 / 到会场的10名 / 在场党员30名
_IN_THE_ROOM = re.compile(rf"(?:在场|到会场|到场)(?=的|党员|同志|{NUM}{_U})")


# a count row of a table with a column per group and the total last (应到:21;4;2;27 under
# 党员 在职 退休 预备 合计): the total, known by being the sum of the cells before it
_ROW_WITH_TOTAL = re.compile(
    rf"(?P<head>(?:^|(?<=;))(?:{_COUNT_HEADING.pattern}):)(?P<cells>\d{{1,3}}(?:;\d{{1,3}}){{2,}})(?=;?$)"
)


def _row_total(m: re.Match[str]) -> str:
    *parts, total = (int(c) for c in m["cells"].split(";"))
    return f"{m['head']}{total}" if sum(parts) == total else m.group()


def _formal(line: Line) -> Line:
    norm = _COLLOQUIAL_ATTEND.sub(lambda m: f"{m['who']}参加", line.norm)
    norm = _IN_THE_ROOM.sub("到会", norm)
    norm = _ROW_WITH_TOTAL.sub(_row_total, norm)
    return line if norm == line.norm else dataclasses.replace(line, norm=norm)


def expected(lines: list[Line]) -> Value[int] | None:
    return (
        _joint(lines, "e")
        or _expected_parts(lines)
        or count(lines, EXPECTED)
        or _membership_before_attendance(lines)
        or _membership_with_attendance(lines)
    )


# 应到会正式党员12名、预备党员5名: the expected count given in parts
_EXPECTED_PARTS = re.compile(
    rf"应(?:到会?|参会|出席|参加)(?:会议)?(?:的)?(?:人员|人数|党员)?:?(?:有表决权的|有选举权的)?正式(?:党员)?(?P<f>{NUM}){_U}[,、和及]?预备(?:党员)?(?P<p>{NUM}){_U}"
)


def _expected_parts(lines: list[Line]) -> Value[int] | None:
    for line in lines:
        m = _EXPECTED_PARTS.search(line.norm)
        if m and (f := to_int(m["f"])) is not None and (p := to_int(m["p"])) is not None:
            return Value(f + p, [Evidence.of(line.span, line.text)], line.span.confidence)
    return None


# a clause after the membership that says more of the members, not of the meeting: ,其中正式党员9名、预备党员14名
# / ,分属商圈内3家配送站点
# (its parts after 其中/含; not another body's count: ,分5个党小组,第三党小组共12人)
_ABOUT_MEMBERS = (
    r"(?:,(?![^。;]*(?:参加|出席|到会|参会|实到|到场|缺|请假|未到))"
    rf"(?:(?:其中|含|包括)[^。;]{{1,30}}|(?![^。;]*(?:小组|{NUM}{_U}))[^。;]{{1,30}}))?"
)
# 该支部在册党员二十三名。 / 本组党员9人。: a sentence stating the membership and nothing else (and more
# about the members: 本支部现有党员23名,其中正式党员9名、预备党员14名。)
_MEMBERSHIP_ONLY = (
    re.compile(
        rf"^[^,;。]{{0,12}}?(?:党员|同志)(?:共|有|共有)?(?P<n>{NUM}){_U}(?:\([^()]{{1,24}}\))?{_ABOUT_MEMBERS}[。;]?$"
    ),
    re.compile(rf"^{_MEMBERS}。?$"),
)


# a form's field without a number between the membership and the attendance (主持人:社区党支部书记 X)
_FIELD_BETWEEN = re.compile(r"^[^\d:]{1,8}:[^\d]*$")


def _membership_before_attendance(lines: list[Line]) -> Value[int] | None:
    """The membership alone in its sentence, the attendance counted in the very next one, or in
    the one after a form's field that holds no number (支部在册党员:27名 / 主持人:X / 实到会党员24名)."""
    for k, line in enumerate(lines):
        m = next((m for p in _MEMBERSHIP_ONLY if (m := p.search(line.norm))), None)
        after = lines[k + 1 : k + 3]
        if len(after) == 2 and _FIELD_BETWEEN.match(after[0].norm):
            after = after[1:]
        nxt = after[0] if after else None
        if m and nxt and (n := to_int(m["n"])) is not None and count([nxt], ACTUAL) is not None:
            return Value(
                n, [Evidence.of(line.span, line.text), Evidence.of(nxt.span, nxt.text)], line.span.confidence
            )
    return None


# the members' number in the sentence counting those present: 全支部党员17名,今天来了15个
_MEMBERS_FIGURE = re.compile(
    rf"(?:党员|同志)(?:总数|人数)?(?:一共|总共)?(?:共|有|共有|为)?(?P<a>{NUM}){_U}|(?P<b>{NUM}){_U}(?:正式)?党员(?!大会)"
)
_OTHERS_THAN_MEMBERS = re.compile(f"{_OTHER_PEOPLE}|在职|退休|预备|流动")


_TEAMS_OWN = re.compile(r"[一二三四五六七八九十\d甲乙丙丁](?:班|组|队|工区|车间)$")


# what the members' number takes in, in brackets: 共有学生党员(含预备党员)12名
_INCLUDED = re.compile(r"\((?:含|包括|包含)[^()]{1,12}\)")


def _membership_with_attendance(lines: list[Line]) -> Value[int] | None:
    """The first members' number of a sentence that also counts those present, when it is
    larger than that count, its clause is about members only, and no 其中 picks some of them
    out after it (共有党员173人,其中…45人参与: not a meeting's)."""
    for line in lines:
        present = count([line], ACTUAL)
        norm = _INCLUDED.sub("", line.norm)  # 共有学生党员(含预备党员)12名: all of them members
        m = _MEMBERS_FIGURE.search(norm) if present is not None else None
        if present is None or m is None or "其中" in norm[m.end() :]:
            continue
        clause = re.split(r"[,;。]", norm[: m.end()])[-1]
        n = to_int(m["a"] or m["b"])
        if _TEAMS_OWN.search(norm[: m.start()]):
            continue  # 三班党员4人中到会2人: a shift's members, a part of the whole
        if n is not None and n > present.value and not _OTHERS_THAN_MEMBERS.search(clause):
            return Value(n, [Evidence.of(line.span, line.text)], line.span.confidence)
    return None


# a joint meeting's counts per branch: A支部应到21人实到20人,B支部应到17人实到15人 (added up)
_BRANCH_PAIR = re.compile(
    rf"(?:党支部|支部|党小组)(?:\([^()]{{1,12}}\))?[^,;。]{{0,4}}?应到(?:会)?(?P<e>{NUM}){_U}[,、]?(?:实到|到会|出席|参会)(?:会)?(?P<n>{NUM}){_U}"
    rf"(?:[,、]?(?:请假|缺席|缺)(?P<a>{NUM}){_U})?"
)


def _joint(lines: list[Line], which: str) -> Value[int] | None:
    """The sum over the branches when one sentence, or a run of them cut at ``;``, gives two or
    more branches' or groups' 应到/实到 pairs (第一党小组(党政办)应到9人实到8人;第二党小组…)."""
    for i in range(len(lines)):
        run = [lines[i]]
        while run[-1].norm.endswith(";") and i + len(run) < len(lines):
            run.append(lines[i + len(run)])
        pairs = [m for line in run for m in _BRANCH_PAIR.finditer(line.norm)]
        numbers = [_branch_figure(m, which) for m in pairs]
        written = which != "a" or any(m["a"] for m in pairs)  # (an absence none of them writes: none)
        if len(pairs) >= 2 and written and all(n is not None for n in numbers):
            total = sum(n for n in numbers if n is not None)
            used = [ln for ln in run if _BRANCH_PAIR.search(ln.norm)]
            return Value(
                total, [Evidence.of(ln.span, ln.text) for ln in used], min(ln.span.confidence for ln in used)
            )
    return None


def by_branch(text: str) -> bool:
    """Whether every number of people in ``text`` is a branch's or group's figure the joint counts
    add up (第一党小组应到7人,到会6人,请假1人(…);): no figure of it left unplaced."""
    norm = normalize(text)
    rest = _BRANCH_PAIR.sub("", norm)
    return _BRANCH_PAIR.search(norm) is not None and re.search(rf"{NUM}{_U}", rest) is None


def _branch_figure(m: re.Match[str], which: str) -> int | None:
    """A branch's figure ``which`` (e, n, or a: its absent, 应到 − 实到 when it writes none)."""
    if which != "a" or m["a"]:
        return to_int(m[which])
    e, n = to_int(m["e"]), to_int(m["n"])
    return e - n if e is not None and n is not None and e >= n else None


# 到会正式党员N人、预备党员M人: the attendance given in parts (not after a total: 实到20人,其中正式党员…)
_PARTS = re.compile(
    rf"(?<!其中)(?:(?:实到|到会|出席|参会|参加|实际参会|实际出席)?正式党员(?P<f>{NUM}){_U}[,、和及]?预备党员(?P<p>{NUM}){_U}"
    # a form's label before the parts written without 党员: 实到人数:正式18名、预备1名
    rf"|(?<=[实到会席])(?:人数)?:?正式(?P<f2>{NUM}){_U}[,、和及]?预备(?P<p2>{NUM}){_U})"
    r"(?!列席|旁听)"  # 预备党员2名列席旁听: there, not counted
)
# attendance on site and online, added: 现场参会12人,线上参会7人 / 现场参加的有26名,在外务工的9名党员通过视频连线参加
_ONLINE = r"(?:线上|在线|网上|视频|远程|腾讯会议|钉钉|云端)"
_ON_SITE_ONLINE = re.compile(
    rf"(?:现场|线下)(?:参会|参加|到会|出席)?(?:活动)?的?(?:有|共)?(?P<a>{NUM}){_U}(?:党员)?[,、;](?:[^,;。]{{0,10}}?的)?"
    rf"(?:{_ONLINE}(?:连线)?(?:参会|参加|出席)?的?(?:有)?(?P<b>{NUM}){_U}"
    rf"|(?P<c>{NUM}){_U}(?:党员)?(?:通过)?{_ONLINE}[^,;。]{{0,8}}?(?:参会|参加|出席))"
)


# the total written right after the parts: …,线上3人,共15人
_PARTS_TOTAL = re.compile(rf"^[,;、]?(?:共计|合计|总计|一共|共)(?:到会|参会|出席)?(?P<n>{NUM}){_U}")


def _on_site_and_online(line: Line) -> Value[int] | None:
    m = _ON_SITE_ONLINE.search(line.norm)
    a, b = (to_int(m["a"]), to_int(m["b"] or m["c"])) if m else (None, None)
    if m is None or a is None or b is None:
        return None
    if (total := _PARTS_TOTAL.match(line.norm[m.end() :])) is not None:
        return (
            Value(a + b, [Evidence.of(line.span, line.text)], line.span.confidence)
            if to_int(total["n"]) == a + b
            else None
        )  # (a total the parts do not make is read as written elsewhere)
    if re.search(r"共计|合计|总计|一共", line.norm[m.end() :]):
        return None  # (a total written further on is read as written)
    return Value(a + b, [Evidence.of(line.span, line.text)], line.span.confidence)


# attendance given per group: 第一党小组到会7人、第二党小组到会6人 / 在职党员18名全部到会,退休党员到会7名
GROUP = r"(?:第[一二三四五六七八九十\d]{1,2}(?:党小组|小组|组)|[\u4e00-\u9fff]{1,4}?党小组|在职|退休|离退休|在岗|流动)"
_GROUP_PART = re.compile(
    rf"{GROUP}(?:党员)?(?:到会|出席|参加|参会|实到|到)(?P<n>{NUM}){_U}"
    rf"|{GROUP}(?:党员)?(?P<m>{NUM}){_U}(?:全部|均|都)?(?:到会|出席|参加|参会)"
)


def group_counts(text: str, parts: re.Pattern[str] = _GROUP_PART, at: int = 0) -> list[int] | None:
    """The numbers of the groups ``parts`` finds in ``text`` from ``at``; None unless two or more, all read."""
    numbers = [to_int(m["n"] or m.groupdict().get("m") or "") for m in parts.finditer(text, at)]
    if len(numbers) < 2 or None in numbers:
        return None
    return [n for n in numbers if n is not None]


def _group_parts(line: Line) -> Value[int] | None:
    parts = group_counts(line.norm)
    if parts is None or re.search(r"共计|合计|总计", line.norm):
        return None
    return Value(sum(parts), [Evidence.of(line.span, line.text)], line.span.confidence)


# those present written as parts after the label: 出席:支部委员5人,党员18人 / 到会:会场5人,电话接入2人
_PRESENT_LABEL = re.compile(r"^(?:出席|到会|参会|实到|出勤)(?:人员|情况|党员)?:")
_LABELLED_PART = re.compile(rf"^(?P<who>[\u4e00-\u9fff]{{1,6}}?)(?P<n>{NUM})[人名]$")
_NOT_A_PART = re.compile(
    r"列席|积极分子|群众|其中|含|旁听|发展对象|工作人员|嘉宾|应|实|缺|请假|未|没|共|合计|总|到|率|参|出|全|现有|在册"
)  # (出席:支委应到5人,实到5人 / 到会情况:全村党员21人,参会18人: counts, no parts)


def _labelled_parts(line: Line) -> Value[int] | None:
    """The sum of the parts after a label of those present, when every item of its first clause is
    one (a group and its number) and none is of people not counted (列席, 积极分子)."""
    m = _PRESENT_LABEL.match(line.norm)
    if m is None:
        return None
    clause = re.split(r"[;。(]", line.norm[m.end() :], maxsplit=1)[0]
    items = [_LABELLED_PART.match(item) for item in re.split(r"[,、]", clause)]
    alone = (  # (not 到会情况:支部党员11名: how many members there are, then who came)
        len(items) == 1
        and items[0] is not None
        and _MEMBERS_WHO.match(items[0]["who"])
        and "情况" not in m[0]
    )
    if (len(items) < 2 and not alone) or any(i is None or _NOT_A_PART.search(i["who"]) for i in items):
        return None  # (参会人员:支部党员22人(应到24人): the members, counted alone)
    parts = [to_int(i["n"]) for i in items if i is not None]
    if any(n is None for n in parts):
        return None
    return Value(
        sum(n for n in parts if n is not None), [Evidence.of(line.span, line.text)], line.span.confidence
    )


_MEMBERS_WHO = re.compile(r"^(?:本|全)?(?:支部|党支部)?(?:党员|正式党员)$")


def actual(lines: list[Line]) -> Value[int] | None:
    if (joint := _joint(lines, "n")) is not None:
        return joint
    if (whole := _none_missing(lines)) is not None:
        return whole
    for line in lines:
        if (summed := _group_parts(line) or _on_site_and_online(line) or _labelled_parts(line)) is not None:
            return summed
        for m in _PARTS.finditer(line.norm):
            if _NOT_PRESENT_PARTS.search(line.norm[: m.start()]) or _COUNTED_AFTER.match(
                line.norm[m.end() :]
            ):
                continue  # the whole's parts or the expected count's (应到会正式党员12名、预备党员5名)
            f, p = to_int(m["f"] or m["f2"]), to_int(m["p"] or m["p2"])
            if f is not None and p is not None:
                return Value(f + p, [Evidence.of(line.span, line.text)], line.span.confidence)
            break
    return _total_after_parts(lines, _sittings_added(lines, count(lines, ACTUAL)))


# the total of those present written after the count read and more who attended: 岸基会场到会11名,“海晟12”轮
# 3名、“海晟15”轮2名党员在船上视频参加,共16名
_TOTAL_AFTER = re.compile(
    rf"[,;、](?:共计|合计|总计|一共|共)(?:到会|参会|参加|出席)?(?P<n>{NUM}){_U}(?=[,;。]|$)"
)
_MORE_ATTENDING = re.compile(r"到会|参会|参加|出席|视频|线上|接入|连线|在线")
_AWAY_BETWEEN = re.compile(r"缺|请假|未|没|不能|其中|列席|积极分子|群众")


def _total_after_parts(lines: list[Line], written: Value[int] | None) -> Value[int] | None:
    """``written``, or the larger total written later in its sentence after more people attending in
    other ways (on video, on board, at another site): the count read was one part of those present."""
    if written is None or written.inferred:
        return written
    quoted = {e.text for e in written.evidence}
    for line in (ln for ln in lines if ln.text in quoted):
        for sentence in line.norm.split("。"):
            at = re.search(rf"(?<![\d.]){written.value}{_U}", sentence)
            total = _TOTAL_AFTER.search(sentence, at.end()) if at else None
            if at is None or total is None or (n := to_int(total["n"])) is None or n <= written.value:
                continue
            between = sentence[at.end() : total.start()]
            if _MORE_ATTENDING.search(between) and not _AWAY_BETWEEN.search(between):
                return Value(n, written.evidence, written.confidence)
    return written


# one sitting of a meeting held in several, and those present at it: 白班场:10:00,…,到课16人 / 第二场…到会11人
_SITTING = re.compile(r"第[一二三四]场|[白夜晚早中]班[场批]|[上下]午场|晚上场|线[上下]场|第[一二三四]批")
_AT_SITTING = re.compile(
    rf"(?:{_PRESENT_VERB}|到课|听课|到场)(?:党员)?(?P<n>{NUM}){_U}|(?P<m>{NUM}){_U}(?:党员)?(?:{_PRESENT_VERB}|听课)"
)


def _sittings_added(lines: list[Line], written: Value[int] | None) -> Value[int] | None:
    """``written``, the count of those present read, unless the meeting was held in sittings, each
    sitting's count on a line of its own, and what was read is one of them (no total written: 白班场…到课16人
    / 夜班场…到课10人): then their sum, worked out, so not trusted until the sign-in or the platform
    agrees."""
    found: dict[str, tuple[int, Line]] = {}
    for line in lines:
        sitting, present = _SITTING.search(line.norm), list(_AT_SITTING.finditer(line.norm))
        if sitting is None or len(present) != 1 or sitting.group() in found:
            continue
        if (n := to_int(present[0]["n"] or present[0]["m"])) is not None:
            found[sitting.group()] = (n, line)
    if len(found) < 2 or (written is not None and written.value not in {n for n, _ in found.values()}):
        return written  # one sitting, or a total written (两场合计到会32人 / 合计到会15人 / 实到20人)
    return _added(list(found.values()), "按各场到会人数相加", DERIVED_COUNT_CONFIDENCE)


def _added(parts: list[tuple[int, Line]], inferred: str, most: float = 1.0) -> Value[int]:
    """The sum of counts read on lines of their own, each line its evidence, worked out (``inferred``),
    trusted no more than its least sure line and ``most``."""
    evidence = [Evidence.of(ln.span, ln.text) for _, ln in parts]
    confidence = min(min(ln.span.confidence for _, ln in parts), most)
    return Value(sum(n for n, _ in parts), evidence, confidence, inferred=inferred)


# 到会场的10名;…视频接入,12名党员一个不少 / 支部8名党员无一缺席: the members, all there, whatever
# count of the room was written before (not 其余10名党员全部到齐: the rest)
_NONE_MISSING_COUNTED = re.compile(
    rf"(?<!其余)(?<!其他)(?<!其它)(?<![\d零〇一二三四五六七八九十两])(?P<n>{NUM}){_U}(?:正式)?(?:党员|同志)"
    rf",?(?:{NONE_MISSING}|无一缺席|无一人缺席|全员到齐|全部到齐)"
    # … or the group's members counted, then all of them there: 本组7人,全部参会 (after 在营地的5名党员到场)
    rf"|(?:本组|全组|本小组|本支部|全支部|本村|全村)(?:共有?|共计)?(?:党员)?(?P<g>{NUM}){_U}(?:党员)?,?"
    r"(?:全部|全员|悉数|全都)(?:参会|到会|出席|参加|到齐|到场)(?=[,;。]|$)"
)


def _none_missing(lines: list[Line]) -> Value[int] | None:
    """Everyone, counted as the members: the count is written with those who came, so it is as sure as
    its line."""
    for line in lines:
        if (m := _NONE_MISSING_COUNTED.search(line.norm)) and (n := to_int(m["n"] or m["g"])) is not None:
            return Value(n, [Evidence.of(line.span, line.text)], line.span.confidence)
    return None


# the parts are the whole's or the expected count's, not those present: after 其中/共/现有… or the label of the
# branch's members (支部党员:), or in a bracket right after another count (支部有党员24名(正式党员23名,预备党员1名))
# the counts written after the parts in their sentence: 支部正式党员14名、预备党员3名,应到17人,实到15人
_COUNTED_AFTER = re.compile(rf"[^。;]*?实到(?:人数)?:?{NUM}")
_NOT_PRESENT_PARTS = re.compile(
    r"(?:支部|支部共|本支部)有$|(?:本|全)?(?:党支部|支部)党员(?:情况|人数|总数)?:$|\d(?:名|人)\($|其中|共|合计|现有|在册|总数|实到\d|出席\d|参会\d|应(?:到|参会|出席|参加)[^,;。]*\($|应(?:到|参会|出席|参加)?会?(?:人员|人数|党员)?:?(?:有表决权的|有选举权的)?$"
)


# 实到 not written as a number but counted from a name list or read from 全体党员参加: not trusted
# for a decision until the sign-in count or the platform's figure states the same (corroborate_count).
DERIVED_COUNT_CONFIDENCE = 0.7
_ALL_PRESENT = re.compile(
    r"全体党员(?:均)?(?:参加|出席|到会|参会|到齐)|全部(?:到会|参加|出席|到齐)|全员(?:到齐|参加|出席|到会)"
    rf"|无人缺席|无缺席|无人请假|{_ALL_HERE}"
)


_EXCEPT_SOME = re.compile(r"除[^,;。]{1,40}?(?:以外|之外|外)")
# all came but those named: 除周桂兰(在昆山女儿家带外孙)外均到会 / 除甲、乙外,其余党员都参加了
_ALL_BUT = re.compile(
    r"除(?:了)?(?P<body>[^;。]{2,120}?)(?:以外|之外|外),?(?:其余|其他|其它)?(?:党员|同志)?"
    r"(?:均|都|全部|全都|悉数)(?:按时)?(?:到会|参加|出席|参会|到齐|到场|来了)"
)


def all_but(expected: Value[int] | None, absent: Value[int] | None) -> Value[int] | None:
    """Those present when all but the excepted came: 应到 − the excepted, inferred."""
    if expected is None or absent is None or not 0 <= absent.value <= expected.value:
        return None
    return Value(
        expected.value - absent.value,
        [*expected.evidence, *absent.evidence],
        min(expected.confidence, absent.confidence),
        inferred="由应到人数减除外人数推算",
    )


def excepted_absent(lines: list[Line], named: list[str]) -> Value[int] | None:
    """As many away as the record names, when it says everyone else came and the names it
    excepts are exactly those (本组党员9人,除周桂兰(…)外均到会): a count the sentence gives, inferred."""
    if not named:
        return None
    for line in lines:
        m = _ALL_BUT.search(line.norm)
        if m is None:
            continue
        body = re.sub(r"\([^()]*\)", "", m["body"])  # the reasons in brackets are no names
        if all(name in body for name in named) and len(re.split(r"[、,和及与]", body)) == len(named):
            return Value(
                len(named),
                [Evidence.of(line.span, line.text)],
                line.span.confidence,
                inferred="记录写除所列人员外均到会，按所列人数计",
            )
    return None


# a joint meeting's counts, then this branch's among them: 两支部应到29名,实到27名。其中我支部应到13名,实到12名
_OWN_BRANCH = re.compile(r"(?:其中)?(?:我|本)(?:支部|党支部|单位)(?=应到|应参会|实到|到会|出席|参会|党员)")


def own_branch(lines: list[Line]) -> list[Line]:
    """``lines`` read for the counts without a joint meeting's totals where this branch's follow
    (in the same sentence, or opening the next): the text quoted stays."""
    out: list[Line] = []
    for line in lines:
        m = _OWN_BRANCH.search(line.norm)
        if m is not None and m.start() > 0 and _JOINT_COUNTS.search(line.norm[: m.start()]):
            line = dataclasses.replace(line, norm=line.norm[m.start() :])
        elif m is not None and m.start() == 0 and out and _JOINT_COUNTS.search(out[-1].norm):
            out[-1] = dataclasses.replace(out[-1], norm="")
        out.append(line)
    return out


_JOINT_COUNTS = re.compile(r"应到|实到")


def expected_and_actual(
    lines: list[Line], finder: PersonFinder
) -> tuple[Value[int] | None, Value[int] | None]:
    """应到 as written, and 实到: as written; else 应到 − 缺席 when both are written; else the number of
    names in the attendance list (参会党员:A、B、…); else, on a roll of the whole branch with no counts
    written (``roll_counts``), its rows, which give 应到 too when it is not written; else, with an
    expected count and 全体党员参加 / 全部到会, the expected count."""
    want = expected(lines)
    value = actual(lines) or _worked_out(lines, want) or _listed_count(lines, finder)
    if value is not None:
        return want, value
    if (rolled := roll_counts(lines, finder)) is not None:
        return want or rolled[0], rolled[1]
    return want, _all_present(lines, want)


def _worked_out(lines: list[Line], want: Value[int] | None) -> Value[int] | None:
    away = absent(lines)
    if want is None or away is None or not 0 <= away.value <= want.value:
        return None
    return Value(  # 应到N人,缺席X人
        want.value - away.value,
        [*want.evidence, *away.evidence],
        min(want.confidence, away.confidence),
        inferred="由应到人数减缺席人数推算",
    )


# the list's own total written after it: 出席:甲、乙、丙、丁,共4人
_LIST_TOTAL = re.compile(rf"(?:共|合计|共计)(?P<n>{NUM}){_U}")


_ETC_TOTAL = re.compile(rf"等(?:共)?(?P<n>{NUM}){_U}")


def _listed_count(lines: list[Line], finder: PersonFinder) -> Value[int] | None:
    listed = attendees(lines, finder)
    if listed is None:
        return None
    n = len(listed.value)
    totals = {to_int(m["n"]) for e in listed.evidence for m in _LIST_TOTAL.finditer(normalize(e.text or ""))}
    if n in totals:  # the total written beside the list says as many as it names
        return Value(n, list(listed.evidence), listed.confidence)
    etc = [
        t
        for e in listed.evidence
        for m in _ETC_TOTAL.finditer(normalize(e.text or ""))
        if (t := to_int(m["n"]))
    ]
    if etc and max(etc) > n:  # 甲、乙、丙等11人: the list names some, the total after 等 counts them all
        return Value(max(etc), list(listed.evidence), listed.confidence)
    return Value(  # a list may be cut or wrapped: trusted only when another source agrees
        n,
        list(listed.evidence),
        min(listed.confidence, DERIVED_COUNT_CONFIDENCE),
        inferred="按参会名单人数计",
    )


def _all_present(lines: list[Line], want: Value[int] | None) -> Value[int] | None:
    # (除张三外,悉数到场: all but those excepted, not the whole)
    line = next(
        (ln for ln in lines if _ALL_PRESENT.search(ln.norm) and not _EXCEPT_SOME.search(ln.norm)), None
    )
    if want is None or line is None:
        return None
    return Value(
        want.value,
        [*want.evidence, Evidence.of(line.span, line.text)],
        min(want.confidence, line.span.confidence, DERIVED_COUNT_CONFIDENCE),
    )


def roll_counts(lines: list[Line], finder: PersonFinder) -> tuple[Value[int], Value[int]] | None:
    """应到 and 实到 counted on a roll with no counts written (every member a row, each marked 到 or
    why away): derived, so trusted only when the sign-in or the platform agrees."""
    roll = headless_roll(lines, finder)
    if roll is None or roll.people is None:
        return None
    rows = [lines[i] for i in sorted(roll.rows)]
    evidence = [Evidence.of(ln.span, ln.text) for ln in rows]
    confidence = min(min(ln.span.confidence for ln in rows), DERIVED_COUNT_CONFIDENCE)
    return (
        Value(roll.people, evidence, confidence, inferred="按点名名单人数计"),
        Value(roll.people - len(roll.absences), evidence, confidence, inferred="按点名名单中到会的人数计"),
    )


# leave lists kept apart by when the leave was asked, each counted: 会前请假(2人):甲、乙 / 临时请假(1人):丙
_TIMED_LIST = re.compile(
    rf"^(?P<when>会前|临时|会上|当天|事先|提前|事后)(?:请假|缺席|未到)(?:人员|党员)?\(?(?P<n>{NUM}){_U}\)?:"
)


def _timed_lists(lines: list[Line]) -> Value[int] | None:
    """The sum of two or more leave lists' counts kept apart by when the leave was asked, inferred."""
    found: dict[str, tuple[int, Line]] = {}
    for line in lines:
        m = _TIMED_LIST.match(line.norm)
        if m and m["when"] not in found and (n := to_int(m["n"])) is not None:
            found[m["when"]] = (n, line)
    return _added(list(found.values()), "按各请假名单人数相加") if len(found) >= 2 else None


def absent(lines: list[Line]) -> Value[int] | None:
    """The absent count; first as the sentence stating the attendance gives it (应到9名,到会8名,缺2名
    is read as one statement, before a list of absentees counted again below it: 缺席党员1名:…),
    so the arithmetic check reads the three figures the branch wrote together."""
    if (joint := _joint(lines, "a")) is not None:
        return joint
    stated = [ln for ln in lines if any(p.search(ln.norm) for p in (*EXPECTED, *ACTUAL))]
    value = count(stated, ABSENT) or _timed_lists(lines) or count(lines, ABSENT)
    if value is None and any(_is_none_list(line) for line in lines):
        line = next(line for line in lines if _is_none_list(line))
        return Value(
            0, [Evidence.of(line.span, line.text)], line.span.confidence, inferred="记录写缺席“无”，按0计"
        )
    return value


def _is_none_list(line: Line) -> bool:
    m = _ABSENT_LIST.match(line.norm)
    return m is not None and m["list"].strip("。.") in _NONE


_ABSENT_ACT = (
    rf"(?:均|都|也)?(?:{NOT_ATTEND}|{NOT_COME}|未到|缺席|缺会|(?:已?向[^,;。]{{1,8}}?)?请[了过]?假|未参与)"
)
# 缺席2人（张三休产假、李四病假） / 请假1名:王五因公出差
_GLUED = re.compile(
    rf"(?:缺席|请假|缺勤|未参会|未到会|(?<=/|\d)假|缺(?=:?{NUM}{_U}))(?:人员|党员|同志)?(?::?{NUM}{_U}?)?[(:](?P<body>[^)。]+)\)?"
)
# 张三因公出差、李四病假未参加 / 其中王五同志在外培训、赵六同志值班,未能参会
_BEFORE_ACT = re.compile(rf"(?P<body>[^:;。]{{2,80}}?)[,]?{_ABSENT_ACT}")
# nobody away, after the act: 出席:A、B(应到5人,实到5人,缺席0人)
_NOBODY_AWAY = re.compile(
    r"^(?:人员|党员)?:?(?:0|零|〇)(?:人|名|位)|^(?:人员|党员)?:?无(?![^,;。]{0,2}(?:故|理由|原因))"
)
# one reason for all: （都是请假） / 均请假 / 2位同志均因公外出
_SHARED = re.compile(
    rf"^(?P<names>.+?)\(?(?:以上|上述)?(?:{NUM}{_U}(?:同志|党员)?)?[(]?(?:都是|均为|均是|均|都)(?P<r>[^()]{{1,12}})\)?$"
)
# the leaves a family's needs give, each its own reason (陪产假, 育儿假, 探亲假)
_FAMILY_LEAVE = r"陪产假|护理假|育儿假|育婴假|哺乳假|探亲假"
REASON_START = re.compile(  # (仍在隔离病区工作 / 已去海南过冬: a word of time before where they were)
    r"^(?:(?:仍然|仍|还|早已|已经|已)(?=[在去赴回住休陪带]))?(?:[六七八九]十(?:多|几)?岁?(?:了|多了)|担任[^,;。]{0,16}?(?:裁判|评委|考官|监考|评审|讲解员|领队|教练)|下户|入户|跑(?:早|晚|夜|白)*班|跑车|跑运输|出车|出乘|值乘|听力|视力|耳背|年老|年迈|年事已高|年纪|岁数|上了年纪|高龄|行动不便|因|由于|休|病|事假|请[病事产婚丧年探]假|公出|公差|执勤|出警|备勤|巡逻|出海|出航|航行|在班|在岗|当班|公务(?!员)|出差|外出|在外|执行|当天|当日|正(?!式|是|常|好|确)|随|带(?!领|大家|着大家|头)|坐月子|手术|休养|送(?:孩子|学生|老人|病人|患者|家人|亲人|伤员|[^,;。]{1,10}?(?:到|去|往)(?!会))|领着|陪|打工|腿|腰|看病|在(?!会|场(?![部站])|座|此|这)[^,;。]{1,12}?(?:进修|学习|培训|开会|出差|值班|住院|工作|务工|执勤|治疗|驻村|驻点|挂职|帮扶|实习|就医|调研|考察|值守|访学|交流|支教|援疆|援藏|比赛|参赛|执行|出诊|巡诊|跟岗|轮转|集训|陪护|休养|坐诊|带班|主持|参展|参加|督导|检查|办案|出警|备勤|巡逻|施工|抢修|考试|照看|照顾|看护|陪读|带孙|带孩子|养病|休息)|值班|值夜班|值[^,;。]{1,3}?班|值守|值完|回(?!答|应|顾|复|忆|想|到会|来)|培训|住院|住(?:在|进)|轮岗|轮换|轮到|轮值|轮班|调岗|产假|年假|探亲|陪护|照顾|身体|家中|家里|有事|工作|请假|"
    r"出国|参加|赴|到|去|公假|婚假|丧假|陪产|育儿假|护理假|年老|年事|行动|生病|手术|孕|哺乳|援|驻|下乡|挂职|借调|学习|开会|临时|分别|均|都|无故|原因|未说明|未请假|年休|调休|轮休|照看|照料|夜班|回老家|返乡|外地|所在|所住|年过|高龄|年迈"
    # an errand or a mishap in everyday words: 下村随访 / 跟车去… / 给孩子… / 前几天摔了一跤 / 工伤休养
    r"|下(?:村|井|基层|工地|车间|矿|海|田|地|队|乡|寨|屯|连队|社区|企业|病区)|跟(?!大家|着大家|随大家)|给(?!大家)|帮(?!助大家)|忙|赶(?!紧)|前几天|前两天|前些天|前段时间|前阵子|这两天|上周|上星期|上礼拜|那天|那几天|这几天|近期|近日|最近|工伤|受伤|摔"
    # sent or kept elsewhere by others, and the day before: 被派往县城分院支援义诊 / 前一天值夜班
    # a holiday the errand fell in: 春节回外省老家 / 暑假带学生外出
    r"|春节|过年|年前|年后|节前|节后|国庆|中秋|暑假|寒假"
    r"|被(?:派|抽调|借调|安排|调|选派|临时)|前一天|头一天|前一晚|昨天|昨晚|当晚|当夜|补休|当班|倒班|上班|加班|轮班"
    # still away, or bedridden: 还在广东厂里没回来 / 卧病在床
    r"|还在(?!会|场|座)[^,;。]{1,12}?(?:没回|未回|没有回|不能回|回不来)|卧(?:病|床)"
    # the leave's paperwork, a note that may say no why (the rule weighs it): 苏志瑶已提交请假审批
    r"|已(?:提交|递交|发起)(?=[^,;。]{0,4}?(?:请假|休假))"
    # a surgeon's or a seconded cadre's errand: 主刀的急诊手术未下台 / 挂任副乡长的乡发生险情
    r"|主刀|挂任|上(?:早|中|晚|夜|白)班"
    # an illness had: 患流感居家休息 (not 患者)
    r"|患(?!者)"
    # somewhere else, the clause ending with the place: 在新疆, / 在深圳市;
    r"|在(?:北京|天津|上海|重庆|河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|海南"
    r"|四川|贵州|云南|陕西|甘肃|青海|内蒙古|广西|西藏|宁夏|新疆|香港|澳门|[^,;。]{1,6}?[省市县州盟旗])(?=[,;。]|$)"
    # leading others somewhere: 领五年级队员去区少年宫比赛
    r"|领(?!学|誓|读|诵|取|导|会)[^,;。]{1,10}?(?:去|到|赴|参加|参赛|比赛)"
    # the unit kept them: 单位加班 / 单位派去外地
    r"|单位[^,;。]{0,4}?(?:加班|值班|有事|出差|派|安排|开会|活动)"
    # the workplace kept them: 工地加班 / 厂里赶货
    r"|(?:工地|厂里|车间|矿上|店里|地里|田里)[^,;。]{0,4}?(?:加班|值班|有事|赶工|赶货|忙|干活|上班|抢修|走不开)"
    # a treatment had: 做了膝关节置换还在恢复 / 刚做完白内障手术
    r"|(?:刚)?做(?:了|完)?[^,;。]{0,8}?(?:手术|置换|检查|治疗|化疗|透析|康复)"
    # a duty that came up, or work beyond the border: 有急诊手术 / 出境务工 / 出海捕鱼
    r"|有(?=急诊|手术|课|公务|任务|接待|急事|紧急)|出(?:境|省|海|远门)"
    # kept at the post, or it was their turn: 留所值班 / 留守病区 / 轮到在后山巡逻
    r"|留(?:所|守|队|站|院|校|村|厂|矿|岗)|轮到"
    # when the mishap came, before what it was: 甄玉堂5月做了心脏搭桥 / 上个月摔伤了腿 / 去年底中风 /
    # 初六就回重庆的厂里了 (a day of the lunar new year, not 初三 of a school's grades)
    r"|\d{1,2}月(?:份|初|中|底|上旬|中旬|下旬)?(?=[\u4e00-\u9fff]{2})|上周|上个?月|去年|年初|年前|节前|节后|初[一二三四五六七八九十](?:就|便|已|才|即|起|回|去|到|返|出)"
    # the hour taken by something else: 侯素素同一时段给本科生上专业课
    r"|同一时[段间]|同时段|正赶上|恰逢|适逢"
    # leave and ailments glued to a name: 韩晓湄婚假, 闻晓笛骨折在家休养, 裘晨下夜班, 东方一诺值24小时班
    rf"|婚假|丧假|{_FAMILY_LEAVE}|骨折|发烧|发热|感冒|下夜班|值(?=\d|[一二两三]|通宵|大夜|小夜)|在休|住(?=[^,;。]{1, 8}?医院)"
    # the duties of the uniformed and technical trades: 押解…, 值乘G1857次, 在…巡道, 出庭支持公诉
    r"|押解|主审|值乘|值勤|备勤|巡道|巡线|接处警|出警|出庭|开庭|当值"
    # working alongside another body's task: 配合外部审计机构开展…审计 / 配合市局专项检查
    # a shift worker's rest or run of shifts, an ailment said plainly: 甲倒休没来 / 乙连上了两个夜班 / 丙闹肠胃炎在校医院挂水
    r"|倒休|连(?:上|值|着上)了?[^,;。]{0,4}?班|闹(?=[^,;。]{0,3}?(?:炎|病|痛|感冒|发烧|肚子|胃|牙|腰))"
    # sent down or drawn off by the organisation: 下派到…驻村 / 下沉社区 / 抽调参加…
    r"|下派|下沉|抽调"
    r"|配合(?=[^,;。]{1,12}?(?:审计|检查|调查|巡视|巡察|督查|督导|执法|工作组|专班|验收|评估))"
    # a surgeon's and a ward's duties: 上台手术 / 急诊值班 (not 急诊科 or 急诊室, a department or a room)
    r"|上台(?=手术|做手术|主刀)|急诊(?=值班|当班|抢救|夜班|轮班|出诊)"
    # an illness or its treatment glued to a name: 宋海生肺炎住院 / 邢德顺化疗
    r"|肺炎|胃炎|肠胃炎|阑尾炎|关节炎|支气管炎|颈椎|化疗|透析|术后|痛风|血压|心脏|糖尿病|脑梗|中风|眼底|复查"
    # the formal 系 before the cause: 组织委员甲系出国访问未能参会
    r"|系(?=因|由于|出|外|在|赴|参加|休|病|事假|公|陪|带|值|去|到|回|随|请)"
    # …and where or when the errand took them: 进城给孙子做饭 / 上山放牧 / 下午去县城卖樱桃 / 一早卖菜去了
    r"|进(?:城|山|县|京|厂)|上(?:山|城|县|街|医院)|卖|出门|出远门|上午|下午|晚上|早上|一早"
    # shifts, and the family member the reason is about: 轮值夜班后补休 / 孩子发烧在医院陪护 / 母亲做手术
    r"|在(?!会|场|座|此|这|讨论|发言|交流|座谈|学习中|活动中)[^,;。]{3,}"
    r"|外(?:院|派|训|省|市|县|校|单位|勤)|跑(?:运输|业务|车|外卖|长途|市场)|轮值|轮班|倒班|上夜班|上班|加班|补休|押运|嗓子"
    r"|孩子|小孩|老人|父亲|母亲|爱人|妻子|丈夫|老伴|婆婆|公公|岳母|岳父|儿子|女儿|孙子|孙女|家属"
    # an illness, and when, said aloud: 发烧在宿舍休息 / 今天上夜班 / 上周做了阑尾手术 / 做完手术在家休养
    r"|发烧|发热|感冒|咳嗽|做完|做(?:了|过)?[^,;。]{0,8}?(?:手术|检查|透析|化疗|理疗|康复|复查|治疗|体检)|今(?:天|日)(?=上|当班|值|在|去|到|轮|休|出)|上周|上个月|昨晚"
    # when, glued to a name: 门晓东这周上夜班 / 佴雅琪7月1日至5日在宁波 / 谌家旺手腕骨折在家休养
    r"|急性|慢性|突发|突然|这周|本周|这个?星期|这两天|周末|每天|每周|下周|下个?月|明年|去年|前年|月初|月底|(?:\d{1,2}月)?\d{1,2}[日号]"
    r"|本月|这个月|上次|上回|\d{1,2}月(?:上旬|中旬|下旬|初|底|份)|开会(?:那天|当天|时)"
    r"|手腕|手臂|胳膊|膝盖|脚踝|眼睛|牙"
    # a side of the body and a holiday: 尹国华右手腕骨折 / 毛翠萍春节后还在老家
    r"|护送|转院|转场|放牧|陪同|考(?:研|试|证)|复试|备考|面试|答辩|[左右](?:手|脚|腿|臂|膝|肩|眼|耳|腕|踝|髋)|(?:春节|节|年|国庆|中秋|端午|五一|暑假|寒假)(?:后|前|期间)(?!的)"
    # a transfer, an infection of the pandemic years, a hip, the bed, an age: 邵永强调往…支援 / 吴承志阳了 / 九十岁卧床
    r"|调(?:往|到|去|至)|阳了|阳性|确诊|感染|隔离|髋|卧床|瘫痪|(?:\d{2,3}|[五六七八九]十[一二三四五六七八九]?)多?岁)"
)
_COUNT_HEAD = re.compile(rf"^(?:缺席|请假|缺勤|未参会|未到会)?(?:人员|党员)?{NUM}{_U}(?:同志|党员)?:?")
_LEAD_WORDS = re.compile(
    r"^(?:其中|另有|另外|此外|还有|会议|本次|[一二三四五]是|只有|仅有|,?(?:分别|依次)(?:为|是):?)+"
)


# the count after a list of names, before their reason: 张三、李四二人因公出差 (read as 张三、李四因公出差)
_LIST_COUNT = re.compile(
    r"(?<=、)(?P<name>[\u4e00-\u9fff]{2,4}?)(?:[二两三四五六七八九十\d]{1,2}(?:人|位|名)(?:同志|党员|老师)?|两口子|夫妻俩|夫妇俩|夫妇)"
    r"(?=因|均|都|分别|请假|缺席|未|没|无法|不能|正|\()"
)


def _without_list_count(line: Line) -> Line:
    norm = _LIST_COUNT.sub(lambda m: m["name"], line.norm)
    return line if norm == line.norm else dataclasses.replace(line, norm=norm)


def _tabled(found: TabledAbsence) -> Absentee:
    """An absentee a table names (``absence_tables``), the reason cleaned, the row quoted."""
    return Absentee(found.name, clean_reason(found.reason), [Evidence.of(found.line.span, found.line.text)])


def _from_ticked(found: TickedAway) -> Absentee:
    quoted = [Evidence.of(line.span, line.text) for line in found.lines]
    return Absentee(found.name, clean_reason(normalize(found.reason)) if found.reason else None, quoted)


# in brackets after the counts: 实到8人(缺:甲,年休假) / 6/7(缺:甲,年休假,已在OA报备)
_ABSENT_LIST_BRACKETED = re.compile(r"\((?:缺席|缺|请假|未到|未参加)(?:人员)?:(?P<list>[^()]{2,60})\)")
# ... or a counted head with the list of its items in brackets: 请假2(甲:在…;乙:执勤换班,在3号山口)
_COUNTED_BRACKET_LIST = re.compile(
    rf"(?:缺席|缺勤|请假|未到|未签到|未参会|未出席|缺){NUM}{_U}?\((?P<list>[^()]*;[^()]*)\)"
)
_LEAVE_TYPES = (
    r"(?:事假|病假|产假|婚假|丧假|年假|年休假|公假|探亲假|陪产假|育儿假|护理假|哺乳假|调休|轮休|出差|公出|公差|因公|因私|因事|因病"
    r"|值班|培训|外出务工|住院)"
)
_LEAVE_LABEL = re.compile(rf"^{_LEAVE_TYPES}:")
# ... or, after the count of those present, a bracket of leave groups: 到场28名(病假:甲;事假:乙、丙)
_LEAVE_GROUPS_BRACKET = re.compile(
    rf"(?:到场|实到|到会|出席|参会|参加){NUM}{_U}?\((?P<list>{_LEAVE_TYPES}:[^()]*)\)"
)


# a list head's count alone, ending its sentence (缺席人员及原因:6人。); at a line's end the rows below are rows
_COUNT_ONLY = re.compile(rf"^(?:共|计|共计)?{NUM}{_U}[。.]$")


# a list head's groups counted by reason and no name (病假1人、事假1人、下夜班休息4人。)
_GROUPS_ONLY = re.compile(rf"^(?:[^,;、。:\d()]{{1,10}}?{NUM}{_U}[、,;]?)+[。.]?$")
# the line after it opening the names: 具体: / 具体是: / 名单: / 分别是:
_DETAIL_HEAD = re.compile(r"^(?:具体|具体情况|具体名单|名单|分别|其中)(?:是|为|如下)?:")


def _list_head(norm: str) -> re.Match[str] | None:
    """The head of a list of absentees in ``norm`` (缺席人员: / 今天到7名,其余4名: / …,缺的3个 /
    (缺:甲,年休假))."""
    return (
        _ABSENT_LIST.match(norm)
        or _REST_LIST.search(norm)
        or _ABSENT_LIST_AFTER.search(norm)
        or _ABSENT_LIST_BRACKETED.search(norm)
        or _ABSENT_LIST_TOLD.search(norm)
        or _ABSENT_LIST_NAMED.search(norm)
        or _ACT_THEN_NAMES.search(norm)
        or _COUNT_FIRST_LIST.search(norm)
        or _COUNTED_AWAY_LIST.search(norm)
        or _AWAY_TOLD_THEN_LIST.search(norm)
        or _COUNTED_BRACKET_LIST.search(norm)
        or _LEAVE_GROUPS_BRACKET.search(norm)
        or _ABSENT_LIST_TERSE.search(norm)
        or _FOLLOWING_HEAD.match(norm)
    )


# a head naming who follows: 以下党员未参加本次活动: / 下列同志请假: / 未参加本次活动的党员:
_FOLLOWING_HEAD = re.compile(
    rf"^(?:(?:以下|下列)(?:{NUM}{_U})?(?:党员|同志|人员)?(?:因故|因事)?"
    r"(?:未能?参加|缺席|请假|未到会?|未出席|未参会|没来|没有?参加)(?:本次|此次)?(?:会议|活动|学习|主题党日|党日活动)?"
    r"|(?:未能?参加|未出席|未参会|没有?参加)(?:本次|此次)(?:会议|活动|学习|主题党日|党日活动)的(?:党员|同志|人员))"
    r"(?:名单)?(?:如下)?:(?P<list>.*)$"
)


_MARK_PRESENT = re.compile(rf"^[{TICKS}]")
_MARK_ABSENT = re.compile(r"^[✗✘×╳☒]\s*(?:\((?P<r>[^()]+)\))?$")


def _marked_rows(lines: list[Line], finder: PersonFinder) -> list[Absentee]:
    """A table of who came, ticked (✓) or crossed (✗, its reason in brackets after the cross or in
    the cells after it): those crossed, in a table where some are ticked (屈航　组织委员　✗(因公出差))."""
    rows = [
        (line, cells, at)
        for line in lines
        if TABLE_CELL_GAP.search(line.text.strip())
        and (cells := row_cells(line))
        and (at := _mark_cell(cells)) is not None
    ]
    if not any(_MARK_PRESENT.match(cells[at]) for _, cells, at in rows):
        return []
    out: list[Absentee] = []
    for line, cells, at in rows:
        crossed = _MARK_ABSENT.match(cells[at])
        named = next(
            (c for c in cells[:at] if (hit := finder.resolve(c)) is not None and hit.name == c), None
        )
        if crossed and named:  # the reason in brackets after the cross, or in the cells after it
            why = crossed["r"] or ",".join(c for c in cells[at + 1 :] if c) or None
            out.append(Absentee(named, clean_reason(why), [Evidence.of(line.span, line.text)]))
    return out


def _mark_cell(cells: list[str]) -> int | None:
    """The cell of a row holding its tick or cross (after the name: 5　米雪峰　执法员　✗　在…检查)."""
    return next(
        (k for k, c in enumerate(cells) if k and (_MARK_PRESENT.fullmatch(c) or _MARK_ABSENT.match(c))), None
    )


# a person's title in brackets after the name (李大强(组织委员)去县里开会,未到): no reason
# (not 缺席:李大强(组织委员)、王芳(病假): no words of its own follow, the bracket keeps the items apart)
_TITLE_BRACKET = re.compile(rf"(?<=[\u4e00-\u9fff·])\((?:{TITLE_PATTERN})+\)(?=[\u4e00-\u9fff])")


# ... or the person's unit, the reason after the comma (阿依扎提·别克(药剂科),在州人民医院进修)
_UNIT_BRACKET = re.compile(r"(?<=[\u4e00-\u9fff])\((?P<b>[^()]{1,10})\)(?=,[\u4e00-\u9fff])")


# ... or a civil servant's post written after the name, with the section in brackets (公文 style): 龚建伟副科长下派到… /
# 邱长林股长(就业促进股)——赴… / 满江雪一级科员借调… / 向天成副处长(随省工作组…): the post no part of the reason
_POST_AFTER = re.compile(
    r"(?P<post>(?:副)?(?:处|科|股|局|厅|司|部|所|站|队|室|馆|院|庭|大队)长|[一二三四]级(?:主任科员|调研员|科员|巡视员)"
    r"|(?:副)?(?:主任科员|调研员|巡视员)|科员|办事员)"
    r"(?P<unit>\([^()]{2,20}\)(?=——|—|:|,|[\u4e00-\u9fff]))?"
)


def _posts_after_names(norm: str) -> str:
    """``norm`` without the posts written right after a name (and the section in brackets after the
    post when more follows it): what is left reads as a name and its reason."""
    out, last = [], 0
    for m in _POST_AFTER.finditer(norm):
        before = norm[last : m.start()]
        if norm[m.end() : m.end() + 1] != "、" and any(
            _name_ends(before, k) for k in (3, 2)
        ):  # (武装部长、甲)
            out.append(before)
            last = m.end()
    return "".join(out) + norm[last:] if out else norm


def _name_ends(before: str, size: int) -> bool:
    """``before`` ends with a name of ``size`` characters standing on its own (after a mark, a title
    or the start)."""
    name = before[-size:]
    if len(before) < size or guess_name(name) != name:
        return False
    head = before[:-size]
    return not head or head[-1] in ",;:、。()—" or bool(re.search(rf"(?:{TITLE_PATTERN})$", head))


# ... or what the village calls them, the reason right after it: 王阿三(王三友)腿摔伤 / 符亚妹(亚妹婆)九十岁卧床
# (not 老周(周立本)回老家奔丧: the name is the bracket's, the one before it what people call him)
_ALIAS_BRACKET = re.compile(
    r"(?:^|(?<=[:;,、。]))(?P<who>[\u4e00-\u9fff]{2,4})\((?P<b>[\u4e00-\u9fff]{2,4})\)(?=(?P<after>[^,;。()]{2,}))"
)


def _without_title_brackets(line: Line) -> Line:
    norm = _posts_after_names(_TITLE_BRACKET.sub("", line.norm))
    norm = _UNIT_BRACKET.sub(lambda m: "" if only_who_or_where(m["b"]) else m[0], norm)
    norm = _ALIAS_BRACKET.sub(_alias_named, norm)
    return line if norm == line.norm else dataclasses.replace(line, norm=norm)


def _alias_named(m: re.Match[str]) -> str:
    """A name and its alias in brackets before the reason, as the name alone: the bracket's full
    name after what the village calls them (蔡阿妹(蔡玉妹) -> 蔡玉妹), else the full name before a
    bracket that says nothing of why (符亚妹(亚妹婆) -> 符亚妹); else as written."""
    bracket, who = m["b"], m["who"]
    if not REASON_START.match(m["after"]) or reasonish(bracket) or REASON_START.match(bracket):
        return m[0]
    if "了" in bracket:
        return m[0]  # 乙(脚崴了)请假: the bracket tells what happened, no alias
    if _CALLED.match(who) and guess_name(bracket) == bracket:
        return bracket
    return who if guess_name(who) == who else m[0]


# what neighbours call someone (彭老幺, 王阿三, 李小五), the full name first in the bracket: 彭老幺(彭德明,在山上…)
_CALLED_NAME = re.compile(r"^.(?:[老小阿].|[大二三四五六七八九十幺]|老[大二三四五六七八九十幺])$")


def _called_then_named(a: Absentee) -> Absentee:
    """An absentee called by a nickname whose reason opens with the full name of the same surname:
    the full name, and the rest as the reason."""
    if not a.name or not a.reason or not _CALLED_NAME.match(a.name):
        return a
    m = re.match(rf"^(?P<full>{re.escape(a.name[0])}[\u4e00-\u9fff]{{1,2}}),(?P<r>.{{2,}})$", a.reason)
    if m is None or guess_name(m["full"]) != m["full"]:
        return a
    return Absentee(m["full"], clean_reason(m["r"]), a.evidence)


# a form's label, then the record's own head of the same list: 缺席情况:未到人员及原因:1.甲…
_TWO_HEADS = re.compile(rf"^(?:缺席|出席|请假|参会)情况:(?={_ABSENT_HEAD}:)")


def _one_head(line: Line) -> Line:
    """A line whose form label stands before the list's own head, without the label; a head of
    its own words read as 缺席人员及原因: (未到会党员去向及原因说明——甲:…); reasons tagged before
    the names read after them (缺席:【病假】甲【事假】乙 as 缺席:甲(病假);乙(事假))."""
    norm = _TWO_HEADS.sub("", line.norm)
    if (head := _WORDY_HEAD.match(norm)) and not re.search(rf"{NUM}", head["h"]):
        norm = "缺席人员及原因:" + norm[head.end() :]
    if len(tags := _TAGGED.findall(norm)) >= 2:
        start = norm.find("【")
        norm = norm[:start] + ";".join(f"{who}({why})" for why, who in tags) + norm[_last_tag_end(norm) :]
    if (row := _LABEL_THEN_WHY.match(norm)) and reasonish(row["r"]) and not re.search(r"\d", row["r"]):
        norm = f"{row['r']}:{norm[row.end() :]}"  # 一值(当日白班在岗):甲、乙 as 当日白班在岗:甲、乙
    return line if norm == line.norm else dataclasses.replace(line, norm=norm)


# a group's label and, in brackets, why its people were away, then who: 一值(当日白班在岗):甲、乙
# (not a head of its own: 请假人员(均已报备):甲、乙 keeps its head)
_LABEL_THEN_WHY = re.compile(
    r"^(?![^,;。:()]*(?:缺|请|假|未|没|人员|党员|同志|情况|名单|原因|事由))[^,;。:()]{1,6}\((?P<r>[^()]{2,20})\):(?=[\u4e00-\u9fff])"
)


# a head in the record's own words, closed by a dash or a colon: 未到会党员去向及原因说明——
_WORDY_HEAD = re.compile(
    r"^(?P<h>(?:缺席|未到会?|未参会|未参加|没来|没到)的?(?:人员|党员|同志)[^:;。—]{0,4}?(?:去向|原因|事由)[^:;。—]{0,8}?)"
    r"(?:——|—|:)"
)
# a reason tagged before a name: 【病假】甲
_TAGGED = re.compile(r"【(?P<why>[^【】]{1,16})】(?P<who>[\u4e00-\u9fff·]{2,8}?)(?=【|[,;。]|$)")


def _last_tag_end(norm: str) -> int:
    return max(m.end() for m in _TAGGED.finditer(norm))


# what a village calls someone, a surname then 阿 or a rank: 王阿三 / 蔡阿妹 / 陈老四
_CALLED = re.compile(r"^.(?:[阿老小].|[大二三四五六七八九十幺])$")


def absentees(lines: list[Line], finder: PersonFinder) -> list[Absentee]:
    """Those named as away, each with the reason written for them; a bracket that holds only the
    person's title (李大强(组织委员)) is no reason."""
    lines = [_one_head(line) for line in lines]
    found = [
        Absentee(a.name, None, a.evidence) if a.reason and _ONLY_TITLES.fullmatch(a.reason) else a
        for a in map(_called_then_named, _absentees(lines, finder))
    ]
    found = [
        Absentee(a.name, None, a.evidence) if _bare_in_list(a) else a
        for a in notes_no_reason(_last_of_group(found, finder))
        if not (
            a.reason
            and (
                _LATE.search(a.reason)
                or PRESENT_STATE.fullmatch(a.reason.rstrip("。."))
                or _ATTENDED_AS.search(a.reason)
                or _away_before_only(a)
                or _CAME_THIS_TIME.search(a.reason)
            )
        )
        # (came late or left early, or marked there on a roll: 沈某——到会 / 訾某 到, or came after all: 拄拐到会: was there; or the
        # sentence after the list, run on without a stop: …(出差)县医院主要领导甲同志作为普通党员参加了本次主题党日)
    ]
    found = _dittos(_kin_shared(_one_persons_reason([_group_reason(a, found) for a in found])))
    found = _above_counted(_bracket_of_one(found))
    out: list[Absentee] = []
    for a in (_headed_cause(_without_honorific(a)) for a in found):
        if a.name is None or all(a.name != b.name for b in out):
            out.append(a)
    return out


# a list headed as the list of those on leave, and nothing else: 请假:甲、乙 / …,请假的有:甲、乙
_LEAVE_LIST = re.compile(
    rf"(?:^|[,;。])请假(?:的)?(?:人员|党员|同志)?(?:{NUM}(?:人|名|位|个))?(?:名单|情况)?(?:的)?(?:有|是|为)?:(?P<list>[^。;]*)"
)

# a form's field for why someone was away (请假事由: / 缺席原因:), filled or not
_REASON_FIELD = re.compile(r"^(?:请假|缺席)?(?:事由|原因|理由):")


def _bracket_of_one(found: list[Absentee]) -> list[Absentee]:
    """A reason shared by several read from a bracket that names one of them and none of the others
    (甲、乙(其中甲病假) / 甲、乙(甲 门诊走不开)): that one's alone; the others have none written."""
    out = list(found)
    for reason in {a.reason for a in found if a.reason}:
        sharing = [a for a in found if a.reason == reason and a.name]
        if len(sharing) < 2:
            continue
        names = [a.name or "" for a in sharing]
        brackets = [b for e in sharing[0].evidence for b in _BRACKET_TEXT.findall(normalize(e.text))]
        own = {
            n
            for b in brackets
            for n in names
            if re.match(rf"(?:其中)?{re.escape(n)}[\s,:]*{re.escape(reason[:2])}", b)
            and not any(o in b for o in names if o != n and n not in o)
        }
        if own and len(own) < len(sharing):
            out = [
                Absentee(a.name, None, a.evidence) if a in sharing and a.name not in own else a for a in out
            ]
    return out


_BRACKET_TEXT = re.compile(r"\(([^()]*)\)")


def leave_listed(found: list[Absentee], lines: list[Line]) -> list[Absentee]:
    """Those read with no reason who are listed under a head of those on leave (请假:甲、乙), whose list
    gives no one a reason and who are said of nowhere else in the record: they asked for leave, and
    the head's 请假 is their reason (the organisation tells 请假 from 无故). One left bare among others
    with reasons (请假:住院1人(甲);另有乙), explained or denied elsewhere (请假说明:乙未请假), or in a record
    with a field for why (请假事由:), keeps none."""
    out = list(found)
    if any(_REASON_FIELD.match(line.norm) for line in lines):
        return out  # (请假人员:甲、乙 / 请假事由:(系统未填): the form's field for why, left empty)
    for i, line in enumerate(lines):
        for m in _LEAVE_LIST.finditer(line.norm):
            run = _run_on(lines, i)  # (请假:甲;乙,病假;丙。: the list goes on past each ;)
            text = m["list"] + "".join(ln.norm for ln in run[1:])
            listed = [k for k, a in enumerate(found) if a.name and a.name in text]
            if not listed or "(" in text or any(found[k].reason for k in listed):
                continue
            for k in listed:
                a = found[k]
                if a.name and not any(a.name in other.norm for other in lines if other not in run):
                    out[k] = Absentee(a.name, "请假", [*a.evidence, Evidence.of(line.span, line.text)])
    return out


def _run_on(lines: list[Line], i: int) -> list[Line]:
    """``lines[i]`` and the lines of its paragraph it runs on to, each after one ending at ;."""
    run = [lines[i]]
    for line in lines[i + 1 :]:
        if not run[-1].norm.endswith(";") or line.span.origin != run[-1].span.origin:
            break
        run.append(line)
    return run


# a reason written for the names above it, counted: 甲 乙 丙(以上3人外出务工,已电话请假)
_ABOVE_COUNTED = re.compile(
    rf"^(?:以上|上述)(?P<n>{NUM}){_U}(?:同志|党员|人员)?(?:均|都)?(?:系|为|是)?(?P<r>.{{2,}})$"
)


def _above_counted(found: list[Absentee]) -> list[Absentee]:
    """A reason that says it is the names above it, as many as it counts, given to each of them when the
    others were read with none or with it (甲 乙 丙(以上3人外出务工): 外出务工 for all three)."""
    out = list(found)
    for k, a in enumerate(found):
        m = _ABOVE_COUNTED.match(a.reason or "")
        n = to_int(m["n"]) if m else None
        if (
            m is None
            or n is None
            or not 1 < n <= k + 1
            or any(b.reason not in (None, a.reason) for b in found[k - n + 1 : k])
        ):
            continue
        reason = clean_reason(m["r"])
        out[k - n + 1 : k + 1] = [Absentee(b.name, reason, b.evidence) for b in found[k - n + 1 : k + 1]]
    return out


# what a clause says of someone that is no absence from this meeting: absences counted over a time (郑凯同志缺席2次 /
# 预备期内曾因值班缺席过一次), leave from a later event (下周三的主题党日,邱宏已经请假), or coming after all
# (这周请了病假…,还是坚持来参加了 / 上次没来的甲这次也来了)
_NOT_THIS_ABSENCE = re.compile(
    rf"(?:缺席|请假|未参加|没来)过?了?{NUM}次|(?<!第){NUM}次[^,;。]{{0,8}}?(?:缺席|请假|未能?参加|没能?参加|没能)"
    # an absence of an earlier time told of them (刘俊坦言去年下半年因在外地驻场,有三次支部活动没能参加)
    rf"|(?:去年|前年|上半年|上季度|上个?月|以前|此前)[^;。]{{0,24}}?(?:{NUM}次|多次|几次)[^;。]{{0,10}}?"
    r"(?:缺席|请假|未能?参加|没能?参加|没能|没来)"  # (counted over that time; not 上月起在外地培训,本次未能参加)
    # attending another way: 通过视频接入 / 通过腾讯会议线上参会
    r"|通过(?:视频|腾讯会议|钉钉|微信视频|网络|线上|电话会议)[^,;。]{0,6}?(?:接入|参会|参加|连线|入会)"
    r"|(?<![未没不能])(?:线上|在线|远程|视频)(?:连线)?(?:参会|参加了?会议|参加|接入|入会)"  # 在外地,线上参会
    r"|(?:曾经|曾(?=因|在|于|有|多次|经|[一两二三四五六七八九十\d]次))[^,;。]{0,10}?(?:缺席|请假|未参加|没来)"  # (not 曾立, a name)
    r"|(?:还是|仍然|依然|照样|坚持)[^,;。]{0,6}?(?:来|参加|到会|参会)了|(?:这次|本次|这回|今天)(?:也|都)?(?:来了|参加了|到了)"
)
_LATER_EVENT = re.compile(
    r"(?:下周|明天|明日|后天|下次|下月|下个月|下一次|下回)[^,;。]{0,16}?(?:活动|党日|会议|会|学习|服务)"
)


def not_this_meeting(a: Absentee, lines: list[Line]) -> bool:
    """Whether the clauses naming ``a`` tell of no absence from this meeting (``_NOT_THIS_ABSENCE``), or of leave
    from a later event named before them in the sentence: in its evidence, or in a line naming it with the reason
    read (丁建国 read in a short line, 丁建国二季度两次请假未参加组织生活 the sentence that said so)."""
    if not a.name:
        return False
    said = [normalize(e.text) for e in a.evidence]
    said += [ln.norm for ln in lines if a.name in ln.norm and a.reason and normalize(a.reason) in ln.norm]
    listed = [*said, *(ln.norm for ln in lines if a.name in ln.norm)]
    if any((m := _list_head(norm)) and a.name in (m.groupdict().get("list") or "") for norm in listed):
        return False  # 缺席人员:赵六(病假) (then 赵六此前多次未请假缺席): listed as away from this one
    for norm in said:
        for sentence in re.split(r"[;。!?]", norm):
            for named in re.finditer(re.escape(a.name), sentence):
                # their own clause (not the name itself: 曾庆华同志未参加; not the next one's), and one turning
                # back after it (甲这周请了病假…,还是坚持来参加了)
                parts = re.split(r"[,:;]", sentence[named.end() :])
                if "、" in parts[0]:  # (甲、乙通过视频接入: said of both; not 甲(出差)、乙(…)'s bracket)
                    head, rest = parts[0].split("、", 1)
                    parts[0] = head + "、" + re.sub(r"\([^()]*\)", "", rest)
                clause = ",".join(parts[:2]) if len(parts) > 1 and _TURNS_BACK.match(parts[1]) else parts[0]
                if re.match(r"^(?:同志)?(?:坦言|说|表示|讲)", parts[0]):
                    clause = ",".join(parts[:3])  # 刘俊坦言去年…,有三次支部活动没能参加: what they said
                if _NOT_THIS_ABSENCE.search(clause) or _later_event_before(sentence[: named.start()]):
                    return True
    return False


_TURNS_BACK = re.compile(
    r"但|却|还是|仍|依然|照样|坚持|不过|可|通过|(?:线上|在线|远程|视频)(?:连线)?(?:参|接|入)"
)


def _later_event_before(before: str) -> bool:
    """A later event named in the clause before the person's or their own (下周三的主题党日,邱宏已经请假), with nothing
    turning back to this meeting since (not 确定下次党日活动时间,本次甲因病请假)."""
    near = ",".join(before.split(",")[-2:])
    found = _LATER_EVENT.search(near)
    return found is not None and not _THIS_MEETING.search(near[found.end() :])


_THIS_MEETING = re.compile(r"本次|此次|这次|今天|今日|本月|当天|会上")


def _without_honorific(a: Absentee) -> Absentee:
    """王涛同志 read as one name by its place in a list (王涛同志外出培训): the name without 同志."""
    if a.name and len(a.name) > 3 and a.name.endswith("同志"):
        return Absentee(a.name.removesuffix("同志"), a.reason, a.evidence)
    return a


# a list headed by its cause and the act of absence: 因公外出未参会:甲、乙 / 外出培训未到:丙
_CAUSE_HEAD = re.compile(
    r"(?:^|[:;,])(?P<r>[^,;:。]{2,16}?)(?:未参会|未参加会议|未参加|未到会|未出席|缺席):(?P<names>[^:]+)$"
)


def _headed_cause(a: Absentee) -> Absentee:
    """An absentee with no reason of their own, listed under a heading that gives the cause."""
    if a.reason or not a.name:
        return a
    for e in a.evidence:
        m = _CAUSE_HEAD.search(normalize(e.text).rstrip("。"))
        if m and a.name in m["names"] and REASON_START.match(m["r"]) and not _LEAVE_ONLY.fullmatch(m["r"]):
            return Absentee(a.name, clean_reason(m["r"]), a.evidence)
    return a


_LEAVE_ONLY = re.compile(r"请假|请了假|已请假|事先请假")


# a member away from an earlier meeting who came to this one: 甲同志上次会议因出差请假,本次会议已按时参加
_CAME_THIS_TIME = re.compile(
    r"(?:本次|这次|此次|本月|这回)(?:会议|活动|党日)?(?:已|均|都|也|则|就)?(?:按时|准时)?(?:参加|到会|出席|参会)"
    # (本月已补学上月内容并正常参会 / 本次已返院参会 / 本次特意到所参加会议: words between, no denial)
    r"|(?:本次|这次|此次|本月|这回)[^,;。]{0,12}?(?<![未没不])(?<!未能|没能|不能|无法)(?:正常|按时|准时|特意|专程)?"
    r"(?:参加会议|参会|到会)(?=[,;。]|$)"
)


def _away_before_only(a: Absentee) -> bool:
    """Whether the absentee's note is of an earlier meeting and their sentence says they came to this one."""
    return bool(
        a.reason
        and other_time(a.reason, None)
        and any(_CAME_THIS_TIME.search(normalize(e.text)) for e in a.evidence)
    )


_ATTENDED_AS = re.compile(
    r"^(?:作为|以)[^,;。]{0,12}?(?:参加|出席|参与)了?"
    r"|^(?:参加|出席|参与)了?(?:本次|这次|此次|今天的)(?:主题党日|会议|活动|党课|支部党员大会|组织生活会)"
    # a clause saying they came after all (右脚骨折未愈,拄拐到会 / 参加会议,不参加表决; not 在县里参加会议,
    # a meeting elsewhere, nor 未能到会)
    r"|(?:^|,)[^,;。在去赴到]{0,4}?(?<![未没不])(?<!未能)(?<!没能)(?<!不能)(?<!无法)"
    r"(?:到会|参会|到场|参加了?(?:本次|此次)?会议)(?=[,;。]|$)"
)


# the next absentee glued into a reason after 、: 甲在方舱核酸采样点支援、乙病假
_NEXT_AFTER = re.compile(r"[、,;](?=[\u4e00-\u9fff]{3,})")


def next_in_reasons(found: list[Absentee], finder: PersonFinder, loose: bool = False) -> list[Absentee]:
    """The absentees, each reason that holds the next absentee parted from them (one entry per name:
    the one parted out may have been read on their own as well); ``loose``: also after a comma, a full
    name and what they did instead (for when counts bound how many there may be)."""
    out: list[Absentee] = []
    for b in (b for a in found for b in _next_in_reason(a, finder, loose)):
        if b.name is None or all(b.name != c.name for c in out):
            out.append(b)
    return out


def _next_in_reason(a: Absentee, finder: PersonFinder, loose: bool) -> list[Absentee]:
    """The absentee, and the next one when their reason holds, after a 、, someone else's name
    opening a reason of their own (甲: 在方舱核酸采样点支援、乙病假 -> 甲 and 乙)."""
    reason = a.reason or ""
    for m in _NEXT_AFTER.finditer(reason):
        rest = reason[m.end() :]
        rest = _MEMBER_GROUP.sub("", rest)  # 、在职党员葛成龙单位加班: the group is no part of the name
        name = _leading_person(rest, finder)
        if name is None and (titled := after_last_title(rest[:TITLED_AT_MOST])) != rest[:TITLED_AT_MOST]:
            rest = titled + rest[TITLED_AT_MOST:]  # 、青年教师党员柴琮文赴省外…: titles before the next one
            name = _leading_person(rest, finder)
        after = rest[len(name) :].removeprefix("同志") if name else ""
        if (
            name
            and name != a.name
            and (REASON_START.match(after) or (loose and _away_doing(m.group(), name, after)))
        ):
            own, other = clean_reason(reason[: m.start()]), clean_reason(after)
            return [
                Absentee(a.name, own, a.evidence),
                *_next_in_reason(Absentee(name, other, a.evidence), finder, loose),
            ]
    return [a]


def _away_doing(mark: str, name: str, after: str) -> bool:
    """After a comma, a full name and what they were doing instead (…,钟福添送孙子去县城学校报名 /
    …,韩牧之做实验走不开): the next absentee, unless what follows is said at the meeting."""
    return (
        mark == ","
        and len(name) >= 3
        and name[0] in SURNAMES
        and len(after.split(",", 1)[0]) >= 3
        and not _SAID_AT_MEETING.match(after)
    )


# what a person named after a comma did at the meeting, not instead of it
_SAID_AT_MEETING = re.compile(
    r"^(?:也|还|都|则|又|就)?(?:会后|会前|会上|会中|随后|事后|当场|现场|专程|代表|代|替|向|给|把|将|带头|首先|最后|发言|讲话|表示|说|谈|介绍|汇报|主持|领学|领誓|领读|带领|参加|到会|来了|出席|提出|建议|认为|强调|指出|作|做了|对|"
    r"是|为|任|担任|负责|记录|宣读|通报|补充|同意|赞成|举手|签|交纳|缴纳|交了|缴了|已|等)"
)


TITLED_AT_MOST = 12  # how far into a clause or a reason titles may stand before a person's name


def _leading_person(text: str, finder: PersonFinder) -> str | None:
    """The roster name or the surname-anchored name ``text`` opens with."""
    hits = finder.find(text)
    if hits and hits[0].start == 0:
        return hits[0].name
    name = leading_transcribed(text, REASON_START.match) or leading_guess(text, after=2)
    return name if name and name not in NOT_NAMES else None


def leading_transcribed(text: str, follows: Callable[[str], object]) -> str | None:
    """The longest transcribed name ``text`` opens with, before 同志 or what ``follows`` accepts (a
    reason: 旦增群觉同志值急诊班)."""
    for k in range(min(MAX_TRANSCRIBED, len(text) - 2), 1, -1):
        rest = text[k:].removeprefix("同志")
        if transcribed(text[:k]) and follows(rest):
            return text[:k]
    return None


def _dittos(found: list[Absentee]) -> list[Absentee]:
    """A reason that is only a ditto mark (〃 / 同上) is the one above it; with none above it stays a
    mark, which the checks cannot judge (the row above may be one the readers missed)."""
    out: list[Absentee] = []
    for a in found:
        above = out[-1].reason if out else None
        if a.reason and is_ditto(a.reason) and above and not is_ditto(above):
            a = Absentee(a.name, above, a.evidence)
        out.append(a)
    return out


# the words naming two kin together (兄弟, 夫妻 …)
KIN_PAIRS = "兄弟|弟兄|姐妹|兄妹|姐弟|夫妻|夫妇|父子|母女|母子|父女|两口子|哥(?=俩)|姐(?=俩)|妯娌"
# a reason that opens by naming a pair: 孔祥骐,孔祥林(兄弟俩回山东老家办事) is both brothers'
_PAIR = rf"(?:两|二)?(?:{KIN_PAIRS})"  # 兄弟 / 两兄弟
_PAIR_REASON = re.compile(rf"^{_PAIR}(?:俩|二人|两人|两个)?")


def _kin_shared(found: list[Absentee]) -> list[Absentee]:
    """One left without a reason right before one whose reason opens by naming a pair shares it."""
    out = list(found)
    for k in range(len(out) - 1):
        a, b = out[k], out[k + 1]
        if a.name and not a.reason and b.reason and _PAIR_REASON.match(b.reason):
            out[k] = Absentee(a.name, b.reason, a.evidence)
    return out


# the last name of a group and the group's count opening the reason read for the others:
# 王福元、张二小、刘候生三个跟护路队巡线 (read: 王福元, 张二小 "刘候生三个跟护路队巡线")
_GROUP_TAIL = re.compile(
    rf"^(?P<name>[\u4e00-\u9fff]{{2,4}}?)(?P<n>{NUM})(?:个人|个|人|位|名)(?:同志|党员)?(?:都|均|一起)?(?P<r>.*)$"
)


def _last_of_group(found: list[Absentee], finder: PersonFinder) -> list[Absentee]:
    """A group's last name read into the reason its members share is one of them, and the count
    after it no part of the reason (甲、乙、丙三人住院: 丙 is away, and all three 住院)."""
    out: list[Absentee] = []
    for k, a in enumerate(found):
        m = _GROUP_TAIL.match(a.reason or "")
        hit = finder.resolve(m["name"]) if m else None
        if m is None or hit is None or hit.name != m["name"] or any(b.name == m["name"] for b in found):
            out.append(a)
            continue
        sharing = [b for b in found if b.reason == a.reason]
        bare = _bare_run_before(found, k)
        reason = clean_reason(m["r"])  # (…3名同志仍: a time word left, no reason)
        if len(sharing) == 1 and len(bare) + 2 == to_int(m["n"]):
            # 甲,乙,丙三个人…: the bare names before it are the group's first
            out = [*out[: len(out) - len(bare)], *(Absentee(b.name, reason, b.evidence) for b in bare)]
        elif len(sharing) + 1 != to_int(m["n"]):
            out.append(a)
            continue
        out.append(Absentee(a.name, reason, a.evidence))
        if a is sharing[-1]:
            out.append(Absentee(m["name"], reason, a.evidence))
    return out


def _bare_run_before(found: list[Absentee], k: int) -> list[Absentee]:
    """The names with nothing attached read just before ``found[k]``."""
    start = k
    while start > 0 and found[start - 1].reason is None:
        start -= 1
    return found[start:k]


# a reason speaking of one person: 她在县医院陪护… / 该同志…
_ONE_PERSON = re.compile(r"^(?:她|他|该同志|该党员|其本人)(?!们)")


def _one_persons_reason(found: list[Absentee]) -> list[Absentee]:
    """A reason read for several people that speaks of one (马秋兰、吕建坪(她在县医院陪护…)) is the
    one's it is written after, the last of them; the others have none."""
    out = []
    for k, a in enumerate(found):
        if a.reason and _ONE_PERSON.match(a.reason):
            later = any(b.reason == a.reason for b in found[k + 1 :])
            a = Absentee(a.name, None, a.evidence) if later else a
        out.append(a)
    return out


def _group_reason(a: Absentee, found: list[Absentee]) -> Absentee:
    """列车长司马俊、乘务员庞玉洁值乘G618次,…: a name joined by 、 (or by a comma inside an item of a
    ;-list) to the next one's, whose reason is written right after it and closes the clause, shares
    that reason (the clause is the group)."""
    if not a.name or a.reason:
        return a
    said = [normalize(e.text) for e in a.evidence]
    for b in found:
        if not b.name or not b.reason or b is a:
            continue
        group = (  # (甲、乙夫妇正在外地…: the pair's word between)
            rf"{re.escape(a.name)}、[^、,;。()]{{0,6}}?{re.escape(b.name)}(?:{KIN_PAIRS}|二人|两人|俩)?"
            rf"{re.escape(b.reason)}(?=[,;。]|$)"
        )
        # ... or by a comma inside a list whose items end in ; (甲出差;乙,丙上中班): the item is the group
        item = rf"(?:^|[;(:]){re.escape(a.name)},{re.escape(b.name)}{re.escape(b.reason)}(?=[;。)]|$)"
        if any(re.search(group, norm) or re.search(item, norm) for norm in said):
            return Absentee(a.name, b.reason, a.evidence)
    return a


def notes_no_reason(found: list[Absentee]) -> list[Absentee]:
    """``found`` with a reason that is only a note (``no_reason_left``: 已补交党费, 由其爱人代为请假)
    taken off: the same word on what is no reason for every reader."""
    return [Absentee(a.name, None, a.evidence) if a.reason and no_reason_left(a.reason) else a for a in found]


def _bare_in_list(a: Absentee) -> bool:
    return bool(a.name and a.reason and any(bare_in_repeating_list(a.name, e.text) for e in a.evidence))


_ONLY_TITLES = re.compile(rf"(?:{TITLE_PATTERN})+")


def _absentees(lines: list[Line], finder: PersonFinder) -> list[Absentee]:
    tabled = tabled_absences(lines, finder)
    if tabled is None:
        tabled = labelled_absences(lines, finder) or run_on_absences(lines, finder)
    if tabled is not None and tabled.absences:
        ticked = ticked_away(lines, finder)  # (a grid of two or three people a row: the tick reader's)
        if len(ticked) <= len(tabled.absences):
            return denied([_tabled(a) for a in tabled.absences], lines)
        return denied(_with_reasons_written(ticked, _written(lines, finder)), lines)
    if tabled is not None:  # a roll saying nobody was away: its rows are no list of absentees
        lines = [line for k, line in enumerate(lines) if k not in tabled.rows]
    if marked := _marked_rows(lines, finder):
        return denied(marked, lines)
    if ticked := ticked_away(lines, finder):
        return denied(_with_reasons_written(ticked, _written(lines, finder)), lines)
    return _written(lines, finder)


def _with_reasons_written(ticked: list[TickedAway], written: list[Absentee]) -> list[Absentee]:
    """Those marked away in a sign list; one the record's sentences give a reason takes it (请假1人
    （霍晓晴回老家）), over what the mark and notes give."""
    out = []
    for found in ticked:
        a = _from_ticked(found)
        said = next(
            (
                b
                for b in written
                if b.name and b.reason and to_simplified(b.name) == to_simplified(a.name or "")
            ),
            None,
        )  # (譚偉雄 假 in the list, 谭伟雄 in the sentence read in simplified script)
        # (the sentence's words before the mark's: 缺席名单:甲　下沉…随访 over 甲△ with △公差)
        out.append(a if said is None else Absentee(a.name, said.reason, [*a.evidence, *said.evidence]))
    return out


_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩"


def circled_as_numbers(text: str) -> str:
    """Items numbered by circled digits (①甲　在…②乙　陪…) written as numbered items (1.甲…2.乙…): the
    normal form writes ① as a bare 1, which no list reader parts."""
    if sum(c in _CIRCLED for c in text) < 2:
        return text
    return "".join(f"{_CIRCLED.index(c) + 1}." if c in _CIRCLED else c for c in text)


def _circled_numbered(line: Line) -> Line:
    text = circled_as_numbers(line.text)
    return line if text == line.text else dataclasses.replace(line, norm=normalize(text))


# a count of those away closing its sentence, the bracket after it the next line: 缺席2人。 / (甲病假;乙产假)
_COUNT_STOPPED = re.compile(rf"(?:缺席|请假|未到|未参加){NUM}{_U}。$")


MAX_GROUP_LINES = 8  # lines below a count of those away its groups may take, once cut at each ;


def _described_below(after: list[Line], line: Line) -> list[Absentee]:
    """The list on the line below a count of those away ending its line, each group told by its reason
    before its people (未参加11人: / 值乘…的列车长甲、乙;休产假的丙;…): exactly as many people."""
    ends = _COUNT_ENDS.search(line.norm)
    counted = _head_count(line.norm[ends.start() :]) if ends and after else None
    run = after[:MAX_GROUP_LINES]  # (the list's groups, a line each once cut at ;)
    told = described_by_reason("".join(ln.norm for ln in run), counted, REASON_START) if counted else None
    if not told:
        return []
    quoted = [
        Evidence.of(ln.span, ln.text)
        for ln in [line, *run]
        if ln is line or any(n in ln.norm for n, _ in told)
    ]
    return [Absentee(name, clean_reason(reason), quoted) for name, reason in told]


def _bracket_rejoined(lines: list[Line]) -> list[Line]:
    """The lines with a bracket opening the line after a count of those away joined to the count:
    who they are (缺席2人。(甲病假;乙产假): 缺席2人(甲病假;乙产假))."""
    out: list[Line] = []
    for line in lines:
        prev = out[-1] if out else None
        if prev is not None and _COUNT_STOPPED.search(prev.norm) and line.norm.startswith("("):
            out[-1] = dataclasses.replace(prev, norm=prev.norm[:-1] + line.norm, text=prev.text + line.text)
            continue
        out.append(line)
    return out


def _outnumber_head(found: list[Absentee], head: str) -> bool:
    """Whether the names read after a head counting those away in brackets (缺席人员(2人):, ``_HEAD_COUNT``)
    outnumber its count, none with a reason."""
    m = _HEAD_COUNT.search(head)
    return _outnumbered(found, to_int(m["n"]) if m else None)


def _outnumbered(found: list[Absentee], counted: int | None) -> bool:
    """More names than the count of those away, and no reason for any: the list of those who came."""
    return counted is not None and len(found) > counted and not any(a.reason for a in found)


def _written(lines: list[Line], finder: PersonFinder) -> list[Absentee]:
    """Absentees as the record's sentences and lists name them."""
    lines = joined_broken(
        [
            _headed(
                _without_list_count(_without_title_brackets(_names_set_apart(_without_seat_numbers(line))))
            )
            for line in gaps_as_commas(_bracket_rejoined([_circled_numbered(line) for line in lines]))
        ],
        lambda norm: _list_head(norm) is not None,
    )
    for i, line in enumerate(lines):
        m = _list_head(line.norm)
        per_line = _named_lines(_as_rows(lines[i + 1 :]), finder) if m and not m["list"] else []
        if per_line:  # 缺席人员: then a line per person, each a name and its reason
            line = dataclasses.replace(
                line, norm=line.norm + ";".join(ln.norm.rstrip("。;") for ln in per_line) + "。"
            )
            m = _list_head(line.norm)
        if m and m["list"] and m["list"].strip("。.") not in _NONE:
            # 缺席人员及原因:6人。甲…,乙…: the list in the next sentence
            listed, following = m["list"], lines[i + 1 + len(per_line) :]
            if _COUNT_ONLY.match(listed) and following:
                listed, following = following[0].norm, following[1:]
            elif _GROUPS_ONLY.match(listed) and following and (said := _DETAIL_HEAD.match(following[0].norm)):
                # 未参会的:病假1人、事假1人 / 具体:甲(病假),乙(事假): the names on the next line
                listed, following = following[0].norm[said.end() :], following[1:]
            text = _continued(listed, following, finder)
            head = line.norm[m.start() : m.start("list")]
            found = _placed(_read_list(text, line, finder), text, line, lines[i + 1 :], lines, head)
            if _outnumber_head(found, head):
                continue  # 缺席2人 then ten names and no reason: those who came; a later head's list
            if found:
                found = _with_continuation(found, lines[i + 1 :], finder, m["list"])
                quoted = [Evidence.of(ln.span, ln.text) for ln in per_line]
                found = [Absentee(a.name, a.reason, [*a.evidence, *quoted]) for a in found]
                found = _reasons_below(_reasons_in_line(found, line), lines[i + 1 :])
                found = _more_statements(found, lines[i + 1 :], finder)
                found = _next_heads(found, lines[i + 1 + len(per_line) :], finder)
                return denied(_added_later(found, lines[i + 1 :], finder), lines)
    out: list[Absentee] = []
    for i, line in enumerate(lines):
        if _ABOVE.match(line.norm) and (above := _listed_above(lines[:i], line, finder)):
            out.extend(a for a in above if all(a.name != b.name for b in out))
            continue
        if _COUNT_ENDS.search(line.norm) and (
            below := _listed_below(lines[i + 1 :], line, finder)
            or _reason_rows(lines[i + 1 :], line, finder)
            or _described_below(lines[i + 1 :], line)
        ):
            out.extend(a for a in below if all(a.name != b.name for b in out))
            continue
        joined = _reasons_first_joined(line, lines[i + 1 :])
        found = _shaped(joined, line, finder)
        if found and len(joined) > len(line.norm):  # the sentences it was joined from are its evidence
            used = [Evidence.of(ln.span, ln.text) for ln in _joined_lines(line, lines[i + 1 :], joined)]
            found = [Absentee(a.name, a.reason, [*a.evidence, *used]) for a in found]
        found = found or _more(
            _roster_absentees(line, lines[i + 1 :], finder), _prose_absentees(line, finder)
        )
        found = _reasons_below(_reasons_in_line(found, line), lines[i + 1 :], reach=1)
        if (counted := _COUNTED_HEAD.search(line.norm)) is not None:  # …,缺席2人:哈斯图娅在…
            head, text = counted.group(), line.norm[counted.end() :]
            found = _placed(
                _listed_after(found, text, line, finder, head), text, line, lines[i + 1 :], lines, head
            )
        out.extend(a for a in found if all(a.name != b.name for b in out))
    return denied(out, lines)


# a count of those away closing a sentence's counts, their list after it: …,缺席2人:甲…,乙… / …,请假2:甲…
_COUNTED_HEAD = re.compile(
    rf"(?<=[,;])(?:(?:缺席|请假|缺勤|未参会|未到会?|缺)(?P<n>{NUM})(?:{_U}[:,]|:)"
    rf"|(?:另有|其中|有)?{NUM}{_U}(?:请假|缺席|未参会|未到会?)[:,])(?=.)"
)
MAX_PLACED_LINES = 3  # lines after a list's head its items may run on to, read by their place


def _head_count(head: str) -> int | None:
    """The number a list's head counts (…,请假3人: -> 3)."""
    stated = re.search(rf"(?P<n>{NUM})(?:{_U}|:)", head)
    return to_int(stated["n"]) if stated else None


def _listed_after(
    found: list[Absentee], text: str, line: Line, finder: PersonFinder, head: str
) -> list[Absentee]:
    """The list after a count of those away inside a sentence (…,请假3人:记者甲(…)、摄影记者乙(…)) read as a
    list, when that names more of them than the sentence's readers did, everyone they named and as
    many as the count (a list short of it may go on over the lines after)."""
    most = _head_count(head)
    listed = _read_list(text, line, finder)
    named = {a.name for a in listed}
    if (
        most is None
        or len(found) >= len(listed)
        or len(listed) != most
        or any(a.name not in named for a in found)
    ):
        return found
    return listed


def _placed(
    found: list[Absentee], text: str, line: Line, after: list[Line], lines: list[Line], head: str
) -> list[Absentee]:
    """A counted list read short of its count: its items read by their place (names no surname
    list knows), when that reading names the count and everyone the first reading named; the
    items may run on to the next lines (缺席情况:甲…;\n乙…)."""
    counted = _head_count(head)
    counted = counted if counted is not None else (v.value if (v := absent(lines)) else None)
    if counted is None or len(found) >= counted:
        return found
    # the next lines, but not those the list was already joined from (甲…;\n乙…;\n丙…)
    run = [ln for ln in after[:MAX_PLACED_LINES] if ln.norm.rstrip("。;") not in text]
    pairs = named_by_place(
        _people_first(text), counted, REASON_START, _people_first("。".join(ln.norm for ln in run))
    ) or described_by_reason(text, counted, REASON_START)
    if pairs is None or any(a.name not in {name for name, _ in pairs} for a in found):
        return found
    if any(re.search(rf"{NUM}{re.escape(name)}", text) and name[0] in _MEASURES for name, _ in pairs):
        return found  # 1人因公外出请假 / 1名同志因…: a count and its people, no name
    quoted = [Evidence.of(ln.span, ln.text) for ln in [line, *run] if any(n in ln.norm for n, _ in pairs)]
    return [Absentee(name, clean_reason(reason), quoted) for name, reason in pairs]


_MEASURES = "名人位个"


def _people_first(text: str) -> str:
    """Each piece of a list from the person it opens with, without the unit before (挤塑车间党员
    门晓东这周上夜班: 门晓东这周上夜班) or the student's cohort (2021级喻蓁在…支教: 喻蓁在…支教)."""
    return _PIECE_COHORT.sub("", _UNIT_MEMBER.sub("", text))


_PIECE_COHORT = re.compile(rf"(?<![^,;。、:]){COHORT_WORDS}(?:党员)?(?=[\u4e00-\u9fff]{{2}})")


# a list's heading standing alone, without its colon: 附:请假人员名单 / 缺席党员名单 (not a bare 请假)
_BARE_LIST_HEAD = re.compile(
    rf"(?:附件|附)?:?(?:(?=[^:]*(?:人员|名单|党员|同志|说明)){_ABSENT_HEAD}|(?:缺席|请假|未参会|未参加|未到会?|缺勤)人)"
)  # (缺席人: a doc's heading, its rows below)


# a leave's kind written in a bracket before the name: 缺席人员:(病假)苏晓婷;(出差)廖文博 / a line (请假)甲——在…
_KIND_FIRST = re.compile(r"(?:^|(?<=[:;,、]))\((?P<r>[^()\d]{1,6})\)(?=[\u4e00-\u9fff])")
_KIND_ITEM = re.compile(
    r"(?:^|(?<=[:;,、]))\((?P<r>[^()\d]{1,6})\)(?P<n>[\u4e00-\u9fff·]{2,8}?)(?=[;,、。]|$)"
)
_KIND_WORD = re.compile(rf"(?:{_ABSENT_HEAD})|[病事产婚丧公年]假|出差|公出|援[疆藏]|驻村|进修|外出|住院|值班")


def _kind_first(norm: str) -> str:
    """``(病假)苏晓婷;(出差)廖文博`` as ``苏晓婷(病假);廖文博(出差)``; a line opening ``(请假)甲——…`` as ``请假:甲——…``."""
    if (
        (lead := _KIND_FIRST.match(norm))
        and _ABSENCE_CUE.fullmatch(lead["r"])
        and "(" not in norm[lead.end() :]
    ):
        return f"{lead['r']}:{norm[lead.end() :]}"
    return _KIND_ITEM.sub(
        lambda m: (
            f"{m['n']}({m['r']})" if _KIND_WORD.fullmatch(m["r"]) or REASON_START.match(m["r"]) else m.group()
        ),
        norm,
    )


# a bracket after those present telling who was not: 支部7名党员参加(党员甲因下乡开展秋防免疫请假)
_TOLD_IN_BRACKET = re.compile(
    rf"(?<=参加|到会|出席|参会|到场)(?:了?(?:会议|活动|学习))?\((?P<c>[^()]{{4,60}}?(?:请假|{NOT_ATTEND}|缺席|未到)[^()]{{0,10}})\)"
)


def _headed(line: Line) -> Line:
    """A list's heading written alone as one with its colon (the rows below are its items), and a
    count of those away ending the line in a dash (缺席2人——, the rows below are who)."""
    if (kind := _TOLD_IN_BRACKET.sub(r",\g<c>。", _kind_first(line.norm))) != line.norm:
        line = dataclasses.replace(line, norm=kind)
    if (dash := _DASH_HEAD.search(line.norm)) is not None:
        cut = dash.start("follows") if dash["follows"] is not None else dash.start("mark")
        return dataclasses.replace(line, norm=line.norm[:cut] + ":")
    if _BARE_LIST_HEAD.fullmatch(line.norm.rstrip("。")) is None:
        return line
    return dataclasses.replace(line, norm=line.norm.rstrip("。") + ":")


_DASH_HEAD = re.compile(
    rf"(?:缺席|请假|缺勤|未参会|未到会?){NUM}{_U}(?P<follows>,?(?:原因|情况|名单|具体情况)?如下)?"
    rf"(?P<mark>(?(follows)(?:—{{1,2}}|-{{1,2}}|…+|:)|(?:—{{1,2}}|-{{1,2}}|…+)))$"
)


def _merged(found: list[Absentee]) -> list[Absentee]:
    """One entry per person: a name read twice (缺席的有:A、B、C,…,C在省医院进修) keeps the first
    place and the reason one of the readings gives."""
    out: list[Absentee] = []
    for a in found:
        same = next((b for b in out if a.name and b.name == a.name), None)
        if same is None:
            out.append(a)
        elif same.reason is None and a.reason is not None:
            out[out.index(same)] = Absentee(same.name, a.reason, [*same.evidence, *a.evidence])
    return out


def denied(found: list[Absentee], lines: list[Line]) -> list[Absentee]:
    """Absentees whose words deny a leave or a reason lose the reason read for them.

    The decision is the absentee's own evidence: the clause that names them in the sentence they
    were read from (赵六(病假)、孙七(未请假): 孙七 has no reason, a fail), or another sentence naming them
    with such words (张三(病假) … 张三同志未请假; 应书杰,原因不明): the record says in so many words that
    no leave was asked or no reason is known, which is positive evidence (the rule fails)."""
    found = _merged(found)
    names = [a.name for a in found if a.name]
    out = []
    for a in found:
        if a.reason and a.name:
            own = {e.text for e in a.evidence}
            mine = [ln for ln in lines if ln.text in own]
            others = [ln for ln in lines if ln.text not in own]
            if _denies(a.name, names, mine) or _denies(a.name, names, others):
                a = Absentee(a.name, None, a.evidence)
        out.append(a)
    return out


def _denies(name: str, names: list[str], lines: list[Line]) -> bool:
    """Whether the clauses naming ``name`` in ``lines`` deny a leave (未请假, 无故, 擅自 …)."""
    return any(DENIED.search(clause) for line in lines for clause in own_clauses(name, names, line.norm))


def _denied_in(line: Line, name: str, found: list[Absentee]) -> bool:
    """Whether ``line`` says of the absentee ``name`` that they asked no leave (邓家庆未请假 /
    石连生没来,也没请假): positive evidence of no leave, not another sentence that may hold a reason."""
    names = [a.name for a in found if a.name]
    return any(_denial_first(clause) for clause in own_clauses(name, names, line.norm))


# a clause opening on a denial: ,未请假 / ,也没请假 / ,电话联系不上
_DENIAL_OPENS = re.compile(rf"^(?:也|并|都|且|但|又|事先|会前|事前|本人|电话|手机)*(?:{DENIED.pattern})")


def _denial_first(words: str) -> bool:
    """A denial in the name's own clause, or opening the next (冯老三(冯德才),未请假 / 石连生没来,也没
    请假), not one further on about others (周岚另有安排,未到的其他同志未请假的要补假)."""
    own, _, nxt = words.partition(",")
    return DENIED.search(own) is not None or _DENIAL_OPENS.match(nxt) is not None


# a clause opening on someone else: …比赛,另有1人未请假 / ,其余3人… / ,2人…
_OTHERS = re.compile(rf"[,:](?=另有|还有|其余|其他|另外|另|其中|{NUM}(?:人|名|个|位))")


def own_clauses(name: str, names: list[str], norm: str) -> list[str]:
    """The words of ``norm`` about ``name``: from the name to the end of its clause (``;`` ``。``,
    the next absentee named: 赵六(病假)和孙七(未请假): 孙七's words are not 赵六's, or a clause on
    others: 甲在外比赛,另有1人未请假)."""
    out = []
    for m in re.finditer(re.escape(name), norm):
        window = re.split(r"[;。]", norm[m.end() : m.end() + 24], maxsplit=1)[0]
        window = _OTHERS.split(window, maxsplit=1)[0]
        window = _NEXT_COUNTED.split(window, maxsplit=1)[0]  # 甲、乙),无故缺席1名(丙: the next group's
        for other in names:
            if other != name and other in window:
                before, _, after = window.partition(other)
                # 甲和乙在外务工,未请假: joined to the next name by a bare 和/、, 甲 shares its words
                # (not past a bracket the two close: 请假3名(甲、乙),无故缺席1名(丙) — 丙's words)
                window = before + after if before in _JOINED and not after.startswith(")") else before
        out.append(window)
    return out


# a bracket of names closed, then the next group of the statement with its count and bracket
_NEXT_COUNTED = re.compile(rf"\),?(?=[^,;。()]{{0,10}}?{NUM}{_U}\()")
_JOINED = frozenset(("和", "与", "及", "、", "同志和", "同志、"))


# ----------------------------------------------------------------- absence statements of a fixed shape
# Shapes whose parts stand in a known order, read before the general reading (which would take a
# bracket after the cue for a list head, or the words after the act for a reason):
#   除A(病假)、B因公出差外,其余党员均参加   the exceptions to an attendance statement are the absentees
#   A请假(病假),B缺席(出差)                 the reason in brackets right after each one's cue
#   A、B未能参加,原因分别是病假、出差        the reason written after the act

_EXCEPT = re.compile(
    r"除(?:了)?(?P<list>[^。;:]{2,200}?)(?:以外|之外|外)[,]?(?:其余|其他|其它|别的|其他的|其余的)?"
    rf"(?:{NUM}(?:名|人|位|个))?(?:党员|同志|人员|成员|人)?(?:们)?(?:均|都|全部|全都|全体|也)?(?:按时|准时|准时参加|如期)?"
    r"(?:参加了?|参会|到会|出席了?|到了?场|与会|到齐|到了|来了|在场|都在)(?:本次|此次|这次)?(?:会议|活动|学习|主题党日)?(?=[。,;]|$)"
)
_CUE_WORD = rf"(?:请了?(?:会|个)?假了?|缺席|缺会|缺勤|{NOT_ATTEND}(?:会议|活动)?)"
_CUE_BRACKET = re.compile(
    rf"{_CUE_WORD}(?:未到|未参会|未到会)?\((?P<r>[^()]{{1,24}}|[^()]{{1,80}}?:[^()]{{1,80}})\)"
)


def _keyed_reasons(bracket: str, names: list[str]) -> dict[str, str | None]:
    """The reasons of a bracket keyed by the names before it (甲:病假;乙:因公出差), each of those names
    once; empty when it is not so."""
    keyed: dict[str, str | None] = {}
    for item in re.split(r"[;、]", bracket):
        name, colon, why = item.partition(":")
        if not colon or name not in names or name in keyed:
            return {}
        keyed[name] = clean_reason(why)
    return keyed if len(names) >= 2 and set(keyed) == set(names) else {}


_REASON_AFTER = re.compile(
    rf"{_CUE_WORD}(?:本次|此次)?(?:会议|活动)?[,]?(?:其)?(?:请假|缺席)?(?:原因|理由|事由)(?P<each>分别)?(?:是|为|系|均为|都是)?:?(?P<r>[^。;]+)"
    # X头天请了假,她得陪老伴去市医院复查: the reason said of the one on leave in the next clause
    rf"|{_CUE_WORD},(?:经(?:核实|了解|询问|联系),)?(?:因为)?(?:[他她]|其(?![余他它中实次后]))(?:于[^,。;]{{1,8}}?已)?(?:得|要|是|因为|因)?(?P<r2>[^,。;]{{2,40}})"
    # 甲未到会,事假 / 甲同志仍未到场,家中有事: the next clause opening as a reason (``_told_reason``)
    rf"|(?:{_CUE_WORD}|没来|没到|未到|请过假),(?P<r3>[^,;。)]{{2,24}})"
)
# what a clause after the act says besides a reason: a proxy, a make-up, a message passed on
_AFTER_ACT_NOTE = re.compile(r"代|补|转|传达|告知|参会|参加会议|资料")


def _told_reason(clause: str) -> bool:
    """The clause right after the act is the reason: it opens as one and is no note (会后补学 /
    其妻子代为参会)."""
    return (
        bool(REASON_START.match(clause))
        and not _ABSENCE_CUE.search(clause)  # (均已请假: the leave again, read by the other shapes)
        and not _AFTER_ACT_NOTE.search(clause)
        and not no_reason_left(clause)
    )


_LIST_SEP = re.compile(r"[、,;]|和|及|与")


def _shaped(text: str, line: Line, finder: PersonFinder) -> list[Absentee]:
    return (
        _shared_before_bracket(text, line, finder)
        or _excepted(text, line, finder)
        or _cue_brackets(text, line, finder)
        or _reason_after_act(text, line, finder)
        or _reason_first(text, line, finder)
        or _head_reason(text, line, finder)
        or _reasons_as_attributes(text, line, finder)
        or _counted_groups(text, line, finder)
        or _attributed_before_act(text, line, finder)
    )


# 缺席3人,均因当班(ICU 阮佳樾、急诊科 冼楚楚、手术室 卢小禾): one reason for all, then who, each maybe
# after their unit
_SHARED_BEFORE = re.compile(
    rf"(?:^|[,;:])(?:(?:缺席|请假|缺勤|未到|缺){NUM}{_U}?,?)?(?:均|都)(?:因|是|为|系)?(?P<r>[^,;。()]{{2,12}})\((?P<names>[^()]+)\)"
)


def _shared_before_bracket(text: str, line: Line, finder: PersonFinder) -> list[Absentee]:
    """One reason said of all, the names in brackets after it (see ``_SHARED_BEFORE``): each item's
    name at its end, after its unit; every item must be a name."""
    m = _SHARED_BEFORE.search(text)
    if m is None or not (REASON_START.match(m["r"]) or reasonish(m["r"])):
        return []
    names = [_name_at_end(item, finder) for item in re.split(r"[、;]", m["names"]) if item.strip()]
    if not names or any(n is None for n in names):
        return []
    ev = [Evidence.of(line.span, line.text)]
    return [Absentee(n, clean_reason(m["r"]), list(ev)) for n in names if n]


def _name_at_end(item: str, finder: PersonFinder) -> str | None:
    """The person an item of a list ends with, after their unit (急诊科 冼楚楚, ICU阮佳樾)."""
    item = item.strip()
    hits = finder.find(item)
    if hits and hits[-1].end == len(item):
        return hits[-1].name
    last = re.split(r"[\s,]+", item)[-1]  # (急诊科 冼楚楚: the gap read as a comma)
    guessed = guess_name(last)
    return guessed if guessed and last.endswith(guessed) else None


# 住院治疗的A、B和随子女在厦门居住的C没有参加: groups, each its reason before 的, then the act
_ACT_AFTER_GROUPS = re.compile(
    r"(?:^|[,;。])(?P<groups>[^,;。:《》]{4,80}?)"
    # their number and who they are, then when (甲、乙、丙三位老党员今天没能来): as many as named
    rf"(?:(?P<n>{NUM})(?:位|名|个|人)(?:老|年轻|流动|退休|在职)?(?:党员|同志)?)?(?:今天|今日|当天|这次|本次|此次)?"
    r"(?:都|均|也)?(?:没有|没能|未能?|不能|无法)(?:参加|参会|到会|出席|来)"
)
_GROUP_JOIN = re.compile(r"(?:以及|还有|和|及|与|、)(?=[^、和及与]{2,30}?的)")


def _attributed_before_act(text: str, line: Line, finder: PersonFinder) -> list[Absentee]:
    """Groups of absentees, each named after its reason and 的, joined by 和/以及, before the act
    of not attending; every group must read as a reason and names (else not this shape)."""
    m = _ACT_AFTER_GROUPS.search(text)
    if m is None:
        return []
    out: list[Absentee] = []
    ev = [Evidence.of(line.span, line.text)]
    for group in _GROUP_JOIN.split(re.sub(r"^(?:因(?!公)|由于)", "", m["groups"])):
        reason, mark, who = group.rpartition("的")
        who = strip_titles(who)  # 向启明教授: the name before its title
        names = exact_names(who, finder) or exact_names(after_last_title(who), finder) if mark else None
        if not names or not reason or not reasonish(reason):
            return []
        out.extend(Absentee(n, clean_reason(reason), list(ev)) for n in names)
    return out if m["n"] is None or to_int(m["n"]) == len(out) else []


def known_reason(text: str) -> bool:
    """Whether a note says why someone was away, and says it as known: words a reason opens with
    (``reasonish``) or is made of (``leave_words.says_why``), not only heard (听说…,没核实); a note
    in traditional script is judged in simplified (產假 is 产假)."""
    text = to_simplified(text)
    return not heard_only(text) and (reasonish(text) or says_why(text))


def firm_reason(text: str) -> bool:
    """A known reason that says why through more than an everyday act of one character (在, 上,
    出 …): 常驻城东分院 or 在群里说"明天来不了" is known only weakly, and left to a person."""
    text = to_simplified(text)  # (says_why_firmly holds only where says_why does: a known reason)
    text = re.sub(r"^[他她](?:们)?(?=..)", "", text)  # 她在三亚南繁基地做加代繁育: what she was doing
    return not heard_only(text) and (reasonish(text) or says_why_firmly(text) or bool(_DUTY.search(text)))


# a duty that keeps someone away from the meeting, said without a verb of going: 市局集中执法办案
_DUTY = re.compile(r"执法|办案|督查|巡察|审计|评审|阅卷|监考|抢险|救援|防汛|蹲点|包村|抽调")


# a word of time or manner before the reason's own first word: 已去海南过冬 / 仍在外地 / 刚做完手术
_ASPECT = re.compile(r"^(?:早已|已经|已|仍然|仍|还|又|刚刚|刚|要)(?=[\u4e00-\u9fff]{2})")


def reasonish(text: str) -> bool:
    """Words that can be why someone was away (不是 税务所党支部 of 税务所党支部的骆晨), after a word
    of time or manner (已去北京 as 去北京)."""
    return bool(
        REASON_START.match(text)
        or REASON_START.match(_ASPECT.sub("", text))
        or _LEAVE_WORDS.search(text)
        or _MORE_LEAVE_WORDS.search(text)
        or re.search(r"康复|远在|术后|休养|访学|进修|集训|比赛|执行|任务|外地|外省|国外", text)
    )


# 病假1人(张三),事假2人(李四、王五) / 夜班2(米晓、柏玲),休息1(毛思琪): a reason, its count, its names
_COUNTED_GROUP = re.compile(
    rf"(?P<r>[^,;、()\d]{{1,12}}?)(?:的)?(?:共)?(?P<n>{NUM})(?:人|名|位|个)?\((?P<names>[^()]+)\)"
)


_PRESENT_GROUP = re.compile(rf"{_PRESENT_VERB}|实到|与会|到场|签到|全体")


def _counted_groups(text: str, line: Line, finder: PersonFinder) -> list[Absentee]:
    """Groups of absentees by reason, each with its count and its names in brackets; every group's
    count must be the number of its names (else the reading is not this shape)."""
    parts = [p for p in re.split(r"[,;](?![^()]*\))", text.strip("。.;, ")) if p]
    out: list[Absentee] = []
    ev = [Evidence.of(line.span, line.text)]
    for part in parts:
        m = _COUNTED_GROUP.fullmatch(_LEAD_WORDS.sub("", part))
        names = exact_names(m["names"].split(",")[0], finder) if m else None
        if m is None and out and (bare := exact_names(_LEAD_WORDS.sub("", part), finder)):
            out.extend(Absentee(n, None, list(ev)) for n in bare)  # …;另有郑立国: named, no reason
            continue
        if (
            m is None
            and out
            and (said := _ALL_ONE_REASON.match(part))
            and all(a.reason in _NO_CAUSE for a in out)
        ):
            out = [Absentee(a.name, clean_reason(said["r"]), a.evidence) for a in out]
            continue  # 缺席3人(甲、乙、丙),原因均是病假: the one reason of all the names
        if m is None and out and (more := _items(part, line, finder)):
            out.extend(a for a in more if a.name and all(a.name != b.name for b in out))
            continue  # …;老党员穆守仁住院: a name and its reason after the groups
        if (
            m is None
            and out
            and not finder.find(part)
            and guess_name(part) is None
            and not re.search(NUM, part)
        ):
            continue  # …(赖德才、农桂英),说掰完这两天就来补学: a remark on the group before
        if m is None or not names or to_int(m["n"]) != len(names) or _PRESENT_GROUP.search(m["r"]):
            return []  # (参加:全体支委5人(甲、乙…),都到了: those present, counted and named)
        why = clean_reason(m["r"])
        inner = m["names"].split(",", 1)
        if why in _NO_CAUSE and len(inner) == 2 and not exact_names(inner[1], finder):
            why = (
                clean_reason(inner[1]) or why
            )  # 未到1人(司马婧,野外台站值守): the bracket's words after the names
        out.extend(Absentee(n, why, list(ev)) for n in names)
    return out


# the reason of all the names counted before it, in a clause of its own: 原因均是病假 / 原因都为出差
# (请假三人(甲、乙、丙),均为病假: the cause of the leave the group was counted under)
_ALL_ONE_REASON = re.compile(
    r"^(?:(?:原因|事由|理由)(?:均|都)(?:是|为|系)?|(?:均|都)(?:是|为|系))(?P<r>[^,;。]{2,20})$"
)
_NO_CAUSE = (None, "请假", "缺席")


# …,均已事先请假 at the end of the groups: said of all of them, no group of its own
_ALL_ON_LEAVE_TAIL = re.compile(r"[,;](?:均|都)(?:已|已经)?(?:事先|提前)?(?:向[^,;。]{1,8}?)?(?:书面)?请假$")


# the groups apart by commas, or by 、 when a reason and 的 follow it (在海外访学的甲、住院治疗的乙)
_ATTRIBUTED_PARTS = re.compile(r"[,;]|、(?=[^、,;]{2,40}?的)")


def _reasons_as_attributes(text: str, line: Line, finder: PersonFinder) -> list[Absentee]:
    """``随船出海执行科考任务的A、B,以及借调在部里的C``: each group's reason written before 的
    (only in a statement of absence; never across a title or a label)."""
    text = re.sub(r"^,?(?:分别)?(?:是|为|有)?:", "", text)
    if not _ABSENCE_CUE.search(line.norm) or re.search(r"[《:]", text):
        return []
    out: list[Absentee] = []
    ev = [Evidence.of(line.span, line.text)]
    text = _ALL_ON_LEAVE_TAIL.sub("", text.rstrip("。."))
    parts = _ATTRIBUTED_PARTS.split(text)
    for at, part in enumerate(parts):
        reason, mark, who = _ATTRIBUTED_LEAD.sub("", part).rpartition("的")
        names = (
            (exact_names(who, finder) or exact_names(after_last_title(who), finder))
            if mark and reason
            else None
        )
        if names and (REASON_START.match(reason) or _LEAVE_WORDS.search(reason)):
            out.extend(
                Absentee(n, clean_reason(reason), list(ev)) for n in names if all(a.name != n for a in out)
            )
            continue
        told = _told_by_pronoun(part, parts[at + 1 : at + 2], finder)
        if not out or told is None:
            return []
        out.extend(Absentee(n, told[1], list(ev)) for n in told[0] if all(a.name != n for a in out))
        break  # 还有流动党员丙,他在新疆承包棉花地,…: the last of the list, told after it
    return out


_ATTRIBUTED_LEAD = re.compile(
    r"^(?:分别)?(?:是|为|有)?:?(?:以及|还有|另外|和|及)?(?:(?:一|另一|其一|其二)(?:位|人|名|个)?是)?"
)


def _told_by_pronoun(
    part: str, after: list[str], finder: PersonFinder
) -> tuple[list[str], str | None] | None:
    """``还有流动党员丙`` then ``他在新疆承包棉花地``: the names and the reason the next clause tells."""
    names = exact_names(after_last_title(_ATTRIBUTED_LEAD.sub("", part)), finder)
    reason = re.sub(r"^[他她](?:们|俩)?", "", after[0]) if after else ""
    if not names or not after or reason == after[0] or not REASON_START.match(reason):
        return None
    return names, clean_reason(reason)


_REASON_HEAD = re.compile(r"^[^:;。,]{2,10}?(?::|(?=的(?:有|是|为)))")  # 病假:张三 / 休产假的有贺涛


def _reasons_first_joined(line: Line, after: list[Line]) -> str:
    """A sentence cut at the ``;`` of a list whose items open with a reason (病假:张三;出差:李四)."""
    text = line.norm
    for nxt in after:
        head = _REASON_HEAD.match(nxt.norm)
        if not text.endswith(";") or head is None or not REASON_START.match(head.group()):
            break
        text += nxt.norm
    return text


def gaps_as_commas(lines: list[Line]) -> list[Line]:
    """``缺席人员　张三　病假　李四　出差`` (a table row, cells apart by spaces): normalising drops the
    spaces, so an absence sentence keeps them as commas between name and reason, and so do the
    items of its list cut off at ``;`` (``缺席:骆红 外地;`` / ``于德水 照看孙子;``)."""
    out: list[Line] = []
    in_list = False
    for line in lines:
        cue = _GAP_CUE.search(line.norm) is not None
        out.append(_gap_commas(line) if cue or in_list else line)
        in_list = (cue or in_list) and line.norm.endswith(";")
    return out


# the absentees' heading in brackets before the list (【缺席名单】甲 因公外出 / 乙 病假): a label
_BRACKETED_ABSENCE_HEAD = re.compile(
    r"^\s*[【\[〔](?P<head>[^【】\[\]〔〕:：]{0,6}(?:缺席|请假|缺勤|缺会|未到|未参会|未参加)[^【】\[\]〔〕:：]{0,6})"
    r"[】\]〕][:：]?\s*(?=\S)"
)


# ... or a heading whose dash OCR read as 一一 (未到会党员去向及原因说明——王涛:值班)
_HEAD_DASH_AS_ONES = re.compile(
    r"^\s*(?P<head>[^:：,，;；。]{0,12}(?:缺席|请假|缺勤|缺会|未到|未参会|未参加)[^:：,，;；。]{0,10}?"
    r"(?:原因|说明|情况|名单|人员|党员|如下))一一(?=[\u4e00-\u9fff])"
)


def list_as_read(text: str) -> str:
    """``text`` with an absentees' heading read as its label (``head_unbracketed``) and leave marks
    after names read as the reasons after them (``leave_marks.marks_as_reasons``)."""
    return marks_as_reasons(head_unbracketed(text))


def head_unbracketed(text: str) -> str:
    """``text`` with a bracketed heading of absentees read as its label (【缺席名单】甲 -> 缺席名单:甲),
    and a heading's dash that OCR read as 一一 as its colon."""
    m = _BRACKETED_ABSENCE_HEAD.match(text) or _HEAD_DASH_AS_ONES.match(text)
    return text if m is None else f"{m['head']}:{text[m.end() :]}"


# a number spaced from its unit (应到 十八 人): one cell, no gap between
_SPACED_UNIT = re.compile(r"(?<=[\d零〇一二两三四五六七八九十])[ \u3000]+(?=[人名位个](?![\u4e00-\u9fff]))")


def _gap_commas(line: Line) -> Line:
    text = _SPACED_UNIT.sub("", circled_as_numbers(list_as_read(line.text)))
    if not _CJK_GAP.search(text):
        return line
    pieces = [
        re.sub(r"[^\u4e00-\u9fff\d]", "", p.split(":")[-1].split("：")[-1]) for p in _CJK_GAP.split(text)
    ]
    single = [len(p) < 2 for p in pieces]
    if single[0] or any(a and b for a, b in itertools.pairwise(single)):
        return line  # 缺  席 / 缺 席 人 员 (letters spread out, as a PDF justifies them): no cells
    head, tab, rest = text.strip().partition("\t")
    if tab and re.fullmatch(
        _ABSENT_HEAD, normalize(head).rstrip(":")
    ):  # 未到人员<tab>桥吊队 邵岩(…): a label cell
        return dataclasses.replace(
            line, norm=f"{normalize(head).rstrip(':')}:{normalize(_CJK_GAP.sub('，', rest))}"
        )
    return dataclasses.replace(line, norm=cells_as_pairs(normalize(_CJK_GAP.sub(_gap_as_comma, text))))


# a job written before a name, a gap between (门机司机 郜海涛 夜班 / 收费班党员 常小蕾、杜文雅 当班)
_JOB_BEFORE_GAP = re.compile(
    r"(?:^|(?<=[:：;；,，、]))[\u4e00-\u9fff]{1,6}(?:司机|工|员|长|师|士|医生|调度|干事|会计|党员)$"
)


def _gap_as_comma(m: re.Match[str]) -> str:
    """A gap is a comma between cells, except after a job written before the name it is glued to."""
    before, after = m.string[: m.start()], m.string[m.end() :]
    job = _JOB_BEFORE_GAP.search(before)
    if job and not _ABSENCE_CUE.search(job[0]) and leading_guess(after, after=1) is not None:
        return ""  # (not 请假人员 鲁文涛: a head, not a job)
    return "，"


# 缺席2人(因公外出):张三、李四 — one reason in brackets after the count, the names after the colon
_HEAD_REASON = re.compile(
    rf"(?:缺席|请假|缺勤|未参会|未到会|未参加)(?:人员|党员|同志)?(?:{NUM}{_U})?\((?P<r>[^()]{{2,12}})\):(?P<names>[^。;:()]+)"
)


def _head_reason(text: str, line: Line, finder: PersonFinder) -> list[Absentee]:
    m = _HEAD_REASON.search(text)
    if m is None or not (REASON_START.match(m["r"]) or _LEAVE_WORDS.search(m["r"])):
        return []
    names = exact_names(m["names"].strip("。.,"), finder)
    if not names:
        return []
    ev = [Evidence.of(line.span, line.text)]
    return [Absentee(n, clean_reason(m["r"]), list(ev)) for n in dict.fromkeys(names)]


def _joined_lines(line: Line, after: list[Line], joined: str) -> list[Line]:
    """The sentences after ``line`` that ``joined`` (``line`` and its continuation) took in."""
    return lines_used(len(line.norm), after, len(joined))


def lines_used(length: int, after: list[Line], joined_length: int) -> list[Line]:
    """Those of ``after`` a text ``length`` long reaches when joined with them up to ``joined_length``."""
    out = []
    for nxt in after:
        if length >= joined_length:
            break
        out.append(nxt)
        length += len(nxt.norm)
    return out


def exact_names(text: str, finder: PersonFinder) -> list[str] | None:
    """The names of a list (、 , 和 及 与) when every item is a roster name as written (titles
    aside); None when any item is not."""
    names = []
    for piece in re.split(r"[、,和及与]", text):
        hit = finder.resolve(piece)
        if hit is None or strip_titles(piece) != hit.name:
            return None
        names.append(hit.name)
    return names


# 外出培训的有万宇 / 病假的是张三: a reason, then those it covers
_GROUP_MARK = re.compile(r"(?<=[^\d:,;])的(?:有|是|为):?")
_DASH_BEFORE_NAMES = re.compile(r"(?<=[\u4e00-\u9fff])(?:——|—|--)(?=[\u4e00-\u9fff·、]{2,16}$)")
_GROUP_ITEM = re.compile(r"^[^,:;。]{1,10}?(?:的(?:有|是|为):?|:)")


def _opens_with_group(text: str, finder: PersonFinder) -> bool:
    """``病假的有孔博勇;`` / ``事假:谭玉;`` / ``外出探亲3人(邬桂英、苗长顺)``: an item of a
    reasons-first list cut at ``;``."""
    counted = _COUNTED_GROUP.match(_LEAD_WORDS.sub("", text))
    if counted and reasonish(counted["r"]) and _opens_with_name(counted["names"], finder):
        return True
    text = _DASH_BEFORE_NAMES.sub(":", text.rstrip(";。"))  # 感冒发烧—易嘉铭
    m = _GROUP_ITEM.match(text)
    reason = text[: m.end()] if m else ""
    return bool(
        m
        and (REASON_START.match(reason) or _LEAVE_WORDS.search(reason))
        and _opens_with_name(text[m.end() :], finder)
    )


def _reason_first(text: str, line: Line, finder: PersonFinder) -> list[Absentee]:
    """``缺席3人:病假:张三、李四;出差:王五`` / ``因病住院的有张三、李四,随子女在外地的有王五`` — each
    reason written before the names it covers (also a line of its own: 事假:张三、李四)."""
    if (
        not _ABSENCE_CUE.search(line.norm)
        and not _LEAVE_LABEL.match(line.norm)
        and not _LEAVE_LABEL.match(text)
    ):
        return []
    out: list[Absentee] = []
    ev = [Evidence.of(line.span, line.text)]
    for segment in re.split(r"[;。]", text):
        segment = segment.removesuffix(")")  # 缺席:3(在外实习2人:甲、乙;病假1人:丙)
        segment = _DASH_BEFORE_NAMES.sub(":", segment)  # 下乡宣讲…—房翊秋: the reason, a dash, the name
        groups = _reason_groups(_GROUP_MARK.sub(":", segment), finder)
        if out and not groups and segment:  # …;黄玉梅住院待产: an item of a name and its reason
            name, why = _split_item(segment, finder, line)
            if name is not None and why and all(a.name != name for a in out):
                out.append(Absentee(name, clean_reason(why), list(ev)))
        for reason, listed in groups:
            reason = re.sub(r"(?<=.)(?:请假|缺席)$", "", _LEAD_WORDS.sub("", reason))  # 因病请假:张三 — 因病
            if re.match(r"(?:因为?|由于)(?=..)", reason):  # 因值班未能参会:甲、乙 — 因值班
                reason = re.sub(rf"(?<=..){_AWAY_ACT}$", "", reason)
            # 缺席:3(在外实习2人:甲、乙 — 在外实习
            reason = re.sub(rf"^(?:{NUM}{_U}?)?\(|(?<=[\u4e00-\u9fff]{{2}}){NUM}{_U}$", "", reason)
            if (
                not (
                    REASON_START.match(reason)
                    or _LEAVE_WORDS.search(reason)
                    or _LEAVE_LABEL.match(f"{reason}:")
                )
                or _ABSENCE_CUE.search(reason)
                or re.search(rf"{NUM}{_U}|人员|党员|同志", reason)
            ):  # 因故未参加的2名党员:张三 — a list head, not a reason
                return []
            names = exact_names(listed, finder)
            if not names:
                return []
            out.extend(
                Absentee(n, clean_reason(reason), list(ev)) for n in names if all(a.name != n for a in out)
            )
    return out


def _reason_groups(segment: str, finder: PersonFinder) -> list[tuple[str, str]]:
    """(reason, names) of ``reason:names`` clauses; a clause of names only continues the list before it."""
    groups: list[tuple[str, str]] = []
    for clause in segment.split(","):
        parts = clause.split(":")
        if len(parts) >= 3 and parts[-1] and (chained := _chained_groups(parts)):
            groups.extend(chained)
        elif len(parts) >= 2 and parts[-1]:
            groups.append((parts[-2], parts[-1]))
        elif groups and clause and exact_names(clause, finder):
            groups[-1] = (groups[-1][0], f"{groups[-1][1]}、{clause}")
        elif groups:
            break  # other words: the list has ended
    return groups


def _chained_groups(parts: list[str]) -> list[tuple[str, str]] | None:
    """``公假:甲 病假:乙`` with the row's gaps gone (公假, 甲病假, 乙): each middle part is the names
    of one group and the leave type heading the next; None when a middle part does not end so."""
    groups, reason = [], parts[0]
    for part in parts[1:-1]:
        label = re.search(rf"{_LEAVE_TYPES}$", part)
        if label is None or label.start() == 0:
            return None
        groups.append((reason, part[: label.start()]))
        reason = label.group()
    return [*groups, (reason, parts[-1])]


def _excepted(text: str, line: Line, finder: PersonFinder) -> list[Absentee]:
    m = _EXCEPT.search(text)
    if m is None:
        return []
    listed = m["list"]
    return _more(_by_roster(listed, line, finder), _items(listed, line, finder))


def _cue_brackets(text: str, line: Line, finder: PersonFinder) -> list[Absentee]:
    """``A请假(病假),B请假(出差)``: each bracket holds the reason of the names just before its cue
    (not a list of names: ``缺席2人(A、B)`` is read by the general reading)."""
    out: list[Absentee] = []
    start = 0
    for m in _CUE_BRACKET.finditer(text):
        reason = m["r"]
        names = _names_before(text[start : m.start()], finder)
        ev = [Evidence.of(line.span, line.text)]
        if keyed := _keyed_reasons(reason, names):  # 甲、乙请假未到(甲:病假;乙:因公出差): each by name
            out.extend(Absentee(n, keyed[n], list(ev)) for n in names if all(a.name != n for a in out))
            start = m.end()
            continue
        if finder.find(reason[:4]) or re.match(rf"^{NUM}{_U}", reason) or guess_name(reason) == reason:
            return []  # names in the bracket: a list head
        if not names:
            return []
        out.extend(
            Absentee(n, clean_reason(reason), list(ev)) for n in names if all(a.name != n for a in out)
        )
        start = m.end()
    if out:  # A请假(事假);B缺席: a cue without a bracket after the bracketed ones
        for m in re.finditer(_CUE_WORD, text[start:]):
            rest = text[start:][m.end() :]
            if rest.startswith("("):
                continue
            ev = [Evidence.of(line.span, line.text)]
            tail = [
                n for n in _names_before(text[start:][: m.start()], finder) if all(a.name != n for a in out)
            ]
            leave = "请假" in m.group()
            out.extend(Absentee(n, "请假" if leave else None, list(ev)) for n in tail)
    return out


def _reason_after_act(text: str, line: Line, finder: PersonFinder) -> list[Absentee]:
    """``A同志未能参加,原因是事假`` / ``A、B未到会,原因分别为病假、出差``; each such statement of the
    text in turn (A同志请假,原因:病假。B同志请假,原因:事假。 in one cell)."""
    out: list[Absentee] = []
    since = 0
    for m in _REASON_AFTER.finditer(text):
        if m["r3"] and not _told_reason(m["r3"]):
            continue
        names = _names_before(text[since : m.start()], finder)
        since = m.end()
        if not names:
            return out
        said = m["r"] or m["r2"] or m["r3"]
        if resp := _RESPECTIVELY.match(said):  # 请假,分别为病假、事假
            said = resp["rs"]
        reasons = [clean_reason(r) for r in _LIST_SEP.split(_strip_act(said)) if r]
        if len(reasons) != len(names):
            reasons = [clean_reason(said)] * len(names) if not m["each"] else [None] * len(names)
        ev = [Evidence.of(line.span, line.text)]
        out.extend(
            Absentee(n, r, list(ev))
            for n, r in zip(names, reasons, strict=True)
            if all(a.name != n for a in out)
        )
    return out


# when the leave was asked, between the name and the cue: 闫凤琴头天(请了假) / 张三提前(请假)
_WHEN_ASKED = re.compile(r"(?:头天|前一天|前天|昨天|会前|提前|事先|早就|已经|已|都|均|也|仍然|仍|还)+$")


def _in_open_bracket(text: str) -> str:
    """What a bracket still open at the end of ``text`` holds, or ``text``."""
    opened = text.rfind("(")
    return text[opened + 1 :] if opened > text.rfind(")") else text


def _names_before(text: str, finder: PersonFinder) -> list[str]:
    """The people a clause ending at an absence cue names (roster first, else surname guesses); in a
    bracket still open, only its own (实到10人(甲、乙请假,…: the count's bracket names them; 甲、乙(均已请假,…:
    none, the list's readers read the bracket as the items')."""
    return _named_in(_in_open_bracket(text), finder)


def _named_in(text: str, finder: PersonFinder) -> list[str]:
    clause = _clauses_before(re.split(r"[。;:]|(?<=[\u4e00-\u9fff])\.", text)[-1]).strip(",、")
    hits = finder.find(clause)
    if hits:
        return list(dict.fromkeys(h.name for h in hits))
    clause = _WHEN_ASKED.sub("", re.split(r"[,]", clause)[-1])  # 闫凤琴头天(请了假)
    pieces = [strip_titles(p) for p in _LIST_SEP.split(_LEAD_WORDS.sub("", clause)) if p]
    names = [guess_name(p) for p in pieces]
    if not names or not all(names):
        return []
    return list(dict.fromkeys(n for n in names if n))


# 缺席人员:张三、李四 / 缺席原因:病假、出差 — the reasons in a line of their own, in name order
_REASONS_LINE = re.compile(
    r"^(?:缺席|请假|缺会|缺勤|未参会|未到会?|未参加|未出席)?(?:原因|事由|理由)(?:分别)?(?:是|为)?:?(?P<r>.+)$"
)
MAX_LINES_TO_REASONS = 3
# one reason for everyone listed above, in a sentence of its own: 以上同志均因外出务工未能参加 / 上述3人都在外地培训
# said of all those listed above: 以上同志均 / 上述3人都是 (also the head of a reason, ``clean_reason``)
_ALL_ABOVE = rf"^(?:以上|上述)(?:{NUM}{_U})?(?:同志|党员|人员)?(?:均|都)(?:系|为|是)?"
_ALL_ABOVE_WHY = re.compile(rf"{_ALL_ABOVE}(?P<r>[^,;。]{{2,40}})")


# 以上2人缺席 / 上述同志均请假: the list written in the sentences above
_ABOVE = re.compile(
    rf"^(?:以上|上述)(?:{NUM}{_U})?(?:同志|党员|人员)?(?:均|都)?(?:因故)?"
    r"(?:缺席|缺会|请假|未能?(?:参加|参会|到会|出席))"
)
MAX_LINES_ABOVE = 8
_GLUED_ITEM = re.compile(r":(?P<r>[^:;。,]{1,16});$")


# a sentence ending with the absent count (缺席2人。 / 应到8人,实到6人,请假2人:), the names below it
_COUNT_ENDS = re.compile(
    rf"(?:缺席|请假|缺勤|未参会|未到会|未参加|未出席|缺)(?:人员|党员)?{_AND_WHY}:?(?:共)?{NUM}{_U}(?:,?其中)?[。.:]?$"
    r"|(?:缺席|请假)(?:情况|人员)如下[:。]?$"
)
# a row of a list under a count, its reason first (值夜班:戚若水、饶嘉言 / 外出进修:苟以安(在北京进修))
_REASON_ROW = re.compile(r"^(?P<r>[^:,;。()\d]{2,10}):(?P<names>[^:;。]+?)[;。]?$")


def _reason_rows(after: list[Line], line: Line, finder: PersonFinder) -> list[Absentee]:
    """The rows right below a count that each give a reason, then the names it covers: read only
    when the rows name exactly as many as the count (请假9名,其中: then six rows naming nine)."""
    found: list[tuple[str, str | None]] = []
    rows: list[Line] = []
    for nxt in after[:MAX_LINES_PER_PERSON]:
        m = _REASON_ROW.match(nxt.norm)
        names = _row_names(m["names"], finder) if m else None
        if m is None or not names or not known_reason(m["r"]) or _ABSENCE_CUE.search(m["r"]):
            break
        rows.append(nxt)
        found.extend((n, clean_reason(m["r"])) for n in names)
    if not found or len(found) != _count_ending(line.norm.removesuffix("其中:").rstrip(",")):
        return []
    ev = [Evidence.of(ln.span, ln.text) for ln in (line, *rows)]
    return [Absentee(name, reason, list(ev)) for name, reason in found]


def _row_names(text: str, finder: PersonFinder) -> list[str] | None:
    """The names of a row's list (brackets after a name left out), each a roster name or a
    surname-anchored name as a whole; None when any item is not."""
    names = []
    for piece in re.split(r"[、,和及与]", re.sub(r"\([^()]*\)", "", text)):
        hit = finder.resolve(piece)
        name = hit.name if hit is not None and strip_titles(piece) == hit.name else guess_name(piece)
        if name is None or name != strip_titles(piece):
            return None
        names.append(name)
    return names


def _listed_below(after: list[Line], line: Line, finder: PersonFinder) -> list[Absentee]:
    """``缺席2人。赵六病假,孙七事假。``: the sentence right after the count lists who and why."""
    if not after:
        return []
    counted = _count_ending(line.norm)
    if len(after) > 2 and _LEAD_IN.search(after[0].norm) and not _opens_with_name(after[0].norm, finder):
        # 缺席5人。正是挖虫草的时候,好几户上了山: then a row each, as many as the count
        rows = _named_lines(_as_rows(after[1:]), finder)
        if counted is None or len(rows) != counted:
            return []
        line, after = after[0], after[1:]
    nxt = after[0] if _pairs_row(after[0]) else _from_name(after[0])  # (a row: 1.甲 窑头倒班在岗)
    if not _opens_with_name(nxt.norm, finder) or _OTHER_ACT.search(nxt.norm):
        return []
    own_cue = _ABSENCE_CUE.search(re.sub(r"\([^()]*\)", "", nxt.norm))  # (甲:在上海…(已走OA请假): an aside)
    if own_cue and not _one_per_count(nxt.norm, line.norm, finder):
        return []  # a sentence with its own cue is read on its own
    # 缺席2人: then a line per person (柯子涵(出差) / 庞海鸥(未上线,原因不明)); after a sentence's end
    # only as many lines as its count (请假4名。 then four lines of a name each)
    rows = _beyond_count_cut(_named_lines(_as_rows(after), finder), line.norm)
    counted = _count_ending(line.norm)
    if len(rows) < 2 or not (line.norm.endswith(":") or counted in (len(rows), _names_in_rows(rows))):
        rows = [nxt]
    text = ";".join(ln.norm.rstrip("。;") for ln in rows)
    found = _more(_by_roster(text, nxt, finder), _items(text, nxt, finder))
    if _outnumbered(found, counted):
        return []  # 应到12人,实到10人,缺席2人 then ten names, no reason: those who came
    ev = [Evidence.of(ln.span, ln.text) for ln in (line, *rows)]
    return [Absentee(a.name, a.reason, list(ev)) for a in found]


def _names_in_rows(rows: list[Line]) -> int:
    """How many people the rows name, a row naming several before their shared reason
    (甲、乙、丙,在外务工 / 丁,住院: four)."""
    return sum(len(re.split(r"[,(:]", row.norm, maxsplit=1)[0].split("、")) for row in rows)


def _beyond_count_cut(rows: list[Line], head: str) -> list[Line]:
    """A row past the head's count that says its person was at the meeting ends the list (缺席3人:
    three rows 甲——…, then 镇组织委员乙到会指导: a guest, no absentee); other rows stay, for the
    counts to weigh."""
    count = _count_ending(head)
    if not count or len(rows) <= count:
        return rows
    cut = next((k for k in range(count, len(rows)) if _GUEST_ACT.search(rows[k].norm)), len(rows))
    return rows[:cut]


# what a guest does at the meeting (到会指导, 列席旁听), said in a row below the absentees
_GUEST_ACT = re.compile(r"到会|到场|指导|列席|旁听|出席|参加(?:会议|本次|此次|活动)|参会|讲话|点评")


# a sentence leading into the rows below, ending in its colon (not a sign list's legend: 签到(●到 ○假):)
_LEAD_IN = re.compile(r"^(?![^:]*(?:签到|出席|参会|到会|列席|参加|[●○✓√×]))[^:;。]{2,30}:$")


def _pairs_row(line: Line) -> bool:
    """A row of people and their reasons, cell after cell (请假人员　甲　值夜班　乙　休产假)."""
    cells = [normalize(c) for c in row_cells(line) if c]
    return sum(guess_name(c) == c for c in cells) >= 2


def _one_per_count(sentence: str, head: str, finder: PersonFinder) -> bool:
    """The sentence after ``缺席2人。`` is as many items apart by ; as the count, each opening with a
    name (党员医师甲外出会诊;党员护士乙未到会。): one per absentee, a cue in one of them or not."""
    items = [p for p in sentence.rstrip("。").split(";") if p]
    return (
        len(items) >= 2
        and len(items) == _count_ending(head)
        and all(_opens_with_name(p, finder) for p in items)
    )


def _count_ending(text: str) -> int | None:
    """The number a count sentence ends with (…,请假4名。 -> 4)."""
    m = re.search(rf"({NUM}){_U}[。.:]?$", text)
    return to_int(m.group(1)) if m else None


def _listed_above(before: list[Line], line: Line, finder: PersonFinder) -> list[Absentee]:
    """The items (a name and its reason) in the sentences right above ``以上N人缺席``."""
    items: list[Line] = []
    head = ""
    for prev in reversed(before[-MAX_LINES_ABOVE:]):
        hits = finder.find(prev.norm)
        starts = hits[0].start == 0 if hits else _starts_with_guess(prev.norm)
        if not starts or _OTHER_ACT.search(prev.norm) or len(prev.norm) > 40:
            # the first item glued to the text before it (a PDF ran two cells together): …蔡磊陈平:外出开会;
            tail = _GLUED_ITEM.search(prev.norm)
            if items and tail and hits and hits[-1].end == tail.start("r") - 1:
                head = prev.norm[hits[-1].start :]
                items.insert(0, prev)
            break
        items.insert(0, prev)
    if not items:
        return []
    text = head + "".join(ln.norm for ln in items[1 if head else 0 :])
    found = _more(_by_roster(text, items[0], finder), _items(text, items[0], finder))
    ev = [Evidence.of(ln.span, ln.text) for ln in [*items, line]]
    return [Absentee(a.name, a.reason, list(ev)) for a in found]


def _reasons_in_line(found: list[Absentee], line: Line) -> list[Absentee]:
    """缺席2人:张三、李四;原因:病假、出差 — the reasons after the names in the same sentence."""
    if not found or any(a.reason for a in found):
        return found
    sentences = line.norm.split("。")[1:]  # 原因:张三—病假;李四—出差 (a list cut by ;) first
    for segment in (
        sentences + [c for s in sentences for c in s.split(";")] + re.split(r"[;。]", line.norm)[1:]
    ):
        m = _REASONS_LINE.match(segment)
        if m and (reasons := _reasons_listed(m["r"], found)) is not None:
            return [Absentee(a.name, r, a.evidence) for a, r in zip(found, reasons, strict=True)]
    if told := among_reasons(line.norm, [a.name for a in found if a.name]):  # …未到会,其中甲是因为…
        return [Absentee(a.name, clean_reason(told.get(a.name or "")), a.evidence) for a in found]
    return found


def _reasons_below(
    found: list[Absentee], after: list[Line], reach: int = MAX_LINES_TO_REASONS
) -> list[Absentee]:
    """A 原因: line within ``reach`` lines below the names (its items may run on, one per line)."""
    if any(a.reason for a in found):
        return found
    for i, line in enumerate(after[:reach]):
        if (every := _ALL_ABOVE_WHY.match(line.norm)) and (why := clean_reason(every["r"])):
            ev = [Evidence.of(line.span, line.text)]
            return [Absentee(a.name, why, [*a.evidence, *ev]) for a in found]
        m = _REASONS_LINE.match(line.norm)
        if m is None:
            continue
        used = [line, *_named_items(after[i + 1 : i + len(found)], found)]  # 原因:张三—病假; 李四—出差;
        text = ";".join([m["r"].rstrip(";"), *(ln.norm.rstrip(";。") for ln in used[1:])])
        if (reasons := _reasons_listed(text, found)) is not None:
            ev = [Evidence.of(ln.span, ln.text) for ln in used]
            return [Absentee(a.name, r, [*a.evidence, *ev]) for a, r in zip(found, reasons, strict=True)]
    return found


MAX_LINES_PER_PERSON = 12


_BULLET = re.compile(r"^\s*[·•▪◦●○■□◆◇*]+\s*")


def _as_rows(lines: list[Line]) -> list[Line]:
    """The lines below a list's head read as rows (``_from_name``), a line of only a bracket joined
    to the row above it (甲、乙 在外务工 / （天津工地）: the reason goes on)."""
    out: list[Line] = []
    for line in lines[:MAX_LINES_PER_PERSON]:
        if out and _BRACKET_ALONE.match(line.norm):
            prev = out[-1]
            out[-1] = dataclasses.replace(
                prev, text=prev.text.rstrip() + line.text.strip(), norm=prev.norm + line.norm
            )
        else:
            out.append(line)
    return [_from_name(ln) for ln in out]


def _from_name(line: Line) -> Line:
    """A table row under a bare list label read as its name cell and its last cell, the reason
    (品质部　　甲　　回老家 / 施　琪　乘务长　执飞: a unit before the name, a title after it); a bullet
    before the row is no cell (· 甲　产假)."""
    if (bullet := _BULLET.match(line.text)) is not None:
        line = dataclasses.replace(line, text=line.text[bullet.end() :], norm=_BULLET.sub("", line.norm))
    if not TABLE_CELL_GAP.search(line.text.strip()):
        return _spaced_row(line)
    cells = name_cell_joined([c for c in row_cells(line) if c], 0)  # 施　琪: a name spaced out
    if cells:  # 1.次仁德吉　援藏: the row's number is no part of the name
        cells[0] = _ITEM_ORDINAL.sub("", normalize(cells[0]))
    at = next((k for k, c in enumerate(cells) if guess_name(c) == c), None)
    if at is None or any(":" in c for c in cells[:at]):
        return line  # 主持:党支部书记　甲: a label's line, no row of the table
    while len(cells) > at + 2 and _FILING_CELL.match(cells[-1]):
        cells = cells[:-1]  # 甲　请假　5月26日下午　陪…　批准人乙: the leave's dates and approver
    # the reason is the row's last cell (the cells between: a title, a unit); / or — : none
    last = cells[-1] if at < len(cells) - 1 and cells[-1] not in NO_REASON_CELLS else ""
    return dataclasses.replace(line, norm=_name_and_reason(cells[at], last))


_FILING_CELL = re.compile(rf"^{LEAVE_FILED}$")  # 批准人乙 / 5月25日至27日: the leave's filing


def _name_and_reason(name: str, reason: str) -> str:
    """A row's name and reason as one item: ``甲,病假``, or ``甲(白班转夜班,补觉)`` when the reason holds a
    comma of its own (no next item)."""
    if not reason:
        return name
    return f"{name}({reason})" if "," in reason and not re.search(r"[()]", reason) else f"{name},{reason}"


# a row of a name (or names sharing the reason), one space and the reason, maybe numbered:
# 1.甲 窑头倒班在岗 / 甲 年休假 / 甲、乙、丙 支援上海方舱医院
_SPACED_ROW = re.compile(
    r"^\s*(?:\d{1,2}[.、．)]|[①②③④⑤⑥⑦⑧⑨⑩])?\s*"
    r"(?P<name>[\u4e00-\u9fff·]{2,8}(?:、[\u4e00-\u9fff·]{2,8})*)[ \u3000](?P<rest>[^\s].*)$"
)


def _spaced_row(line: Line) -> Line:
    """A row whose names and reason one space parts (the space the text's normal form drops) read
    as ``name,reason``, when each name is one by its surname or its origin."""
    m = _SPACED_ROW.match(line.text.rstrip())
    if m is not None and all(_spaced_name(n) for n in m["name"].split("、")):
        rest = normalize(m["rest"])
        if "、" in m["name"] and not re.search(r"[()]", rest):  # (甲、乙,麦收帮工…: no 麦收 for a name)
            return dataclasses.replace(line, norm=f"{m['name']}({rest.rstrip('。;')})")
        return dataclasses.replace(line, norm=_name_and_reason(m["name"], rest))
    front = _FRONT_SPACED.match(line.text.rstrip())
    then = front and (
        _SPACED_ROW.match(front["rest"])
        or _NAME_THEN_BRACKET.match(front["rest"])
        or _NAME_THEN_MARK.match(front["rest"])
    )
    if not front or not then or not _spaced_name(then["name"], True) or _NOT_FRONT.search(front["front"]):
        return line
    # 2021级市场营销 邰乐乐（在…实习）: a first cell (a class, a unit), then the name and its reason
    rest = front["rest"]
    return _spaced_row(dataclasses.replace(line, text=rest, norm=normalize(rest)))


# a row's first cell (a class, a unit, a post) before the name: 2021级市场营销 / 二车间
_FRONT_SPACED = re.compile(
    r"^\s*(?:\d{1,2}[.、．)]|[·•\-])?\s*(?P<front>[\u4e00-\u9fffA-Za-z\d]{2,12})[ \u3000]+(?P<rest>[^\s].*)$"
)
# the name then its row's mark and the reason (线路工长 甲——在… / 美术外包对接 乙：在… / 创始人 丙，在…)
_NAME_THEN_MARK = re.compile(r"^(?P<name>[\u4e00-\u9fff·]{2,8}?)(?:——|—|:|：|,|，)(?=\S)")
_NAME_THEN_BRACKET = re.compile(r"^(?P<name>[\u4e00-\u9fff·]{2,8})[(（][^()（）]+[)）]$")
# a first cell that says something itself (a head, a count, a cue), not who the person is
_NOT_FRONT = re.compile(
    r"[的了是在因为和与及]$|缺|请假|未到|没|人员|名单|情况|原因|事由|党员$|^\d+[人名位个]?$"
)


def _spaced_name(text: str, after_cell: bool = False) -> bool:
    """``text`` is a name; ``after_cell``: the row's second cell, where an everyday surname may be one
    (排版设计师 修远之：…; a first cell 线路工 is no name)."""
    return text in (guess_name(text), minority_name(text)) or (after_cell and named_alone(text) == text)


def _named_lines(lines: list[Line], finder: PersonFinder) -> list[Line]:
    """The lines under a bare list label that each open with a name and say nothing else (张三  病假);
    a label alone (纪要:) heads what follows, no row."""
    out: list[Line] = []
    for line in lines[:MAX_LINES_PER_PERSON]:
        alone = _LABEL_ALONE.match(line.norm) is not None
        if (
            alone
            or not _opens_with_name(line.norm, finder)
            or _OTHER_ACT.search(line.norm)
            or len(line.norm) > 40
        ):
            break
        out.append(line)
    return out


_LABEL_ALONE = re.compile(r"^[\u4e00-\u9fff]{2,6}:$")
_BRACKET_ALONE = re.compile(r"^\([^():]{2,16}\)[;。]?$")  # (not (编辑:…审核:…), the page's byline)


def _named_items(lines: list[Line], found: list[Absentee]) -> list[Line]:
    """The lines right below that each open with one of the absentees' names."""
    out: list[Line] = []
    for line in lines:
        if not any(a.name and line.norm.startswith(a.name) for a in found):
            break
        out.append(line)
    return out


def _reasons_listed(text: str, found: list[Absentee]) -> list[str | None] | None:
    """The reasons of a 原因: list for the absentees found: each after its name when the list
    names them (原因:张三—病假;李四—出差), else in name order, or one for all."""
    parts = [p for p in re.split(r"[、,;]", _strip_act(text)) if p]
    by_name = {
        a.name: clean_reason(_GAP_HEAD.sub("", p[len(a.name) :]))
        for p in parts
        for a in found
        if a.name and p.startswith(a.name)
    }
    if by_name:
        return [by_name.get(a.name or "") for a in found] if len(by_name) == len(parts) else None
    if len(found) == 1 and not re.search(r"[、;]", _strip_act(text).strip(",;、")):
        return [clean_reason(_strip_act(text).strip(",;、"))]  # 原因:脑梗后遗症,行动不便: one person's, whole
    reasons = [clean_reason(r) for r in parts]
    if len(reasons) == 1:
        reasons *= len(found)
    return reasons if len(reasons) == len(found) else None


def _more(by_roster: list[Absentee], by_items: list[Absentee]) -> list[Absentee]:
    """The reading that names more people (an OCR slip hides a name from the exact roster match,
    not from the item reading, which resolves names fuzzily); the roster reading on a tie."""
    return by_items if len(by_items) > len(by_roster) else by_roster


# ----------------------------------------------------------------- absentees by roster names
# An absence statement: the cue (缺席/请假/未参加…) and the names before or after it. With the
# roster, every name is found wherever it stands and the text up to the next name is its reason:
# this reads any separator, order and wording (张三(病假)、李四 / 张三,因公出差;李四,病假 /
# 张三同志休产假,李四同志值班 / 张三:病假) without a pattern per way of writing.

_CUE = re.compile(
    r"(?:均|都|也)?(?:因故)?(?:(?:未能?|没有|没能|不能|无法)(?:参加|参会|到会|出席|到场|到)|没有?来|未参与|缺席|缺会|缺勤|请假|请了假(?=:)"
    r"|(?<=[\u4e00-\u9fff])(?:未|没有?)请假(?=[,;。]|$)"  # 周岚未请假,也未说明原因: away, no reason given
    r"|请了?(?P<kind>[病事产婚丧年])假)"  # 张三请病假: the kind of leave is the reason
)
# the cue heads a list (缺席2人(…) / 请假人员: / 未参加的有 / 缺席2人,分别为…): the names follow it
_CUE_HEADS = re.compile(
    rf"^:{NUM}{_U}(?:同志|党员)?,(?:分别|依次)(?:是|为):?|"  # 请假:4人,分别为甲(住院)、… (before the bare colon)
    rf"^的{NUM}{_U}(?:同志|党员)?(?:分别|依次)(?:是|为):?|"  # 请假的5名同志分别为甲、乙…,原因分别是…
    rf"^(?:人员|党员|同志|情况|名单|及原因|及事由|的)*(?:{NUM}{_U}|\d{{1,2}}(?=\())?(?:同志|党员)?(?:分别)?(?:有|是|为)?(?:[:(,]|-{{1,2}}|—{{1,2}})"
    rf"(?:(?:分别|依次)?(?:是|为):?)?"  # 请假3人,分别是A(…)、B(…): the list after the comma
    rf"|^的(?:有|是|党员|同志)"
    rf"|^{NUM}{_U}(?:同志|党员)?(?:分别)?(?:是|为)(?=[\u4e00-\u9fff])"  # 请假1人为甲,在…: the names after 为
    # 收到请假条2张:A(…),B(…): the leave notes, one per absentee
    rf"|^(?:条|单)(?:共)?(?:{NUM}(?:张|份))?[:(]"
    # 因故未参加会议的有: / 未参加本次活动的党员:
    rf"|^(?:本次|此次)?(?:会议|活动|学习)(?:的)?(?:人员|党员|同志)?(?:有|是|为)?:"
)
# clauses that say something else (the presider, the study, the counts) end an absence statement
_OTHER_ACT = re.compile(
    r"主持|领学|领誓|带领|宣读|讲话|传达|发言|强调|指出|作了|通报|应到|实到|应出席|会议由|随后|首先|最后|"
    r"全体党员|重温|缴纳|领读|汇报|总结"
)
_SHARED_MARK = re.compile(r"^(?:都是|都为|都系|均为|均是|均系|均已|都已|均|都|全部|全都)(?P<r>.+)$")
_RESPECTIVELY = re.compile(r"分别(?:为|是|系)?(?P<rs>.+)$")
_GAP_HEAD = re.compile(
    rf"^(?:同志|老师|党员|等|{NUM}{_U}|(?:请假|缺席)?(?:原因|事由|理由)(?:是|为)?|[,、;:()\-—–~/])+"
)
_GAP_TAIL = re.compile(
    rf"(?:等|共)?{NUM}{_U}(?:同志|党员)?$|[\-—–~]+$|(?:已|均|事先|提前)?向[^,、;]{{1,8}}?(?:书面)?(?:请假)?$"
)


# the count the clause of a reason opens with: 另有3名党员在岗当班未参加,分别是…
_COUNT_BEFORE_REASON = re.compile(
    rf"^(?:另有|还有|其中|有)?{NUM}{_U}(?:正式|预备)?(?:党员|同志)?(?:(?:因|由于)(?=[\u4e00-\u9fff]{{2}}))?(?=[\u4e00-\u9fff])"
)  # (因公请假: 因公 whole, one character is no reason)


def _clause_before_cue(text: str) -> str:
    """The clause of ``text`` (a sentence up to a cue) the cue's subject and reason are in: its last,
    or the one before when the cue opens a clause of its own after a count of people
    (乙班4名党员当天正在跟班抢修,未能参加,分别是…)."""
    clauses = re.split(r"[。:;,]", text)
    counted = _GROUP_COUNTED.match(clauses[-2]) if len(clauses) > 1 and not clauses[-1] else None
    return clauses[-2][counted.start("count") :] if counted else clauses[-1]


# a clause opening with a count of members, maybe after their group (乙班4名党员… / 3名同志…)
_GROUP_COUNTED = re.compile(rf"^[\u4e00-\u9fff]{{0,4}}?(?P<count>{NUM}{_U}(?:正式|预备)?(?:党员|同志))")


# words between a count and its 请假 that say how, not why: 3人均已提前请假 / 2名党员事先向书记请假
_HOW_LEAVE = re.compile(r"^(?:均|都|也|已|已经|事先|提前|按规定|书面|口头|向[^,;。]{1,8}?)*$")


def _heads_reason(clause: str, before: str, cue: str) -> bool:
    """Whether ``before``, the words between a list head's count and its cue, is the reason of those
    listed: a reason's opening word, or any words between a count and 请假 that do not say how the leave
    was asked (4名正式党员井下当班请假:… / 3人因承担监考请假(…))."""
    if REASON_START.match(before):
        return True
    counted = before != clause and _COUNT_BEFORE_REASON.match(clause) is not None
    return counted and cue.endswith("请假") and len(before) >= 2 and not _HOW_LEAVE.match(before)


def _roster_absentees(line: Line, after: list[Line], finder: PersonFinder) -> list[Absentee]:
    """Every absence cue of the sentence in turn: ``A因病请假,B因公出差,未能参会`` names two people."""
    norm = _continued(line.norm, after, finder)
    out: list[Absentee] = []
    since = 0  # names before a cue are looked for after the previous cue
    for cue in _CUE.finditer(norm):
        rest = norm[cue.end() :]
        heads = _CUE_HEADS.match(rest)
        before_text = _items_before(norm[since : cue.start()], finder)
        if heads and heads.group() == "," and _by_roster(before_text, line, finder):
            heads = None  # 张三请假,李四…: the comma ends this one's statement, it heads no list
        asked = "请假" in cue.group() and not re.search(r"[未没]有?请假", cue.group())
        if not heads and out and _LEAVE_FOR_ALL.match(norm[since : cue.start()]) and asked:
            out = [Absentee(a.name, a.reason or "请假", a.evidence) for a in out]  # A、B缺席,均已请假
            since = cue.end()
            continue
        if not heads and _COUNT_OF_OTHERS.search(before_text):
            since = cue.end()  # A、B、C其中2人请假: the count's people are not named
            continue
        listed = _clauses_after(rest[heads.end() :]) if heads else before_text
        found = (
            heads and _reasons_as_attributes(rest[heads.end() :].split("。")[0], line, finder)
        ) or _by_roster(listed, line, finder)
        if found and not heads:
            found = _after_attendees(norm[: cue.start() - len(before_text)], found)
        if found and not heads and cue["kind"]:
            found = [Absentee(a.name, a.reason or f"{cue['kind']}假", a.evidence) for a in found]
        if found and not heads and asked:  # 张三、李四(均)请假: leave is their reason (not 未请假)
            found = [Absentee(a.name, a.reason or "请假", a.evidence) for a in found]
        clause = _clause_before_cue(norm[: cue.start()])
        before = _COUNT_BEFORE_REASON.sub("", clause)  # 另有3名党员在岗当班
        if found and heads and _heads_reason(clause, before, cue.group()) and not _OTHER_ACT.search(before):
            found = [
                a
                if a.reason and not no_reason_left(a.reason)
                else Absentee(a.name, clean_reason(before), a.evidence)
                for a in found
            ]  # 因病请假的有… / 4名党员井下当班请假:… (…,分别是甲、乙,支部下周组织补学: the make-up no reason)
        out.extend(a for a in found if all(a.name != b.name for b in out))
        if heads and found:
            return out
        since = cue.end()
    return out


# the cue's subject is a count of people the sentence does not name: …乔刚,其中2人请假 / 另有1人缺席
OTHERS_HEAD = r"(?:其中|另有|另外|此外|还有)(?:共)?"  # a count of others than those named: 另有2人…
_COUNT_OF_OTHERS = re.compile(
    rf"{OTHERS_HEAD}{NUM}{_U}(?:同志|党员)?(?:因[^,;。]{{1,10}}?)?(?:均|都|已|已经|事先|提前)*$"
)


# an attendance head with its count right before the names: 参会人员(28人):
_ATTENDED_HEAD = re.compile(
    rf"(?:参会|参加|出席|到会|与会|实到)(?:会议)?的?(?:人员|党员|同志|名单)?\(?(?:共)?(?P<n>{NUM}){_U}\)?(?:名单)?:$"
)


def _after_attendees(prefix: str, found: list[Absentee]) -> list[Absentee]:
    """``参会人员(28人):A B … Z甲休产假、乙,未参加会议`` (a list of those present run together with the
    absence statement): the first 28 names attended."""
    m = _ATTENDED_HEAD.search(prefix)
    n = to_int(m["n"]) if m else None
    return found[n:] if n is not None and len(found) > n else found


# between an absence and the leave that covers all those named: ,均已事先 / ,都已向支部书面
_LEAVE_FOR_ALL = re.compile(
    r"^[,]?(?:均|都|也)?(?:已|已经)?(?:事先|提前|按规定)?(?:向[^,;。]{1,8}?)?(?:书面)?$"
)


def _clauses_after(text: str) -> str:
    text = text.split("。")[0]
    out = []
    for clause in re.split(r"(?<=[,])", text):
        if _OTHER_ACT.search(clause):
            break
        out.append(clause)
    return "".join(out)


_COUNTED = re.compile(
    rf"(?:到会|出席|参加|参会|与会)[^,]*?{NUM}{_U}|{NUM}{_U}[^,]*?(?:参加|出席|到会|参会)"
    rf"|(?:应该?来|来了|到了){NUM}(?:个|名|位|人)"  # 应该来二十三个来了十九个: counts said aloud
)


def _items_before(text: str, finder: PersonFinder) -> str:
    """``_clauses_before``, and the items before it in the same sentence cut by ``;`` when each
    is a name and its reason (A同志病假;B同志因公出差,未能参加本次活动)."""
    segments = re.split(r"[。:]", text)[-1].split(";")
    out = _clauses_before(segments[-1])
    for segment in reversed(segments[:-1]):
        if not _is_item(segment, finder):
            break
        out = f"{segment};{out}"
    return out


def _is_item(segment: str, finder: PersonFinder) -> bool:
    """A name (after a title or a lead word) and a reason, nothing else said."""
    return _item_person(segment, finder) is not None


# a name's dash in a list written a row per person (甄立新——任市评委), then the reason, or nothing
_DASHED_ROW = re.compile(r"^(?:——|—|--|–)(?P<r>[^,;。]*)[;。]?$")


def _item_person(segment: str, finder: PersonFinder) -> str | None:
    """The person of ``segment`` when it is an item: a name and a reason, nothing else said."""
    segment = _ITEM_ORDINAL.sub("", _LEAD_WORDS.sub("", segment.strip(",")))  # (1.欧阳少华,在新疆…)
    segment = _POST_IN_BRACKET.sub("(", segment)  # 杭德全(副总工程师,在…): the post is no part of it
    if not segment or _OTHER_ACT.search(segment) or _COUNTED.search(segment):
        return None
    hits = finder.find(segment)
    head = strip_titles_front(re.split(r",|——|—|--|–", segment, maxsplit=1)[0])
    name = hits[0].name if hits else guess_glued(strip_titles_front(segment))[0]
    if name is None and head in (guess_name(head), named_alone(head)):
        name = head  # 艾文斌,门诊坐诊 / 蒯思远—— / 水家富——: the name before the row's gap or dash
    if name is None:
        name = _bracketed_item(segment.rstrip("。;,"))[0]  # 汪桂枝(脚崴了): a name and its bracket
    if name is None or len(hits) > 1:
        return None
    at = segment.find(name)
    if at < 0 or strip_titles(segment[: at + len(name)]) != name:
        return None
    rest = segment[at + len(name) :]
    reason = _gap_reason(rest)
    if reason is not None and rest.startswith(",") and guess_name(reason) != reason:
        return name  # 艾文斌,门诊坐诊: a name, its mark (a gap in the row), any reason but a name
    if (dashed := _DASHED_ROW.match(rest)) is not None and guess_name(dashed["r"]) != dashed["r"]:
        return name  # 甄立新——任市评委 / 蒯思远——: a row of a 姓名——原因 list, the reason left blank or not
    if re.fullmatch(r"\([^()]{1,40}\)[。;,]?", rest):
        return name  # 汪桂枝(脚崴了) / 汪桂枝(无故缺席): a name and its bracket, whatever the bracket says
    reasoned = reason is not None and bool(REASON_START.match(reason) or _LEAVE_WORDS.search(reason))
    return name if reasoned else None


# a clause closed by someone taking part (甲同志线上参会,乙同志请假: 甲 was there)
_TOOK_PART = re.compile(
    r"(?<![未没不能])(?:线上|视频|远程|网上|在线)?(?:参会|到会|出席(?:了)?(?:会议)?|参加(?:了)?(?:本次|此次)?(?:会议|活动)),?$"
)


def _clauses_before(text: str) -> str:
    text = re.split(r"[。:;]", text)[-1]
    out: list[str] = []
    for clause in reversed(re.split(r"(?<=[,])", text)):
        if _OTHER_ACT.search(clause) or _COUNTED.search(clause) or _TOOK_PART.search(clause):
            break
        out.insert(0, clause)
    return "".join(out)


def _by_roster(text: str, line: Line, finder: PersonFinder) -> list[Absentee]:
    """Roster names in an absence statement, each with the text up to the next name as its reason;
    one reason for all (都是请假 / 均为病假 / 张三、李四因公外出) and 分别 (reasons in name order)."""
    hits = finder.find(text)
    if not hits and (guessed := _guessed_names(text)):
        hits = PersonFinder(guessed).find(text)  # no roster name: surname-anchored names of the items
    if not hits:
        return []
    names = [h.name for h in hits]
    gaps = [text[h.end : (hits[i + 1].start if i + 1 < len(hits) else len(text))] for i, h in enumerate(hits)]
    gaps = [
        _SEPARATOR_UNIT.sub(r"\g<sep>", _SEPARATOR_JOB.sub(r"\g<sep>", g, count=1)) for g in gaps[:-1]
    ] + gaps[-1:]
    # 冯涛),因公出差1名(郝建新 / 郝建新),符合法定人数: the name closed a bracket, what follows is not theirs
    reasons = [None if re.match(r"\)(?:[,;。]|$)", g) else _gap_reason(g) for g in gaps]
    last = _GAP_HEAD.sub("", gaps[-1])
    if (
        re.match(r"^[,;。]?(?:原因|事由|理由)(?!(?:均|都)|一致)", gaps[-1])
        and len(names) == len(re.split(r"[、,;]", last.strip("。.,;"))) > 1
    ):
        last = f"分别{last}"  # A、B;原因:病假、出差 — the reasons in name order, like 分别
    resp = _RESPECTIVELY.search(last)
    shared = _SHARED_MARK.match(last)
    if resp and len(names) > 1:
        parts = [clean_reason(r) for r in re.split(r"[、,;和及与]", _strip_act(resp["rs"])) if r]
        if len(parts) == len(names):
            reasons = parts
    elif shared:
        # 均在当班,车间已安排补学: the first clause; 均已请假,原因:外出务工: the reason told after the leave
        first, *rest = re.split(r"[,;。]", shared["r"], maxsplit=1)
        told = rest and re.fullmatch(r"(?:已|已经)?(?:书面|口头|电话)?请[了过]?假", first)
        reason = clean_reason(rest[0] if told and re.match(r"(?:原因|事由|理由)", rest[0]) else first)
        reasons = [r or reason for r in reasons[:-1]] + [reason]
    elif any(_EMPTY_BRACKET.match(g) for g in gaps):
        pass  # 刁立成(/)、张建平(出差): a reason left empty is no one else's
    elif (
        len(names) > 1
        and reasons[-1]
        and not any(reasons[:-1])
        and not any(";" in g or _NEXT_GROUP.match(g) for g in gaps[:-1])
    ):
        # 张三、李四因公外出 (not 程立;任嘉鸣,上夜班: items apart, the first without a reason)
        listed = re.fullmatch(r"(?:同志|党员)?\((?P<r>[^()]+)\)[。.]?", gaps[-1].strip())
        parts = [clean_reason(r) for r in re.split(r"[、;]", listed["r"])] if listed else []
        # 张三、李四(病假、事假): one reason each, in name order; else one for all
        reasons = parts if len(parts) == len(names) and all(parts) else [reasons[-1]] * len(names)
    reasons = _shared_back(reasons, gaps)
    if not any(reasons) and (lead := _LEAD_REASON.match(text[: hits[0].start])):
        reasons = [clean_reason(lead["r"])] * len(names)  # 因工作原因,张三、李四未能参会
    for i, h in enumerate(hits):  # 因病请假1名(冯涛),因公出差1名(郝建新): each group's reason before it
        if (said := _group_said(text, h.start, h.end)) is not None:
            reasons[i] = clean_reason(said)
    ev = [Evidence.of(line.span, line.text)]
    out: list[Absentee] = []
    for name, reason in zip(names, reasons, strict=True):
        if all(a.name != name for a in out):
            out.append(Absentee(name, reason, list(ev)))
    return out


def _shared_back(reasons: list[str | None], gaps: list[str]) -> list[str | None]:
    """``reasons`` with a name joined to the next by 、/和 sharing its reason (A、B正执行…任务), unless the
    list notes items one by one: a bracket note with the list ending bare (甲、乙(出差)、丙), or a
    bracket in mid-list while the next one's words are no bracket (甲(骨折卧床)、乙、丙请假); a bracket
    saying it is theirs all (乙、丙(均年老体弱)、丁) is shared whatever the list does."""
    out = list(reasons)
    bracketed = [g.lstrip().startswith("(") for g in gaps]  # whose reason is a bracket's note
    item_notes = any(re.match(r"\([^()]*\)、", g.lstrip()) for g in gaps)
    for i in range(len(out) - 2, -1, -1):
        if out[i] is not None or not re.fullmatch(r"[、和及与]", gaps[i]) or not out[i + 1]:
            continue
        said_of_all = re.match(r"\s*\((?:均|都|二人|两人|以上)", gaps[i + 1])  # 甲、乙(均年老体弱)、丙
        if not said_of_all and (
            (out[-1] is None and bracketed[i + 1]) or (not bracketed[i + 1] and item_notes)
        ):
            continue
        out[i], bracketed[i] = out[i + 1], bracketed[i + 1]
    return out


def _group_said(text: str, start: int, end: int) -> str | None:
    """The words of why, for the group whose bracket the name at ``start:end`` stands in, written before
    its count (因病请假1名(冯涛),因公出差1名(郝建新)); none for a bare head (其中请假3名(甲、乙、丙))."""
    group = _GROUP_BEFORE.search(text[:start])
    if group is None or not _BRACKET_CLOSES.match(text[end:]):
        return None
    said = _LEAD_WORDS.sub("", group["r"])
    return said if said != "请假" and reasonish(said) else None


# a gap opening another group of the statement: 甲、乙,另外丙、丁请假 (the leave is 丙's and 丁's)
_NEXT_GROUP = re.compile(r"^[,;]?(?:另外|还有|此外|另)")


# a group's reason and count, then its names in brackets: 因病请假1名(冯涛 / 出差2人(甲、乙
_GROUP_BEFORE = re.compile(rf"(?:^|[,;:])(?P<r>[^,;。:()\d]{{2,14}}?){NUM}{_U}\((?:[^()]*、)?$")
_BRACKET_CLOSES = re.compile(r"^(?:、[^()]*)?\)")


# an item's bracket holding the mark of no reason: 刁立成(/) / 刁立成(—) / 刁立成(无)
_EMPTY_BRACKET = re.compile(r"^(?:同志)?\((?:/|／|—|-|无|空|未填|未写|(?:原因|事由)?待补)\)")

# a reason written as the statement's first clause: 因工作原因,张三、李四未能参会
_LEAD_REASON = re.compile(r"^(?:其中)?,?(?P<r>(?:因|由于)[^,;。:]{1,20}),$")


_COUNT_AFTER_NAME = re.compile(
    rf"^(?P<name>[\u4e00-\u9fff]{{2,4}}?)(?:等)?(?:{NUM}(?:人|位|名))(?:同志|党员)?"
)


# a unit's name ends so: 血透室, 财务部, 党政办, 热轧车间
_UNIT_END = r"(?:室|科|部|组|处|队|站|所|院|校|局|办|股|中心|车间|班|厂|线|工段)"
# who someone is, before their name in a list's piece: a job of the trade, a class year, a place in the
# party (客服骆小鱼, 干线司机车小军, 2020级侯佳禾, 发展对象岑木, 正式党员晁鸣谦)
_WHO_BEFORE = re.compile(
    r"^(?:\d{2,4}(?:级|届)(?:本科生|研究生|硕士生?|博士生?|学生)?"
    r"|(?:正式|预备)党员|发展对象|入党积极分子|积极分子)(?:的?(?:预备|正式)?党员|同志)?(?=[\u4e00-\u9fff]{2})"
)
# ... of which only a place in the party opens a line that goes on a list (发展对象岑木(回家办事)): a job
# or a class year opens other sentences as often (护士长李四作了发言)
_PARTY_PLACE = re.compile(r"^(?:发展对象|入党积极分子|积极分子)(?=[\u4e00-\u9fff]{2})")
_UNIT_BEFORE = re.compile(rf"^[\u4e00-\u9fff]{{1,5}}?{_UNIT_END},?(?=[\u4e00-\u9fff]{{2}})")  # 车险部 葛蔓
# a unit and 党员 before a person in a list's piece (挤塑车间党员门晓东这周上夜班)
_UNIT_MEMBER = re.compile(
    rf"(?<![^,;。])[\u4e00-\u9fff]{{1,8}}?{_UNIT_END}的?(?:党员|职工|干部|同志)(?=[\u4e00-\u9fff]{{2}})"
)


# the honorific closing an item before the next name (甲同志、乙同志 / 甲同志和乙同志)
_HONORIFIC_END = re.compile(r"(?<=..)同志$")


def _guessed_names(text: str) -> list[str]:
    """Without a roster: the name each item of the statement begins with (张三(病假) / 张三,因公出差
    / 张三同志休产假 / 张三:病假), anchored on a surname."""
    out: list[str] = []
    pieces = [
        q for piece in _outside_reason_brackets(text) for p in _AND_JOB.split(piece) for q in _and_named(p)
    ]
    for piece in pieces:
        piece = strip_titles_front(_MEMBER_GROUP.sub("", _COUNT_HEAD.sub("", _LEAD_WORDS.sub("", piece))))
        piece = _HONORIFIC_END.sub("", piece)  # 甲同志、乙同志因病: the first item's honorific
        name = guess_glued(piece)[0] if piece else None
        if name is None and (counted := _COUNT_AFTER_NAME.match(piece)):
            name = guess_glued(counted["name"] + piece[counted.end() :])[0]  # 梁咏琪二人因…请假
        if name is None and (after := after_last_title(piece)) != piece:
            name = guess_glued(after)[0]  # 车间党员欧晓军因跟车…: a unit and a title before the name
        if name is None and (unit := _UNIT_BEFORE.match(piece)):
            rest = piece[unit.end() :]  # 血透室刁文静 / 财务部俞婉清休产假: a unit before the name
            name = guess_glued(rest)[0] or (rest if guess_name(rest) == rest else None)
        if name is None and (who := _WHO_BEFORE.match(piece)):
            name = guess_glued(piece[who.end() :])[0]  # 客服骆小鱼病假 / 2020级侯佳禾、… / 发展对象岑木(…)
        job = _JOB_FRONT.match(piece) if name is None else None
        if job is not None and not _nicknamed(job.group(), after := piece[job.end() :]):
            name = guess_glued(after)[0]  # 一值副值长滕建民在… / 法警付振江外出…: a job before the name
        whose, _, rest = piece.partition("的")
        if name is None and len(whose) < 14 and rest and not name_then_errand(after_last_title(whose)):
            # 税务所党支部的骆晨因值守…: whose member (not 司机万家旺出一二零的车送…: a name before 的)
            name = guess_glued(strip_titles_front(rest))[0]
        if name is None and (guess_name(bare := piece.strip("。.")) == bare or named_alone(bare) == bare):
            name = bare  # …;程立。: a name with no reason written (祁建中、…: a name that ends like a word)
        if name and name not in out:
            out.append(name)
    return out


# an absence said (未到 / 没来 / 缺席本次会议), and a name before it (matched whole: nothing after it)
_AWAY_ACT = (
    rf"(?:均|都|也)?(?:未到会?|未到场|没有?到|缺席|缺会|{NOT_ATTEND}|{NOT_COME})(?:本次|此次)?(?:会议|活动)?"
)
_AWAY_HEAD = re.compile(rf"([\u4e00-\u9fff·]{{2,4}}?)(?:同志)?{_AWAY_ACT}")


def _and_named(piece: str) -> list[str]:
    """``甲和乙随劳务队在外地``: two names joined by 和/与/及 before their shared reason, as two items
    (the first a whole name, the second a name glued to the reason); anything else is one item."""
    for m in re.finditer(r"(?:和|与|及)", piece[:11]):
        first, second = _HONORIFIC_END.sub("", piece[: m.start()]), piece[m.end() :]  # 甲同志和乙同志
        if not (2 <= len(first) <= 4 and guess_name(first) == first):
            continue
        name, why = guess_glued(second)
        if name and why and firm_reason(why):
            return [first, second]
        if (away := _AWAY_HEAD.fullmatch(second)) and guess_name(away[1]) == away[1]:
            return [first, away[1]]  # 宋听澜和周岚未到: both away, no reason said
    return [piece]


def _nicknamed(before: str, rest: str) -> bool:
    """``before`` is what neighbours call the person ``rest`` names (钟师傅钟建明), no job of theirs."""
    surname = nickname_surname(before)
    return surname is not None and rest.startswith(surname)


def _outside_reason_brackets(text: str) -> list[str]:
    """The statement's items, less what a bracket right after a name holds: that is the person's
    reason, whose own commas part no names (龙再发(厂里赶外贸单,连续加班): not 连续). A bracket
    after anything else may hold the names (缺席2人(张三、李四))."""
    parts = re.split(r"([、,;:()\-—–~/])", text)
    out, inside, named = [], False, False
    for i in range(0, len(parts), 2):
        before = parts[i - 1] if i else ""
        inside = (before == "(" and named) or (inside and before != ")")
        if not inside:
            out.append(parts[i])
            named = bool(guess_glued(parts[i].strip())[0]) if parts[i].strip() else False
    return out


# the next person's title at the end of a gap: 张三在外进修、护士长李四… (not part of 张三's reason)
# (the next person's title or unit after this one's reason: not the gap's whole, ,住院 / ,夜班)
_NEXT_TITLE = re.compile(rf"(?<=.)[、,;和及与][^、,;]{{0,6}}?(?:{TITLE_PATTERN})+$")


_NEXT_UNIT = re.compile(rf"(?<=.)[、,;][\u4e00-\u9fff]{{1,5}}?{_UNIT_END}$")
_NEXT_PERSON = re.compile(rf"[;。]|,(?=[^,;。]{{0,6}}?(?:{TITLE_PATTERN}))")


def _gap_reason(gap: str) -> str | None:
    gap = _NICKNAME_BRACKET.sub(
        "", gap
    )  # 甲(大家叫他老三),上个月…闪了腰: the bracket says who, the reason after
    if bracketed := re.match(r"^(?:同志)?\(([^()]+)\)", gap):
        return clean_reason(
            bracketed[1]
        )  # 闵佳(在医院轮转)、容朗(家中有事): the reason is what the bracket holds
    gap = _NEXT_UNIT.sub("", _NEXT_TITLE.sub("", gap))
    text = _GAP_HEAD.sub("", strip_titles_front(_GAP_HEAD.sub("", gap)))
    away = _AWAY_HEAD.fullmatch(re.split(r"[;。]", text.lstrip("、,和与及"), maxsplit=1)[0])
    if away and guess_name(away[1]) == away[1]:
        return None  # 宋听澜、周岚未到: the next one and the absence of both, no reason
    # 张三:出差;以上1人缺席: the reason ends at ; (and at a comma before someone's title: …值夜班,护士长李四…)
    text = _strip_act(_NEXT_PERSON.split(text, maxsplit=1)[0])
    if (m := _ACT_TAIL.match(text)) and m.end() == len(text):  # 张三,未参加会议: no reason
        return None
    return clean_reason(text)


# a bracket right after a name giving the name the person goes by (大家叫他老三 / 外号老炮 / 小名二丫)
_NICKNAME_BRACKET = re.compile(
    r"^\((?:大家|村里人?|我们|人们|大伙儿?)?(?:都)?(?:叫|喊|称)(?:他|她)[^()]{1,6}\)|^\((?:外号|小名|绰号|人称|乳名)[^()]{1,6}\)"
)


_ACT_TAIL = re.compile(
    r"(?:[,、]?(?:均|都|故|而)?(?:未能?|没有|没能|不能|无法)(?:按时|准时|如期)?(?:参加|参会|到会|出席|到场|到)"
    r"(?:(?:本次|此次|这次|本月|当天|今天)[^,;。]{0,8}?|会议|活动|学习)?"
    r"|[,、]?(?:均|都)?(?:缺席|缺会)(?:会议|本次会议)?)[。.,;]*$"
)


def _strip_act(text: str) -> str:
    text = text.strip("。.,;、 ")
    while ((m := _ACT_TAIL.search(text)) or (m := _GAP_TAIL.search(text))) and m.start() > 0:
        text = text[: m.start()].strip("。.,;、() ")
    return text


# 其中2人请假 / 缺席2人,均已请假 / 2名同志因工作原因请假: leave without names, one reason for all.
_UNNAMED = re.compile(
    rf"(?:缺席|另有|其中)?{NUM}{_U}(?:老?同志|老?党员)?[,(]?(?:均已|均|都已|都|事先|提前|已|均系|均为)*"
    rf"(?:说明(?:了)?原因(?:并|后|,)?|书面)?(?:向[^,;。()]{{1,8}}?)?(?:因(?P<r>(?:[^,;。()]|\([^()]{{1,8}}\)){{1,24}}?))?请假"
    # 请假2人(已履行请假手续) / 请假人员3名: those on leave counted after the word
    rf"|(?<![未无没])请假(?:人员|党员|同志)?(?:人数)?(?:为|共|:)?[1-9一二两三四五六七八九十]{NUM}?{_U}"
)


# A reason for absentees counted, not named: 缺席2人,均因工作原因 / 缺席2人(外出培训) /
# 2名同志因身体原因缺席 / 缺席2人(1人病假,1人出差)
_UNNAMED_REASON = [
    re.compile(
        rf"(?:缺席|未参会|未到会|未参加|缺会)(?:人员|党员|同志)?{NUM}{_U}(?:同志|党员)?"
        rf"(?:,(?:均|都|全部)?(?:系|为|是)?|\()(?P<r>[^,;。()]{{2,20}}(?:,[^;。()]{{2,16}})?)\)?"
    ),
    re.compile(
        rf"{NUM}{_U}(?:老?同志|老?党员)(?:均|都)?(?P<r>(?:因|由于)[^,;。()]{{2,16}}?)"
        rf"(?:缺席|未能?参加|未能?参会|未能?到会|未到)"
    ),
    # 另有2人分别因跑长途货运、在厂里值夜班未能参加: the reasons of those counted, in order
    re.compile(
        rf"(?:另有|还有|其中){NUM}(?:{_U}|个)(?:同志|党员)?(?:均|都|分别)?(?P<r>(?:因为?|由于)[^,;。()]{{2,24}}?)"
        rf"(?:缺席|未能?参加|未能?参会|未能?到会|未到|没来|没能来)"
    ),
    # 缺席3人:方晓琳病假,另2人上夜班: the others of the absence counted, their reason ending the clause
    re.compile(
        rf"(?:缺席|缺|请假|未到)[^;。]{{0,30}}?,(?:另|另有|还有|其余)(?P<c>{NUM}){_U}(?:同志|党员)?(?:均|都)?(?P<r>[^,;。()]{{2,16}})(?=[;。]|$)"
    ),
    # 2名党员在村里开展防汛值守请假 / 1人在外地跑销售请假: those counted (not those who came), the
    # errand that kept them, then the leave
    re.compile(
        rf"(?<![到席会加参与])(?<!\d){NUM}{_U}(?:同志|党员)?(?:均|都)?(?P<r>(?:在|去|到|赴|带)[^,;。()]{{2,24}}?),?(?:均|都)?(?:已|已经)?"
        rf"(?:经[^,;。()]{{0,12}}?(?:批准|同意),?)?(?:向[^,;。()]{{1,8}}?)?(?:请假|缺席|未能?参加|未能?参会|未能?到会)"
    ),
    # 外出务工的7名党员(…)都在会前向支部请了假: the errand before those counted, then their leave
    re.compile(
        rf"(?:^|(?<=[,;。]))(?P<r>[^,;。()的]{{2,16}})的{NUM}{_U}(?:党员|同志)(?:\([^()]{{1,40}}\))?(?:均|都)?(?:已|已经)?"
        rf"(?:在会前|会前|事先|提前)?(?:向[^,;。()]{{1,8}}?)?请(?:了|过)?假"
    ),
    # 除在舱内当班的6名同志外,实到39名: those excepted, the errand that kept them before their count
    re.compile(
        rf"除(?:了|去)?(?P<r>(?:在|去|到|赴|带|因)[^,;。()]{{2,20}}?)的{NUM}{_U}(?:党员|同志)(?:以外|之外|外)"
    ),
    # 除3名党员教师带学生赴省城参加…大赛外: those excepted, then why they were away
    re.compile(
        rf"除(?:了|去)?{NUM}{_U}(?:党员|同志)(?:教师|干部|医生|职工|民警|干警)?(?P<r>(?:因为?|由于|在|去|到|赴|带)[^,;。()]{{2,30}}?)"
        r"(?:以外|之外|外),"
    ),
    # 除2名驻新疆项目现场的党员外: those excepted, described by why they were away
    re.compile(rf"除(?:了|去)?{NUM}(?:{_U}|个)(?P<r>[^,;。()的]{{2,16}})的(?:党员|同志)(?:以外|之外|外)"),
    # 3名值守生产运行岗位的党员请假: those counted, described by why they were away, then the act
    re.compile(
        rf"{NUM}(?:{_U}|个)(?P<r>[^,;。()的\d]{{2,20}})的(?:党员|同志)(?:均|都)?(?:已|已经)?"
        rf"(?:请假|缺席|未能?参加|未能?参会|未能?到会|未到|没来)"
    ),
    # 缺席5名:外出务工3名;甲在县医院陪护老伴;…: a reason and its count, an item of the list
    re.compile(
        rf"(?:缺席|请假|未到|缺)[^;。]{{0,8}}?:(?:[^;。]*?[;,、])?(?P<r>(?!到|参|出席|应到|实到|在册|共有|党员|正式|预备)"
        rf"[^,;:。()\d]{{2,12}}?)(?P<c>{NUM})(?:{_U}|个)(?=[;,、。]|$)"
    ),
    # 另有3名党员外出务工,已提前请假 / 其余3名在长三角地区企业顶岗实习,已向支部请假: those counted,
    # what kept them, then (after a comma) that they asked for leave
    re.compile(
        rf"(?:另有|还有|其余|另外|其中){NUM}(?:{_U}|个)(?:[^,;。()\d]{{0,6}}?(?:党员|同志))?(?:均|都)?"
        rf"(?P<r>(?:[^,;。()\d]|\d(?![\d人名位个])){{2,30}}?),(?:均|都)?(?:已经?|提前|事先|会前|打电话|电话|书面|口头)*"
        rf"(?:向[^,;。()]{{1,8}}?)?(?:请假|请了假|告假)"
    ),
]


def unnamed_leave(lines: list[Line], named: list[str] | None = None) -> tuple[Value[str] | None, int | None]:
    """The reason written for absentees who are not named (其中2人请假: 请假; 缺席2人,均因工作原因:
    因工作原因) and how many it is written for (其中2人请假: 2; 缺席3人,均已请假: 3); (None, None)
    when there is none. A count after the word heading a list whose every item is one of the absentees
    ``named`` (请假3人(甲:…;乙:…)) gives no reason for anyone the list leaves out."""
    for i, line in enumerate(lines):
        m = _UNNAMED.search(line.norm)
        if m and not (
            (end := _count_end(line, m)) is not None
            and _heads_named_list(line, lines[i + 1 : i + 2], end, named or [])
        ):
            reason = f"因{m['r']}请假" if m["r"] else "请假"
            return Value(reason, [Evidence.of(line.span, line.text)], line.span.confidence), _covered(line, m)
    for line in lines:
        for pattern in _UNNAMED_REASON:
            m = pattern.search(line.norm)
            if m and _is_reason(m["r"]):
                written = clean_reason(_COUNTED_PART.sub("", m["r"]))
                if written:
                    value = Value(written, [Evidence.of(line.span, line.text)], line.span.confidence)
                    return value, _covered(line, m)
    return None, None


# the counted parts of an absence, each with its reason: (其中2人在外地实习,1人因病请假)
_COUNTED_REASON = re.compile(rf"(?:其中|另有|[,(;、])(?P<n>{NUM}){_U}(?:同志|党员)?(?P<r>[^,;。()]{{2,24}})")


_PRESENT_PART = re.compile(r"(?:参加|参会|出席|到会|到场)(?:会议|了会议|学习)?$")  # 18名参加: those present
# 到会31人,请假4人: the count after the word is the one on leave, not the one before it
_LEAVE_COUNT_AFTER = re.compile(rf"(?:人员|党员|同志)?(?:人数)?(?:为|共|:)?({NUM}){_U}")


def _count_end(line: Line, m: re.Match[str]) -> int | None:
    """Where the count of those on leave ends when it follows the word (请假3人 / 实到23人,请假3人);
    None when it comes before it (3人请假)."""
    if m[0].startswith("请假"):
        return m.end()
    after = _LEAVE_COUNT_AFTER.match(line.norm, m.end()) if m[0].endswith("请假") else None
    return after.end() if after else None


_LIST_HEAD = re.compile(r"^[^,;:。()]{0,8}?(?:请假|缺席)[^,;:。()]{0,8}:")  # 请假的: / 请假人员名单:


def _heads_named_list(line: Line, after: list[Line], end: int, named: list[str]) -> bool:
    """The list after the count ending at ``end`` (to its bracket's close or the sentence's end; the
    next line when it opens with a list head) holds only items that each name one of ``named`` outside
    their brackets."""
    rest = line.norm[end:].lstrip(":")
    if not rest.strip("。 ") and after and (head := _LIST_HEAD.match(after[0].norm)):
        rest = after[0].norm[head.end() :]
    body = _bracketed(rest) if rest.startswith("(") else rest.split("。")[0]
    if body is None or body.rstrip().endswith((";", ",", "、")):
        return False  # the list goes on past the line: not seen whole
    items = [_IN_BRACKETS.sub(" ", i) for i in split_outside_brackets(body, ";,、") if i.strip()]
    return bool(items) and all(sum(n in item for n in named) == 1 for item in items)


_IN_BRACKETS = re.compile(r"\([^()]*\)")


def _bracketed(text: str) -> str | None:
    """The text inside the bracket ``text`` opens with, to its matching close; None when it does not
    close on the line."""
    depth = 0
    for i, ch in enumerate(text):
        depth += {"(": 1, ")": -1}.get(ch, 0)
        if depth == 0:
            return text[1:i]
    return None


def _covered(line: Line, m: re.Match[str]) -> int | None:
    """How many the reason matched in ``line`` speaks for: its own count, or the sum of the line's
    counted parts that each carry a reason when they cover more."""
    after = _LEAVE_COUNT_AFTER.match(line.norm, m.end()) if m[0].endswith("请假") else None
    before = re.search(NUM, m[0])
    own = m.groupdict().get("c") or (after[1] if after else before[0] if before else None)
    count = to_int(own) if own else None
    parts = [
        p
        for p in _COUNTED_REASON.finditer(line.norm)
        if ("请假" in p["r"] or _is_reason(p["r"])) and not _PRESENT_PART.match(p["r"])
    ]
    others = [to_int(p["n"]) or 0 for p in parts if not (p.start("n") < m.end() and m.start() < p.end("n"))]
    if count and len(others) < len(parts) and sum(others) == count:
        return count  # 5人请假(3人…,2人…): the parts after the matched count are its breakdown
    return max(count or 0, sum(to_int(p["n"]) or 0 for p in parts)) or count


_COUNTED_PART = re.compile(rf"(?:^|(?<=,)){NUM}{_U}")  # 1人病假,1人出差: the reasons of the counted


_POINTER = re.compile(r"^(?:见|详见|另见|参见)|^[^,;。]{0,8}(?:附后|附表|另附)$")


def _is_reason(text: str) -> bool:
    text = _COUNTED_PART.sub("", text)
    if re.match(r"^(?:分别|依次|是|为|有|其中)", text) or "同志" in text or _OTHER_ACT.search(text):
        return False  # 缺席2人,分别为张三、李四 / 其中张三同志病假: names follow, not one reason
    if _POINTER.match(text):
        return False  # 缺席3人(见请假登记): where the names and reasons are, not a reason
    return bool(REASON_START.match(text) or _LEAVE_WORDS.search(text))


# a speaker's line of verbatim minutes (沈国桢:缺的两位说一下:…我们…): no item of the list above it
_SPOKEN = re.compile(r"^[^:,;。]{2,12}:[^。]*?(?:我|咱|大家|同志们|各位|说一下)")


def _continued(text: str, after: list[Line], finder: PersonFinder) -> str:
    """A list whose items end in ``;`` was cut into sentences there: join them again (the next
    sentence continues the list when it begins with a name: 李四,病假 / 李四:病假)."""
    for line in after:
        gapped = _gap_commas(line).norm  # (戚永康　防汛值守: the gap parts name and reason)
        items = _items_only(gapped, finder)
        if not text.endswith(";") and not _one_item_each(text, gapped, finder) and not items:
            break
        item = _without_front(_LEAD_WORDS.sub("", gapped))  # ;另有郑立国 / ;门机司机卢铁军,轮休
        opens = _opens_with_name(item, finder) or _opens_with_group(line.norm, finder) or items
        if not opens or _OTHER_ACT.search(line.norm) or _SPOKEN.match(line.norm):
            break
        text += ("" if text.endswith(";") else ";") + gapped
    return text


def _items_only(gapped: str, finder: PersonFinder) -> bool:
    """A line (its gaps as commas) of items and nothing else, cut off at its ``;`` (宋凤霞 住院;):
    the list goes on."""
    parts = [p for p in gapped.rstrip("。").split(";") if p]
    return (len(parts) >= 2 or gapped.endswith(";")) and all(_is_item(f"{p};", finder) for p in parts)


def _one_item_each(text: str, gapped: str, finder: PersonFinder) -> bool:
    """A list written a line per person (张三,病假 / 李四,事假): the text so far is one item, or
    items cut by ;, and the line (its gaps as commas) is the next, naming someone not named yet."""
    parts = text.split(";")
    alone = _name_alone(gapped, finder)
    people = _row_people(gapped.rstrip("。;"), finder) or ([alone] if alone else [])
    if text.endswith("。") or not _row_people(parts[-1], finder) or not people:
        return False
    return not set(people) & {p for part in parts for p in _row_people(part, finder)}


# a row of names sharing the reason in their bracket: 甲、乙(带运动队去市里比田径)
_SHARED_ROW = re.compile(r"^(?P<names>[\u4e00-\u9fff·]{2,8}(?:、[\u4e00-\u9fff·]{2,8})+)\([^()]+\)[;。]?$")


def _row_people(row: str, finder: PersonFinder) -> list[str]:
    """The people of a list's row: an item's person, or the names sharing the row's bracket."""
    if person := _item_person(row, finder):
        return [person]
    m = _SHARED_ROW.match(row)
    names = m["names"].split("、") if m else []
    return names if names and all(_one_name(n, finder) for n in names) else []


def _name_alone(row: str, finder: PersonFinder) -> str | None:
    """A row below a list's items that holds a name and nothing else (2.宇文昊天): one more
    absentee, no reason given."""
    row = _ITEM_ORDINAL.sub("", row.strip(" ,;。"))
    hits = finder.find(row)
    if hits and hits[0].start == 0 and hits[0].name == row:
        return row
    named = (2 <= len(row) <= 4 or re.search(NAME_DOT, row)) and guess_name(row) == row
    return row if named else None


def _more_statements(found: list[Absentee], after: list[Line], finder: PersonFinder) -> list[Absentee]:
    """A list cell holding one sentence per person (张三同志请假,原因:病假。李四同志请假,原因:事假。):
    the sentences right after the head's that open with a name and state an absence."""
    out = list(found)
    for line in after:
        hits = finder.find(line.norm)
        if (
            not hits
            or hits[0].start != 0
            or not _ABSENCE_CUE.search(line.norm)
            or _OTHER_ACT.search(line.norm)
        ):
            break
        more = _shaped(line.norm, line, finder) or _more(
            _roster_absentees(line, [], finder), _prose_absentees(line, finder)
        )
        if not more:
            break
        why = {
            a.name: a for a in more if a.reason
        }  # 未到会同志:甲同志。甲同志一直在外地照顾…: the reason below
        out = [
            Absentee(a.name, w.reason, [*a.evidence, *w.evidence])
            if not a.reason and (w := why.get(a.name))
            else a
            for a in out
        ]
        out.extend(a for a in more if all(a.name != b.name for b in out))
    return out


# a sentence adding one more away after the list: 另外,急诊科党员甲当晚随120出诊,没能赶回来参加
_ADDED = re.compile(r"^(?:另外|此外|还有|另有|另)[,:]?")


def _added_later(found: list[Absentee], after: list[Line], finder: PersonFinder) -> list[Absentee]:
    """Those a later sentence adds to the list (另外 / 此外 / 还有 …), saying they did not attend."""
    out = list(found)
    for line in after:
        if not _ADDED.match(line.norm) or not _ABSENCE_CUE.search(line.norm) or _OTHER_ACT.search(line.norm):
            continue
        more = _shaped(line.norm, line, finder) or _prose_absentees(line, finder)
        out.extend(a for a in more if a.name and all(a.name != b.name for b in out))
    return out


def _next_heads(found: list[Absentee], after: list[Line], finder: PersonFinder) -> list[Absentee]:
    """Lists under further heads on the lines right after (请假:甲、乙(驻外) / 未到:丙(未请假)):
    their people too, up to the first line that is no such head."""
    out = list(found)
    for k, line in enumerate(after[:6]):
        if _REASONS_LINE.match(line.norm):
            continue  # 缺席:甲 / 原因:… / 缺席:乙 / 原因:…: each head its reason line
        m = _ABSENT_LIST.match(line.norm)
        if m is None or not m["list"] or m["list"].strip("。.") in _NONE:
            break
        more = _reasons_below(_read_list(m["list"], line, finder), after[k + 1 :], reach=1)
        out.extend(a for a in more if all(a.name != b.name for b in out))
    return out


# items numbered inside one line: 1.詹国栋 锅炉房当班 2.吉秀芳 病假 (the number after the last reason)
_INLINE_ORDINAL = re.compile(r"(?<=[\u4e00-\u9fff)])\d{1,2}[.、](?=[\u4e00-\u9fff])")
_LEADING_ORDINAL = re.compile(r"\d{1,2}[.、](?=[\u4e00-\u9fff])")


# kin words after the names they join (石长林、石长贵兄弟在上海打工 / 普文学、普文成——两兄弟在…)
_KIN_AFTER_NAMES = re.compile(
    rf"(?<=[\u4e00-\u9fff])(?:——|-|—)?(?:两|二|俩)?(?:{KIN_PAIRS})"
    r"(?:俩|二人|两人|两个)?(?=[在去到赴因回随,(]|$)"
)


# the way a driver or a worker is called after the name, the reason glued on (秦国栋师傅接了长途单…):
# the name ends there
# (and an elder called after a full name in a list: …:常玉梅阿姨住院了 -> 常玉梅,住院了)
HONORIFICS = "阿姨|大姐|大妈|大娘|大爷|大伯|阿婆|阿公|阿伯|阿叔|阿婶|阿嫂|老伯"
_HONORIFIC_AFTER_NAME = re.compile(
    r"(?<=[\u4e00-\u9fff]{2})(?:老师傅|师傅)(?=[\u4e00-\u9fff])"
    rf"|(?:(?<=^[\u4e00-\u9fff]{{3}})|(?<=[:,、;。][\u4e00-\u9fff]{{3}}))(?:{HONORIFICS})(?=[\u4e00-\u9fff])"
)
# the names in brackets after their count, the reason after them: 1名(付晓彤)因参加集训请假
_NAMES_AFTER_COUNT = re.compile(
    rf"(?<![\d应实到会席加])(?:{NUM}){_U}(?:同志|党员)?\((?P<names>[\u4e00-\u9fff·、,]{{2,30}})\)"
    r"(?=因|由于|系|均|都|请假|缺席|未)"
)


def _names_set_apart(line: Line) -> Line:
    """The line with its absentees' names where the list readers look for them: the name ends at 师傅
    (甲师傅接了长途单 -> 甲,接了长途单), the names bracketed after their count stand alone
    (1名(甲)因集训请假 -> 甲因集训请假)."""
    norm = _NAMES_AFTER_COUNT.sub(lambda m: m["names"], _HONORIFIC_AFTER_NAME.sub(",", line.norm))
    norm = _GROUP_REASON_FIRST.sub(_each_with_reason, norm)
    return line if norm == line.norm else dataclasses.replace(line, norm=norm)


# a group's reason before its names, on a line of its own: 以下3人均外出务工:甲、乙、丙
_GROUP_REASON_FIRST = re.compile(
    rf"^(?:以下|下列|下面)?(?P<n>{NUM})(?:人|名|位)(?:同志|党员)?(?:均|都|皆)(?:为|是|因)?(?P<r>[^:,;。()]{{2,20}}):"
    r"(?P<names>[\u4e00-\u9fff·]{2,8}(?:[、,][\u4e00-\u9fff·]{2,8})+)[。;]?$"
)


def _each_with_reason(m: re.Match[str]) -> str:
    """甲(外出务工)、乙(外出务工)、丙(外出务工), when the names are as many as the count."""
    names = re.split(r"[、,]", m["names"])
    if len(names) != to_int(m["n"]):
        return m.group()
    return "、".join(f"{name}({m['r']})" for name in names)


# a bracket after a name naming the person's post or unit, the reason after a dash: 严秋月(呼吸科护士长)——年假回老家
_POST_THEN_REASON = re.compile(r"(?<=[\u4e00-\u9fff])\((?P<who>[^()]{1,20})\)[-—–~:]+(?P<r>[^;。()]+)")


# a job or a unit before an item's name: 调度值班员郑建、罗文斌当值 / 自动化班黎志岗在… / 倒班人员方丽婵…
_ITEM_FRONT = re.compile(r"^[\u4e00-\u9fff]{1,5}(?:人员|员|班|组|科|室|队|车间|部|站|所|中心|工|司机|师|长)$")
MAX_ITEM_FRONT = 7  # characters of a job or unit before an item's name


def _without_front(item: str) -> str:
    """An item of a list parted by ``;`` from its name on, when a job or a unit comes first."""
    if _starts_with_guess(item):
        return item
    for k in range(2, min(MAX_ITEM_FRONT, len(item) - 2) + 1):
        if _ITEM_FRONT.match(item[:k]) and _starts_with_guess(item[k:]):
            return item[k:]
    return item


def _reason_for_post(m: re.Match[str]) -> str:
    """The item as the name and its reason in brackets, when the bracket named only a post."""
    return f"({m['r']})" if only_who_or_where(m["who"]) else m.group()


def _read_list(text: str, line: Line, finder: PersonFinder) -> list[Absentee]:
    """The absentees of the list after a head: a known shape, else the reading naming more
    people of the roster reading and the item reading."""
    text = _INNER_HEAD.sub("", text)  # 缺席人员及原因:缺席情况:(1)甲,事假: the head said twice
    if excepted := _excepted_in(text, line, finder):
        return excepted  # 缺席人员及原因:除了休产假的甲,其他同志都来了
    first = _LEADING_ORDINAL.match(text)  # 1.甲(产假)2.乙(…): the first number opens the list
    if len(_INLINE_ORDINAL.findall(text)) + bool(first) >= 2:
        text = _INLINE_ORDINAL.sub(";", text[first.end() if first else 0 :])
    text = _POST_THEN_REASON.sub(_reason_for_post, _without_bare_ordinals(text, line))
    if ";" in text:
        text = ";".join(_without_front(item) for item in text.split(";"))
    if "、" in text:
        text = _KIN_AFTER_NAMES.sub("", text)
    text = _KIN_BETWEEN.sub("和", text)  # 甲和他老婆乙跟车去…: 甲和乙
    text = _AND_NAMES.sub(lambda m: _names_listed(m, finder), text)
    if any(_shared_by_count(part, finder, line) for part in text.strip("。").split(";")):
        return _items(text, line, finder, listed=True)  # 甲,乙,丙(三人上中班);丁(婚假)
    shaped = _shaped(text, line, finder)
    items = _items(text, line, finder, listed=True)
    if shaped and len(items) > len(shaped) and all(a.reason for a in items):
        return items  # 工艺员甲在…,计划员乙休婚假,铆焊班长丙上中班: every item a name and its reason
    read = shaped or _more(_by_roster(text, line, finder), items)
    told = _told_among(text, line, finder)  # 甲和乙,其中甲病假…: the names, then their reasons by name
    more = len(told) > len(read) or (len(told) == len(read) and not all(a.reason for a in read))
    return told if told and more else read


def _told_among(text: str, line: Line, finder: PersonFinder) -> list[Absentee]:
    """The names before ``,其中`` with the reasons the clauses after it give them by name (甲和乙,其中甲
    病假,乙…); none when no clause after it names one of them (甲、乙,其中1人病假: the others' count)."""
    names, among, _ = text.partition(",其中")
    pieces = re.split(r"[、和及与]", names)
    if len(pieces) > 1 and all(guess_name(p) == p or finder.resolve(p) for p in pieces):
        names = "、".join(pieces)  # 甲和乙: two names
    listed = _read_list(names, line, finder) if among else []
    if not listed or any(a.reason for a in listed):
        return []
    told = among_reasons(text, [a.name for a in listed if a.name])
    return (
        [Absentee(a.name, clean_reason(told.get(a.name or "")), a.evidence) for a in listed] if told else []
    )


# a second head right after the first (a form's label, then the writer's own): 缺席情况: / 请假名单:
_INNER_HEAD = re.compile(r"^(?:缺席|请假|未到会?|缺会|缺勤)(?:人员|党员)?(?:情况|名单)(?:及原因|及事由)?:")


# two names joined by 和 before the bracket they share: 甲和乙(双驾跑乌鲁木齐线)
_AND_NAMES = re.compile(
    r"(?:(?<=[、:;,])|^)(?P<a>[\u4e00-\u9fff]{2,4}?)(?:和|与|及)(?P<b>[\u4e00-\u9fff]{2,4})(?=\()"
)


def _names_listed(m: re.Match[str], finder: PersonFinder) -> str:
    """``甲和乙`` as ``甲、乙`` when both are names, so the list reads each of them."""
    both = all(_one_name(x, finder) for x in (m["a"], m["b"]))
    return f"{m['a']}、{m['b']}" if both else m.group()


def _one_name(text: str, finder: PersonFinder) -> bool:
    hits = finder.find(text)
    return bool(hits and hits[0].name == text) or guess_name(text) == text


# a register's row number before a name and its colon: 8号吉永康: / 15号伍嘉懿,
_SEAT_NUMBER = re.compile(r"(?:^|(?<=[;,、(]))\d{1,3}号(?=[\u4e00-\u9fff]{2,4}[:,])")


def _without_seat_numbers(line: Line) -> Line:
    """A list's items without the register's row number before each name (请假2人(8号吉永康:在海南…;
    15号伍嘉懿:腰扭伤,病假))."""
    norm = _SEAT_NUMBER.sub("", line.norm)
    return line if norm == line.norm else dataclasses.replace(line, norm=norm)


def _without_bare_ordinals(text: str, line: Line) -> str:
    """Items numbered 1, 2, 3… with the number glued to the name (①杭德淼——…;②邬翠兰——…, the circled
    numbers normalised to digits): the numbers taken off, when every item has the next one, or the
    first item's when the line wrote it circled (the next lines lose theirs as list items)."""
    items = text.split(";")
    numbers = [re.match(r"(\d{1,2})(?=[\u4e00-\u9fff])", item) for item in items if item.strip("。")]
    numbered = len(numbers) >= 2 and all(m is not None and int(m[1]) == k for k, m in enumerate(numbers, 1))
    if not numbered and not (numbers and numbers[0] and numbers[0][1] == "1" and "①" in line.text):
        return text
    return ";".join(re.sub(r"^\d{1,2}(?=[\u4e00-\u9fff])", "", item) for item in items)


def _with_continuation(
    found: list[Absentee], after: list[Line], finder: PersonFinder, head: str
) -> list[Absentee]:
    """The sentences a list was continued into are evidence of its absentees too (so they are not
    taken for reasons written elsewhere)."""
    joined = _continued(head, after, finder)
    used = [Evidence.of(ln.span, ln.text) for ln in lines_used(len(head), after, len(joined))]
    return [Absentee(a.name, a.reason, [*a.evidence, *used]) for a in found] if used else found


def _opens_with_name(text: str, finder: PersonFinder) -> bool:
    """The sentence begins with a person: a roster name, or without one a guessed name (after an
    item's ordinal and the person's unit or title: 一是党政办柯小雨,事假 / 二是护士长李四,进修)."""
    text = person_head(text)
    hits = finder.find(text)
    job = _JOB_FRONT.match(text)  # 柜员孟晓光在…
    if hits:  # (连结员蒙子航,在…: the roster's name after the job)
        return hits[0].start == 0 or (job is not None and hits[0].start == job.end())
    return _starts_with_guess(text) or (job is not None and _starts_with_guess(text[job.end() :]))


# ①…⑩ normalise to digits: 1童卫东下乡… / (2)仇丹丹,产假 (not the 3 of 3人请假)
_ITEM_ORDINAL = re.compile(
    r"^(?:[一二三四五六七八九十]是|另一(?:位|人|名)?是|[①②③④⑤⑥⑦⑧⑨⑩]|\(\d{1,2}\)"
    r"|\d{1,2}[、.)](?=[\u4e00-\u9fff])|\d{1,2}(?![人名位个次天日月年号项条])(?=[\u4e00-\u9fff]))"
)


# the members' group a person is listed under: 退休党员 包长林(…) / 流动党员马某(…)
_MEMBER_GROUP = re.compile(r"^(?:离退休|退休|离休|在职|预备|流动|老|正式)党员,?(?=[\u4e00-\u9fff]{2})")


_SHIFT = re.compile(r"^(?:早|中|晚|夜|白|大夜|小夜|值|倒|轮|连|跟)班")


def person_head(text: str) -> str:
    """``text`` from the person it opens with: without an item's ordinal, a members' group, a unit
    and titles."""
    text = strip_titles_front(_MEMBER_GROUP.sub("", _ITEM_ORDINAL.sub("", _PART_LEAD.sub("", text))))
    if (cohort := COHORT.match(text)) and len(text) > cohort.end() + 1:  # 2021级喻蓁在…支教 / 研二X
        text = strip_titles_front(text[cohort.end() :])
    if (unit := _UNIT_BEFORE.match(text)) and not _starts_with_guess(text) and not _SHIFT.match(text):
        # (陆家齐所在…: no unit; 夜班连班(…): a shift, the reason, no unit)
        text = strip_titles_front(text[unit.end() :])
    if (party := _PARTY_PLACE.match(text)) and not _starts_with_guess(text):  # 发展对象岑木(…)
        text = text[party.end() :]
    if (
        (job := _JOB_FRONT.match(text))
        and not _starts_with_guess(text)
        and _starts_with_guess(text[job.end() :])
    ):
        text = text[job.end() :]  # 麻醉医师汪辰旸——… / 行车调度石浩然: a job before the name
    return text


_ROW_MARKS = frozenset("—-–~:(")  # what sets a row's name apart from its reason (not a comma of prose)


def _starts_with_guess(text: str) -> bool:
    head = re.split(r"[,:(、;。\-—–~/\s]", text, maxsplit=1)[0]
    if (2 <= len(head) <= 4 or re.search(NAME_DOT, head)) and guess_name(head) == head:
        return True  # (阿依扎提·别克(药剂科): a dotted name of any length)
    marks = _ROW_MARKS | ({","} if text.rstrip("。").endswith(";") else set())  # (甲,病假; a row cut at ;)
    if text[len(head) : len(head) + 1] in marks and named_alone(head) == head:
        return True  # 水家富——在福建打工: a name of an everyday surname set apart by its row's mark
    name, reason = guess_glued(head)  # 厍海燕病假: the name glued to its reason (spaces dropped)
    return name is not None and reason is not None and head.startswith(name)


def _items(text: str, line: Line, finder: PersonFinder, listed: bool = False) -> list[Absentee]:
    """Absentees from an enumeration: 张三(病假)、李四(出差) / 张三休产假、李四值班 / 张三,因公外出;李四,病假
    / 张三、李四(都是请假). ``listed``: the enumeration is an absentee list's (after its head), so an
    item written ``X(reason)`` names X even when no surname anchors it (格桑(转场), 海来伍合(在外务工))."""
    text = _LEAD_WORDS.sub("", text.strip("。."))
    text = _COUNT_HEAD.sub("", text)  # 缺席三人(张三出差、…) / 缺席2人:…
    if text.startswith("(") and text.endswith(")"):
        text = text[1:-1]
    ev = [Evidence.of(line.span, line.text)]
    shared = _SHARED.match(text)
    if shared:  # 甲、乙均… (not the 都 of 成都 in 甲送样品到成都参加…: each part a name and nothing else)
        items = [_split_item(p, finder, line) for p in re.split(r"[、,;和及与]+", shared["names"])]
        if items and all(name and not why for name, why in items):
            return [Absentee(name, clean_reason(shared["r"]), list(ev)) for name, _ in items]
    text = re.sub(r"\)(?=[\u4e00-\u9fff]{2})", ")、", text)  # A(跟台)B(门诊坐诊): items run together
    if ";" not in text and (
        counted := _shared_by_count(text, finder, line) or _counted_then_why(text, finder, line)
    ):
        return counted
    parts = (
        re.split(r";", text)
        if ";" in text
        else _reasons_joined(re.split(r"[、,/]+(?![^()]*\))", text), finder)
    )
    out = []
    for part in parts:
        if counted := _shared_by_count(part, finder, line):
            out.extend(counted)
            continue
        name, reason = _split_item(part, finder, line)
        whole, why = _bracketed_item(part) if listed else (None, None)
        prefix = whole[: -len(name)] if whole and name and whole.endswith(name) else ""
        if whole and (name is None or (prefix and not finder.roster and not _JOB_END.search(prefix))):
            name, reason = whole, why  # 海来伍合(在外务工): the whole name, not 伍合 found inside it
        if name is not None:
            out.append(Absentee(name, clean_reason(reason), list(ev)))
    return out


# the kin of the person before, named after: 甲和他老婆乙 / 甲与她爱人乙
_KIN_BETWEEN = re.compile(
    r"(?<=[\u4e00-\u9fff])(?:和|与|跟)(?:他|她)的?(?:老婆|爱人|妻子|丈夫|老公|媳妇|儿子|女儿|哥哥|弟弟|姐姐|妹妹)"
    r"(?=[\u4e00-\u9fff]{2})"
)
# an item's words leading to the next people of the list: 还有俩,甲、乙兄弟在宁波打工 / 另有2人,…
# (a count then more words counts the unnamed: 另有2名高龄党员由家属代为请假)
_PART_LEAD = re.compile(
    rf"^(?:另有|另外|此外|还有|以及)(?:(?:{NUM}[个名位人]?|俩|仨)(?:人|名|位)?[,:]|[,:]?)"
)


# names, then one bracket counting them with their shared reason: 甲,乙,丙(三人上中班) / 甲、乙(以上2人均出差)
_SHARED_COUNTED = re.compile(
    rf"^(?P<names>[^()]+?)\((?:以上|上述)?(?P<n>{NUM}){_U}(?:同志|党员)?(?:都是|均为|均是|均系|均|都)?(?P<r>[^()]{{1,24}})\)$"
)


def _shared_by_count(text: str, finder: PersonFinder, line: Line) -> list[Absentee]:
    """The names before a bracket that counts them share its reason, when the count is theirs."""
    m = _SHARED_COUNTED.match(text.strip(",、 "))
    return _count_shared(m, finder, line, r"[、,和及与]+") if m is not None else []


def _counted_then_why(text: str, finder: PersonFinder, line: Line) -> list[Absentee]:
    """The names before their count, glued to the last name, share the reason after it, when the count
    is theirs (甲、乙、丙三位老党员因病在家)."""
    m = _COUNTED_THEN_WHY.match(text.strip(",、 "))
    if m is None or not REASON_START.match(m["r"]):
        return []
    found = _count_shared(m, finder, line, r"[、和及与]+")
    return found if len(found) > 1 else []


def _count_shared(m: re.Match[str], finder: PersonFinder, line: Line, apart: str) -> list[Absentee]:
    """Each of the match's names (apart by ``apart``) with its reason, when they are as many as its count."""
    items = [_split_item(p, finder, line) for p in re.split(apart, m["names"])]
    names = [name for name, _ in items]
    if not names or not all(names) or any(why for _, why in items) or to_int(m["n"]) != len(names):
        return []  # (甲、乙——在市场守摊(两人合一个摊位): their reason before the bracket, the bracket an aside)
    return [Absentee(n, clean_reason(m["r"]), [Evidence.of(line.span, line.text)]) for n in names if n]


# names, the last glued to their count, then the reason they share: 甲、乙、丙三位老党员因病在家
_COUNTED_THEN_WHY = re.compile(
    r"^(?P<names>[^()]+?[\u4e00-\u9fff])(?P<n>[两二三四五六七八九十\d]{1,2})(?:个|位|名)(?:老)?(?:同志|党员|人)?"
    r"(?:都|均)?(?P<r>[^()]{2,30})$"
)


def _reasons_joined(parts: list[str], finder: PersonFinder) -> list[str]:
    """Items cut at every comma: when each person is followed by a reason that is no person
    (黎建新,值班备勤 / 张三,病假、李四,出差), each reason, with the pieces after it up to the next
    person (甲,回娘家去了,跟书记说过), goes back to the person before it."""
    person = [bool(finder.find(p)) or _starts_with_guess(person_head(p)) for p in parts]
    reason = [
        not person[i] and bool(REASON_START.match(p) or _LEAVE_WORDS.search(p)) for i, p in enumerate(parts)
    ]
    starts = [i for i, p in enumerate(person) if p]
    if not starts or starts[0] != 0 or not all(i + 1 < len(parts) and reason[i + 1] for i in starts):
        return parts
    ends = [*starts[1:], len(parts)]
    return [",".join(parts[i:j]) for i, j in zip(starts, ends, strict=True)]


# an item of an absentee list: a name of two to eight characters (a middle dot allowed), its reason in brackets
_BRACKETED_ITEM = re.compile(
    rf"^(?P<name>[\u4e00-\u9fff]{{2,6}}(?:{NAME_DOT}[\u4e00-\u9fff]{{1,8}})?)\((?P<reason>[^()]{{2,40}})\)$"
)


def _bracketed_item(part: str) -> tuple[str | None, str | None]:
    m = _BRACKETED_ITEM.match(after_last_title(person_head(part.strip(",、 "))))
    if m is None or not _item_name(name := _without_job(m["name"])):
        return None, None  # (年休假(回贵州老家) is a reason and its note, not a name)
    return name, m["reason"]


def _item_name(name: str) -> bool:
    return not (
        name in NOT_NAMES or _NOT_A_NAME.search(name) or reasonish(name) or len(name) > MAX_PLAIN_NAME
    )


def _without_job(name: str) -> str:
    """``name`` without a job of the trade written before it (记者甲 / 摄影记者乙 / 编辑丙: the name
    after the job), when what follows the job is a name by its surname."""
    if guess_name(name) == name:
        return name
    for k in range(2, len(name) - 1):
        rest = name[k:]
        if re.fullmatch(rf"{_JOB_WORD}(?:党员)?", name[:k]) and guess_name(rest) == rest:
            return rest
    return name


MAX_PLAIN_NAME = 4  # characters of a name without a middle dot (a longer run holds a job or a unit)


# the end of a job written before a name (园医潘晓, 班长李四): what is left of an item once its name
# is taken out, when the name was guessed inside it
_JOB_END = re.compile(r"[医师员长工生记任导官士监警]$")
# what an absentee list's item is not: a count, a unit, a place, a time
_NOT_A_NAME = re.compile(r"[人名位个次天月年号室部处科组队站所院校局厂村镇乡]$|其他|其余|以上|共计|合计")


def _split_item(part: str, finder: PersonFinder, line: Line) -> tuple[str | None, str | None]:
    """A name and the reason glued to it: 张三(病假) / 张三休产假 / 张三同志在外培训 / 张三,因公外出."""
    raw = _LEAD_WORDS.sub("", part.strip(",、 "))
    part = person_head(raw)
    m = _ITEM.match(part)
    if m and m["name"] and "," not in m["name"]:  # (柴有田,工伤休养(左腿骨折): the comma parts them)
        hit = finder.resolve(m["name"], fuzzy=line.span.via == "ocr")
        if hit is not None or "," in part or not (glued := guess_glued(strip_titles_front(part)))[0]:
            return (hit.name if hit else None), m["reason"]
        return glued  # 严小满外出打工(浙江): the bracket is the reason's, not the item's
    if "," in part:
        name, reason = part.split(",", 1)
        hit = finder.resolve(name, fuzzy=line.span.via == "ocr")
        return (hit.name if hit else None), reason
    hits = finder.find(part)
    if hits and hits[0].start <= 6:
        return hits[0].name, _reason_after(part[hits[0].end :])
    glued = guess_glued(strip_titles_front(part))
    if glued[0] is None and (job := _JOB_FRONT.match(raw)) is not None:
        return guess_glued(raw[job.end() :])  # 工艺员冼志宏在广州…: a job of the trade before the name
    return glued


# a job written before an absentee's name that is no title of the list (工艺员, 铆焊班长, 列车长, 客户经理, 柜员)
# (a rank before it, 党员 after it: 三级警长X / 审判员党员X / 巡道工X)
_JOB_WORD = (
    r"(?:[一二三四五六七八九十]级)?(?:[\u4e00-\u9fff]{1,5}?(?:员|工|师)|[\u4e00-\u9fff]{0,4}?"
    r"(?:工长|班长|组长|值长|警长|车长|乘务长|站长|船长|机长|队长|助理|经理|主任|师傅|司机|调度|医生|护士|[大二三]副|[大二三]管轮|水手"
    r"|记者|编辑|校对|主播|演员|会长|主管|总监|运维|销售|骑手|督导|民警|辅警|法官|检察官|会计|出纳|摄像|摄影))"
)
_JOB_FRONT = re.compile(
    rf"^{_JOB_WORD}(?:党员)?,?(?=[\u4e00-\u9fff]{{3}}|[\u4e00-\u9fff](?![员工师长])[\u4e00-\u9fff](?![\u4e00-\u9fff]))"
    # (调车长 时家骏: the gap read as a comma; 电机员宋新, a two-character name ending the item, not 测试工|程师)
)
# a list's separator and the next person's job ending the gap before that person: 郗志远、法警付振江外出执行 /
# 冼志宏在广州调试设备,计划员廖春梅休婚假 (the job is no reason, nor part of one)
_SEPARATOR_JOB = re.compile(rf"(?P<sep>[、和及与,;])(?:{_JOB_WORD}|{TITLE_PATTERN})(?:党员)?$")
# ... or the next person's unit: 冯晶、手术室路遥、儿科甘露 (the department is no reason, nor part of one)
_SEPARATOR_UNIT = re.compile(rf"(?P<sep>[、和及与])(?![在去到赴回住])[\u4e00-\u9fff]{{1,5}}?{_UNIT_END}$")
# 和 before the next person's job: 收费员邹佳佳、谢雨萌和监控员刘志坚 (two items, not one)
_AND_JOB = re.compile(rf"(?<=[\u4e00-\u9fff]{{2}})(?:和|及|与)(?={_JOB_WORD}[\u4e00-\u9fff]{{2}})")


@lru_cache(maxsize=8192)
def strip_titles_front(part: str) -> str:
    """``part`` without the titles it opens with, one after another (党员医师甲外出…: 甲外出…); a
    title is kept whole (总工程师 is no 总工 and 程师)."""
    part = part[numbered_head_end(part) :]  # 一班长黄志强: a numbered unit's head
    while part not in TITLE_WORDS and (
        title := next((t for t in TITLES if part.startswith(t) and len(part) > len(t) + 1), None)
    ):
        part = part[len(title) :]
    return part


def guess_glued(part: str) -> tuple[str | None, str | None]:
    """No roster: a surname-anchored name of two or three characters, the rest a reason; a name
    with its middle dot ends where a reason begins (古丽扎尔·艾山因在卡口执勤)."""
    token = _DOTTED_TOKEN.match(part)
    if (
        token
        and minority_name(name := strip_titles(token["name"])) == name
        and not re.search(rf"(?:{_AWAY_ACT}|请[了过]?假)$", name)  # (买买提·艾力请假: the act is no part)
    ):
        return name, _reason_after(part[token.end() :])  # 热依汗古丽·阿不都拉,到…: up to the comma
    if dot := re.search(NAME_DOT, part):
        for end in range(dot.end() + 1, min(len(part), dot.end() + 8)):
            rest = _reason_after(part[end:])
            name = _DOT_UNIT.sub("", strip_titles(part[:end]))  # 民警党员古丽扎尔·艾山 / 二队迪力夏提·吾斯曼
            if rest is not None and REASON_START.match(rest) and minority_name(name) == name:
                return name, rest
    for end in range(min(len(part) - 1, 8), 1, -1):  # 扎西顿珠在北边牧场放牧: the longest parts name
        name, rest = part[:end], _reason_after(part[end:])
        if rest is not None and REASON_START.match(rest) and minority_name(name) == name:
            shorter = name[:-1]  # 依香跟家里人…: 依香, 跟家里人 (the name does not take the reason's verb)
            if REASON_START.match(part[end - 1 :]) and minority_name(shorter) == shorter:
                return shorter, _reason_after(part[end - 1 :])
            return name, rest
    rest = _reason_after(part[3:]) if part[:1] in GLUED_RARE_SURNAMES else None
    if rest and REASON_START.match(rest) and named_alone(part[:3]) == part[:3]:
        return part[:3], rest  # 者永刚在山上抢修…: a three-character name of a rare surname
    sizes = (3, 4) if part[:2] in COMPOUND_SURNAMES else (2, 3)
    for size in sizes:  # the shortest name after which a reason begins
        name, rest = part[:size], _reason_after(part[size:])
        # 时差原|因请假: 原因 is one word; 漆雁|回(…): 回 is the name's last
        split_word = (
            bool(_WORD_ACROSS.match(part[size - 1 : size + 1]))
            or _last_of_name(part[size:])
            or re.match(_AWAY_ACT, part[size - 1 :]) is not None  # 周岚未|到: the name ends before 未到
        )
        if guess_name(name) == name and rest is not None and REASON_START.match(rest) and not split_word:
            return name, rest
    for size in sizes:  # 景亮-押解在途 / 颜宏斌:去省厅报送材料: a mark after the name, any reason
        name, rest = part[:size], _reason_after(part[size:])
        is_count = rest is not None and re.match(r"\d", rest) is not None  # 应到:33人 is no item
        if part[size : size + 1] in _ITEM_MARKS and guess_name(name) == name and rest and not is_count:
            return name, rest
    if (away := _AWAY_HEAD.match(part)) and guess_name(away[1]) == away[1]:
        why = _reason_after(part[away.end() :])  # 周岚未到会,因公出差 / 周岚未到: the name before its absence
        if why is None or reasonish(re.sub(r"^(?:均|都)", "", why)):  # (not 周岚未能参会,会前已提交…)
            return away[1], why
    whole = guess_name(part)
    return (whole, None) if whole == part else (None, None)


def _last_of_name(rest: str) -> bool:
    """A word that needs a place or a person after it (回 在 去 …) with none: the last character of a
    longer name (漆雁回(…)), not the start of a reason (but 冷志坚病 is 冷志坚, ill)."""
    return rest[:1] in _NEEDS_OBJECT and rest[1:2] in ("", *"(、,;。")


_NEEDS_OBJECT = frozenset("回在去赴随带陪跟给因")


_ITEM_MARKS = ("-", "—", "–", "~", ":")
# a squad or a group before a dotted name (二队迪力夏提·吾斯曼)
_SQUAD = r"[一二三四五六七八九十\d]{1,2}(?:中队|分队|队|组|班|连)"
_DOT_UNIT = re.compile(rf"^{_SQUAD}")
# a dotted name standing as a whole token, after its unit if any (二队迪力夏提·吾斯曼,…): the name is the token
# (its last part a father's name of up to four characters: 阿不都拉, 努尔兰)
_DOTTED_TOKEN = re.compile(
    rf"^(?:{_SQUAD})?"
    rf"(?P<name>[\u4e00-\u9fff]{{1,8}}{NAME_DOT}[\u4e00-\u9fff]{{1,4}})(?=[,;。、(]|$)"
)
# words a name and its reason would cut in two (时差原因请假 is no name 时差原 and reason 因请假)
_WORD_ACROSS = re.compile(r"原因|起因|诱因|基因|无故|无法")


def _reason_after(rest: str) -> str | None:
    rest = re.sub(rf"^(?:{NUM}[位名])?(?:同志|老师|老党员|党员)", "", rest)  # 张三、李四两位同志因病
    rest = re.sub(rf"{_PAIR_REASON.pattern}(?=[\u4e00-\u9fff])", "", rest)  # 甲、乙(两)兄弟在宁波务工
    rest = strip_titles_front(rest).strip(",、()").lstrip("-—–~:")  # 符思岑-夜班后补休
    return rest or None


_PRESENT_BEFORE = re.compile(
    r"(?:参会|参加|出席|到会|与会|实到)(?:会议|活动)?的?(?:人员|党员|同志|名单)?(?:有|为|是)?:"
)


# 除在外地调查的A、B两位同志外,其余14名党员全部参加: those excepted were absent, for the reason before them
_EXCEPTED_FROM_ALL = re.compile(
    rf"除(?:(?P<body>[^,;。]{{2,40}}?)(?:{NUM}(?:位|名|人))?(?:同志|党员)?(?:以外|之外|外),?(?:支部)?(?:其余|其他|其它|另外)?"
    rf"|了(?P<body2>[^;。]{{2,60}}?)(?:{NUM}(?:位|名|人))?(?:同志|党员)?,(?:支部)?(?:其余|其他|其它|另外))"
    rf"(?:{NUM}{_U})?(?:党员|同志)?(?:均|都|全部|全都|悉数)?(?:按时)?(?:参加|出席|到会|参会|到场|到了现场|到了|来了)了?"
    r"(?:本次|此次|这次)?(?:会议|活动|大会|学习|主题党日(?:活动)?)?(?=[,;。]|$)"
)


def _excepted_in(text: str, line: Line, finder: PersonFinder) -> list[Absentee]:
    m = _EXCEPTED_FROM_ALL.search(text)
    if m is None:
        return []
    body = m["body"] or m["body2"]
    items = re.split(r"、|,|和|及", body)
    if (len(items) > 1 or m["body2"]) and all("的" in item for item in items):
        return _excepted_items(items, line, finder)  # 在外学习的A、因公出差的B和值班的C: each its own
    if m["body2"]:
        return []  # (除了…,其他…来了 is read only when every one excepted has their reason before them)
    why, _, who = body.rpartition("的")  # 在外地调查的|A、B: the reason, then the names
    found = _by_roster(who, line, finder) or _by_roster(after_last_title(who), line, finder)
    if not found:
        return []
    reason = clean_reason(why) if why else None
    return [Absentee(a.name, a.reason or reason, a.evidence) for a in found]


def _excepted_items(items: list[str], line: Line, finder: PersonFinder) -> list[Absentee]:
    """Exceptions each written as reason 的 name: every name with the reason before it, or none when
    an item names nobody."""
    out: list[Absentee] = []
    for item in items:
        why, _, who = item.rpartition("的")
        found = _by_roster(who, line, finder) or _by_roster(after_last_title(who), line, finder)
        if len(found) != 1:
            return []
        out.append(Absentee(found[0].name, clean_reason(why), found[0].evidence))
    return out


# 缺席的巫立群是当天值守的值班领导 / 另有1名(宁晓冬)在外地实习: who, then why, in one clause
_WHO_THEN_WHY = re.compile(
    r"(?:缺席|未到会|未参会|未参加)的(?:党员|同志)?(?P<x>[^,;。是因系()]{2,8}?)(?:同志)?(?:是|系|因为?)(?P<r>[^,;。]{2,30})"
    rf"|另有{NUM}(?:名|人|位)(?:党员|同志)?\((?P<y>[^()]{{2,16}})\)(?!列席|参加|出席|旁听)(?P<s>[^,;。]{{2,24}})"
)


def _who_then_why(line: Line, finder: PersonFinder) -> list[Absentee]:
    m = _WHO_THEN_WHY.search(line.norm)
    return _named_with_reason(m["x"] or m["y"], m["r"] or m["s"], line, finder) if m else []


def _named_with_reason(who: str, why: str | None, line: Line, finder: PersonFinder) -> list[Absentee]:
    """The people of ``who`` (an enumeration), each with the reason ``why``, quoting ``line``."""
    reason = clean_reason(why)
    return [Absentee(n, reason, [Evidence.of(line.span, line.text)]) for n in finder.names_in_list(who)]


# 都来了,就差X,他去西宁给…办住院: the one missing, said aloud; the reason in the next clause,
# opened by the person's pronoun
_ONLY_MISSING = re.compile(
    r"(?:^|[,;])(?:就|只|还|仅)(?:差|缺)(?:了)?(?P<x>[^,;。]{2,12}?)(?:一个人?|一人|1人)?(?:没来|没到)?"
    r"(?:,(?:他|她)(?:是)?(?P<r>[^,;。]{2,30}))?(?=[,;。]|$)"
)


def _only_missing(line: Line, finder: PersonFinder) -> list[Absentee]:
    m = _ONLY_MISSING.search(line.norm)
    if m is None:
        return []
    said = m["r"] and (
        REASON_START.match(m["r"]) or not (_CAME_AFTER_ALL.search(m["r"]) or _OTHER_ACT.search(m["r"]))
    )
    return _named_with_reason(m["x"], m["r"] if said else None, line, finder)


# what the clause after 就差X,他… says when it tells no reason: that the person came after all
_CAME_AFTER_ALL = re.compile(r"到了|来了|赶到|赶来|迟到|晚到|补签|随后|后来")


# 应到15人,实到13人,张三、李四因公外出: the names after the counts, with their reason
_AFTER_COUNTS = re.compile(rf"(?:实到|到会|出席|参会)[^,;。]{{0,4}}?{NUM}{_U}?,(?P<body>[^;。]{{3,40}})")


def _after_counts(line: Line, finder: PersonFinder) -> list[Absentee]:
    m = _AFTER_COUNTS.search(line.norm)
    if m is None or not _opens_with_name(m["body"], finder) or _OTHER_ACT.search(m["body"]):
        return []
    found = _by_roster(m["body"], line, finder)
    reasons = [a.reason for a in found]
    return (
        found
        if found and all(r and REASON_START.match(r) and not _ALL_CAME.match(r) for r in reasons)
        else []
    )


# the names after the counts are those who came: 应到5人实到5人,甲、乙、丙都到了
_ALL_CAME = re.compile(r"(?:都|均|全|全部|也)?(?:到了|来了|到齐|到会|到场|参加了|出席了|在场)")


_ATTENDED_BEFORE = re.compile(r"(?:参加|出席|到会|参会|在场|列席)$")


def _prose_absentees(line: Line, finder: PersonFinder) -> list[Absentee]:
    if (
        found := _excepted_in(line.norm, line, finder)
        or _who_then_why(line, finder)
        or _only_missing(line, finder)
        or _after_counts(line, finder)
    ):
        return found
    for m in _GLUED.finditer(line.norm):
        found = _items(m["body"], line, finder)
        if found:
            return found
    for m in _BEFORE_ACT.finditer(line.norm):
        after = line.norm[m.end() :]
        heads = _CUE_HEADS.match(after) and not (
            after.startswith(",") and not _opens_with_name(after[1:], finder)
        )
        if heads or _PRESENT_BEFORE.search(m["body"]) or _NOBODY_AWAY.match(after):
            continue  # 参加人员:A、B缺席人员及原因:… (a list head after the names: they attended)
        if _COUNT_OF_OTHERS.search(m["body"]):
            continue  # A、B、C其中2人请假: the count's people are not named
        body = m["body"].rsplit(",", 1)
        text = m["body"] if len(body) == 1 or ("、" in m["body"] and "、" not in body[-1]) else body[-1]
        if text != body[-1] and _opens_with_name(body[-1], finder) and _ATTENDED_BEFORE.search(body[0]):
            text = body[-1]  # 严文婷、马骏参加,宣传委员乔丹丹随医院下乡巡诊,没参加: the last clause's person
        found = _items(text, line, finder)
        if found:
            return found
    return []


# a student's grade or class written first in the bracket of a reason: 研二, 大三, 2019级税收学, 计科1902,
# 汽修2101班
# the post written first in the bracket, then the reason: 杭德全(副总工程师,在甘肃风电项目现场)
_POST_IN_BRACKET = re.compile(rf"\([\u4e00-\u9fff]{{0,6}}?(?:{TITLE_PATTERN})[,、](?=..)")
_CLASS_FIRST = re.compile(
    r"^(?:[研博大高初][一二三四五]|(?:19|20)?\d{2}级[\u4e00-\u9fff]{0,8}|[\u4e00-\u9fff]{1,4}\d{3,4}"
    r"[\u4e00-\u9fff]{0,4}?班?)[,、](?=..)"
)


# when and to whom the leave was asked, closing a reason once 请假 is taken off: …,均已提前 / 病假,已 /
# …,会前已向书记 (a 都 or 均 alone only after a comma: not the 都 of 成都)
# a last clause saying only that, and when or how, the leave was asked (他是提前请了假的 / 前天打电话请过假 /
# 都提前在群里说过了)
# how an absentee let the branch know, before what they said (开会前给我打电话,说… / 在群里发消息说…)
TELLING_ACT = r"(?:打(?:了|过)?(?:个)?电话|发(?:了|过)?(?:微信|消息|短信)|在(?:微信)?群里)"
_TOLD_TAIL = re.compile(
    r"(?<=..),[他她]?(?:是|也)?(?:都|均)?(?:会前|提前|事先|前天|昨天|头天|早就|早)?(?:就)?(?:已|已经)?"
    rf"{TELLING_ACT}?(?:跟|向|和)?[^,;。]{{0,4}}?"
    r"(?:请[了过]?假|请过假|打过招呼|打了招呼|说过了|说过|说了|讲过|讲了)(?:的|了)?$"
)
# the telling alone, its leave taken off as the cue: …,前天打电话 / …,会前给我发了微信
_TELLING_TAIL = re.compile(
    r"(?<=..),[他她]?(?:会前|提前|事先|前天|昨天|头天|早就|早)?(?:就)?(?:已|已经)?(?:[跟向给][^,;。]{1,4}?)?"
    rf"{TELLING_ACT}$"
)
_ASKED_TAIL = re.compile(
    r"(?:,(?:均|都)?(?:会前|已于会前)?(?:已|已经)?(?:提前|事先|按规定|按程序)?(?:向[^,]{1,8}?|[跟给](?:我|[^,]{0,4}?书记|支部))?"
    r"|(?:均|都)?(?:会前|已于会前|已|已经|提前|事先)+(?:向[^,]{1,8}?)?)$"
)


# the pair a reason opens with, before what they do (兄弟在浙江…; 兄弟俩回老家 is said of the pair, and kept)
_KIN_FIRST = re.compile(rf"^{_PAIR}(?=[在去到赴因回随跟])")


_TELLING = re.compile(rf"^[^,;。]{{0,10}}?{TELLING_ACT}[^,;。]{{0,6}}?,?(?:说|讲)(?=[^,;。]{{2}})")


# a reason quoted from a leave note: 写的是“因公出差” / “本人家中有事,特请假” (the note's words, less its formula)
_QUOTED = re.compile(
    r"^(?:[^,;。“”]{0,6}?(?:写的是|写着|写明|写道|称|:))?“(?:本人|我)?(?P<r>[^“”]{2,30}?)"
    r"(?:,?(?:特此|特|现|故)?(?:请假|申请请假|请假一次)[^“”]{0,6})?”?$"
)


def clean_reason(reason: str | None) -> str | None:
    if not reason:
        return None
    reason = re.sub(
        r",?其中$", "", reason.strip("()（）[]【】。., /")
    )  # 甲、乙,其中…: the next clause's word
    if _SAYS_NONE.fullmatch(reason):
        return None  # 未请假 / 均未请假 / 没说为什么: said in the place of a reason (before any tail is cut)
    reason = re.sub(
        r"(?<=..)[,;]?(?:姓名|名字|名单)[:：]?$|(?<=..)[,;]第[一二三四五六七八九十\d]{1,3}(?:党小组|小组|组)[:：]?$",
        "",
        reason,
    )  # 事由:家中有事 姓名: / 事假;第二党小组: (the next row's label)
    if ")" in reason and "(" not in reason.split(")", 1)[0]:
        reason = reason.split(")", 1)[0]  # (万晓燕,产假),其余到齐: the bracket ends the reason
    if "|" in reason:  # 贺安|休产假|是 (姓名|事由|是否请假): the row's first cell after the name
        reason = next((cell.strip() for cell in reason.split("|") if cell.strip()), "")
    reason = re.sub(r"^[^,;。“”]{0,8}?,?备注:?“(?P<r>[^“”]+)”$", r"\g<r>", reason)  # 一栏未签,备注“病假”
    reason = _QUOTED.sub(r"\g<r>", reason)  # 写的是“因公出差” / “本人家中有事,特请假”: the note's own words
    reason = re.sub(r"(?<=..)[:|](?:是|否)$", "", reason)  # 休产假:是 (the 是否请假 column)
    reason = _dash_read_as_one(reason.lstrip("-—–~"))
    reason = (
        re.sub(r"^(?:是|系|属|为)(?=.)", "", reason) if REASON_START.match(reason[1:]) else reason
    )  # 是事假
    reason = re.sub(r"^(?:因为|由于)(?=..)", "", reason)  # 因为值班: the connective is no reason
    reason = re.sub(
        r"^[^;。因]{2,30}?并?(?:表示|说明|称|说)(?=因为?|由于)", "", reason
    )  # 委托家人转交了党费,并表示因身体原因(不能到场): what was said is why
    after_act = re.match(rf"^{_AWAY_ACT}[,:](?=..)", reason)  # (甲、乙)未到会,因公出差: the absence, then why
    reason = reason[after_act.end() :] if after_act else reason
    reason = re.sub(
        r"^(?:已|均已)?(?:书面|口头|电话|微信|短信)?请[了过]?假[,:](?=原因|理由|事由)", "", reason
    )  # 书面请假,事由:参加…培训: how the leave was asked, then why
    reason = re.sub(r"^(?:原因|理由|事由)?依次(?:为|是)?:?(?=.)", "", reason)  # 原因依次为:考研复试
    reason = re.sub(r"^(?:请假|缺席|未到)?(?:原因|理由|事由)(?:是|为|系)?:?", "", reason)  # 请假(原因:出差)
    reason = re.sub(r"^(?:已|均已)?请[了过]?假[,:](?=说是|是|为)", "", reason)  # 请了假,说是事假
    reason = _TELLING.sub("", reason)  # 开会前给我打电话,说家里母羊下羔,走不开: what was said
    reason = re.sub(
        r"^(?:(?:这回|这次|本次|此次)?(?:均为|均系|都是|都为|均是)|同为|同是|同系|说是|据说是?)(?=..)",
        "",
        reason,
    )  # 芮晓萍、盛佳(均为年休假) / 这回都是因公外出 / 说是病假
    reason = re.sub(
        r"^(?:均|都)(?=[在因去赴随带休住值出参病事][^,;。])|^均(?=[^,;。]{2})", "", reason
    )  # 甲、乙均在湖北支援抗疫 / 乙、丙(均年老体弱)
    reason = _KIN_FIRST.sub("", reason)  # 甲、乙兄弟在浙江做模具: the pair is no reason
    if _PAIR_REASON.fullmatch(reason):
        return None  # 甲、乙兄弟(未能到场): the pair they are, no reason
    reason = re.sub(rf"{_ALL_ABOVE}(?=..)", "", reason)  # A、B(以上2人均因公出差): 因公出差
    reason = re.sub(r"^请(?=[病事产婚丧年]假)", "", reason)  # 请事假: 事假
    reason = re.sub(r"^请假[-—–~]+(?=..)", "", reason)  # 李卫国(请假-参加县委党校中青班)
    reason = re.sub(rf"^(?:共|合计)?{NUM}{_U},?(?:均|都)(?:为|是|系)(?=..)", "", reason)  # (共3人,均为病假)
    reason = re.sub(
        r"^(?:老人(?!住院)|老同志|老党员)(?:均|都)?(?:因为|因|由于)?"
        r"(?=(?:均|都)?(?:因|由于)|在|已|今年|去年|上个?月|前几天|年事|年纪|年老|身体|腿脚|行动|住院|长期|常年)",
        "",
        reason,
    )  # 王某老人上个月做了心脏支架 / 甲、乙老同志均因年老体弱: what they are called is no reason (老人生病 is a parent's)
    reason = re.sub(
        r"^(?:[两二三四五六七八九十\d]{1,2})?(?:个|位|名)?人(?:都|均|也)(?=..)", "", reason
    )  # (韩雪、韩雪梅,)两个人都去省里…: the pair counted is no reason
    reason = re.sub(
        r"^(?:原因)?分别(?:为|是|系)?(?=[^、和]{2,}$)", "", reason
    )  # (原因)分别为出国… left to one of them: 出国… (a list of them is the respective reader's)
    reason = re.sub(
        r"^的(?=爱人|妻子|丈夫|老伴|父亲|母亲|孩子|儿子|女儿|老人|家人)", "", reason
    )  # 甲同志的爱人…
    reason = _CLASS_FIRST.sub("", reason)  # 程梓涵(计科1902,在北京实习): the class is no reason
    reason = re.sub(r"^(?:已|均已)?(?:请假|已请假)[,:;、](?=.)", "", reason)  # 张三(请假,病假): 病假
    reason = _ASKED_TAIL.sub("", reason)  # …,(会前)已提前(请假) (not the 都 of 成都)
    reason = re.sub(
        r"(?<=..)\((?:已|均已|经)?[^()]{0,8}?(?:报备|批准|备案|同意)\)?$", "", reason
    )  # …(已报备)
    reason = re.sub(
        r"(?<=.)(?:均|都)?(?:请[了过]?假|缺席|未能?(?:按时|准时)?(?:参加|参会|到会)|未到|未出席)"
        r"(?:本次|此次)?(?:会议|活动)?$",
        "",
        reason,
    )
    reason = re.sub(r"(?<=..)的(?:原因|缘故)$", "", reason)  # 值班的原因(没来)
    reason = re.sub(
        r"(?<=..),来不了$|(?<=..)(?:会议|活动|大会)由.*$", "", reason
    )  # …,来不了 / 因公外出(会议由…: the next line
    reason = re.sub(r"(?<=..)由[^,;。]{1,6}代为?(?:请假)?$", "", reason)  # …由家属代为(请假)
    reason = re.sub(
        r"(?<=..)(?:均已|已经?)(?:书面|口头|电话|微信|短信|当面)$", "", reason
    )  # 卧床(均已电话请假)
    reason = re.sub(
        r"(?<=..),(?:已|已经)?(?:较长时间|长时间|长期|很久|多次|一直)$", "", reason
    )  # …,已较长时间(未参加)
    reason = re.sub(r"(?<=..)(?:临时|提前|事先|只好|只能|不得不)$", "", reason)  # 家中有急事临时(请假)
    reason = re.sub(
        r"(?<=..),(?:本次|此次|这次|今天|今日|当天|当日)(?:会议|活动|学习)?$", "", reason
    )  # 轮岗至城西支行,本次(未参加): the act's time
    reason = re.sub(
        r"(?<=..),(?:都|均)?(?:没|未)(?:有|能)?来成?$|(?<=..),会后(?:已|已经)?补(?:签|交|办|写)[^;。]*$",
        "",
        reason,
    )  # 因公外出,没来成 / …,会后已补签请假条: the absence and the paperwork after it
    reason = _TOLD_TAIL.sub("", reason)  # …,她是提前请了假的 / …,前天打电话请过假: how the leave was asked
    reason = _TELLING_TAIL.sub("", reason)  # …,前天打电话(请过假, the cue cut off): how it was told
    reason = re.sub(
        r"(?<=..),记(?:为)?(?:请假|缺席|事假|病假|旷会)?(?:[一二两1-9]次)?$", "", reason
    )  # 因公出差,记请假一次: the points record's entry
    reason = re.sub(r"[)）]?[和及与、]+$", "", reason)  # 张三(病假)和李四(出差): the connector is no reason
    reason = re.sub(
        r"(?<=..),(?:然后|还有|另外)[^,;。]{0,10}$", "", reason
    )  # 跑早班,还有修理班的: the next one's lead
    reason = re.sub(
        rf"(?<=.),(?:另|另有|还有|其余|其他){NUM}{_U}[^;。]*$", "", reason
    )  # 病假,另2人上夜班: the others counted, with their own reason
    reason = re.sub(
        r"(?<=..),(?:还有|另)(?:一个|一位|一名|一人)(?:是|呢)?[^;。]*$", "", reason
    )  # 他去厂家培训了,还有一个是包装线的…: the next one, said aloud
    reason = re.sub(
        r"(?<=..),(?:已|均已|已经)[^,;。]{0,12}(?:报备|备案|报批|批准|审批|提交|补交|交了)[^,;。]{0,12}$",
        "",
        reason,
    )  # 年休假,已在OA报备 / 已通过微信提交书面材料: the leave's paperwork is no reason
    reason = re.sub(
        r"(?<=..),(?:已|均已|已经)(?:通过|同意|批准|准假|履行|办理|办好)$", "", reason
    )  # 外出开会,已通过(审批) / …跟岗学习,已履行(请假手续)
    reason = re.sub(
        r"(?<=..),(?:已|均已|已经)?(?:书面|口头|电话|微信|短信|当面)$", "", reason
    )  # 驻外,已书面(请假) / 身体不适,当面(请假)
    reason = re.sub(
        r"(?<=..),(?:前天|昨天|头天|提前|事先|会前)?(?:已|已经)(?:跟|向|给|委托|托)[^,;。]{1,8}?$", "", reason
    )  # 在新疆查看制种田,前天已跟我(请假) / 外出务工,已委托家人(请假): whom the leave was asked of or through
    reason = re.sub(
        r"(?<=..),(?:已|均已)?经[^,;。]{0,12}?(?:批准|同意|准假|准许)(?:请假)?(?:,[^;。]*)?$", "", reason
    )  # 巡堤查险,经书记同意 / 正在现场处置,经批准请假,会后补交…: the leave granted is no reason
    reason = re.sub(
        r"(?<=.),[^,;。]{0,10}?(?:补学|补课|回看|看回放|自学|补上|送学上门|上门送学|送学到家)[^,;。]*$",
        "",
        reason,
    )  # 宿舍区断网,会后看回放补学: the make-up is no reason
    reason = re.sub(
        r"(?<=.),(?:[二两三四五六七八九十\d]{1,2}(?:人|位)|以上[^,;。]{0,6}|上述[^,;。]{0,6})(?:同志)?(?:均|都)[^,;。]*$",
        "",
        reason,
    )  # 在英国访学,二人均在会前提交了书面意见: said of both, no part of this one's reason
    reason = re.sub(
        r"(?<=.),[二两三四五六七八九十\d]{1,2}(?:个人|人|位|名)$", "", reason
    )  # 休产假,三人(均已请假)
    reason = _ASKED_TAIL.sub("", reason)  # 病假,已(请假) / …,会前已(请假)
    if re.fullmatch(rf"[,、]?(?:共|合计|等)?{NUM}{_U}(?:同志|党员)?", reason):
        return None  # 张三、李四,共2人(未到会): the count, no reason
    reason = re.sub(
        r"(?<=..)\((?:流动|预备|正式|退休|离退休|在职|老)?党员\)?$", "", reason
    )  # …务工(流动党员)
    reason = re.sub(
        r"(?<=..),[一二三四五六七八九十\d]{1,2}$", "", reason
    )  # 家中有事,二(莫凤斌…): the next row's number
    reason = re.sub(r"(?<=..)(?:会议|活动)(?:内容|议程|记录)[:：]$", "", reason)  # (the next heading, run on)
    reason = reason.strip("()（）。., ·•・◎●○■□▲△◆◇★☆")
    reason += ")" * (reason.count("(") - reason.count(")"))  # 外出务工(广东): the note's bracket kept
    if re.fullmatch(
        r"(?:均|都)?(?:缺席|缺会|缺勤|未能?(?:按时)?(?:参加|参会|到会|出席|到)|没有?(?:参加|参会|到会)|未到场)(?:本次|此次)?(?:会议|活动)?",
        reason,
    ):
        return None  # 张三(未参会): the absence itself, no reason
    if after_act and not reasonish(reason):
        return None  # (甲未能参会,)会前已提交书面材料: what was done about the absence, no reason
    if re.fullmatch(r"(?:另外|另|还有|此外|以及|然后|其中|其余)", reason):
        return None  # 甲、乙,另外(丙请假): the next clause's opening word
    return None if not reason or _NO_REASON.match(reason) or _ONLY_MARK.match(reason) else reason


def _dash_read_as_one(reason: str) -> str:
    """OCR reads the dash of ``张三——病假`` as 一一 (or 一): dropped when a reason follows it."""
    m = re.match(r"^一{1,2}(?=.)", reason)
    return reason[m.end() :] if m and REASON_START.match(reason[m.end() :]) else reason


# what is left of 张三、李四(均为请假) before the cue word: a copula, no reason
_ONLY_MARK = re.compile(r"^(?:均|都|皆)?(?:为|是|系)?$|^(?:仍|仍然|依然|还|尚|也)$")


# a whole reason saying none was given or leave was not asked: 未请假 / 均未请假 / 没说为什么 / 未请假,原因不详
_NONE_SAID = (
    r"(?:本人|其|他|她)?(?:均|都)?(?:无故)?(?:未|没有?)(?:履行|办理?)?"
    r"(?:请[过了]?假(?:手续)?|说明?(?:为什么|原因|理由|情况)?|说(?:啥|什么)原因|讲(?:原因|理由)?|经(?:批准|同意)"
    r"|打(?:过)?招呼)"
    r"|原因不详|原因不明|无故|无故缺席"
)
_SAYS_NONE = re.compile(rf"(?:{_NONE_SAID})(?:[,;、]?(?:{_NONE_SAID}|缺席|未到会?|未参加|未参会))*")


# written in the place of a reason, saying there is none: 张三(无) / 李四(原因不详) / 王五无故缺席
_NO_REASON = re.compile(
    r"^(?:无|没有|不详|未知|无故|未说明|未写明|未注明|原因不详|原因未知|未请假|无故缺席|无故未到|(?:原因)?待补"
    r"|(?:缺席|未到|未参会|未到会)(?:人员|党员)"  # 缺席人员1名(李霞宇): the list's head
    r"|(?:系统|平台)?(?:未填|未填写|未录入|空白?|为空))(?:原因)?$"  # 请假事由:(系统未填): a field left empty
)


_COUNTED_NOT_LISTED = re.compile(rf"^(?:全支部|全体|支部|全村|本支部|全组)?(?:党员|同志)?(?:共)?{NUM}{_U}")


def attendees(lines: list[Line], finder: PersonFinder) -> Value[list[str]] | None:
    for i, line in enumerate(lines):
        for m in _every(_ATTENDEE_LIST, _spaced_list(line)):
            head, after = m["list"], lines[i + 1 :]
            if _COUNTED_NOT_LISTED.match(head):
                continue  # 参会:全支部15人,请假1人(…): counts, not a list of names
            if not head.strip("。. ") and after and _LIST_TAIL.match(nxt := _spaced_list(after[0])):
                head, after = nxt, after[1:]  # 参会人员名单如下: the list is the next paragraph
            text, used = _wrapped(head, after)
            text = re.sub(
                rf"(?:等|共|合计)[^、,;]*$|[,;]?(?:共|合计){NUM}{_U}.*$|\((?:共)?{NUM}{_U}\)$",
                "",
                text.rstrip("。."),
            )
            names = _listed_names(text, finder, fuzzy=line.span.via == "ocr")
            glued = (
                re.match(r":(?P<r>[^:;。,]{1,16})(?:;|$)", line.norm[m.end("list") :]) if not used else None
            )
            if (
                glued
                and len(names) > 1
                and (REASON_START.match(glued["r"]) or _LEAVE_WORDS.search(glued["r"]))
            ):
                names = names[:-1]  # …、蔡磊陈平:外出开会; — the absentee of the next cell, run on by a PDF
            stated = _HEAD_COUNT.search(line.norm[: m.start("list")])
            if stated and _ABSENCE_CUE.search(text) and (n := to_int(stated["n"])) and len(names) > n:
                names = names[
                    :n
                ]  # 参会人员(28人):…钟怡禄方凯休产假、…未参加会议 (a PDF ran two lines together)
            if names:
                evidence = [Evidence.of(ln.span, ln.text) for ln in [line, *used]]
                return Value(names, evidence, line.span.confidence)
    for i, line in enumerate(lines):  # 参会党员有张三、李四 / 张三、李四等2人参加了会议: only names
        text, used = _cut_at_semicolons(_spaced_list(line), lines[i + 1 :])
        for pattern in (_LIST_SOFT_HEAD, _LIST_BEFORE_VERB, _LIST_IN_BRACKETS):
            for m in _every(pattern, text):
                only = _only_names((m.groupdict().get("inner") or m["list"]).rstrip("。."), finder)
                if only:
                    evidence = [Evidence.of(ln.span, ln.text) for ln in [line, *used]]
                    return Value(only, evidence, line.span.confidence)
    for i, line in enumerate(lines):  # 张三、李四、王五，以上同志参加了会议: a run of roster names
        text, used = _cut_at_semicolons(_spaced_list(line), lines[i + 1 :])
        run = _roster_run(text, finder) if _PRESENT_WORD.search(text) else []
        if run:
            evidence = [Evidence.of(ln.span, ln.text) for ln in [line, *used]]
            return Value(run, evidence, line.span.confidence)
    return None


_HEAD_COUNT = re.compile(rf"\((?:共)?(?P<n>{NUM}){_U}\)(?:名单)?(?:如下)?,?(?:分别)?(?:有|为|是)?:?$")
_PRESENT_WORD = re.compile(r"(?<![未没不能])(?:参会|参加|出席|到会|与会|实到|到场)")  # (not 未到场)
MIN_NAME_RUN = 3  # roster names in a row, only list separators between them
_RUN_TAIL = re.compile(rf"^(?:同志|等)?(?:{NUM}{_U})?(?:同志|党员)?")  # between a run and its cue: 等3人
_RUN_AWAY = re.compile(  # 甲、乙、丙没参加 / 甲、乙、丙请假。 (not a label after the run: 缺席人员:丁)
    rf"^(?:均|都|也)?(?:因故)?(?:{NOT_ATTEND}|{NOT_COME}|(?:缺席|请假)(?=[,;。]|$))"
)


def _roster_run(text: str, finder: PersonFinder) -> list[str]:
    """The longest run of roster names separated only by list separators, not after an absence cue
    nor with one right after it (甲、乙、丙未参加)."""
    best: list[str] = []
    run: list[PersonHit] = []
    for hit in [*finder.find(text), None]:
        if hit is not None and run and re.fullmatch(r"[、,;和及与]*", text[run[-1].end : hit.start]):
            run.append(hit)
            continue
        if (
            len(run) > len(best)
            and not _CUE.search(text[max(0, run[0].start - 12) : run[0].start])
            and not _RUN_AWAY.match(_RUN_TAIL.sub("", text[run[-1].end :]))
        ):
            best = [h.name for h in run]
        run = [hit] if hit is not None else []
    return best if len(best) >= MIN_NAME_RUN else []


# 参会人员为全体党员(张三、李四、王五): names in brackets in a sentence about who attended
_LIST_IN_BRACKETS = re.compile(
    r"(?:参会|参加|出席|到会|与会|实到|全体党员)(?:(?!缺席|请假|缺勤|未能?参|未到)[^。;()]){0,12}\((?P<list>[^()]+)\)"
)


def _cut_at_semicolons(text: str, after: list[Line]) -> tuple[str, list[Line]]:
    """A sentence cut at the ``;`` of a list (实到3人(张三;李四;王五)) joined again."""
    used: list[Line] = []
    for line in after:
        if not text.endswith(";") or ":" in line.norm or _OTHER_ACT.search(line.norm):
            break
        text += _spaced_list(line)
        used.append(line)
    return text, used


_LIST_SOFT_HEAD = re.compile(rf"{_PRESENT_HEAD}(?:(?:有|为|是)?(?P<list>[^。:;,()]+)|\((?P<inner>[^()]+)\))")
_LIST_BEFORE_VERB = re.compile(
    rf"(?:^|(?<=[。:;,]))(?P<list>[^。:;,]{{4,}}?)(?:,?\(?(?:等|共|合计)?{NUM}{_U}(?:党员|同志)?\)?|等)?(?:党员|同志)?"
    r"(?<![未没不])(?<!未能)(?<!没能)(?:参加|出席|参会|到会)(?:了)?(?:本次|此次)?(?:会议|活动|学习|(?=[。,;]|$))"
)


def _only_names(text: str, finder: PersonFinder) -> list[str] | None:
    """The names of ``text`` when it is nothing but two or more names (titles allowed)."""
    text = re.sub(rf"(?:等|共)(?:{NUM}{_U})?(?:党员|同志)?$", "", text)
    out: list[str] = []
    for piece in re.split(r"[、和及与;,]+", text.strip(";,")):
        bare = strip_titles(piece)
        hits = finder.find(bare)
        if hits and hits[0].start == 0 and hits[0].end == len(bare):
            out.append(hits[0].name)
        elif guess_name(bare) == bare:
            out.append(bare)
        else:
            return None
    return out if len(out) >= 2 else None


def _every(pattern: re.Pattern[str], text: str) -> list[re.Match[str]]:
    """Every match, overlapping ones too (参加人员:应到9人,参加人员:张三、… holds two list heads)."""
    out, at = [], 0
    while (m := pattern.search(text, at)) is not None:
        out.append(m)
        at = m.start() + 1
    return out


_CJK_GAP = re.compile(r"(?<=[\u4e00-\u9fff])[ \u3000\t]+(?=[\u4e00-\u9fff])")


def _spaced_list(line: Line) -> str:
    """The normalised line, with names separated by spaces (张三 李四 王五) kept apart by 、:
    normalising drops every space. Only when every piece is name-sized (not 李 光 振)."""
    if not _CJK_GAP.search(line.text):
        return line.norm
    pieces = _CJK_GAP.split(line.text)
    if any(len(re.sub(r"[^\u4e00-\u9fff]", "", p.split(":")[-1].split("：")[-1])) < 2 for p in pieces[1:]):
        return line.norm
    return normalize(_CJK_GAP.sub("、", line.text))


def _listed_names(text: str, finder: PersonFinder, fuzzy: bool) -> list[str]:
    """Names of a list; a piece holding several roster names (separators lost) gives them all."""
    out: list[str] = []
    for part in re.split(r"[、,;，；\s]+", text):
        hits = finder.find(part)
        found = [h.name for h in hits] if len(hits) > 1 else finder.names_in_list(part, fuzzy=fuzzy)
        out.extend(n for n in found if n not in out)
    return out


_LIST_TAIL = re.compile(r"^[\u4e00-\u9fff·、,;]+[。.]?$")


def _wrapped(text: str, after: list[Line]) -> tuple[str, list[Line]]:
    """A name list wrapped onto the next lines of a page (PDF text lines, photographed pages), or
    cut into sentences at its ``;`` separators."""
    used: list[Line] = []
    for line in after:
        if text.endswith(("。", ".")) or not _LIST_TAIL.match(line.norm):
            break
        if "、" not in line.norm + text[-1:] and not text.endswith(";"):
            break
        text += line.norm
        used.append(line)
    return text, used


CORROBORATED = 0.95  # a count that an independent source states too


def corroborate_count(value: Value[int] | None, *others: int | None) -> Value[int] | None:
    """A count read with low confidence (OCR) is confirmed when an independent source (the
    sign-in count, the platform's reported attendance) states the same number."""
    if value is None or value.confidence >= CORROBORATED:
        return value
    if any(other is not None and other == value.value for other in others):
        value.confidence = CORROBORATED
    return value


# ----------------------------------------------------------------- cues: what was written but not read
# A required rule fails only on positive evidence. Sentences that speak of attendance but gave no
# count (a phrasing the patterns do not know) leave attendance.counts_missing undecided; leave or a
# reason written outside the absentees read (上述同志均已请假 / 张三同志因公出差) leaves
# attendance.absence_without_reason undecided.

_PEOPLE_GE = r"个(?=[,;。)]|$|党员|人|同志|还|都|没)"  # 到了17个, / 应该来二十七个: 个 counting people
_ATTENDANCE_CUE = re.compile(
    # (not 主持人宣读到会人数: the count announced at the meeting, not written in the minutes)
    # (not 应到会党员中,…: "among those due", the head of an absence statement, no count)
    r"(?:应到|实到|应出席|应参会|应参加)(?!(?:会|会议)?的?(?:党员|人员|同志)?中)|(?<!宣读)(?<!宣布)(?<!报告)(?<!清点)(?<!通报)(?:到会|出席|参会|参加|与会)(?:情况|人员|人数|名单)"
    rf"|(?<![未没])(?:参加|出席|到会|参会|与会)[^,;。]{{0,8}}?{NUM}{_U}|{NUM}{_U}[^,;。]{{0,8}}?(?<![未没能])(?:参加|出席|到会|参会|与会)"
    r"|全体党员(?:均)?(?:参加|出席|到会|参会|到齐)|全部(?:到会|参加|出席|到齐)|全员(?:到齐|参加|出席|到会)|无人缺席"
    rf"|{_ALL_HERE}|(?:到会|出勤|参会|出席|参学)率"
    # attending in everyday words, near a number of people: 到了17个 / 还到了7名 / 到课党员19人 /
    # 应该来二十七个 / 5人上线 / 其余都到了 / 别的都在 / a table's header (党员总数 到会 请假) / Attendees: 6/7
    rf"|(?<![未没])(?:(?:到了|来了|到会|到场|到课|在场|上线|听课|参学)[^,;。]{{0,4}}?|来){NUM}(?:{_U}|{_PEOPLE_GE})"
    rf"|{NUM}(?:{_U}|个)[^,;。]{{0,6}}?(?<![未没能])(?:到会|到场|到了|到齐|来了|在场|上线)"
    r"|(?:都|全|全部|全体|其余|其他人?|别的|剩下的?)[^,;。]{0,4}?(?:到了|来了|到齐|来齐|参加了|到会|都在)"
    r"|(?:总数|总人数|应到|党员数)[^,;。]{0,6}?(?:到会|实到|出席|参会)|(?i:attend)|出勤|全勤|签到"
    rf"|(?:^|(?<=[,;:]))到{NUM}(?:{_U}|个)(?=[,;。]|$)"  # 支委5人,到4人
    # 20余名党员参加 (about a number) / 来的党员有12个 / 到的有12人
    rf"|{NUM}(?:余|多)(?:{_U}|个)[^,;。]{{0,8}}?(?:参加|出席|到会|参会|与会|到场|参与)"
    rf"|(?<![未没])(?:来|到)的(?:党员|同志|人)?(?:有|共|一共)?{NUM}(?:{_U}|个)"
    # a list or a form field of who came (参会党员: / 出席: / 人数:应20/实18), nobody away (缺席:无),
    # taking part (45人参与 / 20名党员听课)
    r"|(?:到会|出席|参会|参加|与会)(?:党员|同志|对象|者|范围)?:|^(?:参会|到会|出席)?人数:|缺席:?(?:无|0人|没有)"
    rf"|{NUM}(?:{_U}|个)(?:党员|同志)?[^,;。]{{0,4}}?(?:参与|听课|参学)"
)
# members counted in a sentence that is no vote, election, visit or award (党员19名 / 9名同志):
# perhaps who attended, in words no pattern knows
_MEMBERS_COUNTED = re.compile(rf"(?:党员|同志|人员)[^,;。]{{0,3}}?{NUM}{_U}|{NUM}{_U}(?:党员|同志)")
_NOT_ATTENDANCE = re.compile(r"评|选|票|同意|表决|慰问|走访|发展|转正|优秀|报到|捐|生日|党龄|人次")


def _speaks_of_attendance(text: str) -> bool:
    if _ATTENDANCE_CUE.search(text):
        return True
    return _MEMBERS_COUNTED.search(text) is not None and _NOT_ATTENDANCE.search(text) is None


_LEAVE_WORDS = re.compile(
    r"请假|病假|事假|产假|婚假|丧假|年假|休假|因公|因事|因病|因故|出差|公出|值班|培训|住院|外出|在外|生病|身体"
    rf"|{_FAMILY_LEAVE}"
)
# (缺3人 / 缺了两个: a count of those away, what follows may tell why)
_ABSENCE_CONTEXT = re.compile(
    rf"缺席|缺勤|请假|请[病事产婚丧年]假|{NOT_ATTEND}|未到|上述|以上|其余|其他|均|都|(?<![欠空短稀紧])缺了?{NUM}{_U}"
)


_ABSENCE_CUE = re.compile(rf"缺席|缺勤|缺会|请假|请[病事产婚丧年]假|{NOT_ATTEND}|{NOT_COME}|未到|^缺:")
# a line whose gaps part a name from its reason (甲在县医院陪护 请了假): the cues and 请了假, which the other
# readers do not take as a cue (…三人都提前打电话请了假 closes a sentence already read)
_GAP_CUE = re.compile(rf"{_ABSENCE_CUE.pattern}|请了假")


# someone present who came late or left early (邱海漪因护送学生去卫生院,迟到约二十分钟): no absence
_LATE = re.compile(r"迟到|晚到|晚来|来晚|早退|提前离[开场会]|中途离[开场会]|提前退场")


def _may_give_a_reason(norm: str, bare: list[str]) -> bool:
    """A sentence other than the absentees' own that may give one of them a reason: it holds leave
    or reason words, not only a denial (应书杰,原因不明: positive evidence of none), and is not
    about someone late or leaving early unless it names an absentee read without a reason."""
    leave = _LEAVE_WORDS.search(norm) or _MORE_LEAVE_WORDS.search(norm)
    if not leave:
        return False
    return not _LATE.search(norm) or any(name in norm for name in bare)


def cues(
    lines: list[Line], found: list[Absentee], absent: Value[int] | None = None
) -> dict[str, list[Evidence]]:
    """``attendance``: sentences speaking of who attended (a count, a list, 全体党员参加);
    ``absence``: of absence or leave;
    ``absence_reason``: sentences giving leave or a reason that are not the ones the absentees
    were read from, in an absence context or naming an absentee read without a reason, and
    those in which an absence may be explained in words the reader did not attach
    (``absence_unread``: a named absentee or the ``absent`` count in a clause holding more)."""
    read_from = {(e.file, e.text) for a in found for e in a.evidence}
    bare = [a.name for a in found if a.name and not a.reason]
    said = [line for line in lines if _speaks_of_attendance(_drop_empty(line.norm))]
    headed = _under_absence_head(lines)
    reasons = [
        line
        for i, line in enumerate(lines)
        if (Evidence.of(line.span, line.text).file, line.text) not in read_from
        and _may_give_a_reason(line.norm, bare)
        and (_ABSENCE_CONTEXT.search(line.norm) or i in headed or any(name in line.norm for name in bare))
    ] + [line for line in lines if _unread_reason(line, found, bare)]
    reasons += [line for line in unread_absence(lines, found, absent) if line not in reasons]
    refused = [line for line in lines if any(_denied_in(line, name, found) for name in bare)]
    found_cues = {
        "attendance": said,
        "absence": [line for line in lines if _ABSENCE_CUE.search(_drop_empty(line.norm))],
        "absence_reason": [line for line in reasons if line not in refused],
        "absence_denied": refused,
        "absence_shared": [line for line in lines if _borrowed_reason(line, found, absent)],
    }
    return {k: [Evidence.of(ln.span, ln.text) for ln in v] for k, v in found_cues.items() if v}


# a line that only heads the absentees listed on the lines below it (缺： / 请假人员及原因：)
_ABSENCE_HEAD = re.compile(
    r"^(?:缺|缺席|缺勤|缺会|请假|未到)(?:人员|党员|同志)?(?:情况|名单)?(?:及原因|及事由)?:$"
)
MAX_HEADED_LINES = 8  # lines below such a head read as in its context
# what ends a head's list: the meeting's next part (一、 / 1. / 会议内容)
_NEXT_PART = re.compile(r"^(?:[一二三四五六七八九十]+、|\d{1,2}[.、]|(?:会议)?内容|议程)")


def _under_absence_head(lines: list[Line]) -> set[int]:
    """The indices of the lines under a head of absentees, up to the meeting's next part."""
    out: set[int] = set()
    for i, line in enumerate(lines):
        if not _ABSENCE_HEAD.match(line.norm.strip()):
            continue
        for j in range(i + 1, min(len(lines), i + 1 + MAX_HEADED_LINES)):
            if _NEXT_PART.match(lines[j].norm):
                break
            out.add(j)
    return out


# an enumeration whose items carry their own bracketed reasons: 甲(务工)、乙、丙(腰伤卧床)
_OWN_ITEM = re.compile(r"[^、,;:()]{2,8}\([^()]{1,30}\)")


def _borrowed_reason(line: Line, found: list[Absentee], absent: Value[int] | None) -> bool:
    """Whether an absentee of ``line`` was read with the reason of the name after it in a list whose
    other items carry their own brackets (甲(务工)、乙、丙(腰伤卧床)): 乙 may share 丙's reason or
    have none written; a person decides. Not when the list says the two share it and the absent
    count written is the number of those named (``borrowed``)."""
    if len(_OWN_ITEM.findall(line.norm)) < 2:
        return False
    named = [(n, x.reason) for x in found if (n := x.name) and n in line.norm]
    all_named = absent is not None and absent.value == len([a for a in found if a.name])
    for (first, why), (then, its) in itertools.pairwise(named):
        if why and why == its and borrowed(line.norm, first, then, all_named):
            return True
    return False


# what a reason is written with: a kind of leave, a cause, an errand, a state (外出务工, 年老体弱,
# 住院治疗, 流动党员在外地, 陪护家人, 孩子生病 …); not 请假 itself, nor 原因 (a label)
_REASON_WORDS = re.compile(
    r"[病事产婚丧年休探]假|(?<![原无])因(?!此|而|为|故)|出差|公出|公干|值班|执勤|值守|培训|学习|开会|会议|住院|治疗|手术|生病|"
    r"身体|不适|年老|年迈|年事|体弱|行动不便|卧床|外出|在外|外地|异地|务工|打工|流动|出国|境外|探亲|陪护|照顾|照看|"
    r"家中|家里|家人|有事|孩子|小孩|老人|哺乳|怀孕|孕|驻村|挂职|借调|支教|援[疆藏青]|下乡|加班|出诊|监考|考试|"
    r"工作|任务|冲突|外派|派驻|防汛|抗疫|疫情"
)
# reasons outside ``_LEAVE_WORDS`` that no other sentence of a record is likely to hold
_MORE_LEAVE_WORDS = re.compile(
    r"务工|打工|年老|年迈|体弱|行动不便|卧床|探亲|陪护|手术|出国|境外|驻村|挂职|借调|支教|加班|出诊|流动党员|外地|异地|"
    r"家中有事|有事|孩子生病|照顾|走不开|脱不开|抽不开|抽不出"
)
_NOT_A_REASON = re.compile(
    rf"缺席|缺勤|缺会|请假|{NOT_ATTEND}|未到|人员|名单|情况|原因|事由|理由|本次|会议|活动"
)


def _unread_reason(line: Line, found: list[Absentee], bare: list[str]) -> bool:
    """A sentence an absentee was read from without a reason that still holds reason words once
    every name and every reason read from it are taken out: a reason the reader did not attach
    (the absentee may have one). Denials (无故, 未请假) are not reasons."""
    texts = {e.text for a in found for e in a.evidence if a.name in bare}
    if line.text not in texts:
        return False
    rest = line.norm
    for a in found:
        for word in (a.name, a.reason):
            if word:
                rest = rest.replace(word, "")
    rest = without_judged_notes(rest)  # (已86岁): a note judged no reason leaves nothing unread
    rest = DENIED.sub("", _NOT_A_REASON.sub("", rest))
    return _REASON_WORDS.search(rest) is not None


def _drop_empty(text: str) -> str:
    """A bare form label (``缺席人员:`` with nothing after it) says nothing."""
    return re.sub(r"^[^:]{1,8}:$", "", text)
