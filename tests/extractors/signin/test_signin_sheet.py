"""The counting policy (extractors.signin.sheet): what counts, and when the count is not trusted."""

from __future__ import annotations

from extractors.signin.ink import SURE, UNSURE, Ink
from extractors.signin.names import Identity, Kind
from extractors.signin.sheet import ABSENT_SIGNER, RowReading, count_sheet, decide, doubt_against_minutes
from extractors.signin.strike import NO_STRIKE, StrikeScore

SIGNED = Ink(0.3, NO_STRIKE, (1, 1, 9, 9))
EMPTY = Ink(0.0, NO_STRIKE, None)
POSSIBLE = StrikeScore(0.7, 0.5)
CLEAR = StrikeScore(0.95, 0.9)


def row(
    n: int, ink: Ink, printed: str | None, text: str = "", identity: Identity | None = None
) -> RowReading:
    return RowReading(f"第{n}行", (0.0, 10.0 * n, 10.0, 10.0 * n + 10), ink, printed, text, identity)


def sheet(rows: list[RowReading]) -> tuple[int, float, list[str]]:
    own = {r.identity.name for r in rows if r.identity and r.identity.kind is Kind.OWN and r.identity.name}
    for r in rows:
        decide(r, own)
    result = count_sheet(rows, "a.jpg")
    return (
        result.signed_count.value,
        result.signed_count.confidence,
        [e.text for e in result.signed_count.evidence],
    )


def own(name: str) -> Identity:
    return Identity(Kind.OWN, name, True)


def test_own_signatures_count_and_are_trusted() -> None:
    count, confidence, _ = sheet([row(1, SIGNED, "张明", "张明", own("张明")), row(2, EMPTY, "王芳")])
    assert (count, confidence) == (1, SURE)


def test_an_empty_cell_in_which_the_page_read_a_name_makes_the_count_unsure() -> None:
    signed, empty = row(1, SIGNED, None, "张明", own("张明")), row(2, EMPTY, None)
    empty.contradicted = True  # the grid and the writing do not line up
    count, confidence, _ = sheet([signed, empty])
    assert (count, confidence) == (1, UNSURE)


def test_a_visitor_in_an_absentees_row_is_not_credited_to_the_absentee() -> None:
    rows = [
        row(1, SIGNED, "张明", "张明", own("张明")),
        row(2, SIGNED, "王芳", "马骁骑", Identity(Kind.FOREIGN, None)),
    ]
    count, confidence, notes = sheet(rows)
    assert count == 1 and confidence < 0.8
    assert any("马骁骑" in t and "未计入" in t for t in notes)


def test_another_members_second_signature_counts_once() -> None:
    rows = [
        row(1, SIGNED, "张明", "张明", own("张明")),
        row(2, SIGNED, "王芳", "张明", Identity(Kind.MEMBER, "张明", True)),
    ]
    count, confidence, notes = sheet(rows)
    assert (count, confidence) == (1, SURE)
    assert any("第2行" in t and "未计入" in t for t in notes)


def test_a_member_who_signed_only_in_the_wrong_row_counts_for_them_but_unsure() -> None:
    rows = [row(1, SIGNED, "王芳", "张明", Identity(Kind.MEMBER, "张明", True))]
    count, confidence, _ = sheet(rows)
    assert count == 1 and confidence < 0.8


def test_an_illegible_cell_that_may_be_struck_is_left_out_unsure() -> None:
    cell = Ink(0.3, POSSIBLE, (1, 1, 9, 9))
    count, confidence, notes = sheet([row(1, cell, "王芳", "", Identity(Kind.ILLEGIBLE, None))])
    assert count == 0 and confidence < 0.8 and any("可能已被划掉" in t for t in notes)


def test_a_clear_strike_is_left_out_and_trusted() -> None:
    cell = Ink(0.3, CLEAR, (1, 1, 9, 9))
    count, confidence, notes = sheet([row(1, cell, "王芳", "张", Identity(Kind.ILLEGIBLE, None))])
    assert (count, confidence) == (0, SURE) and "第1行的签名已划掉，未计入" in notes


