"""The time budget of one document: a deadline that the slow stages check as they go.

``with time_budget(5.0): ...`` gives the document being read 5 seconds; the parser checks the
deadline before each sentence it parses (``check_budget``) and past it raises
:class:`~saidwhat.errors.TimeBudgetError`, which every batch turns into that document's ``timeout``
error while the batch goes on. Each check is cheap, and no step between two checks is long (the
tokenizer and parser work on bounded pieces: see ``parse.tokens``), so a document ends within a
fraction of a second of its budget. The deadline is per thread and per process (a context variable).
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Optional

from .errors import TimeBudgetError

# Seconds a document may take in a batch (extract --jsonl, ingest, run, the web paste) unless told
# otherwise. A news article takes well under a second; 13 s per MB of prose makes this about 400 KB.
DEFAULT_BUDGET = 5.0

_deadline: ContextVar[Optional[tuple[float, float]]] = ContextVar("saidwhat_deadline", default=None)


@contextmanager
def time_budget(seconds: Optional[float]) -> Iterator[None]:
    """A block with ``seconds`` to run (0 or less: no limit; ``None``: the enclosing block's budget)."""
    if seconds is None:
        yield
        return
    if seconds <= 0:
        token = _deadline.set(None)
    else:
        token = _deadline.set((time.monotonic() + seconds, seconds))
    try:
        yield
    finally:
        _deadline.reset(token)


def check_budget() -> None:
    """Raise :class:`TimeBudgetError` if the current block has run past its deadline."""
    current = _deadline.get()
    if current is not None and time.monotonic() > current[0]:
        raise TimeBudgetError(current[1])
