"""Feeds against a local HTTP server serving an RSS feed with ETags, article pages, a malformed feed,
a missing page and a failing one."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest
from click.testing import CliRunner

from conflictlens.cli import main
from conflictlens.errors import IngestError
from conflictlens.model import Document, DocumentFailure
from conflictlens.scale.feeds import FeedState, make_client, poll_feed, read_feed_list
from conflictlens.store.sql import SQLStore

ARTICLE = """<!DOCTYPE html><html><head><title>{title} | Sahel Wire</title>
<meta property="article:published_time" content="2025-03-13T08:00:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>{title}</h1><p>{body}</p><p>Djibo has been cut off by militants for months, and convoys need
military escorts to reach it.</p></article>
<footer>Copyright Sahel Wire. All rights reserved.</footer></body></html>"""

PAGES = {
    "/djibo.html": ("Soldiers killed in Djibo attack",
                    "Jihadist fighters stormed a military base in Djibo in northern Burkina Faso on 12 March 2025, "
                    "killing at least 20 soldiers, two security sources said."),
    "/ayorou.html": ("Villagers killed near Ayorou",
                     "Gunmen killed 15 civilians in an attack on a village near Ayorou in Niger's Tillaberi region "
                     "on 2 April 2025, the interior ministry said in a statement."),
}


def _item(path: str, title: str, date: str) -> str:
    return (f"<item><title>{title}</title><link>{{base}}{path}</link><guid>{path}</guid>"
            f"<pubDate>{date}</pubDate><description>{title}</description></item>")


FIRST_ITEMS = [_item("/djibo.html", "Soldiers killed in Djibo attack", "Thu, 13 Mar 2025 08:00:00 GMT"),
               _item("/gone.html", "A removed story", "Thu, 13 Mar 2025 09:00:00 GMT"),
               _item("/flaky.html", "A story on a failing server", "Thu, 13 Mar 2025 10:00:00 GMT")]


class FeedServer(ThreadingHTTPServer):
    """The feed's items (changed by a test) and the paths requested, for the handler."""

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), Handler)
        self.items = list(FIRST_ITEMS)
        self.requests: list[str] = []


