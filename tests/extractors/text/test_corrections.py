"""Corrections written into a record's text read as corrected."""

from __future__ import annotations

import pytest

from extractors.text.normalize import normalize


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("应到1̶5̶16人　实到14人", "应到16人实到14人"),
        ("应到~~15~~16人", "应到16人"),
        ("实到17（改18）人", "实到18人"),
        # a figure corrected in brackets with the why after it, though the why ends in 已删除
        ("实到：22人（更正为21人，复核时发现一人误签，已删除）", "实到:21人"),
        ("实到20人（应为19人）", "实到19人"),
        ("~~五月底~~四月底前完工", "四月底前完工"),
        ("9:00~11:00", "9:00~11:00"),
        # a leftover of an earlier record the writer marked deleted
        ("学习了《安全生产法》。（宣传委员甲领学——沿用上月记录，此段删除）", "学习了《安全生产法》。"),
        ("学习了《乙》（删除：丙领学）", "学习了《乙》"),
        ("会议决定删除第三条", "会议决定删除第三条"),
    ],
)
def test_corrections(written: str, read: str) -> None:
    assert normalize(written) == read


def test_key_words_with_a_like_shaped_slip_that_makes_no_word_are_read_as_meant() -> None:
    assert normalize("決席 3人 记隶人：田应芬") == "缺席3人记录人:田应芬"
    assert normalize("石秀芝领字《党章》，重温入党誓调") == "石秀芝领学《党章》,重温入党誓词"
    assert normalize("文字工作，领字辈") == "文字工作,领字辈"  # 领字 not before a title: left
