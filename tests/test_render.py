"""graphx.render: the self-contained graph page (static checks; the browser tests are in
test_render_browser.py). Graphs are built with graphx.graph.build_graph from hand-written results."""
from __future__ import annotations

import base64
import hashlib
import json
import random
import re
from html.parser import HTMLParser

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from graphx import render
from graphx.errors import InputError
from graphx.graph import build_graph

MODEL = {"name": "de_graphx_news", "version": "0.3.1"}
BUILT_AT = "2024-10-24T08:15:00+00:00"
PAYLOAD = ('<img src=x onerror="window.__pwned=1"> <script>window.__pwned=2</script> '
           '</script><script>window.__pwned=3</script> <!-- <a href="https://evil.example/">link</a> '
           '<strong>fett</strong> \u2028 & &amp;')


def rel(source, target, relation, article, sentence, start, *, attribution="", status="stated", cue=""):
    return {"source": source, "target": target, "relation": relation,
            "evidence": {"article": article, "sentence": sentence, "start": start,
                         "end": start + len(sentence), "attribution": attribution, "status": status,
                         "cue": cue}}


def ent(name, type_, *aliases, mentions=1):
    return {"name": name, "type": type_, "aliases": list(aliases), "mentions": mentions}


def news_results():
    """Three hand-written German news results (shapes as in docs/architecture.md)."""
    a0, a1, a2 = "000_7d1120e94d63f3e6.txt", "001_f0337515d6951f32.txt", "002_f503d1e831a6b8a5.txt"
    s_accuse = ("Der ukrainische Präsident Selenskyj wirft Nordkorea die Entsendung von Soldaten "
                "zur Unterstützung der russischen Armee vor.")
    s_usa = "Die USA werfen Nordkorea vor, Russland im Krieg gegen die Ukraine mit Raketen und Munition auszustatten."
    return [
        {"article": a0, "sha256": "a" * 64,
         "entities": [ent("Wolodymyr Selenskyj", "PERSON", "Selenskyj", mentions=5),
                      ent("Nordkorea", "STATE", "Nordkoreas", mentions=9),
                      ent("Russland", "STATE", "Russlands", mentions=7),
                      ent("Wladimir Putin", "PERSON", "Putin", "Putins", mentions=3),
                      ent("Kim Jong-un", "PERSON", mentions=1),
                      ent("USA", "STATE", mentions=3), ent("Ukraine", "STATE", mentions=4),
                      ent("EU", "ORG", "EU-Länder", mentions=1), ent("Nato", "ORG", mentions=1),
                      ent("Brüssel", "LOCATION", mentions=2),
                      ent("UN-Sicherheitsrat", "ORG", mentions=1)],
         "relations": [
             rel("Wolodymyr Selenskyj", "Nordkorea", "accuses", a0, s_accuse, 410,
                 attribution="Wolodymyr Selenskyj", cue="vorwerfen"),
             rel("USA", "Nordkorea", "accuses", a0, s_usa, 2210, attribution="USA", cue="vorwerfen"),
             rel("Nordkorea", "Russland", "supplies", a0, s_usa, 2210, attribution="USA",
                 status="alleged", cue="ausstatten"),
             rel("Wladimir Putin", "Kim Jong-un", "meets", a0,
                 "Im Juni 2024 haben die beiden Staatschefs bei Putins Besuch in Nordkorea ein Abkommen vereinbart.",
                 1650, cue="Besuch"),
             rel("Russland", "Nordkorea", "signed_treaty_with", a0,
                 "Die Vereinbarung ist Teil eines Vertrages über allumfassende strategische Zusammenarbeit.",
                 1760, cue="Vertrag"),
             rel("UN-Sicherheitsrat", "Nordkorea", "sanctions", a0,
                 "Nordkorea unterliegt Strafmaßnahmen des UN-Sicherheitsrats.", 3000, cue="Strafmaßnahmen"),
             rel("Wladimir Putin", "Russland", "leader_of", a0, "Putin betonte außerdem, dass der Vertrag "
                 "zur Verbesserung der Sicherheitslage führen soll.", 2900),
             rel("Russland", "Ukraine", "attacks", a0, "Schon seit Längerem wird Russland vorgeworfen, "
                 "nordkoreanische Waffen gegen die Ukraine einzusetzen.", 700, status="alleged"),
         ]},
        {"article": a1, "sha256": "b" * 64,
         "entities": [ent("Nordkorea", "STATE", mentions=6), ent("Russland", "STATE", mentions=5),
                      ent("Kim Jong-un", "PERSON", "Kim", mentions=2), ent("Ukraine", "STATE"),
                      ent("Myrne", "LOCATION")],
         "relations": [
             rel("Nordkorea", "Russland", "supplies", a1, "Laut Kleine Zeitung hat Nordkorea über 10.000 "
                 "Soldaten und Waffen nach Russland verlegt.", 380, attribution="Kleine Zeitung",
                 status="alleged", cue="verlegen"),
             rel("Nordkorea", "Russland", "supports", a1, "Nordkorea verstärkt militärische Unterstützung "
                 "für Russland im Ukraine-Konflikt.", 0, cue="Unterstützung"),
             rel("Kim Jong-un", "Nordkorea", "leader_of", a1, "Machthaber Kim Jong-un empfing den Gast.", 900),
         ]},
        {"article": a2, "sha256": "c" * 64,
         "entities": [ent("EU", "ORG", mentions=3), ent("Russland", "STATE", mentions=2),
                      ent("Wolodymyr Selenskyj", "PERSON", mentions=2), ent("Nato", "ORG", mentions=2),
                      ent("Ukraine", "STATE", mentions=1)],
         "relations": [
             rel("EU", "Russland", "sanctions", a2, "Die EU verhängt ein weiteres Sanktionspaket gegen Russland.",
                 50, cue="verhängen"),
             rel("Wolodymyr Selenskyj", "Nato", "meets", a2, "Selenskyj trifft die Nato-Verteidigungsminister "
                 "in Brüssel.", 400, cue="treffen"),
             rel("Wolodymyr Selenskyj", "Ukraine", "leader_of", a2, "Der ukrainische Präsident Selenskyj "
                 "wirbt für Unterstützung.", 300),
             rel("Russland", "Wolodymyr Selenskyj", "criticizes", a2, "Moskau kritisiert Selenskyj scharf.",
                 800, attribution="Kreml", status="alleged", cue="kritisieren"),
         ]},
    ]


