"""The HTML report embeds the page crop behind each finding that did not pass."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

from PIL import Image

from core.settings import OcrSettings, Settings
from ingest.submission import load_submission
from jishi.pipeline import check_submission
from jishi.report import render
from jishi.report.crops import evidence_crops

NOW = dt.datetime(2023, 1, 10, tzinfo=dt.UTC)


def test_pdf_evidence_is_cropped_around_its_box(corpus: Path) -> None:
    settings = Settings(ocr=OcrSettings(engine="none"))
    submission = load_submission([corpus / "v_presider_not_authorized"], settings=settings)
    report = check_submission(submission, settings, now=NOW)
    crops = evidence_crops(report, submission.files, settings.limits)
    assert crops, "a failed finding with a PDF box should have a crop"
    for (file, page, bbox), png in crops.items():
        image = Image.open(io.BytesIO(png))
        assert file.endswith(".pdf") and page == 1 and bbox is not None
        assert image.format == "PNG" and 40 < image.width <= 640 and image.height > 10
    html = render(report, "html", crops=crops)
    assert html.count("data:image/png;base64,") >= len(crops)


def test_no_boxes_no_crops(corpus: Path) -> None:
    settings = Settings(ocr=OcrSettings(engine="none"))
    submission = load_submission([corpus / "v_counts_inconsistent"], settings=settings)  # a .docx: no boxes
    report = check_submission(submission, settings, now=NOW)
    assert evidence_crops(report, submission.files, settings.limits) == {}
