"""The SQLite store: schema, caching, snapshots, transactions, the build lock, bad files."""
import json
import multiprocessing
import sqlite3
import sys
import types

import networkx as nx
import pytest
from graphx_samples import article_for, graph_of, new_article_result, seed_results
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graphx.errors import GraphFormatError, StoreBusyError, StoreError
from graphx.graph import RELATIONS, to_json_data
from graphx.store import Store, load_graph_ref

KEY = "de_test@1.0+rules1"


def commit(store, results, key=KEY):
    articles = [article_for(r) for r in results]
    G = graph_of(results)
    with store.build_lock():
        return store.commit_build(articles, {r["article"]: r for r in results}, key, G), G


def graph_data(G):
    data = to_json_data(G)
    data["nodes"] = sorted(data["nodes"], key=lambda n: n["id"])
    data["edges"] = sorted(data["edges"], key=lambda e: (e["source"], e["target"], e["key"]))
    return data


def test_open_creates_a_graphx_store_and_reopens(tmp_path):
    path = tmp_path / "sub" / "graphx.sqlite"
    Store.open(path).close()
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA application_id").fetchone()[0] == 0x67727078
    assert {"articles", "results", "snapshots"} <= {r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type='table'")}
    conn.close()
    with Store.open(path) as store:
        assert store.snapshots() == []


def test_cached_result_is_keyed_by_hash_and_extractor(tmp_path):
    results = seed_results()
    with Store.open(tmp_path / "s.sqlite") as store:
        assert store.cached_result(results[0]["sha256"], KEY) is None
        commit(store, results)
        assert store.cached_result(results[0]["sha256"], KEY) == results[0]
        assert store.cached_result(results[0]["sha256"], "other-model@2+rules1") is None
        assert store.cached_results([r["sha256"] for r in results] + ["nope"], KEY) == {
            r["sha256"]: r for r in results}


def test_snapshot_round_trip_and_listing(tmp_path):
    with Store.open(tmp_path / "s.sqlite") as store:
        first, G1 = commit(store, seed_results())
        second, G2 = commit(store, seed_results() + [new_article_result()])
        assert second > first
        snaps = store.snapshots()
        assert [s["id"] for s in snaps] == [first, second]
        assert [s["articles"] for s in snaps] == [3, 4]
        assert snaps[1]["nodes"] == G2.number_of_nodes() and snaps[1]["edges"] == G2.number_of_edges()
        assert graph_data(store.snapshot_graph("latest")) == graph_data(G2)
        assert graph_data(store.snapshot_graph(f"@{first}")) == graph_data(G1)
        assert graph_data(store.snapshot_graph("latest~1")) == graph_data(G1)
        assert store.snapshot_info(second)["article_list"][-1]["name"] == "004_d.txt"
        with pytest.raises(StoreError, match="no snapshot 99"):
            store.snapshot_graph(99)
        with pytest.raises(StoreError, match="only 2 snapshots"):
            store.snapshot_graph("latest~2")
        with pytest.raises(StoreError, match="bad snapshot reference"):
            store.snapshot_graph("yesterday")


def test_articles_upsert_first_seen_and_current_set(tmp_path):
    results = seed_results()
    with Store.open(tmp_path / "s.sqlite") as store:
        commit(store, results)
        before = {a["name"]: a for a in store.articles()}
        changed = dict(results[0], sha256="f" * 64)
        commit(store, [changed, results[1]])          # 003 disappeared, 001 changed
        after = {a["name"]: a for a in store.articles()}
        assert after["001_a.txt"]["sha256"] == "f" * 64
        assert after["001_a.txt"]["first_seen"] == before["001_a.txt"]["first_seen"]
        assert after["003_c.txt"]["current"] is False
        assert {a["name"] for a in store.articles(current_only=True)} == {"001_a.txt", "002_b.txt"}
        assert store.article_text("002_b.txt") == "text of 002_b.txt"
        # the old content's result stays cached (the article may come back)
        assert store.cached_result(results[0]["sha256"], KEY) == results[0]


def test_interrupted_commit_leaves_the_store_as_it_was(tmp_path):
    path = tmp_path / "s.sqlite"
    with Store.open(path) as store:
        commit(store, seed_results())
        snaps, arts = store.snapshots(), store.articles()

    class Exploding:
        name, sha256 = "boom.txt", "b" * 64

        @property
        def text(self):
            raise KeyboardInterrupt

    new = new_article_result()
    with Store.open(path) as store, pytest.raises(KeyboardInterrupt):
        store.commit_build([article_for(new), Exploding()], {new["article"]: new}, KEY,
                           graph_of(seed_results() + [new]))
    with Store.open(path) as store:
        assert store.snapshots() == snaps
        assert store.articles() == arts
        assert store.cached_result(new["sha256"], KEY) is None


def test_second_build_lock_waits_then_stops_with_a_clear_message(tmp_path):
    path = tmp_path / "s.sqlite"
    with Store.open(path) as first, Store.open(path) as second:
        with first.build_lock():
            with pytest.raises(StoreBusyError, match="in use by another build"):
                with second.build_lock(timeout=0.2):
                    pass
        with second.build_lock(timeout=0.2):          # free again once the first has finished
            pass


def _hold_lock(path, ready, release):
    with Store.open(path) as store, store.build_lock():
        ready.set()
        release.wait(10)


def test_build_lock_is_exclusive_across_processes(tmp_path):
    path = tmp_path / "s.sqlite"
    Store.open(path).close()
    ctx = multiprocessing.get_context("spawn")
    ready, release = ctx.Event(), ctx.Event()
    proc = ctx.Process(target=_hold_lock, args=(str(path), ready, release))
    proc.start()
    try:
        assert ready.wait(30)
        with Store.open(path) as store, pytest.raises(StoreBusyError):
            with store.build_lock(timeout=0.3):
                pass
    finally:
        release.set()
        proc.join(30)
    with Store.open(path) as store, store.build_lock(timeout=5):
        pass


@pytest.mark.parametrize("content, message", [
    (b"this is not a database at all" * 10, "not an SQLite file"),
    (b"SQLite format 3\x00" + b"\xff" * 200, "corrupt"),
])
def test_corrupt_store_is_a_store_error(tmp_path, content, message):
    path = tmp_path / "s.sqlite"
    path.write_bytes(content)
    with pytest.raises(StoreError, match=message):
        Store.open(path)


def test_foreign_sqlite_file_is_refused(tmp_path):
    path = tmp_path / "other.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE customers (id INTEGER)")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="another application"):
        Store.open(path)


