"""Readers of extract: JSON Lines with one error per bad line, article files with an error naming the file."""

from __future__ import annotations

import pytest

from saidwhat.batch import DocumentError, InputDocument
from saidwhat.errors import InputError
from saidwhat.read.documents import Document
from saidwhat.read.inputs import open_binary, read_file
from saidwhat.stream import read_files
from saidwhat.stream import read_records as read_jsonl


@pytest.mark.parametrize("line, reason", [
    (b"not json at all", "bad-json"),
    (b'{"id": "a", "text": "unterminated', "bad-json"),
    (b"[1, 2, 3]", "not-an-object"),
    (b'"just a string"', "not-an-object"),
    (b"42", "not-an-object"),
    (b"null", "not-an-object"),
    (b'{"id": "a", "text": "caf\xe9"}', "not-utf8"),
    (b"\xff\xfe\x00\x00", "not-utf8"),
    (b"[" * 100_000, "too-deep"),
    (b'{"id": ' + b"9" * 5000 + b', "text": "x"}', "bad-json"),  # past Python's 4300 digits
    (b'{"a": ' * 101 + b'1' + b'}' * 101, "too-deep"),
])
def test_batch_reader_bad_line_gives_error_with_line_number(line, reason):
    good = b'{"id": "g", "text": "Fine."}'
    results = list(read_jsonl([good, line, good]))
    assert len(results) == 3
    assert isinstance(results[0], InputDocument) and isinstance(results[2], InputDocument)
    assert isinstance(results[1], DocumentError)
    assert (results[1].reason, results[1].line) == (reason, 2)
    assert results[2].line == 3


@pytest.mark.parametrize("lines, expected", [
    ([b"\n", b"   \n", b'{"id": "a", "text": "x"}\n'], [("a", 3)]),
    ([b'\xef\xbb\xbf{"id": "bom", "text": "x"}\n'], [("bom", 1)]),
    (['{"id": "str", "text": "x"}\n'], [("str", 1)]),
    ([b'{"id": "a", "text": "x"}', b'{"id": "b"}'], [("a", 1), ("b", 2)]),
    ([], []),
    ([b"\n"], []),
])
def test_batch_reader_good_lines(lines, expected):
    results = list(read_jsonl(lines))
    assert [(r.record["id"], r.line) for r in results] == expected


def test_batch_reader_keeps_fields_unchecked_for_the_extraction():
    (result,) = list(read_jsonl([b'{"id": 5, "text": 12, "published": "nope"}']))
    assert result.record == {"id": 5, "text": 12, "published": "nope"}


def test_batch_reader_jsonl_file_missing_raises_input_error(tmp_path):
    with pytest.raises(InputError, match="no such file") as info:
        open_binary(str(tmp_path / "absent.jsonl"))
    assert info.value.reason == "not-found"


@pytest.mark.parametrize("content, reason, words", [
    (b"PK\x03\x04\x00\x00binary", "binary", "binary"),
    (b"caf\xe9 au lait", "not-utf8", "UTF-8"),
    (b"\xc3\x28", "not-utf8", "UTF-8"),
])
def test_batch_reader_bad_text_file(tmp_path, content, reason, words):
    path = tmp_path / "article.txt"
    path.write_bytes(content)
    error = read_file(str(path))
    assert isinstance(error, DocumentError) and error.reason == reason
    assert error.document == str(path) and words in error.message


def test_batch_reader_text_file_drops_byte_order_mark(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes("\ufeffApril 8, 2019\nHe said so.".encode("utf-8"))
    doc = read_file(str(path))
    assert isinstance(doc, Document) and doc.text == "April 8, 2019\nHe said so."


def test_batch_reader_text_files_name_each_bad_file(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("He said so.", encoding="utf-8")
    results = list(read_files([good, tmp_path / "missing.txt", tmp_path, good], published="2019-04-08"))
    assert isinstance(results[0], InputDocument)
    assert {k: v for k, v in results[0].record.items() if v is not None} == {
        "id": str(good), "text": "He said so.", "published": "2019-04-08"}
    assert (results[1].document, results[1].reason) == (str(tmp_path / "missing.txt"), "not-found")
    assert (results[2].document, results[2].reason) == (str(tmp_path), "not-a-file")
    assert isinstance(results[3], InputDocument)
