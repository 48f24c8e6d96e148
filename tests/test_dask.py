"""Issue 19: `graphx build --dask` gives the graph of a single-process build; faults (a worker killed
mid-batch, an article whose extraction fails, Ctrl-C) and bad --dask values are handled.

Skipped without the `dask` extra (CI installs it). The clusters here have real worker processes
except in the fast same-graph test, which uses threads (its real-process twin is marked slow)."""
from __future__ import annotations

import json
import shutil
import signal
import sys
import time
from pathlib import Path

import pytest

distributed = pytest.importorskip("distributed")

from dask_hooks import Faults  # noqa: E402
from test_cli import assert_one_line_error, run  # noqa: E402
from test_robustness import (Interruptible, article_texts, blank_model,  # noqa: E402,F401
                             check_interrupted_build_left_everything_usable, outputs_state, store_state)

from graphx import cluster  # noqa: E402
from graphx.errors import ExitStatus, UsageError  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


def graph_data(out: Path) -> dict:
    """graph.json without its build time."""
    data = json.loads((out / "graph.json").read_text(encoding="utf-8"))
    data["graph"].pop("built_at")
    return data


def folder_of(tmp: Path, texts: dict) -> Path:
    folder = tmp / "in"
    folder.mkdir()
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def seed_folder(tmp: Path, n: int) -> Path:
    folder = tmp / "seeds"
    folder.mkdir()
    for path in sorted(SEEDS.glob("*.txt"))[:n]:
        shutil.copy(path, folder / path.name)
    return folder


@pytest.fixture
def process_cluster():
    """A LocalCluster of two worker processes (one thread each) and a client on it."""
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, silence_logs=50,
                                  **cluster.NO_DASHBOARD) as local, distributed.Client(local, set_as_default=False) as client:
        yield local, client


# -- the option --------------------------------------------------------------------------------

def test_parse_dask_values():
    assert cluster.parse_dask("local") == ("local", None)
    assert cluster.parse_dask("local:3") == ("local", 3)
    assert cluster.parse_dask("tcp://10.0.0.5:8786") == ("address", "tcp://10.0.0.5:8786")
    assert cluster.parse_dask("scheduler:8786") == ("address", "scheduler:8786")
    for bad in ("local:0", "local:x", "local:", "local:-2", "", "tcp://a b"):
        with pytest.raises(UsageError):
            cluster.parse_dask(bad)


def test_build_help_shows_the_dask_option():
    result = run("build", "--help")
    assert result.exit_code == 0
    assert "--dask ADDRESS|local[:N]" in result.output and "Dask workers" in result.output
    assert "8 Dask cluster unusable" in " ".join(run("--help").output.split())


@pytest.mark.parametrize("value, status, says", [
    ("local:0", ExitStatus.USAGE, "local:N needs 1 to"),
    ("local:x", ExitStatus.USAGE, "local:N needs a number of workers"),
    ("tcp://127.0.0.1:9", ExitStatus.CLUSTER, "cannot use the Dask scheduler tcp://127.0.0.1:9"),
    ("local:2 --processes 2", ExitStatus.USAGE, "give one of them"),
])
def test_bad_dask_values_are_one_line_errors_and_change_nothing(tmp_path, blank_model, monkeypatch, value,
                                                                 status, says):
    monkeypatch.setattr(cluster, "CONNECT_TIMEOUT", 1.0)
    src, out = folder_of(tmp_path, article_texts(3)), tmp_path / "out"
    assert run("build", src, "--out", out, "--model", blank_model).exit_code == 0
    before_outputs, before_store = outputs_state(out), store_state(out / "graphx.sqlite")
    (src / "new.txt").write_text("Frankreich kritisiert Russland.\n", encoding="utf-8")
    result = run("build", src, "--out", out, "--model", blank_model, "--dask", *value.split())
    assert_one_line_error(result, status)
    assert says in result.output
    assert outputs_state(out) == before_outputs and store_state(out / "graphx.sqlite") == before_store


def test_a_scheduler_without_workers_is_a_one_line_error(tmp_path, blank_model, monkeypatch):
    monkeypatch.setattr(cluster, "WORKER_WAIT", 0.5)
    src = folder_of(tmp_path, article_texts(2))
    with distributed.LocalCluster(n_workers=0, processes=False, **cluster.NO_DASHBOARD, silence_logs=50) as local:
        result = run("build", src, "--out", tmp_path / "out", "--model", blank_model, "--dask",
                     local.scheduler_address)
    assert_one_line_error(result, ExitStatus.CLUSTER)
    assert "has no worker (waited 0.5 s)" in result.output
    assert not (tmp_path / "out" / "graph.json").exists()


def test_dask_missing_is_a_one_line_error(tmp_path, blank_model, monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)          # import distributed -> ImportError
    src = folder_of(tmp_path, article_texts(2))
    result = run("build", src, "--out", tmp_path / "out", "--model", blank_model, "--dask", "local:1")
    assert_one_line_error(result, ExitStatus.CLUSTER)
    assert "pip install 'graphx[dask]'" in result.output


# -- same graph as one process -----------------------------------------------------------------

