"""Role constructions said as Matcher / DependencyMatcher patterns (graphx/lexicons/role_patterns.jsonl);
sentences written for the tests, parses flat where the constructions read words."""
import re

from docs import VOCAB, doc_from, relations_of
from graphx.relations.role_patterns import load_specs, matchers, node_index


def test_every_pattern_names_its_person_and_a_role_or_an_owner_with_a_label():
    for spec in load_specs():
        size = len(spec["pattern"])
        assert 0 <= node_index(spec, "person") < size, spec["id"]
        if "role" in spec:
            assert 0 <= node_index(spec, "role") < size, spec["id"]
        else:
            assert 0 <= node_index(spec, "owner") < size and spec["relation"] in ("leader_of", "member_of"), spec["id"]


def test_matchers_are_built_once_per_vocab():
    assert matchers(VOCAB)[0] is matchers(VOCAB)[0]


def test_title_before_the_name_takes_its_owner_from_an_adjective():
    doc = doc_from("""
        Der der DET det 2 Nom
        dänische dänisch ADJ amod 2 Nom
        Außenminister Außenminister NOUN nsubj 5 Nom
        Lars Lars PROPN appos 2 Nom
        Holm Holm PROPN flat 3 Nom
        kommt kommen VERB ROOT 5
        . . PUNCT punct 5
    """, ents=[(3, 5, "PER")])
    assert ("Lars Holm", "member_of", "Dänemark") in relations_of(doc)


def test_a_person_before_the_role_noun_gets_no_role_from_it():
    doc = doc_from("""
        Lars Lars PROPN nsubj 3 Nom
        Holm Holm PROPN flat 0 Nom
        traf treffen VERB ROOT 2
        Außenminister Außenminister NOUN obj 2 Acc
        Tom Tom PROPN appos 3 Acc
        Weller Weller PROPN flat 4 Acc
        . . PUNCT punct 2
    """, ents=[(0, 2, "PER"), (4, 6, "PER")])
    assert not any(key[0] == "Lars Holm" and key[1] in ("member_of", "leader_of") for key in relations_of(doc))


def test_two_organisations_in_the_brackets_make_no_party():
    doc = doc_from("""
        Eva Eva PROPN nsubj 7 Nom
        Stein Stein PROPN flat 0 Nom
        ( ( PUNCT punct 3
        SPD SPD PROPN appos 0 Nom
        , , PUNCT punct 5
        DGB DGB PROPN conj 3 Nom
        ) ) PUNCT punct 3
        spricht sprechen VERB ROOT 7
        . . PUNCT punct 7
    """, ents=[(0, 2, "PER"), (3, 4, "ORG"), (5, 6, "ORG")])
    assert not any(key[1] == "member_of" for key in relations_of(doc))


def test_at_the_top_of_an_organisation_stands_its_leader():
    doc = doc_from("""
        An an ADP case 2
        der der DET det 2 Dat
        Spitze Spitze NOUN obl 5 Dat
        der der DET det 4 Gen
        SPD SPD PROPN nmod 2 Gen
        steht stehen VERB ROOT 5
        seit seit ADP case 7
        Mai Mai PROPN obl 5 Dat
        Jan Jan PROPN nsubj 5 Nom
        Ott Ott PROPN flat 8 Nom
        . . PUNCT punct 5
    """, ents=[(4, 5, "ORG"), (8, 10, "PER")])
    assert ("Jan Ott", "leader_of", "SPD") in relations_of(doc)


def test_relative_clause_of_leading_after_the_name():
    doc = doc_from("""
        Jan Jan PROPN nsubj 8 Nom
        Ott Ott PROPN flat 0 Nom
        , , PUNCT punct 3
        der der PRON nsubj 6 Nom
        die der DET det 5 Acc
        SPD SPD PROPN obj 6 Acc
        leitet leiten VERB acl 0
        , , PUNCT punct 6
        schweigt schweigen VERB ROOT 8
        . . PUNCT punct 8
    """, ents=[(0, 2, "PER"), (5, 6, "ORG")])
    assert ("Jan Ott", "leader_of", "SPD") in relations_of(doc)


