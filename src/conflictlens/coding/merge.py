"""Stages ``coreference``, ``merge`` and ``records``: from event mentions to the events a report tells.

``coreference`` walks the report in order. A sentence that opens by going on about the previous event
("The operation resulted in ...") adds its evidence and deaths to it, and a claim of responsibility in it
names the perpetrator; a violent mention with no place, no named perpetrator and only an outcome word
or no date of its own ("Residents buried the dead") is the previous violence told again. Any other
mention is an event, one per place when its sentence lists several ("took over the towns of Diffa,
Arlit and Zinder": ACLED codes one event per location, the toll divided evenly).

``merge`` joins the mentions that are one event by ACLED's rule (one type, place and day): repeated
mentions of an event in a report become one. ``records`` writes each event's ACLED notes and its
content-hash id.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from copy import deepcopy
from typing import TYPE_CHECKING

from conflictlens.coding.actors import NON_STATE_ARMED_INTERS, ActorDictionary, same_state
from conflictlens.coding.annotated import AnnotatedDocument, EventDraft
from conflictlens.coding.attribution import STATUS_RANK, accused_of, blamed_acts
from conflictlens.coding.detection import REMOTE_VIOLENCE, VIOLENT_TYPES, LexiconGroup
from conflictlens.coding.fatalities import NumberWords, parse_number
from conflictlens.coding.gazetteer import admin_key, haversine_km, name_key, spelt_alike, without_article
from conflictlens.coding.grammar import (
    SIDE_CLAUSES,
    Grammar,
    answerable_for,
    headline_case,
    in_another_times_clause,
    in_phrase_of,
    noun_it_is_of,
    told_as_another,
)
from conflictlens.coding.places import (
    LEVEL_RANK,
    PlaceResolver,
    Toponym,
    area_of_unknown_place,
    elsewhere_pattern,
    names_its_province,
    place_list,
)
from conflictlens.coding.roles import military_named, state_weapons, target_tokens
from conflictlens.knowledge import Knowledge, phrase_pattern
from conflictlens.model import CIVILIANS_INTER, Actor, Claim, Event, GeoPrecision, Place, Source, Span, TimePrecision

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

TOWN_LEVELS = {"populated_place", "feature"}
# How far from a town an act was placed only near ("the outskirts of Damascus") the place that tells where it was may
# lie (Douma 12 km from Damascus's point, Eastern Ghouta 13 km).
AROUND_TOWN_KM = 30
# How far apart the days of a toll and of its parts may be: the parts may be dated to the act's start.
BREAKDOWN_DAYS = 7
# Determiners that point back at what was told ("these villages"); "the" does so with a count ("the two villages").
POINTING_DETERMINERS = {"this", "that", "these", "those"}


class MeansOfViolence:
    """The means of remote violence acts are told by, as far as they tell two acts apart."""

    def __init__(self, knowledge: Knowledge) -> None:
        conventions = knowledge.conventions
        self.placed = set(conventions["attack_means_told_after"])
        self.from_afar = set(conventions["means_from_afar"])
        placed_words = {w.lower().removesuffix("s") for w in conventions["placed_explosive_words"]}
        self.words = {sub_type: placed_words if sub_type in self.placed else {w.lower().removesuffix("s") for w in words}
                      for sub_type, words in conventions["remote_means"].items()}

    def never_one_act(self, a: Event, b: Event) -> bool:
        """"A car bomb wounded 37 people in Homs", then "two barrel bombs were dropped on a camp": an explosive set off
        where it went off and one fired or dropped from afar, each told by its own word, are never one act."""
        kinds = {a.sub_event_type, b.sub_event_type}
        return bool(kinds & self.placed and kinds & self.from_afar) and all(self._told_by_its_means(e) for e in (a, b))

    def _told_by_its_means(self, event: Event) -> bool:
        """The act's own words say its means ("car bombs", "barrel bombs"; not "attacks" typed by a weapon beside it,
        nor "the blast" or "explosive devices", which anything may be)."""
        words = {w.removesuffix("s") for w in event.trigger.lower().split()}
        return bool(words & self.words.get(event.sub_event_type, set()))


class Coreference:
    """The report's events in reading order, and the sentences that tell each."""

    name = "coreference"
    requires = ("drafts.claims", "sentences", "sentence_deaths", "sentence_dates", "toponyms", "resolved_actors",
                "running_totals",
                "sentence_attribution")
    adds = ("events", "sentence_events", "continuations")

    def __init__(self, actors: ActorDictionary, places: PlaceResolver, grammar: Grammar, knowledge: Knowledge) -> None:
        self.actors = actors
        self.places = places
        self.number_words = NumberWords.from_conventions(knowledge.conventions)
        self.continuation = grammar.opening(knowledge.conventions["continuation_nouns"], openers=True)
        self.continuation_nouns = {w.lower() for w in knowledge.conventions["continuation_nouns"]}
        self.acts_without_means = {w.lower() for w in knowledge.conventions.get("acts_without_means", [])}
        self.more_exactly = told_more_exactly(knowledge)
        self.means_unsaid = {w.lower() for w in knowledge.conventions["means_unsaid"]}
        self.sub_types_by_actor1 = sub_types_by_actor1(knowledge)
        self.claiming_verbs = {w.lower() for w in knowledge.conventions["claiming_verbs"]}
        self.doing_verbs = {w.lower() for w in knowledge.conventions["doing_verbs"]}
        self.blaming_verbs = {w.lower() for w in knowledge.attribution["accusation_verbs"]}
        self.denial_verbs = {w.lower() for w in knowledge.attribution["denial_verbs"]}
        self.person_nouns = {w.lower() for w in knowledge.conventions["person_nouns"]}
        self.told_dead_marks = {w.lower() for w in knowledge.conventions["told_dead_marks"]}
        self.death_words = {w.lower() for w in knowledge.conventions["death_words"]}
        self.casualty_words = {w.lower() for w in knowledge.conventions["casualty_words"]}
        self.toll_words = {w.lower() for w in knowledge.conventions["toll_words"]}
        self.period_words = {w.lower() for w in knowledge.conventions["toll_period_words"]}
        self.rival_toll_words = {w.lower() for w in knowledge.conventions["rival_toll_words"]}
        self.rising_verbs = {w.lower() for w in knowledge.conventions["toll_rising_verbs"]}
        self.vague_counts = {phrase.lower() for phrase in knowledge.conventions["vague_counts"]}
        self.attack_means = set(knowledge.conventions["attack_means_told_after"])
        self.grammar = grammar
        self.claimed_objects = {w.lower() for w in knowledge.conventions["claimed_objects"]}
        self.adding_words = {w.lower() for w in knowledge.conventions["adding_words"]}
        self.share_of_dead_nouns = {w.lower() for w in knowledge.conventions["share_of_dead_nouns"]}
        self.elsewhere = elsewhere_pattern(knowledge)
        self.demonstratives = {w.lower() for w in knowledge.conventions["demonstratives"]}
        self.foiling_verbs = {w.lower() for w in knowledge.conventions["foiling_verbs"]}
        self.state_words = {w.lower() for w in knowledge.conventions["state_words"]}
        self.state_weapons = state_weapons(knowledge)
        self.means = MeansOfViolence(knowledge)
        self.other_time_marks = {w.lower() for w in knowledge.conventions["other_time_marks"]}
        self.circumstance_prepositions = {w.lower() for w in knowledge.conventions["circumstance_prepositions"]}
        self.around_city = _around_cities(knowledge)

    def __call__(self, annotated: AnnotatedDocument) -> None:
        assert annotated.resolved_actors is not None and annotated.sentence_dates is not None
        events: list[Event] = []
        sentence_events: dict[int, list[Event]] = {}
        continuations: set[int] = set()
        totals = set(annotated.running_totals or ())
        for index, sent in enumerate(annotated.sentences or []):
            drafts = annotated.drafts_in(index)
            done_again = self._done_again(sent) if events else []
            claimed = self._claimed(sent, done_again) if events else set()
            opening = self.continuation.match(sent.text) if events else None
            named_before = bool(events) and self._names_what_it_named_before(sent, index, annotated, events[-1])
            opens_on_the_act = opening is not None and not any(
                self._another_act(d, events[-1], opening) for d in drafts) and not named_before
            # "Kurdish police put the death toll at 16 earlier": the toll of the act already told; after a running
            # total ("more than 300 people have been killed in air strikes since ..."), "Opposition sources say the
            # toll is much higher" is that total's.
            # "put the death toll at 494 with 90 percent killed by gas, the rest by bombs": the means a toll is broken
            # down by, with no side of their own, are the act's.
            tells_the_toll = bool(events) and annotated.sentence_deaths is not None \
                and annotated.sentence_deaths[index][0] > 0 and (
                    self._told_again(sent, self.toll_words, bare=True) and not any(d.side_one or d.side_two for d in drafts)
                    if drafts else self._tells_the_toll(sent))
            if tells_the_toll and (index - 1 in totals or any(t.lower_ in self.period_words for t in sent)):
                # "The death toll over the whole weekend was at least 44", after Sunday's 20: a period's toll.
                totals.add(index)
                continue
            if events and (opens_on_the_act or tells_the_toll or (
                    claimed and all(d.trigger.head.i in claimed for d in drafts))):
                # "The operation resulted in ...": the sentence carries on the previous event; "IS claimed
                # responsibility via its news agency", with no act of its own, claims it.
                # "Ahrar al-Sham blamed the Islamic State for the blast": who blames is no doer, whom it blames is.
                blamers = {w.idx for b in self._blames(sent) for c in b.children if c.dep_ == "nsubj" for w in c.subtree}
                named = [annotated.resolved_actors[m.start] for m in annotated.actor_mentions or []
                         if m.sentence_index == index and not m.entry.generic and m.entry.inter in {2, 3}
                         and m.start not in blamers]
                # "Authorities dismantled another explosive device planted near the bus", then "Nusra Front claimed
                # responsibility for the bombing": what is claimed, or done, is the violence told last.
                previous = next((e for e in reversed(events) if e.event_type in VIOLENT_TYPES), events[-1]) \
                    if claimed and events[-1].event_type not in VIOLENT_TYPES else events[-1]
                if done_again:  # "regime planes carried out the airstrike": the act's own doer
                    named = [*(d.event.actor1 for d in drafts
                               if d.event.actor1 is not None and not self.actors.is_vague(d.event.actor1)),
                             *self._deed_doers(sent, annotated, previous), *named]
                self._continue(previous, index, annotated, named, done_again=bool(done_again),
                               with_deaths=not self._aside_of_another_act(drafts, previous),
                               told_again=min((d.event for d in drafts), key=_vagueness, default=None),
                               where_the_act_is=self._placed_by_the_act_named(sent, annotated.own_toponyms(index)))
                sentence_events.setdefault(index, []).append(previous)
                continuations.add(index)
                continue
            if events and not drafts and not named_before and self._names_the_act(sent):
                # "It said the bombing took place near al-Jafra": where the act already told happened, even for an
                # act told only in its country ("the strikes hit the village of Al-Shafah in Deir az-Zour province").
                self._narrow_place(events[-1], index, annotated, act_named=True)
            places_named = bool(annotated.own_toponyms(index))
            for draft in drafts:
                if (not events and self._among_the_dead_told(draft) and not places_named
                        and not annotated.sentence_dates[index]) \
                        or (places_named and self._deaths_of_an_uncoded_act(draft, events)):
                    annotated.document.warnings.append(
                        f"{sent.text[:60]!r}... counts the dead of an act the report does not code: no event")
                    continue
                if events and self._among_the_dead_told(draft) and self._dead_told_outside(index - 1, annotated,
                                                                                          events[-1]):
                    # "At least 502 civilians have been killed in regime and Russian bombings" (a total the report does
                    # not code), then "Among those killed were 105 children": who were among those dead.
                    annotated.document.warnings.append(
                        f"{sent.text[:60]!r}... counts who were among the dead the sentence before told: no event")
                    continue
                if self._goes_on_about_a_total(draft, annotated, totals):
                    totals.add(index)
                    annotated.document.warnings.append(
                        f"{sent.text[:60]!r}... goes on about a running total the sentence before told: no event")
                    continue
                if events and self._its_dead_told_by_place(draft, annotated, events[-1]):
                    # "35 IS militants were killed in coalition air strikes in northern Syria", then "30 militants
                    # were killed around the town of Shadadi": ACLED codes the act where its dead are told to be.
                    events[-1].place = draft.event.place
                    if self._counted_among(draft) is None:
                        # "nine children were among those killed as they tried to cross the river": who were among
                        # the act's dead, not its toll there.
                        events[-1].fatalities = draft.event.fatalities
                        events[-1].fatalities_text = draft.event.fatalities_text
                    self._continue(events[-1], index, annotated, [], with_deaths=False)
                    sentence_events.setdefault(index, []).append(events[-1])
                    continue
                if events and self._retold_with_its_place(draft, annotated, events[-1]):
                    # "Turkish forces shelled northern Syria", then "14 militants were killed during the shelling on
                    # the city of Aleppo": the act told again, where it was.
                    events[-1].place = draft.event.place
                    if STATUS_RANK[draft.event.claim_status] > STATUS_RANK[events[-1].claim_status]:
                        events[-1].claim_status, events[-1].source = draft.event.claim_status, draft.event.source
                    self._continue(events[-1], index, annotated, [])
                    sentence_events.setdefault(index, []).append(events[-1])
                    continue
                if events and self._aftermath(draft, annotated, events[-1]):
                    named_again = _definite(draft.trigger.head)
                    self._take_means(events[-1], draft.event, annotated.opponent, named_again=named_again,
                                     hit_again=self._target_told_again(draft, annotated, events[-1]))
                    _take_exact_sub_type(events[-1], draft.event, self.more_exactly, self.means_unsaid,
                                         self.sub_types_by_actor1)
                    # "killed in the attacks west of the second city Aleppo": where the act named again was; so is
                    # where the act its casualties came from was ("after a Daesh rocket attack ... south of al-Rai").
                    self._continue(events[-1], index, annotated, [], told_again=draft.event, act_named=named_again
                                   or self._deaths_told_again(draft, with_injured=True))
                    sentence_events.setdefault(index, []).append(events[-1])
                    continue
                if index - 1 in totals and self._tells_the_toll(sent):
                    self._take_the_totals_doer(draft, (annotated.running_totals or {}).get(index - 1))
                for part in self._one_per_place(draft, annotated):
                    events.append(part)
                    sentence_events.setdefault(index, []).append(part)
        annotated.events = events
        annotated.sentence_events = sentence_events
        annotated.continuations = continuations

    def _continue(self, event: Event, index: int, annotated: AnnotatedDocument, doers: list[Actor], *,
                  done_again: bool = False, with_deaths: bool = True, told_again: Event | None = None,
                  act_named: bool = False, where_the_act_is: bool = False) -> None:
        """A sentence that goes on about the previous event adds its deaths and evidence to it, and a
        claim of responsibility ("The attack was claimed by JNIM") names its perpetrator, as a sentence that says who
        did it does ("IS said it carried out the attack"), and where ("regime planes carried out the airstrike on
        Khan Sheikhoun")."""
        assert annotated.sentences is not None and annotated.sentence_deaths is not None
        sent = annotated.sentences[index]
        # A verb of claiming claims the act only with the act, or responsibility, for its object ("IS claimed the
        # attack", "The attack was claimed by JNIM"); not "claiming it was a key to defeating IS".
        claimed = bool(self._claimed(sent, [])) or any(t.lower_ in self.claimed_objects for t in sent) or any(
            t.lemma_.lower() in self.claiming_verbs and t.pos_ == "VERB" and any(
                c.dep_ == "nsubjpass" and c.lemma_.lower() in self.continuation_nouns for c in t.children)
            for t in sent)
        # "Neither IS nor the Nusra Front has claimed the attack", "IS denied responsibility for the attack": a claim
        # denied names no doer.
        claimed = claimed and not any((t.lemma_.lower() in self.claiming_verbs and self.grammar.negated(t))
                                      or t.lemma_.lower() in self.denial_verbs for t in sent)
        if (claimed or done_again) and doers and self.actors.is_vague(event.actor1):
            event.actor1 = doers[0]
            if claimed and doers[0].inter in {2, 3}:
                event.claims.append(Claim(Source(doers[0].name, "armed_group"), "claimed", sent.text.strip(),
                                          Span(sent.start_char, sent.end_char), event.doc_id))
        self._narrow_place(event, index, annotated, act_named=done_again or act_named or where_the_act_is,
                           where_the_act_is=where_the_act_is)
        if told_again is not None and told_again.date_text and told_again.end_date is None \
                and _more_precise_within(told_again, event):
            # "airstrikes have hit a market in Idlib" (this week), then "at least 12 people were killed when several
            # airstrikes struck the city on Sunday": the act told again says its day.
            _take_date(event, told_again)
        deaths, text = annotated.sentence_deaths[index]
        # "massacring dozens of people", then "the Observatory said the attack killed at least 58": a count where
        # there was only the codebook's number for a vague word is no rival toll.
        counted_only_vaguely = (event.fatalities_text or "").lower() in self.vague_counts
        if with_deaths and deaths > event.fatalities and (
                counted_only_vaguely or not self._rival_toll(event, index, annotated)) \
                and not _vaguer_count(text, event, self.vague_counts):
            event.fatalities, event.fatalities_text = deaths, text
        span = Span(sent.start_char, sent.end_char)
        if span not in event.evidence:
            event.evidence.append(span)

    def _another_act(self, draft: EventDraft, previous: Event, opening: re.Match[str]) -> bool:
        """An act a sentence that opens on the previous one tells further on, with a doer of its own and a day other
        than the previous event's: "The bombings come in a bloody week which also saw 33 civilians killed in Aleppo
        on Thursday when government aircraft bombed a market", after Tuesday's car bombing in Homs ("The attack
        killed 32 rebels ... updating an earlier toll on Sunday" still tells the attack)."""
        event = draft.event
        other_day = event.date_text is not None and event.time_precision == TimePrecision.DAY \
            and previous.time_precision == TimePrecision.DAY and None not in (event.event_date, previous.event_date) \
            and event.event_date != previous.event_date
        return other_day and self._own_doer(draft, previous) \
            and draft.trigger.span.start_char - draft.sentence.start_char >= opening.end()

    def _names_what_it_named_before(self, sent: SpacySpan, index: int, annotated: AnnotatedDocument,
                                    event: Event) -> bool:
        """A sentence that opens on a noun the sentence before named outside the event: "Ankara began the
        unprecedented cross-border operation on August 24", then "The operation has so far captured the DAESH
        stronghold of Jarablus" goes on about that operation, not the suicide bombing told before it."""
        assert annotated.sentences is not None
        noun = next((t for t in sent if t.lemma_.lower() in self.continuation_nouns), None)
        if noun is None or index == 0:
            return False
        before = annotated.sentences[index - 1]
        return Span(before.start_char, before.end_char) not in event.evidence \
            and any(t.lemma_.lower() == noun.lemma_.lower() and t.pos_ == "NOUN" for t in before)

    def _own_doer(self, draft: EventDraft, previous: Event) -> bool:
        return bool(self.actors.identifying_names([draft.event.actor1]) - {a.name for a in previous.all_actors()})

    def _aside_of_another_act(self, drafts: list[EventDraft], previous: Event) -> bool:
        """A sentence that goes on about the event beside another act, with a doer of its own, in a clause of its own:
        "The attack came as the Observatory reported that troops had executed 48 people earlier this week". Its
        deaths are that act's, not the event's."""
        return any(self._own_doer(d, previous) and any(
            a.dep_ == "advcl" for a in [d.trigger.head, *d.trigger.head.ancestors]) for d in drafts)

    @staticmethod
    def _dead_told_outside(index: int, annotated: AnnotatedDocument, event: Event) -> bool:
        """Whether the sentence at ``index`` tells dead and is no telling of ``event``."""
        assert annotated.sentences is not None and annotated.sentence_deaths is not None
        if index < 0 or annotated.sentence_deaths[index][0] == 0:
            return False
        sent = annotated.sentences[index]
        return Span(sent.start_char, sent.end_char) not in event.evidence

    def _among_the_dead_told(self, draft: EventDraft) -> bool:
        """A sentence that only says who were among the dead ("Seventeen children and six women were among those
        killed"): the dead of an act already told, counted again by who they were (with a place or a day of its own,
        the sentence tells the act as well: "two commanders were among the dead in Idlib on Monday")."""
        dead = self._counted_among(draft)
        # The whole sentence says no more: "put the death toll at 58, saying there were 11 children among the dead"
        # tells the toll.
        return dead is not None and dead.head.head.dep_ == "ROOT" and (
            dead.lower_ in self.grammar.anaphoric_words or self.grammar.refers_back(dead))

    def _counted_among(self, draft: EventDraft) -> Token | None:
        """The dead an outcome trigger counts people among ("were among the dead", `told_dead_marks`), if it does."""
        dead = _dead_named_after(draft)
        return dead if dead is not None and dead.head.lower_ in self.told_dead_marks else None

    def _rest_of_the_dead(self, draft: EventDraft) -> bool:
        """"Four Kurdish militiamen and 11 jihadists made up the rest of the dead": who the rest of the dead already
        counted were (`share_of_dead_nouns`); whoever the sentence names are those dead, not doers."""
        dead = _dead_named_after(draft)
        return dead is not None and dead.head.lower_ == "of" \
            and dead.head.head.lemma_.lower() in self.share_of_dead_nouns and self.grammar.refers_back(dead)

    def _claimed(self, sent: SpacySpan, done_again: list[Token]) -> set[int]:
        """The words of what the sentence claims, when it claims responsibility ("IS claimed responsibility for the
        attack") or the act already told ("the group claimed the attack"), or says who did it ("IS said it carried
        out the attack in Qamishli": ``done_again``, `_done_again`): an act there is that act, not another."""
        claimed = {w.i for t in sent if t.lemma_.lower() in self.claiming_verbs and t.pos_ == "VERB"
                   for c in self._claimed_objects(t) if c.lower_ in self.claimed_objects or (
                       c.lemma_.lower() in self.continuation_nouns and _definite(c))
                   for w in c.subtree}
        # "the regime, which denied any responsibility for the attack": whoever takes or denies it, the act whose
        # responsibility is at stake is the one told.
        owned = {w.i for t in sent if t.lower_ in self.claimed_objects
                 for p in [*t.children, *t.head.children] if p.dep_ == "prep" and p.lower_ == "for"
                 for act in p.children if act.dep_ == "pobj" and act.lemma_.lower() in self.continuation_nouns
                 and _definite(act) for w in act.subtree}
        return claimed | owned | {w.i for c in done_again for w in c.subtree}

    def _done_again(self, sent: SpacySpan) -> list[Token]:
        """The act already told, named again as what someone did: "carried out the attack", "three of its fighters
        were involved in the attack", "the attack was likely carried out by government warplanes" (not "It was not
        clear who carried out the strikes": that names no one); as what someone is behind or responsible for; or as
        what someone is blamed for ("..., the Observatory said, blaming the attack on forces loyal to Assad")."""
        done = [c for t in sent if t.lemma_.lower() in self.doing_verbs and t.pos_ == "VERB"
                and not self.grammar.negated(t) and any(s.dep_ in {"nsubj", "nsubjpass"} and s.tag_ not in {"WP", "WDT"}
                        for s in [*t.children, *_raised_subjects(t)])
                for c in [*t.children, *(g for p in t.children if p.dep_ == "prep" and p.lower_ == "in"
                                         for g in p.children), *_raised_subjects(t)]
                if (c.dep_ in {"dobj", "obj", "pobj"} or (c.dep_ == "nsubjpass" and _has_agent(t))
                    or c in _raised_subjects(t))
                and c.lemma_.lower() in self.continuation_nouns and _definite(c)]
        # "IS is believed to be behind the attack", "Regime aircraft were responsible for the attacks": who is
        # answerable for it did it.
        answered_for = [t for t in sent if t.lemma_.lower() in self.continuation_nouns and _definite(t)
                        and (who := answerable_for(t, self.grammar.copulas)) is not None
                        and not self.grammar.negated(who.head)]
        return done + answered_for + [act for blame in self._blames(sent) for act in blamed_acts(blame)
                                      if act.lemma_.lower() in self.continuation_nouns and _definite(act)]

    def _blames(self, sent: SpacySpan) -> list[Token]:
        """The sentence's verbs of blame that blame ("neither Ahrar al-Sham nor the Islamic Front blamed any group for
        the blast" blames no one)."""
        return [t for t in sent if t.lemma_.lower() in self.blaming_verbs and t.pos_ == "VERB"
                and not self.grammar.negated(t)]

    def _deed_doers(self, sent: SpacySpan, annotated: AnnotatedDocument, event: Event) -> list[Actor]:
        """Who did the act already told, by the agent of the verb that names it again as a deed: forces named there
        ("the strikes were probably carried out by regime forces"), or the military whose weapons they were ("The
        attack was most likely carried out by Russian warplanes", "the raids were carried out by either Syrian or
        Russian aircraft", "by aircraft belonging to the Syrian government"; "government warplanes", the military of
        the act's country). Not who a relative clause names: "Russian planes which operate in support of the Assad
        regime" are Russia's."""
        mentioned = {m.start: (a, m.end) for m in annotated.actor_mentions or []
                     if (a := (annotated.resolved_actors or {}).get(m.start)) is not None and not self.actors.is_vague(a)}
        countries = {t.token_end - 1: t.country_code for t in annotated.toponyms or [] if t.country_code}
        local_country = event.place.country if event.place is not None else None
        doers: list[Actor] = []
        for blame in self._blames(sent):
            accused = accused_of(blame, self.continuation_nouns)
            doers += [mentioned[w.idx][0] for w in accused.subtree if w.idx in mentioned] if accused is not None else []
        for verb in (t for t in sent if t.lemma_.lower() in self.doing_verbs and t.pos_ == "VERB"):
            for agent in (o for a in verb.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"):
                # "by Syrian government or Russian war planes": the weapons of both
                weapons = any(w.lower_ in self.state_weapons for w in [agent, *agent.conjuncts])
                relative = {t.i for w in agent.subtree if w.dep_ == "relcl" for t in w.subtree}
                told = [w for w in agent.subtree if w.i not in relative]
                mention_end = -1
                for word in told:
                    if word.idx in mentioned:
                        actor, mention_end = mentioned[word.idx]
                        military = self.actors.military_of(actor.country or "") if weapons and actor.inter == 1 else None
                        doers.append(military or actor)
                    elif weapons and word.idx >= mention_end and (military := military_named(
                            word, countries, local_country, self.actors, self.places, self.state_words)) is not None:
                        doers.append(military)
        return doers

    @staticmethod
    def _claimed_objects(verb: Token) -> list[Token]:
        """What a claiming verb claims: its object, or, where the parse hung the noun phrase after it elsewhere
        ("Daesh claimed the attack via its Amaq news agency saying ...", "the attack" read as the subject of
        "saying"), the noun that closes the noun phrase right after it."""
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        if objects:
            return objects
        for word in verb.doc[verb.i + 1 : verb.sent.end]:
            if word.pos_ in {"NOUN", "PROPN"} and word.dep_ not in {"compound", "nmod"}:
                return [word]
            if word.pos_ not in {"DET", "ADJ", "NUM", "NOUN", "PROPN", "PART"}:
                break
        return []

    def _take_means(self, event: Event, more: Event, opponent: Actor | None, *, named_again: bool = False,
                    hit_again: bool = False) -> None:
        """An attack told without its means, then by its weapon ("The attack took place as evacuees waited", "A
        suicide car bomb hit the buses"), is violence of that weapon's kind: with no side named and no dead (armed men
        among them would make it a fight), it was a battle only for want of one; ``hit_again``: the weapon's sentence
        told what the attack hit again ("targeted the two neighborhoods with explosive ammunition")."""
        named = [a for a in (event.actor1, event.actor2) if a is not None and a.surface is not None
                 and a != opponent]  # the report's armed side, implied for a battle, names no one
        if more.event_type != REMOTE_VIOLENCE or event.trigger.lower() not in self.acts_without_means:
            return
        if event.event_type == "Battles" and not named and not event.fatalities:
            event.event_type, event.sub_event_type = more.event_type, more.sub_event_type
            _drop_implied_opponent(event, more, opponent)
        elif event.event_type == "Violence against civilians" and event.sub_event_type == "Attack" and not named_again \
                and (more.sub_event_type in self.attack_means or hit_again):
            # "A double terrorist attack in Homs has claimed the lives of 18 civilians", then "two car bombs went off
            # near the school": an attack on civilians by explosives is remote violence, its victims civilians
            # (`attack_means_told_after`; not when the weapon's act is one told before, named again: "the bombing").
            event.event_type, event.sub_event_type = more.event_type, more.sub_event_type

    def _tells_the_toll(self, sent: SpacySpan) -> bool:
        """A sentence about the toll already told ("Kurdish police put the death toll at 16", "the toll rose to 20"):
        the toll word refers back."""
        return self._told_again(sent, self.toll_words)

    def _rival_toll(self, event: Event, index: int, annotated: AnnotatedDocument) -> bool:
        """Another teller's count of the act already told, which ACLED, keeping the lowest credible figure, does not
        take over it: one told as such ("Rescue workers gave a higher toll of 23 dead"), or one of an act already
        sourced and counted, by another teller, with no word that the toll rose ("Airstrikes killed at least 85
        civilians, activists said", then "Aamaq claimed 160 civilians were killed"; "the toll rose to 90" is taken)."""
        assert annotated.sentence_attribution is not None and annotated.sentences is not None
        sent = annotated.sentences[index]
        if any(t.lower_ in self.toll_words and any(c.dep_ == "amod" and c.lower_ in self.rival_toll_words
                                                   for c in t.children) for t in sent):
            return True
        teller = annotated.sentence_attribution[index].claimant
        return event.fatalities > 0 and teller is not None and event.source is not None \
            and teller.name != event.source.name and not any(t.lemma_.lower() in self.rising_verbs for t in sent)

    def _names_the_act(self, sent: SpacySpan) -> bool:
        """The sentence's subject is the act already told, named again: "the bombing took place ...", "The strikes
        hit ..."; or its main verb was done in it ("The clinic in the village of Khan Tuman was levelled in the
        strike")."""
        return any(t.lemma_.lower() in self.continuation_nouns and _definite(t) and (
            t.dep_ in {"nsubj", "nsubjpass"} or (t.dep_ == "pobj" and t.head.lower_ == "in" and t.head.head.pos_ == "VERB"))
            for t in sent)

    def _placed_by_the_act_named(self, sent: SpacySpan, toponyms: list[Toponym]) -> bool:
        """The act already told is the subject again and the sentence names places only in what that verb says of it:
        "The blast on Sunday night struck the Atme border crossing between Turkey and the province of Idlib"; not "The
        latest attack comes one week after a suicide bomber blew himself up at a border crossing in Idlib", nor "The
        attack was the worst since an attack on Damascus" (what the act is, and another act's place)."""
        acts = [t for t in sent if t.lemma_.lower() in self.continuation_nouns and _definite(t)
                and t.dep_ in {"nsubj", "nsubjpass"} and t.head.lemma_.lower() not in self.grammar.copulas]
        if not acts or not toponyms:
            return False
        verb = acts[0].head
        clause = {w.i for w in verb.subtree} - {
            w.i for c in verb.subtree if (c.dep_ in SIDE_CLAUSES | {"relcl"} and c.head == verb) or (
                c != acts[0] and c.pos_ == "NOUN" and c.lemma_.lower() in self.continuation_nouns) for w in c.subtree}
        return all(t.token_start in clause for t in toponyms)

    def _narrow_place(self, event: Event, index: int, annotated: AnnotatedDocument, *, act_named: bool = False,
                      where_the_act_is: bool = False) -> None:
        """A later sentence about the event that names a place inside the event's region ("The strikes hit the
        village of Al-Shafah in Deir az-Zour province") tells where exactly it happened; one that says where the act
        named again was (``where_the_act_is``, `_placed_by_the_act_named`) tells it for an event placed only where the
        report is about, however exactly that was found."""
        # "Extremists in Syria admit killing 30 Alawites" (placed where the report is), then "its militants entered
        # the villages of Massudiyeh and Jab al-Jerah in Homs province and carried out the massacre": where the act
        # named again was, wherever the report is about.
        inherited = act_named and not _placed_by_its_words(event, annotated)
        moved = inherited and where_the_act_is
        # A country is too wide: a sentence that goes on about the event may name any of its towns for another reason,
        # unless it names the act itself.
        if event.place is None or (event.place.geo_precision == GeoPrecision.EXACT and not moved) or (
                event.place.level == "country" and not act_named):
            return
        # A village the gazetteer lacks lies in the event's region, or for an event placed only in its country, in the
        # part of it the report is about. "The shelling comes a day after the fall of Yabrud": a place in a clause a
        # span of time dates against the act is another act's; "The deadly raid comes amid a massive aerial offensive
        # targeting Aleppo city": a place in the circumstances it came about in is the campaign's.
        assert annotated.doc is not None
        toponyms = [t for t in annotated.own_toponyms(index)
                    if not in_another_times_clause(annotated.doc[t.token_end - 1], self.other_time_marks, measured=True)
                    and not in_phrase_of(annotated.doc[t.token_end - 1], self.circumstance_prepositions)]
        known = {id(t): self.places.to_place(t) for t in toponyms if not t.unresolved}
        # "the villages of Massudiyeh and Jab al-Jerah in Homs province": the region the sentence names with it.
        region = next((p for p in known.values() if p is not None and p.level in {"admin1", "admin2"}
                       and event.place.country_code in {None, p.country_code}), None)
        around = region or area_of_unknown_place(event.place, annotated.focus)
        places = [self.places.unresolved_place(toponym, around=around) if toponym.unresolved else known[id(toponym)]
                  for toponym in toponyms]
        if event.place.level in TOWN_LEVELS and any(p is not None and p.geonameid == event.place.geonameid
                                                    for p in places):
            return  # "around the town of Sukhna and near Palmyra", of strikes near Palmyra: its town among others
        # "The strikes hit the town of Douma which lies in the Eastern Ghouta region": a name the gazetteer lacks
        # beside a town it knows is the town's surroundings.
        known_town = any(p is not None and p.geonameid is not None and p.level in TOWN_LEVELS
                         and p.geo_precision == GeoPrecision.EXACT and not t.division_word
                         for t, p in zip(toponyms, places, strict=True))
        for place in places:
            # "the attack in Al-Horra" after "a village in the province of Hama": a village the gazetteer lacks
            # names the event's place within its region.
            # "The blast struck the Atme border crossing between Turkey and the province of Idlib", of a bombing placed
            # only where the report is about (Azaz, in Aleppo): the province the act named again is said to be in.
            if place is not None and (place.geonameid is not None or not known_town) and (
                    _narrower(place, event.place) or self._outside_its_city(place, event.place) or (
                        inherited and place.country_code == event.place.country_code and (
                            place.level in TOWN_LEVELS or (moved and place.level == "admin1"
                                                           and not _contains(place, event.place))))):
                event.place = place
                return

    def _outside_its_city(self, place: Place, near: Place) -> bool:
        """A town of the countryside division around a city (`countryside_divisions`) tells more exactly an event
        placed only near that city: "outside the capital Damascus", then "the town of Douma" (Rif Dimashq)."""
        return near.level in TOWN_LEVELS and near.geo_precision == GeoPrecision.NEAR and place.level in TOWN_LEVELS \
            and place.geonameid is not None and near.admin1 is not None and place.admin1 is not None \
            and _countryside_of(place.admin1, near.admin1, self.around_city)

    def _aftermath(self, draft: EventDraft, annotated: AnnotatedDocument, previous: Event) -> bool:
        """A sentence that only tells more of the previous violence ("Residents buried the dead", "the drone struck
        the market around midday", "the attack took place on Wednesday"): no place and no perpetrator of its own,
        and only an outcome word, no date of its own, or the act named as one already told."""
        event = draft.event
        assert annotated.sentence_dates is not None
        if self.elsewhere.search(draft.sentence.text.lower()):
            return False  # "Elsewhere in the country, 12 rebels were killed in clashes": another act
        # "Police officers and the army unit resisted and foiled the attack": the act told before, beaten off by its
        # defenders (a fight's word, but no fight of their own).
        foiled_again = any(w.dep_ in {"dobj", "obj"} and _definite(w) and w.head.lemma_.lower() in self.foiling_verbs
                           for w in [draft.trigger.head, *draft.trigger.span])
        if _a_fight(draft.trigger.group) and previous.event_type != "Battles" and not foiled_again:
            return False  # "19 regime fighters were killed in the fighting", after air raids: a fight, not the raids
        # "A hospital source in Hassakeh said there were 20 dead": where the source sits is not a place of its own.
        # "ISIS terrorists detonated two car bombs ... ISIS attack was an attempt to hold back the army": the act
        # said to be something, by the doer the previous act already had, is no new one.
        # "ISIL also lost 15 militants in the attack": the act already told, named again as what the doer's losses
        # came in.
        if self._rest_of_the_dead(draft) and previous.event_type in VIOLENT_TYPES:
            return True
        doers = self.actors.doer_names(event)
        act = draft.trigger.head
        # "the army said the casualties came after a Daesh rocket attack": the dead and injured already told, and how
        # they came to be, by the doer the previous act already had.
        harmed_told_again = self._deaths_told_again(draft, with_injured=True)
        if doers and (_described(act) or (_definite(act) and act.dep_ == "pobj") or harmed_told_again):
            doers -= {a.name for a in [previous.actor1, *previous.assoc_actor_1] if a is not None}
        if act.dep_ in {"dobj", "obj"} and any(c.dep_ == "det" and c.lower_ in self.demonstratives
                                               for c in act.children):
            # "the YPG and Kurdish security forces were able to crush this attack": the act just told, whatever part
            # the sentence's sides had in what they did to it (not "IS is said to be behind this attack": its doer).
            doers = set()
        if foiled_again:
            doers = set()  # the defenders
        if event.event_type not in VIOLENT_TYPES or previous.event_type not in VIOLENT_TYPES or doers \
                or self.means.never_one_act(event, previous):
            return False
        if not annotated.own_toponyms(draft.sentence_index):
            return (draft.trigger.group.outcome or not annotated.sentence_dates[draft.sentence_index]
                    or _definite(draft.trigger.head)) and not self._scene_moved(draft, annotated, previous)
        if _more_dead(draft.sentence, self.adding_words, self.death_words):
            return False  # "Another seven people were killed in raids on Kafr Takharim": dead of an act elsewhere
        # "It said the bombing took place near the al-Jafra area": the act already told, as the subject, and where.
        named_again = draft.trigger.head.dep_ in {"nsubj", "nsubjpass"} and _definite(draft.trigger.head) \
            and not annotated.sentence_dates[draft.sentence_index] and _may_be_where_it_was(draft.event, previous)
        return named_again or self._retold_where_it_was(draft, previous) or self._victim_told_again(draft, previous) \
            or self._target_told_again(draft, annotated, previous) or self._among_the_dead_of_the_act(draft, previous) \
            or (harmed_told_again and _may_be_where_it_was(draft.event, previous))

    @staticmethod
    def _scene_moved(draft: EventDraft, annotated: AnnotatedDocument, previous: Event) -> bool:
        """The sentence just before, outside the previous act, set the scene this act is placed at, elsewhere:
        "pro-regime fighters surged towards Tabqa", then "There are fierce clashes now" tells a fight there, not more
        of the Raqqa counteroffensive told before."""
        place, before = draft.event.place, draft.sentence_index - 1
        if not previous.evidence or place is None or place.geonameid is None or before < 0 or _may_be_where_it_was(
                draft.event, previous):
            return False
        scene = (annotated.sentences or [])[before]
        # The scene is that place alone: a sentence listing towns the army "restored security to" sets none.
        named = [t for t in annotated.own_toponyms(before) if t.country_code is None]
        return max(span.end for span in previous.evidence) <= scene.start_char and bool(named) and all(
            t.chosen is not None and t.chosen.geonameid == place.geonameid for t in named)

    def _retold_with_its_place(self, draft: EventDraft, annotated: AnnotatedDocument, previous: Event) -> bool:
        """The act just told, named again by its own means ("the shelling"), with no doer or other day of its own,
        at a place in the country of an act whose sentence named no place narrower than a country: where it was."""
        event, act = draft.event, draft.trigger.head
        if not (_definite(act) and previous.evidence and event.place is not None and previous.place is not None
                and event.sub_event_type == previous.sub_event_type and not self.actors.doer_names(event)
                and event.place.level != "country" and event.place.country_code == previous.place.country_code):
            return False
        if event.event_date is not None and previous.event_date is not None \
                and event.time_precision == TimePrecision.DAY and event.event_date != previous.event_date:
            return False
        told = annotated.sentence_first_telling(previous)
        return told is not None and told < draft.sentence_index \
            and annotated.names_no_place_below_a_country(told)

    def _its_dead_told_by_place(self, draft: EventDraft, annotated: AnnotatedDocument, previous: Event) -> bool:
        """Part of the previous act's dead, told with no act, doer or day of their own, at a place within the
        country or province the act was told in, or in the countryside around the city it was told near ("on the
        outskirts of Damascus", then "The highest toll was in Douma"): where that act was."""
        event = draft.event
        assert annotated.sentence_dates is not None
        return draft.trigger.group.outcome and not self.actors.doer_names(event) \
            and previous.event_type in VIOLENT_TYPES \
            and 0 < event.fatalities < previous.fatalities and not annotated.sentence_dates[draft.sentence_index] \
            and event.place is not None and previous.place is not None and event.place.geonameid is not None \
            and event.place.country_code == previous.place.country_code \
            and (_contains(previous.place, event.place) or self._outside_its_city(event.place, previous.place))

    def _goes_on_about_a_total(self, draft: EventDraft, annotated: AnnotatedDocument, totals: set[int]) -> bool:
        """"Russian and government airstrikes on the province have intensified since rebels launched a campaign on
        July 31" (a running total, left out), then "The strikes have killed 122 civilians": the acts named again are
        that total's, with no day or place of their own, not the event told before it, as are the dead it counts
        ("The deaths include 65 people killed in rebel fire on government neighbourhoods"); "Another 327 civilians
        have been killed in fighting in Aleppo province" adds to it (``totals``: the sentences told as totals so
        far); so do dead told with no act of their own ("the government reported a chemical weapons attack on March
        19", left out as history, then "It said at least 26 people were killed")."""
        index = draft.sentence_index
        sent = draft.sentence
        assert annotated.sentence_dates is not None
        if index - 1 not in totals or annotated.sentence_dates[index]:
            return False
        return _more_dead(sent, self.adding_words, self.death_words) or (not annotated.own_toponyms(index) and (
            self._act_named_again(sent) or self._deaths_told_again(draft) or draft.trigger.group.outcome))

    def _take_the_totals_doer(self, draft: EventDraft, doer: Actor | None) -> None:
        """"Rebel groups have fired rockets into Damascus neighbourhoods killing at least 16 people since Thursday"
        (a running total, left out), then "The toll included two people killed by rocket fire on Sunday": the day's
        act is one of the total's, done by its doer."""
        if not self.actors.is_unidentified(doer) and self.actors.is_unidentified(draft.event.actor1):
            draft.event.actor1 = doer

    def _act_named_again(self, sent: SpacySpan) -> bool:
        """Whether the sentence names an act already told ("the strikes", "the attack")."""
        return any(t.lemma_.lower() in self.continuation_nouns and _definite(t) for t in sent)

    def _deaths_told_again(self, draft: EventDraft, *, with_injured: bool = False) -> bool:
        """"At least 10 soldiers were killed on Tuesday in clashes with IS in Deir Ezzor province", then "The
        Observatory said the deaths came in fighting in Hawijat Sakr": the dead (``with_injured``: or all who were
        hit, "the casualties") already told, as the subject, and where and how they died."""
        words = self.death_words | self.casualty_words if with_injured else self.death_words
        return self._told_again(draft.sentence, words, subjects_only=True)

    def _deaths_of_an_uncoded_act(self, draft: EventDraft, events: list[Event]) -> bool:
        """The dead or the toll told again, somewhere other than the event told last: "Another 327 civilians have
        been killed in fighting in Aleppo province" (a running total, no event), then "The toll includes 126 people
        killed by rebel shelling of government-held parts of Aleppo city" after an air strike in Idlib. The toll
        they refer to is no event's (the sentence names the place it tells of: one that names none goes on about
        the event told last; "the death toll from a bomb attack outside Aleppo" names its act)."""
        # "airstrikes on the outskirts of Damascus killed 22", then "The highest toll was in Douma": a town of the
        # countryside around the city the act was placed near may be where it was.
        place, near = draft.event.place, events[-1].place if events else None
        return bool(events) and self._told_again(draft.sentence, self.death_words, subjects_only=True, bare=True) \
            and not _may_be_where_it_was(draft.event, events[-1]) \
            and not (place is not None and near is not None and self._outside_its_city(place, near))

    def _told_again(self, sent: SpacySpan, words: set[str], *, subjects_only: bool = False, bare: bool = False) -> bool:
        """Whether one of ``words`` refers back to what the text told ("the deaths", "the death toll"); with ``bare``,
        without a phrase that says what of ("the toll from the bombing")."""
        return any(t.lemma_.lower() in words and self.grammar.refers_back(t)
                   and (not subjects_only or _subject_or_part_of_it(t))
                   and not (bare and any(c.dep_ == "prep" for c in t.children)) for t in sent)

    def _among_the_dead_of_the_act(self, draft: EventDraft, previous: Event) -> bool:
        """"Russian air strikes have killed 18 IS fighters ... near Palmyra", then "European members of IS were among
        the dead in the strikes around the town of Sukhna and near Palmyra": who died in the act already told, named
        again ("the strikes"), in the same province."""
        event = draft.event
        return self._counted_among(draft) is not None and self._act_named_again(draft.sentence) \
            and event.place is not None \
            and previous.place is not None and event.place.country_code == previous.place.country_code \
            and event.place.admin1 == previous.place.admin1

    def _victim_told_again(self, draft: EventDraft, previous: Event) -> bool:
        """"Another woman was killed in a sniper fire ... in Quneitra province", then "the woman succumbed to her
        wounds after she was injured by a sniper shot in Hadar town": the one who died, named again, at a place
        within the previous event's."""
        event = draft.event
        victims = [t for t in draft.sentence if t.dep_ in {"nsubj", "nsubjpass"} and _definite(t)
                   and t.lemma_.lower() in self.person_nouns]
        return draft.trigger.group.outcome and bool(victims) and event.place is not None and previous.place is not None \
            and _contains(previous.place, event.place)

    @staticmethod
    def _target_told_again(draft: EventDraft, annotated: AnnotatedDocument, previous: Event) -> bool:
        """"attacks carried out by Jaish al-Islam on the neighborhoods of al-Sabaa Bahrat and al-Sinaa", then "The
        terrorists positioned in Eastern Ghouta targeted the two neighborhoods with explosive ammunition": what the act
        hit, counted or pointed at again by the noun the previous act's sentence named it with, on no other day, is
        that act told again."""
        event = draft.event
        if not previous.evidence or (event.time_precision == TimePrecision.DAY and previous.event_date is not None
                                     and event.event_date != previous.event_date):
            return False
        told = annotated.sentence_first_telling(previous)
        if told is None or told >= draft.sentence_index:
            return False
        nouns = {t.lemma_.lower() for t in (annotated.sentences or [])[told] if t.pos_ == "NOUN"}
        return any(target.pos_ == "NOUN" and target.lemma_.lower() in nouns and any(
            c.dep_ == "nummod" or (c.dep_ == "det" and c.lower_ in POINTING_DETERMINERS) for c in target.children)
            and any(c.dep_ == "det" for c in target.children) for target in draft.targets)

    def _retold_where_it_was(self, draft: EventDraft, previous: Event) -> bool:
        """"US air strikes killed 50 militants near Aleppo", then "Most of the 50 fighters killed in the attacks west
        of Aleppo were foreigners": the act named again, by a word that tells no means, where the previous one was,
        or at a place within it ("a car bomb killed 34 in a village in Hama province", then "50 were wounded in the
        attack in Al-Horra")."""
        head, event = draft.trigger.head, draft.event
        return _definite(head) and head.lower_ in self.acts_without_means and _where_it_was(event, previous) \
            and (event.event_date is None or previous.event_date is None or event.time_precision != TimePrecision.DAY
                 or event.event_date == previous.event_date)

    def _one_per_counted_place(self, draft: EventDraft, annotated: AnnotatedDocument) -> list[Event]:
        """"killed 19 people outside the city of Saraqeb and another 23 in the town of Ehsim": a toll the sentence
        tells place by place, each count followed by its own place before the next count, is an act at each place
        with its count (none where a count has no place of its own)."""
        event = draft.event
        counts = [part.strip() for part in (event.fatalities_text or "").split(";")]
        if len(counts) < 2 or event.place is None:
            return []
        sent = draft.sentence
        positions: list[int] = []
        for count in counts:
            start = positions[-1] + 1 if positions else sent.start
            found = next((t.i for t in sent.doc[start : sent.end] if t.text == count), None)
            if found is None:
                return []
            positions.append(found)
        places = [t for t in annotated.own_toponyms(draft.sentence_index) if not t.qualifier and not t.street
                  and not t.country_code and (t.chosen is not None or t.unresolved)]
        parts = []
        for index, (count, at) in enumerate(zip(counts, positions, strict=True)):
            end = positions[index + 1] if index + 1 < len(positions) else sent.end
            own = [t for t in places if at < t.token_start < end]
            value = parse_number(count, self.number_words)
            if not own or value is None:
                return []
            toponym = own[0]
            part = deepcopy(event)
            located = self.places.unresolved_place(toponym, around=event.place) if toponym.unresolved \
                else self.places.to_place(toponym)
            if located is None:
                return []
            part.place, part.place_from_list = located, True
            part.fatalities, part.fatalities_text = value, count
            parts.append(part)
        return parts if len({(p.place.name if p.place else None) for p in parts}) == len(parts) else []

    def _one_per_place(self, draft: EventDraft, annotated: AnnotatedDocument) -> list[Event]:
        """ACLED codes one event per location: "soldiers took over the towns of Diffa, Arlit, Zinder and Agadez"
        is four events, alike but for the place. A toll the sentence gives for them all is divided evenly, the
        remainder going to the first, so the report's total stands."""
        event = draft.event
        place = event.place
        if place is None:
            return [event]
        counted = self._one_per_counted_place(draft, annotated)
        if counted:
            return counted
        if place.geonameid is None:
            return [event]
        toponyms = annotated.sentence_toponyms(draft.sentence_index)
        member = next((t for t in toponyms if t.chosen is not None and t.chosen.geonameid == place.geonameid), None)
        if member is None:
            return [event]
        listed = place_list(draft.sentence.doc, toponyms, member)
        places = [p for p in (self.places.unresolved_place(t, around=place) if t.unresolved else self.places.to_place(t)
                              for t in listed) if p is not None]
        if len(places) < 2:
            return [event]
        share, remainder = divmod(event.fatalities, len(places))
        parts = []
        for index, listed_place in enumerate(places):
            part = deepcopy(event)
            part.place, part.place_from_list = listed_place, True
            part.fatalities = share + (remainder if index == 0 else 0)
            parts.append(part)
        return parts


# How many days apart an opening sentence may date the event its body tells (the article's day, the act's day).
HEADLINE_DAYS = 3


class Merge:
    """ACLED codes one event per type, place and day: repeated mentions in a report become one."""

    name = "merge"
    requires = ("events", "events.claim_links", "sentences", "reference_date")
    adds = ("events.merged",)

    def __init__(self, actors: ActorDictionary, knowledge: Knowledge, grammar: Grammar) -> None:
        self.actors = actors
        self.grammar = grammar
        self.merge_km = float(knowledge.conventions.get("merge_distance_km", 25))
        self.surroundings_km = self.merge_km * float(knowledge.conventions.get("merge_surroundings_factor", 1))
        self.retold_toll_min = int(knowledge.conventions["retold_toll_min"])
        self.one_violence_order = list(knowledge.conventions.get("one_violence", []))
        self.vague_counts = {phrase.lower() for phrase in knowledge.conventions["vague_counts"]}
        # The countryside division around a city that is a division of its own, and that city's division.
        self.around_city = _around_cities(knowledge)
        self.other_place_openers = phrase_pattern(knowledge.conventions["other_place_openers"])
        self.adding_words = {w.lower() for w in knowledge.conventions["adding_words"]}
        self.one_violence = set(self.one_violence_order)
        self.context_sub_types = set(knowledge.conventions.get("context_beside_violence", []))  # sub-event types
        self.foiled_attack_words = {w.lower() for w in knowledge.conventions.get("foiled_attack_words", [])}
        self.any_sub_type = set(knowledge.conventions.get("one_event_whatever_sub_type", []))
        self.more_exactly = told_more_exactly(knowledge)
        self.means_unsaid = {w.lower() for w in knowledge.conventions["means_unsaid"]}
        self.means = MeansOfViolence(knowledge)
        self.outcomes_in_passing = set(knowledge.conventions.get("outcomes_told_in_passing", []))
        self.demonstration_types = set(knowledge.conventions.get("demonstration_types", []))
        self.met_at_demonstration = dict(knowledge.conventions.get("met_at_demonstration", {}))
        self.part_of_demonstration = {w.lower() for w in knowledge.conventions.get("part_of_demonstration_words", [])}
        self.crowd_inters = set(knowledge.conventions.get("crowd_inters", []))
        self.met_on_the_crowd = set(knowledge.conventions.get("met_only_on_the_crowd", []))
        self.protest_severity = {sub: rank for rank, sub in enumerate(knowledge.taxonomy.get("Protests", []))}
        self.death_words = {w.lower() for w in knowledge.conventions["death_words"]}
        self.acts_without_means = {w.lower() for w in knowledge.conventions.get("acts_without_means", [])}
        self.raid_nouns = {w.lower() for w in knowledge.conventions["raid_nouns"]}
        self.coalition_leaders: dict[str, str] = dict(knowledge.conventions.get("coalition_leaders", {}))
        self.sub_types_by_actor1 = sub_types_by_actor1(knowledge)

    def __call__(self, annotated: AnnotatedDocument) -> None:
        events = annotated.events or []
        violence = [e for e in events if e.event_type in VIOLENT_TYPES and e.kind == "event" and e.evidence]
        # Events a mention dated to a day by its own words (not the date the report opens with); an opening told again
        # only by its toll ("the death toll has risen to 112, a monitor said Sunday") is still dated by the report,
        # and the body's later telling of the act, on its day, is still its telling.
        own_days = _sentences_dating_their_act(annotated)
        dated = {id(e) for e in events if any(span.start in own_days for span in e.evidence)}
        events = self._toll_told_first(self._without_listed_sums(self._without_sums(events), annotated), annotated)
        merged = self._merged(events, violence, annotated, dated)
        while len(again := self._merged(merged, violence, annotated, dated)) < len(merged):
            # A join can make two events one that were not before ("more than 30 killed" took the body's 31).
            merged = again
        reported_violence = [e for e in merged if e.event_type in VIOLENT_TYPES and e.kind == "event"]
        annotated.events = [e for e in merged if not self._told_in_passing(e, reported_violence)]
        for event in annotated.events:
            if event.sub_event_type == "Air/drone strike" and self._implied_armed_group(event.actor1):
                # "heavy bombardment" (an unidentified armed group implied for its doer), then "More than a dozen
                # airstrikes": no armed group flies; as for an air strike told alone, the doer stays untold.
                event.actor1 = None
            self._sub_type_of_its_doer(event)

    def _sub_type_of_its_doer(self, event: Event) -> None:
        """Ground is won by a side of the kind its sub-type names (`sub_types_by_actor1`: a state regains territory, a
        non-state group overtakes it). "rebel forces have captured villages", then "the army hit back, sparking fierce
        fighting" with the rebels: the rebels, the other side, won it; where neither side is of that kind, the
        sub-type is the one of actor1's kind."""
        kinds = self.sub_types_by_actor1.get(event.sub_event_type)
        if kinds is None or event.actor1 is None or event.actor1.inter in kinds:
            return
        if event.actor2 is not None and event.actor2.inter in kinds:
            event.actor1, event.actor2 = event.actor2, event.actor1
            return
        event.sub_event_type = next((sub for sub, others in self.sub_types_by_actor1.items()
                                     if event.actor1.inter in others), event.sub_event_type)

    def _implied_armed_group(self, actor: Actor | None) -> bool:
        """The unidentified armed group the implied-actors stage gives an act no one is named for (no words of the
        text name it)."""
        return actor is not None and actor.surface is None \
            and actor.name == self.actors.generic_actor("unidentified", actor.country).name

    def _toll_told_first(self, events: list[Event], annotated: AnnotatedDocument) -> list[Event]:
        """"At least four people were killed in airstrikes ... in Syria", then "A mosque was also destroyed by regime
        airstrikes north of Hama", then "four civilians were killed in an airstrike which hit the Sermin district": an
        opening placed only by its country is told in the body by the act of its toll, which joins it first."""
        lead_end = annotated.lead_end
        if len(events) < 3 or not _opens(events[0], lead_end) or events[0].place is None \
                or events[0].place.level != "country":
            return events
        lead, country = events[0], events[0].place.country_code
        twin = next((e for e in events[1:] if not _opens(e, lead_end) and e.event_type == lead.event_type
                     and e.place is not None and e.place.country_code == country
                     and self._one_toll_one_day(lead, e)), None)
        if twin is None or twin is events[1]:
            return events
        return [lead, twin, *(e for e in events[1:] if e is not twin)]

    def _without_sums(self, events: list[Event]) -> list[Event]:
        """"Thirteen civilians were killed in aerial attacks on the province of Aleppo", then five killed in Taduf and
        eight in Daret Izza: an act placed only in a province or country whose dead are those of acts of its kind the
        report tells at two or more of its towns is their sum, not an act of its own; ACLED codes the towns' acts.
        They take its doer where they name none."""
        kept = []
        for total in events:
            parts = [e for e in events if e is not total and self._part_of(e, total)]
            towns = {(p.place.geonameid, p.place.name) for p in parts if p.place is not None}
            summed = sum(p.fatalities for p in parts)
            # Parts of other kinds than the total's ("bombardment" told as air strikes and rocket fire) must add up
            # to it exactly: "jets struck a fuel market in a town in Idlib killing 18" is no sum of two strikes.
            mixed = any(not self._same_kind(total, p) for p in parts)
            if len(towns) < 2 or summed > total.fatalities or (mixed and summed != total.fatalities):
                kept.append(total)
                continue
            self._give_the_totals_doer(parts, total)
        return kept

    def _give_the_totals_doer(self, parts: list[Event], total: Event) -> None:
        """The acts a total sums up take its doer where they name none."""
        for part in parts:
            if self.actors.is_vague(part.actor1) and not self.actors.is_vague(total.actor1):
                part.actor1 = total.actor1

    def _without_listed_sums(self, events: list[Event], annotated: AnnotatedDocument) -> list[Event]:
        """"6 citizens killed in terrorist attacks with shells in Damascus Aleppo and Idleb", then one killed in a
        Damascus neighbourhood and five in Aleppo: an opening that names places in two or more provinces, whose dead
        are those of acts of its kind the body tells in two or more of them, is their sum, not an act of its own."""
        lead_end = annotated.lead_end
        kept = []
        for total in events:
            provinces = self._provinces_named(total, annotated) if _opens(total, lead_end) else set()
            parts = [e for e in events if e is not total and not _opens(e, lead_end) and e.kind == total.kind == "event"
                     and e.event_type in VIOLENT_TYPES and total.event_type in VIOLENT_TYPES and e.fatalities > 0
                     and e.place is not None and admin_key(e.place.admin1) in provinces
                     and dates_may_agree(total, e)]
            # A province's dead are counted by its largest toll: the body tells one toll several times ("Two civilians
            # were killed in Deir Ezzor city", then "in al-Qusour"), and a toll with its parts ("the toll in Aleppo
            # rose to 5", then 3 killed in one district and 2 in another).
            tolls: dict[str, int] = {}
            for part in parts:
                province = admin_key(part.place.admin1 if part.place else None)
                tolls[province] = max(tolls.get(province, 0), part.fatalities)
            summed = sum(tolls.values())
            mixed = any(not self._same_kind(total, p) for p in parts)
            if len(tolls) < 2 \
                    or not 0 < summed <= total.fatalities or (mixed and summed != total.fatalities):
                kept.append(total)
                continue
            annotated.document.warnings.append(
                f"{_told(total, annotated.document.text)[:60]!r}... sums up the acts the report tells in the places it "
                "lists: no event of its own")
            self._give_the_totals_doer(parts, total)
        return kept

    @staticmethod
    def _provinces_named(event: Event, annotated: AnnotatedDocument) -> set[str]:
        """The provinces of the places the sentence that first tells the event names, when it names two or more."""
        index = annotated.sentence_first_telling(event)
        if index is None:
            return set()
        provinces = set(annotated.own_provinces(index).values())
        return provinces if len(provinces) >= 2 else set()

    def _part_of(self, event: Event, total: Event) -> bool:
        """An act of the total's kind (or of any kind of `one_violence`: a total told as "bombardment", its parts as
        air strikes and rocket fire), with dead of its own (fewer than the total's), at a town within the total's
        province or country (or the province of the city named after it: "5 killed in rocket attacks in Aleppo"), on
        a day the total may be. The province's namesake city is no part: it may be the province."""
        region, town = total.place, event.place
        if region is None or town is None or town.level not in TOWN_LEVELS or names_its_province(town) \
                or _a_quarter_of(town, region):
            return False
        within = _contains(region, town) or (_province_namesake_of(region, town) and region.level in TOWN_LEVELS)
        return total.kind == event.kind == "event" and total.event_type in VIOLENT_TYPES and total.fatalities > 0 \
            and (region.level in {"country", "admin1"} or names_its_province(region)) and within \
            and town.country_code == region.country_code \
            and (self._same_kind(total, event) or {total.event_type, event.event_type} <= self.one_violence) \
            and 0 < event.fatalities < total.fatalities and dates_may_agree(total, event)

    def _merged(self, events: list[Event], violence: list[Event], annotated: AnnotatedDocument,
                dated: set[int]) -> list[Event]:
        merged: list[Event] = []
        lead_end = annotated.lead_end
        # An opening that names no place, or only the country ("Syria regime raids kill 10 in camp for displaced"), was
        # placed where the report is; the body says where its event was.
        opening_places = annotated.own_toponyms(annotated.lead) if annotated.sentences else []
        unplaced_opening = bool(annotated.sentences) and all(t.country_code is not None for t in opening_places)
        # "Syria air raids kill 20 IS militants", in a report that names Iraq more: the opening's country is Syria.
        opening_countries = {t.country_code for t in opening_places if t.country_code}
        demonstrations = [e for e in events if e.event_type in self.demonstration_types and e.kind == "event"]
        confirmed: set[int] = set()  # openings whose doer the body has told the same
        placed_by_body: set[int] = set()
        for event in events:
            if (met := self._met_demonstration(event, demonstrations)) is not None:
                graver = self.met_at_demonstration[event.sub_event_type]
                if met.event_type == "Protests" and self.protest_severity.get(graver, -1) > self.protest_severity.get(
                        met.sub_event_type, -1):
                    met.sub_event_type = graver
                met.actor2 = met.actor2 or event.actor1
                met.fatalities = max(met.fatalities, event.fatalities)
                continue
            if self._part_of_demonstration(event, demonstrations):
                continue
            if self._foiled_attack(event) and (battle := next(
                    (v for v in violence if v.event_type == "Battles" and self._beside(event, v)), None)) is not None:
                # "foiled an attack attempt on a military post", then "the unit clashed with the terrorists": the
                # battle told by its outcome; its day, place and sides are the battle's.
                _absorb(battle, event, None, self.vague_counts, self.around_city)
                continue
            if event.sub_event_type in self.context_sub_types and any(self._beside(event, v) for v in violence):
                # "airstrikes hit Aleppo after the army declared an end to the truce", "the bombing destroyed
                # several bridges": the truce and the damage are the violence's context, not events of their own.
                continue
            # "Elsewhere jets also struck a fuel market in a town in Idlib", "Another seven people were killed in raids
            # on Kafr Takharim": another act than any told before.
            elsewhere = self.other_place_openers.match(_told(event, annotated.document.text).lower()) is not None \
                or self._opens_on_more_dead(event, annotated)
            # "an air raid on another hospital": another act, which ACLED still codes as one with an act that day at
            # the same place ("another mortar shell landed in Bab Touma", a quarter of Damascus).
            another = self._told_as_another(event, annotated)
            apart = {id(m) for m in merged if elsewhere or (another and not _one_town(m.place, event.place))}
            twin = next((m for m in merged if (self._same_event(m, event) and id(m) not in apart)
                         or self._one_demonstration(m, event)), None) or next(
                (m for m in merged if id(m) not in apart and self._headline_of(
                    m, event, lead_end, annotated.reference_date, unplaced_opening, opening_countries, dated)),
                None)
            if twin is None:
                merged.append(event)
                continue
            body_of_opening = _opens(twin, lead_end) and not _opens(event, lead_end)
            if body_of_opening and event.time_precision == TimePrecision.DAY:
                dated.add(id(twin))
            if body_of_opening and unplaced_opening and event.place is not None and event.place.level != "country" \
                    and id(twin) not in placed_by_body:
                # An opening placed where the report is (Mosul, in a report that names Iraq more) was where its
                # body's first telling says (Raqa); a group's branch is the one of that place.
                _take_place(twin, event, self.actors.branch_of)
                placed_by_body.add(id(twin))
            if body_of_opening and twin.event_type != event.event_type and self._kind_untold(twin, event) \
                    and not _toll_broken_down(event, twin):
                # An opening that told only the dead: the body tells what kind of violence it was, and its sides (not
                # a breakdown of its dead by how each died).
                twin.event_type, twin.sub_event_type = event.event_type, event.sub_event_type
                _drop_implied_opponent(twin, event, annotated.opponent)
            if body_of_opening and _sides_reversed(twin, event) \
                    and headline_case(_told(twin, annotated.document.text).split()) and id(twin) not in confirmed:
                # "Syrian Army Kills 40 al-Nusra Front Members in Damascus Ambush": a headline's words lose who did
                # what to whom; the body's sentence tells it (unless the body has already told it the headline's
                # way: "Syrian army troops have killed more than 70 Takfiri terrorists").
                twin.actor1, twin.actor2 = event.actor1, event.actor2
            if body_of_opening and twin.actor1 is not None and event.actor1 is not None \
                    and twin.actor1.name == event.actor1.name:
                confirmed.add(id(twin))
            if self._headline(twin, lead_end, annotated.reference_date) and not _opens(event, lead_end) \
                    and twin.event_type == event.event_type and event.date_text and event.event_date is not None \
                    and _vagueness(event) <= _vagueness(twin):
                # The body tells the opening line's event in full: its sub-type, day and place are the event's (not
                # a vaguer day: "in the week of" does not undo the opening's Wednesday).
                if twin.sub_event_type not in self.more_exactly.get(event.sub_event_type, ()):
                    twin.sub_event_type = event.sub_event_type  # not "a suicide car bomb" for "an explosives-laden car"
                _take_date(twin, event)
                if event.place is not None and (twin.place is None
                                                or (unplaced_opening and event.place.level != "country")
                                                or (LEVEL_RANK[event.place.level] <= LEVEL_RANK[twin.place.level]
                                                    and not self._suburb_named(twin.place, event.place))
                                                or _the_province_it_names(twin.place, event.place)):
                    twin.place = event.place
            elif (self._one_violence(twin, event) and self._precedes(event.event_type, twin.event_type)) or (
                    self._same_toll(twin, event) and event.event_type == self.one_violence_order[0] != twin.event_type):
                # One act told as violence and as remote violence: ACLED codes its means.
                twin.event_type, twin.sub_event_type = event.event_type, event.sub_event_type
            else:
                _take_exact_sub_type(twin, event, self.more_exactly, self.means_unsaid, self.sub_types_by_actor1)
            _absorb(twin, event, self.actors.is_vague, self.vague_counts, self.around_city,
                    opening_told=body_of_opening)
        return merged

    def _opens_on_more_dead(self, event: Event, annotated: AnnotatedDocument) -> bool:
        index = annotated.sentence_first_telling(event)
        return index is not None and annotated.sentences is not None \
            and _more_dead(annotated.sentences[index], self.adding_words, self.death_words)

    def _told_as_another(self, event: Event, annotated: AnnotatedDocument) -> bool:
        """The act, or what it hit, is told as another than any before: "an air raid on another hospital", "another
        car bomb went off", "Other airstrikes also hit the towns of Rastan and Talbeesah" (`adding_words`)."""
        index = annotated.sentence_first_telling(event)
        if index is None:
            return False
        drafts = annotated.drafts_in(index)
        # A listed place's act is a copy of its sentence's draft's event.
        draft = next((d for d in drafts if d.event is event), None) \
            or next((d for d in drafts if d.trigger.span.text == event.trigger), None)
        return draft is not None and any(told_as_another(word, self.adding_words)
                                         for word in [draft.trigger.head, *target_tokens(draft.trigger, self.grammar)])

    def _told_in_passing(self, event: Event, reported_violence: list[Event]) -> bool:
        """Civilians killed, or property destroyed, by no one the report names, beside violence it reports, are that
        violence's toll told again ("on Sunday 11 civilians were killed in Eastern Ghouta", in a report on Tuesday's
        shelling; "a resident said his home was destroyed")."""
        return bool({event.event_type, event.sub_event_type} & self.outcomes_in_passing) and event.kind == "event" \
            and (event.actor1 is None or event.actor1.surface is None) and any(
                other is not event and other.event_type != event.event_type
                # "On July 31 an assault killed 80": an act named on another day is that day's violence.
                and (event.trigger.lower() in self.death_words or dates_may_agree(event, other))
                # Not violence told only in its country ("air raids on a town in eastern Syria"): "a child was also
                # killed in the regime-held al-Masharfeh district" of Aleppo is no toll of that.
                and not (other.place is not None and other.place.level == "country"
                         and event.place is not None and event.place.level != "country")
                for other in reported_violence)

    def _headline_of(self, lead: Event, event: Event, lead_end: int, reference: dt.date | None,
                     unplaced_opening: bool, opening_countries: set[str], dated: set[int]) -> bool:
        """The report's opening sentence (a headline, a lead) sums up an event its body then tells: the same type
        and kind, at a place that may be the one (any in its country, for the same toll on the same day, when the
        opening names none: "10 Syrian troops killed in clashes with IS"), within a few days. The opening gives the
        article's day or a region for what the body dates and places exactly ("Syria air strikes kill 25" on the day
        of publication, "Seven dead in Damascus blast", the body: "on Thursday ... in the Kalassa district")."""
        somewhere_there = unplaced_opening and lead.place is not None and event.place is not None \
            and event.place.country_code in (opening_countries or {lead.place.country_code or ""}) \
            and self._one_toll_one_day(lead, event)
        # "100 civilians dead in toxic gas attack in Idlib", then "in the Khan Shaykhun town in Idlib": an opening's
        # city that bears its province's name may be that province.
        in_its_province = lead.place is not None and event.place is not None \
            and _province_namesake_of(lead.place, event.place)
        if _opens(event, lead_end) or lead.kind != event.kind or self._two_means_two_acts(lead, event) or not (
                lead.event_type == event.event_type or self._kind_untold(lead, event)) \
                or not (self._same_place(lead, event) or somewhere_there or in_its_province) or (
                    _told_in_body(lead, lead_end) and not self._day_still_untold(lead, event, dated, reference)):
            return False  # an opening the body has told in full sums up that event, not the next one too
        if not (self._headline(lead, lead_end, reference) or (
                _opens(lead, lead_end) and lead.place is not None and event.place is not None
                and _contains(lead.place, event.place))):
            return False  # two days the text tells apart are two events
        if lead.event_date is not None and event.event_date is not None \
                and abs((lead.event_date - event.event_date).days) > HEADLINE_DAYS:
            return False
        if _deadlier_on_a_day_of_its_own(event, lead) and self._both_counted(lead, event):
            return False  # "18 Civilians Killed in Barrel Bomb Attack", then "26 civilians were also killed yesterday"
        if lead.event_date is not None and lead.time_precision == TimePrecision.DAY and event.event_date is not None \
                and event.time_precision == TimePrecision.WEEK and not within_period(event, lead.event_date):
            return False  # "An airstrike on Saturday killed 18 ...", then "Earlier this week a chemical attack ..."
        return self._same_sides(lead, event)

    def _foiled_attack(self, event: Event) -> bool:
        """A development told as an attack foiled ("foiled an attack attempt")."""
        words = event.trigger.lower().split()
        return event.event_type not in VIOLENT_TYPES and bool(words) and words[0] in self.foiled_attack_words

    def _day_still_untold(self, lead: Event, event: Event, dated: set[int], reference: dt.date | None) -> bool:
        """An opening the body has retold only by its toll, with no day ("Death toll in bomb attack rises to 112",
        "the death toll in a suicide car bomb attack has risen to 112, a monitor said Sunday"), is still dated by
        the report: the body's telling of an act of its kind (or of any kind, for an opening that told only "attacks":
        "Death toll from terrorist attacks on Aleppo rises to 12", then the shells), on its day, no deadlier, is still
        the opening's."""
        return id(lead) not in dated and lead.event_date == reference \
            and (self._same_kind(lead, event) or (lead.trigger.lower() in self.acts_without_means
                                                  and self._kind_untold(lead, event))) \
            and 0 < event.fatalities <= lead.fatalities

    def _same_kind(self, a: Event, b: Event) -> bool:
        """The same type and sub-type, or sub-types of which one tells the other's act more exactly ("a car bomb",
        "a suicide car bomb attack")."""
        return (a.event_type, a.kind) == (b.event_type, b.kind) and (
            a.sub_event_type == b.sub_event_type or b.sub_event_type in self.more_exactly.get(a.sub_event_type, ())
            or a.sub_event_type in self.more_exactly.get(b.sub_event_type, ()))

    def _kind_untold(self, lead: Event, event: Event) -> bool:
        """An opening that tells violence only by its dead ("Al-Nusra Front Commander Killed in Lattakia"), or as
        attacks on no one named ("Seven killed in terrorist attacks in Aleppo", "Dozens Martyred in Qamishli ISIL
        Terrorist Attack") or on civilians ("5 people were killed in the attack in the district of Sevre", then a
        vacuum bomb dropped there), or raids ("10 Syrian soldiers killed in Israeli raids": from the air or on the
        ground), does not say what kind it was; the body's violence may be it, whatever its type."""
        trigger = lead.trigger.lower()
        # "US-led Coalition Strikes Kill 21 Civilians": an opening told by its dead and its means is remote violence.
        told_dead = trigger in self.death_words and lead.event_type != REMOTE_VIOLENCE
        return {lead.event_type, event.event_type} <= VIOLENT_TYPES and (told_dead or (
            trigger in self.acts_without_means and lead.event_type in {"Battles", "Violence against civilians"}
            and (trigger in self.raid_nouns or not self.actors.identifying_names([lead.actor2, *lead.assoc_actor_2]))))

    def _met_demonstration(self, event: Event, demonstrations: list[Event]) -> Event | None:
        """The demonstration in whose sentence the authorities' act ``event`` told how they met it, if any."""
        if event.sub_event_type not in self.met_at_demonstration or event.kind != "event":
            return None
        unnamed = event.actor1 is None or event.actor1.surface is None  # deaths told by no one: the crowd's toll
        if event.sub_event_type in self.met_on_the_crowd and not unnamed and (
                event.actor2 is None or event.actor2.inter not in self.crowd_inters):
            return None
        return next((d for d in demonstrations if d is not event and _same_sentence(event, d)), None)

    def _part_of_demonstration(self, event: Event, demonstrations: list[Event]) -> bool:
        """ "Doctors went on strike and staged a march": a development its words make part of a demonstration told in
        its sentence is that demonstration."""
        return event.event_type not in self.demonstration_types | VIOLENT_TYPES \
            and not self.part_of_demonstration.isdisjoint(event.trigger.lower().split()) \
            and any(_same_sentence(event, d) for d in demonstrations)

    def _one_demonstration(self, a: Event, b: Event) -> bool:
        return a.event_type in self.demonstration_types and b.event_type in self.demonstration_types \
            and a.kind == b.kind == "event" and _same_sentence(a, b)

    def _same_event(self, a: Event, b: Event) -> bool:
        if a.place_from_list and b.place_from_list and a.evidence[:1] == b.evidence[:1]:
            # "the towns of Rastan and Talbeesah": the places a sentence lists are its acts' own, even a name the
            # gazetteer lacks, placed near the town listed with it.
            return False
        if _toll_broken_down(a, b) or _toll_broken_down(b, a):
            return self._same_place(a, b)
        same_type = self._same_kind(a, b) or ((a.event_type, a.kind) == (b.event_type, b.kind)
                                              and a.event_type in self.any_sub_type)
        if not same_type and not self._one_violence(a, b) and not self._same_toll(a, b):
            return False
        if a.sub_event_type == "Other" and a.trigger.lower() != b.trigger.lower():
            return False  # "Other" is a catch-all: only the same development is the same event
        if self._two_means_two_acts(a, b):
            return False
        if not (dates_may_agree(a, b) or self._one_toll_a_day_apart(a, b)) or _two_days_two_tolls(a, b):
            return False  # a day outside the week another mention is dated to is another act's
        if not self._same_place(a, b):
            return False
        if self._doers_of_two_kinds(a, b):
            return False
        # Two readings of one act's sides ("A Russian airstrike killed at least 38 civilians", told again with another
        # group named beside it): the same toll on the same day is the same act.
        return self._same_sides(a, b) or self._one_toll_one_day(a, b)

    def _two_means_two_acts(self, a: Event, b: Event) -> bool:
        """ "Seven people died in rebel shelling of the Sheikh Maqsoud district", then "three people died by barrel
        bombs dropped from helicopters in the city": acts told by means of their own, neither of the other's kind,
        each with a toll of its own, or each by a doer of its own ("three civilians were killed in mortar shelling by
        ISIS", then "regime forces responded by launching airstrikes ... killing three civilians"), are two acts."""
        if not (a.event_type == b.event_type == REMOTE_VIOLENCE and not self._same_kind(a, b)
                and not {a.trigger.lower(), b.trigger.lower()} & self.means_unsaid):
            return False
        if self.means.never_one_act(a, b):
            return True
        doers_a, doers_b = self._named_doers(a), self._named_doers(b)
        return (a.fatalities > 0 and b.fatalities > 0 and a.fatalities != b.fatalities) \
            or (bool(doers_a) and bool(doers_b) and not doers_a & doers_b)

    def _doers_of_two_kinds(self, a: Event, b: Event) -> bool:
        """"Regime forces continued their bombardment" and "rebel groups fired rockets into Damascus": doers of two
        kinds (ACLED's interaction codes), one of them unnamed, neither of the kind of any side of the other, are two
        acts, not one told twice (named doers are told apart by name; a battle told from each side in turn, "Jihadists
        stormed a base", "Soldiers fought back", has each doer among the other's sides)."""
        one, other = a.actor1, b.actor1
        if one is None or other is None or self.actors.is_unidentified(one) or self.actors.is_unidentified(other):
            return False
        if not (self.actors.is_vague(one) or self.actors.is_vague(other)) or CIVILIANS_INTER in {one.inter, other.inter}:
            return False
        kinds_a = {x.inter for x in (one, a.actor2, *a.assoc_actor_1) if x is not None}
        kinds_b = {x.inter for x in (other, b.actor2, *b.assoc_actor_1) if x is not None}
        return one.inter not in kinds_b and other.inter not in kinds_a

    def _same_sides(self, a: Event, b: Event) -> bool:
        # Either side may be named in one sentence and not the other; "militants" and "the attackers" name no one.
        named_a, named_b = (self._with_leaders(self.actors.identifying_names(e.all_actors())) for e in (a, b))
        if not named_a or not named_b or named_a & named_b:
            return True
        # "Russian jets hit an outpost in Idlib province", "several raids overnight hit Babeska, a haven for FSA
        # groups": one mention names only who did it, the other only whom it hit.
        doers_a, doers_b = self._named_doers(a), self._named_doers(b)
        return not (doers_a and doers_b) and not (named_a - doers_a and named_b - doers_b)

    def _named_doers(self, event: Event) -> set[str]:
        """Who did the event, each coalition with the state that leads it."""
        return self._with_leaders(self.actors.doer_names(event))

    def _with_leaders(self, names: set[str]) -> set[str]:
        """The names, the state that leads each coalition among them and the group each branch is of: one side told
        two ways (a branch is named for the country of the place each telling has)."""
        return names | {self.coalition_leaders[n] for n in names if n in self.coalition_leaders} \
            | {self.actors.branch_of[n] for n in names if n in self.actors.branch_of}


    def _same_place(self, a: Event, b: Event) -> bool:
        """Places that may be one: one lies in the other's country or region, or they are within merge distance."""
        if a.place is None or b.place is None:
            return True
        if a.place.country_code != b.place.country_code:
            return False
        if a.place_from_list and b.place_from_list and a.evidence[:1] == b.evidence[:1] and a.place != b.place:
            return False  # "the towns of Rastan and Talbeesah": one sentence told them apart
        if _distinct_towns(a.place, b.place):
            return False  # "airstrikes hit Al-Ghanto ... other airstrikes hit Rastan": two towns, two events
        return _one_unknown_name(a.place, b.place) or _contains(a.place, b.place) or _contains(b.place, a.place) \
            or self._around_its_city(a.place, b.place) or self._around_its_city(b.place, a.place) \
            or self._suburb_named(a.place, b.place) or self._suburb_named(b.place, a.place) \
            or _placed_only_by_region(a.place, b.place) or _placed_only_by_region(b.place, a.place) \
            or None in (a.place.latitude, b.place.latitude, a.place.longitude, b.place.longitude) \
            or (not _at_its_regions_centre(a.place) and not _at_its_regions_centre(b.place)
                and haversine_km(a.place.latitude, a.place.longitude,  # type: ignore[arg-type]
                                 b.place.latitude, b.place.longitude)  # type: ignore[arg-type]
                <= self._reach(a.place, b.place))

    def _reach(self, a: Place, b: Place) -> float:
        """How far apart two mentions of one act may be placed: further where one is told only by a town's
        surroundings ("Bomb blast kills 60 in Damascus suburb", then "in the town of al-Rankus north of the capital")."""
        surroundings = any(p.geo_precision == GeoPrecision.NEAR and p.geonameid is not None for p in (a, b))
        return self.surroundings_km if surroundings else self.merge_km  # not a town the gazetteer lacks, placed near

    def _around_its_city(self, countryside: Place, place: Place) -> bool:
        """A place told only by the countryside division around a city that is a division of its own (the division,
        or a place the gazetteer lacks located by it), and a place in that city's division: "southwest of Adra in
        Damascus countryside" (Rif Dimashq) and "in Damascus"."""
        return (countryside.level == "admin1" or _at_its_regions_centre(countryside)) and place.admin1 is not None \
            and _countryside_of(countryside.admin1 or countryside.name, place.admin1, self.around_city)

    def _suburb_named(self, town: Place, place: Place) -> bool:
        """"a suicide bomb blast targeted their positions in the northeast Damascus suburbs", then "struck al-Dumayr in
        the Damascus countryside": a town of the countryside division around a city the act was placed only near
        may be where it was, however far out the division reaches."""
        return _placed_only_near(place) and _in_the_countryside_around(town, place, self.around_city)

    def _beside(self, context: Event, violence: Event) -> bool:
        """A development told in the violence's sentence, or at its town or region on a day both dates may be (the
        day, or within the week or month a vaguer date covers)."""
        if _same_sentence(context, violence):
            return True
        if context.event_date is None or violence.event_date is None or context.place is None \
                or violence.place is None or "country" in {context.place.level, violence.place.level} \
                or not self._same_place(context, violence):
            return False  # a country-wide development is no town's violence's context
        return dates_may_agree(context, violence)

    def _precedes(self, one: str, other: str) -> bool:
        """ACLED's precedence among one act's types: remote violence against civilians is coded as remote violence."""
        order = self.one_violence_order
        return one in order and other in order and order.index(one) < order.index(other)

    def _one_violence(self, a: Event, b: Event) -> bool:
        """Two violent mentions at the same town on the same day, of any violent types, are one act of violence."""
        return (a.kind == b.kind and {a.event_type, b.event_type} <= self.one_violence
                and a.place is not None and b.place is not None and a.place.level != "country"
                and (_same_town(a.place, b.place) or (self._placed_by(a.place, b.place) and self._unattributed(a, b)))
                and a.event_date is not None and a.event_date == b.event_date)

    def _one_toll_one_day(self, a: Event, b: Event) -> bool:
        """The same dead, more than none and counted (not the codebook's number for "large numbers" twice), on the
        same known day (one may be dated only to the week the other's day lies in)."""
        return a.fatalities == b.fatalities > 0 and None not in (a.event_date, b.event_date) and dates_may_agree(a, b) \
            and self._both_counted(a, b)

    def _one_toll_a_day_apart(self, a: Event, b: Event) -> bool:
        """"62 Syrian soldiers were killed Saturday in US-led coalition air strikes on an air base", then the army's
        statement quoted in the next day's report, "carried out four air strikes today": one sub-type, one counted
        toll of ``retold_toll_min`` or more, on days a day apart, is one act told twice."""
        if a.event_date is None or b.event_date is None or not a.time_precision == b.time_precision == TimePrecision.DAY:
            return False
        return a.sub_event_type == b.sub_event_type and a.fatalities == b.fatalities >= self.retold_toll_min \
            and abs((a.event_date - b.event_date).days) == 1 and self._both_counted(a, b)

    def _both_counted(self, a: Event, b: Event) -> bool:
        """Neither toll is the codebook's number for vague words ("dozens"): two such tolls alike tell nothing."""
        return not any((e.fatalities_text or "").lower() in self.vague_counts for e in (a, b))

    def _same_toll(self, a: Event, b: Event) -> bool:
        """A mention of remote violence and another violent one of the same toll, on one day, at places that may be
        one, are one act told twice ("31 people have been killed by regime raids", "regime air raids killed 31
        people on Friday")."""
        return a.kind == b.kind and {a.event_type, b.event_type} <= VIOLENT_TYPES \
            and self.one_violence_order[0] in {a.event_type, b.event_type} and self._one_toll_one_day(a, b) \
            and self._same_place(a, b)

    def _unattributed(self, a: Event, b: Event) -> bool:
        """Deaths told with no one the text names for them: a toll, not an act of its own ("nine civilians were
        killed"); "killed by a terrorists' sniper" is an act."""
        return any(e.event_type != self.one_violence_order[0] and (e.actor1 is None or e.actor1.surface is None)
                   for e in (a, b))

    def _placed_by(self, a: Place, b: Place) -> bool:
        """A neighbourhood or village the gazetteer lacks, placed by the town the other mention names: "air strikes
        on Aleppo" and "nine civilians were killed in Qaterji" (a district of it) that day."""
        if (a.geonameid is None) == (b.geonameid is None) or None in (a.latitude, a.longitude, b.latitude, b.longitude):
            return False
        return haversine_km(a.latitude, a.longitude, b.latitude, b.longitude) <= self.merge_km  # type: ignore[arg-type]

    @staticmethod
    def _headline(event: Event, lead_end: int, reference: dt.date | None) -> bool:
        """An event of the opening sentence dated by the article, not by a day of its own: a headline."""
        return _opens(event, lead_end) and (event.time_precision != TimePrecision.DAY or event.event_date == reference)


def _placed_by_its_words(event: Event, annotated: AnnotatedDocument) -> bool:
    """Whether a sentence that tells the event names its place, rather than the event being placed where the report
    or the sentence before it is."""
    place = event.place
    if place is None:
        return False
    told = {index for span in event.evidence if (index := annotated.sentence_index_at(span.start)) is not None}
    return any((t.chosen is not None and t.chosen.geonameid == place.geonameid and place.geonameid is not None)
               or name_key(t.text) == name_key(place.surface or "")
               for index in told for t in annotated.own_toponyms(index))


def _more_dead(sent: SpacySpan, adding_words: set[str], death_words: set[str]) -> bool:
    """A sentence that opens on dead besides those told before: "Another 327 civilians have been killed",
    "Another man and a woman were killed", "A further nine people were killed" (not "Another official said")."""
    start = sent.start + 1 if len(sent) > 2 and sent[0].dep_ == "det" and sent[1].lower_ in adding_words else sent.start
    opener, doc = sent.doc[start], sent.doc
    return opener.lower_ in adding_words and start + 1 < sent.end and (doc[start + 1].like_num or (
        opener.head.dep_ in {"nsubj", "nsubjpass"} and opener.head.head.lemma_.lower() in death_words))


def _where_it_was(event: Event, previous: Event) -> bool:
    """Whether an event is told at the previous event's place, or at one within it or around it."""
    return event.place is not None and previous.place is not None and (
        _same_town(event.place, previous.place) or _contains(event.place, previous.place)
        or _contains(previous.place, event.place))


def _subject_or_part_of_it(word: Token) -> bool:
    """The subject, or what a subject counts part of: "the dead" in "most of the dead were evacuees"."""
    subjects = {"nsubj", "nsubjpass"}
    whole = noun_it_is_of(word)
    return word.dep_ in subjects or (whole is not None and whole.dep_ in subjects)


def _may_be_where_it_was(event: Event, previous: Event) -> bool:
    """Whether an event is told where the previous one was, or at a place the gazetteer lacks ("Hawijat Sakr"), which
    may lie there."""
    return (event.place is not None and event.place.geonameid is None) or _where_it_was(event, previous)


def _vagueness(event: Event) -> int:
    """How vaguely a mention is dated: its time precision, an undated one the vaguest."""
    return int(event.time_precision or 9)


def _take_date(event: Event, source: Event) -> None:
    """The mention ``source``'s date becomes the event's: its day or period, precision and words."""
    event.event_date, event.end_date = source.event_date, source.end_date
    event.time_precision, event.date_text = source.time_precision, source.date_text


def within_period(period: Event, day: dt.date) -> bool:
    """Whether ``day`` lies in the day, week or month ``period`` is dated to (and not after its last day: "earlier
    this week" is not the report's day)."""
    assert period.event_date is not None
    if period.end_date is not None and day > period.end_date:
        return False
    if period.time_precision == TimePrecision.DAY:
        return day == period.event_date
    if period.time_precision == TimePrecision.WEEK:
        return abs((period.event_date - day).days) <= 6
    return (period.event_date.year, period.event_date.month) == (day.year, day.month)


def dates_may_agree(a: Event, b: Event) -> bool:
    """Whether two mentions' dates may be one day: the more precise one lies in the other's day, week or month."""
    if a.event_date is None or b.event_date is None:
        return True
    coarse, fine = (a, b) if _vagueness(a) >= _vagueness(b) else (b, a)
    assert fine.event_date is not None
    return within_period(coarse, fine.event_date)


def _more_precise_within(told: Event, event: Event) -> bool:
    """A mention dated more precisely than ``event``, to a day within the period ``event`` is dated to."""
    return told.event_date is not None and event.event_date is not None \
        and _vagueness(told) < _vagueness(event) and within_period(event, told.event_date)


def _toll_broken_down(parts: Event, whole: Event) -> bool:
    """A toll summed from its parts equal to another violent mention's toll, within a week of it: "At least 85 Syrian
    army troops were killed as the jihadist Islamic State advanced", then "more than 50 troops were summarily
    executed 19 more were killed in a double suicide attack and at least 16 others had died in the IS assault
    launched early Thursday": the same dead told by how each died, one act (the parts may be dated to its start)."""
    return parts.kind == whole.kind == "event" and {parts.event_type, whole.event_type} <= VIOLENT_TYPES \
        and parts.fatalities == whole.fatalities > 0 and ";" in (parts.fatalities_text or "") \
        and ";" not in (whole.fatalities_text or "") and None not in (parts.event_date, whole.event_date) \
        and abs((parts.event_date - whole.event_date).days) <= BREAKDOWN_DAYS  # type: ignore[operator]


def _deadlier_on_a_day_of_its_own(event: Event, lead: Event) -> bool:
    """A body's act that killed more than the opening counts, on a day of its own other than the opening's: the
    opening tells another act (an opening sums up its act's dead, or gives its first toll, never a smaller one; a
    vague count, "Dozens of civilians", is no count to compare)."""
    return bool(event.date_text) and None not in (event.event_date, lead.event_date) \
        and event.event_date != lead.event_date and 0 < lead.fatalities < event.fatalities


def _two_days_two_tolls(a: Event, b: Event) -> bool:
    """Each mention tells its own day, and its own dead: "13 people were killed on Saturday ... by insurgents'
    mortars", "attacks on Sunday ... by insurgents killed at least 20" (dated only to its week, as the day may be the
    saying's) are two acts. Two days that may each be only a saying's, by two tellers ("left 31 dead, Syrian media
    reported Tuesday", "On Monday the Observatory said the strike killed 23"), are two tellers' tolls of one act; one
    teller's, two days apart ("On Monday the Observatory said air strikes on Douma killed 10", "On Wednesday it said
    new air strikes killed 15"), are two acts."""
    return bool(a.date_text and b.date_text) and None not in (a.event_date, b.event_date) \
        and a.event_date != b.event_date and 0 < a.fatalities != b.fatalities > 0 \
        and (TimePrecision.DAY in (a.time_precision, b.time_precision) or _one_teller(a, b))


def _one_teller(a: Event, b: Event) -> bool:
    """Both mentions told by one source ("The Syrian Observatory for Human Rights", then "The Observatory": the
    shorter name's words among the longer's), or neither by any."""
    if a.source is None or b.source is None:
        return a.source is b.source
    short, long = sorted((set(re.findall(r"\w+", s.name.lower())) - {"the"} for s in (a.source, b.source)), key=len)
    return short <= long


def _told(event: Event, text: str) -> str:
    """The words of the sentence that first tells the event."""
    return text[event.evidence[0].start : event.evidence[0].end] if event.evidence else ""


def _sides_reversed(one: Event, other: Event) -> bool:
    """One mention's first side is the other's second, and the other names its first."""
    return one.actor1 is not None and other.actor1 is not None and other.actor2 is not None \
        and one.actor1.name == other.actor2.name and other.actor1.name != one.actor1.name


def _opens(event: Event, lead_end: int) -> bool:
    """Told in the report's opening sentence (its headline or lead)."""
    return bool(event.evidence) and event.evidence[0].start < lead_end


def _told_in_body(event: Event, lead_end: int) -> bool:
    """Told after the report's opening sentence too."""
    return any(span.start >= lead_end for span in event.evidence)


def _sentences_dating_their_act(annotated: AnnotatedDocument) -> set[int]:
    """Where the sentences start whose mention dated its act to a day by words of its own (not a statement's day: "a
    monitor said Sunday"; not the date the report opens with)."""
    opening_date = annotated.opening_date
    return {draft.sentence.start_char for draft in annotated.drafts or []
            if draft.event.time_precision == TimePrecision.DAY and draft.event.date_text != opening_date}


def _same_sentence(context: Event, violence: Event) -> bool:
    """Whether the development is told in a sentence that tells the violence, first or as a later mention."""
    return bool(context.evidence) and any((context.evidence[0].start, context.evidence[0].end) == (span.start, span.end)
                                          for span in violence.evidence)


def _described(act: Token) -> bool:
    """"the attack was an attempt to ...": an act noun that is the subject of "be"."""
    return act.pos_ == "NOUN" and act.dep_ == "nsubj" and act.head.lemma_ == "be"


def _dead_named_after(draft: EventDraft) -> Token | None:
    """The noun after a preposition that an outcome trigger is, or hangs on: "among the dead", "the rest of the dead"."""
    head = draft.trigger.head
    dead = head if head.dep_ == "pobj" else head.head
    return dead if draft.trigger.group.outcome and dead.dep_ == "pobj" else None


def _has_agent(verb: Token) -> bool:
    """A passive verb that says by whom: "was carried out by government warplanes"."""
    return any(c.dep_ == "agent" for c in verb.children)


def _raised_subjects(verb: Token) -> list[Token]:
    """The subject of the verb a passive infinitive with an agent completes: "the strike" in "the strike was
    suspected to have been carried out by Russian planes", and in "the attack believed to have been carried out by
    Syrian regime or Russian jets killed 58 people", parsed as the attack's believing."""
    if verb.dep_ != "xcomp" or not _has_agent(verb):
        return []
    return [c for c in verb.head.children if c.dep_ in {"nsubjpass", "nsubj"}]


def _a_fight(group: LexiconGroup) -> bool:
    """A word of fighting between two sides ("the fighting", "clashes"): a battle, whoever its sides are and
    whatever it hits, never the telling of violence of another kind."""
    return group.event_type == "Battles" and not (group.if_target_civilians or group.if_target_armed or group.outcome
                                                  or group.if_actor1_state or group.if_actor1_non_state)


def _definite(trigger: Token) -> bool:
    """ "the attack", "this blast": a noun that refers to an act already told."""
    return trigger.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ in {"the", "this", "that"}
                                          for c in trigger.children)


