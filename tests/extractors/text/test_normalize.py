"""``normalize``: members as work chats write them read as their Chinese names."""

from __future__ import annotations

import pytest

from extractors.text.normalize import normalize


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("主持：@贾轩杰Tony（支部书记）", "主持:贾轩杰(支部书记)"),
        ("组织委员 @魏明乐Lynn 领誓，", "组织委员魏明乐领誓,"),
        ("宣传委员 Kevin（陈凯）领学《论科技自立自强》", "宣传委员陈凯领学《论科技自立自强》"),
        ("孵化部经理、党员Sunny（郑阳）领誓", "孵化部经理、党员郑阳领誓"),
        ("请假2人：@李一翔 在杭州出差；@孙帆玮 陪产假", "请假2人:李一翔在杭州出差;孙帆玮陪产假"),
    ],
)
def test_a_handle_or_an_english_name_beside_a_chinese_name_is_dropped(written: str, read: str) -> None:
    assert normalize(written) == read


@pytest.mark.parametrize(
    "written",
    ["用Word写材料", "主持人庄文静Attendees：6/7", "邮箱abc@qq.com", "公司HSE培训", "Tony总结"],
)
def test_english_words_that_are_no_nickname_of_a_name_stay(written: str) -> None:
    assert normalize(written) == normalize(written).replace(" ", "") and all(
        word in normalize(written) for word in ("Word", "Attendees", "@", "HSE", "Tony") if word in written
    )
