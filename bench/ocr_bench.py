"""OCR benchmark: seconds per page, character error rate and peak memory per engine.

Generates synthetic minutes pages (clean print, the same page as a phone photo, and a
brush-font page standing in for handwriting), runs each engine through the full image
path (``extractors.imaging.page.ocr_image_document``: decode, orient, OCR) in its own
subprocess so peak RSS is per engine, and prints a table.

    .venv/bin/python bench/ocr_bench.py [--engines rapidocr tesseract] [--repeat 2]
"""

from __future__ import annotations

import argparse
import io
import json
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from fixtures.signin_photos import perspective_coeffs

if TYPE_CHECKING:
    from extractors.ocr import OcrEngine

CJK_FONT = "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"
BRUSH_FONT = "/usr/share/fonts/truetype/arphic/ukai.ttc"
LATIN_FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
PAGE_WIDTH = 1650
FONT_SIZE = 42

MINUTES = [
    "第三党支部2024年5月主题党日活动记录",
    "时间：2024年5月20日下午3时",
    "地点：公司三楼党员活动室",
    "主持人：李光振    记录人：王芳",
    "会议由支部书记李光振同志主持。",
    "应到党员25名，实到23名，缺席2名。",
    "缺席人员：张伟（出差）、刘洋（病假）。",
    "一、全体党员重温入党誓词，由李光振领誓。",
    "二、集中学习习近平新时代中国特色社会主义思想。",
    "三、支部书记讲专题党课《坚定理想信念》。",
    "四、开展批评与自我批评，党员逐一发言。",
    "五、讨论确定入党积极分子培养人选。",
    "六、全体党员按时缴纳五月份党费。",
    "七、部署下阶段重点工作任务。",
    "参会党员签到表见附件。",
]


# -------------------------------------------------------------------------- pages


def render_page(lines: list[str], font_path: str) -> Image.Image:
    height = int(PAGE_WIDTH * 1.414)
    page = Image.new("RGB", (PAGE_WIDTH, height), "white")
    draw = ImageDraw.Draw(page)
    cjk, latin = ImageFont.truetype(font_path, FONT_SIZE), ImageFont.truetype(LATIN_FONT, FONT_SIZE)
    y = 150.0
    for line in lines:
        x = 130.0
        for char in line:
            font = latin if ord(char) < 0x2E80 and font_path == CJK_FONT else cjk
            draw.text((x, y), char, font=font, fill=(20, 20, 20))
            x += font.getlength(char)
        y += FONT_SIZE * 2.1
    return page


def phone_photo(page: Image.Image) -> bytes:
    """Rotated 3°, slight perspective, uneven light, blur, JPEG quality 60."""
    w = page.width
    tilted = page.rotate(3, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=(120, 110, 100))
    tw, th = tilted.size
    corners = [(0, 0), (tw, 0), (tw, th), (0, th)]
    squeezed = [(tw * 0.04, th * 0.02), (tw * 0.97, 0), (tw, th), (0, th * 0.98)]
    warped = tilted.transform(
        (tw, th),
        Image.Transform.PERSPECTIVE,
        perspective_coeffs(squeezed, corners),
        Image.Resampling.BICUBIC,
        fillcolor=(120, 110, 100),
    )
    light = np.linspace(1.0, 0.78, th)[:, None, None] * np.linspace(0.92, 1.0, tw)[None, :, None]
    shaded = Image.fromarray((np.asarray(warped, dtype=float) * light).clip(0, 255).astype(np.uint8))
    blurred = shaded.filter(ImageFilter.GaussianBlur(1.2))
    buf = io.BytesIO()
    blurred.resize((w, round(th * w / tw)), Image.Resampling.BILINEAR).save(buf, "JPEG", quality=60)
    return buf.getvalue()


def _png(image: Image.Image) -> bytes:
    buf = io.BytesIO()
    image.save(buf, "PNG")
    return buf.getvalue()


PAGES: dict[str, Callable[[], bytes]] = {
    "print": lambda: _png(render_page(MINUTES, CJK_FONT)),
    "photo": lambda: phone_photo(render_page(MINUTES, CJK_FONT)),
    "brush": lambda: _png(render_page(MINUTES, BRUSH_FONT)),
    "brush-photo": lambda: phone_photo(render_page(MINUTES, BRUSH_FONT)),
}


# ------------------------------------------------------------------------ scoring


def levenshtein(a: str, b: str) -> int:
    if len(a) < len(b):
        a, b = b, a
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def normalise(text: str) -> str:
    """Drop whitespace; map full-width ASCII variants to ASCII (OCR emits either)."""
    out = []
    for char in text:
        if char.isspace():
            continue
        code = ord(char)
        out.append(chr(code - 0xFEE0) if 0xFF01 <= code <= 0xFF5E and char not in "，：（）；。" else char)
    return "".join(out)


def cer(truth: str, hypothesis: str) -> float:
    ref, hyp = normalise(truth), normalise(hypothesis)
    return levenshtein(ref, hyp) / max(1, len(ref))


