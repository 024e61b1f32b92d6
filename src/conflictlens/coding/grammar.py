"""The function words of a language, and its parse in the labels the role and attribution rules read.

The rules are written against the ClearNLP labels of the English spaCy models (``dobj``,
``nsubjpass``, ``prep``/``pobj``, ``poss``, Penn tags such as ``VBN``). Other languages' models
(French included) use Universal Dependencies, where the preposition hangs below its noun
(``case``) instead of above it. ``ud_to_clear`` renames the UD labels that have an English
counterpart and sets Penn-style tags from the morphology; ``preposition_of`` finds the
preposition in either scheme, so one set of rules serves both.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from conflictlens.knowledge import Knowledge, phrase_pattern

UD_COMPONENT = "ud_to_clear"
SUBJECTS = {"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"}
SIDE_CLAUSES = {"advcl", "conj", "parataxis", "ccomp"}
SENTENCE_COMPONENT = "punctuation_sentences"
FURNITURE_COMPONENT = "page_furniture_sentences"
KEYWORD_LIST_MAX_TOKENS = 40
CROSSHEAD_MAX_TOKENS = 12  # "- Air raids kill thousands -": a crosshead between dashes is a short line
FURNITURE_SPANS = "page_furniture"  # Doc.user_data key: (start, end) token indices of each piece
PUBLICATION_SPANS = "page_publication"  # Doc.user_data key: the pieces that state when the page was published
FINITE_TAGS = {"VBD", "VBZ", "VBP", "MD"}  # verbs that make a clause tell something
PRESENT_TAGS = {"VBZ", "VBP"}  # the simple present: what is so, or goes on
SENTENCE_END = {".", "!", "?", "…", "...", "?!"}
# A headline's words are mostly capitalised (only its short function words are not); prose's are mostly not.
HEADLINE_CASE_SHARE = 0.6
HEADLINE_WORDS_PAST = 6
CLOSERS = {"»", '"', "'", ")", "]"}
UD_TO_CLEAR = {
    "obj": "dobj", "nsubj:pass": "nsubjpass", "obl:agent": "agent", "acl:relcl": "relcl", "aux:pass": "auxpass",
    "aux:tense": "aux", "flat:name": "compound", "flat:foreign": "compound", "csubj:pass": "csubjpass",
    "expl:pass": "expl", "iobj": "dative", "nmod:poss": "poss",
}
# UD named-entity labels of the French model, as the English ones the place and actor stages know.
UD_ENTITY_LABELS = {"PER": "PERSON", "LOC": "GPE", "MISC": "MISC", "ORG": "ORG"}


@dataclass(frozen=True)
class Grammar:
    """One language's function words, from its ``grammar.yaml``."""

    scheme: str
    target_prepositions: frozenset[str]
    agent_prepositions: frozenset[str]
    source_prepositions: frozenset[str]
    of_prepositions: frozenset[str]
    with_prepositions: frozenset[str]
    between_prepositions: frozenset[str]
    recipient_prepositions: frozenset[str]
    obligation_modals: frozenset[str]
    locative_prepositions: frozenset[str]
    ally_phrases: re.Pattern[str]
    relative_pronouns: frozenset[str]
    speaker_pronouns: frozenset[str]
    speaker_possessives: frozenset[str]
    people_pronouns: frozenset[str]
    people_possessives: frozenset[str]
    anonymous_subjects: frozenset[str]
    according_to: re.Pattern[str]
    continuation_openers: tuple[str, ...]
    anaphoric_determiners: tuple[str, ...]
    copulas: frozenset[str]
    cause_marks: frozenset[str]
    beside_marks: frozenset[str]
    negations: frozenset[str]
    reason_nouns: frozenset[str]
    reason_prepositions: frozenset[str]

    @classmethod
    def from_knowledge(cls, knowledge: Knowledge) -> Grammar:
        return cls.from_words(knowledge.grammar)

    @classmethod
    def from_words(cls, words: dict[str, Any]) -> Grammar:
        def lowered(key: str) -> frozenset[str]:
            return frozenset(str(w).lower() for w in words[key])

        scheme = str(words["parse_scheme"])
        if scheme not in {"clear", "ud"}:
            raise ValueError(f"grammar.yaml parse_scheme {scheme!r}: use 'clear' or 'ud'")
        allies = "|".join(re.escape(p) for p in sorted(words["ally_phrases"], key=len, reverse=True))
        ally_nouns = "|".join(re.escape(n) for n in words["ally_nouns"])
        possessives = "|".join(re.escape(p) for p in words["speaker_possessives"])
        # "backed by Russian jets", "backed by its Lebanese ally Hezbollah": the phrase, then the ally's name.
        what_it_is = rf"(?:\s+(?:{possessives})(?:\s+[\w-]+)?\s+(?:{ally_nouns}))?"
        return cls(
            scheme=scheme,
            target_prepositions=lowered("target_prepositions"),
            agent_prepositions=lowered("agent_prepositions"),
            source_prepositions=lowered("source_prepositions"),
            of_prepositions=lowered("of_prepositions"),
            with_prepositions=lowered("with_prepositions"),
            between_prepositions=lowered("between_prepositions"),
            recipient_prepositions=lowered("recipient_prepositions"),
            obligation_modals=lowered("obligation_modals"),
            locative_prepositions=lowered("locative_prepositions"),
            ally_phrases=re.compile(rf"(?<![\w-])(?:{allies}){what_it_is}\s*$", re.IGNORECASE),
            relative_pronouns=lowered("relative_pronouns"),
            speaker_pronouns=lowered("speaker_pronouns"),
            speaker_possessives=lowered("speaker_possessives"),
            people_pronouns=lowered("people_pronouns"),
            people_possessives=lowered("people_possessives"),
            anonymous_subjects=lowered("anonymous_subjects"),
            according_to=phrase_pattern(words["according_to"]),
            continuation_openers=tuple(words["continuation_openers"]),
            anaphoric_determiners=tuple(words["anaphoric_determiners"]),
            copulas=lowered("copulas"),
            cause_marks=lowered("cause_marks"),
            beside_marks=lowered("beside_marks"),
            negations=lowered("negations"),
            reason_nouns=lowered("reason_nouns"),
            reason_prepositions=lowered("reason_prepositions"),
        )

    @functools.cached_property
    def anaphoric_words(self) -> frozenset[str]:
        return frozenset(d.lower() for d in self.anaphoric_determiners)

    def negated(self, verb: Token) -> bool:
        """The verb is denied, on itself or on its subject: "did not claim", "neither IS nor Nusra blamed", "no group
        claimed"."""
        subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
        return any(c.dep_ == "neg" or c.lower_ in self.negations for c in verb.children if c.dep_ in {"neg", "advmod"}) \
            or any(w.lower_ in self.negations for s in subjects for w in [s, *s.children]
                   if w is s or w.dep_ in {"det", "preconj", "cc"})

    def reason_answering(self, noun: Token) -> Token | None:
        """The reason noun whose phrase names ``noun`` as what it answered: "response" for "the attack" in "in
        response to the attack" (`reason_nouns`, `reason_prepositions`)."""
        preposition = noun.head
        return preposition.head if noun.dep_ == "pobj" and preposition.lower_ in self.reason_prepositions \
            and preposition.head.lemma_.lower() in self.reason_nouns else None

    def in_what_it_answered(self, word: Token, trigger: Token) -> bool:
        """Whether ``word`` lies in the phrase that names what the act answered: in "its attack was a response to an
        offensive by the army on Zabadani" and "rebels fired rockets in retaliation for the shelling of Ghouta by
        regime forces", the army, Zabadani, Ghouta and the regime's forces are the other act's."""
        reason = next((r for w in [word, *word.ancestors] if (r := self.reason_answering(w)) is not None), None)
        return reason is not None and reason != trigger and not reason.is_ancestor(trigger)

    def told_of_another_act(self, word: Token, trigger: Token, time_marks: set[str]) -> bool:
        """Whether ``word`` belongs to another act the act's sentence names: what the act answered
        (`in_what_it_answered`), or a clause a span of time dates against it (`in_another_times_clause_than`)."""
        return self.in_what_it_answered(word, trigger) or in_another_times_clause_than(word, trigger, time_marks)

    @staticmethod
    def owned_by_a_pronoun(noun: Token) -> bool:
        """"its attack", "their fight": a noun a possessive pronoun owns, one the text has named the owner of."""
        return any(c.dep_ == "poss" and c.pos_ == "PRON" for c in noun.children)

    def refers_back(self, word: Token) -> bool:
        """The word's determiner points back to what the text has told: "the attack", "those killed"."""
        return any(c.dep_ == "det" and c.lower_ in self.anaphoric_words for c in word.children)

    def cause_clauses(self, verb: Token) -> list[Token]:
        """The clauses on a verb that tell how it came about, opened by a cause mark ("22 fighters were killed when
        regime warplanes struck a convoy", "85 troops were killed as the Islamic State advanced")."""
        return [c for c in verb.children if c.dep_ == "advcl" and any(
            m.dep_ in {"mark", "advmod"} and m.lower_ in self.cause_marks for m in c.children)]

    def beside_clauses(self, sent: Span, word: Token) -> set[int]:
        """The tokens of the clauses in a sentence that tell what went on beside an act, outside the clause of
        ``word`` ("... activists said Sunday as France and Britain raised the prospect of investigating Russia"): clauses
        with a subject of their own ("killed while showering" tells the act's own circumstance)."""
        return {t.i for clause in sent if clause.dep_ == "advcl" and not clause.left_edge.i <= word.i <= clause.right_edge.i
                and any(m.dep_ == "mark" and m.lower_ in self.beside_marks for m in clause.children)
                and any(c.dep_ in {"nsubj", "nsubjpass"} for c in clause.children)
                for t in clause.subtree}

    def opening(self, nouns: list[str], *, openers: bool) -> re.Pattern[str]:
        """A sentence opening with a determiner and one of ``nouns`` ("After the attack", "L'attaque", "Cette
        opération"), with an optional adjective between; ``openers`` also allows a preposition before."""
        determiners = "|".join(
            re.escape(d) + ("" if d.endswith("'") else r"\s+")
            for d in sorted(self.anaphoric_determiners, key=len, reverse=True))
        before = ""
        if openers and self.continuation_openers:
            before = "(?:(?:" + "|".join(re.escape(o) for o in self.continuation_openers) + r")\s*)?"
        alternatives = "|".join(map(re.escape, nouns))
        return re.compile(rf"^\s*{before}(?:{determiners})(?:\w+\s+)?(?:{alternatives})\b", re.IGNORECASE)

    def according_to_source(self, sent: Span) -> list[Token]:
        """The source of an "according to X" / "selon X" phrase: X's words, without relative clauses."""
        lowered = sent.text.lower()
        found: list[Token] = []
        for match in self.according_to.finditer(lowered):
            last = next((t for t in sent if t.idx - sent.start_char <= match.end() - 1 < t.idx - sent.start_char
                         + len(t.text)), None)
            if last is None:
                continue
            phrase = {t.i for t in sent if match.start() <= t.idx - sent.start_char < match.end()}
            if self.scheme == "ud" and last.dep_ == "case":
                found.extend(t for t in without_clauses(last.head) if t.i not in phrase)
            else:
                found.extend(t for child in last.children for t in without_clauses(child))
        return found


