"""Speech acts (accuses, criticizes, denies) on hand-built Docs; sentences written for the tests."""
from pathlib import Path


from docs import doc_from, make_doc, relations_of

ROOT = Path(__file__).resolve().parent.parent


def labelled(doc, label):
    return {(s, t) for (s, rel, t) in relations_of(doc) if rel == label}


def test_a_verdict_on_a_claim_in_reported_speech_is_a_denial():
    doc = doc_from("""
        Die der DET det 1 Nom
        Vorwürfe Vorwurf NOUN nsubj 4 Nom
        Perus Peru PROPN nmod 1 Gen
        seien sein AUX cop 4
        haltlos haltlos ADJ ccomp 6
        , , PUNCT punct 4
        sagte sagen VERB ROOT 6
        Chile Chile PROPN nsubj 6 Nom
        . . PUNCT punct 6
    """)
    assert labelled(doc, "denies") == {("Chile", "Peru")}


def verdict(word, negated=False):
    spec = f"""
        Die der DET det 1 Nom
        Politik Politik NOUN nsubj {4 + negated} Nom
        Perus Peru PROPN nmod 1 Gen
        sei sein AUX cop {4 + negated}
    """ + ("nicht nicht PART advmod 5\n" if negated else "") + f"""
        {word} {word} ADJ ROOT {4 + negated}
        , , PUNCT punct {7 + negated}
        so so ADV advmod {7 + negated}
        Chile Chile PROPN appos {4 + negated} Nom
        . . PUNCT punct {4 + negated}
    """
    return relations_of(doc_from("\n".join(line for line in spec.splitlines() if line.strip())))


def test_a_bad_verdict_with_so_x_is_criticism_unless_negated():
    assert ("Chile", "criticizes", "Peru") in verdict("illegal")
    assert not any(rel in ("criticizes", "denies") for _, rel, _ in verdict("illegal", negated=True))


def test_a_false_verdict_on_no_claim_is_nothing():
    assert not any(rel in ("criticizes", "denies") for _, rel, _ in verdict("haltlos"))


def test_der_right_after_a_cue_noun_is_a_genitive_even_when_the_parse_says_nominative():
    doc = doc_from("""
        Die der DET det 1 Nom
        Kritik Kritik NOUN nsubj 7 Nom
        der der DET det 4 Nom
        kanadischen kanadisch ADJ amod 4 Nom
        Regierung Regierung NOUN nmod 1 Nom
        an an ADP case 6
        Peru Peru PROPN nmod 1 Dat
        wächst wachsen VERB ROOT 7
        . . PUNCT punct 7
    """)
    assert ("Kanada", "Peru") in labelled(doc, "criticizes")


def test_an_object_the_parser_hung_on_the_adverb():
    doc = doc_from("""
        Chile Chile PROPN nsubj 6 Nom
        hat haben AUX aux 6
        das der DET det 3 Acc
        Vorgehen Vorgehen NOUN obj 5 Acc
        Perus Peru PROPN nmod 3 Gen
        scharf scharf ADJ obl:arg 6
        verurteilt verurteilen VERB ROOT 6
        . . PUNCT punct 6
    """)
    assert labelled(doc, "criticizes") == {("Chile", "Peru")}


def test_an_accusation_after_a_fronted_quoted_clause():
    doc = doc_from("""
        Peru Peru PROPN nsubj 1 Nom
        stecke stecken ADV ROOT 1
        dahinter dahinter ADV advmod 1
        , , PUNCT punct 4
        warf werfen VERB conj 1
        Chile Chile PROPN nsubj 4 Acc
        vor vor ADP compound:prt 4
        . . PUNCT punct 1
    """)
    assert labelled(doc, "accuses") == {("Chile", "Peru")}


def test_an_apposition_before_the_verb_is_no_quoted_clause():
    doc = doc_from("""
        Der der DET det 1 Nom
        Gesandte Gesandte NOUN nsubj 5 Nom
        , , PUNCT punct 3
        Peru Peru PROPN appos 1 Nom
        , , PUNCT punct 3
        beschuldigte beschuldigen VERB ROOT 5
        die der DET det 7 Acc
        Rebellen Rebell NOUN obj 5 Acc
        . . PUNCT punct 5
    """)
    assert not labelled(doc, "accuses")


