"""The sentence classifier: reading labelled sentences, training, saving, loading, explaining, and its second
opinion on sub-types. Sentences written for these tests."""

import json

import pytest
from click.testing import CliRunner

from conflictlens.cli import main
from conflictlens.coding.annotated import AnnotatedDocument
from conflictlens.coding.classifier import (
    NO_EVENT,
    LabelledSentence,
    SentenceClassifier,
    SubtypeSecondOpinion,
    default_model_dir,
    features,
    load_sentence_classifier,
    read_examples,
    refine_sub_types,
)
from conflictlens.errors import ConflictLensError, ModelLoadError
from conflictlens.knowledge import Knowledge
from conflictlens.model import Claim, Document, Event, Source, Span

TAXONOMY = Knowledge.load(None).taxonomy
SHIPPED = default_model_dir().parent.parent / "training" / "event_sentences.jsonl"


def test_shipped_examples_are_valid_and_cover_the_taxonomy():
    examples = read_examples(SHIPPED, TAXONOMY)
    assert {e.sub_event_type for e in examples} == {s for subs in TAXONOMY.values() for s in subs}


@pytest.mark.parametrize("content, message", [
    ("text,event_type\nA,Battles\n", "lacks sub_event_type"),
    ("text,event_type,sub_event_type\nA,Battles,Grenade\n", "not a sub-type of 'Battles'"),
    ("text,event_type,sub_event_type\nA,Battles,Armed clash\nB,Battles,Armed clash\n", "fewer than two"),
])
def test_bad_training_files(tmp_path, content, message):
    path = tmp_path / "examples.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ConflictLensError, match=message):
        read_examples(path, TAXONOMY)


def test_train_save_load_round_trip_on_events_alone(tmp_path):
    """A user's own coded sentences, with no "No event" among them, make a sub-type model."""
    examples = read_examples(SHIPPED, TAXONOMY)
    model = SentenceClassifier.train(examples, sources=[str(SHIPPED)])
    model.save(tmp_path / "model")
    loaded = SentenceClassifier.load(tmp_path / "model")
    sentence = ["A suicide bomber blew himself up at the entrance of the market, killing eleven people."]
    probabilities = loaded.sub_type_probabilities(sentence)[0]
    assert probabilities == pytest.approx(model.sub_type_probabilities(sentence)[0], abs=1e-5)
    assert max(probabilities, key=probabilities.get) == "Suicide bomb"
    assert sum(probabilities.values()) == pytest.approx(1.0, abs=1e-4)
    assert loaded.no_event is None and loaded.event_probability(sentence) == [1.0]
    assert loaded.card["examples"] == len(examples)
    assert 0.0 < loaded.card["cross_validated"]["label_accuracy"] <= 1.0
    assert "event_precision" not in loaded.card["cross_validated"]


def test_two_labels_make_a_two_row_model():
    model = SentenceClassifier.train([
        LabelledSentence("Troops clashed with rebels near the border.", "Battles", "Armed clash"),
        LabelledSentence("Soldiers fought the rebels outside the town.", "Battles", "Armed clash"),
        LabelledSentence("The striker scored twice in the derby.", NO_EVENT, NO_EVENT),
        LabelledSentence("The club signed a new striker on Monday.", NO_EVENT, NO_EVENT)])
    assert model.coef.shape[0] == 2
    clash, match = model.event_probability(["Troops clashed with rebels.", "The striker scored."])
    assert clash > 0.5 > match


def test_the_packaged_model_explains_itself():
    model = load_sentence_classifier("default")
    assert model is not None and NO_EVENT in model.labels and model.card["examples"] >= 3000
    assert len(model.labels) == 26  # "No event" and every sub-type
    strike, match = model.event_probability(["Government warplanes bombed the rebel-held town, killing 12 people.",
                                             "The striker's shot hit the post in the second half."])
    assert strike > 0.5 > match
    words = [w for w, weight in model.explain("Government warplanes bombed the rebel-held town.") if weight > 0]
    assert {"warplanes", "bombed"} & set(words)
    assert model.card["cross_validated"]["event_precision"] >= 0.9  # precision first


def test_both_settings_share_one_loaded_model():
    assert load_sentence_classifier("default") is load_sentence_classifier("DEFAULT")
    assert load_sentence_classifier("none") is None
    with pytest.raises(ModelLoadError, match="retrain it"):
        load_sentence_classifier("/nonexistent/model")


def test_features_are_words_and_pairs():
    assert features("Shelled 3 towns") == ["shelled", "0", "towns", "shelled 0", "0 towns"]


def test_second_opinion_stays_within_the_event_type():
    model = load_sentence_classifier("default")
    assert model is not None
    recaptured = Event(doc_id="d", event_type="Battles", sub_event_type="Armed clash")
    bombing = Event(doc_id="d", event_type="Battles", sub_event_type="Armed clash")
    refine_sub_types([recaptured, bombing], [
        "Government troops retook control of the town that rebels had held since March.",
        "A suicide bomber blew himself up at the gate of the army camp.",  # another type: left to the rules
    ], model, ratio=3.0)
    assert recaptured.sub_event_type == "Government regains territory"
    assert (bombing.event_type, bombing.sub_event_type) == ("Battles", "Armed clash")


def reviewed_sub_type(own_words, event_type: str, sub_type: str, sentence: str) -> str:  # type: ignore[no-untyped-def]
    """The sub-type the second opinion leaves on one event told by ``sentence``."""
    model = load_sentence_classifier("default")
    assert model is not None
    event = Event(doc_id="d", event_type=event_type, sub_event_type=sub_type,
                  claims=[Claim(Source("source", "ngo"), "asserted", sentence, Span(0, len(sentence)), "d")])
    annotated = AnnotatedDocument(Document(text=sentence))
    annotated.events = [event]
    SubtypeSecondOpinion(model, ratio=1.0, own_words=own_words)(annotated)
    return event.sub_event_type


def test_second_opinion_leaves_a_sub_type_whose_weapon_the_sentence_names():
    sentence = "The Observatory said 38 soldiers were killed in the blast under their position on Thursday."
    assert reviewed_sub_type(Knowledge.load(None).conventions["remote_means"], "Explosions/Remote violence",
                             "Remote explosive/landmine/IED", sentence) == "Remote explosive/landmine/IED"


def test_second_opinion_gives_a_sub_type_known_by_its_words_only_to_a_sentence_that_says_one():
    conventions = Knowledge.load(None).conventions
    sentence = "Workers at the Volkswagen plant in Uitenhage went on strike on Tuesday demanding a wage increase."
    assert reviewed_sub_type(conventions["remote_means"] | conventions["sub_type_words"], "Strategic developments",
                             "Other", sentence) != "Arrests"


def test_train_command(tmp_path):
    rows = [json.loads(line) for line in SHIPPED.read_text(encoding="utf-8").splitlines()]
    subset = [r for r in rows if r["event_type"] == "Protests"]
    path = tmp_path / "protests.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in subset), encoding="utf-8")
    result = CliRunner().invoke(main, ["train", str(path), "-o", str(tmp_path / "model")])
    assert result.exit_code == 0, result.output
    assert f"trained on {len(subset)} sentences, 3 labels" in result.output
    assert "use it with event_classifier =" in result.output
    assert sorted(json.loads((tmp_path / "model" / "model.json").read_text())["labels"]) == [
        "Excessive force against protesters", "Peaceful protest", "Protest with intervention"]
    refused = CliRunner().invoke(main, ["train", "--relevance", str(path), "-o", str(tmp_path / "other")])
    assert refused.exit_code != 0 and 'no "No event" examples' in refused.output
