"""Role constructions (graphx/relations/roles.py) on hand-built Docs; sentences written for the tests.
The parses are deliberately flat or wrong where a small parser errs: the constructions read words."""
from docs import doc_from, relations_of


def test_party_in_brackets_after_a_titled_name():
    doc = doc_from("""
        Innenministerin Innenministerin NOUN nsubj 6 Nom
        Petra Petra PROPN appos 0 Nom
        Lind Lind PROPN flat 1 Nom
        ( ( PUNCT punct 4
        SPD SPD PROPN appos 2 Nom
        ) ) PUNCT punct 4
        reist reisen VERB ROOT 6
        ab ab ADP compound:prt 6
        . . PUNCT punct 6
    """, ents=[(1, 3, "PER"), (4, 5, "ORG")])
    rels = relations_of(doc)
    assert ("Petra Lind", "member_of", "SPD") in rels


def test_an_agency_in_a_dateline_bracket_is_no_party():
    doc = doc_from("""
        Jan Jan PROPN ROOT 0 Nom
        ( ( PUNCT punct 2
        Reuters Reuters PROPN appos 0 Nom
        ) ) PUNCT punct 2
        - - PUNCT punct 0
        Die der DET det 6 Nom
        Lage Lage NOUN nsubj 7 Nom
        eskaliert eskalieren VERB ROOT 7
        . . PUNCT punct 7
    """, ents=[(0, 1, "PER"), (2, 3, "ORG")])
    assert not any(key[1] == "member_of" for key in relations_of(doc))


def test_role_phrase_in_apposition_before_the_name():
    doc = doc_from("""
        Das der PRON obj 1 Acc
        sagte sagen VERB ROOT 1
        der der DET det 3 Nom
        Sprecher Sprecher NOUN nsubj 1 Nom
        der der DET det 5 Gen
        Nato Nato PROPN nmod 3 Gen
        , , PUNCT punct 7
        Tom Tom PROPN appos 3 Nom
        Weller Weller PROPN flat 7 Nom
        . . PUNCT punct 1
    """, ents=[(5, 6, "ORG"), (7, 9, "PER")])
    assert ("Tom Weller", "member_of", "NATO") in relations_of(doc)


def test_no_apposition_when_the_phrase_before_the_comma_is_about_another_person():
    doc = doc_from("""
        Präsident Präsident NOUN nsubj 6 Nom
        Max Max PROPN appos 0 Nom
        Roth Roth PROPN flat 1 Nom
        , , PUNCT punct 4
        Eva Eva PROPN conj 1 Nom
        Stein Stein PROPN flat 4 Nom
        kamen kommen VERB ROOT 6
        . . PUNCT punct 6
    """, ents=[(1, 3, "PER"), (4, 6, "PER")])
    rels = relations_of(doc)
    assert not any(key[0] == "Eva Stein" for key in rels)


def test_role_in_apposition_after_the_name_with_its_owner_and_a_coordinated_role():
    doc = doc_from("""
        Ana Ana PROPN nsubj 13 Nom
        Kovac Kovac PROPN flat 0 Nom
        , , PUNCT punct 5
        die der DET det 5 Nom
        frühere früher ADJ amod 5 Nom
        Außenministerin Außenministerin NOUN appos 0 Nom
        Kroatiens Kroatien PROPN nmod 5 Gen
        und und CCONJ cc 9
        spätere später ADJ amod 9 Nom
        Generalsekretärin Generalsekretärin NOUN conj 5 Nom
        der der DET det 11 Gen
        Nato Nato PROPN nmod 9 Gen
        , , PUNCT punct 0
        sprach sprechen VERB ROOT 13
        . . PUNCT punct 13
    """, ents=[(0, 2, "PER"), (6, 7, "LOC"), (11, 12, "ORG")])
    rels = relations_of(doc)
    assert ("Ana Kovac", "member_of", "Kroatien") in rels
    assert ("Ana Kovac", "leader_of", "NATO") in rels


def test_a_list_of_titled_people_is_no_apposition():
    doc = doc_from("""
        Anna Anna PROPN nsubj 9 Nom
        Berg Berg PROPN flat 0 Nom
        , , PUNCT punct 5
        der der DET det 5 Nom
        französische französisch ADJ amod 5 Nom
        Präsident Präsident NOUN conj 0 Nom
        Paul Paul PROPN appos 5 Nom
        Morel Morel PROPN flat 6 Nom
        und und CCONJ cc 9
        kamen kommen VERB ROOT 9
        . . PUNCT punct 9
    """, ents=[(0, 2, "PER"), (6, 8, "PER")])
    rels = relations_of(doc)
    assert ("Paul Morel", "leader_of", "Frankreich") in rels
    assert not any(key[0] == "Anna Berg" for key in rels)


