"""One article -> `ArticleResult`: annotate, find mentions, resolve them, find relations.

Long texts are cut into chunks at paragraph (else line, else sentence-like) boundaries below the
pipeline's max_length; each chunk's offset keeps evidence offsets exact in the article text.
"""
from __future__ import annotations

import functools
import re

from graphx.lexicon import noun_forms
from graphx.mentions import add_article_names, find_mentions, is_common_word
from graphx.relations import RULES_VERSION, find_relations
from graphx.resolve import resolve_article

CHUNK_CHARS = 50_000
BREAKS = (re.compile(r"\n\s*\n"), re.compile(r"\n"), re.compile(r"(?<=[.!?])\s+"), re.compile(r"\s+"))


def chunks(text: str, limit: int = CHUNK_CHARS):
    """(offset, chunk) pairs covering `text`, cut at the strongest boundary below `limit`."""
    start, n = 0, len(text)
    while start < n:
        if n - start <= limit:
            yield start, text[start:]
            return
        window = text[start:start + limit]
        cut = None
        for pattern in BREAKS:
            ends = [m.end() for m in pattern.finditer(window) if m.end() > limit // 4]
            if ends:
                cut = ends[-1]
                break
        cut = cut or limit
        yield start, text[start:start + cut]
        start += cut


PARAGRAPH_BREAK = re.compile(r"\n[ \t\f\v]*\n\s*")
# Line breaks and Unicode spaces (no-break, thin, narrow, figure, ideographic) become plain spaces for
# the NLP: same length, so offsets stay exact, and spaCy does not make tokens of them.
INNER_SPACE = str.maketrans({c: " " for c in "\n\t\r\f\v\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
                             "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"})


def segments(text: str, limit: int = CHUNK_CHARS):
    """(offset, text for the NLP) per paragraph and per line (headlines, captions and datelines
    have no full stop), except in hard-wrapped paragraphs, whose line breaks become spaces (same
    length, so offsets stay exact); long pieces are cut by `chunks`."""
    start = 0
    for match in list(PARAGRAPH_BREAK.finditer(text)) + [None]:
        end = match.start() if match else len(text)
        for offset, piece in paragraph_lines(text[start:end]):
            text_start = piece.lstrip()
            while text_start[:1] and text_start[0] in BULLETS:   # "• Gabriel bestellte ...": the bullet is no word
                text_start = text_start[1:].lstrip()
            lead = len(piece) - len(text_start)
            piece = text_start.rstrip()
            if piece:
                for chunk_offset, chunk in chunks(piece, limit):
                    yield start + offset + lead + chunk_offset, chunk.translate(INNER_SPACE)
        if match:
            start = match.end()


BULLETS = "\u2022\u25cf\u25aa\u25b8\u2023\u2043\u00b7"
SENTENCE_END = tuple('.!?:;"“”»«)')


def paragraph_lines(paragraph: str) -> list:
    """(offset, line) pairs; the whole paragraph as one piece when it is hard-wrapped."""
    lines = paragraph.split("\n")
    if len(lines) == 1 or is_hard_wrapped(lines):
        return [(0, paragraph)]
    result, offset = [], 0
    for line in lines:
        result.append((offset, line))
        offset += len(line) + 1
    return result


def is_hard_wrapped(lines) -> bool:
    """Lines of similar length, most of them ending mid-sentence: text wrapped at a fixed width."""
    widths = [len(line.rstrip()) for line in lines]
    inner = widths[:-1]
    if len(lines) < 3 or max(widths) > 100:
        return False
    long_enough = sum(1 for w in inner if w >= 0.6 * max(widths))
    open_ends = sum(1 for line in lines[:-1] if not line.rstrip().endswith(SENTENCE_END))
    return long_enough >= 0.8 * len(inner) and open_ends >= 0.5 * len(inner)


def article_result(article, parts, lex=None) -> dict:
    """Build the ArticleResult of one article from its annotated chunks [(offset, doc), ...]."""
    from graphx.lexicon import load
    lex = lex or load()
    found = [(offset, doc, find_mentions(doc, lex)) for offset, doc in parts]
    persons = sorted({m.key for _, _, mentions in found for m in mentions if m.type == "PERSON"})
    orgs = {m.surface: m.key for _, _, mentions in found for m in mentions   # "HDP", "M23": acronyms;
            if m.type == "ORG" and m.kind != "compound" and " " not in m.surface and "-" not in m.surface
            and (sum(c.isupper() or c.isdigit() for c in m.surface) >= 2 or     # "Verdi", not "Post"
                 (m.kind == "name" and len(m.surface) > 2 and not is_common_word(m.surface)
                  and m.surface not in noun_forms()))}
    all_mentions, per_chunk = [], []
    for offset, doc, mentions in found:
        mentions = add_article_names(doc, mentions, persons, lex, orgs)
        per_chunk.append((offset, doc, mentions))
        all_mentions += [shifted(m, offset) for m in mentions]
    resolved = resolve_article(all_mentions, article.text)
    names = resolved["names"]
    relations, position, context = [], 0, {}
    for offset, doc, mentions in per_chunk:
        chunk_names = names[position:position + len(mentions)]
        position += len(mentions)
        relations += find_relations(doc, mentions, chunk_names, article.name, offset, lex, lemmatizer(), context)
    for relation in relations:       # evidence quotes the article as read, line breaks included
        evidence = relation["evidence"]
        evidence["sentence"] = article.text[evidence["start"]:evidence["end"]]
    entities = [{"name": e["name"], "type": e["type"], "aliases": sorted(e["aliases"]), "mentions": e["mentions"]}
                for e in resolved["entities"].values()]
    return {"article": article.name, "sha256": article.sha256, "entities": entities, "relations": relations}


def shifted(mention, offset):
    from dataclasses import replace
    return replace(mention, start=mention.start + offset, end=mention.end + offset)


@functools.lru_cache(maxsize=1)
def rules_fingerprint() -> str:
    """A short hash of the lexicons and the rule modules: a cached result made by other rules or
    lexicon entries is never reused, even when RULES_VERSION was not raised."""
    import hashlib
    from pathlib import Path
    package = Path(__file__).resolve().parent
    files = sorted((package / "lexicons").iterdir()) + sorted((package / "relations").glob("*.py")) + \
        [package / name for name in ("mentions.py", "resolve.py", "extract.py", "lexicon.py", "components.py")]
    digest = hashlib.sha256()
    for path in files:
        if path.is_file():
            digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:10]


