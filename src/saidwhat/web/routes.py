"""The app's routes: each HTML page, its JSON twin under /api/, and the search downloads.

Handlers are plain ``def`` so FastAPI runs them in its thread pool (SQLite and spaCy block).
"""

from __future__ import annotations

from typing import Annotated, Any, Optional
from urllib.parse import urlencode

from fastapi import Body, Depends, FastAPI, Form, HTTPException, Path, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, StreamingResponse
from pydantic import BaseModel, Field

from . import downloads, views
from .views import SearchParams

TEXT = 500  # longest accepted search text, speaker name or outlet


def search_params(
    q: Annotated[str, Query(max_length=TEXT, description="Words that must all appear; \"phrases\"; prefix*")] = "",
    speaker: Annotated[str, Query(max_length=TEXT, description="A name as printed, or #id")] = "",
    since: Annotated[str, Query(max_length=10, description="Said on or after (YYYY-MM-DD, YYYY-MM, YYYY)")] = "",
    until: Annotated[str, Query(max_length=10, description="Said on or before (inclusive)")] = "",
    kind: Annotated[str, Query(max_length=20, description="direct, indirect or mixed")] = "",
    source_type: Annotated[str, Query(max_length=20, description="person, organization, unnamed, unknown")] = "",
    outlet: Annotated[str, Query(max_length=TEXT, description="Outlet name (exact, any case)")] = "",
    page: Annotated[int, Query(ge=1, le=10_000)] = 1,
    per_page: Annotated[int, Query(ge=1, le=100)] = 20,
    sort: Annotated[str, Query(max_length=20, description="newest, oldest, outlet or relevance")] = "newest",
    confidence: Annotated[str, Query(max_length=10, description="low: only uncertain records; high: the others")] = "",
    review: Annotated[str, Query(max_length=20, description="unchecked, right, wrong or corrected")] = "",
) -> SearchParams:
    return SearchParams(q, speaker, since, until, kind, source_type, outlet, page, per_page, sort, confidence, review)


Params = Annotated[SearchParams, Depends(search_params)]
SpeakerId = Annotated[int, Path(ge=1, le=2**62)]
ArticleId = Annotated[int, Path(ge=1, le=2**62)]
Limit = Annotated[int, Query(ge=1, le=downloads.MAX_ROWS, description="Most rows to return")]
Name = Annotated[str, Query(max_length=TEXT, description="A name as printed, or #id")]
Count = Annotated[int, Query(ge=1, le=500)]
ArticleText = Annotated[str, Query(max_length=TEXT)]
Day = Annotated[str, Query(max_length=10, description="Published on or after / before (YYYY-MM-DD)")]
PageNo = Annotated[int, Query(alias="page", ge=1, le=10_000)]


class PasteIn(BaseModel):
    """An article to extract attributions from, without storing it."""

    text: str = Field(max_length=views.MAX_PASTE_CHARS)
    published: str = Field("", max_length=10, description="YYYY-MM-DD; anchors relative dates")
    title: str = Field("", max_length=TEXT)


