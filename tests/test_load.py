"""Tests for dipcli.load: paths, formats, normalisation and every user-facing error."""
from __future__ import annotations

import io
import json
import shutil
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dipcli.load import (
    DEFAULT_MAX_BYTES,
    default_corpus,
    iter_articles,
    parse_bytes,
    parse_date,
)
from dipcli.model import Article, DipError

FIXTURES = Path(__file__).parent / "fixtures" / "load"


def load(paths, **kwargs) -> tuple[list[Article], list[str]]:
    errors: list[DipError] = []
    articles = list(iter_articles([str(p) for p in paths], on_error=errors.append, **kwargs))
    messages = [str(e) for e in errors]
    assert all("\n" not in m for m in messages)
    return articles, messages


def one(path: Path, **kwargs) -> Article:
    articles, errors = load([path], **kwargs)
    assert errors == []
    assert len(articles) == 1
    return articles[0]


def paragraphs(article: Article) -> list[str]:
    return article.text.split("\n\n")


def assert_clean(article: Article) -> None:
    for para in paragraphs(article):
        assert para, article.doc
        assert para == para.strip()
        assert "\n" not in para and "  " not in para and "\t" not in para
        assert "\u00a0" not in para and "\u200b" not in para


# ---------------------------------------------------------------- formats

def test_news_text_header_dateline_bullets_and_footer():
    art = one(FIXTURES / "tass_style.txt")
    assert (art.doc, art.format) == ("tass_style", "text")
    assert art.title == "Nordland and Caspia agree to expand grain corridor"
    assert art.date == "2024-03-14"
    assert art.source == "TASS"
    assert art.place == "Helsborg"
    assert art.category == "Economy"
    paras = paragraphs(art)
    assert paras[0].startswith("HELSBORG, March 14. /TASS/. Nordland President Elena Marsh")
    assert paras[2].startswith("-- Reyes said")
    assert "Category" not in art.text and "Hits" not in art.text and art.title not in art.text
    assert len(paras) == 4


def test_hard_wrapped_text_is_joined_and_dateline_outlet_becomes_source():
    art = one(FIXTURES / "reuters_style.txt")
    assert art.title == "Caspia warns over border talks"
    assert (art.source, art.place, art.date) == ("Reuters", "Geneva", None)
    paras = paragraphs(art)
    assert len(paras) == 3
    assert paras[0].startswith("GENEVA, May 2 (Reuters) - Caspian Foreign Minister Lena Ortiz said on Tuesday")
    assert paras[0].endswith("before the summer flood season.")


def test_a_dateline_after_a_byline_or_bullets_and_a_dateline_with_a_colon(tmp_path):
    wire = tmp_path / "wire.txt"
    wire.write_text("Peru and Chile agree to reopen border\n\nBy Ana Ruiz and Tom Hale\n\n"
                    "* Talks resume after two years\n\nLIMA, June 3 (Reuters) - Peru and Chile agreed on "
                    "Tuesday to reopen their border, the two foreign ministers said.\n", encoding="utf-8")
    art = one(wire)
    assert (art.place, art.source) == ("Lima", "Reuters")
    daily = tmp_path / "daily.txt"
    daily.write_text("Port reopens after strike\n\nKARACHI: The port reopened on Monday after a strike that "
                     "had kept ships waiting in Karachi for a week, officials said.\n", encoding="utf-8")
    assert one(daily).place == "Karachi"  # a place the article writes after "in"
    capital = tmp_path / "capital.txt"
    capital.write_text("Talks\n\nISLAMABAD: Pakistan and Iran agreed on Tuesday to raise trade.\n", encoding="utf-8")
    assert one(capital).place == "Islamabad"  # a capital the gazetteer knows
    rubric = tmp_path / "rubric.txt"
    rubric.write_text("Talks\n\nUPDATE: Pakistan and Iran agreed on Tuesday to raise trade.\n", encoding="utf-8")
    assert one(rubric).place is None  # no place


