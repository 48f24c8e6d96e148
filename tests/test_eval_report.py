"""tools/eval_report.py: every cause of a miss, the extra edges, and the check half kept to figures.

The articles, gold relations and graphs below are invented for these tests."""
import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
spec = importlib.util.spec_from_file_location("eval_report", ROOT / "tools" / "eval_report.py")
eval_report = importlib.util.module_from_spec(spec)
spec.loader.exec_module(eval_report)

try:
    SCORER = eval_report.find_scorer()
except eval_report.ReportError:
    SCORER = None
needs_scorer = pytest.mark.skipif(SCORER is None, reason="../shared/eval/score.py is not beside the repo")

WORK_TEXT = (
    "Frankreich kritisierte  Spanien am Montag scharf. "
    "Italien und Spanien sprachen lange über das Wetter. "
    "Portugal wirft Spanien vor, Fischer festzuhalten. "
    "Griechenland wirft Spanien Wortbruch vor. "
    "Polen verhängte Sanktionen gegen Spanien. "
    "Bundeskanzler Otto Beispiel sprach in Wien. "
    "Otto Beispiel wohnt in Wien. "
    "Anna Muster arbeitet in Malta. "
    "Frankreich hilft Andorra.\n")
CHECK_TEXT = "Ungarn kritisierte Rumänien wegen des Schattenworts heftig.\n"
SECRET = "Schattenwort"


def entity(name, *mentions, kind="STATE"):
    return {"name": name, "type": kind, "mentions": [name, *mentions]}


def relation(source, label, target, evidence, required=True):
    return {"source": source, "relation": label, "target": target, "evidence": evidence, "required": required}


WORK_GOLD = {
    "article": "d001.txt",
    "entities": [entity(n) for n in ("Frankreich", "Spanien", "Italien", "Portugal", "Griechenland", "Polen",
                                     "Malta", "Andorra")]
    + [entity("Österreich", "Wien"), entity("Otto Beispiel", "Beispiel", kind="PERSON"),
       entity("Anna Muster", kind="PERSON")],
    "relations": [
        relation("Frankreich", "criticizes", "Spanien", "Frankreich kritisierte Spanien am Montag scharf."),
        relation("Italien", "supports", "Spanien", "Italien und Spanien sprachen lange über das Wetter."),
        relation("Portugal", "accuses", "Spanien", "Portugal wirft Spanien vor, Fischer festzuhalten."),
        relation("Griechenland", "criticizes", "Spanien", "Griechenland wirft Spanien Wortbruch vor."),
        relation("Polen", "sanctions", "Spanien", "Polen verhängte Sanktionen gegen Spanien."),
        relation("Otto Beispiel", "leader_of", "Österreich", "Bundeskanzler Otto Beispiel sprach in Wien."),
        relation("Otto Beispiel", "member_of", "Österreich", "Otto Beispiel wohnt in Wien."),
        relation("Anna Muster", "member_of", "Malta", "Anna Muster arbeitet in Malta."),
        relation("Frankreich", "supports", "Andorra", "Frankreich hilft Andorra."),
        relation("Italien", "attacks", "Portugal", "Dieser Satz steht in keinem Artikel."),
        relation("Italien", "meets", "Spanien", "Italien und Spanien sprachen lange über das Wetter.",
                 required=False),
    ]}
CHECK_GOLD = {
    "article": "d045.txt",
    "entities": [entity("Ungarn"), entity("Rumänien")],
    "relations": [relation("Ungarn", "criticizes", "Rumänien", CHECK_TEXT.strip())]}

EXPECTED = {
    ("Frankreich", "criticizes", "Spanien"): "cue_no_args",
    ("Italien", "supports", "Spanien"): "no_cue",
    ("Portugal", "accuses", "Spanien"): "label_direction",
    ("Griechenland", "criticizes", "Spanien"): "label_direction",
    ("Polen", "sanctions", "Spanien"): None,
    ("Otto Beispiel", "leader_of", "Österreich"): "cue_no_args",
    ("Otto Beispiel", "member_of", "Österreich"): "no_cue",
    ("Anna Muster", "member_of", "Malta"): "entity_source",
    ("Frankreich", "supports", "Andorra"): "entity_target",
    ("Italien", "attacks", "Portugal"): "unlocated",
}


def node(name, *articles, kind="STATE"):
    return {"id": name, "label": name, "type": kind, "aliases": [name], "articles": list(articles)}


def edge(source, label, target, article, sentence):
    return {"source": source, "target": target, "relation": label, "key": label,
            "evidence": [{"article": article, "sentence": sentence, "cue": "x"}]}