def test_a_blank_row_whose_name_matches_no_member_is_reported_and_not_counted() -> None:
    rows = [
        row(1, SIGNED, "张明", "张明", own("张明")),
        row(2, SIGNED, None, "马骁骑", Identity(Kind.UNMATCHED, None)),
    ]
    rows[1].blank = True  # nothing printed in its 姓名 cell
    count, confidence, notes = sheet(rows)
    assert count == 1 and confidence < 0.8 and any("马骁骑" in t for t in notes)


def test_a_row_split_across_rules_makes_the_count_unsure() -> None:
    upper = row(1, SIGNED, "张明", "张明", own("张明"))
    lower = row(2, EMPTY, "王芳")
    lower.split = "第1行的签名写过了格线，伸进第2行，按一人计（一格跨两行）"
    count, confidence, _ = sheet([upper, lower])
    assert count == 1 and confidence < 0.8


def test_a_signer_the_minutes_call_absent_makes_the_count_unsure() -> None:
    rows = [
        row(1, SIGNED, "张明", "张明", own("张明")),
        row(2, SIGNED, "王芳", "", Identity(Kind.ILLEGIBLE, None)),
    ]
    for r in rows:
        decide(r, {"张明"})
    result = count_sheet(rows, "a.jpg")
    assert result.signed_count.confidence == SURE  # the reader alone cannot tell
    doubted = doubt_against_minutes(result, ["王芳"])
    assert doubted.signed_count.value == 2 and doubted.signed_count.confidence == ABSENT_SIGNER
    assert any("王芳在会议记录中记为缺席" in e.text for e in doubted.signed_count.evidence)
    assert doubt_against_minutes(result, ["赵海燕"]).signed_count.confidence == SURE


def test_a_confident_reading_of_another_persons_name_is_left_out_and_trusted() -> None:
    visitor = row(2, SIGNED, "王芳", "马骁骑", Identity(Kind.FOREIGN, None))
    visitor.read_confidence = 0.95
    count, confidence, notes = sheet([row(1, SIGNED, "张明", "张明", own("张明")), visitor])
    assert (count, confidence) == (1, SURE) and any("马骁骑" in t and "未计入" in t for t in notes)


def test_a_fairly_confident_other_name_under_a_possible_strike_is_left_out_and_trusted() -> None:
    visitor = row(2, Ink(0.3, POSSIBLE, (1, 1, 9, 9)), "王芳", "马骁骑", Identity(Kind.FOREIGN, None))
    visitor.read_confidence = 0.6
    count, confidence, _ = sheet([row(1, SIGNED, "张明", "张明", own("张明")), visitor])
    assert (count, confidence) == (1, SURE)
    visitor = row(2, SIGNED, "王芳", "马骁骑", Identity(Kind.FOREIGN, None))
    visitor.read_confidence = 0.6  # no stroke: the reading alone is not sure enough
    assert sheet([row(1, SIGNED, "张明", "张明", own("张明")), visitor])[1] < 0.8


def test_a_confident_other_name_in_a_cell_cut_by_a_rule_stays_unsure() -> None:
    cut = row(2, SIGNED, "王芳", "长石", Identity(Kind.FOREIGN, None))
    cut.read_confidence, cut.crossing = 0.95, True  # part of the writing is in the next row
    count, confidence, _ = sheet([row(1, SIGNED, "张明", "张明", own("张明")), cut])
    assert count == 1 and confidence < 0.8


def test_a_blank_row_stranger_is_trusted_unless_the_reading_shares_an_unsigned_members_given_name() -> None:
    def blank_row(text: str) -> RowReading:
        r = row(2, SIGNED, None, text, Identity(Kind.UNMATCHED, None))
        r.blank, r.read_confidence = True, 0.97
        return r

    for text, unsigned, trusted in (("赵雪", {"赵海燕"}, True), ("王海", {"赵海燕"}, False)):
        rows = [row(1, SIGNED, "张明", "张明", own("张明")), blank_row(text)]
        for r in rows:
            decide(r, {"张明"}, unsigned)
        result = count_sheet(rows, "a.jpg").signed_count
        assert result.value == 1 and (result.confidence >= 0.8) is trusted, text