def sentences_after(sent: Span) -> Iterator[Span]:
    return (later for later in sent.doc.sents if later.start >= sent.end)


def next_sentence(sent: Span) -> Span | None:
    return next(sentences_after(sent), None)


def preposition_of(child: Token) -> Token | None:
    """The preposition through which ``child`` hangs off its head: the ``prep`` itself (ClearNLP) or the
    noun's ``case`` marker (UD)."""
    if child.dep_ in {"prep", "agent"}:
        return child
    return next((c for c in child.children if c.dep_ == "case"), None)


def objects_through(head: Token, prepositions: Collection[str]) -> list[Token]:
    """The objects of the prepositions (a passive's "by" among them) that hang off ``head``: "in Monday's fighting"
    gives "fighting"."""
    return [o for p in head.children if p.dep_ in {"prep", "agent"} and p.lower_ in prepositions
            for o in p.children if o.dep_ == "pobj"]


def with_what_it_is_of(noun: Token) -> list[Token]:
    """A noun and the nouns it is "of" ("hundreds of families", "12 of its fighters"): who a count or a quantity
    word stands for."""
    return [noun, *objects_through(noun, {"of"})]


def noun_it_is_of(word: Token) -> Token | None:
    """The noun whose "of" phrase a word is ("families" for "fighters" in "six families of rebel fighters", "barrage"
    for "fire" in "a barrage of rocket fire"), if any: the other way round from ``with_what_it_is_of``."""
    of = word.head
    return of.head if word.dep_ == "pobj" and of.lower_ == "of" and of.head.i != of.i else None


