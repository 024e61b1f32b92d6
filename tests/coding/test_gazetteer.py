import pytest

from conflictlens.coding.gazetteer import SCHEMA, Gazetteer, clean_admin_name, haversine_km, import_geonames, name_key
from conflictlens.errors import GazetteerError

from ..conftest import DATA


@pytest.fixture
def sample_gazetteer(tmp_path):  # type: ignore[no-untyped-def]
    """A gazetteer holding only the six sample rows (an empty default schema, then the import)."""
    import sqlite3

    path = tmp_path / "g.sqlite"
    conn = sqlite3.connect(path)
    conn.executescript(SCHEMA)
    conn.execute("INSERT INTO countries VALUES ('ML', 'Mali', NULL, NULL)")
    conn.commit()
    conn.close()
    assert import_geonames(path, [DATA / "geonames_sample.txt"]) == {str(DATA / "geonames_sample.txt"): 6}
    gaz = Gazetteer.open(path)
    yield gaz
    gaz.close()


def test_name_key_meets_spellings():
    assert name_key("Ti-n-Zaouâtene") == name_key("Tinzaouatene") == "tinzaouatene"
    assert name_key("Ménaka") == name_key("MENAKA")


def test_admin_names_come_from_the_dump(sample_gazetteer):
    [kidal_town] = [e for e in sample_gazetteer.lookup("Kidal") if e.feature_class == "P"]
    assert (kidal_town.admin1_name, kidal_town.level) == ("Kidal", "populated_place")
    assert sample_gazetteer.admin1("ML", ["Gao"]) == ("Gao", 16.5, 0.5)


def test_alternate_names_are_searchable(sample_gazetteer):
    assert [e.name for e in sample_gazetteer.lookup("Tin Zaouaten")] == ["Oued Ti-n-Zaouatene"]
    assert sample_gazetteer.country_point("ML") == ("Mali", 18.0, -2.0)


def test_short_keys_find_nothing(sample_gazetteer):
    assert sample_gazetteer.lookup("Al") == []


def test_wrong_format_is_a_clear_error(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_text("geonameid,name\n1,Gao\n", encoding="utf-8")
    gaz = tmp_path / "g.sqlite"
    gaz.touch()
    with pytest.raises(GazetteerError, match=r"bad.txt:1: expected 19 tab-separated GeoNames columns, found 1"):
        import_geonames(gaz, [bad])


def test_missing_gazetteer_without_build(tmp_path):
    with pytest.raises(GazetteerError, match="run 'conflictlens gazetteer build'"):
        Gazetteer.open(tmp_path / "none.sqlite", build_if_missing=False)


def test_default_gazetteer_has_world_towns_with_admin_names(gazetteer_path):
    gaz = Gazetteer.open(gazetteer_path)
    djibo = next(e for e in gaz.lookup("Djibo") if e.feature_class == "P")
    assert (djibo.country_code, djibo.admin1_name) == ("BF", "Sahel")
    assert gaz.stats()["places"] > 200_000


def test_the_default_gazetteer_has_the_places_the_news_names_that_cities500_lacks(gazetteer_path):
    """data/geonames/reported_places.tsv: regions (Eastern Ghouta) and villages GeoNames gives no population, found
    by every spelling the news uses."""
    gaz = Gazetteer.open(gazetteer_path)
    ghouta = gaz.lookup("East Ghouta")
    assert [(e.name, e.feature_class, e.country_code, e.admin1_name) for e in ghouta] == [
        ("Eastern Ghouta", "L", "SY", "Rif-dimashq")]
    for spelling in ("Kefraya", "Kafarya", "Kafraya"):
        assert [(e.name, e.admin1_name) for e in gaz.lookup(spelling)] == [("Kafraya", "Idlib")]
    assert {e.name for e in gaz.lookup("al-Fouaa")} == {"al-Fuah"}


def test_an_article_written_as_it_sounds_inside_a_name_is_the_article(gazetteer_path):
    gaz = Gazetteer.open(gazetteer_path)
    found = {(e.name, e.country_code) for e in gaz.lookup("Deir az-Zour")}
    assert ("Deir ez-Zor", "SY") in found


@pytest.mark.parametrize(("written", "as_it_sounds"), [("al-Rai", "Ar Rā‘ī"), ("Al Zabadani", "Az Zabadānī")])
def test_an_article_before_a_sun_letter_is_found_as_it_sounds(gazetteer_path, written, as_it_sounds):
    gaz = Gazetteer.open(gazetteer_path)
    assert as_it_sounds in {e.name for e in gaz.lookup(written) if e.country_code == "SY"}


def test_helpers():
    assert clean_admin_name("Kidal Region") == "Kidal"
    assert round(haversine_km(18.44, 1.41, 19.96, 2.86)) == 227


def test_a_country_point_is_central_to_its_mainland():
    from conflictlens.coding.gazetteer import _country_centroids, _mainland_centroid

    square = {"features": [{"geometry": {"type": "MultiPolygon", "coordinates": [
        [[[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]]], [[[20, 20], [21, 20], [21, 21], [20, 20]]]]}}]}
    assert _mainland_centroid(square) == pytest.approx((5.0, 5.0))
    assert _mainland_centroid({"features": []}) is None
    points = _country_centroids()
    # The geographic centre of the contiguous United States is near Lebanon, Kansas (39.8N 98.6W);
    # the conventional 38N 97W is 240 km from it.
    assert haversine_km(*points["US"], 39.83, -98.58) < 100
    assert points["JP"] == (36.0, 138.0)  # a conventional point near the centre is kept


def test_a_short_name_written_with_a_letter_once_is_the_place_that_doubles_it(gazetteer_path):
    gaz = Gazetteer.open(gazetteer_path)
    raqqa = gaz.closest("Raqa", ["SY"])
    assert raqqa is not None and (raqqa.name, raqqa.admin1_name) == ("Ar Raqqah", "Ar-Raqqah")
    # Only in the document's countries, and only that spelling difference.
    assert gaz.closest("Raqa", ["ML"]) is None
    assert gaz.closest("Raqo", ["SY"]) is None


def test_of_namesakes_of_one_size_the_one_known_by_more_names_comes_first(tmp_path):
    """Two villages of one name, no population known, in one region (the second a stray duplicate record): the one
    GeoNames also knows by another spelling is the documented village, whatever order the records came in."""
    import sqlite3

    dump = tmp_path / "namesakes.txt"
    rows = [("900002", "Dunbali", "Dunbali,Dounbaly", "15.04", "2.70"), ("900003", "Dunbali", "", "13.88", "1.51")]
    dump.write_text("".join(f"{gid}\t{name}\t{name}\t{alt}\t{lat}\t{lon}\tP\tPPL\tNE\t\t09\t\t\t\t0\t\t244\t"
                            "Africa/Niamey\t2012-01-18\n" for gid, name, alt, lat, lon in rows), encoding="utf-8")
    path = tmp_path / "g.sqlite"
    conn = sqlite3.connect(path)
    conn.executescript(SCHEMA)
    conn.commit()
    conn.close()
    import_geonames(path, [dump])
    gaz = Gazetteer.open(path)
    try:
        assert [(e.geonameid, e.latitude) for e in gaz.lookup("Dunbali")] == [(900002, 15.04), (900003, 13.88)]
    finally:
        gaz.close()
