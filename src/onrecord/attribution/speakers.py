"""Resolve a local speaker mention to a canonical speaker within one article.

Names and roles are learned from the whole article body with regular expressions (no parse is
needed for that): "Kremlin spokesperson Dmitry Peskov" teaches that Peskov is Dmitry Peskov and
that the Kremlin spokesperson is he; "Hugh Hill, a doctor," teaches the role "doctor". "He" or
"she" goes to the first compatible person named (or speaking) earlier in its own sentence or the
one before, as a subject comes before an object, else to the most recent compatible speaker; an
unresolvable pronoun stays ``unknown``.
"""

from __future__ import annotations

import bisect
import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from babel import Locale

from onrecord.attribution.casing import capitalised_inside_sentences, lower_case_words, sentence_cased
from onrecord.attribution.cues import opens_inverted_report, words
from onrecord.attribution.mentions import ORG_WORDS, ROLE_WORDS, Mention, split_office, split_title
from onrecord.attribution.roles import TITLES, clean_role
from onrecord.attribution.segment import is_abbreviation, sentences
from onrecord.models import Speaker
from onrecord.nlp import PARSE_ONLY_DISABLE, load_nlp

_RUN = re.compile(r"[A-Z][\w\u2019'.-]*(?:\s+(?:(?:de|van|von|bin|al)\s+)?[A-Z][\w\u2019'.-]*)+")
_DESCRIPTOR = re.compile(r"-(?:born|based|bred|raised|winner|winning|backed|led|owned)$", re.IGNORECASE)
# A name written in capitals has at most this many words ("MARTIN LUTHER KING JR."); a longer run
# of capitals is a headline or a shout
MAX_CAPITALS_NAME_WORDS = 4
MAX_TITLE_CHARS = 300  # a title line longer than this is a paragraph, never tagged on its own
_COURTESY = re.compile(r"\b(?:Mr|Mrs|Ms|Dr)\b\.?")
_COURTESY_BEFORE = re.compile(r"\b(Mr|Mrs|Ms|Miss)\.?\s+$")
_NEGATED_AUXILIARY = re.compile(r"n['\u2019]t$", re.IGNORECASE)
_CLOCK = frozenset({"AM", "PM", "A.M.", "P.M."})
_ROLE_BEFORE = re.compile(r"((?:[A-Z][\w.\u2019'-]*\s+|[a-z-]+\s+){0,3}?)([a-z-]+)\s*$")
ROLE_REACH = 200  # characters before a name that may hold its role ("Kremlin spokesperson")
# "... Secretary of " or "... ambassador to " right before a run of capitalised words
_OFFICE_BEFORE = re.compile(r"(?:^|\s)(([A-Za-z-]+)\s+(of|to|for))\s+$")
# ", former special envoy to Ukraine Kurt Volker," right after a mention
_APPOSITIVE = re.compile(r",\s+([^,;:.!?\n\u201c\u201d\"]{2,100}?),")
_ROLE_AHEAD = re.compile(r"\b[Tt]he\s+((?:[a-z][\w\u2019'-]*\s+){0,3}[a-z][\w-]*),\s*$")
_APPOS = re.compile(r"^,\s+(?:the|a|an)\s+([\w\u2019' -]{2,60}?),")
# Capitalised words that start sentences or precede names without being part of them.
_NOT_NAME = frozenset(
    words(
        "the a an but and in on at of for if when while as after before this that these those "
        "it he she they we i mr mrs ms dr his her their our its there here then so yet "
        # prepositions and adverbs that open a sentence before a name ("With Donald Trump ...")
        "with from by to into about under over during since until among between without within "
        "across against like unlike despite through toward towards amid also meanwhile however "
        "speaking asked according told said says although though because unless whether "
        # an auxiliary opening an inverted clause ("Had I known")
        "had has have was were is are did does would could should "
        # a question word or a quantifier opening the sentence ("Whatever Apple did ...")
        "what whatever which whichever who whoever whom whose where wherever when whenever why how "
        "every each any some all both either neither another such many most few several "
        "everything everyone everybody anything anyone anybody nothing nobody something someone somebody"
    )
)
# Words that open a sentence before its subject ("Certainly Donald Trump ...", "Even Sondland ...")
_SENTENCE_ADVERBS = frozenset(
    words(
        "certainly clearly obviously apparently reportedly finally notably currently recently "
        "previously originally eventually unfortunately fortunately interestingly ironically "
        "similarly additionally separately privately publicly initially later now today yesterday "
        "still only even indeed perhaps instead again already nevertheless nonetheless"
    )
)
_PARTIES = frozenset(words("democrat democratic republican gop conservative liberal progressive libertarian"))
_ORG_NOUNS = frozenset(
    words(
        "campaign ministry newspaper government agency committee company office administration "
        "report statement poll survey study paper website network outlet organization group "
        "kremlin white house team department spokesman's military embassy firm label studio "
        "broadcaster regulator airline hospital school university court navy guard coalition"
    )
)
# Nouns that introduce an organisation under its name: "The group that owns her music, Big
# Machine, says", "Big Machine, the label that"; "the company" later is that organisation.
_ORG_KINDS = frozenset(
    words(
        "company group label firm studio agency organization organisation network broadcaster "
        "regulator airline publisher distributor retailer carrier manufacturer lender insurer "
        "conglomerate startup charity automaker carmaker"
    )
)
# Nouns general enough to stand for any company just named ("the company said")
_GENERIC_ORG_KINDS = frozenset(words("company group label firm organization organisation automaker carmaker"))
# Words of a name that make it a company's ("Dick Clark Productions", "Acme Inc.")
_FIRM_WORDS = frozenset(
    words("inc corp co llc ltd plc company group bank fund productions records holdings label")
)
_NAME_RE = r"[A-Z][\w&.\u2019'-]*(?:\s+(?:of\s+|&\s+)?[A-Z][\w&.\u2019'-]*){0,4}"
_KIND_RE = r"(?:" + "|".join(sorted(_ORG_KINDS)) + r")"
# "the group that owns her music, Big Machine,"
_ORG_APPOS_BEFORE = re.compile(
    rf"\b[Tt]he\s+(?:[\w-]+\s+){{0,3}}?({_KIND_RE})(?:\s+(?:that|which)\s[^,;:\n]{{0,80}}?)?,\s+({_NAME_RE}),"
)
# "Big Machine, the label that ...", "Big Machine, a company based in ..."
_ORG_APPOS_AFTER = re.compile(
    rf"({_NAME_RE}),\s+(?:the|a|an)\s+(?:[\w-]+\s+){{0,3}}?({_KIND_RE})"
    r"(?=\s*(?:[,.;:]|that\b|which\b|based\b|owned\b|in\b|behind\b|$))"
)
# "Big Machine, which was bought": a person is "who"
_ORG_WHICH = re.compile(rf"({_NAME_RE}),\s+which\s")
_ARTICLES = frozenset(words("the a an"))
# Words before a name after "the" that still make it a person's ("the Rev. Al Green")
_PERSON_AFTER_THE = frozenset(words("rev rev. reverend hon hon. honorable late"))
# Documents that "say" what their author said ("the US military said in a statement ... The
# statement said"): the speaker is the author, found where the document was last named.
_DOCUMENTS = frozenset(words("statement release email letter memo post tweet report"))
DOCUMENT_REACH = 300  # characters around the earlier naming of the document that may hold its author
# A place name opening a paragraph before a dash is a dateline ("SIOUX FALLS, S.D. (AP) — ..."),
# which the parser sometimes takes for the subject of the first sentence.
_DATELINE_TAIL = re.compile(
    r"(?:,\s*[A-Z][\w.]*(?:\s+[A-Z0-9][\w.]*){0,2})?\s*(?:\([\w .]+\))?\s*[\u2013\u2014-]+\s"
)
_WEEKDAYS = frozenset(words("monday tuesday wednesday thursday friday saturday sunday"))
_MALE = frozenset({"he", "him", "his"})
_FEMALE = frozenset({"she", "her"})
_PLURAL = frozenset({"they", "them", "their"})
# A capitalised word, possibly possessive: where a known surname is mentioned again ("Sondland's")
_WORD = re.compile(r"[A-Z][\w\u2019'-]*")
SALIENCE_LOOKBACK = 200  # how many earlier mentions of people a role noun may look through


