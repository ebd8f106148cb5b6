"""What a benchmark found, as a table for the terminal and a section of RESULTS.md."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path

BEGIN = "<!-- results:begin (written by `make bench`; edit outside these markers) -->"
END = "<!-- results:end -->"


@dataclass
class Check:
    """A target from the issue, what was measured against it, and whether it was met."""

    target: str
    measured: str
    met: bool | None  # None: not measured in this run


@dataclass
class Section:
    """One benchmark's results: a table, its targets, and notes on how to read them."""

    title: str
    columns: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)
    checks: list[Check] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    status: str = "ok"  # ok, stub, skipped, failed
    seconds: float = 0.0

    def add(self, *cells: object) -> None:
        self.rows.append([fmt(cell) for cell in cells])


def fmt(value: object) -> str:
    """Format a number the way the tables show it: three significant figures, no noise."""
    if isinstance(value, bool) or value is None:
        return "–" if value is None else str(value)
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, float):
        if math.isnan(value):
            return "–"
        if abs(value) >= 100:
            return f"{value:,.0f}"
        if abs(value) >= 10:
            return f"{value:.1f}"
        return f"{value:.2f}"
    return str(value)


def _verdict(met: bool | None) -> str:
    return {True: "met", False: "MISSED", None: "not measured"}[met]


def text_table(columns: list[str], rows: list[list[str]]) -> str:
    """Render rows as an aligned plain-text table."""
    widths = [max(len(str(c)) for c in column) for column in zip(columns, *rows, strict=False)]
    line = "  ".join("-" * w for w in widths)
    out = ["  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=False)), line]
    out += ["  ".join(c.ljust(w) for c, w in zip(row, widths, strict=False)) for row in rows]
    return "\n".join(out)


def markdown_table(columns: list[str], rows: list[list[str]]) -> str:
    """Render rows as a Markdown table."""
    out = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    out += ["| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |" for row in rows]
    return "\n".join(out)


def render_text(sections: list[Section], machine: list[tuple[str, str]]) -> str:
    """Render the whole run for the terminal."""
    out = ["Machine: " + "; ".join(f"{k} {v}" for k, v in machine)]
    for section in sections:
        out += ["", f"== {section.title} ({section.status}, {section.seconds:.0f} s)"]
        if section.rows:
            out.append(text_table(section.columns, section.rows))
        for check in section.checks:
            out.append(f"  target: {check.target}: {check.measured} -> {_verdict(check.met)}")
        out += [f"  note: {note}" for note in section.notes]
    return "\n".join(out)


def render_markdown(sections: list[Section], machine: list[tuple[str, str]]) -> str:
    """Render the whole run as the generated part of RESULTS.md."""
    out = ["## Machine", "", markdown_table(["", ""], [[k, v] for k, v in machine])]
    for section in sections:
        out += ["", f"## {section.title}", ""]
        if section.status != "ok":
            out += [f"**Status: {section.status}.**", ""]
        if section.rows:
            out += [markdown_table(section.columns, section.rows), ""]
        if section.checks:
            rows = [[c.target, c.measured, _verdict(c.met)] for c in section.checks]
            out += [markdown_table(["Target", "Measured", "Verdict"], rows), ""]
        out += [f"- {note}" for note in section.notes]
    return "\n".join(out).rstrip() + "\n"


def write_results(path: Path, generated: str, preamble: str) -> None:
    """Replace the generated part of RESULTS.md, keeping what people wrote around it."""
    old = path.read_text(encoding="utf-8") if path.exists() else ""
    if BEGIN in old and END in old:
        head, rest = old.split(BEGIN, 1)
        tail = rest.split(END, 1)[1]
    else:
        head, tail = preamble, ""
    path.write_text(f"{head}{BEGIN}\n\n{generated}\n{END}{tail}", encoding="utf-8")
