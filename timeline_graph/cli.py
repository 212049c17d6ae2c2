"""The ``timeline-graph`` command: a thin shell over the library.

Each command opens its inputs, makes one library call, and prints the result. Exit codes:
0 success, 1 the command ran but found problems (files skipped, a validation failure),
2 it could not run (bad arguments, a missing or malformed case).
"""

from __future__ import annotations

import json
import sys
import time
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn, cast

import click

from . import __version__
from .errors import TimelineGraphError
from .export import FORMATS
from .model import DECISION_ACTIONS, ENTITY_KINDS

if TYPE_CHECKING:
    import networkx as nx

    from .case import Case
    from .model import DecisionAction

EXAMPLE_CASE = Path(__file__).parent / "examples" / "doorbell-footage"
#: What ``demo`` writes to exports/: every format of the export registry.
EXPORT_FORMATS = tuple(FORMATS)


def _fail(message: str, code: int = 2) -> NoReturn:
    click.echo(f"error: {message}", err=True)
    sys.exit(code)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="timeline-graph")
def main() -> None:
    """Turn a folder of documents into a cited timeline and provenance knowledge graph.

    \b
    Quick start:
      timeline-graph demo                      build the bundled example, export it, open the app
      timeline-graph build my-case/            make a case of a folder of documents (.txt .md .html
                                               .pdf .docx .eml .mbox .warc .warc.gz)
      timeline-graph export my-case/ --format ttl --out case.ttl
      timeline-graph app my-case/              explore the timeline in the browser
      timeline-graph search my-case/ WORDS     find words in documents, claims, events, entities
      timeline-graph query my-case/ --example first-said --set words=footage   (SPARQL)
      timeline-graph serve my-case/            a SPARQL endpoint on http://127.0.0.1:7878/query
    """


def _build(folder: Path, *, quiet: bool = False, pipeline: str | None = None, jobs: int | None = None,
           cluster: str | None = None) -> int:
    """Build a case with a progress bar; print skipped files; return the exit code."""
    from .case import Case
    from .ingest import SUPPORTED_SUFFIXES

    case = Case.open(folder, create=True)
    total = len(case.document_paths())
    if total == 0:
        _fail(f"{folder}: no documents found (looked for {', '.join(case.settings.documents)}; "
              f"supported: {' '.join(sorted(SUPPORTED_SUFFIXES))})")
    started = time.monotonic()
    with click.progressbar(length=total, label=f"Building {case.settings.title}", file=sys.stderr,
                           item_show_func=lambda line: line or "", show_pos=True, show_eta=True,
                           hidden=quiet) as bar:
        last = [0, 0]  # documents done, of which taken from the cache

        def progress(done: int, _total: int, name: str) -> None:
            if not name:  # the files whose extraction is cached are done at once
                last[1] = done
            rate = (done - last[1]) / max(time.monotonic() - started, 1e-9)
            bar.update(done - last[0], f"{rate:.1f} documents/s  {name}" if name else "")
            last[0] = done

        report = case.build(progress=progress, nlp=pipeline, jobs=jobs, cluster=cluster)
    for problem in report.problems:
        click.echo(f"skipped: {problem}", err=True)
    for note in report.notes:
        click.echo(f"note: {note}", err=True)
    G = case.load_graph(store=True)  # reads after the build load the curated graph whole
    _keep_opening(case, G)
    for line in case.skipped_decisions:
        click.echo(f"not applied: {line}", err=True)
    counts = {kind: sum(1 for _, k in G.nodes(data="kind") if k == kind)
              for kind in ("event", "claim", "entity", "citation", "conflict")}
    redated = f"; {report.redated} extracted again against a date another document gives" if report.redated else ""
    click.echo(
        f"{case.settings.title}: {len(report.documents)} documents "
        f"({report.extracted - report.redated} extracted, {report.reused} reused{redated}), "
        f"{counts['event']} events, {counts['claim']} claims, {counts['entity']} entities, "
        f"{counts['citation']} citations, {counts['conflict']} conflicts"
        + _skipped(report.problems)
    )
    return 0 if report.ok else 1


def _keep_opening(case: Case, G: nx.MultiDiGraph) -> None:
    """Keep what the app's first page shows in the case's cache: the app draws it from there
    at once, without loading a large case first (see :mod:`timeline_graph.app.opening`)."""
    from .app import opening

    opening.store(case, opening.of_graph(G))


