"""Score onrecord's plain-text cleaner on the Scrapinghub article-extraction benchmark.

Input: ``../shared/corpora/article-extraction-benchmark/`` (relative to the repository root):
``output/inscriptis.json`` holds each page rendered to plain text by a text browser (menus,
teasers, footers and all) and ``ground-truth.json`` the article body a person marked.

Scoring follows the benchmark's own ``evaluate.py``: tokens are ``\\w+`` runs (case kept, no
lowercasing), shingles are runs of 4 tokens counted as a multiset, per page tp/fp/fn are
normalised to sum to 1, precision and recall are averaged over pages, and F1 is the harmonic mean
of the two averages. The ground truth leaves out the headline, so the cleaner is scored on
``body`` alone; the row "cleaner + title" shows what prepending the title would do.

The 181 pages are split by ``sha1(page id)`` parity into a "dev" half (rules were tuned looking
at it) and a "test" half (looked at only through this table), so overfitting shows as a gap.

Usage: ``clean_benchmark.py`` prints a table; ``--json`` prints the figures as JSON; ``--gate``
fails (exit 1) when the cleaner's F1 on all pages is below the floor in ``clean_baseline.json``
or the corpus is not the one the floor was measured on. Without the corpus it exits 0, skipped.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from onrecord.clean import clean_text

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpora" / "article-extraction-benchmark"
INPUT = Path("output") / "inscriptis.json"
TRUTH = Path("ground-truth.json")
BASELINE = Path(__file__).resolve().parent / "clean_baseline.json"

_TOKEN = re.compile(r"\w+")
SHINGLE = 4
# The naive rule: keep lines of at least this many words that end like a sentence.
NAIVE_MIN_WORDS = 8
_NAIVE_END = re.compile(r"""[.!?]['"\u2019\u201d)]*$""")

TpFpFn = tuple[float, float, float]


def _shingles(text: str) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN.findall(text)
    grams = (tuple(tokens[i : i + SHINGLE]) for i in range(max(1, len(tokens) - SHINGLE + 1)))
    return Counter(g for g in grams if g)


def match(true: str, pred: str) -> TpFpFn:
    """Normalised (tp, fp, fn) of the shingle multisets, as in the benchmark's evaluate.py."""
    t, p = _shingles(true), _shingles(pred)
    tp = sum((t & p).values())
    fp = sum((p - t).values())
    fn = sum((t - p).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def _precision(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fp == 0 else tp / (tp + fp)


def _recall(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fn == 0 else tp / (tp + fn)


@dataclass(frozen=True)
class Score:
    f1: float
    precision: float
    recall: float


def score(results: list[TpFpFn]) -> Score:
    if not results:
        return Score(0.0, 0.0, 0.0)
    precisions = [_precision(*r) for r in results if r[0] + r[1] > 0]
    recalls = [_recall(*r) for r in results if r[0] + r[2] > 0]
    p = statistics.mean(precisions) if precisions else 0.0
    r = statistics.mean(recalls) if recalls else 0.0
    return Score(2 * p * r / (p + r) if p + r else 0.0, p, r)


def is_dev(page_id: str) -> bool:
    """The deterministic half of the pages that rules were tuned on."""
    return hashlib.sha1(page_id.encode()).digest()[-1] % 2 == 0


def whole_text(text: str) -> str:
    return text


def naive_rule(text: str) -> str:
    keep = [
        ln.strip()
        for ln in text.splitlines()
        if len(ln.split()) >= NAIVE_MIN_WORDS and _NAIVE_END.search(ln.strip())
    ]
    return "\n\n".join(keep)


def cleaner(text: str) -> str:
    return clean_text(text).body


def cleaner_with_title(text: str) -> str:
    result = clean_text(text)
    return f"{result.title.text}\n\n{result.body}" if result.title else result.body


METHODS: dict[str, Callable[[str], str]] = {
    "whole text": whole_text,
    f"{NAIVE_MIN_WORDS}+ words ending in punctuation": naive_rule,
    "onrecord cleaner (body)": cleaner,
    "onrecord cleaner + title": cleaner_with_title,
}
GATED = "onrecord cleaner (body)"


def dataset_sha256(corpus: Path) -> str:
    digest = hashlib.sha256()
    for rel in (INPUT, TRUTH):
        digest.update((corpus / rel).read_bytes())
    return digest.hexdigest()


def run(corpus: Path) -> dict[str, dict[str, float]]:
    pages = json.loads((corpus / INPUT).read_text(encoding="utf-8"))["output"]
    truth = json.loads((corpus / TRUTH).read_text(encoding="utf-8"))
    ids = sorted(truth)
    table: dict[str, dict[str, float]] = {}
    for name, method in METHODS.items():
        started = time.perf_counter()
        preds = {i: method(pages[i]["articleBody"]) for i in ids}
        seconds = time.perf_counter() - started
        results = {i: match(truth[i]["articleBody"], preds[i]) for i in ids}
        dev = score([results[i] for i in ids if is_dev(i)])
        test = score([results[i] for i in ids if not is_dev(i)])
        every = score(list(results.values()))
        table[name] = {
            "f1_dev": dev.f1,
            "f1_test": test.f1,
            "f1_all": every.f1,
            "precision": every.precision,
            "recall": every.recall,
            "seconds": seconds,
        }
    return table


def print_table(table: dict[str, dict[str, float]], n_dev: int, n_test: int) -> None:
    print(f"pages: {n_dev + n_test} (dev half {n_dev}, test half {n_test})")
    header = f"{'method':<36} {'F1 dev':>7} {'F1 test':>7} {'F1 all':>7} {'prec':>7} {'recall':>7} {'sec':>6}"
    print(header)
    print("-" * len(header))
    for name, row in table.items():
        print(
            f"{name:<36} {row['f1_dev']:>7.4f} {row['f1_test']:>7.4f} {row['f1_all']:>7.4f} "
            f"{row['precision']:>7.4f} {row['recall']:>7.4f} {row['seconds']:>6.2f}"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--gate", action="store_true", help="fail below the pinned F1 floor")
    parser.add_argument("--json", action="store_true", help="print results as JSON")
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="benchmark directory")
    args = parser.parse_args(argv)
    corpus: Path = args.corpus
    if not (corpus / INPUT).is_file() or not (corpus / TRUTH).is_file():
        print(f"skipped: corpus not found at {corpus}")
        return 0
    sha = dataset_sha256(corpus)
    table = run(corpus)
    truth_ids = json.loads((corpus / TRUTH).read_text(encoding="utf-8")).keys()
    n_dev = sum(is_dev(i) for i in truth_ids)
    if args.json:
        print(json.dumps({"dataset_sha256": sha, "methods": table}, indent=2))
    else:
        print_table(table, n_dev, len(truth_ids) - n_dev)
    if not args.gate:
        return 0
    baseline = json.loads(BASELINE.read_text(encoding="utf-8"))
    if baseline["dataset_sha256"] != sha:
        print(f"gate: FAIL, dataset hash {sha} differs from the pinned {baseline['dataset_sha256']}")
        return 1
    f1 = table[GATED]["f1_all"]
    floor = float(baseline["f1_floor"])
    if f1 < floor:
        print(f"gate: FAIL, cleaner F1 {f1:.4f} is below the floor {floor:.2f}")
        return 1
    print(f"gate: ok, cleaner F1 {f1:.4f} >= floor {floor:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
