"""Draw candidate SAME / DIFFERENT statement pairs from PolNeAR for hand labelling.

The linker has to decide whether two reports by the same speaker, in different articles
published close together, are the same utterance. This script finds the candidates it is hardest
to decide on; the labels are not produced here: they were written by a person who read both
articles, and are stored in ``tests/data/statement_pairs.jsonl``.

Units are gold PolNeAR attributions whose source resolves to one of a curated list of people
(full name or surname in the source span, a role such as "the Vermont senator", or a he/she
pronoun whose nearest preceding person mention is that person). Resolution is a heuristic that
only proposes candidates; the labeller checked every speaker in context.

Candidate pairs: same speaker, different articles, publication dates at most 14 days apart, then
four compartments so that the set is hard and balanced:

- ``overlap``: every pair with notable lexical overlap (a shared quoted 3-gram that is rare in the
  corpus, or TF-IDF cosine of the contents >= OVERLAP_COSINE), at most PER_ARTICLE_PAIR per pair of
  articles so that republished copies of one article do not flood the set;
- ``rare``: pairs sharing a rare content word (document frequency <= RARE_DF) or a similar
  context, but little surface overlap: paraphrase candidates;
- ``topic``: same-topic pairs (context cosine in a middle band) without shared rare words: hard
  negatives;
- ``random``: a seeded random sample of the remaining pairs.

Labelling (by hand, not here): a candidate was dropped when its speaker turned out to be someone
else or when a side is not a statement (a vote, the writer's own assertion, "did not mention");
``same`` is true for two reports of one remark on one occasion, false otherwise, and null with
``unsure: true`` when the articles do not settle it. Each labelled row keeps ``drawn_as``, the
compartment it was drawn from.

Run: ``python3 benchmarks/draw_statement_pairs.py [--corpus DIR] [--out FILE] [--labels FILE]``.
Without ``--out`` the candidates are not written; with ``--labels`` the counts of the labelled
file (pairs, positives, negatives, unsure, by split) are printed at the end.
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import random
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date
from itertools import combinations
from pathlib import Path
from typing import cast

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "polnear"
WINDOW_DAYS = 14  # a report more than two weeks after another is rarely of the same remark
MIN_CONTENT_WORDS = 4  # "it", "so" and the like cannot be linked by anyone
OVERLAP_COSINE = 0.30
RARE_DF = 6  # a content word in at most this many units counts as rare
CONTEXT_CHARS = 400  # characters either side of a content used as its context
TOPIC_BAND = (0.12, 0.45)  # context cosine band for same-topic hard negatives
PER_SPEAKER_RARE = 25
PER_SPEAKER_TOPIC = 12
PER_SPEAKER_RANDOM = 5
PER_ARTICLE_PAIR = 4  # overlap pairs kept per pair of articles (syndicated copies would flood the set)
SEED = 20161108

# canonical name -> (gender, aliases that name the person in a source span or in the text)
PEOPLE: dict[str, tuple[str, tuple[str, ...]]] = {
    "Donald Trump": (
        "m",
        (
            "Donald J. Trump",
            "Donald Trump",
            "Mr. Trump",
            "Trump",
            "the billionaire",
            "the real estate mogul",
            "the Republican nominee",
            "the GOP nominee",
            "the Republican front-runner",
            "the GOP front-runner",
        ),
    ),
    "Donald Trump Jr.": ("m", ("Donald Trump Jr.", "Trump Jr.")),
    "Eric Trump": ("m", ("Eric Trump",)),
    "Ivanka Trump": ("f", ("Ivanka Trump", "Ivanka")),
    "Melania Trump": ("f", ("Melania Trump", "Melania")),
    "Hillary Clinton": (
        "f",
        (
            "Hillary Rodham Clinton",
            "Hillary Clinton",
            "Mrs. Clinton",
            "Hillary",
            "Clinton",
            "the former secretary of state",
            "the Democratic nominee",
            "the Democratic front-runner",
        ),
    ),
    "Bill Clinton": ("m", ("Bill Clinton", "Mr. Clinton", "former President Clinton")),
    "Chelsea Clinton": ("f", ("Chelsea Clinton",)),
    "Bernie Sanders": (
        "m",
        ("Bernie Sanders", "Bernard Sanders", "Mr. Sanders", "Sanders", "Bernie", "the Vermont senator"),
    ),
    "Ted Cruz": ("m", ("Ted Cruz", "Mr. Cruz", "Cruz", "the Texas senator")),
    "Marco Rubio": ("m", ("Marco Rubio", "Mr. Rubio", "Rubio", "the Florida senator")),
    "Barack Obama": ("m", ("Barack Obama", "Mr. Obama", "President Obama", "Obama", "the president")),
    "Michelle Obama": ("f", ("Michelle Obama", "Mrs. Obama")),
    "James Comey": ("m", ("James Comey", "James B. Comey", "Mr. Comey", "Comey", "the FBI director")),
    "Mike Pence": ("m", ("Mike Pence", "Mr. Pence", "Pence", "the Indiana governor")),
    "Tim Kaine": ("m", ("Tim Kaine", "Mr. Kaine", "Kaine")),
    "John Kasich": ("m", ("John Kasich", "Mr. Kasich", "Kasich", "the Ohio governor")),
    "Ben Carson": ("m", ("Ben Carson", "Dr. Carson", "Mr. Carson", "Carson")),
    "Jeb Bush": ("m", ("Jeb Bush", "Mr. Bush", "Jeb")),
    "Chris Christie": ("m", ("Chris Christie", "Mr. Christie", "Christie", "the New Jersey governor")),
    "Carly Fiorina": ("f", ("Carly Fiorina", "Mrs. Fiorina", "Ms. Fiorina", "Fiorina")),
    "Paul Ryan": ("m", ("Paul Ryan", "Mr. Ryan", "Ryan", "the House speaker", "Speaker Ryan")),
    "Joe Biden": ("m", ("Joe Biden", "Mr. Biden", "Biden", "the vice president")),
    "Loretta Lynch": ("f", ("Loretta Lynch", "Ms. Lynch", "Lynch", "the attorney general")),
    "Elizabeth Warren": ("f", ("Elizabeth Warren", "Ms. Warren", "Warren")),
    "Mitch McConnell": ("m", ("Mitch McConnell", "Mr. McConnell", "McConnell")),
    "Harry Reid": ("m", ("Harry Reid", "Mr. Reid", "Reid")),
    "Lindsey Graham": ("m", ("Lindsey Graham", "Mr. Graham", "Sen. Graham", "Graham")),
    "Reince Priebus": ("m", ("Reince Priebus", "Mr. Priebus", "Priebus")),
    "Corey Lewandowski": ("m", ("Corey Lewandowski", "Mr. Lewandowski", "Lewandowski")),
    "Paul Manafort": ("m", ("Paul Manafort", "Mr. Manafort", "Manafort")),
    "Kellyanne Conway": ("f", ("Kellyanne Conway", "Ms. Conway", "Conway")),
    "Robby Mook": ("m", ("Robby Mook", "Mr. Mook", "Mook")),
    "John Podesta": ("m", ("John Podesta", "Mr. Podesta", "Podesta")),
    "Jennifer Palmieri": ("f", ("Jennifer Palmieri", "Ms. Palmieri", "Palmieri")),
    "Brian Fallon": ("m", ("Brian Fallon", "Mr. Fallon", "Fallon")),
    "Huma Abedin": ("f", ("Huma Abedin", "Ms. Abedin", "Abedin")),
    "Newt Gingrich": ("m", ("Newt Gingrich", "Mr. Gingrich", "Gingrich")),
    "Rudy Giuliani": ("m", ("Rudy Giuliani", "Rudolph W. Giuliani", "Mr. Giuliani", "Giuliani")),
    "Jeff Sessions": ("m", ("Jeff Sessions", "Mr. Sessions", "Sessions")),
    "Mitt Romney": ("m", ("Mitt Romney", "Mr. Romney", "Romney")),
    "Martin O'Malley": (
        "m",
        ("Martin O'Malley", "Martin O\u2019Malley", "Mr. O'Malley", "O'Malley", "O\u2019Malley"),
    ),
    "Debbie Wasserman Schultz": ("f", ("Debbie Wasserman Schultz", "Wasserman Schultz")),
    "Gary Johnson": ("m", ("Gary Johnson",)),
    "Jill Stein": ("f", ("Jill Stein", "Stein")),
    "Josh Earnest": ("m", ("Josh Earnest", "Mr. Earnest", "Earnest")),
    "John Kerry": ("m", ("John Kerry", "Mr. Kerry", "Kerry")),
    "Rand Paul": ("m", ("Rand Paul",)),
    "Mike Huckabee": ("m", ("Mike Huckabee", "Mr. Huckabee", "Huckabee")),
    "Rick Santorum": ("m", ("Rick Santorum", "Santorum")),
    "John McCain": ("m", ("John McCain", "Mr. McCain", "McCain")),
    "Sarah Palin": ("f", ("Sarah Palin", "Palin")),
    "Nancy Pelosi": ("f", ("Nancy Pelosi", "Pelosi")),
    "Jeff Weaver": ("m", ("Jeff Weaver", "Mr. Weaver", "Weaver")),
    "Tad Devine": ("m", ("Tad Devine", "Mr. Devine", "Devine")),
    "Hope Hicks": ("f", ("Hope Hicks", "Ms. Hicks", "Hicks")),
    "Jason Miller": ("m", ("Jason Miller",)),
    "Megyn Kelly": ("f", ("Megyn Kelly",)),
    "Glenn Beck": ("m", ("Glenn Beck", "Beck")),
    "Rush Limbaugh": ("m", ("Rush Limbaugh", "Limbaugh")),
    "Trey Gowdy": ("m", ("Trey Gowdy", "Gowdy")),
    "Julian Assange": ("m", ("Julian Assange", "Assange")),
    "Vladimir Putin": ("m", ("Vladimir Putin", "Putin")),
    "Khizr Khan": ("m", ("Khizr Khan",)),
    "Roger Stone": ("m", ("Roger Stone",)),
    "Jorge Ramos": ("m", ("Jorge Ramos", "Ramos")),
    "Mark Cuban": ("m", ("Mark Cuban", "Cuban")),
}
PRONOUNS = {"he": "m", "she": "f"}
# a source span with one of these words is someone around the person, not the person
NOT_THE_PERSON = re.compile(
    r"\b(campaign|spokes\w*|aides?|advis[eo]rs?|staff\w*|allies|supporters|camp|team|surrogates?|"
    r"administration|foundation|family|lawyers?|attorneys?|secretary|manager|chairman|director|"
    r"officials?|people|voters|backers|friends|allies|associates?|critics|and|or|both|"
    r"website|ad|ads|statement|memo|book|letter|tweets?|report|spokesperson)\b",
    re.IGNORECASE,
)
POSSESSIVE_PHRASE = re.compile(r"['\u2019]s\s+\w")
HONORIFIC_NAME = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Sen|Gov|Rep)\.\s+[A-Z][\w'\u2019-]+")
WORD = re.compile(r"[a-z][a-z'\u2019-]+")
QUOTED = re.compile(r"[“\"]([^”\"]{3,})[”\"]")
_STOPWORDS_TEXT = (
    "a about above after again against all also am an and any are as at be because been before being "
    "below between both but by can could did do does doing down during each few for from further had "
    "has have having he her here hers herself him himself his how i if in into is it its itself just "
    "me more most my myself no nor not now of off on once only or other our ours ourselves out over "
    "own same she should so some such than that the their theirs them themselves then there these "
    "they this those through to too under until up very was we were what when where which while who "
    "whom why will with would you your yours yourself yourselves said says say saying told tell "
    "going get got go gone think know really want wanted like well also one two would could us it's "
    "don't i'm we're that's they're he's she's people thing things lot way make made"
)
STOPWORDS = frozenset(_STOPWORDS_TEXT.split())


@dataclass(frozen=True, slots=True)
class Unit:
    """One gold attribution whose source resolved to a curated person."""

    key: str  # "<compartment>/text/<file>.txt#<start>"
    compartment: str
    article: str
    publisher: str
    published: date
    start: int
    end: int
    text: str
    source: str
    cue: str
    speaker: str
    how: str  # "name", "role" or "pronoun": how the speaker was resolved
    context: str


def parse_spans(field: str) -> list[tuple[int, int]]:
    """'a b;c d' -> [(a, b), (c, d)]; an unparsable field gives []."""
    spans = []
    for part in field.split(";"):
        bits = part.split()
        if len(bits) == 2 and bits[0].isdigit() and bits[1].isdigit():
            spans.append((int(bits[0]), int(bits[1])))
    return spans


def read_ann(path: Path) -> list[dict[str, list[tuple[int, int]]]]:
    """The attributions of one brat file: role -> spans, for every E line with a Content."""
    spans: dict[str, tuple[str, list[tuple[int, int]]]] = {}
    events: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if line.startswith("T") and len(cols) >= 2:
            label, _, field = cols[1].partition(" ")
            parsed = parse_spans(field)
            if parsed:
                spans[cols[0]] = (label, parsed)
        elif line.startswith("E") and len(cols) >= 2:
            roles = dict(arg.split(":", 1) for arg in cols[1].split() if ":" in arg)
            events.append(roles)
    out = []
    for roles in events:
        item = {role: spans[tid][1] for role, tid in roles.items() if tid in spans and role != "Attribution"}
        if "Content" in item:
            out.append(item)
    return out


def extent(spans: list[tuple[int, int]]) -> tuple[int, int]:
    return min(s for s, _ in spans), max(e for _, e in spans)


def alias_patterns() -> list[tuple[re.Pattern[str], str, str]]:
    """(pattern, canonical name, kind) for every alias, longest first so full names win."""
    rows = []
    for name, (_, aliases) in PEOPLE.items():
        for alias in aliases:
            kind = "role" if alias[0].islower() else "name"
            flags = re.IGNORECASE if kind == "role" else 0
            rows.append(
                (len(alias), re.compile(r"(?<![\w.])" + re.escape(alias) + r"(?![\w])", flags), name, kind)
            )
    rows.sort(key=lambda r: -r[0])
    return [(pat, name, kind) for _, pat, name, kind in rows]


ALIASES = alias_patterns()


def find_people(text: str) -> list[tuple[int, int, str, str]]:
    """Non-overlapping (start, end, name, kind) mentions of curated people, longest alias first."""
    taken: list[tuple[int, int]] = []
    found = []
    for pat, name, kind in ALIASES:
        for m in pat.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            taken.append((m.start(), m.end()))
            found.append((m.start(), m.end(), name, kind))
    found.sort()
    return found


def quote_regions(text: str) -> list[tuple[int, int]]:
    """Spans between matching quotation marks (curly pairs, or straight quotes taken two by two)."""
    regions = [(m.start(), m.end()) for m in re.finditer(r"“[^”]*”|''.*?''", text, re.DOTALL)]
    straight = [m.start() for m in re.finditer(r'"', text)]
    regions += list(zip(straight[::2], straight[1::2], strict=False))
    return regions


def resolve(
    text: str, source: str, src_start: int, mentions: list[tuple[int, int, str, str]], blockers: list[int]
) -> tuple[str, str] | None:
    """The speaker of a source span, or None when it is not clearly one curated person."""
    src = source.strip()
    if src.lower() in PRONOUNS:
        gender = PRONOUNS[src.lower()]
        before = [m for m in mentions if m[1] <= src_start and m[3] == "name"]
        if not before:
            return None
        last = before[-1]  # mentions inside quotation marks were already left out
        if PEOPLE[last[2]][0] != gender or src_start - last[1] > 1200:
            return None
        if any(last[1] <= b < src_start for b in blockers):
            return None  # someone not in the list was named in between
        return last[2], "pronoun"
    if NOT_THE_PERSON.search(src) or POSSESSIVE_PHRASE.search(src):
        return None
    found = find_people(src)
    people = {name for _, _, name, _ in found}
    if len(people) != 1:
        return None
    name = people.pop()
    kind = "role" if all(k == "role" for *_, k in found) else "name"
    if kind == "role" and not re.fullmatch(
        r"(?:the\s+)?" + re.escape(src[found[0][0] : found[0][1]].removeprefix("the ").removeprefix("The ")),
        src,
        re.IGNORECASE,
    ):
        return None  # "Javier Palomarez, the president of ...": the role belongs to someone else
    surname = name.split()[-1]
    if kind == "name" and src.strip("\u2019's ") in (surname, "Mr. " + surname):
        # a bare surname: the most recent full mention of someone of that surname decides
        full = [
            m
            for m in mentions
            if m[1] <= src_start
            and m[2].split()[-1] == surname
            and " " in text[m[0] : m[1]]
            and not text[m[0] : m[1]].startswith("Mr")
        ]
        if full and src_start - full[-1][1] < 1500:
            name = full[-1][2]
    return name, kind


def load_units(corpus: Path) -> list[Unit]:
    meta: dict[str, dict[str, str]] = {}
    with (corpus / "metadata.tsv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            meta[row["filename"]] = row
    units: list[Unit] = []
    for stem, row in sorted(meta.items()):
        comp = row["compartment"]
        text_path = corpus / comp / "text" / f"{stem}.txt"
        anns = sorted((corpus / comp / "attributions").glob(f"{stem}_*.ann"))
        if not text_path.exists() or not anns:
            continue
        text = text_path.read_text(encoding="utf-8")
        # several annotators: keep the most complete annotation (ties: first annotator id)
        parsed = [(-len(read_ann(p)), p.name, read_ann(p)) for p in anns]
        attributions = min(parsed)[2]
        quoted = quote_regions(text)
        # a name inside a quotation is not who a following "he" refers to
        mentions = [m for m in find_people(text) if not any(s <= m[0] < e for s, e in quoted)]
        blockers = [
            m.start()
            for m in HONORIFIC_NAME.finditer(text)
            if not any(s <= m.start() < e for s, e, _, _ in mentions)
        ]
        # named sources outside the list ("Axelrod said") also end a pronoun chain
        for item in attributions:
            if "Source" in item:
                s_start, s_end = extent(item["Source"])
                src = text[s_start:s_end]
                if src[:1].isupper() and src.lower() not in PRONOUNS and not find_people(src):
                    blockers.append(s_start)
        for item in attributions:
            if "Source" not in item:
                continue
            s_start, s_end = extent(item["Source"])
            source = text[s_start:s_end]
            who = resolve(text, source, s_start, mentions, blockers)
            if who is None:
                continue
            c_start, c_end = extent(item["Content"])
            content = text[c_start:c_end]
            if len([w for w in WORD.findall(content.lower()) if w not in STOPWORDS]) < MIN_CONTENT_WORDS:
                continue
            cue = " ".join(text[s:e] for s, e in item.get("Cue", []))
            units.append(
                Unit(
                    key=f"{comp}/text/{stem}.txt#{c_start}",
                    compartment=comp,
                    article=f"{comp}/text/{stem}.txt",
                    publisher=row["publisher"],
                    published=date.fromisoformat(row["publication_date"]),
                    start=c_start,
                    end=c_end,
                    text=content,
                    source=source,
                    cue=cue,
                    speaker=who[0],
                    how=who[1],
                    context=text[max(0, c_start - CONTEXT_CHARS) : c_end + CONTEXT_CHARS],
                )
            )
    return units


def words(text: str) -> list[str]:
    return [w.strip("'\u2019-") for w in WORD.findall(text.lower()) if w not in STOPWORDS and len(w) > 2]


def quoted_trigrams(text: str) -> set[tuple[str, ...]]:
    grams: set[tuple[str, ...]] = set()
    for q in QUOTED.findall(text) or [text]:
        toks = WORD.findall(q.lower())
        grams.update(
            tuple(toks[i : i + 3])
            for i in range(len(toks) - 2)
            if sum(t not in STOPWORDS for t in toks[i : i + 3]) >= 2
        )
    return grams


def tfidf(bags: list[list[str]]) -> list[dict[str, float]]:
    df = Counter(w for bag in bags for w in set(bag))
    n = len(bags)
    vecs = []
    for bag in bags:
        tf = Counter(bag)
        vec = {w: (1 + math.log(c)) * math.log(n / df[w]) for w, c in tf.items()}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        vecs.append({w: v / norm for w, v in vec.items()})
    return vecs


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(w, 0.0) for w, v in a.items())


def num(row: dict[str, object], key: str) -> float:
    """A numeric field of a candidate row (rows mix numbers, word lists and flags)."""
    return float(cast(float, row[key]))


def draw(units: list[Unit]) -> list[dict[str, object]]:
    """Candidate pairs with their compartment and features, deterministic."""
    content_bags = [words(u.text) for u in units]
    df = Counter(w for bag in content_bags for w in set(bag))
    content_vecs = tfidf(content_bags)
    context_vecs = tfidf([words(u.context) for u in units])
    grams = [quoted_trigrams(u.text) for u in units]
    gram_df = Counter(g for gs in grams for g in gs)  # "the united states" links nothing
    by_speaker: dict[str, list[int]] = defaultdict(list)
    for i, u in enumerate(units):
        by_speaker[u.speaker].append(i)
    rng = random.Random(SEED)
    chosen: list[dict[str, object]] = []
    for speaker in sorted(by_speaker):
        pool: dict[str, list[dict[str, object]]] = defaultdict(list)
        for i, j in combinations(by_speaker[speaker], 2):
            a, b = units[i], units[j]
            if a.article == b.article or abs((a.published - b.published).days) > WINDOW_DAYS:
                continue
            rare = sorted(w for w in set(content_bags[i]) & set(content_bags[j]) if df[w] <= RARE_DF)
            shared = [g for g in grams[i] & grams[j] if gram_df[g] <= RARE_DF]
            row: dict[str, object] = {
                "a": i,
                "b": j,
                "content_cos": round(cosine(content_vecs[i], content_vecs[j]), 3),
                "context_cos": round(cosine(context_vecs[i], context_vecs[j]), 3),
                "shared_3grams": len(shared),
                "rare": rare,
                "cross_publisher": a.publisher != b.publisher,
            }
            if row["shared_3grams"] or num(row, "content_cos") >= OVERLAP_COSINE:
                pool["overlap"].append(row)
            elif rare or num(row, "context_cos") >= TOPIC_BAND[1]:
                pool["rare"].append(row)
            elif TOPIC_BAND[0] <= num(row, "context_cos") < TOPIC_BAND[1]:
                pool["topic"].append(row)
            else:
                pool["random"].append(row)

        def by_score(r: dict[str, object]) -> float:
            return num(r, "content_cos") + num(r, "context_cos") + 0.2 * len(cast(list[str], r["rare"]))

        pool["overlap"].sort(key=lambda r: (-num(r, "shared_3grams"), -by_score(r)))
        per_articles: Counter[tuple[str, str]] = Counter()
        overlap = []
        for row in pool["overlap"]:
            pair = (units[int(num(row, "a"))].article, units[int(num(row, "b"))].article)
            per_articles[pair] += 1
            if per_articles[pair] <= PER_ARTICLE_PAIR:
                overlap.append(row)
        pool["rare"].sort(key=by_score, reverse=True)
        pool["topic"].sort(key=by_score, reverse=True)
        picks = {
            "overlap": overlap,
            "rare": pool["rare"][:PER_SPEAKER_RARE],
            "topic": pool["topic"][:PER_SPEAKER_TOPIC],
            "random": rng.sample(pool["random"], min(PER_SPEAKER_RANDOM, len(pool["random"]))),
        }
        for compartment, rows in picks.items():
            for row in rows:
                chosen.append({**row, "compartment": compartment, "speaker": speaker})
    return chosen


def split_of(a: Unit, b: Unit) -> str:
    return a.compartment if a.compartment == b.compartment else "mixed"


def side(u: Unit) -> dict[str, object]:
    return {
        "article": u.article,
        "publisher": u.publisher,
        "published": u.published.isoformat(),
        "start": u.start,
        "end": u.end,
        "text": u.text,
        "source": u.source,
        "cue": u.cue,
    }


def print_counts(path: Path) -> None:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    for split in ("all", "train", "dev", "mixed", "held_out2"):
        part = [r for r in rows if split in ("all", r["split"])]
        sure = [r for r in part if not r.get("unsure")]
        pos = sum(1 for r in sure if r["same"])
        print(
            f"{split:>6}: pairs {len(part):4d}  positives {pos:4d}  negatives {len(sure) - pos:4d}  "
            f"unsure {len(part) - len(sure):3d}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--out", type=Path, help="write the unlabelled candidates here (JSON Lines)")
    parser.add_argument("--labels", type=Path, help="the labelled pairs file whose counts to print")
    args = parser.parse_args()
    units = load_units(args.corpus)
    candidates = draw(units)
    print(f"units {len(units)} (speakers {len({u.speaker for u in units})}), candidates {len(candidates)}")
    print(" ".join(f"{k}={v}" for k, v in sorted(Counter(str(c["compartment"]) for c in candidates).items())))
    if args.out:
        with args.out.open("w", encoding="utf-8") as fh:
            for n, cand in enumerate(candidates, 1):
                a, b = units[int(num(cand, "a"))], units[int(num(cand, "b"))]
                if (a.published, a.article) > (b.published, b.article):
                    a, b = b, a
                record = {
                    "cid": f"c{n:05d}",
                    "split": split_of(a, b),
                    "speaker": cand["speaker"],
                    "compartment": cand["compartment"],
                    "features": {
                        k: cand[k]
                        for k in ("content_cos", "context_cos", "shared_3grams", "rare", "cross_publisher")
                    },
                    "how": [a.how, b.how],
                    "a": side(a),
                    "b": side(b),
                }
                fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    if args.labels and args.labels.exists():
        print_counts(args.labels)


if __name__ == "__main__":
    main()
