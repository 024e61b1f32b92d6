"""Feeds: RSS/Atom feeds polled politely, their new items fetched and turned into Documents.

Each feed is fetched with its last ETag and Last-Modified, so an unchanged feed costs a 304 and
nothing else. An item is new when its id (guid, else link) has not been seen; its page is fetched
and its article text extracted with trafilatura, falling back to the feed's own summary when the
page cannot be had. Every failure (network, HTTP status, malformed feed, empty page) comes back as a
``DocumentFailure`` with a one-line reason; other feeds and items go on.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import urljoin

import feedparser
import httpx

from conflictlens.coding.ingest import extract_html
from conflictlens.errors import IngestError
from conflictlens.model import Document, DocumentFailure, content_hash
from conflictlens.store.sql import FeedState

log = logging.getLogger(__name__)


class TransientFetchError(IngestError):
    """A fetch that may work later (timeout, network error, 5xx, 429): the item is tried again next poll."""


USER_AGENT = "conflictlens feed reader (+https://github.com/conflictlens)"


class FeedMemory(Protocol):
    """Where feed validators and seen items are kept (the store)."""

    def feed_state(self, url: str) -> FeedState: ...
    def save_feed_state(self, state: FeedState) -> None: ...
    def seen_item(self, item_id: str) -> bool: ...
    def mark_item_seen(self, item_id: str, feed_url: str) -> None: ...


def read_feed_list(path: Path) -> list[str]:
    """Feed URLs, one per line; blank lines and # comments are skipped."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise IngestError(f"cannot read the feed list {path} ({exc.strerror}): check the path") from exc
    urls = [line.split("#", 1)[0].strip() for line in lines]
    urls = [u for u in urls if u]
    bad = [u for u in urls if not u.startswith(("http://", "https://"))]
    if bad:
        raise IngestError(f"{path}: {bad[0]!r} is not an http(s) URL: one feed URL per line")
    if not urls:
        raise IngestError(f"{path} lists no feeds: write one feed URL per line")
    return urls


def make_client(*, timeout: float = 20.0, retries: int = 3) -> httpx.Client:
    """An HTTP client with timeouts and connection retries; redirects are followed."""
    transport = httpx.HTTPTransport(retries=retries)
    return httpx.Client(transport=transport, timeout=timeout, follow_redirects=True,
                        headers={"User-Agent": USER_AGENT})


def poll_feed(url: str, client: httpx.Client, memory: FeedMemory, *, min_chars: int = 40,
              attempts: int = 3, backoff: float = 1.0) -> Iterator[Document | DocumentFailure]:
    """The new items of one feed as Documents (or failures); unchanged feeds yield nothing."""
    state = memory.feed_state(url)
    headers = {k: v for k, v in (("If-None-Match", state.etag), ("If-Modified-Since", state.last_modified)) if v}
    try:
        response = _get(client, url, headers=headers, attempts=attempts, backoff=backoff)
    except IngestError as exc:
        yield DocumentFailure(url, str(exc))
        return
    if response.status_code == 304:
        return
    try:
        parsed = feedparser.parse(response.content)
    except Exception as exc:  # feedparser's loose parser can fail inside on broken markup (KeyError: 'links')
        yield DocumentFailure(url, f"not a readable RSS/Atom feed (the feed parser failed: {type(exc).__name__}: "
                                   f"{exc}): check the URL")
        return
    if parsed.bozo:
        problem = getattr(parsed, "bozo_exception", None)
        if not parsed.entries:
            yield DocumentFailure(url, f"not a readable RSS/Atom feed ({type(problem).__name__}: {problem}): "
                                       "check the URL")
            return
        yield DocumentFailure(url, f"malformed feed ({type(problem).__name__}: {problem}); "
                                   f"{len(parsed.entries)} items recovered")
    outlet = parsed.feed.get("title") or httpx.URL(url).host
    retry_later = False
    for entry in parsed.entries:
        item_id = content_hash(url, entry.get("id") or entry.get("link") or entry.get("title"))
        if memory.seen_item(item_id):
            continue
        item, transient = _item_document(entry, url, outlet, client, min_chars=min_chars, attempts=attempts,
                                         backoff=backoff)
        yield item
        if not transient:  # marked only after the caller has stored the item, so a kill loses nothing
            memory.mark_item_seen(item_id, url)
        retry_later = retry_later or transient
    # With items to try again, the next poll must get the whole feed, not a 304.
    validators = (None, None) if retry_later else (response.headers.get("ETag"), response.headers.get("Last-Modified"))
    memory.save_feed_state(FeedState(url, *validators))


def _item_document(entry: Any, feed_url: str, outlet: str, client: httpx.Client, *, min_chars: int, attempts: int,
                   backoff: float) -> tuple[Document | DocumentFailure, bool]:
    """The item's document, and whether a failure is worth trying again later."""
    link = _absolute(feed_url, _text(entry.get("link")))
    published = _entry_date(entry)
    title = _text(entry.get("title"))
    text, problem, transient = None, "the item has no link", False
    if link:
        try:
            page = _get(client, link, attempts=attempts, backoff=backoff)
            text, page_title, page_date = extract_html(page.text)
            title, published = title or page_title, published or page_date
        except TransientFetchError as exc:
            problem, transient = str(exc), True
        except IngestError as exc:
            problem = str(exc)
    if not text:
        summary = _text(entry.get("summary")) or ""
        if len(summary) >= min_chars:
            text = extract_html(f"<html><body><article><p>{summary}</p></article></body></html>")[0] \
                if "<" in summary else summary
    if not text or len(text.strip()) < min_chars:
        where = link or f"{outlet}: {title or 'untitled item'}"
        return DocumentFailure(where, f"feed item without article text ({problem})"), transient
    return Document(text=text, url=link, title=title, outlet=outlet, published_at=published,
                    source_path=link or outlet), False


def _text(value: Any) -> str | None:
    """An item's field as text: a malformed feed may give a link as its attributes ({'rel': 'alternate'}) instead."""
    return value if isinstance(value, str) else None


def _absolute(feed_url: str, link: str | None) -> str | None:
    """An item link resolved against its feed (links may be relative); a garbled one is kept as it is."""
    if not link:
        return None
    try:
        return urljoin(feed_url, link)
    except ValueError:
        return link


def _entry_date(entry: Any) -> dt.date | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    return dt.date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday) if parsed else None


def _get(client: httpx.Client, url: str, *, headers: dict[str, str] | None = None, attempts: int,
         backoff: float) -> httpx.Response:
    """GET with retries on timeouts, network errors and 5xx/429 answers; other errors are one line."""
    if not url.startswith(("http://", "https://")):
        raise IngestError(f"{url!r} is not an http(s) URL: it cannot be fetched")
    last = ""
    for attempt in range(attempts):
        try:
            response = client.get(url, headers=headers)
        except (httpx.InvalidURL, httpx.UnsupportedProtocol, ValueError) as exc:
            raise IngestError(f"{url!r} is not a URL that can be fetched ({exc})") from exc
        except httpx.TimeoutException:
            last = "timed out"
        except httpx.HTTPError as exc:
            last = f"{type(exc).__name__}: {exc}"
        else:
            if response.status_code < 400 or response.status_code == 304:
                return response
            if response.status_code != 429 and response.status_code < 500:
                raise IngestError(f"{url} answered HTTP {response.status_code}: check the URL")
            last = f"HTTP {response.status_code}"
        if attempt + 1 < attempts:
            time.sleep(backoff * 2**attempt)
    raise TransientFetchError(f"{url}: {last} after {attempts} attempts; will retry on the next poll")
