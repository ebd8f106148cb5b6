"""Export: STUB until issue 6 (exports and the demo seeder) lands; it then replaces this module."""

from __future__ import annotations

from benchmarks.report import Check, Section
from benchmarks.runner import Run

ORDER = 30
TITLE = "Export: CSV of collected records (stub: lands with the export feature, issue 6)"
MEMORY_TARGET_MB = 150
TIME_RATIO_TARGET = 2.0


def run(run: Run) -> Section:
    """Say what this benchmark will measure; nothing to measure until the export exists.

    With issue 6 this module will: seed `run.settings.export_rows` records with the demo seeder,
    run the export in a child process (`benchmarks.child.run_measured`, which reports wall, CPU
    and peak memory), and as its baseline write the same rows with the csv module straight
    from one SQLAlchemy query, in the same run, on each of `run.settings.databases`.
    """
    rows = run.settings.export_rows
    return Section(
        TITLE,
        status="stub",
        checks=[
            Check(f"peak memory under {MEMORY_TARGET_MB} MB at {rows:,} rows", "–", None),
            Check(
                f"CSV time within {TIME_RATIO_TARGET:g}x the baseline (csv module + one query)",
                "–",
                None,
            ),  # fmt: skip
        ],
        notes=[
            "Not measured yet: the export feature and the demo seeder (issue 6) are not built. "
            "This section lands with them: replacing benchmarks/suites/export.py is the only "
            "change the runner needs.",
        ],
    )
