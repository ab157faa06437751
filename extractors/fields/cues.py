"""Sentences that talk about a field, whatever the parser could read from them.

A required rule fails only on positive evidence. When the parser finds no presider,
that is evidence of a missing presider only if the minutes never talk about presiding;
a sentence that does (``会议由支部书记主持``, ``主持人：张三（书记）``, a phrasing the grammar
does not know) leaves the question open, and the rule answers ``unknown`` quoting it.

Each cue is a keyword test on normalised sentences (``Line.norm``). A bare form label
with nothing written after it (``主持人:``, ``主持人:记录人:王芳``, ``主持人签字:____``) is not a cue: an empty
cell is evidence that the field is missing.
"""

from __future__ import annotations

import re

from core.meta import COMMITTEE_TITLES
from core.models import Evidence
from extractors.fields.officers import CHAIRING_ACT
from extractors.fields.people import PersonFinder
from extractors.fields.study import material_written
from extractors.layout.lines import Line
from extractors.text.normalize import is_subsequence

# 在监票人的主持下: an election's chair, not the meeting's; 主持词: the script
_ELECTION_CHAIR = re.compile(r"在(?:总?监票人|计票人|唱票人)[^,;。]{0,8}的主持下")
_LABELS = (
    r"(?:会议|活动)?(?:主持人?|召集人|记录人?|记录员|领誓人?|时间|日期|地点|主题|内容|议题)"
    r"|(?:应到|实到|缺席|请假|参会|出席|列席)(?:人员|人数)?"
)
_BLANK = r"[_＿\s.·…]*"  # a line left to be filled in: 主持人签字：__________
_EMPTY_LABEL = re.compile(rf"(?:{_LABELS})(?:签字|签名)?:{_BLANK}(?=[;。]?$|(?:{_LABELS})(?:签字|签名)?:)")

# A study act: a leading verb, a study verb with an object (学习了 / 学习《 / 集中学习 / 原文学习),
# a 《title》 studied, a video watched as study. Not the noun 学习 (学习成果, 学习体会, 学习教育,
# 学习强国, 通过学习) and not a purpose clause (为深入学习…).
_STUDY_NOUN = r"(?!成果|体会|心得|教育|笔记|计划|安排|型|强国|任务|效果|交流|研讨|讨论|发言|情况|表现|资料|生活|工作|$|[,;。!?])"
# 领读入党誓词 / 带领大家诵读誓词: the oath, not a study
_NOT_OATH = r"(?![^,;。]{0,8}誓)"
_STUDY_ACT = (
    rf"领学|领读{_NOT_OATH}|导读|导学|带学|带读|讲读|讲授|带领[^,;。]{{0,16}}?(?:学习|研读|诵读|收看|观看){_NOT_OATH}"
    r"|组织(?!委员|生活|部)[^,;。]{0,16}?(?:学习|研读|收看|观看)"
    rf"|(?:集中|集体|认真|共同|深入|系统|原文|逐条|逐段|专题|自主|在线|重点|一起)学习{_STUDY_NOUN}"
    r"|(?:学习|研读|研学|诵读|解读|宣讲|通读)了"
    r"|(?:传达|宣贯)(?:学习)?了?[^,;。]{0,30}?(?:精神|讲话|文件|指示|批示)"
    r"|(?:学习|研读|研学|研习|诵读|朗读|阅读|品读|精读|传达|宣贯|解读|宣讲|通读|宣读|重温|收听|聆听|学|读|讲|念|串讲|分享|拿[着著])(?:贯彻|传达)?[^,;。《]{0,10}《"
    r"|》[^,;。《]{0,8}(?:进行|开展|组织)?了?(?:集体|集中|专题|深入)?(?:学习|解读|研读|领学)"
    r"|(?:观看|收看)[^,;。]{0,30}?(?:视频|专题片|纪录片|微课|宣讲|报道)"
    # 学习 with an object written without 了 or 《》 (学习党的二十大报告, 学习贯彻…精神), a study
    # label (学习内容: …), and the study words of the 学原文 family
    r"|学习(?!强国)[^,;。]{0,30}?(?:精神|讲话|报告|条例|章程|党章|准则|论述|文章|原文|原著|指示|批示)"
    r"|学习(?:内容|篇目|主题|材料|书目|文件)[:]"
    rf"|研学|研读|精读|通读|诵读{_NOT_OATH}|读原著|学原文|悟原理|原原本本"
    # a study part named as such, a 《title》 taught, explained or talked over (学习由X主讲,内容为《…》 /
    # 围绕《…》谈体会): the study may be there in words the grammar does not read
    r"|学习(?:环节|部分|阶段|由)|(?:主讲|讲授|宣讲|讲解|解读|辅导|围绕|结合)[^,;。]{0,12}《|《[^》]+》[^。]{0,16}?(?:主讲|讲授|宣讲|讲解|解读|辅导|谈体会|谈认识|交流|研讨|讨论)"
)
# (not 为大家进行了领学: whom it was done for)
_PURPOSE = re.compile(r"(?:^|[,;])(?:为|为了|为进一步|为深入)(?!大家|全体|与会|党员|同志|在座)[^,;。]{0,40}")

