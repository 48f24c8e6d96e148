"""The render stage: graph -> one self-contained, offline, embeddable HTML page (also the diff view).

`render_html(G)` returns the whole document as a string; the caller writes it (atomically, with
`graphx.graph.write_atomic`). The page is assembled with pyvis (node/edge items, the vis-network
library it ships) but uses graphx's own template (`render_assets/`), because pyvis' template pulls
bootstrap and tom-select from CDNs and hands `title` strings to vis-network.

What the page shows: one arrow per ordered pair of entities (styled by its strongest relation, listing
all), at most `max_nodes` entities with relations (DEFAULT_MAX_NODES), the entities without relations
in a side list instead of on the canvas, in German or English (`render_assets/strings.json`).

Safety rules the page follows:
- no http(s) URL anywhere in the file (the inlined library is de-fanged, see `_vis_js`), and a
  Content-Security-Policy that allows only the page's own two scripts (by hash) and no network use;
- every string from an article (names, aliases, sentences, article names, attributions) travels as
  JSON inside `<script type="application/json">` with `<`, `>`, `&`, `/`, U+2028 and U+2029 escaped, and is
  put into the DOM only with `textContent` / as DOM elements (vis-network gets Element tooltips);
- the few strings that go into the HTML itself (title, provenance, notes) go through `html_text`.
"""
from __future__ import annotations

import base64
import hashlib
import html
import json
import math
import re
from collections.abc import Mapping
from functools import cache, lru_cache
from pathlib import Path
from string import Template

import networkx as nx

from graphx import __version__
from graphx.errors import InputError
from graphx.graph import SYMMETRIC

ASSETS = Path(__file__).with_name("render_assets")
SIZE_METRICS = ("pagerank", "degree", "in-degree", "out-degree", "betweenness", "eigenvector",
                "closeness")
MIN_NODE_SIZE, MAX_NODE_SIZE = 12.0, 46.0
BETWEENNESS_SAMPLE = 400        # above this many nodes betweenness is estimated from k sources
TOOLTIP_EVIDENCE = 3            # evidence sentences shown on hover (all are shown on click)
LAYOUT_BUDGET_MS = 5000         # the page freezes the layout after this long even if not fully stable
DEFAULT_MAX_NODES = 150         # entities drawn unless max_nodes says otherwise (most central first)
MAX_ARROWS = 250                # more arrows than this: the evidence filter starts above 1 (first_min_evidence)
LABELLED_NODES = (30, 40)       # labelled at the first view: all of up to 30 drawn entities, else the most
                                # central 15 + n/10, at most 40
LABEL_PX = 13                   # ... at this size on screen; other labels show once zoomed to that size
LANGUAGES = ("de", "en")
URL_RE = re.compile(r"(?i)\b(?:https?|ftp|wss?):/{2}|(?:src|href)\s*=\s*[\"']?/{2}")


@cache
def _json_asset(name: str) -> dict:
    with open(ASSETS / name, encoding="utf-8") as handle:
        data = json.load(handle)
    data.pop("_comment", None)
    return data


def style() -> dict:
    """Legend data: entity type colours/shapes, relation colours and line styles, diff colours."""
    return _json_asset("style.json")


def strings(lang: str = "de") -> dict:
    """The page's words in `lang` (render_assets/strings.json): html, py, js, types, relations."""
    if lang not in LANGUAGES:
        raise InputError(f"unknown language {lang!r}; choose one of {', '.join(LANGUAGES)}")
    return _json_asset("strings.json")[lang]


def type_style(entity_type: str) -> dict:
    return style()["entity_types"].get(entity_type, style()["other_type"])


def relation_style(relation: str, lang: str = "de") -> dict:
    """Colour, dashes and the label in `lang` (the relation's own name when it has none)."""
    look = style()["relations"].get(relation, style()["other_relation"])
    return {**look, "label": strings(lang)["relations"].get(relation, relation)}


