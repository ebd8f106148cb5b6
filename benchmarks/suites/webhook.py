"""Webhook: the bot under gunicorn as the Procfile starts it, beside a bare signature-checking app."""

from __future__ import annotations

import contextlib
import sys

from benchmarks import databases, loadgen
from benchmarks.bot_cases import Case, measure
from benchmarks.events import SECRET, TOKEN, EventFactory
from benchmarks.outcomes import Drain, count_answers, wait_drained
from benchmarks.procs import Child, base_env, free_port, start_emulator, start_web, start_worker
from benchmarks.report import Check, Section
from benchmarks.runner import Run
from emulator.client import EmulatorClient

ORDER = 10
TITLE = "Webhook: events per second and time to the 200"
COLUMNS = ["Server", "Database", "Load", "Events", "Acks/s", "Handled/s", "p50 ms", "p99 ms",
           "vs baseline", "Non-200", "Sent late", "Drain s", "Answered once"]  # fmt: skip
BASELINE_APP = "benchmarks.baseline_app:make_app()"
ECHO_APP = "benchmarks.echo_app:make_app()"
# Worker processes beside the web, as deployed: one on SQLite (one writer at a time), two on
# PostgreSQL (they take different lanes; one per core).
WORKERS = {"sqlite": 1, "postgresql": 2}
P99_TARGET_MS = 50.0
RATE_TARGET = 0.5
ECHO_TARGET, ECHO_FLOOR = 1.0, 0.6


def _ms(result: loadgen.LoadResult, p: float) -> float:
    return result.percentile(p) * 1000


def _row(section, server, db, result, versus="–", case: Case | None = None, handled="–") -> None:
    drain = answered = "–"
    if case is not None:
        drain = f"{case.drain.seconds:.1f}" if case.drain.done else f">{case.drain.seconds:.0f}"
        answered = f"{case.answers.once:,}/{case.answers.events:,}"
        handled = case.handled_rate
    section.add(server, db, result.shape, result.ok, result.rate, handled, _ms(result, 50),
                _ms(result, 99), versus, result.errors, result.late, drain, answered)  # fmt: skip


def _ceiling(run: Run) -> loadgen.LoadResult:
    s, port = run.settings, free_port()
    args = [sys.executable, "-m", "benchmarks.trivial_server", "--port", str(port)]
    with Child("trivial", args, base_env(), run.workdir / "trivial.log") as server:
        server.wait_http(f"http://127.0.0.1:{port}/")
        url = f"http://127.0.0.1:{port}/callback"
        return loadgen.closed_loop(url, EventFactory().request, s.clients, s.ceiling_seconds)


def _warm_up(run: Run, url: str, line: EmulatorClient | None = None) -> None:
    s = run.settings
    factory = EventFactory() if line is None else EventFactory().for_emulator(line)
    loadgen.closed_loop(url, factory.request, s.clients, s.warmup_seconds)
    if factory.tokens is not None:
        factory.tokens.close()


def _baseline(run: Run) -> tuple[loadgen.LoadResult, loadgen.LoadResult]:
    s, port = run.settings, free_port()
    env = base_env(PORT=str(port), LINE_CHANNEL_SECRET=SECRET)
    with start_web("baseline", env, run.workdir, app=BASELINE_APP):
        url = f"http://127.0.0.1:{port}/callback"
        _warm_up(run, url)
        closed = loadgen.closed_loop(url, EventFactory().request, s.clients, s.load_seconds)
        opened = loadgen.open_loop(url, EventFactory().request, s.open_rate, s.load_seconds)
    return closed, opened


def _echo(run: Run) -> Case:
    """The SDK's echo example under the Procfile's gunicorn, replying to the emulator."""
    s, port = run.settings, free_port()
    emulator, api = start_emulator(SECRET, TOKEN, None, run.workdir, "emulator-echo")
    with emulator:
        env = base_env(PORT=str(port), LINE_CHANNEL_SECRET=SECRET,
                       LINE_CHANNEL_ACCESS_TOKEN=TOKEN, LINE_API_BASE_URL=api)  # fmt: skip
        with start_web("echo", env, run.workdir, app=ECHO_APP):
            url = f"http://127.0.0.1:{port}/callback"
            line = EmulatorClient(api)
            _warm_up(run, url, line)
            line.clear_requests()
            factory = EventFactory().for_emulator(line)
            closed = loadgen.closed_loop(url, factory.request, s.clients, s.load_seconds)
            factory.tokens.close()
            answers = count_answers(
                line.requests()["requests"], factory.users, factory.tokens.owner
            )
    # Synchronous: each reply is made before its 200, so nothing is left to drain.
    return Case(closed, Drain(0.0, 0, 0, 0), answers)


