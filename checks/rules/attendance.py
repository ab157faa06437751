"""attendance.*: counts, the 80% threshold (001 §三) and leave for absentees."""

from __future__ import annotations

import re

from checks.context import CheckContext
from checks.registry import Outcome, failed, passed, rule, unknown
from checks.rules._common import MAX_QUOTED_CUES, ev, not_found, on_minutes, trusted
from core.models import MeetingRecord
from extractors.fields.attendance import firm_reason
from extractors.fields.leave_words import is_ditto
from extractors.fields.reason_scope import not_why
from extractors.fields.reason_time import other_time

MAX_QUOTED_CHARS = 40  # a sentence quoted inside a message is cut here; the evidence has it whole


def _counts(record: MeetingRecord) -> tuple[int | None, int | None, int | None]:
    def get(v):
        return v.value if v is not None else None

    return get(record.expected_count), get(record.actual_count), get(record.absent_count)


def _evidence(record: MeetingRecord) -> list:
    return ev(record.expected_count) + ev(record.actual_count) + ev(record.absent_count)


def doubt(ctx: CheckContext, record: MeetingRecord) -> str | None:
    """Why the counts read from the minutes contradict each other or an independent source, so
    that a parse, not the branch, may be wrong: the counts are then doubted (``unknown``), never
    the ground for a failure. None when they hold together.

    Sources: 应到 = 实到 + 缺席, the number of named absentees, the sign-in count, the
    platform's reported attendance, and numbers of people in the attendance sentences that none
    of the counts read accounts for (``count_unplaced``).
    """
    expected, actual, absent = _counts(record)
    named = len([a for a in record.absentees if a.name])
    if actual is not None and expected is not None and actual == expected and (absent or named):
        return f"实到{actual}人等于应到人数，但记录中又写有缺席人员"
    if (over := _named_over(record)) is not None:
        return over
    if (listed := _listed_over(record)) is not None:
        return listed
    others = _independent_counts(ctx)
    if actual is not None and others and actual not in others and (expected is None or expected in others):
        return f"实到{actual}人与签到表或平台填报的人数（{'、'.join(map(str, sorted(others)))}）不一致"
    if unplaced := record.cues.get("count_unplaced"):
        return f"记录中另有未能归入应到、实到、缺席的人数（“{unplaced[0].text[:MAX_QUOTED_CHARS]}”）"
    return None


def _named_over(record: MeetingRecord) -> str | None:
    """More absentees named than the counts leave away (缺席1人 with two names after it)."""
    expected, actual, absent = _counts(record)
    named = len([a for a in record.absentees if a.name])
    if absent is not None and named > absent:
        return f"记录写缺席{absent}人，却点名了{named}名缺席人员"
    if absent is None and expected is not None and actual is not None and named > expected - actual >= 0:
        return f"应到{expected}人、实到{actual}人，却点名了{named}名缺席人员"
    return None


def _listed_over(record: MeetingRecord) -> str | None:
    """A list of those present naming more people than the 实到 read (and trusted)."""
    _, actual, _ = _counts(record)
    listed = len(record.attendees.value) if record.attendees is not None else None
    if listed is not None and actual is not None and trusted(record.actual_count) and listed > actual:
        return f"实到{actual}人，但参会名单列了{listed}人"
    return None


def _independent_counts(ctx: CheckContext) -> set[int]:
    found = set()
    if ctx.signin is not None and trusted(ctx.signin.signed_count):
        found.add(ctx.signin.signed_count.value)
    if ctx.meta.reported_attendance is not None:
        found.add(ctx.meta.reported_attendance)
    return found


