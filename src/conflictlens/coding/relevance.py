"""Stage ``relevance``: does a trigger's sentence report a conflict event at all?

News is full of conflict words in other senses ("fire fighting", "a heart attack", "a hostile takeover",
"the striker shot") and of conflict talk that is no event (accusations, background, threats). Each
trigger must show its conflict sense, from a classifier or from its own arguments:

* the **sentence classifier** reads the sentence as words and word pairs (TF-IDF) into a multinomial
  logistic regression over "No event" and ACLED's sub-event types, trained on sentences of real news the
  project labelled (``training/``); its weights are plain numbers (no pickle, no torch), and ``explain``
  lists the words that weighed most, so every decision can be shown;
* the **arguments**: a named armed or state actor on either side, or a weapon, armed men, security forces
  or a crowd in the sentence (``conflict_cues``, ``riot_participants`` and ``unarmed_crowds`` in
  ``data/conventions.yaml``). Deaths alone are no
  such sign: accidents and illness kill too.

A draft stays when the classifier is sure of an event (``relevance_threshold``), or fairly likely
(``relevance_floor``) with its arguments showing a conflict sense; the others are dropped.
"""

from __future__ import annotations

from conflictlens.coding.actors import ARMED_INTERS, ActorDictionary
from conflictlens.coding.annotated import AnnotatedDocument, EventDraft
from conflictlens.coding.classifier import SentenceClassifier
from conflictlens.coding.detection import VIOLENT_TYPES
from conflictlens.coding.grammar import PRESENT_TAGS, Grammar
from conflictlens.errors import ConflictLensError
from conflictlens.knowledge import Knowledge
from conflictlens.model import Actor


