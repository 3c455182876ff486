"""Paths to documents: files, folders (recursively), ``-`` for stdin; each input kind to its reader.

``Inputs`` walks the paths given and knows how far through the input bytes it is, for progress and
ETA. A path it cannot read (missing, a dangling symbolic link, a link loop, a folder it may not
enter, a file past the size limit) is a :class:`DocumentError` of its own; the rest goes on.
"""

from __future__ import annotations

import errno
import gzip
import io
import os
import sys
from pathlib import Path
from typing import BinaryIO, Iterator, Optional, Sequence

from ..errors import InputError
from .documents import Document, DocumentError, Item
from .html import decode_html, looks_like_html, read_html
from .jsonl import read_jsonl
from .language import language_message, not_english
from .limits import MAX_FILE_BYTES
from .text import decode_text

SUFFIXES = (".txt", ".html", ".htm", ".jsonl", ".jsonl.gz", ".ndjson", ".warc", ".warc.gz", ".parquet")
STDIN = "-"


def kind_of(name: str) -> Optional[str]:
    """The reader for a file name (txt, html, jsonl, warc, a ``saidwhat run`` shard), or None."""
    lower = name.lower()
    for suffix, kind in ((".jsonl.gz", "jsonl"), (".warc.gz", "warc"), (".jsonl", "jsonl"),
                         (".ndjson", "jsonl"), (".warc", "warc"), (".html", "html"), (".htm", "html"),
                         (".txt", "txt"), (".parquet", "shard")):
        if lower.endswith(suffix):
            return kind
    return None


def english_only(item: Item) -> Item:
    """The document, or why it is not stored: ``empty``, or ``not-english`` naming its language."""
    if isinstance(item, Document) and not item.text.strip():
        return DocumentError(item.origin, "empty", "the document has no text")
    return in_english(item)


def in_english(item: Item) -> Item:
    """The document, or a ``not-english`` error naming its language (pre-extracted records pass)."""
    if isinstance(item, Document) and item.record is None:
        language = not_english(item.text)
        if language is not None:
            return DocumentError(item.origin, "not-english", language_message(language))
    return item


def read_article(data: bytes, origin: str, doc_id: Optional[str] = None, html: Optional[bool] = None
                 ) -> Item:
    """One article file's bytes: HTML (``html`` True, or None and the content is markup) or plain text.

    Plain text keeps every character (its first line may be a dateline); HTML gives the page's main
    text and metadata.
    """
    if len(data) > MAX_FILE_BYTES:
        return _too_large(origin, len(data))
    if html:
        return read_html(decode_html(data), origin)
    try:
        text = decode_text(data, origin)
    except InputError as exc:
        return DocumentError(origin, exc.reason, _without_name(str(exc), origin))
    if html is None and looks_like_html(text):
        return read_html(text, origin)
    return Document(origin=origin, text=text, id=doc_id)


def _too_large(origin: str, size: int) -> DocumentError:
    return DocumentError(origin, "too-large", f"the file is {size:,} bytes; the documented limit for "
                         f"one document is {MAX_FILE_BYTES:,}")


def _without_name(message: str, name: str) -> str:
    return message[len(name) + 2:] if message.startswith(name + ": ") else message


def open_error(path: str, exc: OSError) -> DocumentError:
    """The error for a path that cannot be opened, by what is wrong with it."""
    if os.path.islink(path) and exc.errno == errno.ENOENT:
        return DocumentError(path, "broken-link", f"a symbolic link to {os.readlink(path)!r}, which "
                             "does not exist; fix or remove the link")
    if exc.errno == errno.ELOOP:
        return DocumentError(path, "link-loop", "a symbolic link that leads back to itself; remove it")
    if exc.errno == errno.ENOENT:
        return DocumentError(path, "not-found", "no such file or folder; check the path")
    if exc.errno == errno.EISDIR:
        return DocumentError(path, "not-a-file", "is a directory; expected a file")
    return DocumentError(path, "unreadable", f"cannot open ({exc.strerror}); check permissions")


def read_file(path: str) -> Item:
    """One article file as a document (id = the path as given), HTML by extension or content."""
    if path == STDIN:
        data = sys.stdin.buffer.read(MAX_FILE_BYTES + 1)
    else:
        try:
            size = os.stat(path).st_size
            if size > MAX_FILE_BYTES:
                return _too_large(path, size)
            with open(path, "rb") as f:
                data = f.read()
        except OSError as exc:
            return open_error(path, exc)
    item = in_english(read_article(data, path, path, html=True if kind_of(path) == "html" else None))
    if isinstance(item, Document):
        return Document(origin=item.origin, text=item.text, id=path, published=item.published,
                        title=item.title, url=item.url, source=item.source)
    return item


