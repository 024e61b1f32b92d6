"""The annotated document: one report and the layers the coder's stages add to it.

Modelled on spaCy's ``Doc`` and its components: every stage reads layers that earlier stages wrote and
adds its own, and nothing else passes between stages. A layer is ``None`` until the stage that adds it
has run (``layers()`` lists those present), so a stage run out of order fails loudly instead of coding
from half a document. Each stage declares the layers it ``requires`` and ``adds``; the pipeline checks
the order once, when it is built.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field, fields
from typing import TYPE_CHECKING, Protocol

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from conflictlens.coding.gazetteer import admin_key
from conflictlens.coding.grammar import states_its_publication
from conflictlens.model import Actor, Document, Event, Mention, Place, Span

# What may stand before the date a report opens with: a weekday's name, punctuation ("Sun Apr 16 2017", "- 12.05.2016").
BEFORE_OPENING_DATE = re.compile(r"\W*(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?)?\W*", re.IGNORECASE)

if TYPE_CHECKING:  # the layers' types; their modules import this one to read and write the layers
    from conflictlens.coding.actors import ActorMention, DocumentActors
    from conflictlens.coding.attribution import SentenceAttribution
    from conflictlens.coding.dates import DateMention
    from conflictlens.coding.detection import Trigger
    from conflictlens.coding.places import Toponym


@dataclass(slots=True)
class EventDraft:
    """One trigger on its way to becoming an event: ``event`` is filled in stage by stage; the sides are the
    actors the roles stage read for each side, of which the event's actor1 and actor2 are the first."""

    trigger: Trigger
    event: Event
    side_one: list[Actor] = field(default_factory=list)
    side_two: list[Actor] = field(default_factory=list)
    # The document's actors with the country of the event's own place: unnamed forces are that country's.
    context: DocumentActors | None = None
    targets: list[Token] = field(default_factory=list)  # what the trigger acts on
    crowd: str | None = None  # who a crowd were, in the text's words ("university students")
    weapons: list[Token] = field(default_factory=list)  # a state's weapons that did the act ("Warplanes carried out")

    @property
    def sentence_index(self) -> int:
        return self.trigger.sentence_index

    @property
    def sentence(self) -> SpacySpan:
        return self.trigger.span.sent


