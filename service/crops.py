"""Evidence crops drawn when someone first looks, not while the worker checks.

A crop is derived data: the page it is cut from is an evidence file the worker stores
durably, and where to cut (page geometry and box) is known when the check ends. So the
worker only records a *spec* per crop (``crop_specs``: which stored file, page, box,
geometry) under an id that is the sha256 of that spec, and the report points at the id.
Drawing the crops (decoding the photo, turning, cropping, PNG encoding: about 0.3-0.5 s
of a flagged photographed check, the largest share of the worker's time beyond the
check itself) happens on the first request for one of them (``CropRenderer``): every
crop of that submission at once (each page decoded once), kept in a cache addressed by
the crop id, so later requests read a file. The cache is written atomically and without
fsync: a lost crop is drawn again from the durable evidence file.

The stored HTML report carries a marker per crop instead of the picture
(``crop_marker``); ``CropRenderer.html`` puts the pictures in when the report is asked for.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
import tempfile
import threading
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from core.models import Evidence, EvidenceFile, FileKind, Report
from core.settings import Limits
from jishi.report.crops import Geometry, crop_targets, draw_crops
from jishi.report.html import CropKey, crop_key
from store.files import FileStore

SPEC_VERSION = 1  # part of every crop id: a change in how crops are drawn gives new ids
MARKER_PREFIX = b"jishi-crop:"
LOCK_STRIPES = 64  # one submission's crops are drawn once at a time (a lock per id stripe)
MAX_DRAWING = 2  # submissions drawn at the same time in one web process (a decoded page is ~36 MB)
_HEX64 = re.compile(r"^[0-9a-f]{64}$")

CropSpec = dict[str, Any]


def crop_specs(report: Report, files: list[EvidenceFile]) -> dict[CropKey, tuple[str, CropSpec]]:
    """What ``evidence_crops`` would draw, without drawing: crop key -> (id, spec)."""
    by_path = {f.path: f for f in files}
    out: dict[CropKey, tuple[str, CropSpec]] = {}
    for key, evidence in crop_targets(report, files).items():
        file = by_path[evidence.file]
        spec: CropSpec = {
            "v": SPEC_VERSION,
            "file": file.path,
            "sha256": file.sha256,
            "kind": file.kind.value,
            "page": evidence.page,
            "bbox": list(evidence.bbox or ()),
            "geometry": list(report.geometry[(evidence.file, evidence.page or 1)]),
        }
        out[key] = (crop_id(spec), spec)
    return out


def crop_id(spec: CropSpec) -> str:
    canonical = json.dumps(spec, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def crop_marker(cid: str) -> bytes:
    """The stand-in ``render_html`` embeds for a crop (as base64 in the ``img`` src)."""
    return MARKER_PREFIX + cid.encode("ascii")


def _marker_src(cid: str) -> str:
    return "data:image/png;base64," + base64.b64encode(crop_marker(cid)).decode("ascii")


def is_spec(value: object) -> bool:
    """A ``Submission.crops`` value drawn on request (older rows hold the PNG's sha256)."""
    return isinstance(value, dict)


class CropRenderer:
    """Draws a submission's crops on first request and keeps them (one per web process)."""

    def __init__(self, files: FileStore, cache_dir: Path, limits: Limits) -> None:
        self.files = files
        self.cache_dir = Path(cache_dir)
        self.limits = limits
        self._locks = [threading.Lock() for _ in range(LOCK_STRIPES)]
        self._drawing = threading.BoundedSemaphore(MAX_DRAWING)

    def _path(self, cid: str) -> Path:
        if not _HEX64.match(cid):
            raise ValueError("not a crop id")
        return self.cache_dir / cid[:2] / f"{cid}.png"

    def cached(self, cid: str) -> bytes | None:
        try:
            return self._path(cid).read_bytes()
        except FileNotFoundError:
            return None

    def crop(self, submission_id: int, crops: Mapping[str, Any], cid: str) -> bytes | None:
        """One crop's PNG (``None``: not one of this submission's, or its page cannot be drawn)."""
        value = crops.get(cid)
        if value is None:
            legacy = {v for v in crops.values() if isinstance(v, str)}
            return self.files.read(cid) if cid in legacy and self.files.has(cid) else None
        if not is_spec(value):
            return None
        return self.crop_set(submission_id, crops).get(cid)

    def crop_set(self, submission_id: int, crops: Mapping[str, Any]) -> dict[str, bytes]:
        """Every drawable crop of the submission, drawing the missing ones (once at a time
        per submission in this process: a page's image requests come together)."""
        specs = {cid: spec for cid, spec in crops.items() if is_spec(spec)}
        found = {cid: png for cid in specs if (png := self.cached(cid)) is not None}
        if len(found) == len(specs):
            return found
        with self._locks[submission_id % LOCK_STRIPES]:
            found = {cid: png for cid in specs if (png := self.cached(cid)) is not None}
            missing = {cid: spec for cid, spec in specs.items() if cid not in found}
            if missing:
                with self._drawing:
                    drawn = self._draw(missing)
                for cid, png in drawn.items():
                    self._keep(cid, png)
                    found[cid] = png
        return found

    def _draw(self, specs: Mapping[str, CropSpec]) -> dict[str, bytes]:
        files: dict[str, EvidenceFile] = {}
        targets: dict[CropKey, Evidence] = {}
        geometry: Geometry = {}
        ids: dict[CropKey, str] = {}
        for cid, spec in specs.items():
            path = str(spec["file"])
            if path not in files and (file := self._evidence_file(spec)) is not None:
                files[path] = file
            if path not in files:
                continue  # the evidence file is gone: no crop rather than an error
            bbox = tuple(float(v) for v in spec["bbox"])
            ev = Evidence(file=path, page=spec["page"], bbox=bbox)  # type: ignore[arg-type]
            width, height, rotation = spec["geometry"]
            geometry[(path, spec["page"] or 1)] = (width, height, float(rotation))
            targets[crop_key(ev)] = ev
            ids[crop_key(ev)] = cid
        drawn = draw_crops(targets, list(files.values()), geometry, self.limits)
        return {ids[key]: png for key, png in drawn.items()}

    def _evidence_file(self, spec: CropSpec) -> EvidenceFile | None:
        sha = str(spec["sha256"])
        try:
            kind = FileKind(spec["kind"])
        except ValueError:
            return None
        if not self.files.has(sha):
            return None
        return EvidenceFile(path=str(spec["file"]), kind=kind, data=self.files.read(sha), sha256=sha)

    def _keep(self, cid: str, png: bytes) -> None:
        """Atomically, without fsync: the cache can always be drawn again."""
        target = self._path(cid)
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".incoming-")
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(png)
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    def html(self, submission_id: int, crops: Mapping[str, Any], stored: bytes) -> bytes:
        """The stored HTML report with its crop markers replaced by the pictures (a crop
        that cannot be drawn loses its ``img``)."""
        text = stored.decode("utf-8")
        markers = {cid: _marker_src(cid) for cid, spec in crops.items() if is_spec(spec)}
        present = {cid: src for cid, src in markers.items() if src in text}
        if not present:
            return stored
        pngs = self.crop_set(submission_id, {cid: crops[cid] for cid in present})
        for cid, src in present.items():
            png = pngs.get(cid)
            if png is not None:
                text = text.replace(src, "data:image/png;base64," + base64.b64encode(png).decode("ascii"))
            else:
                text = re.sub(r'<img class="crop" alt="[^"]*" src="' + re.escape(src) + r'">', "", text)
        return text.encode("utf-8")
