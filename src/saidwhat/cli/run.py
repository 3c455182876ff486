"""``saidwhat run``: the extraction over Dask workers, one Parquet shard per partition of the input."""

from __future__ import annotations

import sys
from typing import Optional

import click

from .edge import budget_option, library_errors

from . import main


def _say(message: str) -> None:
    click.echo(f"saidwhat run: {message}", err=True)


@main.command("run")
@click.argument("inputs", nargs=-1, required=True)
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False),
              help="Folder for the Parquet shards (created if needed; rerun to resume).")
@click.option("--scheduler", default="local", show_default=True, metavar="local|ADDRESS",
              help="'local' starts a cluster on this machine; else a scheduler address, "
                   "e.g. tcp://10.0.0.5:8786.")
@click.option("--workers", type=click.IntRange(1), default=None,
              help="Worker processes of a local cluster (default: one per core); with an address, "
                   "wait until this many workers have joined.")
@click.option("--partition-size", type=click.IntRange(1), default=500, show_default=True,
              help="Documents (lines or files) per partition, i.e. per task and per shard.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar (the summary still goes to stderr).")
@budget_option
def run_command(inputs, out_dir: str, scheduler: str, workers: Optional[int], partition_size: int,
                quiet: bool, budget: float) -> None:
    """Extract INPUTS (.jsonl[.gz], .warc[.gz], text/HTML folders, globs) on Dask into Parquet shards.

    \b
    Exit codes:
      0  every document extracted
      1  done, but some documents were errors (rows with error_reason) or some shards failed
      2  bad usage, or --out holds shards of other inputs
      3  no English spaCy pipeline installed on a worker
    """
    from ..cluster import run

    bar = _Bar(quiet)
    with library_errors("saidwhat run", "interrupted; complete shards are kept: run the same "
                        "command again to resume"), bar:
        summary = run(inputs, out_dir, scheduler=scheduler, workers=workers,
                      partition_size=partition_size, on_start=bar.start, on_progress=bar.update,
                      budget=budget)
    speed = (f"; {summary.rate:.1f} docs/s on {summary.workers} workers ({summary.seconds:.1f} s)"
             if summary.written else "")
    _say(summary.describe() + speed)
    for shard, why in summary.failed:
        _say(f"shard {shard} failed: {why}")
    if summary.failed:
        _say("run the same command again to retry the failed shards")
    if summary.skipped_files:
        _say(f"{summary.skipped_files} files in folders are of no input kind and were passed by")
    sys.exit(1 if summary.failed or summary.errors else 0)


def _has_bokeh() -> bool:
    import importlib.util

    return importlib.util.find_spec("bokeh") is not None


class _Bar:
    """A rich progress bar over shards, started once the workers are ready."""

    def __init__(self, quiet: bool):
        self.quiet = quiet
        self.progress = None
        self.task = None

    def __enter__(self) -> "_Bar":
        return self

    def __exit__(self, *exc) -> None:
        if self.progress is not None:
            self.progress.stop()

    def start(self, dashboard: str, shards: int, todo: int) -> None:
        _say(f"dashboard: {dashboard}" + ("" if _has_bokeh() else
             " (a local dashboard needs bokeh: pip install 'saidwhat[cluster]')"))
        _say(f"{shards} shards, {shards - todo} already complete, {todo} to extract")
        if self.quiet:
            return
        from rich.console import Console
        from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn,
                                   TimeRemainingColumn)

        self.progress = Progress(TextColumn("run"), BarColumn(), MofNCompleteColumn(),
                                 TextColumn("shards, {task.fields[docs]} docs"), TimeElapsedColumn(),
                                 TextColumn("ETA"), TimeRemainingColumn(),
                                 console=Console(stderr=True, highlight=False))
        self.task = self.progress.add_task("run", total=shards, docs=0)
        self.progress.start()

    def update(self, p) -> None:
        if self.progress is not None:
            self.progress.update(self.task, completed=p.shards_done, docs=p.documents)
