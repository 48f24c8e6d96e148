"""The export stage: graph -> GraphML, GEXF, CSV, or Neo4j import CSVs plus a Cypher loading script.

Each `to_*` function returns {file name: text}; `export(G, fmt, out_dir)` writes them atomically
(`graphx.graph.write_atomic`) and returns the paths written.

Lists (aliases, articles) become strings joined by "; " in GraphML/GEXF/CSV; evidence becomes a JSON
string (plus the sentences joined by " | "), because GraphML and GEXF attributes are scalars.
Text is never spliced into markup or code: XML is written by ElementTree (characters XML 1.0 forbids
are replaced by U+FFFD), CSV by the csv module (quotes doubled, fields with newlines quoted), and the
Cypher script holds no data at all: it reads the CSV files with LOAD CSV. The only identifiers it
inlines (node labels and relationship types) are reduced to [A-Z0-9_] and backtick-quoted.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import networkx as nx

from graphx.errors import InputError
from graphx.graph import write_atomic

FORMATS = ("graphml", "gexf", "csv", "neo4j")
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
NEO4J_ARRAY_DELIMITER = ";"


# ---------------------------------------------------------------------------------------------
# flattening


def xml_safe(value: str) -> str:
    """Replace characters XML 1.0 cannot carry (control characters, lone surrogates) with U+FFFD."""
    return _XML_INVALID.sub("\ufffd", value)


def join_list(values) -> str:
    return "; ".join(str(v) for v in values or ())


def evidence_json(evidence) -> str:
    return json.dumps(list(evidence or []), ensure_ascii=False, sort_keys=True)


def sentences(evidence) -> str:
    return " | ".join(" ".join(str(e.get("sentence", "")).split()) for e in evidence or []
                      if isinstance(e, dict))


def flat_graph(G, *, text=lambda s: s) -> nx.MultiDiGraph:
    """A copy of G whose attributes are all scalars (str/int/float); edge keys become e0, e1, ..."""
    H = nx.MultiDiGraph()
    graph = G.graph
    H.graph.update({
        "graphx_version": text(str(graph.get("graphx_version", ""))),
        "model": text(json.dumps(graph.get("model") or {}, ensure_ascii=False, sort_keys=True)),
        "built_at": text(str(graph.get("built_at", ""))),
        "articles": text(join_list(a.get("name", "") if isinstance(a, dict) else a
                                   for a in graph.get("articles") or [])),
    })
    ids = {n: text(str(n)) for n in G.nodes}
    if len(set(ids.values())) != len(ids):
        raise InputError("export: two entity names differ only in characters XML cannot carry")
    for n, d in G.nodes(data=True):
        H.add_node(ids[n], label=text(str(d.get("label", n))), type=text(str(d.get("type", ""))),
                   aliases=text(join_list(d.get("aliases"))), articles=text(join_list(d.get("articles"))),
                   mentions=int(d.get("mentions", 0) or 0))
    for i, (u, v, k, d) in enumerate(G.edges(keys=True, data=True)):
        evidence = d.get("evidence") or []
        relation = text(str(d.get("relation", k)))
        H.add_edge(ids[u], ids[v], key=f"e{i}", label=relation, relation=relation,
                   weight=int(d.get("weight", len(evidence)) or 0),
                   articles=text(join_list(sorted({e.get("article", "") for e in evidence
                                                   if isinstance(e, dict)}))),
                   evidence=text(evidence_json(evidence)), sentences=text(sentences(evidence)))
    return H


# ---------------------------------------------------------------------------------------------
# formats


def to_graphml(G) -> dict:
    from networkx.readwrite.graphml import GraphMLWriter

    H = flat_graph(G, text=xml_safe)
    writer = GraphMLWriter(encoding="utf-8", prettyprint=True)
    writer.add_graph_element(H)
    return {"graph.graphml": xml_text(writer)}


def to_gexf(G) -> dict:
    H = flat_graph(G, text=xml_safe)
    for _, _, d in H.edges(data=True):
        d["id"] = None
    for i, (_, _, d) in enumerate(H.edges(data=True)):
        d["id"] = f"e{i}"
    from networkx.readwrite.gexf import GEXFWriter

    writer = GEXFWriter(encoding="utf-8", prettyprint=True, version="1.2draft")
    writer.add_graph(H)
    return {"graph.gexf": xml_text(writer)}


def xml_text(writer) -> str:
    """The writer's document as it is: networkx's generate_* split it with str.splitlines(), which
    turned a \\r, \\u2028 or \\x85 inside a name or sentence into a line break. A raw \\r left in
    element text would be read back as \\n by any XML parser, so it becomes a character reference."""
    return str(writer).replace("\r", "&#13;").rstrip("\n") + "\n"


def _csv_text(header, rows) -> str:
    from graphx.formatting import csv_text
    return csv_text(header, rows)


def to_csv(G) -> dict:
    """nodes.csv, edges.csv and evidence.csv (one row per evidence sentence)."""
    nodes = [(n, d.get("label", n), d.get("type", ""), join_list(d.get("aliases")),
              join_list(d.get("articles")), d.get("mentions", 0), G.degree(n))
             for n, d in sorted(G.nodes(data=True), key=lambda item: item[0])]
    edges, evidence_rows = [], []
    for u, v, k, d in sorted(G.edges(keys=True, data=True), key=lambda e: e[:3]):
        evidence = d.get("evidence") or []
        edges.append((u, v, d.get("relation", k), d.get("weight", len(evidence)),
                      join_list(sorted({e.get("article", "") for e in evidence if isinstance(e, dict)})),
                      evidence_json(evidence)))
        for e in evidence:
            if isinstance(e, dict):
                evidence_rows.append((u, v, d.get("relation", k), e.get("article", ""), e.get("start", ""),
                                      e.get("end", ""), e.get("status", ""), e.get("attribution", ""),
                                      e.get("cue", ""), e.get("sentence", "")))
    return {
        "nodes.csv": _csv_text(("id", "label", "type", "aliases", "articles", "mentions", "degree"), nodes),
        "edges.csv": _csv_text(("source", "target", "relation", "weight", "articles", "evidence"), edges),
        "evidence.csv": _csv_text(("source", "target", "relation", "article", "start", "end", "status",
                                   "attribution", "cue", "sentence"), evidence_rows),
    }


def neo4j_identifier(label: str) -> str:
    """A relation label or entity type as a Neo4j label/type: [A-Z0-9_], never empty."""
    name = re.sub(r"[^0-9A-Za-z_]", "_", str(label)).upper()
    if not name or name[0].isdigit():
        name = "_" + name
    return name


def cypher_quote_identifier(name: str) -> str:
    """Backtick-quote an identifier (backticks doubled), for the few the script must inline."""
    return "`" + str(name).replace("`", "``") + "`"


def cypher_string(value: str) -> str:
    """A Cypher string literal (single quotes, backslashes and control characters escaped)."""
    out = str(value).replace("\\", "\\\\").replace("'", "\\'")
    out = out.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t")
    return "'" + re.sub(r"[\x00-\x1f]", lambda m: f"\\u{ord(m.group()):04x}", out) + "'"


def _neo4j_text(value) -> str:
    """A string field for both neo4j-admin and LOAD CSV.

    LOAD CSV (with Neo4j's default legacy quote escaping) reads a backslash before a double quote as an
    escaped quote, which would end the field in the wrong place; so such a backslash (or a trailing
    one, which the closing quote would follow) becomes U+FF3C (fullwidth reverse solidus).
    """
    return re.sub(r'\\(?="|$)', "\uff3c", str(value))


def _neo4j_json(value) -> str:
    """JSON with every quote and backslash inside strings written as \\u0022 / \\u005c escapes."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    return re.sub(r'\\(["\\])', lambda m: "\\u0022" if m.group(1) == '"' else "\\u005c", text)


