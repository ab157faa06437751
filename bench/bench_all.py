"""All the speed and memory figures in one run, on the same generated inputs.

Usage: .venv/bin/python bench/bench_all.py [--quick]

Prints:
1. seconds and peak RSS per submission type (each type in a fresh process: the first
   check pays the imports and the OCR model load, the second is the warm figure);
2. seconds per page for each OCR engine on the same photographed record-book page;
3. the typical submission (1 record-book photo, 1 sign-in photo, 3 scene photos) with
   each engine, as generated (1536x2048) and at phone resolution (12 MP), and the cost of
   checking it again (document cache);
4. how the time grows with pages and photos (1, 5, 20).
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

NOW = dt.datetime(2023, 1, 10, tzinfo=dt.UTC)
TYPES = {
    "typed docx (+signin docx, 3 photos)": "ok_prose_docx",
    "text PDF (+signin docx, 3 photos)": "ok_prose_pdf",
    "record-book photo (+2 photos)": "ok_photo_form",
    "handwritten photo (+2 photos)": "ok_handwritten",
    "scanned PDF (+2 photos)": "ok_scanned_pdf",
    "sign-in sheet photo (+docx minutes, 3 photos)": "ok_signin_photo",
}
ENGINES = ("rapidocr", "tesseract")


def generate(out: Path) -> None:
    from fixtures import generate as module

    module.generate(out)


def check_once(folder: Path, engine: str, cache_path: Path | None = None) -> float:
    from core.settings import OcrSettings, Settings
    from ingest.submission import load_submission
    from jishi.pipeline import check_submission
    from store.cache import DocumentCache

    settings = Settings(ocr=OcrSettings(engine=engine))  # type: ignore[arg-type]
    cache = DocumentCache(cache_path) if cache_path else None
    start = time.perf_counter()
    check_submission(load_submission([folder], settings=settings), settings, now=NOW, cache=cache)
    return time.perf_counter() - start


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child(folder: str, engine: str) -> None:
    """Run in a fresh process: cold and warm seconds, peak RSS, as one JSON line."""
    cold = check_once(Path(folder), engine)
    warm = check_once(Path(folder), engine)
    print(json.dumps({"cold": cold, "warm": warm, "rss": peak_rss_mb()}))


def in_fresh_process(folder: Path, engine: str) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, __file__, "--child", str(folder), engine], capture_output=True, text=True, check=True
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def per_type(corpus: Path) -> None:
    print("\n1. Per submission type (rapidocr; fresh process each)")
    print(f"{'type':<48}{'cold s':>8}{'warm s':>8}{'peak RSS MB':>13}")
    for label, case in TYPES.items():
        r = in_fresh_process(corpus / case, "rapidocr")
        print(f"{label:<48}{r['cold']:>8.2f}{r['warm']:>8.2f}{r['rss']:>13.0f}")


def page_image(corpus: Path) -> Image.Image:
    from core.settings import Limits
    from extractors.imaging.decode import load_image

    return load_image(_largest_jpeg(corpus / "ok_photo_form").read_bytes(), Limits())


def _largest_jpeg(folder: Path) -> Path:
    return max(folder.glob("*.jpg"), key=lambda p: p.stat().st_size)


def per_page(corpus: Path, rounds: int) -> None:
    from extractors.imaging.page import ocr_page
    from extractors.ocr import get_engine

    print("\n2. OCR seconds per page (the same photographed record-book page, warm engine)")
    image = page_image(corpus)
    for name in ENGINES:
        engine = get_engine(name)
        ocr_page(image, engine, file="p.jpg")
        start = time.perf_counter()
        for _ in range(rounds):
            ocr_page(image, engine, file="p.jpg")
        print(f"{engine.version:<28}{(time.perf_counter() - start) / rounds:>8.2f} s/page")


def typical(corpus: Path, work: Path) -> Path:
    """1 record-book photo, 1 sign-in photo, 3 scene photos, with the corpus' yaml files."""
    folder = work / "typical"
    folder.mkdir()
    shutil.copy(_largest_jpeg(corpus / "ok_photo_form"), folder / "记录簿.jpg")
    shutil.copy(next((corpus / "ok_signin_photo").glob("签到表*.jpg")), folder / "签到表.jpg")
    for i, photo in enumerate(sorted((corpus / "ok_prose_docx").glob("IMG_*.jpg"))[:3]):
        shutil.copy(photo, folder / f"现场{i}.jpg")
    for name in ("submission.yaml", "branch.yaml", "plan.yaml"):
        shutil.copy(corpus / "ok_photo_form" / name, folder / name)
    return folder


