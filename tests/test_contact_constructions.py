"""Meetings, support, treaties and summons on hand-built Docs (parses as the small model gives them);
sentences written for the tests."""
from docs import doc_from, make_doc, relations_of


def labels(doc, label):
    return {(s, t) for s, r, t in relations_of(doc) if r == label}


def test_getroffen_lemmatized_as_triefen_still_meets():
    doc = doc_from("""
        Lea Lea PROPN nsubj 5 Nom
        Roth Roth PROPN flat 0 Nom
        hat haben AUX aux 5
        Jan Jan PROPN obj 5 Acc
        Nowak Nowak PROPN flat 3 Acc
        getroffen triefen VERB ROOT 5
        . . PUNCT punct 5
    """, ents=[(0, 2, "PER"), (3, 5, "PER")])
    found = labels(doc, "meets")
    assert ("Lea Roth", "Jan Nowak") in found or ("Jan Nowak", "Lea Roth") in found


def test_a_finite_verb_tagged_as_adjective_at_the_root_is_still_a_cue():
    doc = doc_from("""
        Chile Chile PROPN nsubj 1 Nom
        empfängt empfangen ADJ ROOT 1
        den der DET det 3 Acc
        Minister Minister NOUN obj 1 Acc
        Jan Jan PROPN appos 3 Acc
        Nowak Nowak PROPN flat 4 Acc
        . . PUNCT punct 1
    """, ents=[(4, 6, "PER")])
    assert ("Jan Nowak", "Chile") in labels(doc, "meets")


def test_a_name_after_a_weekday_is_the_object_not_its_apposition():
    doc = doc_from("""
        Lea Lea PROPN nsubj 2 Nom
        Roth Roth PROPN flat 0 Nom
        besuchte besuchen VERB ROOT 2
        am an ADP case 4
        Dienstag Dienstag PROPN obl 2 Dat
        Peru Peru PROPN appos 4 Dat
        . . PUNCT punct 2
    """, ents=[(0, 2, "PER")])
    assert ("Lea Roth", "Peru") in labels(doc, "meets")


def test_an_intended_meeting_is_no_meeting():
    doc = doc_from("""
        Lea Lea PROPN nsubj 6 Nom
        Roth Roth PROPN flat 0 Nom
        will wollen AUX aux 6
        sich sich PRON obj 6 Acc
        mit mit ADP case 5
        Chile Chile PROPN obl 6 Dat
        treffen treffen VERB ROOT 6
        . . PUNCT punct 6
    """, ents=[(0, 2, "PER")])
    assert not labels(doc, "meets")


def test_the_passive_agents_of_a_treaty_verb_are_its_parties():
    doc = doc_from("""
        Ein ein DET det 1 Nom
        Abkommen Abkommen NOUN nsubj:pass 8 Nom
        wurde werden AUX aux:pass 8
        von von ADP case 5
        den der DET det 5 Dat
        USA USA PROPN obl 8 Dat
        und und CCONJ cc 7
        Peru Peru PROPN conj 5 Dat
        unterzeichnet unterzeichnen VERB ROOT 8
        . . PUNCT punct 8
    """)
    found = labels(doc, "signed_treaty_with")
    assert ("USA", "Peru") in found or ("Peru", "USA") in found


def test_a_meeting_noun_with_von_x_und_y_pairs_them():
    doc = doc_from("""
        Die der DET det 1 Nom
        Zusammenkunft Zusammenkunft NOUN nsubj 6 Nom
        von von ADP case 3
        Chile Chile PROPN nmod 1 Dat
        und und CCONJ cc 5
        Peru Peru PROPN conj 3 Dat
        dauerte dauern VERB ROOT 6
        . . PUNCT punct 6
    """)
    found = labels(doc, "meets")
    assert ("Chile", "Peru") in found or ("Peru", "Chile") in found


