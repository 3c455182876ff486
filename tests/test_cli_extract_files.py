"""saidwhat extract FILE...: a table or JSON per file, a message naming each bad file, exit codes."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from fake_engine import SPEAKER, use_fake_engine
from saidwhat.cli import main

ARTICLE = ("April 8, 2019\n\n“The bridge will reopen in May,” Lovelace said on Monday.\n\n"
           "Nothing else happened.\n")


@pytest.fixture
def runner():
    return CliRunner(mix_stderr=False)


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "bridge.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def test_cli_extract_version(runner):
    result = runner.invoke(main, ["--version"])
    assert result.exit_code == 0 and "saidwhat" in result.output


def test_cli_extract_table_shows_speaker_role_kind_date_content(runner, article, monkeypatch):
    use_fake_engine(monkeypatch)
    result = runner.invoke(main, ["extract", str(article)])
    assert result.exit_code == 0, result.stderr
    for column in ("speaker", "role", "kind", "date", "content"):
        assert column in result.stdout
    for value in (SPEAKER, "mathematician", "direct", "2019-04-08", "The bridge will reopen"):
        assert value in result.stdout
    assert "published 2019-04-08" in result.stdout


def test_cli_extract_table_says_when_nothing_is_found(runner, tmp_path, monkeypatch):
    use_fake_engine(monkeypatch)
    path = tmp_path / "plain.txt"
    path.write_text("No quotes here.", encoding="utf-8")
    result = runner.invoke(main, ["extract", str(path)])
    assert result.exit_code == 0
    assert "none found" in result.stdout


def test_cli_extract_json_one_file_is_an_object(runner, article, monkeypatch):
    use_fake_engine(monkeypatch)
    result = runner.invoke(main, ["extract", str(article), "--format", "json"])
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert set(data) >= {"id", "published", "attributions", "speakers", "time_expressions"}
    assert data["id"] == str(article) and data["published"] == "2019-04-08"
    (a,) = data["attributions"]
    s, e = a["content_span"]
    assert ARTICLE[s:e] == a["content"]
    assert a["speaker"] == {"name": SPEAKER, "role": "mathematician", "type": "person", "id": 0,
                            "resolution": None, "confidence": None}


def test_cli_extract_json_several_files_is_an_array_in_order(runner, article, tmp_path, monkeypatch):
    use_fake_engine(monkeypatch)
    other = tmp_path / "other.txt"
    other.write_text("“Yes,” she said.", encoding="utf-8")
    result = runner.invoke(main, ["extract", str(other), str(article), "--format", "json"])
    assert result.exit_code == 0
    assert [d["id"] for d in json.loads(result.stdout)] == [str(other), str(article)]


@pytest.mark.parametrize("published, expected", [
    ("2020-01-02", "2020-01-02"),
    (None, "2019-04-08"),  # the dateline
])
def test_cli_extract_published_overrides_dateline(runner, article, published, expected):
    args = ["extract", str(article), "--format", "json"]
    if published:
        args += ["--published", published]
    result = runner.invoke(main, args)
    assert result.exit_code == 0
    assert json.loads(result.stdout)["published"] == expected


@pytest.mark.parametrize("bad", ["2019-13-01", "yesterday", "08/04/2019"])
def test_cli_extract_bad_published_is_usage_error(runner, article, bad):
    result = runner.invoke(main, ["extract", str(article), "--published", bad])
    assert result.exit_code == 2
    assert bad in result.stderr and "YYYY-MM-DD" in result.stderr


@pytest.mark.parametrize("name, content, words", [
    ("missing.txt", None, "no such file"),
    ("binary.bin", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
    ("latin1.txt", "Café crème, he said.".encode("latin-1"), "not valid UTF-8"),
])
def test_cli_extract_bad_file_named_and_others_still_done(runner, article, tmp_path, name, content,
                                                          words):
    bad = tmp_path / name
    if content is not None:
        bad.write_bytes(content)
    result = runner.invoke(main, ["extract", str(bad), str(article), "--format", "json"])
    assert result.exit_code == 1
    assert str(bad) in result.stderr and words in result.stderr
    assert [d["id"] for d in json.loads(result.stdout)] == [str(article)]


def test_cli_extract_directory_is_named(runner, tmp_path):
    result = runner.invoke(main, ["extract", str(tmp_path)])
    assert result.exit_code == 1
    assert str(tmp_path) in result.stderr and "directory" in result.stderr


@pytest.mark.parametrize("args", [["extract"], ["extract", "a.txt", "--jsonl", "b.jsonl"]])
def test_cli_extract_needs_files_or_jsonl(runner, args):
    result = runner.invoke(main, args)
    assert result.exit_code == 2
    assert "--jsonl" in result.stderr


def test_cli_extract_reads_stdin_dash(runner, monkeypatch):
    use_fake_engine(monkeypatch)
    result = runner.invoke(main, ["extract", "-", "--format", "json"],
                           input="“Hello,” Lovelace said.".encode("utf-8"))
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["id"] == "-" and data["attributions"][0]["content"] == "Hello,"


def test_cli_extract_empty_file_gives_empty_result(runner, tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    result = runner.invoke(main, ["extract", str(path), "--format", "json"])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["attributions"] == []


def test_cli_extract_missing_model_exits_three(runner, article, monkeypatch):
    import saidwhat.pipeline
    from saidwhat.errors import ModelNotFoundError

    def no_model(article, **options):
        raise ModelNotFoundError("no English spaCy pipeline is installed; run: pip install ...")

    monkeypatch.setattr(saidwhat.pipeline, "extract_article", no_model)
    for args in (["extract", str(article)], ["extract", "--jsonl", "-"]):
        result = runner.invoke(main, args, input=b'{"id": "a", "text": "x"}\n')
        assert result.exit_code == 3
        assert "no English spaCy pipeline" in result.stderr
