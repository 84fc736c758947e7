"""The ``dipcli`` command line: every command loads articles, analyses them and renders records.

Options every command shares (format, cache, jobs, size limit, quiet, keep-going)
are declared once, in ``SHARED``, and accepted before the command name as well
as after it (``dipcli --no-cache claims`` and ``dipcli claims --no-cache``);
when both are given, the one after the command name wins. Exit codes are
:class:`dipcli.environment.ExitCode`.
"""
from __future__ import annotations

import functools
import inspect
import sys
import typing
from enum import Enum
from typing import Annotated, Any, Optional

import click
import typer

from .environment import Environment, ExitCode
from .model import DipError
from .runner import Options, Run
from .schema import COMMANDS as SCHEMAS

app = typer.Typer(
    name="dipcli",
    help="Who said what, with what stance, on which topics: an analyzer for diplomatic texts.\n\n"
         "With no PATHS every command reads standard input when it is a pipe or a file, and the "
         "bundled corpus otherwise. Options shared by every command (--format, --json, --no-cache, "
         "--jobs, --max-bytes, --encoding, --quiet, --keep-going) go before or after the command name. "
         "Exit codes: 0 success, 1 input or data error, 2 usage error, 130 interrupted.",
    no_args_is_help=False,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


class Format(str, Enum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"


# -- options every command shares ------------------------------------------------------------

#: name -> (annotation, default): added to the top-level callback and to every command.
SHARED: dict[str, tuple[Any, Any]] = {
    "fmt": (Annotated[Format, typer.Option("--format", "-f", help="Output format.")], Format.table),
    "as_json": (Annotated[bool, typer.Option("--json", help="Shortcut for --format json.")], False),
    "no_cache": (Annotated[bool, typer.Option("--no-cache", help="Do not read or write the parse cache.")], False),
    "jobs": (Annotated[int, typer.Option("--jobs", "-j", min=1, help="Worker processes for parsing and stance "
                                         "finding (same output whatever N is).")], 1),
    "max_bytes": (Annotated[Optional[int], typer.Option(
        "--max-bytes", min=1, envvar="DIPCLI_MAX_BYTES", show_default="200 MB",
        help="Refuse input files larger than this many bytes.")], None),
    "encoding": (Annotated[Optional[str], typer.Option(
        "--encoding", metavar="NAME",
        help="Read every input in this encoding (cp1252, latin-1, utf-16, ...) instead of detecting it.")], None),
    "quiet": (Annotated[bool, typer.Option("--quiet", "-q", help="No warnings, notes or progress on stderr "
                                           "(errors still show).")], False),
    "keep_going": (Annotated[bool, typer.Option("--keep-going", help="Exit 0 when some inputs failed but at least "
                                                "one article was analysed (failures still reported on stderr).")],
                   False),
    "aliases": (Annotated[Optional[str], typer.Option("--aliases", metavar="FILE", help="Who is who across "
                "documents: TSV (display name TAB its names) or YAML (display name: [names]).")], None),
    "authors": (Annotated[Optional[str], typer.Option("--authors", metavar="FILE", help="Who speaks in each "
                "document: a CSV, TSV or XLSX table of file (or file-name parts) and speaker.")], None),
    "author_pattern": (Annotated[Optional[str], typer.Option("--author-pattern", metavar="REGEX", help="Who "
                       "speaks in each document: the regex's 'speaker' group in its file name.")], None),
}
SchedulerOpt = Annotated[Optional[str], typer.Option(
    "--scheduler", help="Run on Dask: 'local' or a scheduler address (needs dipcli[dask]).")]

# Where a value came from, best first: typed on the command line, then the environment, then defaults.
_SOURCE_RANK = {"COMMANDLINE": 0, "ENVIRONMENT": 1, "DEFAULT_MAP": 2, "PROMPT": 2, "DEFAULT": 3}


def _shared_params(names=SHARED) -> list[inspect.Parameter]:
    return [inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, annotation=SHARED[name][0],
                              default=SHARED[name][1]) for name in names]


def _flag(name: str) -> str:
    """The long flag of a shared option (``fmt`` -> ``--format``)."""
    info = typing.get_args(SHARED[name][0])[1]
    return next(d for d in (info.default, *(info.param_decls or ())) if isinstance(d, str) and d.startswith("--"))


def _ctx_param(name: str) -> inspect.Parameter:
    return inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, annotation=typer.Context)