@rule("attendance.counts_missing", version="5", title="记录写明应到、实到人数")
@on_minutes("参会人数")
def counts_missing(ctx: CheckContext, record: MeetingRecord) -> Outcome:
    """Fails only when the minutes state attendance in no form at all (no count, no name list, no
    全体党员参加); a sentence about attendance that gave no count leaves it undecided."""
    expected, actual, absent = _counts(record)
    if blank := _unfilled_count(record, {"应到": expected, "实到": actual, "缺席": absent}):
        return blank
    if actual is None and expected is not None and absent is not None:
        return passed(f"记录中写明了应到{expected}人、缺席{absent}人", _evidence(record))
    if actual is None and (expected is not None or absent is not None):
        return unknown(
            "会议记录中写了应到或缺席人数，但未读到实到人数",
            "请人工核对；记录中应写明“应到党员N名，实到N名，缺席N名（原因）”。",
            _evidence(record) + record.cues.get("attendance", [])[:MAX_QUOTED_CUES],
        )
    if actual is None:
        return not_found(
            ctx,
            "会议记录中没有写明实到人数",
            "请写明“应到党员N名，实到N名，缺席N名（原因）”。",
            cue="attendance",
        )
    if expected is None and absent is None:
        return unknown(
            "会议记录中写了实到人数，但未读到应到或缺席人数",
            "请人工核对；记录中应写明应到人数和缺席人数。",
            _evidence(record) + record.cues.get("attendance", [])[:MAX_QUOTED_CUES],
        )
    return passed("记录中写明了参会人数", _evidence(record))


_COUNT_FIELDS = {"应到": "expected_count", "实到": "actual_count", "缺席": "absent_count"}


def _unfilled_count(record: MeetingRecord, counts: dict[str, int | None]) -> Outcome | None:
    """A failure when a count no sentence gives was left as the template's blank (应到__人)."""
    for word, value in counts.items():
        if value is None and (blanks := record.cues.get(f"unfilled:{_COUNT_FIELDS[word]}")):
            return failed(
                f"{word}人数没有填写（“{blanks[0].text.strip()}”仍是模板空白）",
                "请填写应到、实到、缺席人数：“应到党员N名，实到N名，缺席N名（原因）”。",
                blanks[:MAX_QUOTED_CUES],
            )
    return None


@rule("attendance.counts_inconsistent", version="14", title="应到＝实到＋缺席")
@on_minutes("参会人数")
def counts_inconsistent(ctx: CheckContext, record: MeetingRecord) -> Outcome:
    expected, actual, absent = _counts(record)
    evidence = _evidence(record)
    shaky = [
        v for v in (record.expected_count, record.actual_count, record.absent_count) if v and not trusted(v)
    ]
    if shaky:
        return unknown("有人数识别把握不足，无法核对应到＝实到＋缺席", "请人工核对记录中的人数。", evidence)
    if expected is not None and actual is not None and absent is not None:
        if expected != actual + absent:
            if (why := doubt(ctx, record)) is not None:
                return unknown(
                    f"人数不一致（应到{expected}、实到{actual}、缺席{absent}），但{why}，可能是识别有误",
                    "请人工核对记录中的人数。",
                    evidence,
                )
            return failed(
                f"人数不一致：应到{expected}人，实到{actual}人，缺席{absent}人，{actual}+{absent}≠{expected}",
                "请核对签到表，更正会议记录中的应到、实到、缺席人数。",
                evidence,
            )
        if (left := _left_over(record)) is not None:
            return left
        if (against := _rate_against(record, expected, actual)) is not None:
            return against
        if (other := _other_count_against(record, actual)) is not None:
            return other
        if (named := _named_against(record)) is not None:
            return named
        if (listed := _listed_against(record)) is not None:
            return listed
        return passed(f"应到{expected}人＝实到{actual}人＋缺席{absent}人", evidence)
    if expected is not None and actual is not None and actual > expected:
        if (why := doubt(ctx, record)) is not None:
            return unknown(
                f"实到{actual}人多于应到{expected}人，但{why}", "请人工核对记录中的人数。", evidence
            )
        return failed(f"实到{actual}人多于应到{expected}人", "请核对并更正人数。", evidence)
    if actual is None:
        return unknown("未写明实到人数，无法核对", "请写明应到、实到、缺席人数。", evidence)
    if (left := _left_over(record)) is not None:
        return left
    if (other := _other_count_against(record, actual)) is not None:
        return other
    return passed("已写明的人数之间没有矛盾", evidence)