def number(value, lang: str = "de") -> str:
    """A whole number as the language writes it: 12.345 (de), 12,345 (en)."""
    text = f"{int(value):,}"
    return text.replace(",", ".") if lang == "de" else text


def say(lang: str, key: str, **values) -> str:
    """A Python-side page string; `n` picks the _one/_many form and is written as a number."""
    words = strings(lang)["py"]
    if "n" in values and key + "_one" in words:
        key = key + ("_one" if values["n"] == 1 else "_many")
    return words[key].format(**{k: number(v, lang) if isinstance(v, int) and not isinstance(v, bool) else v
                                for k, v in values.items()})


# ---------------------------------------------------------------------------------------------
# centrality


def simple_digraph(G) -> nx.DiGraph:
    """Project the MultiDiGraph onto a simple weighted DiGraph (weights summed over relations).

    Symmetric relations (`meets`, `signed_treaty_with`) count in both directions.
    """
    D = nx.DiGraph()
    D.add_nodes_from(G.nodes)
    for u, v, key, data in G.edges(keys=True, data=True):
        weight = data.get("weight") or 1
        pairs = [(u, v), (v, u)] if data.get("relation", key) in SYMMETRIC else [(u, v)]
        for a, b in pairs:
            if a == b:
                continue
            if D.has_edge(a, b):
                D[a][b]["weight"] += weight
            else:
                D.add_edge(a, b, weight=weight)
    return D


def _metric(D: nx.DiGraph, name: str) -> dict:
    if name == "pagerank":
        try:
            return nx.pagerank(D, weight="weight", max_iter=200)
        except ImportError:  # networkx' default pagerank needs scipy
            from networkx.algorithms.link_analysis.pagerank_alg import _pagerank_python
            return _pagerank_python(D, weight="weight", max_iter=200)
    if name == "degree":
        return nx.degree_centrality(D)
    if name == "in-degree":
        return nx.in_degree_centrality(D)
    if name == "out-degree":
        return nx.out_degree_centrality(D)
    if name == "betweenness":
        k = BETWEENNESS_SAMPLE if len(D) > BETWEENNESS_SAMPLE else None
        return nx.betweenness_centrality(D, k=k, seed=0)
    if name == "eigenvector":
        return nx.eigenvector_centrality(D, max_iter=1000, weight="weight")
    if name == "closeness":
        return nx.closeness_centrality(D)
    raise InputError(f"unknown size_by {name!r}; choose one of {', '.join(SIZE_METRICS)}")


def centrality(G, size_by: str = "pagerank") -> tuple[dict, str, str | None]:
    """Scores for every node of G by `size_by`, computed on `simple_digraph(G)`.

    Returns `(scores, metric_used, note)`. When the metric fails (e.g. power iteration does not
    converge) the scores fall back to degree centrality and `note` says so.
    """
    if size_by not in SIZE_METRICS:
        raise InputError(f"unknown size_by {size_by!r}; choose one of {', '.join(SIZE_METRICS)}")
    D = simple_digraph(G)
    if len(D) == 0:
        return {}, size_by, None
    try:
        scores = _metric(D, size_by)
        if len(scores) != len(D) or not all(math.isfinite(float(s)) for s in scores.values()):
            raise ArithmeticError("non-finite or missing scores")
        return {n: float(s) for n, s in scores.items()}, size_by, None
    except (nx.PowerIterationFailedConvergence, nx.NetworkXException, ArithmeticError, ValueError,
            TypeError, ImportError) as exc:
        reason = "did not converge" if isinstance(exc, nx.PowerIterationFailedConvergence) else "failed"
        scores = nx.degree_centrality(D)
        return ({n: float(s) for n, s in scores.items()}, "degree",
                f"{size_by} centrality {reason} on this graph; entity sizes use degree centrality instead.")


