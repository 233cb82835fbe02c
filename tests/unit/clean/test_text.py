"""Tests of the plain-text cleaner: offsets, headline, chrome categories, modes, seeds."""

from __future__ import annotations

import itertools
import random
from pathlib import Path

import pytest

from onrecord.clean import REASONS, clean_text, line_key, repeated_lines
from onrecord.models import CleanText

SEEDS = Path(__file__).resolve().parents[3] / "examples" / "seeds"

PARA_A = (
    "The city council voted on Tuesday to expand the bus network, a plan that officials said "
    "would cut commuting times for thousands of residents in the outer districts."
)
PARA_B = (
    "The mayor, who had campaigned on the issue, told reporters that the first new routes "
    "would open in the spring and that fares would not rise before the end of the year."
)
PARA_C = (
    "Opposition members said the council had not explained how the expansion would be paid "
    "for, and they asked for an independent review of the budget before any contracts are signed."
)

PARA_D = (
    "A spokesman for the transport authority said the review would not delay the timetable, "
    "adding that the authority had already ordered forty new vehicles for the expanded routes."
)


def check_invariants(text: str, result: CleanText) -> None:
    """Segments map the body to the original; removals and segments tile the non-blank text."""
    for seg in result.segments:
        assert (
            result.body[seg.clean_start : seg.clean_start + seg.length]
            == (text[seg.orig_start : seg.orig_start + seg.length])
        )
        assert seg.length > 0
    spans = [(s.orig_start, s.orig_start + s.length) for s in result.segments]
    spans += [(r.start, r.end) for r in result.removed]
    spans.sort()
    for (_, end), (start, _) in itertools.pairwise(spans):
        assert end <= start, "kept and removed stretches overlap"
    covered = [False] * len(text)
    for start, end in spans:
        for i in range(start, end):
            covered[i] = True
    for i, ch in enumerate(text):
        assert covered[i] or ch.isspace(), f"non-blank character {ch!r} at {i} is neither kept nor removed"
    for removal in result.removed:
        assert removal.reason in REASONS
        assert text[removal.start : removal.end].strip()
    if result.title is not None:
        assert text[result.title.start : result.title.end] == result.title.text
    # The body is the kept paragraphs joined by blank lines, nothing else; the pieces of a
    # paragraph that lost an inline stretch (a hover card) follow each other directly.
    inline = {(r.start, r.end) for r in result.removed if r.reason == "hover-card"}
    joined = ""
    previous_end: int | None = None
    for seg in sorted(result.segments, key=lambda s: s.orig_start):
        if previous_end is not None:
            joined += "" if any(a <= previous_end and seg.orig_start <= b for a, b in inline) else "\n\n"
        joined += text[seg.orig_start : seg.orig_start + seg.length]
        previous_end = seg.orig_start + seg.length
    assert result.body == joined


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "\n\n\t\n",
        "One line only without a newline",
        PARA_A,
        f"Headline Of The Day\r\n\r\n{PARA_A}\r\n\r\n{PARA_B}\r\n",
        f"Headline Of The Day\r{PARA_A}\r\r{PARA_B}",
        f"\tHeadline Of The Day\n\t{PARA_A}\n\t\t{PARA_B}  \n",
        f"Emoji headline 🎉 with combining cafe\u0301\n\n{PARA_A} 👍🏽 ok.\n\n{PARA_B}",
        f"{PARA_A}\u2028{PARA_B}\x0b{PARA_C}\x85tail",
        "\r\n\r",
        "*\n* \n*",
    ],
)
def test_offsets_on_varied_inputs(text: str) -> None:
    result = clean_text(text)
    check_invariants(text, result)
    check_invariants(text, clean_text(text, extracted=True))


def test_empty_and_blank_give_empty_body() -> None:
    for text in ("", "  \n\t \r\n"):
        result = clean_text(text)
        assert result.body == ""
        assert result.segments == ()
        assert result.removed == ()
        assert result.title is None


def test_fuzz_never_raises_and_keeps_invariants() -> None:
    rng = random.Random(20240501)
    pieces = [
        PARA_A,
        PARA_B,
        "Advertisement",
        "Related",
        "* Home",
        "Photo: Jane Doe / AFP",
        "By John Smith",
        "Nov. 19, 2019 5:50 PM",
        "Sign up for our newsletter",
        "Comments",
        "Short Headline Here",
        "é\u0301🙂",
        "\t",
        "",
        "   x   ",
        "(AP)",
        "© 2020 Example Media. All rights reserved.",
    ]
    breaks = ["\n", "\r\n", "\r", "\n\n", "  \n  "]
    for _ in range(300):
        parts = [rng.choice(pieces) for _ in range(rng.randint(0, 14))]
        text = "".join(p + rng.choice(breaks) for p in parts)
        if rng.random() < 0.3:
            text = "".join(rng.choice(text + "abc \n\r\t") for _ in range(rng.randint(0, 60)))
        check_invariants(text, clean_text(text))
        check_invariants(text, clean_text(text, extracted=True))


