"""Join parse-based findings with the quotation spans found on the raw text.

A finding whose content lies inside a quotation becomes a direct quote covering the whole
quotation (a multi-sentence quote is parsed as several sentences); one whose content contains a
quotation is mixed. Quotations no rule claimed look for a cue in their own sentence (``"...," he
said``; ``Peskov said: "..."``), then for a ``Name: "..."`` label (headlines); standing as
sentences of their own, they are the subject's of the sentence right before when that names a
person or introduces them with a colon, and otherwise continue the previous speaker when close to
an earlier attribution.
Short quotations with no cue are scare quotes and yield nothing.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from onrecord.attribution.cues import CUE_LEMMAS, SPEECH, forms, lemma_of, opens_inverted_report, words
from onrecord.attribution.mentions import DASHES, Mention, mention_from, split_title
from onrecord.attribution.quotes import Quote
from onrecord.attribution.quotes import mark_len as mark_len_at
from onrecord.attribution.reported import NOT_CUE_VERBS, Found, _addressee, char_span, speaker_of

# A quotation this short with no cue of its own is a scare quote ("so-called 'peace'").
MIN_CUED_WORDS = 2
MIN_CONTINUED_WORDS = 4
# The longest subject between a quotation and a verb that reports it ("a Democratic staffer").
MAX_SUBJECT_TOKENS = 8
_SUBJECT_TAGS = frozenset({"DT", "JJ", "NN", "NNS", "NNP", "NNPS", "PRP", "POS", "CD", "HYPH", "PRP$"})
# A title-case quotation this short is a title or a name, never a statement on its own.
MAX_TITLE_WORDS = 5
# How many paragraphs back a cue-less quotation may look for the speaker it continues.
CONTINUE_PARAGRAPHS = 2
LABEL_REACH = 300  # characters before a colon that may hold a label
# multiline: a paragraph is a line, and a label opens its paragraph ("^" after the newline) or a
# sentence, also one after a quotation ('Clinton: "..." Bush: "..."')
_LABEL = re.compile(
    r"(?:^|[.!?][\"\u201d\u2019']?\s+|\s[-\u2013\u2014]\s*)([A-Z][\w\u2019'.-]*(?:\s+[A-Z][\w\u2019'.-]*){0,3})\s*:\s*$",
    re.MULTILINE,
)
_HEADLINE = re.compile(r"^(?P<c>[^:]{15,}?)\s*:\s+(?P<n>[A-Z][\w\u2019'.-]*(?:\s+[A-Z][\w\u2019'.-]*){0,3})$")
# "Bernie Sanders: 'Of Course' Clinton Is Qualified": the name first, then what was said
_HEADLINE_NAME_FIRST = re.compile(
    r"^(?P<n>[A-Z][\w\u2019'.-]*(?:\s+[A-Z][\w\u2019'.-]*){0,3})\s*:\s+(?P<c>[^:]{15,})$"
)
# Labels of a title line that name a kind of story, not a speaker ("Update: ...", "Watch: ...")
_NOT_HEADLINE_NAMES = frozenset(
    words(
        "update updated watch video live breaking exclusive opinion analysis editorial review "
        "photos photo listen podcast poll quiz report explainer correction factcheck fact "
        "latest morning evening today tonight sunday monday tuesday wednesday thursday friday saturday"
    )
)


_SENTENCE_INSIDE = re.compile(r"[.!?]\s+[A-Z\u201c\"\u2018']")


def _named_again(text: str, after: int, name: str) -> bool:
    """Whether the last word of a title-line name recurs capitalised in the text after it."""
    last = name.split()[-1].rstrip(".")
    return re.compile(rf"(?<![\w\u2019']){re.escape(last)}(?![\w\u2019'])").search(text, after) is not None


@dataclass(frozen=True, slots=True)
class Item:
    """A finding placed in the article: ``follows`` points at the item whose speaker it continues."""

    found: Found
    follows: int | None = None


class Parsed:
    """Parsed chunks with their article offsets, for looking up the sentence around a character."""

    def __init__(self, chunks: Sequence[tuple[int, Doc]]) -> None:
        self.chunks = list(chunks)
        self.starts = [off for off, _ in self.chunks]
        # read once: ``Doc.text`` joins every token of the doc on each call, and a chunk of a page
        # with no line breaks runs to thousands of tokens, looked up once per quotation
        self.texts = [doc.text for _, doc in self.chunks]
        self.token_starts = [[t.idx for t in doc] for _, doc in self.chunks]

    def tokens_after(self, pos: int, n: int) -> tuple[int, list[Token]] | None:
        """Up to ``n`` tokens of the parsed chunk that start at or after ``pos``."""
        k = bisect.bisect_right(self.starts, pos) - 1
        if k < 0:
            return None
        off, doc = self.chunks[k]
        if pos - off >= len(self.texts[k]):
            return None
        first = bisect.bisect_left(self.token_starts[k], pos - off)
        toks = list(doc[first : first + n])
        return (off, toks) if toks else None

    def sentence_tokens(self, pos: int) -> tuple[int, list[Token]] | None:
        k = bisect.bisect_right(self.starts, pos) - 1
        if k < 0:
            return None
        off, doc = self.chunks[k]
        if pos - off >= len(self.texts[k]):
            return None
        span = doc.char_span(pos - off, pos - off + 1, alignment_mode="expand")
        if span is None or len(span) == 0:
            return None
        return off, list(span[0].sent)


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


class QuoteIndex:
    """The quotations that can touch a stretch of text, found by bisection: a quote-dense page with
    no line breaks holds thousands of quotations and as many findings, and comparing every finding
    with every quotation made assembling quadratic. ``quotes`` must be sorted by ``open`` (as
    ``find_quotes`` returns them)."""

    def __init__(self, quotes: Sequence[Quote]) -> None:
        self.opens = [q.open for q in quotes]
        # the furthest closing mark so far: never decreasing, even were quotations to nest, so
        # bisecting it cannot skip a quotation that reaches a position
        self.reach = list(itertools.accumulate((q.close for q in quotes), max))

    def between(self, start: int, end: int) -> range:
        """Indices, in text order, of every quotation with ``close >= start`` and ``open <= end``
        (a few others may come along, which callers test as they would any quotation)."""
        lo = bisect.bisect_left(self.reach, start)
        return range(lo, max(lo, bisect.bisect_right(self.opens, end)))


def classify(
    text: str, found: Found, quotes: Sequence[Quote], index: QuoteIndex | None = None
) -> tuple[Found, list[int]]:
    """Direct, mixed or indirect, and the quotations the finding claims. Pass the ``index`` of
    ``quotes`` when classifying many findings against the same quotations."""

    def mark_len(pos: int) -> int:
        return mark_len_at(text, pos) if pos < len(text) else 0

    cs, ce = found.content
    length = max(ce - cs, 1)
    # Every rule below wants a quotation that overlaps the content or comes within two characters
    # of it, or one between the content start and the cue (``introduced``); a quotation's inner
    # text lies within its marks, so none outside this window can qualify.
    last = max(cs, ce, found.cue[0] if found.cue is not None else ce) + 2
    near = (index if index is not None else QuoteIndex(quotes)).between(min(cs, ce) - 2, last)
    inside = [k for k in near if quotes[k].open >= cs - 1 and quotes[k].close <= ce + 1]
    for k in near:
        q = quotes[k]
        introduced = cs < q.open and _last_char(text, cs, q.open) == ":"
        if introduced and q.close + 1 >= ce - 2 and _cued_right_after(text, found, q):
            # 'X asserted that ...: "France is no longer France," he claimed': the parse hangs the
            # whole sentence on the cue, but the quotation just before it is what it reports
            return replace(found, content=(q.start, q.end), kind="direct"), [k]
    # a paraphrase that runs into a quotation takes the whole quotation ('are "two different
    # issues. But ...," he added'): the parse stops at the sentence end, the quotation does not
    runs_on = [
        k for k in near if cs + 1 < quotes[k].open < ce and quotes[k].close > ce + 1 and quotes[k].closed
    ]
    if runs_on and not inside:
        q = quotes[runs_on[0]]
        return replace(found, content=(cs, q.end), kind="mixed"), runs_on
    for k in near:
        q = quotes[k]
        if _overlap((cs, ce), (q.start, q.end)) >= 0.6 * length and k not in inside:
            return replace(found, content=(q.start, q.end), kind="direct"), [k]
        if q.start <= cs and ce <= q.end + 1:
            return replace(found, content=(q.start, q.end), kind="direct"), [k]
    if inside:
        q0 = quotes[inside[0]]
        if len(inside) == 1 and q0.start - cs <= 2 and ce - q0.end <= 2:
            return replace(found, content=(q0.start, q0.end), kind="direct"), inside
        if q0.start - cs <= 2 and q0.closed and _framed_after(text, q0):
            # 'said, "We'll see," when asked whether ...': the quotation is the statement, what
            # follows its closing comma is the writer's framing
            return replace(found, content=(q0.start, q0.end), kind="direct"), inside[:1]
        # the parse often leaves the closing mark (and the period before it) to the main clause
        end = max(ce, max(quotes[k].close + mark_len(quotes[k].close) for k in inside))
        return replace(found, content=(cs, end), kind="mixed"), inside
    return found, []


def _cued_right_after(text: str, found: Found, quote: Quote) -> bool:
    """The speaker's mention (or the cue) follows the quotation's closing mark at once."""
    if not quote.closed or found.cue is None:
        return False
    after = quote.close + mark_len_at(text, quote.close)
    first = min(found.cue[0], found.mention.start if found.mention is not None else found.cue[0])
    return first >= after and not text[after:first].strip()


_CONTINUES = frozenset({"and", "but", "or", "that", "because", "so", "adding", "noting"})
_NEXT_WORD = re.compile(r"\s*([A-Za-z]+)")


def _framed_after(text: str, quote: Quote) -> bool:
    """A quotation that ends in a comma and is followed by a word that does not carry the
    statement on ("and", "that", "adding")."""
    if _last_char(text, quote.start, quote.close) != ",":
        return False
    m = _NEXT_WORD.match(text, quote.close + mark_len_at(text, quote.close))
    return m is not None and m.group(1).lower() not in _CONTINUES


class _Inside:
    """Whether a position lies inside any quotation."""

    def __init__(self, quotes: Sequence[Quote]) -> None:
        self.opens = [q.open for q in quotes]
        self.quotes = quotes

    def __call__(self, pos: int) -> bool:
        k = bisect.bisect_right(self.opens, pos) - 1
        return k >= 0 and self.quotes[k].open < pos < self.quotes[k].close


def _cue_near(
    text: str, quote: Quote, parsed: Parsed, inside: _Inside, *, after_only: bool = False
) -> Found | None:
    """A cue outside the quotation in the sentence that closes it, else the one that opens it
    (or the sentence before, when it ends in a colon, also across a paragraph break)."""
    after = parsed.sentence_tokens(quote.close) if quote.closed else None
    if after is not None:
        off, toks = after
        between = 0  # words between the quotation and the cue
        for t in toks:
            if off + t.idx <= quote.close:
                continue
            if _is_cue(t) and not inside(off + t.idx):
                f = _found(t, off, quote)
                if f is not None:
                    return f
            if after_only and not t.is_punct:
                # "at once": only the cue's subject may stand between ('"Quiet," the mayor
                # demanded'), not the rest of a sentence the title is part of ('X, the author
                # of "Going Viral," about ..., said')
                between += 1
                if t.tag_ not in _SUBJECT_TAGS or between > MAX_SUBJECT_TOKENS:
                    return None
    f = _reporting_slot(text, quote, parsed) if quote.closed else None
    if f is not None:
        return f
    if after_only:
        return None
    pos = quote.open
    for _ in range(2):  # the opening sentence, then the one before when it ends in a colon
        before = parsed.sentence_tokens(pos)
        if before is None:
            break
        off, toks = before
        for t in reversed(toks):
            if off + t.idx < quote.open and _is_cue(t) and not inside(off + t.idx):
                f = _found(t, off, quote)
                if f is not None:
                    clause = _reported_clause(text, quote, t, off, toks) if pos == quote.open else None
                    return f if clause is None else replace(f, content=clause, kind="mixed")
        pos = off + toks[0].idx - 1
        while pos > 0 and text[pos].isspace():
            pos -= 1
        if pos < 0 or text_before(parsed, pos) not in ":,":
            break
    return None


# Words that open a clause of its own after a comma (another statement, or the writer's
# description of what was named): the reported clause ends before them
_CLAUSE_BREAKS = frozenset(words("but and while whereas although though yet which who whose"))
# Punctuation that sets a clause or an aside apart
_ASIDES = frozenset({",", ":", ";", "(", ")"}) | DASHES
_QUOTE_MARKS = frozenset("\"\u201c\u201d\u2018\u2019'`\u00ab\u00bb")


def _reported_clause(
    text: str, quote: Quote, cue: Token, off: int, toks: Sequence[Token], *, strict: bool = False
) -> tuple[int, int] | None:
    """The reported clause a quotation is a part of, when it is one: ``said for the first time
    that "top secret" intelligence had passed through the server`` reports the whole clause, of
    which the quoted words are a fragment (a mixed quote). The clause starts after the cue (its
    particle, the one told, and a "that" before the quotation) and runs past the quotation when
    the quoted words stop mid-sentence (they end in a letter, not in the punctuation of a
    statement), to the end of the sentence or a comma with a conjunction (", but had ...").
    None when the quotation is the statement itself (``said: "..."``, ``said, "..."``). With
    ``strict``, only a clause that is plainly reported: one opened by "that", or one that a
    quotation in lower case opens right after the cue (``testified "thousands" of emails had not
    been ...``; a capital opens a name: ``told "Morning Edition" that ...``)."""
    last = max(
        (c for c in cue.children if c.dep_ == "prt" and c.i == cue.i + 1), default=cue, key=lambda c: c.i
    )
    told = _addressee(cue, off)
    gap = [
        t
        for t in toks
        if t.i > last.i
        and off + t.idx < quote.open
        and not (told is not None and told[0] <= off + t.idx < told[1])
    ]
    if any(_is_mark(t) or _is_cue(t) for t in gap):
        return None  # another quotation or another cue stands between: the quotation is theirs
    that = [k for k, t in enumerate(gap) if t.lower_ == "that" and t.tag_ in ("IN", "WDT")]
    if that:
        gap = gap[that[-1] + 1 :]
    elif gap and gap[-1].text in (",", ":"):
        gap = []  # 'said, with a smile: "..."': the quotation is introduced as the statement
    elif any(t.text in _ASIDES for t in gap):
        return None  # 'said it was good to be home, a man yelled "..."': another clause
    gap = [t for t in gap if not t.is_punct]
    start = off + gap[0].idx if gap else quote.open
    end = quote.close + mark_len_at(text, quote.close) if quote.closed else quote.end
    fragment = quote.closed and _last_mark(text, quote).isalnum()
    tail: list[Token] = []
    if fragment:
        for k, t in enumerate(toks):
            if off + t.idx <= quote.close:
                continue
            nxt = toks[k + 1] if k + 1 < len(toks) else None
            if (
                t.text == ";"
                or _is_mark(t)
                or (t.text == "," and nxt is not None and nxt.lower_ in _CLAUSE_BREAKS)
            ):
                break
            if not t.is_punct:
                tail.append(t)
    if tail:
        end = off + tail[-1].idx + len(tail[-1].text)
    if not gap and not tail:
        return None
    if strict and not that and (gap or not text[quote.start : quote.start + 1].islower()):
        return None  # 'told "Morning Edition" that ...', 'wrote "Going Home" in 1999': names
    return start, end


def _clause_before(text: str, quote: Quote, parsed: Parsed, inside: _Inside) -> Found | None:
    """A short quotation (a word or two, or title case) with no cue of its own is speech when it
    is part of a clause plainly reported by a cue before it in its sentence: ``the ministry said
    that "thousands" of files were lost`` reports the clause, quoted word and all (a mixed quote).
    The same words with no cue, or only labelled by one, stay a scare quote or a name."""
    got = parsed.sentence_tokens(quote.open)
    if got is None:
        return None
    off, toks = got
    cue = next(
        (t for t in reversed(toks) if off + t.idx < quote.open and _is_cue(t) and not inside(off + t.idx)),
        None,
    )
    if cue is None:
        return None
    clause = _reported_clause(text, quote, cue, off, toks, strict=True)
    f = _found(cue, off, quote) if clause is not None else None
    return replace(f, content=clause, kind="mixed") if f is not None and clause is not None else None


# Verbs that label someone or something in the speaker's own words ('called her "weak"',
# 'referred to him as a "reformer"'); the second set labels only through "as"
_LABELLING = frozenset(
    words(
        "call calls called calling dub dubs dubbed dubbing label labels labeled labelled labeling "
        "labelling brand brands branded branding term terms termed nickname nicknamed"
    )
)
_LABELLING_AS = frozenset(
    words(
        "describe describes described describing refer refers referred referring portray portrays "
        "portrayed portraying characterize characterizes characterized characterizing depict depicts "
        "depicted depicting dismiss dismisses dismissed dismissing reject rejects rejected rejecting "
        "denounce denounces denounced denouncing deride derides derided deriding condemn condemns "
        "condemned condemning criticize criticizes criticized criticizing blast blasts blasted "
        "blasting slam slams slammed slamming praise praises praised praising hail hails hailed hailing"
    )
)
# What the labelled thing may be made of: a noun phrase, with a preposition or a conjunction
# inside it ("her handling of the files", "his statements and actions on Sunday")
_LABELLED_TAGS = _SUBJECT_TAGS | {"IN", "CC", "NNPS", "RB"}
_PASSIVE_BE = frozenset(words("be is are was were been being"))
_LABELLED_FIRST = frozenset({"DT", "PRP", "PRP$", "NN", "NNS", "NNP", "NNPS", "JJ", "CD"})


def _labelled(text: str, quote: Quote, parsed: Parsed, inside: _Inside) -> Found | None:
    """A short quotation that labels what a verb of naming has just named: ``Vos called the plan
    "reckless"``, ``Vos referred to the mayor as a "bully"``. The label is the speaker's word for
    the named thing, so the two together are what was said (a mixed quote). A label in capitals
    is a name or a title (``a film called "Open Water"``, ``his book "Going Home"``), and a verb
    with nothing named before the quotation (``a group called "..."``, ``so-called``) or no
    subject of its own labels nothing, and neither does a passive one (``being dubbed the
    "frontrunner"``: what follows it is the label alone)."""
    first = next((c for c in text[quote.start : quote.end] if c.isalpha()), "")
    if not first.islower():
        return None
    got = _tokens_before(parsed, quote)
    if got is None:
        return None
    off, before = got
    k = next(
        (
            j
            for j in range(len(before) - 1, -1, -1)
            if before[j].tag_.startswith("VB") and not inside(off + before[j].idx)
        ),
        None,
    )
    if k is None:
        return None
    verb = before[k]
    if any(c.dep_ == "auxpass" for c in verb.children) or (k > 0 and before[k - 1].lower_ in _PASSIVE_BE):
        return None  # 'being dubbed the "frontrunner"': the named one follows no verb of theirs
    gap = before[k + 1 :]
    if verb.lower_ in _LABELLING_AS and gap and gap[0].lower_ == "to":
        gap = gap[1:]  # "referred to X as"
    as_ = any(t.lower_ == "as" for t in gap)
    if not (verb.lower_ in _LABELLING or (verb.lower_ in _LABELLING_AS and as_)):
        return None
    if not gap or gap[0].tag_ not in _LABELLED_FIRST or any(t.tag_ not in _LABELLED_TAGS for t in gap):
        return None
    f = _found(verb, off, quote) or _after_aside(verb, off, quote)
    if f is None:
        return None
    end = quote.close + mark_len_at(text, quote.close) if quote.closed else quote.end
    return replace(f, content=(off + gap[0].idx, end), kind="mixed")


def _after_aside(verb: Token, off: int, quote: Quote) -> Found | None:
    """``Vos, a city councillor, called the plan "reckless"``: after a name and an aside between
    commas the small tagger reads the past tense as a participle describing the name, which
    leaves the verb no subject. The name it hangs on is the subject when nothing else governs the
    name (it is the root or the subject of a later verb) and the verb follows the aside's comma."""
    head = verb.head
    if (
        verb.dep_ != "acl"
        or verb.tag_ != "VBN"
        or head.tag_ not in ("NNP", "NNPS")
        or head.dep_ not in ("ROOT", "nsubj")
        or verb.i == 0
        or verb.doc[verb.i - 1].text != ","
    ):
        return None
    cue = (off + verb.idx, off + verb.idx + len(verb.text))
    return Found((quote.start, quote.end), cue, mention_from(head, off), 0.7, kind="direct")