def _chain(ctx, name: str) -> list:
    """The contexts that take option ``name``: the command's first, then its parents'."""
    out = []
    while ctx is not None:
        if name in ctx.params:
            out.append(ctx)
        ctx = ctx.parent
    return out


def _value(ctx, name: str) -> Any:
    """The option's value from the context where it was given best (after the command wins)."""
    chain = _chain(ctx, name)
    if not chain:
        return SHARED[name][1]
    best = min(chain, key=lambda c: _SOURCE_RANK.get(getattr(c.get_parameter_source(name), "name", ""), 3))
    return best.params[name]


def usage_error(message: str) -> typer.Exit:
    """A one-line usage error on stderr; raise the result (exit status 2)."""
    from .render import one_line

    sys.stderr.write(f"dipcli: error: {one_line(message)}\n")
    return typer.Exit(ExitCode.USAGE)


def _options(ctx, scheduler: str | None, shared: tuple[str, ...]) -> Options:
    for name in SHARED:
        if name not in shared and _value_given(ctx, name, from_command_line=True):
            raise usage_error(f"{_flag(name)} does not apply to {ctx.command_path.split(' ', 1)[-1]}")
    values = {name: _value(ctx, name) for name in SHARED}
    fmt = Format(values["fmt"]).value
    if values["as_json"]:
        if _value_given(ctx, "fmt") and fmt != "json":
            raise usage_error(f"--json and --format {fmt} contradict each other: give one of them")
        fmt = "json"
    if scheduler and _value_given(ctx, "jobs"):
        raise usage_error("--jobs and --scheduler contradict each other: the Dask cluster's workers do the work")
    encoding = values["encoding"]
    if encoding is not None:
        import codecs

        try:
            encoding = codecs.lookup(encoding).name
        except LookupError:
            raise usage_error(f"--encoding: unknown encoding {encoding!r}") from None
    env = ctx.find_object(Environment) or Environment.detect()
    return Options(fmt=fmt, no_cache=values["no_cache"], jobs=values["jobs"], max_bytes=values["max_bytes"],
                   encoding=encoding, quiet=values["quiet"], keep_going=values["keep_going"], scheduler=scheduler, env=env,
                   ctx=ctx, aliases=values["aliases"], authors=values["authors"],
                   author_pattern=values["author_pattern"])


def _value_given(ctx, name: str, *, from_command_line: bool = False) -> bool:
    sources = ("COMMANDLINE",) if from_command_line else ("COMMANDLINE", "ENVIRONMENT")
    return any(getattr(c.get_parameter_source(name), "name", "") in sources for c in _chain(ctx, name))


def command(name: str | None = None, *, dask: bool = False, on: typer.Typer | None = None,
            shared: tuple[str, ...] = tuple(SHARED)):
    """Register ``fn`` as a command of ``on`` (the top level) with the ``shared`` options (all by
    default; one the command lacks is refused when given before its name) and, with ``dask``,
    ``--scheduler``.

    ``fn`` takes its own parameters plus ``opts: Options``; the shared options'
    values, merged from before and after the command name, arrive there.
    """
    def register(fn):
        own = [p for p in inspect.signature(fn, eval_str=True).parameters.values() if p.name != "opts"]
        extra = [_ctx_param("ctx_"), *_shared_params(shared)]
        if dask:
            extra.append(inspect.Parameter("scheduler", inspect.Parameter.KEYWORD_ONLY, annotation=SchedulerOpt,
                                           default=None))

        @functools.wraps(fn)
        def run_command(*args, **kwargs):
            ctx = kwargs.pop("ctx_")
            for option in shared:
                kwargs.pop(option)
            opts = _options(ctx, kwargs.pop("scheduler", None), shared)
            if (kwargs.get("paths") or []).count("-") > 1:
                raise usage_error("- (standard input) given more than once")
            return fn(*args, opts=opts, **kwargs)

        run_command.__signature__ = inspect.Signature(own + extra)
        run_command.__annotations__ = {}
        (on or app).command(name)(run_command)
        return fn
    return register


