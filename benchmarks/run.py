"""Throughput and cost growth of graphx on real news (10kGNAD), against the tokenizer's limit.

    python benchmarks/run.py --quick          # smoke test, about a minute (CI runs this)
    python benchmarks/run.py                  # the full run (about 45 minutes on 2 cores)
    python benchmarks/run.py --out benchmarks/results/full.md --budget-minutes 50

Input: the 1,028 articles of ``../shared/data/news_10kgnad/test.csv`` (``--data``), repeated to reach
5,000 and 10,000 articles. graphx skips an article whose text it has already seen (same sha256), so
every repetition after the first starts with its own header paragraph, ``Kopie N`` (N = 2, 3, ...),
and is named ``NN_IIII_label.txt`` (NN = repetition, IIII = row of the CSV). The 10kGNAD text is
licensed for non-commercial use only: it is written into a temporary folder (``--work``), never
into the repository. Without the data, ``--quick`` repeats the seed articles in ``seeds/`` instead.

Measured, each in a fresh Python process (started by this script), for every size and process count:

(a) ``tokenizer``: spaCy's tokenizer of graphx's model alone over the pieces graphx feeds the NLP,
    the practical ceiling;
(b) ``nlp``: the whole NLP pipeline (``nlp.pipe``, batch 16) over the same pieces, docs discarded;
(c) ``build``: ``graphx build DIR --out OUT --processes P --max-nodes 300`` end to end (process start,
    imports, model loading, reading, NLP, extraction, resolution, graph, store, graph.json, graph.html).

(a) and (b) time only the annotation loop (the model is loaded before the clock starts); with P > 1
they run in P forked worker processes, like ``graphx build --processes P``. Words are
whitespace-separated words of the article files. Peak memory is the highest sum over the measured
process and all its children, sampled every 0.25 s (PSS every 1 s), of the resident set size (RSS: pages shared
between forked workers count once per process, so an upper bound) and of the proportional set size
(PSS: shared pages split among the processes sharing them). (a) and (b) rows include the loaded model.

Then, on the store of the largest build: an incremental build adding 10 new articles, rendering the
graph's HTML with ``--max-nodes 300``, and degree and PageRank on that graph.

(d) ``long line``: the base articles joined into one article of ``--long-line-chars`` characters (2 MB;
20,000 with ``--quick``), built (``--no-store``) once as a single line (a CMS export without line
breaks) and once with a blank line between the joined articles; target: the single line at most 1.5
times slower. ``--long-line-only`` measures just these two rows.

Each row is printed and written to ``--out`` (Markdown) and ``--out`` + ``.jsonl`` as soon as it is
measured, so an interrupted run keeps its rows. ``--budget-minutes`` skips optional rows that would
not fit. Timings are printed only: nothing here fails on a slow machine.
"""
from __future__ import annotations

import argparse
import csv
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from graphx.model.corpora import data_dir  # noqa: E402

DATA = data_dir() / "news_10kgnad" / "test.csv"
SEEDS = ROOT / "seeds"
TASK_ARTICLES = 8


# -- the input ---------------------------------------------------------------------------------

def load_rows(data: Path | None, quick: bool) -> tuple[list, str]:
    """[(label, text)] of the base articles and a description of where they come from."""
    if data and data.is_file():
        with open(data, encoding="utf-8", newline="") as handle:
            rows = [(label, text) for label, text in csv.reader(handle, delimiter=";", quotechar="'")]
        return rows, f"{len(rows):,} 10kGNAD articles ({data.name})"
    if not quick:
        sys.exit(f"error: {data} not found; the full benchmark needs the 10kGNAD articles (--data)")
    files = sorted(p for p in SEEDS.iterdir() if p.suffix in (".txt", ".md"))
    rows = [("seed", p.read_text(encoding="utf-8")) for p in files]
    return rows, f"{len(rows)} seed articles (10kGNAD not found at {data})"


def article_file(rows, k: int) -> tuple[str, str]:
    """Name and text of the k-th article of the endless sequence of repeated rows."""
    copy, index = divmod(k, len(rows))
    label, text = rows[index]
    head = f"Kopie {copy + 1}\n\n" if copy else ""
    return f"{copy:02d}_{index:04d}_{label.lower()}.txt", head + text.strip() + "\n"


