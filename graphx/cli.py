"""graphx command line: thin click layer over the library.

Each command parses options, calls one library function and formats its result;
graphx's own exceptions become a one-line message and an `ExitStatus`.
"""
from __future__ import annotations

import signal
import sys

import click

from graphx import __version__
from graphx.errors import ExitStatus, GraphxError


class GraphxGroup(click.Group):
    """Maps library errors and interrupts to one-line messages and exit codes."""

    def invoke(self, ctx):
        previous = _sigterm_as_interrupt()
        try:
            return super().invoke(ctx)
        except GraphxError as exc:
            for detail in exc.details:
                click.echo(f"Warning: {detail}", err=True)
            click.echo(f"Error: {exc}", err=True)
            ctx.exit(int(exc.exit_status))
        except KeyboardInterrupt:
            click.echo("Interrupted: previous outputs are unchanged.", err=True)
            ctx.exit(int(ExitStatus.INTERRUPTED))
        finally:
            if previous is not _NOT_INSTALLED:
                signal.signal(signal.SIGTERM, previous if previous is not None else signal.SIG_DFL)


def _raise_interrupt(signum, frame):
    raise KeyboardInterrupt


def _sigterm_as_interrupt():
    """SIGTERM unwinds like Ctrl-C (temp files removed, store transaction rolled back, exit 130).

    Returns the previous handler, or _NOT_INSTALLED where none could be installed (not the main thread)."""
    try:
        return signal.signal(signal.SIGTERM, _raise_interrupt)
    except (ValueError, AttributeError, OSError):
        return _NOT_INSTALLED


_NOT_INSTALLED = object()


EXIT_CODES_HELP = ("Exit codes: 0 ok, 1 unexpected error, 2 usage, 3 bad input, 4 output not writable, "
                   "5 finished with warnings, 6 model error, 7 no path (graphx path), 8 Dask cluster unusable, "
                   "130 interrupted.")


def lang_option(func):
    return click.option("--lang", default="de", show_default=True, type=click.Choice(["de", "en"]),
                        help="Language of the graph page.")(func)


@click.group(cls=GraphxGroup, epilog=EXIT_CODES_HELP)
@click.version_option(__version__, prog_name="graphx")
def main():
    """graphx: entity-and-relation graphs from German news articles."""


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--out", "out_dir", default="output", show_default=True, type=click.Path(),
              help="Folder for graph.json, graph.html and the store.")
@click.option("--model", default=None, metavar="NAME_OR_PATH",
              help="spaCy pipeline to use (installed name or path); default: graphx's own German model.")
@click.option("--ner", default=None, metavar="flair:MODEL",
              help="Replace the pipeline's NER with a flair tagger, e.g. flair:flair/ner-german-large.")
@click.option("--aliases", default=None, type=click.Path(dir_okay=False),
              help="Alias file forcing merges, splits and canonical names (see README).")
@click.option("--store", "store_path", default=None, type=click.Path(dir_okay=False),
              help="SQLite store for incremental builds [default: OUT/graphx.sqlite].")
@click.option("--no-store", is_flag=True, help="Process every article; keep no store.")
@click.option("--size-by", default="pagerank", show_default=True,
              type=click.Choice(["pagerank", "degree", "in-degree", "out-degree", "betweenness",
                                 "eigenvector", "closeness"]),
              help="Centrality metric that sizes the nodes of graph.html.")
@click.option("--max-nodes", default=None, type=click.IntRange(min=1),
              help="Draw at most the N most central entities in graph.html (default 150).")
@lang_option
@click.option("--processes", default=1, show_default=True, type=click.IntRange(1, 64),
              help="Worker processes for the NLP stage.")
@click.option("--dask", default=None, metavar="ADDRESS|local[:N]",
              help="Run the NLP stage on Dask workers: a scheduler (tcp://host:8786) or a local cluster "
                   "of N worker processes; needs graphx[dask].")
@click.option("--strict", is_flag=True, help="Treat any warning about the inputs as a fatal error (exit 3).")
@click.option("--quiet", is_flag=True, help="No progress bar or progress summary on stderr.")
@click.option("--any-language", is_flag=True,
              help="Read articles that look English, French etc. too (by default they are skipped).")
