"""Stage scope: accidents, disasters, background and ordinary crime are not political violence (sentences the project
wrote)."""

import datetime as dt

import pytest


@pytest.mark.parametrize("text", [
    "A two-car accident killed one man and injured four on the highway near Paris, Texas, on Sunday.",
    "The flood killed 12 people in Niamey on Monday, rescuers said.",
    "The Russian rocket lifted off on schedule from the Baikonur cosmodrome on Thursday with a satellite aboard.",
    "A woman was stabbed on Tuesday morning while jogging near Briarcliff Road in DeKalb County, police said.",
    "A man shot dead his neighbour in Kano on Monday after a quarrel over land, police said.",
    # Political words that are not whom the act is done to make nothing political.
    "Two men and a woman were arrested Tuesday after the county sheriff's deputies seized a mobile meth lab.",
    "A 16-year-old was killed in a shooting after a weekend party in Grand Prairie, law enforcement officials said.",
    "A man was arrested by police in Danbury on Monday night and charged with sexual assault, police said.",
    # A score tells a game or a vote.
    "Al-Gaish produced an impressive display to beat Ittihad 4-1 in Doha on Saturday.",
    "The city council in Kano voted 4-1 on Saturday to ban the march.",
])
def test_accidents_disasters_and_ordinary_crime_are_not_events(code, text):
    assert code(text).events == []


@pytest.mark.parametrize("text", [
    # An armed group named or described is political violence whatever the report around it.
    "Gunmen killed 12 villagers near Djibo on Tuesday.",
    # In a report on an insurgency, a killing with no perpetrator named is an unidentified armed group's.
    "Jihadists have stepped up their campaign in the north. Five villagers were killed in Djibo on Tuesday.",
    # A weapon of war is never an accident.
    "A roadside bomb hit a bus near Gao on Monday and the crash killed nine passengers.",
    # A political target makes violence political whoever commits it.
    "Two men assaulted an opposition candidate in Zinder on Friday, injuring him, police said.",
    # A range of a toll, or of days, is no score.
    "Gunmen killed 10-15 villagers near Djibo on Tuesday.",
    "Between January 14-15, gunmen killed five villagers near Djibo.",
    # A satellite suburb, or satellite images, are no space launch.
    "Air strikes were carried out on Thursday in Douma, a satellite suburb of Damascus in Syria, killing 17 people.",
    "Satellite images showed that air strikes destroyed a hospital in Idlib in Syria on Monday, killing ten people.",
])
def test_violence_with_a_conflict_sense_stays(code, text):
    assert any(e.event_type in {"Violence against civilians", "Explosions/Remote violence", "Battles"}
               for e in code(text).events)


def test_what_the_article_dates_weeks_before_its_own_date_is_background(pipeline):
    text = ("Air strikes killed 10 civilians in Raqqa on Saturday, activists said. On March 17 an air strike hit a "
            "building in Mosul, killing dozens of people.")
    result = pipeline.process_text(text, published_at=dt.date(2017, 4, 8))
    assert [(e.place.name, e.event_date) for e in result.events] == [("Ar Raqqah", dt.date(2017, 4, 8))]
    assert any("left out as background" in w for w in result.document.warnings)
    recent = pipeline.process_text("On April 2 an air strike hit a building in Mosul, killing 12 people.",
                                   published_at=dt.date(2017, 4, 8))
    assert [e.event_date for e in recent.events] == [dt.date(2017, 4, 2)]
    # A report that tells only old events (a look back, a late report) keeps them.
    late = pipeline.process_text("On March 17 an air strike hit a building in Mosul, killing dozens of people.",
                                 published_at=dt.date(2017, 4, 8))
    assert [e.event_date for e in late.events] == [dt.date(2017, 3, 17)]
    # The news the article leads with need not be dated by its text.
    lead = pipeline.process_text("At least 10 civilians were killed in coalition air strikes on Raqqa, activists "
                                 "said. Late March media reported that 200 people were killed in air strikes in "
                                 "Mosul.", published_at=dt.date(2017, 4, 20))
    assert [e.place.name for e in lead.events] == ["Ar Raqqah"]


