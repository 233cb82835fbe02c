"""Rules over the dependency parse: a cue verb, the one who speaks, and what was said.

Each rule reads one cue token and its neighbourhood in the tree. The subject of the cue is the
speaker; the content is its clausal complement (``said that ...``, clause first ``..., he said``),
an infinitive for intentions (``vowed to ...``), or its object for verbs whose object is what was
said (``denied the report``). Cues without a subject inherit one from the verb they hang from
(``..., adding that``; ``went on to say``; ``X was quoted as saying``; ``TASS quoted X as
saying``, where TASS is the ``via``).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from onrecord.attribution.cues import (
    BELIEF,
    CLAUSE_ONLY,
    CUE_LEMMAS,
    LEARNED,
    OBJECT_CONTENT,
    PREP_CONTENT,
    SPEECH,
    forms,
    lemma_of,
    words,
)
from onrecord.attribution.learned import cue_features
from onrecord.attribution.mentions import DASHES, ROLE_WORDS, Mention, mention_from

_XCOMP_CONTENT = frozenset(
    words(
        "vow promise pledge threaten want plan intend hope expect urge ask agree propose demand "
        "refuse decline deny admit acknowledge"
    )
)
# Prepositions after the object that belong to the content: "criticized X for Y", "accused X of Y".
_OBJECT_PREPS = frozenset(words("as for of over"))
# Singular common nouns that can be the source in "according to the ...".
_SOURCE_NOUNS = frozenset(ROLE_WORDS) | frozenset(
    words(
        "report statement poll survey study analysis estimate count website document release memo "
        "filing record tally transcript source person witness resident aide campaign government "
        "ministry agency department office committee newspaper paper magazine network outlet "
        "spokesman spokeswoman spokesperson biography book account complaint indictment lawsuit "
        "letter email post tweet video interview testimony review audit investigation census "
        "exit data media press police administration group organization company firm team"
    )
)
# Nouns of an occasion of speaking that a report names ("said in a statement that ...").
_OCCASIONS = frozenset(words("statement interview email letter post release speech tweet briefing message"))
# What stands between a reported clause and a following cue ("..., Peskov told Ria Novosti").
_CLAUSE_FIRST_BEFORE = frozenset({",", ":", "\u2014", "\u2013", "--", "-"})
_CLOSE_MARKS = frozenset({"\u201d", "''", '"'})
_OPEN_MARKS = frozenset({"\u201c", "``", '"', "\u2018"})
# Speech verbs that take no noun object: a long "object" is a clause the parser misread.
_SAY_OBJECT = frozenset(words("say add note"))
# Verbs that report a clause and take no object beside it (unlike "told reporters that ...").
_CLAUSE_NO_OBJECT = _SAY_OBJECT | frozenset(
    words(
        "testify claim argue insist suggest write report believe think acknowledge admit state "
        "declare explain predict contend maintain stress estimate"
    )
)
MIN_MISPARSED_CLAUSE = 6
# Occasions of speech: "in an interview", "during a briefing" frame a statement.
_SETTINGS = frozenset(
    words(
        "interview interviews statement speech post tweet letter briefing conference call appearance "
        "remarks address hearing rally podcast broadcast op-ed column email"
    )
)
# Tags of the words of a subject between a quotation and its cue ("Ramos, 58, told")
_SUBJECT_TAGS = frozenset({"DT", "JJ", "NN", "NNS", "NNP", "NNPS", "PRP", "POS", "CD", "HYPH", "PRP$"})
_INHERIT = ("advcl", "xcomp", "conj", "pcomp", "prep", "acl")
_EDGE = frozenset({"punct", "cc", "mark"})
_KEPT_MARKS = frozenset(words("if whether unless"))
_QUOTING = frozenset({"quote", "cite"})
_ASKING = frozenset(words("ask wonder question inquire"))
_INSTRUMENTS = frozenset(
    words(
        "decree law ruling resolution order bill statute constitution amendment regulation treaty "
        "legislation ordinance directive"
    )
)


@dataclass(frozen=True, slots=True)
class Found:
    """One attribution read off the parse, with offsets into the article text."""

    content: tuple[int, int]
    cue: tuple[int, int] | None
    mention: Mention | None
    confidence: float
    addressee: tuple[int, int] | None = None
    via: tuple[int, int] | None = None
    kind: str = "indirect"
    features: tuple[str, ...] = ()  # for the learned filter (``learned``); () is never filtered


def char_span(tokens: list[Token], offset: int) -> tuple[int, int] | None:
    """Characters covered by tokens, trimmed of edge punctuation and complementizers."""
    toks = sorted(tokens, key=lambda t: t.i)
    # only "that" goes: "if" and "whether" make the clause a condition or a question
    while (
        toks
        and (toks[0].dep_ in _EDGE or toks[0].is_punct)
        and not _is_quote(toks[0])
        and not (toks[0].dep_ == "mark" and toks[0].lower_ in _KEPT_MARKS)
    ):
        toks.pop(0)
    while toks and (toks[-1].is_punct or toks[-1].dep_ == "cc") and not _is_quote(toks[-1]):
        toks.pop()
    if not toks:
        return None
    first, last = toks[0], toks[-1]
    if first.i > 0 and any(t.text in _CLOSE_MARKS or t.text == "\u2019" for t in toks):
        # 'said "thousands" of emails ...': the parser hangs the opening mark on the cue, but
        # the quotation it opens belongs to the content
        mark = first.doc[first.i - 1]
        glued = mark.idx + len(mark.text) == first.idx
        # a straight mark opens only after a space ('"won,"she said' closes one)
        opens = mark.text != '"' or mark.i == 0 or bool(mark.doc[mark.i - 1].whitespace_)
        if mark.text in _OPEN_MARKS and glued and opens:
            first = mark
    return offset + first.idx, offset + last.idx + len(last.text)


def _is_quote(t: Token) -> bool:
    return t.text in {'"', "\u201c", "\u201d", "'", "\u2018", "\u2019", "\u00ab", "\u00bb"}


def _trim(toks: list[Token]) -> list[Token]:
    """Drop what follows the statement after a comma: a non-restrictive relative clause (``...
    Pagliano, who worked on the campaign``) and a participial cue with a statement of its own
    (``..., calling them "boring"``). PolNeAR's contents stop before both."""
    if not toks:
        return toks
    doc = toks[0].doc
    first = min(t.i for t in toks)
    cut: set[int] = set()
    for t in toks:
        left = t.left_edge.i
        if left <= first or doc[left - 1].text not in (",", "\u2014", "--"):
            continue
        relative = t.dep_ == "relcl" and doc[left].tag_ in ("WDT", "WP", "WP$")
        follow_on = (
            t.tag_ == "VBG" and t.dep_ in ("advcl", "conj", "xcomp") and lemma_of(t.text) in CUE_LEMMAS
        )
        # '..., a reference to the decree': a describing appositive added by the writer
        aside = (
            t.dep_ == "appos" and doc[left].lower_ in ("a", "an") and t.right_edge.i >= max(x.i for x in toks)
        )
        # '..., in an interview aired on Monday': where it was said, not what
        setting = (
            t.dep_ == "prep"
            and t.lower_ in ("in", "on", "during", "at")
            and any(g.dep_ == "pobj" and g.lower_ in _SETTINGS for g in t.children)
        )
        if relative or follow_on or aside or setting:
            cut.update(range(left - 1, t.right_edge.i + 1))
    kept = [t for t in toks if t.i not in cut]
    # '... a legal ban on negotiations," a reference to the decree': a quotation closed after a
    # comma ends the statement; what follows is the writer's
    for k in range(1, len(kept) - 1):
        nxt = kept[k + 1]
        if (
            kept[k].text in _CLOSE_MARKS
            and kept[k - 1].text == ","
            and nxt.i == kept[k].i + 1
            and nxt.dep_ in ("det", "dobj", "appos", "npadvmod")
            and nxt.head.dep_ in ("dobj", "appos", "npadvmod")
        ):
            return kept[: k + 1]
    return kept


