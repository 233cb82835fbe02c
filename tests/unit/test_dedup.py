from __future__ import annotations

from onrecord import dedup

STORY = (
    "The city council voted on Monday to close the old bridge to heavy traffic after engineers found "
    "cracks in two of its supporting piers, a decision the mayor called painful but unavoidable. "
    "Repairs are expected to take eight months and cost about four million dollars, according to the "
    "council's own estimate, which was published alongside the vote."
)


def test_signature_round_trips_through_bytes() -> None:
    mh = dedup.signature(STORY)
    again = dedup.from_bytes(dedup.to_bytes(mh))
    assert again.jaccard(mh) == 1.0


def test_a_syndicated_copy_is_found_and_an_unrelated_story_is_not() -> None:
    index = dedup.NearDuplicateIndex(threshold=0.8)
    index.add("orig", dedup.signature(STORY))
    copy = STORY + " Reporting by a wire service; editing by the desk."
    match = index.best_match(dedup.signature(copy))
    assert match is not None and match[0] == "orig" and match[1] >= 0.8
    other = "A local bakery won a national prize for its rye bread on Sunday, its owners said, thanking customers."
    assert index.best_match(dedup.signature(other)) is None


def test_short_texts_still_get_a_signature() -> None:
    assert dedup.shingles("two words") == {b"two words"}
    assert dedup.shingles("") == set()
