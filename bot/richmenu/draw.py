"""Draw the rich menu image: a calm 3x2 grid, an icon and a large Thai label per button."""

from __future__ import annotations

import io
import logging
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont, features

from bot.richmenu.icons import Pen, draw_icon
from bot.richmenu.layout import HEIGHT, WIDTH, Button

log = logging.getLogger(__name__)
FONT_FAMILY = "Noto Sans Thai"  # installed from PyPI by fontpkg-noto-sans-thai (OFL-1.1)
MAX_PNG_BYTES = 1024 * 1024  # LINE refuses a bigger rich menu image
SCALE = 2  # draw twice as large, then shrink: smooth edges on Pillow's unsmoothed shapes

BACKGROUND = (251, 248, 242)
GRID = (226, 219, 205)
LABEL = (46, 58, 63)
# (tint of the round badge, ink of the icon), one calm pair per button, in menu order.
PALETTE = [
    ((220, 235, 221), (63, 125, 88)),  # sage
    ((246, 231, 200), (176, 124, 40)),  # sand
    ((221, 231, 242), (62, 106, 151)),  # dusty blue
    ((245, 222, 214), (176, 87, 63)),  # terracotta
    ((230, 224, 240), (106, 90, 154)),  # lavender
    ((215, 236, 234), (47, 127, 122)),  # teal
]
LABEL_SIZE = 118  # px at final size: about 18 pt on a phone, for elderly members and monks
LINE_SPACING = 1.3


class ThaiLayoutMissing(RuntimeError):
    """Pillow lacks raqm here: Thai tone marks and vowels would be dropped or misplaced."""


def font_path() -> Path:
    """Locate the Thai font installed from PyPI (fontpkg-noto-sans-thai)."""
    import fontpkg

    return Path(fontpkg.path(FONT_FAMILY))


def layout_engine() -> ImageFont.Layout:
    """Raqm (HarfBuzz shaping) when Pillow has it; basic layout drops Thai marks otherwise."""
    return ImageFont.Layout.RAQM if features.check("raqm") else ImageFont.Layout.BASIC


def shapes_thai() -> bool:
    """Whether Pillow can place Thai tone marks and vowels (it needs raqm for that)."""
    return layout_engine() is ImageFont.Layout.RAQM


def thai_font(size: int, weight: int = 700) -> ImageFont.FreeTypeFont:
    """Open the Thai font at `size` px and `weight` (a variable font: weight and width axes)."""
    font = ImageFont.truetype(str(font_path()), size, layout_engine=layout_engine())
    wanted = {b"Weight": weight, b"Width": 100}
    axes = font.get_variation_axes()
    font.set_variation_by_axes([wanted.get(axis["name"], axis["default"]) for axis in axes])
    return font


def label_lines(label: str, font: ImageFont.FreeTypeFont, width: float) -> list[str]:
    """Keep a label on one line if it fits, else break it at its spaces (Thai words have none)."""
    if font.getlength(label) <= width or " " not in label:
        return [label]
    words = label.split(" ")
    best = min(
        range(1, len(words)),
        key=lambda i: max(font.getlength(" ".join(words[:i])), font.getlength(" ".join(words[i:]))),
    )
    return [" ".join(words[:best]), " ".join(words[best:])]


def _draw_button(draw: ImageDraw.ImageDraw, button: Button, index: int, fonts) -> None:
    label_font, icon_font = fonts
    s = SCALE
    cell = button.cell
    cx = (cell.x + cell.width / 2) * s
    tint, ink = PALETTE[index % len(PALETTE)]
    badge_cy, radius = (cell.y + 275) * s, 175 * s
    draw.ellipse([cx - radius, badge_cy - radius, cx + radius, badge_cy + radius], fill=tint)
    draw_icon(Pen(draw, cx, badge_cy, 250 * s), button.command, ink, BACKGROUND, icon_font)
    room = (cell.width - 90) * s
    lines = label_lines(button.label, label_font, room)
    widest = max(label_font.getlength(line) for line in lines)
    if widest > room:  # a long label with no space to break at: smaller, never cut off
        label_font = thai_font(int(label_font.size * room / widest))
    step = LABEL_SIZE * LINE_SPACING * s
    # Baselines centred on a fixed line, so one-line labels in a row share their baseline.
    first = (cell.y + 680) * s - step * (len(lines) - 1) / 2
    for number, line in enumerate(lines):
        draw.text((cx, first + number * step), line, font=label_font, fill=LABEL, anchor="ms")


def draw_menu(buttons: list[Button]) -> Image.Image:
    """Draw the whole menu at 2500 x 1686 px."""
    if not shapes_thai():
        log.warning("Pillow has no raqm: Thai marks may be misplaced in the rich menu image")
    image = Image.new("RGB", (WIDTH * SCALE, HEIGHT * SCALE), BACKGROUND)
    draw = ImageDraw.Draw(image)
    fonts = (thai_font(LABEL_SIZE * SCALE), thai_font(150 * SCALE, weight=800))
    for index, button in enumerate(buttons):
        _draw_button(draw, button, index, fonts)
    half = 2 * SCALE  # a thin grid, edge to edge, so each button's area is plain to see
    for x in sorted({b.cell.x for b in buttons} - {0}):
        draw.rectangle([x * SCALE - half, 0, x * SCALE + half, HEIGHT * SCALE], fill=GRID)
    for y in sorted({b.cell.y for b in buttons} - {0}):
        draw.rectangle([0, y * SCALE - half, WIDTH * SCALE, y * SCALE + half], fill=GRID)
    return image.resize((WIDTH, HEIGHT), Image.Resampling.LANCZOS)


def to_png(image: Image.Image) -> bytes:
    """Encode as PNG under LINE's 1 MB limit (fewer colours if the full image is too big)."""
    for colours in (None, 256, 64):
        picture = image if colours is None else image.quantize(colours, dither=Image.Dither.NONE)
        buffer = io.BytesIO()
        picture.save(buffer, format="PNG", optimize=True)
        if buffer.tell() <= MAX_PNG_BYTES:
            return buffer.getvalue()
    raise ValueError("the rich menu image does not fit in 1 MB")
