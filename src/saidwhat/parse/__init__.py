"""Parsing: the spaCy pipeline, loaded once per process and run only where an attribution can be."""
