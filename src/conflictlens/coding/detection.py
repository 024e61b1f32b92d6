"""Stage ``detection``: lexicon triggers, filtered by modality; each kept trigger becomes an event draft.

A trigger is a lexicon phrase matched on lemmas. It is dropped when hypothetical ("close to being
captured"), negated, generic ("all strikes"), descriptive ("the besieged towns", "fighters battling IS"), a
kind of thing ("the storm door", "attack helicopters"), a name given to an act told elsewhere ("describing it
as a terrorist attack"), a word in another sense ("demonstrated recipes"), or part of an actor's name. One
trigger per event type is kept per sentence: the one nearest the root of the parse, because the main clause carries
the reported event and subordinate clauses the background ("following their isolation"). A draft
starts with its lexicon group's type; the typing stage revises it once roles are known.
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Collection, Iterator
from dataclasses import dataclass, field, replace
from typing import Any

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan
from spacy.util import filter_spans

from conflictlens.coding.actors import NON_STATE_ARMED_INTERS, VICTIM_INTERS
from conflictlens.coding.annotated import AnnotatedDocument, EventDraft
from conflictlens.coding.grammar import (
    FINITE_TAGS,
    PRESENT_TAGS,
    Grammar,
    brought_down,
    headline_case,
    in_an_embedded_post,
    in_headline_list,
    in_page_furniture,
    measured_time_mark,
    noun_it_is_of,
    verb_above,
)
from conflictlens.knowledge import phrase_pattern
from conflictlens.model import Event, Span

REMOTE_VIOLENCE = "Explosions/Remote violence"
VIOLENT_TYPES = {"Battles", REMOTE_VIOLENCE, "Violence against civilians"}


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
    if_actor1_non_state: str | None = None


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

    def __init__(self, nlp: Language, lexicon: dict[str, Any], conventions: dict[str, Any], grammar: Grammar) -> None:
        self.vocab = nlp.vocab
        # One key per pattern, so that a match's alignment tells its words from its gap tokens. A phrase of plain
        # words goes to a PhraseMatcher (a hash look-up per token); one with a gap to the Matcher, which tries
        # every pattern at every token.
        self.matcher = Matcher(nlp.vocab)
        self.phrase_matchers = {attr: PhraseMatcher(nlp.vocab, attr=attr) for attr in PHRASE_ATTRIBUTES}
        self.pattern_words: list[frozenset[int]] = []  # indices of a pattern's words (not gap tokens)
        self.pattern_group: list[int] = []
        self.groups: list[LexiconGroup] = []
        for index, group in enumerate(lexicon["groups"]):
            civ, armed, violent = (group.get(k) for k in ("if_target_civilians", "if_target_armed", "if_violent"))
            self.groups.append(LexiconGroup(group["event_type"], group["sub_event_type"],
                                            tuple(civ) if civ else None,  # type: ignore[arg-type]
                                            tuple(armed) if armed else None,  # type: ignore[arg-type]
                                            tuple(violent) if violent else None,  # type: ignore[arg-type]
                                            group.get("if_actor1_state"), bool(group.get("background")),
                                            bool(group.get("outcome")), bool(group.get("wins_over_remote")),
                                            group.get("if_actor1_non_state")))
            for phrase in group["patterns"]:
                for pattern in _token_patterns(str(phrase), nlp, tuple(lexicon.get("gap_excludes", ()))):
                    self._add(pattern, index)
        self.opening_labels = {" ".join(str(label).lower().split()): LexiconGroup(
            event_type, sub_type, None, None, None, None, background=False, outcome=False)
            for label, (event_type, sub_type) in lexicon.get("opening_labels", {}).items()}
        self.hedges = phrase_pattern(conventions["hedges"])
        self.attempt_verbs = {w.lower() for w in conventions.get("attempt_verbs", [])}
        self.future_markers = [m.lower() for m in conventions["future_markers"]]
        self.request_verbs = {v.lower() for v in conventions["request_verbs"]}
        self.requests_told = {v.lower() for v in conventions["requests_that_are_developments"]}
        self.undoing_nouns = {v.lower() for v in conventions["undoing_nouns"]}
        self.keeping_verbs = {v.lower() for v in conventions.get("keeping_verbs", [])}
        self.cessation_verbs = {v.lower() for v in conventions.get("cessation_verbs", [])}
        self.faring_verbs = {v.lower() for v in conventions.get("faring_verbs", [])}
        self.cessation_verbs_of_acts = {v.lower() for v in conventions.get("cessation_verbs_of_acts", [])}
        self.generic_determiners = {d.lower() for d in conventions["generic_determiners"]}
        self.frequency_adjectives = {d.lower() for d in conventions["frequency_adjectives"]}
        self.struggle_nouns = {n.lower() for n in conventions["struggle_nouns"]}
        self.role_nouns = {n.lower() for n in conventions["role_nouns"]}
        self.campaign_spans = {n.lower() for n in conventions["campaign_spans"]}
        self.foe_prepositions = {w.lower() for w in conventions["foe_prepositions"]}
        self.joining_verbs = {w.lower() for w in conventions["joining_verbs"]}
        self.part_nouns = {w.lower() for w in conventions["part_nouns"]}
        self.support_verbs = {w.lower() for w in conventions["support_verbs"]}
        self.support_nouns = {w.lower() for w in conventions["support_nouns"]}
        self.aim_words = {w.lower() for w in conventions["aim_words"]}
        self.naming_verbs = {v.lower() for v in conventions["naming_verbs"]}
        self.reaction_verbs = {v.lower() for v in conventions["reaction_verbs"]}
        self.senses_with_object = {v.lower() for v in conventions["other_sense_with_object"]}
        self.alliance_words = {w.lower() for w in conventions["alliance_words"]}
        self.allegiance_nouns = {w.lower() for w in conventions["allegiance_nouns"]}
        self.showing_nouns = {w.lower() for w in conventions["showing_nouns"]}
        self.people_words = {w.lower() for key in ("person_nouns", "riot_participants", "crowd_quantities")
                             for w in conventions[key]}
        self.senses_with_objects = {verb.lower(): {o.lower() for o in objects}
                                    for verb, objects in conventions["other_sense_with_objects"].items()}
        self.senses_with_subjects = {verb.lower(): {o.lower() for o in subjects}
                                     for verb, subjects in conventions.get("other_sense_with_subjects", {}).items()}
        self.senses_after_words = {verb.lower(): {w.lower() for w in words}
                                   for verb, words in conventions["other_sense_after_words"].items()}
        self.act_nouns = {v.lower() for v in conventions["act_nouns"]}
        self.time_marks = {w.lower() for w in conventions["other_time_marks"]}
        self.means_prepositions = {w.lower() for w in conventions["means_prepositions"]}
        self.earlier_agreement_words = {w.lower() for w in conventions["earlier_agreement_words"]}
        self.concessive_marks = {w.lower() for w in conventions["concessive_marks"]}
        self.grammar = grammar
        self.weapon_nouns = {w.lower() for words in conventions["remote_means"].values() for w in words}
        self.weapon_taking_verbs = {v.lower() for v in conventions.get("weapon_taking_verbs", [])}
        self.flight_verbs = {v.lower() for v in conventions["flight_verbs"]}
        self.downing_verbs = {v.lower() for v in conventions["downing_verbs"]}
        self.sound_nouns = {v.lower() for v in conventions["sound_nouns"]}
        self.tending_verbs = {v.lower() for v in conventions.get("tending_verbs", [])}
        self.state_participles = {v.lower() for v in conventions["state_participles"]}
        self.furniture_labels = {w.lower() for w in conventions.get("page_furniture_labels", [])}
        self.credit_labels = {w.lower() for w in conventions.get("photo_credit_labels", [])}
        self.embeds = [w.lower() for w in conventions.get("page_furniture_embeds", [])]
        self.gathering_verbs = {w.lower() for w in conventions.get("gathering_verbs", [])}
        self.demanding_verbs = {w.lower() for w in conventions.get("demanding_verbs", [])}
        self.gathering_group = next((i for i, g in enumerate(self.groups) if g.sub_event_type == "Peaceful protest"),
                                    None)

    def _gatherings_to_demand(self, doc: Doc) -> Iterator[Token]:
        """"Activists gathered outside parliament, demanding a new constitution", "200 people assembled to demand
        the journalist's release": people gathered to demand something demonstrate, whatever word the text uses;
        "fans gathered to watch the final" do not."""
        for token in doc:
            if token.pos_ == "VERB" and token.lemma_.lower() in self.gathering_verbs and any(
                    c.dep_ in {"advcl", "xcomp", "conj"} and c.lemma_.lower() in self.demanding_verbs
                    for c in token.children):
                yield token

    def _page_furniture(self, span: SpacySpan) -> bool:
        """"Tags Syria Golan Heights Israeli airstrike", "Topic US Missile Attack on Syrian Air Base": a web page's
        labelled keyword list, copied with the article, tells no act (it has no verb that could). Nor does its
        labelled list of other reports' headlines ("Related US-Led Coalition Airstrikes Kill at Least 12 Civilians in
        Deir ez-Zor"), or another report's headline linked beside a photo's credit: a capitalised label, then words
        in headline case to the trigger and past it; nor a post embedded in the page."""
        if in_page_furniture(span) or in_an_embedded_post(span, self.embeds):
            return True
        words = [t for t in span.sent if not t.is_punct]
        if bool(words) and words[0].lower_ in self.furniture_labels and not any(
                t.tag_ in FINITE_TAGS for t in words[1:]):
            return True
        return in_headline_list(span, self.furniture_labels | self.credit_labels)

    def _add(self, pattern: list[dict[str, Any]], group: int) -> None:
        key = str(len(self.pattern_words))
        attributes = {attribute for token in pattern for attribute in token}
        if len(attributes) == 1 and attributes <= set(PHRASE_ATTRIBUTES):
            (attribute,) = attributes
            words = [token[attribute] for token in pattern]
            self.phrase_matchers[attribute].add(key, [Doc(self.vocab, words=words,
                                                          lemmas=words if attribute == "LEMMA" else None)])
        else:
            self.matcher.add(key, [pattern])
        self.pattern_words.append(frozenset(i for i, token in enumerate(pattern) if "OP" not in token))
        self.pattern_group.append(group)

    def _matches(self, doc: Doc) -> Iterator[tuple[int, int, int, frozenset[int]]]:
        """(pattern, start, end, the tokens its own words matched) of every lexicon match whose words lie outside
        dates: "March 12" is a date, not a march (checked here rather than in the patterns, where a set predicate is
        a Python call at every token)."""
        for match_id, start, end, alignment in self.matcher(doc, with_alignments=True):  # type: ignore[misc]
            pattern = int(self.vocab.strings[match_id])
            own_words = frozenset(start + offset for offset, position in enumerate(alignment)
                                  if position in self.pattern_words[pattern])
            if not any(doc[i].ent_type_ in DATE_ENTITIES for i in own_words):
                yield pattern, start, end, own_words
        for phrase_matcher in self.phrase_matchers.values():
            for match_id, start, end in phrase_matcher(doc):
                if not any(token.ent_type_ in DATE_ENTITIES for token in doc[start:end]):
                    yield int(self.vocab.strings[match_id]), start, end, frozenset(range(start, end))

    def triggers(self, doc: Doc, blocked_tokens: set[int], victim_tokens: Collection[int] = (),
                 fighter_tokens: Collection[int] = ()) -> dict[int, list[Trigger]]:
        """Kept triggers per sentence index. ``blocked_tokens`` are actors' names, no act's words; of them,
        ``victim_tokens`` (crowds, civilians) may be whom an act's words name it done to ("fire on protesters"), and
        ``fighter_tokens`` (armed groups) the object of its verb ("eliminated over 75 militants")."""
        sentence_of = {sent.start: index for index, sent in enumerate(doc.sents)}
        group_of: dict[tuple[int, int], int] = {}
        own_words_of: dict[tuple[int, int], frozenset[int]] = {}
        for pattern, start, end, own_words in self._matches(doc):
            group_index = self.pattern_group[pattern]
            if group_of.get((start, end), group_index) >= group_index:
                group_of[(start, end)] = group_index  # the group listed first in the lexicon, the most specific
                own_words_of[(start, end)] = own_words
        if self.gathering_group is not None:
            for token in self._gatherings_to_demand(doc):
                group_of.setdefault((token.i, token.i + 1), self.gathering_group)
        spans = filter_spans([doc[start:end] for start, end in group_of])
        covered = {t.i for span in spans for t in span}
        kept: dict[tuple[int, str], Trigger] = {}
        for span in spans:
            group = self.groups[group_of[(span.start, span.end)]]
            # An actor's name is no act ("the protesters"), but an act may name whom it hits ("fire on protesters"),
            # and the lexicon's own words before the act's noun may name the force that carries it ("air force
            # strikes", "the air force conducted 60 strikes"; not "regime warplanes struck", whose act is told by
            # what the warplanes did).
            carriers = {i for i in own_words_of.get((span.start, span.end), ()) if i < span.root.i} \
                if span[-1].pos_ == "NOUN" else set()
            if span.root.i in blocked_tokens or any(t.i in blocked_tokens and t.i not in victim_tokens
                                                    and t.i not in carriers
                                                    and not _fighters_acted_on(t, span, fighter_tokens) for t in span) \
                    or self._hypothetical(span) or self._generic(span) \
                    or (_descriptive(span, self.state_participles) and not (group.outcome and _result_clause(span))) \
                    or self._kind_of_thing(span, covered) or (group.outcome and self._said_of_an_act(span, covered)) \
                    or self._named_as(span, developing=group.event_type == "Strategic developments") \
                    or self._other_sense(span) or self._page_furniture(span) or _in_a_persons_name(span) \
                    or self._weapon_as_thing(span) or (group.outcome and self._tended(span)) or self._time_of(span) \
                    or self._conceded(span) or self._reason_told_again(span) \
                    or (group.event_type in VIOLENT_TYPES and self._campaign(span)) \
                    or self._support(span) \
                    or (group.event_type != "Protests" and (_purpose(span.root) or self._aimed_at(span.root))) \
                    or (group.sub_event_type == "Agreement" and self._no_agreement_reached(span.root)) \
                    or self._ceased(span):
                continue
            index = sentence_of[span.sent.start]
            key = (index, f"{group.event_type}{'/outcome' if group.outcome else ''}")
            current = kept.get(key)
            if current is not None and group.event_type == current.group.event_type == "Protests":
                # "marched ... before police dispersed them": one demonstration, told by its main clause's word, of the
                # gravest kind its sentence tells (the lexicon lists protest groups gravest first).
                clause = span if _depth(span.root) < _depth(current.span.root) else current.span
                graver = min(group, current.group, key=self.groups.index)
                kept[key] = Trigger(span=clause, group=graver, sentence_index=index)
            elif current is None or _rank(span, group, self.grammar) < _rank(current.span, current.group, self.grammar):
                kept[key] = Trigger(span=span, group=group, sentence_index=index)
        by_sentence: dict[int, list[Trigger]] = {}
        for (index, _), trigger in kept.items():
            by_sentence.setdefault(index, []).append(trigger)
        for index, triggers in by_sentence.items():
            violent = [t for t in triggers if t.group.event_type in VIOLENT_TYPES]
            if any(not t.group.outcome for t in violent):
                violent = [t for t in violent if not t.group.outcome]
            if violent:
                # One violent event per sentence: a new act before one named again ("The bombings come in a week
                # which also saw 33 killed when aircraft bombed a market"), the main clause's, and among equals the
                # group listed first in the lexicon, the most specific (air strikes "neutralising" fighters are air
                # strikes).
                first = min(violent, key=lambda t: (_named_again(t.span, self.grammar), _depth(t.span.root),
                                                    self.groups.index(t.group)))
                if first.group.event_type == REMOTE_VIOLENCE:
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
        if sent.text.rstrip(" \"'”’»").endswith("?"):
            return True  # "Does such a shift mean the desire to complicate the operation to liberate ...?": asked
        # Date words are left out: "On 30 May 2020" holds no hedging "may".
        window = " ".join(t.lower_ for t in sent.doc[max(sent.start, span.start - 6) : span.start]
                          if t.ent_type_ not in {"DATE", "TIME"} and not t.is_space)
        if self.hedges.search(window):
            return True
        after = " ".join(t.lower_ for t in sent.doc[span.end : min(sent.end, span.end + 2)])
        if any(after.startswith(marker) for marker in self.future_markers):
            return True
        head = span.root
        if self._requested(head):
            return True
        if any(t.lemma_.lower() in self.attempt_verbs and any(c.dep_ == "xcomp" and c.i in range(span.start, span.end)
                                                              for c in t.children) for t in span):
            return True  # "threatening to strike two villages": the threat is of an act, not done
        if self._in_a_plan(head):
            return True
        governor = head if head.pos_ in {"VERB", "AUX"} else next(
            (a for a in head.ancestors if a.pos_ == "VERB"), None)
        return governor is not None and any(c.dep_ == "neg" or c.lower_ in self.grammar.negations
                                            for c in governor.children if c.dep_ in {"neg", "advmod", "det"})

    def _in_a_plan(self, head: Token) -> bool:
        """"The terrorists planned to break the army's lines and recapture the areas using car bombs": the acts a plan
        names, through the verbs joined to its own and their objects, are not done by that telling (not an outcome
        clause: "tried to storm the post, killing two guards" tells the dead)."""
        word = head
        for _ in range(AIM_DEPTH):
            if word.dep_ not in {"conj", "dobj", "pobj", "prep", "acl", "compound"} or word.head is word:
                break
            word = word.head
        else:
            return False
        return word is not head and word.dep_ == "xcomp" and word.head.lemma_.lower() in self.attempt_verbs

    def _undone(self, head: Token) -> bool:
        """An agreement's end, collapse or breach is no agreement: "signalled the end of a brokered ceasefire",
        "End to US-Russian brokered ceasefire?", "ceasefire violations"; nor is one a side keeps or enjoys ("have
        enjoyed a truce"), a state of things, nor one told by how it fares ("the ceasefire was holding") or by what it
        is ("insisted the ceasefire was not dead")."""
        phrase = head
        while phrase.dep_ == "compound" and phrase.head is not phrase:  # "violating the cease-fire agreement"
            phrase = phrase.head
        governing = phrase.head.lemma_.lower()
        return any(_lemma_governing(head, preposition, {"compound"}) in self.undoing_nouns
                   for preposition in ("of", "to")) or (
            phrase.dep_ in {"dobj", "obj"} and governing in self.keeping_verbs) or (
            phrase.dep_ == "nsubj" and (governing in self.faring_verbs or governing in self.grammar.copulas))

    def _ceased(self, span: SpacySpan) -> bool:
        """What a side stopped doing is not done that day: "the air forces had stopped bombing Aleppo", "the army
        halted its shelling"."""
        head = span.root
        # The act's own verb: the trigger's, or the one whose object it is ("ceased firing rockets").
        act = head if head.pos_ == "VERB" else next((a for a in head.ancestors if a.pos_ == "VERB"), head)
        return any(t.dep_ == "xcomp" and t.tag_ == "VBG" and t.head.lemma_.lower() in self.cessation_verbs
                   for t in [*span, act]) or (
            head.dep_ == "dobj" and head.head.lemma_.lower() in self.cessation_verbs_of_acts)

    def _requested(self, head: Token) -> bool:
        """What someone calls for, urges or demands has not happened: "France and Britain called for UN sanctions",
        "urged a ceasefire"; "called for an investigation into the air strike" still tells the strike."""
        if head.lemma_.lower() in self.requests_told:
            return False  # a party asking for mediation or help: the asking is the development
        if head.dep_ == "dobj":
            return head.head.lemma_.lower() in self.request_verbs - {"call"}
        if head.dep_ == "xcomp" and head.head.lemma_.lower() in self.request_verbs:
            return True  # "urged the US-led coalition to suspend its bombardments"
        return _lemma_governing(head, "for", set()) in self.request_verbs

    def _other_sense(self, span: SpacySpan) -> bool:
        """A protest verb with a direct object is showing or gathering something ("chefs demonstrated recipes",
        "scouts must demonstrate leadership skills", "rallied support"); a violence verb whose object is a thing of
        its other sense is that sense ("executed a search warrant"), as is one whose subject is ("stocks rallied");
        fighting "alongside" someone is an alliance, "under the banner of" someone an allegiance; "a demonstration
        of" a thing, not of people, is a showing; a trigger right after the name of what a trade fights is the trade
        ("fire-fighting operations")."""
        head = span.root
        before = _word_before(head)
        if before is not None and before.lower_ in self.senses_after_words.get(head.lower_, ()):
            return True
        if len(span) == 1 and head.lemma_.lower() in self.showing_nouns:
            shown = [o for p in head.children if p.dep_ == "prep" and p.lower_ == "of"
                     for o in p.children if o.dep_ == "pobj"]
            return any(o.pos_ == "NOUN" and o.lemma_.lower() not in self.people_words
                       and not any(c.dep_ == "nummod" for c in o.children) for o in shown)
        if len(span) != 1 or head.pos_ != "VERB":
            return False
        following = head.doc[head.i + 1] if head.i + 1 < head.sent.end else None
        if following is not None and following.lower_ in self.alliance_words:
            return True  # "fighting alongside the Nusra Front": on whose side, not a fight
        if following is not None and following.lower_ == "under" and any(
                o.dep_ == "pobj" and o.lemma_.lower() in self.allegiance_nouns for o in following.children):
            return True  # "fighting under the banner of the SDF": in whose ranks, not a fight
        objects = [c for c in head.children if c.dep_ in {"dobj", "nsubjpass"}]
        lemma = head.lemma_.lower()
        # "police executed two search warrants", "the plan was executed": a thing, not a person, is carried out;
        # "stocks rallied", "pilgrims marched to the temple": who did it says which sense.
        subjects = [c for c in head.children if c.dep_ == "nsubj"]
        subjects += [o for c in subjects for p in c.children if p.dep_ == "prep" and p.lower_ == "of"
                     for o in p.children if o.dep_ == "pobj"]  # "thousands of pilgrims"
        # "this crime demonstrated that Russia is unwilling to change its stance": a that-clause right after the verb
        # is what is shown ("demonstrated Sunday ... against the law that they consider antisocial" is a protest).
        shows_a_thing = any(c.dep_ == "dobj" for c in objects) or any(
            c.dep_ == "ccomp" and c.left_edge.i == head.i + 1 for c in head.children)
        return (lemma in self.senses_with_object and shows_a_thing) or any(
            c.lemma_.lower() in self.senses_with_objects.get(lemma, ()) for c in objects) or any(
            c.lemma_.lower() in self.senses_with_subjects.get(lemma, ()) for c in subjects)

    def _named_as(self, span: SpacySpan, *, developing: bool = False) -> bool:
        """ "describing it as a treacherous terrorist attack", "branded the raid a massacre": what someone calls an
        act told elsewhere, not another act; nor is the act someone reacts to, named again ("the opposition condemned
        the bombing", "Russia described the attack as an aggression"), nor, for a development (``developing``), any
        that someone reacts to ("rebels denounced international negotiations for peace as meaningless")."""
        head = span.root
        reacted_to = head.pos_ == "NOUN" and head.dep_ in {"dobj", "obj"} \
            and head.head.lemma_.lower() in self.reaction_verbs | self.naming_verbs \
            and (developing or self.grammar.refers_back(head))
        return reacted_to or _lemma_governing(head, "as", {"oprd", "xcomp", "attr"}) in self.naming_verbs

    def _said_of_an_act(self, span: SpacySpan, covered: set[int]) -> bool:
        """A word of the lexicon said of another act's word, the subject of its copula ("Kerry insisted the
        ceasefire was not dead", "the talks are dead"): what the act is, not another act. The caller asks it of death
        words only: "the attack was the first bombardment of the town" tells the attack's means."""
        head = span.root
        verb = head.head
        return head.dep_ in {"acomp", "attr"} and verb.lemma_.lower() in self.grammar.copulas and any(
            c.dep_ == "nsubj" and c.i in covered for c in verb.children)

    def _kind_of_thing(self, span: SpacySpan, covered: set[int]) -> bool:
        """A noun that names a kind of thing before the noun it modifies ("the storm door", "protest leaders",
        "attack helicopters"), unless that noun tells an act too ("a bomb attack", "artillery fire", "a protest
        meeting")."""
        head = span.root
        modified = head.head
        if not (len(span) == 1 and head.dep_ == "compound" and head.pos_ in {"NOUN", "PROPN"}
                and modified.i > head.i and modified.pos_ in {"NOUN", "PROPN"}):
            return False
        previous = span.doc[head.i - 1] if head.i > span.sent.start else None
        if previous is not None and previous.pos_ in {"NOUN", "PROPN", "PRON", "NUM"} and not (
                modified.i == head.i + 1 and head.lower_.endswith("ing")):
            # "Thousands protest the extension", "Jihadists ambush convoy": a verb the parse took for a noun ("an ISIS
            # fighting position" names a thing)
            return False
        return modified.i not in covered and modified.lemma_.lower() not in self.act_nouns

    def _tended(self, span: SpacySpan) -> bool:
        """"Residents worked to carry the dead and wounded", "rescuers recovered bodies": the dead cared for after an
        act, not an act."""
        return _object_of(span.root, self.tending_verbs)

    def _weapon_as_thing(self, span: SpacySpan) -> bool:
        """"The army destroyed a mortar and a bulldozer", "seized two rockets": a weapon that something is done to
        is a thing, not its firing."""
        head = span.root
        if head.pos_ != "NOUN" or not {head.lemma_.lower(), head.lower_} & self.weapon_nouns:
            return False  # "two car bombs" is a weapon; "fired rockets" the act of firing
        if head.dep_ == "compound":
            head = head.head  # "destroying 8 artillery pieces"
        if _object_of(head, self.weapon_taking_verbs, passive=True) or brought_down(head, self.downing_verbs):
            return True  # "shoots down a drone": what was hit, not a strike
        # "Russian warplanes flew over Idlib", "coalition fighter jets scrambled to protect Kurdish forces", "the roar
        # of fighter jets was heard": an aircraft that only flies, or is only heard, strikes no one.
        while head.dep_ == "conj":
            head = head.head
        heard = (sound := noun_it_is_of(head)) is not None and sound.lemma_.lower() in self.sound_nouns
        return heard or (head.dep_ == "nsubj" and head.head.lemma_.lower() in self.flight_verbs)

    def _support(self, span: SpacySpan) -> bool:
        """Acts named as the support a side had ("Kurdish fighters backed by US-led coalition air strikes have held
        back the group", "drove IS from Kobane with the help of US-led air strikes"): how the side fought, told with
        its act, not an act of their own."""
        head = span.root
        if head.pos_ != "NOUN" or head.dep_ != "pobj":
            return False
        prep = head.head
        if prep.dep_ == "agent":
            return prep.head.lemma_.lower() in self.support_verbs  # "backed by air strikes"
        noun = prep.head
        return prep.lower_ == "of" and noun.lemma_.lower() in self.support_nouns and noun.dep_ == "pobj" \
            and noun.head.lower_ in {"with", "under"}  # "with the help of air strikes", "under the cover of"

    def _aimed_at(self, head: Token) -> bool:
        """"An operations room aimed at fighting the regime", "with the aim of attacking": what a thing or move is
        aimed at, not an act done."""
        prep = head.head if head.dep_ in {"pcomp", "pobj"} else None
        return prep is not None and prep.dep_ == "prep" and prep.lower_ in {"at", "of"} \
            and prep.head.lemma_.lower() in self.aim_words

    def _time_of(self, span: SpacySpan) -> bool:
        """An act already told, named to date another: "warplanes were heard over Raqqa following the attack", "the
        deal was reached before the bombing"; or an act some time from which another is dated ("Just days after a
        deadly chemical attack a woman was killed")."""
        head = span.root
        if head.pos_ == "NOUN" and head.dep_ == "pobj" and head.head.lower_ in self.time_marks:
            return measured_time_mark(head.head) or self.grammar.refers_back(head)
        # "The evacuation resumed ... days after a bombing killed more than 120 evacuees": the clause a measured time
        # mark opens tells the act another is dated from.
        clause = head if head.pos_ in {"VERB", "AUX"} else verb_above(head)
        return clause is not None and clause.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in self.time_marks and measured_time_mark(c) for c in clause.children)

    def _campaign(self, span: SpacySpan) -> bool:
        """"a 10-day-old assault", "a weeks-long offensive": violence told as so many days old or weeks long is a
        campaign, not one day's act (`campaign_spans`; "a week-long ceasefire" is an agreement)."""
        head = span.root
        return head.pos_ == "NOUN" and any(c.dep_ == "amod" and c.lemma_.lower() in {"old", "long"} and any(
            u.dep_ == "npadvmod" and u.lemma_.lower() in self.campaign_spans for u in c.children)
            for c in head.children)

    def _reason_told_again(self, span: SpacySpan) -> bool:
        """An act already told, named as the reason for another: "ordered the first direct US military action against
        Assad's government in response to the attack, launching missiles against an air base" (grammar's
        `reason_nouns` and `reason_prepositions`)."""
        head = span.root
        return head.pos_ == "NOUN" and self.grammar.reason_answering(head) is not None \
            and self.grammar.refers_back(head)

    def _no_agreement_reached(self, head: Token) -> bool:
        """An agreement's word that tells none reached: one ended or kept (`_undone`), the means of another act
        (`_means`), or one already in place (`_agreed_before`)."""
        return self._undone(head) or self._means(head) or self._agreed_before(head)

    def _agreed_before(self, head: Token) -> bool:
        """"the recent ceasefires in Aleppo and Lattakia can give the terrorist groups ...": an agreement named as one
        already in place is background, not one reached (`earlier_agreement_words`)."""
        return any(c.dep_ == "amod" and c.lower_ in self.earlier_agreement_words for c in head.children)

    def _means(self, head: Token) -> bool:
        """An agreement named, with no day of its own, as the means by which another act was done: "opposition groups
        have moved out of Aleppo through an agreement brokered by Turkey and Russia" (`means_prepositions`)."""
        return head.dep_ == "pobj" and head.head.lower_ in self.means_prepositions \
            and not any(t.ent_type_ in DATE_ENTITIES for t in head.subtree)

    def _conceded(self, span: SpacySpan) -> bool:
        """An act named as what another happened in spite of ("The YPG have expanded their control of the city despite
        the bombing of several locations by Syrian jets", `concessive_marks`): the other act's circumstance."""
        head = span.root
        return head.pos_ == "NOUN" and head.dep_ == "pobj" and head.head.lower_ in self.concessive_marks

    def _generic(self, span: SpacySpan) -> bool:
        """"All strikes are targeted against fighters": acts of a kind, not one act; "their fight against the regime":
        a side's cause; "popular support for the fight against ISIS", "a partner in the war on IS": the campaign a
        thing is for, named by its foe."""
        head = span.root
        if head.pos_ == "NOUN" and head.lemma_.lower() in self.struggle_nouns and (
                self.grammar.owned_by_a_pronoun(head)
                or (any(c.dep_ == "prep" and c.lower_ in self.foe_prepositions for c in head.children)
                    and self._joined_in(head))):
            return True
        if head.tag_ in {"NNS", "NNPS"} and any(
                c.lower_ in self.generic_determiners for c in head.children if c.dep_ in {"det", "predet", "amod"}):
            return True
        if head.pos_ == "NOUN" and head.dep_ == "pobj" and head.head.lower_ == "of" \
                and head.head.head.lemma_.lower() in self.role_nouns:
            return True  # "Russia has lost its credibility as a sponsor of negotiations": a role, not talks held
        # "High death tolls from air force attacks are not rare": acts in the subject of how often they happen.
        subject = next((a for a in [head, *head.ancestors] if a.dep_ in {"nsubj", "nsubjpass"}), None)
        return subject is not None and subject.head.lemma_ == "be" and any(
            c.dep_ == "acomp" and c.lemma_.lower() in self.frequency_adjectives for c in subject.head.children)

    def _joined_in(self, struggle: Token) -> bool:
        """Whether a struggle is named as what a thing is for or a side takes part in: "support for the fight",
        "a partner in the war on IS", "has played a pivotal role in the fight against DAESH" (the parse may hang
        "in" on the verb), "joined the fight against IS", "participating in the war on terror"."""
        if struggle.dep_ == "dobj":
            return struggle.head.lemma_.lower() in self.joining_verbs
        if struggle.dep_ != "pobj":
            return False
        governor = struggle.head.head
        return governor.pos_ in {"NOUN", "PROPN"} or governor.lemma_.lower() in self.joining_verbs or (
            governor.pos_ == "VERB" and any(c.dep_ == "dobj" and c.lemma_.lower() in self.part_nouns
                                            for c in governor.children))


