"""Stage ``typing``: each draft's ACLED event type and sub-type, and whether it is an event or an allegation.

A trigger's lexicon group gives a first type; what the roles stage found revises it, by the rules of
ACLED's codebook: an attack on the forces is a battle and one on civilians violence against civilians;
an attack met by resistance is a clash; a protest that turns violent is a riot, and so is a clash of the
forces with a crowd; only the state arrests (an armed group abducts); an abduction that kills is an
attack; unarmed people fighting without deaths is mob violence. Where a rule settles the type by who
the sides are (a crowd clash: rioters against the forces), it names them too. The rules' word lists are
in ``data/conventions.yaml``.
"""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from conflictlens.coding.actors import ARMED_INTERS, NON_STATE_ARMED_INTERS, RIOTER_INTER, ActorDictionary
from conflictlens.coding.annotated import AnnotatedDocument, EventDraft
from conflictlens.coding.attribution import SentenceAttribution
from conflictlens.coding.detection import REMOTE_VIOLENCE, VIOLENT_TYPES, Trigger
from conflictlens.coding.grammar import brought_down, in_another_times_clause, next_sentence, sentences_after
from conflictlens.coding.roles import agents_of_participles, target_lemmas, target_modifiers
from conflictlens.knowledge import Knowledge, phrase_pattern
from conflictlens.model import CIVILIANS_INTER, Actor, EventKind

# Prepositions that introduce an act's means or cause: "attacked with shells", "killed in the blast", "as a result of".
MEANS_PREPOSITIONS = {"with", "by", "using", "in", "from", "of", "as", "during"}
# Prepositions that tell a weapon dropped or fired together with what the clause's verb says was.
DROPPED_TOGETHER = {"alongside"}
# Verbs whose subject is a weapon the act was done with: "Chemical substances were used in the attack" (lemmas).
USED_IN = {"use", "employ"}
# How many sentences before a raid told by no one may tell of the aircraft that flew it.
RAID_CONTEXT_SENTENCES = 2