def test_an_opinion_piece_is_its_bylines_authors_and_a_rubric_opens_a_title(tmp_path):
    oped = tmp_path / "oped.txt"
    oped.write_text("Opinion: Peru must not abandon the port\n\nBy Ana Ruiz, former trade minister\n\n"
                    "When I visited Callao in 2019, I met dockers who wanted work.\n", encoding="utf-8")
    art = one(oped)
    assert (art.title, art.author) == ("Opinion: Peru must not abandon the port", "Ana Ruiz")
    assert art.text.startswith("When I visited Callao")
    news = tmp_path / "news.txt"  # a reporter's byline makes no author
    news.write_text("Analysis: Peru bets on its port\n\nBy Ana Ruiz\n\nPeru opened the port on Monday.\n",
                    encoding="utf-8")
    assert (one(news).title, one(news).author) == ("Analysis: Peru bets on its port", None)


def test_speech_without_header_keeps_each_line_as_a_paragraph():
    art = one(FIXTURES / "un_speech.txt")
    assert art.title is None and art.place is None and art.source is None
    paras = paragraphs(art)
    assert paras[:2] == ["Mr. President,", "Distinguished delegates,"]
    assert paras[-1] == "I thank you."
    assert len(paras) == 6


def test_markdown_readout_front_matter_and_inline_syntax():
    art = one(FIXTURES / "readout.md")
    assert art.format == "markdown"
    assert art.title == "Readout of the Secretary’s Call with President Elena Marsh of Nordland"
    assert art.date == "2024-02-07"
    assert art.url == "https://www.example.gov/briefing-room/2024/02/07/readout-of-call-with-president-marsh/"
    assert art.source == "example.gov"
    assert art.category == "statements-releases"
    paras = paragraphs(art)
    assert paras[0] == (
        "Secretary of State Daniel Okafor spoke today with President Elena Marsh of Nordland to "
        "discuss the grain corridor and regional security. The Secretary underscored the United "
        "States’ support for the Baltic Grain Initiative and welcomed Nordland’s leadership.")
    assert "attacks on shipping [sic]. The two leaders agreed to:" in paras[1]
    assert paras[2:4] == ["- expand inspections of cargo ships;",
                          "- hold a ministerial meeting in Helsborg next month."]
    assert paras[4] == "The Secretary reaffirmed that the 5* rating of the port remains valid."
    assert "#" not in art.text and "https://" not in art.text and "\\" not in art.text


def test_markdown_transcript_turns_survive():
    art = one(FIXTURES / "remarks.md")
    paras = paragraphs(art)
    assert paras[:2] == ["Oval Office", "2:14 P.M. EDT"]
    assert paras[2].startswith("PRESIDENT GRANT: Well, welcome, Madam Prime Minister. It’s good to have you here.")
    assert paras[3] == ("PRIME MINISTER ALVES: (As interpreted.) Thank you, Mr. [President]. Tessaly is "
                        "grateful for your support. We want a peaceful settlement, and we want it soon.")
    assert paras[-1] == "PRESIDENT GRANT: (Laughs.) We’ll see."
    assert "END" not in art.text and "<s>" not in art.text


def test_broken_front_matter_does_not_crash(tmp_path):
    page = tmp_path / "broken.md"
    page.write_text("---\ntitle: [unclosed\ndate: 2021-05-04\n---\n\nThe envoys met in Oslo.\n",
                    encoding="utf-8")
    art = one(page)
    assert art.text == "The envoys met in Oslo."
    assert art.date == "2021-05-04"


def test_html_article_body_lead_and_metadata():
    art = one(FIXTURES / "kremlin_like.html")
    assert art.format == "html"
    assert art.title == "Talks with President of Nordland Elena Marsh"
    assert art.date == "2019-06-05"
    assert art.place == "Palace of Nations, Helsborg"
    assert art.url == "http://en.example.org/events/news/4242"
    assert art.source == "President of Caspia"
    paras = paragraphs(art)
    assert paras[0] == ("Omar Reyes held talks with President of Nordland Elena Marsh, who is in "
                        "Caspia on an official visit.")
    assert paras[1] == "The two leaders discussed trade, energy and the Baltic Grain Initiative."
    assert paras[2] == "President of Caspia Omar Reyes: Madam President, Elena Marsh, friends,"
    assert paras[3:5] == ["We are glad to welcome you to Helsborg.", "Our trade grew by a quarter last year."]
    assert paras[5] == "President of Nordland Elena Marsh: Thank you. Nordland values this partnership."
    for gone in ("Marsh Elena", "Background information", "tracker", "Hidden paragraph", "Also hidden",
                 "Screen reader", "Publication status", "Home", "licensed", "At the talks", "* * *"):
        assert gone not in art.text


