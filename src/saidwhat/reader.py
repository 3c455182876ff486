"""Reading input documents: JSON Lines batches and plain-text files, with a clear error per document.

Readers never raise for one bad line or file: they yield a :class:`~saidwhat.batch.DocumentError`
in its place, so :func:`saidwhat.batch.extract_many` keeps it in the output order and counts it.
"""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path
from typing import BinaryIO, Iterable, Iterator, Optional, Union

from .batch import DocumentError, InputDocument
from .errors import InputError

# A NUL byte does not occur in text; its presence means a binary file (an image, a PDF, a zip).
BINARY_MARKER = b"\x00"


def open_binary(path: Union[str, Path]) -> BinaryIO:
    """The byte stream of ``path``; ``-`` is standard input. Raises :class:`InputError` if unreadable."""
    if str(path) == "-":
        return sys.stdin.buffer
    try:
        return open(path, "rb")
    except FileNotFoundError:
        raise InputError("no such file; check the path", str(path), "missing-file") from None
    except IsADirectoryError:
        raise InputError("is a directory; expected a file", str(path), "not-a-file") from None
    except OSError as e:
        raise InputError(f"cannot be read ({e.strerror})", str(path), "unreadable") from None


def read_jsonl(lines: Iterable[bytes]) -> Iterator[Union[InputDocument, DocumentError]]:
    """One :class:`InputDocument` per non-blank line of a JSON Lines byte stream, or a DocumentError.

    Each line is decoded on its own, so one line of invalid UTF-8 costs only that line. A line must
    hold a JSON object; its fields are checked later, by the extraction (missing ``text``, a text that
    is not a string, a bad ``published``).
    """
    for number, raw in enumerate(lines, 1):
        if isinstance(raw, str):  # a text stream was passed: nothing to decode
            line = raw
        else:
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as e:
                yield DocumentError(None, "invalid-utf8",
                                    f"line is not valid UTF-8 (byte {e.start}: "
                                    f"{raw[e.start:e.start + 1]!r}); save the input as UTF-8",
                                    number)
                continue
        if number == 1:
            line = line.lstrip("\ufeff")
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except (json.JSONDecodeError, RecursionError) as e:
            snippet = line.strip()[:40]
            yield DocumentError(None, "not-json",
                                f"line is not JSON ({getattr(e, 'msg', e)}): {snippet!r}; expected "
                                f"one object per line like {{\"id\": \"a1\", \"text\": \"...\"}}",
                                number)
            continue
        if not isinstance(record, dict):
            yield DocumentError(None, "not-an-object",
                                f"line holds a JSON {type(record).__name__}; expected an object "
                                f"with \"id\" and \"text\"", number)
            continue
        yield InputDocument(record, number)


def read_jsonl_file(path: Union[str, Path]) -> Iterator[Union[InputDocument, DocumentError]]:
    """:func:`read_jsonl` over a file (``-`` is standard input); raises InputError if it cannot be opened."""
    stream = open_binary(path)
    try:
        yield from read_jsonl(stream)
    finally:
        if stream is not sys.stdin.buffer:
            stream.close()


def decode_text(data: bytes, name: str) -> str:
    """The text of a file's bytes: UTF-8 (a leading byte-order mark dropped), never binary."""
    if BINARY_MARKER in data:
        raise InputError(f"looks binary (NUL byte at offset {data.index(BINARY_MARKER)}); "
                         f"expected a UTF-8 text file", name, "binary")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise InputError(f"is not valid UTF-8 (byte {e.start}: {data[e.start:e.start + 1]!r}); "
                         f"convert it, e.g. iconv -f latin1 -t utf-8", name, "invalid-utf8") from None


def read_text_file(path: Union[str, Path]) -> str:
    """The text of one article file (``-`` is standard input); raises :class:`InputError`."""
    stream = open_binary(path)
    try:
        data = stream.read()
    except OSError as e:
        raise InputError(f"cannot be read ({e.strerror})", str(path), "unreadable") from None
    finally:
        if stream is not sys.stdin.buffer:
            stream.close()
    return decode_text(data, str(path))


def read_text_files(paths: Iterable[Union[str, Path]], published: Union[str, date, None] = None
                    ) -> Iterator[Union[InputDocument, DocumentError]]:
    """One input record per file (id = the path as given), or a DocumentError naming the file.

    ``published`` overrides any dateline for every file.
    """
    for index, path in enumerate(paths):
        name = str(path)
        try:
            text = read_text_file(path)
        except InputError as e:
            yield DocumentError(name, e.reason, _strip_name(str(e), name), None, index)
            continue
        record: dict[str, Optional[object]] = {"id": name, "text": text}
        if published is not None:
            record["published"] = published
        yield InputDocument(record)


def _strip_name(message: str, name: str) -> str:
    return message[len(name) + 2:] if message.startswith(name + ": ") else message
