import datetime as dt

import pytest

from conflictlens.coding.annotated import AnnotatedDocument
from conflictlens.coding.gazetteer import haversine_km
from conflictlens.model import Document, GeoPrecision


def place_of(code, text):  # type: ignore[no-untyped-def]
    events = code(text).events
    assert events, "no event coded"
    return events[0].place


def places_in(pipeline, text):  # type: ignore[no-untyped-def]
    """Each toponym's text and its place, from the geoparsing stage alone."""
    return {text[span.start : span.end]: place for span, place in pipeline.geoparse(text)}


def annotated_through(pipeline, text, stage, published_at):  # type: ignore[no-untyped-def]
    """The text's annotations up to and including ``stage``."""
    return pipeline.run(AnnotatedDocument(Document(text=text, published_at=published_at)), through=stage)


@pytest.mark.shared
def test_village_resolved_with_admin_names(code):
    place = place_of(code, "Jihadists attacked the village of Tessit on Monday, killing four soldiers.")
    assert (place.name, place.admin1, place.country, place.geo_precision) == ("Tessit", "Gao", "Mali", GeoPrecision.EXACT)


def test_near_lowers_precision(code):
    place = place_of(code, "JNIM fighters ambushed a convoy near Djibo on Sunday, killing 11 soldiers.")
    assert (place.name, place.country, place.geo_precision) == ("Djibo", "Burkina Faso", GeoPrecision.NEAR)


def test_spelling_variants_meet(code):
    place = place_of(code, "Troops clashed with rebels in Menaka on Monday.")
    assert place.name == "Ménaka" and place.country == "Mali"


def test_directional_region_is_the_admin1(code):
    place = place_of(code, "Burkinabe troops launched an offensive against jihadists in the eastern region.")
    assert (place.name, place.level, place.country) == ("Est", "admin1", "Burkina Faso")


def test_nationwide_measure_is_country_level(code):
    place = place_of(code, "The Malian government decreed a curfew throughout the country on Monday.")
    assert (place.name, place.level, place.geo_precision) == ("Mali", "country", GeoPrecision.AREA)


def test_capitalised_words_are_not_places(code):
    result = code("The Battle for Gao ended when Sources said the army won. Gunmen attacked Gao on Monday.")
    assert {e.place.name for e in result.events} == {"Gao"}


def test_country_context_picks_the_right_namesake(code):
    place = place_of(code, "In Niger, soldiers clashed with militants near Tera on Saturday.")
    assert (place.name, place.country) == ("Téra", "Niger")


def test_an_unknown_place_is_a_recorded_warning_and_keeps_its_name_near_the_known_one(code):
    result = code("Gunmen attacked the village of Zzyqbarou on Monday, killing three herders near Djibo.")
    assert "unknown place 'Zzyqbarou': not in the gazetteer; its events are placed by context " \
           "(import a GeoNames dump that has it)" in result.document.warnings
    place = result.events[0].place
    assert (place.name, place.country, place.admin1, place.geo_precision) == (
        "Zzyqbarou", "Burkina Faso", "Sahel", GeoPrecision.NEAR)
    assert place.geonameid is None


def test_mentions_are_kept_for_review(code):
    result = code("JNIM fighters attacked Djibo on Monday.")
    assert [(m.label, m.text, m.canonical) for m in result.mentions] == [
        ("ACTOR", "JNIM fighters", "JNIM: Group for Support of Islam and Muslims"),  # the name with its head noun
        ("PLACE", "Djibo", "Djibo"),
        ("DATE", "on Monday", "2024-05-06"),
    ]


def test_focus_country_resolves_a_namesake(settings):
    from conflictlens.coding.pipeline import load_pipeline

    text = "Militants abducted a trader in the village of Lada on 3 May 2024."
    focused = load_pipeline(settings.model_copy(update={"focus_countries": ("NE",)})).process_text(text)
    assert focused.events[0].place.country == "Niger"


def test_a_state_named_like_a_country(pipeline):
    text = "Police in Atlanta and Savannah said the storm hit Georgia hardest, while Macon, Georgia, was spared."
    places = places_in(pipeline, text)
    assert (places["Georgia"].country, places["Georgia"].level) == ("United States", "admin1")
    assert places["Macon"].country == "United States"


def test_a_comma_names_the_region_a_town_lies_in(pipeline):
    text = "Officials in Decatur, Ala., and Rome, Ga., said a fire in Paris, Tenn., killed two people."
    places = places_in(pipeline, text)
    assert {name: places[name].admin1 for name in ("Decatur", "Rome", "Paris")} == {
        "Decatur": "Alabama", "Rome": "Georgia", "Paris": "Tennessee"}
    assert (places["Ala."].name, places["Ala."].level) == ("Alabama", "admin1")


def test_a_name_the_gazetteer_lacks_ends_where_a_known_place_after_it_begins(pipeline):
    """Scraped text drops the comma: "the town of Kafr Zaytoun Hama Province" is a village the gazetteer lacks and
    the province it lies in, not one unknown name of four words."""
    text = ("Regime helicopters dropped barrel bombs on Hama on Monday. Fighting went on around Hama city. Jets struck "
            "the town of Kafr Zaytoun Hama Province on Tuesday.")
    places = places_in(pipeline, text)
    assert "Kafr Zaytoun" in places and "Kafr Zaytoun Hama Province" not in places


def test_kafar_heads_one_place_name_as_kafr_does(pipeline):
    """"Kafar Hamra" is one village in rural Aleppo, not Al Hamra in Hama with a stray word before it."""
    text = "The only hospital in the town of Kafar Hamra in northern rural Aleppo was destroyed in air strikes."
    places = places_in(pipeline, text)
    assert [(name, place.name, place.admin1) for name, place in places.items()] == [
        ("Kafar Hamra", "Kafr Hamra", "Aleppo"), ("Aleppo", "Aleppo", "Aleppo")]


def test_a_state_name_means_the_state_not_a_namesake_village(pipeline):
    text = "A case of the disease was found in a dairy cow in central California, the agency said in Maryland."
    places = places_in(pipeline, text)
    assert (places["California"].level, places["California"].admin1) == ("admin1", "California")


def test_a_town_inside_a_region_named_after_it_stays_the_town(pipeline):
    text = "Gunmen attacked a market in Tahoua on Monday."
    places = places_in(pipeline, text)
    assert (places["Tahoua"].level, places["Tahoua"].country) == ("populated_place", "Niger")


def test_other_places_vouch_for_the_region_they_lie_in(pipeline):
    text = "The outbreak spread from Toronto to hospitals across Ontario."
    places = places_in(pipeline, text)
    assert (places["Ontario"].country, places["Ontario"].level) == ("Canada", "admin1")


@pytest.mark.shared
def test_an_unknown_village_keeps_its_name_and_lies_near_its_district_not_its_region(code):
    place = place_of(code, "On 27 April 2020, Nigerien soldiers burned motorbikes in Amarsingue (Tera, Tillaberi).")
    assert (place.name, place.country, place.admin1, place.geo_precision) == (
        "Amarsingue", "Niger", "Tillaberi", GeoPrecision.NEAR)
    assert place.geonameid is None and place.latitude is not None


def test_the_documents_region_picks_the_namesake(pipeline):
    text = "Firefighters from Tyler and Longview helped, and the storm also damaged homes in Paris."
    places = places_in(pipeline, text)
    assert (places["Paris"].country, places["Paris"].admin1) == ("United States", "Texas")
    assert pipeline.geoparse("The summit opened in Paris on Monday.")[0][1].country == "France"


def test_a_district_named_in_the_text_picks_the_namesake_inside_it(pipeline):
    text = "Paris and Henry County are rich in history, and the Henry County class toured Paris on Wednesday."
    places = places_in(pipeline, text)
    assert (places["Paris"].admin1, places["Henry County"].admin1) == ("Tennessee", "Tennessee")


@pytest.mark.shared
def test_a_district_named_like_a_town_does_not_take_the_towns_place(code):
    place = place_of(code, "Police dismantled an arms trafficking network in Agadez and Tchirozerine on Monday.")
    assert (place.name, place.level) == ("Agadez", "populated_place")


def test_long_country_names_are_the_country_not_a_town_called_republic(pipeline):
    text = ("Aid reached the Democratic Republic of the Congo, the Republic of Congo, the Czech Republic "
            "and Côte d'Ivoire.")
    places = places_in(pipeline, text)
    assert places["Côte d'Ivoire"].country_code == "CI"
    assert places["Democratic Republic of the Congo"].level == "country"
    assert {places[name].country_code for name in ("Democratic Republic of the Congo", "Republic of Congo",
                                                   "Czech Republic")} == {"CD", "CG", "CZ"}


def test_states_named_together_are_states_not_namesake_towns(pipeline):
    for text in ("The FDA said cases were reported in California, Oregon, Wyoming and Delaware.",
                 "Health officials in Washington, Oregon and California warned of the outbreak."):
        places = [place for _, place in pipeline.geoparse(text)]
        assert [p.level for p in places] == ["admin1"] * len(places)


def test_streets_and_roads_are_places_without_coordinates_and_hide_the_towns_they_are_named_after(pipeline):
    text = "A truck overturned on Wichita Street near Highway 19 and closed West 11th Street in Charleston on Monday."
    places = places_in(pipeline, text)
    assert {"Wichita Street", "Highway 19", "West 11th Street"} <= set(places)
    assert "Wichita" not in places
    street = places["Wichita Street"]
    assert (street.latitude, street.longitude, street.geo_precision) == (None, None, GeoPrecision.NEAR)
    assert places["Charleston"].latitude is not None


