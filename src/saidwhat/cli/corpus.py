"""Corpus commands: ``ingest``, ``errors``, ``quotes``, ``speakers``, ``show``, ``stats``, ``export``.

Each is a thin adapter: parse options, call one library function, print the result.
"""

from __future__ import annotations

import functools
import json
import os
import sys
from typing import Any, Callable, Optional

import click

from ..errors import SaidwhatError
from . import main
from .edge import budget_option

DB_HELP = "The store file (default saidwhat.db, or $SAIDWHAT_DB)."
db_option = click.option("--db", default="saidwhat.db", envvar="SAIDWHAT_DB", show_default=True,
                         type=click.Path(dir_okay=False), help=DB_HELP)


def _errors_to_exit(fn: Callable) -> Callable:
    """Turn the library's typed errors into a message on stderr and the error's exit code."""
    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except SaidwhatError as exc:
            click.echo(f"saidwhat: {exc}", err=True)
            sys.exit(exc.exit_code)
    return wrapper


def _open(db: str):
    """An existing store; a clear message when there is none (reading never creates one)."""
    from ..store.corpus import Corpus

    if not os.path.exists(db):
        click.echo(f"saidwhat: no store at {db!r}; create one with: saidwhat ingest PATH --db {db}", err=True)
        sys.exit(2)
    return Corpus(db)


def _console(stderr: bool = False):
    from rich.console import Console

    return Console(stderr=stderr, highlight=False, soft_wrap=not stderr)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@db_option
@click.option("--workers", "-w", default=1, show_default=True, type=click.IntRange(1),
              help="Extraction processes.")
@click.option("--batch-size", default=None, type=click.IntRange(1),
              help="Documents per committed batch  [default: 50 to extract, 500 pre-extracted].")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar (the summary still goes to stderr).")
@click.option("--reextract", is_flag=True,
              help="Extract articles already stored again and replace their records; corrections made with "
                   "'serve --edit' are applied again (or flagged orphaned when their record is gone).")
@budget_option
@_errors_to_exit
def ingest(paths: tuple[str, ...], db: str, workers: int, batch_size: Optional[int], quiet: bool,
           reextract: bool, budget: float) -> None:
    """Read, extract and store articles from PATHS (.txt, .html, .jsonl[.gz], .warc[.gz], folders, -)."""
    from ..ingest import Progress, ingest as run
    from ..store.corpus import Corpus

    with Corpus(db) as corpus:
        if quiet:
            summary = run(paths, corpus, workers=workers, batch_size=batch_size, reextract=reextract,
                          budget=budget)
        else:
            summary = _with_progress(lambda cb: run(paths, corpus, workers=workers, batch_size=batch_size,
                                                    on_progress=cb, reextract=reextract, budget=budget), Progress)
        orphaned = len(corpus.edits(status="orphaned")) if reextract else 0
    reasons = ", ".join(f"{r}: {n}" for r, n in summary.error_reasons.items())
    line = (f"saidwhat ingest: {summary.read} read, {summary.added} added, {summary.already} already "
            f"stored, {summary.errors} errors" + (f" ({reasons})" if reasons else "")
            + (f", {summary.skipped_files} files of other kinds skipped" if summary.skipped_files else "")
            + (f", {summary.replaced} re-extracted" if reextract else "")
            + f"; {summary.rate:.1f} docs/s")
    click.echo(line, err=True)
    if orphaned:
        click.echo(f"  {orphaned} corrections lost their record (orphaned); list them with: "
                   f"saidwhat edits --status orphaned --db {db}", err=True)
    if summary.errors:
        click.echo(f"  list them with: saidwhat errors --db {db}", err=True)
        sys.exit(1)


def _with_progress(run: Callable, _progress_type: type):
    from rich.progress import (BarColumn, Progress, TaskProgressColumn, TextColumn, TimeElapsedColumn,
                               TimeRemainingColumn)

    columns = (TextColumn("ingest"), BarColumn(), TaskProgressColumn(),
               TextColumn("{task.fields[docs]} docs, {task.fields[rate]:.1f} docs/s"),
               TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn())
    with Progress(*columns, console=_console(stderr=True), transient=False) as bar:
        task = bar.add_task("ingest", total=None, docs=0, rate=0.0)

        def update(p) -> None:
            elapsed = bar.tasks[0].elapsed or 0.0
            bar.update(task, total=p.bytes_total or None, completed=p.bytes_read, docs=p.documents,
                       rate=p.documents / elapsed if elapsed > 0 else 0.0)

        return run(update)


