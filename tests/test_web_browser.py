"""The web UI in real headless Chromium (Debian's chromium, driven by Playwright) against `beslutskoll serve`
on a freshly ingested database: every page type renders the example data and has no serious or critical
axe-core violations; search, facets, live search (htmx), search without JavaScript and the skip link work.

Screenshots of every page type go to $BESLUTSKOLL_SCREENSHOTS (default: a folder in pytest's tmp)."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import cli_env, fresh_database, run_cli
from webdata import EXAMPLE_DOCUMENTS

pytestmark = pytest.mark.register

sync_api = pytest.importorskip("playwright.sync_api")
axe_module = pytest.importorskip("axe_playwright_python.sync_playwright")

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
if not Path(CHROMIUM).exists():
    pytest.skip("Chromium saknas (apt-get install chromium)", allow_module_level=True)

# as this machine needs: no sandbox as root, and no background connections to a closed network
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory):
    """`beslutskoll serve` on a free port, on a new database with the examples ingested by the CLI."""
    folder = tmp_path_factory.mktemp("browser")
    env = cli_env(fresh_database(folder, "browser"), folder / "data")
    ingested = run_cli("ingest", *EXAMPLE_DOCUMENTS, env=env)
    assert ingested.returncode == 0, ingested.stdout + ingested.stderr
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "beslutskoll.cli", "serve", "--port", str(port)],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        # wait for the server to answer (a start-up wait, not a speed requirement)
        for _ in range(600):
            if process.poll() is not None:
                pytest.fail(f"servern avslutades: {process.stdout.read() if process.stdout else ''}")
            try:
                with urllib.request.urlopen(base + "/api/health", timeout=5):
                    break
            except OSError:
                time.sleep(0.1)
        else:
            pytest.fail("servern svarade inte")
        yield base
    finally:
        process.terminate()
        process.wait(timeout=60)


def api(base: str, path: str) -> dict:
    with urllib.request.urlopen(base + path, timeout=30) as response:
        return json.load(response)


@pytest.fixture(scope="module")
def page_urls(server: str) -> dict[str, tuple[str, str]]:
    """Page type → (URL, text its h1 must contain), found through the API."""
    body = next(b for b in api(server, "/api/bodies")["items"] if b["name"] == "Socialnämnden")
    meeting = api(server, f"/api/meetings?body={body['id']}")["items"][0]
    item = next(i for i in api(server, f"/api/items?meeting={meeting['id']}")["items"] if i["number"] == "14")
    person = api(server, "/api/people?name=Ingela")["items"][0]
    return {
        "start": ("/", "Beslut från offentliga sammanträden"),
        "sok": ("/sok/?q=handlingsplan", "Sök bland ärenden och beslut"),
        "sammantrade": (meeting["url"], "Socialnämnden, 19 februari 2025"),
        "arende": (item["url"], "§ 14 Handlingsplan för minskade externa placeringar"),
        "person": (person["url"], "Ingela Markström"),
        "organ": (body["url"], "Socialnämnden (SN)"),
        "organisation": (body["organisation"]["url"], "Norrviks kommun"),
        "sammantraden": ("/sammantrade/", "Sammanträden"),
        "organlista": ("/organ/", "Organ"),
        "organisationer": ("/organisation/", "Organisationer"),
        "personer": ("/person/", "Personer"),
        "tillganglighet": ("/tillganglighet/", "Tillgänglighetsredogörelse"),
        "404": ("/finns-inte/", "Sidan finns inte"),
    }


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="sv-SE")
    yield context.new_page()
    context.close()


@pytest.fixture(scope="module")
def screenshots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = Path(os.environ.get("BESLUTSKOLL_SCREENSHOTS") or tmp_path_factory.mktemp("screenshots"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


PAGE_TYPES = [
    "start", "sok", "sammantrade", "arende", "person", "organ", "organisation",
    "sammantraden", "organlista", "organisationer", "personer", "tillganglighet", "404",
]


@pytest.mark.parametrize("name", PAGE_TYPES)
def test_page_type_renders_and_has_no_serious_axe_violations(
    name: str, server: str, page_urls, page, screenshots: Path
) -> None:
    url, heading = page_urls[name]
    response = page.goto(server + url)
    assert response is not None and response.status == (404 if name == "404" else 200)
    assert heading in page.locator("h1").inner_text()
    assert page.locator("h1").count() == 1
    page.screenshot(path=str(screenshots / f"{name}.png"), full_page=True)

    assert serious_violations(page) == []


def serious_violations(page) -> list:
    results = axe_module.Axe().run(page)
    return [
        (v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]


@pytest.mark.parametrize("name", ["start", "sok", "sammantrade", "arende", "person", "organ", "sammantraden"])
def test_narrow_screen_has_no_serious_axe_violations(
    name: str, browser, server: str, page_urls, screenshots: Path
) -> None:
    """On a phone-sized screen wide tables scroll sideways; the scrolling must work from the keyboard too."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="sv-SE")
    page = context.new_page()
    page.goto(server + page_urls[name][0])
    page.screenshot(path=str(screenshots / f"{name}-smal.png"), full_page=True)
    assert serious_violations(page) == []
    context.close()


