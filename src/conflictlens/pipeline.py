"""The pipeline: one document in, coded events out. ``load_pipeline`` is the public entry point.

Stages run in one direction: language -> entities and actors -> places -> event triggers and
roles -> dates -> fatalities -> attribution -> within-document merge. Each stage lives in its own
module; this module only wires them together and applies ACLED's coding rules that need more
than one stage (who the opponent is when a sentence names one side, which place an event gets
when its sentence names none).
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections import Counter
from collections.abc import Iterator
from copy import deepcopy
from dataclasses import dataclass, replace

from spacy.language import Language
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from conflictlens.actors import ActorDictionary, ActorMention, DocumentActors
from conflictlens.attribution import Attributor, SentenceAttribution
from conflictlens.classifier import SubtypeClassifier, load_classifier, refine_sub_types
from conflictlens.config import Settings
from conflictlens.dates import DateMention, DatePatterns, find_dates
from conflictlens.entities import actor_mentions, annotate, load_nlp
from conflictlens.events import (
    VIOLENT_TYPES,
    EventDetector,
    Trigger,
    target_lemmas,
    target_modifiers,
    target_tokens,
)
from conflictlens.fatalities import FatalityCounter
from conflictlens.gazetteer import Gazetteer, haversine_km
from conflictlens.grammar import Grammar
from conflictlens.ingest import dateline_end
from conflictlens.knowledge import BASE_LANGUAGE, Knowledge, available_languages, phrase_pattern
from conflictlens.language import detect_language
from conflictlens.model import (
    Actor,
    Claim,
    ClaimType,
    Document,
    Event,
    EventKind,
    GeoPrecision,
    Mention,
    Place,
    ProcessedDocument,
    Source,
    Span,
    TimePrecision,
)
from conflictlens.places import LEVEL_RANK, PlaceResolver, Toponym, place_list
from conflictlens.roles import Interaction, interactions

log = logging.getLogger(__name__)

STATUS_RANK = {"denied": 5, "alleged": 4, "unverified": 3, "claimed": 2, "corroborated": 1, "reported": 0}
NON_STATE_KINDS = ("rebel", "islamist", "unidentified")
ARMED_INTERS = {1, 2, 3, 4, 8}
NON_STATE_ARMED_INTERS = {2, 3, 4}


@dataclass(slots=True)
class _Sentence:
    index: int
    span: SpacySpan
    attribution: SentenceAttribution
    dates: list[DateMention]
    toponyms: list[Toponym]


class Pipeline:
    """Holds the loaded models and dictionaries of one language; ``process`` is safe to call many times.
    A document in another language goes to that language's pipeline, loaded on first use."""

    def __init__(self, settings: Settings, knowledge: Knowledge, nlp: Language, actors: ActorDictionary,
                 gazetteer: Gazetteer, classifier: SubtypeClassifier | None = None) -> None:
        self.settings = settings
        self.knowledge = knowledge
        self.language = knowledge.language
        self.languages = {lang for lang in available_languages(settings.dictionaries)
                          if lang == BASE_LANGUAGE or lang in settings.language_models}
        self._other_languages: dict[str, Pipeline] = {}
        self.nlp = nlp
        self.actors = actors
        self.gazetteer = gazetteer
        self.classifier = classifier
        self.places = PlaceResolver(knowledge, gazetteer)
        self.grammar = Grammar.from_knowledge(knowledge)
        self.date_patterns = DatePatterns(knowledge.dates)
        self.attributor = Attributor(knowledge.attribution, self.grammar)
        self.reporting_verbs = frozenset(str(w).lower() for w in knowledge.attribution["reporting_verbs"])
        self.detector = EventDetector(nlp, knowledge.lexicon, knowledge.conventions,
                                      knowledge.attribution["accusation_verbs"], self.grammar)
        self.victim_verbs = {w.lower() for w in knowledge.conventions["victim_verbs"]}
        self.fatalities = FatalityCounter(knowledge.conventions)
        self.country_codes = {c.name: c.iso2 for c in knowledge.countries}
        self.merge_km = float(knowledge.conventions.get("merge_distance_km", 25))
        self.allegation_type = tuple(knowledge.conventions["allegation_against_civilians"])
        self.civilian_targets = {w.lower() for w in knowledge.conventions["civilian_targets"]}
        self.security_targets = {w.lower() for w in knowledge.conventions["security_targets"]}
        self.security_modifiers = {w.lower() for w in knowledge.conventions["security_modifiers"]}
        self.police_modifiers = {w.lower() for w in knowledge.conventions["police_modifiers"]}
        self.abduction_with_deaths = tuple(knowledge.conventions["abduction_with_deaths"])
        self.violence_cues = {w.lower() for w in knowledge.conventions["violence_cues"]}
        self.crowd_words = {w.lower() for w in knowledge.conventions["crowd_words"]}
        self.crowd_quantities = {w.lower() for w in knowledge.conventions["crowd_quantities"]}
        self.harm_words = {w.lower() for w in knowledge.conventions["harm_words"]}
        self.security_persons = {w.lower() for w in knowledge.conventions["security_persons"]}
        self.police_persons = {w.lower() for w in knowledge.conventions["police_persons"]}
        self.unarmed_crowds = {w.lower() for w in knowledge.conventions["unarmed_crowds"]}
        self.riot_participants = {w.lower() for w in knowledge.conventions["riot_participants"]}
        self.protest_words = {w.lower() for w in knowledge.conventions["protest_words"]}
        self.resistance_cues = phrase_pattern(knowledge.conventions["resistance_cues"])
        self.resisted_attack = tuple(knowledge.conventions["resisted_attack"])

    def process_text(self, text: str, **metadata: object) -> ProcessedDocument:
        return self.process(Document(text=text, **metadata))  # type: ignore[arg-type]

    def process(self, document: Document) -> ProcessedDocument:
        pipeline = self._pipeline_for(document)
        if pipeline is None:
            document.warnings.append(
                f"no event pipeline for language {document.language!r} (have {', '.join(sorted(self.languages))}); "
                "document stored without events")
            return ProcessedDocument(document, [])
        if pipeline is not self:
            return pipeline.process(document)
        doc, mentions, mention_tokens, toponyms, votes = self._read(document)
        country_code = votes.most_common(1)[0][0] if votes else None
        context = DocumentActors.from_mentions(mentions, self.places.country_name(country_code))
        resolved = {m.start: self.actors.resolve(m, context) for m in mentions}
        roots = {_root(doc, m).i: m for m in mentions}
        name_of = {i: resolved[m.start].name for i, m in mention_tokens.items()}
        document.outlets_named = self.attributor.outlets_named(document.text)
        sentences = self._sentences(doc, document, toponyms, name_of)
        focus = self._focus_place(toponyms)
        triggers = self.detector.triggers(doc, set(mention_tokens))
        opponent = self._main_opponent(mentions, resolved)
        events: list[Event] = []
        sentence_events: dict[int, list[Event]] = {}
        for sentence in sentences:
            if events and self.detector.is_continuation(sentence.span.text):
                named = [resolved[m.start] for m in mentions
                         if m.sentence_index == sentence.index and not m.entry.generic and m.entry.inter in {2, 3}]
                self._continue(events[-1], sentence, named)
                sentence_events.setdefault(sentence.index, []).append(events[-1])
                continue
            for trigger in triggers.get(sentence.index, []):
                event = self._code_event(document, sentence, trigger, roots, context, focus, opponent)
                if events and self._aftermath(event, sentence, trigger, events[-1]):
                    self._continue(events[-1], sentence, [])
                    sentence_events.setdefault(sentence.index, []).append(events[-1])
                    continue
                for part in self._one_per_place(event, sentence):
                    events.append(part)
                    sentence_events.setdefault(sentence.index, []).append(part)
            if sentence.attribution.denies_earlier:
                self._link_denial(sentence, sentence_events, document)
            if (not triggers.get(sentence.index) and sentence.attribution.claim_type == "unverified"
                    and self.detector.refers_back(sentence.span.text)):
                for event in sentence_events.get(sentence.index - 1, []):
                    if STATUS_RANK["unverified"] > STATUS_RANK[event.claim_status]:
                        event.claim_status = "unverified"
        events = self._merge_within_document(events)
        if self.classifier is not None and events:  # after the merge, which groups reports by the rules' labels
            refine_sub_types(events, [e.claims[0].evidence if e.claims else document.text for e in events],
                             self.classifier, ratio=self.settings.classifier_ratio)
        for event in events:
            first = event.evidence[0]
            event.notes = _summary(event, document.text[first.start : first.end])
            event.assign_id()
        return ProcessedDocument(document, events, _mentions(mentions, resolved, toponyms, sentences))

    def _pipeline_for(self, document: Document) -> Pipeline | None:
        """The pipeline of a document's language (detected if not given): this one, another, or None if none."""
        if document.language is None:
            detect_language(document, default=self.settings.default_language, known=self.languages)
        if document.language == self.language:
            return self
        return self.for_language(document.language) if document.language in self.languages else None

    def for_language(self, language: str) -> Pipeline:
        """This language's pipeline, sharing the gazetteer; loaded once, on first use."""
        if language == self.language:
            return self
        if language not in self._other_languages:
            knowledge = Knowledge.load(self.settings.dictionaries, language=language)
            actors = ActorDictionary.from_knowledge(knowledge)
            nlp = load_nlp(self.settings.language_models[language], actors, max_chars=self.settings.max_document_bytes,
                           scheme=Grammar.from_knowledge(knowledge).scheme)
            # The packaged sub-type classifier reads English sentence embeddings; the lexicon alone codes others.
            self._other_languages[language] = Pipeline(self.settings, knowledge, nlp, actors, self.gazetteer)
        return self._other_languages[language]

    def geoparse(self, text: str, *, demonyms: bool = False) -> list[tuple[Span, Place]]:
        """Every place a text names, with its place: the geoparsing stage on its own.

        Besides the toponyms events are placed at, it gives streets (with no coordinates: the gazetteer holds
        towns); with ``demonyms``, also peoples' names ("Malian", "Palestinians") as references to their
        country, as some geoparsing guidelines (LGL's) count them."""
        doc, _, _, toponyms, _ = self._read(Document(text=text), skip_dateline=False)
        references = toponyms + self.places.street_names(doc)
        if demonyms:
            references += self.places.demonym_references(doc, references)
        references.sort(key=lambda t: t.start)
        return [(Span(t.start, t.end), place) for t in references for place in [self.places.to_place(t)] if place]

    def interactions(self, text: str) -> list[Interaction]:
        """Who did what to whom in each sentence of a text, whatever the action: the role stage on its own, with
        the actors and places the other stages find counted as names. Empty for a language without a pipeline."""
        document = Document(text=text)
        pipeline = self._pipeline_for(document)
        if pipeline is not self:
            return pipeline.interactions(text) if pipeline is not None else []
        doc, _, mention_tokens, toponyms, _ = self._read(document, skip_dateline=False)
        names = frozenset(mention_tokens) | {i for t in toponyms for i in range(t.token_start, t.token_end)}
        return interactions(doc, self.grammar, self.reporting_verbs, names=names)

    def _read(self, document: Document, *, skip_dateline: bool = True) -> tuple[
            Doc, list[ActorMention], dict[int, ActorMention], list[Toponym], Counter[str]]:
        """Parse (an event report without its dateline), find actors, and find and resolve places."""
        skip = dateline_end(document.text) if skip_dateline else 0
        doc = annotate(self.nlp, " " * skip + document.text[skip:])
        mentions = actor_mentions(doc, self.actors)
        mention_tokens = {i: m for m in mentions for i in _token_range(doc, m.start, m.end)}
        unknown: list[str] = []
        toponyms = self.places.find(doc, set(mention_tokens), unknown)
        document.warnings.extend(
            f"unknown place {name!r}: not in the gazetteer; its events are placed by context "
            "(import a GeoNames dump that has it)" for name in dict.fromkeys(unknown))
        # Foreign forces say little about where a report is; a country's own actors say more, and a
        # group active in several countries shares one vote among them.
        actor_votes: Counter[str] = Counter()
        for m in mentions:
            if m.entry.generic or m.entry.inter == 8:
                continue
            homes = [m.entry.country] if m.entry.country else list(m.entry.operates_in)
            codes = [self.country_codes[c] for c in homes if c in self.country_codes]
            for code in codes:
                actor_votes[code] += 1 / len(codes)  # type: ignore[assignment]  # Counter holds shares too
        actor_votes.update({code.upper(): 1 for code in self.settings.focus_countries})
        votes = self.places.resolve(toponyms, extra_country_votes=actor_votes)
        return doc, mentions, mention_tokens, toponyms, votes

    def _sentences(self, doc: Doc, document: Document, toponyms: list[Toponym],
                   name_of: dict[int, str]) -> list[_Sentence]:
        out = []
        for index, sent in enumerate(doc.sents):
            dates = find_dates(sent.text, reference=document.published_at, offset=sent.start_char,
                               patterns=self.date_patterns)
            for mention in dates:
                if mention.problem and mention.problem not in document.warnings:
                    document.warnings.append(mention.problem)
            out.append(_Sentence(index, sent, self.attributor.attribute(sent, name_of), dates,
                                 [t for t in toponyms if t.sentence_index == index]))
        return out

    def _focus_place(self, toponyms: list[Toponym]) -> Place | None:
        """The place a report is about: its most-named town, else region, else country."""
        places = [p for p in (self.places.to_place(t) for t in toponyms) if p is not None]
        if not places:
            return None
        best_level = min(LEVEL_RANK[p.level] for p in places)
        counts = Counter(p.name for p in places if LEVEL_RANK[p.level] == best_level)
        name = counts.most_common(1)[0][0]
        return next(p for p in places if p.name == name)

    def _main_opponent(self, mentions: list[ActorMention], resolved: dict[int, Actor]) -> Actor | None:
        """The non-state armed actor a report names most: ACLED's actor2 when a clash names one side."""
        counts = Counter(resolved[m.start].name for m in mentions if m.entry.kind in NON_STATE_KINDS)
        if not counts:
            return None
        name = counts.most_common(1)[0][0]
        return next(resolved[m.start] for m in mentions if resolved[m.start].name == name)

    def _code_event(self, document: Document, sentence: _Sentence, trigger: Trigger, roots: dict[int, ActorMention],
                    context: DocumentActors, focus: Place | None, opponent: Actor | None) -> Event:
        sent = sentence.span
        mention_roots = [sent.doc[i] for i in sorted(roots) if sent.start <= i < sent.end]
        country_roots = [sent.doc[t.token_end - 1] for t in sentence.toponyms if t.country_code]
        self.detector.assign_roles(trigger, mention_roots, sentence.attribution.claimant_tokens, country_roots)
        place = self._place(sentence, trigger, focus, context)
        # "Soldiers clashed near Tera": unnamed state forces are those of the country it happened in.
        local = replace(context, country=place.country) if place is not None and place.country else context

        def resolve_all(tokens: list) -> list[Actor]:  # type: ignore[type-arg]
            return _unique(self.actors.resolve(roots[t.i], local) for t in tokens)

        side_one = resolve_all(trigger.side_one)
        for root in trigger.agent_countries:
            topo = next(t for t in sentence.toponyms if t.token_end - 1 == root.i)
            military = self.actors.military_of(self.places.country_name(topo.country_code) or "")
            if military is not None:
                side_one.append(military)
        side_one = _either_or(_unique([*side_one, *resolve_all(trigger.side_one_allies)]), trigger.side_one, sent)
        side_two = [a for a in _either_or(resolve_all(trigger.side_two), trigger.side_two, sent)
                    if a.name not in {b.name for b in side_one}]
        # Civilians are targets in ACLED, never perpetrators.
        side_two += [a for a in side_one if a.inter == 7 and a.name not in {b.name for b in side_two}]
        side_one = [a for a in side_one if a.inter != 7]
        named_side_one = [a for a in side_one if not self.actors.is_vague(a)]
        if named_side_one:  # "Fighters of the Islamic State Sahel Province": the fighters are the group's
            side_one = named_side_one
        group = trigger.group
        event_type, sub_type = group.event_type, group.sub_event_type
        actor1 = side_one[0] if side_one else None
        actor2 = side_two[0] if side_two else None
        speaker = self._speaker_of_possessive(trigger, sentence.attribution)
        if speaker is not None and self.actors.is_vague(actor1):
            # "JNIM announces that its fighters attacked ...": the fighters are the speaker's.
            side_one = [speaker, *(a for a in side_one if a is not actor1)]
            actor1 = speaker
        targets = target_tokens(trigger, self.grammar)
        if (actor2 is None or actor2.inter == 7) and (group.if_target_armed or group.if_target_civilians):
            # An attack on a post is a battle, even when a bystander dies in it.
            actor2 = (self._forces_attacked(targets, local.country) or self._forces_among_dead(sent, local.country)
                      or actor2)
        # With no object of its own ("opened fire"), what the sentence's other verbs act on is the target
        # ("made an incursion into the refugee site and opened fire"), unless it is the forces' ("a military camp").
        objects = targets or [t for t in sent if t.dep_ in {"dobj", "pobj"}
                              and not target_modifiers([t]) & self.security_modifiers]
        civilian_target = (actor2 is not None and actor2.inter == 7) or (
            actor2 is None and (bool(target_lemmas(objects) & self.civilian_targets)
                                or self._civilians_harmed(sent)))
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
        if sub_type == "Arrests" and actor1 is not None and actor1.inter in NON_STATE_ARMED_INTERS:
            # Only the state arrests; an armed group that detains people abducts them (ACLED's rule).
            event_type, sub_type = "Violence against civilians", "Abduction/forced disappearance"
        attribution = sentence.attribution
        kind: EventKind = "allegation" if attribution.is_allegation and event_type in VIOLENT_TYPES else "event"
        if kind == "allegation" and actor2 is not None and actor2.inter == 7:
            event_type, sub_type = self.allegation_type
        if event_type == "Violence against civilians" and actor2 is None:
            actor2 = self.actors.generic_actor("civilians", local.country)
        deaths, deaths_text = self.fatalities.count(sent, dates=_date_ranges(sentence))
        named = [*side_one, *side_two]
        words = target_lemmas(list(sent))  # the sentence's words and lemmas, for the rules below
        if event_type == "Battles" and named and not any(a.inter in ARMED_INTERS for a in named) and deaths == 0:
            # Unarmed people fighting without deaths is mob violence in ACLED; deadly communal clashes are battles.
            event_type, sub_type = "Riots", "Mob violence"
        looting = next((g for g in trigger.displaced if g.sub_event_type == "Looting/property destruction"), None)
        if (looting is not None and group.if_target_civilians and event_type == "Battles" and actor2 is None
                and deaths == 0 and not words & self.harm_words):
            # "Militants attacked and burned a truck, no casualties": an attack on no one that only destroyed or
            # took property is coded as the destruction (an attack on villagers stays one).
            event_type, sub_type = looting.event_type, looting.sub_event_type
        if (sub_type == "Looting/property destruction" and (actor1 is None or actor1.inter in {5, 6, 7})
                and words & (self.riot_participants | self.unarmed_crowds)):
            # "Refugees vandalised the centre", "the local population burned voting tents": a crowd's destruction
            # is a riot.
            event_type, sub_type = "Riots", self._riot_sub_type(words)
            actor1 = self.actors.generic_actor("rioters", local.country, surface=self._crowd_surface(trigger, sent))
        if (event_type, sub_type) == ("Battles", "Armed clash") and self._crowd_clash(words, named, sent):
            # "Students clashed with police": a riot, with the rioters as actor1 and the forces as actor2.
            event_type, sub_type = "Riots", self._riot_sub_type(words)
            forces = next((a for a in named if a.inter in ARMED_INTERS), None)
            actor1, actor2 = self.actors.generic_actor("rioters", local.country), forces
            side_one, side_two = [actor1], [forces] if forces else []
        # ACLED names the crowd itself: "Protesters (Niger)", "Rioters (Niger)".
        crowd = {"Protests": "protesters", "Riots": "rioters"}.get(event_type)
        if crowd and (actor1 is None or actor1.inter == 7):
            actor1 = self.actors.generic_actor(crowd, local.country, surface=self._crowd_surface(trigger, sent))
            if actor2 is not None and actor2.inter == 7:
                actor2 = None
        looted = sub_type == "Looting/property destruction" and event_type == "Strategic developments"
        # "... destroyed a terrorist logistics base": property of armed forces, destroyed by their enemies.
        forces_property = bool(target_lemmas(targets) & self.security_targets)
        if actor1 is None and sub_type != "Air/drone strike" and (
                event_type in {"Violence against civilians", "Explosions/Remote violence"}
                or (looted and not forces_property)):
            # Violence, a bomb or looting by someone the text does not name: ACLED's unidentified armed group.
            actor1 = self.actors.generic_actor("unidentified", local.country)
        if actor2 is None and (event_type == "Riots" or (event_type == "Protests" and sub_type != "Peaceful protest")):
            # "... Police responded with tear gas": the forces who faced the crowd, here or in the next sentence.
            actor2 = self._forces_facing_crowd(sent, local.country)
        if looted and actor2 is None and not forces_property:
            # ACLED names whose property was taken or destroyed: civilians, unless the text names someone else.
            actor2 = self.actors.generic_actor("civilians", local.country)
        if event_type == "Battles" and actor1 is None and actor2 is not None:
            # "An army patrol was attacked": a battle has two sides; the one the text does not name is ACLED's
            # unidentified armed group.
            actor1 = self.actors.generic_actor("unidentified", local.country)
        if event_type == "Battles" and actor2 is None and opponent is not None and (
                actor1 is None or actor1.inter in {1, 8}) and opponent.name != (actor1.name if actor1 else None):
            actor2 = opponent
        event = Event(
            doc_id=document.doc_id, event_type=event_type, sub_event_type=sub_type, actor1=actor1,
            assoc_actor_1=[a for a in side_one if actor1 is None or a.name != actor1.name],
            actor2=actor2, assoc_actor_2=[a for a in side_two if actor2 is None or a.name != actor2.name],
            kind=kind, trigger=trigger.span.text, evidence=[Span(sent.start_char, sent.end_char)],
        )
        self._date(event, sentence, trigger, document)
        event.place = place
        event.fatalities, event.fatalities_text = deaths, deaths_text
        if event.sub_event_type == "Abduction/forced disappearance" and event.fatalities > 0:
            event.event_type, event.sub_event_type = self.abduction_with_deaths
        self._attribute(event, attribution, document, sent)
        event.confidence = _confidence(event, sentence)
        return event

    def _speaker_of_possessive(self, trigger: Trigger, attribution: SentenceAttribution) -> Actor | None:
        claimant = attribution.claimant
        if claimant is None or claimant.name not in self.actors.entries:
            return None
        possessive = any(child.dep_ == "poss" and child.lower_ in self.grammar.speaker_possessives
                         for token in trigger.side_one for child in token.children)
        return self.actors.actor_for(claimant.name) if possessive else None

    def _forces_attacked(self, targets: list[Token], country: str | None) -> Actor | None:
        """"Gunmen attacked a gendarmerie post": the forces holding the post are the target, so it is a battle."""
        modifiers = target_modifiers(targets)
        if not (target_lemmas(targets) & self.security_targets or modifiers & self.security_modifiers):
            return None
        return self.actors.state_actor("police" if modifiers & self.police_modifiers else "military", country)

    def _forces_among_dead(self, sent: SpacySpan, country: str | None) -> Actor | None:
        """"Two refugees and a policeman were killed": with soldiers or police among the dead it is a battle."""
        for t in sent:
            if t.lemma_.lower() not in self.security_persons:
                continue
            first = t
            while first.dep_ == "conj":
                first = first.head
            head, verb = first.head, first.head.lemma_.lower()
            # The subject of "shot" is the shooter; only a dying verb ("died"), or a headline's participle with
            # no object ("4 soldiers killed"), has its dead as subject.
            dead_subject = first.dep_ == "nsubj" and (verb in self.fatalities.dying_verbs or (
                head.tag_ == "VBN" and not any(c.dep_ in {"dobj", "obj"} for c in head.children)))
            if verb in self.victim_verbs and (first.dep_ in {"nsubjpass", "dobj"} or dead_subject):
                return self.actors.state_actor("police" if t.lemma_.lower() in self.police_persons else "military",
                                               country)
        return None

    def _forces_facing_crowd(self, sent: SpacySpan, country: str | None) -> Actor | None:
        """The police (or, named alone, the army) in a riot's or protest's sentence or the next one."""
        following = _next_sentence(sent)
        words = target_lemmas([*sent, *(following or [])])
        if not words & (self.security_modifiers | self.security_persons):
            return None
        police = words & (self.police_modifiers | self.police_persons) or "security" in words
        return self.actors.state_actor("police" if police else "military", country)

    def _civilians_harmed(self, sent: SpacySpan) -> bool:
        """"Eight villagers were killed when X raided the town", "... and wounded two educators": the victims are
        civilians."""
        return any((t.lemma_.lower() in self.civilian_targets or t.lower_ in self.civilian_targets)
                   and t.head.lemma_.lower() in self.victim_verbs | self.harm_words
                   and t.dep_ in {"nsubj", "nsubjpass", "dobj"} for t in sent)

    def _aftermath(self, event: Event, sentence: _Sentence, trigger: Trigger, previous: Event) -> bool:
        """A sentence that only tells more of the previous violence ("Residents buried the dead", "the drone struck
        the market around midday"): no place and no perpetrator of its own, and either only an outcome word or
        no date of its own."""
        return (event.event_type in VIOLENT_TYPES and previous.event_type in VIOLENT_TYPES
                and not sentence.toponyms
                and not self.actors.identifying_names([event.actor1, *event.assoc_actor_1])
                and (trigger.group.outcome or not sentence.dates))

    def _resisted(self, sent: SpacySpan) -> bool:
        """An attack met by armed resistance in its sentence or the next ("...and were repelled by villagers")."""
        following = _next_sentence(sent)
        return any(self.resistance_cues.search(part.text.lower()) for part in [sent, following] if part is not None)

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

    def _riot_sub_type(self, words: set[str]) -> str:
        """A riot with a protest word in its sentence is a violent demonstration, otherwise mob violence."""
        return "Violent demonstration" if words & self.protest_words else "Mob violence"

    def _crowd_clash(self, words: set[str], named: list[Actor], sent: SpacySpan) -> bool:
        """A clash of state forces with a crowd (students, supporters, protesters) or with people protesting, in
        this sentence or in the next about the same people ("Clashes erupted between fundamentalists and police.
        The fundamentalists were protesting ..."), with no armed group in it; ``words`` are the sentence's words
        and lemmas."""
        following = _next_sentence(sent)
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
        for later in _sentences_after(sent):
            if target_lemmas(list(later)) & self.crowd_words and any(t.lower_ in self.violence_cues for t in later):
                return True
        return False

    def _date(self, event: Event, sentence: _Sentence, trigger: Trigger, document: Document) -> None:
        resolved = [d for d in sentence.dates if d.start is not None]
        # "denied on Wednesday that a strike killed civilians last week": the event is last week.
        own = [d for d in resolved if not self.attributor.is_statement_date(sentence.span, d.start_char)]
        resolved = own or resolved
        if resolved:
            anchor = trigger.span.start_char
            best = min(resolved, key=lambda d: abs(d.start_char - anchor))
            event.event_date, event.end_date, event.time_precision = best.start, best.end, best.precision
            event.date_text = best.text
        elif not sentence.dates and document.published_at is not None:
            # No date in the sentence: a news report is about the days before it, so the week.
            event.event_date, event.time_precision = document.published_at, TimePrecision.WEEK
        elif sentence.dates:
            event.date_text = sentence.dates[0].text

    def _place(self, sentence: _Sentence, trigger: Trigger, focus: Place | None,
               context: DocumentActors) -> Place | None:
        text = sentence.span.text
        claimant_starts = _char_range(sentence.attribution, sentence.span)
        candidates = [(t, p) for t in sentence.toponyms if t.start not in claimant_starts
                      for p in [self.places.to_place(t)] if p is not None]
        codes = [p.country_code for _, p in candidates if p.country_code]
        document_code = self.country_codes.get(context.country or "")
        region = self.places.directional_region(
            text, _first_country_in(sentence, self.country_codes, codes[0] if codes else document_code))
        if self.places.is_nationwide(text):
            code = codes[0] if codes else document_code
            if code:
                return self.places.country_place(code)
        # District and region in parentheses qualify a place; they are the event's place only
        # when the place itself is unknown, and then only approximately.
        qualifiers_only = bool(candidates) and all(t.qualifier for t, _ in candidates)
        if qualifiers_only:
            candidates = [(t, replace(p, geo_precision=max(p.geo_precision, GeoPrecision.NEAR))) for t, p in candidates]
        else:
            candidates = [(t, p) for t, p in candidates if not t.qualifier]
        options = [p for _, p in candidates]
        if region is not None:
            options.append(region)
        if options:
            anchor = trigger.span.start_char
            positions = {id(p): abs(t.start - anchor) for t, p in candidates}
            if qualifiers_only:
                # "(Tera, Tillaberi)" after an unknown village: its district comes first and lies nearest to it.
                return min(options, key=lambda p: positions.get(id(p), 10_000))
            return min(options, key=lambda p: (LEVEL_RANK[p.level], positions.get(id(p), 10_000)))
        capital = re.search(r"\b(?:in|from|of|around|near|across)\s+the\s+capital\b", text, re.IGNORECASE)
        if capital and document_code:
            entry = self.gazetteer.capital(document_code)
            if entry is not None:
                return self.places.entry_place(entry, surface=capital.group(0))
        if focus is not None:
            return replace(focus, geo_precision=max(focus.geo_precision, GeoPrecision.NEAR)
                           if focus.level == "populated_place" else focus.geo_precision)
        if context.country and context.country in self.country_codes:
            return self.places.country_place(self.country_codes[context.country])
        return None

    def _attribute(self, event: Event, attribution: SentenceAttribution, document: Document, sent: SpacySpan) -> None:
        outlet = Source(name=document.outlet or "reporting outlet", kind="outlet")
        source = attribution.claimant or outlet
        if attribution.claim_type == "denied":
            status = "denied"
        elif attribution.claim_type in {"alleged", "unverified"}:
            status = attribution.claim_type
        elif _same_side(source, event):
            status = "claimed"
        else:
            status = "reported"
        event.source = source
        event.claim_status = status  # type: ignore[assignment]
        claim_type: ClaimType = "asserted" if status == "reported" else status  # type: ignore[assignment]
        claimant = attribution.accuser if (attribution.is_allegation and attribution.accuser) else source
        event.claims.append(Claim(claimant, "alleged" if attribution.is_allegation else claim_type, sent.text.strip(),
                                  Span(sent.start_char, sent.end_char), document.doc_id))
        if attribution.denier is not None and status == "denied":
            event.claims.append(Claim(attribution.denier, "denied", sent.text.strip(),
                                      Span(sent.start_char, sent.end_char), document.doc_id,
                                      denies=_answered(event.claims)))

    def _continue(self, event: Event, sentence: _Sentence, named_armed: list[Actor]) -> None:
        """A sentence that goes on about the previous event adds its deaths and evidence to it, and a
        claim of responsibility ("The attack was claimed by JNIM") names its perpetrator."""
        claimed = any(t.lemma_.lower() == "claim" for t in sentence.span) or "responsibility" in sentence.span.text
        if claimed and named_armed and self.actors.is_vague(event.actor1):
            event.actor1 = named_armed[0]
            event.claims.append(Claim(Source(named_armed[0].name, "armed_group"), "claimed",
                                      sentence.span.text.strip(),
                                      Span(sentence.span.start_char, sentence.span.end_char), event.doc_id))
        deaths, text = self.fatalities.count(sentence.span, dates=_date_ranges(sentence))
        if deaths > event.fatalities:
            event.fatalities, event.fatalities_text = deaths, text
        span = Span(sentence.span.start_char, sentence.span.end_char)
        if span not in event.evidence:
            event.evidence.append(span)

    def _link_denial(self, sentence: _Sentence, sentence_events: dict[int, list[Event]], document: Document) -> None:
        """'The government denied the allegations': mark the allegations of the sentences before as denied."""
        denier = sentence.attribution.denier or sentence.attribution.claimant
        if denier is None:
            return
        for index in range(sentence.index - 1, max(-1, sentence.index - 4), -1):
            alleged = [e for e in sentence_events.get(index, [])
                       if e.kind == "allegation" or (e.actor1 is not None and e.actor1.name == denier.name)]
            for event in alleged:
                event.claim_status = "denied"
                event.claims.append(Claim(denier, "denied", sentence.span.text.strip(),
                                          Span(sentence.span.start_char, sentence.span.end_char), document.doc_id,
                                          denies=_answered(event.claims)))
            if alleged:
                return

    def _one_per_place(self, event: Event, sentence: _Sentence) -> list[Event]:
        """ACLED codes one event per location: "soldiers took over the towns of Diffa, Arlit, Zinder and Agadez"
        is four events, alike but for the place. A toll the sentence gives for them all is divided evenly, the
        remainder going to the first, so the report's total stands."""
        place = event.place
        if place is None or place.geonameid is None:
            return [event]
        member = next((t for t in sentence.toponyms
                       if t.chosen is not None and t.chosen.geonameid == place.geonameid), None)
        if member is None:
            return [event]
        listed = place_list(sentence.span.doc, sentence.toponyms, member)
        places = [p for p in (self.places.to_place(t) for t in listed) if p is not None]
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

    def _merge_within_document(self, events: list[Event]) -> list[Event]:
        """ACLED codes one event per type, place and day: repeated mentions in a report become one."""
        merged: list[Event] = []
        for event in events:
            twin = next((m for m in merged if self._same_event(m, event)), None)
            if twin is None:
                merged.append(event)
                continue
            twin.evidence.extend(event.evidence)
            twin.claims.extend(event.claims)
            if event.fatalities > twin.fatalities:
                twin.fatalities, twin.fatalities_text = event.fatalities, event.fatalities_text
            if twin.event_date is None or (event.time_precision or 9) < (twin.time_precision or 9):
                twin.event_date, twin.end_date = event.event_date, event.end_date
                twin.time_precision, twin.date_text = event.time_precision, event.date_text
            if event.place and twin.place and LEVEL_RANK[event.place.level] < LEVEL_RANK[twin.place.level]:
                twin.place = event.place
            names = {a.name for a in twin.all_actors()}
            if twin.actor2 is None and event.actor2 is not None and event.actor2.name not in names:
                twin.actor2 = event.actor2
            for ally in [event.actor1, *event.assoc_actor_1]:
                if ally is not None and ally.name not in {a.name for a in twin.all_actors()}:
                    twin.assoc_actor_1.append(ally)
            if STATUS_RANK[event.claim_status] > STATUS_RANK[twin.claim_status]:
                # The status and the source that gives it travel together.
                twin.claim_status, twin.source = event.claim_status, event.source
            twin.confidence = max(twin.confidence, event.confidence)
        return merged

    def _same_event(self, a: Event, b: Event) -> bool:
        if (a.event_type, a.sub_event_type, a.kind) != (b.event_type, b.sub_event_type, b.kind):
            return False
        if a.sub_event_type == "Other" and a.trigger.lower() != b.trigger.lower():
            return False  # "Other" is a catch-all: only the same development is the same event
        if a.event_date and b.event_date and a.time_precision == b.time_precision == TimePrecision.DAY \
                and a.event_date != b.event_date:
            return False
        if a.place and b.place:
            if a.place.country_code != b.place.country_code:
                return False
            if None not in (a.place.latitude, b.place.latitude, a.place.longitude, b.place.longitude) and haversine_km(
                    a.place.latitude, a.place.longitude, b.place.latitude, b.place.longitude) > self.merge_km:  # type: ignore[arg-type]
                return False
        # Either side may be named in one sentence and not the other; "militants" and "the attackers" name no one.
        named_a, named_b = self.actors.identifying_names(a.all_actors()), self.actors.identifying_names(b.all_actors())
        return not named_a or not named_b or bool(named_a & named_b)


