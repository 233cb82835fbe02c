"""The CI quality gates: cleaning and attribution figures must stay at or above their pinned floors."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"
BENCH = BENCHMARKS / "clean_benchmark.py"


def test_cleaning_benchmark_gate(corpora_dir: Path) -> None:
    proc = subprocess.run(
        [sys.executable, str(BENCH), "--gate", "--corpus", str(corpora_dir / "article-extraction-benchmark")],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_attribution_eval_gate(corpora_dir: Path) -> None:
    proc = subprocess.run(
        [sys.executable, str(BENCHMARKS / "attribution_eval.py"), "--gate"],
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_timeline_eval_gate() -> None:
    """Statement dates, same-statement pairs and shift flags: all labelled sets live in tests/data."""
    proc = subprocess.run(
        [sys.executable, str(BENCHMARKS / "timeline_eval.py"), "--gate"],
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_topics_eval_runs() -> None:
    proc = subprocess.run(
        [sys.executable, str(BENCHMARKS / "topics_eval.py")],
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "held-out" in proc.stdout or "held_out" in proc.stdout, proc.stdout
