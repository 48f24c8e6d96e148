"""Entity types and the common-noun filter on NER spans: type nouns before a name or in an apposition
after it, given names opening spans the NER took for places, role spans, possessive genitives, compounds
of ordinary nouns tagged as places. Hand-built Docs, sentences written here."""
from test_entities import doc_of, found as typed

from graphx.graph import build_graph
from graphx.lexicon import load
from graphx.mentions import find_mentions, place_like


def test_a_type_noun_before_a_name_decides_its_type():
    assert load().noun_type("Rechtsschutzversicherung") == "ORG" and load().noun_type("Oligarchen") == "PERSON"
    doc = doc_of("Die/DET Versicherung/NOUN Zurkan/PROPN zahlt/VERB dem/DET Oligarchen/NOUN Pawel/PROPN "
                 "Obrenko/PROPN nichts/PRON ./PUNCT", ents=[(2, 3, "LOC"), (5, 7, "ORG")])
    assert ("Zurkan", "ORG", "Zurkan") in typed(doc)
    assert ("Pawel Obrenko", "PERSON", "Pawel Obrenko") in typed(doc)


def test_an_apposition_with_a_party_noun_makes_an_organisation():
    doc = doc_of("Zwei/NUM Stimmen/NOUN kamen/VERB von/ADP Ulmo/PROPN ,/PUNCT der/DET kleinen/ADJ "
                 "Regionalpartei/NOUN ./PUNCT", ents=[(4, 5, "PER")])
    assert ("Ulmo", "ORG", "Ulmo") in typed(doc)


def test_a_given_name_opens_a_person_the_ner_took_for_a_place():
    doc = doc_of("Den/DET Kommissar/NOUN spielt/VERB Jonas/PROPN Trelkow/PROPN ./PUNCT", ents=[(3, 5, "LOC")])
    assert ("Jonas Trelkow", "PERSON", "Jonas Trelkow") in typed(doc)


def test_a_role_tagged_as_organisation_is_no_name_and_a_genitive_leaves_the_key():
    doc = doc_of("Der/DET Linzer/PROPN Bischof/NOUN lobte/VERB Anna/PROPN Brendlers/PROPN neues/ADJ Buch/NOUN ./PUNCT",
                 ents=[(1, 3, "ORG"), (4, 6, "PER")])
    found = typed(doc)
    assert not any(etype == "ORG" for _, etype, _ in found)
    assert ("Anna Brendlers", "PERSON", "Anna Brendler") in found


def test_compounds_of_ordinary_nouns_tagged_as_places_are_dropped_place_names_stay():
    doc = doc_of("Die/DET Metallbranche/PROPN wuchs/VERB in/ADP Klosterneuburg/PROPN und/CCONJ am/ADP "
                 "Heldenplatz/PROPN ./PUNCT", ents=[(1, 2, "LOC"), (4, 5, "LOC"), (7, 8, "LOC")])
    assert {surface for surface, _, _ in typed(doc)} == {"Klosterneuburg", "Heldenplatz"}
    lex = load()
    assert place_like("Simmering", lex) and not place_like("Arbeitsflüchtlingen", lex)


def test_a_node_first_named_by_a_relation_takes_the_type_of_its_entity():
    relation = {"source": "Zentralbank", "target": "Atlantis", "relation": "member_of",
                "evidence": {"article": "a.txt", "start": 0, "end": 5, "sentence": "x"}}
    results = [{"article": "a.txt", "entities": [{"name": "Zentralbank", "type": "ORG", "aliases": [], "mentions": 1}],
                "relations": [relation]},
               {"article": "b.txt", "entities": [{"name": "Atlantis", "type": "STATE", "aliases": [], "mentions": 1}],
                "relations": []}]
    assert build_graph(results).nodes["Atlantis"]["type"] == "STATE"


def test_a_dateline_place_a_firm_form_and_a_quoted_title_after_a_type_noun():
    doc = doc_of("Torgau/PROPN –/PUNCT Die/DET Firma/NOUN gehört/VERB Lena/PROPN Holm/PROPN Media/PROPN ,/PUNCT "
                 "sagte/VERB die/DET Zeitschrift/NOUN „/PUNCT Quarzblick/PROPN “/PUNCT ./PUNCT",
                 ents=[(0, 1, "ORG"), (5, 8, "PER"), (13, 14, "PER")])
    found = typed(doc)
    assert ("Torgau", "LOCATION", "Torgau") in found
    assert ("Lena Holm Media", "ORG", "Lena Holm Media") in found
    assert ("Quarzblick", "ORG", "Quarzblick") in found


