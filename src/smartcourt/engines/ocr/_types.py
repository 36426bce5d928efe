"""Value types of the OCR engine: settings, recognised lines with coordinates, pages."""

from __future__ import annotations

from dataclasses import dataclass, field

Point = tuple[float, float]


@dataclass(frozen=True)
class OcrSettings:
    """How pages are rendered and recognised; one value shared by the platform and ``smartcourt ocr``.

    ``dpi`` renders PDF pages (150 dpi keeps 五号 characters about 30 px high, enough for the recogniser);
    ``use_angle_classifier`` turns upside-down lines (costly; scans fed upright do not need it);
    ``det_limit_side_len`` / ``det_limit_type`` size the detector's input (rapidocr's default, the shorter side
    at least 736 px, misses a lone title line on an otherwise blank A4 page at 150 dpi; the longer side scaled
    down to 960 px finds it and is faster); ``rec_batch_size`` is how many
    lines the recogniser takes at once; ``threads`` is onnxruntime's intra-op threads per process (0 = its
    default); ``max_pixels`` refuses larger page images before decoding; ``max_pages`` per file.
    """

    dpi: int = 150
    use_angle_classifier: bool = False
    det_limit_side_len: int = 960
    det_limit_type: str = "max"
    rec_batch_size: int = 6
    text_score: float = 0.5
    threads: int = 0
    max_pixels: int = 60_000_000
    max_pages: int = 2_000

    def rapidocr_params(self) -> dict[str, object]:
        """The settings as rapidocr ``params`` overrides.

        >>> OcrSettings(rec_batch_size=16).rapidocr_params()["Rec.rec_batch_num"]
        16
        """
        params: dict[str, object] = {
            "Global.log_level": "error",
            "Global.use_cls": self.use_angle_classifier,
            "Global.text_score": self.text_score,
            "Det.limit_side_len": self.det_limit_side_len,
            "Det.limit_type": self.det_limit_type,
            "Rec.rec_batch_num": self.rec_batch_size,
        }
        if self.threads:
            params["EngineConfig.onnxruntime.intra_op_num_threads"] = self.threads
            params["EngineConfig.onnxruntime.inter_op_num_threads"] = 1
        return params


@dataclass(frozen=True)
class OcrLine:
    """One recognised line: its text, the four corners of its box in page pixels, and the model's confidence."""

    text: str
    box: tuple[Point, Point, Point, Point]
    score: float


@dataclass(frozen=True)
class PageText:
    """The text layer of one page: lines in reading order with coordinates, and the page's pixel size."""

    file: str
    page: int
    width: int
    height: int
    lines: tuple[OcrLine, ...] = field(default=())

    @property
    def text(self) -> str:
        """The page's text, one recognised line per line."""
        return "\n".join(line.text for line in self.lines)


@dataclass(frozen=True)
class FileFailure:
    """A file of a batch that could not be read; the rest of the batch goes on."""

    file: str
    code: str
    message: str
