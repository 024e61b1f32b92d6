"""Fuzz target (atheris): arbitrary bytes as a text/HTML/JSONL input and as a feed and its pages.

Every input must come back as Documents or DocumentFailures; any exception is a crash.

    python tests/fuzz/ingest_target.py -max_total_time=60 tests/fuzz/seeds
"""

from __future__ import annotations

import sys

import atheris
import httpx

# Coverage guidance on the project's own code only: instrumenting every library it imports took minutes on
# a loaded 2-core machine before the first input ran; the libraries still run on every input.
with atheris.instrument_imports(include=["conflictlens"]):
    from conflictlens.coding.ingest import _documents_from_bytes
    from conflictlens.model import Document, DocumentFailure
    from conflictlens.scale.feeds import FeedState, poll_feed

SUFFIXES = (".txt", ".html", ".jsonl")


class Memory:
    """Feed memory in a dict: the fuzzer needs no store."""

    def __init__(self) -> None:
        self.states: dict[str, FeedState] = {}
        self.seen: set[str] = set()

    def feed_state(self, url: str) -> FeedState:
        return self.states.get(url, FeedState(url))

    def save_feed_state(self, state: FeedState) -> None:
        self.states[state.url] = state

    def seen_item(self, item_id: str) -> bool:
        return item_id in self.seen

    def mark_item_seen(self, item_id: str, feed_url: str) -> None:
        self.seen.add(item_id)


def test_one_input(data: bytes) -> None:
    if not data:
        return
    suffix = SUFFIXES[data[0] % len(SUFFIXES)]
    for item in _documents_from_bytes(data[1:], "fuzz", suffix, 200_000, 40, {}):
        assert isinstance(item, Document | DocumentFailure)
    half = len(data) // 2
    feed, page = data[:half], data[half:]

    def serve(request: httpx.Request) -> httpx.Response:
        body = feed if request.url.path == "/feed.xml" else page
        return httpx.Response(200, content=body, headers={"ETag": '"x"'})

    with httpx.Client(transport=httpx.MockTransport(serve)) as client:
        for item in poll_feed("http://feeds.test/feed.xml", client, Memory(), attempts=1, backoff=0):
            assert isinstance(item, Document | DocumentFailure)


if __name__ == "__main__":
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()