def _neo4j_array(values) -> str:
    # the array delimiter cannot be escaped in neo4j-admin's format: inside an element it becomes ","
    return NEO4J_ARRAY_DELIMITER.join(_neo4j_text(str(v).replace(NEO4J_ARRAY_DELIMITER, ","))
                                      for v in values or ())


def to_neo4j(G) -> dict:
    """neo4j_nodes.csv + neo4j_relationships.csv (neo4j-admin header syntax) + neo4j_load.cypher."""
    nodes = []
    types = set()
    for n, d in sorted(G.nodes(data=True), key=lambda item: item[0]):
        label = neo4j_identifier(d.get("type") or "ENTITY")
        types.add((str(d.get("type") or ""), label))
        nodes.append((_neo4j_text(n), _neo4j_text(d.get("label", n)), _neo4j_text(d.get("type", "")),
                      _neo4j_array(d.get("aliases")), _neo4j_array(d.get("articles")),
                      int(d.get("mentions", 0) or 0), f"Entity{NEO4J_ARRAY_DELIMITER}{label}"))
    rels, rel_types = [], set()
    for u, v, k, d in sorted(G.edges(keys=True, data=True), key=lambda e: e[:3]):
        evidence = d.get("evidence") or []
        rel_type = neo4j_identifier(d.get("relation", k))
        rel_types.add(rel_type)
        rels.append((_neo4j_text(u), _neo4j_text(v), rel_type, _neo4j_text(d.get("relation", k)),
                     int(d.get("weight", len(evidence)) or 0),
                     _neo4j_array(sorted({e.get("article", "") for e in evidence if isinstance(e, dict)})),
                     _neo4j_json(evidence)))
    files = {
        "neo4j_nodes.csv": _csv_text(("id:ID", "name", "type", "aliases:string[]", "articles:string[]",
                                      "mentions:int", ":LABEL"), nodes),
        "neo4j_relationships.csv": _csv_text((":START_ID", ":END_ID", ":TYPE", "relation", "weight:int",
                                              "articles:string[]", "evidence"), rels),
    }
    files["neo4j_load.cypher"] = cypher_script(sorted({label for _, label in types}), sorted(rel_types))
    return files