def _version(value: bool) -> None:
    if value:
        from . import __version__

        sys.stdout.write(f"dipcli {__version__}\n")
        raise typer.Exit()


def _top_level(ctx_: typer.Context, **shared) -> None:
    """The shared options given before the command name are read by each command from here."""


_top_level.__signature__ = inspect.Signature([
    _ctx_param("ctx_"),
    inspect.Parameter("version", inspect.Parameter.KEYWORD_ONLY, default=False, annotation=Annotated[
        bool, typer.Option("--version", is_eager=True, callback=_version, help="Print the version and exit.")]),
    *_shared_params()])
_top_level.__annotations__ = {}
app.callback()(_top_level)


PathsArg = Annotated[Optional[list[str]], typer.Argument(
    help="Files, folders (read recursively) or - for stdin. Default: standard input when it is a pipe or "
         "a file, else the bundled corpus.", show_default=False)]
SpeakerOpt = Annotated[Optional[str], typer.Option("--speaker", "-s", help="Only claims of this speaker (any name of its identity).")]
LimitOpt = Annotated[Optional[int], typer.Option(
    "--limit", min=0, help="At most N records (0: all). Tables show 500 by default and say how many more there are.")]


def _fields(cls) -> list[str]:
    from .render import field_names

    return field_names(cls)


# -- articles ------------------------------------------------------------------------------

@command()
def articles(paths: PathsArg = None, text: Annotated[bool, typer.Option("--text", help="Include the body text offsets refer to.")] = False,
             limit: LimitOpt = None, *, opts: Options) -> None:
    """List loaded articles: id, title, date, source, place, category, format and counts.

    Example: dipcli articles corpus/ --format json
    """
    from .records import article_record
    from .render import emit
    from .views import articles_table

    run = Run(paths, opts)
    records = (article_record(item, with_text=text) for item in run.items())

    emit(records, run.fmt, table=lambda rows: articles_table(rows, with_text=text), empty_note=run.empty_note("no articles"),
         limit=limit, noun="articles", quiet=opts.quiet)
    run.finish()


# -- claims --------------------------------------------------------------------------------

@command(dask=True)
def claims(paths: PathsArg = None, speaker: SpeakerOpt = None, limit: LimitOpt = None, *, opts: Options) -> None:
    """Segment articles into sentences and attribute each claim to its speaker and corpus identity.

    Example: dipcli claims corpus/ --speaker xi --format jsonl
    """
    from .model import Claim
    from .render import emit
    from .views import claims_table

    run = Run(paths, opts)
    records = run.claims(speaker)

    emit(records, run.fmt, fields=_fields(Claim), table=claims_table, empty_note=run.empty_note("no claims"),
         limit=limit, noun="claims", quiet=opts.quiet)
    run.finish()


# -- speakers ------------------------------------------------------------------------------

@command(dask=True)
def speakers(paths: PathsArg = None,
             top: Annotated[Optional[int], typer.Option("--top", "-n", min=0, help="Only the N speakers with most claims (0: all; tables show 50 by default).")] = None,
             min_claims: Annotated[int, typer.Option("--min-claims", min=1, help="Only speakers with at least N claims.")] = 1,
             *, opts: Options) -> None:
    """Each speaker (a corpus identity: all names of one person) with kind, aliases, claims and cues.

    Example: dipcli speakers corpus/ --format csv
    """
    from .model import Speaker
    from .render import emit
    from .speakers import by_identity, ranked
    from .views import speakers_table

    run = Run(paths, opts)
    shown, note = ranked(by_identity(run.items(), aliases=run.aliases()), top=run.top(top), min_claims=min_claims)

    emit(shown, run.fmt, fields=_fields(Speaker), table=lambda rows: speakers_table(rows, caption=note),
         empty_note=run.empty_note("no speakers"), limit=0)
    run.finish()


