import pytest

from graphx.errors import InputError
from graphx.reader import decode, foreign_language, html_to_text, normalise, read_articles, Unreadable

GERMAN = "Der Außenminister sagte: „Grüße aus Köln“ – schön."


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "cp1252"])
def test_decodes_common_encodings(encoding):
    assert decode(GERMAN.encode(encoding)) == GERMAN


def test_latin1_umlauts():
    text = "Größe und Übermaß"
    assert decode(text.encode("latin-1")) == text


@pytest.mark.parametrize("data,reason", [(b"%PDF-1.4\n...", "PDF"), (b"\x89PNG\r\n\x1a\n\x00\x00", "PNG"),
                                         (b"PK\x03\x04\x14\x00", "ZIP")])
def test_binary_files_are_refused_with_reason(data, reason):
    with pytest.raises(Unreadable, match=reason):
        decode(data)


def test_html_keeps_article_text_and_drops_scripts_navigation_and_banners():
    html = """<html><head><title>T</title><style>p{}</style></head><body>
    <nav>Startseite Politik</nav><div class="cookie-banner">Wir nutzen Cookies</div>
    <article><h1>Gipfel in Rom</h1><p>Italien und Frankreich unterzeichnen ein Abkommen.</p>
    <script>alert(1)</script></article><footer>Impressum</footer></body></html>"""
    text = html_to_text(html)
    assert "Italien und Frankreich unterzeichnen ein Abkommen." in text
    for junk in ("Startseite", "Cookies", "alert", "Impressum", "p{}"):
        assert junk not in text


def test_folder_reading_skips_bad_files_and_duplicates(tmp_path):
    (tmp_path / "a.txt").write_text("Berlin liegt an der Spree.\r\nZweite Zeile.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Berlin liegt an der Spree.\r\nZweite Zeile.", encoding="utf-8")
    (tmp_path / "empty.txt").write_text("   \n", encoding="utf-8")
    (tmp_path / "bild.png.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    (tmp_path / "ignored.csv").write_text("x,y", encoding="utf-8")
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "c.md").write_text("# Titel\n\n**Paris** und [Rom](http://x) reden.", encoding="utf-8")
    report = read_articles([tmp_path])
    names = sorted(a.name for a in report.articles)
    assert names == ["a.txt", "sub/c.md"]
    assert report.articles[0].text == "Berlin liegt an der Spree.\nZweite Zeile."
    assert "Paris und Rom reden." in report.articles[1].text
    assert len(report.warnings) == 3 and any("same text" in w for w in report.warnings)


def test_missing_and_empty_inputs_raise_input_error(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_articles([tmp_path / "nope"])
    with pytest.raises(InputError, match="no .txt"):
        read_articles([tmp_path])
    (tmp_path / "x.txt").write_bytes(b"")
    with pytest.raises(InputError, match="no readable articles"):
        read_articles([tmp_path])


def test_runs_of_spaces_between_words_become_one_space_indentation_stays():
    assert normalise("Botschafter Sergey  Kiselev\t\tsagte\r\n  Absatz  \n") == \
        "Botschafter Sergey Kiselev sagte\n  Absatz  \n"


ENGLISH = ("US President Joe Biden on Monday met the Prime Minister of Japan at the White House. The two "
           "leaders said that they would work together on trade and that their countries had agreed to "
           "share more information about the threats in the region, which have grown over the past year.")
FRENCH = ("Le président de la République a annoncé lundi que le gouvernement allait présenter un nouveau "
          "projet de loi sur les retraites. Les syndicats ont dénoncé une réforme injuste et ils appellent "
          "à une grève dans toute la France pour la semaine prochaine, mais le ministre reste confiant.")


@pytest.mark.parametrize("text, language", [(ENGLISH, "English"), (FRENCH, "French"),
                                            ("Президент России встретился с министром в Москве.", "Cyrillic script")])
def test_articles_not_in_german_are_recognised(text, language):
    assert foreign_language(text) == language


@pytest.mark.parametrize("text", [
    "Biden trifft Kishida in Washington",                                   # a headline
    "Neu im Kino: The Lord of the Rings: The Return of the King",            # an English title
    "Kurz gemeldet: Die WHO warnt vor Masern.",
    "Apple-Chef Tim Cook und Microsoft-Chef Satya Nadella trafen sich in New York mit Vertretern von "
    "The Walt Disney Company, Bank of America und der New York Times. Laut The Wall Street Journal und "
    "The Guardian ging es um The Future of Work. Die Gespräche seien gut verlaufen, sagte ein Sprecher.",
    GERMAN, "",
])
def test_german_short_texts_headlines_and_english_names_are_german(text):
    assert foreign_language(text) is None


def test_foreign_articles_are_skipped_with_the_language_unless_any_language(tmp_path):
    (tmp_path / "de.txt").write_text("Russland kritisiert die Ukraine. Frankreich unterstützt Polen.", encoding="utf-8")
    (tmp_path / "en.txt").write_text(ENGLISH, encoding="utf-8")
    (tmp_path / "fr.html").write_text(f"<html><body><article><p>{FRENCH}</p></article></body></html>",
                                      encoding="utf-8")
    report = read_articles([tmp_path])
    assert [a.name for a in report.articles] == ["de.txt"]
    assert sorted(report.warnings) == [f"{tmp_path / 'en.txt'}: skipped: English, not German (--any-language reads it)",
                                       f"{tmp_path / 'fr.html'}: skipped: French, not German (--any-language reads it)"]
    assert sorted(a.name for a in read_articles([tmp_path], any_language=True).articles) == \
        ["de.txt", "en.txt", "fr.html"]


def test_no_readable_articles_names_every_skipped_file_with_its_reason(tmp_path):
    (tmp_path / "leer.txt").write_text("  \n", encoding="utf-8")
    (tmp_path / "bericht.txt").write_text(ENGLISH, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_articles([tmp_path])
    message = str(caught.value)
    assert "\n" not in message
    assert message == (f"no readable articles in {tmp_path}: 2 file(s) skipped: "
                       f"{tmp_path / 'bericht.txt'}: English, not German (--any-language reads it); "
                       f"{tmp_path / 'leer.txt'}: empty file")


def test_no_readable_articles_counts_reasons_past_the_named_files(tmp_path):
    for number in range(25):
        (tmp_path / f"{number:02d}.txt").write_text("" if number % 2 else ENGLISH, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_articles([tmp_path])
    message = str(caught.value)
    named, rest = message.split("; and ")
    assert named.count(": empty file") == 10 and named.count(": English, not German") == 10
    assert message.endswith("and 5 more: 3 English, not German (--any-language reads it); 2 empty file")
