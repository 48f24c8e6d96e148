"""Relation rules on hand-built German sentences (written for the tests, not taken from the seeds)."""
from docs import make_doc, relations_of

NOM, ACC, DAT, GEN = "Case=Nom", "Case=Acc", "Case=Dat", "Case=Gen"


def test_accuses_with_dative_object_and_separable_particle():
    doc = make_doc([
        ("Frankreich", "Frankreich", "PROPN", "nsubj", 1, NOM),
        ("wirft", "werfen", "VERB", "ROOT", 1),
        ("Iran", "Iran", "PROPN", "iobj", 1, DAT),
        ("Spionage", "Spionage", "NOUN", "obj", 1, ACC),
        ("vor", "vor", "ADP", "compound:prt", 1),
        (".", ".", "PUNCT", "punct", 1),
    ], ents=[(0, 1, "LOC"), (2, 3, "LOC")])
    rels = relations_of(doc)
    assert ("Frankreich", "accuses", "Iran") in rels
    evidence = rels[("Frankreich", "accuses", "Iran")]["evidence"]
    assert evidence["sentence"] == doc.text and evidence["start"] == 0 and evidence["end"] == len(doc.text)
    assert evidence["status"] == "stated"


def test_passive_supply_with_derived_adjective_as_source():
    # "Iranische Drohnen wurden nach Russland geliefert."
    doc = make_doc([
        ("Iranische", "iranisch", "ADJ", "amod", 1, NOM),
        ("Drohnen", "Drohne", "NOUN", "nsubj:pass", 5, NOM),
        ("wurden", "werden", "AUX", "aux:pass", 5),
        ("nach", "nach", "ADP", "case", 4),
        ("Russland", "Russland", "PROPN", "obl", 5, DAT),
        ("geliefert", "liefern", "VERB", "ROOT", 5),
        (".", ".", "PUNCT", "punct", 5),
    ], ents=[(0, 1, "LOCderiv"), (4, 5, "LOC")])
    assert ("Iran", "supplies", "Russland") in relations_of(doc)


def test_coordinated_subjects_each_deny():
    # "Sowohl Teheran als auch Damaskus weisen die Berichte zurück."
    doc = make_doc([
        ("Sowohl", "sowohl", "CCONJ", "cc", 1),
        ("Teheran", "Teheran", "PROPN", "nsubj", 5),
        ("als", "als", "CCONJ", "cc", 4),
        ("auch", "auch", "ADV", "advmod", 4),
        ("Damaskus", "Damaskus", "PROPN", "conj", 1),
        ("weisen", "weisen", "VERB", "ROOT", 5),
        ("die", "der", "DET", "det", 7),
        ("Berichte", "Bericht", "NOUN", "obj", 5, ACC),
        ("über", "über", "ADP", "case", 9),
        ("Israel", "Israel", "PROPN", "nmod", 7),
        ("zurück", "zurück", "ADP", "compound:prt", 5),
        (".", ".", "PUNCT", "punct", 5),
    ], ents=[(1, 2, "LOC"), (4, 5, "LOC"), (9, 10, "LOC")])
    rels = relations_of(doc)
    assert ("Iran", "denies", "Israel") in rels
    assert ("Syrien", "denies", "Israel") in rels


def test_treaty_between_two_parties_is_symmetric_once():
    # "Ein Abkommen zwischen Kanada und Mexiko wurde unterzeichnet."
    doc = make_doc([
        ("Ein", "ein", "DET", "det", 1),
        ("Abkommen", "Abkommen", "NOUN", "nsubj:pass", 7),
        ("zwischen", "zwischen", "ADP", "case", 3),
        ("Kanada", "Kanada", "PROPN", "nmod", 1),
        ("und", "und", "CCONJ", "cc", 5),
        ("Mexiko", "Mexiko", "PROPN", "conj", 3),
        ("wurde", "werden", "AUX", "aux:pass", 7),
        ("unterzeichnet", "unterzeichnen", "VERB", "ROOT", 7),
        (".", ".", "PUNCT", "punct", 7),
    ], ents=[(3, 4, "LOC"), (5, 6, "LOC")])
    rels = relations_of(doc)
    treaty = [k for k in rels if k[1] == "signed_treaty_with"]
    assert treaty and set(treaty[0][::2]) == {"Kanada", "Mexiko"}


def test_leader_of_from_adjective_title_and_name():
    # "Der polnische Präsident Andrzej Duda reiste ab."
    doc = make_doc([
        ("Der", "der", "DET", "det", 2),
        ("polnische", "polnisch", "ADJ", "amod", 2),
        ("Präsident", "Präsident", "NOUN", "nsubj", 5),
        ("Andrzej", "Andrzej", "PROPN", "appos", 2),
        ("Duda", "Duda", "PROPN", "flat:name", 3),
        ("reiste", "reisen", "VERB", "ROOT", 5),
        ("ab", "ab", "ADP", "compound:prt", 5),
        (".", ".", "PUNCT", "punct", 5),
    ], ents=[(1, 2, "LOCderiv"), (3, 5, "PER")])
    assert ("Andrzej Duda", "leader_of", "Polen") in relations_of(doc)