def test_html_without_article_markup_falls_back_to_main_and_title_tag(tmp_path):
    page = tmp_path / "page.htm"
    page.write_text(
        "<html><head><title>Envoys meet in Oslo | Example News</title>"
        '<meta property="article:published_time" content="2022-10-14T22:42:17-04:00"></head>'
        "<body><div>Menu</div><main><h2>Envoys meet</h2><div>Two envoys met <em>in</em> Oslo."
        '<div hidden>secret</div></div><ul><li>First point</li><li class="visually-hidden">x</li></ul>'
        "</main></body></html>", encoding="utf-8")
    art = one(page)
    assert art.title == "Envoys meet in Oslo"
    assert art.date == "2022-10-14"
    assert paragraphs(art) == ["Envoys meet", "Two envoys met in Oslo.", "First point"]


def test_html_share_bars_advertisements_and_related_stories_inside_the_article_are_dropped(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>Envoys meet</title></head><body><article><h1>Envoys meet</h1>"
        '<div class="share-bar"><span>Share this article:</span> <a href="#">Facebook</a> <a href="#">Email</a></div>'
        "<p>Two envoys met in Oslo.</p>"
        '<div class="ad_slot"><p>Advertisement</p></div>'
        '<p class="article-text">They will meet again.</p><p class="shared-view">A view both share.</p>'
        '<section id="related-stories"><h3>Related</h3><p>Oslo hosts a summit</p></section>'
        "</article></body></html>", encoding="utf-8")
    assert paragraphs(one(page)) == ["Two envoys met in Oslo.", "They will meet again.", "A view both share."]


def test_jsonl_streams_records_and_reports_bad_lines():
    articles, errors = load([FIXTURES / "talks.jsonl"])
    assert [a.doc for a in articles] == ["talks:1", "talks:4"]
    assert errors[0].startswith(f"{FIXTURES / 'talks.jsonl'}:2: invalid JSON")
    assert errors[1] == f'{FIXTURES / "talks.jsonl"}:3: no "text" field'
    first, second = articles
    assert (first.title, first.date, first.place, first.source) == (
        "Telephone conversation with Elena Marsh", "2016-04-12", "Helsborg", "en.example.org")
    assert paragraphs(first) == [
        "Omar Reyes had a telephone conversation with President of Nordland Elena Marsh.",
        "Omar Reyes and Elena Marsh discussed the grain corridor.",
        "The leaders agreed to meet in Helsborg.",
        "President of Caspia Omar Reyes: Madam President, welcome.",
    ]
    assert second.date == "2017-03-22"
    assert paragraphs(second)[0] == "Mr Reyes and Mr Alves also touched upon the river border."


def test_json_array_and_single_object(tmp_path):
    (tmp_path / "many.json").write_text(json.dumps([{"text": "One."}, {"text": "Two.", "title": "T"}]))
    (tmp_path / "single.json").write_text(json.dumps({"text": "Only.", "date": "March 22, 2023"},
                                                     indent=2))
    articles, errors = load([tmp_path / "many.json", tmp_path / "single.json"])
    assert errors == []
    assert [(a.doc, a.text) for a in articles] == [("many:1", "One."), ("many:2", "Two."), ("single", "Only.")]
    assert articles[2].date == "2023-03-22"


def test_text_starting_with_a_bracket_is_not_json(tmp_path):
    note = tmp_path / "note.txt"
    note.write_text("[Editor's note: corrected spelling]\n\nThe minister spoke in Rome.\n")
    assert paragraphs(one(note))[-1] == "The minister spoke in Rome."


def test_every_fixture_paragraph_is_clean():
    articles, _ = load([FIXTURES])
    assert len(articles) == 9
    for art in articles:
        assert_clean(art)


# ---------------------------------------------------------------- normalisation and encodings

def test_crlf_and_bom_give_the_same_text(tmp_path):
    plain = (FIXTURES / "tass_style.txt").read_text(encoding="utf-8")
    (tmp_path / "a.txt").write_bytes(plain.encode("utf-8"))
    (tmp_path / "b.txt").write_bytes(b"\xef\xbb\xbf" + plain.replace("\n", "\r\n").encode("utf-8"))
    (tmp_path / "c.txt").write_bytes(plain.replace("\n", "\r").encode("utf-16"))
    a, b, c = load([tmp_path])[0]
    assert a.text == b.text == c.text
    assert a.title == b.title == c.title


