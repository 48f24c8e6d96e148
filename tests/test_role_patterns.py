"""Role constructions said as Matcher / DependencyMatcher patterns (graphx/lexicons/role_patterns.jsonl);
sentences written for the tests, parses flat where the constructions read words."""
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
