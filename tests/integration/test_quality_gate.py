"""The CI quality gates: cleaning, attribution and timeline figures must stay at or above their
pinned floors, and the topic evaluation must run."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"


def _bench(script: str, *args: str, timeout: int = 900) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run(
        [sys.executable, str(BENCHMARKS / script), *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return proc


def test_cleaning_benchmark_gate(corpora_dir: Path) -> None:
    corpus = str(corpora_dir / "article-extraction-benchmark")
    _bench("clean_benchmark.py", "--gate", "--corpus", corpus, timeout=600)


def test_attribution_eval_gate(corpora_dir: Path) -> None:
    _bench("attribution_eval.py", "--gate")


def test_timeline_eval_gate() -> None:
    """Statement dates, same-statement pairs and shift flags: all labelled sets live in tests/data."""
    _bench("timeline_eval.py", "--gate")


def test_topics_eval_runs() -> None:
    proc = _bench("topics_eval.py")
    assert "held-out" in proc.stdout or "held_out" in proc.stdout, proc.stdout