def write_corpus(rows, start: int, stop: int, folder: Path) -> int:
    """Articles start..stop-1 as files in `folder`; returns their number of words."""
    folder.mkdir(parents=True, exist_ok=True)
    words = 0
    for k in range(start, stop):
        name, text = article_file(rows, k)
        (folder / name).write_text(text, encoding="utf-8")
        words += len(text.split())
    return words


# -- measuring ---------------------------------------------------------------------------------

def process_family(pid: int) -> set:
    """`pid` and all its descendants (Linux /proc; just `pid` elsewhere)."""
    parents = {}
    try:
        entries = os.listdir("/proc")
    except OSError:
        return {pid}
    for entry in entries:
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as handle:
                stat = handle.read()
            parents[int(entry)] = int(stat[stat.rindex(b")") + 2:].split()[1])
        except (OSError, ValueError, IndexError):
            continue
    family, frontier = {pid}, [pid]
    while frontier:
        parent = frontier.pop()
        for child, ppid in parents.items():
            if ppid == parent and child not in family:
                family.add(child)
                frontier.append(child)
    return family


PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


def family_rss(family) -> int:
    """Sum of RSS in bytes (/proc/PID/statm: cheap)."""
    total = 0
    for member in family:
        try:
            with open(f"/proc/{member}/statm") as handle:
                total += int(handle.read().split()[1]) * PAGE
        except (OSError, ValueError, IndexError):
            continue
    return total


def family_pss(family) -> int:
    """Sum of PSS in bytes (/proc/PID/smaps_rollup: the kernel walks the page tables, ~10 ms for a
    1 GB process, so it is sampled less often than RSS)."""
    total = 0
    for member in family:
        try:
            with open(f"/proc/{member}/smaps_rollup") as handle:
                for line in handle:
                    if line.startswith("Pss:"):
                        total += int(line.split()[1]) * 1024
                        break
        except (OSError, ValueError):
            continue
    return total


class Sampler:
    """Peak RSS and PSS sums of a process tree, sampled in a thread: RSS every 0.25 s, PSS every
    1 s. The sampling costs about 1% of one core; at 0.1 s with PSS each time it took 30-50% of a core
    and so slowed the 2-process rows on a 2-core machine."""

    RSS_EVERY, PSS_EVERY = 0.25, 4                    # seconds; every 4th sample

    def __init__(self, pid: int, alive=lambda: True):
        self.pid, self.alive, self.rss, self.pss = pid, alive, 0, 0
        self.own = []                                 # RSS of `pid` alone (the client), every sample
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self):
        count = 0
        while not self._stop.is_set() and self.alive():
            family = process_family(self.pid)
            self.rss = max(self.rss, family_rss(family))
            self.own.append(family_rss({self.pid}))
            if count % self.PSS_EVERY == 0:
                self.pss = max(self.pss, family_pss(family))
            count += 1
            self._stop.wait(self.RSS_EVERY)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()
        return False


def run_measured(cmd, env=None, cwd=None) -> dict:
    """Run `cmd`; wall time, peak RSS and PSS of its process tree, exit code, stdout, stderr."""
    import resource

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=env, cwd=cwd)
    with Sampler(proc.pid, alive=lambda: proc.poll() is None) as sampler:
        out, err = proc.communicate()
        wall = time.perf_counter() - started
    rss, pss, own = sampler.rss, sampler.pss, sampler.own
    after = resource.getrusage(resource.RUSAGE_CHILDREN)    # every reaped descendant: workers too
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    if not rss:                                       # no /proc: the largest child's peak
        rss = pss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
    return {"wall": wall, "peak_rss": rss, "peak_pss": pss, "code": proc.returncode, "stdout": out,
            "stderr": err, "client_rss": client_profile(own), "cpu": cpu}


def client_profile(samples) -> dict:
    """The measured process's own RSS (its workers left out): peak, and at 25/50/75% of the run."""
    if not samples:
        return {}
    return {"peak": max(samples), **{f"at{q}": samples[min(len(samples) - 1, len(samples) * q // 100)]
                                     for q in (25, 50, 75)}}


def child_env() -> dict:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT)] + [p for p in [env.get("PYTHONPATH")] if p])
    return env