class Inputs:
    """The documents in a list of paths (files, folders, ``-`` for stdin), with progress by bytes."""

    def __init__(self, paths: Sequence[str], stdin: Optional[BinaryIO] = None):
        self.stdin = stdin
        self.errors: list[DocumentError] = []
        self.skipped_files = 0
        self.files: list[str] = []
        self._sizes: dict[str, int] = {}
        for p in paths:
            self._expand(str(p))
        self.total_bytes = sum(self._sizes.values())
        self._done = 0
        self._current: Optional[BinaryIO] = None

    def _add(self, path: str) -> None:
        try:
            self._sizes[path] = os.stat(path).st_size
        except OSError as exc:
            self.errors.append(open_error(path, exc))
            return
        self.files.append(path)

    def _expand(self, path: str) -> None:
        if path == STDIN:
            self.files.append(STDIN)
        elif os.path.isdir(path):
            def unreadable(exc: OSError) -> None:
                self.errors.append(open_error(exc.filename or path, exc))

            for root, dirs, names in os.walk(path, onerror=unreadable):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for n in sorted(names):
                    if n.startswith("."):
                        continue
                    if kind_of(n) is None:
                        self.skipped_files += 1
                    else:
                        self._add(os.path.join(root, n))
        elif not os.path.lexists(path):
            self.errors.append(DocumentError(path, "not-found", "no such file or folder; check the path"))
        elif kind_of(path) is None:
            self.errors.append(DocumentError(
                path, "unsupported-format", f"cannot read this kind of file; expected one of {', '.join(SUFFIXES)}"))
        else:
            self._add(path)

    @property
    def position(self) -> int:
        """Input bytes read so far (compressed bytes for .gz files)."""
        try:
            here = self._current.tell() if self._current is not None else 0
        except (OSError, ValueError):
            here = 0
        return self._done + here

    def __iter__(self) -> Iterator[Item]:
        yield from self.errors
        for path in self.files:
            if path == STDIN:
                yield from self._read_stdin()
                continue
            try:
                raw = open(path, "rb")
            except OSError as exc:
                yield open_error(path, exc)
                continue
            with raw:
                self._current = raw
                yield from _guarded(self._read_file(path, raw), path)
                self._current = None
            self._done += self._sizes.get(path, 0)

    def _read_file(self, path: str, raw: BinaryIO) -> Iterator[Item]:
        kind = kind_of(path)
        if kind in ("txt", "html"):
            size = self._sizes.get(path, 0)
            if size > MAX_FILE_BYTES:
                yield _too_large(path, size)
                return
            yield english_only(read_article(raw.read(), path, Path(path).stem if kind == "txt" else None,
                                            html=True if kind == "html" else None))
        elif kind == "jsonl":
            stream = gzip.GzipFile(fileobj=raw) if path.lower().endswith(".gz") else raw
            yield from _jsonl_items(stream, path)
        elif kind == "shard":
            from .parquet import read_shard

            yield from read_shard(raw, path)
        else:
            from .warc import read_warc

            yield from read_warc(raw, path)

    def _read_stdin(self) -> Iterator[Item]:
        stream = self.stdin if self.stdin is not None else sys.stdin.buffer
        data = stream.read()
        if isinstance(data, str):
            data = data.encode("utf-8")
        if data.lstrip()[:1] == b"{":
            yield from _jsonl_items(io.BytesIO(data), STDIN)
        else:
            yield english_only(read_article(data, STDIN))


def _guarded(items: Iterator[Item], path: str) -> Iterator[Item]:
    """The items of one file; a reader failing in a way no rule foresaw ends that file with an error.

    The documents read before stay read, and the rest of the batch goes on.
    """
    try:
        yield from items
    except (InputError, OSError, ValueError, LookupError, RuntimeError, MemoryError,
            AttributeError, TypeError) as exc:
        yield DocumentError(path, "unreadable", f"reading stopped ({type(exc).__name__}: {exc}); "
                            "the documents before were read; please report this file")


def _jsonl_items(stream: BinaryIO, name: str) -> Iterator[Item]:
    """:func:`read_jsonl` with a cut-short gzip file as an error after the lines read before it."""
    import zlib

    last = 0
    try:
        for item in read_jsonl(stream, name):
            last += 1
            yield english_only(item)
    except (OSError, EOFError, zlib.error) as exc:
        yield DocumentError(f"{name}:{last + 1}", "bad-gzip",
                            f"the file is cut short or not gzip ({exc}); the lines before were read")


def open_binary(path: str) -> BinaryIO:
    """The byte stream of ``path``; ``-`` is standard input. Raises :class:`InputError` if unreadable."""
    if str(path) == STDIN:
        return sys.stdin.buffer
    try:
        return open(path, "rb")
    except OSError as exc:
        error = open_error(str(path), exc)
        raise InputError(error.message, str(path), error.reason) from None
