"""The organisation and state gazetteers (graphx/lexicons/organizations.tsv, states.tsv): entries load, and
names in sentences written for the test become mentions of the canonical entity."""
import pytest
import spacy

from graphx.lexicon import load, name_variants
from graphx.mentions import find_mentions
from graphx.resolve import resolve_article

NLP = spacy.blank("de")


def entities(text, ents=()):
    """{canonical name: type} found in `text` (tokenised without a model; `ents`: NER spans as
    (surface, label) pairs the test pretends the NER found)."""
    doc = NLP(text)
    spans = []
    for surface, label in ents:
        start = text.index(surface)
        spans.append(doc.char_span(start, start + len(surface), label=label))
    doc.ents = spans
    mentions = find_mentions(doc)
    resolved = resolve_article(mentions, doc.text)
    return {name: resolved["entities"][name]["type"] for name in resolved["names"]}


def test_adjectives_in_names_take_every_ending():
    assert "Europäischen Gerichtshof für Menschenrechte" in name_variants("Europäischer Gerichtshof für Menschenrechte")
    assert "Freien Demokratischen Partei" in name_variants("Freie Demokratische Partei")
    assert "Neuen Zürcher Zeitung" in name_variants("Neue Zürcher Zeitung")
    assert name_variants("Frankfurter Rundschau") == ["Frankfurter Rundschau"]    # a place adjective stays
    assert name_variants("Organisation für das Verbot chemischer Waffen") == \
        ["Organisation für das Verbot chemischer Waffen"]


@pytest.mark.parametrize("form, state", [
    ("Volksrepublik China", "China"), ("VAE", "Vereinigte Arabische Emirate"),
    ("Vereinigten Arabischen Emiraten", "Vereinigte Arabische Emirate"), ("Russischen Föderation", "Russland"),
    ("Republik Österreich", "Österreich"), ("Islamischen Republik Iran", "Iran"), ("DR Kongo", "Demokratische Republik Kongo"),
    ("Vereinigten Königreichs", "Großbritannien"), ("Mazedonien", "Nordmazedonien"), ("Elfenbeinküste", "Côte d’Ivoire"),
    ("Bosnien-Herzegowina", "Bosnien und Herzegowina"), ("Tschechoslowakei", "Tschechoslowakei"),
])
def test_official_names_and_abbreviations_of_states(form, state):
    assert load().state_of(form) == state


def test_no_placeholder_territory_is_a_state():
    assert "Unbekannte Region" not in load().state_names
    assert load().state_of("Sark") is None


def test_full_state_names_in_a_sentence_are_the_state():
    found = entities("Die Delegation der Volksrepublik China traf Vertreter der Russischen Föderation und der VAE.")
    assert found == {"China": "STATE", "Russland": "STATE", "Vereinigte Arabische Emirate": "STATE"}
