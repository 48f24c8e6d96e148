"""`graphx build --dask`: the per-article extraction on Dask distributed workers.

The client sends batches of articles (their text travels with the task, so workers need no shared
folder) and gets back the small per-article results, as the `--processes` pool does; each worker
process loads the pipeline once. At most IN_FLIGHT batches per worker thread are submitted at a
time, so the client's memory does not grow with the number of articles. A worker that dies
mid-batch makes the scheduler run the batch again elsewhere; a batch that kills workers
`allowed-failures` times (Dask's setting, 3) costs its articles (each one a warning), not the build.
"""
from __future__ import annotations

import logging
import re
import threading
from contextlib import contextmanager

from graphx.errors import ClusterError, GraphxError, UsageError

LOCAL = re.compile(r"local(?::(.*))?", re.I)
MAX_LOCAL_WORKERS = 256
IN_FLIGHT = 4               # batches queued per worker thread
CONNECT_TIMEOUT = 10.0      # seconds to reach a scheduler
WORKER_WAIT = 60.0          # seconds to wait for a scheduler's first worker
# no dashboard, and the scheduler's HTTP server on a free port (8787 may be taken by another cluster)
NO_DASHBOARD = {"dashboard_address": None, "scheduler_kwargs": {"dashboard_address": ":0"}}
# Dask settings for the client (and a local cluster's scheduler, nannies and workers). Connections keep
# their last 1,000 messages for debugging, here batches with their articles' text (tens of MB that grew
# with every batch until the 1,000th). The rest is Dask's housekeeping, which an idle local:2 cluster
# paid with 8% of a core (the client process 4.3%, each worker 1.8%; 1.3% in all with these): a
# statistical profiler sampling the workers' stacks every 10 ms, event-loop ticks every 20 ms, memory
# checks every 100 ms, system monitors every 0.5 s, work stealing and the active memory manager (the
# batches are independent and queued on the scheduler, nothing is replicated).
QUIET = {"distributed.admin.low-level-log-length": 8, "distributed.worker.profile.enabled": False,
         "distributed.admin.tick.interval": "1s", "distributed.worker.memory.monitor-interval": "1s",
         "distributed.admin.system-monitor.interval": "5s", "distributed.admin.system-monitor.disk": False,
         "distributed.scheduler.work-stealing": False, "distributed.scheduler.active-memory-manager.start": False}
INSTALL_HINT = "pip install 'graphx[dask]' (in a checkout: pip install -e '.[dask]')"


def parse_dask(value: str) -> tuple[str, object]:
    """'local' or 'local:N' -> ("local", N or None: one per core); anything else is a scheduler
    address ("tcp://host:8786", "host:8786"). UsageError for a bad value."""
    text = str(value).strip()
    match = LOCAL.fullmatch(text)
    if match:
        if match.group(1) is None:
            return "local", None
        try:
            workers = int(match.group(1))
        except ValueError:
            raise UsageError(f"--dask {value!r}: local:N needs a number of workers, e.g. local:2") from None
        if not 1 <= workers <= MAX_LOCAL_WORKERS:
            raise UsageError(f"--dask {value!r}: local:N needs 1 to {MAX_LOCAL_WORKERS} workers")
        return "local", workers
    if not text or any(c.isspace() for c in text):
        raise UsageError(f"--dask {value!r}: give a scheduler address (tcp://host:8786) or local[:N]")
    return "address", text


def _distributed():
    try:
        import distributed
    except ImportError:
        raise ClusterError(f"--dask needs the packages dask and distributed: {INSTALL_HINT}") from None
    return distributed


@contextmanager
def connect(spec):
    """A Dask `Client` for a parsed --dask value: a new LocalCluster or a running scheduler."""
    distributed = _distributed()
    import dask

    with dask.config.set(QUIET):
        with _connect(distributed, spec) as client:
            yield client