def _same_town(a: Place, b: Place) -> bool:
    """One gazetteer place, or one name the gazetteer lacks ("Tall Tawil" twice) in one country."""
    if a.geonameid is not None or b.geonameid is not None:
        return a.geonameid == b.geonameid
    return a.name.lower() == b.name.lower() and a.country_code == b.country_code


def _one_town(a: Place | None, b: Place | None) -> bool:
    """One town, or a quarter of it and the town."""
    return a is not None and b is not None and (_same_town(a, b) or _a_quarter_of(a, b) or _a_quarter_of(b, a))


def _placed_near(place: Place, town: Place) -> bool:
    """A place the gazetteer lacks, placed near the town as its neighbourhoods are: at the town's own point."""
    return place.geonameid is None and place.geo_precision == GeoPrecision.NEAR \
        and (place.latitude, place.longitude) == (town.latitude, town.longitude)


def _a_quarter_of(town: Place, city: Place) -> bool:
    """A place placed near the city ("rocket attacks on several neighborhoods in Aleppo city", then one killed in
    al-Hamadaniyeh): the city's act tells of it; it is no town of its own."""
    return city.level in TOWN_LEVELS and _placed_near(town, city)


def _distinct_towns(a: Place, b: Place) -> bool:
    """Two towns the gazetteer knows apart, each named where the text places its event exactly; a city that bears
    its province's name may be that province ("a mosque blast in Idlib", then "in Ariha in Idlib province"); or two
    towns it lacks, named otherwise, not both placed near one town as its neighbourhoods are ("Ahsem" in Idlib
    province and "Turmanin")."""
    if a.level == b.level == "populated_place" and a.geonameid is None and b.geonameid is None:
        parts_of_one_town = _placed_near(a, b) and b.geo_precision == GeoPrecision.NEAR
        return not parts_of_one_town \
            and not spelt_alike(without_article(name_key(a.name)), without_article(name_key(b.name)))
    return a.level == b.level == "populated_place" and None not in (a.geonameid, b.geonameid) \
        and a.geonameid != b.geonameid and GeoPrecision.EXACT == a.geo_precision == b.geo_precision \
        and not (_province_namesake_of(a, b) or _province_namesake_of(b, a))


