"""Event detection and typing: lexicon triggers, filtered by modality, with roles from the parse.

A trigger is a lexicon phrase matched on lemmas. It is dropped when hypothetical ("close to being
captured"), negated, generic ("all strikes"), or part of an actor's name. One trigger per event
type is kept per sentence: the one nearest the root of the parse, because the main clause carries
the reported event and subordinate clauses the background ("following their isolation").
Who did it to whom comes from the dependency parse: subject and agent are side one, object and
"against"/"on" phrases side two, "in coordination with" adds to side one.
"""

from __future__ import annotations

import functools
import itertools
from dataclasses import dataclass, field, replace
from typing import Any

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan
from spacy.util import filter_spans

from conflictlens.grammar import Grammar, preposition_of
from conflictlens.knowledge import phrase_pattern

VIOLENT_TYPES = {"Battles", "Explosions/Remote violence", "Violence against civilians"}


@dataclass(frozen=True, slots=True)
class LexiconGroup:
    event_type: str
    sub_event_type: str
    if_target_civilians: tuple[str, str] | None
    if_target_armed: tuple[str, str] | None
    if_violent: tuple[str, str] | None
    if_actor1_state: str | None
    background: bool
    outcome: bool
    wins_over_remote: bool = False


@dataclass(slots=True)
class Trigger:
    """A lexicon match kept as the evidence of one event in one sentence."""

    span: SpacySpan
    group: LexiconGroup
    sentence_index: int
    side_one: list[Token] = field(default_factory=list)  # root tokens of actor mentions
    side_one_allies: list[Token] = field(default_factory=list)
    side_two: list[Token] = field(default_factory=list)
    agent_countries: list[Token] = field(default_factory=list)  # "Burkina Faso sent troops"
    displaced: list[LexiconGroup] = field(default_factory=list)  # background groups dropped for this trigger

    @property
    def head(self) -> Token:
        return self.span.root


