"""Name forms: titles stripped, parts split, and the similarity tests that decide a merge.

Everything here is generic string work, with no list of particular people. Names are compared part
by part (given name, middle names, surname) so that a shared surname never by itself makes two
people one: "Kyle Busch" and "Kurt Busch" differ in the given name, which must agree on its own.

Similarity is Jaro-Winkler (rapidfuzz), the measure record linkage uses for personal names: it
rewards a shared beginning and tolerates a dropped, doubled or swapped letter in the middle, which
is what spelling errors in names look like ("Vladmir", "Zelenksy").
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import JaroWinkler

# Two name parts whose transliteration keys differ are still one name when their Jaro-Winkler
# similarity reaches this. At 0.92 a dropped or swapped letter in a 7-letter name passes
# ("vladmir"/"vladimir" 0.95, "zelenksi"/"zelenski" 0.97) while most distinct names do not
# ("dan"/"don" 0.80, "kile"/"kurt" 0.50); the length, first-letter and last-letter rules in
# part_match catch the close ones ("jon"/"john" 0.93, "daniel"/"daniela" 0.97).
NAME_SIMILARITY = 0.92
# Parts shorter than this must match exactly (after transliteration folding): in a short name one
# letter is a different name ("Jon"/"John", "Bush"/"Busch"), not a spelling error.
MIN_FUZZY_LENGTH = 5
# Place and organisation words are also compared by consonant skeleton ("Kiev"/"Kyiv" -> "kv"), as
# long as they are this long and at least this similar. Never for people: "Dan"/"Don" share one.
MIN_SKELETON_LENGTH = 4
SKELETON_SIMILARITY = 0.80


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Words that precede a name and are a courtesy, not a role worth recording.
_HONORIFICS = _words("mr mrs ms miss mx dr sir dame lord prof rev reverend fr father sheikh rabbi imam")
# Words that precede a name and are a role: stripped from the name, kept as a role.
_TITLE_WORDS = _words(
    """president vice prime minister chancellor premier king queen prince princess pope emir
    sultan tsar czar crown senator sen representative rep congressman congresswoman governor gov
    mayor secretary general gen lt col colonel maj major capt captain adm admiral sgt sergeant judge
    justice chief deputy foreign defense defence finance interior state attorney former acting
    ambassador envoy spokesman spokeswoman spokesperson commissioner chairman chairwoman chair
    director ceo speaker leader ayatollah archbishop bishop cardinal first lady"""
)
# Lower-case words that may sit inside a title ("Secretary of State", "Prince of Wales").
_TITLE_JOINERS = frozenset({"of", "the", "for"})
_ARTICLES = frozenset({"the", "a", "an"})
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
# Surname particles: "Ursula von der Leyen" has the surname "von der Leyen", keyed as "leyen".
_PARTICLES = _words("de da di del della van von der den ter bin ibn al el le la du dos das")
_VOWELS = frozenset("aeiou")
# Spelling and romanisation variants folded before comparing: Zelenskyy/Zelenskiy -> zelenski,
# Peskow -> peskov, Aleksandr/Alexandr -> aleksandr, Mikhail/Mihail -> mihail.
_FOLDS = (("tch", "ch"), ("kh", "h"), ("ph", "f"), ("ck", "k"), ("x", "ks"), ("w", "v"), ("y", "i"))
_REPEATS = re.compile(r"(.)\1+")
_ARABIC_ARTICLE = re.compile(r"^(?:al|el)-(?=\w)", re.IGNORECASE)


def ascii_fold(text: str) -> str:
    """Accents removed and case folded: "Müller" -> "muller"."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def tidy(text: str) -> str:
    """One space between words, no possessive, no surrounding punctuation (nor markup a scrape
    left glued to a name: '">Sanders')."""
    out = " ".join(text.replace("\u2019", "'").split())
    out = re.sub(r"'s$", "", out)
    return re.sub(r"^[^\w@#]+|[^\w.)]+$", "", out)


def form_key(text: str) -> str:
    """The key under which two spellings are the same form: "the Kremlin" == "KREMLIN"."""
    return " ".join(ascii_fold(text).replace(".", "").split())


@lru_cache(maxsize=1 << 16)  # pure; each name part is compared with many candidates
def translit_key(token: str) -> str:
    """A name part with romanisation variants folded, doubled letters collapsed, non-letters gone."""
    text = ascii_fold(_ARABIC_ARTICLE.sub("", token))
    text = "".join(c for c in text if c.isalnum())
    for old, new in _FOLDS:
        text = text.replace(old, new)
    return _REPEATS.sub(r"\1", text)


def _skeleton(key: str) -> str:
    return key[:1] + "".join(c for c in key[1:] if c not in _VOWELS)


