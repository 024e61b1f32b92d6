"""Stage ``fatalities``: head counts of the dead in every sentence, following ACLED's conventions for vague
numbers; each event's toll is its sentence's.

The rule applied (documented in ``data/conventions.yaml``):
* only deaths count; "casualties", "wounded" and "injured" give 0;
* the lowest credible figure is kept ("10 to 15 killed" -> 10, "at least 12" -> 12);
* vague counts take the codebook's numbers ("several"/"many" -> 10, "dozens" -> 12, "hundreds" -> 100);
* separate groups of dead in one sentence are added up ("5 soldiers and 12 militants killed" -> 17),
  except where a toll is reported, which already is the total.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from spacy.tokens import Span as SpacySpan

from conflictlens.coding.annotated import AnnotatedDocument, EventDraft
from conflictlens.coding.gazetteer import admin_key
from conflictlens.coding.grammar import (
    in_another_times_clause,
    in_headline_list,
    objects_through,
    period_pattern,
    tells_a_period,
    verb_above,
    with_what_it_is_of,
)
from conflictlens.knowledge import read_data_file


@dataclass(frozen=True)
class NumberWords:
    """A language's number words, from its ``conventions.yaml``."""

    units: dict[str, int]
    scales: dict[str, int]
    joiners: frozenset[str]  # "twenty and five"
    range_words: frozenset[str]  # "10 to 15"
    range_openers: frozenset[str]  # "between 10 and 15"

    @classmethod
    def from_conventions(cls, conventions: dict[str, Any]) -> NumberWords:
        return cls({k.lower(): int(v) for k, v in conventions["number_words"].items()},
                   {k.lower(): int(v) for k, v in conventions["scale_words"].items()},
                   frozenset(w.lower() for w in conventions["number_joiners"]),
                   frozenset(w.lower() for w in conventions["range_words"]),
                   frozenset(w.lower() for w in conventions["range_openers"]))

    def is_number_word(self, word: str) -> bool:
        return word in self.units or word in self.scales


@lru_cache(maxsize=1)
def english_numbers() -> NumberWords:
    return NumberWords.from_conventions(read_data_file("conventions.yaml"))


def parse_number(text: str, words: NumberWords | None = None) -> int | None:
    """'1,200' -> 1200, 'twenty-five' -> 25, 'two hundred' -> 200, 'two dozen' -> 24; else None."""
    words = words or english_numbers()
    cleaned = text.strip().lower().replace(",", "")
    if re.fullmatch(r"\d+", cleaned):
        return int(cleaned)
    total, current, seen = 0, 0, False
    for word in [cleaned] if cleaned in words.units else re.split(r"[\s\-]+", cleaned):
        if word in words.joiners:
            continue
        if word in words.units:
            current += words.units[word]
        elif word in words.scales:
            scale = words.scales[word]
            current = (current or 1) * scale
            if scale >= 1000:
                total, current = total + current, 0
        else:
            return None
        seen = True
    return total + current if seen else None


# Words and parts of speech that may stand between the counts of a list of dead ("3 policemen, 1 gendarme").
LIST_JOINERS = {"and", "&", ","}
LIST_POS = {"NOUN", "PROPN", "ADJ", "DET", "CCONJ"}


@dataclass(frozen=True, slots=True)
class Quantity:
    start: int  # token index in the sentence
    end: int
    value: int
    text: str


# Words between a death word and an injury word that make them one count: "killed and injured", "killed or wounded",
# "Killed & Injured".
CASUALTY_JOINERS = {"and", "or", ",", "/", "&", "+"}