class EventDetector:
    """Built once per pipeline from the lexicon and conventions."""

    def __init__(self, nlp: Language, lexicon: dict[str, Any], conventions: dict[str, Any],
                 accusation_verbs: list[str], grammar: Grammar) -> None:
        self.vocab = nlp.vocab
        self.grammar = grammar
        self.matcher = Matcher(nlp.vocab)
        self.groups: list[LexiconGroup] = []
        for index, group in enumerate(lexicon["groups"]):
            civ, armed, violent = (group.get(k) for k in ("if_target_civilians", "if_target_armed", "if_violent"))
            self.groups.append(LexiconGroup(group["event_type"], group["sub_event_type"],
                                            tuple(civ) if civ else None,  # type: ignore[arg-type]
                                            tuple(armed) if armed else None,  # type: ignore[arg-type]
                                            tuple(violent) if violent else None,  # type: ignore[arg-type]
                                            group.get("if_actor1_state"), bool(group.get("background")),
                                            bool(group.get("outcome")), bool(group.get("wins_over_remote"))))
            patterns = []
            for phrase in group["patterns"]:
                patterns.extend(_token_patterns(str(phrase), nlp, tuple(lexicon.get("gap_excludes", ()))))
            self.matcher.add(str(index), patterns)
        self.opening_labels = {" ".join(str(label).lower().split()): LexiconGroup(
            event_type, sub_type, None, None, None, None, background=False, outcome=False)
            for label, (event_type, sub_type) in lexicon.get("opening_labels", {}).items()}
        self.hedges = phrase_pattern(conventions["hedges"])
        self.negations = {n.lower() for n in conventions["negations"]}
        self.future_markers = [m.lower() for m in conventions["future_markers"]]
        self.generic_determiners = {d.lower() for d in conventions["generic_determiners"]}
        self.perpetrator_nouns = {n.lower() for n in conventions["perpetrator_nouns"]}
        self.accusation_verbs = {a.lower() for a in accusation_verbs}
        self.continuation = grammar.opening(conventions["continuation_nouns"], openers=True)
        self.back_reference = grammar.opening(conventions["report_back_references"], openers=False)

    def refers_back(self, sentence_text: str) -> bool:
        """'The claim could not be verified': a sentence about the previous sentence's report."""
        return self.back_reference.match(sentence_text) is not None

    def is_continuation(self, sentence_text: str) -> bool:
        """'The operation ... resulted in ...' carries on the previous sentence's event."""
        return self.continuation.match(sentence_text) is not None

    def triggers(self, doc: Doc, blocked_tokens: set[int]) -> dict[int, list[Trigger]]:
        """Kept triggers per sentence index."""
        sentence_of = {sent.start: index for index, sent in enumerate(doc.sents)}
        group_of: dict[tuple[int, int], int] = {}
        for match_id, start, end in self.matcher(doc):
            group_of.setdefault((start, end), int(self.vocab.strings[match_id]))
        spans = filter_spans([doc[start:end] for start, end in group_of])
        kept: dict[tuple[int, str], Trigger] = {}
        for span in spans:
            if any(t.i in blocked_tokens for t in span) or self._hypothetical(span) or self._generic(span):
                continue
            group = self.groups[group_of[(span.start, span.end)]]
            index = sentence_of[span.sent.start]
            key = (index, f"{group.event_type}{'/outcome' if group.outcome else ''}")
            current = kept.get(key)
            if current is None or _depth(span.root) < _depth(current.span.root):
                kept[key] = Trigger(span=span, group=group, sentence_index=index)
        by_sentence: dict[int, list[Trigger]] = {}
        for (index, _), trigger in kept.items():
            by_sentence.setdefault(index, []).append(trigger)
        for index, triggers in by_sentence.items():
            violent = [t for t in triggers if t.group.event_type in VIOLENT_TYPES]
            if any(not t.group.outcome for t in violent):
                violent = [t for t in violent if not t.group.outcome]
            if violent:
                # One violent event per sentence: the main clause's, and among equals the group listed first
                # in the lexicon, the most specific (air strikes "neutralising" fighters are air strikes).
                first = min(violent, key=lambda t: (_depth(t.span.root), self.groups.index(t.group)))
                if first.group.event_type == "Explosions/Remote violence":
                    first = next((t for t in violent if t.group.wins_over_remote), first)
                first.displaced = [t.group for t in triggers if t.group.background]
                triggers = [t for t in triggers if t.group.event_type not in VIOLENT_TYPES and not t.group.background]
                triggers.append(first)
            by_sentence[index] = sorted(triggers, key=lambda t: t.span.start)
        labelled = self._opening_label(doc)
        if labelled is not None:
            label, group = labelled
            index = sentence_of[label.sent.start]
            first_sentence = by_sentence.get(index, [])
            # The sentence's own trigger keeps its place in the parse (who did what); the label gives the type.
            main = next((t for t in first_sentence if t.group.event_type in VIOLENT_TYPES), None) or (
                first_sentence[0] if first_sentence else None)
            by_sentence[index] = [replace(main, group=group) if main is not None else Trigger(label, group, index)]
        return by_sentence

    def _opening_label(self, doc: Doc) -> tuple[SpacySpan, LexiconGroup] | None:
        """'Movement of forces: ...': the category label a report opens with, and its lexicon group."""
        words = [t for t in itertools.islice(doc, 12) if not t.is_space]
        colon = next((i for i, t in enumerate(words) if t.text == ":"), None)
        if not colon:
            return None
        group = self.opening_labels.get(" ".join(doc[words[0].i : words[colon].i].text.lower().split()))
        return (doc[words[0].i : words[colon - 1].i + 1], group) if group is not None else None

    def _hypothetical(self, span: SpacySpan) -> bool:
        sent = span.sent
        # Date words are left out: "On 30 May 2020" holds no hedging "may".
        window = " ".join(t.lower_ for t in sent.doc[max(sent.start, span.start - 6) : span.start]
                          if t.ent_type_ not in {"DATE", "TIME"} and not t.is_space)
        if self.hedges.search(window):
            return True
        after = " ".join(t.lower_ for t in sent.doc[span.end : min(sent.end, span.end + 2)])
        if any(after.startswith(marker) for marker in self.future_markers):
            return True
        head = span.root
        governor = head if head.pos_ in {"VERB", "AUX"} else next(
            (a for a in head.ancestors if a.pos_ == "VERB"), None)
        return governor is not None and any(c.dep_ == "neg" or c.lower_ in self.negations
                                            for c in governor.children if c.dep_ in {"neg", "advmod", "det"})

    def _generic(self, span: SpacySpan) -> bool:
        head = span.root
        return head.tag_ in {"NNS", "NNPS"} and any(
            c.lower_ in self.generic_determiners for c in head.children if c.dep_ in {"det", "predet", "amod"})

    def assign_roles(self, trigger: Trigger, mention_roots: list[Token], excluded: set[int],
                     country_roots: list[Token]) -> None:
        """Fill the trigger's sides from the parse; ``excluded`` are claimant tokens (who says, not who does)."""
        head = trigger.head
        accuse = next((a for a in [head, *head.ancestors] if a.lemma_.lower() in self.accusation_verbs), None)
        verb = _governing_verb(head)
        subject = _subject_of(verb, self.grammar.relative_pronouns) if verb is not None else None
        candidates = [r for r in mention_roots if r.i not in excluded and r.i not in {t.i for t in trigger.span}]
        for root in candidates:
            self._place_on_side(trigger, root, self._side(root, head, verb, subject, accuse))
        if not trigger.side_one and subject is not None and not subject.passive:
            trigger.agent_countries = [r for r in country_roots if r.i == subject.token.i and r.i not in excluded]
        refers_to_claimant = subject is not None and (
            subject.token.i in excluded  # "the army claimed to have killed ..." / "a affirmé avoir neutralisé"
            or subject.token.lower_ in self.grammar.speaker_pronouns
            or any(c.dep_ == "poss" and c.lower_ in self.grammar.speaker_possessives for c in subject.token.children))
        if not trigger.side_one and refers_to_claimant:
            # "The army said its aircraft struck ..." / "... said they had neutralised ...": the claimant did it.
            claimants = [r for r in mention_roots if r.i in excluded and r.i < trigger.span.start]
            if claimants:
                trigger.side_one.append(claimants[-1])
        if not trigger.side_one and not trigger.agent_countries:
            # A misparsed clause: take the subject of the nearest verb before the trigger.
            nearest = _nearest_subject_before(trigger.span, excluded)
            if nearest is not None:
                for root in candidates:
                    if _within(root, nearest) and root not in trigger.side_one_allies:
                        self._place_on_side(trigger, root, 3 if self._ally(root) else 1)
        if not trigger.side_one and not trigger.side_one_allies and not trigger.agent_countries:
            before = [r for r in candidates if r.i < trigger.span.start and r not in trigger.side_two]
            if before:
                trigger.side_one.append(before[-1])
        if not trigger.side_two and trigger.group.event_type in VIOLENT_TYPES and verb is not None:
            # The victims of a killing follow it even where the parse loses them ("killed 15 presumed X").
            # Not the attackers named again: "... seized by the assailants", "... before the militants set it ablaze".
            doers = self.perpetrator_nouns | {t.lemma_.lower() for t in trigger.side_one}
            clause = [r for r in candidates if r.i >= trigger.span.end and (trigger.group.outcome or _within(r, verb))
                      and r not in trigger.side_one and r not in trigger.side_one_allies
                      and not (_doer(r) and r.lemma_.lower() in doers)]
            if clause:
                trigger.side_two.append(clause[0])

    @staticmethod
    def _place_on_side(trigger: Trigger, root: Token, side: int | None) -> None:
        target = {1: trigger.side_one, 2: trigger.side_two, 3: trigger.side_one_allies}.get(side or 0)
        if target is not None and root not in target:
            target.append(root)

    def _ally(self, root: Token) -> bool:
        preceding = root.doc[max(root.sent.start, root.left_edge.i - 6) : root.left_edge.i].text
        return self.grammar.ally_phrases.search(preceding) is not None

    def _side(self, root: Token, head: Token, verb: Token | None, subject: _Subject | None,
              accuse: Token | None) -> int | None:
        if accuse is not None:
            accused = next((c for c in accuse.children if c.dep_ == "dobj"), None)
            if accused is not None and _within(root, accused):
                return 1
            accuser = next((c for c in accuse.children if c.dep_ == "nsubj"), None)
            if accuser is not None and _within(root, accuser):
                return None
        if self._ally(root):
            return 3
        if root.dep_ == "amod" and root.head.i == head.i:
            return 1  # "une attaque jihadiste": the actor named as the attack's adjective made it
        # "an ambush laid by jihadists" / "une embuscade tendue par des jihadistes": the participle's agent did it.
        for clause in (c for c in head.children if c.dep_ == "acl"):
            prep = _prep_between(root, clause)
            if prep is not None and (prep.dep_ == "agent" or prep.lower_ in self.grammar.agent_prepositions):
                return 1
        for anchor in (head, verb):
            if anchor is None:
                continue
            prep = _prep_between(root, anchor)
            if prep is not None:
                word, grammar = prep.lower_, self.grammar
                if word in grammar.target_prepositions or (word in grammar.of_prepositions and anchor.pos_ == "NOUN"):
                    return 2
                if word in grammar.agent_prepositions:
                    return 1
                if word in grammar.with_prepositions:
                    return 2
        if verb is None:
            return None
        if verb.dep_ == "acl" and verb.tag_ == "VBN" and root.i == verb.head.i:
            return 2  # "miners bombed by ...": the noun a passive participle modifies is its target
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        if agent is not None and _within(root, agent):
            return 1
        if subject is not None and subject.covers(root):
            return 2 if subject.passive else 1
        for child in verb.children:
            if child.dep_ in {"dobj", "obj", "attr"} and _within(root, child):
                return 2
        return None


