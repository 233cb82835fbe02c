"""Who said what in one text: the cheap-first pipeline from raw text to resolved attributions.

The pipeline is cheap first: paragraphs and sentences are cut with regular expressions, quotation
marks are paired on the raw text, and only sentences holding a quotation mark, a cue word form or
"according to" are parsed (tagger and parser only). Rules over that parse find cue, speaker and
content (``reported``); quotations are joined to them or to a nearby cue (``assemble``); mentions
are resolved to canonical speakers with names and roles learned from the article (``speakers``).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Sequence
from dataclasses import replace

from onrecord.attribution.assemble import Item, Parsed, assemble
from onrecord.attribution.casing import sentence_cased
from onrecord.attribution.conventions import Convention, join_split_quotes
from onrecord.attribution.cues import CANDIDATE_RE
from onrecord.attribution.learned import keep, wide_forms_re
from onrecord.attribution.nominal import find_nominal
from onrecord.attribution.quotes import Quote, find_quotes
from onrecord.attribution.reported import Found, find_reported
from onrecord.attribution.segment import paragraphs, sentences
from onrecord.attribution.speakers import ArticleSpeakers, is_dateline
from onrecord.models import Attribution, Span, Speaker
from onrecord.nlp import PARSE_ONLY_DISABLE, load_nlp

__all__ = ["extract_attributions"]


# The longest run of sentences parsed as one spaCy doc. Some spaCy token properties walk the
# whole doc, so a single huge "paragraph" (a scraped page with no line breaks) made extraction
# quadratic; real paragraphs are far shorter, and a cut falls between two sentences.
MAX_CHUNK_CHARS = 5000
# The most characters handed to the parser in one batch: its working memory grows with the batch
# (a 280 KB page parsed as one batch peaked at over a gigabyte). The parsed sentences of a long
# news article (about 24,000 characters at most in PolNeAR) still go in one batch.
MAX_BATCH_CHARS = 40_000


def _chunks(
    text: str, paras: Sequence[tuple[int, int]], quotes: Sequence[Quote], *, wide: bool = False
) -> list[tuple[int, int]]:
    """Runs of consecutive candidate sentences within a paragraph: the only text that is parsed.
    With ``wide``, a sentence holding a verb that the learned filter favours is a candidate too."""
    extra = wide_forms_re() if wide else None
    marks = sorted({q.open for q in quotes} | {q.close for q in quotes if q.closed})
    opens = {q.open for q in quotes}
    out: list[tuple[int, int]] = []
    for k, (ps, pe) in enumerate(paras):
        run: tuple[int, int] | None = None
        sents = sentences(text, ps, pe, k)
        for j, s in enumerate(sents):
            piece = text[s.start : s.end]
            wanted = (
                CANDIDATE_RE.search(piece) is not None
                or any(s.start <= m < s.end for m in marks)
                or (extra is not None and extra.search(piece) is not None)
                # its subject may be the speaker of a quotation that opens the next sentence
                # ("Vos disagreed. \u201c...\u201d", see ``assemble``)
                or (j + 1 < len(sents) and _opens_with_quote(text, sents[j + 1].start, opens))
                # or of one in the next paragraph, which a colon introduces
                or (j + 1 == len(sents) and text[ps:pe].rstrip().endswith(":"))
            )
            if wanted and run and s.end - run[0] > MAX_CHUNK_CHARS:
                out.append(run)  # a run this long is a wall of text, not a paragraph: cut it
                run = (s.start, s.end)
            elif wanted:
                run = (run[0], s.end) if run else (s.start, s.end)
            elif run:
                out.append(run)
                run = None
        if run:
            out.append(run)
    return out


def _opens_with_quote(text: str, start: int, opens: set[int]) -> bool:
    while start < len(text) and text[start].isspace():
        start += 1
    return start in opens


def _batches(chunks: Sequence[tuple[int, int]]) -> Iterator[Sequence[tuple[int, int]]]:
    """Consecutive chunks of at most MAX_BATCH_CHARS characters together (a longer chunk alone)."""
    first, size = 0, 0
    for k, (s, e) in enumerate(chunks):
        if k > first and size + (e - s) > MAX_BATCH_CHARS:
            yield chunks[first:k]
            first, size = k, 0
        size += e - s
    if first < len(chunks):
        yield chunks[first:]


def _span(text: str, se: tuple[int, int] | None) -> Span | None:
    if se is None:
        return None
    return Span(se[0], se[1], text[se[0] : se[1]])


def _attribution_id(article: str, content: tuple[int, int]) -> str:
    return hashlib.sha1(f"{article}:{content[0]}:{content[1]}".encode()).hexdigest()[:16]


def candidates(
    text: str,
    regions: Sequence[tuple[int, int]] | None = None,
    *,
    wide: bool = True,
    favoured: bool = True,
) -> tuple[list[tuple[int, int]], list[Quote], Parsed, list[Found]]:
    """Paragraphs, quotations, parsed chunks and every parse finding before the learned filter.
    ``wide`` proposes verbs outside the cue lexicon too and, with ``favoured``, parses the
    sentences holding a verb the model favours (training turns ``favoured`` off, so that it does
    not depend on an earlier model)."""
    spans = [(0, len(text))] if regions is None else sorted(regions)
    paras = list(paragraphs(text, spans))
    quotes = find_quotes(text, paras)
    chunks = _chunks(text, paras, quotes, wide=wide and favoured)
    nlp = load_nlp()
    seen = sentence_cased(text, paras)
    docs = [
        doc
        for batch in _batches(chunks)
        for doc in nlp.pipe((seen[s:e] for s, e in batch), disable=list(PARSE_ONLY_DISABLE))
    ]
    parsed = Parsed([(s, doc) for (s, _), doc in zip(chunks, docs, strict=True)])
    founds: list[Found] = []
    for off, doc in parsed.chunks:
        founds.extend(find_reported(doc, off, wide=wide))
        founds.extend(find_nominal(doc, off))
    return paras, quotes, parsed, founds


def extract_attributions(
    text: str,
    *,
    article: str = "",
    regions: Sequence[tuple[int, int]] | None = None,
    convention: Convention = "onrecord",
) -> list[Attribution]:
    """Attributions in ``text``, sorted by content start, found only inside ``regions``.

    ``regions`` are the article-body stretches kept by the cleaner (None: the whole text); nothing
    outside them is parsed, quoted or used to learn speaker names. Stances, beliefs and
    intentions reported with verbs outside the cue lexicon ("opposed the plan", "hopes to win")
    count when the learned filter trusts them (``learned``). ``convention="polnear"`` also joins
    the two halves of a split quote into one attribution, as PolNeAR's annotators did (see
    ``conventions``).
    """
    polnear = convention == "polnear"
    paras, quotes, parsed, founds = candidates(text, regions)
    founds = [f for f in founds if keep(f.features)]
    items = assemble(text, founds, quotes, parsed, paras)
    people = ArticleSpeakers(text, paras, [(q.open, q.close) for q in quotes])
    found = _resolve(text, article, items, people)
    return join_split_quotes(text, found) if polnear else found


def _resolve(text: str, article: str, items: list[Item], people: ArticleSpeakers) -> list[Attribution]:
    order = sorted(range(len(items)), key=lambda k: items[k].found.content[0])
    speakers: dict[int, tuple[Speaker | None, float]] = {}
    out: list[Attribution] = []
    for k in order:
        f = items[k].found
        follows = items[k].follows
        speaker: Speaker | None
        if f.mention is None and follows is not None:
            # a quotation that continues an earlier speaker keeps the mention that named them
            f = replace(f, mention=items[follows].found.mention)
            speaker, conf = speakers.get(follows, (None, f.confidence * 0.5))
            conf = min(f.confidence, conf)
        elif f.mention is not None and is_dateline(text, f.mention.start, f.mention.end):
            # the parser took a dateline for the subject: the person named after it, if any
            subject = people.after_dateline(f.mention.end)
            if subject is not None:
                r = people.resolve(subject, subject.start, article)
                speaker, conf = r.speaker, min(f.confidence, r.confidence) * 0.8
            else:
                speaker, conf = None, f.confidence * 0.5
            f = replace(f, mention=subject)
        elif f.mention is not None:
            r = people.resolve(f.mention, f.mention.start, article)
            speaker, conf = r.speaker, min(f.confidence, r.confidence)
        else:
            speaker, conf = None, f.confidence * 0.5
        speakers[k] = (speaker, conf)
        out.append(
            Attribution(
                id=_attribution_id(article, f.content),
                article=article,
                kind=f.kind,
                content=Span(f.content[0], f.content[1], text[f.content[0] : f.content[1]]),
                cue=_span(text, f.cue),
                speaker_mention=(
                    Span(f.mention.start, f.mention.end, text[f.mention.start : f.mention.end])
                    if f.mention is not None
                    else None
                ),
                speaker=speaker,
                confidence=round(conf, 3),
                addressee=_span(text, f.addressee),
                via=_span(text, f.via),
            )
        )
    out.sort(key=lambda a: (a.content.start, a.content.end))
    return out
