"""A study item read without a leader, whose sentence names one person only, doing the leading:

    由X同志带着大家逐段读、逐段议                      one person, a leading act (带 / 读 / 念 / 讲 / 领 …)
    X同志给大家读《甲》,读得慢、读得清楚
    组织学习的是X同志,学习材料为《甲》
    学:《甲》;领:X;议:联系岗位谈体会

And ``前者由X领学,后者由Y领学`` after a sentence naming two titles: each its own. And a sentence naming as
many people as titles with 分别 (《甲》和《乙》分别由X、Y两位同志领学 / X就《甲》、Y就
《乙》分别进行了领学): each person leads the title in the same place in the order written, when the
readers gave the titles fewer leaders than that.

The person leads the item's material when nobody else is named in the sentence, the person leads no
other material, and the sentence holds no other act that names its doer instead (a paper passed on,
the meeting presided, the oath, a lecture, a speech or an instruction: X同志强调要学好《甲》), no
absence and no study put off or planned. Anything else leaves the item without a leader.
"""

from __future__ import annotations

import re
from itertools import groupby

from core.models import StudyItem
from extractors.fields.people import PersonFinder, guess_name
from extractors.fields.study_roles import PLANNED, PUT_OFF, folded_title, joined_lines
from extractors.layout.lines import Line
from extractors.text.normalize import to_simplified

# an act of leading a study, anywhere in the sentence (not 带头, which only goes first)
_LEADS = re.compile(r"领|带(?!头)|导(?!致)|引导|组织|读|念|讲|诵|负责|担任|担纲|牵头")
# an act whose doer is no study leader, or a sentence about something else
_OTHER_ACT = re.compile(
    r"传达|宣读|通报|宣贯|宣布|主持(?!学习)|誓|党课|讲话|讲座|授课|强调|指出|要求|希望|部署|点评|总结"
    r"|缺席|请假|未参加|没参加|未到|没来|谈心|汇报"
)
_TITLE = re.compile(r"《[^》]{1,60}》")
_CALLED = re.compile(r"(?P<x>[\u4e00-\u9fff]{2,4}?)同志")


def sentence_leaders(items: list[StudyItem], lines: list[Line], finder: PersonFinder) -> list[StudyItem]:
    """``items`` with the leaders their sentences' people give (``lone_leaders``, then
    ``respective_leaders``), the record's paragraphs joined once for both."""
    paragraphs = _paragraphs(lines)
    items = respective_leaders(lone_leaders(items, paragraphs, finder), paragraphs, finder)
    return former_and_latter(items, paragraphs, finder)


def lone_leaders(
    items: list[StudyItem], paragraphs: dict[str, tuple[str, str]], finder: PersonFinder
) -> list[StudyItem]:
    """``items`` with each titled item that has no leader given the one person its sentence names."""
    taken = {it.leader for it in items if it.leader}
    for item in items:
        if item.leader or "《" not in item.material or len(item.evidence) != 1:
            continue
        paragraph, line = paragraphs.get(item.evidence[0].text, ("", ""))
        person = _lone_leader(paragraph, item.material, finder) or _lone_leader(line, item.material, finder)
        if person and person not in taken:
            item.leader = person
            taken.add(person)
    return items


_RESPECTIVELY = re.compile(r"分别|依次")


def respective_leaders(
    items: list[StudyItem], paragraphs: dict[str, tuple[str, str]], finder: PersonFinder
) -> list[StudyItem]:
    """``items`` with the titles of a 分别 sentence led by its people, in the order written."""
    for paragraph in dict.fromkeys(text for text, _ in paragraphs.values()):
        for sentence in re.split(r"(?<=[。!?])", paragraph):
            if not _RESPECTIVELY.search(sentence) or not _leads(sentence):
                continue
            titles = list(dict.fromkeys(folded_title(m.group()) for m in _TITLE.finditer(sentence)))
            people = list(dict.fromkeys(hit.name for hit in finder.find(sentence)))
            held = [
                [
                    it
                    for it in items
                    if it.material.startswith("《") and folded_title(it.material).startswith(t)
                ]
                for t in titles
            ]
            if len(titles) < 2 or len(people) != len(titles) or not all(held):
                continue
            if len({it.leader for group in held for it in group if it.leader}) < len(titles):
                for group, person in zip(held, people, strict=True):
                    for it in group:
                        it.leader = person
    return items


