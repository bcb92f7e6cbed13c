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

from kg.errors import FormatError, KgError
from kg.resources import sample_article

app = typer.Typer(
    add_completion=False, no_args_is_help=True, rich_markup_mode=None,
    help="Knowledge graphs from news: who met whom, who signed what, who attended, who holds which post, "
         "who cooperates and who said what, as RDF, NetworkX, HTML and SPARQL.",
)
GraphDir = Annotated[Path, typer.Option("--graph", "-g", help="Folder of a built graph.")]


def _fail(message: str) -> None:
    typer.echo(f"kg: error: {message}", err=True)
    sys.exit(2)


@app.command()
def build(
    inputs: Annotated[Optional[list[Path]], typer.Argument(help="Files or folders of .txt, .md, .html or .jsonl articles (default: the bundled sample).")] = None,
    out: Annotated[Path, typer.Option("--out", "-o", help="Output folder; its store is added to, not replaced.")] = Path("output"),
    strict: Annotated[bool, typer.Option(help="Fail when any article has to be skipped.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print nothing but errors.")] = False,
    view_limit: Annotated[int, typer.Option("--view-limit", help="Draw at most this many of the most connected nodes in graph.html (0: all).")] = 2000,
    fresh: Annotated[bool, typer.Option("--fresh", help="Start from an empty store instead of adding to the one in OUT.")] = False,
    jobs: Annotated[int, typer.Option("--jobs", "-j", help="Extraction processes (default: the number of cores).")] = 0,
    shard: Annotated[Optional[str], typer.Option("--shard", help="Process only shard I of N (I/N, 1-based, stable by article id).")] = None,
    cluster: Annotated[Optional[str], typer.Option("--cluster", help="Extract on Dask: 'local' (2 worker processes here) or a scheduler address tcp://HOST:PORT.")] = None,
) -> None:
    """Build the graph: add the articles to the store in OUT and write graph.ttl, graph.trig, graph.html and claims.jsonl.

    An article already in the store with the same text and metadata is skipped; a changed one replaces its
    named graph. Examples: kg build;  kg build articles/ --out graph/;  kg build news.jsonl --jobs 2
    """
    from kg.cli.progress import ProgressBar
    from kg.pipeline import Shard
    from kg.pipeline import build as run_build

    show = not quiet and sys.stderr.isatty()
    progress = ProgressBar() if show else None
    summary = run_build(inputs or [sample_article()], out, strict=strict, view_limit=view_limit, fresh=fresh,
                        jobs=jobs or (os.cpu_count() or 1), shard=Shard.parse(shard) if shard else None,
                        progress=progress, cluster=cluster)
    if progress:
        progress.close()
    for reason in summary.skipped:
        typer.echo(f"kg: skipped {reason}", err=True)
    if quiet:
        return
    typer.echo(f"articles: {summary.articles} processed ({summary.replaced} of them changed), {summary.unchanged} unchanged, "
               f"{len(summary.skipped)} skipped; {summary.in_store} in the graph")
    if summary.entities:
        typer.echo("entities: " + ", ".join(f"{k} {v}" for k, v in sorted(summary.entities.items())))
        typer.echo("relations: " + ", ".join(f"{k} {v}" for k, v in sorted(summary.relations.items())))
    typer.echo(f"triples: {summary.triples}")
    typer.echo(f"time: {summary.seconds:.1f} s; written to {summary.out}/ (graph.ttl, graph.trig, graph.html, claims.jsonl, store/)")


@app.command()
def merge(
    shards: Annotated[list[Path], typer.Argument(help="Output folders of shard builds (kg build --shard I/N).")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder for the merged graph (replaced).")] = Path("output"),
) -> None:
    """Merge the graphs of shard builds into one, the same graph one build of all the input gives.

    Example: kg build news/ --shard 1/2 --out s1;  kg build news/ --shard 2/2 --out s2;  kg merge s1 s2 --out all
    """
    from kg.pipeline import merge as run_merge

    summary = run_merge(shards, out)
    typer.echo(f"merged {len(shards)} graphs: {summary.in_store} articles, {summary.triples} triples in {out}/")


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
    limit: Annotated[Optional[int], typer.Option("--limit", help="Show at most this many rows.")] = None,
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
    hops: Annotated[int, typer.Option("--hops", help="With --focus: how many steps out from the node.")] = 2,
    construct: Annotated[Optional[str], typer.Option("--construct", help="Draw the entities a SPARQL CONSTRUCT (text or .rq file) returns.")] = None,
) -> None:
    """Open graph.html in the browser, or a sub-graph around one node or from a CONSTRUCT (prints its path).

    Examples: kg view;  kg view --focus "BNPT" --hops 2;  kg view --construct my-subgraph.rq
    """
    page = graph / "graph.html"
    if focus or construct:
        from kg.cli.subgraph import subgraph_page

        page = subgraph_page(graph, focus, hops, construct)
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
    port: Annotated[int, typer.Option("--port", help="Port to listen on.")] = 7878,
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
    from kg.endpoint.push import push as run_push
    from kg.rdf.iri import ENTITIES_GRAPH, graph_iri
    from kg.rdf.location import open_store

    only = {str(graph_iri(a)) for a in article} | {str(ENTITIES_GRAPH)} if article else None
    report = run_push(open_store(graph), endpoint=endpoint, graph_store=graph_store, only=only)
    typer.echo(f"sent {report.graphs} named graphs, {report.triples} triples ({report.bytes / 1e6:.1f} MB) in {report.seconds:.1f} s"
               f"{f', {report.retries} retries' if report.retries else ''} to {graph_store or endpoint}")