def brought_down(noun: Token, downing_verbs: set[str]) -> bool:
    """What one of ``downing_verbs`` (lemmas, a verb with its particle: "shoot down") hits: its passive subject
    ("their helicopter was shot down", "the jet was hit"), or the object of one that says "down" ("shoots down a
    drone", "downed a jet"; not "the vehicle hit an IED"), also where the parse reads the particle as a preposition
    ("shoots down a drone" as "down a drone", a particle with an object of its own or not)."""
    while noun.dep_ == "conj":
        noun = noun.head
    verb = noun.head
    if noun.dep_ == "pobj" and verb.dep_ in {"prep", "prt"} and verb.lower_ == "down":
        return f"{verb.head.lemma_.lower()} down" in downing_verbs
    if noun.dep_ not in {"dobj", "obj", "nsubjpass"}:
        return False
    lemma = verb.lemma_.lower()
    phrases = [lemma, *(f"{lemma} {c.lower_}" for c in verb.children if c.dep_ in {"prt", "prep"})]
    if noun.dep_ != "nsubjpass":
        phrases = [p for p in phrases if p.split()[-1] == "down"]
    return any(p in downing_verbs for p in phrases)


def token_at(sent: Span, char: int) -> Token | None:
    """The sentence's word that covers the document character offset ``char``."""
    return next((t for t in sent if t.idx <= char < t.idx + len(t)), None)


def verb_above(token: Token) -> Token | None:
    """The nearest verb (or auxiliary) among the word's ancestors: the clause it belongs to."""
    return next((a for a in token.ancestors if a.pos_ in {"VERB", "AUX"}), None)


def doer(token: Token) -> bool:
    """The subject of a verb, or the agent of a passive one ("seized by the assailants", "trained by Washington")."""
    return token.dep_ == "nsubj" or (token.dep_ == "pobj" and token.head.dep_ == "agent")


def governing_verb(token: Token) -> Token | None:
    """The word itself when it is a verb (or auxiliary), else the verb of the clause it belongs to."""
    return token if token.pos_ in {"VERB", "AUX"} else verb_above(token)


def in_another_clause(word: Token, trigger: Token) -> bool:
    """Whether ``word`` belongs to another act's clause: one joined beside the trigger's ("as", "and", "while")
    with a subject of its own, that neither holds the trigger nor hangs off it. In "the bomb killed 43 as fighters
    advanced towards Raqqa", Raqqa is where the fighters went, not the bomb; a clause about a noun ("a site where
    families are located near Deir al-Zor") still places it, as does a clause that tells when, how the act came
    about ("Air strikes killed 22 people on Wednesday when warplanes struck a school complex in Idlib")."""
    if trigger.is_ancestor(word):
        return False
    for clause in [word, *word.ancestors]:
        if clause == trigger or clause.is_ancestor(trigger):
            return False
        if any(c.dep_ in {"advmod", "mark"} and c.lower_ == "when" for c in clause.children):
            continue
        # A place misread as the subject of a participle ("airstrikes throughout Raqqa destroying bridges") is no
        # clause of its own, and one whose subject is a pronoun tells of the same people ("killed by air strikes as
        # they retreated through Gueskerou").
        if clause.pos_ in {"VERB", "AUX"} and clause.dep_ in SIDE_CLAUSES and any(
                c.dep_ in SUBJECTS and c.pos_ != "PRON" and not c.is_ancestor(word) and c != word
                for c in clause.children):
            return True
    return False


DATELINE_DASHES = {"-", "–", "—", "--"}
DATELINE_MAX_TOKENS = 16
DATELINE_MAX_WORDS = 4  # "Communiqué, Bamako, le 6 mars", "Date of publication 4 October"


