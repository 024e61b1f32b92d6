"""Actor dictionary: aliases to canonical ACLED-style actors, and vague mentions resolved in context."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc, Token

from conflictlens.coding.annotated import AnnotatedDocument
from conflictlens.knowledge import Country, Knowledge
from conflictlens.model import CIVILIANS_INTER, Actor, Event

ACTOR_LABEL = "ACTOR"
NON_STATE_KINDS = ("rebel", "islamist", "militia", "unidentified")
STATE_KINDS = {"military": "Military Forces", "police": "Police Forces", "government": "Government"}
ACRONYM = re.compile(r"^(?=.*[A-Z].*[A-Z])[A-Za-z\-]{2,6}$")
# ACLED's inter codes, by what their actors do: the armed (state forces, rebels, militias, external forces), the
# non-state armed, and those an act is done to rather than who do it (rioters, protesters, civilians).
ARMED_INTERS = {1, 2, 3, 4, 8}
NON_STATE_ARMED_INTERS = {2, 3, 4}
RIOTER_INTER = 5
VICTIM_INTERS = {5, 6, 7}


@dataclass(frozen=True, slots=True)
class ActorEntry:
    """One dictionary entry: a canonical actor or a vague kind of actor."""

    key: str
    name: str
    inter: int
    kind: str | None
    country: str | None
    generic: bool
    fallback: str | None
    vague: bool = False
    operates_in: tuple[str, ...] = ()  # countries a group without one country is active in
    # A name that stands for a different actor in each country ("Islamic State": its province there), by country.
    by_country: dict[str, str] | None = None


def same_state(actor: Actor, other: Actor | None) -> bool:
    """A state's government and its forces are one side: "Government of Syria" is not whom its military struck."""
    return other is not None and actor.inter == other.inter == 1 and actor.country is not None \
        and actor.country == other.country


@dataclass(frozen=True, slots=True)
class ActorMention:
    """An actor mention found in text, before it is resolved in its document."""

    text: str
    start: int
    end: int
    sentence_index: int
    entry: ActorEntry


