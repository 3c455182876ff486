"""Property: whatever bytes a file holds, the readers yield documents or errors and never raise."""

from __future__ import annotations

import gzip

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ingest_files import PARAGRAPHS, page, warc_record
from saidwhat.read.documents import Document, DocumentError
from saidwhat.read.inputs import Inputs

SUFFIXES = ["txt", "html", "jsonl", "jsonl.gz", "warc", "warc.gz"]
GOOD = {
    "txt": PARAGRAPHS[0].encode(),
    "html": page("Quay", PARAGRAPHS).encode(),
    "jsonl": b'{"id": "a", "text": "Fine text."}\n',
    "warc": warc_record("https://x.example/a", page("Quay", PARAGRAPHS).encode()),
}
# Pieces that break readers: lone surrogate escapes, deep nesting, NULs, bad UTF-8, quote runs.
PIECES = st.sampled_from([b"\\ud800", b"[" * 300, b"{\"text\": ", b"\x00", b"\xff\xfe", b"\"", b"\n",
                          "\u201c".encode() * 50, b"<html><body><p>", b"</p>", b"WARC/1.0\r\n",
                          b"Content-Length: 99999\r\n\r\n", b"<script>", b"9" * 50])


def content(kind: str):
    base = GOOD["warc" if kind.startswith("warc") else kind.split(".")[0]]
    return st.tuples(st.integers(0, len(base)), st.lists(st.one_of(PIECES, st.binary(max_size=40)), max_size=6)
                     ).map(lambda t: base[: t[0]] + b"".join(t[1]) + base[t[0]:])


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(kind=st.sampled_from(SUFFIXES), data=st.data())
def test_read_properties_any_bytes_give_items_never_exceptions(tmp_path, kind, data):
    raw = data.draw(content(kind))
    if kind.endswith(".gz"):
        cut = data.draw(st.integers(0, 200))
        raw = gzip.compress(raw)[: max(1, len(raw) - cut)] if data.draw(st.booleans()) else gzip.compress(raw)
    path = tmp_path / f"f.{kind}"
    path.write_bytes(raw)
    ok = tmp_path / "z.txt"
    ok.write_text(PARAGRAPHS[1], encoding="utf-8")
    items = list(Inputs([str(path), str(ok)]))
    assert all(isinstance(i, (Document, DocumentError)) for i in items)
    assert isinstance(items[-1], Document) and items[-1].origin == str(ok)  # the batch goes on
    for i in items:
        if isinstance(i, Document):
            i.text.encode("utf-8")  # no lone surrogate reaches the extraction