def _bot(run: Run, kind: str) -> dict[str, Case]:
    s, port = run.settings, free_port()
    callback = f"http://127.0.0.1:{port}/callback"
    with databases.database(kind, run.workdir, s.pg_admin_url) as db_url:
        emulator, api = start_emulator(SECRET, TOKEN, callback, run.workdir, f"emulator-{kind}")
        with emulator:
            env = base_env(PORT=str(port), LINE_CHANNEL_SECRET=SECRET, LINE_CHANNEL_ACCESS_TOKEN=TOKEN,
                           LINE_API_BASE_URL=api, DATABASE_URL=db_url,
                           MEDIA_DIR=str(run.workdir / "media"),
                           STAFF_SECRET_KEY="benchmark-staff-secret-key-0123456789abcdef")  # fmt: skip
            with contextlib.ExitStack() as started:
                started.enter_context(start_web(f"bot-{kind}", env, run.workdir))
                for n in range(WORKERS[kind]):
                    started.enter_context(start_worker(f"worker-{kind}-{n}", env, run.workdir))
                line = EmulatorClient(api)
                _warm_up(run, callback, line)
                wait_drained(db_url, timeout=min(s.drain_timeout, run.remaining()))
                cases = {}
                run.check_time(2.5 * s.load_seconds, f"{kind}: closed loop")
                cases["closed"] = measure(run, f"{kind} closed loop", line, db_url, lambda make: loadgen.closed_loop(
                    callback, make, s.clients, s.load_seconds))  # fmt: skip
                run.check_time(1.5 * s.load_seconds, f"{kind}: open loop")
                cases["open"] = measure(run, f"{kind} open loop", line, db_url, lambda make: loadgen.open_loop(
                    callback, make, s.open_rate, s.load_seconds))  # fmt: skip
                # LINE now answers every reply a second late; the 200 must not wait for it.
                run.check_time(s.open_rate * s.delayed_seconds / 8 * s.delay, f"{kind}: delayed")
                line.add_fault(path="/v2/bot/message/reply", method="POST", delay=s.delay,
                               times=10**9)  # fmt: skip
                cases["delayed"] = measure(run, f"{kind} delayed replies", line, db_url, lambda make: loadgen.open_loop(
                    callback, make, s.open_rate, s.delayed_seconds), chats=s.correctness_members)  # fmt: skip
                line.clear_faults()
                return cases


def _checks(kind: str, cases: dict[str, Case], closed_base, echo: Case, s) -> list[Check]:
    closed, opened, delayed = cases["closed"], cases["open"], cases["delayed"]
    share = closed.load.rate / closed_base.rate if closed_base.rate else 0.0
    versus_echo = closed.handled_rate / echo.handled_rate if echo.handled_rate else 0.0
    p99, delayed_p99 = _ms(opened.load, 99), _ms(delayed.load, 99)
    everything = [closed, opened, delayed]
    answered = sum(c.answers.once for c in everything)
    events = sum(c.answers.events for c in everything)
    chats = delayed.chats
    replied = sum(
        # One reply may carry several messages (a stranger's hello: a lead and the privacy notice);
        # that each event was answered exactly once is counted from the requests, above.
        1
        for c in chats
        if c["status"] == 200 and c["answers"] >= 1 and c["via"] == ["reply"]
    )
    slowest_chat = max((c["elapsed"] for c in chats), default=0.0) * 1000
    return [
        Check(f"{kind}: events fully handled per second at least the echo example's "
              f"({ECHO_FLOOR:g}x the least accepted)",
              f"{versus_echo:.2f}x ({closed.handled_rate:,.0f} vs {echo.handled_rate:,.0f})",
              versus_echo >= ECHO_TARGET),
        Check(f"{kind}: acks/s at least 50% of the baseline (closed loop)",
              f"{share:.0%} ({closed.load.rate:,.0f} vs {closed_base.rate:,.0f})", share >= RATE_TARGET),
        Check(f"{kind}: p99 under {P99_TARGET_MS:.0f} ms at {s.open_rate:g} events/s",
              f"{p99:.1f} ms", p99 < P99_TARGET_MS),
        Check(f"{kind}: time to the 200 does not follow a {s.delay:g} s delay of LINE's replies",
              f"p99 {delayed_p99:.1f} ms; slowest chat via the emulator {slowest_chat:.0f} ms",
              delayed_p99 < s.delay * 1000 and slowest_chat < s.delay * 1000),
        Check(f"{kind}: every event answered exactly once, backlog drained",
              f"{answered:,}/{events:,} once; {replied}/{len(chats)} chats answered by reply; "
              f"drained: {all(c.drain.done for c in everything)}",
              answered == events and all(c.drain.done for c in everything) and replied == len(chats)),
    ]  # fmt: skip


