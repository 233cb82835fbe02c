"""What a person's role is, once the words around their name have been read.

A role is learned from the words before a name ("Kremlin spokesman Dmitry Peskov"), from an
appositive beside it ("Hugh Hill, a doctor at the clinic,") or from a title in front of it. Those
words are cut from running text, so they can hold the sentence's words too: "events in St. Lucie
counties and former President Bill Clinton", "the disclosure that Clinton lawyer Cheryl Mills",
"Everything Trump says". ``clean_role`` keeps the role and drops the rest, so that what a user
reads under a speaker's roles, and what "the president" is resolved by, is a role.
"""

from __future__ import annotations

import re

from onrecord.attribution.cues import words
from onrecord.attribution.mentions import ROLE_WORDS

__all__ = ["TITLES", "clean_role"]

# Abbreviated titles, spelled out so that "Gov. Eric Holcomb" makes him "the governor".
TITLES = {
    "gov.": "governor",
    "gov": "governor",
    "sen.": "senator",
    "sen": "senator",
    "rep.": "representative",
    "rep": "representative",
    "gen.": "general",
    "gen": "general",
    "pres.": "president",
    "prof.": "professor",
    "amb.": "ambassador",
    "atty.": "attorney",
    "dr.": "doctor",
}
# Role words that only qualify another ("former President", "Vice President", "Secretary of
# State"): a role ending with one has lost its noun ("tweets shaming former Miss Universe ...")
_QUALIFIERS = frozenset(words("former vice prime foreign defense defence press interior state first"))
_ROLE_NOUNS = ROLE_WORDS - _QUALIFIERS
# Words that end a clause of the sentence before a role ("the disclosure that Clinton lawyer
# Cheryl Mills"); "and" and "or" only after a plural noun ("events in St. Lucie counties and
# former President Bill Clinton"), as they also join a role's modifiers ("Christian and corporate
# speaker")
_ROLE_BREAKS = frozenset(words("but that which who whom whose when while after before because if than"))
_JOINS = frozenset(words("and or"))
_RELATIVE_AFTER = re.compile(r",\s*(?:who|whom|whose|which)\b")
# Words that stand before a name without describing the person ("Everything Trump says", "Both
# Larry King and ...", "One Republican")
_NO_ROLE = frozenset(
    words(
        "the a an this that these those his her their its our my your every each any some all both "
        "either neither another such many most few several one everything everyone anything "
        "anyone nothing something someone what whatever which who whom whose even only also"
    )
)


def _key(word: str) -> str:
    return word.lower().strip(".,;:\u2019'\"")


def _is_noun(key: str) -> bool:
    return key in _ROLE_NOUNS or f"{key}." in TITLES


def _plural(ws: list[str], k: int) -> bool:
    """Does a lower-case plural noun come right before word ``k`` ("counties and")?"""
    return k > 0 and ws[k - 1].islower() and ws[k - 1].endswith("s")


def clean_role(role: str) -> str | None:
    """The role in ``role`` without the sentence's words caught with it; None when none is left.

    Before a name the role ends with its noun and starts after any clause break ("St. Lucie
    counties and former President" is "former President"); beside a name the noun comes first,
    and a relative clause after it is the sentence's ("mother of Sean Smith, who died in 2012" is
    "mother of Sean Smith"). A title of address after an office goes ("Chairman Rep." is
    "Chairman"; "Lt. Gov." stays). "former", "State" and "Everything" are no roles.
    """
    relative = _RELATIVE_AFTER.search(role)
    if relative is not None:
        role = role[: relative.start()]
    ws = role.split()
    keys = [_key(w) for w in ws]
    if keys and (keys[-1] in ROLE_WORDS or _is_noun(keys[-1])):
        breaks = [k for k, w in enumerate(keys[:-1]) if w in _ROLE_BREAKS or (w in _JOINS and _plural(ws, k))]
        if breaks and not any(_is_noun(w) for w in keys[: breaks[-1]]):
            ws, keys = ws[breaks[-1] + 1 :], keys[breaks[-1] + 1 :]
    if (
        len(ws) > 1
        and ws[-1].endswith(".")
        and f"{keys[-1]}." in TITLES
        and keys[-2] in _ROLE_NOUNS  # not "Lt. Gov.", "spokesman for Sen."
        and not ws[-2].endswith(".")
    ):
        ws, keys = ws[:-1], keys[:-1]
    if not ws or all(w in _NO_ROLE for w in keys):
        return None
    if keys[-1] in _QUALIFIERS and not any(_is_noun(w) for w in keys) and (ws[-1].islower() or len(ws) <= 2):
        # a qualifier without its noun ("former", "State"), unless it ends a longer name
        # ("member of ... Machinists in Washington State")
        return None
    return " ".join(ws)