class ActorDictionary:
    """All aliases, with the spaCy EntityRuler patterns that find them."""

    def __init__(
        self,
        entries: dict[str, ActorEntry],
        aliases: list[tuple[str, str]],
        actor_types: dict[int, str],
        token_patterns: list[tuple[list[dict[str, Any]], str]],
    ) -> None:
        self.entries = entries
        self.aliases = aliases
        self.actor_types = actor_types
        self.token_patterns = token_patterns
        # "Islamic State (Syria)" and "Islamic State (Iraq)": one group's branches, named after it, by country.
        self.branch_of = {branch: entry.name for entry in entries.values()
                          for branch in (entry.by_country or {}).values() if branch.startswith(f"{entry.name} (")}

    @classmethod
    def from_knowledge(cls, knowledge: Knowledge) -> ActorDictionary:
        data = knowledge.actors
        entries: dict[str, ActorEntry] = {}
        aliases: list[tuple[str, str]] = []
        token_patterns: list[tuple[list[dict[str, Any]], str]] = []

        def add(entry: ActorEntry, names: Iterable[str], *, possessives: bool = False) -> None:
            entries.setdefault(entry.key, entry)
            aliases.extend((spelling, entry.key) for alias in names
                           for spelling in _scraped_spellings(alias, possessive=possessives))

        for template in data.get("country_templates", []):
            for country in knowledge.countries:
                name = template["name"].format(country=country.name)
                add(
                    ActorEntry(name, name, template["inter"], template.get("kind"), country.name, False, None),
                    _expand_template(template["aliases"], country), possessives=True,
                )
        for item in data.get("actors", []):
            add(
                ActorEntry(item["name"], item["name"], item["inter"], item.get("kind"), item.get("country"), False, None,
                           bool(item.get("vague")), tuple(item.get("operates_in", ())), item.get("by_country")),
                [item["name"], *item.get("aliases", [])], possessives=True,
            )
            token_patterns.extend((pattern, item["name"]) for pattern in item.get("token_patterns", []))
        for item in data.get("generic", []):
            key = f"generic:{item['kind']}"
            add(ActorEntry(key, key, item["inter"], item["kind"], None, True, item.get("fallback")), item["aliases"])
            token_patterns.extend((pattern, key) for pattern in item.get("token_patterns", []))
        types = {int(k): v for k, v in data.get("actor_types", {}).items()}
        return cls(entries, aliases, types, token_patterns)

    def ruler_patterns(self, tokenize: Callable[[str], list[str]] | None = None, *,
                       phrases: Callable[[str], str] | None = None) -> list[dict[str, Any]]:
        """EntityRuler patterns: acronyms match exactly, other aliases in any case. ``tokenize`` is the
        language's tokenizer, so an alias is split as text is ("l'armée", "al-Qaeda"). With ``phrases`` (how a text
        is prepared for the tokenizer), an alias in any case is a phrase pattern, for a ruler that matches phrases
        by their lower case: a phrase matcher looks up thousands of aliases at once, where token patterns are
        tried one by one."""
        patterns: list[dict[str, Any]] = []
        seen = set()
        for alias, key in self.aliases:
            tokens = tokenize(alias) if tokenize else re.findall(r"'s|[\w\-\.]+|[^\w\s]", alias)
            exact = len(tokens) == 1 and bool(ACRONYM.match(alias))
            signature = (tuple(t if exact else t.lower() for t in tokens), key)
            if signature in seen:
                continue
            seen.add(signature)
            if phrases is not None and not exact:
                patterns.append({"label": ACTOR_LABEL, "pattern": phrases(alias), "id": key})
                continue
            pattern = [{"ORTH": t} if exact else {"LOWER": t.lower()} for t in tokens]
            patterns.append({"label": ACTOR_LABEL, "pattern": pattern, "id": key})
        patterns.extend({"label": ACTOR_LABEL, "pattern": p, "id": key} for p, key in self.token_patterns)
        return patterns

    def actor_for(self, key: str, *, surface: str | None = None) -> Actor:
        entry = self.entries[key]
        return Actor(
            name=entry.name, actor_type=self.actor_types.get(entry.inter, ""), inter=entry.inter,
            country=entry.country, surface=surface,
        )

    def is_vague(self, actor: Actor | None) -> bool:
        """No actor, an unspecific one ("Islamist militants"), or a fallback ("Unidentified Armed Group (Mali)")."""
        if actor is None:
            return True
        entry = self.entries.get(actor.name)
        return entry.vague if entry is not None else self.is_unidentified(actor) or actor.name.startswith("Rebel group")

    @staticmethod
    def is_unidentified(actor: Actor | None) -> bool:
        """No actor, or the fallback for one no one names ("Unidentified Armed Group (Syria)"): unlike "rebels", it
        does not even tell which kind of side it is."""
        return actor is None or actor.name.startswith("Unidentified")

    def identifying_names(self, actors: Iterable[Actor | None]) -> set[str]:
        """The actors that tell one event from another: named ones, and not civilians, who are the victims of
        most events in a country."""
        return {a.name for a in actors if a is not None and not self.is_vague(a) and a.inter != CIVILIANS_INTER}

    def doer_names(self, event: Event) -> set[str]:
        """The identifying names of who did the event: its first side and that side's allies."""
        return self.identifying_names([event.actor1, *event.assoc_actor_1])

    def military_of(self, country: str) -> Actor | None:
        key = _state_key("military", country)
        return self.actor_for(key) if key in self.entries else None

    def state_actor(self, kind: str, country: str | None) -> Actor:
        """A country's forces of a kind ("military", "police", "government"), or unidentified ones."""
        key = _state_key(kind, country or "")
        return self.actor_for(key) if country and key in self.entries else self.generic_actor(kind, None)

    def resolve(self, mention: ActorMention, context: DocumentActors) -> Actor:
        """A canonical actor for a mention; vague ones take the document's specific actor of their kind."""
        entry = mention.entry
        if not entry.generic:
            return self.actor_for(self._in_country(entry.key, context.country), surface=mention.text)
        return self.of_kind(entry.kind or "", context, mention.sentence_index, mention.text)

    def of_kind(self, kind: str, context: DocumentActors, sentence_index: int | None, surface: str, *,
                besides: Collection[str] = ()) -> Actor:
        """The actor a vague word of a kind ("rebels", "rebel" in "rebel shelling") stands for in a document: the
        specific one of that kind it names (not one of ``besides``, the names the word is told apart from), the
        state's own forces, or the kind's fallback."""
        specific = context.most_named(kind, sentence_index, surface)
        named = self.actor_for(self._in_country(specific, context.country), surface=surface) \
            if specific is not None else None
        if named is not None and named.name not in besides:
            return named
        if kind in STATE_KINDS and context.country:
            templated = _state_key(kind, context.country)
            if templated in self.entries:
                return self.actor_for(templated, surface=surface)
        return self.generic_actor(kind, context.country, surface=surface)

    def _in_country(self, key: str, country: str | None) -> str:
        """The entry a name stands for in a country: "Islamic State" in Syria is Islamic State (Syria)."""
        regional = (self.entries[key].by_country or {}).get(country or "")
        return regional if regional in self.entries else key

    def generic_actor(self, kind: str, country: str | None, *, surface: str | None = None) -> Actor:
        """The fallback actor of a vague kind, e.g. 'Civilians (Niger)'."""
        entry = self.entries[f"generic:{kind}"]
        if country is None and kind in STATE_KINDS:
            return Actor(name=f"Unidentified {STATE_KINDS[kind]}", actor_type=self.actor_types.get(entry.inter, ""),
                         inter=entry.inter, country=None, surface=surface)
        name = (entry.fallback or kind or "Unidentified actor").format(
            country=country or "International", surface=surface or "")
        return Actor(name=name, actor_type=self.actor_types.get(entry.inter, ""), inter=entry.inter,
                     country=country, surface=surface)