def dateline_token_end(doc: Doc) -> int:
    """The token index where a parsed report's opening dateline ends (0 when it has none): the words before a dash
    with no verb among them ("DAMASCUS, SANA - ", "Ouagadougou, 13 avril 2025 (AIB) – "), or a short verbless first
    sentence holding a number ("Communiqué, Bamako, le 6 mars 2024."). Read once per document: places and speakers
    ask for it again and again. (``ingest.dateline_end`` finds a strict wire dateline in raw text, before parsing.)"""
    cached = doc.user_data.get("dateline_token_end")
    if cached is None:
        cached = doc.user_data["dateline_token_end"] = _dateline_token_end(doc)
    return int(cached)


def _dateline_token_end(doc: Doc) -> int:
    for token in doc[:DATELINE_MAX_TOKENS]:
        if token.pos_ in {"VERB", "AUX"}:
            break
        if token.text in DATELINE_DASHES and token.i > 0 and token.whitespace_ and doc[token.i - 1].whitespace_:
            return token.i + 1  # a dash between spaces, not the hyphen of "French-language"
    first = next(doc.sents, None) if doc.has_annotation("SENT_START") else None
    # "03-08-2016 Chemical Attack Kills Five Syrians in Aleppo SANA.": a title-case headline after its date is
    # verbless to the tagger too, but says more than a dateline's few words.
    if first is not None and len(first) <= DATELINE_MAX_TOKENS and any(t.like_num for t in first) and not any(
            t.pos_ in {"VERB", "AUX"} for t in first) and sum(t.is_alpha for t in first) <= DATELINE_MAX_WORDS:
        return first.end
    return 0


def answerable_for(act: Token, copulas: Collection[str]) -> Token | None:
    """Who is said to be behind the act, or responsible for it: "The Islamic State group is believed to be behind
    the suicide attack", "Regime aircraft were believed responsible for the attacks" (the subject of the copula, or of
    the verb the copula's clause hangs on)."""
    prep = act.head if act.dep_ == "pobj" else None
    if prep is None or not (prep.lower_ == "behind" or (prep.lower_ == "for" and prep.head.lower_ == "responsible")):
        return None
    verb = prep.head.head if prep.lower_ == "for" and prep.head.dep_ in {"acomp", "oprd"} else prep.head
    if prep.lower_ == "behind" and verb.lemma_.lower() not in copulas:
        return None
    for clause in (verb, verb.head if verb.dep_ == "xcomp" else None):
        subject = next((c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}), None) if clause else None
        if subject is not None:
            return None if subject.tag_ in {"WP", "WDT"} else subject  # "It was unclear who was behind the blast"
    return None


def without_clauses(head: Token) -> list[Token]:
    """A noun phrase without its relative clauses: "HRW, which accused the army" is "HRW"."""
    clauses = {t.i for d in head.subtree if d.dep_ in {"relcl", "acl"} and d.head.i == head.i for t in d.subtree}
    return [t for t in head.subtree if t.i not in clauses]


@Language.component(UD_COMPONENT)
def ud_to_clear(doc: Doc) -> Doc:
    """Rename UD dependency labels to their ClearNLP counterparts and set Penn-style tags."""
    for token in doc:
        dep = token.dep_
        if dep == "det" and _feature(token, "Poss") == "Yes":
            token.dep_ = "poss"  # "ses combattants"
        elif dep in UD_TO_CLEAR:
            token.dep_ = UD_TO_CLEAR[dep]
    for token in doc:  # after the labels: a participle's tag depends on its auxiliaries
        token.tag_ = _penn_tag(token)
    doc.ents = [Span(doc, e.start, e.end, label=UD_ENTITY_LABELS.get(e.label_, e.label_)) for e in doc.ents]
    return doc


@Language.component(SENTENCE_COMPONENT)
def punctuation_sentences(doc: Doc) -> Doc:
    """Sentence boundaries from punctuation and paragraph breaks, set before the parser (which keeps them).
    Blank runs at a boundary (paragraph breaks, the blanked dateline) are sentences of their own, so the
    parser never hangs a sentence off whitespace."""
    ended = True
    for token in doc:
        if token.is_space:
            own = token.i == 0 or ended or "\n\n" in token.text
            token.is_sent_start = own
            ended = ended or own
            continue
        token.is_sent_start = ended
        if token.text in SENTENCE_END:
            ended = True
        elif not (ended and token.text in CLOSERS and token.i > 0 and doc[token.i - 1].text in SENTENCE_END):
            ended = False
    return doc


@Language.factory(FURNITURE_COMPONENT, default_config={"labels": [], "openers": [], "trailers": [], "widgets": [],
                                                        "bylines": [], "crosshead_openers": [], "datelines": [],
                                                        "tails": []})
def make_page_furniture_sentences(nlp: Language, name: str, labels: list[str], openers: list[str],
                                  trailers: list[str], widgets: list[str], bylines: list[str],
                                  crosshead_openers: list[str], datelines: list[str],
                                  tails: list[str]) -> PageFurnitureSentences:
    return PageFurnitureSentences(labels, openers, trailers, widgets, bylines, crosshead_openers, datelines, tails)