def _province_namesake_of(city: Place, town: Place) -> bool:
    """``city`` bears the name of the province ``town`` lies in, and so may mean the province ("Idlib", "Ariha")."""
    return names_its_province(city) and not names_its_province(town) and city.admin1 == town.admin1


def _the_province_it_names(city: Place, province: Place) -> bool:
    """"16 dead in heavy bombardment on Syria's Idlib", then "across rebel-held Idlib province": the body tells that
    the city a headline named meant the province that bears its name."""
    return province.level == "admin1" and names_its_province(city) and city.admin1 == province.admin1 \
        and city.level in TOWN_LEVELS


def _one_unknown_name(a: Place, b: Place) -> bool:
    """Two mentions of one name the gazetteer lacks ("in Daraas Manshiyah district", twice) are one place, wherever
    their region's centre put them."""
    return a.geonameid is None and b.geonameid is None and a.level == b.level and a.admin1 == b.admin1 \
        and spelt_alike(without_article(name_key(a.name)), without_article(name_key(b.name)))


def _at_its_regions_centre(place: Place) -> bool:
    """A place the gazetteer lacks, given its region's centre: how far it is from anything is unknown."""
    return place.geonameid is None and place.geo_precision == GeoPrecision.AREA and place.level in TOWN_LEVELS