# -- who-said ------------------------------------------------------------------------------

@command("who-said")
def who_said(query: Annotated[str, typer.Argument(help="Words or a quoted phrase.")],
             paths: PathsArg = None, speaker: SpeakerOpt = None,
             top: Annotated[int, typer.Option("--top", "-n", min=0, help="How many claims (0: all).")] = 10,
             *, opts: Options) -> None:
    """Rank claims by relevance to QUERY, best first, with speaker, score and offsets.

    Example: dipcli who-said "unilateral sanctions" --top 3
    """
    from .corpus import speaker_filter
    from .identities import registry_of
    from .records import hit_record
    from .render import emit
    from .search import search
    from .views import hits_table

    run = Run(paths, opts)
    items = run.all_items()
    hits = search(items, query, speaker=speaker_filter(speaker, registry_of(items, aliases=run.aliases(), label=True)),
                  top=top)
    texts = {item.article.doc: item.article.text for item in items}

    if run.fmt == "table":
        emit(hits, "table", table=lambda rows: hits_table(rows, query=query, texts=texts), empty_note=run.empty_note(f"no claim matches {query!r}"))
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


@command(dask=True)
def keywords(paths: PathsArg = None,
             by: Annotated[By, typer.Option("--by", help="Group claims by speaker, by document, or not at all.")] = By.speaker,
             top: Annotated[int, typer.Option("--top", "-n", min=1, help="Terms per group.")] = 10,
             method: Annotated[KeywordMethod, typer.Option("--method", "-m", help="Scoring.")] = KeywordMethod.logodds,
             groups: Annotated[Optional[int], typer.Option("--groups", min=0, help="Only the N largest groups (0: all; tables show 50 by default).")] = None,
             min_claims: Annotated[int, typer.Option("--min-claims", min=1, help="Only groups with at least N claims.")] = 1,
             *, opts: Options) -> None:
    """The words and phrases that set each speaker (or document) apart from the rest.

    Default scoring: weighted log-odds with an informative Dirichlet prior
    (Monroe, Colaresi & Quinn's "Fightin' Words"), with z-scores. Groups come
    largest first; a speaker is a corpus identity (all the names of one person).

    Example: dipcli keywords corpus/ --by speaker --top 5
    """
    from .keywords import count_groups, rank_counts
    from .model import Keyword
    from .render import emit
    from .views import keywords_table

    run = Run(paths, opts)
    items = run.labelled()[1] if by == By.speaker else run.items()
    if run.scheduler:
        from .distributed import count_groups_dask

        # the cluster that parses also counts: no claim text is gathered here
        counts = count_groups_dask(items, run.dask_client(), by=by.value)
    else:
        counts = count_groups(items, by=by.value)
    rows, warnings = rank_counts(counts, by=by.value, top=top, method=method.value, max_groups=run.top(groups),
                                 min_size=min_claims) if run.loaded else ([], [])
    for w in warnings:
        run.note(f"warning: {w}", "yellow")
    listed = len({k.group for k in rows})
    if run.loaded and counts.groups and listed < len(counts.groups) and run.fmt == "table":
        run.note(f"{len(counts.groups) - listed:,} more groups not shown (--groups, --min-claims)")

    emit(rows, run.fmt, fields=_fields(Keyword),
         table=lambda rows: keywords_table(rows, by=by.value, method=method.value), empty_note=run.empty_note("no keywords"))
    run.finish()


# -- stance --------------------------------------------------------------------------------

