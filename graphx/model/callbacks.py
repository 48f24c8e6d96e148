"""spaCy registry callbacks for training (loaded with ``spacy train --code``).

``graphx.init_ner_tok2vec.v1``: after initialization, load pretrained tok2vec weights (``spacy
pretrain`` of a stand-alone tok2vec with the NER's architecture, see
``graphx.model.train.pretrain_ner``) into the NER's own tok2vec. spaCy's ``init_tok2vec`` cannot
do this: the NER's ``tok2vec`` reference also holds the projection layer of the parser model. The
gazetteer tables saved with the pretrained weights are dropped, so training uses the current lists.
"""
from pathlib import Path

import spacy

import graphx.model.components  # noqa: F401  (graphx.GazetteerHashEmbed.v1, and the factories of a sourced pipeline)


@spacy.registry.callbacks("graphx.init_ner_tok2vec.v1")
def init_ner_tok2vec(path: str = ""):
    def after_init(nlp):
        if path:
            t2v = nlp.get_pipe("ner").model.get_ref("tok2vec").layers[0]
            t2v.from_bytes(Path(path).read_bytes())
            for node in t2v.walk():  # train with the current word lists, not the pretraining's copy
                if node.name == "gazetteer_features":
                    node.attrs["table"] = {}
        return nlp

    return after_init