def _fighters_acted_on(token: Token, span: SpacySpan, fighter_tokens: Collection[int]) -> bool:
    """Whether a word of an armed group's name belongs to the object of the act's verb: "eliminated over 75
    militants", "drove the Islamic State group out of Manbij" (its every word, up to the name's head)."""
    while token.i in fighter_tokens:
        if token.dep_ in {"dobj", "obj"} and token.head.i == span.root.i:
            return True
        if token.head.i == token.i:
            return False
        token = token.head
    return False


def _word_before(token: Token) -> Token | None:
    """The word before a token in its sentence, across a hyphen that joins them ("fire-fighting")."""
    i = token.i - 1
    if i > token.sent.start and token.doc[i].text == "-":
        i -= 1
    return token.doc[i] if i >= token.sent.start else None


def _lemma_governing(head: Token, preposition: str, direct: set[str]) -> str | None:
    """The lemma of the word that governs ``head``: through ``preposition`` when ``head`` is its object ("the end of
    the ceasefire", "describing it as an attack"), or directly by one of the ``direct`` relations."""
    if head.dep_ == "pobj" and head.head.lower_ == preposition:
        return head.head.head.lemma_.lower()
    return head.head.lemma_.lower() if head.dep_ in direct else None


def _purpose(head: Token) -> bool:
    """An act told as another's purpose or a thing's aim has not happened by that telling: "requested assistance to
    fight Boko Haram", "troops were deployed to fight militants", "a deadline to resume bombing the city". (A protest
    is told so: "took to the streets to protest".)"""
    aim = head.head if head.dep_ in {"xcomp", "dobj"} else None  # "to resume bombing": the verb the act is the aim of
    if any(verb.pos_ == "VERB" and verb.dep_ in {"advcl", "acl", "relcl"} and _infinitive(verb)
           for verb in (head, aim) if verb is not None):
        return True
    # "exerting pressure on the regime to force it to participate in the Geneva process and engage in serious
    # negotiations", "foiled an attempt by terrorists to attack the city with suicide bomb attacks": an act the aim's
    # own clauses name, up through its objects, the nouns it names a kind of, coordinated verbs and infinitives.
    word = head
    for _ in range(AIM_DEPTH):
        if word.dep_ not in {"prep", "pobj", "dobj", "conj", "xcomp", "compound"} or word.head is word:
            return False
        word = word.head
        if word.pos_ == "VERB" and word.dep_ in {"advcl", "acl", "relcl"} and _infinitive(word) and word is not head:
            return word.i < head.i
    return False