@dataclass(slots=True)
class AnnotatedDocument:
    """A document and every layer added to it so far. Layers are listed in the order the stages add them."""

    document: Document
    # Geoparsing and role reading take the whole text; coding an event report leaves out its dateline.
    skip_dateline: bool = True
    # parse
    doc: Doc | None = None
    sentences: list[SpacySpan] | None = None
    actor_mentions: list[ActorMention] | None = None
    mention_tokens: dict[int, ActorMention] | None = None
    # places
    toponyms: list[Toponym] | None = None
    country_votes: Counter[str] | None = None
    country: str | None = None
    focus: Place | None = None
    # actors
    actor_context: DocumentActors | None = None
    resolved_actors: dict[int, Actor] | None = None
    actor_roots: dict[int, ActorMention] | None = None
    opponent: Actor | None = None
    # attribution
    sentence_attribution: list[SentenceAttribution] | None = None
    # detection, then every event-level stage fills the drafts in
    drafts: list[EventDraft] | None = None
    # relevance: how likely each sentence with a trigger reports an event, by the sentence classifier
    sentence_relevance: dict[int, float] | None = None
    # dates: the day the text's relative dates count from (its own publication line, else its metadata)
    reference_date: dt.date | None = None
    sentence_dates: list[list[DateMention]] | None = None
    # fatalities
    sentence_deaths: list[tuple[int, str | None]] | None = None
    # scope: sentences whose violence it left out as a running or a period's total, each with the total's doer
    running_totals: dict[int, Actor | None] | None = None
    # coreference: the events the report tells, and which sentences tell each
    events: list[Event] | None = None
    sentence_events: dict[int, list[Event]] | None = None
    continuations: set[int] | None = None  # sentences that only go on about the event before them

    def layers(self) -> list[str]:
        """The layers present, in the order they are declared."""
        return [f.name for f in fields(self) if f.name not in {"document", "skip_dateline"}
                and getattr(self, f.name) is not None]

    @property
    def lead(self) -> int:
        """The index of the report's first sentence of its own (its headline or lead): past the page's statement of
        when it was published, which the parse sets apart from the prose it was glued to ("Published April 29
        2017")."""
        for index, sent in enumerate(self.sentences or []):
            if not states_its_publication(sent):
                return index
        return 0

    @property
    def lead_end(self) -> int:
        """Where the report's lead sentence ends (a character offset; 0 for a report with no sentences)."""
        return self.sentences[self.lead].end_char if self.sentences else 0

    @property
    def opening_date(self) -> str | None:
        """The words of the date a report opens with ("Sun Apr 16 2017 Death toll ..."), which date the report: the
        last of the mentions it opens with ("Wednesday", then "07 December 2016")."""
        opening, end = None, 0
        for mention in (self.sentence_dates or [[]])[0]:
            if not BEFORE_OPENING_DATE.fullmatch(self.document.text[end : mention.start_char]):
                break
            opening, end = mention.text, mention.end_char
        return opening

    def sentence_index_at(self, char: int) -> int | None:
        """The index of the sentence that holds the character offset ``char``, if any does."""
        return next((i for i, sent in enumerate(self.sentences or []) if sent.start_char <= char < sent.end_char), None)

    def sentence_first_telling(self, event: Event) -> int | None:
        """The index of the sentence that first tells the event (its first evidence), if any."""
        return self.sentence_index_at(event.evidence[0].start) if event.evidence else None

    def sentence_toponyms(self, index: int) -> list[Toponym]:
        return [t for t in self.toponyms or [] if t.sentence_index == index]

    def own_toponyms(self, index: int) -> list[Toponym]:
        """The sentence's places, outside the words of who tells it ("a hospital source in Hassakeh said") and the
        names that only describe an organisation."""
        assert self.sentence_attribution is not None
        told_by = self.sentence_attribution[index].claimant_tokens
        return [t for t in self.sentence_toponyms(index) if t.token_start not in told_by and not t.not_a_scene]

    def own_provinces(self, index: int) -> dict[int, str]:
        """The province (its ``admin_key``) of each of the sentence's own places the gazetteer resolved, by the token
        its name starts at."""
        return {t.token_start: admin_key(t.chosen.admin1_name) for t in self.own_toponyms(index)
                if t.chosen is not None and t.chosen.admin1_name}

    def names_no_place_below_a_country(self, index: int) -> bool:
        """Whether the sentence's own places (``own_toponyms``), if any, are all countries ("Turkish forces shelled
        northern Syria")."""
        return all(t.country_code is not None for t in self.own_toponyms(index))

    def drafts_in(self, index: int) -> list[EventDraft]:
        return [d for d in self.drafts or [] if d.sentence_index == index]

    def date_ranges(self, index: int) -> list[tuple[int, int]]:
        """Where a sentence's dates lie: their numbers are no death tolls."""
        return [(d.start_char, d.end_char) for d in (self.sentence_dates or [])[index]]

    def mentions(self) -> list[Mention]:
        """Everything recognised in the text, for review and highlighting."""
        resolved = self.resolved_actors or {}
        found = [Mention(m.text, Span(m.start, m.end), "ACTOR", m.sentence_index, resolved[m.start].name)
                 for m in self.actor_mentions or []]
        found += [Mention(t.text, Span(t.start, t.end), "PLACE", t.sentence_index,
                          t.chosen.name if t.chosen else t.text) for t in self.toponyms or []]
        found += [Mention(d.text, Span(d.start_char, d.end_char), "DATE", index,
                          d.start.isoformat() if d.start else None)
                  for index, dates in enumerate(self.sentence_dates or []) for d in dates]
        return sorted(found, key=lambda m: m.span.start)


class Stage(Protocol):
    """A pipeline component: reads the layers it ``requires`` and adds the ones it ``adds``."""

    @property
    def name(self) -> str: ...

    @property
    def requires(self) -> tuple[str, ...]: ...

    @property
    def adds(self) -> tuple[str, ...]: ...

    def __call__(self, annotated: AnnotatedDocument) -> None: ...
