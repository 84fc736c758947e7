"""The parse cache: compressed entries, `dipcli cache info|clear`, the size bound, stale generations."""
from __future__ import annotations

import gzip
import json
import os
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dipcli import cache as cache_module
from dipcli.cli import app
from dipcli.core import analyse
from dipcli.environment import Environment, ExitCode
from dipcli.load import parse_bytes
from dipcli.model import DipError

TEXT = "Foreign Minister Ana Lindqvist said the talks were useful.\n\nShe added that trade would grow.\n"


@pytest.fixture()
def root(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("DIPCLI_CACHE_DIR", str(folder))
    monkeypatch.delenv("DIPCLI_CACHE_MAX_SIZE", raising=False)
    return folder


def run(*args: str):
    return CliRunner().invoke(app, list(args), obj=Environment(stdin_isatty=True))


def article(i: int):
    [art] = parse_bytes(f"Minister Ola Berg said point {i} mattered. {TEXT}".encode(), name=f"a{i}.txt", doc=f"a{i}")
    return art


def test_an_entry_is_compressed_json_without_the_claims_text(root):
    store = cache_module.Cache.open()
    item = analyse(article(1))
    store.put(item)
    [entry] = root.rglob("*.json.gz")
    assert entry.parent.parent.name == cache_module.generation()
    data = json.loads(gzip.decompress(entry.read_bytes()))
    assert data["schema"] == cache_module.SCHEMA
    assert data["claims"] and all("text" not in c for c in data["claims"])
    got = store.get(item.article)
    assert got is not None and got.claims == item.claims and got.paragraphs == item.paragraphs


def test_a_truncated_compressed_entry_is_a_miss(root):
    store = cache_module.Cache.open()
    item = analyse(article(1))
    store.put(item)
    [entry] = root.rglob("*.json.gz")
    entry.write_bytes(entry.read_bytes()[:20])
    assert store.get(item.article) is None


def test_cache_info_and_clear_through_the_cli(root, tmp_path):
    path = tmp_path / "talks.txt"
    path.write_text(TEXT)
    assert run("claims", str(path)).exit_code == 0
    r = run("cache", "info", "--json")
    assert r.exit_code == 0
    [rec] = json.loads(r.stdout)
    assert rec["path"] == str(root) and rec["entries"] == 1 and rec["bytes"] > 0
    assert rec["max_bytes"] == cache_module.DEFAULT_MAX_SIZE and rec["generation"] == cache_module.generation()
    table = run("cache", "info")
    assert table.exit_code == 0 and "entries" in table.stdout and "500.0 MB" in table.stdout
    r = run("cache", "clear")
    assert r.exit_code == 0 and "removed 1 cache entries" in r.stderr and r.stdout == ""
    assert not list(root.rglob("*.json.gz"))
    assert json.loads(run("-f", "json", "cache", "info").stdout)[0]["entries"] == 0


def test_least_recently_used_entries_go_when_the_bound_is_passed(root, monkeypatch):
    items = [analyse(article(i)) for i in range(6)]
    store = cache_module.Cache.open()
    for item in items:
        store.put(item)
    sizes = sorted(p.stat().st_size for p in root.rglob("*.json.gz"))
    paths = {item.article.doc: store._path(cache_module.article_key(item.article)) for item in items}
    for age, item in enumerate(items):  # a0 used longest ago ... a5 most recently
        os.utime(paths[item.article.doc], (1000 + age, 1000 + age))
    assert store.get(items[0].article) is not None  # a hit is a use: a0 is now the newest
    bound = sum(sizes[:4])
    removed, _ = cache_module.trim(root, bound)
    left = {p.name for p in root.rglob("*.json.gz")}
    assert removed >= 2 and sum(p.stat().st_size for p in root.rglob("*.json.gz")) <= bound
    assert paths["a0"].name in left and paths["a1"].name not in left and paths["a2"].name not in left


def test_a_run_keeps_the_cache_under_its_bound(root, monkeypatch):
    monkeypatch.setenv("DIPCLI_CACHE_MAX_SIZE", "3K")
    store = cache_module.Cache.open()
    assert store.bound == 3 * 1024
    for i in range(12):
        store.put(analyse(article(i)))
    total = sum(p.stat().st_size for p in root.rglob("*.json.gz"))
    assert 0 < total <= 3 * 1024 + max(p.stat().st_size for p in root.rglob("*.json.gz"))


def test_size_zero_turns_the_cache_off(root, monkeypatch, tmp_path):
    monkeypatch.setenv("DIPCLI_CACHE_MAX_SIZE", "0")
    path = tmp_path / "talks.txt"
    path.write_text(TEXT)
    assert run("claims", str(path)).exit_code == 0
    assert not list(root.rglob("*.json.gz"))


@pytest.mark.parametrize("text, size", [("500M", 500 * 2**20), ("2 GB", 2 * 2**30), ("1.5k", 1536),
                                        ("1000", 1000), ("0", 0), ("64MiB", 64 * 2**20)])
def test_sizes(text, size):
    assert cache_module.parse_size(text) == size


def test_a_bad_size_is_one_clear_error(root, monkeypatch):
    monkeypatch.setenv("DIPCLI_CACHE_MAX_SIZE", "lots")
    with pytest.raises(DipError, match="DIPCLI_CACHE_MAX_SIZE"):
        cache_module.max_size()


def test_stale_generations_go_and_nothing_else(root):
    store = cache_module.Cache.open()
    store.put(analyse(article(1)))
    old = root / "g-0.0.9-1-0123456789abcdef" / "ab"
    old.mkdir(parents=True)
    (old / ("ab" + "0" * 62 + ".json.gz")).write_bytes(b"x")
    flat = root / "cd"  # the flat layout of the first cache schema
    flat.mkdir()
    (flat / ("cd" + "1" * 62 + ".json")).write_bytes(b"y")
    recent = root / "g-0.2.0-2-fedcba9876543210" / "ef"  # another version in use right now
    recent.mkdir(parents=True)
    (recent / ("ef" + "2" * 62 + ".json.gz")).write_bytes(b"z")
    foreign = root / "notes" / "keep.txt"  # not the cache's: never touched
    foreign.parent.mkdir()
    foreign.write_text("mine")
    (root / "ab").mkdir()
    (root / "ab" / "readme.txt").write_text("also mine")
    hour_ago = time.time() - 2 * cache_module.STALE_AFTER
    for folder in (old.parent, flat):
        os.utime(folder, (hour_ago, hour_ago))
    info = cache_module.info()
    assert info["entries"] == 1 and info["stale_entries"] == 3
    cache_module.prune_stale(root)
    assert not old.parent.exists() and not flat.exists()
    assert recent.exists() and foreign.read_text() == "mine" and (root / "ab" / "readme.txt").exists()
    assert cache_module.info()["entries"] == 1
    cache_module.clear()
    assert foreign.exists() and (root / "ab" / "readme.txt").exists() and not list(root.rglob("*.json*"))
