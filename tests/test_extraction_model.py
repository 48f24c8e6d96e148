"""Integration: graphx's own model + the rules on a short article written for the test (not a seed)."""
from pathlib import Path

import pytest

from graphx.extract import Extractor
from graphx.reader import Article

TEXT = """Polen wirft Belarus vor, Migranten gezielt an die Grenze zu schleusen. Die belarussische Regierung weist die Vorwürfe zurück.
Der polnische Ministerpräsident Donald Tusk traf am Montag in Warschau den französischen Präsidenten Emmanuel Macron.
Nach Angaben des Verteidigungsministeriums in Kiew hat Russland in der Nacht erneut die Ukraine mit Drohnen angegriffen.
Die EU verhängte neue Sanktionen gegen Iran, weil Teheran Drohnen an Russland liefert.
Deutschland bestellte den iranischen Botschafter ein.
"""


@pytest.fixture(scope="module")
def result():
    article = Article(name="test.txt", path=Path("test.txt"), text=TEXT)
    return next(Extractor().extract_many([article]))[1]


def test_relations_of_every_kind_on_an_unseen_article(result):
    found = {(r["source"], r["relation"], r["target"]) for r in result["relations"]}
    expected = {("Polen", "accuses", "Belarus"), ("Belarus", "denies", "Polen"),
                ("Donald Tusk", "meets", "Emmanuel Macron"), ("Donald Tusk", "leader_of", "Polen"),
                ("Emmanuel Macron", "leader_of", "Frankreich"), ("Russland", "attacks", "Ukraine"),
                ("EU", "sanctions", "Iran"), ("Iran", "supplies", "Russland"), ("Deutschland", "summons", "Iran")}
    assert expected <= found
    assert not any(r[0] == r[2] for r in found)


def test_evidence_offsets_quote_the_article_and_attribution_is_kept(result):
    for relation in result["relations"]:
        evidence = relation["evidence"]
        assert TEXT[evidence["start"]:evidence["end"]] == evidence["sentence"]
    attack = next(r for r in result["relations"] if r["relation"] == "attacks")
    assert attack["evidence"]["status"] == "alleged" and attack["evidence"]["attribution"]