CUES: dict[str, re.Pattern[str]] = {
    # 召集: who convened may be who chaired (会议由X召集): a person reads it
    # (also the acts of chairing, 宣布会议开始 / 作开场说明, whoever's they are)
    # (主特 / 主侍: 主持 with a slip of like shape, as OCR of handwriting gives it)
    "presider": re.compile(
        rf"主持(?!词|(?:支部|党支部|单位|全面|日常|行政)+工作)|主[特侍](?!色)|召集(?![^,;。]{{0,6}}学习)"
        rf"|{CHAIRING_ACT.pattern}"
    ),
    "oath_leader": re.compile(
        r"领誓|领[读念宣呼颂诵][^,;。]{0,6}誓|带领[^。;]{0,30}?(?:宣誓|誓词)|的?带领下[^。;]{0,24}?(?:宣誓|誓词)"
        # led in everyday words: X领着大家重温入党誓词 / 跟着X宣誓 (the leader may be a name the
        # grammar does not know)
        r"|(?:领[着著]?|带[着著]|带头)(?:大家|全体|与会|党员|同志|在场)[^。;]{0,24}?(?:宣誓|誓词)"
        r"|(?:跟[着著]|跟随)[^,;。]{1,16}?(?:宣誓|誓词|重温)"
        # one led by name (我带着宋晓苓面对党旗进行了入党宣誓): whoever led it may be the writer
        r"|带[着著][^,;。]{1,24}?(?:宣誓|誓词)"
    ),
    "study": re.compile(_STUDY_ACT),
    # who led it: a leading verb (the person may be written in a way the grammar does not know)
    "study_lead": re.compile(
        rf"领学|领读{_NOT_OATH}|导读|导学|带学|带读|讲读|讲授|带领[^,;。]{{0,16}}?(?:学习|研读|诵读|收看|观看){_NOT_OATH}"
        r"|组织(?!委员|生活|部)[^,;。]{0,16}?(?:学习|研读|收看|观看)|(?:解读|讲解|辅导|宣讲)(?!会)"
        # 由X组织,大家轮流读…: who organised the reading in turns
        r"|由[^,;。]{2,14}?(?:组织|带领|牵头)(?=[,;。]|$)|轮流(?:读|念|朗读|诵读|领读|领学|学)"
    ),
    # a material named: any 《title》 (the plan's material may be written where no study verb is read)
    "material": re.compile(r"《[^》]{2,}》"),
}


def cue_lines(lines: list[Line], field: str) -> list[Evidence]:
    """Evidence of every sentence that talks about ``field`` (a key of ``CUES``)."""
    pattern = CUES[field]
    return [Evidence.of(line.span, line.text) for line in lines if _talks_about(line.norm, pattern)]