class PageFurnitureSentences:
    """Sets page furniture copied with an article apart from its prose, before the parser (which keeps the
    boundaries), and records where it lies (`in_page_furniture`).

    A labelled keyword list: "Tags Syria Russia Islamic State Deir az-Zour SDF US coalition A Russian airstrike
    killed 38 civilians" has no full stop between them, and the keywords would otherwise be the act's actors and
    places. The prose begins at the last capitalised opener (`prose_openers`: "A", "At least"; or a number word,
    "Sixteen civilians") before the first verb after it; a list with no such opener, or no verb after it ("Tags
    massacre The Syrian war Syrian Army"), is left as it is. An embedded video's title, closed by its site's name
    after a dash (`page_furniture_trailers`: "Air strikes on Atareb kill dozens of civilians - YouTube Russian
    warplanes struck ..."), runs from the last full stop to that name. A sharing widget's words and its counters
    (`page_furniture_widgets`: "02.10.2017Get short URL 191 A total of 24 Daesh terrorists were killed") close the
    page's header before them. A label with no full stop after it opens the page's tail (related headlines, tags,
    comment widgets), all furniture. A crosshead between dashes that opens a line ("- Air raids kill thousands -
    While the ground offensive failed ...") titles the section after it: it sums it up, it tells no act of its own.
    A wire agency's byline with its date (`page_furniture_bylines`: "... in the south of the country AFP Friday 10
    Oct 2014 The Syrian Observatory said ...", or before the prose's article: "... kills 14 State media AFP A barrage
    of rocket fire ...") ends the headline before it and opens the prose after it. A
    crosshead with no stop after it ends where a capitalised paragraph opener follows a line in sentence case
    (`crosshead_openers`, or a number word: "One civilian killed in rocket attack on al-Fouaa town in Idleb In the
    same context ...", "Civilians flee Daesh bastion Meanwhile hundreds of civilians escaped", "Two persons injured
    in rocket attack in Homs Two persons were injured as ..."): it is a sentence of its own."""

    def __init__(self, labels: Iterable[str], openers: Iterable[str], trailers: Iterable[str],
                 widgets: Iterable[str], bylines: Iterable[str] = (), crosshead_openers: Iterable[str] = (),
                 datelines: Iterable[str] = (), tails: Iterable[str] = ()) -> None:
        self.crosshead_openers = {word.lower() for word in crosshead_openers}
        self.labels = {label.lower() for label in labels}
        self.openers = {tuple(opener.lower().split()) for opener in openers}
        self.trailers = {trailer.lower() for trailer in trailers}
        self.widgets = re.compile("|".join(r"\s+".join(map(re.escape, w.split())) for w in widgets), re.IGNORECASE) \
            if widgets else None
        agencies = "|".join(r"\s+".join(map(re.escape, b.split())) for b in bylines)
        # The agency, then a date of up to four words that ends in its year, then the prose's capitalised first word;
        # or, the date told before the headline, the agency right before the prose's article ("... Rebel fire in
        # Syrias Aleppo kills 14 State media AFP A barrage of rocket fire ...").
        self.bylines = re.compile(rf"\b(?:{agencies})(?:\s+(?:[\w.,]+\s+){{1,4}}\d{{4}}(?=\s+[\"A-Z])"
                                  rf"|(?=\s+(?:A|An|The)\s+[a-z]))") if agencies else None
        # A section title that opens the page's tail ("Related News Turkish warplanes hit ... Category News ..."):
        # other reports' headlines and the site's links follow it, whatever full stops they hold. In title case only,
        # and not as prose's "In related news, ...".
        tail_titles = "|".join(r"\s+".join(re.escape(w.capitalize()) for w in t.split()) for t in tails)
        self.tails = re.compile(rf"(?<!\bIn\s)(?<!\bin\s)\b(?:{tail_titles})\b(?=\s+[\"A-Z])") if tail_titles else None
        # The page's own statement of when it was published, glued to the prose ("Last updated at Jul 172015 Barrel
        # bombs dropped ...", "Published April 29 2017 Airstrikes struck ..."): up to four words that end in the
        # year (a day glued to it), then the prose's capitalised first word.
        stated = "|".join(r"\s+".join(map(re.escape, d.split())) for d in datelines)
        self.datelines = re.compile(rf"^\W*(?:{stated})\s+(?:[\w.,]+\s+){{0,4}}?\d*\d{{4}}(?=\s+[\"A-Z])",
                                    re.IGNORECASE) if stated else None

    def __call__(self, doc: Doc) -> Doc:
        furniture = [self._header(doc, match) for match in self.widgets.finditer(doc.text)] if self.widgets else []
        furniture += [self._byline(doc, match) for match in self.bylines.finditer(doc.text)] if self.bylines else []
        stated = [self._byline(doc, match) for match in self.datelines.finditer(doc.text)] if self.datelines else []
        doc.user_data[PUBLICATION_SPANS] = stated
        furniture += stated
        tail = self.tails.search(doc.text) if self.tails is not None else None
        section = doc.char_span(tail.start(), tail.end(), alignment_mode="expand") if tail is not None else None
        if section is not None:
            section[0].is_sent_start = True
            for token in doc[section.start + 1 :]:
                token.is_sent_start = False
            furniture.append((section.start, len(doc)))
        for token in doc:
            if self._opens_a_paragraph(token):
                token.is_sent_start = True
            if token.is_title and token.lower_ in self.labels and (_opens_a_line(token) or (
                    token.i + 1 < len(doc) and doc[token.i + 1].is_title)):
                # A lead with no full stop runs into the label ("... in Idlib provinces Maaret al-Numan Tags Syria
                # Khan Sheikhun"): a capitalised keyword after it tells it from the word in prose.
                prose = self._prose_start(doc, token)
                if prose is not None:
                    token.is_sent_start = True
                    prose.is_sent_start = True
                    furniture.append((token.i, prose.i))
                elif not any(t.text in SENTENCE_END for t in doc[token.i :]):
                    # The page's tail: "... 01 Related Daesh Shells Syrias Deir ez-Zor Injures 10 People ... Tags
                    # blockade shelling Daesh Community standards": other articles' headlines and keywords, no prose.
                    token.is_sent_start = True
                    furniture.append((token.i, len(doc)))
                    break
            elif token.text in DATELINE_DASHES and _opens_a_line(token) and (close := _crosshead_end(doc, token)):
                token.is_sent_start = True
                if close < len(doc):
                    doc[close].is_sent_start = True
                furniture.append((token.i, close))
            elif token.lower_ in self.trailers and token.i > 1 and doc[token.i - 1].text in DATELINE_DASHES:
                title = _after_last_full_stop(doc, token.i)
                doc[title].is_sent_start = True
                if token.i + 1 < len(doc):
                    doc[token.i + 1].is_sent_start = True
                furniture.append((title, token.i + 1))
        doc.user_data[FURNITURE_SPANS] = furniture
        return doc

    @staticmethod
    def _byline(doc: Doc, byline: re.Match[str]) -> tuple[int, int]:
        span = doc.char_span(byline.start(), byline.end(), alignment_mode="expand")
        assert span is not None
        span[0].is_sent_start = True
        for token in span[1:]:
            token.is_sent_start = False
        headline = _after_last_full_stop(doc, span.start)
        if span.start - headline <= KEYWORD_LIST_MAX_TOKENS:  # a headline's length, not a page without full stops
            for token in doc[headline + 1 : span.start]:
                token.is_sent_start = False  # "... kill 22 in school in rebel-held Idlib": the headline stays whole
        if span.end < len(doc):
            doc[span.end].is_sent_start = True
            if span.end + 1 < len(doc):
                doc[span.end + 1].is_sent_start = False  # "Ten children and five women": the prose's first words
        return span.start, span.end

    def _header(self, doc: Doc, widget: re.Match[str]) -> tuple[int, int]:
        """The header a widget closes, from the last full stop before it, and the widget with its counters ("Get
        short URL 0 13"); the prose begins after them. (The widget may be glued to a date: "09.04.2017Get".) The
        last number is the prose's own unless a prose opener follows it: "Get short URL 191 A total of 24 ...", but
        "Get short URL 0 85 12 Daesh terrorists were killed"."""
        first = doc.char_span(widget.start(), widget.end(), alignment_mode="expand")
        assert first is not None
        header = _after_last_full_stop(doc, first.start)
        end = first.end
        while end < len(doc) and doc[end].like_num and (
                end + 1 < len(doc) and (doc[end + 1].like_num or self._opener(doc, end + 1))):
            end += 1
        if end < len(doc):
            doc[end].is_sent_start = True
            if doc[end].like_num and end + 1 < len(doc):
                doc[end + 1].is_sent_start = False  # "12 Daesh terrorists were killed": one sentence
        return header, end

    def _prose_start(self, doc: Doc, label: Token) -> Token | None:
        opener = None
        for token in doc[label.i + 2 : label.i + KEYWORD_LIST_MAX_TOKENS]:
            if token.text in SENTENCE_END:
                return None
            if opener is not None and (token.tag_ in FINITE_TAGS or (token.tag_ == "VBN" and doc[token.i - 1].text != "-")):
                # A verb before any opener is a keyword the tagger took for one ("airstrikes"); a participle
                # after it is the tagger's reading of "A US-led coalition airstrike killed 18", not "US-led".
                if not headline_case(t.text for t in doc[opener.i : token.i + HEADLINE_WORDS_PAST]):
                    return opener
                opener = None  # "Related ... Four Senior Daesh Commanders Killed in Afghanistan": another headline
            if token.is_title and (token.like_num or self._opener(doc, token.i)):
                opener = token
            if opener is None and token.tag_ in FINITE_TAGS:
                # No opener: the prose's subject is the capitalised word that a run of lowercase words ties to the
                # verb ("... ISIS Al-Mayadin Deir az-Zour Missile strikes on schools and urban areas killed 23").
                subject = _capitalised_subject_before(doc, token, label.i + 2)
                if subject is not None:
                    return subject
        return None

    def _opens_a_paragraph(self, token: Token) -> bool:
        """A capitalised paragraph opener after a lowercase word, or after a name a lowercase word precedes ("town
        in Idleb In the same context"), before a lowercase word: in prose such a word opens a sentence, in a title in
        headline case the words around it are capitalised too, and a name it opens goes on capitalised ("near In
        Delimane", "In-Ates")."""
        if not (token.is_title and (token.lower_ in self.crosshead_openers or (token.like_num and self.crosshead_openers))) \
                or token.i < 2 or token.i + 1 >= len(token.doc) or _opens_a_line(token):
            return False
        after = token.doc[token.i + 1]
        if not (token.whitespace_ and after.is_alpha and after.is_lower):
            return False
        before, earlier = token.doc[token.i - 1], token.doc[token.i - 2]
        return (before.is_alpha and before.is_lower and len(before) >= MIN_SENTENCE_CASE_WORD) or (
            before.is_title and earlier.is_alpha and earlier.is_lower)

    def _opener(self, doc: Doc, i: int) -> bool:
        return any(tuple(t.lower_ for t in doc[i : i + len(words)]) == words for words in self.openers)


