"""Charts drawn on the server as inline SVG: crisp on any screen, no script, no CDN."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup, escape

COLOURS = ("#1f6f5c", "#d98e04", "#6b4e9b", "#c0392b", "#2c7fb8", "#7f8c8d")
WIDTH = 460
LEFT, RIGHT = 8, 48
BAR, GAP, LABEL = 16, 4, 22
LABEL_WIDTH = 56  # room a month's name needs under its columns


@dataclass(frozen=True)
class Series:
    """One network's bars: a value (or None: no answers yet) per category."""

    name: str
    values: list[float | None]


def _legend(series: list[Series]) -> tuple[Markup, int]:
    """Return the legend as HTML (page-sized text, never shrunk with the SVG) and the top margin."""
    items = Markup("").join(
        Markup('<li><span class="swatch" style="background:{}"></span>{}</li>').format(
            COLOURS[index % len(COLOURS)], item.name
        )
        for index, item in enumerate(series)
    )
    return Markup('<ul class="legend">{}</ul>').format(items), 8


def grouped_bars(
    categories: list[str], series: list[Series], scale_max: float, title: str, empty: str = "–"
) -> Markup:
    """Horizontal grouped bars: per category its label, then one bar per series with its value."""
    legend, top = _legend(series)
    parts: list[str] = []
    inner = WIDTH - LEFT - RIGHT
    group = LABEL + len(series) * (BAR + GAP) + 10
    height = top + group * len(categories) + 18
    for tick in range(int(scale_max) + 1):
        x = LEFT + inner * tick / scale_max
        parts.append(
            f'<line x1="{x:.1f}" y1="{top}" x2="{x:.1f}" y2="{height - 16}" class="grid"/>'
        )
        parts.append(f'<text x="{x:.1f}" y="{height - 2}" class="tick">{tick}</text>')
    for row, category in enumerate(categories):
        y = top + row * group
        parts.append(f'<text x="{LEFT}" y="{y + 15}" class="category">{escape(category)}</text>')
        for index, item in enumerate(series):
            value = item.values[row] if row < len(item.values) else None
            bar_y = y + LABEL + index * (BAR + GAP)
            colour = COLOURS[index % len(COLOURS)]
            width = 0.0 if value is None else inner * max(0.0, min(value, scale_max)) / scale_max
            parts.append(
                f'<rect x="{LEFT}" y="{bar_y}" width="{width:.1f}" height="{BAR}" rx="3" '
                f'fill="{colour}"><title>{escape(item.name)}: '
                f"{empty if value is None else f'{value:.2f}'}</title></rect>"
            )
            label = empty if value is None else f"{value:.1f}"
            parts.append(
                f'<text x="{LEFT + width + 6:.1f}" y="{bar_y + BAR - 4}" class="value">{label}</text>'
            )
    body = "".join(parts)
    return legend + Markup(
        f'<svg class="chart" viewBox="0 0 {WIDTH} {height}" role="img" '
        f'aria-label="{escape(title)}" xmlns="http://www.w3.org/2000/svg">'
        f"<title>{escape(title)}</title>{body}</svg>"
    )


def monthly_columns(months: list[str], series: list[Series], title: str) -> Markup:
    """Grouped columns: one group per month (oldest left), one column per series."""
    legend, top = _legend(series)
    parts: list[str] = []
    height, bottom, left = top + 200, 24, 54  # room for a 5-digit tick at 14 px
    inner_w, inner_h = WIDTH - left - 8, height - top - bottom
    peak = max((v or 0 for s in series for v in s.values), default=0) or 1
    step = _nice_step(peak)
    scale_top = step * -(-peak // step)
    for tick in range(0, int(scale_top) + 1, int(step)):
        y = top + inner_h - inner_h * tick / scale_top
        parts.append(f'<line x1="{left}" y1="{y:.1f}" x2="{WIDTH - 8}" y2="{y:.1f}" class="grid"/>')
        parts.append(
            f'<text x="{left - 4}" y="{y + 4:.1f}" class="tick" text-anchor="end">{tick:,}</text>'
        )
    slot = inner_w / max(1, len(months))
    column = max(2.0, (slot - 6) / max(1, len(series)))
    every = max(1, -(-LABEL_WIDTH // int(slot)))
    for m_index, month in enumerate(months):
        x0 = left + m_index * slot + 3
        for s_index, item in enumerate(series):
            value = item.values[m_index] or 0
            h = inner_h * value / scale_top
            colour = COLOURS[s_index % len(COLOURS)]
            parts.append(
                f'<rect x="{x0 + s_index * column:.1f}" y="{top + inner_h - h:.1f}" '
                f'width="{column - 1:.1f}" height="{h:.1f}" fill="{colour}">'
                f"<title>{escape(item.name)} {escape(month)}: {value:,}</title></rect>"
            )
        if m_index % every == (len(months) - 1) % every:  # labels that fit, always the newest
            parts.append(
                f'<text x="{x0 + (slot - 6) / 2:.1f}" y="{height - 6}" class="tick">'
                f"{escape(month)}</text>"
            )
    return legend + Markup(
        f'<svg class="chart" viewBox="0 0 {WIDTH} {height}" role="img" '
        f'aria-label="{escape(title)}" xmlns="http://www.w3.org/2000/svg">'
        f"<title>{escape(title)}</title>{''.join(parts)}</svg>"
    )


def _nice_step(peak: float) -> int:
    """A round gridline step giving about four lines up to `peak`."""
    raw = max(1.0, peak / 4)
    magnitude = 10 ** (len(str(int(raw))) - 1)
    for factor in (1, 2, 5, 10):
        if raw <= factor * magnitude:
            return int(factor * magnitude)
    return int(10 * magnitude)
