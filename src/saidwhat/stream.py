"""A JSON Lines batch end to end: read documents, extract them, write one line per document.

This is what ``saidwhat extract --jsonl`` runs. Memory stays flat whatever the length of the
input: lines are read, extracted and written as they come.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Optional, TextIO, Union

from .budget import DEFAULT_BUDGET
from .batch import BatchSummary, DocumentError, InputDocument, Result, extract_many
from .read.documents import Document
from .read.inputs import read_file
from .read.jsonl import lines_bounded, parse_line
from .read.language import language_message, not_english
from .read.limits import MAX_FILE_BYTES


def dumps_line(record: Any, indent: Optional[int] = None) -> str:
    """JSON text, UTF-8 readable; escaped only where the text holds lone surrogates (not UTF-8)."""
    line = json.dumps(record, ensure_ascii=False, indent=indent)
    try:
        line.encode("utf-8")
    except UnicodeEncodeError:
        line = json.dumps(record, ensure_ascii=True, indent=indent)
    return line


def read_records(lines: Iterable[bytes]) -> Iterator[Union[InputDocument, DocumentError]]:
    """One :class:`InputDocument` per non-blank line of a JSON Lines byte stream, or a DocumentError.

    Each line is decoded and parsed on its own (see :func:`saidwhat.read.jsonl.parse_line`), so one
    bad line costs only that line. A line must hold a JSON object; its fields are checked by the
    extraction (missing ``text``, a text that is not a string, a bad ``published``). A text surely not
    in English is a ``not-english`` error naming the language, as in ``saidwhat ingest``.
    """
    for number, raw in enumerate(lines_bounded(lines), 1):
        if raw is None:
            yield DocumentError(None, "too-large", f"the line is longer than {MAX_FILE_BYTES} bytes, "
                                "the documented limit for one document", number)
            continue
        if not raw.strip():
            continue
        value = parse_line(raw, number == 1)
        if isinstance(value, tuple):
            yield DocumentError(None, *value, line=number)
        elif not isinstance(value, dict):
            yield DocumentError(None, "not-an-object", f"line holds a JSON {type(value).__name__}; "
                                "expected an object with \"id\" and \"text\"", number)
        elif isinstance(value.get("text"), str) and "attributions" not in value \
                and (language := not_english(value["text"])) is not None:
            doc_id = value.get("id")
            yield DocumentError(None if doc_id is None else str(doc_id), "not-english",
                                language_message(language), number)
        else:
            yield InputDocument(value, number)


def read_files(paths: Iterable[Union[str, Path]], published: Union[str, date, None] = None
               ) -> Iterator[Union[InputDocument, DocumentError]]:
    """One record per article file (id = the path as given; HTML read as a page), or its error.

    ``published`` overrides any dateline or page date for every file.
    """
    for index, path in enumerate(paths):
        item = read_file(str(path))
        if not isinstance(item, Document):
            yield DocumentError(item.document, item.reason, item.message, None, index)
            continue
        record = {"id": item.id, "text": item.text, "title": item.title, "url": item.url,
                  "source": item.source, "published": item.published}
        if published is not None:
            record["published"] = published
        yield InputDocument(record)


def extract_files(paths: Iterable[Union[str, Path]], published: Union[str, date, None] = None,
                  workers: int = 1, beliefs: bool = False,
                  budget: Optional[float] = DEFAULT_BUDGET) -> Iterator[Result]:
    """An Extraction (id = the path as given) or a DocumentError naming the file, per file, in order.

    ``published`` overrides any dateline; a missing, binary or non-UTF-8 file is a DocumentError. An
    HTML file (by extension or content) is read as a page, as ``saidwhat ingest`` reads it.
    """
    return extract_many(read_files(paths, published), workers=workers, beliefs=beliefs,
                        budget=budget)


def run_jsonl(lines: Iterable[bytes], out: TextIO, workers: int = 1,
              on_error: Optional[Callable[[DocumentError], None]] = None,
              beliefs: bool = False, budget: Optional[float] = DEFAULT_BUDGET) -> BatchSummary:
    """Extract every document of a JSON Lines byte stream and write ``Extraction.to_dict()`` lines.

    Output lines are in input order, each flushed as soon as it is known (a slow document holds
    back only the lines after it); a document that cannot be extracted (or runs past ``budget``
    seconds: ``timeout``) gets no output line, is passed to ``on_error`` and counted in the
    returned summary by reason.
    """
    summary = BatchSummary()
    for result in extract_many(read_records(lines), workers=workers, beliefs=beliefs, budget=budget):
        summary.add(result)
        if isinstance(result, DocumentError):
            if on_error is not None:
                on_error(result)
            continue
        out.write(dumps_line(result.to_dict()))
        out.write("\n")
        out.flush()
    out.flush()
    return summary
