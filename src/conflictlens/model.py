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
# A denial is kept as the event it answers, so that fusion can find that event; it is never a report of it.
EventKind = Literal["event", "allegation", "denial"]
# What a denial contests: that the event happened, who did it, its toll, or that civilians were among its victims.
ContestedPart = Literal["event", "responsibility", "toll", "victims"]
# Whom an outlet speaks for (data/outlets.yaml).
Affiliation = Literal["state_media", "government", "party_media", "aligned_media", "wire_agency", "independent", "ngo"]
FusionStatus = Literal["single-source", "corroborated", "contested"]


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


def json_default(value: object) -> object:
    """JSON for the model's values that ``json`` does not know: dates as ISO strings, sets as sorted lists."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, set):
        return sorted(value)
    raise TypeError(f"cannot serialise {type(value).__name__}")


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
        if isinstance(self.published_at, dt.datetime):
            self.published_at = self.published_at.date()  # a day is what dates are read against
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


CIVILIANS_INTER = 7  # ACLED's interaction code for civilians


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
    """Who says that an event happened; ``affiliation`` names the actor a spokesman or office speaks for
    ("General Staff of the Armed Forces" for "Military Forces of Mali")."""

    name: str
    kind: SourceKind
    affiliation: str | None = None


@dataclass(slots=True)
class Claim:
    """One statement, in one document, that an event happened (or did not).

    A denial lists in ``denies`` the ids of the claims it answers, in its own document or, once reports
    are fused, in another one; ``contests`` says which part of the event it denies.
    """

    claimant: Source
    claim_type: ClaimType
    evidence: str
    span: Span
    doc_id: str
    denies: list[str] = field(default_factory=list)
    claim_id: str = ""
    contests: ContestedPart | None = None

    def __post_init__(self) -> None:
        if not self.claim_id:
            self.claim_id = content_hash(self.doc_id, self.span.start, self.span.end, self.claim_type,
                                         self.claimant.name, length=12)


def left_out_of_dataset(kind: str | None, event_date: object) -> str | None:
    """Why a coded record is not a row of the event dataset (ACLED's CSV), or None when it is one: an allegation or a
    denial is a claim about an event ("claims"), and ACLED has no row without a date ("undated")."""
    if (kind or "event") != "event":
        return "claims"
    return None if event_date else "undated"


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
    # One of several places a sentence lists ("the towns of Diffa, Arlit and Zinder"): ACLED codes an event per
    # location, so the place is part of what tells these events apart.
    place_from_list: bool = False

    def assign_id(self) -> str:
        """Content-hash ID: the same report coded the same way always gets the same ID."""
        first = self.evidence[0] if self.evidence else Span(0, 0)
        listed_place = [self.place.name] if self.place_from_list and self.place else []
        self.event_id = content_hash(
            self.doc_id, self.event_type, self.sub_event_type, first.start, first.end, self.trigger, *listed_place
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

    def is_dataset_row(self) -> bool:
        return left_out_of_dataset(self.kind, self.event_date) is None

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

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Event:
        """The inverse of ``to_dict`` (after a JSON round trip): dates as ISO strings, precisions as ints."""
        def actor(value: dict[str, Any] | None) -> Actor | None:
            return Actor(**value) if value else None

        def day(value: str | None) -> dt.date | None:
            return dt.date.fromisoformat(value) if value else None

        place = data.get("place")
        return cls(
            doc_id=data["doc_id"], event_type=data["event_type"], sub_event_type=data["sub_event_type"],
            actor1=actor(data.get("actor1")), actor2=actor(data.get("actor2")),
            assoc_actor_1=[Actor(**a) for a in data.get("assoc_actor_1", [])],
            assoc_actor_2=[Actor(**a) for a in data.get("assoc_actor_2", [])],
            event_date=day(data.get("event_date")), end_date=day(data.get("end_date")),
            time_precision=TimePrecision(data["time_precision"]) if data.get("time_precision") else None,
            date_text=data.get("date_text"),
            place=Place(**{**place, "geo_precision": GeoPrecision(place["geo_precision"])}) if place else None,
            fatalities=data.get("fatalities", 0), fatalities_text=data.get("fatalities_text"),
            notes=data.get("notes", ""), evidence=[Span(**s) for s in data.get("evidence", [])],
            kind=data.get("kind", "event"), source=Source(**data["source"]) if data.get("source") else None,
            claim_status=data.get("claim_status", "reported"),
            claims=[Claim(**{**c, "claimant": Source(**c["claimant"]), "span": Span(**c["span"])})
                    for c in data.get("claims", [])],
            confidence=data.get("confidence", 0.5), trigger=data.get("trigger", ""), event_id=data.get("event_id", ""),
            place_from_list=data.get("place_from_list", False),
        )


@dataclass(slots=True)
class SourceReport:
    """One document's report of a fused event: who published it and whom that outlet speaks for, whom it cites,
    its own version (toll, perpetrator, victims), and why fusion put it there. ``kind`` says whether the document
    reports the event, only alleges it, or denies it."""

    event_id: str
    doc_id: str
    outlet: str
    origin: str
    source: Source | None
    claim_status: ClaimStatus
    fatalities: int
    fatalities_text: str | None
    published_at: dt.date | None = None
    score: float = 1.0
    reason: str = ""
    kind: EventKind = "event"
    affiliation: Affiliation = "independent"
    side: str | None = None
    actor1: str | None = None
    actor2: str | None = None


def contesting_denials(claims: list[Claim], answering_docs: set[str]) -> list[Claim]:
    """The denials that contest an event: those that answer someone's claim, and those of documents that only deny
    or allege it. A report's own "no civilian was hurt" contests nothing no one else says."""
    return [c for c in claims if c.claim_type == "denied" and (c.denies or c.doc_id in answering_docs)]


# What a claim says of its event, in a claims table.
CLAIM_SAYS = {"asserted": "it happened", "claimed": "it happened (its own side's claim)",
              "corroborated": "it happened", "unverified": "it happened (unverified)", "alleged": "alleges it happened"}
DENIAL_SAYS = {"event": "it did not happen", "responsibility": "the accused did not do it",
               "toll": "the toll is false", "victims": "no civilians were among the victims"}


# How fusion's reason marks an undated report that matches a dated event it was not joined to.
POSSIBLE_MATCH = "possible match of "


@dataclass(slots=True)
class FusedEvent:
    """One real-world event as many documents report it.

    ``event`` is the merged coding (its claims are every report's claims, with denials linked to the
    allegations they answer across documents); ``reports`` keep each document's own figures.
    """

    fused_id: str
    event: Event
    reports: list[SourceReport]
    status: FusionStatus
    # "independently reported", "claimed by <side>'s own media", "reported only by <side>'s media", or
    # "alleged only" / "denied only" when no document reports it.
    attestation: str = ""

    @property
    def origins(self) -> list[str]:
        """Independent sources that report the event: documents crediting one wire agency, or published by outlets
        of one side, count once; an allegation or a denial is no report."""
        return list(dict.fromkeys(r.origin for r in self.reports if r.kind == "event"))

    @property
    def possible_match_of(self) -> str | None:
        """The dated event this undated one may be, for a reviewer to decide (fusion does not join them)."""
        reason = next((r.reason for r in self.reports if r.reason.startswith(POSSIBLE_MATCH)), None)
        return reason.removeprefix(POSSIBLE_MATCH).split(",", 1)[0] if reason else None

    @property
    def fatality_range(self) -> tuple[int, int]:
        figures = [r.fatalities for r in self.reports if r.fatalities_text and r.kind != "denial"]
        figures = figures or [self.event.fatalities]
        return min(figures), max(figures)

    @property
    def contested_parts(self) -> list[tuple[ContestedPart, str]]:
        """Each part of the event a denial contests, with who denies it."""
        answering = {r.doc_id for r in self.reports if r.kind != "event"}
        parts = [(c.contests or "event", c.claimant.name) for c in contesting_denials(self.event.claims, answering)]
        return list(dict.fromkeys(parts))

    def claims_table(self) -> list[dict[str, Any]]:
        """Who says what about the event: one row per claim, with what it says (happened, did not happen, who did
        it, how many died), the version of the document it comes from, when, and its evidence sentence."""
        by_doc = {r.doc_id: r for r in self.reports}
        rows = []
        for claim in self.event.claims:
            report = by_doc.get(claim.doc_id)
            denial = claim.claim_type == "denied"
            rows.append({
                "claim_id": claim.claim_id, "doc_id": claim.doc_id,
                "outlet": report.outlet if report else None,
                "affiliation": report.affiliation if report else None, "side": report.side if report else None,
                "published_at": report.published_at.isoformat() if report and report.published_at else None,
                "claimant": claim.claimant.name, "claimant_kind": claim.claimant.kind, "claim_type": claim.claim_type,
                "says": DENIAL_SAYS[claim.contests or "event"] if denial else CLAIM_SAYS[claim.claim_type],
                "perpetrator": None if denial or report is None else report.actor1,
                "victims": None if denial or report is None else report.actor2,
                "fatalities": report.fatalities if report and report.fatalities_text and not denial else None,
                "evidence": claim.evidence, "denies": list(claim.denies),
            })
        return rows

    def to_record(self) -> dict[str, Any]:
        """The event's ACLED-named record, with ``source`` listing every outlet, and the fusion columns."""
        record = self.event.to_record()
        low, high = self.fatality_range
        record.update({
            "event_id": self.fused_id,
            "doc_id": "; ".join(dict.fromkeys(r.doc_id for r in self.reports)),
            "source": "; ".join(dict.fromkeys(r.outlet for r in self.reports)),
            "fusion_status": self.status,
            "reports": len(self.reports),
            "independent_sources": len(self.origins),
            "fatalities_min": low,
            "fatalities_max": high,
            "contested_parts": "; ".join(f"{part} (by {who})" for part, who in self.contested_parts) or None,
            "attestation": self.attestation,
            "possible_match_of": self.possible_match_of,
        })
        return record

    def to_dict(self) -> dict[str, Any]:
        return {"fused_id": self.fused_id, "status": self.status, "event": self.event.to_dict(),
                "reports": [asdict(r) for r in self.reports], "origins": self.origins,
                "fatality_range": list(self.fatality_range), "attestation": self.attestation,
                "claims_table": self.claims_table(),
                "contested_parts": [{"part": part, "by": who} for part, who in self.contested_parts]}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> FusedEvent:
        reports = [SourceReport(**{**r, "source": Source(**r["source"]) if r.get("source") else None,
                                   "published_at": dt.date.fromisoformat(r["published_at"])
                                   if r.get("published_at") else None}) for r in data["reports"]]
        return cls(data["fused_id"], Event.from_dict(data["event"]), reports, data["status"],
                   data.get("attestation", ""))


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