class FatalityCounter:
    """Built once from the conventions file; ``count`` reads one sentence."""

    def __init__(self, conventions: dict[str, Any]) -> None:
        self.vague = {tuple(k.split()): int(v) for k, v in conventions["vague_counts"].items()}
        self.max_vague_len = max(len(k) for k in self.vague)
        self.death_words = {w.lower() for w in conventions["death_words"]}
        self.not_death = {w.lower() for w in conventions["not_death_words"]}
        self.injuries = {w.lower() for w in conventions.get("injury_words", [])}
        self.units = {w.lower() for w in conventions["non_person_units"]}
        self.count_breakers = {w.lower() for w in conventions.get("count_breakers", [])}
        self.count_lead_ins = {w.lower() for w in conventions.get("count_lead_ins", [])}
        self.person_nouns = {w.lower() for w in conventions["person_nouns"]}
        self.one_person_pronouns = {w.lower() for w in conventions.get("one_person_pronouns", [])}
        self.life_words = {w.lower() for w in conventions["life_words"]}
        self.attempt_verbs = {w.lower() for w in conventions.get("attempt_verbs", [])}
        self.tending_verbs = {w.lower() for w in conventions.get("tending_verbs", [])}
        self.dying_verbs = {w.lower() for w in conventions["dying_verbs"]}
        self.losing_verbs = {w.lower() for w in conventions.get("losing_verbs", [])}
        self.life_taking_verbs = {w.lower() for w in conventions.get("life_taking_verbs", [])}
        self.numbers = NumberWords.from_conventions(conventions)
        self.toll_words = {w.lower() for w in conventions["toll_words"]}
        self.toll_verbs = {w.lower() for w in conventions.get("toll_verbs", [])}
        self.running_total_verbs = {w.lower() for w in conventions.get("running_total_verbs", [])}
        self.furniture_labels = {w.lower() for w in conventions.get("page_furniture_labels", [])}
        self.not_count_openers = {w.lower() for w in conventions.get("not_count_openers", [])}
        self.time_marks = {w.lower() for w in conventions.get("other_time_marks", [])}
        self.part_marks = [tuple(w.lower().split()) for w in conventions.get("part_marks", [])]
        self.max_event_deaths = int(conventions["max_event_fatalities"])
        self.period = period_pattern(conventions)

    def quantities(self, sent: SpacySpan, dates: Sequence[tuple[int, int]] = ()) -> list[Quantity]:
        """Head counts in a sentence; numbers inside ``dates`` (character ranges) are days, not people."""
        words = [t.lower_ for t in sent]
        found: list[Quantity] = []
        i = 0
        while i < len(words):
            if any(start <= sent[i].idx < end for start, end in dates):
                i += 1
                continue
            quantity = self._quantity_at(sent, words, i)
            if quantity is None:
                i += 1
                continue
            after = words[quantity.end : quantity.end + 2]
            before = words[quantity.start - 1] if quantity.start else ""
            # "how many dead there are", "too many lives": a question or a lament, not a count.
            broken = bool(after) and after[0] in self.count_breakers and before not in self.count_lead_ins
            if not any(w in self.units for w in after) and not broken and before not in self.not_count_openers:
                found.append(quantity)
            i = quantity.end
        return found

    def _quantity_at(self, sent: SpacySpan, words: list[str], i: int) -> Quantity | None:
        for length in range(self.max_vague_len, 0, -1):
            key = tuple(words[i : i + length])
            if len(key) == length and key in self.vague:
                # "some 30 people": a vague word directly before a number is not the count itself.
                nxt = sent[i + length] if i + length < len(sent) else None
                if nxt is not None and nxt.like_num:
                    return None
                return Quantity(i, i + length, self.vague[key], " ".join(t.text for t in sent[i : i + length]))
        token, numbers = sent[i], self.numbers
        if not (token.like_num or numbers.is_number_word(token.lower_)) or token.lower_ in numbers.joiners:
            return None
        j = i
        # A hyphen joins number words ("twenty - five"); between digits it is a range ("10 - 15", read below).
        while j < len(sent) and (sent[j].like_num or numbers.is_number_word(sent[j].lower_)
                                 or (sent[j].lower_ == "-" and j > i and not _between_digits(sent, j))):
            j += 1
        value = parse_number(" ".join(t.text for t in sent[i:j]), numbers)
        if value is None or (re.fullmatch(r"(19|20)\d\d", sent[i].text) and j == i + 1):
            return None
        if j == i + 1 and re.fullmatch(r"[0-2]\d[0-5]\d", sent[i].text) and (
                sent[i].text.startswith("0") or (i > 0 and sent[i - 1].lower_ == "at")):
            return None  # "Fri 07 Apr 2017 at 0914": a clock's time
        # "10 to 15 killed", "10-15 dead": the lower figure.
        joiners = numbers.range_words | (numbers.joiners if i > 0 and sent[i - 1].lower_ in numbers.range_openers
                                         else frozenset())
        if j + 1 < len(sent) and sent[j].lower_ in joiners and sent[j + 1].like_num:
            upper = parse_number(sent[j + 1].text, numbers)
            if upper is not None:
                value = min(value, upper)
                j += 2
        return Quantity(i, j, value, " ".join(t.text for t in sent[i:j]))

    def is_death_cue(self, token: Any) -> bool:
        if self._not_a_death(token):
            return False
        if token.tag_ == "VBG" and any(c.dep_ == "aux" and c.lemma_ == "be" for c in token.children):
            return False  # "many were dying even after arriving at medical facilities": not dead when told
        return _named_by(token, self.death_words) or self._lost_people(token)

    def _lost_people(self, token: Any) -> bool:
        """"Damascus lost more than 40 troops", "ISIL also lost 15 militants", "lost 12 of its fighters": a side that
        lost people lost them dead (ground, control or vehicles lost are no deaths); so are the people, or the bare
        count, an act claimed ("claiming eight and injuring 14")."""
        lemma = token.lemma_.lower()
        if lemma not in self.losing_verbs and lemma not in self.life_taking_verbs:
            return False
        objects = [obj for obj in token.children if obj.dep_ in {"dobj", "obj"}]
        if lemma in self.life_taking_verbs and any(
                obj.like_num or self.numbers.is_number_word(obj.lower_) for obj in objects):
            return True
        return any(p.lemma_.lower() in self.person_nouns for obj in objects for p in with_what_it_is_of(obj))

    def _recovered_body(self, cue: Any) -> bool:
        """"18 bodies pulled from the rubble", "rescuers recovered 12 bodies": the dead found after the act."""
        if cue.lemma_.lower() != "body":
            return False
        tended_by_its_verb = cue.dep_ in {"dobj", "nsubjpass"} and cue.head.lemma_.lower() in self.tending_verbs
        return tended_by_its_verb or any(c.dep_ == "acl" and c.lemma_.lower() in self.tending_verbs for c in cue.children)

    def _counts_the_doers(self, sent: SpacySpan, quantity: Quantity, cues: list[int]) -> bool:
        """"Two car bombs killed at least 25 people", "three gunmen shot dead a soldier": the count of what did the
        killing, the subject of a death verb that has an object, is not of the dead ("two soldiers died" is)."""
        noun = _counted(sent, quantity)
        verb = noun.head
        objects = [c for c in verb.children if c.dep_ in {"dobj", "obj"}]
        # "Two children killed 5 others injured", "Eight Civilians Killed 14 Injured": a headline's object the injured
        # verb takes, or that the injured word follows, is no victim.
        return noun.dep_ == "nsubj" and verb.i - sent.start in cues and bool(objects) and not any(
            self._not_a_death(g) for o in objects for g in [*o.children, *o.doc[o.i + 1 : o.i + 2]])

    def _running_total(self, sent: SpacySpan, quantity: Quantity) -> bool:
        """"bringing to 45 the number killed in 24 hours", "raising the toll to 61": a total carried on, not the
        event's own count."""
        word = _counted(sent, quantity)
        return word.dep_ == "pobj" and word.head.lower_ == "to" and word.head.head.lemma_.lower() in \
            self.running_total_verbs and not self._updates_the_toll(word.head.head)

    def _updates_the_toll(self, verb: Any) -> bool:
        """"A monitoring group raised the death toll from air strikes on the market to 61": a finite verb whose object
        is the toll gives the act its new toll (a participle carries a count on: "killing 12, raising the toll to
        45")."""
        return verb.lemma_.lower() in self.running_total_verbs and verb.tag_ in {"VBD", "VBZ", "VBP", "VBN"} \
            and any(c.dep_ == "dobj" and c.lower_ in self.toll_words for c in verb.children)

    def _with_the_injured(self, cue: Any) -> bool:
        """"175 Terrorists Killed Injured", "were killed or wounded": one count of the dead and the injured together
        says how many were hit, not how many died."""
        doc = cue.doc
        for step in (1, -1):
            j = cue.i + step
            if 0 <= j < len(doc) and doc[j].lower_ in CASUALTY_JOINERS:
                j += step
            if 0 <= j < len(doc) and {doc[j].lemma_.lower(), doc[j].lower_} & self.injuries and not (
                    0 <= j + step < len(doc) and doc[j + step].like_num):
                return True
        return False

    def _counts_the_hit(self, sent: SpacySpan, quantity: Quantity) -> bool:
        """"Massacre Continues 88 Killed & Injured", "88 people killed or wounded": a number told before the dead and
        the injured together counts everyone hit, whatever other death word the sentence holds."""
        for i in range(quantity.end, min(quantity.end + 3, len(sent))):
            if self.is_death_cue(sent[i]):
                return self._with_the_injured(sent[i])
            if sent[i].pos_ not in {"NOUN", "PROPN", "ADJ"}:
                return False
        return False

    def _not_a_death(self, token: Any) -> bool:
        """An injury or a taking ("wounded", "kidnapped"), by lemma or as written."""
        return _named_by(token, self.not_death)

    def count(self, sent: SpacySpan, *, dates: Sequence[tuple[int, int]] = (), window: int = 8,
              in_time_clauses: bool = False, other_acts_cues: Collection[int] = ()) -> tuple[int, str | None]:
        """Deaths reported in one sentence, and the words they were read from; with ``in_time_clauses``, those of the
        clauses that date themselves against the sentence's main act too (for an act told only in one); without the
        death words (document token indices) in ``other_acts_cues``."""
        # "attempted to assassinate", "threatened to kill": no one died of that verb.
        cues = [t.i - sent.start for t in sent if self.is_death_cue(t) and t.i not in other_acts_cues
                and not (t.dep_ == "xcomp" and t.head.lemma_.lower() in self.attempt_verbs)
                and (in_time_clauses or not in_another_times_clause(t, self.time_marks))
                and not self._with_the_injured(t)
                and not in_headline_list(sent.doc[t.i : t.i + 1], self.furniture_labels)]
        if not cues or tells_a_period(sent, self.period):
            return 0, None  # no death word, or a period's total
        # "32 people were killed, with 18 bodies pulled from flattened buildings": the bodies found are among the
        # dead the sentence counts.
        cues = [c for c in cues if not self._recovered_body(sent[c])] or cues
        # "ISIS Behead or Shot 15 Captured Assyrians": a word that says who the counted were counts no one.
        injuries = [t.i - sent.start for t in sent if self._not_a_death(t) and not _modifies_what_follows(t)]
        counted = self.quantities(sent, dates)
        # "The death toll ... rose to 12 people in addition to more than 200 others injured": the figure a toll's verb
        # gives is the toll, however near an injury word it stands.
        tolls = [f for c in cues if (f := self._toll_figure(sent, sent[c], counted)) is not None]
        # "two soldiers were killed and four others wounded": a number nearer an injury word counts the injured.
        quantities = [q for q in counted
                      if q in tolls or not injuries or (not self._counts_the_injured(sent, q) and (
                          _counted_by(sent, q, cues)
                          or min(abs(q.start - c) for c in cues) < min(abs(q.start - c) for c in injuries)))]
        # "six others including three children were injured": a part is of the count before it, whether or not
        # that count is of the dead.
        parts = [q for n, q in enumerate(counted) if n > 0 and self._part_of_earlier(sent, q)]
        quantities = [q for q in quantities if q not in parts and not self._counts_the_hit(sent, q)]
        quantities = [q for q in quantities if not self._counts_the_doers(sent, q, cues) and not self._running_total(
            sent, q)]
        # "Of the 45 civilians killed the highest number were in Qaterji where Russian raids claimed 17 lives": the
        # count the sentence opens with is the whole its part is told of.
        quantities = [q for q in quantities if not _whole_a_part_is_told_of(sent, q)] or quantities
        used: list[Quantity] = []
        for cue in cues:
            # The counts the parse gives the verb's object or passive subject are its dead, however far apart.
            groups = self._coordinated_groups(sent[cue], quantities, sent.start)
            if len(groups) == 1 and groups[0] in quantities:
                groups = self._listed_with(sent, groups[0], quantities)  # "Seven soldiers, 15 fighters and one ..."
            if groups:
                used.extend(q for q in groups if q not in used)
                continue
            figure = self._toll_figure(sent, sent[cue], quantities)
            if figure is not None:
                used.append(figure)
                continue
            near = [q for q in quantities if q not in used and min(abs(q.start - cue), abs(q.end - 1 - cue)) <= window]
            passive = sent[cue].tag_ == "VBN"
            if near:
                # "N soldiers were killed" counts before a passive verb, "killed N soldiers" after an active one.
                nearest = min(near, key=lambda q: (min(abs(q.start - cue), abs(q.end - 1 - cue))
                                                   + (0.5 if (q.start > cue) == passive else 0.0)))
                used.extend(q for q in self._listed_with(sent, nearest, quantities) if q not in used)
            else:
                used.extend(self._named_victims(sent[cue]))
        if not used:
            return 0, None
        used = self._told_once(sent, used)
        # "The heavy fighting claimed the lives of 129 loyalists and 116 rebels ... according to an Observatory toll":
        # a toll word that only names whose count it is sums nothing up.
        has_toll = any(sent[c].lower_ in self.toll_words and not _whose_count(sent[c]) for c in cues)
        total = max(q.value for q in used) if has_toll else sum(q.value for q in used)
        return total, "; ".join(q.text for q in used)

    def _counts_the_injured(self, sent: SpacySpan, quantity: Quantity) -> bool:
        """"One civilian was killed and 13 others were injured": a count whose noun is what an injury verb did to
        (or who it befell) counts the injured, however near a death word it stands."""
        after = _noun_end(sent, quantity.end)
        while after < len(sent) and sent[after].pos_ == "AUX":
            after += 1  # "at least 160 people were injured", however the parse hangs the count
        if after < len(sent) and self._not_a_death(sent[after]) and not (
                after + 1 < len(sent) and sent[after + 1].like_num) and not _modifies_what_follows(sent[after]):
            # "Two children killed 5 others injured": a headline's count right before its injury word; not one before
            # an injury word that has its own count ("Kurds kill 83 Injured 100 ISIS Terrorists"), nor one that says
            # who the counted were ("ISIS Behead or Shot 15 Captured Assyrians").
            return True
        if quantity.start > 0 and self._not_a_death(sent[quantity.start - 1]) and sent[quantity.start - 1].pos_ != "NOUN":
            return True  # "kill 83 Injured 100 ISIS Terrorists", "kills 12 wounds 50": the injury word's own count
        noun = _counted(sent, quantity)
        verb = noun.head
        if noun.dep_ not in {"nsubj", "nsubjpass", "dobj"} or not self._not_a_death(verb):
            return False
        # "kidnapped 900 Executed 18 People": a death word between the verb and the count is the count's own.
        first, last = sorted((verb.i - sent.start, quantity.start))
        return not any(self.is_death_cue(t) for t in sent[first + 1 : last])

    def _toll_figure(self, sent: SpacySpan, cue: Any, quantities: list[Quantity]) -> Quantity | None:
        """"The death toll from air strikes on the town has risen to 61", "the monitor raised the death toll ... to
        61": the figure the toll's verb gives it."""
        if cue.lower_ not in self.toll_words or not (
                (cue.dep_ in {"nsubj", "nsubjpass"} and cue.head.lemma_.lower() in self.toll_verbs)
                or (cue.dep_ == "dobj" and self._updates_the_toll(cue.head))):
            return None
        verb = cue.head
        given = [q for q in quantities if q.start > verb.i - sent.start and verb.is_ancestor(sent[q.start])
                 and not cue.is_ancestor(sent[q.start]) and not _in_a_clause_below(sent[q.start], verb)]
        if not given:
            # "has risen to at least 112 a monitoring group said": the parse hangs the figure on the next noun and
            # leaves the verb's "to" with no object; the count right after it is the figure.
            bare = [p.i - sent.start for p in verb.children if p.dep_ == "prep" and not any(
                c.dep_ == "pobj" for c in p.children)]
            given = [q for q in quantities for p in bare if 0 < q.start - p <= 3]
        return min(given, key=lambda q: q.start) if given else None

    def _told_once(self, sent: SpacySpan, used: list[Quantity]) -> list[Quantity]:
        """One group of dead told twice in a sentence is counted once: "Twenty-six civilians were killed when
        warplanes pounded the district, killing 26 civilians"; and a headline glued to the lead that retells it
        ("Air raids kill 31 jihadists in Raqa At least 31 Islamic State militants were killed") gives its count
        again under another noun. Equal counts listed together ("five soldiers and five civilians") are two
        groups."""
        once: list[Quantity] = []
        for quantity in sorted(used, key=lambda q: q.start):
            if any(other.value == quantity.value and not self._joined(sent[other.end : quantity.start])
                   for other in once):
                continue
            once.append(quantity)
        return once

    def _coordinated_groups(self, cue: Any, quantities: list[Quantity], offset: int) -> list[Quantity]:
        """'Five soldiers and 12 militants were killed', 'two gunmen and a gendarme were killed': one count per
        coordinated group of dead, a person named without a number counting one; a dying verb's dead are its subject
        ("five people died and eight others were taken to hospital"), as are those who lost their lives."""
        dead = {"dobj", "nsubjpass"} | ({"nsubj"} if cue.lemma_.lower() in self.dying_verbs else set())
        if cue.lemma_.lower() == "life" and cue.dep_ in {"dobj", "obj"} and cue.head.lemma_.lower() in self.losing_verbs:
            # "At least 50 people have lost their lives and 100 others sustained injuries": who lost their lives.
            cue, dead = cue.head, {"nsubj"}
        for child in cue.children:
            if child.dep_ not in dead:
                continue
            nouns = _coordination(child)
            found = []
            for noun in nouns:
                # A count stands before the noun it counts, once: "Middle East 2159" after "Kill 3" is a clock.
                counted = [q for q in quantities if q.end <= noun.i - offset
                           and any(c.dep_ == "nummod" and q.start <= c.i - offset < q.end for c in noun.children)]
                if counted:
                    found.append(max(counted, key=lambda q: q.start))
                elif len(nouns) > 1 and self._one_person(noun):
                    found.append(Quantity(noun.i - offset, noun.i - offset + 1, 1, noun.text))
            return found
        return []

    def _listed_with(self, sent: SpacySpan, quantity: Quantity, quantities: list[Quantity]) -> list[Quantity]:
        """A count and the counts listed with it, whatever the parse: "3 policemen, 1 gendarme and 1 civilian",
        "two gunmen and a gendarme" (a person named without a number counts one)."""
        ordered = sorted(quantities, key=lambda q: q.start)
        listed = [quantity]
        for step in (-1, 1):
            current = quantity
            while True:
                index = ordered.index(current) + step
                if not 0 <= index < len(ordered):
                    break
                other = ordered[index]
                first, second = (other, current) if step < 0 else (current, other)
                if (not self._joined(sent[first.end : second.start]) or self._part_of(sent, second)
                        or not self._group_ends(sent, other.end)):
                    break
                listed.append(other)
                current = other
        last = max(listed, key=lambda q: q.start)
        single = self._one_more_person(sent, last.end)
        return sorted(listed + ([single] if single else []), key=lambda q: q.start)

    @staticmethod
    def _joined(between: SpacySpan) -> bool:
        """Words between two counts that only finish the first group's noun and join the next ("militants and"), or
        join two people named ("a woman and child")."""
        return 0 < len(between) <= 5 and any(t.lower_ in LIST_JOINERS for t in between) and all(
            t.pos_ in LIST_POS or t.lower_ in LIST_JOINERS for t in between) and any(
            t.pos_ in {"NOUN", "PROPN"} for t in [between.doc[between.start - 1], *between]
        )  # "hundred and twenty" is one number

    def _group_ends(self, sent: SpacySpan, end: int) -> bool:
        """A listed group of dead ends its noun at a joiner, punctuation, an auxiliary or a death word; "two
        security sources told" goes on with another verb, so it is not one of the dead."""
        j = _noun_end(sent, end)
        if j >= len(sent):
            return True
        token = sent[j]
        # "129 loyalists and 116 rebels including an Al-Nusra commander": a part mark ends the group before it.
        part_mark = any(tuple(t.lower_ for t in sent[j : j + len(mark)]) == mark for mark in self.part_marks)
        return token.lower_ in LIST_JOINERS or token.is_punct or token.pos_ in {"AUX", "ADP"} or part_mark \
            or self.is_death_cue(token)

    def _part_of_earlier(self, sent: SpacySpan, quantity: Quantity) -> bool:
        """A count opened by a part mark ("including 21 children") is part of the count told before it."""
        before = [t.lower_ for t in sent[max(0, quantity.start - 6) : quantity.start] if not t.is_punct]
        while before and before[-1] in COUNT_MODIFIERS:  # "including at least 21"
            before.pop()
        return any(tuple(before[-len(mark):]) == mark for mark in self.part_marks)

    @staticmethod
    def _part_of(sent: SpacySpan, quantity: Quantity) -> bool:
        """"5 people, 3 of them children": the second count is part of the first."""
        return quantity.end < len(sent) and sent[quantity.end].lower_ == "of"

    def _one_more_person(self, sent: SpacySpan, end: int) -> Quantity | None:
        """"... and a gendarme": one more person after a listed count's noun."""
        j = _noun_end(sent, end)
        if j >= len(sent) or sent[j].lower_ not in {"and", "&"}:
            return None
        k = j + 1
        if k < len(sent) and sent[k].lower_ in {"a", "an", "one", "his", "her", "their", "the"}:
            k += 1
        while k < len(sent) and sent[k].pos_ in {"ADJ", "PROPN"}:
            k += 1
        if k < len(sent) and self._one_person(sent[k]):
            return Quantity(k, k + 1, 1, sent[k].text)
        return None

    def _one_person(self, noun: Any) -> bool:
        return noun.tag_ in {"NN", "NNP"} and noun.lemma_.lower() in self.person_nouns and not any(
            c.dep_ == "nummod" for c in noun.children)

    def _named_victims(self, cue: Any) -> list[Quantity]:
        """'killed a soldier', 'killed the village chief and his son', 'shot dead an elderly man', 'he succumbed':
        one death per person named."""
        victims: list[Quantity] = []
        # "shot dead X": the victim is the object of the verb that "dead" completes.
        holders = [cue, cue.head] if cue.dep_ in {"acomp", "xcomp", "oprd", "advmod", "ccomp"} else [cue]
        for holder in holders:
            for child in holder.children:
                if holder.lower_ in self.life_words and child.dep_ == "prep" and child.lower_ == "of":
                    # "claiming the life of a person"
                    victims.extend(Quantity(n.i - cue.sent.start, n.i - cue.sent.start + 1, 1, n.text)
                                   for o in child.children if o.dep_ == "pobj" for n in _coordination(o)
                                   if self._one_person(n))
                if child.dep_ in {"nsubj", "nsubjpass"} and child.lower_ in self.one_person_pronouns \
                        and cue.lemma_.lower() in self.dying_verbs:
                    rel = child.i - cue.sent.start
                    victims.append(Quantity(rel, rel + 1, 1, child.text))
                if child.dep_ not in {"dobj", "nsubjpass"}:
                    continue
                for noun in _coordination(child):
                    if self._one_person(noun):
                        rel = noun.i - cue.sent.start
                        victims.append(Quantity(rel, rel + 1, 1, noun.text))
            if victims:
                break
        return victims