@dataclass(frozen=True, slots=True)
class Resolved:
    speaker: Speaker
    confidence: float


def _sentence_pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A run of capitalised words cut where a sentence ends inside it: "Mr. Obama. Mrs. Clinton"
    is two names, "Sen. John A. Smith Jr." is one."""
    pieces: list[tuple[int, int]] = []
    for w in re.finditer(r"\S+", text[start:end]):
        word = w.group()
        stem = word.rstrip(".")
        if word.endswith(".") and "." not in stem and not is_abbreviation(stem):
            pieces.append((start, start + w.end() - 1))
            start = start + w.end()
    if text[start:end].strip():
        pieces.append((start + len(text[start:end]) - len(text[start:end].lstrip()), end))
    return pieces


def _role_words(role: str) -> list[str]:
    return [TITLES.get(w, w) for w in role.lower().split()]


def is_dateline(text: str, start: int, end: int) -> bool:
    """Is the mention ``text[start:end]`` the place of a dateline opening its paragraph? A place
    is capitalised words only, and a sentence starts after the dash; "Jason Sims — a teacher
    — says" and "The three scholars — Mr. Tribe ... — agreed" are subjects with an aside."""
    line_start = text.rfind("\n", 0, start) + 1
    tail = _DATELINE_TAIL.match(text, end)
    if text[line_start:start].strip() or tail is None:
        return False
    if not all(w[:1].isupper() for w in text[start:end].split()):
        return False
    line_end = text.find("\n", tail.end())
    after = text[tail.end() : len(text) if line_end < 0 else line_end]
    first = after.split(maxsplit=1)[0] if after.strip() else ""
    aside = re.search(r"[\u2013\u2014]|\s--?\s", after.split(". ", 1)[0]) is not None
    return first[:1].isupper() and _gender_of_title(first) is None and not aside


def _sid(kind: str, key: str) -> str:
    return "spk_" + hashlib.sha1(f"{kind}:{key}".lower().encode()).hexdigest()[:12]


def _clean(words: Sequence[str]) -> list[str]:
    out = [w.removesuffix("\u2019s").removesuffix("'s") for w in words]
    # a word ending in an apostrophe before the last is a closing quotation mark or a plural
    # possessive, not part of the name after it ("'Thin-skinned' Trump", "Democracy Corps' Stan
    # Greenberg")
    cut = [k for k, w in enumerate(out[:-1]) if w.endswith(("'", "\u2019"))]
    # so does a descriptor ("South Korean-born Monte Haines", "Texas-based Matt Mackowiak")
    cut += [k for k, w in enumerate(out[:-1]) if _DESCRIPTOR.search(w)]
    if cut:
        out = out[max(cut) + 1 :]
    # "Even Mr. Trump": what comes before a courtesy title is the sentence's, not the name's
    titled = [k for k, w in enumerate(out[1:3], 1) if w.lower().rstrip(".") in ("mr", "mrs", "ms")]
    if titled and all(w[:1].isupper() for w in out[: titled[-1]]):
        # (not "advisers to Mr. Obama": a phrase that names its own people)
        out = out[titled[-1] + 1 :]
    while out and (
        out[0].lower().rstrip(".") in _NOT_NAME
        or _NEGATED_AUXILIARY.search(out[0]) is not None  # "Don't Republicans care?"
        or (len(out) > 1 and opens_inverted_report(out[0]))
        # "Certainly Donald Trump", "Democrat Bernie Sanders": a sentence adverb or a party
        # before a name of two words or more
        or (len(out) > 1 and out[0].lower() in _SENTENCE_ADVERBS)
        or (len(out) > 2 and out[0].lower() in _PARTIES and not any(w.lower() in ORG_WORDS for w in out))
    ):
        out.pop(0)
    return [w for w in out if w]


def _words_of_role(words: Sequence[str]) -> list[str]:
    """The words before a role noun that belong to the role: none from an earlier sentence
    ("... the Trans-Pacific Partnership. Republican nominee Trump") and no adverb or preposition
    ("gave heavily for GOP nominee Trump")."""
    ends = [k for k, w in enumerate(words[:-1]) if w[-1:] in ".!?" and not is_abbreviation(w[:-1])]
    out = list(words[ends[-1] + 1 :] if ends else words)
    while len(out) > 1 and ((out[0].islower() and out[0].endswith("ly")) or out[0].lower() in _NOT_NAME):
        out.pop(0)
    return _clean(out)


