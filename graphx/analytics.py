"""Questions to the graph: centrality, entity lookup, neighbours, paths, communities.

Functions take a graphx MultiDiGraph (see docs/architecture.md) and return plain dicts and lists.
Entity names are resolved with `find_entity` (any alias, case-insensitive; unknown names raise
`graphx.errors.EntityNotFound` with "did you mean" suggestions).
"""
from __future__ import annotations

import difflib
import unicodedata

import networkx as nx

from graphx.errors import AmbiguousEntity, EntityNotFound, InputError

METRICS = ("degree", "in-degree", "out-degree", "pagerank", "betweenness", "eigenvector", "closeness")
BETWEENNESS_SAMPLE = 500      # above this many nodes betweenness is estimated from a fixed sample


# ---------------------------------------------------------------------------------------------
# centrality


def filter_relation(G, relation: str | None):
    """The subgraph of edges with this relation label (and the nodes they touch); G itself for None."""
    if relation is None:
        return G
    known = {k for _, _, k in G.edges(keys=True)}
    if relation not in known:
        hint = difflib.get_close_matches(relation, sorted(known), n=3)
        raise InputError(f"no edges with relation {relation!r}"
                         + (f"; did you mean {', '.join(map(repr, hint))}?" if hint else
                            f" (the graph has: {', '.join(sorted(known)) or 'no edges'})"))
    return G.edge_subgraph([(u, v, k) for u, v, k in G.edges(keys=True) if k == relation])


def simple_digraph(G) -> nx.DiGraph:
    """Collapse parallel relation edges; an edge's weight is the sum of their evidence counts."""
    D = nx.DiGraph()
    D.add_nodes_from(G.nodes)
    for u, v, data in G.edges(data=True):
        w = data.get("weight", 1) or 1
        if D.has_edge(u, v):
            D[u][v]["weight"] += w
        else:
            D.add_edge(u, v, weight=w)
    return D


def scores(G, metric: str = "pagerank") -> dict:
    """{node: score} for one of METRICS.

    degree/in-degree/out-degree count relation edges (parallel relations count separately);
    pagerank is weighted by evidence counts; betweenness is directed (sampled with a fixed seed above
    BETWEENNESS_SAMPLE nodes); eigenvector and closeness use the undirected graph, since a news graph's
    direction (who accuses whom) rarely forms the cycles those measures need.
    """
    if metric not in METRICS:
        raise InputError(f"unknown centrality metric {metric!r}; choose one of {', '.join(METRICS)}")
    if G.number_of_nodes() == 0:
        return {}
    if metric == "degree":
        return dict(G.degree())
    if metric == "in-degree":
        return dict(G.in_degree())
    if metric == "out-degree":
        return dict(G.out_degree())
    D = simple_digraph(G)
    if metric == "pagerank":
        return nx.pagerank(D, weight="weight")
    if metric == "betweenness":
        k = BETWEENNESS_SAMPLE if D.number_of_nodes() > BETWEENNESS_SAMPLE else None
        return nx.betweenness_centrality(D, k=k, seed=0 if k else None)
    U = D.to_undirected()
    if metric == "closeness":
        return nx.closeness_centrality(U)
    try:
        return nx.eigenvector_centrality(U, max_iter=1000, tol=1e-06, weight="weight")
    except nx.PowerIterationFailedConvergence:
        return nx.eigenvector_centrality_numpy(U, weight="weight")


def ranks(G, metric: str = "pagerank") -> dict:
    """{node: rank} with 1 = most central; equal scores share a rank (1, 2, 2, 4)."""
    values = {n: round(s, 12) for n, s in scores(G, metric).items()}
    ordered = sorted(values, key=lambda n: (-values[n], n))
    result, previous, rank = {}, None, 0
    for position, node in enumerate(ordered, 1):
        if values[node] != previous:
            rank, previous = position, values[node]
        result[node] = rank
    return result


def centrality(G, metric: str = "pagerank", top: int | None = None, type: str | None = None,
               relation: str | None = None) -> list[dict]:
    """Entities by centrality, most central first: [{rank, entity, type, score}].

    relation: compute on the edges with this label only; type: list only entities of this type
    (ranks stay those among all entities); top: the first N of the list.
    """
    H = filter_relation(G, relation)
    values = scores(H, metric)
    ordered = sorted(values, key=lambda n: (-values[n], n))
    rows, previous, rank = [], None, 0
    for position, node in enumerate(ordered, 1):
        if round(values[node], 12) != previous:
            rank, previous = position, round(values[node], 12)
        node_type = G.nodes[node].get("type")
        if type is not None and str(node_type).upper() != type.upper():
            continue
        rows.append({"rank": rank, "entity": node, "type": node_type, "score": values[node]})
        if top is not None and len(rows) >= top:
            break
    return rows


# ---------------------------------------------------------------------------------------------
# entities


def normalize_name(name: str) -> str:
    return " ".join(unicodedata.normalize("NFC", str(name)).casefold().split())


def name_index(G) -> dict:
    """{normalised alias: sorted node ids carrying it} over ids, labels and aliases."""
    index = {}
    for node, data in G.nodes(data=True):
        names = {node, data.get("label") or node, *(data.get("aliases") or ())}
        for name in names:
            index.setdefault(normalize_name(name), set()).add(node)
    return {k: sorted(v) for k, v in index.items()}


