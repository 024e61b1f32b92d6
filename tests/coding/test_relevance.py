"""Stage relevance: conflict words in other senses, and conflict talk that is no event, code nothing; real
events in the same words still do. Sentences written for these tests in news style."""

import datetime as dt

import pytest

from conflictlens.coding.classifier import LabelledSentence
from conflictlens.coding.relevance import NO_EVENT, SentenceClassifier, default_model_dir, features
from conflictlens.errors import ConflictLensError

DAY = dt.date(2024, 3, 14)

NOT_EVENTS = [
    # other senses of trigger words
    "Firefighters spent the night fighting the blaze that destroyed a warehouse on the edge of Leeds on Tuesday.",
    "The striker shot twice in the first half before the visitors' attack finally broke through on Saturday.",
    "Shares in the utility fell after the board rejected a hostile takeover bid from its larger rival on Monday.",
    "The former mayor died of a cardiac arrest at his home in Springfield on Wednesday, his family said.",
    "Riot police were deployed around the stadium ahead of Sunday's derby, but the match passed off quietly.",
    # accusations, threats and background
    "Kinshasa on Tuesday accused Rwanda of backing the M23 rebels and of sending troops across the border.",
    "The militia leader vowed on Monday to strike the capital if the talks collapsed.",
]


@pytest.mark.parametrize("text", NOT_EVENTS)
def test_no_event_in_other_senses_and_talk(relevant_pipeline, text):
    assert relevant_pipeline.process_text(text, published_at=DAY).events == []


def test_real_events_in_the_same_words_stay(relevant_pipeline):
    attack = relevant_pipeline.process_text(
        "Militants attacked an army post near Menaka on Tuesday, killing four soldiers.", published_at=DAY).events
    assert [(e.event_type, e.actor2.name if e.actor2 else None) for e in attack] == [
        ("Battles", "Military Forces of Mali")]
    protest = relevant_pipeline.process_text(
        "Thousands of students marched in Dakar on Monday to protest against the postponement of the election.",
        published_at=DAY).events
    assert [e.event_type for e in protest] == ["Protests"]


def test_islamic_state_is_named_by_province(pipeline):
    """"Islamic State" alone is the province of the report's country, never one name for all."""
    def perpetrators(text: str) -> list[str]:
        return [e.actor1.name for e in pipeline.process_text(text, published_at=DAY).events]

    assert perpetrators("Islamic State fighters attacked Syrian army positions near Raqqa on Monday, killing nine "
                        "soldiers.") == ["Islamic State (Syria)"]
    assert perpetrators("Islamic State fighters attacked Iraqi army positions near Mosul on Monday, killing nine "
                        "soldiers.") == ["Islamic State (Iraq)"]
    assert perpetrators("Islamic State fighters attacked an army post near Tillaberi in Niger on Monday, killing nine "
                        "soldiers.") == ["Islamic State (Sahel)"]


def test_the_packaged_model_explains_itself():
    model = SentenceClassifier.load(default_model_dir())
    assert NO_EVENT in model.labels and model.card["examples"] >= 3000
    strike, match = model.event_probability(["Government warplanes bombed the rebel-held town, killing 12 people.",
                                             "The striker's shot hit the post in the second half."])
    assert strike > 0.5 > match
    words = [w for w, weight in model.explain("Government warplanes bombed the rebel-held town.") if weight > 0]
    assert {"warplanes", "bombed"} & set(words)
    assert model.card["cross_validated"]["event_precision"] >= 0.9  # precision first


def test_training_needs_no_event_examples():
    examples = [LabelledSentence("Troops clashed with rebels.", "Battles", "Armed clash"),
                LabelledSentence("Jets bombed the town.", "Explosions/Remote violence", "Air/drone strike")]
    with pytest.raises(ConflictLensError, match="No event"):
        SentenceClassifier.train(examples)


def test_features_are_words_and_pairs():
    assert features("Shelled 3 towns") == ["shelled", "0", "towns", "shelled 0", "0 towns"]