def _is_mark(t: Token) -> bool:
    """A quotation mark (not the apostrophe of "Trump's", which is a token of its own too)."""
    return all(c in _QUOTE_MARKS for c in t.text) and t.tag_ != "POS"


def _reporting_slot(text: str, quote: Quote, parsed: Parsed) -> Found | None:
    """``"Will he be attorney general?" a staffer wondered``: a past or present verb right after a
    quotation that ends in a comma, question or exclamation mark, with only a noun phrase (its
    subject) in between, reports the quotation whatever the verb (wondered, barked, exclaimed).
    Read off the tags, not the tree: the parser often splits or misattaches this inversion, and
    the small tagger misreads some surnames ("Skelly" as an adverb, "Trump" as a verb) and the
    verb "read" ('"...," the statement read'): a capitalised word there is a name, "read" a verb.
    A quotation that ends in a full stop is reported the same way only by a speech cue that ends
    its sentence ('"... missing." Trump said.'), not by one with a statement of its own."""
    mark = _last_mark(text, quote)
    if mark not in (",", "?", "!", "."):
        return None
    end = quote.close + mark_len_at(text, quote.close)
    got = parsed.tokens_after(end, MAX_SUBJECT_TOKENS + MAX_APPOSITIVE_TOKENS + 2)
    if got is None:
        return None
    off, toks = got
    inverted = _inverted_subject(toks)
    if inverted is not None:
        # '"This is fantastic!" beamed Donald Hartley', '"...," read the statement': the verb
        # before its subject
        subject = inverted
        if mark == "." and not _ends_report(toks[0], subject):
            return None
        cue = (off + toks[0].idx, off + toks[0].idx + len(toks[0].text))
        return Found((quote.start, quote.end), cue, mention_from(subject, off), 0.7, kind="direct")
    for k, t in enumerate(toks[: MAX_SUBJECT_TOKENS + 1]):
        if t.text == "," and k > 0 and mark != "." and _is_name(toks[k - 1]):
            # '"Not us!" Murphy, the head of the group, tweeted': a name, an appositive between
            # commas, then the verb
            verb = _after_appositive(toks, k)
            if verb is None:
                return None
            cue = (off + verb.idx, off + verb.idx + len(verb.text))
            return Found((quote.start, quote.end), cue, mention_from(toks[k - 1], off), 0.7, kind="direct")
        if _slot_verb(t) and k > 0:
            subject = toks[k - 1]
            if subject.tag_ not in ("NN", "NNS", "NNP", "NNPS", "PRP") and not _is_name(subject):
                return None
            if mark == "." and not _ends_report(t, t):
                return None
            cue = (off + t.idx, off + t.idx + len(t.text))
            return Found((quote.start, quote.end), cue, mention_from(subject, off), 0.7, kind="direct")
        if t.tag_ not in _SUBJECT_TAGS and not (k == 0 and _is_name(t)):
            return None
    return None


