"""Fusion: event reports from many documents in, one fused event per real-world event out.

Two reports are the same event when their types fall in one family, their dates are compatible with
their precision, their places lie within a distance set by their geo precision, their actors overlap
and their evidence sentences share rare words (hashed TF-IDF, ``text_vectors``). Each signal scores 0..1 and
a weighted mean over ``data/fusion.yaml``'s threshold joins a report to an event; any hard
incompatibility (other family, dates that cannot overlap, places too far apart or in other
countries, the same document) keeps them apart whatever the score.

This module holds the decisions (``Fuser``); ``conflictlens.scale.fusing`` runs them over a store,
incrementally: new reports join the events already stored or found new ones, so processing a new
batch updates existing fused events and never duplicates them.
"""

from __future__ import annotations

import calendar
import copy
import datetime as dt
import logging
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np

from conflictlens.coding.actors import ActorDictionary
from conflictlens.coding.gazetteer import haversine_km
from conflictlens.coding.text_vectors import text_vectors
from conflictlens.knowledge import Knowledge, Outlet, outlets_by_name
from conflictlens.model import (
    POSSIBLE_MATCH,
    Actor,
    Claim,
    Event,
    FusedEvent,
    FusionStatus,
    Place,
    SourceReport,
    TimePrecision,
    contesting_denials,
)

log = logging.getLogger(__name__)

POINT_LEVELS = {"populated_place", "feature", "admin2"}
PLACE_RANK = {"populated_place": 0, "feature": 1, "admin2": 2, "admin1": 3, "country": 4}
Embedder = Callable[[Sequence[str]], np.ndarray]


KIND_RANK = {"event": 0, "allegation": 1, "denial": 2}
# An evidence sentence at least this long, printed word for word by two outlets, is one copy, not two sources.
MIN_SHARED_COPY_CHARS = 60


@dataclass(frozen=True, slots=True)
class FusionRules:
    """The conventions in ``data/fusion.yaml``, typed."""

    family_of: dict[str, str]
    distance_km: dict[int, float]
    day_slack: int
    day_apart_score: float
    loose_date_words: tuple[str, ...]
    undated_window_days: int
    weights: dict[str, float]
    threshold: float
    text_floor: float
    text_ceiling: float
    cross_type_min_similarity: float
    wire_agencies: tuple[str, ...]
    outlets: dict[str, Outlet] = field(default_factory=dict)

    def outlet(self, name: str) -> Outlet:
        """The listed outlet of that name or alias; an unlisted one is independent."""
        return self.outlets.get(name.strip().lower()) or Outlet(name)

    @classmethod
    def from_knowledge(cls, knowledge: Knowledge) -> FusionRules:
        data = knowledge.fusion
        return cls(
            family_of={t: family for family, types in data["families"].items() for t in types},
            distance_km={int(k): float(v) for k, v in data["distance_km"].items()},
            day_slack=int(data["day_slack"]),
            day_apart_score=float(data["day_apart_score"]),
            loose_date_words=tuple(w.lower() for w in data.get("loose_date_words") or ()),
            undated_window_days=int(data["undated_window_days"]),
            weights={k: float(v) for k, v in data["weights"].items()},
            threshold=float(data["threshold"]),
            text_floor=float(data["text_floor"]),
            text_ceiling=float(data["text_ceiling"]),
            cross_type_min_similarity=float(data["cross_type_min_similarity"]),
            wire_agencies=tuple(data.get("wire_agencies") or ()),
            outlets=outlets_by_name(knowledge.outlets),
        )


@dataclass(slots=True)
class Report:
    """One document's coding of an event, with what fusion needs to know about that document."""

    event: Event
    outlet: str
    origin: str
    published_at: dt.date | None = None
    vector: np.ndarray | None = None
    alignment: Outlet | None = None

    @property
    def evidence_text(self) -> str:
        return self.event.claims[0].evidence if self.event.claims else self.event.notes