def _parenthetical(cue: Token) -> list[Token] | None:
    """``Many of the closures, he said, have involved ...`` and ``As X said, the parties ...``: the
    clause around (or after) the cue is the content, without the cue's own words."""
    head = cue.head
    if head.i <= cue.i or head is cue:
        return None
    doc = cue.doc
    aside = cue.dep_ == "parataxis" and cue.left_edge.i > head.left_edge.i
    as_said = cue.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in cue.children)
    if not (aside or as_said):
        return None
    last = cue.right_edge  # the closing comma may hang from the cue or follow it
    after = last if last.text == "," else (doc[last.i + 1] if last.i + 1 < len(doc) else None)
    if after is None or after.text != ",":
        return None
    own = {t.i for t in cue.subtree} | {after.i}
    toks = [t for t in head.subtree if t.i not in own]
    return toks or None


def _own_cue(c: Token) -> bool:
    """A cue verb conjoined to a reported clause without a subject of its own ("..., but ruled
    out talks"): the parser hangs it on the clause, but it shares the reporting verb's subject."""
    return (
        c.dep_ == "conj"
        and c.tag_.startswith("VB")
        and lemma_of(c.text) in CUE_LEMMAS
        and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)
        and c.head.dep_ == "ccomp"
        and lemma_of(c.head.head.text) in CUE_LEMMAS
    )


def _subject(tok: Token) -> Token | None:
    # a passive cue ("it was announced that") has no speaker of its own
    subjects = [c for c in tok.children if c.dep_ == "nsubj"] or _compound_name(tok)
    if len(subjects) > 1:
        # a parse that gives the verb two subjects ('"Thanks, all," said the host Ada Vos'; "the
        # plan, which he said would fail"): a relative pronoun and a word inside a quotation are
        # the quoted words' or the relative clause's, the other is the verb's own
        own = [c for c in subjects if c.tag_ not in ("WDT", "WP") and not _in_quotation(c)] or subjects
        # "Holding signs, the protesters chanted", "RENO (AP) — Ada Vos says", "X signals Y, said Vos":
        # a phrase cut off from the verb by a comma or a dash opens the sentence, the subject
        # next to the verb is its own (not a quantifier floated after it: "the figures — ... —
        # both suggested", "Vos, half joking")
        split = _split_role_name(own)
        if split is not None:
            return split
        attached = [c for c in own if not _cut_off(c, tok) and not _floating(c)]
        return attached[0] if len(attached) == 1 else own[0]
    return subjects[0] if subjects else None


def _split_role_name(subjects: list[Token]) -> Token | None:
    """In "said study co-author Ada Vos" the parse splits the role at its hyphen and gives the verb
    the role's first half (and the hyphen) and the name as subjects; the name is the speaker."""
    names = [c for c in subjects if c.tag_ in ("NNP", "NNPS")]
    if len(names) != 1:
        return None
    name = names[0]
    doc = name.doc
    for c in subjects:
        if c is name or c.i > name.i:
            continue
        nxt = doc[c.i + 1] if c.i + 1 < len(doc) else None
        glued = not c.whitespace_ and nxt is not None and not nxt.whitespace_
        if glued and nxt is not None and nxt.text in ("-", "\u2010", "\u2011"):
            return name
    return None


def _compound_name(verb: Token) -> list[Token]:
    """``"Cruz," Beck joked``: a verb has no compounds, so a name the parser hangs on the verb as one,
    right before it, is its subject misread."""
    if not verb.tag_.startswith("VB") or verb.i == 0:
        return []
    before = verb.doc[verb.i - 1]
    return [before] if before.head == verb and before.dep_ == "compound" and before.tag_ == "NNP" else []


