"""Reading ahead: documents read, parsed and (for pre-extracted records) turned into store rows, in
order, optionally in a second process so that work overlaps the store's writing.

Loading pre-extracted JSON Lines is bound by two kinds of work of about the same size: parsing and
preparing rows (pure functions of each line) and writing them into SQLite (which needs the store).
Large inputs read in a forked child process that sends prepared items back in chunks over a pipe;
small ones, stdin, and platforms without ``fork`` read inline, with the same items in the same order.
The child never touches the store. If the parent dies (even by kill -9) the child's next send fails
and it exits; if the parent stops early it terminates the child.
"""

from __future__ import annotations

import collections
import multiprocessing
import os
import pickle
import queue
import signal
import threading
from typing import BinaryIO, Iterator, NamedTuple, Optional, Sequence, Union

from ..errors import InputError, SaidwhatError
from ..store.prepared import PreparedArticle, prepare_record
from ..read.documents import Document, DocumentError
from ..read.inputs import STDIN, Inputs, kind_of

# Below this many input bytes a second process costs more than it saves.
READ_AHEAD_MIN_BYTES = 1 << 20
CHUNK_ITEMS = 64
# Pickled bytes received ahead of the writer: several batches of typical articles (a chunk of
# 64 short news articles is some 300 kB).
AHEAD_BYTES = 16 << 20


class ReadAheadError(SaidwhatError):
    """The read-ahead process stopped before the end of its input (killed, or out of memory)."""


class PreparedDocument(NamedTuple):
    """A pre-extracted record read and turned into store rows (its article identity is inside)."""

    origin: str
    prepared: PreparedArticle


ReadItem = Union[Document, DocumentError, PreparedDocument]


def prepare_item(item: Union[Document, DocumentError]) -> ReadItem:
    """A pre-extracted document as its rows (or the reason it is malformed); anything else unchanged."""
    if isinstance(item, Document) and item.record is not None:
        try:
            return PreparedDocument(item.origin, prepare_record(item.record, item.origin))
        except InputError as exc:
            return DocumentError(item.origin, exc.reason, str(exc))
    return item


def worth_reading_ahead(inputs: Inputs) -> bool:
    """Whether these inputs are large JSON Lines files (no stdin) and ``fork`` is available."""
    return (inputs.total_bytes >= READ_AHEAD_MIN_BYTES and STDIN not in inputs.files
            and any(kind_of(f) == "jsonl" for f in inputs.files)
            and "fork" in multiprocessing.get_all_start_methods())


def read_inline(inputs: Inputs) -> Iterator[tuple[ReadItem, int]]:
    """Each item with the input bytes read so far, read in this process."""
    for item in inputs:
        yield prepare_item(item), inputs.position


def _serve(paths: Sequence[str], conn, parent_end) -> None:
    """The child: read every input and send ``(items, position)`` chunks, then ``None``."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C and stops the child
    # The forked child holds a copy of the parent's reading end: closed, so that when the parent dies
    # the pipe has no reader left and the next send fails instead of blocking for ever.
    parent_end.close()
    try:
        inputs = Inputs(paths)
        chunk: list[ReadItem] = []
        for item in inputs:
            item = prepare_item(item)
            # Plain tuples pickle faster than named ones; the parent names them again.
            chunk.append((item.origin, tuple(item.prepared)) if isinstance(item, PreparedDocument) else item)
            if len(chunk) >= CHUNK_ITEMS:
                conn.send_bytes(pickle.dumps((chunk, inputs.position), protocol=pickle.HIGHEST_PROTOCOL))
                chunk = []
        conn.send_bytes(pickle.dumps((chunk, inputs.position), protocol=pickle.HIGHEST_PROTOCOL))
        conn.send_bytes(pickle.dumps(None))
    except (BrokenPipeError, ConnectionResetError):
        pass  # the parent has gone: nothing to read for
    except BaseException as exc:  # hand any other failure to the parent, which raises it
        try:
            try:
                message = pickle.dumps(("failed", exc))
            except Exception:
                message = pickle.dumps(("failed", RuntimeError(f"reading ahead failed: {exc!r}")))
            conn.send_bytes(message)
        except Exception:
            pass
    finally:
        os._exit(0)


class _Receiver:
    """Receives the child's messages in a thread of the parent, up to ``limit`` bytes ahead of their use.

    A pipe holds far less than one chunk, so without this the child could prepare at most one
    chunk while the parent writes a batch, then wait: the two would mostly take turns. Messages stay
    pickled until used; reading a pipe releases the GIL, so the thread costs the writer little. The
    bound is in bytes, not chunks, so long articles cannot make it hold more memory.
    """

    END = b""  # the pipe closed (the child exited or died); no real message is empty

    def __init__(self, conn, limit: int):
        self.conn = conn
        self.limit = limit
        self.held: collections.deque[bytes] = collections.deque()
        self.held_bytes = 0
        self.changed = threading.Condition()
        self.stopped = False
        self.thread = threading.Thread(target=self._run, name="saidwhat-read-ahead-receiver", daemon=True)
        self.thread.start()

    def _run(self) -> None:
        while True:
            try:
                message = self.conn.recv_bytes()
            except (EOFError, OSError):
                message = self.END
            with self.changed:
                # One message is always taken, however long: the reader must not wait for ever.
                while self.held_bytes >= self.limit and not self.stopped:
                    self.changed.wait()
                if self.stopped:
                    return
                self.held.append(message)
                self.held_bytes += len(message)
                self.changed.notify_all()
            if message == self.END:
                return

    def get(self) -> bytes:
        """The next message (pickled), or ``END``."""
        with self.changed:
            while not self.held:
                self.changed.wait()
            message = self.held.popleft()
            self.held_bytes -= len(message)
            self.changed.notify_all()
            return message

    def stop(self) -> None:
        """Stop receiving (call once the child is gone, so a blocked read sees the end of the pipe)."""
        with self.changed:
            self.stopped = True
            self.changed.notify_all()
        self.thread.join()


def read_in_child(paths: Sequence[str]) -> Iterator[tuple[ReadItem, int]]:
    """Each item with the input bytes read so far, read by a forked child process."""
    ctx = multiprocessing.get_context("fork")
    receive, send = ctx.Pipe(duplex=False)
    child = ctx.Process(target=_serve, args=(list(paths), send, receive), daemon=True, name="saidwhat-read-ahead")
    child.start()
    send.close()
    receiver = _Receiver(receive, AHEAD_BYTES)
    try:
        while True:
            data = receiver.get()
            if data == _Receiver.END:
                child.join(timeout=1)
                raise ReadAheadError(
                    f"the process reading ahead ({child.pid}) stopped before the end of the input (exit code "
                    f"{child.exitcode}); the batches before were stored: run the same command again to add the "
                    "rest")
            message = pickle.loads(data)
            if message is None:
                break
            if message[0] == "failed":
                raise message[1]
            chunk, position = message
            for item in chunk:
                if type(item) is tuple:
                    item = PreparedDocument(item[0], PreparedArticle._make(item[1]))
                yield item, position
    finally:
        if child.is_alive():
            child.terminate()
        child.join()
        receiver.stop()
        receive.close()


def read_items(paths: Sequence[str], inputs: Inputs, stdin: Optional[BinaryIO] = None
               ) -> Iterator[tuple[ReadItem, int]]:
    """Every item under ``paths`` in order, with the input bytes read so far; read ahead when worth it."""
    if stdin is None and worth_reading_ahead(inputs):
        return read_in_child(paths)
    return read_inline(inputs)
