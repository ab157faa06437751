"""Study leaders given by a role, a label or their place beside the material, within one paragraph:

    本次集中学习《甲》,X同志为本次学习的领学人          a role (为 / 任 / 被安排为 … 领学人)
    领学——X;篇目——《甲》 / 领学人/学习材料:X/《甲》      a label and its value, the leader first
    学习安排:《甲》,领学X;《乙》,领学Y                  each material, then its leader's label
    (1)《甲》 领学人:X (2)《乙》 领学人:Y               (the gaps of a form row read as ;)
    学习篇目及领学人:《甲》—X;《乙》—Y                   a dash after each title, under a 领学 label
    学习《甲》(X)                                     a name alone in brackets after the material

    领学工作由X承担 / 本次学习由X领衔                   the lead taken on as someone's work
    X负责《甲》,Y负责《乙》 / X(领学):我们先学《甲》       each person's part, before the material
    整个学习环节由X领学 / 采用X领学、党员跟学的形式 / X手捧《甲》,一边领读一边讲解
                                                  a lead with no object of its own

A paragraph's materials and leaders are read in the order written; they pair only when they
alternate, the kind written first opening each pair (a material first: each material takes the
leader after it; a leader first: each leader the material after it); when the whole paragraph does
not, each of its sentences is tried. Any other order, a leader of the oath, a paper passed on, a
study put off to another meeting, or a name that is no person pairs nothing, and the other readers'
items stand. A single pair only fills an item without a leader; two or more overrule.

And a leader whose object is no title but a pointer to one (领读了关键段落 / 作了领学发言 / 围绕上述篇目):
the leader of the one title its paragraph, or the paragraph before, studied without a leader (or, if
no reader took that title, the one title the paragraph names).
"""

from __future__ import annotations

import re
from itertools import groupby

from core.models import Evidence, StudyItem
from extractors.fields.grammar import Doer, Subjects
from extractors.fields.people import PersonFinder, guess_name, strip_titles
from extractors.layout.lines import Line
from extractors.text.normalize import to_simplified