def test_folder_missing_and_unwritable_stores(tmp_path):
    with pytest.raises(StoreError, match="is a folder"):
        Store.open(tmp_path)
    with pytest.raises(StoreError, match="no such file"):
        Store.open(tmp_path / "missing.sqlite", create=False)
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(StoreError, match="cannot create store folder"):
        Store.open(blocker / "graphx.sqlite")


def test_load_graph_ref_turns_store_problems_into_input_errors(tmp_path):
    path = tmp_path / "s.sqlite"
    with Store.open(path) as store:
        _, G = commit(store, seed_results())
    G2, name = load_graph_ref("latest", path)
    assert graph_data(G2) == graph_data(G) and name == "snapshot 1"
    with pytest.raises(GraphFormatError, match="no snapshot 7"):
        load_graph_ref("@7", path)
    with pytest.raises(GraphFormatError, match="no such file"):
        load_graph_ref("latest", tmp_path / "nope.sqlite")


# -- property-based round trips ---------------------------------------------------------------

names = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=12)


@st.composite
def article_results(draw):
    n_articles = draw(st.integers(1, 4))
    pool = draw(st.lists(names, min_size=2, max_size=6, unique=True))
    kinds = {name: draw(st.sampled_from(["PERSON", "STATE", "ORG", "LOCATION"])) for name in pool}
    results = []
    for i in range(n_articles):
        article = f"{i:03d}_{draw(st.text('abcxyz', max_size=5))}.txt"
        ents = draw(st.lists(st.sampled_from(pool), min_size=2, max_size=len(pool), unique=True))
        entities = [{"name": e, "type": kinds[e],
                     "aliases": draw(st.lists(names, max_size=2)), "mentions": draw(st.integers(1, 5))}
                    for e in ents]
        relations = []
        for j in range(draw(st.integers(0, 4))):
            s, t = draw(st.sampled_from(ents)), draw(st.sampled_from(ents))
            relations.append({"source": s, "target": t, "relation": draw(st.sampled_from(RELATIONS)),
                              "evidence": {"article": article, "sentence": draw(names), "start": j * 100,
                                           "end": j * 100 + 50, "attribution": None,
                                           "status": draw(st.sampled_from(["stated", "alleged"])), "cue": "x"}})
        results.append({"article": article, "sha256": f"{i:064x}", "entities": entities,
                        "relations": relations})
    return results


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(results=article_results())
def test_store_graph_round_trip(tmp_path_factory, results):
    path = tmp_path_factory.mktemp("rt") / "s.sqlite"
    with Store.open(path) as store:
        _, G = commit(store, results)
        # the snapshot gives back the same graph ...
        assert graph_data(store.snapshot_graph("latest")) == graph_data(G)
        # ... and rebuilding from the cached results alone gives it too
        cached = [store.cached_result(r["sha256"], KEY) for r in results]
        assert cached == results
        assert graph_data(graph_of(cached, built_at=G.graph["built_at"])) == graph_data(G)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(results=article_results(), data=st.data())