def test_a_split_settled_is_trusted_and_writing_taken_that_looks_like_the_rows_own_hand_counts_unsure() -> (
    None
):
    def split(settled: bool) -> tuple[int, float, list[str], str]:
        upper = row(3, SIGNED, "董欣怡", "董欣怡", own("董欣怡"))
        lower = row(4, EMPTY, "徐俊杰")
        lower.split = "第3行的签名写过了格线，伸进第4行，按一人计（一格跨两行）"
        lower.split_confirmed, lower.own_hand_taken = settled, not settled
        return (*sheet([upper, lower]), lower.split)

    count, confidence, notes, note = split(settled=True)
    assert (count, confidence) == (1, SURE) and note in notes
    count, confidence, notes, note = split(settled=False)  # 徐俊杰's own signature under hers
    assert (count, confidence) == (2, UNSURE)
    assert note not in notes and any("也像徐俊杰本人的签名" in n for n in notes)


def test_a_near_reading_of_a_member_who_signed_their_own_row_is_left_out_and_trusted() -> None:
    rows = [
        row(1, SIGNED, "朱佳怡", "朱佳怡", own("朱佳怡")),
        row(2, SIGNED, "李浩然", "朱佳稻", Identity(Kind.MEMBER, "朱佳怡", False)),
    ]
    count, confidence, _ = sheet(rows)
    assert (count, confidence) == (1, SURE)


def test_a_possible_strike_on_a_confident_other_name_with_the_same_surname_is_left_out_unsure() -> None:
    # a visitor (郭鑫) who signed an absentee's row (郭晓燕) and struck it: the surname agrees
    def weak(text: str, confidence: float, strike: StrikeScore = POSSIBLE) -> RowReading:
        r = row(
            2, Ink(0.3, strike, (1, 1, 9, 9)), "郭晓燕", text, Identity(Kind.OWN, "郭晓燕", False, weak=True)
        )
        r.read_confidence = confidence
        return r

    first = row(1, SIGNED, "张明", "张明", own("张明"))
    count, confidence, notes = sheet([first, weak("郭鑫", 0.9)])
    assert (count, confidence) == (1, UNSURE) and any("第2行" in t and "划掉" in t for t in notes)
    # without a stroke, a lone surname (half a name read) or an unsure reading: counted, unsure
    assert sheet([first, weak("郭鑫", 0.9, NO_STRIKE)])[:2] == (2, UNSURE)
    assert sheet([first, weak("郭", 0.95)])[:2] == (2, UNSURE)
    assert sheet([first, weak("郭然", 0.67)])[:2] == (2, UNSURE)


def test_a_possible_strike_on_a_near_reading_of_the_printed_name_makes_the_count_unsure() -> None:
    near = row(
        2, Ink(0.3, POSSIBLE, (1, 1, 9, 9)), "司马文静", "陈静争", Identity(Kind.OWN, "司马文静", False)
    )
    count, confidence, _ = sheet([row(1, SIGNED, "张明", "张明", own("张明")), near])
    assert (count, confidence) == (2, UNSURE)
    exact = row(2, Ink(0.3, POSSIBLE, (1, 1, 9, 9)), "王芳", "王芳", own("王芳"))
    assert sheet([row(1, SIGNED, "张明", "张明", own("张明")), exact])[:2] == (2, SURE)


def test_another_members_near_name_that_also_shares_the_printed_given_name_stays_unsure() -> None:
    rows = [
        row(1, SIGNED, "陈静", "陈静", own("陈静")),
        row(2, SIGNED, "司马文静", "陈静争", Identity(Kind.MEMBER, "陈静", False, weak=True)),
    ]
    count, confidence, _ = sheet(rows)
    assert (count, confidence) == (1, UNSURE)


def test_writing_over_a_rule_that_reads_as_the_neighbouring_rows_member_counts_for_them_unsure() -> None:
    # 张磊's large signature reaches into 冯雅琴's empty row and was given to that row
    tail = row(1, EMPTY, "张磊")
    tail.split = "第2行的签名写过了格线，伸进第1行，按一人计（一格跨两行）"
    whole = row(2, SIGNED, "冯雅琴", "从知", Identity(Kind.MEMBER, "张磊", False))
    whole.crossing, whole.partner = True, "张磊"
    count, confidence, notes = sheet([tail, whole])
    assert (count, confidence) == (1, UNSURE) and any("按张磊计" in t for t in notes)