def test_dead_told_right_after_an_act_left_out_as_background_are_its_dead(pipeline):
    text = ("Air strikes killed 10 civilians in Raqqa in Syria on Tuesday, activists said. Human Rights Watch said in a "
            "report Tuesday that US forces failed to avoid civilian casualties in a March 16 airstrike that killed dozens "
            "of people in Aleppo province. Activists said around 40 people mostly civilians were killed in the crowded "
            "mosque in the Jeeneh district.")
    result = pipeline.process_text(text, published_at=dt.date(2017, 4, 18))
    assert [(e.place.name, e.fatalities) for e in result.events] == [("Ar Raqqah", 10)]
    assert any("after an act left out as background" in w for w in result.document.warnings)


def test_policing_in_a_report_without_conflict_is_not_an_event(pipeline):
    for text in ["Officers seized 1,248 bags of heroin and three guns in raids in the city, Hartford police said.",
                 "A DeKalb man has been arrested after police say he tried to rob a woman in a store parking lot."]:
        assert pipeline.process_text(text).events == [], text
    political = pipeline.process_text("Police arrested two opposition activists in Niamey on Monday.").events
    assert [e.sub_event_type for e in political] == ["Arrests"]


def test_police_near_a_death_or_making_an_arrest_over_no_politics_is_no_event(pipeline):
    for text in ["On March 7, police found Kellen Coatney dead at the base of a slippery shed roof in Winona.",
                 "Police have identified a man who was killed in a shooting early Saturday in Kansas City.",
                 "Two officers arrested the pair as they tried to speed away from the parking lot in Kansas City."]:
        assert pipeline.process_text(text).events == [], text
    force = pipeline.process_text("On June 2, policemen shot dead an elderly man in Diffa.").events
    assert [e.event_type for e in force] == ["Violence against civilians"]



def test_a_toll_counted_since_a_day_weeks_ago_is_a_running_total(pipeline):
    total = pipeline.process_text("At least 200 fighters have been killed in Hama province since the offensive began "
                                  "on March 2, the monitor said.", published_at=dt.date(2024, 5, 8))
    assert total.events == []
    assert any("running total" in w for w in total.document.warnings)
    # Counted since a recent day, the toll is of those days' fighting.
    days = pipeline.process_text("Troops killed 47 militants near Gao since Monday, the army said.",
                                 published_at=dt.date(2024, 5, 8))
    assert [(e.event_type, e.fatalities) for e in days.events] == [("Battles", 47)]


def test_a_toll_counted_since_a_start_told_without_a_day_is_a_running_total(pipeline):
    text = ("More than 19 civilians were killed in Eastern Ghouta, Syria, on Sunday. At least 123 civilians have been "
            "killed in the besieged suburb by airstrikes and shelling since the Syrian regime and Russian jets began an "
            "offensive nearly two weeks ago, the Syrian Observatory for Human Rights said.")
    result = pipeline.process_text(text, published_at=dt.date(2024, 5, 8))
    assert [e.fatalities for e in result.events] == [19]
    assert any("running total" in w for w in result.document.warnings)
    days = pipeline.process_text("Clashes have killed 40 fighters in Hama, Syria, since fighting erupted on Monday.",
                                 published_at=dt.date(2024, 5, 8))
    assert [e.fatalities for e in days.events] == [40]
    season = pipeline.process_text("At least 412 people have been killed in and around Kobane, Syria, since "
                                   "mid-September the Syrian Observatory for Human Rights said.",
                                   published_at=dt.date(2024, 10, 8))
    assert season.events == []


def test_a_photos_caption_is_no_event(pipeline):
    text = ("Air strikes killed 21 people in Idlib on Sunday. In this photo taken on Monday, rescuers search the rubble "
            "after an air strike in Aleppo.")
    events = pipeline.process_text(text, published_at=dt.date(2024, 5, 8)).events
    assert [e.place.name for e in events] == ["Idlib"]


