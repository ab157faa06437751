from __future__ import annotations

import json

import pytest

from core.errors import UsageError
from core.models import Report
from jishi.report import FORMATS, render, render_html, render_json, render_text


def test_dispatch(noncompliant: Report) -> None:
    assert FORMATS == ("text", "json", "html")
    assert render(noncompliant, "text") == render_text(noncompliant)
    assert render(noncompliant, "json") == render_json(noncompliant)
    assert render(noncompliant, "html") == render_html(noncompliant)
    assert json.loads(render(noncompliant, "json"))["verdict"] == "noncompliant"


def test_options_pass_through(noncompliant: Report) -> None:
    assert "\033[31m" in render(noncompliant, "text", color=True)
    ev = noncompliant.findings[2].evidence[0]
    out = render(noncompliant, "html", crops={(ev.file, ev.page, ev.bbox): b"png"})
    assert "data:image/png;base64,cG5n" in out


def test_unknown_format(noncompliant: Report) -> None:
    with pytest.raises(UsageError) as exc:
        render(noncompliant, "pdf")  # type: ignore[arg-type]
    assert "pdf" in exc.value.message and "html" in exc.value.hint
