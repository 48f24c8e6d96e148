"""CPU of an idle LocalCluster of 2 workers (Dask's housekeeping), per wall second: the client process
(with scheduler and nannies) and each worker process. Figures only.

    python benchmarks/bench_dask_idle.py                      # Dask's defaults
    SECS=30 python benchmarks/bench_dask_idle.py '{"distributed.admin.tick.interval": "1s"}'
    python benchmarks/bench_dask_idle.py "$(python -c 'import json; from graphx.cluster import QUIET; print(json.dumps(QUIET))')"
"""
from __future__ import annotations

import json
import logging
import os
import sys
import time


def cpu(process) -> float:
    times = process.cpu_times()
    return times.user + times.system


def run(conf: dict, seconds: float):
    """(client share of a core, [each child's share], child names) over `seconds` of an idle cluster."""
    import dask
    import distributed
    import psutil

    with dask.config.set(conf):
        with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, silence_logs=logging.ERROR,
                                      dashboard_address=None, scheduler_kwargs={"dashboard_address": ":0"}) as local, \
                distributed.Client(local, set_as_default=False) as client:
            client.submit(sum, [1, 2]).result()
            me = psutil.Process()
            kids = me.children(recursive=True)
            before = cpu(me), [cpu(k) for k in kids]
            time.sleep(seconds)
            after = cpu(me), [cpu(k) for k in kids]
    return ((after[0] - before[0]) / seconds, [(b - a) / seconds for a, b in zip(before[1], after[1])],
            [k.name() for k in kids])


if __name__ == "__main__":
    conf = json.loads(sys.argv[1]) if len(sys.argv) > 1 else {}
    client, children, names = run(conf, float(os.environ.get("SECS", 30)))
    print(f"client {client * 100:.1f}% of a core, children {[round(c * 100, 1) for c in children]}, conf {conf}")
