"""Issue 7: bad input never crashes graphx or loses output.

Reading (every kind of bad file is read right or skipped with a one-line warning naming the file and
the reason; the build goes on; --strict makes warnings fatal; exit 0 vs 5), corrupt/foreign graph.json
and stores (one-line errors), interrupted builds (Ctrl-C, SIGTERM, kill -9 leave outputs and store
usable), injection into the exports, and property-based tests of the reader and the extraction entry
point. Most tests use a blank spaCy pipeline saved to disk (`--model`), which runs graphx's whole
extraction code in a fraction of a second; the packaged model is loaded once per module where its
output matters.
"""
from __future__ import annotations

import codecs
import csv
import gzip
import io
import json
import os
import random
import re
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import networkx as nx
import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st
from test_cli import assert_one_line_error, run
from test_render import Page

from graphx import reader
from graphx.errors import ExitStatus
from graphx.graph import build_graph, load_graph, save_graph
from graphx.reader import (
    Article,
    Unreadable,
    html_to_text,
    normalise,
    read_article,
    read_articles,
)
from graphx.store import Store

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
GERMAN = "Der Außenminister sagte in Köln: „Grüße an alle Bürger“ – schön. Größe, Übermaß, Straße."
GOOD = ("Russland wirft der Ukraine vor, die Verhandlungen zu blockieren.\n\n"
        "Die Nato kritisiert Russland scharf. Frankreich unterstützt die Ukraine.\n")
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def one_line_error(result, status):
    assert_one_line_error(result, status)
    return result.output.strip()


def warning_for(warnings, path):
    """The one warning that names `path`; every warning is one line."""
    for warning in warnings:
        assert "\n" not in warning and "\r" not in warning
    found = [w for w in warnings if w.startswith(f"{path}: ")]
    assert len(found) == 1, (path, warnings)
    return found[0]


@pytest.fixture(scope="module")
def blank_model(tmp_path_factory):
    """A blank German spaCy pipeline (tokenizer + sentencizer) on disk, for `--model`."""
    import spacy

    nlp = spacy.blank("de")
    nlp.add_pipe("sentencizer")
    nlp.meta.update(name="blank", version="0.0.1")
    path = tmp_path_factory.mktemp("blank") / "blank_pipeline"
    nlp.to_disk(path)
    return path


# ---------------------------------------------------------------------------------------------
# 1. reading: files that cannot be articles are skipped, one line each, naming file and reason

def zip_bytes():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("artikel.txt", GERMAN)
    return buffer.getvalue()


