"""The page-vs-scene pre-classifier: sure of scenes, never of a page, and it spares detection."""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageEnhance

from core.settings import Limits
from extractors.imaging.decode import load_image
from extractors.imaging.page import probe_scene
from extractors.imaging.scene import PROBE_SIDE, SCENE_MAX_STROKE_DENSITY, stroke_density, surely_scene
from extractors.ocr import OcrEngine, OcrLine, get_engine

LIMITS = Limits()
SCENE_PREFIXES = ("IMG_", "党课现场")


def _preview(path: Path) -> Image.Image:
    return load_image(path.read_bytes(), LIMITS, max_side=PROBE_SIDE)


def _pages(corpus: Path) -> list[Path]:
    return [
        p
        for p in sorted(corpus.glob("*/*.jpg"))
        if not p.name.startswith(SCENE_PREFIXES) and p.parent.name != "v_unreadable"
    ]


def _scenes(corpus: Path) -> list[Path]:
    return sorted(p for p in corpus.glob("*/IMG_*.jpg") if p.parent.name != "v_unreadable")


def test_no_page_of_the_corpus_is_called_a_scene(corpus: Path) -> None:
    pages = _pages(corpus)
    assert len(pages) >= 10
    for page in pages:
        density = stroke_density(_preview(page))
        assert density is not None and density >= 2 * SCENE_MAX_STROKE_DENSITY, page
        assert not surely_scene(_preview(page)), page


def test_on_site_photos_of_the_corpus_are_surely_scenes(corpus: Path) -> None:
    scenes = _scenes(corpus)
    assert len(scenes) >= 50
    sure = [p for p in scenes if surely_scene(_preview(p))]
    assert len(sure) == len(scenes), sorted(set(scenes) - set(sure))


def _page_image(corpus: Path) -> Image.Image:
    return _preview(corpus / "ok_photo_form" / "会议记录照片.jpg")


def test_a_small_page_in_a_scene_is_not_sure(corpus: Path) -> None:
    """A page filling only a corner of the frame is not diluted by the walls around it."""
    scene = _preview(_scenes(corpus)[0]).copy()
    page = _page_image(corpus)
    corner = page.resize((scene.width // 2, round(page.height * scene.width / 2 / page.width)))
    scene.paste(corner.crop((0, 0, corner.width, min(corner.height, scene.height))), (0, 0))
    assert not surely_scene(scene)


@pytest.mark.parametrize("factor", [0.35, 0.6])
def test_a_dim_page_is_not_sure(corpus: Path, factor: float) -> None:
    assert not surely_scene(ImageEnhance.Brightness(_page_image(corpus)).enhance(factor))


def test_a_colour_lit_page_is_not_sure(corpus: Path) -> None:
    """Under a strongly coloured light no paper is found: nothing to judge, so not sure."""
    rgb = np.asarray(_page_image(corpus)).astype(np.float32)
    tinted = np.clip(rgb * np.array([1.0, 0.75, 0.35]), 0, 255).astype(np.uint8)
    assert not surely_scene(Image.fromarray(tinted))


class CountingEngine:
    """The real engine, counting the detections asked of it."""

    def __init__(self, engine: OcrEngine) -> None:
        self.engine = engine
        self.name, self.version = engine.name, engine.version
        self.detections = 0

    def read(self, image: Image.Image) -> list[OcrLine]:
        return self.engine.read(image)

    def detect(self, image: Image.Image) -> list[object]:
        self.detections += 1
        return self.engine.detect(image)  # type: ignore[attr-defined]


@pytest.fixture(scope="module")
def counting() -> CountingEngine:
    return CountingEngine(get_engine("rapidocr"))


def test_scene_photos_skip_detection(corpus: Path, counting: CountingEngine) -> None:
    counting.detections = 0
    for photo in sorted((corpus / "ok_prose_docx").glob("IMG_*.jpg")):
        assert probe_scene(photo.read_bytes(), LIMITS, counting, 60) is not None  # type: ignore[arg-type]
    assert counting.detections == 0


def test_pages_still_go_to_detection(corpus: Path, counting: CountingEngine) -> None:
    counting.detections = 0
    data = (corpus / "ok_photo_form" / "会议记录照片.jpg").read_bytes()
    assert probe_scene(data, LIMITS, counting, 60) is None  # type: ignore[arg-type]
    assert counting.detections == 1


def test_a_scene_the_classifier_doubts_is_decided_by_detection(
    corpus: Path, counting: CountingEngine
) -> None:
    """A scene with a page-like patch (a slide, a notice) goes to detection, which sees few
    boxes: still a scene."""
    counting.detections = 0
    scene = load_image(_scenes(corpus)[0].read_bytes(), LIMITS)
    canvas = scene.copy()
    patch = Image.new("RGB", (scene.width // 3, scene.height // 3), (245, 245, 240))
    pixels = np.asarray(patch).copy()
    pixels[::6, :, :] = 20  # dense thin dark lines on paper: page-like to the pre-classifier
    canvas.paste(Image.fromarray(pixels), (0, 0))
    buf = io.BytesIO()
    canvas.save(buf, "PNG")
    assert not surely_scene(load_image(buf.getvalue(), LIMITS, max_side=PROBE_SIDE))
    probe_scene(buf.getvalue(), LIMITS, counting, 60)  # type: ignore[arg-type]
    assert counting.detections == 1