def _placed_only_by_region(unknown: Place, place: Place) -> bool:
    """A place the gazetteer lacks, located only by its region, may be any place in that region: "rocket shells on
    al-Qussour neighborhood" and "the city of Deir ez-Zor" in a report on Deir ez-Zor province; but not part of
    another town the gazetteer knows exactly ("the village of Taduf" is no part of Daret Izza), only of the city the
    region is named after."""
    known_town = place.level in TOWN_LEVELS and place.geonameid is not None and place.geo_precision == GeoPrecision.EXACT
    return unknown.geonameid is None and unknown.geo_precision == GeoPrecision.AREA and bool(unknown.admin1) \
        and unknown.admin1 == place.admin1 and not (known_town and not names_its_province(place))


def _contains(region: Place, place: Place) -> bool:
    """The country or first-level region is where the other place lies: "airstrikes in Syria" and "airstrikes on
    Aleppo" that day are one event told twice, the vaguer way first (a headline) or last (a summary)."""
    if region.level == "country":
        return place.level != "country" and place.country_code == region.country_code
    return region.level == "admin1" and place.level in {"admin2", "populated_place", "feature"} \
        and bool(region.admin1) and region.admin1 == place.admin1


def _narrower(place: Place, region: Place) -> bool:
    """A place that lies in a vaguely placed event's region and names more than it does: a town of the province,
    or a village the gazetteer lacks that the text places there. A town the gazetteer lacks, placed by its province,
    is already a town: no other town of the province names more ("in the town of Maarrat Masrin", then "In total 40
    were killed in the aerial bombardment ... across Idlib")."""
    if _contains(region, place):
        return True
    if region.geonameid is None and region.level in TOWN_LEVELS and region.surface:
        return False
    return place.country_code == region.country_code and bool(place.admin1) and place.admin1 == region.admin1 \
        and place.geonameid != region.geonameid and (place.geonameid is None or place.geo_precision < region.geo_precision)


