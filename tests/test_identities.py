"""Corpus identities: one person under several names across documents, on fixtures written for these tests.

The fixtures (``fixtures/identities``) name President Bill Okafor as "William Okafor",
"Bill Okafor" and, in a toast, "PRESIDENT OKAFOR"; First Lady Grace Okafor as "Grace
Okafor" and, in another article, "First Lady Okafor"; a press secretary only by a
capitals label ("MS. LINDQVIST-BERG:") and in the title; and Anna von der Hoven by
"PRESIDENT VON DER HOVEN:" and in running text.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dipcli.cli import app
from dipcli.corpus import Corpus
from dipcli.environment import Environment
from dipcli.identities import Evidence, build, full_names_agree, gather, parse_name, read_aliases, registry_of, slug
from dipcli.model import DipError
from dipcli.pipeline import iter_analysed

FIXTURES = Path(__file__).parent / "fixtures" / "identities"


@pytest.fixture(autouse=True)
def _cache(tmp_path, monkeypatch):
    monkeypatch.setenv("DIPCLI_CACHE_DIR", str(tmp_path / "cache"))


@pytest.fixture(scope="module")
def items():
    errors = []
    found = list(iter_analysed([str(FIXTURES)], on_error=errors.append, use_cache=False))
    assert not errors and len(found) == 7
    return found


def run(*args: str, input: str | None = None):
    return CliRunner().invoke(app, list(args), input=input, obj=Environment(stdin_isatty=input is None))


def identity_of(registry, name: str, doc: str):
    return registry.of(name, "person", doc)


# -- names ---------------------------------------------------------------------------------

def test_a_name_is_read_without_titles_honorifics_and_suffixes():
    assert parse_name("President Joseph R. Biden Jr.").tokens == ("joseph", "r", "biden")
    assert parse_name("Mr. Abdullah Abdullah").tokens == parse_name("Abdullah Abdullah").tokens
    assert parse_name("H.E. Maria Costa").shown == "Maria Costa"
    assert parse_name("Prime Minister Lee").tokens == ("lee",)
    assert parse_name("Mr. President").tokens == ()  # a title only: no name to match on
    assert parse_name("Nguyễn Phú Trọng").tokens == ("nguyen", "phu", "trong")


@pytest.mark.parametrize("a, b, same", [
    ("Joe Biden", "Joseph R. Biden", True),  # a variant of the given name, a middle initial
    ("Bill Okafor", "William Okafor", True),
    ("G. Okafor", "Grace Okafor", True),  # an initial agrees with any name it begins
    ("J. Okafor", "Grace Okafor", False),
    ("Grace Okafor", "Bill Okafor", False),
    ("George H. Walker", "George W. Walker", False),  # middle names that disagree
    ("Kishida Fumio", "Fumio Kishida", True),  # the same words in another order
    ("Lopez Obrador", "Andres Manuel Lopez Obrador", True),  # one ends the other
    ("Anna Kowalski", "Anna Nowak", False),
])
def test_full_names_agree_on_surname_and_given_names(a, b, same):
    assert full_names_agree(parse_name(a), parse_name(b)) is same


def test_slug_is_ascii_and_bounded():
    assert slug("Phạm Minh Chính") == "pham-minh-chinh"
    long = slug("Joint Statement " * 10)
    assert len(long) <= 60 and long != slug("Joint Statement " * 11)


# -- the registry ---------------------------------------------------------------------------

def test_one_person_under_several_names_is_one_identity(items):
    reg = registry_of(items)
    bill = identity_of(reg, "Bill Okafor", "okafor-remarks")
    assert identity_of(reg, "William Okafor", "okafor-readout") is bill
    assert identity_of(reg, "Okafor", "okafor-toast") is bill  # "PRESIDENT OKAFOR": a president
    assert bill.id == "person:bill-okafor" and bill.kind == "person"
    assert {"Bill Okafor", "William Okafor", "Okafor"} <= set(bill.names)


def test_a_surname_goes_to_the_person_its_titles_name(items):
    reg = registry_of(items)
    grace = identity_of(reg, "Grace Okafor", "first-lady")
    # "First Lady Okafor said ..." in the library article: the first lady, not the president
    assert identity_of(reg, "Okafor", "library") is grace
    assert identity_of(reg, "Okafor", "okafor-toast") is not grace


def test_display_names_take_their_running_text_casing(items):
    reg = registry_of(items)
    # the capitals label "MS. LINDQVIST-BERG:" is the person the title names, in the title's casing
    assert identity_of(reg, "Karin Lindqvist-Berg", "briefing").name == "Karin Lindqvist-Berg"
    assert identity_of(reg, "Anna von der Hoven", "okafor-remarks").name == "Anna von der Hoven"


def test_identities_do_not_depend_on_the_order_of_the_articles(items):
    forward, backward = registry_of(items), registry_of(list(reversed(items)))
    assert [(i.id, i.name, i.names, i.claims) for i in forward.identities] == \
        [(i.id, i.name, i.names, i.claims) for i in backward.identities]
    halves = Evidence()
    halves.update(gather(items[:3]))
    halves.update(gather(items[3:]))
    assert [i.id for i in build(halves).identities] == [i.id for i in forward.identities]


def test_a_surname_two_people_could_have_stays_apart_unless_one_dominates():
    from builders import analysed

    def corpus(n_first: int, n_second: int):
        docs = [analysed("a", [("Maria Costa", "Maria Costa spoke.")] * n_first),
                analysed("b", [("Paulo Costa", "Paulo Costa spoke.")] * n_second),
                analysed("c", [("Costa", "Costa spoke about the budget today.")])]
        return registry_of(docs)

    even = corpus(2, 2)
    assert even.of("Costa", "person", "c").names == ["Costa"]  # the corpus does not say which
    lopsided = corpus(9, 2)
    assert lopsided.of("Costa", "person", "c") is lopsided.of("Maria Costa", "person", "a")


def test_the_narrator_and_unknown_names(items):
    reg = registry_of(items)
    assert reg.of(None, "narrator").id == "narrator"
    stranger = reg.of("Nobody Here", "person", "x")
    assert stranger.id == "person:nobody-here" and stranger.names == ["Nobody Here"]


# -- the user's aliases ----------------------------------------------------------------------

def test_aliases_from_tsv_and_yaml(tmp_path, items):
    tsv = tmp_path / "who.tsv"
    tsv.write_text("# display name, then names\nK. Lindqvist-Berg\tKarin Lindqvist-Berg\n\nGrace Okafor\tOkafor\n",
                   encoding="utf-8")
    yml = tmp_path / "who.yaml"
    yml.write_text("K. Lindqvist-Berg: Karin Lindqvist-Berg\nGrace Okafor: [Okafor]\n", encoding="utf-8")
    assert read_aliases(str(tsv)) == read_aliases(str(yml)) == [
        ("K. Lindqvist-Berg", ["Karin Lindqvist-Berg"]), ("Grace Okafor", ["Okafor"])]
    reg = registry_of(items, aliases=read_aliases(str(tsv)))
    assert identity_of(reg, "Karin Lindqvist-Berg", "briefing").name == "K. Lindqvist-Berg"
    # the user put every lone "Okafor" with Grace: the toast's too
    assert identity_of(reg, "Okafor", "okafor-toast") is identity_of(reg, "Grace Okafor", "first-lady")


@pytest.mark.parametrize("text, suffix", [("[a, b]\n", ".yaml"), ("a: {b: c}\n", ".yml"), ("Name  Other\n", ".tsv")])
def test_a_bad_aliases_file_is_a_user_error(tmp_path, text, suffix):
    path = tmp_path / f"who{suffix}"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DipError):
        read_aliases(str(path))
    with pytest.raises(DipError, match="cannot read"):
        read_aliases(str(tmp_path / "missing.tsv"))


# -- reading twice ---------------------------------------------------------------------------

def test_a_corpus_too_big_to_keep_is_set_aside_or_read_again_with_the_same_labels(items):
    calls = []

    def read(first):
        calls.append(first)
        return iter(list(iter_analysed([str(FIXTURES)], on_error=print, use_cache=False)))

    kept = Corpus(read)
    aside = Corpus(read, keep_chars=0)  # every article set aside on disk, none analysed twice
    again = Corpus(read, keep_chars=0, spill_chars=0)  # no room on disk either: read again
    assert kept.kept and not kept.spilled
    assert aside.spilled and not aside.kept
    assert not again.kept and not again.spilled
    labels = [[(c.id, c.speaker_id, c.identity) for c in item.claims] for item in kept.items()]
    for other in (aside, again):
        assert labels == [[(c.id, c.speaker_id, c.identity) for c in item.claims] for item in other.items()]
    assert labels == [[(c.id, c.speaker_id, c.identity) for c in item.claims] for item in aside.items()]  # twice
    assert calls == [True, True, True, False]  # only the third corpus was read again
    assert Corpus(read, keep_chars=0, rereadable=False).kept  # standard input is kept whatever its size


def test_a_spill_too_small_for_the_corpus_reads_it_again(items):
    calls = []

    def read(first):
        calls.append(first)
        return iter(list(iter_analysed([str(FIXTURES)], on_error=print, use_cache=False)))

    first = next(iter(read(True)))
    calls.clear()
    partly = Corpus(read, keep_chars=0, spill_chars=len(first.article.text))  # room for one article only
    assert not partly.kept and not partly.spilled
    assert [item.article.doc for item in partly.items()] == [item.article.doc for item in read(True)]
    assert calls == [True, False, True]


# -- the command line ------------------------------------------------------------------------

def test_claims_name_their_identity_and_keep_the_name_of_the_document():
    r = run("claims", str(FIXTURES), "--format", "jsonl")
    assert r.exit_code == 0, r.stderr
    rows = [json.loads(line) for line in r.stdout.splitlines()]
    okafor = {(c["speaker"], c["identity"], c["speaker_id"]) for c in rows if c["speaker_id"] == "person:bill-okafor"}
    assert {name for name, _, _ in okafor} == {"Bill Okafor", "William Okafor", "Okafor"}
    assert {identity for _, identity, _ in okafor} == {"Bill Okafor"}
    narration = [c for c in rows if c["speaker"] is None]
    assert narration and all(c["speaker_id"] == "narrator" and c["identity"] is None for c in narration)


def test_speaker_filter_finds_every_name_of_the_identity():
    r = run("claims", str(FIXTURES), "--speaker", "William Okafor", "--format", "jsonl")
    docs = {json.loads(line)["doc"] for line in r.stdout.splitlines()}
    assert docs == {"okafor-readout", "okafor-remarks", "okafor-statement", "okafor-toast"}


def test_speakers_roll_up_identities_with_their_other_names():
    rows = json.loads(run("speakers", str(FIXTURES), "--json").stdout)
    [bill] = [s for s in rows if s["name"] == "Bill Okafor"]
    assert bill["id"] == "person:bill-okafor" and bill["docs"] == 4
    assert bill["names"][0] == "Bill Okafor" and {"William Okafor", "Okafor"} <= set(bill["aliases"])
    assert sum(s["claims"] for s in rows) == len(json.loads(run("claims", str(FIXTURES), "--json").stdout))


def test_aliases_option_on_the_command_line(tmp_path):
    path = tmp_path / "who.tsv"
    path.write_text("K. Lindqvist-Berg\tKarin Lindqvist-Berg\n", encoding="utf-8")
    for args in (["--aliases", str(path), "speakers", str(FIXTURES)], ["speakers", str(FIXTURES), "--aliases", str(path)]):
        names = {s["name"] for s in json.loads(run(*args, "--json").stdout)}
        assert "K. Lindqvist-Berg" in names and "Karin Lindqvist-Berg" not in names
    r = run("speakers", str(FIXTURES), "--aliases", str(tmp_path / "missing.tsv"))
    assert r.exit_code == 1 and r.stderr.count("\n") == 1 and "missing.tsv" in r.stderr


def test_identities_are_the_same_bytes_whatever_jobs_and_input_order():
    one = run("claims", str(FIXTURES), "--format", "jsonl", "--no-cache").stdout
    two = run("claims", str(FIXTURES), "--format", "jsonl", "--no-cache", "--jobs", "2").stdout
    assert one == two
    paths = sorted(str(p) for p in FIXTURES.iterdir())
    reverse = run("claims", *reversed(paths), "--format", "jsonl").stdout
    labels = {r["id"]: (r["speaker_id"], r["identity"]) for r in map(json.loads, one.splitlines())}
    assert labels == {r["id"]: (r["speaker_id"], r["identity"]) for r in map(json.loads, reverse.splitlines())}


def test_standard_input_is_labelled_too():
    text = (FIXTURES / "okafor-statement.txt").read_text(encoding="utf-8")
    r = run("claims", "--format", "jsonl", input=text)
    assert r.exit_code == 0, r.stderr
    assert {json.loads(line)["speaker_id"] for line in r.stdout.splitlines()} == {"person:bill-okafor", "narrator"}


def test_stance_kwic_and_who_said_carry_identities():
    for args, who in ((["stance", str(FIXTURES)], "Anna von der Hoven"), (["kwic", "river", str(FIXTURES)], "Bill Okafor"),
                      (["who-said", "river", str(FIXTURES)], "Bill Okafor")):
        rows = json.loads(run(*args, "--json").stdout)
        assert rows and all("speaker_id" in r and "identity" in r for r in rows), args
        assert any(r["identity"] == who for r in rows), args
    matrix = json.loads(run("stance", str(FIXTURES), "--matrix", "--json").stdout)
    holders = {r["holder"] for r in matrix}  # a holder that is the act's speaker counts as its identity
    assert {"Anna von der Hoven", "Bill Okafor"} <= holders and not {"Von Der Hoven", "Okafor"} & holders


def test_the_report_page_counts_identities(items):
    from dipcli.html_report import report
    from dipcli.stance import find_stances

    acts = [st for item in items for st in find_stances(item)]
    page = report(items, acts)
    # report() labels what it is given: the page's speakers, colours and stance map go by identity
    assert {c.identity for item in items for c in item.claims if c.speaker == "William Okafor"} == {"Bill Okafor"}
    assert {st.identity for st in acts if st.speaker == "Anna von der Hoven"} == {"Anna von der Hoven"}
    assert "Anna von der Hoven" in page and "Von Der Hoven" not in page  # the label read as the name it is


def test_a_holder_who_is_not_the_speaker_counts_as_the_identity_of_its_name():
    from types import SimpleNamespace

    from dipcli.corpus import holder_identity

    registry = registry_of(list(iter_analysed([str(FIXTURES)], on_error=None, use_cache=False)))
    narrated = SimpleNamespace(doc="okafor-statement", speaker=None, identity=None, holder="Okafor",
                               holder_kind="person")  # the name a transcript label gave, held in narration
    assert holder_identity(narrated, registry) == "Bill Okafor"
    assert holder_identity(narrated) == "Okafor"  # without the identities: the name as written
    unknown = SimpleNamespace(doc="okafor-statement", speaker=None, identity=None, holder="Tomas Ruiz",
                              holder_kind="person")
    assert holder_identity(unknown, registry) == "Tomas Ruiz"
    spoken = SimpleNamespace(doc="okafor-toast", speaker="Okafor", identity="Bill Okafor", holder="Okafor",
                             holder_kind="person")
    assert holder_identity(spoken, registry) == "Bill Okafor"
    assert holder_identity(SimpleNamespace(holder=None)) == "narrator"