def test_odd_spaces_zero_width_and_control_characters(tmp_path):
    raw = "Envoy\u00a0Ana\u202fAlves\u2007said:\tpeace\u200b\u00ad is\x07 near.\u2028New line."
    (tmp_path / "x.txt").write_text(raw, encoding="utf-8")
    assert one(tmp_path / "x.txt").text == "Envoy Ana Alves said: peace is near.\n\nNew line."


def test_cp1252_file_is_decoded(tmp_path):
    text = "President Müller said the café talks were “constructive” – and he’d return."
    (tmp_path / "legacy.txt").write_bytes(text.encode("cp1252"))
    assert one(tmp_path / "legacy.txt").text == text


def test_undetectable_encoding_is_refused_clearly(tmp_path):
    (tmp_path / "noise.txt").write_bytes(bytes(range(128, 256)) * 4)
    articles, errors = load([tmp_path / "noise.txt"])
    assert articles == []
    assert errors == [f"{tmp_path / 'noise.txt'}: not UTF-8 and the encoding could not be detected "
                      "(convert the file to UTF-8, or name its encoding)"]


@pytest.mark.parametrize("data, message", [
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file (PNG)"),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "binary file (PDF)"),
    (b"plain words\x00 and a NUL", "binary file (contains NUL bytes)"),
    (bytes([1, 2, 3, 4, 5, 6]) * 100, "binary file (mostly control bytes)"),
    (b"", "empty file"),
    (b" \n\t\r\n  \n", "contains only whitespace"),
    ("\u00a0\u200b \n".encode(), "contains only whitespace"),
])
def test_unreadable_content_is_reported(tmp_path, data, message):
    (tmp_path / "bad.txt").write_bytes(data)
    articles, errors = load([tmp_path / "bad.txt"])
    assert articles == []
    assert errors == [f"{tmp_path / 'bad.txt'}: {message}, not text" if message.startswith("binary")
                      else f"{tmp_path / 'bad.txt'}: {message}"]


def test_text_without_body_is_an_error(tmp_path):
    (tmp_path / "empty.html").write_text("<html><body><script>x()</script></body></html>")
    assert load([tmp_path / "empty.html"])[1] == [f"{tmp_path / 'empty.html'}: no article text found"]


@pytest.mark.parametrize("raw, iso", [
    ("23 Mar., 2023", "2023-03-23"),
    ("March 22, 2023", "2023-03-22"),
    ("Wednesday, March 22, 2023, 11:00", "2023-03-22"),
    ("2023-03-22", "2023-03-22"),
    ("2022-10-14 22:42:17-04:00", "2022-10-14"),
    ("22.03.2023", "2023-03-22"),
    ("2023年3月23日", "2023-03-23"),
    ("03/04/2023", None),
    ("31 Feb 2023", None),
    ("sometime in spring", None),
])
def test_parse_date(raw, iso):
    assert parse_date(raw) == iso


# ---------------------------------------------------------------- paths and errors

def test_missing_path(tmp_path):
    articles, errors = load([tmp_path / "nope.txt"])
    assert articles == [] and errors == [f"{tmp_path / 'nope.txt'}: no such file or directory"]


def test_folder_with_nothing_readable(tmp_path):
    (tmp_path / "photo.png").write_bytes(b"\x89PNG")
    (tmp_path / "sheet.xlsx").write_bytes(b"PK\x03\x04")
    (tmp_path / ".hidden.txt").write_text("secret text")
    (tmp_path / "README.md").write_text("About this folder.")
    articles, errors = load([tmp_path])
    assert articles == []
    assert len(errors) == 1 and errors[0].startswith(f"{tmp_path}: no readable files in this folder")


def test_folder_walk_order_doc_ids_and_skips(tmp_path):
    (tmp_path / "b.txt").write_text("Second text.")
    (tmp_path / "a.md").write_text("First text.")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "c").write_text("Third text.")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text("hidden")
    (tmp_path / "LICENSE").write_text("MIT")
    (tmp_path / "SNAPSHOT_COMMIT.txt").write_text("abc123")
    (tmp_path / "data.xlsx").write_bytes(b"PK\x03\x04")
    articles, errors = load([tmp_path])
    assert errors == []
    assert [a.doc for a in articles] == ["a", "b", "sub/c"]
    assert articles[2].path == str(tmp_path / "sub" / "c")
    readme = tmp_path / "README.md"
    readme.write_text("Named explicitly, so it is read.")
    assert one(readme).doc == "README"