def _scraped_spellings(alias: str, *, possessive: bool = False) -> list[str]:
    """An alias, and as scraped news often prints it, without its apostrophes ("Peoples Protection Units", "Syrias
    army"); with ``possessive``, also a group's initials in the possessive that lost its apostrophe ("targeted ISILs
    positions", "the Syrian armys operations", "US-led coalitions strikes"). Only initials and names of several words,
    hyphenated or not: a name that is one word would take its plural ("Platform", "media platforms")."""
    bare = re.sub(r"\s?['\u2019]", "", alias)
    spellings = [alias, bare] if bare != alias else [alias]
    if possessive and (ACRONYM.match(bare) or " " in bare or "-" in bare) and not bare.endswith(("s", "S")):
        spellings.append(f"{bare}s")
    return spellings


def _expand_template(aliases: Iterable[str], country: Country) -> list[str]:
    out: list[str] = []
    for alias in aliases:
        if "{demonym}" in alias:
            # "the US Air Force", "UK forces": a country's initials stand for its people's adjective.
            initials = [f for f in country.forms if f.replace(".", "").isupper() and len(f.replace(".", "")) >= 2]
            out.extend(alias.format(demonym=d) for d in (*country.demonyms, *initials))
        else:
            out.extend(alias.format(country=c) for c in (country.name, *country.forms))
    return out


# How many sentences after a report's first vague mention of a kind of actor ("Rebels seize town", a headline) it may
# first name the group it stands for (in the lead).
NAMED_AHEAD = 3