def hand_made_graph():
    nodes = [node(n, "d001.txt") for n in ("Frankreich", "Spanien", "Italien", "Portugal", "Griechenland",
                                           "Polen", "Malta", "Österreich")]
    nodes += [node("Otto Beispiel", "d001.txt", kind="PERSON"), node("Jemand", "d001.txt", kind="PERSON"),
              node("Ungarn", "d045.txt"), node("Rumänien", "d045.txt")]
    edges = [edge("Spanien", "accuses", "Portugal", "d001.txt", "Portugal wirft Spanien vor."),
             edge("Griechenland", "accuses", "Spanien", "d001.txt", "Griechenland wirft Spanien Wortbruch vor."),
             edge("Polen", "sanctions", "Spanien", "d001.txt", "Polen verhängte Sanktionen gegen Spanien."),
             edge("Polen", "attacks", "Italien", "d001.txt", "Polen verhängte Sanktionen gegen Spanien."),
             edge("Jemand", "criticizes", "Spanien", "d001.txt", "Frankreich kritisierte Spanien."),
             edge("Ungarn", "attacks", "Rumänien", "d045.txt", CHECK_TEXT.strip())]
    return {"directed": True, "multigraph": True, "graph": {}, "nodes": nodes, "edges": edges}


@pytest.fixture
def gold_set(tmp_path):
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "d001.txt").write_text(WORK_TEXT, encoding="utf-8")
    (articles / "d045.txt").write_text(CHECK_TEXT, encoding="utf-8")
    gold = tmp_path / "gold.jsonl"
    gold.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in (WORK_GOLD, CHECK_GOLD)),
                    encoding="utf-8")
    graph = tmp_path / "graph.json"
    graph.write_text(json.dumps(hand_made_graph(), ensure_ascii=False), encoding="utf-8")
    return articles, gold, graph


def report(capsys, *args):
    status = eval_report.main([str(a) for a in args])
    out, err = capsys.readouterr()
    return status, out, err


@pytest.mark.parametrize("name, half", [("d040.txt", "work"), ("d041.txt", "check"), ("d060.txt", "check"),
                                        ("e007.txt", "work"), ("e008.txt", "check"), ("e019.txt", "check"),
                                        ("e030.txt", "check"), ("e031.txt", "work"), ("d038.txt", "work"),
                                        ("seed.txt", "work")])
def test_halves(name, half):
    assert eval_report.half_of(name) == half


def test_locate_compares_spaces_quotes_and_dashes_loosely():
    text = "Er sagte:  „Nein“ – und ging.\nDann kam sie."
    start, end = eval_report.locate(text, 'Er sagte: "Nein" - und ging.')
    assert text[start:end] == "Er sagte:  „Nein“ – und ging."
    assert eval_report.locate(text, "Das steht nicht da.") is None


@needs_scorer
def test_each_cause_is_classified(capsys, gold_set):
    articles, gold, graph = gold_set
    status, out, _ = report(capsys, articles, gold, "--graph", graph, "--json", "--show")
    assert status == 0
    data = json.loads(out)
    causes = {(i["source"], i["label"], i["target"]): i["cause"] for i in data["items"]}
    assert causes == {triple: cause for triple, cause in EXPECTED.items() if cause}
    details = {(i["source"], i["label"], i["target"]): i["detail"] for i in data["items"]}
    assert details[("Portugal", "accuses", "Spanien")] == "graphx: reversed accuses"
    assert details[("Griechenland", "criticizes", "Spanien")] == "graphx: accuses"
    assert "kritisierte" in details[("Frankreich", "criticizes", "Spanien")]
    assert "Bundeskanzler" in details[("Otto Beispiel", "leader_of", "Österreich")]
    labels = data["labels"]
    sanctions = labels["sanctions"]
    assert (sanctions["gold"], sanctions["found"], sanctions["recall"]) == (1, 1, 1.0)
    assert labels["total"]["gold"] == 10 and labels["total"]["found"] == 1
    assert labels["roles"]["causes"]["no_cue"] == 1 and labels["events"]["causes"]["label_direction"] == 2
    extras = {(r["source"], r["label"], r["target"]): r["kind"] for r in data["extra_edges"]}
    assert extras == {("Polen", "attacks", "Italien"): "extra_relation",
                      ("Jemand", "criticizes", "Spanien"): "extra_entity",
                      ("Spanien", "accuses", "Portugal"): "extra_relation",
                      ("Griechenland", "accuses", "Spanien"): "extra_relation"}
    assert labels["accuses"]["extra"] == 2 and labels["total"]["edges"] == 5
    assert data["score"]["relation_recall_required"] == pytest.approx(0.1)


@needs_scorer
def test_optional_relations_only_with_all(capsys, gold_set):
    articles, gold, graph = gold_set
    _, out, _ = report(capsys, articles, gold, "--graph", graph, "--json", "--show", "--all")
    items = {(i["source"], i["label"], i["target"]): i for i in json.loads(out)["items"]}
    assert items[("Italien", "meets", "Spanien")]["required"] is False
    assert items[("Italien", "meets", "Spanien")]["cause"] == "no_cue"
    _, out, _ = report(capsys, articles, gold, "--graph", graph, "--json")
    assert json.loads(out)["labels"]["total"]["gold"] == 10 and "items" not in json.loads(out)


