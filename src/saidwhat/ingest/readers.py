"""Readers for every input kind: .txt, .html/.htm, .jsonl(.gz), .warc(.gz), folders and stdin.

Each reader yields documents, or a :class:`DocumentError` for a document (or a whole file) it cannot
read, and then goes on: one bad document never stops a batch. ``Inputs`` walks the paths given and
knows how far through the input bytes it is, for progress and ETA.
"""

from __future__ import annotations

import gzip
import json
import os
import sys
import zlib
from pathlib import Path
from typing import BinaryIO, Iterator, Optional, Sequence

from .documents import Document, DocumentError, Item
from .html import decode_html, read_html

SUFFIXES = (".txt", ".html", ".htm", ".jsonl", ".jsonl.gz", ".ndjson", ".warc", ".warc.gz", ".parquet")
STDIN = "-"
ARTICLE_FIELDS = ("id", "published", "title", "url", "source")


def kind_of(name: str) -> Optional[str]:
    """The reader for a file name (txt, html, jsonl, warc, a ``saidwhat run`` shard), or None."""
    lower = name.lower()
    for suffix, kind in ((".jsonl.gz", "jsonl"), (".warc.gz", "warc"), (".jsonl", "jsonl"),
                         (".ndjson", "jsonl"), (".warc", "warc"), (".html", "html"), (".htm", "html"),
                         (".txt", "txt"), (".parquet", "shard")):
        if lower.endswith(suffix):
            return kind
    return None


def _decode(data: bytes) -> Optional[str]:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None


def read_txt(data: bytes, origin: str, doc_id: Optional[str] = None) -> Item:
    """One plain-text article (its first line may be a dateline, which gives the publication date)."""
    text = _decode(data)
    if text is None:
        return DocumentError(origin, "not-utf8", "the file is not UTF-8 text; convert it (iconv -t UTF-8)")
    if not text.strip():
        return DocumentError(origin, "empty", "the document has no text")
    return Document(origin=origin, text=text, id=doc_id)


def record_to_item(value: object, origin: str) -> Item:
    """A JSON Lines record ``{"id"?, "text", "published"?, "url"?, "title"?, "source"?}`` as a document."""
    if not isinstance(value, dict):
        return DocumentError(origin, "bad-record",
                             f"a JSON {type(value).__name__} is not an article; expected an object with 'text'")
    text = value.get("text")
    if not isinstance(text, str):
        what = "missing" if text is None else f"a {type(text).__name__}"
        return DocumentError(origin, "bad-record", f"'text' is {what}; expected the article text as a string")
    if not text.strip():
        return DocumentError(origin, "empty", "the document has no text")
    fields = {k: value.get(k) for k in ARTICLE_FIELDS}
    for k in ("id", "title", "url", "source"):
        if fields[k] is not None and not isinstance(fields[k], str):
            fields[k] = str(fields[k])
    return Document(origin=origin, text=text, record=value if "attributions" in value else None, **fields)


def read_jsonl(stream: BinaryIO, name: str) -> Iterator[Item]:
    """One document per line; blank lines are skipped, bad lines become errors naming the line."""
    lineno = 0
    try:
        for lineno, raw in enumerate(stream, 1):
            if not raw.strip():
                continue
            origin = f"{name}:{lineno}"
            try:
                value = json.loads(raw.decode("utf-8-sig"))
            except UnicodeDecodeError:
                yield DocumentError(origin, "not-utf8", "the line is not UTF-8")
                continue
            except json.JSONDecodeError as exc:
                yield DocumentError(origin, "bad-json", f"not JSON ({exc.msg} at column {exc.colno}); "
                                    "expected one JSON object per line")
                continue
            yield record_to_item(value, origin)
    except (OSError, EOFError, zlib.error) as exc:
        yield DocumentError(f"{name}:{lineno + 1}", "bad-gzip",
                            f"the file is cut short or not gzip ({exc}); the lines before were read")


def read_warc(stream: BinaryIO, name: str) -> Iterator[Item]:
    """Every HTML response in a web archive; other records (images, requests, metadata) are passed by."""
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    n = 0
    try:
        for record in ArchiveIterator(stream, record_types=WarcRecordType.response, parse_http=True):
            n += 1
            ctype = (record.http_content_type or "").lower()
            if "html" not in ctype:
                continue
            url = record.headers.get("WARC-Target-URI")
            origin = f"{name}#{n}"
            try:
                body = record.reader.read()
            except Exception as exc:  # a truncated record body
                yield DocumentError(origin, "bad-warc", f"cannot read the record body ({exc})")
                continue
            yield read_html(decode_html(body, record.http_charset), origin, url=url)
    except Exception as exc:  # fastwarc raises OSError and others for a broken archive
        yield DocumentError(f"{name}#{n + 1}", "bad-warc",
                            f"not a readable WARC file after record {n} ({exc}); expected WARC/1.0 or 1.1")


class Inputs:
    """The documents in a list of paths (files, folders, ``-`` for stdin), with progress by bytes."""

    def __init__(self, paths: Sequence[str], stdin: Optional[BinaryIO] = None):
        self.stdin = stdin
        self.errors: list[DocumentError] = []
        self.skipped_files = 0
        self.files: list[str] = []
        for p in paths:
            self._expand(str(p))
        self.total_bytes = sum(os.path.getsize(f) for f in self.files if f != STDIN)
        self._done = 0
        self._current: Optional[BinaryIO] = None

    def _expand(self, path: str) -> None:
        if path == STDIN:
            self.files.append(STDIN)
        elif os.path.isdir(path):
            for root, dirs, names in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for n in sorted(names):
                    if n.startswith("."):
                        continue
                    if kind_of(n) is None:
                        self.skipped_files += 1
                    else:
                        self.files.append(os.path.join(root, n))
        elif not os.path.exists(path):
            self.errors.append(DocumentError(path, "not-found", "no such file or folder; check the path"))
        elif kind_of(path) is None:
            self.errors.append(DocumentError(
                path, "unsupported-format", f"cannot read this kind of file; expected one of {', '.join(SUFFIXES)}"))
        else:
            self.files.append(path)

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
                yield DocumentError(path, "unreadable", f"cannot open ({exc.strerror}); check permissions")
                continue
            with raw:
                self._current = raw
                yield from self._read_file(path, raw)
                self._current = None
            self._done += os.path.getsize(path)

    def _read_file(self, path: str, raw: BinaryIO) -> Iterator[Item]:
        kind = kind_of(path)
        if kind == "txt":
            yield read_txt(raw.read(), path, Path(path).stem)
        elif kind == "html":
            data = raw.read()
            yield read_html(decode_html(data), path)
        elif kind == "jsonl":
            stream = gzip.GzipFile(fileobj=raw) if path.lower().endswith(".gz") else raw
            yield from read_jsonl(stream, path)
        elif kind == "shard":
            # A Parquet shard of ``saidwhat run``: extractions made on a cluster, stored as they are.
            from ..cluster.shards import read_shard

            yield from read_shard(raw, path)
        else:
            yield from read_warc(raw, path)

    def _read_stdin(self) -> Iterator[Item]:
        stream = self.stdin if self.stdin is not None else sys.stdin.buffer
        data = stream.read()
        if isinstance(data, str):
            data = data.encode("utf-8")
        head = data.lstrip()[:1]
        if head == b"{":
            import io

            yield from read_jsonl(io.BytesIO(data), STDIN)
        elif head == b"<":
            yield read_html(decode_html(data), STDIN)
        else:
            yield read_txt(data, STDIN)
