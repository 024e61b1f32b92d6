"""Stages ``roles`` and ``implied actors``: who did what to whom, as ACLED's actor1 and actor2.

``roles`` reads each trigger's sides from the dependency parse (subject and agent are side one, object
and "against"/"on" phrases side two, "in coordination with" adds to side one, an accusation's accused is
side one) and resolves them to dictionary actors in the context of the event's own place: unnamed forces
are that country's. It also reads what the trigger acts on and, for a crowd, who the crowd were.

``implied actors`` runs once the event type is known: where the text names no one for a side, ACLED's
conventions do (an unidentified armed group for violence by no one named, civilians as its victims, the
crowd itself for protests and riots, the forces who faced a crowd, a battle's opponent named elsewhere in
the report). It then settles the associated actors from the sides.
"""

from __future__ import annotations

import itertools
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from conflictlens.coding.actors import ARMED_INTERS, ActorDictionary, ActorMention, DocumentActors, same_state
from conflictlens.coding.annotated import AnnotatedDocument, EventDraft
from conflictlens.coding.attribution import SentenceAttribution, accused_of, blames_the_act_told
from conflictlens.coding.detection import VIOLENT_TYPES, Trigger
from conflictlens.coding.grammar import (
    SUBJECTS,
    Grammar,
    answerable_for,
    doer,
    governing_verb,
    next_sentence,
    noun_it_is_of,
    preposition_of,
    token_at,
    verb_above,
)
from conflictlens.coding.places import PlaceResolver
from conflictlens.knowledge import Knowledge
from conflictlens.model import CIVILIANS_INTER, Actor