def test_an_undated_act_told_in_the_simple_present_is_what_a_party_does_not_an_event(pipeline):
    text = ("Air strikes killed 21 people in Idlib on Sunday. The coalition conducts air strikes in Raqqa every week. "
            "A fighter shoots his weapon in a battle near Azaz. The coalition is conducting air strikes against Daesh "
            "in Syria and Iraq. The opposition faces the Daesh threat while fighting the regime in Aleppo. Government "
            "forces are stepping up chlorine gas attacks near Damascus, the rights group said.")
    events = pipeline.process_text(text, published_at=dt.date(2024, 5, 8)).events
    assert [e.place.name for e in events] == ["Idlib"]


def test_acts_counted_vaguely_in_the_present_perfect_with_no_day_are_a_places_history(pipeline):
    text = ("Air strikes killed 21 people in Idlib on Sunday. The shrine south of Damascus has still been the target "
            "of several attacks claimed by the Islamic State group. The town of Saraqib has seen repeated air strikes.")
    events = pipeline.process_text(text, published_at=dt.date(2024, 5, 8)).events
    assert [e.place.name for e in events] == ["Idlib"]


def test_acts_placed_in_no_time_but_the_past_are_a_partys_history(pipeline):
    text = ("Government forces shelled Douma, Syria, on Saturday, killing three. Islamic State militants have "
            "attacked army checkpoints in Palmyra in the past.")
    events = pipeline.process_text(text, published_at=dt.date(2024, 5, 11)).events
    assert [e.place.name for e in events] == ["Dūmā"]
    # A count over the past hours or days is a report of those days.
    events = pipeline.process_text("At least 50 militants have been killed in the past 24 hours in clashes in Kobani, "
                                   "Syria.", published_at=dt.date(2024, 5, 11)).events
    assert [e.fatalities for e in events] == [50]
    # Acts counted over a week are the week's, no one act.
    events = pipeline.process_text("Rebels carried out 15 suicide car bomb attacks in the Dahiyet al-Assad suburb of "
                                   "Aleppo in Syria during the week, a monitor said.",
                                   published_at=dt.date(2024, 5, 11)).events
    assert events == []


@pytest.mark.parametrize(("text", "published", "expected"), [
    # An act named to compare with the one reported, dated in its sentence to no day, is history (it had taken the
    # day's toll and the Nusra Front as doer).
    ("At least 30 children were killed in a double bombing at a school in Homs, Syria, on Wednesday. The Nusra Front "
     "said it was behind a similar twin bombing in the central city that killed at least 12 people in May.",
     dt.date(2024, 10, 2), [(30, "Unidentified Armed Group (Syria)")]),
    # Dead told with no act of their own after an act left out as history are that act's (they had gone to the day's
    # air strike).
    ("Air strikes killed five people in Idlib, Syria, on Wednesday. The spokesman said the first sites to be visited "
     "will include Khan al-Assal near the Syrian city of Aleppo where the government reported a chemical weapons "
     "attack on March 19. It said at least 26 people including 16 government soldiers were killed.",
     dt.date(2013, 8, 1), [(5, None)]),
    # Acts told by "whenever" they happen are habits.
    ("Syrian and Russian airstrikes killed 70 fighters at a training camp near Al Sukhnah in Homs province on "
     "Wednesday. The camp provided fresh forces for ISIS whenever the group was carrying out attacks on government "
     "positions in Palmyra.", dt.date(2016, 11, 23), [(70, "Military Forces of Syria")]),
])
def test_history_and_habits_beside_the_reports_act_are_no_events(pipeline, text, published, expected):
    events = pipeline.process_text(text, published_at=published).events
    assert [(e.fatalities, e.actor1.name if e.actor1 else None) for e in events] == expected


def test_violence_counted_up_to_now_is_a_running_total(code):
    for text in ("Over 750 people have so far been killed in the ongoing bombing campaign on the city of Aleppo, Syria.",
                 "Government air strikes have killed 300 people in Aleppo, Syria, to date."):
        result = code(text)
        assert result.events == [] and any("running total" in w for w in result.document.warnings)
    events = code("No group has so far claimed the bombing that killed 12 people in Aleppo, Syria, on Monday.").events
    assert [e.fatalities for e in events] == [12]