class ArticleSpeakers:
    """Names, surnames and roles of one article, learned once and queried per mention."""

    def __init__(
        self,
        text: str,
        paras: Sequence[tuple[int, int]],
        quotes: Sequence[tuple[int, int]] = (),
    ) -> None:
        self.text = text
        self.full: dict[str, str] = {}  # surname -> first full name
        self.roles: dict[str, list[str]] = {}  # full name -> roles
        self.role_intro: list[tuple[int, str, str]] = []  # (position, role lower, name)
        self.person_at: list[tuple[int, str]] = []  # where full person names occur
        # a family shares a surname ("Michelle Obama", "Mr. Obama"): the gender each full name
        # was introduced with (a gendered role or title), the genders of the courtesy titles
        # written before each surname, and the full names of each surname
        self.name_gender: dict[str, str] = {}
        self.title_gender: dict[str, set[str]] = {}
        self.first_title_gender: dict[str, str] = {}
        self.by_surname: dict[str, list[str]] = {}
        self.orgs: set[str] = set()  # names the text shows are not people's ("the United States")
        self.org_intro: list[tuple[int, str, str]] = []  # (position, kind noun, name)
        self.introduced: set[str] = set()  # organisations introduced with a noun or "which"
        self._learn_orgs(text, paras)
        self._lower = lower_case_words(text)  # a capitalised word written so too is no name
        self._capitalised = capitalised_inside_sentences(text, paras)  # ... and one written so, a name
        self._modified: set[str] = set()  # names learned without the modifier opening them
        # the runs of capitalised words, cut where a sentence ends: (paragraph start, start, end);
        # a title-case headline is read in sentence case, as the parser reads it ("Chris Christie
        # Calls Hillary Clinton ..." names two people, not one with a long name)
        cased = sentence_cased(text, paras, lower_first=self._lower)
        self._cased_title = cased[paras[0][0] : paras[0][1]] if paras else ""
        runs = [
            (ps, start, end)
            for ps, pe in paras
            for m in _RUN.finditer(cased, ps, pe)
            for start, end in _sentence_pieces(cased, m.start(), m.end())
        ]
        self._quoted = sorted(quotes)
        self._plain: set[str] = set()  # full names seen where every word of them is surely theirs
        # full names seen only opening the title line, whose first word may be a headline's
        # adjective ("Derelict Obama and Clinton"), and those seen anywhere else
        self._title_names: set[str] = set()
        self._body_names: set[str] = set()
        # a short first line of one sentence with more after it is a title (some sources end
        # titles with a full stop)
        titled = (
            len(paras) > 1
            and paras[0][1] - paras[0][0] <= MAX_TITLE_CHARS
            and len(sentences(text, paras[0][0], paras[0][1], 0)) == 1
        )
        self._title_start = paras[0][0] if titled else -1
        self._title_tag: str | None = None  # the tag of the title's first word, when needed
        self._titled: list[tuple[int, str, str]] = []  # (position, surname, title) to settle
        self._placed: set[str] = set()  # names seen as places ("in Fort Pierce")
        self._quoted_names: set[str] = set()  # names seen in quotations ...
        self._unquoted_names: set[str] = set()  # ... and in the writer's own words
        for ps, start, end in runs:
            self._learn(cased, ps, start, end)
        for name in self._placed:
            # a place is named "in New Hampshire" and also before a noun ("New Hampshire voters")
            # or as a subject ("New Hampshire votes"), but never with a role, and its last word
            # is not written alone as a surname is ("Mr. Lewandowski" after "had in Corey
            # Lewandowski")
            if not self.roles.get(name) and not self._surname_alone(name):
                self._forget(name)
                self.orgs.add(name)
        firsts = {n.split()[0] for n in self._unquoted_names if n in self.roles}
        for name in self._quoted_names - self._unquoted_names:
            if name.split()[-1] in firsts:
                # a nickname in a quotation ("Crooked Hillary", "Lyin' Ted") ends with the first
                # name of someone the article names: no person of its own
                self._forget(name)
        self._family_names_first()
        self._titled_surnames()
        self.history: list[tuple[int, Speaker]] = []
        self.spoken: list[tuple[int, str]] = []  # where people resolved so far speak, by position
        self._mentions(text, paras, quotes, runs)

    def _learn_orgs(self, text: str, paras: Sequence[tuple[int, int]]) -> None:
        """Names the text introduces as organisations: with a noun of organisation in apposition
        ("The group that owns her music, Big Machine, says"; "Big Machine, the label that"), or
        with "which" ("Big Machine, which was bought")."""
        for ps, pe in paras:
            para = text[ps:pe]
            for m in _ORG_APPOS_BEFORE.finditer(para):
                name = self._org_name(m.group(2))
                if name:
                    self.org_intro.append((ps + m.start(), m.group(1).lower(), name))
            for m in _ORG_APPOS_AFTER.finditer(para):
                name = self._org_name(m.group(1))
                if name:
                    self.org_intro.append((ps + m.start(1), m.group(2).lower(), name))
            for m in _ORG_WHICH.finditer(para):
                self._org_name(m.group(1))
        self.org_intro.sort()

    def _org_name(self, raw: str) -> str | None:
        words = _clean(raw.split())
        if not words or any(w.lower() in ROLE_WORDS for w in words):
            return None
        name = " ".join(words)
        self.orgs.add(name)
        self.introduced.add(name)
        return name

    def _mentions(
        self,
        text: str,
        paras: Sequence[tuple[int, int]],
        quotes: Sequence[tuple[int, int]],
        runs: Sequence[tuple[int, int, int]],
    ) -> None:
        """Where known people are named in the writer's own words (not inside quotations), and
        where sentences start: a pronoun looks first at its own sentence and the one before."""
        known: dict[str, str] = dict(self.full)
        for name in [*self.roles, *(n for _, n in self.person_at)]:
            if " " not in name and not _is_org(name):
                known.setdefault(name, name)
        spans = sorted(quotes)
        opens = [q[0] for q in spans]

        def quoted(pos: int) -> bool:
            k = bisect.bisect_right(opens, pos) - 1
            return k >= 0 and spans[k][0] < pos < spans[k][1]

        # (position, full name, possessive)
        self.named: list[tuple[int, str, bool]] = []
        self.firm_named: list[tuple[int, str]] = []  # where companies are named
        self.sentence_starts: list[int] = []
        for k, (ps, pe) in enumerate(paras):
            self.sentence_starts.extend(s.start for s in sentences(text, ps, pe, k))
            for m in _WORD.finditer(text, ps, pe):
                word = m.group()
                bare = word.removesuffix("\u2019s").removesuffix("'s")
                if bare in known and not quoted(m.start()):
                    name = known[bare]
                    courtesy = _COURTESY_BEFORE.search(text, max(ps, m.start() - 5), m.start())
                    if courtesy is not None:  # "Mr. Obama" beside Michelle Obama is another Obama
                        name = self._titled_person(name, _gender_of_title(courtesy.group(1)))
                    self.named.append((m.start(), name, bare != word))
        for _, start, end in runs:
            name = " ".join(_clean(text[start:end].split()))
            if name and _is_firm(name, self.introduced) and not quoted(start):
                self.firm_named.append((start, name))
        self.named_at = [p for p, _, _ in self.named]
        self.firm_named_at = [p for p, _ in self.firm_named]

    def _in_quotation(self, pos: int) -> bool:
        k = bisect.bisect_right(self._quoted, (pos, len(self.text)))
        return k > 0 and self._quoted[k - 1][0] < pos < self._quoted[k - 1][1]

    @staticmethod
    def _opens_sentence(text: str, ps: int, start: int) -> bool:
        before = text[max(ps, start - 3) : start].rstrip()
        return not before or before[-1] in '.!?:;"\u201c\u2018(\u2014\u2013-'

    def _learn(self, text: str, ps: int, start: int, end: int) -> None:
        pieces = list(re.finditer(r"\S+", text[start:end]))
        owner = next((k for k, w in enumerate(pieces[:-1]) if w.group().endswith(("\u2019s", "'s"))), None)
        if owner is not None:
            # "Clinton's September visit": a possessive ends the name, the rest is what it owns
            end = start + pieces[owner].end()
        raw = text[start:end].split()
        if (
            len(raw) > 2
            and raw[0].upper() in _CLOCK
            and text[max(ps, start - 2) : start].strip()[-1:].isdigit()
        ):
            raw = raw[1:]  # "9:09 PM Ted Cruz Hints ...": a time stamp, not a title
        if (
            len(raw) > 1
            and not any(w.lower().strip(".,") in ROLE_WORDS or w.lower() in TITLES for w in raw[1:])
            and self._opens_sentence(text, ps, start)
            and self._modifier_opening(text, start, end, raw[0])
        ):
            # "Unpredictable Sondland faces questions", "Maybe Trump is right": the sentence's
            # first word, not a first name ("Retired Gen. Norman Ham" keeps it: his role's word)
            self._modified.add(" ".join(raw))
            start += pieces[1].start()
            raw = raw[1:]
        gender = _gender_of_title(raw[0]) if len(raw) > 1 else None
        if gender is not None:  # "Mrs. Clinton", "Mr. Peskov": the surname's gender
            surname = raw[-1].removesuffix("\u2019s").removesuffix("'s")
            self.title_gender.setdefault(surname, set()).add(gender)
            self.first_title_gender.setdefault(surname, gender)
        words = _clean(raw)
        if len(words) == 1 and gender is not None:
            # "Mrs. Lindqvist": a person known by title and surname, there for later pronouns
            self.person_at.append((start, self.full.get(words[0], words[0])))
        if len(words) < 2:
            return
        # "Secretary of State Mike Pompeo": the run starts inside the role
        link = _OFFICE_BEFORE.search(text, max(ps, start - ROLE_REACH), start)
        domain, words = split_office(link.group(2, 3) if link else (), words)
        role, name = split_title(words)
        if name and len(name.split()) == 1 and role and not _is_org(name) and not name.isupper():
            # "President Trump", "Gov. Holcomb": the title is a role of whoever the surname names,
            # settled once every full name of the article is known (``_titled_surnames``)
            self._titled.append((start, name, role))
            return
        if not name or len(name.split()) < 2 or _is_org(name) or name in self.orgs or name in _countries():
            return
        if name.isupper() and len(name.split()) > MAX_CAPITALS_NAME_WORDS:
            return  # "FELLOW DOCTORS DON'T WANT TO ASSOCIATE WITH HIM": a headline in capitals
        if name.split()[-1].lower() in _WEEKDAYS:
            return  # "Ted Cruz Super Tuesday", "Miami Tuesday": no one's surname is a weekday
        if not role and _after_the(text, ps, start, raw):
            # "The Afghan Taliban", "the United States": a person takes no article
            self.orgs.add(name)
            return
        quoted = self._in_quotation(start)
        if not role and _IN_PLACE.search(text, max(ps, start - 12), start) and not quoted:
            # "a rally in Fort Pierce", "at Trump Tower": where, not who, unless the article names
            # the same words as a person elsewhere ("at Bernie Sanders' side"); settled at the end
            self._placed.add(name)
        (self._quoted_names if quoted else self._unquoted_names).add(name)
        if not role and _after_a(text, ps, start, raw):
            # "A New York man", "a Donald Trump rally": a name used as a modifier names no one here
            return
        surname = name.split()[-1]
        # Of two names, one ending with the other, the longer is the name ("Aung San Suu Kyi",
        # "Suu Kyi") unless it was seen only where its first word may not be the person's: in a
        # quotation ("Crooked Hillary Clinton") or opening a sentence, when the article writes
        # that word in lower case too ("Rival Hillary Clinton had mocked ...").
        opening = raw[0].removesuffix("\u2019s").removesuffix("'s") == name.split()[0]
        (self._title_names if opening and start == self._title_start else self._body_names).add(name)
        if not (
            quoted
            or (opening and self._opens_sentence(text, ps, start) and name.split()[0].lower() in self._lower)
        ):
            self._plain.add(name)
        first = self.full.setdefault(surname, name)
        family = self.by_surname.setdefault(surname, [])
        # one person per entry: "Vander Plaats" (from "Mr. Vander Plaats") is Bob Vander Plaats
        family[:] = [n for n in family if not name.endswith(" " + n)]
        if not any(n == name or n.endswith(" " + name) for n in family):
            family.append(name)
        longer = len(name) > len(first) and name.endswith(" " + first) and name in self._plain
        shorter = len(name) < len(first) and first.endswith(" " + name) and first not in self._plain
        if longer or shorter:
            self.full[surname] = name
        roles = self.roles.setdefault(name, [])
        # the role is the few words before the name: a bounded look back keeps a huge paragraph linear
        lo = max(ps, start - ROLE_REACH)
        if domain and link:
            # "China's ambassador to Britain Liu Xiaming": the words before the role word too
            before = _ROLE_BEFORE.search(text, lo, link.end(2))
            head = link.group(2)
            if before and before.group(2).lower() in ROLE_WORDS:
                head = " ".join(_words_of_role((before.group(1) + before.group(2)).split()))
            office = f"{head} {link.group(3)} {' '.join(domain)}"
            role = f"{office} {role}" if role else office
        else:
            before = _ROLE_BEFORE.search(text, lo, start)
            if before and before.group(2).lower() in ROLE_WORDS:
                lower_role = " ".join(_words_of_role((before.group(1) + before.group(2)).split()))
                role = f"{lower_role} {role}" if role else lower_role
            elif not role:
                # "the first lady, Michelle Obama": the role set off before the name
                ahead = _ROLE_AHEAD.search(text, lo, start)
                if ahead and ahead.group(1).split()[-1].lower() in ROLE_WORDS:
                    role = ahead.group(1)
        after = _APPOS.search(text[end : end + 80])
        if after and any(w.lower() in ROLE_WORDS for w in after.group(1).split()):
            self._add_role(roles, after.group(1), start, name)
        if role:
            self._add_role(roles, role, start, name)
        self.person_at.append((start, name))

    def _surname_alone(self, name: str) -> bool:
        """Whether the article writes the last word of ``name`` without the rest, as it does a
        person's surname ("Lewandowski") and seldom a place's ("Hampshire")."""
        surname = name.split()[-1]
        alone = len(re.findall(rf"\b{re.escape(surname)}\b", self.text))
        return alone > len(re.findall(rf"\b{re.escape(name)}\b", self.text))

    def _forget(self, name: str) -> None:
        """Unlearn a name as a person's."""
        self.roles.pop(name, None)
        surname = name.split()[-1]
        family = [n for n in self.by_surname.get(surname, []) if n != name]
        self.by_surname[surname] = family
        if self.full.get(surname) == name:
            if family:
                self.full[surname] = family[0]
            else:
                del self.full[surname]
        self.person_at = [(at, n) for at, n in self.person_at if n != name]
        self.role_intro = [(at, r, n) for at, r, n in self.role_intro if n != name]

    def _family_names_first(self) -> None:
        """A titled surname no full name ends with is the first word of the one full name it opens:
        family name first ("Ban Ki-moon", "Mr. Ban"; "Xi Jinping", "President Xi")."""
        titled = {*self.title_gender, *(surname for _, surname, _ in self._titled)}
        for surname in titled - self.full.keys():
            opened = [n for n in self.roles if " " in n and n.split()[0] == surname]
            if len(opened) == 1:
                self.full[surname] = opened[0]
                self.by_surname.setdefault(surname, []).append(opened[0])

    def _titled_surnames(self) -> None:
        """Give each title before a bare surname to the one person of the article with that
        surname; where the article names two ("Bill Clinton", "Hillary Clinton"), to the one
        already introduced with that title ("Sen. Ted Cruz" for "Senator Cruz" beside "Heidi
        Cruz"), else to neither: which one it is, the text around it does not say."""
        for start, surname, role in self._titled:
            names = self.by_surname.get(surname, [])  # one entry per person
            full = self.full.get(surname, surname)
            if len(names) > 1:
                head = _role_words(role)[-1]
                holders = [n for n in names if any(_role_words(r)[-1] == head for r in self.roles[n])]
                if len(holders) != 1:
                    continue
                full = holders[0]
            elif self._other_titled(full):
                # "President Obama" in an article that names Michelle Obama and writes "Mr. Obama":
                # the title is the other Obama's, known by surname alone
                full = surname
            self._add_role(self.roles.setdefault(full, []), role, start, full)
        self.role_intro.sort()

    def _add_role(self, roles: list[str], raw_role: str, pos: int, name: str) -> None:
        role = clean_role(raw_role)
        if role is None:
            return
        gender = _gender_of_role(role)
        if gender is not None:
            self.name_gender.setdefault(name, gender)
        if role not in roles:
            roles.append(role)
        self.role_intro.append((pos, " ".join(_role_words(role)), name))

    def _names_person(self, name: str, start: int, end: int) -> bool:
        """Whether ``name``, in a mention from ``start`` to ``end``, is a person the article names
        in full somewhere else too ("Hillary Clinton", not a "Halvorsen Shipping" seen only here)."""
        words = _clean(name.split())
        if not words or _is_org(name) or name in self.orgs:
            return False
        full = self.full.get(words[-1])
        if full is None or not full.endswith(" ".join(words)):
            return False
        return any(n == full and not start <= at < end for at, n in self.person_at)

    def _modifier_opening(self, text: str, start: int, end: int, word: str) -> bool:
        """Whether ``word``, opening a sentence before a name at ``start``, is an adjective or
        adverb of the lexicon that the article never capitalises inside a sentence and the tagger
        reads as one in its sentence ("Unpredictable Sondland faces ...", "Top Clinton aides";
        not "Frank Luntz said" nor "Norman Ham said", which it reads as names)."""
        key = word.lower()
        if not word[:1].isupper() or word.isupper() or key in _NOT_NAME or key not in _modifier_words():
            return False  # ("But Trump said": a word no name begins with is cut off anyway)
        if word in self._capitalised:
            return False
        line = text[start : end + MODIFIER_CONTEXT].split("\n", 1)[0]
        doc = load_nlp()(line, disable=["parser", *PARSE_ONLY_DISABLE])
        return len(doc) > 0 and doc[0].tag_ not in ("NNP", "NNPS")

    def _title_opens_with_common_word(self) -> bool:
        """Whether the title line, read in sentence case, opens with a word the tagger does not
        take for a proper noun ("Understated", "Debating", "Maybe"; not "Cecile"), or with an
        adjective or adverb of the English lexicon ("Derelict Obama and Clinton", which the tagger
        reads as a name before a name)."""
        if self._title_tag is None:
            line = self._cased_title
            tag = ""
            if 0 < len(line) <= MAX_TITLE_CHARS:
                doc = load_nlp()(line, disable=["parser", *PARSE_ONLY_DISABLE])
                tag = doc[0].tag_ if len(doc) else ""
                if tag in ("NNP", "NNPS") and doc[0].lower_ in _modifier_words():
                    tag = "JJ"
            self._title_tag = tag
        return self._title_tag not in ("", "NNP", "NNPS")

    def canonical(self, name: str) -> str:
        words = _clean(name.split())
        if len(words) > 1 and " ".join(words) in self._modified:
            words = _clean(words[1:])  # "Unpredictable Sondland faces ...": not his first name
        if not words:
            return name
        full = self.full.get(words[-1])
        if (
            full
            and (len(words) == 1 or " ".join(words) == full)
            and full in self._title_names
            and full not in self._body_names
            and self._title_opens_with_common_word()
        ):
            # "Understated Perez Is ...": the headline's word, not a first name; the person is the
            # one the body names in full with that surname, if any
            others = [n for n in self.by_surname.get(words[-1], []) if n in self._body_names]
            return others[0] if len(others) == 1 else words[-1]
        if full and (len(words) == 1 or full.endswith(" ".join(words))):
            return full
        joined = " ".join(words)
        extra = joined[: -len(full) - 1].split() if full and joined.endswith(" " + full) else []
        if full and extra and all(w[:1].isupper() for w in extra) and joined not in self._plain:
            return full  # "Rival Hillary Clinton had mocked ...": the word before is not her name
        return joined

    def _by_role(self, words: list[str], pos: int) -> str | None:
        """The person a role noun at ``pos`` refers to ("the governor", "the Russian president"):
        among those introduced with the role (with all its words, else with a role no word of
        which contradicts it: "President Putin" for "the Russian president", not "Ukrainian
        President Zelensky"), the one named most recently before ``pos``; when none is named
        before, the last introduced before it (the first after it when none is)."""
        wanted = _role_words(" ".join(words))
        exact: list[tuple[int, str]] = []
        loose: list[tuple[int, str]] = []
        for at, role, name in self.role_intro:
            rw = role.split()
            if not rw or rw[-1] != wanted[-1]:
                continue
            if all(w in rw for w in wanted[:-1]):
                exact.append((at, name))
            elif all(w in wanted for w in rw[:-1]):
                loose.append((at, name))
        intros = exact or loose
        if not intros:
            return None
        names = {name for _, name in intros}
        recent = self._last_named(names, pos)
        if recent is not None:
            return recent
        best: str | None = None
        for at, name in intros:
            if best is None or at < pos:
                best = name
        return best

    def _last_named(self, names: set[str], pos: int) -> str | None:
        """Which of ``names`` was named (or spoke) last before ``pos``, looking back a bounded
        number of mentions."""
        k = bisect.bisect_left(self.named_at, pos)
        j = bisect.bisect_left(self.spoken, (pos, ""))
        named = self.named[max(0, k - SALIENCE_LOOKBACK) : k]
        spoken = [(at, n, False) for at, n in self.spoken[max(0, j - SALIENCE_LOOKBACK) : j]]
        for _, name, _ in sorted([*named, *spoken], reverse=True):
            if name in names:
                return name
        return None

    def _recent(
        self, pos: int, types: Sequence[str], exclude: str | None = None, gender: str | None = None
    ) -> Speaker | None:
        for at, sp in reversed(self.history):
            if at <= pos and sp.type in types and sp.name and sp.name != exclude:
                if gender is not None and not self._fits(sp.name, gender):
                    continue  # "she" is not the last speaker if he is known to be a man
                return sp
        return None

    def _named_in_apposition(self, end: int) -> str | None:
        """The person an appositive right after a mention ending at ``end`` names: "Another
        diplomat, former special envoy to Ukraine Kurt Volker, said" (the parse often hangs the
        name on the role, not on the mention). The name must end the appositive."""
        m = _APPOSITIVE.match(self.text, end)
        if m is None:
            return None
        a = bisect.bisect_left(self.named_at, m.start(1))
        b = bisect.bisect_left(self.named_at, m.end(1))
        inside = [(at, name) for at, name, possessive in self.named[a:b] if not possessive]
        if not inside:
            return None
        at, name = inside[-1]
        tail = self.text[at : m.end(1)].split()
        return name if tail and len(tail) <= len(name.split()) else None

    def after_dateline(self, end: int) -> Mention | None:
        """The person named right after a dateline that ends at ``end`` ("CLEVELAND, July 19 (UPI)
        \u2014 Former Attorney General Michael Mukasey told delegates"): the parser took the
        place for the subject, the sentence's subject is that person. Only a person the article
        names elsewhere too, so that a capitalised opening word is not taken for one."""
        tail = _DATELINE_TAIL.match(self.text, end)
        run = _RUN.match(self.text, tail.end()) if tail is not None else None
        if run is None:
            return None
        words = _clean(run.group().split())
        role, name = split_title(words)
        if not name or name.split()[-1] not in self.full or name in self.orgs:
            return None
        return Mention(run.start(), run.end(), run.group(), "name", name.split()[-1], name, role)

    def gender_of(self, name: str) -> str | None:
        """A person's gender as the article gives it: from their own gendered role or title, else
        from the first courtesy title written before their surname ("Mrs. Clinton"). None when the
        article does not say."""
        own = self.name_gender.get(name)
        if own is not None:
            return own
        return self.first_title_gender.get(name.split()[-1] if name else "")

    def _other_titled(self, name: str) -> bool:
        """Whether a courtesy title before ``name``'s surname names someone else: a person of the
        other gender ("Mr. Obama" beside Michelle Obama)."""
        own = self.name_gender.get(name)
        titles = self.title_gender.get(name.split()[-1], set())
        return own is not None and len(titles - {own}) == 1

    def _fits(self, name: str, gender: str) -> bool:
        return self.gender_of(name) in (None, gender)

    def _titled_person(self, name: str, gender: str | None) -> str:
        """Who a mention with a courtesy title is, given ``name``, the canonical name of its
        surname: the one member of the family the article gives that gender ("Ms. Khan" beside
        "Mr. Khizr Khan" and "Mrs. Ghazala Khan"), else ``name`` unless the article gives it the
        other gender; then the one member whose gender it does not give, else the bare surname
        ("Mr. Obama" in an article that names only Michelle Obama is another Obama)."""
        if gender is None:
            return name
        surname = name.split()[-1]
        family = self.by_surname.get(surname, [])
        same = [n for n in family if self.name_gender.get(n) == gender]
        if len(same) == 1:
            return same[0]
        if self.name_gender.get(name) in (None, gender):
            return name
        open_ = [n for n in family if self.name_gender.get(n) is None]
        if len(open_) == 1:
            return open_[0]
        self.name_gender.setdefault(surname, gender)  # so that pronouns see the bare surname's gender
        return surname

    def _sentence_of(self, pos: int) -> int:
        return bisect.bisect_right(self.sentence_starts, pos) - 1

    def _sentence_before(self, j: int, k: int, pos: int) -> tuple[int, int]:
        """Sentence ``j`` (at most ``k``, the one holding ``pos``), cut at ``pos`` when it is ``k``."""
        return self.sentence_starts[j], pos if j == k else self.sentence_starts[j + 1]

    def _in_context(self, pos: int, gender: str) -> str | None:
        """The person a "he" or "she" at ``pos`` most likely refers to: the first compatible person
        named (or speaking) earlier in its own sentence, else in the sentence before, read left to
        right so that a subject comes before an object ("Morrison was the third witness ... with
        President Zelensky. He said"). A possessive ("Trump's lawyer") counts only when no one else
        is named there. None when neither sentence names anyone compatible."""
        k = self._sentence_of(pos)
        if k < 0:
            return None
        for j in (k, k - 1):
            if j < 0:
                break
            lo, hi = self._sentence_before(j, k, pos)
            a, b = bisect.bisect_left(self.named_at, lo), bisect.bisect_left(self.named_at, hi)
            c, d = bisect.bisect_left(self.spoken, (lo, "")), bisect.bisect_left(self.spoken, (hi, ""))
            found = sorted([*self.named[a:b], *((at, n, False) for at, n in self.spoken[c:d])])
            fits = [(n, p) for _, n, p in found if self._fits(n, gender)]
            for possessive in (False, True):
                for n, p in fits:
                    if p == possessive:
                        return n
        return None

    def _org_by_noun(self, noun: str, start: int, pos: int) -> str | None:
        """The organisation "the company" (``noun``) at ``start`` stands for: the one it introduces
        ("The company that runs the awards, Dick Clark Productions, said"), else, for a noun as
        general as "company" or "group", the first company named in its sentence before it or in
        one of the two sentences before ("The group that owns her music, Big Machine, says ...
        But the company says")."""
        for at, _, name in self.org_intro:
            if at == start:
                return name
        if noun not in _GENERIC_ORG_KINDS:
            return None
        k = self._sentence_of(pos)
        # the organisations that spoke so far under a name, looked up once, not once per sentence:
        # any such ("CNBC reported ... The news organization, citing ..."), not only one whose
        # name shows it is a company, but not a description ("the statement", "a 2014 study")
        firms = [
            (at, sp.name)
            for at, sp in self.history
            if sp.type == "organization" and (sp.name or "")[:1].isupper() and at < pos
        ]
        for j in range(k, max(k - 2, 0) - 1, -1):
            lo, hi = self._sentence_before(j, k, pos)
            a = bisect.bisect_left(self.firm_named_at, lo)
            b = bisect.bisect_left(self.firm_named_at, hi)
            spoken = [(at, name) for at, name in firms if lo <= at < hi]
            found = sorted([*self.firm_named[a:b], *spoken])
            if found:
                return found[0][1]
        return None

    def _author(self, document: str, start: int) -> Speaker | None:
        """Who issued the document named at ``start``: the named speaker nearest to where its author
        issued one before ("said in a statement", "released a report"). A document only named
        before ("dismissed a report by Reuters") says nothing of who wrote it."""
        before = re.compile(
            rf"\b(?:in|issued|released|published|posted|sent)\s+(?:a|an|the|its|his|her|their)\s+"
            rf"(?:[\w-]+\s+)?{document}\b",
            re.IGNORECASE,
        )
        earlier = [m.start() for m in before.finditer(self.text, max(0, start - 20 * DOCUMENT_REACH), start)]
        if not earlier:
            return None
        at = earlier[-1]
        near = [(abs(p - at), sp) for p, sp in self.history if sp.name and abs(p - at) <= DOCUMENT_REACH]
        return min(near, key=lambda x: x[0])[1] if near else None

    def _person(self, name: str, extra_role: str | None = None) -> Speaker:
        roles = list(self.roles.get(name, []))
        extra = clean_role(extra_role) if extra_role else None
        if extra and extra not in roles:
            roles.append(extra)
        return Speaker(_sid("person", name), name, "person", tuple(roles))

    def resolve(self, m: Mention, pos: int, article: str) -> Resolved:
        """The speaker a mention at ``pos`` refers to, remembered for later pronouns."""
        r = self._resolve(m, pos, article)
        if r.speaker.name and r.speaker.type != "unknown":
            self.history.append((pos, r.speaker))
            if r.speaker.type == "person":
                bisect.insort(self.spoken, (pos, r.speaker.name))
        return r

    def _resolve(self, m: Mention, pos: int, article: str) -> Resolved:
        if m.kind == "pronoun":
            head = m.head.lower()
            if head in _MALE | _FEMALE:
                wanted = "m" if head in _MALE else "f"
                near_name = self._in_context(pos, wanted)
                if near_name is not None:
                    return Resolved(self._person(near_name), 0.75)
                sp = self._recent(pos, ("person",), gender=wanted)
                if sp is None:
                    near = [n for at, n in self.person_at if at < pos and self._fits(n, wanted)]
                    if near:
                        return Resolved(self._person(near[-1]), 0.55)
            elif head in _PLURAL:
                sp = self._recent(pos, ("group", "organization"))
            elif head in ("it", "its"):
                sp = self._recent(pos, ("organization",))
            else:
                sp = None
            if sp is not None:
                return Resolved(sp, 0.75)
            return Resolved(Speaker(_sid("unknown", f"{article}:{pos}:{m.text}"), None, "unknown"), 0.35)
        if m.kind == "name":
            raw = m.name or m.head
            cleaned = " ".join(_clean(raw.split())) or raw
            if cleaned.lower() in ROLE_WORDS and cleaned not in self.full and not _COURTESY.search(m.text):
                # "President said", "Judge ruled": a title standing alone is a role noun, not a name
                # (but "Mr. King" and a King the article names in full are people)
                person = self._by_role([cleaned.lower()], pos)
                if person:
                    return Resolved(self._person(person), 0.8)
                sid = _sid("person", f"{article}:{cleaned.lower()}")
                return Resolved(Speaker(sid, None, "person", (cleaned,)), 0.6)
            if (
                _is_org(raw)
                or raw.isupper()
                or cleaned.isupper()
                or cleaned in self.orgs
                or (cleaned not in self.full and (_is_brand(cleaned) or cleaned in _countries()))
            ):
                name = cleaned
                return Resolved(Speaker(_sid("organization", name), name, "organization"), 0.85)
            name = self.canonical(raw)
            if m.role and name != cleaned and clean_role(m.role) in self.roles.get(cleaned, []):
                # "President Obama" where the title was settled on the bare surname, not on the
                # article's one full name of it (``_titled_surnames``)
                name = cleaned
            courtesy = _COURTESY.match(m.text)
            if courtesy is not None:
                name = self._titled_person(name, _gender_of_title(courtesy.group()))
            return Resolved(self._person(name, m.role), 0.9 if " " in name else 0.75)
        words = _clean(m.resolvable.split())
        words = [w for w in words if w.lower() not in _ARTICLES] or [m.head]
        if (
            m.kind in ("noun", "plural")
            and len(words) == 1
            and words[0][:1].isupper()
            and words[0] in self.full
        ):
            # a known surname the tagger read as a common noun ("Trump also called for ...") or as a
            # plural name ("Sanders said", "Rivers added")
            name = self.canonical(words[0])
            return Resolved(self._person(name), 0.75)
        if m.kind == "noun" and m.head.lower() in _ORG_KINDS:
            org = self._org_by_noun(m.head.lower(), m.start, pos)
            if org is not None:
                return Resolved(Speaker(_sid("organization", org), org, "organization"), 0.7)
        if m.kind == "noun" and m.head.lower() in _DOCUMENTS:
            author = self._author(m.head.lower(), m.start)
            if author is not None:
                return Resolved(author, 0.7)
        if m.kind == "noun":
            named = self._named_in_apposition(m.end)
            if named is not None:
                return Resolved(self._person(named), 0.8)
        if m.kind == "noun":
            person = self._by_role(words, pos) if m.head.lower() in ROLE_WORDS else None
            if person:
                return Resolved(self._person(person), 0.8)
            if m.head.lower() not in ROLE_WORDS and (
                m.head.lower() in _ORG_NOUNS or _is_org(" ".join(words))
            ):
                name = " ".join(words)
                # "the campaign", "the government": a description, not a name; which one it is
                # only this article says, so it is no organisation shared with other articles
                key = f"{article}:{name}" if name.islower() else name
                return Resolved(Speaker(_sid("organization", key), name, "organization"), 0.7)
            if m.head.lower() in ROLE_WORDS:
                role = " ".join(words)
                org = _spoken_for(m.resolvable.split()) if m.head.lower() in _SPOKES_WORDS else None
                if org is not None and self._names_person(org, m.start, m.end):
                    org = None  # "a spokeswoman for Hillary Clinton", like "Trump's spokesman"
                if org is not None:
                    # "a WeWork spokesperson", "a spokesman for the Justice Department" whom the
                    # article does not name: the organisation speaks through them
                    return Resolved(Speaker(_sid("organization", org), org, "organization"), 0.6)
                sid = _sid("person", f"{article}:{role}")
                return Resolved(Speaker(sid, None, "person", (role,)), 0.6)
            # an unnamed source ("a second person briefed on the call") is no entity, but its
            # description is what a reader knows of who spoke
            description = " ".join(words)
            return Resolved(Speaker(_sid("unknown", f"{article}:{pos}"), description, "unknown"), 0.5)
        name = " ".join(words)
        if m.head.lower() in _SOURCE_THINGS:
            # "Polls show", "Data from the 2014 survey suggest": a source, but no group of people
            return Resolved(Speaker(_sid("unknown", f"{article}:{pos}"), name, "unknown"), 0.5)
        if len(words) == 1 and _is_brand(name):
            return Resolved(Speaker(_sid("organization", name), name, "organization"), 0.75)  # "WikiLeaks"
        return Resolved(Speaker(_sid("group", name), name, "group"), 0.75)


