"""Stage ``scope``: ACLED's scope rules, which leave out what is not political violence, protest or a strategic
development however violent its words.

Six rules, their word lists and limits in ``data/conventions.yaml``:

* **Accidents, disasters and illness** are never events: a trigger whose sentence names such a cause
  ("a two-car accident kills one", "the flood killed 12") and no weapon or armed actor is dropped, and so is one
  whose weapon words have another sense there ("the rocket lifted off from the cosmodrome", "fireworks").
* **Ordinary crime** is not political violence: in a report that shows no conflict at all (no armed group,
  military, weapon of war, clash or protest anywhere in it), violence, a shoot-out, an arrest or a theft with no
  organised armed group on either side and no political target (a party, a candidate, an official, a journalist)
  is dropped when the sentence tells a crime (``ordinary_crimes``: "a restaurant was robbed", "police shot a
  robber"), when it is an arrest ("three arrested after a meth lab was seized"), or when no one armed takes part
  ("a man shot his neighbour"). Force by state forces or by anyone the sentence calls armed ("policemen shot
  dead an elderly man", "a gunman abducted a girl") and destruction ("set a church ablaze") with no crime told
  stay events, and the same words in a report on an insurgency stay events: there, ACLED codes the unnamed
  perpetrator as an unidentified armed group.
* **Background** is not a report of an event: in an article that reports recent events (one it dates
  within the window, or the one it leads with), violence or a development it dates weeks before its own date
  (``background_after_days``) is the story's history ("last month's strike on Mosul"), told and coded when it was
  news. Each one left out is a recorded warning.
* **Scores** tell a game or a vote ("beat Ittihad 4-1", "the council voted 4-1 to ban the march"), not violence.
* **Captions** of photos scraped into the text ("In this photo taken on June 8 ...", or a scene in the simple
  present that its date closes: "Members of the SDF attend the funeral of eight fighters ... on June 24 2016.") show
  a scene, not a report.
* **Running totals** are not events: a toll or fighting counted since a day weeks before the article ("223 fighters
  have been killed since the offensive began on May 31"), or told over a span of days with no day of its own ("72
  civilians have been killed over the past few days"), is left out, with a warning; "since Monday" counts the
  days of one event and stays, unless the report has told an act of those days (then it counts that act too).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from conflictlens.coding.actors import ARMED_INTERS, NON_STATE_ARMED_INTERS
from conflictlens.coding.annotated import AnnotatedDocument, EventDraft
from conflictlens.coding.dates import DateMention
from conflictlens.coding.detection import VIOLENT_TYPES, Trigger
from conflictlens.coding.grammar import (
    FINITE_TAGS,
    PRESENT_TAGS,
    governing_verb,
    period_pattern,
    tells_a_period,
    token_at,
    verb_above,
    with_what_it_is_of,
)
from conflictlens.coding.roles import target_lemmas, target_modifiers
from conflictlens.knowledge import Knowledge, phrase_pattern
from conflictlens.model import TimePrecision

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

# What ordinary crime and its policing look like when coded: violence, a shoot-out, an arrest, a theft.
CRIME_TYPES = {"Violence against civilians", "Battles"}
ARREST_SUB_TYPE = "Arrests"
LOOTING_SUB_TYPE = "Looting/property destruction"
LEADING_PUNCTUATION = " \"'“‘(-"  # what may stand before a sentence's first word
RECENT_DAYS = 7  # "since Monday" counts the days of one event; "since May 31", weeks ago, a running total
CRIME_SUB_TYPES = {ARREST_SUB_TYPE, LOOTING_SUB_TYPE}
CREDIT_MAX_CHARS = 60  # how far past a caption its credit in parentheses may run ("(TRT World and Agencies)")
MAX_SCORE = 20  # "4-1": a game's or a vote's score; "10-15 killed" is a toll's range


def _since_an_undated_start(draft: EventDraft, mentions: list[DateMention]) -> bool:
    """"123 civilians have been killed ... since the regime began an offensive nearly two weeks ago": counted since a
    start the sentence tells as a clause and does not date (a dated one, "since fighting erupted on Monday", is
    weighed by its day)."""
    sent = draft.sentence
    if draft.event.event_type not in VIOLENT_TYPES:
        return False  # "Union protests over cost-cutting used since aid was cut": no toll is counted
    for since in (t for t in sent if t.lower_ == "since" and t.i > draft.trigger.span.start):
        if any((t.tag_ == "JJS" and t.dep_ == "amod") or t.ent_type_ == "ORDINAL" for t in sent.doc[sent.start : since.i]):
            continue  # "the deadliest incident for Moscow since it intervened": a comparison, not a count
        # The clause up to the next comma (the parser may hang its subject on "since" as a preposition).
        clause = list(itertools.takewhile(lambda t: not t.is_punct or t.text == "-", sent.doc[since.i + 1 : sent.end]))
        if clause and any(t.pos_ == "VERB" for t in clause) and not any(
                clause[0].idx <= m.start_char <= clause[-1].idx for m in mentions):
            return True
    return False


def _headline_of_a_total(draft: EventDraft, totals: list[EventDraft]) -> bool:
    """"Syria air raids kill 25 civilians", the headline of "Separate air raids ... killed at least 25 civilians": the
    opening sentence's act, told with the toll of a total the body counts, with no day of its own, is that total."""
    event = draft.event
    return draft.sentence_index == 0 and event.fatalities > 0 and event.date_text is None and any(
        total.sentence_index > 0 and total.event.event_type == event.event_type
        and total.event.fatalities == event.fatalities for total in totals)


