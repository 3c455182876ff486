"""Candidates: where an attribution can be (quote marks, cue words, "according to")."""
