"""One clock: no part of the bot reads the wall clock on its own; all ask the app's Clock."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The bot's own code. Not scanned: the emulator (it stands for LINE's servers, with their own
# clock), benchmarks (they measure real elapsed time) and the tests.
PACKAGES = ("bot", "handlers", "storage", "staff", "messages", "exports", "demo")
# Where "now" is allowed to come from: the Clock itself and the one real-time source it wraps.
ALLOWED = {Path("bot/timekeeping.py"), Path("storage/types.py")}
WALL_CLOCK_CALLS = {
    ("datetime", "now"), ("datetime", "utcnow"), ("datetime", "today"), ("date", "today"),
    ("time", "time"), ("time", "time_ns"), ("time", "localtime"), ("time", "gmtime"),
}  # fmt: skip


def _wall_clock_reads(tree: ast.AST) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        if isinstance(func, ast.Name) and func.id == "utcnow":
            found.append((node.lineno, "utcnow()"))
        elif isinstance(func, ast.Attribute):
            owner = func.value
            name = owner.id if isinstance(owner, ast.Name) else getattr(owner, "attr", "")
            if (name, func.attr) in WALL_CLOCK_CALLS or func.attr == "utcnow":
                found.append((node.lineno, f"{name}.{func.attr}()"))
    return found


def _sources():
    for package in PACKAGES:
        folder = ROOT / package
        if folder.is_dir():
            yield from sorted(folder.rglob("*.py"))


def test_no_code_reads_the_wall_clock_but_the_clock():
    offenders = []
    for path in _sources():
        relative = path.relative_to(ROOT)
        if relative in ALLOWED or "migrations" in relative.parts:
            continue
        for line, call in _wall_clock_reads(ast.parse(path.read_text(encoding="utf-8"))):
            offenders.append(f"{relative}:{line} {call}")
    assert offenders == [], "read time from the app's Clock instead:\n" + "\n".join(offenders)


def test_the_scan_finds_a_direct_read():
    """The scan itself can fail: each kind of direct read is caught."""
    code = "import time\nfrom datetime import datetime\nx = datetime.now(UTC)\ny = time.time()\nz = utcnow()\n"
    assert [line for line, _ in _wall_clock_reads(ast.parse(code))] == [3, 4, 5]
