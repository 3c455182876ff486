"""Export: every attribution joined with its article and speaker, as JSON Lines, CSV or Parquet.

Rows are streamed from the store in chunks, so exporting a large corpus needs little memory.
"""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path
from typing import Any, Iterator, Optional, TextIO, Union

from ..errors import SaidwhatError
from ..store.corpus import Corpus
from .csv_writer import CsvWriter

FORMATS = ("jsonl", "csv", "parquet")
CHUNK = 10_000

COLUMNS = (
    "attribution_id", "quote_id", "article_id", "doc_id", "url", "title", "outlet", "published",
    "kind", "content", "cue", "cue_class", "speaker", "speaker_id", "speaker_as_printed", "source_type",
    "role", "said", "date", "date_basis", "date_text", "confidence", "content_start", "content_end", "source_chain",
    "via", "near_duplicate_of", "corrected", "verdict", "speaker_resolution", "speaker_confidence",
)
_SQL = """
SELECT a.id, a.quote_id, a.article_id, ar.doc_id, ar.url, ar.title, ar.source, ar.published,
       a.kind, a.content, a.cue, a.cue_class, coalesce(s.name, a.speaker_name), a.speaker_id, a.speaker_name,
       a.speaker_type, a.speaker_role, a.said, a.day,
       CASE WHEN a.said IS NOT NULL AND a.said != '' THEN 'said' WHEN a.day IS NOT NULL THEN 'published' END,
       a.date_text, a.confidence, a.content_start,
       a.content_end, a.source_chain,
       (SELECT group_concat(json_extract(j.value, '$.name'), '; ') FROM json_each(a.source_chain) j
        WHERE coalesce(json_extract(j.value, '$.relation'), 'cites') != 'cites'),
       ar.near_duplicate_of, a.corrected, a.verdict, a.speaker_resolution,
       a.speaker_confidence
FROM attributions a JOIN articles ar ON ar.id = a.article_id LEFT JOIN speakers s ON s.id = a.speaker_id
ORDER BY a.id
"""


class ExportError(SaidwhatError):
    """An export that cannot be written as asked."""

    exit_code = 2


def rows(corpus: Corpus) -> Iterator[list[tuple]]:
    """The export rows in chunks of ``CHUNK``, in attribution order."""
    cur = corpus.conn.execute(_SQL)
    while True:
        chunk = cur.fetchmany(CHUNK)
        if not chunk:
            return
        yield [tuple(r) for r in chunk]


def _as_dict(row: tuple) -> dict[str, Any]:
    d = dict(zip(COLUMNS, row))
    d["quote_id"] = str(d["quote_id"])  # past 2^53: JavaScript's numbers cannot hold it
    d["source_chain"] = json.loads(d["source_chain"] or "[]")
    return d


def export(corpus: Corpus, fmt: str, out: Union[str, Path, TextIO, None] = None) -> int:
    """Write every attribution to ``out`` (a path; a text stream or None for stdout, except parquet).

    Returns the number of rows written.
    """
    if fmt not in FORMATS:
        raise ExportError(f"format {fmt!r} is not supported; expected one of {', '.join(FORMATS)}")
    if fmt == "parquet":
        if out is None or not isinstance(out, (str, Path)):
            raise ExportError("parquet is binary: give a file name with --output, e.g. -o quotes.parquet")
        return _parquet(corpus, str(out))
    if isinstance(out, (str, Path)):
        with open(out, "w", encoding="utf-8", newline="") as f:
            return _text(corpus, fmt, f)
    return _text(corpus, fmt, out if out is not None else sys.stdout)


def _text(corpus: Corpus, fmt: str, f: TextIO) -> int:
    n = 0
    writer: Optional[CsvWriter] = CsvWriter(f, COLUMNS) if fmt == "csv" else None
    for chunk in rows(corpus):
        if writer is not None:
            writer.rows(chunk)
        else:
            buf = io.StringIO()
            for row in chunk:
                buf.write(json.dumps(_as_dict(row), ensure_ascii=False))
                buf.write("\n")
            f.write(buf.getvalue())
        n += len(chunk)
    return n


def _schema():
    import pyarrow as pa

    types = {"attribution_id": pa.int64(), "quote_id": pa.int64(), "article_id": pa.int64(),
             "speaker_id": pa.int64(), "confidence": pa.float64(), "content_start": pa.int64(),
             "content_end": pa.int64(), "near_duplicate_of": pa.int64(),
             "speaker_confidence": pa.float64()}
    return pa.schema([(c, types.get(c, pa.string())) for c in COLUMNS])


def _parquet(corpus: Corpus, path: str) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = _schema()
    n = 0
    with pq.ParquetWriter(path, schema) as writer:
        for chunk in rows(corpus):
            columns = list(zip(*chunk))
            writer.write_table(pa.Table.from_arrays(
                [pa.array(list(col), type=schema.field(i).type) for i, col in enumerate(columns)], schema=schema))
            n += len(chunk)
    return n