@dataclass(slots=True)
class Cluster:
    """Reports fused into one event; ``joined`` holds each member's score and the reason it joined."""

    fused_id: str
    members: list[Report]
    joined: dict[str, tuple[float, str]] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Match:
    score: float
    reason: str


def make_report(event: Event, *, outlet: str | None, outlets_named: Sequence[str], published_at: dt.date | None,
                rules: FusionRules, vector: np.ndarray | None = None) -> Report:
    """A report from an event and its document. Its origin, the independent source it stands for, is the wire
    agency it credits, else the side its outlet speaks for (data/outlets.yaml), else the outlet."""
    name = outlet or (outlets_named[0] if outlets_named else f"document {event.doc_id[:8]}")
    agencies = {a.lower(): a for a in rules.wire_agencies}
    wire = next((agencies[o.lower()] for o in outlets_named if o.lower() in agencies), None)
    listed = rules.outlet(name)
    name = listed.name  # "sana", "Syrian Arab News Agency": SANA
    origin = wire or (listed.side if listed.aligned and listed.side else name)
    return Report(event, name, origin, published_at, vector, listed)


class Fuser:
    """Scores report pairs and assigns reports to fused events; ``embed`` may be None to skip text similarity."""

    def __init__(self, rules: FusionRules, *, actors: ActorDictionary, embed: Embedder | None = None) -> None:
        self.rules = rules
        self.actors = actors
        self.is_vague = actors.is_vague
        self.embed = embed

    def assign(self, new: list[Report], clusters: list[Cluster]) -> list[Cluster]:
        """Put every new report in the best-matching cluster, or found a new one; returns the clusters changed."""
        if self.embed is not None and (clusters or len({r.event.doc_id for r in new}) > 1):
            self._add_vectors(new + [m for c in clusters for m in c.members])
        by_country: dict[str | None, list[Cluster]] = {}
        for cluster in clusters:
            for country in {_country(m.event.place) for m in cluster.members}:
                by_country.setdefault(country, []).append(cluster)
        touched: dict[str, Cluster] = {}
        for report in sorted(new, key=_arrival_order):
            country = _country(report.event.place)
            candidates = by_country.get(country, []) + (by_country.get(None, []) if country else
                                                         [c for cs in by_country.values() for c in cs])
            best: tuple[Match, Cluster] | None = None
            for cluster in {c.fused_id: c for c in candidates}.values():
                match = self.match_cluster(report, cluster)
                if match is not None and match.score >= self.rules.threshold and (
                        best is None or match.score > best[0].score):
                    best = (match, cluster)
            if best is None:
                cluster = Cluster(report.event.event_id, [report], {
                    report.event.event_id: self._possible_match(report, candidates) or (1.0, "first report")})
                by_country.setdefault(country, []).append(cluster)
            else:
                match, cluster = best
                cluster.members.append(report)
                cluster.joined[report.event.event_id] = (match.score, match.reason)
                if country not in {_country(m.event.place) for m in cluster.members[:-1]}:
                    by_country.setdefault(country, []).append(cluster)
            touched[cluster.fused_id] = cluster
        return list(touched.values())

    def _possible_match(self, report: Report, candidates: list[Cluster]) -> tuple[float, str] | None:
        """An undated report is never joined to a dated event (nothing says it is the same day's), but when it
        matches one on everything else, it is marked as a possible match for a reviewer."""
        if report.event.event_date is not None:
            return None
        best: tuple[float, str] | None = None
        for cluster in {c.fused_id: c for c in candidates}.values():
            top = self.match_cluster(report, cluster, ignore_date=True)
            if top is not None and top.score >= self.rules.threshold and (best is None or top.score > best[0]):
                best = (top.score, f"{POSSIBLE_MATCH}{cluster.fused_id}, not joined: this report has no date of its own "
                                   f"({top.reason}); review it")
        return best

    def match_cluster(self, report: Report, cluster: Cluster, *, ignore_date: bool = False) -> Match | None:
        """The best match with any member, provided no member rules the report out."""
        best: Match | None = None
        for member in cluster.members:
            match = self.compare(report, member, ignore_date=ignore_date)
            if match is None:
                return None
            if best is None or match.score > best.score:
                best = match
        return best

    def compare(self, a: Report, b: Report, *, ignore_date: bool = False) -> Match | None:
        """The weighted evidence that two reports describe one event, or None when they cannot."""
        if a.event.doc_id == b.event.doc_id:
            return None
        signals: dict[str, tuple[float, str]] = {}
        for name, signal in (("type", self._type), ("date", self._date), ("place", self._place),
                             ("actors", self._actors), ("text", self._text)):
            if ignore_date and name == "date":
                continue
            value = signal(a, b)
            if value is None:
                return None
            if value[0] >= 0:
                signals[name] = value
        weights = {k: self.rules.weights.get(k, 0.0) for k in signals}
        total = sum(weights.values()) or 1.0
        score = sum(weights[k] * signals[k][0] for k in signals) / total
        described = "; ".join(text for _, text in signals.values())
        return Match(score, f"score {score:.2f} (threshold {self.rules.threshold:.2f}) against {b.event.event_id} "
                            f"({b.outlet}): {described}")

    def _type(self, a: Report, b: Report) -> tuple[float, str] | None:
        ea, eb = a.event, b.event
        family = self.rules.family_of.get(ea.event_type)
        if family is None or family != self.rules.family_of.get(eb.event_type):
            return None
        if (ea.event_type, ea.sub_event_type) == (eb.event_type, eb.sub_event_type):
            return 1.0, f"same sub-event type ({ea.sub_event_type})"
        if ea.event_type == eb.event_type:
            return 0.7, f"same event type ({ea.event_type})"
        return 0.4, f"same family ({family}: {ea.event_type} / {eb.event_type})"

    def _date(self, a: Report, b: Report) -> tuple[float, str] | None:
        ea, eb = a.event, b.event
        if (ea.event_date is None) != (eb.event_date is None):
            return None  # an undated report is no corroboration of a dated event: a possible match at most
        window_a, window_b = self.window(a), self.window(b)
        if window_a is None or window_b is None:
            return 0.3, "date unknown"
        if window_a[0] > window_b[1] or window_b[0] > window_a[1]:
            return None
        if ea.event_date is None or eb.event_date is None:
            return 0.3, "undated, reported in the same days"
        if ea.time_precision == eb.time_precision == TimePrecision.DAY:
            gap = _days_apart((ea.event_date, ea.end_date or ea.event_date), (eb.event_date, eb.end_date or eb.event_date))
            if gap == 0:
                return 1.0, "same day"
            return self.rules.day_apart_score, f"{gap} day{'s' if gap > 1 else ''} apart"
        return 0.5, "dates overlap at their precision"

    def window(self, report: Report) -> tuple[dt.date, dt.date] | None:
        event = report.event
        if event.event_date is None:
            if report.published_at is None:
                return None
            return report.published_at - dt.timedelta(days=self.rules.undated_window_days), report.published_at
        end = event.end_date or event.event_date
        if event.time_precision == TimePrecision.DAY:
            slack = dt.timedelta(days=self.rules.day_slack if self._loose_day(report) else 0)
            return event.event_date - slack, end + slack
        if event.time_precision == TimePrecision.WEEK:
            return event.event_date - dt.timedelta(days=6), end + dt.timedelta(days=6)
        last = calendar.monthrange(end.year, end.month)[1]
        return event.event_date.replace(day=1), end.replace(day=last)

    def _loose_day(self, report: Report) -> bool:
        """A day read from "yesterday", a weekday or a night may be off by one; "on 12 March" is not."""
        said = " ".join(filter(None, [report.event.date_text, report.evidence_text])).lower()
        return any(word in said for word in self.rules.loose_date_words)

    def _place(self, a: Report, b: Report) -> tuple[float, str] | None:
        pa, pb = a.event.place, b.event.place
        if pa is None or pb is None:
            return 0.3, "place unknown"
        if pa.country_code and pb.country_code and pa.country_code != pb.country_code:
            return None
        if pa.level in POINT_LEVELS and pb.level in POINT_LEVELS and None not in (
                pa.latitude, pa.longitude, pb.latitude, pb.longitude):
            km = haversine_km(pa.latitude, pa.longitude, pb.latitude, pb.longitude)  # type: ignore[arg-type]
            limit = self.rules.distance_km[max(int(pa.geo_precision), int(pb.geo_precision))]
            if km > limit:
                return None
            same = "same place" if pa.name == pb.name else f"{pa.name} / {pb.name}"
            return 1.0 - 0.5 * km / limit, f"{same}, {km:.0f} km apart"
        region_a, region_b = _region(pa), _region(pb)
        if region_a and region_b:
            if region_a != region_b:
                return None
            return 0.5, f"same region ({region_a})"
        return 0.3, f"same country ({pa.country or pb.country})"

    def _actors(self, a: Report, b: Report) -> tuple[float, str] | None:
        names_a = self.actors.identifying_names(a.event.all_actors())
        names_b = self.actors.identifying_names(b.event.all_actors())
        if not names_a or not names_b:
            return 0.5, "an unnamed side"
        shared = names_a & names_b
        if not shared:
            return 0.0, "no actor in common"
        return len(shared) / min(len(names_a), len(names_b)), "shared actors: " + ", ".join(sorted(shared))

    def _text(self, a: Report, b: Report) -> tuple[float, str] | None:
        if a.vector is None or b.vector is None or "denial" in (a.event.kind, b.event.kind):
            # No text signal: the other weights carry the decision. A denial reads nothing like the report it
            # answers ("the figures they published are false"), so its words say nothing either way.
            return -1.0, ""
        cosine = float(np.dot(a.vector, b.vector))
        if a.event.event_type != b.event.event_type and cosine < self.rules.cross_type_min_similarity:
            return None  # an air strike and a clash in one town that day are two events unless told alike
        floor, ceiling = self.rules.text_floor, self.rules.text_ceiling
        return min(1.0, max(0.0, (cosine - floor) / (ceiling - floor))), f"text similarity {cosine:.2f}"

    def _add_vectors(self, reports: list[Report]) -> None:
        missing = [r for r in reports if r.vector is None]
        if missing and self.embed is not None:
            for report, vector in zip(missing, self.embed([r.evidence_text for r in missing]), strict=True):
                report.vector = vector

    def merge(self, cluster: Cluster) -> FusedEvent:
        """The fused event: the most precise coding of its reports, every claim, each source's own toll."""
        members = sorted(cluster.members, key=_precision_order)
        base = members[0].event
        event = copy.deepcopy(base)
        events = [m.event for m in members]
        witnesses = _witnesses(members)
        voters = [m.event for m in witnesses] or events  # a denial does not say what the event was
        type_votes = Counter((e.event_type, e.sub_event_type) for e in voters)
        event.event_type, event.sub_event_type = max(type_votes, key=lambda t: (type_votes[t], -_first(voters, t)))
        event.kind = min((e.kind for e in events), key=KIND_RANK.__getitem__)
        event.actor1, event.actor2 = self._sides(events, base)
        taken = {x.name for x in (event.actor1, event.actor2) if x is not None}
        event.assoc_actor_1 = _others([x for e in events for x in [e.actor1, *e.assoc_actor_1]], taken | _names(
            [x for e in events for x in [e.actor2, *e.assoc_actor_2]]), self.is_vague)
        event.assoc_actor_2 = _others([x for e in events for x in [e.actor2, *e.assoc_actor_2]],
                                      taken | {x.name for x in event.assoc_actor_1}, self.is_vague)
        reported = [m for m in witnesses if m.event.fatalities_text]
        if reported:  # ACLED: when reports disagree, the most conservative figure is coded; a denial gives none
            lowest = min(reported, key=lambda m: m.event.fatalities)
            event.fatalities, event.fatalities_text = lowest.event.fatalities, lowest.event.fatalities_text
        elif not witnesses:
            event.fatalities, event.fatalities_text = 0, None
        event.claims = _linked_claims(members, self.is_vague)
        denials = contesting_denials(event.claims, {m.event.doc_id for m in members if m.event.kind != "event"})
        origin_of = _shared_copy_origins(members)
        origins = {origin_of[m.event.event_id] for m in members if m.event.kind == "event"}
        status: FusionStatus = ("contested" if denials else "corroborated" if len(origins) > 1 else "single-source")
        if any((c.contests or "event") == "event" for c in denials):
            event.claim_status = "denied"
        elif len(origins) > 1:
            event.claim_status = "corroborated"
        event.confidence = max(e.confidence for e in events)
        event.event_id = cluster.fused_id
        reports = [SourceReport(m.event.event_id, m.event.doc_id, m.outlet, origin_of[m.event.event_id], m.event.source,
                                m.event.claim_status, m.event.fatalities, m.event.fatalities_text, m.published_at,
                                *cluster.joined.get(m.event.event_id, (1.0, "")), kind=m.event.kind,
                                affiliation=m.alignment.affiliation if m.alignment else "independent",
                                side=m.alignment.side if m.alignment else None,
                                actor1=m.event.actor1.name if m.event.actor1 else None,
                                actor2=m.event.actor2.name if m.event.actor2 else None)
                   for m in sorted(cluster.members, key=_arrival_order)]
        return FusedEvent(cluster.fused_id, event, reports, status, _attestation(members, event))

    def _sides(self, events: list[Event], base: Event) -> tuple[Actor | None, Actor | None]:
        """Actor1 and actor2 by vote. The most-named actor takes the side most reports put it on, and the other
        side goes to the most-named other actor: an army that "repelled an attack" in its communique and was
        "attacked" in the rebels' statement ends up facing the rebels, not itself."""
        sides: list[Counter[str]] = [Counter(), Counter()]
        found: dict[str, Actor] = {}
        for event in events:
            for side, actor in ((0, event.actor1), (1, event.actor2)):
                if actor is not None and not self.is_vague(actor):
                    sides[side][actor.name] += 1
                    found.setdefault(actor.name, actor)
        if not found:
            return base.actor1, base.actor2
        order = list(found)
        anchor = max(order, key=lambda n: (sides[0][n] + sides[1][n], -order.index(n)))
        anchor_side = 1 if sides[1][anchor] > sides[0][anchor] else 0
        others = [n for n in order if n != anchor and sides[1 - anchor_side][n]]
        other = max(others, key=lambda n: (sides[1 - anchor_side][n], -order.index(n))) if others else None
        chosen = [found[anchor], found[other] if other else None]
        if anchor_side == 1:
            chosen.reverse()
        actor1, actor2 = chosen
        # A side no report names is left as the most precise report has it ("Unidentified Armed Group").
        if actor1 is None and base.actor1 is not None and actor2 is not None and base.actor1.name != actor2.name:
            actor1 = base.actor1
        if actor2 is None and base.actor2 is not None and actor1 is not None and base.actor2.name != actor1.name:
            actor2 = base.actor2
        return actor1, actor2


