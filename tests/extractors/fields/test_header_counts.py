"""Counts written into a minutes header beside the lists of names (会议纪要 register), absentees
sharing a counted bracket, trainees and leave granted (临时党支部 records)."""

from __future__ import annotations

import pytest
from fields_helpers import counts_of, meeting


def _absent(*texts: str) -> list[tuple[str, str | None]]:
    return [(a.name, a.reason) for a in meeting(*texts, roster=[]).absentees]


@pytest.mark.parametrize(
    ("texts", "counts"),
    [
        (
            ("出席（18人，应到20人）：甘立群 温少卿 滕雪莹", "缺席（2人）：冼家明（出差）、粟晓雯（年休假）"),
            (20, 18, 2),
        ),
        (
            (
                "参会人员（共21人）：甘立群/温少卿/滕雪莹",
                "应　　到：23人",
                "请　　假：冼家明（出差）、粟晓雯（病假）",
            ),
            (23, 21, None),
        ),
        (
            ("参会人员：甘立群、温少卿、滕雪莹、冼家明，共9人", "应　　到：10人", "请　　假：粟晓雯（病假）"),
            (10, 9, None),
        ),
        (
            ("出席人员（12人）：甘立群、温少卿", "请假人员（1人）：粟晓雯（产假）", "应　　到：13人"),
            (13, 12, 1),
        ),
        (("应出席：支委5人　　实出席：4人　　缺席：1人",), (5, 4, 1)),
        (("出　席：支部委员甘立群、温少卿、滕雪莹（支委3人全部出席）",), (3, 3, None)),
        # a bracket counting the reasons' parts is no header count: the absence is the 4 before it
        (("支部应到党员30人，实到26人，4人请假（2人在外地出差、1人休婚假、1人病假）。",), (30, 26, 4)),
    ],
)
def test_header_counts(texts: tuple[str, ...], counts: tuple[int | None, ...]) -> None:
    e, a, x = counts_of(meeting(*texts, roster=[]))
    assert (e, a if counts[1] is not None else None, x) == counts


def test_a_bracket_counting_the_names_before_it_gives_them_its_reason() -> None:
    assert _absent("请假情况：甘立群，温少卿，滕雪莹（三人上中班）；冼家明（婚假）") == [
        ("甘立群", "上中班"),
        ("温少卿", "上中班"),
        ("滕雪莹", "上中班"),
        ("冼家明", "婚假"),
    ]


def test_trainees_on_leave_and_reasons_that_begin_that_evening() -> None:
    assert _absent(
        "应到40名，实到38名，请假2名：学员甘立群回县里参加防汛值班，学员温少卿随代表团赴外地招商。"
    ) == [
        ("甘立群", "回县里参加防汛值班"),
        ("温少卿", "随代表团赴外地招商"),
    ]
    assert _absent("缺席2名：冼家明在乡卫生院义诊未返回，粟晓雯当晚在急诊科值班。") == [
        ("冼家明", "在乡卫生院义诊未返回"),
        ("粟晓雯", "当晚在急诊科值班"),
    ]


def test_the_leave_granted_is_no_part_of_the_reason() -> None:
    assert _absent("请假1名：滕雪莹同志在镇里处置山体滑坡险情，经批准请假，会后补交材料。") == [
        ("滕雪莹", "在镇里处置山体滑坡险情")
    ]


def test_those_excepted_by_their_errand_are_the_absent_count() -> None:
    assert counts_of(meeting("本次应到40名，除在舱内当班的5名同志外，实到35名。", roster=[])) == (40, 35, 5)
    record = meeting("本次应到19名，实到16名，3名党员在工地浇筑现场盯控，经项目经理同意未到会。", roster=[])
    assert record.unnamed_leave is not None


def test_leave_asked_in_words_before_the_reason() -> None:
    assert _absent("本组党员7人,参会6人.邵青禾同志请了会假,原因是赴外省参加评估专家组工作.") == [
        ("邵青禾", "赴外省参加评估专家组工作")
    ]
    assert _absent("支委五人，到了四个。宣传委员闵翠兰头天请了假，她得陪老伴去医院复查。") == [
        ("闵翠兰", "陪老伴去医院复查")
    ]


