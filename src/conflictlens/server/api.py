"""The REST API (FastAPI): events, their evidence and sources, documents, actors, exports and review.

A thin layer over the store and ``review``: the app opens the store once (its engine keeps a pool of
connections for the server's threads), reads or writes through the same functions the CLI uses, and
closes it on shutdown. Reading is open unless ``api_require_token`` is set; reviewing always needs a token.
Before any endpoint, ``guard``'s middleware refuses what no endpoint should parse (control characters in the
address, an unauthenticated write, an oversized body), and every response carries the security headers.
"""

# Annotations are evaluated (no __future__ import): FastAPI reads the dependency aliases defined in create_app.

import datetime as dt
import logging
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import replace
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import Depends, FastAPI, Header, HTTPException, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, PlainTextResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field

from conflictlens import __version__
from conflictlens.config import Settings
from conflictlens.errors import ConflictLensError
from conflictlens.knowledge import Knowledge
from conflictlens.server.guard import RequestGuard, SecurityHeaders, content_security_policy, security_headers
from conflictlens.store.export import export as export_records
from conflictlens.store.export import to_geojson
from conflictlens.store.review import (
    EDITABLE_FIELDS,
    ReviewAction,
    ReviewError,
    review_event,
    reviewer_for,
)
from conflictlens.store.sql import EventFilter, SQLStore, apply_review, open_store

WEB = Path(__file__).resolve().parent / "web"
SWAGGER = "/vendor/swagger-ui-dist"
MAX_PAGE = 1000
MAX_OFFSET = 10_000_000  # far past any store's events, and far below what the databases' 64-bit OFFSET takes
Order = Literal["need", "date", "-date", "type", "-type", "location", "-location", "deaths", "-deaths", "claim", "-claim",
                "review", "-review"]
MAX_FEATURES = 20_000
DOCS_PAGE = f"""<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>conflictlens API</title>
  <link rel="stylesheet" href="{SWAGGER}/swagger-ui.css">
  <link rel="icon" href="{SWAGGER}/favicon-32x32.png">
</head>
<body>
  <div id="swagger-ui" data-openapi="/openapi.json"></div>
  <script src="{SWAGGER}/swagger-ui-bundle.js"></script>
  <script src="{SWAGGER}/swagger-initializer.js"></script>
</body>
</html>
"""
PLACES = {"query": "query parameter", "path": "path parameter", "header": "header", "body": "body field"}
log = logging.getLogger(__name__)


class EventPage(BaseModel):
    total: int = Field(description="Events matching the filters, before paging.")
    limit: int
    offset: int
    events: list[dict[str, Any]]


class ReviewRequest(BaseModel):
    action: ReviewAction = Field(description="confirm, edit (with changes) or reject.")
    changes: dict[str, Any] = Field(default_factory=dict,
                                    description=f"Fields to set, for 'edit': {', '.join(EDITABLE_FIELDS)}.")


class ErrorBody(BaseModel):
    detail: str


ERRORS: dict[int | str, dict[str, Any]] = {
    401: {"model": ErrorBody, "description": "Missing or unknown API token."},
    404: {"model": ErrorBody, "description": "No such event or document."},
    422: {"model": ErrorBody, "description": "A parameter or field is not valid."},
}


def _bearer(authorization: str | None) -> str | None:
    if authorization and authorization.lower().startswith("bearer "):
        return authorization[7:].strip()
    return None


