"""Split inputs into partitions that workers read on their own: the unit of work and of output.

A partition is a run of lines of a JSON Lines file, one web archive, or a group of text/HTML files.
Planning is deterministic: the same inputs and partition size give the same partitions with the same
names, so a rerun finds the shards it already wrote and a retried task rewrites the same shard.
Workers open the files themselves (by absolute path), so they must see the same file system.
"""

from __future__ import annotations

import dataclasses
import glob
import gzip
import hashlib
import json
import os
from dataclasses import dataclass
from typing import BinaryIO, Iterator, Optional, Sequence

from ..read.documents import DocumentError, Item, renamed
from ..read.inputs import STDIN, Inputs, english_only, kind_of
from ..read.jsonl import read_jsonl
from ..read.warc import read_warc

DEFAULT_SIZE = 500
# Bytes read at a time while counting lines; large enough that planning runs at disk speed.
SCAN_CHUNK = 1 << 20


@dataclass(frozen=True)
class Partition:
    """One unit of work: which documents it reads, and the name of the shard it writes.

    ``kind`` is ``jsonl`` (``lines`` lines of ``path`` from byte ``offset``, the first being line
    ``first_line``; the offset is in decompressed bytes for .gz), ``warc`` (every record of ``path``),
    ``files`` (the text/HTML ``files``) or ``errors`` (inputs that could not be read at all).
    ``name`` is the display path as given, used in each document's origin.
    """

    index: int
    kind: str
    path: Optional[str] = None
    name: Optional[str] = None
    first_line: int = 1
    lines: int = 0
    offset: int = 0
    files: tuple[tuple[str, str], ...] = ()  # (absolute path, name as given)
    errors: tuple[tuple[str, str, str], ...] = ()  # (origin, reason, message)
    size: int = 0  # bytes of the input file(s), part of the shard name: a changed file is new work

    @property
    def shard(self) -> str:
        """The shard's name: position in the plan plus a digest of what the partition reads."""
        spec = dataclasses.asdict(self)
        spec.pop("path")  # where the file sits may differ between machines; what it is may not
        spec["files"] = [name for _, name in self.files]
        digest = hashlib.sha1(json.dumps(spec, sort_keys=True).encode("utf-8")).hexdigest()[:10]
        return f"part-{self.index:05d}-{digest}"

    def to_dict(self) -> dict:
        return {"shard": self.shard, **dataclasses.asdict(self)}


@dataclass(frozen=True)
class Plan:
    """The partitions of a set of inputs, and how many files in folders were of no input kind."""

    partitions: tuple[Partition, ...]
    skipped_files: int = 0


def plan(paths: Sequence[str], size: int = DEFAULT_SIZE) -> Plan:
    """Partitions of at most ``size`` documents (lines, files) for the inputs: files, folders, globs.

    Inputs that cannot be read at all (no such path, a glob matching nothing, an unsupported kind,
    stdin) become one ``errors`` partition, so they are recorded in the output like bad documents.
    """
    if size < 1:
        raise ValueError(f"partition size is {size}; expected 1 or more")
    expanded: list[str] = []
    errors: list[tuple[str, str, str]] = []
    for p in paths:
        p = str(p)
        if p == STDIN:
            errors.append((p, "unsupported-format",
                           "standard input cannot be shared with workers; save it to a file and give its path"))
        elif not os.path.exists(p) and glob.has_magic(p):
            matches = sorted(glob.glob(p, recursive=True))
            if not matches:
                errors.append((p, "not-found", "no file matches this pattern; check the pattern"))
            expanded.extend(matches)
        else:
            expanded.append(p)
    inputs = Inputs(expanded)
    errors.extend((e.origin, e.reason, e.message) for e in inputs.errors)
    parts: list[Partition] = []
    group: list[tuple[str, str]] = []

    def close_group() -> None:
        if group:
            parts.append(Partition(len(parts), "files", files=tuple(group),
                                   size=sum(os.path.getsize(a) for a, _ in group)))
            group.clear()

    for name in inputs.files:
        path, kind = os.path.abspath(name), kind_of(name)
        if kind in ("txt", "html"):
            group.append((path, name))
            if len(group) >= size:
                close_group()
            continue
        close_group()
        file_size = os.path.getsize(path)
        if kind == "warc":
            parts.append(Partition(len(parts), "warc", path, name, size=file_size))
            continue
        for first_line, offset in _line_starts(path, size):
            parts.append(Partition(len(parts), "jsonl", path, name, first_line=first_line, lines=size,
                                   offset=offset, size=file_size))
    close_group()
    if errors:
        parts.append(Partition(len(parts), "errors", errors=tuple(errors)))
    return Plan(tuple(parts), inputs.skipped_files)


def _open(path: str) -> BinaryIO:
    raw = open(path, "rb")
    return gzip.GzipFile(fileobj=raw) if path.lower().endswith(".gz") else raw  # type: ignore[return-value]


def _line_starts(path: str, every: int) -> Iterator[tuple[int, int]]:
    """(line number, byte offset) of lines 1, 1+every, 1+2*every ... that exist in the file."""
    line, pos, need = 1, 0, 0  # need: newlines to pass before the next partition starts
    pending = True  # a partition starts at ``pos`` once a byte is seen there
    try:
        with _open(path) as stream:
            while True:
                chunk = stream.read(SCAN_CHUNK)
                if not chunk:
                    return
                at = 0
                while True:
                    if pending:
                        yield line, pos + at
                        pending, need = False, every
                    n = chunk.count(b"\n", at)
                    if n < need:
                        need -= n
                        break
                    for _ in range(need):
                        at = chunk.index(b"\n", at) + 1
                    line += every
                    pending = True
                    if at >= len(chunk):
                        break
                pos += len(chunk)
    except (OSError, EOFError):  # a cut-short .gz: its last partition meets and reports the error
        return


def read_partition(part: Partition) -> Iterator[Item]:
    """Every document of one partition, or the DocumentError in its place, in input order."""
    if part.kind == "jsonl":
        yield from _read_lines(part)
    elif part.kind == "warc":
        try:
            stream = open(part.path, "rb")
        except OSError as exc:
            yield DocumentError(part.name, "unreadable", f"cannot open ({exc.strerror}); check permissions")
            return
        with stream:
            yield from read_warc(stream, part.name)
    elif part.kind == "files":
        names = dict(part.files)
        for item in Inputs([path for path, _ in part.files]):
            yield renamed(item, names.get(item.origin, item.origin))
    elif part.kind == "errors":
        for origin, reason, message in part.errors:
            yield DocumentError(origin, reason, message)
    else:
        raise ValueError(f"partition kind {part.kind!r}; expected jsonl, warc, files or errors")


def _read_lines(part: Partition) -> Iterator[Item]:
    first = f"{part.name}:{part.first_line}"
    try:
        stream = _open(part.path)
    except OSError as exc:
        yield DocumentError(first, "unreadable", f"cannot open ({exc.strerror}); check permissions")
        return
    with stream:
        try:
            stream.seek(part.offset)
        except (OSError, EOFError) as exc:
            yield DocumentError(first, "bad-gzip", f"the file is cut short or not gzip ({exc})")
            return

        def lines() -> Iterator[bytes]:
            for _ in range(part.lines):
                line = stream.readline()
                if not line:
                    return
                yield line

        # read_jsonl numbers lines from 1 under the name "": put back the file's name and line.
        for item in read_jsonl(lines(), ""):  # type: ignore[arg-type]
            number = int(item.origin.rsplit(":", 1)[1]) + part.first_line - 1
            yield english_only(renamed(item, f"{part.name}:{number}"))