def test_another_members_name_found_only_by_the_widened_re_read_stays_unsure() -> None:
    rows = [
        row(1, SIGNED, "王涛", "王涛", own("王涛")),
        row(2, SIGNED, "彭家豪", "王涛", Identity(Kind.MEMBER, "王涛", True)),
    ]
    assert sheet(rows)[:2] == (1, SURE)
    rows[1] = row(2, SIGNED, "彭家豪", "王涛", Identity(Kind.MEMBER, "王涛", True))
    rows[1].second_look = True
    assert sheet(rows)[:2] == (1, UNSURE)


def test_a_clear_strike_through_a_name_only_near_the_printed_one_is_left_out_unsure() -> None:
    # a visitor (张磊) signed 徐磊's row and struck it: one character off the printed name
    struck = row(2, Ink(0.3, CLEAR, (1, 1, 9, 9)), "徐磊", "张磊", Identity(Kind.OWN, "徐磊", False))
    struck.read_confidence = 0.9
    first = row(1, SIGNED, "张明", "张明", own("张明"))
    count, confidence, notes = sheet([first, struck])
    assert (count, confidence) == (1, UNSURE) and any("第2行" in t and "划掉" in t for t in notes)
    # only the surname agrees (赵雪 in 赵海燕's row): left out too
    weak = row(
        2, Ink(0.3, CLEAR, (1, 1, 9, 9)), "赵海燕", "赵雪", Identity(Kind.OWN, "赵海燕", False, weak=True)
    )
    weak.read_confidence = 0.98
    assert sheet([first, weak])[0] == 1
    # the printed name read exactly under a clear stroke still counts, unsure
    exact = row(2, Ink(0.3, CLEAR, (1, 1, 9, 9)), "徐磊", "徐磊", own("徐磊"))
    assert sheet([first, exact])[:2] == (2, UNSURE)


def test_a_possible_strike_on_another_whole_name_sharing_a_character_is_left_out_unsure() -> None:
    # 陈静 (a visitor) in 司马文静's row, 朱佳怡 in 董欣怡's: a given-name character is shared
    def near(printed: str, text: str, confidence: float, strike: StrikeScore = POSSIBLE) -> RowReading:
        r = row(2, Ink(0.3, strike, (1, 1, 9, 9)), printed, text, Identity(Kind.OWN, printed, False))
        r.read_confidence = confidence
        return r

    first = row(1, SIGNED, "张明", "张明", own("张明"))
    count, confidence, notes = sheet([first, near("董欣怡", "朱佳怡", 0.84)])
    assert (count, confidence) == (1, UNSURE) and any("第2行" in t and "划掉" in t for t in notes)
    assert sheet([first, near("司马文静", "陈静", 0.9)])[:2] == (1, UNSURE)
    # the printed name poorly read (same surname), with a character dropped: counted
    assert sheet([first, near("董欣怡", "董处性", 0.9)])[:2] == (2, UNSURE)
    assert sheet([first, near("董欣怡", "董怡", 0.9)])[:2] == (2, UNSURE)
    # a less confident reading is no evidence of another name (a finger's 董欣怡 read 昔以怡)
    assert sheet([first, near("董欣怡", "昔以怡", 0.63)])[:2] == (2, UNSURE)
    assert sheet([first, near("司马文静", "陈静", 0.77)])[:2] == (2, UNSURE)


def test_a_poor_reading_of_a_signature_cut_by_a_rule_counts_for_the_printed_member_unsure() -> None:
    # 王涛's large signature runs into the empty row below; read whole it gave "五诗" (0.35)
    whole = row(1, SIGNED, "王涛", "五诗", Identity(Kind.FOREIGN, None))
    whole.crossing, whole.read_confidence = True, 0.35
    tail = row(2, EMPTY, "朱佳怡")
    tail.crossing, tail.split = True, "第1行的签名写过了格线，伸进第2行，按一人计（一格跨两行）"
    count, confidence, notes = sheet([whole, tail])
    assert (count, confidence) == (1, UNSURE) and any("按王涛计" in t for t in notes)
    # read confidently as another name, or struck: left out
    whole.read_confidence = 0.9
    assert sheet([whole, tail])[0] == 0
    struck = row(1, Ink(0.3, POSSIBLE, (1, 1, 9, 9)), "王涛", "五诗", Identity(Kind.FOREIGN, None))
    struck.crossing, struck.read_confidence = True, 0.35
    assert sheet([struck, tail])[0] == 0
    # a cell no rule cuts: a reading sharing nothing with the printed name is left out
    alone = row(1, SIGNED, "王涛", "五诗", Identity(Kind.FOREIGN, None))
    alone.read_confidence = 0.35
    assert sheet([alone])[0] == 0