@command(dask=True)
def stance(paths: PathsArg = None, speaker: SpeakerOpt = None,
           target: Annotated[Optional[str], typer.Option("--target", "-t", help="Only stances whose target or entities contain TEXT.")] = None,
           matrix: Annotated[bool, typer.Option("--matrix", help="Holder x target table of support/oppose counts.")] = False,
           by_entity: Annotated[bool, typer.Option("--by-entity", help="With --matrix: rows are named entities, not target phrases.")] = False,
           pairs: Annotated[bool, typer.Option("--pairs", help="Who supports or opposes whom: holder -> entity with counts and evidence offsets.")] = False,
           top: Annotated[Optional[int], typer.Option("--top", "-n", min=0, help="With --matrix: only the N targets (or entities) with most stances (0: all; tables show 50 by default, and as many holders as fit).")] = None,
           limit: LimitOpt = None, *, opts: Options) -> None:
    """Stance acts: who supports or opposes what, with the holder, cue, intensity, target and evidence offsets.

    Example: dipcli stance corpus/ --pairs
    """
    from .corpus import holders_of
    from .model import Stance, speaker_matches
    from .render import emit
    from .stance import stance_matrix, stance_pairs
    from .views import matrix_table, pairs_table, stances_table, top_rows

    if by_entity and not matrix:
        raise usage_error("--by-entity needs --matrix (it chooses the matrix's rows)")
    run = Run(paths, opts)
    found = run.identified(lambda entries: (st for _, acts in entries for st in acts
                                            if not target or _target_matches(st, target)),
                           stances=True, speaker=speaker, or_also=lambda st: speaker_matches(st.holder, speaker))
    if pairs:
        emit(stance_pairs(found), run.fmt, fields=["holder", "holder_kind", "entity", "entity_kind", "support",
                                                   "oppose", "net", "cell", "evidence"],
             table=pairs_table, empty_note=run.empty_note("no stances about named entities"))
    elif matrix:
        key, top = "entity" if by_entity else "target", run.top(top)
        rows = stance_matrix(found, by=key, holder_of=holders_of(run.registry))
        rows = top_rows(rows, key, top) if top and run.fmt != "table" else rows
        emit(rows, run.fmt, fields=["holder", key, "support", "oppose", "net", "cell"],
             table=lambda rows: matrix_table(rows, key, top=top), empty_note=run.empty_note("no stances"), limit=0)
    else:
        emit(found, run.fmt, fields=_fields(Stance), table=stances_table, empty_note=run.empty_note("no stances"),
             limit=limit, noun="stance acts", quiet=opts.quiet)
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


@command(dask=True)
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
           *, opts: Options) -> None:
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
    from .render import emit
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
    run = Run(paths, opts)
    options = dict(k=k_value, k_range=k_bounds, method=method.value, top_terms=top_terms, random_state=seed,
                   speakers=speakers, min_claims=min_claims,
                   progress=run.progress)
    if stream or run.scheduler:
        from .topics_stream import stream_topics, topics_on_dask

        options["examples"] = run.fmt == "table" and by == TopicView.topic
        if run.scheduler:
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
            run.note(f"{info['units']} units of up to {info['run_length']} consecutive claim(s) of one "
                      f"article; {info['unassigned']} of {info['claims']} claims unassigned (no modelled term)")
            run.note(f"k = {info['k']}: {info['reason']}")
            if len(info["candidates"]) > 1:
                run.note("k tried (mean coherence): " + ", ".join(
                    f"{c['k']}: {c['coherence']:.3f}{'*' if c['chosen'] else ''}" for c in info["candidates"])
                    + " (--by k for the table)")
        for w in info["warnings"]:
            run.note(f"warning: {w}", "yellow")

    if by == TopicView.doc:
        emit(documents, run.fmt, fields=_fields(TopicDoc), table=topic_docs_table, empty_note=run.empty_note("no topics"))
    elif by == TopicView.k:
        emit(info.get("candidates", []), run.fmt, fields=["k", "coherence", "se", "explained", "competes", "chosen", "within_noise"],
             table=topic_k_table, empty_note=run.empty_note("no topics"))
    elif by == TopicView.model:
        emit([info] if info else [], run.fmt, fields=list(info) if info else None, table=topic_model_table,
             empty_note=run.empty_note("no topics"))
    else:
        emit(found, run.fmt, fields=_fields(Topic), table=lambda rows: topics_table(rows, examples),
             empty_note=run.empty_note("no topics"))
    run.finish()