def _infinitive(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children)


# How many words up the parse an act may lie below the infinitive whose aim it is.
AIM_DEPTH = 6


def _in_a_verbless_aside(span: SpacySpan) -> bool:
    """Words between parentheses with no finite verb among them: a description of the noun before them."""
    sent = span.sent
    opening = next((t for t in reversed(span.doc[sent.start : span.start]) if t.text in {"(", ")"}), None)
    closing = next((t for t in span.doc[span.end : sent.end] if t.text in {"(", ")"}), None)
    return opening is not None and opening.text == "(" and opening.i > sent.start and closing is not None \
        and closing.text == ")" and not any(t.tag_ in FINITE_TAGS for t in span.doc[opening.i + 1 : closing.i])


def _in_a_persons_name(span: SpacySpan) -> bool:
    """"UN chief Ban Ki-moon condemned the attack": a capitalised word a person's name goes on from, in a sentence
    not written in headline case, is the name. Not the name's last word: the tagger takes a headline's "Terrorist
    Attack" or a keyword list's "Bashar Assad Airstrikes" for names."""
    doc = span.doc
    name_goes_on = span.end < len(doc) and doc[span.end].ent_iob_ == "I" and doc[span.end].ent_type_ == "PERSON"
    return name_goes_on and all(t.ent_type_ == "PERSON" and t.is_title and t.tag_ == "NNP" for t in span) \
        and all(t.ent_iob_ == "I" for t in span[1:]) and not headline_case(t.text for t in span.sent)


