"""Large web exports run in the background: no request waits for a 100,000-row file.

A thread in the web process writes the file under `instance/exports/<job>/`, beside a small
status file (rows done of rows in all, ready or failed) that the export's page polls. Why a thread
and not a service: an export is one streaming query writing one file, and the web process already
runs threads (the inbox), so nothing new has to be deployed or kept alive. Why a file for the
status: gunicorn runs several worker processes, and the page's next poll may reach another one;
they all share `instance/`. A job whose status has not moved for STALE_SECONDS (its process was
restarted) reads as failed, so a page never waits for ever. Finished files are kept a day.
"""

from __future__ import annotations

import json
import logging
import os
import re
import secrets
import shutil
import threading
from dataclasses import asdict, dataclass
from datetime import datetime, timedelta
from pathlib import Path

import exports

log = logging.getLogger(__name__)
RUNNING, READY, FAILED = "running", "ready", "failed"
STALE_SECONDS = 120  # progress is written every 500 rows, far more often than this
KEEP = timedelta(days=1)
_JOB_ID = re.compile(r"^[A-Za-z0-9_-]{16,64}$")


@dataclass
class Job:
    """What the page needs to show: whose it is, how far it got, and the file when ready."""

    id: str
    owner: str  # the staff account's email: nobody else may see or download it
    kind: str
    fmt: str
    filename: str
    total: int
    done: int = 0
    state: str = RUNNING
    problem: str | None = None
    updated_at: str = ""

    @property
    def percent(self) -> int:
        if self.state == READY:
            return 100
        return min(99, self.done * 100 // self.total) if self.total else 0


def _root(instance_dir: Path) -> Path:
    return instance_dir / "exports"


def _save(folder: Path, job: Job) -> None:
    """Write the status atomically (a poll never reads half a file)."""
    partial = folder / "status.json.partial"
    partial.write_text(json.dumps(asdict(job)), encoding="utf-8")
    os.replace(partial, folder / "status.json")


def load(instance_dir: Path, job_id: str, owner: str, now: datetime) -> Job | None:
    """The job if it exists and is the owner's; a silent one reads as failed."""
    if not _JOB_ID.match(job_id):
        return None
    try:
        raw = (_root(instance_dir) / job_id / "status.json").read_text(encoding="utf-8")
    except OSError:
        return None
    job = Job(**json.loads(raw))
    if job.owner != owner:
        return None
    quiet = now - datetime.fromisoformat(job.updated_at)
    if job.state == RUNNING and quiet > timedelta(seconds=STALE_SECONDS):
        job.state, job.problem = FAILED, "interrupted"
    return job


def file_of(instance_dir: Path, job: Job) -> Path:
    return _root(instance_dir) / job.id / f"export.{job.fmt}"


def _sweep(root: Path, now: datetime) -> None:
    """Remove jobs older than a day (their files hold members' data)."""
    for folder in root.glob("*/"):
        try:
            raw = json.loads((folder / "status.json").read_text(encoding="utf-8"))
            old = now - datetime.fromisoformat(raw["updated_at"]) > KEEP
        except (OSError, ValueError, KeyError):
            old = True
        if old:
            shutil.rmtree(folder, ignore_errors=True)


def start(bot, owner: str, name: str, fmt: str, filters: exports.Filters, total: int) -> Job:
    """Start writing export `name` in a background thread; return its job at 0 rows."""
    root = _root(bot.config.instance_dir)
    root.mkdir(parents=True, exist_ok=True)
    os.chmod(root, 0o700)  # members' data: this account only
    _sweep(root, bot.clock())
    job = Job(
        secrets.token_urlsafe(24), owner, name, fmt, exports.filename(name, fmt, filters), total,
        updated_at=bot.clock().isoformat(),
    )  # fmt: skip
    folder = root / job.id
    folder.mkdir()
    _save(folder, job)
    thread = threading.Thread(
        target=_run, args=(bot, job, folder, filters), name=f"export-{name}", daemon=True
    )
    thread.start()
    return job


def _run(bot, job: Job, folder: Path, filters: exports.Filters) -> None:
    partial = folder / f"export.{job.fmt}.partial"

    def progress(rows: int) -> None:
        job.done += rows
        job.updated_at = bot.clock().isoformat()
        _save(folder, job)

    try:
        with open(partial, "wb") as out:
            exports.write(
                job.kind, job.fmt, out, filters, db=bot.db, config=bot.config, progress=progress,
                now=bot.clock(),
            )  # fmt: skip
        os.replace(partial, folder / f"export.{job.fmt}")
        job.state = READY
    except Exception:  # noqa: BLE001 - the page must learn the job ended; the log has the cause
        log.exception("background export of %s failed", job.kind)
        job.state, job.problem = FAILED, "error"
        partial.unlink(missing_ok=True)
    job.updated_at = bot.clock().isoformat()
    _save(folder, job)
