"""When a statement was made: time phrases attached to the cue, resolved against the publication date.

News reports date a statement relative to the article ("Peskov said on Wednesday", "Last Monday,
he told reporters", "in an interview aired on March 2"). Finding the phrase is a job for the
dependency parse: only a phrase that hangs off the cue (directly, or through a preposition, the
occasion "in an interview aired on ...", or a participle "speaking on Sunday") dates the statement,
or one that frames the cue's clause: it opens the sentence ("In 2003, officials were accused ...
and later admitted that ...") or a 'when' clause holding the cue follows it ("last week, when
authorities announced ..."). A date inside the reported content or attached to another clause
("the referenda of September 2022") is about something else. Resolving the phrase is dateparser's
job, with the publication date as ``RELATIVE_BASE`` and a preference for the past. Without a
publication date a relative phrase stays unresolved; only a phrase that names its year gets a
value.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from dateparser.date import DateDataParser
from spacy.tokens import Doc, Token

from onrecord.attribution.segment import Sentence, sentences
from onrecord.ingest.dateline import WIRE_DATELINE_PLACE
from onrecord.models import PRECISION_RANK, Attribution, Span, StatementDate
from onrecord.nlp import PARSE_ONLY_DISABLE, load_nlp

__all__ = ["date_attributions", "find_time_phrases", "resolve_phrase"]

_WEEKDAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
_MONTH = (
    r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|March|Mar\.|April|Apr\.|May|June|July|Aug(?:ust|\.)?|"
    r"Sep(?:tember|t?\.)|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)"
)
_PART_OF_DAY = r"(?:\s+(?:morning|afternoon|evening|night))?"
_YEAR = r"(?:19|20)\d\d"
_UNIT = r"(?:week|month|year)"
_NUMBER = r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|a few)"
# Each alternative is a whole phrase; the leading word ("on", "last", "earlier") is part of it, so
# that dateparser sees "last Monday" and the user sees where the date came from.
_PHRASE = re.compile(
    rf"""\b(?:
        (?:(?:earlier|late|early)\s+)?(?:on\s+)?(?:last\s+|this\s+|this\s+past\s+)?{_WEEKDAY}{_PART_OF_DAY}
            (?:,?\s+{_MONTH}\s+\d{{1,2}}(?:,?\s+{_YEAR})?)?
      | (?:on\s+)?{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+{_YEAR})?
      | (?:on\s+)?\d{{1,2}}\s+{_MONTH}(?:\s+{_YEAR})?
      | (?:in|during|since|until|by)\s+(?:(?:early|mid|late)[\s-]+)?{_MONTH}(?:\s+{_YEAR})?
      | (?:early|mid|late)[\s-]+{_MONTH}(?:\s+{_YEAR})?
      | {_MONTH}\s+{_YEAR}
      | in\s+{_YEAR}
      | (?:earlier|late|early)\s+(?:this|last)\s+{_UNIT}
      | (?:last|this|past)\s+(?:{_UNIT}|weekend)
      | {_NUMBER}\s+(?:day|week|month|year)s?\s+ago
      | (?:over|at|during)\s+the\s+weekend
      | (?:earlier\s+)?(?:yesterday|today|tonight)
      | last\s+night
      | this\s+(?:morning|afternoon|evening)
    )\b""",
    re.VERBOSE | re.IGNORECASE,
)
# Month names are capitalised in news text; the case-insensitive pattern above would take the
# modal "may" and the verb "march" for months.
_MONTH_WORD = re.compile(rf"\b{_MONTH}", re.IGNORECASE)
_MONTH_CASED = re.compile(rf"\b{_MONTH}")
_LEADING = re.compile(r"^(?:on|in|during|since|until|by|over|at)\s+", re.IGNORECASE)
_MODIFIER = re.compile(r"\b(?:earlier|early|late|mid)[\s-]+", re.IGNORECASE)
_BARE_WEEKDAY = re.compile(rf"^(?:on\s+)?{_WEEKDAY}{_PART_OF_DAY}$", re.IGNORECASE)
# "by March", "until 2026", "since January": deadlines and durations, never when something was said
_NOT_WHEN = re.compile(r"^(?:by|until|since)\b", re.IGNORECASE)
# Words outside the content that place a report on an earlier occasion than the one just dated.
_EARLIER = re.compile(
    r"\b(?:previously|earlier|recently|repeatedly|in the past|has long|have long|had|has|have)\b",
    re.IGNORECASE,
)
_THIS_PAST = re.compile(r"^this\s+past\s+", re.IGNORECASE)
_WEEKEND = re.compile(r"\bweekend\b", re.IGNORECASE)
_HAS_YEAR = re.compile(rf"\b{_YEAR}\b")
# A wire dateline, "NEW YORK, Dec. 22 (UPI) —": the date the story was filed, not of the statement.
_DATELINE_TAIL = re.compile(rf",?\s*(?:{_YEAR}\s*)?(?:\([^()\n]{{1,40}}\)\s*)?[\u2014\u2013-]")
_RELATIVE = re.compile(r"\b(?:ago|last|this|past|yesterday|today|tonight)\b", re.IGNORECASE)
# What may come before a time phrase that opens a sentence: quotation marks, a conjunction.
_FRONT_LEAD = re.compile(r"""[\s"'\u201c\u2018(]*(?:(?:and|but|yet|so)\s+)?""", re.IGNORECASE)
# "next month", "before Monday", "later this week": a plan or a bound, not when a report was made
# ("later on Sunday" is a past time: only the present "this", "today" make "later" a plan)
_PLAN_BEFORE = re.compile(r"\b(?:next|before|after|by|until)\s+\Z", re.IGNORECASE)
_LATER_BEFORE = re.compile(r"\blater\s+\Z", re.IGNORECASE)
_PRESENT = re.compile(r"^(?:this|today|tonight)\b", re.IGNORECASE)
_FUTURE_AUX = frozenset({"will", "'ll", "wo", "shall"})
_WHEN_AFTER = re.compile(r"\s*,?\s*when\b")