SKIPPED = {
    "empty.txt": (b"", "empty file"),
    "whitespace.txt": (b"  \r\n\t \n\n   ", "empty file"),
    "bom-only.txt": (codecs.BOM_UTF8 + b"\n \n", "empty file"),
    "report.pdf.txt": (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", "PDF"),
    "bild.png.md": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10", "PNG"),
    "archiv.zip.txt": (zip_bytes(), "ZIP"),
    "archiv.gz.txt": (gzip.compress(GERMAN.encode()), "gzip"),
    "random.txt": (random.Random(7).randbytes(4096), "binary file"),
    "nul.txt": (b"Berlin\x00\x00\x01\x02 und Paris" * 20, "binary file"),
    "bild.gif.txt": (b"GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\xff\xff;", "GIF"),
    "foto.jpg.txt": (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01", "JPEG"),
    "programm.txt": (b"\x7fELF\x02\x01\x01" + bytes(64), "executable"),
    "datenbank.txt": (b"SQLite format 3\x00" + bytes(100), "SQLite"),
    "bad-utf16.txt": (codecs.BOM_UTF16_LE + "Köln".encode("utf-16-le") + b"\x00\xd8", "invalid UTF-16"),
    "only-chrome.html": (b"<html><head><script>var x = 1;</script></head><body><nav>Start Politik</nav>"
                         b"<div class='cookie-consent'>Wir nutzen Cookies</div></body></html>", "no text"),
}


@pytest.mark.parametrize("name", sorted(SKIPPED))
def test_files_that_are_no_articles_are_skipped_with_a_one_line_reason(tmp_path, name):
    data, reason = SKIPPED[name]
    (tmp_path / "gut.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / name).write_bytes(data)
    report = read_articles([tmp_path])
    assert [a.name for a in report.articles] == ["gut.txt"]
    assert report.articles[0].text == GOOD
    warning = warning_for(report.warnings, tmp_path / name)
    assert re.search(rf": skipped: .*{re.escape(reason)}", warning), warning
    assert len(report.warnings) == 1


ENCODINGS = {
    "utf-8": lambda t: t.encode("utf-8"),
    "utf-8 with BOM": lambda t: codecs.BOM_UTF8 + t.encode("utf-8"),
    "utf-16 (BOM, LE)": lambda t: t.encode("utf-16"),
    "utf-16 BE with BOM": lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be"),
    "utf-16-le without BOM": lambda t: t.encode("utf-16-le"),
    "utf-16-be without BOM": lambda t: t.encode("utf-16-be"),
    "utf-32": lambda t: t.encode("utf-32"),
    "windows-1252": lambda t: t.encode("cp1252"),
    "windows-1252 CRLF": lambda t: t.replace("\n", "\r\n").encode("cp1252"),
    "utf-8 CRLF": lambda t: t.replace("\n", "\r\n").encode("utf-8"),
    "utf-8 old Mac CR": lambda t: t.replace("\n", "\r").encode("utf-8"),
}


@pytest.mark.parametrize("encoding", sorted(ENCODINGS))
@pytest.mark.parametrize("suffix", [".txt", ".md"])
def test_every_common_encoding_reads_the_exact_german_text(tmp_path, encoding, suffix):
    text = GERMAN + "\nZweite Zeile: „Zitat“ – Ende.\n\nNeuer Absatz mit ß, ä, ö, ü, Ä, Ö, Ü und € 5.\n"
    path = tmp_path / f"artikel{suffix}"
    path.write_bytes(ENCODINGS[encoding](text))
    report = read_articles([path])
    assert report.warnings == []
    assert report.articles[0].text == text
    assert "\ufeff" not in report.articles[0].text and "\r" not in report.articles[0].text


def test_a_binary_file_named_on_the_command_line_is_skipped_too(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "bericht.pdf").write_bytes(SKIPPED["report.pdf.txt"][0])
    report = read_articles([tmp_path / "bericht.pdf", tmp_path / "a.txt"])
    assert [a.name for a in report.articles] == ["a.txt"]
    assert warning_for(report.warnings, tmp_path / "bericht.pdf").endswith("skipped: binary file (a PDF file)")
    # in a folder, files that are not .txt, .md or .html are not articles at all
    assert read_articles([tmp_path]).warnings == []


def test_latin1_german_umlauts(tmp_path):
    text = "Größe und Übermaß: Bürger in Köln äußern Ärger über Straßen.\n"   # Latin-1 has no „ “
    (tmp_path / "latin1.txt").write_bytes(text.encode("latin-1"))
    assert read_articles([tmp_path]).articles[0].text == text


def test_invalid_utf8_keeps_the_utf8_and_names_the_stray_bytes(tmp_path):
    """A UTF-8 file with a Windows-1252 byte inside (mixed encodings) used to come out as mojibake."""
    path = tmp_path / "gemischt.txt"
    path.write_bytes(GERMAN.encode("utf-8") + b" Zusatz: Gr\xfc\xdfe aus M\xfcnchen.\n")
    report = read_articles([path])
    assert report.articles[0].text == GERMAN + " Zusatz: Grüße aus München.\n"
    warning = warning_for(report.warnings, path)
    assert "3 byte(s) not valid UTF-8" in warning and "skipped" not in warning


def test_windows_1252_with_accidental_utf8_sequences_stays_windows_1252(tmp_path):
    # "ß“" in Windows-1252 is \xdf\x93, a valid UTF-8 sequence; the file is still Windows-1252
    text = "„Gruß“, sagte er. Die Bürger grüßen „Köln“ – Größe über Maß. Äpfel, Öl, Übel.\n"
    (tmp_path / "cp.txt").write_bytes(text.encode("cp1252"))
    report = read_articles([tmp_path])
    assert report.articles[0].text == text and report.warnings == []


def test_control_characters_become_spaces_and_keep_offsets():
    text = "Berlin\x00\x07 und\x1b[31m Paris\x85\x9f.\n"
    out = normalise(text)
    assert len(out) == len(text) and not re.search(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]", out)
    assert out.split() == ["Berlin", "und", "[31m", "Paris", "."]


NEWS_PAGE = """<!DOCTYPE html>
<html lang="de"><head><meta charset="utf-8"><title>Gipfel in Rom | Zeitung</title>
<style>body { font: 12px sans-serif } .x::after { content: "</p>" }</style>
<script>var ads = "<div>Anzeige</div>"; if (a < b && c > d) { track("Seitenaufruf"); }</script>
<script type="application/ld+json">{"@type": "NewsArticle", "headline": "JSONLD-Titel"}</script>
</head><body>
<header><a href="/">Zeitung</a><nav role="navigation"><ul><li>Politik</li><li>Sport</li></ul></nav></header>
<div id="cookie-consent" class="overlay"><p>Wir verwenden Cookies. <button>Akzeptieren</button></p></div>
<aside class="teaser"><p>Lesen Sie auch: Wetter morgen</p></aside>
<main><article>
<h1>Gipfel in Rom: Italien &amp; Frankreich unterzeichnen Abkommen</h1>
<p class="lead">Die Regierungschefs Italiens und Frankreichs haben am Montag in Rom ein Abkommen
über die Zusammenarbeit an den Grenzen unterzeichnet. Das teilte die italienische Regierung mit.</p>
<figure><img src="rom.jpg" alt="Bild"><figcaption>Foto: Agentur</figcaption></figure>
<p>Der französische Präsident sagte: &bdquo;Das ist ein guter Tag f&uuml;r Europa&ldquo;. Kritiker
in Deutschland werfen beiden Regierungen vor, die EU-Kommission übergangen zu haben.<br>Die
Kommission in Brüssel wollte sich zunächst nicht äußern.</p>
<div class="social-share">Teilen auf Facebook</div>
<p>Die Verhandlungen hatten mehr als zwei Jahre gedauert, berichtete die Nachrichtenagentur Ansa.</p>
</article></main>
<div class="newsletter"><form><input name="mail"> Newsletter abonnieren</form></div>
<footer><p>Impressum · Datenschutz · © Zeitung</p></footer>
<script>document.write("<p>injiziert</p>")</script>
</body></html>
"""


@pytest.mark.parametrize("encoding", ["utf-8", "cp1252"])
def test_html_page_gives_the_article_without_scripts_styles_navigation_and_banners(tmp_path, encoding):
    path = tmp_path / "seite.html"
    path.write_bytes(NEWS_PAGE.replace('charset="utf-8"', f'charset="{encoding}"').encode(encoding, "replace"))
    text = read_articles([path]).articles[0].text
    assert text.startswith("Gipfel in Rom: Italien & Frankreich unterzeichnen Abkommen\n\n")
    assert "Der französische Präsident sagte: „Das ist ein guter Tag für Europa“." in text
    assert "Die Verhandlungen hatten mehr als zwei Jahre gedauert" in text
    for junk in ("Cookies", "Akzeptieren", "Politik", "Sport", "Lesen Sie auch", "Anzeige", "track(",
                 "JSONLD", "font:", "Teilen auf", "Newsletter", "Impressum", "injiziert", "Foto: Agentur",
                 "Zeitung"):
        assert junk not in text, junk


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(["<p>", "</p>", "<div class='cookie'>", "</div>", "<script>", "</script>",
                                 "<article>", "</article>", "<nav>", "<br>", "<!--", "-->", "<![CDATA[", "]]>",
                                 "&amp;", "&#x110000;", "&#0;", "&bogus;", "<", ">", "</", "<a href='",
                                 "Berlin", " und ", "Paris. ", "\n"]) | st.text(max_size=8), max_size=40)
       .map("".join))
def test_html_extraction_never_raises_on_broken_markup(html):
    text = html_to_text(html)
    assert isinstance(text, str) and text.endswith("\n")
    assert "\r" not in text


def test_same_article_under_two_names_is_counted_once(tmp_path):
    src = tmp_path / "in"
    (src / "kopie").mkdir(parents=True)
    text = GERMAN + "\n\nZweiter Absatz.\n"
    (src / "a.txt").write_text(text, encoding="utf-8")
    (src / "kopie" / "a.txt").write_text(text, encoding="utf-8")                 # same name, other folder
    (src / "b.txt").write_bytes(text.replace("\n", "\r\n").encode("cp1252"))   # other name, encoding, line ends
    (src / "c.md").write_bytes(codecs.BOM_UTF8 + text.encode("utf-8"))
    os.symlink("a.txt", src / "link.txt")
    report = read_articles([src])
    assert [a.name for a in report.articles] == ["a.txt"]
    for dup in ("b.txt", "c.md", "kopie/a.txt", "link.txt"):
        assert warning_for(report.warnings, src / dup).endswith(f"skipped: same text as {src / 'a.txt'}")


def run_with_timeout(func, seconds=20):
    """Run func in a thread; fail (instead of hanging the suite) if it does not return in time."""
    box = {}
    thread = threading.Thread(target=lambda: box.setdefault("value", func()), daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), f"{func} hung for {seconds} s"
    return box["value"]


def test_symlink_loops_and_broken_links_are_skipped(tmp_path):
    src = tmp_path / "in"
    (src / "sub" / "tief").mkdir(parents=True)
    (src / "a.txt").write_text(GOOD, encoding="utf-8")
    os.symlink("..", src / "sub" / "zurück")                 # folder loop
    os.symlink("../../sub", src / "sub" / "tief" / "kreis")  # another folder loop
    os.symlink("schleife2.txt", src / "schleife1.txt")     # file loop
    os.symlink("schleife1.txt", src / "schleife2.txt")
    os.symlink("nirgends.txt", src / "kaputt.txt")          # broken link
    report = run_with_timeout(lambda: read_articles([src]))
    assert [a.name for a in report.articles] == ["a.txt"]
    assert warning_for(report.warnings, src / "schleife1.txt").endswith("skipped: symbolic link loop")
    assert warning_for(report.warnings, src / "schleife2.txt").endswith("skipped: symbolic link loop")
    assert "skipped: broken symbolic link" in warning_for(report.warnings, src / "kaputt.txt")
    assert len(report.warnings) == 3
    # a loop named on the command line is a warning too, not the end of the build
    report = run_with_timeout(lambda: read_articles([src / "schleife1.txt", src / "a.txt"]))
    assert [a.name for a in report.articles] == ["a.txt"] and len(report.warnings) == 1


def test_unreadable_files_are_skipped(tmp_path, monkeypatch):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(GOOD, encoding="utf-8")
    locked = src / "gesperrt.txt"
    locked.write_text(GERMAN, encoding="utf-8")
    locked.chmod(0)
    if IS_ROOT:      # root reads any file: make the read fail the way it does for everybody else
        real = Path.read_bytes

        def read_bytes(self):
            if self == locked:
                raise PermissionError(13, "Permission denied", str(self))
            return real(self)
        monkeypatch.setattr(Path, "read_bytes", read_bytes)
    os.mkfifo(src / "pipe.txt")                              # reading it would wait forever
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(src / "socket.txt"))
    except OSError:                                           # a temp path too long for a socket
        os.symlink(str(src / "pipe.txt"), src / "socket.txt")   # then a link to the pipe stands in
    (src / "ordner.txt").mkdir()                             # a folder with an article's name
    (src / "ordner.txt" / "drin.txt").write_text("Köln liegt am Rhein.\n", encoding="utf-8")
    try:
        report = run_with_timeout(lambda: read_articles([src]))
    finally:
        server.close()
        locked.chmod(0o644)
    assert [a.name for a in report.articles] == ["a.txt", "ordner.txt/drin.txt"]
    assert warning_for(report.warnings, locked).endswith("skipped: Permission denied")
    assert warning_for(report.warnings, src / "pipe.txt").endswith("skipped: not a regular file (a named pipe)")
    assert re.search(r"skipped: not a regular file \(a (socket|named pipe)\)$", warning_for(report.warnings, src / "socket.txt"))
    assert len(report.warnings) == 3