def test_same_graph_as_a_single_process_build_threads(tmp_path):
    """Two workers as threads of this process (fast); the real-process twin below is slow."""
    src = seed_folder(tmp_path, 3)
    assert run("build", src, "--out", tmp_path / "one", "--quiet").exit_code == 0
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False, silence_logs=50,
                                  **cluster.NO_DASHBOARD) as local:
        result = run("build", src, "--out", tmp_path / "dask", "--quiet", "--dask", local.scheduler_address)
    assert result.exit_code == 0, result.output
    assert "Articles read: 3 (3 processed, 0 from the store)" in result.output
    assert graph_data(tmp_path / "dask") == graph_data(tmp_path / "one")
    assert graph_data(tmp_path / "one")["graph"]["articles"]


@pytest.mark.slow
def test_same_graph_as_a_single_process_build_local_processes(tmp_path):
    src = seed_folder(tmp_path, 5)
    assert run("build", src, "--out", tmp_path / "one", "--quiet").exit_code == 0
    result = run("build", src, "--out", tmp_path / "dask", "--quiet", "--dask", "local:2")
    assert result.exit_code == 0, result.output
    assert graph_data(tmp_path / "dask") == graph_data(tmp_path / "one")
    # an unchanged rebuild on the cluster takes every result from the store
    again = run("build", src, "--out", tmp_path / "dask", "--quiet", "--dask", "local:2")
    assert "(0 processed, 5 from the store)" in again.output


# -- faults ------------------------------------------------------------------------------------

def test_worker_killed_mid_batch_and_a_failing_article(tmp_path, blank_model, process_cluster):
    """The article '004.txt' kills its worker process once: its batch runs again on a worker that is
    alive and the graph is complete; '007.txt' fails in the rules: a warning, exit 5, as locally."""
    local, client = process_cluster
    texts = article_texts(12)
    src = folder_of(tmp_path, texts)
    marker = tmp_path / "killed"
    client.register_plugin(Faults(kill="004.txt", fail="007.txt", marker=str(marker)))
    result = run("build", src, "--out", tmp_path / "dask", "--model", blank_model, "--quiet",
                 "--dask", local.scheduler_address)
    assert marker.exists(), "no worker was killed"
    # each worker process loaded the pipeline once, for all its batches (a restarted one may have had none)
    loaded = client.run(lambda: [e._nlp is not None for e in cluster._EXTRACTORS.values()])
    assert all(flags in ([], [True]) for flags in loaded.values()) and [True] in loaded.values(), loaded
    assert result.exit_code == int(ExitStatus.WARNINGS), result.output
    assert "Traceback" not in result.output
    warnings = [line for line in result.output.splitlines() if line.startswith("Warning: ")]
    assert len(warnings) == 1 and "007.txt: skipped: extraction failed (ValueError: a rule failed on purpose)" \
        in warnings[0]
    # the same graph as a single-process build of the articles that did not fail
    (src / "007.txt").unlink()
    assert run("build", src, "--out", tmp_path / "one", "--model", blank_model, "--quiet").exit_code == 0
    assert graph_data(tmp_path / "dask") == graph_data(tmp_path / "one")
    assert len(graph_data(tmp_path / "one")["graph"]["articles"]) == 11


def test_a_batch_that_kills_every_worker_costs_its_articles_not_the_build(tmp_path, blank_model):
    import dask

    src = folder_of(tmp_path, article_texts(4))
    marker = tmp_path / "killed"
    with dask.config.set({"distributed.scheduler.allowed-failures": 0}), \
            distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=True, **cluster.NO_DASHBOARD,
                                     silence_logs=50) as local, \
            distributed.Client(local, set_as_default=False) as client:
        client.register_plugin(Faults(kill="001.txt", marker=str(marker), always=True))
        result = run("build", src, "--out", tmp_path / "out", "--model", blank_model, "--quiet",
                     "--dask", local.scheduler_address)
    assert result.exit_code == int(ExitStatus.WARNINGS), result.output
    warnings = [line for line in result.output.splitlines() if line.startswith("Warning: ")]
    assert warnings and all("its Dask worker died on every attempt" in w for w in warnings)
    assert any("001.txt" in w for w in warnings)
    assert "Articles read:" in result.output


def test_ctrl_c_during_a_dask_build_leaves_outputs_and_store_as_they_were(tmp_path, blank_model):
    import psutil

    src, out = folder_of(tmp_path, article_texts(6)), tmp_path / "out"
    assert run("build", src, "--out", out, "--model", blank_model).exit_code == 0
    before_outputs, before_store = outputs_state(out), store_state(out / "graphx.sqlite")
    for name, text in article_texts(30, start=6).items():
        (src / name).write_text(text, encoding="utf-8")
    build = Interruptible(tmp_path, [src, "--out", out, "--model", blank_model, "--dask", "local:1"], "dask")
    assert build.seen.wait(120), "the build never reached the pause point"
    workers = psutil.Process(build.proc.pid).children(recursive=True)
    code, stderr = build.signal_when_paused(signal.SIGINT)
    check_interrupted_build_left_everything_usable(tmp_path, src, out, ["--model", blank_model], before_outputs,
                                                   before_store, signal.SIGINT, "dask", code, stderr, 36)
    deadline = time.monotonic() + 20                     # the local cluster went with the client
    while any(p.is_running() and p.status() != psutil.STATUS_ZOMBIE for p in workers) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not [p for p in workers if p.is_running() and p.status() != psutil.STATUS_ZOMBIE]
