"""Web archives (.warc, .warc.gz): every HTML response as a page, a cut-short record as an error."""

from __future__ import annotations

from typing import BinaryIO, Iterator

from .documents import DocumentError, Item
from .html import decode_html, read_html
from .limits import MAX_FILE_BYTES


def read_warc(stream: BinaryIO, name: str) -> Iterator[Item]:
    """Every HTML response in a web archive; other records (images, requests, metadata) are passed by.

    A record whose body is shorter than its declared length (an archive cut short, ``head -c``) is a
    ``truncated`` error, never a page read from a fragment.
    """
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    n = 0
    try:
        for record in ArchiveIterator(stream, record_types=WarcRecordType.response, parse_http=True):
            n += 1
            origin = f"{name}#{n}"
            if record.http_headers is None:
                yield DocumentError(origin, "truncated", "the record ends inside its HTTP headers; "
                                    "the archive is cut short or the record is not an HTTP response")
                continue
            ctype = (record.http_content_type or "").lower()
            if "html" not in ctype:
                continue
            url = record.headers.get("WARC-Target-URI")
            declared = record.content_length
            if declared > MAX_FILE_BYTES:
                yield DocumentError(origin, "too-large", f"the page is {declared:,} bytes; the documented "
                                    f"limit is {MAX_FILE_BYTES:,}")
                continue
            try:
                body = record.reader.read()
            except Exception as exc:  # a broken record body
                yield DocumentError(origin, "bad-warc", f"cannot read the record body ({exc})")
                continue
            if len(body) < declared:
                yield DocumentError(origin, "truncated", f"the record holds {len(body):,} of its "
                                    f"{declared:,} bytes; the archive is cut short, so the page is not read")
                continue
            yield read_html(decode_html(body, record.http_charset), origin, url=url)
    except Exception as exc:  # fastwarc raises OSError and others for a broken archive
        yield DocumentError(f"{name}#{n + 1}", "bad-warc",
                            f"not a readable WARC file after record {n} ({exc}); expected WARC/1.0 or 1.1")
