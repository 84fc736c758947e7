"""JSON Schemas of every command's records, shipped as data files (``data/schema/*.json``).

The record types are the dataclasses of :mod:`dipcli.model`, so a schema's
properties, their order and their types are generated from them (:func:`build`);
what each field means is written once, in the shipped file's ``description``s,
and kept when the files are written again. After adding or changing a field:

    python -m dipcli.schema --write   # regenerate the files (and README's field tables)

then describe the new field in its file. The tests fail while a shipped schema
differs from :func:`build`, a field has no description, README's tables differ
from the schemas, or real output in any format does not validate.
"""
from __future__ import annotations

import dataclasses
import enum
import re
import sys
from pathlib import Path
from typing import Any

from . import model  # the CLI imports this module for COMMANDS: keep its imports light

DIALECT = "https://json-schema.org/draft/2020-12/schema"
SCHEMA_DIR = Path(__file__).parent / "data" / "schema"

#: command -> what one record is; "summary" is one object in JSON, tagged rows in JSON Lines and CSV.
COMMANDS = ("articles", "claims", "speakers", "who-said", "keywords", "stance", "stance-matrix", "stance-pairs",
            "topics", "kwic", "summary", "cache-info")

_COUNTS = ("chars", "words", "paragraphs", "claims", "speakers")
_MATRIX = (("holder", "str"), ("target", "str"), ("entity", "str"), ("support", "int"), ("oppose", "int"),
           ("net", "int"), ("cell", "str"))
_PAIRS = (("holder", "str"), ("holder_kind", "str"), ("entity", "str"), ("entity_kind", "str"), ("support", "int"),
          ("oppose", "int"), ("net", "int"), ("cell", "str"))
_EVIDENCE = (("doc", "str"), ("claim", "str"), ("polarity", "str"), ("cue", "str"), ("cue_start", "int"),
             ("cue_end", "int"), ("entity_start", "int"), ("entity_end", "int"))
_CACHE_INFO = (("path", "str"), ("generation", "str"), ("entries", "int"), ("bytes", "int"),
               ("stale_entries", "int"), ("stale_bytes", "int"), ("max_bytes", "int"))
_SUMMARY = {"articles": "articles", "speakers": "speakers", "claims": "summary-claim", "keywords": "keywords",
            "stances": "stance", "stance_matrix": "stance-matrix", "topics": "topics"}
#: Sections only a folder's summary has (the corpus totals), or only an every-claim summary (stances).
_SUMMARY_OPTIONAL = ("corpus", "claims_selection", "stances")


def _type(annotation: str, owner: type) -> dict[str, Any]:
    """A JSON Schema for a field's annotation ("str | None", "list[TopicTerm]", "dict[str, float]")."""
    annotation = annotation.replace(" ", "")
    if annotation.endswith("|None"):
        inner = _type(annotation[:-5], owner)
        if "type" in inner and isinstance(inner["type"], str):
            return {**inner, "type": [inner["type"], "null"]}
        return {"anyOf": [inner, {"type": "null"}]}
    simple = {"str": "string", "int": "integer", "float": "number", "bool": "boolean"}
    if annotation in simple:
        return {"type": simple[annotation]}
    m = re.fullmatch(r"list\[(.+)\]", annotation)
    if m:
        return {"type": "array", "items": _type(m.group(1), owner)}
    m = re.fullmatch(r"dict\[str,(.+)\]", annotation)
    if m:
        return {"type": "object", "additionalProperties": _type(m.group(1), owner)}
    nested = getattr(model, annotation, None)
    if isinstance(nested, type) and issubclass(nested, enum.Enum):
        return {"type": "string", "enum": [member.value for member in nested]}
    if dataclasses.is_dataclass(nested):
        return _object(_fields(nested))
    raise TypeError(f"{owner.__name__}: no JSON Schema for the annotation {annotation!r}")


def _fields(cls: type) -> list[tuple[str, dict[str, Any]]]:
    return [(f.name, _type(str(f.type), cls)) for f in dataclasses.fields(cls)]


def _simple(pairs) -> list[tuple[str, dict[str, Any]]]:
    return [(name, _type(kind, model.Article)) for name, kind in pairs]


def _object(props: list[tuple[str, dict[str, Any]]], *, optional: tuple[str, ...] = ()) -> dict[str, Any]:
    return {"type": "object", "properties": dict(props),
            "required": [name for name, _ in props if name not in optional], "additionalProperties": False}


