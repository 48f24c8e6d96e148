"""Exports: GraphML/GEXF read back, CSV parses back, Neo4j headers and a data-free Cypher script."""
import csv
import io
import json
import os
import stat
import xml.etree.ElementTree as ET

import networkx as nx
import pytest
from graphx_samples import ent, graph_of, rel, result, seed_results

from graphx.export import (
    cypher_string,
    export,
    neo4j_identifier,
    to_csv,
    to_gexf,
    to_graphml,
    to_neo4j,
)

NASTY = 'Mr "X" <b>&amp;</b>\'; DROP\n`} MATCH (n) DETACH DELETE n //\\'
SENTENCE = 'Er sagte: "Nein" </data> \\" ;\nzweite Zeile\x07'


@pytest.fixture
def G():
    nasty = result("009_x.txt", [ent(NASTY, "PERSON", "X; Y", 'A "quoted" alias'), ent("Russland", "STATE")],
                   [rel(NASTY, "Russland", "criticizes", "009_x.txt", SENTENCE, 0)])
    return graph_of(seed_results() + [nasty])


def parse_csv(text):
    return list(csv.DictReader(io.StringIO(text)))


@pytest.mark.parametrize("fmt, reader", [(to_graphml, nx.read_graphml), (to_gexf, nx.read_gexf)])
def test_graphml_and_gexf_read_back_with_every_node_and_edge(G, fmt, reader):
    text = next(iter(fmt(G).values()))
    ET.fromstring(text.encode("utf-8"))                        # well-formed XML
    H = reader(io.BytesIO(text.encode("utf-8")))
    nasty_id = NASTY                                          # no XML-invalid characters in the name
    assert set(H.nodes) == set(G.nodes)
    assert H.number_of_edges() == G.number_of_edges()
    assert H.nodes[nasty_id]["type"] == "PERSON"
    assert "A \"quoted\" alias" in H.nodes[nasty_id]["aliases"]
    edge = next(d for u, v, d in H.edges(data=True) if u == nasty_id)
    assert edge["relation"] == "criticizes" and int(edge["weight"]) == 1
    evidence = json.loads(edge["evidence"])
    assert evidence[0]["sentence"] == SENTENCE               # JSON escapes the control character: lossless
    assert edge["sentences"].endswith("Zeile\ufffd")           # plain text: XML 1.0 cannot carry \x07
    selenskyj = [d for u, v, d in H.edges(data=True) if u == "Wolodymyr Selenskyj"][0]
    assert int(selenskyj["weight"]) == 2 and "Selenskyj warf Nordkorea" in selenskyj["sentences"]


def test_csv_round_trips_names_and_evidence_exactly(G):
    files = to_csv(G)
    nodes = {row["id"]: row for row in parse_csv(files["nodes.csv"])}
    assert set(nodes) == set(G.nodes) and nodes[NASTY]["type"] == "PERSON"
    edges = parse_csv(files["edges.csv"])
    assert len(edges) == G.number_of_edges()
    nasty_edge = next(e for e in edges if e["source"] == NASTY)
    assert json.loads(nasty_edge["evidence"])[0]["sentence"] == SENTENCE
    evidence = parse_csv(files["evidence.csv"])
    assert len(evidence) == sum(len(d["evidence"]) for *_, d in G.edges(data=True))
    assert next(e for e in evidence if e["source"] == NASTY)["sentence"] == SENTENCE


def test_neo4j_csvs_use_import_header_syntax(G):
    files = to_neo4j(G)
    nodes_text, rels_text = files["neo4j_nodes.csv"], files["neo4j_relationships.csv"]
    assert nodes_text.splitlines()[0] == "id:ID,name,type,aliases:string[],articles:string[],mentions:int,:LABEL"
    assert rels_text.splitlines()[0].startswith(":START_ID,:END_ID,:TYPE,")
    nodes = parse_csv(nodes_text)
    rels = parse_csv(rels_text)
    ids = {n["id:ID"] for n in nodes}
    assert len(ids) == G.number_of_nodes()
    assert all(r[":START_ID"] in ids and r[":END_ID"] in ids for r in rels)       # every end exists
    assert {r[":TYPE"] for r in rels} <= {"ACCUSES", "SUPPLIES", "LEADER_OF", "MEETS", "CRITICIZES"}
    assert {n[":LABEL"] for n in nodes} == {"Entity;PERSON", "Entity;STATE", "Entity;ORG"}
    nasty = next(n for n in nodes if n["type"] == "PERSON" and "DROP" in n["id:ID"])
    assert nasty["aliases:string[]"].split(";") .count("X, Y") == 1               # delimiter escaped
    # LOAD CSV's legacy quoting reads \" as a quote: no such sequence may appear in the files
    assert '\\"' not in nodes_text and '\\"' not in rels_text
    evidence = json.loads(next(r for r in rels if r[":TYPE"] == "CRITICIZES" and "DROP" in r[":START_ID"])["evidence"])
    assert evidence[0]["sentence"] == SENTENCE


def test_cypher_script_contains_no_data(G):
    script = to_neo4j(G)["neo4j_load.cypher"]
    assert "DROP" not in script and "DETACH" not in script and "Selenskyj" not in script
    assert "LOAD CSV WITH HEADERS FROM 'file:///neo4j_nodes.csv'" in script
    assert "MERGE (a)-[r:`CRITICIZES`]->(b)" in script
    # every statement ends with ; and quotes are balanced (no literal broke the script)
    statements = [s for s in script.split(";\n") if s.strip() and not s.strip().startswith("//")]
    for statement in statements:
        body = "\n".join(line for line in statement.splitlines() if not line.startswith("//"))
        assert body.count("'") % 2 == 0 and body.count("`") % 2 == 0


def test_identifiers_and_literals_are_escaped():
    assert neo4j_identifier("signed_treaty_with") == "SIGNED_TREATY_WITH"
    assert neo4j_identifier("x`]->(m) DELETE m//") == "X_____M__DELETE_M__"
    assert neo4j_identifier("") == "_" and neo4j_identifier("1st") == "_1ST"
    assert cypher_string("it's \\ \n") == "'it\\'s \\\\ \\n'"


def test_export_writes_files_atomically(tmp_path, G):
    written = export(G, "csv", tmp_path / "out")
    assert sorted(p.name for p in written) == ["edges.csv", "evidence.csv", "nodes.csv"]
    assert not [p for p in (tmp_path / "out").iterdir() if p.name.endswith(".tmp")]
    assert {p.name for p in export(G, "neo4j", tmp_path / "out")} == {
        "neo4j_nodes.csv", "neo4j_relationships.csv", "neo4j_load.cypher"}


@pytest.mark.parametrize("umask, mode", [(0o022, 0o644), (0o002, 0o664), (0o077, 0o600)])
def test_written_files_follow_the_umask(tmp_path, G, umask, mode):
    """Exports, graph.json/graph.html (write_atomic) and diff.html get 0o666 less the umask, not 0o600."""
    from click.testing import CliRunner

    from graphx.cli import main
    from graphx.graph import save_graph

    previous = os.umask(umask)
    try:
        written = export(G, "graphml", tmp_path / "out") + export(G, "csv", tmp_path / "out")
        save_graph(G, tmp_path / "graph.json")
        result = CliRunner().invoke(main, ["diff", str(tmp_path / "graph.json"), str(tmp_path / "graph.json"),
                                           "--html", str(tmp_path / "diff.html")])
        assert result.exit_code == 0, result.output
        for path in written + [tmp_path / "graph.json", tmp_path / "diff.html"]:
            assert stat.S_IMODE(path.stat().st_mode) == mode, path
    finally:
        os.umask(previous)
