"""The ``kg`` command line: build, query, export, view and validate the graph.

Errors the user can cause end in one line on stderr and exit code 2; anything else is reported as an
internal error with a pointer to the issue tracker.
"""

from __future__ import annotations

import os
import sys
import webbrowser
from pathlib import Path
from typing import Annotated, Optional

import typer

from kg.cli.group import KgGroup
from kg.errors import FormatError, KgError
from kg.resources import sample_article

app = typer.Typer(
    cls=KgGroup, add_completion=False, no_args_is_help=True, rich_markup_mode=None,
    help="Knowledge graphs from news: who met whom, who signed what, who attended, who holds which post, "
         "who cooperates and who said what, as RDF, NetworkX, HTML and SPARQL.",
)
GraphDir = Annotated[Path, typer.Option("--graph", "-g", help="Folder of a built graph.")]
# The graph folder was --out/-o in build and merge; --out still works, unlisted ("-o" is a file in export).
OldOut = Annotated[Optional[Path], typer.Option("--out", hidden=True)]


@app.command()
def build(
    inputs: Annotated[Optional[list[str]], typer.Argument(help="Files or folders of .txt, .md, .html or .jsonl articles, URLs of web pages or RSS/Atom feeds, .txt lists of URLs (default: the bundled sample).")] = None,
    graph: Annotated[Path, typer.Option("--graph", "-g", help="Folder of the graph to build; its store is added to, not replaced.")] = Path("output"),
    out: OldOut = None,
    strict: Annotated[bool, typer.Option(help="Fail when any article has to be skipped.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print nothing but errors.")] = False,
    view_limit: Annotated[int, typer.Option("--view-limit", help="Draw at most this many of the most connected nodes in graph.html (0, the default: all).", min=0)] = 0,
    fresh: Annotated[bool, typer.Option("--fresh", help="Start from an empty store instead of adding to the one in GRAPH.")] = False,
    jobs: Annotated[int, typer.Option("--jobs", "-j", help="Extraction processes (default: the number of cores).", min=0)] = 0,
    shard: Annotated[Optional[str], typer.Option("--shard", help="Process only shard I of N (I/N, 1-based, stable by article id).")] = None,
    cluster: Annotated[Optional[str], typer.Option("--cluster", help="Extract on Dask: 'local' (2 worker processes here) or a scheduler address tcp://HOST:PORT.")] = None,
) -> None:
    """Build the graph: add the articles to the store in GRAPH and write graph.ttl, graph.trig, graph.html and claims.jsonl.

    An article already in the store with the same text and metadata is skipped; a changed one replaces its
    named graph. Examples: kg build;  kg build articles/ --graph graph/;  kg build news.jsonl --jobs 2;
    kg build https://example.org/rss urls.txt (fetched pages are kept in GRAPH/pages/)
    """
    from kg.cli.progress import ProgressBar
    from kg.pipeline import Shard
    from kg.pipeline import build as run_build

    show = not quiet and sys.stderr.isatty()
    progress = ProgressBar() if show else None
    summary = run_build(inputs or [sample_article()], out or graph, strict=strict, view_limit=view_limit, fresh=fresh,
                        jobs=jobs or (os.cpu_count() or 1), shard=Shard.parse(shard) if shard else None,
                        progress=progress, cluster=cluster)
    if progress:
        progress.close()
    for reason in summary.skipped:
        typer.echo(f"kg: skipped {reason}", err=True)
    for warning in summary.warnings:
        typer.echo(f"kg: warning: {warning}", err=True)
    if quiet:
        return
    typer.echo(f"articles: {summary.articles - summary.replaced} new, {summary.replaced} changed, {summary.unchanged} unchanged, "
               f"{len(summary.skipped)} skipped; {summary.in_store} in the graph")
    if summary.entities:  # of the whole graph, each node once: the figures kg stats gives
        typer.echo("entities: " + ", ".join(f"{k} {v}" for k, v in sorted(summary.entities.items())))
        typer.echo("facts: " + ", ".join(f"{k} {v}" for k, v in sorted(summary.relations.items())))
    if summary.linked:
        typer.echo(f"people: {summary.linked} named in another article by a fuller form of their name or a nickname, "
                   "linked by owl:sameAs and drawn as one node")
    typer.echo(f"triples: {summary.triples}")
    typer.echo(f"time: {summary.seconds:.1f} s; written to {summary.out}/ (graph.ttl, graph.trig, graph.html, claims.jsonl, store/)")


