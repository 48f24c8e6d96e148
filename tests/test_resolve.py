"""Entity resolution inside an article and across articles, and the user alias file."""
import pytest

from graphx.errors import InputError
from graphx.mentions import Mention
from graphx.resolve import (
    AliasTable,
    find_acronyms,
    merge_across_articles,
    resolve_article,
    translit_key,
)


def mention(text, surface, etype="PERSON", kind="name"):
    start = text.index(surface)
    return Mention(start, start + len(surface), surface, etype, surface, kind, 0, 0, 0)


def result(article, entities, relations=()):
    return {"article": article, "sha256": article, "relations": list(relations),
            "entities": [{"name": n, "type": t, "aliases": [n], "mentions": 1} for n, t in entities]}


def test_short_and_genitive_forms_resolve_to_the_full_name():
    text = "Emmanuel Macron reiste nach Rom. Macron sprach dort. Macrons Rede war kurz."
    mentions = [mention(text, "Emmanuel Macron"), mention(text, "Macron sprach"[:6]), mention(text, "Macrons")]
    mentions[1] = Mention(text.index("Macron sprach"), text.index("Macron sprach") + 6, "Macron", "PERSON",
                          "Macron", "name", 0, 0, 0)
    assert resolve_article(mentions, text)["names"] == ["Emmanuel Macron"] * 3


def test_kim_resolves_to_the_kim_the_context_points_to_and_two_kims_stay_apart():
    text = ("Kim Jong-un empfing Gäste. Kim Yo-jong sprach danach. Kim lobte die Gäste. "
            "Später äußerte sich Kim Jong-un. Kim drohte.")
    first = mention(text, "Kim Jong-un")
    sister = mention(text, "Kim Yo-jong")
    lobte = Mention(text.index("Kim lobte"), text.index("Kim lobte") + 3, "Kim", "PERSON", "Kim", "name", 0, 0, 0)
    second = Mention(text.rindex("Kim Jong-un"), text.rindex("Kim Jong-un") + 11, "Kim Jong-un", "PERSON",
                     "Kim Jong-un", "name", 0, 0, 0)
    drohte = Mention(text.index("Kim drohte"), text.index("Kim drohte") + 3, "Kim", "PERSON", "Kim", "name", 0, 0, 0)
    names = resolve_article([first, sister, lobte, second, drohte], text)["names"]
    assert names == ["Kim Jong-un", "Kim Yo-jong", "Kim Yo-jong", "Kim Jong-un", "Kim Jong-un"]


def test_acronym_introduced_in_brackets_resolves_to_the_long_form():
    text = "Das Institute for the Study of War (ISW) schreibt. Das ISW warnt."
    long_form = mention(text, "Institute for the Study of War", "ORG")
    short = Mention(text.rindex("ISW"), text.rindex("ISW") + 3, "ISW", "ORG", "ISW", "name", 0, 0, 0)
    names = resolve_article([long_form, short], text)["names"]
    assert names[0] == names[1]


def test_acronyms_in_both_orders_with_and_without_a_leading_article():
    text = ("Laut dem Zentrum für Europäische Wirtschaftsforschung (ZEW) sinkt die Stimmung. "
            "Die OSZE (Organisation für Sicherheit und Zusammenarbeit in Europa) schickt Beobachter.")
    assert find_acronyms(text, []) == {
        "Zentrum für Europäische Wirtschaftsforschung": "ZEW",
        "Organisation für Sicherheit und Zusammenarbeit in Europa": "OSZE"}
    assert find_acronyms("Die Kommission der Stadt (KS) tagt.", []) == {   # with and without "Die"
        "Die Kommission der Stadt": "KS", "Kommission der Stadt": "KS"}
    assert find_acronyms("Viele Leute (VL) kamen (nicht alle).", []) == {"Viele Leute": "VL"}
    assert find_acronyms("Er sagt (ABC) nichts.", []) == {}


def test_acronym_search_takes_linear_time_on_a_line_without_commas():
    import time
    sentence = "Die Regierung in Wien hat am Montag Neues beschlossen. "
    timings = []
    for repeat in (2_000, 8_000):            # 110,000 and 440,000 characters on one line
        text = sentence * repeat + "Das Amt für Statistik (AS) meldet es."
        started = time.perf_counter()
        assert find_acronyms(text, [])["Amt für Statistik"] == "AS"
        timings.append(time.perf_counter() - started)
    assert timings[1] < 2.0                  # quadratic: minutes
    assert timings[1] < 12 * timings[0] + 0.2