def _named_against(record: MeetingRecord) -> Outcome | None:
    """应到 = 实到 + 缺席 holds, but more absentees are named than the count says: one of the numbers
    or the list is wrong (or misread), and the record cannot tell which."""
    if (over := _named_over(record)) is None:
        return None
    names = "、".join(a.name for a in record.absentees if a.name)
    return unknown(
        f"{over}（{names}），无法确定人数还是名单有误",
        "请核对签到表，更正缺席人数或缺席名单。",
        [*_evidence(record), *(e for a in record.absentees for e in a.evidence)][: 3 + MAX_QUOTED_CUES],
    )


def _listed_against(record: MeetingRecord) -> Outcome | None:
    """实到11人 beside a list of those present naming 12: the count or the list is wrong."""
    if (over := _listed_over(record)) is None or record.attendees is None:
        return None
    return unknown(
        f"{over}，无法确定哪个有误",
        "请核对签到表，更正实到人数或参会名单。",
        [*_evidence(record), *record.attendees.evidence[:MAX_QUOTED_CUES]],
    )


# cues of another number for those present in the minutes: what it is, and what to correct
_OTHER_COUNTS = {
    # 实到20人 … 签到表签名19人: the minutes' own tally of the sign-in sheet
    "count_signed": ("记录中写的签到人数", "请核对签到表，更正实到人数或签到人数。"),
    # 实到16人 … “e党建”平台到会确认:17人: a platform's tally the minutes quote
    "count_tallied": (
        "记录中写的平台或系统统计的到会人数",
        "请核对平台或系统的到会统计，更正实到人数或平台数据。",
    ),
    # 实到24名(其中正式党员21名、预备党员2名) / 27人(贰拾陆人): parts that add up to another number, or
    # the count restated in words as another
    "count_parts": ("括号中的人数（分项之和或大写数字）", "请核对签到表，更正人数或括号中的人数。"),
    # 实到19名 … 分组到会:第一党小组6人,第二党小组7人,第三党小组5人: the groups add up to another number
    "count_grouped": ("记录中各党小组到会人数之和", "请核对签到表，更正实到人数或各党小组的到会人数。"),
    # 实到：17人 … 今天实到党员十八名: the count of those present written again as another number
    "count_restated": ("记录中另一处写的实到人数", "请核对签到表，统一记录中前后不一致的实到人数。"),
}


def _other_count_against(record: MeetingRecord, actual: int) -> Outcome | None:
    """Another number the minutes give for those present (``_OTHER_COUNTS``) that is not ``actual``:
    one of them is wrong, and the record does not say which."""
    for cue, (what, hint) in _OTHER_COUNTS.items():
        if found := record.cues.get(cue):
            return unknown(
                f"实到{actual}人，但{what}与之不符（“{found[0].text[:MAX_QUOTED_CHARS]}”），无法确定哪个数字有误",
                hint,
                [*_evidence(record), *found[:MAX_QUOTED_CUES]],
            )
    return None


RATE_SLACK = 1.0  # percentage points a written rate may differ from the counts' (rounded, truncated)


def _rate_against(record: MeetingRecord, expected: int, actual: int) -> Outcome | None:
    """The rate the minutes write (到会率95.2%, 90%以上) held against the counts they write: a rate the
    counts cannot give (19/21 is 90.5 %, not 95.2 %) leaves the check to a person, since the rate may
    be over another base (全体党员 rather than 应到)."""
    rate = record.stated_rate
    if rate is None or expected <= 0 or not trusted(rate):
        return None
    counted = 100 * actual / expected
    stated = rate.value.percent
    off = counted + 0.05 < stated if rate.value.at_least else abs(counted - stated) > RATE_SLACK
    if not off:
        return None
    written = f"{stated:g}%{'以上' if rate.value.at_least else ''}"
    return unknown(
        f"记录写到会率{written}，但实到{actual}人÷应到{expected}人＝{counted:.1f}%，人数与到会率不一致",
        "请核对签到表，更正会议记录中的人数或到会率。",
        [*_evidence(record), *rate.evidence],
    )


