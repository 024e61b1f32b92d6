import datetime as dt

import pytest
import spacy
from hypothesis import given
from hypothesis import strategies as st
from spacy.tokens import Doc

from conflictlens.coding.fatalities import FatalityCounter, parse_number
from conflictlens.knowledge import Knowledge


@pytest.fixture(scope="module")
def counter() -> FatalityCounter:
    return FatalityCounter(Knowledge.load().conventions)


def deaths(pipeline, counter, text):  # type: ignore[no-untyped-def]
    sent = next(iter(pipeline.nlp(text).sents))
    return counter.count(sent)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Gunmen killed 12 villagers near Djibo on Tuesday.", 12),
        ("At least 27 soldiers were killed in the ambush, the army said.", 27),
        ("The operation resulted in the neutralisation of several dozen attackers.", 12),
        ("Hundreds of people died when the dam camp was attacked.", 100),
        ("A dozen civilians were executed by the militants.", 12),
        ("The strike caused many deaths including field commanders.", 10),
        ("Between 10 and 15 fighters were killed, sources said.", 10),
        ("Gunmen killed 10-15 people in Tera on Saturday.", 10),
        ("Five soldiers and 12 militants were killed in the clashes.", 17),
        # Lists of dead, however the parser reads them; a person named without a number is one.
        ("3 Nigerian policemen, 1 gendarme and 1 civilian killed in attack on checkpoint in Assamakka.", 5),
        ("Gunmen attacked a vehicle near Agadez, two gunmen and a gendarme were killed and two others wounded.", 3),
        ("Militants attacked an army position near Baroua, ten militants and one soldier was killed in the attack.", 11),
        ("ISWAP attacked an outpost near Chetimari, killing two national guards and a child.", 3),
        ("Militants killed 5 people, 3 of them children, in Tera.", 5),
        # A part told of a whole the sentence opens with counts the part's dead.
        ("Of the 45 civilians killed the highest number of dead were in Qaterji where Russian raids claimed 17 lives "
         "overnight, the monitor said.", 17),
        ("Fighters stormed a base in Djibo, killing at least 20 soldiers, two security sources told Sahel Wire.", 20),
        ("Militants killed a soldier at the checkpoint.", 1),
        ("The death toll rose to 41 after 12 more bodies were found.", 41),
        ("Twenty-five people were killed in the market.", 25),
        # Deaths of another time, told in a clause dated against the event, are not its toll.
        ("Air strikes on Aleppo killed 16 people on Monday, two days after 30 people died in a similar raid.", 16),
        ("Rebels shelled the town on Friday, killing four, a week before 20 died there in clashes.", 4),
        # A part of a count already told ("including ...", "among them ...") is not more dead.
        ("At least 53 civilians including 21 children died when air strikes hit the village.", 53),
        ("Clashes left 23 civilians - including nine children - dead.", 23),
        ("Air strikes killed 12 people, among them at least five children, in the town.", 12),
        # The verb of a toll gives its figure, however far from the word "toll".
        ("The death toll from air strikes on a Syrian town has risen to 61, a war monitor said.", 61),
        # A count before "were injured" counts the injured whatever the parse hangs it on; the dying are not dead.
        ("As well as those killed at least 160 people were injured it said and many were dying even after arriving "
         "at hospitals.", 0),
        # Who lost their lives are the dead, not the injured counted after them.
        ("At least 50 people have lost their lives and 100 others sustained injuries in twin bomb attacks in Homs.",
         50),
        # A monitor that raises the toll gives the act its new one; a participle carries a count on to a total.
        ("A war monitor on Tuesday raised the death toll from air strikes on a market in the town the previous day "
         "to 61.", 61),
        ("Air strikes killed 12 people in the town on Monday, raising the death toll from a week of strikes to 61.", 12),
        # A headline glued to the lead that retells it gives the same count again.
        ("IS car bomb kills 20 in eastern Syria State media Reuters Friday 17 Nov 2017 Print Tweet Views 1662 An "
         "Islamic State car bomb killed 20 people and injured 30 others.", 20),
        # Equal counts under other nouns, one a headline's glued to its lead, are one group told twice; listed
        # together they are two groups.
        ("Air raids kill 31 jihadists NGO At least 31 Islamic State militants were killed in air force raids.", 31),
        ("Five soldiers and five civilians were killed in the ambush near Menaka.", 10),
        # A count of what an injury verb befell is the injured, however near a death word it stands.
        ("One civilian was killed and 13 others were injured in terrorist attacks with shells on Nubbul.", 1),
        ("Gunmen killed three villagers and wounded 12 others in Dogo on Monday.", 3),
        ("Gunmen stormed the village, killing a farmer and injuring three others.", 1),
        ("Militants shelled the neighbourhood, killing two women and wounding five others.", 2),
        # What the death verb did to is its count, however near an injury word it stands.
        ("The militants killed at least one villager and kidnapping two boys.", 1),
        ("Two children killed 5 others injured in terrorist rocket attack in Aleppo.", 2),
        # A toll word that only names whose count it is sums nothing up.
        ("The fighting near the airport claimed the lives of 40 soldiers and 25 rebels according to a monitor's toll.",
         65),
        # An injury word in a headline with a count of its own takes that count, not the one before it.
        ("Kurdish fighters kill 40 Injured 70 jihadists in three days near Kobani.", 40),
        ("Car bomb in Azaz kills 9 wounds 35 activists say.", 9),
        # People taken are not dead; a word that says who the dead were counts no one taken.
        ("French forces raided the camp near Menaka; seven militants were killed and three captured.", 7),
        ("Militants executed 12 kidnapped villagers near the border.", 12),
        ("Daesh kidnapped 900 Executed 18 People in Syrias Aleppo.", 18),
        # One group of dead told twice in a sentence is counted once.
        ("Twenty-six civilians were killed on Monday when warplanes pounded the district of Al-Maghayer in Aleppo, "
         "killing 26 civilians.", 26),
        # What did the killing is not what died.
        ("Two car bombs killed at least 25 people including women and children in a district of Homs.", 25),
        # A total carried on is not the event's count.
        ("Air strikes killed at least 12 civilians in Aleppo on Monday a monitor said bringing to 45 the number "
         "killed in 24 hours of bombardment.", 12),
        # A period's total is no event's toll; a day's ("in the past 24 hours") is.
        ("Government troops repelled six assaults near Hama in the last ten days, killing over 1,500 militants.", 0),
        ("Over the past few weeks 300 civilians died in the bombing of the town.", 0),
        ("At least 25 people were killed in the past 24 hours in Aleppo.", 25),
        ("Russian jets destroyed oil stations and killed 77 militants during past week.", 0),
        ("Clashes among rival militant groups near Raqqa in less than two weeks have killed over 150 fighters.", 0),
        ("135 civilians killed in escalating bombardment on Idlib in last three days.", 0),
        # A span that ranks the act among others ("the second ... in less than two weeks") is no period's total.
        ("Rocket attacks killed five people in Damascus on Thursday in the second heavy bombardment of the capital in "
         "less than two weeks.", 5),
        ("A car bomb killed 30 people in Homs on Sunday, the deadliest attack on the city in the past three months.", 30),
        # A dying verb's dead are its subject, not the count after it.
        ("Five people died and eight others were taken to hospital with breathing difficulties.", 5),
        # People a side lost are its dead; ground or vehicles lost are not.
        ("The government lost more than 40 troops in the militant counter-attack on Sunday.", 40),
        ("The rebels lost 12 of their fighters in the battle for the hill.", 12),
        ("The army lost 3 vehicles and control of the town.", 0),
        # Martyrs are the dead, and the verb's own passive subject is its count however far.
        ("Three fighters from the Popular committees in Syrias Quneitra were martyred as an Israeli drone struck "
         "their position.", 3),
        ("Twenty-five people fell as martyrs including women and children.", 25),
        ("Four policemen, 12 militants and two civilians were killed in an attack on a checkpoint near the town of "
         "Kidal.", 18),
        # A mark before a day is a preposition of the clause, not another time's clause.
        ("Since Wednesday clashes between the two forces have rocked the city leaving 23 civilians and 16 fighters "
         "dead the Observatory said.", 39),
        # A question or a lament counts no one.
        ("We do not yet know exactly how many dead there are.", 0),
        ("Too many lives have been lost in this war.", 0),
        # Nor does a page's list of other reports' headlines.
        ("Five soldiers were killed on Monday ... 01 Related Coalition Airstrikes Near Raqqa Killed at Least 84 "
         "Civilians Daesh Shells Deir ez-Zor", 5),
        # The figure a toll's verb gives is the toll, however near the injured.
        ("The death toll from the terrorist attacks on neighborhoods in Aleppo city rose to 12 people in addition to "
         "more than 200 others injured, the reporter said.", 12),
        ("Death toll from terrorist attacks on Aleppo rises to 12 with over 200 injured.", 12),
        ("Two soldiers were killed and four others wounded.", 2),
        # The bodies found are among the dead the sentence counts, not more of them.
        ("A rescue worker said at least 32 people were killed in the town during the raids, with 18 bodies pulled "
         "from flattened buildings in the old quarter.", 32),
        # Bodies are the dead when nothing else counts them.
        ("Rescuers recovered 12 bodies after the air strike on the market.", 12),
        # A clause dated against the event, however the parse hangs it, tells another act's dead.
        ("Army tanks shelled the town on Monday killing four civilians residents said a day after rights groups said "
         "security forces killed 80 there.", 4),
        # A part mark closes the last of the groups listed before it.
        ("The fighting claimed the lives of 129 loyalists and 116 rebels including a rebel commander according to the "
         "monitor.", 245),
        # A part of the injured is no count of the dead.
        ("A 5-year-old child was killed and six other civilians including three children (5-8 years) were injured.", 1),
        # A vague count of places counts no one; the life a verb claims is of the person after it.
        ("The terrorists fired rocket shells on many neighbourhoods claiming the life of a person and injuring 16 "
         "others.", 1),
        # The people, or the bare count, an act claimed are its dead.
        ("A car bomb rocked the Barzeh neighbourhood on Tuesday claiming eight and injuring 14 citizens.", 8),
        # A headline's count right before an injury word is the injured, not the dead's doers' victims.
        ("Eight Civilians Killed 14 Injured in Terrorist Bombing in Damascus.", 8),
        # A count of strikes counts no one, however the parse loses the dead's own count.
        ("In Jassem in the southern province of Daraa 16 civilians were killed in four air strikes while 25 were "
         "wounded said the monitor.", 16),
    ],
)
def test_counts(pipeline, counter, text, expected):
    assert deaths(pipeline, counter, text)[0] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Malian forces suffered many casualties near Tinzaouatene.",
        "Dozens were wounded when the shell hit the market.",
        "The army advanced hundreds of kilometres toward Kidal.",
        "Soldiers isolated hundreds of rebels near the town.",
    ],
)
def test_no_deaths_without_a_death_word(pipeline, counter, text):
    assert deaths(pipeline, counter, text) == (0, None)