_READ = frozenset({"read", "reads"})
MAX_APPOSITIVE_TOKENS = 12  # the longest appositive between a quotation's speaker and the verb
_APPOSITIVE_TAGS = _SUBJECT_TAGS | {"IN", "TO", "CC", "NNPS", "-LRB-", "-RRB-"}


def _after_appositive(toks: Sequence[Token], comma: int) -> Token | None:
    """The verb right after the appositive that opens at ``toks[comma]`` and closes at the next
    comma, when the appositive is a noun phrase ("the head of Right to Rise USA") and the verb a
    past or present one or a speech cue the tagger took for a name ("Tweeted")."""
    for j in range(comma + 1, min(len(toks) - 1, comma + 2 + MAX_APPOSITIVE_TOKENS)):
        t = toks[j]
        if t.text == ",":
            verb = toks[j + 1]
            ok = _slot_verb(verb) or (verb.text[:1].isupper() and lemma_of(verb.text.lower()) in CUE_LEMMAS)
            return verb if ok and j > comma + 1 else None
        if t.tag_ not in _APPOSITIVE_TAGS:
            return None
    return None


def _inverted_subject(toks: Sequence[Token]) -> Token | None:
    """The subject after a verb that opens the tokens after a quotation: a name ("beamed Donald
    Hartley"), or, after "read" or a speech cue, a noun phrase that ends the clause or that a
    preposition follows ("read the statement,", "read one of the signs")."""
    if len(toks) < 2 or not _slot_verb(toks[0]) or (toks[0].tag_ == "VBP" and toks[0].lower_ not in _READ):
        return None
    if _is_name(toks[1]):
        subject = toks[1]
        while subject.i + 1 < len(subject.doc) and subject.doc[subject.i + 1].tag_ == "NNP":
            subject = subject.doc[subject.i + 1]
        return subject
    if toks[1].tag_ not in ("DT", "CD", "PRP$") or not (toks[0].lower_ in _READ or _is_cue(toks[0])):
        return None  # '"clash of civilizations," revamped his plans': an object, not a subject
    head: Token | None = None
    for t in toks[1:]:
        if t.tag_ in ("NN", "NNS", "NNP", "NNPS", "CD"):
            head = t
        elif t.is_punct or (t.tag_ == "IN" and head is not None):  # "read one of the signs"
            return head
        elif t.tag_ not in _SUBJECT_TAGS:
            return None
    return None