def test_a_treaty_still_under_negotiation_is_not_signed():
    doc = doc_from("""
        Die der DET det 1 Nom
        Verhandlungen Verhandlung NOUN nsubj 9 Nom
        über über ADP case 4
        ein ein DET det 4 Acc
        Abkommen Abkommen NOUN nmod 1 Acc
        zwischen zwischen ADP case 6
        Chile Chile PROPN nmod 4 Dat
        und und CCONJ cc 8
        Peru Peru PROPN conj 6 Dat
        scheiterten scheitern VERB ROOT 9
        . . PUNCT punct 9
    """)
    assert not labels(doc, "signed_treaty_with")
    assert labels(doc, "meets")          # the talks were held


def test_a_fronted_support_noun_taken_for_the_subject_names_the_receiver_by_the_object():
    doc = doc_from("""
        Rückendeckung Rückendeckung NOUN nsubj 1 Nom
        bekam bekommen VERB ROOT 1
        Chile Chile PROPN obj 1 Acc
        von von ADP case 4
        Peru Peru PROPN obl 1 Dat
        . . PUNCT punct 1
    """)
    assert ("Peru", "Chile") in labels(doc, "supports")


def test_support_one_cannot_count_on_is_no_support():
    doc = doc_from("""
        Chile Chile PROPN nsubj 7 Nom
        kann können AUX aux 7
        nicht nicht PART advmod 7
        mit mit ADP case 5
        der der DET det 5 Dat
        Unterstützung Unterstützung NOUN obl 7 Dat
        Perus Peru PROPN nmod 5 Gen
        rechnen rechnen VERB ROOT 7
        . . PUNCT punct 7
    """)
    assert not labels(doc, "supports")


def test_standing_at_or_taking_the_side_of_a_state():
    at_side = doc_from("""
        Chile Chile PROPN nsubj 1 Nom
        steht stehen VERB ROOT 1
        an an ADP case 4
        der der DET det 4 Dat
        Seite Seite NOUN obl 1 Dat
        Perus Peru PROPN nmod 4 Gen
        . . PUNCT punct 1
    """)
    assert ("Chile", "Peru") in labels(at_side, "supports")
    taking = doc_from("""
        Chile Chile PROPN nsubj 7 Nom
        hat haben AUX aux 7
        sich sich PRON obj 7 Acc
        auf auf ADP case 5
        die der DET det 5 Acc
        Seite Seite NOUN obl 7 Acc
        Perus Peru PROPN nmod 5 Gen
        gestellt stellen VERB ROOT 7
        . . PUNCT punct 7
    """)
    assert ("Chile", "Peru") in labels(taking, "supports")
    ranked = doc_from("""
        Chile Chile PROPN nsubj 1 Nom
        steht stehen VERB ROOT 1
        hinter hinter ADP case 3
        Peru Peru PROPN obl 1 Dat
        auf auf ADP case 6
        Platz Platz NOUN obl 1 Dat
        zwei zwei NUM nummod 5
        . . PUNCT punct 1
    """)
    assert not labels(ranked, "supports")


def test_acting_with_someones_support_and_having_their_backing():
    acting = doc_from("""
        Chile Chile PROPN nsubj 1 Nom
        flog fliegen VERB ROOT 1
        mit mit ADP case 3
        Unterstützung Unterstützung NOUN obl 1 Dat
        Perus Peru PROPN nmod 3 Gen
        Einsätze Einsatz NOUN obj 1 Acc
        . . PUNCT punct 1
    """)
    assert ("Peru", "Chile") in labels(acting, "supports")
    having = doc_from("""
        Chile Chile PROPN nsubj 1 Nom
        hat haben VERB ROOT 1
        den der DET det 3 Acc
        Rückhalt Rückhalt NOUN obj 1 Acc
        Perus Peru PROPN nmod 3 Gen
        . . PUNCT punct 1
    """)
    assert ("Peru", "Chile") in labels(having, "supports")


