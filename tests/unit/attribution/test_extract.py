"""Sentence -> expected (speaker, cue, content, kind): every form of attribution, and non-attributions."""

from __future__ import annotations

import pytest

from onrecord.attribution import extract_attributions
from onrecord.models import Attribution

# (text, speaker name, cue, content, kind); the speaker name is the resolved canonical name
CASES: list[tuple[str, str | None, str | None, str, str]] = [
    (
        "“The bridge will reopen in May,” Mayor Anna Kowalski said.",
        "Anna Kowalski",
        "said",
        "The bridge will reopen in May",
        "direct",
    ),
    (
        '"We have no plans to sell the farm," said Tom Rivers.',
        "Tom Rivers",
        "said",
        "We have no plans to sell the farm",
        "direct",
    ),
    (
        "Maria Lopez told reporters: “The vote is final.”",
        "Maria Lopez",
        "told",
        "The vote is final.",
        "direct",
    ),
    (
        "Health minister Karl Stein said on Tuesday that hospitals would hire 500 nurses.",
        "Karl Stein",
        "said",
        "hospitals would hire 500 nurses",
        "indirect",
    ),
    (
        "Prices at the pump have started to fall, Karl Stein told the local radio station.",
        "Karl Stein",
        "told",
        "Prices at the pump have started to fall",
        "indirect",
    ),
    (
        "According to Karl Stein, the budget will be cut next year.",
        "Karl Stein",
        "According to",
        "the budget will be cut next year",
        "indirect",
    ),
    (
        "Karl Stein warned that the river could flood within days.",
        "Karl Stein",
        "warned",
        "the river could flood within days",
        "indirect",
    ),
    (
        "Karl Stein denied that he had met the lobbyists.",
        "Karl Stein",
        "denied",
        "he had met the lobbyists",
        "indirect",
    ),
    (
        'Karl Stein added that the new rules were "simply unworkable for small farms."',
        "Karl Stein",
        "added",
        'the new rules were "simply unworkable for small farms.',
        "mixed",
    ),
    (
        "Karl Stein vowed to rebuild the school before winter.",
        "Karl Stein",
        "vowed",
        "to rebuild the school before winter",
        "indirect",
    ),
]


def _one(text: str) -> Attribution:
    found = extract_attributions(text, article="t")
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(("text", "speaker", "cue", "content", "kind"), CASES)
def test_single_attribution(text: str, speaker: str | None, cue: str | None, content: str, kind: str) -> None:
    a = _one(text)
    assert a.speaker is not None
    assert a.speaker.name == speaker
    assert (a.cue.text if a.cue else None) == cue
    assert a.content.text.rstrip('”"') == content
    assert a.kind == kind
    for span in (a.content, a.cue, a.speaker_mention):
        assert span is None or text[span.start : span.end] == span.text


@pytest.mark.parametrize(
    "text",
    [
        "The court's decree rules talks impossible until spring.",
        'It was a reference to the 2022 decree that rules direct talks "impossible" while he is in power.',
        "The law says that drivers must stop at red lights.",
        'The so-called "reform" passed on Monday with 40 votes.',
        "Shares in the company rose 3 percent on Friday.",
        "He added salt to the soup and stirred it.",
    ],
)
def test_not_attributions(text: str) -> None:
    assert extract_attributions(text) == []


def test_split_quote_gives_both_halves_to_the_speaker() -> None:
    text = "“We are ready,” Karl Stein said. “But the other side is not.”"
    found = extract_attributions(text)
    assert [a.content.text for a in found] == ["We are ready", "But the other side is not."]
    assert {a.speaker.name for a in found if a.speaker} == {"Karl Stein"}
    assert found[1].kind == "direct"


def test_quote_in_next_paragraph_continues_the_speaker() -> None:
    text = (
        "Karl Stein said the plant would close next year.\n\n"
        "“There is nothing more we can do for the workers here.”"
    )
    found = extract_attributions(text)
    assert len(found) == 2
    assert found[1].speaker is not None and found[1].speaker.name == "Karl Stein"
    # the continuation keeps the mention that named its speaker
    assert found[1].speaker_mention is not None and found[1].speaker_mention.text == "Karl Stein"


def test_multi_paragraph_quote_is_one_attribution() -> None:
    text = "Karl Stein said: “The first thing is the money.\n\n“The second thing is the time we have left.”"
    found = [a for a in extract_attributions(text) if a.kind == "direct"]
    assert len(found) == 1
    assert found[0].content.text.startswith("The first thing")
    assert found[0].content.text.endswith("time we have left.")


def test_editorial_brackets_stay_inside_the_quote() -> None:
    a = _one("“[But] the deal must be signed in Vienna,” Karl Stein said.")
    assert a.content.text == "[But] the deal must be signed in Vienna"


def test_apostrophes_do_not_open_quotes() -> None:
    text = "Karl Stein’s aide said the minister’s plan was ‘dead on arrival’ in the senate."
    found = extract_attributions(text)
    assert len(found) == 1
    assert found[0].kind == "mixed"


def test_regions_are_respected() -> None:
    body = "Karl Stein said the plant would close."
    chrome = "“Subscribe now to read everything,” the editors said."
    text = chrome + "\n" + body
    found = extract_attributions(text, regions=[(len(chrome) + 1, len(text))])
    assert [a.content.text for a in found] == ["the plant would close"]
    assert all(a.content.start > len(chrome) for a in found)


def test_sorted_stable_ids() -> None:
    text = "Karl Stein said taxes would rise. Anna Kowalski said they would fall."
    first = extract_attributions(text, article="a1")
    second = extract_attributions(text, article="a1")
    assert [a.id for a in first] == [a.id for a in second]
    assert [a.content.start for a in first] == sorted(a.content.start for a in first)
    assert len({a.id for a in first}) == 2


def test_join_split_reads_a_split_quote_as_one_content() -> None:
    text = "“We are ready,” Karl Stein said. “But the other side is not.”"
    found = extract_attributions(text, convention="polnear")
    assert len(found) == 1
    assert found[0].content.text == "We are ready,” Karl Stein said. “But the other side is not."
    assert found[0].speaker is not None and found[0].speaker.name == "Karl Stein"


def test_join_split_reads_past_a_long_appositive_of_the_speaker() -> None:
    text = (
        "“This is not reform,” said Karl Stein, an economist who served as director of the budget "
        "office and now leads a policy group. “It is the opposite of reform.”"
    )
    (found,) = extract_attributions(text, convention="polnear")
    assert found.content.text.startswith("This is not reform")
    assert found.content.text.endswith("It is the opposite of reform.")


def test_join_split_keeps_quotes_of_different_speakers_apart() -> None:
    text = "“We are ready,” Karl Stein said. “We are not,” Anna Berg replied."
    assert len(extract_attributions(text, convention="polnear")) == 2


def test_a_quote_never_runs_on_across_removed_text() -> None:
    first = "Karl Stein said: \u201cThe plant will close. Nobody is safe."
    caption = "The plant in 1990 (Image: Archive)"
    second = "\u201cWe have tried everything for ten years.\u201d"
    text = f"{first}\n\n{caption}\n\n{second}\n"
    a, b = len(first) + 2, len(first) + 2 + len(caption)
    found = extract_attributions(text, regions=[(0, len(first)), (b + 2, len(text))])
    assert [x.content.text for x in found] == [
        "The plant will close. Nobody is safe.",
        "We have tried everything for ten years.",
    ]
    assert all(not (a <= x.content.start < b or a < x.content.end <= b) for x in found)
    assert all(x.speaker is not None and x.speaker.name == "Karl Stein" for x in found)