def test_a_region_abbreviation_made_of_initials_is_read_wherever_it_stands(pipeline):
    places = places_in(pipeline, "CHARLESTON, W.Va. -- Flooding closed schools across the county on Monday.")
    # spaCy splits the last full stop off "W.Va."
    assert (places["W.Va"].name, places["W.Va"].level) == ("West Virginia", "admin1")
    assert places["CHARLESTON"].admin1 == "West Virginia"


def test_a_towns_name_ending_a_company_or_a_persons_name_is_not_the_town(pipeline):
    text = "Workers at Consumers Energy and Taco Bell met Matthew Arnold in South Philadelphia on Monday."
    places = places_in(pipeline, text)
    assert not {"Energy", "Bell", "Arnold"} & set(places)
    assert places["Philadelphia"].admin1 == "Pennsylvania"  # "South" places the city: it stays a toponym


def test_a_towns_other_name_ending_a_landmarks_name_is_not_the_town(pipeline):
    text = "President Trump spoke in the Rose Garden of the White House in Washington on Wednesday."
    assert "Garden" not in places_in(pipeline, text)


@pytest.mark.shared
def test_a_two_word_village_presented_as_a_place_keeps_its_words(code):
    place = place_of(code, "On 1 March 2020, presumed ISWAP militants attacked the village of Koulo Koura (Diffa).")
    assert place.country == "Niger"


def test_demonyms_are_country_references_for_geoparsing_but_never_an_events_place(pipeline, code):
    text = "Malian soldiers clashed with militants near Djibo on Monday."
    assert "Malian" not in places_in(pipeline, text)
    references = {text[span.start : span.end]: place for span, place in pipeline.geoparse(text, demonyms=True)}
    assert (references["Malian"].country_code, references["Malian"].level) == ("ML", "country")
    assert place_of(code, text).name == "Djibo"


@pytest.mark.shared
def test_a_namesake_in_the_reports_countries_beats_a_bigger_one_abroad(code):
    place = place_of(code, "On 23 May 2020, suspected ISWAP/Boko Haram militants pillaged a shop in the village of Lada.")
    assert (place.name, place.country, place.geo_precision) == ("Lada", "Niger", GeoPrecision.EXACT)


@pytest.mark.shared
def test_the_village_of_a_name_is_not_a_city_of_that_name(code):
    place = place_of(code, "On 23 September 2019, unknown gunmen attacked the village of Bima and shot a man dead.")
    assert place.country_code != "ID" and place.level == "populated_place"


def test_an_old_name_of_a_capital_that_is_a_citys_own_name_is_that_city(pipeline):
    assert places_in(pipeline, "Flooding closed schools in Philadelphia on Monday.")["Philadelphia"].country == (
        "United States")
    assert places_in(pipeline, "Shelling hit Kiev on Monday.")["Kiev"].level == "populated_place"


def test_a_place_that_locates_an_organisation_is_not_the_events(code):
    # "London-based", "Human Rights" inside the monitor's name: where the monitor sits, not where the strike was.
    place = place_of(code, "The London-based Syrian Observatory for Human Rights said an air strike killed 12 people "
                           "in Idlib on Monday.")
    assert (place.name, place.country) == ("Idlib", "Syria")
    unplaced = place_of(code, "The London-based Syrian Observatory for Human Rights said an air strike killed 12 people.")
    assert unplaced is None or unplaced.country_code not in {"GB", "UA"}
    # Nor who brokered a thing, the hyphen before the word of describing lost.
    unplaced = place_of(code, "The attack on Monday signalled the end of a Russian-US brokered ceasefire.")
    assert unplaced is None or unplaced.country_code != "US"


def test_an_agencys_initials_are_not_a_town(code):
    # GeoNames knows Sanaa as "Sana"; in capitals the word is the news agency.
    place = place_of(code, "Shelling killed four people in Homs on Sunday, SANA said.")
    assert (place.name, place.country) == ("Homs", "Syria")


def test_a_name_joined_by_an_arabic_article_is_one_name(code):
    place = place_of(code, "Government forces shelled Deir ez-Zor on Wednesday, killing 28 militants.")
    assert (place.name, place.country) == ("Deir ez-Zor", "Syria")


def test_the_first_word_of_an_unknown_name_is_not_a_town(code):
    # "Tal" of "Tal Hamis" is GeoNames' "At Tall" elsewhere in Syria; the province named beside it is the place.
    place = place_of(code, "Air strikes on the village of Tal Hamis in Hasakah province killed nine people on Tuesday.")
    assert place.name != "At Tall" and place.country == "Syria"


def test_another_spelling_of_a_known_town_in_the_reports_country(code):
    # GeoNames spells it "Al Qāmishlī"; read only among the places of the countries the report points at.
    place = place_of(code, "Government shelling killed two people in Qamishli, Syria, on Tuesday.")
    assert (place.name, place.country) == ("Al Qāmishlī", "Syria")


def test_a_village_the_gazetteer_lacks_keeps_its_name_in_the_region_named_with_it(code):
    place = place_of(code, "Barrel bombs hit the village of Khirbet Zzaqal in Idlib province on Monday, "
                           "killing five civilians.")
    assert (place.name, place.country, place.admin1, place.geonameid) == ("Khirbet Zzaqal", "Syria", "Idlib", None)
    assert place.geo_precision == GeoPrecision.AREA and place.latitude is not None


def test_a_place_the_gazetteer_lacks_near_a_known_town_lies_near_it(code):
    place = place_of(code, "Missiles hit an airfield in Zzarat near Homs on Friday, killing five soldiers.")
    assert (place.name, place.country, place.geo_precision) == ("Zzarat", "Syria", GeoPrecision.NEAR)


def test_a_name_that_modifies_a_thing_is_not_a_town(code):
    place = place_of(code, "Warships fired Tomahawk cruise missiles at an air base in Syria on Friday.")
    assert place.country == "Syria"


def test_a_country_that_acts_is_not_where_the_event_was(code):
    place = place_of(code, "The US launched missiles at an air base near Homs on Friday, killing five soldiers.")
    assert (place.name, place.country) == ("Homs", "Syria")


def test_a_groups_many_countries_do_not_pull_a_namesake_abroad(code):
    # Islamic State is active in Mali too; that share of a vote does not make Mali's Kalassa the place.
    place = place_of(code, "An explosion in the Kalassa district of Damascus killed six people on Sunday, the "
                           "Islamic State group said.")
    assert place.country == "Syria"


def test_a_name_the_report_locates_once_is_that_place_at_every_mention(code):
    # GeoNames has a Hader (al-Hadir) in Aleppo, not the Quneitra village; the second mention says which it is.
    place = place_of(code, "An Israeli drone hit a car in the town of Hader in Syria on Wednesday, killing two "
                           "fighters. Residents said the drone targeted the car at the entrance of Hader in Quneitra "
                           "province.")
    assert (place.name, place.admin1) == ("Hader", "Quneitra")


def test_a_village_the_gazetteer_lacks_lies_where_a_sentence_says_it_lies(code):
    # "Khan Sheikhoun" is another spelling of Khān Shaykhūn; the report's focus is Raqqa, named most.
    place = place_of(code, "An airstrike on the village of Maaret Harmeh in Syria killed 10 people on Tuesday, activists "
                           "said. The village of Maaret Harmeh is close to the town of Khan Sheikhoun. Residents of "
                           "Raqqa said food was scarce in Raqqa, and families left Raqqa.")
    assert (place.name, place.admin1) == ("Maaret Harmeh", "Idlib")


def test_a_namesake_abroad_of_a_village_told_in_a_provinces_countryside_is_not_the_place(code):
    # GeoNames knows "Talarn" as a name of Tallard in France; the text puts the village in Aleppo's countryside.
    for text in ("The army expelled ISIS terrorists from the village of Tal Arn in Aleppo countryside on Monday.",
                 "The army expelled ISIS terrorists from the village of Tal Arn in rural Aleppo on Monday."):
        place = place_of(code, text)
        assert (place.admin1, place.country) == ("Aleppo", "Syria"), text


def test_a_countrys_possessive_without_its_apostrophe(code):
    place = place_of(code, "Air strikes killed 12 civilians in Syrias Aleppo on Monday.")
    assert (place.name, place.country) == ("Aleppo", "Syria")
    # The possessive is no part of the name after it, and the capital whose government is led to act is no place.
    town = place_of(code, "Syria: the truce in Syrias Qamishli city broke down on Friday as clashes escalated, "
                          "leading Damascus to bomb Kurdish positions.")
    assert "Syrias" not in (town.surface or "") and town.name != "Damascus"


def test_a_place_of_another_clause_with_its_own_subject_is_not_the_events(code):
    # Where the fighters went is not where the bomb went off; what a "when" clause tells is the event's own act.
    place = place_of(code, "Syria: a car bomb killed 43 people on Saturday as government troops advanced towards "
                           "Hama.")
    assert place.name != "Hama"
    assert place_of(code, "Syria: five civilians were killed on Monday when air strikes hit Saraqib.").name == "Saraqib"


def test_the_first_word_of_a_name_joined_by_an_article_is_not_the_town_of_that_word(code):
    # "Bab al Salama" (a border crossing; "bab" is "gate") is not the town of Al Bab.
    place = place_of(code, "Syria: a car bomb killed 17 people near the Bab al Salama crossing on Thursday.")
    assert place.name != "Al Bāb"


