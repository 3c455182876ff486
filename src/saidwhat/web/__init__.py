"""The browser app: search quotes, follow a speaker, read an article with its attributions marked.

``create_app(db_path)`` builds the FastAPI application; ``saidwhat serve`` runs it with uvicorn.
"""

from __future__ import annotations

from .app import create_app

__all__ = ["create_app"]