# -- report --------------------------------------------------------------------------------

class StanceBy(str, Enum):
    entity = "entity"
    target = "target"


@command(shared=("no_cache", "jobs", "max_bytes", "encoding", "quiet", "keep_going", "aliases", "authors",
                 "author_pattern"))
def report(paths: PathsArg = None,
           output: Annotated[str, typer.Option("--output", "-o", help="The HTML file to write, or - for standard output.")] = "report.html",
           full_text: Annotated[int, typer.Option("--full-text", min=0, help="Show the full annotated text of the first N articles (and at most 1 M characters of text); the others are listed with their counts.")] = 100,
           stance_by: Annotated[StanceBy, typer.Option("--stance-by", help="Columns of the stance map: named entities or target phrases.")] = StanceBy.entity,
           *, opts: Options) -> None:
    """One self-contained HTML page to open offline: annotated text, speakers, stance map, topics, keywords, search.

    The page loads nothing from any network (inline CSS, SVG and script). It is
    HTML, so --format does not apply.

    Example: dipcli report corpus/ -o report.html
    """
    from .html_report import report as build
    from .render import check_output_path, safe_text, stderr_console, write_document

    run = Run(paths, opts)
    try:
        check_output_path(output)  # before the work, not after it
    except DipError as e:
        run.error(e)
        raise typer.Exit(ExitCode.INPUT) from None
    analysed = list(run.items(stances=True))
    if analysed:
        page = build([item for item, _ in analysed], [st for _, acts in analysed for st in acts],
                     full_text=full_text, stance_by=stance_by.value, progress=run.progress, aliases=run.aliases())
        try:
            size = write_document(page, output)
        except DipError as e:
            run.error(e)
            raise typer.Exit(ExitCode.INPUT) from None
        if output != "-" and not opts.quiet:
            stderr_console().print(f"wrote {safe_text(output)} ({size / 1e6:.2f} MB, {len(analysed):,} "
                                   f"article{'s' if len(analysed) != 1 else ''})", highlight=False)
    run.finish()


# -- kwic ----------------------------------------------------------------------------------

@command()
def kwic(term: Annotated[str, typer.Argument(help="A word or phrase.")], paths: PathsArg = None,
         window: Annotated[int, typer.Option("--window", "-w", min=1, help="Characters of context each side.")] = 40,
         speaker: SpeakerOpt = None, limit: LimitOpt = None, *, opts: Options) -> None:
    """Keyword in context: every occurrence of TERM, aligned, with its speaker.

    Example: dipcli kwic sanctions --window 30
    """
    from .kwic import kwic as find
    from .model import KwicHit
    from .render import emit
    from .views import kwic_table

    run = Run(paths, opts)
    hits = run.identified(lambda items: find(items, term, window=window), speaker=speaker)

    emit(hits, run.fmt, fields=_fields(KwicHit), table=lambda rows: kwic_table(rows, term=term, window=window),
         empty_note=run.empty_note(f"no occurrence of {term!r}"), limit=limit, noun="occurrences", quiet=opts.quiet)
    run.finish()


# -- summary -------------------------------------------------------------------------------

@command()
def summary(paths: PathsArg = None,
            top: Annotated[int, typer.Option("--top", "-n", min=1, help="Keywords per speaker.")] = 5,
            claims: Annotated[Optional[str], typer.Option(
                "--claims", click_type=click.Choice(["informative", "all"]),
                help="Every claim, or the most informative claims of the leading speakers "
                     "(default: all for one article, informative for several).")] = None,
            *, opts: Options) -> None:
    """The main job. One article: its metadata, speakers and claims, then keywords, stances and topics.
    Several: the corpus as a whole (totals, leading speakers, their keywords, the stance matrix by
    entity, topics and each leading speaker's most informative claims).

    Example: dipcli summary corpus/ --format json
    """
    from .summary import FirstReading, summarise

    run = Run(paths, opts)
    first = FirstReading()
    corpus = run.corpus(stances=True, on_entry=first.add)
    if run.loaded:
        every = claims == "all" or (claims is None and run.loaded == 1)
        summarise(corpus, first, fmt=run.fmt, top=top, every_claim=every, progress=run.progress)
    run.finish()


