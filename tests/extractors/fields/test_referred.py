"""A role read as an office after one full mention is the person written in full with it
(``referred``); undecided references stay as read."""

from __future__ import annotations

import pytest
from fields_helpers import meeting

from extractors.fields.referred import in_full


@pytest.mark.parametrize(
    ("name", "texts", "full"),
    [
        ("郎股长", ["领学:组织委员、耕地保护股副股长郎清源", "郎股长领学《土地管理法实施条例》"], "郎清源"),
        ("贾副", ["党支部书记、副馆长贾文岳代表支部汇报"], "贾文岳"),
        ("柏付", ["支部付书记、院办主任柏静怡主持", "柏付书记带领大家重温了入党誓词"], "柏静怡"),
        ("黎局", ["党支部书记、副局长黎振嵩主持", "黎局领誓"], "黎振嵩"),
        ("邢书记", ["支部书记、就业促进科科长邢海澜", "劳动关系科科长邢志斌(借调)"], "邢海澜"),
        (
            "副书记",
            ["支委:党支部书记、副主任陶永年;党支部副书记、综合科科长卓泽民", "党课由副书记主持。"],
            "卓泽民",
        ),
        # the office as a form's label, the name after its colon, in brackets: 小组:第三党小组(组长:阎德福)
        ("组长", ["小组:第三党小组(组长:阎明福)", "会议由组长主持。"], "阎明福"),
        ("支部书记", ["支部书记:陶永年", "会议由支部书记主持。"], "陶永年"),
        ("支部书记", ["会议由支部书记主持。"], None),
        # two of the surname with the office, or none written in full: undecided
        ("王科", ["科长王立新发言", "科长王晓东发言"], None),
        ("赵局", ["赵局讲话"], None),
        ("卓泽民", ["党支部副书记卓泽民"], None),
        # the holder named with what they did next, not with a mark: 宣传委员瞿书瑶先给…
        ("宣传委员", ["宣传委员领学了《党章》。", "领学前,宣传委员瞿书瑶先给每人发了摘要。"], "瞿书瑶"),
        ("支部书记", ["会议由支部书记主持。", "支部书记王明强调,要抓好落实。"], "王明"),  # not 明强调
        ("宣传委员", ["宣传委员领学。", "宣传委员王明发言", "宣传委员李强发言"], None),
    ],
)
def test_in_full(name: str, texts: list[str], full: str | None) -> None:
    assert in_full(name, texts) == full


def test_the_record_names_the_office_holder_in_full() -> None:
    record = meeting(
        "支委：党支部书记、市委政研室副主任陶永年；党支部副书记、综合科科长卓泽民；组织委员、经济研究科副科长桑雨菁",
        "党课由副书记主持。开课前，副书记带领大家学习了《论中国共产党历史》中的两篇文稿。",
        roster=[],
    )
    assert record.presider is not None and record.presider.value == "卓泽民"
    assert [i.leader for i in record.study] == ["卓泽民"]


def test_a_study_led_by_an_office_is_led_by_its_holder() -> None:
    record = meeting(
        "主持人：党支部书记、综合统计科科长甘立帆",
        "二、集中学习。甘科带领大家学习了《中华人民共和国统计法》第六章“法律责任”。",
        roster=[],
    )
    assert [i.leader for i in record.study] == ["甘立帆"]


@pytest.mark.parametrize(
    ("name", "texts", "full"),
    [
        ("小龚", ["点名：", "韦明澈(支部书记)√", "龚晓溪(组织委员)√"], "龚晓溪"),
        ("老甘", ["▲宣传委员甘德沛领学", "宣传委员老甘领学了《反电信网络诈骗法》"], "甘德沛"),
        ("小龚", ["龚晓溪(组织委员)√", "龚平安(党员)√"], None),  # two of that surname: undecided
        ("老甘", ["宣传委员老甘领学了《反电信网络诈骗法》"], None),  # nobody written in full
    ],
)
def test_one_called_by_surname_is_the_one_of_that_surname_written_in_full(
    name: str, texts: list[str], full: str | None
) -> None:
    assert in_full(name, texts) == full
