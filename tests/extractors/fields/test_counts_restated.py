"""The count of those present written again as another number for the same meeting
(``counts_restated``). Every sentence here is our own."""

from __future__ import annotations

import pytest
from fields_helpers import meeting

FIELDS = "应到：21人　实到：19人　缺席：2人（韩立新出差，邵雨桐病假）"


@pytest.mark.parametrize(
    ("said", "apart"),
    [
        ("会议开始，书记通报本次会议应到党员21人，实到18人。", True),  # the same meeting, another number
        ("书记通报：今天实到党员二十名。", True),
        ("书记通报：今天实到党员十九名。", False),  # the same number again
        ("上月应到21人，实到16人。", False),  # another month's
        ("回顾3月份主题党日，应到21人，实到15人。", False),
        ("第一党小组应到9人，实到8人。", False),  # a group's: its 应到 is another number
        ("两个支部共应到40人，实到36人。", False),  # a joint meeting's
        ("线上实到5人。", False),  # a part of those present
        ("会议开到一半，韩立新赶过来了，实到是二十个。", False),  # the count changing as the meeting went on
        ("应到/实到：21/19", False),  # a pair of labels: the first figure is 应到's
    ],
)
def test_the_count_of_those_present_written_again_as_another_number(said: str, apart: bool) -> None:
    assert ("count_restated" in meeting(FIELDS, said, roster=[]).cues) is apart


def test_a_record_that_corrects_its_count_is_left_to_the_correction() -> None:
    text = "会议开始，书记通报本次会议应到党员21人，实到18人。"
    assert "count_restated" not in meeting(FIELDS, text, "更正：实到人数应为19人。", roster=[]).cues
