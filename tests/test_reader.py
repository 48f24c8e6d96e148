import pytest

from graphx.errors import InputError
from graphx.reader import (
    Unreadable,
    decode,
    foreign_language,
    html_to_text,
    normalise,
    read_articles,
)

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
    assert len(caught.value.details) == 25           # the CLI shows every one as a warning line


def test_the_cli_names_every_skipped_file_before_the_one_line_error(tmp_path):
    from click.testing import CliRunner

    from graphx.cli import main
    for number in range(25):
        (tmp_path / f"{number:02d}.txt").write_text("", encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(tmp_path), "--out", str(tmp_path / "out"), "--no-store"])
    lines = result.output.strip().splitlines()
    assert result.exit_code == 3
    assert sum(line.startswith("Warning: ") and line.endswith(": skipped: empty file") for line in lines) == 25
    assert lines[-1].startswith("Error: no readable articles") and "Traceback" not in result.output


# Saved news pages as sites build them (written for the test): kicker, byline, lead, ad, related links, figure,
# paywall teaser, share buttons, comment section, consent dialog, newsletter box, footer.
PORTAL_PAGE = """<!DOCTYPE html>
<html lang="de"><head><meta charset="utf-8">
<title>Hafenstreit: Dänemark und Schweden einigen sich auf Fährlinie - Nordkurier Online</title>
<meta property="og:title" content="Hafenstreit: Dänemark und Schweden einigen sich auf Fährlinie">
<meta property="article:published_time" content="2024-03-12T10:15:00+01:00">
<meta name="author" content="Anna Berger">
</head><body>
<div id="cmp-wrapper" class="cmp-layer" role="dialog"><div class="cmp-content">
<h2>Wir schätzen Ihre Privatsphäre</h2>
<p>Wir und unsere 142 Partner speichern Informationen auf Ihrem Gerät und verarbeiten personenbezogene Daten,
um Ihnen personalisierte Werbung anzuzeigen. Sie können Ihre Einwilligung jederzeit widerrufen.</p>
<button>Alle akzeptieren</button><button>Einstellungen</button></div></div>
<header class="site-header"><a class="logo" href="/">Nordkurier</a>
<ul class="menu"><li><a href="/politik">Politik</a></li><li><a href="/wirtschaft">Wirtschaft</a></li></ul></header>
<div class="breadcrumb"><a href="/">Startseite</a> › <a href="/politik">Politik</a> › Ausland</div>
<main id="content">
<article class="article">
<header>
<span class="kicker">Ostsee</span>
<h1 class="headline">Hafenstreit: Dänemark und Schweden einigen sich auf Fährlinie</h1>
<p class="byline">Von <a href="/autoren/anna-berger" rel="author">Anna Berger</a> · 12. März 2024, 10:15 Uhr · 3 Min. Lesezeit</p>
</header>
<p class="intro"><strong>Nach monatelangem Streit haben Dänemark und Schweden am Dienstag in Kopenhagen einen Vertrag
über eine neue Fährlinie zwischen Helsingør und Helsingborg unterzeichnet.</strong></p>
<div class="ad-slot"><span>Anzeige</span><div>Jetzt Traumreise buchen!</div></div>
<p>Der dänische Verkehrsminister sprach von einem wichtigen Schritt für die Region. Die schwedische Regierung
kündigte an, den Hafen von Helsingborg bis 2026 auszubauen. Beide Länder wollen sich die Kosten teilen.</p>
<aside class="related"><h3>Mehr zum Thema</h3><ul>
<li><a href="/a1">Brückenmaut: Pendler klagen über hohe Preise</a></li>
<li><a href="/a2">Norwegen plant eigenen Tunnel unter dem Oslofjord</a></li></ul></aside>
<p>Kritik kam von Umweltverbänden. Sie werfen den Regierungen vor, die Folgen für den Öresund nicht
ausreichend geprüft zu haben. Eine Sprecherin der EU-Kommission sagte, Brüssel werde den Vertrag prüfen.</p>
<figure><img src="faehre.jpg" alt=""><figcaption>Eine Fähre im Hafen von Helsingør. Foto: Bildagentur/Max Muster</figcaption></figure>
<p>Die neue Linie soll im Herbst den Betrieb aufnehmen. Bisher verkehren auf der Strecke zwei Reedereien.</p>
<div class="paywall-teaser">Lesen Sie weiter mit Nordkurier Plus – jetzt 4 Wochen für 0,99 Euro testen.</div>
<div class="share"><a>Auf Facebook teilen</a> <a>Auf X teilen</a> <a>Per E-Mail senden</a></div>
</article>
<section id="comments" class="comments"><h2>Kommentare (3)</h2>
<div class="comment"><span class="comment-author">Seebär77</span><p>Endlich! Das hätte Schweden schon vor zehn Jahren machen sollen, finde ich.</p></div>
<div class="comment"><span class="comment-author">K. Lindqvist</span><p>Und wer bezahlt das am Ende? Wieder die Steuerzahler in Dänemark und Norwegen.</p></div>
</section>
</main>
<div class="newsletter-box"><h3>Newsletter</h3><p>Die wichtigsten Nachrichten jeden Morgen in Ihrem Postfach.</p>
<form><input type="email"><button>Abonnieren</button></form></div>
<footer><p>© 2024 Nordkurier Mediengruppe · Impressum · Datenschutz · AGB</p></footer>
</body></html>
"""

