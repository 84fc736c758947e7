"""The author of a document: front matter, a JSON Lines field, a table (CSV, TSV, XLSX) or a file-name pattern."""
from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dipcli.authors import Authors, read_table
from dipcli.cli import app
from dipcli.environment import Environment
from dipcli.model import DipError

SPEECH = "We meet at a hard time for our region.\n\nOur delegation calls on every state to keep its word.\n"


@pytest.fixture(autouse=True)
def _cache(tmp_path, monkeypatch):
    monkeypatch.setenv("DIPCLI_CACHE_DIR", str(tmp_path / "cache"))


def run(*args: str):
    return CliRunner().invoke(app, list(args), obj=Environment(stdin_isatty=True))


def speeches(root: Path) -> Path:
    folder = root / "speeches"
    folder.mkdir()
    for name in ("RUR_80_2025.txt", "BOR_80_2025.txt", "RUR_81_2026.txt"):
        (folder / name).write_text(SPEECH, encoding="utf-8")
    return folder


def authors_of(*args: str) -> dict[str, str | None]:
    r = run("articles", *args, "--json")
    assert r.exit_code == 0, r.stderr
    return {Path(a["path"]).stem: a["author"] for a in json.loads(r.stdout)}


def _xlsx(path: Path, rows: list[list[object]]) -> None:
    """A minimal workbook written by hand: shared strings, numbers, a rich-text run."""
    strings: list[str] = []

    def cell(ref: str, value: object) -> str:
        if isinstance(value, (int, float)):
            return f'<c r="{ref}"><v>{value}</v></c>'
        strings.append(str(value))
        return f'<c r="{ref}" t="s"><v>{len(strings) - 1}</v></c>'

    body = "".join(f'<row r="{i + 1}">' + "".join(cell(f"{chr(65 + j)}{i + 1}", v) for j, v in enumerate(row))
                   + "</row>" for i, row in enumerate(rows))
    ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    rel = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
    shared = "".join(f"<si><r><t>{s[:2]}</t></r><r><t>{s[2:]}</t></r></si>" for s in strings)
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("xl/workbook.xml", f'<workbook {ns} {rel}><sheets><sheet name="Speakers" sheetId="1" '
                                       f'r:id="rId7"/></sheets></workbook>')
        zf.writestr("xl/_rels/workbook.xml.rels", '<Relationships xmlns="http://schemas.openxmlformats.org/package/'
                    '2006/relationships"><Relationship Id="rId7" Target="worksheets/data.xml" Type="w"/></Relationships>')
        zf.writestr("xl/worksheets/data.xml", f"<worksheet {ns}><sheetData>{body}</sheetData></worksheet>")
        zf.writestr("xl/sharedStrings.xml", f"<sst {ns}>{shared}</sst>")


def test_a_table_whose_cells_make_the_file_names(tmp_path):
    folder = speeches(tmp_path)
    table = tmp_path / "speakers.csv"
    table.write_text("Year,Session,Code,Name of Person Speaking,Post\n2025,80,RUR,Mr. Tomas Ruiz,President\n"
                     "2025,80,BOR,H.E. Ilse Varga,Prime Minister\n", encoding="utf-8")
    assert authors_of(str(folder), "--authors", str(table)) == {
        "RUR_80_2025": "Tomas Ruiz", "BOR_80_2025": "Ilse Varga", "RUR_81_2026": None}


def test_an_xlsx_table_is_read_without_a_spreadsheet_library(tmp_path):
    folder = speeches(tmp_path)
    book = tmp_path / "speakers.xlsx"
    _xlsx(book, [["Year", "Session", "ISO Code", "Name of Person Speaking"], [2025, 80, "RUR", "Tomas Ruiz"],
                 [2026.0, 81, "RUR", "Maria Ruiz"]])
    assert read_table(str(book))[1] == ["2025", "80", "RUR", "Tomas Ruiz"]
    assert authors_of(str(folder), "--authors", str(book)) == {
        "RUR_80_2025": "Tomas Ruiz", "BOR_80_2025": None, "RUR_81_2026": "Maria Ruiz"}


def test_a_table_with_a_file_column_and_tabs(tmp_path):
    folder = speeches(tmp_path)
    table = tmp_path / "who.tsv"
    table.write_text("file\tspeaker\nspeeches/BOR_80_2025.txt\tIlse Varga\n", encoding="utf-8")
    assert authors_of(str(folder), "--authors", str(table))["BOR_80_2025"] == "Ilse Varga"


def test_two_rows_that_fit_one_file_name_leave_it_alone(tmp_path):
    a = Authors()
    a.rows = [(frozenset({"rur", "80", "2025"}), "Tomas Ruiz"), (frozenset({"rur", "80", "2025", "x"}), "Other One")]
    a.index = {"rur": [0, 1], "80": [0, 1], "2025": [0, 1], "x": [1]}
    assert a.speaker("RUR_80_2025", "RUR_80_2025.txt") is None


def test_a_file_name_pattern(tmp_path):
    folder = tmp_path / "remarks"
    folder.mkdir()
    (folder / "Tomas_Ruiz--2025-03-01.txt").write_text(SPEECH, encoding="utf-8")
    assert authors_of(str(folder), "--author-pattern", r"^(?P<speaker>.+?)--") == {
        "Tomas_Ruiz--2025-03-01": "Tomas Ruiz"}
    r = run("articles", str(folder), "--author-pattern", "(unclosed")
    assert r.exit_code == 1 and "--author-pattern" in r.stderr


