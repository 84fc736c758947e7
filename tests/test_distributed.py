"""The Dask path gives the same claims and counts as one process."""
from __future__ import annotations

import json
import sys
from dataclasses import asdict

import pytest

pytest.importorskip("distributed")

from dipcli import distributed  # noqa: E402
from dipcli.distributed import connect, iter_analysed_dask, term_counts, term_counts_dask  # noqa: E402
from dipcli.model import DipError  # noqa: E402
from dipcli.pipeline import iter_analysed  # noqa: E402

WIRE = """Ministers agree on grain corridor
12 Apr., 2024  |  Source:Harbour Wire  |  Hits:310

ACCRA, April 12 (Harbour Wire) -- Ghanaian Foreign Minister Efua Boateng and Norwegian Foreign Minister Erik Solheim Dahl met on Friday.

-- Boateng said that the two countries should expand cocoa processing. She added that new port capacity would help.

-- Shipping costs remain too high, Dahl said, adding that Norway would fund a feasibility study.

-- The two sides agreed to meet again in Oslo in the autumn.

Category: Trade
"""

READOUT = """---
title: Readout of the Prime Minister's call with President Ruiz
date: 2023-09-02
---

Prime Minister Hana Lindqvist spoke today with President Tomas Ruiz of Chile.
The leaders discussed lithium supply chains and climate finance.

Prime Minister Lindqvist underscored her support for the new trade
agreement. President Ruiz welcomed the decision to open a consulate in
Valparaiso and said that both governments would work on visa facilitation.
"""

SPEECHES = [
    {"title": "Statement to the Assembly", "date": "2022-09-21",
     "text": "Mr. President, my delegation believes that debt relief cannot wait. We call on all creditors "
             "to act.\n\nThe Minister for Foreign Affairs, Ayesha Rahman, said the country would host the next summit."},
    {"title": "Press remarks", "date": "2022-10-03",
     "text": "AMBASSADOR KOVAC: Thank you. We oppose any unilateral sanctions.\n\n"
             "AMBASSADOR OKAFOR: We share that view and will say so in the Council."},
]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    root = tmp_path_factory.mktemp("corpus")
    (root / "a-wire.txt").write_text(WIRE, encoding="utf-8")
    (root / "b-readout.md").write_text(READOUT, encoding="utf-8")
    (root / "c-speeches.jsonl").write_text("".join(json.dumps(r) + "\n" for r in SPEECHES), encoding="utf-8")
    return [str(root)]


@pytest.fixture(scope="module")
def expected(corpus):
    errors = []
    items = list(iter_analysed(corpus, on_error=errors.append, use_cache=False))
    assert not errors and len(items) == 4
    return items


@pytest.fixture(scope="module")
def client():
    """One two-process local cluster for the module, started the way --scheduler local starts it."""
    with connect("local") as c:
        yield c


def claim_dicts(items) -> list[dict]:
    return [asdict(c) for item in items for c in item.claims]


def test_same_claims_in_input_order_as_single_process(client, corpus, expected, monkeypatch, tmp_path):
    monkeypatch.setattr("dipcli.parallel.FIRST_BATCH_CHARS", 300)  # several batches in flight
    assert len(client.scheduler_info()["workers"]) == 2
    errors = []
    paths = corpus + [str(tmp_path / "missing.txt")]
    got = list(iter_analysed_dask(paths, scheduler=client.scheduler.address, on_error=errors.append))
    assert [g.article.doc for g in got] == [e.article.doc for e in expected]
    assert claim_dicts(got) == claim_dicts(expected)
    assert len(claim_dicts(got)) >= 8
    assert len(errors) == 1 and isinstance(errors[0], DipError)


@pytest.mark.parametrize("by", ["speaker", "doc", "none"])
def test_term_counts_on_dask_equal_local_counts(client, expected, by, monkeypatch):
    monkeypatch.setattr(distributed, "CLAIMS_PER_BATCH", 3)
    got = term_counts_dask(iter(expected), client, by=by)
    want = term_counts(expected, by=by)
    assert got == want
    assert sum(got.claims.values()) == len(claim_dicts(expected))
    total = got.total()
    assert total["cocoa"] == 1 and total["sanction"] == 1
    assert got.display["sanction"] == "sanctions"


def test_missing_dask_is_a_user_error(monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)  # makes "import distributed" fail
    with pytest.raises(DipError, match=r"pip install 'dipcli\[dask\]'"):
        list(iter_analysed_dask([], scheduler="local", on_error=lambda err: None))


def test_unreachable_scheduler_is_a_user_error(monkeypatch):
    monkeypatch.setattr(distributed, "CONNECT_TIMEOUT", "1s")
    with pytest.raises(DipError, match="cannot connect"):
        with connect("tcp://127.0.0.1:9"):
            pass
