"""The diff stage: two graphs -> a plain dict of what changed between them.

`diff_graphs(old, new)` returns

- ``nodes_added`` / ``nodes_removed``: sorted entity ids;
- ``edges_added`` / ``edges_removed``: sorted ``[source, target, relation]`` lists;
- ``edges_changed``: edges in both graphs whose evidence changed, as
  ``{source, target, relation, old_weight, new_weight, evidence_added, evidence_removed}``;
- ``nodes_changed``: entities in both whose type changed or that gained/lost aliases or articles;
- ``rank_moves``: entities with an edge in both graphs whose PageRank rank moved, largest move first
  (``{entity, old_rank, new_rank, move}``; ``move`` > 0 means it climbed; moves of 2+ places),
  at most `top_moves`;
- ``articles_added`` / ``articles_removed`` / ``articles_changed``: from the graphs' ``articles``
  attribute (name + content hash);
- ``summary``: the counts of all the above.

`diff_graphs(G, G)` has every list empty. The dict is what `graphx.render.render_html(G, diff=...)`
takes to highlight what is new.
"""
from __future__ import annotations

from graphx.graph import evidence_key

LIST_KEYS = ("nodes_added", "nodes_removed", "edges_added", "edges_removed", "edges_changed",
             "nodes_changed", "rank_moves", "articles_added", "articles_removed", "articles_changed")


def diff_graphs(old, new, *, top_moves: int = 10, rank_metric: str = "pagerank") -> dict:
    """What changed from `old` to `new` (two graphx MultiDiGraphs)."""
    old_nodes, new_nodes = set(old.nodes), set(new.nodes)
    old_edges = {(u, v, k) for u, v, k in old.edges(keys=True)}
    new_edges = {(u, v, k) for u, v, k in new.edges(keys=True)}
    edges_changed = []
    for u, v, k in sorted(old_edges & new_edges):
        a, b = old.edges[u, v, k], new.edges[u, v, k]
        old_ev = {_ev_key(e) for e in a.get("evidence", [])}
        new_ev = {_ev_key(e) for e in b.get("evidence", [])}
        if old_ev != new_ev or a.get("weight") != b.get("weight"):
            edges_changed.append({"source": u, "target": v, "relation": k,
                                  "old_weight": a.get("weight", len(old_ev)),
                                  "new_weight": b.get("weight", len(new_ev)),
                                  "evidence_added": len(new_ev - old_ev),
                                  "evidence_removed": len(old_ev - new_ev)})
    nodes_changed = []
    for n in sorted(old_nodes & new_nodes):
        a, b = old.nodes[n], new.nodes[n]
        change = {}
        if a.get("type") != b.get("type"):
            change["old_type"], change["new_type"] = a.get("type"), b.get("type")
        for attr in ("aliases", "articles"):
            before, after = set(a.get(attr) or ()), set(b.get(attr) or ())
            if before != after:
                change[f"{attr}_added"] = sorted(after - before)
                change[f"{attr}_removed"] = sorted(before - after)
        if change:
            nodes_changed.append({"entity": n, **change})
    old_articles = _articles(old)
    new_articles = _articles(new)
    result = {
        "nodes_added": sorted(new_nodes - old_nodes),
        "nodes_removed": sorted(old_nodes - new_nodes),
        "edges_added": [list(e) for e in sorted(new_edges - old_edges)],
        "edges_removed": [list(e) for e in sorted(old_edges - new_edges)],
        "edges_changed": edges_changed,
        "nodes_changed": nodes_changed,
        "rank_moves": rank_moves(old, new, top=top_moves, metric=rank_metric),
        "articles_added": sorted(set(new_articles) - set(old_articles)),
        "articles_removed": sorted(set(old_articles) - set(new_articles)),
        "articles_changed": sorted(n for n in set(old_articles) & set(new_articles)
                                   if old_articles[n] != new_articles[n]),
    }
    result["summary"] = {key: len(result[key]) for key in LIST_KEYS}
    return result


def is_empty(diff: dict) -> bool:
    return not any(diff.get(key) for key in LIST_KEYS)


def rank_moves(old, new, *, top: int | None = 10, metric: str = "pagerank", min_move: int = 2) -> list[dict]:
    """Entities with an edge in both graphs whose centrality rank (1 = most central, among entities
    with an edge) moved by `min_move` or more, biggest move first (a move of one place mostly means
    another entity passed by; entities without edges only drift with the graph's size)."""
    from graphx.analytics import ranks

    old, new = (G.subgraph([n for n, degree in G.degree() if degree]) for G in (old, new))
    if not old.number_of_nodes() or not new.number_of_nodes():
        return []
    old_rank, new_rank = ranks(old, metric), ranks(new, metric)
    moves = [{"entity": n, "old_rank": old_rank[n], "new_rank": new_rank[n],
              "move": old_rank[n] - new_rank[n]}
             for n in old_rank.keys() & new_rank.keys() if abs(old_rank[n] - new_rank[n]) >= min_move]
    moves.sort(key=lambda m: (-abs(m["move"]), m["new_rank"], m["entity"]))
    return moves[:top] if top is not None else moves


def _ev_key(evidence) -> tuple:
    if isinstance(evidence, dict):
        return evidence_key(evidence) + (evidence.get("sentence", ""),)
    return (str(evidence),)


def _articles(G) -> dict:
    found = {}
    for item in G.graph.get("articles") or []:
        if isinstance(item, dict) and "name" in item:
            found[item["name"]] = item.get("sha256", "")
    return found
