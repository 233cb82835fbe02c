"""`make run`'s job, checked end to end: the five example articles stored clean."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.integration.helpers import run, run_json

CHROME = [
    "Support The Moscow Times",
    "Sign up for our free weekly newsletter",
    "Our weekly newsletter contains",
    "Subscribers agree to the Privacy Policy",
    "A Message from The Moscow Times",
    "Dear readers",
    "We are facing unprecedented challenges",
    "Remind me later",
    "Other Topics of Interest",
    "Russia Is Running Out of Tanks",
    "Iconic Russian massive, WW2-style tank assaults",
    "Advertisement",
    "Skip to content",
    "Scroll to Top",
    "Natalia Shatokhina / NEWS.ru / TASS",
    "listens in the Oval Office at the White House",
    "To suggest a correction",
    "press Ctrl + Enter",
]

# One early and one late paragraph of each article's body, as they must survive cleaning.
BODY = {
    "000": [
        "Kremlin spokesman Dmitry Peskov said Wednesday that Ukraine should engage directly",
        "the Russian president ruled out speaking directly with his Ukrainian counterpart",
    ],
    "001": [
        "Kiev does not want peace and is not ready for negotiations, Kremlin spokesperson Dmitry Peskov said",
        "The two countries have sent high-level delegations",
    ],
    "002": [
        "Contacts between Russia and the United States have picked up in recent weeks",
        "Zelensky has big problems de jure in Ukraine",
        "definitely we will go for this set-up",
    ],
    "003": [
        "Kremlin spokesman Dmitry Peskov said, in an interview with the French magazine Le Point",
        "Peskov went on to say",
    ],
    "004": [
        "The Kremlin responded cautiously on Sunday",
        "Experts believe that they have almost all been taken to Russia.",
    ],
}


@pytest.fixture(scope="module")
def stored(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, object]]:
    root = Path(__file__).resolve().parents[2]
    db = str(tmp_path_factory.mktemp("seeds") / "onrecord.db")
    proc = run("ingest", str(root / "examples" / "seeds"), "--db", db)
    assert proc.returncode == 0, proc.stderr
    listed = run_json("articles", "--db", db)
    assert len(listed) == 5
    return {Path(a["source"]).name[:3]: run_json("show", a["id"], "--db", db) for a in listed}


def _words(s: object) -> str:
    # The scraped seeds contain non-breaking spaces; compare words, not whitespace bytes.
    return " ".join(str(s).split())


@pytest.mark.parametrize("seed", sorted(BODY))
def test_body_kept(stored: dict[str, dict[str, object]], seed: str) -> None:
    text = _words(stored[seed]["text"])
    for sentence in BODY[seed]:
        assert sentence in text


@pytest.mark.parametrize("seed", sorted(BODY))
def test_chrome_removed(stored: dict[str, dict[str, object]], seed: str) -> None:
    text = _words(stored[seed]["text"])
    for phrase in CHROME:
        assert phrase not in text, f"{seed}: {phrase!r} survived cleaning"


def test_titles_found_and_duplicate_headline_removed(stored: dict[str, dict[str, object]]) -> None:
    assert stored["000"]["title"] == "Kremlin to Ukraine: Negotiate With Us, Not Washington"
    assert stored["003"]["title"] == "Kremlin Spokesman on U.S.-Russian Relations"
    assert str(stored["004"]["title"]).startswith("Kremlin cautious after the proposal from Zensky")
    assert "Kremlin cautious after the proposal" not in str(stored["004"]["text"])
    reasons = {r["reason"] for r in stored["004"]["removed"]}  # type: ignore[attr-defined]
    assert "duplicate-title" in reasons


def test_unknown_dates_stay_unknown(stored: dict[str, dict[str, object]]) -> None:
    # None of the plain-text seeds states its own publication date on a byline or dateline.
    assert all(a["published"] is None for a in stored.values())
