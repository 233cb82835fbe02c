"""The cue lexicon: verbs that report speech, writing, belief or intention.

Word forms are generated here rather than taken from spaCy's lemmatizer, because the lemmatizer
is switched off for speed (see ``onrecord.nlp.PARSE_ONLY_DISABLE``) and because a fixed table
also drives the cheap regular-expression pre-filter that decides which sentences get parsed.
"""

from __future__ import annotations

import re
from importlib import resources


def words(s: str) -> list[str]:
    """Split a whitespace-separated word list (a readable way to write long lexicons)."""
    return s.split()


# Verbs whose clause (ccomp) or quotation is what was said.
SPEECH = words(
    "say tell add note stress emphasize emphasise warn argue claim insist suggest confirm deny "
    "reiterate recall write vow announce point explain state declare assert acknowledge admit "
    "contend maintain predict promise pledge report reply respond answer ask complain concede "
    "conclude continue caution charge allege agree disagree observe remark comment testify "
    "tweet post email indicate reveal disclose signal hint mention boast joke quip muse "
    "lament scoff retort counter affirm underline underscore assure urge demand "
    "propose threaten estimate tout stress clarify specify inform remind concur proclaim "
    "announce insinuate speculate grumble criticize criticise accuse praise blast slam "
    "call describe dismiss reject defend endorse question decry grouse label herald imply refer "
    "echo add"
)

# Reported beliefs and intentions, which PolNeAR also annotates.
# ("feel", "intend", "seem" and "find" were dropped: under these rules fewer than a third of
# their PolNeAR train attributions were right, which lowers F1.)
BELIEF = words("believe think want hope fear expect know worry doubt plan")

# Verbs that count only with a clause, an infinitive or a quotation, never with a bare object
# ("he added the amendment", "she wrote the book", "I know him").
CLAUSE_ONLY = frozenset(
    words(
        "add write continue post know feel think believe hope fear expect ask answer reply respond "
        "point report tell remind inform charge seem plan intend want"
    )
)

# Verbs whose direct object is itself reported content ("denied the allegations").
OBJECT_CONTENT = frozenset(
    words(
        "deny confirm announce dismiss describe reject defend endorse criticize criticise praise "
        "question predict propose promise pledge acknowledge admit claim reveal disclose "
        "call accuse blast slam tout reiterate decry label herald"
    )
)

# Learned forms left out: nouns and adjectives (only verbs are parsed as cues), and "find".
NOT_VERB_CUES = words(
    "according find finds assertion assumption complaints eager wary outspoken impassioned titled reads"
)

_IRREGULAR: dict[str, tuple[str, ...]] = {
    "say": ("say", "says", "said", "saying"),
    "tell": ("tell", "tells", "told", "telling"),
    "write": ("write", "writes", "wrote", "written", "writing"),
    "think": ("think", "thinks", "thought", "thinking"),
    "know": ("know", "knows", "knew", "known", "knowing"),
    "feel": ("feel", "feels", "felt", "feeling"),
    "hold": ("hold", "holds", "held", "holding"),
    "seem": ("seem", "seems", "seemed", "seeming"),
    "go": ("go", "goes", "went", "going"),
    "break": ("break", "breaks", "broke", "breaking"),
    "shoot": ("shoot", "shoots", "shot", "shooting"),
    "hit": ("hit", "hits", "hitting"),
    "cut": ("cut", "cuts", "cutting"),
    "run": ("run", "runs", "ran", "running"),
}