def node_sizes(scores: dict) -> dict:
    if not scores:
        return {}
    lo, hi = min(scores.values()), max(scores.values())
    if hi - lo <= 1e-12:
        middle = (MIN_NODE_SIZE + MAX_NODE_SIZE) / 2
        return {n: middle for n in scores}
    span = MAX_NODE_SIZE - MIN_NODE_SIZE
    return {n: round(MIN_NODE_SIZE + span * math.sqrt((s - lo) / (hi - lo)), 2) for n, s in scores.items()}


def edge_width(weight) -> float:
    """Line width grows with the log of the number of evidence sentences: 1 -> 1.5, 2 -> 3.5, 8 -> 7.5."""
    return round(min(1.5 + 2.0 * math.log2(max(float(weight), 1.0)), 9.0), 2)


def most_central(G, scores: dict, max_nodes: int | None) -> list:
    """Node ids of G, most central first (ties by name); the first `max_nodes` if given."""
    ranked = sorted(G.nodes, key=lambda n: (-scores.get(n, 0.0), str(n)))
    return ranked if max_nodes is None else ranked[:max_nodes]


# ---------------------------------------------------------------------------------------------
# diff


def _node_name(item) -> str:
    if isinstance(item, Mapping):
        for key in ("id", "name", "label"):
            if key in item:
                return str(item[key])
        raise InputError(f"diff: cannot read a node name from {item!r}")
    return str(item)


def _edge_triple(item) -> tuple[str, str, str]:
    if isinstance(item, Mapping):
        try:
            return str(item["source"]), str(item["target"]), str(item["relation"])
        except KeyError:
            raise InputError(f"diff: an edge needs source, target and relation: {item!r}") from None
    if isinstance(item, (list, tuple)) and len(item) >= 3:
        return str(item[0]), str(item[1]), str(item[2])
    raise InputError(f"diff: an edge must be [source, target, relation], got {item!r}")


def _edge_lookup_key(source: str, target: str, relation: str) -> tuple[str, str, str]:
    if relation in SYMMETRIC and target < source:
        source, target = target, source
    return source, target, relation


def normalise_diff(diff) -> dict | None:
    """Validate the diff module's plain dict and bring it into one shape."""
    if diff is None:
        return None
    if not isinstance(diff, Mapping):
        raise InputError(f"diff must be a dict from graphx.diff, got {type(diff).__name__}")
    changed = []
    for item in diff.get("edges_changed") or []:
        if not isinstance(item, Mapping):
            raise InputError(f"diff: edges_changed entries must be dicts, got {item!r}")
        source, target, relation = _edge_triple(item)
        changed.append({"source": source, "target": target, "relation": relation,
                        "old_weight": item.get("old_weight"), "new_weight": item.get("new_weight")})
    return {
        "nodes_added": [_node_name(n) for n in diff.get("nodes_added") or []],
        "nodes_removed": [_node_name(n) for n in diff.get("nodes_removed") or []],
        "edges_added": [list(_edge_triple(e)) for e in diff.get("edges_added") or []],
        "edges_removed": [list(_edge_triple(e)) for e in diff.get("edges_removed") or []],
        "edges_changed": changed,
        "rank_moves": [{"entity": _text(m.get("entity")), "old_rank": m.get("old_rank"),
                        "new_rank": m.get("new_rank"), "move": m.get("move")}
                       for m in diff.get("rank_moves") or [] if isinstance(m, Mapping)],
    }


# ---------------------------------------------------------------------------------------------
# page data


def _text(value) -> str:
    return "" if value is None else str(value)


def _texts(values) -> list[str]:
    """A list attribute as strings; sets (a graph not yet finalised) come out sorted."""
    values = values or []
    return sorted(_text(v) for v in values) if isinstance(values, (set, frozenset)) else [_text(v) for v in values]


def _evidence(ev) -> dict:
    ev = ev if isinstance(ev, Mapping) else {"sentence": ev}
    return {"article": _text(ev.get("article")), "sentence": _text(ev.get("sentence")),
            "attribution": _text(ev.get("attribution")), "status": _text(ev.get("status")),
            "cue": _text(ev.get("cue")), "start": ev.get("start"), "end": ev.get("end")}


