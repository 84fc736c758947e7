"""Topics on a short corpus written for these tests: three themes, three speakers, two house styles."""
from __future__ import annotations

import pytest

from builders import analysed
from dipcli.model import Analysed, DipError
from dipcli.topics import topics


CLIMATE = [
    "Climate finance for adaptation must reach vulnerable island states.",
    "Renewable energy investment and climate finance should double by the next summit.",
    "Rising sea levels threaten island states, so adaptation funding is urgent.",
    "Coal plants must close as renewable energy becomes cheaper.",
    "Emissions cuts and climate finance were the core of the climate talks.",
    "Island states asked for adaptation money and renewable energy grids.",
    "The emissions targets need climate finance from richer economies.",
    "Solar and wind power, renewable energy sources, cut emissions quickly.",
]
TRADE = [
    "Tariffs on steel imports hurt exporters and raise consumer prices.",
    "The trade agreement lowers tariffs on grain and steel.",
    "Exporters want customs procedures simplified under the trade agreement.",
    "Steel tariffs and grain quotas dominated the trade agreement talks.",
    "Consumer prices fell after tariffs on grain imports were removed.",
    "Customs officials will process steel exports faster under the agreement.",
    "The grain export quota and steel tariffs will be reviewed next year.",
    "Both economies expect the trade agreement to double exports of grain.",
]
SECURITY = [
    "The ceasefire along the border must hold and troops should withdraw.",
    "Peacekeepers will monitor the ceasefire and the humanitarian corridor.",
    "Troops withdrew from the border villages after the ceasefire.",
    "The humanitarian corridor lets aid convoys reach besieged towns.",
    "Violations of the ceasefire by border troops were reported to peacekeepers.",
    "Aid convoys used the humanitarian corridor during the ceasefire.",
    "Peacekeepers and troops met at the border to discuss the ceasefire.",
    "The besieged towns need the humanitarian corridor open for aid.",
]


def corpus() -> list[Analysed]:
    speakers = ["Amara Okafor", "Jonas Berg", None]
    readout, transcript = [], []
    for i, (c, t, s) in enumerate(zip(CLIMATE, TRADE, SECURITY)):
        readout.append((speakers[i % 3], c))
        readout.append((speakers[(i + 1) % 3], t))
        transcript.append((speakers[(i + 2) % 3], s))
    transcript.append(("Jonas Berg", "Thank you."))  # no content word at all
    return [analysed("readout", readout), analysed("transcript", transcript)]


THEME = {}
for _text in CLIMATE:
    THEME[_text] = "climate"
for _text in TRADE:
    THEME[_text] = "trade"
for _text in SECURITY:
    THEME[_text] = "security"


def check_invariants(found, items):
    ids = [c.id for item in items for c in item.claims]
    placed = [cid for t in found for cid in t.claims]
    assert sorted(placed) == sorted(ids)  # every claim in exactly one topic
    assert all(t.claims for t in found)  # no empty topic
    assert sum(t.share for t in found) == pytest.approx(1.0, abs=1e-4)
    speakers = {c.speaker or "narrator" for item in items for c in item.claims}
    for name in speakers:
        assert sum(t.speakers[name] for t in found) == pytest.approx(1.0, abs=1e-4)
    assert [t.topic for t in found] == list(range(1, len(found) + 1))
    shares = [t.share for t in found]
    assert shares == sorted(shares, reverse=True)
    for t in found:
        assert t.terms and len(t.label.split(" / ")) <= 3
        assert t.label.split(" / ")[0] == t.terms[0].term


def test_nmf_separates_three_themes():
    from sklearn.metrics import adjusted_rand_score

    items = corpus()
    found, info = topics(items, k=3)
    check_invariants(found, items)
    assert info["k"] == 3 and info["method"] == "nmf"
    topic_of = {cid: t.topic for t in found for cid in t.claims}
    claims = [c for item in items for c in item.claims if c.text in THEME]
    ari = adjusted_rand_score([THEME[c.text] for c in claims], [topic_of[c.id] for c in claims])
    assert ari > 0.6
    # Phrases are terms too.
    terms = {tt.term for t in found for tt in t.terms}
    assert {"climate finance", "humanitarian corridor", "trade agreement"} & terms


def test_output_is_identical_on_every_run():
    items = corpus()
    assert topics(items, k=3) == topics(items, k=3)
    assert topics(items, k=3, random_state=1)[0] == topics(items, k=3, random_state=1)[0]


def test_auto_k_reports_its_choice_and_every_candidate():
    items = corpus()
    messages: list[str] = []
    found, info = topics(items, k="auto", progress=messages.append)
    check_invariants(found, items)
    scores = info["scores"]
    assert info["measure"] == "npmi"
    assert [s["k"] for s in scores] == list(range(2, len(scores) + 2))
    best = max(scores, key=lambda s: (s["score"], -s["k"]))
    assert info["k"] == best["k"]
    assert len(found) == info["k"] - info["dropped"]
    assert any("k=" in m for m in messages)


def test_lda_keeps_the_same_invariants():
    items = corpus()
    found, info = topics(items, k=3, method="lda")
    check_invariants(found, items)
    assert info["method"] == "lda"


def test_claim_without_terms_still_has_a_topic():
    items = corpus()
    found, _ = topics(items, k=3)
    empty = next(c.id for c in items[1].claims if c.text == "Thank you.")
    assert sum(empty in t.claims for t in found) == 1


def test_too_many_topics_are_capped_with_a_warning():
    items = [analysed("tiny", [(None, "Grain exports rose."), (None, "Grain prices fell."),
                               ("Jonas Berg", "Steel tariffs rose.")])]
    found, info = topics(items, k=10)
    check_invariants(found, items)
    assert info["k"] < 10 and info["warnings"]


@pytest.mark.parametrize("bad", [{"k": 0}, {"k": "many"}, {"method": "lsa"}, {"top_terms": 0}])
def test_bad_options_are_user_errors(bad):
    with pytest.raises(DipError):
        topics(corpus(), **bad)


def test_no_claims():
    found, info = topics([])
    assert found == [] and info["warnings"]