@app.command()
def merge(
    shards: Annotated[list[Path], typer.Argument(help="Output folders of shard builds (kg build --shard I/N).")],
    graph: Annotated[Path, typer.Option("--graph", "-g", help="Folder for the merged graph (replaced).")] = Path("output"),
    out: OldOut = None,
) -> None:
    """Merge the graphs of shard builds into one, the same graph one build of all the input gives.

    Example: kg build news/ --shard 1/2 -g s1;  kg build news/ --shard 2/2 -g s2;  kg merge s1 s2 -g all
    """
    from kg.pipeline import merge as run_merge

    target = out or graph
    summary = run_merge(shards, target)
    typer.echo(f"merged {len(shards)} graphs: {summary.in_store} articles, {summary.triples} triples in {target}/")


@app.command()
def remove(
    articles: Annotated[list[str], typer.Argument(help="Ids of the articles to drop.")],
    graph: GraphDir = Path("output"),
) -> None:
    """Drop articles (their named graphs) from the built graph and rewrite the outputs.

    Example: kg remove seed --graph output
    """
    from kg.pipeline import remove as run_remove

    summary = run_remove(articles, graph)
    typer.echo(f"removed {summary.removed} article(s); {summary.in_store} in the graph, {summary.triples} triples")


@app.command()
def query(
    sparql: Annotated[Optional[str], typer.Argument(help="SPARQL text, a .rq file, or the name of a bundled query.")] = None,
    graph: GraphDir = Path("output"),
    fmt: Annotated[str, typer.Option("--format", "-f", help="table, csv, tsv or json.")] = "table",
    list_queries: Annotated[bool, typer.Option("--list", help="List the bundled queries.")] = False,
    limit: Annotated[Optional[int], typer.Option("--limit", help="Show at most this many rows.", min=0)] = None,
) -> None:
    """Run a SPARQL SELECT, ASK, CONSTRUCT or DESCRIBE over the built graph.

    Examples: kg query who-met-whom;  kg query --list;  kg query "SELECT ?p WHERE { ?p a kg:Person }" --format csv
    """
    from kg.query import FORMATS, named_queries, render, resolve_query, run_query
    from kg.rdf.location import open_store

    if list_queries or sparql is None:
        for item in named_queries().values():
            typer.echo(f"{item.name:16} {item.description}")
        return
    if fmt not in FORMATS:
        raise FormatError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    text = resolve_query(sparql)
    typer.echo(render(run_query(open_store(graph), text), fmt, limit), nl=False)


@app.command("export")
def export_command(
    fmt: Annotated[str, typer.Option("--format", "-f", help="turtle, trig, nt, nq, jsonld, graphml, gexf, nodes-csv, edges-csv or claims.")] = "turtle",
    graph: GraphDir = Path("output"),
    output: Annotated[Optional[Path], typer.Option("-o", "--output", help="File to write (default: standard output).")] = None,
) -> None:
    """Export the built graph.

    Examples: kg export --format trig -o graph.trig;  kg export --format graphml -o graph.graphml
    """
    from kg.export import EXPORTERS, export, export_to
    from kg.rdf.store import open_dataset

    if fmt not in EXPORTERS:
        raise FormatError(f"unknown export format {fmt!r}; choose one of {', '.join(EXPORTERS)}")
    dataset = open_dataset(graph)
    try:
        if output is None:
            typer.echo(export(dataset, fmt), nl=False)
            return
        tmp = output.with_name(f".{output.name}.tmp")
        try:
            export_to(dataset, fmt, tmp)
            tmp.replace(output)
        except OSError as exc:
            tmp.unlink(missing_ok=True)
            raise KgError(f"{output}: cannot write ({exc.strerror})") from exc
    finally:
        dataset.close()


