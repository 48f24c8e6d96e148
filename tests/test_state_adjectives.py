"""graphx/lexicons/state_adjectives.tsv: every row names a state of states.tsv, its forms resolve back to that
state, and no form is an ordinary German word of another meaning. Sentences are written for the tests."""
import sys
from pathlib import Path

import pytest

from docs import doc_from, relations_of
from graphx.lexicon import ADJ_ENDINGS, fold, load, rows, word_forms
from graphx.mentions import find_mentions

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tools"))
import count_state_forms

ROWS = [(row[0], row[1], [d.strip() for d in row[2].split(",")] if len(row) > 2 and row[2] else [])
        for row in rows("state_adjectives.tsv")]


def adjective_forms(stem):
    forms = [stem + ending for ending in ADJ_ENDINGS]
    return forms + [form[:1].upper() + form[1:] for form in forms]


def written_forms(demonym):
    """The forms German writes for an inhabitant noun: singular, plural, feminine singular and plural."""
    if demonym.endswith("e"):
        return [demonym, demonym + "n", demonym[:-1] + "in", demonym[:-1] + "innen"]
    plural = demonym if demonym.endswith(("er", "el")) else demonym + ("s" if demonym.endswith("i") else "en")
    return [demonym, plural, demonym + "in", demonym + "innen"]


def test_every_row_names_a_canonical_state_and_resolves_back_to_it():
    lex = load()
    assert ROWS
    for stem, state, demonyms in ROWS:
        assert state in lex.state_names, stem
        assert lex.state_of(state) == state
        for form in adjective_forms(stem):
            assert lex.state_of(form) == state, form
        for demonym in demonyms:
            for form in written_forms(demonym):
                assert lex.state_of(form) == state, form


def test_no_form_stands_for_two_states():
    seen = {}
    for stem, state, demonyms in ROWS:
        for form in adjective_forms(stem) + [f for d in demonyms for f in written_forms(d)]:
            assert seen.setdefault(fold(form), state) == state, (form, seen[fold(form)], state)


def test_most_states_have_an_adjective():
    lex = load()
    with_adjective = {state for _stem, state, _demonyms in ROWS}
    assert len(with_adjective) >= 0.9 * len(lex.state_names)


@pytest.mark.parametrize("form, state", [
    ("eritreischen", "Eritrea"), ("Äthiopier", "Äthiopien"), ("kenianische", "Kenia"), ("Kenianerinnen", "Kenia"),
    ("ruandischer", "Ruanda"), ("ugandischen", "Uganda"), ("Somaliern", "Somalia"), ("tadschikische", "Tadschikistan"),
    ("Kirgisen", "Kirgisistan"), ("kambodschanischen", "Kambodscha"), ("Thailänder", "Thailand"),
    ("myanmarische", "Myanmar"), ("burmesischen", "Myanmar"), ("singapurischen", "Singapur"),
    ("Philippinerin", "Philippinen"), ("Vietnamesen", "Vietnam"), ("Katarer", "Katar"),
    ("emiratische", "Vereinigte Arabische Emirate"), ("Jemeniten", "Jemen"), ("Marokkanerin", "Marokko"),
    ("Ghanaer", "Ghana"), ("Senegalesen", "Senegal"), ("malischen", "Mali"), ("Malier", "Mali"),
    ("Südsudanesen", "Südsudan"), ("sudanesischen", "Sudan"), ("tschadische", "Tschad"), ("nigrischen", "Niger"),
    ("nigerianischen", "Nigeria"), ("guineische", "Guinea"), ("äquatorialguineischen", "Äquatorialguinea"),
    ("kongolesische", "Demokratische Republik Kongo"), ("kosovarischen", "Kosovo"), ("Taiwanesen", "Taiwan"),
    ("US-amerikanischen", "USA"), ("Nordkoreaner", "Nordkorea"), ("südkoreanische", "Südkorea"),
    ("palästinensischen", "Palästina"), ("Zyprioten", "Zypern"),
])
def test_written_forms_resolve_to_their_state(form, state):
    assert load().state_of(form) == state


@pytest.mark.parametrize("word", ["zentralafrikanischen", "salomonische", "mikronesischen", "koreanische",
                                  "arabischen", "Malteser", "Dominikaner", "indianische"])
def test_words_with_another_usual_meaning_stay_out(word):
    assert load().state_of(word) is None


def test_no_form_is_a_common_word_of_another_meaning():
    """A form the German lemma table knows must be a form of the same word (or of the state's name)."""
    lex, forms = load(), word_forms()
    if not forms:
        pytest.skip("spacy-lookups-data is not installed")
    clashes = []
    for stem, state, demonyms in ROWS:
        for form in adjective_forms(stem):
            if form in forms and not fold(forms[form]).startswith(fold(stem)):
                clashes.append((form, forms[form]))
        for demonym in demonyms:
            for form in written_forms(demonym):
                lemma = forms.get(form)
                if lemma and fold(form) not in lex.states and lex.state_of(lemma) != state and \
                        fold(lemma) != fold(demonym):
                    clashes.append((form, lemma))
    assert clashes == []


def test_adjective_of_a_new_state_is_a_state_mention_and_an_actor():
    doc = doc_from("""
        Die der DET det 2 Nom
        eritreische eritreisch ADJ amod 2 Nom
        Regierung Regierung NOUN nsubj 3 Nom
        kritisiert kritisieren VERB ROOT 3
        Kenia Kenia PROPN obj 3 Acc
        . . PUNCT punct 3
    """, ents=[(4, 5, "LOC")])
    assert ("eritreische", "STATE") in [(m.surface, m.type) for m in find_mentions(doc)]
    assert ("Eritrea", "criticizes", "Kenia") in relations_of(doc)


def test_inhabitant_noun_in_the_plural_is_the_state():
    doc = doc_from("""
        Ugander Ugander NOUN nsubj 1 Nom
        protestieren protestieren VERB ROOT 1
        in in ADP mo 1
        Kampala Kampala PROPN nk 2 Dat
        . . PUNCT punct 1
    """, ents=[(3, 4, "LOC")])
    assert [m.key for m in find_mentions(doc) if m.surface == "Ugander"] == ["Uganda"]


def test_count_tool_counts_inflected_adjectives_and_inhabitant_nouns(tmp_path, capsys):
    corpus = tmp_path / "corpus.txt"
    corpus.write_text("Die eritreische Regierung, zwei Eritreer und eine Eritreerin. Eritreische Medien.\n",
                      encoding="utf-8")
    count_state_forms.main([str(corpus), "--words", "eritreisch", "Eritreer", "kongolesisch"])
    assert capsys.readouterr().out.split() == ["eritreisch", "2", "Eritreer", "2", "kongolesisch", "0"]


def test_count_tool_names_an_unreadable_corpus_in_one_line(tmp_path):
    with pytest.raises(SystemExit) as stop:
        count_state_forms.main([str(tmp_path / "missing.txt")])
    assert "missing.txt" in str(stop.value) and "\n" not in str(stop.value)
