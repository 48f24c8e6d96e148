"""The build's progress on stderr: a bar on a terminal, one summary line at the end.

`BuildProgress(stream)` is the `progress(done, total)` callback of `graphx.pipeline.build`. Nothing
is shown for builds shorter than `delay` seconds. On a terminal, after `delay` seconds, a bar of
articles done / total, rate and time left is redrawn in place (at most every `interval` seconds);
elsewhere (a log file, a pipe) only the final summary line is written.
"""
from __future__ import annotations

import shutil
import time

DELAY = 2.0          # seconds before anything is shown
INTERVAL = 0.2       # seconds between redraws of the bar


def clock_text(seconds: float) -> str:
    seconds = int(round(seconds))
    hours, rest = divmod(seconds, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60}:{rest % 60:02d}"


class BuildProgress:
    def __init__(self, stream, *, tty: bool | None = None, delay: float | None = None, interval: float = INTERVAL,
                 clock=time.monotonic, width: int | None = None):
        self.stream = stream
        self.tty = stream.isatty() if tty is None else tty
        self.delay = DELAY if delay is None else delay
        self.interval, self.clock = interval, clock
        self.width = width
        self.start = clock()
        self.anchor = None           # (time, done) of the first finished article: the rate counts from it
        self.done = self.total = 0
        self.drawn_at = None
        self.finished = False

    def __call__(self, done: int, total: int) -> None:
        now = self.clock()
        self.done, self.total = done, total
        if done and self.anchor is None:
            self.anchor = (now, done)
        if self.tty and now - self.start >= self.delay and (
                self.drawn_at is None or now - self.drawn_at >= self.interval or done >= total):
            self._write("\r" + self.line(now))
            self.drawn_at = now
        if done >= total:
            self.finish()

    def rate(self, now: float) -> float | None:
        """Articles per second since the first one finished (model loading not counted)."""
        if self.anchor is None or now <= self.anchor[0] or self.done <= self.anchor[1]:
            return None
        return (self.done - self.anchor[1]) / (now - self.anchor[0])

    def line(self, now: float) -> str:
        total = max(self.total, 1)
        rate = self.rate(now)
        parts = [f"Extracting {self.done:,}/{self.total:,} articles", f"{100 * self.done // total:3d}%"]
        if rate:
            parts.append(f"{rate:.1f} articles/s")
            parts.append(f"{clock_text((self.total - self.done) / rate)} left")
        text = "  ".join(parts)
        width = self.width or shutil.get_terminal_size((80, 24)).columns
        room = width - len(text) - 5
        if room >= 10:
            filled = room * self.done // total
            text = text.replace("  ", f"  [{'#' * filled}{'.' * (room - filled)}]  ", 1)
        return text[:width - 1]

    def finish(self) -> None:
        """End the bar's line; when all are done, one summary line (builds of `delay` seconds or more)."""
        if self.finished:
            return
        self.finished = True
        now = self.clock()
        complete = self.total and self.done >= self.total
        if self.drawn_at is not None:
            self._write("\r\x1b[K" if complete else "\n")
        if complete and now - self.start >= self.delay:
            seconds = now - self.start
            self._write(f"Extracted {self.done:,} article{'s' if self.done != 1 else ''} in "
                        f"{clock_text(seconds)} ({self.done / seconds:.1f} articles/s)\n")

    def _write(self, text: str) -> None:
        self.stream.write(text)
        self.stream.flush()
