"""A form's rules read by OCR as 一 between its cells (``ruled``)."""

from __future__ import annotations

from extractors.layout.lines import RULED_LABELS
from extractors.layout.ruled import rules_as_bars


def test_rules_beside_labels_are_bars() -> None:
    text = "主持人一村党支部书记 覃振邦一记录人一蓝小鸾\n应到一35人一实到一31人一缺席一4人"
    out = rules_as_bars(text, RULED_LABELS)
    assert out == "主持人|村党支部书记 覃振邦|记录人|蓝小鸾\n应到|35人|实到|31人|缺席|4人"
    assert len(out) == len(text)


def test_a_numeral_or_a_word_is_left_alone() -> None:
    for text in ("领誓人：驻村第一书记农嘉豪", "缺席一人，实到一致", "请假人员一天未到"):
        assert rules_as_bars(text, RULED_LABELS) == text


def test_one_rule_after_the_label_opening_the_line() -> None:
    text = "缺席人员及原因一在广东佛山务工：莫国安、陆春生"
    assert rules_as_bars(text, RULED_LABELS) == "缺席人员及原因|在广东佛山务工：莫国安、陆春生"


def test_a_dash_read_as_two_rules_after_the_label() -> None:
    text = "缺席人员及原因一一王涛，值班。"  # the dash of 缺席人员及原因——王涛 read as 一一
    assert rules_as_bars(text, RULED_LABELS) == "缺席人员及原因||王涛，值班。"