def test_a_sentence_naming_a_place_of_the_reports_country_means_it_not_a_namesake_abroad(code):
    events = code("Fighting went on across Syria on Saturday. Rockets hit the Sulaymaniyah neighbourhood of "
                  "Aleppo on Saturday, killing two people.").events
    assert {e.place.country for e in events} == {"Syria"}


def test_a_province_spelt_otherwise_is_the_province_and_a_village_in_it_keeps_its_name(code):
    # "Hassakeh" is GeoNames' "Al-Hasakah"; "Human Rights" in the monitor's name places nothing beside it.
    place = place_of(code, "Syria: at least 22 people were killed on Monday in a suicide attack on a wedding party in the "
                           "northeastern province of Hassakeh, the Syrian Observatory for Human Rights said.")
    assert (place.level, place.country) == ("admin1", "Syria") and place.admin1 == "Al-Hasakah"
    village = place_of(code, "Syria: the bombs were dropped on a camp near al-Habeet in the northern province of "
                             "Idlib on Wednesday, killing 20 people.")
    assert (village.name, village.country, village.admin1, village.geonameid) == ("al-Habeet", "Syria", "Idlib", None)


def test_rural_and_countryside_before_a_name_mean_its_province(code):
    place = place_of(code, "Syria: regime airstrikes killed nine civilians in northern rural Homs on Thursday.")
    assert (place.level, place.admin1, place.country) == ("admin1", "Homs", "Syria")


def test_a_name_whose_article_drops_to_a_known_place_keeps_its_own_name(code):
    # "al-Bureij" is not Al Bureij in Gaza: the village lies northeast of Aleppo, by the text.
    place = place_of(code, "Syria: regime aircraft bombed the village of al-Bureij northeast of Aleppo on Tuesday, "
                           "killing 18 civilians.")
    assert (place.name, place.country, place.admin1) == ("al-Bureij", "Syria", "Aleppo")


def test_the_city_a_report_is_filed_from_is_not_its_events_place(code):
    place = place_of(code, "BEIRUT (Reuters) - Air strikes killed 12 people in Idlib on Monday, a monitor said.")
    assert place.name == "Idlib"
    # Scraped text that lost the dateline's punctuation runs the city into the lead.
    place = place_of(code, "Beirut Syrian government air strikes on Tuesday killed at least 39 people in Saraqib.")
    assert (place.name, place.country) == ("Saraqib", "Syria")
    # A scraped page's "Last updated" line before the dateline; a dateline set apart by its capitals.
    place = place_of(code, "Last updated at Jan 20 2015 Beirut Syrian government air strikes on Tuesday killed at "
                           "least 39 people, a monitor said.")
    assert (place.name, place.country) == ("Syria", "Syria")
    place = place_of(code, "Last updated at Oct 03 2017 BEIRUT A US-led coalition air strike killed at least 18 "
                           "civilians on Tuesday in Raqqa, a monitor said.")
    assert (place.name, place.country) == ("Ar Raqqah", "Syria")


def test_a_months_short_name_is_no_place(pipeline):
    assert "Jan" not in places_in(pipeline, "Published Jan 20 2015 Air strikes hit Saraqeb on Tuesday.")


@pytest.mark.parametrize(("text", "name"), [
    ("Syria: rebels fired rockets at al-Baath, the main town of Quneitra province, on Saturday, wounding five people.",
     "al-Baath"),
    # spaCy reads "al-Latamineh" here as a person's name; after "on" in a rocket attack it is the village hit.
    ('Syria: "A woman and her child were killed in a rocket attack by regime forces on al-Latamineh while dozens of '
     'others were wounded," the group said on Tuesday.', "al-Latamineh"),
    # "Gharbiya" alone is an Israeli town's other name; "al-Gharia al-Gharbiya" is one Syrian village's name.
    ("An army unit destroyed a vehicle in al-Gharia al-Gharbiya in Daraa province on Tuesday, killing five "
     "terrorists.", "al-Gharia al-Gharbiya"),
])
def test_a_name_joined_by_its_arabic_article_is_one_place_the_gazetteer_lacks(code, text, name):
    place = place_of(code, text)
    assert (place.name, place.country) == (name, "Syria")


def test_a_headlines_capitalised_words_for_a_weapon_are_no_place(code):
    place = place_of(code, "Syria: 18 Civilians Killed in Barrel Bomb Attack on Rural Aleppo.")
    assert (place.name, place.level) == ("Aleppo", "admin1")


def test_a_name_the_gazetteer_lacks_is_where_the_report_once_located_it(code):
    """"Beit Sahem near Damascus" locates the name for the whole report: the shelling there is near Damascus,
    not at the Idlib town the report is about."""
    events = code("Air strikes killed 28 people in the town of Armanaz in Idlib province on Friday, a monitor said. "
                  "Three other truces have been agreed, in Beit Sahem near Damascus and in Homs. Shelling by "
                  "the army killed at least 21 civilians in Beit Sahem on Saturday, the Observatory said.").events
    beit_sahem = next(e.place for e in events if e.place.name == "Beit Sahem")
    assert haversine_km(beit_sahem.latitude, beit_sahem.longitude, 33.51, 36.29) < 25  # Damascus
    assert [e.place.name for e in events] == ["Armanāz", "Beit Sahem"]


def test_a_region_the_news_names_often_is_a_place_of_its_own(code):
    """Eastern Ghouta, a region cities500 lacks, is in the project's list of reported places: the shelling is
    there, in Rif Dimashq, told as an area, with no other place named to locate it."""
    place = place_of(code, "Shelling by the army killed at least 21 civilians in Eastern Ghouta on Saturday.")
    assert (place.name, place.admin1, place.country, place.geo_precision) == (
        "Eastern Ghouta", "Rif-dimashq", "Syria", GeoPrecision.NEAR)


def test_a_town_told_only_to_say_where_a_region_lies_is_not_the_scene(code):
    """"shelling in Eastern Ghouta ... in the rebel enclave outside Damascus": Damascus says where the enclave
    is; the region named without "near" or "outside" is where the shells fell."""
    place = place_of(code, "Eight people were killed in regime shelling in Eastern Ghouta on Tuesday despite a "
                           "ceasefire in the hunger-hit rebel enclave outside Damascus.")
    assert place.name == "Eastern Ghouta"


def test_a_town_near_another_stays_the_scene_beside_a_province(code):
    """Only a named area (a region) outranks a town told by nearness: beside a province, "near Saraqeb" is where
    the clashes were."""
    place = place_of(code, "Rebels clashed with the army in Idlib province near Saraqeb on Tuesday.")
    assert (place.name, place.geo_precision) == ("Saraqib", GeoPrecision.NEAR)


def test_where_evacuees_set_out_from_is_not_what_the_report_is_about(code):
    """A report on a bombing of evacuees from two villages, that names them more often than the place of the
    blast: an act told with no place of its own is not placed in the villages the evacuees left."""
    events = code("The attack took place as thousands of evacuees from the towns of Foua and Kefraya waited. A "
                  "suicide car bomb hit a convoy of buses carrying civilians out of two besieged towns, killing at "
                  "least 100 people. The evacuees from Foua and Kefraya had waited since Friday at a transit point "
                  "west of Aleppo.", published_at=dt.date(2017, 4, 15)).events
    assert [(e.sub_event_type, e.place.name) for e in events] == [("Suicide bomb", "Aleppo")]


def test_where_people_ran_from_the_fighting_is_not_where_they_were_struck(code):
    """"killed by air strikes as they ran from the fighting in the city of Manbij": Manbij is where they fled from;
    the body's Tokhar, near it, is where the strikes hit, and the opening's "dozens" are the body's 73."""
    events = code("21 Jul 2016 Dozens of villagers have reportedly been killed by coalition air strikes as they ran "
                  "from the fighting in the city of Manbij in Aleppo province. The coalition is looking into reports "
                  "that at least 73 villagers were killed in air strikes early on Tuesday in the village of Tokhar "
                  "near the city of Manbij.", published_at=dt.date(2016, 7, 21)).events
    assert [(e.place.name, e.fatalities) for e in events] == [("Tokhar", 73)]


def test_a_sentence_that_names_no_place_goes_on_where_the_one_before_it_was(code):
    events = code("Air strikes killed 28 people in the town of Armanaz in Idlib province on Friday, a monitor said. "
                  "On Thursday, rebels mounted a counterattack against government forces near the eastern city of "
                  "Deir ez-Zor. At least 128 troops and militiamen were killed on Thursday as the army battled to "
                  "restore control, the Observatory said.").events
    assert [(e.event_type, e.place.name) for e in events] == [
        ("Explosions/Remote violence", "Armanāz"), ("Battles", "Deir ez-Zor")]


