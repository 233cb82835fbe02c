"""Running the installed `onrecord` command as a user would."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

ONRECORD = str(Path(sys.executable).parent / "onrecord")


def run(
    *args: str, input: str | None = None, env: dict[str, str] | None = None, timeout: int = 300
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [ONRECORD, *args], input=input, capture_output=True, text=True, timeout=timeout, env=env, check=False
    )


def run_json(*args: str) -> Any:
    proc = run(*args, "--json")
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)