# 前者由A同志领学,后者由B同志领学: the leader of each of the two titles the sentence before names
_FORMER_LATTER = re.compile(
    r"前者(?:由|是|为)?(?P<a>[^,;。由]{2,16}?)(?:同志)?(?:领学|领读|导读|解读|讲解|负责|带领学习)"
    r"[^。]*?[,;]后者(?:则|也|还)?(?:由|是|为)?(?P<b>[^,;。由]{2,16}?)(?:同志)?(?:领学|领读|导读|解读|讲解|负责|带领学习)"
)


def former_and_latter(
    items: list[StudyItem], paragraphs: dict[str, tuple[str, str]], finder: PersonFinder
) -> list[StudyItem]:
    """``items`` with the two titles of a sentence led by the people ``前者由A…,后者由B…`` names in the
    same sentence or the next one."""
    for paragraph in dict.fromkeys(text for text, _ in paragraphs.values()):
        sentences = re.split(r"(?<=[。!?])", paragraph)
        for before, sentence in zip(["", *sentences], sentences, strict=False):
            if (m := _FORMER_LATTER.search(sentence)) is None:
                continue
            told = (_TITLE.findall(sentence[: m.start()]), _TITLE.findall(before))
            if (named := next((t for t in told if len(t) == 2), None)) is None:
                continue
            people = [hit.name for k in ("a", "b") if (hit := finder.resolve(m[k])) is not None]
            titles = [folded_title(t) for t in named]
            held = [[it for it in items if folded_title(it.material).startswith(t)] for t in titles]
            if len(people) == 2 and all(held) and len(set(titles)) == 2:
                for group, person in zip(held, people, strict=True):
                    for it in group:
                        it.leader = person
    return items


def _lone_leader(text: str, material: str, finder: PersonFinder) -> str | None:
    """The one person named in the one sentence of ``text`` that writes the material, when that
    sentence leads a study and holds no other act."""
    sentences = _sentences_of(text, material)
    people = _people(sentences[0], finder) if len(sentences) == 1 else set()
    return people.pop() if len(people) == 1 and _leads(sentences[0]) else None


def _paragraphs(lines: list[Line]) -> dict[str, tuple[str, str]]:
    """Each line's text to its paragraph's (the lines of one span, a mark between lines that end
    without one) and its own, normalised, in simplified script."""
    out: dict[str, tuple[str, str]] = {}
    for _, group in groupby(lines, key=lambda ln: id(ln.span)):
        paragraph = list(group)
        text = to_simplified(joined_lines(paragraph)[0])
        out.update((line.text, (text, to_simplified(line.norm))) for line in paragraph)
    return out


def _sentences_of(text: str, material: str) -> list[str]:
    """The sentences of ``text`` that write the material's title."""
    key = folded_title(material)
    return [
        s
        for s in re.split(r"(?<=[。!?])", text)
        if any(
            folded_title(m.group()) == key or key.startswith(folded_title(m.group()))
            for m in _TITLE.finditer(s)
        )
    ]


def _people(sentence: str, finder: PersonFinder) -> set[str]:
    """The roster names a sentence writes, else the names it writes before 同志."""
    found = {hit.name for hit in finder.find(sentence)}
    if found or finder.roster:
        return found
    return {
        name for m in _CALLED.finditer(sentence) if (name := guess_name(m["x"])) and m["x"].endswith(name)
    }


def _leads(sentence: str) -> bool:
    bare = _TITLE.sub("《》", sentence)  # (a title's own words are no act: 《…讲话》)
    return bool(_LEADS.search(bare)) and not (
        _OTHER_ACT.search(bare) or PLANNED.search(bare) or PUT_OFF.search(bare)
    )
