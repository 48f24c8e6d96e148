"""The recipe that (re)trains graphx's German pipeline ``graphx/models/de_graphx``.

Steps (each can be run alone; ``train_all`` runs them in order, ``graphx model train`` calls it):

1. ``build_corpora``   -> ``WORK/corpus/*.spacy`` + ``raw.txt`` (see :mod:`graphx.model.corpora`)
2. ``train_vectors``   -> floret vectors (subword hashing) trained on ``raw.txt`` only: the training
   corpora's own text (GermEval dev, LER, SmartData, MobIE, UD GSD dev + PUD). Never GermEval test,
   GSD test, 10kGNAD or LIT.
3. ``train_ud``        -> ``configs/ud.cfg``: tok2vec + morphologizer + parser + edit-tree lemmatizer
4. ``train_ner``       -> ``configs/ner.cfg``: NER with its own tok2vec
5. ``assemble``        -> one pipeline: news tokenizer rules, UD components, NER, lemma lookup
"""
from __future__ import annotations

import json
import shutil
import time
from pathlib import Path

CONFIG_DIR = Path(__file__).parent / "configs"
PACKAGE_MODEL = Path(__file__).resolve().parent.parent / "models" / "de_graphx"
MODEL_VERSION = "0.1.0"


def train_vectors(raw: Path, out_dir: Path, dim: int = 100, bucket: int = 50000, epoch: int = 5,
                  minn: int = 3, maxn: int = 5, threads: int = 1) -> Path:
    """Train floret CBOW vectors on ``raw`` and convert them with ``spacy init vectors --mode floret``."""
    import floret

    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    model = floret.train_unsupervised(
        str(raw), model="cbow", mode="floret", hashCount=2, bucket=bucket, minn=minn, maxn=maxn,
        dim=dim, epoch=epoch, minCount=3, thread=threads, verbose=0)
    vec_file = out_dir / "vectors.floret"
    model.save_floret_vectors(str(vec_file))
    spacy_dir = out_dir / "spacy"
    _run(["python", "-m", "spacy", "init", "vectors", "de", str(vec_file), str(spacy_dir), "--mode", "floret"])
    return spacy_dir


def _run(cmd: list[str], log: Path | None = None, threads: int = 1) -> None:
    import os
    import subprocess
    import sys

    env = dict(os.environ, OMP_NUM_THREADS=str(threads), OPENBLAS_NUM_THREADS=str(threads), MKL_NUM_THREADS=str(threads))
    cmd = [sys.executable if c == "python" else c for c in cmd]
    if log is None:
        subprocess.run(cmd, check=True, env=env)
    else:
        with open(log, "w") as f:
            subprocess.run(cmd, check=True, env=env, stdout=f, stderr=subprocess.STDOUT)


def train_component(config: str, corpus: Path, output: Path, train: str, dev: str, vectors: Path | None = None,
                    max_steps: int | None = None, log: Path | None = None, extra: list[str] | None = None) -> Path:
    """``spacy train`` one of the configs in ``configs/`` (``ud`` or ``ner``); returns model-last."""
    cmd = ["python", "-m", "spacy", "train", str(CONFIG_DIR / f"{config}.cfg"), "--output", str(output),
           "--paths.train", str(Path(corpus) / f"{train}.spacy"), "--paths.dev", str(Path(corpus) / f"{dev}.spacy")]
    if vectors is not None:
        cmd += ["--paths.vectors", str(vectors),
                f"--components.{'tok2vec' if config == 'ud' else 'ner'}.model"
                f"{'' if config == 'ud' else '.tok2vec'}.embed.include_static_vectors", "true"]
    if max_steps:
        cmd += ["--training.max_steps", str(max_steps)]
    cmd += extra or []
    _run(cmd, log=log)
    return Path(output) / "model-last"


def assemble(ud_model: Path, ner_model: Path, out: Path, lemma_lookup: bool = True, meta: dict | None = None) -> Path:
    """Combine the UD and NER pipelines into one, add the news tokenizer rules and the
    lemma lookup component, and save it to ``out``."""
    import spacy

    from . import components  # noqa: F401
    from .news_tokenizer import customize_tokenizer

    nlp = spacy.load(ud_model)
    for name in ("tagger",):
        if name in nlp.pipe_names:
            nlp.remove_pipe(name)
    ner_nlp = spacy.load(ner_model)
    nlp.add_pipe("ner", source=ner_nlp)
    if lemma_lookup:
        comp = nlp.add_pipe("graphx_lemma_lookup", after="trainable_lemmatizer")
        comp.initialize()
    customize_tokenizer(nlp)
    nlp.meta.update({
        "name": "graphx", "version": MODEL_VERSION, "lang": "de",
        "description": "graphx's German pipeline for news: tokenizer, morphologizer (UPOS+features), "
                       "parser, lemmatizer, NER (PER, ORG, LOC, LOCderiv). See README.md.",
        "license": "CC BY-SA 4.0",
        "author": "graphx", "url": "", "email": "",
        "requirements": ["graphx"],
    })
    if meta:
        nlp.meta.update(meta)
    out = Path(out)
    tmp = out.with_name(out.name + ".tmp")
    if tmp.exists():
        shutil.rmtree(tmp)
    nlp.to_disk(tmp)
    readme = out / "README.md"
    if readme.exists():
        shutil.copy(readme, tmp / "README.md")
    if out.exists():
        shutil.rmtree(out)
    tmp.rename(out)
    return out


def train_all(work_dir: Path, out: Path = PACKAGE_MODEL, vectors: bool = True, ud_steps: int = 8000,
              ner_steps: int = 30000, log=print) -> Path:
    """The full recipe. Large intermediate files go to ``work_dir``; the result to ``out``."""
    from .corpora import build_corpora

    work = Path(work_dir)
    work.mkdir(parents=True, exist_ok=True)
    t0 = time.time()
    counts = build_corpora(work / "corpus")
    log(f"corpora: {json.dumps(counts)}")
    vec = None
    if vectors:
        vec = train_vectors(work / "corpus" / "raw.txt", work / "vectors")
        log(f"vectors: {vec} ({time.time() - t0:.0f}s)")
    ud = train_component("ud", work / "corpus", work / "ud", "ud-train", "ud-dev", vec, ud_steps, log=work / "ud.log")
    log(f"ud: {ud} ({time.time() - t0:.0f}s)")
    ner = train_component("ner", work / "corpus", work / "ner", "ner-train", "ner-dev", vec, ner_steps, log=work / "ner.log")
    log(f"ner: {ner} ({time.time() - t0:.0f}s)")
    return assemble(ud, ner, out)
