"""Study items: who led the study (领学) of which material.

A material is a 《…》 title with an immediately following volume qualifier
(``《习近平谈治国理政》第四卷``), or, for a descriptive item, the words after
领学 up to the next punctuation (``共产党员的8项权利和8项义务``).

A material read by OCR is matched against the plan's materials: a title a few OCR
slips away from exactly one planned title is that title (``snap_material``).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from core.models import Evidence, StudyItem
from extractors.fields.agenda import agenda_items
from extractors.fields.grammar import Subjects
from extractors.fields.materials import same_work
from extractors.fields.people import NOT_NAMES, PersonFinder, guess_name
from extractors.fields.study_lone import sentence_leaders
from extractors.fields.study_roles import PLANNED, PUT_OFF, role_led
from extractors.layout.lines import Line
from extractors.text.normalize import as_written, edit_distance, normalize, to_simplified

_ADV = r"(?:认真|共同|集中|一起|深入|系统|再次|逐条|逐段|逐句|逐章|逐篇|集体|重点|专题|全面|进一步)*"
# (读了新修订的《…》: a few words may stand between the reading and its title)
_STUDY_VERB = (
    r"(?:学习(?!资料|材料|笔记|用品|强国|园地|专栏)|重温|诵读|收看|观看|研读|研学|领读|阅读|朗读|(?<![送补])学(?!习|生|校|院|员|期|年|科|堂|会|术|历|位|者|子|前|龄)"
    r"|读(?=了?[^,;。《》]{0,8}《))"
)
# how the title of a document ends (a lecture's own title is a topic: 把界碑立在心里)
_DOCUMENT = r"(?:条例|准则|章程|规定|决议|决定|纲要|简史|报告|讲话|摘编|选读|文选|文集|治国理政|百问|意见|通知|办法|细则|宪法|法)"
_IS_DOCUMENT = re.compile(rf"^《[^》]{{1,60}}?{_DOCUMENT}(?:\([^()]*\))?》")


def is_document(material: str) -> bool:
    """A material titled as a document is (《…条例》, 《…简史》), not a lecture's topic (把界碑立在心里)."""
    return _IS_DOCUMENT.match(normalize(material)) is not None


