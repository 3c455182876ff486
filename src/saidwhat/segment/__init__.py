"""Segments: paragraphs, sentences and quotation spans, as character offsets into the text."""
