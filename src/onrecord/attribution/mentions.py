"""Speaker mentions read off the parse: the noun phrase, its proper-name part and its role.

A mention keeps what resolution needs later without holding on to spaCy objects: the span, the
kind of head (name, pronoun, singular or plural noun), the proper-name words and a role learned
from a title ("Kremlin spokesman Dmitry Peskov") or an appositive ("Hugh Hill, a doctor").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Token

from onrecord.attribution.cues import forms, words

# Title words that precede a name and belong to the role, not to the name.
ROLE_WORDS = frozenset(
    words(
        "president spokesman spokeswoman spokesperson minister secretary senator sen. sen gov. gov "
        "governor rep. rep representative chancellor premier leader chairman chairwoman chair ceo "
        "director adviser advisor aide envoy ambassador official officer mayor judge justice general "
        "gen. gen. commander chief king queen prince pope candidate nominee speaker deputy head "
        "analyst professor prof. dr. dr correspondent reporter editor columnist founder manager "
        "strategist pollster attorney lawyer lawmaker congressman congresswoman chancellor "
        "vice prime foreign defense defence press interior state first lady former councillor "
        "councilor councilman councilwoman alderman "
        # occupations and ranks written before a name ("singer Lena Ortiz", "Lt. Col. X"; not "dean",
        # a first name as often: Dean Baker)
        "singer actor actress rapper musician artist author writer novelist economist scientist "
        "researcher activist coach star comedian host anchor superintendent sheriff detective "
        "pastor bishop rabbi imam lt. lt col. col sgt. sgt capt. capt maj. maj adm. adm cpl. cpl "
        "commissioner inspector treasurer comptroller auditor administrator executive assemblyman "
        "assemblywoman legislator diplomat consul admiral captain colonel lieutenant sergeant "
        "marshal trooper physician surgeon nurse teacher principal chaplain priest cardinal "
        "reverend rev. cfo del."
    )
)
# Words that make a name an organisation's or a place's ("Kremlin", "Reuters", "Britain").
ORG_WORDS = frozenset(
    words(
        "kremlin ministry department agency news times post journal campaign committee party "
        "government office council commission association institute university inc corp company "
        "group union bank fund court congress senate house parliament administration tass reuters "
        "ap afp cnn bbc nbc abc cbs fox msnbc politico breitbart nato un eu pentagon police army "
        "foundation center centre network press daily tribune magazine service bureau assembly alliance "
        "moscow kyiv kiev washington beijing london paris berlin brussels ukraine russia america "
        "china iran israel britain france germany"
    )
)
_NAME_PARTICLES = frozenset(words("de van von al bin der la le da du"))
_OFFICE_LINKS = frozenset(words("of to for"))
DASHES = frozenset({"\u2014", "\u2013", "--"})  # a dash, as the tokenizer writes one
_CUT_DEPS = frozenset({"appos", "relcl", "acl", "punct", "advcl", "cc"})
PRONOUNS = frozenset(words("he she they it i we you him her them who his their its"))


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    text: str
    kind: str  # name | pronoun | noun | plural
    head: str
    name: str | None = None  # the proper-name words, titles removed
    role: str | None = None
    phrase: str | None = None  # what to resolve when it is not ``text``: a relative's antecedent

    @property
    def resolvable(self) -> str:
        return self.phrase or self.text


def _content_after_according(head: Token, appos: Token) -> bool:
    """In "According to Ada Vos, the move reeks of fear.", what the parse hangs on the name as an
    appositive, running to the end of the sentence, is what she said, not who she is."""
    prep = head.head
    if head.dep_ != "pobj" or prep.lower_ != "to" or prep.head.lower_ != "according":
        return False
    if prep.head.i != prep.head.sent.start:
        return False  # "..., according to Ada Vos, a pollster.": the sentence said it before
    after = appos.doc[appos.right_edge.i + 1 : appos.right_edge.i + 2]
    return not after or after[0].is_sent_start is True or (after[0].is_punct and after[0].text != ",")


def _span_text(tokens: list[Token], offset: int) -> tuple[int, int]:
    return offset + tokens[0].idx, offset + tokens[-1].idx + len(tokens[-1].text)


def _np_tokens(head: Token) -> list[Token]:
    """The head and its dependents, without appositives, relative clauses and commas."""
    keep = [head]
    for child in head.children:
        if child.dep_ in _CUT_DEPS and child.tag_ != "HYPH":  # "Cheuk Hau-yip" is one name
            continue
        keep.extend(child.subtree)
    keep.sort(key=lambda t: t.i)
    # keep a contiguous run around the head: a parse may attach something far away
    run = [head]
    by_i = {t.i: t for t in keep}
    i = head.i - 1
    while i in by_i:
        run.insert(0, by_i[i])
        i -= 1
    i = head.i + 1
    while i in by_i:
        run.append(by_i[i])
        i += 1
    # "RENO, Nev. (AP) \u2014 Republican hopeful Ada Vos says": a dateline the parse hangs on the
    # name ends at its dash; the mention starts after it
    dashes = [k for k, t in enumerate(run) if t.text in DASHES and t.i < head.i]
    if dashes:
        run = run[dashes[-1] + 1 :]
    while len(run) > 1 and run[0].is_punct:
        run.pop(0)
    while len(run) > 1 and run[-1].is_punct:
        run.pop()
    return run


def _glued(tokens: list[Token], drop: frozenset[str] = frozenset()) -> list[str]:
    """Words as written: tokens with no space between them are one word ("Hau", "-", "yip").
    Tokens tagged with a tag in ``drop`` are left out, and what follows one starts a new word:
    "Carlineo's attorney" without the possessive is "Carlineo attorney", not "Carlineoattorney"."""
    out: list[str] = []
    glue = False
    for t in tokens:
        if t.tag_ in drop:
            glue = False
            continue
        if out and glue:
            out[-1] += t.text
        else:
            out.append(t.text)
        glue = not t.whitespace_
    return out


def split_office(before: Sequence[str], run: list[str]) -> tuple[list[str], list[str]]:
    """After "<role word> of|to|for", the capitalised words that name a place or an office belong
    to the role, not to the name: ("Secretary", "of") + ("State", "Mike", "Pompeo") -> (["State"],
    ["Mike", "Pompeo"]); "ambassador to" + "Britain Liu Xiaming" -> (["Britain"], ["Liu",
    "Xiaming"]). Two words at least stay for the name."""
    if len(before) < 2 or before[-1].lower() not in _OFFICE_LINKS or before[-2].lower() not in ROLE_WORDS:
        return [], run
    k = 0
    while len(run) - k > 2 and (run[k].lower() in ORG_WORDS or run[k].lower() in ROLE_WORDS):
        k += 1
    return run[:k], run[k:]


def split_title(words: list[str]) -> tuple[str | None, str | None]:
    """("Ukrainian", "President", "Volodymyr", "Zelensky") -> ("Ukrainian President", name)."""
    last_role = -1
    for k, w in enumerate(words[:-1]):
        if w.lower() in ROLE_WORDS:
            last_role = k
    role = " ".join(words[: last_role + 1]) if last_role >= 0 else None
    name = " ".join(words[last_role + 1 :]) or None
    return role, name


def _after_dateline_dash(head: Token) -> Token | None:
    """``MACAU (Reuters) \u2013 Top donor Ada Vos said``: the parse makes the dateline's place the
    subject and the person after its dash an appositive of it. The appositive, when a single dash
    (not a pair around an aside: "The senator \u2014 a Republican \u2014 said") comes before it."""
    dashes = [c for c in head.children if c.dep_ == "punct" and c.text in DASHES and c.i > head.i]
    if len(dashes) != 1:
        return None
    appos = [c for c in head.children if c.dep_ == "appos" and c.i > dashes[0].i]
    if len(appos) != 1 or appos[0].tag_ not in ("NNP", "NNPS", "NN", "NNS"):
        return None
    after = appos[0].doc[appos[0].right_edge.i + 1 : appos[0].right_edge.i + 2]
    if any(t.text in DASHES or t.text == "," for t in after):
        return None
    return appos[0]


# Quantifiers that head a plural noun phrase of people on their own ("Many say they ...")
_PLURAL_QUANTIFIERS = frozenset(words("many some most others few several both"))


def _plural_antecedent(pron: Token) -> Token | None:
    """``Liberals got mad because they ...``, ``rivals called for ... what they say``: "they" as
    the subject of a clause within a clause whose subject is a plural noun phrase before it is
    that phrase, the reading a reader takes first. Only the nearest clause with a subject counts;
    None when its subject is no plural noun."""
    if pron.lower_ != "they" or pron.dep_ not in ("nsubj", "nsubjpass"):
        return None
    subj = _subject_above(pron)
    if subj is None or subj.i > pron.i:
        return None
    return subj if subj.tag_ in ("NNS", "NNPS") or subj.lower_ in _PLURAL_QUANTIFIERS else None


def _subject_above(pron: Token) -> Token | None:
    """The subject of the nearest clause above the one ``pron`` is the subject of."""
    for verb in pron.head.ancestors:
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None:
            return subj
    return None


# Nouns for a person that a news story leaves unnamed ("a New York man", "the woman"), by the
# pronoun that can stand for them
_PERSON_NOUNS = {
    "he": frozenset(words("man boy father son husband brother")),
    "she": frozenset(words("woman girl mother daughter wife sister")),
}
_ANY_PERSON_NOUNS = frozenset(words("person teenager resident citizen voter worker student"))


def _unnamed_antecedent(pron: Token) -> Token | None:
    """``A New York man pleaded guilty to charges he threatened ...``: "he" or "she" as the
    subject of a clause within a clause whose subject is an unnamed person ("a man", "the
    woman") is that person, as "they" is a plural subject (``_plural_antecedent``). Only the
    nearest clause with a subject counts."""
    nouns = _PERSON_NOUNS.get(pron.lower_)
    if nouns is None or pron.dep_ not in ("nsubj", "nsubjpass"):
        return None
    subj = _subject_above(pron)
    if subj is None or subj.i > pron.i or subj.tag_ != "NN":
        return None
    return subj if subj.lower_ in nouns or subj.lower_ in _ANY_PERSON_NOUNS else None


# Verbs that put out what their object says ("released a video that accuses ..."), as written
_PUBLISHING = frozenset(
    f
    for lemma in words("release launch publish issue air post unveil circulate distribute run")
    for f in forms(lemma)
)
_SHARED_SUBJECT = frozenset(("advcl", "conj", "xcomp"))  # a verb that takes its head's subject


def _publisher(noun: Token) -> Token | None:
    """``Paul has released a video that accuses Cruz``, ``the Post ran a piece that noted``: what a
    published item says is said by the one who put it out, the subject of the verb of publishing
    whose object it is (or one of whose objects), or of the verb that one hangs from ("...,
    releasing a statement that"). None for anything else."""
    while noun.dep_ == "conj" and noun.head.i != noun.i:
        noun = noun.head
    if noun.dep_ != "dobj" or noun.head.lower_ not in _PUBLISHING:
        return None
    verb = noun.head
    for _ in range(2):
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subj is not None:
            return subj if subj.tag_ not in ("WP", "WDT") else None
        if verb.dep_ not in _SHARED_SUBJECT or verb.head.i == verb.i:
            return None
        verb = verb.head
    return None


def mention_from(head: Token, offset: int) -> Mention:
    """Build the mention whose syntactic head is ``head`` (a subject, object or pobj)."""
    publisher = _publisher(head.head.head) if head.tag_ == "WDT" and head.head.dep_ == "relcl" else None
    if publisher is not None:
        return mention_from(publisher, offset)
    if head.tag_ in ("WP", "WDT") and head.head.dep_ == "relcl" and head.head.head.i != head.head.i:
        # "Peskov, who said": the local mention is "who"; it is resolved as its antecedent
        ante = mention_from(head.head.head, offset)
        s, e = _span_text([head], offset)
        return replace(ante, start=s, end=e, text=head.text, phrase=ante.resolvable)
    antecedent = _plural_antecedent(head) or _unnamed_antecedent(head)
    if antecedent is not None:
        # the local mention stays "they"; it is resolved as the phrase it stands for
        ante = mention_from(antecedent, offset)
        s, e = _span_text([head], offset)
        return replace(ante, start=s, end=e, text=head.text, phrase=ante.resolvable)
    if head.lower_ in PRONOUNS or head.tag_ in ("PRP", "WP"):
        s, e = _span_text([head], offset)
        return Mention(s, e, head.text, "pronoun", head.lower_)
    after_dash = _after_dateline_dash(head)
    if after_dash is not None:
        head = after_dash
    tokens = _np_tokens(head)
    s, e = _span_text(tokens, offset)
    # the tokens' own text, not a slice of ``Doc.text``, which joins the whole doc on every call
    text = head.doc[tokens[0].i : tokens[-1].i + 1].text
    words = [t.text for t in tokens if t.tag_ not in ("DT", "POS", "PRP$")]
    role: str | None = None
    name: str | None = None
    # the small tagger reads some surnames as common nouns ("Trump said"): trust the capital
    proper = head.tag_ in ("NNP", "NNPS") or (
        head.text[:1].isupper() and head.tag_ == "NN" and not head.is_sent_start
    )
    if proper:
        # the proper-name run that ends at the head; earlier words may be a title
        run_tokens: list[Token] = []
        j = head.i
        while j >= tokens[0].i and (
            head.doc[j].tag_ in ("NNP", "NNPS", "HYPH")
            or head.doc[j].lower_ in _NAME_PARTICLES
            or j == head.i
        ):
            run_tokens.insert(0, head.doc[j])
            j -= 1
        run = _glued(run_tokens)
        before = _glued([t for t in tokens if t.i <= j], frozenset({"DT", "POS", "PRP$"}))
        domain, run = split_office(before, run)
        title, name = split_title(run)
        role_words = before + domain + (title.split() if title else [])
        role = " ".join(role_words) or None
        kind = "plural" if head.tag_ == "NNPS" and len(run) == 1 else "name"
    else:
        kind = "plural" if head.tag_ == "NNS" else "noun"
        role = " ".join(words) or None
    for child in head.children:
        if child.dep_ == "appos":
            ap = _np_tokens(child)
            ap_words = _glued(ap, frozenset({"DT", "POS"}))
            if child.tag_ in ("NNP", "NNPS") and kind != "name":
                # "the Kremlin spokesman, Dmitry Peskov, said": the appositive is the name;
                # "ambassador to Britain Liu Xiaming": its first words may finish the role
                domain, ap_words = split_office(words, ap_words)
                t_role, name = split_title(ap_words)
                kind = "name"
                role = " ".join([*words, *domain]) if domain else role or t_role
            elif child.tag_ in ("NN", "NNS") and kind == "name" and not _content_after_according(head, child):
                role = " ".join(ap_words)
    return Mention(s, e, text, kind, head.text, name, role)