def part_match(a: str, b: str, *, fuzzy: bool = True, skeleton: bool = False) -> bool:
    """Whether two name parts (single words or particle-joined surnames) are one name."""
    ka, kb = translit_key(a), translit_key(b)
    if ka == kb:
        return bool(ka)
    if not fuzzy or not ka or ka[0] != kb[:1]:
        return False  # a different first letter is a different name (spelling slips come later)
    score = JaroWinkler.similarity(ka, kb)
    long_enough = min(len(a), len(b)) >= MIN_SKELETON_LENGTH
    if skeleton and long_enough and score >= SKELETON_SIMILARITY and _skeleton(ka) == _skeleton(kb):
        return True
    if min(len(ka), len(kb)) < MIN_FUZZY_LENGTH:
        return False
    # A different last letter is a different name, often the other gender's ("Daniel"/"Daniela",
    # "Ivanov"/"Ivanova"), not a typo; romanised endings (-y/-iy/-yy) were folded already.
    return ka[-1] == kb[-1] and score >= NAME_SIMILARITY


def _is_title(word: str) -> bool:
    w = word.lower().rstrip(".")
    return w in _HONORIFICS or w in _TITLE_WORDS


def strip_titles(name: str, type_: str) -> tuple[str, str | None]:
    """("President Donald Trump", "person") -> ("Donald Trump", "President").

    Leading articles go from every name; honorifics and titles only from people's names, and only
    while a word of the name remains ("Prince" alone is kept as it is).
    """
    words = tidy(name).split()
    while len(words) > 1 and words[0].lower() in _ARTICLES:
        words.pop(0)
    if type_ != "person":
        return " ".join(words), None
    k = 0
    while k < len(words) - 1:
        if _is_title(words[k]) or (k > 0 and words[k].lower() in _TITLE_JOINERS):
            k += 1
            continue
        break
    while k > 0 and words[k - 1].lower() in _TITLE_JOINERS:  # "Secretary of" + name: give "of" back
        k -= 1
    if all(_is_title(w) for w in words[k:]):
        k = 0  # "First Lady", "Prince": the title is all there is, so it is the name
    role_words = [w for w in words[:k] if w.lower().rstrip(".") not in _HONORIFICS]
    role = " ".join(role_words) if role_words else None
    return " ".join(words[k:]), role


@dataclass(frozen=True, slots=True)
class PersonName:
    """A person's name in parts. ``given`` is empty for a surname-only mention ("Putin")."""

    given: str | None
    middles: tuple[str, ...]
    surname: str
    suffix: str | None

    @property
    def full(self) -> bool:
        return self.given is not None

    @property
    def specificity(self) -> int:
        """How much of the name is known: surname 0, initial 1, given name 2, plus middle names."""
        if self.given is None:
            return 0
        return (1 if _is_initial(self.given) else 2) + len(self.middles)


def _is_initial(word: str) -> bool:
    return len(word.rstrip(".")) == 1


def parse_person(name: str) -> PersonName:
    words = name.replace(",", " ").split()
    suffix = None
    if len(words) > 1 and words[-1].lower().rstrip(".") in _SUFFIXES:
        suffix = words.pop().lower().rstrip(".")
    # The surname starts at the first particle after the given name, else it is the last word.
    start = len(words) - 1
    for k in range(1, len(words) - 1):
        if words[k].lower() in _PARTICLES:
            start = k
            break
    if words and words[0].lower() in _PARTICLES:
        start = 0
    surname_words = [w for w in words[start:] if w.lower() not in _PARTICLES] or words[start:]
    surname = " ".join(surname_words)
    if start == 0:
        return PersonName(None, (), surname, suffix)
    return PersonName(words[0], tuple(words[1:start]), surname, suffix)


def _given_match(a: str, b: str) -> bool:
    if _is_initial(a) or _is_initial(b):
        return translit_key(a)[:1] == translit_key(b)[:1]
    return part_match(a, b)


def persons_compatible(a: PersonName, b: PersonName, *, loose: bool = False) -> bool:
    """Whether two person names can be one person, each part compared on its own.

    A surname-only name needs the surname to agree exactly (after folding): joining it to a full
    name is already an inference, so it gets no spelling slack. Names with given names get fuzzy
    matching on both parts, which together are strong evidence. ``loose`` gives the surname-only
    case the same slack: it asks "do these contradict each other?" rather than "is this a match?".
    """
    if a.suffix != b.suffix:
        return False  # "Donald Trump Jr." is not "Donald Trump"
    if a.given is None or b.given is None:
        return part_match(a.surname, b.surname, fuzzy=loose)
    if not part_match(a.surname, b.surname) or not _given_match(a.given, b.given):
        return False
    if a.middles and b.middles:
        return len(a.middles) == len(b.middles) and all(
            _given_match(x, y) for x, y in zip(a.middles, b.middles, strict=True)
        )
    return True


def names_compatible(a: str, b: str) -> bool:
    """Whether two organisation or group names are one: the same number of words, each one name."""
    wa, wb = a.split(), b.split()
    return len(wa) == len(wb) and all(part_match(x, y, skeleton=True) for x, y in zip(wa, wb, strict=True))
