"""Centrality, entity lookup, neighbours, paths and communities on a hand-built graph."""
import networkx as nx
import pytest
from graphx_samples import ent, graph_of, new_article_result, rel, result, seed_results

from graphx.analytics import (
    centrality,
    communities,
    entity_info,
    find_entity,
    neighbors,
    ranks,
    shortest_path,
)
from graphx.errors import AmbiguousEntity, EntityNotFound, InputError


@pytest.fixture
def G():
    return graph_of(seed_results() + [new_article_result()])


def test_degree_centrality_counts_relation_edges(G):
    rows = centrality(G, "degree")
    assert rows[0] == {"rank": 1, "entity": "Russland", "type": "STATE", "score": 4}
    assert {r["entity"]: r["score"] for r in rows} == dict(G.degree())
    assert [r["rank"] for r in rows] == sorted(r["rank"] for r in rows)


@pytest.mark.parametrize("metric", ["in-degree", "out-degree", "pagerank", "betweenness", "eigenvector",
                                    "closeness"])
def test_every_metric_scores_every_entity(G, metric):
    rows = centrality(G, metric)
    assert {r["entity"] for r in rows} == set(G.nodes)
    scores = [r["score"] for r in rows]
    assert scores == sorted(scores, reverse=True)


def test_in_degree_and_pagerank_put_the_most_targeted_entity_first(G):
    assert centrality(G, "in-degree", top=1)[0]["entity"] == "Russland"
    assert centrality(G, "pagerank", top=1)[0]["entity"] == "Russland"
    assert sum(r["score"] for r in centrality(G, "pagerank")) == pytest.approx(1.0)


def test_top_type_and_relation_filters(G):
    assert len(centrality(G, "degree", top=2)) == 2
    people = centrality(G, "degree", type="person")
    assert {r["entity"] for r in people} == {"Wolodymyr Selenskyj", "Wladimir Putin", "Kim Jong Un"}
    supplies = centrality(G, "in-degree", relation="supplies")
    assert {r["entity"] for r in supplies} == {"Russland", "Nordkorea", "Iran"}
    assert supplies[0] == {"rank": 1, "entity": "Russland", "type": "STATE", "score": 2}
    with pytest.raises(InputError, match="did you mean 'supplies'"):
        centrality(G, "degree", relation="supply")
    with pytest.raises(InputError, match="unknown centrality metric"):
        centrality(G, "fame")


def test_ties_share_a_rank():
    G = graph_of([result("a.txt", [ent("A", "ORG"), ent("B", "ORG"), ent("C", "ORG")],
                         [rel("A", "C", "supports", "a.txt", "x", 0), rel("B", "C", "supports", "a.txt", "y", 10)])])
    assert ranks(G, "in-degree") == {"C": 1, "A": 2, "B": 2}


def test_find_entity_by_any_alias_case_insensitive(G):
    assert find_entity(G, "Wolodymyr Selenskyj") == "Wolodymyr Selenskyj"
    assert find_entity(G, "selenskyjs") == "Wolodymyr Selenskyj"
    assert find_entity(G, "  PUTIN ") == "Wladimir Putin"
    assert find_entity(G, "nato") == "NATO"


def test_unknown_entity_suggests_close_names(G):
    with pytest.raises(EntityNotFound) as info:
        find_entity(G, "Selensky")
    assert "Wolodymyr Selenskyj" in info.value.suggestions
    assert "did you mean 'Wolodymyr Selenskyj'" in str(info.value)
    with pytest.raises(EntityNotFound) as info:
        find_entity(G, "Wladimir")                   # a part of a name
    assert info.value.suggestions == ["Wladimir Putin"]
    with pytest.raises(EntityNotFound) as info:
        find_entity(G, "Xyzzy")
    assert info.value.suggestions == [] and str(info.value) == "unknown entity 'Xyzzy'"


def test_an_alias_of_two_entities_is_ambiguous():
    G = graph_of([result("a.txt", [ent("Kim Jong Un", "PERSON", "Kim"), ent("Kim Yo Jong", "PERSON", "Kim")], [])])
    with pytest.raises(AmbiguousEntity, match="Kim Jong Un"):
        find_entity(G, "kim")


def test_entity_info_lists_every_edge_with_evidence(G):
    info = entity_info(G, "selenskyj")
    assert info["entity"] == "Wolodymyr Selenskyj" and info["type"] == "PERSON"
    assert "Selenskyjs" in info["aliases"]
    assert info["articles"] == ["001_a.txt", "003_c.txt", "004_d.txt"]
    assert [(e["source"], e["target"], e["relation"], e["weight"]) for e in info["edges"]] == [
        ("Wolodymyr Selenskyj", "Nordkorea", "accuses", 3)]
    assert [e["article"] for e in info["edges"][0]["evidence"]] == ["001_a.txt", "003_c.txt", "004_d.txt"]


def test_neighbors_both_directions_and_relation_filter(G):
    rows = neighbors(G, "Nordkorea")
    assert {(r["entity"], r["relation"], r["direction"]) for r in rows} == {
        ("Russland", "supplies", "out"), ("Wolodymyr Selenskyj", "accuses", "in")}
    assert rows[0]["entity"] == "Wolodymyr Selenskyj" and rows[0]["weight"] == 3   # strongest first
    assert [r["entity"] for r in neighbors(G, "nordkorea", relation="supplies")] == ["Russland"]


def test_shortest_path_carries_the_evidence_of_each_hop(G):
    p = shortest_path(G, "Iran", "Kim")
    assert p["nodes"] == ["Iran", "Russland", "Wladimir Putin", "Kim Jong Un"] and p["length"] == 3
    assert [h["edges"][0]["relation"] for h in p["hops"]] == ["supplies", "leader_of", "meets"]
    assert p["hops"][0]["edges"][0]["evidence"][0]["sentence"] == "Iran liefert Russland Drohnen."
    # directed: Iran -> Russland, but nothing leads from Russland onwards
    assert shortest_path(G, "Iran", "Kim", directed=True)["hops"] == []
    assert shortest_path(G, "Iran", "Russland", directed=True)["length"] == 1


def test_no_path_between_separate_components():
    G = graph_of([result("a.txt", [ent("A", "ORG"), ent("B", "ORG"), ent("C", "ORG"), ent("D", "ORG")],
                         [rel("A", "B", "supports", "a.txt", "x", 0), rel("C", "D", "supports", "a.txt", "y", 9)])])
    p = shortest_path(G, "a", "d")
    assert p["length"] is None and p["nodes"] == [] and p["hops"] == []


def test_communities_partition_the_graph_reproducibly():
    two_triangles = []
    for group, names in (("x", ["A", "B", "C"]), ("y", ["D", "E", "F"])):
        rels = [rel(a, b, "supports", f"{group}.txt", f"{a} {b}", i * 10)
                for i, (a, b) in enumerate([(names[0], names[1]), (names[1], names[2]), (names[2], names[0])])]
        two_triangles.append(result(f"{group}.txt", [ent(n, "ORG") for n in names], rels))
    two_triangles.append(result("z.txt", [ent("C", "ORG"), ent("D", "ORG")],
                                [rel("C", "D", "criticizes", "z.txt", "C D", 0)]))
    G = graph_of(two_triangles)
    found = communities(G)
    assert sorted(sorted(c["members"]) for c in found) == [["A", "B", "C"], ["D", "E", "F"]]
    assert [c["id"] for c in found] == [1, 2] and all(c["types"] == {"ORG": 3} for c in found)
    assert found == communities(G)
    assert communities(nx.MultiDiGraph()) == []
