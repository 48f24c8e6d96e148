"""tools/build_gazetteer.py: the German transliteration and diacritic folding behind the name lists."""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tools"))
build_gazetteer = pytest.importorskip("build_gazetteer")


@pytest.mark.parametrize("cyrillic, lang, german", [
    ("Лавров", "ru", "Lawrow"), ("Шойгу", "ru", "Schoigu"), ("Захарова", "ru", "Sacharowa"),
    ("Сергей", "ru", "Sergej"), ("Дмитрий", "ru", "Dmitri"), ("Елена", "ru", "Jelena"),
    ("Василий", "ru", "Wassili"), ("Алексей", "ru", "Alexej"), ("Жуков", "ru", "Schukow"),
    ("Зеленський", "uk", "Selenskyj"), ("Кличко", "uk", "Klytschko"), ("Юлія", "uk", "Julija"),
    ("Георгиев", "bg", "Georgiew"),
])
def test_cyrillic_names_are_transliterated_the_german_way(cyrillic, lang, german):
    assert build_gazetteer.cyrillic_to_german(cyrillic, lang) == german


def test_foreign_diacritics_are_folded_but_umlauts_stay():
    fold = build_gazetteer.fold_foreign_diacritics
    assert [fold(w) for w in ("Pişkin", "Łukasz", "Dvořák", "Gönültaş", "Müller")] == \
        ["Piskin", "Lukasz", "Dvorak", "Gönültas", "Müller"]


def test_name_variants_keep_latin_names_and_transliterate_cyrillic_ones():
    assert build_gazetteer.name_variants({"Pişkin"}, "tr_TR") == {"Pişkin", "Piskin"}
    assert build_gazetteer.name_variants({"Песков"}, "ru_RU") == {"Peskow"}