def _left_over(record: MeetingRecord) -> Outcome | None:
    """The counts hold together only as far as they were read: with 应到 not read, or a count worked
    out from the others (实到 = 应到 − 缺席 holds by construction), a number of people in the
    attendance sentences that none of them accounts for leaves the check undecided."""
    counts = (record.expected_count, record.actual_count, record.absent_count)
    unplaced = record.cues.get("count_unplaced")
    partial = record.expected_count is None or any(c is not None and c.inferred for c in counts)
    if not unplaced or not partial:
        return None
    return unknown(
        f"人数未能全部读出，且记录中另有未能归入应到、实到、缺席的人数（“{unplaced[0].text[:MAX_QUOTED_CHARS]}”），无法核对",
        "请人工核对记录中的应到、实到、缺席人数。",
        _evidence(record) + unplaced[:MAX_QUOTED_CUES],
    )


_SUM_SOURCE = "实到＋缺席人数"


def denominator(ctx: CheckContext, record: MeetingRecord) -> tuple[int | None, str]:
    expected, actual, absent = _counts(record)
    if expected:
        return expected, "记录中的应到人数"
    if ctx.branch.members:
        return len(ctx.branch.members), "支部名册人数"
    if actual is not None and absent is not None:
        return actual + absent, _SUM_SOURCE
    return None, ""


@rule("attendance.below_threshold", version="5", title="参会率达到规定比例（默认80%）")
@on_minutes("参会率")
def below_threshold(ctx: CheckContext, record: MeetingRecord) -> Outcome:
    actual = record.actual_count
    total, source = denominator(ctx, record)
    if actual is None or total is None or not trusted(actual):
        return unknown("人数不全，无法计算参会率", "请写明应到、实到人数。", _evidence(record))
    ratio, need = actual.value / total, ctx.plan.min_attendance_ratio
    text = f"参会率 {actual.value}/{total} = {ratio:.0%}（按{source}计），要求不低于 {need:.0%}"
    clears = any(n / total + 1e-9 >= need for n in _independent_counts(ctx))
    settled = not clears and "count_unplaced" not in record.cues
    if ratio + 1e-9 < need and not settled and (why := doubt(ctx, record)) is not None:
        return unknown(f"{text}；但{why}，无法确定", "请人工核对参会人数。", _evidence(record))
    if ratio + 1e-9 >= need and source == _SUM_SOURCE and (unplaced := record.cues.get("count_unplaced")):
        return unknown(  # 应到 not written: the sum is the whole only if no other number is left over
            f"{text}；但记录中另有未能归入应到、实到、缺席的人数（“{unplaced[0].text[:MAX_QUOTED_CHARS]}”），"
            "应到人数可能不止于此，无法确定",
            "请人工核对应到人数。",
            _evidence(record) + unplaced[:MAX_QUOTED_CUES],
        )
    if ratio + 1e-9 < need:
        return failed(
            text,
            "参会人数未达到规定比例，请按要求组织党员参加，未参加的党员应书面请假并安排补学。",
            _evidence(record),
        )
    return passed(text, _evidence(record))


def _other_times(ctx: CheckContext, record: MeetingRecord) -> str:
    """The absentees whose note is placed at another time than the meeting's day, quoted."""
    day = record.date.value if record.date else ctx.meta.meeting_date
    time = record.time.value if record.time else None
    found = [
        (a.name, a.reason)
        for a in record.absentees
        if a.name and a.reason and other_time(a.reason, day, time)
    ]
    return "、".join(f"{name}（{reason[:MAX_QUOTED_CHARS]}）" for name, reason in found)


# a list headed as those on leave: 请假人员:甲、乙 / 请假未参会:甲 (not 未请假:甲; not 请假情况:甲请假(事假);乙缺席:
# a section's label; the heading's list ends at its ; or 。)
_LEAVE_HEADING = re.compile(
    r"(?<![未没不无])请假(?:人员|党员|同志|名单|未参会|未参加|未到会|未到)?[:：][^;；。]*$"
)


def _on_leave_by_heading(record: MeetingRecord, name: str) -> bool:
    return any(
        _LEAVE_HEADING.search(e.text[: e.text.find(name)])
        for a in record.absentees
        if a.name == name
        for e in a.evidence
        if name in e.text
    )