def test_a_threat_to_act_is_no_act(code):
    assert code("Rebels in northern Aleppo province, Syria, were threatening to strike two Shiite villages on "
                "Monday.").events == []
    assert [e.event_type for e in code("Gunmen threatened the villagers of Tillia, Niger, on Monday.").events] == [
        "Strategic developments"]


def test_a_headline_in_the_present_tells_an_event(pipeline):
    events = pipeline.process_text("Air strikes kill 21 in Idlib", published_at=dt.date(2024, 5, 8)).events
    assert [e.place.name for e in events] == ["Idlib"]


def test_a_web_pages_keyword_list_tells_no_event(pipeline):
    text = ("An Israeli air strike on a village in Quneitra killed five fighters on Wednesday, a monitor said. "
            "Tags Syria Golan Heights Israeli airstrike Hezbollah attack")
    events = pipeline.process_text(text, published_at=dt.date(2024, 5, 8)).events
    assert len(events) == 1 and events[0].place.name != "Golan Heights"


def test_a_web_pages_list_of_other_reports_headlines_tells_no_event(pipeline):
    text = ("Twenty fighters were killed in clashes near Raqqa on Monday. The SDF continue their advance. ... 91 "
            "Related Aid Shortage Led to Catastrophe in Raqqa - Moscow Filmmaker Killed in Ambush Near Raqqa US-Led "
            "Coalition Airstrikes Near Raqqa Killed at Least 84 Civilians")
    events = pipeline.process_text(text, published_at=dt.date(2024, 5, 8)).events
    assert [(e.event_type, e.fatalities) for e in events] == [("Battles", 20)]



def test_an_armed_groups_march_is_no_protest(pipeline):
    text = ("In a highly choreographed sequence earlier in the video terrorists marched at least 18 prisoners said to "
            "be soldiers through the square in Raqqa.")
    events = pipeline.process_text(text, published_at=dt.date(2024, 5, 8)).events
    assert [e.event_type for e in events if e.event_type == "Protests"] == []


def test_violence_told_over_a_span_of_days_with_no_day_of_its_own_is_a_periods_total(code):
    result = code("At least 72 civilians have been killed and over 325 wounded in the bombing on Idlib in Syria over the "
                  "past few days.")
    assert result.events == [] and any("period's total" in w for w in result.document.warnings)
    events = code("Government troops clashed with rebels in Hama, Syria, on Monday after advancing in the past "
                  "weeks.").events
    assert [e.sub_event_type for e in events] == ["Armed clash"]


def test_the_day_a_report_opens_with_is_no_day_of_a_periods_headline_glued_to_it(code):
    result = code("Monday 06 May 2024 48 Villagers Killed in Escalating Shelling on Kidal in Last Four Days. Officials in "
                  "Kidal appealed for help on Monday.")
    assert result.events == [] and any("period's total" in w for w in result.document.warnings)
    # A headline that dates its own act by the opening day is still an event.
    events = code("Monday 06 May 2024 Gunmen Kill 12 Villagers in Attack on Kidal.").events
    assert [(e.fatalities, str(e.event_date)) for e in events] == [(12, "2024-05-06")]


def test_violence_its_month_names_is_that_months_total(code):
    result = code("More than 100 civilians have been killed in April shelling of Kidal, local officials said.",
                  published_at=dt.date(2024, 5, 4))
    assert result.events == [] and any("period's total" in w for w in result.document.warnings)
    # A month that only dates the sentence leaves a dated act alone.
    events = code("In April rebels shelled Kidal killing 10 civilians.", published_at=dt.date(2024, 5, 4)).events
    assert [e.fatalities for e in events] == [10]


def test_a_span_told_as_the_course_of_past_days_is_a_periods_total(code):
    result = code("Over the course of the past week regime forces have carried out repeated attacks on Douma in Syria "
                  "leaving dozens of civilian residents dead or injured.")
    assert result.events == [] and any("period's total" in w for w in result.document.warnings)


