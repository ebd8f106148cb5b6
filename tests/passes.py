"""CI's two passes over one suite: what each runs, so nothing runs twice for nothing.

The SQLite pass runs with every clock a year ahead, so it takes every test that can run under a
preloaded fake clock. The PostgreSQL pass (`--database-tests-only`) then runs what a second
database can change: each test that uses the database, plus the tests the first pass leaves out
(Chromium's, and those marked `once` because they are too long to run twice).

In both, the tests that start real processes (`slow`, `once`) run in two lanes of their own, and
Chromium's in a third (`--dist loadgroup`): four of them at once on two cores made each one so
slow that their timeouts failed, while the quick tests fill the other workers. The longest say
how long they take, so the two lanes end together.
"""

from __future__ import annotations

import pytest


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--database-tests-only",
        action="store_true",
        help="run only tests that use the database, Chromium's and those marked `once`",
    )


# The lanes the heavy tests are dealt into (one worker runs each lane's tests in order).
PROCESS_LANES = ("processes-a", "processes-b")
# What a heavy test is reckoned to take unless it says (`@pytest.mark.slow(seconds=40)`).
USUAL_SECONDS = 10.0


# First: xdist names each test's group from its marks in this same hook, so they must be there.
@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if config.getoption("--database-tests-only"):
        _only_database_tests(config, items)
    heavy = [
        item for item in items if item.get_closest_marker("slow") or item.get_closest_marker("once")
    ]
    _deal_into_lanes(heavy)
    for item in items:
        if item.get_closest_marker("browser"):
            item.add_marker(pytest.mark.xdist_group("chromium"))


def _seconds(item: pytest.Item) -> float:
    marks = (mark.kwargs.get("seconds") for mark in item.iter_markers("slow"))
    return float(next((seconds for seconds in marks if seconds is not None), USUAL_SECONDS))


def _deal_into_lanes(heavy: list[pytest.Item]) -> None:
    """Deal whole modules, longest first, each to the lane with the least to do.

    A pass lasts as long as its longest lane. A module stays in one lane because its
    module-scoped processes (a gunicorn, an emulator) would otherwise start once per lane.
    """
    modules: dict[str, list[pytest.Item]] = {}
    for item in heavy:
        modules.setdefault(item.nodeid.split("::")[0], []).append(item)
    totals = dict.fromkeys(PROCESS_LANES, 0.0)
    for tests in sorted(modules.values(), key=lambda t: -sum(map(_seconds, t))):
        lane = min(totals, key=totals.__getitem__)
        totals[lane] += sum(map(_seconds, tests))
        for item in tests:
            item.add_marker(pytest.mark.xdist_group(lane))


def _only_database_tests(config: pytest.Config, items: list[pytest.Item]) -> None:
    keep, drop = [], []
    for item in items:
        uses_database = "database_url" in getattr(item, "fixturenames", ())
        left_out_before = item.get_closest_marker("browser") or item.get_closest_marker("once")
        (keep if uses_database or left_out_before else drop).append(item)
    if drop:
        config.hook.pytest_deselected(items=drop)
        items[:] = keep