def _physics_options(n_nodes: int, n_edges: int) -> dict:
    """vis-network options: ForceAtlas2 physics that stabilises (the page then switches physics off).

    Big graphs get a cheaper force approximation (theta 0.9, fixed timestep) and, on the page, a time
    budget (LAYOUT_BUDGET_MS) after which the layout is frozen even if not all iterations ran.
    """
    big = n_nodes > 400 or n_edges > 1000
    iterations = 1000 if n_nodes <= 100 else 500 if n_nodes <= 400 else 300
    return {
        "autoResize": True,
        "layout": {"improvedLayout": n_nodes <= 150, "randomSeed": 7},
        # a label is drawn only when at least LABEL_PX on screen (so small ones wait for zoom)
        "nodes": {"borderWidth": 1.5, "borderWidthSelected": 3,
                  "font": {"size": 14, "face": "system-ui, sans-serif", "strokeWidth": 4,
                           "strokeColor": "#ffffff", "color": "#111111"},
                  "scaling": {"label": {"drawThreshold": LABEL_PX, "maxVisible": 22}}},
        "edges": {"font": {"size": 12, "align": "middle", "strokeWidth": 4, "strokeColor": "#ffffff",
                           "color": "#222222", "face": "system-ui, sans-serif"},
                  "scaling": {"label": {"drawThreshold": 10, "maxVisible": 16}},
                  "arrows": {"to": {"scaleFactor": 0.6}, "from": {"scaleFactor": 0.6}},
                  "selectionWidth": 2, "hoverWidth": 1},
        "interaction": {"hover": True, "tooltipDelay": 120, "hideEdgesOnDrag": big,
                        "hideEdgesOnZoom": big, "keyboard": False, "multiselect": False},
        # ForceAtlas2 (gravity grows with a node's degree) keeps small components near the core
        "physics": {"enabled": True, "solver": "forceAtlas2Based",
                    "forceAtlas2Based": {"theta": 0.9 if big else 0.5, "gravitationalConstant": -60,
                                         "centralGravity": 0.01, "springLength": 120, "springConstant": 0.08,
                                         "damping": 0.5, "avoidOverlap": 0.3},
                    "minVelocity": 1.0, "timestep": 0.5, "adaptiveTimestep": not big,
                    "stabilization": {"enabled": True, "iterations": iterations, "updateInterval": 25,
                                      "fit": True}},
    }


def _drawn_nodes(G, scores: dict, max_nodes: int) -> tuple[list, list, list]:
    """(drawn, hidden, isolated): the `max_nodes` most central entities that have a relation, less
    those left without one among them; the connected ones the cap hides; those without any relation."""
    isolated = [n for n in G if G.degree(n) == 0]
    connected = [n for n in most_central(G, scores, None) if G.degree(n) > 0]
    H = G.subgraph(connected[:max_nodes])
    drawn = [n for n in connected[:max_nodes] if H.degree(n) > 0]
    drawn_set = set(drawn)
    hidden = [n for n in connected if n not in drawn_set]
    isolated.sort(key=lambda n: (-(G.nodes[n].get("mentions") or 0), str(n)))
    return drawn, hidden, isolated


def _strength(item: dict) -> tuple:
    """Sort key of a relation within an arrow: most evidence first, then the legend's order."""
    order = list(style()["relations"])
    rel = item["relation"]
    return (-(item["weight"] or 0), order.index(rel) if rel in order else len(order), rel)


def arrow_look(relations: list[dict]) -> dict:
    """vis-network edge options of one arrow from its relations (strongest first)."""
    top = relations[0]
    rs = relation_style(top["relation"])
    alleged = all(r["evidence"] and all(e["status"] == "alleged" for e in r["evidence"]) for r in relations)
    opacity = style()["alleged_opacity"] if alleged else 1.0
    label = top["label"] + (f" +{len(relations) - 1}" if len(relations) > 1 else "")
    return {"label": label, "width": edge_width(sum(r["weight"] or 0 for r in relations)),
            "color": {"color": rs["color"], "highlight": rs["color"], "hover": rs["color"], "opacity": opacity},
            "dashes": rs["dashes"], "arrows": "to, from" if all(r["relation"] in SYMMETRIC for r in relations)
            else "to"}


