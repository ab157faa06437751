"""RapidOCR (PP-OCR models on onnxruntime): the default engine.

Only the models bundled in the rapidocr wheel are used, and we pass their paths
explicitly: rapidocr downloads a model whenever ``model_path`` is unset and the
file is missing or fails its checksum, and a jishi run must never touch the
network. With explicit paths rapidocr's download code is not reached at all (the
recogniser's character list is embedded in the ONNX file, so no dictionary is
fetched either).

rapidocr keeps call options (``use_det=...``) on the engine object after a call, so
full-page reading and recognition-only use two separate instances, and both still
pass every flag on every call.

PP-OCR's 0/180° line classifier is not used. Measured on the fixture pages it is weak
(mean upside-down probability 0.2-0.5 on upright pages, 0.7-0.95 on upside-down ones),
it turns correct handwritten lines with 《》 upside down, and it costs ~0.06 s a page.
Page orientation is ``extractors.imaging.orient.orient``'s job, and an upright page's lines then
carry their honest confidence, which ``orient`` reuses instead of reading lines again.
"""

from __future__ import annotations

import importlib.metadata
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
from PIL import Image

from core.errors import OcrError
from extractors.ocr import ctc
from extractors.ocr.contract import BBox, OcrLine
from extractors.ocr.engine import register_engine

DET_MODEL = "PP-OCRv6_det_small.onnx"
REC_MODEL = "PP-OCRv6_rec_small.onnx"
TEXT_SCORE = 0.5  # rapidocr's default: lines below this recognition score are dropped
# Text detection runs on a copy whose long side is at most this; recognition still crops
# the lines from the full working image. rapidocr's default ("min" 736) detects at the full
# 1414x2000 working size: measured ~950 MB peak RSS vs ~600 MB and slower, with equal
# accuracy on 22-42 px text and better than 960 on 18 px text in phone photos.
DET_LIMIT_SIDE = 1280
# Recognition: every line is scaled to 48 px high and right-padded with zeros to the widest
# line of its batch, and to at least rapidocr's default 320 px. A record-book page is half
# short labels (主持人, 时间, a name), so most of that compute went on padding. One line per
# batch and a 64 px floor halve the recognition time of a page (1.0 -> 0.64 s record book,
# 1.0 -> 0.40 s sign-in sheet, 2 cores) with identical text on the benchmark pages.
REC_BATCH = 1
REC_MIN_WIDTH = 64

_INSTALL_HINT = (
    "请重新安装 rapidocr（pip install --force-reinstall rapidocr==3.10.0），其安装包自带模型文件。"
)


def bundled_model_dir() -> Path:
    import rapidocr

    return Path(rapidocr.__file__).resolve().parent / "models"


def _model_paths() -> dict[str, Path]:
    root = bundled_model_dir()
    paths = {"Det": root / DET_MODEL, "Rec": root / REC_MODEL}
    missing = [p.name for p in paths.values() if not p.is_file()]
    if missing:
        raise OcrError(f"RapidOCR 自带的模型文件缺失：{'、'.join(missing)}", hint=_INSTALL_HINT)
    return paths


def _params(paths: dict[str, Path], *, use_det: bool) -> dict[str, Any]:
    params: dict[str, Any] = {
        "Global.log_level": "error",  # "no text found" is a warning, one per photo
        "Global.text_score": TEXT_SCORE,
        "Global.use_det": use_det,
        "Global.use_cls": False,
        "Global.use_rec": True,
        "Rec.rec_batch_num": REC_BATCH,
        "Rec.rec_img_shape": [3, 48, REC_MIN_WIDTH],
    }
    if use_det:
        params["Det.limit_type"] = "max"
        params["Det.limit_side_len"] = DET_LIMIT_SIDE
    for task, path in paths.items():
        params[f"{task}.model_path"] = str(path)
    return params


def to_bgr(image: Image.Image) -> np.ndarray:
    """PIL image -> contiguous uint8 BGR array (what PP-OCR models expect)."""
    rgb = image if image.mode == "RGB" else image.convert("RGB")
    return np.ascontiguousarray(np.asarray(rgb)[:, :, ::-1])


def polygon_to_box(points: Any, width: int, height: int) -> BBox:
    arr = np.asarray(points, dtype=float).reshape(-1, 2)
    x0, y0 = arr.min(axis=0)
    x1, y1 = arr.max(axis=0)
    return (
        float(np.clip(x0, 0, width)),
        float(np.clip(y0, 0, height)),
        float(np.clip(x1, 0, width)),
        float(np.clip(y1, 0, height)),
    )


def polygon_slope(points: Any) -> float | None:
    """Degrees of a text quad's top edge (PP-OCR orders the corners clockwise from the top left)."""
    arr = np.asarray(points, dtype=float).reshape(-1, 2)
    if arr.shape[0] != 4:
        return None
    (x0, y0), (x1, y1) = arr[0], arr[1]
    return float(np.degrees(np.arctan2(y1 - y0, x1 - x0))) if x1 > x0 else None


