"""supplies, sanctions, attacks past weak parses (frames.py, clause.py, arguments.py) on hand-built
Docs; sentences written for the tests."""
from docs import doc_from, make_doc, relations_of

from graphx.extract import lemmatizer
from graphx.lexicon import word_forms


def labels(rels, label):
    return {(s, t) for s, r, t in rels if r == label}


def test_a_haben_hung_on_another_word_still_makes_a_perfect_not_a_passive():
    # "hat" under the mistagged "leichte", the object as nsubj:pass: no "werden", so no passive
    doc = doc_from("""
        Chile Chile PROPN nsubj 1 Nom
        hat haben AUX aux 5
        Peru Peru PROPN obj 1 Acc
        im in ADP case 4
        Herbst Herbst NOUN obl 7 Dat
        leichte leichen VERB aux 7
        Panzer Panzer NOUN nsubj:pass 7 Acc
        geliefert liefern VERB ROOT 7
        . . PUNCT punct 7
    """)
    assert labels(relations_of(doc), "supplies") == {("Chile", "Peru")}


def test_a_finite_verb_tagged_as_adjective_is_read_as_its_verb():
    doc = doc_from("""
        Kanada Kanada NOUN nsubj 1 Nom
        schickt schicken ADJ ROOT 1
        200 200 NUM nummod 3
        Soldaten Soldat NOUN obl 1 Dat
        nach nach ADP case 5
        Lettland Lettland PROPN obl 1 Dat
        . . PUNCT punct 1
    """)
    assert labels(relations_of(doc), "supplies") == {("Kanada", "Lettland")}


def test_an_attributive_participle_is_no_mistagged_verb():
    # "die geschickten Soldaten": an adjective, no verb of its own
    doc = doc_from("""
        Die der DET det 2 Nom
        geschickten schicken ADJ amod 2 Nom
        Soldaten Soldat NOUN nsubj 3 Nom
        erreichten erreichen VERB ROOT 3
        Lettland Lettland PROPN obj 3 Acc
        . . PUNCT punct 3
    """)
    assert labels(relations_of(doc), "supplies") == set()


def test_a_genitive_name_right_after_a_noun_cue_is_its_source():
    doc = doc_from("""
        Die der DET det 1 Nom
        Munitionslieferungen Munitionslieferung NOUN nsubj 6 Nom
        Chiles Chile NOUN appos 1 Acc
        an an ADP case 4
        Peru Peru PROPN nmod 2 Dat
        haben haben AUX aux 6
        zugenommen zunehmen VERB ROOT 6
        . . PUNCT punct 6
    """)
    assert labels(relations_of(doc), "supplies") == {("Chile", "Peru")}


def test_an_attack_on_targets_in_a_state_attacks_that_state():
    doc = doc_from("""
        Die der DET det 2 Nom
        chilenische chilenisch ADJ amod 2 Nom
        Luftwaffe Luftwaffe NOUN nsubj 4 Nom
        flog fliegen ADJ advmod 4
        Angriffe Angriff NOUN ROOT 4 Nom
        auf auf ADP case 6
        Ziele Ziel NOUN obl 4 Acc
        in in ADP case 8
        Peru Peru NOUN nmod 6 Dat
        . . PUNCT punct 4
    """)
    assert labels(relations_of(doc), "attacks") == {("Chile", "Peru")}


def test_a_relative_clause_whose_pronoun_is_the_object_has_its_own_subject():
    rows = [("Die", "der", "DET", "det", 1, "Case=Nom"),
            ("Panzer", "Panzer", "NOUN", "nsubj", 11, "Case=Nom|Number=Plur"),
            (",", ",", "PUNCT", "punct", 7, ""),
            ("die", "der", "PRON", "det", 4, "Case=Nom|Number=Plur"),
            ("Chile", "Chile", "PROPN", "obj", 7, "Case=Acc"),
            ("an", "an", "ADP", "case", 6, ""),
            ("Peru", "Peru", "NOUN", "obl", 7, "Case=Acc"),
            ("geliefert", "liefern", "VERB", "acl:relcl", 1, "VerbForm=Part"),
            ("hat", "haben", "AUX", "aux", 7, "Number=Sing|Person=3"),
            (",", ",", "PUNCT", "punct", 1, ""),
            ("sind", "sein", "AUX", "cop", 11, "Number=Plur|Person=3"),
            ("veraltet", "veraltet", "ADJ", "ROOT", 11, ""),
            (".", ".", "PUNCT", "punct", 11, "")]
    assert labels(relations_of(make_doc(rows)), "supplies") == {("Chile", "Peru")}


