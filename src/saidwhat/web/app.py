"""``create_app(db_path)``: the FastAPI application serving a store read-only, as HTML pages and JSON.

Errors are answered, never raised to the server: a bad parameter or query is a 400 (422 when a query
runs past its time limit), an unknown article or speaker a 404, each with a message saying what was
wrong and what to do: as an HTML page for pages, as ``{"error": ...}`` for the JSON API. Every response
carries a Content-Security-Policy that allows only this site's own script and style, so even text
that slipped past escaping could not run.
"""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path
from typing import Any, Callable, Optional, Union

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__
from ..budget import DEFAULT_BUDGET
from ..errors import SaidwhatError
from ..model import KINDS, SOURCE_TYPES
from .data import DEFAULT_TIMEOUT, QueryTimeout, ReadOnlyStore
from . import editing
from .browse import FACET_SAMPLE
from .markup import record_rows
from .paste import PasteBusy, PasteWorker
from .views import MAX_LINKED_PASTE, safe_url

HERE = Path(__file__).parent
log = logging.getLogger("saidwhat.web")

CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")


HEADERS = ((b"content-security-policy", CSP.encode()), (b"x-content-type-options", b"nosniff"),
           (b"referrer-policy", b"no-referrer"), (b"x-frame-options", b"DENY"))


class SecurityHeaders:
    """Adds the CSP and friends to every response (plain ASGI: no per-request task as BaseHTTPMiddleware)."""

    def __init__(self, app: Any):
        self.app = app

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: dict) -> None:
            if message["type"] == "http.response.start":
                have = {k.lower() for k, _ in message.get("headers", [])}
                message["headers"] = list(message.get("headers", [])) + [h for h in HEADERS if h[0] not in have]
            await send(message)

        await self.app(scope, receive, with_headers)


def show_value(value: Any) -> str:
    """An edit log value in words: a speaker as "Name (#id)", a date, a verdict, or "none"."""
    if isinstance(value, dict):
        if "name" in value:
            return f"{value['name']} (#{value.get('id')})" if value.get("id") else str(value["name"])
        return ", ".join(f"{k}: {v}" for k, v in value.items() if v is not None) or "none"
    return "none" if value in (None, "") else str(value)


