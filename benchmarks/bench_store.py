"""Store and query benchmarks (prints figures; no pass/fail).

Targets (issue 5):
- adding 10 articles to a store of 1,000 costs at most 10% of a full build of the 1,010;
- degree and PageRank centrality on a 10,000-node, 50,000-edge graph answer in under 2 s.

    python benchmarks/bench_store.py                 # synthetic results + stub extractor
    python benchmarks/bench_store.py --cost 0.05     # stub extractor spending 50 ms per article
    python benchmarks/bench_store.py --real          # also the real NLP pipeline on 10kGNAD articles

The synthetic runs go through `graphx.pipeline.build` (read, cache lookups, cross-article merge,
graph, render, store commit) with `graphx.extract` replaced by a stub that returns pre-generated
ArticleResults after sleeping `--cost` seconds per article. With --cost 0 the ratio only compares
fixed overheads (a build without NLP work), so it says nothing about the target; the default cost is
the per-article time of the real pipeline measured on this machine (0.12 s, 2 cores, de_graphx).
"""
from __future__ import annotations

import argparse
import csv
import hashlib
import random
import sys
import tempfile
import time
import types
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

TYPES = ("PERSON", "STATE", "ORG", "LOCATION")
RELATIONS = ("accuses", "supplies", "denies", "supports", "criticizes", "sanctions", "attacks", "meets")

from graphx.model.corpora import data_dir  # noqa: E402

NEWS_CSV = data_dir() / "news_10kgnad" / "test.csv"


def synthetic_result(name: str, sha: str, rng: random.Random, pool: list) -> dict:
    ents = rng.sample(pool, 8)
    entities = [{"name": n, "type": TYPES[hash(n) % 4], "aliases": [n, n.split()[-1]], "mentions": rng.randint(1, 4)}
                for n in ents]
    relations = []
    for i in range(6):
        s, t = rng.sample(ents, 2)
        sentence = f"{s} und {t}: Satz {i} in {name}."
        relations.append({"source": s, "target": t, "relation": rng.choice(RELATIONS),
                          "evidence": {"article": name, "sentence": sentence, "start": i * 120,
                                       "end": i * 120 + len(sentence), "attribution": None,
                                       "status": "stated", "cue": "x"}})
    return {"article": name, "sha256": sha, "entities": entities, "relations": relations}


def install_stub(results_by_name: dict, cost: float, counter: list):
    class StubExtractor:
        key = "stub@1+rules1"
        model_info = {"name": "stub", "version": "1"}

        def __init__(self, model=None, ner=None):
            pass

        def extract_many(self, articles, progress=None, n_process=1, dask=None):
            for article in articles:
                if cost:
                    time.sleep(cost)
                counter.append(article.name)
                yield article, dict(results_by_name[article.name], sha256=article.sha256)

    import graphx

    stub = types.SimpleNamespace(Extractor=StubExtractor)
    sys.modules["graphx.extract"] = stub
    graphx.extract = stub                # `from graphx import extract` reads the package attribute first


def write_articles(folder: Path, texts: dict) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")


def timed(fn):
    start = time.perf_counter()
    value = fn()
    return time.perf_counter() - start, value


def bench_incremental(cost: float, n_base: int = 1000, n_new: int = 10, seed: int = 1) -> dict:
    from graphx.pipeline import build

    rng = random.Random(seed)
    pool = [f"Vorname{i} Name{i}" for i in range(3000)]
    texts = {f"{i:05d}_a.txt": f"Artikel {i}. " + " ".join(rng.sample(pool, 5)) for i in range(n_base + n_new)}
    results = {name: synthetic_result(name, hashlib.sha256(text.encode()).hexdigest(), rng, pool)
               for name, text in texts.items()}
    counter: list = []
    install_stub(results, cost, counter)
    names = sorted(texts)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        full_in = tmp / "full"
        write_articles(full_in, texts)
        t_full, full = timed(lambda: build([full_in], tmp / "out_full", max_nodes=300))
        assert full.processed == n_base + n_new
        inc_in = tmp / "inc"
        write_articles(inc_in, {n: texts[n] for n in names[:n_base]})
        build([inc_in], tmp / "out_inc", max_nodes=300)
        write_articles(inc_in, {n: texts[n] for n in names[n_base:]})
        counter.clear()
        t_inc, inc = timed(lambda: build([inc_in], tmp / "out_inc", max_nodes=300))
        assert inc.processed == n_new and len(counter) == n_new
        t_nochange, same = timed(lambda: build([inc_in], tmp / "out_inc", max_nodes=300))
        assert same.processed == 0
        store_size = (tmp / "out_inc" / "graphx.sqlite").stat().st_size
    return {"cost": cost, "full": t_full, "incremental": t_inc, "nochange": t_nochange,
            "ratio": t_inc / t_full, "nodes": full.graph.number_of_nodes(), "edges": full.graph.number_of_edges(),
            "store_mb": store_size / 1e6}