_SEPARATORS = frozenset({",", ";", ":", "-"}) | DASHES
_FLOATING = frozenset(words("both all each half overall alone"))


def _cut_off(subj: Token, verb: Token) -> bool:
    """A comma, colon or dash between the subject's phrase and the verb, or a dash the parse hangs
    on the subject after it ("MACAU (Reuters) \u2014 Top donor Ada Vos said": the place ends there)."""
    if subj.i < verb.i and any(
        c.dep_ == "punct" and subj.i < c.i < verb.i and c.text in DASHES for c in subj.children
    ):
        return True
    lo, hi = (subj.right_edge.i + 1, verb.i) if subj.i < verb.i else (verb.i + 1, subj.left_edge.i)
    return any(t.text in _SEPARATORS for t in subj.doc[lo:hi])


def _floating(t: Token) -> bool:
    return t.lower_ in _FLOATING or t.tag_ in ("DT", "PDT", "RB")


def _in_quotation(t: Token) -> bool:
    """Whether the nearest quotation mark before ``t`` in its doc opens a quotation."""
    doc = t.doc
    mark = next((doc[j] for j in range(t.i - 1, -1, -1) if doc[j].tag_ in ("``", "''")), None)
    return mark is not None and mark.tag_ == "``"


def _quoted_before(subj: Token, cue: Token) -> Token | None:
    """``"We were wrong," Ramos, 58, told AFP``: the parser hangs the cue on the quoted clause, so
    the subject inherited from it is the quotation's own. When ``subj`` lies inside a quotation
    that closes before ``cue``, the speaker is the name or noun between the closing mark and the
    cue (None when there is none). Returns ``subj`` itself when it is not quoted."""
    doc = subj.doc
    if subj.i >= cue.i:
        return subj
    # the subject must be inside a quotation ...
    if not _in_quotation(subj):
        return subj
    # ... that closes between the subject and the cue
    closing = next((t for t in doc[subj.i + 1 : cue.i] if t.tag_ == "''"), None)
    if closing is None or any(t.tag_ == "``" for t in doc[closing.i : cue.i]):
        return subj
    between = doc[closing.i + 1 : cue.i]
    if not all(t.tag_ in _SUBJECT_TAGS or t.is_punct for t in between):
        return None
    nouns = [t for t in between if t.tag_ in ("NNP", "NNPS", "NN", "NNS", "PRP")]
    if not nouns:
        return None
    head = nouns[0]
    # the last word of the first run of proper names or nouns ("Sanders campaign manager Jeff Weaver")
    while head.i + 1 < cue.i and doc[head.i + 1].tag_ in ("NNP", "NNPS", "NN", "NNS") and head.tag_ != "PRP":
        head = doc[head.i + 1]
    return head


def _misplaced_participle(t: Token) -> bool:
    """``X posted on Twitter accusing Y of ...``: the parser hangs the participle on the medium
    (a name or an occasion of speech) instead of on the verb whose subject does the accusing."""
    head = t.head
    return (
        t.dep_ == "acl"
        and t.tag_ == "VBG"
        and head.dep_ == "pobj"
        and head.head.dep_ == "prep"
        and head.head.head.tag_.startswith("VB")
        and (head.tag_ == "NNP" or head.lower_ in _SETTINGS)
    )


_SPEAKING_PRONOUNS = frozenset(words("he she they we i"))
_DOERS = frozenset({"NNP", "NNPS", "PRP"})  # names and personal pronouns


_FINITE = frozenset({"VBD", "VBZ", "VBP"})


def _stranded_subject(cue: Token) -> Token | None:
    """``Saturday at the party convention Sen. Elizabeth Warren (D-MA) said ...``: after a long
    opening phrase the parser hangs the name on the noun before it and leaves the finite cue with
    no subject at all. The name (or a personal pronoun) right before the cue, past a parenthesis
    and adverbs, is then its subject: English puts the subject there."""
    if cue.tag_ not in _FINITE or cue.dep_ not in ("ROOT", "ccomp", "parataxis"):
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for c in cue.children):
        return None
    doc = cue.doc
    j = cue.i - 1
    if j >= 0 and doc[j].text == ")":
        while j >= 0 and doc[j].text != "(":
            j -= 1
        j -= 1
    while j >= 0 and doc[j].tag_ == "RB":
        j -= 1
    if j < 0:
        return None
    t = doc[j]
    if t.tag_ in ("NNP", "NNPS") or (t.tag_ == "PRP" and t.lower_ in _SPEAKING_PRONOUNS):
        return t
    if t.text == "," and j > 0:
        return _appositive_name(doc[j - 1])
    return None


def _reports_clause(cue: Token) -> bool:
    return cue.tag_ in _FINITE and any(c.dep_ == "ccomp" for c in cue.children)


def _participle_subject(cue: Token) -> Token | None:
    """``Republican activists clamoring to block the bill say ...``: the parser reads the participle
    that describes the subject as the subject's own verb and hangs it on the cue, which is left with
    no subject. The participle's phrase runs up to the cue, and its subject is the cue's."""
    if cue.tag_ not in _FINITE or any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in cue.children):
        return None
    for c in cue.children:
        if c.tag_ == "VBG" and c.i < cue.i and c.right_edge.i == cue.i - 1:
            subj = next((g for g in c.children if g.dep_ == "nsubj" and g.i < c.i), None)
            if subj is not None and subj.tag_ != "PRP":
                return subj
    return None