@rule("attendance.absence_without_reason", version="22", title="缺席党员写明请假原因")
@on_minutes("缺席情况")
def absence_without_reason(ctx: CheckContext, record: MeetingRecord) -> Outcome:
    """Fails only on positive evidence: an absentee named with nothing attached, or absentees
    counted of whom the minutes give no reason anywhere. A reason written elsewhere (上述同志均已
    请假, 张三同志因公出差 in another sentence) or counts that contradict each other leave it
    undecided."""
    named = [a for a in record.absentees if a.name]
    bare = [a.name for a in named if not a.reason and a.name]
    elsewhere = record.cues.get("absence_reason", [])
    evidence = [e for a in record.absentees for e in a.evidence] or ev(record.unnamed_leave)
    if bare:
        who = "、".join(bare)
        why = doubt(ctx, record)
        denied = record.cues.get("absence_denied", [])
        if why is None and denied and all(any(name in e.text for e in denied) for name in bare):
            return failed(  # 邓家庆未请假: said outright, whatever else the record says of leave
                f"记录写明缺席人员未请假：{who}（“{denied[0].text[:MAX_QUOTED_CHARS]}”）",
                "党员确因有事无法参加的应书面请假；请核实情况，并在记录中写明每名缺席党员的姓名及原因。",
                [*evidence, *denied[:MAX_QUOTED_CUES]],
            )
        if elsewhere or record.unnamed_leave is not None or why is not None:
            note = why or "记录中另有关于请假或缺席原因的文字"
            return unknown(
                f"缺席人员{who}没有紧随姓名写明原因，但{note}，无法确定",
                "请人工核对缺席人员及请假原因。",
                [*evidence, *elsewhere[:MAX_QUOTED_CUES]],
            )
        if all(_on_leave_by_heading(record, name) for name in bare):
            return unknown(  # 请假人员:甲、乙: leave noted for them, its cause not written
                f"缺席人员{who}列在请假名单中，但没有写明请假原因，无法确定",
                "请人工核对；请写明每名请假党员的具体原因（如病假、出差、值班）。",
                evidence,
            )
        return failed(
            f"缺席人员没有写明请假原因：{who}",
            "党员确因有事无法参加的应书面请假；请在记录中写明缺席人员姓名及原因。",
            evidence,
        )
    if refused := record.cues.get("absence_refused"):  # 缺席6人,…,其余3人未请假: said outright
        return failed(
            f"记录写明有缺席人员未请假：“{_tail(refused[0].text)}”",
            "党员确因有事无法参加的应书面请假；请核实未请假人员的情况，并在记录中写明每名缺席党员的姓名及原因。",
            [*evidence, *refused],
        )
    if dittos := [a.name for a in named if a.reason and is_ditto(a.reason)]:
        return unknown(  # a ditto mark with no reason read above it: the row above may be one not read
            f"缺席人员{'、'.join(d for d in dittos if d)}的原因只写了同上符号，上一行没有可沿用的原因，无法确定",
            "请人工核对缺席人员及请假原因；每名缺席党员应分别写明原因。",
            evidence,
        )
    if unclear := [a for a in named if a.reason and (not firm_reason(a.reason) or not_why(a.reason))]:
        notes = "、".join(f"{a.name}（{(a.reason or '')[:MAX_QUOTED_CHARS]}）" for a in unclear)
        return unknown(  # 乙(我表姐) / 丙(手机停机了) / 丁(爱人在县医院当护士): a note, not known to say why
            f"缺席人员的备注未能确认是缺席原因：{notes}",
            "请人工核对缺席原因；请写明缺席的具体原因（如病假、出差、值班、外出务工）。",
            evidence,
        )
    if elsewhere_in_time := _other_times(ctx, record):
        return unknown(  # 乙(上个月进修了两周) / 丙(下周二起去培训): real, but not this meeting's day
            f"缺席人员的原因说的是会议当天以外的时间：{elsewhere_in_time}",
            "请人工核对缺席原因；请写明会议当天缺席的原因。",
            evidence,
        )
    if shared := record.cues.get(
        "absence_shared"
    ):  # 甲(务工)、乙、丙(腰伤卧床): 乙's reason is 丙's, or none
        return unknown(
            "缺席名单中有人没有单独写明原因，可能与后一人共用原因，也可能未写原因，无法确定",
            "请人工核对缺席人员及请假原因；每名缺席党员应分别写明原因。",
            [*evidence, *shared[:MAX_QUOTED_CUES]],
        )
    absent, derived = _absent_number(record)
    if absent is None:
        if named and (left := _list_unchecked(record)):
            return unknown(
                f"列出的缺席人员（{len(named)}人）均写明了原因，但{left}",
                "请人工核对缺席人员是否齐全。",
                evidence,
            )
        if named:
            return passed(f"列出的缺席人员（{len(named)}人）均写明了原因", evidence)
        if _mentions_absence(record):
            return unknown(
                "记录提到缺席或请假，但未能读出缺席人数及原因", "请人工核对缺席情况。", _cue_evidence(record)
            )
        return passed("记录中没有点名或计数的缺席人员", _evidence(record))
    if absent <= 0:
        return passed("无缺席人员", _evidence(record))
    explained = len(named) + _unnamed_covered(record, absent)
    if explained >= absent:
        return passed(f"缺席{absent}人，均写明了原因", evidence or _evidence(record))
    evidence = evidence or _evidence(record)
    why = doubt(ctx, record)
    if why is None and record.unnamed_leave is not None:
        why = f"写明请假的{explained}人之外，其余人员未能读出原因"
    if why is None and named:
        why = f"点名的{len(named)}人均写明了原因，其余{absent - len(named)}人未能读出"
    if why is None and derived:
        why = f"缺席人数由应到减实到推算为{absent}人"
    if why is None and elsewhere:
        why = "记录中另有关于请假或缺席原因的文字"
    if why is not None:
        return unknown(
            f"缺席{absent}人，未能确认均写明了原因：{why}",
            "请人工核对缺席人员及请假原因。",
            [*evidence, *elsewhere[:MAX_QUOTED_CUES]],
        )
    return failed(
        f"缺席{absent}人，但记录中没有写明请假原因",
        "党员确因有事无法参加的应书面请假；请在记录中写明缺席人员姓名及原因。",
        evidence,
    )