@main.command()
@db_option
@click.option("--reason", help="Only errors with this reason (e.g. bad-json).")
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table", show_default=True)
@_errors_to_exit
def errors(db: str, reason: Optional[str], fmt: str) -> None:
    """Documents that could not be stored, with the reason."""
    with _open(db) as corpus:
        found = corpus.errors(reason)
    if fmt == "jsonl":
        for e in found:
            click.echo(json.dumps(e.to_dict(), ensure_ascii=False))
        return
    from rich.table import Table

    table = Table("document", "reason", "message", title=f"{len(found)} errors")
    for e in found:
        table.add_row(e.document, e.reason, e.message)
    _console().print(table)


QUOTE_COLUMNS = ("quote_id", "date", "date_basis", "speaker", "source_type", "kind", "content", "outlet", "occurrences",
                 "outlets", "article_id", "title", "url", "cue", "role", "confidence", "first_seen", "low_confidence",
                 "corrected", "verdict", "via")


@main.command()
@db_option
@click.option("--speaker", help="Who said it: a name as printed (Pompeo, Mike Pompeo) or a speaker id.")
@click.option("--about", help='Full-text: every word must appear; "quoted phrases"; prefix*.')
@click.option("--since", help="Said on or after this date (YYYY-MM-DD); falls back to the published date.")
@click.option("--until", help="Said on or before this date (YYYY-MM-DD, or YYYY-MM for a whole month).")
@click.option("--kind", type=click.Choice(["direct", "indirect", "mixed"]))
@click.option("--source-type", type=click.Choice(["person", "organization", "unnamed", "unknown"]))
@click.option("--outlet", help="Only quotes printed by this outlet: its name (Reuters) or its domain (reuters.com).")
@click.option("--confidence", type=click.Choice(["low", "high"]),
              help="low: only uncertain records (the record's or its speaker's confidence under 0.5).")
@click.option("--review", type=click.Choice(["unchecked", "right", "wrong", "corrected"]),
              help="Only records a reviewer has (or has not) checked or corrected with serve --edit.")
@click.option("--via", help='Only statements that came through this outlet or channel ("told CNN", '
                                 '"..., Reuters reported"): its name.')
@click.option("--limit", default=20, show_default=True, type=click.IntRange(1))
@click.option("--format", "fmt", type=click.Choice(["table", "json", "jsonl", "csv"]), default="table",
              show_default=True)
@_errors_to_exit
def quotes(db: str, speaker, about, since, until, kind, source_type, outlet, confidence, review, via, limit: int,
           fmt: str) -> None:
    """Quotes in the store, newest first; one quote printed by many outlets is shown once."""
    with _open(db) as corpus:
        found = corpus.quotes(speaker=speaker, about=about, since=since, until=until, kind=kind,
                              source_type=source_type, outlet=outlet, limit=limit, confidence=confidence,
                              review=review, via=via)
    dicts = [q.to_dict() for q in found]
    if fmt == "json":
        click.echo(json.dumps(dicts, ensure_ascii=False, indent=2))
    elif fmt == "jsonl":
        for d in dicts:
            click.echo(json.dumps(d, ensure_ascii=False))
    elif fmt == "csv":
        from ..export.csv_writer import CsvWriter

        writer = CsvWriter(sys.stdout, QUOTE_COLUMNS)
        for d in dicts:
            writer.dict_row(d)
    else:
        _quote_table(found)


