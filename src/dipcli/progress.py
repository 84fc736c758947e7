"""Progress on stderr for long runs: how many articles have been analysed (the stages after the
reading are Run.progress lines).

Shown only when stderr is a terminal (a fact the caller passes in, so tests can
fake it) and not silenced (``--quiet``); it is drawn by Rich and erased when the
reading ends, so nothing of it stays in a log or mixes with the results. While
it is drawn, anything written to stdout or stderr goes above it.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any


class Progress:
    """A counter of analysed articles with a spinner, the elapsed time and the article at hand.

    Args:
        enabled: Draw anything at all (stderr is a terminal and not --quiet).
        console: The Rich console to draw on (default: a stderr console).
        stdout_isatty: Whether stdout is the terminal too: then what is written
            to it during the run is shown above the counter.
    """

    def __init__(self, *, enabled: bool, console=None, stdout_isatty: bool = False):
        self.enabled = enabled
        self.console = console
        self.stdout_isatty = stdout_isatty
        self._progress = None
        self._task = None

    def track(self, items: Iterable[Any], *, what: str = "analysing", name=None) -> Iterator[Any]:
        """``items`` unchanged, counted on the display while they pass (``name(item)`` shown beside)."""
        if not self.enabled:
            yield from items
            return
        self._start(what)
        try:
            for n, item in enumerate(items, start=1):
                label = name(item) if name is not None else ""
                self._progress.update(self._task, completed=n, current=_short(label))
                yield item
        finally:
            self.stop()

    def _start(self, what: str) -> None:
        from rich.progress import Progress as RichProgress
        from rich.progress import SpinnerColumn, TextColumn, TimeElapsedColumn

        from .render import stderr_console

        self._progress = RichProgress(
            SpinnerColumn(), TextColumn("{task.description}"), TextColumn("{task.completed:,} articles"),
            TimeElapsedColumn(), TextColumn("[dim]{task.fields[current]}"),
            console=self.console or stderr_console(), transient=True,
            redirect_stdout=self.stdout_isatty, redirect_stderr=True)
        self._progress.start()
        self._task = self._progress.add_task(what, total=None, current="")

    def stop(self) -> None:
        if self._progress is not None:
            self._progress.stop()
            self._progress = None


def _short(text: str, limit: int = 40) -> str:
    from .render import safe_text

    text = safe_text(text)
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"