def _capitalised_subject_before(doc: Doc, verb: Token, start: int) -> Token | None:
    """The capitalised word before ``verb`` that at least `SUBJECT_TAIL_WORDS` lowercase words join to it, if any."""
    for lowercase, token in enumerate(reversed(doc[start : verb.i])):
        if token.is_title and not token.like_num:
            return token if lowercase >= SUBJECT_TAIL_WORDS else None
        if not (token.is_lower or token.is_punct):
            return None
    return None


SUBJECT_TAIL_WORDS = 3
# A lowercase word this long is prose, not a short word a title leaves lowercase ("of", "on", "al").
MIN_SENTENCE_CASE_WORD = 3


def _crosshead_end(doc: Doc, dash: Token) -> int | None:
    """Where a crosshead opened by ``dash`` ends, after its closing dash, if one closes it within a short line."""
    for token in doc[dash.i + 1 : dash.i + CROSSHEAD_MAX_TOKENS]:
        if token.text in SENTENCE_END:
            return None
        # A hyphen that joins two words ("a tank-backed assault") closes no crosshead.
        if token.text in DATELINE_DASHES and (token.whitespace_ or doc[token.i - 1].whitespace_):
            return token.i + 1 if token.i > dash.i + 2 else None
    return None


def states_its_publication(span: Span) -> bool:
    """Whether words lie in the page's statement of when it was published, set apart from the prose it was glued to
    ("Published April 29 2017")."""
    return _within_pieces(span, PUBLICATION_SPANS)


