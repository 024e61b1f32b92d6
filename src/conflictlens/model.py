"""The core data model every pipeline stage reads and writes.

Field names follow ACLED's codebook wherever ACLED has one (``event_type``,
``sub_event_type``, ``time_precision``, ``geo_precision``, ``fatalities``,
``admin1`` …) so that analysts recognise them in exports.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import asdict, dataclass, field
from enum import IntEnum
from typing import Any, Literal

ClaimType = Literal["asserted", "claimed", "alleged", "denied", "unverified", "corroborated"]
ClaimStatus = Literal["reported", "claimed", "alleged", "denied", "unverified", "corroborated"]
SourceKind = Literal[
    "official_statement",
    "government",
    "military",
    "armed_group",
    "media",
    "ngo",
    "local_sources",
    "witnesses",
    "unnamed_reports",
    "outlet",
]
PlaceLevel = Literal["populated_place", "feature", "admin2", "admin1", "country"]
EventKind = Literal["event", "allegation"]


class TimePrecision(IntEnum):
    """ACLED ``time_precision``: how exactly the event date is known."""

    DAY = 1
    WEEK = 2
    MONTH = 3


class GeoPrecision(IntEnum):
    """ACLED ``geo_precision``: how exactly the event location is known."""

    EXACT = 1  # the named village or town itself
    NEAR = 2  # "near", "outskirts of", a part of a region, or a small district
    AREA = 3  # only a province, region or country is known


def content_hash(*parts: object, length: int = 16) -> str:
    """A stable identifier from content, so a re-run updates rows instead of duplicating them."""
    digest = hashlib.sha256("\x1f".join("" if p is None else str(p) for p in parts).encode("utf-8"))
    return digest.hexdigest()[:length]


@dataclass(frozen=True, slots=True)
class Span:
    """Character offsets into ``Document.text``, end exclusive."""

    start: int
    end: int


@dataclass(slots=True)
class Document:
    """One news report as ingested, before and after language detection."""

    text: str
    doc_id: str = ""
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published_at: dt.date | None = None
    language: str | None = None
    source_path: str | None = None
    outlets_named: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.doc_id:
            self.doc_id = content_hash(self.url or "", self.text)


@dataclass(slots=True)
class Mention:
    """A stretch of text recognised as an actor, place, date or number."""

    text: str
    span: Span
    label: str
    sentence_index: int
    canonical: str | None = None


@dataclass(slots=True)
class Actor:
    """A canonical actor as ACLED names it, with its interaction type."""

    name: str
    actor_type: str
    inter: int
    country: str | None = None
    surface: str | None = None


@dataclass(slots=True)
class Place:
    """A resolved location with its administrative context."""

    name: str
    country: str | None
    country_code: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: GeoPrecision = GeoPrecision.AREA
    level: PlaceLevel = "populated_place"
    geonameid: int | None = None
    surface: str | None = None


@dataclass(slots=True)
class Source:
    """Who says that an event happened."""

    name: str
    kind: SourceKind


@dataclass(slots=True)
class Claim:
    """One statement, in one document, that an event happened (or did not)."""

    claimant: Source
    claim_type: ClaimType
    evidence: str
    span: Span
    doc_id: str


@dataclass(slots=True)
class Event:
    """One coded event, as an ACLED coder would record it, plus its provenance."""

    doc_id: str
    event_type: str
    sub_event_type: str
    actor1: Actor | None = None
    assoc_actor_1: list[Actor] = field(default_factory=list)
    actor2: Actor | None = None
    assoc_actor_2: list[Actor] = field(default_factory=list)
    event_date: dt.date | None = None
    end_date: dt.date | None = None
    time_precision: TimePrecision | None = None
    date_text: str | None = None
    place: Place | None = None
    fatalities: int = 0
    fatalities_text: str | None = None
    notes: str = ""
    evidence: list[Span] = field(default_factory=list)
    kind: EventKind = "event"
    source: Source | None = None
    claim_status: ClaimStatus = "reported"
    claims: list[Claim] = field(default_factory=list)
    confidence: float = 0.5
    trigger: str = ""
    event_id: str = ""

    def assign_id(self) -> str:
        """Content-hash ID: the same report coded the same way always gets the same ID."""
        first = self.evidence[0] if self.evidence else Span(0, 0)
        self.event_id = content_hash(
            self.doc_id, self.event_type, self.sub_event_type, first.start, first.end, self.trigger
        )
        return self.event_id

    @property
    def date_precision(self) -> str:
        """A readable precision: day, week, month, range, or open when no date is known."""
        if self.event_date is None:
            return "open"
        if self.end_date is not None and self.end_date != self.event_date:
            return "range"
        return {TimePrecision.DAY: "day", TimePrecision.WEEK: "week", TimePrecision.MONTH: "month"}[
            self.time_precision or TimePrecision.MONTH
        ]

    def all_actors(self) -> list[Actor]:
        side_one = ([self.actor1] if self.actor1 else []) + self.assoc_actor_1
        side_two = ([self.actor2] if self.actor2 else []) + self.assoc_actor_2
        return side_one + side_two

    def to_record(self) -> dict[str, Any]:
        """A flat, ACLED-named record for tables, JSON and CSV."""
        place = self.place
        return {
            "event_id": self.event_id,
            "doc_id": self.doc_id,
            "event_date": self.event_date.isoformat() if self.event_date else None,
            "end_date": self.end_date.isoformat() if self.end_date else None,
            "time_precision": int(self.time_precision) if self.time_precision else None,
            "date_precision": self.date_precision,
            "event_type": self.event_type,
            "sub_event_type": self.sub_event_type,
            "kind": self.kind,
            "actor1": self.actor1.name if self.actor1 else None,
            "assoc_actor_1": "; ".join(a.name for a in self.assoc_actor_1) or None,
            "inter1": self.actor1.inter if self.actor1 else None,
            "actor2": self.actor2.name if self.actor2 else None,
            "assoc_actor_2": "; ".join(a.name for a in self.assoc_actor_2) or None,
            "inter2": self.actor2.inter if self.actor2 else None,
            "country": place.country if place else None,
            "admin1": place.admin1 if place else None,
            "admin2": place.admin2 if place else None,
            "location": place.name if place else None,
            "latitude": place.latitude if place else None,
            "longitude": place.longitude if place else None,
            "geo_precision": int(place.geo_precision) if place else None,
            "location_level": place.level if place else None,
            "fatalities": self.fatalities,
            "fatalities_text": self.fatalities_text,
            "source": self.source.name if self.source else None,
            "source_kind": self.source.kind if self.source else None,
            "claim_status": self.claim_status,
            "confidence": round(self.confidence, 3),
            "notes": self.notes,
        }

    def to_dict(self) -> dict[str, Any]:
        """The full nested form, for JSON output and the store."""
        data = asdict(self)
        data["date_precision"] = self.date_precision
        return data


@dataclass(slots=True)
class ProcessedDocument:
    """What the pipeline returns for one document: the document and its events."""

    document: Document
    events: list[Event]
    mentions: list[Mention] = field(default_factory=list)


@dataclass(slots=True)
class DocumentFailure:
    """A document that could not be processed, kept with its reason so nothing is lost."""

    source_path: str
    reason: str
    doc_id: str | None = None