def test_a_photos_caption_dated_at_its_end_shows_a_scene_not_an_event(pipeline):
    text = ("Suicide bombers killed 20 people near the Sayeda Zeinab shrine in Damascus on Saturday. An opposition "
            "fighter shoots his weapon in a battle with Daesh as they advance towards Azaz city northern Aleppo "
            "countryside Syria October 11 2016.")
    events = pipeline.process_text(text, published_at=dt.date(2016, 10, 12)).events
    assert [e.place.name for e in events] == ["Damascus"]
    text = ("Suicide bombers killed 20 people near the Sayeda Zeinab shrine in Damascus on Saturday. Members of the "
            "SDF attend the funeral of eight fellow fighters who died during an assault against the IS group in the "
            "town of Manbij on June 24 2016.")
    events = pipeline.process_text(text, published_at=dt.date(2016, 6, 26)).events
    assert [e.place.name for e in events] == ["Damascus"]
    text = "Rebels shelled Azaz in Syria on Monday. Government forces shell the town of Azaz on October 11."
    events = pipeline.process_text(text, published_at=dt.date(2016, 10, 12)).events
    assert [e.event_date for e in events] == [dt.date(2016, 10, 10), dt.date(2016, 10, 11)]
    # A day told with its preposition ("on Sunday") is prose, whatever verb of saying opens the sentence.
    text = ("Rebels and government forces fought in Aleppo, Syria, on Saturday. The Observatory says at least 12 people "
            "were killed when several airstrikes struck Idlib on Sunday.")
    events = pipeline.process_text(text, published_at=dt.date(2016, 6, 13)).events
    assert [e.place.name for e in events] == ["Aleppo", "Idlib"]


def test_violence_spread_over_places_it_does_not_name_is_no_event(pipeline):
    # (An opening line that sums up the body's acts so is left for them to take their doer from.)
    for text in ("Syrian army units inflicted on Saturday heavy losses upon terrorists and destroyed their equipment in "
                 "several areas across the country.",
                 "Government troops clashed with rebels in several areas across the country on Saturday."):
        text = "The army issued a statement on Saturday. " + text
        assert pipeline.process_text(text, published_at=dt.date(2024, 5, 8)).events == []


def test_a_campaigns_toll_since_a_recent_day_is_its_running_total(pipeline):
    text = ("Air strikes killed 21 people in Idlib on Sunday. At least 545 people have been killed in the escalating "
            "bombing campaign on the country's towns and cities since Tuesday, the coalition said.")
    events = pipeline.process_text(text, published_at=dt.date(2016, 11, 21)).events
    assert [(e.place.name, e.fatalities) for e in events] == [("Idlib", 21)]


@pytest.mark.parametrize(("text", "published", "tolls", "left_out_as"), [
    # A toll since a day before an act the report told counts that act.
    ("At least 11 civilians were killed on Thursday in regime air strikes on the town of al-Bab in Syria, a monitor "
     "said. Since Saturday at least 68 civilians have been killed in aerial attacks on the town.",
     dt.date(2015, 7, 16), [11], "running total"),
    # A sentence that sums up the acts told is their total.
    ("Three regime airstrikes hit a public market in the town of Sarmin in Syria on Tuesday killing 10 people. Russian "
     "jets struck the main street in the town of Maarrat al-Numan on Tuesday killing eight people. In total over 40 "
     "civilians were killed in the aerial bombardment that hit at least 11 towns and villages across Idlib on "
     "Tuesday.", dt.date(2016, 12, 7), [8, 10], "their total"),
    # Deaths counted into a total over a country are a running total.
    ("A Russian military helicopter was shot down over Idlib in Syria on Monday killing all five people on board. It "
     "brought the total number of members of the Russian forces killed in Syria to 18.",
     dt.date(2016, 8, 1), [5], "running total"),
    # A toll in the thousands with no day of its own is a running total.
    ("The air force killed at least 10 people in rebel areas east of Damascus on Saturday, the Observatory said. "
     "Meanwhile rebel fire on regime-held areas killed 1102 people, said the Observatory.",
     dt.date(2015, 2, 22), [10], "running total"),
    # The dead a campaign has caused, with no day of their own, are its running total.
    ("An air strike on a market killed at least 21 people in the town of Atareb in Syria on Thursday. The monitor said "
     "the bombing campaign has killed hundreds, mostly civilians.", dt.date(2014, 4, 24), [21], "running total"),
    # The dead of days of acts, with no day of their own, are the period's total.
    ("Three rescue workers were killed in an air strike on the town of Douma in Syria on Friday. The rescuers said that "
     "45 people have been killed in three days of regime attacks on Eastern Ghouta.", dt.date(2017, 11, 18), [3],
     "period's total"),
    # So are those of days of acts a sentence opens on.
    ("Airstrikes on a school in the village of Hass in Idlib, Syria, killed at least 26 civilians on Wednesday, a "
     "monitor said. Seven days of airstrikes across the province had left more than 75 civilians dead, it said.",
     dt.date(2016, 10, 26), [26], "period's total"),
], ids=["since_a_day_before_an_act_told", "sums_up_the_acts_told", "counted_into_a_total_over_a_country",
        "thousands_with_no_day_of_its_own", "a_campaigns_dead_with_no_day", "days_of_acts", "opening_days_of_acts"])
