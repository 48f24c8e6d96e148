"""graphx.annotate: loading paths (packaged, any spaCy pipeline, flair NER), chunking, annotate()."""
from __future__ import annotations

import subprocess
import sys

import pytest

from graphx.annotate import (
    DEFAULT_MODEL,
    annotate,
    load_pipeline,
    model_info,
    split_text,
)
from graphx.errors import ModelError

spacy = pytest.importorskip("spacy")

TRAIN = [
    ("Angela Merkel besucht Berlin.", [(0, 13, "PER"), (22, 28, "LOC")]),
    ("Olaf Scholz reist nach Paris.", [(0, 11, "PER"), (23, 28, "LOC")]),
    ("Die Nato trifft sich in Brüssel.", [(4, 8, "ORG"), (24, 31, "LOC")]),
    ("Emmanuel Macron lobt die EU.", [(0, 15, "PER"), (25, 27, "ORG")]),
]


def test_import_is_cheap():
    code = "import sys, graphx.annotate; print('spacy' in sys.modules, 'flair' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False"]


@pytest.fixture(scope="module")
def tiny_pipeline(tmp_path_factory):
    """A tiny spaCy pipeline (sentencizer + NER) trained here on four sentences."""
    from spacy.training import Example

    nlp = spacy.blank("de")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("ner")
    examples = [Example.from_dict(nlp.make_doc(t), {"entities": e}) for t, e in TRAIN]
    optimizer = nlp.initialize(lambda: examples)
    for _ in range(30):
        nlp.update(examples, sgd=optimizer, drop=0.0)
    nlp.meta["name"] = "tiny"
    nlp.meta["version"] = "9.9.9"
    path = tmp_path_factory.mktemp("tiny") / "tiny_pipeline"
    nlp.to_disk(path)
    return path


def test_load_any_spacy_pipeline_by_path(tiny_pipeline):
    nlp = load_pipeline(str(tiny_pipeline))
    assert model_info(nlp) == {"name": "de_tiny", "version": "9.9.9"}
    doc = nlp("Angela Merkel besucht Berlin.")
    assert [(e.text, e.label_) for e in doc.ents] == [("Angela Merkel", "PER"), ("Berlin", "LOC")]


@pytest.mark.parametrize("bad", ["/no/such/pipeline", "de_core_news_doesnotexist"])
def test_bad_model_raises_model_error_one_line(bad):
    with pytest.raises(ModelError) as info:
        load_pipeline(bad)
    assert "\n" not in str(info.value) and bad in str(info.value)


def test_bad_ner_option_is_a_usage_error(tiny_pipeline):
    from graphx.errors import ExitStatus, UsageError

    with pytest.raises(UsageError) as raised:
        load_pipeline(str(tiny_pipeline), ner="spacy:foo")
    assert raised.value.exit_status == ExitStatus.USAGE


def test_default_model_path_is_packaged():
    assert DEFAULT_MODEL.endswith("graphx/models/de_graphx")


@pytest.mark.parametrize("text, n", [("kurz", 10), ("a b c. d e f.\n\ng h i. j k l.", 8), ("x" * 25, 10),
                                     ("Satz eins. Satz zwei! Satz drei? Und vier.", 15)])
def test_split_text_chunks_cover_text(text, n):
    chunks = split_text(text, n)
    assert "".join(c for c, _ in chunks) == text
    for chunk, offset in chunks:
        assert text[offset:offset + len(chunk)] == chunk and len(chunk) <= n


def test_annotate_keeps_order_and_offsets_for_long_texts():
    nlp = spacy.blank("de")
    nlp.max_length = 40
    texts = ["Erster Text.", "Satz eins ist hier. Satz zwei ist da. Satz drei folgt.\n\nNeuer Absatz.", ""]
    out = list(annotate(nlp, texts, batch_size=2))
    assert len(out) == 3
    assert [(d.text, o) for d, o in out[0]] == [("Erster Text.", 0)]
    long_text = texts[1]
    assert len(out[1]) > 1
    for doc, offset in out[1]:
        for tok in doc:
            assert long_text[tok.idx + offset:tok.idx + offset + len(tok)] == tok.text
    assert out[2][0][0].text == ""


def _tiny_flair_tagger(path):
    import torch
    from flair.data import Corpus, Sentence
    from flair.datasets import FlairDatapointDataset
    from flair.embeddings import OneHotEmbeddings
    from flair.models import SequenceTagger

    torch.manual_seed(0)
    nlp = spacy.blank("de")
    sents = []
    for text, ents in TRAIN * 2:
        doc = nlp.make_doc(text)
        s = Sentence([t.text for t in doc])
        for a, b, label in ents:
            span = doc.char_span(a, b)
            s[span.start:span.end].add_label("ner", label)
        sents.append(s)
    data = FlairDatapointDataset(sents)
    corpus = Corpus(train=data, dev=data, test=data, sample_missing_splits=False)
    emb = OneHotEmbeddings.from_corpus(corpus, field="text", embedding_length=16, min_freq=1)
    tagger = SequenceTagger(hidden_size=16, embeddings=emb, tag_type="ner", use_crf=False,
                            tag_dictionary=corpus.make_label_dictionary("ner", add_unk=False),
                            reproject_embeddings=False)
    opt = torch.optim.Adam(tagger.parameters(), lr=0.05)
    for _ in range(40):
        for s in sents:
            s.clear_embeddings()
        opt.zero_grad()
        loss, n = tagger.forward_loss(sents)
        (loss / max(n, 1)).backward()
        opt.step()
    tagger.save(path)
    return path


@pytest.mark.slow
def test_flair_ner_drop_in(tiny_pipeline, tmp_path):
    pytest.importorskip("flair", reason="flair is an optional extra (pip install torch==2.13.0 flair)")
    model = _tiny_flair_tagger(tmp_path / "tiny-flair.pt")
    nlp = load_pipeline(str(tiny_pipeline), ner=f"flair:{model}")
    assert "graphx_flair_ner" in nlp.pipe_names and "ner" not in nlp.pipe_names
    assert model_info(nlp)["name"].startswith("de_tiny+flair:")
    docs = list(nlp.pipe(["Angela Merkel besucht Berlin. Olaf Scholz reist nach Paris."]))
    ents = [(e.text, e.label_) for e in docs[0].ents]
    assert ("Angela Merkel", "PER") in ents and ("Olaf Scholz", "PER") in ents
    assert {label for _, label in ents} <= {"PER", "ORG", "LOC", "MISC"}
    chunks = list(annotate(nlp, ["Die Nato trifft sich in Brüssel."]))
    assert [(e.text, e.label_) for e in chunks[0][0][0].ents] == [("Nato", "ORG"), ("Brüssel", "LOC")]


def test_flair_missing_model_raises(tiny_pipeline, tmp_path):
    pytest.importorskip("flair", reason="flair is an optional extra (pip install torch==2.13.0 flair)")
    with pytest.raises(ModelError):
        load_pipeline(str(tiny_pipeline), ner=f"flair:{tmp_path / 'nope.pt'}")
