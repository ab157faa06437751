"""study.*: 由xxx同志领学《…》 (000 备注4) and the plan's materials."""

from __future__ import annotations

import re

from checks.context import CheckContext
from checks.registry import Outcome, passed, rule, unknown
from checks.rules._common import MAX_QUOTED_CUES, not_found, on_minutes, recorded_absent
from core.models import Evidence, MeetingRecord, StudyItem
from extractors.fields.people import TITLE_PATTERN
from extractors.fields.study import material_matches, material_written, title_key
from extractors.text.normalize import to_simplified


def study_expected(ctx: CheckContext) -> bool:
    return "主题党日" in ctx.categories or bool(ctx.plan.materials)


def _evidence(items: list[StudyItem]) -> list[Evidence]:
    return [e for item in items for e in item.evidence]


@rule("study.missing", version="13", title="记录写明领学人及学习材料")
@on_minutes("学习内容")
def study_missing(ctx: CheckContext, record: MeetingRecord) -> Outcome:
    """Fails only when the minutes clearly have no study led by someone: study items without a
    leader in a record with no leading verb (领学/带领…学习/组织…学习/解读) anywhere, or no study
    sentence at all. Study or leading sentences the parser could not read are ``unknown``."""
    items = record.study
    led = [i for i in items if i.leader]
    present = [i for i in led if not recorded_absent(record, i.leader or "")]
    if led and not present:  # every leader read is also written as absent: a reading is wrong
        absent = [e for i in led for e in recorded_absent(record, i.leader or "")]
        return unknown(
            f"领学人读作“{'、'.join(dict.fromkeys(i.leader or '' for i in led))}”，但记录又写其缺席，二者矛盾，可能读错",
            "请人工核对领学人及缺席人员。",
            [*_evidence(led), *absent][: MAX_QUOTED_CUES + 2],
        )
    if led and (unled := _unled_materials(items)):
        return unknown(  # 甲领学《A》;会上还学习了《B》: 《B》 with nobody named leading it
            f"学习材料{'、'.join(unled)}没有读出领学人（其余材料由{'、'.join(dict.fromkeys(i.leader or '' for i in led))}领学）",
            "请人工核对；每份集中学习的材料应写明“由xxx同志领学《……》”。",
            _evidence(items)[: MAX_QUOTED_CUES + 2],
        )
    if led:
        text = "；".join(f"{i.leader}领学{i.material}" for i in led)
        return passed(f"领学：{text}", _evidence(led))
    if items:
        return not_found(
            ctx,
            "记录中有学习内容，但没有写明由谁领学",
            "请写明“由xxx同志领学《……》”。",
            _evidence(items),
            cue="study_lead",
        )
    if not study_expected(ctx):
        if studied := _material_studied(record):  # 党课后…把《章程》发到群里，党员们各自学习了
            return unknown(
                "记录提到学习了某份材料，但未能读出学习内容及领学人",
                "请人工核对；集中学习的材料应写明“由xxx同志领学《……》”。",
                studied[:MAX_QUOTED_CUES],
            )
        return passed("本次会议类别无须集中学习")
    if given := record.cues.get("lecture_given"):  # 书记讲了一堂党课: a study in another form
        return unknown(
            "记录中没有领学材料，但有人讲了党课，党课能否算作本次集中学习无法确定",
            "请人工核对；集中学习应写明“由xxx同志领学《……》”。",
            given[:MAX_QUOTED_CUES],
        )
    return not_found(
        ctx,
        "会议记录中没有学习内容和领学人",
        "请在记录中写明“由xxx同志领学《……》”及学习的具体材料。",
        cue="study",
    )


def _unled_materials(items: list[StudyItem]) -> list[str]:
    """The titled materials studied with no leader read, led under no other reading either (the
    same title with or without its edition: 《章程》 / 《章程》（2022年修订）)."""
    led = {_title(i.material) for i in items if i.leader and i.material}
    unled = [i for i in items if not i.leader and i.material.startswith("《") and not _someone_acts(i)]
    return list(dict.fromkeys(i.material for i in unled if _title(i.material) not in led))


