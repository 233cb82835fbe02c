"""Lines of a text with their offsets and the features the cleaner decides on."""

from __future__ import annotations

import re
from dataclasses import dataclass

from onrecord.clean.phrases import chrome_reason, line_key, stopwords

_BREAK = re.compile(r"\r\n|\r|\n")
_WORD = re.compile(r"\w+")
# Scripts written without spaces: a run of these characters is several words, not one.
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
# Characters of CJK text per word, roughly, for the length of a line.
CJK_CHARS_PER_WORD = 2
# List markers that text renderers (lynx, inscriptis, html2text) put before <li> items.
# Text browsers pad table cells with runs of spaces; prose has single spaces between words.
_CELL_GAP = re.compile(r"\s{2,}")
_BULLET = re.compile(r"^(?:[*+\u2022\u00b7\u25aa\u25cf\u25e6\u2023>-]|o(?=\s))\s*")
# End of a sentence, possibly inside closing quotes or brackets; a colon introduces a quote or list.
# A headline may ask or exclaim; it does not end in a full stop.
_STATEMENT_END = re.compile(r"""[.\u3002:;]['"\u2019\u201d\u00bb)\]]*$""")
_SENTENCE_END = re.compile(r"""[.!?\u2026\u3002\uff01\uff1f:;]['"\u2019\u201d\u00bb)\]]*$""")
_URL = re.compile(r"https?://|www\.|\S+@\S+\.\w+|\.(?:com|org|net|html?|php)\b", re.IGNORECASE)
# Lines made only of numbers, dates, times, counters and separators ("Nov. 19, 2019 5:50 PM").
_MONTHS = (
    "jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july"
    "|august|september|october|november|december|am|pm|a\\.m|p\\.m|et|est|edt|gmt|utc|updated"
    "|published|posted|last|modified|on|at|min|mins|ago|hours?|minutes?|days?"
)
_DATELIKE = re.compile(rf"^(?:[\W\d_]|\b(?:{_MONTHS})\b\.?)*$", re.IGNORECASE)
_BYLINE = re.compile(
    r"^(?i:by|from|von|par|por|di|door|oleh|автор)\s+[A-Z\u00c0-\u024f\u0400-\u04ff]", re.UNICODE
)
# Photo credits and captions: where the agency or photographer is named at the end of a line.
_AGENCIES = (
    r"AP|AFP|Reuters|EPA|EFE|ANSA|dpa|DPA|TASS|Xinhua|Getty(?: Images)?|Shutterstock|Bloomberg|UPI|"
    r"PA|PA Wire|Alamy|iStock|Sputnik|RIA Novosti|NurPhoto|Zuma(?: Press)?|SIPA|Pool|File|Handout"
)
_CREDIT = re.compile(
    r"(?:"
    # "... in Washington (AP)", "(Reed Saxon / Associated Press)", "(Photo: John Doe)"
    r"\((?:[^()]*(?:/|\bvia\b|\bphoto\b|\bfoto\b|\bcredit\b|\bimage\b)[^()]*|(?:" + _AGENCIES + r")"
    r"(?:\s+(?:Photo|Images?)[^()]*)?)\)"
    # "... Natalia Shatokhina / NEWS.ru / TASS", "Photo: Damian Dovarganes, AP"
    r"|[.!?]\s+(?!pic\.twitter)(?:[A-Z][\w.'\u2019-]*\s+){0,3}[A-Z][\w.'\u2019-]*\s*/\s*[\w.&'/ -]{2,40}"
    r"|\b(?:Getty Images|Shutterstock|AFP via Getty Images|Associated Press|iStockphoto)"
    r")\s*$"
    r"|^(?:photo|photos|image|images|picture|foto|fotos|credit|credits|photograph|source|bild|"
    r"quelle|fonte|imagem|crédito|credito|фото)\s*(?:by|credit|credits|:|\u00a9|-|\u2013|\u2014)",
    re.IGNORECASE,
)
# A row of share buttons names several networks and little else.
_NETWORKS = frozenset(
    [
        "facebook",
        "twitter",
        "x",
        "whatsapp",
        "telegram",
        "linkedin",
        "pinterest",
        "pint",
        "reddit",
        "email",
        "e",
        "mail",
        "print",
        "instagram",
        "youtube",
        "tumblr",
        "flipboard",
        "messenger",
        "vk",
        "viber",
        "line",
        "sms",
        "copy",
        "link",
        "share",
        "tweet",
        "compartilhar",
        "compartir",
        "condividi",
        "teilen",
        "partager",
        "baixar",
        "download",
    ]
)
# At least this many network names, making up at least this share of the line's tokens.
MIN_NETWORK_NAMES = 2
MIN_NETWORK_SHARE = 0.6
_CREDIT_WORDS = re.compile(r"\b(?:photo|photograph|image|credit|courtesy)\b", re.IGNORECASE)
# Boxes that sell something talk to the reader, or about "us"; news prose rarely does either.
_SECOND_PERSON = re.compile(
    r"\b(?:you|your|yours|you're|you've|we|our|us|we're|we've|subscribe|subscribers?|subscription|"
    r"unsubscribe|donate|donations?|newsletters?|inbox|sign up|membership|"
    r"sie|ihr|wir|unser\w*|vous|votre|nous|notre|usted|nosotros|nuestr\w*|voc\u00ea|n\u00f3s|nosso\w*|"
    r"voi|vostr\w*|noi|nostr\w*|\u0432\u044b|\u0432\u0430\u0448\w*|\u043c\u044b|\u043d\u0430\u0448\w*|anda|kami|kita)\b",
    re.IGNORECASE,
)