def test_deterministic() -> None:
    text = f"Council Expands Bus Network\n\n{PARA_A}\n\nAdvertisement\n\n{PARA_B}"
    assert clean_text(text) == clean_text(text)


def test_title_found_and_not_in_body() -> None:
    text = f"Council Expands Bus Network To Outer Districts\n\n{PARA_A}\n\n{PARA_B}\n\n{PARA_C}"
    result = clean_text(text)
    check_invariants(text, result)
    assert result.title is not None
    assert result.title.text == "Council Expands Bus Network To Outer Districts"
    assert "Council Expands" not in result.body
    assert [r.reason for r in result.removed] == ["title"]
    assert PARA_A in result.body and PARA_C in result.body


def test_duplicate_title_with_different_quotes() -> None:
    text = (
        "Mayor says \u2018no fare rise\u2019 this year\n\n"
        "Mayor says 'no fare rise' this year\n\n"
        f"{PARA_A}\n\n{PARA_B}"
    )
    result = clean_text(text)
    check_invariants(text, result)
    assert result.title is not None
    assert result.title.start == 0
    reasons = [r.reason for r in result.removed]
    assert reasons == ["title", "duplicate-title"]
    assert "Mayor says" not in result.body


def test_text_starting_with_body_has_no_title_and_keeps_first_paragraph() -> None:
    text = f"{PARA_A}\n\n{PARA_B}\n\n{PARA_C}"
    result = clean_text(text)
    assert result.title is None
    assert result.body == text


def _removed_texts(text: str, result: CleanText, reason: str) -> list[str]:
    return [text[r.start : r.end] for r in result.removed if r.reason == reason]


@pytest.mark.parametrize(
    ("chrome", "reason"),
    [
        ("Advertisement", "advertisement"),
        ("Skip to main content", "navigation"),
        ("Back to top", "navigation"),
        ("Share on Facebook", "social"),
        ("Facebook Twitter WhatsApp Email", "social"),
        ("\u00a9 2024 Example Media Group. All rights reserved.", "legal"),
        ("We use cookies to improve your experience on our site and to show you relevant ads.", "legal"),
        ("To suggest a correction to this article, contact the editors", "correction-notice"),
        ("Select the text and press Ctrl+Enter to report a typo", "correction-notice"),
    ],
)
def test_chrome_lines_between_paragraphs(chrome: str, reason: str) -> None:
    text = f"{PARA_A}\n\n{chrome}\n\n{PARA_B}\n\n{PARA_C}"
    result = clean_text(text)
    check_invariants(text, result)
    assert chrome not in result.body
    assert _removed_texts(text, result, reason) == [chrome]
    for para in (PARA_A, PARA_B, PARA_C):
        assert para in result.body


def test_newsletter_box_with_its_sales_paragraph() -> None:
    box = (
        "Get the morning briefing newsletter\n\n"
        "Our editors pick the stories you need every weekday, delivered to your inbox before "
        "breakfast. You can unsubscribe at any time.\n\n"
        "Sign up"
    )
    text = f"{PARA_A}\n\n{PARA_B}\n\n{box}\n\n{PARA_C}\n\n{PARA_D}"
    result = clean_text(text)
    check_invariants(text, result)
    assert "inbox" not in result.body
    assert "briefing" not in result.body
    assert PARA_C in result.body


def test_donation_appeal_paragraphs() -> None:
    appeal = (
        "A Message from The Daily Example:\n\n"
        "Dear readers,\n\n"
        "Independent reporting costs money, and our newsroom depends on readers like you to keep "
        "going. We never put our journalism behind a paywall.\n\n"
        "If you can, please support us with a monthly contribution. Every gift makes a "
        "difference to our work.\n\n"
        "Monthly\n\nOnce\n\nContinue"
    )
    text = f"{PARA_A}\n\n{PARA_B}\n\n{PARA_C}\n\n{appeal}"
    result = clean_text(text)
    check_invariants(text, result)
    assert result.body == f"{PARA_A}\n\n{PARA_B}\n\n{PARA_C}"
    assert any(r.reason == "donation-appeal" for r in result.removed)