# reading a material out and explaining it as one goes: 一边读一边讲 / 边念边讲 / 念一段讲一段
_READ_AND_TOLD = r"(?:一?边(?:读|念)一?边(?:讲|解释|说)|(?:读|念)一段讲一段)"
# The verbs of leading a study (组织…学习 and 带领…学习 with up to 16 characters of object between).
_LEAD = re.compile(
    rf"领学(?![人者前时后])(?!中(?!央|国|共|华))(?!习(?!近平|总书记|主席))(?![^,;。:()《》]{{2,6}}同志(?:[,;。]|$))|领读|(?<![指辅引教督])导学(?!生)|带学(?!生|校|员|科)|带读|讲读"
    rf"|(?:朗读|诵读)了?(?=《)"  # 甲朗读《…》第四章,乙边读边讲: reading it out to the meeting
    rf"|(?:讲解|解读|导读|宣讲|辅导|讲授|讲述|通读|串讲|精讲|精读|分享)(?:学习)?了?(?:新修订|新修改|修订后|最新)?的?(?=《)"
    # X通过PPT解读《…》 / X用藏汉双语逐条讲解了《…》 / X用普通话诵读了《…》: how the leader explained or read
    # it out to the others, between the two
    rf"|(?:通过|借助|利用|运用|结合|采用|用)[^,;。:《》]{{1,12}}?(?:讲解|解读|导读|宣讲|讲授|串讲|精讲|诵读|朗读)了?(?=《)"
    # X用国家通用语言和维吾尔语双语领学了《…》: the languages it was led in (not 应用化学专业X领学)
    rf"|(?<![应采运])用[^,;。:《》]{{1,14}}?(?:语|话)领(?:学|读)了?(?=《)"
    # 给大家讲了《…》 / 逐段读了《…》: explaining a material to the others, or reading it through
    rf"|(?:(?:给|为|向)(?:大家|全体党员|与会党员|党员们?|同志们)讲|(?:逐段|逐条|逐句|原原本本地?)(?:讲|读|念))(?:了讲|了)?(?=《)"
    # 给大家读了《…》,一边读一边讲: reading it to the others and explaining it (reading a piece aloud alone is no lead)
    rf"|(?:给|为|向)(?:大家|全体党员|与会党员|党员们?|同志们)(?:读|念)了?(?=《[^》]+》[^。]{{0,30}}?{_READ_AND_TOLD})"
    rf"|(?<![主听开宣])讲了(?=《)"
    # X拿着《…》,一段一段念给大家听 / X选取了《…》中一节作为领学内容: the material told before the verb
    rf"|(?P<aloud>(?:念|读|讲)给(?:大家|全体党员|与会党员|党员们?|同志们)听)|选取了?(?=《[^》]+》[^,;。]{{0,30}}?作为(?:领学|学习)内容)"
    # 围绕《甲》和《乙》,A同志和B同志分别进行了宣讲: each explained one, the titles told before them
    rf"|(?<=分别|先后|依次)(?:进行了?|作了?)?(?:宣讲|讲解|解读|导读|领学)(?=[,;。]|$)"
    # X应邀为支部党员主讲《…条例》: a document explained to the members (主讲 of a lecture's own title is
    # the lecture, not a study led)
    rf"|主讲了?(?=《[^》]{{2,40}}?{_DOCUMENT}(?:\([^()]*\))?》)"
    # 今天学的是《…》,X同志领的学 / 学《…》,X领: the verb ends the clause, the title came before it
    rf"|(?<=[\u4e00-\u9fff])(?:领的学|(?<![带引率统认本要首占])领)(?=[;。]|$)"
    # 由X作专题辅导,辅导内容为《…》 / 由X作专题辅导,围绕《…》讲…: the material told after the clause
    rf"|(?<=[\u4e00-\u9fff])(?<![并又还也再和])作(?:了)?(?:专题)?(?:辅导|分享学习|学习分享)(?=[,;。]|$)"
    # 《…》由X同志导读,大家边听边思: the verb ends the clause, the title came before it
    rf"|(?<=同志|老师|书记|委员)(?:导读|解读|讲解|宣讲|通读)(?=[,;。]|$)"
    # 《乙》则由副书记X逐条解读,她结合…: explained point by point, the title came before
    rf"|(?P<by>(?<=[\u4e00-\u9fff])(?:逐条|逐段|逐句|逐章)(?:导读|解读|讲解))(?=[,;。]|$)"
    rf"|带领(?P<o1>[^,;。:《》]{{0,16}}?){_ADV}{_STUDY_VERB}"
    rf"|组织(?!委员|生活|部|员|关系)(?P<o2>[^,;。:《》()]{{0,16}}?){_ADV}(?:学习|研读|收看|观看|重温|诵读|研学|学(?=了?《))"
    # 领着大家学习 / 带头学习 (not 带着问题学习: how they studied, not who led; not 带着学习材料上门送学: the
    # study taken to those away, after the meeting)
    rf"|(?:领[着著]|带头|带[着著](?!问题|疑问|任务|感情|思考|责任))(?P<o3>[^,;。:《》]{{0,12}}?){_ADV}{_STUDY_VERB}"
    # 带大家学习 / 带全体党员研读 / 带着大家逐段读了一遍 (带 with whom it leads, the spoken form of 带领)
    rf"|(?:带|领)[着著]?(?=大家|全体|党员|与会|在座|同志们)(?P<o4>[^,;。:《》]{{0,12}}?){_ADV}(?:学习|研读|诵读|学|读|念)"
    # X带着大家把《…》读了一遍: the 把 of what they were led through
    rf"|(?:带领|带[着著]|领[着著]|带)(?:大家|全体党员|党员们?|与会党员|同志们)把(?=《[^》]+》[^,;。]{{0,16}}?(?:读|学|念|过|研读|通读))"
    # X主持学习了《…》: chairing the study is leading it
    r"|主持(?:了)?(?=(?:学习|研读|领学)(?:了)?《)"
    # X组织党员开展《…》专题学习: the material between the verb of organising and the study
    r"|(?:组织|带领)(?!委员|生活|部|员)[^,;。:《》]{0,12}?(?:开展|进行)了?(?=《[^》]+》[^,;。]{0,16}?(?:专题|集中|集体|深入)?学习)"
    # X组织党员围绕《…》第一章开展集中学习: the material between the verb of organising and the study
    r"|(?:组织|带领)(?!委员|生活|部|员)[^,;。:《》]{0,12}?(?:围绕|就|结合)(?=《[^》]+》[^,;。]{0,16}?(?:开展|进行)了?"
    r"(?:专题|集中|集体|深入)?(?:学习|研学))"
)
# the person in charge of the study part: 学习环节由X主持 / 集中学习由X负责, the study told after it
_PART_LEADER = re.compile(
    r"(?:学习|集中学习|理论学习|学习环节|学习部分)(?:环节|部分)?由(?P<x>[^,;。由]{2,20}?)(?:同志)?"
    r"(?:主持|负责|带领|组织|领学|主讲)"
)
# the leader in brackets after the title it led: 学习内容:《甲》(A领学)、《乙》(B领学)
_BRACKET_LEADER = re.compile(
    r"(?P<m>《[^》]+》[^()《》,;。、]{0,20}(?:\([^()]*\))?[^()《》,;。、]{0,12})"
    r"\((?P<x>[^()《》]{2,16}?)(?:同志)?(?:领学|领读|导读|主讲|解读)\)"
)
# … or labelled inside it: 《甲》(第1-3章)(领读:A同志)
_BRACKET_LABEL = re.compile(
    r"(?P<m>《[^》]+》[^()《》,;。、]{0,20}(?:\([^()]*\))?[^()《》,;。、]{0,12})"
    r"\((?:领学|领读|导读|导学)(?:人)?:(?P<x>[^()《》:]{2,16}?)(?:同志)?\)"
)
# the leader named in the study sentence itself: 学习《…》,领学人:X / 领学人为X / 《…》(领学:X)
# (学习篇目《…》,领学X同志,形式为…: the leader right after the word, as a label without its colon)
_INLINE_LEADER = re.compile(
    r"领学(?:(?:人|者)(?:为|是|:)?|为|是|:|(?=[^,;。:()《》]{2,6}同志(?:[,;。]|$)))"
    r"(?P<x>[^,;。:()]{2,14}?(?=同志)|[^,;。:()]{2,14})"  # up to the first 同志: 陆芳同志为本月入党的金超…
)
# the material labelled after the leader: 领学人X,学习材料《…》
_MATERIAL_AFTER = re.compile(r"[,;](?:学习)?(?:材料|内容|篇目)(?:为|是|:)?(?=《)")
# a list of leaders each with their material: 领学人:A(《甲》)、B(《乙》)
_LEADER_MATERIALS = re.compile(
    r"(?P<x>[^,;。:()、]{2,12})\((?P<m>《[^》]+》[^()]{0,20}(?:\([^()]*\))?[^()]{0,12})\)"
)
# who led it, told after 的是: 领读《政府工作报告》中教育部分的,是…教研组长、党员X同志
_LEAD_CLEFT = re.compile(
    r"(?:领学|领读|导读|带学|讲解|解读)了?(?P<m>《[^》]+》[^,;。]{0,20}?)的,?(?:是|为)(?P<x>[^,;。:—]{2,40})"
)
# … or after the material's label and clause: 本次学习的材料是《…》,领学的是宣传委员X同志
_CLEFT_AFTER = re.compile(
    r"(?:材料|内容|篇目)(?:是|为|:)?(?P<m>《[^》]+》[^,;。]{0,20}?)[,;](?:本次|此次|这次)?(?:领学|领读|导读|导学)(?:人)?的?(?:是|为)"
    r"(?P<x>[^,;。:、和与及]{2,20})(?=[,;。]|$)"
)
# quoted words are a name for something (采取“领学+交流”的方式), not an act
_QUOTED = re.compile(r"“[^”]{0,20}”")
# whom the study follows: 党员们跟随X同志学习了《…》 / 先跟着X学了《…》
_FOLLOWING = re.compile(
    r"(?:跟随|跟着|追随|随同)(?P<x>[^,;。跟随]{2,24}?)(?:同志|老师)?(?:一起|一道|共同|认真)*(?=学习|研读|诵读|研学|学了?《)"
)
# Explaining a material during the study: X就《…》…进行了详细地讲解.
_EXPLAIN = re.compile(
    r"(?:就|对|围绕)(?:学习)?(?:新修订|新修改|修订后|最新)?的?(?P<m>《[^》]+》[^;。]{0,120}?)(?:进行了?|作了?|做了?|作)[^,;。]{0,6}?(?:讲解|解读|辅导|导读|宣讲)"
    # X作了《…》导读 / X进行了《…》的解读
    r"|(?:作了?|做了?|进行了?)(?P<m2>《[^》]+》[^,;。《]{0,12}?)的?(?:导读|解读|辅导|讲解)"
)
# how the explaining was done, between the person and the verb: 逐条作了解读 / 作了详细讲解
_HOW = r"(?:逐条|逐段|逐句|详细|深入|系统|简要|重点|认真|一一|结合实际|联系实际)?"
# The material studied first, the person explaining it in the next clause:
# 全体党员集中学习了《…》，宣传委员X同志进行了解读.
_EXPLAINED_AFTER = re.compile(
    r"(?:学习|研读|诵读|研学|观看|收看|宣读|传达|通读)了?[^,;。《]{0,8}?(?P<m>《[^》]+》[^,;。]{0,40}?)[,;]"
    rf"(?P<x>[^,;。《》]{{2,24}}?)(?:同志)?(?:在学习中|在学习过程中)?(?:随后|并|还|又)?{_HOW}(?:进行了?|作了?|做了?)?{_HOW}"
    r"(?:解读|讲解|辅导|导读|串讲)"
)
# … or led by one and explained by another, with what it was tied to: X领学《…》,党员教授Y结合…作了解读 (both
# lead the study, as the labelling rules count who explains a material)
_EXPLAINED_WITH = re.compile(
    r"(?:领学|领读|学习|研读)了?[^,;。《]{0,8}?(?P<m>《[^》]+》[^,;。]{0,40}?)[,;]"
    r"(?P<x>[^,;。《》]{2,24}?)(?:同志)?(?:结合|围绕|联系|针对)[^;。]{0,60}?"
    rf"(?:进行了?|作了?|做了?){_HOW}(?:解读|讲解|辅导)"
)
# … or told again in another tongue by a second person, who leads it too: X领学《…》,Y用藏语逐条讲解 /
# X领学了《…》。Y用傣语又讲了一遍 / Y用藏语把条文里的意思讲给老党员听 (an interpreter's 翻译 is no lead)
_RETOLD_MATERIAL = r"(?:领学|领读|学习|研读)了?[^,;。《]{0,8}?(?P<m>《[^》]+》[^,;。]{0,40}?)"
_RETOLD_BY = (
    r"(?P<x>(?!边|一边|并|同时|随后|接着)[^,;。《》]{2,24}?)(?:同志)?(?:再|又|还)?(?:用|以)[^,;。《》]{1,6}?[语话文]"
    r"[^,;。《》]{0,14}?(?:(?:逐条|逐段|逐句)?(?:讲解|解读|解释)|又?讲了?一遍|讲给)"
)
_RETOLD = re.compile(rf"{_RETOLD_MATERIAL}[,;]{_RETOLD_BY}")
_RETOLD_ABOVE = (re.compile(rf"{_RETOLD_MATERIAL}。?$"), re.compile(rf"^{_RETOLD_BY}"))
# The leader written as a circumstance: 在X(同志)的带领下，大家共同学习了《…》.
_UNDER = re.compile(
    r"在(?P<x>[^,;。在]{2,24}?)(?:同志)?的?(?:带领|组织|引领|引导|带动|领读|领学|指导|辅导|讲解)下"
    # 全体党员由X同志带领,集中学习了《…》
    r"|由(?P<y>[^,;。由]{2,24}?)(?:同志)?(?:带领|组织|引领|领读|领学|主讲)(?=[,]|$)"
)
_CONTENT = re.compile(
    r"(?:学习|分享)?的?(?:内容|篇目|材料)(?:为|是|:)|(?<=[,;])(?:学习?|读)的是"
)  # 学习由X主讲,内容为《…》 / 分享的内容是《…》 / 由X带学,学的是…
_STUDIED = re.compile(rf"{_ADV}(?:学习|研读|诵读|研学|收看|观看|领学|领读)(?:了|贯彻)?")
# Papers of an election or admission procedure read out at the meeting are not study material.
_PROCEDURAL = re.compile(
    r"(?:批复|请示|选举|候选人|人选|换届|表决|公示)(?![^》]*(?:条例|规定|准则|章程)(?:\((?:试行|暂行)\))?》)"
)  # (not 《中国共产党基层组织选举工作条例》: a rule book studied)
# a superior's reply or a request, read out in an election's procedure: 宣读了…的《批复》
_REPLY = re.compile(r"(?:批复|请示)》?$")
_NOT_LED = re.compile(r"开展|召开|举办|举行")  # 组织开展…学习教育: a campaign, not a study led
_NOT_STUDY_OBJECT = re.compile(r"^[了]?(?:一遍|一次)?(?:入党誓词|誓词|宣誓)|^[^,;。]{0,6}誓")
# a leader's form label, after an item number: 领学人:X / 1、导读:X / 导学人:X / 领学负责人:X
# (after the part's heading: 【集中学习】领学:X, its brackets gone in the normalising)
_LEADER_HEAD = r"^(?:\d{1,2}[、.]|[一二三四五六七八九十]{1,2}、)?(?:(?:集中|理论|专题)?学习(?:环节)?:|学习)?(?:领学|导读|导学|领读)(?:负责人|人|者)?:"
# (the value ends at the next label: 领学人:公冶明　学习内容:《…》, its gap gone in the normalising)
_LEADER_LABEL = re.compile(
    rf"{_LEADER_HEAD}(?P<x>(?:(?!学习(?:内容|材料|篇目)|记录|参会|参加)[^,;。]){{2,14}})"
)
# a line opening with the 领学 label, read with the leader's materials after it: 领学人: /
# 【集中学习】领学: / [领学] X:《…》 (only 领学: the other labels are read by _LEADER_LABEL)
# (领学人及学习内容: X——《…》;Y、Z——《…》 / 领学分工: X——《…》: one label for both, each leader's materials
# after a dash)
_LEADER_FIRST = re.compile(
    r"^(?:[\[【][^\]】]{1,8}[\]】])?\s*[\[【]?领学(?:人|者|分工|安排)?(?:(?:及|和|与)(?:学习)?(?:内容|材料))?(?:[\]】]\s*:?|:)"
)
# an item of such a label's value: 司空毅、戈静怡——《中国共产党章程》总纲
_DASHED_LEAD = re.compile(
    r"(?:^|(?<=[:;]))(?P<x>[^,;。:()《—]{2,20}?)(?:——|—|--)(?P<m>《[^》]+》[^;。]{0,20})"
)
_MATERIAL_LABEL = re.compile(
    r"^(?:学习(?:内容|材料|篇目)?|篇目|学|(?:领读|领学)(?:材料|内容|篇目)):(?P<m>.+)"
)
# the leader a 领学 label gives, up to the material (领学:X,内容:《…》 / 领学:X 学《…》, the space dropped)
_LABELLED_WHO = re.compile(r"[^,;。:()《]{2,14}?(?=(?:领|带)?学习?《|学习(?:内容|材料|篇目):|[,;。:()《]|$)")
_STUDY_ONLY = re.compile(
    r"(?:学习|研读|研学|研习|重温|传达|宣贯|宣读|通报|诵读|朗读|阅读|品读|精读|通读|细读|共读|跟读|温习|收听|聆听|解读|讲解|宣讲|领学|领读|辅导"
    # each on their own, at the meeting (党员们自学了《…》 / 各自自学了二十分钟《…》; not 会后自学)
    r"|(?<!会后)(?<!课后)(?<!回去)(?<!课余)(?<!业余)自学"
    # said plainly of all together, no one leading: 大家一起学了《…》 / 大伙儿又一块儿读了《…》 (not 带我们学了, 给大家念了:
    # led by the one before)
    r"|(?<=一起|共同|集体)(?:学|读|念)了|(?<=一块)儿(?:学|读|念)了"
    r"|(?<![给为向带领跟同和着])(?:大家|大伙儿?)又?(?:一起|一块儿?)?(?:学|读|念)了"
    r"|(?:集中|集体|一起|共同)(?:收看|观看|看了))"  # a film watched together as study (not 观看纪录片: one item of a day)
    r"(?:了|贯彻|传达|宣贯)?(?:[^《,;。]{0,10}?|[^《,;。]{1,8}?[和及、][^《,;。]{1,8}?"  # (学习了…报告和新修订的《…》
    r"|[^《,;。]{0,14}?(?:转发|下发|印发|发布|推送|编印)的)"  # (自学了公司党委通过卫星宽带转发的《…》)
    r"(?P<m>《[^》]{1,60}》[^,;。]*)"
    r"|(?P<b>《[^》]{1,60}》[^,;。《]{0,6}?)(?:开展|进行|组织)了?(?:集体|集中|专题|深入|逐条|逐章|逐段|系统)?(?:学习|传达|宣贯|宣读|解读|讲解)"
)
_TITLE = re.compile(
    r"《[^》]{1,60}》(?:\((?:试行|暂行|\d{4}年(?:版|修订|修正|修订版))\))?"
    r"(?:第[一二三四五六七八九十\d]{1,3}[卷册辑]|\(第[一二三四五六七八九十\d]{1,3}[卷册辑]\)(?=$|[^,;。、和及与《]{0,3}))?"
    r"(?:\(?[Pp]\d+-[Pp]?\d+\)?)?"
)
_QUALIFIER_PAGES = re.compile(r"\(?[Pp]\d+-[Pp]?\d+\)?$")
_DESCRIPTIVE_END = re.compile(r"[,;。:]")
_OATH = re.compile(r"誓")
_PARTS = re.compile(r"^《(?P<title>[^》]+)》(?P<qualifier>.*)$")
SLIPS_PER_CHARS = 6  # a title may differ by one character in six (at least one) and still be the plan's