def test_member_of_from_hyphen_compound_title():
    # "EU-Sprecherin Anna Berg bestätigte das."
    doc = make_doc([
        ("EU-Sprecherin", "EU-Sprecherin", "NOUN", "nsubj", 3),
        ("Anna", "Anna", "PROPN", "appos", 0),
        ("Berg", "Berg", "PROPN", "flat:name", 1),
        ("bestätigte", "bestätigen", "VERB", "ROOT", 3),
        ("das", "der", "PRON", "obj", 3),
        (".", ".", "PUNCT", "punct", 3),
    ], ents=[(1, 3, "PER")])
    assert ("Anna Berg", "member_of", "EU") in relations_of(doc)


def test_negated_cue_yields_nothing():
    # "Japan liefert keine Waffen an die Ukraine."  /  "Japan liefert nicht an die Ukraine."
    doc = make_doc([
        ("Japan", "Japan", "PROPN", "nsubj", 1, NOM),
        ("liefert", "liefern", "VERB", "ROOT", 1),
        ("nicht", "nicht", "PART", "advmod", 1),
        ("an", "an", "ADP", "case", 5),
        ("die", "der", "DET", "det", 5),
        ("Ukraine", "Ukraine", "PROPN", "obl", 1),
        (".", ".", "PUNCT", "punct", 1),
    ], ents=[(0, 1, "LOC"), (5, 6, "LOC")])
    assert not [k for k in relations_of(doc) if k[1] == "supplies"]


def test_nicht_nur_is_not_a_negation():
    doc = make_doc([
        ("Japan", "Japan", "PROPN", "nsubj", 1, NOM),
        ("liefert", "liefern", "VERB", "ROOT", 1),
        ("nicht", "nicht", "PART", "advmod", 1),
        ("nur", "nur", "ADV", "advmod", 1),
        ("an", "an", "ADP", "case", 6),
        ("die", "der", "DET", "det", 6),
        ("Ukraine", "Ukraine", "PROPN", "obl", 1),
        (".", ".", "PUNCT", "punct", 1),
    ], ents=[(0, 1, "LOC"), (6, 7, "LOC")])
    assert ("Japan", "supplies", "Ukraine") in relations_of(doc)


def test_question_yields_nothing():
    doc = make_doc([
        ("Greift", "greifen", "VERB", "ROOT", 0),
        ("China", "China", "PROPN", "nsubj", 0, NOM),
        ("Taiwan", "Taiwan", "PROPN", "obj", 0, ACC),
        ("an", "an", "ADP", "compound:prt", 0),
        ("?", "?", "PUNCT", "punct", 0),
    ], ents=[(1, 2, "LOC"), (2, 3, "LOC")])
    assert relations_of(doc) == {}


def test_according_to_marks_attribution_and_alleged():
    # "Laut Reuters greift China Taiwan an."
    doc = make_doc([
        ("Laut", "laut", "ADP", "case", 1),
        ("Reuters", "Reuters", "PROPN", "obl", 2),
        ("greift", "greifen", "VERB", "ROOT", 2),
        ("China", "China", "PROPN", "nsubj", 2, NOM),
        ("Taiwan", "Taiwan", "PROPN", "obj", 2, ACC),
        ("an", "an", "ADP", "compound:prt", 2),
        (".", ".", "PUNCT", "punct", 2),
    ], ents=[(1, 2, "ORG"), (3, 4, "LOC"), (4, 5, "LOC")])
    rel = relations_of(doc)[("China", "attacks", "Taiwan")]
    assert rel["evidence"]["attribution"] == "Reuters"
    assert rel["evidence"]["status"] == "alleged"


def test_noun_cue_with_possessive_source_and_pp_target():
    # "Merz' Besuch in Polen" -> meets; "der russische Angriff auf Georgien" -> attacks
    doc = make_doc([
        ("Der", "der", "DET", "det", 2),
        ("russische", "russisch", "ADJ", "amod", 2),
        ("Angriff", "Angriff", "NOUN", "nsubj", 5),
        ("auf", "auf", "ADP", "case", 4),
        ("Georgien", "Georgien", "PROPN", "nmod", 2),
        ("begann", "beginnen", "VERB", "ROOT", 5),
        (".", ".", "PUNCT", "punct", 5),
    ], ents=[(1, 2, "LOCderiv"), (4, 5, "LOC")])
    assert ("Russland", "attacks", "Georgien") in relations_of(doc)


def test_summons_target_is_state_of_the_envoy():
    # "Das Auswärtige Amt bestellte den iranischen Botschafter ein."
    doc = make_doc([
        ("Das", "der", "DET", "det", 2),
        ("Auswärtige", "auswärtig", "ADJ", "amod", 2),
        ("Amt", "Amt", "NOUN", "nsubj", 3),
        ("bestellte", "bestellen", "VERB", "ROOT", 3),
        ("den", "der", "DET", "det", 6),
        ("iranischen", "iranisch", "ADJ", "amod", 6),
        ("Botschafter", "Botschafter", "NOUN", "obj", 3, ACC),
        ("ein", "ein", "ADP", "compound:prt", 3),
        (".", ".", "PUNCT", "punct", 3),
    ], ents=[(1, 3, "ORG"), (5, 6, "LOCderiv")])
    assert ("Auswärtiges Amt", "summons", "Iran") in relations_of(doc)