def test_many_files_one_bad_others_still_yielded(tmp_path):
    for name in ("a.txt", "c.txt"):
        (tmp_path / name).write_text(f"Text of {name}.")
    (tmp_path / "b.txt").write_bytes(b"\x00\x01\x02binary")
    articles, errors = load([tmp_path])
    assert [a.doc for a in articles] == ["a", "c"]
    assert errors == [f"{tmp_path / 'b.txt'}: binary file (contains NUL bytes), not text"]


def test_duplicate_doc_ids_are_suffixed(tmp_path):
    (tmp_path / "x").mkdir()
    (tmp_path / "x" / "note.txt").write_text("Alpha.")
    (tmp_path / "note.md").write_text("Beta.")
    articles, _ = load([tmp_path / "note.md", tmp_path / "x" / "note.txt", tmp_path / "note.md"])
    assert [a.doc for a in articles] == ["note", "note#2", "note#3"]


def test_oversize_file_is_refused_before_reading(tmp_path):
    (tmp_path / "big.txt").write_text("A sentence of text. " * 10)
    articles, errors = load([tmp_path / "big.txt"], max_bytes=50)
    assert articles == []
    assert errors == [f"{tmp_path / 'big.txt'}: file is 200 bytes, over the limit of 50 bytes"]
    assert DEFAULT_MAX_BYTES == 200 * 1024 * 1024


def test_jsonl_limit_applies_per_line(tmp_path):
    lines = [json.dumps({"text": "Short one."}), json.dumps({"text": "Long " * 40}),
             json.dumps({"text": "Short two."})]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines) + "\n")
    articles, errors = load([tmp_path / "feed.jsonl"], max_bytes=100)
    assert [a.doc for a in articles] == ["feed:1", "feed:3"]
    assert errors == [f"{tmp_path / 'feed.jsonl'}:2: line is over the limit of 100 bytes; skipped"]


def _stdin(monkeypatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


def test_stdin_text(monkeypatch):
    _stdin(monkeypatch, (FIXTURES / "tass_style.txt").read_bytes())
    art = one(Path("-"))
    assert (art.doc, art.path, art.category) == ("stdin", "-", "Economy")


def test_empty_stdin_is_named_in_the_error(monkeypatch):
    _stdin(monkeypatch, b"")
    assert load(["-"]) == ([], ["stdin: empty file"])


def test_stdin_jsonl_and_files_together(monkeypatch, tmp_path):
    _stdin(monkeypatch, b'{"text": "From a pipe."}\n{"text": "Second."}\n')
    (tmp_path / "f.txt").write_text("From a file.")
    articles, errors = load(["-", tmp_path / "f.txt"])
    assert errors == []
    assert [(a.doc, a.text) for a in articles] == [
        ("stdin:1", "From a pipe."), ("stdin:2", "Second."), ("f", "From a file.")]


def test_default_corpus_is_the_bundled_article():
    assert default_corpus().is_dir()
    articles, errors = load([])
    assert errors == []
    docs = {a.doc: a for a in articles}
    seed = docs["xinhua-2023-03-22-highlights-of-xi-putin-talks"]
    assert (seed.date, seed.place, seed.category) == ("2023-03-23", "Moscow", "Global Governance")
    assert seed.text.startswith("MOSCOW, March 22 (Xinhua) -- ")


def test_output_is_deterministic(tmp_path):
    shutil.copytree(FIXTURES, tmp_path / "copy")
    first = [(a.doc, a.text, a.title) for a in load([tmp_path / "copy"])[0]]
    second = [(a.doc, a.text, a.title) for a in load([tmp_path / "copy"])[0]]
    assert first == second


# ---------------------------------------------------------------- tooltip repeats

@pytest.mark.parametrize("raw, clean", [
    ("Mr Putin met Angela Merkel Merkel AngelaFederal Chancellor of Germany in Berlin.",
     "Mr Putin met Angela Merkel in Berlin."),
    ("The talks with Alexander Van der Bellen Van der Bellen AlexanderFederal President of Austria ended.",
     "The talks with Alexander Van der Bellen ended."),
    ("Talks with Ilham Aliyev Aliyev IlhamPresident of Azerbaijan .", "Talks with Ilham Aliyev."),
    ("They met Nicolas Sarkozy Sarkozy Nicolas , and others.", "They met Nicolas Sarkozy, and others."),
    ("It was announced by McDonald and YouTube in Paris Paris.",
     "It was announced by McDonald and YouTube in Paris Paris."),
])
def test_jsonl_tooltip_repeats_are_removed(tmp_path, raw, clean):
    (tmp_path / "t.jsonl").write_text(json.dumps({"text": raw}) + "\n")
    assert one(tmp_path / "t.jsonl").text == clean


# ---------------------------------------------------------------- robustness

@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.one_of(
    st.binary(max_size=400),
    st.text(max_size=400).map(lambda s: s.encode("utf-8")),
    st.lists(st.sampled_from(["---\n", "title: x\n", "<p>", "</p>", "{\"text\": \"a\"}\n", "[", "**",
                              "\\#", "-- ", "MOSCOW, May 1 (AP) - ", "\u00a0", "\r\n", "Category: y\n",
                              "Word ", "<script>", "\n\n"]), max_size=30).map(lambda p: "".join(p).encode()),
))
@pytest.mark.parametrize("name", ["x.txt", "x.md", "x.html", "x.jsonl", "x"])
def test_parse_bytes_only_raises_diperror(name, data):
    notes: list[str] = []
    try:
        articles = parse_bytes(data, name=name, doc="x", on_warning=notes.append)
    except DipError as err:
        assert "\n" not in str(err)
        return
    assert all("\n" not in note for note in notes)
    for art in articles:
        assert_clean(art)


