"""Input files the ingest tests write themselves: articles as .txt, .html, .jsonl(.gz) and .warc(.gz)."""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Iterable

PARAGRAPHS = [
    "The harbour authority said on Tuesday that the new quay would open before the summer season.",
    "\u201cWe expect the first ships within weeks,\u201d said Tomas Berg, the authority's director.",
    "Fishermen said they were worried about the noise from construction at night.",
]


def page(title: str, body: Iterable[str], date: str = "2021-03-04", site: str = "Coast Ledger") -> str:
    """An HTML news page with navigation and footer around the article."""
    paras = "".join(f"<p>{p}</p>" for p in body)
    return (f"<html><head><title>{title}</title><meta property=\"og:site_name\" content=\"{site}\">"
            f"<meta name=\"date\" content=\"{date}\"></head><body><nav>Home | Ports | Weather</nav>"
            f"<article><h1>{title}</h1>{paras}</article><footer>All rights reserved</footer></body></html>")


def warc_record(uri: str, body: bytes, ctype: str = "text/html; charset=utf-8") -> bytes:
    """One WARC/1.0 response record holding an HTTP response."""
    http = f"HTTP/1.1 200 OK\r\nContent-Type: {ctype}\r\nContent-Length: {len(body)}\r\n\r\n".encode() + body
    head = (f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {uri}\r\n"
            f"WARC-Date: 2021-03-04T10:00:00Z\r\nWARC-Record-ID: <urn:uuid:{abs(hash(uri)):032d}>\r\n"
            f"Content-Type: application/http; msgtype=response\r\nContent-Length: {len(http)}\r\n\r\n").encode()
    return head + http + b"\r\n\r\n"


def write_warc(path: Path, records: list[bytes], gz: bool = False) -> Path:
    data = b"".join(gzip.compress(r) for r in records) if gz else b"".join(records)
    path.write_bytes(data)
    return path


def write_jsonl(path: Path, records: list, gz: bool = False) -> Path:
    lines = "".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in records).encode()
    path.write_bytes(gzip.compress(lines) if gz else lines)
    return path


def story(n: int) -> str:
    """A short distinct article text."""
    return (f"The council of district {n} said on Monday that the bridge repair would cost {n} million. "
            f"\u201cWe will finish the work by spring,\u201d said Mara Lind, the council leader of district {n}.")
