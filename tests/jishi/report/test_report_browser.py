"""The HTML report in a real browser (headless Chromium): it renders, shows the verdict
and the findings, embeds the evidence crops as images, and needs no network."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

from PIL import Image

from core.settings import OcrSettings, Settings
from ingest.submission import load_submission
from jishi.pipeline import check_submission
from jishi.report import render
from jishi.report.crops import evidence_crops

CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _chromium() -> str:
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    assert path, "Chromium is installed by scripts/setup.sh (apt package chromium)"
    return path


def _report_html(corpus: Path, tmp_path: Path) -> Path:
    settings = Settings(ocr=OcrSettings(engine="none"))
    submission = load_submission([corpus / "v_presider_not_authorized"], settings=settings)
    report = check_submission(submission, settings, now=dt.datetime(2023, 1, 10, tzinfo=dt.UTC))
    html = render(report, "html", crops=evidence_crops(report, submission.files, settings.limits))
    page = tmp_path / "report.html"
    page.write_text(html, encoding="utf-8")
    return page


def test_report_renders_in_chromium(corpus: Path, tmp_path: Path) -> None:
    page = _report_html(corpus, tmp_path)
    profile = tmp_path / "profile"
    base = [_chromium(), *CHROMIUM_FLAGS, f"--user-data-dir={profile}"]
    dom = subprocess.run(
        [*base, "--dump-dom", page.as_uri()], capture_output=True, text=True, timeout=90
    ).stdout
    assert "不合格" in dom and "presider.not_authorized" in dom
    assert dom.count("<img") >= 1 and "data:image/png;base64," in dom
    shot = tmp_path / "shot.png"
    subprocess.run(
        [*base, "--window-size=1000,1400", f"--screenshot={shot}", page.as_uri()],
        capture_output=True,
        timeout=90,
        check=True,
    )
    image = Image.open(shot).convert("L")
    assert image.size == (1000, 1400)
    assert len(image.resize((100, 140)).getcolors(256) or []) > 20  # not a blank page
