"""The registry's contents: every rule, veto, refiner and claim step, with its examples.

Examples are sentences written for saidwhat (none from an evaluation text); each lists the frames
all rules together find in it. ``tests/test_attribute_rules.py`` runs them; ``saidwhat rules``
lists them; ``saidwhat rules --markdown`` writes docs/rules.md.
"""

from __future__ import annotations

from . import clauses, cued, markers, objects
from .registry import claim, refiner, rule, veto

RULES = (
    rule("clause", 10, clauses.clause.__doc__, [], clauses.match_clause),
    rule("parenthetical", 10, clauses.parenthetical.__doc__, [], clauses.match_parenthetical),
    rule("object", 10, objects.quoted_object.__doc__, [], clauses.match_object),
    rule("according", 20, cued.match_according.__doc__, [], cued.match_according),
    rule("colon", 30, cued.match_colon.__doc__, [], cued.match_colon),
    rule("quote", 40, cued.match_quote.__doc__, [], cued.match_quote),
    rule("predicate", 50, objects.match_predicate.__doc__, [], objects.match_predicate),
    rule("label", 60, markers.match_label.__doc__, [], markers.match_label, scope="document"),
    rule("dash", 70, markers.match_dash.__doc__, [], markers.match_dash, scope="document"),
)
VETOES = ()
REFINERS = ()
CLAIMS = ()
ENTRIES = RULES + VETOES + REFINERS + CLAIMS
UNIT_RULES = tuple(r for r in RULES if r.scope == "unit")
DOCUMENT_RULES = tuple(r for r in RULES if r.scope == "document")
PRIORITIES = {r.name: r.priority for r in RULES}