def bench_real(n_base: int = 1000, n_new: int = 10, data: Path = NEWS_CSV) -> dict:
    """The real pipeline (graphx.extract with the NLP model) on 10kGNAD articles."""
    import importlib

    import graphx

    sys.modules.pop("graphx.extract", None)
    graphx.extract = importlib.import_module("graphx.extract")
    from graphx.pipeline import build

    with open(data, encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle, delimiter=";", quotechar="'"))
    texts = {f"{i:05d}_{label.lower()}.txt": text for i, (label, text) in enumerate(rows[:n_base + n_new])}
    names = sorted(texts)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        write_articles(tmp / "full", texts)
        t_full, full = timed(lambda: build([tmp / "full"], tmp / "out_full", max_nodes=300))
        write_articles(tmp / "inc", {n: texts[n] for n in names[:n_base]})
        t_base, _ = timed(lambda: build([tmp / "inc"], tmp / "out_inc", max_nodes=300))
        write_articles(tmp / "inc", {n: texts[n] for n in names[n_base:]})
        t_inc, inc = timed(lambda: build([tmp / "inc"], tmp / "out_inc", max_nodes=300))
    return {"full": t_full, "base": t_base, "incremental": t_inc, "ratio": t_inc / t_full,
            "processed": inc.processed, "nodes": full.graph.number_of_nodes(),
            "edges": full.graph.number_of_edges(), "per_article": t_full / (n_base + n_new)}


def bench_centrality(n_nodes: int = 10_000, n_edges: int = 50_000, seed: int = 2) -> dict:
    import networkx as nx

    from graphx.analytics import centrality

    rng = random.Random(seed)
    G = nx.MultiDiGraph()
    for i in range(n_nodes):
        G.add_node(f"E{i}", label=f"E{i}", type=TYPES[i % 4], aliases=[f"E{i}"], articles=[], mentions=1)
    nodes = list(G.nodes)
    added = 0                                      # (G.number_of_edges() is O(nodes) per call)
    while added < n_edges:
        u, v = rng.choice(nodes), rng.choice(nodes)
        rel = rng.choice(RELATIONS)
        if u != v and not G.has_edge(u, v, rel):
            G.add_edge(u, v, key=rel, relation=rel, weight=rng.randint(1, 3), evidence=[])
            added += 1
    figures = {}
    for metric in ("degree", "pagerank"):
        figures[metric], rows = timed(lambda: centrality(G, metric, top=20))
        assert len(rows) == 20
    figures["pagerank --relation supplies"], _ = timed(lambda: centrality(G, "pagerank", relation="supplies"))
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cost", type=float, default=0.12,
                        help="seconds the stub extractor spends per article (default: the real pipeline's)")
    parser.add_argument("--real", action="store_true", help="also time the real NLP pipeline (minutes)")
    parser.add_argument("--data", type=Path, default=NEWS_CSV,
                        help=f"10kGNAD test.csv for --real (default {NEWS_CSV}; or set GRAPHX_DATA)")
    args = parser.parse_args()

    print("Centrality on 10,000 nodes / 50,000 edges (target < 2 s each):")
    for metric, seconds in bench_centrality().items():
        print(f"  {metric:28s} {seconds:6.2f} s")

    for cost in dict.fromkeys([0.0, args.cost]):
        r = bench_incremental(cost)
        print(f"\nIncremental build, stub extractor at {cost * 1000:.0f} ms/article "
              f"({r['nodes']} entities, {r['edges']} edges, store {r['store_mb']:.1f} MB):")
        print(f"  full build of 1,010:          {r['full']:7.2f} s")
        print(f"  1,000 in store + 10 new:      {r['incremental']:7.2f} s   = {r['ratio']:.1%} of the full build"
              f"  (target <= 10%)")
        print(f"  rebuild, nothing new:         {r['nochange']:7.2f} s")
        if cost == 0:
            print("  (no extraction cost: this ratio compares fixed per-build costs only)")

    if args.real:
        r = bench_real(data=args.data)
        print(f"\nReal pipeline on 10kGNAD ({r['nodes']} entities, {r['edges']} edges, "
              f"{r['per_article'] * 1000:.0f} ms/article in the full build):")
        print(f"  full build of 1,010:          {r['full']:7.2f} s")
        print(f"  build of the first 1,000:     {r['base']:7.2f} s")
        print(f"  1,000 in store + 10 new:      {r['incremental']:7.2f} s   = {r['ratio']:.1%} of the full build"
              f"  ({r['processed']} processed; target <= 10%)")


if __name__ == "__main__":
    main()
