"""Reading ahead in a child process: the same items as reading inline, and a clean stop either way."""

from __future__ import annotations

import multiprocessing
import os

import pytest

from corpus_factory import article, said
from ingest_files import write_jsonl
from saidwhat.ingest import read_ahead
from saidwhat.ingest.read_ahead import PreparedDocument, ReadAheadError, read_in_child, read_inline
from saidwhat.read.inputs import Inputs

pytestmark = pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(), reason="needs fork")


def _records(n: int) -> list:
    out = []
    for i in range(n):
        e = article([said(f"Lena Holm{i % 7}", f"the ferry timetable number {i} will change in the autumn")],
                    url=f"https://ferries.example/{i}")
        out.append(dict(e.to_dict(), text=e.article.text, url=e.article.url))
    return out


def _key(item) -> tuple:
    if isinstance(item, PreparedDocument):
        return ("prepared", item.origin, item.prepared.identity, item.prepared.attributions)
    return (type(item).__name__, item.origin, getattr(item, "reason", None))


@pytest.mark.parametrize("records, bad_lines", [
    (0, 0),  # an empty file yields nothing
    (5, 0),  # less than one chunk
    (read_ahead.CHUNK_ITEMS * 20 + 7, 0),  # many chunks, the last one short
    (150, 3),  # malformed lines come through in order, as errors
])
def test_ingest_read_ahead_yields_what_reading_inline_yields(tmp_path, records, bad_lines):
    lines = _records(records) + ["{not json"] * bad_lines
    path = write_jsonl(tmp_path / "pre.jsonl", lines)
    inline = [(_key(item), pos) for item, pos in read_inline(Inputs([str(path)]))]
    ahead = [(_key(item), pos) for item, pos in read_in_child([str(path)])]
    assert [k for k, _ in ahead] == [k for k, _ in inline]
    assert len(ahead) == records + bad_lines
    assert [p for _, p in ahead] == sorted(p for _, p in ahead)
    if ahead:
        assert ahead[-1][1] == path.stat().st_size


def test_ingest_read_ahead_stopped_early_ends_its_child(tmp_path):
    path = write_jsonl(tmp_path / "pre.jsonl", _records(read_ahead.CHUNK_ITEMS * 4))
    before = set(multiprocessing.active_children())
    items = read_in_child([str(path)])
    first = [next(items) for _ in range(3)]
    assert len(first) == 3
    items.close()
    assert set(multiprocessing.active_children()) == before


def test_ingest_read_ahead_child_dying_raises_read_ahead_error(tmp_path, monkeypatch):
    path = write_jsonl(tmp_path / "pre.jsonl", _records(read_ahead.CHUNK_ITEMS * 3))
    seen = []
    real = read_ahead.prepare_item

    def dies_midway(item):
        # Runs in the forked child: exit abruptly once some chunks have been sent.
        seen.append(item)
        if len(seen) > read_ahead.CHUNK_ITEMS * 2:
            os._exit(3)
        return real(item)

    monkeypatch.setattr(read_ahead, "prepare_item", dies_midway)
    before = set(multiprocessing.active_children())
    got = 0
    with pytest.raises(ReadAheadError, match="exit code 3"):
        for _ in read_in_child([str(path)]):
            got += 1
    assert got == read_ahead.CHUNK_ITEMS * 2
    assert set(multiprocessing.active_children()) == before


class _EndlessPipe:
    """Hands out numbered messages of one size for ever (the receiver's bound must stop it)."""

    def __init__(self, size: int):
        self.size, self.given = size, 0

    def recv_bytes(self) -> bytes:
        self.given += 1
        return str(self.given).encode().ljust(self.size, b".")


def _settled(pipe: _EndlessPipe) -> int:
    import time

    deadline = time.monotonic() + 5
    last = -1
    while pipe.given != last and time.monotonic() < deadline:
        last = pipe.given
        time.sleep(0.05)
    return pipe.given


@pytest.mark.parametrize("limit, size, held", [
    (1000, 300, 4),  # takes messages until it holds the limit or more: 4 x 300
    (100, 1000, 1),  # a message longer than the limit is still taken, alone
    (300, 300, 1),
])
def test_ingest_read_ahead_receiver_holds_bounded_bytes(limit, size, held):
    pipe = _EndlessPipe(size)
    receiver = read_ahead._Receiver(pipe, limit)
    try:
        assert _settled(pipe) == held + 1  # one more is read, and waits for room
        assert receiver.held_bytes == held * size
        assert receiver.get().startswith(b"1.")
        assert _settled(pipe) == held + 2
        assert receiver.held_bytes == held * size
    finally:
        receiver.stop()
    assert not receiver.thread.is_alive()