def load_pipeline(settings: Settings | None = None) -> Pipeline:
    """Load dictionaries, the spaCy model and the gazetteer (building it on first use)."""
    settings = settings or Settings.load()
    knowledge = Knowledge.load(settings.dictionaries)
    actors = ActorDictionary.from_knowledge(knowledge)
    nlp = load_nlp(settings.spacy_model, actors, max_chars=settings.max_document_bytes)
    gazetteer = Gazetteer.open(settings.gazetteer)
    return Pipeline(settings, knowledge, nlp, actors, gazetteer, load_classifier(settings.event_classifier))


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


def _answered(claims: list[Claim]) -> list[str]:
    """The claims a denial answers: every claim so far that does not itself deny."""
    return [c.claim_id for c in claims if c.claim_type != "denied"]


def _sentences_after(sent: SpacySpan) -> Iterator[SpacySpan]:
    return (later for later in sent.doc.sents if later.start >= sent.end)


def _next_sentence(sent: SpacySpan) -> SpacySpan | None:
    return next(_sentences_after(sent), None)


def _date_ranges(sentence: _Sentence) -> list[tuple[int, int]]:
    return [(d.start_char, d.end_char) for d in sentence.dates]


def _mentions(actors: list[ActorMention], resolved: dict[int, Actor], toponyms: list[Toponym],
              sentences: list[_Sentence]) -> list[Mention]:
    """Everything recognised in the text, for review and highlighting."""
    found = [Mention(m.text, Span(m.start, m.end), "ACTOR", m.sentence_index, resolved[m.start].name) for m in actors]
    found += [Mention(t.text, Span(t.start, t.end), "PLACE", t.sentence_index,
                      t.chosen.name if t.chosen else t.text) for t in toponyms]
    found += [Mention(d.text, Span(d.start_char, d.end_char), "DATE", s.index, d.start.isoformat() if d.start else None)
              for s in sentences for d in s.dates]
    return sorted(found, key=lambda m: m.span.start)


