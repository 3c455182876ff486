"""JSON Lines: one article record per line, each line read, decoded and checked on its own."""

from __future__ import annotations

import json
import re
from typing import BinaryIO, Iterable, Iterator, Optional, Union

from .documents import Document, DocumentError, Item
from .limits import MAX_FILE_BYTES, MAX_JSON_DEPTH
from .text import has_escaped_surrogate, replace_surrogates

ARTICLE_FIELDS = ("id", "published", "title", "url", "source")
# Strings (skipped whole, escapes included) and brackets: what the depth of a JSON text depends on.
_TOKENS = re.compile(rb'"(?:[^"\\]|\\.)*"|[\[\]{}]')


def json_depth_exceeds(raw: bytes, limit: int = MAX_JSON_DEPTH) -> Optional[int]:
    """The byte offset where ``raw`` nests deeper than ``limit``, or None (one linear pass)."""
    if raw.count(b"[") + raw.count(b"{") <= limit:
        return None
    depth = 0
    for m in _TOKENS.finditer(raw):
        token = m.group()
        if token in (b"[", b"{"):
            depth += 1
            if depth > limit:
                return m.start()
        elif token in (b"]", b"}"):
            depth -= 1
    return None


def parse_line(raw: bytes, first: bool = False) -> Union[object, tuple[str, str]]:
    """The JSON value of one line, or ``(reason, message)`` when it cannot be one.

    Lone surrogates written as escapes are replaced (see :func:`replace_surrogates`).
    """
    if isinstance(raw, str):  # a text stream was passed: nothing to decode
        line = raw
        raw = line.encode("utf-8", "surrogatepass")
    else:
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as e:
            return ("not-utf8", f"the line is not valid UTF-8 (byte {e.start}: "
                                f"{raw[e.start:e.start + 1]!r}); save the input as UTF-8")
    if first:
        line = line.lstrip("\ufeff")
    deep = json_depth_exceeds(raw)
    if deep is not None:
        return ("too-deep", f"the JSON nests deeper than {MAX_JSON_DEPTH} levels (at byte {deep}); "
                            "expected one flat article object per line")
    try:
        value = json.loads(line)
    except (ValueError, RecursionError) as e:  # ValueError: JSONDecodeError, or an integer too long
        where = f" at column {e.colno}" if isinstance(e, json.JSONDecodeError) else ""
        return ("bad-json", f"not JSON ({getattr(e, 'msg', e)}{where}): {line.strip()[:40]!r}; "
                            "expected one object per line like {\"id\": \"a1\", \"text\": \"...\"}")
    if has_escaped_surrogate(raw):
        value = replace_surrogates(value)
    return value


def check_record(value: object) -> Optional[tuple[str, str]]:
    """Why a JSON value is not an article record (``(reason, message)``), or None if it is one."""
    if not isinstance(value, dict):
        return ("not-an-object", f"a JSON {type(value).__name__} is not an article; expected an "
                                 "object with \"id\" and \"text\"")
    text = value.get("text")
    if text is None:
        return ("missing-text", "no \"text\" field; expected {\"id\", \"text\", \"published\"?}")
    if not isinstance(text, str):
        return ("not-text", f"\"text\" is a {type(text).__name__}; expected the article text as a string")
    return None


def record_to_item(value: object, origin: str) -> Item:
    """A record ``{"id"?, "text", "published"?, "url"?, "title"?, "source"?}`` as a document."""
    problem = check_record(value)
    if problem is not None:
        return DocumentError(origin, *problem)
    assert isinstance(value, dict)
    text = value["text"]
    if not text.strip():
        return DocumentError(origin, "empty", "the document has no text")
    fields = {k: value.get(k) for k in ARTICLE_FIELDS}
    for k in ("id", "title", "url", "source"):
        if fields[k] is not None and not isinstance(fields[k], str):
            fields[k] = str(fields[k])
    return Document(origin=origin, text=text, record=value if "attributions" in value else None, **fields)


def lines_bounded(stream: Union[BinaryIO, Iterable[bytes]], limit: int = MAX_FILE_BYTES
                  ) -> Iterator[Optional[bytes]]:
    """The lines of a stream; None in place of a line longer than ``limit`` (never held whole)."""
    readline = getattr(stream, "readline", None)
    if readline is None:  # any iterable of lines
        for raw in stream:
            yield None if len(raw) > limit else raw
        return
    while True:
        raw = readline(limit + 1)
        if not raw:
            return
        if len(raw) > limit and not raw.endswith(b"\n"):
            while raw and not raw.endswith(b"\n"):  # skip the rest of the over-long line
                raw = readline(1 << 20)
            yield None
            continue
        yield raw


def read_jsonl(stream: Union[BinaryIO, Iterable[bytes]], name: str) -> Iterator[Item]:
    """One document per line (origin ``name:line``); blank lines are skipped, bad lines are errors."""
    for lineno, raw in enumerate(lines_bounded(stream), 1):
        origin = f"{name}:{lineno}"
        if raw is None:
            yield DocumentError(origin, "too-large", f"the line is longer than {MAX_FILE_BYTES} bytes, "
                                "the documented limit for one document")
            continue
        if not raw.strip():
            continue
        value = parse_line(raw, lineno == 1)
        if isinstance(value, tuple):
            yield DocumentError(origin, *value)
            continue
        yield record_to_item(value, origin)