def _caption_date(sent: SpacySpan, mention: DateMention) -> bool:
    """A full date that closes the sentence, as a photo's caption is dated ("... in Damascus Syria June 11 2016.",
    "... attend the funeral of eight fighters in Manbij on June 24 2016.", then perhaps its credit: "(Reuters)"):
    with no word to bring it in, or with its year; prose in the present says "on Tuesday", "on June 11"."""
    doc = sent.doc
    first = token_at(sent, mention.start_char)
    after = doc.text[mention.end_char : sent.end_char]
    # The mention may hold its own preposition ("on Sunday") or follow it.
    introduced = first is not None and (first.pos_ == "ADP" or doc[first.i - 1].pos_ == "ADP")
    return mention.precision == TimePrecision.DAY and first is not None and first.i > sent.start \
        and (not introduced or re.search(r"\b(?:19|20)\d\d\b", mention.text) is not None) \
        and re.fullmatch(r"[\s.]*(?:\([^)]*\))?[\s.]*", after) is not None


class Scope:
    """Drops the drafts ACLED's scope leaves out: accidents and disasters, background, and ordinary crime."""

    name = "scope"
    requires = ("drafts.type", "drafts.sides", "sentences", "actor_mentions", "mention_tokens", "sentence_attribution",
                "reference_date", "sentence_dates", "drafts.event_date")
    adds = ("drafts.in_scope", "running_totals")

    def __init__(self, knowledge: Knowledge) -> None:
        conventions = knowledge.conventions
        self.non_conflict_causes = {w.lower() for w in conventions["non_conflict_causes"]}
        self.other_sense_contexts = {w.lower() for w in conventions["other_sense_contexts"]}
        self.armed_signs = {w.lower() for w in conventions["conflict_cues"]}
        self.period = period_pattern(conventions)
        self.political_targets = {w.lower() for w in conventions["political_targets"]}
        self.conflict_context = {w.lower() for w in conventions["conflict_context"]}
        self.background_after_days = int(conventions["background_after_days"])
        self.crimes = {w.lower() for w in conventions["ordinary_crimes"]}
        self.death_words = {w.lower() for w in conventions["death_words"]}
        self.armed_without_crime = {w.lower() for w in conventions["armed_without_crime"]}
        self.caption_cues = [w.lower() for w in conventions["caption_cues"]]
        self.credit_labels = {w.lower() for w in conventions["photo_credit_labels"]}
        self.vague_multiples = {w.lower() for w in conventions["vague_multiples"]}
        self.frequency_adverbs = {w.lower() for w in conventions["frequency_adverbs"]}
        self.indefinite_past = phrase_pattern(conventions["indefinite_past"])
        self.comparison_words = {w.lower() for w in conventions["comparison_words"]}
        self.running_total_marks = phrase_pattern(conventions["running_total_marks"])
        self.sum_openers = phrase_pattern(conventions["sum_openers"])
        self.total_words = {w.lower() for w in conventions["total_words"]}
        self.separate_words = {w.lower() for w in conventions["separate_acts_words"]}
        self.continuing_verbs = {w.lower() for w in conventions["continuing_verbs"]}
        self.going_on_verbs = {w.lower() for w in conventions["going_on_verbs"]}
        self.undated_total = int(conventions["undated_total_fatalities"])
        self.sentence_context_sub_types = set(conventions["context_in_violence_sentence"])
        self.sentence_context_triggers = {w.lower() for w in conventions["context_triggers_in_violence_sentence"]}
        self.scattered_places = phrase_pattern(conventions["scattered_places"])
        self.campaign_nouns = {w.lower() for w in conventions["campaign_nouns"]}
        self.act_nouns = {w.lower() for w in conventions["act_nouns"]}
        self.military_works = {w.lower() for w in conventions["military_works"]}

    def __call__(self, annotated: AnnotatedDocument) -> None:
        drafts = annotated.drafts or []
        annotated.running_totals = {}
        if not drafts:
            return
        context = self._shows_conflict(annotated)
        # History is background only beside news: an event the text dates within the window, or the one the article
        # leads with (news leads with the news). A report whose every event is old (a look back, a late report
        # that opens on its date) keeps them.
        window = range(-1, self.background_after_days + 1)
        news = self._days_before(drafts[0], annotated) in window or any(
            d.event.date_text and self._days_before(d, annotated) in window for d in drafts)
        kept: list[EventDraft] = []
        totals: list[EventDraft] = []
        going_on: set[int] = set()  # the sentences that tell acts as going on or done habitually
        violent = {d.sentence_index for d in drafts if d.event.event_type in VIOLENT_TYPES}
        background: int | None = None  # the sentence of the last act left out as background, while none is kept
        for draft in drafts:
            if background is not None and self._dead_of_the_background(draft, background):
                annotated.document.warnings.append(
                    f"deaths told with no act or day of their own ({draft.sentence.text[:60]!r}...) after an act left "
                    "out as background: left out as its toll")
                continue
            if self._context_of_its_violence(draft, violent):
                annotated.document.warnings.append(
                    f"{draft.event.sub_event_type} told with violence ({draft.sentence.text[:60]!r}...): left out as "
                    "the fighting's context")
                continue
            if self._accident(draft) or self._told_by_a_score(draft, annotated) \
                    or (not context and self._ordinary_crime(draft, annotated)):
                continue
            if self._habitual(draft, annotated):
                going_on.add(draft.sentence_index)
                continue
            if self._caption(draft) or self._dated_caption(draft, annotated) or self._credited_caption(draft) \
                    or self._armed_march(draft) or self._compared(draft, annotated):
                continue
            days = self._days_before(draft, annotated)
            total = self._total(draft, annotated, days, kept, going_on)
            if total is not None:
                how, what = total
                annotated.document.warnings.append(
                    f"{draft.event.event_type} {how} ({draft.sentence.text[:60]!r}...): left out as {what}")
                annotated.running_totals[draft.sentence_index] = draft.event.actor1
                totals.append(draft)
                continue
            if self._history(draft, annotated):
                continue
            if self._war_damage(draft):
                annotated.document.warnings.append(
                    f"{draft.event.sub_event_type} of military works ({draft.sentence.text[:60]!r}...): left out as "
                    "the damage of fighting")
                continue
            if self._counted_acts(draft, annotated):
                annotated.document.warnings.append(
                    f"{draft.event.event_type} counted with no day or place ({draft.sentence.text[:60]!r}...): "
                    "left out as a tally of many acts")
                continue
            if self._scattered(draft, annotated):
                annotated.document.warnings.append(
                    f"{draft.event.event_type} told of places it does not name ({draft.sentence.text[:60]!r}...): "
                    "left out as a summary of many acts")
                continue
            if news and days is not None and days > self.background_after_days:
                annotated.document.warnings.append(
                    f"{draft.event.event_type} dated {draft.event.event_date} is {days} days before the article's "
                    f"date: left out as background (background_after_days = {self.background_after_days})")
                if draft.event.event_type in VIOLENT_TYPES:
                    # "The SDF launched its offensive on May 31 ... DAESH has lost 463 fighters in the battle": what
                    # the next sentence counts of an act weeks ago is that act's running total.
                    annotated.running_totals[draft.sentence_index] = draft.event.actor1
                    background = draft.sentence_index
                continue
            kept.append(draft)
            background = None
        headlines = [d for d in kept if _headline_of_a_total(d, totals)]
        for draft in headlines:
            annotated.document.warnings.append(
                f"{draft.event.event_type} in the opening with a total's toll ({draft.sentence.text[:60]!r}...): left "
                "out as that total")
        annotated.drafts = [d for d in kept if not any(d is h for h in headlines)]

    @staticmethod
    def _dead_of_the_background(draft: EventDraft, background: int) -> bool:
        """"a March 16 airstrike that killed dozens of people in Aleppo province" (weeks before the report), then "around
        40 people mostly civilians were killed in the crowded mosque": dead told by an outcome word alone, with no day,
        within two sentences of an act left out as background, are its dead."""
        return draft.trigger.group.outcome and not draft.event.date_text \
            and 0 < draft.sentence_index - background <= 2

    def _war_damage(self, draft: EventDraft) -> bool:
        """"The Syrian army continued its operations in Jobar ... destroying a number of tunnels": military works an
        armed side destroyed are the damage of its fighting, no property destruction in ACLED's sense
        (`military_works`; "the strike destroyed a terrorist logistics base" tells the strike by its outcome)."""
        return draft.event.sub_event_type == LOOTING_SUB_TYPE and bool(draft.side_one) \
            and bool(target_lemmas([w for t in draft.targets for w in with_what_it_is_of(t)]) & self.military_works)

    @staticmethod
    def _armed_march(draft: EventDraft) -> bool:
        """"terrorists marched 18 prisoners": an armed group's march moves men or prisoners; ACLED's demonstrators
        are unarmed (a crowd that turns violent riots), so a protest led by an armed actor is no protest."""
        actor = draft.event.actor1
        return draft.event.event_type == "Protests" and actor is not None and actor.inter in NON_STATE_ARMED_INTERS

    @staticmethod
    def _days_before(draft: EventDraft, annotated: AnnotatedDocument) -> int | None:
        """How many days before the article's own date the draft is dated (to its last day), when both are known."""
        event, reference = draft.event, annotated.reference_date
        last_day = event.end_date or event.event_date
        return (reference - last_day).days if reference is not None and last_day is not None else None

    def _caption(self, draft: EventDraft) -> bool:
        """A photo's caption scraped into the text ("In this photo taken on June 8 ... rescuers search the rubble after
        an air strike") shows a scene; the report tells its events elsewhere."""
        before = draft.sentence.doc.text[draft.sentence.start_char : draft.trigger.span.start_char].lower()
        return any(cue in before for cue in self.caption_cues)

    def _credited_caption(self, draft: EventDraft) -> bool:
        """A photo's caption with its credit, scraped into the text: a scene told in the simple present or without a
        finite verb, then the credit in parentheses ("Russian Sukhoi Su-34 fighter-bomber dropping off bombs in the
        Syrian province of Deir ez-Zor. (Reuters)", "People salvage goods from an aid convoy that was damaged during
        an air strike ... (TRT World and Agencies)", `photo_credit_labels`)."""
        sent = draft.sentence
        after = sent.doc.text[sent.end_char : sent.end_char + CREDIT_MAX_CHARS]
        credit = re.match(r"\s*\(([^()]*)\)", after) or re.search(r"\(([^()]*)\)\W*$", sent.text)
        return credit is not None and any(w.lower() in self.credit_labels for w in credit.group(1).split()) \
            and (sent.root.tag_ in PRESENT_TAGS or not any(t.tag_ in FINITE_TAGS for t in sent))

    @staticmethod
    def _dated_caption(draft: EventDraft, annotated: AnnotatedDocument) -> bool:
        """A photo's caption scraped into the text without a cue: a scene in the simple present that its date closes
        ("An opposition fighter shoots his weapon ... Syria October 11 2016.", "Members of the SDF attend the funeral
        of eight fellow fighters who died during an assault ... on June 24 2016.")."""
        sent = draft.sentence
        mentions = annotated.sentence_dates[draft.sentence_index] if annotated.sentence_dates is not None else []
        return draft.sentence_index > annotated.lead and sent.root.tag_ in PRESENT_TAGS \
            and any(c.dep_ == "nsubj" for c in sent.root.children) \
            and bool(mentions) and all(_caption_date(sent, m) for m in mentions)

    def _habitual(self, draft: EventDraft, annotated: AnnotatedDocument) -> bool:
        """An undated act told in the simple present after the opening line ("The coalition conducts strikes in Raqqa
        to support the SDF", "a fighter shoots his weapon in a battle"), or in the present progressive placed only by
        a country: what a party does, or a photo's scene, not an event; headlines tell past events in the present,
        so the opening line keeps its tense. So is an undated act told as kept up ("warplanes kept pounding rebel
        areas of Aleppo city", `continuing_verbs`) or by how often ("It has regularly been hit", `frequency_adverbs`)."""
        head = draft.trigger.head
        if draft.sentence_index > annotated.lead and head.dep_ == "nsubj" and head.head.tag_ in PRESENT_TAGS \
                and head.head.lemma_.lower() in self.going_on_verbs:
            # "'hysterical bombing' continues in Aleppo on the forty-fifth consecutive day": an act told as going on
            # is a campaign, whatever day its telling is dated.
            return True
        if draft.sentence_index == annotated.lead or annotated.sentence_dates is None \
                or annotated.sentence_dates[draft.sentence_index]:
            return False
        doc = head.doc
        if any(t.lemma_.lower() in self.continuing_verbs and t.i + 1 < len(doc) and doc[t.i + 1].tag_ == "VBG"
               for t in [*draft.trigger.span, head, head.head]):
            return True
        verb = head if head.pos_ == "VERB" else verb_above(head)
        if verb is not None and any(c.dep_ == "advmod" and c.lower_ in self.frequency_adverbs for c in verb.children):
            return True  # "It has regularly been hit by Syrian and Russian warplanes"
        if verb is not None and verb.tag_ == "VBG" and verb.dep_ == "advcl" \
                and not any(c.dep_ == "aux" for c in verb.children):
            verb = verb.head  # "The opposition faces the Daesh threat while fighting the regime in Idlib"
        if verb is None or verb.pos_ != "VERB" or not any(c.dep_ == "nsubj" for c in verb.children):
            return False  # a plural noun the tagger misreads as a verb ("government airstrikes on ...") has no subject
        if verb.tag_ in PRESENT_TAGS:
            # "two people were killed in what they believed were Assad regime airstrikes on the town": an act's noun
            # the tagger reads as a present verb, hung on the passive verb of what it did, is no present tense.
            return not (verb == head and verb.head.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in verb.head.children))
        # "The coalition is conducting airstrikes against Daesh in Syria and Iraq": an ongoing campaign placed only
        # by its countries, not one event; "Assad's forces are stepping up chlorine gas attacks near Damascus":
        # acts counted as many, going on, wherever they are placed.
        place = draft.event.place
        many = head.tag_ == "NNS" and head.dep_ == "dobj" and head.head == verb
        return verb.tag_ == "VBG" and any(c.dep_ == "aux" and c.tag_ in PRESENT_TAGS for c in verb.children) \
            and (place is None or place.level == "country" or many)

    def _compared(self, draft: EventDraft, annotated: AnnotatedDocument) -> bool:
        """An act named to compare with the one reported ("Al-Nusra said it was behind a similar twin bombing in the
        city that killed 12 people in May", `comparison_words`), dated in its sentence but to no day, is the story's
        history ("Later two more people were killed in a similar rocket attack" is the day's)."""
        head = draft.trigger.head
        if not any(c.dep_ == "amod" and c.lower_ in self.comparison_words for c in head.children):
            return False
        mentions = [m for m in annotated.sentence_dates[draft.sentence_index] if m.start is not None] \
            if annotated.sentence_dates is not None else []
        return bool(mentions) and not any(m.precision == TimePrecision.DAY for m in mentions)

    def _history(self, draft: EventDraft, annotated: AnnotatedDocument) -> bool:
        """Acts counted vaguely in the present perfect with no day told ("The shrine has still been the target of
        several attacks", "the town has seen repeated air strikes"), or placed in no time but the past ("IS has
        carried out similar attacks in the past", `indefinite_past`): a place's or a party's history, not an event."""
        if annotated.sentence_dates is None or annotated.sentence_dates[draft.sentence_index]:
            return False
        head = draft.trigger.head
        verb = head if head.pos_ == "VERB" else verb_above(head)
        if verb is None or not any(c.dep_ in {"aux", "auxpass"} and c.lemma_ == "have" for c in verb.children):
            return False
        return (head.tag_ == "NNS" and any(c.lower_ in self.vague_multiples for c in head.children if c.dep_ == "amod")) \
            or self._in_the_indefinite_past(draft.sentence, verb)

    def _counted_acts(self, draft: EventDraft, annotated: AnnotatedDocument) -> bool:
        """Acts counted by a number, with no day and no place of their own in the body of a report ("found the regime
        was responsible for three chlorine gas attacks"): a tally of many acts, not one event (an opening that
        counts the strikes it then tells is left to the body). Weapons counted ("four bombs dropped from a
        helicopter") are one act's munitions."""
        head = draft.trigger.head
        if draft.sentence_index == annotated.lead or head.tag_ != "NNS" or head.lemma_.lower() not in self.act_nouns \
                or annotated.sentence_dates is None \
                or annotated.sentence_dates[draft.sentence_index]:
            return False
        # Not "the two attacks": the acts told before, named again.
        counted = any(c.dep_ == "nummod" and c.like_num and c.lower_ not in {"one", "1"} for c in head.children) \
            and not any(c.dep_ in {"det", "poss"} for c in head.children)
        # "carried out four successive raids at dawn on a hospital": raids told with their target or time are one
        # event's.
        done = [head, head.head] if head.dep_ in {"dobj", "obj", "nsubj", "nsubjpass"} else [head]
        told_how = any(c.dep_ == "prep" for word in done for c in word.children)
        return counted and not told_how \
            and annotated.names_no_place_below_a_country(draft.sentence_index)

    def _in_the_indefinite_past(self, sent: SpacySpan, verb: Token) -> bool:
        """Whether words of `indefinite_past` are the whole time of ``verb``'s clause ("in the past", not "in the past
        24 hours")."""
        return any(mark[-1].dep_ != "amod" and verb_above(mark[-1]) == verb
                   for mark in _phrases_in(sent, self.indefinite_past))

    def _scattered(self, draft: EventDraft, annotated: AnnotatedDocument) -> bool:
        """Violence spread over places the sentence does not name ("destroyed their equipment in several areas across
        the country"), placed only by its country: many acts summed up, not one event (a strike or a protest "across
        the country" is one nationwide movement ACLED may code at country level)."""
        place, event = draft.event.place, draft.event
        # The opening line may sum up what the body then tells place by place ("air strikes on towns across the
        # country killed 44 ... In Jassem 16 civilians were killed"): merging gives the body's acts its doer.
        violent = event.event_type in VIOLENT_TYPES or event.sub_event_type == "Looting/property destruction"
        return draft.sentence_index > annotated.lead and violent and (place is None or place.level == "country") \
            and self.scattered_places.search(draft.sentence.text.lower()) is not None

    def _over_a_period(self, draft: EventDraft, annotated: AnnotatedDocument) -> bool:
        """Violence told over a span of days with no day of its own ("At least 72 civilians have been killed in the
        bombing on Idlib over the past few days") is a period's total, not an event; the day a report opens with
        dates the report, not the act of a headline glued to it ("Wednesday 07 December 2016 135 Civilians Killed in
        Escalating Bombardment on Idlib in Last Three Days")."""
        event = draft.event
        own_day = event.time_precision == TimePrecision.DAY and not (
            draft.sentence_index == 0 and event.date_text is not None and event.date_text == annotated.opening_date)
        return event.event_type in VIOLENT_TYPES and not own_day and (
            tells_a_period(draft.sentence, self.period) or _named_by_its_month(draft, annotated))

    def _total(self, draft: EventDraft, annotated: AnnotatedDocument, days: int | None,
               told: list[EventDraft], going_on: set[int]) -> tuple[str, str] | None:
        """How a sentence counts violence as a running or a period's total, and which, if it does (``told``: the
        events the report has told before it; ``going_on``: the sentences that tell acts as going on)."""
        if self._so_far(draft) or self._counted_into_a_total(draft) or self._campaigns_undated_toll(draft):
            return "counted up to now", "a running total"
        if draft.event.fatalities >= self.undated_total and draft.event.date_text is None:
            return f"with a toll of {draft.event.fatalities} and no day of its own", "a running total"
        if self._counted_since(draft, annotated, days, told):
            return "counted since a start weeks ago, undated or before an act told", "a running total"
        if self._over_a_period(draft, annotated):
            return "told over a span of days", "a period's total"
        if told and draft.event.event_type in VIOLENT_TYPES and self._sums_up(draft.sentence):
            return "summing up the acts told", "their total"
        if self._separate_acts_told_after(draft, annotated):
            return "summing up separate acts the report tells after it", "their total"
        if self._toll_of_acts_going_on(draft, going_on):
            return "counted with no day of its own after acts told as going on", "their running total"
        return None

    def _context_of_its_violence(self, draft: EventDraft, violent: set[int]) -> bool:
        """A move of a fight told in a sentence that tells violence, whatever becomes of that violence ("clashes
        resumed as the regime tried to complete the encirclement of the town", "Fighting ... has intensified in the
        past month with both sides sending in reinforcements": `context_triggers_in_violence_sentence`,
        `context_in_violence_sentence`), or with the dead of the fight it went to ("reinforcements were sent to battle
        regime forces resulting in the deaths of dozens of soldiers"), is the fighting's context, no event."""
        event = draft.event
        return (event.sub_event_type in self.sentence_context_sub_types
                or draft.trigger.span.text.lower() in self.sentence_context_triggers) \
            and event.event_type not in VIOLENT_TYPES \
            and (event.fatalities > 0 or draft.sentence_index in violent)

    def _toll_of_acts_going_on(self, draft: EventDraft, going_on: set[int]) -> bool:
        """"'Hysterical bombing' continues in Aleppo on the forty-fifth consecutive day", then "At least 502 civilians
        have been killed in regime and Russian bombings": dead told in the perfect, with no day of their own, right
        after acts told as going on, are those acts' running total."""
        event = draft.event
        if draft.sentence_index - 1 not in going_on or event.date_text is not None or not event.fatalities:
            return False
        # The dying verb's tense, wherever the parse hangs the act ("have been killed and 2600 injured in ...
        # bombings").
        return any(c.dep_ in {"aux", "auxpass"} and c.lemma_.lower() == "have" for t in draft.sentence
                   if t.pos_ == "VERB" and t.lemma_.lower() in self.death_words for c in t.children)

    def _counted_into_a_total(self, draft: EventDraft) -> bool:
        """"It brought the total number of members of the Russian forces killed in Syria to 18": deaths told only
        as counted into a total, with no act and no place narrower than a country."""
        place = draft.event.place
        if not draft.trigger.group.outcome or (place is not None and place.level != "country"):
            return False
        return any(a.pos_ == "NOUN" and (a.lemma_.lower() in self.total_words or any(
            c.dep_ == "amod" and c.lemma_.lower() in self.total_words for c in a.children))
            for a in draft.trigger.head.ancestors)

    def _campaigns_undated_toll(self, draft: EventDraft) -> bool:
        """"The Observatory said the bombing campaign has killed hundreds": the dead a campaign of many acts has
        caused, with no day of their own, are its running total."""
        head = draft.trigger.head
        return draft.trigger.group.outcome and draft.event.date_text is None and any(
            c.dep_ in {"nsubj", "agent"} and any(w.lemma_.lower() in self.campaign_nouns for w in c.subtree)
            for c in head.children)

    def _separate_acts_told_after(self, draft: EventDraft, annotated: AnnotatedDocument) -> bool:
        """"Separate air raids by regime aircraft and warplanes of the coalition killed at least 25 civilians", then
        each raid with its place and dead: acts the sentence calls separate, counted together, are their total when
        the report goes on to tell acts of that kind with dead of their own."""
        event, head = draft.event, draft.trigger.head
        if not event.fatalities or not any(c.dep_ == "amod" and c.lemma_.lower() in self.separate_words
                                           for c in head.children):
            return False
        return any(other.sentence_index > draft.sentence_index and other.event.event_type == event.event_type
                   and 0 < other.event.fatalities < event.fatalities for other in annotated.drafts or [])

    def _sums_up(self, sent: SpacySpan) -> bool:
        """"In total over 40 civilians were killed ...": a sentence that opens on a word of summing up."""
        return self.sum_openers.match(sent.text.lower().lstrip(LEADING_PUNCTUATION)) is not None

    def _so_far(self, draft: EventDraft) -> bool:
        """Violence counted up to now ("Over 750 people have so far been killed in the ongoing bombing campaign",
        "the offensive has killed 300 people to date", `running_total_marks`): a running total, not an event."""
        head = draft.trigger.head
        if draft.event.event_type not in VIOLENT_TYPES or (head.pos_ == "NOUN" and head.dep_ in {"dobj", "obj"}):
            return False  # "No group has so far claimed the bombing": what is counted up to now is not the act
        sent, verb = draft.sentence, governing_verb(head)
        return verb is not None and any(t.head.i == verb.i for mark in _phrases_in(sent, self.running_total_marks)
                                        for t in mark)

    def _counted_since(self, draft: EventDraft, annotated: AnnotatedDocument, days: int | None,
                       told: list[EventDraft]) -> bool:
        """A toll or fighting counted from a day weeks ago ("223 fighters have been killed since the offensive began on
        May 31", "clashes since March") is a running total or a state of things, not an event ("47 killed since
        Monday" is the event of those days), as is a campaign's toll since any day ("545 people have been killed in
        the escalating bombing campaign ... on Syrias towns and cities since Tuesday"), or a toll since a day
        before an act the report has told ("11 were killed Thursday ... Since Saturday at least 68 civilians have
        been killed in aerial attacks on the town": the 68 count the 11)."""
        event = draft.event
        if annotated.sentence_dates is not None and _since_an_undated_start(draft, annotated.sentence_dates[
                draft.sentence_index]):
            return True
        campaign = any(t.lemma_.lower() in self.campaign_nouns for t in draft.sentence)
        start = event.event_date
        # An act dated only by the report ("Syria fighting kills 132 Islamic State fighters", then "132 militants have
        # been killed since Saturday") is the news the toll since then tells, not an act it counts.
        counts_a_told_act = start is not None and event.event_type in VIOLENT_TYPES and any(
            d.event.event_type in VIOLENT_TYPES and d.event.date_text is not None and d.event.event_date is not None
            and d.event.event_date > start for d in told)
        if event.date_text is None or annotated.sentence_dates is None or days is None or (
                days <= RECENT_DAYS and not campaign and not counts_a_told_act):
            return False
        mention = next((d for d in annotated.sentence_dates[draft.sentence_index] if d.text == event.date_text), None)
        word = token_at(draft.sentence, mention.start_char) if mention is not None else None
        return word is not None and any(
            t.lower_ == "since" and word in (t.head.subtree if t.dep_ == "mark" else t.subtree) for t in draft.sentence)

    def _accident(self, draft: EventDraft) -> bool:
        """An accident, a disaster or illness with no weapon or armed group; or weapon words in another sense (a
        space launch's rocket, fireworks) with no armed group."""
        words = target_lemmas(list(draft.sentence))
        if any(a.inter in NON_STATE_ARMED_INTERS for a in draft.side_one):
            return False
        return bool(words & self.other_sense_contexts) or (
            bool(words & self.non_conflict_causes) and not words & self.armed_signs)

    def _told_by_a_score(self, draft: EventDraft, annotated: AnnotatedDocument) -> bool:
        """A result told as a score ("beat Ittihad 4-1", "voted 4-1 to ban the march") is a game or a vote, whatever
        its verb; a range of a toll ("killed 10-15 people", "10-15 killed") is not a score."""
        if any(a.inter in NON_STATE_ARMED_INTERS for a in draft.side_one):
            return False
        sent, dates = draft.sentence, annotated.date_ranges(draft.sentence_index)
        for i in range(1, len(sent) - 2):
            first, dash, second = sent[i], sent[i + 1], sent[i + 2]
            after = sent[i + 3] if i + 3 < len(sent) else None  # a score may end the sentence
            if any(start <= first.idx < end for start, end in dates) or first.ent_type_ in {"DATE", "TIME"}:
                continue  # "On January 14-15": days
            if dash.text in {"-", "–"} and first.text.isdigit() and second.text.isdigit() \
                    and int(first.text) <= MAX_SCORE and int(second.text) <= MAX_SCORE \
                    and sent[i - 1].pos_ in {"PROPN", "VERB"} and (after is None or (
                        after.pos_ not in {"NOUN", "PROPN", "ADJ", "NUM"}
                        and after.lemma_.lower() not in self.death_words)):
                return True
        return False

    def _ordinary_crime(self, draft: EventDraft, annotated: AnnotatedDocument) -> bool:
        """In a report that shows no conflict: violence, policing, an arrest or a theft with no organised armed
        group on either side or named in its sentence and no political target, outside the words of who tells it,
        that is an arrest, tells a crime, or is violence no one armed takes part in."""
        event = draft.event
        if event.event_type not in CRIME_TYPES and event.sub_event_type not in CRIME_SUB_TYPES:
            return False
        sides = [*draft.side_one, *draft.side_two]
        if any(a.inter in NON_STATE_ARMED_INTERS for a in sides):
            return False
        assert annotated.sentence_attribution is not None
        told_by = annotated.sentence_attribution[draft.sentence_index].claimant_tokens
        sentence = draft.sentence
        mentioned = [m.entry for i, m in (annotated.mention_tokens or {}).items()
                     if sentence.start <= i < sentence.end and i not in told_by]
        if any(entry.inter in NON_STATE_ARMED_INTERS and not entry.generic for entry in mentioned):
            return False
        # Only whom the act is done to makes it political: "sheriff's deputies seized a meth lab", "after a weekend
        # party" and "law enforcement officials said" name no target.
        targets = [t for t in draft.targets if t.i not in told_by]
        if (target_lemmas(targets) | target_modifiers(targets, with_owners=True)) & self.political_targets:
            return False
        words = target_lemmas([t for t in sentence if t.i not in told_by])
        if event.sub_event_type == ARREST_SUB_TYPE:
            return True  # an arrest of no one political is the police at work
        crime = bool(words & self.crimes)
        if not crime and (event.sub_event_type == LOOTING_SUB_TYPE or words & self.armed_without_crime):
            # "unknown individuals set a church ablaze", "gunmen abducted a girl", "a guard opened fire":
            # destruction, or violence by someone armed, told with no crime behind it.
            return False
        # Force by state forces is an event unless it is the police acting over a crime.
        armed = any(a.inter in ARMED_INTERS for a in sides) and _acts(draft.trigger)
        return not armed or crime

    def _shows_conflict(self, annotated: AnnotatedDocument) -> bool:
        """Anywhere in the report: an organised armed group named, or a word of armed conflict or protest."""
        if any(m.entry.inter in NON_STATE_ARMED_INTERS and not m.entry.generic
               for m in annotated.actor_mentions or []):
            return True
        return any(target_lemmas(list(sentence)) & self.conflict_context for sentence in annotated.sentences or [])