def _tail(text: str) -> str:
    """The end of a sentence, where its counted parts end (…另有1人未请假), cut to the quoted length."""
    return text if len(text) <= MAX_QUOTED_CHARS else "…" + text[-MAX_QUOTED_CHARS:]


def _unnamed_covered(record: MeetingRecord, absent: int) -> int:
    """How many absentees the reason written without names covers (其中2人请假: 2); all when the
    count was not read with it."""
    if record.unnamed_leave is None:
        return 0
    if any(a.name and a.name in record.unnamed_leave.value for a in record.absentees):
        return 0  # 缺席两个,一个是…邢立军,他去…培训了: the reason of one who is named, counted with them
    if record.unnamed_leave_count is None:
        return absent
    if record.unnamed_leave_count > absent:
        return 0  # more on leave than are absent: the number read with the reason counts something else
    return record.unnamed_leave_count


def _list_unchecked(record: MeetingRecord) -> str | None:
    """Why a list of absentees cannot be known complete: 应到 was read but neither 实到 nor 缺席."""
    expected, _, _ = _counts(record)
    if expected is None:
        return None
    return f"记录写应到{expected}人，未能读出实到或缺席人数，无法确认名单齐全"


def _absent_number(record: MeetingRecord) -> tuple[int | None, bool]:
    """The absent count as written; else 应到 − 实到 (derived: True); else None."""
    expected, actual, absent = _counts(record)
    if absent is not None:
        return absent, False
    if expected is not None and actual is not None:
        return expected - actual, True
    return None, False


def _mentions_absence(record: MeetingRecord) -> bool:
    return bool(record.cues.get("absence"))


def _cue_evidence(record: MeetingRecord) -> list:
    return record.cues.get("absence", [])[:MAX_QUOTED_CUES]
