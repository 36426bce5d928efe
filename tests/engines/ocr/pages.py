"""Judgment-like test pages rendered with Debian's Noto CJK fonts (fonts-noto-cjk): generated text only."""

from __future__ import annotations

import io
import random
import struct
import zlib
from pathlib import Path

from faker import Faker
from PIL import Image, ImageDraw, ImageFont

FONT_DIR = Path("/usr/share/fonts/opentype/noto")
SERIF = FONT_DIR / "NotoSerifCJK-Regular.ttc"
A4_150DPI = (1240, 1754)


def judgment_lines(seed: int, count: int = 24) -> list[str]:
    """Lines that read like a civil judgment, from Faker zh_CN (names, companies, places) and random figures."""
    fake = Faker("zh_CN")
    fake.seed_instance(seed)
    rng = random.Random(seed)
    year = rng.randint(2019, 2025)
    templates = [
        lambda: f"（{year}）浙0102民初{rng.randint(100, 9999)}号",
        lambda: (
            f"原告：{fake.name()}，{rng.choice('男女')}，{rng.randint(1960, 2000)}年{rng.randint(1, 12)}月{rng.randint(1, 28)}日出生，汉族。"
        ),
        lambda: f"被告：{fake.company()}，住所地{fake.city()}。",
        lambda: f"法定代表人：{fake.name()}，该公司总经理。",
        lambda: f"委托诉讼代理人：{fake.name()}，浙江某某律师事务所律师。",
        lambda: f"原告向本院提出诉讼请求：判令被告偿还借款{rng.randint(1, 900)}万元及利息。",
        lambda: (
            f"本院于{year}年{rng.randint(1, 12)}月{rng.randint(1, 28)}日立案后，依法适用简易程序公开开庭进行了审理。"
        ),
        lambda: f"经审理查明：{fake.name()}于{year - 1}年向被告出借款项{rng.randint(10, 990)}000元。",
        lambda: "本院认为，合法的借贷关系受法律保护，被告应当按照约定返还借款。",
        lambda: f"案件受理费{rng.randint(50, 9999)}元，减半收取计{rng.randint(25, 4999)}元，由被告负担。",
    ]
    return [rng.choice(templates)() for _ in range(count)]


def render_page(lines: list[str], *, size: tuple[int, int] = A4_150DPI, font_size: int = 26) -> Image.Image:
    """One white page with the lines in black, 小四-like size at 150 dpi, wrapped at the right margin."""
    font = ImageFont.truetype(str(SERIF), font_size)
    image = Image.new("RGB", size, "white")
    draw = ImageDraw.Draw(image)
    y = 120
    for line in lines:
        draw.text((110, y), line, font=font, fill="black")
        y += int(font_size * 1.9)
    return image


def png_bytes(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def pdf_bytes(images: list[Image.Image]) -> bytes:
    buffer = io.BytesIO()
    images[0].save(buffer, "PDF", resolution=150, save_all=True, append_images=images[1:])
    return buffer.getvalue()


def png_header_only(width: int, height: int) -> bytes:
    """A PNG whose header claims ``width`` × ``height`` pixels with almost no pixel data: a decompression bomb's shape."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body))
            + kind
            + body
            + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)
        )

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", ihdr)
        + chunk(b"IDAT", zlib.compress(b"\x00" * 64))
        + chunk(b"IEND", b"")
    )
