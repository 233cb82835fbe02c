"""Every setting onrecord reads, declared once with its default and the help text users see.

The CLI builds its options from these declarations and a test checks that each one is documented
in the README, so a setting cannot exist without being explained.
"""

from __future__ import annotations

import os
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Setting:
    name: str
    env: str
    default: str | int | float
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting(
        "db",
        "ONRECORD_DB",
        "onrecord.db",
        "Database to use: a path to an SQLite file, or an SQLAlchemy URL.",
    ),
    Setting(
        "max_input_bytes",
        "ONRECORD_MAX_INPUT_BYTES",
        20 * 1024 * 1024,
        "Largest single article (file, JSON line or WARC record) accepted, in bytes; larger ones are "
        "rejected rather than read into memory.",
    ),
    Setting(
        "near_duplicate_threshold",
        "ONRECORD_NEAR_DUPLICATE_THRESHOLD",
        0.8,
        "Estimated Jaccard similarity of word 5-gram shingles at or above which two articles are "
        "recorded as near-duplicates (syndicated copies, re-scrapes).",
    ),
    Setting(
        "entities",
        "ONRECORD_ENTITIES",
        "",
        "A YAML file of entities, aliases, roles and pairs never to merge; it overrides the automatic "
        "merging of speakers across articles. Empty: no overrides.",
    ),
    Setting(
        "topics",
        "ONRECORD_TOPICS",
        "",
        "A YAML taxonomy of topics (name: description, examples, keywords) to score statements "
        "against. Empty: the default taxonomy for politics and diplomacy shipped with onrecord.",
    ),
    Setting(
        "topic_threshold",
        "ONRECORD_TOPIC_THRESHOLD",
        0.45,
        "Topic score (0 to 1) at or above which a statement counts as being about a topic (0.45 was "
        "calibrated for the default taxonomy; see benchmarks/topics_eval.py). Scores are stored, so "
        "changing this needs no reprocessing.",
    ),
    Setting(
        "link_window_days",
        "ONRECORD_LINK_WINDOW_DAYS",
        7,
        "Reports of one speaker are compared as possibly the same statement only when their "
        "statement dates are at most this many days apart.",
    ),
    Setting(
        "link_lookback_days",
        "ONRECORD_LINK_LOOKBACK_DAYS",
        30,
        "A report that does not say when the statement was made is taken to report one made in "
        "this many days before publication.",
    ),
    Setting(
        "outlet_repeat_min",
        "ONRECORD_OUTLET_REPEAT_MIN",
        3,
        "A line that occurs in at least this many articles of one outlet is treated as that "
        "outlet's boilerplate.",
    ),
    Setting(
        "token",
        "ONRECORD_TOKEN",
        "",
        "Secret that `onrecord serve` requires for writes (POST /api/v1/articles), sent as "
        "'Authorization: Bearer TOKEN'. Empty: writes are refused unless the server was started "
        "with --allow-anonymous-writes.",
    ),
    Setting(
        "host",
        "ONRECORD_HOST",
        "127.0.0.1",
        "Address `onrecord serve` listens on. Anything but loopback makes the record reachable from "
        "other machines, and the server warns when it starts.",
    ),
    Setting("port", "ONRECORD_PORT", 8000, "TCP port `onrecord serve` listens on."),
    Setting(
        "max_request_bytes",
        "ONRECORD_MAX_REQUEST_BYTES",
        20 * 1024 * 1024,
        "Largest request body `onrecord serve` accepts, in bytes; a larger one is refused with "
        "status 413 before it is read.",
    ),
)

_BY_NAME = {s.name: s for s in SETTINGS}


def setting(name: str) -> Setting:
    return _BY_NAME[name]


def default(name: str) -> str:
    """The effective default: the environment variable if set, else the declared default."""
    s = _BY_NAME[name]
    return os.environ.get(s.env, str(s.default))


def int_setting(name: str) -> int:
    return int(default(name))


def float_setting(name: str) -> float:
    return float(default(name))
