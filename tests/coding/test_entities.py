"""Text normalisation before parsing (one character for one, so offsets into the document stay valid) and the
sentence boundaries set before the parser."""

from datetime import date

import pytest

from conflictlens.coding.entities import normalise_text
from conflictlens.coding.pipeline import Pipeline
from conflictlens.model import Document, Event


def _dataset_rows(pipeline: Pipeline, text: str, published: date) -> list[Event]:
    """The rows a report published on ``published`` gives the event dataset."""
    return [e for e in pipeline.process(Document(text=text, published_at=published)).events if e.is_dataset_row()]


@pytest.mark.parametrize(("text", "expected"), [
    ("the General Staff of the\narmed forces denied", "the General Staff of the armed forces denied"),
    ("trois soldats tués à\nDori jeudi", "trois soldats tués à Dori jeudi"),
    ("killed 12 people,\nincluding two children", "killed 12 people, including two children"),
    ("Mali: army denies attack\nBAMAKO - The army said", "Mali: army denies attack\nBAMAKO - The army said"),
    ("The army said so.\nthen it left", "The army said so.\nthen it left"),
    ("First paragraph\n\nsecond paragraph", "First paragraph\n\nsecond paragraph"),
    ("\u201cNo civilian was hit\u201d \u2013 the army", "\"No civilian was hit\" - the army"),
])
def test_hard_wrapped_lines_are_joined_and_titles_kept_apart(text, expected):
    normalised = normalise_text(text)
    assert normalised == expected and len(normalised) == len(text)


@pytest.mark.parametrize(("text", "prose"), [
    ("The monitor said so. Tags Lebanon Hezbollah Turkey airstrikes A Russian airstrike killed 12 civilians in Idlib "
     "on Monday.", "A Russian airstrike"),
    ("Tags Syria Homs regime airstrikes Kafr Nabl Sixteen civilians - including three children - were killed.",
     "Sixteen civilians"),
    ("Tags massacre The Syrian war Syrian Army At least 11 people were killed in Homs.", "At least 11"),
    ("Eleven civilians were killed in airstrikes on a market in Maaret al-Numan Tags Syria Khan Sheikhun Idlib "
     "airstrikes At least 11 were killed when bombs hit the market.", "At least 11 were"),
])
def test_a_keyword_list_glued_to_the_prose_ends_where_the_prose_begins(pipeline, text, prose):
    doc = pipeline.nlp(text)
    verb = next(t for t in reversed(doc) if t.lower_ == "killed")
    assert verb.sent.start >= len(pipeline.nlp.make_doc(text[: text.index(prose)]))


def test_a_keyword_list_with_no_prose_after_it_is_left_whole(pipeline):
    text = "Tags massacre The Syrian war Syrian Army Daesh Community standards"
    assert [sentence.text for sentence in pipeline.nlp(text).sents] == [text]


def test_the_pages_tail_of_related_headlines_and_tags_tells_no_event(pipeline):
    text = ("A mortar attack on a district of Deir ez-Zor left three civilians dead on Thursday. The city was "
            "quiet on Friday. ... 01 Related Daesh Shells Syrias Deir ez-Zor Injures 10 People US-Led "
            "Coalition Airstrikes Kill at Least 12 Civilians in Syrian Deir ez-Zor Tags blockade shelling Daesh Deir "
            "ez-Zor Syria Community standardsDiscussion Comment via Facebook")
    events = _dataset_rows(pipeline, text, date(2017, 10, 5))
    assert [(e.event_type, e.fatalities) for e in events] == [("Explosions/Remote violence", 3)]


def test_an_embedded_videos_title_is_set_apart_and_tells_no_event(pipeline):
    text = ("The monitor spoke to an activist. Air strikes on Atareb kill dozens of civilians - YouTube Russian "
            "warplanes struck the town of Saraqib in Idlib province on Monday, killing 12 people.")
    doc = pipeline.nlp(text)
    assert "Russian warplanes struck" in next(t for t in doc if t.text == "struck").sent.text[:24]
    events = _dataset_rows(pipeline, text, date(2016, 10, 7))
    assert [(e.place.name, e.fatalities) for e in events] == [("Saraqib", 12)]


@pytest.mark.parametrize(("text", "prose"), [
    ("Middle East 1449 09.04.2017Get short URL 191 A total of 24 fighters were killed near Raqqa.",
     "A total of 24 fighters were killed near Raqqa."),
    ("Middle East 0041 09.04.2017Get short URL 0 85 12 fighters were killed by the SDF near Tabqa.",
     "12 fighters were killed by the SDF near Tabqa."),
])
def test_a_sharing_widget_closes_the_pages_header_and_its_counters_are_not_the_prose(pipeline, text, prose):
    assert prose in [sentence.text for sentence in pipeline.nlp(text).sents]


