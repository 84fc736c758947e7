"""The process pool: same results as one process, in input order, cache hits kept in the parent, lazy input;
stance acts found on the workers."""
from __future__ import annotations

import itertools
import os
from dataclasses import asdict

import pytest
from typer.testing import CliRunner

from dipcli import parallel, stance
from dipcli.cli import app
from dipcli.model import Analysed, Article, Claim
from dipcli.parallel import analyse_parallel
from dipcli.core import analyse
from dipcli.stance import find_stances

TEXTS = [
    # wire copy with bullets
    "NAIROBI, June 3 (Lakeside Wire) -- Kenyan Foreign Minister Amina Odhiambo and Finnish Foreign Minister "
    "Lauri Virtanen held talks on trade on Tuesday.\n\n"
    "-- Odhiambo said that the two countries should open direct flights next year. She added that tea "
    "exports would grow.\n\n"
    "-- Climate finance must reach Africa faster, Virtanen said, adding that Finland would double its pledge.",
    # readout
    "Prime Minister Sofia Marchetti spoke today with President Kwame Mensah of Ghana. The leaders discussed "
    "cocoa prices and regional security.\n\n"
    "Prime Minister Marchetti underscored her support for the ceasefire talks. President Mensah welcomed "
    "the new investment fund.",
    # transcript
    "CHANCELLOR HALVORSEN: Good afternoon. We have agreed on a new energy partnership.\n\n"
    "PRESIDENT DUARTE: (As interpreted.) Thank you. Our ministers will meet again in the autumn.",
    # narrative with a joint statement
    "The two governments issued a joint statement on Friday. In the statement, both sides opposed "
    "unilateral sanctions and called for reform of the Security Council.\n\n"
    "Officials said the next round of talks would take place in Lima.",
    # first-person speech
    "Mr. President, distinguished delegates. My country believes that debt relief is urgent. "
    "We call on creditors to act now, before the crisis deepens.",
]


def make(i: int) -> Article:
    text = TEXTS[i % len(TEXTS)]
    return Article(doc=f"a{i:03d}", path=f"a{i:03d}.txt", format="text", title=f"Article {i}", date=None,
                   source=None, place=None, category=None, url=None, text=text)


def records(items: list[Analysed]) -> list[dict]:
    return [asdict(item) for item in items]


@pytest.fixture
def small_batches(monkeypatch):
    """Several articles per batch and many batches, so ordering across batches is exercised."""
    monkeypatch.setattr(parallel, "BATCH_CHARS", 700)


def test_same_records_in_input_order_as_one_process(small_batches):
    articles = [make(i) for i in range(23)]
    expected = records([analyse(a) for a in articles])
    assert sum(len(e["claims"]) for e in expected) > 23
    for jobs in (1, 2):
        got = records(list(analyse_parallel(iter(articles), jobs=jobs, cache=None)))
        assert [g["article"]["doc"] for g in got] == [a.doc for a in articles]
        assert got == expected


class MemoryCache:
    """Hits for the docs it was given; records what the parent puts."""

    def __init__(self, hits: dict[str, Analysed]):
        self.hits = hits
        self.put_docs: list[str] = []

    def get(self, article: Article) -> Analysed | None:
        return self.hits.get(article.doc)

    def put(self, item: Analysed) -> None:
        self.put_docs.append(item.article.doc)


def marker(article: Article) -> Analysed:
    # A claim analyse() could never produce, so a recomputed hit would show.
    claim = Claim(doc=article.doc, id=f"{article.doc}:cached", paragraph=0, start=0, end=1,
                  text=article.text[:1], speaker="From Cache", speaker_kind="person")
    return Analysed(article=article, paragraphs=[], claims=[claim])


def test_cache_hits_are_served_in_place_and_misses_are_put(small_batches):
    articles = [make(i) for i in range(12)]
    hit_docs = {"a000", "a003", "a004", "a011"}
    hits = {a.doc: marker(a) for a in articles if a.doc in hit_docs}
    cache = MemoryCache(hits)
    got = list(analyse_parallel(iter(articles), jobs=2, cache=cache))
    assert [g.article.doc for g in got] == [a.doc for a in articles]
    for g in got:
        if g.article.doc in hit_docs:
            assert g is hits[g.article.doc]
        else:
            assert g.claims and all(c.speaker != "From Cache" for c in g.claims)
    assert cache.put_docs == [a.doc for a in articles if a.doc not in hit_docs]