def test_a_list_after_those_who_asked_leave_and_an_elder_called_after_her_name() -> None:
    assert _absent(
        "应到26名，到了23名。没来的三位都提前打过招呼：甘玉梅阿姨住院了，温立新随女儿去了上海，滕小川在街道值班。"
    ) == [
        ("甘玉梅", "住院了"),
        ("温立新", "随女儿去了上海"),
        ("滕小川", "在街道值班"),
    ]


def test_an_absentee_named_right_after_the_head_then_the_reason() -> None:
    assert _absent("备注：缺席党员冼向东，正在参加省厅外业质量抽查，会后由支部书记单独与其谈心。") == [
        ("冼向东", "正在参加省厅外业质量抽查")
    ]


def test_told_of_the_meeting_or_not_answering_the_phone_is_no_reason() -> None:
    found = dict(
        _absent("应到18名，实到15名，缺席3名：甘立群（出差）、温少卿（已通知）、滕雪莹（电话未接通）。")
    )
    assert found == {"甘立群": "出差", "温少卿": None, "滕雪莹": None}
    # a reason with the phone beside it keeps its reason
    assert dict(_absent("缺席1名：冼家明（休息，电话未接通）。"))["冼家明"] is not None


def test_a_heading_s_year_and_month_date_the_day_below() -> None:
    from fields_helpers import lines_of

    from extractors.fields.meeting import date

    found = date(lines_of("白沙岭村党支部　２０２４年４月主题党日", "４月１０日上午　村党群服务中心"), None)
    assert found is not None and found.value.isoformat() == "2024-04-10"
    # a year under review (2019年度) dates nothing
    assert date(lines_of("2019年度组织生活会", "1月18日下午"), None) is None


def test_ranks_and_trades_before_absentees_and_the_duties_that_kept_them() -> None:
    assert _absent("应到7人，实到6人，缺席1人（巡道工巴合提别克在K213至K231区段巡道，已向工长请假）。") == [
        ("巴合提别克", "在K213至K231区段巡道")
    ]
    assert _absent(
        "缺席2名：审判员党员甄雪兰主审的一起合同纠纷案13时开庭；法官助理党员伍一明随书记员外出送达文书。"
    )[0] == (
        "甄雪兰",
        "主审的一起合同纠纷案13时开庭",
    )


def test_named_party_groups_each_counted_add_up_to_those_present() -> None:
    record = meeting(
        "全村党员按自然寨分三个党小组，应到32人。当天上寨党小组到11人，中寨党小组到10人，下寨党小组到7人；请假3人。",
        roster=[],
    )
    assert counts_of(record) == (32, 28, 3)


@pytest.mark.parametrize(
    ("texts", "counts"),
    [
        (("应到有选举权党员　　实到　　请假", "32　　　　　　　　30　　　2"), (32, 30, 2)),
        (
            ("党员总数　　到会　　请假　　备注", "19　　　　　17　　　　2　　　局党委委员孟凡超到会指导"),
            (19, 17, 2),
        ),
    ],
)
def test_a_heading_row_of_counts_over_its_numbers(
    texts: tuple[str, ...], counts: tuple[int, int, int]
) -> None:
    assert counts_of(meeting(*texts, roster=[])) == counts


@pytest.mark.parametrize(
    ("text", "actual"),
    [
        ("出席：支部委员5人，党员18人（含预备党员1人）", 23),
        ("▶ 出席：支部委员3人，党员14人；入党积极分子2人列席", 17),
        ("到会：会场5人，电话接入2人", 7),
        ("出席：支部委员3人，入党积极分子2人", None),  # 积极分子 are not counted
    ],
)
def test_those_present_written_as_parts_after_the_label(text: str, actual: int | None) -> None:
    assert counts_of(meeting(text, roster=[]))[1] == actual


def test_counts_after_a_label_of_those_present_are_no_parts() -> None:
    assert counts_of(meeting("出席：支委应到5人，实到5人，缺席0人", roster=[])) == (5, 5, 0)
    assert counts_of(meeting("到会情况：应到党员22名，实到19名，请假2名。", roster=[]))[:2] == (22, 19)
    assert counts_of(meeting("到会情况：全村党员21人，参会18人；外出务工3人。", roster=[]))[1] == 18
