"""Frames: cue, source mention and content, found by registered rules in parsed candidate units."""