def _slot_verb(t: Token) -> bool:
    return t.tag_ in ("VBD", "VBZ", "VBN") or t.lower_ in _READ


def _is_name(t: Token) -> bool:
    """A proper name, or a capitalised word the tagger took for something else ("Skelly" RB)."""
    return t.tag_ in ("NNP", "NNPS") or (
        t.text[:1].isupper() and t.text.isalpha() and t.tag_ not in ("DT", "IN", "CC", "PRP", "PRP$", "WP")
    )


def _ends_report(verb: Token, last: Token) -> bool:
    """A speech cue whose sentence ends after its subject and a few words with no verb ("Trump
    said.", "Ada Vos told reporters on Friday."), so that it reports the quotation before it."""
    if lemma_of(verb.text) not in CUE_LEMMAS:
        return False
    doc = verb.doc
    rest: list[Token] = []
    j = max(verb.i, last.i) + 1
    while j < len(doc) and doc[j].text not in (".", "!", "?") and len(rest) <= 6:
        rest.append(doc[j])
        j += 1
    return (
        len(rest) <= 6
        and j < len(doc)
        and not any(t.tag_.startswith("VB") or t.lower_ == "that" or t.is_quote for t in rest)
    )


def _last_mark(text: str, quote: Quote) -> str:
    """The punctuation that ends a quotation, looking through a nested quote's closing mark
    (``... what can we do to help?\u2019\u201d``)."""
    return text[quote.start : quote.close].rstrip().rstrip("\u2019'\u201d").rstrip()[-1:]