def lemmatizer():
    """Fallback lemmas from spacy-lookups-data's German table, for cue matching. The table spells
    the old way ("beschoß") and lacks some strong past forms ("griff", "griffen", but "griffe"): a
    verb found through those forms counts too."""
    from graphx.lexicon import word_forms
    table = word_forms()

    def lemma(token):
        word = token.text
        if word in table or not table:
            found = table.get(word, token.lemma_)    # "entsandte" -> "entsandt" -> "entsenden"
            return table.get(found, found) if found.islower() and not found.endswith("n") else found
        if word.islower():
            for form in (word[::-1].replace("ss", "ß", 1)[::-1], word + "e", word[:-1] if word.endswith("en") else ""):
                found = table.get(form, "")
                if found.islower() and found.endswith(("en", "ern", "eln")):
                    return found
        return token.lemma_
    return lemma


class Extractor:
    """Holds the NLP pipeline (loaded on first use) and turns articles into ArticleResults.

    `key` and `model_info` come from the pipeline's meta.json without loading it, so a build whose
    results all come from the store never loads the model."""

    def __init__(self, model=None, ner=None, nlp=None):
        self.model, self.ner = model, ner
        self._nlp = nlp
        self._info = None

    @property
    def nlp(self):
        if self._nlp is None:
            from graphx.annotate import load_pipeline
            self._nlp = load_pipeline(self.model, ner=self.ner)
            add_paragraph_boundaries(self._nlp)
        return self._nlp

    @property
    def model_info(self) -> dict:
        if self._info is None:
            from graphx.annotate import model_info, model_meta
            info = model_info(self._nlp) if self._nlp is not None else model_meta(self.model, self.ner)
            self._info = info if info is not None else model_info(self.nlp)
        return dict(self._info)

    @property
    def key(self) -> str:
        """Cache key: what produced a result (model, NER, rules)."""
        info = self.model_info
        ner = f"+{self.ner}" if self.ner else ""
        return f"{info['name']}@{info['version']}{ner}+rules{RULES_VERSION}-{rules_fingerprint()}"

    def extract_many(self, articles, progress=None, n_process=1, batch_size=16, dask=None):
        """Yield (article, ArticleResult) for every article (in input order with one process).

        With `n_process` > 1, that many worker processes each run the NLP *and* the extraction on
        batches of articles and send back only the (small) results; the docs never cross a process
        boundary. With `dask` (a parsed --dask value, see graphx.cluster) the same batches run on
        Dask workers instead, in the order they finish."""
        articles = list(articles)
        if not articles:
            return
        if dask is not None:
            from graphx import cluster
            stream = cluster.extract(dask, self.model, self.ner, articles, batch_size)
        elif n_process > 1 and len(articles) >= MIN_PARALLEL:
            stream = self._extract_parallel(articles, n_process, batch_size)
        else:
            stream = extract_indexed(self.nlp, articles, batch_size)
        if progress:
            progress(0, len(articles))
        for done, (index, result) in enumerate(stream, 1):
            if progress:
                progress(done, len(articles))
            yield articles[index], result

    def _extract_parallel(self, articles, n_process, batch_size):
        import multiprocessing

        methods = multiprocessing.get_all_start_methods()
        fork = "fork" in methods
        context = multiprocessing.get_context("fork" if fork else "spawn")
        # forked workers inherit this object (and its pipeline, if already loaded); spawned ones
        # get a fresh Extractor and load the pipeline themselves, on their first batch
        worker = self if fork else Extractor(self.model, self.ner)
        tasks = parallel_tasks(articles, n_process, batch_size)
        pool = context.Pool(min(n_process, len(tasks)), initializer=_init_worker, initargs=(worker,))
        try:
            for batch in pool.imap(_work, tasks):
                yield from batch
            pool.close()
        finally:
            pool.terminate()
            pool.join()


