"""graphx.model: label mapping, tokenizer rules, lemma lookup, scoring, CLI, packaged model."""
from __future__ import annotations

from pathlib import Path

import pytest

spacy = pytest.importorskip("spacy")

from graphx.model import corpora
from graphx.model.corpora import (
    DFKI_MAP,
    GERMEVAL_MAP,
    LER_MAP,
    iob_to_spans,
    looks_derived,
    make_doc,
    mention_pools,
    read_conll,
    replace_mentions,
)
from graphx.model.evaluate import score_spans
from graphx.model.news_tokenizer import customize_tokenizer

MODEL_DIR = Path(__file__).resolve().parent.parent / "graphx" / "models" / "de_graphx"


# ----------------------------------------------------------------------------- label mapping
def test_germeval_mapping_keeps_locderiv_and_drops_oth_and_part():
    tags = ["B-PER", "I-PER", "O", "B-LOCderiv", "B-OTH", "I-OTH", "B-LOCpart", "B-ORG", "B-PERderiv"]
    ents, missing = iob_to_spans(tags, GERMEVAL_MAP)
    assert ents == [(0, 2, "PER"), (3, 4, "LOCderiv"), (7, 8, "ORG")]
    assert missing == []


def test_ler_mapping_fine_types_and_missing_references():
    tags = ["B-RR", "I-RR", "O", "B-GRT", "I-GRT", "B-ST", "B-GS", "I-GS", "B-RS", "I-RS", "B-LIT", "B-UN", "B-LD"]
    ents, missing = iob_to_spans(tags, LER_MAP)
    assert ents == [(0, 2, "PER"), (3, 5, "ORG"), (5, 6, "LOC"), (11, 12, "ORG"), (12, 13, "LOC")]
    assert missing == [(8, 10), (10, 11)]  # court decisions and literature references: unknown, not O


def test_dfki_mapping():
    tags = ["B-person", "B-organization-company", "B-location-city", "B-location-route", "B-date", "B-location-street"]
    ents, missing = iob_to_spans(tags, DFKI_MAP)
    assert ents == [(0, 1, "PER"), (1, 2, "ORG"), (2, 3, "LOC"), (5, 6, "LOC")]
    assert missing == [(3, 4)]


def test_iob_handles_i_without_b_and_malformed_separators():
    ents, _ = iob_to_spans(["I-PER", "I-PER", "O", "B_LOC"], GERMEVAL_MAP)
    assert ents == [(0, 2, "PER"), (3, 4, "LOC")]


def test_derived_words_are_missing_not_outside_in_corpora_without_locderiv():
    vocab = spacy.blank("de").vocab
    words = ["Die", "russischen", "Truppen", "und", "Berliner", "Behörden", "in", "Kiew"]
    doc = make_doc(vocab, words, [(7, 8, "LOC")], mark_derived={"berliner"})
    iob = [t.ent_iob_ for t in doc]
    assert iob[1] == "" and iob[4] == ""          # missing: the model is not told these are O
    assert iob[0] == "O" and iob[2] == "O"
    assert doc.ents[0].text == "Kiew" and doc.ents[0].label_ == "LOC"


def test_germeval_docs_do_not_mark_missing():
    vocab = spacy.blank("de").vocab
    doc = make_doc(vocab, ["Die", "russischen", "Truppen"], [(1, 2, "LOCderiv")])
    assert [t.ent_iob_ for t in doc] == ["O", "B", "O"]


def test_mention_pools_are_distinct_per_label():
    vocab = spacy.blank("de").vocab
    docs = [make_doc(vocab, ["Olaf", "Scholz", "traf", "Macron", "in", "Paris"],
                     [(0, 2, "PER"), (3, 4, "PER"), (5, 6, "LOC")]),
            make_doc(vocab, ["Macron", "lobt", "die", "französische", "Regierung"],
                     [(0, 1, "PER"), (3, 4, "LOCderiv")])]
    pools = mention_pools(docs)
    assert pools == {"PER": [("Olaf", "Scholz"), ("Macron",)], "ORG": [], "LOC": [("Paris",)]}


def test_replace_mentions_swaps_names_and_keeps_context_labels_and_missing():
    import random

    vocab = spacy.blank("de").vocab
    doc = make_doc(vocab, ["Laut", "Merkel", "hat", "die", "russische", "Armee", "in", "Kiew", "."],
                   [(1, 2, "PER"), (4, 5, "LOCderiv"), (7, 8, "LOC")], missing=[(5, 6)])
    pools = {"PER": [("Anna", "Maria", "Berg")], "ORG": [], "LOC": [("Bad", "Homburg")]}
    out = replace_mentions(doc, pools, random.Random(0), p=1.0)
    assert [t.text for t in out] == ["Laut", "Anna", "Maria", "Berg", "hat", "die", "russische", "Armee", "in", "Bad", "Homburg", "."]
    assert [(e.text, e.label_) for e in out.ents] == [
        ("Anna Maria Berg", "PER"), ("russische", "LOCderiv"), ("Bad Homburg", "LOC")]
    assert out[7].text == "Armee" and out[7].ent_iob_ == ""   # missing stays missing
    assert out[0].ent_iob_ == "O"
    same = replace_mentions(doc, pools, random.Random(0), p=0.0)
    assert same.text == doc.text and [(e.start, e.end, e.label_) for e in same.ents] == \
        [(e.start, e.end, e.label_) for e in doc.ents]