def _linked_claims(members: list[Report], is_vague: Callable[[Actor | None], bool]) -> list[Claim]:
    """Every member's claims; a denial also answers the other documents' claims about the same accused."""
    claims = [copy.deepcopy(c) for m in sorted(members, key=_arrival_order) for c in m.event.claims]
    accused = {m.event.doc_id: m.event.actor1 for m in members}
    for denial in (c for c in claims if c.claim_type == "denied"):
        denier_side = accused.get(denial.doc_id)
        for claim in claims:
            if claim.doc_id == denial.doc_id or claim.claim_type == "denied" or claim.claim_id in denial.denies:
                continue
            other_side = accused.get(claim.doc_id)
            if is_vague(denier_side) or is_vague(other_side) or (
                    denier_side is not None and other_side is not None and denier_side.name == other_side.name):
                denial.denies.append(claim.claim_id)
    return claims


def _shared_copy_origins(members: list[Report]) -> dict[str, str]:
    """Each member's origin; outlets that print one text word for word (a wire story reprinted without its credit)
    share the origin of the first to publish it."""
    first_with: dict[str, str] = {}
    origin_of = {}
    for member in sorted(members, key=_arrival_order):
        words = " ".join(member.evidence_text.lower().split())
        shared = len(words) >= MIN_SHARED_COPY_CHARS
        origin_of[member.event.event_id] = first_with.setdefault(words, member.origin) if shared else member.origin
    return origin_of


