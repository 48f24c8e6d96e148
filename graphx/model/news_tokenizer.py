"""Tokenizer rules for German news, on top of spaCy's German defaults.

Decisions (tested in tests/test_model.py):

* Hyphen compounds stay **one token**: "US-Verteidigungsminister", "Nord-Stream-2-Pipeline",
  "Biden-Regierung" (spaCy's German default; graphx's mention code splits hyphen compounds itself).
  Truncated first parts keep their hyphen: "Wirtschafts-" "und" "Finanzminister".
* Quotes „…“, “…”, «…», »…«, ‚…‘ are always separate tokens, also when glued to a colon:
  ``sagte:„Wir`` -> ``sagte`` ``:`` ``„`` ``Wir``.
* Dates: "24." (ordinal day, before a month name) stays one token, "24.02.2022" stays one token,
  "14:30" stays one token; a four-digit year before a final period is split: ``1945.`` -> ``1945`` ``.``
  (otherwise the sentence boundary is lost).

The rules are applied by :func:`customize_tokenizer`; they are serialized with the pipeline's
tokenizer, so a saved pipeline needs no code to tokenize this way. The same function is registered
as the spaCy callback ``graphx.news_tokenizer.v1`` for ``[initialize.before_init]``.
"""
from __future__ import annotations

import spacy

QUOTES = "„“”«»‚‘\"'›‹"
_Q = "".join("\\" + q if q in "\"'" else q for q in QUOTES)

EXTRA_INFIXES = [
    # colon glued to a following quote or capital: sagte:„Wir / Selenskyj:«Wir
    r"(?<=[A-Za-zÄÖÜäöüß]):(?=[" + _Q + r"A-ZÄÖÜ])",
    # an opening quote glued to a preceding colon or word-final punctuation
    r"(?<=:)[" + _Q + r"]",
    # closing quote glued to a following word: “Dann
    r"(?<=[.!?])[" + _Q + r"](?=[A-ZÄÖÜ])",
]
EXTRA_SUFFIXES = [
    r"(?<=\b[12][0-9]{3})\.",  # year before a sentence-final period
    r"[" + _Q + r"]",
]
EXTRA_PREFIXES = [r"[" + _Q + r"]"]


def customize_tokenizer(nlp):
    """Add graphx's news rules to ``nlp.tokenizer`` in place and return ``nlp``."""
    from spacy.util import (
        compile_infix_regex,
        compile_prefix_regex,
        compile_suffix_regex,
    )

    tok = nlp.tokenizer
    defaults = nlp.Defaults
    tok.infix_finditer = compile_infix_regex(list(defaults.infixes or []) + EXTRA_INFIXES).finditer
    tok.suffix_search = compile_suffix_regex(EXTRA_SUFFIXES + list(defaults.suffixes or [])).search
    tok.prefix_search = compile_prefix_regex(EXTRA_PREFIXES + list(defaults.prefixes or [])).search
    return nlp


@spacy.registry.callbacks("graphx.news_tokenizer.v1")
def create_news_tokenizer_callback():
    return customize_tokenizer
