"""Stage relevance: conflict words in other senses, and conflict talk that is no event, code nothing; real
events in the same words still do. Sentences written for these tests in news style."""

import datetime as dt

import pytest

from conflictlens.coding.annotated import AnnotatedDocument
from conflictlens.coding.classifier import LabelledSentence, SentenceClassifier
from conflictlens.coding.relevance import Relevance
from conflictlens.errors import ConflictLensError
from conflictlens.knowledge import Knowledge
from conflictlens.model import Document

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


def test_the_relevance_stage_needs_a_model_that_knows_no_event():
    events_only = SentenceClassifier.train([
        LabelledSentence("Troops clashed with rebels near the border.", "Battles", "Armed clash"),
        LabelledSentence("Soldiers fought the rebels outside the town.", "Battles", "Armed clash"),
        LabelledSentence("Jets bombed the town.", "Explosions/Remote violence", "Air/drone strike"),
        LabelledSentence("Warplanes bombed the market.", "Explosions/Remote violence", "Air/drone strike")])
    with pytest.raises(ConflictLensError, match="No event"):
        Relevance(events_only, None, Knowledge.load(None), grammar=None, threshold=0.5,  # type: ignore[arg-type]
                  floor=0.3)


class Fixed:
    """A classifier that finds the sentences that tell violence in plain words (``likely``) likely events, and every
    other sentence as likely as ``others``."""

    no_event = 0

    def __init__(self, others: float, likely: str) -> None:
        self.others = others
        self.likely = likely

    def event_probability(self, texts):  # type: ignore[no-untyped-def]
        return [0.9 if text in self.likely else self.others for text in texts]


VIOLENCE = ("Gunmen attacked a bus near the town of Bankass on Monday, killing seven passengers. "
            "Jihadists ambushed an army convoy near Boni on Tuesday, killing four soldiers.")


def kept(pipeline, text: str, likelihood: float, likely: str = VIOLENCE, *,
         classifier: object = None) -> list[tuple[str, str]]:
    """The drafts the relevance stage keeps when the classifier gives the sentences but the ``likely`` ones this
    likelihood."""
    annotated = pipeline.run(AnnotatedDocument(Document(text=text, published_at=DAY)), through="scope")
    Relevance(classifier or Fixed(likelihood, likely), pipeline.actors, pipeline.knowledge,  # type: ignore[arg-type]
              grammar=pipeline.grammar, threshold=0.5, floor=0.3)(annotated)
    return [(d.event.event_type, d.event.kind) for d in annotated.drafts]


class Talk:
    """A classifier that finds any text about ministers talking unlikely to be an event, and all else likely."""

    no_event = 0

    def event_probability(self, texts):  # type: ignore[no-untyped-def]
        return [0.1 if "ministers" in text.lower() else 0.9 for text in texts]


def test_talk_beside_an_act_does_not_make_it_less_of_one(pipeline):
    aside = ("Gunmen attacked a bus near the town of Bankass on Monday, killing seven passengers, as ministers met in "
             "the capital to discuss the budget.")
    assert kept(pipeline, aside, 0, classifier=Talk()) == [("Violence against civilians", "event")]
    # The act told in the clause beside the talk has only the whole sentence to go by.
    inside = "Ministers met in the capital to discuss the budget on Monday while gunmen attacked a bus near Bankass."
    assert kept(pipeline, inside, 0, classifier=Talk()) == []
    # A clause with no subject of its own tells the act's own circumstance, not something beside it.
    own = "Gunmen attacked a bus near the town of Bankass on Monday while escorting ministers to the capital."
    assert kept(pipeline, own, 0, classifier=Talk()) == []


def test_a_sure_classifier_keeps_what_an_unsure_one_needs_arguments_for(pipeline):
    text = "Armed men attacked a bus near the town of Bankass on Monday, killing seven passengers."
    assert kept(pipeline, text, 0.6) == [("Violence against civilians", "event")]
    assert kept(pipeline, text, 0.35) == [("Violence against civilians", "event")]  # "armed men" shows the sense
    assert kept(pipeline, text, 0.1) == []


def test_in_a_report_of_violence_two_named_armed_parties_show_the_sense_the_classifier_doubts(pipeline):
    both = "The Malian army and the Wagner Group suffered heavy losses near Kidal last week, a security source said."
    one = "The Malian army suffered heavy losses near Kidal last week, a security source said."
    told = [("Violence against civilians", "event"), ("Battles", "event")]
    assert kept(pipeline, f"{VIOLENCE} {both}", 0.05) == [*told, ("Battles", "event")]
    assert kept(pipeline, f"{VIOLENCE} {one}", 0.05) == told
    assert kept(pipeline, both, 0.05) == []  # alone, nothing says the report is about armed conflict
    assert kept(pipeline, one, 0.9) == [("Battles", "event")]


def test_in_a_report_of_violence_a_development_or_a_claim_needs_only_a_named_party(pipeline):
    """Developments and accusations are told in the words of talk, which the classifier reads as no event."""
    told = [("Violence against civilians", "event"), ("Battles", "event")]
    mediation = "Rebels of the CMA called for mediation by Algeria on Tuesday after the army encircled them near Kidal."
    accused = "Rights groups accused the Burkinabe army of executing 23 civilians in Nouna on Sunday."
    residents = "Residents called for mediation by the governor on Tuesday after the dispute over the well near Kidal."
    assert kept(pipeline, f"{VIOLENCE} {mediation}", 0.05) == [*told, ("Strategic developments", "event")]
    assert kept(pipeline, f"{VIOLENCE} {accused}", 0.05) == [*told, ("Violence against civilians", "allegation")]
    assert kept(pipeline, f"{VIOLENCE} {residents}", 0.05) == told
    assert kept(pipeline, residents, 0.9) == [("Strategic developments", "event")]
    assert kept(pipeline, mediation, 0.05) == []


def test_a_state_of_things_is_no_development_even_in_a_report_of_violence(pipeline):
    told = [("Violence against civilians", "event"), ("Battles", "event")]
    for state in ("Rebels of the CMA have been calling for mediation by Algeria since 2019.",
                  "Rebels of the CMA have been asking Algeria for mediation for months."):
        assert kept(pipeline, state, 0.9) == [("Strategic developments", "event")]
        assert kept(pipeline, f"{VIOLENCE} {state}", 0.05) == told


def test_an_act_told_again_goes_with_its_first_telling(pipeline):
    """"The attack" points back to the attack told before: dropped there, it is no new event here."""
    claim = "Activists claimed on Wednesday that a nerve gas attack on the Ghouta region near Damascus killed 640 people."
    again = "The attack was on rebel-held areas east of Damascus."
    assert kept(pipeline, f"{claim} {again}", 0.35) == []
    assert [kind for kind, _ in kept(pipeline, f"{claim} {again}", 0.35, likely=claim)] == [
        "Explosions/Remote violence", "Battles"]  # kept both, for coreference to join
    # A new act of the same kind, not pointing back, stands on its own arguments.
    assert kept(pipeline, f"{claim} An attack by rebels hit an army post east of Damascus on Thursday.", 0.35) == [
        ("Battles", "event")]
