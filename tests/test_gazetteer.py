"""The NER's gazetteer features (graphx/model/gazetteer.py), on words and tiny models built here."""
import pytest
import spacy
from spacy.tokens import Doc

from graphx.model import gazetteer
from graphx.model.gazetteer import FEATURES, doc_features, gazetteer_hash_embed


@pytest.fixture(scope="module")
def table():
    return gazetteer.build_table()


def features_of(table, sentence):
    words = sentence.split()
    rows = doc_features(table, words)
    return {word: {name for name, value in zip(FEATURES, row) if value} for word, row in zip(words, rows)}


def test_person_names_places_and_common_words(table):
    found = features_of(table, "Die Ärztin Sabine Schmidt zog von Mailand nach Kapstadt")
    assert "given_name" in found["Sabine"]
    assert "surname" in found["Schmidt"]
    assert "place_start" in found["Mailand"] and "place_start" in found["Kapstadt"]
    assert "common_noun" in found["Ärztin"]
    assert "lower_case_word" in found["Die"] and "given_name" not in found["Die"]


def test_multi_word_names_mark_start_and_inside(table):
    found = features_of(table, "Sie flog nach Buenos Aires zur Sitzung der Vereinten Nationen bei Deutsche Bank")
    assert "place_start" in found["Buenos"] and "place_inside" in found["Aires"]
    assert "org_name_start" in found["Vereinten"] and "org_name_inside" in found["Nationen"]
    assert "org_name_start" in found["Deutsche"] and "org_name_inside" in found["Bank"]
    # a phrase's first word alone is no match
    assert "org_name_start" not in features_of(table, "die Vereinten Kräfte")["Vereinten"]


def test_organisation_heads_compounds_state_words_and_genitives(table):
    found = features_of(table, "Die Landesbank und die Firma Muster GmbH zahlten Schmidts russischen Partnern beim FC")
    assert {"Landesbank", "GmbH", "FC"} <= {w for w, f in found.items() if "org_word" in f}
    assert "surname" in found["Schmidts"]
    assert "state_derived" in found["russischen"]
    assert found["zahlten"].isdisjoint({"given_name", "surname", "place_start", "org_word"})


def test_common_german_words_are_not_places():
    places = set(gazetteer._list("places"))
    assert {"Berlin", "Wien", "München"} <= places
    assert not {"Essen", "Hof", "Halle"} & places


def test_layer_feeds_the_tok2vec_and_saves_its_table(monkeypatch):
    small = {"exact": {"Anna": gazetteer.BIT["given_name"]}, "folded": {}, "phrases": {}, "heads": []}
    monkeypatch.setattr(gazetteer, "build_table", lambda: small)
    vocab = spacy.blank("de").vocab
    docs = [Doc(vocab, words=["Anna", "kommt", "."]), Doc(vocab, words=["Er", "nicht"])]
    model = gazetteer_hash_embed(width=8, attrs=["NORM", "SHAPE"], rows=[50, 20], include_static_vectors=False)
    model.initialize(X=docs)
    out = model.predict(docs)
    assert [o.shape for o in out] == [(3, 8), (2, 8)]
    features = next(n for n in model.walk() if n.name == "gazetteer_features")
    assert features.attrs["table"] == small

    monkeypatch.setattr(gazetteer, "build_table", lambda: pytest.fail("a saved table must not be rebuilt"))
    loaded = gazetteer_hash_embed(width=8, attrs=["NORM", "SHAPE"], rows=[50, 20], include_static_vectors=False)
    loaded.from_bytes(model.to_bytes())
    assert next(n for n in loaded.walk() if n.name == "gazetteer_features").attrs["table"] == small
    assert (loaded.predict(docs)[0] == out[0]).all()


def test_gazetteer_changes_the_output():
    vocab = spacy.blank("de").vocab
    model = gazetteer_hash_embed(width=8, attrs=["SHAPE"], rows=[20], include_static_vectors=False)
    features = next(n for n in model.walk() if n.name == "gazetteer_features")
    features.attrs["table"] = {"exact": {"Anna": gazetteer.BIT["given_name"]}, "folded": {}, "phrases": {}, "heads": []}
    docs = [Doc(vocab, words=["Anna"]), Doc(vocab, words=["Bnna"])]   # same shape "Xxxx"
    model.initialize(X=docs)
    first, second = model.predict(docs)
    assert not (first == second).all()


@pytest.mark.slow
def test_ner_recipe_trains_with_gazetteer_features(tmp_path):
    """configs/ner.cfg end to end on a tiny corpus: the trained NER saves its gazetteer table."""
    from spacy.tokens import DocBin, Span

    from graphx.model.train import train_component

    vocab = spacy.blank("de").vocab
    docs = []
    for given, family, city in [("Anna", "Schmidt", "Mailand"), ("Peter", "Meier", "Kapstadt")] * 4:
        doc = Doc(vocab, words=[given, family, "reiste", "nach", city, "."])
        doc.ents = [Span(doc, 0, 2, "PER"), Span(doc, 4, 5, "LOC")]
        docs.append(doc)
    DocBin(docs=docs).to_disk(tmp_path / "train.spacy")
    DocBin(docs=docs[:2]).to_disk(tmp_path / "dev.spacy")
    best = train_component("ner", tmp_path, tmp_path / "out", "train", "dev", max_steps=4,
                           log=tmp_path / "train.log", extra=["--training.eval_frequency", "2"])
    import graphx.model.components  # noqa: F401

    nlp = spacy.load(best)
    layers = [n for n in nlp.get_pipe("ner").model.walk() if n.name == "gazetteer_features"]
    assert len(layers) == 1 and "Schmidt" in layers[0].attrs["table"]["exact"]


def test_doc_features_match_word_features(table):
    vocab = spacy.blank("de").vocab
    words = ["Olaf", "Scholz", "traf", "in", "New", "York", "die", "Deutsche", "Bank", ",", "nicht", "New"]
    doc = Doc(vocab, words=words)
    assert (gazetteer.token_features(table, doc) == doc_features(table, words)).all()
    assert gazetteer.token_features(table, Doc(vocab, words=[])).shape == (0, len(FEATURES))


def test_caches_belong_to_their_table():
    first = {"exact": {"Anna": gazetteer.BIT["given_name"]}, "folded": {}, "phrases": {}, "heads": []}
    second = {"exact": {}, "folded": {}, "phrases": {}, "heads": []}
    assert gazetteer.word_bits(first, "Anna") == gazetteer.BIT["given_name"]
    assert gazetteer.word_bits(second, "Anna") == 0
    assert gazetteer.word_bits(first, "Anna") == gazetteer.BIT["given_name"]