def _drop_implied_opponent(event: Event, told: Event, opponent: Actor | None) -> None:
    """A battle's second side implied from the report's armed side goes with the battle: the violence ``told`` in
    full names its own. So do the civilians implied as the victims of an opening that told only its dead, once the body
    tells a battle ("Hundreds killed as street battles rage in Kobani"): a battle is fought between armed sides."""
    implied_victims = event.actor2 is not None and event.actor2.surface is None and event.actor2.inter == CIVILIANS_INTER
    if event.actor2 is not None and (event.actor2 == opponent or (implied_victims and told.event_type == "Battles")):
        event.actor2 = told.actor2


def _take_exact_sub_type(event: Event, more: Event, more_exactly: dict[str, set[str]], means_unsaid: set[str],
                         won_by: dict[str, set[int]] | None = None) -> None:
    """"A car bomb attack", then "a suicide terrorist blew himself up": the mention that tells the act more exactly
    gives its sub-type; so does one that names its means after one that did not ("heavy bombardment", then "air
    strikes"). Ground won (``won_by``: the kinds of actor1 that win it so) is won by the side that mention names
    where the event's own doer is of no such kind: "Islamist militants killed 75 Nusra terrorists", then "the army
    recaptured the Castello Road" is the army's."""
    if event.event_type != more.event_type:
        return
    if more.sub_event_type in more_exactly.get(event.sub_event_type, ()):
        event.sub_event_type = more.sub_event_type
        winners = (won_by or {}).get(more.sub_event_type)
        if winners is not None and more.actor1 is not None and (event.actor1 is None or event.actor1.inter not in winners):
            event.actor1, event.actor2 = more.actor1, more.actor2
    elif event.event_type == REMOTE_VIOLENCE and event.trigger.lower() in means_unsaid \
            and more.trigger.lower() not in means_unsaid:
        # The words that named the means name the event's kind from now on.
        event.sub_event_type, event.trigger = more.sub_event_type, more.trigger