def test_relative_clause_with_a_preposition_before_the_organisation_is_no_leading():
    doc = doc_from("""
        Jan Jan PROPN nsubj 9 Nom
        Ott Ott PROPN flat 0 Nom
        , , PUNCT punct 3
        der der PRON nsubj 7 Nom
        mit mit ADP case 6
        der der DET det 6 Dat
        SPD SPD PROPN obl 7 Dat
        regiert regieren VERB acl 0
        , , PUNCT punct 7
        schweigt schweigen VERB ROOT 9
        . . PUNCT punct 9
    """, ents=[(0, 2, "PER"), (6, 7, "ORG")])
    assert ("Jan Ott", "leader_of", "SPD") not in relations_of(doc)


def test_sitting_for_a_party_makes_a_member():
    doc = doc_from("""
        Eva Eva PROPN nsubj 11 Nom
        Stein Stein PROPN flat 0 Nom
        , , PUNCT punct 3
        die der PRON nsubj 9 Nom
        für für ADP case 6
        die der DET det 6 Acc
        SPD SPD PROPN obl 9 Acc
        im in ADP case 8
        Landtag Landtag NOUN obl 9 Dat
        sitzt sitzen VERB acl 0
        , , PUNCT punct 9
        schweigt schweigen VERB ROOT 11
        . . PUNCT punct 11
    """, ents=[(0, 2, "PER"), (6, 7, "ORG")])
    assert ("Eva Stein", "member_of", "SPD") in relations_of(doc)


def test_belonging_to_a_party_makes_a_member_unless_negated():
    rows = """
        Eva Eva PROPN nsubj 2 Nom
        Stein Stein PROPN flat 0 Nom
        gehört gehören VERB ROOT 2
        {neg}der der DET det {org} Dat
        SPD SPD PROPN iobj 2 Dat
        an an ADP compound:prt 2
        . . PUNCT punct 2
    """
    doc = doc_from(rows.format(neg="", org=4), ents=[(0, 2, "PER"), (4, 5, "ORG")])
    assert ("Eva Stein", "member_of", "SPD") in relations_of(doc)
    negated = rows.replace("{neg}", "nicht nicht PART advmod 2\n        ").replace("{org}", "5")
    doc = doc_from(negated, ents=[(0, 2, "PER"), (5, 6, "ORG")])
    assert ("Eva Stein", "member_of", "SPD") not in relations_of(doc)


def test_subject_of_a_verb_of_leading_leads_its_object_but_not_with_a_particle():
    rows = """
        Jan Jan PROPN nsubj 2 Nom
        Ott Ott PROPN flat 0 Nom
        regiert {verb} VERB ROOT 2
        Ruritanien Ruritanien PROPN obj 2 Acc
        {particle}. . PUNCT punct 2
    """
    doc = doc_from(rows.format(verb="regieren", particle=""), ents=[(0, 2, "PER"), (3, 4, "ORG")])
    assert ("Jan Ott", "leader_of", "Ruritanien") in relations_of(doc)
    doc = doc_from(rows.format(verb="leiten", particle="ein ein ADP compound:prt 2\n        "),
                   ents=[(0, 2, "PER"), (3, 4, "ORG")])
    assert ("Jan Ott", "leader_of", "Ruritanien") not in relations_of(doc)


def test_elected_to_a_role_of_an_organisation():
    doc = doc_from("""
        Eva Eva PROPN nsubj:pass 8 Nom
        Stein Stein PROPN flat 0 Nom
        wurde werden AUX aux:pass 8
        zur zu ADP case 4
        Vorsitzenden Vorsitzende NOUN obl 8 Dat
        der der DET det 6 Gen
        SPD SPD PROPN nmod 4 Gen
        neu neu ADV advmod 8
        gewählt wählen VERB ROOT 8
        . . PUNCT punct 8
    """, ents=[(0, 2, "PER"), (6, 7, "ORG")])
    assert ("Eva Stein", "leader_of", "SPD") in relations_of(doc)


def test_a_body_of_the_state_named_by_an_adjective_after_the_role_noun():
    doc = doc_from("""
        Der der DET det 1 Nom
        Kommandeur Kommandeur NOUN nsubj 9 Nom
        der der DET det 4 Gen
        dänischen dänisch ADJ amod 4 Gen
        Armee Armee NOUN nmod 1 Gen
        , , PUNCT punct 6
        Lars Lars PROPN appos 1 Nom
        Holm Holm PROPN flat 6 Nom
        , , PUNCT punct 6
        lacht lachen VERB ROOT 9
        . . PUNCT punct 9
    """, ents=[(6, 8, "PER")])
    assert ("Lars Holm", "member_of", "Dänemark") in relations_of(doc)