def test_a_relative_clause_with_a_mistagged_verb_takes_its_antecedent_as_subject():
    # "Chile, der Peru Betrug vorwirft, reist ab": "vorwirft" tagged as an adverb, "Peru" as a conjunct
    doc = doc_from("""
        Chile Chile NOUN nsubj 5 Nom
        , , PUNCT punct 4
        der der PRON det 4 Nom
        Peru Peru NOUN compound 4
        Betrug Betrug NOUN conj 0 Dat
        vorwirft vorwirft ADV ROOT 5
        , , PUNCT punct 5
        reist reisen ADJ conj 5
        ab ab ADP compound:prt 7
        . . PUNCT punct 5
    """)
    assert labelled(doc, "accuses") == {("Chile", "Peru")}


def test_a_denied_claim_in_a_konjunktiv_clause_after_the_claim_noun():
    rows = [("Chile", "Chile", "PROPN", "nsubj", 1, "Case=Nom"),
            ("bestreitet", "bestreiten", "VERB", "ROOT", 1, ""),
            ("den", "der", "DET", "det", 3, "Case=Acc"),
            ("Vorwurf", "Vorwurf", "NOUN", "obj", 1, "Case=Acc"),
            (",", ",", "PUNCT", "punct", 6, ""),
            ("es", "es", "PRON", "nsubj", 6, "Case=Nom"),
            ("unterstütze", "unterstützen", "VERB", "conj", 1, "Mood=Sub"),
            ("Peru", "Peru", "PROPN", "obj", 6, "Case=Acc"),
            (".", ".", "PUNCT", "punct", 1, "")]
    assert labelled(make_doc(rows), "denies") == {("Chile", "Peru")}


def test_turning_people_back_at_a_border_is_no_denial():
    doc = doc_from("""
        Chile Chile PROPN nsubj 1 Nom
        weist weisen VERB ROOT 1
        Flüchtlinge Flüchtling NOUN obj 1 Acc
        an an ADP case 5
        der der DET det 5 Dat
        Grenze Grenze NOUN nmod 2 Dat
        zu zu ADP case 7
        Peru Peru PROPN nmod 5 Dat
        zurück zurück ADP compound:prt 1
        . . PUNCT punct 1
    """)
    assert not labelled(doc, "denies")


def test_criticism_received_comes_from_the_aus_phrase():
    doc = doc_from("""
        Chile Chile PROPN nsubj 1 Nom
        erntet ernten VERB ROOT 1
        Kritik Kritik NOUN obj 1 Acc
        aus aus ADP case 4
        Peru Peru PROPN nmod 2 Dat
        . . PUNCT punct 1
    """)
    assert labelled(doc, "criticizes") == {("Peru", "Chile")}


def test_a_speaker_does_not_criticize_the_body_the_sentence_makes_him_part_of():
    doc = doc_from("""
        Das der PRON nsubj 2 Nom
        sei sein AUX cop 2
        falsch falsch ADJ ccomp 4
        , , PUNCT punct 2
        kritisierte kritisieren VERB ROOT 4
        Juan Juan PROPN nsubj 4 Nom
        Soto Soto PROPN flat 5 Nom
        vom von ADP case 8
        ÖGB ÖGB PROPN nmod 5 Dat
        . . PUNCT punct 4
    """, ents=[(5, 7, "PER")])
    rels = relations_of(doc)
    assert ("Juan Soto", "member_of", "ÖGB") in rels
    assert ("Juan Soto", "criticizes", "ÖGB") not in rels


