"""flair drop-in NER: the ``graphx_flair_ner`` spaCy component.

It tags each spaCy sentence with a flair ``SequenceTagger`` (on spaCy's tokens, so spans align
exactly) and replaces ``doc.ents`` with the tagger's spans; labels are kept as flair gives them
(``PER``, ``ORG``, ``LOC``, ``MISC`` for the German CoNLL models). flair is imported lazily; it is an
optional extra (``pip install torch==2.13.0 flair``).
"""
from __future__ import annotations

from pathlib import Path

from spacy.language import Language
from spacy.tokens import Span

from graphx.errors import ModelError


def load_tagger(name: str):
    """Load a flair ``SequenceTagger`` from a local path or a model name. Raises ``ModelError``."""
    try:
        from flair.models import SequenceTagger
    except ImportError:
        raise ModelError("flair is not installed; install it with: pip install torch==2.13.0 flair") from None
    local = Path(name).expanduser()
    if not local.exists() and (name.startswith((".", "/", "~")) or name.endswith((".pt", ".bin"))):
        raise ModelError(f"flair model file not found: {name}")
    try:
        return SequenceTagger.load(str(local) if local.exists() else name)
    except Exception as exc:  # network errors, bad files, unknown names
        first = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
        raise ModelError(f"cannot load flair tagger {name!r}: {first[:200]}") from None


class FlairNER:
    def __init__(self, nlp, name: str, tagger_name: str, batch_size: int):
        self.name = name
        self.tagger_name = tagger_name
        self.batch_size = batch_size
        self.tagger = None  # set by graphx.annotate.add_flair_ner (or lazily from tagger_name)

    def _get_tagger(self):
        if self.tagger is None:
            self.tagger = load_tagger(self.tagger_name)
        return self.tagger

    def __call__(self, doc):
        return next(iter(self.pipe([doc])))

    def pipe(self, docs, batch_size: int | None = None):
        from flair.data import Sentence

        tagger = self._get_tagger()
        label_type = getattr(tagger, "label_type", "ner")
        buf = []
        for doc in docs:
            buf.append(doc)
            if len(buf) >= (batch_size or self.batch_size):
                yield from self._tag(buf, tagger, label_type, Sentence)
                buf = []
        if buf:
            yield from self._tag(buf, tagger, label_type, Sentence)

    def _tag(self, docs, tagger, label_type, Sentence):
        items = []  # (doc, sent_start, flair sentence)
        for doc in docs:
            sents = list(doc.sents) if doc.has_annotation("SENT_START") else [doc[:]]
            for sent in sents:
                words = [t.text for t in sent if not t.is_space]
                index = [t.i for t in sent if not t.is_space]
                if words:
                    items.append((doc, index, Sentence(words)))
        if items:
            tagger.predict([s for _, _, s in items], mini_batch_size=self.batch_size, label_name="graphx_ner")
        ents = {id(doc): [] for doc in docs}
        for doc, index, sentence in items:
            for span in sentence.get_spans("graphx_ner"):
                toks = [t.idx - 1 for t in span.tokens]  # flair token idx is 1-based
                start, end = index[toks[0]], index[toks[-1]] + 1
                label = span.get_label("graphx_ner").value
                ents[id(doc)].append(Span(doc, start, end, label=label))
        for doc in docs:
            doc.set_ents(_non_overlapping(ents[id(doc)]), default="outside")
            yield doc


def _non_overlapping(spans):
    from spacy.util import filter_spans

    return filter_spans(spans)


@Language.factory("graphx_flair_ner", default_config={"tagger_name": "", "batch_size": 32})
def make_flair_ner(nlp, name: str, tagger_name: str, batch_size: int):
    return FlairNER(nlp, name, tagger_name, batch_size)
