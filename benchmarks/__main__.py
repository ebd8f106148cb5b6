"""`make bench`: run the benchmarks, print the table, rewrite benchmarks/RESULTS.md."""

from __future__ import annotations

import argparse
import os
import signal
import sys
from dataclasses import replace
from pathlib import Path

from benchmarks import machine, procs
from benchmarks.report import render_markdown, render_text, write_results
from benchmarks.runner import SMOKE, Settings, run_all, with_databases

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"
PREAMBLE = """# Benchmark results

Written by `make bench` (`python -m benchmarks`); everything between the markers below is
replaced on each full run. How to read it and what stands in the way of missed targets is
written after the generated part.

"""


def _stop(signum: int, _frame) -> None:
    # SIGTERM/SIGHUP end the run like Ctrl-C does: the finally blocks stop every child. SIGINT
    # is set too, since a shell starting the run in the background has it ignored.
    raise KeyboardInterrupt(f"signal {signum}")


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="tiny sizes (a smoke run)")
    parser.add_argument("--only", help="comma-separated suites, e.g. webhook,broadcast")
    parser.add_argument("--databases", help="comma-separated: sqlite,postgresql")
    parser.add_argument("--pg-admin-url", default=os.environ.get("BENCH_PG_ADMIN_URL"),
                        help="PostgreSQL database used to create and drop bench_<pid>")  # fmt: skip
    parser.add_argument("--workdir", type=Path, help="keep logs and scratch files here")
    parser.add_argument("--output", type=Path, help="write results here (default: RESULTS.md, "
                        "only after a full run with every suite)")  # fmt: skip
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    """Run, print, and on a complete full run rewrite RESULTS.md; exit 1 if a suite failed."""
    args = parse_args(argv)
    settings = with_databases(SMOKE if args.quick else Settings(), args.databases)
    if args.pg_admin_url:
        settings = replace(settings, pg_admin_url=args.pg_admin_url)
    only = {name.strip() for name in args.only.split(",")} if args.only else None
    for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, _stop)
    header = machine.describe(machine.postgres_version(settings))
    try:
        sections = run_all(settings, only, lambda line: print(line, flush=True), args.workdir)
    except KeyboardInterrupt:
        print("interrupted: every process the benchmark started has been stopped", file=sys.stderr)
        return 130
    finally:
        procs.stop_all()
    header.append(("Load average at end", machine.load_average()))
    print()
    print(render_text(sections, header))
    failed = [s.title for s in sections if s.status in ("failed", "skipped")]
    target = args.output or (None if (args.quick or only or args.databases or failed) else RESULTS)
    if target is not None:
        write_results(target, render_markdown(sections, header), PREAMBLE)
        print(f"\nwrote {target}")
    else:
        print(
            "\nRESULTS.md left as it was (a partial, quick or failed run); --output PATH writes one"
        )
    return 1 if any(s.status == "failed" for s in sections) else 0


if __name__ == "__main__":
    sys.exit(main())