def _appositive_name(last: Token) -> Token | None:
    """The name an apposition ending at ``last`` (the word before the comma before the cue) gives,
    when the parser hung it on an earlier noun instead of making it the subject: the name that is
    the apposition ("In a statement to the Observer, her adviser, Jake Sullivan, said"), or the one
    it describes ("Alarmed by the unrest, Senator Harry Reid, the minority leader, said")."""
    if last.tag_ in ("NNP", "NNPS") and last.dep_ == "appos":
        return last
    t = last
    # "Col. Ada Vos, a military spokesman in Baghdad, said": an apposition ending in a
    # prepositional phrase ends on the phrase's noun; its own head noun is the one to follow
    while t.dep_ in ("pobj", "prep") and t.head.i < t.i and t.head.right_edge.i == last.i:
        t = t.head
    while t.dep_ in ("appos", "conj") and t.head.i < t.i and t.head.tag_ != ",":
        if t.dep_ == "appos":
            t = t.head
            break
        t = t.head
    # the phrase ends at ``last``, or at the comma after it when the parser hangs it there
    if t.i == last.i or t.tag_ not in ("NNP", "NNPS") or t.right_edge.i not in (last.i, last.i + 1):
        return None
    return t


_REPORTING = frozenset(SPEECH) | frozenset(BELIEF)
_AFTER_CLAUSE = frozenset(("advcl", "conj"))


_SET_OFF = frozenset({","}) | DASHES


def _set_off(participle: Token) -> bool:
    """A comma or a dash right before the participle, or a comma before the closing quotation mark
    right before it ('..., pointing to'; '... — saying'; '... "maniacal," adding')."""
    doc = participle.doc
    before = doc[max(participle.i - 2, 0) : participle.i]
    return len(before) > 0 and (
        before[-1].text in _SET_OFF or (before[-1].tag_ == "''" and any(t.text == "," for t in before[:-1]))
    )


def _parenthetical_report(clause: Token) -> bool:
    """``Comey cannot say that "...," Lewandowski added, saying``: a clause whose subject follows a
    comma or a closing quotation mark is an aside reporting the words before it, which the parser
    hangs on them; its own subject speaks."""
    subj = _subject(clause)
    if subj is None or subj.left_edge.i == 0:
        return False
    before = subj.doc[subj.left_edge.i - 1].text
    return before == "," or before in _CLOSE_MARKS


def _reporter(cue: Token, clause: Token, path: list[Token]) -> Token | None:
    """``Packer said the focus is taking a toll, pointing to ...``: a participle set off after a
    reported clause adds to the report, so it is the reporter's, though the parser hangs it on the
    reported clause, whose subject it would inherit. The reporter's subject, or None when the
    participle is not such an addition."""
    # the participle nearest the clause ("..., telling X and asking Y"), past verbs conjoined in
    # the clause ("... has been an advocate and would do the same, saying")
    first = next((t for t in reversed(path) if t.tag_ == "VBG"), None)
    if cue.tag_ != "VBG" or first is None or not _set_off(first):
        return None
    if any(t.dep_ not in _AFTER_CLAUSE for t in path):
        return None
    head = _reporting_verb(clause)
    if (
        head is None
        or head.i > clause.i
        or lemma_of(head.text) not in _REPORTING
        or _parenthetical_report(clause)
    ):
        return None
    spk, _, _ = speaker_of(head)
    return spk


def _reporting_verb(clause: Token) -> Token | None:
    """The verb a clause is reported by: its head for a clausal complement ("said the focus is
    ..."), or the verb whose object the clause completes ("rejected the idea that the developer
    would be ...", "denied the notion that a shakeup is coming")."""
    head = clause.head
    if clause.dep_ == "acl" and head.tag_ in ("NN", "NNS") and head.dep_ == "dobj":
        head = head.head
    elif clause.dep_ != "ccomp":
        return None
    return head if head.tag_.startswith("VB") else None


# Verbs that make their object do what follows ("The defeat led him to concede", "leaving many to
# wonder"): the one who speaks is the object, not the subject, which is mostly an event. Verbs of
# asking ("urged", "pushed senators to reject") are left out: the one who asks wants it too, and
# PolNeAR train names them
_CAUSATIVE = frozenset(
    form for lemma in words("prompt force cause spur compel inspire") for form in forms(lemma)
) | frozenset(words("lead leads led leading leave leaves left leaving drive drives drove driven driving"))


_THINGS = frozenset(words("it this that"))


def _caused(verb: Token) -> Token | None:
    """The object of a causative verb that ``verb`` (an infinitive or participle with no subject)
    completes: it does the saying. None when ``verb`` completes no such verb."""
    head = verb.head
    if verb.dep_ not in ("xcomp", "ccomp") or head.lower_ not in _CAUSATIVE:
        return None
    obj = next((c for c in head.children if c.dep_ == "dobj" and c.i < verb.i), None)
    # "leave it thinking": a thing left in a state is no one who speaks
    return obj if obj is not None and obj.lower_ not in _THINGS else None


_COPULAS = frozenset(words("is was are were be been 's"))


def _nearer_doer(verb: Token, cue: Token) -> Token | None:
    """The subject, a name or a personal pronoun, of the verb nearest before ``cue`` and after
    ``verb`` ("It was at the conference that Swanson delivered his tirade, pointing to ...")."""
    for t in reversed(cue.doc[verb.i + 1 : cue.i]):
        if not t.tag_.startswith("VB"):
            continue
        subj = next((c for c in t.children if c.dep_ == "nsubj"), None)
        if subj is not None and (subj.tag_ in ("NNP", "NNPS") or subj.lower_ in _SPEAKING_PRONOUNS):
            return subj
    return None


