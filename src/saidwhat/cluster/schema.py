"""The Parquet schema of a shard: one row per input document, extracted or not.

Columns: where the document came from and its article metadata, its text, an error (reason and
message, null when it was extracted), and the extraction as nested lists (``attributions``,
``speakers``, ``time_expressions``) shaped exactly like ``Extraction.to_dict()``. One fixed schema
for every shard, so DuckDB, Spark and pandas read a folder of shards as one table.
"""

from __future__ import annotations

from typing import Any, Optional

import pyarrow as pa

from ..model import Extraction

SCHEMA_VERSION = "1"

_span = pa.list_(pa.int32())
_speaker_ref = pa.struct([("name", pa.string()), ("role", pa.string()), ("type", pa.string()),
                          ("id", pa.int32()), ("resolution", pa.string()),
                          ("confidence", pa.float64())])
_source_link = pa.struct([("name", pa.string()), ("type", pa.string()), ("cue", pa.string()),
                          ("span", _span), ("relation", pa.string())])
ATTRIBUTION = pa.struct([
    ("kind", pa.string()), ("content", pa.string()), ("content_span", _span),
    ("content_spans", pa.list_(_span)), ("cue", pa.string()), ("cue_span", _span),
    ("cue_class", pa.string()), ("speaker", _speaker_ref), ("speaker_span", _span),
    ("date", pa.string()), ("date_text", pa.string()), ("source_chain", pa.list_(_source_link)),
    ("confidence", pa.float64())])
_mention = pa.struct([("start", pa.int32()), ("end", pa.int32()), ("text", pa.string())])
SPEAKER = pa.struct([("id", pa.int32()), ("name", pa.string()), ("type", pa.string()),
                     ("role", pa.string()), ("roles", pa.list_(pa.string())),
                     ("mentions", pa.list_(_mention))])
TIME_EXPRESSION = pa.struct([("start", pa.int32()), ("end", pa.int32()), ("text", pa.string()),
                             ("type", pa.string()), ("value", pa.string()), ("mod", pa.string())])

SCHEMA = pa.schema([
    ("shard", pa.string()),  # the shard (partition) the row belongs to
    ("position", pa.int32()),  # 0-based order of the document within its partition
    ("origin", pa.string()),  # "dump.jsonl:12", "news/a.txt", "crawl.warc.gz#3"
    ("id", pa.string()),
    ("published", pa.string()),  # ISO date (given, or from the dateline), null when unknown
    ("title", pa.string()),
    ("url", pa.string()),
    ("source", pa.string()),
    ("text", pa.string()),  # the article text as given; null when it could not be read
    ("error_reason", pa.string()),  # null when extracted
    ("error_message", pa.string()),
    ("attributions", pa.list_(ATTRIBUTION)),
    ("speakers", pa.list_(SPEAKER)),
    ("time_expressions", pa.list_(TIME_EXPRESSION)),
])


def extracted_row(extraction: Extraction, origin: str, text: str) -> dict[str, Any]:
    """The row of one extracted document (``shard`` and ``position`` are set when the shard is written)."""
    d = extraction.to_dict()
    article = extraction.article
    return {"origin": origin, "id": article.id, "published": d["published"], "title": article.title,
            "url": article.url, "source": article.source, "text": text, "error_reason": None,
            "error_message": None, "attributions": d["attributions"], "speakers": d["speakers"],
            "time_expressions": d["time_expressions"]}


def error_row(origin: str, reason: str, message: str, *, id: Optional[str] = None,
              text: Optional[str] = None, meta: Optional[dict] = None) -> dict[str, Any]:
    """The row of one document that gave no extraction, with what is known about it."""
    meta = meta or {}
    return {"origin": origin, "id": id, "published": _iso(meta.get("published")),
            "title": meta.get("title"), "url": meta.get("url"), "source": meta.get("source"),
            "text": text, "error_reason": reason, "error_message": message, "attributions": [],
            "speakers": [], "time_expressions": []}


def _iso(value: Any) -> Optional[str]:
    if value is None:
        return None
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def extraction_dict(row: dict[str, Any]) -> dict[str, Any]:
    """``Extraction.to_dict()`` of an extracted row, as ``saidwhat extract --jsonl`` writes it."""
    times = []
    for t in row["time_expressions"] or ():
        t = dict(t)
        if not t.get("mod"):
            t.pop("mod", None)  # to_dict leaves out an empty mod
        times.append(t)
    return {"id": row["id"], "published": row["published"], "attributions": list(row["attributions"] or ()),
            "speakers": list(row["speakers"] or ()), "time_expressions": times}
