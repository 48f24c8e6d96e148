"""Annotation stage: texts -> spaCy ``Doc``s.

Three ways to get a pipeline (``load_pipeline``):

* ``model=None``: graphx's own German pipeline shipped in ``graphx/models/de_graphx``
  (tokenizer for news, morphologizer with UPOS + case etc., parser, lemmas, NER with
  PER/ORG/LOC/LOCderiv).
* ``model="de_core_news_lg"`` or ``model="/path/to/pipeline"``: any installed spaCy pipeline.
* ``ner="flair:NAME_OR_PATH"``: a flair ``SequenceTagger`` (e.g. ``flair/ner-german-large`` or a
  local ``.pt`` file) replaces ``doc.ents``; spaCy still does tokens, sentences and parse. Labels are
  kept as the tagger gives them (PER/ORG/LOC/MISC); downstream code treats unknown labels as
  non-entities.

spaCy and flair are imported inside the functions, so ``import graphx.annotate`` is cheap.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from graphx.errors import InputError, ModelError, UsageError

DEFAULT_MODEL = str(Path(__file__).resolve().parent / "models" / "de_graphx")
FLAIR_PREFIX = "flair:"


def check_ner(ner: str | None) -> None:
    """UsageError unless `ner` is None or ``flair:NAME_OR_PATH``."""
    if ner is not None and (not ner.startswith(FLAIR_PREFIX) or not ner[len(FLAIR_PREFIX):]):
        raise UsageError(f"unknown --ner value {ner!r}; use flair:MODEL_NAME_OR_PATH")


def load_pipeline(model: str | None = None, ner: str | None = None):
    """Load a spaCy pipeline (see module docstring). Raises ``ModelError`` with a one-line
    message if the model or the flair tagger cannot be loaded, ``UsageError`` for a bad ``ner``."""
    check_ner(ner)
    spacy = import_spacy(without_torch=model is None and ner is None)

    import graphx.model.components  # noqa: F401  (registers graphx's components)

    name = DEFAULT_MODEL if model is None else str(model)
    try:
        quiet = pipes_before_rulers(name) if model is None else []
        nlp = spacy.load(name, disable=quiet)
        for pipe in quiet:
            nlp.enable_pipe(pipe)
    except OSError as exc:
        msg = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        if model is None:
            raise ModelError(f"graphx's packaged model is missing or broken at {name}: {msg}") from None
        raise ModelError(f"cannot load spaCy model {name!r}: not an installed package or pipeline directory") from None
    except Exception as exc:  # corrupt config, incompatible version, ...
        first = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
        raise ModelError(f"cannot load spaCy model {name!r}: {first}") from None
    if ner is not None:
        add_flair_ner(nlp, ner[len(FLAIR_PREFIX):])
    return nlp


def pipes_before_rulers(path) -> list:
    """The components to disable while the pipeline at `path` loads: all but its entity rulers, if
    these match ORTH (spaCy runs every enabled component before a ruler over its phrase patterns
    when it loads them, 0.3 s of each build for the packaged model; ORTH needs only the tokenizer)."""
    from spacy.util import load_config

    try:
        config = load_config(Path(path) / "config.cfg")
        pipeline, components = list(config["nlp"]["pipeline"]), config["components"]
        if config["nlp"].get("disabled"):
            return []
        rulers = [n for n in pipeline if components[n].get("factory") == "entity_ruler"]
        if not rulers or any(components[n].get("phrase_matcher_attr") not in (None, "ORTH") for n in rulers):
            return []
        return [n for n in pipeline if n not in rulers]
    except Exception:  # noqa: BLE001  (an unusual config: load as it is)
        return []


def import_spacy(without_torch: bool = False):
    """``import spacy``. With `without_torch` (graphx's own pipeline needs no torch), thinc is kept
    from importing torch (installed with the flair extra) only to note that it is there: that
    costs 3-4 s of every build's start. torch stays importable for anyone who imports it later."""
    import sys

    if not without_torch or "spacy" in sys.modules or "thinc" in sys.modules or "torch" in sys.modules:
        import spacy
        return spacy
    sys.modules["torch"] = None                    # makes `import torch` raise ImportError
    try:
        import spacy
    finally:
        if "torch" in sys.modules and sys.modules["torch"] is None:
            del sys.modules["torch"]
    return spacy


def add_flair_ner(nlp, tagger: str, batch_size: int = 32):
    """Add the ``graphx_flair_ner`` component at the end of ``nlp`` (replaces ``doc.ents``).
    spaCy's own ``ner`` component is removed (it would only cost time)."""
    from graphx.model.flair_ner import load_tagger

    tagger_obj = load_tagger(tagger)  # raises ModelError
    if "ner" in nlp.pipe_names:
        nlp.remove_pipe("ner")
    comp = nlp.add_pipe("graphx_flair_ner", last=True, config={"tagger_name": tagger, "batch_size": batch_size})
    comp.tagger = tagger_obj
    return nlp


def model_info(nlp) -> dict:
    """``{"name": ..., "version": ...}`` of a loaded pipeline (plus the flair tagger if used)."""
    meta = nlp.meta
    name = f"{meta.get('lang', 'xx')}_{meta.get('name', 'pipeline')}"
    version = str(meta.get("version", "0.0.0"))
    if "graphx_flair_ner" in nlp.pipe_names:
        name += "+flair:" + nlp.get_pipe("graphx_flair_ner").tagger_name
    return {"name": name, "version": version}


def model_meta(model: str | None = None, ner: str | None = None) -> dict | None:
    """What ``model_info(load_pipeline(model, ner))`` would say, read from the pipeline's
    ``meta.json`` without loading it (and without importing spaCy): cheap enough for a build whose
    results all come from the store. ``None`` when the meta cannot be found this way (an unusual
    package layout); the caller then loads the pipeline. Raises ``UsageError`` for a bad ``ner``."""
    import importlib.util
    import json

    check_ner(ner)
    name = DEFAULT_MODEL if model is None else str(model)
    folder = Path(name)
    if not folder.is_dir():
        if not name.isidentifier():
            return None
        try:
            spec = importlib.util.find_spec(name)          # an installed pipeline package
        except (ImportError, ValueError):
            return None
        if spec is None or not spec.submodule_search_locations:
            return None
        folder = Path(list(spec.submodule_search_locations)[0])
    try:
        meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(meta, dict):
        return None
    info_name = f"{meta.get('lang', 'xx')}_{meta.get('name', 'pipeline')}"
    if ner is not None:
        info_name += "+flair:" + ner[len(FLAIR_PREFIX):]
    return {"name": info_name, "version": str(meta.get("version", "0.0.0"))}


_PARA = re.compile(r"\n\s*\n")
_SENT = re.compile(r"(?<=[.!?…])[\"“”»«']?\s+")


def split_text(text: str, max_chars: int) -> list[tuple[str, int]]:
    """Split ``text`` into chunks of at most ``max_chars`` characters, preferring paragraph
    boundaries, then sentence ends, then whitespace, then a hard cut. Returns ``(chunk, offset)``
    pairs with ``text[offset:offset + len(chunk)] == chunk``."""
    if max_chars <= 0:
        raise InputError("max_chars must be positive")
    if len(text) <= max_chars:
        return [(text, 0)]
    chunks: list[tuple[str, int]] = []
    start = 0
    n = len(text)
    while start < n:
        end = min(start + max_chars, n)
        if end < n:
            window = text[start:end]
            cut = None
            for pattern in (_PARA, _SENT, re.compile(r"\s+")):
                matches = [m.end() for m in pattern.finditer(window) if m.end() > len(window) // 4]
                if matches:
                    cut = matches[-1]
                    break
            end = start + (cut or len(window))
        chunks.append((text[start:end], start))
        start = end
    return chunks


def annotate(nlp, texts: Iterable[str], batch_size: int = 16, n_process: int = 1) -> Iterator[list]:
    """Run ``nlp.pipe`` over ``texts`` and yield, **per input text**, a list of
    ``(doc, char_offset)`` chunks.

    Texts no longer than ``nlp.max_length`` give exactly one chunk ``[(doc, 0)]``. Longer texts are
    split (paragraphs, then sentence ends, then whitespace; see :func:`split_text`) into chunks of at
    most ``nlp.max_length`` characters; ``char_offset`` is where the chunk starts in the original
    text, so ``doc[i].idx + char_offset`` is a token's offset in the original text. Output order
    equals input order.

    ``batch_size`` is in texts (chunks); 16 keeps peak memory of the packaged model around 0.6 GB on
    long news articles at nearly full speed.
    """
    max_len = nlp.max_length
    counts: list[int] = []

    def pieces():
        for text in texts:
            if not isinstance(text, str):
                raise InputError(f"annotate() expects str texts, got {type(text).__name__}")
            chunks = split_text(text, max_len)
            counts.append(len(chunks))
            for chunk, offset in chunks:
                yield chunk, offset

    stream = nlp.pipe(pieces(), as_tuples=True, batch_size=batch_size, n_process=n_process)
    current: list = []
    text_index = 0
    for doc, offset in stream:
        current.append((doc, offset))
        # counts grows lazily as texts are read; emit when the current text is complete
        while text_index < len(counts) and len(current) >= counts[text_index]:
            yield current[:counts[text_index]]
            current = current[counts[text_index]:]
            text_index += 1