def run(run: Run) -> Section:
    """Measure the generator's ceiling, the baseline, then the bot on each database."""
    s = run.settings
    section = Section(TITLE, COLUMNS)
    run.check_time(s.ceiling_seconds + 2 * s.load_seconds + 5, "webhook baseline")
    ceiling = _ceiling(run)
    _row(section, "load generator vs a do-nothing server", "–", ceiling)
    run.log(f"   ceiling {ceiling.rate:,.0f}/s")
    closed_base, open_base = _baseline(run)
    _row(section, "baseline: Flask + SDK signature check", "–", closed_base, "100%")
    _row(section, "baseline: Flask + SDK signature check", "–", open_base)
    run.log(f"   baseline {closed_base.rate:,.0f}/s")
    run.check_time(s.warmup_seconds + s.load_seconds + 10, "echo baseline")
    echo = _echo(run)
    _row(section, "baseline: the SDK's echo example (parse, reply)", "–", echo.load, "–", echo)
    run.log(f"   echo {echo.handled_rate:,.0f}/s handled")
    for kind in s.databases:
        try:
            cases = _bot(run, kind)
        except databases.Unavailable as exc:
            section.notes.append(f"{kind} not measured: {exc}")
            continue
        share = cases["closed"].load.rate / closed_base.rate if closed_base.rate else 0.0
        handled = cases["closed"].handled_rate / echo.handled_rate if echo.handled_rate else 0.0
        versus = f"{share:.0%} of acks/s; {handled:.2f}x echo handled/s"
        _row(section, "bot", kind, cases["closed"].load, versus, cases["closed"])
        ratio = _ms(cases["open"].load, 99) / max(_ms(open_base, 99), 1e-9)
        _row(section, "bot", kind, cases["open"].load, f"p99 x{ratio:.1f}", cases["open"])
        delayed = cases["delayed"].load
        delayed.shape += f", LINE replies {s.delay:g} s late"
        _row(section, "bot", kind, delayed, "–", cases["delayed"])
        section.checks += _checks(kind, cases, closed_base, echo, s)
        run.log(f"   bot on {kind}: {cases['closed'].load.rate:,.0f}/s")
    section.notes += [
        f"One event per request, each from a member of its own; {s.load_seconds:g} s per shape. "
        "Latency is from the moment a request was due to its 200 (open loop: no coordinated "
        "omission). Sent late: requests the generator itself sent over 10 ms after they were due "
        "(it shares the cores); their wait counts in the latency.",
        "Drain: seconds from the end of the load until no event and no delivery is pending. "
        "Answered once: members whose event got exactly one accepted reply or push from the "
        "emulator. Every event carries a reply token the emulator issued, as LINE's do.",
        "Acks/s: webhook requests answered 200 per second. Handled/s: events answered once per "
        "second, from the start of the load until the backlog cleared (drain included). The echo "
        "baseline is the SDK's README example: it replies before answering 200, so its acks are "
        "its handled events.",
    ]
    return section