def _descriptive(span: SpacySpan, state_participles: set[str]) -> bool:
    """A trigger that describes a thing, a place or people rather than tells an act: a participle used as an
    adjective ("the besieged towns", "the fighting forces"), a state ("under shelling"), or one in a clause about a
    noun that says what is going on ("their brethren fighting ISIS", "Manbij, where US-backed fighters are battling
    IS", "the villages which are besieged by rebels")."""
    head = span.root
    if _in_a_verbless_aside(span):
        return True  # "24 Daesh terrorists (a terrorist group banned in Russia)": what the group is, not an act
    before = list(span.doc[max(span.sent.start, span.start - 3) : span.start])
    under = next((i for i in range(len(before) - 1, -1, -1) if before[i].lower_ == "under"), None)
    if under is not None and all(t.pos_ in {"ADJ", "VERB", "DET"} for t in before[under + 1 :]):
        return True  # "the city is under continued shelling", "under attack", "under siege": a state, not an act
    previous = span.doc[head.i - 1] if head.i > span.sent.start else None
    # "the remains of damaged and destroyed buildings": a participle joined to an adjective before a noun is one too.
    adjective = head
    while adjective.dep_ == "conj" and adjective.head.i < adjective.i and adjective.head.pos_ in {"ADJ", "VERB"}:
        adjective = adjective.head
    if adjective.dep_ == "amod" and len(span) == 1 and (head.tag_ in {"VBN", "VBG"} or head.lower_.endswith(("ed", "ing"))) \
            and (previous is None or previous.pos_ not in {"NOUN", "PROPN", "PRON"}
                 # "opposition fighters battling forces loyal to Assad", read as one noun phrase: what the fighters
                 # are doing, as "fighters battling IS" is.
                 or (head.tag_ == "VBG" and previous.dep_ == "compound" and previous.head.i == adjective.head.i)):
        return True  # (after a noun, "a plane bombed civilians", the parse took a verb for an adjective)
    if head.dep_ not in {"acl", "relcl"}:
        return False
    if head.tag_ == "VBN" and head.lemma_.lower() in state_participles:
        return True  # "Madaya, a town besieged by government forces": what the town is in, not an act
    # "fighters battling IS", "villages which are besieged by rebels": the present tense tells a state of things;
    # a perfect ("which have shelled", "selon lesquelles leurs forces ont bombardé") tells an act.
    if any(c.dep_ == "aux" and c.lemma_.lower() in PERFECT_AUXILIARIES for c in head.children):
        return False
    if head.tag_ == "VBG" and any(c.dep_ == "prep" and c.lower_ == "of" for c in head.children):
        return False  # "by terrorists' shelling of Aleppo": a gerund with "of" names the act, like a noun
    if head.tag_ == "VBG" and head.i == head.head.i + 1 and head.head.dep_ == "pobj" \
            and head.head.head.lower_ in {"in", "by"} and not _acts_on_something(head):
        # "killed in regime shelling on the town": the parse hung the act's noun on the doer's word (a verb acting on
        # something, "hit by the US-led coalition fighting the Islamic State group", says what the doer is doing).
        return False
    return head.tag_ == "VBG" or head.tag_ in PRESENT_TAGS or any(
        c.dep_ in {"aux", "auxpass"} and c.tag_ in PRESENT_TAGS for c in head.children)