def hostile_results():
    """An article whose text carries markup and script payloads into names and evidence."""
    article = 'evil<img src=x onerror="window.__pwned=4">.txt'
    return [{"article": article, "sha256": "d" * 64,
             "entities": [ent("<b>Fett</b> GmbH", "ORG", "<script>window.__pwned=5</script>"),
                          ent("Nordkorea", "STATE")],
             "relations": [rel("<b>Fett</b> GmbH", "Nordkorea", "accuses", article, PAYLOAD, 10,
                               attribution='<a href="https://evil.example/">Quelle</a>', cue="<i>vorwerfen</i>")]}]


def sample_graph():
    return build_graph(news_results(), model=MODEL, built_at=BUILT_AT)


def hostile_graph():
    return build_graph(news_results() + hostile_results(), model=MODEL, built_at=BUILT_AT)


def random_graph(n_nodes, n_edges, seed=1):
    """A reproducible random graph with every type and relation (for size limits)."""
    rng = random.Random(seed)
    names = [f"Entität {i:03d}" for i in range(n_nodes)]
    types = ["PERSON", "STATE", "ORG", "LOCATION"]
    relations = ["accuses", "supplies", "supports", "meets", "criticizes", "sanctions", "leader_of"]
    results = []
    for a in range(max(1, n_edges // 4)):
        article = f"{a:03d}_random.txt"
        rels = []
        for j in range(4):
            s, t = rng.sample(names, 2)
            sentence = f"{s} und {t}: Satz {a}-{j} mit etwas Text, wie er in Nachrichten steht."
            rels.append(rel(s, t, rng.choice(relations), article, sentence, 100 * j,
                            status=rng.choice(["stated", "alleged"])))
        results.append({"article": article, "sha256": "",
                        "entities": [ent(n, types[int(n[-3:]) % 4]) for n in names] if a == 0 else [],
                        "relations": rels})
    return build_graph(results, model=MODEL, built_at=BUILT_AT)


class Page(HTMLParser):
    """Collects tags, attributes, script bodies and text of a rendered page."""

    def __init__(self, text):
        super().__init__(convert_charrefs=True)
        self.tags, self.attrs, self.scripts, self._script, self.text = [], [], [], None, []
        self.ids = {}
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs.append((tag, dict(attrs)))
        if dict(attrs).get("id"):
            self.ids[dict(attrs)["id"]] = tag
        if tag == "script":
            self._script = (dict(attrs), [])

    def handle_endtag(self, tag):
        if tag == "script" and self._script is not None:
            self.scripts.append((self._script[0], "".join(self._script[1])))
            self._script = None

    def handle_data(self, data):
        if self._script is not None:
            self._script[1].append(data)
        else:
            self.text.append(data)

    def data(self):
        [body] = [body for attrs, body in self.scripts if attrs.get("id") == "graphx-data"]
        return json.loads(body)


@pytest.fixture(scope="module")
def sample_page():
    G = sample_graph()
    return G, render.render_html(G)


def test_page_is_self_contained_and_offline(sample_page):
    _, text = sample_page
    assert text.startswith("<!DOCTYPE html>")
    assert not re.search(r"(?i)https?:/{2}", text), "the page must not contain any http(s) URL"
    page = Page(text)
    assert not [a for _, attrs in page.attrs for a in attrs if a in {"src", "href", "srcset", "action", "data"}]
    css = "".join(re.findall(r"(?s)<style>(.*?)</style>", text))
    assert css and not re.search(r"(?i)@import|url\(", css)
    assert not {"link", "img", "iframe", "object", "embed", "base"} & set(page.tags)
    assert [attrs for attrs, _ in page.scripts] == [{"type": "application/json", "id": "graphx-data"}, {}, {}]
    assert "vis.Network" in page.scripts[2][1] and len(page.scripts[1][1]) > 100_000  # vis-network inlined


def test_content_security_policy_allows_only_the_pages_own_scripts(sample_page):
    _, text = sample_page
    page = Page(text)
    [csp] = [a["content"] for tag, a in page.attrs if tag == "meta" and a.get("http-equiv") == "Content-Security-Policy"]
    assert "default-src 'none'" in csp and "connect-src 'none'" in csp and "unsafe-eval" not in csp
    hashes = re.findall(r"'sha256-([A-Za-z0-9+/=]+)'", csp)
    executable = [body for attrs, body in page.scripts if "type" not in attrs]
    assert sorted(hashes) == sorted(base64.b64encode(hashlib.sha256(b.encode()).digest()).decode() for b in executable)
    assert "'unsafe-inline'" not in csp.split("script-src")[1].split(";")[0]


def test_embedded_data_matches_the_graph(sample_page):
    G, text = sample_page
    data = Page(text).data()
    assert [n["id"] for n in data["nodes"]] == render.most_central(G, render.centrality(G)[0], None)
    assert {n["id"] for n in data["nodes"]} == set(G.nodes)
    assert all(n["label"] == G.nodes[n["id"]]["label"] for n in data["nodes"])
    assert len(data["edges"]) == G.number_of_edges() == data["meta"]["total_edges"]
    by_triple = {(e["from"], e["to"], i["relation"]): (e, i) for e, i in zip(data["edges"], data["edge_info"])}
    assert len(by_triple) == G.number_of_edges()
    for u, v, key, attrs in G.edges(keys=True, data=True):
        edge, info = by_triple[(u, v, key)]
        assert [e["sentence"] for e in info["evidence"]] == [e["sentence"] for e in attrs["evidence"]]
        assert [e["attribution"] for e in info["evidence"]] == [e["attribution"] for e in attrs["evidence"]]
        assert info["weight"] == attrs["weight"] and edge["width"] == render.edge_width(attrs["weight"])
    info = dict(zip((n["id"] for n in data["nodes"]), data["node_info"]))
    assert info["Wladimir Putin"]["aliases"] == ["Putin", "Putins", "Wladimir Putin"]
    assert info["Nordkorea"]["mentions"] == 15 and len(info["Nordkorea"]["articles"]) == 2


def test_heading_says_what_was_built_from_what_and_when(sample_page):
    _, text = sample_page
    page = Page(text)
    provenance = text.split('<p id="graphx-provenance">')[1].split("</p>")[0]
    assert "3 articles" in provenance and "de_graphx_news 0.3.1" in provenance and BUILT_AT in provenance
    assert {"graphx-title", "graphx-counts", "graphx-search", "graphx-type-filters",
            "graphx-relation-filters", "graphx-details", "graphx-network"} <= set(page.ids)


def test_nodes_and_edges_are_styled_from_the_legend_data(sample_page):
    G, text = sample_page
    data = Page(text).data()
    style = render.style()
    for node in data["nodes"]:
        expected = style["entity_types"][G.nodes[node["id"]]["type"]]
        assert node["shape"] == expected["shape"] and node["color"]["background"] == expected["color"]
    for edge, info in zip(data["edges"], data["edge_info"]):
        assert edge["color"]["color"] == style["relations"][info["relation"]]["color"]
        assert edge["label"] == style["relations"][info["relation"]]["label"]
        symmetric = info["relation"] in {"meets", "signed_treaty_with"}
        assert edge["arrows"] == ("to, from" if symmetric else "to")
        assert edge["dashes"] == all(e["status"] == "alleged" for e in info["evidence"])
    # supplies, supports and the treaty (symmetric, stored Nordkorea -> Russland) share a pair: curved apart
    pair = [e for e in data["edges"] if {e["from"], e["to"]} == {"Nordkorea", "Russland"}]
    assert len(pair) == 3 and all(e["smooth"]["enabled"] for e in pair)
    assert len({e["smooth"]["roundness"] for e in pair}) == 3
    assert render.edge_width(1) < render.edge_width(2) < render.edge_width(8) <= render.edge_width(10**6) <= 9
    single = next(e for e in data["edges"] if (e["from"], e["to"]) == ("EU", "Russland"))
    assert single["smooth"] == {"enabled": False}
    assert set(data["style"]["relations"]) == {k for _, _, k in G.edges(keys=True)}


def test_unknown_type_and_relation_fall_back_to_grey():
    G = sample_graph()
    G.add_node("Irgendwas", label="Irgendwas", type="EVENT", aliases=["Irgendwas"], articles=[], mentions=1)
    G.add_edge("Irgendwas", "Nordkorea", key="threatens", relation="threatens", weight=1, evidence=[])
    data = Page(render.render_html(G)).data()
    node = next(n for n in data["nodes"] if n["id"] == "Irgendwas")
    assert node["color"]["background"] == render.style()["other_type"]["color"]
    assert "OTHER" in data["style"]["entity_types"]
    assert data["style"]["relations"]["threatens"]["color"] == render.style()["other_relation"]["color"]


@pytest.mark.parametrize("size_by", render.SIZE_METRICS)
def test_every_size_by_sizes_nodes_by_that_centrality(size_by):
    G = sample_graph()
    data = Page(render.render_html(G, size_by=size_by)).data()
    assert data["meta"]["size_by"] == size_by and data["meta"]["metric_used"] == size_by
    sizes = {n["id"]: n["size"] for n in data["nodes"]}
    scores = render.centrality(G, size_by)[0]
    assert all(render.MIN_NODE_SIZE <= s <= render.MAX_NODE_SIZE for s in sizes.values())
    top = max(scores, key=scores.get)
    assert sizes[top] == max(sizes.values())
    for a in sizes:   # sizes are monotone in the scores
        for b in sizes:
            if scores[a] > scores[b] + 1e-9:
                assert sizes[a] >= sizes[b]


def test_centrality_uses_a_simple_digraph_projection():
    G = sample_graph()
    D = render.simple_digraph(G)
    assert type(D) is nx.DiGraph and set(D) == set(G)
    assert D["Nordkorea"]["Russland"]["weight"] == 3 + 1   # supplies (2) + supports (1) + treaty (1, symmetric)
    assert D.has_edge("Kim Jong-un", "Wladimir Putin") and D.has_edge("Wladimir Putin", "Kim Jong-un")
    assert render.centrality(G, "in-degree")[0] == pytest.approx(nx.in_degree_centrality(D))


def test_bad_size_by_and_max_nodes_raise_input_error():
    G = sample_graph()
    with pytest.raises(InputError, match="size_by"):
        render.render_html(G, size_by="popularity")
    for bad in (0, -3, 2.5, True, "10"):
        with pytest.raises(InputError, match="max_nodes"):
            render.render_html(G, max_nodes=bad)
    with pytest.raises(InputError, match="diff"):
        render.render_html(G, diff=[["a", "b", "meets"]])
    with pytest.raises(InputError, match="edge"):
        render.render_html(G, diff={"edges_added": [["a", "b"]]})


def test_non_converging_centrality_falls_back_to_degree_and_says_so(monkeypatch):
    def no_convergence(*args, **kwargs):
        raise nx.PowerIterationFailedConvergence(1000)

    monkeypatch.setattr(nx, "eigenvector_centrality", no_convergence)
    monkeypatch.setattr(nx, "pagerank", no_convergence)
    G = sample_graph()
    for metric in ("eigenvector", "pagerank"):
        text = render.render_html(G, size_by=metric)
        data = Page(text).data()
        assert data["meta"]["metric_used"] == "degree"
        assert 'id="graphx-note-metric"' in text and f"{metric} centrality did not converge" in text
        assert len(data["nodes"]) == G.number_of_nodes()


def test_max_nodes_keeps_the_most_central_and_says_so():
    G = random_graph(40, 80)
    scores = render.centrality(G, "degree")[0]
    text = render.render_html(G, size_by="degree", max_nodes=7)
    data = Page(text).data()
    kept = {n["id"] for n in data["nodes"]}
    assert kept == set(sorted(G, key=lambda n: (-scores[n], n))[:7])
    assert all(e["from"] in kept and e["to"] in kept for e in data["edges"])
    assert len(data["edges"]) == G.subgraph(kept).number_of_edges()
    assert f"Showing only the 7 most central of {G.number_of_nodes()} entities (by degree" in text
    assert data["meta"]["shown_nodes"] == 7 and data["meta"]["total_nodes"] == G.number_of_nodes()
    # a limit above the graph size changes nothing and says nothing
    assert "graphx-note-max-nodes" not in render.render_html(G, max_nodes=1000)


def test_article_markup_is_data_never_markup():
    G = hostile_graph()
    text = render.render_html(G, title='<script>window.__pwned=6</script> & "Titel"')
    page = Page(text)
    # the only elements are the page's own: no <img>, <a>, <strong>, <b>, <i>, extra <script>
    assert not {"img", "a", "strong", "b", "i"} & set(page.tags)
    assert page.tags.count("script") == 3
    assert "__pwned" not in "".join(body for attrs, body in page.scripts if "type" not in attrs)
    assert "<title>&lt;script&gt;window.__pwned=6&lt;&#x2F;script&gt; &amp; &quot;Titel&quot;</title>" in text
    assert not re.search(r"(?i)https?:/{2}", text)
    data = page.data()   # the JSON survived </script> and <!-- inside strings and round-trips exactly
    [info] = [i for e, i in zip(data["edges"], data["edge_info"]) if e["from"] == "<b>Fett</b> GmbH"]
    assert info["evidence"][0]["sentence"] == PAYLOAD
    assert info["evidence"][0]["attribution"] == '<a href="https://evil.example/">Quelle</a>'
    raw = next(body for attrs, body in page.scripts if attrs.get("id") == "graphx-data")
    assert not re.search(r"[<>&\u2028\u2029]", raw)


@settings(max_examples=200, deadline=None)
@given(st.recursive(st.text() | st.integers() | st.booleans() | st.none(),
                    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(), children, max_size=4),
                    max_leaves=12))
def test_script_json_is_inert_in_a_script_element_and_round_trips(value):
    text = render.script_json(value)
    assert not re.search(r"(?i)</script|<!--|[<>&\u2028\u2029]|(?<!\\)/", text)
    assert json.loads(text) == value


def test_diff_view_highlights_new_and_lists_removed():
    G = sample_graph()
    diff = {"nodes_added": ["Myrne", "Gibt es nicht mehr im Bild"],
            "nodes_removed": ["Olaf Scholz", "<i>Alt</i>"],
            "edges_added": [["Nordkorea", "Russland", "supports"],
                            ["Kim Jong-un", "Wladimir Putin", "meets"]],   # symmetric, given reversed
            "edges_removed": [["Olaf Scholz", "Russland", "criticizes"]],
            "edges_changed": [{"source": "Nordkorea", "target": "Russland", "relation": "supplies",
                               "old_weight": 1, "new_weight": 2}]}
    text = render.render_html(G, diff=diff)
    page = Page(text)
    data = page.data()
    nodes = {n["id"]: (n, i) for n, i in zip(data["nodes"], data["node_info"])}
    assert nodes["Myrne"][1]["diff"] == "added" and nodes["Myrne"][0]["shadow"]["enabled"]
    assert nodes["Myrne"][0]["color"]["border"] == render.style()["diff"]["added"]
    assert all(i["diff"] is None for name, (n, i) in nodes.items() if name != "Myrne")
    edges = {(e["from"], e["to"], i["relation"]): (e, i) for e, i in zip(data["edges"], data["edge_info"])}
    for triple in [("Nordkorea", "Russland", "supports"), ("Kim Jong-un", "Wladimir Putin", "meets")]:
        edge, info = edges[triple]
        assert info["diff"] == "added" and edge["shadow"]["color"] == render.style()["diff"]["added"]
    edge, info = edges[("Nordkorea", "Russland", "supplies")]
    assert (info["diff"], info["old_weight"], info["new_weight"]) == ("changed", 1, 2)
    assert sum(1 for _, i in edges.values() if i["diff"]) == 3
    assert [n["name"] for n in data["diff"]["nodes_removed"]] == ["Olaf Scholz", "<i>Alt</i>"]
    assert data["diff"]["edges_removed"][0]["id"] is None
    assert data["diff"]["nodes_added"][1] == {"name": "Gibt es nicht mehr im Bild", "shown": False}
    assert "graphx-note-diff" in page.ids and "i" not in page.tags
    # no diff: nothing highlighted
    plain = Page(render.render_html(G)).data()
    assert plain["diff"] is None and not any("shadow" in e for e in plain["edges"])


def test_empty_graph_renders_a_page():
    G = build_graph([], model=MODEL, built_at=BUILT_AT)
    text = render.render_html(G, size_by="eigenvector", max_nodes=5)
    data = Page(text).data()
    assert data["nodes"] == [] and data["edges"] == [] and "Built from 0 articles" in text


def test_page_for_sixty_nodes_is_small():
    G = random_graph(60, 80)
    assert G.number_of_nodes() == 60
    size = len(render.render_html(G).encode("utf-8"))
    assert size <= 1_500_000, f"{size} bytes"
