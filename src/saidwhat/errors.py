"""Typed errors raised by the library; the CLI and the web turn them into messages and exit codes.

A message names the bad value, what was expected and what to do.
"""

from __future__ import annotations

from typing import Optional


class SaidwhatError(Exception):
    """Base of every error saidwhat raises on purpose."""

    exit_code = 1


class InputError(SaidwhatError):
    """A document (or a line of a batch) cannot be read: it names the document and the problem."""

    exit_code = 2

    def __init__(self, message: str, document: Optional[str] = None, reason: str = "bad-input"):
        self.document = document
        self.reason = reason
        super().__init__(f"{document}: {message}" if document else message)


class PublishedDateError(InputError):
    """A publication date that is not an ISO date (YYYY-MM-DD)."""

    def __init__(self, value: object, document: Optional[str] = None):
        super().__init__(
            f"published date {value!r} is not a date; expected YYYY-MM-DD, e.g. 2019-04-08",
            document, reason="bad-published-date")


class ModelNotFoundError(SaidwhatError):
    """No English spaCy pipeline is installed."""

    exit_code = 3


class TimeBudgetError(InputError):
    """A document took longer than its time budget; batches record it as a ``timeout`` error."""

    def __init__(self, seconds: float, document: Optional[str] = None):
        self.seconds = seconds
        super().__init__(
            f"extraction would have run past its time budget of {seconds:g} s and was stopped; "
            f"raise the budget (--budget) to read this document", document, reason="timeout")
