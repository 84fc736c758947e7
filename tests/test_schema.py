"""The shipped JSON Schemas: generated from the record dataclasses, described, in README, and
met by real output in every format (validated with jsonschema, a test dependency)."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator
from typer.testing import CliRunner

from dipcli import schema
from dipcli.cli import app
from dipcli.environment import Environment, ExitCode

FIXTURES = Path(__file__).parent / "fixtures" / "corpus"
README = Path(__file__).resolve().parents[1] / "README.md"

# command line -> the schema its records follow
RUNS = {
    ("articles",): "articles",
    ("articles", "--text"): "articles",
    ("claims",): "claims",
    ("who-said", "minister"): "who-said",
    ("speakers",): "speakers",
    ("keywords", "--top", "3"): "keywords",
    ("keywords", "--method", "tfidf", "--by", "doc"): "keywords",
    ("stance",): "stance",
    ("stance", "--matrix"): "stance-matrix",
    ("stance", "--matrix", "--by-entity"): "stance-matrix",
    ("topics", "--k", "2"): "topics",
    ("kwic", "minister"): "kwic",
}
REGENERATE = "python -m dipcli.schema --write (then describe any new field in its file)"


@pytest.fixture(autouse=True)
def _cache(tmp_path, monkeypatch):
    monkeypatch.setenv("DIPCLI_CACHE_DIR", str(tmp_path / "cache"))


def cli(*args: str) -> str:
    r = CliRunner().invoke(app, list(args), obj=Environment(stdin_isatty=True))
    assert r.exit_code == 0, r.stderr
    return r.stdout


def validator(name: str, part: str | None = None) -> Draft202012Validator:
    shipped = schema.load(name)
    if part:
        shipped = {"$defs": shipped["$defs"], "$ref": f"#/$defs/{part}"}
    return Draft202012Validator(shipped)


@pytest.mark.parametrize("name", schema.COMMANDS)
def test_the_shipped_schema_follows_the_records(name):
    assert schema.load(name) == schema.build(name), f"{name}.json is out of date: {REGENERATE}"


@pytest.mark.parametrize("name", schema.COMMANDS)
def test_the_shipped_schema_is_a_valid_schema_with_every_field_described(name):
    shipped = schema.load(name)
    Draft202012Validator.check_schema(shipped)
    assert shipped["description"]

    def described(node, where):
        for field, prop in node.get("properties", {}).items():
            assert prop.get("description"), f"{name}.json: {where}{field} has no description: {REGENERATE}"
            for sub in ("items", "additionalProperties"):
                if isinstance(prop.get(sub), dict):
                    described(prop[sub], f"{where}{field}.")
        for part, sub in node.get("$defs", {}).items():
            described(sub, f"$defs.{part}.")

    described(shipped, "")


def test_readme_field_tables_are_the_schemas():
    text = README.read_text(encoding="utf-8")
    blocks = {m.group("command") for m in schema.README_BLOCK.finditer(text)}
    assert blocks == set(schema.COMMANDS)
    assert text == schema.readme_with_tables(text), f"README's field tables differ from the schemas: {REGENERATE}"


def _typed(cell: str, prop: dict):
    """A CSV cell back to the JSON value the schema describes (lists and objects are JSON text)."""
    kinds = prop.get("type", [])
    kinds = [kinds] if isinstance(kinds, str) else list(kinds)
    if cell == "" and "null" in kinds:
        return None
    if "array" in kinds or "object" in kinds:
        return json.loads(cell)
    if "integer" in kinds:
        return int(cell)
    if "number" in kinds:
        return float(cell)
    return cell


def _csv_records(text: str, props: dict) -> list[dict]:
    rows = list(csv.DictReader(io.StringIO(text)))
    assert rows
    return [{k: _typed(v, props[k]) if k in props else v for k, v in row.items()} for row in rows]


@pytest.mark.parametrize("args", RUNS, ids=" ".join)
def test_real_output_in_every_format_meets_the_schema(args):
    name = RUNS[args]
    check = validator(name)
    as_json = json.loads(cli(*args, str(FIXTURES), "--format", "json"))
    as_jsonl = [json.loads(line) for line in cli(*args, str(FIXTURES), "--format", "jsonl").splitlines()]
    as_csv = _csv_records(cli(*args, str(FIXTURES), "--format", "csv"), schema.load(name)["properties"])
    assert as_json and as_json == as_jsonl
    for record in as_json + as_csv:
        errors = sorted(check.iter_errors(record), key=str)
        assert not errors, f"{' '.join(args)}: {errors[0].message} in {record}"
    assert len(as_csv) == len(as_json)
    if name == "claims":
        assert any(r["speaker"] is None for r in as_csv)  # the narrator's null survives CSV


@pytest.mark.parametrize("mode", [(), ("--claims", "all")], ids=["folder", "every-claim"])
def test_summary_meets_its_schema_in_every_format(mode):
    data = json.loads(cli("summary", str(FIXTURES), *mode, "--format", "json"))
    errors = list(validator("summary").iter_errors(data))
    assert not errors, errors[0].message
    sections = {**schema._SUMMARY, "corpus": "corpus"}
    defs = schema.load("summary")["$defs"]
    for fmt in ("jsonl", "csv"):
        out = cli("summary", str(FIXTURES), *mode, "--format", fmt)
        rows = [json.loads(line) for line in out.splitlines()] if fmt == "jsonl" else \
            list(csv.DictReader(io.StringIO(out)))
        seen = set()
        for row in rows:
            section = row.pop("section")
            seen.add(section)
            if section == "keyword_warnings":
                assert isinstance(row["value"], str) and row["value"]
                continue
            props = defs[sections[section]]["properties"]
            required = set(defs[sections[section]]["required"])
            if fmt == "csv":  # the columns are every section's: keep this section's (an optional one when filled)
                row = {k: _typed(v, props[k]) for k, v in row.items() if k in props and (k in required or v != "")}
            errors = list(validator("summary", sections[section]).iter_errors(row))
            assert not errors, f"{fmt} {section}: {errors[0].message}"
        assert {"articles", "claims", "speakers", "topics"} <= seen
        assert ("stances" in seen) == bool(mode) and ("corpus" in seen) != bool(mode)


def test_cache_info_meets_its_schema():
    [record] = json.loads(cli("cache", "info", "--json"))
    assert not list(validator("cache-info").iter_errors(record))


def test_dipcli_schema_prints_the_shipped_file():
    for name in ("claims", "stance-matrix", "cache-info"):
        assert json.loads(cli("schema", name)) == schema.load(name)
    r = CliRunner().invoke(app, ["schema", "claimz"], obj=Environment(stdin_isatty=True))
    assert r.exit_code == ExitCode.USAGE


def test_a_field_added_to_a_record_makes_the_shipped_schema_out_of_date(monkeypatch):
    import dataclasses

    from dipcli import model

    @dataclasses.dataclass
    class KwicHit(model.KwicHit):
        rule: str = ""

    monkeypatch.setattr(model, "KwicHit", KwicHit)
    built = schema.build("kwic")
    assert "rule" in built["properties"] and built["properties"]["rule"]["description"] == ""
    assert built != schema.load("kwic")
