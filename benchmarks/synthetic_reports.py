"""Seeded synthetic news reports of synthetic events, for benchmarks (never for training or tuning).

Each event (kind, day, town, actors, true death toll) is written up by several outlets in different
ways: wire copy with a dateline, a communique, local radio, a paper's summary. Reports vary the
template, the actor's name, the date expression ("on Tuesday", "on 12 March", "yesterday", none),
the toll ("at least 18", "dozens", a figure 30% off), the attribution, and add background or
unrelated sentences and the odd typo. Every report carries its event's ``gold_event`` id.

    python benchmarks/synthetic_reports.py --events 1000 --reports 5000 --seed 7 -o reports.jsonl
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
from dataclasses import dataclass
from pathlib import Path

# Real towns of the central Sahel (name, country, region); enough of them that a month rarely sees two
# events of one kind in one town, as in real data.
TOWNS = {
    "Mali": [("Ménaka", "Ménaka"), ("Gao", "Gao"), ("Ansongo", "Gao"), ("Bourem", "Gao"), ("Kidal", "Kidal"),
             ("Tessalit", "Kidal"), ("Timbuktu", "Timbuktu"), ("Goundam", "Timbuktu"), ("Niafunké", "Timbuktu"),
             ("Mopti", "Mopti"), ("Douentza", "Mopti"), ("Bandiagara", "Mopti"), ("Djenné", "Mopti"),
             ("Bankass", "Mopti"), ("Koro", "Mopti"), ("Ségou", "Ségou"), ("Niono", "Ségou"), ("Macina", "Ségou"),
             ("San", "Ségou"), ("Sikasso", "Sikasso"), ("Koutiala", "Sikasso"), ("Kayes", "Kayes"),
             ("Nioro du Sahel", "Kayes"), ("Koulikoro", "Koulikoro"), ("Kati", "Koulikoro"), ("Tenenkou", "Mopti")],
    "Burkina Faso": [("Djibo", "Sahel"), ("Dori", "Sahel"), ("Gorom-Gorom", "Sahel"), ("Sebba", "Sahel"),
                     ("Arbinda", "Sahel"), ("Ouahigouya", "Nord"), ("Titao", "Nord"), ("Kaya", "Centre-Nord"),
                     ("Kongoussi", "Centre-Nord"), ("Barsalogho", "Centre-Nord"), ("Fada N'gourma", "Est"),
                     ("Diapaga", "Est"), ("Pama", "Est"), ("Bogandé", "Est"), ("Dédougou", "Boucle du Mouhoun"),
                     ("Nouna", "Boucle du Mouhoun"), ("Tougan", "Boucle du Mouhoun"), ("Banfora", "Cascades"),
                     ("Gaoua", "Sud-Ouest"), ("Koupéla", "Centre-Est"), ("Tenkodogo", "Centre-Est")],
    "Niger": [("Tillabéri", "Tillabéri"), ("Ayorou", "Tillabéri"), ("Téra", "Tillabéri"), ("Ouallam", "Tillabéri"),
              ("Filingué", "Tillabéri"), ("Torodi", "Tillabéri"), ("Tahoua", "Tahoua"), ("Tillia", "Tahoua"),
              ("Abalak", "Tahoua"), ("Diffa", "Diffa"), ("Mainé-Soroa", "Diffa"), ("Bosso", "Diffa"),
              ("Agadez", "Agadez"), ("Arlit", "Agadez"), ("Maradi", "Maradi"), ("Zinder", "Zinder"),
              ("Dosso", "Dosso")],
}
DEMONYM = {"Mali": "Malian", "Burkina Faso": "Burkinabe", "Niger": "Nigerien"}
GROUPS = {
    "Mali": [["JNIM", "the al-Qaeda-linked JNIM", "Jama'at Nusrat al-Islam wal-Muslimin"],
             ["Islamic State Sahel Province", "IS Sahel fighters", "the Islamic State in the Greater Sahara"],
             ["Katiba Macina fighters", "the Katiba Macina"]],
    "Burkina Faso": [["JNIM", "the al-Qaeda-linked JNIM", "Jama'at Nusrat al-Islam wal-Muslimin"],
                     ["Ansaroul Islam", "Ansaroul Islam fighters"],
                     ["Islamic State Sahel Province", "IS Sahel fighters"]],
    "Niger": [["Islamic State Sahel Province", "IS Sahel fighters", "the Islamic State in the Greater Sahara"],
              ["JNIM", "the al-Qaeda-linked JNIM"], ["Boko Haram", "Boko Haram fighters"]],
}
UNNAMED = ["gunmen", "suspected jihadists", "armed men on motorbikes", "unidentified assailants", "militants"]
OUTLETS = ["Sahel Wire", "AFP", "Reuters", "Associated Press", "Radio Sahel FM", "The Sahel Times", "Daily Nation Mali",
           "Le Sahélien", "Burkina24 English", "Niger Inter", "West Africa Report", "Studio Tamani",
           "Radio Omega", "Aïr Info", "Sahel Intelligence", "The Bamako Post", "Ouaga Daily", "Niamey Journal",
           "Africa Security Monitor", "Conflict Desk"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
NUMBER_WORDS = {2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight", 9: "nine", 10: "ten",
                11: "eleven", 12: "twelve"}
KINDS = ["clash", "attack", "airstrike", "ied", "abduction", "protest"]

LEADS = {
    "clash": ["{perp} attacked an army post in {place} {date}, killing {toll} soldiers, {source}.",
              "{toll_cap} soldiers were killed {date} when {perp} stormed a military base in {place}, {source}.",
              "{army_cap} clashed with {perp} in {place} {date}, and {toll} soldiers died, {source}.",
              "An assault by {perp} on a military camp in {place} left {toll} soldiers dead {date}, {source}.",
              "{source_cap}, {perp} ambushed an army convoy near {place} {date}, killing {toll} troops."],
    "attack": ["{perp} killed {toll} civilians in an attack on {place} {date}, {source}.",
               "{toll_cap} villagers were killed {date} when {perp} raided {place}, {source}.",
               "{source_cap}, {perp} shot dead {toll} people at a market in {place} {date}.",
               "{perp} massacred {toll} residents of {place} {date}, {source}.",
               "At least {toll} civilians died {date} in an attack by {perp} on {place}, {source}."],
    "airstrike": ["A drone strike by {army} killed {toll} militants near {place} {date}, {source}.",
                  "{army_cap} carried out air strikes on {perp} positions near {place} {date}, killing {toll} fighters,"
                  " {source}.",
                  "{toll_cap} fighters of {perp} were killed in an air strike near {place} {date}, {source}.",
                  "{source_cap}, an army drone struck a gathering of {perp} near {place} {date}, killing {toll}."],
    "ied": ["{toll_cap} soldiers were killed when their vehicle hit a roadside bomb near {place} {date}, {source}.",
            "An improvised explosive device killed {toll} soldiers near {place} {date}, {source}.",
            "{source_cap}, a landmine blast near {place} {date} killed {toll} soldiers."],
    "abduction": ["{perp} kidnapped {count} people in {place} {date}, {source}.",
                  "{count_cap} villagers were abducted by {perp} in {place} {date}, {source}.",
                  "{source_cap}, {perp} abducted {count} travellers near {place} {date}."],
    "protest": ["Hundreds of residents protested in {place} {date} against insecurity, {source}.",
                "Demonstrators marched peacefully through {place} {date} to demand better protection, {source}.",
                "{source_cap}, traders in {place} staged a protest {date} over rising attacks on the roads."],
}
FOLLOW_UPS = {
    "clash": ["The attackers withdrew after several hours of fighting.", "Reinforcements were sent to the area.",
              "The army said it had repelled the assault."],
    "attack": ["The assailants burned houses before leaving.", "Survivors fled to the nearest town.",
               "Residents buried the dead the following day."],
    "airstrike": ["The army said the strike targeted a logistics base.", "Several motorbikes were destroyed."],
    "ied": ["Roadside bombs have become common on the region's roads.", "The convoy was escorting supply trucks."],
    "abduction": ["No group has claimed the kidnapping.", "Negotiations for their release were under way."],
    "protest": ["The protest ended without incident.", "Shops were closed during the march."],
}
BACKGROUND = ["The region has been hit by jihadist violence since 2015.", "Thousands of people have fled their homes "
              "in the area this year.", "Humanitarian groups have warned of growing food shortages.",
              "The government has not commented on the incident.", "Mobile networks in the area are often cut."]
SOURCES = ["security sources said", "a local official said", "according to local sources", "residents said",
           "the army said in a statement", "a security source told {outlet}", "witnesses said",
           "a local elected official told {outlet}"]


@dataclass(frozen=True)
class SyntheticEvent:
    gold_event: str
    kind: str
    day: dt.date
    country: str
    town: str
    region: str
    group: list[str]
    toll: int


def make_events(count: int, rng: random.Random) -> list[SyntheticEvent]:
    start = dt.date(2023, 1, 1)
    events = []
    for number in range(count):
        country = rng.choice(list(TOWNS))
        town, region = rng.choice(TOWNS[country])
        kind = rng.choices(KINDS, weights=[5, 5, 3, 2, 2, 1])[0]
        toll = 0 if kind in {"protest", "abduction"} else rng.choice([2, 3, 4, 5, 6, 8, 10, 12, 15, 20, 25, 30, 40])
        events.append(SyntheticEvent(f"E{number:05d}", kind, start + dt.timedelta(days=rng.randrange(730)), country,
                                     town, region, rng.choice(GROUPS[country]), toll))
    return events


def write_report(event: SyntheticEvent, outlet: str, rng: random.Random) -> dict[str, str]:
    delay = rng.choice([0, 1, 1, 1, 2, 2, 3])
    published = event.day + dt.timedelta(days=delay)
    perp = rng.choice(event.group) if rng.random() < 0.75 else rng.choice(UNNAMED)
    army = rng.choice([f"the {DEMONYM[event.country]} army", f"{DEMONYM[event.country]} soldiers",
                       f"the armed forces of {event.country}", f"{DEMONYM[event.country]} troops"])
    toll = _toll_phrase(event.toll, rng)
    count = _number(rng.choice([3, 5, 7, 8, 12, 15, 20]), rng)
    source = rng.choice(SOURCES).format(outlet=outlet)
    values = {"perp": perp, "army": army, "place": _place_phrase(event, rng), "date": _date_phrase(event.day, delay, rng),
              "toll": toll, "count": count, "source": source}
    lead = rng.choice(LEADS[event.kind]).format(**values, toll_cap=_cap(toll), count_cap=_cap(count),
                                                 army_cap=_cap(army), source_cap=_cap(source))
    lead = " ".join(lead.split())
    extra = rng.sample(FOLLOW_UPS[event.kind], k=rng.randint(0, 2)) + rng.sample(BACKGROUND, k=rng.randint(0, 2))
    body = " ".join([_typo(lead, rng), *extra])
    if rng.random() < 0.6:
        body = (f"{event.town.upper()}, {event.country}, {published.strftime('%B')} {published.day}, {published.year} "
                f"({outlet}) - {body}")
    return {"text": body, "outlet": outlet, "published_at": published.isoformat(),
            "url": f"https://example.org/{outlet.lower().replace(' ', '-')}/{event.gold_event}-{rng.randrange(10**9)}",
            "gold_event": event.gold_event}


def generate(events: int, reports: int, seed: int) -> list[dict[str, str]]:
    """``reports`` reports of ``events`` events, between 1 and 9 per event, in a shuffled order."""
    rng = random.Random(seed)
    made = make_events(events, rng)
    counts = [1] * events
    for _ in range(reports - events):
        index = rng.randrange(events)
        while counts[index] >= 9:
            index = rng.randrange(events)
        counts[index] += 1
    out = []
    for event, count in zip(made, counts, strict=True):
        for outlet in rng.sample(OUTLETS, k=count):
            out.append(write_report(event, outlet, rng))
    rng.shuffle(out)
    return out


def _toll_phrase(toll: int, rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.4 or toll < 3:
        return _number(toll, rng)
    if roll < 0.6:
        return f"at least {_number(max(2, toll - rng.randint(0, toll // 3)), rng)}"
    if roll < 0.75:
        return "dozens of" if toll >= 20 else "several"
    return _number(max(2, round(toll * rng.uniform(0.7, 1.3))), rng)


def _number(value: int, rng: random.Random) -> str:
    return NUMBER_WORDS[value] if value in NUMBER_WORDS and rng.random() < 0.5 else str(value)


def _place_phrase(event: SyntheticEvent, rng: random.Random) -> str:
    return rng.choice([event.town, f"the town of {event.town}", f"{event.town} in the {event.region} region",
                       f"{event.town}, {event.country}"])


def _date_phrase(day: dt.date, delay: int, rng: random.Random) -> str:
    options = [f"on {day.day} {day.strftime('%B')}", f"on {day.strftime('%B')} {day.day}", ""]
    if 1 <= delay <= 6:
        options.append(f"on {WEEKDAYS[day.weekday()]}")
    if delay == 1:
        options.append("yesterday")
    return rng.choice(options)


def _typo(text: str, rng: random.Random) -> str:
    """Now and then two letters of a long lower-case word swap places, as in hurried copy."""
    if rng.random() > 0.1:
        return text
    words = text.split(" ")
    candidates = [i for i, w in enumerate(words) if w.isalpha() and w.islower() and len(w) > 6]
    if not candidates:
        return text
    i = rng.choice(candidates)
    word = words[i]
    j = rng.randrange(1, len(word) - 2)
    words[i] = word[:j] + word[j + 1] + word[j] + word[j + 2:]
    return " ".join(words)


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--events", type=int, default=1000)
    parser.add_argument("--reports", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("-o", "--output", type=Path, required=True)
    args = parser.parse_args()
    rows = generate(args.events, args.reports, args.seed)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    print(f"wrote {len(rows)} reports of {args.events} events to {args.output}")


if __name__ == "__main__":
    main()