@dataclass(frozen=True, slots=True)
class _Subject:
    """A clause's subject; for a relative clause, the noun it modifies, minus the clause itself."""

    token: Token
    passive: bool
    relative_clause: Token | None = None

    def covers(self, root: Token) -> bool:
        if not _within(root, self.token):
            return False
        return self.relative_clause is None or not _within(root, self.relative_clause)


def _doer(token: Token) -> bool:
    """The subject of a verb, or the agent of a passive one ("seized by the assailants")."""
    return token.dep_ == "nsubj" or (token.dep_ == "pobj" and token.head.dep_ == "agent")


def target_lemmas(targets: list[Token]) -> set[str]:
    """A trigger's targets (``target_tokens``) as lemmas and words."""
    return {t.lemma_.lower() for t in targets} | {t.lower_ for t in targets}


def target_modifiers(targets: list[Token]) -> set[str]:
    """The words that qualify a trigger's targets, as lemmas and words ("the National Guard camp": national, guard)."""
    return target_lemmas([c for t in targets for c in t.children if c.dep_ in {"compound", "amod", "nmod"}])


def target_tokens(trigger: Trigger, grammar: Grammar) -> list[Token]:
    """What a trigger acts on: its verb's object, the subject of a passive verb, and "against"/"on" phrases
    ("attacked a camp", "tourists were attacked")."""
    head = trigger.head
    verb = _governing_verb(head)
    targets: list[Token] = []
    for anchor in [a for a in (head, verb) if a is not None]:
        for child in anchor.children:
            if child.dep_ in {"dobj", "obj", "nsubjpass"}:
                targets.append(child)
                continue
            prep = preposition_of(child)
            if prep is not None and prep.lower_ in grammar.target_prepositions:
                targets.extend([c for c in child.children if c.dep_ == "pobj"] if prep is child else [child])
    if not targets and head.pos_ == "VERB":
        # The parse lost the object ("assaulted passengers" read as an adjective): the noun right after the verb.
        following = head.doc[head.i + 1 : min(head.i + 4, head.sent.end)]
        targets = [t for t in following if t.pos_ in {"NOUN", "PROPN"}][:1]
    return targets


