"""The web page in a real headless Chromium (Debian's chromium + chromium-driver, driven by Selenium).

The page is served by the same process as the API, over a store of the fusion test articles and a
report that carries HTML and script in its text. The test looks at the map, filters, opens an event,
reviews it with a token, checks the audit entry, and checks that no article text runs as script.
It leaves a screenshot in reports/web_page.png.
"""

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from conflictlens.coding.fusion import load_fuser
from conflictlens.coding.ingest import iter_documents
from conflictlens.scale.batch import process_batch
from conflictlens.scale.fusing import fuse_store
from conflictlens.store.review import create_token
from conflictlens.store.sql import SQLStore

from ..browser import chromium, require_browser, rows, served, wait

DATA = Path(__file__).resolve().parents[1] / "data"
SCREENSHOT = Path(__file__).resolve().parents[2] / "reports" / "web_page.png"
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def site(pipeline, settings, tmp_path_factory) -> Iterator[dict[str, str]]:  # type: ignore[no-untyped-def]
    require_browser()
    db = str(tmp_path_factory.mktemp("web") / "web.db")
    store = SQLStore.open(db)
    items = list(iter_documents([str(DATA / "fusion"), str(DATA / "web")], max_bytes=2_000_000, min_chars=40))
    process_batch(pipeline, store, items)
    fuse_store(store, load_fuser(pipeline.knowledge, pipeline.actors))
    token = create_token(store, "analyst-web")
    store.close()

    with served(settings.model_copy(update={"db": db})) as base:
        yield {"base": base, "token": token}


@pytest.fixture(scope="module")
def browser(site, tmp_path_factory) -> Iterator[object]:  # type: ignore[no-untyped-def]
    with chromium(tmp_path_factory.mktemp("chromium")) as driver:
        yield driver


