"""Share one tok2vec between NER and the UD components (speed: the CNN runs once per token).

Recipe: the NER is trained first with its own (inline) tok2vec on the large NER data. Its tok2vec
weights then initialise a *frozen* ``tok2vec`` component, on which morphologizer, parser and
lemmatizer are trained (``train_ud_shared``). Finally ``share_ner_tok2vec`` swaps the NER's inline
tok2vec for a listener of that component: identical NER predictions, one CNN pass instead of two.
"""
from __future__ import annotations

from pathlib import Path

import spacy

LISTENER = {"@architectures": "spacy.Tok2VecListener.v1", "width": None, "upstream": "tok2vec"}


def ner_inner_tok2vec(ner_component):
    """The NER's own Tok2Vec model (first layer of its tok2vec chain)."""
    return ner_component.model.get_ref("tok2vec").layers[0]


@spacy.registry.callbacks("graphx.load_tok2vec_weights.v1")
def load_tok2vec_weights(path: str):
    """``[initialize.after_init]`` callback: load tok2vec weights from ``path`` (bytes of the
    NER's inner Tok2Vec model)."""

    def after_init(nlp):
        nlp.get_pipe("tok2vec").model.from_bytes(Path(path).read_bytes())
        return nlp

    return after_init


def export_ner_tok2vec(ner_model: Path, out_file: Path) -> Path:
    nlp = spacy.load(ner_model)
    Path(out_file).write_bytes(ner_inner_tok2vec(nlp.get_pipe("ner")).to_bytes())
    return Path(out_file)


def ud_shared_overrides(weights: Path, ner_cfg: dict) -> dict:
    """Config overrides for ``configs/ud.cfg``: the tok2vec architecture of the NER, frozen,
    initialised from ``weights``."""
    t2v = ner_cfg["components"]["ner"]["model"]["tok2vec"]
    return {
        "components.tok2vec.model": t2v,
        "training.frozen_components": ["tok2vec"],
        "training.annotating_components": ["tok2vec"],
        "initialize.after_init": {"@callbacks": "graphx.load_tok2vec_weights.v1", "path": str(weights)},
    }


def train_ud_shared(corpus: Path, output: Path, ner_model: Path, vectors: Path, max_steps: int,
                    train: str = "ud-train", dev: str = "ud-dev") -> Path:
    """Train the UD components on the NER's frozen tok2vec (in-process ``spacy train``)."""
    from spacy.cli.train import train as spacy_train
    from thinc.api import Config

    from .train import CONFIG_DIR

    output = Path(output)
    output.mkdir(parents=True, exist_ok=True)
    weights = export_ner_tok2vec(ner_model, output / "ner_tok2vec.bin")
    ner_cfg = Config().from_disk(Path(ner_model) / "config.cfg")
    cfg = Config().from_disk(CONFIG_DIR / "ud.cfg", interpolate=False)
    ov = ud_shared_overrides(weights, ner_cfg)
    cfg["components"]["tok2vec"]["model"] = ov["components.tok2vec.model"]
    for comp in ("morphologizer", "parser", "trainable_lemmatizer"):
        cfg["components"][comp]["model"]["tok2vec"]["width"] = ov["components.tok2vec.model"]["encode"]["width"]
    cfg["training"]["frozen_components"] = ov["training.frozen_components"]
    cfg["training"]["annotating_components"] = ov["training.annotating_components"]
    cfg["initialize"]["after_init"] = ov["initialize.after_init"]
    cfg_path = output / "ud_shared.cfg"
    cfg.to_disk(cfg_path)
    spacy_train(cfg_path, output, overrides={
        "paths.train": str(Path(corpus) / f"{train}.spacy"), "paths.dev": str(Path(corpus) / f"{dev}.spacy"),
        "paths.vectors": str(vectors), "training.max_steps": max_steps, "training.eval_frequency": 500})
    return output / "model-best"


def share_ner_tok2vec(nlp, ner_nlp):
    """Add ``ner_nlp``'s NER to ``nlp`` (which has a ``tok2vec`` component holding the same
    weights as the NER's inline tok2vec) as a listener of ``nlp``'s tok2vec."""
    from spacy.ml.models import tok2vec as t2v_models
    from spacy.ml.models.tok2vec import build_Tok2Vec_model  # noqa: F401  (registry import)

    ner = ner_nlp.get_pipe("ner")
    inner = ner_inner_tok2vec(ner)
    width = inner.get_dim("nO")
    listener = t2v_models.tok2vec_listener_v1(width=width, upstream="tok2vec")
    chain = ner.model.get_ref("tok2vec")
    chain.replace_node(inner, listener)
    nlp.add_pipe("ner", source=ner_nlp)
    ner_cfg = nlp._pipe_configs["ner"]
    ner_cfg["model"]["tok2vec"] = dict(LISTENER, width=width)
    nlp.get_pipe("tok2vec").add_listener(listener, "ner")
    return nlp
