"""Why the linker misses same-statement pairs, and whether a learned pair model would do better.

    python benchmarks/statement_pairs_study.py

Reads only the pairs of split ``train`` of ``tests/data/statement_pairs.jsonl`` (the held-out
pairs are for ``timeline_eval.py``'s figures alone), each report dated as ``timeline_eval.py``
dates it (onrecord's pipeline on the PolNeAR article, cached under ``.cache/``).

1. The missed same pairs (the linker's rules say no) by cause: a side onrecord does not extract,
   a side whose speaker onrecord resolves to someone else or to no one (in production the two
   reports would then never be compared: the eval itself uses the labelled speaker), what the
   dates say (``linking.when``, and which sides are dated to a day), and the cosine band.
2. A learned pair model: a logistic regression (numpy, L2) over what linking knows of a pair
   (cosine, longest shared run, content-word overlap, same specific cue, same day, the gap
   between the two publications, an undated report published on or the day after the day the
   other dates the remark to), fitted on out-of-fold splits grouped by speaker and three-week
   period (pairs of one story never straddle a fold). Its decisions are added to the rules' (a
   pair is linked when the rules or the model say so, and never across other days or outside the
   window); for each threshold the out-of-fold precision and recall are printed next to the
   rules' own.
3. The best single extra rule (publication gap, cosine, overlap, shared run, same day or day after)
   that costs no or one false link on train: how much recall text and dates alone can still buy.

Nothing is written; the figures are for choosing (see "what was tried" in ``linking.py``). The
occasion of each report (debate, rally, interview ... found in the article) as further evidence:
``statement_occasions_study.py``.
"""

from __future__ import annotations

import itertools
import json
import sys
from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

import timeline_eval as te  # noqa: E402
from onrecord.entities.names import parse_person, persons_compatible, strip_titles  # noqa: E402
from onrecord.timeline.linking import (  # noqa: E402
    APART,
    OTHER_DAYS,
    SAME_DAY,
    LinkItem,
    pair_features,
    same_statement,
    when,
)
from onrecord.timeline.statements import embed_text  # noqa: E402

SPEAKER_CACHE = ROOT / ".cache" / "bench-pair-speakers.json"
FOLDS = 5
PERIOD_DAYS = 21  # pairs of one speaker within three weeks share a fold
L2 = 1.0
STEPS = 3000
THRESHOLDS = [0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95]
NAMES = ["cosine", "run", "overlap", "same cue", "same day", "publication gap", "gap <= 1", "day after"]


@dataclass(frozen=True, slots=True)
class Pair:
    id: str
    same: bool
    ruled: bool  # the linker's rules link it
    blocked: bool  # other days or outside the window: never linked
    group: str
    x: list[float]
    a: LinkItem
    b: LinkItem
    extracted: tuple[bool, bool]
    speakers: tuple[str | None, str | None]


def speakers(rows: list[dict[str, Any]]) -> dict[str, str | None]:
    """The speaker name onrecord gives the attribution it extracts at each labelled report."""
    from onrecord.pipeline import attribute

    version = te._package_sha()
    if SPEAKER_CACHE.exists():
        cached = json.loads(SPEAKER_CACHE.read_text(encoding="utf-8"))
        if cached.get("version") == version:
            return dict(cached["speakers"])
    sides: dict[str, list[dict[str, Any]]] = {}
    for r in rows:
        for s in (r["a"], r["b"]):
            sides.setdefault(s["article"], []).append(s)
    out: dict[str, str | None] = {}
    for path, labelled in sorted(sides.items()):
        text = (te.POLNEAR / path).read_text(encoding="utf-8")
        found = attribute(text, None, path, date.fromisoformat(labelled[0]["published"]))
        for s in labelled:
            best = te._most_overlapping(found, s["start"], s["end"])
            out[te._report_key(s)] = best.speaker.name if best is not None and best.speaker else None
    SPEAKER_CACHE.parent.mkdir(exist_ok=True)
    SPEAKER_CACHE.write_text(json.dumps({"version": version, "speakers": out}), encoding="utf-8")
    return out