class SideReader:
    """Fills a trigger's sides with the root tokens of the actor mentions of its sentence."""

    def __init__(self, grammar: Grammar, *, accusation_verbs: Iterable[str], perpetrator_nouns: Iterable[str],
                 harm_words: Iterable[str] = (), dying_verbs: Iterable[str] = (),
                 state_participles: Iterable[str] = (), act_nouns: Iterable[str] = (),
                 claiming_verbs: Iterable[str] = (), falling_verbs: Iterable[str] = (),
                 consequence_verbs: Iterable[str] = (), kin_nouns: Iterable[str] = (),
                 leaving_verbs: Iterable[str] = (), fight_nouns: Iterable[str] = (),
                 told_dead_marks: Iterable[str] = (), other_time_marks: Iterable[str] = (),
                 military_works: Iterable[str] = ()) -> None:
        self.grammar = grammar
        self.military_works = {w.lower() for w in military_works}
        self.other_time_marks = {w.lower() for w in other_time_marks}
        self.told_dead_marks = {w.lower() for w in told_dead_marks}
        self.fight_nouns = {w.lower() for w in fight_nouns}
        self.leaving_verbs = {w.lower() for w in leaving_verbs}
        self.kin_nouns = {w.lower() for w in kin_nouns}
        self.consequence_verbs = {w.lower() for w in consequence_verbs}
        self.falling_verbs = {w.lower() for w in falling_verbs}
        self.claiming_verbs = {w.lower() for w in claiming_verbs}
        self.act_nouns = {w.lower() for w in act_nouns}
        self.state_participles = {w.lower() for w in state_participles}
        self.accusation_verbs = {a.lower() for a in accusation_verbs}
        self.perpetrator_nouns = {n.lower() for n in perpetrator_nouns}
        self.harm_words = {w.lower() for w in harm_words}
        self.dying_verbs = {w.lower() for w in dying_verbs}

    def read(self, trigger: Trigger, mention_roots: list[Token], excluded: set[int],
                     country_roots: list[Token], other_acts: Collection[int] = ()) -> None:
        """Fill the trigger's sides from the parse; ``excluded`` are claimant tokens (who says, not who does);
        ``other_acts`` the words of the other acts the sentence tells."""
        head = trigger.head
        verb = verb_above(head) if _gerund_named_as_a_noun(head) else governing_verb(head)
        # "A car bombing blamed on Daesh": a participle of blame on the act's noun lays it on its doer.
        accuse = next((a for a in [head, *head.ancestors] if a.lemma_.lower() in self.accusation_verbs), None) \
            or self._blame_for_the_act(verb) or next(
                (c for c in head.children if c.dep_ == "acl" and c.lemma_.lower() in self.accusation_verbs), None)
        subject = _subject_of(verb, self.grammar.relative_pronouns) if verb is not None else None
        # "a village controlled by the IS group": whose ground a place is says who holds it, not who acted or was hit.
        # An actor named inside the act's words is one only as its object ("drove the Islamic State group out of")
        # or as the force that carries it, named before it ("air force strikes").
        candidates = [r for r in mention_roots if r.i not in excluded and (
            r.i not in {t.i for t in trigger.span} or r.i < head.i
            or (r.dep_ in {"dobj", "obj"} and r.head.i == head.i))
                      and not self._holds_ground(r) and not self._kin_named(r)
                      and not self.grammar.told_of_another_act(r, head, self.other_time_marks)]
        causes = self._doers_of_its_cause(verb, other_acts) if verb is not None and subject is not None and (
            subject.passive or verb.lemma_.lower() in self.dying_verbs) else []
        for root in candidates:
            if any(_within(root, doer) for doer in causes) and not self._owns_what_was_hit(root):
                self._place_on_side(trigger, root, 1)
                continue
            self._place_on_side(trigger, root, self._side(root, head, verb, subject, accuse,
                                                                 outcome=trigger.group.outcome))
        if not trigger.side_one:
            backed = next((b for a in trigger.side_one_allies if (b := self._backed_by(a, candidates)) is not None
                           and b not in trigger.side_two), None)
            if backed is not None:
                trigger.side_one.append(backed)
        if not trigger.side_one and subject is not None and not subject.passive:
            trigger.agent_countries = [r for r in country_roots if r.i == subject.token.i and r.i not in excluded
                                       and not self._names_where_the_fighting_is(r)]
        if not trigger.side_one and not trigger.agent_countries:
            # "Airstrikes by the United States", "Airstrikes carried out by the United States": the state named as
            # the agent of the act, or of a participle on it, did it.
            agents = {a.i for a in [*_agents_of(head, self.grammar.agent_prepositions),
                                    *agents_of_participles(head, sources=False)]}
            trigger.agent_countries = [r for r in country_roots if r.i in agents and r.i not in excluded]
        refers_to_claimant = subject is not None and (
            subject.token.i in excluded  # "the army claimed to have killed ..." / "a affirmé avoir neutralisé"
            or subject.token.lower_ in self.grammar.speaker_pronouns
            or any(c.dep_ == "poss" and c.lower_ in self.grammar.speaker_possessives for c in subject.token.children))
        claimants = [r for r in mention_roots if r.i in excluded and r.i < trigger.span.start]
        if claimants and self._claimed(head):
            # "The Islamic State group claims the double suicide bomb attack that hit a police station": who claims
            # an act did it; whoever else the clause seems to make its doer is what it hit.
            trigger.side_two[:0] = [r for r in trigger.side_one if r not in trigger.side_two]
            trigger.side_one[:] = [claimants[-1]]
        elif not trigger.side_one and refers_to_claimant and (sayers := self._sayers(subject, claimants, excluded)):
            # "The army said its aircraft struck ..." / "... said they had neutralised ...": the claimant did it.
            trigger.side_one.append(sayers[-1])
        elif not trigger.side_one and not trigger.agent_countries and refers_to_claimant:
            # "Russia said it had critically injured a leader ... with an air strike": a state that says it did it,
            # with its forces.
            trigger.agent_countries = [r for r in country_roots if r.i in excluded and r.i < trigger.span.start
                                       and r.dep_ == "nsubj"][-1:]  # not "the Britain-based Observatory reported"
        harmer = next((r for r in candidates if self._harms(r)), None) if trigger.group.outcome else None
        if harmer is not None and harmer not in trigger.side_one:
            # "she succumbed to her wounds after she was injured by a terrorists' sniper shot": a death told by its
            # outcome was caused by whoever the sentence says harmed the victim, and the one who died is the victim.
            dead = [r for r in trigger.side_one if r.dep_ == "nsubj" and r.head.lemma_.lower() in self.dying_verbs]
            trigger.side_one[:] = [harmer, *(r for r in trigger.side_one if r not in dead)]
            trigger.side_two[:] = [*dead, *(r for r in trigger.side_two if r != harmer and r not in dead)]
        if not trigger.side_one and not trigger.agent_countries:
            # A misparsed clause: take the subject of the nearest verb before the trigger.
            nearest = _nearest_subject_before(trigger.span, excluded)
            if nearest is not None and not self._named_dead(nearest):
                for root in candidates:
                    if _within(root, nearest) and root not in trigger.side_one_allies and root not in trigger.side_two:
                        self._place_on_side(trigger, root, 3 if self._ally(root) else 1)
        if not trigger.side_one and not trigger.side_one_allies and not trigger.agent_countries:
            before = [r for r in candidates if r.i < trigger.span.start and r not in trigger.side_two]
            # Not whom a phrase of attack names ("launch an offensive on positions of government forces"; "On Sunday
            # regime aircraft bombed", misparsed as one phrase, is a day's).
            named_before = [r for r in before if not self._named_dead(r) and not any(
                a.dep_ == "prep" and a.lower_ in self.grammar.target_prepositions and a.i + 1 < len(a.doc)
                and a.doc[a.i + 1].ent_type_ not in {"DATE", "TIME"} for a in r.ancestors)]
            if named_before:
                trigger.side_one.append(named_before[-1])
            elif before and not trigger.side_two:
                trigger.side_two.append(before[-1])  # "1 person was killed ... by an explosive device": the dead
        if not trigger.side_two and trigger.group.event_type in VIOLENT_TYPES and verb is not None:
            # The victims of a killing follow it even where the parse loses them ("killed 15 presumed X").
            # Not the attackers named again: "... seized by the assailants", "... before the militants set it ablaze".
            doers = self.perpetrator_nouns | {t.lemma_.lower() for t in trigger.side_one}
            # Nor whoever a "by" on a noun names the doer of ("amid ongoing bombardment of the area by Syrian regime
            # and Russian warplanes"; those a verb's "by" names may be the defenders: "motorbikes seized by the
            # soldiers").
            clause = [r for r in candidates if r.i >= trigger.span.end and (trigger.group.outcome or _within(r, verb))
                      and r not in trigger.side_one and r not in trigger.side_one_allies
                      and not (doer(r) and r.lemma_.lower() in doers) and not self._in_a_consequence(r, verb)
                      and not (r.dep_ == "pobj" and r.head.lower_ in self.grammar.agent_prepositions
                               and r.head.head.pos_ in {"NOUN", "PROPN"})]
            if clause:
                trigger.side_two.append(clause[0])
            elif self._harms_them(head):
                # "destroyed two dens for ISIL terrorists ... killing and injuring several of them": the people a
                # pronoun counts are the last named before it, outside parentheses ("crushed two unarmed individuals
                # (described as Boko Haram fighters) and killed one of them" names no group).
                people = _last_plural_before(trigger.span.start, sent_start=head.sent.start, doc=head.doc)
                if people is not None and people not in candidates:
                    # "targeted the terrorists positions killing a number of them": those whose place it was (the
                    # possessive's apostrophe lost, the owner may stand beside the place with no tie in the parse).
                    owners = [c for c in people.children if c.dep_ in {"compound", "poss", "nmod"}]
                    if people.i > people.sent.start:
                        owners.append(people.doc[people.i - 1])
                    people = next((c for c in owners if c in candidates and c.tag_ in {"NNS", "NNPS"}), people)
                if people is not None and people in candidates and people not in trigger.side_one \
                        and people not in trigger.side_one_allies:
                    trigger.side_two.append(people)

    def _in_a_consequence(self, word: Token, verb: Token) -> bool:
        """Whether ``word`` lies in a clause on ``verb`` that tells what the act led others to do: "launched an
        assault on a town prompting air strikes by the US-led coalition" (`consequence_verbs`; not "killing five
        soldiers", "destroying an armoured vehicle of the army", "capturing militants")."""
        return any(a.dep_ in CONSEQUENCE_CLAUSES and a.lemma_.lower() in self.consequence_verbs
                   for a in _links_between(word, verb))

    def _harms_them(self, verb: Token) -> bool:
        """Whether the verb, or one joined to it ("killing and injuring"), acts on "them" ("several of them", "many of
        their members")."""
        pronouns, possessives = self.grammar.people_pronouns, self.grammar.people_possessives
        for word in [verb, *(c for c in verb.children if c.dep_ == "conj")]:
            for obj in (c for c in word.children if c.dep_ in {"dobj", "obj"}):
                counted = [t for p in obj.children if p.lower_ in self.grammar.of_prepositions
                           for t in p.children if t.dep_ == "pobj"]
                if obj.lower_ in pronouns or any(t.lower_ in pronouns or any(
                        c.dep_ == "poss" and c.lower_ in possessives for c in t.children) for t in counted):
                    return True
        return False

    @staticmethod
    def _sayers(subject: _Subject | None, claimants: list[Token], excluded: set[int]) -> list[Token]:
        """The claimants a subject that refers to one means: those it names, where the subject is itself a claimant
        ("media reported citing an Ahrar al-Sham statement that ... detonated a bomb": the media, not the group whose
        statement they cite), or else all of them ("The army said its aircraft struck ...")."""
        if subject is None or subject.token.i not in excluded:
            return claimants
        named = {t.i for t in subject.token.subtree}
        return [r for r in claimants if r.i in named]

    def _claimed(self, head: Token) -> bool:
        """The act is what a claiming verb claims ("IS claims the double suicide bomb attack", "claimed responsibility
        for the attack"), not a clause with a doer of its own ("rebels claimed the army shelled the village")."""
        for verb in [head, *head.ancestors]:
            if verb.lemma_.lower() in self.claiming_verbs:
                return verb.i < head.i
            if verb.pos_ in {"VERB", "AUX"} and any(c.dep_ in {"nsubj", "nsubjpass"} and not _within(head, c)
                                                    for c in verb.children):
                return False
        return False

    def _acts_it_came_in(self, word: Token | None) -> list[Token]:
        """"were killed in the army's operations", "killed two people in an attack claimed by IS": the acts a word
        says it came in."""
        if word is None:
            return []
        def came_in(head: Token) -> list[Token]:
            return [noun for prep in head.children if prep.lower_ in {"in", "during"}
                    for noun in prep.children if noun.dep_ == "pobj"]

        nouns = came_in(word)
        if not nouns and word.pos_ in {"VERB", "AUX"}:
            # "Many terrorists were killed and some of their vehicles were destroyed during the army strikes": a phrase
            # after the verbs joined to this one, where it has none of its own, tells how all of them came about.
            nouns = [noun for verb in word.children if verb.dep_ == "conj" and verb.pos_ in {"VERB", "AUX"}
                     for noun in came_in(verb)]
        # "in some of the heaviest raids by Russian aircraft": the acts a share of which it was.
        nouns += [part for noun in nouns if noun.pos_ in {"PRON", "NUM"} for prep in noun.children
                  if prep.lower_ == "of" for part in prep.children if part.dep_ == "pobj"]
        return [noun for noun in nouns if self.act_noun(noun)]

    def _act_measured_by(self, head: Token) -> Token | None:
        """"a barrage of rocket fire", "a wave of air strikes": the act noun whose "of" the trigger follows."""
        act = noun_it_is_of(head)
        return act if act is not None and act.pos_ == "NOUN" and self.act_noun(act) else None

    def _agent_named(self, act: Token) -> bool:
        """Whether an act's noun names who did it after it ("a military operation by the Turkish Armed Forces"): its
        modifier then only describes it."""
        return act.pos_ == "NOUN" and bool(_agents_of(act, self.grammar.agent_prepositions))

    def _names_where_the_fighting_is(self, country: Token) -> bool:
        """"Syria fighting kills 132 Islamic State fighters", however the parse reads it (the country as the subject,
        "fighting" a participle on it): a country named right before a noun of fighting says where it is, not who
        fought."""
        after = country.i + 1
        return after < len(country.doc) and country.doc[after].lower_ in self.fight_nouns

    def act_noun(self, noun: Token) -> bool:
        # A headline's capitalised noun ("in Syrian Army Anti-Terrorism Operations") is its own lemma to the tagger.
        word = noun.lemma_.lower() if noun.pos_ != "PROPN" else noun.lower_.removesuffix("s")
        return word in self.act_nouns

    def _holds_ground(self, root: Token) -> bool:
        """"a village controlled by the IS group", "prisoners being held by Ahrar al-Sham", "the Al-Boulil region that
        is controlled by the Islamic State group": the agent of a participle of a state on a noun, or in a relative
        clause on it (one with "being" and no finite verb is one however the parse hangs it), hedged or not."""
        if root.dep_ != "pobj" or root.head.dep_ != "agent":
            return False
        participle = root.head.head
        # "the area believed to be held by Islamic State group fighters": a hedge carries the participle.
        hedged = participle.dep_ == "xcomp" and participle.head.dep_ in {"acl", "relcl"}
        on_a_noun = participle.dep_ in {"acl", "relcl"} or hedged or (
            any(c.dep_ == "auxpass" and c.tag_ == "VBG" for c in participle.children)
            and not any(c.dep_ == "aux" for c in participle.children))
        return on_a_noun and participle.lemma_.lower() in self.state_participles

    def _owns_what_was_hit(self, root: Token) -> bool:
        """"A suicide blast near the headquarters of Ahrar al-Sham military group", "shelled the positions of the army":
        whose works or posts an act hit was hit (not whose positions it came from: "fire from positions of the army")."""
        noun = root
        while noun.dep_ in {"compound", "amod", "nmod"} and noun.head.i != noun.i:
            noun = noun.head  # "Ahrar al-Sham military group": the group's name names the group
        works = noun_it_is_of(noun)
        return works is not None and bool({works.lemma_.lower(), works.lower_} & self.military_works) \
            and not (works.dep_ == "pobj" and works.head.lower_ == "from")

    def _kin_named(self, root: Token) -> bool:
        """ "executed six families of rebel fighters", "the wives of IS commanders": a group named for whose kin
        the people are is no side of the act; the kin are."""
        noun = root
        while noun.dep_ in {"compound", "amod", "nmod", "poss"} and noun.head.i != noun.i:
            noun = noun.head  # "the wives of two Islamic State commanders": the group names the commanders
        kin = noun_it_is_of(noun)
        return kin is not None and kin.lemma_.lower() in self.kin_nouns

    def _tells_what_it_is(self, verb: Token, head: Token) -> bool:
        """The trigger is what the subject of its copula is: an outcome word there ("two commanders were among the
        dead") says whom the act was done to."""
        return verb.lemma_.lower() in self.grammar.copulas and head.i != verb.i

    def _harms(self, root: Token) -> bool:
        """The agent of a passive verb of harm, directly or through what it did it with ("injured by a sniper's
        shot", "wounded by gunmen")."""
        for word in [root, *root.ancestors][:3]:
            if word.dep_ == "pobj" and word.head.dep_ == "agent":
                return word.head.head.lemma_.lower() in self.harm_words
        return False

    @staticmethod
    def _place_on_side(trigger: Trigger, root: Token, side: int | None) -> None:
        target = {1: trigger.side_one, 2: trigger.side_two, 3: trigger.side_one_allies}.get(side or 0)
        if target is not None and root not in target:
            target.append(root)

    def _blame_for_the_act(self, verb: Token | None) -> Token | None:
        """A clause that lays the act, named again, at someone's door: "18 civilians were killed ..., the Observatory
        said, blaming the attack on forces loyal to Assad"."""
        for clause in (c for v in ([verb, *verb.ancestors] if verb is not None else []) for c in v.children):
            if clause.dep_ == "advcl" and clause.lemma_.lower() in self.accusation_verbs \
                    and blames_the_act_told(clause, self.grammar):
                return clause
        return None

    def _ally(self, root: Token) -> bool:
        return self._ally_phrase(root) is not None

    def _ally_phrase(self, root: Token) -> Token | None:
        """The first word of the phrase that makes ``root`` an ally ("backed by its ally Hezbollah"), if one does."""
        preceding = root.doc[max(root.sent.start, root.left_edge.i - 6) : root.left_edge.i]
        found = self.grammar.ally_phrases.search(preceding.text)
        return token_at(preceding, preceding.start_char + found.start()) if found is not None else None

    def _backed_by(self, ally: Token, candidates: list[Token]) -> Token | None:
        """The side an ally phrase follows: "the army backed by its Lebanese ally Hezbollah shelled Flita", where the
        parse made the ally the verb's subject and hung the army on the participle."""
        phrase = self._ally_phrase(ally)
        if phrase is None or phrase.i == phrase.sent.start:
            return None
        return next((r for r in candidates if r.i == phrase.i - 1), None)

    def _dead_told_as_harmed(self, verb: Token | None, subject: _Subject | None) -> bool:
        """The clause's subject is who was harmed: "Five rebels were killed", "two soldiers died"."""
        return verb is not None and subject is not None and (
            (subject.passive and verb.lemma_.lower() in self.harm_words) or verb.lemma_.lower() in self.dying_verbs)

    def _side(self, root: Token, head: Token, verb: Token | None, subject: _Subject | None,
              accuse: Token | None, *, outcome: bool = False) -> int | None:
        if accuse is not None:
            accused = accused_of(accuse, self.act_nouns)
            if accused is not None and _within(root, accused):
                return 1
            accuser = next((c for c in accuse.children if c.dep_ == "nsubj"), None)
            if accuser is not None and _within(root, accuser):
                return None
        answerable = answerable_for(head, self.grammar.copulas)
        if answerable is not None and _within(root, answerable):
            return 1
        if self._owns_what_was_hit(root):
            return 2
        if self._ally(root):
            return 3
        if root.dep_ in {"amod", "nmod", "compound", "poss"} and (
                root.head.i == head.i or root.head in self._acts_it_came_in(head)) and not self._agent_named(root.head):
            # "une attaque jihadiste", "an Islamic State car bomb", "the army's shelling", "killed in the Syrian
            # army's operations": the actor named as the act's modifier or owner made it.
            return 1
        if head.lemma_.lower() in self.falling_verbs and (prep := _prep_between(root, head)) is not None \
                and prep.lower_ in self.grammar.recipient_prepositions:
            return 1  # "the base had fallen to the Islamists": whom a place falls to took it
        # "an ambush laid by jihadists" / "une embuscade tendue par des jihadistes", "killed two people in an attack
        # claimed by IS": the participle's agent did it.
        acts = [head, *self._acts_it_came_in(head), *self._acts_it_came_in(verb)]
        for clause in (c for act in acts for c in participles_on(act)):
            prep = _prep_between(root, clause)
            if prep is not None and (prep.dep_ == "agent" or prep.lower_ in self.grammar.agent_prepositions):
                return 1
        if any(_within(root, carrier) for carrier in agents_of_participles(head)):
            return 1  # "barrel bombs dropped from Syrian government helicopters": whose helicopters dropped them
        # "air strikes targeting IS positions"; "US-led air strikes killed at least 20 IS fighters ... a monitor said",
        # parsed as strikes that killed (a participle on the act, the monitor's saying its verb): the object of a
        # participle on the act is whom the act hit.
        if any(_names_part_of(root, obj) for clause in _clauses_acting_on(head)
               for obj in clause.children if obj.dep_ in OBJECT_DEPENDENCIES):
            return 2
        # "were killed during a military operation by the Turkish Armed Forces": the agent of the act it came in.
        for act in acts[1:]:
            prep = _prep_between(root, act)
            if prep is not None and prep.lower_ in self.grammar.agent_prepositions:
                return 1
        first = _first_between(head, self.grammar.between_prepositions) \
            if head.pos_ == "NOUN" or head.tag_ == "VBG" else None
        if first is not None and _within(root, first.head):
            # "clashes between the Islamic State and the Nusra Front": the first named is one side, the rest the other
            # (also when the parse joins the rest to the group the first side is from: "between rebels from the Army
            # of Islam and ISIL").
            # A phrase the parse hung on the first side after the rest began is the rest's: "between the Daesh
            # fighters and members of the US-backed SDF".
            rest_begins = min((c.i for c in first.children if c.dep_ == "conj"), default=len(root.doc))
            whose = [first, *(g for p in first.children if p.dep_ == "prep" for g in p.children if g.dep_ == "pobj")]
            return 1 if _within(root, first) and not any(
                _within(root, c) for w in whose for c in w.children if c.dep_ == "conj") and not any(
                _within(root, p) for p in first.children if p.dep_ == "prep" and p.i > rest_begins) else 2
        # "a missile strike on a military airfield": the noun the trigger names a kind of takes its target.
        # "a barrage of rocket fire from Syrian rebels": the act the trigger is a measure of takes its phrases too.
        measured = self._act_measured_by(head)
        # "clashes that erupted with government forces": a relative clause on the act's noun tells whom it was with
        # (only that: "raids on the region that is controlled by the IS group" name the ground's holder).
        erupted = [c for c in head.children if c.dep_ == "relcl"] if head.pos_ == "NOUN" else []
        for anchor in (head, _noun_named_by(head), measured, verb, *erupted):
            if anchor is None:
                continue
            prep = _prep_between(root, anchor)
            if prep is not None and anchor in erupted and prep.lower_ not in self.grammar.with_prepositions:
                continue
            if prep is not None:
                word, grammar = prep.lower_, self.grammar
                if word in grammar.target_prepositions or (word in grammar.of_prepositions and anchor.pos_ == "NOUN"):
                    return 2
                if word in grammar.agent_prepositions or (
                        word in grammar.source_prepositions and anchor in (head, measured)
                        and (head.pos_ == "NOUN" or head.tag_ == "VBG")):
                    return 1
                if word in grammar.with_prepositions:
                    # "Five rebels were killed in clashes with government forces": whom the dead fought killed them;
                    # not "in those clashes, with the Kurdish forces capturing a hilltop", a clause of what else went on.
                    absolute = any(c.dep_ == "acl" and c.tag_ == "VBG" for o in prep.children for c in o.children)
                    return 1 if self._dead_told_as_harmed(verb, subject) and not absolute else 2
        if verb is None:
            return None
        if verb.dep_ == "acl" and verb.tag_ == "VBN" and root.i == verb.head.i and not any(
                c.dep_ in {"dobj", "obj"} for v in (verb, *verb.conjuncts) for c in v.children):
            # "miners bombed by ...": the noun a passive participle modifies is its target; with an object it is a
            # past tense the parse misread ("presumed ISWAP militants abducted [and executed] one civilian").
            return 2
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        if agent is not None and _within(root, agent) and not _in_relative_clause(root, agent):
            return 1
        if subject is not None and subject.acted_on_in_its_clause(root, self.grammar.target_prepositions):
            return 2
        if outcome and subject is not None and _within(root, subject.token) \
                and verb.lemma_.lower() in self.leaving_verbs and any(c.lower_ == "behind" for c in verb.children):
            return 2  # "ISIS left behind scores of dead and wounded members": its own dead
        if subject is not None and subject.token.i == head.i and any(
                _within(root, clause) for clause in _clauses_acting_on(head)):
            # "A coalition air strike killed 18 civilians in the Daesh stronghold of Raqqa ... the Observatory said",
            # parsed as a strike that killed: the words of what the act did are not its doer.
            return None
        if subject is not None and subject.covers(root, self.grammar.target_prepositions):
            # "two commanders were among the dead", "two soldiers died after an attack on their post": who died is
            # whom it was done to.
            dying = (outcome and self._tells_what_it_is(verb, head)) or verb.lemma_.lower() in self.dying_verbs
            return 2 if subject.passive or dying or self._headline_harm(verb) else 1
        for child in verb.children:
            if child.dep_ in {"dobj", "obj", "attr"} and _within(root, child):
                return 2
        if any(_within(root, victim) for victim in self._harmed_as_it_happened(verb)):
            return 2
        # "The SDF killed 23 Daesh members and liberated three neighbourhoods": whom a verb of harm joined to the
        # act's, with one subject, harmed is the other side.
        for joined in verb.conjuncts:
            later = joined if joined.i > verb.i else verb
            if joined.pos_ == "VERB" and joined.lemma_.lower() in self.harm_words \
                    and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in later.children) \
                    and any(c.dep_ in {"dobj", "obj"} and (c == root or c == _noun_named_by(root))
                            for c in joined.children):
                return 2
        return None

    def _harmed_as_it_happened(self, verb: Token) -> list[Token]:
        """"Five civilians were killed when regime forces bombed the town", "13 civilians were killed and 30 others
        were wounded when regime forces bombed a market": the act told as how a harm came about harmed those the harm
        is told of (the subjects of the passive verbs of harm, or of dying, it hangs on, and of those joined to them).
        Not where the clause says the harmed did something in it ("three militants died when a bomb they were
        transporting exploded": their own bomb)."""
        harmed_verb = verb.head
        if verb.dep_ != "advcl" or verb not in self.grammar.cause_clauses(harmed_verb) or any(
                w.dep_ == "nsubj" and w.pos_ == "PRON" for w in verb.subtree):
            return []
        victims = []
        for word in [harmed_verb, *harmed_verb.conjuncts]:
            lemma = word.lemma_.lower()
            for subject in word.children:
                if (subject.dep_ == "nsubjpass" and lemma in self.harm_words) or (
                        subject.dep_ == "nsubj" and lemma in self.dying_verbs):
                    victims.append(subject)
        return victims

    def _doers_of_its_cause(self, verb: Token, other_acts: Collection[int]) -> list[Token]:
        """The subjects of the clause that tells how a death came about: "At least 85 Syrian army troops were killed as
        the jihadist Islamic State advanced on a regime position" (not a clause in the passive: "were killed when
        their convoy was hit"; nor one that tells an act of its own, which has its own sides: "two people were killed
        when police opened fire on protesters")."""
        return [subject for clause in self.grammar.cause_clauses(verb)
                if not any(t.i in other_acts for t in clause.subtree)
                for subject in clause.children if subject.dep_ == "nsubj"]

    def _named_dead(self, word: Token) -> bool:
        """"70 ISIS terrorists killed and many injured in ... airstrikes": the dead a headline's participle of harm,
        or a passive verb of harm, names (``word`` within its subject) are no doer; nor are those a copula puts among
        the dead ("Pro-government militiamen were also among those killed in the mortar attack")."""
        for subject in [word, *word.ancestors]:
            if subject.dep_ == "nsubjpass" and subject.head.lemma_.lower() in self.harm_words:
                return True  # "Over 100 terrorists have been killed ... in the Russian air raids"
            if subject.dep_ in {"nsubj", "nsubjpass"}:
                return self._headline_harm(subject.head) or self._among_the_harmed(subject.head)
        return False

    def _among_the_harmed(self, verb: Token) -> bool:
        """A copula that puts its subject among the harmed ("were among those killed", `told_dead_marks`)."""
        return verb.lemma_.lower() in self.grammar.copulas and any(
            w.lemma_.lower() in self.harm_words for p in verb.children
            if p.dep_ == "prep" and p.lower_ in self.told_dead_marks for w in p.subtree)

    def _headline_harm(self, verb: Token) -> bool:
        """"Four soldiers killed in an ambush", "70 ISIS terrorists killed and many injured in airstrikes": a
        headline's participle of harm (tagged a past tense or not), with no auxiliary and no object, and the act it
        came in after it, tells what was done to its subject. (A verb of dying is read as one wherever it stands.)"""
        lemma = verb.lemma_.lower()
        return verb.dep_ == "ROOT" and verb.tag_ in {"VBN", "VBD"} and lemma in self.harm_words \
            and lemma not in self.dying_verbs \
            and not any(c.dep_ in {"aux", "auxpass", "dobj", "obj"} or (
                c.dep_ == "conj" and c.pos_ == "VERB" and any(o.dep_ in {"dobj", "obj"} for o in c.children))
                for c in verb.children) \
            and any(t.dep_ == "prep" and t.lower_ in HARM_CAUSE_PREPOSITIONS for t in verb.subtree)