_TITLE = re.compile(
    r"《[^》]{1,60}》(?:\((?:试行|暂行|\d{4}年(?:版|修订|修正|修订版))\))?(?:第[一二三四五六七八九十\d]{1,3}[卷册辑])?"
)
# a name, up to a mark or the next label (领学人:X学习内容:《…》, the gap between them gone)
_NEXT_LABEL = r"学习(?:内容|材料|篇目)|篇目|内容|材料|形式|时间"
_NAME = rf"(?:(?!{_NEXT_LABEL})[\u4e00-\u9fff·]){{2,8}}?"
_LEAD_WORD = r"(?:领学|领读|导学|导读)"
# a leader's label and its value: 领学——X / 领学人:X / 领学人为X / 领学X; (no gap left between them)
_LABELLED = re.compile(
    rf"{_LEAD_WORD}(?P<sep>(?:人|者)(?:——|—|-|:|为|是)?|——|—|-|:|为|是|\?)?(?P<x>{_NAME})(?:同志)?(?=[,;。:|()\d]|$|{_NEXT_LABEL})"
)
# a label heading both columns, the leader's first: 领学人/学习材料:X/《甲》
_BOTH_COLUMNS = re.compile(rf"{_LEAD_WORD}(?:人|者)?/(?:学习)?(?:材料|内容|篇目):(?P<x>{_NAME})/(?=《)")
# a role given to a person: X同志为本次学习的领学人 / 任领学人 / 被安排为领学人
_ROLE = re.compile(
    rf"(?:^|(?<=[,;。:]))(?P<x>[^,;。:《》]{{2,24}}?)(?:同志)?"
    rf"(?:为|是|任|担任|作为|被安排为|被确定为|被指定为)(?:本次|本月|此次|这次)?(?:集中)?(?:学习)?的?{_LEAD_WORD}人"
)
# a name alone in brackets right after the title: 学习《甲》(X)
_BRACKETED = re.compile(rf"(?<=》)(?:[^,;。《》()]{{1,8}}|\([^()]{{1,12}}\)){{0,3}}?\((?P<x>{_NAME})\)")
# a dash, then a name, after a title, under a 领学 label: 《甲》—X
_DASHED = re.compile(rf"(?<=》)[^,;。《》—]{{0,12}}?(?:——|—|-)(?P<x>{_NAME})(?=[,;。]|$)")
# the study's lead said to be someone's work: 领学工作由X同志承担 / 本次学习由X同志领衔
_TAKEN_ON = re.compile(
    r"(?:领学|学习|领读)(?:工作|任务|环节)?由(?P<x>[^,;。:《》]{2,24}?)(?:同志)?(?:承担|负责|担任|领衔)"
)
# each of several people's part, before their material: X同志负责《甲》,Y同志负责《乙》
_IN_CHARGE = re.compile(rf"(?:^|(?<=[,;。:]))(?P<x>{_NAME})(?:同志)?负责(?=《)")
# a speaker marked as leading the study: X同志(领学):我们先学《甲》
_SPEAKER_ROLE = re.compile(rf"(?:^|(?<=[,;。:]))(?P<x>{_NAME})(?:同志)?\({_LEAD_WORD}(?:人)?\):")
# a lead with no object of its own, its doer the clause's subject: 整个学习环节由X同志领学。 /
# X同志逐段领读并谈了… / 采用X同志领学、党员跟学的形式 / 分成若干专题逐一领学 / 一边领读一边讲解
_BARE = re.compile(r"(?P<v>领学|领读|领衔|带学)(?:了)?(?=[,;。、并]|$|一边|的(?:形式|方式))")
# the words after a lead that had no object, read as one (逐段领读并谈了自己的理解): no material
_GOES_ON = re.compile(r"^(?:并|和|及|然后|随后|同时)")
_OATH = re.compile(r"誓")
# a study put off or planned, not held: 到时由X领学 / 下周教研后由X带着逐条过一遍 / 拟由X领学
PLANNED = re.compile(r"到时|届时|下周|下次|下月|下个月|改到|改为|拟由|拟请|计划由|准备由|将由")
# a sentence saying the study did not take place today
PUT_OFF = re.compile(r"原定|改到|改期|推迟|延后|今天不展开|暂不|下次再学|另行安排学习")
_RELAYED = re.compile(r"传达|宣读|通报|宣布")
# an object that points to a title instead of naming one
_POINTER = re.compile(
    r"^(?:发言|关键段落|重点段落|重要段落|重点章节|有关章节|相关章节|原文|全文|相关内容|有关内容|重点内容"
    r"|上述(?:篇目|内容|文章|材料|文件)|该(?:文|文件|文章|篇目|书|材料)|这篇文章|这部分内容|其中的?(?:重点|关键|重要|有关|相关)?(?:段落|章节|内容|条款))$"
)


def role_led(items: list[StudyItem], lines: list[Line], finder: PersonFinder) -> list[StudyItem]:
    """``items`` with the leaders a paragraph's labels and roles give their materials, and items
    whose object only points to a title given to that title."""
    subjects = Subjects(finder, [line.norm for line in lines])
    paragraphs = [list(group) for _, group in groupby(lines, key=lambda ln: id(ln.span))]
    for paragraph in paragraphs:
        units = [paragraph] if _pairs(paragraph, subjects) else _sentences(paragraph)
        for unit in units:
            pairs = _pairs(unit, subjects)
            for material, leader, said in pairs:  # (one pair may be part of rows across paragraphs: it fills)
                items = _given(items, material, leader, said, overrule=len(pairs) > 1)
            named = {leader for _, leader, _ in pairs}  # (…领学朱东军: no material 朱东军)
            items = [it for it in items if "《" in it.material or it.material not in named]
    titled = {it.leader for it in items if it.leader and "《" in it.material}
    items = [it for it in items if not (_GOES_ON.match(it.material) and it.leader in titled)]
    return _pointers_resolved(items, paragraphs)


def _sentences(paragraph: list[Line]) -> list[list[Line]]:
    """The paragraph's lines grouped into its sentences (a line ending in 。 ! ? closes one)."""
    out: list[list[Line]] = [[]]
    for line in paragraph:
        out[-1].append(line)
        if line.norm.endswith(("。", "!", "?", ".")):
            out.append([])
    return [unit for unit in out if unit]


