"""Run one measured function in a fresh process: its wall time, CPU time and peak memory alone."""

from __future__ import annotations

import importlib
import json
import resource
import sys
import time
from pathlib import Path

from benchmarks.procs import Child, base_env


def _rss_mb() -> float:
    """Return the memory the process uses now (resident set), from /proc."""
    pages = int(Path("/proc/self/statm").read_text().split()[1])
    return pages * resource.getpagesize() / 2**20


class Probe:
    """Measure the block it wraps: wall and CPU seconds, and the process's peak memory."""

    def __enter__(self) -> Probe:
        self._rss = _rss_mb()
        self._cpu = time.process_time()
        self._wall = time.perf_counter()
        return self

    def __exit__(self, *exc: object) -> None:
        self.wall = time.perf_counter() - self._wall
        self.cpu = time.process_time() - self._cpu
        # ru_maxrss (KiB on Linux) is the high-water mark of the whole process, imports included;
        # the rise is measured from the memory in use when the block began.
        self.peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        self.rise_mb = max(0.0, self.peak_mb - self._rss)

    def result(self) -> dict:
        return {"wall": self.wall, "cpu": self.cpu, "peak_mb": self.peak_mb,
                "rise_mb": self.rise_mb}  # fmt: skip


def run_measured(target: str, kwargs: dict, workdir: Path, timeout: float) -> dict:
    """Run `module:function(probe, **kwargs)` in a new process; return what it returned."""
    out = workdir / f"child-{time.monotonic_ns()}.json"
    args = [sys.executable, "-m", "benchmarks.child", target, json.dumps(kwargs), str(out)]
    name = target.replace(":", "-")
    with Child(name, args, base_env(), workdir / f"{name}.log") as child:
        try:
            code = child.popen.wait(timeout=timeout)
        except Exception as exc:
            raise RuntimeError(f"{target} did not finish in {timeout:.0f} s") from exc
        if code != 0:
            raise RuntimeError(f"{target} failed:\n{child.tail()}")
    return json.loads(out.read_text())


def main(argv: list[str]) -> None:
    """Child side: import the target, call it with a Probe, write its JSON result."""
    target, kwargs, out = argv
    module, function = target.split(":")
    result = getattr(importlib.import_module(module), function)(Probe(), **json.loads(kwargs))
    Path(out).write_text(json.dumps(result))


if __name__ == "__main__":
    main(sys.argv[1:])
