"""Hostile input through the CLI: exit codes, messages, terminal safety, limits and the cache.

Every command in every format runs over a folder where good articles sit
beside broken ones. No traceback may escape, the exit status is 1, each bad
file is named in a one-line message on stderr, and the good files' results
are all there. Article text never drives the terminal, spreadsheets never run
a cell, front matter and HTML never execute or fetch anything, and a corrupt
cache entry is rebuilt.
"""
from __future__ import annotations

import csv
import gzip
import io
import json
import os
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dipcli import cache as cache_module
from dipcli.cli import app
from dipcli.load import iter_articles, parse_bytes
from dipcli.model import DipError
from dipcli.core import analyse
from dipcli.render import FORMULA_START, csv_cell, one_line, safe_text

GOOD = {
    "accra-talks.txt": (
        "Lindqvist holds talks in Accra\n\n"
        "ACCRA, June 3 (Coast Wire) -- Swedish Foreign Minister Lars Lindqvist said on Monday that "
        "Sweden supports Ghana's plan to expand cocoa processing.\n\n"
        "Ghanaian Foreign Minister Amara Okafor said Ghana opposes unilateral sanctions and welcomed "
        "new investment in trade.\n"),
    "readout.md": (
        "---\ntitle: Readout of the ministers' call\ndate: 2024-05-02\nsource: Example Ministry\n---\n\n"
        "The two ministers discussed trade and maritime security.\n\n"
        "Okafor said Ghana rejects protectionism and backs the regional trade agreement.\n"),
    "visit.html": (
        "<!DOCTYPE html><html><head><title>Visit</title><meta property='og:title' content='The visit'>"
        "</head><body><nav>Menu</nav><article><h1>The visit</h1>"
        "<p>The envoy said [bold]Sweden[/bold] backs the [link=http://x.test]trade[/link] talks.</p>"
        "<p>=HYPERLINK(\"http://x.test\") was on a sign, the spokesperson said.</p>"
        "</article><script>alert(1)</script></body></html>"),
    "feed.jsonl": (
        '{"text": "Okafor said Ghana supports the talks on trade.", "title": "Feed one"}\n'
        "not json at all\n"
        '{"text": 5}\n'
        '{"text": "The spokesperson said \\ud800 the ministers met."}\n'),
}
# File -> what its one-line message must mention.
BAD = {
    "empty.txt": b"",
    "blank.txt": b" \n\t \r\n",
    "binary.txt": b"\x00\x01\x02\x03PK\x03\x04",
    "no-body.md": b"---\ntitle: [unclosed\ndate: &a [*a]\n---\n",
    "nul.txt": "The minister\x00 said hello.".encode(),
}
BAD_LINES = ("feed.jsonl:2", "feed.jsonl:3")
GOOD_DOCS = {"accra-talks", "readout", "visit", "feed:1", "feed:4"}

COMMANDS = {
    "articles": [],
    "claims": [],
    "speakers": [],
    "who-said": ["trade"],
    "keywords": [],
    "stance": [],
    "topics": ["--k", "2"],
    "kwic": ["said"],
    "summary": [],
}
FORMATS = ["table", "json", "jsonl", "csv"]