def test_files_too_large_are_skipped_before_reading(tmp_path, monkeypatch):
    monkeypatch.setattr(reader, "MAX_FILE_BYTES", 1024 * 1024)
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "riesig.txt").write_bytes(b"x" * (1024 * 1024 + 1))
    monkeypatch.setattr(Path, "read_bytes", lambda self: pytest.fail("read a file over the limit")
                        if self.name == "riesig.txt" else open(self, "rb").read())
    report = read_articles([tmp_path])
    assert warning_for(report.warnings, tmp_path / "riesig.txt").endswith("skipped: larger than 1 MB")


def test_a_file_name_with_a_newline_still_gives_a_one_line_warning(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "böse\nWarning: alles gut.txt").write_bytes(b"")
    report = read_articles([tmp_path])
    [warning] = report.warnings
    assert warning == f"{tmp_path}/böse\\nWarning: alles gut.txt: skipped: empty file"


# -- the same through `graphx build`: warnings on stderr, exit 5; --strict; exit 0 when clean ----

def bad_inputs_folder(root: Path) -> tuple[Path, list]:
    """Two good articles and one of every kind of bad input; returns the folder and the bad paths."""
    src = root / "zoo"
    src.mkdir()
    (src / "gut1.txt").write_text(GOOD, encoding="utf-8")
    (src / "gut2.txt").write_bytes(GERMAN.encode("cp1252"))
    (src / "gut3.html").write_text(NEWS_PAGE, encoding="utf-8")
    bad = []
    for name, (data, _) in SKIPPED.items():
        (src / name).write_bytes(data)
        bad.append(src / name)
    (src / "kopie.txt").write_bytes(codecs.BOM_UTF8 + GOOD.encode("utf-8"))
    os.symlink("schleife.txt", src / "schleife.txt")
    os.mkfifo(src / "pipe.txt")
    bad += [src / "kopie.txt", src / "schleife.txt", src / "pipe.txt"]
    return src, bad


def test_build_goes_on_past_bad_inputs_and_exits_5(tmp_path, blank_model):
    src, bad = bad_inputs_folder(tmp_path)
    out = tmp_path / "out"
    result = run_with_timeout(lambda: run("build", src, "--out", out, "--model", blank_model), 120)
    assert result.exit_code == int(ExitStatus.WARNINGS), result.output
    warnings = [line[len("Warning: "):] for line in result.output.splitlines() if line.startswith("Warning: ")]
    for path in bad:
        warning_for(warnings, path)
    assert len(warnings) == len(bad)
    data = json.loads((out / "graph.json").read_text(encoding="utf-8"))
    assert sorted(a["name"] for a in data["graph"]["articles"]) == ["gut1.txt", "gut2.txt", "gut3.html"]
    assert "Articles read: 3" in result.output