def test_a_lexicon_in_a_pattern_matches_compounds_and_plurals():
    spec = next(s for s in load_specs() if s["id"] == "possessive_membership_noun")
    regex = spec["pattern"][2]["LOWER"]["REGEX"]
    assert re.search(regex, "regierungsparteien") and re.search(regex, "fraktion") and not re.search(regex, "parteitag")


def test_a_party_in_brackets_before_the_dash_that_closes_an_aside():
    doc = doc_from("""
        Es es PRON nsubj 1 Nom
        bleibt bleiben VERB ROOT 1
        – – PUNCT punct 4
        trotz trotz ADP case 4
        Rücktritt Rücktritt NOUN obl 1 Gen
        von von ADP case 6
        Kanzler Kanzler NOUN nmod 4 Dat
        Eva Eva PROPN appos 6 Dat
        Stein Stein PROPN flat 7 Dat
        ( ( PUNCT punct 10
        SPD SPD PROPN appos 7 Nom
        ) ) PUNCT punct 10
        – – PUNCT punct 4
        ruhig ruhig ADJ advmod 1
        . . PUNCT punct 1
    """, ents=[(7, 9, "PER"), (10, 11, "ORG")])
    assert ("Eva Stein", "member_of", "SPD") in relations_of(doc)


def test_a_possessive_determiner_takes_the_organisation_named_before_but_not_a_person():
    rows = """
        Die der DET det 1 Nom
        {owner} {owner} PROPN nsubj 2 Nom
        lobt loben VERB ROOT 2
        ihren ihr DET det 4 Acc
        Kandidaten Kandidat NOUN obj 2 Acc
        Jan Jan PROPN appos 4 Acc
        Ott Ott PROPN flat 5 Acc
        . . PUNCT punct 2
    """
    doc = doc_from(rows.format(owner="SPD"), ents=[(1, 2, "ORG"), (5, 7, "PER")])
    assert ("Jan Ott", "member_of", "SPD") in relations_of(doc)
    doc = doc_from(rows.format(owner="Merkel"), ents=[(1, 2, "PER"), (5, 7, "PER")])
    assert not any(key[0] == "Jan Ott" and key[1] == "member_of" for key in relations_of(doc))


def test_two_coordinated_role_nouns_before_the_name_give_the_first_ones_owner():
    doc = doc_from("""
        Der der DET det 1 Nom
        SPÖ-Chef SPÖ-Chef NOUN nsubj 7 Nom
        und und CCONJ cc 4
        frühere früh ADJ amod 4 Nom
        Sozialminister Sozialminister NOUN conj 1 Nom
        Jan Jan PROPN appos 1 Nom
        Ott Ott PROPN flat 5 Nom
        spricht sprechen VERB ROOT 7
        . . PUNCT punct 7
    """, ents=[(5, 7, "PER")])
    assert ("Jan Ott", "leader_of", "SPÖ") in relations_of(doc)


def test_an_article_before_the_second_role_noun_names_a_second_person():
    doc = doc_from("""
        Der der DET det 1 Nom
        SPÖ-Chef SPÖ-Chef NOUN nsubj 7 Nom
        und und CCONJ cc 4
        der der DET det 4 Nom
        Sozialminister Sozialminister NOUN conj 1 Nom
        Jan Jan PROPN appos 4 Nom
        Ott Ott PROPN flat 5 Nom
        sprechen sprechen VERB ROOT 7
        . . PUNCT punct 7
    """, ents=[(5, 7, "PER")])
    assert ("Jan Ott", "leader_of", "SPÖ") not in relations_of(doc)


def test_name_and_party_together_in_brackets():
    doc = doc_from("""
        Der der DET det 1 Nom
        Finanzminister Finanzminister NOUN nsubj 8 Nom
        ( ( PUNCT punct 3
        Jan Jan PROPN appos 1 Nom
        Ott Ott PROPN flat 3 Nom
        , , PUNCT punct 6
        ÖVP ÖVP PROPN appos 3 Nom
        ) ) PUNCT punct 3
        antwortet antworten VERB ROOT 8
        . . PUNCT punct 8
    """, ents=[(3, 5, "PER"), (6, 7, "ORG")])
    assert ("Jan Ott", "member_of", "ÖVP") in relations_of(doc)