def test_the_clause_reader_reads_a_government_by_its_seat():
    # the parser made "die Regierung in Kabul" the subject of the infinitive
    doc = doc_from("""
        Chile Chile PROPN nsubj 1 Nom
        beschuldigte beschuldigen VERB ROOT 1
        die der DET det 3 Nom
        Regierung Regierung NOUN nsubj 8 Nom
        in in ADP case 5
        Kabul Kabul PROPN nmod 3 Dat
        , , PUNCT punct 7
        Waffen Waffe NOUN obj 8 Acc
        geliefert liefern VERB xcomp 1
        zu zu PART mark 10
        haben haben AUX aux 8
        . . PUNCT punct 1
    """)
    assert labelled(doc, "accuses") == {("Chile", "Afghanistan")}


def test_a_genitive_name_after_kritiker_is_the_target_not_the_critic():
    doc = doc_from("""
        Als als SCONJ case 1
        Kritiker Kritiker NOUN obl 3 Nom
        Sotos Soto PROPN appos 1 Gen
        gilt gelten VERB ROOT 3
        Ana Ana PROPN nsubj 3 Nom
        Ruiz Ruiz PROPN flat 4 Nom
        . . PUNCT punct 3
    """, ents=[(2, 3, "PER"), (4, 6, "PER")])
    critics = labelled(doc, "criticizes")
    assert len(critics) == 1 and next(iter(critics))[0] == "Ana Ruiz"


def test_a_bare_genitive_name_right_after_a_cue_noun_is_its_source():
    # the parser hung the cue noun on the name: "Die Anschuldigungen Chiles gegen Peru wurden bekannt"
    doc = doc_from("""
        Die der DET det 2 Nom
        Anschuldigungen Anschuldigung NOUN amod 2 Nom
        Chiles Chile PROPN nsubj 6 Acc
        gegen gegen ADP case 4
        Peru Peru PROPN nmod 2 Dat
        wurden werden AUX aux:pass 6
        bekannt bekannt ADJ ROOT 6
        . . PUNCT punct 6
    """)
    assert labelled(doc, "accuses") == {("Chile", "Peru")}


def test_criticism_owned_by_someone_else_is_not_the_subjects():
    doc = doc_from("""
        Chile Chile PROPN nsubj 1 Nom
        äußerte äußern VERB ROOT 1
        sich sich PRON obj 1 Acc
        trotz trotz ADP case 5
        der der DET det 5 Gen
        Kritik Kritik NOUN obl 1 Gen
        seines sein DET det 7 Gen
        Ministers Minister NOUN nmod 5 Gen
        an an ADP case 9
        Peru Peru PROPN nmod 5 Dat
        lobend lobend ADV advmod 1
        . . PUNCT punct 1
    """)
    assert not labelled(doc, "criticizes")

def test_a_particle_behind_a_relative_clause_and_its_dative_are_found():
    # the parser hung "vor" on the dative and the dative on the relative clause's verb
    doc = make_doc([
        ("Die", "der", "DET", "det", 1, "Case=Nom"),
        ("Zahlen", "Zahl", "NOUN", "nsubj", 4, "Case=Nom"),
        ("seien", "sein", "AUX", "cop", 3, "Mood=Sub|Person=3"),
        ("falsch", "falsch", "ADJ", "ccomp", 4, ""),
        ("warf", "werfen", "VERB", "ROOT", 4, "Mood=Ind|Person=3"),
        ("Chile", "Chile", "PROPN", "nsubj", 4, "Case=Nom"),
        (",", ",", "PUNCT", "punct", 12, ""),
        ("das", "der", "PRON", "nsubj", 12, "Case=Nom|PronType=Dem,Rel"),
        ("seit", "seit", "ADP", "case", 9, ""),
        ("Jahren", "Jahr", "NOUN", "obl", 12, "Case=Dat"),
        ("mit", "mit", "ADP", "case", 11, ""),
        ("Peru", "Peru", "PROPN", "obl", 12, "Case=Dat"),
        ("streitet", "streiten", "VERB", "acl:relcl", 5, "Mood=Ind|Person=3"),
        (",", ",", "PUNCT", "punct", 15, ""),
        ("der", "der", "DET", "det", 15, "Case=Gen"),
        ("EU", "EU", "PROPN", "dep", 12, "Case=Gen"),
        ("vor", "vor", "ADP", "case", 15, ""),
        (".", ".", "PUNCT", "punct", 4, ""),
    ])
    rels = relations_of(doc)
    assert ("Chile", "accuses", "EU") in rels
    assert ("Chile", "accuses", "Peru") not in rels


