"""Stage ``parse``: sentences, tokens, the dependency parse and named entities (spaCy plus a domain
EntityRuler built from the actor dictionary), and the actor mentions among them."""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from conflictlens.coding.actors import ACTOR_LABEL, ActorDictionary, ActorMention
from conflictlens.coding.annotated import AnnotatedDocument
from conflictlens.coding.grammar import FURNITURE_COMPONENT, SENTENCE_COMPONENT, UD_COMPONENT
from conflictlens.coding.ingest import dateline_end
from conflictlens.coding.places import PLACE_LABELS
from conflictlens.errors import ModelLoadError

log = logging.getLogger(__name__)

# Typographic quotes and apostrophes become ASCII one for one, so offsets into the original text
# stay valid while the actor patterns ("Mali 's army") and the parser see one spelling.
TYPOGRAPHIC = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u00a0": " ",
                             "\u2013": "-", "\u2014": "-"})


# A line break inside a sentence of hard-wrapped text ("the General Staff of the\narmed forces denied"): the next line
# goes on in lower case or with a number, or the line ends on a comma or a short lower-case word ("tués à\nDori").
LINE_GOES_ON = re.compile(r"[ \t]*[a-zà-ÿ0-9(«\"']")
LINE_LEFT_OPEN = re.compile(r"(?:,|(?:^|\s)[a-zà-ÿ]{1,3})[ \t]*$")


def _unwrap(text: str) -> str:
    """Hard-wrapped lines joined with a space, one character for one, so that the parser reads one sentence and
    offsets stay valid; a paragraph break, a title on its own line or a line ending a sentence stay apart."""
    chars = list(text)
    for match in re.finditer(r"(?<=\S)[ \t]*\n(?=[ \t]*\S)", text):
        newline = match.end() - 1
        before = text[max(0, newline - 40) : newline]
        if before.rstrip()[-1:] in ".!?:;":
            continue
        if LINE_GOES_ON.match(text, newline + 1) or LINE_LEFT_OPEN.search(before):
            chars[newline] = " "
    return "".join(chars)


def normalise_text(text: str) -> str:
    return _unwrap(text.translate(TYPOGRAPHIC))


def load_nlp(model_name: str, actors: ActorDictionary, *, max_chars: int = 1_000_000, scheme: str = "clear",
             conventions: dict[str, Any] | None = None) -> Language:
    """Load the spaCy pipeline from an installed package and add the actor EntityRuler; a Universal
    Dependencies model (``scheme="ud"``) gets its labels mapped onto the English ones first. With the
    conventions, a web page's furniture glued to the prose is set apart from it."""
    try:
        nlp = spacy.load(model_name)
    except OSError as exc:
        raise ModelLoadError(
            f"spaCy model {model_name!r} is not installed: run 'make demo' (it installs the models in pyproject.toml)"
        ) from exc
    nlp.max_length = max(nlp.max_length, max_chars)  # documents are size-checked at ingest
    if scheme == "ud":
        # The small UD models' parsers split sentences badly ("L'armée malienne | a affirmé ..."); punctuation
        # decides instead, and the parser keeps those boundaries.
        nlp.add_pipe(SENTENCE_COMPONENT, before="parser")
        nlp.add_pipe(UD_COMPONENT, after="ner")
    if conventions and conventions.get("page_furniture_labels") and "parser" in nlp.pipe_names:
        nlp.add_pipe(FURNITURE_COMPONENT, before="parser", config={
            "labels": conventions["page_furniture_labels"], "openers": conventions.get("prose_openers", []),
            "trailers": conventions.get("page_furniture_trailers", []),
            "widgets": conventions.get("page_furniture_widgets", []),
            "bylines": conventions.get("page_furniture_bylines", []),
            "crosshead_openers": conventions.get("crosshead_openers", []),
            "datelines": conventions.get("page_furniture_datelines", []),
            "tails": conventions.get("page_tail_titles", [])})
    ruler = nlp.add_pipe("entity_ruler", name="actor_ruler", last=True,
                         config={"overwrite_ents": True, "phrase_matcher_attr": "LOWER"})
    patterns = actors.ruler_patterns(lambda alias: [t.text for t in nlp.tokenizer(normalise_text(alias))],
                                     phrases=normalise_text)
    # Phrase patterns match on lower-cased words, which the tokenizer alone gives: without the other components
    # the ten thousand aliases are not tagged and parsed at every start-up.
    with nlp.select_pipes(enable=["actor_ruler"]):
        ruler.add_patterns(patterns)  # type: ignore[attr-defined]
    return nlp