def in_page_furniture(span: Span) -> bool:
    """Whether words lie in page furniture `PageFurnitureSentences` set apart, however the tagger reads its words
    ("Tags Lebanon Hezbollah airstrikes", "Dozens killed in Idlib market air strikes - YouTube")."""
    return _within_pieces(span, FURNITURE_SPANS)


def _within_pieces(span: Span, key: str) -> bool:
    """Whether words lie within one of the pieces of the page the parse recorded under ``key`` in `Doc.user_data`."""
    return any(start <= span.start and span.end <= end for start, end in span.doc.user_data.get(key, ()))


def in_an_embedded_post(span: Span, embeds: Collection[str]) -> bool:
    """Whether words lie in a sentence that carries a post's link (`page_furniture_embeds`: "Syrian Army Allies Free New
    Areas in Deir Ezzor ... pic.twitter.com/..."): the post, embedded in the page, not the report's prose."""
    return any(embed in t.lower_ for t in span.sent for embed in embeds)


def _after_last_full_stop(doc: Doc, before: int) -> int:
    """Where the sentence holding token ``before`` starts, by punctuation alone (the parser has not run yet)."""
    return next((t.i + 1 for t in reversed(doc[:before]) if t.text in SENTENCE_END), 0)


def _opens_a_line(token: Token) -> bool:
    if token.i == 0 or token.is_sent_start:
        return True
    before = token.doc[token.i - 1]
    return before.text in SENTENCE_END or "\n" in before.text or "\n" in before.whitespace_


def _feature(token: Token, name: str) -> str:
    values = token.morph.get(name, [])
    return values[0] if values else ""


def _penn_tag(token: Token) -> str:
    plural = _feature(token, "Number") == "Plur"
    if token.pos_ == "NOUN":
        return "NNS" if plural else "NN"
    if token.pos_ == "PROPN":
        return "NNPS" if plural else "NNP"
    if token.pos_ not in {"VERB", "AUX"}:
        return token.pos_
    form = _feature(token, "VerbForm")
    if form == "Part":
        if _feature(token, "Tense") == "Pres":
            return "VBG"
        passive = _feature(token, "Voice") == "Pass" or any(c.dep_ == "auxpass" for c in token.children)
        # "ont tué" is an active past (VBD); "ont été tués" and "des civils tués" are passive participles (VBN).
        active_past = not passive and token.dep_ not in {"acl", "amod"} and any(c.dep_ == "aux" for c in token.children)
        return "VBD" if active_past else "VBN"
    if form == "Inf":
        return "VB"
    return "VBD" if _feature(token, "Tense") == "Past" else "VBZ"


def period_pattern(conventions: dict[str, Any]) -> re.Pattern[str] | None:
    """A span of days told as such ("in the last ten days", "over the past few weeks", `period_openers` and
    `period_units`): what is counted over it is a period's total, no event's."""
    openers = "|".join(r"\s+".join(map(re.escape, w.split())) for w in conventions.get("period_openers", []))
    units = "|".join(map(re.escape, conventions.get("period_units", [])))
    if not openers or not units:
        return None
    # "15 suicide car bomb attacks during the week": a named span, told whole (`period_phrases`).
    phrases = "".join("|" + r"\s+".join(map(re.escape, w.split())) for w in conventions.get("period_phrases", []))
    # "45 people have been killed in three days of regime attacks": the days of acts counted over them
    # (`period_span_openers`); "Seven days of airstrikes across the province had left more than 75 civilians dead":
    # the days of acts a sentence opens on, as what did it.
    spans = "|".join(map(re.escape, conventions.get("period_span_openers", [])))
    acts = rf"|(?:{spans})\s+(?:the\s+)?(?:[\w-]+\s+)?(?:{units})\s+of" if spans else ""
    opening = rf"^\s*[\w-]+\s+(?:{units})\s+of\b|"
    return re.compile(rf"{opening}\b(?:(?:{openers})\s+(?:[\w,-]+\s+){{0,2}}?(?:{units}){phrases}{acts})\b",
                      re.IGNORECASE)


def told_as_another(word: Token, adding_words: set[str]) -> bool:
    """"another car bomb", "Other airstrikes": a word its determiner or adjective tells as another than any told
    before (conventions' ``adding_words``)."""
    return any(c.dep_ in {"det", "amod"} and c.lower_ in adding_words for c in word.children)


