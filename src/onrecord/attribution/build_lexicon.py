"""Build ``cue_forms.tsv``, the data-driven part of the cue lexicon, from PolNeAR train.

Run ``python -m onrecord.attribution.build_lexicon ../shared/corpora/polnear/train`` (it writes
the file next to this module; ``--out PATH`` writes elsewhere). Only the training split is read.

For every lower-cased word form it counts how often the form occurs in the article texts and how
often that occurrence lies inside a gold Cue span (first annotator of each article, as the scorer
does). A form is kept when it is a cue at least ``MIN_SUPPORT`` times with a cue rate of at least
``MIN_RATE``; adverbs (``-ly``) and function words are left out because they only ever sit beside
the real cue ("also said", "publicly criticized"). When one preposition follows the form inside
its cue spans in at least ``MIN_PREP_SHARE`` of them ("referring to", "railed against"), the
preposition is recorded: its object is what the cue reports.
"""

from __future__ import annotations

import argparse
import collections
import re
from pathlib import Path

from onrecord.attribution.cues import forms

MIN_SUPPORT = 5
MIN_RATE = 0.5
MIN_PREP_SHARE = 0.3
PREPOSITIONS = frozenset(
    ["to", "about", "for", "against", "on", "of", "with", "at", "as", "over", "into", "from"]
)
# Forms that sit inside cue spans without being the cue: auxiliaries, particles, function words.
SKIP = frozenset(
    [
        "also",
        "has",
        "have",
        "had",
        "is",
        "was",
        "were",
        "be",
        "been",
        "being",
        "will",
        "would",
        "could",
        "should",
        "may",
        "might",
        "do",
        "does",
        "did",
        "not",
        "n't",
        "that",
        "the",
        "a",
        "an",
        "to",
        "in",
        "on",
        "of",
        "for",
        "with",
        "by",
        "as",
        "and",
        "or",
        "but",
        "it",
        "its",
        "his",
        "her",
        "their",
        "this",
    ]
)
_WORD = re.compile(r"[A-Za-z][A-Za-z'\u2019-]*")
HERE = Path(__file__).resolve().parent / "cue_forms.tsv"


def _cue_spans(ann: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for line in ann.splitlines():
        parts = line.split("\t")
        if len(parts) > 1 and parts[0].startswith("T") and parts[1].startswith("Cue "):
            for seg in parts[1][4:].split(";"):
                a, b = seg.split()
                spans.append((int(a), int(b)))
    return spans


def _lemma(form: str, occurrences: collections.Counter[str]) -> str:
    """The base form: of the stems whose regular inflections include ``form``, the one whose bare
    or third-person form is most frequent in the corpus (``challenged`` -> challenge)."""
    stems = [form]
    for suffix, repl in (
        ("ies", "y"),
        ("ied", "y"),
        ("es", ""),
        ("s", ""),
        ("ed", ""),
        ("d", ""),
        ("ing", ""),
    ):
        if form.endswith(suffix) and len(form) > len(suffix) + 2:
            stem = form[: -len(suffix)] + repl
            stems += [stem, stem + "e", stem[:-1]]
    valid = [st for st in stems if st == form or form in forms(st)]
    return max(valid, key=lambda st: (occurrences[st] + occurrences[forms(st)[1]], st == form))


def collect(base: Path) -> list[tuple[str, str, int, int, str]]:
    """(form, lemma, times in a cue, occurrences, dominant preposition or "") for the kept forms."""
    occurrences: collections.Counter[str] = collections.Counter()
    in_cue: collections.Counter[str] = collections.Counter()
    preps: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    chosen: dict[str, Path] = {}
    for ann_path in sorted((base / "attributions").glob("*.ann")):
        chosen.setdefault(ann_path.name.rsplit("_", 1)[0], ann_path)
    for stem, ann_path in chosen.items():
        text = (base / "text" / f"{stem}.txt").read_text(encoding="utf-8")
        cues = _cue_spans(ann_path.read_text(encoding="utf-8"))
        for m in _WORD.finditer(text):
            form = m.group().lower()
            occurrences[form] += 1
            cue = next(((a, b) for a, b in cues if a <= m.start() < b), None)
            if cue is None:
                continue
            in_cue[form] += 1
            nxt = _WORD.match(text, m.end() + 1) if m.end() < cue[1] else None
            if nxt is not None and nxt.start() < cue[1] and nxt.group().lower() in PREPOSITIONS:
                preps[form][nxt.group().lower()] += 1
    rows = []
    for form, n in in_cue.items():
        rate = n / occurrences[form]
        if n < MIN_SUPPORT or rate < MIN_RATE or form in SKIP or form.endswith("ly"):
            continue
        prep = ""
        if preps[form]:
            p, k = preps[form].most_common(1)[0]
            prep = p if k >= MIN_PREP_SHARE * n else ""
        rows.append((form, _lemma(form, occurrences), n, occurrences[form], prep))
    rows.sort(key=lambda r: (-r[2], r[0]))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("train", type=Path, help="PolNeAR train directory (text/, attributions/)")
    parser.add_argument("--out", type=Path, default=HERE)
    args = parser.parse_args()
    rows = collect(args.train)
    head = [
        "# Cue word forms learned from PolNeAR train by onrecord/attribution/build_lexicon.py:",
        f"# kept when inside a gold Cue span >= {MIN_SUPPORT} times with a cue rate >= {MIN_RATE}.",
        "# Lemma: of the stems that inflect to the form, the most frequent in train as a word.",
        "# form<TAB>lemma<TAB>times in a cue<TAB>occurrences<TAB>preposition whose object is content",
    ]
    lines = ["\t".join(map(str, row)) for row in rows]
    args.out.write_text("\n".join(head + lines) + "\n", encoding="utf-8")
    print(f"wrote {len(rows)} forms to {args.out}")


if __name__ == "__main__":
    main()
