"""diff_graphs: empty for equal graphs, exactly one article's contributions after adding it."""
from graphx_samples import ent, graph_of, new_article_result, rel, result, seed_results
from hypothesis import given, settings
from test_store import article_results

from graphx.diff import LIST_KEYS, diff_graphs, is_empty


def test_diff_of_a_graph_with_itself_is_empty():
    G = graph_of(seed_results())
    d = diff_graphs(G, G)
    assert is_empty(d)
    assert all(d[key] == [] for key in LIST_KEYS)
    assert all(v == 0 for v in d["summary"].values())


@settings(max_examples=30, deadline=None)
@given(results=article_results())
def test_diff_with_itself_is_empty_for_any_graph(results):
    G = graph_of(results)
    assert is_empty(diff_graphs(G, G))
    assert is_empty(diff_graphs(G, graph_of(list(reversed(results)))))   # order of articles is irrelevant


def test_adding_one_article_shows_exactly_its_contributions():
    old, new = graph_of(seed_results()), graph_of(seed_results() + [new_article_result()])
    d = diff_graphs(old, new)
    assert d["articles_added"] == ["004_d.txt"] and d["articles_removed"] == []
    assert d["nodes_added"] == ["Iran"] and d["nodes_removed"] == []
    assert d["edges_added"] == [["Iran", "Russland", "supplies"]] and d["edges_removed"] == []
    assert d["edges_changed"] == [{"source": "Wolodymyr Selenskyj", "target": "Nordkorea", "relation": "accuses",
                                   "old_weight": 2, "new_weight": 3, "evidence_added": 1, "evidence_removed": 0}]
    assert {c["entity"] for c in d["nodes_changed"]} == {"Russland", "Wolodymyr Selenskyj", "Nordkorea"}
    assert all(c["articles_added"] == ["004_d.txt"] for c in d["nodes_changed"])


def test_removing_an_article_is_the_mirror_image():
    old, new = graph_of(seed_results() + [new_article_result()]), graph_of(seed_results())
    d = diff_graphs(old, new)
    assert d["nodes_removed"] == ["Iran"] and d["edges_removed"] == [["Iran", "Russland", "supplies"]]
    assert d["edges_changed"][0]["old_weight"] == 3 and d["edges_changed"][0]["new_weight"] == 2
    assert d["articles_removed"] == ["004_d.txt"] and d["nodes_added"] == [] and d["edges_added"] == []


def test_rank_moves_report_entities_that_climbed():
    base = seed_results()
    # five new articles in which everybody supports Kim Jong Un: he climbs the PageRank ranking
    extra = [result(f"01{i}_k.txt", [ent(n, "STATE"), ent("Kim Jong Un", "PERSON")],
                    [rel(n, "Kim Jong Un", "supports", f"01{i}_k.txt", f"{n} unterstützt Kim.", 0)])
             for i, n in enumerate(["Russland", "Nordkorea", "NATO", "Wladimir Putin", "Wolodymyr Selenskyj"])]
    d = diff_graphs(graph_of(base), graph_of(base + extra))
    kim = [m for m in d["rank_moves"] if m["entity"] == "Kim Jong Un"]
    assert kim and kim[0]["new_rank"] == 1 and kim[0]["move"] == kim[0]["old_rank"] - 1 > 0
    assert d["rank_moves"][0]["entity"] == "Kim Jong Un"        # the largest move comes first
    assert len(diff_graphs(graph_of(base), graph_of(base + extra), top_moves=1)["rank_moves"]) == 1


def test_diff_is_what_the_renderer_accepts():
    from graphx.render import normalise_diff
    d = diff_graphs(graph_of(seed_results()), graph_of(seed_results() + [new_article_result()]))
    norm = normalise_diff(d)
    assert norm["nodes_added"] == ["Iran"] and norm["edges_changed"][0]["new_weight"] == 3


def test_rank_moves_only_for_entities_with_an_edge():
    lonely = [result(f"02{i}_x.txt", [ent(name, "PERSON")], []) for i, name in enumerate(["Anna Alt", "Bert Bau", "Cora Chr"])]
    names = ["Iran", "China", "Indien", "Brasilien", "Kuba", "Chile"]
    busy = [result(f"03{i}_y.txt", [ent(n, "STATE"), ent("Russland", "STATE")],
                   [rel(n, "Russland", "supports", f"03{i}_y.txt", f"{n} unterstützt Russland.", 0),
                    rel("Russland", n, "supports", f"03{i}_y.txt", f"Russland unterstützt {n}.", 40)])
            for i, n in enumerate(names)]
    old, new = graph_of(seed_results() + lonely), graph_of(seed_results() + lonely + busy)
    moves = diff_graphs(old, new, top_moves=None)["rank_moves"]
    assert moves and not {"Anna Alt", "Bert Bau", "Cora Chr"} & {m["entity"] for m in moves}
