"""One standalone HTML5 report a branch secretary can open or forward.

No external resources and no JavaScript: CSS is inline, evidence crops (when the
caller has them) are embedded as ``data:`` URIs. Every piece of text from the
submission is untrusted and goes through :func:`html.escape`.
"""

from __future__ import annotations

import base64
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from html import escape

from core.models import (
    BBox,
    Evidence,
    FileEntry,
    Finding,
    MeetingRecord,
    PhotoFacts,
    Report,
    SigninSheet,
    Value,
)
from jishi.report._labels import (
    ROLE_LABELS,
    STATUS_LABELS,
    UNKNOWN,
    VERDICT_LABELS,
    absentees_line,
    counts_line,
    fmt_datetime,
    fmt_value,
    group_findings,
    meeting_date,
    ordered_findings,
    page_label,
)

__all__ = ["CropKey", "Crops", "FaceView", "FaceViews", "crop_key", "render_html"]

CropKey = tuple[str, int | None, BBox | None]
"""(file, page, bbox) of an Evidence; the key of the optional ``crops`` mapping."""
Crops = Mapping[CropKey, bytes]


@dataclass(frozen=True)
class FaceView:
    """A face of the face check (``jishi.report.faces``): its crop, the photo with its box,
    and the leader's reference thumbnails to compare with (beside a finding's first face)."""

    face: bytes  # PNG
    photo: bytes  # JPEG, the whole photo shrunk, the face boxed
    references: tuple[bytes, ...] = ()  # JPEG thumbnails


FaceViews = Mapping[CropKey, FaceView]

SHA_SHOWN = 12

_CSS = """
:root { --fail:#c62828; --unknown:#6a1b9a; --warn:#b26a00; --pass:#2e7d32; --muted:#666; }
* { box-sizing: border-box; }
body { margin: 0; background: #f5f5f5; color: #222; line-height: 1.55;
  font-family: "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif; }
main { max-width: 1100px; margin: 0 auto; padding: 24px 16px 48px; }
h1 { font-size: 1.5em; margin: 0 0 4px; }
h2 { font-size: 1.2em; margin: 32px 0 12px; padding-bottom: 4px; border-bottom: 2px solid #ddd; }
.banner { border-radius: 8px; padding: 18px 22px; border-left: 10px solid; background: #fff; }
.banner.compliant { border-color: var(--pass); background: #e8f5e9; }
.banner.noncompliant { border-color: var(--fail); background: #ffebee; }
.banner.needs_review { border-color: var(--warn); background: #fff8e1; }
.verdict { font-size: 2em; font-weight: bold; margin: 4px 0 8px; }
.compliant .verdict { color: var(--pass); }
.noncompliant .verdict { color: var(--fail); }
.needs_review .verdict { color: var(--warn); }
.meta { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 0; }
.meta dt { color: var(--muted); }
.meta dd { margin: 0; }
.counts { margin: 10px 0 0; }
table { width: 100%; border-collapse: collapse; background: #fff; }
th, td { border: 1px solid #ddd; padding: 6px 8px; text-align: left; vertical-align: top; }
th { background: #fafafa; white-space: nowrap; }
.fields th { width: 9em; }
.badge { display: inline-block; padding: 1px 8px; border-radius: 10px; color: #fff;
  font-size: 0.85em; white-space: nowrap; }
.badge.fail { background: var(--fail); }
.badge.unknown { background: var(--unknown); }
.badge.warn { background: var(--warn); }
.badge.pass { background: var(--pass); }
tr.fail td { background: #fff5f5; }
tr.pass td { color: #555; }
code { font-family: Consolas, "Courier New", monospace; font-size: 0.9em; word-break: break-all; }
small, .muted { color: var(--muted); }
.unknown-value { color: var(--muted); font-style: italic; }
ul.evidence { list-style: none; margin: 0; padding: 0; }
ul.evidence li + li { margin-top: 6px; padding-top: 6px; border-top: 1px dashed #ddd; }
.src { display: block; color: var(--muted); font-size: 0.85em; word-break: break-all; }
.quote { white-space: pre-wrap; word-break: break-word; }
img.crop { display: block; max-width: 100%; max-height: 160px; margin-top: 4px; border: 1px solid #ccc; }
.faces { display: flex; flex-wrap: wrap; gap: 8px; align-items: flex-start; margin-top: 4px; }
.faces figure { margin: 0; text-align: center; font-size: 0.8em; color: var(--muted); }
.faces img { display: block; border: 1px solid #ccc; }
.faces img.face { width: 112px; }
.faces img.reference { width: 112px; border-color: var(--pass); }
.faces img.photo { max-width: 240px; }
footer { margin-top: 32px; color: var(--muted); font-size: 0.85em; }
@media print {
  body { background: #fff; }
  main { max-width: none; padding: 0; }
  tr { break-inside: avoid; }
}
"""


