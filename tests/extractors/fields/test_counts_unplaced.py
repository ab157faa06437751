"""Numbers of people in a count's sentence that no count read accounts for (``counts_unplaced``)."""

from __future__ import annotations

import pytest
from fields_helpers import meeting

from core.models import MeetingRecord


def _unplaced(*texts: str) -> list[str]:
    return [e.text for e in meeting(*texts).cues.get("count_unplaced", [])]


@pytest.mark.parametrize(
    "text",
    [
        # online joiners beside those in the room: which is 实到?
        "支部在册党员40名，本次到场26名，另有8名党员在家通过直播收看。",
        "全村党员30名（其中流动党员6名），在家党员到会20名，流动党员通过微信群参学4名。",
    ],
)
def test_a_figure_the_counts_leave_over_is_a_cue(text: str) -> None:
    assert _unplaced(text) == [text], meeting(text).absent_count


@pytest.mark.parametrize(
    "text",
    [
        "应到20人，实到18人，缺席2人。",
        "应到25人（含预备党员3名），实到22人。",  # a part written as such
        "到会31位（其中通过视频参加的6位），应到39位。",
        "支部党员十一人，九人到会，另有两人出差。",  # 应到 − 实到, no 缺席 read
        "应到30人，实到17人，请假13人：出差11人、病假2人。",  # a breakdown after a colon
        "支部33名党员中31名参加听课，另有12名入党积极分子旁听。",  # others than the members
    ],
)
def test_figures_the_counts_account_for_are_no_cue(text: str) -> None:
    assert _unplaced(text) == []


def test_with_a_count_worked_out_every_attendance_sentence_is_looked_at() -> None:
    """应到20, 缺席2 read, 实到 worked out as 18: the 17 signed in another sentence is left over."""
    record = meeting("应到党员20名，请假2名。", "签到表上签名的有17人。", roster=[])
    assert record.actual_count is not None and record.actual_count.inferred
    assert _texts(record) == ["签到表上签名的有17人。"]
    # the same sentence beside counts all written is no cue (a record writing 应到, 实到 and no 缺席)
    assert _texts(meeting("应到党员20名，实到18名。", "签到表上签名的有17人。", roster=[])) == []


def _texts(record: MeetingRecord) -> list[str]:
    return [e.text for e in record.cues.get("count_unplaced", [])]


def test_sentences_about_others_or_other_business_are_not_looked_at() -> None:
    record = meeting(
        "应到党员26名，请假2名，均在外地实习。",
        "入党积极分子5人列席会议。",
        "组织委员通报：本学期支部接收转入党员6名，转出毕业生党员11名。",
        roster=[],
    )
    assert record.actual_count is not None and record.actual_count.inferred
    assert "count_unplaced" not in record.cues
