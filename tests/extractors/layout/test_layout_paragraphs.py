"""Hard-wrapped Word paragraphs (a record book typed line by line, a phone's OCR pasted into
Word): joined again when the document shows it, left alone otherwise."""

from __future__ import annotations

from core.models import Document, FileKind, Origin, Page, TextSpan
from extractors.layout.document import document_lines, joined_paragraphs, joined_wraps, without_page_chrome


def _spans(*texts: str) -> list[TextSpan]:
    return [TextSpan(t, Origin("记录.docx", paragraph=i), via="text-layer") for i, t in enumerate(texts)]


def _lines(*texts: str) -> list[str]:
    doc = Document(file="记录.docx", kind=FileKind.DOCX, pages=[Page(1, _spans(*texts))], via="text-layer")
    return [line.norm for line in document_lines(doc)]


def test_a_record_typed_line_by_line_is_joined_where_sentences_run_on() -> None:
    texts = (
        "党支部工作记录簿",
        "主持人：杭立春　　记录人：符玉梅",
        "缺席人员及原因：外出务工：包长青、包长林、",
        "蒋春燕　　病：鲁德贵",
        "一、全体党员面向党旗重温入党誓词，书记杭立春",
        "领誓。",
        "二、组委符玉梅领学《中国共产党农村基层组织工作条例》",
        "第五章。",
    )
    joined = [s.text for s in joined_paragraphs(_spans(*texts))]
    assert joined == [
        "党支部工作记录簿",
        "主持人：杭立春　　记录人：符玉梅",
        "缺席人员及原因：外出务工：包长青、包长林、蒋春燕　　病：鲁德贵",
        "一、全体党员面向党旗重温入党誓词，书记杭立春领誓。",
        "二、组委符玉梅领学《中国共产党农村基层组织工作条例》第五章。",
    ]
    assert "一、全体党员面向党旗重温入党誓词,书记杭立春领誓。" in _lines(*texts)


def test_paragraphs_that_end_their_sentences_labels_items_and_table_rows_stay_apart() -> None:
    texts = (
        "区检察院党支部召开5月主题党日暨党员大会",
        "5月6日，支部在党建活动中心召开主题党日。",
        "出  席：钱惠民、谭雅琪",
        "缺  席：仇冬梅（进修）",
        "会议类型 | 支部党员大会",
        "主持人 | 宋立言",
        "本次大会应到会党员25名,实到会22名.请假3人",
        "(学生党建工作站 供稿)",
    )
    assert [s.text for s in joined_paragraphs(_spans(*texts))] == list(texts)


def test_one_paragraph_running_on_is_no_evidence_of_a_hard_wrapped_document() -> None:
    texts = ("支部书记张三同志在会上传达了上级党委关于", "做好年底工作的要求。", "会议结束。")
    assert len(joined_paragraphs(_spans(*texts))) == 3


def test_table_rows_pasted_as_text_stay_rows() -> None:
    texts = (
        "一、会议基本情况，时间地点如下所列",
        "应到　　实到　　请假　　缺席",
        "26　　　23　　　3　　　0",
        "姓名　　部门　　　　原因",
        "邬振宇　公司业务部　因公出差",
        "二、会议议程，按以下顺序进行",
    )
    assert [s.text for s in joined_paragraphs(_spans(*texts))] == list(texts)


def test_items_opening_with_a_name_and_a_dash_stay_rows() -> None:
    texts = (
        "一、全体党员面向党旗重温入党誓词，书记杭立春",
        "领誓。",
        "二、组委符玉梅领学《中国共产党农村基层组织工作条例》",
        "第五章。",
        "三、应到党员36名，到会30名，请假3名：",
        "戴长林、戴玉兰——去苏州儿子家接送孙子上学",
        "汪小海——在镇上批发市场守菜摊",
        "聂四平——腰扭了，在家躺着",
        "四、讨论村道硬化方案，党员苏长顺提出先修",
        "石碾坳那一段。",
    )
    joined = [s.text for s in joined_paragraphs(_spans(*texts))]
    assert joined[0] == "一、全体党员面向党旗重温入党誓词，书记杭立春领誓。"  # the document is hard-wrapped
    assert joined[3:6] == list(texts[5:8])


def _page(*lines: tuple[str, tuple[float, float, float, float]]) -> Page:
    spans = [TextSpan(text, Origin("记录.pdf", page=1, bbox=box)) for text, box in lines]
    return Page(1, spans, width=595.0, height=842.0)


