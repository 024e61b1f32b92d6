"""Match coded events against a hand coding (the ``expected.yaml`` format).

A hand coding lists expected events, each with only the fields the coder is sure of. An output
event agrees with an expected one when every given field agrees; each output event may stand for
one expected event only (a bipartite matching). Field rules:

* ``event_type``, ``sub_event_type``, ``kind``, ``source_kind``, ``claim_status``: equal.
* ``event_type_any_of``: one of. ``actors_any_of`` / ``actors_all_of``: actor1 and assoc_actor_1;
  ``opponents_any_of``: actor2 and assoc_actor_2; ``accused``: actor1. Actor names compare without
  case, and "JNIM" matches ACLED's "JNIM: Group for Support of Islam and Muslims".
* ``accusers_any_of``: words found in the claimant of an allegation.
* ``location``: name (spelling-insensitive), country, admin1, lat/lon within ``within_km``,
  ``precision: country`` for a country-level location.
* ``fatalities``: a number (equal) or ``{at_least: n}``.
* ``date``: ``{day, precision: day}``, ``{month, precision: month|month_or_open}``,
  ``{start, end, precision: range}``.
* ``summary_mentions``: phrases the notes must contain.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from conflictlens.coding.gazetteer import haversine_km, name_key
from conflictlens.errors import ConfigError
from conflictlens.model import Event

Check = Callable[[Event, Any], bool]


def _actor_key(name: str) -> str:
    return name.split(":")[0].strip().lower()


def _names(actors: list[Any]) -> set[str]:
    return {_actor_key(a.name) for a in actors if a is not None}


def _side_one(event: Event) -> set[str]:
    return _names([event.actor1, *event.assoc_actor_1])


def _side_two(event: Event) -> set[str]:
    return _names([event.actor2, *event.assoc_actor_2])


def _location(event: Event, want: dict[str, Any]) -> bool:
    place = event.place
    if place is None:
        return False
    if "name" in want and name_key(want["name"]) not in {name_key(place.name), name_key(place.surface or "")}:
        return False
    if "country" in want and (place.country or "").lower() != want["country"].lower():
        return False
    if "admin1" in want and name_key(place.admin1 or "") != name_key(want["admin1"]):
        return False
    if "lat" in want:
        if place.latitude is None or place.longitude is None:
            return False
        if haversine_km(place.latitude, place.longitude, want["lat"], want["lon"]) > want.get("within_km", 25):
            return False
    return not (want.get("precision") == "country" and place.level != "country")


def _date(event: Event, want: dict[str, Any]) -> bool:
    precision = want.get("precision")
    if precision == "month_or_open" and event.event_date is None:
        return True
    if "day" in want:
        return event.event_date == dt.date.fromisoformat(str(want["day"])) and event.date_precision == "day"
    if "month" in want:
        return event.event_date is not None and event.event_date.strftime("%Y-%m") == str(want["month"]) \
            and event.date_precision in {"month", "week", "day"}
    if "start" in want:
        return (event.event_date == dt.date.fromisoformat(str(want["start"]))
                and event.end_date == dt.date.fromisoformat(str(want["end"])) and event.date_precision == "range")
    return False


def _fatalities(event: Event, want: Any) -> bool:
    if isinstance(want, dict):
        return event.fatalities >= int(want["at_least"])
    return event.fatalities == int(want)


def _accusers(event: Event, words: list[str]) -> bool:
    claimants = [c.claimant.name.lower() for c in event.claims if c.claim_type == "alleged"]
    return any(w.lower() in name for w in words for name in claimants)


CHECKS: dict[str, Check] = {
    "event_type": lambda e, v: e.event_type == v,
    "event_type_any_of": lambda e, v: e.event_type in v,
    "sub_event_type": lambda e, v: e.sub_event_type == v,
    "kind": lambda e, v: e.kind == v,
    "source_kind": lambda e, v: e.source is not None and e.source.kind == v,
    "claim_status": lambda e, v: e.claim_status == v,
    "actors_any_of": lambda e, v: bool(_side_one(e) & {_actor_key(x) for x in v}),
    "actors_all_of": lambda e, v: {_actor_key(x) for x in v} <= _side_one(e),
    "opponents_any_of": lambda e, v: bool(_side_two(e) & {_actor_key(x) for x in v}),
    "accused": lambda e, v: e.actor1 is not None and _actor_key(e.actor1.name) == _actor_key(v),
    "accusers_any_of": _accusers,
    "location": _location,
    "fatalities": _fatalities,
    "date": _date,
    "summary_mentions": lambda e, v: all(p.lower() in e.notes.lower() for p in v),
}
IGNORED_KEYS = {"id"}


@dataclass(slots=True)
class ExpectationResult:
    expected_id: str
    matched: Event | None
    best: Event | None
    failing_fields: list[str] = field(default_factory=list)
    field_agreement: dict[str, bool] = field(default_factory=dict)


def validate_hand_coding(coding: Any, origin: str) -> list[dict[str, Any]]:
    """The expected events of a hand coding, or a ConfigError that says which entry and field is wrong."""
    events = coding.get("events") if isinstance(coding, dict) else None
    if not isinstance(events, list):
        raise ConfigError(f"{origin} has no 'events' list: see the hand-coding format in the README")
    known = sorted({*CHECKS, *IGNORED_KEYS})
    for number, expected in enumerate(events, start=1):
        if not isinstance(expected, dict):
            raise ConfigError(f"{origin}: event {number} is not a mapping of fields: see the README")
        unknown = sorted(str(k) for k in expected if k not in CHECKS and k not in IGNORED_KEYS)
        if unknown:
            raise ConfigError(f"{origin}: event {expected.get('id', number)} has unknown field(s) "
                              f"{', '.join(unknown)}: use {', '.join(known)}")
    return events


def agreement(event: Event, expected: dict[str, Any]) -> dict[str, bool]:
    out = {}
    for key, value in expected.items():
        if key in IGNORED_KEYS:
            continue
        if key not in CHECKS:
            raise ConfigError(f"expected field {key!r} has no rule: use one of {', '.join(sorted(CHECKS))}")
        try:
            out[key] = CHECKS[key](event, value)
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise ConfigError(f"expected field {key!r} has a value of the wrong shape ({value!r}: {exc}): see the "
                              "hand-coding format in the README") from None
    return out


def match_expected(events: list[Event], expected: list[dict[str, Any]]) -> list[ExpectationResult]:
    """One result per expected event; ``matched`` is set when an output event agrees on every field."""
    table = [[agreement(e, x) for e in events] for x in expected]
    agrees = [[all(cell.values()) for cell in row] for row in table]
    owner: dict[int, int] = {}

    def assign(i: int, seen: set[int]) -> bool:
        for j, ok in enumerate(agrees[i]):
            if ok and j not in seen:
                seen.add(j)
                if j not in owner or assign(owner[j], seen):
                    owner[j] = i
                    return True
        return False

    for i in range(len(expected)):
        assign(i, set())
    matched_by = {i: j for j, i in owner.items()}
    results = []
    for i, x in enumerate(expected):
        if i in matched_by:
            j = matched_by[i]
            results.append(ExpectationResult(str(x.get("id", i)), events[j], events[j], [], table[i][j]))
            continue
        if not events:
            results.append(ExpectationResult(str(x.get("id", i)), None, None, [k for k in x if k not in IGNORED_KEYS]))
            continue
        j = max(range(len(events)), key=lambda j: sum(table[i][j].values()))
        failing = [k for k, ok in table[i][j].items() if not ok]
        results.append(ExpectationResult(str(x.get("id", i)), None, events[j], failing, table[i][j]))
    return results