def test_pages_reflow_at_320_pixels(browser, server: str, page_urls) -> None:
    """WCAG 1.4.10: at 320 CSS pixels (1280 at 400 % zoom) nothing makes the page scroll sideways;
    wide tables scroll inside their own region."""
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    too_wide = {}
    for name in PAGE_TYPES:
        page.goto(server + page_urls[name][0])
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > 320:
            too_wide[name] = width
    context.close()
    assert too_wide == {}


def test_meeting_page_shows_the_example_meeting(server: str, page_urls, page) -> None:
    page.goto(server + page_urls["sammantrade"][0])
    main = page.locator("main")
    for text in ("Ingela Markström (S)", "Lars Nyhed", "Övriga närvarande", "Godkännande",
                 "Tjänsteskrivelse 2025-02-05", "Senast 30 april 2025"):
        assert text in main.inner_text(), text
    # the original needs a login
    page.get_by_role("link", name="protokoll-socialnamnden.pdf").click()
    page.wait_for_url("**/admin/login/**")


def test_search_and_facet(server: str, page) -> None:
    page.goto(server + "/")
    page.get_by_label("Sök bland ärenden och beslut").fill("plan")
    page.keyboard.press("Enter")
    page.wait_for_url("**/sok/?q=plan")
    hits = page.locator(".hit")
    assert hits.count() >= 3
    assert "Handlingsplan för minskade externa placeringar" in page.locator(".hits").inner_text()

    facets = page.locator("a.facet-link")
    if facets.count() == 0:
        pytest.skip("sökmotorn ger ännu inga facetter (den första sökmotorn är en enkel genomsökning)")
    before = hits.count()
    label = facets.first.locator(".facet-label").inner_text()
    facets.first.click()
    page.wait_for_load_state()
    assert page.locator("a.facet-link[aria-current='true']").first.locator(".facet-label").inner_text() == label
    assert label in page.locator(".active-filters").inner_text()
    assert 0 < page.locator(".hit").count() <= before
    # the chosen filter is taken away again from its chip
    page.locator(".active-filters a.chip").first.click()
    page.wait_for_load_state()
    assert page.locator(".active-filters").count() == 0


def test_live_search_with_htmx(server: str, page) -> None:
    page.goto(server + "/sok/")
    field = page.get_by_label("Sökord")
    field.press_sequentially("handlingsplan")
    page.locator(".hit").first.wait_for()
    page.wait_for_url("**/sok/?q=handlingsplan")
    assert page.locator("h1").count() == 1  # only the results were swapped in
    assert page.evaluate("document.activeElement.id") == "q"  # typing goes on undisturbed
    assert "träff" in page.locator("#sokstatus").inner_text()


def test_search_works_without_javascript(browser, server: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(server + "/")
    page.get_by_label("Sök bland ärenden och beslut").fill("skolskjuts")
    page.get_by_role("button", name="Sök").click()
    page.wait_for_url("**/sok/?q=skolskjuts")
    assert "Revidering av riktlinjer för skolskjuts" in page.locator(".hits").inner_text()
    context.close()


def test_skip_link_with_keyboard(server: str, page_urls, page, screenshots: Path) -> None:
    page.goto(server + page_urls["sammantrade"][0])
    page.keyboard.press("Tab")
    focused = page.evaluate("[document.activeElement.className, document.activeElement.textContent]")
    assert focused == ["skip-link", "Hoppa till innehållet"]
    box = page.locator(".skip-link").bounding_box()
    assert box is not None and box["y"] >= 0  # shown when focused
    page.screenshot(path=str(screenshots / "hopplank.png"))
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "innehall"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('main') !== null")


def test_focus_is_dark_on_yellow_in_the_header_too(server: str, page) -> None:
    page.goto(server + "/")
    page.keyboard.press("Tab")  # the skip link
    page.keyboard.press("Tab")  # the site name in the dark header
    style = page.evaluate(
        "(() => { const s = getComputedStyle(document.activeElement);"
        " return [document.activeElement.className, s.color, s.backgroundColor]; })()"
    )
    assert style == ["brand", "rgb(27, 31, 36)", "rgb(255, 210, 0)"]