def _witnesses(members: list[Report]) -> list[Report]:
    """The members that tell the event happened: its reports, or its allegations when no one reports it."""
    reports = [m for m in members if m.event.kind == "event"]
    return reports or [m for m in members if m.event.kind == "allegation"]


def _attestation(members: list[Report], event: Event) -> str:
    """Who vouches for the event: anyone independent of the sides, or only one side's own media."""
    reports = [m for m in members if m.event.kind == "event"]
    if not reports:
        return "alleged only" if any(m.event.kind == "allegation" for m in members) else "denied only"
    outlets = [m.alignment for m in reports]
    sides = {o.side if o is not None and o.aligned else None for o in outlets}
    if None in sides or len(sides) > 1:
        return "independently reported"
    side = sides.pop()
    own = {name for o in outlets if o is not None for name in o.speaks_for}
    if any(actor.name in own for actor in event.all_actors()):
        return f"claimed by {side}'s own media"
    return f"reported only by {side}'s media"


def _others(actors: list[Actor | None], taken: set[str], is_vague: Callable[[Actor | None], bool]) -> list[Actor]:
    out: dict[str, Actor] = {}
    for actor in actors:
        if actor is not None and actor.name not in taken and not is_vague(actor):
            out.setdefault(actor.name, actor)
    return list(out.values())


