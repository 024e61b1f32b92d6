"""The sub-type classifier: reading labelled sentences, training, saving, loading and its second opinion."""

import json

import pytest
from click.testing import CliRunner

from conflictlens.cli import main
from conflictlens.coding.annotated import AnnotatedDocument
from conflictlens.coding.classifier import (
    SubtypeClassifier,
    SubtypeSecondOpinion,
    default_model_dir,
    load_classifier,
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


def test_train_save_load_round_trip(tmp_path):
    examples = read_examples(SHIPPED, TAXONOMY)
    model = SubtypeClassifier.train(examples, source=SHIPPED)
    model.save(tmp_path / "model")
    loaded = SubtypeClassifier.load(tmp_path / "model")
    sentence = ["A suicide bomber blew himself up at the entrance of the market, killing eleven people."]
    probabilities = loaded.probabilities(sentence)[0]
    assert probabilities == pytest.approx(model.probabilities(sentence)[0], abs=1e-5)
    assert max(probabilities, key=probabilities.get) == "Suicide bomb"
    assert sum(probabilities.values()) == pytest.approx(1.0, abs=1e-4)
    assert loaded.provenance["examples"] == len(examples)
    assert len(loaded.provenance["training_sha256"]) == 64
    assert 0.0 < loaded.provenance["cross_validated_accuracy"] <= 1.0


def test_the_packaged_model_loads_and_records_where_it_came_from():
    model = load_classifier("default")
    assert model is not None and len(model.labels) == 25
    assert model.provenance["trained_on"].endswith("event_sentences.jsonl")
    assert load_classifier("none") is None
    with pytest.raises(ModelLoadError, match="retrain it"):
        load_classifier("/nonexistent/model")


def test_second_opinion_stays_within_the_event_type():
    model = load_classifier("default")
    assert model is not None
    recaptured = Event(doc_id="d", event_type="Battles", sub_event_type="Armed clash")
    bombing = Event(doc_id="d", event_type="Battles", sub_event_type="Armed clash")
    refine_sub_types([recaptured, bombing], [
        "Government troops retook control of the town that rebels had held since March.",
        "A suicide bomber blew himself up at the gate of the army camp.",  # another type: left to the rules
    ], model, ratio=3.0)
    assert recaptured.sub_event_type == "Government regains territory"
    assert (bombing.event_type, bombing.sub_event_type) == ("Battles", "Armed clash")


def test_second_opinion_leaves_a_sub_type_whose_weapon_the_sentence_names():
    model = load_classifier("default")
    assert model is not None
    stage = SubtypeSecondOpinion(model, ratio=1.0, weapons=Knowledge.load(None).conventions["remote_means"])
    sentence = "The Observatory said 38 soldiers were killed in the blast under their position on Thursday."
    blast = Event(doc_id="d", event_type="Explosions/Remote violence", sub_event_type="Remote explosive/landmine/IED",
                  claims=[Claim(Source("Observatory", "ngo"), "asserted", sentence, Span(0, len(sentence)), "d")])
    annotated = AnnotatedDocument(Document(text=sentence))
    annotated.events = [blast]
    stage(annotated)
    assert blast.sub_event_type == "Remote explosive/landmine/IED"


def test_train_command(tmp_path):
    rows = [json.loads(line) for line in SHIPPED.read_text(encoding="utf-8").splitlines()]
    subset = [r for r in rows if r["event_type"] == "Protests"]
    path = tmp_path / "protests.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in subset), encoding="utf-8")
    result = CliRunner().invoke(main, ["train", str(path), "-o", str(tmp_path / "model")])
    assert result.exit_code == 0, result.output
    assert f"trained on {len(subset)} sentences, 3 sub-types" in result.output
    assert sorted(json.loads((tmp_path / "model" / "model.json").read_text())["labels"]) == [
        "Excessive force against protesters", "Peaceful protest", "Protest with intervention"]