# ---------------------------------------------------------------- the reader table

def test_a_new_format_is_one_row(monkeypatch):
    from dipcli.load import formats
    from dipcli.load.formats import Reader

    def read_pdf(inp):
        return [Article(doc=inp.doc, path=inp.path, format="pdf", title=None, date=None, source=None,
                        place=None, category=None, url=None, text="Text of the PDF.")]

    pdf = Reader("pdf", frozenset({".pdf"}), lambda inp: inp.data.startswith(b"%PDF-"), read_pdf)
    data = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj"
    with pytest.raises(DipError, match=r"binary file \(PDF\), not text"):
        parse_bytes(data, name="x.pdf", doc="x")
    monkeypatch.setattr(formats, "READERS", (pdf, *formats.READERS))
    [art] = parse_bytes(data, name="x.pdf", doc="x")
    assert (art.format, art.text) == ("pdf", "Text of the PDF.")
    # Other binary input is still refused by the table's own row.
    with pytest.raises(DipError, match=r"binary file \(PNG\), not text"):
        parse_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", name="x.png", doc="x")


def test_a_reader_that_declines_hands_the_input_on():
    # "[" starts JSON, but this is no JSON: the JSON row declines, the text row reads it.
    [art] = parse_bytes(b"[Updated] The envoys met in Oslo.\n", name="note", doc="note")
    assert (art.format, art.text) == ("text", "[Updated] The envoys met in Oslo.")
    with pytest.raises(DipError, match="invalid JSON"):
        parse_bytes(b"[Updated] The envoys met in Oslo.\n", name="note.json", doc="note")


def test_markdown_comments_tables_reference_definitions_and_escapes():
    art = one(FIXTURES / "statement.md")
    assert (art.format, art.title, art.date) == (
        "markdown", "Joint Statement of Nordland and Caspia on River Navigation", "2024-05-10")
    assert paragraphs(art) == [
        "Nordland and Caspia reaffirmed their commitment to free navigation on the Amber River and "
        "agreed to publish a joint timetable. The two foreign ministers said the inspection regime "
        "would start in June 2024.",
        "Measure Start",
        "Joint patrols June",
        "Shared inspections July",
        "Minister Ortiz said Caspia would host the next round [in Helsborg] and that the 5* rating "
        "of river port #2 stays in force.",
        "1. The ministers will meet again in the autumn to review the timetable, as agreed in 2023.",
        "2. Talks on fishing quotas resume next month.",
    ]
    for gone in ("Draft", "<!--", "check the", "|", "---", "example.org", "[amber]", "suspended", "###"):
        assert gone not in art.text