def test_the_keywords_are_not_the_acts_actors_or_places(pipeline):
    (event,) = _dataset_rows(pipeline, "Tags Lebanon Hezbollah Turkey airstrikes A Russian airstrike killed 12 "
                             "civilians in the town of Saraqib in Idlib province on Monday.", date(2016, 10, 7))
    assert (event.actor1.name, event.actor2.name, event.place.admin1) == (
        "Military Forces of Russia", "Civilians (Syria)", "Idlib")


def test_a_wire_agencys_byline_ends_the_headline_and_opens_the_prose(pipeline):
    text = ("Regime bombing kills 21 including 8 children Regime bombardment killed at least 21 civilians in the south "
            "of the country AFP Friday 10 Oct 2014 The monitor said Friday 19 people were killed by air strikes on "
            "the town of Hara in Daraa province.")
    sentences = [sentence.text for sentence in pipeline.nlp(text).sents]
    assert sentences[-1].startswith("The monitor said Friday 19 people")
    assert sentences[0].endswith("in the south of the country")
    events = _dataset_rows(pipeline, text, date(2014, 10, 10))
    assert [e.fatalities for e in events] == [21]  # not the headline's 21 and the body's 19 added up


def test_the_headline_before_a_byline_stays_one_sentence(pipeline):
    text = ("Syria monitor says air strikes kill 22 in school in rebel-held Idlib Reuters Wednesday 26 Oct 2016 The "
            "monitor said air strikes killed at least 22 people in a village in Idlib province on Wednesday.")
    sentences = [sentence.text for sentence in pipeline.nlp(text).sents]
    assert sentences[0] == "Syria monitor says air strikes kill 22 in school in rebel-held Idlib"


@pytest.mark.parametrize(("text", "first_sentence"), [
    ("One civilian killed in rocket attack on al-Fouaa town in Idleb In the same context a civilian was killed as "
     "terrorists fired rocket shells on the town.",
     "One civilian killed in rocket attack on al-Fouaa town in Idleb"),
    ("Rebels took the Manbij area Meanwhile hundreds of civilians escaped the town on Monday.",
     "Rebels took the Manbij area"),
    ("Two persons injured in rocket attack in Homs Two persons were injured as militants shelled the town.",
     "Two persons injured in rocket attack in Homs"),
])
def test_a_crosshead_glued_to_its_paragraph_is_a_sentence_of_its_own(pipeline, text, first_sentence):
    assert next(pipeline.nlp(text).sents).text == first_sentence


@pytest.mark.parametrize("text", [
    "Gunmen attacked a village near In Delimane in the Tillaberi region on Monday.",
    "Gunmen attacked a camp near In-Ates on Monday.",
    "Five Killed In Attack on Market in Niger",
])
def test_a_capitalised_opener_inside_a_name_or_a_title_opens_no_sentence(pipeline, text):
    assert len(list(pipeline.nlp(text).sents)) == 1


def test_a_wire_agencys_byline_right_before_the_proses_article_ends_the_headline(pipeline):
    text = ("Wednesday 10 Aug 2016 Rebel fire in Aleppo kills 14 State media AFP A barrage of rocket fire from rebels "
            "killed at least 14 people on Wednesday in government-held neighbourhoods of Aleppo, state media said.")
    sentences = [sentence.text for sentence in pipeline.nlp(text).sents]
    assert sentences[0].endswith("kills 14 State media")
    assert sentences[-1].startswith("A barrage of rocket fire")


def test_a_related_news_section_opens_the_pages_tail_whatever_full_stops_it_holds(pipeline):
    text = ("A car bomb killed 30 people in Tartous in Syria on Monday, regime media said. Source TRTWorld and "
            "agencies Related News Turkish warplanes hit pro-Assad militants in Afrin - monitor YPG to hand over "
            "bodies of nine fighters after clashes Category News Summit in Tehran calls for a political solution. "
            "Follow us on Instagram.")
    events = _dataset_rows(pipeline, text, date(2016, 9, 5))
    assert [e.place.name for e in events] == ["Ţarţūs"]
    doc = pipeline.nlp(text)
    assert [s.text for s in doc.sents][-1].startswith("Related News")


@pytest.mark.parametrize("text", [
    "Published April 29 2017 Airstrikes struck a rescue center in Hama in Syria, killing eight volunteers.",
    "Last updated at Jul 172015 Barrel bombs dropped from helicopters killed 11 civilians in Al Bab in Syria.",
])
def test_the_pages_statement_of_when_it_was_published_is_a_sentence_of_its_own(pipeline, text):
    first = next(iter(pipeline.nlp(text).sents)).text
    assert first.split()[-1].isdigit() and first.endswith(("2017", "172015"))


def test_related_news_in_prose_opens_no_tail(pipeline):
    text = ("A car bomb killed 30 people in Tartous in Syria on Monday. In related news Syrian troops shelled Daraa on "
            "Tuesday, killing four rebels.")
    assert len(list(pipeline.nlp(text).sents)) == 2
    events = _dataset_rows(pipeline, text, date(2016, 9, 6))
    assert len(events) == 2
