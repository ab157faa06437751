"""Face pictures for the HTML report's ``leader.in_photos`` finding, made at report time.

For each face the finding points at: the face cut from the on-site photo (with a
margin), the whole photo shrunk with the face's box drawn on it, and, beside the first
face of the finding, the leader's reference thumbnails from the local face store, so
the inspector compares them by eye: the matched face for a pass, the faces found for an
unknown or a "not found". Everything is drawn here from the submitted photos and the
local store; nothing is sent anywhere.
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence

from PIL import Image, ImageDraw

from core.errors import JishiError
from core.models import BBox, EvidenceFile, Finding, Report
from core.settings import Limits
from extractors.imaging.decode import load_image, to_rgb
from jishi.report.html import CropKey, FaceView, crop_key

FACE_CODE = "leader.in_photos"
MAX_FACE_VIEWS = 24  # faces drawn per report (the rule quotes at most 6 per leader)
FACE_MARGIN = 0.35  # of the box's side, around a face crop
FACE_SIDE = 160  # px: a face crop is shown this wide
PHOTO_WIDTH = 480  # px: the whole photo with the box
BOX_COLOUR = (220, 30, 30)
JPEG_QUALITY = 80


def face_views(
    report: Report,
    files: list[EvidenceFile],
    limits: Limits,
    references: Mapping[str, Sequence[bytes]] | None = None,
) -> dict[CropKey, FaceView]:
    """The pictures for every boxed face of the report's ``leader.in_photos`` findings.

    ``references`` maps a leader's name to their reference thumbnails (JPEG); the leader of
    a finding is the longest enrolled name its message names.
    """
    by_path = {f.path: f for f in files}
    photos: dict[str, Image.Image | None] = {}
    views: dict[CropKey, FaceView] = {}
    for finding in report.findings:
        if finding.code != FACE_CODE:
            continue
        thumbs = tuple(references.get(_leader(finding, references), ())) if references else ()
        for evidence in finding.evidence:
            key = crop_key(evidence)
            if evidence.bbox is None or evidence.file not in by_path or key in views:
                continue
            if len(views) >= MAX_FACE_VIEWS:
                return views
            if evidence.file not in photos:
                photos[evidence.file] = _photo(by_path[evidence.file], limits)
            photo = photos[evidence.file]
            if photo is None:
                continue
            views[key] = FaceView(_face(photo, evidence.bbox), _overview(photo, evidence.bbox), thumbs)
            thumbs = ()  # the references once per finding, beside its first face
    return views


def _leader(finding: Finding, references: Mapping[str, Sequence[bytes]]) -> str:
    named = [name for name in references if name and name in finding.message]
    return max(named, key=len, default="")


def _photo(file: EvidenceFile, limits: Limits) -> Image.Image | None:
    """The upright photo (EXIF orientation applied), as the face check saw it."""
    try:
        return to_rgb(load_image(file.data, limits))
    except (JishiError, OSError, ValueError):  # a picture is a courtesy: none rather than no report
        return None


def _face(photo: Image.Image, bbox: BBox) -> bytes:
    x0, y0, x1, y1 = bbox
    pad = FACE_MARGIN * max(x1 - x0, y1 - y0)
    box = (
        max(0, int(x0 - pad)),
        max(0, int(y0 - pad)),
        min(photo.width, int(x1 + pad) + 1),
        min(photo.height, int(y1 + pad) + 1),
    )
    piece = photo.crop(box)
    height = max(1, round(piece.height * FACE_SIDE / max(1, piece.width)))
    piece = piece.resize((FACE_SIDE, height), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    piece.save(out, format="PNG", optimize=True)
    return out.getvalue()


def _overview(photo: Image.Image, bbox: BBox) -> bytes:
    k = min(1.0, PHOTO_WIDTH / photo.width)
    small = photo.resize(
        (max(1, round(photo.width * k)), max(1, round(photo.height * k))), Image.Resampling.BILINEAR
    )
    x0, y0, x1, y1 = (v * k for v in bbox)
    grow = 3  # a small face still shows as a visible box
    ImageDraw.Draw(small).rectangle((x0 - grow, y0 - grow, x1 + grow, y1 + grow), outline=BOX_COLOUR, width=3)
    out = io.BytesIO()
    small.save(out, format="JPEG", quality=JPEG_QUALITY)
    return out.getvalue()