# ---------------------------------------------------------------------------- helpers


def _e(text: object) -> str:
    """Escape anything for element content and quoted attributes."""
    return escape(str(text), quote=True)


def _unknown(label: str = UNKNOWN) -> str:
    return f'<span class="unknown-value">{_e(label)}</span>'


def _value(v: Value | None) -> str:
    return _unknown() if v is None or v.value is None else _e(fmt_value(v))


def _text_or_unknown(text: str | None, unknown: str = UNKNOWN) -> str:
    return _e(text) if text else _unknown(unknown)


def crop_key(evidence: Evidence) -> CropKey:
    """The ``crops`` key for an Evidence: ``(file, page, bbox)``."""
    bbox = tuple(evidence.bbox) if evidence.bbox is not None else None
    return (evidence.file, evidence.page, bbox)  # type: ignore[return-value]


def _fmt_bbox(bbox: BBox) -> str:
    def num(x: float) -> str:
        return str(int(x)) if math.isfinite(x) and float(x).is_integer() else f"{x:.1f}"

    return "(" + ", ".join(num(x) for x in bbox) + ")"


def _table(headers: Iterable[str], rows: Iterable[str], css: str = "") -> str:
    head = "".join(f"<th>{_e(h)}</th>" for h in headers)
    cls = f' class="{css}"' if css else ""
    return f"<table{cls}><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"


def _field_rows(fields: Iterable[tuple[str, str]]) -> str:
    """``<tr><th>label</th><td>html</td></tr>`` rows; values are already escaped HTML."""
    return "".join(f"<tr><th>{_e(label)}</th><td>{html}</td></tr>" for label, html in fields)


# --------------------------------------------------------------------------- sections


def _banner(report: Report) -> str:
    groups = group_findings(report.findings)
    counts = " · ".join(f"{STATUS_LABELS[s]} {len(fs)} 项" for s, fs in groups.items() if s in STATUS_LABELS)
    meta = [
        ("支部", _text_or_unknown(report.branch_name)),
        ("材料", _text_or_unknown(report.submission_name, "（未命名）")),
        ("类别", _e("、".join(report.categories)) if report.categories else _unknown("（未填写）")),
        ("会议日期", _e(meeting_date(report.meeting))),
    ]
    dl = "".join(f"<dt>{_e(k)}</dt><dd>{v}</dd>" for k, v in meta)
    return (
        f'<header class="banner {_e(report.verdict.value)}">'
        "<h1>纪实检查报告</h1>"
        f'<div class="verdict">结论：{_e(VERDICT_LABELS[report.verdict])}</div>'
        f'<dl class="meta">{dl}</dl>'
        f'<p class="counts">{_e(counts)}</p>'
        "</header>"
    )