def _pairs(paragraph: list[Line], subjects: Subjects) -> list[tuple[str, str, list[Line]]]:
    """The (material, leader) pairs of a paragraph whose titles and leaders alternate."""
    text, where = joined_lines(paragraph)
    titles = [(m.start(), "m", m.group()) for m in _TITLE.finditer(text)]
    tokens = _one_mention_each(sorted(dict.fromkeys([*titles, *_leaders(text, subjects, paragraph[0])])))
    if (
        any(_RELAYED.search(_clause(text, at)) for at, _, _ in tokens)
        or PLANNED.search(text)
        or PUT_OFF.search(text)
    ):
        return []  # (会议传达了《…》(X): a paper passed on; 原定…改到下周,到时由X领学: not held here)
    kinds = "".join(kind for _, kind, _ in tokens)
    if len(kinds) < 2 or len(kinds) % 2 or kinds[0] == kinds[1] or kinds != kinds[:2] * (len(kinds) // 2):
        return []
    out = []
    for first, second in zip(tokens[::2], tokens[1::2], strict=True):
        material, leader = (first, second) if first[1] == "m" else (second, first)
        said = list(dict.fromkeys(_line_at(where, material[0]) + _line_at(where, leader[0])))
        out.append((material[2], leader[2], said))
    return out


def _line_at(where: list[tuple[int, Line]], at: int) -> list[Line]:
    """The line of the paragraph that holds the character at ``at``."""
    return [line for start, line in where if start <= at][-1:]


# the person a sentence opens with, before 同志 (组织委员X同志手捧《甲》,…)
_OPENING_SUBJECT = re.compile(r"^(?P<x>[^,;。:《》]{2,16}?)(?:同志|老师)")


def _bare_doer(text: str, at: int, subjects: Subjects, fuzzy: bool) -> Doer | None:
    """Who leads with no object of their own: the verb's subject, else the one the sentence opens
    with (X同志手捧《甲》,一边领读… / X同志将…《甲》,分成若干专题逐一领学)."""
    if doer := subjects.before(text, at, fuzzy=fuzzy):
        return doer
    sentence = re.split(r"[。;]", text[:at])[-1]
    opening = _OPENING_SUBJECT.match(sentence) if "," in sentence else None
    return subjects.named(opening["x"], fuzzy=fuzzy) if opening else None


def joined_lines(paragraph: list[Line]) -> tuple[str, list[tuple[int, Line]]]:
    """The paragraph's lines as one text, a mark between lines that end without one, and where each
    line starts in it."""
    text, where = "", []
    for line in paragraph:
        where.append((len(text), line))
        text += line.norm if line.norm.endswith(("。", ";", ",", ":", "?", "!")) else f"{line.norm};"
    return text, where


def _leaders(text: str, subjects: Subjects, first: Line) -> list[tuple[int, str, str]]:
    """The leaders a paragraph's labels, roles and bare leads name, each at its place (none in a
    clause of the oath, no role, no word that only looks like a name)."""
    fuzzy = first.span.via == "ocr"
    dashed = re.search(_LEAD_WORD, text) is not None
    patterns = (_LABELLED, _BOTH_COLUMNS, _ROLE, _BRACKETED, _TAKEN_ON, _IN_CHARGE, _SPEAKER_ROLE, _BARE)
    found = []
    for pattern in (*patterns, *([_DASHED] if dashed else [])):
        for m in pattern.finditer(text):
            if _of_the_oath(text, m.start()) or _is_verb(m, text):
                continue
            bare = pattern is _BARE
            doer = (
                _bare_doer(text, m.start(), subjects, fuzzy) if bare else subjects.named(m["x"], fuzzy=fuzzy)
            )
            if doer is None or doer.is_role or not (doer.on_roster or guess_name(doer.name) == doer.name):
                continue
            exact = (m.re is _LABELLED and not m["sep"]) or m.re is _BRACKETED
            if exact and doer.name != strip_titles(m["x"].removesuffix("同志")):
                continue  # (领读了关键段落: a verb and its object; (X同志传达): an act, no name alone)
            found.append((m.start("v" if bare else "x"), "x", doer.name))
    return found


def _one_mention_each(tokens: list[tuple[int, str, str]]) -> list[tuple[int, str, str]]:
    """The tokens with a leader named twice in a row kept once (本次学习由X领衔…,…X领学)."""
    out: list[tuple[int, str, str]] = []
    for token in tokens:
        if out and token[1] == "x" and out[-1][1:] == token[1:]:
            continue
        out.append(token)
    return out


def _of_the_oath(text: str, at: int) -> bool:
    """The label stands in a clause about the oath (重温入党誓词,领读人:X)."""
    return _OATH.search(re.split(r"[;。]", text[:at])[-1]) is not None


def _clause(text: str, at: int) -> str:
    """The clause around ``at``: from the mark before it to the mark after it."""
    start = max(text.rfind(mark, 0, at) for mark in ",;。:") + 1
    ends = [k for k in (text.find(mark, at) for mark in ",;。") if k >= 0]
    return text[start : min(ends, default=len(text))]


def _is_verb(m: re.Match[str], text: str) -> bool:
    """``领学X`` with no mark between is a label only when nothing but a mark follows the name
    (领学习近平总书记… is a verb and its object)."""
    return (
        m.re is _LABELLED and not m["sep"] and text[m.end() : m.end() + 1] not in ("", *",;。:|()0123456789")
    )


def _given(
    items: list[StudyItem], material: str, leader: str, said: list[Line], overrule: bool
) -> list[StudyItem]:
    """``items`` with ``material`` led by ``leader``: the item of that title takes the leader (when it
    has none, or ``overrule``), or a new item is added for it."""
    key = folded_title(material)
    ev = [Evidence.of(line.span, line.text) for line in said]
    same = [
        it
        for it in items
        if "《" in it.material
        and (folded_title(it.material).startswith(key) or key.startswith(folded_title(it.material)))
    ]
    if not same:
        return [*items, StudyItem(leader, to_simplified(material), ev)]
    for it in same:
        if it.leader != leader and (it.leader is None or overrule):
            it.leader = leader  # (quoted from the material's line first, for the text order)
            it.evidence = [*ev, *(e for e in it.evidence if e not in ev)] if overrule else [*it.evidence, *ev]
    return items


def folded_title(material: str) -> str:
    """A title folded for matching: script, brackets and marks gone (《甲》（试行） = 《甲(试行)》)."""
    return re.sub(r"[^\u4e00-\u9fff\d]", "", to_simplified(material))


def _pointers_resolved(items: list[StudyItem], paragraphs: list[list[Line]]) -> list[StudyItem]:
    """An item led by someone whose material only points to a title (关键段落, 发言, 上述篇目) gives its
    leader to the one unled title of its paragraph or the paragraph before, and is dropped; so does one
    whose material is another act the lead goes on to (逐段领读并谈了自己的理解), to a title another
    reader took only."""
    place = {line.text: k for k, paragraph in enumerate(paragraphs) for line in paragraph}
    out = list(items)
    for item in items:
        goes_on = _GOES_ON.match(item.material) is not None  # (领读并谈了…: no object, no pointer either)
        if not item.leader or "《" in item.material or not (_POINTER.match(item.material) or goes_on):
            continue
        at = place.get(item.evidence[0].text) if item.evidence else None
        if at is None:
            continue
        for k in (at, at - 1):
            unled = [
                it
                for it in out
                if not it.leader
                and "《" in it.material
                and it.evidence
                and place.get(it.evidence[0].text) == k
            ]
            if len(unled) == 1:
                unled[0].leader = item.leader
                unled[0].evidence.extend(item.evidence)
                out.remove(item)
                break
            titles = _untaken_titles(paragraphs[k], out) if 0 <= k < len(paragraphs) and not goes_on else []
            if not unled and len(titles) == 1:  # (自学《甲》,随后由X领学重点段落: a title no reader took)
                title, line = titles[0]
                out[out.index(item)] = StudyItem(
                    item.leader, to_simplified(title), [Evidence.of(line.span, line.text)]
                )
                break
    return out


def _untaken_titles(paragraph: list[Line], items: list[StudyItem]) -> list[tuple[str, Line]]:
    """The titles of a paragraph no item holds, each with its line (none in a clause of the oath or
    of a paper passed on)."""
    taken = {folded_title(it.material) for it in items if "《" in it.material}
    found = []
    for line in paragraph:
        for m in _TITLE.finditer(line.norm):
            clause = _clause(line.norm, m.start())
            if (
                folded_title(m.group()) not in taken
                and not _RELAYED.search(clause)
                and not _OATH.search(clause)
            ):
                found.append((m.group(), line))
    return found