def test_all_hits_send_no_work(monkeypatch):
    articles = [make(i) for i in range(6)]
    cache = MemoryCache({a.doc: marker(a) for a in articles})

    def refuse(*args, **kwargs):
        raise AssertionError("a process pool was started for cache hits")

    monkeypatch.setattr(parallel, "ProcessPoolExecutor", refuse)
    got = list(analyse_parallel(iter(articles), jobs=2, cache=cache))
    assert [g.claims[0].speaker for g in got] == ["From Cache"] * 6
    assert cache.put_docs == []


def test_input_is_read_lazily_with_a_bounded_window(monkeypatch):
    monkeypatch.setattr(parallel, "BATCH_CHARS", 1)  # one article per batch
    pulled = []

    def endless():
        # Finite, so an eager implementation fails the bound below instead of hanging.
        for i in range(5000):
            pulled.append(i)
            yield make(i)

    jobs = 2
    stream = analyse_parallel(endless(), jobs=jobs, cache=None)
    first = list(itertools.islice(stream, 5))
    stream.close()
    assert [g.article.doc for g in first] == [f"a{i:03d}" for i in range(5)]
    # Five yielded, at most a full window in flight, and the one that filled it.
    assert len(pulled) <= 5 + parallel.WINDOW_PER_JOB * jobs + 1


def test_jobs_must_be_positive():
    with pytest.raises(ValueError):
        list(analyse_parallel(iter([make(0)]), jobs=0, cache=None))


def test_empty_input_yields_nothing():
    assert list(analyse_parallel(iter([]), jobs=2, cache=None)) == []


def _die(articles, *, stances):
    import os
    import signal

    os.kill(os.getpid(), signal.SIGKILL)  # what the kernel's out-of-memory killer does


@pytest.mark.skipif(parallel.start_method() != "fork", reason="the replaced function reaches workers by fork")
def test_a_killed_worker_is_a_clear_error_not_a_traceback(monkeypatch):
    from dipcli.model import DipError

    monkeypatch.setattr(parallel, "analyse_batch", _die)
    with pytest.raises(DipError, match=r"worker process stopped unexpectedly.*fewer --jobs \(now 2\)"):
        list(analyse_parallel(iter([make(i) for i in range(3)]), jobs=2, cache=None))


# -- stance acts ---------------------------------------------------------------------------

def pair_records(pairs) -> list[tuple[dict, list[dict]]]:
    return [(asdict(item), [asdict(s) for s in found]) for item, found in pairs]


def test_a_batch_finds_stance_acts_only_when_asked():
    articles = [make(i) for i in range(5)]
    assert [found for _, _, found in parallel.analyse_batch(articles)] == [None] * 5
    asked = parallel.analyse_batch(articles, stances=True)
    want = [find_stances(analyse(a)) for a in articles]
    assert [found for _, _, found in asked] == want
    assert sum(map(len, want)) >= 5


def test_same_stance_acts_in_input_order_as_one_process_cache_hits_included(small_batches):
    articles = [make(i) for i in range(23)]
    expected = pair_records((analyse(a), find_stances(analyse(a))) for a in articles)
    hits = {a.doc: analyse(a) for a in articles if a.doc in {"a001", "a003", "a004", "a022"}}
    for jobs in (1, 2):
        for cache in (None, MemoryCache(hits)):
            got = list(analyse_parallel(iter(articles), jobs=jobs, cache=cache, stances=True))
            assert pair_records(got) == expected
            if cache is not None:
                assert all(item is hits[item.article.doc] for item, _ in got if item.article.doc in hits)


