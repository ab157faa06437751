"""Rules across months and branches, on facts handed in the CheckContext (no store involved)."""

from __future__ import annotations

import datetime as dt

from checks.context import CheckContext
from checks.registry import Outcome, rules
from core.history import HistoryFacts, PastSubmission, Quote, TextMatch
from core.meta import Branch, Member, Plan, SubmissionMeta
from core.models import (
    Absentee,
    Evidence,
    EvidenceFile,
    ExtractedFile,
    FileKind,
    MeetingRecord,
    PhotoFacts,
    Role,
    SigninSheet,
    Status,
    StudyItem,
    Value,
)

RULES = {r.code: r for r in rules()}
DAY = dt.date(2024, 3, 14)
BRANCH = Branch(
    name="一支部",
    members=[
        Member(name="李光振", role="书记"),
        Member(name="张明", role="委员"),
        Member(name="王芳", role="委员"),
        Member(name="赵六", role="党员"),
    ],
)


def ctx(
    categories: tuple[str, ...] = ("主题党日",), now: dt.datetime | None = None, **kw: object
) -> CheckContext:
    base: dict[str, object] = dict(
        meta=SubmissionMeta(branch="一支部", categories=list(categories), meeting_date=DAY),
        branch=BRANCH,
        plan=Plan(),
        record=MeetingRecord(),
        signin=None,
        photos=[],
        files=[],
        now=now or dt.datetime(2024, 3, 16, tzinfo=dt.UTC),
    )
    base.update(kw)
    return CheckContext(**base)  # type: ignore[arg-type]


def run(code: str, c: CheckContext) -> list[Outcome]:
    out = RULES[code].fn(c)
    return out if isinstance(out, list) else [out]


def statuses(code: str, c: CheckContext) -> list[Status]:
    return [o.status for o in run(code, c)]


# ----------------------------------------------------------------- minutes.copied


def match(jaccard: float, containment: float, same: bool = False) -> TextMatch:
    quote = (
        Quote("大家结合窗口服务交流了心得。", "本次.docx"),
        Quote("大家结合窗口服务交流了心得。", "记录.docx"),
    )
    return TextMatch("sub-1", "二支部", dt.date(2023, 3, 1), jaccard, containment, (quote,), same)


def test_copied_is_not_applied_without_history_or_text() -> None:
    assert run("minutes.copied", ctx()) == []
    assert run("minutes.copied", ctx(history=HistoryFacts())) == []


def test_copied_fails_warns_and_passes_by_the_measured_thresholds() -> None:
    assert statuses("minutes.copied", ctx(history=HistoryFacts(text_matches=[]))) == [Status.PASS]
    assert statuses("minutes.copied", ctx(history=HistoryFacts(text_matches=[match(0.1, 0.2)]))) == [
        Status.PASS
    ]
    assert statuses("minutes.copied", ctx(history=HistoryFacts(text_matches=[match(0.2, 0.2)]))) == [
        Status.WARN
    ]
    assert statuses("minutes.copied", ctx(history=HistoryFacts(text_matches=[match(0.1, 0.3)]))) == [
        Status.WARN
    ]
    assert statuses("minutes.copied", ctx(history=HistoryFacts(text_matches=[match(0.2, 0.7)]))) == [
        Status.FAIL
    ]
    out = run("minutes.copied", ctx(history=HistoryFacts(text_matches=[match(0.8, 0.9, same=True)])))[0]
    assert out.status == Status.FAIL and "sub-1" in out.message and "本支部以往" in out.message
    assert [e.file for e in out.evidence] == ["本次.docx", "sub-1/记录.docx"]
    assert out.evidence[0].text.startswith("本次：") and out.evidence[1].text.startswith("往次：")


# ----------------------------------------------------------------- study.material_anachronism


def record_studying(*materials: str) -> MeetingRecord:
    ev = [Evidence(file="记录.docx", text="由张明同志领学")]
    return MeetingRecord(study=[StudyItem("张明", m, ev) for m in materials])


def test_anachronism_fails_quoting_both_dates() -> None:
    out = run(
        "study.material_anachronism",
        ctx(record=record_studying("《中共中央关于进一步全面深化改革 推进中国式现代化的决定》")),
    )
    assert out[0].status == Status.FAIL
    assert "2024年03月14日" in out[0].message and "2024年7月18日" in out[0].message
    assert out[0].evidence[0].file == "记录.docx"


def test_anachronism_passes_published_and_ignores_unknown_titles() -> None:
    c = ctx(record=record_studying("《习近平谈治国理政》第四卷", "《榜样8》", "共产党员的8项权利和8项义务"))
    assert statuses("study.material_anachronism", c) == [Status.PASS]
    assert statuses("study.material_anachronism", ctx(record=record_studying("《某单位内部通知》"))) == [
        Status.PASS
    ]