def test_the_page_maps_filters_opens_and_reviews_an_event(browser, site):  # type: ignore[no-untyped-def]
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    api = httpx.Client(base_url=site["base"])
    every = api.get("/api/events", params={"limit": 1000}).json()
    located = [e for e in every["events"] if e["latitude"] is not None]
    browser.get(site["base"] + "/")
    wait(browser, lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-ready") == "true", "page ready")

    # The map: packaged country outlines (no tile server), and one point per located event, in clusters or alone.
    map_box = browser.find_element(By.ID, "map")
    assert int(map_box.get_attribute("data-outlines")) > 200
    assert len(browser.find_elements(By.CSS_SELECTOR, "#map path.country")) > 200
    assert int(map_box.get_attribute("data-points")) == len(located) >= 5

    def shown(d):  # type: ignore[no-untyped-def]
        """Points on the map: those in cluster badges and those drawn alone (once the zoom has settled)."""
        clusters = d.find_elements(By.CSS_SELECTOR, ".marker-cluster span")
        return sum(int(c.text) for c in clusters) + len(d.find_elements(By.CSS_SELECTOR, "path.event-marker"))

    wait(browser, lambda d: shown(d) == len(located), f"{len(located)} points on the map")
    assert len(rows(browser)) == every["total"]
    months = api.get("/api/timeline").json()
    bars = browser.find_elements(By.CSS_SELECTOR, "#timeline g.bar")
    assert [b.get_attribute("data-month") for b in bars][0::len(bars) - 1] == [months[0]["month"], months[-1]["month"]]
    # Each month's bar is stacked by event type, and the count axis is labelled.
    segments = browser.find_elements(By.CSS_SELECTOR, "#timeline rect.segment")
    assert len(segments) == sum(len(m["by_type"]) for m in months)
    assert {t.text for t in browser.find_elements(By.CSS_SELECTOR, "#timeline text.axis-label")} >= {
        "0", str(max(m["events"] for m in months))}

    # A filter narrows the table and the map together.
    Select(browser.find_element(By.CSS_SELECTOR, "#filters select[name=event_type]")).select_by_visible_text(
        "Violence against civilians")
    browser.find_element(By.ID, "apply").click()
    civilians = api.get("/api/events", params={"event_type": "Violence against civilians"}).json()
    wait(browser, lambda d: len(rows(d)) == civilians["total"], "filtered table")
    assert all(r.find_elements(By.TAG_NAME, "td")[1].text.endswith("Violence against civilians") for r in rows(browser))
    wait(browser, lambda d: d.find_element(By.ID, "map").get_attribute("data-points") == str(sum(
        1 for e in civilians["events"] if e["latitude"] is not None)), "filtered map")

    # Open the Ayorou attack: its fields, both sources, and the evidence highlighted in the articles.
    ayorou = next(e for e in civilians["events"] if e["location"] == "Ayorou")
    browser.find_element(By.CSS_SELECTOR, f"tr[data-event-id='{ayorou['event_id']}']").click()
    detail = wait(browser, lambda d: d.find_element(By.ID, "detail") if d.find_elements(
        By.CSS_SELECTOR, "#detail .sources li") else None, "event detail")
    assert "Ayorou" in detail.find_element(By.CSS_SELECTOR, "dd[data-field=Place]").text
    assert len(detail.find_elements(By.CSS_SELECTOR, ".sources li")) == ayorou["reports"]
    marks = detail.find_elements(By.CSS_SELECTOR, ".document mark")
    assert marks and any("killed 15 civilians" in m.text for m in marks)
    claims_table = api.get(f"/api/events/{ayorou['event_id']}").json()["detail"]["claims_table"]
    assert len(detail.find_elements(By.CSS_SELECTOR, "table.claims tbody tr")) == len(claims_table) >= 2

    # Review it with a token: the edit shows in the table and in the audit trail.
    form = detail.find_element(By.ID, "review")
    form.find_element(By.NAME, "token").send_keys(site["token"])
    fatalities = form.find_element(By.NAME, "fatalities")
    fatalities.clear()
    fatalities.send_keys("17")
    form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    entry = wait(browser, lambda d: d.find_elements(By.CSS_SELECTOR, "#detail .audit-entry"), "audit entry")[0]
    assert "analyst-web: edit" in entry.text and "fatalities: 15 → 17" in entry.text
    assert api.get(f"/api/events/{ayorou['event_id']}").json()["event"]["fatalities"] == 17
    row = browser.find_element(By.CSS_SELECTOR, f"tr[data-event-id='{ayorou['event_id']}']")
    assert row.find_elements(By.TAG_NAME, "td")[6].text == "17" and row.find_elements(By.TAG_NAME, "td")[9].text == "edited"
    SCREENSHOT.parent.mkdir(exist_ok=True)
    browser.save_screenshot(str(SCREENSHOT))


def test_article_text_is_shown_as_text_and_never_runs(browser, site):  # type: ignore[no-untyped-def]
    from selenium.webdriver.common.by import By

    hostile = httpx.get(site["base"] + "/api/events", params={"date_from": "2025-06-01"}).json()["events"]
    assert hostile, "the report with markup in its text was coded"
    browser.get(site["base"] + "/")
    wait(browser, lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-ready") == "true", "page ready")
    browser.find_element(By.CSS_SELECTOR, f"tr[data-event-id='{hostile[0]['event_id']}']").click()
    document = wait(browser, lambda d: d.find_elements(By.CSS_SELECTOR, "#detail .document"), "document")[0]
    assert "<script>window.__pwned" in document.text and "onerror=" in document.text
    assert browser.find_elements(By.CSS_SELECTOR, "#detail script, #detail img") == []
    assert browser.execute_script("return window.__pwned === undefined")


def test_a_contested_event_shows_who_denies_what(browser, site):  # type: ignore[no-untyped-def]
    from selenium.webdriver.common.by import By

    api = httpx.Client(base_url=site["base"])
    contested = api.get("/api/events", params={"contested": "true"}).json()["events"]
    menaka = next(e for e in contested if e["location"] == "Ménaka")
    browser.get(site["base"] + "/")
    wait(browser, lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-ready") == "true", "page ready")
    browser.find_element(By.CSS_SELECTOR, f"tr[data-event-id='{menaka['event_id']}']").click()
    denied = wait(browser, lambda d: d.find_elements(By.CSS_SELECTOR, "#detail table.claims tr.claim-denied"),
                   "the denial in the claims table")
    assert "Government of Mali" in denied[0].text and "no civilians were among the victims" in denied[0].text
    detail = browser.find_element(By.ID, "detail")
    assert "victims (by Government of Mali)" in detail.find_element(By.CSS_SELECTOR, "dd[data-field=Contested]").text
    assert "denies it" in detail.find_element(By.CSS_SELECTOR, ".sources").text


def test_views_are_addresses_sortable_downloadable_and_a_review_queue(browser, site):  # type: ignore[no-untyped-def]
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    api = httpx.Client(base_url=site["base"])
    civilians = api.get("/api/events", params={"event_type": "Violence against civilians", "order": "-deaths"}).json()
    first = civilians["events"][0]
    # A shared address opens the same view: its filters, its order and the event it showed.
    browser.get(f"{site['base']}/?event_type=Violence+against+civilians&order=-deaths&event={first['event_id']}")
    wait(browser, lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-ready") == "true", "page ready")
    assert Select(browser.find_element(By.CSS_SELECTOR, "#filters select[name=event_type]")).first_selected_option.text \
        == "Violence against civilians"
    assert [r.get_attribute("data-event-id") for r in rows(browser)] == [e["event_id"] for e in civilians["events"]]
    deaths = browser.find_element(By.CSS_SELECTOR, "#events th[data-order=deaths]")
    assert deaths.get_attribute("aria-sort") == "descending"
    wait(browser, lambda d: d.find_elements(By.CSS_SELECTOR, "#detail dd[data-field=Event]"), "the shared event")
    assert browser.find_element(By.CSS_SELECTOR, "#detail dd[data-field=Event]").text == first["event_id"]

    # The filtered view downloads as ACLED's CSV and as GeoJSON.
    csv_link = browser.find_element(By.ID, "download-csv").get_attribute("href")
    assert "format=acled-csv" in csv_link and "event_type=Violence" in csv_link
    lines = api.get(csv_link).text.splitlines()
    assert lines[0].startswith("event_id_cnty,event_date") and len(lines) - 1 == sum(
        1 for e in civilians["events"] if e["event_date"])
    geojson = api.get(browser.find_element(By.ID, "download-geojson").get_attribute("href")).json()
    assert len(geojson["features"]) == civilians["total"]

    # Clicking a column sorts the whole list by it, then the other way; the address keeps the order.
    date = browser.find_element(By.CSS_SELECTOR, "#events th[data-order=date]")
    date.click()
    wait(browser, lambda d: d.find_element(By.CSS_SELECTOR, "#events th[data-order=date]").get_attribute(
        "aria-sort") == "ascending", "sorted by date")
    browser.find_element(By.CSS_SELECTOR, "#events th[data-order=date]").click()
    wait(browser, lambda d: "order=-date" in d.current_url, "the order in the address")

    # The claim filter offers what claims are, and a filter that leaves the shown event out closes it.
    options = [o.text for o in Select(browser.find_element(By.CSS_SELECTOR, "select[name=claim_status]")).options]
    assert options == ["any", "reported", "claimed", "alleged", "denied", "unverified", "corroborated"]
    Select(browser.find_element(By.CSS_SELECTOR, "#filters select[name=event_type]")).select_by_visible_text("Battles")
    browser.find_element(By.ID, "apply").click()
    wait(browser, lambda d: d.find_element(By.ID, "detail").get_attribute("hidden") is not None, "the detail closed")
    assert "event=" not in browser.current_url

    # The review queue puts first what most needs a reviewer.
    browser.find_element(By.ID, "reset").click()
    wait(browser, lambda d: "event_type" not in d.current_url, "filters reset")
    browser.find_element(By.ID, "review-queue").click()
    queue = api.get("/api/events", params={"order": "need", "limit": 1000}).json()["events"]
    wait(browser, lambda d: [r.get_attribute("data-event-id") for r in rows(d)] == [e["event_id"] for e in queue],
          "the review queue")
    assert "order=need" in browser.current_url


def test_markup_a_reviewer_plants_in_a_place_name_never_runs_on_hover(browser, site):  # type: ignore[no-untyped-def]
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    api = httpx.Client(base_url=site["base"])
    djibo = next(e for e in api.get("/api/events").json()["events"] if e["location"] == "Djibo")
    planted = '<img src=x onerror="window.__tooltip=1">Djibo'
    edited = api.post(f"/api/events/{djibo['event_id']}/review", headers={"Authorization": f"Bearer {site['token']}"},
                      json={"action": "edit", "changes": {"location": planted}})
    assert edited.status_code == 200
    browser.get(f"{site['base']}/?q=Djibo")
    wait(browser, lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-ready") == "true", "page ready")
    marker = wait(browser, lambda d: d.find_elements(By.CSS_SELECTOR, "path.event-marker"), "the marker")[0]
    ActionChains(browser).move_to_element(marker).perform()
    # Read as textContent: Leaflet fades a tooltip in, and Selenium's .text is empty while it is transparent.
    tooltip = wait(browser, lambda d: [t for t in d.find_elements(By.CSS_SELECTOR, ".leaflet-tooltip")
                                        if "Djibo" in (t.get_attribute("textContent") or "")], "the tooltip")[0]
    assert planted in tooltip.get_attribute("textContent") and tooltip.find_elements(By.TAG_NAME, "img") == []
    labels = [lab.get_attribute("textContent") for lab in browser.find_elements(By.CSS_SELECTOR, ".place-label")]
    assert planted in labels and browser.find_elements(By.CSS_SELECTOR, ".place-label img") == []
    browser.find_element(By.CSS_SELECTOR, f"tr[data-event-id='{djibo['event_id']}']").click()
    wait(browser, lambda d: d.find_elements(By.CSS_SELECTOR, "#detail dd[data-field=Place]"), "the detail")
    assert browser.execute_script("return window.__tooltip === undefined")


def test_the_map_draws_province_outlines_and_names_countries_and_places(browser, site):  # type: ignore[no-untyped-def]
    from selenium.webdriver.common.by import By

    events = httpx.get(site["base"] + "/api/events", params={"limit": 1000}).json()["events"]
    busiest = max({e["location"] for e in events if e["latitude"] is not None},
                  key=lambda place: sum(e["location"] == place for e in events))
    browser.get(site["base"] + "/")
    wait(browser, lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-ready") == "true", "page ready")
    map_box = browser.find_element(By.ID, "map")
    # Natural Earth's admin-1 lines come with the package (tens of thousands of segments worldwide).
    assert int(map_box.get_attribute("data-admin1-lines")) > 10_000
    assert "Natural Earth" in browser.find_element(By.CSS_SELECTOR, ".leaflet-control-attribution").text

    def visible(d, selector):  # type: ignore[no-untyped-def]
        # textContent, not .text: country names are shown in capitals (CSS), and .text reads what is shown.
        return [lab.get_attribute("textContent") for lab in d.find_elements(By.CSS_SELECTOR, selector)
                if lab.is_displayed()]

    def zoom_to(lat, lon, zoom):  # type: ignore[no-untyped-def]
        browser.execute_script(f"map.setView([{lat}, {lon}], {zoom}, {{animate: false}})")
        wait(browser, lambda d: d.execute_script("return map.getZoom()") == zoom, f"zoom {zoom}")

    zoom_to(16, 0, 4)
    wait(browser, lambda d: {"Mali", "Niger"} <= set(visible(d, ".country-label")), "country names at zoom 4")
    assert visible(browser, ".place-label") == []
    # The province lines are drawn on a canvas above the filled countries: count the pixels they cover.
    drawn = browser.execute_script("""
        const canvas = document.querySelector('#map canvas');
        const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
        let covered = 0;
        for (let alpha = 3; alpha < pixels.length; alpha += 4) if (pixels[alpha] > 0) covered += 1;
        const svg = document.querySelector('#map svg');
        const above = svg.compareDocumentPosition(canvas) & Node.DOCUMENT_POSITION_FOLLOWING;
        return [covered, Boolean(above)];""")
    assert drawn[0] > 2_000 and drawn[1], drawn
    place = next(e for e in events if e["location"] == busiest)
    zoom_to(place["latitude"], place["longitude"], 8)
    wait(browser, lambda d: busiest in visible(d, ".place-label"), f"the label of {busiest} at zoom 8")
    assert visible(browser, ".country-label") == []