def _split(column: str) -> str:
    field = f"row.{cypher_quote_identifier(column)}"
    return (f"CASE WHEN {field} IS NULL OR {field} = '' THEN [] "
            f"ELSE split({field}, {cypher_string(NEO4J_ARRAY_DELIMITER)}) END")


def cypher_script(labels, rel_types) -> str:
    """The LOAD CSV script: data comes only from the CSV files, never from the script text."""
    q = cypher_quote_identifier
    lines = [
        "// graphx export for Neo4j 5.",
        "// Either bulk-import into an empty database (stop it first):",
        "//   neo4j-admin database import full --nodes=neo4j_nodes.csv \\",
        "//     --relationships=neo4j_relationships.csv --array-delimiter=';' --multiline-fields=true neo4j",
        "// or copy both CSV files into Neo4j's import folder and run this script:",
        "//   cypher-shell -u neo4j -p PASSWORD -f neo4j_load.cypher",
        "// The `evidence` property is a JSON string (one object per evidence sentence).",
        "",
        "CREATE CONSTRAINT graphx_entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;",
        "",
        "LOAD CSV WITH HEADERS FROM 'file:///neo4j_nodes.csv' AS row",
        f"MERGE (n:Entity {{id: row.{q('id:ID')}}})",
        f"SET n.name = row.name, n.type = row.type, n.aliases = {_split('aliases:string[]')},",
        f"    n.articles = {_split('articles:string[]')}, n.mentions = toInteger(row.{q('mentions:int')});",
        "",
    ]
    for label in labels:
        lines += [
            "LOAD CSV WITH HEADERS FROM 'file:///neo4j_nodes.csv' AS row",
            f"WITH row WHERE row.{q(':LABEL')} = {cypher_string('Entity' + NEO4J_ARRAY_DELIMITER + label)}",
            f"MATCH (n:Entity {{id: row.{q('id:ID')}}}) SET n:{q(label)};",
            "",
        ]
    for rel_type in rel_types:
        lines += [
            "LOAD CSV WITH HEADERS FROM 'file:///neo4j_relationships.csv' AS row",
            f"WITH row WHERE row.{q(':TYPE')} = {cypher_string(rel_type)}",
            f"MATCH (a:Entity {{id: row.{q(':START_ID')}}}), (b:Entity {{id: row.{q(':END_ID')}}})",
            f"MERGE (a)-[r:{q(rel_type)}]->(b)",
            f"SET r.relation = row.relation, r.weight = toInteger(row.{q('weight:int')}),",
            f"    r.articles = {_split('articles:string[]')}, r.evidence = row.evidence;",
            "",
        ]
    return "\n".join(lines)


EXPORTERS = {"graphml": to_graphml, "gexf": to_gexf, "csv": to_csv, "neo4j": to_neo4j}


def export(G, fmt: str, out_dir) -> list[Path]:
    """Write the files of one format into `out_dir` atomically; returns their paths."""
    if fmt not in EXPORTERS:
        raise InputError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    files = EXPORTERS[fmt](G)
    out_dir = Path(out_dir)
    written = []
    for name, text in files.items():
        write_atomic(out_dir / name, text)
        written.append(out_dir / name)
    return written