def test_sanctions_against_an_unnamed_junta_hit_the_one_other_state_named():
    doc = doc_from("""
        Wegen wegen ADP case 2
        der der DET det 2 Gen
        Gewalt Gewalt NOUN obl 5 Gen
        in in ADP case 4
        Peru Peru PROPN nmod 2 Dat
        verschärfte verschärfen VERB ROOT 5
        Chile Chile PROPN nsubj 5 Nom
        die der DET det 8 Acc
        Sanktionen Sanktion NOUN obj 5 Acc
        gegen gegen ADP case 11
        die der DET det 11 Acc
        Junta Junta NOUN nmod 8 Acc
        . . PUNCT punct 5
    """)
    assert labels(relations_of(doc), "sanctions") == {("Chile", "Peru")}


def test_a_second_conjunct_hung_elsewhere_is_still_inside_the_phrase():
    doc = doc_from("""
        Chile Chile PROPN nsubj 1 Nom
        verhängte verhängen VERB ROOT 1
        Sanktionen Sanktion NOUN obj 1 Acc
        gegen gegen ADP case 4
        Peru Peru PROPN nmod 2 Acc
        und und CCONJ cc 6
        Bolivien Bolivien PROPN conj 1 Nom
        . . PUNCT punct 1
    """)
    assert labels(relations_of(doc), "sanctions") == {("Chile", "Peru"), ("Chile", "Bolivien")}


def test_possible_sanctions_are_not_imposed():
    def sanctions(opening):
        return labels(relations_of(doc_from(opening + """
            chilenische chilenisch ADJ amod 2 Nom
            Sanktionen Sanktion NOUN nsubj 5 Nom
            gegen gegen ADP case 4
            Peru Peru PROPN nmod 2 Acc
            belasten belasten VERB ROOT 5
            die der DET det 7 Acc
            Börse Börse NOUN obj 5 Acc
            . . PUNCT punct 5
        """)), "sanctions")
    assert sanctions("Mögliche möglich ADJ amod 2 Nom") == set()
    assert sanctions("Die der DET det 2 Nom") == {("Chile", "Peru")}


def test_wuerde_in_case_of_something_is_hypothetical():
    doc = doc_from("""
        Chile Chile PROPN nsubj 8 Nom
        würde werden AUX aux 8
        Peru Peru PROPN obj 8 Acc
        im in ADP case 4
        Falle Fall NOUN obl 8 Dat
        eines ein DET det 6 Gen
        Angriffs Angriff NOUN nmod 4 Gen
        sofort sofort ADV advmod 8
        angreifen angreifen VERB ROOT 8
        . . PUNCT punct 8
    """)
    assert labels(relations_of(doc), "attacks") == set()


def test_lemmas_the_lookup_table_spells_otherwise():
    if not word_forms():
        return      # no spacy-lookups-data: the fallback has nothing to look in
    lemma = lemmatizer()
    doc = doc_from("""
        Chile Chile PROPN nsubj 1 Nom
        beschloss beschloss VERB ROOT 1
        griff griff ADJ amod 3
        griffen griffen VERB conj 1
    """)
    assert [lemma(t) for t in doc[1:]] == ["beschließen", "greifen", "greifen"]


def test_a_name_after_und_behind_a_pp_belongs_to_the_pp_not_to_the_noun():
    # "Waffen für Peru und Bolivien" with "Bolivien" hung on "Waffen" as its conjunct
    doc = doc_from("""
        Chile Chile PROPN nsubj 1 Nom
        verkauft verkaufen VERB ROOT 1
        Waffen Waffe NOUN obj 1 Acc
        für für ADP case 4
        Peru Peru PROPN nmod 2 Acc
        und und CCONJ cc 6
        Bolivien Bolivien PROPN conj 2 Acc
        . . PUNCT punct 1
    """)
    from graphx.mentions import find_mentions
    from graphx.relations import RelationFinder
    from graphx.resolve import resolve_article
    mentions = find_mentions(doc)
    finder = RelationFinder(doc, mentions, resolve_article(mentions, doc.text)["names"], "test.txt")
    assert finder.conjuncts(doc[2]) == [doc[2]]
    assert finder.conjuncts(doc[4]) == [doc[4]]


def test_every_person_after_a_plural_role_noun_is_an_object():
    # "sanktioniert die Minister Ana Soto und Juan Ruiz" with "Juan Ruiz" hung on "Soto"
    doc = doc_from("""
        Chile Chile PROPN nsubj 1 Nom
        sanktioniert sanktionieren VERB ROOT 1
        die der DET det 3 Acc
        Minister Minister NOUN obj 1 Acc
        Ana Ana PROPN appos 3 Acc
        Soto Soto PROPN flat 4 Acc
        und und CCONJ cc 7
        Juan Juan PROPN conj 5 Acc
        Ruiz Ruiz PROPN flat 7 Acc
        . . PUNCT punct 1
    """, ents=[(4, 6, "PER"), (7, 9, "PER")])
    assert labels(relations_of(doc), "sanctions") == {("Chile", "Ana Soto"), ("Chile", "Juan Ruiz")}