def test_an_extraposed_relative_clause_refers_to_the_noun_before_the_verb():
    doc = make_doc([
        ("Chile", "Chile", "PROPN", "nsubj", 1, "Case=Nom"),
        ("schloss", "schließen", "VERB", "ROOT", 1, ""),
        ("sich", "sich", "PRON", "obj", 1, "Case=Acc"),
        ("der", "der", "DET", "det", 5, "Case=Dat|Gender=Fem"),
        ("peruanischen", "peruanisch", "ADJ", "amod", 5, "Case=Dat"),
        ("Klage", "Klage", "NOUN", "obl:arg", 1, "Case=Dat|Gender=Fem"),
        ("an", "an", "ADP", "compound:prt", 1, ""),
        (",", ",", "PUNCT", "punct", 13, ""),
        ("die", "der", "PRON", "nsubj:pass", 13, "Case=Nom|Gender=Fem"),
        ("auch", "auch", "ADV", "advmod", 13, ""),
        ("von", "von", "ADP", "case", 12, ""),
        ("der", "der", "DET", "det", 12, "Case=Dat"),
        ("Nato", "Nato", "PROPN", "obl", 13, "Case=Dat"),
        ("unterstützt", "unterstützen", "VERB", "acl:relcl", 1, ""),
        ("wird", "werden", "AUX", "aux:pass", 13, ""),
        (".", ".", "PUNCT", "punct", 1, ""),
    ], ents=[(12, 13, "ORG")])
    assert ("NATO", "Peru") in labels(doc, "supports")


def test_talking_with_each_other_is_a_meeting_speaking_alone_is_not():
    together = doc_from("""
        Chile Chile PROPN nsubj 5 Nom
        und und CCONJ cc 2
        Peru Peru PROPN conj 0 Nom
        haben haben AUX aux 5
        miteinander miteinander ADV advmod 5
        gesprochen sprechen VERB ROOT 5
        . . PUNCT punct 5
    """)
    assert labels(together, "meets")
    apart = doc_from("""
        Chile Chile PROPN nsubj 4 Nom
        und und CCONJ cc 2
        Peru Peru PROPN conj 0 Nom
        haben haben AUX aux 4
        gesprochen sprechen VERB ROOT 4
        . . PUNCT punct 4
    """)
    assert not labels(apart, "meets")


def test_the_ambassadors_of_two_states_in_a_genitive_apposition_are_both_summoned():
    doc = doc_from("""
        Chile Chile PROPN nsubj 1 Nom
        bestellte bestellen VERB ROOT 1
        die der DET det 3 Acc
        Botschafter Botschafter NOUN obj 1 Acc
        Perus Peru PROPN appos 3 Gen
        und und CCONJ cc 6
        Polens Polen PROPN conj 4 Gen
        ein ein ADP compound:prt 1
        . . PUNCT punct 1
    """)
    assert {("Chile", "Peru"), ("Chile", "Polen")} <= labels(doc, "summons")


def test_two_roles_of_one_named_person_give_the_person_not_the_state_of_the_second_role():
    doc = doc_from("""
        Der der DET det 2 Nom
        frühere früher ADJ amod 2 Nom
        Außenminister Außenminister NOUN nsubj 8 Nom
        und und CCONJ cc 5
        peruanische peruanisch ADJ amod 5 Nom
        Oppositionsführer Oppositionsführer NOUN conj 2 Nom
        Jan Jan PROPN appos 2 Nom
        Nowak Nowak PROPN flat 6 Nom
        traf treffen VERB ROOT 8
        Chile Chile PROPN obj 8 Acc
        . . PUNCT punct 8
    """, ents=[(6, 8, "PER")])
    found = labels(doc, "meets")
    assert ("Jan Nowak", "Chile") in found
    assert not any("Peru" in pair for pair in found)


def test_a_name_after_a_pp_name_belongs_to_the_pp_not_to_the_head_noun():
    doc = doc_from("""
        Lea Lea PROPN nsubj 2 Nom
        Roth Roth PROPN flat 0 Nom
        kritisierte kritisieren VERB ROOT 2
        die der DET det 4 Acc
        Exporte Export NOUN obj 2 Acc
        für für ADP case 6
        Chile Chile PROPN nmod 4 Acc
        und und CCONJ cc 9
        die der DET det 9 Acc
        Peru Peru PROPN conj 4 Acc
        . . PUNCT punct 2
    """, ents=[(0, 2, "PER")])
    assert ("Lea Roth", "criticizes", "Peru") not in relations_of(doc)


