"""The word-list loader: files under data/lexicon/ read as lists, sets and tables."""
from __future__ import annotations

import pytest

from dipcli import lexicon


def test_list_keeps_file_order_and_drops_comments():
    months = lexicon.entries("months")
    assert months[0] == "January" and months[-1] == "December"
    assert len(months) == 12
    assert not any(m.startswith("#") for m in months)


def test_words_is_the_set_of_entries():
    assert lexicon.words("months") == frozenset(lexicon.entries("months"))


def test_unknown_list_raises():
    with pytest.raises(FileNotFoundError):
        lexicon.entries("no-such-list")


def test_the_cache_key_covers_word_lists(tmp_path):
    from dipcli.cache import tree_fingerprint

    (tmp_path / "data").mkdir()
    words = tmp_path / "data" / "verbs.txt"
    words.write_text("said\n")
    before = tree_fingerprint(tmp_path)
    words.write_text("said\ntold\n")
    assert tree_fingerprint(tmp_path) != before