# "killed in an ambush", "killed by gunmen", "killed during clashes": the act a headline's dead came in.
HARM_CAUSE_PREPOSITIONS = {"in", "by", "during"}


@dataclass(frozen=True, slots=True)
class _Subject:
    """A clause's subject; for a relative clause, the noun it modifies, minus the clause itself."""

    token: Token
    passive: bool
    relative_clause: Token | None = None

    def covers(self, root: Token, target_prepositions: Collection[str]) -> bool:
        if not _within(root, self.token) or self.acted_on_in_its_clause(root, target_prepositions):
            return False
        return self.relative_clause is None or not _within(root, self.relative_clause)

    def acted_on_in_its_clause(self, root: Token, target_prepositions: Collection[str]) -> bool:
        """"the double suicide bomb attack that hit a police station ... killing 17": what the subject's own relative
        clause acts on is not the subject but the act's target; so is whom a participle on it was done against
        ("Airstrikes carried out by the United States against Nusra Front insurgents"), and whom the subject itself
        was against ("Coalition strikes against Daesh terrorists ... left 31 civilians dead")."""
        return any(_within(root, o) for c in self.token.children if c.dep_ == "relcl"
                   for o in c.children if o.dep_ in {"dobj", "obj"}) \
            or any(_within(root, o) for c in [self.token, *(c for c in self.token.children if c.dep_ == "acl")]
                   for p in c.children if p.dep_ == "prep" and p.lower_ in target_prepositions
                   for o in p.children if o.dep_ == "pobj")


