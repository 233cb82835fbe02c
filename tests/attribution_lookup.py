"""The attributions a test sentence yields for one cue and content: what the parametrised
sentence -> (speaker mention, kind) tests of ``tests/unit/attribution`` compare."""

from __future__ import annotations

from onrecord.attribution import extract_attributions


def found_with(text: str, cue: str, content: str) -> list[tuple[str | None, str]]:
    """(speaker mention, kind) of each attribution in ``text`` with this cue and this content."""
    return [
        (a.speaker_mention.text if a.speaker_mention else None, a.kind)
        for a in extract_attributions(text)
        if a.cue is not None and a.cue.text == cue and a.content.text == content
    ]


def mentions_with(text: str, cue: str, content: str) -> list[str | None]:
    """The speaker mention of each attribution in ``text`` with this cue and this content."""
    return [mention for mention, _ in found_with(text, cue, content)]


def mentions_of_cue(text: str, cue: str) -> list[str | None]:
    """The speaker mention of each attribution in ``text`` with this cue, whatever its content."""
    return [
        a.speaker_mention.text if a.speaker_mention else None
        for a in extract_attributions(text)
        if a.cue is not None and a.cue.text == cue
    ]
