"""The ``dipcli`` command line: every command loads articles, analyses them and renders records.

Exit codes: 0 success (also when nothing matches), 1 input or data error (any
file that could not be read), 2 usage error, 130 interrupted.
"""
from __future__ import annotations

import sys
from enum import Enum
from typing import Annotated, Optional

import typer

from .model import DipError

app = typer.Typer(
    name="dipcli",
    help="Who said what, with what stance, on which topics: an analyzer for diplomatic texts.\n\n"
         "With no PATHS every command reads the bundled corpus. Exit codes: 0 success, "
         "1 input or data error, 2 usage error, 130 interrupted.",
    no_args_is_help=False,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


SETTINGS: dict = {"max_bytes": None, "encoding": None, "context": None}


@app.callback()
def _options(ctx: typer.Context, max_bytes: Annotated[Optional[int], typer.Option(
        "--max-bytes", min=1, envvar="DIPCLI_MAX_BYTES",
        help="Refuse input files larger than this many bytes (default 200 MB).")] = None,
        encoding: Annotated[Optional[str], typer.Option(
            "--encoding", metavar="NAME",
            help="Read every input in this encoding (cp1252, latin-1, utf-16, ...) instead of detecting it.")] = None,
        ) -> None:
    SETTINGS["max_bytes"] = max_bytes
    SETTINGS["encoding"] = None
    if encoding is not None:
        import codecs

        try:
            SETTINGS["encoding"] = codecs.lookup(encoding).name
        except LookupError:
            sys.stderr.write(f"dipcli: error: --encoding: unknown encoding {encoding!r}\n")
            raise typer.Exit(2) from None
    SETTINGS["context"] = ctx  # its close callbacks run when the command ends, however it ends


class Format(str, Enum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"


PathsArg = Annotated[Optional[list[str]], typer.Argument(
    help="Files, folders (read recursively) or - for stdin. Default: the bundled corpus.", show_default=False)]
FormatOpt = Annotated[Format, typer.Option("--format", "-f", help="Output format.")]
JsonOpt = Annotated[bool, typer.Option("--json", help="Shortcut for --format json.")]
NoCacheOpt = Annotated[bool, typer.Option("--no-cache", help="Do not read or write the parse cache.")]
JobsOpt = Annotated[int, typer.Option("--jobs", "-j", min=1, help="Worker processes for parsing and stance finding (same output whatever N is).")]
SchedulerOpt = Annotated[Optional[str], typer.Option(
    "--scheduler", help="Run on Dask: 'local' or a scheduler address (needs dipcli[dask]).")]
SpeakerOpt = Annotated[Optional[str], typer.Option("--speaker", "-s", help="Only claims of this speaker.")]


class Run:
    """One command's input handling: errors go to stderr and decide the exit status."""

    def __init__(self, paths: list[str] | None, fmt: Format, as_json: bool, no_cache: bool = False,
                 jobs: int = 1, scheduler: str | None = None):
        self.paths = list(paths or [])
        self.fmt = "json" if as_json else fmt.value
        self.no_cache = no_cache
        self.jobs = jobs
        self.scheduler = scheduler
        self.failed = 0
        self.loaded = 0
        self._client = None

    def dask_client(self):
        """The run's one Dask client (see :func:`dipcli.distributed.connect`), opened on
        first use and closed when the command ends, however it ends."""
        if self._client is None:
            from .distributed import connect

            manager = connect(self.scheduler)
            self._client = manager.__enter__()
            SETTINGS["context"].call_on_close(lambda: manager.__exit__(None, None, None))
        return self._client

    def warning(self, message: str) -> None:
        from .render import one_line

        sys.stderr.write(f"dipcli: warning: {one_line(message)}\n")
        sys.stderr.flush()

    def error(self, err: DipError) -> None:
        from .render import one_line

        self.failed += 1
        sys.stderr.write(f"dipcli: error: {one_line(err)}\n")
        sys.stderr.flush()

    def items(self, *, stances: bool = False):
        """Analysed articles, streamed; with ``stances``, ``(item, its stance acts)`` pairs,
        the acts found by the worker that analysed the article."""
        if self.scheduler:
            from .distributed import iter_analysed_dask

            source = iter_analysed_dask(self.paths, client=self.dask_client(), on_error=self.error,
                                        max_bytes=SETTINGS["max_bytes"], stances=stances,
                                        use_cache=not self.no_cache, encoding=SETTINGS["encoding"],
                                        on_warning=self.warning)
        else:
            from .pipeline import iter_analysed

            source = iter_analysed(self.paths, on_error=self.error, use_cache=not self.no_cache, jobs=self.jobs,
                                   max_bytes=SETTINGS["max_bytes"], stances=stances, encoding=SETTINGS["encoding"],
                                   on_warning=self.warning)
        for item in source:
            self.loaded += 1
            yield item

    def all_items(self) -> list:
        return list(self.items())

    def finish(self) -> None:
        if self.failed:
            if self.loaded:
                sys.stderr.write(f"dipcli: {self.failed} input(s) failed, {self.loaded} article(s) analysed\n")
            raise typer.Exit(1)
        if self.loaded == 0:
            sys.stderr.write("dipcli: error: no articles to analyse\n")
            raise typer.Exit(1)


def _fields(cls) -> list[str]:
    from .render import field_names

    return field_names(cls)


# -- articles ------------------------------------------------------------------------------

@app.command()
def articles(paths: PathsArg = None, text: Annotated[bool, typer.Option("--text", help="Include the body text offsets refer to.")] = False,
             fmt: FormatOpt = Format.table, as_json: JsonOpt = False, no_cache: NoCacheOpt = False,
             jobs: JobsOpt = 1) -> None:
    """List loaded articles: id, title, date, source, place, category, format and counts.

    Example: dipcli articles corpus/ --format json
    """
    from .records import article_record
    from .render import emit
    from .views import articles_table

    run = Run(paths, fmt, as_json, no_cache, jobs)
    records = (article_record(item, with_text=text) for item in run.items())

    emit(records, run.fmt, table=lambda rows: articles_table(rows, with_text=text), empty_note="no articles")
    run.finish()


# -- claims --------------------------------------------------------------------------------

@app.command()
def claims(paths: PathsArg = None, speaker: SpeakerOpt = None, fmt: FormatOpt = Format.table,
           as_json: JsonOpt = False, no_cache: NoCacheOpt = False, jobs: JobsOpt = 1,
           scheduler: SchedulerOpt = None) -> None:
    """Segment articles into sentences and attribute each claim to its speaker.

    Example: dipcli claims corpus/ --speaker xi --format jsonl
    """
    from .model import Claim, speaker_matches
    from .render import emit
    from .views import claims_table

    run = Run(paths, fmt, as_json, no_cache, jobs, scheduler)
    records = (c for item in run.items() for c in item.claims
               if speaker is None or speaker_matches(c.speaker, speaker))

    emit(records, run.fmt, fields=_fields(Claim), table=claims_table, empty_note="no claims")
    run.finish()


# -- speakers ------------------------------------------------------------------------------

@app.command()
def speakers(paths: PathsArg = None, fmt: FormatOpt = Format.table, as_json: JsonOpt = False,
             no_cache: NoCacheOpt = False, jobs: JobsOpt = 1, scheduler: SchedulerOpt = None) -> None:
    """Each speaker with kind, aliases seen, number and share of claims, and the cues used.

    Example: dipcli speakers corpus/ --format csv
    """
    from .model import Speaker
    from .render import emit
    from .speakers import speakers as roll_up
    from .views import speakers_table

    run = Run(paths, fmt, as_json, no_cache, jobs, scheduler)
    rows = roll_up(run.items())

    emit(rows, run.fmt, fields=_fields(Speaker), table=speakers_table, empty_note="no speakers")
    run.finish()


# -- who-said ------------------------------------------------------------------------------

@app.command("who-said")
def who_said(query: Annotated[str, typer.Argument(help="Words or a quoted phrase.")],
             paths: PathsArg = None, speaker: SpeakerOpt = None,
             top: Annotated[int, typer.Option("--top", "-n", min=0, help="How many claims (0: all).")] = 10,
             fmt: FormatOpt = Format.table, as_json: JsonOpt = False, no_cache: NoCacheOpt = False,
             jobs: JobsOpt = 1) -> None:
    """Rank claims by relevance to QUERY, best first, with speaker, score and offsets.

    Example: dipcli who-said "unilateral sanctions" --top 3
    """
    from .records import hit_record
    from .render import emit
    from .search import search
    from .views import hits_table

    run = Run(paths, fmt, as_json, no_cache, jobs)
    items = run.all_items()
    hits = search(items, query, speaker=speaker, top=top)
    texts = {item.article.doc: item.article.text for item in items}

    if run.fmt == "table":
        emit(hits, "table", table=lambda rows: hits_table(rows, query=query, texts=texts), empty_note=f"no claim matches {query!r}")
    else:
        from .model import Claim

        emit((hit_record(h) for h in hits), run.fmt, fields=_fields(Claim) + ["score"])
    run.finish()


# -- keywords ------------------------------------------------------------------------------

class By(str, Enum):
    speaker = "speaker"
    doc = "doc"
    none = "none"


class KeywordMethod(str, Enum):
    logodds = "logodds"
    tfidf = "tfidf"
    frequency = "frequency"


@app.command()
def keywords(paths: PathsArg = None,
             by: Annotated[By, typer.Option("--by", help="Group claims by speaker, by document, or not at all.")] = By.speaker,
             top: Annotated[int, typer.Option("--top", "-n", min=1, help="Terms per group.")] = 10,
             method: Annotated[KeywordMethod, typer.Option("--method", "-m", help="Scoring.")] = KeywordMethod.logodds,
             fmt: FormatOpt = Format.table, as_json: JsonOpt = False, no_cache: NoCacheOpt = False,
             jobs: JobsOpt = 1, scheduler: SchedulerOpt = None) -> None:
    """The words and phrases that set each speaker (or document) apart from the rest.

    Default scoring: weighted log-odds with an informative Dirichlet prior
    (Monroe, Colaresi & Quinn's "Fightin' Words"), with z-scores.

    Example: dipcli keywords corpus/ --by speaker --top 5
    """
    from .keywords import count_groups, rank_counts
    from .model import Keyword
    from .render import emit, stderr_console
    from .views import keywords_table

    run = Run(paths, fmt, as_json, no_cache, jobs, scheduler)
    if scheduler:
        from .distributed import count_groups_dask

        # the cluster that parses also counts: no claim text is gathered here
        counts = count_groups_dask(run.items(), run.dask_client(), by=by.value)
    else:
        counts = count_groups(run.items(), by=by.value)
    rows, warnings = rank_counts(counts, by=by.value, top=top, method=method.value) if run.loaded else ([], [])
    err = stderr_console()
    for w in warnings:
        err.print(f"[yellow]warning:[/yellow] {_safe(w)}")

    emit(rows, run.fmt, fields=_fields(Keyword),
         table=lambda rows: keywords_table(rows, by=by.value, method=method.value), empty_note="no keywords")
    run.finish()


# -- stance --------------------------------------------------------------------------------

@app.command()
def stance(paths: PathsArg = None, speaker: SpeakerOpt = None,
           target: Annotated[Optional[str], typer.Option("--target", "-t", help="Only stances whose target or entities contain TEXT.")] = None,
           matrix: Annotated[bool, typer.Option("--matrix", help="Speaker x target table of support/oppose counts.")] = False,
           by_entity: Annotated[bool, typer.Option("--by-entity", help="With --matrix: columns are named entities, not target phrases.")] = False,
           fmt: FormatOpt = Format.table, as_json: JsonOpt = False, no_cache: NoCacheOpt = False,
           jobs: JobsOpt = 1, scheduler: SchedulerOpt = None) -> None:
    """Stance acts: who supports or opposes what, with the cue, intensity, target and evidence offsets.

    Example: dipcli stance corpus/ --matrix
    """
    from .model import Stance, speaker_matches
    from .render import emit
    from .stance import stance_matrix
    from .views import matrix_table, stances_table

    run = Run(paths, fmt, as_json, no_cache, jobs, scheduler)
    found = []
    for _, acts in run.items(stances=True):
        for st in acts:
            if speaker and not speaker_matches(st.speaker, speaker):
                continue
            if target and not _target_matches(st, target):
                continue
            found.append(st)
    if matrix:
        rows = stance_matrix(found, by="entity" if by_entity else "target")
        key = "entity" if by_entity else "target"
        emit(rows, run.fmt, fields=["speaker", key, "support", "oppose", "net", "cell"],
             table=lambda rows: matrix_table(rows, key),
             empty_note="no stances")
        run.finish()
        return

    emit(found, run.fmt, fields=_fields(Stance), table=stances_table, empty_note="no stances")
    run.finish()



def _target_matches(st, wanted: str) -> bool:
    w = wanted.lower()
    return w in st.target.lower() or any(w in e.lower() for e in st.entities)


# -- topics --------------------------------------------------------------------------------

class TopicMethod(str, Enum):
    nmf = "nmf"
    lda = "lda"


class TopicView(str, Enum):
    topic = "topic"
    doc = "doc"
    k = "k"
    model = "model"


@app.command()
def topics(paths: PathsArg = None,
           k: Annotated[str, typer.Option("--k", "-k", help="Number of topics, or 'auto' to pick the most coherent k in --k-range.")] = "auto",
           k_range: Annotated[str, typer.Option("--k-range", help="The k tried by --k auto, LO:HI.")] = "2:15",
           method: Annotated[TopicMethod, typer.Option("--method", "-m", help="NMF on weighted counts, or LDA on counts.")] = TopicMethod.nmf,
           seed: Annotated[int, typer.Option("--seed", min=0, help="Seed of the model (NMF and LDA): same input and seed, same output.")] = 0,
           by: Annotated[TopicView, typer.Option("--by", help="Records per topic, per article (topic mix and dominant topic), per k tried, or the model description.")] = TopicView.topic,
           top_terms: Annotated[int, typer.Option("--top-terms", min=1, help="Terms shown per topic (display only: never changes the model).")] = 8,
           speakers: Annotated[int, typer.Option("--speakers", min=0, help="Speakers listed per topic, most prevalent first (0: all).")] = 5,
           min_claims: Annotated[int, typer.Option("--min-claims", min=1, help="List a speaker only with at least this many claims that have a topic mix.")] = 3,
           stream: Annotated[bool, typer.Option("--stream", help="Streaming model (hashed words, mini-batch NMF or online LDA): reads the claims once, never holds the corpus. Implied by --scheduler.")] = False,
           fmt: FormatOpt = Format.table, as_json: JsonOpt = False, no_cache: NoCacheOpt = False,
           jobs: JobsOpt = 1, scheduler: SchedulerOpt = None) -> None:
    """Topics over claims (scikit-learn, fixed seed): terms, share, coherence, the articles and speakers of each.

    The model is fitted on runs of consecutive claims of one article (whole short
    articles on a large corpus) and every claim is then placed in it; --by doc gives
    each article's topic mix, --by k every k tried by --k auto and why one won,
    --by model what was fitted. --stream fits a streaming model in bounded memory
    (words only, no phrases); --scheduler runs its batch steps on a Dask cluster,
    with the same output as --stream.

    Example: dipcli topics corpus/ --k auto --by doc
    """
    from .model import Topic, TopicDoc
    from .render import emit, stderr_console
    from .topics import topics as fit_topics
    from .topics_model import parse_k_range
    from .views import first_claims, topic_docs_table, topic_k_table, topic_model_table, topics_table

    if k != "auto":
        try:
            k_value: int | str = int(k)
        except ValueError:
            raise typer.BadParameter("must be a positive integer or 'auto'", param_hint="--k") from None
        if k_value < 1:
            raise typer.BadParameter("must be a positive integer or 'auto'", param_hint="--k")
    else:
        k_value = "auto"
    try:
        k_bounds = parse_k_range(k_range)
    except DipError as err:
        raise typer.BadParameter(str(err), param_hint="--k-range") from None
    run = Run(paths, fmt, as_json, no_cache, jobs, scheduler)
    err = stderr_console()
    options = dict(k=k_value, k_range=k_bounds, method=method.value, top_terms=top_terms, random_state=seed,
                   speakers=speakers, min_claims=min_claims,
                   progress=lambda msg: err.print(f"[dim]{_safe(msg)}[/dim]"))
    if stream or scheduler:
        from .topics_stream import stream_topics, topics_on_dask

        options["examples"] = run.fmt == "table" and by == TopicView.topic
        if scheduler:
            result = topics_on_dask(run.items(), run.dask_client(), **options)
        else:
            result = stream_topics(run.items(), **options)
        found, info, documents = result
        examples = info.pop("examples", {})  # each topic's first claim, kept for the table
        if not run.loaded:
            found, info, documents = [], {}, []
    else:
        items = run.all_items()
        found, info, documents = fit_topics(items, **options) if items else ([], {}, [])
        examples = first_claims(found, items) if by == TopicView.topic and run.fmt == "table" else {}
    if info:
        if run.fmt == "table" and by in (TopicView.topic, TopicView.doc):
            err.print(f"[dim]{info['units']} units of up to {info['run_length']} consecutive claim(s) of one "
                      f"article; {info['unassigned']} of {info['claims']} claims unassigned (no modelled term)[/dim]")
            err.print(f"[dim]k = {info['k']}: {_safe(info['reason'])}[/dim]")
            if len(info["candidates"]) > 1:
                err.print("[dim]k tried (mean coherence): " + ", ".join(
                    f"{c['k']}: {c['coherence']:.3f}{'*' if c['chosen'] else ''}" for c in info["candidates"])
                    + " (--by k for the table)[/dim]")
        for w in info["warnings"]:
            err.print(f"[yellow]warning:[/yellow] {_safe(w)}")

    if by == TopicView.doc:
        emit(documents, run.fmt, fields=_fields(TopicDoc), table=topic_docs_table, empty_note="no topics")
    elif by == TopicView.k:
        emit(info.get("candidates", []), run.fmt, fields=["k", "coherence", "se", "explained", "competes", "chosen", "within_noise"],
             table=topic_k_table, empty_note="no topics")
    elif by == TopicView.model:
        emit([info] if info else [], run.fmt, fields=list(info) if info else None, table=topic_model_table,
             empty_note="no topics")
    else:
        emit(found, run.fmt, fields=_fields(Topic), table=lambda rows: topics_table(rows, examples),
             empty_note="no topics")
    run.finish()


# -- report --------------------------------------------------------------------------------

class StanceBy(str, Enum):
    entity = "entity"
    target = "target"


@app.command()
def report(paths: PathsArg = None,
           output: Annotated[str, typer.Option("--output", "-o", help="The HTML file to write, or - for standard output.")] = "report.html",
           full_text: Annotated[int, typer.Option("--full-text", min=0, help="Show the full annotated text of the first N articles (and at most 1 M characters of text); the others are listed with their counts.")] = 100,
           stance_by: Annotated[StanceBy, typer.Option("--stance-by", help="Columns of the stance map: named entities or target phrases.")] = StanceBy.entity,
           no_cache: NoCacheOpt = False, jobs: JobsOpt = 1) -> None:
    """One self-contained HTML page to open offline: annotated text, speakers, stance map, topics, keywords, search.

    The page loads nothing from any network (inline CSS, SVG and script). It is
    HTML, so --format does not apply.

    Example: dipcli report corpus/ -o report.html
    """
    from .html_report import report as build
    from .render import check_output_path, stderr_console, write_document

    run = Run(paths, Format.table, False, no_cache, jobs)
    try:
        check_output_path(output)  # before the work, not after it
    except DipError as e:
        run.error(e)
        raise typer.Exit(1) from None
    analysed = list(run.items(stances=True))
    if analysed:
        err = stderr_console()
        page = build([item for item, _ in analysed], [st for _, acts in analysed for st in acts],
                     full_text=full_text, stance_by=stance_by.value,
                     progress=lambda msg: err.print(f"[dim]{_safe(msg)}[/dim]"))
        try:
            size = write_document(page, output)
        except DipError as e:
            run.error(e)
            raise typer.Exit(1) from None
        if output != "-":
            err.print(f"wrote {_safe(output)} ({size / 1e6:.2f} MB, {len(analysed):,} article{'s' if len(analysed) != 1 else ''})",
                      highlight=False)
    run.finish()


# -- kwic ----------------------------------------------------------------------------------

@app.command()
def kwic(term: Annotated[str, typer.Argument(help="A word or phrase.")], paths: PathsArg = None,
         window: Annotated[int, typer.Option("--window", "-w", min=1, help="Characters of context each side.")] = 40,
         speaker: SpeakerOpt = None, fmt: FormatOpt = Format.table, as_json: JsonOpt = False,
         no_cache: NoCacheOpt = False, jobs: JobsOpt = 1) -> None:
    """Keyword in context: every occurrence of TERM, aligned, with its speaker.

    Example: dipcli kwic sanctions --window 30
    """
    from .kwic import kwic as find
    from .model import KwicHit
    from .render import emit
    from .views import kwic_table

    run = Run(paths, fmt, as_json, no_cache, jobs)
    hits = find(run.items(), term, window=window, speaker=speaker)

    emit(hits, run.fmt, fields=_fields(KwicHit), table=lambda rows: kwic_table(rows, term=term, window=window), empty_note=f"no occurrence of {term!r}")
    run.finish()


# -- summary -------------------------------------------------------------------------------

@app.command()
def summary(paths: PathsArg = None,
            top: Annotated[int, typer.Option("--top", "-n", min=1, help="Keywords per speaker.")] = 5,
            fmt: FormatOpt = Format.table, as_json: JsonOpt = False, no_cache: NoCacheOpt = False,
            jobs: JobsOpt = 1) -> None:
    """The main job: per article its metadata, speakers and claims; then keywords, stances and topics.

    Example: dipcli summary corpus/ --format json
    """
    from .summary import build_summary, print_summary

    run = Run(paths, fmt, as_json, no_cache, jobs)
    analysed = list(run.items(stances=True))
    items = [item for item, _ in analysed]
    if items:
        data = build_summary(items, [st for _, acts in analysed for st in acts], top=top)
        if run.fmt == "table":
            print_summary(data, items)
        elif run.fmt == "json":
            from .render import write_object

            write_object(data)
        else:
            from .render import write_records
            from .summary import flat_records

            records = list(flat_records(data))
            fields = list(dict.fromkeys(k for rec in records for k in rec))
            write_records(records, run.fmt, fields=fields)
    run.finish()


def _safe(s) -> str:
    from .render import safe_text

    return safe_text(s)


def main() -> None:
    """Console entry point: usage errors exit 2, interrupts 130, a closed pipe quietly."""
    import gc

    # A run makes millions of small, long-lived records; the default thresholds
    # rescan them over and over (25-50 % of the time on big inputs).
    gc.set_threshold(100_000, 50, 100)
    try:
        app()
    except KeyboardInterrupt:
        sys.stderr.write("dipcli: interrupted\n")
        sys.exit(130)
    except BrokenPipeError:
        import os

        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(1)
    except DipError as err:
        from .render import one_line

        sys.stderr.write(f"dipcli: error: {one_line(err)}\n")
        sys.exit(1)
    except Exception as err:
        if not type(err).__module__.startswith(("distributed", "dask")):
            raise
        # a worker died (KilledWorker) or the cluster went away mid-run: say so on one line
        from .render import one_line

        sys.stderr.write(f"dipcli: error: the Dask cluster failed: {type(err).__name__}: {one_line(err)}\n")
        sys.exit(1)
