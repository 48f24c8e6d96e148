import pytest

from graphx.errors import InputError
from graphx.reader import decode, html_to_text, normalise, read_articles, Unreadable

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
