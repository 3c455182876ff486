"""The maintainers' scorers in ../shared/bench, run as they are, to check ours against them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

SHARED_BENCH = Path(__file__).resolve().parents[1].parent / "shared" / "bench"


def run_reference(script: str, *args) -> dict:
    """The JSON a shared scorer prints for ``args``; skips the test where ../shared is not laid out."""
    path = SHARED_BENCH / script
    if not path.exists():
        pytest.skip(f"reference scorer {path} is not here")
    out = subprocess.run([sys.executable, str(path), *map(str, args)], capture_output=True,
                         text=True, check=True)
    return json.loads(out.stdout)