def speaker_of(cue: Token) -> tuple[Token | None, Token | None, float]:
    """(speaker head, via head, confidence) for a cue verb, walking up when it has no subject."""
    cur = cue
    path: list[Token] = []  # the verbs walked through, each hanging from the next
    for step in range(4):
        if _misplaced_participle(cur):
            cur = cur.head.head.head
            continue
        if lemma_of(cur.text) in _QUOTING and cur is not cue:
            passive = any(c.dep_ == "nsubjpass" for c in cur.children)
            if passive:  # "X was quoted (by TASS) as saying"
                spk = next(c for c in cur.children if c.dep_ == "nsubjpass")
                agent = next((c for c in cur.children if c.dep_ == "agent"), None)
                via = next((g for g in agent.children if g.dep_ == "pobj"), None) if agent else None
                return spk, via, 0.85
            obj = next((c for c in cur.children if c.dep_ == "dobj"), None)
            subj = _subject(cur)
            if obj is not None:  # "TASS quoted Peskov as saying"
                return obj, subj, 0.85
        subj = _subject(cur)
        if subj is None and _reports_clause(cue) and path and path[-1].dep_ == "conj":
            # "Trump was forced into damage control and said that ...": a finite cue conjoined to a
            # passive verb shares its subject ("was approved and said to cost" is passive itself)
            subj = next((c for c in cur.children if c.dep_ == "nsubjpass"), None)
        if subj is not None:
            if subj.tag_ in ("WP", "WDT") and cur.dep_ == "relcl":
                return subj, None, 0.8  # "Peskov, who said ...": the mention is "who", for Peskov
            # "It said ..." is an organization speaking (impersonal "it is said" is passive and
            # "it seems" is no cue); only "there" never speaks
            if subj.lower_ == "there" and cur is cue:
                return None, None, 0.0
            if cur is not cue and subj.lower_ == "it" and cur.lower_ in _COPULAS:
                # "It was a potent punch, as Clinton echoed the criticism, saying ...": the "it"
                # of a copula speaks nothing; the doer is the person subject nearer the cue
                subj = _nearer_doer(cur, cue) or subj
            if cur is not cue:
                subj = _quoted_before(subj, cue)
                if subj is None:
                    return None, None, 0.0
                spoke = _reporter(cue, cur, path)
                if spoke is not None:
                    return spoke, None, 0.9 - 0.05 * step
            return subj, None, 0.9 - 0.05 * step
        if cur.dep_ == "relcl" and cur is cue:
            return cur.head, None, 0.7  # "the official quoted as saying"
        if cur.dep_ == "acl" and cur.tag_ == "VBG" and cur is cue and cur.head.tag_ in _DOERS:
            # "Vos, ..., calling him a ...": the name an active participle describes is the one
            # doing it (a common noun is often a thing: "a sign saying", "polls showing")
            return cur.head, None, 0.7
        if cur is cue:
            stranded = _participle_subject(cue) or _stranded_subject(cue)
            if stranded is not None:
                return stranded, None, 0.7
        caused = _caused(cur)
        if caused is not None:
            return caused, None, 0.85 - 0.05 * step
        if cur.dep_ not in _INHERIT or cur.head.i == cur.i:
            break
        path.append(cur)
        cur = cur.head.head if _own_cue(cur) else cur.head
    governing = _governing_subject(cue)
    if governing is not None:
        return governing, None, 0.6
    return None, None, 0.0


# A subjectless cue conjoined to or modifying a verb ("... and vowing to", "..., calling X a Y",
# "likely to say", "the step of criticizing") shares the subject of the verb above it, found
# within a few steps but never past a clause of its own (``_CLAUSE_DEPS``) nor inside a reported
# or embedded clause (``_EMBEDDED_DEPS``).
_GOVERNED_DEPS = frozenset({"conj", "advcl", "xcomp", "pcomp"})
_EMBEDDED_DEPS = frozenset({"ccomp", "parataxis", "csubj", "csubjpass"})
_CLAUSE_DEPS = _EMBEDDED_DEPS | {"relcl", "ROOT"}
_MAX_GOVERNING_STEPS = 5


def _governing_subject(cue: Token) -> Token | None:
    """The subject of the nearest verb above a subjectless cue, when nothing but modifiers lies
    between them ("he was back to boasting about winning and pledging to ...", "the ad features
    voters telling their stories and criticizing ...")."""
    if cue.dep_ not in _GOVERNED_DEPS or lemma_of(cue.text) in _ASKING:
        return None  # "..., when asked how ...": the subject above is the one asked
    if cue.dep_ == "xcomp" and _has_object(cue.head):
        return None  # "urged voters to reject": the object does the rejecting
    if cue.dep_ == "pcomp" and cue.head.lower_ != "by" and _has_object(cue.head.head):
        return None  # "chastised Snyder for refusing to ask": Snyder refused
    cur = cue
    for _ in range(_MAX_GOVERNING_STEPS):
        if cur.dep_ in _CLAUSE_DEPS or cur.head.i == cur.i:
            return None
        cur = cur.head
        if not cur.tag_.startswith("VB"):
            continue
        if cur.dep_ in _EMBEDDED_DEPS:
            return None  # the subject of a reported or embedded clause is not the speaker's
        subj = _subject(cur)
        if subj is not None:
            ok = subj.lower_ not in _THINGS and subj.lower_ != "there" and subj.tag_ not in ("WDT", "WP")
            return subj if ok else None
    return None


def _has_object(verb: Token) -> bool:
    return any(c.dep_ in ("dobj", "dative") for c in verb.children)


def _occasion_clause(cue: Token) -> list[Token] | None:
    """ "told The Hill in a statement that ...": the parser hangs the clause on the occasion noun
    as if it were the noun's content; it is what the cue reports."""
    for c in cue.children:
        if c.dep_ != "prep" or c.lower_ not in ("in", "during"):
            continue
        noun = next((g for g in c.children if g.dep_ == "pobj" and g.lower_ in _OCCASIONS), None)
        if noun is None:
            continue
        for clause in noun.children:
            if clause.dep_ == "acl" and any(m.dep_ == "mark" and m.lower_ == "that" for m in clause.children):
                return list(clause.subtree)
    return None