def test_writing_touching_the_row_above_that_reads_as_its_member_counts_for_them_unsure() -> None:
    # 杨紫涵's large signature reaches into 邓丽's empty row, unseen as crossing the rule: the
    # upper part reads as nothing, the lower row's writing near 杨紫涵 (the row above)
    upper = row(1, SIGNED, "杨紫涵", "千此了", Identity(Kind.FOREIGN, None))
    upper.read_confidence = 0.32
    lower = row(2, SIGNED, "邓丽", "核入", Identity(Kind.MEMBER, "杨紫涵", False))
    lower.touching, lower.partner = True, "杨紫涵"
    count, confidence, notes = sheet([upper, lower])
    assert (count, confidence) == (1, UNSURE) and any("按杨紫涵计" in t for t in notes)
    lower.partner = None  # not known as the row above's writing: left out
    lower.doubts = []
    assert sheet([row(1, SIGNED, "杨紫涵", "千此了", Identity(Kind.FOREIGN, None)), lower])[0] == 0


def test_an_unsure_ink_amount_is_a_doubt_with_a_note_unless_a_confirmed_spill_left_it() -> None:
    signed = row(1, SIGNED, "张明", "张明", own("张明"))
    speck = row(2, Ink(0.045, NO_STRIKE, (1, 1, 9, 9)), "王芳")  # between empty and signed
    count, confidence, notes = sheet([signed, speck])
    assert (count, confidence) == (1, UNSURE) and any("第2行" in t and "少量笔迹" in t for t in notes)
    signed, speck = (
        row(1, SIGNED, "张明", "张明", own("张明")),
        row(2, Ink(0.045, NO_STRIKE, (1, 1, 9, 9)), "王芳"),
    )
    speck.split, speck.split_confirmed = "第1行的签名写过了格线，伸进第2行，按一人计（一格跨两行）", True
    assert sheet([signed, speck])[:2] == (1, SURE)


def test_an_empty_cell_with_a_name_read_by_the_page_says_which_name() -> None:
    signed, empty = row(1, SIGNED, "张明", "张明", own("张明")), row(2, EMPTY, "王芳")
    empty.contradicted, empty.page_name = True, "王芳"
    count, confidence, notes = sheet([signed, empty])
    assert (count, confidence) == (1, UNSURE) and any("第2行" in t and "王芳" in t for t in notes)


def test_writing_touching_the_row_above_that_reads_as_no_member_is_left_out_unsure() -> None:
    # a struck entry or a visitor's name touching the signature above, read as nothing like
    # the printed name ("徐" in 郭鑫's row, "1A120" under a large signature): not the printed
    # member's; the row above's own signature is counted
    above = row(1, SIGNED, "朱佳怡", "朱佳怡", own("朱佳怡"))
    for identity in (Identity(Kind.ILLEGIBLE, None), Identity(Kind.FOREIGN, None)):
        lower = row(2, SIGNED, "郭鑫", "徐", identity)
        lower.touching = True
        count, confidence, notes = sheet([row(1, SIGNED, "朱佳怡", "朱佳怡", own("朱佳怡")), lower])
        assert (count, confidence) == (1, UNSURE)
        assert any(t.startswith("第2行") and "连在一起" in t and "未计入" in t for t in notes)
    # not touching: an illegible cell with the printed name still counts for that member, unsure
    alone = row(2, SIGNED, "郭鑫", "险", Identity(Kind.ILLEGIBLE, None))
    assert sheet([above, alone])[:2] == (2, UNSURE)
    # touching, but read as the printed member's own name: counted
    own_lower = row(2, SIGNED, "郭鑫", "郭鑫", own("郭鑫"))
    own_lower.touching = True
    assert sheet([row(1, SIGNED, "朱佳怡", "朱佳怡", own("朱佳怡")), own_lower])[:2] == (2, SURE)