def _acts_on_something(verb: Token) -> bool:
    """A verb with a direct object, or with a noun phrase right after it that the parse hung elsewhere ("the
    coalition fighting the Islamic State group")."""
    following = verb.doc[verb.i + 1] if verb.i + 1 < verb.sent.end else None
    return any(c.dep_ == "dobj" for c in verb.children) or (
        following is not None and following.pos_ in {"DET", "PROPN"} and following.dep_ != "prep")


def _result_clause(span: SpacySpan) -> bool:
    """"The army targeted the militants' gatherings on the barrens of Assal al-Ward killing the commander Abu Taha":
    an outcome told by a participle after a main clause in the past, hung by the parse on a noun of that clause (the
    comma before it lost in scraping), says what the main act did, not what the noun is doing."""
    head = span.root
    root = head.sent.root
    return head.tag_ == "VBG" and head.dep_ == "acl" and root.tag_ == "VBD" and root.i < head.head.i < head.i


PERFECT_AUXILIARIES = {"have", "avoir"}
DATE_ENTITIES = {"DATE", "TIME"}
PHRASE_ATTRIBUTES = ("LEMMA", "LOWER", "ORTH")
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
            lemma_pattern.append({"LEMMA": {"IN": sorted({word.lower(), word, *_lemmas(word, nlp)})}})
            lower_pattern.append({"LOWER": word.lower()})
    # A set of lemmas becomes one pattern per lemma: equality is tested in compiled code, a set by a Python call.
    lemma_patterns = [list(choice) for choice in itertools.product(*(
        [{"LEMMA": lemma} for lemma in token["LEMMA"]["IN"]] if isinstance(token.get("LEMMA"), dict) else [token]
        for token in lemma_pattern))]
    return [*lemma_patterns, lower_pattern]