def _named_by_its_month(draft: EventDraft, annotated: AnnotatedDocument) -> bool:
    """"More than 100 civilians have been killed in August shelling of Aleppo": violence its month names (right before
    the act's word, however the parse hangs it) is that month's, not one day's act."""
    head = draft.trigger.head
    return any(mention.precision == TimePrecision.MONTH and (word := token_at(draft.sentence, mention.end_char - 1))
               is not None and (word.i == head.i - 1 or (word.head.i == head.i and word.dep_ in {"compound", "nmod"}))
               for mention in (annotated.sentence_dates or [])[draft.sentence_index])


def _phrases_in(sent: SpacySpan, pattern: re.Pattern[str]) -> Iterator[SpacySpan]:
    """The words of each match of a word list's pattern in the sentence."""
    for match in pattern.finditer(sent.text.lower()):
        mark = sent.char_span(match.start(), match.end(), alignment_mode="expand")
        if mark is not None:
            yield mark


def _acts(trigger: Trigger) -> bool:
    """The first side does the act: the subject or agent of the trigger's verb ("policemen shot dead a man"), or
    any side the roles read for a word of violence; a death alone ("police found him dead", "a man was killed in a
    shooting, police said") does not say the police near it used force."""
    if not trigger.group.outcome:
        return True
    head = trigger.head
    return any((t.head.i == head.i and t.dep_ == "nsubj")
               or (t.head.dep_ == "agent" and t.head.head.i == head.i) for t in trigger.side_one)
