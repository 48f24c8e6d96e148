"""Where the CPU of `graphx build --dask local:N` goes, next to `--processes N` (issue 19; figures only).

    python benchmarks/bench_dask_cpu.py --articles 200                  # 10kGNAD rows, graphx's model
    python benchmarks/bench_dask_cpu.py --articles 200 --engines "--processes 2" "--dask local:2"

Each build runs in a fresh process on the same articles (the first rows of 10kGNAD's test.csv, or the
seed articles repeated without it; written into a temporary folder, never into the repository), with
`--no-store`. CPU seconds are split by process: the client (for a local cluster also its scheduler and
nannies, which live in the client process) and each worker, sampled every 0.5 s from /proc (the last
half second of a process may be missed); the total is exact (getrusage of the reaped children).
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import run as bench  # noqa: E402

TICKS = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid: int) -> float | None:
    try:
        with open(f"/proc/{pid}/stat", "rb") as handle:
            fields = handle.read().rsplit(b")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / TICKS       # utime + stime
    except (OSError, ValueError, IndexError):
        return None


def measure(cmd, env) -> dict:
    import resource

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=bench.ROOT)
    seen, stop = {}, threading.Event()

    def sample():
        while not stop.is_set():
            for pid in bench.process_family(proc.pid):
                value = cpu_seconds(pid)
                if value is not None:
                    seen[pid] = value
            stop.wait(0.5)

    thread = threading.Thread(target=sample, daemon=True)
    thread.start()
    out, err = proc.communicate()
    wall = time.perf_counter() - started
    stop.set()
    thread.join()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        raise SystemExit(f"failed ({proc.returncode}): {' '.join(map(str, cmd))}\n{err[-2000:]}")
    total = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    client = seen.pop(proc.pid, 0.0)
    others = sorted((v for v in seen.values() if v >= 0.05), reverse=True)
    return {"wall": wall, "total": total, "client": client, "workers": others}


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--engines", nargs="+", default=["--processes 2", "--dask local:2"])
    parser.add_argument("--model", help="--model for graphx build (default: graphx's own)")
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--out", help="append the table (Markdown) to this file")
    parser.add_argument("--commit", help="the graphx commit measured (default: git HEAD)")
    args = parser.parse_args(argv)
    rows, source = bench.load_rows(bench.DATA, quick=True)
    work = Path(tempfile.mkdtemp(prefix="graphx-dask-cpu-"))
    head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True,
                          cwd=bench.ROOT).stdout.strip() if not args.commit else args.commit
    lines = [f"Date: {time.strftime('%Y-%m-%d %H:%M', time.gmtime())} UTC, commit {head}, load average "
             f"{os.getloadavg()[0]:.1f} at the start. Machine: {bench.machine()}.",
             f"Input: the first {args.articles:,} of {source}; `graphx build --no-store`"
             + (f" --model {Path(args.model).name}" if args.model else "") + ".", "",
             "| engine | wall (s) | CPU all (s) | CPU client process (s) | CPU per worker (s) | load avg at end |",
             "|---|---:|---:|---:|---|---:|"]
    print("\n".join(lines), flush=True)
    try:
        folder = work / "in"
        bench.write_corpus(rows, 0, args.articles, folder)
        for _ in range(args.repeat):
            for engine in args.engines:
                out = work / "out"
                shutil.rmtree(out, ignore_errors=True)
                cmd = [sys.executable, "-m", "graphx", "build", str(folder), "--out", str(out), "--no-store",
                       "--quiet", *engine.split()] + (["--model", args.model] if args.model else [])
                r = measure(cmd, bench.child_env())
                lines.append(f"| `{engine}` | {r['wall']:.1f} | {r['total']:.1f} | {r['client']:.1f} | "
                             f"{' + '.join(f'{w:.1f}' for w in r['workers'])} | {os.getloadavg()[0]:.1f} |")
                print(lines[-1], flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
        if args.out:
            with open(args.out, "a", encoding="utf-8") as handle:
                handle.write("\n".join(lines) + "\n\n")


if __name__ == "__main__":
    main()