@functools.lru_cache(maxsize=4096)
def _lemmas(word: str, nlp: Language) -> tuple[str, ...]:
    """The lemma of a pattern word, so that "seize * goods" finds "seized goods" (lemmas seize, good): a phrase
    matches on all its lemmas or all its words, and "goods" is neither the lemma nor the word of the other."""
    return tuple(t.lemma_.lower() for t in nlp(word) if t.lemma_)


def _rank(span: SpacySpan, group: LexiconGroup, grammar: Grammar) -> tuple[bool, bool, int]:
    """Which of a sentence's triggers of one type tells its event: a named kind before the catch-all "Other" ("gunmen
    threatened villagers and seized livestock" is looting), a new act before one named again, then the main
    clause's."""
    return group.sub_event_type == "Other", _named_again(span, grammar), _depth(span.root)


def _named_again(span: SpacySpan, grammar: Grammar) -> bool:
    """An act's noun that opens its sentence as its subject and refers back ("The bombings come in a bloody week")."""
    head = span.root
    return head.pos_ == "NOUN" and head.dep_ in {"nsubj", "nsubjpass"} and head.i - head.sent.start <= OPENING_WORDS \
        and grammar.refers_back(head)


# How far into its sentence a subject may stand and still open it ("The two bombings ...").
OPENING_WORDS = 2


