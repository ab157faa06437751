"""A heading row of form labels and the values row under it read as label:value lines."""

from __future__ import annotations

from core.models import Origin, TextSpan
from extractors.layout.header_rows import header_rows_as_pairs
from extractors.layout.lines import Line, sentences


def _lines(*texts: str) -> list[Line]:
    return [ln for i, t in enumerate(texts) for ln in sentences(TextSpan(t, Origin("m.docx", paragraph=i)))]


def test_a_platform_export_row_becomes_one_line_per_column() -> None:
    lines = _lines(
        "组织名称|活动类型|活动日期|主持人|领誓人|领学人|应到|实到|缺席人员及原因",
        "城北支行支部|主题党日|2021-06-25|邱国梁|邱国梁|许青|15|13|蔡晓彤(休产假)",
        "活动纪要：",
    )
    got = [ln.norm for ln in header_rows_as_pairs(lines)]
    assert got[:3] == ["组织名称:城北支行支部", "活动类型:主题党日", "活动日期:2021-06-25"]
    assert "主持人:邱国梁" in got and "缺席人员及原因:蔡晓彤(休产假)" in got
    assert got[-1] == lines[-1].norm  # the rest untouched


def test_tab_separated_and_empty_cells() -> None:
    lines = _lines("日期\t主持人\t记录人\t应到\t实到", "2022/9/23\t符志刚\t韦丹\t20\t18")
    got = [ln.norm for ln in header_rows_as_pairs(lines)]
    assert "主持人:符志刚" in got and "实到:18" in got
    lines = _lines("日期|主持人|记录人|应到|实到", "2022/9/23|符志刚||20|18")  # 记录人 left empty
    got = [ln.norm for ln in header_rows_as_pairs(lines)]
    assert "主持人:符志刚" in got and not any(g.startswith("记录人") for g in got)


def test_rows_that_are_no_heading_and_values_stay() -> None:
    lines = _lines("姓名\t原因", "张明\t病假")  # fewer than three form labels: an absentee table
    assert header_rows_as_pairs(lines) == lines
    lines = _lines("主持人|领誓人|领学人", "王芳|王芳")  # the values do not line up
    assert header_rows_as_pairs(lines) == lines


def test_a_table_of_counts_by_kind_of_member_is_read_by_its_totals_row() -> None:
    lines = _lines(
        "人员类别\t应到\t实到\t缺席", "正式党员\t17\t15\t2", "预备党员\t2\t2\t0", "合计\t19\t17\t2"
    )
    got = [ln.norm for ln in header_rows_as_pairs(lines)]
    assert {"应到:19", "实到:17", "缺席:2"} <= set(got)
    assert "应到:17" not in got  # the parts stay rows, not pairs


def test_a_table_of_counts_with_one_row() -> None:
    got = [ln.norm for ln in header_rows_as_pairs(_lines("应到\t实到\t请假", "18\t16\t2"))]
    assert got == ["应到:18", "实到:16", "请假:2"]


def test_rows_leaving_the_remark_empty_and_the_totals_row_read() -> None:
    """Groups' rows under 党小组 应到 实到 缺席 说明, one leaving its remark empty, then 合计: the totals."""
    lines = _lines(
        "党小组\t应到\t实到\t缺席\t说明",
        "生产党小组\t12\t11\t1\t甲在集团培训中心参加比武",
        "机关党小组\t7\t7\t0",
        "合计\t29\t28\t2",
    )
    got = [ln.norm for ln in header_rows_as_pairs(lines)]
    assert "应到:29" in got and "实到:28" in got and "缺席:2" in got


def test_a_row_one_cell_short_under_no_remark_column_is_not_shifted() -> None:
    """人数 | 应到 | 实到 | 缺席 over a row whose first cell is empty: its numbers are not put one column left."""
    lines = _lines("人数 | 应到 | 实到 | 缺席", "　　 | 26 | 24 | 2")
    got = [ln.norm for ln in header_rows_as_pairs(lines)]
    assert "应到:24" not in got


def test_groups_with_their_absentees_and_a_totals_row_leaving_that_column_empty() -> None:
    """党小组 | 应到 | 实到 | 缺席 | 缺席人员（原因） over groups' rows and 合计 without names: the totals, and
    each group's absentees as a list of its own."""
    lines = _lines(
        "党小组\t应到\t实到\t缺席\t缺席人员（原因）",
        "驾驶员党小组\t12\t10\t2\t常立新（跑长途）、苏永年（跑长途）",
        "站务党小组\t11\t10\t1\t舒丽云（值班售票）",
        "机关党小组\t9\t9\t0\t—",
        "合计\t32\t29\t3",
    )
    got = [ln.norm for ln in header_rows_as_pairs(lines)]
    assert {"应到:32", "实到:29", "缺席:3"} <= set(got)
    assert "缺席人员及原因:常立新(跑长途)、苏永年(跑长途)" in got and "缺席人员及原因:舒丽云(值班售票)" in got


def test_an_away_column_headed_in_other_words_and_a_not_arrived_count() -> None:
    """请假人·事由 / 未到人员及原因 head the column of those away; 未到 counts them; the cells stand
    apart by ideographic spaces."""
    lines = _lines(
        "班组\u3000\u3000应到\u3000实到\u3000请假\u3000请假人·事由",
        "冲压一班\u30009\u3000\u30008\u3000\u30001\u3000\u3000廖庆山，年休假回乡",
        "模具班\u3000\u30006\u3000\u30005\u3000\u30001\u3000\u3000农嘉平，手指划伤在家休养",
        "合计\u3000\u300015\u3000\u300013\u3000\u30002",
    )
    got = [ln.norm for ln in header_rows_as_pairs(lines)]
    assert {"应到:15", "实到:13", "请假:2"} <= set(got)
    assert "请假人员及原因:廖庆山,年休假回乡" in got and "请假人员及原因:农嘉平,手指划伤在家休养" in got
    kinds = _lines(
        "类别\u3000应到\u3000实到\u3000未到\u3000未到人员及原因",
        "正式党员\u300019\u300017\u30002\u3000温若山（带学生参赛）、司徒静云（病假）",
        "预备党员\u30001\u30001\u30000\u3000—",
        "合计\u300020\u300018\u30002",
    )
    got = [ln.norm for ln in header_rows_as_pairs(kinds)]
    assert {"应到:20", "实到:18", "未到:2"} <= set(got)
    assert "缺席人员及原因:温若山(带学生参赛)、司徒静云(病假)" in got
