"""CI's two passes over one suite: what each runs, so nothing runs twice for nothing.

The SQLite pass runs with every clock a year ahead, so it takes every test that can run under a
preloaded fake clock. The PostgreSQL pass (`--database-tests-only`) then runs what a second
database can change: each test that uses the database, plus the tests the first pass leaves out
(Chromium's, and those marked `once` because they are too long to run twice).

In both, the tests that start real processes (`slow`, `once`) run in two lanes of their own, and
Chromium's in a third (`--dist loadgroup`): four of them at once on two cores made each one so
slow that their timeouts failed, while the quick tests fill the other workers.
"""

from __future__ import annotations

import pytest


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--database-tests-only",
        action="store_true",
        help="run only tests that use the database, Chromium's and those marked `once`",
    )


# The lanes the heavy tests are dealt into, in turn (one worker runs each lane's tests in order).
PROCESS_LANES = ("processes-a", "processes-b")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if config.getoption("--database-tests-only"):
        _only_database_tests(config, items)
    heavy = [
        item for item in items if item.get_closest_marker("slow") or item.get_closest_marker("once")
    ]
    for index, item in enumerate(heavy):
        item.add_marker(pytest.mark.xdist_group(PROCESS_LANES[index % len(PROCESS_LANES)]))
    for item in items:
        if item.get_closest_marker("browser"):
            item.add_marker(pytest.mark.xdist_group("chromium"))


def _only_database_tests(config: pytest.Config, items: list[pytest.Item]) -> None:
    keep, drop = [], []
    for item in items:
        uses_database = "database_url" in getattr(item, "fixturenames", ())
        left_out_before = item.get_closest_marker("browser") or item.get_closest_marker("once")
        (keep if uses_database or left_out_before else drop).append(item)
    if drop:
        config.hook.pytest_deselected(items=drop)
        items[:] = keep