def _depth(token: Token) -> int:
    return sum(1 for _ in token.ancestors)


class EventDetection:
    """Finds the triggers of a report, sentence by sentence, and opens an event draft for each."""

    name = "detection"
    requires = ("doc", "mention_tokens")
    adds = ("drafts",)

    def __init__(self, detector: EventDetector) -> None:
        self.detector = detector

    def __call__(self, annotated: AnnotatedDocument) -> None:
        assert annotated.doc is not None and annotated.mention_tokens is not None
        victims = {i for i, mention in annotated.mention_tokens.items() if mention.entry.inter in VICTIM_INTERS}
        fighters = {i for i, mention in annotated.mention_tokens.items()
                    if mention.entry.inter in NON_STATE_ARMED_INTERS}
        triggers = self.detector.triggers(annotated.doc, set(annotated.mention_tokens), victims, fighters)
        drafts = []
        for index in sorted(triggers):
            for trigger in triggers[index]:
                sent = trigger.span.sent
                event = Event(doc_id=annotated.document.doc_id, event_type=trigger.group.event_type,
                              sub_event_type=trigger.group.sub_event_type, trigger=trigger.span.text,
                              evidence=[Span(sent.start_char, sent.end_char)])
                drafts.append(EventDraft(trigger, event))
        annotated.drafts = drafts


def _object_of(noun: Token, verbs: set[str], *, passive: bool = False) -> bool:
    """The noun, or the list it is in ("a mortar and a bulldozer"), is what one of ``verbs`` acts on: its object, or
    with ``passive`` its passive subject."""
    while noun.dep_ == "conj":
        noun = noun.head
    return noun.dep_ in ({"dobj", "obj", "nsubjpass"} if passive else {"dobj", "obj"}) \
        and noun.head.lemma_.lower() in verbs