@contextmanager
def _connect(distributed, spec):
    kind, value = spec
    for name in ("distributed", "distributed.worker", "distributed.nanny", "distributed.scheduler"):
        logging.getLogger(name).setLevel(logging.ERROR)   # a restarted worker is no news on stderr
    cluster = client = None
    try:
        try:
            if kind == "local":
                cluster = distributed.LocalCluster(n_workers=value, threads_per_worker=1, processes=True,
                                                   silence_logs=logging.ERROR, **NO_DASHBOARD)
                client = distributed.Client(cluster, set_as_default=False)
            else:
                client = distributed.Client(value, timeout=CONNECT_TIMEOUT, set_as_default=False)
                try:
                    client.wait_for_workers(1, timeout=WORKER_WAIT)
                except TimeoutError:
                    raise ClusterError(f"the Dask scheduler {value} has no worker (waited {WORKER_WAIT:g} s)") from None
        except (GraphxError, KeyboardInterrupt):
            raise
        except Exception as exc:  # noqa: BLE001  (unreachable, refused, bad address)
            where = "a local Dask cluster" if kind == "local" else f"the Dask scheduler {value}"
            reason = " ".join(str(exc).split()) or type(exc).__name__
            raise ClusterError(f"cannot use {where}: {reason[:200]}") from None
        yield client
    except BaseException:
        close(client, cluster)
        raise
    # the results are in: a local cluster shuts down (seconds) while the client builds the graph;
    # the thread is not a daemon, so the process ends only once the workers are gone
    threading.Thread(target=close, args=(client, cluster), name="graphx-dask-close").start()


def close(*parts) -> None:
    for part in parts:
        if part is not None:
            try:
                part.close()
            except Exception:  # noqa: BLE001  (already gone)
                pass


def extract(spec, model, ner, articles, batch_size=16):
    """Yield (index into `articles`, ArticleResult) in the order the batches finish; the batches are
    those of the --processes pool (`graphx.extract.parallel_tasks`)."""
    from graphx.extract import parallel_tasks

    distributed = _distributed()
    with connect(spec) as client:
        threads = max(1, sum(client.nthreads().values()))
        waiting = iter(parallel_tasks(articles, threads, batch_size))
        running = {}
        done = distributed.as_completed(loop=client.loop)

        def submit_next():
            task = next(waiting, None)
            if task is not None:
                future = client.submit(run_on_worker, model, ner, task, pure=False)
                running[future.key] = future, task
                done.add(future)

        try:
            for _ in range(IN_FLIGHT * threads):
                submit_next()
            for future in done:
                _, task = running.pop(future.key)
                batch = batch_result(future, task, distributed)
                future.release()
                submit_next()
                yield from batch
        finally:
            if running:                               # Ctrl-C or an error: drop the queued batches
                client.cancel([future for future, _ in running.values()])


def batch_result(future, task, distributed) -> list:
    """The (index, result) pairs of a finished batch; a batch that kept killing workers fails
    article by article, as a rule error would; any other failure stops the build (one line)."""
    from graphx.extract import failed_result

    try:
        return future.result()
    except distributed.KilledWorker:
        start, articles, _ = task
        return [(start + i, failed_result(article, "its Dask worker died on every attempt"))
                for i, article in enumerate(articles)]
    except (GraphxError, KeyboardInterrupt):
        raise
    except Exception as exc:  # noqa: BLE001  (a worker's exception, e.g. a missing model there)
        reason = " ".join(f"{type(exc).__name__}: {exc}".split())
        raise ClusterError(f"a Dask worker failed: {reason[:200]}") from None


_EXTRACTORS = {}
_LOAD = threading.Lock()


def worker_extractor(model, ner):
    """The worker process's Extractor for (model, ner), its pipeline loaded once per process."""
    with _LOAD:
        extractor = _EXTRACTORS.get((model, ner))
        if extractor is None:
            from graphx.extract import Extractor
            extractor = Extractor(model, ner)
            extractor.nlp
            _EXTRACTORS[(model, ner)] = extractor
    return extractor


def run_on_worker(model, ner, task) -> list:
    from graphx.extract import run_task
    return run_task(worker_extractor(model, ner), task)