def evidence_html(evidence: Evidence, crops: Crops | None = None, faces: FaceViews | None = None) -> str:
    """One quoted piece of evidence: source (file · 第N页), the quote, an optional crop
    (for a face of the face check: the face, its place in the photo, the references)."""
    src = " · ".join(x for x in (evidence.file, page_label(evidence.page)) if x)
    title = f' title="区域 {_e(_fmt_bbox(evidence.bbox))}"' if evidence.bbox is not None else ""
    parts = [f'<span class="src"{title}>{_e(src)}</span>']
    if evidence.text.strip():
        parts.append(f'<span class="quote">「{_e(evidence.text)}」</span>')
    if evidence.confidence is not None:
        parts.append(f" <small>识别置信度 {evidence.confidence:.0%}</small>")
    view = faces.get(crop_key(evidence)) if faces else None
    png = crops.get(crop_key(evidence)) if crops and view is None else None
    if view is not None:
        parts.append(_face_html(view, src))
    if png:
        data = base64.b64encode(png).decode("ascii")
        alt = _e(f"依据截图：{src}")
        parts.append(f'<img class="crop" alt="{alt}" src="data:image/png;base64,{data}">')
    return "<li>" + "".join(parts) + "</li>"


def _face_html(view: FaceView, src: str) -> str:
    def figure(mime: str, data: bytes, css: str, caption: str) -> str:
        b64 = base64.b64encode(data).decode("ascii")
        alt = _e(f"{caption}：{src}")
        return (
            f'<figure><img class="{css}" alt="{alt}" src="data:{mime};base64,{b64}">'
            f"<figcaption>{_e(caption)}</figcaption></figure>"
        )

    refs = [figure("image/jpeg", r, "reference", "参考照片") for r in view.references]
    return (
        '<div class="faces">'
        + "".join(refs)
        + figure("image/png", view.face, "face", "现场照片中的人脸")
        + figure("image/jpeg", view.photo, "photo", "在照片中的位置")
        + "</div>"
    )


def _finding_row(finding: Finding, crops: Crops | None, faces: FaceViews | None = None) -> str:
    status = finding.status
    badge = f'<span class="badge {_e(status.value)}">{_e(STATUS_LABELS.get(status, status.value))}</span>'
    tag = "必查" if finding.required else "非必查"
    code = f"<code>{_e(finding.code)}</code><br><small>{tag} · 规则 v{_e(finding.rule_version)}</small>"
    hint = _e(finding.hint) if finding.hint else ""
    ev = "".join(evidence_html(e, crops, faces) for e in finding.evidence)
    ev_html = f'<ul class="evidence">{ev}</ul>' if ev else ""
    return (
        f'<tr class="{_e(status.value)}"><td>{badge}</td><td>{code}</td>'
        f"<td>{_e(finding.message)}</td><td>{hint}</td><td>{ev_html}</td></tr>"
    )


def _findings(findings: list[Finding], crops: Crops | None, faces: FaceViews | None = None) -> str:
    if not findings:
        return '<h2>检查结果</h2><p class="muted">没有检查结果。</p>'
    rows = (_finding_row(f, crops, faces) for f in ordered_findings(findings))
    headers = ("状态", "检查项", "说明", "处理办法", "依据")
    return "<h2>检查结果</h2>" + _table(headers, rows, "findings")


def _study_html(m: MeetingRecord) -> str:
    if not m.study:
        return _unknown()
    items = (f"<li>{_text_or_unknown(s.leader, '领学人未识别')}：{_e(s.material)}</li>" for s in m.study)
    return f"<ul>{''.join(items)}</ul>"


def _items_done_html(m: MeetingRecord) -> str:
    items = (f"<li>{'✓' if v.value else '✗'} {_e(name)}</li>" for name, v in m.items_done.items())
    return f"<ul>{''.join(items)}</ul>"


def _meeting(m: MeetingRecord) -> str:
    fields: list[tuple[str, str]] = [
        ("会议类型", _value(m.kind)),
        ("日期", _value(m.date)),
        ("时间", _value(m.time)),
        ("地点", _value(m.place)),
        ("主持人", _value(m.presider)),
        ("领誓人", _value(m.oath_leader)),
        ("重温入党誓词", _value(m.oath_taken)),
        ("记录人", _value(m.recorder)),
        ("领学", _study_html(m)),
        ("应到/实到/缺席", _e(counts_line(m))),
        ("缺席人员", _e(absentees_line(m))),
        ("参会人员", _value(m.attendees)),
        ("参会领导", _value(m.leaders_present)),
    ]
    if m.lecture is not None:
        fields.append(("党课", _value(m.lecture)))
    if m.items_done:
        fields.append(("计划事项", _items_done_html(m)))
    return f'<h2>会议记录提取结果</h2><table class="fields"><tbody>{_field_rows(fields)}</tbody></table>'