def test_strict_makes_any_warning_fatal_and_writes_nothing(tmp_path, blank_model):
    src, _ = bad_inputs_folder(tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    (out / "graph.json").write_text('{"previous": true}', encoding="utf-8")
    result = run_with_timeout(lambda: run("build", src, "--out", out, "--model", blank_model, "--strict"), 120)
    line = one_line_error(result, ExitStatus.INPUT)
    assert "warning(s) about the inputs (--strict)" in line and str(src) in line
    assert (out / "graph.json").read_text(encoding="utf-8") == '{"previous": true}'
    assert not (out / "graph.html").exists() and not (out / "graphx.sqlite").exists()


def test_clean_inputs_exit_0_and_warnings_exit_5(tmp_path, blank_model):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(GOOD, encoding="utf-8")
    clean = run("build", src, "--out", tmp_path / "out", "--model", blank_model)
    assert clean.exit_code == 0 and "Warning" not in clean.output
    assert run("build", src, "--out", tmp_path / "out", "--model", blank_model, "--strict").exit_code == 0
    (src / "leer.txt").write_bytes(b"")
    warned = run("build", src, "--out", tmp_path / "out", "--model", blank_model)
    assert warned.exit_code == int(ExitStatus.WARNINGS)
    assert f"Warning: {src / 'leer.txt'}: skipped: empty file" in warned.output


def test_an_article_that_trips_the_rules_costs_that_article_not_the_build(tmp_path, blank_model, monkeypatch):
    import graphx.extract
    real = graphx.extract.find_relations

    def find_relations(doc, *args, **kwargs):
        if "BOOM" in doc.text:
            raise RuntimeError("rule bug\non two lines")
        return real(doc, *args, **kwargs)
    monkeypatch.setattr(graphx.extract, "find_relations", find_relations)
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    (src / "a.txt").write_text(GOOD, encoding="utf-8")
    (src / "b.txt").write_text("Frankreich kritisiert Russland. BOOM.\n", encoding="utf-8")
    (src / "c.txt").write_text("Russland kritisiert Frankreich.\n", encoding="utf-8")
    result = run("build", src, "--out", out, "--model", blank_model)
    assert result.exit_code == int(ExitStatus.WARNINGS), result.output
    assert f"Warning: {src / 'b.txt'}: skipped: extraction failed (RuntimeError: rule bug on two lines)\n" \
        in result.output
    data = json.loads((out / "graph.json").read_text(encoding="utf-8"))
    assert [a["name"] for a in data["graph"]["articles"]] == ["a.txt", "c.txt"]
    with Store.open(out / "graphx.sqlite") as store:           # nothing cached for it: retried next time
        assert [a["name"] for a in store.articles()] == ["a.txt", "c.txt"]
    strict = run("build", src, "--out", out, "--model", blank_model, "--strict")
    assert "extraction failed" in one_line_error(strict, ExitStatus.INPUT)
    monkeypatch.setattr(graphx.extract, "find_relations", real)
    fixed = run("build", src, "--out", out, "--model", blank_model)
    assert fixed.exit_code == 0 and "Articles read: 3 (1 processed, 2 from the store)" in fixed.output


# ---------------------------------------------------------------------------------------------
# long inputs: a line longer than spaCy's max_length is split, never passed whole

def spy_on_pipe(nlp):
    """Record every (text, offset) the extractor hands the NLP."""
    seen = []
    real = nlp.pipe

    def pipe(tasks, *args, **kwargs):
        if not kwargs.get("as_tuples"):          # spaCy calls itself again without contexts
            return real(tasks, *args, **kwargs)

        def recorded():
            for text, context in tasks:
                seen.append((text, context[1]))
                yield text, context
        return real(recorded(), *args, **kwargs)
    nlp.pipe = pipe
    return seen


def check_chunks(article, seen, max_length):
    """Every piece the NLP saw is below max_length and is the article text at its offset (offsets
    restart in each section of a long article)."""
    from graphx.extract import BULLETS, INNER_SPACE, SECTION_CHARS, chunks
    no_bullets = {ord(c): None for c in BULLETS}       # a bullet before a line is no word for the NLP
    sections = list(chunks(article.text, SECTION_CHARS)) if len(article.text) > SECTION_CHARS else [(0, "")]
    assert seen
    section, previous, covered = -1, None, 0
    for chunk, offset in seen:
        if previous is None or offset <= previous:
            section += 1
        previous = offset
        base = sections[section][0]
        assert 0 < len(chunk) < max_length
        assert article.text[base + offset:base + offset + len(chunk)].translate(INNER_SPACE) == chunk
        covered += len("".join(chunk.split()).translate(no_bullets))
    assert section == len(sections) - 1
    assert covered == len("".join(article.text.split()).translate(no_bullets))


def check_result(article, result):
    """The ArticleResult contract: offsets index article.text exactly; names and aliases are real."""
    from graphx.graph import RELATIONS
    assert result["article"] == article.name and result["sha256"] == article.sha256
    json.dumps(result)                                   # the store caches it as JSON
    names = {e["name"] for e in result["entities"]}
    flat = " ".join(article.text.split())
    for entity in result["entities"]:
        assert entity["name"].strip() and entity["type"] in ("PERSON", "STATE", "ORG", "LOCATION")
        for alias in entity["aliases"]:
            assert " ".join(alias.split()) in flat, alias
    for relation in result["relations"]:
        evidence = relation["evidence"]
        start, end = evidence["start"], evidence["end"]
        assert isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(article.text)
        assert evidence["sentence"] == article.text[start:end]
        assert evidence["sentence"].strip() == evidence["sentence"]
        assert evidence["article"] == article.name and evidence["status"] in ("stated", "alleged")
        assert relation["relation"] in RELATIONS and {relation["source"], relation["target"]} <= names


@pytest.fixture
def blank_extractor(blank_model):
    from graphx.annotate import load_pipeline
    from graphx.extract import Extractor, add_paragraph_boundaries

    nlp = load_pipeline(str(blank_model))
    add_paragraph_boundaries(nlp)
    return Extractor(nlp=nlp)


LINE_SENTENCES = ("Der Ausschuss berät am Montag über den Haushalt, die Reform der Verwaltung und die Kosten. "
                  "Danach folgt eine Debatte im Plenum, die bis in den Abend dauert. ")


@pytest.mark.parametrize("kind", [pytest.param("sentences", marks=pytest.mark.slow),
                                  pytest.param("no spaces", marks=pytest.mark.slow), "huge words"])
def test_a_line_longer_than_max_length_is_split_and_offsets_stay_exact(blank_extractor, kind):
    nlp = blank_extractor.nlp
    size = nlp.max_length + 200_000                      # 1.2 million characters on one line
    if kind == "sentences":
        text = (LINE_SENTENCES * (size // len(LINE_SENTENCES) + 1))[:size]
    elif kind == "no spaces":
        text = ("Haushaltsreform,Verwaltung;" * (size // 27 + 1))[:size]
    else:
        text = " ".join(["ä" * 200_000, "Frankreich kritisiert Russland."] * 5 + ["x" * 199_000])
    article = Article("lang.txt", None, text + "\n")
    seen = spy_on_pipe(nlp)
    [(got, result)] = list(blank_extractor.extract_many([article]))
    assert got is article
    check_chunks(article, seen, nlp.max_length)
    check_result(article, result)
    if kind == "huge words":
        assert {"Frankreich", "Russland"} <= {e["name"] for e in result["entities"]}


# ---------------------------------------------------------------------------------------------
# 5. property-based: the reader and the extraction entry point on arbitrary Unicode text

@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=600) | st.text(max_size=200).map(lambda t: t.encode("utf-16")),
       suffix=st.sampled_from([".txt", ".md", ".html"]))
@example(data=b"\xef\xbb\xbf", suffix=".txt")
@example(data=b"\xff\xfe\x00", suffix=".txt")
@example(data=b"<html><script>", suffix=".html")
def test_reader_never_raises_on_arbitrary_bytes(tmp_path, data, suffix):
    path = tmp_path / f"x{suffix}"
    path.write_bytes(data)
    try:
        article = read_article(path)
    except Unreadable as exc:
        assert str(exc) and "\n" not in str(exc)
        return
    assert article.text.strip() and "\r" not in article.text
    assert not re.search(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]", article.text)
    assert article.sha256 == Article("x", None, article.text).sha256


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(max_size=300))
def test_reader_reads_any_utf8_text_exactly(tmp_path, text):
    assume(not text.startswith("\ufeff"))
    path = tmp_path / "x.txt"
    path.write_bytes(text.encode("utf-8"))
    try:
        article = read_article(path)
    except Unreadable as exc:     # only whitespace, or NUL bytes that make it look binary
        assert not normalise(text).strip() or "\x00" in text, exc
        return
    if "\x00" not in text:         # with NULs between the characters UTF-8 is also BOM-less UTF-16
        assert article.text == normalise(text)


def _seed_sentences():
    text = " ".join(" ".join(p.read_text(encoding="utf-8").split()) for p in sorted(SEEDS.glob("*.txt")))
    return [s for s in re.split(r"(?<=[.!?“])\s+", text) if 20 < len(s) < 300][:80]


SEED_SENTENCES = _seed_sentences()
SEPARATORS = ["\n", "\n\n", " ", "\r\n", "\t", "\u00a0", "\u2028", "\x0b", "\x0c", "\x85", " \n \n"]
news_like = st.lists(st.one_of(st.sampled_from(SEED_SENTENCES), st.sampled_from(SEPARATORS),
                               st.text(max_size=30), st.sampled_from(["„", "“", "Putin", "Nordkorea", "-",
                                                                      "Nato-", "laut ", "(", ")", "\""])),
                     max_size=14).map("".join)


@pytest.fixture(scope="module")
def real_extractor():
    """graphx's packaged model, loaded once; every (chunk, offset) it is given is recorded."""
    from graphx.extract import Extractor
    extractor = Extractor()
    extractor.seen = spy_on_pipe(extractor.nlp)
    return extractor


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=news_like, suffix=st.sampled_from([".txt", ".md", ".html"]))
@example(text="", suffix=".txt")
@example(text=SEED_SENTENCES[0] + "\r\n\r\n" + SEED_SENTENCES[1], suffix=".txt")
def test_read_then_extract_never_raises_and_offsets_index_the_article_text(real_extractor, tmp_path, text, suffix):
    path = tmp_path / f"artikel{suffix}"
    path.write_bytes(text.encode("utf-8"))
    try:
        article = read_article(path)
    except Unreadable:
        return
    real_extractor.seen.clear()
    [(got, result)] = list(real_extractor.extract_many([article]))
    assert got is article
    check_result(article, result)
    if real_extractor.seen:
        check_chunks(article, real_extractor.seen, real_extractor.nlp.max_length)
    build_graph([result])                             # the graph stage takes it as it is


@settings(max_examples=60, deadline=None)
@given(text=news_like | st.text())
@example(text="\r\r\n\x00 Putin\u2029trifft\x85Kim. ")
def test_extraction_entry_point_takes_any_text(real_extractor, text):
    """Not only what the reader makes: raw text with \\r, controls and odd spaces goes through too."""
    article = Article("roh.txt", None, text)
    real_extractor.seen.clear()
    [(got, result)] = list(real_extractor.extract_many([article]))
    check_result(article, result)
    if real_extractor.seen:
        check_chunks(article, real_extractor.seen, real_extractor.nlp.max_length)


# ---------------------------------------------------------------------------------------------
# 2. corrupt, truncated or foreign graph.json and stores: one clear line, for every command

def sample_graph():
    from graphx_samples import graph_of, seed_results
    return graph_of(seed_results())


def graph_commands(graph, tmp):
    return [["centrality", graph], ["centrality", graph, "--format", "csv"],
            ["show", "Putin", "--graph", graph], ["neighbors", "Russland", "--graph", graph],
            ["path", "Selenskyj", "Putin", "--graph", graph], ["communities", "--graph", graph],
            ["export", graph, "--format", "graphml", "--out", tmp / "x"],
            ["export", graph, "--format", "gexf", "--out", tmp / "x"],
            ["export", graph, "--format", "csv", "--out", tmp / "x"],
            ["export", graph, "--format", "neo4j", "--out", tmp / "x"],
            ["diff", graph, graph, "--html", tmp / "d.html"]]


def assert_works_or_one_line_error(result):
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output
    if result.exit_code == ExitStatus.NO_PATH:     # a graph without the edges: "no path" is an answer
        assert "Traceback" not in result.output and result.output.strip()
    elif result.exit_code != 0:
        one_line_error(result, ExitStatus.INPUT)


def truncated(text: str, fraction: float) -> str:
    return text[:int(len(text) * fraction)]


FOREIGN_GRAPHS = {
    "truncated at 10 %": lambda t: truncated(t, 0.1),
    "truncated at 60 %": lambda t: truncated(t, 0.6),
    "truncated at 99 %": lambda t: truncated(t, 0.99),
    "empty": lambda t: "",
    "null": lambda t: "null",
    "a string": lambda t: '"graph"',
    "nodes not a list": lambda t: '{"nodes": 5, "edges": []}',
    "node without id": lambda t: '{"nodes": [{"label": "x"}], "edges": []}',
    "edge to nowhere": lambda t: '{"nodes": [{"id": "A"}], "edges": [{"source": "A"}]}',
    "unhashable id": lambda t: '{"nodes": [{"id": ["A"]}], "edges": []}',
    "d3 force graph": lambda t: '{"nodes": [{"id": 1, "group": 2}], "links": [{"source": 1, "target": 1, "value": 3}]}',
    "cytoscape json": lambda t: '{"elements": {"nodes": [{"data": {"id": "a"}}]}}',
    "geojson": lambda t: '{"type": "FeatureCollection", "features": []}',
    "aliases not a list": lambda t: t.replace('"aliases": [', '"aliases": 7, "x": ['),
    "evidence not a list": lambda t: t.replace('"evidence": [', '"evidence": "text", "x": ['),
    "evidence items not objects": lambda t: re.sub(r'"evidence": \[', '"evidence": [1, null, "s", ', t),
    "weight a string": lambda t: re.sub(r'"weight": \d+', '"weight": "viel"', t),
    "type unknown": lambda t: t.replace('"type": "STATE"', '"type": {"a": 1}'),
    "articles a number": lambda t: t.replace('"articles": [', '"articles": 3, "y": ['),
    "mentions a string": lambda t: re.sub(r'"mentions": \d+', '"mentions": "drei"', t),
    "graph attrs not a dict": lambda t: t.replace('"graph": {', '"graph": [], "z": {'),
    "numeric node ids": lambda t: '{"directed": true, "multigraph": true, "graph": {}, "nodes": [{"id": 1}, {"id": 2}], "edges": [{"source": 1, "target": 2, "key": "meets"}]}',
    "latin-1 bytes": lambda t: t.encode("utf-8").decode("latin-1"),
    "a store": None,
    "a PNG": None,
}


@pytest.mark.parametrize("kind", sorted(FOREIGN_GRAPHS))
def test_corrupt_or_foreign_graph_json_gives_one_line_for_every_command(tmp_path, kind):
    G = sample_graph()
    good = tmp_path / "good.json"
    save_graph(G, good)
    bad = tmp_path / "graph.json"
    if kind == "a store":
        with Store.open(bad):
            pass
    elif kind == "a PNG":
        bad.write_bytes(SKIPPED["bild.png.md"][0])
    elif kind == "latin-1 bytes":
        bad.write_bytes(good.read_text(encoding="utf-8").encode("utf-8").replace(b"\xc3\xb6", b"\xf6"))
    else:
        bad.write_text(FOREIGN_GRAPHS[kind](good.read_text(encoding="utf-8")), encoding="utf-8")
    for command in graph_commands(bad, tmp_path):
        result = run(*command)
        assert_works_or_one_line_error(result)
        if kind.startswith("truncated") or kind in ("empty", "a store", "a PNG"):
            assert result.exit_code == int(ExitStatus.INPUT) and str(bad) in result.output, (command, result.output)


json_values = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=5),
                           lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
                           max_leaves=6)