def sub_types_by_actor1(knowledge: Knowledge) -> dict[str, set[int]]:
    """Each sub-type only one kind of actor1 does, and the inter codes of that kind (conventions'
    ``sub_types_by_actor1``)."""
    return {sub: set(inters) for sub, inters in knowledge.conventions["sub_types_by_actor1"].items()}


def told_more_exactly(knowledge: Knowledge) -> dict[str, set[str]]:
    """Each sub-type and the sub-types that tell its act more exactly (conventions' ``told_more_exactly``)."""
    return {sub: set(exact) for sub, exact in knowledge.conventions.get("told_more_exactly", {}).items()}


def _take_place(twin: Event, event: Event, branch_of: dict[str, str]) -> None:
    """The other mention's place, and the branch of a group there that it names: "Islamic State (Iraq)" where the
    place was Mosul is "Islamic State (Syria)" at Raqqa."""
    twin.place = event.place
    if twin.actor1 is not None and event.actor1 is not None \
            and branch_of.get(twin.actor1.name, "") == branch_of.get(event.actor1.name):
        twin.actor1 = event.actor1
    if twin.actor2 is not None and event.actor2 is not None \
            and branch_of.get(twin.actor2.name, "") == branch_of.get(event.actor2.name):
        twin.actor2 = event.actor2