def test_a_confident_other_whole_name_not_seen_as_struck_is_left_out_unsure() -> None:
    # 朱佳怡 struck in 宋佳's row, the stroke not found (or written there by someone else):
    # a confident reading of another whole name is not the printed member's signature
    def near(printed: str, text: str, confidence: float, weak: bool = False) -> RowReading:
        r = row(2, SIGNED, printed, text, Identity(Kind.OWN, printed, False, weak=weak))
        r.read_confidence = confidence
        return r

    first = row(1, SIGNED, "张明", "张明", own("张明"))
    count, confidence, notes = sheet([first, near("宋佳", "朱佳怡", 0.89)])
    assert (count, confidence) == (1, UNSURE)
    assert any(t.startswith("第2行") and "是另一个姓名，未计入" in t for t in notes)
    # less confident readings, the printed name with a character dropped, and readings that
    # share the surname (李浩然 read 李梦 at 0.9: the given name is where a hand is cursive)
    # are the member's own writing misread: counted
    assert sheet([first, near("董欣怡", "昔以怡", 0.63)])[0] == 2
    assert sheet([first, near("董欣怡", "董怡", 0.95)])[0] == 2
    assert sheet([first, near("李浩然", "李梦", 0.9, weak=True)])[:2] == (2, UNSURE)
    # a confident reading shorter than the printed name, not seen as struck: characters
    # squeezed together (董欣怡 read 重怡), counted
    assert sheet([first, near("董欣怡", "重怡", 0.92)])[0] == 2


def _asked(printed: str, text: str, identity: Identity, fit: float, ink: Ink = SIGNED) -> RowReading:
    r = row(2, ink, printed, text, identity)
    r.read_confidence, r.fit = 0.6, fit
    return r


def test_a_poor_reading_the_printed_name_fits_counts_for_the_member() -> None:
    # 郭鑫 squeezed into one character, 季洁然 for 李浩然: asked about the printed name,
    # the recogniser finds it as likely as its own reading
    first = row(1, SIGNED, "张明", "张明", own("张明"))
    illegible = _asked("郭鑫", "印", Identity(Kind.ILLEGIBLE, None), -2.0)
    count, confidence, notes = sheet([first, illegible])
    assert (count, confidence) == (2, SURE)
    assert any("印" in t and "逐字比对相符，按郭鑫计" in t for t in notes)
    other = _asked("李浩然", "季洁然", Identity(Kind.OWN, "李浩然", False), -2.3)
    other.read_confidence = 0.85  # would be "another whole name" by the reading alone
    assert sheet([first, other])[:2] == (2, SURE)
    # a stroke that may strike it: counted, unsure
    maybe = _asked("郭鑫", "巖", Identity(Kind.ILLEGIBLE, None), -4.0, Ink(0.3, POSSIBLE, (1, 1, 9, 9)))
    count, confidence, notes = sheet([first, maybe])
    assert (count, confidence) == (2, UNSURE)
    assert any("可能已被划掉，按郭鑫计" in t for t in notes)
    # a fit below the line changes nothing; under a clear stroke the member's own hand counts, unsure
    assert sheet([first, _asked("郭鑫", "巖", Identity(Kind.ILLEGIBLE, None), -12.0)])[0] == 2
    struck = _asked("郭鑫", "巖", Identity(Kind.ILLEGIBLE, None), -1.0, Ink(0.3, CLEAR, (1, 1, 9, 9)))
    assert sheet([first, struck])[:2] == (2, UNSURE)
    far = _asked("郭鑫", "巖", Identity(Kind.ILLEGIBLE, None), -20.0, Ink(0.3, CLEAR, (1, 1, 9, 9)))
    assert sheet([first, far])[:2] == (1, SURE)


def test_a_poor_reading_in_which_the_printed_name_is_nowhere_is_left_out_unsure() -> None:
    # 郭鑫 (a visitor, struck unseen) in 郭晓燕's row shares the surname; 灿 in 杨帆's row
    # would be credited by the reading alone
    first = row(1, SIGNED, "张明", "张明", own("张明"))
    surname = _asked("郭晓燕", "郭鑫", Identity(Kind.OWN, "郭晓燕", False, weak=True), -35.0)
    count, confidence, notes = sheet([first, surname])
    assert (count, confidence) == (1, UNSURE)
    assert any("郭鑫" in t and "与郭晓燕逐字比对也对不上，不是本人签名，未计入" in t for t in notes)
    assert sheet([first, _asked("杨帆", "灿", Identity(Kind.ILLEGIBLE, None), -32.0)])[:2] == (1, UNSURE)
    # not when a rule cuts the cell (the reading mixes two rows' writing), nor when nothing
    # was read at all, nor above the line
    cut = _asked("杨帆", "灿", Identity(Kind.ILLEGIBLE, None), -32.0)
    cut.crossing = True
    assert sheet([first, cut])[0] == 2
    assert sheet([first, _asked("杨帆", "", Identity(Kind.ILLEGIBLE, None), -40.0)])[0] == 2
    assert sheet([first, _asked("杨帆", "灿", Identity(Kind.ILLEGIBLE, None), -20.0)])[0] == 2
    # nor when the reading holds letters or digits (a crop wider than the writing)
    assert sheet([first, _asked("朱佳怡", "20-1n", Identity(Kind.ILLEGIBLE, None), -44.0)])[0] == 2