def test_markdown_hard_breaks_and_bullets_commonmark_does_not_know(tmp_path):
    page = tmp_path / "turns.md"
    page.write_text("MS. REYES: Good afternoon.  \nQ Thank you. Is the\\\nvisit still on?\n\n"
                    "Participants:\n• Elena Marsh\n• Omar Reyes, President\nof Caspia\n", encoding="utf-8")
    assert paragraphs(one(page)) == ["MS. REYES: Good afternoon.", "Q Thank you. Is the visit still on?",
                                     "Participants:", "- Elena Marsh", "- Omar Reyes, President of Caspia"]


def test_markdownish_plain_text_loses_its_syntax(tmp_path):
    note = tmp_path / "speech.txt"
    note.write_text("## Address by the Foreign Minister\n\nWe adopted the **Helsborg Accord**, a *pact "
                    "for the river*.\n\n> Peace is a daily task.\n\n* We **will** keep our word.\n",
                    encoding="utf-8")
    art = one(note)
    assert art.title == "Address by the Foreign Minister"
    assert paragraphs(art) == ["We adopted the Helsborg Accord, a pact for the river.", "Peace is a daily task.",
                               "- We will keep our word."]


@settings(max_examples=400, deadline=None)
@given(st.one_of(
    st.text(alphabet=st.sampled_from(list("ab Z.,:;!?#-—’\\\n*_[]<&`~")), max_size=60),
    st.lists(st.sampled_from(["a", "Zb", " ", "  ", "\n", "\\", "\\*", "\\\\", "\\\n", "\\[", "\\_", "!", "#", "."]),
             max_size=25).map("".join)))
def test_markdown_plain_inline_fast_path_agrees_with_markdown_it(content):
    from dipcli.load import markdown

    content = content.strip()
    plain = markdown._plain_lines(content)
    if plain is not None:
        assert plain == markdown._parsed_lines(content, {})


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(["a", "Zb c.", " ", "  ", "\t", "\n", "\n\n", " \n", "\xa0", "\u2003", "\\",
                                 "#", "-", "*", "1.", "2)", "> ", "|", "=", "_", "<b>", "[x]: /y", "[x]", "~~~",
                                 "```", "\r", "    ", "\u2028", "\x1c", "\x85", "*em*", "2.8"]), max_size=30).map("".join))
def test_markdown_plain_block_fast_path_agrees_with_markdown_it(text):
    from dipcli.load import markdown

    if markdown._plain_blocks(text) is not None:
        env: dict = {}
        assert markdown._parse(text) == markdown._blocks(markdown._parser().parse(text, env), env)


def test_markdown_plain_block_fast_path_leaves_block_syntax_to_markdown_it():
    from dipcli.load import markdown

    assert markdown._plain_blocks("One line.\xa0\n  \t\nTwo\n  lines.\n") == ["One line.", "Two\n  lines."]
    assert markdown._plain_blocks("*Ortiz* spoke.\n#summit\n2.8 million\n[Read](/more)") is not None
    for text in ("Title\n=====\n", "- item\n", "Text\n1. item", "a | b\n--|--\n", "Text\n  > quoted",
                 "<div>x</div>", "[ref]: /url", "Text\r\nmore", "Text\n2027.", "## Heading", "***",
                 "Text.\x1c"):
        assert markdown._plain_blocks(text) is None, text


# ---------------------------------------------------------------- pages without article markup

PAGE = Path(__file__).parent / "fixtures" / "html" / "ministry_page.html"
BODY = [
    "The two sides discussed the grain corridor, inspections of cargo ships on the Amber River and "
    "preparations for the ministerial meeting in Helsborg, which Caspia will host in the autumn.",
    "Minister Ortiz said that Caspia supports the Baltic Grain Initiative and stands ready to expand joint "
    "patrols, adding that free navigation serves both countries.",
    "Envoy Holm thanked Caspia for its constructive position and expressed hope that the talks on fishing "
    "quotas would resume next month, with experts of both ministries taking part.",
    "The ministers agreed to keep in close contact.",
]
BOILERPLATE = ("About the Ministry", "Search the website", "Home /", "Latest news", "Deputy Minister visits",
               "Share", "Tags", "Site map", "All rights reserved", "Harbour Street")


@pytest.fixture
def builtin_extractor(monkeypatch):
    from dipcli.load import maintext

    monkeypatch.setattr(maintext, "extract", lambda root: None)  # as without the html extra


