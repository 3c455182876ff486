"""Scoring saidwhat against annotated articles: attributions (content, speaker, date) and TimeML timexes.

The metrics and file formats are those of the project's reference scorers (``score.py`` and
``score_timex.py`` in the shared bench): :mod:`.attribution` and :mod:`.timex` implement them,
:mod:`.run` extracts a gold file's texts and scores the result.
"""

from .attribution import score_attributions
from .timex import score_time_expressions

__all__ = ["score_attributions", "score_time_expressions"]