_WORDS = re.compile(r"[\u4e00-\u9fffA-Za-z]{2}")


def materials_in(text: str) -> list[str]:
    """Materials named in the text after a study verb."""
    titles = [_QUALIFIER_PAGES.sub("", m.group()) for m in _TITLE.finditer(text)]
    if titles:
        return titles
    descriptive = _DESCRIPTIVE_END.split(text, maxsplit=1)[0].strip()
    descriptive = re.sub(r"^(?:学习|了)+", "", descriptive)
    return [descriptive] if _WORDS.search(descriptive) else []  # (not a blank's dashes: 学习内容:——)


def study_items(lines: list[Line], finder: PersonFinder, materials: Sequence[str] = ()) -> list[StudyItem]:
    items = _distinct(_led_items(lines, finder))  # 领学《甲》,领学中…: one item, read twice
    led = {normalize(i.material) for i in items}
    # (学习由X主讲,内容为《…》: read as the part's and as 由X主讲)
    items.extend(i for i in _distinct(_under_items(lines, finder)) if normalize(i.material) not in led)
    led = {title_key(i.material) for i in items if i.leader}
    items.extend(i for i in _form_items(lines, finder) if i.leader or title_key(i.material) not in led)
    if paired := _paired_rows(lines, finder):  # each material row with its leader's row after it
        keys = {title_key(i.material) for i in paired}
        items = [i for i in items if title_key(i.material) not in keys] + paired
    items = _agenda_led(items, lines, finder)
    items.extend(_unled_items(lines, items))
    items.extend(_planned_items(lines, items, materials))
    items = _leaders_next_door(items, lines, finder)
    items = role_led(items, lines, finder)  # 《甲》,领学X / X同志为领学人 / 领读了关键段落
    items = sentence_leaders(items, lines, finder)  # X同志带着大家读《甲》 / 《甲》和《乙》分别由X、Y领学
    items += _part_leaders(items, lines, finder)
    items += _explainers(items, lines, finder)
    items = _in_text_order(items, lines)
    _led_by_a_part(items, lines)
    for item in items:
        if _read_by_ocr(item):
            item.material = snap_material(item.material, materials)
    return items


