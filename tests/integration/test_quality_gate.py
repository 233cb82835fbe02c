"""The CI quality gate: the cleaner's benchmark F1 must stay at or above the pinned floor."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parents[2] / "benchmarks" / "clean_benchmark.py"


def test_cleaning_benchmark_gate(corpora_dir: Path) -> None:
    proc = subprocess.run(
        [sys.executable, str(BENCH), "--gate", "--corpus", str(corpora_dir / "article-extraction-benchmark")],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