def _around_cities(knowledge: Knowledge) -> dict[str, str]:
    """The division of each city that is a division of its own, by the countryside division around it (name keys,
    `countryside_divisions`): "rifdimashq" -> "dimashq"."""
    return {name_key(countryside): name_key(city)
            for city, countryside in knowledge.conventions.get("countryside_divisions", {}).items()}


def _countryside_of(division: str, city_division: str, around_city: dict[str, str]) -> bool:
    """Whether a division is the countryside around the city whose division is ``city_division`` (Rif Dimashq around
    Dimashq)."""
    return around_city.get(name_key(division)) == name_key(city_division)


def _tells_where_near_it(place: Place, town: Place, around_city: dict[str, str]) -> bool:
    """"bombardment of a besieged Damascus suburb", then "bombardment on rebel-held Eastern Ghouta" or "raids killed
    16 in Douma": a named area the gazetteer knows, or a town placed exactly in the countryside division around the
    city, around a known town the act was placed only near, tells where it was."""
    if not _placed_only_near(town) or place.geonameid is None:
        return False
    if not (place.level == "feature" or _in_the_countryside_around(place, town, around_city)):
        return False
    if place.latitude is None or place.longitude is None or town.latitude is None or town.longitude is None:
        return False
    return haversine_km(place.latitude, place.longitude, town.latitude, town.longitude) <= AROUND_TOWN_KM