def test_a_total_beside_the_acts_it_counts_is_left_out_with_a_warning(pipeline, text, published, tolls, left_out_as):
    result = pipeline.process_text(text, published_at=published)
    assert sorted(e.fatalities for e in result.events) == tolls
    assert any(left_out_as in w for w in result.document.warnings)


def test_a_toll_since_a_recent_day_after_a_headline_dated_only_by_the_report_is_its_event(pipeline):
    # The headline is the news the toll since Saturday tells, not an act told before it that the toll counts.
    text = ("Syria fighting kills 132 Islamic State fighters: monitor. At least 132 Islamic State militants have been "
            "killed since Saturday in fighting with Kurdish fighters in the northeastern Syrian province of Hasaka, a "
            "monitor said.")
    events = pipeline.process_text(text, published_at=dt.date(2015, 2, 25)).events
    assert [(e.event_type, e.place.admin1, e.fatalities) for e in events] == [("Battles", "Al-Hasakah", 132)]


def test_what_happened_during_the_days_of_a_fight_is_dated_by_them_not_their_total(pipeline):
    text = ("Soldiers mutinied in Niger in May. During the nine days of fighting, a curfew was imposed and one rebel and "
            "one soldier were killed in Diffa.")
    events = pipeline.process_text(text, published_at=dt.date(2024, 5, 30)).events
    assert "Battles" in [e.event_type for e in events]


def test_an_undated_act_told_as_kept_up_is_a_campaign_going_on(pipeline):
    text = ("A suicide bomber killed four people in Qardaha in Syria on Sunday. Warplanes kept pounding rebel areas of "
            "Aleppo city.")
    events = pipeline.process_text(text, published_at=dt.date(2015, 2, 22)).events
    assert [e.sub_event_type for e in events] == ["Suicide bomb"]


def test_an_acts_noun_the_tagger_reads_as_a_present_verb_under_a_passive_past_is_no_habit(pipeline):
    # The tagger reads "airstrikes" as a verb in the present, with "regime" its subject.
    text = ("Jets raided towns in Idlib province on Friday. The medical office said that two people were killed in what "
            "they believed were Assad regime airstrikes on the town of Douma.")
    events = pipeline.process_text(text, published_at=dt.date(2017, 4, 21)).events
    assert (2, "Dūmā") in [(e.fatalities, e.place.name) for e in events]


def test_an_undated_act_told_by_how_often_it_happens_is_no_event(pipeline):
    text = ("Air strikes killed 22 people in the village of Hass in Idlib province on Wednesday. Idlib is the main "
            "opposition stronghold. It has regularly been hit by Syrian and Russian warplanes as well as the US-led "
            "coalition targeting Daesh militants.")
    events = pipeline.process_text(text, published_at=dt.date(2016, 10, 26)).events
    assert [(e.fatalities, e.actor1) for e in events] == [(22, None)]


