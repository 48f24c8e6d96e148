"""The read stage: files and folders -> `Article`s with their text as graphx reads it.

"The text as read" is the decoded text with line ends normalised to "\\n" (for HTML: the
extracted article text; for Markdown: the text with link and emphasis markup removed).
Evidence offsets index this text. Files that cannot be read are skipped with a warning.
"""
from __future__ import annotations

import codecs
import errno
import functools
import hashlib
import os
import re
import stat
from collections import Counter
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from graphx.errors import InputError

SUFFIXES = (".txt", ".md", ".html", ".htm")
MAX_FILE_BYTES = 200 * 1024 * 1024
BINARY_MAGIC = {
    b"%PDF": "a PDF file", b"\x89PNG": "a PNG image", b"PK\x03\x04": "a ZIP archive",
    b"GIF8": "a GIF image", b"\xff\xd8\xff": "a JPEG image", b"\x1f\x8b": "a gzip archive",
    b"\x7fELF": "an executable", b"SQLite format 3": "an SQLite database",
}


@dataclass
class Article:
    name: str
    path: Path
    text: str
    sha256: str = ""
    notes: list = field(default_factory=list, compare=False, repr=False)   # read, but with a caveat
    title: str = field(default="", compare=False)     # of a saved page, as trafilatura finds them
    date: str = field(default="", compare=False)      # YYYY-MM-DD

    def __post_init__(self):
        if not self.sha256:
            self.sha256 = hashlib.sha256(self.text.encode("utf-8")).hexdigest()


@dataclass
class ReadReport:
    articles: list = field(default_factory=list)
    warnings: list = field(default_factory=list)   # "path: reason" lines


class Unreadable(Exception):
    """A file graphx skips; the message is the reason."""


def decode(data: bytes) -> str:
    """Bytes -> text: BOMs first, then UTF-8, then Windows-1252, then Latin-1 (see `decode_text`)."""
    return decode_text(data)[0]


