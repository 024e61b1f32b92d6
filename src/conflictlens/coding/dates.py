"""Stage ``dates``: date expressions in each sentence, resolved against the publication date; each
event's date among its sentence's.

Expressions are found with patterns (so "May" the month is not confused with "may" the verb)
and parsed with dateparser, relative to the article's publication date. A vague expression
("recently", "last week") never becomes a day: it gets week or month precision, and without a
publication date it stays open. An event takes its sentence's date nearest its trigger, leaving out the
dates of statements ("denied on Wednesday that a strike killed civilians last week": last week); with
no date in its sentence, the week before publication.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import dateparser
from spacy.tokens import Token

from conflictlens.coding.annotated import AnnotatedDocument, EventDraft
from conflictlens.coding.attribution import Attributor
from conflictlens.coding.grammar import token_at, verb_above
from conflictlens.knowledge import BASE_LANGUAGE, read_data_file
from conflictlens.model import TimePrecision

PRECISIONS = {"day": TimePrecision.DAY, "week": TimePrecision.WEEK, "month": TimePrecision.MONTH}
# How far into a text its own "Published <date>" line is looked for.
PUBLICATION_WINDOW = 400
SATURDAY = 5  # date.weekday() of a Saturday
GLUED_YEAR = re.compile(r"^(\w{3,9}\.?\s+[0-3]?\d)((?:19|20)\d{2})\b")
YEAR = r"(?:19|20)\d{2}"


def _alternatives(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


class DatePatterns:
    """The date expressions of one language, compiled from its ``dates.yaml`` words."""

    def __init__(self, words: dict[str, Any]) -> None:
        self.language = str(words["dateparser_language"])
        self.weekdays = [w.lower() for w in words["weekdays"]]
        months = rf"(?:{_alternatives(words['months'])})\.?"
        suffixes = _alternatives(words["day_suffixes"])
        day = rf"(?:[0-3]?\d)(?:{suffixes})?" if suffixes else r"(?:[0-3]?\d)"
        of = rf"(?:(?:{_alternatives(words['day_of'])})\s+)?" if words["day_of"] else ""
        day_month = rf"{day}\s+{of}{months}"
        month_day = rf"(?:{months}\s+{day}|{day_month})" if words["month_before_day"] else day_month
        openers, joiners = _alternatives(words["range_openers"]), _alternatives(words["range_joiners"])
        article = rf"(?:(?:{_alternatives(words['day_articles'])})\s+)?" if words.get("day_articles") else ""
        self.suffix = re.compile(rf"(\d)(?:{suffixes})\b", re.IGNORECASE) if suffixes else None
        self.day_of = [w.lower() for w in words["day_of"]]
        self.range = re.compile(
            rf"\b(?:{openers})\s+{article}(?P<a>{month_day}(?:,?\s+{YEAR})?)\s*,?\s*(?:{joiners})\s+{article}"
            rf"(?P<b>{month_day})(?:,?\s+(?P<year>{YEAR}))?", re.IGNORECASE)
        self.day_range = re.compile(
            rf"\b(?:{openers})\s+{article}(?P<d1>{day})\s+(?:{joiners})\s+{article}(?P<d2>{day})\s+(?P<m>{months})"
            rf"(?:,?\s+(?P<year>{YEAR}))?", re.IGNORECASE)
        month_first = rf"{months}\s+{day},?\s+{YEAR}|" if words["month_before_day"] else ""
        # "30-04-2016", "01.02.2015" are read day first (dateparser's DMY order), as where they are written so.
        self.full = re.compile(rf"\b(?:{month_first}{day_month},?\s+{YEAR}|{YEAR}-\d{{2}}-\d{{2}}|"
                               rf"\d{{1,2}}/\d{{1,2}}/{YEAR}|\d{{1,2}}-\d{{1,2}}-{YEAR}|\d{{1,2}}\.\d{{1,2}}\.{YEAR})\b",
                               re.IGNORECASE)
        self.partial = re.compile(rf"\b{month_day}\b", re.IGNORECASE)
        qualifiers = _alternatives(words["month_qualifiers"])
        self.month_year = re.compile(rf"\b(?:{qualifiers})?\s*(?P<m>{months})\s+(?P<y>{YEAR})\b", re.IGNORECASE)
        # "in November", "late March": a month without its year, after a qualifier. Where the language writes months
        # with a capital, only a capitalised one counts ("in may be" is no month).
        capitalised = all(str(m)[:1].isupper() for m in words["months"])
        # "in 2008", "during 2012": a year alone, before the article's, is the story's history.
        year_openers = _alternatives(words.get("year_openers") or [])
        self.year_alone = re.compile(rf"\b(?:{year_openers})\s+(?P<y>{YEAR})\b(?![-/]\d)", re.IGNORECASE) \
            if year_openers else None
        self.month_alone = re.compile(rf"\b(?i:{qualifiers})\s+(?P<m>{months})(?![\w-])(?!\s*\d)",
                                      0 if capitalised else re.IGNORECASE)
        # "a February ceasefire": a month before a lower-case noun, after a determiner.
        determiners = _alternatives(words.get("month_determiners") or [])
        self.month_modifier = re.compile(rf"\b(?i:{determiners})\s+(?P<m>{months})(?=\s+[a-z])",
                                         0 if capitalised else re.IGNORECASE) if determiners and capitalised else None
        # "from Sunday - Tuesday", "between Monday and Wednesday": days of the past week, the first to the last.
        self.weekday_range = re.compile(
            rf"\b(?:{openers})\s+(?P<d1>{_alternatives(self.weekdays)})\s*(?:{joiners})\s*"
            rf"(?P<d2>{_alternatives(self.weekdays)})\b", re.IGNORECASE)
        # "Thursdays air strikes": a day's possessive with its apostrophe lost (not "on Thursdays and Fridays"); not
        # a day told in another time zone ("3:00 a.m. (8:00 p.m. Tuesday EDT)": the same moment, `time_zones`).
        zones = words.get("time_zones") or []
        other_zone = rf"(?!\s+(?-i:{_alternatives(zones)})\b)" if zones else ""
        self.weekday = re.compile(rf"\b(?:(?:{_alternatives(words['weekday_openers'])})\s+)?"
                                  rf"(?P<d>{_alternatives(self.weekdays)})(?:s(?=\s+(?!and\b|or\b)[a-z]))?\b"
                                  rf"{other_zone}", re.IGNORECASE)
        # A weekday's name or its first three letters ("Sat Jul 26 2014 ...", "AFP Friday 24 Oct 2014").
        weekday_names = _alternatives([*self.weekdays, *{w[:3] for w in self.weekdays}])
        publication_openers: list[str] = words.get("publication_openers") or []
        self.publication = re.compile(
            rf"\b(?:{_alternatives(publication_openers)})\b\W{{0,3}}(?:(?:on|at|le)\s+)?"
            rf"(?:(?:{weekday_names})\.?,?\s+)?", re.IGNORECASE
        ) if publication_openers else None
        # A text's start, past a weekday's name.
        self.opening = re.compile(rf"^\W*(?:(?:{weekday_names})\.?,?\s+)?", re.IGNORECASE)
        self.relative_words = {k.lower(): v for k, v in words["relative"].items()}
        self.count_words = {k.lower(): int(v) for k, v in words["count_words"].items()}
        count = rf"(?:\d+|{_alternatives(self.count_words)})"
        ago = "|".join(re.escape(p).replace(re.escape("{n}"), count) for p in words["days_ago"])
        self.days_ago = re.compile(rf"^(?:{ago})$", re.IGNORECASE)
        self.relative = re.compile(rf"(?<![\w-])(?:{_alternatives(self.relative_words)}|{ago})(?![\w-])", re.IGNORECASE)

    def parse(self, text: str, reference: dt.date | None) -> dt.date | None:
        settings: dict[str, object] = {"PREFER_DATES_FROM": "past", "PREFER_DAY_OF_MONTH": "first",
                                       "DATE_ORDER": "DMY"}
        if reference is not None:
            settings["RELATIVE_BASE"] = dt.datetime.combine(reference, dt.time())
        cleaned = self.suffix.sub(r"\1", text) if self.suffix else text
        for word in self.day_of:
            cleaned = re.sub(rf"\s{re.escape(word)}\s", " ", cleaned, flags=re.IGNORECASE)
        parsed = dateparser.parse(cleaned, languages=[self.language], settings=settings)  # type: ignore[arg-type]
        return parsed.date() if parsed else None

    def relative_date(self, phrase: str, reference: dt.date) -> tuple[dt.date, dt.date | None, TimePrecision]:
        """The day a relative expression points to, the last day its period may be (None: no bound), and its
        precision."""
        spec = self.relative_words.get(phrase.lower())
        if spec is None:  # "three days ago"
            count = next(w for w in re.findall(r"\w+", phrase.lower()) if w.isdigit() or w in self.count_words)
            back = int(count) if count.isdigit() else self.count_words[count]
            return reference - dt.timedelta(days=back), None, TimePrecision.DAY
        precision = PRECISIONS[spec["precision"]]
        if spec.get("weekend"):
            saturday = reference - dt.timedelta(days=(reference.weekday() - SATURDAY) % 7)
            return saturday, saturday + dt.timedelta(days=1), precision
        if spec.get("days_back") is not None:
            day = reference - dt.timedelta(days=int(spec["days_back"]))
        else:
            day = self.parse(phrase, reference) or reference
        day = day.replace(day=1) if precision == TimePrecision.MONTH else day
        return day, (day if spec.get("before_publication") else None), precision


@lru_cache(maxsize=8)
def date_patterns(language: str = BASE_LANGUAGE, override_dir: Path | None = None) -> DatePatterns:
    return DatePatterns(read_data_file("dates.yaml", override_dir, language=language))


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression and what it resolved to (``start is None``: it could not be resolved)."""

    text: str
    start_char: int
    end_char: int
    start: dt.date | None
    end: dt.date | None
    precision: TimePrecision | None
    problem: str | None = None


