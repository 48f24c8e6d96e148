"""The render stage: graph -> one self-contained, offline, embeddable HTML page (also the diff view).

`render_html(G)` returns the whole document as a string; the caller writes it (atomically, with
`graphx.graph.write_atomic`). The page is assembled with pyvis (node/edge items, the vis-network
library it ships) but uses graphx's own template (`render_assets/`), because pyvis' template pulls
bootstrap and tom-select from CDNs and hands `title` strings to vis-network.

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
from functools import lru_cache
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
URL_RE = re.compile(r"(?i)\b(?:https?|ftp|wss?):/{2}|(?:src|href)\s*=\s*[\"']?/{2}")


@lru_cache(maxsize=1)
def style() -> dict:
    """Legend data: entity type colours/shapes, relation colours, diff colours."""
    with open(ASSETS / "style.json", encoding="utf-8") as handle:
        data = json.load(handle)
    data.pop("_comment", None)
    return data


def type_style(entity_type: str) -> dict:
    return style()["entity_types"].get(entity_type, style()["other_type"])


def relation_style(relation: str) -> dict:
    return style()["relations"].get(relation, {**style()["other_relation"], "label": relation})


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
    """vis-network options: Barnes-Hut physics that stabilises (the page then switches physics off).

    Big graphs get a cheaper force approximation (theta 0.9, fixed timestep) and, on the page, a time
    budget (LAYOUT_BUDGET_MS) after which the layout is frozen even if not all iterations ran.
    """
    big = n_nodes > 400 or n_edges > 1000
    iterations = 1000 if n_nodes <= 100 else 500 if n_nodes <= 400 else 300
    return {
        "autoResize": True,
        "layout": {"improvedLayout": n_nodes <= 150, "randomSeed": 7},
        "nodes": {"borderWidth": 1.5, "borderWidthSelected": 3,
                  "font": {"size": 14, "face": "system-ui, sans-serif", "strokeWidth": 3,
                           "strokeColor": "#ffffff", "color": "#1f1f1f"}},
        "edges": {"font": {"size": 11, "align": "middle", "strokeWidth": 3, "strokeColor": "#ffffff",
                           "color": "#333333", "face": "system-ui, sans-serif"},
                  "arrows": {"to": {"scaleFactor": 0.6}, "from": {"scaleFactor": 0.6}},
                  "selectionWidth": 2, "hoverWidth": 1},
        "interaction": {"hover": True, "tooltipDelay": 120, "hideEdgesOnDrag": big,
                        "hideEdgesOnZoom": big, "keyboard": False, "multiselect": False},
        "physics": {"enabled": True, "solver": "barnesHut",
                    "barnesHut": {"theta": 0.9 if big else 0.5,
                                  "gravitationalConstant": -4000 if big else -9000,
                                  "centralGravity": 0.25, "springLength": 110 if big else 170,
                                  "springConstant": 0.03, "damping": 0.35, "avoidOverlap": 0.2},
                    "minVelocity": 1.0, "timestep": 0.5, "adaptiveTimestep": not big,
                    "stabilization": {"enabled": True, "iterations": iterations, "updateInterval": 25,
                                      "fit": True}},
    }


def _page_data(G, *, size_by, max_nodes, diff) -> tuple[dict, str | None]:
    # pyvis is imported here so that importing graphx.render stays cheap for the CLI
    from pyvis.network import Network

    scores, metric_used, metric_note = centrality(G, size_by)
    sizes = node_sizes(scores)
    keep = most_central(G, scores, max_nodes)
    kept = set(keep)
    H = G.subgraph(keep)
    rank = {n: i + 1 for i, n in enumerate(most_central(G, scores, None))}

    added_nodes = set(diff["nodes_added"]) if diff else set()
    added_edges = {_edge_lookup_key(*e) for e in diff["edges_added"]} if diff else set()
    changed_edges = ({_edge_lookup_key(c["source"], c["target"], c["relation"]): c
                      for c in diff["edges_changed"]} if diff else {})
    diff_colors = style()["diff"]

    net = Network(directed=True, cdn_resources="in_line")
    node_info = []
    for node in keep:
        attrs = G.nodes[node]
        entity_type = _text(attrs.get("type", "ORG"))
        ts = type_style(entity_type)
        is_new = str(node) in added_nodes
        options = {"size": sizes.get(node, MIN_NODE_SIZE),
                   "color": {"background": ts["color"], "border": ts["border"],
                             "highlight": {"background": ts["color"], "border": "#111111"},
                             "hover": {"background": ts["color"], "border": "#111111"}}}
        if is_new:
            options["color"]["border"] = diff_colors["added"]
            options["borderWidth"] = 4
            options["shadow"] = {"enabled": True, "color": diff_colors["added"], "size": 18, "x": 0, "y": 0}
        net.add_node(str(node), label=_text(attrs.get("label", node)), shape=ts["shape"], **options)
        articles = _texts(attrs.get("articles"))
        node_info.append({"type": entity_type, "type_key": entity_type if entity_type in
                          style()["entity_types"] else "OTHER",
                          "aliases": _texts(attrs.get("aliases")),
                          "mentions": attrs.get("mentions", 0), "articles": articles,
                          "score": round(scores.get(node, 0.0), 6), "rank": rank.get(node),
                          "diff": "added" if is_new else None})

    edge_info = []
    pair_total: dict = {}
    for u, v in H.edges():
        pair = frozenset((u, v))
        pair_total[pair] = pair_total.get(pair, 0) + 1
    pair_seen: dict = {}
    for index, (u, v, key, attrs) in enumerate(H.edges(keys=True, data=True)):
        relation = _text(attrs.get("relation", key))
        rs = relation_style(relation)
        evidence = [_evidence(e) for e in attrs.get("evidence") or []]
        weight = attrs.get("weight", len(evidence)) or 0
        statuses = {e["status"] for e in evidence}
        lookup = _edge_lookup_key(str(u), str(v), relation)
        status = "added" if lookup in added_edges else "changed" if lookup in changed_edges else None
        ordered = (u, v)
        pair_seen[ordered] = pair_seen.get(ordered, 0) + 1
        options = {"id": f"e{index}", "label": rs["label"], "width": edge_width(weight),
                   "color": {"color": rs["color"], "highlight": rs["color"], "hover": rs["color"],
                             "opacity": 0.9},
                   "arrows": "to, from" if relation in SYMMETRIC else "to",
                   "dashes": bool(evidence) and statuses == {"alleged"}}
        if pair_total[frozenset((u, v))] > 1:
            options["smooth"] = {"enabled": True, "type": "curvedCW", "roundness": 0.12 + 0.14 * pair_seen[ordered]}
        else:
            options["smooth"] = {"enabled": False}
        if status:
            options["shadow"] = {"enabled": True, "color": diff_colors[status], "size": 14, "x": 0, "y": 0}
        net.add_edge(str(u), str(v), **options)
        info = {"relation": relation, "relation_label": rs["label"], "weight": weight,
                "evidence": evidence, "diff": status}
        if status == "changed":
            change = changed_edges[lookup]
            info["old_weight"], info["new_weight"] = change["old_weight"], change["new_weight"]
        edge_info.append(info)

    nodes, edges, *_ = net.get_network_data()
    edge_ids = {_edge_lookup_key(str(u), str(v), _text(a.get("relation", k))): f"e{i}"
                for i, (u, v, k, a) in enumerate(H.edges(keys=True, data=True))}

    diff_data = None
    if diff:
        kept_names = {str(k) for k in kept}

        def with_id(triple):
            return {"source": triple[0], "target": triple[1], "relation": triple[2],
                    "relation_label": relation_style(triple[2])["label"],
                    "id": edge_ids.get(_edge_lookup_key(*triple))}
        diff_data = {
            "nodes_added": [{"name": n, "shown": n in kept_names} for n in diff["nodes_added"]],
            "nodes_removed": [{"name": n} for n in diff["nodes_removed"]],
            "edges_added": [with_id(e) for e in diff["edges_added"]],
            "edges_removed": [with_id(e) for e in diff["edges_removed"]],
            "edges_changed": [{**with_id((c["source"], c["target"], c["relation"])),
                               "old_weight": c["old_weight"], "new_weight": c["new_weight"]}
                              for c in diff["edges_changed"]],
        }

    present_types = {i["type_key"] for i in node_info}
    relations_in_graph = sorted({i["relation"] for i in edge_info},
                                key=lambda r: (list(style()["relations"]).index(r)
                                               if r in style()["relations"] else 99, r))
    return {
        "meta": {"size_by": size_by, "metric_used": metric_used,
                 "total_nodes": G.number_of_nodes(), "total_edges": G.number_of_edges(),
                 "shown_nodes": len(nodes), "shown_edges": len(edges), "max_nodes": max_nodes},
        "style": {"entity_types": {**style()["entity_types"],
                                   **({"OTHER": style()["other_type"]} if "OTHER" in present_types else {})},
                  "relations": {r: relation_style(r) for r in relations_in_graph},
                  "diff": diff_colors},
        "options": _physics_options(len(nodes), len(edges)),
        "tooltip_evidence": TOOLTIP_EVIDENCE, "layout_budget_ms": LAYOUT_BUDGET_MS,
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


def _provenance(G) -> str:
    graph = G.graph
    model = graph.get("model") or {}
    model_text = " ".join(_text(model.get(k)) for k in ("name", "version") if model.get(k)) or "unknown model"
    articles = graph.get("articles") or []
    built = _text(graph.get("built_at")) or "an unknown time"
    version = _text(graph.get("graphx_version")) or __version__
    plural = "article" if len(articles) == 1 else "articles"
    return (f"Built from {len(articles)} {plural} with {model_text} at {built} "
            f"(graphx {version}; page rendered by graphx {__version__}).")


def render_html(G, *, size_by: str = "pagerank", max_nodes: int | None = None, title: str | None = None,
                diff: dict | None = None) -> str:
    """The whole graph page as one self-contained HTML document (no network access needed).

    size_by: centrality metric for node sizes (one of SIZE_METRICS), computed on a simple DiGraph.
    max_nodes: keep only the N most central entities (the page says so).
    diff: plain dict from graphx.diff (nodes_added, nodes_removed, edges_added, edges_removed,
          edges_changed); new nodes/edges are highlighted, removed ones listed in a side panel.
    Raises InputError for a bad size_by, max_nodes or diff.
    """
    if size_by not in SIZE_METRICS:
        raise InputError(f"unknown size_by {size_by!r}; choose one of {', '.join(SIZE_METRICS)}")
    if max_nodes is not None and (isinstance(max_nodes, bool) or not isinstance(max_nodes, int)
                                  or max_nodes < 1):
        raise InputError(f"max_nodes must be a positive whole number, got {max_nodes!r}")
    diff = normalise_diff(diff)
    data, metric_note = _page_data(G, size_by=size_by, max_nodes=max_nodes, diff=diff)
    meta = data["meta"]

    notes = []
    if max_nodes is not None and meta["shown_nodes"] < meta["total_nodes"]:
        notes.append(("graphx-note-max-nodes",
                      f"Showing only the {meta['shown_nodes']} most central of {meta['total_nodes']} "
                      f"entities (by {meta['metric_used']}, max_nodes={max_nodes}) and the "
                      f"{meta['shown_edges']} of {meta['total_edges']} relations among them."))
    if metric_note:
        notes.append(("graphx-note-metric", metric_note))
    if diff is not None:
        notes.append(("graphx-note-diff", "Diff view: new entities and relations glow green, relations "
                      "whose evidence count changed glow orange; removed ones are listed under 'Changes'."))

    page_title = title or "graphx: who does what to whom in the news"
    js = _asset("page.js")
    vis_js = _vis_js()
    csp = ("default-src 'none'; script-src " + _sha256(vis_js) + " " + _sha256(js)
           + "; style-src 'unsafe-inline'; img-src 'none'; connect-src 'none'; font-src 'none'; "
           "object-src 'none'; media-src 'none'; frame-src 'none'; worker-src 'none'; "
           "base-uri 'none'; form-action 'none'")
    document = Template(_asset("page.html")).substitute(
        csp=html.escape(csp, quote=True),
        title=html_text(page_title),
        provenance=html_text(_provenance(G)),
        notes="".join(f'<p class="graphx-note" id="{nid}">{html_text(text)}</p>'
                      for nid, text in notes),
        css=_asset("page.css"),
        data=script_json(data),
        vis_js=vis_js,
        page_js=js,
    )
    return document