def annotate(nlp: Language, text: str) -> Doc:
    return nlp(normalise_text(text))


class Parse:
    """Parses the text (an event report without its dateline, whose place and date are the outlet's) and finds
    the dictionary's actors in it."""

    name = "parse"
    requires: tuple[str, ...] = ()
    adds = ("doc", "sentences", "actor_mentions", "mention_tokens")

    def __init__(self, nlp: Language, actors: ActorDictionary, *, max_chars: int = 200_000) -> None:
        self.nlp = nlp
        self.actors = actors
        self.max_chars = max_chars

    def __call__(self, annotated: AnnotatedDocument) -> None:
        doc = annotated.doc if annotated.doc is not None else annotate(self.nlp, self.text_of(annotated))
        mentions = actor_mentions(doc, self.actors)
        annotated.doc = doc
        annotated.sentences = list(doc.sents)
        annotated.actor_mentions = mentions
        annotated.mention_tokens = {i: m for m in mentions for i in token_range(doc, m.start, m.end)}

    def text_of(self, annotated: AnnotatedDocument) -> str:
        """What is parsed: the text, its dateline blanked (offsets stay the document's), and no more than
        ``max_chars`` of it: a book-length text would hold gigabytes of parse, so its opening is coded, with a
        warning, and the whole text is still stored."""
        text = annotated.document.text
        if len(text) > self.max_chars:
            text = text[:coded_length(text, self.max_chars)]
            warning = (f"text is {len(annotated.document.text):,} characters: only the first {len(text):,} were "
                       "coded (raise max_coded_chars, or split the document)")
            if warning not in annotated.document.warnings:
                annotated.document.warnings.append(warning)
        skip = dateline_end(text) if annotated.skip_dateline else 0
        return " " * skip + text[skip:]

    def parse_many(self, annotated: Sequence[AnnotatedDocument], *, batch_size: int) -> None:
        """Parse many documents in one call to spaCy's ``pipe``, which batches the model's work; the stage then
        finds each one's parse in place."""
        texts = [normalise_text(self.text_of(a)) for a in annotated]
        for one, doc in zip(annotated, self.nlp.pipe(texts, batch_size=batch_size), strict=True):
            one.doc = doc


def coded_length(text: str, limit: int) -> int:
    """Where to cut a text at most ``limit`` characters long: the last paragraph end in its final quarter, else the
    last sentence end, else the last space, so that no sentence is coded half-read."""
    floor = limit * 3 // 4
    for boundary in ("\n\n", "\n", ". ", " "):
        cut = text.rfind(boundary, floor, limit)
        if cut != -1:
            return cut + len(boundary.rstrip(" "))
    return limit


