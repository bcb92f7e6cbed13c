"""The build's progress line: articles done, rate and time left, on a terminal only."""

from __future__ import annotations

import sys
import time


class ProgressBar:
    """One line on stderr: articles done, rate, time left; only on a terminal and for more than a handful."""

    def __init__(self) -> None:
        self._clock = time.perf_counter
        self._started = self._clock()
        self._shown = False

    def __call__(self, done: int, total: int | None) -> None:
        if (total or done) <= 5:
            return
        elapsed = max(self._clock() - self._started, 1e-9)
        rate = done / elapsed
        line = f"\r{done}" + (f"/{total}" if total else "") + f" articles, {rate:.1f}/s"
        if total and rate > 0:
            line += f", {max(total - done, 0) / rate:.0f} s left"
        sys.stderr.write(line + "   ")
        sys.stderr.flush()
        self._shown = True

    def close(self) -> None:
        if self._shown:
            sys.stderr.write("\n")