@pytest.fixture(autouse=True)
def _cache(tmp_path, monkeypatch):
    monkeypatch.setenv("DIPCLI_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("COLUMNS", "200")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("hostile")
    for name, text in GOOD.items():
        (root / name).write_text(text, encoding="utf-8")
    for name, data in BAD.items():
        (root / name).write_bytes(data)
    return root


def run(*args: str, input: str | bytes | None = None):
    return CliRunner().invoke(app, list(args), input=input)


def assert_no_crash(result) -> None:
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.stderr and "Traceback" not in result.stdout


def assert_messages(stderr: str, must_name) -> list[str]:
    """The error lines of stderr (notes and warnings may sit between them)."""
    lines = stderr.splitlines()
    for line in lines:
        assert "\x1b" not in line and "\r" not in line, line
    errors = [line for line in lines if line.startswith("dipcli: error: ")]
    for name in must_name:
        assert sum(name in line for line in errors) >= 1, (name, errors)
    return errors


def command_args(name: str, path: Path, fmt: str) -> list[str]:
    args = COMMANDS[name]
    if name in ("who-said", "kwic"):
        return [name, args[0], str(path), "--format", fmt]
    return [name, str(path), *args, "--format", fmt]


def parse_output(out: str, fmt: str) -> list:
    if fmt == "json":
        data = json.loads(out)
        return data if isinstance(data, list) else [data]
    if fmt == "jsonl":
        return [json.loads(line) for line in out.splitlines()]
    if fmt == "csv":
        return list(csv.DictReader(io.StringIO(out)))
    return [out]


def docs_in(records: list) -> set[str]:
    return {rec["doc"] for rec in records if isinstance(rec, dict) and isinstance(rec.get("doc"), str)}


# ---------------------------------------------------------------- every command, every format

@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("name", COMMANDS)
def test_command_survives_a_folder_of_bad_files(corpus, name, fmt):
    r = run(*command_args(name, corpus, fmt))
    assert_no_crash(r)
    assert r.exit_code == 1, (r.stdout, r.stderr)
    errors = assert_messages(r.stderr, list(BAD) + list(BAD_LINES))
    assert len(errors) == len(BAD) + len(BAD_LINES)
    assert re.search(r"dipcli: 7 input\(s\) failed, 5 article\(s\) analysed", r.stderr), r.stderr
    records = parse_output(r.stdout, fmt)
    assert records
    assert "\x1b" not in r.stdout and "\ud800" not in r.stdout
    if name in ("articles", "claims") and fmt != "table":
        assert docs_in(records) == GOOD_DOCS  # one bad file never loses the others
    if name == "summary" and fmt == "json":
        assert {a["doc"] for a in records[0]["articles"]} == GOOD_DOCS


def test_exit_codes_for_usage_and_missing_input(corpus, tmp_path):
    assert run("claims", "--format", "yaml", str(corpus)).exit_code == 2
    assert run("frobnicate").exit_code == 2
    r = run("claims", str(tmp_path / "missing.txt"))
    assert_no_crash(r)
    assert r.exit_code == 1
    [line] = assert_messages(r.stderr, ["missing.txt"])
    assert line == f"dipcli: error: {tmp_path / 'missing.txt'}: no such file or directory"
    good = run("claims", str(corpus / "accra-talks.txt"), "--format", "json")
    assert good.exit_code == 0 and json.loads(good.stdout)


def test_bad_stdin_is_named_and_empty_result_is_not_an_error(corpus):
    r = run("claims", "-", input=b"\x00\x00\x00")
    assert_no_crash(r)
    assert r.exit_code == 1 and len(assert_messages(r.stderr, ["stdin"])) == 1
    r = run("who-said", "zeppelin", str(corpus / "accra-talks.txt"), "--format", "json")
    assert r.exit_code == 0 and json.loads(r.stdout) == []


def test_a_file_name_with_escapes_and_newlines_gives_one_clean_line(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "ok.txt").write_text("The minister said talks were useful.", encoding="utf-8")
    (folder / "a\x1b[31mred\nline.txt").write_bytes(b"\x00\x01")
    r = run("claims", str(folder), "--format", "json")
    assert_no_crash(r)
    assert r.exit_code == 1
    errors = assert_messages(r.stderr, ["red line.txt"])
    assert len(errors) == 1


def test_undecodable_file_names_and_lone_surrogates_do_not_break_output(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / os.fsdecode(b"caf\xe9.txt")).write_bytes(b"The minister said talks were useful.")
    (folder / "s.json").write_text('{"text": "The envoy said \\udfff yes.", "title": "\\ud800"}',
                                   encoding="utf-8")
    for fmt in FORMATS:
        r = CliRunner().invoke(app, ["articles", str(folder), "--format", fmt])
        assert_no_crash(r)
        assert r.exit_code == 0, r.stderr
        r.stdout_bytes.decode("utf-8")  # strict: valid UTF-8 throughout
        if fmt == "json":
            docs = {a["doc"] for a in json.loads(r.stdout)}
            assert docs == {"caf\ufffd", "s"}


# ---------------------------------------------------------------- terminal and spreadsheet safety

def test_tables_strip_escapes_and_show_markup_as_text(corpus, tmp_path, monkeypatch):
    monkeypatch.setenv("FORCE_COLOR", "1")  # Rich writes styles as for a terminal
    path = tmp_path / "ansi.txt"
    path.write_bytes("The envoy said \x1b]8;;http://evil.test\x07click\x1b]8;;\x07 and \x1b[2J "
                     "[link=http://x.test]this[/link] [bold]matters[/bold].\n".encode())
    for args in (["claims", str(path)], ["claims", str(corpus / "visit.html")], ["articles", str(path), "--text"],
                 ["who-said", "[/x] [link=http://x.test] envoy", str(path)], ["kwic", "[bold]envoy", str(path)],
                 ["kwic", "envoy", str(path)], ["summary", str(corpus / "accra-talks.txt")],
                 ["speakers", str(corpus / "visit.html")]):
        r = run(*args)
        assert_no_crash(r)
        assert r.exit_code == 0, (args, r.stderr)
        out = r.stdout
        assert "\x1b]" not in out, args  # no hyperlink (OSC 8) from markup or from the text
        assert "\x1b[2J" not in out and "\x07" not in out
    r = run("claims", str(path))
    assert "[link=http://x.test]this[/link]" in r.stdout and "[bold]matters[/bold]" in r.stdout


def test_summary_table_of_a_single_speaker_article(tmp_path):
    path = tmp_path / "one.txt"
    path.write_text("The envoy said trade talks went well. The envoy said more talks would follow.\n",
                    encoding="utf-8")
    r = run("summary", str(path))
    assert_no_crash(r)
    assert r.exit_code == 0


def test_safe_text_and_one_line():
    assert safe_text("a\x1b[31mred\x1b[0m\x07 [bold]x[/bold]") == "ared \\[bold]x\\[/bold]"
    assert safe_text("\x1b]8;;http://e\x07link\x1b]8;;\x07") == "link"
    assert safe_text("bad \ud800 surrogate") == "bad  surrogate"
    assert one_line("f\x1b[1mile\nname\r\n.txt:\u2028binary") == "file name .txt: binary"


def test_as_dict_equals_asdict_for_every_record():
    import dataclasses

    from dipcli import model
    from dipcli.render import as_dict

    records = [
        model.Claim(doc="d", id="d:0", paragraph=0, start=0, end=3, text="abc", speaker="A", speaker_kind="person",
                    members=["A", "B"], cue="said", via="explicit", confidence=0.9, mention="A"),
        model.Topic(topic=0, label="trade", terms=[model.TopicTerm("trade", 0.5)], share=0.25, claim_share=0.5,
                    n_claims=1, docs=1, coherence=0.1, speakers=[model.TopicSpeaker("A", 1.0, 1, 1)],
                    claims=["d:0"]),
        model.Speaker(name="A", kind="person", aliases=["A"], claims=1, share=1.0, cues=["said"]),
        model.Keyword(group="A", term="trade", score=1.5, z=None, count=2, count_rest=0),
    ]
    for rec in records:
        assert as_dict(rec) == dataclasses.asdict(rec)
        assert list(as_dict(rec)) == [f.name for f in dataclasses.fields(rec)]


@pytest.mark.parametrize("value", ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx", "=HYPERLINK(\"x\")"])
def test_csv_cells_that_a_spreadsheet_would_run_are_neutralised(value):
    assert csv_cell(value) == "'" + value
    assert csv_cell("safe " + value) == "safe " + value
    assert csv_cell(3) == 3 and csv_cell(None) is None
    assert csv_cell(["=x"]) == '["=x"]'


def test_csv_output_has_no_formula_cells(tmp_path):
    path = tmp_path / "formulas.txt"
    path.write_text("=1+1 said the minister.\n\n+cmd|' /C calc'!A0 said the envoy.\n\n"
                    "@SUM(A1) the spokesperson said.\n\n-2 is the figure, Okafor said.\n", encoding="utf-8")
    r = run("claims", str(path), "--format", "csv")
    assert r.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    assert len(rows) == 4
    for row in rows:
        for value in row.values():
            assert not value.startswith(FORMULA_START), row
    assert rows[0]["text"] == "'=1+1 said the minister."


# ---------------------------------------------------------------- no execution, no fetching

def test_html_entities_and_external_references_are_never_resolved(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRET-4711", encoding="utf-8")
    uri = secret.as_uri()
    docs = [
        f'<?xml version="1.0"?><!DOCTYPE html [<!ENTITY xxe SYSTEM "{uri}">]>'
        "<html><body><p>The minister said &xxe; today.</p></body></html>",
        f'<!DOCTYPE html SYSTEM "{uri}"><html><body><p>The minister said hello.</p></body></html>',
        f'<!DOCTYPE html [<!ENTITY % p SYSTEM "{uri}"> %p;]><html><body><p>The minister spoke.</p></body></html>',
        '<!DOCTYPE html [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
        '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>'
        "<html><body><p>The minister said &d; twice.</p></body></html>",
        '<html><body><p>The minister said hi.</p><img src="http://127.0.0.1:9/x.png">'
        '<link rel="stylesheet" href="http://127.0.0.1:9/x.css"><iframe src="file:///etc/passwd"></iframe></body></html>',
    ]
    for doc in docs:
        for name in ("page.html", "page.xhtml", "page"):
            try:
                articles = parse_bytes(doc.encode(), name=name, doc="page")
            except DipError:
                continue
            for art in articles:
                assert "TOPSECRET" not in art.text
                assert "lollollol" not in art.text
                assert "root:" not in art.text


def test_front_matter_is_read_with_a_safe_loader(tmp_path):
    marker = tmp_path / "pwned"
    doc = (f"---\ntitle: !!python/object/apply:os.system ['touch {marker}']\n"
           f"source: !!python/object/apply:subprocess.check_output [['touch', '{marker}']]\n"
           "date: !!python/name:os.system\n---\n\nThe minister said the front matter was odd.\n")
    [art] = parse_bytes(doc.encode(), name="x.md", doc="x")
    assert not marker.exists()
    assert art.text == "The minister said the front matter was odd."


def test_nothing_from_an_article_becomes_a_path(tmp_path, monkeypatch):
    cache_dir = tmp_path / "cache"
    monkeypatch.setenv("DIPCLI_CACHE_DIR", str(cache_dir))
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"text": "The minister said hi.", "id": "../../escape", "doc": "/tmp/x",
                                "path": "../../../etc/passwd", "url": "file:///etc/passwd",
                                "title": "../../evil"}) + "\n", encoding="utf-8")
    r = run("claims", str(feed), "--format", "json")
    assert r.exit_code == 0
    [claim] = json.loads(r.stdout)
    assert claim["doc"] == "feed:1"
    [art] = iter_articles([str(feed)], on_error=pytest.fail)
    assert art.path == str(feed)
    written = sorted(p.relative_to(cache_dir).as_posix() for p in cache_dir.rglob("*") if p.is_file())
    assert written and all(re.fullmatch(r"g-[^/]+/[0-9a-f]{2}/[0-9a-f]{64}\.json\.gz", p) for p in written), written
    assert not (tmp_path.parent / "escape").exists()