def token_range(doc: Doc, start: int, end: int) -> range:
    """The tokens covering a character range."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return range(span.start, span.end) if span is not None else range(0)


def actor_mentions(doc: Doc, actors: ActorDictionary) -> list[ActorMention]:
    """Actor mentions in reading order, each tied to its dictionary entry and sentence."""
    sentence_of = {}
    for index, sent in enumerate(doc.sents):
        for token in sent:
            sentence_of[token.i] = index
    mentions: list[ActorMention] = []
    previous_end = -1
    for ent in doc.ents:
        if ent.label_ != ACTOR_LABEL or ent.ent_id_ not in actors.entries:
            continue
        entry = actors.entries[ent.ent_id_]
        # "JNIM fighters", "Jaysh al-Fateh terrorists", "ISIS terrorists" is one mention: the vague head noun belongs
        # to the name before it (a group named by its province where it acts is a name too).
        if (entry.generic or entry.vague) and mentions and ent.start == previous_end and not (
                mentions[-1].entry.generic or (mentions[-1].entry.vague and not mentions[-1].entry.by_country)):
            named = mentions[-1]
            mentions[-1] = replace(named, text=doc.text[named.start : ent.end_char], end=ent.end_char)
            previous_end = ent.end
            continue
        if entry.generic and _inside_name(doc, ent.start, ent.end):
            continue  # "the rights group Sahel Civilian Monitor" names an organisation, not civilians
        if _holder_of_ground(doc, ent.end):
            continue  # "government-held districts", "IS-controlled areas" say whose ground, not who acted
        if _ties_to(doc, ent.end):
            continue  # "the Al-Qaeda-affiliated Nusra Front", "ISIS-inspired gunmen": whom the actor is tied to
        if ent.end < len(doc) and doc[ent.end].lower_ in CLUB_NOUNS:
            continue  # "three members of al-Shabab team": a sports club named like an armed group
        if entry.generic and ent.end < len(doc) and doc[ent.end].lower_ in ORGANISATION_PARTS:
            continue  # "the party's military wing" is the party's armed group, not a state's military
        if (entry.generic or entry.vague) and _tied_to_a_name_after(doc, ent.end):
            continue  # "terrorist organizations affiliated to Jabhat al-Nusra": the group named is the actor
        if entry.generic and entry.kind in STATE_KINDS and _of_the_other_side(doc, ent.start):
            continue  # "the opposition government's minister", "the rebel army": not the state's
        if entry.generic and entry.kind in STATE_KINDS and _from_a_group(doc, ent.end):
            continue  # "troops from a Kurdish-Arab alliance": the alliance's fighters, not a state's troops
        if entry.generic and _title_of_a_name(doc, ent.start, ent.end):
            continue  # "the rebel Army of Mujahideen", "the Army of Conquest": a group's name, not a state's army
        mentions.append(ActorMention(ent.text, ent.start_char, ent.end_char, sentence_of[ent.start], entry))
        previous_end = ent.end
    return mentions


HOLDING_WORDS = {"held", "controlled"}
STATE_KINDS = {"government", "military"}
# Words before a state's generic name that make it the other side's: "Syria's opposition government", "the opposition's
# interim government", "a rebel army".
OTHER_SIDE_WORDS = {"opposition", "rebel", "rebels", "exiled", "breakaway"}
# Words after a name and a hyphen that describe another actor by its ties: "Al-Qaeda-linked", "ISIS-inspired".
TIE_WORDS = {"linked", "affiliated", "allied", "aligned", "inspired", "loyal", "backed", "supported", "sponsored",
             "funded", "leaning", "tied", "belonging"}
# Nouns between two names that make the first the second's patron: "Al-Qaida affiliate Al-Nusra Front".
TIE_NOUNS = {"affiliate", "offshoot", "franchise", "proxy", "ally", "branch"}
TIE_GAP = 6  # words from the patron's name to the group's: "al-Qaedas affiliate in Syria the Nusra Front"
# Nouns after a generic actor word that make it the part of an organisation: "military wing", "armed branch".
ORGANISATION_PARTS = {"wing", "arm", "branch"}
# Nouns for a group of armed men that is no state, whose troops or forces a text may tell ("troops from a
# Kurdish-Arab alliance").
GROUP_NOUNS = {"alliance", "coalition", "militia", "faction", "movement", "front", "brigade", "group", "rebellion"}
# Nouns after a name that make it a sports club's: "al-Shabab team", "Al Ittihad club".
CLUB_NOUNS = {"team", "club", "squad", "fc", "sc"}


def _tied_to_a_name_after(doc: Doc, end: int) -> bool:
    return end + 2 < len(doc) and doc[end].lower_ in TIE_WORDS and doc[end + 1].lower_ in {"to", "with"} \
        and doc[end + 2].ent_type_ == ACTOR_LABEL


def _of_the_other_side(doc: Doc, start: int) -> bool:
    i = start - 1
    while i >= 0 and (doc[i].pos_ == "ADJ" or doc[i].tag_ == "POS") and start - i <= 2:
        i -= 1  # "opposition's interim", "opposition provisional"
    return any(doc[j].lower_ in OTHER_SIDE_WORDS for j in range(max(i, 0), start))


def _holder_of_ground(doc: Doc, end: int) -> bool:
    return _hyphened(doc, end) and doc[end + 1].lower_ in HOLDING_WORDS


def _ties_to(doc: Doc, end: int) -> bool:
    if _tie_noun_before_a_name(doc, end):
        return True  # "Al-Qaida affiliate Al-Nusra Front": the group named after the noun is the actor
    return _hyphened(doc, end) and doc[end + 1].lower_ in TIE_WORDS


def _tie_noun_before_a_name(doc: Doc, end: int) -> bool:
    """"Al-Qaida affiliate Al-Nusra Front", "al-Qaedas Syrian affiliate, the Nusra Front", "al-Qaedas affiliate in
    Syria the Nusra Front": a tie noun, then (past its country or determiner) another group's name."""
    i = end
    while i < len(doc) and i - end < TIE_GAP and (doc[i].pos_ == "ADJ" or doc[i].tag_ == "POS"):
        i += 1  # "'s Syrian"
    if i >= len(doc) or doc[i].lower_ not in TIE_NOUNS:
        return False
    i += 1
    while i < len(doc) and i - end < TIE_GAP and doc[i].ent_type_ != ACTOR_LABEL and (
            doc[i].is_punct or doc[i].pos_ in {"DET", "ADP"} or doc[i].ent_type_ in PLACE_LABELS):
        i += 1  # "in Syria the"
    return i < len(doc) and doc[i].ent_type_ == ACTOR_LABEL