def agents_of_participles(word: Token, *, sources: bool = True) -> list[Token]:
    """Who or what did what a participle after the word says was done with it: "jets" in "rockets fired by Russian
    jets", "helicopters" in "barrel bombs dropped from Syrian government helicopters" (without ``sources``, only
    the participles' agents: "fired from Turkey" may say where from)."""
    participles = participles_on(word)
    # "Barrel bombs dropped from ... helicopters" read as a clause: the verb the weapon is the subject of.
    verbs = [word.head] if word.dep_ in {"nsubj", "nsubjpass"} and word.head.pos_ == "VERB" else []
    return [g for c in [*participles, *verbs] for a in c.children
            if (a.dep_ == "agent" and c in participles) or (sources and a.dep_ == "prep" and a.lower_ == "from")
            for g in a.children if g.dep_ == "pobj"]


def participles_on(word: Token) -> list[Token]:
    """The participles on a noun, and those a hedge on it carries ("air strikes suspected to be carried out by the
    regime", "raids believed to have been launched by Russian jets": "carried", "launched")."""
    participles = [c for c in word.children if c.dep_ == "acl"]
    return [*participles, *(x for c in participles for x in c.children if x.dep_ == "xcomp" and x.tag_ == "VBN")]


def _word_before(trigger: Trigger) -> Token | None:
    """The word right before the act's words, in its sentence."""
    start = trigger.span.start
    return trigger.span.doc[start - 1] if start > trigger.span.sent.start else None


def _modifiers_before(trigger: Trigger) -> list[Token]:
    """The words right before the act's words that modify them, nearest first: "mortar" and "rebel" in "a rebel
    mortar attack"."""
    doc, span = trigger.span.doc, trigger.span
    modified = {t.i for t in span}
    words = []
    for i in range(span.start - 1, span.sent.start - 1, -1):
        word = doc[i]
        if word.dep_ not in {"amod", "compound", "nmod"} or word.head.i not in modified:
            break
        words.append(word)
        modified.add(i)
    return words or [w for w in [_word_before(trigger)] if w is not None]


def _noun_named_by(word: Token) -> Token | None:
    """The noun a compound word names a kind of: "strike" in "missile strike"."""
    return word.head if word.dep_ == "compound" and word.head.pos_ in {"NOUN", "PROPN"} else None


def target_lemmas(targets: list[Token]) -> set[str]:
    """A trigger's targets (``target_tokens``) as lemmas and words."""
    return {t.lemma_.lower() for t in targets} | {t.lower_ for t in targets}


def target_modifiers(targets: list[Token], *, with_owners: bool = False) -> set[str]:
    """The words that qualify a trigger's targets, as lemmas and words ("the National Guard camp": national, guard),
    and with ``with_owners`` whose they are ("the ruling party's headquarters": party)."""
    deps = {"compound", "amod", "nmod", "poss"} if with_owners else {"compound", "amod", "nmod"}
    return target_lemmas([c for t in targets for c in t.children if c.dep_ in deps])


def target_tokens(trigger: Trigger, grammar: Grammar) -> list[Token]:
    """What a trigger acts on: its verb's object, the subject of a passive verb, and "against"/"on" phrases
    ("attacked a camp", "tourists were attacked")."""
    head = trigger.head
    verb = governing_verb(head)
    targets: list[Token] = []
    for anchor in [a for a in (head, verb) if a is not None]:
        for child in anchor.children:
            if child.dep_ in {"dobj", "obj", "nsubjpass"}:
                targets.append(child)
                continue
            prep = preposition_of(child)
            if prep is not None and prep.lower_ in grammar.target_prepositions:
                targets.extend([c for c in child.children if c.dep_ == "pobj"] if prep is child else [child])
    if not targets:
        # "killing and wounding several commanders": coordinated verbs share the object the parse gave the last.
        targets = [c for conj in head.children if conj.dep_ == "conj" and conj.pos_ == "VERB"
                   for c in conj.children if c.dep_ in {"dobj", "obj"}]
    if not targets and head.dep_ == "acl" and head.tag_ == "VBN":
        targets = [head.head]  # "8 Civilians Killed in Terrorist Attacks": a headline's participle acts on its noun
    if not targets and head.pos_ == "VERB":
        # The parse lost the object ("assaulted passengers" read as an adjective): the noun right after the verb,
        # before any preposition ("Killed in Terrorist Attacks" names the cause).
        following = itertools.takewhile(lambda t: t.pos_ != "ADP", head.doc[head.i + 1 : min(head.i + 4, head.sent.end)])
        targets = [t for t in following if t.pos_ in {"NOUN", "PROPN"}][:1]
    return targets