class Relevance:
    """Keeps the drafts whose sentence reports a conflict event, by the classifier and the draft's arguments."""

    name = "relevance"
    requires = ("drafts.type", "drafts.sides", "drafts.fatalities", "sentences")
    adds = ("sentence_relevance", "drafts.relevant")

    def __init__(self, classifier: SentenceClassifier, actors: ActorDictionary, knowledge: Knowledge, *,
                 grammar: Grammar, threshold: float, floor: float) -> None:
        if classifier.no_event is None:
            raise ConflictLensError('the relevance stage needs a model that knows "No event": train one with '
                                    '`conflictlens train --relevance`, or set relevance_model = "none"')
        self.classifier = classifier
        self.actors = actors
        self.grammar = grammar
        self.reporting_verbs = frozenset(str(w).lower() for w in knowledge.attribution["reporting_verbs"])
        self.threshold = threshold
        self.floor = floor
        # Crowds count too: those that riot ("students", "supporters") and unarmed ones that fight or destroy.
        self.cues = {w.lower() for key in ("conflict_cues", "riot_participants", "unarmed_crowds")
                     for w in knowledge.conventions[key]}

    def __call__(self, annotated: AnnotatedDocument) -> None:
        drafts = annotated.drafts or []
        indexes = sorted({d.sentence_index for d in drafts})
        sentences = annotated.sentences or []
        own_words = {id(d): self._own_words(d) for d in drafts}
        texts = sorted({sentences[i].text for i in indexes} | {t for t in own_words.values() if t is not None})
        likelihood_of = dict(zip(texts, self.classifier.event_probability(texts), strict=True))
        annotated.sentence_relevance = {i: likelihood_of[sentences[i].text] for i in indexes}

        def likelihood(draft: EventDraft) -> float:
            own = own_words[id(draft)]
            whole = likelihood_of[sentences[draft.sentence_index].text]
            return max(whole, likelihood_of[own]) if own is not None else whole

        shown = {id(d): d for d in drafts if self._shows_sense(d, likelihood(d))}
        # A report that tells violence in two sentences is about armed conflict: there, a development or a claim
        # between its parties is part of it, however much its sentence reads like talk.
        violent = {d.sentence_index for d in shown.values()
                   if d.event.event_type in VIOLENT_TYPES and d.event.kind == "event"}
        kept = {id(d) for d in drafts if id(d) in shown or (len(violent) >= 2 and self._names_parties(d))}
        annotated.drafts = [d for d in drafts if id(d) in kept - self._retellings_of_dropped(drafts, kept)]

    def _own_words(self, draft: EventDraft) -> str | None:
        """The sentence without the clauses of what went on beside the act ("At least 23 civilians have been killed in
        regime airstrikes on Aleppo, activists said Sunday, as France and Britain raised the prospect of investigating
        Russia for war crimes ahead of a Security Council meeting"), where it has any: the talk beside an act does not
        make it less of one."""
        beside = self.grammar.beside_clauses(draft.sentence, draft.trigger.span.root)
        if not beside:
            return None
        return "".join(t.text_with_ws for t in draft.sentence if t.i not in beside).strip()

    def _retellings_of_dropped(self, drafts: list[EventDraft], kept: set[int]) -> set[int]:
        """Kept drafts told by a noun that points back ("The attack was on rebel-held areas") to an act of that noun
        the report told before only in drafts this stage dropped (the claim that "640 people were killed in a nerve
        gas attack"): the act told again is the dropped one, not a new one."""
        dropped: set[str] = set()
        told: set[str] = set()
        retellings: set[int] = set()
        for draft in drafts:
            head = draft.trigger.span.root
            noun = head.lemma_.lower()
            if id(draft) not in kept:
                dropped.add(noun)
            elif head.pos_ == "NOUN" and self.grammar.refers_back(head) and noun in dropped - told:
                retellings.add(id(draft))
            else:
                told.add(noun)
        return retellings

    def _shows_sense(self, draft: EventDraft, likelihood: float) -> bool:
        """The classifier's likelihood and the draft's own arguments weighed together: the surer the classifier,
        the less the arguments must show."""
        return likelihood >= self.threshold or (likelihood >= self.floor and self._conflict_sense(draft))

    def _names_parties(self, draft: EventDraft) -> bool:
        """Arguments that name the parties of a conflict, whatever the classifier says, in a sentence that tells
        something that happened: not a state of things ("has been under siege since 2013") or a habit ("the
        coalition conducts strikes")."""
        if _tells_a_state(draft, self.reporting_verbs):
            return False
        parties = {a.name for a in self._named_parties([*draft.side_one, *draft.side_two])}
        if draft.event.event_type == "Strategic developments" or draft.event.kind != "event":
            # A development or a claim is told in the words of talk ("requested assistance", "accused the army
            # of"), which the classifier reads as no event; a named conflict party shows its sense.
            return bool(parties)
        return len(parties) >= 2  # "the Malian army and the Wagner group suffered many casualties"

    def _named_parties(self, side: list[Actor]) -> list[Actor]:
        return [a for a in side if a.inter in ARMED_INTERS and not self.actors.is_vague(a)]

    def _conflict_sense(self, draft: EventDraft) -> bool:
        """The trigger's arguments say conflict: a named armed or state actor, a weapon, armed men or forces, a crowd."""
        words = {t.lemma_.lower() for t in draft.sentence} | {t.lower_ for t in draft.sentence}
        return bool(self._named_parties([*draft.side_one, *draft.side_two])) or bool(words & self.cues)


def _tells_a_state(draft: EventDraft, reporting_verbs: frozenset[str]) -> bool:
    """A sentence that dates its matter from a past year ("since 2014"), or whose trigger's clause is in the present
    simple ("the coalition conducts strikes", "they are forced out") or a continuing perfect ("have been
    struggling to recapture"): the clauses from the trigger up to the sentence's root, those of telling aside."""
    sentence = draft.sentence
    if any(t.lower_ == "since" and t.i + 1 < sentence.end and sentence.doc[t.i + 1].like_num for t in sentence):
        return True
    head = draft.trigger.head
    verbs = [t for t in (head, *head.ancestors) if t.pos_ in {"VERB", "AUX"} and t.lemma_.lower() not in reporting_verbs]
    if any(c.lower_ == "been" and c.dep_ in {"aux", "auxpass"} for verb in verbs for c in verb.children):
        return True
    if not verbs:
        return False
    auxiliaries = [c for c in verbs[0].children if c.dep_ in {"aux", "auxpass"}]
    if not auxiliaries:
        return verbs[0].tag_ in PRESENT_TAGS
    return verbs[0].tag_ == "VBN" and all(a.tag_ in PRESENT_TAGS and a.lemma_ == "be" for a in auxiliaries)