def _someone_acts(item: StudyItem) -> bool:
    """The item's sentence names someone acting on the material (组织委员冯冬振同志通报了《…》 /
    会议传达了《…》（于晓磊同志传达）) or conveys it as a notice: a leader the reading did not attach,
    or no study to lead, not a material nobody led."""
    texts = [to_simplified(e.text) for e in item.evidence]  # (紀檢委員…傳達了《…》: read as simplified)
    return any(
        "同志" in text
        or re.search(TITLE_PATTERN, _COLLECTIVE.sub("", text.split("《", 1)[0]))
        or _conveyed_by_someone(text)
        for text in texts
    )


# the members as a whole, no one acting for them (党员们各自用手机学习了《…》)
_COLLECTIVE = re.compile(r"党员们|全体党员|与会党员|党员同志们|同志们")


_CONVEYED = re.compile(r"传达|通报|宣读")
# the meeting itself conveying, nobody named: 会议传达学习了《…》 / 会上还通报了《…》
_NOBODY_CONVEYS = re.compile(
    r"(?:会议|会上|大会|支部|全体党员|大家)[^,，;；。]{0,4}?(?:传达|通报|宣读)[^,，;；。]*$"
)


def _conveyed_by_someone(text: str) -> bool:
    """会议传达了《…》(于晓磊同志传达) / 传达《…》(传达人:X): the one conveying it named."""
    before = text.split("《", 1)[0]
    named = re.search(r"(?:传达|通报|宣读)人", text) is not None
    return bool(_CONVEYED.search(text)) and (named or not _NOBODY_CONVEYS.search(before))


def _title(material: str) -> str:
    m = re.match(r"《[^》]+》", material)
    return title_key(m.group() if m else material)


def _material_studied(record: MeetingRecord) -> list[Evidence]:
    """The study sentences that also hold a 《material》, not a lecture's (党课《…》, 主讲《…》)."""
    titled = {e.text for e in record.cues.get("material", [])}
    return [e for e in record.cues.get("study", []) if e.text in titled and not _LECTURE.search(e.text)]


_LECTURE = re.compile(
    r"讲(?:授|了)?(?:一堂|专题)?党课|上党课|党课题目|讲课|授课|主讲|宣讲|报告|讲座|课题|题目|为题"
)


@rule("study.material_missing", version="4", title="学习了月度计划规定的材料")
def study_material_missing(ctx: CheckContext) -> Outcome:
    if not ctx.plan.materials:
        return passed("月度计划未规定学习材料")
    return _materials_studied(ctx)


@on_minutes("学习材料")
def _materials_studied(ctx: CheckContext, record: MeetingRecord) -> Outcome:
    """Fails only when a planned material's title is written nowhere in the minutes; a title
    written but not read as studied (a phrasing the parser does not know, a slip) is ``unknown``."""
    items = record.study
    missing = [m for m in ctx.plan.materials if not any(material_matches(m, i.material) for i in items)]
    if not missing:
        return passed("已学习计划规定的全部材料", _evidence(items))
    written = _written_where(missing, [*record.cues.get("material", []), *record.cues.get("study", [])])
    if written:
        names = "、".join(written)
        return unknown(
            f"记录中写到了计划规定的材料{names}，但未能确认是否作为本次学习内容，请人工核对",
            "请人工核对下列句子；记录中宜写明“由xxx同志领学《……》”。",
            [*_evidence(items), *[e for quoted in written.values() for e in quoted]][: MAX_QUOTED_CUES + 2],
        )
    if not items:
        return not_found(
            ctx,
            f"记录中没有计划规定的学习材料：{'、'.join(missing)}",
            "请按月度计划组织学习，并在记录中写明领学人和材料名称。",
            cue="study",
        )
    found = "、".join(i.material for i in items)
    return not_found(
        ctx,
        f"未学习计划规定的材料：{'、'.join(missing)}（记录中学习了：{found}）",
        "请补充学习上述材料，并在记录中写明“由xxx同志领学《……》”。",
        _evidence(items),
    )


def _written_where(materials: list[str], lines: list[Evidence]) -> dict[str, list[Evidence]]:
    """Per material, the sentences that write its title (any width, script or bracket form)."""
    out: dict[str, list[Evidence]] = {}
    for material in materials:
        quoted = [e for e in lines if material_written(material, e.text)]
        if quoted:
            out[material] = quoted[:MAX_QUOTED_CUES]
    return out