def _glossed_name_before(word: Token, roots: Collection[int]) -> Token | None:
    """The root of the name just before a gloss in parentheses that ends right before ``word``, if any."""
    doc = word.doc
    if word.i < 3 or doc[word.i - 1].text != ")":
        return None
    opening = next((t.i for t in reversed(doc[max(word.sent.start, word.i - GLOSS_MAX_TOKENS) : word.i - 1])
                    if t.text == "("), None)
    if opening is None or opening - 1 not in roots:
        return None
    return doc[opening - 1]


# The longest gloss in parentheses between a group's name and its fighters' noun ("(Qaeda branch in the Levant)").
GLOSS_MAX_TOKENS = 10


def _links_between(word: Token, anchor: Token) -> list[Token]:
    """The words through which ``word`` hangs off ``anchor``, below it (none if it does not)."""
    return [a for a in word.ancestors if a.i != anchor.i and anchor.is_ancestor(a)]


def _within(token: Token, head: Token) -> bool:
    return token.i == head.i or head in token.ancestors


def _last_plural_before(end: int, *, sent_start: int, doc: Any) -> Token | None:
    """The last plural noun before token ``end`` in its sentence, outside parentheses."""
    depth = 0
    for i in range(end - 1, sent_start - 1, -1):
        word = doc[i]
        depth += (word.text == ")") - (word.text == "(")
        if depth == 0 and word.tag_ in {"NNS", "NNPS"}:
            return word
    return None


def _subjects_nearest_first(verb: Token) -> list[Token]:
    """The verb's dependents, the nearest first; but of two subjects, one that follows a relative clause with no
    object of its own is that clause's lost object ("The Army of Conquest, an opposition coalition that includes
    Al-Nusra Front, began its assault")."""
    children = sorted(verb.children, key=lambda c: abs(c.i - verb.i))
    subjects = [c for c in children if c.dep_ in {"nsubj", "nsubjpass", "csubj"}]
    if len(subjects) < 2:
        return children
    nearer, farther = subjects[0], subjects[1]
    lost_object = farther.i < nearer.i and any(
        t.pos_ == "VERB" and t.dep_ in {"relcl", "acl"} and not any(c.dep_ in {"dobj", "obj"} for c in t.children)
        for t in verb.doc[farther.i + 1 : nearer.i])
    return [farther, *(c for c in children if c is not farther)] if lost_object else children


def _subject_of(verb: Token, relative_pronouns: frozenset[str]) -> _Subject | None:
    current = verb
    gerund_passive: bool | None = None
    for _ in range(5):
        # Of two subjects the parse gave one verb ("HOMS (Sputnik) On Thursday night the United States launched"),
        # the nearer is the verb's.
        for child in _subjects_nearest_first(current):
            if child.dep_ in {"nsubj", "nsubjpass", "csubj"}:
                if child.lower_ in relative_pronouns and current.dep_ == "relcl":
                    return _Subject(current.head, child.dep_ == "nsubjpass", current)
                return _Subject(child, child.dep_ == "nsubjpass" if gerund_passive is None else gerund_passive)
        if current.dep_ == "pcomp" and current.tag_ == "VBG" and current.head.dep_ == "prep" and gerund_passive is None \
                and any(c.dep_ in {"dobj", "obj", "auxpass"} for c in current.children):
            # "After establishing control over the station, the army advanced", "killed after attacking the post": a
            # gerund that acts on something after a preposition has the subject of the clause the preposition hangs
            # from, as its doer unless the gerund is itself passive ("before being captured"); "during fighting" is a
            # noun's story, whoever the clause's subject is.
            gerund_passive = any(c.dep_ == "auxpass" for c in current.children)
            current = current.head.head
        elif current.dep_ in {"xcomp", "conj", "advcl", "pcomp"} and current.head is not current:
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
        if subject is not None and subject.pos_ != "PRON":
            return subject  # "regime aircraft killed ten when they dropped barrel bombs": "they" are the aircraft
    return None


def _agents_of(noun: Token, agent_prepositions: frozenset[str]) -> list[Token]:
    """Who a noun's agent preposition names: "an operation by the Turkish Armed Forces", "raids by warplanes"."""
    return [o for p in noun.children if p.dep_ == "prep" and p.lower_ in agent_prepositions
            for o in p.children if o.dep_ == "pobj"]


def state_weapons(knowledge: Knowledge) -> set[str]:
    """The words of the weapons only states wield (`state_weapon_sub_types`): "warplanes", "jets", "aircraft"."""
    return {w for sub_type in knowledge.conventions["state_weapon_sub_types"]
            for w in knowledge.conventions["remote_means"][sub_type]}


def military_named(word: Token, countries: dict[int, str], local_country: str | None, actors: ActorDictionary,
                   places: PlaceResolver, state_words: set[str]) -> Actor | None:
    """The military a state's own word ("regime", of ``local_country``), a people's adjective ("Russian") or a
    country's name (``countries``, by each name's last word) names, if any."""
    if word.lower_ in state_words:
        return actors.military_of(local_country) if local_country else None
    code = places.demonyms.get(word.lower_) or countries.get(word.i)
    return actors.military_of(places.country_name(code) or "") if code else None


def _first_between(act: Token, between_words: frozenset[str]) -> Token | None:
    """The first side named after the act's "between" ("clashes between regime and Kurdish forces": "regime"), or
    after the "between" of the verb the act is the subject of, or of a phrase on that verb ("Clashes erupted on
    Saturday between Turkish forces and Kurdish fighters", "clashes erupted for the first time between ..."), or of a
    relative clause on the act ("clashes that ensued between Kobani's Kurdish defenders and the jihadists"), or of a
    place's other name in such a phrase ("Fighting raged in Syria's second city Aleppo between rebels and regime
    loyalists", parsed as Aleppo's "between")."""
    anchors = [act, *(c for c in act.children if c.dep_ == "relcl")]
    verb = act.head if act.dep_ in {"nsubj", "nsubjpass"} else act.head.head if act.dep_ == "pobj" else None
    if verb is not None and verb.pos_ == "VERB" and act.i < verb.i:  # "On Saturday clashes erupted", misparsed too
        anchors += [verb, *(named for p in verb.children if p.dep_ == "prep" and not p.is_ancestor(act)
                            for o in p.children if o.dep_ == "pobj"
                            for named in (o, *(a for a in o.children if a.dep_ == "appos")))]
    prep = next((c for a in anchors for c in a.children if c.dep_ == "prep" and c.lower_ in between_words), None)
    return next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None


def _prep_between(token: Token, anchor: Token) -> Token | None:
    """The preposition through which ``token`` hangs off ``anchor`` directly, if any: not through a relative clause
    on the preposition's object ("wounded by a mortar round that hit the Opera House near government buildings": the
    buildings are where the round fell, not who fired it), nor through a clause the preposition takes ("launched an
    assault on Saturday prompting air strikes by the US-led coalition", parsed as "on ... prompting": the coalition
    is the doer of what followed, not whom the assault was on)."""
    if _in_relative_clause(token, anchor) or any(a.dep_ == "pcomp" and a.pos_ == "VERB"
                                                 for a in _links_between(token, anchor)):
        return None
    child = token
    for ancestor in token.ancestors:
        if ancestor.i == anchor.i:
            return preposition_of(child)
        child = ancestor
    return None


def _clauses_acting_on(act: Token) -> list[Token]:
    """The participles on an act's noun that take an object: "strikes targeting IS positions", or a past tense the
    parse read as one ("US-led air strikes killed at least 20 fighters ... a monitor said")."""
    return [c for c in act.children if c.dep_ == "acl" and any(o.dep_ in OBJECT_DEPENDENCIES for o in c.children)]


def _names_part_of(token: Token, noun: Token) -> bool:
    """``token`` is the noun, or a word of its name ("Islamic State" of "Islamic State fighters", "and the army"),
    not a word of a phrase hung on it ("civilians [on Tuesday in the Daesh stronghold]")."""
    for word in [token, *token.ancestors]:
        if word.i == noun.i:
            return True
        if word.dep_ not in NAME_PART_DEPENDENCIES:
            return False
    return False


def _in_relative_clause(token: Token, head: Token) -> bool:
    """Whether ``token`` lies in a relative clause below ``head``: "by a mortar round that hit [the Opera House near
    government buildings]" names where the round fell, not who fired it."""
    return any(word.dep_ == "relcl" for word in [token, *_links_between(token, head)])


OBJECT_DEPENDENCIES = {"dobj", "obj"}
# How a clause of what an act led to hangs on its verb ("... on Saturday prompting air strikes", also parsed under
# the preposition before it).
CONSEQUENCE_CLAUSES = {"advcl", "pcomp"}
# How a word hangs inside a noun's own name or list: "Islamic State fighters", "the army and police".
NAME_PART_DEPENDENCIES = {"compound", "amod", "nmod", "poss", "conj", "cc", "appos", "nummod", "det"}


