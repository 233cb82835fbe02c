from __future__ import annotations

from onrecord.api.highlight import Mark, marks_for, runs
from onrecord.models import Attribution, Removal, Span, Speaker

TEXT = 'Ad: buy now\n\nThe mayor said "we will build it" on Monday.\n'


def _attribution(aid: str, content: str, cue: str = "said", mention: str = "The mayor") -> Attribution:
    def span(s: str) -> Span:
        i = TEXT.index(s)
        return Span(i, i + len(s), s)

    return Attribution(
        aid, "art", "direct", span(content), span(cue), span(mention), Speaker("m", "Mayor", "person"), 0.9
    )


def test_runs_cover_the_text_exactly_once() -> None:
    a = _attribution("a1", "we will build it")
    got = runs(TEXT, marks_for(TEXT, [a], [Removal(0, 11, "advertisement")]))
    assert "".join(r.text for r in got) == TEXT
    by_text = {r.text: r for r in got}
    assert by_text["we will build it"].roles == ("content",)
    assert by_text["said"].roles == ("cue",)
    assert by_text["The mayor"].roles == ("mention",)
    assert by_text["we will build it"].attributions == ("a1",)


def test_removal_takes_the_blank_lines_after_it_but_not_words_on_its_line() -> None:
    got = runs(TEXT, marks_for(TEXT, [], [Removal(0, 11, "advertisement")]))
    assert got[0].text == "Ad: buy now\n\n" and got[0].removed == "advertisement"
    inline = runs("a AD b", marks_for("a AD b", [], [Removal(2, 4, "ad")]))
    assert [r.text for r in inline] == ["a ", "AD", " b"]


def test_overlapping_spans_of_two_attributions_are_both_kept() -> None:
    # A mixed quote with its cue inside, and a second attribution sharing part of the content.
    marks = [Mark(0, 10, "content", "x"), Mark(4, 6, "cue", "x"), Mark(8, 14, "content", "y")]
    got = runs("0123456789abcdef", marks)
    assert [(r.text, r.roles, r.attributions) for r in got] == [
        ("0123", ("content",), ("x",)),
        ("45", ("content", "cue"), ("x",)),
        ("67", ("content",), ("x",)),
        ("89", ("content",), ("x", "y")),
        ("abcd", ("content",), ("y",)),
        ("ef", (), ()),
    ]


def test_each_attribution_gets_one_focusable_anchor_on_its_first_content_run() -> None:
    marks = [Mark(0, 10, "content", "x"), Mark(4, 6, "cue", "x")]
    anchors = [r.anchor for r in runs("0123456789", marks)]
    assert anchors == ["x", None, None]


def test_marks_outside_the_text_are_clipped_or_dropped() -> None:
    got = runs("abc", [Mark(1, 99, "content", "x"), Mark(50, 60, "cue", "y"), Mark(2, 2, "cue", "z")])
    assert [(r.text, r.roles) for r in got] == [("a", ()), ("bc", ("content",))]


def test_classes_name_each_role_and_removal() -> None:
    got = runs("abcd", [Mark(0, 2, "removed", "teaser"), Mark(1, 3, "mention", "x")])
    assert [r.classes for r in got] == ["removed", "hl-mention removed", "hl-mention", ""]