def test_an_illegible_reading_is_held_to_its_own_line_whatever_the_names_length() -> None:
    # 过露 in 朱红梅's row (a visitor's struck name, the stroke unseen): -33 is above the
    # misfit line of a three-character name, yet far below any illegible reading of a
    # member's own hand
    first = row(1, SIGNED, "张明", "张明", own("张明"))
    assert sheet([first, _asked("朱红梅", "过露", Identity(Kind.ILLEGIBLE, None), -33.0)])[:2] == (1, UNSURE)
    assert sheet([first, _asked("于洋", "梳笑涵", Identity(Kind.ILLEGIBLE, None), -26.9)])[:2] == (1, UNSURE)
    # an own hand read as one character (陇 for 郭鑫) fits better: credited, unsure
    assert sheet([first, _asked("郭鑫", "陇", Identity(Kind.ILLEGIBLE, None), -25.1)])[:2] == (2, UNSURE)
    # a near reading of the printed name keeps the name's own line
    near = Identity(Kind.OWN, "朱红梅", False)
    assert sheet([first, _asked("朱红梅", "朱红", near, -33.0)])[0] == 2


def test_a_reading_sharing_only_the_surname_is_held_to_a_closer_fit() -> None:
    first = row(1, SIGNED, "张明", "张明", own("张明"))
    surname = Identity(Kind.OWN, "郭晓燕", False, weak=True)
    assert sheet([first, _asked("郭晓燕", "郭鑫", surname, -22.0)])[:2] == (1, UNSURE)
    assert sheet([first, _asked("郭晓燕", "郭點", surname, -12.0)])[0] == 2
    # a near reading of a longer printed name is held to a lower line: three characters, -36
    near = Identity(Kind.OWN, "司马文", False)
    assert sheet([first, _asked("司马文", "司马", near, -33.0)])[0] == 2
    assert sheet([first, _asked("司马文", "司马", near, -37.0)])[0] == 1


def test_a_poor_reading_whose_lower_strokes_touch_the_row_below_counts_for_the_printed_member_unsure() -> (
    None
):
    # 徐俊杰's large signature runs into the empty row below, unseen as crossing the rule: the
    # upper part reads as nothing known ("弘人小本"), the lower row's part as nothing at all
    upper = row(1, SIGNED, "徐俊杰", "弘人小本", Identity(Kind.FOREIGN, None))
    upper.read_confidence, upper.touched = 0.41, True
    lower = row(2, SIGNED, "林涛", "你孜", Identity(Kind.ILLEGIBLE, None))
    lower.touching, lower.partner = True, "徐俊杰"
    count, confidence, notes = sheet([upper, lower])
    assert (count, confidence) == (1, UNSURE) and any("按徐俊杰计" in t for t in notes)
    # nothing touches it from below, it is read confidently as someone else, or it may be struck: left out
    upper.touched = False
    assert sheet([upper, lower])[0] == 0
    upper.touched, upper.read_confidence = True, 0.9
    assert sheet([upper, lower])[0] == 0
    struck = row(1, Ink(0.3, POSSIBLE, (1, 1, 9, 9)), "徐俊杰", "弘人小本", Identity(Kind.FOREIGN, None))
    struck.read_confidence, struck.touched = 0.41, True
    assert sheet([struck, lower])[0] == 0