class Roles:
    """Each draft's sides, resolved to actors; actor1 and actor2 are the first of each side."""

    name = "roles"
    requires = ("drafts", "drafts.place", "actor_roots", "actor_context", "sentence_attribution", "toponyms")
    adds = ("drafts.sides", "drafts.targets", "drafts.crowd")

    def __init__(self, actors: ActorDictionary, places: PlaceResolver, grammar: Grammar, knowledge: Knowledge) -> None:
        self.actors = actors
        self.places = places
        self.grammar = grammar
        self.sides = SideReader(grammar, accusation_verbs=knowledge.attribution["accusation_verbs"],
                                perpetrator_nouns=knowledge.conventions["perpetrator_nouns"],
                                harm_words=knowledge.conventions["harm_words"],
                                dying_verbs=knowledge.conventions["dying_verbs"],
                                state_participles=knowledge.conventions["state_participles"],
                                act_nouns=knowledge.conventions["act_nouns"],
                                claiming_verbs=knowledge.conventions["claiming_verbs"],
                                falling_verbs=knowledge.conventions["falling_verbs"],
                                consequence_verbs=knowledge.conventions["consequence_verbs"],
                                kin_nouns=knowledge.conventions["kin_nouns"],
                                leaving_verbs=knowledge.conventions["leaving_verbs"],
                                fight_nouns=knowledge.conventions["fight_nouns"],
                                told_dead_marks=knowledge.conventions["told_dead_marks"],
                                other_time_marks=knowledge.conventions["other_time_marks"],
                                military_works=knowledge.conventions["military_works"])
        self.riot_participants = {w.lower() for w in knowledge.conventions["riot_participants"]}
        self.air_only_actors = set(knowledge.conventions.get("actors_striking_from_the_air", []))
        self.crowd_quantities = {w.lower() for w in knowledge.conventions["crowd_quantities"]}
        self.state_weapon_sub_types = set(knowledge.conventions["state_weapon_sub_types"])
        self.state_words = {w.lower() for w in knowledge.conventions["state_words"]}
        self.group_words = {w.lower(): kind for w, kind in knowledge.conventions["group_words_before_acts"].items()}
        self.coalition_words = {w.lower() for w in knowledge.conventions["coalition_words"]}
        self.coalition_leading_words = {w.lower() for w in knowledge.conventions["coalition_leading_words"]}
        self.political_coalition_words = {w.lower() for w in knowledge.conventions["political_coalition_words"]}
        self.coalitions_by_country = dict(knowledge.conventions["coalitions_by_country"])
        self.fought_by_forces = set(knowledge.conventions["fought_by_forces"])
        self.carrying_verbs = {w.lower() for w in knowledge.conventions["carrying_verbs"]}
        self.armed_persons = {w.lower() for w in knowledge.conventions["armed_persons"]}
        self.weapon_phrases = {w.lower() for words in knowledge.conventions["remote_means_phrases"].values()
                               for w in words}
        self.state_weapons = state_weapons(knowledge)

    def __call__(self, annotated: AnnotatedDocument) -> None:
        assert annotated.drafts is not None and annotated.actor_roots is not None
        assert annotated.actor_context is not None and annotated.sentence_attribution is not None
        for draft in annotated.drafts:
            self._read(draft, annotated.actor_roots, annotated.sentence_attribution[draft.sentence_index],
                       annotated.sentence_toponyms(draft.sentence_index), annotated)

    def _read(self, draft: EventDraft, roots: dict[int, ActorMention], attribution: SentenceAttribution,
              toponyms: list[Any], annotated: AnnotatedDocument) -> None:
        trigger, sent = draft.trigger, draft.sentence
        mention_roots = [sent.doc[i] for i in sorted(roots) if sent.start <= i < sent.end]
        countries = {t.token_end - 1: t.country_code for t in toponyms if t.country_code}  # by each name's last word
        other_acts = {t.i for other in annotated.drafts_in(draft.sentence_index) if other is not draft
                      for t in other.trigger.span}
        self.sides.read(trigger, mention_roots, attribution.claimant_tokens, [sent.doc[i] for i in countries],
                        other_acts)
        place = draft.event.place
        context = annotated.actor_context
        assert context is not None
        # "Soldiers clashed near Tera": unnamed state forces are those of the country it happened in.
        local = replace(context, country=place.country) if place is not None and place.country else context
        draft.context = local

        def resolve_all(tokens: list[Token]) -> list[Actor]:
            return _unique(self._wielder(self.actors.resolve(roots[t.i], local), t) for t in tokens)

        side_one = resolve_all(trigger.side_one)
        for root in trigger.agent_countries:
            military = self._military_of(countries[root.i])
            if military is not None:
                side_one.append(military)
        weapons = draft.weapons = self._weapons_doing(trigger)
        # "Russia says kills 7 Nusra Front commanders in Syria air strike": the name of the country it happened in,
        # when another state tells or does the act, says where, not whose.
        local_code = next((code for code in countries.values() if self.places.country_name(code) == local.country),
                          None)
        telling = {countries[i] for i in countries if i in attribution.claimant_tokens} \
            | {countries[r.i] for r in trigger.agent_countries}
        if local_code is not None and telling - {local_code}:
            countries = {i: code for i, code in countries.items() if code != local_code}
        # "Many of the Islamic State fighters died after Syrian warplanes bombarded the area": the state whose
        # weapons did the act did it; another side the sentence gives it is the side struck.
        striker = self._military_named_by_demonym(weapons, countries, local.country)
        struck = [a for a in side_one if a.inter != 1] if striker else []
        # "Syria's army threatened to shoot down any Turkish warplane after Turkish jets raided villages": the state
        # whose weapons are the act's own subject did it alone; a state the sentence names elsewhere did not.
        own_subject = any(w.dep_ == "nsubj" and w.head == trigger.head for w in weapons)
        if struck or (striker and own_subject):
            side_one = [*striker, *(a for a in side_one if a.inter == 1 and not own_subject)]
        state_weapon = trigger.group.sub_event_type in self.state_weapon_sub_types
        fought = trigger.group.event_type in self.fought_by_forces
        if (weapons or state_weapon or fought) and all(
                self.actors.is_vague(a) or a.inter == CIVILIANS_INTER for a in side_one):
            # "fighters were martyred as an Israeli drone struck their position", "Thirty civilians were killed in
            # Syrian air strikes", "Regime airstrikes": the weapon's own people's adjective, or the state's, names
            # the striker over any vague side, or the victims, that the clause around it gives; before any other
            # act of war only the state's own word does ("regime raids", "a government offensive": "Syrian protests"
            # are no state's), or a foreign people's adjective ("Israeli raids" in Syria: a "Syrian attack" there may
            # be anyone's).
            # "regime barrel bomb attacks", "Syrian and Russian joint airstrikes": the words that name the act's kind,
            # and theirs.
            words = [*trigger.span, _noun_named_by(trigger.head),
                     *(c for t in trigger.span for c in t.children if c.dep_ in {"compound", "amod"} and c.i < t.i)]
            side_one = [*self._military_named_by_demonym(
                [*(words if state_weapon else []), *weapons], countries, local.country),
                *(self._military_named_by_demonym(words, countries, local.country, foreign_only=True)
                  if fought and not state_weapon else []),
                *self._military_named_by_demonym([*words, self._carrying_verb(trigger)], countries, local.country,
                                                 peoples=False),
                *self._state_word_before(trigger, local.country), *self._state_agent(trigger, local.country),
                *self._coalition_word_before(trigger, local.country),
                *self._group_word_before(trigger, local, {a.name for a in resolve_all(trigger.side_two)}),
                *self._state_first_between(trigger, local.country), *side_one]
        if all(self.actors.is_vague(a) or a.inter == CIVILIANS_INTER for a in side_one):
            side_one = [*self._state_word_on_its_cause(trigger, local.country), *side_one]
        if fought:
            # "Government shelling", "the government and rebels clashed": a state fights with its military.
            side_one = [self._forces_of_government(a) for a in side_one]
        side_one = _either_or(_unique([*side_one, *resolve_all(trigger.side_one_allies)]), trigger.side_one, sent)
        side_two = [a for a in _unique([*struck, *_either_or(resolve_all(trigger.side_two), trigger.side_two, sent)])
                    if a.name not in {b.name for b in side_one} and not any(same_state(a, b) for b in side_one)]
        air_forces = [a for a in side_two if a.name in self.air_only_actors]
        if not side_one and air_forces and trigger.group.sub_event_type == "Air/drone strike":
            # "An airstrike of the US-led coalition killed eight civilians": a force that fights only from the air
            # strikes; it is not struck.
            side_one, side_two = air_forces, [a for a in side_two if a not in air_forces]
        # Civilians are targets in ACLED, never perpetrators.
        side_two += [a for a in side_one if a.inter == CIVILIANS_INTER and a.name not in {b.name for b in side_two}]
        side_one = [a for a in side_one if a.inter != CIVILIANS_INTER]
        if side_one and all(self.actors.is_vague(a) for a in side_one):
            # "al-Nusra Front (Qaeda branch in the Levant) terrorists targeted ...": the group a gloss in parentheses
            # parts from the fighters' noun is theirs.
            side_one = [*resolve_all([g for r in trigger.side_one if (g := _glossed_name_before(r, roots)) is not None]),
                        *side_one]
        named_side_one = [a for a in side_one if not self.actors.is_vague(a)]
        if named_side_one:  # "Fighters of the Islamic State Sahel Province": the fighters are the group's
            side_one = named_side_one
        # "18 jihadists from the Islamic State group": the vague fighters are the named group's.
        armed_two = [a for a in side_two if a.inter in ARMED_INTERS]
        if any(not self.actors.is_vague(a) for a in armed_two):
            side_two = [a for a in side_two if not (a in armed_two and self.actors.is_vague(a))]
            armed_two = [a for a in side_two if a.inter in ARMED_INTERS]
        if not side_one and trigger.group.event_type == "Battles" and len(armed_two) >= 2:
            # "jihadists were killed in clashes with Kurdish fighters": a clash told only from the side of its dead
            # has the party they fought, named last, as its other side.
            side_one, side_two = [armed_two[-1]], [a for a in side_two if a is not armed_two[-1]]
        actor1 = side_one[0] if side_one else None
        actor2 = side_two[0] if side_two else None
        speaker = self._speaker_of_possessive(trigger, attribution)
        if speaker is not None and self.actors.is_vague(actor1):
            # "JNIM announces that its fighters attacked ...": the fighters are the speaker's.
            side_one = [speaker, *(a for a in side_one if a is not actor1)]
            actor1 = speaker
        draft.side_one, draft.side_two = side_one, side_two
        draft.event.actor1, draft.event.actor2 = actor1, actor2
        draft.targets = target_tokens(trigger, self.grammar)
        draft.crowd = self._crowd_surface(trigger, sent)

    def _forces_of_government(self, actor: Actor) -> Actor:
        entry = self.actors.entries.get(actor.name)
        if entry is None or entry.kind != "government" or not actor.country:
            return actor
        return self.actors.military_of(actor.country) or actor

    def _carrying_verb(self, trigger: Trigger) -> Token | None:
        """The verb that carries out the act named as its object: "The regime has stepped up air attacks", "the
        government launched an offensive"."""
        head = trigger.head
        return head.head if head.dep_ in {"dobj", "obj"} and head.head.lemma_.lower() in self.carrying_verbs else None

    def _state_word_before(self, trigger: Trigger, local_country: str | None) -> list[Actor]:
        """"three regime airstrikes hit a market", however the parse reads it: the state's word right before the act."""
        before = _word_before(trigger)
        return self._own_military_if(before is not None and before.lower_ in self.state_words, local_country)

    def _state_agent(self, trigger: Trigger, local_country: str | None) -> list[Actor]:
        """"air raids by the regime", "strikes suspected to be carried out by the government", "civilians died in air
        raids by the regime" (the parse hangs "by" on the verb): the state's own word as the act's agent, as the agent
        of a participle on it, or as the agent of the verb the act is the cause of, names its military."""
        caused = trigger.head.head.head if trigger.head.dep_ == "pobj" else None  # "died" of "died in air raids"
        agents = [*_agents_of(trigger.head, self.grammar.agent_prepositions),
                  *agents_of_participles(trigger.head, sources=False),
                  *(_agents_of(caused, self.grammar.agent_prepositions) if caused is not None else [])]
        return self._own_military_if(any(a.lower_ in self.state_words for a in agents), local_country)

    def _state_word_on_its_cause(self, trigger: Trigger, local_country: str | None) -> list[Actor]:
        """"regime shelling on Harasta killed three civilians": the state's own word on the act that is the subject of
        the act's verb names its military; so does the state's word right before an act's noun before a verb the parse
        left with no subject ("On Tuesday regime shelling on the area killed three", read as the day's phrase)."""
        verb = trigger.head
        if verb.pos_ != "VERB":
            return []
        subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subject is not None:
            named = subject.pos_ == "NOUN" and self.sides.act_noun(subject) and any(
                c.dep_ in {"amod", "compound"} and c.lower_ in self.state_words for c in subject.children)
        else:
            before = verb.doc[verb.sent.start : verb.i]
            cause = next((t for t in reversed(before) if t.lower_ in self.sides.act_nouns and t.i > verb.sent.start
                          and t.doc[t.i - 1].lower_ in self.state_words), None)
            named = cause is not None and not any(t.pos_ in {"VERB", "AUX"} for t in verb.doc[cause.i + 1 : verb.i])
        return self._own_military_if(named, local_country)

    def _group_word_before(self, trigger: Trigger, context: DocumentActors, targets: set[str]) -> list[Actor]:
        """"Rebel rocket fire on a government-held area", "a jihadist attack": the kind of group named right before
        the act did it; not a group of that kind the act hit ("rebel shelling of a neighbourhood held by the Kurdish
        YPG militia")."""
        for before in _modifiers_before(trigger):
            kind = self.group_words.get(before.lower_)
            if kind is not None:
                return [self.actors.of_kind(kind, context, trigger.sentence_index, before.text, besides=targets)]
        return []

    def _coalition_word_before(self, trigger: Trigger, local_country: str | None) -> list[Actor]:
        """"a coalition raid on the northern city of Manbij": the coalition fighting where the act took place."""
        before = _word_before(trigger)
        coalition = self._coalition_named_by(before, local_country) if before is not None else None
        return [coalition] if coalition is not None else []

    def _state_first_between(self, trigger: Trigger, local_country: str | None) -> list[Actor]:
        """"clashes between regime and Kurdish forces": the state's own word, first between the sides, names its
        military."""
        first = _first_between(trigger.head, self.grammar.between_prepositions)
        return self._own_military_if(first is not None and first.lower_ in self.state_words, local_country)

    def _coalition_named_by(self, word: Token, local_country: str | None) -> Actor | None:
        """The coalition fighting in the act's country that a coalition word ("coalition raids", "US-led strikes")
        names, if there is one ("the Syrian Coalition", a political body, names none)."""
        led = word.lower_ in self.coalition_leading_words and word.i >= 2 and word.doc[word.i - 1].text == "-"
        if (word.lower_ not in self.coalition_words and not led) or any(
                c.dep_ in {"amod", "compound"} and c.lower_ in self.political_coalition_words for c in word.children):
            return None
        coalition = self.coalitions_by_country.get(local_country or "")
        return self.actors.actor_for(coalition) if coalition is not None else None

    def _own_military_if(self, named: bool, local_country: str | None) -> list[Actor]:
        """The military of the act's country, as a side, where the state's own word ("the regime") named it."""
        military = self._own_military(local_country) if named else None
        return [military] if military is not None else []

    def _own_military(self, local_country: str | None) -> Actor | None:
        """The military of the country an act took place in, which "the regime" or "the government" means."""
        return self.actors.military_of(local_country) if local_country else None

    def _wielder(self, actor: Actor, word: Token) -> Actor:
        """"ongoing fighting as well as government air strikes": a government named by the weapons it struck with
        is its military."""
        if actor.country is None or word.dep_ not in {"amod", "compound"} or word.head.lower_ not in self.state_weapons:
            return actor
        if actor.name != self.actors.state_actor("government", actor.country).name:
            return actor
        return self.actors.military_of(actor.country) or actor

    def _weapons_doing(self, trigger: Trigger) -> list[Token]:
        """A state's weapons that do the act ("Syrian warplanes bombed"), the clause the act's outcome hangs from
        ("Russian jets hit an outpost, killing one fighter") or the clause that tells how it came about ("22 fighters
        were killed when regime warplanes struck a convoy")."""
        head = trigger.head
        verbs: list[Token | None] = [head, head.head] if head.dep_ in {"advcl", "xcomp"} else [head, governing_verb(head)]
        if head.dep_ == "acl" and head.tag_ == "VBG":
            # "jets hit an outpost ... killing one fighter": the parse hangs the outcome on the object.
            verbs.append(verb_above(head.head))
        verbs += self.grammar.cause_clauses(head)
        # "Syrian helicopters circled over Idlib and bombed the market": a verb joined to another shares its subject.
        verbs += [v.head for v in verbs if v is not None and v.dep_ == "conj" and v.head.pos_ == "VERB"]
        firers = [g for g in agents_of_participles(head) if g.lower_ in self.state_weapons]  # "rockets fired by jets"
        # "the bombing of several locations by Syrian jets": the agent of the act's noun, or of what it acted on.
        grammar = self.grammar
        acted_on = [o for p in head.children if p.dep_ == "prep" and p.lower_ in grammar.of_prepositions
                    for o in p.children if o.dep_ == "pobj"] if head.pos_ == "NOUN" else []
        by_agents = [o for word in [head, *acted_on] for o in _agents_of(word, grammar.agent_prepositions)
                     if o.lower_ in self.state_weapons] if head.pos_ == "NOUN" else []
        return [*(c for word in verbs if word is not None for c in word.children
                  if doer(c) and c.lower_ in self.state_weapons), *firers, *by_agents]

    def _military_named_by_demonym(self, words: Sequence[Token | None], countries: dict[int, str],
                                   local_country: str | None, *, peoples: bool = True,
                                   foreign_only: bool = False) -> list[Actor]:
        """"Russian air strikes", "Israeli shelling", "a US missile strike", "an Israeli drone struck", "Syrian
        warplanes bombed": the people's adjective or the country's name before a state's weapon (a word of the
        trigger, the noun it names a kind of, or the weapon that does it) names whose military struck; so does the
        state's own word ("regime", "government"), which alone counts without ``peoples``. With ``foreign_only``,
        only another country's people does."""
        # The nearest word first: "in the east of Syria Russian air strikes" (the parse hangs "Syria" on the strikes);
        # through a compound: "the Russian fighter jets" ("Russian" modifies "fighter"), "coalition fighter jets".
        for child in (m for word in words if word is not None
                      for c in sorted(word.children, key=lambda c: abs(c.i - word.i))
                      for m in [c, *(g for g in c.children if c.dep_ == "compound" and g.dep_ in {"amod", "compound"})]):
            coalition = self._coalition_named_by(child, local_country) if child.dep_ in {"amod", "compound"} else None
            if coalition is not None:
                return [coalition]  # "Coalition war planes carried out 10 air strikes"
            if child.dep_ in {"amod", "compound"} and child.lemma_.lower() in self.armed_persons \
                    and f"{child.lower_} {child.head.lower_}" not in self.weapon_phrases:
                return []  # "Syria rebel rocket kills five children": the rebels', in Syria (not "fighter jets")
            state = child.lower_ in self.state_words
            if not (state or peoples) or (
                    child.dep_ not in {"amod", "compound", "nmod"} and not (state and child.dep_ == "nsubj")):
                continue  # "the regime bombed Douma" too
            military = self._military_named(child, countries, local_country)
            if foreign_only and not state and military is not None and military.country == local_country:
                continue
            if military is not None:
                # "Russian and regime warplanes": each people's or state's word joined to it names a military too.
                joined = [self._military_named(c, countries, local_country) for c in child.conjuncts]
                return _unique([military, *(m for m in joined if m is not None)])
        return []

    def _military_named(self, word: Token, countries: dict[int, str], local_country: str | None) -> Actor | None:
        return military_named(word, countries, local_country, self.actors, self.places, self.state_words)

    def _military_of(self, country_code: str | None) -> Actor | None:
        return self.actors.military_of(self.places.country_name(country_code) or "") if country_code else None

    def _speaker_of_possessive(self, trigger: Trigger, attribution: SentenceAttribution) -> Actor | None:
        claimant = attribution.claimant
        if claimant is None or claimant.name not in self.actors.entries:
            return None
        possessive = any(child.dep_ == "poss" and child.lower_ in self.grammar.speaker_possessives
                         for token in trigger.side_one for child in token.children)
        return self.actors.actor_for(claimant.name) if possessive else None

    def _crowd_surface(self, trigger: Trigger, sent: SpacySpan) -> str | None:
        """Who the crowd were, in the text's words: "university students" in "Tens of thousands of university
        students demonstrated", for reviewers and for matching the report."""
        verb = trigger.head if trigger.head.pos_ in {"VERB", "AUX"} else trigger.head.head
        subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"} and c.pos_ in {"NOUN", "PROPN"}
                        and c not in trigger.span), None)
        if subject is None:
            subject = next((t for t in sent if t.lemma_.lower() in self.riot_participants and t.pos_ == "NOUN"), None)
        while subject is not None and subject.lemma_.lower() in self.crowd_quantities:
            # "thousands of students", "a group of refugees": the people are the object of "of".
            of = next((c for c in subject.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            subject = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if subject is None:
            return None
        words = [c for c in subject.lefts if c.dep_ in {"amod", "compound", "nmod"}] + [subject]
        return " ".join(t.text for t in sorted(words, key=lambda t: t.i))


class ImpliedActors:
    """ACLED's actors for the sides a report leaves unnamed, by event type; then the associated actors."""

    name = "implied actors"
    requires = ("drafts.type", "drafts.sides", "opponent", "sentence_attribution")
    adds = ("drafts.actors",)

    def __init__(self, actors: ActorDictionary, knowledge: Knowledge) -> None:
        conventions = knowledge.conventions
        self.actors = actors
        self.security_targets = {w.lower() for w in conventions["security_targets"]}
        self.security_modifiers = {w.lower() for w in conventions["security_modifiers"]}
        self.police_modifiers = {w.lower() for w in conventions["police_modifiers"]}
        self.security_persons = {w.lower() for w in conventions["security_persons"]}
        self.police_persons = {w.lower() for w in conventions["police_persons"]}
        self.state_aircraft = {w.lower() for w in conventions["state_aircraft"]}

    def __call__(self, annotated: AnnotatedDocument) -> None:
        assert annotated.sentence_attribution is not None
        for draft in annotated.drafts or []:
            self._imply(draft, annotated.opponent, annotated.sentence_attribution[draft.sentence_index].claimant_tokens)
            event = draft.event
            event.assoc_actor_1 = [a for a in draft.side_one if event.actor1 is None or a.name != event.actor1.name]
            event.assoc_actor_2 = [a for a in draft.side_two if event.actor2 is None or a.name != event.actor2.name]

    def _imply(self, draft: EventDraft, opponent: Actor | None, told_by: Collection[int]) -> None:
        event = draft.event
        event_type, sub_type = event.event_type, event.sub_event_type
        actor1, actor2 = event.actor1, event.actor2
        country = draft.context.country if draft.context is not None else None
        if event_type == "Violence against civilians" and actor2 is None:
            actor2 = self.actors.generic_actor("civilians", country)
        # ACLED names the crowd itself: "Protesters (Niger)", "Rioters (Niger)".
        crowd = {"Protests": "protesters", "Riots": "rioters"}.get(event_type)
        if crowd and actor1 is not None and actor1.inter == 1 and (actor2 is None or actor2.inter in {5, 6, 7}):
            # "Police used tear gas to disperse protesters": the crowd is the first side, the forces who faced it
            # the second.
            actor1, actor2 = None, actor1
        if crowd and (actor1 is None or actor1.inter == CIVILIANS_INTER):
            actor1 = self.actors.generic_actor(crowd, country, surface=draft.crowd)
            if actor2 is not None and actor2.inter == CIVILIANS_INTER:
                actor2 = None
        looted = sub_type == "Looting/property destruction" and event_type == "Strategic developments"
        # "... destroyed a terrorist logistics base": property of armed forces, destroyed by their enemies.
        forces_property = bool(target_lemmas(draft.targets) & self.security_targets)
        flown = any(w.lower_ in self.state_aircraft for w in draft.weapons)
        if actor1 is None and sub_type != "Air/drone strike" and not flown and (
                event_type in {"Violence against civilians", "Explosions/Remote violence"}
                or (looted and not forces_property)):
            # Violence, a bomb or looting by someone the text does not name: ACLED's unidentified armed group; not
            # when a state's weapons did it ("Warplanes carried out a suspected toxic gas attack"): some state did.
            actor1 = self.actors.generic_actor("unidentified", country)
        if actor2 is None and (event_type == "Riots" or (event_type == "Protests" and sub_type != "Peaceful protest")):
            # "... Police responded with tear gas": the forces who faced the crowd, here or in the next sentence.
            actor2 = self._forces_facing_crowd(draft.sentence, country, told_by)
        if looted and actor2 is None and not forces_property:
            # ACLED names whose property was taken or destroyed: civilians, unless the text names someone else.
            actor2 = self.actors.generic_actor("civilians", country)
        if event_type == "Battles" and actor1 is None and actor2 is not None:
            # "An army patrol was attacked": a battle has two sides; the one the text does not name is ACLED's
            # unidentified armed group.
            actor1 = self.actors.generic_actor("unidentified", country)
        if event_type == "Battles" and actor2 is None and opponent is not None and actor1 is not None \
                and actor1.inter in {1, 8} and opponent.name != actor1.name:
            actor2 = opponent
        event.actor1, event.actor2 = actor1, actor2

    def _forces_facing_crowd(self, sent: SpacySpan, country: str | None, told_by: Collection[int]) -> Actor | None:
        """The police (or, named alone, the army) in a riot's or protest's sentence or the next one, outside the
        words of who tells it ("rival supporters clashed, police said": the police only tell it)."""
        following = next_sentence(sent)
        words = target_lemmas([t for t in [*sent, *(following or [])] if t.i not in told_by])
        if not words & (self.security_modifiers | self.security_persons):
            return None
        police = words & (self.police_modifiers | self.police_persons) or "security" in words
        return self.actors.state_actor("police" if police else "military", country)


def _either_or(actors: list[Actor], roots: list[Token], sent: SpacySpan) -> list[Actor]:
    """'ISWAP or Boko Haram militants' (or 'ISWAP/Boko Haram') is one uncertain actor, named the ACLED way:
    'A and/or B'."""
    if len(actors) < 2 or len(roots) < 2:
        return actors
    first_end = min(roots, key=lambda t: t.i).i + 1
    words = [t.lower_ for t in sent.doc[first_end : first_end + 3]]
    either_or = bool(words) and (words[0] in {"or", "/", "and/or"} or words[:3] == ["and", "/", "or"])
    if not either_or or actors[0].name == actors[1].name:
        return actors
    first, second = actors[0], actors[1]
    merged = Actor(name=f"{first.name} and/or {second.name}", actor_type=first.actor_type, inter=first.inter,
                   country=first.country, surface=f"{first.surface} or {second.surface}")
    return [merged, *actors[2:]]


def _gerund_named_as_a_noun(word: Token) -> bool:
    """"were killed since Saturday in fighting with Kurdish fighters", where the parse reads "fighting" as a verb: a
    gerund after a preposition with no subject or object of its own names the act as a noun does, in the clause of
    the verb above it."""
    return word.tag_ == "VBG" and word.dep_ == "pcomp" and not any(
        c.dep_ in {*SUBJECTS, "dobj", "obj"} for c in word.children)


def _unique(actors: Iterable[Actor]) -> list[Actor]:
    seen: dict[str, Actor] = {}
    for actor in actors:
        seen.setdefault(actor.name, actor)
    return list(seen.values())