# Plural sources that are no group of people ("polls", "data"; not "figures": "establishment
# figures" are people)
_SOURCE_THINGS = frozenset(
    words(
        "polls surveys data studies reports numbers records documents emails results statistics "
        "changes investments averages estimates projections analyses findings tallies counts "
        "returns filings papers"
    )
)
# Roles whose holder speaks for an organisation, not for themselves
_SPOKES_WORDS = frozenset({"spokesman", "spokeswoman", "spokesperson"})


def _spoken_for(words: Sequence[str]) -> str | None:
    """The organisation a spokesperson's role names: the capitalised words before the role word
    ("WeWork spokesperson", "State Department spokeswoman") or after "for" ("spokesman for
    Boeing"); None for a bare "spokesman" or one of a person ("Trump's spokesman")."""
    words = [w for w in words if w.lower() not in _ARTICLES]
    k = next((i for i, w in enumerate(words) if w.lower().strip(",.") in _SPOKES_WORDS), None)
    if k is None:
        return None
    before, after = words[:k], words[k + 1 :]
    candidate = after[1:] if after[:1] and after[0].lower() == "for" else before
    if (
        not candidate
        or not all(w[:1].isupper() for w in candidate)
        or any(w.endswith(("'s", "\u2019s")) for w in candidate)
    ):
        return None
    return " ".join(candidate)