def test_vague_count_keeps_its_words(pipeline, counter):
    assert deaths(pipeline, counter, "The raid left several dozen attackers dead.") == (12, "several dozen")


@pytest.mark.parametrize(("text", "value"), [("1,200", 1200), ("twenty-five", 25), ("two hundred", 200),
                                             ("two dozen", 24), ("three thousand", 3000), ("dead", None)])
def test_parse_number(text, value):
    assert parse_number(text) == value


@given(st.integers(min_value=0, max_value=10_000_000))
def test_parse_number_digits_round_trip(n: int):
    assert parse_number(f"{n:,}") == n


def test_injured_are_not_counted_as_dead(pipeline, counter):
    text = "According to the communique, two soldiers were killed and four others wounded in the clashes."
    assert deaths(pipeline, counter, text) == (2, "two")


@pytest.mark.parametrize("text", ["175 Nusra Terrorists Killed Injured in Castello Road in Aleppo",
                                  "At least 20 people were killed or wounded in the attack on the market.",
                                  "Aleppos Civilian Massacre Continues 88 Killed & Injured.",
                                  "Government jets struck the positions near Kafr Nabl, which ended in the killing or "
                                  "wounding of several fighters."])
def test_one_count_of_the_dead_and_the_injured_together_is_no_toll(pipeline, counter, text):
    assert deaths(pipeline, counter, text)[0] == 0