# ---------------------------------------------------------------- resource limits

def test_a_file_over_the_limit_is_refused_and_the_others_load(tmp_path):
    (tmp_path / "big.txt").write_bytes(b"The minister said hello. " * 400)
    (tmp_path / "small.txt").write_bytes(b"The envoy said yes.")
    errors: list[DipError] = []
    articles = list(iter_articles([str(tmp_path / "big.txt"), str(tmp_path / "small.txt")],
                                  max_bytes=1000, on_error=errors.append))
    assert [a.doc for a in articles] == ["small"]
    [err] = errors
    assert str(err).startswith(str(tmp_path / "big.txt")) and "limit" in str(err) and "\n" not in str(err)


def test_stdin_and_json_lines_over_the_limit(tmp_path, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"x" * 5000)))
    errors: list[DipError] = []
    assert list(iter_articles(["-"], max_bytes=1000, on_error=errors.append)) == []
    assert len(errors) == 1 and "limit" in str(errors[0])
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"text": "The minister said " + "very " * 500 + "much."}) + "\n"
                    + json.dumps({"text": "The envoy said yes."}) + "\n", encoding="utf-8")
    errors.clear()
    articles = list(iter_articles([str(feed)], max_bytes=1000, on_error=errors.append))
    assert [a.text for a in articles] == ["The envoy said yes."]
    assert len(errors) == 1 and str(errors[0]).startswith(str(feed))


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_an_endless_binary_stream_is_refused():
    errors: list[DipError] = []
    assert list(iter_articles(["/dev/zero"], on_error=errors.append)) == []
    assert len(errors) == 1 and "binary" in str(errors[0])


