"""Keyword in context over claims of short texts written for these tests."""
from __future__ import annotations

import pytest

from dipcli.kwic import kwic
from dipcli.model import Analysed, Article, Claim, DipError


def analysed(doc: str, text: str, claims: list[tuple[str | None, str]]) -> Analysed:
    """Claims located in ``text`` by their sentence (each must occur once)."""
    made = []
    for i, (speaker, sentence) in enumerate(claims):
        start = text.index(sentence)
        made.append(Claim(doc=doc, id=f"{doc}:{i}", paragraph=0, start=start, end=start + len(sentence),
                          text=sentence, speaker=speaker, speaker_kind="narrator" if speaker is None else "person"))
    article = Article(doc=doc, path=f"{doc}.txt", format="text", title=None, date=None, source=None,
                      place=None, category=None, url=None, text=text)
    return Analysed(article=article, paragraphs=[], claims=made)


NEWS_TEXT = (
    "BRUSSELS, June 2 (Agency) -- The ministers met for four hours.\n\n"
    "-- Minister Lena Okafor said new Sanctions on fertiliser would hurt\nfarmers across the region.\n\n"
    "-- President Tomas Lindqvist said his government had sanctioned three firms, and that the\n"
    "grain corridor must stay open.\n\n"
    "-- Okafor said Kenya's position on the grain corridor was unchanged. Grain. Corridor talks ended."
)
NEWS = analysed("news", NEWS_TEXT, [
    (None, "The ministers met for four hours."),
    ("Lena Okafor", "Minister Lena Okafor said new Sanctions on fertiliser would hurt\nfarmers across the region."),
    ("Tomas Lindqvist", "President Tomas Lindqvist said his government had sanctioned three firms, and that the\n"
                        "grain corridor must stay open."),
    ("Lena Okafor", "Okafor said Kenya's position on the grain corridor was unchanged."),
    ("Lena Okafor", "Grain. Corridor talks ended."),
])

TRANSCRIPT_TEXT = (
    "MINISTER HADDAD: We will not accept sanctions that punish civilians.\n"
    "Q: And the grain corridor?\n"
    "MINISTER HADDAD: The Grain Corridor is a lifeline."
)
TRANSCRIPT = analysed("transcript", TRANSCRIPT_TEXT, [
    ("Ahmed Haddad", "We will not accept sanctions that punish civilians."),
    ("Ahmed Haddad", "The Grain Corridor is a lifeline."),
])


def check_offsets(hits, items):
    texts = {item.article.doc: item.article.text for item in items}
    for h in hits:
        assert texts[h.doc][h.start:h.end] == h.match
        assert "\n" not in h.left and "\n" not in h.right


def test_a_word_matches_its_inflections_in_any_case():
    hits = kwic([NEWS, TRANSCRIPT], "sanction")
    check_offsets(hits, [NEWS, TRANSCRIPT])
    assert [h.match for h in hits] == ["Sanctions", "sanctioned", "sanctions"]
    assert [h.doc for h in hits] == ["news", "news", "transcript"]


def test_a_phrase_matches_consecutive_words_only():
    hits = kwic([NEWS, TRANSCRIPT], "Grain corridors")
    check_offsets(hits, [NEWS, TRANSCRIPT])
    # across a line break yes; across a full stop ("Grain. Corridor") no
    assert [h.match for h in hits] == ["grain corridor", "grain corridor", "Grain Corridor"]
    assert [h.claim for h in hits] == ["news:2", "news:3", "transcript:1"]


def test_a_phrase_matches_through_a_possessive():
    hits = kwic([NEWS], "Kenya's position")
    check_offsets(hits, [NEWS])
    assert [h.match for h in hits] == ["Kenya's position"]


def test_speaker_filter_matches_any_word_of_the_name_case_insensitively():
    assert {h.speaker for h in kwic([NEWS, TRANSCRIPT], "sanctions", speaker="OKAFOR")} == {"Lena Okafor"}
    assert {h.speaker for h in kwic([NEWS, TRANSCRIPT], "sanctions", speaker="ahmed haddad")} == {"Ahmed Haddad"}
    assert kwic([NEWS], "ministers", speaker="narrator")[0].speaker is None
    assert kwic([NEWS], "sanctions", speaker="Putin") == []


