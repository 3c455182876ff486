"""Edit mode (``saidwhat serve --edit``): corrections from the browser and the JSON API.

Read-only is the default; only an app made with ``edit=True`` registers a writer. Every write, form or
API, must carry the app's secret token (a hidden form field, or the ``X-CSRF-Token`` header for the
API; ``GET /api/csrf`` gives it to same-origin scripts), and a request that says it comes from
another site (``Origin``, ``Sec-Fetch-Site``) is refused, so no other page can make a visitor's
browser write. Who edits is a name typed once per browser (a cookie), written into the edit log.
"""

from __future__ import annotations

import hmac
import secrets
import threading
from pathlib import Path
from typing import Annotated, Any, Optional, Union
from urllib.parse import urlsplit

from fastapi import Body, FastAPI, Form, HTTPException, Path as PathParam, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import BaseModel, Field

from ..store.corpus import Corpus
from ..store.edits import EditError, edits as edit_log

EDITOR_COOKIE = "saidwhat_editor"
Id = Annotated[int, PathParam(ge=1, le=2**62)]
Status = Annotated[str, Query(max_length=10, pattern="^(|applied|orphaned)$")]
Limit = Annotated[int, Query(ge=1, le=10_000)]
Csrf = Annotated[str, Form(max_length=100)]
Next = Annotated[str, Form(max_length=2000)]


class EditStore:
    """The one read-write connection of an edit-mode server; writes take turns under a lock."""

    def __init__(self, path: Union[str, Path], reader: Any):
        self.corpus = Corpus(path)
        self.lock = threading.Lock()
        self.reader = reader  # the read-only store, whose short-lived caches a write makes stale

    def write(self, fn, *args: Any) -> Any:
        with self.lock:
            out = fn(*args)
        if fn in (self.corpus.merge_speakers, self.corpus.split_speaker):
            # The minute-long caches (speaker ranking, outlet list, unfiltered facets) hold speakers;
            # a record's correction leaves them close enough, a merge does not.
            with self.reader._cache_lock:
                self.reader._cache.clear()
        return out


def editor_of(request: Request) -> str:
    return (request.cookies.get(EDITOR_COOKIE) or "").strip()[:80]


def check_origin(request: Request, token: Optional[str]) -> None:
    """Refuse a write without this app's token, or one a browser says comes from another site."""
    expected = request.app.state.csrf
    if not token or not hmac.compare_digest(token.encode(), expected.encode()):
        raise HTTPException(403, "this write lacks the page's token (a cross-site request?); reload the page "
                                 "and try again; API clients send X-CSRF-Token from GET /api/csrf")
    allowed = request.app.state.allowed_hosts
    host_name = (request.headers.get("host") or "").rsplit(":", 1)[0].strip("[]").lower()
    if allowed and host_name not in allowed:
        # A page on another name resolving to this machine (DNS rebinding) must not reach the writes.
        raise HTTPException(403, f"writes are only accepted for {', '.join(sorted(allowed))}, not {host_name!r}")
    site = request.headers.get("sec-fetch-site")
    if site and site not in ("same-origin", "none"):
        raise HTTPException(403, f"a write from another site ({site}) is refused")
    origin = request.headers.get("origin")
    if origin and origin != "null":
        host = request.headers.get("host", "")
        if urlsplit(origin).netloc != host:
            raise HTTPException(403, "a write from another origin is refused")


def _local(next_url: str, fallback: str = "/search") -> str:
    """Where to go after a form: a path on this site only (never another host)."""
    if next_url.startswith("/") and not next_url.startswith("//") and "\\" not in next_url:
        return next_url
    return fallback


class CorrectionIn(BaseModel):
    field: str = Field(max_length=20, description="verdict, speaker, kind or date")
    value: Any = Field(None, description='verdict: right/wrong/null; kind; date YYYY-MM-DD or null; speaker: '
                                         '{"id": n} or {"name": "...", "type": "person"}')
    editor: str = Field("", max_length=80, description="Who is editing (else the browser's name cookie)")


class MergeIn(BaseModel):
    other: int = Field(ge=1, le=2**62, description="The speaker folded into this one")
    editor: str = Field("", max_length=80)


MAX_PICKED = 1000  # records (or name forms) one split may name


class SplitIn(BaseModel):
    printed_as: Union[Annotated[str, Field(max_length=500)],
                      Annotated[list[Annotated[str, Field(max_length=500)]], Field(max_length=MAX_PICKED)]] = Field(
        "", description="Move this speaker's quotes printed with this name (or these names)")
    attribution_ids: list[Annotated[int, Field(ge=1, le=2**62)]] = Field(
        [], max_length=MAX_PICKED, description="... and these records of the speaker")
    new_name: str = Field(max_length=200, description="... to this speaker (made if new)")
    editor: str = Field("", max_length=80)


