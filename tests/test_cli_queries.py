"""The query commands through click's CliRunner: output, formats, and one-line errors with exit codes."""
import csv
import io
import json
import sqlite3

import pytest
from click.testing import CliRunner
from graphx_samples import article_for, graph_of, new_article_result, seed_results

from graphx.cli import main
from graphx.errors import ExitStatus
from graphx.graph import save_graph
from graphx.store import Store

KEY = "k@1+rules1"


@pytest.fixture
def workspace(tmp_path, monkeypatch):
    """output/graph.json and output/graphx.sqlite with two snapshots (seed, seed + one article)."""
    monkeypatch.chdir(tmp_path)
    store = Store.open("output/graphx.sqlite")
    for results in (seed_results(), seed_results() + [new_article_result()]):
        G = graph_of(results)
        with store.build_lock():
            store.commit_build([article_for(r) for r in results], {r["article"]: r for r in results}, KEY, G)
    store.close()
    save_graph(G, "output/graph.json")
    save_graph(graph_of(seed_results()), "old.json")
    return tmp_path


def run(*args):
    result = CliRunner().invoke(main, [str(a) for a in args])
    return result


def assert_one_line_error(result, code, text):
    assert result.exit_code == code, result.output
    assert "Traceback" not in result.output and result.exception is None or isinstance(result.exception, SystemExit)
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: ") and text in lines[0], result.output


def test_snapshots_lists_every_build(workspace):
    r = run("snapshots", "--format", "json")
    assert r.exit_code == 0
    assert [(s["id"], s["articles"]) for s in json.loads(r.output)] == [(1, 3), (2, 4)]
    assert "extractor" in run("snapshots").output


@pytest.mark.parametrize("args", [[], ["@1", "latest"], ["1", "2"], ["old.json", "output/graph.json"],
                                  ["latest~1", "output/graph.json"]])
def test_diff_between_files_and_snapshots(workspace, args):
    r = run("diff", *args, "--format", "json")
    assert r.exit_code == 0, r.output
    d = json.loads(r.output)
    assert d["nodes_added"] == ["Iran"] and d["edges_added"] == [["Iran", "Russland", "supplies"]]
    assert d["edges_changed"][0]["new_weight"] == 3


def test_diff_table_and_html(workspace):
    r = run("diff", "--html", "out/diff.html")
    assert r.exit_code == 0, r.output
    assert "Entities added (1):" in r.output and "Iran -[supplies]-> Russland" in r.output
    html = (workspace / "out" / "diff.html").read_text(encoding="utf-8")
    assert '<html lang="de">' in html and "Iran" in html and "<title>graphx-Vergleich: " in html
    assert '"rank_moves":[' in html
    r = run("diff", "--html", "out/diff-en.html", "--lang", "en")
    english = (workspace / "out" / "diff-en.html").read_text(encoding="utf-8")
    assert r.exit_code == 0 and '<html lang="en">' in english and "<title>graphx diff: " in english
    assert "No changes." in run("diff", "latest", "latest").output


def test_diff_after_the_first_build_says_there_is_nothing_to_compare(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with Store.open("output/graphx.sqlite") as store, store.build_lock():
        store.commit_build([article_for(r) for r in seed_results()], {r["article"]: r for r in seed_results()},
                           KEY, graph_of(seed_results()))
    r = run("diff")
    assert r.exit_code == 0 and r.output.startswith("Nothing to compare yet: the store holds one build (snapshot 1)")
    assert json.loads(run("diff", "--format", "json").output)["old"] is None
    assert_one_line_error(run("diff", "latest~1"), 3, "cannot resolve 'latest~1'")


def test_centrality_formats(workspace):
    r = run("centrality", "--metric", "in-degree", "--top", "2", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(r.output)))
    assert r.exit_code == 0 and rows[0]["entity"] == "Russland" and rows[0]["in-degree"] == "4" and len(rows) == 2
    data = json.loads(run("centrality", "output/graph.json", "--type", "person", "--format", "json").output)
    assert {d["type"] for d in data} == {"PERSON"}
    table = run("centrality", "@1", "--relation", "accuses").output
    assert "Wolodymyr Selenskyj" in table and "Russland" not in table


def test_show_neighbors_path_communities(workspace):
    r = run("show", "SELENSKYJS")
    assert r.exit_code == 0 and "Wolodymyr Selenskyj (PERSON)" in r.output
    assert "Selenskyj beschuldigt Nordkorea." in r.output
    info = json.loads(run("show", "putin", "--format", "json").output)
    assert info["entity"] == "Wladimir Putin" and len(info["edges"]) == 2
    rows = json.loads(run("neighbors", "nordkorea", "--format", "json").output)
    assert {r["entity"] for r in rows} == {"Russland", "Wolodymyr Selenskyj"}
    assert "Russland" not in run("neighbors", "nordkorea", "--relation", "accuses").output
    p = json.loads(run("path", "iran", "kim", "--format", "json").output)
    assert p["nodes"] == ["Iran", "Russland", "Wladimir Putin", "Kim Jong Un"]
    assert "Iran liefert Russland Drohnen." in run("path", "iran", "kim").output
    no_path = run("path", "iran", "kim", "--directed")
    assert "No path" in no_path.output and no_path.exit_code == ExitStatus.NO_PATH == 7
    same = run("path", "Selenskyj", "selenskyjs", "--format", "json")
    assert same.exit_code == 0 and json.loads(same.output)["length"] == 0
    assert "0 hops" in run("path", "Putin", "Putin").output
    comm = json.loads(run("communities", "--format", "json").output)
    assert sum(c["size"] for c in comm) == 7
    assert run("communities", "--format", "csv").output.startswith("community,entity,type")


