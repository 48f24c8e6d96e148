"""``graphx model train`` and ``graphx model evaluate`` (thin click layer).

The main CLI adds this group with ``main.add_command(model)``.
"""
from __future__ import annotations

import json
from pathlib import Path

import click

from graphx.errors import InputError, ModelError


@click.group("model")
def model():
    """Train and evaluate graphx's German spaCy pipeline."""


@model.command("train")
@click.option("--work-dir", type=click.Path(file_okay=False, path_type=Path), default=Path("training/work"),
              show_default=True, help="Folder for corpora, vectors and intermediate models.")
@click.option("--output", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Where to write the pipeline [default: the packaged graphx/models/de_graphx].")
@click.option("--no-vectors", is_flag=True, help="Skip the floret vectors (faster, less accurate).")
@click.option("--ud-steps", type=click.IntRange(min=1), default=3000, show_default=True)
@click.option("--ner-steps", type=click.IntRange(min=1), default=3500, show_default=True)
@click.option("--with-ler", is_flag=True, help="Also train the NER on a sample of the legal LER corpus.")
@click.option("--europeana", type=click.IntRange(min=0), default=1, show_default=True,
              help="Copies of the Europeana newspapers corpus in the NER training data (0: leave it out).")
@click.option("--germeval-reps", type=click.IntRange(min=1), default=8, show_default=True,
              help="Copies of the GermEval dev training part in the NER training data.")
@click.option("--augment", type=click.FloatRange(0, 1), default=0.0, show_default=True,
              help="Mention replacement: in all GermEval copies but the first, replace each name with this "
                   "probability by another of the same type (tried; it did not help).")
@click.option("--pretrain", is_flag=True,
              help="Pretrain the NER tok2vec on raw text first (0.2.0 did; with the gazetteer features it did not help).")
def train_cmd(work_dir, output, no_vectors, ud_steps, ner_steps, with_ler, europeana, germeval_reps, augment, pretrain):
    """Rebuild the training corpora and retrain the whole pipeline (the recipe in graphx/model)."""
    from .corpora import DATA_DIR
    from .train import PACKAGE_MODEL, train_all

    if not DATA_DIR.is_dir():
        raise InputError(f"training data not found at {DATA_DIR} (set GRAPHX_DATA to the shared data folder)")
    out = train_all(work_dir, output or PACKAGE_MODEL, vectors=not no_vectors, ud_steps=ud_steps,
                    ner_steps=ner_steps, use_ler=with_ler, europeana=europeana, germeval_reps=germeval_reps,
                    augment=augment, pretrain=pretrain,
                    log=click.echo)
    click.echo(f"saved pipeline to {out}")


@model.command("evaluate")
@click.option("--model", "model_name", default=None, metavar="NAME_OR_PATH",
              help="spaCy pipeline to evaluate [default: the packaged model].")
@click.option("--ner", "ner_name", default=None, metavar="flair:MODEL", help="Use a flair tagger for NER.")
@click.option("--skip", type=click.Choice(["ner", "ud", "speed"]), multiple=True, help="Leave out a part.")
@click.option("--json", "as_json", is_flag=True, help="Print the metrics as JSON.")
def evaluate_cmd(model_name, ner_name, skip, as_json):
    """GermEval 2014 test NER P/R/F1, UD GSD test UAS/LAS/POS/morph/lemma, words per second."""
    from graphx.annotate import load_pipeline, model_info

    from .corpora import DATA_DIR
    from .evaluate import evaluate_all, format_report

    if not DATA_DIR.is_dir() and not {"ner", "ud"} <= set(skip):
        raise InputError(f"evaluation data not found at {DATA_DIR} (set GRAPHX_DATA to the shared data folder)")
    nlp = load_pipeline(model_name, ner=ner_name)
    try:
        res = evaluate_all(nlp, ner="ner" not in skip, ud="ud" not in skip, speed="speed" not in skip)
    except (KeyError, ValueError) as exc:
        raise ModelError(f"evaluation failed for this pipeline: {exc}") from None
    res["model"] = model_info(nlp)
    if as_json:
        click.echo(json.dumps(res, indent=2))
    else:
        click.echo(f"model: {res['model']['name']} {res['model']['version']}")
        click.echo(format_report(res))