@pytest.mark.parametrize("a, b", [("Selenskyj", "Selenski"), ("Wolodymyr Selenskyj", "Wolodimir Selenski"),
                                  ("Sergej Lawrow", "Sergei Lawrow"), ("Jens Stoltenberg", "Jens Stoltenberg")])
def test_transliteration_variants_share_a_key(a, b):
    assert translit_key(a) == translit_key(b)


def test_transliteration_keys_keep_different_people_apart():
    assert translit_key("Kim Jong-un") != translit_key("Kim Yong Hyun")
    assert translit_key("Annalena Baerbock") != translit_key("Anna Lena Bärbel")


def test_variants_merge_across_articles_with_a_stable_canonical_name():
    results = [result("a.txt", [("Wolodymyr Selenskyj", "PERSON"), ("Selenskyj", "PERSON")]),
               result("b.txt", [("Wolodimir Selenski", "PERSON")]),
               result("c.txt", [("Wolodymyr Selenskyj", "PERSON")])]
    merged = merge_across_articles(results)
    names = {e["name"] for r in merged for e in r["entities"]}
    assert names == {"Wolodymyr Selenskyj"}
    again = merge_across_articles(list(reversed(results)))
    assert {e["name"] for r in again for e in r["entities"]} == names
    # a given name written as one word or two
    joined = merge_across_articles([result("a.txt", [("Abdelkarim al-Nuri", "PERSON")]),
                                    result("b.txt", [("Abdel Karim al-Nuri", "PERSON")])])
    assert len({e["name"] for r in joined for e in r["entities"]}) == 1


def test_acronym_merges_with_its_long_form_across_articles():
    results = [result("a.txt", [("Institute for the Study of War", "ORG")]), result("b.txt", [("ISW", "ORG")])]
    merged = merge_across_articles(results)
    assert {e["name"] for r in merged for e in r["entities"]} == {"ISW"}

    # two names the lexicon knows apart stay apart even where the initials agree
    results = [result("a.txt", [("Internationaler Strafgerichtshof", "ORG")]), result("b.txt", [("IS", "ORG")])]
    merged = merge_across_articles(results)
    assert {e["name"] for r in merged for e in r["entities"]} == {"Internationaler Strafgerichtshof", "IS"}

    # two letters are a long form's acronym only where one article names both
    apart = [result("a.txt", [("Tiroler Vereinsbund", "ORG")]), result("b.txt", [("TV", "ORG")])]
    assert {e["name"] for r in merge_across_articles(apart) for e in r["entities"]} == {"Tiroler Vereinsbund", "TV"}
    together = apart + [result("c.txt", [("Tiroler Vereinsbund", "ORG"), ("TV", "ORG")])]
    assert {e["name"] for r in merge_across_articles(together) for e in r["entities"]} == {"TV"}


def test_alias_file_forces_merges_splits_and_canonical_names(tmp_path):
    path = tmp_path / "aliases.txt"
    path.write_text("# newsroom aliases\nWolodymyr Selenskyj = Zelensky | Selenski\n!Kim\n"
                    "Bundesrepublik Deutschland = Deutschland\n", encoding="utf-8")
    table = AliasTable.load(path)
    results = [result("a.txt", [("Zelensky", "PERSON"), ("Kim", "PERSON"), ("Deutschland", "STATE")],
                      [{"source": "Zelensky", "target": "Deutschland", "relation": "meets", "evidence": {}}]),
               result("b.txt", [("Kim Jong-un", "PERSON"), ("Selenski", "PERSON")])]
    merged = merge_across_articles(results, table)
    names = {e["name"] for r in merged for e in r["entities"]}
    assert "Wolodymyr Selenskyj" in names and "Zelensky" not in names and "Selenski" not in names
    assert {"Kim", "Kim Jong-un"} <= names                       # "!Kim" keeps the lone Kim apart
    assert "Bundesrepublik Deutschland" in names
    relation = merged[0]["relations"][0]
    assert (relation["source"], relation["target"]) == ("Wolodymyr Selenskyj", "Bundesrepublik Deutschland")


def test_bad_alias_file_is_an_input_error_naming_the_line(tmp_path):
    path = tmp_path / "aliases.txt"
    path.write_text("Wolodymyr Selenskyj = Selenski\nthis line has no equals sign\n", encoding="utf-8")
    with pytest.raises(InputError, match=":2:"):
        AliasTable.load(path)
    with pytest.raises(InputError, match="not found"):
        AliasTable.load(tmp_path / "missing.txt")


