"""The organisation and state gazetteers (graphx/lexicons/organizations.tsv, states.tsv): entries load, and
names in sentences written for the test become mentions of the canonical entity."""
import pytest
import spacy
from spacy.tokens import Doc

from graphx.lexicon import fold, load, name_variants, rows
from graphx.mentions import find_mentions
from graphx.resolve import resolve_article

NLP = spacy.blank("de")


def entities(text, ents=()):
    """{canonical name: type} found in `text` (tokenised without a model; `ents`: NER spans as
    (surface, label) pairs the test pretends the NER found)."""
    words = [token.text for token in NLP(text)]
    doc = Doc(NLP.vocab, words=words, spaces=[token.whitespace_ == " " for token in NLP(text)],
              heads=list(range(len(words))), deps=["ROOT"] * len(words))        # no parse: every token a root
    spans = []
    for surface, label in ents:
        start = text.index(surface)
        spans.append(doc.char_span(start, start + len(surface), label=label))
    doc.ents = spans
    mentions = find_mentions(doc)
    resolved = resolve_article(mentions, doc.text)
    return {name: resolved["entities"][name]["type"] for name in resolved["names"]}


def test_adjectives_and_the_head_of_a_name_inflect():
    court = set(name_variants("Europäischer Gerichtshof für Menschenrechte"))
    assert {"Europäischen Gerichtshof für Menschenrechte", "Europäischen Gerichtshofs für Menschenrechte"} <= court
    assert "Freien Demokratischen Partei" in name_variants("Freie Demokratische Partei")
    assert "Neuen Zürcher Zeitung" in name_variants("Neue Zürcher Zeitung")
    assert name_variants("Frankfurter Rundschau") == ["Frankfurter Rundschau"]    # a place adjective stays
    assert "Ministeriums für Staatssicherheit" in name_variants("Ministerium für Staatssicherheit")
    # only the words before the linker inflect: "Roten Kreuz" stays
    assert all(v.endswith("vom Roten Kreuz") for v in name_variants("Internationales Komitee vom Roten Kreuz"))


@pytest.mark.parametrize("form, state", [
    ("Volksrepublik China", "China"), ("VAE", "Vereinigte Arabische Emirate"),
    ("Vereinigten Arabischen Emiraten", "Vereinigte Arabische Emirate"), ("Russischen Föderation", "Russland"),
    ("Republik Österreich", "Österreich"), ("Islamischen Republik Iran", "Iran"),
    ("DR Kongo", "Demokratische Republik Kongo"), ("Vereinigten Königreichs", "Großbritannien"),
    ("Mazedonien", "Nordmazedonien"), ("Elfenbeinküste", "Côte d’Ivoire"),
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


# ------------------------------------------------------------------ organisations


def test_every_row_loads_with_a_known_parent_state_and_no_form_names_two_organisations():
    lex = load()
    owner = {}
    for row in rows("organizations.tsv"):
        assert len(row) in (2, 3) and row[0] and row[1], row
        if len(row) == 3:
            assert row[2] in lex.state_names, row
        for form in row[1].split("|"):
            assert owner.setdefault(fold(form), row[0]) == row[0], form
            assert fold(form) not in lex.states, form
    assert len(owner) > 800


@pytest.mark.parametrize("form, canonical", [
    ("UNO-Vollversammlung", "UNO-Vollversammlung"), ("Uno-Vollversammlung", "UNO-Vollversammlung"),
    ("Menschenrechtsrates", "UNO-Menschenrechtsrat"), ("OPCW", "Organisation für das Verbot chemischer Waffen"),
    ("Vereinten Nationen", "UNO"), ("Internationalen Währungsfonds", "IWF"), ("Europarats", "Europarat"),
    ("Europäischen Gerichtshofes", "Europäischer Gerichtshof"),
    ("EGMR", "Europäischer Gerichtshof für Menschenrechte"),
    ("Grünen", "Die Grünen"), ("Linkspartei", "Die Linke"), ("UK Independence Party", "Ukip"),
    ("Republikanische Volkspartei", "CHP"), ("Recht und Gerechtigkeit", None), ("Islamischen Staates", "IS"),
    ("Hizbollah", "Hisbollah"), ("Al-Qaida", "al-Kaida"), ("Deutschen Presse-Agentur", "dpa"),
    ("Bundesamtes für Verfassungsschutz", "Bundesamt für Verfassungsschutz"), ("STANDARD", "Der Standard"),
    ("Anadolu", "Anadolu"), ("ORFs", "ORF"), ("Googles", "Google"),
])
def test_forms_and_their_inflections_name_the_canonical_organisation(form, canonical):
    assert load().org_of(form) == canonical


@pytest.mark.parametrize("word", ["Zeit", "Welt", "Bild", "Bildes", "Standard", "Standards", "Presse", "Linke",
                                  "Union", "Kurier", "Is", "ISS", "AUS", "Grünes", "Efe", "Isis"])
def test_ordinary_words_and_names_are_no_organisation(word):
    assert load().org_of(word) is None


def test_state_bodies_name_their_state():
    parent = load().org_parent
    assert parent["Auswärtiges Amt"] == "Deutschland" and parent["Pentagon"] == "USA"
    assert parent["US-Außenministerium"] == "USA" and parent["Bundesheer"] == "Österreich"
    assert parent["SBU"] == "Ukraine" and parent["Revolutionsgarden"] == "Iran"
    assert "CDU" not in parent and "Hamas" not in parent        # a party or a militant group is no state body


def test_organisations_in_sentences_without_the_ner():
    found = entities("Die Organisation für das Verbot chemischer Waffen und der Europarat widersprachen der "
                     "Uno-Vollversammlung, meldete Anadolu.")
    assert found == {"Organisation für das Verbot chemischer Waffen": "ORG", "Europarat": "ORG",
                     "UNO-Vollversammlung": "ORG", "Anadolu": "ORG"}
    found = entities("Laut einem Urteil des Europäischen Gerichtshofs für Menschenrechte muss die CHP zahlen, "
                     "sagte ein Sprecher der Grünen dem STANDARD.")
    assert found == {"Europäischer Gerichtshof für Menschenrechte": "ORG", "CHP": "ORG", "Die Grünen": "ORG",
                     "Der Standard": "ORG"}
    assert entities("Die Taliban und der Islamische Staat griffen an, berichtete die Deutsche Presse-Agentur.") \
        == {"Taliban": "ORG", "IS": "ORG", "dpa": "ORG"}


def test_ordinary_words_in_sentences_stay_words():
    assert entities("Das Bild zeigt, dass die Zeit drängt. Grünes Licht gab es nach neuen Standards.") == {}
    assert entities("Die Welt schaute zu, wie die Presse warten musste.") == {}


def test_a_span_the_ner_tagged_resolves_to_the_canonical_name():
    found = entities("Am Sitz des Europäischen Gerichtshofes wartete die Linkspartei.",
                     ents=[("Europäischen Gerichtshofes", "ORG"), ("Linkspartei", "ORG")])
    assert found == {"Europäischer Gerichtshof": "ORG", "Die Linke": "ORG"}