def _alias_owners(G, isolated) -> dict:
    """For an entity without relations: the entities with relations that list its name as an alias
    (Moskau written for Russland), so the side list can point there."""
    wanted = {str(n).casefold(): n for n in isolated}
    owners: dict = {}
    for node, attrs in G.nodes(data=True):
        if G.degree(node) == 0:
            continue
        for alias in _texts(attrs.get("aliases")):
            hit = wanted.get(alias.casefold())
            if hit is not None and str(node) not in owners.setdefault(hit, []):
                owners[hit].append(str(node))
    return owners


def _arrows(H, diff, lang) -> dict:
    """(source, target) -> the pair's relations (with evidence and diff status), strongest first."""
    added_edges = {_edge_lookup_key(*e) for e in diff["edges_added"]} if diff else set()
    changed_edges = ({_edge_lookup_key(c["source"], c["target"], c["relation"]): c
                      for c in diff["edges_changed"]} if diff else {})
    arrows: dict = {}
    for u, v, key, attrs in H.edges(keys=True, data=True):
        relation = _text(attrs.get("relation", key))
        evidence = [_evidence(e) for e in attrs.get("evidence") or []]
        lookup = _edge_lookup_key(str(u), str(v), relation)
        status = "added" if lookup in added_edges else "changed" if lookup in changed_edges else None
        item = {"relation": relation, "label": relation_style(relation, lang)["label"],
                "weight": attrs.get("weight", len(evidence)) or 0, "evidence": evidence, "diff": status}
        if status == "changed":
            change = changed_edges[lookup]
            item["old_weight"], item["new_weight"] = change["old_weight"], change["new_weight"]
        arrows.setdefault((str(u), str(v)), []).append(item)
    for relations in arrows.values():
        relations.sort(key=_strength)
    return arrows


def first_min_evidence(totals: list[int], limit: int = MAX_ARROWS, least: int = 20) -> int:
    """The evidence filter's first value: the smallest k that leaves at most `limit` arrows of >= k
    sentences (1 when all fit); never a k that leaves fewer than `least` arrows."""
    best = 1
    if len(totals) <= limit:
        return best
    for k in range(2, max(totals) + 1):
        left = sum(1 for t in totals if t >= k)
        if left < least:
            break
        best = k
        if left <= limit:
            break
    return best


