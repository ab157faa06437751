"""The minutes' required rules scored against labels (``jishi.realdev_rules``)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from core.models import MeetingRecord, Origin, TextSpan
from extractors.fields.minutes import extract_meeting
from extractors.layout.lines import sentences
from jishi.evaluate_realdev import below_baseline
from jishi.realdev_rules import MINUTES_RULES, noted, outcomes, summarise, violations


def _label(**fields: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "meeting_kind": "支部党员大会",
        "presider": "李光振",
        "oath_taken": False,
        "oath_leader": None,
        "study_leaders": ["张明"],
        "study_materials": ["中国共产党章程"],
        "expected_count": 10,
        "actual_count": 9,
        "absent_count": 1,
        "absentees": [{"name": "王芳", "reason": "病假"}],
        "attendees": [],
    }
    return base | fields


def _record(*texts: str) -> MeetingRecord:
    lines = [ln for i, t in enumerate(texts) for ln in sentences(TextSpan(t, Origin("m.docx", paragraph=i)))]
    return extract_meeting(
        lines, [], default_date=dt.date(2024, 5, 1), plan_items=[], source_files=["m.docx"]
    )


def test_a_labelled_compliant_account_breaks_no_rule() -> None:
    assert not any(violations(_label()).values())


def test_each_violation_as_the_rules_define_it() -> None:
    assert violations(_label(presider=None))["presider.missing"]
    assert violations(_label(meeting_kind="主题党日"))["oath_leader.missing"]
    assert violations(_label(study_leaders=[]))["study.missing"]
    assert not violations(_label(study_leaders=[], study_materials=[]))["study.missing"]  # 传达 only
    assert violations(_label(actual_count=8))["attendance.counts_inconsistent"]
    assert violations(_label(expected_count=12, actual_count=9, absent_count=3))["attendance.below_threshold"]
    assert violations(_label(absentees=[{"name": "王芳", "reason": None}]))[
        "attendance.absence_without_reason"
    ]
    assert violations(_label(absentees=[{"name": "王芳", "reason": "无故缺席"}]))[
        "attendance.absence_without_reason"
    ]
    none = _label(expected_count=None, actual_count=None, absent_count=None)
    assert violations(none)["attendance.counts_missing"] is True
    assert violations(none | {"attendees": ["赵六"]})["attendance.counts_missing"] is None  # undecided


def test_outcomes_run_the_registered_rules_on_the_record() -> None:
    record = _record(
        "会议由李光振同志主持。",
        "张明同志领学《中国共产党章程》。",
        "应到10人，实到9人，缺席1人（王芳病假）。",
    )
    got = outcomes(record, _label())
    assert set(got) == set(MINUTES_RULES)
    assert got["presider.missing"] == "pass"
    assert got["attendance.absence_without_reason"] == "pass"
    assert outcomes(None, _label())["presider.missing"] == "unknown"  # no minutes: nothing to read


def test_summary_counts_false_flags_false_passes_and_flagged_compliant_accounts() -> None:
    kept = {code: False for code in MINUTES_RULES}
    passing = {code: "pass" for code in MINUTES_RULES}
    rows = [
        {"violated": kept, "status": passing | {"presider.missing": "fail"}},  # a false flag
        {"violated": kept | {"study.missing": True}, "status": passing},  # a false pass
        {"violated": kept, "status": passing | {"study.missing": "unknown"}},  # to a person
        {
            "violated": kept | {"attendance.counts_missing": None},
            "status": passing | {"presider.missing": "fail"},
        },
    ]
    s = summarise(rows)
    assert (s["false_flags"], s["false_passes"], s["compliant"], s["compliant_flagged"]) == (2, 1, 2, 1)
    assert s["accounts"]["compliant_needs_review"] == 1
    assert s["accounts"]["undecided_noncompliant"] == 1


def test_baseline_gates_rule_counts_as_at_most() -> None:
    summary = {
        "complete": {},
        "all": {},
        "rules": {"false_flags": 3, "false_passes": 0, "compliant_flagged": 1},
    }
    assert below_baseline(summary, {"rules": {"false_flags": 3, "false_passes": 0}}) == []
    assert below_baseline(summary, {"rules": {"false_flags": 2}}) == ["rules.false_flags: 3 > 2"]


def test_notes_verdicts_count_the_accounts_the_writers_call_violating_but_the_rules_pass() -> None:
    kept = {code: False for code in MINUTES_RULES}
    passing = {code: "pass" for code in MINUTES_RULES}
    rows = [
        {"violated": kept, "status": passing, "noted": "violated"},  # the mapping cannot see it
        {"violated": kept, "status": passing | {"study.missing": "unknown"}, "noted": "violated"},
        {"violated": kept, "status": passing | {"presider.missing": "fail"}, "noted": "compliant"},
        {"violated": kept, "status": passing, "noted": None},  # no verdict in the notes
    ]
    s = summarise(rows)
    assert s["notes_false_passes"] == 1
    assert s["by_notes"] == {
        "compliant_noncompliant": 1,
        "violated_compliant": 1,
        "violated_needs_review": 1,
    }


def test_noted_reads_the_writers_verdict_only_from_the_opening_of_the_notes() -> None:
    assert noted({"notes": "违规记录：缺席者无原因。"}) == "violated"
    assert noted({"notes": "合规记录。两可之处：……"}) == "compliant"
    assert noted({"notes": "集体宣誓未说明内容，按违规记录处理"}) is None
    assert noted({"notes": "違規記錄：沒有主持人"}) == "violated"
    assert noted({"notes": "违规（唯一违规）：……"}) == "violated"
    assert noted({}) is None


def test_text_report_prints_the_verdicts_by_the_notes_only_where_notes_give_them() -> None:
    from jishi.evaluate_realdev import _render_notes

    line = _render_notes({"violated_compliant": 2, "violated_needs_review": 1, "compliant_compliant": 5})
    assert line == [
        "按记录者注明的结论（合规记录/违规记录）：合规 5 份判为 合格/人工复核/不合格 = 5/0/0；"
        "违规 3 份判为 合格/人工复核/不合格 = 2/1/0；误判合格 2 份"
    ]
    assert _render_notes({}) == []
