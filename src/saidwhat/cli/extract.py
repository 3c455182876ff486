"""``saidwhat extract``: attributions of article files as a table or JSON, or of a JSON Lines batch."""

from __future__ import annotations

import sys
import time
from typing import Optional

import click

from .edge import budget_option, library_errors, warn

from ..batch import DocumentError
from ..errors import InputError
from ..model import Extraction
from ..stream import dumps_line, extract_files, run_jsonl
from ..text.dateline import coerce_published
from . import main

# Past this many, per-document errors are only counted (in the summary), not each printed.
MAX_ERRORS_SHOWN = 50


def _published(ctx, param, value: Optional[str]):
    if value is None:
        return None
    try:
        return coerce_published(value)
    except InputError as e:
        raise click.BadParameter(str(e)) from None


_warn = warn


class _ErrorReporter:
    """Prints the first per-document errors to stderr; the summary counts all of them."""

    def __init__(self) -> None:
        self.shown = 0

    def __call__(self, error: DocumentError) -> None:
        self.shown += 1
        if self.shown <= MAX_ERRORS_SHOWN:
            _warn(f"skipped {error.where}: {error.reason}: {error.message}")
        elif self.shown == MAX_ERRORS_SHOWN + 1:
            _warn(f"more than {MAX_ERRORS_SHOWN} documents skipped; see the summary for counts")


@main.command("extract")
@click.argument("files", nargs=-1)
@click.option("--jsonl", "jsonl", metavar="IN",
              help="Read one document per line {\"id\", \"text\", \"published\"?} from IN "
                   "('-' = stdin) and write one JSON line per document.")
@click.option("-o", "--output", type=click.File("w", encoding="utf-8", lazy=True), default="-",
              help="Where to write the output (default: stdout).")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table",
              show_default=True, help="Output for FILE arguments: a readable table, or JSON "
                                      "(an object for one file, an array for several).")
@click.option("--published", metavar="YYYY-MM-DD", callback=_published,
              help="Publication date of the FILE articles; overrides a dateline.")
@click.option("--workers", type=click.IntRange(1, 256), default=1, show_default=True,
              help="Processes to extract with (each loads the language model once).")
@click.option("--beliefs", is_flag=True,
              help="Also report beliefs, plans and findings (cue_class other), not only speech.")
@budget_option
def extract_command(files, jsonl, output, fmt, published, workers, beliefs, budget) -> None:
    """Who said what in each FILE ('-' = stdin), or in each line of a --jsonl batch.

    \b
    Exit codes:
      0  every document extracted
      1  done, but some documents or files were skipped (each named on stderr)
      2  bad usage: no input, a bad option value, an unreadable --jsonl file
      3  no English spaCy pipeline installed
      130 interrupted (Ctrl-C)
    """
    if bool(files) == bool(jsonl):
        raise click.UsageError("give either FILE arguments or --jsonl IN (not both, not neither)")
    with library_errors():
        if jsonl:
            code = _run_jsonl(jsonl, output, workers, beliefs, budget)
        else:
            code = _run_files(files, output, fmt, published, workers, beliefs, budget)
    sys.exit(code)


def _run_jsonl(path: str, output, workers: int, beliefs: bool, budget: float) -> int:
    from ..read.inputs import open_binary

    started = time.perf_counter()
    stream = open_binary(path)  # InputError (exit 2) when it cannot be opened
    try:
        summary = run_jsonl(stream, output, workers=workers, on_error=_ErrorReporter(),
                            beliefs=beliefs, budget=budget)
    finally:
        if stream is not sys.stdin.buffer:
            stream.close()
    seconds = time.perf_counter() - started
    _warn(f"{summary.describe()} in {seconds:.1f} s")
    return 1 if summary.skipped_total else 0


def _run_files(files, output, fmt: str, published, workers: int, beliefs: bool, budget: float) -> int:
    extractions: list[Extraction] = []
    skipped = 0
    for result in extract_files(files, published, workers=workers, beliefs=beliefs, budget=budget):
        if isinstance(result, DocumentError):
            skipped += 1
            _warn(f"{result.document}: {result.message}")
            continue
        if fmt == "json":
            extractions.append(result)
        else:
            _print_table(result, output)
    if fmt == "json" and (extractions or not skipped):
        data = [e.to_dict() for e in extractions]
        output.write(dumps_line(data[0] if len(files) == 1 else data, indent=2))
        output.write("\n")
    return 1 if skipped else 0


def _print_table(extraction: Extraction, output) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console(file=output, soft_wrap=False, width=max(120, Console().width))
    article = extraction.article
    published = article.published.isoformat() if article.published else "unknown date"
    n = len(extraction.attributions)
    title = f"{article.id or 'document'} · published {published} · {n} attribution" + \
        ("" if n == 1 else "s")
    if not n:
        console.print(f"{title}: none found", soft_wrap=True, highlight=False)
        return
    table = Table(title=title, title_justify="left", show_lines=True)
    for name, style in (("#", "dim"), ("speaker", "bold"), ("role", ""), ("kind", ""),
                        ("date", ""), ("cue", "italic"), ("content", "")):
        table.add_column(name, style=style or None, overflow="fold",
                         ratio=4 if name == "content" else None)
    for i, a in enumerate(extraction.attributions, 1):
        speaker = a.speaker.name if a.speaker and a.speaker.name else "—"
        if a.speaker and a.speaker.type in ("unnamed", "unknown") and speaker != "—":
            speaker += f" ({a.speaker.type})"
        table.add_row(str(i), speaker, (a.speaker.role if a.speaker else None) or "",
                      a.kind, a.date or "", a.cue or "", a.content)
    console.print(table)