def test_a_vague_count_of_the_injured_is_not_a_toll(pipeline, counter):
    text = "Two soldiers were killed and many others were wounded in the attack."
    assert deaths(pipeline, counter, text) == (2, "Two")


def test_one_person_named_as_the_victim_is_one_death(code):
    cases = {
        "On December 17, militants killed a herdsman in the area of Toumour.": 1,
        "On June 2, suspected policemen shot dead an elderly man in Diffa.": 1,
        "On September 18, unknown gunmen assassinated the village chief in Bosso.": 1,
        "On September 6, gunmen wounded a merchant in Diffa; he succumbed to his wounds a week later.": 1,
        "On June 8, militants attempted to assassinate a man in Diffa; the victim was severely wounded.": 0,
        # A page's share count run into the lead counts no one: the noun after it has its own article.
        "Get short URL 0 745 A man was killed after terrorists shelled the centre of Hama on Sunday, local media "
        "reported.": 1,
    }
    assert {text: code(text).events[0].fatalities for text in cases} == cases


def test_a_wars_running_total_is_no_events_toll(code):
    result = code("Government air strikes killed more than 320,000 people in Aleppo in the war on Monday.")
    assert [e.fatalities for e in result.events] == [0]
    assert any("above max_event_fatalities" in w for w in result.document.warnings)


