"""Throughput of ``extract_attributions`` next to a plain full spaCy parse of the same texts.

Both run in the same process on PolNeAR dev (``../shared/corpora/polnear/dev/text``), after one
warm-up call, alternating for ``--rounds`` rounds; the best round of each is reported, in
articles/s and words/s (whitespace-separated words), with the peak resident memory of the process.
The full parse is ``nlp(text)`` with the whole English pipeline, what a naive tool would run.

``--huge`` instead times ``onrecord.extract`` on synthetic quote-dense texts of 60 KB and 280 KB
with no line break (a scraped page glued into one paragraph; see ``huge_text``), smallest first,
with the peak resident memory of the process after each: extraction should grow linearly.
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import time
from pathlib import Path

import onrecord
from onrecord.attribution import extract_attributions
from onrecord.attribution.cues import words
from onrecord.attribution.quotes import find_quotes
from onrecord.nlp import load_nlp

ROOT = Path(__file__).resolve().parent.parent
TEXTS = ROOT.parent / "shared" / "corpora" / "polnear" / "dev" / "text"


HUGE_SIZES = (60_000, 280_000)
_FIRST = words("Anna Piet Ines Aldo Lena Marek Sofia Jonas Clara Tomas Maya Karl")
_LAST = words("Kowalski Maas Duarte Ferri Ortiz Novak Lindqvist Berger Haas Moreau Costa Weber")
_ROLES = ("the mayor", "a spokesman", "the minister", "a union leader", "the senator", "an aide")
# direct quotes with the cue after or before them, quotes inside a paraphrase, lone quotes, scare
# quotes, single quotes, inverted reports and plain reported speech
_SENTENCES = (
    '"We will not retreat," said {name}.',
    'Officials added that talks "were stalled" after {last} spoke.',
    '{name} told reporters: "The budget is a disgrace and we will vote against it."',
    '"Nobody should doubt it," {role} said, adding that the bridge opens in May.',
    '{last} said the plan was "a step backwards for everyone in the region."',
    '"It is over. We are done here and we will go home," {last} added.',
    '"This is the final offer, and it will not change."',
    'The so-called "reform" was criticised by {name}, {role}.',
    "{name}, {role}, warned that prices would rise.",
    "According to {last}, the deal 'is dead' and talks will end.",
    '"Will he resign?" a reporter asked {last}.',
    'As {last} put it, "there is no money left for the schools."',
)


def huge_text(size: int, seed: int = 7) -> str:
    """``size`` characters of varied quote-dense sentences with no line break, the same every time."""
    rnd = random.Random(seed)
    parts: list[str] = []
    length = 0
    while length < size:
        first, last = rnd.choice(_FIRST), rnd.choice(_LAST)
        sentence = rnd.choice(_SENTENCES)
        parts.append(sentence.format(name=f"{first} {last}", last=last, role=rnd.choice(_ROLES)))
        length += len(parts[-1]) + 1
    return " ".join(parts)[:size]


def huge() -> int:
    onrecord.extract('"We are ready," said Anna Maas.')  # load the models first
    print(f"{'text (one paragraph)':<24}{'quotes':>8}{'found':>8}{'seconds':>10}{'peak RSS MiB':>14}")
    for size in HUGE_SIZES:
        text = huge_text(size)
        started = time.perf_counter()
        found = onrecord.extract(text)
        seconds = time.perf_counter() - started
        peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        quotes = len(find_quotes(text, [(0, len(text))]))
        print(f"{f'{len(text) // 1000} KB':<24}{quotes:>8}{len(found):>8}{seconds:>10.1f}{peak_mib:>14.0f}")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--huge", action="store_true", help="time synthetic one-paragraph texts instead")
    args = parser.parse_args()
    if args.huge:
        return huge()
    if not TEXTS.is_dir():
        print(f"skipped: corpus not found at {TEXTS}")
        return 0
    texts = [p.read_text(encoding="utf-8") for p in sorted(TEXTS.glob("*.txt"))]
    words = sum(len(t.split()) for t in texts)
    nlp = load_nlp()
    extract_attributions(texts[0])
    full_best = extract_best = float("inf")
    for _ in range(args.rounds):
        started = time.perf_counter()
        for t in texts:
            nlp(t)
        full_best = min(full_best, time.perf_counter() - started)
        started = time.perf_counter()
        for t in texts:
            extract_attributions(t)
        extract_best = min(extract_best, time.perf_counter() - started)
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"PolNeAR dev: {len(texts)} articles, {words} words; best of {args.rounds} rounds")
    print(f"{'method':<28}{'articles/s':>12}{'words/s':>12}")
    print(f"{'full spaCy parse':<28}{len(texts) / full_best:>12.1f}{words / full_best:>12.0f}")
    print(f"{'onrecord extract':<28}{len(texts) / extract_best:>12.1f}{words / extract_best:>12.0f}")
    print(f"speed-up: {full_best / extract_best:.2f}x; peak memory (RSS) {peak_mib:.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
