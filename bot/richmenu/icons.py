"""Simple icons for the menu buttons, drawn with Pillow's primitives (no image files)."""

from __future__ import annotations

import math
from collections.abc import Callable

from PIL import ImageDraw, ImageFont

Color = tuple[int, int, int]


class Pen:
    """Draw in a 100-unit box centred on a point, so each icon is designed once at any size."""

    def __init__(self, draw: ImageDraw.ImageDraw, cx: float, cy: float, size: float) -> None:
        self.draw, self.cx, self.cy, self.unit = draw, cx, cy, size / 100

    def xy(self, x: float, y: float) -> tuple[float, float]:
        return self.cx + x * self.unit, self.cy + y * self.unit

    def box(self, x0: float, y0: float, x1: float, y1: float) -> list[float]:
        return [*self.xy(x0, y0), *self.xy(x1, y1)]

    def w(self, width: float) -> int:
        return max(1, round(width * self.unit))

    def line(self, points: list[tuple[float, float]], color: Color, width: float) -> None:
        self.draw.line(
            [self.xy(*p) for p in points], fill=color, width=self.w(width), joint="curve"
        )
        for end in (points[0], points[-1]):  # round caps: Pillow's lines end square
            self.dot(*end, width / 2, color)

    def dot(self, x: float, y: float, r: float, color: Color) -> None:
        self.draw.ellipse(self.box(x - r, y - r, x + r, y + r), fill=color)

    def rounded(self, box: tuple[float, float, float, float], r: float, **kw) -> None:
        if "width" in kw:
            kw["width"] = self.w(kw["width"])
        self.draw.rounded_rectangle(self.box(*box), radius=self.w(r), **kw)


def clipboard(pen: Pen, ink: Color, paper: Color) -> None:
    """Log an activity: a clipboard with a tick."""
    pen.rounded((-28, -34, 28, 42), 8, fill=paper, outline=ink, width=6)
    pen.rounded((-14, -44, 14, -26), 5, fill=ink)
    pen.line([(-15, 6), (-4, 17), (16, -6)], ink, 8)


def light_bulb(pen: Pen, ink: Color, paper: Color) -> None:
    """Reflect on a lesson: a lit bulb."""
    for angle in (-150, -115, -65, -30):
        rad = math.radians(angle)
        near, far = 33, 44
        start = (near * math.cos(rad), -8 + near * math.sin(rad))
        end = (far * math.cos(rad), -8 + far * math.sin(rad))
        pen.line([start, end], ink, 5)
    pen.dot(0, -8, 24, ink)
    pen.rounded((-12, 10, 12, 30), 3, fill=ink)
    pen.line([(-8, 36), (8, 36)], ink, 6)
    pen.draw.arc(pen.box(-15, -23, 15, 7), 190, 250, fill=paper, width=pen.w(4))


def five_bars(pen: Pen, ink: Color, paper: Color) -> None:
    """Rate the network on the five criteria: five rising bars."""
    for i in range(5):
        x = -34 + i * 14.5
        pen.rounded((x, 30 - (16 + 12 * i), x + 10, 30), 2.5, fill=ink)
    pen.line([(-40, 38), (40, 38)], ink, 5)


def calendar(pen: Pen, ink: Color, paper: Color) -> None:
    """Schedule a meeting: a calendar page with one day marked."""
    pen.rounded((-34, -28, 34, 38), 8, fill=paper, outline=ink, width=6)
    pen.rounded((-34, -28, 34, -10), 8, fill=ink)
    pen.draw.rectangle(pen.box(-34, -18, 34, -10), fill=ink)
    for x in (-17, 17):
        pen.line([(x, -38), (x, -22)], ink, 7)
    for row, y in enumerate((6, 24)):
        for col, x in enumerate((-18, 0, 18)):
            if (row, col) == (1, 1):
                pen.dot(x, y, 8, ink)
            else:
                pen.dot(x, y, 4, ink)


def pie_chart(pen: Pen, ink: Color, paper: Color) -> None:
    """See my summary: a pie chart with one slice drawn out."""
    pen.draw.pieslice(pen.box(-36, -34, 36, 38), -20, 270, fill=ink)
    dx, dy = 8 * math.cos(math.radians(305)), 8 * math.sin(math.radians(305))
    pen.draw.pieslice(pen.box(-36 + dx, -34 + dy, 36 + dx, 38 + dy), 270, 340, fill=ink)


def question(pen: Pen, ink: Color, paper: Color, font: ImageFont.FreeTypeFont) -> None:
    """Ask for help: a question mark in a ring."""
    pen.draw.ellipse(pen.box(-38, -38, 38, 38), outline=ink, width=pen.w(7))
    pen.draw.text(pen.xy(0, 2), "?", font=font, fill=ink, anchor="mm")


ICONS: dict[str, Callable[..., None]] = {
    "log_activity": clipboard,
    "reflect": light_bulb,
    "assess": five_bars,
    "meeting": calendar,
    "my_summary": pie_chart,
}


def draw_icon(pen: Pen, command: str, ink: Color, paper: Color, font: ImageFont.FreeTypeFont):
    """Draw the icon of `command` (help, and anything new, gets the question mark)."""
    icon = ICONS.get(command)
    if icon is None:
        question(pen, ink, paper, font)
    else:
        icon(pen, ink, paper)
