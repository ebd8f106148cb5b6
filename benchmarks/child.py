"""Run one measured function in a fresh process: its wall time, CPU time and peak memory alone."""

from __future__ import annotations

import importlib
import json
import sys
import time
from pathlib import Path

from benchmarks.procs import Child, base_env


def _memory_mb(field: str) -> float:
    """Return VmRSS (in use now) or VmHWM (peak) of this process from /proc, in MiB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"/proc/self/status has no {field}")


class Probe:
    """Measure the block it wraps: wall and CPU seconds, and the process's peak memory."""

    def __enter__(self) -> Probe:
        self._rss = _memory_mb("VmRSS")
        self._cpu = time.process_time()
        self._wall = time.perf_counter()
        return self

    def __exit__(self, *exc: object) -> None:
        self.wall = time.perf_counter() - self._wall
        self.cpu = time.process_time() - self._cpu
        # VmHWM, not ru_maxrss: Linux carries ru_maxrss over from the parent across fork and
        # exec, so a big runner would show as this child's peak. VmHWM includes the imports.
        self.peak_mb = _memory_mb("VmHWM")
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
