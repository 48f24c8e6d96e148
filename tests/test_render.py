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


def arrows_by_triple(data):
    """(source, target, relation) -> (vis edge, relation item) over the page's arrows."""
    return {(e["from"], e["to"], r["relation"]): (e, r)
            for e, i in zip(data["edges"], data["edge_info"]) for r in i["relations"]}


def test_embedded_data_matches_the_graph(sample_page):
    G, text = sample_page
    data = Page(text).data()
    ranked = render.most_central(G, render.centrality(G)[0], None)
    isolated = [n for n in G if G.degree(n) == 0]
    assert isolated and [n["id"] for n in data["nodes"]] == [n for n in ranked if n not in isolated] + sorted(
        isolated, key=lambda n: (-G.nodes[n]["mentions"], n))
    assert {n["id"] for n in data["nodes"]} == set(G.nodes)
    assert all(n["label"] == G.nodes[n["id"]]["label"] for n in data["nodes"])
    # one arrow per ordered pair of entities, carrying every relation of that pair
    pairs = {(u, v) for u, v in G.edges()}
    assert len(data["edges"]) == len(pairs) < G.number_of_edges() == data["meta"]["total_edges"]
    assert len({(e["from"], e["to"]) for e in data["edges"]}) == len(pairs)
    by_triple = arrows_by_triple(data)
    assert len(by_triple) == G.number_of_edges()
    for u, v, key, attrs in G.edges(keys=True, data=True):
        edge, info = by_triple[(u, v, key)]
        assert [e["sentence"] for e in info["evidence"]] == [e["sentence"] for e in attrs["evidence"]]
        assert [e["attribution"] for e in info["evidence"]] == [e["attribution"] for e in attrs["evidence"]]
        assert info["weight"] == attrs["weight"]
    for edge, info in zip(data["edges"], data["edge_info"]):
        assert edge["width"] == render.edge_width(sum(r["weight"] for r in info["relations"]))
    info = dict(zip((n["id"] for n in data["nodes"]), data["node_info"]))
    assert info["Wladimir Putin"]["aliases"] == ["Putin", "Putins", "Wladimir Putin"]
    assert info["Nordkorea"]["mentions"] == 15 and len(info["Nordkorea"]["articles"]) == 2


def test_entities_without_relations_are_listed_not_drawn(sample_page):
    G, text = sample_page
    data = Page(text).data()
    for node, info in zip(data["nodes"], data["node_info"]):
        alone = G.degree(node["id"]) == 0
        assert info["isolated"] == alone and node.get("hidden", False) == alone
        if alone:
            assert node["physics"] is False
    assert data["meta"]["isolated_nodes"] == 2 and data["meta"]["shown_nodes"] == G.number_of_nodes() - 2
    assert {"graphx-isolated", "graphx-isolated-list"} <= set(Page(text).ids)


def test_page_is_german_by_default_and_english_on_request(sample_page):
    G, text = sample_page
    assert '<html lang="de">' in text and "Ohne Beziehung" in text and "Entität suchen" in text
    data = Page(text).data()
    assert data["meta"]["locale"] == "de-DE" and data["strings"]["entity_many"] == "{n} Entitäten"
    assert data["style"]["relations"]["accuses"]["label"] == "beschuldigt"
    assert data["style"]["entity_types"]["STATE"]["label"] == "Staat"
    english = render.render_html(G, lang="en")
    assert '<html lang="en">' in english and "Without relations" in english and "Ohne Beziehung" not in english
    assert "Built from 3 articles" in english
    assert Page(english).data()["style"]["relations"]["accuses"]["label"] == "accuses"
    with pytest.raises(InputError, match="language"):
        render.render_html(G, lang="fr")


def test_every_language_has_every_string():
    table = json.loads((render.ASSETS / "strings.json").read_text(encoding="utf-8"))
    languages = [k for k in table if not k.startswith("_")]
    assert set(languages) == set(render.LANGUAGES)
    for part in ("html", "py", "js", "types", "relations"):
        keys = [set(table[lang][part]) for lang in languages]
        assert all(k == keys[0] for k in keys), part
    assert set(table["de"]["relations"]) == set(render.style()["relations"])
    template = (render.ASSETS / "page.html").read_text(encoding="utf-8")
    assert set(re.findall(r"\$\{s_(\w+)\}", template)) == set(table["de"]["html"])


def test_numbers_and_dates_are_written_the_german_way():
    assert render.number(1234567) == "1.234.567" and render.number(1234567, "en") == "1,234,567"
    assert render._date("2024-10-24T08:15:00+00:00", "de") == "24.10.2024, 08:15 Uhr UTC"
    assert render._date("2024-10-24T08:15:00+02:00", "de") == "24.10.2024, 08:15 Uhr UTC+0200"
    assert render._date("gestern", "de") == "gestern"
    assert render.say("de", "article", n=1) == "1 Artikel" and render.say("de", "article", n=2500) == "2.500 Artikeln"