def _tokens_before(parsed: Parsed, quote: Quote) -> tuple[int, list[Token]] | None:
    """The chunk offset and the tokens of the sentence that opens a quotation, before its mark."""
    got = parsed.sentence_tokens(quote.open)
    if got is None:
        return None
    off, toks = got
    return off, [t for t in toks if off + t.idx < quote.open]


def _slot_before(text: str, quote: Quote, parsed: Parsed, inside: _Inside) -> Found | None:
    """``Billy Joel sings, "..."``, ``X is shown lecturing: "..."``, ``As Vulture put it, "..."``:
    a verb with a subject right before the comma or colon that opens a quotation reports it,
    whatever the verb. Read off the parse around the mark, like ``_reporting_slot``."""
    got = _tokens_before(parsed, quote)
    if got is None:
        return None
    off, before = got
    if len(before) < 2 or before[-1].text not in (",", ":"):
        return None
    verb = before[-2]
    if verb.lower_ == "it" and verb.head.lower_ in ("put", "puts") and verb.dep_ == "dobj":
        verb = verb.head  # "as X put it,"
    elif verb.lower_ == "words" and verb.dep_ == "pobj" and verb.head.lower_ == "in":
        # "in Forbes' words,": the possessor is the speaker
        owner = next((c for c in verb.children if c.dep_ == "poss"), None)
        if owner is None:
            return None
        cue = (off + verb.head.idx, off + verb.idx + len(verb.text))
        return Found((quote.start, quote.end), cue, mention_from(owner, off), 0.7, kind="direct")
    if not verb.tag_.startswith("VB") or verb.lower_ in NOT_CUE_VERBS or inside(off + verb.idx):
        return None
    f = _found(verb, off, quote)
    if f is None or f.mention is None or f.mention.text.lower() in ("it", "there", "this", "that"):
        return None
    return replace(f, confidence=min(f.confidence, 0.7))


def _said_before(text: str, quote: Quote, parsed: Parsed, inside: _Inside) -> Found | None:
    """``Asked whether he would resign, Vos said, "Never."``: a one-word quotation that is a
    sentence of its own (a capital, and a full stop, question or exclamation mark at its end)
    right after a speech cue and its comma or colon is the answer the cue reports. A scare quote
    or a title is no sentence (``titled "Scam."`` has no speech cue)."""
    if not quote.closed or not text[quote.start : quote.start + 1].isupper():
        return None
    if _last_char(text, quote.start, quote.close) not in (".", "!", "?"):
        return None
    f = _slot_before(text, quote, parsed, inside)
    if f is None or f.cue is None or lemma_of(text[f.cue[0] : f.cue[1]]) not in CUE_LEMMAS:
        return None
    return f


def _participle_before(text: str, quote: Quote, parsed: Parsed, inside: _Inside) -> Found | None:
    """``X posted a photo, writing "..."``: a cue participle after a comma, right before the
    quotation, reports it for the subject of the clause it follows. The parser often takes the
    participle for the subject of the quoted words, so this is read off the tags."""
    got = _tokens_before(parsed, quote)
    if got is None:
        return None
    off, before = got
    if before and before[-1].text == ":":
        before.pop()
    if len(before) < 3 or before[-2].text != ",":
        return None
    verb = before[-1]
    # the tagger also reads "writing" as a noun here
    if not verb.lower_.endswith("ing") or lemma_of(verb.text) not in CUE_LEMMAS or inside(off + verb.idx):
        return None
    # the clause before the comma: its main verb (the one its other words hang from)
    clause = before[:-2]
    heads = [
        t
        for t in clause
        if t.tag_.startswith("VB") and (t.dep_ == "ROOT" or not clause[0].i <= t.head.i <= clause[-1].i)
    ]
    if not heads:
        return None
    spk, _, conf = speaker_of(heads[0])
    if spk is None or spk.lower_ in ("it", "there", "this", "that"):
        return None
    cue = (off + verb.idx, off + verb.idx + len(verb.text))
    return Found((quote.start, quote.end), cue, mention_from(spk, off), min(conf, 0.7), kind="direct")


def text_before(parsed: Parsed, pos: int) -> str:
    """The last non-space character at or before ``pos`` in a parsed chunk ("" when none)."""
    k = bisect.bisect_right(parsed.starts, pos) - 1
    if k < 0:
        return ""
    chunk = parsed.texts[k]
    return _last_char(chunk, 0, min(pos - parsed.starts[k] + 1, len(chunk)))


# Verbs that report a quotation only with their particle ('"...," Vos went on'; 'Kowal shot
# back: "..."'): the verb alone is no cue ("went home", "shot a film")
_PHRASAL_CUES = frozenset(
    (form, particle)
    for verb, particle in (
        ("go", "on"),
        ("chime", "in"),
        ("cut", "in"),
        ("break", "in"),
        ("shoot", "back"),
        ("fire", "back"),
        ("hit", "back"),
        ("jump", "in"),
    )
    for form in forms(verb)
)


def _particle(t: Token) -> Token | None:
    """The particle right after ``t`` that makes it a phrasal cue ("went on"), if any; the parse
    reads "back" as an adverb as often as a particle."""
    return next(
        (
            c
            for c in t.children
            if c.i == t.i + 1 and c.dep_ in ("prt", "advmod") and (t.lower_, c.lower_) in _PHRASAL_CUES
        ),
        None,
    )


def _is_cue(t: Token) -> bool:
    return t.tag_.startswith("VB") and (lemma_of(t.text) in CUE_LEMMAS or _particle(t) is not None)