def _token_range(doc: Doc, start: int, end: int) -> range:
    span = doc.char_span(start, end, alignment_mode="expand")
    return range(span.start, span.end) if span is not None else range(0)


def _root(doc: Doc, mention: ActorMention) -> Token:
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        raise ValueError(f"actor mention {mention.text!r} is not aligned with tokens")
    # "men on motorbikes" parsed with "on motorbikes" hanging off the verb: the noun is the mention's head.
    heads = [t for t in span if not (span.start <= t.head.i < span.end) and t.pos_ in {"NOUN", "PROPN", "PRON"}]
    return heads[0] if heads else span.root


def _unique(actors) -> list[Actor]:  # type: ignore[no-untyped-def]
    seen: dict[str, Actor] = {}
    for actor in actors:
        seen.setdefault(actor.name, actor)
    return list(seen.values())


def _char_range(attribution: SentenceAttribution, sent: SpacySpan) -> set[int]:
    return {sent.doc[i].idx for i in attribution.claimant_tokens}


def _first_country_in(sentence: _Sentence, codes: dict[str, str], fallback: str | None) -> str | None:
    """The country a directional phrase refers to: the first one the sentence names, by place or actor."""
    text = sentence.span.text
    first: tuple[int, str] | None = None
    for name, code in codes.items():
        match = re.search(rf"\b{re.escape(name)}\b", text)
        if match and (first is None or match.start() < first[0]):
            first = (match.start(), code)
    return first[1] if first else fallback