def test_a_fronted_accusation_noun_is_not_the_subject():
    doc = doc_from("""
        Schwere schwer ADJ amod 1 Nom
        Vorwürfe Vorwurf NOUN nsubj 4 Nom
        gegen gegen ADP case 3
        Peru Peru PROPN nmod 1 Acc
        erhebt erheben VERB ROOT 4
        Chile Chile PROPN nsubj 4 Nom
        . . PUNCT punct 4
    """)
    assert ("Chile", "accuses", "Peru") in relations_of(doc)


def test_the_clause_an_accusation_noun_opens_names_the_accused():
    doc = make_doc([
        ("Der", "der", "DET", "det", 1, "Case=Nom"),
        ("Vorwurf", "Vorwurf", "NOUN", "nsubj", 10, "Case=Nom"),
        ("Perus", "Peru", "PROPN", "nmod", 1, "Case=Gen"),
        (",", ",", "PUNCT", "punct", 7, ""),
        ("Chile", "Chile", "PROPN", "nsubj", 7, "Case=Nom"),
        ("habe", "haben", "AUX", "aux", 7, "Mood=Sub|Person=3"),
        ("Waffen", "Waffe", "NOUN", "obj", 7, "Case=Acc"),
        ("versteckt", "verstecken", "VERB", "acl", 1, ""),
        (",", ",", "PUNCT", "punct", 7, ""),
        ("erregt", "erregen", "VERB", "conj", 10, ""),
        ("Aufsehen", "Aufsehen", "NOUN", "ROOT", 10, "Case=Acc"),
        (".", ".", "PUNCT", "punct", 10, ""),
    ])
    assert ("Peru", "accuses", "Chile") in relations_of(doc)


def test_words_that_outrage_someone_are_criticised_by_them():
    stirred = doc_from("""
        Die der DET det 1 Nom
        Aussagen Aussage NOUN nsubj 5 Nom
        von von ADP case 3
        Lea Lea PROPN nmod 1 Dat
        Roth Roth PROPN flat 3 Dat
        empören empören VERB ROOT 5
        Chile Chile PROPN obj 5 Acc
        . . PUNCT punct 5
    """, ents=[(3, 5, "PER")])
    assert ("Chile", "criticizes", "Lea Roth") in relations_of(stirred)
    reflexive = doc_from("""
        Chile Chile PROPN nsubj 1 Nom
        empört empören VERB ROOT 1
        sich sich PRON obj 1 Acc
        über über ADP case 5
        die der DET det 5 Acc
        Aussagen Aussage NOUN obl 1 Acc
        von von ADP case 7
        Lea Lea PROPN nmod 5 Dat
        Roth Roth PROPN flat 7 Dat
        . . PUNCT punct 1
    """, ents=[(7, 9, "PER")])
    rels = relations_of(reflexive)
    assert ("Chile", "criticizes", "Lea Roth") in rels
    assert ("Lea Roth", "criticizes", "Chile") not in rels


def test_not_sparing_criticism_is_criticism():
    doc = doc_from("""
        Chile Chile PROPN nsubj 1 Nom
        sparte sparen VERB ROOT 1
        nicht nicht PART advmod 1
        mit mit ADP case 4
        Kritik Kritik NOUN obl 1 Dat
        an an ADP case 6
        Peru Peru PROPN nmod 4 Dat
        . . PUNCT punct 1
    """)
    assert ("Chile", "criticizes", "Peru") in relations_of(doc)