def _page_data(G, *, size_by, max_nodes, diff, lang) -> tuple[dict, str | None]:
    # pyvis is imported here so that importing graphx.render stays cheap for the CLI
    from pyvis.network import Network

    words = strings(lang)
    scores, metric_used, metric_note = centrality(G, size_by)
    sizes = node_sizes(scores)
    drawn, hidden, isolated = _drawn_nodes(G, scores, max_nodes)
    H = G.subgraph(drawn)
    rank = {n: i + 1 for i, n in enumerate(most_central(G, scores, None))}

    added_nodes = set(diff["nodes_added"]) if diff else set()
    diff_colors = style()["diff"]
    arrows = _arrows(H, diff, lang)
    totals = {pair: sum(r["weight"] for r in relations) for pair, relations in arrows.items()}
    min_evidence = first_min_evidence(list(totals.values()))
    with_arrow = {n for pair, total in totals.items() if total >= min_evidence for n in pair}

    alias_of = _alias_owners(G, isolated)
    net = Network(directed=True, cdn_resources="in_line")
    node_info = []
    for node in drawn + isolated:
        attrs = G.nodes[node]
        entity_type = _text(attrs.get("type", "ORG"))
        ts = type_style(entity_type)
        is_new = str(node) in added_nodes
        options = {"size": sizes.get(node, MIN_NODE_SIZE),
                   "color": {"background": ts["color"], "border": ts["border"],
                             "highlight": {"background": ts["color"], "border": "#111111"},
                             "hover": {"background": ts["color"], "border": "#111111"}}}
        if G.degree(node) == 0:       # not on the canvas until the reader puts it there
            options.update(hidden=True, physics=False)
        elif str(node) not in with_arrow:   # hidden by the first evidence filter
            options["hidden"] = True
        if is_new:
            options["color"]["border"] = diff_colors["added"]
            options["borderWidth"] = 4
            options["shadow"] = {"enabled": True, "color": diff_colors["added"], "size": 18, "x": 0, "y": 0}
        net.add_node(str(node), label=_text(attrs.get("label", node)), shape=ts["shape"], **options)
        node_info.append({"type": entity_type, "type_key": entity_type if entity_type in
                          style()["entity_types"] else "OTHER",
                          "aliases": _texts(attrs.get("aliases")),
                          "mentions": attrs.get("mentions", 0), "articles": _texts(attrs.get("articles")),
                          "score": round(scores.get(node, 0.0), 6), "rank": rank.get(node),
                          "isolated": G.degree(node) == 0, "diff": "added" if is_new else None,
                          "alias_of": alias_of.get(node, [])})

    edge_info, edge_ids = [], {}
    for index, ((u, v), relations) in enumerate(arrows.items()):
        status = ("added" if any(r["diff"] == "added" for r in relations)
                  else "changed" if any(r["diff"] for r in relations) else None)
        options = {"id": f"e{index}", **arrow_look(relations)}
        # the two directions of a pair bow apart (curvedCW is relative to the arrow's direction)
        options["smooth"] = ({"enabled": True, "type": "curvedCW", "roundness": 0.18} if (v, u) in arrows
                             else {"enabled": False})
        if status:
            options["shadow"] = {"enabled": True, "color": diff_colors[status], "size": 14, "x": 0, "y": 0}
        if totals[(u, v)] < min_evidence:
            options["hidden"] = True
        net.add_edge(u, v, **options)
        edge_info.append({"relations": relations, "weight": totals[(u, v)], "diff": status})
        for r in relations:
            edge_ids[_edge_lookup_key(u, v, r["relation"])] = f"e{index}"

    nodes, edges, *_ = net.get_network_data()

    diff_data = None
    if diff:
        shown_names = {str(k) for k in drawn + isolated}

        def with_id(triple):
            return {"source": triple[0], "target": triple[1], "relation": triple[2],
                    "relation_label": relation_style(triple[2], lang)["label"],
                    "id": edge_ids.get(_edge_lookup_key(*triple))}
        diff_data = {
            "nodes_added": [{"name": n, "shown": n in shown_names} for n in diff["nodes_added"]],
            "nodes_removed": [{"name": n} for n in diff["nodes_removed"]],
            "edges_added": [with_id(e) for e in diff["edges_added"]],
            "edges_removed": [with_id(e) for e in diff["edges_removed"]],
            "edges_changed": [{**with_id((c["source"], c["target"], c["relation"])),
                               "old_weight": c["old_weight"], "new_weight": c["new_weight"]}
                              for c in diff["edges_changed"]],
            "rank_moves": [{**m, "shown": m["entity"] in shown_names} for m in diff["rank_moves"]],
        }

    present_types = {i["type_key"] for i in node_info}
    order = list(style()["relations"])
    relations_in_graph = sorted({r["relation"] for i in edge_info for r in i["relations"]},
                                key=lambda r: (order.index(r) if r in order else 99, r))
    type_keys = list(style()["entity_types"]) + (["OTHER"] if "OTHER" in present_types else [])
    return {
        "meta": {"size_by": size_by, "metric_used": metric_used, "lang": lang, "locale": words["locale"],
                 "total_nodes": G.number_of_nodes(), "total_edges": G.number_of_edges(),
                 "shown_nodes": len(drawn), "shown_edges": sum(len(r) for r in arrows.values()),
                 "shown_arrows": len(arrows), "hidden_nodes": len(hidden), "isolated_nodes": len(isolated),
                 "max_nodes": max_nodes, "min_evidence": min_evidence,
                 "arrows_at_min_evidence": sum(1 for t in totals.values() if t >= min_evidence)},
        "strings": words["js"],
        "style": {"entity_types": {k: {**type_style(k), "label": words["types"].get(k, k)} for k in type_keys},
                  "relations": {r: relation_style(r, lang) for r in relations_in_graph},
                  "diff": diff_colors, "alleged_opacity": style()["alleged_opacity"]},
        "options": _physics_options(len(drawn), len(arrows)),
        "tooltip_evidence": TOOLTIP_EVIDENCE, "layout_budget_ms": LAYOUT_BUDGET_MS,
        "labelled_nodes": LABELLED_NODES, "label_px": LABEL_PX,
        "articles": sorted({e["article"] for i in edge_info for r in i["relations"] for e in r["evidence"]
                            if e["article"]}),
        "nodes": nodes, "node_info": node_info,
        "edges": edges, "edge_info": edge_info,
        "diff": diff_data,
    }, metric_note