def _country_of(name: str) -> str | None:
    match = re.search(r"\bof ([A-Z][\w' -]+)$|\(([^)]+)\)$", name)
    return (match.group(1) or match.group(2)) if match else None


def _same_side(source: Source, event: Event) -> bool:
    """An official source of the perpetrator's side claims the event rather than reports it."""
    side = [a for a in [event.actor1, *event.assoc_actor_1] if a is not None]
    if not side or source.kind in {"unnamed_reports", "outlet", "media", "ngo", "witnesses", "local_sources"}:
        return False
    speaks_for = source.affiliation or source.name
    if any(speaks_for == a.name for a in side):
        return True
    source_country = _country_of(speaks_for)
    return source_country is not None and any(_country_of(a.name) == source_country for a in side)


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


def _confidence(event: Event, sentence: _Sentence) -> float:
    score = 0.35
    score += 0.15 if event.actor1 else 0
    score += 0.1 if event.actor2 else 0
    score += 0.15 if sentence.toponyms else 0
    score += 0.1 if event.time_precision == TimePrecision.DAY else 0
    score += 0.1 if event.source and event.source.kind not in {"unnamed_reports", "outlet"} else 0
    score -= 0.1 if event.claim_status in {"unverified", "alleged", "denied"} else 0
    return max(0.05, min(0.95, score))