@pytest.mark.parametrize("caption", [
    "Russian Sukhoi Su-34 fighter-bomber dropping off bombs in the Syrian province of Deir ez-Zor. (Reuters)",
    "A Syrian army tank firing on rebel positions near Aleppo (AFP Photo).",
])
def test_a_photos_caption_with_its_credit_tells_no_event(code, caption):
    events = code("Regime helicopters dropped four barrel bombs on the town of Dael in Daraa, Syria, on Tuesday, killing "
                  f"10 people. {caption} Airstrikes were also reported in Aleppo.").events
    assert sorted(e.place.name for e in events) == ["Aleppo", "Dā‘il"]


def test_a_caption_in_the_simple_present_with_its_credit_tells_no_event(code):
    events = code("Air strikes killed 17 people in a market in the town of Ashara in Deir ez-Zor, Syria, on Tuesday. People "
                  "salvage goods from an aid convoy that was damaged during an air strike in the town of Atareb. (TRT World "
                  "and Agencies) The monitor said the toll may rise.").events
    assert [e.place.name for e in events] == ["Al ‘Ashārah"]


def test_an_act_told_as_going_on_is_a_campaign_not_an_event(code):
    events = code("Air strikes killed 17 people in a market in the town of Ashara in Deir ez-Zor, Syria, on Tuesday. The "
                  "monitor also said on Tuesday that bombing continues in the city of Aleppo on the forty-fifth consecutive "
                  "day.").events
    assert [e.place.name for e in events] == ["Al ‘Ashārah"]


def test_acts_counted_with_no_day_place_target_or_time_are_a_tally_not_an_event(code):
    events = code("Regime warplanes struck the town of Khan Sheikhoun in Idlib on Tuesday, killing 100 civilians. An "
                  "international inquiry found the regime was responsible for three chlorine gas attacks.").events
    assert [e.place.name for e in events] == ["Khān Shaykhūn"]
    # Raids counted with their target and time are one act's.
    one = code("Regime warplanes hit Idlib on Thursday. Russian aircraft carried out four successive raids at dawn on a "
               "hospital on the outskirts of Maarrat Misrin.").events
    assert [(e.actor1.name, e.place.name) for e in one] == [("Military Forces of Russia", "Ma‘arratmişrīn")]


def test_military_works_destroyed_are_the_damage_of_fighting(code):
    events = code("The Syrian army continued its operations in the Jobar neighbourhood of Damascus on Monday, tightening "
                  "the grip on the terrorists and destroying a number of tunnels in the area.").events
    assert [e.sub_event_type for e in events if e.sub_event_type == "Looting/property destruction"] == []
    # Houses set on fire are property destroyed.
    assert [e.sub_event_type for e in code("Militants set fire to houses in the village of Tessit in Mali on "
                                           "Monday.").events] == ["Looting/property destruction"]


def test_a_move_of_a_fight_told_as_going_on_is_its_context_whatever_becomes_of_the_fight(code):
    events = code("Ten Russian raids hit the city of Raqqa in Syria on Thursday, killing at least 30 people. Fighting "
                  "between government forces and rebels in Aleppo has intensified in the past month with both sides "
                  "sending in reinforcements.").events
    assert [e.event_type for e in events if e.event_type == "Strategic developments"] == []


def test_separate_acts_counted_together_then_told_one_by_one_are_their_total(code):
    text = ("Syria air raids kill 25 civilians. Separate air raids in northern Syria by regime aircraft and warplanes of "
            "the US-led coalition killed at least 25 civilians on Friday, a monitor said. Regime aircraft struck a "
            "market in the Tariq al-Bab district of Aleppo, killing 16 people. A coalition raid on the city of Manbij "
            "killed nine civilians.")
    events = code(text, published_at=dt.date(2016, 7, 1)).events
    assert sorted((e.place.admin1, e.fatalities) for e in events) == [("Aleppo", 9), ("Aleppo", 16)]
    # Told alone, the separate acts' toll is still coded.
    events = code("Separate air raids by regime aircraft on Aleppo in Syria killed at least 25 civilians on Friday.",
                  published_at=dt.date(2016, 7, 1)).events
    assert [e.fatalities for e in events] == [25]