# ---------------------------------------------------------------------------------------------
# the document


def script_json(data) -> str:
    """JSON that is safe inside a <script> element: no `</script>`, `<!--`, U+2028/2029 can occur.

    `<`, `>`, `&` and `/` only ever occur inside JSON strings, so escaping them (\\uXXXX, `\\/`)
    keeps the value; `/` is escaped so that a URL quoted in an article does not appear as `https://`.
    """
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False, default=str)
    return (text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("/", "\\/").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def html_text(text: str) -> str:
    """Escape text for HTML element content and attribute values (also `/`, so no URL appears)."""
    return html.escape(text, quote=True).replace("/", "&#x2F;")


def _defang_urls(js: str) -> str:
    """Remove every http(s) URL from the vis-network bundle without changing what it does.

    The licence header keeps its text minus the scheme. In the minified code such URLs only occur
    inside string literals (the SVG namespace, error messages, core-js' licence field), where
    `:\\/\\/` is the same string value in JavaScript ("http://www.w3.org/2000/svg" stays intact).
    """
    header_end = js.find("*/") + 2 if js.startswith("/**") else 0
    header = re.sub(r"(?i)https?://", "", js[:header_end])
    body = re.sub(r"(?i)\b(https?):/{2}", r"\1:\\/\\/", js[header_end:])
    return header + body


@lru_cache(maxsize=1)
def _vis_js() -> str:
    import pyvis
    path = Path(pyvis.__file__).parent / "templates" / "lib" / "vis-9.1.2" / "vis-network.min.js"
    js = _defang_urls(path.read_text(encoding="utf-8"))
    if URL_RE.search(js) or re.search(r"(?i)</script|<!--", js):
        raise RuntimeError(f"{path}: cannot inline this vis-network build safely")
    return js


@lru_cache(maxsize=8)
def _asset(name: str) -> str:
    return (ASSETS / name).read_text(encoding="utf-8")


def _sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def _date(text: str, lang: str) -> str:
    """An ISO time as the language writes it (24.10.2024, 08:15 Uhr UTC); other text unchanged."""
    from datetime import datetime, timedelta
    try:
        when = datetime.fromisoformat(text)
    except ValueError:
        return text
    offset = when.utcoffset()
    tz = "" if offset is None else "UTC" if offset == timedelta(0) else when.strftime("UTC%z")
    return say(lang, "date", d=f"{when.day:02d}", m=f"{when.month:02d}", y=str(when.year),
               H=f"{when.hour:02d}", M=f"{when.minute:02d}", tz=tz).strip()


def _provenance(G, lang: str) -> str:
    graph = G.graph
    model = graph.get("model") or {}
    model_text = (" ".join(_text(model.get(k)) for k in ("name", "version") if model.get(k))
                  or say(lang, "unknown_model"))
    built = _text(graph.get("built_at"))
    version = _text(graph.get("graphx_version")) or __version__
    return say(lang, "provenance", articles=say(lang, "article", n=len(graph.get("articles") or [])),
               model=model_text, built=_date(built, lang) if built else say(lang, "unknown_time"),
               version=version, page_version=__version__)


def render_html(G, *, size_by: str = "pagerank", max_nodes: int | None = None, title: str | None = None,
                diff: dict | None = None, lang: str = "de") -> str:
    """The whole graph page as one self-contained HTML document (no network access needed).

    size_by: centrality metric for node sizes (one of SIZE_METRICS), computed on a simple DiGraph.
    max_nodes: draw at most the N most central entities that have relations (default
        DEFAULT_MAX_NODES; the page says what it hides). Entities without relations are listed beside
        the canvas, not drawn.
    diff: plain dict from graphx.diff (nodes_added, nodes_removed, edges_added, edges_removed,
          edges_changed, rank_moves); new nodes/edges are highlighted, removed ones listed in a side panel.
    lang: "de" (default) or "en", the interface language.
    Raises InputError for a bad size_by, max_nodes, diff or lang.
    """
    if size_by not in SIZE_METRICS:
        raise InputError(f"unknown size_by {size_by!r}; choose one of {', '.join(SIZE_METRICS)}")
    if max_nodes is not None and (isinstance(max_nodes, bool) or not isinstance(max_nodes, int)
                                  or max_nodes < 1):
        raise InputError(f"max_nodes must be a positive whole number, got {max_nodes!r}")
    words = strings(lang)
    cap = DEFAULT_MAX_NODES if max_nodes is None else max_nodes
    diff = normalise_diff(diff)
    data, metric_note = _page_data(G, size_by=size_by, max_nodes=cap, diff=diff, lang=lang)
    meta = data["meta"]

    notes = []
    if meta["hidden_nodes"]:
        notes.append(("graphx-note-max-nodes", say(
            lang, "cap_note", shown=meta["shown_nodes"], total=meta["shown_nodes"] + meta["hidden_nodes"],
            metric=words["js"][meta["metric_used"]], max_nodes=cap, hidden=meta["hidden_nodes"],
            hidden_edges=meta["total_edges"] - meta["shown_edges"])))
    if meta["min_evidence"] > 1:
        notes.append(("graphx-note-min-evidence", say(
            lang, "min_evidence_note", k=meta["min_evidence"], shown=meta["arrows_at_min_evidence"],
            total=meta["shown_arrows"])))
    if metric_note:
        reason = "metric_no_convergence" if "did not converge" in metric_note else "metric_failed"
        notes.append(("graphx-note-metric", say(lang, "metric_note", metric=words["js"][size_by],
                                                reason=say(lang, reason))))
    if diff is not None:
        notes.append(("graphx-note-diff", say(lang, "diff_note")))

    page_title = title or words["py"]["page_title"]
    js = _asset("page.js")
    vis_js = _vis_js()
    csp = ("default-src 'none'; script-src " + _sha256(vis_js) + " " + _sha256(js)
           + "; style-src 'unsafe-inline'; img-src 'none'; connect-src 'none'; font-src 'none'; "
           "object-src 'none'; media-src 'none'; frame-src 'none'; worker-src 'none'; "
           "base-uri 'none'; form-action 'none'")
    document = Template(_asset("page.html")).substitute(
        {f"s_{k}": html_text(v) for k, v in words["html"].items()},
        lang=lang,
        csp=html.escape(csp, quote=True),
        title=html_text(page_title),
        provenance=html_text(_provenance(G, lang)),
        notes="".join(f'<p class="graphx-note" id="{nid}">{html_text(text)}</p>'
                      for nid, text in notes),
        css=_asset("page.css"),
        data=script_json(data),
        vis_js=vis_js,
        page_js=js,
    )
    return document