@pytest.mark.parametrize(("text", "field", "where"), [
    ("Air strikes killed 11 people in Aleppo on Friday. Another five people were killed in an air raid on the "
     "neighbourhood of Sheikh Said. The monitor said rebel bombardment killed two civilians in the city. "
     "A coalition air strike on Manbij killed nine people. Kurdish fighters have been advancing on Manbij, "
     "and Manbij is expected to fall.",
     "name", ["Aleppo", "Aleppo", "Aleppo", "Manbij"]),
    # A report on Syria turns to an attack in Iraq: the next sentence, naming no place, is still in Iraq, not at the
    # report's focus in Syria.
    ("Turkish artillery shelled Kurdish positions near Azaz in Syria's Aleppo province on Tuesday. The shelling of "
     "Azaz and Tal Rifaat in northern Syria went on all day. Peshmerga fighters shot dead four suicide bombers west of "
     "Kirkuk on Wednesday. The bombers had attacked a Peshmerga base before dawn.",
     "country", ["Syria", "Syria", "Iraq", "Iraq"]),
])
def test_sentences_that_name_no_place_go_on_where_the_last_placed_one_was(pipeline, text, field, where):
    annotated = annotated_through(pipeline, text, "event places", dt.date(2016, 7, 2))
    assert [getattr(d.event.place, field) for d in annotated.drafts] == where


def test_the_act_named_again_is_where_it_was_told_not_where_the_sentence_before_is(pipeline):
    text = ("Islamic State militants attacked the town of Tal Abyad in Raqqa province, Syria, on Tuesday. The town lies "
            "north of Raqqa and had been a key supply line. Security sources said the attack was launched on two "
            "fronts.")
    annotated = annotated_through(pipeline, text, "event places", dt.date(2016, 7, 2))
    assert [d.event.place.name for d in annotated.drafts] == ["Tall Abyaḑ", "Tall Abyaḑ"]


def test_the_province_of_a_town_is_placed_at_the_town_but_not_exactly(code):
    event = code("The army killed a commander in heavy clashes in the province of Latakia on Wednesday.").events[0]
    assert event.place.name == "Latakia" and event.place.geo_precision != GeoPrecision.EXACT


def test_a_reports_focus_lies_in_its_country(pipeline):
    text = ("Activists in Syria reported that 75 people died in barrel bomb attacks carried out by the Syrian air force. "
            "The bombs were dropped on a camp in the province of Idlib on Wednesday. "
            "National Security Adviser Harman spoke at the Carnegie Endowment in Washington.")
    annotated = annotated_through(pipeline, text, "places", dt.date(2014, 10, 31))
    assert annotated.focus is not None and annotated.focus.country_code == "SY"


def test_a_reports_focus_is_among_the_places_it_opens_with(pipeline):
    # A background paragraph may name another town more often than the story names its own.
    text = ("At least 24 people were killed on Tuesday in an attack near a refugee camp in Syria, a monitor said. "
            "Militants sneaked into a village in Hasakeh province which houses the camp. "
            "The dead included children. Clashes followed. The monitor gave no more details. "
            "Human Rights Watch on Monday accused government forces of dropping bombs containing nerve agents before "
            "the April 4 attack on Khan Sheikhun. The attack on Khan Sheikhun killed 87 people. Residents of Khan "
            "Sheikhun fled.")
    annotated = annotated_through(pipeline, text, "places", dt.date(2017, 5, 2))
    assert annotated.focus is not None and annotated.focus.admin1 == "Al-Hasakah"


def test_another_spelling_of_a_known_place_must_fit_most_sentences_that_name_it(pipeline):
    # "al-Halk" is spelt like Al Hal, far off in Hasakah: the first sentence places it east of Aleppo, so the second,
    # which names nothing beside it, does not outweigh it.
    text = ("A military source announced that army units established full control over al-Halk area east of Aleppo "
            "city, Syria, on Sunday. The source said the army is chasing down the terrorists who fled al-Halk area.")
    annotated = annotated_through(pipeline, text, "places", dt.date(2016, 11, 27))
    halk = [t for t in annotated.toponyms if t.text == "al-Halk"]
    assert len(halk) == 2 and all(t.unresolved for t in halk)


def test_a_name_the_gazetteer_lacks_listed_after_a_town_is_a_place_of_its_own(code):
    events = code("Government airstrikes hit militant-held areas in Aleppo province on Thursday, including the towns of "
                  "Akhtarin and Ihtimalat.").events
    assert [e.place.surface for e in events] == ["Akhtarin", "Ihtimalat"]
    ihtimalat = events[1].place
    assert ihtimalat.geonameid is None and ihtimalat.admin1 == events[0].place.admin1


def test_a_country_named_as_who_backs_the_act_is_not_its_place(code):
    event = code("Syrian soldiers backed by Lebanons Hezbollah shelled rebel positions in Daraa province on Sunday, "
                 "killing four fighters.").events[0]
    assert event.place is None or event.place.country != "Lebanon"


def test_a_direction_before_a_country_is_part_of_that_country(code):
    event = code("21 Civilians Killed in Coalition Attacks in Northern Syria. Airstrikes by coalition fighter jets killed "
                 "at least 21 civilians in territories held by militants on Monday.").events[0]
    assert event.place.country == "Syria" and event.place.name != "Northern"


def test_a_day_after_a_name_is_no_part_of_it(code):
    event = code("Syrian tanks shelled the central city of Hama Monday, killing four civilians, residents said.").events[0]
    assert event.place.surface == "Hama"


def test_a_city_before_an_agency_and_a_day_is_a_byline(code):
    events = code("Russian strikes kill 120 fighters in Syria Moscow AFP Saturday 7 Oct 2017 Russian air strikes killed "
                  "120 fighters in Deir ez-Zor on Friday.").events
    assert events and all(e.place.name != "Moscow" for e in events)
    # The place a headline ends on, after its preposition, is the headline's, whatever byline follows it.
    events = code("Turkish military says 31 IS militants killed in northern Syria Reuters Sunday 9 Oct 2016 Syrian "
                  "rebels backed by Turkish tanks pushed towards Dabiq. Turkey shelled Kurdish positions near Kilis "
                  "in Turkey on Sunday.").events
    assert events[0].place.country == "Syria"


def test_the_country_a_border_is_shared_with_is_the_side_the_report_is_not_on(code):
    event = code("At least 24 people were killed on Tuesday in a Daesh attack near a refugee camp on the Syrian side "
                 "of the border with Iraq, a monitor said.").events[0]
    assert event.place is None or event.place.country != "Iraq"


def test_a_name_after_who_holds_it_is_introduced_by_the_word_before_them(code):
    events = code("Air strikes hit rebel-held Atareb in Aleppo province, Syria, on Monday, killing 29 civilians.").events
    assert [e.place.name for e in events] == ["Al Atārib"]


@pytest.mark.parametrize(("text", "country"), [
    ("A blast at the Syria-Turkey border killed 20 rebels on Thursday, a monitor said.", "Syria"),
    ("Clashes erupted on the Niger-Libya border on Monday, killing five soldiers.", "Niger"),
])
def test_of_a_border_named_by_the_two_countries_it_parts_the_second_is_the_side_shared(code, text, country):
    events = code(text).events
    assert [e.place.country for e in events] == [country]


def test_a_village_abroad_that_only_its_own_name_vouches_for_is_no_reading_in_a_report_on_another_country(code):
    events = code("Syrian army units killed dozens of terrorists in Homs and Hama provinces on Tuesday, SANA said. A "
                  "number of terrorists were killed on the road between al-Gajar and al-Rastan in Homs countryside. "
                  "Other units destroyed terrorist positions in Talbiseh and Kafr Nabudah in Hama countryside.").events
    assert events and all(e.place.country == "Syria" for e in events)


def test_where_the_attackers_came_from_is_not_where_they_attacked(code):
    event = code("Militants who came from Mosul attacked an army post in Deir ez-Zor on Monday, killing five "
                 "soldiers.").events[0]
    assert event.place.name == "Deir ez-Zor"


def test_a_capital_of_a_country_the_report_names_is_that_capital_whatever_the_other_places(pipeline):
    places = places_in(pipeline, "The White House in Washington said the US would act, and Texas and Ohio lawmakers "
                                 "agreed. Russia objected. In Moscow, the foreign ministry called the US strike "
                                 "illegal.")
    assert places["Moscow"].country == "Russia"



def test_where_the_people_come_from_is_not_where_the_act_happened(code):
    evacuees = place_of(code, "A suicide car bomb hit buses carrying evacuees from the villages of Zahra and Nubl on "
                              "the western edge of Aleppo on Saturday, killing 40 people.")
    assert evacuees.name == "Aleppo"
    fighters = place_of(code, "Fighters from Idlib attacked army positions in Hama on Monday, killing 12 soldiers.")
    assert fighters.admin1 == "Hama"


def test_a_town_after_its_countrys_possessive_and_a_direction_is_placed_by_the_words_before(code):
    # spaCy reads "Syrias Afrin" as a person's name; "in northern" before the possessive places it.
    place = place_of(code, "Kurdish fighters destroyed an armoured carrier in northern Syrias Afrin on Thursday.")
    assert (place.name, place.country) == ("‘Afrīn", "Syria")


def test_a_countrys_initials_name_it_only_in_capitals_and_a_headlines_city_is_no_part_of_the_name(pipeline):
    places = places_in(pipeline, "Syria Five Civilians Killed in Terrorist Car Bomb Attack in Qamishli City. Five "
                                 "civilians were killed in Qamishli on Friday, and two in the CAR.")
    assert {text: place.name for text, place in places.items()} == {
        "Syria": "Syria", "Qamishli City": "Al Qāmishlī", "Qamishli": "Al Qāmishlī", "CAR": "Central African Republic"}


def test_an_outlets_name_is_no_place(pipeline):
    places = places_in(pipeline, "Regime snipers killed a civilian in Aleppo on Thursday, an activist told The New "
                                 "Arab, and the Jordan Times said the same.")
    assert set(places) == {"Aleppo"}