# -- (a) and (b): run inside a child process (python run.py --child ...) -----------------------

_CHILD = {}


def _pieces(articles, limit):
    from graphx.extract import segments
    return [chunk for article in articles for _, chunk in segments(article.text, limit)]


def _annotate(task):
    stage, articles = task
    nlp = _CHILD["nlp"]
    limit = min(50_000, max(1000, nlp.max_length - 1))
    pieces = _pieces(articles, limit)
    tokens = 0
    if stage == "tokenizer":
        for doc in nlp.tokenizer.pipe(pieces):
            tokens += len(doc)
    else:
        for doc in nlp.pipe(pieces, batch_size=16):
            tokens += len(doc)
    return tokens


def child_main(processes: int, jobs) -> None:
    """Time (a) and/or (b) over the articles in folders: jobs = ["stage:folder", ...]; one JSON
    line per job. The model is loaded before the clocks start."""
    import multiprocessing

    from graphx.extract import Extractor
    from graphx.reader import read_articles

    _CHILD["nlp"] = Extractor().nlp
    for job in jobs:
        stage, folder = job.split(":", 1)
        articles = read_articles([Path(folder)]).articles
        with Sampler(os.getpid()) as sampler:
            started = time.perf_counter()
            if processes == 1:
                tokens = _annotate((stage, articles))
            else:
                per_task = max(1, min(TASK_ARTICLES, len(articles) // (4 * processes)))
                tasks = [(stage, articles[i:i + per_task]) for i in range(0, len(articles), per_task)]
                with multiprocessing.get_context("fork").Pool(processes) as pool:
                    tokens = sum(pool.imap(_annotate, tasks))
            seconds = time.perf_counter() - started
        print(json.dumps({"stage": stage, "seconds": seconds, "tokens": tokens, "articles": len(articles),
                          "peak_rss": sampler.rss, "peak_pss": sampler.pss}), flush=True)


# -- the plan ----------------------------------------------------------------------------------

class Bench:
    def __init__(self, args):
        self.args = args
        self.started = time.perf_counter()
        self.rows = []
        self.extra = []
        self.work = Path(args.work) if args.work else Path(tempfile.mkdtemp(prefix="graphx-bench-"))
        self.work.mkdir(parents=True, exist_ok=True)
        self.out = Path(args.out) if args.out else None
        self.base, self.source = load_rows(Path(args.data) if args.data else DATA, args.quick)
        self.words = {}
        self.extra_values = {}

    # inputs -------------------------------------------------------------------------------------
    def corpus(self, size: int) -> Path:
        folder = self.work / f"in_{size}"
        if size not in self.words:
            if folder.exists():
                shutil.rmtree(folder)
            self.words[size] = write_corpus(self.base, 0, size, folder)
        return folder

    # reporting ----------------------------------------------------------------------------------
    def elapsed_min(self) -> float:
        return (time.perf_counter() - self.started) / 60

    def record(self, row: dict) -> None:
        self.rows.append(row)
        print(format_row(row), flush=True)
        self.save()

    def note(self, text: str) -> None:
        self.extra.append(text)
        print(text, flush=True)
        self.save()

    def save(self) -> None:
        if not self.out:
            return
        self.out.parent.mkdir(parents=True, exist_ok=True)
        self.out.write_text(self.markdown(), encoding="utf-8")
        with open(str(self.out) + ".jsonl", "w", encoding="utf-8") as handle:
            for row in self.rows:
                handle.write(json.dumps(row) + "\n")

    def markdown(self) -> str:
        lines = [f"Date: {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC. Machine: {machine()}.",
                 f"Input: {self.source}, repeated with a `Kopie N` header per repetition.", "",
                 TABLE_HEAD, TABLE_RULE] + [format_row(r) for r in self.rows]
        lines += [""] + [f"- {text}" for text in self.extra]
        lines += [""] + [f"- {text}" for text in targets(self.rows, self.extra_values)]
        return "\n".join(lines) + "\n"

    # the measurements ---------------------------------------------------------------------------
    def annotate_rows(self, stages_sizes, processes: int) -> None:
        """(a)/(b) rows [(stage, size), ...] measured in one child process (one model load)."""
        jobs = [f"{stage}:{self.corpus(size)}" for stage, size in stages_sizes]
        cmd = [sys.executable, str(Path(__file__).resolve()), "--child", str(processes)] + jobs
        result = run_measured(cmd, env=child_env(), cwd=ROOT)
        if result["code"] != 0:
            raise SystemExit(f"annotation child failed:\n{result['stderr'][-3000:]}")
        lines = [json.loads(line) for line in result["stdout"].strip().splitlines() if line.startswith("{")]
        for (stage, size), data in zip(stages_sizes, lines):
            self.record({"stage": stage, "articles": size, "words": self.words[size], "processes": processes,
                         "seconds": data["seconds"], "peak_rss": data["peak_rss"] or result["peak_rss"],
                         "peak_pss": data["peak_pss"] or result["peak_pss"], "tokens": data["tokens"]})

    def build_row(self, size: int, processes: int, dask: bool = False) -> Path:
        """(c), or with `dask` the same build with --dask local:P (a LocalCluster of P workers)."""
        folder = self.corpus(size)
        out = self.work / f"out_{size}_{'d' if dask else 'p'}{processes}"
        if out.exists():
            shutil.rmtree(out)
        engine = ["--dask", f"local:{processes}"] if dask else ["--processes", str(processes)]
        cmd = [sys.executable, "-m", "graphx", "build", str(folder), "--out", str(out), *engine, "--max-nodes", "300"]
        result = run_measured(cmd, env=child_env(), cwd=ROOT)
        if result["code"] != 0:
            raise SystemExit(f"graphx build failed ({result['code']}):\n{result['stderr'][-3000:]}")
        self.record({"stage": "build_dask" if dask else "build", "articles": size, "words": self.words[size],
                     "processes": processes, "seconds": result["wall"], "peak_rss": result["peak_rss"],
                     "peak_pss": result["peak_pss"], "client_rss": result["client_rss"], "cpu": result["cpu"],
                     "summary": result["stdout"].strip().splitlines()[:3]})
        return out

    def rebuild_row(self, size: int, out: Path) -> None:
        """An unchanged rebuild on the store of a build: the client's own work (read, cache, merge,
        graph, render, store) without any NLP."""
        cmd = [sys.executable, "-m", "graphx", "build", str(self.corpus(size)), "--out", str(out), "--max-nodes", "300"]
        result = run_measured(cmd, env=child_env(), cwd=ROOT)
        if result["code"] != 0:
            raise SystemExit(f"rebuild failed ({result['code']}):\n{result['stderr'][-3000:]}")
        self.record({"stage": "rebuild", "articles": size, "words": self.words[size], "processes": 1,
                     "seconds": result["wall"], "peak_rss": result["peak_rss"], "peak_pss": result["peak_pss"],
                     "cpu": result["cpu"],
                     "summary": result["stdout"].strip().splitlines()[:3]})

    def after_rows(self, size: int, out: Path, new: int) -> None:
        """Incremental build of `new` more articles on the store in `out`; render; centrality."""
        extra = self.work / f"new_{new}"
        if extra.exists():
            shutil.rmtree(extra)
        write_corpus(self.base, size, size + new, extra)
        cmd = [sys.executable, "-m", "graphx", "build", str(self.corpus(size)), str(extra), "--out", str(out),
               "--max-nodes", "300"]
        result = run_measured(cmd, env=child_env(), cwd=ROOT)
        if result["code"] != 0:
            raise SystemExit(f"incremental build failed ({result['code']}):\n{result['stderr'][-3000:]}")
        summary = result["stdout"].strip().splitlines()
        self.extra_values["incremental"] = result["wall"]
        self.note(f"Incremental build, {new} new articles on the {size:,}-article store: "
                  f"{result['wall']:.1f} s, peak RSS {mb(result['peak_rss'])} MB ({summary[0] if summary else ''})")
        code = ("import json, sys, time\n"
                "from graphx.graph import load_graph\nfrom graphx.render import render_html\n"
                "from graphx.analytics import centrality\n"
                "t = time.perf_counter(); G = load_graph(sys.argv[1]); load = time.perf_counter() - t\n"
                "t = time.perf_counter(); html = render_html(G, max_nodes=300); render = time.perf_counter() - t\n"
                "t = time.perf_counter(); centrality(G, 'degree'); degree = time.perf_counter() - t\n"
                "t = time.perf_counter(); centrality(G, 'pagerank'); pagerank = time.perf_counter() - t\n"
                "print(json.dumps(dict(nodes=G.number_of_nodes(), edges=G.number_of_edges(), load=load,"
                " render=render, html=len(html.encode()), degree=degree, pagerank=pagerank)))\n")
        result = run_measured([sys.executable, "-c", code, str(out / "graph.json")], env=child_env(), cwd=ROOT)
        if result["code"] != 0:
            raise SystemExit(f"render/centrality failed:\n{result['stderr'][-3000:]}")
        d = json.loads(result["stdout"].strip().splitlines()[-1])
        self.extra_values["render"] = d["render"]
        self.note(f"Graph of {size + new:,} articles: {d['nodes']:,} entities, {d['edges']:,} edges "
                  f"(graph.json read in {d['load']:.2f} s). HTML with --max-nodes 300: {d['render']:.2f} s, "
                  f"{d['html'] / 1e6:.2f} MB. Degree: {d['degree']:.3f} s. PageRank: {d['pagerank']:.3f} s. "
                  f"Peak RSS {mb(result['peak_rss'])} MB")

    def long_line_rows(self) -> None:
        """(d): one article of `--long-line-chars` characters, on one line and with line breaks."""
        pieces, length = [], 0
        for k in range(len(self.base) * 1000):
            text = " ".join(article_file(self.base, k)[1].split())
            pieces.append(text)
            length += len(text) + 1
            if length >= self.args.long_line_chars:
                break
        for stage, separator in (("one_line", " "), ("line_breaks", "\n\n")):
            folder, out = self.work / f"in_{stage}", self.work / f"out_{stage}"
            for path in (folder, out):
                if path.exists():
                    shutil.rmtree(path)
            folder.mkdir(parents=True)
            text = separator.join(pieces)[:self.args.long_line_chars].rstrip() + "\n"
            (folder / "article.txt").write_text(text, encoding="utf-8")
            cmd = [sys.executable, "-m", "graphx", "build", str(folder), "--out", str(out), "--no-store",
                   "--max-nodes", "300"]
            result = run_measured(cmd, env=child_env(), cwd=ROOT)
            if result["code"] != 0:
                raise SystemExit(f"graphx build ({stage}) failed ({result['code']}):\n{result['stderr'][-3000:]}")
            self.record({"stage": stage, "articles": 1, "words": len(text.split()), "processes": 1,
                         "seconds": result["wall"], "peak_rss": result["peak_rss"], "peak_pss": result["peak_pss"],
                         "characters": len(text), "summary": result["stdout"].strip().splitlines()[:3]})

    def plan(self):
        """(optional?, estimated minutes, action) in order; estimates only decide what to skip."""
        a = self.args
        sizes, procs = a.sizes, a.processes
        if a.long_line_only:
            return [(False, 0, self.long_line_rows)]
        if a.dask:                                        # issue 19: --dask local:P next to --processes P
            steps = []
            for s in sizes:
                for p in sorted(procs, reverse=True):
                    steps.append((False, s * 0.11 / 60 / p, lambda s=s, p=p: self.build_row(s, p)))
                    steps.append((False, s * 0.11 / 60 / p, lambda s=s, p=p: self.build_row(s, p, dask=True)))
                    if p == max(procs):
                        steps.append((False, s / 1000 / 60,
                                      lambda s=s, p=p: self.rebuild_row(s, self.work / f"out_{s}_d{p}")))
            steps.append((False, 0, self.dask_notes))
            return steps
        steps = []
        for p in procs:                                   # (a) at every size, (b) at nlp_sizes
            jobs = [("tokenizer", s) for s in sizes] + [("nlp", s) for s in a.nlp_sizes]
            estimate = sum(sizes) / 60000 + sum(a.nlp_sizes) * 0.075 / 60 / p
            steps.append((False, estimate, lambda jobs=jobs, p=p: self.annotate_rows(jobs, p)))
        big = max(sizes)
        for p in sorted(procs, reverse=True):             # the most processes first: its store is reused
            for s in sizes:
                if p > 1 and s < 16 and big >= 16:        # graphx runs < 16 articles in one process
                    continue
                optional = p == min(procs) and s not in (min(sizes), big)
                steps.append((optional, s * 0.11 / 60 / p, lambda s=s, p=p: self.build(s, p)))
            if p == max(procs):
                steps.append((False, 1.0, lambda: self.after_rows(big, self.work / f"out_{big}_p{max(procs)}",
                                                                  a.new)))
        steps.append((False, a.long_line_chars / 1e6 * 2.5, self.long_line_rows))
        for p in sorted(procs, reverse=True):             # (b) at the other sizes, if time is left
            for s in sizes:
                if s not in a.nlp_sizes:
                    steps.append((True, s * 0.075 / 60 / p,
                                  lambda s=s, p=p: self.annotate_rows([("nlp", s)], p)))
        return steps

    def dask_notes(self) -> None:
        """CPU time, the client's memory on its own, and the projection for a million articles (issue 19)."""
        for r in self.rows:
            if "cpu" in r:
                engine = {"build": f"--processes {r['processes']}", "build_dask": f"--dask local:{r['processes']}",
                          "rebuild": "unchanged rebuild"}[r["stage"]]
                self.note(f"{engine}, {r['articles']:,} articles: {r['cpu']:.1f} CPU seconds (client and workers), "
                          f"{r['seconds']:.1f} s wall")
        for r in self.rows:
            c = r.get("client_rss")
            if r["stage"] == "build_dask" and c:
                self.note(f"--dask local:{r['processes']}, {r['articles']:,} articles: client RSS {mb(c['at25'])} / "
                          f"{mb(c['at50'])} / {mb(c['at75'])} MB at 25/50/75% of the run, peak {mb(c['peak'])} MB "
                          "(workers not counted)")
        for line in projection(self.rows):
            self.note(line)

    def build(self, size, processes):
        self.build_row(size, processes)

    def run(self) -> None:
        print(f"Machine: {machine()}\nInput: {self.source}; work folder {self.work}\n", flush=True)
        if self.args.quick:
            print("--quick: a smoke test; its sizes are far too small to judge any target.\n", flush=True)
        print(TABLE_HEAD + "\n" + TABLE_RULE, flush=True)
        skipped = []
        for optional, estimate, action in self.plan():
            if optional and self.elapsed_min() + estimate > self.args.budget_minutes:
                skipped.append(action)
                continue
            action()
        if skipped:
            self.note(f"{len(skipped)} optional row(s) skipped to stay within {self.args.budget_minutes:g} minutes")
        print()
        for line in targets(self.rows, self.extra_values):
            print(line)
        print(f"\nTotal {self.elapsed_min():.1f} minutes.")
        if not self.args.keep:
            shutil.rmtree(self.work, ignore_errors=True)


TABLE_HEAD = ("| stage | articles | words | processes | seconds | words/s | articles/s | peak RSS (MB) "
              "| peak PSS (MB) |")
TABLE_RULE = "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
STAGE_NAMES = {"tokenizer": "(a) tokenizer", "nlp": "(b) NLP pipeline", "build": "(c) graphx build",
               "build_dask": "(c) graphx build --dask local:P", "rebuild": "(e) unchanged rebuild from the store",
               "one_line": "(d) one article, one line", "line_breaks": "(d) same, with line breaks"}


def mb(value) -> str:
    return f"{value / 2**20:,.0f}"


def format_row(r: dict) -> str:
    return (f"| {STAGE_NAMES[r['stage']]} | {r['articles']:,} | {r['words']:,} | {r['processes']} | "
            f"{r['seconds']:.1f} | {r['words'] / r['seconds']:,.0f} | {r['articles'] / r['seconds']:,.1f} | "
            f"{mb(r['peak_rss'])} | {mb(r.get('peak_pss', 0))} |")


def targets(rows, extra) -> list:
    """The issue's targets, each with the figures it was judged on (rows that were measured)."""
    def find(stage, size=None, processes=1):
        found = [r for r in rows if r["stage"] == stage and r["processes"] == processes
                 and (size is None or r["articles"] == size)]
        return found[0] if found else None

    def rate(r):
        return r["words"] / r["seconds"]

    lines = []
    verdict = {True: "met", False: "MISSED"}
    for p in sorted({r["processes"] for r in rows}):
        for b in [r for r in rows if r["stage"] == "nlp" and r["processes"] == p]:
            c = find("build", b["articles"], p)
            if c:
                ratio = rate(c) / rate(b)
                lines.append(f"(c) >= 70% of (b), {b['articles']:,} articles, {p} process(es): "
                             f"{ratio:.0%} -> {verdict[ratio >= 0.7]}")
    b1 = [r for r in rows if r["stage"] == "nlp" and r["processes"] == 1]
    if b1:
        best = max(rate(r) for r in b1)
        lines.append(f"(b) >= 5,000 words/s on one core: {best:,.0f} -> {verdict[best >= 5000]}")
    for stage in ("nlp", "build"):
        common = sorted({r["articles"] for r in rows if r["stage"] == stage and r["processes"] == 1}
                        & {r["articles"] for r in rows if r["stage"] == stage and r["processes"] == 2})
        for size in common:
            speedup = find(stage, size, 1)["seconds"] / find(stage, size, 2)["seconds"]
            lines.append(f"2 processes >= 1.7x 1 process, {STAGE_NAMES[stage]}, {size:,} articles: "
                         f"{speedup:.2f}x -> {verdict[speedup >= 1.7]}")
    one_line, line_breaks = find("one_line"), find("line_breaks")
    if one_line and line_breaks:
        factor = one_line["seconds"] / line_breaks["seconds"]
        lines.append(f"one line of {one_line['characters']:,} characters at most 1.5x the time with line breaks: "
                     f"{factor:.2f}x -> {verdict[factor <= 1.5]}")
    builds = [r for r in rows if r["stage"] == "build"]
    sizes = sorted({r["articles"] for r in builds})
    if len(sizes) > 1:
        small, big = sizes[0], sizes[-1]
        for p in sorted({r["processes"] for r in builds}):
            s, b = find("build", small, p), find("build", big, p)
            if s and b:
                factor = b["seconds"] / s["seconds"]
                limit = 1.1 * big / small
                lines.append(f"{big:,} articles within {limit:.0f}x the time of {small:,}, {p} process(es): "
                             f"{factor:.1f}x -> {verdict[factor <= limit]}")
        peak = max(r["peak_rss"] for r in rows if r["articles"] == big)
        lines.append(f"peak RSS at {big:,} articles <= 2 GB (highest of all its rows): {mb(peak)} MB -> "
                     f"{verdict[peak <= 2 * 2**30]}")
    for r in [r for r in rows if r["stage"] == "build_dask" and r["processes"] == 2]:
        local = find("build", r["articles"], 2)
        if local:
            overhead = r["seconds"] / local["seconds"] - 1
            lines.append(f"--dask local:2 within 10% of --processes 2, {r['articles']:,} articles: "
                         f"{r['seconds']:.1f} s vs {local['seconds']:.1f} s, {overhead:+.0%} -> {verdict[overhead <= 0.10]}")
            if r.get("cpu") and local.get("cpu"):
                extra_cpu = r["cpu"] / local["cpu"] - 1
                lines.append(f"--dask local:2 within 10% of --processes 2 in CPU time, {r['articles']:,} articles: "
                             f"{r['cpu']:.0f} s vs {local['cpu']:.0f} s, {extra_cpu:+.0%} -> {verdict[extra_cpu <= 0.10]}")
    if "incremental" in extra:
        lines.append(f"incremental update within 10 s: {extra['incremental']:.1f} s -> "
                     f"{verdict[extra['incremental'] <= 10]}")
    return lines


PROJECTED_ARTICLES, MACHINES, CORES = 1_000_000, 10, 8


def projection(rows) -> list:
    """Time for a million articles on 10 machines of 8 cores, from the largest --dask size measured.
    Costs are CPU seconds (client and workers; wall time x workers where not measured), as the host's
    other load stretches wall times but not CPU time: worker cost per article = (dask build - unchanged
    rebuild) / articles (NLP and extraction, cluster start and Dask's own work included), spread over
    all cores; client cost per article = unchanged rebuild / articles (read, cache, merge, graph,
    store, render), done once on the client."""
    dask_rows = [r for r in rows if r["stage"] == "build_dask"]
    if not dask_rows:
        return []
    size = max(r["articles"] for r in dask_rows)
    row = max((r for r in dask_rows if r["articles"] == size), key=lambda r: r["processes"])
    rebuild = next((r for r in rows if r["stage"] == "rebuild" and r["articles"] == size), None)

    def cost(r):
        return r.get("cpu") or r["seconds"] * r["processes"]

    client = cost(rebuild) / size if rebuild else 0.0
    worker = cost(row) / size - client
    cores = MACHINES * CORES
    nlp_hours = PROJECTED_ARTICLES * worker / cores / 3600
    client_hours = PROJECTED_ARTICLES * client / 3600
    return [f"Projection, {PROJECTED_ARTICLES:,} articles on {MACHINES} machines of {CORES} cores, from the "
            f"{size:,}-article rows (--dask local:{row['processes']}): {worker:.3f} CPU seconds per article on the "
            f"workers -> {nlp_hours:.2f} h of extraction on {cores} cores, plus {client * 1000:.1f} ms per article on "
            f"the client (read, merge, graph, store) -> {client_hours:.2f} h: about {nlp_hours + client_hours:.1f} h "
            "in all, if the client's work grows linearly"]


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo") as handle:
            for line in handle:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    memory = ""
    try:
        with open("/proc/meminfo") as handle:
            total = int(handle.readline().split()[1]) * 1024
        memory = f", {total / 2**30:.0f} GiB RAM"
    except (OSError, ValueError, IndexError):
        pass
    try:
        import spacy
        versions = f"spaCy {spacy.__version__}"
    except ImportError:
        versions = "spaCy missing"
    return (f"{cpu}, {os.cpu_count()} cores{memory}, {platform.system()} {platform.release()}, "
            f"Python {platform.python_version()}, {versions}")


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smoke test: 8 and 16 articles, about a minute")
    parser.add_argument("--sizes", type=lambda s: [int(x) for x in s.split(",")],
                        help="article counts (default 1000,5000,10000)")
    parser.add_argument("--nlp-sizes", type=lambda s: [int(x) for x in s.split(",")],
                        help="sizes at which (b) is always measured (default: the smallest); "
                             "the others only if the budget allows")
    parser.add_argument("--processes", type=lambda s: [int(x) for x in s.split(",")], default=[1, 2])
    parser.add_argument("--new", type=int, default=10, help="articles added by the incremental build")
    parser.add_argument("--budget-minutes", type=float, default=50.0)
    parser.add_argument("--data", help=f"10kGNAD test.csv (default {DATA})")
    parser.add_argument("--work", help="folder for inputs and outputs (default: a new temporary folder)")
    parser.add_argument("--keep", action="store_true", help="keep the work folder")
    parser.add_argument("--out", help="also write the results as Markdown to this file (and .jsonl)")
    parser.add_argument("--long-line-chars", type=int,
                        help="length of the (d) article (default 2,000,000; 20,000 with --quick)")
    parser.add_argument("--long-line-only", action="store_true", help="measure only the (d) rows")
    parser.add_argument("--dask", action="store_true",
                        help="measure only (c) with --processes P and --dask local:P at each size, an unchanged "
                             "rebuild, the client's memory and the projection to a million articles (issue 19)")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child_main(int(args.child[0]), args.child[1:])
        return
    if args.sizes is None:
        args.sizes = [8, 16] if args.quick else [1000, 5000, 10000]
    if args.long_line_chars is None:
        args.long_line_chars = 20_000 if args.quick else 2_000_000
    if args.quick:
        args.new = min(args.new, 2)
        args.budget_minutes = 0.0                     # no optional rows
    if args.nlp_sizes is None:
        args.nlp_sizes = [min(args.sizes)]
    Bench(args).run()


if __name__ == "__main__":
    main()
