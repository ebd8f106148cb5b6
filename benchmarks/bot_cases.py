"""Load the bot (gunicorn + the emulator as LINE) in one shape, then wait and count the answers."""

from __future__ import annotations

import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field

from benchmarks.events import EventFactory
from benchmarks.loadgen import LoadResult, MakeRequest
from benchmarks.outcomes import Answers, Drain, count_answers, wait_drained
from benchmarks.runner import Run
from emulator.client import EmulatorClient

Load = Callable[[MakeRequest], LoadResult]


@dataclass
class Case:
    """One load shape against the bot, and what happened to its events afterwards."""

    load: LoadResult
    drain: Drain
    answers: Answers
    # Members who chatted through the emulator (real reply tokens) during the load.
    chats: list[dict] = field(default_factory=list)

    @property
    def handled_rate(self) -> float:
        """Events answered once per second, from the load's start until the backlog cleared."""
        return self.answers.once / (self.load.seconds + self.drain.seconds)


def measure(
    run: Run, name: str, line: EmulatorClient, db_url: str, load: Load, chats: int = 0
) -> Case:
    """Apply `load` with fresh members, wait for the backlog to clear, count LINE's answers."""
    line.clear_requests()
    run.log(f"   {name}")
    # Each event carries a token the emulator issued, as LINE's do: the bot can answer by reply.
    factory = EventFactory().for_emulator(line)
    pool = ThreadPoolExecutor(max_workers=max(chats, 1))
    try:
        # A few members chat through the emulator meanwhile, so replies with real tokens are tried.
        pending = [pool.submit(_chat, line, f"สมาชิก {n}") for n in range(chats)]
        result = load(factory.request)
        timeout = max(1.0, min(run.settings.drain_timeout, run.remaining()))
        run.log(f"   {name}: {result.ok:,} events at {result.rate:,.0f}/s; waiting for the backlog")
        drain = wait_drained(db_url, timeout)
        finished = [_collect(line, future) for future in pending]
    finally:
        pool.shutdown(wait=True)
        factory.tokens.close()
    answers = count_answers(line.requests()["requests"], factory.users, factory.tokens.owner)
    return Case(result, drain, answers, finished)


def _chat(line: EmulatorClient, name: str) -> dict:
    member = line.add_user(name)["userId"]
    sent = line.send_text(member, "สวัสดีค่ะ")
    return {"member": member, "status": sent["status"], "elapsed": sent["elapsed"]}


def _collect(line: EmulatorClient, future: Future) -> dict:
    chat = future.result()
    deadline = time.monotonic() + 10
    while True:
        shown = line.messages(chat["member"], since=0)["messages"]
        if shown or time.monotonic() > deadline:
            break
        time.sleep(0.1)
    return {**chat, "answers": len(shown), "via": sorted({m["via"] for m in shown})}
