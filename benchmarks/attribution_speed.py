"""Throughput of ``extract_attributions`` next to a plain full spaCy parse of the same texts.

Both run in the same process on PolNeAR dev (``../shared/corpora/polnear/dev/text``), after one
warm-up call, alternating for ``--rounds`` rounds; the best round of each is reported, in
articles/s and words/s (whitespace-separated words), with the peak resident memory of the process.
The full parse is ``nlp(text)`` with the whole English pipeline, what a naive tool would run.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

from onrecord.attribution import extract_attributions
from onrecord.nlp import load_nlp

ROOT = Path(__file__).resolve().parent.parent
TEXTS = ROOT.parent / "shared" / "corpora" / "polnear" / "dev" / "text"


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
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