def test_removed_articles_take_their_evidence_with_them(tmp_path_factory, results, data):
    keep = data.draw(st.lists(st.sampled_from(results), unique_by=lambda r: r["article"], max_size=len(results)))
    path = tmp_path_factory.mktemp("rm") / "s.sqlite"
    with Store.open(path) as store:
        commit(store, results)
        commit(store, keep)
        G = store.snapshot_graph("latest")
    kept = {r["article"] for r in keep}
    for *_, d in G.edges(data=True):
        assert {e["article"] for e in d["evidence"]} <= kept and d["evidence"]
    for _, d in G.nodes(data=True):
        assert set(d["articles"]) <= kept
    assert graph_data(G)["edges"] == graph_data(graph_of(keep))["edges"]


# -- the pipeline's use of the store, with a stub extractor (no NLP model needed) --------------

class StubExtractor:
    calls = []

    def __init__(self, model=None, ner=None):
        pass

    key = "stub@1+rules1"
    model_info = {"name": "stub", "version": "1"}

    def extract_many(self, articles, progress=None, n_process=1, dask=None):
        for article in articles:
            StubExtractor.calls.append(article.name)
            words = [w.strip(".,") for w in article.text.split() if w[:1].isupper()]
            entities = [{"name": w, "type": "ORG", "aliases": [w], "mentions": 1} for w in dict.fromkeys(words)]
            relations = [{"source": a, "target": b, "relation": "supports",
                          "evidence": {"article": article.name, "sentence": article.text, "start": i,
                                       "end": i + 1, "attribution": None, "status": "stated", "cue": "x"}}
                         for i, (a, b) in enumerate(zip(words, words[1:])) if a != b]
            yield article, {"article": article.name, "sha256": article.sha256, "entities": entities,
                            "relations": relations}


@pytest.fixture
def stub_pipeline(monkeypatch):
    StubExtractor.calls = []
    stub = types.SimpleNamespace(Extractor=StubExtractor)
    monkeypatch.setitem(sys.modules, "graphx.extract", stub)
    monkeypatch.setattr("graphx.extract", stub, raising=False)   # `from graphx import extract` reads this
    monkeypatch.setattr("graphx.render.render_html", lambda G, **kw: "<html></html>", raising=False)
    return StubExtractor