@settings(max_examples=int(os.environ.get("GRAPHX_FUZZ_EXAMPLES", 40)), deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(where=st.sampled_from(["node", "edge", "evidence", "graph", "top"]), index=st.integers(0, 50),
       key=st.sampled_from(["id", "label", "type", "aliases", "articles", "mentions", "source", "target", "key",
                            "relation", "weight", "evidence", "sentence", "start", "end", "article", "status",
                            "nodes", "edges", "directed", "multigraph", "graph"]),
       value=json_values, delete=st.booleans())
def test_any_damaged_attribute_gives_a_result_or_one_line(tmp_path, where, index, key, value, delete):
    data = json.loads(json.dumps(nx.node_link_data(sample_graph(), edges="edges")))
    target = {"top": data, "graph": data["graph"], "node": data["nodes"][index % len(data["nodes"])],
              "edge": data["edges"][index % len(data["edges"])]}.get(where)
    if where == "evidence":
        edge = data["edges"][index % len(data["edges"])]
        target = edge["evidence"][index % len(edge["evidence"])]
    if delete:
        target.pop(key, None)
    else:
        target[key] = value
    path = tmp_path / "graph.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    for command in [["centrality", path, "--metric", "betweenness"], ["show", "Russland", "--graph", path],
                    ["path", "Selenskyj", "Putin", "--graph", path], ["export", path, "--format", "csv", "--out", tmp_path / "x"],
                    ["diff", path, path]]:
        assert_works_or_one_line_error(run(*command))


