"""Score the default topic taxonomy on hand-labelled statements, and calibrate its threshold.

The gold is ``tests/data/topics_gold.jsonl``: 212 attribution contents, text exactly as in the
article: every distinct content of the seed gold (``tests/data/seeds_gold.json``, 82) and 130 from
PolNeAR train (100 drawn at random by a hash of the text from contents of 6-60 words, one annotator
per article; 30 more, drawn the same way, from articles whose file name mentions a foreign, security,
immigration, health, justice or tax subject, so that those topics have some support). Each is
labelled with every default topic it is about, possibly none. Labelling rules: a topic applies when
the statement says something about it (a claim, a demand, a position, a report), not when one of its
words merely occurs; labels are judged from the text alone, as the scorer sees it (world knowledge
yes, the rest of the article no), so "The process continues." is about nothing. The labels were
written before any scorer existed (see the git history); the taxonomy's examples were written
independently of the gold, and its keywords from general knowledge of the subjects.

The threshold is chosen on half of the gold (the texts whose SHA-256 is even) by the best micro F1
there; the other half is held out. Figures: micro precision, recall and F1 over (statement, topic)
pairs at ``DEFAULT_THRESHOLD``, on the held-out half, the calibration half and all; per topic on all;
and, for comparison, keywords alone (a topic applies when one of its keywords occurs).

    python benchmarks/topics_eval.py [--json] [--gold FILE] [--topics FILE]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from pathlib import Path
from typing import Any

from onrecord.nlp.embed import embed
from onrecord.timeline.topics import DEFAULT_THRESHOLD, TopicScorer, load_taxonomy

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "data" / "topics_gold.jsonl"
GRID = [round(0.05 + 0.025 * k, 3) for k in range(37)]  # 0.05 .. 0.95


def calibration_half(text: str) -> bool:
    return hashlib.sha256(text.encode("utf-8")).digest()[-1] % 2 == 0


def prf(predicted: list[set[str]], gold: list[set[str]]) -> dict[str, float | int]:
    tp = sum(len(p & g) for p, g in zip(predicted, gold, strict=True))
    n_pred = sum(len(p) for p in predicted)
    n_gold = sum(len(g) for g in gold)
    precision = tp / n_pred if n_pred else 0.0
    recall = tp / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 3), "recall": round(recall, 3), "f1": round(f1, 3),
            "support": n_gold, "predicted": n_pred}  # fmt: skip


def above(scores: list[dict[str, float]], threshold: float) -> list[set[str]]:
    return [{t for t, s in row.items() if s >= threshold} for row in scores]


def evaluate(gold_path: Path, topics_path: Path | None) -> dict[str, Any]:
    rows = [json.loads(line) for line in gold_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    texts = [r["text"] for r in rows]
    gold = [set(r["topics"]) for r in rows]
    taxonomy = load_taxonomy(topics_path)
    unknown = set().union(*gold) - set(taxonomy.names)
    if unknown:
        raise SystemExit(f"{gold_path}: topics not in {taxonomy.source}: {', '.join(sorted(unknown))}")
    scorer = TopicScorer(taxonomy)
    started = time.perf_counter()
    scores = scorer.score(texts, embed(texts))
    seconds = time.perf_counter() - started
    cal = [calibration_half(t) for t in texts]

    def part(keep: list[bool], threshold: float) -> dict[str, float | int]:
        pred = above(scores, threshold)
        return prf([p for p, k in zip(pred, cal, strict=True) if k in keep],
                   [g for g, k in zip(gold, cal, strict=True) if k in keep])  # fmt: skip

    # Best F1 on the calibration half; a tie goes to the higher threshold (fewer, surer topics).
    calibrated = max(GRID, key=lambda th: (part([True], th)["f1"], th))
    pred = above(scores, DEFAULT_THRESHOLD)
    per_topic = {name: prf([p & {name} for p in pred], [g & {name} for g in gold]) for name in taxonomy.names}
    keywords = [set(scorer.keywords_in(t)) for t in texts]
    return {
        "gold": str(gold_path.relative_to(ROOT) if gold_path.is_relative_to(ROOT) else gold_path),
        "taxonomy": taxonomy.source,
        "digest": taxonomy.digest,
        "statements": len(rows),
        "calibration_statements": sum(cal),
        "threshold": DEFAULT_THRESHOLD,
        "calibrated_threshold": calibrated,
        "held_out": part([False], DEFAULT_THRESHOLD),
        "calibration": part([True], DEFAULT_THRESHOLD),
        "all": part([True, False], DEFAULT_THRESHOLD),
        "keywords_only_all": prf(keywords, gold),
        "per_topic": per_topic,
        "seconds_scoring": round(seconds, 1),
    }


def table(result: dict[str, Any]) -> str:
    lines = [
        f"topics: {result['taxonomy']} on {result['gold']} ({result['statements']} statements, "
        f"{result['calibration_statements']} in the calibration half)",
        f"threshold {result['threshold']} (best on the calibration half: {result['calibrated_threshold']})",
        "",
        f"{'set':<24}{'precision':>10}{'recall':>8}{'F1':>7}{'gold':>6}{'found':>7}",
    ]
    for key, label in (("held_out", "held-out half"), ("calibration", "calibration half"), ("all", "all"),
                       ("keywords_only_all", "all, keywords alone")):  # fmt: skip
        r = result[key]
        lines.append(
            f"{label:<24}{r['precision']:>10.3f}{r['recall']:>8.3f}{r['f1']:>7.3f}"
            f"{r['support']:>6}{r['predicted']:>7}"
        )
    lines += ["", f"{'topic (all)':<24}{'precision':>10}{'recall':>8}{'F1':>7}{'gold':>6}{'found':>7}"]
    for name, r in result["per_topic"].items():
        lines.append(
            f"{name:<24}{r['precision']:>10.3f}{r['recall']:>8.3f}{r['f1']:>7.3f}"
            f"{r['support']:>6}{r['predicted']:>7}"
        )
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    parser.add_argument("--gold", type=Path, default=GOLD, help="labelled statements (JSON Lines)")
    parser.add_argument(
        "--topics", type=Path, default=None, help="a taxonomy file (default: the shipped one)"
    )
    args = parser.parse_args()
    result = evaluate(args.gold.resolve(), args.topics)
    print(json.dumps(result, indent=2) if args.json else table(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