def test_particle_names_arabic_articles_and_diacritics_resolve_to_the_full_name():
    text = "Carlos de la Vega kam. De la Vega sprach mit Jarosław Nowicki. Jaroslaw nickte."
    mentions = [mention(text, s) for s in ("Carlos de la Vega", "De la Vega", "Jarosław Nowicki", "Jaroslaw")]
    assert resolve_article(mentions, text)["names"] == ["Carlos de la Vega", "Carlos de la Vega",
                                                        "Jarosław Nowicki", "Jarosław Nowicki"]


def test_organisation_names_differing_in_adjective_endings_merge_across_articles():
    merged = merge_across_articles([result("a.txt", [("Nordischer Fischereirat", "ORG")]),
                                    result("b.txt", [("Nordischen Fischereirat", "ORG")])])
    assert merged[0]["entities"][0]["name"] == merged[1]["entities"][0]["name"]


def test_an_entity_takes_the_type_most_of_its_mentions_give_it():
    text = "Brenner sprach. Brenner lachte. Brenner ging."
    mentions = [Mention(k * 16, k * 16 + 7, "Brenner", etype, "Brenner", "name", 0, 0, 0)
                for k, etype in enumerate(("LOCATION", "PERSON", "PERSON"))]
    assert resolve_article(mentions, text)["entities"]["Brenner"]["type"] == "PERSON"


def test_keep_apart_rule_splits_a_short_form_inside_one_article():
    table = AliasTable(keep_apart={"kim"})
    article = {"article": "a.txt", "sha256": "a", "relations": [],
               "entities": [{"name": "Kim Jong-un", "type": "PERSON", "aliases": ["Kim", "Kim Jong-un"],
                             "mentions": 3}]}
    merged = merge_across_articles([article], table)
    assert sorted(e["name"] for e in merged[0]["entities"]) == ["Kim", "Kim Jong-un"]
