"""Score onrecord's attributions with the project's scorer, on PolNeAR dev and on the seed gold.

The scorer is ``../shared/tools/score_attributions.py`` (imported, not copied, so the figures are
the ones the project is judged by). Three evaluation sets:

- PolNeAR dev (``../shared/corpora/polnear/dev``): clean article texts annotated by others;
  speakers judged at mention level. The extractor runs on the whole text (nothing to clean).
  ``--split train`` scores PolNeAR train the same way instead: rules and models are developed
  on train, and dev is looked at only through its aggregate figures. The figures that count (and
  are gated) are those of onrecord as it runs for users (``onrecord extract``, the default
  convention: one item per contiguous quoted span). For comparison a second line scores
  ``convention="polnear"``, which reads a split quote as one content as PolNeAR's annotators
  did; it is reported, never gated.
- The five seed articles (``examples/seeds``) against ``tests/data/seeds_gold.json``, which we
  annotated ourselves; speakers judged at entity level. The seeds are scraped pages, so they go
  through the cleaner first, exactly as ``onrecord extract`` does.
- 24 news pages of 2019 (world, politics, courts, business; ``../shared/corpora/
  article-extraction-benchmark``, the whole page as a text browser renders it, menus and teasers
  included) against ``tests/data/news_gold.json``, annotated with the seeds' conventions from the
  text alone, before onrecord was ever run on them. Like the seeds they go through the cleaner;
  speakers are judged at entity level. Scored in two halves by page id: ``news_dev`` (errors may
  be read while developing) and ``news_held_out`` (looked at only through these figures).
- 24 more pages of the same benchmark against ``tests/data/news_gold_more.json``, annotated the
  same way by someone else, again from the text alone: ``news_more_held_out``, looked at only
  through these figures.
- 16 more pages against ``tests/data/news_gold_third.json``, annotated the same way by a third
  person from the text alone: ``news_third_held_out``, looked at only through these figures.
- 14 more pages against ``tests/data/news_gold_fourth.json``, annotated the same way by a fourth
  person from the text alone: ``news_fourth_dev``, scored once unseen, then a development set
  whose errors may be read (news_dev's had been mined out).

``--gate`` fails (exit 1) when a figure falls below the floor pinned in
``attribution_baseline.json`` or an evaluation set differs from the one the floors were measured
on (a SHA-256 over its files). Without ``../shared`` it says so and exits 0.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import sys
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path
from types import ModuleType
from typing import Any

from onrecord.attribution import extract_attributions
from onrecord.serialize import attribution_json
from onrecord.service import Extracted, extract_files

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SCORER = SHARED / "tools" / "score_attributions.py"
POLNEAR = SHARED / "corpora" / "polnear"
SEEDS = ROOT / "examples" / "seeds"
SEEDS_GOLD = ROOT / "tests" / "data" / "seeds_gold.json"
PAGES = SHARED / "corpora" / "article-extraction-benchmark" / "output" / "inscriptis.json"
NEWS_GOLD = ROOT / "tests" / "data" / "news_gold.json"
NEWS_MORE_GOLD = ROOT / "tests" / "data" / "news_gold_more.json"
# gold files of further news pages, each scored whole as one set
NEWS_THIRD_GOLD = ROOT / "tests" / "data" / "news_gold_third.json"
NEWS_FOURTH_GOLD = ROOT / "tests" / "data" / "news_gold_fourth.json"
NEWS_MORE_GOLDS = (
    ("news_more_held_out", NEWS_MORE_GOLD),
    ("news_third_held_out", NEWS_THIRD_GOLD),
    ("news_fourth_dev", NEWS_FOURTH_GOLD),
)
BASELINE = Path(__file__).resolve().parent / "attribution_baseline.json"
FIGURES = ("precision", "recall", "f1", "speaker_acc", "end_to_end_f1", "quoted_recall")


def load_scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("score_attributions", SCORER)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def tree_sha256(paths: Iterable[Path]) -> str:
    digest = hashlib.sha256()
    for path in sorted(paths):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _write(records: Iterable[dict[str, Any]], path: Path) -> int:
    n = 0
    with path.open("w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
            n += 1
    return n


def eval_polnear(
    scorer: ModuleType, workdir: Path, split: str = "dev", convention: str = "onrecord"
) -> dict[str, Any]:
    base = POLNEAR / split
    texts = sorted((base / "text").glob("*.txt"))
    started = time.perf_counter()
    records = (
        attribution_json(a)
        for path in texts
        for a in extract_attributions(
            path.read_text(encoding="utf-8"), article=path.name, convention=convention
        )
    )
    pred = workdir / f"polnear_{split}_{convention}.jsonl"
    _write(records, pred)
    seconds = time.perf_counter() - started
    result: dict[str, Any] = scorer.score(scorer.polnear_gold(str(base)), _read(pred))
    result["seconds"] = round(seconds, 1)
    result["dataset_sha256"] = tree_sha256([*texts, *(base / "attributions").glob("*.ann")])
    return result


def eval_seeds(scorer: ModuleType, workdir: Path) -> dict[str, Any]:
    started = time.perf_counter()
    records = (
        attribution_json(a)
        for item in extract_files([str(SEEDS)], clean=True)
        if isinstance(item, Extracted)
        for a in item.attributions
    )
    pred = workdir / "seeds.jsonl"
    _write(records, pred)
    seconds = time.perf_counter() - started
    result: dict[str, Any] = scorer.score(scorer.file_gold(str(SEEDS_GOLD), str(SEEDS)), _read(pred))
    result["seconds"] = round(seconds, 1)
    result["dataset_sha256"] = tree_sha256([*SEEDS.glob("*.txt"), SEEDS_GOLD])
    return result


def eval_news(scorer: ModuleType, workdir: Path) -> dict[str, dict[str, Any]]:
    """The news pages: news_gold.json in its two halves (sorted page ids: first half dev, second
    held out), and each file of ``NEWS_MORE_GOLDS`` as a whole."""
    pages = json.loads(PAGES.read_text(encoding="utf-8"))["output"]
    gold: dict[str, Any] = json.loads(NEWS_GOLD.read_text(encoding="utf-8"))
    names = sorted(n for n in gold if not n.startswith("_"))
    half = len(names) // 2
    parts = [("news_dev", names[:half]), ("news_held_out", names[half:])]
    for part, path in NEWS_MORE_GOLDS:
        more: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        gold.update((n, v) for n, v in more.items() if not n.startswith("_"))
        parts.append((part, sorted(n for n in more if not n.startswith("_"))))
    out: dict[str, dict[str, Any]] = {}
    for part, chosen in parts:
        folder = workdir / part
        folder.mkdir()
        for name in chosen:
            (folder / name).write_text(pages[name.removesuffix(".txt")]["articleBody"], encoding="utf-8")
        subset = folder / "gold.json"
        subset.write_text(json.dumps({n: gold[n] for n in chosen}, ensure_ascii=False), encoding="utf-8")
        started = time.perf_counter()
        records = (
            attribution_json(a)
            for item in extract_files([str(folder / n) for n in chosen], clean=True)
            if isinstance(item, Extracted)
            for a in item.attributions
        )
        pred = workdir / f"{part}.jsonl"
        _write(records, pred)
        seconds = time.perf_counter() - started
        result: dict[str, Any] = scorer.score(scorer.file_gold(str(subset), str(folder)), _read(pred))
        result["seconds"] = round(seconds, 1)
        result["dataset_sha256"] = tree_sha256([*(folder / n for n in chosen), subset])
        out[part] = result
    return out


def _read(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def gate(results: dict[str, dict[str, Any]]) -> list[str]:
    """What falls short of the pinned floors, one line each (empty when all is well)."""
    baseline = json.loads(BASELINE.read_text(encoding="utf-8"))
    problems = []
    for name, pinned in baseline.items():
        if name.startswith("_"):
            continue
        result = results.get(name)
        if result is None:
            problems.append(f"{name}: floors pinned in {BASELINE.name} but the set was not scored")
            continue
        if pinned["dataset_sha256"] != result["dataset_sha256"]:
            problems.append(f"{name}: evaluation set changed (sha256 {result['dataset_sha256'][:12]}…)")
        for figure, floor in pinned["floors"].items():
            if result[figure] < floor:
                problems.append(f"{name}: {figure} {result[figure]:.3f} is below the floor {floor:.3f}")
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--gate", action="store_true", help="fail below the pinned floors")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    parser.add_argument(
        "--split",
        choices=("dev", "train"),
        default="dev",
        help="the PolNeAR split to score (train: for developing rules; the floors are pinned on dev)",
    )
    args = parser.parse_args()
    if not SCORER.is_file():
        print(f"skipped: the scorer was not found at {SCORER}")
        return 0
    scorer = load_scorer()
    results: dict[str, dict[str, Any]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        if (POLNEAR / args.split).is_dir():
            results[f"polnear_{args.split}"] = eval_polnear(scorer, Path(tmp), args.split)
            results[f"polnear_{args.split} (PolNeAR convention)"] = eval_polnear(
                scorer, Path(tmp), args.split, "polnear"
            )
        else:
            print(f"skipped PolNeAR: not found at {POLNEAR / args.split}", file=sys.stderr)
        results["seeds"] = eval_seeds(scorer, Path(tmp))
        if PAGES.is_file():
            results.update(eval_news(scorer, Path(tmp)))
        else:
            print(f"skipped the news pages: not found at {PAGES}", file=sys.stderr)
    for r in results.values():
        r.pop("per_article", None)
    if args.json:
        print(json.dumps(results, indent=2))
    else:
        header = f"{'set':<36}" + "".join(f"{f:>15}" for f in (*FIGURES, "gold", "predicted", "seconds"))
        print(header)
        print("-" * len(header))
        for name, r in results.items():
            cells = "".join(f"{r[f]:>15.3f}" for f in FIGURES)
            print(f"{name:<36}{cells}{r['gold']:>15}{r['predicted']:>15}{r['seconds']:>15}")
    if args.gate:
        problems = gate(results)
        for line in problems:
            print(f"gate: {line}", file=sys.stderr)
        if problems:
            return 1
        print("gate: ok, all figures at or above their floors")
    return 0


if __name__ == "__main__":
    sys.exit(main())