def decode_text(data: bytes) -> tuple[str, str | None]:
    """Bytes -> (text, note): BOMs first, then strict UTF-8, then Windows-1252, then Latin-1.

    A file that is mostly UTF-8 with a few bytes that are not (mixed encodings, a damaged byte)
    keeps its UTF-8 and reads the stray bytes as Windows-1252; `note` then says so.
    """
    for bom, encoding in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"),
                          (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF16_LE, "utf-16"),
                          (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(encoding), None
            except UnicodeDecodeError:
                raise Unreadable(f"invalid {encoding.upper()} text") from None
    if looks_like_bomless_utf16(data):
        try:
            return data.decode("utf-16-le" if data[1:2] == b"\x00" else "utf-16-be"), None
        except UnicodeDecodeError:
            pass
    for magic, what in BINARY_MAGIC.items():
        if data.startswith(magic):
            raise Unreadable(f"binary file ({what})")
    if b"\x00" in data[:65536]:
        raise Unreadable("binary file (contains NUL bytes)")
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError:
        pass
    note = None
    escaped = data.decode("utf-8", errors="surrogateescape")
    invalid = len(STRAY_BYTE.findall(escaped))
    valid = len(NON_ASCII.findall(escaped)) - invalid
    if valid > invalid:         # UTF-8 with a few stray bytes: keep the UTF-8, repair the rest
        text = STRAY_BYTE.sub(lambda m: single_byte(ord(m.group()) - 0xDC00), escaped)
        note = f"{invalid} byte(s) not valid UTF-8 (mixed encodings?); read them as Windows-1252"
    else:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            text = data.decode("latin-1")
    if sum(1 for ch in text[:65536] if ord(ch) < 32 and ch not in "\t\n\r\f") > 0.01 * min(len(text), 65536):
        raise Unreadable("binary file (not text in any known encoding)")
    return text, note


STRAY_BYTE = re.compile("[\udc80-\udcff]")
NON_ASCII = re.compile("[^\x00-\x7f]")


def single_byte(byte: int) -> str:
    try:
        return bytes([byte]).decode("cp1252")
    except UnicodeDecodeError:
        return bytes([byte]).decode("latin-1")


def looks_like_bomless_utf16(data: bytes) -> bool:
    sample = data[:4096]
    if len(sample) < 4:
        return False
    even, odd = sample[0::2], sample[1::2]
    return (odd.count(0) > 0.4 * len(odd) and even.count(0) == 0) or \
        (even.count(0) > 0.4 * len(even) and odd.count(0) == 0)


CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")   # C0 and C1 controls (same length)


SPACE_RUN = re.compile(r"(?<=\S)[ \t]{2,}(?=\S)")   # "Sergey  Kiselev" in CMS exports


def normalise(text: str) -> str:
    """Line ends as "\n"; a run of spaces or tabs between words as one space (the NER would see a
    space token inside the name); control characters as spaces. Evidence offsets index this text."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return CONTROL.sub(" ", SPACE_RUN.sub(" ", text))


MD_LINK = re.compile(r"!?\[([^\]\n]*)\]\([^)\n]*\)")
MD_MARKS = re.compile(r"(^|\s)[*_]{1,3}(?=\S)|(?<=\S)[*_]{1,3}(?=\s|$|[.,;:!?])|^#{1,6}\s+|^>\s?", re.MULTILINE)


def markdown_to_text(text: str) -> str:
    text = MD_LINK.sub(r"\1", text)
    return MD_MARKS.sub(lambda m: m.group(1) or "", text)


class ArticleHTMLParser(HTMLParser):
    """Keeps the readable text of a page; drops scripts, styles, navigation and banners."""

    SKIP = {"script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form",
            "button", "svg", "iframe", "select", "head", "figcaption"}
    BLOCK = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "section",
             "article", "main", "blockquote", "tr", "table", "pre", "hr", "dd", "dt", "title"}
    BANNER = re.compile(r"cookie|consent|banner|newsletter|paywall|advert|gdpr|share|social", re.IGNORECASE)
    VOID = {"br", "hr", "img", "input", "meta", "link", "area", "base", "col", "embed", "source",
            "track", "wbr", "param"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []          # open tags; True where the subtree is skipped
        self.parts = {"all": [], "article": []}
        self.in_article = 0

    def handle_starttag(self, tag, attrs):
        if tag in self.VOID:
            if tag in ("br", "hr"):
                self.emit("\n")
            return
        attrs = dict(attrs)
        marker = " ".join(str(attrs.get(k) or "") for k in ("class", "id", "role", "aria-label"))
        skipped = bool(self.stack and self.stack[-1][1]) or tag in self.SKIP or \
            bool(self.BANNER.search(marker)) or attrs.get("role") in ("navigation", "banner", "dialog")
        self.stack.append((tag, skipped))
        if tag in ("article", "main") and not skipped:
            self.in_article += 1
        if tag in self.BLOCK:
            self.emit("\n\n")

    def handle_endtag(self, tag):
        if tag in self.VOID:
            return
        while self.stack:
            open_tag, skipped = self.stack.pop()
            if open_tag in ("article", "main") and not skipped:
                self.in_article -= 1
            if open_tag == tag:
                break
        if tag in self.BLOCK:
            self.emit("\n\n")

    def handle_data(self, data):
        if self.stack and self.stack[-1][1]:
            return
        self.emit(data)

    def emit(self, text):
        self.parts["all"].append(text)
        if self.in_article > 0:
            self.parts["article"].append(text)

    def text(self) -> str:
        chosen = "".join(self.parts["article"])
        if len(chosen.split()) < 50:
            chosen = "".join(self.parts["all"])
        lines = [" ".join(line.split()) for line in chosen.split("\n")]
        return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip() + "\n"


def html_to_text(html: str) -> str:
    """The article text of a saved page: trafilatura's, else (nothing found) `ArticleHTMLParser`'s."""
    return read_html(html)[0]


def read_html(html: str) -> tuple:
    """(text, title, date) of a saved news page. trafilatura finds the article (no bylines, teasers,
    comments, cookie walls); its paragraphs become paragraphs, its line breaks (<br>) lines. Where it
    finds nothing (a short page), graphx's own `ArticleHTMLParser` reads the page."""
    found = extract_article(html)
    if found and len(found[0].split()) >= MIN_EXTRACTED_WORDS:
        return found
    parser = ArticleHTMLParser()
    parser.feed(html)
    parser.close()
    return parser.text(), "", ""


WHITESPACE = re.compile(r"\s+")
MIN_EXTRACTED_WORDS = 30     # fewer: a short page (or only a banner) that the fallback reads as before
TREE_BLOCKS = {"p", "head", "item", "quote", "row", "cell", "list", "table", "code", "div", "main", "doc"}


def extract_article(html: str):
    """(text, title, date) from trafilatura, or None when it finds no article or fails."""
    trafilatura = import_trafilatura()
    if trafilatura is None:
        return None
    try:
        document = trafilatura.bare_extraction(html, include_comments=False, include_tables=True,
                                               include_images=False, with_metadata=True)
    except Exception:  # noqa: BLE001  (any failure inside the extractor: the fallback reads the page)
        return None
    if document is None or document.body is None:
        return None
    paragraphs, current = [], []

    def flush():
        lines = (" ".join(line.split()) for line in CONTROL.sub(" ", "".join(current)).split("\n"))
        paragraph = "\n".join(line for line in lines if line)
        if paragraph:
            paragraphs.append(paragraph)
        current.clear()

    from lxml import etree
    for event, element in etree.iterwalk(document.body, events=("start", "end")):   # no recursion
        if element.tag in TREE_BLOCKS:
            flush()
        if event == "start":
            if element.tag == "lb":          # <br>; other whitespace of the page is one space
                current.append("\n")
            current.append(WHITESPACE.sub(" ", element.text or ""))
        elif element is not document.body:
            current.append(WHITESPACE.sub(" ", element.tail or ""))
    flush()
    title = " ".join((document.title or "").split())
    if title and paragraphs and title not in paragraphs[0]:
        paragraphs.insert(0, title)
    text = "\n\n".join(paragraphs)
    return (text + "\n" if text else ""), title, document.date or ""


@functools.lru_cache(maxsize=1)
def import_trafilatura():
    """trafilatura (imported on the first HTML page), its loggers quiet: graphx reports in one line."""
    import logging
    try:
        import trafilatura
    except ImportError:
        return None
    for name in ("trafilatura", "htmldate", "courlan", "justext", "readability"):
        logger = logging.getLogger(name)
        logger.addHandler(logging.NullHandler())
        logger.propagate = False
    return trafilatura


WORD = re.compile(r"[^\W\d_]+")
SCRIPTS = (("Cyrillic", re.compile("[\u0400-\u04ff]")), ("Greek", re.compile("[\u0370-\u03ff]")),
           ("Arabic", re.compile("[\u0600-\u06ff]")), ("Hebrew", re.compile("[\u0590-\u05ff]")),
           ("Chinese, Japanese or Korean", re.compile("[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]")))
LATIN = re.compile("[A-Za-z\u00c0-\u024f]")
MIN_FOREIGN_WORDS = 8        # function words of another language; fewer (a headline, a title) never count
FOREIGN_RATIO = 3            # ... and this many times as many as German ones


@functools.lru_cache(maxsize=1)
def function_words() -> dict:
    """language code -> (language name, set of function words), from lexicons/function_words.tsv."""
    from graphx.lexicon import rows
    return {code: (name, frozenset(words.split())) for code, name, words in rows("function_words.tsv")}


def foreign_language(text: str) -> str | None:
    """The name of the language `text` is clearly written in when that is not German, else None.

    A cheap check: another script than Latin for most letters, or counts of function words per language
    (words in capitals, "WHO" or "US", are names and not counted)."""
    sample = text[:200_000]
    latin = len(LATIN.findall(sample))
    for script, pattern in SCRIPTS:
        if len(pattern.findall(sample)) > latin:
            return f"{script} script"
    lexicon = function_words()
    hits = dict.fromkeys(lexicon, 0)
    for word in WORD.findall(sample):
        if len(word) > 1 and word.isupper():
            continue
        word = word.lower()
        for code, (_, words) in lexicon.items():
            if word in words:
                hits[code] += 1
    code = max((c for c in hits if c != "de"), key=lambda c: hits[c])
    if hits[code] >= MIN_FOREIGN_WORDS and hits[code] > FOREIGN_RATIO * hits.get("de", 0):
        return lexicon[code][0]
    return None


def read_article(path: Path, name: str | None = None) -> Article:
    """Read one file; raises `Unreadable` with the reason when graphx must skip it."""
    try:
        info = path.stat()
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise Unreadable("symbolic link loop") from None
        if path.is_symlink():
            raise Unreadable(f"broken symbolic link ({exc.strerror or exc})") from None
        raise Unreadable(exc.strerror or str(exc)) from None
    if not stat.S_ISREG(info.st_mode):      # reading a named pipe would wait forever
        raise Unreadable(f"not a regular file ({special_kind(info.st_mode)})")
    if info.st_size > MAX_FILE_BYTES:
        raise Unreadable(f"larger than {MAX_FILE_BYTES // (1024 * 1024)} MB")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise Unreadable(exc.strerror or str(exc)) from None
    decoded, note = decode_text(data)
    text = normalise(decoded)
    suffix = path.suffix.lower()
    title = date = ""
    if suffix in (".html", ".htm"):
        text, title, date = read_html(text)
    elif suffix == ".md":
        text = markdown_to_text(text)
    if not text.strip():
        raise Unreadable("empty file" if not decoded.strip() else "no text")
    return Article(name=name or path.name, path=path, text=text, notes=[note] if note else [], title=title,
                   date=date)


def special_kind(mode: int) -> str:
    for test, what in ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a named pipe"), (stat.S_ISSOCK, "a socket"),
                       (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device")):
        if test(mode):
            return what
    return "a special file"


def shown(path) -> str:
    """A path for a one-line message: control characters (a newline in a file name) escaped."""
    text = str(path)
    return CONTROL_OR_NEWLINE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


CONTROL_OR_NEWLINE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def iter_files(root: Path):
    """Files below `root` in sorted order; follows folder symlinks once, never in a loop."""
    seen = set()
    for folder, dirs, files in os.walk(root, followlinks=True):
        real = os.path.realpath(folder)
        if real in seen:
            dirs[:] = []
            continue
        seen.add(real)
        dirs.sort()
        for name in sorted(files):
            yield Path(folder) / name


def collect(paths) -> list:
    """(path, article name) pairs for every candidate file; InputError for a missing path."""
    found = []
    for raw in paths:
        path = Path(raw)
        if not path.exists() and not path.is_symlink():   # a broken link or loop: skipped with a warning
            raise InputError(f"{shown(raw)}: no such file or folder")
        if path.is_dir():
            for file in iter_files(path):
                if file.suffix.lower() in SUFFIXES:
                    found.append((file, file.relative_to(path).as_posix()))
        else:
            found.append((path, path.name))
    return found


def read_articles(paths, any_language: bool = False) -> ReadReport:
    """Read every article below `paths`; duplicates (same text) are kept once, articles clearly not
    in German are skipped unless `any_language`."""
    candidates = collect(paths)
    if not candidates:
        raise InputError(f"no .txt, .md or .html files in {', '.join(shown(p) for p in paths)}")
    report = ReadReport()
    by_hash, by_name = {}, set()
    for path, name in candidates:
        try:
            article = read_article(path, name)
        except Unreadable as exc:
            report.warnings.append(f"{shown(path)}: skipped: {exc}")
            continue
        language = None if any_language else foreign_language(article.text)
        if language:
            report.warnings.append(f"{shown(path)}: skipped: {language}, not German (--any-language reads it)")
            continue
        if article.sha256 in by_hash:
            report.warnings.append(f"{shown(path)}: skipped: same text as {shown(by_hash[article.sha256])}")
            continue
        report.warnings += [f"{shown(path)}: {note}" for note in article.notes]
        if article.name in by_name:
            article.name = path.as_posix()
        by_hash[article.sha256] = path
        by_name.add(article.name)
        report.articles.append(article)
    if not report.articles:
        skips = [w for w in report.warnings if ": skipped: " in w]
        raise InputError(f"no readable articles in {', '.join(shown(p) for p in paths)}: " + skipped_summary(skips),
                         details=skips if len(skips) > NAMED_SKIPS else ())
    return report


NAMED_SKIPS = 20           # the one-line error names this many skipped files, then counts the rest


def skipped_summary(skips) -> str:
    """"N file(s) skipped: PATH: REASON; ..." on one line; past NAMED_SKIPS files, counts per reason."""
    pairs = [skip.split(": skipped: ", 1) for skip in skips]
    text = f"{len(pairs)} file(s) skipped: " + "; ".join(f"{path}: {reason}" for path, reason in pairs[:NAMED_SKIPS])
    rest = Counter(reason for _, reason in pairs[NAMED_SKIPS:])
    if rest:
        text += f"; and {sum(rest.values())} more: " + "; ".join(f"{n} {reason}" for reason, n in rest.most_common())
    return text