def test_teaser_block_takes_headline_and_blurb() -> None:
    teaser_headline = "Rail Strike Set To Disrupt Weekend Services Across The Region"
    teaser = (
        f"{teaser_headline}\n"
        "Related Stories\n\n"
        f"{teaser_headline}\n\n"
        "Unions say talks have stalled over pay and staffing levels, and commuters should expect "
        "cancellations.\n\n"
    )
    text = f"{PARA_A}\n\n{PARA_B}\n\n{teaser}{PARA_C}\n\n{PARA_D}"
    result = clean_text(text)
    check_invariants(text, result)
    assert "Rail Strike" not in result.body
    assert "Unions say" not in result.body
    assert PARA_C in result.body
    assert all(r.reason == "teaser" for r in result.removed)


def test_inline_read_more_line() -> None:
    line = "Read more: How the city plans to pay for new buses"
    text = f"{PARA_A}\n\n{line}\n\n{PARA_B}"
    result = clean_text(text)
    assert _removed_texts(text, result, "teaser") == [line]
    assert PARA_B in result.body


@pytest.mark.parametrize(
    "caption",
    [
        "The mayor speaks at city hall on Tuesday. Jane Doe / City Press / AFP",
        "Commuters wait for a bus on Main Street in Springfield (AP)",
        "Buses at the depot on Monday. (Photo by John Roe/Getty Images)",
    ],
)
def test_caption_lines(caption: str) -> None:
    text = f"Council Expands Bus Network\n\n{caption}\n\n{PARA_A}\n\n{PARA_B}"
    result = clean_text(text)
    check_invariants(text, result)
    assert caption not in result.body
    assert _removed_texts(text, result, "caption") == [caption]
    assert result.title is not None and result.title.text == "Council Expands Bus Network"


def test_comments_section_is_cut() -> None:
    comment = (
        "I have taken this bus for twenty years and it has never once been on time, so I will "
        "believe the new routes when I see them running."
    )
    text = f"{PARA_A}\n\n{PARA_B}\n\n{PARA_C}\n\n12 Comments\n\n{comment}\n\nReply"
    result = clean_text(text)
    check_invariants(text, result)
    assert comment not in result.body
    assert PARA_C in result.body


def test_extracted_keeps_prose_and_removes_only_certain_chrome() -> None:
    short_prose = "He declined to comment"
    text = f"{PARA_A}\n\nAdvertisement\n\n{short_prose}\n\nUnusual Subheading\n\n{PARA_B}"
    result = clean_text(text, extracted=True)
    check_invariants(text, result)
    assert short_prose in result.body
    assert "Unusual Subheading" in result.body
    assert "Advertisement" not in result.body
    assert [r.reason for r in result.removed] == ["advertisement"]


def test_known_boilerplate_and_repeated_lines() -> None:
    footer = "The Daily Example is published by Example Media Ltd, registered in Springfield."
    texts = [
        f"Story {n} Headline Goes Here\n\n{para}\n\n{footer}"
        for n, para in enumerate((PARA_A, PARA_B, PARA_C), start=1)
    ]
    known = repeated_lines(texts, min_articles=3)
    assert line_key(footer) in known
    assert line_key(PARA_A) not in known
    # The same page twice is one article.
    assert line_key(footer) not in repeated_lines([texts[0], texts[0], texts[1]], min_articles=3)
    text = f"{PARA_A}\n\n{footer}\n\n{PARA_B}"
    result = clean_text(text, known_boilerplate=known)
    check_invariants(text, result)
    assert footer not in result.body
    assert _removed_texts(text, result, "repeated-across-outlet") == [footer]
    extracted = clean_text(text, known_boilerplate=known, extracted=True)
    assert footer not in extracted.body


def test_line_key_normalises() -> None:
    assert line_key("  \u201cQuoted\u201d \u2014 Headline 2024  ") == line_key('"quoted" - headline 1999')
    assert line_key("* Advertisement ") == "advertisement"
    assert line_key("") == ""


def test_hard_wrapped_paragraph_is_one_segment() -> None:
    text = (
        "The council voted on Tuesday to expand the bus network, a plan that\n"
        "officials said would cut commuting times for thousands of residents.\n\n"
        f"{PARA_B}"
    )
    result = clean_text(text)
    check_invariants(text, result)
    assert len(result.segments) == 2
    assert result.body.startswith(
        "The council voted on Tuesday to expand the bus network, a plan that\nofficials"
    )