def _distinct(items: list[StudyItem]) -> list[StudyItem]:
    """The first item of each leader and material, in order."""
    first: dict[tuple[str | None, str], StudyItem] = {}
    for item in items:
        first.setdefault((item.leader, item.material), item)
    return list(first.values())


_VOLUME = re.compile(r"《([^》]+)》(第[^,;。()]{1,4}[卷册章篇部讲辑])?")
# An edition written after the closing bracket belongs to the title: 《…规定》(试行), 《…》（2023年版）
_EDITION_AFTER = re.compile(r"》\(((?:试行|暂行|\d{4}年(?:版|修订|修正|修订版)))\)")
_KEY_DROP = re.compile(r"[\s《》()\[\]【】〔〕<>“”‘’\"'·•・,，、.。:：;；!！?？—–\-_]")


def title_key(text: str) -> str:
    """A material's identity for matching: width, script and every bracket and punctuation mark
    folded away (``《中国共产党支部工作条例（试行）》`` = ``《中国共产党支部工作条例》(试行)``)."""
    return _KEY_DROP.sub("", _EDITION_AFTER.sub(r"(\1)》", normalize(text)))


# a leading verb that ends its sentence with nothing studied in it: X同志领学。 / 由X同志领学。
_BARE_LEAD = re.compile(r"(?:领学|领读|导读|带领大家学习|带领全体党员学习|组织学习)(?:了)?(?=[,;。.]|$)")


_LEADER_ONLY = re.compile(rf"{_LEADER_HEAD}(?P<x>[^,;。:《》]{{2,14}})[。.;]?$")
# … or who explained it, beside a document studied: 学习篇目:《…条例》; then 主讲:X。
_EXPLAINER_ONLY = re.compile(r"^(?:主讲|宣讲|讲解)(?:人)?:(?P<x>[^,;。:《》]{2,14})[。.;]?$")


def _leaders_next_door(items: list[StudyItem], lines: list[Line], finder: PersonFinder) -> list[StudyItem]:
    """``会议学习了《…》。X同志领学。`` / ``X同志领学。学习内容为《…》。``: a sentence that only says who
    led gives its leader to the materials of the sentence next to it, when they have none."""
    subjects = Subjects(finder, [line.norm for line in lines])
    at = {line.text: i for i, line in enumerate(lines)}
    for i, line in enumerate(lines):
        if _TITLE.search(line.norm) or _OATH.search(line.norm):
            continue  # (入党誓词由X领读: the oath's leader, no study's)
        fuzzy = line.span.via == "ocr"
        documents_only = False
        if label := _LEADER_ONLY.match(line.norm):  # 学习《…》。领学:张三。
            doer = subjects.named(label["x"], line.text, fuzzy=fuzzy)
        elif label := _EXPLAINER_ONLY.match(line.norm):
            doer, documents_only = subjects.named(label["x"], line.text, fuzzy=fuzzy), True
        elif m := _BARE_LEAD.search(line.norm):
            doer = subjects.before(line.norm, m.start(), line.text, fuzzy=fuzzy)
        else:
            continue
        if doer is None:
            continue
        for j in (_looked_back(lines, i), i + 1):
            near = [
                it
                for it in items
                if not it.leader
                and it.evidence
                and at.get(it.evidence[0].text) == j
                and (is_document(it.material) or not documents_only)
            ]
            if near and not any(
                it.leader and it.evidence and at.get(it.evidence[0].text) == j for it in items
            ):
                for it in near:
                    it.leader = doer.name
                    it.evidence.append(Evidence.of(line.span, line.text))
                break
    return items


MAX_TOLD_BETWEEN = 2  # lines of how the study went between a material and the line naming its leader


def _looked_back(lines: list[Line], i: int) -> int:
    """The line before the one at ``i`` whose materials a bare lead gives its leader: the one just
    before, or the one before a few lines of the same paragraph that only tell how the study went
    (学习篇目为《…》。 / 党员们会前已自学原文,会上…展开讨论。 / 整个学习环节由X同志领学。)."""
    j = i - 1
    while j > 0 and i - j <= MAX_TOLD_BETWEEN and lines[j].span is lines[i].span and _told_how(lines[j]):
        j -= 1
    return j if lines[j].span is lines[i].span or j == i - 1 else i - 1


def _told_how(line: Line) -> bool:
    """A line with no title, no lead, no oath and nobody named as doing anything."""
    return not (
        _TITLE.search(line.norm) or _OATH.search(line.norm) or _LEAD.search(line.norm) or "同志" in line.norm
    )


# one reads a material out, another explains it in the same sentence: 甲逐段领读,乙逐段解读 /
# 甲领读《…》…,读完由乙作解读 / 甲朗读《…》,乙边读边讲
_EXPLAINED_BY = re.compile(
    r"[,;](?:读完|念完)?(?:后)?(?:由|再由)?(?!结合|围绕|联系|针对|根据|按照|对照|重点|着重|并)(?P<x>[^,;。《》对把将就关于和与及]{2,16}?)(?:逐段|逐条|逐句|随后|接着|再)?"
    r"(?:作了?|进行了?)?(?:解读|讲解|解说|边读边讲|边念边讲)"
)


_READ_OUT = re.compile(r"领读|朗读|诵读|念")


def _explainers(items: list[StudyItem], lines: list[Line], finder: PersonFinder) -> list[StudyItem]:
    """The one who explains a material another read out to the meeting (领读, 朗读, 念), in the same
    sentence: a leader of it too."""
    subjects = Subjects(finder, [line.norm for line in lines])
    out: list[StudyItem] = []
    for line in lines:
        read = [it for it in items if it.leader and any(e.text == line.text for e in it.evidence)]
        if not read:
            continue
        for m in _EXPLAINED_BY.finditer(line.norm):
            if not _READ_OUT.search(line.norm[: m.start()]):
                continue  # (甲领学《…》,乙作了讲解: a comment on a study led, by the labels' habit no leading)
            doer = subjects.named(m["x"], line.text, fuzzy=line.span.via == "ocr")
            if doer is None or doer.is_role or not (doer.on_roster or guess_name(m["x"]) == doer.name):
                continue  # (结合全县国土绿化任务作了讲解: no one)
            known = {(o.leader, o.material) for o in [*items, *out]}
            out.extend(
                StudyItem(doer.name, material, [Evidence.of(line.span, line.text)])
                for material in dict.fromkeys(it.material for it in read)
                if (doer.name, material) not in known
            )
    return out


def _part_leaders(items: list[StudyItem], lines: list[Line], finder: PersonFinder) -> list[StudyItem]:
    """``…分两部分:第一部分由A领学,…;第二部分由B领学,…``: the sentence was cut at the ``;``, and a
    part that names its leader but no title is a part of the material of the clause before."""
    subjects = Subjects(finder, [line.norm for line in lines])
    out: list[StudyItem] = []
    for before, line in itertools.pairwise(lines):
        if not before.norm.endswith(";") or _TITLE.search(line.norm) or _read_from(items, line):
            continue
        studied = _read_from(items, before)
        for m in _LEAD.finditer(line.norm) if studied else ():
            doer = subjects.before(line.norm, m.start(), line.text, fuzzy=line.span.via == "ocr")
            after = _strip_le(line.norm[m.end() :])
            if doer is None or doer.is_role or _OATH.search(m.group()) or _NOT_STUDY_OBJECT.match(after):
                continue
            for it in studied:
                if not any((o.leader, o.material) == (doer.name, it.material) for o in [*items, *out]):
                    out.append(StudyItem(doer.name, it.material, [Evidence.of(line.span, line.text)]))
    return out


# a part of a material named just before, not a material of its own: 该法"产业发展"一章 / 第六章"…" /
# 公报全文 / 纲要第三部分 (the title's last word, then a part) / 总则和"家庭保护"一章
_PART_OF = re.compile(
    r"^(?:该|本|此|其|上述)|^第[一二三四五六七八九十百\d]{1,4}(?:章|部分|节|条|讲|篇|专题|单元|编)|全文$"
    r"|(?:一章|一节|一编|部分|章节|条款|几条)$|^(?:总则|附则|序言|前言|导言)"  # 总则和“家庭保护”一章
)


