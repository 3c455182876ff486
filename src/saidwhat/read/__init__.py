"""Reading input: files, folders, stdin, JSON Lines, HTML pages, web archives and shards, one stack.

Every reader yields a :class:`Document` or, in its place, a :class:`DocumentError` naming the
document and the problem, and goes on: no input stops a batch. Both ``saidwhat extract`` and
``saidwhat ingest`` (and ``saidwhat run``) read through here, with the same error codes.
"""

from .documents import Document, DocumentError, Item
from .limits import MAX_FILE_BYTES, MAX_JSON_DEPTH, MAX_MARKUP_BYTES

__all__ = ["Document", "DocumentError", "Item", "MAX_FILE_BYTES", "MAX_JSON_DEPTH", "MAX_MARKUP_BYTES"]