def _placed_only_near(town: Place) -> bool:
    """A known town an act was told only to be near: "a Damascus suburb", "outside Aleppo"."""
    return town.level == "populated_place" and town.geo_precision == GeoPrecision.NEAR and town.geonameid is not None \
        and town.admin1 is not None


def _in_the_countryside_around(place: Place, city: Place, around_city: dict[str, str]) -> bool:
    """A town placed exactly in the countryside division around the city's (``around_city``: the city's division by
    its countryside's, name keys): Douma, al-Dumayr in Rif Dimashq, around Damascus."""
    return place.level == "populated_place" and place.geo_precision == GeoPrecision.EXACT \
        and place.admin1 is not None and city.admin1 is not None \
        and _countryside_of(place.admin1, city.admin1, around_city)


def _vaguer_count(text: str | None, event: Event, vague_counts: set[str]) -> bool:
    """A count told only by a vague word ("several people were killed") against an event's counted dead ("at
    least nine"): the codebook's number for the word (10) is no better count of the same dead."""
    return (text or "").lower() in vague_counts and event.fatalities > 0 \
        and (event.fatalities_text or "").lower() not in vague_counts


def _absorb(twin: Event, event: Event, vague: Callable[[Actor | None], bool] | None, vague_counts: set[str],
            around_city: dict[str, str], *, opening_told: bool = False) -> None:
    """One mention joins another: evidence and claims add up; the larger toll, the more precise date and place,
    the actors missing from one side (with ``vague``: or only implied there as an unidentified group, for an opening
    the body tells; or told only by a vague word, beside an armed group the other mention names, as doer or as
    target) and the more doubtful status are kept."""
    twin.evidence.extend(event.evidence)
    twin.claims.extend(event.claims)
    # "Eight civilians killed in Aleppo and Homs" gave each place a share of the toll; the body's own count for the
    # place ("two civilians were killed as ISIS terrorists fired rocket shells on Um al-Serj village") is its toll.
    own_count_for_a_share = twin.place_from_list and not event.place_from_list and event.fatalities > 0
    share_for_an_own_count = event.place_from_list and not twin.place_from_list and twin.fatalities > 0
    # "Dozens Killed in Russian Airstrikes on Idlib", then "at least 10 civilians were killed in airstrikes by
    # Russian forces on Idlib city": the count is the toll the codebook's number for a vague word only stood for.
    counted_for_a_vague_word = _vaguer_count(twin.fatalities_text, event, vague_counts)
    if own_count_for_a_share or counted_for_a_vague_word or (
            event.fatalities > twin.fatalities and not share_for_an_own_count
            and not _vaguer_count(event.fatalities_text, twin, vague_counts)):
        twin.fatalities, twin.fatalities_text = event.fatalities, event.fatalities_text
        if own_count_for_a_share:
            twin.place_from_list = False  # its toll is no share now
    if twin.event_date is None or _vagueness(event) < _vagueness(twin):
        _take_date(twin, event)
    if event.place and twin.place and (LEVEL_RANK[event.place.level] < LEVEL_RANK[twin.place.level] or (
            event.place.level == twin.place.level and _province_namesake_of(twin.place, event.place))
            or _tells_where_near_it(event.place, twin.place, around_city)):
        twin.place = event.place  # the more precise place: a town, not its province's namesake city
    doer = event.actor1
    # Only where the body's act is the opening's, by its place: the same town, or one in the opening's region.
    there = twin.place is not None and event.place is not None and (
        _same_town(twin.place, event.place) or _contains(twin.place, event.place))
    # "Rebels" is vague, but tells more than a group implied because no one was named.
    tells_more = vague is not None and (not vague(doer) or (
        ActorDictionary.is_unidentified(twin.actor1) and not ActorDictionary.is_unidentified(doer)))
    implied = vague is not None and there and twin.actor1 is not None and vague(twin.actor1) and tells_more \
        and (twin.actor2 is None or doer is None or twin.actor2.name != doer.name) and (
            # "Mohammad was killed in a rebel-held area on Thursday", then "Regime snipers fired into the district
            # killing civilian Mohammad": a group only implied because no one was named is who the other mention names.
            (twin.actor1.surface is None and (opening_told or not vague(doer)))
            # "One civilian killed in terrorist rocket attack on al-Fouaa", then "terrorists from Jaish al-Fatah
            # fired rocket shells on al-Fouaa": the group is who the vague word meant (where both mentions tell whom
            # it hit alike: "the YPG and Kurdish security forces crushed this attack" tells the defenders).
            or (doer is not None and doer.inter in NON_STATE_ARMED_INTERS and twin.actor1.inter in NON_STATE_ARMED_INTERS
                and (event.actor2 is None or twin.actor2 is None or event.actor2.name == twin.actor2.name)))
    if (twin.actor1 is None or implied) and event.actor1 is not None:
        # "18 Civilians Killed in Barrel Bomb Attack", then who dropped it; "Nusra Commander Killed", then "The
        # Syrian army killed a notorious commander".
        twin.actor1 = event.actor1
        if twin.actor2 is not None and twin.actor2.name == event.actor1.name:
            # "Dozens Dead in Terrorist Battle", then "Nusra Front drove rebels out": the side a vague mention put
            # second is the doer; the fuller mention tells whom it fought.
            twin.actor2 = event.actor2
    names = {a.name for a in twin.all_actors()}
    # "kill more than 20 jihadists", then "killed more than 20 Islamic State jihadists": the group is whom the vague
    # word meant, where both mentions tell one doer (or one of them none).
    named_target = vague is not None and there and twin.actor2 is not None and event.actor2 is not None \
        and vague(twin.actor2) and not vague(event.actor2) and twin.actor2.inter == event.actor2.inter \
        and (event.actor1 is None or twin.actor1 is None or event.actor1.name == twin.actor1.name)
    if (twin.actor2 is None or named_target) and event.actor2 is not None and event.actor2.name not in names \
            and not same_state(event.actor2, twin.actor1):
        twin.actor2 = event.actor2
    # "18 IS jihadists killed fighting Syria Kurds", then "18 jihadists ... were killed in clashes with Kurdish
    # fighters": a mention told from the other side names the opponent, no ally.
    other_side = event.actor1 if _sides_reversed(twin, event) else None
    if other_side is not None and (twin.actor2 is None or (vague is not None and vague(twin.actor2))):
        twin.actor2 = other_side
    for ally in [event.actor1, *event.assoc_actor_1]:
        if ally is not None and ally is not other_side and ally.name not in {a.name for a in twin.all_actors()}:
            twin.assoc_actor_1.append(ally)
    if STATUS_RANK[event.claim_status] > STATUS_RANK[twin.claim_status]:
        # The status and the source that gives it travel together.
        twin.claim_status, twin.source = event.claim_status, event.source
    twin.confidence = max(twin.confidence, event.confidence)


class Records:
    """Each event's ACLED notes (its first sentence, dated) and its content-hash id."""

    name = "records"
    requires = ("events.merged",)
    adds = ("events.records",)

    def __call__(self, annotated: AnnotatedDocument) -> None:
        text = annotated.document.text
        for event in annotated.events or []:
            event.notes = _summary(event, _told(event, text))
            event.assign_id()


def _summary(event: Event, sentence: str) -> str:
    text = re.sub(r"\s+", " ", sentence).strip()
    text = re.sub(r"^(?:However|Meanwhile|Moreover|Furthermore|Also|But|And|In addition),\s*", "", text)
    if len(text) > 320:
        text = text[:320].rsplit(" ", 1)[0] + " ..."
    if event.event_date is None:
        return text
    if event.date_precision == "range" and event.end_date is not None:
        prefix = f"Between {_day(event.event_date)} and {_day(event.end_date)}"
    elif event.time_precision == TimePrecision.DAY:
        prefix = f"On {_day(event.event_date)}"
    elif event.time_precision == TimePrecision.WEEK:
        prefix = f"In the week of {_day(event.event_date)}"
    else:
        prefix = f"In {event.event_date.strftime('%B %Y')}"
    return f"{prefix}: {text}"


def _day(day: dt.date) -> str:
    return f"{day.day} {day.strftime('%B %Y')}"
