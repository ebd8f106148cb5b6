"""Load on 127.0.0.1 with aiohttp: N clients back to back (closed loop) or a fixed rate (open loop)."""

from __future__ import annotations

import asyncio
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

import aiohttp

# What to send next: the body and the headers of one request.
MakeRequest = Callable[[], tuple[bytes, dict[str, str]]]
TIMEOUT = aiohttp.ClientTimeout(total=15)


@dataclass
class LoadResult:
    """What one run of load measured; latencies are seconds to the response, successes only."""

    shape: str
    seconds: float
    latencies: list[float] = field(default_factory=list)
    statuses: Counter = field(default_factory=Counter)
    late: int = 0  # open loop: requests the generator itself sent over 10 ms after their time

    @property
    def ok(self) -> int:
        return self.statuses.get(200, 0)

    @property
    def errors(self) -> int:
        return sum(n for status, n in self.statuses.items() if status != 200)

    @property
    def rate(self) -> float:
        return self.ok / self.seconds if self.seconds else 0.0

    def percentile(self, p: float) -> float:
        """Return the p-th percentile latency in seconds (nearest rank), or NaN with no data."""
        if not self.latencies:
            return float("nan")
        ordered = sorted(self.latencies)
        rank = max(0, min(len(ordered) - 1, round(p / 100 * len(ordered) + 0.5) - 1))
        return ordered[rank]


async def _post(session, url: str, make: MakeRequest, result: LoadResult, start: float) -> None:
    body, headers = make()
    try:
        async with session.post(url, data=body, headers=headers) as response:
            await response.read()
            status = response.status
    except (aiohttp.ClientError, TimeoutError) as exc:
        result.statuses[type(exc).__name__] += 1
        return
    result.statuses[status] += 1
    if status == 200:
        result.latencies.append(time.perf_counter() - start)


async def _closed(url: str, make: MakeRequest, clients: int, seconds: float) -> LoadResult:
    result = LoadResult(f"closed loop, {clients} clients", seconds)
    connector = aiohttp.TCPConnector(limit=clients)
    async with aiohttp.ClientSession(connector=connector, timeout=TIMEOUT) as session:
        began = time.perf_counter()
        end = began + seconds

        async def client() -> None:
            while time.perf_counter() < end:
                await _post(session, url, make, result, time.perf_counter())

        await asyncio.gather(*(client() for _ in range(clients)))
        result.seconds = time.perf_counter() - began
    return result


async def _open(url: str, make: MakeRequest, rate: float, seconds: float) -> LoadResult:
    result = LoadResult(f"open loop, {rate:g} events/s", seconds)
    connector = aiohttp.TCPConnector(limit=256)
    async with aiohttp.ClientSession(connector=connector, timeout=TIMEOUT) as session:
        tasks = []
        began = time.perf_counter()
        for index in range(round(rate * seconds)):
            due = began + index / rate
            delay = due - time.perf_counter()
            if delay > 0:
                await asyncio.sleep(delay)
            elif delay < -0.01:
                result.late += 1
            # Latency counts from when the request was due, so a stalled server cannot hide
            # its queue by slowing the generator down (no coordinated omission).
            tasks.append(asyncio.create_task(_post(session, url, make, result, due)))
        await asyncio.gather(*tasks)
        result.seconds = time.perf_counter() - began
    return result


def closed_loop(url: str, make: MakeRequest, clients: int, seconds: float) -> LoadResult:
    """Keep `clients` requests in flight for `seconds`: the most the server can take."""
    return asyncio.run(_closed(url, make, clients, seconds))


def open_loop(url: str, make: MakeRequest, rate: float, seconds: float) -> LoadResult:
    """Send `rate` requests a second for `seconds`, whatever the answers' pace."""
    return asyncio.run(_open(url, make, rate, seconds))