# -- schema --------------------------------------------------------------------------------

SchemaName = Enum("SchemaName", {name.replace("-", "_"): name for name in SCHEMAS}, type=str)


@app.command()
def schema(name: Annotated[SchemaName, typer.Argument(
        metavar="COMMAND", help="The command whose records to describe (stance-matrix: stance --matrix).")]) -> None:
    """Print the JSON Schema (draft 2020-12) of a command's records, as shipped with dipcli.

    JSON, JSON Lines and CSV carry the same records (CSV: lists and objects as JSON text).

    Example: dipcli schema claims > claims.schema.json
    """
    from .schema import SCHEMA_DIR

    sys.stdout.write((SCHEMA_DIR / f"{name.value}.json").read_text(encoding="utf-8"))


# -- cache ---------------------------------------------------------------------------------

cache_app = typer.Typer(name="cache", help="The parse cache: where it is, how big, and clearing it.",
                        no_args_is_help=True, add_completion=False, rich_markup_mode=None)
app.add_typer(cache_app)


@command("info", on=cache_app, shared=("fmt", "as_json"))
def cache_info(*, opts: Options) -> None:
    """Where the parse cache is, how many entries it holds (this version's and stale ones'),
    their size on disk and the bound (DIPCLI_CACHE_MAX_SIZE, default 500M; 0 turns it off).

    Example: dipcli cache info --json
    """
    from .cache import info
    from .render import emit, print_table

    rec = info()
    emit([rec], opts.fmt, fields=list(rec), table=lambda rows: print_table(
        "Parse cache", [("what", {"style": "bold"}), ("value", {})],
        [["path", rec["path"]], ["generation", rec["generation"]],
         ["entries", f"{rec['entries']} ({_size(rec['bytes'])})"],
         ["stale entries", f"{rec['stale_entries']} ({_size(rec['stale_bytes'])})"],
         ["bound", _size(rec["max_bytes"]) if rec["max_bytes"] else "0 (cache off)"]]))


@command("clear", on=cache_app, shared=("quiet",))
def cache_clear(*, opts: Options) -> None:
    """Remove every entry of the parse cache (all versions'); says how many on stderr.

    Example: dipcli cache clear
    """
    from .cache import cache_dir, clear

    n, size = clear()
    if not opts.quiet:
        sys.stderr.write(f"dipcli: removed {n} cache entries ({_size(size)}) from {cache_dir()}\n")


def _size(n: int) -> str:
    for unit in ("bytes", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n} {unit}" if unit == "bytes" else f"{n:.1f} {unit}"
        n /= 1024
    return str(n)


def main() -> None:
    """Console entry point: usage errors exit 2, interrupts 130, a closed pipe quietly."""
    import gc

    # A run makes millions of small, long-lived records; the default thresholds
    # rescan them over and over (25-50 % of the time on big inputs).
    gc.set_threshold(100_000, 50, 100)
    try:
        app(obj=Environment.detect())
    except KeyboardInterrupt:
        sys.stderr.write("dipcli: interrupted\n")
        sys.exit(ExitCode.INTERRUPTED)
    except BrokenPipeError:
        import os

        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(ExitCode.INPUT)
    except DipError as err:
        from .render import one_line

        sys.stderr.write(f"dipcli: error: {one_line(err)}\n")
        sys.exit(ExitCode.INPUT)
    except Exception as err:
        if not type(err).__module__.startswith(("distributed", "dask")):
            raise
        # a worker died (KilledWorker) or the cluster went away mid-run: say so on one line
        from .render import one_line

        sys.stderr.write(f"dipcli: error: the Dask cluster failed: {type(err).__name__}: {one_line(err)}\n")
        sys.exit(ExitCode.INPUT)
