"""End to end: the example article against its hand coding in ../shared (needs ../shared)."""

from __future__ import annotations

import pytest
import yaml

from conflictlens.evaluation.expectations import match_expected

from ..conftest import SHARED

EXAMPLE = SHARED / "examples" / "tinzaouatene"

pytestmark = pytest.mark.shared


@pytest.fixture(scope="module")
def coded(pipeline):  # type: ignore[no-untyped-def]
    text = (EXAMPLE / "article.txt").read_text(encoding="utf-8")
    return pipeline.process_text(text)


@pytest.fixture(scope="module")
def hand_coding():  # type: ignore[no-untyped-def]
    return yaml.safe_load((EXAMPLE / "expected.yaml").read_text(encoding="utf-8"))


def test_every_hand_coded_event_is_found_with_every_field(coded, hand_coding):
    results = match_expected(coded.events, hand_coding["events"])
    unmatched = {r.expected_id: r.failing_fields for r in results if r.matched is None}
    assert unmatched == {}


def test_document_fields(coded, hand_coding):
    assert coded.document.language == hand_coding["document"]["language"]
    assert coded.document.outlets_named == hand_coding["document"]["outlets_named"]


def test_extra_events_come_from_the_text(coded, hand_coding):
    """Every coded event rests on evidence sentences of the article that carry its trigger."""
    for event in coded.events:
        evidence = " ".join(coded.document.text[s.start : s.end] for s in event.evidence)
        assert event.trigger.split()[0].lower()[:5] in evidence.lower()


def test_relative_dates_are_not_turned_into_days(coded):
    """The article states no publication date: nothing may be dated to a day without an explicit date."""
    for event in coded.events:
        if event.date_precision == "day":
            assert event.date_text is not None and "2024" in event.date_text
