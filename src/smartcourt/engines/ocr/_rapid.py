"""The default recogniser: RapidOCR (PP-OCR models in ONNX, shipped inside the rapidocr wheel) on onnxruntime."""

from __future__ import annotations

from typing import Any, Protocol

import numpy as np
from PIL import Image

from smartcourt.engines.ocr._punctuation import chinese_punctuation
from smartcourt.engines.ocr._types import OcrLine, OcrSettings, Point
from smartcourt.engines.ocr.errors import OcrEngineError


class Recognizer(Protocol):
    """Anything that turns one page image into lines of text with boxes (RapidOCR by default)."""

    def recognize(self, image: Image.Image) -> list[OcrLine]: ...


class RapidOcrRecognizer:
    """RapidOCR with the engine's settings; the model loads on first use (about 0.1 s), once per process."""

    def __init__(self, settings: OcrSettings | None = None) -> None:
        self.settings = settings or OcrSettings()
        self._ocr: Any = None

    def _model(self) -> Any:
        if self._ocr is None:
            from rapidocr import RapidOCR  # heavy import (onnxruntime, OpenCV): only when OCR is used

            self._ocr = RapidOCR(params=self.settings.rapidocr_params())
        return self._ocr

    def recognize(self, image: Image.Image) -> list[OcrLine]:
        """The lines of one RGB page image, top to bottom as the detector orders them, with Chinese punctuation."""
        try:
            result = self._model()(
                np.asarray(image.convert("RGB"))[:, :, ::-1]
            )  # RGB -> BGR, as OpenCV reads
        except Exception as exc:  # the model's own failures are many and untyped
            raise OcrEngineError("page", f"OCR 引擎识别失败：{type(exc).__name__}") from exc
        if result.boxes is None or result.txts is None or result.scores is None:
            return []
        lines = []
        for box, text, score in zip(result.boxes, result.txts, result.scores, strict=True):
            corners = tuple((float(x), float(y)) for x, y in box)
            lines.append(
                OcrLine(text=chinese_punctuation(str(text)), box=_four(corners), score=round(float(score), 4))
            )
        return lines


def _four(corners: tuple[Point, ...]) -> tuple[Point, Point, Point, Point]:
    if len(corners) != 4:  # pragma: no cover - the detector always returns quadrilaterals
        raise OcrEngineError("page", "OCR 引擎返回的文本框不是四边形")
    return (corners[0], corners[1], corners[2], corners[3])