def test_page_without_article_markup_keeps_its_text_not_its_menus(builtin_extractor):
    art = one(PAGE)
    assert (art.title, art.date) == ("Foreign Minister Ortiz meets Nordland envoy", "2024-06-03")
    assert paragraphs(art) == [
        "Foreign Minister Lena Ortiz received the Special Envoy of Nordland, Anders Holm.", *BODY]
    for gone in BOILERPLATE:
        assert gone not in art.text


def test_page_without_article_markup_through_trafilatura(monkeypatch):
    pytest.importorskip("trafilatura")
    import socket

    def offline(*args, **kwargs):
        raise AssertionError("the extractor went to the network")

    monkeypatch.setattr(socket.socket, "connect", offline)
    first, second = one(PAGE), one(PAGE)
    assert first.text == second.text
    assert paragraphs(first)[-4:] == BODY
    for gone in BOILERPLATE:
        assert gone not in first.text


def test_page_with_dates_and_links_but_no_sentence_has_no_article(tmp_path, builtin_extractor):
    page = tmp_path / "empty.html"
    page.write_text("<html><body><div><a href='/'>Home</a> <a href='/news'>News</a></div>"
                    "<div>3 June 2024, 14:20</div><div>Last updated at 3 June 2024, 18:05</div>"
                    "<div><a href='/x'>Direct link</a></div></body></html>", encoding="utf-8")
    assert load([page])[1] == [f"{page}: no article text found"]


def test_short_note_without_markup_keeps_its_sentence(tmp_path, builtin_extractor):
    page = tmp_path / "note.html"
    page.write_text("<html><body><div><a href='/'>Home</a></div><p>Talks resume.</p></body></html>",
                    encoding="utf-8")
    assert one(page).text == "Talks resume."


# ---------------------------------------------------------------- encodings, continued

LEGACY = "Foreign Minister Lena Ortiz said the talks were useful. We\u2019ll meet again in June, she added.\n"


def test_cp1252_the_detector_cannot_decide_is_read_with_a_warning(tmp_path):
    (tmp_path / "readout.txt").write_bytes(LEGACY.encode("cp1252"))  # 0x92 its only non-ASCII byte
    notes: list[str] = []
    art = one(tmp_path / "readout.txt", on_warning=notes.append)
    assert art.text == LEGACY.strip()
    assert notes == [f"{tmp_path / 'readout.txt'}: not UTF-8 and no encoding detected; read as Windows-1252"]


def test_the_last_resort_reads_bytes_windows_1252_leaves_undefined_as_latin_1():
    from dipcli.load.decode import _windows_1252

    assert _windows_1252(b"Talks\x81 resumed \x93today\x94.") == "Talks\x81 resumed \u201ctoday\u201d."
    assert _windows_1252(bytes(range(128, 256))) is None  # mostly non-ASCII letters: noise


def test_a_forced_encoding_is_the_only_one_tried(tmp_path):
    (tmp_path / "ru.txt").write_bytes("Министр Ортис сказала, что переговоры были полезны.".encode("cp1251"))
    assert one(tmp_path / "ru.txt", encoding="cp1251").text == "Министр Ортис сказала, что переговоры были полезны."
    (tmp_path / "fr.txt").write_bytes("Le café de la délégation.".encode("utf-8"))
    assert one(tmp_path / "fr.txt", encoding="latin-1").text == "Le cafÃ© de la dÃ©lÃ©gation."
    (tmp_path / "legacy.txt").write_bytes(LEGACY.encode("cp1252"))
    articles, errors = load([tmp_path / "legacy.txt"], encoding="utf-8")
    assert articles == []
    assert errors == [f"{tmp_path / 'legacy.txt'}: not valid utf-8 (byte 0x92 at offset 58)"]


def test_a_forced_encoding_reads_json_lines_records(tmp_path):
    (tmp_path / "feed.jsonl").write_bytes(json.dumps({"text": "Déclaration commune."}, ensure_ascii=False)
                                          .encode("cp1252") + b"\n")
    assert load([tmp_path / "feed.jsonl"])[1] == [f"{tmp_path / 'feed.jsonl'}:1: not valid UTF-8"]
    assert one(tmp_path / "feed.jsonl", encoding="cp1252").text == "Déclaration commune."


def test_without_a_warning_callback_the_guess_is_a_python_warning(tmp_path):
    with pytest.warns(UserWarning, match="read as Windows-1252"):
        parse_bytes(LEGACY.encode("cp1252"), name="readout.txt", doc="readout")
