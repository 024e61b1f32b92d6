"""The coder stage by stage: each stage adds its own layer to one annotated document, and only that.

Run on a short report written in wire style for this test."""

import datetime as dt

from conflictlens.coding.annotated import AnnotatedDocument
from conflictlens.coding.pipeline import check_order
from conflictlens.errors import ConfigError
from conflictlens.model import Document

REPORT = ("Gunmen attacked a gendarmerie post in Tera on Tuesday, killing five gendarmes, the army said. "
          "The government denied the allegations.")

# What each stage adds: document layers (present afterwards) and the draft fields it fills.
EXPECTED_LAYERS = {
    "parse": ["doc", "sentences", "actor_mentions", "mention_tokens"],
    "places": ["toponyms", "country_votes", "country", "focus"],
    "actors": ["actor_context", "resolved_actors", "actor_roots", "opponent"],
    "attribution": ["sentence_attribution"],
    "detection": ["drafts"],
    "dates": ["reference_date", "sentence_dates"],
    "relevance": ["sentence_relevance"],
    "fatalities": ["sentence_deaths"],
    "scope": ["running_totals"],
    "coreference": ["events", "sentence_events", "continuations"],
}


def test_each_stage_adds_its_layer(relevant_pipeline):
    pipeline = relevant_pipeline
    annotated = AnnotatedDocument(Document(text=REPORT, published_at=dt.date(2024, 3, 14)))
    before = set(annotated.layers())
    draft_fields: dict[str, tuple] = {}
    for stage in pipeline.stages:
        stage(annotated)
        after = set(annotated.layers())
        assert sorted(after - before) == sorted(EXPECTED_LAYERS.get(stage.name, [])), stage.name
        before = after
        if annotated.drafts:
            event = annotated.drafts[0].event
            draft_fields[stage.name] = (event.place.name if event.place else None, event.actor1 and event.actor1.name,
                                        event.event_type, event.event_date, event.fatalities, event.claim_status,
                                        event.actor2 and event.actor2.name, event.source and event.source.kind)
    assert [s.name for s in pipeline.stages] == [
        "parse", "places", "actors", "attribution", "detection", "event places", "roles", "dates", "fatalities",
        "typing", "scope", "relevance", "implied actors", "claims", "coreference", "claim links", "merge",
        "second opinion", "records"]
    # The draft's fields appear in the stage that decides them.
    assert draft_fields["detection"] == (None, None, "Battles", None, 0, "reported", None, None)
    assert draft_fields["event places"][0] == "Téra"
    assert draft_fields["event places"][1] is None
    assert draft_fields["roles"][1] == "Unidentified Armed Group (Niger)"  # "Gunmen", in Niger where Téra is
    assert draft_fields["dates"][3].isoformat() == "2024-03-12"
    assert draft_fields["fatalities"][4] == 5
    # An attack on a gendarmerie post killing gendarmes is a battle against the police.
    assert draft_fields["typing"][2:] == ("Battles", date_of("2024-03-12"), 5, "reported", "Police Forces of Niger",
                                          None)
    assert draft_fields["claims"][7] == "military"  # "the army said"
    [event] = annotated.events
    assert event.event_id and event.notes.startswith("On 12 March 2024: Gunmen attacked")


def date_of(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def test_stage_order_is_checked(pipeline):
    stages = list(pipeline.stages)
    check_order(stages)
    typing = next(s for s in stages if s.name == "typing")
    stages.remove(typing)
    stages.insert(0, typing)
    try:
        check_order(stages)
    except ConfigError as exc:
        assert "stage 'typing' needs" in str(exc)
    else:
        raise AssertionError("a stage placed before the layers it reads was accepted")