def _has_year(text: str) -> bool:
    return re.search(YEAR, text) is not None


def find_dates(text: str, *, reference: dt.date | None, offset: int = 0,
               patterns: DatePatterns | None = None) -> list[DateMention]:
    """Every date expression in ``text``; ``offset`` shifts character positions into the document.
    ``patterns`` are the language's (English when not given)."""
    patterns = patterns or date_patterns()
    _parse = patterns.parse
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in taken)

    def add(match: re.Match[str], start: dt.date | None, end: dt.date | None,
            precision: TimePrecision | None, problem: str | None = None) -> None:
        taken.append((match.start(), match.end()))
        found.append(DateMention(match.group(0).strip(), offset + match.start(), offset + match.end(),
                                 start, end, precision, problem))

    for m in patterns.range.finditer(text):
        year = m.group("year")
        first, second = m.group("a"), m.group("b")
        if year is None and not _has_year(first) and reference is None:
            add(m, None, None, None, f"date range {m.group(0)!r} has no year and the article no date")
            continue
        end_text = f"{second} {year}" if year else second
        end = _parse(end_text, reference)
        start_text = first if _has_year(first) else f"{first} {year or (end.year if end else '')}".strip()
        start = _parse(start_text, reference)
        if start is None or end is None or end < start:
            add(m, None, None, None, f"impossible date range {m.group(0)!r}")
        else:
            add(m, start, end, TimePrecision.DAY)
    for m in patterns.day_range.finditer(text):
        if not free(m.start(), m.end()):
            continue
        year = m.group("year") or ""
        if not year and reference is None:
            add(m, None, None, None, f"date range {m.group(0)!r} has no year and the article no date")
            continue
        start = _parse(f"{m.group('d1')} {m.group('m')} {year}".strip(), reference)
        end = _parse(f"{m.group('d2')} {m.group('m')} {year}".strip(), reference)
        if start is None or end is None or end < start:
            add(m, None, None, None, f"impossible date range {m.group(0)!r}")
        else:
            add(m, start, end, TimePrecision.DAY)
    for m in patterns.full.finditer(text):
        if free(m.start(), m.end()):
            day = _parse(m.group(0), reference)
            if day is None:
                add(m, None, None, None, f"impossible date {m.group(0)!r}")
            else:
                add(m, day, None, TimePrecision.DAY)
    for m in patterns.month_year.finditer(text):
        if free(m.start("m"), m.end("y")):
            day = _parse(f"1 {m.group('m')} {m.group('y')}", None)
            add(m, day, None, TimePrecision.MONTH if day else None, None if day else f"bad month {m.group(0)!r}")
    for m in itertools.chain(patterns.month_alone.finditer(text), patterns.month_modifier.finditer(text)
                             if patterns.month_modifier is not None else ()):
        if free(m.start("m"), m.end("m")):
            if reference is None:
                add(m, None, None, None, f"month {m.group(0)!r} has no year and the article no date")
                continue
            first = _parse(f"1 {m.group('m')} {reference.year}", None)
            if first is not None and first > reference:
                first = first.replace(year=first.year - 1)  # the last such month before the article
            add(m, first, None, TimePrecision.MONTH if first else None, None if first else f"bad month {m.group(0)!r}")
    for m in patterns.year_alone.finditer(text) if patterns.year_alone is not None else ():
        year = int(m.group("y"))
        if reference is not None and year < reference.year and free(m.start("y"), m.end("y")):
            # Only a past year dates anything: the article's own year or a later one says no more than its date.
            add(m, dt.date(year, 1, 1), dt.date(year, 12, 31), TimePrecision.MONTH)
    for m in patterns.partial.finditer(text):
        if free(m.start(), m.end()):
            if reference is None:
                add(m, None, None, None, f"date {m.group(0)!r} has no year and the article no date")
                continue
            day = _parse(m.group(0), reference)
            add(m, day, None, TimePrecision.DAY if day else None, None if day else f"impossible date {m.group(0)!r}")
    for m in patterns.weekday_range.finditer(text):
        if free(m.start(), m.end()):
            if reference is None:
                add(m, None, None, None, f"weekdays {m.group(0)!r} cannot be dated: the article has no date")
                continue
            # The first day is the last such day before the article (a report of a battle still going on may
            # name days after its own).
            first, last = (patterns.weekdays.index(m.group(d).lower()) for d in ("d1", "d2"))
            start = reference - dt.timedelta(days=(reference.weekday() - first) % 7)
            add(m, start, start + dt.timedelta(days=(last - first) % 7), TimePrecision.DAY)
    for m in patterns.weekday.finditer(text):
        if free(m.start(), m.end()):
            if reference is None:
                add(m, None, None, None, f"weekday {m.group(0)!r} cannot be dated: the article has no date")
                continue
            back = (reference.weekday() - patterns.weekdays.index(m.group("d").lower())) % 7
            add(m, reference - dt.timedelta(days=back), None, TimePrecision.DAY)
    for m in patterns.relative.finditer(text):
        if free(m.start(), m.end()):
            if reference is None:
                add(m, None, None, None, None)
                continue
            day, last_day, precision = patterns.relative_date(m.group(0), reference)
            add(m, day, last_day, precision)
    return sorted(found, key=lambda d: d.start_char)