def test_both_named_people_belong_to_the_party_after_beide():
    doc = doc_from("""
        Die der DET det 1 Nom
        Abgeordneten Abgeordnete NOUN nsubj 12 Nom
        Jan Jan PROPN appos 1 Nom
        Ott Ott PROPN flat 2 Nom
        und und CCONJ cc 5
        Eva Eva PROPN conj 2 Nom
        Stein Stein PROPN flat 5 Nom
        ( ( PUNCT punct 9
        beide beide PRON det 9 Nom
        SPD SPD PROPN appos 5 Nom
        ) ) PUNCT punct 9
        , , PUNCT punct 12
        sprechen sprechen VERB ROOT 12
        . . PUNCT punct 12
    """, ents=[(2, 4, "PER"), (5, 7, "PER"), (9, 10, "ORG")])
    found = relations_of(doc)
    assert ("Jan Ott", "member_of", "SPD") in found and ("Eva Stein", "member_of", "SPD") in found


def test_a_party_in_brackets_after_two_names_without_beide_is_the_last_ones():
    doc = doc_from("""
        Jan Jan PROPN nsubj 8 Nom
        Ott Ott PROPN flat 0 Nom
        und und CCONJ cc 3
        Eva Eva PROPN conj 0 Nom
        Stein Stein PROPN flat 3 Nom
        ( ( PUNCT punct 6
        SPD SPD PROPN appos 3 Nom
        ) ) PUNCT punct 6
        sprechen sprechen VERB ROOT 8
        . . PUNCT punct 8
    """, ents=[(0, 2, "PER"), (3, 5, "PER"), (6, 7, "ORG")])
    found = relations_of(doc)
    assert ("Eva Stein", "member_of", "SPD") in found and ("Jan Ott", "member_of", "SPD") not in found


def test_a_compound_opens_with_an_organisation_the_article_names_elsewhere():
    from graphx.extract import article_result
    from graphx.reader import Article
    doc = doc_from("""
        Verdi Verdi PROPN nsubj 1 Nom
        streikt streiken VERB ROOT 1
        . . PUNCT punct 1
        Verdi-Chef Verdi-Chef NOUN nsubj 6 Nom
        Jan Jan PROPN appos 3 Nom
        Ott Ott PROPN flat 4 Nom
        spricht sprechen VERB ROOT 6
        . . PUNCT punct 6
    """, ents=[(0, 1, "ORG"), (4, 6, "PER")])
    result = article_result(Article(name="t.txt", path=None, text=doc.text), [(0, doc)])
    edges = {(r["source"], r["relation"], r["target"]) for r in result["relations"]}
    assert ("Jan Ott", "leader_of", "Verdi") in edges


def test_a_party_member_noun_between_article_and_name():
    doc = doc_from("""
        Die der DET det 1 Nom
        Anfrage Anfrage NOUN nsubj 6 Nom
        des der DET det 3 Gen
        Grünen Grüne NOUN nmod 1 Gen
        Jan Jan PROPN appos 3 Gen
        Ott Ott PROPN flat 4 Gen
        liegt liegen VERB ROOT 6
        vor vor ADP compound:prt 6
        . . PUNCT punct 6
    """, ents=[(4, 6, "PER")])
    assert ("Jan Ott", "member_of", "Die Grünen") in relations_of(doc)


def test_a_bare_state_office_takes_the_state_of_the_dateline_capital_the_sentence_names():
    doc = doc_from("""
        Athen Athen PROPN dep 6 Nom
        – – PUNCT punct 0
        Griechenland Griechenland PROPN nsubj 6 Nom
        braucht brauchen VERB ROOT 3
        laut laut ADP case 5
        Finanzminister Finanzminister NOUN obl 3 Dat
        Jan Jan PROPN appos 5 Nom
        Ott Ott PROPN flat 6 Nom
        Geld Geld NOUN obj 3 Acc
        . . PUNCT punct 3
    """.replace("dep 6", "dep 3").replace("nsubj 6", "nsubj 3"), ents=[(0, 1, "LOC"), (2, 3, "LOC"), (6, 8, "PER")])
    assert ("Jan Ott", "member_of", "Griechenland") in relations_of(doc)