def in_another_times_clause(word: Token, time_marks: set[str], *, measured: bool = False) -> bool:
    """Whether the word lies in a clause that dates itself against the act the sentence tells ("two days after 30
    people died in a similar raid", "since 12 were killed in May"): its deaths and means are another act's
    (`other_time_marks`). With ``measured``, only a clause a span of time opens ("hours after a chemical attack left
    dozens dead"; not "died after warplanes bombarded the area", nor "marched before police dispersed them")."""
    token = word
    while token.dep_ != "ROOT" and token.head is not token:
        # "Since Wednesday clashes have rocked the city": a mark before a day is a preposition of this clause.
        marks = [c for c in token.children if c.dep_ == "mark" and c.lower_ in time_marks
                 and not (c.i + 1 < len(c.doc) and c.doc[c.i + 1].ent_type_ in {"DATE", "TIME"})
                 and (not measured or measured_time_mark(c))]
        # "a week before 20 died": the mark hangs from the span of time
        marks += [g for c in token.children if c.dep_ == "npadvmod" for g in c.children
                  if g.dep_ == "prep" and g.lower_ in time_marks]
        # "a day after rights groups said ...": the parse may hang a clause a time mark opens as a verb's complement
        if token.dep_ in {"advcl", "ccomp"} and marks:
            return True
        if token.dep_ in {"pcomp", "pobj"} and token.head.lower_ in time_marks and (
                not measured or measured_time_mark(token.head)):
            return True
        token = token.head
    return False


def in_phrase_of(word: Token, prepositions: set[str]) -> bool:
    """Whether the word lies in a phrase one of ``prepositions`` opens ("amid a massive offensive targeting Aleppo
    city"), however deep in it."""
    token = word
    while token.dep_ != "ROOT" and token.head is not token:
        if token.dep_ == "pobj" and token.head.lower_ in prepositions:
            return True
        token = token.head
    return False


def in_another_times_clause_than(word: Token, trigger: Token, time_marks: set[str]) -> bool:
    """Whether the word lies in a clause a span of time dates against the act ("The attacks came one day after four
    neighbourhoods of Damascus were targeted by militants"), and the act's own word does not: its actors and places
    are the other act's."""
    return in_another_times_clause(word, time_marks, measured=True) \
        and not in_another_times_clause(trigger, time_marks, measured=True)


# Spans of time a measured time mark counts in ("three days after"), by lemma.
TIME_UNITS = {"minute", "hour", "day", "week", "month", "year"}


def measured_time_mark(mark: Token) -> bool:
    """A time mark with a span of time before it: "days after", "hours before" (however the parse hangs "days", and
    whether or not the tagger saw a date in it: "Published April 8 2017 Just days after")."""
    before = mark.doc[mark.i - 1] if mark.i > 0 else None
    return before is not None and before.pos_ == "NOUN" and (
        before.ent_type_ in {"DATE", "TIME"} or before.lemma_.lower() in TIME_UNITS)


CLAUSE_BREAKS = {",", ";", ":", "(", ")", "—", "–"}


def tells_a_period(sent: Span, period: re.Pattern[str] | None) -> bool:
    """Whether the sentence tells a span of days (`period_pattern`) over which what it counts happened; not one that
    only ranks an act among others ("the second heavy bombardment in less than two weeks", "the deadliest attack in
    the past three months": the span is the ordinal's or superlative's)."""
    for match in period.finditer(sent.text) if period is not None else ():
        words = sent.char_span(match.start(), match.end(), alignment_mode="expand")
        if words is None or not len(words) or not _ranks_an_act_before(words[0]):
            return True
    return False


def _ranks_an_act_before(word: Token) -> bool:
    """Whether the words before ``word``, back to their clause's verb or a comma, rank an act: an ordinal or a
    superlative ("the second heavy bombardment of the capital", "the deadliest attack"), wherever the parse hung
    the span after them."""
    for before in reversed(word.doc[word.sent.start : word.i]):
        if before.pos_ in {"VERB", "AUX"} or before.text in CLAUSE_BREAKS:
            return False
        if before.ent_type_ == "ORDINAL" or before.tag_ in {"JJS", "RBS"}:
            return True
    return False


def in_headline_list(span: Span, labels: set[str]) -> bool:
    """Words in a web page's labelled list of other reports' headlines, copied with the article ("Related US-Led
    Coalition Airstrikes Near Raqqa Killed at Least 84 Civilians"): a capitalised label before them, then headline
    case up to them and past them. Their own words decide: "Tags Hassakeh YPG Syrian regime warplanes bombed Kurdish
    positions in the city" runs from the keywords into the article's prose; the keyword right after the label is
    one."""
    label = next((t for t in reversed(span.sent) if t.i < span.start and (t.is_title or t.is_upper)
                  and t.lower_ in labels), None)
    if label is None:
        return False
    if label.i == span.start - 1:
        return True  # "Tags suicide attack The Syrian war": the label's first keyword
    return all(headline_case(t.text for t in span.doc[start:end]) for start, end in (
        (label.i + 1, span.start), (span.start, min(span.end + HEADLINE_WORDS_PAST, span.sent.end))))


def headline_case(words: Iterable[str]) -> bool:
    """Words written as a headline: most of them capitalised."""
    run = [w for w in words if w.isalpha()]
    return sum(1 for w in run if w[:1].isupper()) >= HEADLINE_CASE_SHARE * len(run)