def _found(t: Token, off: int, quote: Quote) -> Found | None:
    spk, via, conf = speaker_of(t)
    if spk is None:
        return None
    end = _particle(t) or t  # "went on": the particle belongs to the cue
    cue = (off + t.idx, off + end.idx + len(end.text))
    return Found(
        (quote.start, quote.end),
        cue,
        mention_from(spk, off),
        conf,
        addressee=_addressee(t, off),
        via=char_span([via], off) if via is not None else None,
        kind="direct",
    )


def _label(text: str, quote: Quote, para: tuple[int, int], prev: tuple[int, int] | None) -> Found | None:
    """``Peskov: "..."``, also with the label ending the paragraph before (``Stated Stone:``)."""
    # a label is at most four words right before the colon: look only that far back, or every
    # quotation of a huge paragraph would rescan it from its start
    m = _LABEL.search(text, max(para[0], quote.open - LABEL_REACH), quote.open)
    if m is None and prev is not None and not text[para[0] : quote.open].strip():
        m = _LABEL.search(text, max(prev[0], prev[1] - LABEL_REACH), prev[1])
    if m is None:
        return None
    start, name = m.start(1), m.group(1)
    colon = text.index(":", m.end(1))
    cue = (colon, colon + 1)
    first = name.split()[0]
    if " " in name and opens_inverted_report(first):
        # "Stated Stone:", "Said Trump:": the verb before its subject
        cue = (start, start + len(first))
        start, name = start + len(first) + 1, name[len(first) + 1 :]
    mention = Mention(start, start + len(name), name, "name", name.split()[-1], name)
    return Found((quote.start, quote.end), cue, mention, 0.7, kind="direct")


# A line that signs the quotation above it: "- Bernie Sanders." or "-President Obama, tweeting after"
# (a hyphen, en or em dash, or the horizontal bar U+2015 of quote roundups)
_SIGNATURE = re.compile(
    r"[^\S\n]*[-\u2013\u2014\u2015]+[^\S\n]*((?:[A-Z][\w.\u2019'-]*[^\S\n]+){0,4}[A-Z][\w\u2019'-]*)[^\S\n]*(?:[,.]|$)"
)  # spaces include the no-break space of scraped pages, never a line break
MAX_SIGNATURE_CHARS = 120  # a signature is a short line, not a paragraph opened by a dash
_BARE_TAIL = re.compile(r"\s*+[.,]*+\s*+")  # nothing after a quotation but a stop or a comma


def _signature(text: str, quote: Quote, paras: Sequence[tuple[int, int]], p: int) -> Found | None:
    """A quotation that ends its paragraph (``p``) signed by a dash and a name, on the same line
    (``"..." ― Sonya Herridge``) or the next: the way pull quotes, vox pops and quote roundups
    credit their speakers. That name spoke it."""
    if not quote.closed:
        return None
    after = quote.close + mark_len_at(text, quote.close)
    # matched in place, not copied: the rest of a paragraph of a few hundred kilobytes, copied for
    # each of its quotations, was quadratic
    if _BARE_TAIL.fullmatch(text, after, paras[p][1]) is None:
        # the signature follows on the quotation's own line, and nothing after it but a stop
        m = _SIGNATURE.match(text, after, paras[p][1])
        if (
            m is None
            or paras[p][1] - after > MAX_SIGNATURE_CHARS
            or (text[m.end() - 1] != "," and text[m.end() : paras[p][1]].strip().strip("."))
        ):
            return None  # a description may follow the name after a comma ("- Jo Ames, 34, a nurse")
    elif p + 1 < len(paras) and paras[p + 1][1] - paras[p + 1][0] <= MAX_SIGNATURE_CHARS:
        m = _SIGNATURE.match(text, paras[p + 1][0], paras[p + 1][1])
    else:
        return None
    if m is None or any(w.strip(".").lower() in _NOT_TURN_NAMES for w in m.group(1).split()):
        return None
    role, name = split_title(m.group(1).split())
    if name is None:
        return None
    start = m.start(1)
    mention = Mention(start, m.end(1), m.group(1), "name", name.split()[-1], name, role)
    return Found((quote.start, quote.end), None, mention, 0.6, kind="direct")


def headline(text: str, para: tuple[int, int]) -> Found | None:
    """``Kiev does not want peace: Kremlin`` or ``Lynch: No outside influence on FBI probe`` in a
    title line (some sources end their titles with a full stop: one sentence, one stop, is still a
    title)."""
    ps, pe = para
    if pe - ps > 200:
        return None
    if text[pe - 1 : pe] == "." and not _SENTENCE_INSIDE.search(text, ps, pe - 1):
        pe -= 1
    line = text[ps:pe]
    if line.endswith((".", "\u201d", '"')):
        return None
    m = _HEADLINE.match(line)
    if m is None:
        m = _HEADLINE_NAME_FIRST.match(line)
        # a title-case section label ("Stealth Over Health: ...") is no speaker: a name in the
        # first place is someone the article goes on to name
        if m is not None and not _named_again(text, pe, m.group("n")):
            return None
    if m is None or any(w.lower() in _NOT_HEADLINE_NAMES for w in m.group("n").split()):
        return None
    name = m.group("n")
    mention = Mention(ps + m.start("n"), ps + m.end("n"), name, "name", name.split()[-1], name)
    colon = ps + line.index(":", min(m.end("c"), m.end("n")))
    cs, ce = ps + m.start("c"), ps + m.end("c")
    kind = "indirect"
    if text[cs] in "\u201c\"\u2018'" and text[ce - 1] in "\u201d\"\u2019'":
        cs, ce, kind = cs + 1, ce - 1, "direct"
    return Found((cs, ce), (colon, colon + 1), mention, 0.6, kind=kind)


# An interview transcript: paragraphs opened by the speaker's name in capitals and a colon
_TURN = re.compile(r"([A-Z][A-Z\u2019'.-]+(?: [A-Z][A-Z\u2019'.-]+){0,3}):[ \t]+(?=\S)")
# Capitals and a colon that open a paragraph but name no speaker ("EXCLUSIVE: ...")
_NOT_TURN_NAMES = _NOT_HEADLINE_NAMES | frozenset(
    words(
        "exclusive breaking note editor editors clarification related read more also see credit "
        "warning disclaimer byline email source sources boom busted look stat week"
    )
)
_FIRST_PERSON = frozenset({"i", "we", "you"})  # and the one spoken to
MIN_TURNS = 3  # a transcript has at least this many turns, by at least two speakers


