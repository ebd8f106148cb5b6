"""Export: the demo seeder's reflections to CSV and XLSX, against the csv module and one query."""

from __future__ import annotations

import csv
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from sqlalchemy import select

from benchmarks import databases
from benchmarks.child import Probe, run_measured
from benchmarks.report import Check, Section
from benchmarks.runner import Run
from storage.db import Database

ORDER = 30
TITLE = "Export: reflections to CSV and XLSX"
COLUMNS = ["Database", "Export", "Rows", "Wall s", "CPU s", "Rows/s", "Peak RSS MB", "Rise MB",
           "File MB", "vs baseline"]  # fmt: skip
MEMORY_TARGET_MB = 150
TIME_RATIO_TARGET = 2.0
BATCH = 1000


def seed(url: str, rows: int) -> dict:
    """Seed demo members, activities and `rows` reflections (untimed set-up)."""
    import demo
    from storage.types import utcnow

    members = max(10, rows // 100)
    plan = demo.SeedPlan(members, members * 2, rows, 0, 0, utcnow())
    db = Database(url)
    try:
        return demo.seed(db, plan)
    finally:
        db.dispose()


def export_csv(probe: Probe, db_url: str, path: str) -> dict:
    """Child side: the staff CSV export; measured."""
    return export(probe, db_url, "csv", path)


def export_xlsx(probe: Probe, db_url: str, path: str) -> dict:
    """Child side: the staff XLSX export; measured."""
    return export(probe, db_url, "xlsx", path)


def export(probe: Probe, db_url: str, fmt: str, path: str) -> dict:
    """Child side: the staff export of every reflection to `path` as `fmt`; measured."""
    import exports
    from bot.config import Config

    db = Database(db_url)
    config = Config(channel_secret="bench", access_token="bench", database_url=db_url)
    with db.engine.connect():
        pass  # a running process has its pool open already
    with probe, open(path, "wb") as out:
        written = exports.write("reflections", fmt, out, exports.Filters(), db=db, config=config)
    db.dispose()
    return {**probe.result(), "rows": written, "bytes": Path(path).stat().st_size}


def baseline(probe: Probe, db_url: str, path: str) -> dict:
    """Child side: the same rows with one SQLAlchemy Core query, written by the csv module."""
    from storage.models import Member
    from storage.models.activities import Activity
    from storage.models.members import CONSENT_GIVEN
    from storage.models.reflections import Reflection

    r = Reflection.__table__.c
    stmt = (
        select(r.id, r.member_id, Member.__table__.c.line_user_id, Member.__table__.c.display_name,
               r.network, r.organisation, r.activity_id, Activity.__table__.c.title, r.set_out,
               r.happened, r.worked, r.obstacles, r.lesson, r.criteria, r.created_at,
               r.edited_at)
        .join(Member.__table__, Member.__table__.c.id == r.member_id)
        .outerjoin(Activity.__table__, Activity.__table__.c.id == r.activity_id)
        .where(Member.__table__.c.consent_status == CONSENT_GIVEN)
        .order_by(r.created_at, r.id)
    )  # fmt: skip
    db = Database(db_url)
    with db.engine.connect():
        pass
    written = 0
    with probe, open(path, "w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(stmt.selected_columns.keys())
        with db.engine.connect() as connection:
            result = connection.execution_options(stream_results=True, yield_per=BATCH).execute(
                stmt
            )
            for partition in result.partitions():
                writer.writerows(partition)
                written += len(partition)
    db.dispose()
    return {**probe.result(), "rows": written, "bytes": Path(path).stat().st_size}


def _measure(run: Run, url: str, kind: str, name: str) -> dict:
    path = run.workdir / f"export-{name}.out"
    began = time.monotonic()
    result = run_measured(f"{__name__}:{name}", {"db_url": url, "path": str(path)}, run.workdir,
                          timeout=min(300.0, run.remaining()))  # fmt: skip
    run.log(f"   {name} on {kind}: {result['wall']:.2f} s "
            f"({time.monotonic() - began:.1f} s with start-up)")  # fmt: skip
    path.unlink(missing_ok=True)
    return result


def _measure_all(run: Run, url: str, kind: str) -> dict[str, dict]:
    """Baseline, CSV and XLSX one after another (or at once in a smoke run, to save its time)."""
    names = ("baseline", "export_csv", "export_xlsx")
    together = run.settings.export_together
    run.check_time(20 if together else 20 * len(names), f"export on {kind}")
    if not together:
        return {name: _measure(run, url, kind, name) for name in names}
    with ThreadPoolExecutor(len(names)) as pool:
        futures = {name: pool.submit(_measure, run, url, kind, name) for name in names}
        return {name: future.result() for name, future in futures.items()}


def _one(run: Run, kind: str, section: Section) -> None:
    rows = run.settings.export_rows
    with databases.database(kind, run.workdir, run.settings.pg_admin_url) as url:
        began = time.monotonic()
        seed(url, rows)
        run.log(f"   seeded {rows:,} reflections on {kind} in {time.monotonic() - began:.1f} s")
        measured = _measure_all(run, url, kind)
    base = measured["baseline"]
    found = {"csv": measured["export_csv"], "xlsx": measured["export_xlsx"]}
    for name, result in [("baseline: Core query + csv module", base), *found.items()]:
        ratio = "–" if result is base else f"x{result['wall'] / base['wall']:.2f}"
        section.add(kind, name, result["rows"], result["wall"], result["cpu"],
                    result["rows"] / result["wall"], result["peak_mb"], result["rise_mb"],
                    result["bytes"] / 2**20, ratio)  # fmt: skip
    peak = max(found["csv"]["peak_mb"], found["xlsx"]["peak_mb"])
    ratio = found["csv"]["wall"] / base["wall"]
    section.checks += [
        Check(f"{kind}: every row exported", ", ".join(f"{f} {r['rows']:,}" for f, r in
              [("baseline", base), *found.items()]) + f" of {rows:,}",
              all(r["rows"] == rows for r in [base, *found.values()])),
        Check(f"{kind}: peak memory under {MEMORY_TARGET_MB} MB at {rows:,} rows (CSV and XLSX)",
              f"{peak:.0f} MB (CSV {found['csv']['peak_mb']:.0f}, XLSX "
              f"{found['xlsx']['peak_mb']:.0f})", peak < MEMORY_TARGET_MB),
        Check(f"{kind}: CSV time within {TIME_RATIO_TARGET:g}x the baseline",
              f"x{ratio:.2f} ({found['csv']['wall']:.2f} s vs {base['wall']:.2f} s)",
              ratio <= TIME_RATIO_TARGET),
    ]  # fmt: skip


def run(run: Run) -> Section:
    """Seed reflections on each database, then export them and the baseline, each in its own process."""
    section = Section(TITLE, COLUMNS)
    for kind in run.settings.databases:
        try:
            _one(run, kind, section)
        except databases.Unavailable as exc:
            section.notes.append(f"{kind} not measured: {exc}")
    section.notes += [
        "Each export runs in a fresh process, timed from opening the file to its last byte: "
        "`exports.write('reflections', ...)` with no filters, every demo member consented. The "
        "baseline writes the same rows (same joins, order and consent filter) straight from one "
        "SQLAlchemy Core query, streamed in batches of 1,000, with the csv module: no labels, "
        "no local times, no BOM, no formula guard.",
        "Peak RSS: the exporting process's high-water mark (VmHWM, imports included); rise: how "
        "far it went above the memory in use when the timed part began.",
    ]
    if run.settings.export_together:
        section.notes.append(
            "Smoke run: the three processes ran at once, so times are not comparable."
        )
    return section
