"""Linking reports of one statement: time intervals, cue keys, pair evidence, the rules, and grouping.

Vectors are made by hand (unit vectors with chosen cosines), so nothing here needs the embedding model.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date, timedelta

import numpy as np
import pytest

from onrecord.models import StatementDate
from onrecord.nlp.embed import Vectors
from onrecord.timeline.linking import (
    APART,
    DEFAULT,
    OPEN,
    OTHER_DAYS,
    SAME_DAY,
    LinkItem,
    PairFeatures,
    Thresholds,
    candidate_pairs,
    cue_key,
    interval,
    link,
    linked_pair,
    pair_features,
    same_statement,
    when,
)

DIM = 8


def unit(*coords: float) -> Vectors:
    """A unit vector of DIM dimensions from its first coordinates."""
    v = np.zeros(DIM, dtype=np.float32)
    v[: len(coords)] = coords
    out: Vectors = (v / np.linalg.norm(v)).astype(np.float32)
    return out


def at_angle(cos_to_base: float, axis: int = 1) -> Vectors:
    """A unit vector whose cosine with ``unit(1)`` is ``cos_to_base``, leaning towards ``axis``."""
    v = np.zeros(DIM, dtype=np.float32)
    v[0] = cos_to_base
    v[axis] = math.sqrt(1 - cos_to_base**2)
    return v


def rotated(degrees: float) -> Vectors:
    """A unit vector in the plane of the first two axes: cos(a - b) between two of them."""
    r = math.radians(degrees)
    return unit(math.cos(r), math.sin(r))


BASE = unit(1)


def item(
    ident: str,
    article: str,
    lo: date,
    hi: date | None = None,
    *,
    vector: Vectors = BASE,
    speaker: str = "dmitry-peskov",
    text: str = "Russia remains open to negotiations",
    cue: str | None = "said",
    precision: str | None = None,
) -> LinkItem:
    return LinkItem(ident, article, speaker, lo, hi or lo, text, cue, vector, precision)


def on_day(
    ident: str,
    article: str,
    day: date,
    *,
    vector: Vectors = BASE,
    text: str = "Russia remains open",
    speaker: str = "p",
) -> LinkItem:
    """A report that dates the statement to ``day`` itself ("on Tuesday")."""
    return item(ident, article, day, vector=vector, text=text, speaker=speaker, precision="day")


def undated(
    ident: str, article: str, published: date, *, vector: Vectors = BASE, text: str = "Russia remains open"
) -> LinkItem:
    """A report that gives no date, in an article published on ``published``."""
    return item(
        ident, article, published - timedelta(days=30), published, vector=vector, text=text, speaker="p"
    )


def grouped(items: Sequence[LinkItem], t: Thresholds = DEFAULT) -> list[list[str]]:
    return [[items[k].id for k in g] for g in link(items, t)]


# -- interval ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("stated", "expected"),
    [
        (StatementDate("2025-03-05", "day", "on Wednesday"), (date(2025, 3, 5), date(2025, 3, 5))),
        (StatementDate("2025-07-14", "week", "last week"), (date(2025, 7, 14), date(2025, 7, 20))),
        (StatementDate("2025-02-01", "month", "in February"), (date(2025, 2, 1), date(2025, 2, 28))),
        (StatementDate("2024-02-01", "month", "in February"), (date(2024, 2, 1), date(2024, 2, 29))),
        (StatementDate("2025-01-01", "month", "in January"), (date(2025, 1, 1), date(2025, 1, 31))),
        (StatementDate("2025-04-01", "month", "in April"), (date(2025, 4, 1), date(2025, 4, 30))),
        (StatementDate("2025-12-01", "month", "in December"), (date(2025, 12, 1), date(2025, 12, 31))),
        (StatementDate("2022-01-01", "year", "in 2022"), (date(2022, 1, 1), date(2022, 12, 31))),
    ],
)
def test_a_dated_statement_spans_its_period(stated: StatementDate, expected: tuple[date, date]) -> None:
    # the publication date does not matter once the text gives a date
    assert interval(stated, date(2025, 7, 20), 30) == expected
    assert interval(stated, None, 30) == expected


def test_a_report_dated_only_by_publication_looks_back() -> None:
    published = date(2025, 7, 20)
    article = StatementDate("2025-07-20", "article")
    assert interval(article, published, 30) == (date(2025, 6, 20), published)
    assert interval(article, published, 7) == (date(2025, 7, 13), published)
    assert interval(article, published, 0) == (published, published)
    assert interval(None, published, 30) == (date(2025, 6, 20), published)


def test_an_unresolved_phrase_falls_back_to_the_publication_window() -> None:
    # "on Monday" with no year to resolve it: only the publication date bounds it
    unresolved = StatementDate(None, "day", "on Monday")
    assert interval(unresolved, date(2025, 3, 5), 30) == (date(2025, 2, 3), date(2025, 3, 5))


@pytest.mark.parametrize(
    "stated",
    [
        None,
        StatementDate(None, "article"),
        StatementDate(None, "day", "on Monday"),
        StatementDate(None, "month"),
    ],
)
def test_nothing_to_go_by_gives_no_interval(stated: StatementDate | None) -> None:
    assert interval(stated, None, 30) is None


# -- cue_key --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cue", "key"),
    [
        ("ruled out", "rule out"),
        ("Ruled Out", "rule out"),
        ("has ruled out", "rule out"),
        ("accused", "accuse"),
        ("rejected", "reject"),
        ("denied", "deny"),
        ("warned", "warn"),
        ("insisted", "insist"),
        ("backed up", "back up"),
        # everyday reporting verbs say nothing about the act
        ("said", None),
        ("told", None),
        ("has repeatedly said", None),
        ("added", None),
        ("noted", None),
        ("wrote", None),
        ("according to", None),
        ("said on", None),
        (":", None),
        ("", None),
        (None, None),
    ],
)
def test_cue_key(cue: str | None, key: str | None) -> None:
    assert cue_key(cue) == key


# -- pair_features ----------------------------------------------------------------------------------------


def test_pair_features_measure_cosine_shared_run_and_overlap() -> None:
    f = pair_features(
        "Kyiv does not want peace and is not ready for negotiations",
        "Kremlin: Kyiv does not want peace, and rejects talks",
        BASE,
        at_angle(0.9),
    )
    assert f.cosine == pytest.approx(0.9, abs=1e-6)
    assert f.shared_run == 6  # "kyiv does not want peace and"
    # content words: {kyiv, want, peace, ready, negotiations} and {kremlin, kyiv, want, peace, rejects, talks}
    assert f.overlap == pytest.approx(3 / 5)
    assert f.same_cue is False


def test_pair_features_on_known_counts() -> None:
    a = "Russia is ready to work for peace, he said"
    b = "RUSSIA IS READY to work for a lasting peace"
    f = pair_features(a, b, BASE, BASE, "ruled out", "rules out")
    # longest run of words in common, case aside: "russia is ready to work for"
    assert f.shared_run == 6
    # content words: a = {russia, ready, work, peace, said}, b = {russia, ready, work, lasting, peace}
    assert f.overlap == pytest.approx(4 / 5)
    assert f.cosine == pytest.approx(1.0)
    assert f.same_cue is True


def test_curly_and_straight_apostrophes_are_the_same_word() -> None:
    f = pair_features("We won\u2019t sign it", "we won't sign it now", BASE, BASE)
    assert f.shared_run == 4
    assert f.overlap == 1.0


def test_nothing_in_common() -> None:
    f = pair_features("Sanctions will follow", "The weather was fine", BASE, at_angle(0.0))
    assert (f.shared_run, f.overlap) == (0, 0.0)
    assert f.cosine == pytest.approx(0.0, abs=1e-6)


@pytest.mark.parametrize(
    ("cue_a", "cue_b", "same"),
    [
        ("ruled out", "has ruled out", True),
        ("accused", "accuses", True),
        ("ruled out", "rejected", False),
        ("said", "said", False),  # common cues are never evidence
        (None, None, False),
        ("accused", None, False),
    ],
)
def test_same_cue_needs_the_same_specific_verb(cue_a: str | None, cue_b: str | None, same: bool) -> None:
    assert pair_features("a", "b", BASE, BASE, cue_a, cue_b).same_cue is same


# -- same_statement: each rule at its threshold -------------------------------------------------------------


def test_default_thresholds() -> None:
    assert (DEFAULT.shared_run, DEFAULT.cosine, DEFAULT.cosine_with_words, DEFAULT.overlap) == (
        10,
        0.96,
        0.91,
        0.8,
    )
    assert (DEFAULT.cosine_with_cue, DEFAULT.overlap_with_cue, DEFAULT.window_days) == (0.88, 0.5, 7)
    assert DEFAULT.cosine_same_day == 0.87


@pytest.mark.parametrize(
    ("features", "same"),
    [
        # a verbatim run of words alone
        (PairFeatures(cosine=0.0, shared_run=10, overlap=0.0), True),
        (PairFeatures(cosine=0.0, shared_run=9, overlap=0.0), False),
        # a close embedding alone
        (PairFeatures(cosine=0.96, shared_run=0, overlap=0.0), True),
        (PairFeatures(cosine=0.9599, shared_run=0, overlap=0.0), False),
        # a looser embedding with most content words in common
        (PairFeatures(cosine=0.91, shared_run=0, overlap=0.8), True),
        (PairFeatures(cosine=0.9099, shared_run=0, overlap=0.8), False),
        (PairFeatures(cosine=0.91, shared_run=0, overlap=0.79), False),
        (PairFeatures(cosine=0.95, shared_run=9, overlap=0.79), False),
        # looser still with the same specific cue
        (PairFeatures(cosine=0.88, shared_run=0, overlap=0.5, same_cue=True), True),
        (PairFeatures(cosine=0.8799, shared_run=0, overlap=0.5, same_cue=True), False),
        (PairFeatures(cosine=0.88, shared_run=0, overlap=0.49, same_cue=True), False),
        (PairFeatures(cosine=0.88, shared_run=0, overlap=0.5, same_cue=False), False),
        (PairFeatures(cosine=0.90, shared_run=0, overlap=0.79, same_cue=False), False),
    ],
)
def test_same_statement_rules(features: PairFeatures, same: bool) -> None:
    assert same_statement(features) is same


@pytest.mark.parametrize(
    ("features", "same"),
    [
        # both reports date the remark to the same day: a looser cosine is enough
        (PairFeatures(cosine=0.87, shared_run=0, overlap=0.0, when=SAME_DAY), True),
        (PairFeatures(cosine=0.8699, shared_run=0, overlap=0.0, when=SAME_DAY), False),
        (PairFeatures(cosine=0.87, shared_run=0, overlap=0.0, when=OPEN), False),
        # different days are different occasions: nothing links them, not even the same words
        (PairFeatures(cosine=1.0, shared_run=30, overlap=1.0, same_cue=True, when=OTHER_DAYS), False),
        (PairFeatures(cosine=1.0, shared_run=30, overlap=1.0, same_cue=True, when=APART), False),
        # the other rules hold whatever the dates
        (PairFeatures(cosine=0.0, shared_run=10, overlap=0.0, when=SAME_DAY), True),
        (PairFeatures(cosine=0.96, shared_run=0, overlap=0.0, when=OPEN), True),
    ],
)
def test_same_statement_with_date_evidence(features: PairFeatures, same: bool) -> None:
    assert same_statement(features) is same


def test_same_statement_follows_the_thresholds_given() -> None:
    strict = Thresholds(shared_run=20, cosine=0.99, cosine_with_words=0.98, cosine_with_cue=0.97)
    assert not same_statement(PairFeatures(0.965, 12, 0.9, True), strict)
    assert same_statement(PairFeatures(0.965, 12, 0.9, True))
    assert same_statement(PairFeatures(0.0, 3, 0.0), Thresholds(shared_run=3))


# -- candidate_pairs and link ---------------------------------------------------------------------------------

MARCH_3 = date(2025, 3, 3)


def test_candidates_are_of_one_speaker_from_different_articles() -> None:
    items = [
        item("a", "art1", MARCH_3),
        item("b", "art2", MARCH_3, vector=at_angle(0.5)),
        item("c", "art1", MARCH_3),  # same article as a
        item("d", "art3", MARCH_3, speaker="vladimir-putin"),
    ]
    found = {frozenset((i, j)): sim for i, j, sim in candidate_pairs(items)}
    assert set(found) == {frozenset((0, 1)), frozenset((1, 2))}
    assert found[frozenset((0, 1))] == pytest.approx(0.5, abs=1e-6)


@pytest.mark.parametrize(("gap", "paired"), [(0, True), (6, True), (7, True), (8, False), (40, False)])
def test_candidates_are_close_in_time(gap: int, paired: bool) -> None:
    later = date.fromordinal(MARCH_3.toordinal() + gap)
    for items in (
        [item("a", "art1", MARCH_3), item("b", "art2", later)],
        [item("b", "art2", later), item("a", "art1", MARCH_3)],  # input order does not matter
    ):
        assert bool(list(candidate_pairs(items))) is paired
        assert len(link(items)) == (1 if paired else 2)


def test_the_window_counts_from_the_end_of_a_period() -> None:
    march = item("m", "art1", date(2025, 3, 1), date(2025, 3, 31))  # "in March"
    assert list(candidate_pairs([march, item("x", "art2", date(2025, 4, 7))]))
    assert not list(candidate_pairs([march, item("x", "art2", date(2025, 4, 8))]))
    # a long period does not hide a later close item behind a far one in the sort
    items = [march, item("far", "art2", date(2025, 4, 20)), item("near", "art3", date(2025, 3, 15))]
    pairs = {frozenset((items[i].id, items[j].id)) for i, j, _ in candidate_pairs(items)}
    assert pairs == {frozenset(("m", "near"))}


def test_a_custom_window_is_respected() -> None:
    items = [item("a", "art1", MARCH_3), item("b", "art2", date(2025, 3, 5))]
    assert len(link(items, Thresholds(window_days=1))) == 2
    assert len(link(items, Thresholds(window_days=2))) == 1


def test_identical_reports_of_two_speakers_are_not_linked() -> None:
    items = [item("a", "art1", MARCH_3), item("b", "art2", MARCH_3, speaker="vladimir-putin")]
    assert grouped(items) == [["a"], ["b"]]


def test_two_reports_in_one_article_are_never_linked_directly() -> None:
    items = [item("a", "art1", MARCH_3), item("b", "art1", MARCH_3)]
    assert grouped(items) == [["a"], ["b"]]
    # ... but both may join one statement through a report elsewhere that covers both
    items.append(item("c", "art2", MARCH_3))
    assert grouped(items) == [["a", "b", "c"]]


def test_linking_is_transitive() -> None:
    # a ~ b and b ~ c (cosine 0.97), a and c apart (cosine cos(28°) = 0.88, no words in common)
    step = math.degrees(math.acos(0.97))
    items = [
        item("a", "art1", MARCH_3, vector=rotated(0), text="alpha"),
        item("b", "art2", MARCH_3, vector=rotated(step), text="bravo"),
        item("c", "art3", MARCH_3, vector=rotated(2 * step), text="charlie"),
    ]
    assert not same_statement(pair_features("alpha", "charlie", items[0].vector, items[2].vector))
    assert grouped(items) == [["a", "b", "c"]]
    # without the middle report, the two ends stay apart
    assert grouped([items[0], items[2]]) == [["a"], ["c"]]


def test_shared_words_link_what_the_embeddings_keep_apart() -> None:
    quote = "the reality on the ground says that Kyiv has to be the first to demonstrate openness"
    items = [
        item("a", "art1", MARCH_3, vector=unit(1), text=quote),
        item("b", "art2", MARCH_3, vector=unit(0, 1), text=f"He added that {quote} in such talks"),
        item("c", "art3", MARCH_3, vector=unit(0, 0, 1), text="Sanctions will be lifted by May"),
    ]
    assert grouped(items) == [["a", "b"], ["c"]]


def test_a_verbatim_run_of_everyday_words_links_whatever_the_embeddings() -> None:
    # eleven words in common, nearly all stop words: only the run itself is evidence
    run = "we will not be able to do that at this time"  # 11 words
    items = [
        item("a", "art1", MARCH_3, vector=unit(1), text=f"{run}, he said"),
        item("b", "art2", MARCH_3, vector=unit(0, 1), text=f"Peskov said that {run}"),
    ]
    assert grouped(items) == [["a", "b"]]
    # nine words in common are not enough
    short = "will not be able to do that at this"
    items = [
        item("a", "art1", MARCH_3, vector=unit(1), text=f"{short} moment, he said"),
        item("b", "art2", MARCH_3, vector=unit(0, 1), text=f"Peskov said that {short} stage"),
    ]
    assert grouped(items) == [["a"], ["b"]]


def test_candidates_below_the_floor_need_a_shared_five_word_run() -> None:
    items = [
        item("a", "art1", MARCH_3, vector=unit(1), text="one two three four five six"),
        item("b", "art2", MARCH_3, vector=unit(0, 1), text="zero one two three four five"),  # shares a 5-gram
        item("c", "art3", MARCH_3, vector=unit(0, 0, 1), text="one two three four six"),  # only 4 in a row
        item("d", "art4", MARCH_3, vector=unit(1), text="nothing in common"),  # close embedding
    ]
    pairs = {frozenset((items[i].id, items[j].id)) for i, j, _ in candidate_pairs(items, floor=0.9)}
    assert pairs == {frozenset(("a", "b")), frozenset(("a", "d"))}
    # without a floor every close-in-time pair is a candidate
    assert len(list(candidate_pairs(items))) == 6


def test_a_paraphrase_with_the_same_specific_cue_is_linked() -> None:
    a = "speaking directly with President Zelensky because of his legitimacy"
    b = "speaking directly with his Ukrainian counterpart over concerns about his legitimacy"
    items = [
        item("a", "art1", MARCH_3, vector=BASE, text=a, cue="ruled out"),
        item("b", "art2", MARCH_3, vector=at_angle(0.89), text=b, cue="has ruled out"),
    ]
    f = pair_features(a, b, BASE, at_angle(0.89), "ruled out", "has ruled out")
    assert f.same_cue and f.overlap >= 0.5 and f.cosine < DEFAULT.cosine_with_words
    assert grouped(items) == [["a", "b"]]
    # the same texts with everyday cues stay apart
    plain = [
        item("a", "art1", MARCH_3, vector=BASE, text=a, cue="said"),
        item("b", "art2", MARCH_3, vector=at_angle(0.89), text=b, cue="said"),
    ]
    assert grouped(plain) == [["a"], ["b"]]


def test_every_item_is_in_exactly_one_group() -> None:
    rng = np.random.default_rng(7)
    items = []
    for k in range(60):
        v = rng.normal(size=DIM).astype(np.float32)
        if k % 3:  # many near-copies of a few directions, so that groups form
            v = unit(*([0.0] * (k % 4)), 1.0) + rng.normal(scale=0.05, size=DIM).astype(np.float32)
        v = (v / np.linalg.norm(v)).astype(np.float32)
        day = date.fromordinal(MARCH_3.toordinal() + int(rng.integers(0, 30)))
        items.append(
            item(f"i{k}", f"art{k % 7}", day, vector=v, speaker=f"p{k % 2}", text=f"statement number {k}")
        )
    groups = link(items)
    assert sorted(k for g in groups for k in g) == list(range(len(items)))
    assert any(len(g) > 1 for g in groups) and any(len(g) == 1 for g in groups)
    assert [g[0] for g in groups] == sorted(g[0] for g in groups)
    for g in groups:
        assert g == sorted(g)
        assert len({items[k].speaker for k in g}) == 1


def test_empty_input() -> None:
    assert link([]) == []
    assert list(candidate_pairs([])) == []


def test_thousands_of_copies_of_one_quote_are_one_statement_without_comparing_every_pair() -> None:
    words = "we will never accept a ceasefire that freezes the front line as it stands today"
    copies = [
        item(f"copy{k}", f"outlet{k}", date(2025, 3, 1 + k % 5), vector=rotated(k % 90), text=words)
        for k in range(3000)
    ]
    other = item("other", "outletX", date(2025, 3, 2), vector=unit(0, 0, 1), text="a different remark")
    groups = link([*copies, other])
    assert sorted(len(g) for g in groups) == [1, 3000]


def test_copies_in_one_article_are_not_joined_directly() -> None:
    words = "we will never accept a ceasefire that freezes the front line as it stands today"
    twice = [
        item(f"c{k}", "same-article", date(2025, 3, 1), vector=unit(k % 2, 1 - k % 2), text=words)
        for k in range(2)
    ]
    assert sorted(len(g) for g in link(twice)) == [1, 1]


# -- statement dates as evidence of the occasion ---------------------------------------------------------

TUESDAY = date(2016, 9, 20)
WEDNESDAY = date(2016, 9, 21)


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (on_day("a", "art1", TUESDAY), on_day("b", "art2", TUESDAY), SAME_DAY),
        (on_day("a", "art1", TUESDAY), on_day("b", "art2", WEDNESDAY), OTHER_DAYS),
        # an undated report published that day or the next: no evidence either way
        (on_day("a", "art1", TUESDAY), undated("b", "art2", TUESDAY), OPEN),
        (undated("a", "art1", WEDNESDAY), on_day("b", "art2", TUESDAY), OPEN),
        (on_day("a", "art1", TUESDAY), undated("b", "art2", date(2016, 9, 22)), OPEN),
        # published before the day: no evidence of one occasion (the window still allows a pair)
        (on_day("a", "art1", TUESDAY), undated("b", "art2", date(2016, 9, 19)), OPEN),
        # a week or a month is too wide to say anything; two undated reports neither
        (
            item("a", "art1", date(2016, 9, 19), date(2016, 9, 25), precision="week"),
            on_day("b", "art2", TUESDAY),
            OPEN,
        ),
        (undated("a", "art1", TUESDAY), undated("b", "art2", TUESDAY), OPEN),
        (on_day("a", "art1", TUESDAY), on_day("b", "art2", date(2016, 9, 28)), APART),
    ],
)
def test_when(a: LinkItem, b: LinkItem, expected: str) -> None:
    assert when(a, b) == expected
    assert when(b, a) == expected


# no words in common, cosine 0.87: not enough without dates, enough for reports of one day
MODERATE = at_angle(0.87)


def test_two_reports_dated_to_the_same_day_link_at_a_moderate_cosine() -> None:
    a = on_day("a", "art1", TUESDAY, text="police killings must become intolerable")
    b = on_day("b", "art2", TUESDAY, text="she called for an end to the shootings", vector=MODERATE)
    assert linked_pair(a, b)
    assert grouped([a, b]) == [["a", "b"]]
    # the same two texts without dates stay apart
    a2, b2 = (
        undated("a", "art1", TUESDAY, text=a.text),
        undated("b", "art2", TUESDAY, text=b.text, vector=MODERATE),
    )
    assert not linked_pair(a2, b2)
    assert grouped([a2, b2]) == [["a"], ["b"]]


def test_reports_dated_to_different_days_are_never_linked() -> None:
    words = "we will fight for every vote and every delegate until the last ballot is cast"
    a = on_day("a", "art1", TUESDAY, text=f"{words}, he said")
    b = on_day("b", "art2", WEDNESDAY, text=f"He told supporters {words}")
    assert pair_features(a.text, b.text, a.vector, b.vector).shared_run >= DEFAULT.shared_run
    assert not linked_pair(a, b)
    assert grouped([a, b]) == [["a"], ["b"]]
    # undated, the same words are one statement
    assert grouped(
        [undated("a", "art1", TUESDAY, text=a.text), undated("b", "art2", WEDNESDAY, text=b.text)]
    ) == [["a", "b"]]


def test_an_undated_report_of_the_day_needs_the_ordinary_evidence() -> None:
    # a cosine the same-day rule would accept is not enough with one date missing: the next day's
    # news is as often another interview as the same remark
    dated = on_day("a", "art1", TUESDAY, text="the shootings are intolerable")
    close = at_angle(0.89)
    assert not linked_pair(
        dated, undated("b", "art2", WEDNESDAY, text="an end to police killings", vector=close)
    )
    assert linked_pair(dated, on_day("b", "art2", TUESDAY, text="an end to police killings", vector=close))


def test_no_chain_of_reports_joins_two_days() -> None:
    # b (undated) is like both a (Tuesday) and c (Wednesday), but a and c are two occasions
    items = [
        on_day("a", "art1", TUESDAY, text="alpha"),
        undated("b", "art2", WEDNESDAY, text="bravo"),
        on_day("c", "art3", WEDNESDAY, text="charlie"),
    ]
    groups = grouped(items)
    assert ["a", "b", "c"] not in groups
    assert sorted(k for g in groups for k in g) == ["a", "b", "c"]


def test_a_copy_run_that_spans_days_is_treated_as_undated() -> None:
    words = "we will never accept a ceasefire that freezes the front line as it stands today"
    copies = [on_day("c1", "art1", TUESDAY, text=words), on_day("c2", "art2", WEDNESDAY, text=words)]
    # syndicated copies are joined whatever their dates ...
    assert grouped(copies) == [["c1", "c2"]]
    # ... and a report of either day may still join them
    other = on_day("x", "art3", TUESDAY, text="a ceasefire along the present line is out of the question")
    assert grouped([*copies, other]) == [["c1", "c2", "x"]]


def test_reports_in_one_article_are_no_pair() -> None:
    assert not linked_pair(on_day("a", "art1", TUESDAY), on_day("b", "art1", TUESDAY))
    assert not linked_pair(on_day("a", "art1", TUESDAY), on_day("b", "art2", TUESDAY, speaker="q"))
    assert linked_pair(on_day("a", "art1", TUESDAY), on_day("b", "art2", TUESDAY))
