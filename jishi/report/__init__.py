"""Renderers: one Report, three formats (terminal text, the JSON contract, HTML)."""

from __future__ import annotations

from typing import Literal, get_args

from core.errors import UsageError
from core.models import Report
from jishi.report.html import Crops, FaceViews, render_html
from jishi.report.json_report import SCHEMA_VERSION, render_json, to_dict
from jishi.report.text import render_text

Format = Literal["text", "json", "html"]
FORMATS: tuple[str, ...] = get_args(Format)

__all__ = [
    "FORMATS",
    "SCHEMA_VERSION",
    "Format",
    "render",
    "render_html",
    "render_json",
    "render_text",
    "to_dict",
]


def render(
    report: Report,
    fmt: Format,
    *,
    color: bool = False,
    crops: Crops | None = None,
    faces: FaceViews | None = None,
) -> str:
    """Render ``report`` as ``text``, ``json`` or ``html``.

    ``color`` only affects text (ANSI colours); ``crops`` only affects HTML (embedded
    evidence images), as does ``faces`` (the face check's pictures). An unknown format is a :class:`~core.errors.UsageError`.
    """
    if fmt == "text":
        return render_text(report, color=color)
    if fmt == "json":
        return render_json(report)
    if fmt == "html":
        return render_html(report, crops=crops, faces=faces)
    raise UsageError(
        f"不支持的报告格式：{fmt!r}",
        hint=f"请使用以下格式之一：{'、'.join(FORMATS)}",
    )
