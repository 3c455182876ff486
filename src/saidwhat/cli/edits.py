"""``saidwhat edits``: the log of corrections made in the browser (``serve --edit``) or through the API."""

from __future__ import annotations

import json
import sys
from typing import Optional

import click

from ..store.edits import LOG_COLUMNS, log_cells
from . import main
from .corpus import _errors_to_exit, _open, db_option

@main.command()
@db_option
@click.option("--article", "article_id", type=click.IntRange(1), help="Only edits of this article (store id).")
@click.option("--status", type=click.Choice(["applied", "orphaned"]),
              help="orphaned: corrections whose record is gone after the article was extracted again.")
@click.option("--limit", type=click.IntRange(1), help="Most entries, newest first.")
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl", "csv"]), default="table", show_default=True)
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="File to write (default stdout).")
@_errors_to_exit
def edits(db: str, article_id: Optional[int], status: Optional[str], limit: Optional[int], fmt: str,
          output: Optional[str]) -> None:
    """The edit log: each correction (what, old value, new value, when, by whom), newest first."""
    with _open(db) as corpus:
        found = corpus.edits(article_id=article_id, status=status, limit=limit)
    if fmt == "table" and not output:
        from rich.console import Console
        from rich.table import Table

        table = Table("id", "at", "by", "action", "record", "old", "new", "status", title=f"{len(found)} edits")
        for e in found:
            record = f"#{e.attribution_id}" if e.attribution_id else (f"speaker #{e.other_speaker_id}"
                                                                      if e.action == "merge" else "-")
            table.add_row(str(e.id), e.at, e.editor, e.action, record, _show(e.old_value), _show(e.new_value),
                          e.status)
        Console(highlight=False).print(table)
        return
    out = open(output, "w", encoding="utf-8", newline="") if output else sys.stdout
    try:
        if fmt == "csv":
            from ..export.csv_writer import CsvWriter

            writer = CsvWriter(out, LOG_COLUMNS)
            writer.rows(log_cells(e) for e in found)
        else:
            for e in found:
                out.write(json.dumps(e.to_dict(), ensure_ascii=False) + "\n")
    finally:
        if output:
            out.close()
            click.echo(f"saidwhat edits: {len(found)} edits written to {output}", err=True)


def _show(value) -> str:
    if isinstance(value, dict):
        if "name" in value:
            return f"{value['name']} (#{value.get('id')})"
        return ", ".join(f"{k}: {v}" for k, v in value.items())
    return "-" if value is None else str(value)