def test_incremental_build_processes_only_new_or_changed_articles(tmp_path, stub_pipeline):
    from graphx.pipeline import build

    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    (src / "a.txt").write_text("Alpha unterstützt Beta.", encoding="utf-8")
    (src / "b.txt").write_text("Gamma unterstützt Delta.", encoding="utf-8")
    first = build([src], out)
    assert first.processed == 2 and sorted(stub_pipeline.calls) == ["a.txt", "b.txt"]
    (src / "c.txt").write_text("Epsilon unterstützt Alpha.", encoding="utf-8")
    stub_pipeline.calls.clear()
    second = build([src], out)
    assert second.processed == 1 and stub_pipeline.calls == ["c.txt"]
    assert "Epsilon" in second.graph
    (src / "b.txt").unlink()
    (src / "a.txt").write_text("Alpha unterstützt Zeta.", encoding="utf-8")
    stub_pipeline.calls.clear()
    third = build([src], out)
    assert stub_pipeline.calls == ["a.txt"]
    assert "Gamma" not in third.graph and "Delta" not in third.graph and "Beta" not in third.graph
    assert third.graph.has_edge("Alpha", "Zeta", "supports")
    fourth = build([src], out)                        # nothing new: no snapshot
    assert third.snapshot_new and not fourth.snapshot_new and fourth.snapshot == third.snapshot
    assert fourth.summary()["snapshot"] == third.snapshot and not (out / "graphx.sqlite.lock").exists()
    with Store.open(out / "graphx.sqlite") as store:
        assert [s["articles"] for s in store.snapshots()] == [2, 3, 2]
        saved = json.loads((out / "graph.json").read_text(encoding="utf-8"))
        assert graph_data(store.snapshot_graph("latest")) == graph_data(nx.node_link_graph(
            saved, directed=True, multigraph=True, edges="edges"))


def test_a_build_that_changes_nothing_records_no_snapshot(tmp_path):
    with Store.open(tmp_path / "s.sqlite") as store:
        first, _ = commit(store, seed_results())
        again, _ = commit(store, seed_results())          # a new time stamp only
        assert again == first and len(store.snapshots()) == 1
        renamed = seed_results()
        renamed[2]["entities"][0]["aliases"].append("Nordatlantikpakt")   # same articles, another graph
        changed, _ = commit(store, renamed)
        other_key, _ = commit(store, renamed, key="other@2+rules1")
        assert [s["id"] for s in store.snapshots()] == [first, changed, other_key] and first < changed < other_key


def test_no_lock_file_is_left_behind(tmp_path):
    path = tmp_path / "s.sqlite"
    with Store.open(path) as store:
        with store.build_lock():
            assert (tmp_path / "s.sqlite.lock").exists()
        commit(store, seed_results())
    assert not (tmp_path / "s.sqlite.lock").exists()


def test_lock_stays_exclusive_when_the_holder_removes_the_file(tmp_path):
    """A waiter that wins the lock on the removed file takes it again on the new one."""
    import threading

    path = tmp_path / "s.sqlite"
    first, second, third = Store.open(path), Store.open(path), Store.open(path)
    holding, release = threading.Event(), threading.Event()

    def wait_then_hold():
        with second.build_lock(timeout=5):
            holding.set()
            release.wait(5)

    with first.build_lock():
        waiter = threading.Thread(target=wait_then_hold)
        waiter.start()
        waiter.join(0.2)                              # it waits for the first
    assert holding.wait(5)
    with pytest.raises(StoreBusyError), third.build_lock(timeout=0.3):
        pass
    release.set()
    waiter.join(5)
    with third.build_lock(timeout=1):
        pass
    for store in (first, second, third):
        store.close()
    assert not (tmp_path / "s.sqlite.lock").exists()


def test_a_build_streams_its_results_into_the_store_in_chunks_and_records_the_snapshot_last(tmp_path,
                                                                                           monkeypatch):
    """Issue 19: new results go in as they arrive, one transaction per chunk; articles and snapshot last."""
    from graphx import pipeline

    calls = []
    real_add, real_commit = Store.add_results, Store.commit_build
    monkeypatch.setattr(pipeline, "STORE_CHUNK", 2)
    monkeypatch.setattr(Store, "add_results", lambda self, rows, key: (calls.append(("add", len(rows))),
                                                                       real_add(self, rows, key))[1])
    monkeypatch.setattr(Store, "commit_build", lambda self, *args: (calls.append(("commit", self.snapshots())),
                                                                    real_commit(self, *args))[1])
    src = tmp_path / "in"
    src.mkdir()
    for i in range(5):
        (src / f"{i}.txt").write_text(f"Meldung {i}: Frankreich kritisiert Russland.\n", encoding="utf-8")
    model = tmp_path / "blank"
    import spacy
    nlp = spacy.blank("de")
    nlp.add_pipe("sentencizer")
    nlp.to_disk(model)
    result = pipeline.build([src], tmp_path / "out", model=str(model))
    assert calls == [("add", 2), ("add", 2), ("add", 1), ("commit", [])]
    assert result.processed == 5 and len(result.graph.graph["articles"]) == 5
    with Store.open(tmp_path / "out" / "graphx.sqlite") as store:
        assert store._query("SELECT COUNT(*) FROM results").fetchone()[0] == 5
        plan = " ".join(str(row) for row in store._query(
            "EXPLAIN QUERY PLAN SELECT sha256, result FROM results WHERE extractor_key = ? AND sha256 IN (?, ?)",
            ("k", "a", "b")))
        assert "USING INDEX" in plan or "USING PRIMARY KEY" in plan      # cache lookups never scan the table