def forms(lemma: str) -> tuple[str, ...]:
    """Regular English inflections; good enough for a closed list of verbs."""
    if lemma in _IRREGULAR:
        return _IRREGULAR[lemma]
    if lemma.endswith("e"):
        stem = lemma[:-1]
        return (lemma, lemma + "s", stem + "ed", stem + "ing")
    if lemma.endswith("y") and lemma[-2] not in "aeiou":
        stem = lemma[:-1]
        return (lemma, stem + "ies", stem + "ied", lemma + "ing")
    if lemma.endswith(("s", "sh", "ch", "x")):
        return (lemma, lemma + "es", lemma + "ed", lemma + "ing")
    if re.fullmatch(r"[^aeiou]*[aeiou][bdgmnpt]", lemma) or lemma in {"admit", "quip", "regret"}:
        # CVC words double the consonant: admit -> admitted, quip -> quipped
        return (lemma, lemma + "s", lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing")
    return (lemma, lemma + "s", lemma + "ed", lemma + "ing")


LEMMA_OF: dict[str, str] = {}
for _lemma in (*SPEECH, *BELIEF, "quote", "cite"):
    for _form in forms(_lemma):
        LEMMA_OF.setdefault(_form, _lemma)


def _learned() -> dict[str, tuple[str, str]]:
    """Word forms learned from PolNeAR train (see ``build_lexicon``): form -> (lemma, preposition)."""
    # shipped as package data (pyproject: onrecord = ["attribution/cue_forms.tsv", ...]); a
    # missing file is an installation error and fails loudly here rather than degrading recall
    text = resources.files("onrecord.attribution").joinpath("cue_forms.tsv").read_text(encoding="utf-8")
    out: dict[str, tuple[str, str]] = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            cols = line.split("\t")
            out[cols[0]] = (cols[1], cols[4] if len(cols) > 4 else "")
    return out


LEARNED_FORMS = _learned()
# Learned lemmas whose attributions under these rules were right less than 55% of the time on
# PolNeAR train ("offer", "seek", "focus on" are as often plain actions as reports), and the
# hand-list verbs dropped above.
LOW_PRECISION = words(
    "feel intend seem find highlight lashed restricting anger distance challenge railed consider "
    "nominate persuade project focus likened offer regard seek sought referred sound convince "
    "encourage rebuke pleaded appear remember"
)
# Learned cues that are not in the hand-written lexicon: their object, clause or infinitive is
# content ("endorsed Clinton", "mocked the plan", "declined to comment").
LEARNED = (
    frozenset(
        lemma for f, (lemma, _) in LEARNED_FORMS.items() if f not in LEMMA_OF and f not in NOT_VERB_CUES
    )
    - frozenset(LEMMA_OF.values())
    - frozenset(LOW_PRECISION)
)
# The preposition whose object is the content ("referring to X", "railed against X").
PREP_CONTENT: dict[str, str] = {
    LEMMA_OF.get(f, lemma): p for f, (lemma, p) in LEARNED_FORMS.items() if p and f != "according"
}
for _lemma in sorted(LEARNED):
    for _form in forms(_lemma):
        LEMMA_OF.setdefault(_form, _lemma)

CUE_LEMMAS = frozenset(SPEECH) | frozenset(BELIEF) | LEARNED

# Nouns of saying whose "that" clause is content when they have a possessor ("her claim that").
NOMINAL_CUES = frozenset(
    words(
        "statement statements claim claims assertion suggestion announcement warning promise pledge "
        "threat insistence argument belief hope fear vow demand contention allegation accusation "
        "admission prediction remark remarks comment comments assurance assurances view"
    )
)

# Pre-filter: a sentence is worth parsing only when it holds a quotation mark, a cue word form,
# or "according to". Quote characters: straight and curly double quotes, and guillemets.
CANDIDATE_RE = re.compile(
    r"[\"\u201c\u201d\u00ab\u00bb\u201e\u2018]|''|\baccording to\b|\b(?:"
    + "|".join(sorted(set(LEMMA_OF) | NOMINAL_CUES, key=len, reverse=True))
    + r")\b",
    re.IGNORECASE,
)


def lemma_of(word: str) -> str | None:
    """The cue lemma of a word form, or None when the word is not a cue."""
    return LEMMA_OF.get(word.lower())


def opens_inverted_report(word: str) -> bool:
    """A past-tense cue that can open an inverted report ("Stated Stone:", "Added Peskov"); only
    past forms, so that a first name that is also a cue ("Hope Hicks") stays a name."""
    w = word.lower()
    return w.endswith(("ed", "said", "told", "wrote")) and lemma_of(w) in CUE_LEMMAS
