"""`graphx build`: read -> annotate -> extract -> resolve across articles -> graph -> outputs."""
from __future__ import annotations

import gc
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from graphx.errors import InputError, OutputError, UsageError


class StrictInputError(InputError):
    """--strict: any warning about the inputs is fatal (bad input; nothing is written)."""

    def __init__(self, warnings):
        self.warnings = list(warnings)
        super().__init__(f"{len(self.warnings)} warning(s) about the inputs (--strict), the first: {self.warnings[0]}")
from graphx.reader import read_articles, shown


@dataclass
class BuildResult:
    graph: object
    articles: list
    warnings: list = field(default_factory=list)
    processed: int = 0          # articles run through the NLP (the rest came from the store)
    outputs: list = field(default_factory=list)
    snapshot: int | None = None
    snapshot_new: bool = False  # False: nothing changed since that snapshot, none was recorded

    def summary(self) -> dict:
        G = self.graph
        degree = sorted(G.degree(), key=lambda item: (-item[1], item[0]))[:5]
        return {
            "articles": len(self.articles),
            "processed": self.processed,
            "entities": dict(sorted(Counter(d["type"] for _, d in G.nodes(data=True)).items())),
            "relations": dict(sorted(Counter(d["relation"] for *_, d in G.edges(data=True)).items())),
            "top_degree": degree,
            "warnings": len(self.warnings),
            "snapshot": self.snapshot,
            "snapshot_new": self.snapshot_new,
        }


def check_writable(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"cannot create output folder {folder}: {exc.strerror or exc}") from None
    if not folder.is_dir():
        raise OutputError(f"output path {folder} is not a folder")
    import os
    if not os.access(folder, os.W_OK | os.X_OK):
        raise OutputError(f"output folder {folder} is not writable")


def build(paths, out_dir="output", *, model=None, ner=None, aliases=None, store_path=None,
          use_store=True, size_by="pagerank", max_nodes=None, lang="de", progress=None, n_process=1,
          strict=False, any_language=False, dask=None) -> BuildResult:
    """Run the whole pipeline and write graph.json and graph.html atomically into `out_dir`.

    `dask`: a scheduler address or "local[:N]" (graphx.cluster); the extraction then runs on Dask
    workers, the rest as with `n_process`. New results go into the store in chunks as they arrive
    (a cache: no article, snapshot or output changes until all results are in and the graph is built)."""
    from contextlib import closing

    from graphx import extract
    from graphx.annotate import check_ner
    from graphx.graph import build_graph, dumps_graph, write_atomic
    from graphx.resolve import AliasTable, merge_plan

    check_ner(ner)
    if dask is not None:
        from graphx.cluster import parse_dask
        dask = parse_dask(dask)
        if n_process > 1:
            raise UsageError("--processes and --dask both say where the NLP runs: give one of them")
    out_dir = Path(out_dir)
    check_writable(out_dir)
    alias_table = AliasTable.load(aliases) if aliases else AliasTable()
    report = read_articles(paths, any_language=any_language)
    if strict and report.warnings:
        raise StrictInputError(report.warnings)
    articles = report.articles
    store, gc_was_enabled = None, False
    if use_store:
        from graphx.store import Store
        store = Store.open(Path(store_path) if store_path else out_dir / "graphx.sqlite")
    try:
        lock = store.build_lock() if store else _nolock()
        with lock:
            extractor = extract.Extractor(model=model, ner=ner)
            key = extractor.key               # from the model's meta: loads no pipeline
            # with a store, results stay there (cached ones, and new ones as they arrive) and the graph
            # is built from it in two passes of a chunk at a time: the client keeps no list of results
            cached = store.cached_hashes([a.sha256 for a in articles], key) if store else set()
            todo = [a for a in articles if a.sha256 not in cached]
            del cached
            results, failed, chunk = {}, set(), []
            with closing(extractor.extract_many(todo, progress=progress, n_process=n_process, dask=dask)) as stream:
                for article, result in stream:
                    if result.get("error"):     # the rules failed on this article: skip it, cache nothing
                        failed.add(article.name)
                        report.warnings.append(f"{shown(article.path)}: skipped: extraction failed ({result['error']})")
                        continue
                    if not store:
                        results[article.name] = result
                        continue
                    chunk.append((article.sha256, result))
                    if len(chunk) >= STORE_CHUNK:
                        store.add_results(chunk, key)
                        chunk = []
            if store:
                store.add_results(chunk, key)
                chunk = []
            if failed:
                if strict:
                    raise StrictInputError(report.warnings)
                articles = [a for a in articles if a.name not in failed]
                if not articles:
                    raise InputError(f"no article could be extracted ({len(failed)} failed)")
            # Below, many objects are made and none of them are garbage cycles: without the cyclic GC
            # scanning the results again and again, merge/graph/store take linear time (-60% at 10k)
            gc_was_enabled = gc.isenabled()
            gc.disable()

            def ordered():
                return store.iter_results(articles, key) if store else (results[a.name] for a in articles)
            merge = merge_plan(ordered(), alias_table)
            G = build_graph((merge(result) for result in ordered()), model=extractor.model_info)
            del results
            from graphx.render import render_html
            html = render_html(G, size_by=size_by, max_nodes=max_nodes, lang=lang)
            graph_json = dumps_graph(G)
            snapshot, snapshot_new = None, False
            if store:
                before = [s["id"] for s in store.snapshots()]
                snapshot = store.commit_build(articles, {}, key, G)  # the results are stored already
                snapshot_new = snapshot not in before
            write_atomic(out_dir / "graph.json", graph_json)
            write_atomic(out_dir / "graph.html", html)
    finally:
        if gc_was_enabled:
            gc.enable()
        if store:
            store.close()
    return BuildResult(graph=G, articles=articles, warnings=report.warnings, processed=len(todo),
                       outputs=[out_dir / "graph.json", out_dir / "graph.html"], snapshot=snapshot,
                       snapshot_new=snapshot_new)


STORE_CHUNK = 500           # new results per store transaction


class _nolock:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False
