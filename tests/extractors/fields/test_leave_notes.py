"""A leave note (请假条) typed below the record gives its signer's reason."""

from __future__ import annotations

from fields_helpers import meeting


def test_the_note_below_the_record_gives_the_bare_absentee_a_reason() -> None:
    record = meeting(
        "应到支委5人，实到4人。",
        "缺席：组织委员 冉秋池（请假条附后）",
        "附：请假条",
        "支部委员会：",
        "本人因在集团参加基层党务干部培训班，不能参加本次支委会，特此请假。",
        "请假人：冉秋池",
        roster=[],
    )
    assert [(a.name, a.reason) for a in record.absentees] == [("冉秋池", "在集团参加基层党务干部培训班")]


def test_a_note_signed_by_someone_else_gives_no_reason() -> None:
    record = meeting(
        "应到支委5人，实到4人。",
        "缺席：组织委员 冉秋池",
        "本人因在集团参加培训班，不能参加本次支委会，特此请假。",
        "请假人：宋听澜",
        roster=[],
    )
    assert [(a.name, a.reason) for a in record.absentees] == [("冉秋池", None)]
