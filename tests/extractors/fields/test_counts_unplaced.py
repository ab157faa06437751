"""Numbers of people in a count's sentence that no count read accounts for (``counts_unplaced``)."""

from __future__ import annotations

import pytest
from fields_helpers import meeting


def _unplaced(*texts: str) -> list[str]:
    return [e.text for e in meeting(*texts).cues.get("count_unplaced", [])]


@pytest.mark.parametrize(
    "text",
    [
        # online joiners beside those in the room: which is 实到?
        "支部在册党员40名，本次到场26名，另有8名党员在家通过直播收看。",
        "全村党员30名（其中流动党员6名），在家党员到会20名，流动党员通过微信群参学4名。",
        # 缺席 read as the three on leave, while the two on duty were away too
        "支部共有党员三十一人，除去值班的两人和请假的三人，到会二十六人。",
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
    ],
)
def test_figures_the_counts_account_for_are_no_cue(text: str) -> None:
    assert _unplaced(text) == []
