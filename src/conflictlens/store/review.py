"""Analyst review: confirm, edit or reject a coded event, with an audit trail and API tokens.

A review is kept apart from what the pipeline wrote: the edited fields are laid over the machine's
record whenever it is read, so re-processing and re-fusing a report never overwrite an analyst's
correction. Every change is logged with who, when, and the record before and after.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from typing import TYPE_CHECKING, Any, Literal

from conflictlens.errors import ConflictLensError

if TYPE_CHECKING:
    from conflictlens.store.sql import ApiToken, SQLStore

ReviewAction = Literal["confirm", "edit", "reject"]
REVIEW_STATUS = {"confirm": "confirmed", "edit": "edited", "reject": "rejected"}
TEXT_FIELDS = ("actor1", "actor2", "location", "admin1", "admin2", "country", "notes")
EDITABLE_FIELDS = ("event_type", "sub_event_type", *TEXT_FIELDS, "event_date", "latitude", "longitude",
                   "fatalities")
# Bounds of an edit: a toll no event has reached, and text lengths a name or a note never needs.
MAX_FATALITIES = 1_000_000
MAX_TEXT_CHARS = {"notes": 10_000}
MAX_NAME_CHARS = 300
MAX_TOKEN_DAYS = 36_500


class ReviewError(ConflictLensError):
    """A review that cannot be applied: unknown event, bad field or value, missing or wrong token."""


def validate_changes(changes: dict[str, Any], taxonomy: dict[str, list[str]], current: dict[str, Any]) -> dict[str, Any]:
    """Check an edit against the taxonomy and value ranges; returns the normalised changes."""
    unknown = sorted(set(changes) - set(EDITABLE_FIELDS))
    if unknown:
        raise ReviewError(f"cannot edit {', '.join(unknown)}: editable fields are {', '.join(EDITABLE_FIELDS)}")
    clean: dict[str, Any] = {}
    for field, value in changes.items():
        if field in TEXT_FIELDS:
            clean[field] = _text(field, value)
        elif field == "event_date":
            try:
                clean[field] = dt.date.fromisoformat(str(value)).isoformat()
            except ValueError:
                raise ReviewError(f"event_date {value!r} is not a date: use YYYY-MM-DD") from None
        elif field == "fatalities":
            if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_FATALITIES:
                raise ReviewError(f"fatalities {value!r} must be a whole number from 0 to {MAX_FATALITIES:,}")
            clean[field] = value
        elif field in {"latitude", "longitude"}:
            limit = 90 if field == "latitude" else 180
            if isinstance(value, bool) or not isinstance(value, int | float) or not -limit <= value <= limit:
                raise ReviewError(f"{field} {value!r} must be a number between -{limit} and {limit}")
            clean[field] = float(value)
        else:
            clean[field] = str(value)
    event_type = clean.get("event_type", current.get("event_type"))
    sub_type = clean.get("sub_event_type", current.get("sub_event_type"))
    if event_type not in taxonomy:
        raise ReviewError(f"event_type {event_type!r} is not in the taxonomy: one of {', '.join(taxonomy)}")
    if sub_type not in taxonomy[event_type]:
        raise ReviewError(f"sub_event_type {sub_type!r} is not a sub-type of {event_type!r}: one of "
                          f"{', '.join(taxonomy[event_type])}")
    return clean


def _text(field: str, value: Any) -> str | None:
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise ReviewError(f"{field} must be text, not {type(value).__name__}")
    limit = MAX_TEXT_CHARS.get(field, MAX_NAME_CHARS)
    if len(value) > limit:
        raise ReviewError(f"{field} is {len(value):,} characters long: at most {limit:,}")
    if any(ord(ch) < 32 and ch not in "\t\n\r" for ch in value) or any(0xD800 <= ord(ch) <= 0xDFFF for ch in value):
        raise ReviewError(f"{field} holds control characters or unpaired surrogates: remove them")
    return value.strip() or None


def new_token() -> tuple[str, str]:
    """A fresh API token and the hash the store keeps (the token itself is shown once, never stored)."""
    token = secrets.token_urlsafe(32)
    return token, token_hash(token)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def review_event(store: SQLStore, event_id: str, action: ReviewAction, changes: dict[str, Any], reviewer: str,
                 taxonomy: dict[str, list[str]]) -> dict[str, Any]:
    """Confirm, edit or reject a fused event (by its ID or a report's); returns the record as reviewed."""
    from conflictlens.store.sql import Review, apply_review  # not at import: the CLI reads EDITABLE_FIELDS for --help

    found = store.fused_record(event_id)
    if found is None:
        raise ReviewError(f"no event {event_id!r}: list events with `conflictlens events` or GET /api/events")
    fused_id, machine = found
    if action not in REVIEW_STATUS:
        raise ReviewError(f"unknown review action {action!r}: confirm, edit or reject")
    if action != "edit" and changes:
        raise ReviewError(f"'{action}' takes no changes: send them with action 'edit'")
    if action == "edit" and not changes:
        raise ReviewError("an edit needs at least one changed field")
    current = store.reviews(fused_id).get(fused_id)
    before = apply_review(machine, current)
    overrides = dict(current.overrides) if current else {}
    if action == "edit":
        overrides.update(validate_changes(changes, taxonomy, before))
    now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    review = Review(fused_id, REVIEW_STATUS[action], overrides, reviewer, now)
    after = apply_review(machine, review)
    store.save_review(review, action, before, after)
    return after


def create_token(store: SQLStore, name: str, *, expires_days: int = 90) -> str:
    """A new API token for ``name``, valid for ``expires_days`` days (0: until revoked); only its hash is stored,
    so it is shown to the user this once."""
    name = name.strip()
    if not name or len(name) > MAX_NAME_CHARS or not name.isprintable():
        raise ReviewError(f"a token needs a name of 1 to {MAX_NAME_CHARS} printable characters: "
                          "conflictlens token create NAME")
    if not 0 <= expires_days <= MAX_TOKEN_DAYS:
        raise ReviewError(f"a token expires after 1 to {MAX_TOKEN_DAYS:,} days, or 0 for never, not {expires_days}")
    expires_at = _now() + dt.timedelta(days=expires_days) if expires_days else None
    token, hashed = new_token()
    store.save_token(name, hashed, expires_at=expires_at.isoformat(timespec="seconds") if expires_at else None)
    return token


def list_tokens(store: SQLStore) -> list[ApiToken]:
    """Every token, oldest first: names, IDs and dates, never a token itself (the store has only hashes)."""
    return store.tokens()


def revoke_token(store: SQLStore, name_or_id: str) -> ApiToken:
    """Revoke a token named so, or whose ID (or its first six characters or more) this is; returns it revoked."""
    tokens = store.tokens()
    found = [t for t in tokens if t.name == name_or_id] or (
        [t for t in tokens if t.token_id.startswith(name_or_id.lower())] if len(name_or_id) >= 6 else [])
    if not found:
        raise ReviewError(f"no token named or with ID {name_or_id!r}: list them with `conflictlens token list`")
    if len(found) > 1:
        raise ReviewError(f"{name_or_id!r} starts the IDs of {len(found)} tokens: give the whole ID or the name")
    store.revoke_token(found[0].name, _now().isoformat(timespec="seconds"))
    [revoked] = [t for t in store.tokens() if t.name == found[0].name]
    return revoked


def reviewer_for(store: SQLStore, token: str | None) -> str:
    """Who holds a token; a missing, unknown, revoked or expired token is refused, saying which."""
    found = store.token(token_hash(token)) if token else None
    if found is None:
        raise ReviewError("a valid API token is needed: create one with `conflictlens token create NAME` and send "
                          "it as 'Authorization: Bearer TOKEN'")
    if found.revoked_at:
        raise ReviewError(f"token {found.name!r} was revoked on {found.revoked_at[:10]}: create a new one with "
                          "`conflictlens token create NAME`")
    if found.expires_at and dt.datetime.fromisoformat(found.expires_at) <= _now():
        raise ReviewError(f"token {found.name!r} expired on {found.expires_at[:10]}: create a new one with "
                          "`conflictlens token create NAME`")
    return found.name


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)