def _hyphened(doc: Doc, end: int) -> bool:
    """A hyphen that glues the next word to the name ("IS-held", "Al-Qaeda-linked"), not a dash that opens an aside
    ("Pro-regime fighters - backed by air strikes - retook ...")."""
    return end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_ and not doc[end].whitespace_


def _from_a_group(doc: Doc, end: int) -> bool:
    """The words after a generic name are "from" or "of" a group that is no state ("troops from a Kurdish-Arab
    alliance", "fighters of the rebel coalition")."""
    if end >= len(doc) or doc[end].lower_ not in {"from", "of"}:
        return False
    group = next((c for c in doc[end].children if c.dep_ == "pobj"), None)
    return group is not None and group.lemma_.lower() in GROUP_NOUNS


def _title_of_a_name(doc: Doc, start: int, end: int) -> bool:
    """A capitalised generic word, then "of" and a capitalised word that is no country or place: the head of a
    group's name ("Army of Mujahideen")."""
    if end + 1 >= len(doc) or not doc[start].is_title or doc[end].lower_ != "of":
        return False
    named = doc[end + 1]
    return named.is_title and named.ent_type_ not in PLACE_LABELS


def _inside_name(doc: Doc, start: int, end: int) -> bool:
    """Capitalised words on both sides, neither starting its sentence: part of a longer proper name."""
    if start == 0 or end >= len(doc):
        return False
    before, after = doc[start - 1], doc[end]
    return (before.is_title and not before.is_sent_start and after.is_title
            and before.pos_ == "PROPN" and after.pos_ == "PROPN")