def _signin(signin: SigninSheet | None) -> str:
    if signin is None:
        return '<h2>签到表</h2><p class="muted">未提供签到表，或未能识别签到表。</p>'
    names = [n.value for n in signin.names if n.value]
    fields = [
        ("文件", _text_or_unknown(signin.file)),
        ("签到人数", _value(signin.signed_count)),
        ("签到人员", _e("、".join(names)) if names else _unknown()),
    ]
    return f'<h2>签到表</h2><table class="fields"><tbody>{_field_rows(fields)}</tbody></table>'


def _photo_row(p: PhotoFacts) -> str:
    dup = _e(p.duplicate_of) if p.duplicate_of else "否"
    shot = "是" if p.is_screenshot else "否"
    taken = _e(fmt_datetime(p.taken_at)) if p.taken_at else _unknown()
    return f"<tr><td>{_e(p.file)}</td><td>{taken}</td><td>{dup}</td><td>{shot}</td></tr>"


def _photos(photos: list[PhotoFacts]) -> str:
    if not photos:
        return '<h2>照片</h2><p class="muted">未上传照片。</p>'
    rows = (_photo_row(p) for p in photos)
    return "<h2>照片</h2>" + _table(("文件", "拍摄时间", "重复于", "截图"), rows)


def _file_row(f: FileEntry) -> str:
    short = f.sha256[:SHA_SHOWN] + ("…" if len(f.sha256) > SHA_SHOWN else "")
    kind = _e(f.kind.value) if f.kind is not None else _unknown("未知")
    return (
        f"<tr><td>{_e(f.path)}</td><td>{_e(ROLE_LABELS.get(f.role, f.role.value))}</td>"
        f"<td>{kind}</td><td>{'是' if f.ocr else '否'}</td>"
        f'<td><code title="{_e(f.sha256)}">{_e(short)}</code></td></tr>'
    )


def _files(files: list[FileEntry]) -> str:
    if not files:
        return '<h2>文件清单</h2><p class="muted">没有文件。</p>'
    rows = (_file_row(f) for f in files)
    return "<h2>文件清单</h2>" + _table(("文件", "用途", "类型", "文字识别", "SHA-256"), rows)


def _footer(report: Report) -> str:
    parts = []
    if report.generated_at is not None:
        parts.append(f"生成时间：{_e(fmt_datetime(report.generated_at))}")
    if report.engine:
        engine = "；".join(f"{k} {v}" for k, v in report.engine.items())
        parts.append(f"检查程序：{_e(engine)}")
    body = "<br>".join(parts)
    return f"<footer>{body}<br>本报告由 jishi 自动生成，结论供党支部自查和上级审核参考。</footer>"


# ----------------------------------------------------------------------------- entry


def render_html(report: Report, crops: Crops | None = None, faces: FaceViews | None = None) -> str:
    """The report as one self-contained HTML5 page (UTF-8, zh-CN, inline CSS, no JS).

    ``crops`` optionally maps an Evidence's ``(file, page, bbox)`` (see :func:`crop_key`)
    to PNG bytes of that region; matching evidence then shows the image inline.
    ``faces`` likewise maps the face check's evidence to its pictures
    (``jishi.report.faces.face_views``), shown instead of a plain crop.
    """
    title = " · ".join(
        x for x in ("纪实检查报告", report.branch_name or "", meeting_date(report.meeting)) if x
    )
    body = "".join(
        (
            _banner(report),
            _findings(report.findings, crops, faces),
            _meeting(report.meeting),
            _signin(report.signin),
            _photos(report.photos),
            _files(report.files),
            _footer(report),
        )
    )
    return (
        "<!DOCTYPE html>\n"
        '<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_e(title)}</title>\n<style>{_CSS}</style>\n</head>\n"
        f"<body>\n<main>\n{body}\n</main>\n</body>\n</html>\n"
    )
