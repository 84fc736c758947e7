"""One command run as the command line sees it: its shared options, its input, its exit status.

:class:`Run` reads the paths (standard input when none is given and it is piped
in), streams the analysed articles from one process, a pool or a Dask cluster,
reports each bad input on stderr and ends the command with the exit status the
failures call for. Typer stays in :mod:`dipcli.cli`, which builds the
:class:`Options`.
"""
from __future__ import annotations

import sys
from dataclasses import dataclass
from typing import Any

from .environment import Environment, ExitCode
from .model import DipError


@dataclass(frozen=True, slots=True)
class Options:
    """The shared options of one command run, wherever on the command line they were given."""

    fmt: str
    no_cache: bool
    jobs: int
    max_bytes: int | None
    encoding: str | None
    quiet: bool
    keep_going: bool
    scheduler: str | None
    env: Environment
    ctx: Any  # the command's click context: its close callbacks run when the command ends


class Run:
    """One command's input handling: errors go to stderr and decide the exit status."""

    def __init__(self, paths: list[str] | None, opts: Options):
        self.paths = list(paths or [])
        if not self.paths and not opts.env.stdin_isatty:
            self.paths = ["-"]  # input piped or redirected in, no path given: read it
        self.opts = opts
        self.fmt = opts.fmt
        self.scheduler = opts.scheduler
        self.failed = 0
        self.loaded = 0
        self._client = None

    def dask_client(self):
        """The run's one Dask client (see :func:`dipcli.distributed.connect`), opened on
        first use and closed when the command ends, however it ends."""
        if self._client is None:
            from .distributed import connect

            manager = connect(self.scheduler)
            self._client = manager.__enter__()
            self.opts.ctx.call_on_close(lambda: manager.__exit__(None, None, None))
        return self._client

    def warning(self, message: str) -> None:
        """A problem that did not stop an input (read in a guessed encoding), unless --quiet."""
        if not self.opts.quiet:
            from .render import one_line

            sys.stderr.write(f"dipcli: warning: {one_line(message)}\n")
            sys.stderr.flush()

    def error(self, err: DipError) -> None:
        from .render import one_line

        self.failed += 1
        sys.stderr.write(f"dipcli: error: {one_line(err)}\n")
        sys.stderr.flush()

    def note(self, message: str, style: str = "dim") -> None:
        """A side message on stderr (a warning, progress), unless --quiet."""
        if not self.opts.quiet:
            from .render import safe_text, stderr_console

            stderr_console().print(f"[{style}]{safe_text(message)}[/{style}]")

    def progress(self, message: str) -> None:
        """How far a long run has got: on stderr when it is a terminal, unless --quiet (a log
        file or a pipe gets the notes and warnings, not a line per step)."""
        if sys.stderr.isatty():
            self.note(message)

    def empty_note(self, message: str) -> str | None:
        return None if self.opts.quiet else message

    def items(self, *, stances: bool = False):
        """Analysed articles, streamed; with ``stances``, ``(item, its stance acts)`` pairs,
        the acts found by the worker that analysed the article."""
        opts = self.opts
        if self.scheduler:
            from .distributed import iter_analysed_dask

            source = iter_analysed_dask(self.paths, client=self.dask_client(), on_error=self.error,
                                        max_bytes=opts.max_bytes, stances=stances, use_cache=not opts.no_cache,
                                        encoding=opts.encoding, on_warning=self.warning)
        else:
            from .pipeline import iter_analysed

            source = iter_analysed(self.paths, on_error=self.error, use_cache=not opts.no_cache, jobs=opts.jobs,
                                   max_bytes=opts.max_bytes, stances=stances, encoding=opts.encoding,
                                   on_warning=self.warning)
        for item in source:
            self.loaded += 1
            yield item

    def all_items(self) -> list:
        return list(self.items())

    def finish(self) -> None:
        """End the command: exit 1 when an input failed (0 with --keep-going when an article
        was analysed) or when nothing at all was read."""
        if self.failed:
            if self.loaded:
                if not self.opts.quiet:
                    sys.stderr.write(f"dipcli: {self.failed} input(s) failed, {self.loaded} article(s) analysed\n")
                if self.opts.keep_going:
                    return
            raise SystemExit(ExitCode.INPUT)
        if self.loaded == 0:
            sys.stderr.write("dipcli: error: no articles to analyse\n")
            raise SystemExit(ExitCode.INPUT)