@app.command()
def view(
    graph: GraphDir = Path("output"),
    focus: Annotated[Optional[str], typer.Option("--focus", help="Draw only the neighbourhood of the node with this name.")] = None,
    hops: Annotated[int, typer.Option("--hops", help="With --focus: how many steps out from the node.", min=0)] = 2,
    construct: Annotated[Optional[str], typer.Option("--construct", help="Draw the entities a SPARQL CONSTRUCT (text or .rq file) returns.")] = None,
    pyvis: Annotated[bool, typer.Option("--pyvis", help="With --focus or --construct: draw with pyvis (vis-network physics, draggable; for up to a few hundred nodes).")] = False,
) -> None:
    """Open graph.html in the browser, or a sub-graph around one node or from a CONSTRUCT (prints its path).

    Examples: kg view;  kg view --focus "BNPT" --hops 2;  kg view --focus "BNPT" --hops 1 --pyvis;  kg view --construct my-subgraph.rq
    """
    page = graph / "graph.html"
    if focus or construct:
        from kg.cli.subgraph import subgraph_page

        page = subgraph_page(graph, focus, hops, construct, pyvis)
    elif not page.is_file():
        raise KgError(f"{page}: no graph view here; run 'kg build' first")
    typer.echo(str(page.resolve()))
    webbrowser.open(page.resolve().as_uri())


@app.command()
def explain(
    article: Annotated[str, typer.Argument(help="Article id (as in claims.jsonl, or the file name without extension).")],
    graph: GraphDir = Path("output"),
    min_confidence: Annotated[float, typer.Option("--min-confidence", help="Show only facts at least this sure.")] = 0.0,
) -> None:
    """Print each fact of one article with its evidence sentence, the rule that made it and its confidence.

    Example: kg explain seed;  kg explain seed --min-confidence 0.8
    """
    from kg.query import internal_query, select_rows
    from kg.rdf.store import open_dataset

    dataset = open_dataset(graph)
    try:
        rows = list(select_rows(dataset, internal_query("facts"), {"doc": article}))
        names = {r["e"]: r["n"] for r in select_rows(dataset, "SELECT ?e ?n WHERE { ?e schema:name ?n }")}
    finally:
        dataset.close()
    if not rows:
        raise KgError(f"no facts for article {article!r} in {graph}; 'kg query \"SELECT DISTINCT ?id WHERE {{ ?a kg:articleId ?id }}\"' lists the articles")
    shown = 0
    for row in rows:
        confidence = float(row["confidence"])
        if confidence < min_confidence:
            continue
        shown += 1
        subject, obj = names.get(row["s"], row["s"]), names.get(row.get("o") or "", "")
        qualifiers = ", ".join(f"{k} {names.get(row[k], row[k])}" for k in ("role", "date", "place") if row.get(k) is not None)
        typer.echo(f"{row['relation']}: {subject}" + (f" -> {obj}" if obj else "") + (f" ({qualifiers})" if qualifiers else ""))
        typer.echo(f"    rule {row['rule']}, confidence {confidence:.2f}")
        typer.echo(f"    \"{row['evidence']}\"")
    typer.echo(f"{shown} facts in article {article}")