def _skipped(problems: list[str]) -> str:
    """How many files, and how many documents inside files (a message of a mailbox, a page of a
    web archive, an attachment: named ``file#part``), the build skipped."""
    parts = sum(1 for line in problems if "#" in line.split(": ", 1)[0])
    said = [f"{len(problems) - parts} file(s)"] if len(problems) > parts else []
    said += [f"{parts} document(s) inside files"] if parts else []
    return f"; {' and '.join(said)} skipped" if said else ""


@main.command()
@click.argument("folder", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
@click.option("--nlp", "pipeline", metavar="NAME_OR_PATH", default=None,
              help="Read the documents with another installed spaCy pipeline (a package name or a "
                   "folder) instead of the case file's 'nlp' setting or the shipped one.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None, metavar="N",
              help="Processes that extract documents at once (default: every core, for builds of "
                   "16 documents or more). The result is the same for any N.")
@click.option("--cluster", metavar="tcp://HOST:PORT", default=None,
              help="Extract the documents on the workers of this Dask distributed scheduler (with "
                   "timeline-graph[cluster] installed on every worker); resolution runs here. "
                   "The result is the same as a local build's.")
def build(folder: Path, quiet: bool, pipeline: str | None, jobs: int | None, cluster: str | None) -> None:
    """Ingest and extract every document of FOLDER into a case (incremental on re-run).

    A folder without a case.yaml gets one with default settings. Unreadable files are reported
    one line each and skipped (exit 1); the rest of the batch is built. Documents are read
    with the package's own English pipeline unless --nlp or the case file's 'nlp' names another.

    Files larger than 20 MB are skipped too; raise the limit with a line such as
    'max_file_mb: 50' in the case.yaml. A file builds in time linear in its size. A
    mailbox or web archive is read one message or page at a time, whatever its size: the limit
    bounds each message and page.
    """
    try:
        sys.exit(_build(folder, quiet=quiet, pipeline=pipeline, jobs=jobs, cluster=cluster))
    except TimelineGraphError as err:
        _fail(str(err))


def _read(case: Path) -> nx.MultiDiGraph:
    """The graph of a built case folder or a graph JSON file; for a folder whose files were
    edited, added or deleted since its build, one line on stderr says so."""
    from .case import Case, load_graph

    if not case.is_dir():
        return load_graph(case)
    _warn_if_stale(case)
    return Case.open(case).load_graph()


def _warn_if_stale(case: Path) -> None:
    """One line on stderr when files of a case folder changed since its last build."""
    from .case import Case

    if case.is_dir():
        changes = Case.open(case).changes()
        if changes:
            click.echo(f"warning: {changes.summary()}; this answer is from that build "
                       f"(run 'timeline-graph build {case}' to update it)", err=True)


def _export(case: Path, fmt: str, out: Path) -> Path:
    from .export import export as write_export

    return write_export(_read(case), fmt, out)


def _existing_folder(out: Path) -> None:
    """Fail unless the folder to write ``out`` in exists: a mistyped path should not make folders."""
    if not out.parent.is_dir():
        _fail(f"{out}: there is no folder {out.parent} to write it in; create it first")


@main.command()
@click.argument("case", type=click.Path(exists=True, path_type=Path))
@click.option("--format", "-f", "fmt", type=click.Choice(list(FORMATS)), required=True,
              help="; ".join(f"{e.name}: {e.description}" for e in FORMATS.values()) + ".")
@click.option("--out", "-o", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="File to write (replaced atomically); its folder must exist.")
def export(case: Path, fmt: str, out: Path) -> None:
    """Export a built CASE (a case folder) to a file. Byte-identical on re-run."""
    _existing_folder(out)
    try:
        path = _export(case, fmt, out)
    except TimelineGraphError as err:
        _fail(str(err))
    click.echo(f"wrote {path}")


@main.command()
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
def validate(file: Path) -> None:
    """Check an RDF export FILE (.ttl .trig .nt .nq .jsonld) against the SHACL shapes.

    Prints one line per problem and a summary. Exit 0 conforms, 1 does not, 2 could not run.
    """
    from .export.shacl import validate_file

    if not file.is_file():
        _fail(f"{file}: no such file")
    try:
        result = validate_file(file)
    except TimelineGraphError as err:
        _fail(str(err))
    click.echo(result.report())
    sys.exit(0 if result.conforms else 1)


@main.command("import")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--out", "-o", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="Graph JSON file to write (replaced atomically); `app` and `export` read it.")
def import_(file: Path, out: Path) -> None:
    """Read an RDF export FILE (.ttl .trig .nt .nq .jsonld) back into a case's graph JSON.

    Nothing is lost: exporting the result again gives the same RDF.
    """
    from .export import export as write_export
    from .export.rdfimport import read_rdf_graph

    if not file.is_file():
        _fail(f"{file}: no such file")
    _existing_folder(out)
    try:
        path = write_export(read_rdf_graph(file), "json", out)
    except TimelineGraphError as err:
        _fail(str(err))
    click.echo(f"wrote {path}")


def _serve(case: Path, port: int | None, address: str) -> None:
    from .app import exposure_warning, run_app

    warning = exposure_warning(address, port or 8501)
    if warning:
        click.echo(warning, err=True)
    click.echo(f"serving {case} at http://{address}:{port or 8501} (Ctrl+C to stop)", err=True)
    code = run_app(case, port=port, address=address)
    if code:
        _fail(f"the app's server stopped with exit code {code}", 2)


@main.command()
@click.argument("case")
@click.option("--port", type=int, default=8501, show_default=True)
@click.option("--address", default="127.0.0.1", show_default=True,
              help="Address to listen on. Any address but loopback lets other machines read the case "
                   "(the app has no login), and prints a warning.")
def app(case: str, port: int, address: str) -> None:
    """Serve the timeline app for a built CASE: a case folder, a graph JSON export, or the URL of
    a SPARQL endpoint the case was published or served to (read once, at start)."""
    from .remote import is_endpoint, read_endpoint

    try:
        if is_endpoint(case):
            path = _remote_copy(case, read_endpoint(case))
        else:
            path = Path(case)
            if not path.exists():
                _fail(f"{case}: no such case folder or file")
            _read(path)  # fail here, in the terminal, rather than in the browser
    except TimelineGraphError as err:
        _fail(str(err))
    _serve(path, port, address)


def _remote_copy(url: str, G: nx.MultiDiGraph) -> Path:
    """A graph JSON copy of a case read from an endpoint, in the user's cache, for the app to open."""
    import hashlib
    import os

    from .export import export as write_export

    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "timeline-graph" / "endpoints"
    cache.mkdir(parents=True, exist_ok=True)
    path = cache / f"{hashlib.sha256(url.encode('utf-8')).hexdigest()[:16]}.json"
    click.echo(f"read {sum(1 for _ in G.nodes)} records from {url}", err=True)
    return write_export(G, "json", path)


@main.command()
@click.option("--no-app", is_flag=True, help="Stop after writing the exports.")
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=Path("exports"),
              show_default=True, help="Folder for the exports.")