def _quote_table(found: list) -> None:
    """Quotes as a table whose quote column gets most of the width: who, when, kind and outlet are
    stacked in one narrow column; the article id is what ``show`` takes."""
    from rich import box
    from rich.console import Console
    from rich.table import Table

    from ..store.results import date_label

    table = Table(title=f"{len(found)} quotes", box=box.SIMPLE_HEAD, pad_edge=False, show_lines=False,
                  caption="'said' = the date it was said; 'pub.' = published that day, no date of saying found")
    table.add_column("article", justify="right", no_wrap=True)
    table.add_column("who · when · kind · outlet", max_width=26, overflow="fold")
    table.add_column("quote", ratio=1, overflow="fold")
    for q in found:
        outlets = ", ".join(q.outlets) or "outlet unknown"
        where = f"{outlets} ({q.occurrences}×)" if q.occurrences > 1 else outlets
        if q.via:
            where += "\nvia " + ", ".join(q.via)
        who = "\n".join((q.speaker or "(no source)", date_label(q.date, q.date_basis, short=True),
                         f"{q.kind}, {q.source_type}", where))
        table.add_row(str(q.article_id), who, q.content, end_section=True)
    # Not soft-wrapped: the table is laid out to the terminal's width, the quote column taking the rest.
    Console(highlight=False).print(table)


@main.command()
@db_option
@click.option("--name", help="Only speakers this name can mean.")
@click.option("--type", "type_", type=click.Choice(["person", "organization"]))
@click.option("--limit", default=20, show_default=True, type=click.IntRange(1))
@click.option("--format", "fmt", type=click.Choice(["table", "json", "jsonl"]), default="table",
              show_default=True)
@_errors_to_exit
def speakers(db: str, name: Optional[str], type_: Optional[str], limit: int, fmt: str) -> None:
    """Speakers ranked by how often they are quoted, with roles over time and first/last dates."""
    with _open(db) as corpus:
        found = corpus.speakers(name=name, type=type_, limit=limit)
    if fmt == "json":
        click.echo(json.dumps([s.to_dict() for s in found], ensure_ascii=False, indent=2))
    elif fmt == "jsonl":
        for s in found:
            click.echo(json.dumps(s.to_dict(), ensure_ascii=False))
    else:
        from rich.table import Table

        table = Table("id", "name", "type", "quotes", "articles", "first", "last", "roles",
                      title=f"{len(found)} speakers",
                      caption="first, last: dates quoted (the date said, else the article's publication date)")
        for s in found:
            roles = "; ".join(f"{r.role} ({r.first_seen or '?'}..{r.last_seen or '?'})" for r in s.roles)
            table.add_row(str(s.id), s.name, s.type, str(s.quotes), str(s.articles), s.first_date or "-",
                          s.last_date or "-", roles or "-")
        _console().print(table)


@main.command()
@click.argument("article_id")
@db_option
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@_errors_to_exit
def show(article_id: str, db: str, fmt: str) -> None:
    """One article (store id, document id or URL) with its attributions highlighted."""
    with _open(db) as corpus:
        view = corpus.article(article_id)
    if view is None:
        click.echo(f"saidwhat: no article {article_id!r} in {db}; list some with: saidwhat quotes --db {db}",
                   err=True)
        sys.exit(2)
    if fmt == "json":
        click.echo(json.dumps(view.to_dict(), ensure_ascii=False, indent=2))
        return
    from .render import article_text

    article_text(view, _console())


@main.command()
@db_option
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@_errors_to_exit
def stats(db: str, fmt: str) -> None:
    """Counts over the store: articles, attributions, quotes, speakers, errors, outlets."""
    with _open(db) as corpus:
        found = corpus.stats()
    if fmt == "json":
        click.echo(json.dumps(found, ensure_ascii=False, indent=2))
        return
    for key, value in found.items():
        if isinstance(value, dict):
            value = ", ".join(f"{k}: {v}" for k, v in value.items()) or "-"
        click.echo(f"{key.replace('_', ' ')}: {value if value is not None else '-'}")


@main.command()
@db_option
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "parquet"]), default="jsonl",
              show_default=True)
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="File to write (default stdout).")
@_errors_to_exit
def export(db: str, fmt: str, output: Optional[str]) -> None:
    """Every attribution joined with its article and speaker, as JSON Lines, CSV or Parquet."""
    from ..export import export as write

    with _open(db) as corpus:
        n = write(corpus, fmt, output)
    if output:
        click.echo(f"saidwhat export: {n} attributions written to {output}", err=True)
