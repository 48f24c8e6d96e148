"""Gazetteer features for the NER's tok2vec (``graphx.GazetteerHashEmbed.v1``).

Each token gets a small vector of yes/no features that the statistical NER cannot learn from a few
thousand training sentences: is the word a known given name, surname, place, organisation word, a
common German noun, a lower-case word, a state adjective or inhabitant noun. They are concatenated
with spaCy's hash embeddings before the CNN, so the network also sees its neighbours' features
("known given name + unknown capitalised word" is a person).

The word lists are read when the model is first built (``graphx/model/gazetteer/*.txt``: Faker's
names, GeoNames and CLDR places, stock-index companies, organisation words, see
``tools/build_gazetteer.py``; graphx's own lexicons; spacy-lookups-data's German lemma table) and
then saved inside the NER model, so a trained pipeline keeps the lists it was trained with.
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy
from spacy.tokens import Doc
from spacy.util import registry
from thinc.api import Maxout, Model, chain, concatenate, with_array
from thinc.types import Floats2d

GAZETTEER_DIR = Path(__file__).parent / "gazetteer"
FEATURES = ("given_name", "surname", "place_start", "place_inside", "org_word", "org_name_start",
            "org_name_inside", "common_noun", "lower_case_word", "state_derived")
BIT = {name: 1 << i for i, name in enumerate(FEATURES)}


def _list(name: str) -> list[str]:
    with open(GAZETTEER_DIR / f"{name}.txt", encoding="utf-8") as handle:
        return [line.strip() for line in handle if line.strip() and not line.startswith("#")]


def org_words() -> tuple[list[str], list[str]]:
    """(compound-final heads, whole words) of ``org_words.txt`` plus graphx's organisation heads."""
    from graphx.lexicon import load

    ends, words = set(load().org_heads), set()
    for line in _list("org_words"):
        word, kind = line.split("\t")
        (ends if kind == "end" else words).add(word)
    return sorted(ends), sorted(words)


def build_table() -> dict:
    """The feature table: ``exact`` (token text -> bits), ``folded`` (casefolded text -> bits),
    ``phrases`` (first word -> [[further words..., start bit, inside bit]]), ``heads`` (organisation
    head words, also matched as the end of a compound: "Landesbank")."""
    from graphx.lexicon import common_nouns, load, name_variants, rows, word_forms

    lex = load()
    exact: dict[str, int] = {}
    folded: dict[str, int] = {}
    phrases: dict[str, list] = {}

    def add(table, word, bit):
        table[word] = table.get(word, 0) | bit

    def add_name(name, start, inside):
        words = name.split()
        if len(words) == 1:
            add(exact, name, BIT[start])
        else:
            phrases.setdefault(words[0], []).append(words[1:] + [BIT[start], BIT[inside]])

    for name in _list("given_names"):
        add(exact, name, BIT["given_name"])
    for name in _list("surnames"):
        add(exact, name, BIT["surname"])
    for name in _list("places"):
        add_name(name, "place_start", "place_inside")
    for row in rows("organizations.tsv"):    # the forms the lexicon matches ("Bild" is no form of Bild)
        for form in dict.fromkeys(name for form in row[1].split("|") for name in name_variants(form)):
            add_name(form, "org_name_start", "org_name_inside")
    for name in _list("companies"):
        add_name(name, "org_name_start", "org_name_inside")
    nouns = common_nouns()
    forms = word_forms()
    for form, lemma in forms.items():
        if lemma in nouns and form[:1].isupper():
            add(exact, form, BIT["common_noun"])
        for word in (form, lemma):
            if word.islower():
                add(folded, word, BIT["lower_case_word"])
    for lemma in nouns:
        add(exact, lemma, BIT["common_noun"])
    for word in list(lex.adjectives) + list(lex.demonyms):
        add(folded, word, BIT["state_derived"])
    heads, whole_words = org_words()
    for word in whole_words:
        add(exact, word, BIT["org_word"])
    return {"exact": exact, "folded": folded, "phrases": phrases, "heads": [h.casefold() for h in heads]}


_RUNTIME: dict[int, dict] = {}


def _runtime(table: dict) -> dict:
    """Per-table caches (by word, by ORTH id). Each entry holds its table, so an id is never reused
    for another table while its caches live."""
    runtime = _RUNTIME.get(id(table))
    if runtime is None or runtime["table"] is not table:
        from spacy.strings import get_string_id

        runtime = _RUNTIME[id(table)] = {"table": table, "words": {}, "orths": {},
                                         "firsts": {get_string_id(w) for w in table["phrases"]}}
    return runtime