def test_a_count_stands_before_the_noun_it_counts(counter):
    """A headline run into its byline, as the parser read one: "Kill 3 Civilians - ... Middle East 2159" hangs both
    numbers on "East"; the clock after the noun is no count of the dead. The parse is built by hand, so the test
    holds whatever a model version reads."""
    words = ["Rebels", "Kill", "3", "Civilians", "Middle", "East", "2159"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=[1, 1, 5, 5, 5, 1, 5],
              deps=["nsubj", "ROOT", "nummod", "compound", "compound", "dobj", "nummod"],
              lemmas=["rebel", "kill", "3", "civilian", "middle", "east", "2159"],
              pos=["NOUN", "VERB", "NUM", "PROPN", "PROPN", "PROPN", "NUM"],
              tags=["NNS", "VBP", "CD", "NNPS", "NNP", "NNP", "CD"], sent_starts=[True] + [False] * 6)
    assert counter.count(doc[:]) == (3, "3")


@pytest.mark.parametrize(("text", "expected"), [
    ("At least 48 people were killed in the village when the troops executed six families of rebel fighters.", 48),
    ("Gunmen shot dead three households in the hamlet overnight.", 0),
])
def test_a_count_of_families_is_no_count_of_the_dead(pipeline, counter, text, expected):
    assert deaths(pipeline, counter, text)[0] == expected


def test_two_people_named_together_are_two_dead(pipeline, counter):
    assert deaths(pipeline, counter, "A woman and child were killed after terrorists shelled the centre of the city.") \
        == (2, "woman; child")


@pytest.mark.parametrize(("text", "expected"), [
    ("Fri 07 Apr 2017 at 0914 Homs governor says the attack caused deaths.", 0),
    ("The bombing at 2130 killed two people.", 2),
    ("Troops killed 1200 militants in the offensive.", 1200),
    ("Four suicide bombers attacked the outpost at around 415 am and their bodies lie there said the commander.", 0),
    ("Shelling hit the district until 130 a.m. killing three people.", 3),
])
def test_a_clocks_time_is_no_count(pipeline, counter, text, expected):
    assert deaths(pipeline, counter, text)[0] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Scraped text without commas: the parse hangs the figure on the next noun, the toll's "to" keeps it.
    ("The death toll from the truck bomb on the market has risen to at least 57 a local official said Monday.", 57),
    ("The toll of the blast rose to 23 an aid group said.", 23),
    # The injured of a clause under the toll's verb are no figure of the toll.
    ("Medics warned the death toll could rise further as dozens more were wounded in the blast.", 0),
])
def test_the_figure_a_tolls_verb_gives(pipeline, counter, text, expected):
    assert deaths(pipeline, counter, text)[0] == expected


def test_another_tellers_higher_toll_does_not_replace_the_lowest_credible_one(code):
    events = code("Syrian government air strikes on opposition-held neighbourhoods of Aleppo killed at least 15 civilians "
                  "and injured 20 on Wednesday, a monitor said. The Observatory said at least 10 of the dead came in "
                  "strikes just outside a hospital in the Shaar neighbourhood. Rescue workers responding to the attacks "
                  "gave a higher toll of 23 dead. The northern city has seen an uptick in violence in the last 48 hours. "
                  "Regime forces are pounding opposition-held eastern parts of the city with strikes from the air.").events
    assert [e.fatalities for e in events] == [15]