def test_context_is_cut_at_word_boundaries_and_line_breaks_become_spaces():
    hits = kwic([NEWS], "fertiliser", window=20)
    (hit,) = hits
    check_offsets(hits, [NEWS])
    assert len(hit.left) <= 20 and len(hit.right) <= 20
    assert hit.left == "new Sanctions on "  # "Okafor said" cut back to a whole word
    assert hit.right == " would hurt farmers"  # "farmers across" cut before "across"
    assert NEWS_TEXT[:hit.start].replace("\n", " ").endswith(hit.left)
    assert NEWS_TEXT[hit.end:].replace("\n", " ").startswith(hit.right)


def test_no_hit_and_bad_terms():
    assert kwic([NEWS], "tariffs") == []
    with pytest.raises(DipError):
        kwic([NEWS], "  -- 2023 ")
    with pytest.raises(DipError):
        kwic([NEWS], "grain", window=-1)


def test_hits_come_in_text_order_and_only_from_claims():
    text = "Outside any claim: grain. " + "The grain price rose. Grain stocks fell."
    item = analysed("order", text, [("Mei Tanaka", "Grain stocks fell."), ("Mei Tanaka", "The grain price rose.")])
    hits = kwic([item], "grain")
    check_offsets(hits, [item])
    assert [h.start for h in hits] == sorted(h.start for h in hits)
    assert len(hits) == 2 and all(h.start > len("Outside any claim: grain.") for h in hits)


# -- the table at the terminal's width ----------------------------------------------------------

KWIC_TEXT = (
    "Foreign Minister Amara Nwosu said the unilateral sanctions imposed last week would harm "
    "farmers in every neighbouring country and their families.\n\n"
    "Nwosu added that the regional sanctions committee would meet again in the autumn to review them.\n"
)


def _kwic_cli(tmp_path, *args, columns: int):
    from typer.testing import CliRunner

    from dipcli.cli import app
    from dipcli.environment import Environment

    path = tmp_path / "kwic.txt"
    path.write_text(KWIC_TEXT)
    env = {"COLUMNS": str(columns), "DIPCLI_CACHE_DIR": str(tmp_path / "cache")}
    return CliRunner(env=env).invoke(app, ["kwic", "sanctions", str(path), *args],
                                     obj=Environment(stdin_isatty=True))


def _rows(table: str) -> list[list[str]]:
    return [[cell.strip() for cell in line.split("\u2502")[1:-1]]
            for line in table.splitlines() if line.startswith("\u2502")]


@pytest.mark.parametrize("columns", [80, 40])
def test_the_table_fits_and_keeps_the_words_next_to_the_match(tmp_path, columns):
    r = _kwic_cli(tmp_path, "--window", "60", columns=columns)
    assert r.exit_code == 0, r.stderr
    assert all(len(line) <= columns for line in r.stdout.splitlines())
    rows = _rows(r.stdout)
    assert len(rows) == 2
    for row, (before, after) in zip(rows, [("the unilateral", "imposed last"), ("the regional", "committee")]):
        left, match, right = row[-3:]
        assert match == "sanctions"
        # the contexts are cut at their far ends only: the words next to the match stay whole
        assert left.endswith(before.split()[-1]) and right.startswith(after.split()[0])
        if columns == 80:
            assert left.endswith(before) and right.startswith(after)
        else:
            assert left.startswith("\u2026") or right.endswith("\u2026")


def test_a_short_window_still_shows_the_neighbouring_words(tmp_path):
    r = _kwic_cli(tmp_path, "--window", "10", columns=80)
    rows = _rows(r.stdout)
    assert [row[-3:] for row in rows] == [["nilateral", "sanctions", "imposed"],
                                          ["regional", "sanctions", "committee"]]
    hits = kwic([analysed("k", KWIC_TEXT, [("Amara Nwosu", KWIC_TEXT.split("\n")[0])])], "sanctions", window=10)
    assert hits[0].left == "nilateral " and hits[0].right == " imposed"


def test_a_window_cut_mid_word_goes_back_to_a_word_boundary_when_words_remain():
    hits = kwic([analysed("k", KWIC_TEXT, [("Amara Nwosu", KWIC_TEXT.split("\n")[0])])], "sanctions", window=18)
    assert hits[0].left == "the unilateral " and hits[0].right == " imposed last week"
