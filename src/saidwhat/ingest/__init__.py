"""Ingest: read articles from files, folders, archives and stdin, extract them, store them."""

from ..read.documents import Document, DocumentError
from ..read.inputs import Inputs
from .run import IngestSummary, Progress, ingest

__all__ = ["Document", "DocumentError", "Inputs", "IngestSummary", "Progress", "ingest"]
