"""The page-vs-scene pre-classifier (``extractors.imaging.scene``) on every generated photo
and page: its confusion against the truth (the file's role as the generator drew it) and
against text detection (``extractors.imaging.page.is_scene``, what decided before), and
its cost per image next to detection's.

Usage::

    .venv/bin/python bench/scene_probe.py [ROOT ...] [--no-detect]

Each ROOT is a folder walked for images (.jpg .png .webp .heic .tif) and for pictures
inside .docx files; the default is ``fixtures/corpus``. Add generated folders, e.g.
``python -m fixtures.varied --split checking --out /tmp/c --n 24`` (photo, scan and
handwritten media), ``fixtures/formats.py /tmp/f`` (format twins: HEIC, TIFF, pictures in
Word files, WeChat exports) and ``fixtures/real_signin.py /tmp/s`` (real signatures).

The truth is the generator's file name: on-site photos are ``IMG_…``, ``mmexport…``
and ``…现场…``; every other image is a page (minutes, sign-in sheet, scan). A page
called "surely scene" is the error that matters (its evidence would be lost): the
bench exits 1 if there is one.
"""

from __future__ import annotations

import argparse
import sys
import time
import zipfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from core.settings import Limits  # noqa: E402
from extractors.imaging.decode import load_image  # noqa: E402
from extractors.imaging.scene import PROBE_SIDE, stroke_density, surely_scene  # noqa: E402

IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".webp", ".heic", ".tif", ".tiff")
SCENE_MARKS = ("IMG_", "mmexport", "现场")


def truth(name: str) -> str:
    return "scene" if any(mark in name for mark in SCENE_MARKS) else "page"


def images(roots: list[Path]) -> Iterator[tuple[str, bytes, str]]:
    """(name, bytes, truth) of every image file and every picture inside a .docx."""
    for root in roots:
        for path in sorted(root.rglob("*")):
            suffix = path.suffix.lower()
            if suffix in IMAGE_SUFFIXES:
                yield str(path), path.read_bytes(), truth(path.name)
            elif suffix == ".docx":
                try:
                    with zipfile.ZipFile(path) as zf:
                        pictures = [(m, zf.read(m)) for m in zf.namelist() if m.startswith("word/media/")]
                except zipfile.BadZipFile:
                    continue  # a fixture broken on purpose
                for member, data in pictures:
                    yield f"{path}!{member}", data, "docx picture"


def detection(engine: object, data: bytes, limits: Limits) -> tuple[bool, float]:
    from extractors.imaging.page import SCENE_PROBE_SIDE, is_scene

    start = time.perf_counter()
    scene = is_scene(load_image(data, limits, max_side=SCENE_PROBE_SIDE), engine, 30.0)  # type: ignore[arg-type]
    return scene, time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("roots", nargs="*", type=Path, default=[ROOT / "fixtures" / "corpus"])
    parser.add_argument("--no-detect", action="store_true", help="skip the comparison with text detection")
    args = parser.parse_args(argv)
    limits = Limits()
    engine = None
    if not args.no_detect:
        from extractors.ocr import get_engine

        engine = get_engine("rapidocr")
    confusion: Counter[tuple[str, str]] = Counter()
    versus: Counter[tuple[str, str]] = Counter()
    densities: dict[str, list[float]] = {}
    probe_s: list[float] = []
    detect_s: list[float] = []
    lost: list[str] = []
    for name, data, true in images(args.roots):
        start = time.perf_counter()
        try:
            preview = load_image(data, limits, max_side=PROBE_SIDE)
        except Exception as exc:  # a fixture that is unreadable on purpose
            print(f"unreadable: {name} ({type(exc).__name__})")
            continue
        density = stroke_density(preview)
        sure = surely_scene(preview)
        probe_s.append(time.perf_counter() - start)
        said = "surely scene" if sure else "not sure"
        confusion[(true, said)] += 1
        densities.setdefault(true, []).append(-1.0 if density is None else density)
        if sure and true == "page":
            lost.append(name)
        if engine is not None:
            scene, seconds = detection(engine, data, limits)
            detect_s.append(seconds)
            versus[("detection: scene" if scene else "detection: page", said)] += 1
            if sure and not scene:
                lost.append(f"{name} (detection saw text)")
    report(confusion, versus, densities, probe_s, detect_s, lost)
    return 1 if lost else 0


def report(
    confusion: Counter[tuple[str, str]],
    versus: Counter[tuple[str, str]],
    densities: dict[str, list[float]],
    probe_s: list[float],
    detect_s: list[float],
    lost: list[str],
) -> None:
    print(f"{'truth':<22}{'surely scene':>14}{'not sure':>10}")
    for true in ("scene", "page", "docx picture"):
        if any(t == true for t, _ in confusion):
            print(f"{true:<22}{confusion[(true, 'surely scene')]:>14}{confusion[(true, 'not sure')]:>10}")
    if versus:
        print(f"{'text detection said':<22}{'surely scene':>14}{'not sure':>10}")
        for det in ("detection: scene", "detection: page"):
            print(f"{det:<22}{versus[(det, 'surely scene')]:>14}{versus[(det, 'not sure')]:>10}")
    for true, values in sorted(densities.items()):
        judged = sorted(v for v in values if v >= 0)
        if judged:
            p95 = judged[min(len(judged) - 1, round(0.95 * (len(judged) - 1)))]
            print(
                f"densest-tile strokes, {true}: min {judged[0]:.4f} p95 {p95:.4f} max {judged[-1]:.4f}"
                f" ({len(values) - len(judged)} with no tile to judge)"
            )
    print(f"pre-classifier: {1000 * sum(probe_s) / max(1, len(probe_s)):.1f} ms per image (decode included)")
    if detect_s:
        print(f"text detection: {1000 * sum(detect_s) / len(detect_s):.1f} ms per image (decode included)")
    for name in lost:
        print(f"LOST (a page called a scene): {name}")


if __name__ == "__main__":
    sys.exit(main())
