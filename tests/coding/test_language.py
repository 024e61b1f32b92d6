from conflictlens.coding.language import detect_language
from conflictlens.model import Document


def test_english_and_french_are_told_apart():
    english = Document(text="Gunmen attacked a village near Menaka on Sunday, killing at least 14 civilians.")
    french = Document(text="Des hommes armés ont attaqué un village près de Ménaka dimanche, tuant au moins 14 civils.")
    assert detect_language(english).language == "en"
    assert detect_language(french).language == "fr"


def test_undetectable_text_gets_the_default_and_a_warning():
    doc = detect_language(Document(text="12345 67890 ---- ////"), default="en")
    assert doc.language == "en" and doc.warnings == ["language could not be detected; assumed 'en'"]


def test_unsupported_language_is_kept_without_events(pipeline):
    result = pipeline.process_text("Bewaffnete Männer griffen am Sonntag ein Dorf in der Nähe von Ménaka an und töteten "
                                   "mindestens vierzehn Zivilisten, wie lokale Quellen berichteten.")
    assert result.document.language == "de"
    assert result.events == []
    assert result.document.warnings == [
        "no event pipeline for language 'de' (have en, fr); document stored without events"]


def test_a_short_text_is_read_in_a_language_with_dictionaries():
    doc = detect_language(Document(text="MNJ rebels attacked Niger army barracks."), default="en", known={"en", "fr"})
    assert doc.language == "en"
    assert doc.warnings and "short text" in doc.warnings[0]
    french = detect_language(Document(text="Des hommes armés ont attaqué Ménaka."), default="en", known={"en", "fr"})
    assert french.language == "fr"