GAP_PUNCTUATION = (",", ".", ";", ":", "(", ")", "[", "]", "!", "?", '"', "'", "“", "”", "‘", "’", "/")


def _token_patterns(phrase: str, nlp: Language, gap_excludes: tuple[str, ...] = ()) -> list[list[dict[str, Any]]]:
    # The language's own tokenizer splits a phrase as it splits text ("counter-offensive", "tir d'obus").
    words = [w for part in phrase.split() for w in (["*"] if part == "*" else [t.text for t in nlp.tokenizer(part)])]
    lemma_pattern: list[dict[str, Any]] = []
    lower_pattern: list[dict[str, Any]] = []
    for word in words:
        if word == "*":
            # A gap may hold a hyphen ("a 72-hour strike") but no other punctuation.
            gap = [{"LOWER": {"NOT_IN": [*gap_excludes, *GAP_PUNCTUATION]}, "OP": "?"}] * 4
            lemma_pattern.extend(gap)
            lower_pattern.extend(gap)
        elif word.isupper() and len(word) > 1:
            lemma_pattern.append({"ORTH": word})
            lower_pattern.append({"ORTH": word})
        else:
            # "March 12" is a date, not a march: date entities never trigger events.
            not_date = {"NOT_IN": ["DATE", "TIME"]}
            lemma_pattern.append({"LEMMA": {"IN": sorted({word.lower(), word, *_lemmas(word, nlp)})},
                                  "ENT_TYPE": not_date})
            lower_pattern.append({"LOWER": word.lower(), "ENT_TYPE": not_date})
    return [lemma_pattern, lower_pattern]


