"""The store at archive scale (issue 19; prints figures, no pass/fail).

    python benchmarks/bench_store_scale.py                   # 1,000,000 articles
    python benchmarks/bench_store_scale.py --articles 100000

Synthetic articles (a short text each) and results (four entities, one relation) go through the
store's build path: the results in chunks of 500 (`Store.add_results`, one transaction each, as
`graphx build` streams them), the cache lookup of every article (`cached_results`), the build's
record (`commit_build`: articles and snapshot in one transaction, with a small graph), then the same
record again (an unchanged rebuild) and one with 10 articles added. Prints each step's wall and CPU
time, the store's size and the peak RSS of this process.
"""
from __future__ import annotations

import argparse
import hashlib
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from graphx.graph import build_graph  # noqa: E402
from graphx.reader import Article  # noqa: E402
from graphx.store import Store  # noqa: E402

KEY = "bench@1+rules1"
CHUNK = 500


def article(i: int) -> Article:
    text = f"Meldung {i}: Frankreich kritisiert Russland. Die Nato unterstützt die Ukraine.\n"
    return Article(name=f"{i:07d}.txt", path=Path(f"{i:07d}.txt"), text=text,
                   sha256=hashlib.sha256(text.encode()).hexdigest())


def result(a: Article) -> dict:
    names = [("Frankreich", "STATE"), ("Russland", "STATE"), ("Nato", "ORG"), ("Ukraine", "STATE")]
    return {"article": a.name, "sha256": a.sha256,
            "entities": [{"name": n, "type": t, "aliases": [n], "mentions": 1} for n, t in names],
            "relations": [{"source": "Frankreich", "target": "Russland", "relation": "criticizes",
                           "article": a.name, "evidence": {"sentence": a.text[:40], "start": 0, "end": 40}}]}


def timed(label: str, action):
    """Wall and CPU seconds (on a shared host the CPU time is the steadier figure)."""
    started, cpu = time.perf_counter(), time.process_time()
    value = action()
    print(f"{label}: {time.perf_counter() - started:.1f} s wall, {time.process_time() - cpu:.1f} s CPU", flush=True)
    return value


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1_000_000)
    args = parser.parse_args(argv)
    n = args.articles
    with tempfile.TemporaryDirectory(prefix="graphx-store-scale-") as tmp:
        path = Path(tmp) / "graphx.sqlite"
        articles = [article(i) for i in range(n)]
        G = build_graph([result(a) for a in articles[:1000]])          # the graph's size is not the point
        with Store.open(path) as store, store.build_lock():
            def stream():
                for start in range(0, n, CHUNK):
                    store.add_results([(a.sha256, result(a)) for a in articles[start:start + CHUNK]], KEY)
            timed(f"{n:,} results in {n // CHUNK:,} transactions of {CHUNK}", stream)
            found = timed(f"cache lookup of {n:,} articles", lambda: store.cached_results([a.sha256 for a in articles], KEY))
            assert len(found) == n
            del found
            timed(f"commit_build of {n:,} articles (articles and snapshot, one transaction)",
                  lambda: store.commit_build(articles, {}, KEY, G))
            timed("the same build again (no new snapshot)", lambda: store.commit_build(articles, {}, KEY, G))
            more = articles + [article(n + i) for i in range(10)]
            store.add_results([(a.sha256, result(a)) for a in more[n:]], KEY)
            timed("10 articles more", lambda: store.commit_build(more, {}, KEY, G))
        size = sum(p.stat().st_size for p in Path(tmp).iterdir())
        print(f"store: {size / 2**20:,.0f} MB; peak RSS of this process "
              f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:,.0f} MB", flush=True)


if __name__ == "__main__":
    main()