def _misread_subject(cue: Token, lemma: str, comp: Token) -> list[Token]:
    """``testified "thousands" of emails had not been turned over``: the parser makes the
    clause's subject the object of a verb that takes none and hangs the clause beside it. The
    words between the cue and the clause are then the clause's own (empty when they are not)."""
    if lemma not in _CLAUSE_NO_OBJECT or comp.i < cue.i:
        return []
    gap = cue.doc[cue.i + 1 : comp.left_edge.i]
    objects = [c for c in cue.children if c.dep_ == "dobj" and cue.i < c.i < comp.left_edge.i]
    if not objects or any(t.lower_ == "that" and t.dep_ == "mark" for t in gap):
        return []
    own = {t.i for c in cue.children if c.dep_ in ("dobj", "prep", "punct") for t in c.subtree}
    return list(gap) if all(t.i in own for t in gap) else []


def _content_tokens(cue: Token, lemma: str) -> tuple[str, list[Token]] | None:
    """(rule, tokens): which rule found the content, and the content's tokens."""
    kids = list(cue.children)
    comps = [c for c in kids if c.dep_ == "ccomp"]
    if comps:
        # a clause after the cue is what it reports; one before it is usually the writer's own
        # ("He held his arms up; he says he fears returning")
        after = [c for c in comps if c.i > cue.i]
        comp = max(after or comps, key=lambda c: len(list(c.subtree)))
        # "said X could happen, but ruled out Y": a conjoined cue is a statement of its own
        cut = {t.i for c in comp.children if _own_cue(c) for t in c.subtree}
        return "ccomp", _trim(
            [*_misread_subject(cue, lemma, comp), *(t for t in comp.subtree if t.i not in cut)]
        )
    if lemma in _ASKING:
        # "asked the students if they were ...": the parser reads the question as an adverbial
        for c in kids:
            if c.dep_ == "advcl" and c.i > cue.i and any(m.lower_ in ("if", "whether") for m in c.children):
                return "ccomp", _trim(list(c.subtree))
    occasion = _occasion_clause(cue)
    if occasion is not None:
        return "ccomp", _trim(occasion)
    if lemma in _XCOMP_CONTENT or lemma in CUE_LEMMAS - CLAUSE_ONLY:
        for c in kids:
            if c.dep_ == "xcomp" and lemma_of(c.text) not in CUE_LEMMAS:
                toks = list(c.subtree)
                return ("xcomp", toks) if lemma in _XCOMP_CONTENT or len(toks) > 3 else None
    prep = PREP_CONTENT.get(lemma)
    if prep is not None:  # "referring to X", "railed against X"
        pp = next((c for c in kids if c.dep_ in ("prep", "dative") and c.lower_ == prep), None)
        pobj = next((g for g in pp.children if g.dep_ in ("pobj", "pcomp")), None) if pp else None
        if pobj is not None:
            return "prep", list(pobj.subtree)
    if lemma in OBJECT_CONTENT or lemma in LEARNED or lemma == "call":
        obj = next((c for c in kids if c.dep_ == "dobj"), None)
        if obj is not None and cue.dep_ == "relcl" and obj.i < cue.i and _relative_word(obj):
            # "a group that he described as X": the object is the relative's antecedent, outside
            # the clause; the pronoun is no content (from it on the span would hold the cue too)
            obj = None
        extra = [
            c
            for c in kids
            if c.dep_ in ("oprd", "xcomp")
            or (
                c.dep_ == "prep"
                and c.lower_ in _OBJECT_PREPS
                and (c.lower_ == "as" or c.i > (obj.i if obj else 0))
            )
        ]
        if lemma == "call" and obj is not None and not extra and not any(map(_is_quote, obj.subtree)):
            # "called the office" is not a statement; "called it a sham" and "called protesters
            # “thugs”" (the parser reads the label as the object) are
            return None
        if lemma == "call" and obj is None:
            # "called both Trump and Clinton “crazy”": the parser often leaves no object, only the
            # name and the label as predicates. Only a quoted label: "called a donor" is a phone call
            named = [c for c in kids if c.dep_ in ("oprd", "npadvmod") and c.i > cue.i]
            toks = list(cue.doc[named[0].left_edge.i : named[-1].right_edge.i + 1]) if named else []
            if any(c.dep_ == "oprd" for c in named) and any(map(_is_quote, toks)):
                return "dobj", toks
        if obj is not None:
            toks = list(obj.subtree)
            for c in extra:
                toks.extend(c.subtree)
            return "dobj", toks
        as_pp = next((c for c in extra if c.lower_ == "as" and c.dep_ == "prep"), None)
        if as_pp is not None and cue.dep_ == "relcl":
            # "a plan Kyiv has dismissed as a gesture": the object is the relative's antecedent
            toks = [t for t in as_pp.subtree if t is not as_pp]
            return ("as", toks) if toks else None
    if lemma in _SAY_OBJECT:
        obj = next((c for c in kids if c.dep_ == "dobj"), None)
        if obj is not None and len(list(obj.subtree)) >= MIN_MISPARSED_CLAUSE:
            # "said the shift in policy aligns with ...": a clause the parser read as an object
            return "saidobj", _trim(list(obj.subtree))
    if lemma in ("call", "ask", "point"):
        for c in kids:
            if c.dep_ == "prep" and c.lower_ in ("for", "to"):
                toks = list(c.subtree)[1:]
                return ("callfor", toks) if toks else None
    inner = _parenthetical(cue)
    if inner is not None:
        return "paren", inner
    before = cue.doc[cue.left_edge.i - 1].text if cue.left_edge.i > 0 else ""
    if (
        cue.dep_ in ("parataxis", "ccomp", "advcl")
        and cue.head.i < cue.i
        and (cue.tag_ != "VBG" or _subject(cue) is not None)  # "..., calling it X" follows on
        and lemma not in ("ask",)
        and (before in _CLAUSE_FIRST_BEFORE or _is_quote(cue.doc[cue.left_edge.i - 1]))
        and not any(c.dep_ == "xcomp" for c in kids)  # "..., as X continues to push for"
    ):
        # "Contacts have picked up, Peskov told Ria Novosti": the clause before the cue
        head = cue.head
        toks = [t for t in head.subtree if t.i < cue.left_edge.i]
        return ("first", toks) if toks else None
    fronted = _fronted_clause(cue)
    return ("first", fronted) if fronted else None