# ------------------------------------------------------------------------ running


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


def run_engine(name: str, repeat: int, page_dir: Path) -> dict[str, object]:
    from core.settings import Limits
    from extractors.imaging.page import ocr_image_document
    from extractors.ocr import get_engine

    pages = {key: (page_dir / key).read_bytes() for key in PAGES}
    rss_before = peak_rss_mb()
    started = time.perf_counter()
    engine = get_engine(name)
    load_s = time.perf_counter() - started
    truth = "".join(MINUTES)
    results: dict[str, object] = {"engine": engine.version, "load_s": load_s, "rss_before_mb": rss_before}
    for key, data in pages.items():
        times = []
        for _ in range(repeat):
            t0 = time.perf_counter()
            doc = ocr_image_document(f"{key}.img", data, engine, Limits())
            times.append(time.perf_counter() - t0)
        results[key] = {"s": min(times), "cer": cer(truth, doc.text), "text": doc.text}
    results["peak_rss_mb"] = peak_rss_mb()
    results["children_peak_rss_mb"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    results["orientation"] = orientation_check(engine, pages) if name == "rapidocr" else None
    return results


def orientation_check(engine: OcrEngine, pages: dict[str, bytes]) -> dict[str, float]:
    """Each page turned 0/90/180/270°: is the angle found, and what does the check cost?

    As in ``ocr_page``, the full read of the (turned) page is the probe; the cost shown
    is the orientation step on top of that read (the re-read after rotating excluded).
    """
    from core.settings import Limits
    from extractors.imaging.decode import load_image
    from extractors.imaging.orient import orient, rotate

    right, total, seconds_upright = 0, 0, []
    for data in pages.values():
        image = load_image(data, Limits())
        for turn in (0, 90, 180, 270):
            turned = rotate(image, turn)
            lines = engine.read(turned)
            t0 = time.perf_counter()
            _, angle = orient(turned, engine, lines=lines)
            if turn == 0:
                seconds_upright.append(time.perf_counter() - t0)
            right += (turn + angle) % 360 == 0
            total += 1
    return {"right": right, "total": total, "upright_overhead_s": sum(seconds_upright) / len(seconds_upright)}


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--engines", nargs="+", default=["rapidocr", "tesseract"])
    parser.add_argument("--repeat", type=int, default=2, help="runs per page; the fastest is reported")
    parser.add_argument("--show-text", action="store_true", help="print what each engine read")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--pages", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--generate", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.generate:
        for key, make in PAGES.items():
            (args.generate / key).write_bytes(make())
        return
    if args.child:
        print(json.dumps(run_engine(args.child, args.repeat, args.pages), ensure_ascii=False))
        return
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        # Pages are made in their own process: Linux carries ru_maxrss over fork and exec,
        # so making them here (~340 MB of float arrays) would inflate every engine's peak.
        subprocess.run([sys.executable, __file__, "--generate", tmp], check=True)
        for name in args.engines:
            cmd = [sys.executable, __file__, "--child", name, "--repeat", str(args.repeat), "--pages", tmp]
            out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
            rows.append(json.loads(out.strip().splitlines()[-1]))
    _print_table(rows)
    if args.show_text:
        for row in rows:
            for key in PAGES:
                print(f"--- {row['engine']} / {key}\n{row[key]['text']}")  # type: ignore[index]


def _print_table(rows: list[dict[str, object]]) -> None:
    print(
        f"pages: {', '.join(PAGES)}; {len(MINUTES)} lines, {len(''.join(MINUTES))} chars; width {PAGE_WIDTH}px"
    )
    header = (
        f"{'engine':<18}{'load s':>8}" + "".join(f"{k + ' s/CER':>20}" for k in PAGES) + f"{'peak RSS':>11}"
    )
    print(header)
    for row in rows:
        cells = "".join(
            f"{row[k]['s']:>10.2f}{row[k]['cer']:>9.1%} "
            for k in PAGES  # type: ignore[index]
        )
        print(f"{row['engine']!s:<18}{row['load_s']:>8.2f}{cells}{row['peak_rss_mb']:>8.0f} MB")
    print("(s = wall seconds per page incl. decode + orientation check; CER = edit distance / chars;")
    print(" peak RSS per engine subprocess; before loading the engine it was", end=" ")
    print(", ".join(f"{row['rss_before_mb']:.0f} MB" for row in rows) + ")")
    for row in rows:
        if row["children_peak_rss_mb"]:
            print(f"{row['engine']}: peak RSS of its OCR subprocesses {row['children_peak_rss_mb']:.0f} MB")
        orientation = row["orientation"]
        if isinstance(orientation, dict):
            print(
                f"{row['engine']} orientation: {orientation['right']}/{orientation['total']} pages turned"
                f" 0/90/180/270° set upright; check on an upright page costs"
                f" {orientation['upright_overhead_s']:.2f} s on top of the read"
            )


if __name__ == "__main__":
    main()
