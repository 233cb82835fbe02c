"""Candidate shifts: which texts are in tension, and which statements are compared at all."""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import pytest

from onrecord.models import Shift
from onrecord.nlp.embed import Vectors
from onrecord.timeline.shifts import MIN_SIMILARITY, ShiftInput, find_shifts, tension

DIM = 8
THRESHOLD = 0.45
READY = "we remain ready for talks with Kyiv"
NOT_READY = "we are not ready for talks with Kyiv"


def near(cos_to_base: float, axis: int = 1) -> Vectors:
    """A unit vector whose cosine with the first axis is ``cos_to_base``."""
    v = np.zeros(DIM, dtype=np.float32)
    v[0] = cos_to_base
    v[axis] = math.sqrt(1 - cos_to_base**2)
    return v


BASE = near(1.0)


def stmt(
    ident: str,
    day: str | None,
    text: str,
    *,
    speaker: str = "dmitry-peskov",
    topics: dict[str, float] | None = None,
) -> ShiftInput:
    return ShiftInput(ident, speaker, day, text, {"negotiations": 0.8} if topics is None else topics)


def shifts(statements: Sequence[ShiftInput], vectors: Sequence[Vectors], *, limit: int = 5) -> list[Shift]:
    return find_shifts(statements, np.stack(list(vectors)), THRESHOLD, limit=limit)


# -- tension ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b", "word"),
    [
        ("we are ready for talks", "we are not ready for talks", "not"),
        ("Kyiv wants peace", "Kyiv does not want peace", "not"),
        ("Moscow accepted the offer", "Moscow refused the offer", "refused"),
        ("talks with Zelensky are possible", "he ruled out talks with Zelensky", "ruled out"),
        ("we will sign it", "we won't sign it", "won't"),
        ("we are ready", "we aren't ready", "aren't"),
        ("they could agree", "they couldn't agree", "n't"),
    ],
)
def test_negation_on_one_side_only(a: str, b: str, word: str) -> None:
    assert tension(a, b) == ("negation", f"“{word}” on one side only")
    found = tension(b, a)
    assert found is not None and found[0] == "negation"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("we will sign it", "we won’t sign it"),
        ("we hear a reaction from Kyiv", "we don’t hear any reaction from Kyiv"),
    ],
)
def test_a_contraction_with_a_curly_apostrophe_is_a_negation(a: str, b: str) -> None:
    found = tension(a, b)
    assert found is not None and found[0] == "negation"


def test_negation_on_both_sides_is_no_tension() -> None:
    assert tension("we are not ready for talks", "Kyiv does not want talks") is None


@pytest.mark.parametrize(
    ("a", "b", "detail"),
    [
        # durations are one measure whatever the unit
        ("a 30-day ceasefire", "a 72-hour ceasefire", "720 vs 72 (duration in hours)"),
        ("within two weeks", "within three weeks", "336 vs 504 (duration in hours)"),
        ("1,000 prisoners will be exchanged", "1,200 prisoners will be exchanged", "1000 vs 1200 (prisoner)"),
        ("a $1 trillion plan", "a $2 trillion plan", "1 vs 2 ($ trillion)"),
    ],
)
def test_changed_numbers(a: str, b: str, detail: str) -> None:
    assert tension(a, b) == ("number", detail)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # one set of amounts contains the other: a second option, not a change
        ("50 days to agree", "50 days or 10 days to agree"),
        # years, ranks and bare numbers are not amounts
        ("in 2008 he won the state", "in 2012 he won the state"),
        ("one of the candidates", "two of the candidates said"),
        # amounts of one unit that measure different things
        ("donate $3 now to condemn hate", "the average donation was $27"),
    ],
)
def test_numbers_that_are_no_change(a: str, b: str) -> None:
    assert tension(a, b) is None


def test_a_negation_about_another_matter_is_no_tension() -> None:
    assert tension("he will support the nominee", "he couldn't yet support his candidacy") is not None
    assert tension("he will support the nominee", "the polls were not kind to him this week") is None
    # the negation must govern the shared word, not merely precede it in the sentence
    assert tension("the others can beat Trump", "the others can't in the end beat Trump") is None


def test_the_same_numbers_or_a_number_on_one_side_are_no_tension() -> None:
    assert tension("a 30-day ceasefire", "a ceasefire of 30 days, he said") is None
    assert tension("a 30-day ceasefire", "a ceasefire soon") is None


def test_an_open_end_then_a_stated_time() -> None:
    assert tension("the operation will go on indefinitely", "the operation will end by May") == (
        "deadline",
        "“never” or no deadline, then a stated time",
    )
    assert tension("the operation will end by May", "the operation will go on indefinitely") == (
        "deadline",
        "a stated time, then “never” or no deadline",
    )
    # both sides deny something, so the negation does not decide it
    assert tension(
        "Trump has never named any dates. We do not think a deadline helps", "We will not sign before May"
    ) == ("deadline", "“never” or no deadline, then a stated time")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Trump has never set a deadline for a ceasefire", "a ceasefire must come within fifty days"),
        ("there is no deadline for the talks", "the talks must end by May"),
    ],
)
def test_never_or_no_deadline_against_a_stated_time_is_a_deadline_tension(a: str, b: str) -> None:
    found = tension(a, b)
    assert found is not None and found[0] == "deadline"


def test_no_tension() -> None:
    assert tension("we are ready for talks", "we are ready for peace talks") is None
    assert tension("the talks will end by May", "the talks will end by May, he said") is None
    assert tension("", "") is None


