from __future__ import annotations

import json

from core.models import Evidence, Report, Value
from jishi.report import SCHEMA_VERSION, to_dict
from jishi.report.json_report import render_json

TOP_KEYS = [
    "schema_version",
    "verdict",
    "meeting",
    "signin",
    "photos",
    "findings",
    "files",
    "submission",
    "engine",
    "generated_at",
]
MEETING_KEYS = [
    "kind",
    "date",
    "time",
    "place",
    "presider",
    "oath_leader",
    "recorder",
    "study",
    "expected_count",
    "actual_count",
    "absent_count",
    "absentees",
    "attendees",
    "leaders_present",
]
FINDING_KEYS = ["code", "status", "required", "rule_version", "message", "hint", "evidence"]
EVIDENCE_KEYS = ["file", "page", "bbox", "text", "confidence"]


def test_exact_keys(noncompliant: Report) -> None:
    d = to_dict(noncompliant)
    assert list(d) == TOP_KEYS
    assert list(d["meeting"]) == MEETING_KEYS
    assert list(d["signin"]) == ["signed_count", "names"]
    assert list(d["photos"][0]) == ["file", "taken_at", "duplicate_of"]
    assert all(list(f) == FINDING_KEYS for f in d["findings"])
    assert list(d["findings"][2]["evidence"][0]) == EVIDENCE_KEYS
    assert list(d["files"][0]) == ["path", "sha256", "role", "ocr", "kind"]
    assert list(d["submission"]) == ["name", "branch", "categories"]
    assert d["meeting"]["study"] == [{"leader": "张明", "material": "《习近平谈治国理政》第四卷"}]


def test_values(noncompliant: Report) -> None:
    d = to_dict(noncompliant)
    assert d["schema_version"] == SCHEMA_VERSION == "1"
    assert d["verdict"] == "noncompliant"
    m = d["meeting"]
    assert m["kind"] == "主题党日"
    assert m["date"] == "2022-12-23"
    assert m["time"] == "15:00"
    assert m["presider"] == "李光振"
    assert m["oath_leader"] == "张明"
    assert (m["expected_count"], m["actual_count"], m["absent_count"]) == (25, 23, 2)
    assert m["absentees"] == [{"name": "赵六", "reason": "因公出差"}, {"name": "钱七", "reason": None}]
    assert m["attendees"] == ["李光振", "张明", "王芳"]
    assert m["leaders_present"] == ["刘书记"]
    assert d["signin"] == {"signed_count": 23, "names": ["张三", "李四", "王五"]}
    assert d["photos"] == [
        {"file": "2022-12/现场1.jpg", "taken_at": "2022-12-23T15:02:00", "duplicate_of": None},
        {"file": "2022-12/现场2.jpg", "taken_at": None, "duplicate_of": "2022-12/现场1.jpg"},
    ]
    assert d["files"][0] == {
        "path": "2022-12/会议记录.pdf",
        "sha256": "a" * 60 + "1234",
        "role": "minutes",
        "ocr": False,
        "kind": "pdf",
    }
    assert d["files"][1]["role"] == "signin" and d["files"][1]["ocr"] is True
    assert d["files"][2]["kind"] is None
    assert d["submission"] == {
        "name": "2022年12月主题党日",
        "branch": "第一党支部",
        "categories": ["主题党日"],
    }
    assert d["engine"] == {"jishi": "0.1.0", "ocr": "rapidocr 3.10.0"}
    assert d["generated_at"] == "2023-01-03T09:30:15"


def test_findings_keep_order_and_evidence(noncompliant: Report) -> None:
    d = to_dict(noncompliant)
    assert [f["code"] for f in d["findings"]] == [f.code for f in noncompliant.findings]
    presider = d["findings"][2]
    assert presider == {
        "code": "presider.missing",
        "status": "fail",
        "required": True,
        "rule_version": "1",
        "message": "会议记录中没有找到主持人。",
        "hint": "请在会议记录中写明主持人姓名后重新上传。",
        "evidence": [
            {
                "file": "2022-12/会议记录.pdf",
                "page": 1,
                "bbox": [72.0, 140.5, 300.0, 160.0],
                "text": "主持人：（空白）",
                "confidence": None,
            }
        ],
    }
    ocr = d["findings"][3]["evidence"][0]
    assert ocr["page"] is None and ocr["confidence"] == 0.87 and ocr["bbox"] == [10, 20, 400, 60]
    assert d["findings"][0]["evidence"] == [] and d["findings"][0]["hint"] == ""


def test_unknowns_are_null(needs_review: Report) -> None:
    d = to_dict(needs_review)
    assert d["verdict"] == "needs_review"
    assert d["signin"] is None
    m = d["meeting"]
    assert m["study"] == [] and m["absentees"] == []
    assert all(m[k] is None for k in MEETING_KEYS if k not in ("study", "absentees"))
    assert d["photos"] == []
    assert d["submission"] == {"name": "", "branch": None, "categories": []}
    assert d["engine"] == {} and d["generated_at"] is None
    assert d["findings"][0]["evidence"] == [
        {"file": "扫描件.pdf", "page": 3, "bbox": None, "text": "", "confidence": None}
    ]


def test_value_holding_none_is_null(needs_review: Report) -> None:
    needs_review.meeting.presider = Value(None)  # type: ignore[arg-type]
    assert to_dict(needs_review)["meeting"]["presider"] is None


def test_render_json_round_trip(noncompliant: Report, needs_review: Report) -> None:
    for report in (noncompliant, needs_review):
        text = render_json(report)
        assert json.loads(text) == to_dict(report)
    text = render_json(noncompliant)
    assert "李光振" in text and "\\u" not in text  # ensure_ascii=False
    assert text.startswith('{\n  "schema_version": "1",\n  "verdict": "noncompliant"')


def test_evidence_text_is_not_altered(needs_review: Report) -> None:
    evil = '<script>alert("x")</script>\n第二行'
    needs_review.findings[0].evidence.append(Evidence(file="a.pdf", text=evil))
    assert json.loads(render_json(needs_review))["findings"][0]["evidence"][1]["text"] == evil