def test_where_a_speaker_said_it_is_not_where_it_happened(code):
    event = code("Syrian opposition leaders said in Turkey that a chemical attack on Douma killed 300 people on "
                 "Wednesday.").events[0]
    assert event.place.name == "Dūmā"
    # An act claimed is placed by the words hung on the claim.
    events = code("The Islamic State group claimed the car bomb attack in Damascus on Tuesday that killed 5 "
                  "people.").events
    assert [e.place.name for e in events] == ["Damascus"]


def test_a_neighbourhood_is_in_the_reports_country_not_a_city_abroad_of_its_name(code):
    events = code("An army unit clashed in Syria on Tuesday with an armed group of al-Qaeda whose members tried to "
                  "infiltrate from Sana neighborhood to Rasafa neighborhood, leaving most of them dead.").events
    assert [e.place.country for e in events] == ["Syria"]


def test_where_fighters_come_from_and_a_kind_of_place_alone_are_no_scene(code):
    events = code("Fighting raged near Aleppo in Syria. The army killed 50 militants on Sunday including foreign "
                  "combatants from Chechnya (Russia).").events
    assert {e.place.country for e in events} == {"Syria"}
    events = code("Six killed in Airstrike on Village in Syria Belgian F-16 Jets in Area.").events
    assert [e.place.name for e in events] == ["Syria"]


def test_a_country_a_passive_report_names_is_where_it_happened(code):
    events = code("Kurdish fighters battled militants in Kobane, Syria, on Monday. In Iraq meanwhile at least 17 "
                  "people were reported killed when a suicide bomber attacked a post watching the Tigris River late "
                  "Monday.").events
    assert [e.place.country for e in events] == ["Syria", "Iraq"]


def test_the_village_a_later_sentence_places_the_act_in_is_its_place(code):
    events = code("An air strike killed five medics at a clinic in a village near Syrias second city Aleppo on Tuesday. "
                  "The clinic in the village of Khan Tuman was levelled in the strike, the group said.").events
    assert [e.place.name for e in events] == ["Khan Tuman"]
    events = code("At least 53 civilians died on Sunday when Russian air strikes hit residential buildings in a village "
                  "held by Islamic State militants in Syria. The Observatory said the strikes hit the village of "
                  "Al-Shafah in Deir az-Zour province.").events
    assert [(e.place.name, e.place.admin1) for e in events] == [("Al-Shafah", "Deir ez-Zor")]


def test_a_headlines_capitalised_word_of_death_ends_a_place_name(code):
    events = code("Kurdish-led forces foiled a large-scale attack near the town of Manbij Killing 80 Terrorists in "
                  "Syria on Saturday.").events
    assert [e.place.name for e in events] == ["Manbij"]


def test_a_name_before_a_word_for_a_part_of_a_country_is_a_place(code):
    events = code("A car bomb killed 20 people at a site for displaced families near the city of Deir al-Zor in Syria on "
                  "Friday. It said the bombing took place near the al-Jafra area south of the city.").events
    assert [e.place.name for e in events] == ["al-Jafra"]
    events = code("A rebel commander was killed in Jabal al-Torkman region in Latakia province, Syria, on "
                  "Wednesday.").events
    assert [e.place.name for e in events] == ["Jabal al-Torkman"]


def test_where_a_person_holds_a_post_is_no_scene_and_a_region_in_a_province_places_its_village(code):
    events = code("Government troops clashed with rebels in Latakia, Syria, on Wednesday. A rebel commander in Lattakia "
                  "was killed in Jabal al-Torkman region in the Lattakia province on Wednesday.").events
    assert "Jabal al-Torkman" in [e.place.name for e in events]


def test_a_capital_something_befell_is_its_government(code):
    events = code("A Russian military helicopter was shot down over Syria on Monday killing all five people on board in "
                  "the single deadliest incident for Moscow since it intervened in the conflict.").events
    assert [e.place.country for e in events] == ["Syria"]


def test_a_determiner_before_a_kind_of_place_is_no_name(code):
    events = code("Syrian Democratic Forces Liberate Another Village From Daesh Near al-Tabqa in Syria.").events
    assert [e.place.name for e in events] == ["Al-Tabqa"]


def test_a_name_headed_by_a_place_word_is_a_place_whatever_the_tagger_says(code):
    events = code("The hardline Sunni fighters attacked Tel Abyad which is controlled by the Syrian Kurdish YPG militia "
                  "on Saturday, a monitor in Syria said.").events
    assert [e.place.name for e in events] == ["Tall Abyaḑ"]


@pytest.mark.parametrize("text", [
    "The bombing raids were carried out by government warplanes or those of its ally Russia, killing 12 people on "
    "Tuesday.",
    "Twelve people were killed on Tuesday in airstrikes by Damascus ally Russia.",
])
def test_a_country_named_as_a_partys_ally_is_that_party_not_the_place(code, text):
    place = place_of(code, text)
    assert place is None or place.country_code != "RU"


def test_a_peoples_adjective_says_whose_place_the_name_after_it_is(pipeline):
    # No town of Empire, California, in "the British Empire".
    assert set(places_in(pipeline, "The British Empire ruled Egypt.")) == {"Egypt"}


def test_where_a_person_is_from_is_not_where_anything_happened(code):
    events = code("The Russian Aerospace Forces killed 304 Daesh militants near Deir ez-Zor, Syria, on Monday. Seven "
                  "field commanders were killed, including a native of Kazakhstan.").events
    assert [e.place.country for e in events] == ["Syria"]


def test_a_capital_before_its_rulers_is_that_government_not_the_place(code):
    events = code("Airstrikes by the coalition killed 23 civilians in Syria on Wednesday. The coalition has bombed "
                  "targets in Syria since 2014 without any authorization from the Damascus government.").events
    assert events and "Damascus" not in [e.place.name for e in events]


def test_a_capital_a_side_is_tied_to_is_that_party_not_the_place(code):
    events = code("Syrian troops clashed with Nusra Front militants near Tam Hawa in Hama province on Sunday. The troops "
                  "loyal to Damascus established control over the villages following the clashes.").events
    assert "Damascus" not in [e.place.name for e in events]


def test_where_an_act_was_heard_from_and_a_state_as_the_doer_are_no_scene(pipeline):
    # Across the border from the fighting: the town it was heard from is the onlooker's, the country that denies
    # is a state acting, and a town on a country's border with another lies in the first.
    text = ("Islamic State militants attacked a Kurdish-controlled town on Syrias border with Turkey on Saturday. "
            "The militants attacked Tel Abyad, which is held by the YPG militia, before dawn, a YPG spokesman said. "
            "Gunfire was audible from the town of Akcakale for several hours, Turkish security sources said. "
            "The spokesman said some attackers came from the north. Turkey denied the accusations. "
            "Turkey has said it supports no armed group. Turkey has closed its side of the border.")
    events = pipeline.process_text(text, published_at=dt.date(2016, 2, 27)).events
    assert events and {e.place.country for e in events} == {"Syria"}


def test_a_squares_name_is_a_street_not_a_town_of_its_first_word(pipeline):
    doc = pipeline.nlp("Shells fired by militants hit buildings in George Khouri Square in Damascus on Saturday.")
    assert [s.text for s in pipeline.places.street_names(doc)] == ["George Khouri Square"]


def test_a_name_joined_to_its_article_is_looked_up_with_it(code):
    # spaCy reads "al-Bab" as a person's name, and "Bab" alone is no primary name of the town.
    place = place_of(code, "Syria: government helicopters dropped barrel bombs on al-Bab which lies in the northern "
                           "province of Aleppo on Thursday, killing 11 civilians.")
    assert (place.name, place.admin1, place.geonameid) == ("Al Bāb", "Aleppo", 174018)


def test_a_governorate_after_a_name_makes_it_a_place(pipeline):
    # spaCy reads "Aleppo Hama" in the list as a person's name, so "Hama" is also a part of one in the report.
    text = ("MSF reported that the regime targeted a hospital in the northern Hama governorate on Saturday killing two "
            "people. In a new development 17 armed factions in coastal regions Aleppo Hama and Idlib announced that "
            "they agreed to form a military operations room.")
    names = [text[span.start : span.end] for span, _ in pipeline.geoparse(text)]
    assert names[0] == "Hama", names


def test_a_place_after_a_provinces_possessive_lies_in_it(code):
    # The apostrophe lost in scraping: "Idlib provinces Maaret al-Numan" is Idlib province's town.
    place = place_of(code, "At least 11 civilians were killed in Syrian regime airstrikes on a market in Idlib provinces "
                           "Maaret al-Numan on Saturday, a monitor said.")
    assert (place.name, place.admin1) == ("Ma‘arrat an Nu‘mān", "Idlib")


def test_a_place_names_head_word_takes_the_word_after_it_whatever_its_tag(code):
    # "Alnairab" reads to the tagger as a people's adjective: the name is still one, not the town of Al Bab.
    place = place_of(code, "Regime warplanes struck the neighborhood of Bab Alnairab in Aleppo on Tuesday, killing at "
                           "least 25 civilians.")
    assert (place.name, place.admin1) == ("Bab Alnairab", "Aleppo")


def test_a_plural_division_noun_after_a_list_makes_each_name_a_division(code):
    events = code("The army shelled rebel positions in Daraa, Hama, Idlib and Homs provinces on Monday.").events
    assert [(e.place.name, e.place.level) for e in events] == [
        ("Daraa", "admin1"), ("Hama", "admin1"), ("Idlib", "admin1"), ("Homs", "admin1")]