def create_app(settings: Settings) -> FastAPI:
    """The API for the store named in ``settings``."""
    opened = open_store(settings.db)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        opened.close()

    # /docs is served from the packaged Swagger UI (npm's swagger-ui-dist), not a CDN: it works offline.
    app = FastAPI(title="conflictlens", version=__version__, lifespan=lifespan, docs_url=None, redoc_url=None,
                  description="Coded, geocoded, source-attributed conflict events, with analyst review.")
    policy = content_security_policy(settings.map_tiles)

    def authenticated(authorization: str | None) -> str:
        """The reviewer a request's bearer token names; a missing, unknown, revoked or expired one is a 401."""
        try:
            return reviewer_for(opened, _bearer(authorization))
        except ReviewError as exc:
            raise HTTPException(401, str(exc), headers={"WWW-Authenticate": "Bearer"}) from None

    # Added innermost first: every response, refusals included, carries the security headers.
    app.add_middleware(RequestGuard, max_body_bytes=settings.api_max_body_bytes, authenticate=authenticated)
    app.add_middleware(SecurityHeaders, policy=policy)

    @app.get("/docs", include_in_schema=False)
    def swagger_ui() -> HTMLResponse:
        return HTMLResponse(DOCS_PAGE)

    # Swagger UI starts from a file, not an inline script, so that /docs runs under script-src 'self'; ours takes the
    # place of the package's own swagger-initializer.js (which opens the Petstore example).
    @app.get(f"{SWAGGER}/swagger-initializer.js", include_in_schema=False)
    def swagger_initializer() -> FileResponse:
        return FileResponse(WEB / "static" / "swagger-initializer.js", media_type="text/javascript")

    taxonomy = Knowledge.load(settings.dictionaries).taxonomy

    def store() -> SQLStore:
        return opened

    def reader(db: Annotated[SQLStore, Depends(store)],
               authorization: Annotated[str | None, Header()] = None) -> SQLStore:
        if settings.api_require_token:
            authenticated(authorization)
        return db

    Reader = Annotated[SQLStore, Depends(reader)]

    def event_filter(
        date_from: dt.date | None = None, date_to: dt.date | None = None,
        event_type: str | None = None, country: str | None = None, admin1: str | None = None,
        actor: Annotated[str | None, Query(description="Part of an actor's name (actor1, actor2 or associated).")] = None,
        claim_status: str | None = None,
        contested: bool = False,
        bbox: Annotated[str | None, Query(description="west,south,east,north in degrees.")] = None,
        q: Annotated[str | None, Query(description="Full-text search: words that must all appear in the notes, evidence, "
                                                 "place or actors (stemmed: 'killing' finds 'killed').")] = None,
        include_rejected: bool = False,
    ) -> EventFilter:
        return EventFilter(date_from=date_from, date_to=date_to, event_type=event_type, country=country,
                           admin1=admin1, actor=actor, claim_status=claim_status, contested=contested,
                           bbox=_bbox(bbox), text=q, include_rejected=include_rejected)

    Filter = Annotated[EventFilter, Depends(event_filter)]

    @app.get("/", include_in_schema=False)
    def page() -> FileResponse:
        return FileResponse(WEB / "index.html")

    app.mount("/static", StaticFiles(directory=WEB / "static"), name="static")
    # Leaflet, its clustering plugin, topojson-client and the Natural Earth outlines, as npm installed them.
    app.mount("/vendor", StaticFiles(directory=WEB / "node_modules", check_dir=False), name="vendor")

    @app.get("/api/map-config")
    def map_config() -> dict[str, str | None]:
        """The tile layer the web map uses, if any (without one it draws the packaged country outlines)."""
        return {"tiles": settings.map_tiles, "tiles_attribution": settings.map_tiles_attribution}

    @app.get("/api/taxonomy")
    def event_taxonomy() -> dict[str, list[str]]:
        """Event types and their sub-event types, as the coder and the review use them."""
        return taxonomy

    @app.get("/api/health")
    def health() -> dict[str, str]:
        return {"status": "ok", "version": __version__}

    @app.get("/api/events", response_model=EventPage, responses=ERRORS)
    def list_events(db: Reader, query: Filter, limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 100,
                    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
                    order: Annotated[Order, Query(description="A column, '-' before it for descending, or 'need': "
                                                              "the review queue (unreviewed, then unvouched claims, "
                                                              "undated and single-source events first).")] = "date",
                    ) -> Response:
        """Fused events (one per real-world event, with all its sources), filtered, ordered and paged."""
        found = db.fused_page(replace(query, limit=limit, offset=offset, order=order))
        page = EventPage(total=found.total, limit=limit, offset=offset, events=found.events)
        # Serialised by pydantic directly: FastAPI's generic encoder costs more than the query.
        return Response(page.model_dump_json(), media_type="application/json")

    @app.get("/api/events.geojson", responses=ERRORS, response_class=PlainTextResponse)
    def events_geojson(db: Reader, query: Filter, limit: Annotated[int, Query(ge=1, le=MAX_FEATURES)] = MAX_FEATURES,
                       offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0) -> PlainTextResponse:
        """The filtered events as a GeoJSON FeatureCollection (events without coordinates have no geometry)."""
        records = db.fused_events(replace(query, limit=limit, offset=offset))
        return PlainTextResponse(to_geojson(records), media_type="application/geo+json")

    @app.get("/api/timeline", responses=ERRORS)
    def timeline(db: Reader, query: Filter) -> list[dict[str, Any]]:
        """Filtered events and deaths per month, for a timeline histogram."""
        return db.fused_timeline(query)

    @app.get("/api/events/{event_id}", responses=ERRORS)
    def event_detail(event_id: str, db: Reader) -> dict[str, Any]:
        """One event as reviewed, with every report, claim and evidence span, and its review history."""
        found = db.fused_record(event_id)
        detail = db.fused_event(event_id)
        if found is None or detail is None:
            raise HTTPException(404, f"no event {event_id!r}")
        fused_id, machine = found
        record = apply_review(machine, db.reviews(fused_id).get(fused_id))
        doc_ids = sorted({r["doc_id"] for r in detail.get("reports", []) if r.get("doc_id")})
        return {"event": record, "detail": detail, "documents": db.document_texts(doc_ids),
                "audit": db.audit_trail(fused_id)}

    @app.post("/api/events/{event_id}/review", responses={
        **ERRORS, 413: {"model": ErrorBody, "description": "The body is over api_max_body_bytes."}})
    def review(event_id: str, body: ReviewRequest, db: Annotated[SQLStore, Depends(store)],
               authorization: Annotated[str | None, Header()] = None) -> dict[str, Any]:
        """Confirm, edit or reject an event (needs a token, checked before the body is read). Edited fields survive
        re-processing."""
        reviewer = authenticated(authorization)
        if db.fused_record(event_id) is None:
            raise HTTPException(404, f"no event {event_id!r}")
        try:
            return review_event(db, event_id, body.action, body.changes, reviewer, taxonomy)
        except ReviewError as exc:
            raise HTTPException(422, str(exc)) from None

    @app.get("/api/events/{event_id}/audit", responses=ERRORS)
    def audit(event_id: str, db: Reader) -> list[dict[str, Any]]:
        """Every review of an event: who, when, the record before and after."""
        found = db.fused_record(event_id)
        if found is None:
            raise HTTPException(404, f"no event {event_id!r}")
        return db.audit_trail(found[0])

    @app.get("/api/documents/{doc_id}", responses=ERRORS)
    def document(doc_id: str, db: Reader) -> dict[str, Any]:
        """A stored document (text, outlet, warnings) and the events coded from it."""
        found = db.document(doc_id)
        if found is None:
            raise HTTPException(404, f"no document {doc_id!r}")
        return {"document": found, "events": db.events(EventFilter(doc_id=doc_id))}

    @app.get("/api/actors", responses=ERRORS)
    def actors(db: Reader, query: Filter) -> list[dict[str, Any]]:
        """Actors of the filtered events, with how many events each takes part in."""
        return db.fused_actor_counts(query)

    @app.get("/api/export", responses=ERRORS, response_class=PlainTextResponse)
    def export(db: Reader, query: Filter, format: Literal["acled-csv", "geojson", "jsonl"] = "acled-csv",
               extra_columns: bool = False) -> PlainTextResponse:
        """The filtered events as ACLED's CSV (dated events only; ``extra_columns`` adds conflictlens's own), GeoJSON
        or JSON Lines. A CSV's ``X-Left-Out`` header says how many records were left out, and why."""
        media = {"acled-csv": "text/csv", "geojson": "application/geo+json", "jsonl": "application/x-ndjson"}[format]
        exported = export_records(db, db.fused_events(query), format, extra_columns=extra_columns)
        left_out = ", ".join(f"{count} {why}" for why, count in exported.left_out.items())
        return PlainTextResponse(exported.text, media_type=media, headers={"X-Left-Out": left_out} if left_out else None)

    @app.exception_handler(RequestValidationError)
    def invalid_request(_request: Request, exc: RequestValidationError) -> JSONResponse:
        return JSONResponse({"detail": _one_line(exc)}, status_code=422)

    @app.exception_handler(ConflictLensError)
    def conflictlens_error(_request: Request, exc: ConflictLensError) -> JSONResponse:
        # The message names the store (its path, or its server and user): the log gets it, the client does not.
        log.error("%s", exc)
        return JSONResponse({"detail": "the store could not answer: try again later, or tell the server's operator "
                                       "(its log says why)"}, status_code=503)

    @app.exception_handler(Exception)
    def server_error(_request: Request, _exc: Exception) -> JSONResponse:
        # Answered outside the middleware (the server logs the traceback), so the security headers are set here.
        return JSONResponse({"detail": "the server failed on this request: tell its operator (its log says why)"},
                            status_code=500, headers=security_headers(policy))

    return app


