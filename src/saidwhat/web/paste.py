"""The paste page's extraction, in a worker process of its own, so the server never parses.

Parsing is CPU work under one lock (the GIL): run in the server's process, a long paste froze every
search for as long as it took (a search sent during a 38 s paste took 34 s). Here each paste goes to
one spawned process that loads spaCy once, with the document time budget
(``saidwhat.budget``); the server only waits on a socket. At most ``MAX_WAITING`` pastes are in flight
or queued; one more is told to try again (503) rather than queued without bound. A worker that does
not answer within its budget and ``HARD_GRACE`` seconds is killed and replaced.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import threading
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool
from typing import Any, Optional

from ..batch import stop_pool
from ..budget import DEFAULT_BUDGET
from ..errors import InputError, SaidwhatError, TimeBudgetError
from ..model import Extraction

MAX_WAITING = 4
# Seconds past the budget before a worker is deemed stuck; a cold start (spawning, loading spaCy)
# gets START_GRACE instead.
HARD_GRACE = 10.0
START_GRACE = 120.0


class PasteBusy(SaidwhatError):
    """Too many pastes are being read already: try again in a few seconds (HTTP 503)."""


def _warm() -> None:
    from .. import extract

    extract("“Warm-up,” he said.")


def _extract_here(text: str, published: Optional[str], title: Optional[str], budget: float) -> Any:
    """In the worker: the extraction, or ``(reason, message)`` for a bad or over-budget document.

    Errors come back as values: an InputError does not survive pickling with its reason.
    """
    from .. import extract

    try:
        return extract(text, published, title=title, budget=budget)
    except InputError as exc:
        return (exc.reason, str(exc))


class PasteWorker:
    """``saidwhat.extract(text, published, title=...)`` run in a worker process, with a budget."""

    # The process is the serialisation: callers need no lock of their own (see views.paste).
    lock = contextlib.nullcontext()

    def __init__(self, budget: float = DEFAULT_BUDGET, waiting: int = MAX_WAITING):
        self.budget = budget
        self._slots = threading.BoundedSemaphore(waiting)
        self._guard = threading.Lock()
        self._turn = threading.Lock()  # one paste in the worker at a time: each wait is its own
        self._pool: Optional[ProcessPoolExecutor] = None
        self._warmed = False

    def start(self, wait: bool = False) -> None:
        """Spawn the worker and load spaCy in it now (else on the first paste); ``wait``: until loaded."""
        with self._guard:
            if self._pool is None:
                self._pool = ProcessPoolExecutor(
                    max_workers=1, mp_context=multiprocessing.get_context("spawn"), initializer=_warm)
                self._warmed = False
            pool = self._pool
        if wait:
            pool.submit(int).result(timeout=START_GRACE)
            with self._guard:
                self._warmed = True

    def close(self) -> None:
        with self._guard:
            self._stop(kill=True)

    def _stop(self, kill: bool) -> None:
        if self._pool is not None:
            stop_pool(self._pool, kill)
            self._pool = None

    def __call__(self, text: str, published: Optional[str] = None, *, title: Optional[str] = None,
                 **_: Any) -> Extraction:
        if not self._slots.acquire(blocking=False):
            raise PasteBusy(f"{MAX_WAITING} pastes are being read already; try again in a few seconds")
        try:
            with self._turn:
                return self._run(text, published, title)
        finally:
            self._slots.release()

    def _run(self, text: str, published: Optional[str], title: Optional[str]) -> Extraction:
        self.start()
        with self._guard:
            pool, warmed = self._pool, self._warmed
        limit = self.budget + (HARD_GRACE if warmed else START_GRACE) if self.budget else None
        try:
            result = pool.submit(_extract_here, text, published, title, self.budget).result(timeout=limit)
        except FutureTimeout:
            with self._guard:
                if self._pool is pool:
                    self._stop(kill=True)
            raise TimeBudgetError(self.budget) from None
        except BrokenProcessPool:
            with self._guard:
                if self._pool is pool:
                    self._stop(kill=False)
            raise SaidwhatError("the extraction worker died on this text (out of memory?); "
                                "try a shorter text") from None
        with self._guard:
            self._warmed = True
        if isinstance(result, tuple):
            reason, message = result
            if reason == "timeout":
                raise TimeBudgetError(self.budget)
            raise InputError(message, None, reason)
        return result
