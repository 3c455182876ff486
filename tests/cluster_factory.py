"""Short made-up news documents for the cluster tests (written here, never taken from shared data)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Iterable

NAMES = ["Mara Velden", "Tomas Okafor", "Ines Halvorsen", "the city council", "a police spokesman",
         "Dr. Priya Raman", "the ministry", "Jonah Whitcombe"]
CLAIMS = ["the bridge will reopen in May", "taxes are going up next year", "nobody was hurt",
          "the plan was never discussed", "the talks would continue on Friday",
          "prices fell by 3 percent last month", "the vote is too close to call"]
QUOTES = ["We are ready", "This is not over", "I have nothing to add", "It was a long night",
          "Our doors stay open", "We expect more rain"]
DAYS = ["on Monday", "on Tuesday", "last week", "yesterday", "on March 3", "this morning"]


def document(i: int) -> dict:
    """Document ``i``: two or three attributions of different kinds, ids ``doc-<i>``."""
    a, b = NAMES[i % len(NAMES)], NAMES[(i * 3 + 1) % len(NAMES)]
    text = (f"“{QUOTES[i % len(QUOTES)]},” {a} said {DAYS[i % len(DAYS)]}.\n\n"
            f"{b[0].upper() + b[1:]} told reporters that {CLAIMS[i % len(CLAIMS)]}.")
    if i % 4 == 0:
        text += f" According to {NAMES[(i + 2) % len(NAMES)]}, {CLAIMS[(i + 3) % len(CLAIMS)]}."
    doc = {"id": f"doc-{i}", "text": text, "published": f"2021-{1 + i % 12:02d}-{1 + i % 28:02d}"}
    if i % 5 == 0:
        doc["title"] = f"Story {i}"
    return doc


def write_jsonl(path: Path, docs: Iterable[dict], extra_lines: Iterable[bytes] = ()) -> Path:
    """Write the documents one per line, then any raw ``extra_lines`` (bad input)."""
    with open(path, "wb") as f:
        for d in docs:
            f.write(json.dumps(d, ensure_ascii=False).encode("utf-8") + b"\n")
        for line in extra_lines:
            f.write(line + b"\n")
    return path