TASK_ARTICLES = 8          # articles per task sent to a worker process
MIN_PARALLEL = 16          # fewer articles run in this process (starting workers costs more)
_WORKER = {}


def parallel_tasks(articles, workers, batch_size) -> list:
    """[(start, articles[start:start + n], batch_size), ...]: at most TASK_ARTICLES per task, and
    about four tasks per worker at least, so that no worker waits for the last long one."""
    per_task = max(1, min(TASK_ARTICLES, len(articles) // (4 * workers)))
    return [(start, articles[start:start + per_task], batch_size) for start in range(0, len(articles), per_task)]


def _init_worker(extractor) -> None:
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)      # the parent handles Ctrl-C and stops the pool
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _WORKER["extractor"] = extractor


def _work(task) -> list:
    return run_task(_WORKER["extractor"], task)


def run_task(extractor, task) -> list:
    """One task of `parallel_tasks` in a worker (a pool process or a Dask worker): (index, result) pairs."""
    start, articles, batch_size = task
    nlp = extractor.nlp                               # loaded on the first batch (errors reach the parent)
    return [(start + index, result) for index, result in extract_indexed(nlp, articles, batch_size)]


def extract_indexed(nlp, articles, batch_size=16):
    """Yield (index into `articles`, ArticleResult): `nlp.pipe` over all their pieces in batches,
    each article's result as soon as its last piece is annotated; articles without text last.

    An article longer than SECTION_CHARS (a 50 MB dump, not a news article) comes last and goes
    section by section, so memory stays bounded; its entities are resolved per section."""
    long = [index for index, article in enumerate(articles) if len(article.text) > SECTION_CHARS]
    if not long:
        yield from _extract_pieces(nlp, articles, batch_size)
        return
    short = [index for index in range(len(articles)) if index not in set(long)]
    for position, result in _extract_pieces(nlp, [articles[index] for index in short], batch_size):
        yield short[position], result
    for index in long:
        article = articles[index]
        yield index, long_article_result(article, [
            shifted_result(result, offset) for offset, section in chunks(article.text, SECTION_CHARS)
            for _, result in _extract_pieces(nlp, [section_article(article, section)], batch_size)])


SECTION_CHARS = 250_000
BATCH_CHARS = 100_000      # characters per NLP batch at most (unless one piece is longer): the parser's
                           # memory grows with a batch's tokens (a 2 MB line in 50,000-character pieces: 1 GB)


def section_article(article, section: str):
    from graphx.reader import Article
    return Article(name=article.name, path=article.path, text=section, sha256=article.sha256)


def shifted_result(result: dict, offset: int) -> dict:
    """A section's result with its evidence offsets moved to the whole article."""
    for relation in result["relations"]:
        relation["evidence"]["start"] += offset
        relation["evidence"]["end"] += offset
    return result


def guarded_result(article, parts) -> dict:
    """`article_result`, but a bug that an article's text triggers in the rules costs that article, not
    the build: the result is empty and carries "error" (the pipeline skips it with a warning)."""
    try:
        return article_result(article, parts)
    except Exception as exc:  # noqa: BLE001  (any bug; KeyboardInterrupt still stops the build)
        return failed_result(article, f"{type(exc).__name__}: {exc}")


def failed_result(article, reason: str) -> dict:
    """An empty result carrying "error": the pipeline skips the article with a warning."""
    message = " ".join(reason.split())
    return {"article": article.name, "sha256": article.sha256, "entities": [], "relations": [],
            "error": message if len(message) <= 200 else message[:199] + "…"}


def long_article_result(article, results) -> dict:
    """Merge the per-section results of one article: entities by name, relations in order."""
    error = next((result["error"] for result in results if result.get("error")), None)
    if error:
        return {"article": article.name, "sha256": article.sha256, "entities": [], "relations": [],
                "error": error}
    entities = {}
    for result in results:
        for entity in result["entities"]:
            merged = entities.setdefault(entity["name"], dict(entity, aliases=set(), mentions=0))
            merged["aliases"].update(entity["aliases"])
            merged["mentions"] += entity["mentions"]
    for entity in entities.values():
        entity["aliases"] = sorted(entity["aliases"])
    relations = [relation for result in results for relation in result["relations"]]
    for relation in relations:
        evidence = relation["evidence"]
        evidence["sentence"] = article.text[evidence["start"]:evidence["end"]]
    return {"article": article.name, "sha256": article.sha256, "entities": list(entities.values()),
            "relations": relations}


def _extract_pieces(nlp, articles, batch_size=16):
    """extract_indexed for articles of at most SECTION_CHARS characters."""
    limit = min(CHUNK_CHARS, max(1000, nlp.max_length - 1))
    tasks = [(chunk, (index, offset)) for index, article in enumerate(articles)
             for offset, chunk in segments(article.text, limit)]
    remaining = {index: 0 for index in range(len(articles))}
    for _, (index, _) in tasks:
        remaining[index] += 1
    for index, count in list(remaining.items()):
        if count == 0:          # nothing but whitespace: an empty result, in order
            remaining.pop(index)
    parts = {}
    longest = max((len(chunk) for chunk, _ in tasks), default=1)
    batch_size = max(1, min(batch_size, BATCH_CHARS // longest))     # long pieces: fewer per batch
    for doc, (index, offset) in nlp.pipe(tasks, as_tuples=True, batch_size=batch_size):
        parts.setdefault(index, []).append((offset, doc))
        remaining[index] -= 1
        if remaining[index] == 0:
            yield index, guarded_result(articles[index], sorted(parts.pop(index), key=lambda p: p[0]))
    for index, article in enumerate(articles):
        if index not in remaining:
            yield index, {"article": article.name, "sha256": article.sha256, "entities": [],
                          "relations": []}


def add_paragraph_boundaries(nlp) -> None:
    """Blank lines always end a sentence (headlines have no full stop)."""
    from graphx import components  # noqa: F401  (registers the component)
    if "graphx_paragraphs" in nlp.pipe_names:
        return
    before = next((name for name in ("parser", "senter", "sentencizer") if name in nlp.pipe_names), None)
    if before:
        nlp.add_pipe("graphx_paragraphs", before=before)
    else:
        nlp.add_pipe("graphx_paragraphs", first=True)
