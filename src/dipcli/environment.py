"""What the command line knows about where it runs, and the exit codes it ends with.

Whether standard input brings data is a fact about the process, decided once in
:func:`dipcli.cli.main` and passed to the commands (``Environment``), so tests
can say "a terminal" or "a pipe" without one (httpie's ``Environment``).
"""
from __future__ import annotations

import os
import stat
import sys
from dataclasses import dataclass
from enum import IntEnum


class ExitCode(IntEnum):
    """Every exit status dipcli ends with."""

    OK = 0  #: success, also when nothing matches
    INPUT = 1  #: an input or data error (a bad file, nothing to analyse, a lost worker)
    USAGE = 2  #: a usage error (unknown option or command, bad or contradictory values)
    INTERRUPTED = 130  #: Ctrl-C


@dataclass(frozen=True, slots=True)
class Environment:
    """Facts about the process the commands depend on.

    Attributes:
        stdin_isatty: True when standard input brings no data to read: a terminal,
            no standard input at all, or a character device such as ``/dev/null``
            (a job started by cron or CI). With no PATHS, commands then read the
            bundled corpus; otherwise they read standard input.
        stderr_isatty: Standard error is a terminal: progress is drawn there.
        stdout_isatty: Standard output is a terminal too: what is written to it while
            progress is drawn goes above the progress line.
    """

    stdin_isatty: bool = True
    stderr_isatty: bool = False
    stdout_isatty: bool = False

    @classmethod
    def detect(cls) -> "Environment":
        return cls(stdin_isatty=not stdin_has_data(sys.stdin), stderr_isatty=_isatty(sys.stderr),
                   stdout_isatty=_isatty(sys.stdout))


def _isatty(stream) -> bool:
    try:
        return stream is not None and stream.isatty()
    except (AttributeError, ValueError, OSError):
        return False


def stdin_has_data(stream) -> bool:
    """Whether ``stream`` is piped or redirected input: a pipe, a socket or a regular file.

    A terminal, a closed stream and a character device (``/dev/null``) are not:
    a script run from cron must not wait for, or read nothing from, an input
    nobody gave it (ripgrep decides the same way). A stream without a file
    descriptor (one a test harness made) counts as input.
    """
    if stream is None:
        return False
    try:
        if stream.isatty():
            return False
        fd = stream.fileno()
    except (AttributeError, ValueError, OSError):
        return not getattr(stream, "closed", False)
    try:
        mode = os.fstat(fd).st_mode
    except OSError:
        return False
    return stat.S_ISFIFO(mode) or stat.S_ISREG(mode) or stat.S_ISSOCK(mode)
