"""The time budget of one document: a deadline that every long stage checks as it goes.

``with time_budget(5.0): ...`` gives the document being read 5 seconds. The stages call
``check_budget`` between steps: before each batch of units parsed and each parsed unit, every few
thousand marks, paragraphs or units in the stages before and after parsing, between the stages.
A check stops the document (:class:`~saidwhat.errors.TimeBudgetError`, which every batch turns into
that document's ``timeout`` error while the batch goes on) as soon as the longest step the document
has taken so far, taken once more, would end past the deadline. A document is therefore stopped
*before* its budget runs out rather than one step after, and a document that finishes or is stopped
stays within its budget as long as no step is longer than the longest before it. Steps are bounded:
the tokenizer and parser work on pieces of bounded length (``parse.tokens``), the other stages are
linear and checked every few thousand items, so a step is a few tenths of a second at most.
Checks are cheap (a clock read). The deadline is per thread and per process (a context variable).
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
# Items (marks, paragraphs, units, words) a linear stage handles between two checks.
CHECK_EVERY = 2048


class _Clock:
    """The deadline of one block and the longest step between two of its checks so far."""

    __slots__ = ("seconds", "deadline", "last", "longest")

    def __init__(self, seconds: float):
        self.seconds = seconds
        self.last = time.monotonic()
        self.deadline = self.last + seconds
        self.longest = 0.0


_clock: ContextVar[Optional[_Clock]] = ContextVar("saidwhat_budget", default=None)


@contextmanager
def time_budget(seconds: Optional[float]) -> Iterator[None]:
    """A block with ``seconds`` to run (0 or less: no limit; ``None``: the enclosing block's budget)."""
    if seconds is None:
        yield
        return
    token = _clock.set(_Clock(seconds) if seconds > 0 else None)
    try:
        yield
    finally:
        _clock.reset(token)


def check_budget() -> None:
    """Raise :class:`TimeBudgetError` if one more step as long as the longest so far would end
    past the current block's deadline."""
    clock = _clock.get()
    if clock is None:
        return
    now = time.monotonic()
    step = now - clock.last
    clock.last = now
    if step > clock.longest:
        clock.longest = step
    if now + clock.longest > clock.deadline:
        raise TimeBudgetError(clock.seconds)


def checked(items, every: int = CHECK_EVERY):
    """The items, with the budget checked before the first and then every ``every`` of them."""
    for i, item in enumerate(items):
        if i % every == 0:
            check_budget()
        yield item
