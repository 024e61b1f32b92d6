"""The page and /docs in a real headless Chromium under the Content-Security-Policy, on SQLite and PostgreSQL: they
work with no CSP violation; a server that wants a token to read is usable, the token kept only in the page's memory;
and markup a reviewer plants in every field the review can edit never runs and never becomes an element."""

from collections.abc import Iterator

import httpx
import pytest

from conflictlens.config import Settings
from conflictlens.store.review import EDITABLE_FIELDS, TEXT_FIELDS, create_token
from conflictlens.store.sql import SQLStore

from ..browser import chromium, require_browser, rows, served, wait
from .conftest import fill

pytestmark = pytest.mark.slow
IMG = '<img src=x onerror="window.__x=1">'
SCRIPT = "<script>window.__y=1</script>"


@pytest.fixture(scope="module")
def site(module_store_url: str) -> Iterator[dict[str, str]]:
    """Three events (Djibo, Ayorou, Menaka), served twice: open to read, and wanting a token to read."""
    require_browser()
    fill(module_store_url, 3)
    store = SQLStore.open(module_store_url)
    token = create_token(store, "analyst-csp")
    store.close()
    with served(Settings(db=module_store_url)) as open_base, \
            served(Settings(db=module_store_url, api_require_token=True)) as locked_base:
        yield {"open": open_base, "locked": locked_base, "token": token}


@pytest.fixture(scope="module")
def browser(site, tmp_path_factory) -> Iterator[object]:  # type: ignore[no-untyped-def]
    with chromium(tmp_path_factory.mktemp("chromium"), tmp_path_factory.mktemp("downloads")) as driver:
        yield driver