def transcript_turns(text: str, paras: Sequence[tuple[int, int]]) -> list[Found]:
    """``TAPPER: Do you think ...`` / ``FALLIN: I think ...``: each turn of an interview
    transcript is its speaker's words. Only where the article has several turns by more than one
    speaker, so a lone ``UPDATE:`` or a newsletter's recurring section label is no speaker."""
    turns: list[tuple[re.Match[str], int]] = []
    for ps, pe in paras:
        m = _TURN.match(text, ps, pe)
        if m is not None and not any(w.strip(".").lower() in _NOT_TURN_NAMES for w in m.group(1).split()):
            turns.append((m, pe))
    if len(turns) < MIN_TURNS or len({m.group(1).split()[-1] for m, _ in turns}) < 2:
        return []
    out = []
    names: dict[str, str] = {}
    for m, pe in turns:
        label = m.group(1)
        if label not in names:
            names[label] = _as_written(text, label)
        name = names[label]
        mention = Mention(m.start(1), m.end(1), label, "name", name.split()[-1], name)
        end = pe
        while end > m.end() and text[end - 1].isspace():
            end -= 1
        out.append(Found((m.end(), end), (m.end(1), m.end(1) + 1), mention, 0.7, kind="direct"))
    return out


def _thinking_aloud(f: Found, turns: Sequence[Found]) -> bool:
    """``FALLIN: I think he is ...``: "I think" within a turn is the turn's own speaker, as within
    a quotation."""
    return (
        f.cue is not None
        and f.mention is not None
        and f.mention.text.lower() in _FIRST_PERSON
        and any(t.content[0] <= f.cue[0] < t.content[1] for t in turns)
    )


def _as_written(text: str, label: str) -> str:
    """A name in capitals as the article spells it elsewhere (``TAPPER`` -> ``Tapper``)."""
    for m in re.finditer(re.escape(label), text, re.IGNORECASE):
        if not m.group().isupper():
            return m.group()
    return label.title()


def assemble(
    text: str,
    founds: Sequence[Found],
    quotes: Sequence[Quote],
    parsed: Parsed,
    paras: Sequence[tuple[int, int]],
) -> list[Item]:
    """Classify parse findings, attribute unclaimed quotations, and order everything by content."""
    para_starts = [p[0] for p in paras]

    def para_of(pos: int) -> int:
        return max(bisect.bisect_right(para_starts, pos) - 1, 0)

    claimed: dict[int, Found] = {}
    items: list[Found] = []
    inside = _Inside(quotes)
    index = QuoteIndex(quotes)
    turns = transcript_turns(text, paras)
    for f in founds:
        if f.cue is not None and inside(f.cue[0]):
            continue  # a cue inside a quotation is the quoted speaker's own words
        if turns and _thinking_aloud(f, turns):
            continue
        g, ks = classify(text, f, quotes, index)
        if g.kind == "direct":
            k = ks[0]
            prev = claimed.get(k)
            if prev is not None and prev.kind == "mixed":
                continue  # the quotation already ends a paraphrase ('that X "...," she added')
            # two cues claiming one quotation: keep the cue closest to it
            if prev is None or _dist(g, quotes[k]) < _dist(prev, quotes[k]):
                claimed[k] = g
            continue
        for k in ks:
            if g.kind == "mixed" or k not in claimed:
                claimed[k] = g
        items.append(g)
    items.extend({id(f): f for f in claimed.values() if f.kind == "direct"}.values())
    for k, q in enumerate(quotes):
        if k in claimed:
            continue
        if q.words(text) < MIN_CUED_WORDS or is_title(text[q.start : q.end]) or _named_show(text, q):
            # a short or title-case quotation is speech only when a cue follows it at once
            # ('"Quiet," he demanded'; '"GROWING PARTY," he declared'), never a name or a scare quote
            near = None
            if q.closed and _last_char(text, q.start, q.close) in (",", "!", "?"):
                near = _cue_near(text, q, parsed, inside, after_only=True)
            if near is None:
                near = (
                    _said_before(text, q, parsed, inside)
                    or _clause_before(text, q, parsed, inside)
                    or _labelled(text, q, parsed, inside)
                )
            if near is not None:
                claimed[k] = near
                items.append(near)
            continue
        near = (
            _cue_near(text, q, parsed, inside)
            or _slot_before(text, q, parsed, inside)
            or _participle_before(text, q, parsed, inside)
            or _labelled(text, q, parsed, inside)
            or _label(
                text, q, paras[para_of(q.open)], paras[para_of(q.open) - 1] if para_of(q.open) else None
            )
            or _signature(text, q, paras, para_of(q.close))
        )
        if near is not None:
            claimed[k] = near
            items.append(near)
    items = _dedupe(items)
    out: list[Item] = [Item(f) for f in items]
    # quotations standing alone continue the previous speaker: the named item that ends last
    # before the quotation (the first of a tie) and starts at most CONTINUE_PARAGRAPHS back. The
    # named items sorted by end (a tie: the first item last) are walked back from the quotation,
    # not all tested for each quotation; the continuations appended below are unnamed.
    named = sorted(
        (j for j, it in enumerate(out) if it.found.mention is not None), key=lambda j: (_end(out[j]), -j)
    )
    named_ends = [_end(out[j]) for j in named]
    for k, q in enumerate(quotes):
        if k in claimed or q.words(text) < MIN_CONTINUED_WORDS:
            continue
        p = para_of(q.open)
        lead = _last_char(text, paras[p][0], q.open)
        if lead and lead not in '.!?:\u201d"':
            continue
        # a paragraph that ends in a colon introduces a quotation that opens the next one
        opens_after_colon = p > 0 and not lead and _last_char(text, *paras[p - 1]) == ":"
        region = paras[p - 1][0] if opens_after_colon else paras[p][0]
        subject = _subject_before(text, q, parsed, paras[p][0], region, inside)
        if subject is not None:
            claimed[k] = subject
            out.append(Item(subject))
            continue
        # the earliest start allowed; a content never starts after it ends, so once the ends
        # fall below it no earlier item can qualify
        first = paras[p - CONTINUE_PARAGRAPHS][0] if p > CONTINUE_PARAGRAPHS else -1
        i = bisect.bisect_right(named_ends, q.open) - 1
        while i >= 0 and named_ends[i] >= first:
            j = named[i]
            if out[j].found.content[0] >= first:
                out.append(Item(Found((q.start, q.end), None, None, 0.6, kind="direct"), j))
                break
            i -= 1
    taken = {it.found.content for it in out}
    out.extend(Item(f) for f in turns if f.content not in taken)
    starts = sorted(it.found.content[0] for it in out)
    for f in introduced_paragraphs(text, parsed, paras):
        # a paragraph that holds a finding of its own is no statement introduced from outside
        k = bisect.bisect_left(starts, f.content[0])
        if k == len(starts) or starts[k] >= f.content[1]:
            out.append(Item(f))
    if paras:
        h = headline(text, paras[0])
        # a title line "Name: 'a quote'" is also a label: one attribution per content span
        if h is not None and all(it.found.content != h.content for it in out):
            out.append(Item(h))
    return out