@click.option("--port", type=int, default=8501, show_default=True)
def demo(no_app: bool, out: Path, port: int) -> None:
    """Build the bundled example case, write its exports to OUT, and serve the app."""
    try:
        code = _build(EXAMPLE_CASE)
        if code:
            _fail("the example case did not build cleanly", code)
        for fmt in EXPORT_FORMATS:
            path = _export(EXAMPLE_CASE, fmt, out / f"{EXAMPLE_CASE.name}{FORMATS[fmt].suffix}")
            click.echo(f"wrote {path}")
    except TimelineGraphError as err:
        _fail(str(err))
    if not no_app:
        _serve(EXAMPLE_CASE, port, "127.0.0.1")


@main.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--dct", help="Document creation date YYYY-MM-DD that relative expressions resolve against.")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list (the default is a table).")
def dates(file: Path, dct: str | None, as_json: bool) -> None:
    """Print every time expression in FILE with its TIMEX3 value and EDTF bounds."""
    from .extract.dating import infer_date
    from .extract.times import find_times
    from .ingest import read_document

    notes: list[str] = []
    try:
        document = read_document(file, source=str(file), notes=notes)
    except TimelineGraphError as err:
        _fail(str(err))
    for note in notes:
        click.echo(f"note: {note}", err=True)
    origin: str | None = None
    if dct:
        try:
            anchor: date | None = date.fromisoformat(dct)
        except ValueError:
            _fail(f"--dct {dct!r}: not a date in the form YYYY-MM-DD")
        click.echo(f"resolving against --dct {anchor}", err=True)
    else:
        dated = infer_date(document)
        anchor = dated.day if dated else None
        if dated is not None and anchor is not None:
            origin = dated.describe() if dated.inferred else None
            lead = "the document states no date; " if dated.inferred else ""
            click.echo(f"{lead}resolving against the document date {anchor} ({dated.describe()})", err=True)
        else:
            click.echo("the document states no date and none can be inferred (no dateline, no full date "
                       "in the text): relative expressions are left unresolved", err=True)
    rows = [
        {
            "start": t.start, "end": t.end, "text": t.text, "type": t.type, "value": t.value,
            "edtf": t.time.edtf if t.time else None,
            "earliest": t.time.earliest.isoformat() if t.time and t.time.earliest else None,
            "latest": t.time.latest.isoformat() if t.time and t.time.latest else None,
        }
        for t in find_times(document.text, anchor, dct_origin=origin)
    ]
    if as_json:
        click.echo(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    for row in rows:
        click.echo(f"{row['start']:>6}-{row['end']:<6} {row['type']:<8} {row['value']:<14} "
                   f"{row['edtf'] or '-':<24} {row['text']}")


@main.command()
@click.argument("case", type=click.Path(exists=True, path_type=Path))
@click.option("--ids", is_flag=True, help="Show each event's id (for 'decide').")
@click.option("--key-dates", "key_dates", type=click.IntRange(min=1), metavar="N",
              help="Only the N days that matter most, most important first, each with its events.")
@click.option("--from", "start", metavar="DATE", help="With --key-dates: days from DATE (EDTF: 2020, 2020-06, 2020-06-16).")
@click.option("--to", "end", metavar="DATE", help="With --key-dates: days up to DATE, inclusive (EDTF).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON (with --key-dates: a list of days).")
def timeline(case: Path, ids: bool, key_dates: int | None, start: str | None, end: str | None,
             as_json: bool) -> None:
    """Print the events of a built CASE in time order, each with its sources, or its key dates."""
    try:
        G = _read(case)
        if key_dates:
            _print_key_dates(G, key_dates, _bound(start, "earliest"), _bound(end, "latest"), as_json)
        else:
            _print_timeline(G, ids, as_json)
    except TimelineGraphError as err:
        _fail(str(err))


def _bound(value: str | None, side: str) -> date | None:
    """The first or last day of an EDTF date given on the command line."""
    from .model import TimeValue

    if value is None:
        return None
    try:
        day = getattr(TimeValue.from_edtf(value), side)
    except ValueError:
        day = None
    if day is None:
        _fail(f"not a date: {value!r} (give one as 2020, 2020-06 or 2020-06-16)")
    return day


def _print_key_dates(G: nx.MultiDiGraph, n: int, start: date | None, end: date | None, as_json: bool) -> None:
    from .keydates import key_dates, to_json

    found = key_dates(G, n, start=start, end=end)
    if as_json:
        click.echo(json.dumps(to_json(found), ensure_ascii=False, indent=1))
        return
    for k in found:
        click.echo(f"{k.day.isoformat()}  {k.importance:6.2f}  {k.summary}")


def _print_timeline(G: nx.MultiDiGraph, ids: bool, as_json: bool) -> None:
    from .codec import to_dict
    from .curate import DONE
    from .graph import decisions_about, record
    from .timeline import timeline as rows_of

    rows = rows_of(G)
    if as_json:
        click.echo(json.dumps([{"when": r.when, "event": to_dict(r.event)} for r in rows], ensure_ascii=False, indent=1))
        return
    lines = []
    for row in rows:
        sources = ", ".join(record(G, d).label for d in row.documents)
        flag = "  [conflict]" if row.conflicts else ""
        flag += "".join(f"  [{DONE[d.action]} by {d.agent}]" for d in decisions_about(G, row.event.id))
        shown = f"{row.event.id}  " if ids else ""
        lines.append(f"{row.when:<32} {shown}{row.event.label}{flag}\n{'':<32} ({sources})")
    if lines:  # one write: an echo per row took a tenth of the command on a large case
        click.echo("\n".join(lines))


@main.command("trace")
@click.argument("case", type=click.Path(exists=True, path_type=Path))
@click.argument("query")
def trace_command(case: Path, query: str) -> None:
    """Trace the claims of a built CASE matching QUERY: who said it first, who repeated it.

    Every appearance of each matching claim cluster is printed in time order (report date,
    and the date of the events its passage reports), with who said it and whom the document
    cites. Exit 1 when no claim matches.
    """
    from .graph import record
    from .timeline import describe_time
    from .trace import marked_passage
    from .trace import trace as trace_claims

    try:
        G = _read(case)
    except TimelineGraphError as err:
        _fail(str(err))
    traces = trace_claims(G, query)
    if not traces:
        click.echo(f"no claim matches {query!r}")
        sys.exit(1)
    click.echo("(in each passage: {who says it} [the cue] «what is said»)")
    for found in traces:
        click.echo(f"{found.text[:100]!r}: {len(found.appearances)} appearance(s)")
        for number, a in enumerate(found.appearances, start=1):
            mark = "first" if a.first else "repeats"
            where = a.document.label_at(a.claim.span.start)
            click.echo(f"  {number}. reported {describe_time(a.reported)}, {where} ({mark})")
            said = (f"credited to: {'; '.join(d.label for d in a.credited)} (of the case)" if a.credited
                    else f"said by: {a.claimant or 'the document itself'}")
            click.echo(f"     {said}" + (f"; verb: {a.claim.verb}" if a.claim.verb else ""))
            if a.event_time:
                click.echo(f"     event time: {describe_time(a.event_time)}")
            if a.cites:
                click.echo(f"     cites: {'; '.join(a.cites)}")
            words = marked_passage(a.document, a.claim)
            click.echo(f"     {words if len(words) <= 400 else words[:399] + '…'}")
            if a.claim.parent and a.claim.parent in G:
                outer = record(G, a.claim.parent)
                click.echo(f"     reported within: {outer.claimant_name or 'the document'}'s claim "
                           f"\"{' '.join(outer.text.split())[:100]}\"")


@main.command("conflicts")
@click.argument("case", type=click.Path(exists=True, path_type=Path))
def conflicts_command(case: Path) -> None:
    """List the conflicts of a built CASE: dates, attributions and figures that disagree."""
    from .curate import DONE
    from .graph import decisions_about, record
    from .trace import conflict_list

    try:
        G = _read(case)
    except TimelineGraphError as err:
        _fail(str(err))
    found = conflict_list(G)
    if not found:
        click.echo("no conflicts")
    for conflict in found:
        click.echo(f"[{conflict.kind}] {conflict.id}  {' '.join(conflict.explanation.split())}")
        for span in conflict.spans:
            label = record(G, span.document).label_at(span.start) if span.document in G else span.document
            click.echo(f"    {label}: \"{' '.join(span.exact.split())[:140]}\"")
        for d in decisions_about(G, conflict.id):
            click.echo(f"    {DONE[d.action]} by {d.agent} ({d.at})" + (f": {d.reason}" if d.reason else ""))


# ---------------------------------------------------------------------------------------------
# SPARQL and full-text search


@main.command("query")
@click.argument("case", type=click.Path(exists=True, path_type=Path))
@click.argument("sparql", required=False)
@click.option("--file", "query_file", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Read the query from this file (.rq) instead.")
@click.option("--example", metavar="NAME", help="Run one of the example queries (--list-examples shows them).")
@click.option("--list-examples", is_flag=True, help="Print the example queries and exit.")
@click.option("--set", "settings", metavar="NAME=VALUE", multiple=True,
              help="Set a query's parameter: the literal of its 'VALUES ?NAME { \"...\" }' line (repeatable).")
@click.option("--format", "-f", "fmt", type=click.Choice(["table", "csv", "tsv", "json", "xml", "ttl", "nt"]),
              help="SELECT: table (default), csv, tsv, json, xml; ASK: table, json, xml; "
                   "CONSTRUCT and DESCRIBE: ttl (default), nt.")
@click.option("--no-union", is_flag=True,
              help="Match plain patterns in the default graph only (by default it is the union of every graph).")
def query_command(case: Path, sparql: str | None, query_file: Path | None, example: str | None,
                  list_examples: bool, settings: tuple[str, ...], fmt: str | None, no_union: bool) -> None:
    """Answer a SPARQL query (SELECT, ASK, CONSTRUCT, DESCRIBE) over a built CASE.

    The case's RDF is kept in an embedded store in its cache, brought up to date with the
    last build and decisions before the query runs. The prefixes tg:, prov:, schema:,
    dcterms:, oa:, time:, rdfs:, xsd: and ':' (the case's own IRIs) need no PREFIX line, and
    plain patterns see every document's claims and reports (GRAPH ?g names the document).

    \b
    Examples:
      timeline-graph query my-case/ 'SELECT (COUNT(*) AS ?n) WHERE { ?c a tg:Claim }'
      timeline-graph query my-case/ --example first-said --set words=footage
      timeline-graph query my-case/ --example events-between --set from=2020-06-01 --set to=2020-06-30
      timeline-graph query my-case/ --file q.rq --format csv > answer.csv
    """
    from .store import bind, examples, open_store

    if list_examples:
        for name, text in examples().items():
            click.echo(f"== {name}\n{text}")
        return
    given = [s for s in (sparql, query_file, example) if s is not None]
    if len(given) != 1:
        _fail("give exactly one query: as an argument, with --file, or with --example")
    if query_file is not None:
        try:
            sparql = query_file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as err:
            _fail(f"{query_file}: cannot read the query ({err})")
    elif example is not None:
        known = examples()
        if example not in known:
            _fail(f"no example query {example!r}; the examples are {', '.join(known)}")
        sparql = known[example]
    assert sparql is not None
    try:
        for setting in settings:
            name, equals, value = setting.partition("=")
            if not equals or not name.strip():
                _fail(f"--set {setting!r}: write it as NAME=VALUE")
            sparql = bind(sparql, name.strip().lstrip("?"), value)
        _warn_if_stale(case)
        with open_store(case, progress=lambda line: click.echo(line, err=True)) as store:
            text = store.text(sparql, fmt, union=not no_union, width=_width())
    except TimelineGraphError as err:
        _fail(str(err))
    click.echo(text.rstrip("\n"))


def _width() -> int:
    import shutil

    return max(80, shutil.get_terminal_size((160, 24)).columns)


@main.command("search")
@click.argument("case", type=click.Path(exists=True, path_type=Path))
@click.argument("words", nargs=-1, required=True)
@click.option("--kind", "kinds", type=click.Choice(["event", "claim", "entity", "document"]), multiple=True,
              help="Only hits of this kind (repeatable; default: all).")
@click.option("--limit", "-n", type=click.IntRange(min=1), default=20, show_default=True, help="Most hits to print.")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list of hits.")
def search_command(case: Path, words: tuple[str, ...], kinds: tuple[str, ...], limit: int, as_json: bool) -> None:
    """Search the words of a built CASE: documents, claims, events and entities, best first.

    Every hit gives the exact span it stands for (document id and character offsets) and a
    snippet with the matched words in [brackets]. Words match whole, ignoring case and accents;
    "a phrase" in quotes matches as a phrase, word* as a prefix, and OR between two terms
    accepts either. Exit 1 when nothing matches.

    \b
    Examples:
      timeline-graph search my-case/ protest footage
      timeline-graph search my-case/ '"home security"' --kind claim
    """
    from .search import KINDS, search_case

    try:
        _warn_if_stale(case)
        hits = search_case(case, " ".join(words), kinds=kinds or KINDS, limit=limit)
    except TimelineGraphError as err:
        _fail(str(err))
    if as_json:
        click.echo(json.dumps([h.as_dict() for h in hits], ensure_ascii=False, indent=1))
    else:
        for number, hit in enumerate(hits, start=1):
            click.echo(f"{number}. [{hit.kind}] {' '.join(hit.label.split())[:100]}")
            click.echo(f"   {hit.where} ({hit.document}:{hit.start}-{hit.end})")
            click.echo(f"   {hit.snippet}")
    if not hits:
        if not as_json:
            click.echo(f"nothing matches {' '.join(words)!r}")
        sys.exit(1)


@main.command("serve")
@click.argument("case", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--port", type=int, default=7878, show_default=True)
@click.option("--address", default="127.0.0.1", show_default=True,
              help="Address to listen on (loopback by default: give 0.0.0.0 to let other machines in).")
@click.option("--no-union", is_flag=True, help="Plain patterns match the default graph only.")
def serve_command(case: Path, port: int, address: str, no_union: bool) -> None:
    """Serve a built CASE as a read-only SPARQL 1.1 endpoint (Oxigraph's server).

    Queries go to http://ADDRESS:PORT/query (GET or POST, any SPARQL client); the store is the
    one 'query' uses, brought up to date first. Ctrl+C or SIGTERM stops the server.
    """
    from .case import Case
    from .publish import oxigraph_command
    from .servers import run_until_stopped
    from .store import open_store

    try:
        _warn_if_stale(case)
        with open_store(case, progress=lambda line: click.echo(line, err=True)):
            argv = oxigraph_command(Case.open(case).cache, address=address, port=port, union=not no_union)
            click.echo(f"SPARQL endpoint for {case}: http://{address}:{port}/query (Ctrl+C to stop)", err=True)
            code = run_until_stopped(argv)
    except TimelineGraphError as err:
        _fail(str(err))
    if code:
        _fail(f"the SPARQL server stopped with exit code {code}")


@main.command("publish")
@click.argument("case", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--endpoint", required=True, metavar="URL",
              help="The server's Graph Store endpoint (Oxigraph: http://HOST:7878/store; "
                   "Virtuoso: http://HOST:8890/sparql-graph-crud-auth).")
@click.option("--force", is_flag=True, help="Send every graph again, not only those that changed.")
@click.option("--graph-param", default="graph", show_default=True,
              help="The query parameter naming a graph (Virtuoso also reads graph-uri).")
@click.option("--default-graph-iri", metavar="IRI",
              help="Put the case's default graph in this named graph (for servers without a default "
                   "graph in their Graph Store, such as Virtuoso).")
def publish_command(case: Path, endpoint: str, force: bool, graph_param: str, default_graph_iri: str | None) -> None:
    """Publish a built CASE to a SPARQL 1.1 server (Graph Store HTTP Protocol).

    One named graph per document plus the default graph, as N-Triples; only the graphs that
    changed since the last publish to ENDPOINT are sent. Credentials are read from
    TIMELINE_GRAPH_PUBLISH_USER and TIMELINE_GRAPH_PUBLISH_PASSWORD.

    \b
    Examples:
      timeline-graph publish my-case/ --endpoint http://127.0.0.1:7878/store
      TIMELINE_GRAPH_PUBLISH_USER=dba TIMELINE_GRAPH_PUBLISH_PASSWORD=... timeline-graph publish my-case/ \\
        --endpoint http://127.0.0.1:8890/sparql-graph-crud-auth --default-graph-iri https://example.org/my-case/case
    """
    from .case import Case
    from .publish import publish

    try:
        _warn_if_stale(case)
        folder = Case.open(case)
        G = folder.load_graph()
        with click.progressbar(length=1, label="publishing", file=sys.stderr) as bar:
            def progress(done: int, total: int, graph: str) -> None:
                bar.length = total
                bar.update(done - bar.pos)

            done = publish(G, folder.cache, endpoint, force=force, parameter=graph_param,
                           default_graph=default_graph_iri, progress=progress)
    except TimelineGraphError as err:
        _fail(str(err))
    click.echo(f"published to {endpoint}: {done.sent} graph(s) sent, {done.deleted} deleted, "
               f"{done.unchanged} unchanged")


# ---------------------------------------------------------------------------------------------
# Curation

ACTIONS = DECISION_ACTIONS


def _target(G: nx.MultiDiGraph, text: str) -> str:
    """A record id from an id, a document's file path or title, or an entity's or event's name."""
    from .graph import DOCUMENT_KIND, ENTITY_KIND, EVENT_KIND, KIND, RECORD

    if text in G:
        return text
    wanted = text.casefold()
    found = []
    for node_id, data in G.nodes(data=True):
        rec, kind = data[RECORD], data[KIND]
        if kind == DOCUMENT_KIND:
            names = [rec.source, rec.title or ""]
        elif kind == ENTITY_KIND:
            names = [rec.name, *rec.aliases]
        elif kind == EVENT_KIND:
            names = [rec.label]
        else:
            continue
        if wanted in (n.casefold() for n in names if n):
            found.append(node_id)
    if len(found) == 1:
        return found[0]
    if not found:
        _fail(f"{text!r}: no record has this id, and no document, entity or event has this name "
              "(see the ids with 'timeline-graph timeline CASE --ids')")
    _fail(f"{text!r} names {len(found)} records ({', '.join(sorted(found)[:6])}); give an id")


@main.command()
@click.argument("case", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.argument("action", type=click.Choice(ACTIONS))
@click.argument("targets", nargs=-1)
@click.option("--why", default="", help="Why: kept with the decision and in every export.")
@click.option("--by", "agent", envvar="TIMELINE_GRAPH_CURATOR",
              help="Who decides [default: $TIMELINE_GRAPH_CURATOR, else the name in "
                   "~/.config/timeline-graph/curator, else your login name].")
@click.option("--software", is_flag=True, help="The decision is made by a program, not a person.")
@click.option("--date", "edtf", help="redate, add: the event's date in EDTF (2020-06-16, 2020-06, 2020-21, 2020~).")
@click.option("--grade", help="grade: the Admiralty code, reliability A-F then credibility 1-6 (B2).")
@click.option("--label", help="add, relabel: what happened, in a few words; add-citation: the name of the source cited.")
@click.option("--kind", type=click.Choice(ENTITY_KINDS), help="retype: the entity's new kind.")
@click.option("--unnamed", is_flag=True, help="attribute, add-claim: the claim's source is described but not named.")
@click.option("--stands", help="resolve: the document (id, file path or title) whose date of the event stands.")
@click.option("--document", help="add, add-claim, add-citation: the document (id, file path or title) of the words.")
@click.option("--quote", help="add, add-claim, add-citation: the exact words of that document.")
@click.option("--part", help="split: the reporting document (event) or the alias (entity) to split off.")
@click.option("--at", "at", help="When it was decided, UTC (2026-11-22T08:01:02Z) [default: now].")
def decide(case: Path, action: str, targets: tuple[str, ...], why: str, agent: str | None, software: bool,
           edtf: str | None, grade: str | None, label: str | None, kind: str | None, unnamed: bool,
           stands: str | None, document: str | None, quote: str | None, part: str | None, at: str | None) -> None:
    """Record a curation decision about a built CASE in its decisions.yaml log.

    \b
    TARGETS are record ids, or a document's file path or title, or an entity's or event's name.
      decide CASE merge "Police Department" "LAPD" --why "same body"
      decide CASE reject evt-0123456789abcdef --why "misread headline"
      decide CASE redate evt-0123456789abcdef --date 2020-06~
      decide CASE grade report.md --grade B2
      decide CASE split evt-0123456789abcdef --part report.md
      decide CASE add --label "Hearing held" --date 2021-03-02 --document report.md --quote "held a hearing"
      decide CASE accept cfl-0123456789abcdef
      decide CASE relabel evt-0123456789abcdef --label "Footage requested"
      decide CASE retype "Daily Ledger" --kind organization
      decide CASE attribute clm-0123456789abcdef "Ana Ruiz"
      decide CASE attribute clm-0123456789abcdef --unnamed
      decide CASE resolve cfl-0123456789abcdef --stands report.md
      decide CASE retarget cit-0123456789abcdef report.md
      decide CASE add-claim "Ana Ruiz" --document report.md --quote "the program works"
      decide CASE add-citation minutes.md --document report.md --quote "the council minutes"
      decide CASE undo dec-0123456789abcdef

    The decision is checked against the case first and refused (exit 2) if it cannot apply.
    The log is append-only; take a decision back with a later one.
    """
    import getpass

    from .case import Case
    from .decisionlog import saved_curator, utc_now
    from .model import Decision, Span, TimeValue

    try:
        folder = Case.open(case)
        G = folder.load_graph()
        ids = tuple(_target(G, t) for t in targets)
        time = TimeValue.from_edtf(edtf) if edtf else None
        span = None
        value = {"grade": grade, "add": label, "relabel": label, "split": part, "retype": kind,
                 "attribute": "unnamed" if unnamed else None, "add-claim": "unnamed" if unnamed else None,
                 "add-citation": label}.get(action)
        if action in ("add", "add-claim", "add-citation"):
            if not (document and quote) or (action == "add" and not label):
                _fail(f"{action} needs {'--label, ' if action == 'add' else ''}--document and --quote "
                      "(the words of the document)")
            doc = G.nodes[_target(G, document)]["record"]
            span = Span.find(doc, quote)
        if action == "split" and part is not None and ids and ids[0].startswith("evt-"):
            value = _target(G, part)  # the reporting document, by id, path or title
        if action == "resolve":
            if not stands:
                _fail("resolve needs --stands (the document whose date stands)")
            value = _target(G, stands)
        if action in ("redate",) and time is None:
            _fail("redate needs --date (an EDTF date)")
        decision = Decision.create(
            action=cast("DecisionAction", action), targets=ids, agent=agent or saved_curator() or getpass.getuser(),
            at=at or utc_now(), reason=why,
            value=value, time=time, span=span, agent_kind="software" if software else "person")
        folder.decide(decision)
    except TimelineGraphError as err:
        _fail(str(err))
    from .curate import describe

    click.echo(f"recorded {decision.id}: {describe(decision)} (by {decision.agent}, {decision.at})")


@main.command("decisions")
@click.argument("case", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list.")
def decisions_command(case: Path, as_json: bool) -> None:
    """List the curation decisions of a built CASE, oldest first, and whether each applies."""
    from .case import Case
    from .curate import describe, skipped_reasons, taken_back
    from .decisionlog import decision_entry

    try:
        _warn_if_stale(case)
        folder = Case.open(case)
        folder.load_graph()
        found = folder.decisions()
    except TimelineGraphError as err:
        _fail(str(err))
    skipped = skipped_reasons(folder.skipped_decisions)
    undone = {i: f"taken back by {u.id}" for i, u in taken_back(found)[0].items()}
    if as_json:
        rows = [{"id": d.id, **decision_entry(d), "applied": d.id not in skipped and d.id not in undone,
                 "problem": skipped.get(d.id) or undone.get(d.id)} for d in found]
        click.echo(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    if not found:
        click.echo(f"no decisions yet (add one with 'timeline-graph decide {case} ...')")
    for d in found:
        status = f"NOT APPLIED: {skipped[d.id]}" if d.id in skipped else undone.get(d.id, "applied")
        click.echo(f"{d.at}  {d.id}  {d.agent:<20} {describe(d)}  [{status}]")
        if d.reason:
            click.echo(f"{'':<22}why: {d.reason}")


if __name__ == "__main__":
    main()