def _ready(browser, url: str) -> None:  # type: ignore[no-untyped-def]
    from selenium.webdriver.common.by import By

    browser.get(url)
    wait(browser, lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-ready") == "true", "page ready")


def _violations(browser) -> list[str]:  # type: ignore[no-untyped-def]
    return [e["message"] for e in browser.get_log("browser") if "Content Security Policy" in e["message"]]


def test_the_page_and_the_api_documentation_work_under_the_policy(browser, site):  # type: ignore[no-untyped-def]
    from selenium.webdriver.common.by import By

    _violations(browser)  # what earlier pages logged
    _ready(browser, site["open"] + "/")
    assert len(rows(browser)) == 3 and browser.find_element(By.ID, "message").text == ""
    wait(browser, lambda d: d.find_elements(By.CSS_SELECTOR, "path.event-marker"), "the markers")
    assert int(browser.find_element(By.ID, "map").get_attribute("data-outlines")) > 200
    rows(browser)[0].click()
    wait(browser, lambda d: d.find_elements(By.CSS_SELECTOR, "#detail .document"), "the detail")
    assert _violations(browser) == []

    browser.get(site["open"] + "/docs")
    operations = wait(browser, lambda d: d.find_elements(By.CSS_SELECTOR, ".opblock"), "Swagger UI's operations")
    assert len(operations) >= 11 and "conflictlens" in browser.find_element(By.CSS_SELECTOR, ".title").text
    assert _violations(browser) == []

    # The policy holds: a script the page did not come with is refused (and the refusal is logged).
    browser.execute_script("const s = document.createElement('script'); s.textContent = 'window.__inline = 1';"
                           "document.body.append(s);")
    assert browser.execute_script("return window.__inline === undefined")
    assert _violations(browser)


def test_a_server_that_wants_a_token_is_usable_and_the_token_is_never_stored(browser, site):  # type: ignore[no-untyped-def]
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    _ready(browser, site["locked"] + "/")
    message = browser.find_element(By.ID, "message").text
    assert "a valid API token is needed" in message and "token field at the top" in message, message
    assert rows(browser) == []

    def use(token: str) -> None:
        field = browser.find_element(By.ID, "token")
        field.clear()
        field.send_keys(token)
        browser.find_element(By.ID, "use-token").click()

    use("wrong")
    wait(browser, lambda d: "refused" in d.find_element(By.ID, "message").text, "the refusal in the message line")
    use(site["token"])
    wait(browser, lambda d: len(rows(d)) == 3, "the events, read with the token")
    wait(browser, lambda d: d.find_element(By.ID, "map").get_attribute("data-points") == "3", "the map's points")
    assert browser.find_element(By.ID, "message").text == ""

    # A download link cannot send the token: the page fetches the file with it and saves it from memory.
    browser.execute_script("window.__saved = []; const make = URL.createObjectURL;"
                           "URL.createObjectURL = (blob) => { window.__saved.push(blob.size); return make(blob); };")
    browser.find_element(By.ID, "download-csv").click()
    saved = wait(browser, lambda d: d.execute_script("return window.__saved"), "the CSV fetched with the token")
    assert saved[0] > 100 and browser.find_element(By.ID, "message").text == ""

    # Reviews go with the same token, from memory: the review form holds it already.
    rows(browser)[0].click()
    form = wait(browser, lambda d: d.find_elements(By.CSS_SELECTOR, "#detail #review"), "the review form")[0]
    assert form.find_element(By.NAME, "token").get_attribute("value") == site["token"]
    Select(form.find_element(By.NAME, "action")).select_by_visible_text("confirm")
    form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    entry = wait(browser, lambda d: d.find_elements(By.CSS_SELECTOR, "#detail .audit-entry"), "the audit entry")[0]
    assert "analyst-csp: confirm" in entry.text

    stored = browser.execute_script("return [sessionStorage.length, localStorage.length, document.cookie]")
    assert stored == [0, 0, ""]
    assert site["token"] not in browser.page_source.replace(f'value="{site["token"]}"', "")
    _ready(browser, site["locked"] + "/")  # a new page knows no token
    assert "a valid API token is needed" in browser.find_element(By.ID, "message").text and rows(browser) == []


def test_markup_planted_in_every_editable_field_never_runs(browser, site):  # type: ignore[no-untyped-def]
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    api = httpx.Client(base_url=site["open"], headers={"Authorization": f"Bearer {site['token']}"})
    djibo = next(e for e in api.get("/api/events").json()["events"] if e["location"] == "Djibo")
    review = f"/api/events/{djibo['event_id']}/review"
    planted = {field: f"{IMG}{field} of Djibo{SCRIPT}" for field in TEXT_FIELDS}
    for field in EDITABLE_FIELDS:
        edit = api.post(review, json={"action": "edit", "changes": {field: planted.get(field, IMG + SCRIPT)}})
        # Only text fields take text: a type, a date, coordinates and a toll refuse markup as they refuse any word.
        assert edit.status_code == (200 if field in TEXT_FIELDS else 422), (field, edit.text)
    record = api.get(f"/api/events/{djibo['event_id']}").json()["event"]
    assert {field: record[field] for field in TEXT_FIELDS} == planted

    _ready(browser, site["open"] + "/?q=Djibo")
    marker = wait(browser, lambda d: d.find_elements(By.CSS_SELECTOR, "path.event-marker"), "the marker")[0]
    ActionChains(browser).move_to_element(marker).perform()
    tooltip = wait(browser, lambda d: [t for t in d.find_elements(By.CSS_SELECTOR, ".leaflet-tooltip")
                                        if "Djibo" in (t.get_attribute("textContent") or "")], "the tooltip")[0]
    assert planted["location"] in tooltip.get_attribute("textContent")
    [row] = rows(browser)
    assert planted["actor1"] in row.text and planted["country"] in row.text
    row.click()
    detail = wait(browser, lambda d: d.find_elements(By.CSS_SELECTOR, "#detail .audit-entry"), "the detail")
    assert len(detail) >= len(TEXT_FIELDS)  # one edit per text field (the token test may have confirmed it)
    shown = browser.find_element(By.ID, "detail").text
    for field in ("actor1", "actor2", "admin2", "admin1", "country", "notes"):
        assert planted[field] in shown, field
    review_form = browser.find_element(By.ID, "review")
    assert review_form.find_element(By.NAME, "location").get_attribute("value") == planted["location"]

    assert browser.execute_script("return [window.__x, window.__y]") == [None, None]
    # No markup became an element: no image, no handler, no script but the page's own four files.
    assert browser.execute_script("return document.querySelectorAll('img, [onerror]').length") == 0
    assert browser.execute_script("return [...document.scripts].filter((s) => !s.src).length") == 0
    assert len(browser.find_elements(By.TAG_NAME, "script")) == 4