def test_an_apposition_with_its_own_role_names_the_meeting_partner():
    doc = doc_from("""
        Lea Lea PROPN nsubj 2 Nom
        Roth Roth PROPN flat 0 Nom
        traf treffen VERB ROOT 2
        den der DET det 4 Acc
        Präsidenten Präsident NOUN obj 2 Acc
        des der DET det 6 Gen
        Parlaments Parlament NOUN nmod 4 Gen
        , , PUNCT punct 9
        den der DET det 9 Acc
        Abgeordneten Abgeordneter NOUN appos 4 Acc
        Jan Jan PROPN appos 9 Acc
        Nowak Nowak PROPN flat 10 Acc
        , , PUNCT punct 9
        . . PUNCT punct 2
    """, ents=[(0, 2, "PER"), (10, 12, "PER")])
    assert ("Lea Roth", "Jan Nowak") in labels(doc, "meets")


def test_a_representative_called_into_a_ministry_is_summoned_by_it():
    doc = doc_from("""
        Der der DET det 2 Nom
        chilenische chilenisch ADJ amod 2 Nom
        Botschafter Botschafter NOUN nsubj:pass 7 Nom
        wurde werden AUX aux:pass 7
        ins in ADP case 6
        peruanische peruanisch ADJ amod 6 Acc
        Außenministerium Außenministerium NOUN obl 7 Acc
        zitiert zitieren VERB ROOT 7
        . . PUNCT punct 7
    """)
    found = labels(doc, "summons")
    assert any(target == "Chile" for _, target in found)


def test_a_person_who_was_in_a_state_visited_it_unless_something_else_is_predicated():
    def was_in(*extra):
        rows = [("Lea", "Lea", "PROPN", "nsubj", 2, "Case=Nom"), ("Roth", "Roth", "PROPN", "flat", 0, "Case=Nom"),
                ("war", "sein", "AUX", "ROOT", 2, "Mood=Ind|Tense=Past"), ("am", "an", "ADP", "case", 4, ""),
                ("Montag", "Montag", "PROPN", "obl", 2, "Case=Dat"), ("in", "in", "ADP", "case", 6, ""),
                ("Peru", "Peru", "PROPN", "obl", 2, "Case=Dat"), *extra, (".", ".", "PUNCT", "punct", 2, "")]
        return labels(make_doc(rows, ents=[(0, 2, "PER")]), "meets")
    assert ("Lea Roth", "Peru") in was_in()
    assert not was_in(("Botschafterin", "Botschafterin", "NOUN", "nsubj", 2, "Case=Nom"))
    assert not was_in(("inhaftiert", "inhaftieren", "VERB", "xcomp", 2, "VerbForm=Part"))


def test_a_treaty_participle_between_two_parties_pairs_them_but_a_closed_border_is_no_treaty():
    def between(participle, noun):
        return labels(doc_from(f"""
            Der der DET det 6 Nom
            zwischen zwischen ADP case 2
            Chile Chile PROPN nmod 6 Dat
            und und CCONJ cc 4
            Peru Peru PROPN conj 2 Dat
            {participle} {participle} ADJ amod 6 Nom
            {noun} {noun} NOUN nsubj 7 Nom
            gilt gelten VERB ROOT 7
            . . PUNCT punct 7
        """), "signed_treaty_with")
    assert ("Chile", "Peru") in between("geschlossene", "Vertrag")
    assert not between("geschlossene", "Grenzübergang")


def test_a_two_word_name_parsed_as_two_subjects_is_one_subject_not_an_object():
    doc = doc_from("""
        Jin Jin PRON nsubj 2 Nom
        Hao Hao NOUN nsubj 2 Nom
        empfing empfangen VERB ROOT 2
        den der DET det 4 Acc
        Minister Minister NOUN obj 2 Acc
        Jan Jan PROPN appos 4 Nom
        Nowak Nowak PROPN flat 5 Nom
        . . PUNCT punct 2
    """, ents=[(0, 2, "PER"), (5, 7, "PER")])
    assert labels(doc, "meets") == {("Jan Nowak", "Jin Hao")}


