"""A huge quote-dense text: a finding claims exactly the quotations it holds or touches, however
many quotations the text has (they are looked up by position, not compared with every finding); a
quotation standing alone continues the nearest named speaker before it, also deep inside one huge
paragraph; and the parsed chunks go to the parser in bounded batches, every one of them once."""

from __future__ import annotations

import itertools
import random

from onrecord.attribution import extract_attributions
from onrecord.attribution.assemble import QuoteIndex, classify
from onrecord.attribution.extract import MAX_BATCH_CHARS, _batches
from onrecord.attribution.mentions import Mention
from onrecord.attribution.quotes import Quote, find_quotes
from onrecord.attribution.reported import Found

N_QUOTES = 300


def _many_quotes() -> tuple[str, list[Quote]]:
    """One paragraph, no line break: a sentence with a quotation, then one without, many times."""
    text = " ".join(
        f'Speaker {i} said, "Point number {i} stands firm." Nothing else happened then.'
        for i in range(N_QUOTES)
    )
    quotes = find_quotes(text, [(0, len(text))])
    assert len(quotes) == N_QUOTES
    return text, quotes


def _found(
    content: tuple[int, int], cue: tuple[int, int] | None = None, mention: Mention | None = None
) -> Found:
    return Found(content, cue, mention, 0.9)


def test_the_index_never_leaves_out_a_quotation_that_reaches_the_window() -> None:
    rnd = random.Random(3)
    spans = sorted((o, o + rnd.randint(1, 400)) for o in rnd.sample(range(10_000), 500))  # nested too
    quotes = [Quote(o, c, o + 1, c, True) for o, c in spans]
    index = QuoteIndex(quotes)
    for _ in range(300):
        start = rnd.randint(-50, 10_500)
        end = start + rnd.randint(0, 300)
        near = list(index.between(start, end))
        assert near == sorted(near)
        wanted = [k for k, q in enumerate(quotes) if q.close >= start and q.open <= end]
        assert set(wanted) <= set(near), (start, end)


def test_a_finding_claims_the_quotations_inside_it_and_those_at_its_edges() -> None:
    text, quotes = _many_quotes()
    index = QuoteIndex(quotes)
    # from just inside the 100th quotation's opening mark to just before the 102nd's closing one
    content = (quotes[100].open + 1, quotes[102].close - 1)
    got, claimed = classify(text, _found(content), quotes, index)
    assert claimed == [100, 101, 102]
    assert got.kind == "mixed"
    assert got.content == (content[0], quotes[102].close + 1)  # the closing mark goes with it
    # starting two characters earlier leaves the 100th out: its mark is no longer at the edge
    _, claimed = classify(text, _found((quotes[100].open + 3, content[1])), quotes, index)
    assert claimed == [101, 102]


def test_a_finding_takes_only_its_own_quotation_among_hundreds() -> None:
    text, quotes = _many_quotes()
    index = QuoteIndex(quotes)
    q = quotes[150]
    got, claimed = classify(text, _found((q.start, q.end - 3)), quotes, index)
    assert (got.kind, got.content, claimed) == ("direct", (q.start, q.end), [150])
    # a paraphrase that runs into a quotation takes that one whole
    q = quotes[200]
    got, claimed = classify(text, _found((q.open - 12, q.open + 6)), quotes, index)
    assert (got.kind, got.content, claimed) == ("mixed", (q.open - 12, q.end), [200])
    # words between two quotations claim none of them
    gap = text.index("Nothing else", quotes[250].close)
    got, claimed = classify(text, _found((gap, gap + 12)), quotes, index)
    assert (got.kind, claimed) == ("indirect", [])


def test_a_quotation_between_the_content_and_a_distant_cue_is_claimed() -> None:
    text, quotes = _many_quotes()
    lead = " Officials asserted that the vote was close: "
    quoted = '"France is no longer France and it never will be again,"'
    tail = " the minister claimed. "
    at = quotes[200].close + 1
    text = text[:at] + lead + quoted + tail + text[at:]
    quotes = find_quotes(text, [(0, len(text))])
    k = next(k for k, q in enumerate(quotes) if text[q.start :].startswith("France"))
    mention_at = text.index("the minister", quotes[k].close)
    cue_at = mention_at + len("the minister ")
    mention = Mention(mention_at, mention_at + 12, "the minister", "noun", "minister")
    vote = text.index("the vote", at)
    # the parse's content stops short of the colon; the cue comes after the whole quotation
    found = _found((vote, vote + len("the vote")), (cue_at, cue_at + 7), mention)
    got, claimed = classify(text, found, quotes, QuoteIndex(quotes))
    assert (got.kind, got.content, claimed) == ("direct", (quotes[k].start, quotes[k].end), [k])


NAMES = ["Anna Kowalski", "Piet Maas", "Ines Duarte", "Aldo Ferri", "Lena Ortiz", "Marek Novak"]


def test_lone_quotations_in_one_huge_paragraph_continue_the_speaker_just_before_each() -> None:
    text = " ".join(
        f"{NAMES[i % len(NAMES)]} said the plan number {i} would fail. "
        '"We have warned everyone about this plan for many years."'
        for i in range(60)
    )
    direct = [a for a in extract_attributions(text) if a.kind == "direct"]
    assert len(direct) == 60
    assert [a.speaker.name if a.speaker else None for a in direct] == [
        NAMES[i % len(NAMES)] for i in range(60)
    ]
    assert all(a.cue is None for a in direct)


def test_a_lone_quotation_continues_a_speaker_at_most_two_paragraphs_back() -> None:
    said = "Anna Kowalski said the plan would fail.\n"
    quote = '"We have warned everyone about this plan for many years."\n'
    near = extract_attributions(said + "The council met on Monday.\n" + quote)
    assert [a.speaker.name if a.speaker else None for a in near if a.kind == "direct"] == ["Anna Kowalski"]
    far = extract_attributions(said + "The council met on Monday.\nIt rained.\n" + quote)
    assert [a for a in far if a.kind == "direct"] == []


def test_chunks_are_parsed_in_order_in_batches_of_bounded_size() -> None:
    rnd = random.Random(5)
    chunks, at = [], 0
    for _ in range(400):
        size = rnd.choice([40, 900, 5000, MAX_BATCH_CHARS + 10])  # the last alone overflows a batch
        chunks.append((at, at + size))
        at += size + 3
    batches = list(_batches(chunks))
    assert [c for batch in batches for c in batch] == chunks
    for batch in batches:
        assert len(batch) == 1 or sum(e - s for s, e in batch) <= MAX_BATCH_CHARS
    # fewer batches would not do: each batch is full up to the chunk that follows it
    for batch, nxt in itertools.pairwise(batches):
        assert sum(e - s for s, e in batch) + nxt[0][1] - nxt[0][0] > MAX_BATCH_CHARS
    # an article's parsed sentences within the limit stay one batch, as they always were
    assert list(_batches([(0, 900), (950, 3000)])) == [[(0, 900), (950, 3000)]]