@needs_scorer
def test_table_lists_labels_and_the_items(capsys, gold_set):
    articles, gold, graph = gold_set
    status, out, _ = report(capsys, articles, gold, "--graph", graph, "--show")
    assert status == 0
    rows = {line.split()[0]: line.split() for line in out.splitlines() if line[:1].isalpha() and " " in line}
    assert rows["sanctions"][1:4] == ["1", "1", "1.000"]
    assert rows["total"][1:3] == ["10", "1"]
    assert "d001.txt  Italien -supports-> Spanien: no cue" in out
    assert "Italien und Spanien sprachen lange über das Wetter." in out


@needs_scorer
@pytest.mark.parametrize("extra", [[], ["--json"], ["--show"], ["--show", "--json"], ["--label", "criticizes"]])
@pytest.mark.parametrize("half", ["check", "all"])
def test_check_half_items_are_never_shown(capsys, gold_set, half, extra):
    articles, gold, graph = gold_set
    status, out, err = report(capsys, articles, gold, "--graph", graph, "--half", half, *extra)
    if half == "check" and "--show" in extra:
        assert status == 2 and out == "" and err.startswith("Error: --show is refused") and err.count("\n") == 1
        return
    assert status == 0
    assert SECRET not in out + err and "d045" not in out + err and "Ungarn" not in out + err
    if half == "check" and "--json" in extra:
        labels = json.loads(out)["labels"]
        assert labels["criticizes"]["gold"] == 1 and labels["criticizes"]["causes"]["label_direction"] == 1
        assert labels["attacks"]["extra"] == 1


@needs_scorer
def test_build_gives_the_graph_of_graphx_build(capsys, gold_set, tmp_path):
    from graphx.graph import load_graph, to_json_data
    from graphx.pipeline import build

    articles, gold, _ = gold_set
    build([articles], tmp_path / "out", use_store=False)
    expected = to_json_data(load_graph(tmp_path / "out" / "graph.json"))
    read = eval_report.read_articles(articles)
    nodes, edges, nlp = eval_report.build(read, {"d001.txt"})
    assert nodes == expected["nodes"] and edges == expected["edges"]
    assert nlp.docs and all("Frankreich" in doc.text for doc in nlp.docs.values())
    status, built, _ = report(capsys, articles, gold, "--json", "--all")
    _, scored, _ = report(capsys, articles, gold, "--json", "--all", "--graph", tmp_path / "out" / "graph.json")
    assert status == 0 and json.loads(built)["labels"] == json.loads(scored)["labels"]


def one_line_error(capsys, status, *args):
    code, out, err = report(capsys, *args)
    assert code == status and out == ""
    assert err.startswith("Error: ") and err.count("\n") == 1 and "Traceback" not in err


@needs_scorer
def test_bad_input(capsys, gold_set, tmp_path):
    articles, gold, graph = gold_set
    bad = tmp_path / "bad.jsonl"
    one_line_error(capsys, 3, tmp_path / "nowhere", gold, "--graph", graph)
    one_line_error(capsys, 3, articles, tmp_path / "nowhere.jsonl", "--graph", graph)
    bad.write_text('{"article": "d001.txt"\n', encoding="utf-8")
    one_line_error(capsys, 3, articles, bad, "--graph", graph)
    bad.write_text('{"article": "d001.txt", "entities": [], "relations": [{"source": "X"}]}\n', encoding="utf-8")
    one_line_error(capsys, 3, articles, bad, "--graph", graph)
    bad.write_text("\n", encoding="utf-8")
    one_line_error(capsys, 3, articles, bad, "--graph", graph)
    one_line_error(capsys, 3, articles, gold, "--graph", gold)
    (tmp_path / "foreign.json").write_text('{"nodes": 3}', encoding="utf-8")
    one_line_error(capsys, 3, articles, gold, "--graph", tmp_path / "foreign.json")
    one_line_error(capsys, 3, articles, gold, "--graph", graph, "--scorer", tmp_path / "none.py")
    (tmp_path / "other.py").write_text("x = 1\n", encoding="utf-8")
    one_line_error(capsys, 3, articles, gold, "--graph", graph, "--scorer", tmp_path / "other.py")
    (tmp_path / "broken.py").write_text("def (\n", encoding="utf-8")
    one_line_error(capsys, 3, articles, gold, "--graph", graph, "--scorer", tmp_path / "broken.py")
    one_line_error(capsys, 2, articles, gold, "--half", "middle")
    one_line_error(capsys, 2, articles)
    (tmp_path / "empty").mkdir()
    one_line_error(capsys, 3, tmp_path / "empty", gold, "--graph", graph)
    only_check = tmp_path / "check.jsonl"
    only_check.write_text(json.dumps(CHECK_GOLD) + "\n", encoding="utf-8")
    one_line_error(capsys, 3, articles, only_check, "--graph", graph)