def test_the_document_names_its_own_speaker_first(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "statement.md").write_text("---\ntitle: A statement\nspeaker: Anna Kowalski\n---\n" + SPEECH,
                                         encoding="utf-8")
    (folder / "feed.jsonl").write_text(json.dumps({"title": "Remarks", "speaker": "Lucas Ferreira", "text": SPEECH})
                                       + "\n", encoding="utf-8")
    table = tmp_path / "who.csv"
    table.write_text("file,speaker\nstatement.md,Someone Else\n", encoding="utf-8")
    found = authors_of(str(folder), "--authors", str(table))
    assert found == {"statement": "Anna Kowalski", "feed": "Lucas Ferreira"}


@pytest.mark.parametrize("content, message", [("a,b\n1,2\n", "no column names the speaker"),
                                              ("just one\n", "no header row")])
def test_a_table_that_cannot_say_who_is_a_user_error(tmp_path, content, message):
    table = tmp_path / "t.csv"
    table.write_text(content, encoding="utf-8")
    with pytest.raises(DipError, match=message):
        Authors(table=str(table))
    r = run("claims", str(speeches(tmp_path)), "--authors", str(table))
    assert r.exit_code == 1 and message in r.stderr
    bad = tmp_path / "broken.xlsx"
    bad.write_bytes(b"not a zip")
    with pytest.raises(DipError, match="not a readable XLSX"):
        read_table(str(bad))


# A speech with one reported sentence: the reporting frame keeps its own speaker.
REPORTED = ("Trade has fallen by half this year. We meet at a hard time for our region.\n\n"
            "Last week the Secretary-General Amara Diallo said that every state must keep its word. "
            "I agree with him, and my country will do its part.\n")


def claims_of(*args: str) -> list[dict]:
    r = run("claims", *args, "--format", "jsonl")
    assert r.exit_code == 0, r.stderr
    return [json.loads(line) for line in r.stdout.splitlines()]


def test_the_author_speaks_every_sentence_no_frame_gives_to_another(tmp_path):
    folder = tmp_path / "speeches"
    folder.mkdir()
    (folder / "RUR_80_2025.txt").write_text(REPORTED, encoding="utf-8")
    table = tmp_path / "speakers.csv"
    table.write_text("Year,Session,Code,Name of Person Speaking\n2025,80,RUR,Mr. Tomas Ruiz\n", encoding="utf-8")
    without = claims_of(str(folder))
    # "I agree with him" is no one's the cast knows: the speech's own, not Diallo's
    assert [c["speaker"] for c in without] == [None, None, "Amara Diallo", None]
    found = claims_of(str(folder), "--authors", str(table))
    assert [(c["speaker"], c["rule"]) for c in found] == [
        ("Tomas Ruiz", "whole_document"), ("Tomas Ruiz", "first_person"), ("Amara Diallo", "reporting_frame"),
        ("Tomas Ruiz", "first_person")]
    assert found[0]["speaker_kind"] == "person" and found[0]["via"] == "turn" and found[0]["mention"] is None


def test_front_matter_speaker_attributes_the_text_and_the_cache_keeps_authors_apart(tmp_path):
    body = "Our delegation calls on every state to keep its word.\n"
    page = tmp_path / "remarks.md"
    page.write_text("---\ntitle: Remarks at the summit\nspeaker: Anna Kowalski\n---\n" + body, encoding="utf-8")
    assert [c["speaker"] for c in claims_of(str(page))] == ["Anna Kowalski"]
    page.write_text("---\ntitle: Remarks at the summit\n---\n" + body, encoding="utf-8")
    assert [c["speaker"] for c in claims_of(str(page))] == [None]
    page.write_text("---\ntitle: Statement from Anna Kowalski\nspeaker: Lucas Ferreira\n---\n" + body,
                    encoding="utf-8")
    assert [c["speaker"] for c in claims_of(str(page))] == ["Lucas Ferreira"]  # the metadata before the title


def test_authors_give_the_same_bytes_whatever_jobs_or_scheduler(tmp_path):
    folder = tmp_path / "speeches"
    folder.mkdir()
    for name in ("RUR_80_2025.txt", "BOR_80_2025.txt", "KEM_80_2025.txt"):
        (folder / name).write_text(REPORTED, encoding="utf-8")
    table = tmp_path / "speakers.csv"
    table.write_text("Year,Session,Code,Name of Person Speaking\n2025,80,RUR,Tomas Ruiz\n2025,80,BOR,Ilse Varga\n",
                     encoding="utf-8")
    args = ("claims", str(folder), "--authors", str(table), "--format", "jsonl", "--no-cache")
    one = run(*args, "--jobs", "1")
    assert one.exit_code == 0, one.stderr
    assert run(*args, "--jobs", "2").stdout == one.stdout
    assert run(*args, "--scheduler", "local").stdout == one.stdout
    speakers = {json.loads(line)["doc"]: json.loads(line)["speaker"] for line in one.stdout.splitlines()
                if json.loads(line)["rule"] == "whole_document"}
    assert speakers == {"RUR_80_2025": "Tomas Ruiz", "BOR_80_2025": "Ilse Varga"}  # KEM: no row, no author


def test_the_articles_table_shows_an_author_column_only_when_there_are_authors(tmp_path):
    folder = speeches(tmp_path)
    table = tmp_path / "speakers.csv"
    table.write_text("Year,Session,Code,Name of Person Speaking\n2025,80,RUR,Tomas Ruiz\n", encoding="utf-8")
    shown = run("articles", str(folder), "--authors", str(table))
    assert shown.exit_code == 0 and "author" in shown.stdout and "Tomas" in shown.stdout and "Ruiz" in shown.stdout
    plain = run("articles", str(folder))
    assert plain.exit_code == 0 and "author" not in plain.stdout
