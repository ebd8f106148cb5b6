"""Describe the machine a run measured: cores, memory, CPU, Python, databases, date, load."""

from __future__ import annotations

import os
import platform
import sqlite3
import subprocess
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _first(path: str, prefix: str) -> str | None:
    try:
        for line in Path(path).read_text().splitlines():
            if line.startswith(prefix):
                return line.split(":", 1)[1].strip()
    except OSError:
        return None
    return None


def _memory() -> str:
    total = _first("/proc/meminfo", "MemTotal")
    if total is None:
        return "unknown"
    return f"{int(total.split()[0]) / 1024 / 1024:.1f} GiB"


def _commit() -> str:
    try:
        head = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True,
            timeout=5, check=True,
        ).stdout.strip()  # fmt: skip
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no"], cwd=ROOT,
            capture_output=True, text=True, timeout=5,
        ).stdout.strip()  # fmt: skip
    except (OSError, subprocess.SubprocessError):
        return "unknown"
    return head + (" (with uncommitted changes)" if dirty else "")


def load_average() -> str:
    """Return the 1, 5 and 15 minute load averages (other work on the machine skews results)."""
    return ", ".join(f"{x:.2f}" for x in os.getloadavg())


def postgres_version(settings) -> str | None:
    """Return the PostgreSQL server's version if the run uses it and it answers."""
    if "postgresql" not in settings.databases:
        return None
    from sqlalchemy import create_engine, text
    from sqlalchemy.pool import NullPool

    from storage.db import normalize_url

    engine = create_engine(normalize_url(settings.pg_admin_url), poolclass=NullPool,
                           connect_args={"connect_timeout": 3})  # fmt: skip
    try:
        with engine.connect() as connection:
            return connection.execute(text("SHOW server_version")).scalar()
    except Exception:  # noqa: BLE001 - the suites say it was unreachable
        return "unreachable"
    finally:
        engine.dispose()


def describe(postgres: str | None = None) -> list[tuple[str, str]]:
    """Return (name, value) pairs for the header of the results."""
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    rows = [
        ("Date", datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")),
        ("Cores", f"{usable} usable of {os.cpu_count()}"),
        ("Memory", _memory()),
        ("CPU", _first("/proc/cpuinfo", "model name") or platform.processor() or "unknown"),
        ("OS", f"{platform.system()} {platform.release()}"),
        ("Python", platform.python_version()),
        ("SQLite", sqlite3.sqlite_version),
        ("PostgreSQL", postgres or "not used"),
        ("Load average at start (1, 5, 15 min)", load_average()),
        ("Commit", _commit()),
    ]
    return rows