def test_one_named_side_met_the_object_read_off_the_clause():
    # the object hung under the place: "Lea Roth traf in Lima den Bischof Jan Nowak"
    doc = doc_from("""
        Lea Lea PROPN nsubj 2 Nom
        Roth Roth PROPN flat 0 Nom
        traf treffen VERB ROOT 2
        in in ADP case 4
        Lima Lima PROPN obl 2 Dat
        den der DET det 6 Acc
        Bischof Bischof PROPN nmod 4 Acc
        Jan Jan PROPN compound 8 Nom
        Nowak Nowak NOUN appos 6 Nom
        . . PUNCT punct 2
    """, ents=[(0, 2, "PER"), (4, 5, "LOC"), (7, 9, "PER")])
    found = labels(doc, "meets")
    assert ("Jan Nowak", "Lea Roth") in found or ("Lea Roth", "Jan Nowak") in found


def test_an_unnamed_office_holder_is_no_party_to_a_meeting_read_off_the_clause():
    doc = doc_from("""
        US-Außenminister US-Außenminister NOUN compound 1 Nom
        traf treffen ADV ROOT 1
        Präsident Präsident NOUN compound 3 Nom
        Jan Jan PROPN nsubj 1 Nom
        Nowak Nowak PROPN flat 3 Nom
        in in ADP case 6
        Peru Peru PROPN obl 1 Dat
        . . PUNCT punct 1
    """, ents=[(3, 5, "PER")])
    assert not labels(doc, "meets")


def test_a_preposition_parsed_as_subject_is_no_subject():
    doc = doc_from("""
        Neben neben ADP nsubj 3
        der der DET det 2 Dat
        SPÖ SPÖ PROPN nmod 0 Dat
        unterstützen unterstützen VERB ROOT 3
        auch auch ADV advmod 3
        die der DET det 6 Nom
        NEOS NEOS PROPN nsubj 3 Nom
        den der DET det 8 Acc
        Antrag Antrag NOUN obj 3 Acc
        . . PUNCT punct 3
    """)
    assert not labels(doc, "supports")


def test_a_state_owning_the_title_of_the_supported_person_is_not_supported():
    doc = doc_from("""
        Lea Lea PROPN nsubj 9 Nom
        Roth Roth PROPN flat 0 Nom
        hat haben AUX aux 9
        sich sich PRON obj 9 Acc
        demonstrativ demonstrativ ADJ advmod 6
        hinter hinter ADP case 6
        Italiens Italien PROPN compound 7 Gen
        Innenminister Innenminister NOUN compound 8 Nom
        Nowak Nowak PROPN obl 9 Nom
        gestellt stellen VERB ROOT 9
        . . PUNCT punct 9
    """, ents=[(0, 2, "PER"), (8, 9, "PER")])
    assert labels(doc, "supports") == {("Lea Roth", "Nowak")}


def test_a_state_owning_the_first_conjunct_signs_with_the_second():
    # "Kolumbiens Regierung und die Farc unterzeichneten einen Vertrag", the second conjunct taken for the object
    doc = doc_from("""
        Perus Peru PROPN nsubj 5 Gen
        Regierung Regierung NOUN flat:name 0 Nom
        und und CCONJ cc 5
        die der DET det 4 Nom
        FARC FARC PROPN obj 5 Acc
        unterzeichneten unterzeichnen VERB ROOT 5
        einen ein DET det 7 Acc
        Vertrag Vertrag NOUN obj 5 Acc
        . . PUNCT punct 5
    """)
    found = labels(doc, "signed_treaty_with")
    assert ("FARC", "Peru") in found or ("Peru", "FARC") in found