def test_a_dateline_capital_alone_gives_a_bare_office_no_state():
    doc = doc_from("""
        Athen Athen PROPN dep 3 Nom
        – – PUNCT punct 0
        Finanzminister Finanzminister NOUN nsubj 5 Nom
        Jan Jan PROPN appos 2 Nom
        Ott Ott PROPN flat 3 Nom
        spricht sprechen VERB ROOT 5
        . . PUNCT punct 5
    """.replace("dep 3", "dep 5"), ents=[(0, 1, "LOC"), (3, 5, "PER")])
    assert not any(key[0] == "Jan Ott" for key in relations_of(doc))


def test_after_nach_angaben_des_sprechers_the_apposition_is_his():
    doc = doc_from("""
        Nach nach ADP case 1
        Angaben Angabe NOUN obl 10 Dat
        des der DET det 3 Gen
        Sprechers Sprecher NOUN nmod 1 Gen
        der der DET det 5 Gen
        Caritas Caritas PROPN nmod 3 Gen
        , , PUNCT punct 7
        Jan Jan PROPN appos 3 Nom
        Ott Ott PROPN flat 7 Nom
        , , PUNCT punct 7
        kamen kommen VERB ROOT 10
        viele viele PRON nsubj 10 Nom
        . . PUNCT punct 10
    """, ents=[(5, 6, "ORG"), (7, 9, "PER")])
    assert ("Jan Ott", "member_of", "Caritas") in relations_of(doc)


def test_a_ministers_state_after_sein_is_the_state_of_the_leader_before():
    doc = doc_from("""
        Irans Iran PROPN nmod 1 Gen
        Präsident Präsident NOUN nsubj 10 Nom
        Jan Jan PROPN appos 1 Nom
        Ott Ott PROPN flat 2 Nom
        und und CCONJ cc 6
        sein sein DET det 6 Nom
        Außenminister Außenminister NOUN conj 1 Nom
        Eva Eva PROPN appos 6 Nom
        Stein Stein PROPN flat 7 Nom
        reisen reisen VERB ROOT 10
        ab ab ADP compound:prt 9
        . . PUNCT punct 9
    """.replace("nsubj 10", "nsubj 9").replace("ROOT 10", "ROOT 9"), ents=[(0, 1, "LOC"), (2, 4, "PER"), (7, 9, "PER")])
    found = relations_of(doc)
    assert ("Jan Ott", "leader_of", "Iran") in found and ("Eva Stein", "member_of", "Iran") in found


def test_an_office_after_sein_is_no_states_when_the_person_before_has_no_leaders_title():
    doc = doc_from("""
        Jan Jan PROPN nsubj 8 Nom
        Ott Ott PROPN flat 0 Nom
        und und CCONJ cc 4
        sein sein DET det 4 Nom
        Außenminister Außenminister NOUN conj 0 Nom
        Eva Eva PROPN appos 4 Nom
        Stein Stein PROPN flat 5 Nom
        in in ADP case 8
        Iran Iran PROPN obl 9 Dat
        reisen reisen VERB ROOT 9
        . . PUNCT punct 9
    """.replace("nsubj 8", "nsubj 9").replace("obl 9", "obl 9"), ents=[(0, 2, "PER"), (5, 7, "PER"), (8, 9, "LOC")])
    assert ("Eva Stein", "member_of", "Iran") not in relations_of(doc)


def test_the_apposition_before_a_name_reads_over_und_inside_a_bracketed_party_name():
    doc = doc_from("""
        Der der DET det 1 Nom
        Chef Chef NOUN nsubj 13 Nom
        der der DET det 3 Gen
        Partei Partei NOUN nmod 1 Gen
        Recht Recht NOUN appos 3 Gen
        und und CCONJ cc 6
        Gerechtigkeit Gerechtigkeit NOUN conj 4 Gen
        ( ( PUNCT punct 8
        PiS PiS PROPN appos 4 Nom
        ) ) PUNCT punct 8
        , , PUNCT punct 11
        Jan Jan PROPN appos 1 Nom
        Ott Ott PROPN flat 11 Nom
        , , PUNCT punct 11
        spricht sprechen VERB ROOT 14
        . . PUNCT punct 14
    """.replace("nsubj 13", "nsubj 14"), ents=[(8, 9, "ORG"), (11, 13, "PER")])
    assert ("Jan Ott", "leader_of", "PiS") in relations_of(doc)


