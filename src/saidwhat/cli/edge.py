"""The edge between the library and the terminal: messages on stderr and exit codes."""

from __future__ import annotations

import sys
from contextlib import contextmanager
from typing import Iterator

import click

from ..budget import DEFAULT_BUDGET
from ..errors import SaidwhatError

budget_option = click.option(
    "--budget", type=click.FloatRange(0), default=DEFAULT_BUDGET, show_default=True, metavar="SECONDS",
    help="Time a document may take; past it, it is a 'timeout' error and the rest goes on (0: no limit).")


def warn(message: str, prefix: str = "saidwhat") -> None:
    """One line on stderr, named after the command."""
    click.echo(f"{prefix}: {message}", err=True)


@contextmanager
def library_errors(prefix: str = "saidwhat", interrupted: str = "interrupted") -> Iterator[None]:
    """A typed library error becomes its message and its exit code; Ctrl-C exits with 130."""
    try:
        yield
    except KeyboardInterrupt:
        warn(interrupted, prefix)
        sys.exit(130)
    except SaidwhatError as e:
        warn(str(e), prefix)
        sys.exit(e.exit_code)