def test_a_build_killed_after_some_chunks_leaves_the_snapshots_and_articles_and_resumes(tmp_path, monkeypatch):
    from graphx import pipeline

    src, model = tmp_path / "in", tmp_path / "blank"
    src.mkdir()
    for i in range(3):
        (src / f"{i}.txt").write_text(f"Meldung {i}: Frankreich kritisiert Russland.\n", encoding="utf-8")
    import spacy
    nlp = spacy.blank("de")
    nlp.add_pipe("sentencizer")
    nlp.to_disk(model)
    pipeline.build([src], tmp_path / "out", model=str(model))
    path = tmp_path / "out" / "graphx.sqlite"
    with Store.open(path) as store:
        before = store.snapshots(), store.articles()
    for i in range(3, 8):
        (src / f"{i}.txt").write_text(f"Meldung {i}: Polen unterstützt die Ukraine.\n", encoding="utf-8")
    monkeypatch.setattr(pipeline, "STORE_CHUNK", 2)
    real_commit = Store.commit_build

    def killed(self, *args):
        raise KeyboardInterrupt
    monkeypatch.setattr(Store, "commit_build", killed)
    with pytest.raises(KeyboardInterrupt):
        pipeline.build([src], tmp_path / "out", model=str(model))
    with Store.open(path) as store:
        assert (store.snapshots(), store.articles()) == before
        assert store._query("SELECT COUNT(*) FROM results").fetchone()[0] == 8
    monkeypatch.setattr(Store, "commit_build", real_commit)
    again = pipeline.build([src], tmp_path / "out", model=str(model))
    assert again.processed == 0 and len(again.articles) == 8


def test_a_build_reads_the_results_back_a_chunk_at_a_time_and_recomputes_a_damaged_one(tmp_path, stub_pipeline,
                                                                                      monkeypatch):
    """Issue 19: the graph is built from the store a chunk at a time (no list of all results in memory)."""
    from graphx import store as store_module
    from graphx.pipeline import build

    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    for name, text in (("a", "Alpha unterstützt Beta."), ("b", "Gamma unterstützt Delta."),
                       ("c", "Epsilon unterstützt Alpha."), ("d", "Beta unterstützt Gamma."),
                       ("e", "Zeta unterstützt Delta.")):
        (src / f"{name}.txt").write_text(text, encoding="utf-8")
    first = build([src], out)
    reads = []
    real = Store.cached_results
    monkeypatch.setattr(Store, "cached_results", lambda self, hashes, key: (reads.append(len(list(hashes))),
                                                                            real(self, hashes, key))[1])
    monkeypatch.setattr(store_module, "READ_CHUNK", 2)
    with Store.open(out / "graphx.sqlite") as store:
        store.conn.execute("UPDATE results SET result = '{' WHERE sha256 = ?", (article_sha(src / "a.txt"),))
    stub_pipeline.calls.clear()
    again = build([src], out)
    assert stub_pipeline.calls == ["a.txt"] and again.processed == 1     # the damaged entry, recomputed
    assert reads and max(reads) <= 2 and sum(reads) == 2 * 5               # two passes over five results
    first.graph.graph["built_at"] = again.graph.graph["built_at"]
    assert graph_data(again.graph) == graph_data(first.graph)
    with Store.open(out / "graphx.sqlite") as store:
        (text,) = store._query("SELECT result FROM results WHERE sha256 = ?", (article_sha(src / "a.txt"),)).fetchone()
    assert json.loads(text)["entities"]                                     # replaced, not ignored


def article_sha(path):
    from graphx.reader import read_article
    return read_article(path).sha256