def find_cues(lines: list[Line], finder: PersonFinder | None = None) -> dict[str, list[Evidence]]:
    """Cue sentences per field; fields without any are left out. With a ``finder``, an oath or a
    study sentence that names anyone (a roster name, a title, X同志) is a cue for its leader too:
    whoever it names may have led it (全体党员跟随X重温入党誓词, 学习由X主讲)."""
    found = {name: cue_lines(lines, name) for name in CUES}
    if finder is not None:
        named = [ln for ln in lines if _OATH.search(ln.norm) and _names_someone(ln.norm, finder)]
        found["oath_leader"] = _merged(found["oath_leader"], named)
        # a study sentence naming anyone: whoever it names may have led it, in words the grammar
        # does not know (党员们跟随X学习了…, 学习由X主讲)
        studied = {e.text for e in found["study"]}
        named = [ln for ln in lines if ln.text in studied and _names_someone(ln.norm, finder)]
        found["study_lead"] = _merged(found["study_lead"], named)
    return {name: evidence for name, evidence in found.items() if evidence}


_OATH = re.compile(r"誓词|宣誓|誓言|领誓")
_SOMEONE = re.compile(rf"同志|{'|'.join(COMMITTEE_TITLES)}|主任|组长|校长|院长|局长|总经理|董事长|村长")


def _names_someone(text: str, finder: PersonFinder) -> bool:
    return bool(_SOMEONE.search(text) or finder.find(text))


def _merged(first: list[Evidence], lines: list[Line]) -> list[Evidence]:
    seen = {e.text for e in first}
    return first + [Evidence.of(ln.span, ln.text) for ln in lines if ln.text not in seen]


def item_cues(lines: list[Line], items: list[str]) -> dict[str, list[Evidence]]:
    """For each plan item not read as done, the sentences that name its object (``党费`` for
    缴纳党费, ``誓`` for 重温入党誓词, else the item's last two characters): the item may be
    recorded in words the reader does not know. Keyed ``item:<item>``."""
    out: dict[str, list[Evidence]] = {}
    for item in items:
        noun = ITEM_OBJECTS.get(item) or _object_words(item)
        title = re.search(r"《[^》]{2,}》", item)
        quoted = [
            Evidence.of(ln.span, ln.text)
            for ln in lines
            if noun.search(ln.norm)
            or (title and (_shortened(item, ln.norm) or material_written(title.group(), ln.norm)))
        ]
        if quoted:
            out[f"item:{item}"] = quoted
    return out


# what a sentence doing the item would name: 缴费 / 交费 for the dues (党员们依次缴费), 誓 for the oath
ITEM_OBJECTS = {"缴纳党费": re.compile(r"党费|[缴交]费"), "重温入党誓词": re.compile(r"誓")}


def _shortened(item: str, norm: str) -> bool:
    """A 《title》 in the sentence whose characters all stand, in order, in the item's title: the
    title shortened (《学习纲要》 for 《习近平新时代中国特色社会主义思想学习纲要》, 《党章》)."""
    wanted = re.search(r"《([^》]{2,})》", item)
    if wanted is None:
        return False
    return any(is_subsequence(m.group(1), wanted.group(1)) for m in re.finditer(r"《([^》]{2,})》", norm))


def _object_words(item: str) -> re.Pattern[str]:
    """The item's object: its 《title》 (with or without the brackets, found by ``_shortened`` and
    ``material_written`` too), else its last two characters."""
    title = re.search(r"《([^》]{2,})》", item)
    return re.compile(re.escape(title.group(1) if title else item[-2:]))


def _talks_about(text: str, pattern: re.Pattern[str]) -> bool:
    text = _ELECTION_CHAIR.sub("", _drop_empty_labels(text))
    if pattern is CUES["study"]:
        text = _PURPOSE.sub("", text)  # 为深入学习贯彻…: why the meeting was held, not a study act
    return pattern.search(text) is not None


def _drop_empty_labels(text: str) -> str:
    """``主持人:记录人:王芳`` -> ``记录人:王芳``: a label followed by nothing or by the next label."""
    return _EMPTY_LABEL.sub("", text)