def test_a_toll_that_rose_is_taken_over_the_first_one(code):
    events = code("Syrian government air strikes on opposition-held neighbourhoods of Aleppo killed at least 15 civilians "
                  "on Wednesday, a monitor said. The toll from the strikes later rose to 23 dead.").events
    assert [e.fatalities for e in events] == [23]


def test_another_tellers_count_of_a_counted_act_is_a_rival_not_an_update(code):
    events = code("Airstrikes on two villages near Manbij in Syria killed at least 85 civilians on Tuesday, activists said. "
                  "The Daesh-linked Aamaq news agency claimed 160 civilians were killed in the strikes.").events
    assert [e.fatalities for e in events] == [85]
    events = code("Airstrikes on two villages near Manbij in Syria killed at least 85 civilians on Tuesday, activists said. "
                  "The Observatory said the toll had risen to 90 in the strikes.").events
    assert [e.fatalities for e in events] == [90]


def test_an_act_told_in_a_clause_its_time_mark_opens_keeps_its_dead(code):
    """With no act in the main clause, the act the sentence tells is the one "after" dates, and its dead count."""
    events = code("Gunmen fled after killing three villagers near Bankass in Mali on Tuesday.").events
    assert [e.fatalities for e in events] == [3]
    # Another act's dead that a main clause's act is dated against still do not.
    events = code("Soldiers clashed with militants near Bankass in Mali on Tuesday, two days after gunmen killed three "
                  "villagers there.").events
    assert [e.fatalities for e in events] == [0]


def test_the_dead_of_a_fight_are_not_those_of_the_shelling_its_sentence_tells(code):
    """Deaths told as in an act of the other violent kind belong to that act: a shelling is not given the troops
    killed in the day's fighting, nor a battle the civilians killed in air strikes."""
    events = code("At least one man was killed by regime shelling in Aleppo in Syria on Monday while clashes raged on "
                  "the city's front lines, the group said, adding that 11 troops were killed in Monday's fighting.").events
    assert [(e.sub_event_type, e.fatalities) for e in events
            if e.event_type == "Explosions/Remote violence"] == [("Shelling/artillery/missile attack", 1)]
    events = code("Clashes between rebels and the army in Daraa in Syria killed 12 fighters on Monday while air strikes "
                  "on the town killed five civilians.").events
    assert [(e.event_type, e.fatalities) for e in events if e.event_type == "Battles"] == [("Battles", 12)]
    # Dead told as in both kinds of act are the act's, whichever the sentence tells.
    events = code("Five civilians were killed in shelling and clashes in Daraa in Syria on Monday.").events
    assert [e.fatalities for e in events] == [5]


def test_dead_another_act_killed_in_the_same_sentence_are_not_the_acts(code):
    events = code("On Thursday the rebel barrage killed 10 people in Damascus including a child while the government air "
                  "strikes and surface-to-surface missiles fired at Eastern Ghouta in Syria killed at least 82 people.",
                  published_at=dt.date(2015, 2, 6)).events
    assert [(e.sub_event_type, e.fatalities) for e in events] == [("Air/drone strike", 82)]


def test_dead_the_sentence_places_in_another_province_are_not_the_acts(code):
    events = code("Russian warplanes carried out dozens of sorties in Syria during the past week, an army source said. "
                  "The sorties resulted in killing 17 terrorists in the town of Rabia in Lattakia countryside and "
                  "destroying 12 vehicles and killing more than 50 terrorists in Daraa countryside.",
                  published_at=dt.date(2016, 2, 1)).events
    assert [(e.place.admin1, e.fatalities) for e in events] == [("Latakia", 17)]
    # Dead placed in a town of the act's own province are its dead, each town's at its own place (ACLED codes an
    # event per location).
    events = code("Russian warplanes carried out dozens of sorties in Syria during the past week, an army source said. "
                  "The sorties resulted in killing 17 terrorists in the town of Rabia in Lattakia countryside and "
                  "killing 10 more terrorists in the town of Kessab.", published_at=dt.date(2016, 2, 1)).events
    assert sorted((e.place.admin1, e.fatalities) for e in events) == [("Latakia", 10), ("Latakia", 17)]