def test_alias_names_may_contain_an_equals_sign_without_spaces(tmp_path):
    path = tmp_path / "aliases.txt"
    path.write_text("Müller=Partner Rechtsanwälte = MP Anwälte | Müller = Partner\nX=Y\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"aliases.txt:1: more than one ' = '"):
        AliasTable.load(path)
    path.write_text("Müller=Partner Rechtsanwälte = MP Anwälte | Müller-Partner\nGazprom=Gasprom\n", encoding="utf-8")
    table = AliasTable.load(path)
    assert table.lookup("MP Anwälte") == table.lookup("müller-partner") == "Müller=Partner Rechtsanwälte"
    assert table.lookup("Gasprom") == "Gazprom"                # the only '=' of a line without ' = '


@pytest.mark.parametrize("line, message", [
    ("A=B=C", ":3: several '=' and none with spaces"), ("Nur ein Name", ":3: expected 'Canonical = alias"),
    ("= Selenski", ":3: missing canonical name"), ("Selenskyj =", ":3: no alias after '='"),
    ("Selenskyj = | ", ":3: no alias after '='"), ("!", ":3: missing name after '!'")])
def test_malformed_alias_lines_are_one_line_errors_with_the_line_number(tmp_path, line, message):
    path = tmp_path / "aliases.txt"
    path.write_text(f"# Kommentar\nWolodymyr Selenskyj = Selenski\n{line}\n", encoding="utf-8")
    with pytest.raises(InputError, match=message) as caught:
        AliasTable.load(path)
    assert "\n" not in str(caught.value)


def test_a_surname_in_another_transliteration_resolves_to_the_one_full_name():
    text = "Außenminister Osman Saleh reiste ab. Salih sagte, Mira Salt bleibe."
    mentions = [mention(text, "Osman Saleh"), mention(text, "Salih"), mention(text, "Mira Salt")]
    assert resolve_article(mentions, text)["names"] == ["Osman Saleh", "Osman Saleh", "Mira Salt"]


def test_one_long_form_with_two_bracketed_short_forms_is_one_body():
    text = "Geld fließt in den Nord-Fonds (NORFO). Der Nord-Fonds (NORFO-Fonds) hilft Bauern."
    mentions, offset = [], 0
    for surface in ("Nord-Fonds", "NORFO", "Nord-Fonds", "NORFO-Fonds"):
        start = text.index(surface, offset)
        offset = start + len(surface)
        mentions.append(Mention(start, offset, surface, "ORG", surface, "name", 0, 0, 0))
    assert set(resolve_article(mentions, text)["names"]) == {"NORFO"}


def test_a_cover_name_after_a_person_resolves_to_the_person():
    text = "Unterschrieben war es von Jan Nowicki mit dem Decknamen Kruk. Kruk bestritt das. Anna Lis blieb."
    kruk = text.index("Kruk bestritt")
    mentions = [mention(text, "Jan Nowicki"), Mention(kruk, kruk + 4, "Kruk", "PERSON", "Kruk", "name", 0, 0, 0),
                mention(text, "Anna Lis")]
    assert resolve_article(mentions, text)["names"] == ["Jan Nowicki", "Jan Nowicki", "Anna Lis"]


def test_a_genitive_form_merges_across_articles_with_the_name_written_without_it():
    results = [result("a.txt", [("Lena Brunnmayr", "PERSON"), ("Tauernland", "LOCATION")]),
               result("b.txt", [("Lena Brunnmayrs", "PERSON"), ("Tauernlands", "LOCATION")]),
               result("c.txt", [("Lena Brunnmayr", "PERSON"), ("Tauernland", "LOCATION")])]
    names = {e["name"] for r in merge_across_articles(results) for e in r["entities"]}
    assert names == {"Lena Brunnmayr", "Tauernland"}
    # only to a name of the same type
    apart = merge_across_articles([result("a.txt", [("Nordkamm", "ORG")]),
                                   result("b.txt", [("Nordkamms", "LOCATION")])])
    assert {e["name"] for r in apart for e in r["entities"]} == {"Nordkamm", "Nordkamms"}


def test_a_surname_opening_with_a_particle_merges_across_articles_with_the_one_full_name_it_ends():
    results = [result("a.txt", [("Karla van der Meulen", "PERSON")]),
               result("b.txt", [("van der Meulen", "PERSON"), ("de Souza", "PERSON")]),
               result("c.txt", [("Ana de Souza", "PERSON")]), result("d.txt", [("Rui de Souza", "PERSON")])]
    names = {e["name"] for r in merge_across_articles(results) for e in r["entities"]}
    assert names == {"Karla van der Meulen", "de Souza", "Ana de Souza", "Rui de Souza"}


def test_given_names_alone_resolve_to_the_one_full_name_they_open():
    text = "Anna Lena reiste ab. Anna Lena Brunner rief an. Anna Lenas Eltern blieben."
    mentions = [mention(text, "Anna Lena"), mention(text, "Anna Lena Brunner"), mention(text, "Anna Lenas")]
    assert resolve_article(mentions, text)["names"] == ["Anna Lena Brunner"] * 3


def test_a_firm_with_its_legal_form_is_the_firm_named_without_it():
    text = "Die Berger Holding verkauft. Berger Bau und die Nord AG bleiben. Berger Bau Holding wächst."
    mentions = [mention(text, "Berger Holding", "ORG"), mention(text, "Berger Bau", "ORG"),
                mention(text, "Nord AG", "ORG"), mention(text, "Berger Bau Holding", "ORG")]
    assert resolve_article(mentions, text)["names"] == ["Berger Holding", "Berger Bau", "Nord AG", "Berger Bau"]


def test_a_full_name_in_the_genitive_is_the_person_its_surname_names_alone():
    text = "Der Auftritt Lukas Brenners war kurz. Dann sprach Brenner."
    full = mention(text, "Lukas Brenners")
    alone = Mention(text.rindex("Brenner"), text.rindex("Brenner") + 7, "Brenner", "PERSON", "Brenner", "name", 0, 0, 0)
    assert resolve_article([full, alone], text)["names"] == ["Lukas Brenner"] * 2


def test_an_organisation_merges_with_the_one_another_article_resolved_its_name_to():
    a = result("a.txt", [("GPK", "ORG")])
    a["entities"][0]["aliases"] = ["GPK", "Grenz-Polizei Karpatiens"]
    merged = merge_across_articles([a, result("b.txt", [("Grenz-Polizei Karpatiens", "ORG")])])
    assert {e["name"] for r in merged for e in r["entities"]} == {"GPK"}
    # a one-word short form is no ground for a merge ("Kommission" may be any commission)
    c = result("c.txt", [("EU-Kommission", "ORG")])
    c["entities"][0]["aliases"] = ["EU-Kommission", "Kommission"]
    merged = merge_across_articles([c, result("d.txt", [("Kommission", "ORG")])])
    assert {e["name"] for r in merged for e in r["entities"]} == {"EU-Kommission", "Kommission"}