def test_copula_role_with_genitive_owner():
    doc = doc_from("""
        Novak Novak PROPN nsubj 1 Nom
        war sein AUX ROOT 1
        lange lange ADV advmod 1
        Außenminister Außenminister NOUN obj 1 Nom
        Serbiens Serbien PROPN nmod 3 Gen
        . . PUNCT punct 1
    """, ents=[(0, 1, "PER"), (4, 5, "LOC")])
    assert ("Novak", "member_of", "Serbien") in relations_of(doc)


def test_copula_does_not_give_the_role_of_a_genitive_person():
    doc = doc_from("""
        Novak Novak PROPN nsubj 1 Nom
        war sein AUX ROOT 1
        Gast Gast NOUN obj 1 Nom
        des der DET det 4 Gen
        Präsidenten Präsident NOUN nmod 2 Gen
        Serbiens Serbien PROPN nmod 4 Gen
        . . PUNCT punct 1
    """, ents=[(0, 1, "PER"), (5, 6, "LOC")])
    assert not any(key[0] == "Novak" for key in relations_of(doc))


def test_hyphen_owner_role_and_truncated_leader_title():
    doc = doc_from("""
        Chinas China PROPN nmod 3 Gen
        Staats- Staats- X compound 3
        und und CCONJ cc 3
        Parteichef Parteichef NOUN nsubj 6 Nom
        Li Li PROPN appos 3 Nom
        Wen Wen PROPN flat 4 Nom
        reiste reisen VERB ROOT 6
        . . PUNCT punct 6
    """, ents=[(0, 1, "LOC"), (4, 6, "PER")])
    assert ("Li Wen", "leader_of", "China") in relations_of(doc)


def test_owner_after_role_by_member_preposition():
    doc = doc_from("""
        Jonas Jonas PROPN nsubj 10 Nom
        Kurt Kurt PROPN flat 0 Nom
        , , PUNCT punct 3
        Analyst Analyst NOUN appos 0 Nom
        bei bei ADP case 7
        der der DET det 7 Dat
        Stiftung Stiftung NOUN nmod 3 Dat
        Wissenschaft Wissenschaft PROPN appos 6 Dat
        und und CCONJ cc 9
        Politik Politik PROPN conj 7 Dat
        sagte sagen VERB ROOT 10
        . . PUNCT punct 10
    """, ents=[(0, 2, "PER"), (6, 10, "ORG")])
    assert ("Jonas Kurt", "member_of", "Stiftung Wissenschaft und Politik") in relations_of(doc)


def test_possessive_party():
    doc = doc_from("""
        Dimovs Dimov PROPN nmod:poss 2 Gen
        konservative konservativ ADJ amod 2 Nom
        Regierungspartei Regierungspartei NOUN nsubj 4 Nom
        NPB NPB PROPN appos 2 Nom
        gewann gewinnen VERB ROOT 4
        . . PUNCT punct 4
    """, ents=[(0, 1, "PER"), (3, 4, "ORG")])
    assert any(key[0].startswith("Dimov") and key[1:] == ("member_of", "NPB") for key in relations_of(doc))


def test_a_body_of_a_state_named_by_its_prefix_or_a_state_adjective_before_a_bracket():
    doc = doc_from("""
        Das der DET det 1 Nom
        US-Außenministerium US-Außenministerium PROPN nsubj 2 Nom
        teilte teilen VERB ROOT 2
        mit mit ADP compound:prt 2
        . . PUNCT punct 2
    """, ents=[(1, 2, "ORG")])
    assert ("US-Außenministerium", "member_of", "USA") in relations_of(doc)
    doc = doc_from("""
        Die der DET det 2 Nom
        rumänische rumänisch ADJ amod 2 Nom
        Antikorruptionsbehörde Antikorruptionsbehörde NOUN nsubj 6 Nom
        ( ( PUNCT punct 4
        DNA DNA PROPN appos 2 Nom
        ) ) PUNCT punct 4
        ermittelt ermitteln VERB ROOT 6
        . . PUNCT punct 6
    """, ents=[(4, 5, "ORG")])
    assert ("DNA", "member_of", "Rumänien") in relations_of(doc)


