"""Results for Python callers: the store's ISO date strings as ``datetime.date``.

The store, the CLI's JSON and the web keep dates as ISO text; :class:`~saidwhat.store.corpus.Corpus`
hands Python callers ``datetime.date`` values (``to_dict()`` turns them back into ISO text). A value
the store holds that is no full date stays as it is.
"""

from __future__ import annotations

from dataclasses import fields, is_dataclass, replace
from datetime import date
from typing import Any, TypeVar

T = TypeVar("T")
DATE_FIELDS = frozenset({"date", "first_seen", "last_seen", "first_date", "last_date", "published"})


def as_date(value: Any) -> Any:
    """``value`` as a ``datetime.date`` when it is an ISO date string, else unchanged."""
    if isinstance(value, str) and len(value) == 10:
        try:
            return date.fromisoformat(value)
        except ValueError:
            return value
    return value


def dated(result: T) -> T:
    """The result (a results dataclass) with its date fields, and those of the records inside, as dates."""
    if not is_dataclass(result):
        return result
    changes: dict[str, Any] = {}
    for f in fields(result):
        value = getattr(result, f.name)
        if f.name in DATE_FIELDS:
            new = as_date(value)
        elif isinstance(value, tuple) and value and is_dataclass(value[0]):
            new = tuple(dated(v) for v in value)
        else:
            continue
        if new is not value:
            changes[f.name] = new
    return replace(result, **changes) if changes else result


def iso_dates(value: Any) -> Any:
    """A ``to_dict()`` value with every ``datetime.date`` inside as ISO text (JSON has no dates)."""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: iso_dates(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [iso_dates(v) for v in value]
    return value