@functools.lru_cache(maxsize=4096)
def _lemmas(word: str, nlp: Language) -> tuple[str, ...]:
    """The lemma of a pattern word, so that "seize * goods" finds "seized goods" (lemmas seize, good): a phrase
    matches on all its lemmas or all its words, and "goods" is neither the lemma nor the word of the other."""
    return tuple(t.lemma_.lower() for t in nlp(word) if t.lemma_)


def _depth(token: Token) -> int:
    return sum(1 for _ in token.ancestors)


def _within(token: Token, head: Token) -> bool:
    return token.i == head.i or head in token.ancestors


def _governing_verb(token: Token) -> Token | None:
    if token.pos_ in {"VERB", "AUX"}:
        return token
    for ancestor in token.ancestors:
        if ancestor.pos_ in {"VERB", "AUX"}:
            return ancestor
    return None


def _subject_of(verb: Token, relative_pronouns: frozenset[str]) -> _Subject | None:
    current = verb
    for _ in range(5):
        for child in current.children:
            if child.dep_ in {"nsubj", "nsubjpass", "csubj"}:
                if child.lower_ in relative_pronouns and current.dep_ == "relcl":
                    return _Subject(current.head, child.dep_ == "nsubjpass", current)
                return _Subject(child, child.dep_ == "nsubjpass")
        if current.dep_ in {"xcomp", "conj", "advcl", "pcomp"} and current.head is not current:
            current = current.head
        elif current.dep_ == "relcl":
            return _Subject(current.head, False, current)
        else:
            break
    return None


def _nearest_subject_before(span: SpacySpan, excluded: set[int]) -> Token | None:
    sent = span.sent
    for i in range(span.start - 1, sent.start - 1, -1):
        token = sent.doc[i]
        if token.pos_ != "VERB":
            continue
        subject = next((c for c in token.children if c.dep_ == "nsubj" and c.i not in excluded), None)
        if subject is not None:
            return subject
    return None


def _prep_between(token: Token, anchor: Token) -> Token | None:
    """The preposition through which ``token`` hangs off ``anchor`` directly, if any."""
    child = token
    for ancestor in token.ancestors:
        if ancestor.i == anchor.i:
            return preposition_of(child)
        child = ancestor
    return None