def templates() -> Environment:
    """The Jinja2 environment: autoescaping everywhere (HTML and SVG), undefined names fail loudly."""
    from jinja2 import StrictUndefined

    env = Environment(loader=FileSystemLoader(HERE / "templates"),
                      autoescape=select_autoescape(enabled_extensions=("html", "svg"), default=True),
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters["show_value"] = show_value
    env.globals.update(safe_url=safe_url, max_linked=MAX_LINKED_PASTE, record_rows=record_rows, kinds=KINDS, source_types=SOURCE_TYPES, version=__version__)
    return env


def _wants_json(request: Request) -> bool:
    path = request.url.path
    return path.startswith("/api/") or path.endswith((".csv", ".jsonl")) or path == "/openapi.json"


def create_app(db_path: Union[str, Path], *, timeout: float = DEFAULT_TIMEOUT,
               extract: Optional[Callable[..., Any]] = None, edit: bool = False,
               allowed_hosts: Optional[set[str]] = None,
               paste_budget: float = DEFAULT_BUDGET) -> FastAPI:
    """The web app over the store at ``db_path``, opened read-only.

    ``timeout`` bounds the seconds one request's queries may run; ``extract`` is the function the
    paste page runs: by default ``saidwhat.extract`` in a worker process with ``paste_budget``
    seconds per paste (see ``web.paste``); a test may give another, run in the server's threads.
    ``edit``: also accept corrections (see :mod:`.editing`), through one separate read-write
    connection; ``allowed_hosts``: the host names writes may be addressed to (``serve`` gives the
    loopback names when bound there).
    """
    store = ReadOnlyStore(db_path, timeout=timeout)
    worker = None
    if extract is None:
        extract = worker = PasteWorker(paste_budget)
    app = FastAPI(
        title="saidwhat", version=__version__,
        description="Who said what, when, according to whom: quotes, speakers and articles of a saidwhat "
                    "store. Every HTML page has a JSON twin under /api/.",
        docs_url=None, redoc_url=None)  # the interactive docs load from a CDN; the schema is at /openapi.json
    app.state.store = store
    app.state.extract = extract
    if worker is not None:
        app.router.on_shutdown.append(worker.close)
    app.state.env = templates()
    app.state.editing = edit
    app.state.allowed_hosts = {h.lower() for h in allowed_hosts} if allowed_hosts else None
    app.state.csrf = editing.new_token()
    app.state.env.globals.update(editing=edit, csrf_token=app.state.csrf, facet_sample=FACET_SAMPLE)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")

    def page(request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
        context.setdefault("json_url", None)
        context.setdefault("editor", editing.editor_of(request))
        context.setdefault("article_edits", [])
        html = app.state.env.get_template(template).render(request=request, **context)
        return HTMLResponse(html, status_code=status)

    app.state.page = page

    def error(request: Request, status: int, message: str) -> Response:
        if _wants_json(request):
            return JSONResponse({"error": message, "status": status}, status_code=status)
        return page(request, "error.html", status=status, status_code=status, message=message)

    app.add_middleware(SecurityHeaders)

    @app.exception_handler(PasteBusy)
    async def busy(request: Request, exc: PasteBusy):
        return error(request, 503, str(exc))

    @app.exception_handler(QueryTimeout)
    async def too_slow(request: Request, exc: QueryTimeout):
        return error(request, 422, str(exc))

    # Any other library error (a bad query, bad pasted input) is the request's fault: 400. Starlette
    # picks the handler of the nearest class in the exception's MRO.
    @app.exception_handler(SaidwhatError)
    async def library_error(request: Request, exc: SaidwhatError):
        return error(request, 400, str(exc))

    @app.exception_handler(sqlite3.OperationalError)
    async def sqlite_error(request: Request, exc: sqlite3.OperationalError):
        # Parameters never reach SQL text, so this is a query SQLite refused (e.g. an odd FTS term).
        log.warning("query refused: %s (%s)", exc, request.url)
        return error(request, 400, f"the store could not run this query ({exc}); simplify the search words")

    @app.exception_handler(RequestValidationError)
    async def bad_parameter(request: Request, exc: RequestValidationError):
        problems = []
        for e in exc.errors():
            where = ".".join(str(x) for x in e.get("loc", ())[1:]) or "request"
            got = e.get("input")
            shown = "" if got is None or isinstance(got, (dict, list)) else f" (got {str(got)[:80]!r})"
            problems.append(f"{where}: {e.get('msg', 'invalid')}{shown}")
        return error(request, 400, "; ".join(problems) or "invalid request")

    @app.exception_handler(Exception)
    async def server_error(request: Request, exc: Exception):
        # Starlette answers this one outside every middleware, so the headers are set here.
        log.exception("unexpected error on %s", request.url.path)
        response = error(request, 500, "the server failed on this request; it has been logged")
        for name, value in HEADERS:
            response.headers[name.decode()] = value.decode()
        return response

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        status = exc.status_code
        message = exc.detail if isinstance(exc.detail, str) else "request failed"
        if status == 404 and message == "Not Found":
            message = f"nothing at {request.url.path}; start from the search page at /"
        return error(request, status, message)

    from . import routes

    routes.register(app)
    editing.register_log(app)
    if edit:
        editing.register(app, db_path)
    else:
        editing.register_refusals(app)
    return app


def warm_up(app: FastAPI) -> None:
    """Run a search and compile every template once, before the first request.

    The first search otherwise pays for reading the indexes from disk and compiling templates; under
    load that took it past the query time limit (a 422 after 2.2 s). A store too slow even now
    answers later requests as usual.
    """
    from . import views

    start = getattr(app.state.extract, "start", None)
    if start is not None:
        start()  # the paste worker spawns and loads spaCy while the server starts
    for name in app.state.env.list_templates(extensions=["html"]):
        app.state.env.get_template(name)
    try:
        views.search(app.state.store, views.SearchParams())
        views.search(app.state.store, views.SearchParams(q="the"))
        # A first speaker name loads the name parser's tables (a quarter of a second): not in a request.
        views.search(app.state.store, views.SearchParams(q="the", speaker="Ann Example"))
        views.speakers(app.state.store, "", 50)
    except (SaidwhatError, sqlite3.Error) as exc:
        log.warning("warm-up search failed: %s", exc)
