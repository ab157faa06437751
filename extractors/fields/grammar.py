"""Who did an act: the subject of a verb in a normalised sentence, without a roster if need be.

The extractors anchor on verbs (主持, 领誓, 领学, 带领…学习, 组织…学习, 讲解); this module
finds the doer in the words before the verb:

- the same clause (``会议中,支部书记李昂主持``: the words since the last ``,;:``),
  connectors such as 随后/首先/会上 and titles stripped, the name cut by the roster or a
  surname (``PersonFinder.resolve``);
- ``蒋书记`` (a surname and a title) is the full name written elsewhere in the account with
  that surname and title (``蒋文斌书记`` / ``书记蒋文斌``);
- a clause without a subject (``…,随后带领全体党员学习了…``) takes the subject of an earlier
  clause of the same sentence;
- a role without a name (``组委领学了``, ``各分支部书记轮流带领``) is kept as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from extractors.fields.people import (
    SURNAME_TITLE,
    PersonFinder,
    after_last_title,
    first_part_of,
    full_name,
    guess_name,
    name_before_act,
    named_alone,
    strip_titles,
)
from extractors.fields.referred import called_in_full, in_full
from extractors.fields.writer import WRITER_CONFIDENCE, named_writer
from extractors.text.normalize import as_written

# the doer is 我, not 我们 (a spoken filler before it: 那个我带大家学了…)
_BY_ME = re.compile(r"(?:^|[是由,]|轮到|该|那个|就是|然后)(?:我|本人)$")

_BREAK = ",;:!?"
# where the doers stood, between them and the verb: A、B在“红军小屋”前领学 / X站在队伍前列领读
# / X在活动室领誓 / X在主会场领学 (a room or a site named by itself)
_POSITION = (
    r"(?:站|走)?在[^,;。、在]{1,16}?(?:前列|前面|前方|前|中间|里|内|中|旁|上|下|外|处|门口)"
    r"|在[^,;。、在的]{0,10}?(?:活动室|会议室|教室|礼堂|会场|现场|广场|大厅|展厅|车间|工地)"
)
# how the act was done, between the doer and the verb: 面对屏幕上的党旗(领誓) / 通过共享屏幕(领学)
_MANNER = (
    r"(?:面对|面向|对着)[^,;。、]{0,12}?党旗(?:前)?|(?:通过|借助|利用|用)?(?:共享屏幕|屏幕共享|视频连线|视频|线上|在线|远程)"
    r"|用[^,;。、]{1,6}?(?:语|话)"  # 用汉傣双语(领学)
    r"|(?:举起|高举|举着)(?:了)?右(?:拳|手)"  # 举起右拳(领读誓词)
)
_WHERE_TAIL = re.compile(rf"{_POSITION}$")
_SEVERAL_TAIL = re.compile(
    r"(?:等)?(?:[两二三四五六七八九十\d](?:位|名|人))?(?:同志|党员)?"
    r"(?:按(?:章节|章|节|编|篇|段|专题|单元|部分|顺序|分工))?(?:分别|先后|依次|轮流|轮番|一起|共同)?"
    # in which sitting each led it: 甲、乙分别在两批(领学) / 分别在上下午两场
    r"(?:在(?:两|二|三|各)(?:批|场|个班次|个班)|在[上下]午(?:两场)?|在各自(?:班组|小组|批次))?$"
)
CONNECTORS = re.compile(
    r"^(?:首先|其次|然后|随后|接[着著]|最后|同时|会上|会中|会议中|会议上|活动中|活动上|期间|其间|此外|另外|之后|"
    r"最终|紧接[着著]|继而|而后|并且|并|还|又|再|也|后|先|由|在|是|即|则|特别是|现场|会后|活动开始后|活动最后)+"
)
# After the doer and before the verb: adverbs, and whom it was done for (为大家, 向全体党员) or how
# (逐段, 结合工作实际): 宣传委员X同志为大家逐段领学 / X两场都领学了.
_TAIL = re.compile(
    r"(?:同志|老师|先生|女士)?"
    r"(?:首先|先后|先|还|也|又|再|随后|然后|接着|随即|分别|一起|共同|亲自|轮流|认真|逐段|逐条|逐句|逐章|详细|深入|重点|系统|召集并|召集和|主持并|主持和|并|简要|简单|扼要|"
    r"(?:[两三四每各](?:场|次|批|轮|期|个班|班))(?:都|均|也)|"  # X两批均(领学) / 三场都
    r"(?:深入浅出|生动|通俗易懂|原原本本|逐字逐句|认真|详细|系统|耐心)地|一段一段|一条一条|一句一句|"  # how: 深入浅出地(带领大家研学)
    r"(?:应邀)?(?:到会|到场|莅临|出席|参加|来到现场)(?:指导|活动|会议)?并|"  # a guest: 委员X到会指导并(领誓)
    r"按(?:章节|章|节|编|篇|段|专题|单元|部分|顺序|分工)|"  # 按章节(领学)
    rf"{_POSITION}|{_MANNER}|"
    r"(?:应邀)?(?:为|给|向|对|同)(?:大家|全体党员|全体与会党员|与会党员|党员们|党员同志们|在座党员|支部党员)"
    r"|进行了?|开展了?|作了?|做了?)*$"
)
ROLE = re.compile(
    r"^(?:各|本|该|两位|几位)?(?:分|党|第[一二三四五六七八九十\d]+|村|社区)?(?:支部|党支部|总支|党总支|党小组|小组|支委会)?(?:的)?"
    # (a higher body's: 院党委书记 / 镇党委委员 / 学院党委组织员)
    r"(?:(?:院|校|镇|乡|街道|村|社区|公司|集团|局|所|厂|学院|医院|县|区|市)?(?:党委|党工委|党组|纪委)(?=书记|副书记|委员|组织员))?"
    r"(?:书记|副书记|支书|组织委员|宣传委员|纪检委员|委员|组委|宣委|纪委|支委|组长|党小组长|小组长|负责人|组织员)"
    r"(?:[、和及与](?:书记|副书记|委员|组委|宣委|支委|组长))*$"
)
# The subject of an earlier clause: the words before its first verb.
_PRONOUN = re.compile(r"[他她]")  # a clause whose subject is a pronoun
_PRONOUN_ONLY = re.compile(r"^[他她](?:还|也|又|则|再|随后|接着|就|同时|并)*$")  # one person, no 们
_CLAUSE_SUBJECT = re.compile(
    r"^(?P<x>[^,;:]{2,18}?)(?:同志)?(?:首先|先后|先|还|也|就|对|作了?|做了?|进行|通报|传达|主持|讲|指出|强调|带领|"
    r"介绍|宣读|为|以|结合|围绕|从|领学|组织|宣讲|解读|讲解|分享|回顾|谈|接棒|接过)"
)


_BRACKETED = re.compile(r"\([^()]*\)|\)[^()]*$")
# an agenda item's number before its doer: 1.院党委书记(领誓) / (2)甲(领学)
_ITEM_NUMBER = re.compile(r"^(?:\d{1,2}[.、]|\(\d{1,2}\)|[一二三四五六七八九十]{1,2}、)")


@dataclass(frozen=True)
class Doer:
    name: str  # a person's name, or a role as written when no name is given
    on_roster: bool
    is_role: bool = False
    confidence: float = 1.0  # below 1 for a fuzzy (OCR) roster match


class Subjects:
    """Doers of acts in one account (``texts``: the normalised sentences, for 蒋书记 lookups)."""

    def __init__(self, finder: PersonFinder, texts: list[str]) -> None:
        self.finder = finder
        self.texts = texts

    @cached_property
    def me(self) -> str | None:
        """Who 我 is: the writer the record names or signs with (``writer.named_writer``)."""
        return named_writer(self.texts, self.finder)

    def before(
        self, norm: str, pos: int, raw: str = "", elided: bool = True, roles: bool = True, fuzzy: bool = False
    ) -> Doer | None:
        """The doer of the act whose verb starts at ``pos`` in ``norm`` (``raw``: the sentence as
        written, for names in traditional script)."""
        start = max(norm.rfind(c, 0, pos) for c in _BREAK) + 1
        chunk = norm[start:pos]
        found = self.named(chunk, raw, roles, fuzzy)
        if found is not None and _does_another_act(chunk, found.name):
            return None  # 赵六同志分享了主持…的经验: the name is the subject of 分享, not of 主持
        if found is None and elided and _PRONOUN_ONLY.match(CONNECTORS.sub("", chunk)):
            # 他还带领大家学习了…: named earlier in the sentence, else in the sentence before
            return self.earlier_subject(norm[:start], raw, fuzzy) or self._previous_subject(norm, fuzzy)
        if found is not None or not elided or _has_content(chunk):
            return found
        return self.earlier_subject(norm[:start], raw, fuzzy, sentence=norm)

    def described(self, description: str, raw: str = "", fuzzy: bool = False) -> Doer | None:
        """The person a description ends with, after its last 的 and its titles (…当选支部书记的杨世荣 /
        支部组织委员、数学组教师端木一鸣同志): what 主持会议的是… / 领誓的是… say."""
        return self.named(after_last_title(description.rsplit("的", 1)[-1]), raw, fuzzy=fuzzy)

    def named(self, chunk: str, raw: str = "", roles: bool = True, fuzzy: bool = False) -> Doer | None:
        """The person (or role) ``chunk`` names; ``fuzzy`` for OCR text (one slip off a roster name)."""
        chunk = _BRACKETED.sub("", chunk)  # 李光振(支部书记) / 张明) cut from 誓词(领誓人:张明)
        chunk = chunk.rsplit("(", 1)[-1]  # 重温入党誓词(甲·乙(领誓): the open bracket's words
        chunk = chunk.rsplit("。", 1)[-1]  # 一、学习。甲·乙(带领大家学习): the sentence the act is in
        chunk = re.sub(r"《[^》]*》?", "", chunk)  # no name inside a title (《…管理工作条例》 is no 管理工)
        chunk = _TAIL.sub("", CONNECTORS.sub("", _ITEM_NUMBER.sub("", chunk))).strip("的")
        if _BY_ME.search(chunk):  # 学习是我(领着大家学…): the writer
            return (
                Doer(self.me, self.me in self.finder.roster, confidence=WRITER_CONFIDENCE)
                if self.me
                else None
            )
        if len(chunk) < 2:
            return None
        full = (
            full_name(chunk, tuple(self.texts), self.finder.roster)
            or in_full(chunk, self.texts)
            # 宣传委员老甘 / 这次由老聂: the one 甘 written in full
            or called_in_full(strip_titles(chunk.rsplit("由", 1)[-1]), self.texts)
        )
        if full is not None:
            return Doer(full, full in self.finder.roster)
        if roles and SURNAME_TITLE.match(chunk):  # 张书记, nobody else of that name: the role as written
            return Doer(as_written(chunk, raw) if raw else chunk, False, is_role=True)
        hit = self.finder.resolve(chunk.rsplit("由", 1)[-1], fuzzy=fuzzy)
        if hit is not None:
            name = hit.name if hit.on_roster else as_written(hit.name, raw) if raw else hit.name
            return Doer(name, hit.on_roster, confidence=hit.confidence)
        if roles and ROLE.match(chunk):
            return Doer(as_written(chunk, raw) if raw else chunk, False, is_role=True)
        if (
            alone := named_alone(chunk)
        ) is not None:  # 羊德旺领学 / 刀正华领学: a rare surname, the whole chunk
            return Doer(as_written(alone, raw) if raw else alone, False)
        m = _CLAUSE_SUBJECT.match(chunk)  # 王芳同志就《党章》进行了(领学): the subject before its adverbials
        if m and m["x"] != chunk and (hit := self.finder.resolve(m["x"], fuzzy=fuzzy)) is not None:
            return Doer(as_written(hit.name, raw) if raw and not hit.on_roster else hit.name, hit.on_roster)
        if (
            whole := first_part_of(strip_titles(chunk), self.texts)
        ) is not None:  # 别尔克 of 别尔克阿斯力别克
            return Doer(whole, False)
        if "的" in chunk and len(last := chunk.rsplit("的", 1)[-1]) >= 2:  # 年龄最大的党员、78岁的妥永贵
            return self.named(last, raw, roles, fuzzy)
        return None

    def several(self, norm: str, pos: int, fuzzy: bool = False) -> list[str]:
        """The people of ``由A、B两位同志分别领学…`` (two or more names joined before the verb)."""
        start = max(norm.rfind(c, 0, pos) for c in _BREAK) + 1
        chunk = re.split(r"(?:分别|先后|依次)?(?:就|对|围绕|以)《", norm[start:pos], maxsplit=1)[0]
        if "《" in chunk:
            return []  # 由A领学《甲》、B(领学《乙》): the one before is another's lead, no list of people
        chunk = _SEVERAL_TAIL.sub("", _TAIL.sub("", _WHERE_TAIL.sub("", CONNECTORS.sub("", chunk))))
        # A同志和B同志: split where 同志 ends a name first (an OCR slip can put 与 or 及 inside one)
        pieces = [p for p in re.split(r"(?<=同志)[、和与及,]?", chunk) if p] if "同志" in chunk else []
        parts = pieces if len(pieces) > 1 else [p for p in re.split(r"[、和与及]", chunk) if p]
        if len(parts) < 2:
            return []
        hits = [self.finder.resolve(p, fuzzy=fuzzy) for p in parts]
        return [h.name for h in hits if h is not None] if all(hits) else []

    def earlier_subject(
        self, before: str, raw: str = "", fuzzy: bool = False, sentence: str | None = None
    ) -> Doer | None:
        clauses = [c for c in re.split(r"[,;:]", before) if c]
        for clause in reversed(clauses):
            m = _CLAUSE_SUBJECT.match(CONNECTORS.sub("", clause))
            if m and _PRONOUN.match(m["x"]):  # 他从…讲起，重点领学了: named in the sentence before
                return self._previous_subject(sentence, fuzzy) if sentence is not None else None
            if m:
                found = self.named(m["x"], raw, roles=False, fuzzy=fuzzy)
                if found is not None:
                    return found
            found = self._leading_name(CONNECTORS.sub("", clause), raw, fuzzy)
            if found is not None:
                return found
        return None

    def _leading_name(self, clause: str, raw: str, fuzzy: bool) -> Doer | None:
        """A clause that opens with a person, whatever verb follows (``X同志采取…的方式,带领…``):
        a roster name after at most a title, or a name written with 同志 (不 ``全体党员同志``)."""
        hits = self.finder.find(clause)
        if hits and strip_titles(clause[: hits[0].end]) == hits[0].name:
            return Doer(hits[0].name, True)
        m = re.match(r"^(?P<x>[^,;:]{2,12}?)同志", clause)
        if m and not hits and not re.search(r"党员|大家|全体|各位", m["x"]):
            return self.named(m["x"], raw, roles=False, fuzzy=fuzzy)
        # 党小组长韦叔平把大家召集起来: a name right after a title, then an act
        rest = after_last_title(clause)
        if not hits and rest != clause and (name := name_before_act(rest)) is not None:
            return Doer(as_written(name, raw) if raw else name, False)
        return None

    def antecedent(self, chunk: str, sentence: str, fuzzy: bool = False) -> Doer | None:
        """Who ``chunk`` means when it opens with 他 or 她 (not 他们): the subject of the sentence
        before ``sentence`` (他站在党旗前领誓 / 全体党员跟着她…宣誓)."""
        if not re.match(r"^[他她](?!们)", CONNECTORS.sub("", chunk)):
            return None
        return self._previous_subject(sentence, fuzzy)

    def named_first(self, sentence: str) -> Doer | None:
        """The person a sentence names first, at the start of a clause after titles (组织委员卓秀兰走到
        党旗前 / 党龄三十年的老党员、退休教师鲍承德,这天…)."""
        for clause in re.split(r"[,;:]", sentence):
            hits = self.finder.find(clause)
            if hits:
                return Doer(hits[0].name, hits[0].on_roster)
            rest = after_last_title(CONNECTORS.sub("", clause))
            name = next((rest[:k] for k in (4, 3, 2) if guess_name(rest[:k]) == rest[:k]), None)
            if name is not None and rest != clause:  # after a title only: no word opening a clause
                return Doer(name, False)
        return None

    def _previous_subject(self, sentence: str, fuzzy: bool) -> Doer | None:
        """The subject of the sentence before ``sentence`` (a pronoun's antecedent), if it names one."""
        at = self.texts.index(sentence) if sentence in self.texts else 0
        if at == 0:
            return None
        for clause in re.split(r"[,;:]", self.texts[at - 1])[:2]:  # 党课中,X结合…讲了: past a setting
            m = _CLAUSE_SUBJECT.match(CONNECTORS.sub("", clause))
            if m and (found := self.named(m["x"], roles=False, fuzzy=fuzzy)) is not None:
                return found
        return self.named_first(self.texts[at - 1])  # 学习环节由宣传委员龙晓雯负责。她…


# a verb with its aspect particle between the doer and the act (分享了, 介绍了, 汇报过); not the light
# verbs that carry the act itself (进行了领学, 作了辅导)
_ANOTHER_ACT = re.compile(r"(?<!进行)(?<!开展)(?<!作)(?<!做)(?:了|(?<![通经超越])过)(?!解)")  # not 通过PPT


def _does_another_act(chunk: str, name: str) -> bool:
    at = chunk.rfind(name)
    return at >= 0 and _ANOTHER_ACT.search(chunk[at + len(name) :]) is not None


def _has_content(chunk: str) -> bool:
    """A clause head that is more than connectors: its subject is not elided."""
    return len(_TAIL.sub("", CONNECTORS.sub("", chunk))) >= 2