@app.command()
def stats(graph: GraphDir = Path("output"), top: Annotated[int, typer.Option("--top", help="How many most connected actors.")] = 10) -> None:
    """Counts by class and property, articles, the date range, and the most connected actors.

    Example: kg stats --graph output
    """
    from kg.query import internal_query, select_rows
    from kg.rdf.store import open_dataset

    dataset = open_dataset(graph)
    try:
        sections = {name: [list(row.values()) for row in select_rows(dataset, internal_query(f"stats-{name}"))]
                    for name in ("articles", "classes", "properties", "dates", "actors")}
    finally:
        dataset.close()
    articles = sections["articles"][0]
    typer.echo(f"articles: {articles[0]}  languages: {articles[1] or '-'}  published: {articles[2] or '?'} to {articles[3] or '?'}")
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
    from kg.export import union_graph
    from kg.rdf.store import open_dataset
    from kg.validate import validate as run_validate

    dataset = open_dataset(graph)
    try:
        conforms, report = run_validate(union_graph(dataset))
    finally:
        dataset.close()
    if conforms:
        typer.echo("conforms: the graph satisfies ontology/shapes.ttl")
        return
    typer.echo(report, err=True)
    raise typer.Exit(1)


@app.command()
def tag(
    conll: Annotated[Path, typer.Option("--conll", help="CoNLL-style file: a token per line first column, blank line between sentences; '-' reads standard input.")],
) -> None:
    """Tag pre-tokenised sentences with the entity recogniser: each line comes back with a BIO tag column added.

    Example: kg tag --conll test.tsv > predicted.tsv
    """
    from kg.nlp.ner import load
    from kg.nlp.ner.corpus import tag_lines

    recogniser = load("id")
    if recogniser is None:
        raise KgError("no entity recogniser model is installed; run 'kg train-ner'")
    if str(conll) == "-":
        source = sys.stdin
    elif not conll.is_file():
        raise KgError(f"{conll}: no such file")
    else:
        source = conll.open(encoding="utf-8", errors="replace", newline="")
    try:
        out = sys.stdout
        for line in tag_lines(source, recogniser.tag):
            out.write(line + "\n")
    finally:
        if source is not sys.stdin:
            source.close()


@app.command("train-ner")
def train_ner(
    data: Annotated[Path, typer.Option("--data", help="Folder of the public NER sets (with label_map.tsv).")] = Path("../shared/ner"),
    datasets: Annotated[str, typer.Option("--datasets", help="Comma-separated sets to train on.")] = "nerui,idner2k",
    algorithm: Annotated[str, typer.Option("--algorithm", help="lbfgs (CRF) or ap (averaged perceptron).")] = "lbfgs",
    out: Annotated[Optional[Path], typer.Option("--out", help="Model file to write (default: the bundled model).")] = None,
    final: Annotated[bool, typer.Option(help="After scoring on dev, retrain on train+dev for the shipped model.")] = True,
) -> None:
    """Train the Indonesian entity recogniser and print dev-set P/R/F1 per set and type.

    Example: kg train-ner --data ../shared/ner
    """
    from kg.nlp.ner import model_path
    from kg.nlp.ner.train import ALGORITHMS, evaluate, load_corpus, report, train

    if algorithm not in ALGORITHMS:
        raise FormatError(f"unknown algorithm {algorithm!r}; choose one of {', '.join(ALGORITHMS)}")
    target = out or model_path("id")
    corpus = load_corpus(data, [name.strip() for name in datasets.split(",") if name.strip()])
    scratch = target.with_name(f".{target.name}.dev")
    train(corpus, scratch, algorithm=algorithm, log=typer.echo)
    for name, sentences in corpus.dev.items():
        for line in report(name, evaluate(scratch, sentences)):
            typer.echo(line)
    if final:
        corpus.train = corpus.train + [s for sentences in corpus.dev.values() for s in sentences]
        train(corpus, target, algorithm=algorithm, log=typer.echo)
        scratch.unlink()
    else:
        scratch.replace(target)


def main() -> None:
    try:
        app(standalone_mode=False)
    except KgError as exc:
        _fail(str(exc))
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except (typer.Abort, KeyboardInterrupt):
        typer.echo("kg: interrupted", err=True)
        sys.exit(130)
    except Exception as exc:  # noqa: BLE001 - the one place internal errors are turned into a message
        import click

        if isinstance(exc, click.ClickException):
            exc.show()
            sys.exit(2)
        typer.echo(f"kg: internal error: {type(exc).__name__}: {exc}\n"
                   "Please report it with the command you ran at the project's issue tracker.", err=True)
        sys.exit(70)
