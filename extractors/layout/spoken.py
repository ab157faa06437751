"""Records dictated into a phone (语音转文字): the spaces of a transcript are its punctuation.

A speech recogniser writes what it hears as runs of words apart by single spaces, with few or no
marks (``在村委会的会议室 我们支部开了主题党日 主持的是支部书记柯长镛 嗯 第一项…``). The normal form
drops spaces (``12 月 23 日``, ``李 光 振``), which glues such a record into one run where no clause
ends (``应到十九个实到十七个有两个请假一个是黄金翠她在县城带孙子``). A line that reads as a transcript
has each pause (a space between two Chinese characters) written as the mark it stands for,
character for character, so offsets into the text hold:

- a comma between clauses (``实到十七个，有两个请假``);
- a full stop before the record turns to another part of the meeting (``。然后学习``);
- a colon after a form's label said alone (``主持：支部书记戚永红``);
- nothing inside a phrase (``由冯建华 领学``, ``主持是 支部副书记毛国栋``, ``组织委员 高凤蘅``) or a
  title in marks (``题目是“退休不退志 余热献乡村”``).

Other lines (a form's ``主持 訾东海``, a list of names ``张三 李四``, ``缺席：1.甲 病假 2.乙 出差``,
``2019年 6 月1日``) are kept as written.
"""

from __future__ import annotations

import re

# a single space between two Chinese characters: a transcript's pause
_PAUSE = re.compile(r"(?<=[\u4e00-\u9fff]) (?=[\u4e00-\u9fff])")
_MARKS = re.compile(r"[，。；！？、,;!?]")
_LABEL_COLONS = re.compile(r"[:：]")
_LIST_MARKS = re.compile(r"[()（）—:：]|\d[.、]")
# a second message correcting the first, said aloud (改一下：实到是二十四个 请假的是四个 …): its colon no label
CORRECTION_SAID = r"^(?:再)?(?:改一下|修改一下|纠正一下|改正一下|更正一下)"
_CORRECTING = re.compile(rf"{CORRECTION_SAID}[:：]")
MIN_PAUSES = 4  # a line with fewer pauses is a form's row or a short list
FEW_PAUSES = 8  # below as many pauses, a line of brackets, numbered items or dashes is a list of cells
MIN_LABELS = 2  # a line with as many labels and their colons is a form's (主持人:甲 领誓人:乙 …)
MAX_MARKS_PER_PAUSE = 1 / 3  # a line punctuated as writing, with a stray space or two, is no transcript
MIN_RUN = 5.0  # characters a run between pauses holds on average (names apart by spaces hold 2-3)
SHORT_RUN = 3  # characters of a name, a title's part or a label
MAX_SHORT = 0.2  # share of runs that short in a transcript (most runs of speech are longer)


def pauses_as_marks(text: str) -> str:
    """``text`` with the pauses of every line that reads as a transcript written as marks."""
    if " " not in text:
        return text
    return "\n".join(_PAUSE.sub(_mark, line) if is_transcript(line) else line for line in text.split("\n"))


def is_transcript(line: str) -> bool:
    """Whether ``line`` reads as speech written down: many pauses, few marks, runs longer than the
    names and labels of a form or a list (a table's bars, labels with colons: a form)."""
    if "|" in line or len(_LABEL_COLONS.findall(line)) >= MIN_LABELS:
        return False
    pauses = len(_PAUSE.findall(line))
    if pauses < MIN_PAUSES or len(_MARKS.findall(line)) > pauses * MAX_MARKS_PER_PAUSE:
        return False
    if pauses < FEW_PAUSES and _LIST_MARKS.search(_CORRECTING.sub("", line)):
        return False  # 缺席：1.甲 锅炉房当班 2.乙 病假 / 缺2人(甲 驻村…;乙 …) / 警长 甲——…: cells
    runs = [run for run in line.split() if run]
    short = sum(len(run) <= SHORT_RUN for run in runs)
    return sum(map(len, runs)) / len(runs) >= MIN_RUN and short <= MAX_SHORT * len(runs)


# a pause inside a phrase, not between two: after a word that wants what follows (由 / 主持是 / 还有那个 /
# 组织委员 高凤蘅), or before the act that completes a name (冯建华 领学 / 书记冯建华 领的 / 张三 同志主持 /
# …条例 由冯建华领学; not 领誓的是, a clause of its own)
_WANTS_MORE = re.compile(
    r"(?:由|是|在|把|给|跟|向|为|和|与|及|那个|这个|书记|委员|主任|组长|队长|站长|院长|校长|经理|局长|行长|党员|同志)$"
)
_COMPLETES = re.compile(r"^(?:领学|领誓|领读|领的|领着|带领|带着|同志|由)(?![的人]是|人)")
# a form's label said alone before its value (…放在中午开 主持 支部书记戚永红)
_LABEL_SAID = re.compile(r"(?:^|(?<=[ ，]))(?:主持人?|领誓人?|领学人?|记录人?|参加人员|缺席人员|请假人员)$")
# what the record turns to after a full stop: another part of the meeting
_NEW_PART = re.compile(
    r"(?:然后|先是|首先|接着|其次|再就是|最后|第[一二三四五六七八九十]项|学习|讨论|会上|会议|今天|"
    r"主持|领誓|重温|交了?党费|党费|散会|记录)"
)


def _quoted(before: str) -> bool:
    """The pause falls inside a title or a quote (its opening mark not yet closed)."""
    return before.count("“") > before.count("”") or before.count("《") > before.count("》")


def _mark(m: re.Match[str]) -> str:
    """The mark one pause stands for."""
    before, after = m.string[: m.start()], m.string[m.end() :]
    if _quoted(before):
        return " "  # a title said in marks keeps its pause (题目是“退休不退志 余热献乡村”)
    if _LABEL_SAID.search(before):
        return "："
    if _WANTS_MORE.search(before) or _COMPLETES.match(after):
        return " "
    return "。" if _NEW_PART.match(after) else "，"