def test_a_long_centred_title_wrapping_into_a_centred_line_is_one_line() -> None:
    page = _page(
        ("机关第三党支部支部党员大会、主", (65.6, 65.8, 529.6, 81.8)),  # the title, edge to edge
        ("题党日活动记录（2023年5月）", (184.2, 89.8, 411.1, 105.8)),  # centred below, same size
        ("2023年5月12日，支部在二楼会议室开展主题党日活动。", (62.0, 122.5, 528.8, 133.0)),
    )
    assert [s.text for s in joined_wraps(page)] == [
        "机关第三党支部支部党员大会、主题党日活动记录（2023年5月）",
        "2023年5月12日，支部在二楼会议室开展主题党日活动。",
    ]


def test_a_short_centred_title_and_a_centred_subtitle_stay_apart() -> None:
    page = _page(
        ("市自来水公司第三党支部", (220.0, 65.8, 375.0, 81.8)),  # centred, not edge to edge
        ("主题党日活动记录", (240.0, 89.8, 355.0, 105.8)),
        ("2023年5月12日，支部在二楼会议室开展主题党日活动。", (62.0, 122.5, 528.8, 133.0)),
    )
    assert len(joined_wraps(page)) == 3


def test_chat_messages_pasted_as_paragraphs_stay_apart() -> None:
    spans = _spans(
        "[2023年4月20日 12:41] 邬建业：今天中午党小组会开完了，我简单说下",
        "[2023年4月20日 12:41] 邬建业：小组八个人，除了上夜班的两个，其余都到了",
        "[2023年4月20日 12:42] 邬建业：学的是厂党委发的那份学习提纲",
        "12:50 祁慧：收到 胡组长辛苦",
        "组织委员廖静：收到，记录本下周一交我这",
    )
    assert len(joined_paragraphs(spans)) == len(spans)


def test_a_paragraph_opening_with_any_bullet_mark_is_a_paragraph_of_its_own() -> None:
    texts = (
        "政务服务中心党支部11月主题党日活动简报",
        "▶ 时间：2025年11月20日（星期四）下午",
        "★ 地点：党员活动室",
        "※ 请假：甘晓雨-外出培训；屠磊-因病",
        "活动由支部书记车立新主持",
    )
    lines = _lines(*texts)
    assert "▶时间:2025年11月20日(星期四)下午" in lines
    assert "★地点:党员活动室" in lines
    assert any(line.startswith("※请假:甘晓雨") for line in lines)


def test_a_label_whose_value_is_cut_inside_a_bracket_runs_on() -> None:
    texts = (
        "党支部工作记录簿",
        "主持人：葛长春　记录人：卜小芳",
        "缺席人员及原因：卜玉成（在宁波",
        "务工）、胡德旺（腿摔伤，在家养",
        "伤）、姜翠莲（在县医院陪护老伴）",
        "会议内容：",
        "一、书记葛长春领誓，全体党员重温入党",
        "誓词。",
    )
    joined = [s.text for s in joined_paragraphs(_spans(*texts))]
    assert (
        "缺席人员及原因：卜玉成（在宁波务工）、胡德旺（腿摔伤，在家养伤）、姜翠莲（在县医院陪护老伴）"
        in joined
    )
    assert "会议内容：" in joined


def test_a_form_label_without_its_colon_opens_a_line() -> None:
    texts = (
        "党支部工作记录簿",
        "时间 2022年7月12日 下午3:30 地点 门诊楼",
        "应到人数 33人 实到人数 28人 请假5人",
        "缺席人员及原因",
        "1.艾文斌 门诊坐诊",
        "一、支部副书记邝佩珊领誓，全体",
        "党员重温入党誓词",
        "二、宣传委员蒲立恒领学《中华人民共和国中医药法》",
        "第二章中医疗服务的条款。",
        "三、党员医师卫子健讲了到乡镇卫生",
        "院帮扶坐诊时遇到的问题。",
    )
    joined = [s.text for s in joined_paragraphs(_spans(*texts))]
    assert "缺席人员及原因" in joined
    assert "一、支部副书记邝佩珊领誓，全体党员重温入党誓词" in joined