def register(app: FastAPI) -> None:
    store = app.state.store
    page = app.state.page

    # -- search ------------------------------------------------------------------------------------

    @app.get("/", include_in_schema=False)
    def home() -> RedirectResponse:
        return RedirectResponse("/search", status_code=307)

    @app.get("/search", response_class=HTMLResponse, tags=["pages"], summary="Search quotes (HTML)")
    def search_page(request: Request, params: Params):
        result = views.search(store, params)
        qs = result["params"].query_string()
        return page(request, "search.html", json_url="/api/search" + (f"?{qs}" if qs else ""), **result)

    @app.get("/api/search", tags=["api"], summary="Search quotes")
    def search_api(params: Params) -> dict[str, Any]:
        """Quotes matching every filter given, newest first, one page at a time."""
        return views.search_json(views.search(store, params))

    def download(params: SearchParams, limit: int, fmt: str) -> StreamingResponse:
        params = downloads.first_check(store, params)
        rows = downloads.csv_rows if fmt == "csv" else downloads.jsonl_rows
        media = "text/csv; charset=utf-8" if fmt == "csv" else "application/x-ndjson; charset=utf-8"
        return StreamingResponse(rows(store, params, limit), media_type=media,
                                 headers={"Content-Disposition": f'attachment; filename="quotes.{fmt}"'})

    @app.get("/search.csv", tags=["api"], summary="Download matching quotes as CSV")
    def search_csv(params: Params, limit: Limit = 10_000) -> StreamingResponse:
        """Every matching quote (up to ``limit``), one CSV row each; cells that would start a spreadsheet
        formula get a leading apostrophe."""
        return download(params, limit, "csv")

    @app.get("/search.jsonl", tags=["api"], summary="Download matching quotes as JSON Lines")
    def search_jsonl(params: Params, limit: Limit = 10_000) -> StreamingResponse:
        return download(params, limit, "jsonl")

    # -- speakers ----------------------------------------------------------------------------------

    @app.get("/speakers", response_class=HTMLResponse, tags=["pages"], summary="Speakers (HTML)")
    def speakers_page(request: Request, name: Name = "", limit: Count = 50):
        result = views.speakers(store, name, limit)
        return page(request, "speakers.html", json_url=f"/api/speakers?name={_q(name)}&limit={limit}", **result)

    @app.get("/api/speakers", tags=["api"], summary="Speakers ranked by quotes")
    def speakers_api(name: Name = "", limit: Count = 50) -> dict[str, Any]:
        result = views.speakers(store, name, limit)
        return {"name": result["name"], "speakers": [s.to_dict() for s in result["speakers"]]}

    def _speaker(speaker_id: int) -> dict[str, Any]:
        result = views.speaker(store, speaker_id)
        if result is None:
            raise HTTPException(404, f"no speaker #{speaker_id} with quotes in this store; "
                                     "find speakers at /speakers")
        return result

    @app.get("/speakers/{speaker_id}", response_class=HTMLResponse, tags=["pages"], summary="A speaker (HTML)")
    def speaker_page(request: Request, speaker_id: SpeakerId):
        extra = views.speaker_split(store, speaker_id) if app.state.editing else {}
        return page(request, "speaker.html", json_url=f"/api/speakers/{speaker_id}", **_speaker(speaker_id), **extra)

    @app.get("/api/speakers/{speaker_id}", tags=["api"], summary="A speaker")
    def speaker_api(speaker_id: SpeakerId) -> dict[str, Any]:
        """Name, aliases, roles over time, counts, quotes per week, top topics and the latest quotes."""
        return views.speaker_json(_speaker(speaker_id))

    # -- articles ----------------------------------------------------------------------------------

    def _articles(q: str, outlet: str, since: str, until: str, page_no: int) -> dict[str, Any]:
        return views.articles(store, q, outlet, since, until, page_no)


    @app.get("/articles", response_class=HTMLResponse, tags=["pages"], summary="Articles (HTML)")
    def articles_page(request: Request, q: ArticleText = "", outlet: ArticleText = "", since: Day = "",
                      until: Day = "", page_no: PageNo = 1):
        result = _articles(q, outlet, since, until, page_no)
        qs = urlencode(result["filters"])
        return page(request, "articles.html", json_url="/api/articles" + (f"?{qs}" if qs else ""), qs=qs, **result)

    @app.get("/api/articles", tags=["api"], summary="Articles")
    def articles_api(q: ArticleText = "", outlet: ArticleText = "", since: Day = "", until: Day = "",
                     page_no: PageNo = 1) -> dict[str, Any]:
        """Stored articles, newest published first, filtered by words, outlet and publication dates."""
        result = _articles(q, outlet, since, until, page_no)
        return {"filters": result["filters"], "page": result["page"], "has_more": result["has_more"],
                "articles": [a.to_dict() for a in result["articles"]]}

    def _article(article_id: int) -> dict[str, Any]:
        result = views.article(store, article_id)
        if result is None:
            raise HTTPException(404, f"no article #{article_id} in this store; find articles through /search")
        return result

    @app.get("/articles/{article_id}", response_class=HTMLResponse, tags=["pages"], summary="An article (HTML)")
    def article_page(request: Request, article_id: ArticleId):
        result = _article(article_id)
        extra = views.article_edits(store, article_id) if app.state.editing else {}
        return page(request, "article.html", json_url=f"/api/articles/{article_id}", **result, **extra)

    @app.get("/api/articles/{article_id}", tags=["api"], summary="An article")
    def article_api(article_id: ArticleId) -> dict[str, Any]:
        """The article's text and metadata, its attributions with offsets, its speakers and dates."""
        return views.article_json(_article(article_id))

    # -- paste -------------------------------------------------------------------------------------

    @app.get("/paste", response_class=HTMLResponse, tags=["pages"], summary="Paste form, or a linked result (HTML)")
    def paste_form(request: Request,
                   text: Annotated[str, Query(max_length=views.MAX_LINKED_PASTE)] = "",
                   published: Annotated[str, Query(max_length=10)] = "",
                   title: Annotated[str, Query(max_length=TEXT)] = ""):
        """With ``text``: the result of that paste (what the result's link opens); nothing is stored."""
        if not text.strip():
            return page(request, "paste.html", result=None, text="", published="", title="", json_url=None)
        return paste_result(request, text, published, title)

    def paste_result(request: Request, text: str, published: str, title: str) -> HTMLResponse:
        result = views.paste(app.state.extract, text, published, title)
        return page(request, "paste.html", result=result, text=result["text"], published=result["published"],
                    title=result["title"], json_url=None, link=views.paste_link(result))

    @app.post("/paste", response_class=HTMLResponse, tags=["pages"], summary="Attributions in pasted text (HTML)")
    def paste_page(request: Request,
                   text: Annotated[str, Form(max_length=views.MAX_PASTE_CHARS)],
                   published: Annotated[str, Form(max_length=10)] = "",
                   title: Annotated[str, Form(max_length=TEXT)] = ""):
        return paste_result(request, text, published, title)

    @app.post("/api/paste", tags=["api"], summary="Attributions in pasted text")
    def paste_api(body: Annotated[PasteIn, Body()]) -> dict[str, Any]:
        """The extraction (``Extraction.to_dict()``) of the text given; nothing is stored."""
        return views.paste_json(views.paste(app.state.extract, body.text, body.published, body.title))

    # -- store -------------------------------------------------------------------------------------

    @app.get("/api/stats", tags=["api"], summary="Store statistics")
    def stats_api() -> dict[str, Any]:
        return views.stats(store)


def _q(value: Optional[str]) -> str:
    from urllib.parse import quote

    return quote(value or "", safe="")