def _names(actors: list[Actor | None]) -> set[str]:
    return {a.name for a in actors if a is not None}


def _first(events: list[Event], label: tuple[str, str]) -> int:
    return next(i for i, e in enumerate(events) if (e.event_type, e.sub_event_type) == label)


def _country(place: Place | None) -> str | None:
    return place.country_code if place is not None else None


def _region(place: Place) -> str | None:
    if place.level == "country":
        return None
    return place.admin1 or (place.name if place.level == "admin1" else None)


def _days_apart(a: tuple[dt.date, dt.date], b: tuple[dt.date, dt.date]) -> int:
    if a[0] <= b[1] and b[0] <= a[1]:
        return 0
    return min(abs((a[0] - b[1]).days), abs((b[0] - a[1]).days))


def _arrival_order(report: Report) -> tuple[str, str, str]:
    published = report.published_at.isoformat() if report.published_at else "9999"
    return published, report.event.doc_id, report.event.event_id


def _precision_order(report: Report) -> tuple[int, int, int, int, tuple[str, str, str]]:
    """Most precise coding first: an event before an allegation, then by date, place and actor precision."""
    event = report.event
    place = event.place
    return (KIND_RANK[event.kind], int(event.time_precision or 9),
            int(place.geo_precision) if place else 9, PLACE_RANK.get(place.level, 9) if place else 9,
            _arrival_order(report))


def load_fuser(knowledge: Knowledge, actors: ActorDictionary, *, text_similarity: bool = True) -> Fuser:
    """A fuser from the dictionaries; evidence is read into vectors only when two reports need comparing."""
    return Fuser(FusionRules.from_knowledge(knowledge), actors=actors,
                 embed=text_vectors if text_similarity else None)
