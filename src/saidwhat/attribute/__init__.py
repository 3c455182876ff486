"""Attributions: content, cue and speaker mention, found in parsed candidate sentences."""
