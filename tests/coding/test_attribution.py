import pytest

from conflictlens.coding.attribution import Attributor
from conflictlens.coding.grammar import Grammar
from conflictlens.knowledge import Knowledge


@pytest.fixture(scope="module")
def attributor() -> Attributor:
    knowledge = Knowledge.load()
    return Attributor(knowledge.attribution, Grammar.from_knowledge(knowledge))


def attribute(pipeline, attributor, text):  # type: ignore[no-untyped-def]
    sent = next(iter(pipeline.nlp(text).sents))
    return attributor.attribute(sent, {})


def test_named_speaker_said(pipeline, attributor):
    a = attribute(pipeline, attributor, "Jihadists killed 12 villagers near Djibo, a local official said.")
    assert (a.claimant.name, a.claimant.kind, a.claim_type) == ("A local official", "government", "asserted")


def test_according_to(pipeline, attributor):
    a = attribute(pipeline, attributor, "According to Human Rights Watch, soldiers executed 30 men in Moura.")
    assert (a.claimant.name, a.claimant.kind) == ("Human Rights Watch", "ngo")


def test_reportedly_is_unverified_hearsay(pipeline, attributor):
    a = attribute(pipeline, attributor, "Rebels have reportedly seized the base at Ber.")
    assert (a.claimant.kind, a.claim_type) == ("unnamed_reports", "unverified")


def test_official_statement_is_told_by_its_words(pipeline, attributor):
    a = attribute(pipeline, attributor, "In a statement, the army said its aircraft struck a convoy near Gao.")
    assert (a.claimant.name, a.claimant.kind) == ("The army", "official_statement")


def test_accusation_is_an_allegation_with_accuser(pipeline, attributor):
    a = attribute(pipeline, attributor, "Amnesty International accused the army of killing civilians in Solenzo.")
    assert a.is_allegation and a.claim_type == "alleged"
    assert a.accuser is not None and a.accuser.kind == "ngo"


def test_denial_of_earlier_allegations(pipeline, attributor):
    a = attribute(pipeline, attributor, "The government denied the allegations on Tuesday.")
    assert a.denies_earlier and a.denier is not None and a.denier.kind == "government"


def test_unverified_footage_denied_in_the_same_sentence(pipeline, attributor):
    a = attribute(pipeline, attributor,
                  "Officials say videos circulating online of villagers shot by soldiers are fabricated.")
    assert a.is_allegation and a.claim_type == "denied"


def test_outlets_named_in_text(attributor):
    text = "Residents told Sahel Daily that the market burned, and Reuters confirmed the toll."
    assert attributor.outlets_named(text) == ["Reuters", "Sahel Daily"]