def test_looks_derived():
    assert looks_derived("nordkoreanische", set())
    assert looks_derived("ukrainischen", set())
    assert looks_derived("Münchner", {"münchner"})
    assert not looks_derived("Tisch", set()) and not looks_derived("Regierung", set())


def test_read_conll_skips_docstart_and_splits_sentences():
    lines = ["-DOCSTART- -1- O O", "", "A\tNN\tI-NN\tB-person", "B\tNN\tI-NN\tO", "", "C\tNN\tI-NN\tO", ""]
    assert list(read_conll(lines, sep="\t")) == [[("A", "B-person"), ("B", "O")], [("C", "O")]]


def test_germeval_reader_on_sample(tmp_path):
    p = tmp_path / "ge.tsv"
    p.write_text("#\thttp://x\t[2010]\t\n1\tPutin\tB-PER\tO\n2\tsagte\tO\tO\n\n"
                 "#\thttp://y\t[2010]\t\n1\tdeutsche\tB-LOCderiv\tO\n", encoding="utf-8")
    sents = list(corpora.read_germeval(p))
    assert sents == [[("Putin", "B-PER"), ("sagte", "O")], [("deutsche", "B-LOCderiv")]]
    assert corpora.germeval_derived_forms(p) == {"deutsche"}


# ----------------------------------------------------------------------------- tokenizer
@pytest.fixture(scope="module")
def tok():
    return customize_tokenizer(spacy.blank("de")).tokenizer


@pytest.mark.parametrize("text, tokens", [
    ("US-Verteidigungsminister Lloyd Austin", ["US-Verteidigungsminister", "Lloyd", "Austin"]),
    ("Die Nord-Stream-2-Pipeline", ["Die", "Nord-Stream-2-Pipeline"]),
    ("Wirtschafts- und Finanzminister", ["Wirtschafts-", "und", "Finanzminister"]),
    ("„Wir werden siegen“, sagte er.", ["„", "Wir", "werden", "siegen", "“", ",", "sagte", "er", "."]),
    ("«Das ist falsch», sagte sie.", ["«", "Das", "ist", "falsch", "»", ",", "sagte", "sie", "."]),
    ("Selenskyj sagte:„Nein“", ["Selenskyj", "sagte", ":", "„", "Nein", "“"]),
    ("Selenskyj:«Wir siegen»", ["Selenskyj", ":", "«", "Wir", "siegen", "»"]),
    ("am 24. Februar 2022 in Kiew.", ["am", "24.", "Februar", "2022", "in", "Kiew", "."]),
    ("am 24.02.2022 um 14:30 Uhr", ["am", "24.02.2022", "um", "14:30", "Uhr"]),
    ("Der Krieg endete 1945.", ["Der", "Krieg", "endete", "1945", "."]),
    ("z.B. rund 10.000 Soldaten", ["z.B.", "rund", "10.000", "Soldaten"]),
])
def test_news_tokenizer(tok, text, tokens):
    assert [t.text for t in tok(text)] == tokens


def test_tokenizer_rules_survive_serialization(tmp_path):
    nlp = customize_tokenizer(spacy.blank("de"))
    nlp.to_disk(tmp_path / "p")
    again = spacy.load(tmp_path / "p")
    assert [t.text for t in again("endete 1945.")] == ["endete", "1945", "."]


# ----------------------------------------------------------------------------- lemma lookup
def test_lemma_lookup_overrides_open_class_only(tmp_path):
    from spacy.tokens import Doc

    from graphx.model import components  # noqa: F401

    nlp = spacy.blank("de")
    comp = nlp.add_pipe("graphx_lemma_lookup")
    comp.initialize(table={"wirft": "werfen", "weist": "weisen", "er": "ich", "Wirft": "werfen"})
    doc = Doc(nlp.vocab, words=["Er", "wirft", "er", "weist"], pos=["PRON", "VERB", "PRON", "VERB"],
              lemmas=["er", "wirfen", "er", "weisen"])
    doc = comp(doc)
    assert [t.lemma_ for t in doc] == ["er", "werfen", "er", "weisen"]
    nlp.to_disk(tmp_path / "p")
    assert spacy.load(tmp_path / "p").get_pipe("graphx_lemma_lookup").table["weist"] == "weisen"


def test_lemma_lookup_keeps_the_texts_orthography():
    from spacy.tokens import Doc

    from graphx.model import components  # noqa: F401

    nlp = spacy.blank("de")
    comp = nlp.add_pipe("graphx_lemma_lookup")
    comp.initialize(table={"Russlands": "Rußland"})
    doc = Doc(nlp.vocab, words=["Russlands", "Russland", "Fuß"], pos=["NOUN", "PROPN", "NOUN"],
              lemmas=["Russlands", "Rußland", "Fuß"])
    assert [t.lemma_ for t in comp(doc)] == ["Russland", "Russland", "Fuß"]


