"""The client's memory while articles go through `graphx build --dask` (issue 19; prints figures, no pass/fail).

    python benchmarks/bench_dask_memory.py                         # 1,000 and 10,000 articles, --dask local:2
    python benchmarks/bench_dask_memory.py --sizes 1000,10000 --out benchmarks/results/dask-memory.md

The articles are the seed articles repeated, each copy with its own `Kopie N` header (graphx counts an
identical text once). The NLP is a blank German pipeline (tokenizer, sentence splitter, parts of speech
by word shape; saved into the work folder), so the run takes minutes, not hours: graphx's extraction
rules, Dask and the store do their real work, and the client's memory is what is measured. It is
sampled every 0.25 s for the client process alone (its Dask workers left out) and given at 10%, 25%,
50%, 75% and 90% of the run and at its peak; the client holds at most 4 batches of 8 articles per
worker and a chunk of 500 results, so RSS during the extraction should not grow with the number of
articles (the texts read at the start do: about one text's size per article).
"""
from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import run as bench  # noqa: E402  (benchmarks/run.py: corpus and process measuring)

QUANTILES = (10, 25, 50, 75, 90)


def blank_model(folder: Path) -> Path:
    import spacy

    nlp = spacy.blank("de")
    nlp.add_pipe("sentencizer")
    # parts of speech by word shape: graphx's POS patterns need them (without, 4 in 5 seed articles
    # failed extraction with spaCy's E155 and the rules never ran on them)
    ruler = nlp.add_pipe("attribute_ruler")
    for shape, pos in (("IS_PUNCT", "PUNCT"), ("IS_TITLE", "PROPN"), ("IS_LOWER", "VERB"), ("IS_DIGIT", "NUM")):
        ruler.add([[{shape: True}]], {"POS": pos})
    nlp.meta.update(name="blank", version="0.0.1")
    path = folder / "blank_model"
    nlp.to_disk(path)
    return path


def measure(size: int, work: Path, model: Path, engine: list) -> dict:
    rows = [("seed", p.read_text(encoding="utf-8")) for p in sorted(bench.SEEDS.glob("*.txt"))]
    folder, out = work / f"in_{size}", work / f"out_{size}_{'_'.join(engine).replace(':', '')}"
    if not folder.exists():
        bench.write_corpus(rows, 0, size, folder)
    if out.exists():
        shutil.rmtree(out)
    cmd = [sys.executable, "-m", "graphx", "build", str(folder), "--out", str(out), "--model", str(model),
           "--quiet", *engine]
    samples = []
    real_profile = bench.client_profile
    bench.client_profile = lambda own: samples.extend(own) or real_profile(own)
    try:
        result = bench.run_measured(cmd, env=bench.child_env(), cwd=bench.ROOT)
    finally:
        bench.client_profile = real_profile
    if result["code"] != 0:
        raise SystemExit(f"graphx build failed ({result['code']}):\n{result['stderr'][-3000:]}")
    at = {q: samples[min(len(samples) - 1, len(samples) * q // 100)] for q in QUANTILES}
    return {"articles": size, "engine": " ".join(engine), "seconds": result["wall"], "at": at,
            "peak": max(samples), "family_peak": result["peak_rss"]}


def line(r: dict) -> str:
    return (f"| {r['engine']} | {r['articles']:,} | {r['seconds']:.0f} | "
            + " | ".join(bench.mb(r["at"][q]) for q in QUANTILES) + f" | {bench.mb(r['peak'])} | "
            f"{bench.mb(r['family_peak'])} |")


HEAD = ("| engine | articles | seconds | " + " | ".join(f"client RSS at {q}% (MB)" for q in QUANTILES)
        + " | client peak (MB) | peak with workers (MB) |")


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=lambda s: [int(x) for x in s.split(",")], default=[1000, 10000])
    parser.add_argument("--engine", default="--dask local:2", help="build options (default: --dask local:2)")
    parser.add_argument("--out", help="also write the table as Markdown to this file")
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="graphx-dask-memory-"))
    results = []
    import os
    import subprocess
    head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True,
                          cwd=bench.ROOT).stdout.strip() or "?"
    lines = [f"Date: {time.strftime('%Y-%m-%d %H:%M', time.gmtime())} UTC, commit {head}, load average "
             f"{os.getloadavg()[0]:.1f} at the start. Machine: {bench.machine()}.",
             "Input: the seed articles repeated (`Kopie N` headers), blank German pipeline (`--model`).", "",
             HEAD, "|---|---:|---:|" + "---:|" * (len(QUANTILES) + 2)]
    print("\n".join(lines), flush=True)
    try:
        model = blank_model(work)
        for size in args.sizes:
            results.append(measure(size, work, model, args.engine.split()))
            lines.append(line(results[-1]))
            print(lines[-1], flush=True)
            if args.out:
                Path(args.out).write_text("\n".join(lines) + "\n", encoding="utf-8")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
