"""Image crops behind findings, for the HTML report an inspector reads.

An Evidence with a box points into a page whose coordinate space is recorded in
``Report.geometry`` (width, height, rotation). The page is redrawn (an image
decoded, or a PDF page rendered, the same way OCR saw it, with the pixel limits),
turned by the same rotation, scaled to that space and cropped around the box.
"""

from __future__ import annotations

import io
from collections.abc import Mapping

from PIL import Image

from core.errors import JishiError
from core.models import BBox, Evidence, EvidenceFile, FileKind, Report, Status
from core.settings import Limits
from extractors.formats.doc import WORD_KINDS, page_picture
from extractors.formats.pdf import render_upright
from extractors.imaging.decode import load_image
from extractors.imaging.orient import turn
from jishi.report.html import CropKey, crop_key

MAX_CROPS = 40
PAD = 12  # page units around the box
THUMB_WIDTH = 640
# zlib level of the PNG crops. ``optimize=True`` (level 9 plus a search over filters) was
# the largest cost a service check had beyond the CLI's: 1.67 s for the 36 crops of one
# photographed submission on the loaded 2-core machine, against 0.15 s at level 3 for
# 8% more bytes (1,140 vs 1,058 kB) and 0.11 s at level 1 for 17% more.
PNG_COMPRESS_LEVEL = 3


Geometry = dict[tuple[str, int], tuple[float | None, float | None, float]]


def evidence_crops(report: Report, files: list[EvidenceFile], limits: Limits) -> dict[CropKey, bytes]:
    """PNG crops for the boxed evidence of every finding that did not pass."""
    return draw_crops(crop_targets(report, files), files, report.geometry, limits)


def crop_targets(report: Report, files: list[EvidenceFile]) -> dict[CropKey, Evidence]:
    """Which evidence gets a crop: boxed, behind a finding that did not pass, on a page of a
    known file whose geometry is recorded; once per crop key, at most ``MAX_CROPS``."""
    paths = {f.path for f in files}
    targets: dict[CropKey, Evidence] = {}
    for evidence in _boxed(report):
        key = crop_key(evidence)
        if key in targets or len(targets) >= MAX_CROPS or evidence.file not in paths:
            continue
        if (evidence.file, evidence.page or 1) in report.geometry:
            targets[key] = evidence
    return targets


def draw_crops(
    targets: Mapping[CropKey, Evidence], files: list[EvidenceFile], geometry: Geometry, limits: Limits
) -> dict[CropKey, bytes]:
    """Draw the targets' crops, each page decoded once; a page that cannot be drawn gives none."""
    by_path = {f.path: f for f in files}
    pages: dict[tuple[str, int], tuple[Image.Image, float] | None] = {}
    crops: dict[CropKey, bytes] = {}
    for key, evidence in targets.items():
        page_key = (evidence.file, evidence.page or 1)
        if page_key not in pages:
            pages[page_key] = _page_image(by_path[evidence.file], page_key[1], geometry, limits)
        page = pages[page_key]
        if page is not None and evidence.bbox is not None:
            crops[key] = _crop(*page, evidence.bbox)
    return crops


def _boxed(report: Report) -> list[Evidence]:
    return [e for f in report.findings if f.status != Status.PASS for e in f.evidence if e.bbox is not None]


def _page_image(
    file: EvidenceFile, page: int, geometry: Geometry, limits: Limits
) -> tuple[Image.Image, float] | None:
    """The upright page image and its pixels per page unit."""
    found = geometry.get((file.path, page))
    if found is None:
        return None
    width, _height, rotation = found
    try:
        if file.kind.is_image:
            frame = page - 1 if file.kind is FileKind.TIFF else 0  # a multi-page scan: one frame per page
            image = turn(load_image(file.data, limits, frame=frame), rotation)
        elif file.kind in WORD_KINDS:  # a picture pasted into a Word file is a page of it
            image = turn(load_image(page_picture(file, page, limits), limits), rotation)
        else:
            image, _scale = render_upright(file.data, page, rotation, limits)
    except (JishiError, OSError, ValueError):  # a crop is a courtesy: no crop rather than no report
        return None
    return image, (image.width / width if width else 1.0)


def _crop(image: Image.Image, scale: float, bbox: BBox) -> bytes:
    x0, y0, x1, y1 = ((v - PAD) * scale if i < 2 else (v + PAD) * scale for i, v in enumerate(bbox))
    box = (max(0, int(x0)), max(0, int(y0)), min(image.width, int(x1)), min(image.height, int(y1)))
    piece = image.crop(box)
    if piece.width > THUMB_WIDTH:
        piece = piece.resize((THUMB_WIDTH, max(1, round(piece.height * THUMB_WIDTH / piece.width))))
    out = io.BytesIO()
    piece.save(out, format="PNG", compress_level=PNG_COMPRESS_LEVEL)
    return out.getvalue()