SETTINGS_VARIABLE = "CONFLICTLENS_SERVE_SETTINGS"


def app_from_environment() -> FastAPI:
    """The app for ``serve --workers N``: each worker process builds it from the settings the command passed on."""
    encoded = os.environ.get(SETTINGS_VARIABLE)
    if not encoded:
        raise ConflictLensError(f"{SETTINGS_VARIABLE} is not set: start workers with `conflictlens serve --workers N`")
    return create_app(Settings.model_validate_json(encoded))


def _one_line(exc: RequestValidationError) -> str:
    """FastAPI's validation errors as one line: which parameter or field, and what is wrong (not the value sent)."""
    parts = []
    for error in exc.errors()[:5]:
        place, *names = error.get("loc", ("request",))
        what = f"{PLACES.get(str(place), str(place))} {'.'.join(str(n) for n in names)!r}" if names else str(place)
        parts.append(f"{what}: {' '.join(str(error.get('msg', 'is not valid')).split())}")
    return "; ".join(parts)


def _bbox(text: str | None) -> tuple[float, float, float, float] | None:
    if text is None:
        return None
    try:
        west, south, east, north = (float(v) for v in text.split(","))
    except ValueError:
        raise HTTPException(422, f"bbox {text!r} must be four numbers: west,south,east,north") from None
    if not (-180 <= west <= 180 and -180 <= east <= 180 and -90 <= south <= north <= 90):
        raise HTTPException(422, f"bbox {text!r} is outside the globe or south is above north")
    return west, south, east, north