@dataclass(slots=True)
class DocumentActors:
    """What a document names, used to resolve its vague mentions ("the rebels", "the army")."""

    country: str | None
    # Each naming of an actor, by kind, in reading order: its sentence, its entry and the words it was named by.
    named_by_kind: dict[str, list[tuple[int, str, str]]]
    first_vague: dict[str, int]  # the sentence of each kind's first vague mention
    vague_sentences: dict[str, set[int]] = field(default_factory=dict)  # every sentence with a vague mention, by kind

    @classmethod
    def from_mentions(cls, mentions: Iterable[ActorMention], country: str | None) -> DocumentActors:
        by_kind: dict[str, list[tuple[int, str, str]]] = {}
        first_vague: dict[str, int] = {}
        vague_sentences: dict[str, set[int]] = {}
        for m in mentions:
            if m.entry.kind and not m.entry.generic:
                by_kind.setdefault(m.entry.kind, []).append((m.sentence_index, m.entry.key, m.text.lower()))
            elif m.entry.kind:
                first_vague.setdefault(m.entry.kind, m.sentence_index)
                vague_sentences.setdefault(m.entry.kind, set()).add(m.sentence_index)
        return cls(country=country, named_by_kind=by_kind, first_vague=first_vague, vague_sentences=vague_sentences)

    def most_named(self, kind: str | None, sentence_index: int | None = None, words: str | None = None) -> str | None:
        """The named actor a vague mention of ``kind`` (by ``words``) stands for: for state forces, the document's
        country's; for a group, the one the report named most up to the mention's sentence; before it names any, the
        one it names later by the same words ("rebels", then "the Tuareg rebels"; not "opposition forces", then "the
        Kurdish-led forces"), or for its first vague mention of the kind (a headline's "rebels"), the first it names
        in the next few sentences. A group first named otherwise after the report has spoken of "the rebels" for a
        while ("the rebels" of Aleppo, then "the SDF" of Manbij) is another group."""
        named = self.named_by_kind.get(kind or "", [])
        if kind in STATE_KINDS:
            # The state's own forces are those of the document's country, not whichever is named most.
            return next((key for _, key, _ in named if self.country and key.endswith(f"of {self.country}")), None)
        if sentence_index is None:
            counts = Counter(key for _, key, _ in named)
        else:
            counts = Counter(key for index, key, _ in named if index <= sentence_index)
            first = self.first_vague.get(kind or "", sentence_index)
            if not counts:
                # "Syria rebels kill 7 in Aleppo assault", then "rebel shelling of a neighbourhood held by the Kurdish
                # YPG militia": a group named beside the kind's vague word is told apart from it.
                told_apart = self.vague_sentences.get(kind or "", set()) - {first}
                later = [key for index, key, text in named
                         if (words and re.search(rf"\b{re.escape(words.lower())}\b", text))
                         or (sentence_index == first and index <= first + NAMED_AHEAD and index not in told_apart)]
                return later[0] if later else None
        return counts.most_common(1)[0][0] if counts else None


def _state_key(kind: str, country: str) -> str:
    """The dictionary key of a country's state actor of a kind: "Military Forces of Mali"."""
    return f"{STATE_KINDS[kind]} of {country}"


class Actors:
    """Resolves every actor mention in the document's context ("the rebels" are the rebels it names, "the army"
    its country's) and finds the non-state armed actor it names most: a one-sided battle's likely opponent."""

    name = "actors"
    requires = ("doc", "actor_mentions", "country")
    adds = ("actor_context", "resolved_actors", "actor_roots", "opponent")

    def __init__(self, actors: ActorDictionary) -> None:
        self.actors = actors

    def __call__(self, annotated: AnnotatedDocument) -> None:
        assert annotated.doc is not None and annotated.actor_mentions is not None
        mentions = annotated.actor_mentions
        context = DocumentActors.from_mentions(mentions, annotated.country)
        resolved = {m.start: self.actors.resolve(m, context) for m in mentions}
        annotated.actor_context = context
        annotated.resolved_actors = resolved
        annotated.actor_roots = {_root(annotated.doc, m).i: m for m in mentions}
        annotated.opponent = self._main_opponent(mentions, resolved)

    @staticmethod
    def _main_opponent(mentions: list[ActorMention], resolved: dict[int, Actor]) -> Actor | None:
        """The non-state armed actor a report names most: ACLED's actor2 when a clash names one side."""
        counts = Counter(resolved[m.start].name for m in mentions if m.entry.kind in NON_STATE_KINDS)
        if not counts:
            return None
        name = counts.most_common(1)[0][0]
        return next(resolved[m.start] for m in mentions if resolved[m.start].name == name)


def _root(doc: Doc, mention: ActorMention) -> Token:
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        raise ValueError(f"actor mention {mention.text!r} is not aligned with tokens")
    # "men on motorbikes" parsed with "on motorbikes" hanging off the verb: the noun is the mention's head.
    heads = [t for t in span if not (span.start <= t.head.i < span.end) and t.pos_ in {"NOUN", "PROPN", "PRON"}]
    return heads[0] if heads else span.root
