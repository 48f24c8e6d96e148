"""graphx command line: thin click layer over the library.

Each command parses options, calls one library function and formats its result;
graphx's own exceptions become a one-line message and an `ExitStatus`.
"""
from __future__ import annotations

import functools
import sys

import click

from graphx import __version__
from graphx.errors import ExitStatus, GraphxError


class GraphxGroup(click.Group):
    """Maps library errors and interrupts to one-line messages and exit codes."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except GraphxError as exc:
            click.echo(f"Error: {exc}", err=True)
            ctx.exit(int(exc.exit_status))
        except KeyboardInterrupt:
            click.echo("Interrupted: previous outputs are unchanged.", err=True)
            ctx.exit(int(ExitStatus.INTERRUPTED))


EXIT_CODES_HELP = ("Exit codes: 0 ok, 1 unexpected error, 2 usage, 3 bad input, 4 output not writable, "
                   "5 finished with warnings, 6 model error, 130 interrupted.")


@click.group(cls=GraphxGroup, epilog=EXIT_CODES_HELP)
@click.version_option(__version__, prog_name="graphx")
def main():
    """graphx: entity-and-relation graphs from German news articles."""


def progress_bar(total):
    """A click progress bar when there are more than a few articles, else nothing."""
    if total <= 3:
        return None
    return click.progressbar(length=total, label="Extracting", file=sys.stderr)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--out", "out_dir", default="output", show_default=True, type=click.Path(file_okay=False),
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
              help="Draw only the N most central entities in graph.html.")
@click.option("--processes", default=1, show_default=True, type=click.IntRange(1, 64),
              help="Worker processes for the NLP stage.")
@click.option("--strict", is_flag=True, help="Treat any skipped input as a fatal error.")
def build(paths, out_dir, model, ner, aliases, store_path, no_store, size_by, max_nodes, processes, strict):
    """Build the graph from articles (.txt, .md, .html; folders recursively).

    Writes OUT/graph.json (node-link JSON) and OUT/graph.html atomically.
    """
    from graphx.pipeline import build as run_build
    from graphx.reader import read_articles

    if strict:
        report = read_articles(paths)
        if report.warnings:
            for warning in report.warnings:
                click.echo(f"Warning: {warning}", err=True)
            raise click.exceptions.Exit(int(ExitStatus.WARNINGS))
    bar_holder = {}

    def progress(done, total):
        if "bar" not in bar_holder:
            bar_holder["bar"] = progress_bar(total)
            if bar_holder["bar"] is not None:
                bar_holder["bar"].__enter__()
        bar = bar_holder["bar"]
        if bar is not None:
            bar.update(done - bar.pos)
            if done >= total:
                bar.__exit__(None, None, None)

    result = run_build(paths, out_dir, model=model, ner=ner, aliases=aliases, store_path=store_path,
                       use_store=not no_store, size_by=size_by, max_nodes=max_nodes, progress=progress,
                       n_process=processes)
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
    lines.append("Wrote: " + ", ".join(str(p) for p in outputs))
    return "\n".join(lines)
