"""The ``saidwhat`` command: a click group; each command group lives in its own module here.

Exit codes: 0 success; 1 finished but some documents or files were skipped (each named on stderr,
counted in the summary); 2 bad usage or unreadable input (a bad option value, a missing --jsonl
file); 3 no English spaCy pipeline installed; 130 interrupted.
"""

from __future__ import annotations

import click

from .. import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="saidwhat")
def main() -> None:
    """Who said what, when, and according to whom, in news articles."""


# Each line below registers one command module's commands on ``main``.
from . import extract  # noqa: E402,F401  saidwhat extract
from . import evaluate  # noqa: E402,F401  saidwhat eval, saidwhat eval-time
from . import corpus  # noqa: E402,F401  saidwhat ingest, errors, quotes, speakers, show, stats, export
from . import serve  # noqa: E402,F401  saidwhat serve
from . import edits  # noqa: E402,F401  saidwhat edits
from . import run  # noqa: E402,F401  saidwhat run (Dask)
from . import rules  # noqa: E402,F401  saidwhat rules