def build(paths, out_dir, model, ner, aliases, store_path, no_store, size_by, max_nodes, lang, processes, dask,
          strict, quiet, any_language):
    """Build the graph from articles (.txt, .md, .html; folders recursively).

    Writes OUT/graph.json (node-link JSON) and OUT/graph.html atomically. A build of more than a few
    seconds shows its progress on stderr (a bar on a terminal, else one line at the end).
    """
    from graphx.pipeline import build as run_build
    from graphx.progress import BuildProgress

    progress = None if quiet else BuildProgress(sys.stderr)
    try:
        result = run_build(paths, out_dir, model=model, ner=ner, aliases=aliases, store_path=store_path,
                           use_store=not no_store, size_by=size_by, max_nodes=max_nodes, lang=lang,
                           progress=progress, n_process=processes, strict=strict, any_language=any_language,
                           dask=dask)
    finally:
        if progress:
            progress.finish()
    for warning in result.warnings:
        click.echo(f"Warning: {warning}", err=True)
    click.echo(format_summary(result.summary(), result.outputs))
    if result.warnings:
        raise click.exceptions.Exit(int(ExitStatus.WARNINGS))


def format_summary(summary: dict, outputs) -> str:
    lines = [f"Articles read: {summary['articles']} ({summary['processed']} processed, "
             f"{summary['articles'] - summary['processed']} from the store)"]
    lines.append("Entities: " + (", ".join(f"{k} {v}" for k, v in summary["entities"].items()) or "none"))
    lines.append("Relations: " + (", ".join(f"{k} {v}" for k, v in summary["relations"].items()) or "none"))
    lines.append("Highest degree: " + (", ".join(f"{n} ({d})" for n, d in summary["top_degree"]) or "none"))
    if summary.get("snapshot") is not None:
        lines.append(f"Snapshot: {summary['snapshot']}" if summary.get("snapshot_new") else
                     f"Snapshot: none recorded (nothing changed since snapshot {summary['snapshot']})")
    lines.append("Wrote: " + ", ".join(str(p) for p in outputs))
    return "\n".join(lines)


# ---------------------------------------------------------------------------------------------
# the store, diffs and queries (library: graphx.store, graphx.diff, graphx.analytics, graphx.export)

METRIC_CHOICES = ["degree", "in-degree", "out-degree", "pagerank", "betweenness", "eigenvector", "closeness"]
DEFAULT_GRAPH = "output/graph.json"
STORE_OPTION_HELP = "Store holding the snapshots [default: output/graphx.sqlite]."


class OlderGraphArgument(click.Argument):
    """GRAPH as a positional argument, the older form of --graph: accepted, not shown in the usage."""

    def get_usage_pieces(self, ctx):
        return []


def graph_options(func):
    """--graph and --store, the same on every query command (the graph: a file or a snapshot)."""
    func = click.option("--store", "store_path", default=None, type=click.Path(dir_okay=False),
                        help=STORE_OPTION_HELP)(func)
    return click.option("--graph", "graph_path", default=None, metavar="FILE|SNAPSHOT",
                        help=f"graph.json to query, or a snapshot of the store: @N, latest, latest~N "
                             f"[default: {DEFAULT_GRAPH}].")(func)


def older_graph_argument(func):
    return click.argument("graph_arg", required=False, cls=OlderGraphArgument)(func)


def _graph_ref(graph_path, graph_arg=None):
    if graph_arg is not None and graph_path is not None and graph_arg != graph_path:
        raise click.UsageError(f"two graphs given ({graph_arg!r} and --graph {graph_path!r}); use --graph")
    return graph_path or graph_arg or DEFAULT_GRAPH


def format_option(*choices):
    return click.option("--format", "fmt", default=choices[0], show_default=True,
                        type=click.Choice(list(choices)), help="Output format.")


def _load(ref, store_path=None):
    from graphx.store import load_graph_ref
    return load_graph_ref(ref, store_path)


