"""Benchmark the graph page: render time, page size, and layout time in headless Chromium.

    python benchmarks/bench_render.py [--nodes 2000] [--edges 5000] [--chromium /usr/bin/chromium]

Prints figures only; nothing timed is asserted. Targets (issue 6): a 2,000-node, 5,000-edge graph is
stable and responsive in the browser within 10 s; a page for a ~60-node/80-edge graph is <= 1.5 MB.
"""
from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from pathlib import Path

import networkx as nx

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from graphx.graph import ENTITY_TYPES, RELATIONS, build_graph  # noqa: E402
from graphx.render import render_html  # noqa: E402

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]


def synthetic_graph(n_nodes: int, n_edges: int, seed: int = 42):
    """A random graph shaped like graphx output: article results with entities and relations."""
    rng = random.Random(seed)
    skeleton = nx.gnm_random_graph(n_nodes, n_edges, seed=seed, directed=True)
    names = {i: f"{rng.choice(['Staat', 'Partei', 'Minister', 'Stadt', 'Verband'])} {i}" for i in skeleton}
    per_article = 25
    edges = list(skeleton.edges())
    results = []
    for start in range(0, max(len(edges), 1), per_article):
        article = f"{start // per_article:05d}_bench.txt"
        chunk = edges[start:start + per_article]
        touched = {n for e in chunk for n in e} if start else set(skeleton)
        results.append({
            "article": article, "sha256": "",
            "entities": [{"name": names[n], "type": ENTITY_TYPES[n % 4], "aliases": [names[n].upper()],
                          "mentions": rng.randint(1, 5)} for n in sorted(touched)],
            "relations": [{"source": names[u], "target": names[v], "relation": rng.choice(RELATIONS),
                           "evidence": {"article": article, "start": 40 * k, "end": 40 * k + 39,
                                        "sentence": f"{names[u]} und {names[v]}: ein Satz aus Artikel {article}.",
                                        "attribution": rng.choice(["", names[u]]),
                                        "status": rng.choice(["stated", "alleged"]), "cue": "sagen"}}
                          for k, (u, v) in enumerate(chunk)],
        })
    return build_graph(results, model={"name": "bench", "version": "0"})


def timed(label, func):
    started = time.perf_counter()
    value = func()
    print(f"{label}: {time.perf_counter() - started:.2f} s")
    return value


def browser_figures(path: Path, chromium: str, timeout_s: float = 120.0) -> None:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        print("browser: skipped (pip install playwright)")
        return
    if not os.path.exists(chromium):
        print(f"browser: skipped ({chromium} not found; apt-get install chromium)")
        return
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        errors, requests = [], []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("request", lambda r: requests.append(r.url))
        started = time.perf_counter()
        page.goto(path.as_uri())
        loaded = time.perf_counter() - started
        while not page.evaluate("!!(window.graphx && window.graphx.stable)"):
            if time.perf_counter() - started > timeout_s:
                print(f"browser: not stable after {timeout_s:.0f} s")
                break
            page.wait_for_timeout(50)
        stable = time.perf_counter() - started
        print(f"browser: load event after {loaded:.2f} s, layout stable and physics off after {stable:.2f} s "
              f"(target <= 10 s)")
        end, iterations = page.evaluate("[graphx.layoutEnd, graphx.layoutIterations]")
        print(f"browser: layout ended by {end} after {iterations} physics iterations")
        # responsiveness once stable: a JS round trip, one full redraw, and a relation filter toggle
        roundtrip = time.perf_counter()
        page.evaluate("1")
        print(f"browser: JS round trip {1000 * (time.perf_counter() - roundtrip):.0f} ms")
        redraw_ms = page.evaluate("""() => new Promise(resolve => {
            const t0 = performance.now();
            graphx.network.once('afterDrawing', () => resolve(performance.now() - t0));
            graphx.network.moveTo({scale: graphx.network.getScale() * 1.1});
        })""")
        print(f"browser: one redraw after zoom {redraw_ms:.0f} ms")
        toggle_ms = page.evaluate("""() => {
            const box = document.querySelector('[id^=filter-relation-]'), t0 = performance.now();
            box.click();                       // handler runs synchronously: filter + counts
            const hide = performance.now() - t0;
            box.click();
            return [box.id, hide, performance.now() - t0 - hide];
        }""")
        print(f"browser: relation filter ({toggle_ms[0]}) off {toggle_ms[1]:.0f} ms, on again {toggle_ms[2]:.0f} ms")
        moved = page.evaluate("""() => new Promise(resolve => {
            const a = JSON.stringify(graphx.network.getPositions());
            setTimeout(() => resolve(a !== JSON.stringify(graphx.network.getPositions())), 1000);
        })""")
        print(f"browser: nodes still moving 1 s after stabilising: {moved}")
        print(f"browser: console/page errors: {len(errors)}; requests: {len(requests)} "
              f"({'all file://' if all(u.startswith('file://') for u in requests) else 'NOT all file://'})")
        browser.close()


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=2000)
    parser.add_argument("--edges", type=int, default=5000)
    parser.add_argument("--size-by", default="pagerank")
    parser.add_argument("--max-nodes", type=int, default=None,
                        help="entities drawn (default: all of them, to time the whole graph)")
    parser.add_argument("--chromium", default=os.environ.get("GRAPHX_CHROMIUM", "/usr/bin/chromium"))
    args = parser.parse_args(argv)

    small = synthetic_graph(60, 80, seed=7)
    small_page = render_html(small)
    print(f"page size for {small.number_of_nodes()} nodes / {small.number_of_edges()} edges: "
          f"{len(small_page.encode('utf-8')) / 1e6:.3f} MB (target <= 1.5 MB)")

    G = timed(f"build {args.nodes}-node/{args.edges}-edge graph", lambda: synthetic_graph(args.nodes, args.edges))
    print(f"graph: {G.number_of_nodes()} nodes, {G.number_of_edges()} edges")
    max_nodes = args.max_nodes or args.nodes
    text = timed(f"render_html(size_by={args.size_by!r}, max_nodes={max_nodes})",
                 lambda: render_html(G, size_by=args.size_by, max_nodes=max_nodes))
    print(f"page size: {len(text.encode('utf-8')) / 1e6:.2f} MB")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "graph.html"
        path.write_text(text, encoding="utf-8")
        browser_figures(path, args.chromium)


if __name__ == "__main__":
    main()
