"""Text: the article as given (offsets never lost) and what its first lines say about it."""