def test_a_verb_the_parser_took_for_an_adjective_is_no_owner_path():
    doc = doc_from("""
        Wegen wegen ADP case 1
        Ärger Ärger NOUN nmod 5
        mit mit ADP case 3
        Ankara Ankara PROPN nmod 1 Dat
        bricht brechen ADJ amod 5
        Außenminister Außenminister NOUN ROOT 5 Nom
        Paul Paul PROPN appos 5 Nom
        Roth Roth PROPN flat 6 Nom
        ab ab ADP case 5
        . . PUNCT punct 5
    """, ents=[(3, 4, "LOC"), (6, 8, "PER")])
    assert not any(key[1] in ("member_of", "leader_of") for key in relations_of(doc))


def test_a_deputy_is_a_member_not_the_leader():
    doc = doc_from("""
        Die der DET det 2 Nom
        stellvertretende stellvertretend ADJ amod 2 Nom
        SPD-Vorsitzende SPD-Vorsitzende NOUN nsubj 5 Nom
        Eva Eva PROPN appos 2 Nom
        Lang Lang PROPN flat 3 Nom
        sprach sprechen VERB ROOT 5
        . . PUNCT punct 5
    """, ents=[(3, 5, "PER")])
    rels = relations_of(doc)
    assert ("Eva Lang", "member_of", "SPD") in rels
    assert ("Eva Lang", "leader_of", "SPD") not in rels


def test_a_state_adjective_on_an_activist_names_no_acting_state():
    from graphx.lexicon import load
    lex = load()
    assert lex.is_actor_noun("Minister") and lex.is_actor_noun("Verteidigungsministeriums")
    assert not lex.is_actor_noun("Aktivisten")


def test_a_compound_names_an_organisation_the_article_names_elsewhere():
    from docs import make_doc
    from graphx.mentions import add_article_names, find_mentions
    doc = make_doc([("KPX-Chefin", "KPX-Chefin", "NOUN", "nsubj", 3), ("Eva", "Eva", "PROPN", "appos", 0),
                    ("Lang", "Lang", "PROPN", "flat", 1), ("sprach", "sprechen", "VERB", "ROOT", 3),
                    (".", ".", "PUNCT", "punct", 3)], ents=[(1, 3, "PER")])
    mentions = add_article_names(doc, find_mentions(doc), ["Eva Lang"], orgs={"KPX": "KPX"})
    assert [(m.surface, m.type, m.kind) for m in mentions if m.type == "ORG"] == [("KPX", "ORG", "compound")]
    assert not [m for m in add_article_names(doc, find_mentions(doc), ["Eva Lang"]) if m.type == "ORG"]


def test_a_possessive_before_a_party_name_and_a_surname_compound():
    doc = doc_from("""
        Dimovs Dimov PROPN nmod:poss 1 Gen
        NPB NPB PROPN nsubj 2 Nom
        gewann gewinnen VERB ROOT 2
        . . PUNCT punct 2
    """, ents=[(0, 1, "PER"), (1, 2, "ORG")])
    assert any(key[0].startswith("Dimov") and key[1:] == ("member_of", "NPB") for key in relations_of(doc))


def test_a_surname_compound_names_the_person_the_article_names():
    from docs import make_doc
    from graphx.mentions import add_article_names, find_mentions
    doc = make_doc([("Der", "der", "DET", "det", 1), ("Roth-Kritiker", "Roth-Kritiker", "NOUN", "nsubj", 2),
                    ("sprach", "sprechen", "VERB", "ROOT", 2), (".", ".", "PUNCT", "punct", 2)])
    mentions = add_article_names(doc, find_mentions(doc), ["Lea Roth"])
    assert [(m.surface, m.type, m.key) for m in mentions] == [("Roth", "PERSON", "Lea Roth")]


