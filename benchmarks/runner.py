"""Run every benchmark suite within a time budget, stopping whatever they started, and report."""

from __future__ import annotations

import importlib
import pkgutil
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import ModuleType

from benchmarks import procs
from benchmarks.databases import DEFAULT_PG_ADMIN_URL
from benchmarks.report import Section


@dataclass(frozen=True)
class Settings:
    """Sizes and durations of one run; `SMOKE` makes every suite finish in a second or two."""

    load_seconds: float = 20.0  # each webhook load shape
    warmup_seconds: float = 2.0  # unmeasured load first, so lazy imports and caches are done
    clients: int = 16  # closed loop: requests in flight (2 workers x 4 threads, twice over)
    open_rate: float = 100.0  # open loop: events a second
    delayed_seconds: float = 2.5  # open loop while LINE answers every reply after `delay`
    delay: float = 1.0
    correctness_members: int = 4  # members who chat through the emulator in the delayed case
    ceiling_seconds: float = 3.0  # the load generator against a server that does nothing
    drain_timeout: float = 150.0
    broadcast_members: int = 10_000
    conversation_seconds: float = 5.0
    export_rows: int = 100_000
    export_together: bool = False  # smoke only: the export's processes at once (times not kept)
    databases: tuple[str, ...] = ("sqlite", "postgresql")
    pg_admin_url: str = DEFAULT_PG_ADMIN_URL
    budget_seconds: float = 540.0  # the whole run; a suite that would overrun is cut short


SMOKE = Settings(
    load_seconds=0.5, warmup_seconds=0.2, clients=4, open_rate=40.0, delayed_seconds=0.3, delay=0.3,
    correctness_members=1, ceiling_seconds=0.3, drain_timeout=20.0, broadcast_members=1_200,
    conversation_seconds=0.3, export_rows=1_000, export_together=True, databases=("sqlite",), budget_seconds=60.0,
)  # fmt: skip


@dataclass
class Run:
    """What a suite gets: the settings, a scratch folder for files and logs, and the clock."""

    settings: Settings
    workdir: Path
    started: float = field(default_factory=time.monotonic)
    log: Callable[[str], None] = print

    def remaining(self) -> float:
        """Seconds left of the run's budget."""
        return self.settings.budget_seconds - (time.monotonic() - self.started)

    def check_time(self, needed: float, what: str) -> None:
        """Refuse to start `what` if it would take the run past its budget."""
        if needed > self.remaining():
            raise OverBudget(f"{what} needs ~{needed:.0f} s; {self.remaining():.0f} s left")


class OverBudget(RuntimeError):
    """Starting the next step would overrun the run's time budget."""


def suite_modules(only: set[str] | None = None) -> list[ModuleType]:
    """Find every module in benchmarks.suites (adding a benchmark touches no list), in ORDER."""
    from benchmarks import suites

    found = [
        importlib.import_module(f"{suites.__name__}.{info.name}")
        for info in pkgutil.iter_modules(suites.__path__)
        if not info.name.startswith("_")
    ]
    if only:
        found = [m for m in found if m.__name__.rsplit(".", 1)[1] in only]
    return sorted(found, key=lambda m: getattr(m, "ORDER", 100))


def run_suite(module: ModuleType, run: Run) -> Section:
    """Run one suite; a failure becomes a section saying what went wrong, not a crash."""
    began = time.monotonic()
    run.log(f"-- {module.TITLE}")
    try:
        section = module.run(run)
    except OverBudget as exc:
        section = Section(module.TITLE, status="skipped", notes=[f"Not run: {exc}."])
    except Exception as exc:  # noqa: BLE001 - report it and go on with the other suites
        detail = traceback.format_exception_only(exc)[-1].strip()
        section = Section(module.TITLE, status="failed", notes=[f"Failed: {detail}"])
        run.log(traceback.format_exc())
    finally:
        procs.stop_all()
    section.seconds = time.monotonic() - began
    return section


def run_all(
    settings: Settings, only: set[str] | None = None, log=print, workdir: Path | None = None
) -> list[Section]:
    """Run the suites in `workdir` (kept: logs) or a scratch folder removed afterwards."""
    began = time.monotonic()

    def stamped(line: str) -> None:
        log(f"[{time.monotonic() - began:6.1f} s] {line}")

    if workdir is not None:
        workdir.mkdir(parents=True, exist_ok=True)
        run = Run(settings, workdir, log=stamped)
        return [run_suite(module, run) for module in suite_modules(only)]
    with tempfile.TemporaryDirectory(prefix="bench-") as scratch:
        run = Run(settings, Path(scratch), log=stamped)
        return [run_suite(module, run) for module in suite_modules(only)]


def with_databases(settings: Settings, names: str | None) -> Settings:
    """Return the settings limited to the databases named (comma-separated)."""
    if not names:
        return settings
    return replace(settings, databases=tuple(n.strip() for n in names.split(",") if n.strip()))
