"""A JSON Lines batch end to end: read documents, extract them, write one line per document.

This is what ``saidwhat extract --jsonl`` runs. Memory stays flat whatever the length of the
input: lines are read, extracted and written as they come.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Optional, TextIO, Union

from .batch import BatchSummary, DocumentError, Result, extract_many
from .reader import read_jsonl, read_text_files


def dumps_line(record: Any, indent: Optional[int] = None) -> str:
    """JSON text, UTF-8 readable; escaped only where the text holds lone surrogates (not UTF-8)."""
    line = json.dumps(record, ensure_ascii=False, indent=indent)
    try:
        line.encode("utf-8")
    except UnicodeEncodeError:
        line = json.dumps(record, ensure_ascii=True, indent=indent)
    return line


def extract_files(paths: Iterable[Union[str, Path]], published: Union[str, date, None] = None,
                  workers: int = 1, beliefs: bool = False) -> Iterator[Result]:
    """An Extraction (id = the path as given) or a DocumentError naming the file, per file, in order.

    ``published`` overrides any dateline; a missing, binary or non-UTF-8 file is a DocumentError.
    """
    return extract_many(read_text_files(paths, published), workers=workers, beliefs=beliefs)


def run_jsonl(lines: Iterable[bytes], out: TextIO, workers: int = 1,
              on_error: Optional[Callable[[DocumentError], None]] = None,
              beliefs: bool = False) -> BatchSummary:
    """Extract every document of a JSON Lines byte stream and write ``Extraction.to_dict()`` lines.

    Output lines are in input order; a document that cannot be extracted gets no output line, is
    passed to ``on_error`` and counted in the returned summary by reason.
    """
    summary = BatchSummary()
    for result in extract_many(read_jsonl(lines), workers=workers, beliefs=beliefs):
        summary.add(result)
        if isinstance(result, DocumentError):
            if on_error is not None:
                on_error(result)
            continue
        out.write(dumps_line(result.to_dict()))
        out.write("\n")
    out.flush()
    return summary