def at_phone_resolution(folder: Path, work: Path) -> Path:
    """The typical submission with every picture at 12 MP (4032x3024, JPEG q90, EXIF kept),
    the size a phone camera uploads."""
    out = work / "typical-12mp"
    out.mkdir(parents=True)
    for f in folder.iterdir():
        if f.suffix != ".jpg":
            shutil.copy(f, out / f.name)
            continue
        with Image.open(f) as img:
            size = (3024, 4032) if img.height > img.width else (4032, 3024)
            exif = img.info.get("exif", b"")
            img.convert("RGB").resize(size, Image.Resampling.BICUBIC).save(
                out / f.name, quality=90, exif=exif
            )
    return out


def typical_and_recheck(folder: Path, work: Path) -> None:
    print("\n3. Typical submission: 1 record-book photo, 1 sign-in photo, 3 scene photos")
    print(f"{'engine':<12}{'pictures':<10}{'cold s':>8}{'warm s':>8}{'peak RSS MB':>13}{'re-check s':>12}")
    for name in ENGINES:
        for label, pictures in (("fixture", folder), ("12 MP", at_phone_resolution(folder, work / name))):
            r = in_fresh_process(pictures, name)
            cache = work / f"cache-{name}-{label}.sqlite3"
            check_once(pictures, name, cache)
            recheck = check_once(pictures, name, cache)
            print(f"{name:<12}{label:<10}{r['cold']:>8.2f}{r['warm']:>8.2f}{r['rss']:>13.0f}{recheck:>12.3f}")


def variants(source: Path, n: int, out: Path, stem: str) -> None:
    """n distinct copies (re-encoded, so no cache or duplicate hit) of one JPEG."""
    image = Image.open(source).convert("RGB")
    for i in range(n):
        buf = io.BytesIO()
        image.rotate(0.2 * i, fillcolor="white").save(buf, format="JPEG", quality=80 - i % 10)
        (out / f"{stem}{i:02d}.jpg").write_bytes(buf.getvalue())


def growth(corpus: Path, work: Path, sizes: list[int]) -> None:
    print("\n4. Growth (rapidocr, warm engine): record-book pages / scene photos in one submission")
    check_once(corpus / "ok_photo_form", "rapidocr")  # load the engine
    print(f"{'n':>4}{'pages s':>10}{'photos s':>10}")
    for n in sizes:
        pages, photos = work / f"pages{n}", work / f"photos{n}"
        for folder in (pages, photos):
            folder.mkdir()
            for name in ("submission.yaml", "branch.yaml", "plan.yaml"):
                shutil.copy(corpus / "ok_photo_form" / name, folder / name)
        variants(_largest_jpeg(corpus / "ok_photo_form"), n, pages, "页")
        variants(sorted((corpus / "ok_prose_docx").glob("IMG_*.jpg"))[0], n, photos, "现场")
        print(f"{n:>4}{check_once(pages, 'rapidocr'):>10.2f}{check_once(photos, 'rapidocr'):>10.2f}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--child", nargs=2, metavar=("FOLDER", "ENGINE"), help=argparse.SUPPRESS)
    parser.add_argument("--quick", action="store_true", help="growth up to 5 only, fewer rounds")
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return
    print(f"machine: {_machine()}")
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        corpus = work / "corpus"
        generate(corpus)
        per_type(corpus)
        per_page(corpus, rounds=2 if args.quick else 5)
        typical_and_recheck(typical(corpus, work), work)
        growth(corpus, work, [1, 5] if args.quick else [1, 5, 20])


def _machine() -> str:
    import os
    import platform

    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 1024**3
    return f"{os.cpu_count()} cores, {mem:.0f} GiB, {platform.platform()}, Python {platform.python_version()}"


if __name__ == "__main__":
    main()
