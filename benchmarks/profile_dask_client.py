"""What the client of `graphx build --dask` keeps per article: tracemalloc snapshots in one process.

    python benchmarks/profile_dask_client.py --articles 1000               # --dask local:2, blank model
    python benchmarks/profile_dask_client.py --articles 1000 --engine ""   # one process, for comparison

Runs `graphx.pipeline.build` in this process (a local cluster's scheduler and nannies live here too)
on the seed articles repeated (as bench_dask_memory.py), snapshots the traced Python memory at 20% and
at 95% of the extraction and after the build, and prints the allocation sites whose memory grew most
between the first two, per article. RSS of this process is printed beside. Slow (tracemalloc): use
1,000-2,000 articles.
"""
from __future__ import annotations

import argparse
from collections import Counter
import gc
import resource
import shutil
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))
import run as bench  # noqa: E402
from bench_dask_memory import blank_model  # noqa: E402


def rss_mb() -> float:
    return bench.family_rss({__import__("os").getpid()}) / 2**20


def dask_state() -> str:
    """Sizes of what Dask keeps in this process (scheduler, client, nannies, comms), if anything."""
    try:
        from distributed import Client, Scheduler
        from distributed.batched import BatchedSend
        from distributed.comm.tcp import TCP
    except ImportError:
        return ""
    found = {}
    for obj in gc.get_objects():
        if isinstance(obj, Scheduler):
            found["scheduler tasks"] = len(obj.tasks)
            found["transition log"] = len(obj.transition_log)
            found["events"] = sum(len(v) for v in getattr(obj, "_events", getattr(obj, "events", {})).values())
            found["task groups"] = len(obj.task_groups)
            found["computations"] = len(obj.computations)
            found["task metadata"] = len(getattr(obj, "task_metadata", ()))
            found["clients' wants"] = sum(len(c.wants_what) for c in obj.clients.values())
        elif isinstance(obj, Client):
            found["client futures"] = len(obj.futures)
        elif isinstance(obj, BatchedSend):
            found["batched-send buffers"] = found.get("batched-send buffers", 0) + len(obj.buffer)
            found["batched-send logs"] = found.get("batched-send logs", 0) + len(getattr(obj, "recent_message_log", ()))
    return ", ".join(f"{k} {v}" for k, v in found.items())


def serialized_holders() -> str:
    """The types of the objects that refer to Dask's Serialized messages, two levels up."""
    from distributed.protocol.serialize import Serialized

    found, frames = Counter(), {id(sys._getframe())}
    for obj in gc.get_objects():
        if isinstance(obj, Serialized):
            for ref in gc.get_referrers(obj):
                if isinstance(ref, list) and len(ref) > 1000:       # gc.get_objects() itself
                    continue
                ups = [type(up).__name__ for up in gc.get_referrers(ref)
                       if not (isinstance(up, list) and len(up) > 1000)][:3]
                found[f"{type(ref).__name__} <- {'/'.join(ups)}"] += 1
    return "; ".join(f"{k}: {v}" for k, v in found.most_common(8)) or "none"


def guarded(function):
    try:
        return function()
    except Exception as exc:  # noqa: BLE001  (a Dask version without these attributes)
        return f"({type(exc).__name__}: {exc})"


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--engine", default="local:2", help="--dask value; empty: one process")
    parser.add_argument("--frames", type=int, default=8)
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--no-trace", action="store_true", help="RSS only (no tracemalloc)")
    parser.add_argument("--types", action="store_true", help="also count live objects by type at each mark")
    args = parser.parse_args(argv)
    from graphx.pipeline import build

    work = Path(tempfile.mkdtemp(prefix="graphx-dask-profile-"))
    try:
        model = blank_model(work)
        rows = [("seed", p.read_text(encoding="utf-8")) for p in sorted(bench.SEEDS.glob("*.txt"))]
        bench.write_corpus(rows, 0, args.articles, work / "in")
        if not args.no_trace:
            tracemalloc.start(args.frames)
        marks, snaps, counts = {}, {}, {}

        def progress(done, total):
            for label, share in (("20%", 0.2), ("95%", 0.95)):
                if label not in marks and done >= share * total:
                    gc.collect()
                    marks[label] = (done, rss_mb(), time.perf_counter())
                    if not args.no_trace:
                        snaps[label] = tracemalloc.take_snapshot()
                    print(f"{label}: {done} articles, RSS {marks[label][1]:.0f} MB", flush=True)
                    print("   ", guarded(dask_state), flush=True)
                    if args.types:
                        counts[label] = Counter(type(o).__name__ for o in gc.get_objects())
                        if label == "95%":
                            print("    who holds Dask's serialized messages:", guarded(serialized_holders), flush=True)
                        if len(counts) == 2:
                            grown = (counts["95%"] - counts["20%"]).most_common(12)
                            print("    objects grown since 20%:", ", ".join(f"{n} +{k}" for n, k in grown), flush=True)

        started = time.perf_counter()
        cpu0 = resource.getrusage(resource.RUSAGE_SELF)
        result = build([work / "in"], work / "out", model=str(model), dask=args.engine or None, progress=progress)
        print(f"{len(result.articles)} articles in the graph, {len(result.warnings)} warnings", *result.warnings[:3],
              sep="\n  ")
        cpu1 = resource.getrusage(resource.RUSAGE_SELF)
        print(f"build: {time.perf_counter() - started:.0f} s, this process's CPU "
              f"{cpu1.ru_utime + cpu1.ru_stime - cpu0.ru_utime - cpu0.ru_stime:.1f} s, RSS now {rss_mb():.0f} MB, "
              f"peak {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
        if args.no_trace:
            return
        gc.collect()
        snaps["end"] = tracemalloc.take_snapshot()
        articles = marks["95%"][0] - marks["20%"][0]
        for name, snap in snaps.items():
            print(f"traced at {name}: {sum(s.size for s in snap.statistics('filename')) / 2**20:.1f} MB")
        print(f"\ngrowth 20% -> 95% of the extraction ({articles} articles), by site, bytes per article:")
        diff = snaps["95%"].compare_to(snaps["20%"], "traceback")
        for stat in diff[:args.top]:
            if stat.size_diff <= 0:
                break
            print(f"{stat.size_diff / articles:8.0f} B/article  {stat.size_diff / 2**20:6.2f} MB  "
                  f"{stat.count_diff:+7d} blocks")
            for line in stat.traceback.format(limit=args.frames, most_recent_first=True)[:2 * args.frames]:
                print("      " + line.strip())
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