def _led_by_a_part(items: list[StudyItem], lines: list[Line]) -> None:
    """``学习《…》。X领学了公报全文`` / ``学习《…》,由X领学第六章``: a titled material no one was read
    leading takes the leader of the part of it led in its own sentence or the next (items in text
    order)."""
    at = {line.text: i for i, line in enumerate(lines)}
    for titled, part in itertools.pairwise(items):
        if titled.leader or not part.leader or not titled.material.startswith("《"):
            continue
        if not (titled.evidence and part.evidence) or not _names_a_part(part.material, titled.material):
            continue
        here, there = at.get(titled.evidence[0].text), at.get(part.evidence[0].text)
        if here is not None and there is not None and 0 <= there - here <= 1:
            titled.leader = part.leader
            if there != here:
                titled.evidence.append(part.evidence[0])


def _names_a_part(part: str, title: str) -> bool:
    if part.startswith("《"):
        return False
    bare = title_key(title)
    return _PART_OF.search(part) is not None or any(
        part.startswith(bare[-k:]) for k in (2, 3, 4) if len(bare) > k
    )


def _read_from(items: list[StudyItem], line: Line) -> list[StudyItem]:
    return [it for it in items if it.evidence and it.evidence[0].text == line.text]


def _in_text_order(items: list[StudyItem], lines: list[Line]) -> list[StudyItem]:
    """Items as the record writes them: by sentence, then by where the material stands in it."""
    where = {line.text: (i, line.norm) for i, line in enumerate(lines)}

    def key(item: StudyItem) -> tuple[int, int]:
        i, norm = where.get(item.evidence[0].text if item.evidence else "", (len(lines), ""))
        at = norm.find(normalize(item.material))
        return (i, at if at >= 0 else len(norm))

    return sorted(items, key=key)


def material_matches(wanted: str, studied: str) -> bool:
    """Whether a studied material is the wanted one: the same 《title》 (editions written inside
    or after the brackets, any width or script), and the same volume when both name one;
    descriptive materials by containment."""
    w, s = _EDITION_AFTER.sub(r"(\1)》", normalize(wanted)), _EDITION_AFTER.sub(r"(\1)》", normalize(studied))
    wt, st = _VOLUME.search(_bare_volume(w)), _VOLUME.search(_bare_volume(s))
    if wt and st:
        same_title = title_key(wt.group(1)) == title_key(st.group(1)) or same_work(wt.group(1), st.group(1))
        wv, sv = _volume_name(wt.group(2)), _volume_name(st.group(2))
        return same_title and (not wv or not sv or wv == sv)
    kw, ks = title_key(w), title_key(s)
    return bool(kw and ks) and (kw in ks or ks in kw)


_DIGITS = dict(zip("123456789", "一二三四五六七八九", strict=True))


def _bare_volume(text: str) -> str:
    """《…》(第四卷) -> 《…》第四卷."""
    return re.sub(r"》\((第[^()]{1,4}[卷册辑])\)", r"》\1", text)


def _volume_name(volume: str | None) -> str | None:
    """第4卷 and 第四卷 are one volume."""
    return "".join(_DIGITS.get(ch, ch) for ch in volume) if volume else None


