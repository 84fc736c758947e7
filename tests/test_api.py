"""The Python API a notebook uses: dipcli.analyse, dipcli.load and the analyses over their results."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import dipcli

FIXTURES = Path(__file__).parent / "fixtures" / "corpus"
TEXT = ("Foreign Minister Ana Lindqvist said the talks were useful. She added that Sweden opposes "
        "the new tariffs.\n\nPresident Amara Okafor said Ghana supports the trade plan.\n")


def plain(value) -> bool:
    """Only what pandas.DataFrame and json take as they are: dicts, lists, str, numbers, None."""
    if isinstance(value, dict):
        return all(isinstance(k, str) and plain(v) for k, v in value.items())
    if isinstance(value, list):
        return all(plain(v) for v in value)
    return value is None or isinstance(value, (str, int, float, bool))


def test_analyse_gives_the_article_and_its_claims_with_offsets():
    doc = dipcli.analyse(TEXT, doc="talks", title="Talks", date="2024-05-02")
    assert isinstance(doc, dipcli.Analysed)
    assert doc.article.doc == "talks" and doc.article.title == "Talks" and doc.article.date == "2024-05-02"
    assert [c.speaker for c in doc.claims] == ["Ana Lindqvist", "Ana Lindqvist", "Amara Okafor"]
    assert all(doc.article.text[c.start:c.end] == c.text for c in doc.claims)


def test_the_repr_shows_the_claims():
    shown = repr(dipcli.analyse(TEXT, title="Talks"))
    assert shown.startswith("<Analysed 'text' 'Talks': 3 claims")
    assert "Ana Lindqvist [explicit]: Foreign Minister Ana Lindqvist said" in shown
    assert "Ana Lindqvist [pronoun]: She added" in shown


def test_misspelt_or_wrong_arguments_fail_loudly():
    with pytest.raises(TypeError):
        dipcli.analyse(TEXT, titel="Talks")  # noqa: the misspelling is the point
    with pytest.raises(TypeError):
        dipcli.analyse(TEXT.encode())
    with pytest.raises(dipcli.DipError):
        dipcli.analyse("   ")
    docs = [dipcli.analyse(TEXT)]
    with pytest.raises(dipcli.DipError):
        dipcli.find_keywords(docs, method="fightin")
    with pytest.raises(ValueError):
        dipcli.stance_matrix(dipcli.find_stances(docs), by="country")


def test_load_reads_files_and_folders_and_raises_on_a_bad_one(tmp_path, monkeypatch):
    monkeypatch.setenv("DIPCLI_CACHE_DIR", str(tmp_path / "cache"))
    docs = dipcli.load(FIXTURES)
    assert len(docs) == len(list(FIXTURES.iterdir())) - sum(1 for p in FIXTURES.iterdir() if p.name == "README.md")
    (tmp_path / "empty.txt").write_text(" \n")
    with pytest.raises(dipcli.DipError, match="empty.txt"):
        dipcli.load(tmp_path / "empty.txt", cache=False)
    errors = []
    assert dipcli.load(tmp_path / "empty.txt", FIXTURES, cache=False, on_error=errors.append)
    assert len(errors) == 1


def test_the_analyses_match_the_command_line(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from dipcli.cli import app

    monkeypatch.setenv("DIPCLI_CACHE_DIR", str(tmp_path / "cache"))
    docs = dipcli.load(FIXTURES)

    def cli(*args):
        r = CliRunner().invoke(app, [*args, str(FIXTURES), "--format", "json"])
        assert r.exit_code == 0, r.stderr
        return json.loads(r.stdout)

    assert dipcli.to_records(dipcli.claims(docs)) == cli("claims")
    assert dipcli.to_records(docs) == cli("claims")
    assert dipcli.to_records(dipcli.list_speakers(docs)) == cli("speakers")
    assert dipcli.to_records(dipcli.find_stances(docs)) == cli("stance")
    assert dipcli.stance_matrix(dipcli.find_stances(docs), by="entity") == cli("stance", "--matrix", "--by-entity")
    with pytest.warns(UserWarning):
        assert dipcli.to_records(dipcli.find_keywords(docs, top=3)) == cli("keywords", "--top", "3")
    assert dipcli.to_records(dipcli.find_topics(docs, k=2)) == cli("topics", "--k", "2")
    assert dipcli.to_records(dipcli.find_kwic(docs, "talks")) == cli("kwic", "talks")
    assert dipcli.who_said(docs, "sanctions", top=3) == cli("who-said", "sanctions", "--top", "3")


def test_records_are_plain_for_pandas():
    docs = [dipcli.analyse(TEXT)]
    for rows in (dipcli.to_records(docs), dipcli.to_records(dipcli.find_stances(docs)),
                 dipcli.to_records(dipcli.find_topics(docs, k=1)), dipcli.to_records(dipcli.list_speakers(docs))):
        assert rows and isinstance(rows, list) and all(isinstance(r, dict) and plain(r) for r in rows)
    assert dipcli.to_records(dipcli.find_stances(docs, speaker="okafor"))[0]["polarity"] == "support"


def test_import_dipcli_is_cheap_and_names_do_not_hide_modules():
    probe = ("import sys, dipcli; print(sorted(m for m in sys.modules if m.startswith(('dipcli.', 'typer', 'sklearn',"
             " 'numpy', 'nltk', 'rich'))))")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
    from dipcli import stance  # the module, not an API function

    assert stance.__name__ == "dipcli.stance"
    import dipcli.load

    assert callable(dipcli.load) and dipcli.load.__module__ == "dipcli.api"
    assert set(dipcli.__all__) <= set(dir(dipcli))
