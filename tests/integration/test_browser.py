"""The UI in a real browser: headless Chromium (Debian's package) driven by Playwright.

Chromium is installed by `make browser` (which `make test` runs). Without it these tests skip,
except under CI (CI=true), where a missing browser fails them: the UI must not go untested there.
Screenshots go to $ONRECORD_SCREENSHOTS (`make screenshots` sets docs/screenshots) or a temporary
folder.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.hostile import feed_line
from tests.live_server import serve
from tests.seeds_store import build_seeds_db

from onrecord.service import Service

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

if not Path(CHROMIUM).exists():
    if os.environ.get("CI"):
        pytest.fail(
            f"{CHROMIUM} is missing under CI: `make browser` installs Debian's chromium", pytrace=False
        )
    pytest.skip(
        f"{CHROMIUM} is not installed: run `make browser` (apt-get install chromium)", allow_module_level=True
    )

from playwright.sync_api import Browser, ConsoleMessage, Page, expect, sync_playwright  # noqa: E402


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("browser")
    db = build_seeds_db(folder)
    (folder / "hostile.jsonl").write_text(feed_line(), encoding="utf-8")
    with Service(db) as service:
        assert service.ingest([str(folder / "hostile.jsonl")]).stored == 1
    with serve(db) as base:
        yield base


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = Path(os.environ.get("ONRECORD_SCREENSHOTS") or tmp_path_factory.mktemp("screenshots"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    p = context.new_page()
    problems: list[str] = []
    p.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    p.on("pageerror", lambda e: problems.append(str(e)))
    yield p
    context.close()
    assert problems == [], f"errors in the browser console: {problems}"


def test_search_then_open_a_speaker_and_see_the_chart(page: Page, base_url: str, shots: Path) -> None:
    page.goto(base_url + "/")
    page.fill("#q", "ceasefire")
    page.press("#q", "Enter")
    page.wait_for_url(re.compile(r"q=ceasefire"))
    results = page.locator("li.result")
    expect(results.first).to_be_visible()
    assert results.count() >= 3
    expect(results.first.locator("mark.hl-content")).to_be_visible()
    expect(results.first.locator("time")).to_have_text(re.compile(r"\d{4}-\d\d-\d\d|undated"))
    page.screenshot(path=str(shots / "search.png"), full_page=False)

    page.get_by_role("link", name="Dmitry Peskov").first.click()
    page.wait_for_url(re.compile(r"/speakers/dmitry-peskov$"))
    expect(page.locator("h1")).to_have_text("Dmitry Peskov")
    chart = page.locator("svg.timeline")
    expect(chart).to_be_visible()
    dots = chart.locator("circle.dot")
    assert dots.count() >= 5
    box = chart.bounding_box()
    assert box is not None and box["width"] > 600 and box["height"] > 50
    page.screenshot(path=str(shots / "speaker.png"), full_page=False)


def test_chart_dot_opens_the_statement_with_its_reports(page: Page, base_url: str, shots: Path) -> None:
    page.goto(base_url + "/speakers/vladimir-putin")
    dots = page.locator("svg.timeline a.dot-link")
    assert dots.count() >= 3
    # From the keyboard: focus the dot of the remark two outlets reported, and follow it.
    two = page.locator("svg.timeline a.dot-link[aria-label*='2 outlets']").first
    two.focus()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/statements/s[0-9a-f]+$"))
    reports = page.locator("section.report")
    expect(reports).to_have_count(2)
    assert set(reports.locator("h3").all_inner_texts()) == {"The Moscow Times", "Outlet C"}
    page.screenshot(path=str(shots / "statement.png"), full_page=False)
    reports.first.locator("a.source").click()
    page.wait_for_url(re.compile(r"/articles/[0-9a-f]+#a-"))
    expect(page.locator(".card:not([hidden])")).to_have_count(1)  # the quote's details are open


def test_search_filters_by_speaker_and_outlet(page: Page, base_url: str) -> None:
    page.goto(base_url + "/")
    page.fill("#speaker", "Peskov")
    page.select_option("#outlet", "The Moscow Times")
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r"outlet=The\+Moscow\+Times"))
    outlets = page.locator("li.result .outlet").all_inner_texts()
    assert outlets and set(outlets) == {"The Moscow Times"}


def test_article_highlights_details_and_boilerplate_toggle(page: Page, base_url: str, shots: Path) -> None:
    page.goto(base_url + "/articles")
    page.get_by_role("link", name=re.compile("Negotiate With Us")).click()
    text = page.locator("#article-text")
    expect(text).to_be_visible()
    colours = {}
    for role in ("content", "cue", "mention"):
        marks = text.locator(f".hl-{role}")
        assert marks.count() >= 5, role
        colours[role] = marks.first.evaluate("el => getComputedStyle(el).backgroundColor")
    assert len(set(colours.values())) == 3, colours

    # Removed boilerplate is hidden until asked for.
    removed = text.locator(".removed").first
    expect(removed).to_be_hidden()
    assert "Support The Moscow Times" not in text.inner_text()
    page.get_by_text("Show removed boilerplate").click()
    expect(removed).to_be_visible()
    assert "Support The Moscow Times" in text.inner_text()
    page.screenshot(path=str(shots / "article-removed.png"), full_page=False)
    page.get_by_text("Show removed boilerplate").click()
    expect(removed).to_be_hidden()

    # Clicking a quote shows who said it and when.
    quote = text.locator(".hl-content", has_text="America is trying to mediate").first
    quote.click()
    card = page.locator(".card:not([hidden])")
    expect(card).to_have_count(1)
    expect(card.locator("h2")).to_have_text("Dmitry Peskov")
    expect(card).to_contain_text("2025-04-30")
    page.screenshot(path=str(shots / "article.png"), full_page=False)

    # The same from the keyboard: Tab reaches a quote, Enter opens it, Escape closes it.
    page.keyboard.press("Escape")
    expect(page.locator(".card:not([hidden])")).to_have_count(0)
    anchor = text.locator("[role=button]").nth(2)
    anchor.focus()
    page.keyboard.press("Enter")
    expect(anchor).to_have_attribute("aria-expanded", "true")
    expect(page.locator(".card:not([hidden])")).to_have_count(1)


def test_phone_width_has_no_sideways_scrolling(browser: Browser, base_url: str, shots: Path) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    p = context.new_page()
    for url in ("/", "/?q=peace", "/speakers/dmitry-peskov", "/articles"):
        p.goto(base_url + url)
        overflow = p.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 1, (url, overflow)
    p.goto(base_url + "/articles")
    p.locator("tbody a").first.click()
    p.locator("#article-text [role=button]").first.tap()
    expect(p.locator(".card:not([hidden])")).to_have_count(1)
    p.screenshot(path=str(shots / "phone-article.png"), full_page=False)
    context.close()


def test_hostile_article_runs_nothing(browser: Browser, base_url: str) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    p = context.new_page()
    dialogs: list[str] = []
    messages: list[ConsoleMessage] = []
    p.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    p.on("console", lambda m: messages.append(m))
    urls = ["/articles/hostile-1", "/?q=script", "/?q=harbour", "/articles", "/speakers"]
    for url in urls:
        p.goto(base_url + url)
        p.wait_for_load_state("load")
        # Touch everything a reader could: open the boilerplate, hover and click each highlight.
        toggle = p.get_by_text("Show removed boilerplate")
        if toggle.count():
            toggle.click()
        for run in p.locator("#article-text span").all()[:80]:
            if run.is_visible():
                run.hover()
                run.click()
        assert p.evaluate("window.__pwned") is None, url
        assert p.locator("main script, main img, main iframe, main svg:not(.timeline)").count() == 0, url
        assert p.locator("a[href^='javascript:']").count() == 0, url
    visible = p.goto(base_url + "/articles/hostile-1")
    assert visible is not None
    body = p.locator("#article-text").inner_text()
    assert "<script>window.__pwned=1</script>" in body  # shown as text, exactly as written
    assert dialogs == []
    # Nothing even tried to run: a blocked inline script would have left a CSP report here.
    assert not [m.text for m in messages if "Content Security Policy" in m.text]
    context.close()