COUNT_MODIFIERS = {"at", "least", "some", "about", "around", "nearly", "almost", "over", "more", "than"}


def _modifies_what_follows(word: Any) -> bool:
    """A word that describes the noun after it: "captured" in "15 Captured Assyrians" (not one with its own count,
    "Injured 70 jihadists")."""
    own_count = word.i + 1 < len(word.doc) and word.doc[word.i + 1].like_num
    return word.head.i > word.i and word.head.pos_ in {"NOUN", "PROPN"} and not own_count


def _whose_count(toll: Any) -> bool:
    """A toll word after a preposition with no figure of its own: "according to an Observatory toll"."""
    return toll.dep_ == "pobj" and not any(t.like_num for t in toll.subtree)


def _whole_a_part_is_told_of(sent: SpacySpan, quantity: Quantity) -> bool:
    """A count after "Of the" that opens its sentence or clause ("Of the 45 civilians killed, ...")."""
    of = quantity.start - 2
    return of >= 0 and sent[of].lower_ == "of" and sent[of + 1].lower_ == "the" \
        and (of == 0 or sent[of - 1].is_punct)


def _counted(sent: SpacySpan, quantity: Quantity) -> Any:
    """The noun a count counts ("13 others", "many others"), or the count itself where it stands alone."""
    word = sent[quantity.end - 1]
    return word.head if word.dep_ in {"nummod", "amod"} else word