def _fronted_clause(cue: Token) -> list[Token] | None:
    """``Those who take on debt struggle, he said``: the parser finds no place for a clause that
    opens the sentence before a comma and the cue's subject, and leaves it a bare dependent of the
    cue; the clause is what the cue reports, as when the parse makes it the cue's complement."""
    subj = _subject(cue)
    if cue.dep_ != "ROOT" or subj is None or subj.i > cue.i:
        return None
    comma = subj.left_edge.i - 1
    start = cue.sent.start
    if comma <= start or cue.doc[comma].text != ",":
        return None
    fronted = [c for c in cue.children if c.dep_ == "dep" and c.i < comma]
    if len(fronted) != 1 or fronted[0].left_edge.i != start or fronted[0].right_edge.i >= comma:
        return None
    return list(cue.doc[start:comma])


def _relative_word(tok: Token) -> bool:
    """ "that", "which", "whom" opening a relative clause (the parser tags "that" IN as often)."""
    return tok.tag_ in ("WDT", "WP") or tok.lower_ in ("that", "which", "who", "whom")


def _addressee(cue: Token, offset: int) -> tuple[int, int] | None:
    for c in cue.children:
        if c.dep_ in ("dobj", "dative") and lemma_of(cue.text) in ("tell", "inform", "remind", "assure"):
            return char_span([c, *c.subtree], offset)
        if c.dep_ == "prep" and c.lower_ == "to" and lemma_of(cue.text) in ("say", "write", "explain"):
            pobj = [g for g in c.children if g.dep_ == "pobj"]
            if pobj:
                return char_span(list(pobj[0].subtree), offset)
    return None


def _according(tok: Token, offset: int) -> Found | None:
    """``according to X``: the rest of the clause that the phrase modifies is the content."""
    to = next((c for c in tok.children if c.lower_ == "to"), None)
    if to is None and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "to":
        to = tok.doc[tok.i + 1]
    if to is None:
        return None
    pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
    if pobj is None:
        return None
    opening = _opening_phrase(tok, pobj)
    set_off = opening is not None or (tok.i > tok.sent.start and tok.doc[tok.i - 1].text == ",")
    if (
        pobj.tag_ == "NN"
        and pobj.text.islower()
        and pobj.lower_ not in _SOURCE_NOUNS
        and (not set_off or not any(c.dep_ in _NOUN_MODIFIERS for c in pobj.children))
    ):
        # "according to plan", "went ahead according to the timetable": not a source. A phrase
        # set off by a comma names a particular one ("According to state law, ...", "..., according
        # to his Facebook profile", "..., according to one global index")
        return None
    if opening is not None and tok.dep_ == "ROOT":
        # "According to the AP, 571 of the delegates — ... — backed her": the parser made the
        # phrase the root and hung the clause on its noun; the clause is everything after the comma
        return _according_found(tok, to, pobj, list(tok.doc[opening + 1 : tok.sent.end]), offset)
    head = tok.head
    if head.dep_ in ("aux", "auxpass"):
        head = head.head  # "According to X, she is leading": the phrase hangs on the auxiliary
    while (
        head.dep_ not in ("ROOT", "ccomp", "conj")
        and head.head.i != head.i
        and not head.tag_.startswith("VB")
    ):
        head = head.head
    # "A won 37 percent, B had 36 and C 13 percent, according to the results": the phrase at the
    # end hangs on the last conjunct but sources them all (not a conjunct that is a report itself)
    while head.dep_ == "conj" and head.head.i < head.i < tok.i and lemma_of(head.head.text) not in CUE_LEMMAS:
        head = head.head
    sent: Span = tok.sent
    if opening is not None:
        # the parser may hang the clause's subject on the source as an apposition ("According to
        # the Gazette, 312 of the members ... backed it"): the clause runs on from the comma
        last = min(max(head.right_edge.i, tok.right_edge.i), sent.end - 1)
        return _according_found(tok, to, pobj, list(tok.doc[opening + 1 : last + 1]), offset)
    phrase = {t.i for t in tok.subtree} | {tok.i, to.i} | {t.i for t in to.subtree}
    toks = [t for t in head.subtree if t.i not in phrase]
    toks = [t for t in toks if sent.start <= t.i < sent.end]
    return _according_found(tok, to, pobj, toks, offset)


def _according_found(tok: Token, to: Token, pobj: Token, toks: list[Token], offset: int) -> Found | None:
    span = char_span(toks, offset)
    if span is None:
        return None
    cue = (offset + tok.idx, offset + to.idx + len(to.text))
    features = ("r=according", f"s={pobj.tag_}", f"len={min(len(toks) // 5, 6)}")
    return Found(span, cue, mention_from(pobj, offset), 0.85, features=features)


# Words that make a bare noun a particular one ("his physician", "state law", "recent polling").
_NOUN_MODIFIERS = frozenset({"det", "poss", "amod", "compound", "nmod", "nummod"})


def _opening_phrase(tok: Token, pobj: Token) -> int | None:
    """The index of the comma that closes an "according to X" opening its sentence, or None when
    the phrase does not open the sentence or no comma follows its noun before a verb."""
    doc = tok.doc
    if tok.i != tok.sent.start:
        return None
    for t in doc[pobj.i + 1 : tok.sent.end]:
        if t.text == ",":
            return t.i
        if t.tag_.startswith("VB") or t.text in DASHES or t.text in (";", ":"):
            return None
    return None