def test_two_titled_names_joined_by_their_titles_sign_together_in_a_relative_clause():
    doc = doc_from("""
        Mit mit ADP case 2
        dem der DET det 2 Dat
        Abkommen Abkommen NOUN obl 15 Dat
        , , PUNCT punct 12
        das der DET det 5 Nom
        Präsident Präsident NOUN nsubj 11 Nom
        Roth Roth PROPN appos 5 Nom
        und und CCONJ cc 9
        der der DET det 9 Nom
        Staatschef Staatschef NOUN conj 5 Nom
        Li Li PROPN appos 9 Nom
        Wei Wei VERB obj 12
        unterzeichneten unterzeichnen VERB ROOT 12
        , , PUNCT punct 15
        wollen wollen AUX aux 15
        beide beide PRON nsubj 15 Nom
        . . PUNCT punct 12
    """, ents=[(6, 7, "PER"), (10, 12, "PER")])
    found = labels(doc, "signed_treaty_with")
    assert ("Li Wei", "Roth") in found or ("Roth", "Li Wei") in found


def test_his_visit_in_a_capital_read_off_the_clause_names_the_visitor_and_the_state():
    doc = doc_from("""
        Bei bei ADP case 2
        seinem sein DET det:poss 2 Dat
        Besuch Besuch NOUN obl 11 Dat
        in in ADP case 4
        Ankara Ankara PROPN nmod 2 Dat
        hat haben AUX aux 11
        der der DET det 8 Nom
        türkische türkisch ADJ amod 8 Nom
        Minister Minister NOUN compound 11 Nom
        Jan Jan PROPN appos 8 Nom
        Nowak Nowak NOUN flat:name 9 Gen
        gesprochen sprechen VERB ROOT 11
        . . PUNCT punct 11
    """, ents=[(4, 5, "LOC"), (9, 11, "PER")])
    assert ("Jan Nowak", "Türkei") in labels(doc, "meets")


def test_names_in_apposition_between_commas_belong_to_the_clause_and_the_genitives_are_no_parties():
    doc = doc_from("""
        Die der DET det 1 Nom
        Minister Minister NOUN obl 12 Nom
        Perus Peru PROPN nmod 1 Gen
        und und CCONJ cc 4
        Chiles Chile PROPN conj 2 Gen
        , , PUNCT punct 6
        Jan Jan PROPN appos 1 Nom
        Nowak Nowak PROPN flat 6 Nom
        und und CCONJ cc 9
        Lea Lea PROPN conj 6 Nom
        Roth Roth PROPN flat 9 Nom
        , , PUNCT punct 12
        trafen treffen VERB ROOT 12
        sich sich PRON obj 12 Acc
        . . PUNCT punct 12
    """, ents=[(6, 8, "PER"), (9, 11, "PER")])
    found = labels(doc, "meets")
    assert found in ({("Jan Nowak", "Lea Roth")}, {("Lea Roth", "Jan Nowak")})


def test_the_body_of_an_apposed_person_is_no_argument_of_its_own():
    doc = doc_from("""
        Der der DET det 1 Nom
        UN-Kommissar UN-Kommissar NOUN obl 6 Nom
        , , PUNCT punct 3
        Jan Jan PROPN appos 1 Nom
        Nowak Nowak PROPN flat 3 Nom
        , , PUNCT punct 6
        beschuldigte beschuldigen VERB ROOT 6
        Peru Peru PROPN obj 6 Acc
        . . PUNCT punct 6
    """, ents=[(3, 5, "PER")])
    assert {(s, t) for s, r, t in relations_of(doc) if r == "accuses"} == {("Jan Nowak", "Peru")}


def test_wird_with_a_participle_like_infinitive_and_no_agent_is_a_future_not_a_passive():
    doc = doc_from("""
        Peru Peru PROPN nsubj 6 Nom
        wird werden AUX aux:pass 6
        der der DET det 3 Dat
        Ukraine Ukraine PROPN obl 6 Dat
        zwei zwei NUM nummod 5
        Flugzeuge Flugzeug NOUN obj 6 Acc
        überlassen überlassen VERB ROOT 6
        . . PUNCT punct 6
    """)
    assert ("Peru", "supplies", "Ukraine") in relations_of(doc)


