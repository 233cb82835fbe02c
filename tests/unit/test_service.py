from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest

from onrecord.errors import NotFoundError
from onrecord.service import Service

FOOTER = (
    "Subscribe to the Valley Gazette and get every story delivered to your door each morning of the week."
)
STORIES = [
    "The town council approved a new budget on Monday after a long debate about road repairs and school funding in the valley.",
    "Farmers in the northern district said the late frost had damaged much of this year's apple harvest, raising fears for prices.",
    "The regional hospital opened a new maternity ward on Friday, its director said, after three years of construction work.",
    "Local rowers won the river championship for the second year running, beating a strong team from the coast by two lengths.",
]


def _feed(tmp_path: Path, outlet: str | None) -> Path:
    feed = tmp_path / "feed.jsonl"
    with feed.open("w", encoding="utf-8") as f:
        for i, story in enumerate(STORIES):
            text = f"{story}\n\n{story.replace('the', 'this')} More details followed later.\n\n{FOOTER}\n"
            f.write(json.dumps({"id": f"s{i}", "text": text, "outlet": outlet}) + "\n")
    return feed


def test_lines_repeated_across_an_outlet_are_removed(tmp_path: Path) -> None:
    with Service(str(tmp_path / "t.db")) as service:
        report = service.ingest([str(_feed(tmp_path, "Valley Gazette"))])
        assert report.stored == len(STORIES) and report.ok
        for i in range(len(STORIES)):
            article = service.article(f"s{i}")
            assert FOOTER not in article.body
            assert any(
                r.reason == "repeated-across-outlet" and article.text[r.start : r.end].strip() == FOOTER
                for r in article.removed
            )


def test_without_an_outlet_nothing_is_learned(tmp_path: Path) -> None:
    with Service(str(tmp_path / "t.db")) as service:
        service.ingest([str(_feed(tmp_path, None))])
        article = service.article("s0")
        assert not any(r.reason == "repeated-across-outlet" for r in article.removed)


def test_report_counts_and_rejections(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(STORIES[0] + "\n\n" + STORIES[1] + "\n", encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    with Service(str(tmp_path / "t.db")) as service:
        report = service.ingest([str(good), str(empty)])
        assert (report.inputs, report.inputs_with_rejections, report.stored) == (2, 1, 1)
        assert [(r.source, r.stage, r.reason) for r in report.rejections] == [
            (str(empty), "read", "empty input")
        ]
        assert [r.source for r in service.rejections()] == [str(empty)]
        again = service.ingest([str(good)])
        assert (again.stored, again.already_stored) == (0, 1)


def test_a_second_source_fills_in_metadata_and_dates_the_statements_again(tmp_path: Path) -> None:
    text = (
        "Mayor Anna Kowalski said on Monday that the bridge would reopen after the repairs.\n\n"
        "The council has approved the budget for the work on the old bridge across the river.\n"
    )
    (tmp_path / "story.txt").write_text(text, encoding="utf-8")
    feed = tmp_path / "feed.jsonl"
    feed.write_text(
        json.dumps({"id": "bridge", "text": text, "published": "2025-07-16", "outlet": "Valley Gazette"})
        + "\n",
        encoding="utf-8",
    )
    with Service(str(tmp_path / "t.db")) as service:
        service.ingest([str(tmp_path / "story.txt")])
        before = service.attributions()[0].attribution.date
        assert before is not None and before.value is None and before.text == "on Monday"
        report = service.ingest([str(feed)])
        assert (report.stored, report.already_stored, report.completed) == (0, 1, 1)
        article = service.article("bridge")
        assert (article.published.isoformat() if article.published else None, article.outlet) == (
            "2025-07-16",
            "Valley Gazette",
        )
        after = service.attributions()[0].attribution.date
        assert after is not None and (after.value, after.precision) == ("2025-07-14", "day")
        again = service.ingest([str(feed)])
        assert again.completed == 0


class _StopAfter(threading.Event):
    """A stop flag that is raised once ``n`` articles are in the store."""

    def __init__(self, service: Service, n: int) -> None:
        super().__init__()
        self.service, self.n = service, n

    def is_set(self) -> bool:
        return self.service.store.count_articles() >= self.n


def test_a_stop_request_ends_the_run_between_articles_and_a_rerun_resumes(tmp_path: Path) -> None:
    feed = str(_feed(tmp_path, None))
    with Service(str(tmp_path / "t.db")) as service:
        stop = _StopAfter(service, 2)
        with pytest.raises(KeyboardInterrupt):
            service.ingest([feed], stop=stop)
        assert service.store.count_articles() == 2
        report = service.ingest([feed])
        assert (report.stored, report.already_stored) == (len(STORIES) - 2, 2)


def test_a_stop_request_ends_a_reprocess_between_articles(tmp_path: Path) -> None:
    with Service(str(tmp_path / "t.db")) as service:
        service.ingest([str(_feed(tmp_path, None))])
        stop = threading.Event()
        stop.set()
        with pytest.raises(KeyboardInterrupt):
            service.reprocess(stop=stop)
        assert service.store.count_articles() == len(STORIES)


def _duplicate_an_attribution_of_the_hospital_story(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make the pipeline derive two attributions with one id for one story, as a bug in the
    extractor once did: the database refuses that article."""
    import dataclasses

    from onrecord import pipeline

    real_prepare = pipeline.prepare

    def prepare_with_a_duplicate(*args: object, **kwargs: object) -> object:
        prepared = real_prepare(*args, **kwargs)  # type: ignore[arg-type]
        if isinstance(prepared, pipeline.PreparedArticle) and "hospital" in prepared.article.text:
            assert prepared.attributions, "the hospital story reports what its director said"
            first = prepared.attributions[0]
            return dataclasses.replace(prepared, attributions=(first, first))
        return prepared

    monkeypatch.setattr(pipeline, "prepare", prepare_with_a_duplicate)


def test_an_article_the_database_refuses_is_rejected_and_the_run_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _duplicate_an_attribution_of_the_hospital_story(monkeypatch)
    with Service(str(tmp_path / "t.db")) as service:
        report = service.ingest([str(_feed(tmp_path, None))])
        assert report.stored == len(STORIES) - 1
        ((source, stage, reason),) = [(r.source, r.stage, r.reason) for r in report.rejections]
        assert stage == "store" and "integrity" in reason and source.endswith("feed.jsonl:3")
        assert service.store.count_articles() == len(STORIES) - 1
        with pytest.raises(NotFoundError):
            service.article("s2")  # nothing of it was left behind


def test_a_reprocess_the_database_refuses_keeps_the_stored_version(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Service(str(tmp_path / "t.db")) as service:
        service.ingest([str(_feed(tmp_path, None))])
        s2 = service.article("s2").id
        before = service.article_attributions(s2)
        assert before
        _duplicate_an_attribution_of_the_hospital_story(monkeypatch)
        report = service.reprocess()
        assert report.stored == len(STORIES) - 1
        assert [n.message for n in report.notices if "integrity" in n.message]
        assert service.article_attributions(s2) == before