@app.command()
def serve(
    graph: GraphDir = Path("output"),
    host: Annotated[str, typer.Option("--host", help="Address to listen on (default: loopback only).")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port to listen on.", min=1, max=65535)] = 7878,
    writable: Annotated[bool, typer.Option("--writable", help="Accept SPARQL updates (refused by default).")] = False,
    timeout: Annotated[float, typer.Option("--timeout", help="Seconds a query may take, answer included.", min=0.1)] = 30,
    max_result_mb: Annotated[float, typer.Option("--max-result-mb", help="Largest answer sent, in MB; a larger one is refused.", min=0.001)] = 100,
) -> None:
    """Serve the graph as a SPARQL 1.1 Protocol endpoint (Oxigraph's server) for YASGUI, Protégé or any client.

    Query at http://HOST:PORT/query; read-only unless --writable. A query that runs past --timeout or whose
    answer is larger than --max-result-mb gets a clear error (HTTP 500), never a cut-off result.
    Restart it after 'kg build'.
    Example: kg serve --graph output --port 7878
    """
    from kg.endpoint.serve import serve as run_serve

    mode = "read-write" if writable else "read-only; updates are refused"
    typer.echo(f"SPARQL endpoint: http://{host}:{port}/query ({mode}); Ctrl-C stops it", err=True)
    raise typer.Exit(run_serve(graph, host=host, port=port, writable=writable, timeout=timeout, max_result_mb=max_result_mb))


@app.command()
def push(
    graph: GraphDir = Path("output"),
    endpoint: Annotated[Optional[str], typer.Option("--endpoint", help="SPARQL 1.1 Update endpoint URL.")] = None,
    graph_store: Annotated[Optional[str], typer.Option("--graph-store", help="SPARQL 1.1 Graph Store Protocol URL (preferred when the server has one).")] = None,
    article: Annotated[Optional[list[str]], typer.Option("--article", help="Push only these articles (repeatable).")] = None,
) -> None:
    """Send the graph to an external triple store, one named graph per article, replacing those graphs there.

    Examples: kg push --graph-store http://localhost:3030/kg/data;  kg push --endpoint http://localhost:7878/update
    """
    from kg.endpoint.push import article_graphs
    from kg.endpoint.push import push as run_push
    from kg.rdf.location import open_store

    store = open_store(graph)
    only = article_graphs(store, article) if article else None
    report = run_push(store, endpoint=endpoint, graph_store=graph_store, only=only)
    typer.echo(f"sent {report.graphs} named graphs, {report.triples} triples ({report.bytes / 1e6:.1f} MB) in {report.seconds:.1f} s"
               f"{f', {report.retries} retries' if report.retries else ''} to {graph_store or endpoint}")


@app.command()
def stats(graph: GraphDir = Path("output"), top: Annotated[int, typer.Option("--top", help="How many most connected actors.", min=0)] = 10) -> None:
    """Counts by class and property, articles, the date range, and the most connected actors.

    Example: kg stats --graph output
    """
    from kg.query import internal_query, select_rows
    from kg.rdf.store import distinct_triples, open_dataset, oxigraph

    dataset = open_dataset(graph)
    try:
        sections = {name: [list(row.values()) for row in select_rows(dataset, internal_query(f"stats-{name}"))]
                    for name in ("articles", "classes", "properties", "dates", "actors")}
        triples, statements = distinct_triples(dataset), len(oxigraph(dataset))
    finally:
        dataset.close()
    articles = sections["articles"][0]
    typer.echo(f"articles: {articles[0]}  languages: {articles[1] or '-'}  published: {articles[2] or '?'} to {articles[3] or '?'}")
    typer.echo(f"triples: {triples} ({statements} in the named graphs: a triple several articles state counts once per graph)")
    dates = sections["dates"][0]
    typer.echo(f"facts dated: {dates[0]}, from {dates[1] or '?'} to {dates[2] or '?'}")
    typer.echo("classes:")
    for row in sections["classes"]:
        typer.echo(f"  {_short(row[0]):28} {row[1]}")
    typer.echo("properties:")
    for row in sections["properties"]:
        typer.echo(f"  {_short(row[0]):28} {row[1]}")
    typer.echo("most connected actors (facts):")
    for row in sections["actors"][:top]:
        typer.echo(f"  {str(row[1]):40} {row[2]:>5}  {_short(row[0])}")


def _short(term: object) -> str:
    from kg.rdf.prefixes import compact

    return compact(str(term))


@app.command()
def validate(graph: GraphDir = Path("output")) -> None:
    """Check the built graph against the SHACL shapes of ontology/shapes.ttl.

    Example: kg validate --graph output
    """
    from kg.rdf.location import open_store
    from kg.validate import validate_store

    conforms, report, _ = validate_store(open_store(graph))
    if conforms:
        typer.echo("conforms: the graph satisfies ontology/shapes.ttl")
        return
    typer.echo(report, err=True)
    raise typer.Exit(1)


@app.command()
def tag(
    conll: Annotated[Path, typer.Option("--conll", help="CoNLL-style file: a token per line first column, blank line between sentences; '-' reads standard input.")],
    lang: Annotated[str, typer.Option("--lang", help="Language of the text: id (Indonesian) or en (English).")] = "id",
) -> None:
    """Tag pre-tokenised sentences with the entity recogniser: each line comes back with a BIO tag column added.
    The sentences from one -DOCSTART- line to the next are one document, whose names agree.

    Example: kg tag --lang en --conll test.txt > predicted.txt
    """
    from kg.nlp.ner.commands import tag as run_tag

    run_tag(conll, lang, sys.stdout)


@app.command("train-ner")
def train_ner(
    lang: Annotated[str, typer.Option("--lang", help="Language of the recogniser: id (Indonesian) or en (English).")] = "id",
    data: Annotated[Optional[Path], typer.Option("--data", help="Folder of the public NER sets with label_map.tsv (default: ../shared/ner, ../shared/ner-en for en).")] = None,
    datasets: Annotated[Optional[str], typer.Option("--datasets", help="Comma-separated sets to train on (default: nerui,idner2k; for en conll2003,wikigold,btc,multiner,crossner-politics).")] = None,
    algorithm: Annotated[str, typer.Option("--algorithm", help="lbfgs (CRF) or ap (averaged perceptron).")] = "lbfgs",
    out: Annotated[Optional[Path], typer.Option("--out", help="Model file to write (default: the bundled model).")] = None,
    final: Annotated[bool, typer.Option(help="After scoring on dev, retrain on train+dev for the shipped model.")] = True,
) -> None:
    """Train an entity recogniser and print dev-set P/R/F1 per set and type.

    Example: kg train-ner --lang en --data ../shared/ner-en
    """
    from kg.nlp.ner.commands import train_ner as run_train

    run_train(lang, data, datasets, algorithm, out, final, typer.echo)


ExtraArticles = Annotated[Optional[Path], typer.Option("--extra", help="Folder of training-only annotated articles, in every fold (default: train/ beside --data, if there).")]
TrainedModel = Annotated[Optional[Path], typer.Option("--out", help="Model file to write (default: the bundled model; with --cv and no --out, none is written).")]


def _train_beside(data: Path) -> Path | None:
    """``../shared/eval/train`` beside ``../shared/eval/dev``: training-only articles, in every fold."""
    train = data.parent / "train"
    return train if train.is_dir() and data.name != "train" else None


@app.command("train-events")
def train_events(
    data: Annotated[Path, typer.Option("--data", help="Folder of reviewed annotated articles (scored by --cv).")] = Path("../shared/eval/dev"),
    extra: ExtraArticles = None,
    cv: Annotated[int, typer.Option("--cv", min=0, help="Document-level folds of --data to cross-validate (0: none); prints span P/R/F1.")] = 0,
    out: TrainedModel = None,
) -> None:
    """Train the recogniser of named events and agreements on the annotated articles.

    Example: kg train-events --cv 5 (cross-validated span figures); kg train-events (the shipped model)
    """
    from kg.nlp.ner.event_corpus import run as run_events
    from kg.nlp.ner.events import model_path as events_path

    extra = extra if extra is not None else _train_beside(data)
    target = out if out is not None else (None if cv else events_path())
    run_events(data, extra, folds=cv, out=target, echo=typer.echo)


@app.command("train-relations")
def train_relations(
    data: Annotated[Path, typer.Option("--data", help="Folder of reviewed annotated articles (scored by --cv), beside ../shared/eval/score.py.")] = Path("../shared/eval/dev"),
    extra: ExtraArticles = None,
    cv: Annotated[int, typer.Option("--cv", min=0, help="Document-level folds of --data to cross-validate (0: none); prints the pooled scorer table.")] = 0,
    out: TrainedModel = None,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=0, help="Processes reading the articles (default: the cores).")] = 0,
    cv_claims: Annotated[Optional[Path], typer.Option("--cv-claims", help="Also write the pooled cross-validated claims file here (for error analysis with score.py).")] = None,
) -> None:
    """Train the relation model that accepts or rejects each candidate claim, and cross-validate it.

    Example: kg train-relations --cv 5 (the figures the README reports); kg train-relations (the shipped model)
    """
    from kg.extract.decision import model_path
    from kg.extract.training import run as run_training

    extra = extra if extra is not None else _train_beside(data)
    target = out if out is not None else (None if cv else model_path())
    report = run_training(data, extra, folds=cv, out=target, jobs=jobs or (os.cpu_count() or 1),
                          log=lambda line: typer.echo(line, err=True), claims=cv_claims)
    for name, table in report.tables.items():
        typer.echo(f"cross-validated, {'all articles' if name == 'all' else 'language ' + name}:")
        typer.echo(table.rstrip())
    if report.model:
        typer.echo(f"model written to {report.model} ({report.documents} + {report.extra_documents} articles)")


def main() -> None:
    """The console script: errors end as :class:`kg.cli.group.KgGroup` says."""
    app(prog_name="kg")