_SAYING = frozenset(SPEECH)


def introduced_paragraphs(text: str, parsed: Parsed, paras: Sequence[tuple[int, int]]) -> list[Found]:
    """``Hewitt writes:`` ending a paragraph: the next paragraph, when no quotation mark opens it,
    is what the cue introduces (a quotation there is claimed by the label and slot rules). The cue
    is the verb of saying that heads the sentence and the colon."""
    out: list[Found] = []
    for k in range(len(paras) - 1):
        ps, pe = paras[k]
        end = _trimmed_end(text, ps, pe)
        ns, ne = paras[k + 1]
        ne = _trimmed_end(text, ns, ne)
        if end <= ps or text[end - 1] != ":" or ne <= ns or text[ns] in _QUOTE_MARKS:
            continue
        got = parsed.sentence_tokens(end - 1)
        if got is None:
            continue
        off, toks = got
        colon = next((t for t in reversed(toks) if off + t.idx == end - 1), None)
        if colon is None:
            continue
        # the sentence's own verb, a verb of saying: "Here is what we know:" introduces no one's words
        cue = colon.head if colon.head.dep_ == "ROOT" else None
        if cue is None or not _is_cue(cue) or lemma_of(cue.text) not in _SAYING or cue.i > colon.i:
            continue
        spk, _, conf = speaker_of(cue)
        if spk is None:
            continue
        span = (off + cue.idx, off + cue.idx + len(cue.text))
        out.append(Found((ns, ne), span, mention_from(spk, off), min(conf, 0.7)))
    return out


def _subject_before(
    text: str, quote: Quote, parsed: Parsed, para_start: int, first: int, inside: _Inside
) -> Found | None:
    """``Bystrom agreed. "Mainstream Republicans are running out of time"``, ``McConnell
    delivered a blunt message: "It's time to ..."``: a quotation with no cue that follows, in its
    own paragraph, a sentence of the writer's about someone is that someone's, not a
    continuation of whoever spoke before. The subject of the sentence right before counts when it
    names a person (a proper name, "he" or "she"), or anything when the sentence ends in a colon
    that introduces the quotation with a verb other than "be". A colon may also end the
    paragraph before one that the quotation opens (``Trump issued the following statement:``);
    ``first`` is where that paragraph starts, else ``para_start``."""
    pos = _trimmed_end(text, first, quote.open) - 1
    if pos <= first or text[pos] not in ".:" or (pos < para_start and text[pos] != ":"):
        return None
    got = parsed.sentence_tokens(pos)
    if got is None:
        return None
    off, toks = got
    toks = [t for t in toks if off + t.idx < quote.open]
    if not toks or off + toks[0].idx < first or any(_is_mark(t) or inside(off + t.idx) for t in toks):
        return None
    ids = {t.i for t in toks}
    verb: Token | None = None
    subj: Token | None = None
    colon = toks[-1]
    if colon.text == ":" and colon.head.i in ids:
        # what the colon hangs on: the verb that introduces the quotation, or a name whose verb
        # the parse lost ("Romney, the nominee, tweeted in response:" read as a participle)
        if colon.head.tag_.startswith("VB"):
            verb = colon.head
        elif colon.head.tag_ in ("NNP", "NNPS"):
            subj = colon.head
    if verb is None and subj is None:
        # the clause's verb: the one word before the quotation that hangs on nothing before it
        # (the parse often hangs a clause ending in a colon on the quotation's own verb)
        tops = [t for t in toks if not t.is_punct and (t.head.i == t.i or t.head.i not in ids)]
        if len(tops) != 1 or not tops[0].tag_.startswith("VB"):
            return None
        verb = tops[0]
    if verb is not None:
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None or inside(off + subj.idx):
        return None
    person = subj.tag_ in ("NNP", "NNPS") or subj.lower_ in ("he", "she")
    # "The motto is simple:" describes a thing, which says nothing
    introduced = (
        text[pos] == ":"
        and subj.tag_ in ("NN", "NNS")
        and verb is not None
        and verb.lower_ not in _PASSIVE_BE
    )
    if not (person or introduced):
        return None
    return Found((quote.start, quote.end), None, mention_from(subj, off), 0.6, kind="direct")


def is_title(quoted: str) -> bool:
    """A short quotation in title case is a name (a show, a book, a nickname), not speech:
    ``on "Sunday Morning Futures"``, ``his book "Going Viral"``."""
    words = [w for w in re.findall(r"[^\W\d_][\w\u2019'-]*", quoted)]
    small = {"a", "an", "the", "of", "and", "or", "in", "on", "for", "to", "with", "at", "by"}
    return (
        0 < len(words) <= MAX_TITLE_WORDS
        and not quoted.rstrip().endswith((".", "!", "?", ","))
        and all(w[0].isupper() or w.lower() in small for w in words)
        and words[0][0].isupper()
    )


_SHOW_BEFORE = re.compile(r"(?:\b[Oo]n|[\w.]['\u2019]s)\s*$")


def _named_show(text: str, quote: Quote) -> bool:
    """A title that ends its sentence, the full stop inside the marks: ``said Sunday on NBC's
    "Meet the Press."``. A programme or publication named after "on" or a possessive is no
    statement, though the stop keeps ``is_title`` from seeing it."""
    quoted = text[quote.start : quote.end].rstrip()
    if not quoted.endswith(".") or not is_title(quoted[:-1]):
        return False
    return _SHOW_BEFORE.search(text, max(0, quote.open - 40), quote.open) is not None


def _end(item: Item) -> int:
    return item.found.content[1]


def _trimmed_end(text: str, start: int, end: int) -> int:
    """The end of ``text[start:end]`` without its trailing white space, found without copying the
    stretch: in a paragraph of a few hundred kilobytes that copy, made for each quotation, was
    quadratic."""
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _last_char(text: str, start: int, end: int) -> str:
    """``text[start:end].rstrip()[-1:]``."""
    end = _trimmed_end(text, start, end)
    return text[end - 1] if end > start else ""


def _dist(f: Found, q: Quote) -> int:
    if f.cue is None:
        return 10**9
    return min(abs(f.cue[0] - q.close), abs(q.open - f.cue[1]))


def _dedupe(items: Sequence[Found]) -> list[Found]:
    seen: dict[tuple[int, int], Found] = {}
    for f in items:
        if f.content not in seen or f.confidence > seen[f.content].confidence:
            seen[f.content] = f
    return list(seen.values())