def test_a_confident_other_name_is_settled_only_when_the_printed_name_fits_nowhere_in_the_writing() -> None:
    member = row(1, SIGNED, "张明", "张明", own("张明"))

    def visitor(fit: float | None) -> RowReading:
        r = row(2, SIGNED, "王芳", "马骁骑", Identity(Kind.FOREIGN, None))
        r.read_confidence, r.fit = 0.93, fit
        return r

    # the recogniser finds 王芳 nowhere in it (or was not asked): someone else's name, settled
    assert sheet([member, visitor(-41.0)])[:2] == (1, SURE)
    assert sheet([member, visitor(None)])[:2] == (1, SURE)
    # 王芳 explains it only somewhat: left out all the same, but a person looks
    assert sheet([member, visitor(-14.0)])[:2] == (1, UNSURE)


def test_a_printed_name_that_fits_the_writing_at_another_width_counts_for_the_member() -> None:
    # 郭鑫 squeezed and read 郭: at the cell's width the name fits poorly (-19.1), twice as wide well
    first = row(1, SIGNED, "张明", "张明", own("张明"))
    squeezed = _asked("郭鑫", "郭", Identity(Kind.OWN, "郭鑫", False, weak=True), -19.1)
    assert sheet([first, squeezed])[0] == 1  # only the surname read, the name nowhere at this width
    squeezed = _asked("郭鑫", "郭", Identity(Kind.OWN, "郭鑫", False, weak=True), -19.1)
    squeezed.best_fit = -8.0
    count, _, notes = sheet([first, squeezed])
    assert count == 2 and any("逐字比对相符，按郭鑫计" in t for t in notes)
    # a fit at no width near the line changes nothing
    far = _asked("郭鑫", "巖", Identity(Kind.ILLEGIBLE, None), -20.0)
    far.best_fit = -15.0
    assert sheet([first, far])[0] == 2  # (an illegible reading: credited, unsure, as before)


def test_a_clear_stroke_through_writing_the_printed_name_fits_counts_unsure() -> None:
    # 李浩然 read 李浩 under a clear stroke: a near name struck out is left out, unless the
    # recogniser finds the printed name in the writing (then it is the member's own hand)
    first = row(1, SIGNED, "张明", "张明", own("张明"))
    struck = Ink(0.3, CLEAR, (1, 1, 9, 9))
    near = _asked("李浩然", "李浩", Identity(Kind.OWN, "李浩然", False), -20.0, struck)
    assert sheet([first, near])[0] == 1
    fitting = _asked("李浩然", "李浩", Identity(Kind.OWN, "李浩然", False), -9.2, struck)
    fitting.best_fit = -7.5
    count, confidence, notes = sheet([first, fitting])
    assert (count, confidence) == (2, UNSURE)
    assert any("有一道线，但与李浩然逐字比对相符" in t for t in notes)


def test_a_near_reading_that_is_part_of_a_signed_members_name_is_left_out_unsure() -> None:
    # 徐俊 in 徐磊's row is one character off 徐磊, but 徐俊杰 signed his own row: a second entry
    # of his (struck, the stroke unseen), not 徐磊's signature
    signed = row(1, SIGNED, "徐俊杰", "徐俊杰", own("徐俊杰"))
    near = row(2, SIGNED, "徐磊", "徐俊", Identity(Kind.OWN, "徐磊", False))
    count, confidence, notes = sheet([signed, near])
    assert (count, confidence) == (1, UNSURE)
    assert any("更像已在本人一行签到的徐俊杰" in t for t in notes)
    # a near reading of the printed name that is part of nobody else's counts as before
    alone = row(2, SIGNED, "徐磊", "徐石", Identity(Kind.OWN, "徐磊", False))
    assert sheet([row(1, SIGNED, "徐俊杰", "徐俊杰", own("徐俊杰")), alone])[0] == 2


def test_a_reading_near_another_member_that_the_printed_name_fits_counts_unsure() -> None:
    # 徐俊杰's own signature read 徐悠, one character off 徐磊: the printed name fits the writing
    first = row(1, SIGNED, "张明", "张明", own("张明"))
    near_other = _asked("徐俊杰", "徐悠", Identity(Kind.MEMBER, "徐磊", False), -3.6)
    count, confidence, notes = sheet([first, near_other])
    assert (count, confidence) == (2, UNSURE)
    assert any("（近似徐磊），但与徐俊杰逐字比对相符，按徐俊杰计" in t for t in notes)
    # ... and when it does not, the writing is left out as before
    assert sheet([first, _asked("徐俊杰", "徐悠", Identity(Kind.MEMBER, "徐磊", False), -20.0)])[0] == 1
