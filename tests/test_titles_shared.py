"""One title list: the attribute stage (where a mention's name starts) and resolution (roles split off
names, the store's name keys) read the same words. Invented sentences."""

from __future__ import annotations

import pytest

import saidwhat
from saidwhat import titles
from saidwhat.attribute import mentions
from saidwhat.resolve import lexicon


def test_titles_one_list_for_both_stages():
    assert lexicon.TITLE_WORDS is titles.TITLE_WORDS and lexicon.HONORIFICS is titles.HONORIFICS
    assert not hasattr(mentions, "TITLES")
    assert mentions.is_title is titles.is_title


@pytest.mark.parametrize("word, title", [
    ("Sen.", True), ("Minister", True), ("U.S.", True), ("Supt", True), ("MP", True), ("Ms.", True),
    ("Lopez", False), ("Reuters", False), ("Said", False),
])
def test_titles_is_title(word, title):
    assert titles.is_title(word) is title


@pytest.mark.parametrize("text, name, role", [
    ("Finance Minister Peter Dunn said the budget would balance next year.", "Peter Dunn", "Finance Minister"),
    ("Tory MP Ann Reed said the bypass would be built by spring.", "Ann Reed", "Tory MP"),
    ("Supt Ola Hale said the road would stay closed overnight.", "Ola Hale", "Supt"),
    ("Campaign activist Lena Ortiz said the turnout had doubled.", "Lena Ortiz", "Campaign activist"),
])
def test_titles_split_from_names_in_records(text, name, role):
    [a] = saidwhat.extract(text, "2024-03-08").attributions
    assert (a.speaker.name, a.speaker.role) == (name, role)
