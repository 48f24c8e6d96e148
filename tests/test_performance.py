"""Performance behaviour: cached builds load no model, worker processes give the same results."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from graphx import annotate, extract
from graphx.annotate import DEFAULT_MODEL, model_info, model_meta
from graphx.errors import ModelError, UsageError
from graphx.reader import Article

spacy = pytest.importorskip("spacy")


def test_model_meta_matches_the_loaded_pipeline_without_loading_it(tmp_path):
    meta = json.loads((Path(DEFAULT_MODEL) / "meta.json").read_text(encoding="utf-8"))
    assert model_meta() == {"name": f"{meta['lang']}_{meta['name']}", "version": meta["version"]}
    assert model_meta(None, "flair:some/tagger")["name"].endswith("+flair:some/tagger")
    with pytest.raises(UsageError):                                 # a bad --ner is a usage error
        model_meta(None, "spacy:foo")
    assert model_meta(str(tmp_path / "missing")) is None            # caller falls back to loading
    assert model_meta("no_such_pipeline_package_xyz") is None
    nlp = spacy.blank("de")
    nlp.meta.update(name="tiny", version="1.2.3")
    nlp.to_disk(tmp_path / "tiny")
    assert model_meta(str(tmp_path / "tiny")) == model_info(nlp) == {"name": "de_tiny", "version": "1.2.3"}


def _failing_loader(*args, **kwargs):
    raise AssertionError("the pipeline must not be loaded")


def test_extractor_key_does_not_load_the_model(monkeypatch):
    monkeypatch.setattr(annotate, "load_pipeline", _failing_loader)
    extractor = extract.Extractor()
    assert extractor.key.startswith(f"{model_meta()['name']}@{model_meta()['version']}+rules")
    assert extractor.model_info == model_meta()
    assert extractor._nlp is None


def test_cached_build_does_not_load_the_model(tmp_path, monkeypatch):
    from graphx.graph import build_graph
    from graphx.pipeline import build
    from graphx.reader import read_articles
    from graphx.store import Store

    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    (src / "a.txt").write_text("Russland kritisiert die Ukraine.", encoding="utf-8")
    (src / "b.txt").write_text("Frankreich unterstützt Polen.", encoding="utf-8")
    articles = read_articles([src]).articles
    key = extract.Extractor().key
    results = {a.name: {"article": a.name, "sha256": a.sha256,
                        "entities": [{"name": a.name[0].upper(), "type": "STATE", "aliases": [], "mentions": 1}],
                        "relations": []} for a in articles}
    with Store.open(out / "graphx.sqlite") as store:        # as if an earlier build had run
        store.commit_build(articles, results, key, build_graph(results.values()))
    monkeypatch.setattr(annotate, "load_pipeline", _failing_loader)
    result = build([src], out, max_nodes=10)
    assert result.processed == 0
    assert set(result.graph.nodes) == {"A", "B"}
    with Store.open(out / "graphx.sqlite") as store:
        assert [s["extractor_key"] for s in store.snapshots()] == [key, key]


TEXTS = ["Die Regierung in Berlin kritisiert Russland.\n\nMoskau weist das zurück.",
         "   \n\n  ",
         "Frankreich und Deutschland unterzeichnen einen Vertrag.",
         "Die Nato trifft sich in Brüssel.\nKanzler Scholz reist nach Paris.",
         "Ein kurzer Text.", "Noch einer über Polen und die Ukraine."]


def test_worker_processes_give_the_same_results_as_one_process(monkeypatch):
    monkeypatch.setattr(extract, "MIN_PARALLEL", 2)
    nlp = spacy.blank("de")
    nlp.add_pipe("sentencizer")
    articles = [Article(name=f"{i}.txt", path=None, text=text) for i, text in enumerate(TEXTS)]
    serial = dict((a.name, r) for a, r in extract.Extractor(nlp=nlp).extract_many(articles))
    seen = []
    parallel = dict((a.name, r) for a, r in extract.Extractor(nlp=nlp).extract_many(
        articles, n_process=2, progress=lambda done, total: seen.append((done, total))))
    assert parallel == serial and sorted(serial) == sorted(a.name for a in articles)
    assert seen[-1] == (len(articles), len(articles))
    assert serial["1.txt"]["entities"] == [] and serial["1.txt"]["relations"] == []


def test_worker_errors_reach_the_caller(monkeypatch):
    monkeypatch.setattr(extract, "MIN_PARALLEL", 2)
    def broken(*args, **kwargs):
        raise ModelError("broken model")

    monkeypatch.setattr(annotate, "load_pipeline", broken)
    articles = [Article(name=f"{i}.txt", path=None, text=text) for i, text in enumerate(TEXTS)]
    with pytest.raises(ModelError, match="broken model"):
        list(extract.Extractor(model="whatever").extract_many(articles, n_process=2))


def test_graphx_pipeline_loads_without_importing_torch():
    import subprocess
    import sys

    code = ("import sys\nfrom graphx.annotate import load_pipeline\nnlp = load_pipeline()\n"
            "print('torch' in sys.modules, [t.lemma_ for t in nlp('Die Staaten unterzeichneten.')][:2])\n"
            "import importlib.util\nprint(importlib.util.find_spec('torch') is not None)\n")
    lines = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.splitlines()
    assert lines[0].startswith("False")
    torch_installed = lines[1] == "True"
    if torch_installed:                                 # still importable afterwards
        out = subprocess.run([sys.executable, "-c", code + "import torch\nprint('ok')"], capture_output=True,
                             text=True, check=True).stdout
        assert out.splitlines()[-1] == "ok"


def test_lemma_table_is_spacys_lookup_table():
    pytest.importorskip("spacy_lookups_data")
    from spacy.lookups import load_lookups

    table = load_lookups("de", ["lemma_lookup"]).get_table("lemma_lookup")
    from graphx.lexicon import word_forms
    word_forms.cache_clear()
    lemma = extract.lemmatizer()
    doc = spacy.blank("de")("Die Staaten warfen Russland Angriffe vor und lieferten Waffen")
    assert [lemma(t) for t in doc] == [table.get(t.text, t.lemma_) for t in doc]


def test_the_cache_key_changes_with_the_lexicons(monkeypatch):
    from pathlib import Path

    from graphx import extract
    before = extract.rules_fingerprint()
    real = Path.read_bytes
    extract.rules_fingerprint.cache_clear()
    monkeypatch.setattr(Path, "read_bytes", lambda self: real(self) + (b"x" if self.name == "cues.jsonl" else b""))
    try:
        assert extract.rules_fingerprint() != before
    finally:
        monkeypatch.undo()
        extract.rules_fingerprint.cache_clear()
    assert extract.rules_fingerprint() == before
