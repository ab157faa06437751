"""study.material_anachronism: a material studied before it was published (超前学习).

Each studied 《title》 is dated by the catalogue (``extractors/fields/data/materials.yaml``);
a title the catalogue does not know is not a finding.
"""

from __future__ import annotations

from checks.context import CheckContext
from checks.registry import Outcome, failed, passed, rule, unknown
from extractors.fields.materials import date_of


@rule("study.material_anachronism", version="1", title="学习材料在会议日期前已经发布")
def material_anachronism(ctx: CheckContext) -> Outcome | list[Outcome]:
    if ctx.record is None:
        return []  # minutes.missing says so
    dated = [(item, d) for item in ctx.record.study if (d := date_of(item.material)) is not None]
    if not dated:
        return passed("记录中的学习材料没有早于发布日期的情况（目录中未收录的材料不作判断）")
    day = ctx.meeting_date
    if day is None:
        return unknown(
            "会议日期不明，无法核对学习材料的发布日期", "请在 submission.yaml 中填写 meeting_date。"
        )
    early = [(item, d) for item, d in dated if day < d.earliest]
    if not early:
        names = "、".join(f"《{d.title}》" for _, d in dated)
        return passed(f"学习材料 {names} 均在会议日期前已发布")
    d = early[0][1]
    others = "".join(f"；另有《{x.title}》{x.published_text}才发布" for _, x in early[1:])
    evidence = [e for studied, _ in early for e in studied.evidence]
    return failed(
        f"会议日期为 {day:%Y年%m月%d日}，记录中学习了《{d.title}》，但该材料 {d.published_text}才发布"
        f"（来源：{d.source}）{others}",
        "会议不可能学习尚未发布的材料，请核实会议日期和学习内容是否如实记录（是否照搬了其他年份的记录）。",
        evidence,
    )
