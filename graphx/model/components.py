"""spaCy components shipped in graphx's pipeline.

Import this module before ``spacy.load()`` of the packaged model (``graphx.annotate.load_pipeline``
does). It registers:

* ``graphx_lemma_lookup``: runs after the trained edit-tree lemmatizer and overrides its lemma
  with spacy-lookups-data's German lookup table for open-class words (NOUN, VERB, AUX, ADJ)
  whose form is in the table ("wirft" -> "werfen", "weist" -> "weisen"). Closed-class words keep the
  trained lemma (the lookup table maps "er" -> "ich", which UD does not).
  Lemmas in the old orthography ("Rußland" for "Russland") are respelled as in the text.
  The table is saved with the pipeline (``graphx_lemma_lookup/table.json.gz``), so loading needs
  no spacy-lookups-data.
* the ``graphx.news_tokenizer.v1`` callback (see :mod:`graphx.model.news_tokenizer`).
"""
from __future__ import annotations

import gzip
import json
from pathlib import Path

from spacy.language import Language

# registered on import: the flair component, the NER's gazetteer embedding, the tokenizer callback
from . import flair_ner, gazetteer, news_tokenizer  # noqa: F401

OPEN_CLASS = ("NOUN", "VERB", "AUX", "ADJ")


def load_lookup_table() -> dict[str, str]:
    """spacy-lookups-data's ``de`` lemma_lookup table, without identity entries."""
    import spacy_lookups_data

    path = Path(spacy_lookups_data.__file__).parent / "data" / "de_lemma_lookup.json.gz"
    with gzip.open(path, "rt", encoding="utf-8") as f:
        table = json.load(f)
    return {k: v for k, v in table.items() if k != v}


class LemmaLookup:
    def __init__(self, nlp, name: str, pos: tuple[str, ...] = OPEN_CLASS):
        self.name = name
        self.pos = set(pos)
        self.table: dict[str, str] = {}

    def initialize(self, get_examples=None, nlp=None, table: dict | None = None):
        self.table = dict(table) if table is not None else load_lookup_table()

    def __call__(self, doc):
        table = self.table
        for tok in doc:
            text = tok.text
            if tok.pos_ in self.pos:
                lemma = table.get(text)
                if lemma is None and tok.is_sent_start and text[:1].isupper():
                    lemma = table.get(text[:1].lower() + text[1:])
                if lemma is not None:
                    tok.lemma_ = lemma
            lemma = tok.lemma_
            if "ß" in lemma and "ß" not in text and "ss" in text:
                # the table and the UD data partly use the old orthography (Rußland, daß):
                # the text's spelling wins
                tok.lemma_ = lemma.replace("ß", "ss")
        return doc

    def to_disk(self, path, exclude=()):
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        with gzip.open(path / "table.json.gz", "wt", encoding="utf-8", compresslevel=9) as f:
            json.dump(self.table, f, ensure_ascii=False, separators=(",", ":"))

    def from_disk(self, path, exclude=()):
        from graphx.lexicon import lemma_table     # parsed once, shared with graphx's word_forms()
        self.table = lemma_table(str((Path(path) / "table.json.gz").resolve()))
        return self


@Language.factory("graphx_lemma_lookup", default_config={"pos": list(OPEN_CLASS)})
def make_lemma_lookup(nlp, name: str, pos: list[str]):
    return LemmaLookup(nlp, name, tuple(pos))