class Dates:
    """Every sentence's dates (a date that cannot be resolved is a warning), then every draft's date."""

    name = "dates"
    requires = ("sentences", "drafts", "sentence_attribution")
    adds = ("reference_date", "sentence_dates", "drafts.event_date")

    def __init__(self, patterns: DatePatterns, attributor: Attributor) -> None:
        self.patterns = patterns
        self.attributor = attributor

    def __call__(self, annotated: AnnotatedDocument) -> None:
        document = annotated.document
        reference = document.published_at
        stated = self.stated_publication(document.text)
        line_end = -1
        if stated is not None:
            day, words, line_end = stated
            if day != reference:
                if reference is not None:
                    document.warnings.append(
                        f"published_at {reference.isoformat()} disagrees with the article's own {words!r}: its "
                        f"dates are read against {day.isoformat()}")
                reference = day
        annotated.reference_date = reference
        annotated.sentence_dates = []
        for sent in annotated.sentences or []:
            dates = [d for d in find_dates(sent.text, reference=reference, offset=sent.start_char,
                                           patterns=self.patterns)
                     if d.start_char >= line_end]  # the publication line dates the article, not an event
            for mention in dates:
                if mention.problem and mention.problem not in document.warnings:
                    document.warnings.append(mention.problem)
            annotated.sentence_dates.append(dates)
        for draft in annotated.drafts or []:
            self._date(draft, annotated.sentence_dates[draft.sentence_index], reference)
        if reference is None and any(draft.event.event_date is None for draft in annotated.drafts or []):
            document.warnings.append("events cannot be dated: the document has no publication date and the text gives "
                                     "none for them (give --published-at, a dateline, or a sidecar file)")

    def stated_publication(self, text: str) -> tuple[dt.date, str, int] | None:
        """The day the article says, at or near its start, it was published or last updated, those words, and
        where a publication line ends (0 for a date the text opens with)."""
        if self.patterns.publication is None:
            return None
        head = text[:PUBLICATION_WINDOW]
        # A text that opens with a full date ("Sat Jul 26 2014 ISIL terrorists ...", "12 February 2015 ...") states
        # its date as a dateline does.
        opening = self.patterns.opening.match(head)
        assert opening is not None  # the pattern matches the empty start
        found = self.patterns.full.match(GLUED_YEAR.sub(r"\1 \2", head[opening.end() : opening.end() + 40]))
        day = self.patterns.parse(found.group(0), None) if found is not None else None
        if found is not None and day is not None:
            # The date stays a date of the sentence it opens; only the words of a publication line are set aside.
            return day, f"{opening.group(0)}{found.group(0)}".strip(), 0
        for opener in self.patterns.publication.finditer(head):
            # Scraped pages glue a day to its year ("Apr 152017").
            following = GLUED_YEAR.sub(r"\1 \2", head[opener.end() : opener.end() + 40])
            found = self.patterns.full.match(following)
            if found is None:
                continue
            day = self.patterns.parse(found.group(0), None)
            if day is not None:
                return day, f"{opener.group(0)}{found.group(0)}".strip(), opener.end() + found.end()
        return None

    def _date(self, draft: EventDraft, dates: list[DateMention], published_at: dt.date | None) -> None:
        event = draft.event
        # "the city that has been divided since July 2012": a clause that describes a noun dates that noun's story.
        dates = [d for d in dates if not _in_clause_about_a_noun(draft.trigger.head, d.start_char)]
        resolved = [d for d in dates if d.start is not None]
        # "denied on Wednesday that a strike killed civilians last week": the event is last week.
        own = [d for d in resolved if not self.attributor.is_statement_date(
            draft.sentence, d.start_char, draft.trigger.span.start_char)]
        # "Ten children have been killed in air strikes, a monitoring group said Friday": with no day of its own,
        # the act took place around the day it was told, not on it.
        told_only = not own and bool(resolved)
        resolved = own or resolved
        # "students suspended in March clashed with the police", "kidnapped in April, he was killed": a month alone
        # in another clause dates that clause's act, not the event's.
        resolved = [d for d in resolved if not (d.precision == TimePrecision.MONTH and not _has_year(d.text)
                                                and not _in_clause_of(draft.trigger.head, d.start_char))]
        if resolved:
            anchor = draft.trigger.span.start_char
            best = min(resolved, key=lambda d: abs(d.start_char - anchor))
            event.event_date, event.end_date, event.time_precision = best.start, best.end, best.precision
            if told_only and best.precision == TimePrecision.DAY:
                event.time_precision = TimePrecision.WEEK
            event.date_text = best.text
        elif not dates and published_at is not None:
            # No date in the sentence: a news report is about the days before it, so the week.
            event.event_date, event.time_precision = published_at, TimePrecision.WEEK
        elif dates:
            event.date_text = dates[0].text


def _clause_verb(trigger: Token, char: int) -> Token | None:
    """The verb of the clause the word at ``char`` (in the trigger's sentence) belongs to."""
    word = token_at(trigger.sent, char)
    return verb_above(word) if word is not None else None


def _governs(verb: Token | None, trigger: Token) -> bool:
    return verb is None or verb == trigger or verb.is_ancestor(trigger)


def _in_clause_of(trigger: Token, char: int) -> bool:
    """The word at ``char`` hangs from the trigger's own clause or one that governs it: its nearest verb above it
    is the trigger, or a verb above the trigger ("In November, gunmen killed ...", "late March media reported that
    200 were killed"), not a clause beside it ("classmates suspended in March")."""
    return _governs(_clause_verb(trigger, char), trigger)


def _in_clause_about_a_noun(trigger: Token, char: int) -> bool:
    """The word at ``char`` belongs to a relative clause that describes a noun, not to the trigger's clause; a clause
    that describes the trigger itself tells its story ("an airstrike that released gas on the town on Tuesday")."""
    verb = _clause_verb(trigger, char)
    return verb is not None and verb.dep_ == "relcl" and verb.head != trigger and not _governs(verb, trigger)