def material_written(wanted: str, text: str) -> bool:
    """Whether the wanted material's title is written in ``text`` at all (folded as in
    ``title_key``; one slip in six characters tolerated), whatever the sentence says about it."""
    m = _VOLUME.search(_EDITION_AFTER.sub(r"(\1)》", normalize(wanted)))
    want = title_key(m.group(1) if m else wanted)
    have = title_key(text)
    if len(want) < 2:
        return False
    if m and m.group(2):  # 《…》第三卷 wanted: a title written only with another volume is another book
        volumes = [
            _volume_name(v.group(2))
            for v in _VOLUME.finditer(_bare_volume(normalize(text)))
            if title_key(v.group(1)) == want
        ]
        if volumes and all(v and v != _volume_name(m.group(2)) for v in volumes):
            return False
    if want in have:
        return True
    slips = max(1, len(want) // SLIPS_PER_CHARS)
    return any(
        edit_distance(want, have[i : i + len(want) + d], slips) <= slips
        for i in range(max(1, len(have) - len(want) + 1))
        for d in (-1, 0, 1)
    )


def _read_by_ocr(item: StudyItem) -> bool:
    return any(e.confidence is not None for e in item.evidence)  # Evidence.of keeps OCR confidence only


def snap_material(read: str, materials: Sequence[str]) -> str:
    """The planned material an OCR-read one stands for, if exactly one is within a few slips."""
    near = {m for m in materials if _near_material(normalize(read), normalize(m))}
    if len(near) != 1:
        return read
    planned = near.pop()
    got, want = _PARTS.match(normalize(read)), _PARTS.match(normalize(planned))
    if got and want and not got["qualifier"] and want["qualifier"]:
        return f"《{want['title']}》"  # the read names the book without the volume: keep it so
    return planned


def _near_material(read: str, planned: str) -> bool:
    got, want = _PARTS.match(read), _PARTS.match(planned)
    if bool(got) != bool(want):
        return False
    if got and want:
        if not _near(got["title"], want["title"]):
            return False
        q, wq = got["qualifier"], want["qualifier"]
        return not q or not wq or edit_distance(q, wq, 1) <= 1
    return _near(read, planned)


def _near(a: str, b: str) -> bool:
    slips = max(1, len(b) // SLIPS_PER_CHARS)
    return edit_distance(a, b, slips) <= slips


# a make-up study for those who were away, after the meeting: 由X组织3名同志于5月5日前观看党课录像补学
_MAKE_UP = re.compile(r"^[^,;《]{0,30}?(?:补学|补课)")


def _led_items(lines: list[Line], finder: PersonFinder) -> list[StudyItem]:
    subjects = Subjects(finder, [line.norm for line in lines])
    out = []
    for at, line in enumerate(lines):
        quoted = [q.span() for q in _QUOTED.finditer(line.norm)]
        matches = [
            m
            for m in _LEAD.finditer(line.norm)
            if not any(a < m.start() < b for a, b in quoted)
            and not line.norm.startswith(")", m.end())
            and not re.match(r":(?!《|“)", line.norm[m.end() :])  # (领学:X): a label, read below
            and not (m["by"] and "由" not in _clause_before(line.norm, m.start()))  # (结合…苗头逐条讲解)
        ]  # 《甲》(A领学): read with the bracket below
        matches = [m for m in matches if not (m["aloud"] and _read_out_as_detail(line.norm, m, matches))]
        for i, m in enumerate(matches):
            between = "".join(m[g] or "" for g in ("o1", "o2", "o3", "o4"))
            if (
                _OATH.search(m.group())
                or _campaign(between, m.group(), line.norm[m.end() :])
                or PLANNED.search(_clause_before(line.norm, m.start()))
                or _MAKE_UP.search(line.norm[m.end() :].split("。", 1)[0])
            ):
                continue
            end = matches[i + 1].start() if i + 1 < len(matches) else len(line.norm)
            region = _strip_le(line.norm[m.end() : end])
            if _NOT_STUDY_OBJECT.match(region):
                continue
            fuzzy = line.span.via == "ocr"
            several = subjects.several(line.norm, m.start(), fuzzy)
            titles = materials_in(region) if _TITLE.search(region) else []
            if (
                len(several) > 1 and not titles
            ):  # A和B分别就《甲》和《乙》进行了领学 / 围绕《甲》和《乙》,A和B分别…
                titles = [t.group() for t in _TITLE.finditer(_clause_before(line.norm, m.start()))]
                earlier = [t.group() for t in _TITLE.finditer(_sentence_before(line.norm, m.start()))]
                titles = titles or (earlier if len(earlier) == len(several) else [])
            if len(several) > 1 and len(several) == len(titles):  # 由A、B分别领学《甲》和《乙》
                for name, title in zip(several, titles, strict=True):
                    out.extend(_items(name, title, line))
                continue
            if len(several) > 1 and len(titles) == 1:  # A、B领学《甲》: both led it
                for name in several:
                    out.extend(_items(name, titles[0], line))
                continue
            doer = subjects.before(line.norm, m.start(), line.text, fuzzy=fuzzy)
            if doer is not None:
                items = _items(doer.name, _material_region(line.norm, m.start(), region), line)
                out.extend(items or _under_heading(doer.name, lines[at - 1] if at else None, region))
        out.extend(_inline_items(line, subjects))
        for m in [*_BRACKET_LEADER.finditer(line.norm), *_BRACKET_LABEL.finditer(line.norm)]:
            doer = subjects.named(m["x"], line.text, fuzzy=line.span.via == "ocr")
            if doer is not None:
                out.extend(_items(doer.name, m["m"], line))
        label = _LEADER_FIRST.match(line.norm)
        if label:
            pairs = [(m.groupdict(), line) for m in _LEADER_MATERIALS.finditer(line.norm, label.end())]
            pairs = pairs or _dashed_run(line, label.end(), lines[at + 1 :])
            for pair, said in pairs:
                doer = subjects.named(pair["x"], said.text, fuzzy=said.span.via == "ocr")
                if doer is not None:
                    out.extend(_items(doer.name, pair["m"], said))
            who = _LABELLED_WHO.match(line.norm, label.end())
            if not pairs and who and _TITLE.search(line.norm, label.end()):  # 领学:X,内容:《…》
                doer = subjects.named(who.group(), line.text, fuzzy=line.span.via == "ocr")
                if doer is not None:
                    out.extend(_items(doer.name, line.norm[who.end() :], line))
        for m in [
            *_LEAD_CLEFT.finditer(line.norm),
            *_CLEFT_AFTER.finditer(line.norm),
        ]:  # 领读《…》…的,是…X同志
            doer = subjects.described(m["x"], line.text, fuzzy=line.span.via == "ocr")
            if doer is not None:
                out.extend(_items(doer.name, m["m"], line))
        explained = (_EXPLAINED_AFTER, _EXPLAINED_WITH, _RETOLD)
        for m in [found for pattern in explained for found in pattern.finditer(line.norm)]:
            doer = subjects.named(m["x"], line.text, roles=False, fuzzy=line.span.via == "ocr")
            if doer is not None:
                out.extend(_items(doer.name, m["m"], line))
        if at and not matches and (headed := _headed_lead(line, lines[at - 1], subjects)):
            out.extend(headed)  # 一、学习《…》。 then X对照…,逐条解读…: the heading's material
        if at:
            out.extend(_retold(line, lines[at - 1], subjects))  # X领学《…》。 then Y用傣语又讲了一遍
        for m in _EXPLAIN.finditer(line.norm):
            doer = subjects.before(line.norm, m.start(), line.text, fuzzy=line.span.via == "ocr")
            if doer is not None and not doer.is_role:
                out.extend(_items(doer.name, m["m"] or m["m2"], line))
        out.extend(_explained_back(line, lines[at - 1] if at else None, subjects))
    return out


# explaining what the sentence before studied, named by a word pointing back: X就这部分内容作了讲解
_EXPLAIN_BACK = re.compile(
    r"(?:就|对|围绕)(?:这部分|这一部分|该部分|上述|以上|这些|此项|该项|其)(?:学习)?(?:内容|材料|文件|篇目|章节|精神)?"
    rf"[^,;。《》]{{0,30}}?(?:进行了?|作了?|做了?){_HOW}(?:讲解|解读|辅导|导读|宣讲|领学)"
)


def _explained_back(line: Line, before: Line | None, subjects: Subjects) -> list[StudyItem]:
    """``会议安排学习《…》相关内容。组织委员X同志就这部分内容的核心要义作了讲解``: the one who explains
    what the sentence before studied leads it (the sentence before in the line, else the line before)."""
    out = []
    for m in _EXPLAIN_BACK.finditer(line.norm):
        stop = line.norm.rfind("。", 0, m.start())
        said = line if stop > 0 else before
        region = (line.norm[:stop] if stop > 0 else before.norm.rstrip("。") if before else "").rsplit(
            "。", 1
        )[-1]
        studied = _STUDIED.search(region)
        if said is None or studied is None or _TITLE.search(line.norm, stop + 1, m.start()):
            continue
        doer = subjects.before(line.norm, m.start(), line.text, fuzzy=line.span.via == "ocr")
        if doer is not None and not doer.is_role and not _IN_PASSING.search(region[: studied.start()]):
            out.extend(_items(doer.name, region[studied.end() :], said))
    return out


def _inline_items(line: Line, subjects: Subjects) -> list[StudyItem]:
    """The leader named in the study sentence itself, the material before it (学习《…》,领学人:X / 《甲》的领学人是
    A,《乙》的领学人是B: each its own clause's) or labelled after it (领学人X,学习材料《…》)."""
    out = []
    start = 0
    for inline in _INLINE_LEADER.finditer(line.norm):
        before = line.norm[start : inline.start()]
        after = _MATERIAL_AFTER.match(line.norm, inline.end())
        region = before if _TITLE.search(before) else line.norm[after.end() :] if after else ""
        doer = subjects.named(inline["x"], line.text, fuzzy=line.span.via == "ocr") if region else None
        if doer is not None:
            out.extend(_items(doer.name, region, line))
        start = inline.end()
    return out


def _dashed_run(line: Line, start: int, after: list[Line]) -> list[tuple[dict[str, str], Line]]:
    """The items of a 领学 label's value written leader——material, one per leader (甲、乙——《…》: both),
    the value running on to the next lines after a ;."""
    out = [(pair, line) for pair in _dashed_pairs(line.norm[start:])]
    for prev, nxt in zip([line, *after], after, strict=False):
        if not out or not prev.norm.endswith(";") or _DASHED_LEAD.match(nxt.norm) is None:
            break
        out += [(pair, nxt) for pair in _dashed_pairs(nxt.norm)]
    return out


def _dashed_pairs(value: str) -> list[dict[str, str]]:
    return [
        {"x": who, "m": m["m"]}
        for m in _DASHED_LEAD.finditer(value)
        for who in re.split(r"[、和及与]", m["x"])
        if who
    ]


def _clause_before(norm: str, verb: int) -> str:
    return norm[max(norm.rfind(c, 0, verb) for c in ",;:") + 1 : verb]


def _read_out_as_detail(norm: str, aloud: re.Match[str], matches: list[re.Match[str]]) -> bool:
    """念给大家听 as a detail of a study told before it in the sentence (X领学《…》,把…一条一条念给大家听)
    or of what 把 reads out (她把书里…的段落念给大家听), not a study of its own."""
    start = norm.rfind("。", 0, aloud.start()) + 1
    earlier = any(start <= m.start() < aloud.start() for m in matches)
    return earlier or "把" in _clause_before(norm, aloud.start())


def _sentence_before(norm: str, verb: int) -> str:
    return norm[norm.rfind("。", 0, verb) + 1 : verb]


def _campaign(between: str, lead: str, after: str) -> bool:
    """带领大家开展了学雷锋活动 / 组织开展…学习教育: a campaign or an activity, not a study led
    (带领大家开展了集中学习 is one)."""
    if not _NOT_LED.search(between):
        return False
    return (
        re.search(r"学习|研读|研学|收看|观看|诵读$", lead) is None
        or re.match(r"教育|活动|竞赛|月", after) is not None
    )


# a clause that names its own leader: …,《乙》由B领学 / …,《乙》相关内容由B带领学习
# a later clause with its own agent: ,《乙》由B… / ,再由B对《乙》进行解读
_OWN_AGENT = re.compile(r"[,;](?=《[^》]+》[^,;。]{0,12}?由|(?:再|又|然后|随后|接着|之后|最后|后)?由)")
# a clause asking for study after the meeting (…,要求全体党员会后继续自学《…》): not this meeting's material
_AFTER_MEETING = re.compile(
    r"[,;](?=[^,;。]{0,12}?(?:会后|课后|课下|今后)[^,;。]{0,8}?(?:自学|学习|阅读|研读))"
)


def _material_region(norm: str, verb: int, region: str) -> str:
    """The words naming the material: after the verb, or, when no title follows it in its clause, a
    title in the same clause before it (X围绕《…》进行领学, X就《…》领学, 《…》由X带领学习)."""
    region = _AFTER_MEETING.split(_OWN_AGENT.split(region, maxsplit=1)[0], maxsplit=1)[0]
    clause = norm[max(norm.rfind(c, 0, verb) for c in ",;:") + 1 : verb]
    first = re.split(r"[,;。]", region, maxsplit=1)[0]
    if _TITLE.search(first):
        return region
    if _TITLE.search(clause):
        return clause  # 《甲》由A带领学习,《乙》由B带领学习: the title before the verb, not the next clause's
    bare = re.sub(r"^(?:了|一下|进行了)", "", first)
    if len(bare) > 1 and not _NO_OBJECT.match(bare):
        return region
    sentence = _sentence_before(norm, verb)
    if _TITLE.search(sentence):
        return sentence  # 大家学习了《…》,由X领学 / X对照《…》,带领党员逐条学习、逐条对照: the object came before
    said = _STUDIED_THEN_BY.match(sentence)
    if said and not _TITLE.search(norm[verb:].split("。", 1)[0]):
        return said["m"]  # 二、学习二十大报告第五部分,由X组织大家学习: the object named first, untitled
    rest = norm[verb:].split("。", 1)[0]
    content = _CONTENT.search(rest) or _ABOUT.search(rest)
    return rest[content.end() :] if content else region  # X作领学发言,领学内容为《…》 / …,围绕《…》讲


def _under_heading(leader: str, before: Line | None, region: str) -> list[StudyItem]:
    """(二)学习《…》。 then 宣传委员X作导学,她…: a lead with no material of its own leads the one the
    item's heading, the sentence before, names."""
    if before is None or _TITLE.search(region.split("。", 1)[0]):
        return []
    heading = _STUDY_HEADING.search(before.norm)
    return [] if heading is None else _items(leader, heading["m"], before)


def _retold(line: Line, before: Line, subjects: Subjects) -> list[StudyItem]:
    """X领学《…》。 then Y用傣语又讲了一遍: Y, telling it again in another tongue, leads it too."""
    by = _RETOLD_ABOVE[1].match(line.norm)
    told = _RETOLD_ABOVE[0].search(before.norm) if by else None
    if by is None or told is None:
        return []
    doer = subjects.named(by["x"], line.text, roles=False, fuzzy=line.span.via == "ocr")
    return [] if doer is None else _items(doer.name, told["m"], before)


# explaining it, in the sentence after a heading that names the material: …,逐条解读确定发展对象的程序
_HEADED_LEAD = re.compile(r"(?:逐条|逐段|逐句|逐章|详细|重点)?(?:解读|讲解|导读|导学|宣讲)")


def _headed_lead(line: Line, before: Line, subjects: Subjects) -> list[StudyItem]:
    """(一)学习《…》。 then 组织委员X对照细则第三章,逐条解读…: the one who explains, in the sentence after
    a heading that only names the material, leads it."""
    verb = _HEADED_LEAD.search(line.norm.split("。", 1)[0])
    if verb is None or _TITLE.search(line.norm[: verb.start()]):
        return []
    doer = subjects.before(line.norm, verb.start(), line.text, fuzzy=line.span.via == "ocr")
    return [] if doer is None or doer.is_role else _under_heading(doer.name, before, line.norm[verb.end() :])


# a sentence that only names what was studied, as an item's heading: (二)学习《…》。
_STUDY_HEADING = re.compile(
    r"^(?:\(?[一二三四五六七八九十\d]{1,2}[)、.]\s*)?(?:全体党员|大家|与会党员)?(?:集中|集体|认真|共同)*学习了?"
    r"(?P<m>《[^》]+》[^,;。《》]{0,12})。?$"
)

# the material told after the verb's clause: …,围绕《…》讲 / …,就《…》谈
_ABOUT = re.compile(r"(?<=[,;])(?:围绕|就|结合|对)(?=《)")
# what follows a lead verb that is no material: 领学、逐条对照 / 领学中穿插了… / 领学发言 / 读了一遍
# an item studying what it names, then who led it: 二、学习二十大报告第五部分“…,…”,由X组织大家学习
_STUDIED_THEN_BY = re.compile(
    r"^(?:\d{1,2}[、.]|[一二三四五六七八九十]{1,2}、)?(?:集中|专题|理论)?学习(?!了?[,;])(?!这|那|环节)"
    r"(?P<m>(?:[^,;。“”]|“[^”]*”){2,60}?)[,;]由"
)
_NO_OBJECT = re.compile(
    r"(?:[、,]|中|时|后|过程|期间|发言|讲话|辅导|工作|任务|研讨|讨论|交流|并|[一两三几]遍)"
)


def _under_items(lines: list[Line], finder: PersonFinder) -> list[StudyItem]:
    """在X的带领下 … 学习了《…》: X leads what the sentence says was studied after it."""
    subjects = Subjects(finder, [line.norm for line in lines])
    out = []
    for line in lines:
        for m in _FOLLOWING.finditer(line.norm):
            doer = subjects.named(m["x"], line.text, fuzzy=line.span.via == "ocr")
            region = _strip_le(re.sub(r"^(?:学习|研读|诵读|研学)", "", line.norm[m.end() :]))
            if doer is not None and not doer.is_role and _TITLE.search(region):
                out.extend(_items(doer.name, region, line))
        for m in [*_UNDER.finditer(line.norm), *_PART_LEADER.finditer(line.norm)]:
            after = line.norm[m.end() :]
            verb = _STUDIED.search(after.split("。", 1)[0]) or _CONTENT.search(after.split("。", 1)[0])
            if verb is None or _OATH.search(after[: verb.end()]):
                continue
            doer = subjects.named(
                m["x"] or m.groupdict().get("y") or "", line.text, fuzzy=line.span.via == "ocr"
            )
            region = _strip_le(after[verb.end() :])
            if doer is not None and _TITLE.search(region) and not _NOT_STUDY_OBJECT.match(region):
                out.extend(_items(doer.name, region, line))
    return out


def _strip_le(region: str) -> str:
    return re.sub(r"^(?:了|贯彻|传达|宣贯)+", "", region).split(";", 1)[0].split("。", 1)[0]


def _items(leader: str, region: str, line: Line) -> list[StudyItem]:
    """One item per material in ``region``, each quoted as written (（试行） keeps its brackets)."""
    if leader in NOT_NAMES:
        return []  # (要求支委班子带头学党史: 班子 is no one)
    ev = [Evidence.of(line.span, line.text)]
    return [  # (…,宣读了上级党委的《批复》: an election's procedure, not studied)
        StudyItem(leader, _as_written(material, line.text), list(ev))
        for material in materials_in(region)
        if not _REPLY.search(material)
    ]


# a form's labels in the order written, several to a line once the gaps between them are gone
_FORM_LABELS = re.compile(
    r"(?:^|(?<=[\u4e00-\u9fff;。)》]))(?:领学人?|领读人?):(?P<x>(?:(?!学习(?:内容|材料|篇目))[^,;。:《])+)"
    r"|(?:^|(?<=[\u4e00-\u9fff;。)》]))学习(?:内容|材料|篇目):(?P<m>《[^》]+》)"
)


def _paired_rows(lines: list[Line], finder: PersonFinder) -> list[StudyItem]:
    """Each material row with the leader row right after it, the pairs repeated (学习内容:《甲》 /
    领学人:A 学习内容:《乙》 / 领学人:B): two or more of each, alternating, the material first."""
    found = [(m, line) for line in lines for m in _FORM_LABELS.finditer(line.norm)]
    kinds = "".join("m" if m["m"] else "x" for m, _ in found)
    if len(found) < 4 or kinds != "mx" * (len(found) // 2):
        return []
    out = []
    for (material, said), (leader, line) in zip(found[::2], found[1::2], strict=True):
        named = finder.names_in_list(leader["x"], fuzzy=line.span.via == "ocr")
        if len(named) != 1:
            return []
        ev = [Evidence.of(said.span, said.text), Evidence.of(line.span, line.text)]
        out.append(StudyItem(named[0], _as_written(material["m"], said.text), ev))
    return out


def _form_items(lines: list[Line], finder: PersonFinder) -> list[StudyItem]:
    """A form's 领学人: and 学习内容: rows: one leader for every material, or leaders and materials
    listed in the same order (领学人:A、B / 学习内容:《甲》;《乙》)."""
    labelled = next(((i, m) for i, line in enumerate(lines) if (m := _LEADER_LABEL.match(line.norm))), None)
    at = next((i for i, line in enumerate(lines) if _MATERIAL_LABEL.match(line.norm)), None)
    if at is None:
        return []
    if labelled and labelled[0] + 1 < len(lines) and _MATERIAL_LABEL.match(lines[labelled[0] + 1].norm):
        at = (
            labelled[0] + 1
        )  # (学习内容:《甲》,领学人:A。领学负责人:B。学习内容:《乙》: B's is the row after)
    leader = (lines[labelled[0]], labelled[1]) if labelled else None
    rows = [lines[at], *itertools.takewhile(lambda ln: ln.norm.startswith("《"), lines[at + 1 :])]
    text = _MATERIAL_LABEL.match(rows[0].norm)["m"] + "".join(ln.norm for ln in rows[1:])  # type: ignore[index]
    materials = materials_in(text)
    named = finder.names_in_list(leader[1]["x"], fuzzy=leader[0].span.via == "ocr") if leader else []
    leaders: list[str | None] = list(named) if len(named) == len(materials) else [None] * len(materials)
    if len(named) == 1:
        leaders = [named[0]] * len(materials)
    ev = [Evidence.of(ln.span, ln.text) for ln in rows]
    written = "".join(ln.text for ln in rows)
    return [
        StudyItem(who, _as_written(m, written), list(ev)) for who, m in zip(leaders, materials, strict=True)
    ]


# a paper named first, passed on at the clause's end: 《甲》,按上级要求由X同志向大家传达 / X同志将《甲》的主要
# 内容向全体党员作了传达 / 机关党委转来的《甲》,X同志在会上作了宣读 / X就《甲》的精神作了传达宣贯
_PASSED_ON_AFTER = re.compile(
    r"(?P<m>《[^》]{1,60}》[^;。《》]{0,30}?)(?:作了|进行了?|向[^,;。《》]{1,8}?)(?:传达|宣读|通报)(?:宣贯|学习)?了?(?=[,;。]|$)"
)
# a study mentioned in a speech or a plan, not done at the meeting: 要求大家认真学习《…》, 谈了学习《…》的体会
_IN_PASSING = re.compile(
    r"要求|强调|号召|希望|倡议|鼓励|提醒|指出|谈了?|畅谈|分享|下一步|下一阶段|今后|继续|要把|要将|把$"
    # another meeting's study: 说下次党小组会学习《…》 / 上月学习《…》的笔记
    r"|下次|下回|下月|下个月|下周|下一次|上月|上个月|上次|上回|上周|上一次"
)
_ABOUT_IT = re.compile(r"^[^,;。]{0,8}?(?:的)?(?:心得|体会|感悟|感想|认识|笔记|提出了?要求|作出部署|与本职)")


# an agenda item that is a study: 集中学习 / 学习一篇文章 (not 唱一首红歌《…》, 观看纪录片《…》)
_AGENDA_STUDY = re.compile(r"学习|研读|研学|领学|导读|导学|诵读|传达|宣讲|解读")


def _agenda_led(items: list[StudyItem], lines: list[Line], finder: PersonFinder) -> list[StudyItem]:
    """The materials of an agenda item that is a study, led by the doer written beside it (a 负责人
    column, ``——X``, ``(领学:X)``), for the materials no sentence gave a leader."""
    led = {title_key(i.material) for i in items if i.leader}
    found = []
    for item in agenda_items(lines, finder):
        if not _AGENDA_STUDY.search(item.what):
            continue
        for m in _TITLE.finditer(item.what):
            material = to_simplified(as_written(_QUALIFIER_PAGES.sub("", m.group()), item.text))
            if title_key(material) not in led:
                led.add(title_key(material))
                found.append(StudyItem(item.doer.name, material, [Evidence.of(item.line.span, item.text)]))
    keys = {title_key(i.material) for i in found}
    return [i for i in items if i.leader or title_key(i.material) not in keys] + found


# (a clause opening with the time: 会前,党员已集中自学了…; not 对照会前发放的文本…自学, a text handed out before)
_NEXT_MEETING = re.compile(r"下次|下回|下月|下个月|下周|下一次|拟于|拟在|计划于")
_OWN_TIME = re.compile(
    r"(?:^(?:\d{1,2}[、.]|[一二三四五六七八九十]{1,2}、)?|[,(:])(?:会前|课前|事先|提前|此前|之前|会后|课后|平时|日常)"
)
_ON_THEIR_OWN = re.compile(r"自主|自行|各自|个人")  # (会前党员自主学习了《…》: each on their own)


def _unled_items(lines: list[Line], found: list[StudyItem]) -> list[StudyItem]:
    known = {normalize(item.material) for item in found}
    out = []
    for line in lines:
        if PUT_OFF.search(line.norm):
            continue  # 原定本次学习《…》,学习改到下周: a study put off, not held
        for m in [*_STUDY_ONLY.finditer(line.norm), *_PASSED_ON_AFTER.finditer(line.norm)]:
            before = _sentence_before(line.norm, m.start())
            if ("自学" in m.group() or _ON_THEIR_OWN.search(before)) and _OWN_TIME.search(before):
                continue  # 会前,党员已集中自学了《…》: studied before the meeting, not at it
            if _NEXT_MEETING.search(_sentence_before(line.norm, m.start())):
                continue  # 下次党小组会拟于10月中旬召开,内容为学习《…》: the next meeting's
            if _IN_PASSING.search(_clause_before(line.norm, m.start())) or _ABOUT_IT.match(
                line.norm[m.end("m") if m["m"] else m.end() :]
            ):
                continue  # 要求大家认真学习《…》 / 谈了学习《…》的体会: said in a speech, not studied here
            for material in materials_in(m["m"] or m.groupdict()["b"]):
                if material not in known and not _PROCEDURAL.search(material):
                    known.add(material)
                    out.append(
                        StudyItem(None, _as_written(material, line.text), [Evidence.of(line.span, line.text)])
                    )
    return out


# a sentence with a study act of any wording (读 / 学 / 念 / 讲 / 研 / 诵 / 领 / 带 …), for a planned title
_ANY_STUDY_ACT = re.compile(r"学|读|念|讲|研|诵|温|悟|领|带|导")
# a sentence about something else than this meeting's study: the oath, a lecture, a speech, another day
_NOT_THIS_STUDY = re.compile(r"誓|党课|讲座|授课|交流|发言|心得|体会|会后|课后|自学")  # (and _IN_PASSING)


def _planned_items(lines: list[Line], found: list[StudyItem], materials: Sequence[str]) -> list[StudyItem]:
    """A planned material whose title a sentence writes with a study act the readers did not know
    (X同志带着大家细细品悟《甲》): studied, with no leader read (the sentence's one person may lead it,
    ``lone_leaders``). Nothing in a sentence about the oath, a lecture, a speech, a requirement or
    another meeting, or a study put off."""
    out: list[StudyItem] = []
    for line in lines:
        for sentence in re.split(r"(?<=[。!?])", line.norm):
            if not _ANY_STUDY_ACT.search(_TITLE.sub("", sentence)) or _NOT_THIS_STUDY.search(sentence):
                continue
            if _IN_PASSING.search(sentence) or PUT_OFF.search(sentence) or PLANNED.search(sentence):
                continue
            for m in _TITLE.finditer(sentence):
                title = _QUALIFIER_PAGES.sub("", m.group())
                read = [*found, *out]
                if any(material_matches(p, title) for p in materials) and not any(
                    material_matches(i.material, title) or material_matches(title, i.material) for i in read
                ):
                    out.append(
                        StudyItem(None, _as_written(title, line.text), [Evidence.of(line.span, line.text)])
                    )
    return out


def _as_written(material: str, text: str) -> str:
    """A title with the punctuation it was written with (（试行）), in simplified script for matching."""
    return to_simplified(as_written(material, text))
