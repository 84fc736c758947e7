"""Every command through the CLI: formats, offsets, exit codes and messages for bad input."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dipcli.cli import app
from dipcli.environment import Environment
from dipcli.load import iter_articles

FIXTURES = Path(__file__).parent / "fixtures" / "corpus"
COMMANDS = {
    "articles": [],
    "claims": [],
    "speakers": [],
    "who-said": ["pipeline"],
    "keywords": [],
    "stance": [],
    "topics": ["--k", "2"],
    "kwic": ["pipeline"],
    "summary": [],
}


@pytest.fixture(autouse=True)
def _cache(tmp_path, monkeypatch):
    monkeypatch.setenv("DIPCLI_CACHE_DIR", str(tmp_path / "cache"))


def run(*args: str, input: str | bytes | None = None, terminal: bool | None = None):
    """The CLI as a user runs it: standard input is a terminal unless ``input`` is given."""
    tty = input is None if terminal is None else terminal
    return CliRunner().invoke(app, list(args), input=input, obj=Environment(stdin_isatty=tty))


def texts() -> dict[str, str]:
    return {a.doc: a.text for a in iter_articles([str(FIXTURES)], on_error=pytest.fail)}


def command_args(name: str) -> list[str]:
    positional = COMMANDS[name]
    if name in ("who-said", "kwic"):
        return [name, positional[0], str(FIXTURES)]
    return [name, str(FIXTURES), *positional]


def test_help_lists_every_command():
    r = run("--help")
    assert r.exit_code == 0
    for name in COMMANDS:
        assert name in r.stdout


@pytest.mark.parametrize("name", COMMANDS)
def test_command_help(name):
    r = run(name, "--help")
    assert r.exit_code == 0
    assert "--format" in r.stdout and "Example:" in r.stdout


@pytest.mark.parametrize("name", COMMANDS)
@pytest.mark.parametrize("fmt", ["table", "json", "jsonl", "csv"])
def test_every_command_in_every_format(name, fmt):
    r = run(*command_args(name), "--format", fmt)
    assert r.exit_code == 0, r.stderr
    assert r.stdout.strip(), f"{name} printed nothing"
    if fmt == "json":
        data = json.loads(r.stdout)
        assert data
    elif fmt == "jsonl":
        rows = [json.loads(line) for line in r.stdout.splitlines()]
        assert rows and all(isinstance(x, dict) for x in rows)
    elif fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(r.stdout)))
        assert rows


def test_json_shortcut_equals_format_json():
    assert run("claims", str(FIXTURES), "--json").stdout == run("claims", str(FIXTURES), "-f", "json").stdout


def test_claim_offsets_point_into_the_loaded_text():
    by_doc = texts()
    claims = json.loads(run("claims", str(FIXTURES), "--json").stdout)
    assert len(claims) > 15
    for c in claims:
        assert by_doc[c["doc"]][c["start"]:c["end"]] == c["text"]
    fields = list(claims[0])
    for key in ("doc", "id", "paragraph", "start", "end", "text", "speaker", "speaker_kind", "members",
                "document", "cue", "via", "confidence"):
        assert key in fields


def test_stance_offsets_for_evidence_cue_and_target():
    by_doc = texts()
    stances = json.loads(run("stance", str(FIXTURES), "--json").stdout)
    assert stances
    for s in stances:
        text = by_doc[s["doc"]]
        assert text[s["start"]:s["end"]] == s["text"]
        assert text[s["cue_start"]:s["cue_end"]] == s["cue"]
        assert text[s["target_start"]:s["target_end"]] == s["target"]
        assert s["polarity"] in ("support", "oppose")


def test_stance_finds_who_opposes_what():
    stances = json.loads(run("stance", str(FIXTURES), "--json").stdout)
    found = {(s["speaker"], s["polarity"]) for s in stances if "piracy" in s["target"]}
    assert found == {("Kwame Mensah", "oppose")}
    sanctions = [s for s in stances if "sanctions" in s["target"]]
    assert sanctions and sanctions[0]["speaker_kind"] == "group" and sanctions[0]["polarity"] == "oppose"


def test_stance_filters_and_matrix():
    only = json.loads(run("stance", str(FIXTURES), "--json", "--speaker", "mensah").stdout)
    assert only and {s["speaker"] for s in only} == {"Kwame Mensah"}
    target = json.loads(run("stance", str(FIXTURES), "--json", "--target", "pipeline").stdout)
    assert target and all("pipeline" in s["target"].lower() for s in target)
    matrix = json.loads(run("stance", str(FIXTURES), "--json", "--matrix").stdout)
    assert matrix and all(r["support"] + r["oppose"] >= 1 for r in matrix)
    table = run("stance", str(FIXTURES), "--matrix")
    assert table.exit_code == 0 and "Stance matrix" in table.stdout


@pytest.mark.parametrize("query,speaker", [
    ("deforestation", "Anna Kowalski"),
    ("piracy Gulf of Guinea", "Kwame Mensah"),
    ("sanction", "Brazil and Poland"),  # inflection: finds "sanctions"
    ('"transit agreement"', "Viktor Sokolov"),
])
def test_who_said_ranks_the_right_speaker_first(query, speaker):
    hits = json.loads(run("who-said", query, str(FIXTURES), "--json").stdout)
    assert hits, query
    assert hits[0]["speaker"] == speaker
    assert hits == sorted(hits, key=lambda h: -h["score"])
    by_doc = texts()
    assert by_doc[hits[0]["doc"]][hits[0]["start"]:hits[0]["end"]] == hits[0]["text"]


def test_who_said_without_a_match_is_success_with_empty_output():
    r = run("who-said", "zzzyzzy", str(FIXTURES), "--json")
    assert r.exit_code == 0 and json.loads(r.stdout) == []


def test_who_said_speaker_filter_and_top():
    hits = json.loads(run("who-said", "pipeline", str(FIXTURES), "--json", "--speaker", "abenov", "--top", "1").stdout)
    assert len(hits) == 1 and hits[0]["speaker"] == "Nurlan Abenov"


def test_claims_speaker_filter():
    rows = json.loads(run("claims", str(FIXTURES), "--json", "--speaker", "kowalski").stdout)
    assert rows and {r["speaker"] for r in rows} == {"Anna Kowalski"}


def test_speakers_roll_up():
    rows = json.loads(run("speakers", str(FIXTURES), "--json").stdout)
    by_name = {r["name"]: r for r in rows}
    assert by_name["Lucas Ferreira"]["kind"] == "person"
    assert "Ferreira" in by_name["Lucas Ferreira"]["aliases"]
    assert "said" in by_name["Lucas Ferreira"]["cues"]
    assert sum(r["claims"] for r in rows) == len(json.loads(run("claims", str(FIXTURES), "--json").stdout))
    assert sum(r["share"] for r in rows) == pytest.approx(1.0, abs=0.01)


def test_articles_metadata_and_text():
    rows = json.loads(run("articles", str(FIXTURES), "--json", "--text").stdout)
    by_doc = {r["doc"]: r for r in rows}
    agency = by_doc["agency-brazil-poland"]
    assert agency["date"] == "2024-05-05" and agency["source"] == "Example Agency"
    assert agency["category"] == "Diplomacy" and agency["place"]
    assert by_doc["readout-sweden-ghana"]["date"] == "2024-09-12"
    html = by_doc["kremlin-kazakhstan"]
    assert html["date"] == "2019-06-20" and "should never appear" not in html["text"]


def test_kwic_lines_have_offsets_and_speakers():
    by_doc = texts()
    hits = json.loads(run("kwic", "pipeline", str(FIXTURES), "--json", "--window", "20").stdout)
    assert len(hits) >= 3
    for h in hits:
        assert by_doc[h["doc"]][h["start"]:h["end"]].lower() == h["match"].lower()
        assert len(h["left"]) <= 21 and len(h["right"]) <= 21


def test_keywords_records():
    rows = json.loads(run("keywords", str(FIXTURES), "--json", "--by", "doc", "--top", "5").stdout)
    assert rows and {"group", "term", "score", "z", "count", "count_rest"} <= set(rows[0])
    for r in rows:
        assert r["term"].lower() not in ("said", "the", "and")


def test_topics_k_must_be_a_number_or_auto():
    r = run("topics", str(FIXTURES), "--k", "many")
    assert r.exit_code == 2


def test_summary_json_has_every_section():
    data = json.loads(run("summary", str(FIXTURES), "--claims", "all", "--json").stdout)
    for key in ("articles", "speakers", "claims", "keywords", "stances", "stance_matrix", "topics"):
        assert key in data
    assert len(data["articles"]) == 3


def test_summary_of_a_folder_sums_it_up_and_picks_claims():
    everything = json.loads(run("summary", str(FIXTURES), "--claims", "all", "--json").stdout)
    data = json.loads(run("summary", str(FIXTURES), "--json").stdout)
    for key in ("corpus", "articles", "speakers", "claims", "keywords", "stance_matrix", "topics"):
        assert key in data
    assert data["claims_selection"] == "informative" and "stances" not in data
    assert data["corpus"]["articles"] == 3 and data["corpus"]["claims"] == len(everything["claims"])
    assert 0 < len(data["claims"]) < len(everything["claims"])
    leading = [s["name"] for s in data["speakers"] if s["kind"] != "narrator"]
    assert {c["identity"] for c in data["claims"]} <= set(leading)
    assert all(len(c["text"].split()) >= 8 for c in data["claims"])


def test_default_corpus_is_the_bundled_article():
    r = run("speakers", "--json")
    assert r.exit_code == 0
    names = {s["name"] for s in json.loads(r.stdout)}
    assert "Xi Jinping" in names and "Vladimir Putin" in names


def test_stdin_is_read_with_a_dash():
    text = (FIXTURES / "agency-brazil-poland.txt").read_text(encoding="utf-8")
    rows = json.loads(run("claims", "-", "--json", input=text).stdout)
    assert rows and rows[0]["doc"] == "stdin"


def test_output_is_deterministic():
    first = run("claims", str(FIXTURES), "--json").stdout
    assert run("claims", str(FIXTURES), "--json", "--no-cache").stdout == first
    assert run("claims", str(FIXTURES), "--json").stdout == first


# -- bad input -------------------------------------------------------------------------------

def one_error_line(r, needle: str) -> str:
    lines = [line for line in r.stderr.splitlines() if line.startswith("dipcli: error:")]
    assert len(lines) == 1, r.stderr
    assert needle in lines[0]
    assert "Traceback" not in r.stderr
    return lines[0]


def test_missing_file(tmp_path):
    missing = tmp_path / "nope.txt"
    r = run("claims", str(missing))
    assert r.exit_code == 1
    one_error_line(r, "nope.txt")


@pytest.mark.parametrize("content,needle", [
    (b"\x00\x01\x02\x03binary\x00\xff" * 50, "binary"),
    (b"", "empty"),
    (b"   \n\n\t  \n", "whitespace"),
])
def test_bad_files_give_one_line_and_exit_1(tmp_path, content, needle):
    f = tmp_path / "bad.txt"
    f.write_bytes(content)
    r = run("claims", str(f))
    assert r.exit_code == 1
    line = one_error_line(r, "bad.txt")
    assert needle in line.lower()


def test_folder_with_nothing_readable(tmp_path):
    (tmp_path / "picture.png").write_bytes(b"\x89PNG\r\n")
    r = run("claims", str(tmp_path))
    assert r.exit_code == 1
    assert "Traceback" not in r.stderr and str(tmp_path.name) in r.stderr


def test_one_bad_file_does_not_lose_the_others(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text((FIXTURES / "agency-brazil-poland.txt").read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    r = run("claims", str(tmp_path), "--json")
    assert r.exit_code == 1
    rows = json.loads(r.stdout)
    assert rows and {row["doc"] for row in rows} == {"good"}
    one_error_line(r, "empty.txt")


def test_usage_errors_exit_2():
    assert run("claims", str(FIXTURES), "--format", "xml").exit_code == 2
    assert run("no-such-command").exit_code == 2


# -- the person who runs it --------------------------------------------------------------------

def test_terminal_escapes_and_markup_from_articles_are_neutralised(tmp_path):
    f = tmp_path / "hostile.txt"
    f.write_text("President Ana Torres said that [bold red]markup[/] and \x1b[31mred\x1b[0m are text.\n",
                 encoding="utf-8")
    r = run("claims", str(f))
    assert r.exit_code == 0
    assert "\x1b" not in r.stdout
    assert "[bold red]markup[/]" in r.stdout


def test_csv_cells_that_look_like_formulas_are_neutralised(tmp_path):
    f = tmp_path / "formula.txt"
    f.write_text("=HYPERLINK(\"http://x\") is what Minister Omar Reyes said.\n", encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(run("claims", str(f), "-f", "csv").stdout)))
    assert rows and rows[0]["text"].startswith("'=")


def test_size_limit_is_configurable(monkeypatch):
    r = run("--max-bytes", "100", "claims", str(FIXTURES / "agency-brazil-poland.txt"))
    assert r.exit_code == 1
    one_error_line(r, "over the limit")
    monkeypatch.setenv("DIPCLI_MAX_BYTES", "100")
    assert run("claims", str(FIXTURES / "agency-brazil-poland.txt")).exit_code == 1
    monkeypatch.setenv("DIPCLI_MAX_BYTES", "100000")
    assert run("claims", str(FIXTURES / "agency-brazil-poland.txt")).exit_code == 0


def test_a_windows_1252_file_is_read_with_a_one_line_warning(tmp_path):
    f = tmp_path / "readout.txt"
    f.write_bytes("Foreign Minister Lena Ortiz said the talks were useful. We\u2019ll meet again.\n".encode("cp1252"))
    r = run("claims", str(f), "-f", "jsonl")
    assert r.exit_code == 0
    assert json.loads(r.stdout.splitlines()[-1])["text"] == "We\u2019ll meet again."
    assert r.stderr.splitlines() == [f"dipcli: warning: {f}: not UTF-8 and no encoding detected; read as Windows-1252"]


def test_encoding_option_forces_one_and_an_unknown_name_is_a_usage_error(tmp_path):
    f = tmp_path / "statement.txt"
    f.write_bytes("Министр Ортис сказала, что переговоры были полезны.\n".encode("cp1251"))
    r = run("--encoding", "cp1251", "articles", str(f), "--text", "-f", "json")
    assert r.exit_code == 0 and r.stderr == ""
    assert json.loads(r.stdout)[0]["text"] == "Министр Ортис сказала, что переговоры были полезны."
    r = run("--encoding", "klingon", "claims", str(f))
    assert r.exit_code == 2 and r.stdout == ""
    assert r.stderr == "dipcli: error: --encoding: unknown encoding 'klingon'\n"


def test_a_claim_names_the_rule_that_attributed_it_in_every_format():
    from dipcli.attribute import RULES

    names = {rule.__name__ for rule in RULES}
    records = [json.loads(line) for line in run("claims", str(FIXTURES), "--format", "jsonl").stdout.splitlines()]
    assert records and all(list(r)[-4:] == ["mention", "rule", "speaker_id", "identity"] and r["rule"] in names
                           for r in records)
    assert {"reporting_frame", "narrator"} <= {r["rule"] for r in records}
    rows = list(csv.DictReader(io.StringIO(run("claims", str(FIXTURES), "--format", "csv").stdout)))
    assert [row["rule"] for row in rows] == [r["rule"] for r in records]
    hits = json.loads(run("who-said", "pipeline", str(FIXTURES), "--format", "json").stdout)
    assert hits and all(list(h)[-5:] == ["mention", "rule", "speaker_id", "identity", "score"] for h in hits)