@pytest.fixture
def stance_corpus(tmp_path):
    """Articles on disk, and a parse cache of this test's own."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    for i in range(14):
        (folder / f"a{i:03d}.txt").write_text(make(i).text, encoding="utf-8")
    return folder


def stance_bytes(*args: str, env: dict | None = None) -> bytes:
    result = CliRunner(env=env).invoke(app, ["stance", *args])
    assert result.exit_code == 0, result.output
    return result.stdout_bytes


STANCE_OPTIONS = [[], ["--matrix"], ["--matrix", "--by-entity"], ["--speaker", "marchetti"],
                  ["--target", "sanctions"]]
FORMATS = ["json", "jsonl", "csv", "table"]


@pytest.mark.parametrize("options", STANCE_OPTIONS, ids=" ".join)
def test_stance_with_two_jobs_prints_the_same_bytes_as_one(stance_corpus, options, small_batches):
    for fmt in FORMATS:
        one = stance_bytes(str(stance_corpus), *options, "--format", fmt, "--no-cache")
        two = stance_bytes(str(stance_corpus), *options, "--format", fmt, "--no-cache", "--jobs", "2")
        assert two == one, f"{fmt} differs"
    assert one.strip()


def test_stance_with_two_jobs_and_a_warm_cache_prints_the_same_bytes(stance_corpus, tmp_path, small_batches):
    cache = tmp_path / "cache"
    env = {"DIPCLI_CACHE_DIR": str(cache)}

    def entries() -> int:
        return len(list(cache.rglob("*.json.gz")))

    files = sorted(stance_corpus.iterdir())
    later = tmp_path / "later"
    later.mkdir()
    for f in files[::2]:
        f.rename(later / f.name)
    assert CliRunner(env=env).invoke(app, ["claims", str(stance_corpus), "--format", "json"]).exit_code == 0
    assert entries() == len(files) - len(files[::2])
    for f in later.iterdir():
        f.rename(stance_corpus / f.name)
    want = {fmt: stance_bytes(str(stance_corpus), "--format", fmt, "--no-cache") for fmt in FORMATS}
    # half the articles from the cache, half from the workers
    assert stance_bytes(str(stance_corpus), "--format", "json", "--jobs", "2", env=env) == want["json"]
    assert entries() == len(files)
    for fmt in FORMATS:  # every article from the cache
        assert stance_bytes(str(stance_corpus), "--format", fmt, "--jobs", "2", env=env) == want[fmt]
        assert stance_bytes(str(stance_corpus), "--format", fmt, "--matrix", "--jobs", "2", env=env) == \
            stance_bytes(str(stance_corpus), "--format", fmt, "--matrix", "--no-cache")


def _stance_only_in_workers(monkeypatch):
    """Make finding stance acts fail in this process, so only pool workers can do it."""
    parent = os.getpid()
    real = stance.find_stances

    def only_in_workers(item):
        if os.getpid() == parent:
            raise AssertionError("stance acts found in the parent process")
        return real(item)

    monkeypatch.setattr(stance, "find_stances", only_in_workers)


@pytest.mark.skipif(parallel.start_method() != "fork", reason="the replaced function reaches workers by fork")
def test_stance_acts_of_uncached_articles_are_found_on_the_workers(stance_corpus, monkeypatch, small_batches):
    want = stance_bytes(str(stance_corpus), "--format", "json", "--no-cache")
    _stance_only_in_workers(monkeypatch)
    got = stance_bytes(str(stance_corpus), "--format", "json", "--no-cache", "--jobs", "2")
    assert got == want and len(want) > 100
    # the guard bites where the work is done in this process
    one = CliRunner().invoke(app, ["stance", str(stance_corpus), "--format", "json", "--no-cache"])
    assert isinstance(one.exception, AssertionError)


@pytest.mark.skipif(parallel.start_method() != "fork", reason="the replaced function reaches workers by fork")
def test_stance_acts_of_cached_articles_are_found_on_the_workers_too(stance_corpus, tmp_path, monkeypatch,
                                                                     small_batches):
    env = {"DIPCLI_CACHE_DIR": str(tmp_path / "cache")}
    want = stance_bytes(str(stance_corpus), "--format", "json", "--no-cache")
    assert CliRunner(env=env).invoke(app, ["claims", str(stance_corpus), "--format", "json"]).exit_code == 0
    _stance_only_in_workers(monkeypatch)
    assert stance_bytes(str(stance_corpus), "--format", "json", "--jobs", "2", env=env) == want