class Handler(BaseHTTPRequestHandler):
    server: FeedServer

    def do_GET(self) -> None:
        self.server.requests.append(self.path)
        base = f"http://127.0.0.1:{self.server.server_address[1]}"
        if self.path == "/feed.xml":
            etag = f'"v{len(self.server.items)}"'
            if self.headers.get("If-None-Match") == etag:
                self._send(304, b"", etag=etag)
                return
            body = ("<?xml version='1.0'?><rss version='2.0'><channel><title>Sahel Wire</title>"
                    + "".join(self.server.items).replace("{base}", base) + "</channel></rss>")
            self._send(200, body.encode(), "application/rss+xml", etag=etag)
        elif self.path == "/broken.xml":
            self._send(200, b"<rss><channel><title>Broken</title><item><title>cut off", "application/rss+xml")
        elif self.path == "/mangled.xml":  # found by fuzzing: feedparser's loose parser raises KeyError('links')
            self._send(200, b"<channel<item<link</item</link<", "application/rss+xml")
        elif self.path in PAGES:
            title, body = PAGES[self.path]
            self._send(200, ARTICLE.format(title=title, body=body).encode(), "text/html")
        elif self.path == "/flaky.html":
            self._send(503, b"busy")
        else:
            self._send(404, b"not found")

    def _send(self, status: int, body: bytes, content_type: str = "text/plain", etag: str | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        if etag:
            self.send_header("ETag", etag)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        return


@pytest.fixture
def server() -> Iterator[FeedServer]:
    httpd = FeedServer()
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd
    httpd.shutdown()
    httpd.server_close()


def _url(server: FeedServer, path: str) -> str:
    return f"http://127.0.0.1:{server.server_address[1]}{path}"


def test_new_items_once_then_nothing_until_the_feed_changes(server, tmp_path):
    store = SQLStore.open(tmp_path / "feeds.db")
    with make_client(timeout=5, retries=0) as client:
        first = list(poll_feed(_url(server, "/feed.xml"), client, store, backoff=0.01))
        documents = [d for d in first if isinstance(d, Document)]
        failures = {f.source_path.rsplit("/", 1)[1]: f.reason for f in first if isinstance(f, DocumentFailure)}
        assert [(d.title, d.outlet, str(d.published_at)) for d in documents] == [
            ("Soldiers killed in Djibo attack", "Sahel Wire", "2025-03-13")]
        assert "stormed a military base in Djibo" in documents[0].text and "All rights reserved" not in documents[0].text
        assert "answered HTTP 404" in failures["gone.html"]
        assert "HTTP 503 after 3 attempts; will retry on the next poll" in failures["flaky.html"]
        # Unchanged feed: a conditional request answered 304, nothing fetched again.
        server.requests.clear()
        # The 503 item is tried again, so the feed is fetched whole; the 404 and the stored item are not.
        again = list(poll_feed(_url(server, "/feed.xml"), client, store, backoff=0.01))
        assert [f.source_path.rsplit("/", 1)[1] for f in again] == ["flaky.html"]
        assert server.requests == ["/feed.xml", "/flaky.html", "/flaky.html", "/flaky.html"]
        server.items.remove(FIRST_ITEMS[2])  # the failing story is withdrawn: from now on the feed is unchanged
        list(poll_feed(_url(server, "/feed.xml"), client, store, backoff=0.01))
        server.requests.clear()
        assert list(poll_feed(_url(server, "/feed.xml"), client, store, backoff=0.01)) == []
        assert server.requests == ["/feed.xml"]  # answered 304
        server.items.append(_item("/ayorou.html", "Villagers killed near Ayorou", "Thu, 03 Apr 2025 08:00:00 GMT"))
        server.requests.clear()
        later = list(poll_feed(_url(server, "/feed.xml"), client, store, backoff=0.01))
    assert server.requests == ["/feed.xml", "/ayorou.html"]
    assert [d.title for d in later if isinstance(d, Document)] == ["Villagers killed near Ayorou"]
    store.close()


def test_malformed_feed_and_bad_lists_are_one_line(server, tmp_path):
    store = SQLStore.open(tmp_path / "feeds.db")
    with make_client(timeout=5, retries=0) as client:
        feed_problem, item_problem = list(poll_feed(_url(server, "/broken.xml"), client, store, backoff=0.01))
    assert isinstance(feed_problem, DocumentFailure) and feed_problem.reason.startswith("malformed feed (")
    assert feed_problem.reason.endswith("1 items recovered")
    assert item_problem == DocumentFailure("Broken: untitled item", "feed item without article text (the item has no link)")
    with make_client(timeout=5, retries=0) as client:
        [mangled] = list(poll_feed(_url(server, "/mangled.xml"), client, store, backoff=0.01))
    assert isinstance(mangled, DocumentFailure)
    assert mangled.reason.startswith("not a readable RSS/Atom feed (the feed parser failed: KeyError")
    store.close()
    feeds = tmp_path / "feeds.txt"
    feeds.write_text("# my feeds\n\nftp://example.org/feed\n", encoding="utf-8")
    with pytest.raises(IngestError, match="is not an http"):
        read_feed_list(feeds)
    feeds.write_text("# nothing yet\n", encoding="utf-8")
    with pytest.raises(IngestError, match="lists no feeds"):
        read_feed_list(feeds)
    with pytest.raises(IngestError, match="cannot read the feed list"):
        read_feed_list(tmp_path / "missing.txt")


def test_watch_once_processes_and_fuses_new_articles(server, settings, tmp_path):
    feeds = tmp_path / "feeds.txt"
    feeds.write_text(f"{_url(server, '/feed.xml')}  # Sahel Wire\n{_url(server, '/broken.xml')}\n", encoding="utf-8")
    db = tmp_path / "watch.db"
    args = ["--db", str(db), "--gazetteer", str(settings.gazetteer), "watch", str(feeds), "--once"]
    first = CliRunner().invoke(main, args)
    assert first.exit_code == 0, first.output
    assert "feed.xml: 1 processed, 0 already in the store, 2 failed" in first.output
    assert "broken.xml: 0 processed, 0 already in the store, 2 failed, 0 events" in first.output
    second = CliRunner().invoke(main, args)
    assert "feed.xml: 0 processed, 0 already in the store, 1 failed, 0 events" in second.output  # the 503 again
    assert "failed: " + _url(server, "/flaky.html") in second.output
    store = SQLStore.open(db)
    assert [(r["location"], r["event_type"]) for r in store.fused_events()] == [("Djibo", "Battles")]
    store.close()


def test_feed_list_paths(tmp_path: Path):
    feeds = tmp_path / "feeds.txt"
    feeds.write_text("https://example.org/a.xml\n  http://example.org/b.rss # b\n", encoding="utf-8")
    assert read_feed_list(feeds) == ["https://example.org/a.xml", "http://example.org/b.rss"]


def test_an_item_whose_link_the_parser_gives_as_attributes_is_a_failure_not_a_crash():
    # A feed garbled like this made feedparser give the item's link as a dict ({'rel': 'alternate', ...}).
    feed = (b"<?xml version='1.0'?>itle>Sahel Wire</title><item><title>Soldiers killed in Djibo</title><links killed "
            b"in Djibo</title><link>h><channel><titDjibo in northern B")
    items = list(poll_feed("http://feeds.test/feed.xml", httpx.Client(transport=httpx.MockTransport(
        lambda request: httpx.Response(200, content=feed))), _NoMemory(), attempts=1, backoff=0))
    assert items and all(isinstance(i, DocumentFailure) for i in items), items


class _NoMemory:
    """Feed memory that keeps nothing: every item is new."""

    def feed_state(self, url: str) -> FeedState:
        return FeedState(url)

    def save_feed_state(self, state: FeedState) -> None:
        pass

    def seen_item(self, item_id: str) -> bool:
        return False

    def mark_item_seen(self, item_id: str, feed_url: str) -> None:
        pass