# Forms of be, have, do and seem: never a cue, whatever follows them.
NOT_CUE_VERBS = frozenset(
    words("be is are was were been being am 's 're have has had having do does did seem seems seemed")
)


def _generic_content(cue: Token) -> tuple[str, list[Token]] | None:
    """Content for a verb outside the lexicon: its clause, infinitive, object or prepositional
    object, in that order; the learned filter decides whether the verb reports anything."""
    kids = [c for c in cue.children if c.i > cue.i]
    for c in kids:
        if c.dep_ == "ccomp":
            return "ccomp", _trim(list(c.subtree))
    for c in kids:
        if c.dep_ == "xcomp" and c.tag_ == "VB" and len(list(c.subtree)) > 1:
            # "went on to say ...": the cue is the infinitive, which is a candidate of its own
            return None if lemma_of(c.text) in CUE_LEMMAS else ("xcomp", list(c.subtree))
    obj = next((c for c in kids if c.dep_ == "dobj"), None)
    if obj is not None:
        toks = list(obj.subtree)
        for c in kids:
            if c.dep_ == "prep" and c.lower_ in _OBJECT_PREPS and c.i > obj.i:
                toks.extend(c.subtree)
        return "dobj", toks
    for c in kids:
        pobj = next((g for g in c.children if g.dep_ in ("pobj", "pcomp")), None)
        if c.dep_ == "prep" and pobj is not None:
            return f"prep:{c.lower_}", list(pobj.subtree)
    return None


def _lexicon(lemma: str | None) -> str:
    if lemma is None or lemma not in CUE_LEMMAS:
        return "none"
    return "learned" if lemma in LEARNED else "speech"


def _instrument(cue: Token, spk: Token) -> bool:
    """A decree that "rules talks impossible", a law that "says" or a bill that "would require":
    what a legal instrument lays down is not reported speech."""
    noun = cue.head if spk.tag_ in ("WDT", "WP") and cue.dep_ == "relcl" else spk
    return noun.lower_.removesuffix("s") in _INSTRUMENTS


def _sourcing(cue: Token, content: list[Token]) -> bool:
    """How a source asked to be quoted, not what they said: "who asked not to be identified",
    "who spoke on condition of anonymity to discuss the talks"."""
    words_ = [t.lower_ for t in content]
    if words_[:3] == ["not", "to", "be"] and len(words_) <= 5:
        return True
    if cue.dep_ not in ("xcomp", "advcl", "acl"):
        return False
    return any(
        t.lower_ == "anonymity"
        for c in cue.head.children
        if c.dep_ in ("prep", "dobj") and c.i < cue.i
        for t in c.subtree
    )


# Verbs that tell someone something: their object is the one told, their clause what was said
_TELLING = frozenset(f for lemma in words("tell assure remind warn inform") for f in forms(lemma))


def _told_through_relative(verb: Token) -> tuple[Token, Token] | None:
    """``Vos told teachers who filled the lawn that the state has the money``: the parse hangs
    the "that" clause on the relative clause of the one told, which says nothing of it; the clause
    is what the verb of telling, which has none of its own, reports. (That verb, the clause), else
    None."""
    obj = verb.head
    tell = obj.head
    if (
        verb.dep_ != "relcl"
        or lemma_of(verb.text) in _REPORTING  # "told the man who said that ...": he said it
        or obj.dep_ not in ("dobj", "dative")
        or tell.lower_ not in _TELLING
        or any(c.dep_ == "ccomp" for c in tell.children)
        # "told Bharara, who would recognize that ...": an aside between commas is a clause of its own
        or (verb.left_edge.i > 0 and verb.doc[verb.left_edge.i - 1].text == ",")
    ):
        return None
    clause = next((c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i), None)
    if clause is None or not any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children):
        return None
    return tell, clause


def find_reported(doc: Doc, offset: int, *, wide: bool = False) -> list[Found]:
    """All cue-anchored attributions in a parsed chunk that starts at ``offset`` in the article;
    with ``wide``, also every other verb with a subject and a content (for the learned filter)."""
    out: list[Found] = []
    for tok in doc:
        if tok.lower_ == "according":
            f = _according(tok, offset)
            if f is not None:
                out.append(f)
            continue
        if (
            not tok.tag_.startswith("VB")
            or tok.dep_ in ("amod", "aux", "auxpass")
            or tok.lower_ in NOT_CUE_VERBS
        ):
            continue
        told = _told_through_relative(tok)
        if told is not None:
            tok, clause = told
        lemma = lemma_of(tok.text)
        if lemma == "ask" and tok.tag_ == "VBN" and _subject(tok) is None:
            continue  # "When asked how ..., X said": X is the one asked, not the asker
        if lemma == "quote":
            continue  # "TASS quoted X as saying": the cue is "saying" (see ``speaker_of``)
        if told is not None:
            found: tuple[str, list[Token]] | None = ("ccomp", _trim(list(clause.subtree)))
        elif lemma is not None and lemma in CUE_LEMMAS:
            found = _content_tokens(tok, lemma)
        elif wide:
            found = _generic_content(tok)
        else:
            continue
        if not found or not found[1]:
            continue
        rule, toks = found
        if _sourcing(tok, toks):
            continue
        spk, via, conf = speaker_of(tok)
        if spk is None or _instrument(tok, spk):
            continue
        content = char_span(toks, offset)
        if content is None:
            continue
        cue_end = tok
        for c in tok.children:  # "pointed out", "went on": particles belong to the cue
            if c.dep_ == "prt" and c.i == tok.i + 1:
                cue_end = c
        out.append(
            Found(
                content,
                (offset + tok.idx, offset + cue_end.idx + len(cue_end.text)),
                mention_from(spk, offset),
                conf,
                addressee=_addressee(tok, offset),
                via=char_span([via], offset) if via is not None else None,
                features=cue_features(tok, rule, toks, spk, _lexicon(lemma)),
            )
        )
    return out