def test_a_departments_or_a_states_possessive_names_an_office_not_a_place(pipeline):
    text = ("Police in Huntsville, Texas, called in the department's Special Response Team on Monday. The state's "
            "African-American Affairs Commission met in Hartford.")
    names = [text[span.start : span.end] for span, _ in pipeline.geoparse(text)]
    assert "Special Response Team" not in names and "African" not in names, names


def test_the_clause_that_tells_when_and_how_the_act_came_about_places_it(code):
    place = place_of(code, "Air strikes in Syria killed up to 22 people mostly children on Wednesday when warplanes "
                           "struck a residential area housing a school complex in the northern rebel-held province of "
                           "Idlib, activists said.")
    assert (place.admin1, place.level) == ("Idlib", "admin1")


def test_a_wires_dateline_in_capitals_with_its_agency_is_no_scene_wherever_the_page_put_it(code):
    text = ("Kurdish-led Syrian Democratic Forces (SDF) killed 35 Daesh militants in northern Syria in the last 24 hours, "
            "media reported Sunday. YouTubeJustInfortheTruth Daesh Suffers No Casualties in MOAB Bombing in Afghanistan "
            "- Reports MOSCOW (Sputnik) According to the Kurdish Firat News Agency 10 IS militants were killed during "
            "fights in the Syrian norther town of Al Tabqah on Saturday night.")
    events = code(text).events
    assert events and all(e.place.country == "Syria" for e in events), [e.place for e in events]


def test_an_offices_name_is_no_place(pipeline):
    text = "The US Department of Defense said on Saturday that a coalition air strike hit Raqqa."
    names = [text[span.start : span.end] for span, _ in pipeline.geoparse(text)]
    assert "Defense" not in names, names


def test_a_peoples_adjective_on_the_kind_of_place_says_the_names_country(code):
    # Foreign forces named beside it say less of where the report is than "the Syrian border town of".
    place = place_of(code, "Fighting raged in the Syrian border town of Kobani on Saturday after the arrival of "
                           "heavily armed Iraqi peshmerga forces.")
    assert (place.name, place.admin1, place.country) == ("‘Ayn al ‘Arab", "Aleppo", "Syria")


@pytest.mark.parametrize("text", ["A bomb blast killed 60 in a Damascus suburb on Friday.",
                                  "A bomb blast killed 60 in the Damascus suburbs on Friday."])
def test_a_towns_suburb_is_around_the_town_not_in_it(code, text):
    place = place_of(code, text)
    assert (place.name, place.geo_precision) == ("Damascus", GeoPrecision.NEAR)


@pytest.mark.parametrize("text", ["17 dead as Al-Qaeda attacks Syria Kurd town on Saturday.",
                                  "On Saturday rebels attacked a checkpoint in a majority Christian area of Homs "
                                  "province in Syria, killing six civilians."])
def test_a_peoples_or_a_faiths_name_is_no_place(code, text):
    assert all(e.place.name not in {"Kurd", "Christian"} for e in code(text).events)


def test_an_acts_noun_a_headline_capitalises_is_no_place(code):
    events = code("Syria: 70 Militants Killed in Clashes with Syrian Army on Thursday.").events
    assert [e.place.name for e in events] == ["Syria"]


@pytest.mark.parametrize("text", ["A suspected chemical attack killed at least 58 people in a rebel-held town in Idlib on "
                                  "Tuesday.",
                                  "Air strikes killed 12 people in a village in Aleppo on Tuesday."])
def test_an_unnamed_town_in_a_province_places_the_event_in_the_province(code, text):
    place = place_of(code, text)
    assert (place.level, place.geo_precision) == ("admin1", GeoPrecision.AREA)


@pytest.mark.parametrize("text", [
    "Syria: militants positioned in Binnish fired mortar shells on the town of Taftanaz on Tuesday, killing two "
    "civilians.",
    "Syria: terrorist groups located in Binnish and Kfar Bessin fired rockets that fell in Taftanaz on Tuesday, "
    "killing two civilians."])
def test_where_the_attackers_are_is_not_where_their_fire_struck(code, text):
    assert place_of(code, text).name == "Taftanāz"


def test_a_name_after_a_part_or_the_lands_of_a_place_is_a_place(code):
    assert place_of(code, "The Syrian army shelled militants on the barrens of Assal al-Ward on Saturday, killing a "
                          "commander.").name == "‘Assāl al Ward"
    assert place_of(code, "Syria: rockets fell in the southwestern part of al-Mashatiyeh on Friday, killing three "
                          "civilians.").name == "al-Mashatiyeh"


def test_a_name_the_gazetteer_lacks_with_no_known_place_beside_it_lies_where_the_report_just_was(code):
    # The report is about Hasaka; the sentence before the strike is in Aleppo.
    events = code("Car bombs kill 20 in Syria's Hasaka. Two car bombs exploded in Hasaka city on Friday, killing 20 "
                  "people, and fighting went on in the south of Hasaka. Meanwhile rebels shelled Aleppo city on "
                  "Saturday. On Sunday regime aircraft bombed al-Mashatiyeh neighbourhood, killing three "
                  "civilians.").events
    assert [(e.place.name, e.place.admin1) for e in events if e.fatalities == 3] == [("al-Mashatiyeh", "Aleppo")]


@pytest.mark.parametrize(("text", "expected"), [
    # A name with the "s" of its lost apostrophe: a person's, or a city's possessive.
    ("Noha and Samira were besieged for two years. As they waited outside Aleppo in Syria a bomb attack hit Nohas bus "
     "killing 20 people on Saturday.", [("Syria", "Aleppo")]),
    ("Turkish jets raided villages in northern Syria in an escalation of Ankaras offensive on Monday.",
     [("Syria", "Syria")]),
    # The country a province borders is not where it is (nor is the unnamed province where the act before was).
    ("Rebels set off a bomb under a checkpoint in Idlib in Syria on Monday. On Monday about 70 rebels were killed in "
     "clashes between two rebel groups in an eastern province bordering Iraq, the Observatory said.",
     [("Syria", "Idlib"), ("Syria", "Syria")]),
    # "ISILs Syria Stronghold": the country's ground; "US air strikes": whose strikes, not where.
    ("US Raids on ISILs Syria Stronghold Kill 22 including Civilians. Six civilians including a child were among at "
     "least 22 people killed in US air strikes on the stronghold of the Takfiri group ISIL (so-called Islamic State in "
     "Iraq and Syria) on Saturday and Sunday a monitor said.", [("Syria", "Syria")]),
])
def test_a_name_that_is_another_names_possessive_or_neighbour_or_owner_is_not_where_it_happened(code, text, expected):
    assert [(e.place.country, e.place.name) for e in code(text).events] == expected


def test_a_road_linking_two_towns_is_one_place(code):
    events = code("Government forces repelled an IS attack on Tuesday on the road linking Homs and Palmyra in Syria.").events
    assert len(events) == 1


def test_a_name_the_gazetteer_lacks_ends_where_an_actors_name_begins(code):
    # "Hassakeh ISIS" is no one name: the city of Hassakeh (a spelling the gazetteer lacks), then the doers; the
    # bombing is not placed at the Raqqa the report opened with.
    events = code("Coalition jets struck Raqqa, Syria, on Sunday. In the remote northeastern city of Hassakeh ISIS "
                  "suicide bombers detonated an explosives-laden truck near a power plant on Sunday.").events
    assert [e.place.admin1 for e in events if e.actor1 is not None and e.actor1.name == "Islamic State (Syria)"] == [
        "Al-Hasakah"]


@pytest.mark.parametrize("second", [
    "Elsewhere in the country, 12 rebels were killed in clashes with IS militants.",
    "On Monday about 40 rebels were killed in clashes between IS and the Nusra Front in an eastern province.",
])
def test_an_act_told_elsewhere_is_not_where_the_act_before_it_was(code, second):
    events = code("Syrian troops shelled the town of Saraqeb in Idlib province on Monday, killing four, the Observatory "
                  f"said. {second}").events
    assert sorted((e.event_type, e.place.name, e.fatalities) for e in events) == [
        ("Battles", "Syria", events[-1].fatalities), ("Explosions/Remote violence", "Saraqib", 4)]
    assert events[-1].fatalities in {12, 40}


def test_a_place_head_word_hyphened_to_its_name_is_one_name(code):
    # "Khan-Arnab" (a spelling the gazetteer lacks) is no town called "Khan" elsewhere: it lies in the province named.
    events = code("Israeli jets struck Syrian army positions in the Khan-Arnab area in Quneitra province, Syria, on "
                  "Friday.").events
    assert [(e.place.name, e.place.admin1) for e in events] == [("Khan-Arnab", "Quneitra")]


def test_every_country_listed_as_an_agent_acts_and_is_no_scene(code):
    events = code("A defiant Syrian regime launched a new assault to retake the whole of the city on Tuesday following the "
                  "collapse of a ceasefire brokered by the US and Russia.").events
    assert [e.place.country for e in events] == ["Syria"]


@pytest.mark.parametrize("text", [
    "Syria: three civilians were killed in Russian airstrikes on Idlibs countryside on Monday.",
    "Syria: Russian jets bombed villages on Idlibs outskirts on Monday, killing three civilians.",
])
def test_a_places_possessive_that_lost_its_apostrophe_is_that_place(code, text):
    # Scraped news drops apostrophes: "Idlibs countryside" is Idlib's, not a place the report named before.
    assert [(e.place.admin1, e.place.country) for e in code(text).events] == [("Idlib", "Syria")]