def find_entity(G, name: str) -> str:
    """The node id for `name` (its id or any alias, case-insensitive).

    Raises EntityNotFound with up to five suggestions (close spellings, names containing the query),
    or AmbiguousEntity when an alias belongs to several entities.
    """
    if name in G:
        return name
    key = normalize_name(name)
    index = name_index(G)
    nodes = index.get(key)
    if nodes:
        exact = [n for n in nodes if normalize_name(n) == key]
        if len(exact) == 1 or len(nodes) == 1:
            return exact[0] if len(exact) == 1 else nodes[0]
        raise AmbiguousEntity(name, nodes)
    raise EntityNotFound(name, suggest(G, name, index=index))


def suggest(G, name: str, n: int = 5, index: dict | None = None) -> list[str]:
    index = index if index is not None else name_index(G)
    key = normalize_name(name)
    found = []
    for alias in difflib.get_close_matches(key, list(index), n=n * 2, cutoff=0.6):
        found.extend(index[alias])
    if key:
        words = set(key.split())
        for alias, nodes in index.items():
            if key in alias or words & set(alias.split()):
                found.extend(nodes)
    return list(dict.fromkeys(found))[:n]


def entity_info(G, name: str) -> dict:
    """Everything about one entity: type, aliases, articles, mentions and every edge with evidence."""
    node = find_entity(G, name)
    data = G.nodes[node]
    edges = []
    for u, v, k, d in G.out_edges(node, keys=True, data=True):
        edges.append(_edge_row(u, v, k, d, direction="out"))
    for u, v, k, d in G.in_edges(node, keys=True, data=True):
        edges.append(_edge_row(u, v, k, d, direction="in"))
    edges.sort(key=lambda e: (-e["weight"], e["relation"], e["source"], e["target"]))
    return {"entity": node, "type": data.get("type"), "aliases": list(data.get("aliases") or []),
            "articles": list(data.get("articles") or []), "mentions": data.get("mentions", 0),
            "degree": G.degree(node), "edges": edges}


def _edge_row(u, v, k, d, *, direction=None, evidence=True) -> dict:
    row = {"source": u, "target": v, "relation": d.get("relation", k), "weight": d.get("weight", 0)}
    if direction:
        row["direction"] = direction
    if evidence:
        row["evidence"] = list(d.get("evidence") or [])
    return row


def neighbors(G, name: str, relation: str | None = None) -> list[dict]:
    """Entities linked to `name`: [{entity, type, relation, direction ('out'|'in'), weight}]."""
    node = find_entity(G, name)
    rows = []
    for u, v, k, d in G.out_edges(node, keys=True, data=True):
        if relation is None or k == relation:
            rows.append({"entity": v, "type": G.nodes[v].get("type"), "relation": k, "direction": "out",
                         "weight": d.get("weight", 0)})
    for u, v, k, d in G.in_edges(node, keys=True, data=True):
        if relation is None or k == relation:
            rows.append({"entity": u, "type": G.nodes[u].get("type"), "relation": k, "direction": "in",
                         "weight": d.get("weight", 0)})
    rows.sort(key=lambda r: (-r["weight"], r["entity"], r["relation"], r["direction"]))
    return rows


def shortest_path(G, source: str, target: str, *, directed: bool = False,
                  relation: str | None = None) -> dict:
    """The shortest path between two entities with the evidence for each hop.

    Returns {source, target, length, nodes, hops}; each hop is {from, to, edges: [{source, target,
    relation, weight, evidence}]} (every relation between the two, in either direction unless
    `directed`). No path: nodes and hops are empty and length is None. The same entity twice: a
    path of length 0 (nodes [it], no hops).
    """
    a, b = find_entity(G, source), find_entity(G, target)
    if a == b:
        return {"source": a, "target": b, "length": 0, "nodes": [a], "hops": []}
    H = filter_relation(G, relation) if relation else G
    if a not in H or b not in H:
        return {"source": a, "target": b, "length": None, "nodes": [], "hops": []}
    view = H if directed else H.to_undirected(as_view=True)
    try:
        nodes = nx.shortest_path(view, a, b)
    except nx.NetworkXNoPath:
        return {"source": a, "target": b, "length": None, "nodes": [], "hops": []}
    hops = []
    for u, v in zip(nodes, nodes[1:]):
        edges = [_edge_row(u, v, k, d) for k, d in H.get_edge_data(u, v, default={}).items()]
        if not directed:
            edges += [_edge_row(v, u, k, d) for k, d in H.get_edge_data(v, u, default={}).items()]
        edges.sort(key=lambda e: (-e["weight"], e["relation"]))
        hops.append({"from": u, "to": v, "edges": edges})
    return {"source": a, "target": b, "length": len(nodes) - 1, "nodes": nodes, "hops": hops}


def communities(G, *, resolution: float = 1.0, seed: int = 0, relation: str | None = None) -> list[dict]:
    """Louvain communities (networkx) of the undirected, evidence-weighted graph, largest first.

    [{id, size, members (most connected first), types ({type: count})}]; `seed` makes it repeatable.
    """
    H = filter_relation(G, relation)
    if H.number_of_nodes() == 0:
        return []
    U = simple_digraph(H).to_undirected()
    found = nx.community.louvain_communities(U, weight="weight", resolution=resolution, seed=seed)
    degree = dict(U.degree(weight="weight"))
    rows = []
    for members in found:
        ordered = sorted(members, key=lambda n: (-degree[n], n))
        types = {}
        for n in ordered:
            t = G.nodes[n].get("type")
            types[t] = types.get(t, 0) + 1
        rows.append({"size": len(ordered), "members": ordered, "types": dict(sorted(types.items()))})
    rows.sort(key=lambda r: (-r["size"], r["members"][0]))
    for i, row in enumerate(rows, 1):
        row["id"] = i
    return [{"id": r["id"], "size": r["size"], "members": r["members"], "types": r["types"]} for r in rows]