BLOG_PAGE = """<!doctype html><html lang="de"><head><meta charset="utf-8">
<title>Stadtrat beschließt neues Radwegenetz | Lokalblog Neustadt</title>
<meta name="date" content="2023-11-05">
</head><body class="post-template-default single">
<div id="page" class="site">
<div class="top-bar">Abo · Login · E-Paper</div>
<h1 class="entry-title">Stadtrat beschließt neues Radwegenetz</h1>
<div class="entry-meta"><span class="author vcard">von <a class="url fn n" href="/author/jonas">Jonas Keller</a></span>
<time class="entry-date published" datetime="2023-11-05T08:00:00+01:00">5. November 2023</time></div>
<div class="entry-content">
<p>Der Stadtrat von Neustadt hat am Donnerstagabend mit großer Mehrheit ein neues Radwegenetz beschlossen. Bis 2028
sollen 40 Kilometer Radwege entstehen, teilte Bürgermeisterin Petra Hansen nach der Sitzung mit.</p>
<p>Die Kosten von rund zwölf Millionen Euro trägt zur Hälfte das Land. Der Verkehrsclub begrüßte den Beschluss,
die Opposition kritisierte dagegen den Wegfall von 300 Parkplätzen in der Innenstadt.</p>
<div class="wp-block-group teaser-box"><p><strong>Auch interessant:</strong> <a href="/x">Neue Buslinie ab Dezember</a></p></div>
<p>Mit den Bauarbeiten soll im Frühjahr an der Hauptstraße begonnen werden. Anwohner können ihre Hinweise bis Ende
des Monats im Rathaus einreichen.</p>
</div>
<div class="related-posts"><h3>Weitere Artikel</h3><ul><li><a href="/a">Wochenmarkt zieht um</a></li>
<li><a href="/b">Schwimmbad bleibt im Winter geschlossen</a></li></ul></div>
<div id="comments" class="comments-area"><h2 class="comments-title">5 Gedanken zu „Stadtrat beschließt neues Radwegenetz“</h2>
<ol class="comment-list"><li class="comment"><article class="comment-body"><footer class="comment-meta">
<b class="fn">Radler_99</b> sagt:</footer><div class="comment-content"><p>Endlich passiert etwas, das war überfällig in unserer Stadt!</p></div></article></li>
<li class="comment"><article class="comment-body"><footer class="comment-meta"><b class="fn">Autofahrerin</b> sagt:</footer>
<div class="comment-content"><p>Und wo sollen wir in Zukunft parken? Das hat Frau Hansen nicht bedacht.</p></div></article></li></ol>
<div id="respond"><h3>Schreibe einen Kommentar</h3><form><textarea></textarea><input type="submit" value="Kommentar abschicken"></form></div></div>
</div>
<div id="cookie-notice" class="cookie-notice-container"><span>Diese Website verwendet Cookies, um Ihnen das beste Erlebnis zu bieten.
Wenn Sie fortfahren, stimmen Sie der Verwendung zu.</span><a class="cn-button">Ok</a><a>Datenschutzerklärung</a></div>
</body></html>
"""


@pytest.mark.parametrize("page, title, date, paragraphs, junk", [
    (PORTAL_PAGE, "Hafenstreit: Dänemark und Schweden einigen sich auf Fährlinie", "2024-03-12",
     ["Nach monatelangem Streit haben Dänemark und Schweden am Dienstag in Kopenhagen einen Vertrag über eine "
      "neue Fährlinie zwischen Helsingør und Helsingborg unterzeichnet.",
      "Der dänische Verkehrsminister sprach von einem wichtigen Schritt für die Region.",
      "Eine Sprecherin der EU-Kommission sagte, Brüssel werde den Vertrag prüfen.",
      "Die neue Linie soll im Herbst den Betrieb aufnehmen."],
     ["Privatsphäre", "Partner", "akzeptieren", "Politik", "Startseite", "Ostsee", "Anna Berger", "Lesezeit",
      "Anzeige", "Traumreise", "Mehr zum Thema", "Brückenmaut", "Foto", "Nordkurier", "Facebook", "Kommentare",
      "Seebär77", "Steuerzahler", "Newsletter", "Impressum"]),
    (BLOG_PAGE, "Stadtrat beschließt neues Radwegenetz", "2023-11-05",
     ["Der Stadtrat von Neustadt hat am Donnerstagabend mit großer Mehrheit ein neues Radwegenetz beschlossen.",
      "die Opposition kritisierte dagegen den Wegfall von 300 Parkplätzen in der Innenstadt.",
      "Anwohner können ihre Hinweise bis Ende des Monats im Rathaus einreichen."],
     ["Abo", "Jonas Keller", "November", "Auch interessant", "Buslinie", "Weitere Artikel", "Wochenmarkt",
      "Gedanken", "Radler_99", "parken", "Kommentar", "Cookies", "Datenschutz", "Lokalblog"]),
], ids=["portal", "blog"])
def test_saved_news_pages_give_title_date_and_article_without_byline_teasers_comments_cookie_walls(
        tmp_path, page, title, date, paragraphs, junk):
    (tmp_path / "seite.html").write_text(page, encoding="utf-8")
    article = read_articles([tmp_path]).articles[0]
    assert (article.title, article.date) == (title, date)
    blocks = article.text.split("\n\n")
    assert blocks[0] == title                                  # the headline is the first paragraph
    where = [next(i for i, block in enumerate(blocks) if paragraph in block) for paragraph in paragraphs]
    assert where == sorted(where)                              # every paragraph, in the page's order
    for word in junk:
        assert word not in article.text, word


def test_a_page_the_extractor_finds_nothing_in_is_read_by_the_fallback(monkeypatch):
    from graphx import reader
    monkeypatch.setattr(reader, "extract_article", lambda html: None)
    text = html_to_text(PORTAL_PAGE)
    assert "Der dänische Verkehrsminister sprach von einem wichtigen Schritt für die Region." in text
    assert "Privatsphäre" not in text and "Newsletter" not in text
