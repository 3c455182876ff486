"""``saidwhat eval`` and ``saidwhat eval-time``: measure saidwhat on annotated articles."""

from __future__ import annotations

import json
import sys

import click

from .edge import library_errors, warn

from ..evaluate.run import evaluate_attributions, evaluate_time
from . import main


_warn = warn


def _on_error(error) -> None:
    _warn(f"not extracted, counted as missing: {error.where}: {error.reason}: {error.message}")


def _print(metrics: dict, table: bool, width: int) -> None:
    if table:
        for key, value in metrics.items():
            click.echo(f"{key:>{width}}  {value}")
    else:
        click.echo(json.dumps(metrics))


def _run(evaluate, gold, table: bool, width: int, **options) -> None:
    with library_errors():
        report = evaluate(gold, on_error=_on_error, **options)
    _print(report.metrics, table, width)
    sys.exit(1 if report.errors else 0)


_workers = click.option("--workers", type=click.IntRange(1, 256), default=1, show_default=True,
                        help="Processes to extract with.")
_table = click.option("--table", is_flag=True, help="Print a readable table instead of JSON.")
_save = click.option("--save-predictions", type=click.File("w", encoding="utf-8"), metavar="OUT",
                     help="Also write saidwhat's output for the gold texts as JSON Lines.")


@main.command("eval")
@click.argument("gold")
@click.option("--focus", type=click.Choice(["all", "quoted", "speech"]), default="all",
              show_default=True, help="quoted: only direct and mixed quotes count; speech: only "
                                      "speech cues count; the rest of the gold is optional.")
@click.option("--min-overlap", type=click.FloatRange(0, 1), default=0.5, show_default=True,
              help="Share of the union two content spans must share to match.")
@click.option("--beliefs", is_flag=True,
              help="Also extract beliefs, plans and findings (cue_class other).")
@click.option("--names", is_flag=True,
              help="A named gold speaker is right only when the resolved name is the same "
                   "(adds name_exact_rate).")
@click.option("--without", metavar="RULE[,RULE]", default="",
              help="Switch off these registered rules, vetoes or refiners (see saidwhat rules).")
@_table
@_workers
@_save
def eval_command(gold, focus, min_overlap, names, table, workers, save_predictions, beliefs, without
                 ) -> None:
    """Extract the texts of GOLD (JSON Lines with attributions) and score the attributions.

    Prints content precision/recall/F1, exact span rate, speaker accuracy, end-to-end F1 (content
    and speaker right), date accuracy and recall by kind. Exit codes: 0 scored; 1 scored, but some
    gold documents could not be extracted (counted as missing); 2 unreadable or malformed GOLD;
    3 no spaCy pipeline.
    """
    _run(evaluate_attributions, gold, table, 20, focus=focus, min_overlap=min_overlap,
         workers=workers, predictions=save_predictions, beliefs=beliefs, names=names,
         without=without.split(","))


@main.command("eval-time")
@click.argument("gold")
@_table
@_workers
@_save
def eval_time_command(gold, table, workers, save_predictions) -> None:
    """Extract the texts of GOLD (JSON Lines with time_expressions) and score them, TempEval-3 style.

    Prints strict F1, relaxed precision/recall/F1, type F1 and value F1. Exit codes as for eval.
    """
    _run(evaluate_time, gold, table, 18, workers=workers, predictions=save_predictions)