def _is_firm(name: str, learned: set[str]) -> bool:
    """A company's name: one the text introduced as an organisation, or one with a word such as
    "Inc." or "Productions" (not a place or an outlet, which "the company" never refers to)."""
    return name in learned or any(w.lower().strip(".,") in _FIRM_WORDS for w in name.split())


# "the", or "the former" before a place that qualifies a role ("the former New Mexico governor")
_THE_BEFORE = re.compile(r"(?<![\w.])the (?:former )?$", re.IGNORECASE)


def _after_the(text: str, ps: int, start: int, raw: Sequence[str]) -> bool:
    """Does the capitalised run at ``start`` (its words ``raw``) follow the article "the", as an
    organisation's or a place's name does and a person's does not ("the Rev. Al Green" aside)?"""
    if raw and raw[0].lower() == "the":
        raw = raw[1:]
    elif _THE_BEFORE.search(text, max(ps, start - 12), start) is None:
        return False
    return bool(raw) and raw[0].lower() not in _PERSON_AFTER_THE


_A_BEFORE = re.compile(r"(?<![\w.])an? $", re.IGNORECASE)
_IN_PLACE = re.compile(r"(?<![\w.])(?:in|at|near|outside|across|throughout) $")


def _after_a(text: str, ps: int, start: int, raw: Sequence[str]) -> bool:
    """Does the capitalised run at ``start`` follow the article "a" or "an" (inside the run when it
    opens a sentence: "A New York man pleaded guilty")?"""
    if raw and raw[0] in ("A", "An"):
        return len(raw) > 1
    return _A_BEFORE.search(text, max(ps, start - 4), start) is not None