def test_heading_says_what_was_built_from_what_and_when(sample_page):
    _, text = sample_page
    page = Page(text)
    provenance = text.split('<p id="graphx-provenance">')[1].split("</p>")[0]
    assert "aus 3 Artikeln" in provenance and "de_graphx_news 0.3.1" in provenance
    assert "am 24.10.2024, 08:15 Uhr UTC" in provenance
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
        relations = info["relations"]
        weights = [r["weight"] for r in relations]
        assert weights == sorted(weights, reverse=True)      # strongest first: it styles the arrow
        top = style["relations"][relations[0]["relation"]]
        assert edge["color"]["color"] == top["color"] and edge["dashes"] == top["dashes"]
        more = f" +{len(relations) - 1}" if len(relations) > 1 else ""
        assert edge["label"] == render.strings("de")["relations"][relations[0]["relation"]] + more
        mutual = all(r["relation"] in {"meets", "signed_treaty_with"} for r in relations)
        assert edge["arrows"] == ("to, from" if mutual else "to")
        alleged = all(e["status"] == "alleged" for r in relations for e in r["evidence"])
        assert edge["color"]["opacity"] == (style["alleged_opacity"] if alleged else 1.0)
    # supplies (2 sentences), supports and the treaty (symmetric, stored Nordkorea -> Russland): one arrow
    [pair] = [(e, i) for e, i in zip(data["edges"], data["edge_info"]) if {e["from"], e["to"]} == {"Nordkorea", "Russland"}]
    assert pair[1]["relations"][0]["relation"] == "supplies" and len(pair[1]["relations"]) == 3
    assert pair[0]["label"] == "beliefert +2" and pair[0]["smooth"] == {"enabled": False}
    assert render.edge_width(1) < render.edge_width(2) < render.edge_width(8) <= render.edge_width(10**6) <= 9
    assert set(data["style"]["relations"]) == {k for _, _, k in G.edges(keys=True)}


def test_relation_palette_is_okabe_ito_and_line_styles_tell_shared_colours_apart():
    okabe_ito = {"#000000", "#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7"}
    looks = [(s["color"], json.dumps(s["dashes"])) for s in render.style()["relations"].values()]
    assert {c for c, _ in looks} <= okabe_ito and len(set(looks)) == len(looks)


def test_the_two_directions_of_a_pair_are_two_arrows_bowed_apart():
    G = sample_graph()
    G.add_edge("Russland", "Nordkorea", key="accuses", relation="accuses", weight=1,
               evidence=[{"article": "x.txt", "sentence": "Russland wirft Nordkorea etwas vor.", "status": "stated"}])
    data = Page(render.render_html(G)).data()
    both = [e for e in data["edges"] if {e["from"], e["to"]} == {"Nordkorea", "Russland"}]
    assert len(both) == 2 and all(e["smooth"]["type"] == "curvedCW" for e in both)


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
        name = render.strings("de")["js"][metric]
        assert 'id="graphx-note-metric"' in text and f"Die Zentralität {name} konvergierte auf diesem Graphen nicht" in text
        english = render.render_html(G, size_by=metric, lang="en")
        assert f"{render.strings('en')['js'][metric]} centrality did not converge on this graph" in english
        assert len(data["nodes"]) == G.number_of_nodes()


def test_max_nodes_keeps_the_most_central_and_says_so():
    G = random_graph(40, 80)
    scores = render.centrality(G, "degree")[0]
    text = render.render_html(G, size_by="degree", max_nodes=7)
    data = Page(text).data()
    top = sorted((n for n in G if G.degree(n)), key=lambda n: (-scores[n], n))[:7]
    kept = {n["id"] for n, i in zip(data["nodes"], data["node_info"]) if not i["isolated"]}
    assert kept == {n for n in top if G.subgraph(top).degree(n) > 0}     # none left without an arrow
    assert all(e["from"] in kept and e["to"] in kept for e in data["edges"])
    assert sum(len(i["relations"]) for i in data["edge_info"]) == G.subgraph(kept).number_of_edges()
    connected = sum(1 for n in G if G.degree(n))
    hidden = connected - len(kept)
    assert (f"Zu sehen sind die {len(kept)} zentralsten von {connected} Entitäten mit Beziehung "
            f"(nach Grad, höchstens 7); {hidden} weitere") in text
    assert data["meta"]["shown_nodes"] == len(kept) and data["meta"]["hidden_nodes"] == hidden
    # a limit above the graph size changes nothing and says nothing
    assert "graphx-note-max-nodes" not in render.render_html(G, max_nodes=1000)