def _speaker_value(text: str, type_: str) -> dict[str, Any]:
    text = " ".join((text or "").split())
    if text.startswith("#") and text[1:].isdigit():
        return {"id": int(text[1:])}
    return {"name": text, "type": type_ or "person"}


def register(app: FastAPI, db_path: Union[str, Path]) -> None:
    """Add the write routes (forms and JSON API) and the edit log pages to an edit-mode app."""
    writer = app.state.writer = EditStore(db_path, app.state.store)
    page = app.state.page

    def by(request: Request, given: str = "") -> str:
        name = (given or editor_of(request)).strip()
        if not name:
            raise EditError("say who is editing: type your name in the box at the top of the page (once per browser)")
        return name

    def back(next_url: str, anchor: str = "") -> RedirectResponse:
        return RedirectResponse(_local(next_url) + anchor, status_code=303)

    # -- forms ---------------------------------------------------------------------------------------

    @app.post("/editor", include_in_schema=False)
    def set_editor(request: Request, editor: Annotated[str, Form(max_length=80)],
                   csrf: Csrf = "", next: Next = "/"):
        check_origin(request, csrf)
        response = back(next)
        response.set_cookie(EDITOR_COOKIE, " ".join(editor.split())[:80], max_age=365 * 86400, samesite="strict",
                            httponly=True)
        return response

    @app.post("/attributions/{attribution_id}/correct", include_in_schema=False)
    def correct_form(request: Request, attribution_id: Id, field: Annotated[str, Form(max_length=20)],
                     value: Annotated[str, Form(max_length=200)] = "", type: Annotated[str, Form(max_length=20)] = "",
                     csrf: Csrf = "", next: Next = "/"):
        check_origin(request, csrf)
        given = _speaker_value(value, type) if field == "speaker" else value
        writer.write(writer.corpus.correct, attribution_id, field, given, by(request))
        return back(next, f"#att-{attribution_id}")

    @app.post("/speakers/{speaker_id}/merge", include_in_schema=False)
    def merge_form(request: Request, speaker_id: Id, other: Annotated[str, Form(max_length=200)],
                   csrf: Csrf = ""):
        check_origin(request, csrf)
        other_id = _resolve_speaker(writer, other)
        writer.write(writer.corpus.merge_speakers, speaker_id, other_id, by(request))
        return back(f"/speakers/{speaker_id}")

    @app.post("/speakers/{speaker_id}/split", include_in_schema=False)
    def split_form(request: Request, speaker_id: Id, new_name: Annotated[str, Form(max_length=200)],
                   printed_as: Annotated[list[str], Form()] = [],  # noqa: B006 (FastAPI copies it)
                   records: Annotated[list[int], Form()] = [],  # noqa: B006
                   csrf: Csrf = ""):
        check_origin(request, csrf)
        if len(records) > MAX_PICKED or len(printed_as) > MAX_PICKED:
            raise EditError(f"pick at most {MAX_PICKED} records or names at a time")
        if any(len(n) > 500 for n in printed_as) or any(not 1 <= i <= 2**62 for i in records):
            raise EditError("a name picked is over 500 characters, or a record number is out of range")
        moved = writer.write(writer.corpus.split_speaker, speaker_id, printed_as, new_name, by(request), records)
        return back(f"/speakers/{moved[0].speaker_id}")

    @app.post("/paste/keep", include_in_schema=False)
    def keep_paste(request: Request, text: Annotated[str, Form(max_length=100_000)],
                   published: Annotated[str, Form(max_length=10)] = "", title: Annotated[str, Form(max_length=500)] = "",
                   csrf: Csrf = ""):
        check_origin(request, csrf)
        from . import views

        result = views.paste(app.state.extract, text, published, title)
        stored = writer.write(writer.corpus.add, result["extraction"], "pasted in the browser")
        if stored is None:  # already stored: find it by its identity
            from ..store.identity import article_identity

            row = writer.corpus.conn.execute("SELECT id FROM articles WHERE identity = ?",
                                             (article_identity(result["extraction"].article.text, None),)).fetchone()
            stored = row[0] if row else None
        return RedirectResponse(f"/articles/{stored}" if stored else "/articles", status_code=303)

    # -- JSON API ------------------------------------------------------------------------------------

    @app.get("/api/csrf", tags=["edit"], summary="The token writes must carry")
    def csrf_api(request: Request) -> dict[str, Any]:
        """Same-origin scripts read it and send it as ``X-CSRF-Token``; other sites cannot read it."""
        allowed = app.state.allowed_hosts
        host_name = (request.headers.get("host") or "").rsplit(":", 1)[0].strip("[]").lower()
        if allowed and host_name not in allowed:
            raise HTTPException(403, f"the token is only given to {', '.join(sorted(allowed))}")
        return {"token": app.state.csrf, "editor": editor_of(request) or None}

    @app.post("/api/attributions/{attribution_id}", tags=["edit"], summary="Correct one record")
    def correct_api(request: Request, attribution_id: Id, body: Annotated[CorrectionIn, Body()]) -> dict[str, Any]:
        check_origin(request, request.headers.get("x-csrf-token"))
        edit = writer.write(writer.corpus.correct, attribution_id, body.field, body.value, by(request, body.editor))
        return {"edit": edit.to_dict()}

    @app.post("/api/speakers/{speaker_id}/merge", tags=["edit"], summary="Merge a speaker into this one")
    def merge_api(request: Request, speaker_id: Id, body: Annotated[MergeIn, Body()]) -> dict[str, Any]:
        check_origin(request, request.headers.get("x-csrf-token"))
        edit = writer.write(writer.corpus.merge_speakers, speaker_id, body.other, by(request, body.editor))
        return {"edit": edit.to_dict()}

    @app.post("/api/speakers/{speaker_id}/split", tags=["edit"], summary="Split quotes off this speaker")
    def split_api(request: Request, speaker_id: Id, body: Annotated[SplitIn, Body()]) -> dict[str, Any]:
        check_origin(request, request.headers.get("x-csrf-token"))
        moved = writer.write(writer.corpus.split_speaker, speaker_id, body.printed_as, body.new_name,
                             by(request, body.editor), body.attribution_ids)
        return {"edits": [e.to_dict() for e in moved]}