def _gender_of_title(word: str) -> str | None:
    w = word.lower().rstrip(".")
    return "m" if w == "mr" else "f" if w in ("mrs", "ms", "miss") else None


def _gender_of_role(role: str) -> str | None:
    """A role that says it: "spokeswoman", "chairman", "first lady" (not "man" alone, a name)."""
    words = role.lower().split()
    if any(w.endswith("woman") or w in ("lady", "queen", "princess", "duchess") for w in words):
        return "f"
    if any((w.endswith("man") and len(w) > 5) or w in ("king", "prince", "duke") for w in words):
        return "m"
    return None


# A single word with a capital inside is a brand ("PolitiFact", "WikiLeaks", "eBay"), unless the
# capital follows a prefix of surnames ("McConnell", "DeSantis", "LaGuardia", "O'Neill")
_BRAND = re.compile(r"^(?:[A-Z][a-z]+|[a-z]{1,2})[A-Z][A-Za-z]*$")
_SURNAME_PREFIX = re.compile(r"^(?:Mc|Mac|De|Di|Da|Du|La|Le|Van|Von|Al|El|St|Fitz)[A-Z]")


def _is_brand(name: str) -> bool:
    return _BRAND.match(name) is not None and _SURNAME_PREFIX.match(name) is None


# Last words of a place's name, which no surname ends with as often ("Wall Street", "Bellwether
# County"; not "Hill", "Park", "Hall" or "Bay", which are surnames too)
_PLACE_ENDINGS = frozenset(
    words(
        "street avenue boulevard plaza square island islands county airport stadium river valley "
        "canyon harbor"
    )
)
# First words of a place's name of two words, which no first name is ("New Hampshire", "South
# Carolina", "San Jose", "Fort Pierce"), as written
_PLACE_OPENINGS = frozenset(
    w.capitalize() for w in words("north south east west new san santa los las fort port mount")
)