def word_bits(table: dict, text: str) -> int:
    """The features of one word on its own (names, words, compounds ending in an organisation head)."""
    cache = _runtime(table)["words"]
    bits = cache.get(text)
    if bits is None:
        exact, folded = table["exact"], table["folded"]
        bits = exact.get(text, 0) | folded.get(text.casefold(), 0)
        if text.endswith("s") and len(text) > 3:  # genitive: "Merkels", "Berlins"
            bits |= exact.get(text[:-1], 0) & (BIT["given_name"] | BIT["surname"] | BIT["place_start"])
        low = text.casefold()
        if text[:1].isupper() and any(low.endswith(head) for head in table["heads"]):
            bits |= BIT["org_word"]
        if len(cache) > 500_000:
            cache.clear()
        cache[text] = bits
    return bits


_SHIFTS = numpy.arange(len(FEATURES), dtype="int64")


def _rows(bits: list[int]) -> numpy.ndarray:
    packed = numpy.asarray(bits, dtype="int64").reshape(-1, 1)
    return ((packed >> _SHIFTS) & 1).astype("float32")


def _mark_phrases(table: dict, bits: list[int], word: Callable[[int], str], starts) -> None:
    """Where a listed multi-word name begins at one of ``starts``, set its start and inside bits."""
    n = len(bits)
    for i in starts:
        for entry in table["phrases"].get(word(i), ()):
            rest, start, inside = entry[:-2], entry[-2], entry[-1]
            if i + len(rest) < n and all(word(i + 1 + k) == part for k, part in enumerate(rest)):
                bits[i] |= start
                for j in range(i + 1, i + 1 + len(rest)):
                    bits[j] |= inside


def doc_features(table: dict, words: list[str]) -> numpy.ndarray:
    """One row of 0/1 features per word; a listed multi-word name marks its first and further words."""
    bits = [word_bits(table, w) for w in words]
    _mark_phrases(table, bits, words.__getitem__, range(len(words)))
    return _rows(bits)


def token_features(table: dict, doc: Doc) -> numpy.ndarray:
    """doc_features of a Doc, keyed by the tokens' ORTH ids (no Token objects, no string per token)."""
    from spacy.attrs import ORTH

    runtime = _runtime(table)
    cache, firsts, strings = runtime["orths"], runtime["firsts"], doc.vocab.strings
    orths = doc.to_array(ORTH).tolist() if len(doc) else []
    bits = []
    for orth in orths:
        value = cache.get(orth)
        if value is None:
            if len(cache) > 500_000:
                cache.clear()
            value = cache[orth] = word_bits(table, strings[orth])
        bits.append(value)
    starts = [i for i, orth in enumerate(orths) if orth in firsts]
    if starts:
        _mark_phrases(table, bits, lambda i: strings[orths[i]], starts)
    return _rows(bits)


def gazetteer_features() -> Model[list[Doc], list[Floats2d]]:
    """A layer without weights: the feature rows of each doc (the table lives in ``attrs``)."""
    def forward(model: Model, docs: list[Doc], is_train: bool) -> tuple[list[Floats2d], Callable]:
        table = model.attrs["table"]
        if not table:  # built lazily: loading a saved model overwrites attrs with the saved table
            table = model.attrs["table"] = build_table()
        rows = [model.ops.asarray2f(token_features(table, doc)) for doc in docs]
        return rows, lambda d_rows: []

    return Model("gazetteer_features", forward, attrs={"table": {}}, dims={"nO": len(FEATURES)})


@registry.architectures("graphx.GazetteerHashEmbed.v1")
def gazetteer_hash_embed(width: int, attrs: list[str], rows: list[int], include_static_vectors: bool
                         ) -> Model[list[Doc], list[Floats2d]]:
    """spaCy's MultiHashEmbed (same hash tables and seeds) whose mixing Maxout also takes the
    gazetteer features: one extra input block, no extra layer."""
    from spacy.ml.featureextractor import FeatureExtractor
    from spacy.ml.staticvectors import StaticVectors
    from thinc.api import HashEmbed, list2ragged, ragged2list

    if len(rows) != len(attrs):
        raise ValueError(f"Mismatched lengths: {len(rows)} vs {len(attrs)}")
    embeddings = [HashEmbed(width, rows[i], column=i, seed=8 + i, dropout=0.0) for i in range(len(attrs))]
    hashed = chain(FeatureExtractor(attrs), list2ragged(), with_array(concatenate(*embeddings)))
    parts = [hashed] + ([StaticVectors(width, dropout=0.0)] if include_static_vectors else [])
    features = chain(gazetteer_features(), list2ragged())
    concat_size = width * (len(attrs) + int(include_static_vectors)) + len(FEATURES)
    return chain(concatenate(*parts, features),
                 with_array(Maxout(width, concat_size, nP=3, dropout=0.0, normalize=True)), ragged2list())