def test_a_court_after_a_states_genitive_is_a_body_of_that_state():
    doc = doc_from("""
        Polens Polen PROPN nmod 2 Gen
        Oberstes oberst ADJ amod 2 Nom
        Gericht Gericht NOUN nsubj 3 Nom
        entschied entscheiden VERB ROOT 3
        . . PUNCT punct 3
    """, ents=[(0, 1, "LOC"), (1, 3, "ORG")])
    assert ("Oberstes Gericht", "member_of", "Polen") in relations_of(doc)


def test_the_head_of_a_states_body_is_a_member_of_the_state():
    doc = doc_from("""
        Der der DET det 1 Nom
        Chef Chef NOUN nsubj 10 Nom
        der der DET det 4 Gen
        israelischen israelisch ADJ amod 4 Gen
        Armee Armee NOUN nmod 1 Gen
        , , PUNCT punct 6
        Jan Jan PROPN appos 1 Nom
        Ott Ott PROPN flat 6 Nom
        , , PUNCT punct 6
        sprach sprechen VERB ROOT 9
        . . PUNCT punct 9
    """.replace("nsubj 10", "nsubj 9"), ents=[(6, 8, "PER")])
    found = relations_of(doc)
    assert ("Jan Ott", "member_of", "Israel") in found and ("Jan Ott", "leader_of", "Israel") not in found


def test_a_bare_spokesman_speaks_for_the_one_organisation_that_is_the_subject_before_him():
    doc = doc_from("""
        Die der DET det 1 Nom
        Grünen Grüne PROPN nsubj 2 Nom
        kritisieren kritisieren VERB ROOT 2
        den der DET det 4 Acc
        Plan Plan NOUN obj 2 Acc
        , , PUNCT punct 6
        so so ADV advmod 2
        Bildungssprecher Bildungssprecher NOUN appos 6 Nom
        Jan Jan PROPN appos 7 Nom
        Ott Ott PROPN flat 8 Nom
        . . PUNCT punct 2
    """, ents=[(8, 10, "PER")])
    assert ("Jan Ott", "member_of", "Die Grünen") in relations_of(doc)


def test_a_bare_spokesman_takes_no_organisation_named_after_him():
    doc = doc_from("""
        Das der PRON nsubj 1 Nom
        sagte sagen VERB ROOT 1
        Sprecher Sprecher NOUN nsubj 1 Nom
        Jan Jan PROPN appos 2 Nom
        Ott Ott PROPN flat 3 Nom
        der der DET det 6 Dat
        APA APA PROPN nsubj 1 Dat
        . . PUNCT punct 1
    """, ents=[(3, 5, "PER"), (6, 7, "ORG")])
    assert ("Jan Ott", "member_of", "APA") not in relations_of(doc)


def test_a_coordinated_genitive_role_before_the_comma_is_the_apposition_s():
    doc = doc_from("""
        Kritik Kritik NOUN nsubj 12 Nom
        der der DET det 2 Gen
        Regierung Regierung NOUN nmod 0 Gen
        und und CCONJ cc 5
        des der DET det 5 Gen
        Chefs Chef NOUN conj 2 Gen
        der der DET det 7 Gen
        SPD SPD PROPN nmod 5 Gen
        , , PUNCT punct 9
        Jan Jan PROPN appos 5 Gen
        Ott Ott PROPN flat 9 Gen
        , , PUNCT punct 9
        wächst wachsen VERB ROOT 12
        . . PUNCT punct 12
    """, ents=[(7, 8, "ORG"), (9, 11, "PER")])
    assert ("Jan Ott", "leader_of", "SPD") in relations_of(doc)


def test_an_envoy_named_with_an_organisation_and_a_state_is_the_states():
    doc = doc_from("""
        Russlands Russland PROPN nmod:poss 1 Gen
        UN-Botschafter UN-Botschafter NOUN nsubj 4 Nom
        Jan Jan PROPN appos 1 Nom
        Ott Ott PROPN flat 2 Nom
        spricht sprechen VERB ROOT 4
        . . PUNCT punct 4
    """, ents=[(0, 1, "LOC"), (2, 4, "PER")])
    found = relations_of(doc)
    assert ("Jan Ott", "member_of", "Russland") in found and ("Jan Ott", "member_of", "UNO") not in found