def register_refusals(app: FastAPI) -> None:
    """On a read-only server, every write route answers 403 with how to enable editing."""
    def refuse() -> None:
        raise HTTPException(403, "this server is read-only; serve the store with 'saidwhat serve --edit' to "
                                 "correct records")

    for path in ("/editor", "/attributions/{attribution_id}/correct", "/speakers/{speaker_id}/merge",
                 "/speakers/{speaker_id}/split", "/paste/keep", "/api/attributions/{attribution_id}",
                 "/api/speakers/{speaker_id}/merge", "/api/speakers/{speaker_id}/split"):
        app.add_api_route(path, refuse, methods=["POST"], include_in_schema=False)


def register_log(app: FastAPI) -> None:
    """The edit log, as a page, JSON and CSV (read-only servers show it too)."""
    store = app.state.store
    page = app.state.page

    def log(status: str, limit: int):
        with store.connection() as conn:
            if not conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'edits'").fetchone():
                return []
            return edit_log(conn, status=status or None, limit=limit)

    @app.get("/attributions/{attribution_id}", include_in_schema=False)
    def attribution_page(attribution_id: Id) -> RedirectResponse:
        with store.connection() as conn:
            row = conn.execute("SELECT article_id FROM attributions WHERE id = ?", (attribution_id,)).fetchone()
        if row is None:
            raise HTTPException(404, f"no attribution #{attribution_id} in this store (re-extracted away?); "
                                     "see the edit log at /edits")
        return RedirectResponse(f"/articles/{row[0]}#att-{attribution_id}", status_code=303)

    @app.get("/edits", response_class=HTMLResponse, tags=["pages"], summary="The edit log (HTML)")
    def edits_page(request: Request, status: Status = "", limit: Limit = 200):
        return page(request, "edits.html", json_url=f"/api/edits?status={status}&limit={limit}",
                    log=log(status, limit), log_status=status)

    @app.get("/api/edits", tags=["api"], summary="The edit log")
    def edits_api(status: Status = "", limit: Limit = 200) -> dict[str, Any]:
        return {"edits": [e.to_dict() for e in log(status, limit)]}

    @app.get("/edits.csv", tags=["api"], summary="The edit log as CSV")
    def edits_csv(status: Status = "", limit: Limit = 10_000) -> Response:
        import io

        from ..export.csv_writer import CsvWriter
        from ..store.edits import LOG_COLUMNS, log_cells

        buf = io.StringIO()
        CsvWriter(buf, LOG_COLUMNS).rows(log_cells(e) for e in log(status, limit))
        return Response(buf.getvalue(), media_type="text/csv; charset=utf-8",
                        headers={"Content-Disposition": 'attachment; filename="edits.csv"'})


def _resolve_speaker(writer: EditStore, text: str) -> int:
    text = " ".join((text or "").split())
    if text.startswith("#") and text[1:].isdigit():
        return int(text[1:])
    if text.isdigit():
        return int(text)
    from ..store.queries import speaker_ids

    with writer.lock:
        ids = speaker_ids(writer.corpus.conn, text)
    if len(ids) != 1:
        raise EditError(f"{text!r} names {len(ids)} speakers; give one as #id (see /speakers)")
    return ids[0]


def new_token() -> str:
    return secrets.token_urlsafe(32)
