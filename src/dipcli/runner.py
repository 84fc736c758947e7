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


#: Rows a ranked table (speakers, matrix targets, keyword groups) shows when no --top is given.
TABLE_TOP = 50


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
    aliases: str | None = None  # the user's aliases file (dipcli.identities.read_aliases)
    authors: str | None = None  # a table of file -> speaker (dipcli.authors)
    author_pattern: str | None = None  # a regex naming the speaker in file names


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
        self._progress = None
        self._aliases: list[tuple[str, list[str]]] | None | bool = False
        self.registry = None  # the corpus identities, once a reading decided them (Run.identified)

    @property
    def display(self):
        """The run's progress display (:class:`dipcli.progress.Progress`): drawn when stderr is a
        terminal and --quiet is not given."""
        if self._progress is None:
            from .progress import Progress

            env = self.opts.env
            self._progress = Progress(enabled=env.stderr_isatty and not self.opts.quiet,
                                      stdout_isatty=env.stdout_isatty)
        return self._progress

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

    def items(self, *, stances: bool = False, again: bool = False):
        """Analysed articles, streamed; with ``stances``, ``(item, its stance acts)`` pairs,
        the acts found by the worker that analysed the article. ``again``: a second
        reading of the same input, whose errors and warnings were reported the first time."""
        opts = self.opts
        on_error, on_warning = ((lambda err: None), (lambda message: None)) if again else (self.error, self.warning)
        authors = self.authors()
        if self.scheduler:
            from .distributed import iter_analysed_dask

            source = iter_analysed_dask(self.paths, client=self.dask_client(), on_error=on_error,
                                        max_bytes=opts.max_bytes, stances=stances, use_cache=not opts.no_cache,
                                        encoding=opts.encoding, on_warning=on_warning, authors=authors)
        else:
            from .pipeline import iter_analysed

            source = iter_analysed(self.paths, on_error=on_error, use_cache=not opts.no_cache, jobs=opts.jobs,
                                   max_bytes=opts.max_bytes, stances=stances, encoding=opts.encoding,
                                   on_warning=on_warning, authors=authors)
        if again:
            yield from source
            return
        for item in self.display.track(source, name=lambda e: (e[0] if stances else e).article.doc):
            self.loaded += 1
            yield item

    def authors(self):
        """What gives each article its speaker (--authors, --author-pattern), read once; None without them."""
        if not hasattr(self, "_authors"):
            self._authors = None
            if self.opts.authors or self.opts.author_pattern:
                from .authors import Authors

                try:
                    self._authors = Authors(table=self.opts.authors, pattern=self.opts.author_pattern).apply
                except DipError as err:
                    self.error(err)
                    raise SystemExit(ExitCode.INPUT) from None
        return self._authors

    def aliases(self) -> list[tuple[str, list[str]]] | None:
        """The user's aliases (--aliases), read once (:func:`dipcli.identities.read_aliases`)."""
        if self._aliases is False:
            from .identities import read_aliases

            try:
                self._aliases = read_aliases(self.opts.aliases) if self.opts.aliases else None
            except DipError as err:
                self.error(err)
                raise SystemExit(ExitCode.INPUT) from None
        return self._aliases

    def corpus(self, *, stances: bool = False, on_entry=None):
        """The input read for its identities (:class:`dipcli.corpus.Corpus`), to be read again as
        often as needed (standard input is kept in memory: it cannot be read twice). With
        ``stances``, the first reading's ``(item, acts)`` pairs go to ``on_entry``."""
        from .corpus import Corpus

        return Corpus(lambda first: self.items(stances=stances and first, again=not first), aliases=self.aliases(),
                      rereadable="-" not in self.paths, pairs=stances, on_entry=on_entry)

    def labelled(self):
        """The corpus identities, and the articles with every claim labelled (a second reading when needed)."""
        corpus = self.corpus()
        return corpus.registry, corpus.items()

    def claims(self, speaker: str | None = None):
        """Every claim labelled with its identity (a second reading when needed), with ``speaker``
        only a speaker's (any name of its identity: :func:`dipcli.corpus.speaker_filter`)."""
        from .corpus import speaker_filter

        registry, items = self.labelled()
        wanted = speaker_filter(speaker, registry)
        return (c for item in items for c in item.claims if wanted(c))

    def identified(self, find, *, stances: bool = False, speaker: str | None = None, or_also=None) -> list:
        """The records ``find(items)`` makes of the articles (stance acts, KWIC hits; ``stances``:
        items are ``(item, acts)`` pairs), labelled with the identities those articles decide, and
        with ``speaker`` only a speaker's (or those ``or_also`` accepts): :func:`dipcli.corpus.identified`."""
        from .corpus import identified, tap
        from .identities import Evidence

        evidence = Evidence()
        records = list(find(tap(self.items(stances=stances), evidence, pairs=stances)))
        records, self.registry = identified(records, evidence, aliases=self.aliases(), speaker=speaker,
                                            or_also=or_also)
        return records

    def top(self, asked: int | None) -> int:
        """A ranked view's --top: what was asked, else :data:`TABLE_TOP` rows for a table and all
        for the machine formats."""
        return asked if asked is not None else TABLE_TOP if self.fmt == "table" else 0

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