def test_a_denial_closing_its_clause_takes_the_claim_before_it():
    doc = doc_from("""
        Chile Chile PROPN nsubj 7 Nom
        hat haben AUX aux 7
        die der DET det 3 Acc
        Vorwürfe Vorwurf NOUN obj 6 Acc
        von von ADP case 5
        Peru Peru PROPN nmod 3 Dat
        vehement vehement VERB advmod 7
        abgestritten abstreiten VERB ROOT 7
        . . PUNCT punct 7
    """)
    assert ("Chile", "denies", "Peru") in relations_of(doc)


def test_a_dass_clause_hung_as_adverbial_is_the_denied_claim():
    doc = doc_from("""
        Chile Chile PROPN nsubj 1 Nom
        bestritt bestreiten VERB ROOT 1
        , , PUNCT punct 6
        dass dass SCONJ mark 6
        Peru Peru PROPN nsubj 6 Nom
        Waffen Waffe NOUN obj 6 Acc
        erhalten erhalten VERB advcl 1
        habe haben AUX aux 6
        . . PUNCT punct 1
    """)
    assert ("Chile", "denies", "Peru") in relations_of(doc)


def test_a_verdict_on_an_office_holder_judges_the_person_not_his_state():
    doc = doc_from("""
        Chile Chile PROPN nsubj 1 Nom
        nannte nennen VERB ROOT 1
        den der DET det 4 Acc
        peruanischen peruanisch ADJ amod 4 Acc
        Präsidenten Präsident NOUN obj 1 Acc
        Juan Juan PROPN appos 4 Acc
        Soto Soto PROPN flat 5 Acc
        einen ein DET det 8 Acc
        Diktator Diktator NOUN obj 1 Acc
        . . PUNCT punct 1
    """, ents=[(5, 7, "PER")])
    rels = relations_of(doc)
    assert ("Chile", "criticizes", "Juan Soto") in rels
    assert ("Chile", "criticizes", "Peru") not in rels


def test_a_verdict_does_not_judge_the_medium_it_was_spoken_in():
    doc = doc_from("""
        Chile Chile PROPN nsubj 1 Nom
        nannte nennen VERB ROOT 1
        Peru Peru PROPN obj 1 Acc
        in in ADP case 5
        einem ein DET det 5 Dat
        Interview Interview NOUN obl 1 Dat
        mit mit ADP case 8
        dem der DET det 8 Dat
        Sender Sender NOUN nmod 5 Dat
        Reuters Reuters PROPN appos 8 Dat
        einen ein DET det 11 Acc
        Lügner Lügner NOUN obj 1 Acc
        . . PUNCT punct 1
    """)
    rels = relations_of(doc)
    assert ("Chile", "criticizes", "Peru") in rels
    assert ("Chile", "criticizes", "Reuters") not in rels


def test_a_participle_hung_on_its_auxiliary_takes_the_auxiliarys_subject_and_object():
    # "hatte" parsed as the main verb, "bezeichnet" as its parataxis, "als eine Art X" as a subject
    doc = doc_from("""
        Chile Chile PROPN nsubj 1 Nom
        hatte haben VERB ROOT 1
        die der DET det 3 Acc
        Politik Politik NOUN obj 1 Acc
        Perus Peru PROPN nmod 3 Gen
        als als CCONJ cc 9
        eine ein DET det 7 Nom
        Art Art NOUN nsubj 9 Nom
        Skandal Skandal NOUN appos 7 Nom
        bezeichnet bezeichnen VERB parataxis 1
        . . PUNCT punct 1
    """)
    assert ("Chile", "criticizes", "Peru") in relations_of(doc)


def test_a_fronted_claim_parsed_as_the_subject_is_what_the_speaker_denies():
    doc = doc_from("""
        Die der DET det 1 Nom
        Berichte Bericht NOUN nsubj 3 Nom
        Perus Peru PROPN nmod 1 Gen
        dementierte dementieren VERB ROOT 3
        Chile Chile PROPN obj 3 Nom
        am an ADP case 6
        Abend Abend NOUN obl 3 Dat
        . . PUNCT punct 3
    """)
    rels = relations_of(doc)
    assert ("Chile", "denies", "Peru") in rels
    assert ("Peru", "denies", "Chile") not in rels
