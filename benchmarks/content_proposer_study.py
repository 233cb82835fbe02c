"""Study (negative result): a learned proposer of attributions the rules miss, over parsed chunks.

    python benchmarks/content_proposer_study.py [--speech-only] [--out MODEL.npz] [--measure]
    python benchmarks/content_proposer_study.py --model MODEL.npz    # only measure

Nothing here is used by onrecord; it records an experiment so that it can be rerun.

Design. Every token of the chunks ``candidates`` parses gets a row: its tok2vec output
(``doc.tensor``, 96 numbers the parse has already computed) and one-hots of its dependency
label, tag, its head's label and tag, its children's labels, whether it is a cue-lexicon form or a
nominal cue, inside a quotation, the cue of a rule finding, inside an assembled item's content.
Two one-hidden-layer networks (64 ReLU units, numpy, Adam) are fitted on PolNeAR train: one
for "inside a gold content" and one for "a gold cue of an attribution that onrecord's current
output misses" (its content matches no prediction at token-F1 >= 0.5). For a token whose cue
probability is at least ``PRECUT`` (and, with ``--speech-only``, whose lemma is a speech verb of
the lexicon or "according") the content is the candidate span (a child's subtree, with or without
its preposition, the rest of the sentence, the clause the cue hangs from less the cue's subtree,
the text before it, the cue's right subtree) with the largest sum of (content probability - 0.5);
the speaker is ``reported.speaker_of`` (or a possessor). A logistic regression over the two
networks' scores, the span's kind and length, the mention kind and the cue's coarse tag decides;
its label is "the content matches a missed gold item and the mention overlaps that item's
source". Proposals overlapping a rule finding's cue or an assembled item's content are dropped,
and overlapping proposals keep the likelier. All choices (threshold included) come from a 2-fold
split of train by article: the threshold is the best out-of-fold F1 whose precision is at most
0.005 and whose speaker accuracy at most 0.003 below the current output's. ``--measure`` then
patches the proposals into ``extract_attributions`` (after ``assemble``) in this process and runs
``attribution_eval.py --gate``.

Measured on 2026-11-22 (PolNeAR train, 840 articles: 609,867 parsed tokens, 367,774 cue
candidates, 19,832 gold items; parse about 130 s, training and threshold sweep about 150 s on a
2-core machine shared with one other job; model 156 KB as .npz):

- content network out-of-fold token accuracy 0.862 (majority 0.536); cue network out-of-fold
  precision among its top 100 / 300 / 1000 / 3000 tokens: 0.83 / 0.75 / 0.63 / 0.52.
- Proposals past ``PRECUT`` and the overlap filters: 30,830 (all cues), of which only 856 have
  both the content and the speaker of a missed item; 2,896 with ``--speech-only``, 397 positive.
  In an exploratory look at the train tokens that are gold cues of missed items (7,619 past the
  overlap filters): some candidate span matches the gold content for 84%, the chosen span for
  51%, and ``speaker_of`` gives a mention on the gold source for only 17% (the long tail is
  asked, seemed, appears, ":", "in", support, citing, ...). The gate's speaker floor needs new
  matches to be about 93% right, so the speaker, as much as the span, is what is missing.
- Out-of-fold on train (current output P 0.776 R 0.600 F1 0.677 speaker 0.930): all cues,
  chosen threshold 0.45: +266 items, P 0.774 R 0.609 F1 0.681 speaker 0.928. Speech cues only,
  chosen threshold 0.375: +445 items, P 0.771 R 0.614 F1 0.684 speaker 0.927. With the content
  alone as the label and no precision constraint, F1 peaks at 0.698 (P 0.705, speaker 0.827).
- ``attribution_eval.py --gate`` (``--measure``), before -> all cues -> speech cues only:
  polnear_dev P/R/F1/speaker/e2e/quoted 0.796/0.630/0.703/0.933/0.656/0.934 ->
  0.788/0.643/0.708/0.928/0.657/0.939 -> 0.786/0.645/0.708/0.929/0.658/0.936 (precision and
  speaker under their floors 0.79 and 0.93); F1 of news_dev 0.882 -> 0.872 -> 0.872,
  news_held_out 0.896 -> 0.883 -> 0.874, news_more_held_out 0.865 -> 0.859 -> 0.858,
  news_third_held_out 0.841 -> 0.836 -> 0.832 (precision under its floor on all four, F1 on
  all four); seeds unchanged but for one more prediction (P 0.940 either way). On news_dev all
  7 speech-cue proposals are wrong (a "said" with a prepositional object, "testified
  side-by-side", "continues to give mixed signals").
- Speed (``attribution_speed.py``, speech cues only, machine shared with one other job, load
  about 2): extraction 10.8 articles/s, 2.53x a full parse, without the proposer; 6.1
  articles/s, 1.17x, with it (a per-token Python feature loop and ``speaker_of`` on every
  likely cue, not optimised).

Conclusion: F1 +0.005 on dev at the cost of precision and speaker accuracy under their floors,
every news set 0.005-0.022 F1 lower, half the speed. Not shipped.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
from scipy.optimize import minimize
from spacy.tokens import Doc, Token

import onrecord.attribution.extract as extract_module
from onrecord.attribution.assemble import Item, assemble
from onrecord.attribution.cues import CUE_LEMMAS, NOMINAL_CUES, SPEECH, lemma_of, words
from onrecord.attribution.extract import _resolve, candidates
from onrecord.attribution.learned import keep
from onrecord.attribution.mentions import Mention, mention_from
from onrecord.attribution.reported import Found, char_span, speaker_of
from onrecord.attribution.speakers import ArticleSpeakers
from onrecord.serialize import attribution_json

sys.path.insert(0, str(Path(__file__).resolve().parent))
import attribution_eval
from train_attribution_filter import gold_cues, load_scorer

ROOT = Path(__file__).resolve().parent.parent
TRAIN = ROOT.parent / "shared" / "corpora" / "polnear" / "train"
PRECUT = 0.05  # cue probability under which a token is not considered
PRECISION_SLACK = 0.005
SPEAKER_SLACK = 0.003
THRESHOLDS = (0.7, 0.6, 0.55, 0.5, 0.45, 0.4, 0.375, 0.35, 0.325, 0.3, 0.25)

DEPS = words(
    "ROOT acl acomp advcl advmod agent amod appos attr aux auxpass case cc ccomp compound conj csubj "
    "csubjpass dative dep det dobj expl intj mark meta neg nmod npadvmod nsubj nsubjpass nummod oprd "
    "parataxis pcomp pobj poss preconj predet prep prt punct quantmod relcl xcomp"
)
TAGS = words(
    "$ '' , -LRB- -RRB- . : ADD AFX CC CD DT EX FW HYPH IN JJ JJR JJS LS MD NFP NN NNP NNPS NNS PDT "
    "POS PRP PRP$ RB RBR RBS RP SYM TO UH VB VBD VBG VBN VBP VBZ WDT WP WP$ WRB XX _SP ``"
)
DEP_I = {d: k for k, d in enumerate(DEPS)}
TAG_I = {t: k for k, t in enumerate(TAGS)}
CHILD_DEPS = words(
    "ccomp xcomp dobj prep advcl attr acomp oprd pcomp pobj conj acl relcl npadvmod dative agent csubj "
    "nsubj nsubjpass mark neg"
)
CD_I = {d: k for k, d in enumerate(CHILD_DEPS)}
NSYM = len(DEPS) * 2 + len(TAGS) * 2 + len(CHILD_DEPS) + 8
SPAN_NAMES = words(
    "child:ccomp child:xcomp child:dobj child:prep childin:prep child:advcl after before right head: child:"
)
MENTION_KINDS = ("name", "pronoun", "noun", "plural")
CUE_TAGS = ("VB", "NN", "IN", "JJ", ":")
_SKIP = frozenset(
    words("nsubj nsubjpass aux auxpass neg punct cc det poss prt advmod compound amod expl case mark nummod")
)
_SPEECH = frozenset(SPEECH)

Cands = list[tuple[str, tuple[int, int], tuple[int, int], int]]
Best = tuple[float, str, tuple[int, int], int, float]


# ---- features -------------------------------------------------------------------------------


def sym_features(t: Token, inq: bool, in_cue: bool, in_item: bool) -> np.ndarray:
    v = np.zeros(NSYM, np.float32)
    o = 0
    v[o + DEP_I.get(t.dep_, DEP_I["dep"])] = 1
    o += len(DEPS)
    v[o + TAG_I.get(t.tag_, TAG_I["XX"])] = 1
    o += len(TAGS)
    h = t.head
    v[o + DEP_I.get(h.dep_, DEP_I["dep"])] = 1
    o += len(DEPS)
    v[o + TAG_I.get(h.tag_, TAG_I["XX"])] = 1
    o += len(TAGS)
    for c in t.children:
        if c.dep_ in CD_I:
            v[o + CD_I[c.dep_]] = 1
    o += len(CHILD_DEPS)
    lem, hl = lemma_of(t.text), lemma_of(h.text)
    v[o] = lem is not None and lem in CUE_LEMMAS
    v[o + 1] = t.lower_ in NOMINAL_CUES
    v[o + 2] = inq
    v[o + 3] = in_cue
    v[o + 4] = in_item
    v[o + 5] = hl is not None and hl in CUE_LEMMAS
    v[o + 6] = t.i < h.i
    v[o + 7] = 1.0
    return v


def _inside(starts: np.ndarray, spans: Sequence[tuple[int, int]]) -> np.ndarray:
    mask = np.zeros(len(starts), bool)
    for s, e in spans:
        mask |= (starts >= s) & (starts < e)
    return mask


def token_matrix(
    doc: Doc,
    offset: int,
    quotes: Sequence[tuple[int, int]],
    cue_chars: Sequence[tuple[int, int]],
    item_spans: Sequence[tuple[int, int]],
) -> np.ndarray:
    starts = np.array([offset + t.idx for t in doc])
    inq, incue, incont = (_inside(starts, spans) for spans in (quotes, cue_chars, item_spans))
    x = np.zeros((len(doc), 96 + NSYM), np.float32)
    x[:, :96] = doc.tensor
    for t in doc:
        x[t.i, 96:] = sym_features(t, bool(inq[t.i]), bool(incue[t.i]), bool(incont[t.i]))
    return x


def is_cue_candidate(t: Token) -> bool:
    return not t.is_space and (t.tag_[:2] in ("VB", "NN", "JJ", "IN") or t.text == ":")


def speechy(t: Token) -> bool:
    return t.lower_ == "according" or lemma_of(t.text) in _SPEECH


def cand_spans(t: Token) -> list[tuple[str, list[Token]]]:
    """Candidate contents for a cue token: (name, tokens)."""
    out: list[tuple[str, list[Token]]] = []
    sent = t.sent
    for c in t.children:
        if c.dep_ in _SKIP:
            continue
        toks = list(c.subtree)
        out.append((f"child:{c.dep_}", toks))
        if c.dep_ in ("prep", "agent") and len(toks) > 1:
            out.append((f"childin:{c.dep_}", toks[1:]))
    after = [x for x in sent if x.i > t.i]
    if after:
        out.append(("after", after))
    if t.head.i != t.i:
        own = {x.i for x in t.subtree}
        rest = [x for x in t.head.subtree if x.i not in own]
        if rest:
            out.append((f"head:{t.dep_}", rest))
    left = min(x.i for x in t.subtree)
    before = [x for x in sent if x.i < left]
    if before:
        out.append(("before", before))
    right = [x for x in t.subtree if x.i > t.i]
    if right:
        out.append(("right", right))
    return out


def cue_info(t: Token, offset: int) -> tuple[Cands, Mention | None, float, tuple[int, int]]:
    cands: Cands = []
    for nm, tk in cand_spans(t):
        cs = char_span(tk, offset)
        if cs is not None:
            cands.append((nm, cs, (min(x.i for x in tk), max(x.i for x in tk) + 1), len(tk)))
    spk, _via, conf = speaker_of(t) if t.tag_.startswith("VB") else (None, None, 0.0)
    if spk is None:
        spk = next((c for c in t.children if c.dep_ == "poss"), None)
    ment = mention_from(spk, offset) if spk is not None else None
    c0 = offset + t.idx
    return cands, ment, conf, (c0, c0 + len(t.text))


def overlaps(s: tuple[int, int], spans: Sequence[tuple[int, int]]) -> bool:
    return any(s[0] < y and x < s[1] for x, y in spans)


def best_span(cands: Cands, pc: np.ndarray, cue_i: int, min_len: int = 2) -> Best | None:
    """The candidate with the largest sum of (content probability - 0.5), the cue left out."""
    best: Best | None = None
    for nm, cs, (ti0, ti1), n in cands:
        if n < min_len:
            continue
        seg = pc[ti0:ti1]
        gain = float((seg - 0.5).sum()) - (float(pc[cue_i]) - 0.5 if ti0 <= cue_i < ti1 else 0.0)
        if best is None or gain > best[0]:
            best = (gain, nm, cs, ti1 - ti0, float(seg.mean()))
    return best


def stage2_row(pcue: float, best: Best, ment: Mention | None, conf: float, ctag: str) -> list[float]:
    gain, nm, _cs, n, meanp = best
    f = [pcue, float(np.log(pcue + 1e-6)), meanp, gain / 10, float(np.log(n)), float(ment is not None), conf]
    f += [
        float(nm == x or (x.endswith(":") and nm.startswith(x) and nm not in SPAN_NAMES)) for x in SPAN_NAMES
    ]
    f += [float(ment is not None and ment.kind == k) for k in MENTION_KINDS]
    f += [float(ctag == x) for x in CUE_TAGS]
    f += [1.0]
    return f


# ---- models ---------------------------------------------------------------------------------


def fit_lr(x: np.ndarray, y: np.ndarray, l2: float = 0.1) -> np.ndarray:
    """L2 logistic regression by L-BFGS; the last column of ``x`` is the constant."""
    d = x.shape[1]

    def f(w: np.ndarray) -> tuple[float, np.ndarray]:
        p = 1 / (1 + np.exp(-np.clip(x @ w, -30, 30)))
        ll = -(y * np.log(p + 1e-12) + (1 - y) * np.log(1 - p + 1e-12)).sum() + 0.5 * l2 * (w[:-1] @ w[:-1])
        g = x.T @ (p - y)
        g[:-1] += l2 * w[:-1]
        return float(ll), g

    return np.asarray(
        minimize(f, np.zeros(d), jac=True, method="L-BFGS-B", options={"maxiter": 300}).x, np.float32
    )


def fit_mlp(
    x: np.ndarray, y: np.ndarray, hidden: int = 64, epochs: int = 6, lr: float = 2e-3
) -> list[np.ndarray]:
    rng = np.random.default_rng(0)
    n, d = x.shape
    prior = float(np.log((y.mean() + 1e-3) / (1 - y.mean() + 1e-3)))
    params = [
        (rng.standard_normal((d, hidden)) * np.sqrt(2 / d)).astype(np.float32),
        np.zeros(hidden, np.float32),
        (rng.standard_normal(hidden) * np.sqrt(1 / hidden)).astype(np.float32),
        np.array([prior], np.float32),
    ]
    m = [np.zeros_like(p) for p in params]
    v = [np.zeros_like(p) for p in params]
    t, l2 = 0, 1e-5
    for _ in range(epochs):
        perm = rng.permutation(n)
        for s in range(0, n, 512):
            idx = perm[s : s + 512]
            xb, yb = x[idx], y[idx]
            hpre = xb @ params[0] + params[1]
            h = np.maximum(hpre, 0)
            p = 1 / (1 + np.exp(-np.clip(h @ params[2] + params[3][0], -30, 30)))
            g = (p - yb) / len(idx)
            gh = np.outer(g, params[2]) * (hpre > 0)
            grads = (
                xb.T @ gh + l2 * params[0],
                gh.sum(0),
                h.T @ g + l2 * params[2],
                np.array([g.sum()], np.float32),
            )
            t += 1
            for i, gr in enumerate(grads):
                m[i] = 0.9 * m[i] + 0.1 * gr
                v[i] = 0.999 * v[i] + 0.001 * gr * gr
                step = lr * (m[i] / (1 - 0.9**t)) / (np.sqrt(v[i] / (1 - 0.999**t)) + 1e-8)
                params[i] -= step.astype(np.float32)
    return params


def mlp(params: Sequence[np.ndarray], x: np.ndarray) -> np.ndarray:
    h = np.maximum(x @ params[0] + params[1], 0)
    return np.asarray(1.0 / (1.0 + np.exp(-np.clip(h @ params[2] + params[3][0], -30, 30))))


def sigmoid(z: np.ndarray) -> np.ndarray:
    return np.asarray(1 / (1 + np.exp(-np.clip(z, -30, 30))))


# ---- data -----------------------------------------------------------------------------------


def _matched(scorer: Any, golds: list[dict[str, Any]], preds: list[dict[str, Any]], text: str) -> set[int]:
    ptexts = [text[p["content"]["start"] : p["content"]["end"]] for p in preds]
    pairs = sorted(
        (
            (f, gi, pi)
            for gi, ga in enumerate(golds)
            for pi, pt in enumerate(ptexts)
            if (f := scorer.tok_f1(ga["content"], pt)) >= 0.5
        ),
        reverse=True,
    )
    gm: set[int] = set()
    pm: set[int] = set()
    for _f, gi, pi in pairs:
        if gi not in gm and pi not in pm:
            gm.add(gi)
            pm.add(pi)
    return gm


def prepare(
    scorer: Any, base: Path
) -> tuple[dict[str, Any], list[dict[str, Any]], np.ndarray, np.ndarray, np.ndarray, list[Any]]:
    """Parse every article once: current predictions, token rows, labels, cue candidates."""
    gold = scorer.polnear_gold(str(base))
    cues = gold_cues(scorer, base)
    arts: list[dict[str, Any]] = []
    xs, yc, art_of, cue_rows = [], [], [], []
    row = 0
    for ai, (name, g) in enumerate(gold.items()):
        text = g["text"]
        paras, quotes, parsed, founds = candidates(text)
        kept = [f for f in founds if keep(f.features)]
        items = assemble(text, kept, quotes, parsed, paras)
        people = ArticleSpeakers(text, paras, [(q.open, q.close) for q in quotes])
        preds = [attribution_json(a) for a in _resolve(text, name, items, people)]
        qspans = [(q.open, q.close if q.closed else q.end) for q in quotes]
        item_spans = [it.found.content for it in items]
        cue_chars = [f.cue for f in founds if f.cue is not None]
        missed = set(range(len(g["attributions"]))) - _matched(scorer, g["attributions"], preds, text)
        gcont = np.zeros(len(text) + 1, bool)
        gcue = np.zeros(len(text) + 1, np.int32)
        for a in g["attributions"]:
            for x, y in a["cspans"]:
                gcont[x:y] = True
        for k, (spans, _c) in enumerate(cues[name]):
            for x, y in spans:
                gcue[x:y] = k + 1
        arts.append(dict(name=name, preds=preds, item_spans=item_spans, cue_chars=cue_chars, missed=missed))
        for off, doc in parsed.chunks:
            xs.append(token_matrix(doc, off, qspans, cue_chars, item_spans))
            for t in doc:
                c0 = off + t.idx
                yc.append(gcont[c0])
                art_of.append(ai)
                if is_cue_candidate(t):
                    k = int(gcue[c0])
                    info = cue_info(t, off)
                    tag = ":" if t.tag_ == ":" else t.tag_[:2]
                    cue_rows.append((row + t.i, row, ai, k > 0 and (k - 1) in missed, speechy(t), tag, info))
            row += len(doc)
        if ai % 100 == 0:
            print(f"parsed {ai} articles", flush=True)
    return gold, arts, np.concatenate(xs), np.array(yc, np.float32), np.array(art_of), cue_rows


def proposals(
    arts: list[dict[str, Any]], pc: np.ndarray, pq: np.ndarray, cue_rows: list[Any], speech_only: bool
) -> list[Any]:
    recs = []
    for k, (r, b, ai, _miss, speech, tag, (cands, ment, conf, cuec)) in enumerate(cue_rows):
        a = arts[ai]
        if pq[k] < PRECUT or not cands or overlaps(cuec, a["cue_chars"]) or (speech_only and not speech):
            continue
        best = best_span(cands, pc[b:], r - b)
        if best is None or overlaps(best[2], a["item_spans"]):
            continue
        recs.append((ai, best, ment, stage2_row(float(pq[k]), best, ment, conf, tag)))
    return recs


def labels(scorer: Any, gold: dict[str, Any], arts: list[dict[str, Any]], recs: list[Any]) -> np.ndarray:
    """1 when the content matches a missed gold item and the mention overlaps its source."""
    y = []
    for ai, best, ment, _row in recs:
        g = gold[arts[ai]["name"]]
        pt = g["text"][best[2][0] : best[2][1]]
        y.append(
            any(
                scorer.tok_f1(g["attributions"][gi]["content"], pt) >= 0.5
                and ment is not None
                and overlaps((ment.start, ment.end), g["attributions"][gi]["sspans"])
                for gi in arts[ai]["missed"]
            )
        )
    return np.array(y, np.float32)


def end_to_end(
    scorer: Any,
    gold: dict[str, Any],
    arts: list[dict[str, Any]],
    recs: list[Any],
    score: np.ndarray,
    thr: float,
) -> tuple[dict[str, Any], int]:
    """The current predictions plus the proposals at ``thr`` (mention as speaker), scored."""
    chosen: dict[int, list[tuple[tuple[int, int], Mention | None]]] = {}
    for i in np.argsort(-score):
        if score[i] < thr:
            break
        ai, best, ment, _row = recs[i]
        taken = chosen.setdefault(ai, [])
        if not overlaps(best[2], [c for c, _m in taken]):
            taken.append((best[2], ment))
    preds = []
    for ai, a in enumerate(arts):
        preds.extend(a["preds"])
        for cs, ment in chosen.get(ai, []):
            p: dict[str, Any] = {"article": a["name"], "content": {"start": cs[0], "end": cs[1]}}
            if ment is not None:
                p["speaker_mention"] = {"start": ment.start, "end": ment.end}
                p["speaker"] = {"name": ment.name or ment.text}
            preds.append(p)
    r: dict[str, Any] = scorer.score(gold, preds)
    r.pop("per_article", None)
    return r, sum(len(v) for v in chosen.values())


# ---- run time (for --measure) -------------------------------------------------------------


def propose(
    model: dict[str, np.ndarray],
    chunks: Sequence[tuple[int, Doc]],
    quotes: Sequence[tuple[int, int]],
    cue_chars: Sequence[tuple[int, int]],
    item_spans: Sequence[tuple[int, int]],
) -> list[Found]:
    content_net = [model[f"c{i}"] for i in range(4)]
    cue_net = [model[f"q{i}"] for i in range(4)]
    threshold, speech_only = float(model["threshold"][0]), bool(model["speech_only"][0])
    scored: list[tuple[float, Found]] = []
    for off, doc in chunks:
        if len(doc) == 0:
            continue
        x = token_matrix(doc, off, quotes, cue_chars, item_spans)
        x[:, :96] = (x[:, :96] - model["mu"]) / model["sd"]
        pc, pq = mlp(content_net, x), mlp(cue_net, x)
        for t in doc:
            if pq[t.i] < PRECUT or not is_cue_candidate(t) or (speech_only and not speechy(t)):
                continue
            cands, ment, conf, cuec = cue_info(t, off)
            if not cands or overlaps(cuec, cue_chars):
                continue
            best = best_span(cands, pc, t.i)
            if best is None or overlaps(best[2], item_spans):
                continue
            tag = ":" if t.tag_ == ":" else t.tag_[:2]
            p = float(
                sigmoid(np.array(stage2_row(float(pq[t.i]), best, ment, conf, tag), np.float32) @ model["w2"])
            )
            if p >= threshold:
                scored.append((p, Found(best[2], cuec, ment, 0.6 * p)))
    out: list[Found] = []
    for _p, f in sorted(scored, key=lambda pf: -pf[0]):
        if not overlaps(f.content, [g.content for g in out]):
            out.append(f)
    return out


def measure(model: dict[str, np.ndarray]) -> None:
    """Run ``attribution_eval.py --gate`` with the proposals added after ``assemble``."""
    last: dict[str, list[tuple[int, int]]] = {}
    real_candidates, real_assemble = extract_module.candidates, extract_module.assemble

    def patched_candidates(*args: Any, **kwargs: Any) -> Any:
        out = real_candidates(*args, **kwargs)
        last["cues"] = [f.cue for f in out[3] if f.cue is not None]
        return out

    def patched_assemble(text: str, founds: Any, quotes: Any, parsed: Any, paras: Any) -> list[Item]:
        items = real_assemble(text, founds, quotes, parsed, paras)
        qspans = [(q.open, q.close if q.closed else q.end) for q in quotes]
        extra = propose(model, parsed.chunks, qspans, last["cues"], [it.found.content for it in items])
        return items + [Item(f) for f in extra]

    extract_module.candidates = patched_candidates  # type: ignore[assignment]
    extract_module.assemble = patched_assemble  # type: ignore[assignment]
    sys.argv = ["attribution_eval.py", "--gate"]
    attribution_eval.main()


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--speech-only", action="store_true", help="only speech-verb cues and 'according'")
    parser.add_argument("--out", default="/tmp/content_proposer.npz", help="where the model is written")
    parser.add_argument("--measure", action="store_true", help="then run attribution_eval.py --gate with it")
    parser.add_argument("--train", type=Path, default=TRAIN, help="the PolNeAR split to train on")
    parser.add_argument("--model", type=Path, help="measure this model instead of training one")
    args = parser.parse_args()
    if args.model is not None:
        with np.load(args.model) as data:
            measure({k: data[k] for k in data.files})
        return 0
    started = time.perf_counter()
    scorer = load_scorer()
    gold, arts, x, y, art_of, cue_rows = prepare(scorer, args.train)
    print(
        f"{len(arts)} articles, {x.shape[0]} tokens, {len(cue_rows)} cue candidates "
        f"({time.perf_counter() - started:.0f} s)",
        flush=True,
    )
    mu, sd = x[:, :96].mean(0), x[:, :96].std(0) + 1e-6
    x[:, :96] = (x[:, :96] - mu) / sd
    crow = np.array([c[0] for c in cue_rows])
    cart = art_of[crow]
    ycue = np.array([c[3] for c in cue_rows], np.float32)
    oof_c, oof_q = np.zeros(len(y)), np.zeros(len(cue_rows))
    for fold in (0, 1):
        m, mq = art_of % 2 != fold, cart % 2 != fold
        oof_c[~m] = mlp(fit_mlp(x[m], y[m]), x[~m])
        oof_q[~mq] = mlp(fit_mlp(x[crow[mq]], ycue[mq]), x[crow[~mq]])
    order = np.argsort(-oof_q)
    print(
        f"content: out-of-fold accuracy {((oof_c > 0.5) == y).mean():.3f} "
        f"(majority {1 - y.mean():.3f}); cue: "
        + ", ".join(f"top {k} precision {ycue[order[:k]].mean():.2f}" for k in (100, 300, 1000, 3000)),
        flush=True,
    )
    recs = proposals(arts, oof_c, oof_q, cue_rows, args.speech_only)
    f2 = np.array([r[3] for r in recs], np.float32)
    y2 = labels(scorer, gold, arts, recs)
    ra = np.array([r[0] for r in recs])
    s2 = np.zeros(len(recs))
    for fold in (0, 1):
        m = ra % 2 != fold
        s2[~m] = sigmoid(f2[~m] @ fit_lr(f2[m], y2[m]))
    base, _ = end_to_end(scorer, gold, arts, recs, s2, 2.0)
    keys = ("precision", "recall", "f1", "speaker_acc", "quoted_recall")
    print(
        f"{len(recs)} proposals, {int(y2.sum())} positive; current output: " + str({k: base[k] for k in keys})
    )
    best = (base["f1"], 2.0)
    for thr in THRESHOLDS:
        r, n = end_to_end(scorer, gold, arts, recs, s2, thr)
        ok = (
            r["precision"] >= base["precision"] - PRECISION_SLACK
            and r["speaker_acc"] >= base["speaker_acc"] - SPEAKER_SLACK
        )
        print(
            f"threshold {thr}: +{n} {'admissible' if ok else 'too costly'} " + str({k: r[k] for k in keys}),
            flush=True,
        )
        if ok:
            best = max(best, (r["f1"], thr))
    print(f"chosen threshold {best[1]} (out-of-fold F1 {best[0]})")
    wc, wq = fit_mlp(x, y), fit_mlp(x[crow], ycue)
    model = dict(
        **{f"c{i}": p for i, p in enumerate(wc)},
        **{f"q{i}": p for i, p in enumerate(wq)},
        mu=mu.astype(np.float32),
        sd=sd.astype(np.float32),
        w2=fit_lr(f2, y2),
        threshold=np.array([best[1]], np.float32),
        speech_only=np.array([float(args.speech_only)], np.float32),
    )
    np.savez_compressed(args.out, **model)
    print(
        f"wrote {args.out} ({Path(args.out).stat().st_size} bytes) "
        f"after {time.perf_counter() - started:.0f} s"
    )
    if args.measure:
        measure(model)
    return 0


if __name__ == "__main__":
    sys.exit(main())