def damaged_store(path: Path, kind: str) -> None:
    """A real store with two snapshots, then damaged in one way."""
    from graphx_samples import article_for, graph_of, new_article_result, seed_results
    with Store.open(path) as store:
        for results in (seed_results(), seed_results() + [new_article_result()]):
            with store.build_lock():
                store.commit_build([article_for(r) for r in results], {r["article"]: r for r in results},
                                   "k@1+rules1", graph_of(results))
    if kind.startswith("truncated"):
        data = path.read_bytes()
        path.write_bytes(data[:int(len(data) * float(kind.split()[1]) / 100)])
    elif kind == "zero bytes":
        path.write_bytes(b"")
    elif kind == "overwritten middle":
        data = bytearray(path.read_bytes())
        data[len(data) // 3:len(data) // 3 + 8192] = b"\xde\xad" * 4096
        path.write_bytes(bytes(data))
    elif kind == "snapshot blob damaged":
        conn = sqlite3.connect(path)
        conn.execute("UPDATE snapshots SET graph = ?", (b"not zlib",))
        conn.commit()
        conn.close()
    elif kind == "snapshot holds a foreign graph":
        import zlib
        conn = sqlite3.connect(path)
        conn.execute("UPDATE snapshots SET graph = ?", (zlib.compress(b'{"nodes": [{"id": 1}], "edges": []}'),))
        conn.commit()
        conn.close()
    elif kind == "newer schema":
        conn = sqlite3.connect(path)
        conn.execute("PRAGMA user_version = 99")
        conn.commit()
        conn.close()
    elif kind == "table missing":
        conn = sqlite3.connect(path)
        conn.execute("DROP TABLE results")
        conn.commit()
        conn.close()
    elif kind == "graph.json":
        save_graph(sample_graph(), path)
    elif kind == "foreign sqlite":
        path.unlink()
        conn = sqlite3.connect(path)
        conn.execute("CREATE TABLE snapshots (id INTEGER, graph BLOB)")
        conn.commit()
        conn.close()


STORE_DAMAGE = ["truncated 10", "truncated 50", "truncated 90", "zero bytes", "overwritten middle",
                "snapshot blob damaged", "snapshot holds a foreign graph", "newer schema", "table missing",
                "graph.json", "foreign sqlite"]


@pytest.mark.parametrize("kind", STORE_DAMAGE)
def test_corrupt_truncated_or_foreign_store_gives_one_line_for_every_command(tmp_path, monkeypatch, kind, blank_model):
    monkeypatch.chdir(tmp_path)
    path = Path("output/graphx.sqlite")
    path.parent.mkdir()
    damaged_store(path, kind)
    before = path.read_bytes()
    commands = [["snapshots"], ["snapshots", "--format", "json"], ["diff"], ["diff", "@1", "@2", "--format", "json"],
                ["centrality", "@1"], ["show", "Russland", "--graph", "latest"],
                ["export", "@2", "--format", "graphml", "--out", "x"], ["communities", "--graph", "latest~1"]]
    for command in commands:
        result = run(*command)
        assert_works_or_one_line_error(result)
        if kind in ("truncated 10", "truncated 50", "zero bytes", "newer schema", "graph.json", "foreign sqlite",
                    "table missing"):
            assert result.exit_code == int(ExitStatus.INPUT) and str(path) in result.output, (command, result.output)
        if kind.startswith("snapshot") and command[0] != "snapshots":
            assert result.exit_code == int(ExitStatus.INPUT) and "damaged" in result.output, (command, result.output)
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(GOOD, encoding="utf-8")
    result = run("build", "in", "--model", blank_model)
    if result.exit_code != 0:            # the build refuses a store it cannot trust, and leaves it alone
        line = one_line_error(result, ExitStatus.OUTPUT)
        assert "store" in line and str(path) in line
        assert path.read_bytes() == before
        assert not Path("output/graph.json").exists()


# ---------------------------------------------------------------------------------------------
# 3. interrupted builds: Ctrl-C, SIGTERM and kill -9 leave the previous outputs and the store usable

HOOKS = r'''
"""Runs `graphx build`, pausing at one phase (GRAPHX_TEST_PAUSE) until the test sends a signal."""
import os, sys, time

def pause(what):
    sys.stderr.write(f"PAUSED {what}\n")
    sys.stderr.flush()
    time.sleep(300)

phase = os.environ.get("GRAPHX_TEST_PAUSE", "")
if phase == "extract":                      # in the NLP stage, after the first new article
    import graphx.extract as extract
    real_result, calls = extract.article_result, []
    def article_result(*args, **kwargs):
        calls.append(1)
        if len(calls) == 2:
            pause("extract")
        return real_result(*args, **kwargs)
    extract.article_result = article_result
elif phase == "commit":                     # inside the store transaction, snapshot row written
    import graphx.store as store
    real_open = store.Store.open.__func__
    class Conn:
        def __init__(self, conn):
            self._conn = conn
        def __getattr__(self, name):
            return getattr(self._conn, name)
        def execute(self, sql, *args):
            result = self._conn.execute(sql, *args)
            if sql.startswith("INSERT INTO snapshots"):
                pause("commit")
            return result
    def open_store(cls, *args, **kwargs):
        opened = real_open(cls, *args, **kwargs)
        opened.conn = Conn(opened.conn)
        return opened
    store.Store.open = classmethod(open_store)
elif phase == "write":                      # graph.json written to its temp file, not yet renamed
    real_replace = os.replace
    def replace(src, dst, *args, **kwargs):
        if str(dst).endswith("graph.json"):
            pause("write")
        return real_replace(src, dst, *args, **kwargs)
    os.replace = replace
elif phase == "dask":                       # --dask: in the client, the first batch of results in
    import graphx.cluster as cluster
    real_batch = cluster.batch_result
    def batch_result(*args, **kwargs):
        batch = real_batch(*args, **kwargs)
        pause("dask")
        return batch
    cluster.batch_result = batch_result

if __name__ == "__main__":                  # not in processes spawned from here (Dask's workers)
    from graphx.cli import main
    sys.argv = ["graphx"] + sys.argv[1:]
    main()
'''


def article_texts(n, start=0):
    cities = ["Berlin", "Paris", "Rom", "Madrid", "Wien", "Prag", "Warschau", "Kiew", "Moskau", "Brüssel",
              "London", "Lissabon"]
    return {f"{i:03d}.txt": f"Meldung {i} aus {cities[i % len(cities)]}.\n\nRussland kritisiert die Ukraine "
                            f"zum {i}. Mal. Frankreich unterstützt die Ukraine.\n" for i in range(start, start + n)}


def store_state(path):
    with Store.open(path, create=False) as store:
        return store.snapshots(), store.articles()


def outputs_state(out):
    return {name: (out / name).read_bytes() for name in ("graph.json", "graph.html")}


class Interruptible:
    """A `graphx build` in a subprocess that pauses at a phase; the test then signals it."""

    def __init__(self, tmp, args, phase=None, marker=None):
        hooks = tmp / "hooks.py"
        hooks.write_text(HOOKS, encoding="utf-8")
        env = dict(os.environ, GRAPHX_TEST_PAUSE=phase or "", PYTHONUNBUFFERED="1")
        self.marker = marker or f"PAUSED {phase}"
        self.proc = subprocess.Popen([sys.executable, str(hooks), "build", *map(str, args)], env=env,
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=tmp)
        self.stderr, self.seen = [], threading.Event()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        buffer = ""
        while True:
            char = self.proc.stderr.read(1)
            if not char:
                self.seen.set()
                return
            buffer += char
            if self.marker in buffer:
                self.seen.set()
            if char == "\n":
                self.stderr.append(buffer)
                buffer = ""

    def signal_when_paused(self, signum, timeout=120):
        assert self.seen.wait(timeout), "the build never reached the pause point"
        assert self.proc.poll() is None, "".join(self.stderr)
        self.proc.send_signal(signum)
        try:
            self.proc.wait(60)
        finally:
            if self.proc.poll() is None:
                self.proc.kill()
        time.sleep(0.1)
        return self.proc.returncode, "".join(self.stderr)


def check_interrupted_build_left_everything_usable(tmp, src, out, model_args, before_outputs, before_store,
                                                   signum, phase, code, stderr, n_after):
    if signum == signal.SIGKILL:
        assert code == -signal.SIGKILL
        if phase == "write":      # the killed writer's temp file is there until the next build
            assert len(list(out.glob(".graph.json.*.tmp"))) == 1
    else:
        assert code == int(ExitStatus.INTERRUPTED), stderr
        assert "Interrupted: previous outputs are unchanged." in stderr and "Traceback" not in stderr
        assert not list(out.glob(".*.tmp")), "a temp file was left behind"
    # the previous outputs are byte for byte what they were, and usable
    assert outputs_state(out) == before_outputs
    assert load_graph(out / "graph.json").number_of_nodes() > 0
    assert run("centrality", out / "graph.json", "--top", "3").exit_code == 0
    # the store holds every snapshot it held; only a build interrupted after its commit adds one
    snapshots, articles = store_state(out / "graphx.sqlite")
    if phase == "write":
        assert snapshots[:len(before_store[0])] == before_store[0] and len(snapshots) == len(before_store[0]) + 1
    else:
        assert (snapshots, articles) == before_store
    assert run("snapshots", "--store", out / "graphx.sqlite").exit_code == 0
    assert run("diff", "--store", out / "graphx.sqlite", "--format", "json").exit_code in (0, 3)
    # and the next build completes normally, with the new articles, and cleans up after a kill -9
    result = run("build", src, "--out", out, *model_args)
    assert result.exit_code == 0, result.output
    assert f"Articles read: {n_after}" in result.output
    assert len(json.loads((out / "graph.json").read_text(encoding="utf-8"))["graph"]["articles"]) == n_after
    assert not list(out.glob(".*.tmp"))
    assert store_state(out / "graphx.sqlite")[0][-1]["articles"] == n_after


def interrupted_build(tmp, blank_model, phase, signum):
    src, out = tmp / "in", tmp / "out"
    src.mkdir()
    for name, text in article_texts(6).items():
        (src / name).write_text(text, encoding="utf-8")
    first = run("build", src, "--out", out, "--model", blank_model)
    assert first.exit_code == 0, first.output
    before_outputs, before_store = outputs_state(out), store_state(out / "graphx.sqlite")
    for name, text in article_texts(5, start=6).items():
        (src / name).write_text(text, encoding="utf-8")
    build = Interruptible(tmp, [src, "--out", out, "--model", blank_model], phase)
    code, stderr = build.signal_when_paused(signum)
    check_interrupted_build_left_everything_usable(tmp, src, out, ["--model", blank_model], before_outputs,
                                                   before_store, signum, phase, code, stderr, 11)


SIGNALS = {"ctrl-c": signal.SIGINT, "sigterm": signal.SIGTERM, "kill -9": signal.SIGKILL}
QUICK = {("extract", "ctrl-c"), ("commit", "sigterm"), ("write", "kill -9")}


@pytest.mark.parametrize("phase, how", [
    pytest.param(phase, how, marks=[] if (phase, how) in QUICK else [pytest.mark.slow])
    for phase in ("extract", "commit", "write") for how in SIGNALS])
def test_interrupted_build_leaves_outputs_and_store_usable(tmp_path, blank_model, phase, how):
    interrupted_build(tmp_path, blank_model, phase, SIGNALS[how])


# ---------------------------------------------------------------------------------------------
# 4. injection: markup, quotes and newlines in names, aliases and evidence stay data in every output

PAYLOADS = ['"', "'", "\\", '\\"', "</script>", "<script>alert(1)</script>", "<!--", "]]>", "<b>x</b>", "&amp;",
            "&lt;", "\n", "\r\n", "\r", "`", "'}) DETACH DELETE n //", "${x}", "=HYPERLINK(\"x\")", ";", ",",
            "\u2028", "\x00", "\x07", "\x1b[31m", "\t", "\ufeff", "|", "' OR 1=1 --"]
nasty = st.lists(st.sampled_from(PAYLOADS) | st.text(st.characters(exclude_categories=("Cs",),
                                                                    exclude_characters="\ufffe\uffff"),
                                                      max_size=6), min_size=1, max_size=5).map("".join)


@st.composite
def nasty_graphs(draw):
    names = draw(st.lists(nasty.filter(str.strip), min_size=2, max_size=4, unique=True))
    types = ["PERSON", "STATE", "ORG", "LOCATION"]
    article = draw(nasty) + ".txt"
    entities = [{"name": n, "type": types[i % 4], "aliases": draw(st.lists(nasty, max_size=2)), "mentions": 1}
                for i, n in enumerate(names)]
    relations = []
    for j in range(draw(st.integers(1, 3))):
        sentence = draw(nasty)
        relations.append({"source": names[j % len(names)], "target": names[(j + 1) % len(names)],
                          "relation": ["accuses", "supplies", "meets"][j],
                          "evidence": {"article": article, "sentence": sentence, "start": 10 * j,
                                       "end": 10 * j + len(sentence), "attribution": draw(st.none() | nasty),
                                       "status": "alleged", "cue": draw(nasty)}})
    return build_graph([{"article": article, "sha256": "0" * 64, "entities": entities, "relations": relations}],
                       model={"name": "m", "version": "1"}, built_at="2024-01-01T00:00:00+00:00")


def plain_copy(G):
    """The same graph with harmless names (same types and relations)."""
    mapping = {n: f"e{i}" for i, n in enumerate(sorted(G.nodes))}
    return nx.relabel_nodes(G, mapping)


@settings(max_examples=40, deadline=None)
@given(G=nasty_graphs())
def test_names_aliases_and_evidence_are_escaped_in_every_export(G):
    from graphx.errors import InputError
    from graphx.export import to_csv, to_gexf, to_graphml, to_neo4j, xml_safe
    # CSV: every field reads back exactly
    files = to_csv(G)
    rows = list(csv.DictReader(io.StringIO(files["nodes.csv"], newline="")))
    assert [r["id"] for r in rows] == sorted(G.nodes)
    assert {r["id"]: r["aliases"] for r in rows} == {n: "; ".join(d["aliases"]) for n, d in G.nodes(data=True)}
    evidence = list(csv.DictReader(io.StringIO(files["evidence.csv"], newline="")))
    assert sorted(r["sentence"] for r in evidence) == sorted(e["sentence"] for *_, d in G.edges(data=True)
                                                              for e in d["evidence"])
    # GraphML and GEXF: well-formed XML that reads back with the same names (XML-invalid chars as U+FFFD)
    for export, read in ((to_graphml, nx.read_graphml), (to_gexf, nx.read_gexf)):
        try:
            [text] = export(G).values()
        except InputError as exc:      # two names differing only in characters XML cannot carry
            assert "XML cannot carry" in str(exc)
            continue
        ET.fromstring(text.encode("utf-8"))
        H = read(io.BytesIO(text.encode("utf-8")))
        assert set(H.nodes) == {xml_safe(n) for n in G.nodes}
        assert {H.nodes[xml_safe(n)]["aliases"] for n in G.nodes} == \
            {xml_safe("; ".join(d["aliases"])) for _, d in G.nodes(data=True)}
        for _, _, d in H.edges(data=True):
            assert isinstance(json.loads(d["evidence"]), list)
    # Neo4j: the Cypher script is the one a graph with plain names gets (no text reaches it); CSVs parse
    files = to_neo4j(G)
    assert files["neo4j_load.cypher"] == to_neo4j(plain_copy(G))["neo4j_load.cypher"]
    nodes = list(csv.DictReader(io.StringIO(files["neo4j_nodes.csv"], newline="")))
    assert len(nodes) == G.number_of_nodes()
    assert '\\"' not in files["neo4j_nodes.csv"] and '\\"' not in files["neo4j_relationships.csv"]
    rels = list(csv.DictReader(io.StringIO(files["neo4j_relationships.csv"], newline="")))
    assert len(rels) == G.number_of_edges()
    for row in rels:
        assert isinstance(json.loads(row["evidence"]), list)


@settings(max_examples=15, deadline=None)
@given(G=nasty_graphs())
def test_names_aliases_and_evidence_are_data_in_the_html_page(G):
    from graphx.render import render_html
    page = Page(render_html(G, title=next(iter(G.nodes))))
    plain = Page(render_html(plain_copy(G), title="e0"))
    assert page.tags == plain.tags                      # no element came from the data
    assert [(tag, sorted(attrs)) for tag, attrs in page.attrs] == [(tag, sorted(attrs)) for tag, attrs in plain.attrs]
    data = page.data()
    assert {n["id"] for n in data["nodes"]} == set(G.nodes)
    sentences = sorted(e["sentence"] for info in data["edge_info"] for r in info["relations"] for e in r["evidence"])
    assert sentences == sorted(e["sentence"] for *_, d in G.edges(data=True) for e in d["evidence"])


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(G=nasty_graphs())
def test_query_commands_print_csv_that_reads_back(tmp_path, G):
    assume(not any("\x1b" in n for n in G))     # click drops ANSI escapes from output that is not a terminal
    path = tmp_path / "g.json"
    save_graph(G, path)
    result = run("centrality", path, "--format", "csv")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout_bytes.decode("utf-8"), newline="")))  # .output folds \r\n
    assert sorted(r["entity"] for r in rows) == sorted(G.nodes)