# -- find_shifts -----------------------------------------------------------------------------------------


def test_a_flag_between_two_statements_in_tension_earlier_first() -> None:
    statements = [stmt("s2", "2025-03-03", NOT_READY), stmt("s1", "2025-02-06", READY)]
    [found] = shifts(statements, [near(0.9), BASE])
    assert (found.a, found.b, found.topic, found.reason) == ("s1", "s2", "negotiations", "negation")
    assert found.detail == "“not” on one side only"
    assert found.score == pytest.approx(0.9, abs=1e-3)


def test_only_similar_statements_are_compared() -> None:
    below = MIN_SIMILARITY - 0.01
    statements = [stmt("s1", "2025-02-06", READY), stmt("s2", "2025-03-03", NOT_READY)]
    assert shifts(statements, [BASE, near(below)]) == []
    assert len(shifts(statements, [BASE, near(MIN_SIMILARITY + 0.01)])) == 1


def test_only_one_speakers_statements_are_compared() -> None:
    statements = [
        stmt("s1", "2025-02-06", READY),
        stmt("s2", "2025-03-03", NOT_READY, speaker="vladimir-putin"),
    ]
    assert shifts(statements, [BASE, BASE]) == []


@pytest.mark.parametrize(
    ("topics_a", "topics_b"),
    [
        ({"negotiations": 0.8}, {"ceasefire": 0.8}),  # different topics
        ({"negotiations": 0.8}, {"negotiations": THRESHOLD - 0.01}),  # one below the threshold
        ({}, {}),  # no topic at all
    ],
)
def test_only_statements_on_a_shared_topic_are_compared(
    topics_a: dict[str, float], topics_b: dict[str, float]
) -> None:
    statements = [
        stmt("s1", "2025-02-06", READY, topics=topics_a),
        stmt("s2", "2025-03-03", NOT_READY, topics=topics_b),
    ]
    assert shifts(statements, [BASE, BASE]) == []


def test_a_topic_exactly_at_the_threshold_counts() -> None:
    statements = [
        stmt("s1", "2025-02-06", READY, topics={"negotiations": THRESHOLD}),
        stmt("s2", "2025-03-03", NOT_READY, topics={"negotiations": THRESHOLD}),
    ]
    assert [x.topic for x in shifts(statements, [BASE, BASE])] == ["negotiations"]


@pytest.mark.parametrize(
    ("kind", "name", "flagged"),
    [
        ("person", "Dmitry Peskov", True),
        ("organization", "Kremlin", True),
        # many voices, or an organisation known only by a common noun: each report may be another
        ("group", "Kremlin officials", False),
        ("organization", "new poll", False),
    ],
)
def test_whose_positions_can_shift(kind: str, name: str, flagged: bool) -> None:
    statements = [
        ShiftInput("s1", "x", "2025-02-06", READY, {"negotiations": 0.8}, kind, name),
        ShiftInput("s2", "x", "2025-03-03", NOT_READY, {"negotiations": 0.8}, kind, name),
    ]
    assert bool(shifts(statements, [BASE, BASE])) is flagged


def test_undated_statements_are_skipped() -> None:
    statements = [stmt("s1", None, READY), stmt("s2", "2025-03-03", NOT_READY), stmt("s3", None, NOT_READY)]
    assert shifts(statements, [BASE, BASE, BASE]) == []


def test_no_flag_on_the_same_day() -> None:
    statements = [stmt("s1", "2025-03-03", READY), stmt("s2", "2025-03-03", NOT_READY)]
    assert shifts(statements, [BASE, BASE]) == []


def test_no_flag_without_tension() -> None:
    statements = [stmt("s1", "2025-02-06", READY), stmt("s2", "2025-03-03", READY + " soon")]
    assert shifts(statements, [BASE, BASE]) == []


def test_a_pair_on_two_shared_topics_is_flagged_once() -> None:
    both = {"negotiations": 0.8, "bilateral-relations": 0.7}
    statements = [
        stmt("s1", "2025-02-06", READY, topics=both),
        stmt("s2", "2025-03-03", NOT_READY, topics=both),
    ]
    found = shifts(statements, [BASE, BASE])
    assert len(found) == 1
    assert found[0].topic in both


def test_each_statement_is_compared_with_its_most_similar_earlier_ones() -> None:
    # s3 contradicts both s1 and s2; with limit=1 only the closer of them (s2) is compared
    statements = [
        stmt("s1", "2025-02-01", READY),
        stmt("s2", "2025-02-10", READY + " now"),
        stmt("s3", "2025-03-01", NOT_READY),
    ]
    vectors = [near(0.90, axis=2), near(0.95), BASE]
    all_pairs = {(x.a, x.b) for x in shifts(statements, vectors)}
    assert all_pairs == {("s1", "s3"), ("s2", "s3")}
    assert {(x.a, x.b) for x in shifts(statements, vectors, limit=1)} == {("s2", "s3")}


def test_flags_are_ordered_by_similarity() -> None:
    statements = [
        stmt("s1", "2025-02-01", READY),
        stmt("s2", "2025-02-10", READY + " now"),
        stmt("s3", "2025-03-01", NOT_READY),
    ]
    found = shifts(statements, [near(0.90, axis=2), near(0.95), BASE])
    assert [x.a for x in found] == ["s2", "s1"]
    assert [x.score for x in found] == sorted((x.score for x in found), reverse=True)


def test_nothing_in_nothing_out() -> None:
    assert find_shifts([], np.zeros((0, DIM), dtype=np.float32), THRESHOLD) == []
