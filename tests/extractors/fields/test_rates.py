"""The attendance rate a record writes (``rates``). Every sentence here is our own."""

from __future__ import annotations

import pytest
from fields_helpers import meeting

from core.models import StatedRate


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("应到21人，实到19人，到会率90.5%。", StatedRate(90.5)),
        ("支部党员33名，到会28名，出席率达90%以上。", StatedRate(90, at_least=True)),
        ("参会率：100%", StatedRate(100)),
    ],
)
def test_the_rate_as_written(text: str, want: StatedRate) -> None:
    rate = meeting(text, roster=[]).stated_rate
    assert rate is not None and rate.value == want


@pytest.mark.parametrize(
    "text",
    ["二季度平均到会率91%。", "全年到会率96%。", "党费收缴率100%。", "群众满意率98%。"],
)
def test_rates_of_other_things_or_other_meetings_are_not_read(text: str) -> None:
    assert meeting(text, roster=[]).stated_rate is None