@main.command()
@click.argument("old", required=False)
@click.argument("new", default="latest")
@click.option("--store", "store_path", default=None, type=click.Path(dir_okay=False), help=STORE_OPTION_HELP)
@format_option("table", "json")
@click.option("--html", "html_path", default=None, type=click.Path(dir_okay=False),
              help="Also write the new graph with the changes highlighted to this HTML file.")
@click.option("--top", default=10, show_default=True, type=click.IntRange(min=0),
              help="How many rank moves to list.")
@lang_option
def diff(old, new, store_path, fmt, html_path, top, lang):
    """What changed from OLD to NEW (graph.json files or snapshots: @3, 3, latest, latest~1).

    Without arguments: the previous build against the latest one (after the first build there is
    nothing to compare yet, and diff says so).
    """
    from graphx.diff import diff_graphs
    from graphx.formatting import diff_text, to_json
    from graphx.store import default_diff_refs

    if old is None:
        old, new = default_diff_refs(store_path)
        if old is None:
            message = (f"Nothing to compare yet: the store holds one build (snapshot {new.lstrip('@')}). "
                       "Build again when articles arrive, or name two graphs.")
            click.echo(to_json({"old": None, "new": new, "message": message}) if fmt == "json" else message)
            return
    G_old, old_name = _load(old, store_path)
    G_new, new_name = _load(new, store_path)
    changes = diff_graphs(G_old, G_new, top_moves=top)
    if html_path:
        from graphx.graph import write_atomic
        from graphx.render import render_html, say
        write_atomic(html_path, render_html(G_new, diff=changes, lang=lang,
                                            title=say(lang, "diff_title", old=old_name, new=new_name)))
    click.echo(to_json(changes) if fmt == "json" else diff_text(changes, old_name, new_name))
    if html_path and fmt != "json":
        click.echo(f"Wrote: {html_path}")


@main.command()
@click.option("--store", "store_path", default="output/graphx.sqlite", show_default=True,
              type=click.Path(dir_okay=False), help="The store.")
@format_option("table", "json", "csv")
def snapshots(store_path, fmt):
    """List the snapshots a store holds (every build records one)."""
    from graphx.errors import GraphFormatError, StoreError
    from graphx.formatting import rows_output
    from graphx.store import Store

    try:
        with Store.open(store_path, create=False) as store:
            rows = store.snapshots()
    except StoreError as exc:
        raise GraphFormatError(str(exc)) from None
    click.echo(rows_output(rows, [("id", "id"), ("created", "created"), ("articles", "articles"),
                                  ("nodes", "entities"), ("edges", "edges"), ("extractor_key", "extractor")], fmt))


@main.command()
@older_graph_argument
@graph_options
@click.option("--metric", default="pagerank", show_default=True, type=click.Choice(METRIC_CHOICES))
@click.option("--top", default=None, type=click.IntRange(min=1), help="Only the N most central.")
@click.option("--type", "entity_type", default=None, type=click.Choice(["PERSON", "STATE", "ORG", "LOCATION"],
              case_sensitive=False), help="Only entities of this type.")
@click.option("--relation", default=None, metavar="LABEL", help="Only edges with this relation label.")
@format_option("table", "json", "csv")
def centrality(graph_arg, graph_path, store_path, metric, top, entity_type, relation, fmt):
    """Entities of the graph by centrality, most central first."""
    from graphx.analytics import centrality as compute
    from graphx.formatting import rows_output

    G, _ = _load(_graph_ref(graph_path, graph_arg), store_path)
    rows = compute(G, metric, top=top, type=entity_type, relation=relation)
    click.echo(rows_output(rows, [("rank", "rank"), ("entity", "entity"), ("type", "type"), ("score", metric)],
                           fmt))


@main.command()
@click.argument("entity")
@graph_options
@format_option("table", "json")
def show(entity, graph_path, store_path, fmt):
    """An entity: type, aliases, articles and every edge with its evidence (any alias, any case)."""
    from graphx.analytics import entity_info
    from graphx.formatting import entity_text, to_json

    G, _ = _load(_graph_ref(graph_path), store_path)
    info = entity_info(G, entity)
    click.echo(to_json(info) if fmt == "json" else entity_text(info))