@register_engine("rapidocr")
class RapidOcrEngine:
    name = "rapidocr"

    def __init__(self) -> None:
        try:
            from rapidocr import RapidOCR
        except ImportError as exc:
            raise OcrError("未安装 rapidocr / onnxruntime", hint=_INSTALL_HINT) from exc
        paths = _model_paths()
        self.version = f"rapidocr {_package_version()}"
        self._full = RapidOCR(params=_params(paths, use_det=True))
        self._rec = RapidOCR(params=_params({"Rec": paths["Rec"]}, use_det=False))
        det_params = _params({"Det": paths["Det"]}, use_det=True)
        det_params["Global.use_rec"] = False
        self._det = RapidOCR(params=det_params)
        self._load_models()

    def _load_models(self) -> None:
        """Load the ONNX sessions now (rapidocr defers it to the first call), so a broken
        install fails in ``get_engine`` and the first page's timeout excludes loading.
        The recognition-only and detection-only instances use the full reader's models
        (same files, same settings; a session may run calls from several threads):
        each model is loaded once (measured: 36 MB less resident memory)."""
        self._rec.text_rec = self._full._load_rec_model()
        self._det.text_det = self._full._load_det_model()

    def read(self, image: Image.Image) -> list[OcrLine]:
        _check_size(image)
        result = self._call(self._full, image, use_det=True)
        if result.boxes is None or result.txts is None or result.scores is None:
            return []
        w, h = image.size
        return [
            OcrLine(
                text=str(txt),
                box=polygon_to_box(box, w, h),
                confidence=_unit(score),
                slope=polygon_slope(box),
            )
            for box, txt, score in zip(result.boxes, result.txts, result.scores, strict=True)
            if str(txt).strip()
        ]

    def detect(self, image: Image.Image) -> list[BBox]:
        """Text-line boxes only (no angle classification, no recognition)."""
        _check_size(image)
        try:
            result = self._det(
                to_bgr(image), use_det=True, use_cls=False, use_rec=False, return_word_box=False
            )
        except Exception as exc:  # rapidocr/onnxruntime/cv2 raise assorted exceptions
            raise OcrError(
                f"RapidOCR 检测失败：{type(exc).__name__}: {exc}", hint="请检查图片是否清晰完整。"
            ) from exc
        boxes = getattr(result, "boxes", None)
        if boxes is None:
            return []
        w, h = image.size
        return [polygon_to_box(box, w, h) for box in boxes]

    def read_line(self, image: Image.Image) -> OcrLine:
        _check_size(image)
        result = self._call(self._rec, image, use_det=False)
        w, h = image.size
        txts: tuple[Any, ...] = tuple(getattr(result, "txts", None) or ())
        scores: tuple[Any, ...] = tuple(getattr(result, "scores", None) or ())
        if not txts:
            return OcrLine(text="", box=(0.0, 0.0, float(w), float(h)), confidence=0.0)
        return OcrLine(text=str(txts[0]), box=(0.0, 0.0, float(w), float(h)), confidence=_unit(scores[0]))

    def fit_texts(self, image: Image.Image, texts: Sequence[str]) -> list[float]:
        """How well each text explains the cropped line (``ctc.fits``), from one pass of
        the recognition model, prepared exactly as ``read_line`` prepares it."""
        _check_size(image)
        recognizer: Any = self._rec.text_rec  # loaded in ``_load_models``
        characters = recognizer.postprocess_op.character
        arr = to_bgr(image)
        _, height, width = recognizer.rec_image_shape
        ratio = max(width / height, arr.shape[1] / arr.shape[0])
        try:
            batch = recognizer.resize_norm_img(arr, ratio)[np.newaxis].astype(np.float32)
            probs = np.asarray(recognizer.session(batch))[0]
        except Exception as exc:  # onnxruntime/cv2 raise assorted exceptions
            raise OcrError(
                f"RapidOCR 识别失败：{type(exc).__name__}: {exc}", hint="请检查图片是否清晰完整。"
            ) from exc
        return ctc.fits(probs, recognizer.postprocess_op.dict, characters, texts)

    def _call(self, engine: Any, image: Image.Image, *, use_det: bool) -> Any:
        arr = to_bgr(image)
        try:
            # Same flags on every call of a given instance, so concurrent calls (a timed-out
            # page still running in the background) cannot change each other's options.
            return engine(arr, use_det=use_det, use_cls=False, use_rec=True, return_word_box=False)
        except Exception as exc:  # rapidocr/onnxruntime/cv2 raise assorted exceptions
            raise OcrError(
                f"RapidOCR 识别失败：{type(exc).__name__}: {exc}", hint="请检查图片是否清晰完整。"
            ) from exc


def _package_version() -> str:
    try:
        return importlib.metadata.version("rapidocr")
    except importlib.metadata.PackageNotFoundError:
        return "unknown"


def _check_size(image: Image.Image) -> None:
    if image.width < 2 or image.height < 2:
        raise OcrError(f"图片尺寸过小（{image.width}×{image.height}），无法识别", hint="请上传清晰的原图。")


def _unit(score: Any) -> float:
    return float(min(1.0, max(0.0, float(score))))