def test_anachronism_without_a_date_is_unknown_and_without_minutes_not_applied() -> None:
    c = ctx(record=record_studying("《中国共产党章程》"), meta=SubmissionMeta(branch="一支部"))
    assert statuses("study.material_anachronism", c) == [Status.UNKNOWN]
    assert run("study.material_anachronism", ctx(record=None)) == []


# ----------------------------------------------------------------- calendar


def past(day: dt.date, *cats: str) -> PastSubmission:
    return PastSubmission(f"s-{day}", "一支部", day, ("主题党日", *cats), "compliant")


def facts(*subs: PastSubmission) -> HistoryFacts:
    return HistoryFacts(branch_submissions=list(subs), months_covered={s.month for s in subs})


def test_quarter_closing_submission_warns_while_open_and_fails_after() -> None:
    h = facts(past(dt.date(2024, 1, 10), "支部党员大会"), past(dt.date(2024, 2, 10)))
    open_ = run("calendar.quarterly_missing", ctx(history=h))[0]
    assert (
        open_.status == Status.WARN
        and "党课" in open_.message
        and "支部党员大会" not in open_.message.split("（")[0]
    )
    late = ctx(history=h, now=dt.datetime(2024, 4, 2, tzinfo=dt.UTC))
    assert statuses("calendar.quarterly_missing", late) == [Status.FAIL]
    assert statuses("calendar.quarterly_missing", ctx(("主题党日", "党课"), history=h)) == [Status.PASS]


def test_calendar_not_applied_mid_quarter_without_history_or_with_gaps() -> None:
    mid = SubmissionMeta(branch="一支部", meeting_date=dt.date(2024, 2, 14))
    assert run("calendar.quarterly_missing", ctx(meta=mid, history=facts())) == []
    assert run("calendar.quarterly_missing", ctx()) == []
    assert (
        run("calendar.quarterly_missing", ctx(history=facts(past(dt.date(2024, 1, 10))))) == []
    )  # February unknown


def test_year_needs_organisational_life_and_appraisal() -> None:
    dec = SubmissionMeta(
        branch="一支部", meeting_date=dt.date(2024, 12, 12), categories=["主题党日", "民主评议党员"]
    )
    subs = [past(dt.date(2024, m, 10)) for m in range(1, 12)]
    out = run(
        "calendar.yearly_missing",
        ctx(meta=dec, history=facts(*subs), now=dt.datetime(2024, 12, 14, tzinfo=dt.UTC)),
    )
    assert out[0].status == Status.WARN and "组织生活会" in out[0].message
    subs[4] = past(dt.date(2024, 5, 10), "组织生活会")
    assert statuses("calendar.yearly_missing", ctx(meta=dec, history=facts(*subs))) == [Status.PASS]


# ----------------------------------------------------------------- committee


def sheet(*names: str, confidence: float = 1.0) -> SigninSheet:
    return SigninSheet(
        Value(len(names), confidence=confidence),
        [Value(n, [Evidence("签字.docx", n)]) for n in names],
        "签字.docx",
    )


PHOTO = [PhotoFacts("现场.jpg", None)]


def test_committee_rules_only_for_committee_submissions() -> None:
    assert run("committee.signatures_missing", ctx()) == [] and run("committee.photo_missing", ctx()) == []


def test_committee_signatures_missing_page_members_and_leave() -> None:
    c = ("支委会",)
    assert statuses("committee.signatures_missing", ctx(c)) == [Status.FAIL]
    photographed = [
        ExtractedFile(EvidenceFile("记录.jpg", FileKind.JPEG, b"", "0"), None, Role.MINUTES, ocr=True)
    ]
    assert statuses("committee.signatures_missing", ctx(c, files=photographed)) == [Status.UNKNOWN]
    out = run("committee.signatures_missing", ctx(c, signin=sheet("李光振", "张明")))[0]
    assert out.status == Status.FAIL and "王芳" in out.message and "赵六" not in out.message
    excused = MeetingRecord(absentees=[Absentee("王芳", "出差")])
    assert statuses(
        "committee.signatures_missing", ctx(c, signin=sheet("李光振", "张明"), record=excused)
    ) == [Status.PASS]
    assert statuses("committee.signatures_missing", ctx(c, signin=sheet("李光振", confidence=0.5))) == [
        Status.UNKNOWN
    ]
    assert statuses("committee.signatures_missing", ctx(c, signin=sheet("李光振", "张明", "王芳"))) == [
        Status.PASS
    ]


def test_committee_photo() -> None:
    assert statuses("committee.photo_missing", ctx(("支委会",))) == [Status.FAIL]
    assert statuses("committee.photo_missing", ctx(("支委会",), photos=PHOTO)) == [Status.PASS]
    assert statuses("committee.photo_missing", ctx(("支委会",), unread=["a.jpg"])) == [Status.UNKNOWN]
