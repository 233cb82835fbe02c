"""Shared inputs for the reader tests: a realistic article page and a way to run a reader on a file."""

from __future__ import annotations

from pathlib import Path

from onrecord.ingest import Item, read_input
from onrecord.ingest.source import InputFile, format_of
from onrecord.models import Article, Notice, Rejection

MiB = 1024 * 1024

# French prose with accents and guillemets: encodable in cp1252 and latin-1, not ASCII.
FRENCH = (
    "Le ministre de l'Économie a déclaré mardi à la presse que la réforme des retraites était "
    "« nécessaire et urgente ».\n"
    "« Nous ne céderons pas à la pression de la rue », a-t-il ajouté devant les députés réunis à "
    "l'Assemblée.\n"
    "Les syndicats, qui réclament le retrait du texte, ont appelé à une nouvelle journée de grève jeudi.\n"
    "Selon un sondage publié lundi, près de sept Français sur dix s'opposent au report de l'âge légal.\n"
)

PARAGRAPHS = (
    "The city council voted eleven to four on Tuesday evening to approve the construction of a new "
    "pedestrian bridge across the inner harbour, ending a debate that has divided residents for almost "
    "a decade.",
    '"This bridge will connect two neighbourhoods that have looked at each other across the water for a '
    'hundred years without being able to walk to each other," said councillor Amira Haddad, who proposed '
    "the plan.",
    "Opponents argued that the estimated cost of forty million crowns was too high for a city that is "
    "still repaying the loans taken out to renovate its schools. Councillor Per Sandvik said the money "
    "would be better spent on bus services.",
    "Construction is expected to begin next spring and to take about two years. The harbour authority "
    "said shipping would not be affected, because the bridge will open for taller vessels.",
)
NAV_TEXT = "Weather forecast and tide tables"
HEADER_TEXT = "Subscribe today for unlimited access"
FOOTER_TEXT = "Copyright The Coastal Herald. All rights reserved. Privacy policy. Cookie settings."
TITLE = "Council Approves New Harbour Bridge"
SITE_NAME = "The Coastal Herald"


def article_page(*, published: str | None = "2024-05-01", paragraphs: tuple[str, ...] = PARAGRAPHS) -> str:
    """A small but realistic news page: chrome around an <article> of several paragraphs."""
    date_meta = f'<meta property="article:published_time" content="{published}">' if published else ""
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{TITLE} | {SITE_NAME}</title>
<meta property="og:site_name" content="{SITE_NAME}">
<meta property="og:title" content="{TITLE}">
{date_meta}
</head>
<body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li>
<li><a href="/weather">{NAV_TEXT}</a></li></ul></nav>
<header><a href="/subscribe">{HEADER_TEXT}</a></header>
<main>
<article>
<h1>{TITLE}</h1>
{body}
</article>
</main>
<footer><p>{FOOTER_TEXT}</p></footer>
</body>
</html>
"""


def read_file(path: Path, max_bytes: int = 20 * MiB, fmt: str | None = None) -> list[Item]:
    """Everything ``read_input`` yields for one file, with the format chosen as ``discover`` would."""
    inp = InputFile(str(path), fmt or format_of(path.name) or "text", path)
    return list(read_input(inp, max_bytes))


def articles(items: list[Item]) -> list[Article]:
    return [i for i in items if isinstance(i, Article)]


def rejections(items: list[Item]) -> list[Rejection]:
    return [i for i in items if isinstance(i, Rejection)]


def notices(items: list[Item]) -> list[Notice]:
    return [i for i in items if isinstance(i, Notice)]


def only_rejection(items: list[Item]) -> Rejection:
    """The single item, which must be a rejection."""
    assert len(items) == 1, items
    assert isinstance(items[0], Rejection), items
    return items[0]
