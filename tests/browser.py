"""What the browser tests share: Debian's Chromium driven by Selenium, and an app served on a free local port."""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest
import uvicorn

from conflictlens.config import Settings
from conflictlens.server.api import WEB, create_app

from .conftest import free_port

CHROMIUM, CHROMEDRIVER = Path("/usr/bin/chromium"), Path("/usr/bin/chromedriver")


def require_browser() -> None:
    """Skip (or, where CI says the browser is required, fail) when Chromium or the page's libraries are missing."""
    missing = None
    if not (CHROMIUM.exists() and CHROMEDRIVER.exists()):
        missing = f"needs Debian's chromium and chromium-driver ({CHROMIUM}, {CHROMEDRIVER}); .ci/run installs them"
    elif not (WEB / "node_modules" / "leaflet").is_dir():
        missing = f"needs the page's npm libraries in {WEB / 'node_modules'}: run make install"
    if missing and os.environ.get("CONFLICTLENS_TEST_BROWSER_REQUIRED"):
        pytest.fail(missing)
    if missing:
        pytest.skip(missing)


@contextmanager
def served(settings: Settings) -> Iterator[str]:
    """The app for ``settings`` served in a thread; yields its base address."""
    server = uvicorn.Server(uvicorn.Config(create_app(settings), host="127.0.0.1", port=free_port(),
                                           log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{server.config.port}"
    for _ in range(100):
        try:
            httpx.get(f"{base}/api/health", timeout=1)
            break
        except httpx.TransportError:
            time.sleep(0.1)
    try:
        yield base
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@contextmanager
def chromium(user_data: Path, downloads: Path | None = None) -> Iterator[Any]:
    """Headless Chromium with its console log kept, and none of the background traffic a closed network refuses."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--window-size=1600,1000", f"--user-data-dir={user_data}"):
        options.add_argument(flag)
    if downloads is not None:
        options.add_experimental_option("prefs", {"download.default_directory": str(downloads)})
    driver = webdriver.Chrome(service=Service(executable_path=str(CHROMEDRIVER)), options=options)
    driver.set_script_timeout(20)
    try:
        yield driver
    finally:
        driver.quit()


def wait(browser, condition, what: str, timeout: float = 20):  # type: ignore[no-untyped-def]
    """Wait for ``condition``; on timeout, say what the page said and logged."""
    from selenium.common.exceptions import StaleElementReferenceException, TimeoutException
    from selenium.webdriver.support.ui import WebDriverWait

    try:  # elements the page redraws while we read them are read again
        return WebDriverWait(browser, timeout, poll_frequency=0.1,
                             ignored_exceptions=(StaleElementReferenceException,)).until(lambda d: condition(d))
    except TimeoutException:
        said = browser.execute_script("return document.getElementById('message')?.textContent")
        logs = [entry["message"] for entry in browser.get_log("browser")]
        pytest.fail(f"timed out waiting for {what}; the page said {said!r}; console: {logs}")


def rows(browser):  # type: ignore[no-untyped-def]
    """The event table's rows."""
    from selenium.webdriver.common.by import By

    return browser.find_elements(By.CSS_SELECTOR, "#events tbody tr")
