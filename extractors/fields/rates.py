"""The attendance rate a record writes beside its counts (到会率95.2% / 出席率达90%以上), read so the checks
can hold it against the counts. Rates of anything else (党费收缴率, 满意率) are not attendance, nor are rates
over other meetings (季度平均到会率, 全年到会率)."""

from __future__ import annotations

import re

from core.models import Evidence, StatedRate, Value
from extractors.layout.lines import Line

_RATE = re.compile(
    r"(?:到会率|出席率|参会率|出勤率|参学率|到课率)(?:为|达|达到|是|约|:)?"
    r"(?P<p>\d{1,3}(?:\.\d{1,2})?)%(?P<up>以上|及以上|强)?"
)


# a rate over other meetings: 二季度平均到会率91% / 全年到会率 / 上次到会率
_OTHER_TIME = re.compile(r"平均|全年|年度|季度|累计|上月|上次|上个月|去年|今年以来|历次|每次|全年度")


def stated_rate(lines: list[Line]) -> Value[StatedRate] | None:
    """The first attendance rate written in ``lines``, quoting its sentence."""
    for line in lines:
        m = _RATE.search(line.norm)
        if (
            m is not None
            and float(m["p"]) <= 100
            and not _OTHER_TIME.search(line.norm[max(0, m.start() - 8) : m.start()])
        ):
            rate = StatedRate(float(m["p"]), at_least=m["up"] is not None)
            return Value(rate, [Evidence.of(line.span, line.text)], line.span.confidence)
    return None