# ---------------------------------------------------------------------------------------------
# big inputs (slow; built on the fly in a temporary folder)

def build_in_subprocess(args):
    """`graphx build ARGS` in a child process; (exit code, stdout, stderr, the child's peak RSS in MB)."""
    import tempfile
    with tempfile.TemporaryFile("w+", encoding="utf-8") as out, tempfile.TemporaryFile("w+", encoding="utf-8") as err:
        proc = subprocess.Popen([sys.executable, "-m", "graphx", "build", *map(str, args)], stdout=out, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return proc.returncode, out.read(), err.read(), usage.ru_maxrss / 1024


@pytest.mark.slow
def test_a_50_mb_text_file_is_built_with_bounded_memory(tmp_path, blank_model):
    """50 MB in one file: read, split into sections and chunks, stored, every part extracted.

    The filler is long words, so the test's time goes to the size of the file rather than to the
    per-token rules (linear, measured by the benchmarks); entity names planted at the start, in the
    middle and at the very end must all be found."""
    rng = random.Random(50)
    src = tmp_path / "in"
    src.mkdir()
    path = src / "riesig.txt"
    planted = {0: "Frankreich kritisiert Russland.", 25: "Finnland unterstützt die Ukraine.",
               49: "Portugal verurteilt Nordkorea."}
    with open(path, "w", encoding="utf-8") as handle:
        for mb in range(50):
            if mb in planted and mb != 49:
                handle.write(planted[mb] + "\n\n")
            words = ["".join(rng.choice("abcdefghijklmnopqrstuvwxyzäöüß") for _ in range(100))]
            line = " ".join(words[0][i:] + words[0][:i] for i in range(0, 100, 10)) + "\n"
            handle.write(line * (1024 * 1024 // len(line.encode("utf-8"))))
        handle.write("\n" + planted[49] + "\n")
    assert path.stat().st_size > 50_000_000
    out = tmp_path / "out"
    code, stdout, stderr, peak = build_in_subprocess([src, "--out", out, "--model", blank_model])
    assert code == 0, stderr
    G = load_graph(out / "graph.json")
    assert [a["name"] for a in G.graph["articles"]] == ["riesig.txt"]
    assert {"Frankreich", "Russland", "Finnland", "Ukraine", "Portugal", "Nordkorea"} <= set(G.nodes)
    assert peak < 1500, f"peak memory {peak:.0f} MB"
    with Store.open(out / "graphx.sqlite") as store:
        assert len(store.article_text("riesig.txt")) == len(path.read_text(encoding="utf-8"))


@pytest.mark.slow
def test_a_folder_of_10000_files(tmp_path, blank_model):
    src = tmp_path / "in"
    bad = []
    for i in range(10_000):
        folder = src / f"{i // 1000:02d}"
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{i:05d}.txt"
        if i % 500 == 1:
            path.write_bytes(b"")
            bad.append(path)
        elif i % 500 == 2:
            path.write_bytes(b"%PDF-1.4\n" + bytes(range(256)))
            bad.append(path)
        elif i % 500 == 3:
            path.write_text(f"Meldung {i - 3}: Frankreich kritisiert Russland.\n", encoding="utf-8")   # a copy
            bad.append(path)
        else:
            path.write_text(f"Meldung {i}: Frankreich kritisiert Russland.\n", encoding="utf-8")
    out = tmp_path / "out"
    code, stdout, stderr, _ = build_in_subprocess([src, "--out", out, "--model", blank_model])
    assert code == int(ExitStatus.WARNINGS), stderr[-2000:]
    warnings = [line for line in stderr.splitlines() if line.startswith("Warning: ")]
    assert len(warnings) == len(bad) == 60
    for path in bad:
        assert sum(line.startswith(f"Warning: {path}: skipped: ") for line in warnings) == 1
    assert "Articles read: 9940 (9940 processed, 0 from the store)" in stdout
    data = json.loads((out / "graph.json").read_text(encoding="utf-8"))
    assert len(data["graph"]["articles"]) == 9940
    # the second build takes everything from the store
    code, stdout, stderr, _ = build_in_subprocess([src, "--out", out, "--model", blank_model])
    assert code == int(ExitStatus.WARNINGS) and "(0 processed, 9940 from the store)" in stdout


@pytest.mark.slow
def test_a_million_character_line_with_the_packaged_model(tmp_path):
    """One line of 1.05 million characters of news sentences (longer than max_length) through the real
    build: split, not crashed, memory bounded, every evidence offset exact in the file's text."""
    sentences = " ".join(SEED_SENTENCES)
    text = (sentences + " ") * (1_050_000 // len(sentences) + 1)
    text = text[:1_050_000].rstrip() + "\n"
    src = tmp_path / "in"
    src.mkdir()
    (src / "zeile.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    code, stdout, stderr, peak = build_in_subprocess([src, "--out", out, "--no-store"])
    assert code == 0, stderr
    data = json.loads((out / "graph.json").read_text(encoding="utf-8"))
    evidence = [e for edge in data["edges"] for e in edge["evidence"]]
    assert len(evidence) > 100
    for e in evidence:
        assert text[e["start"]:e["end"]] == e["sentence"]
    assert peak < 3000, f"peak memory {peak:.0f} MB"


@pytest.mark.slow
@pytest.mark.parametrize("how", ["ctrl-c", "kill -9"])
def test_interrupting_a_real_build_of_the_seeds(tmp_path, how):
    """The packaged model on the seed articles: kill the second build while it extracts."""
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    for path in SEEDS.glob("*.txt"):
        (src / path.name).write_bytes(path.read_bytes())
    first = run("build", src, "--out", out)
    assert first.exit_code == 0, first.output
    before_outputs, before_store = outputs_state(out), store_state(out / "graphx.sqlite")
    for i, path in enumerate(sorted(SEEDS.glob("*.txt")) * 2):     # ten new articles
        (src / f"neu_{i}.txt").write_text(f"Eilmeldung {i}\n\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    build = Interruptible(tmp_path, [src, "--out", out], phase="extract")  # real model, paused after one new article
    code, stderr = build.signal_when_paused(SIGNALS[how])
    check_interrupted_build_left_everything_usable(tmp_path, src, out, [], before_outputs, before_store,
                                                   SIGNALS[how], "extract", code, stderr, 15)