def test_a_page_number_and_the_next_pages_running_head_are_left_out() -> None:
    texts = (
        "缺席人员及原因：",
        "3.邱二妹 腰椎手术后卧床",
        "4.任宝贵 在县城开货车",
        "第 17 页",
        "党支部工作记录簿",
        "5.吴桂香 带孙子在县城上学",
    )
    kept = [s.text for s in without_page_chrome(_spans(*texts))]
    assert kept == [
        "缺席人员及原因：",
        "3.邱二妹 腰椎手术后卧床",
        "4.任宝贵 在县城开货车",
        "5.吴桂香 带孙子在县城上学",
    ]


def test_the_record_books_title_at_the_top_stays() -> None:
    assert [s.text for s in without_page_chrome(_spans("党支部工作记录簿", "时间：2022年7月12日"))] == [
        "党支部工作记录簿",
        "时间：2022年7月12日",
    ]


def test_items_numbered_inside_a_line_run_on_where_the_line_is_cut() -> None:
    texts = (
        "党支部工作记录簿",
        "缺席人员及原因：1.詹国栋 锅炉房当",
        "班 2.吉秀芳 病假 3.邵启帆 外出",
        "采购医用耗材 4.尚红霞 婚假",
        "会议内容：",
        "一、书记葛长春领誓，全体党员重温入党",
        "誓词。",
        "二、组织委员领学《中国共产党章程》第一",
        "章。",
    )
    joined = [s.text for s in joined_paragraphs(_spans(*texts))]
    assert (
        "缺席人员及原因：1.詹国栋 锅炉房当班 2.吉秀芳 病假 3.邵启帆 外出采购医用耗材 4.尚红霞 婚假" in joined
    )


def test_a_numbered_line_after_a_numbered_line_stays_apart() -> None:
    texts = (
        "缺席人员及原因：1.詹国栋 锅炉房当班",
        "2.吉秀芳 病假",
        "一、书记领誓，全体党员重温",
        "入党誓词。",
    )
    assert "2.吉秀芳 病假" in [s.text for s in joined_paragraphs(_spans(*texts))]


def test_a_running_head_with_its_page_number_on_one_line_inside_a_record_is_dropped() -> None:
    texts = (
        "党支部工作记录簿                第 14 页",
        "二、组织委员石秀芝领学《党章》第一章，大家跟着读了一遍",
        "党支部工作记录簿                第 15 页",
        "三、讨论烤烟移栽后的田间管理。",
    )
    kept = [s.text for s in without_page_chrome(_spans(*texts))]
    assert kept == [texts[0], texts[1], texts[3]]


def test_the_numbered_rows_of_a_sheet_apart_by_spaces_stay_rows() -> None:
    """1 苗澄桐 所部 √ / 2 桑清蔚 调度 √: rows of a sheet typed with single spaces are no wrapped lines."""
    texts = (
        "序号 姓名 班组 考勤 备注",
        "1 苗澄桐 所部 √",
        "2 桑清蔚 调度 √",
        "3 晁志钧 巡线一班 √",
        "4 储建瑜 巡线二班 √",
        "5 练青鸣 抢修班 △ 城西路DN600管道爆管现场抢修",
        "6 钮文钧 抢修班 √",
    )
    assert [s.text for s in joined_paragraphs(_spans(*texts))] == list(texts)


def test_rows_of_a_list_a_name_and_a_space_before_the_reason_stay_rows_in_a_hard_wrapped_record() -> None:
    texts = (
        "缺席人员及原因：",
        "冉秋池、宋听澜 在外务工",
        "周岚 在镇上陪孙子读书",
        "魏明远 住院",
        "一、支部书记张明华领誓，全体党员面向党旗重温入党",
        "誓词。",
        "二、组织委员贺知章领学《中国共产党农村基层组织工作",
        "条例》第五章，讲村里的土地流转要按规矩来，党员要带头",
        "签合同。",
    )
    joined = [s.text for s in joined_paragraphs(_spans(*texts))]
    assert joined[:4] == list(texts[:4])
    assert joined[4] == "一、支部书记张明华领誓，全体党员面向党旗重温入党誓词。"


def test_a_forms_cells_apart_by_spaces_and_cut_at_the_line_end_still_join() -> None:
    texts = (
        "县统计局机关党支部十月主题党日记录 2023年10月2",
        "地点 局三楼会议室 主持人 支部书记张",
        "明华 领誓人 副书记 周岚 记录人 宋听澜",
        "活动内容 全体党员在周岚带领下重温入党誓词 组织委员宋听澜领",
        "学《中国共产党章程》第一章",
    )
    joined = [s.text for s in joined_paragraphs(_spans(*texts))]
    assert any("支部书记张明华 领誓人" in text for text in joined)