def _counted_by(sent: SpacySpan, quantity: Quantity, cues: list[int]) -> bool:
    """Whether the count is what a death word's verb did to ("the militants killed at least one and kidnapping two
    boys"), however near an injury word it stands."""
    noun = sent[quantity.end - 1]
    if noun.dep_ == "nummod":
        noun = noun.head
    return noun.dep_ in {"dobj", "nsubjpass"} and noun.head.i - sent.start in cues


def _between_digits(sent: SpacySpan, j: int) -> bool:
    return sent[j - 1].text.isdigit() and j + 1 < len(sent) and sent[j + 1].text.isdigit()


def _noun_end(sent: SpacySpan, start: int) -> int:
    """Where the words of a counted group's noun ("Nigerien soldiers") that begin at ``start`` end."""
    j = start
    while j < len(sent) and sent[j].pos_ in {"NOUN", "PROPN", "ADJ"} and sent[j].lower_ not in LIST_JOINERS:
        j += 1
    return j


def _coordination(noun: Any) -> list[Any]:
    """A noun and the nouns coordinated with it ("3 policemen, 1 gendarme and 1 civilian")."""
    nouns = [noun]
    for token in noun.subtree:
        if token.dep_ == "conj" and any(token.head.i == n.i for n in nouns):
            nouns.append(token)
    return nouns