# --- Seed articles: checks, not training data -------------------------------------------------


def _seed(prefix: str) -> str:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


SEED_CHROME = [
    "Dear readers",
    "We are facing unprecedented challenges",
    "Sign up for our free weekly newsletter",
    "Our weekly newsletter contains",
    "Other Topics of Interest",
    "Iconic Russian massive, WW2-style tank assaults",
    "Advertisement",
    "Skip to content",
    "Scroll to Top",
    "Natalia Shatokhina / NEWS.ru / TASS",
    "in Washington (AP)",
    "To suggest a correction",
    "Ctrl + Enter",
    "Support The Moscow Times",
    "Remind me later",
]

SEED_PARAGRAPHS = {
    "000": [
        "Kremlin spokesman Dmitry Peskov said Wednesday that Ukraine should engage directly",
        "On Tuesday, U.S. Secretary of State Marco Rubio warned",
        "Trump also called for direct talks between Zelensky and Putin",
    ],
    "001": [
        "Ukrainian President Volodymyr Zelensky's statements at the White House have shown",
        "He answered a TASS reporter's question",
        "The two countries have sent high-level delegations",
    ],
    "002": [
        "Contacts between Russia and the United States have picked up in recent weeks",
        "Meanwhile, Peskov dismissed Ukrainian President Volodymyr Zelensky",
        "“Zelensky has big problems de jure in Ukraine.",
        "When asked how he would feel sitting across from Putin",
    ],
    "003": [
        "Kremlin spokesman Dmitry Peskov said, in an interview with the French magazine Le Point",
        "Peskov also dismissed claims that the Baltic states are next",
    ],
    "004": [
        "The Kremlin responded cautiously on Sunday",
        "Delegations from Russia and Ukraine already spoke to each other in Istanbul",
        "Experts believe that they have almost all been taken to Russia.",
    ],
}

SEED_TITLES = {
    "000": "Kremlin to Ukraine: Negotiate With Us, Not Washington",
    "001": "Kiev does not want peace and is not looking for negotiation: Kremlin",
    "002": None,
    "003": "Kremlin Spokesman on U.S.-Russian Relations",
    "004": "Kremlin cautious after the proposal from Zensky: \u2018Our goals are unchanged\u2019",
}


@pytest.mark.parametrize("prefix", sorted(SEED_PARAGRAPHS))
def test_seed_articles(prefix: str) -> None:
    text = _seed(prefix)
    result = clean_text(text)
    check_invariants(text, result)
    # The seeds use no-break spaces here and there; compare words, not space characters.
    body = result.body.replace("\u00a0", " ")
    for paragraph in SEED_PARAGRAPHS[prefix]:
        assert paragraph in body
    for chrome in SEED_CHROME:
        assert chrome not in body
    expected_title = SEED_TITLES[prefix]
    if expected_title is None:
        assert result.title is None
        assert result.body.startswith("Contacts between Russia")
    else:
        assert result.title is not None
        assert result.title.text == expected_title
        assert "Kremlin to Ukraine: Negotiate" not in result.body
        assert expected_title not in result.body


def test_seed_duplicate_headline_removed_once() -> None:
    text = _seed("004")
    result = clean_text(text)
    reasons = [r.reason for r in result.removed]
    assert reasons.count("title") == 1
    assert reasons.count("duplicate-title") == 1
    assert "Kremlin cautious after the proposal" not in result.body


HOVER_PARA = (
    "A man pleaded guilty to charges he threatened to kill Rep. Jane RowanJane RowanSenate "
    'passes stopgap bill | Rowan says "we will not back down" on housing MORE (D-Ore.) in a '
    "voicemail left at her office in March, prosecutors said on Tuesday."
)


def test_hover_card_inside_a_paragraph_is_removed() -> None:
    text = f"{PARA_A}\n\n{HOVER_PARA}\n\n{PARA_B}\n"
    result = clean_text(text)
    check_invariants(text, result)
    assert "Rep. Jane Rowan (D-Ore.) in a voicemail" in result.body
    assert "stopgap" not in result.body
    cards = [r for r in result.removed if r.reason == "hover-card"]
    assert len(cards) == 1
    assert text[cards[0].start : cards[0].end].startswith("Jane RowanSenate")
    assert text[cards[0].start : cards[0].end].endswith("MORE")
    # the HTML path (already extracted text) loses the card too
    assert "stopgap" not in clean_text(text, extracted=True).body
