"""Date resolution: date expressions in a sentence, resolved against the publication date.

Expressions are found with patterns (so "May" the month is not confused with "may" the verb)
and parsed with dateparser, relative to the article's publication date. A vague expression
("recently", "last week") never becomes a day: it gets week or month precision, and without a
publication date it stays open.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import dateparser

from conflictlens.model import TimePrecision

MONTHS = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
          r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?")
DAY = r"(?:[0-3]?\d)(?:st|nd|rd|th)?"
YEAR = r"(?:19|20)\d{2}"
MONTH_DAY = rf"(?:{MONTHS}\s+{DAY}|{DAY}\s+(?:of\s+)?{MONTHS})"
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

RANGE = re.compile(
    rf"\b(?:from|between)\s+(?P<a>{MONTH_DAY}(?:,?\s+{YEAR})?)\s*,?\s*(?:to|until|till|through|and|-)\s+"
    rf"(?P<b>{MONTH_DAY})(?:,?\s+(?P<year>{YEAR}))?",
    re.IGNORECASE,
)
DAY_RANGE = re.compile(
    rf"\b(?:from|between)\s+(?P<d1>{DAY})\s+(?:and|to|until|-)\s+(?P<d2>{DAY})\s+(?P<m>{MONTHS})"
    rf"(?:,?\s+(?P<year>{YEAR}))?",
    re.IGNORECASE,
)
FULL = re.compile(
    rf"\b(?:{MONTHS}\s+{DAY},?\s+{YEAR}|{DAY}\s+(?:of\s+)?{MONTHS},?\s+{YEAR}|{YEAR}-\d{{2}}-\d{{2}}|"
    rf"\d{{1,2}}/\d{{1,2}}/{YEAR})\b",
    re.IGNORECASE,
)
PARTIAL = re.compile(rf"\b{MONTH_DAY}\b", re.IGNORECASE)
MONTH_YEAR = re.compile(rf"\b(?:early|late|mid-?|in|during|since|by)?\s*(?P<m>{MONTHS})\s+(?P<y>{YEAR})\b",
                        re.IGNORECASE)
WEEKDAY = re.compile(r"\b(?:on\s+|last\s+|this\s+past\s+)?(?P<d>monday|tuesday|wednesday|thursday|friday|"
                     r"saturday|sunday)\b", re.IGNORECASE)
RELATIVE = re.compile(
    r"\b(?:yesterday|today|last night|this morning|this week|earlier this week|last week|last weekend|"
    r"this month|earlier this month|last month|(?:\d+|two|three|four|five|six|seven|ten)\s+days?\s+ago|"
    r"in recent days|recently|in recent weeks)\b",
    re.IGNORECASE,
)
RELATIVE_PRECISION = {
    "yesterday": TimePrecision.DAY, "today": TimePrecision.DAY, "last night": TimePrecision.DAY,
    "this morning": TimePrecision.DAY, "this week": TimePrecision.WEEK, "earlier this week": TimePrecision.WEEK,
    "last week": TimePrecision.WEEK, "last weekend": TimePrecision.WEEK, "in recent days": TimePrecision.WEEK,
    "this month": TimePrecision.MONTH, "earlier this month": TimePrecision.MONTH,
    "last month": TimePrecision.MONTH, "recently": TimePrecision.MONTH, "in recent weeks": TimePrecision.MONTH,
}
# How far a relative expression points back from the publication date.
RELATIVE_OFFSET_DAYS = {"yesterday": 1, "last night": 1, "last week": 7, "last weekend": 7, "last month": 30}


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


def _parse(text: str, reference: dt.date | None) -> dt.date | None:
    settings: dict[str, object] = {"PREFER_DATES_FROM": "past", "PREFER_DAY_OF_MONTH": "first",
                                   "DATE_ORDER": "DMY"}
    if reference is not None:
        settings["RELATIVE_BASE"] = dt.datetime.combine(reference, dt.time())
    cleaned = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", text, flags=re.IGNORECASE).replace(" of ", " ")
    parsed = dateparser.parse(cleaned, languages=["en"], settings=settings)  # type: ignore[arg-type]
    return parsed.date() if parsed else None


def _has_year(text: str) -> bool:
    return re.search(YEAR, text) is not None


def find_dates(text: str, *, reference: dt.date | None, offset: int = 0) -> list[DateMention]:
    """Every date expression in ``text``; ``offset`` shifts character positions into the document."""
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in taken)

    def add(match: re.Match[str], start: dt.date | None, end: dt.date | None,
            precision: TimePrecision | None, problem: str | None = None) -> None:
        taken.append((match.start(), match.end()))
        found.append(DateMention(match.group(0).strip(), offset + match.start(), offset + match.end(),
                                 start, end, precision, problem))

    for m in RANGE.finditer(text):
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
    for m in DAY_RANGE.finditer(text):
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
    for m in FULL.finditer(text):
        if free(m.start(), m.end()):
            day = _parse(m.group(0), reference)
            if day is None:
                add(m, None, None, None, f"impossible date {m.group(0)!r}")
            else:
                add(m, day, None, TimePrecision.DAY)
    for m in MONTH_YEAR.finditer(text):
        if free(m.start("m"), m.end("y")):
            day = _parse(f"1 {m.group('m')} {m.group('y')}", None)
            add(m, day, None, TimePrecision.MONTH if day else None, None if day else f"bad month {m.group(0)!r}")
    for m in PARTIAL.finditer(text):
        if free(m.start(), m.end()):
            if reference is None:
                add(m, None, None, None, f"date {m.group(0)!r} has no year and the article no date")
                continue
            day = _parse(m.group(0), reference)
            add(m, day, None, TimePrecision.DAY if day else None, None if day else f"impossible date {m.group(0)!r}")
    for m in WEEKDAY.finditer(text):
        if free(m.start(), m.end()):
            if reference is None:
                add(m, None, None, None, f"weekday {m.group(0)!r} cannot be dated: the article has no date")
                continue
            back = (reference.weekday() - WEEKDAYS.index(m.group("d").lower())) % 7
            add(m, reference - dt.timedelta(days=back), None, TimePrecision.DAY)
    for m in RELATIVE.finditer(text):
        if free(m.start(), m.end()):
            phrase = m.group(0).lower()
            if reference is None:
                add(m, None, None, None, None)
                continue
            precision = RELATIVE_PRECISION.get(phrase, TimePrecision.DAY)
            offset_days = RELATIVE_OFFSET_DAYS.get(phrase)
            parsed = reference - dt.timedelta(days=offset_days) if offset_days is not None else _parse(phrase, reference)
            day = parsed or reference
            if precision == TimePrecision.MONTH:
                day = day.replace(day=1)
            add(m, day, None, precision)
    return sorted(found, key=lambda d: d.start_char)