def test_apposition_before_the_name_after_a_preposition_and_a_coordination():
    doc = doc_from("""
        Sie sie PRON nsubj 9 Nom
        kommt kommen VERB ROOT 1
        vom von ADP case 3
        Rektor Rektor NOUN obl 1 Dat
        der der DET det 5 Gen
        Nato Nato PROPN nmod 3 Gen
        , , PUNCT punct 7
        Ivo Ivo PROPN appos 3 Dat
        Berg Berg PROPN flat 7 Dat
        . . PUNCT punct 1
    """, ents=[(5, 6, "ORG"), (7, 9, "PER")])
    assert ("Ivo Berg", "leader_of", "NATO") in relations_of(doc)
    doc = doc_from("""
        Das der PRON nsubj 1 Nom
        sagte sagen VERB ROOT 1
        die der DET det 3 Nom
        Frau Frau NOUN nsubj 1 Nom
        des der DET det 5 Gen
        Ministers Minister NOUN nmod 3 Gen
        der der DET det 7 Gen
        Nato Nato PROPN nmod 5 Gen
        , , PUNCT punct 9
        Ivo Ivo PROPN appos 3 Nom
        Berg Berg PROPN flat 9 Nom
        . . PUNCT punct 1
    """, ents=[(7, 8, "ORG"), (9, 11, "PER")])
    assert not any(key[0] == "Ivo Berg" for key in relations_of(doc))


def test_a_state_adjective_before_a_state_body_and_a_body_of_an_organisation():
    doc = doc_from("""
        Das der DET det 2 Nom
        polnische polnisch ADJ amod 2 Nom
        Verfassungsgericht Verfassungsgericht PROPN nsubj 3 Nom
        entschied entscheiden VERB ROOT 3
        . . PUNCT punct 3
    """, ents=[(2, 3, "ORG")])
    assert any(key[1:] == ("member_of", "Polen") for key in relations_of(doc))
    doc = doc_from("""
        Der der DET det 1 Nom
        Menschenrechtsrat Menschenrechtsrat PROPN nsubj 4 Nom
        der der DET det 3 Gen
        Nato Nato PROPN nmod 1 Gen
        tagte tagen VERB ROOT 4
        . . PUNCT punct 4
    """, ents=[(1, 2, "ORG"), (3, 4, "ORG")])
    assert any(key[1:] == ("member_of", "NATO") for key in relations_of(doc))


def test_led_by_unter_der_fuehrung_von():
    doc = doc_from("""
        Die der DET det 1 Nom
        Nato Nato PROPN nsubj 8 Nom
        unter unter ADP case 4
        der der DET det 4 Dat
        Führung Führung NOUN nmod 1 Dat
        von von ADP case 6
        Ivo Ivo PROPN nmod 4 Dat
        Berg Berg PROPN flat 6 Dat
        zögert zögern VERB ROOT 8
        . . PUNCT punct 8
    """, ents=[(1, 2, "ORG"), (6, 8, "PER")])
    assert ("Ivo Berg", "leader_of", "NATO") in relations_of(doc)
    doc = doc_from("""
        Die der DET det 1 Nom
        Nato Nato PROPN nsubj 8 Nom
        trotz trotz ADP case 4
        der der DET det 4 Gen
        Kritik Kritik NOUN nmod 1 Gen
        von von ADP case 6
        Ivo Ivo PROPN nmod 4 Dat
        Berg Berg PROPN flat 6 Dat
        zögert zögern VERB ROOT 8
        . . PUNCT punct 8
    """, ents=[(1, 2, "ORG"), (6, 8, "PER")])
    assert not any(key[1] == "leader_of" for key in relations_of(doc))


def test_a_role_after_als_describes_the_name_before_it():
    doc = doc_from("""
        Er er PRON nsubj 6 Nom
        rief rufen VERB ROOT 1
        Ivo Ivo PROPN obj 1 Acc
        Berg Berg PROPN flat 2 Acc
        als als ADP case 5
        Generalsekretär Generalsekretär NOUN obl 1 Acc
        der der DET det 7 Gen
        Nato Nato PROPN nmod 5 Gen
        an an ADP compound:prt 1
        . . PUNCT punct 1
    """, ents=[(2, 4, "PER")])
    assert ("Ivo Berg", "leader_of", "NATO") in relations_of(doc)


def test_a_bracketed_aside_and_an_owner_after_von_der():
    doc = doc_from("""
        Der der DET det 2 Nom
        ukrainische ukrainisch ADJ amod 2 Nom
        Präsident Präsident NOUN nsubj 3 Nom
        lobte loben VERB ROOT 3
        ( ( PUNCT punct 6
        so so ADV advmod 6
        der der DET det 6 Nom
        Sprecher Sprecher NOUN appos 3 Nom
        , , PUNCT punct 8
        Ivo Ivo PROPN appos 6 Nom
        Berg Berg PROPN flat 8 Nom
        ) ) PUNCT punct 6
        . . PUNCT punct 3
    """, ents=[(8, 10, "PER")])
    assert not any(key[0] == "Ivo Berg" and key[2] == "Ukraine" for key in relations_of(doc))
    doc = doc_from("""
        Ivo Ivo PROPN nsubj 7 Nom
        Berg Berg PROPN flat 0 Nom
        , , PUNCT punct 3
        Sprecher Sprecher NOUN appos 0 Nom
        von von ADP case 6
        der der DET det 6 Dat
        Nato Nato PROPN nmod 3 Dat
        sagte sagen VERB ROOT 7
        . . PUNCT punct 7
    """, ents=[(0, 2, "PER"), (6, 7, "ORG")])
    assert ("Ivo Berg", "member_of", "NATO") in relations_of(doc)