def test_word_forms_share_the_models_lemma_table_and_match_the_package():
    from graphx import lexicon
    from graphx.annotate import load_pipeline

    table = load_pipeline().get_pipe("graphx_lemma_lookup").table
    assert table is lexicon.lemma_table(str(lexicon.MODEL_LEMMA_TABLE))      # parsed once
    forms = lexicon.word_forms()
    assert forms["wirft"] == "werfen" and forms["Bahn"] == "Bahn" and "Bahn" not in table
    pytest.importorskip("spacy_lookups_data")
    from spacy.util import load_language_data, registry
    assert forms == load_language_data(registry.lookups.get("de")["lemma_lookup"])


# ----------------------------------------------------------------------------- scoring
def test_score_spans_overall_excludes_locderiv():
    gold = [{(0, 1, "PER"), (2, 3, "LOC"), (4, 5, "LOCderiv")}]
    pred = [{(0, 1, "PER"), (2, 4, "LOC"), (4, 5, "LOCderiv"), (6, 7, "MISC")}]
    s = score_spans(gold, pred)
    assert s["overall"]["tp"] == 1 and s["overall"]["pred"] == 2 and s["overall"]["gold"] == 2
    assert s["overall"]["f"] == pytest.approx(0.5)
    assert s["LOCderiv"]["f"] == 1.0 and s["LOC"]["f"] == 0.0


# ----------------------------------------------------------------------------- CLI
def test_model_cli_group_and_bad_model():
    from click.testing import CliRunner

    from graphx.errors import ModelError
    from graphx.model.commands import model

    runner = CliRunner()
    res = runner.invoke(model, ["--help"])
    assert res.exit_code == 0 and "train" in res.output and "evaluate" in res.output
    res = runner.invoke(model, ["evaluate", "--model", "/no/such/pipeline", "--skip", "speed"])
    assert isinstance(res.exception, ModelError)


# ----------------------------------------------------------------------------- packaged model
@pytest.mark.skipif(not (MODEL_DIR / "meta.json").exists(), reason="packaged model not present")
def test_packaged_model_annotates_news():
    from graphx.annotate import load_pipeline

    nlp = load_pipeline()
    assert {"parser", "ner", "morphologizer"} <= set(nlp.pipe_names)
    assert set(nlp.get_pipe("ner").labels) == {"PER", "ORG", "LOC", "LOCderiv"}
    doc = nlp("Der russische Präsident Wladimir Putin wirft der Nato Aggression vor. "
              "Bundeskanzler Olaf Scholz weist das zurück.")
    assert len(list(doc.sents)) == 2
    assert any(t.morph.get("Case") for t in doc)
    lemmas = {t.text: t.lemma_ for t in doc}
    assert lemmas["wirft"] == "werfen" and lemmas["weist"] == "weisen"
    assert any(e.label_ == "PER" for e in doc.ents)


@pytest.mark.slow
@pytest.mark.skipif(not (MODEL_DIR / "meta.json").exists(), reason="packaged model not present")
def test_packaged_model_size_and_card():
    from graphx.model.evaluate import model_size_mb

    assert model_size_mb(MODEL_DIR) <= 60
    assert (MODEL_DIR / "README.md").exists()


def test_europeana_reader_cleans_tags_and_chunks(tmp_path):
    path = tmp_path / "enp_DE.x.bio"
    path.write_text("# file:\t\tF_1\nHerr O\nGanibetta B-PEr\nkam O\nnach O\nWien B_LOC\n. O\nDie O\n"
                    "Böhminger O\nwurde ???\nverkauft\n# file:\t\tF_2\nDer O\nKaiser B.PER\n",
                    encoding="utf-8")
    sents = list(corpora.read_europeana(path, min_len=3))
    assert [w for w, _ in sents[0]] == ["Herr", "Ganibetta", "kam", "nach", "Wien", "."]
    assert [t for _, t in sents[0]] == ["O", "B-PER", "O", "O", "B-LOC", "O"]
    assert sents[1] == [("Die", "O"), ("Böhminger", "O"), ("wurde", None), ("verkauft", None)]
    assert sents[2] == [("Der", "O"), ("Kaiser", "B-PER")]  # a page header starts a new chunk


def test_data_dir_comes_from_the_environment_or_beside_the_repository(monkeypatch, tmp_path):
    from graphx.model.corpora import data_dir

    monkeypatch.setenv("GRAPHX_DATA", str(tmp_path))
    assert data_dir() == tmp_path
    monkeypatch.delenv("GRAPHX_DATA")
    found = data_dir()
    repo = Path(__file__).resolve().parent.parent
    assert found.parts[-2:] == ("shared", "data") and found.parent.parent in repo.parents


def test_no_machine_paths_in_code():
    root = Path(__file__).resolve().parent.parent
    for path in [*(root / "graphx").rglob("*.py"), *(root / "benchmarks").glob("*.py"), *(root / "tools").glob("*.py")]:
        assert "/work/" not in path.read_text(encoding="utf-8"), path
