"""A note beside an absentee that says who or where, not why (reason_scope.not_why)."""

from __future__ import annotations

import pytest

from extractors.fields.reason_scope import not_why


@pytest.mark.parametrize(
    ("note", "words"),
    [
        ("爱人在县中医院当护士", "爱人在县中医院当护士"),  # what a relative does for a living
        ("她丈夫在镇上上班", "她丈夫在镇上上班"),
        ("其女儿是小学老师", "其女儿是小学老师"),
        ("住女儿家,临江花园9栋2单元", "临江花园9栋2单元"),  # an address
        ("幸福里12号楼302室", "幸福里12号楼302室"),
        ('头天晚上在群里说"明天的会实在来不了,大家多担待"', "来不了"),  # could not come, no why
        ("打电话说参加不了", "参加不了"),
        ("本季度志愿服务时长已满12小时", "本季度志愿服务时长已满12小时"),  # a tally of duties
        ("学习积分已达标", "学习积分已达标"),
        ("骨科护士,三班倒", "骨科护士,三班倒"),  # the member's own post and shifts, nothing else
        ("药房主任", "药房主任"),
        ("儿子在深圳当程序员", "儿子在深圳当程序员"),  # a job named by its ending (…员, …师)
        ("婆婆在镇卫生院当护工", "婆婆在镇卫生院当护工"),  # more kin than the nearest family
        ("闺女在省城上班", "闺女在省城上班"),
        ("外孙在县一中读书", "外孙在县一中读书"),  # where a child goes to school
        ("学习强国积分3万分", "学习强国积分3万分"),  # a tally by its number alone
        ("网名“快乐老家”", "网名“快乐老家”"),  # the name one goes by online
        ("平时在城西分理处上班", "平时在城西分理处上班"),  # where one works on an ordinary day
        ("在家但没来", "但没来"),  # there to come, and did not
        ("通知到了却没有参加", "却没有参加"),
    ],
)
def test_a_note_of_who_or_where_is_found(note: str, words: str) -> None:
    assert not_why(note) == words


@pytest.mark.parametrize(
    "note",
    [
        "爱人在县医院当护士,当天值夜班,他在家带孩子",  # more than the job: a reason
        "爱人住院,在医院陪护",
        "住在女儿家照看外孙",  # the home and why
        "住女儿家",  # a home alone may mean away: left to the reader
        "在市二院住院部5号楼住院",  # a building of the errand, not an address
        "家里有事来不了",  # the cause is said
        "说孩子发烧来不了",
        "病假",
        "在3号楼抢修爆裂的消防管",
        "去社区值班,本月志愿服务时长已满8小时",  # a duty, and the tally beside it
        "骨科护士,当天三班倒轮到夜班",  # the post and the shift of that day
        "在县城一家超市当收银员",  # away, working elsewhere
        "随队在外市做开荒保洁",
        "陪孩子在县城读书",  # the member's own errand for the child
        "女儿在外地上大学,去送女儿报到",
        "爱人在医院上班,需要在家带孩子",
    ],
)
def test_a_note_that_may_say_why_is_left(note: str) -> None:
    assert not_why(note) is None