def test_er_as_the_passive_subject_of_a_clause_under_another_is_that_clauses_subject():
    doc = doc_from("""
        Lea Lea PROPN nsubj 2 Nom
        Roth Roth PROPN flat 0 Nom
        reiste reisen VERB ROOT 2
        nach nach ADP case 4
        Lima Lima PROPN obl 2 Dat
        , , PUNCT punct 11
        wo wo ADV advmod 11
        er er PRON nsubj 11 Nom
        von von ADP case 9
        Jan Jan PROPN obl 11 Dat
        Nowak Nowak PROPN flat 9 Dat
        empfangen empfangen VERB ccomp 2
        wurde werden AUX aux:pass 11
        . . PUNCT punct 2
    """, ents=[(0, 2, "PER"), (4, 5, "LOC"), (9, 11, "PER")])
    assert ("Lea Roth", "Jan Nowak") in labels(doc, "meets")


def test_a_verb_right_after_und_shares_the_first_verbs_subject_over_a_nominative_tagged_object():
    doc = doc_from("""
        Lea Lea PROPN nsubj 2 Nom
        Roth Roth PROPN flat 0 Nom
        besuchte besuchen VERB ROOT 2
        Peru Peru PROPN obj 2 Acc
        und und CCONJ cc 5
        sicherte sichern VERB conj 2
        dem der DET det 7 Dat
        Minister Minister NOUN compound 8 Dat
        Jan Jan PROPN obj 5 Nom
        Nowak Nowak PROPN appos 8 Nom
        Hilfe Hilfe NOUN obj 2 Acc
        zu zu ADP compound:prt 2
        . . PUNCT punct 2
    """, ents=[(0, 2, "PER"), (8, 10, "PER")])
    found = labels(doc, "supports")
    assert ("Lea Roth", "Jan Nowak") in found and ("Jan Nowak", "Peru") not in found


def test_a_conjunct_before_the_subject_with_a_misread_case_is_a_party_too():
    doc = doc_from("""
        Am an ADP case 1
        Rande Rand NOUN obl 2 Dat
        kamen kommen VERB ROOT 2
        Präsident Präsident PROPN nsubj 2 Nom
        Jan Jan PROPN nsubj 2 Nom
        Nowak Nowak NOUN flat 4 Acc
        und und CCONJ cc 8
        Perus Peru PROPN nmod:poss 8 Gen
        Staatschef Staatschef NOUN conj 2 Nom
        Li Li PROPN appos 8 Nom
        Wei Wei VERB obj 2
        zusammen zusammen ADV compound:prt 2
        . . PUNCT punct 2
    """, ents=[(4, 6, "PER"), (9, 11, "PER")])
    found = labels(doc, "meets")
    assert ("Jan Nowak", "Li Wei") in found or ("Li Wei", "Jan Nowak") in found


def test_their_meeting_under_bei_is_held_by_the_clauses_coordinated_subject():
    doc = doc_from("""
        Bei bei ADP case 2
        ihrem ihr DET det:poss 2 Dat
        Treffen Treffen NOUN obl 12 Dat
        in in ADP case 4
        Lima Lima PROPN nmod 2 Dat
        vereinbarten vereinbart DET det 6 Acc
        Lea Lea NOUN nmod 2 Acc
        Roth Roth PROPN flat 6 Acc
        und und CCONJ cc 9
        Jan Jan NOUN conj 6 Acc
        Nowak Nowak PROPN flat 9 Acc
        enge eng ADJ amod 12 Acc
        Kontakte Kontakt NOUN ROOT 12 Acc
        . . PUNCT punct 12
    """, ents=[(4, 5, "LOC"), (6, 8, "PER"), (9, 11, "PER")])
    found = labels(doc, "meets")
    assert ("Jan Nowak", "Lea Roth") in found or ("Lea Roth", "Jan Nowak") in found