def test_big_graphs_are_capped_by_default():
    G = random_graph(400, 800)
    data = Page(render.render_html(G, size_by="degree")).data()
    assert data["meta"]["shown_nodes"] <= render.DEFAULT_MAX_NODES < G.number_of_nodes()
    assert data["meta"]["max_nodes"] == render.DEFAULT_MAX_NODES


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
    [info] = [i["relations"][0] for e, i in zip(data["edges"], data["edge_info"]) if e["from"] == "<b>Fett</b> GmbH"]
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
                               "old_weight": 1, "new_weight": 2}],
            "rank_moves": [{"entity": "Nato", "old_rank": 9, "new_rank": 4, "move": 5}]}
    text = render.render_html(G, diff=diff)
    page = Page(text)
    data = page.data()
    nodes = {n["id"]: (n, i) for n, i in zip(data["nodes"], data["node_info"])}
    assert nodes["Myrne"][1]["diff"] == "added" and nodes["Myrne"][0]["shadow"]["enabled"]
    assert nodes["Myrne"][0]["color"]["border"] == render.style()["diff"]["added"]
    assert all(i["diff"] is None for name, (n, i) in nodes.items() if name != "Myrne")
    edges = arrows_by_triple(data)
    for triple in [("Nordkorea", "Russland", "supports"), ("Kim Jong-un", "Wladimir Putin", "meets")]:
        edge, info = edges[triple]
        assert info["diff"] == "added" and edge["shadow"]["color"] == render.style()["diff"]["added"]
    edge, info = edges[("Nordkorea", "Russland", "supplies")]
    assert (info["diff"], info["old_weight"], info["new_weight"]) == ("changed", 1, 2)
    assert sum(1 for _, i in edges.values() if i["diff"]) == 3
    assert [m["entity"] for m in data["diff"]["rank_moves"]] == ["Nato"]
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
    assert data["nodes"] == [] and data["edges"] == [] and "Erstellt aus 0 Artikeln" in text


def test_page_for_sixty_nodes_is_small():
    G = random_graph(60, 80)
    assert G.number_of_nodes() == 60
    size = len(render.render_html(G).encode("utf-8"))
    assert size <= 1_500_000, f"{size} bytes"


def dense_graph(n_nodes=40, seed=3):
    """Every ordered pair of `n_nodes` entities related once; pairs (i, i+1) by three more sentences."""
    rng = random.Random(seed)
    names = [f"Akteur {i:02d}" for i in range(n_nodes)]
    rels = []
    for i, s in enumerate(names):
        for j, t in enumerate(names):
            if s == t:
                continue
            for k in range(4 if j == (i + 1) % n_nodes else 1):
                rels.append(rel(s, t, rng.choice(["accuses", "criticizes", "supports"]), f"{i:02d}{j:02d}_{k}.txt",
                                f"{s} und {t}: Satz {k}.", 10 * k))
    results = [{"article": "dicht.txt", "sha256": "", "entities": [ent(n, "STATE") for n in names], "relations": rels}]
    return build_graph(results, model=MODEL, built_at=BUILT_AT)


def test_first_evidence_filter_keeps_dense_graphs_to_a_few_hundred_arrows():
    assert render.first_min_evidence([1] * 100) == 1
    assert render.first_min_evidence([1] * 300 + [2] * 100 + [5] * 30) == 2
    assert render.first_min_evidence([1] * 300 + [3] * 10) == 1          # would leave almost nothing
    G = dense_graph()
    text = render.render_html(G)
    data = Page(text).data()
    assert len(data["edges"]) == 40 * 39 and data["meta"]["min_evidence"] > 1
    shown = [e for e in data["edges"] if not e.get("hidden")]
    assert 20 <= len(shown) == data["meta"]["arrows_at_min_evidence"] <= render.MAX_ARROWS
    assert all(i["weight"] >= data["meta"]["min_evidence"] for e, i in zip(data["edges"], data["edge_info"])
               if not e.get("hidden"))
    assert f"Zunächst sind nur die {len(shown)} von 1.560 Pfeilen mit mindestens 2 Belegsätzen" in text


def with_capital_alias():
    """The sample graph with an isolated 'Moskau' that is also an alias of Russland."""
    G = sample_graph()
    G.nodes["Russland"]["aliases"] = sorted(G.nodes["Russland"]["aliases"] + ["Moskau"])
    G.add_node("Moskau", label="Moskau", type="LOCATION", aliases=["Moskau"], articles=["x.txt"], mentions=2)
    return G


def test_an_isolated_name_that_is_also_an_alias_points_to_its_owner():
    data = Page(render.render_html(with_capital_alias())).data()
    info = dict(zip((n["id"] for n in data["nodes"]), data["node_info"]))
    assert info["Moskau"]["isolated"] and info["Moskau"]["alias_of"] == ["Russland"]
    assert info["Brüssel"]["alias_of"] == [] and info["Russland"]["alias_of"] == []


def test_every_string_the_script_asks_for_is_in_the_table():
    js = (render.ASSETS / "page.js").read_text(encoding="utf-8")
    table = render.strings("de")["js"]
    asked = set(re.findall(r"\bS\.(\w+)", js)) | set(re.findall(r'\bt\("(\w+)"', js))
    asked |= {f"{kind}_{form}" for kind in re.findall(r'\bcount\("(\w+)"', js) for form in ("one", "many")}
    assert asked and asked <= set(table), asked - set(table)