def test_the_old_city_is_the_part_of_the_city_told_not_a_namesake_abroad(code):
    # Philadelphia's "Old City" is in the gazetteer; in a report on Aleppo the name is Aleppo's old town.
    events = code("Syria: rebels launched an assault on government-held districts of Aleppo on Monday. The Observatory "
                  "said 19 soldiers were killed on Monday when rebels blew up a tunnel in the Old City. The US Secretary "
                  "of State will travel to Moscow this week.").events
    assert {(e.place.name, e.place.country) for e in events} == {("Aleppo", "Syria")}


def test_a_pages_keywords_name_no_scene_of_its_report(pipeline):
    text = ("Tags Syria Zabadani airstrikes A suicide bombing killed six members of Ahrar al-Sham on Tuesday, a monitor "
            "said. Rebels hold the town of Idlib.")
    annotated = annotated_through(pipeline, text, "places", dt.date(2015, 7, 15))
    keywords_end = text.index(" A suicide")
    assert [(t.text, t.not_a_scene) for t in annotated.toponyms] == [("Syria", True), ("Idlib", False)]
    assert all(t.not_a_scene for t in annotated.toponyms if t.end <= keywords_end)


def test_a_pages_keywords_read_as_a_persons_name_leave_the_place_names_in_it_places(code):
    # "Tags Aleppo Idlib Syria", read by the tagger as one person, made "Aleppo" a part of a name everywhere after.
    events = code("Tags Aleppo Idlib Syria education children Three children were killed on Thursday in a rebel rocket "
                  "attack on a school in the Shahba neighbourhood of Aleppo, state news agency SANA reported.").events
    assert [(e.place.admin1, e.place.country) for e in events] == [("Aleppo", "Syria")]


def test_where_the_teller_did_something_is_not_the_acts_place(code):
    events = code("The head of the Syrian Coalition sent a letter of condolence to the Civil Defense Corps in Aleppo "
                  "following the death of five rescue workers in airstrikes by regime forces on a center for the group "
                  "in the town of Al-Atareb on Monday.").events
    assert [e.place.name for e in events] == ["Al Atārib"]


def test_a_city_before_the_plural_of_its_parts_is_the_city(code):
    # "Sana neighborhood" is a part of a town, not Yemen's capital; "Damascus neighbourhoods" are the capital's.
    events = code("Rebel groups fired rockets into Damascus neighbourhoods on Sunday, killing two people.").events
    assert [(e.place.name, e.place.country) for e in events] == [("Damascus", "Syria")]


def test_the_capital_of_something_other_than_the_country_is_not_its_capital(code):
    events = code("Syrian troops advanced near Palmyra on Friday. Five civilians were killed by Islamic State security "
                  "forces on Saturday in the capital of the group's self-proclaimed Caliphate.").events
    assert events and "Damascus" not in [e.place.name for e in events]


def test_an_outlets_name_with_its_article_written_small_is_no_place(code):
    events = code("Informed sources said two terrorist commanders were killed on Thursday during fierce fighting which "
                  "broke out in Qalamoun located on Damascus countryside Lebanons al-Manar TV channel reported.").events
    assert [e.place.admin1 for e in events] == ["Rif-dimashq"]


def test_a_weekdays_short_name_before_a_date_is_no_place(code):
    # Mon State of Myanmar lies elsewhere; "Mon Jul 11 2016" is a page's date.
    events = code("Mon Jul 11 2016 Aleppos Civilian Massacre Continues 88 Killed & Injured. Terrorists launched hundreds "
                  "of mortar shells into western Aleppos densely populated neighborhoods on Monday.").events
    assert events and all(e.place is None or e.place.country != "Myanmar" for e in events)


def test_the_first_word_of_an_unknown_name_is_no_town_of_a_country_the_report_names_once(code):
    # "White" of "White Helmets" had become White, Georgia, for a report that names the United States once.
    events = code("Regime bombing raids in and around the northern Syrian city of Aleppo killed 31 civilians on Friday. "
                  "\"21 others died in intense strikes on several neighbourhoods in the east of the city\" the "
                  "organisation known as the White Helmets said. The Observatory reported strikes on the Castello road "
                  "out of Aleppo. A truce agreed by Russia and the United States in February has been violated around "
                  "Aleppo, where the regime and rebels have fought since 2012 in Syria's war.").events
    assert events and all(e.place.country == "Syria" for e in events)


@pytest.mark.parametrize("text", [
    "Regime warplanes struck the town of Khan Sheikhoun in Idlib on Tuesday, killing 100 civilians.",
    "Regime warplanes struck the town of Khan Sheikhoun, in Idlib, on Tuesday, killing 100 civilians.",
])
def test_a_town_in_the_province_named_after_it_is_the_place_and_the_verb_of_what_the_act_did_is_the_act(code, text):
    assert [e.place.name for e in code(text).events] == ["Khān Shaykhūn"]


def test_a_hamlet_far_from_the_places_its_sentence_names_is_no_place(pipeline):
    # GeoNames' only Mallah is a hamlet of As-Suwayda, three hundred kilometres from Aleppo.
    text = ("A rebel spokesman in Syria said on Monday the assault aims to ease the pressure on the Mallah front near "
            "the supply route into Aleppo.")
    assert "As-Suwayda" not in {place.admin1 for place in places_in(pipeline, text).values()}


def test_the_name_given_to_an_operation_is_no_place(pipeline):
    text = ('Turkey began an offensive dubbed "Euphrates Shield" against the jihadists in Syria in August. Rebels from '
            "Azaz who were killed on Thursday were taking part in Euphrates Shield.")
    toponyms = annotated_through(pipeline, text, "places", dt.date(2016, 10, 6)).toponyms
    assert [t.text for t in toponyms if "Euphrates" in t.text] == []


def test_an_act_that_names_no_place_goes_on_in_the_country_the_act_before_it_was_told_in(code):
    # The report names Turkey most (its forces, its general staff), but the acts are in Syria.
    events = code("At least 20 members of the Daesh group were killed on Thursday in northern Syria during an operation "
                  "by the Turkish Armed Forces, the Turkish military announced. Turkish Armed Forces hit 34 Daesh "
                  "targets in three airstrikes, according to the Turkish General Staff. Daesh was preparing to attack "
                  "Turkey, the Turkish military said.").events
    assert events and {e.place.country for e in events} == {"Syria"}


def test_a_post_embedded_in_the_page_names_no_scene_of_the_report(code):
    events = code("Syrian troops clashed with Nusra Front militants near the village of Abu Lefeh in Hama province in "
                  "Syria on Sunday, killing 30. Army Frees New Areas in Deir Ezzor pic.twitter.com/cfDtDjMvkz (YaZeynab) "
                  "29 2017. The troops established control over the villages following the clashes.").events
    assert events and all(e.place.admin1 == "Hama" for e in events)


@pytest.mark.parametrize(("text", "town"), [
    ("The Syrian regime killed at least 43 people in the town of Jayrud near Damascus in Syria in a shelling attack on "
     "Saturday.", "Jayrūd"),
    # A place told by nearness that locates none named before it is the scene: the region named after it is not.
    ("Students protested on a road south of the town of Ouallam in Niger against a ban imposed by the government in "
     "the Tillabery region on Monday.", "Ouallam"),
])
def test_a_town_the_text_places_by_another_named_right_after_it_is_the_one_meant(code, text, town):
    assert place_of(code, text).name == town


def test_a_name_with_a_word_transliterated_otherwise_is_the_gazetteers_place(code):
    # GeoNames writes "Kafr Zeita"; Lebanese-style reports write "Kfar" (`place_word_spellings`).
    place = place_of(code, "An air raid on a rescue center in Kfar Zeita in Syria killed eight rescuers on Saturday.")
    assert (place.name, place.admin1) == ("Kafr Zaytā", "Hama")


def test_a_country_that_names_a_border_is_the_other_side_of_it(code):
    place = place_of(code, "Turkish troops clashed with PKK fighters near the Iraq border on Monday.")
    assert place.country == "Turkey"


def test_a_stronghold_of_a_sides_regime_is_no_place(code):
    place = place_of(code, "A car bomb killed 30 people just outside the city of Tartous in Syria on Monday, in the "
                           "coastal province which is a stronghold of Bashar al-Assads regime.")
    assert place.name == "Ţarţūs"


def test_a_neighbourhood_the_gazetteer_lacks_is_where_the_report_first_placed_it(code):
    # Told "in Damascus", then at "Bab Touma" alone in a sentence that names the countryside the shells came from.
    events = code("Three civilians were injured when rebels fired a rocket shell on Bab Touma neighborhood in Damascus "
                  "on Monday. A police source said that rebels positioned in Eastern Ghouta in Damascus Countryside "
                  "fired a rocket shell at Bab Touma injuring three people.").events
    assert [(e.place.name, e.place.admin1) for e in events] == [("Bab Touma", "Dimashq")]


@pytest.mark.parametrize("where, precision", [
    ("in a village northeast of the Malian capital", GeoPrecision.NEAR),
    ("in the Malian capital", GeoPrecision.EXACT),
])
def test_a_place_told_by_its_direction_from_a_capital_named_by_its_people_is_near_the_capital(code, where, precision):
    [event] = code(f"Gunmen killed four civilians {where} on Monday.").events
    assert (event.place.name, event.place.geo_precision) == ("Bamako", precision)