def test_abbreviations_of_no_entity_but_an_organisation_s_acronym_in_brackets_stays():
    doc = doc_of("Das/DET Bruttoinlandsprodukt/NOUN (/PUNCT BIP/PROPN )/PUNCT stieg/VERB ,/PUNCT sagte/VERB die/DET "
                 "Prüfungskommission/NOUN (/PUNCT KI/PROPN )/PUNCT ./PUNCT",
                 ents=[(3, 4, "ORG"), (11, 12, "ORG")])
    assert {surface for surface, _, _ in typed(doc)} & {"BIP", "KI"} == {"KI"}


def test_a_place_adjective_with_ordinary_nouns_is_no_place():
    doc = doc_of("Sie/PRON kauften/VERB Linzer/ADJ Bergkäse/PROPN beim/ADP Grazer/ADJ Händler/NOUN ./PUNCT",
                 ents=[(2, 4, "LOC"), (5, 6, "LOC")])
    assert typed(doc) == set()


def test_a_slash_splits_places_and_an_honorific_with_a_role_names_no_one():
    doc = doc_of("Vösendorf/PROPN //PUNCT Graz/PROPN –/PUNCT Sehr/ADV geehrter/ADJ Herr/NOUN Bundeskanzler/NOUN ,/PUNCT "
                 "als/CCONJ Minister/NOUN Furore/PROPN machen/VERB ./PUNCT", ents=[(0, 3, "LOC"), (7, 8, "PER")])
    assert {surface for surface, _, _ in typed(doc)} == {"Vösendorf", "Graz"}


def test_a_firm_a_type_noun_names_keeps_apart_from_the_person_of_the_same_name():
    from graphx.mentions import add_article_names
    from graphx.resolve import resolve_article
    doc = doc_of("Die/DET Drogeriekette/NOUN Brenzler/PROPN klagt/VERB gegen/ADP Otto/PROPN Brenzler/PROPN ./PUNCT",
                 ents=[(2, 3, "PER"), (5, 7, "PER")])
    mentions = add_article_names(doc, find_mentions(doc), ["Otto Brenzler"])
    entities = resolve_article(mentions, doc.text)["entities"]
    assert entities["Brenzler"]["type"] == "ORG" and entities["Otto Brenzler"]["type"] == "PERSON"


def test_works_and_substances_after_their_noun_and_a_list_after_a_plural_type_noun():
    doc = doc_of("Sie/PRON zeigten/VERB die/DET Sujets/NOUN Morlo/PROPN ,/PUNCT Tanvik/PROPN und/CCONJ Ebbe/PROPN "
                 "und/CCONJ das/DET Schlafmittel/NOUN Dormitan/PROPN in/ADP den/DET Bezirken/NOUN Ardu/PROPN und/CCONJ "
                 "Belkis/PROPN ./PUNCT",
                 ents=[(4, 5, "PER"), (6, 7, "PER"), (8, 9, "PER"), (12, 13, "LOC"), (16, 17, "LOC"), (18, 19, "PER")])
    doc[3].set_morph("Number=Plur")
    doc[15].set_morph("Number=Plur")
    assert typed(doc) == {("Ardu", "LOCATION", "Ardu"), ("Belkis", "LOCATION", "Belkis")}


def test_ordinary_nouns_at_the_edges_of_a_name_and_an_acronym_after_its_organisation():
    doc = doc_of("Er/PRON brachte/VERB aus/ADP Kairo/PROPN Aufträge/NOUN mit/ADP ,/PUNCT im/ADP Problemviertel/NOUN "
                 "Tarnow-Ost/PROPN fragte/VERB die/DET Bauernkammer/NOUN Tirol/PROPN (/PUNCT BKT/PROPN )/PUNCT ./PUNCT",
                 ents=[(3, 5, "LOC"), (8, 10, "ORG"), (12, 14, "ORG"), (15, 16, "LOC")])
    found = typed(doc)
    assert ("Kairo", "LOCATION", "Kairo") in found and ("Tarnow-Ost", "LOCATION", "Tarnow-Ost") in found
    assert ("BKT", "ORG", "BKT") in found


def test_a_name_in_brackets_after_a_role_is_its_actor():
    doc = doc_of("Kommissarin/NOUN Lisa/PROPN Brandt/PROPN (/PUNCT Ulvana/PROPN Trost/PROPN )/PUNCT ermittelt/VERB ./PUNCT",
                 ents=[(1, 3, "PER"), (4, 6, "LOC")])
    assert ("Ulvana Trost", "PERSON", "Ulvana Trost") in typed(doc)


def test_a_court_tagged_as_a_place_and_a_firm_after_a_role_at_it():
    doc = doc_of("Am/ADP Linzer/ADJ Landgericht/NOUN sagte/VERB die/DET Einkaufsleiterin/NOUN bei/ADP Vornberg/PROPN ,/PUNCT "
                 "es/PRON gehe/VERB ./PUNCT", ents=[(1, 3, "LOC"), (7, 8, "PER")])
    found = typed(doc)
    assert ("Linzer Landgericht", "ORG", "Linzer Landgericht") in found and ("Vornberg", "ORG", "Vornberg") in found