@pytest.mark.skipif(not hasattr(os, "mkfifo") or not Path("/dev/zero").exists(), reason="needs POSIX")
def test_pipes_and_devices_inside_a_folder_are_skipped_not_read(tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")  # reading it would wait forever
    (tmp_path / "zero.txt").symlink_to("/dev/zero")
    (tmp_path / "ok.txt").write_text("The minister said hello.", encoding="utf-8")
    errors: list[DipError] = []
    assert [a.doc for a in iter_articles([str(tmp_path)], on_error=errors.append)] == ["ok"]
    assert sorted(Path(str(e).split(":")[0]).name for e in errors) == ["pipe.txt", "zero.txt"]


def test_the_cli_limit_is_configurable(tmp_path, monkeypatch):
    path = tmp_path / "big.txt"
    path.write_bytes(b"The minister said hello. " * 400)
    r = run("--max-bytes", "1000", "articles", str(path))
    assert r.exit_code == 1 and "limit" in r.stderr
    monkeypatch.setenv("DIPCLI_MAX_BYTES", "1000")
    r = run("articles", str(path))
    assert r.exit_code == 1 and "limit" in r.stderr
    assert run("--max-bytes", "100000", "articles", str(path)).exit_code == 0
    assert run("--max-bytes", "lots", "articles", str(path)).exit_code == 2


# ---------------------------------------------------------------- the cache

CORRUPTIONS = {
    "truncated": lambda raw: raw[: len(raw) // 2],
    "empty": lambda raw: b"",
    "garbage": lambda raw: b"\x00\xff\xfe garbage",
    "not an object": lambda raw: b"[]",
    "deep nesting": lambda raw: b"[" * 100_000 + b"]" * 100_000,
    "offsets moved": lambda raw: raw.replace(b'"start":0,', b'"start":1,', 1),
    "offset as text": lambda raw: re.sub(rb'"end":(\d+)', rb'"end":"\1"', raw, count=1),
    "offset as bool": lambda raw: re.sub(rb'"paragraph":\d+', b'"paragraph":true', raw, count=1),
    "text stored": lambda raw: raw.replace(b'"via":', b'"text":"The MINISTER","via":', 1),
    "offset past its paragraph": lambda raw: re.sub(rb'"end":(\d+)', b'"end":100000', raw, count=1),
    "extra field": lambda raw: raw.replace(b'"via":', b'"evil":1,"via":', 1),
    "NaN confidence": lambda raw: re.sub(rb'"confidence":[0-9.]+', b'"confidence":NaN', raw, count=1),
    "members not strings": lambda raw: raw.replace(b'"members":[', b'"members":[1,', 1),
    "claims not a list": lambda raw: re.sub(rb'"claims":\[.*\]\}$', b'"claims":{"a":1}}', raw),
    "unknown via": lambda raw: re.sub(rb'"via":"\w+"', b'"via":"hearsay"', raw, count=1),
    "unknown speaker kind": lambda raw: re.sub(rb'"speaker_kind":"\w+"', b'"speaker_kind":"oracle"', raw, count=1),
}


@pytest.mark.parametrize("how", CORRUPTIONS)
def test_a_corrupt_cache_entry_is_ignored_and_rebuilt(tmp_path, monkeypatch, how):
    cache_dir = tmp_path / "cache"
    monkeypatch.setenv("DIPCLI_CACHE_DIR", str(cache_dir))
    path = tmp_path / "talks.txt"
    path.write_text("The minister said the talks were useful.\n\nOkafor said Ghana supports trade.\n",
                    encoding="utf-8")
    first = run("claims", str(path), "--format", "json")
    assert first.exit_code == 0
    [entry] = [p for p in cache_dir.rglob("*.json.gz")]
    good = entry.read_bytes()
    entry.write_bytes(gzip.compress(CORRUPTIONS[how](gzip.decompress(good))))
    again = run("claims", str(path), "--format", "json")
    assert_no_crash(again)
    assert again.exit_code == 0 and again.stdout == first.stdout
    assert entry.read_bytes() == good  # rebuilt
    assert not [p for p in cache_dir.rglob(".tmp-*")]


def test_cache_entry_replaced_by_a_folder_or_an_unusable_cache_dir(tmp_path, monkeypatch):
    path = tmp_path / "talks.txt"
    path.write_text("The minister said the talks were useful.", encoding="utf-8")
    cache_dir = tmp_path / "cache"
    monkeypatch.setenv("DIPCLI_CACHE_DIR", str(cache_dir))
    first = run("claims", str(path), "--format", "json")
    [entry] = list(cache_dir.rglob("*.json.gz"))
    entry.unlink()
    entry.mkdir()
    r = run("claims", str(path), "--format", "json")
    assert_no_crash(r)
    assert r.exit_code == 0 and r.stdout == first.stdout
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    monkeypatch.setenv("DIPCLI_CACHE_DIR", str(blocker))
    r = run("claims", str(path), "--format", "json")
    assert r.exit_code == 0 and r.stdout == first.stdout


def test_cache_writes_are_atomic(tmp_path, monkeypatch):
    monkeypatch.setenv("DIPCLI_CACHE_DIR", str(tmp_path / "cache"))
    [art] = parse_bytes(b"The minister said the talks were useful.", name="t.txt", doc="t")
    item = analyse(art)
    store = cache_module.Cache.open()

    def fail(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(cache_module.os, "replace", fail)
    store.put(item)  # a failed write is silent and leaves nothing behind
    assert not [p for p in (tmp_path / "cache").rglob("*") if p.is_file()]
    monkeypatch.undo()
    monkeypatch.setenv("DIPCLI_CACHE_DIR", str(tmp_path / "cache"))
    store.put(item)
    files = [p for p in (tmp_path / "cache").rglob("*") if p.is_file()]
    assert len(files) == 1 and not files[0].name.startswith(".tmp-")
    got = store.get(art)
    assert got is not None and got.claims == item.claims and got.paragraphs == item.paragraphs


def test_cache_keeps_lone_surrogates_exactly(tmp_path, monkeypatch):
    monkeypatch.setenv("DIPCLI_CACHE_DIR", str(tmp_path / "cache"))
    [art] = parse_bytes(b"The minister said the talks were useful.", name="t.txt", doc="t")
    art.doc = "odd\udcff"  # a file-name byte Python could not decode, if one ever got through
    item = analyse(art)
    store = cache_module.Cache.open()
    store.put(item)
    got = store.get(art)
    assert got is not None and got.claims == item.claims


def test_json_records_are_compact_lines_and_survive_lone_surrogates():
    from dipcli import model
    from dipcli.render import dumps

    claim = model.Claim(doc="d", id="d:0", paragraph=0, start=0, end=3, text="é \ud800 x", speaker=None,
                        speaker_kind="narrator", members=["A"], confidence=0.6)
    line = dumps(claim)
    assert line.startswith('{"doc":"d","id":"d:0","paragraph":0,') and "\n" not in line
    assert json.loads(line)["text"] == "é \ufffd x" and json.loads(line)["members"] == ["A"]
    line.encode("utf-8")  # strict
    assert dumps({2024: [claim], "k": ("\udfff",)}) == dumps({"2024": [claim], "k": ["\ufffd"]})
    with pytest.raises(TypeError):
        dumps({"k": object()})