def test_a_city_after_its_countrys_possessive_is_no_persons_name(code):
    # The tagger reads "Syrias Aleppo" (the apostrophe lost) as a person: Aleppo stays a place there and elsewhere.
    events = code("Eight civilians were killed in rebel shelling of Syrias Aleppo. Rebels shelled houses in southern "
                  "Aleppo on Monday.").events
    assert {(e.place.name, e.place.level) for e in events} == {("Aleppo", "populated_place")}


def test_a_name_that_speaks_or_reacts_is_no_scene(pipeline):
    # An institution named by its seat, which GeoNames also knows as towns (White House, Tennessee).
    text = "The White House condemned what it said was a reprehensible attack. Rebels shelled the town of Idlib on Tuesday."
    annotated = annotated_through(pipeline, text, "places", dt.date(2017, 4, 5))
    assert [(t.text, t.not_a_scene) for t in annotated.toponyms if t.text != "Idlib"] == [("White House", True)]
    assert [t.not_a_scene for t in annotated.toponyms if t.text == "Idlib"] == [False]


def test_a_qualifier_dropped_as_a_namesake_abroad_locates_nothing(code):
    # "the Northern Province" is Sri Lanka's in GeoNames; the report is on Syria.
    events = code("Hezbollah al-Nujaba intensified its missile and ground attacks against the terrorists positions in the "
                  "strategic town of Khan Touman in the Northern Province of Aleppo killing at least 23 militants. "
                  "Al-Nujaba said its attacks on terrorists in Khan Touman have killed 23 al-Nusra Front militants.",
                  published_at=dt.date(2016, 5, 26)).events
    assert {(e.place.name, e.place.country) for e in events} == {("Khan Tuman", "Syria")}


def test_a_name_read_as_a_person_that_the_report_places_in_the_province_it_lies_in_is_a_place(pipeline):
    places = places_in(pipeline, "Khan Sheikhun in Idlib province was hit by air strikes that killed five people on "
                                 "Monday, a monitor said.")
    assert places["Khan Sheikhun"].name == "Khān Shaykhūn"
    # A person "in" a division no namesake town lies in stays a person.
    assert "Obama" not in places_in(pipeline, "Obama in Orange County told supporters on Friday that he would win.")


def test_a_town_described_as_nearby_is_where_the_act_was_not_near_it(code):
    events = code("Air strikes killed four people in the rebel-held town of Saraqib on Monday. Another five people were "
                  "killed in air strikes on the nearby town of Ariha.").events
    assert sorted((e.place.name, e.place.geo_precision, e.fatalities) for e in events) == [
        ("Arīḩā", GeoPrecision.EXACT, 5), ("Saraqib", GeoPrecision.EXACT, 4)]


def test_another_spelling_is_read_only_in_the_province_the_report_places_the_name_in(code):
    # The gazetteer lacks the valley; its nearest spelling, al-Qardahah, lies in Latakia, not Homs.
    events = code("Russian warplanes struck militants in Lattakia countryside on Saturday, a military source said. On "
                  "Sunday the warplanes killed 10 militants in al-Qadahat valley in Homs countryside and destroyed "
                  "a truck in Hama countryside, the source added.",
                  published_at=dt.date(2016, 2, 1)).events
    valley = next(e for e in events if e.fatalities == 10)
    assert valley.place.admin1 == "Homs" and valley.place.name != "Al Qardāḩah"


def test_a_name_that_goes_on_a_list_of_places_without_commas_is_a_place(pipeline):
    # spaCy reads "Aleppo Death" in the crosshead after as a person's name.
    text = ("Six citizens were killed in terrorist attacks with shells in Damascus Aleppo and Idleb. Aleppo Death toll "
            "from the rocket attacks rose to five.")
    annotated = annotated_through(pipeline, text, "places", dt.date(2016, 11, 18))
    assert [t.text for t in annotated.toponyms if t.sentence_index == 0] == ["Damascus", "Aleppo", "Idleb"]


def test_a_name_the_gazetteer_lacks_lies_by_the_places_its_own_sentence_names_not_the_province_told_before(code):
    # The gazetteer lacks al-Mazraa; the sentence before it was about Aleppo, this one is told from Damascus.
    events = code("Two people were killed on Monday when rebels fired rocket shells at the New Aleppo neighbourhood in "
                  "Aleppo city. A source at Damascus Police Command said rebels located in the Eastern Ghouta area "
                  "fired explosive rounds at the residential neighborhood of al-Mazraa injuring one person.",
                  published_at=dt.date(2016, 11, 28)).events
    assert sorted((e.place.name, e.place.admin1) for e in events) == [("Aleppo", "Aleppo"), ("al-Mazraa", "Dimashq")]


def test_where_a_group_is_banned_is_no_scene(code):
    events = code("A representative of the Syrian Armed Forces told SANA that government forces clashed with terrorists "
                  "from the Islamic State (IS) terrorist organization (banned in Russia) in 15 kilometers to the east of "
                  "the city on Saturday.").events
    assert [(e.place.country, e.actor1.name) for e in events] == [("Syria", "Military Forces of Syria")]


@pytest.mark.parametrize("made", ["barrels of chlorine manufactured in Turkey", "Turkey-made barrels of chlorine"])
def test_where_a_thing_was_made_is_no_scene(code, made):
    events = code("Syrian troops stormed the Jobar district of Damascus on Saturday. The army said it seized "
                  f"{made} in a raid on a rebel depot.", published_at=dt.date(2016, 9, 1)).events
    assert {e.place.country for e in events} == {"Syria"}
    assert "Military Forces of Turkey" not in {e.actor1.name for e in events if e.actor1 is not None}


def test_where_gains_were_made_is_their_scene(code):
    events = code("Rebels have seized control of 14 villages in four days, and more gains were made in Hama, a monitor "
                  "said on Thursday.", published_at=dt.date(2016, 9, 1)).events
    assert [e.place.admin1 for e in events] == ["Hama"]


def test_a_capital_the_parse_makes_a_gerunds_subject_is_the_acts_place(code):
    # "on Damascus killing three civilians" is parsed as Damascus doing the killing, not as the rockets' target.
    events = code("Syria: Rebels fired rockets on Damascus killing three civilians on Friday.",
                  published_at=dt.date(2017, 11, 17)).events
    assert [(e.place.name, e.actor1.name, e.fatalities) for e in events] == [("Damascus", "Rebel group", 3)]


def test_a_headline_after_its_date_places_its_act(code):
    # A title-case headline reads as verbless to the tagger, as a dateline does, but it is the report's first line.
    result = code("14-03-2016 Suicide Bomber Kills Six Policemen in Homs. The bomber detonated his explosive belt at a "
                  "checkpoint on Sunday, a monitor said.", dt.date(2016, 3, 14))
    assert [(e.place.name, e.place.geo_precision) for e in result.events] == [("Homs", GeoPrecision.EXACT)]


def test_an_agency_credit_after_a_place_is_no_part_of_its_name(code):
    place = place_of(code, "Rebel Rocket Attack Kills Three Civilians in Jableh SANA. Three civilians were killed "
                           "on Monday when rockets fired by terrorists hit a residential neighbourhood.")
    assert (place.name, place.admin1) == ("Jablah", "Latakia")


def test_a_place_that_locates_one_name_locates_no_name_before_it(code):
    # Qudsaya says which suburb of Damascus is meant, not where Idlib lies.
    result = code("A deal will see some 150 rebels evacuated to Idlib from the Damascus suburb of Qudsaya, reports said. "
                  "Elsewhere government forces shelled rebel positions in Idlib province on Monday, the Observatory "
                  "said.", dt.date(2016, 10, 13))
    assert [(e.place.name, e.place.admin1) for e in result.events] == [("Idlib", "Idlib")]
    assert not [w for w in result.document.warnings if "unknown place" in w]


def test_a_province_named_in_another_spelling_after_its_article_places_a_village_it_holds(code):
    # The gazetteer spells the province Al-Hasakah; "the" stands between "in" and the name the text gives it.
    result = code("A suicide bomber struck a wedding in northeast Syria killing 32 people. The bomber blew himself up "
                  "late Monday in the village of Tall Tawil in the Hassakeh province.", dt.date(2016, 10, 4))
    assert [(e.place.name, e.place.admin1) for e in result.events] == [("Tall Tawil", "Al-Hasakah")]


def test_another_act_after_one_told_at_no_named_place_is_not_where_the_report_is(code):
    # The village "in the northwest" is not the eastern town the report is about; the two strikes stay two events.
    result = code("An overnight airstrike struck an eastern Syrian town held by Islamic State militants, killing at "
                  "least 12 people, activists said. Another airstrike hit an opposition-held village in the northwest on "
                  "Tuesday, killing a woman and four children. The Observatory said the late Monday strike on the town "
                  "of al-Mayadin killed 15 civilians.", dt.date(2017, 4, 18))
    assert sorted((e.place.name, e.event_date.day) for e in result.events) == [("Al Mayādīn", 17), ("Syria", 18)]
    # After an act placed by its own words, another act may well be there.
    result = code("Gunmen attacked the village of Tera on Monday, killing five people. Residents fled to the bush. "
                  "Another attack on Tuesday killed three herders.", dt.date(2020, 5, 6))
    assert [e.place.name for e in result.events] == ["Téra", "Téra"]
