"""Every benchmark runs with tiny sizes and reports numbers, so `make bench` keeps working."""

from __future__ import annotations

import os
import re
from dataclasses import replace

import pytest

from benchmarks import procs
from benchmarks.report import BEGIN, END, write_results
from benchmarks.runner import SMOKE, run_all
from storage.db import normalize_url

NUMBER = re.compile(r"^[\d,]+(\.\d+)?$")

pytestmark = pytest.mark.once  # every benchmark at smoke size: CI runs it in one pass only


def smoke_settings():
    """Tiny sizes, on the database under test (a PostgreSQL URL is used to create bench_<pid>)."""
    url = normalize_url(os.environ.get("TEST_DATABASE_URL", ""))
    # Beside the rest of the suite on every core, tiny runs can still take minutes: never skip one.
    settings = replace(SMOKE, budget_seconds=600.0)
    if url.startswith("postgresql"):
        return replace(settings, databases=("postgresql",), pg_admin_url=url)
    return settings


def numbers(row: list[str]) -> list[float]:
    return [float(cell.replace(",", "")) for cell in row if NUMBER.match(cell)]


@pytest.mark.slow(seconds=45)
@pytest.mark.bench
def test_every_benchmark_completes_and_reports_numbers():
    sections = {s.title.split(":")[0]: s for s in run_all(smoke_settings(), log=lambda _: None)}

    assert {name: s.status for name, s in sections.items()} == {
        "Webhook": "ok", "Broadcast": "ok", "Export": "ok", "Conversation": "ok",
    }  # fmt: skip
    bot_rows = [row for row in sections["Webhook"].rows if row[0] == "bot"]
    assert len(bot_rows) == 3  # closed loop, open loop, LINE's replies delayed
    assert all(numbers(row)[1] > 0 and numbers(row)[2] > 0 for row in bot_rows)  # acks, handled
    (echo,) = [row for row in sections["Webhook"].rows if "echo" in row[0]]
    assert numbers(echo)[2] > 0  # the SDK's example answered by reply, counted by the emulator
    answered = [row[-1] for row in [echo, *bot_rows]]
    assert all(a.split("/")[0] == a.split("/")[1] for a in answered), answered  # each once
    for name in ("Broadcast", "Export", "Conversation"):
        assert sections[name].rows and all(numbers(row) for row in sections[name].rows)
    for name in ("Broadcast", "Export"):
        assert all(check.met is not None for check in sections[name].checks)
    assert not procs._running  # every process a benchmark started was stopped


def test_the_web_command_is_the_procfiles_bound_to_the_loopback():
    env = {"PORT": "8123", "WEB_CONCURRENCY": "3"}
    args = procs.procfile_web(env)
    assert args[1:3] == ["-m", "gunicorn"]
    assert args[args.index("--bind") + 1] == "127.0.0.1:8123"
    assert args[args.index("--workers") + 1] == "3"
    assert args[args.index("--worker-class") + 1] == "gthread"
    assert args[-1] == "bot.wsgi:make_web()"
    assert procs.procfile_web(env, app="benchmarks.baseline_app:make_app()")[-1] == (
        "benchmarks.baseline_app:make_app()"
    )


def test_results_keep_what_people_wrote_around_the_generated_part(tmp_path):
    path = tmp_path / "RESULTS.md"
    write_results(path, "first run\n", "# Results\n\n")
    path.write_text(path.read_text() + "\n## Findings\nwritten by hand\n")
    write_results(path, "second run\n", "# Results\n\n")
    text = path.read_text()
    assert text.startswith("# Results") and "written by hand" in text
    assert "second run" in text and "first run" not in text
    assert text.count(BEGIN) == 1 and text.count(END) == 1