@dataclass(slots=True)
class Line:
    """One line of the original text: ``text`` is ``original[start:end]`` without surrounding
    whitespace; blank lines have ``start == end``."""

    index: int
    start: int
    end: int
    text: str
    indent: int
    key: str
    words: int
    stop_ratio: float
    digit_share: float
    sentence_end: bool
    statement_end: bool
    bullet: bool
    cells: int
    url: bool
    datelike: bool
    byline: bool
    credit: bool
    reader_address: bool
    chrome: str | None

    @property
    def blank(self) -> bool:
        return not self.text

    @property
    def headline_like(self) -> bool:
        """Short, without a sentence end, not a list item: a headline, a subheading or a label."""
        return (
            MIN_HEADLINE_WORDS <= self.words <= MAX_HEADLINE_WORDS
            and not self.sentence_end
            and not self.bullet
            and not self.url
            and not self.datelike
        )


# A headline has a few words and fits on one line of a front page.
MIN_HEADLINE_WORDS = 2
MAX_HEADLINE_WORDS = 25


def _count_words(text: str) -> tuple[int, list[str]]:
    tokens = _WORD.findall(text)
    cjk = len(_CJK.findall(text))
    if cjk:
        # CJK runs are single \w+ tokens; count them by characters instead.
        tokens_without = _WORD.findall(_CJK.sub(" ", text))
        return len(tokens_without) + cjk // CJK_CHARS_PER_WORD, tokens
    return len(tokens), tokens


def make_line(index: int, raw: str, offset: int) -> Line:
    stripped = raw.strip()
    lead = len(raw) - len(raw.lstrip())
    start = offset + lead
    indent = len(raw[:lead].expandtabs(8))
    if not stripped:
        return Line(index, offset, offset, "", 0, "", 0, 0.0, 0.0, False, False, False, 0, False, False,
                    False, False, False, None)  # fmt: skip
    words, tokens = _count_words(stripped)
    stops = stopwords()
    stop_ratio = sum(t.casefold() in stops for t in tokens) / len(tokens) if tokens else 0.0
    key = line_key(stripped)
    credit = bool(_CREDIT.search(stripped))
    networks = sum(t.casefold() in _NETWORKS for t in tokens)
    social = networks >= MIN_NETWORK_NAMES and networks >= MIN_NETWORK_SHARE * len(tokens)
    return Line(
        index=index,
        start=start,
        end=start + len(stripped),
        text=stripped,
        indent=indent,
        key=key,
        words=words,
        stop_ratio=stop_ratio,
        digit_share=sum(t.isdigit() for t in tokens) / len(tokens) if tokens else 0.0,
        sentence_end=bool(_SENTENCE_END.search(stripped)),
        statement_end=bool(_STATEMENT_END.search(stripped)),
        bullet=bool(_BULLET.match(stripped)) and not stripped.startswith(("--", "->")),
        cells=len(_CELL_GAP.split(stripped)),
        url=bool(_URL.search(stripped)) and words <= MAX_HEADLINE_WORDS,
        datelike=bool(_DATELIKE.match(stripped)) and any(c.isdigit() for c in stripped),
        byline=bool(_BYLINE.match(stripped)) and words <= MAX_BYLINE_WORDS and not stripped.endswith("."),
        credit=credit,
        reader_address=bool(_SECOND_PERSON.search(stripped)),
        chrome="social" if social else chrome_reason(key, words),
    )


# "By Jane Doe and John Roe, Staff Writers on Monday, Nov. 18" is short and ends without a full
# stop; a sentence starting with "By" is neither.
MAX_BYLINE_WORDS = 16


def split_lines(text: str) -> list[Line]:
    """Every line of ``text`` (``\\r\\n``, ``\\r`` and ``\\n`` all end a line), blank ones included."""
    lines: list[Line] = []
    pos = 0
    for match in _BREAK.finditer(text):
        lines.append(make_line(len(lines), text[pos : match.start()], pos))
        pos = match.end()
    lines.append(make_line(len(lines), text[pos:], pos))
    return lines


def credit_words(text: str) -> bool:
    """Whether a line mentions a photo or a credit at all."""
    return bool(_CREDIT_WORDS.search(text))