def test_communities_of_one_are_hidden_by_default(tmp_path):
    from graphx_samples import ent, result

    lonely = [result(f"01{i}_x.txt", [ent(name, "PERSON")], []) for i, name in enumerate(["Anna Alt", "Bert Bau"])]
    save_graph(graph_of(seed_results() + lonely), tmp_path / "g.json")
    rows = json.loads(run("communities", "--graph", tmp_path / "g.json", "--format", "json").output)
    assert rows and all(r["size"] >= 2 for r in rows) and [r["id"] for r in rows] == list(range(1, len(rows) + 1))
    every = json.loads(run("communities", "--graph", tmp_path / "g.json", "--min-size", "1", "--format", "json").output)
    assert sum(r["size"] for r in every) == 8 and ["Anna Alt"] in [r["members"] for r in every]
    assert rows == [r for r in every if r["size"] >= 2]
    hidden = len(every) - len(rows)
    table = run("communities", "--graph", tmp_path / "g.json").output
    assert "Anna Alt" not in table and f"({hidden} communities of fewer than 2 entities not shown" in table


def test_export_command(workspace):
    r = run("export", "output/graph.json", "--format", "gexf", "--out", "exp")
    assert r.exit_code == 0 and (workspace / "exp" / "graph.gexf").exists()
    assert run("export", "--format", "neo4j").exit_code == 0
    assert (workspace / "output" / "export" / "neo4j_load.cypher").exists()


QUERIES = [["centrality"], ["show", "Putin"], ["neighbors", "Putin"], ["path", "Putin", "Russland"],
           ["communities"], ["export", "--format", "csv", "--out", "exp"]]


@pytest.mark.parametrize("command", QUERIES)
def test_every_query_command_takes_the_graph_the_same_way(workspace, command):
    for ref in ["output/graph.json", "@1", "1", "latest", "latest~1"]:
        r = run(*command, "--graph", ref)
        assert r.exit_code == 0, (ref, r.output)
    (workspace / "output" / "graphx.sqlite").rename(workspace / "elsewhere.sqlite")
    assert run(*command, "--graph", "@2", "--store", "elsewhere.sqlite").exit_code == 0
    assert_one_line_error(run(*command, "--graph", "@2"), 3, "no such file")


@pytest.mark.parametrize("command", [["centrality"], ["export", "--format", "csv", "--out", "exp"]])
def test_the_older_positional_graph_still_works(workspace, command):
    assert run(*command, "output/graph.json").exit_code == 0
    assert run(*command, "@1").exit_code == 0
    assert run(*command, "output/graph.json", "--graph", "output/graph.json").exit_code == 0
    clash = run(*command, "old.json", "--graph", "output/graph.json")
    assert clash.exit_code == 2 and "two graphs given" in clash.output
    assert "GRAPH" not in run(command[0], "--help").output.splitlines()[0]


# -- errors: one line, non-zero exit, no traceback ----------------------------------------------

def test_unknown_entity_suggests(workspace):
    assert_one_line_error(run("show", "Selensky"), 3, "did you mean 'Wolodymyr Selenskyj'")
    assert_one_line_error(run("neighbors", "Xyzzy"), 3, "unknown entity 'Xyzzy'")
    assert_one_line_error(run("path", "Iran", "Nobody"), 3, "unknown entity 'Nobody'")


@pytest.mark.parametrize("content, message", [
    (None, "no such file"),
    ("{\"nodes\": [", "corrupt or truncated JSON"),
    ("[1, 2, 3]", "not a graphx graph"),
    ("{\"name\": \"package.json\"}", "not a graphx graph"),
    (b"\xff\xfe\x00garbage", "not UTF-8"),
])
@pytest.mark.parametrize("command", [["centrality", "G"], ["centrality", "--graph", "G"], ["show", "Putin", "--graph", "G"],
                                     ["neighbors", "Putin", "--graph", "G"], ["path", "A", "B", "--graph", "G"],
                                     ["communities", "--graph", "G"], ["export", "G", "--format", "csv"],
                                     ["export", "--graph", "G", "--format", "csv"],
                                     ["diff", "G", "G"]])
def test_bad_graph_files(tmp_path, monkeypatch, command, content, message):
    monkeypatch.chdir(tmp_path)
    if isinstance(content, bytes):
        (tmp_path / "bad.json").write_bytes(content)
    elif content is not None:
        (tmp_path / "bad.json").write_text(content, encoding="utf-8")
    args = ["bad.json" if a == "G" else a for a in command]
    assert_one_line_error(run(*args), 3, message)


def test_bad_stores(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert_one_line_error(run("snapshots"), 3, "no such file")
    assert_one_line_error(run("diff", "@1", "@2"), 3, "no such file")
    (tmp_path / "junk.sqlite").write_bytes(b"not a database" * 50)
    assert_one_line_error(run("snapshots", "--store", "junk.sqlite"), 3, "not an SQLite file")
    conn = sqlite3.connect(tmp_path / "foreign.sqlite")
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    assert_one_line_error(run("diff", "--store", "foreign.sqlite"), 3, "another application")
    Store.open(tmp_path / "empty.sqlite").close()
    assert_one_line_error(run("diff", "--store", "empty.sqlite"), 3, "no snapshots yet")


def test_bad_snapshot_refs_and_options(workspace):
    assert_one_line_error(run("diff", "@1", "@9"), 3, "no snapshot 9")
    assert_one_line_error(run("diff", "latest~5", "latest"), 3, "only 2 snapshots")
    assert_one_line_error(run("centrality", "--relation", "accuse"), 3, "did you mean 'accuses'")
    assert run("centrality", "--metric", "fame").exit_code == 2


def test_unwritable_export_target(workspace):
    (workspace / "blocker").write_text("x")
    assert_one_line_error(run("export", "--format", "csv", "--out", "blocker/sub"), 4, "cannot write")