def test_a_bare_state_office_belongs_to_the_one_state_the_sentence_names():
    rows = """
        Dänemark Dänemark PROPN nsubj 1 Nom
        hat haben VERB ROOT 1
        gewählt wählen VERB xcomp 1
        : : PUNCT punct 1
        Premierministerin Premierministerin NOUN nsubj 7 Nom
        Eva Eva PROPN appos 4 Nom
        Holm Holm PROPN flat 5 Nom
        lacht lachen VERB parataxis 1
        . . PUNCT punct 1
    """
    doc = doc_from(rows, ents=[(0, 1, "LOC"), (5, 7, "PER")])
    assert ("Eva Holm", "leader_of", "Dänemark") in relations_of(doc)


def test_a_state_in_a_prepositional_phrase_is_not_the_owner_of_a_bare_office():
    doc = doc_from("""
        Premierministerin Premierministerin NOUN nsubj 3 Nom
        Eva Eva PROPN appos 0 Nom
        Holm Holm PROPN flat 1 Nom
        reist reisen VERB ROOT 3
        nach nach ADP case 5
        Dänemark Dänemark PROPN obl 3 Dat
        . . PUNCT punct 3
    """, ents=[(1, 3, "PER"), (5, 6, "LOC")])
    assert not any(key[0] == "Eva Holm" and key[1] in ("leader_of", "member_of") for key in relations_of(doc))


def test_apposition_before_a_titled_name():
    doc = doc_from("""
        Der der DET det 1 Nom
        Vertreter Vertreter NOUN nsubj 11 Nom
        der der DET det 3 Gen
        EU EU PROPN nmod 1 Gen
        , , PUNCT punct 8
        der der DET det 7 Nom
        dänische dänisch ADJ amod 7 Nom
        Diplomat Diplomat NOUN appos 1 Nom
        Lars Lars PROPN appos 7 Nom
        Holm Holm PROPN flat 8 Nom
        , , PUNCT punct 8
        lacht lachen VERB ROOT 11
        . . PUNCT punct 11
    """, ents=[(3, 4, "ORG"), (8, 10, "PER")])
    rels = relations_of(doc)
    assert ("Lars Holm", "member_of", "EU") in rels and ("Lars Holm", "member_of", "Dänemark") in rels


def test_deren_chef_leads_the_organisation_named_before():
    doc = doc_from("""
        Sie sie PRON nsubj 1 Nom
        trafen treffen VERB ROOT 1
        die der DET det 3 Acc
        Hamas Hamas PROPN obj 1 Acc
        , , PUNCT punct 7
        darunter darunter ADV advmod 7
        deren der PRON nmod:poss 7 Gen
        Chef Chef NOUN appos 3 Nom
        Jan Jan PROPN appos 7 Nom
        Ott Ott PROPN flat 8 Nom
        . . PUNCT punct 1
    """, ents=[(3, 4, "ORG"), (8, 10, "PER")])
    assert ("Jan Ott", "leader_of", "Hamas") in relations_of(doc)


def test_a_party_in_brackets_after_its_unrecognised_full_name():
    doc = doc_from("""
        Der der DET det 1 Nom
        Chef Chef NOUN nsubj 12 Nom
        der der DET det 3 Gen
        Partei Partei NOUN nmod 1 Gen
        Recht Recht NOUN appos 3 Gen
        ( ( PUNCT punct 6
        PiS PiS PROPN appos 4 Nom
        ) ) PUNCT punct 6
        , , PUNCT punct 9
        Jan Jan PROPN appos 1 Nom
        Ott Ott PROPN flat 9 Nom
        , , PUNCT punct 9
        lacht lachen VERB ROOT 12
        . . PUNCT punct 12
    """, ents=[(6, 7, "ORG"), (9, 11, "PER")])
    assert ("Jan Ott", "leader_of", "PiS") in relations_of(doc)