def _lag(a: LinkItem, b: LinkItem) -> int | None:
    """Days from the day one report dates the remark to the publication of an undated other."""
    for dated, other in ((a, b), (b, a)):
        if dated.precision == "day" and other.precision is None:
            return (other.hi - dated.lo).days
    return None


def load() -> list[Pair]:
    rows = [
        json.loads(line)
        for line in (te.DATA / "statement_pairs.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    rows = [r for r in rows if not r.get("unsure") and r["split"] == "train"]
    vecs = te.cached_embed([embed_text(r[s]["cue"], r[s]["text"]) for r in rows for s in ("a", "b")])
    found = te.found_dates(rows)
    names = speakers(rows)
    out = []
    for k, r in enumerate(rows):
        a = te._report(r, "a", found[te._report_key(r["a"])], vecs[2 * k])
        b = te._report(r, "b", found[te._report_key(r["b"])], vecs[2 * k + 1])
        rel = when(a, b)
        f = pair_features(a.text, b.text, a.vector, b.vector, a.cue, b.cue, rel)
        published = [date.fromisoformat(r[s]["published"]) for s in ("a", "b")]
        gap = abs((published[0] - published[1]).days)
        lag = _lag(a, b)
        x = [
            f.cosine,
            min(f.shared_run, 10) / 10,
            f.overlap,
            float(f.same_cue),
            float(rel == SAME_DAY),
            min(gap, 14) / 14,
            float(gap <= 1),
            float(lag is not None and 0 <= lag <= 1),
        ]
        out.append(
            Pair(
                r["id"],
                bool(r["same"]),
                same_statement(f),
                rel in (APART, OTHER_DAYS),
                f"{r['speaker']}|{min(published).toordinal() // PERIOD_DAYS}",
                x,
                a,
                b,
                tuple(found[te._report_key(r[s])] != te.NOT_FOUND for s in ("a", "b")),  # type: ignore[arg-type]
                (names.get(te._report_key(r["a"])), names.get(te._report_key(r["b"]))),
            )
        )
    return out


def _one_person(a: str, b: str) -> bool:
    return persons_compatible(
        parse_person(strip_titles(a, "person")[0]), parse_person(strip_titles(b, "person")[0])
    )


def breakdown(pairs: list[Pair]) -> None:
    missed = [p for p in pairs if p.same and not p.ruled]
    print(f"Missed same pairs on train: {len(missed)} of {sum(p.same for p in pairs)}")
    cause: Counter[str] = Counter()
    dates: Counter[str] = Counter()
    band: Counter[str] = Counter()
    for p in missed:
        sa, sb = p.speakers
        if not all(p.extracted):
            cause["a side not extracted by onrecord"] += 1
        elif sa is None or sb is None:
            cause["extracted, speaker unresolved on a side"] += 1
        elif not _one_person(sa, sb):
            cause["extracted, speakers resolved to different people"] += 1
        else:
            cause["extracted, one speaker"] += 1
        sides = sorted(str(x) for x in (p.a.precision, p.b.precision))
        dates[f"{when(p.a, p.b)}: {' + '.join(s if s != 'None' else 'undated' for s in sides)}"] += 1
        c = p.x[0]
        band["< 0.87" if c < 0.87 else "0.87-0.90" if c < 0.9 else "0.90-0.93" if c < 0.93 else "0.93+"] += 1
    for title, counts in (("extraction and speaker", cause), ("dates", dates), ("cosine", band)):
        print(f"  by {title}:")
        for name, n in counts.most_common():
            print(f"    {n:4d}  {name}")


def _fit(x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray, float]:
    mu, sd = x.mean(axis=0), x.std(axis=0) + 1e-9
    z = (x - mu) / sd
    w, b = np.zeros(z.shape[1]), 0.0
    for _ in range(STEPS):
        p = 1 / (1 + np.exp(-(z @ w + b)))
        w -= 0.5 * (z.T @ (p - y) + L2 * w) / len(y)
        b -= 0.5 * float((p - y).mean())
    return mu, sd, w, b


def _prob(m: tuple[np.ndarray, np.ndarray, np.ndarray, float], x: np.ndarray) -> np.ndarray:
    mu, sd, w, b = m
    return np.asarray(1 / (1 + np.exp(-(((x - mu) / sd) @ w + b))))


def _pr(pred: np.ndarray, y: np.ndarray) -> str:
    tp = int((pred & y).sum())
    fp = int((pred & ~y).sum())
    return f"P {tp / max(1, tp + fp):.3f} R {tp / max(1, int(y.sum())):.3f} ({tp} right, {fp} wrong)"


def learned(pairs: list[Pair]) -> None:
    x = np.array([p.x for p in pairs])
    y = np.array([p.same for p in pairs])
    ruled = np.array([p.ruled for p in pairs])
    blocked = np.array([p.blocked for p in pairs])
    groups = sorted({p.group for p in pairs})
    order = np.random.default_rng(0).permutation(len(groups))
    fold = {groups[g]: k % FOLDS for k, g in enumerate(order)}
    folds = np.array([fold[p.group] for p in pairs])
    oof = np.zeros(len(pairs))
    for k in range(FOLDS):
        fit_on = (folds != k) & ~blocked
        oof[folds == k] = _prob(_fit(x[fit_on], y[fit_on].astype(float)), x[folds == k])
    print(f"Learned pair model, {FOLDS}-fold out of fold by speaker and {PERIOD_DAYS}-day period:")
    print(f"  rules alone:        {_pr(ruled & ~blocked, y)}")
    for t in THRESHOLDS:
        print(f"  rules or p >= {t:.2f}: {_pr((ruled | (oof >= t)) & ~blocked, y)}")
    m = _fit(x[~blocked], y[~blocked].astype(float))
    weights = ", ".join(f"{n} {w:+.2f}" for n, w in zip(NAMES, m[2], strict=True))
    print(f"  weights (standardised features, all of train): {weights}")


def extra_rule(pairs: list[Pair]) -> None:
    x = np.array([p.x for p in pairs])
    y = np.array([p.same for p in pairs])
    base = np.array([p.ruled for p in pairs]) & ~np.array([p.blocked for p in pairs])
    open_ = ~np.array([p.blocked for p in pairs])
    gap = np.round(x[:, 5] * 14)
    best: dict[int, tuple[int, str]] = {}
    grid = itertools.product(
        [0, 1, 3, 14], np.arange(0.84, 0.95, 0.01), [0, 0.4, 0.5, 0.6, 0.8], [0, 3, 5], [False, True]
    )
    for g, c, o, run, after in grid:
        rule = (gap <= g) & (x[:, 0] >= c) & (x[:, 2] >= o) & (x[:, 1] * 10 >= run) & open_
        if after:
            rule &= x[:, 7] == 1
        pred = base | rule
        gained = int((pred & y).sum() - (base & y).sum())
        cost = int((pred & ~y).sum() - (base & ~y).sum())
        what = f"gap <= {g}, cosine >= {c:.2f}, overlap >= {o}, run >= {run}"
        what += ", day after" if after else ""
        if cost <= 1 and gained > best.get(cost, (-1, ""))[0]:
            best[cost] = (gained, what)
    print("Best single extra rule on train:")
    for cost, (gained, what) in sorted(best.items()):
        print(f"  {gained:+d} right links for {cost} wrong: {what}")


def main() -> None:
    if not te.POLNEAR.is_dir():
        sys.exit(f"{te.POLNEAR} not found")
    pairs = load()
    breakdown(pairs)
    learned(pairs)
    extra_rule(pairs)


if __name__ == "__main__":
    main()
