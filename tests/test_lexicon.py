"""The word-list loader: files under data/lexicon/ read as lists, sets and tables."""
from __future__ import annotations

from importlib import resources

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


# -- every shipped list and table is well-formed ----------------------------------------------

LEXICON = resources.files("dipcli").joinpath("data", "lexicon")
LISTS = sorted(p.name[:-4] for p in LEXICON.iterdir() if p.name.endswith(".txt"))
TABLES = sorted(p.name[:-4] for p in LEXICON.iterdir() if p.name.endswith(".tsv"))


@pytest.mark.parametrize("name", LISTS)
def test_a_list_has_no_duplicates_and_no_stray_whitespace(name):
    entries = lexicon.entries(name)
    assert entries, name
    assert len(entries) == len(set(entries)), sorted(e for e in set(entries) if entries.count(e) > 1)
    assert all(e == e.strip() and "\t" not in e for e in entries)


@pytest.mark.parametrize("name", TABLES)
def test_a_table_has_a_header_and_full_rows(name):
    lines = [line for line in LEXICON.joinpath(f"{name}.tsv").read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.startswith("#")]
    header = lines[0].split("\t")
    assert len(header) == len(set(header)) and all(header)
    for line in lines[1:]:
        cells = line.split("\t")
        assert len(cells) == len(header) and all(c.strip() == c and c for c in cells), line


STANCE_COLUMNS = {
    "stance_verbs": ("lemma", "polarity", "object", "reason", "that", "negated", "carries", "flags"),
    "stance_particles": ("lemma", "particles", "polarity", "object"),
    "stance_nouns": ("noun", "polarity", "prepositions", "flags"),
    "stance_adjectives": ("adjective", "polarity", "prepositions", "object"),
    "irregular_verbs": ("lemma", "forms"),
}
KEYS = {"stance_verbs": ("lemma",), "stance_particles": ("lemma", "particles"), "stance_nouns": ("noun",),
        "stance_adjectives": ("adjective",), "irregular_verbs": ("lemma",)}
VALUES = {  # column -> the values a cell may hold ("-": none); flags: any of these, space-separated
    ("stance_verbs", "polarity"): {"support", "oppose", "-"},
    ("stance_verbs", "object"): {"np", "urge", "to", "experiencer", "-"},
    ("stance_verbs", "that"): {"target", "clause", "demand", "-"},
    ("stance_verbs", "negated"): {"drop", "flip", "only"},
    ("stance_verbs", "carries"): {"any", "importance", "received", "held", "blame", "-"},
    ("stance_verbs", "flags"): {"noun", "courtesy", "adjective", "feeling", "-"},
    ("stance_particles", "polarity"): {"support", "oppose"},
    ("stance_particles", "object"): {"np", "vp", "urge"},
    ("stance_nouns", "polarity"): {"support", "oppose"},
    ("stance_nouns", "flags"): {"verbal", "recipient", "importance", "graded", "nominal", "blame", "event", "owned",
                                "-"},
    ("stance_adjectives", "polarity"): {"support", "oppose"},
    ("stance_adjectives", "object"): {"np", "vp"},
}


@pytest.mark.parametrize("name", sorted(STANCE_COLUMNS))
def test_stance_tables_have_their_columns_unique_keys_and_known_values(name):
    rows = lexicon.rows(name)
    assert rows and all(tuple(row) == STANCE_COLUMNS[name] for row in rows)
    keys = [tuple(row[k] for k in KEYS[name]) for row in rows]
    assert len(keys) == len(set(keys)), sorted(k for k in set(keys) if keys.count(k) > 1)
    for (table, column), allowed in VALUES.items():
        if table == name:
            for row in rows:
                assert set(row[column].split()) <= allowed, (row[KEYS[name][0]], column, row[column])


def test_stance_verbs_are_consistent():
    verbs = {row["lemma"]: row for row in lexicon.rows("stance_verbs")}
    # a verb with particles has its row of stance_verbs (its flags and what negation does)
    assert {row["lemma"] for row in lexicon.rows("stance_particles")} <= set(verbs)
    for lemma, row in verbs.items():
        # an object reading has a polarity, and a polarity an object reading
        assert (row["polarity"] == "-") == (row["object"] == "-"), lemma
        # reasons and that-clauses follow an object
        assert row["object"] != "-" or row["reason"] == row["that"] == "-", lemma
        # a verb heads acts in some way: an object, particles or a carried noun
        assert row["object"] != "-" or row["carries"] != "-" or lemma in {
            r["lemma"] for r in lexicon.rows("stance_particles")}, lemma


def test_importing_stance_reads_no_word_list():
    import subprocess
    import sys

    probe = ("import sys, dipcli.stance; from dipcli import lexicon; "
             "print(lexicon.rows.cache_info().currsize + lexicon.words.cache_info().currsize, "
             "'dipcli.stance.words' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["0", "False"]


def test_every_word_list_is_read_by_the_code():
    from pathlib import Path

    source = "\n".join(p.read_text(encoding="utf-8") for p in Path(lexicon.__file__).parent.rglob("*.py"))
    unused = [name for name in LISTS + TABLES if f'"{name}"' not in source and f"'{name}'" not in source]
    assert unused == []


def test_reporting_verbs_say_one_thing_per_verb():
    by_verb: dict[str, set[tuple[str, str]]] = {}
    for row in lexicon.rows("reporting_verbs"):
        assert row["inverts"] in ("-", "yes", "past") and row["opens"] in ("-", "yes"), row
        by_verb.setdefault(row["verb"], set()).add((row["inverts"], row["opens"]))
    assert {v for v, flags in by_verb.items() if len(flags) > 1} == set(), "a verb inverts or opens in every row or none"


def test_reporting_verbs_make_the_cues():
    from dipcli import cues

    assert {"said", "says", "saying", "pointed out"} <= cues.INVERTIBLE and "points out" not in cues.INVERTIBLE
    assert "noting" in cues.OPENING_PARTICIPLES and "extending" not in cues.OPENING_PARTICIPLES
    assert cues.forms("speak") == ("speak", "speaks", "spoke", "speaking")  # verb_forms.tsv
    found = [m.group() for m in cues.find_cues("She expressed deep concern and called on both sides to talk.")]
    assert found == ["expressed deep concern", "called on"]