class Fatalities:
    """Every sentence's death toll (numbers inside its dates are no tolls), and every draft's."""

    name = "fatalities"
    requires = ("sentences", "sentence_dates", "drafts", "toponyms", "sentence_attribution", "drafts.place")
    adds = ("sentence_deaths", "drafts.fatalities")

    def __init__(self, counter: FatalityCounter, conventions: dict[str, Any]) -> None:
        self.counter = counter
        self.demonstration_types = set(conventions["demonstration_types"])
        self.grievance_prepositions = {w.lower() for w in conventions["grievance_prepositions"]}
        fights = {w.lower() for w in conventions["fight_nouns"]}
        weapons = {w.lower() for words in conventions["remote_means"].values() for w in words}
        # Of each violent kind, the words of its own acts and those of the other's.
        self.act_words = {"Battles": (fights, weapons), "Explosions/Remote violence": (weapons, fights)}
        self.act_nouns = fights | weapons | {w.lower() for w in conventions["act_nouns"]}

    def __call__(self, annotated: AnnotatedDocument) -> None:
        annotated.sentence_deaths = [self._deaths(annotated, index) for index in range(len(annotated.sentences or []))]
        for draft in annotated.drafts or []:
            draft.event.fatalities, draft.event.fatalities_text = annotated.sentence_deaths[draft.sentence_index]
            if in_another_times_clause(draft.trigger.head, self.counter.time_marks):
                # "Gunmen fled after killing three villagers": the act the sentence tells is the one its time clause
                # dates against the main verb, and the dead of that clause are its own.
                draft.event.fatalities, draft.event.fatalities_text = self._deaths(
                    annotated, draft.sentence_index, in_time_clauses=True)
            if draft.event.fatalities and self._dead_of_what_it_protests(draft):
                draft.event.fatalities, draft.event.fatalities_text = 0, None
            elsewhere = self._dead_of_another_kind_of_act(draft) | self._dead_in_another_province(draft, annotated) \
                | self._dead_of_another_act_told(draft) if draft.event.fatalities else set()
            if elsewhere:
                draft.event.fatalities, draft.event.fatalities_text = self._deaths(
                    annotated, draft.sentence_index, other_acts_cues=elsewhere)

    def _deaths(self, annotated: AnnotatedDocument, index: int, *, in_time_clauses: bool = False,
                other_acts_cues: Collection[int] = ()) -> tuple[int, str | None]:
        sentences = annotated.sentences or []
        deaths, words = self.counter.count(sentences[index], dates=annotated.date_ranges(index),
                                           in_time_clauses=in_time_clauses, other_acts_cues=other_acts_cues)
        if deaths > self.counter.max_event_deaths:
            # "The war has killed more than 320,000 people": a conflict's running total, not one event's toll.
            warning = (f"toll {deaths} read from {words!r} is above max_event_fatalities "
                       f"({self.counter.max_event_deaths}): taken as a running total, not an event's toll")
            if warning not in annotated.document.warnings:
                annotated.document.warnings.append(warning)
            return 0, None
        return deaths, words

    def _dead_of_another_kind_of_act(self, draft: EventDraft) -> set[int]:
        """The death words of the draft's sentence that say the dead died in acts of the other violent kind only:
        "At least one man was killed by regime shelling ..., adding that 11 troops were killed in Monday's fighting"
        gives the shelling one dead, and "five civilians were killed in air strikes" gives a battle none."""
        # The kind its own words tell (an "attack" is typed by its means later, so it has none yet).
        kind = next((words for words in self.act_words.values()
                     if any(_named_by(w, words[0]) for w in draft.trigger.span)), None)
        if kind is None:
            return set()
        own, other = kind
        trigger = set(range(draft.trigger.span.start, draft.trigger.span.end))
        elsewhere = set()
        for cue in draft.sentence:
            if not self.counter.is_death_cue(cue):
                continue
            # The act's noun and its modifiers ("air strikes"), not what hangs on it ("the second day of shelling").
            causes = [word for noun in _acts_died_in(cue) for act in [noun, *noun.conjuncts]
                      for word in [act, *(c for c in act.children if c.dep_ in {"compound", "amod"})]]
            if causes and not any(w.i in trigger or _named_by(w, own) for w in causes) \
                    and any(_named_by(w, other) for w in causes):
                elsewhere.add(cue.i)
        return elsewhere

    def _dead_of_another_act_told(self, draft: EventDraft) -> set[int]:
        """The death words of the draft's sentence whose subject is an act other than the draft's: "The rebel barrage
        killed 10 people in Damascus while the government air strikes on Eastern Ghouta killed at least 82" gives the
        air strikes 82 (not all of them: one death word is left to the draft's act)."""
        trigger = set(range(draft.trigger.span.start, draft.trigger.span.end))
        cues = [cue for cue in draft.sentence if self.counter.is_death_cue(cue)]
        elsewhere = set()
        for cue in cues:
            # The act told as what killed them (the death verb's subject), not as what they died in.
            doers = [w for act in cue.children if act.dep_ == "nsubj" for w in [act, *act.conjuncts]]
            if not any(w.i in trigger for w in doers) and any(w.lemma_.lower() in self.act_nouns for w in doers):
                elsewhere.add(cue.i)
        return elsewhere if len(elsewhere) < len(cues) else set()

    def _dead_in_another_province(self, draft: EventDraft, annotated: AnnotatedDocument) -> set[int]:
        """The death words of the draft's sentence whose dead it places in another province than the act's, beside
        one that it does not: "the sorties resulted in killing 17 terrorists in Kanasba in Lattakia countryside ...
        and killing more than 50 terrorists in Daraa countryside" gives the Kanasba strikes 17 dead."""
        place = draft.event.place
        if place is None or not place.admin1:
            return set()
        provinces, own = annotated.own_provinces(draft.sentence_index), admin_key(place.admin1)
        cues = [cue for cue in draft.sentence if self.counter.is_death_cue(cue)]
        elsewhere = {cue.i for cue in cues if any(provinces.get(w.i, own) != own for w in _where_they_died(cue))}
        return elsewhere if len(elsewhere) < len(cues) else set()

    def _dead_of_what_it_protests(self, draft: EventDraft) -> bool:
        """A demonstration's sentence whose dead are all in what it was held against ("protested against infighting
        between the insurgent groups that left dozens killed", `grievance_prepositions`): that act's dead, not the
        demonstration's."""
        if draft.trigger.group.event_type not in self.demonstration_types:
            return False
        head = draft.trigger.head
        grievances = [g for p in head.children if p.dep_ == "prep" and p.lower_ in self.grievance_prepositions
                      for g in p.children if g.dep_ in {"pobj", "pcomp"}]
        cues = [t for t in draft.sentence if self.counter.is_death_cue(t)]
        return bool(grievances) and bool(cues) and all(any(c in g.subtree for g in grievances) for c in cues)


def _named_by(word: Any, words: set[str]) -> bool:
    return word.lower_ in words or word.lemma_.lower() in words


def _acts_died_in(cue: Any) -> list[Any]:
    """The nouns a death word says the dead died in or of ("killed in Monday's fighting", "died in clashes and
    shelling", "were killed by regime shelling", "air strikes on Douma killed five civilians")."""
    return objects_through(cue, {"in", "during", "by", "amid"}) \
        + [c for c in cue.children if c.dep_ == "nsubj" and c.pos_ == "NOUN"]


def _where_they_died(cue: Any) -> list[Any]:
    """The first words of the places a death word, or the dead it counts, are said to be in ("killing more than 50
    terrorists in Daraa countryside")."""
    heads = [cue, *(c for c in cue.children if c.dep_ in {"dobj", "nsubjpass"})]
    return [min(noun.subtree, key=lambda w: w.i) for head in heads for noun in objects_through(head, {"in"})]


def _in_a_clause_below(word: Any, verb: Any) -> bool:
    """Whether another verb stands between a word and the verb it hangs under: "the death toll may rise further as
    hundreds more were wounded" gives the toll no figure of the injured."""
    above = verb_above(word)
    return above is not None and verb.is_ancestor(above)