# CLDR's codes for pseudo-locales and unknown regions
_NOT_COUNTRIES = frozenset({"XA", "XB", "ZZ"})
# Characters after a name that the tagger reads with a sentence's opening word
MODIFIER_CONTEXT = 60


@cache
def _modifier_words() -> frozenset[str]:
    """The adjectives and adverbs of the English lexicon (WordNet's, as the pipeline's lemmatizer
    ships them): "derelict", "defiant", "embattled". Some are first names too ("Frank", "Rush"),
    so this is evidence only with more: the tagger's reading, or a name seen only opening the
    title line."""
    lemmatizer = load_nlp().get_pipe("lemmatizer") if "lemmatizer" in load_nlp().pipe_names else None
    lookups = getattr(lemmatizer, "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return frozenset()
    index = lookups.get_table("lemma_index")
    return frozenset(w for pos in ("adj", "adv") if pos in index for w in index[pos])


@cache
def _countries() -> frozenset[str]:
    """The English names of the world's countries and territories, from the Unicode CLDR as the
    babel package ships it ("Japan", "North Korea", "Saudi Arabia"): the regions with codes of two
    letters, not continents ("Europe", code 150). Those codes also name "European Union" and
    "United Nations", organisations either way."""
    territories = Locale("en").territories
    return frozenset(
        v for k, v in territories.items() if len(k) == 2 and k.isalpha() and k not in _NOT_COUNTRIES
    )


def _is_org(name: str) -> bool:
    """Whether a name is an organisation's or a place's by its words ("Kremlin", "Wall Street",
    "New Hampshire")."""
    ws = name.split()
    if any(w.lower().strip(".") in ORG_WORDS for w in ws):
        return True
    if len(ws) > 1 and ws[-1].lower() in _PLACE_ENDINGS:
        return True
    # two words only: "a New Hampshire Republican" is a person
    return len(ws) == 2 and ws[0] in _PLACE_OPENINGS