def _structure(command: str) -> dict[str, Any]:
    """The schema of one record of ``command``, without descriptions."""
    if command == "articles":
        base = [p for p in _fields(model.Article) if p[0] != "text"]
        text = [p for p in _fields(model.Article) if p[0] == "text"]
        return _object(base + [(n, {"type": "integer"}) for n in _COUNTS] + text, optional=("text",))
    if command == "claims":
        return _object(_fields(model.Claim))
    if command == "who-said":
        return _object(_fields(model.Claim) + [("score", {"type": "number"})])
    if command == "summary-claim":  # a folder's summary gives the informative claims their score
        return _object(_fields(model.Claim) + [("score", {"type": "number"})], optional=("score",))
    if command == "corpus":  # in JSON Lines and CSV the totals' row leaves out the sources
        return _object(_fields(model.CorpusTotals), optional=("sources",))
    if command == "stance-matrix":
        schema = _object(_simple(_MATRIX), optional=("target", "entity"))
        schema["oneOf"] = [{"required": ["target"]}, {"required": ["entity"]}]
        return schema
    if command == "stance-pairs":
        return _object(_simple(_PAIRS) + [("evidence", {"type": "array", "items": _object(_simple(_EVIDENCE))})])
    if command == "cache-info":
        return _object(_simple(_CACHE_INFO))
    if command == "summary":
        props = [(section, {"type": "array", "items": {"$ref": f"#/$defs/{name}"}})
                 for section, name in _SUMMARY.items()]
        props.insert(3, ("claims_selection", {"type": "string", "enum": ["informative", "all"]}))
        props.insert(5, ("keyword_warnings", {"type": "array", "items": {"type": "string"}}))
        props.insert(0, ("corpus", {"$ref": "#/$defs/corpus"}))
        props.append(("topics_info", {"type": "object"}))
        schema = _object(props, optional=_SUMMARY_OPTIONAL)
        schema["$defs"] = {name: _structure(name) for name in dict.fromkeys([*_SUMMARY.values(), "corpus"])}
        return schema
    cls = {"speakers": model.Speaker, "keywords": model.Keyword, "stance": model.Stance, "topics": model.Topic,
           "kwic": model.KwicHit}[command]
    return _object(_fields(cls))


def build(command: str, *, described: dict[str, Any] | None = None) -> dict[str, Any]:
    """The schema of ``command``'s records, with the descriptions of ``described`` (the shipped
    file, by default) where a field of the same name has one."""
    if command not in COMMANDS:
        raise KeyError(command)
    old = load(command) if described is None and (SCHEMA_DIR / f"{command}.json").exists() else (described or {})
    schema = {"$schema": DIALECT,
              "title": old.get("title", f"dipcli {command} record"),
              "description": old.get("description", "")}
    schema.update(_structure(command))
    _describe(schema, old)
    return schema


def _describe(new: dict[str, Any], old: dict[str, Any]) -> None:
    """Copy descriptions from ``old`` into ``new``, property by property, nested objects too."""
    for name, prop in new.get("properties", {}).items():
        before = old.get("properties", {}).get(name, {})
        prop_desc = before.get("description", "")
        new["properties"][name] = {"description": prop_desc, **prop}
        for sub in ("items", "additionalProperties"):
            if isinstance(prop.get(sub), dict) and "properties" in prop[sub]:
                _describe(prop[sub], before.get(sub, {}))
    for name, sub in new.get("$defs", {}).items():
        _describe(sub, old.get("$defs", {}).get(name, {}))


def load(command: str) -> dict[str, Any]:
    """The shipped schema of ``command``."""
    if command not in COMMANDS:
        raise KeyError(command)
    import json

    return json.loads((SCHEMA_DIR / f"{command}.json").read_text(encoding="utf-8"))


def dump(schema: dict[str, Any]) -> str:
    import json

    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def field_table(command: str) -> str:
    """README's table of a command's fields: name, JSON type, meaning."""
    schema = load(command)
    lines = ["| field | type | meaning |", "| --- | --- | --- |"]
    required = set(schema.get("required", ()))
    for name, prop in schema["properties"].items():
        kind = _type_name(prop)
        note = "" if name in required else " (not always present)"
        lines.append(f"| `{name}` | {kind} | {prop.get('description', '')}{note} |")
    return "\n".join(lines)


def _type_name(prop: dict[str, Any]) -> str:
    if "$ref" in prop:
        return prop["$ref"].rsplit("/", 1)[-1] + " record"
    if "anyOf" in prop:
        return " or ".join(_type_name(p) for p in prop["anyOf"])
    kind = prop.get("type", "any")
    if isinstance(kind, list):
        return " or ".join(_type_name({**prop, "type": k}) for k in kind)
    if kind == "array":
        items = prop.get("items", {})
        return f"list of {_type_name(items) if items.get('type') != 'object' else 'objects'}"
    if kind == "object" and isinstance(prop.get("additionalProperties"), dict):
        return f"object of {_type_name(prop['additionalProperties'])}"
    return {"string": "string", "integer": "integer", "number": "number", "boolean": "boolean",
            "null": "null", "object": "object"}.get(kind, kind)


README_BLOCK = re.compile(r"(<!-- fields:(?P<command>[a-z-]+) -->)\n.*?(<!-- /fields -->)", re.S)


def readme_with_tables(text: str) -> str:
    """README text with every ``<!-- fields:COMMAND -->`` block replaced by the command's table."""
    return README_BLOCK.sub(lambda m: f"{m.group(1)}\n{field_table(m.group('command'))}\n{m.group(3)}", text)


def write(readme: Path | None = None) -> list[str]:
    """Regenerate the shipped schemas (and README's tables); returns the files changed."""
    changed = []
    SCHEMA_DIR.mkdir(parents=True, exist_ok=True)
    for command in COMMANDS:
        path = SCHEMA_DIR / f"{command}.json"
        text = dump(build(command))
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            changed.append(str(path))
    if readme is not None and readme.exists():
        old = readme.read_text(encoding="utf-8")
        new = readme_with_tables(old)
        if new != old:
            readme.write_text(new, encoding="utf-8")
            changed.append(str(readme))
    return changed


if __name__ == "__main__":
    if sys.argv[1:] != ["--write"]:
        sys.exit("usage: python -m dipcli.schema --write")
    root = Path(__file__).resolve().parents[2]
    for name in write(root / "README.md"):
        print(f"wrote {name}")