_PERIODS = {
    "day": "day",
    "time": "day",
    "part_of_day": "day",
    "week": "week",
    "month": "month",
    "year": "year",
}
# Dependencies through which a time phrase still belongs to the statement's clause: prepositions,
# the occasion noun ("in an interview aired on ..."), a participle ("speaking on Sunday").
_MAX_STEPS = 6
_PARTICIPLES = frozenset({"VBN", "VBG"})
_MODIFIER_DEPS = frozenset({"acl", "advcl", "xcomp", "pcomp"})
# Nouns that name an occasion of speaking, which a time phrase can date ("the proposal made by
# Zelensky on Saturday"); singular forms, plurals are matched by stripping the "s".
_OCCASION_NOUNS = frozenset(
    [
        "proposal",
        "statement",
        "remark",
        "speech",
        "interview",
        "address",
        "announcement",
        "comment",
        "appeal",
        "offer",
        "letter",
        "post",
        "tweet",
        "message",
        "briefing",
    ]
)
_OCCASION_WORD = re.compile(r"\b(?:" + "|".join(sorted(_OCCASION_NOUNS)) + r")s?\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class TimePhrase:
    start: int
    end: int
    text: str


def find_time_phrases(text: str, start: int = 0, end: int | None = None) -> list[TimePhrase]:
    """Time expressions in ``text[start:end]`` with their article offsets."""
    out: list[TimePhrase] = []
    for m in _PHRASE.finditer(text, start, len(text) if end is None else end):
        phrase = m.group()
        months = _MONTH_WORD.findall(phrase)
        if months and len(_MONTH_CASED.findall(phrase)) < len(months):
            continue
        out.append(TimePhrase(m.start(), m.end(), phrase))
    return out


@functools.lru_cache(maxsize=64)
def _parser(base: date) -> DateDataParser:
    """One parser per base date: RELATIVE_BASE is a parser setting, and articles share dates."""
    settings = {
        "PREFER_DATES_FROM": "past",
        "RETURN_TIME_AS_PERIOD": True,
        "RELATIVE_BASE": datetime(base.year, base.month, base.day),
    }
    return DateDataParser(languages=["en"], settings=settings)


def _period_start(day: date, precision: str) -> date:
    if precision == "week":
        return day - timedelta(days=day.weekday())
    if precision == "month":
        return day.replace(day=1)
    if precision == "year":
        return day.replace(month=1, day=1)
    return day


def resolve_phrase(phrase: str, published: date | None) -> tuple[str | None, str] | None:
    """``(ISO date of the period start or None, precision)`` for a time phrase, or None if it is
    not a date dateparser understands or it lies after the publication date (not a statement date).

    A bare weekday ("on Sunday") is the latest such day up to and including the publication day:
    in news style "on Sunday" in a Sunday paper is that day, while "last Sunday" is a week back.
    """
    cleaned = _MODIFIER.sub("", _LEADING.sub("", phrase.strip())).strip()
    cleaned = _THIS_PAST.sub("last ", cleaned)
    weekend = _WEEKEND.search(cleaned) is not None
    if weekend:
        cleaned = "last saturday" if cleaned.lower().startswith("last") else "saturday"
    named_year = _HAS_YEAR.search(phrase) is not None and _RELATIVE.search(phrase) is None
    if published is None and not named_year:
        # the precision is still worth keeping: parse against an arbitrary base, keep no value
        found = _parse(cleaned, date(2000, 1, 1))
        return None if found is None else (None, "week" if weekend else found[1])
    base = published or date(2000, 1, 1)
    # "early Tuesday" in a Tuesday paper is that day too, as "on Tuesday" is
    if _BARE_WEEKDAY.match(_MODIFIER.sub("", phrase.strip())) or (weekend and not cleaned.startswith("last")):
        base = base + timedelta(days=1)
    found = _parse(cleaned, base)
    if found is None:
        return None
    day, precision = found
    if weekend:
        precision = "week"
    if published is not None and day > published:
        return None
    if published is not None and not named_year and precision == "day" and _after_publication(day, published):
        return None
    return _period_start(day, precision).isoformat(), precision


def _after_publication(day: date, published: date) -> bool:
    """Whether a month and day named without a year ("Dec. 22") are nearer to the publication date
    in its future than in its past: dateparser, preferring the past, takes the previous year's
    date, but a month and day a few days after publication are an upcoming event or a dateline
    filed after the date the article carries, never the same day of last year."""
    try:
        next_year = day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        next_year = day + timedelta(days=365)
    return next_year > published and (next_year - published) < (published - day)


def _parse(phrase: str, base: date) -> tuple[date, str] | None:
    data = _parser(base).get_date_data(phrase)
    if data.date_obj is None or data.period is None:
        return None
    return data.date_obj.date(), _PERIODS.get(data.period, "day")


def _article_date(published: date | None) -> StatementDate:
    return StatementDate(published.isoformat() if published else None, "article")


class _Sentences:
    """The sentence around a position (else its line), each line split once: a scraped page with
    no line breaks is one huge line, and splitting it again for every attribution (or searching
    it for the line's ends) was quadratic."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.breaks = [m.start() for m in re.finditer("\n", text)]
        self.split: dict[int, list[Sentence]] = {}  # by line start
        self.starts: dict[int, list[int]] = {}

    def around(self, pos: int) -> tuple[int, int]:
        k = bisect.bisect_left(self.breaks, pos)  # the first line break at or after pos
        ps = self.breaks[k - 1] + 1 if k > 0 else 0
        pe = self.breaks[k] if k < len(self.breaks) else len(self.text)
        if ps not in self.split:
            self.split[ps] = sentences(self.text, ps, pe, 0)
            self.starts[ps] = [s.start for s in self.split[ps]]
        # the sentences are in order and do not overlap: only the last one starting at or before
        # pos can hold it (pos may also fall in the space between two)
        i = bisect.bisect_right(self.starts[ps], pos) - 1
        if i >= 0 and pos < self.split[ps][i].end:
            return self.split[ps][i].start, self.split[ps][i].end
        return ps, pe


def _tokens_in(doc: Doc, off: int, start: int, end: int) -> list[Token]:
    return [t for t in doc if start <= off + t.idx < end]


def _attached(phrase: list[Token], cue: set[int], content: tuple[int, int], off: int) -> int | None:
    """Steps from the phrase up to the cue along the parse, or None if the phrase belongs elsewhere.

    The path may not cross the reported content, with one exception: a gerund that is itself the
    content ("ruled out speaking directly with him in January") carries the time of the act.
    """
    inside = {t.i for t in phrase}
    heads = [t for t in phrase if t.head.i not in inside or t.head.i == t.i]
    if not heads:
        return None
    tok = heads[0]
    for step in range(_MAX_STEPS + 1):
        if tok.i in cue:
            return step
        if content[0] <= off + tok.idx < content[1] and not _gerund_content(tok, cue):
            # a time phrase outside the reported words that the parser hung on them belongs to the
            # reporting clause ("..., in an interview aired on March 2"): attachment is ambiguous
            # there, the span is not
            return step if step > 0 and not (content[0] <= off + heads[0].idx < content[1]) else None
        if step > 0 and tok.tag_.startswith("VB") and not _modifier_participle(tok):
            # a verb of another clause: its date, not the statement's; unless the cue is a
            # participle of that verb ("spoke out Tuesday about ..., arguing that ...")
            return step + 1 if _participle_cue_of(tok, cue) else None
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def _participle_cue_of(verb: Token, cue: set[int]) -> bool:
    """A cue that is a participle clause of ``verb`` with no subject of its own, and so shares its
    time: "Clinton spoke out Tuesday ..., arguing that ..."."""
    return any(
        c.i in cue
        and c.tag_ == "VBG"
        and c.dep_ in ("advcl", "xcomp")
        and not any(g.dep_ == "nsubj" for g in c.children)
        for c in verb.children
    )


def _modifier_participle(tok: Token) -> bool:
    """ "aired" in "an interview aired on March 2", "speaking" in "speaking on Sunday, he said"."""
    if tok.tag_ not in _PARTICIPLES or tok.dep_ not in _MODIFIER_DEPS:
        return False
    return not any(child.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for child in tok.children)


def _gerund_content(tok: Token, cue: set[int]) -> bool:
    """A preposition or the gerund heading a content that is the cue's gerund complement."""
    head = tok if tok.tag_ == "VBG" else tok.head
    if tok.dep_ not in ("prep", "pobj") and tok is not head:
        return False
    return head.tag_ == "VBG" and head.dep_ in ("xcomp", "dobj", "pcomp") and head.head.i in cue


def _parsed(text: str, s: int, e: int, docs: dict[tuple[int, int], Doc]) -> Doc:
    """The parse of the sentence ``text[s:e]``, once per article (reports and named occasions of
    speech share sentences)."""
    if (s, e) not in docs:
        docs[(s, e)] = next(iter(load_nlp().pipe([text[s:e]], disable=list(PARSE_ONLY_DISABLE))))
    return docs[(s, e)]


def _cue_date(
    text: str,
    a: Attribution,
    published: date | None,
    docs: dict[tuple[int, int], Doc],
    sents: _Sentences,
    contents: Sequence[tuple[int, int]] = (),
) -> StatementDate | None:
    cue = a.cue
    if cue is None:
        return None
    s, e = sents.around(cue.start)
    phrases = [p for p in find_time_phrases(text, s, e) if not _NOT_WHEN.match(p.text)]
    if not phrases:
        return None
    doc = _parsed(text, s, e, docs)
    cue_ids = {t.i for t in _tokens_in(doc, s, cue.start, cue.end)}
    if _future(doc, cue_ids):
        return None
    phrases = [p for p in phrases if not _plan(text, s, p)]
    attached = _attached_date(text, a, published, doc, s, phrases, cue_ids)
    if attached is not None:
        return attached
    return _framing_date(text, a, published, doc, s, phrases, cue_ids, contents)


def _framing_date(
    text: str,
    a: Attribution,
    published: date | None,
    doc: Doc,
    off: int,
    phrases: list[TimePhrase],
    cue: set[int],
    contents: Sequence[tuple[int, int]],
) -> StatementDate | None:
    """The date of a phrase not attached to the cue that still frames its clause: one that opens
    the sentence, or one a 'when' clause holding the cue follows. The parser hangs such a phrase
    on the first verb of the sentence, so the attachment alone misses the reports after it."""
    if not cue:
        return None
    for p in phrases:
        toks = _tokens_in(doc, off, p.start, p.end)
        if not toks or _in_dateline(text, p):
            continue
        if _when_clause_of(doc, cue, text, off, p) or _fronted(doc, toks, cue, text, off, p, a, contents):
            resolved = resolve_phrase(p.text, published)
            if resolved is not None:
                return StatementDate(resolved[0], resolved[1], p.text, p.start, p.end)
    return None


def _plan(text: str, off: int, p: TimePhrase) -> bool:
    """A phrase that names a time to come or a bound ("next month", "later this week")."""
    if _PLAN_BEFORE.search(text, off, p.start):
        return True
    return _LATER_BEFORE.search(text, off, p.start) is not None and _PRESENT.match(p.text) is not None


def _future(doc: Doc, cue: set[int]) -> bool:
    """A cue in the future tense ("will say"): a plan, whatever time phrase frames it."""
    return any(c.dep_ == "aux" and c.lower_ in _FUTURE_AUX for i in cue for c in doc[i].children)


def _when_clause_of(doc: Doc, cue: set[int], text: str, off: int, p: TimePhrase) -> bool:
    """ "came to light last week, when authorities announced ...": a 'when' clause right after a
    time phrase names the time the phrase gives, so the report it holds was made then."""
    follows = _WHEN_AFTER.match(text, p.end)
    if follows is None:
        return False
    when = next((t for t in doc if off + t.idx == follows.end() - 4), None)
    return when is not None and when.dep_ == "advmod" and when.head.i in cue


def _fronted(
    doc: Doc,
    phrase: list[Token],
    cue: set[int],
    text: str,
    off: int,
    p: TimePhrase,
    a: Attribution,
    contents: Sequence[tuple[int, int]],
) -> bool:
    """A time phrase that opens the sentence before a comma sets the time of every report in it
    ("In 2003, authorities were accused ... and officials admitted that ...") when it hangs on the
    main clause the cue belongs to; not when that clause is itself reported ("In 2003, the city had
    10 cases, officials said": the content's date) or the report comes before its cue."""
    if _FRONT_LEAD.fullmatch(text[off : p.start]) is None or not text.startswith(",", p.end):
        return False
    cue_start = min(off + doc[i].idx for i in cue)
    if a.content.start < cue_start:
        return False
    inside = {t.i for t in phrase}
    head = next((t.head for t in phrase if t.head.i not in inside), None)
    if head is None or not head.tag_.startswith("VB"):
        return False
    if any(c.dep_ in ("parataxis", "ccomp") and c.i not in cue for c in head.children if c.i < min(cue)):
        return False
    if any(cs <= off + head.idx < ce for cs, ce in contents):
        return False
    return any(_coordinated(head, doc[i]) for i in cue)


def _coordinated(head: Token, cue: Token) -> bool:
    """The cue is the verb itself or a main clause coordinated with it; a report in a clause below
    it ("a plan Kyiv has dismissed as ...") has a time of its own."""
    while cue.i != head.i:
        if cue.dep_ != "conj" or cue.head.i == cue.i:
            return False
        cue = cue.head
    return True


def _attached_date(
    text: str,
    a: Attribution,
    published: date | None,
    doc: Doc,
    s: int,
    phrases: list[TimePhrase],
    cue_ids: set[int],
) -> StatementDate | None:
    best: tuple[int, int, StatementDate] | None = None
    for p in phrases:
        if _in_dateline(text, p):
            continue
        toks = _tokens_in(doc, s, p.start, p.end)
        steps = _attached(toks, cue_ids, (a.content.start, a.content.end), s) if toks else None
        if steps is None:
            continue
        resolved = resolve_phrase(p.text, published)
        if resolved is None:
            continue
        value, precision = resolved
        rank = (PRECISION_RANK.get(precision, 4), steps)
        if best is None or rank < best[:2]:
            best = (*rank, StatementDate(value, precision, p.text, p.start, p.end))
    return best[2] if best else None


@dataclass(frozen=True, slots=True)
class Occasion:
    """A dated occasion of speech named outside any report: "the proposal made by Zelensky on
    Saturday", "Putin's speech on Tuesday"."""

    start: int  # where the sentence naming it starts
    agent: frozenset[str]  # the lower-case words naming who spoke
    date: StatementDate


def _find_occasions(
    text: str,
    start: int,
    end: int,
    published: date | None,
    sents: _Sentences,
    docs: dict[tuple[int, int], Doc],
) -> list[Occasion]:
    """Dated occasions of speech named in ``text[start:end]``: a noun of speaking (``proposal``,
    ``speech``, ``interview``...) with a time phrase attached and its speaker as possessor ("Putin's
    speech on Tuesday") or agent ("the proposal made by Zelensky on Saturday"). Only sentences with
    both a time phrase and such a noun are parsed."""
    out: list[Occasion] = []
    for m in _OCCASION_WORD.finditer(text, start, end):
        s, e = sents.around(m.start())
        if out and out[-1].start == s:
            continue
        phrases = [p for p in find_time_phrases(text, s, e) if not _NOT_WHEN.match(p.text)]
        if not phrases:
            continue
        doc = _parsed(text, s, e, docs)
        for p in phrases:
            toks = _tokens_in(doc, s, p.start, p.end)
            agent = _occasion_agent(toks) if toks else None
            resolved = resolve_phrase(p.text, published) if agent else None
            if agent and resolved is not None:
                day = StatementDate(resolved[0], resolved[1], p.text, p.start, p.end)
                out.append(Occasion(s, agent, day))
                break
    return out


def _occasion_agent(phrase: list[Token]) -> frozenset[str] | None:
    """Who spoke on the occasion a time phrase dates: up the parse from the phrase, through
    prepositions, nouns and participles ("made", "delivered", "aired") but no finite verb, to a noun
    of speaking, whose possessor ("Putin's speech") or a participle's agent on the way ("the proposal
    for talks made by Zelensky on Saturday") names the speaker."""
    inside = {t.i for t in phrase}
    tok = next((t for t in phrase if t.head.i not in inside), None)
    agent: frozenset[str] | None = None
    for _ in range(_MAX_STEPS):
        if tok is None or tok.head.i == tok.i:
            return None
        tok = tok.head
        if tok.tag_.startswith("VB"):
            if not _modifier_participle(tok):
                return None
            agent = agent or _words_of(_child(_child(tok, "agent"), "pobj"))
        elif tok.tag_ in ("NN", "NNS") and tok.lower_.removesuffix("s") in _OCCASION_NOUNS:
            return _words_of(_child(tok, "poss")) or agent
    return None


def _child(tok: Token | None, dep: str) -> Token | None:
    return None if tok is None else next((c for c in tok.children if c.dep_ == dep), None)


def _words_of(tok: Token | None) -> frozenset[str] | None:
    """The words of a name (a proper noun and its modifiers), lower-cased; None for anything else."""
    if tok is None or not tok.tag_.startswith("NNP"):  # tags: the parse-only pipeline sets no POS
        return None
    return frozenset(t.lower_ for t in tok.subtree if t.is_alpha)


def _speaker_of_occasion(occasion: Occasion, names: Sequence[str]) -> list[str]:
    """The article's speakers the occasion's agent names (by surname: "Ukrainian President
    Volodymyr Zelensky" is the speaker "Volodymyr Zelensky")."""
    return [n for n in names if n.split() and n.split()[-1].lower() in occasion.agent]


def _in_dateline(text: str, p: TimePhrase) -> bool:
    """ "Dec. 22" in "NEW YORK, Dec. 22 (UPI) — Chelsea Clinton announced ...": the parser hangs it
    on the cue, but it dates the dispatch, not the statement."""
    line_start = text.rfind("\n", 0, p.start) + 1
    head = WIRE_DATELINE_PLACE.fullmatch(text[line_start : p.start].strip(" \t"))
    return head is not None and _DATELINE_TAIL.match(text, p.end) is not None


# The precisions of a date that names an occasion of speech, which the speaker's later reports
# in the article share ("said on Wednesday ... he added"). A month or a year dates a background
# event ("In 2014, Obama unveiled the first draft ..."), not the interview quoted after it: it
# carries to the speaker's reports in the rest of its paragraph only.
_OCCASION_PRECISIONS = frozenset({"day", "week"})


def date_attributions(
    text: str,
    attributions: Sequence[Attribution],
    published: date | None,
    regions: Sequence[tuple[int, int]] | None = None,
) -> list[Attribution]:
    """The attributions with ``date`` set: a time phrase attached to the cue or framing its clause;
    else, for a report on "the same" occasion ("said during the same segment"), the last date given
    in the article, whoever spoke; else the date of the same speaker's last report dated to a day or
    a week, or named occasion of speech, before it (news tells one occasion over several
    paragraphs: "Peskov said on Wednesday ... he added ...", "Zelensky's proposal on Saturday ...
    the president wrote ..."; a month or a year, in the rest of its paragraph only), or
    of a dated report that names it as the other party ("Cook told Benioff", "in a chat with ...
    Benioff"), unless its own sentence marks an earlier occasion ("has previously said"); else the
    publication date (precision ``article``).
    Occasions are looked for in ``regions`` (the article body; default: all the text)."""
    docs: dict[tuple[int, int], Doc] = {}
    sents = _Sentences(text)
    last: dict[object, StatementDate] = {}
    # a month or a year, and the end of the paragraph it dates the speaker's reports to
    last_coarse: dict[object, tuple[StatementDate, int]] = {}
    out: list[Attribution] = []
    ordered = sorted(attributions, key=lambda x: x.content.start)
    names = sorted({a.speaker.name for a in ordered if a.speaker is not None and a.speaker.name})
    occasions = [
        o
        for start, end in (regions if regions is not None else [(0, len(text))])
        if names
        for o in _find_occasions(text, start, min(end, ordered[-1].content.start), published, sents, docs)
    ]
    contents = [(x.content.start, x.content.end) for x in ordered]
    latest: StatementDate | None = None  # of the last report dated so far, whoever made it
    for a in ordered:
        while occasions and occasions[0].start < a.content.start:
            occasion = occasions.pop(0)
            if occasion.date.precision not in _OCCASION_PRECISIONS:
                continue  # "Mr. Obama's announcement in 2014": an event, not the interview after it
            for name in _speaker_of_occasion(occasion, names):
                last[name] = occasion.date
        found = _cue_date(text, a, published, docs, sents, contents)
        if found is None and latest is not None and _same_occasion(text, a, docs, sents):
            found = latest
        who = _speaker_key(a)
        if found is None and who is not None and not _earlier_occasion(text, a, sents):
            coarse, until = last_coarse.get(who, (None, -1))
            found = coarse if coarse is not None and a.content.start < until else last.get(who)
        if found is not None:
            latest = found
        if found is not None and who is not None:
            if found.precision not in _OCCASION_PRECISIONS:
                # "'...,' Mr. Sanders told CNN last year. '...'": the rest of its paragraph only
                end = text.find("\n", a.content.end)
                last_coarse[who] = (found, len(text) if end < 0 else end)
            else:
                last_coarse.pop(who, None)
                last[who] = found
                for name in _partners(text, a, names, docs, sents):
                    if name != who:
                        last[name] = found
        out.append(replace(a, date=found or _article_date(published)))
    return out


def _same_occasion(text: str, a: Attribution, docs: dict[tuple[int, int], Doc], sents: _Sentences) -> bool:
    """A cue placed on "the same" occasion ("said during the same segment", "said the same day"),
    which points back to the last one the article dated, whoever spoke there."""
    if a.cue is None:
        return False
    s, e = sents.around(a.cue.start)
    if " same " not in text[s:e]:
        return False
    doc = _parsed(text, s, e, docs)
    cue = {t.i for t in _tokens_in(doc, s, a.cue.start, a.cue.end)}
    for same in doc:
        noun = same.head
        if same.lower_ != "same" or same.dep_ != "amod" or a.content.start <= s + noun.idx < a.content.end:
            continue
        if not any(d.dep_ == "det" and d.lower_ == "the" for d in noun.children):
            continue
        if noun.dep_ == "npadvmod" and noun.head.i in cue:
            return True
        if noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.i in cue:
            return True
    return False


_TELL = frozenset({"told", "tell", "tells", "telling"})
# The words without which a report names no other party: a sentence lacking them is not parsed
_PARTNER_WORDS = re.compile(r"\b(?:with|" + "|".join(sorted(_TELL)) + r")\b", re.IGNORECASE)


def _partners(
    text: str, a: Attribution, names: Sequence[str], docs: dict[tuple[int, int], Doc], sents: _Sentences
) -> list[str]:
    """The article's speakers a report names as its other party: the one told ("Cook told
    Benioff") or the one it was with ("said Tuesday in a fireside chat with ... Marc Benioff").
    What they say in the article was said on the same occasion."""
    if a.cue is None or not names:
        return []
    s, e = sents.around(a.cue.start)
    if _PARTNER_WORDS.search(text, s, e) is None:
        return []
    doc = _parsed(text, s, e, docs)
    words: set[str] = set()
    for cue in _tokens_in(doc, s, a.cue.start, a.cue.end):
        if cue.lower_ in _TELL:
            words |= {w for c in cue.children if c.dep_ in ("dative", "dobj") for w in _name_words(c)}
        words |= {w for c in _with_objects(cue) for w in _name_words(c)}
    own = {w.lower() for w in (a.speaker.name.split() if a.speaker and a.speaker.name else [])}
    if a.speaker_mention is not None:
        own |= {w.lower() for w in a.speaker_mention.text.split()}
    return [n for n in names if n.split() and n.split()[-1].lower() in words - own]


def _with_objects(cue: Token) -> list[Token]:
    """Objects of "with" reached from the cue through prepositions and their nouns only."""
    out: list[Token] = []
    frontier = [cue]
    for _ in range(3):
        preps = [c for t in frontier for c in t.children if c.dep_ == "prep"]
        objects = [(p, o) for p in preps for o in p.children if o.dep_ == "pobj"]
        out += [o for p, o in objects if p.lower_ == "with"]
        frontier = [o for _, o in objects]
    return out


def _name_words(tok: Token) -> set[str]:
    """The proper-noun words of the noun phrase ``tok`` heads, its coordinates and appositions
    included; not those of a possessor or a modifying phrase ("MSNBC's Tamron Hall": Hall, not
    MSNBC; "a lead over Sanders": nobody)."""
    words = {tok.lower_} if tok.tag_.startswith("NNP") else set()
    for child in tok.children:
        if child.dep_ in ("compound", "conj", "appos"):
            words |= _name_words(child)
    return words


def _speaker_key(a: Attribution) -> object:
    if a.speaker is not None and a.speaker.name:
        return a.speaker.name
    return _key(a.speaker_mention)


def _earlier_occasion(text: str, a: Attribution, sents: _Sentences) -> bool:
    where = a.cue.start if a.cue is not None else a.content.start
    s, e = sents.around(where)
    outside = text[s : min(e, a.content.start)] + " " + text[max(s, a.content.end) : e]
    return _EARLIER.search(outside) is not None


def _key(span: Span | None) -> tuple[int, int] | None:
    return None if span is None else (span.start, span.end)