@main.command()
@click.argument("entity")
@graph_options
@click.option("--relation", default=None, metavar="LABEL", help="Only edges with this relation label.")
@format_option("table", "json", "csv")
def neighbors(entity, graph_path, store_path, relation, fmt):
    """Entities linked to ENTITY, strongest evidence first."""
    from graphx.analytics import neighbors as find_neighbors
    from graphx.formatting import rows_output

    G, _ = _load(_graph_ref(graph_path), store_path)
    rows = find_neighbors(G, entity, relation=relation)
    click.echo(rows_output(rows, [("entity", "entity"), ("type", "type"), ("relation", "relation"),
                                  ("direction", "direction"), ("weight", "weight")], fmt))


@main.command()
@click.argument("source")
@click.argument("target")
@graph_options
@click.option("--directed", is_flag=True, help="Follow edges only in their direction.")
@click.option("--relation", default=None, metavar="LABEL", help="Only edges with this relation label.")
@format_option("table", "json")
def path(source, target, graph_path, store_path, directed, relation, fmt):
    """The shortest path from SOURCE to TARGET, with the evidence for each hop.

    Exits with 7 when there is none; the same entity twice is a path of 0 hops.
    """
    from graphx.analytics import shortest_path
    from graphx.formatting import path_text, to_json

    G, _ = _load(_graph_ref(graph_path), store_path)
    result = shortest_path(G, source, target, directed=directed, relation=relation)
    click.echo(to_json(result) if fmt == "json" else path_text(result))
    if result["length"] is None:
        raise click.exceptions.Exit(int(ExitStatus.NO_PATH))


@main.command()
@graph_options
@click.option("--resolution", default=1.0, show_default=True, type=click.FloatRange(min=0, min_open=True),
              help="Louvain resolution: above 1 gives more, smaller communities.")
@click.option("--seed", default=0, show_default=True, type=int, help="Random seed (same seed, same result).")
@click.option("--relation", default=None, metavar="LABEL", help="Only edges with this relation label.")
@click.option("--min-size", default=2, show_default=True, type=click.IntRange(min=1),
              help="Only communities of at least N entities (1: all, also entities on their own).")
@format_option("table", "json", "csv")
def communities(graph_path, store_path, resolution, seed, relation, min_size, fmt):
    """Communities of the graph (Louvain, networkx), largest first."""
    from graphx.analytics import communities as find_communities
    from graphx.formatting import communities_text, to_csv, to_json

    G, _ = _load(_graph_ref(graph_path), store_path)
    found = find_communities(G, resolution=resolution, seed=seed, relation=relation)
    rows = [r for r in found if r["size"] >= min_size]      # largest first: ids stay 1..len(rows)
    if fmt == "json":
        click.echo(to_json(rows))
    elif fmt == "csv":
        flat = [{"community": r["id"], "entity": m, "type": G.nodes[m].get("type")} for r in rows for m in r["members"]]
        click.echo(to_csv(flat, [("community", "community"), ("entity", "entity"), ("type", "type")]))
    else:
        click.echo(communities_text(rows, hidden=len(found) - len(rows), min_size=min_size))


@main.command()
@older_graph_argument
@graph_options
@click.option("--format", "fmt", required=True, type=click.Choice(["graphml", "gexf", "csv", "neo4j"]),
              help="graphml/gexf (Gephi, yEd), csv (nodes, edges, evidence), neo4j (import CSVs + Cypher).")
@click.option("--out", "out_dir", default="output/export", show_default=True, type=click.Path(file_okay=False),
              help="Folder for the exported files.")
def export(graph_arg, graph_path, store_path, fmt, out_dir):
    """Export the graph for other tools; files are written atomically into OUT."""
    from graphx.export import export as run_export

    G, _ = _load(_graph_ref(graph_path, graph_arg), store_path)
    written = run_export(G, fmt, out_dir)
    click.echo("Wrote: " + ", ".join(str(p) for p in written))


from graphx.model.commands import model as model_group

main.add_command(model_group)