class EventTyping:
    """Types every draft from its trigger, sides, targets, toll and sentence (and the next one)."""

    name = "typing"
    requires = ("drafts.sides", "drafts.targets", "drafts.fatalities", "sentence_attribution")
    adds = ("drafts.type", "drafts.kind")

    def __init__(self, actors: ActorDictionary, knowledge: Knowledge) -> None:
        conventions = knowledge.conventions
        self.actors = actors
        self.allegation_type = tuple(conventions["allegation_against_civilians"])
        self.abduction_with_deaths = tuple(conventions["abduction_with_deaths"])
        self.resisted_attack = tuple(conventions["resisted_attack"])
        self.resistance_cues = phrase_pattern(conventions["resistance_cues"])
        self.victim_verbs = {w.lower() for w in conventions["victim_verbs"]}
        self.dying_verbs = {w.lower() for w in conventions["dying_verbs"]}
        self.civilian_targets = {w.lower() for w in conventions["civilian_targets"]}
        self.security_targets = {w.lower() for w in conventions["security_targets"]}
        self.security_modifiers = {w.lower() for w in conventions["security_modifiers"]}
        self.police_modifiers = {w.lower() for w in conventions["police_modifiers"]}
        self.violence_cues = {w.lower() for w in conventions["violence_cues"]}
        self.crowd_words = {w.lower() for w in conventions["crowd_words"]}
        self.harm_words = {w.lower() for w in conventions["harm_words"]}
        self.death_words = {w.lower() for w in conventions["death_words"]}
        self.security_persons = {w.lower() for w in conventions["security_persons"]}
        self.armed_persons = {w.lower() for w in conventions["armed_persons"]}
        self.kin_nouns = {w.lower() for w in conventions["kin_nouns"]}
        self.police_persons = {w.lower() for w in conventions["police_persons"]}
        self.unarmed_crowds = {w.lower() for w in conventions["unarmed_crowds"]}
        self.riot_participants = {w.lower() for w in conventions["riot_participants"]}
        self.protest_words = {w.lower() for w in conventions["protest_words"]}
        self.remote_means = {w.lower(): sub_type for sub_type, words in conventions["remote_means"].items()
                             for w in words}
        self.remote_means_phrases = {w.lower(): sub_type
                                     for sub_type, words in conventions.get("remote_means_phrases", {}).items()
                                     for w in words}
        self.other_time_marks = {w.lower() for w in conventions["other_time_marks"]}
        self.downing_verbs = {w.lower() for w in conventions["downing_verbs"]}
        self.ambiguous_means = {w.lower() for w in conventions["remote_means_ambiguous"]}
        self.demonyms = {d.lower() for country in knowledge.countries for d in country.demonyms}
        self.bomb_nouns = {w.lower() for w in conventions["bomb_nouns"]}
        self.state_words = {w.lower() for w in conventions["state_words"]}
        self.air_strike, self.placed_explosive = "Air/drone strike", "Remote explosive/landmine/IED"
        self.shelling = "Shelling/artillery/missile attack"
        self.destruction = "Looting/property destruction"
        self.territory_sub_types = set(knowledge.conventions["sub_types_by_actor1"])  # ground won, by a side's kind
        self.chemical = "Chemical weapon"
        self.chemical_agents = {tuple(w.lower().split()) for w in conventions["chemical_agents"]}
        self.riot_control_gases = {w.lower() for w in conventions["riot_control_gas_words"]}
        self.chemical_stores = {w.lower() for w in conventions.get("chemical_stores", [])}
        self.raid_nouns = {w.lower() for w in conventions["raid_nouns"]}
        self.flown_raid_verbs = {w.lower() for w in conventions["flown_raid_verbs"]}
        self.air_only_actors = set(conventions.get("actors_striking_from_the_air", []))
        self.aircraft_words = {w.lower() for w in conventions["remote_means"][self.air_strike]} - self.bomb_nouns - {
            w.lower() for w in conventions["remote_means_ambiguous"] if w.lower() != "air"} | {
            w.lower() for w in conventions["dropped_bomb_words"]}

    def __call__(self, annotated: AnnotatedDocument) -> None:
        assert annotated.sentence_attribution is not None
        for draft in annotated.drafts or []:
            self._type(draft, annotated.sentence_attribution[draft.sentence_index])

    def _remote_means(self, trigger: Token, targets: list[Token], *, whole_sentence: bool = False,
                      unambiguous: bool = False) -> str | None:
        """The remote-violence sub-type of the weapon an attack names as its kind, its means, its cause or its
        doer ("killed in the strikes", "killed as a result of strikes", "a suicide bomber killed 22", "the air force
        attacked the market"), if any. With ``whole_sentence``, a weapon anywhere in the sentence outside a clause
        dated against the event, as doer or cause, counts: deaths told beside an explosion ("the explosion took place
        in X and ten were killed") are its toll. With ``unambiguous``, a word of two senses counts only with another
        weapon word or a people's adjective ("air force", not "the strike"). What the act hit (``targets``: "a
        Russian military helicopter was shot down") is not its means."""
        words = [c for c in trigger.children if c.dep_ in {"compound", "amod", "nmod", "nsubj", "agent"}]
        # "The Assad regime and Russian jets raided towns": every doer joined in the subject.
        words += [j for c in words if c.dep_ == "nsubj" for j in c.conjuncts]
        heads = [trigger]
        for _ in range(2):  # "killed as a result of strikes": the cause two prepositions away
            found = [g for h in heads for c in h.children if c.dep_ in {"prep", "agent"}
                     and c.lower_ in MEANS_PREPOSITIONS for g in c.children if g.dep_ == "pobj"]
            words += found
            heads = found
        if whole_sentence:
            # Only a weapon that acts ("the blast ripped through") or causes ("in the explosion", "with barrel
            # bombs"), not one that is acted on ("seized IEDs").
            words += [t for t in trigger.sent if t.pos_ in {"NOUN", "PROPN"} and (
                      t.dep_ in {"nsubj", "nsubjpass"} or (t.dep_ == "pobj" and t.head.lower_ in MEANS_PREPOSITIONS))
                      and self._names_a_weapon(t) and not brought_down(t, self.downing_verbs)
                      and not self._another_acts(t)]
            # "killed in Syrian regime shelling": the tagger reads "shelling" as a participle after the state's word.
            words += [t for t in trigger.sent if t.tag_ == "VBG" and t.dep_ == "acl" and t.lower_ in self.remote_means
                      and t.i > 0 and t.doc[t.i - 1].lower_ in self.state_words]
        if unambiguous:
            words = [t for t in words if self._names_a_weapon(t)]
        words = [t for t in words if t not in targets]
        named_means = [sub_type for w in words if (sub_type := self._means_of(w)) is not None]
        # "Jet fighters attacked settlements with chemical weapons": a chemical attack whatever carried it.
        return self.chemical if self.chemical in named_means else next(iter(named_means), None)

    def _means_of(self, word: Token) -> str | None:
        modifiers = [c for c in word.children if c.dep_ in {"compound", "amod"}]
        phrase = next((self.remote_means_phrases[f"{m.lower_} {word.lower_}"] for m in modifiers
                       if f"{m.lower_} {word.lower_}" in self.remote_means_phrases), None)
        if phrase is not None:
            return phrase
        # The modifier first: a "barrel bomb" is dropped from the air, an "air force" strikes from it.
        for part in [*modifiers, word]:
            for form in (part.lemma_.lower(), part.lower_):
                if form in self.remote_means:
                    return self.remote_means[form]
        return None

    def _bomb_on_the_ground(self, trigger: Trigger) -> bool:
        """"A bomb exploded in the market", "the bomb went off": a bomb is a placed explosive unless its sentence
        names what dropped it ("warplanes dropped bombs", "barrel bombs", "an air raid")."""
        root = trigger.span.root
        return len(trigger.span) == 1 and root.pos_ in {"NOUN", "PROPN"} and root.lower_ in self.bomb_nouns and not any(
            self._aircraft(t) for t in root.sent) and not any(
            c.lower_ in self.demonyms or c.lower_ in self.state_words or c.lower_ in self.remote_means
            for c in root.children)  # "regime bombs", "four shell bombs"

    def _chemical_agent_in(self, trigger: Trigger) -> bool:
        """A chemical agent among the act's words, or those of the clause its weapon is the subject of ("a helicopter
        dropped a toxic gas barrel") or was dropped together in ("chlorine was dropped alongside barrel bombs")."""
        root = trigger.span.root
        clause = root.head if root.dep_ in {"nsubj", "nsubjpass"} else root
        if root.dep_ == "pobj" and root.head.lower_ in DROPPED_TOGETHER:
            clause = root.head.head  # "gas believed to be chlorine was dropped alongside barrel bombs"
        if root.dep_ == "pobj" and root.head.lower_ == "in" and root.head.head.lemma_.lower() in USED_IN:
            clause = root.head.head  # "Chemical substances were used in the attack"
        tokens = list(clause.subtree)
        words = [t.lower_ for t in tokens]
        # "a tear gas attack on protesters" is riot control, not a chemical weapon; "hours after a gas attack left
        # dozens dead" dates the act against another.
        return any(tuple(words[i : i + len(agent)]) == agent and not self._stored(tokens[i + len(agent) - 1])
                   and not (i > 0 and words[i - 1] in self.riot_control_gases)
                   and not self._another_acts(tokens[i + len(agent) - 1])
                   for i in range(len(words)) for agent in self.chemical_agents)

    def _another_acts(self, word: Token) -> bool:
        """A word of a clause dated against the act ("hours after a chemical attack left dozens dead"): another act's."""
        return any(a.lower_ in self.other_time_marks for a in word.ancestors) \
            or in_another_times_clause(word, self.other_time_marks, measured=True)

    def _stored(self, agent: Token) -> bool:
        """"hit poison gas supplies", "struck a sarin depot": an agent that names what a store holds is the target."""
        return agent.dep_ in {"compound", "amod", "nmod"} and agent.head.lemma_.lower() in self.chemical_stores

    def _bomb_attack_from_the_air(self, trigger: Trigger) -> bool:
        """"A vacuum bomb attack aerially dropped by the regime": an attack with a bomb its own words say was dropped,
        or an aircraft carried, is an air strike (a "car bomb" stays a placed one). So is one with a bare bomb in a
        sentence that names what dropped it, however the parse hangs it ("killed in barrel bomb attacks dropped by
        regime warplanes"), as a bomb alone is (`_bomb_on_the_ground`)."""
        root = trigger.span.root
        bombs = [c for c in root.children if c.dep_ == "compound" and c.lower_ in self.bomb_nouns and not any(
            f"{m.lower_} {c.lower_}" in self.remote_means_phrases for m in c.children if m.dep_ == "compound")]
        bare = [b for b in bombs if not any(m.dep_ in {"compound", "amod"} and not self._aircraft(m) for m in b.children)]
        return bool(bombs) and any(self._aircraft(t) for t in (root.sent if bare else root.subtree))

    def _fired_from_the_air(self, trigger: Trigger) -> bool:
        """"20 rockets fired by Russian jets", "jets fired missiles at the town": a missile an aircraft fired is an air
        strike."""
        head = trigger.span.root
        firers = agents_of_participles(head)
        if head.dep_ in {"dobj", "obj"}:
            firers += [c for c in head.head.children if c.dep_ == "nsubj"]
        return any(self._aircraft(f) or (self.remote_means.get(f.lower_) == self.air_strike and self._means_modifier(f))
                   for f in firers)

    def _raid_flown(self, trigger: Trigger) -> bool:
        """"The raids were carried out by either Russian or regime warplanes", "raids by warplanes": a raid whose doer
        the sentence names as an aircraft (a "helicopter raid" names how commandos came, not who struck), that hit
        or pounded what it struck ("several raids overnight hit Babeska"), or a state's raid in a report that tells of
        its aircraft elsewhere ("regime raids killed 31", then "the warplanes returned")."""
        root = trigger.span.root
        if root.lower_ not in self.raid_nouns and root.lemma_.lower() not in self.raid_nouns:
            return False
        if root.dep_ == "nsubj" and root.head.lemma_.lower() in self.flown_raid_verbs:
            return True
        if any(self._aircraft(t) and (t.dep_ in {"nsubj", "conj"} or (t.dep_ == "pobj" and t.head.lower_ == "by"))
               for t in root.sent):
            return True
        # "Regime raids killed 31 people", "Russian raids": a state's raids, in a report that tells of its aircraft.
        states = any(c.dep_ in {"amod", "compound"} and (c.lower_ in self.state_words or c.lower_ in self.demonyms)
                     for c in root.children)
        if states and any(self._aircraft(t) for t in root.doc if t.sent != root.sent):
            return True
        # "Air strikes killed seven people in Saraqib", then "Another seven people were killed in raids on Ariha":
        # raids by no one named, right after sentences of air strikes (`RAID_CONTEXT_SENTENCES`), are more of them.
        if any(c.dep_ in {"amod", "compound", "poss"} or (c.dep_ == "prep" and c.lower_ == "by") for c in root.children):
            return False
        sentences_before: list[SpacySpan] = []
        start = root.sent.start
        while len(sentences_before) < RAID_CONTEXT_SENTENCES and start > 0:
            sentences_before.append(root.doc[start - 1].sent)
            start = sentences_before[-1].start
        return any(self._aircraft(t) for sent in sentences_before for t in sent)

    def _aircraft(self, word: Token) -> bool:
        """A word that names what flies and drops or fires from the air ("warplanes", "helicopter", "dropped")."""
        return word.lemma_.lower() in self.aircraft_words or word.lower_ in self.aircraft_words

    def _names_a_weapon(self, word: Token) -> bool:
        """A weapon word of one sense, or one of two senses that another weapon word or a people's adjective makes a
        weapon ("air strikes", not "the strike")."""
        return not {word.lower_, word.lemma_.lower()} & self.ambiguous_means or self._means_modifier(word)

    def _means_modifier(self, word: Token) -> bool:
        """A word of two senses that another weapon word, or a people's adjective, modifies names the weapon: "air
        strikes", "Russian jets", as "strikes" alone (a labour strike) does not."""
        return any(c.dep_ in {"compound", "amod"} and (c.lower_ in self.remote_means or c.lower_ in self.demonyms
                                                        or f"{c.lower_} {word.lower_}" in self.remote_means_phrases)
                   for c in word.children)

    def _type(self, draft: EventDraft, attribution: SentenceAttribution) -> None:
        event, trigger, sent = draft.event, draft.trigger, draft.sentence
        group = trigger.group
        event_type, sub_type = group.event_type, group.sub_event_type
        actor1, actor2 = event.actor1, event.actor2
        side_one, side_two = draft.side_one, draft.side_two
        country = draft.context.country if draft.context is not None else None
        targets = draft.targets
        if (actor2 is None or actor2.inter == CIVILIANS_INTER) and (group.if_target_armed or group.if_target_civilians):
            # An attack on a post is a battle, even when a bystander dies in it.
            actor2 = self._forces_attacked(targets, country) \
                or self._armed_attacked(targets, side_two, country, trigger.span.root) \
                or self._armed_among_dead(sent, side_two, country, trigger.span.root) or actor2
        # With no object of its own ("opened fire"), what the sentence's other verbs act on is the target
        # ("made an incursion into the refugee site and opened fire"), unless it is the forces' ("a military camp").
        objects = targets or [t for t in sent if t.dep_ in {"dobj", "pobj"}
                              and not target_modifiers([t]) & self.security_modifiers]
        civilian_target = (actor2 is not None and actor2.inter == CIVILIANS_INTER) or (
            actor2 is None and (bool(target_lemmas(objects) & self.civilian_targets) or self._civilians_harmed(sent)))
        if group.if_target_civilians and civilian_target:
            event_type, sub_type = group.if_target_civilians
        if group.if_target_armed and actor2 is not None and actor2.inter in ARMED_INTERS:
            event_type, sub_type = group.if_target_armed
        if (event_type, sub_type) == ("Violence against civilians", "Attack") and self._resisted(sent):
            event_type, sub_type = self.resisted_attack
        if group.if_violent and self._turned_violent(sent):
            event_type, sub_type = group.if_violent
        if group.if_actor1_state and actor1 is not None and actor1.inter == 1:
            sub_type = group.if_actor1_state
        if group.if_actor1_non_state and actor1 is not None and actor1.inter in NON_STATE_ARMED_INTERS:
            sub_type = group.if_actor1_non_state  # "rebels recaptured the village": only a state regains
        if group.if_actor1_non_state and actor1 is None and actor2 is not None and actor2.inter == 1:
            # "The opposition retook an area that fell to regime forces the day before": ground taken back from the
            # state is taken by someone else.
            sub_type = group.if_actor1_non_state
        if sub_type == self.air_strike and self._bomb_on_the_ground(trigger):
            sub_type = self.placed_explosive
        if sub_type == "Arrests" and actor1 is not None and actor1.inter in NON_STATE_ARMED_INTERS:
            # Only the state arrests; an armed group that detains people abducts them (ACLED's rule).
            event_type, sub_type = "Violence against civilians", "Abduction/forced disappearance"
        # An act told only by its outcome ("ten were killed") or as violence against civilians takes its means
        # from anywhere in the sentence; an attack or an ambush is typed by its own means, since a battle may hold an
        # explosion ("an ambush initiated by the detonation of an IED").
        means = self._remote_means(trigger.span.root, targets, whole_sentence=group.outcome or sub_type == "Attack") \
            if group.if_target_civilians or group.if_target_armed or sub_type == "Attack" else None
        if sub_type == self.destruction:
            # "The air force destroyed the terrorists' vehicles", "houses destroyed by shelling": destruction by a
            # weapon of war is that weapon's attack in ACLED, not property destruction (a word of two senses only
            # with another weapon word: "the strike destroyed" may be a labour strike's).
            means = self._remote_means(trigger.span.root, targets, unambiguous=True)
        if means is not None:
            # "rocket attacks on the neighbourhood", "attacked the hotel with shells": ACLED types violence by its
            # means, so an attack from afar is remote violence whoever it hits.
            event_type, sub_type = REMOTE_VIOLENCE, means
        if sub_type == self.shelling and self._fired_from_the_air(trigger):
            sub_type = self.air_strike
        if sub_type == self.placed_explosive and self._bomb_attack_from_the_air(trigger):
            sub_type = self.air_strike
        if means is None and event_type in {"Battles", "Violence against civilians"} and self._raid_flown(trigger):
            event_type, sub_type = REMOTE_VIOLENCE, self.air_strike
        if event_type in VIOLENT_TYPES and self._chemical_agent_in(trigger):
            # "fired rockets filled with Sarin gas": the agent, not its carrier; "killed in a gas attack": however
            # the attack is told, ACLED codes a chemical weapon's use as remote violence.
            event_type, sub_type = REMOTE_VIOLENCE, self.chemical
        if means is None and actor1 is not None and actor1.name in self.air_only_actors \
                and event_type in {"Battles", "Violence against civilians"}:
            # "A new attack launched by the US-led coalition on residential areas": a force that only strikes from the
            # air attacks with air strikes.
            event_type, sub_type = REMOTE_VIOLENCE, self.air_strike
        kind: EventKind = "allegation" if attribution.is_allegation and event_type in VIOLENT_TYPES else "event"
        if attribution.denies(trigger.span.root) and attribution.accuser is None:
            # "The army denied that any soldier was killed": a claim about the event, not a report of it. A sentence
            # that names who alleges it as well ("footage circulating online ... nothing could be further from the
            # truth") keeps the allegation, denied.
            kind = "denial"
        elif kind == "allegation" and actor2 is not None and actor2.inter == CIVILIANS_INTER:
            event_type, sub_type = self.allegation_type
        deaths = event.fatalities
        named = [*side_one, *side_two]
        words = target_lemmas(list(sent))  # the sentence's words and lemmas, for the rules below
        if event_type == "Battles" and named and not any(a.inter in ARMED_INTERS for a in named) and deaths == 0 \
                and not any(t.pos_ == "VERB" and t.lemma_.lower() in self.death_words for t in sent):
            # Unarmed people fighting without deaths is mob violence in ACLED; deadly communal clashes are battles,
            # as is fighting told by its dead, however many ("84 people were killed in fighting").
            event_type, sub_type = "Riots", "Mob violence"
        looting = next((g for g in trigger.displaced if g.sub_event_type == self.destruction), None)
        if (looting is not None and group.if_target_civilians and event_type == "Battles" and actor2 is None
                and deaths == 0 and not words & self.harm_words):
            # "Militants attacked and burned a truck, no casualties": an attack on no one that only destroyed or
            # took property is coded as the destruction (an attack on villagers stays one).
            event_type, sub_type = looting.event_type, looting.sub_event_type
        if (sub_type == self.destruction and (actor1 is None or actor1.inter in {5, 6, 7})
                and words & (self.riot_participants | self.unarmed_crowds) and not _undone_by_anyone(trigger.head)
                and not _described(trigger.head)):
            # "Refugees vandalised the centre", "the local population burned voting tents": a crowd's destruction
            # is a riot; "a resident said his home was destroyed" names who lost it, not who destroyed it.
            event_type, sub_type = "Riots", self._riot_sub_type(words)
            actor1 = self.actors.generic_actor("rioters", country, surface=draft.crowd)
        if (event_type, sub_type) == ("Battles", "Armed clash") and self._crowd_clash(words, named, sent):
            # "Students clashed with police": a riot, with the rioters as actor1 and the forces as actor2.
            event_type, sub_type = "Riots", self._riot_sub_type(words)
            forces = next((a for a in named if a.inter in ARMED_INTERS), None)
            actor1, actor2 = self.actors.generic_actor("rioters", country), forces
            side_one, side_two = [actor1], [forces] if forces else []
        if event_type == "Violence against civilians" and actor1 is not None and actor1.inter == RIOTER_INTER:
            # "A mob lynched a man suspected of theft": a crowd's violence is a riot, whoever it hits.
            event_type, sub_type = "Riots", self._riot_sub_type(words)
        if sub_type == "Abduction/forced disappearance" and deaths > 0:
            event_type, sub_type = self.abduction_with_deaths
        if sub_type in self.territory_sub_types and actor2 is not None and actor2.inter == CIVILIANS_INTER:
            # "took control of part of the town, enabling civilians to flee": ground changes hands between armed
            # sides; the civilians the sentence names are none.
            actor2 = next((a for a in side_two if a.inter != CIVILIANS_INTER), None)
            side_two = [a for a in side_two if a.inter != CIVILIANS_INTER]
        event.event_type, event.sub_event_type, event.kind = event_type, sub_type, kind
        event.actor1, event.actor2 = actor1, actor2
        draft.side_one, draft.side_two = side_one, side_two

    def _forces_attacked(self, targets: list[Token], country: str | None) -> Actor | None:
        """"Gunmen attacked a gendarmerie post": the forces holding the post are the target, so it is a battle."""
        modifiers = target_modifiers(targets)
        if not (target_lemmas(targets) & self.security_targets or modifiers & self.security_modifiers):
            return None
        return self.actors.state_actor("police" if modifiers & self.police_modifiers else "military", country)

    def _armed_attacked(self, targets: list[Token], side_two: list[Actor], country: str | None,
                        act: Token) -> Actor | None:
        """"Army units targeted gatherings of terrorists, killing many of them": armed men, or where they gather,
        are the target (of the act, or of the verb whose outcome it tells), so it is a battle, with their group (the
        one the sentence names for the other side, else an unidentified one)."""
        # The doer is no target, whatever the parse made the act's object ("an individual killed by militants").
        targets = [t for t in targets if t.head.dep_ != "agent"]
        if act.dep_ == "advcl":
            targets = [*targets, *(c for c in act.head.children if c.dep_ in {"dobj", "obj"})]
        # "gatherings of terrorists" are the armed men's; "the wives of IS commanders" are not armed men.
        held = [g for t in targets if t.lemma_.lower() not in self.kin_nouns
                for c in t.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
        armed = next((t for t in [*targets, *held] if t.lemma_.lower() in self.armed_persons
                      or t.lower_ in self.armed_persons), None)
        if armed is None:
            return None
        return self._armed_group(side_two, country, armed)

    def _armed_among_dead(self, sent: SpacySpan, side_two: list[Actor], country: str | None,
                          act: Token) -> Actor | None:
        """"Two refugees and a policeman were killed", "12 Daesh terrorists were killed by the SDF": with soldiers,
        police or an armed group's members among the dead it is a battle, with their forces or their group (the
        one the sentence names for the other side, else an unidentified one)."""
        for t in sent:
            lemma = t.lemma_.lower()
            if lemma not in self.security_persons and lemma not in self.armed_persons \
                    and t.lower_ not in self.armed_persons:
                continue
            first = t
            while first.dep_ == "conj":
                first = first.head
            head, verb = first.head, first.head.lemma_.lower()
            # The subject of "shot" is the shooter; only a dying verb ("died"), or a headline's participle with
            # no object ("4 soldiers killed"), has its dead as subject.
            dead_subject = first.dep_ == "nsubj" and (verb in self.dying_verbs or (
                head.tag_ == "VBN" and not any(c.dep_ in {"dobj", "obj"} for c in head.children)))
            # "killing and wounding several commanders": the object the parse gave the last of coordinated verbs
            # (the act's own word, whatever its part of speech).
            shared = head.dep_ == "conj" and (head.head.lemma_.lower() in self.victim_verbs or head.head == act)
            if (verb not in self.victim_verbs and not shared) \
                    or not (first.dep_ in {"nsubjpass", "dobj"} or dead_subject):
                continue
            if lemma in self.security_persons:
                return self.actors.state_actor("police" if lemma in self.police_persons else "military", country)
            return self._armed_group(side_two, country, t)
        return None

    def _armed_group(self, side_two: list[Actor], country: str | None, armed: Token) -> Actor:
        """The armed men's group: the one the sentence names for the other side, else an unidentified one."""
        return next((a for a in side_two if a.inter in NON_STATE_ARMED_INTERS),
                    self.actors.generic_actor("unidentified", country, surface=armed.text))

    def _civilians_harmed(self, sent: SpacySpan) -> bool:
        """"Eight villagers were killed when X raided the town", "... and wounded two educators": the victims are
        civilians."""
        return any((t.lemma_.lower() in self.civilian_targets or t.lower_ in self.civilian_targets)
                   and t.head.lemma_.lower() in self.victim_verbs | self.harm_words
                   and t.dep_ in {"nsubj", "nsubjpass", "dobj"} for t in sent)

    def _resisted(self, sent: SpacySpan) -> bool:
        """An attack met by armed resistance in its sentence or the next ("...and were repelled by villagers")."""
        following = next_sentence(sent)
        return any(self.resistance_cues.search(part.text.lower()) for part in [sent, following] if part is not None)

    def _riot_sub_type(self, words: set[str]) -> str:
        """A riot with a protest word in its sentence is a violent demonstration, otherwise mob violence."""
        return "Violent demonstration" if words & self.protest_words else "Mob violence"

    def _crowd_clash(self, words: set[str], named: list[Actor], sent: SpacySpan) -> bool:
        """A clash of state forces with a crowd (students, supporters, protesters) or with people protesting, in
        this sentence or in the next about the same people ("Clashes erupted between fundamentalists and police.
        The fundamentalists were protesting ..."), with no armed group in it; ``words`` are the sentence's words
        and lemmas."""
        following = next_sentence(sent)
        same_people = following is not None and any(
            t.dep_ == "nsubj" and (t.lemma_.lower() in words or t.lower_ == "they") for t in following)
        crowd = words & self.riot_participants or self._protesting(sent) or (
            following is not None and same_people and self._protesting(following))
        return ((any(a.inter == 1 for a in named) or bool(words & self.security_modifiers))
                and not any(a.inter in NON_STATE_ARMED_INTERS for a in named) and bool(crowd))

    def _protesting(self, sent: SpacySpan) -> bool:
        """A protest word outside dates ("protesting", but not "13 March")."""
        return bool(target_lemmas([t for t in sent if t.ent_type_ not in {"DATE", "TIME"}]) & self.protest_words)

    def _turned_violent(self, sent: SpacySpan) -> bool:
        """A violence cue in the sentence, or in a later one that names the crowd ("The demonstrators burned...",
        "Clashes were reported between supporters and police")."""
        if any(t.lower_ in self.violence_cues for t in sent):
            return True
        for later in sentences_after(sent):
            if target_lemmas(list(later)) & self.crowd_words and any(t.lower_ in self.violence_cues for t in later):
                return True
        return False


def _undone_by_anyone(verb: Token) -> bool:
    """A passive verb with no agent ("his home was destroyed"): the sentence names no one who did it."""
    children = {c.dep_ for c in verb.children}
    return "nsubjpass" in children and "agent" not in children


def _described(act: Token) -> bool:
    """A participle that describes a thing ("buildings destroyed in the strikes") tells what befell it, not that a
    crowd the sentence names ("local civil defence personnel said ...") did it."""
    return act.dep_ == "acl" and act.tag_ == "VBN"
